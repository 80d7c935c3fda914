//! Renaming and recolouring a tag from the tag pane (`rename_tag`,
//! `recolor_tag`): a prompt holding the tag's name or colour to edit, and,
//! before a rename (which rewrites every sidecar and the config), a question
//! saying what will change.
//!
//! The prompt owns its state, draws itself and turns keys into a
//! [`TagPromptStep`] through `[keys.tag_edit]`; the question answers through
//! `[keys.confirm]`. Neither knows of the app: it checks the answer and hands
//! the work to the session's queue (see `tag_saves`).

use super::action::TagEditAction;
use super::bordered;
use super::layout;
use super::theme::Theme;
use crate::text::{escape_controls, fit_width};
use crossterm::event::{Event, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;
use unicode_width::UnicodeWidthStr;

/// What the prompt changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagPromptKind {
    /// The tag's name, everywhere it is written.
    Rename,
    /// Its colour in the config.
    Recolor,
}

/// The prompt's state.
#[derive(Debug, Clone)]
pub struct TagPrompt {
    pub kind: TagPromptKind,
    /// The tag's name.
    pub tag: String,
    /// How the pane shows it (its label), for the prompt.
    pub label: String,
    /// The new name or colour, as typed (it starts as the current one).
    pub input: Input,
}

impl PartialEq for TagPrompt {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.tag == other.tag
            && self.label == other.label
            && self.input.value() == other.input.value()
    }
}

impl Eq for TagPrompt {}

/// What a key did to the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagPromptStep {
    Stay,
    Cancel,
    /// Enter on this text (trimmed).
    Done(String),
}

impl TagPrompt {
    /// A prompt editing `current` (the name or the colour) of tag `tag`.
    pub fn new(kind: TagPromptKind, tag: &str, label: &str, current: &str) -> TagPrompt {
        TagPrompt {
            kind,
            tag: tag.to_string(),
            label: label.to_string(),
            input: Input::new(current.to_string()),
        }
    }

    /// A key: `action` is what `[keys.tag_edit]` binds it to; a key bound to
    /// nothing edits the text.
    pub fn key(&mut self, action: Option<TagEditAction>, key: KeyEvent) -> TagPromptStep {
        match action {
            Some(TagEditAction::Save) => TagPromptStep::Done(self.input.value().trim().to_string()),
            Some(TagEditAction::Cancel) => TagPromptStep::Cancel,
            None => {
                self.input.handle_event(&Event::Key(key));
                TagPromptStep::Stay
            }
        }
    }

    fn title(&self) -> &'static str {
        match self.kind {
            TagPromptKind::Rename => " Rename tag ",
            TagPromptKind::Recolor => " Colour of tag ",
        }
    }

    fn question(&self) -> String {
        let shown = if self.label == self.tag {
            format!("\"{}\"", self.tag)
        } else {
            format!("{} \"{}\"", self.label, self.tag)
        };
        match self.kind {
            TagPromptKind::Rename => format!("New name of {shown} (every sidecar and the config):"),
            TagPromptKind::Recolor => {
                format!("Colour of {shown} (blue, light-red, #rrggbb or 0-255):")
            }
        }
    }

    fn lines(&self, hints: Vec<(String, String)>, theme: &Theme) -> Vec<Line<'static>> {
        vec![
            Line::from(escape_controls(&self.question()).into_owned()),
            Line::from(vec![
                Span::styled("> ", theme.key()),
                Span::raw(escape_controls(self.input.value()).into_owned()),
            ]),
            hint_line(hints, theme),
        ]
    }
}

/// A rename waiting for yes or no: what changes, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameQuestion {
    pub old: String,
    pub new: String,
    /// How the pane shows the tag (its label).
    pub label: String,
    /// Articles of this session carrying it.
    pub articles: usize,
    /// Whether the config defines it (its file is rewritten too).
    pub in_config: bool,
}

impl RenameQuestion {
    fn lines(&self, hints: Vec<(String, String)>, theme: &Theme) -> Vec<Line<'static>> {
        let label = if self.label == self.old {
            String::new()
        } else {
            format!("{} ", self.label)
        };
        let wher = if self.in_config {
            "in every sidecar (every coder's too) and in the config?"
        } else {
            "in every sidecar (every coder's too)?"
        };
        vec![
            Line::from(
                escape_controls(&format!(
                    "Rename {label}\"{}\" to \"{}\"",
                    self.old, self.new
                ))
                .into_owned(),
            ),
            Line::from(wher),
            Line::from(format!(
                "Articles of this corpus carrying it: {}",
                self.articles
            )),
            hint_line(hints, theme),
        ]
    }
}

/// `y yes  n no`: a prompt's keys from its keymap.
fn hint_line(hints: Vec<(String, String)>, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, name) in hints {
        spans.push(Span::styled(format!(" {key} "), theme.key()));
        spans.push(Span::styled(format!(" {name}   "), theme.dim()));
    }
    Line::from(spans)
}

/// The box of `lines` titled `title`, centred in `area`.
fn frame(lines: &[Line], title: &str, area: Rect) -> Rect {
    let want = lines
        .iter()
        .map(Line::width)
        .max()
        .unwrap_or(0)
        .max(title.width())
        + 4;
    layout::centered(area, want.max(40) as u16, lines.len() as u16 + 2)
}

/// Draw `lines` in a box titled `title` over `area`, each fitted to its width.
fn render_box(lines: Vec<Line<'static>>, title: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rect = frame(&lines, title, area);
    let room = rect.width.saturating_sub(2) as usize;
    let lines = lines
        .into_iter()
        .map(|l| {
            if l.width() <= room {
                l
            } else {
                let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
                Line::from(fit_width(&text, room))
            }
        })
        .collect();
    let inner = bordered::overlay(theme, title.to_string(), None, rect, buf);
    bordered::render_lines(lines, inner, buf);
}

/// Draw the prompt over `area`; `hints` are `[keys.tag_edit]`'s keys.
pub fn render(
    edit: &TagPrompt,
    theme: &Theme,
    hints: Vec<(String, String)>,
    area: Rect,
    buf: &mut Buffer,
) {
    render_box(edit.lines(hints, theme), edit.title(), theme, area, buf);
}

/// Draw the question over `area`; `hints` are `[keys.confirm]`'s keys.
pub fn render_question(
    question: &RenameQuestion,
    theme: &Theme,
    hints: Vec<(String, String)>,
    area: Rect,
    buf: &mut Buffer,
) {
    render_box(
        question.lines(hints, theme),
        " Rename tag ",
        theme,
        area,
        buf,
    );
}

/// Where the hardware cursor goes (input methods follow it): at the caret.
pub fn cursor(
    edit: &TagPrompt,
    theme: &Theme,
    hints: Vec<(String, String)>,
    area: Rect,
) -> Option<Position> {
    let rect = frame(&edit.lines(hints, theme), edit.title(), area);
    let x = rect.x + 1 + 2 + edit.input.visual_cursor().min(u16::MAX as usize) as u16;
    (x < rect.right().saturating_sub(1)).then_some(Position { x, y: rect.y + 2 })
}

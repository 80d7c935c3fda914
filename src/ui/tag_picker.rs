//! The tag picker (`#`): every tag, the vocabulary's and those only found in
//! sidecars, filtered as you type (fuzzy on name and labels, and pinyin as the
//! search reads it: `sqzl` or `shequ` find 社区治理); Enter toggles the tag
//! picked on the selected or marked articles. It reaches the tags that have
//! no key (only nine can).
//!
//! The picker owns its state (what is typed, the items, the selection), draws
//! itself and turns keys into a [`PickerStep`] through `[keys.picker]`; it
//! knows nothing of the app.

use super::action::PickerAction;
use super::bordered;
use super::theme::Theme;
use crate::text::fit_width;
use crossterm::event::{Event, KeyEvent};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;
use unicode_width::UnicodeWidthStr;

/// One tag to pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    /// The tag's name (what is toggled).
    pub name: String,
    /// Its labels (Chinese, English) when the config gives them.
    pub labels: Vec<String>,
    /// Its key, empty when it has none.
    pub key: String,
    /// The style of its name (its colour).
    pub style: Style,
    /// `[x]`, `[ ]`, or with marks how many of them carry it: `2/5`.
    pub state: String,
    /// Not in the config: found in sidecars only.
    pub stray: bool,
}

/// The picker's state.
#[derive(Debug, Clone)]
pub struct TagPicker {
    /// What is typed.
    pub input: Input,
    pub items: Vec<PickItem>,
    /// Indices into `items` that match what is typed, best first.
    pub shown: Vec<usize>,
    /// Index into `shown`.
    pub selected: usize,
    /// How many articles a pick toggles the tag on (for the title).
    pub articles: usize,
    /// Another title and note for an empty list, when the picker picks
    /// something else than a tag (a saved search).
    pub wording: Option<(String, String)>,
}

impl PartialEq for TagPicker {
    fn eq(&self, other: &Self) -> bool {
        self.input.value() == other.input.value()
            && self.input.cursor() == other.input.cursor()
            && self.items == other.items
            && self.shown == other.shown
            && self.selected == other.selected
            && self.articles == other.articles
            && self.wording == other.wording
    }
}

impl Eq for TagPicker {}

/// What a key did to the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerStep {
    /// Still picking.
    Stay,
    /// Closed without a pick.
    Cancel,
    /// This tag (by name) was picked.
    Chosen(String),
}

/// Most items shown at once.
const LIST_H: usize = 12;

impl TagPicker {
    /// A picker over `items` toggling tags on `articles` articles.
    pub fn new(items: Vec<PickItem>, articles: usize) -> TagPicker {
        let mut p = TagPicker {
            input: Input::default(),
            items,
            shown: Vec::new(),
            selected: 0,
            articles,
            wording: None,
        };
        p.filter();
        p
    }

    /// The same picker titled `title`, saying `empty` when it has no items.
    pub fn worded(mut self, title: &str, empty: &str) -> TagPicker {
        self.wording = Some((title.to_string(), empty.to_string()));
        self
    }

    /// Recompute `shown` from what is typed: every item in order when it is
    /// empty, else the items matching it, best first.
    fn filter(&mut self) {
        let pattern = self.input.value().trim();
        self.shown = if pattern.is_empty() {
            (0..self.items.len()).collect()
        } else {
            let mut scored: Vec<(i64, usize)> = self
                .items
                .iter()
                .enumerate()
                .filter_map(|(k, item)| Some((score(item, pattern)?, k)))
                .collect();
            scored.sort_by_key(|&(s, k)| (std::cmp::Reverse(s), k));
            scored.into_iter().map(|(_, k)| k).collect()
        };
        self.selected = 0;
    }

    /// The name of the item selected, if any matches.
    pub fn chosen(&self) -> Option<&str> {
        let k = *self.shown.get(self.selected)?;
        Some(self.items.get(k)?.name.as_str())
    }

    /// A key: `action` is what `[keys.picker]` binds it to; a key bound to
    /// nothing edits the text typed.
    pub fn key(&mut self, action: Option<PickerAction>, key: KeyEvent) -> PickerStep {
        match action {
            Some(PickerAction::Cancel) => PickerStep::Cancel,
            Some(PickerAction::Choose) => match self.chosen() {
                Some(name) => PickerStep::Chosen(name.to_string()),
                None => PickerStep::Stay,
            },
            Some(PickerAction::MoveDown) => {
                if self.selected + 1 < self.shown.len() {
                    self.selected += 1;
                }
                PickerStep::Stay
            }
            Some(PickerAction::MoveUp) => {
                self.selected = self.selected.saturating_sub(1);
                PickerStep::Stay
            }
            None => {
                let before = self.input.value().to_string();
                self.input.handle_event(&Event::Key(key));
                if self.input.value() != before {
                    self.filter();
                }
                PickerStep::Stay
            }
        }
    }
}

/// How well `pattern` matches `item` (higher is better), or `None`: the best
/// of a fuzzy match on its name and labels and, for lower-case letters, a
/// pinyin match on its Chinese labels (initials, whole readings or a mix).
fn score(item: &PickItem, pattern: &str) -> Option<i64> {
    let matcher = SkimMatcherV2::default();
    let texts = std::iter::once(&item.name).chain(item.labels.iter());
    let fuzzy = texts
        .clone()
        .filter_map(|t| matcher.fuzzy_match(t, pattern))
        .max();
    let folded = pattern.to_lowercase();
    let pinyin = if crate::search::pinyin::is_pinyin_query(&folded) {
        texts
            .filter_map(|t| {
                let chars: Vec<char> = t.chars().collect();
                crate::search::pinyin::match_title(&chars, &folded).map(|(s, _)| s)
            })
            .max()
    } else {
        None
    };
    fuzzy.into_iter().chain(pinyin).max()
}

/// The picker's box inside `area`.
fn frame(picker: &TagPicker, area: Rect) -> Rect {
    let inner = super::layout::inner(area);
    let width = inner.width.saturating_sub(4).min(64);
    let list_h = picker.items.len().clamp(1, LIST_H);
    super::layout::centered(inner, width, list_h as u16 + 4)
}

/// Draw the picker over `area`; `hints` are `[keys.picker]`'s keys.
pub fn render(
    picker: &TagPicker,
    theme: &Theme,
    hints: Vec<(String, String)>,
    area: Rect,
    buf: &mut Buffer,
) {
    let rect = frame(picker, area);
    let room = rect.width.saturating_sub(2) as usize;
    let title = match &picker.wording {
        Some((title, _)) => format!(" {title} "),
        None => format!(
            " Toggle a tag on {} ",
            crate::text::count(picker.articles, "article")
        ),
    };
    ratatui::widgets::Widget::render(ratatui::widgets::Clear, rect, buf);
    let inner = bordered::overlay(theme, title, None, rect, buf);
    let list_h = picker.items.len().clamp(1, LIST_H);
    let mut lines = vec![Line::from(vec![
        Span::styled("> ", theme.key()),
        Span::raw(fit_width(picker.input.value(), room.saturating_sub(2))),
    ])];
    let skip = picker.selected.saturating_sub(list_h.saturating_sub(1));
    for (n, &k) in picker.shown.iter().enumerate().skip(skip).take(list_h) {
        let Some(item) = picker.items.get(k) else {
            continue;
        };
        let line = item_line(item, room, theme);
        lines.push(if n == picker.selected {
            line.patch_style(theme.selected())
        } else {
            line
        });
    }
    if picker.shown.is_empty() {
        let none = match (&picker.wording, picker.items.is_empty()) {
            (Some((_, empty)), true) => format!(" {empty}"),
            (None, true) => " no tags yet (t adds one)".to_string(),
            (_, false) => " no match".to_string(),
        };
        lines.push(Line::styled(none, theme.dim()));
    }
    while lines.len() < list_h + 1 {
        lines.push(Line::from(""));
    }
    let mut keys = Vec::new();
    for (key, name) in hints {
        keys.push(Span::styled(format!(" {key} "), theme.key()));
        keys.push(Span::styled(format!(" {name}  "), theme.dim()));
    }
    lines.push(Line::from(keys));
    bordered::render_lines(lines, inner, buf);
}

/// `1 社区治理 governance (not in config)      [x]`, in `width` cells.
fn item_line(item: &PickItem, width: usize, theme: &Theme) -> Line<'static> {
    let key = if item.key.is_empty() { " " } else { &item.key };
    let label = item.labels.first().unwrap_or(&item.name);
    let mut note = String::new();
    if label != &item.name {
        note.push(' ');
        note.push_str(&item.name);
    }
    if item.stray {
        note.push_str(" (not in config)");
    }
    let room = width.saturating_sub(1 + 2 + 1 + item.state.width());
    let label = fit_width(&crate::text::escape_controls(label), room);
    let note = fit_width(
        &crate::text::escape_controls(&note),
        room.saturating_sub(label.width()),
    );
    let pad = width.saturating_sub(1 + 2 + label.width() + note.width() + item.state.width());
    Line::from(vec![
        Span::styled(format!(" {key} "), theme.key()),
        Span::styled(label, item.style),
        Span::styled(note, theme.dim()),
        Span::raw(" ".repeat(pad)),
        Span::styled(item.state.clone(), theme.plain()),
    ])
}

/// Where the hardware cursor goes (input methods follow it): after the text
/// typed.
pub fn cursor(picker: &TagPicker, area: Rect) -> Option<Position> {
    let rect = frame(picker, area);
    let x = rect.x + 1 + 2 + picker.input.visual_cursor().min(u16::MAX as usize) as u16;
    (x < rect.right()).then_some(Position { x, y: rect.y + 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(name: &str, label: &str) -> PickItem {
        PickItem {
            name: name.into(),
            labels: vec![label.into()],
            key: String::new(),
            style: Style::default(),
            state: "[ ]".into(),
            stray: false,
        }
    }

    /// Typing pinyin initials, a full reading or part of the English name finds the tag.
    #[test]
    fn pinyin_and_fuzzy_find_a_tag() {
        let items = vec![
            item("heritage", "文化遗产"),
            item("governance", "社区治理"),
            item("environment", "生态环境"),
        ];
        for typed in ["sqzl", "shequ", "gov", "治理"] {
            let mut p = TagPicker::new(items.clone(), 1);
            p.input = Input::new(typed.into());
            p.filter();
            assert_eq!(p.chosen(), Some("governance"), "typed {typed}");
        }
        let mut p = TagPicker::new(items, 1);
        p.input = Input::new("xyzzy".into());
        p.filter();
        assert_eq!(p.chosen(), None);
    }
}

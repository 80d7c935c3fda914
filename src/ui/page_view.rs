//! The page view (`v`): the issue file as it is, one numbered line after
//! another, each line's role in the gutter (title, kicker, subtitle, byline,
//! body, caption, furniture...) and a bar in its article's colour, so a wrong
//! cut shows at a glance; a heading row names each article where it starts
//! (with segmentation's doubts about its cut, `? short, no-title`).
//!
//! The view owns its state and draws itself from it (never from the app); keys
//! become [`Intent`]s through `[keys.page]`, `[keys.picker]` and
//! `[keys.confirm]`, and the app carries them out (`page.rs`): corrections are
//! built here from the page's own lines with [`Correction::on_line`], written by
//! the session's page job.

use super::action::{ConfirmAction, Layer, PageAction, PickerAction};
use super::bordered;
use super::keymap::Keymaps;
use super::theme::Theme;
use super::wrap;
use crate::article::Article;
use crate::correct::file::IssuePage;
use crate::correct::{Correction, Op, Role};
use crossterm::event::{Event, KeyEvent};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

/// Width of the gutter: line number, role, bar (`1234 furniture │ `).
const GUTTER: usize = 4 + 1 + 9 + 1 + 1 + 1;

/// The page view's state.
#[derive(Debug, Clone)]
pub struct PageView {
    /// The issue's position in the corpus.
    pub issue: usize,
    /// Its relative path and label, for the title.
    pub rel: String,
    pub label: String,
    /// The page, once read (`None` while the job reads it).
    pub page: Option<IssuePage>,
    /// Index into the page's lines of the cursor's line.
    pub cursor: usize,
    /// First row shown.
    pub scroll: usize,
    /// The article to put the cursor on when the page arrives.
    pub want_article: Option<usize>,
    /// A question or a picker open over the page.
    pub prompt: Option<Prompt>,
    /// A job is reading the page or writing a correction.
    pub busy: bool,
}

/// What is open over the page.
#[derive(Debug, Clone)]
pub enum Prompt {
    /// A correction that changes tags, waiting for y/n; the lines say what
    /// will happen to them.
    Confirm {
        correction: Correction,
        question: Vec<String>,
    },
    /// After a split of a tagged article: give the new part (article `article`
    /// of the page) the tags too? The lines say so.
    TagNewPart {
        article: usize,
        tags: Vec<String>,
        question: Vec<String>,
    },
    /// A list to pick from.
    Picker(Picker),
}

/// What a picker picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// The role of the line (1-based).
    Role { line: usize },
    /// The article the paragraph at the line goes to.
    Move { line: usize },
    /// The part the story of the article starting at the line goes on in.
    Link { line: usize },
}

/// A list filtered (fuzzy) by what is typed.
#[derive(Debug, Clone)]
pub struct Picker {
    pub what: PickFor,
    pub input: Input,
    /// (label, value) of every item.
    pub items: Vec<(String, usize)>,
    /// Indices into `items` that match the filter, best first.
    pub shown: Vec<usize>,
    /// Index into `shown`.
    pub selected: usize,
    /// A link's parts to pick from, `(issue, id)` by item value; the part
    /// that goes on is `part` (empty for the other pickers).
    pub targets: Vec<(String, String)>,
    pub part: String,
}

impl Picker {
    fn new(what: PickFor, items: Vec<(String, usize)>) -> Picker {
        let mut p = Picker {
            what,
            input: Input::default(),
            items,
            shown: Vec::new(),
            selected: 0,
            targets: Vec::new(),
            part: String::new(),
        };
        p.filter();
        p
    }

    /// Recompute `shown` from the text typed: every item when it is empty,
    /// else the fuzzy matches, best first.
    fn filter(&mut self) {
        let pattern = self.input.value().trim();
        if pattern.is_empty() {
            self.shown = (0..self.items.len()).collect();
        } else {
            let matcher = SkimMatcherV2::default();
            let mut scored: Vec<(i64, usize)> = self
                .items
                .iter()
                .enumerate()
                .filter_map(|(k, (label, _))| Some((matcher.fuzzy_match(label, pattern)?, k)))
                .collect();
            scored.sort_by_key(|&(s, k)| (std::cmp::Reverse(s), k));
            self.shown = scored.into_iter().map(|(_, k)| k).collect();
        }
        self.selected = 0;
    }

    fn title(&self) -> String {
        match self.what {
            PickFor::Role { line } => format!(" Role of line {line} "),
            PickFor::Move { line } => format!(" Move line {line} to the article "),
            PickFor::Link { .. } => " The story goes on in ".to_string(),
        }
    }
}

/// What the app is asked to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Make this correction (the app asks first when it changes tags).
    Correct(Correction),
    /// Make it: the user said yes.
    Confirmed(Correction),
    /// Give article `article` of the page these tags (the user said yes).
    TagArticle {
        article: usize,
        tags: Vec<String>,
    },
    /// Offer the parts article `article` of the page could go on in (the
    /// app knows the corpus: [`PageView::pick_link`]).
    PickLink {
        article: usize,
    },
    Undo,
    Redo,
    Help,
    Close,
    /// Tell the user.
    Say(String),
}

/// One row on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    /// The heading of article `k`, before its first line.
    Heading(usize),
    /// Part `part` (from 0) of line `index` wrapped, from byte `from` to `to`.
    Line {
        index: usize,
        part: usize,
        from: usize,
        to: usize,
    },
}

impl PageView {
    /// A view of issue `issue`, waiting for its page; the cursor goes to
    /// article `article` when it arrives.
    pub fn new(issue: usize, rel: &str, label: &str, article: Option<usize>) -> PageView {
        PageView {
            issue,
            rel: rel.to_string(),
            label: label.to_string(),
            page: None,
            cursor: 0,
            scroll: 0,
            want_article: article,
            prompt: None,
            busy: true,
        }
    }

    /// The page has been read (again): keep the cursor on its line, or put it
    /// on the article asked for.
    pub fn set_page(&mut self, page: IssuePage) {
        let want = self.want_article.take();
        self.cursor = match want {
            Some(k) => page
                .view
                .iter()
                .position(|v| v.article == Some(k) && v.starts)
                .or_else(|| page.view.iter().position(|v| v.article == Some(k)))
                .unwrap_or(0),
            None => self.cursor.min(page.view.len().saturating_sub(1)),
        };
        if want.is_some() {
            self.scroll = usize::MAX;
        }
        self.page = Some(page);
        self.busy = false;
    }

    /// The layer that has the keyboard: the page, or its prompt.
    pub fn layer(&self) -> Layer {
        match self.prompt {
            Some(Prompt::Confirm { .. } | Prompt::TagNewPart { .. }) => Layer::Confirm,
            Some(Prompt::Picker(_)) => Layer::Picker,
            None => Layer::Page,
        }
    }

    /// The 1-based file line under the cursor.
    pub fn cursor_line(&self) -> usize {
        self.cursor + 1
    }

    /// The corrected article holding the cursor's line, if any.
    pub fn cursor_article(&self) -> Option<usize> {
        self.page.as_ref()?.view.get(self.cursor)?.article
    }

    /// The articles of the page as corrected.
    pub fn articles(&self) -> &[Article] {
        self.page
            .as_ref()
            .map_or(&[][..], |p| &p.corrected.articles[..])
    }

    /// Open the question before `correction` with `question`'s lines.
    pub fn ask(&mut self, correction: Correction, question: Vec<String>) {
        self.prompt = Some(Prompt::Confirm {
            correction,
            question,
        });
    }

    /// Rows at text width `width`: article headings and wrapped lines.
    fn rows(&self, width: usize) -> Vec<RowKind> {
        let Some(page) = &self.page else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(page.view.len() + page.corrected.articles.len());
        for (index, v) in page.view.iter().enumerate() {
            if v.starts
                && let Some(k) = v.article
            {
                out.push(RowKind::Heading(k));
            }
            let text = v.text.as_str();
            let base = text.as_ptr() as usize;
            for (part, piece) in wrap::wrap(text, width.max(1)).into_iter().enumerate() {
                let from = piece.as_ptr() as usize - base;
                out.push(RowKind::Line {
                    index,
                    part,
                    from,
                    to: from + piece.len(),
                });
            }
        }
        out
    }

    /// Scroll so that the cursor's line shows in `area` (the overlay's
    /// outside); a scroll of `usize::MAX` puts its article's heading on top.
    pub fn keep_cursor_visible(&mut self, area: Rect) {
        let (text_w, height) = inside(area);
        let rows = self.rows(text_w);
        let first = rows
            .iter()
            .position(|r| matches!(r, RowKind::Line { index, .. } if *index == self.cursor))
            .unwrap_or(0);
        let last = rows
            .iter()
            .rposition(|r| matches!(r, RowKind::Line { index, .. } if *index == self.cursor))
            .unwrap_or(first);
        // Show the article's heading with its first line.
        let top = match first.checked_sub(1).map(|k| rows[k]) {
            Some(RowKind::Heading(_)) => first - 1,
            _ => first,
        };
        let max = rows.len().saturating_sub(height);
        if self.scroll == usize::MAX {
            self.scroll = top.min(max);
            return;
        }
        if top < self.scroll {
            self.scroll = top;
        } else if last >= self.scroll + height {
            self.scroll = (last + 1).saturating_sub(height).min(top);
        }
        self.scroll = self.scroll.min(max);
    }

    /// Move the cursor by `delta` lines.
    pub fn move_cursor(&mut self, delta: isize) {
        let n = self.page.as_ref().map_or(0, |p| p.view.len());
        if n == 0 {
            return;
        }
        self.cursor = (self.cursor as isize)
            .saturating_add(delta)
            .clamp(0, n as isize - 1) as usize;
    }

    /// Go to the next (`forward`) or previous article start.
    fn jump_article(&mut self, forward: bool) {
        let Some(page) = &self.page else { return };
        let starts = |k: &usize| page.view[*k].starts;
        let to = if forward {
            (self.cursor + 1..page.view.len()).find(starts)
        } else {
            (0..self.cursor).rev().find(starts)
        };
        if let Some(k) = to {
            self.cursor = k;
        }
    }

    /// A key for the page view (or its prompt); what the app should do.
    /// `height` is the number of lines a page down moves.
    pub fn handle_key(
        &mut self,
        keymaps: &Keymaps,
        key: KeyEvent,
        height: usize,
    ) -> Option<Intent> {
        match self.prompt.take() {
            Some(Prompt::Confirm {
                correction,
                question,
            }) => match keymaps.confirm.action_for(key) {
                Some(ConfirmAction::Yes) => Some(Intent::Confirmed(correction)),
                Some(ConfirmAction::No) => Some(Intent::Say("no correction made".into())),
                None => {
                    self.prompt = Some(Prompt::Confirm {
                        correction,
                        question,
                    });
                    None
                }
            },
            Some(Prompt::TagNewPart {
                article,
                tags,
                question,
            }) => match keymaps.confirm.action_for(key) {
                Some(ConfirmAction::Yes) => Some(Intent::TagArticle { article, tags }),
                Some(ConfirmAction::No) => {
                    Some(Intent::Say("the new part stays without tags".into()))
                }
                None => {
                    self.prompt = Some(Prompt::TagNewPart {
                        article,
                        tags,
                        question,
                    });
                    None
                }
            },
            Some(Prompt::Picker(mut picker)) => {
                let intent = self.picker_key(&mut picker, keymaps, key);
                if intent.is_none() {
                    self.prompt = Some(Prompt::Picker(picker));
                }
                intent
            }
            None => self.page_key(keymaps.page.action_for(key)?, height),
        }
    }

    fn page_key(&mut self, action: PageAction, height: usize) -> Option<Intent> {
        let page_step = height.saturating_sub(1).max(1) as isize;
        match action {
            PageAction::MoveDown => self.move_cursor(1),
            PageAction::MoveUp => self.move_cursor(-1),
            PageAction::PageDown => self.move_cursor(page_step),
            PageAction::PageUp => self.move_cursor(-page_step),
            PageAction::Top => self.move_cursor(isize::MIN / 2),
            PageAction::Bottom => self.move_cursor(isize::MAX / 2),
            PageAction::NextArticle => self.jump_article(true),
            PageAction::PrevArticle => self.jump_article(false),
            PageAction::Undo => return Some(Intent::Undo),
            PageAction::Redo => return Some(Intent::Redo),
            PageAction::Help => return Some(Intent::Help),
            PageAction::Close => return Some(Intent::Close),
            PageAction::Unlink => return self.unlink_key(),
            PageAction::Link => return self.link_key(),
            PageAction::Split | PageAction::Join | PageAction::Role | PageAction::MoveParagraph => {
                return self.correction_key(action);
            }
        }
        None
    }

    /// `U`: the article under the cursor stands alone (a story link by hand,
    /// anchored on its first line).
    fn unlink_key(&self) -> Option<Intent> {
        if self.busy {
            return Some(Intent::Say(
                "wait: the last correction is being saved".into(),
            ));
        }
        let page = self.page.as_ref()?;
        let Some(article) = self
            .cursor_article()
            .and_then(|k| page.corrected.articles.get(k))
        else {
            let line = self.cursor_line();
            return Some(Intent::Say(format!("line {line} is in no article")));
        };
        let lines = page.line_refs();
        Some(
            match Correction::on_line(Op::Unlink, &lines, article.line) {
                Ok(c) => Intent::Correct(Correction {
                    id: article.id.clone(),
                    ..c
                }),
                Err(why) => Intent::Say(format!("line {}: {why}", article.line)),
            },
        )
    }

    /// `L`: ask the app for the parts the cursor's article could go on in.
    fn link_key(&self) -> Option<Intent> {
        if self.busy {
            return Some(Intent::Say(
                "wait: the last correction is being saved".into(),
            ));
        }
        Some(match self.cursor_article() {
            Some(article) => Intent::PickLink { article },
            None => Intent::Say(format!("line {} is in no article", self.cursor_line())),
        })
    }

    /// Open the picker of the parts article `article` of the page could go
    /// on in: `(label, issue, id)` each, in the order offered.
    pub fn pick_link(&mut self, article: usize, parts: Vec<(String, String, String)>) {
        let Some(a) = self.articles().get(article) else {
            return;
        };
        let (line, id) = (a.line, a.id.clone());
        let mut items = Vec::with_capacity(parts.len());
        let mut targets = Vec::with_capacity(parts.len());
        for (k, (label, issue, to)) in parts.into_iter().enumerate() {
            items.push((label, k));
            targets.push((issue, to));
        }
        let mut picker = Picker::new(PickFor::Link { line }, items);
        picker.targets = targets;
        picker.part = id;
        self.prompt = Some(Prompt::Picker(picker));
    }

    fn correction_key(&mut self, action: PageAction) -> Option<Intent> {
        let page = self.page.as_ref()?;
        if self.busy {
            return Some(Intent::Say(
                "wait: the last correction is being saved".into(),
            ));
        }
        let line = self.cursor_line();
        let lines = page.line_refs();
        let op = match action {
            PageAction::Split => Op::SplitBefore,
            PageAction::Join => Op::Join,
            PageAction::Role => Op::Role,
            _ => Op::Move,
        };
        let made = match Correction::on_line(op, &lines, line) {
            Ok(c) => c,
            Err(why) => return Some(Intent::Say(format!("line {line}: {why}"))),
        };
        let picker = match op {
            Op::SplitBefore | Op::Join | Op::Link | Op::Unlink => {
                return Some(Intent::Correct(made));
            }
            Op::Role => {
                let items = Role::ALL
                    .iter()
                    .enumerate()
                    .map(|(k, r)| (r.as_str().to_string(), k))
                    .collect();
                Picker::new(PickFor::Role { line }, items)
            }
            Op::Move => {
                let here = self.cursor_article();
                let items: Vec<(String, usize)> = page
                    .corrected
                    .articles
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| Some(*k) != here)
                    .map(|(k, a)| {
                        let title = crate::text::cell_text(&a.display_title());
                        (format!("{} {title}  {}", k + 1, a.id), k)
                    })
                    .collect();
                if items.is_empty() {
                    return Some(Intent::Say(format!(
                        "line {line}: no other article to move it to"
                    )));
                }
                Picker::new(PickFor::Move { line }, items)
            }
        };
        self.prompt = Some(Prompt::Picker(picker));
        None
    }

    fn picker_key(
        &mut self,
        picker: &mut Picker,
        keymaps: &Keymaps,
        key: KeyEvent,
    ) -> Option<Intent> {
        match keymaps.picker.action_for(key) {
            Some(PickerAction::Cancel) => Some(Intent::Say("nothing picked".into())),
            Some(PickerAction::MoveDown) => {
                if picker.selected + 1 < picker.shown.len() {
                    picker.selected += 1;
                }
                None
            }
            Some(PickerAction::MoveUp) => {
                picker.selected = picker.selected.saturating_sub(1);
                None
            }
            Some(PickerAction::Choose) => {
                let &k = picker.shown.get(picker.selected)?;
                let value = picker.items[k].1;
                let page = self.page.as_ref()?;
                let lines = page.line_refs();
                let made = match picker.what {
                    PickFor::Role { line } => {
                        Correction::on_line(Op::Role, &lines, line).map(|c| Correction {
                            role: Role::ALL.get(value).copied(),
                            ..c
                        })
                    }
                    PickFor::Move { line } => match page.corrected.articles.get(value) {
                        Some(target) => Correction::on_line(Op::Move, &lines, line)
                            .map(|c| c.to_article(&lines, target)),
                        None => Err("that article is gone".into()),
                    },
                    PickFor::Link { line } => match picker.targets.get(value) {
                        Some((issue, id)) => {
                            Correction::on_line(Op::Link, &lines, line).map(|c| Correction {
                                id: picker.part.clone(),
                                to_issue: issue.clone(),
                                to_id: id.clone(),
                                ..c
                            })
                        }
                        None => Err("that part is gone".into()),
                    },
                };
                Some(match made {
                    Ok(c) => Intent::Correct(c),
                    Err(why) => Intent::Say(why),
                })
            }
            None => {
                let before = picker.input.value().to_string();
                picker.input.handle_event(&Event::Key(key));
                if picker.input.value() != before {
                    picker.filter();
                }
                None
            }
        }
    }
}

/// Text width and height inside the overlay drawn over `area`.
fn inside(area: Rect) -> (usize, usize) {
    let inner_w = area.width.saturating_sub(2) as usize;
    (
        inner_w.saturating_sub(GUTTER).max(1),
        area.height.saturating_sub(2).max(1) as usize,
    )
}

/// The colour of article `k`'s bar (`None` without colour).
fn article_color(theme: &Theme, k: usize) -> Style {
    const PALETTE: [Color; 6] = [
        Color::Cyan,
        Color::Yellow,
        Color::Green,
        Color::Magenta,
        Color::LightBlue,
        Color::LightRed,
    ];
    if theme.color {
        Style::default().fg(PALETTE[k % PALETTE.len()])
    } else if k % 2 == 1 {
        Style::default().add_modifier(Modifier::BOLD)
    } else {
        Style::default()
    }
}

/// The bar of article `k`: alternate articles get a heavier bar, so that
/// neighbours differ without colour too.
fn bar(k: usize, starts: bool) -> &'static str {
    match (k % 2, starts) {
        (0, true) => "┌",
        (0, false) => "│",
        (_, true) => "┏",
        (_, false) => "┃",
    }
}

/// The article a blank line is drawn inside of: the one holding the lines
/// before and after it, so an article's bar runs unbroken.
fn page_bar(page: &IssuePage, index: usize) -> Option<usize> {
    let v = &page.view;
    if !v.get(index)?.text.trim().is_empty() {
        return None;
    }
    let before = v[..index]
        .iter()
        .rev()
        .find(|l| !l.text.trim().is_empty())?;
    let after = v[index + 1..].iter().find(|l| !l.text.trim().is_empty())?;
    let k = before.article?;
    (after.article == Some(k) && !after.starts).then_some(k)
}

/// Draw the page view over `area` (all but the status bar).
pub fn render(view: &PageView, theme: &Theme, keymaps: &Keymaps, area: Rect, buf: &mut Buffer) {
    let articles = view.articles().len();
    let lines = view.page.as_ref().map_or(0, |p| p.view.len());
    let title = format!(
        " Page {} · line {}/{lines} · {} · {} ",
        crate::text::fit_width(&view.label, 24),
        view.cursor_line().min(lines.max(1)),
        crate::text::count(articles, "article"),
        crate::text::escape_controls(&view.rel),
    );
    let hints: Vec<String> = keymaps
        .page
        .hints()
        .into_iter()
        .filter(|(_, name)| {
            matches!(
                name.as_str(),
                "split" | "join" | "role" | "move paragraph" | "undo" | "help" | "close"
            )
        })
        .map(|(k, name)| format!("{k} {}", name.replace("move paragraph", "move")))
        .collect();
    let hint = format!(" {} ", hints.join(" · "));
    let inner = bordered::overlay(
        theme,
        crate::text::fit_width(&title, area.width.saturating_sub(4) as usize),
        Some(hint.into()),
        area,
        buf,
    );
    let Some(page) = &view.page else {
        Line::styled("reading the page...", theme.dim()).render(inner, buf);
        return;
    };
    let (text_w, height) = inside(area);
    let rows = view.rows(text_w);
    for (y, row) in rows.iter().skip(view.scroll).take(height).enumerate() {
        let rect = Rect {
            y: inner.y + y as u16,
            height: 1,
            ..inner
        };
        let line = match *row {
            RowKind::Heading(k) => {
                let a = page.corrected.articles.get(k);
                let title = a.map(|a| a.display_title()).unwrap_or_default();
                let tail = a.map_or(String::new(), |a| format!("  {} {}", a.id, a.kind.as_str()));
                // Segmentation's doubts about this cut stand out.
                let doubts = a
                    .map(|a| a.doubts)
                    .filter(|d| !d.is_empty())
                    .map_or(String::new(), |d| format!("  ? {}", d.names().join(", ")));
                let room = (inner.width as usize)
                    .saturating_sub(GUTTER + tail.len() + doubts.len() + 6)
                    .max(8);
                Line::from(vec![
                    Span::styled(" ".repeat(GUTTER - 2), theme.dim()),
                    Span::styled(format!("{} ", bar(k, true)), article_color(theme, k)),
                    Span::styled(
                        format!("{} {}", k + 1, crate::text::fit_width(&title, room)),
                        article_color(theme, k).add_modifier(Modifier::BOLD),
                    ),
                    Span::styled(tail, theme.dim()),
                    Span::styled(doubts, theme.error()),
                ])
            }
            RowKind::Line {
                index,
                part,
                from,
                to,
            } => {
                let v = &page.view[index];
                let gutter = if part == 0 {
                    format!("{:>4} {:<9} ", v.line, crate::text::fit_width(v.role, 9))
                } else {
                    " ".repeat(GUTTER - 2)
                };
                let role_style = match v.role {
                    "title" => theme.title(),
                    "kicker" | "subtitle" | "byline" => theme.kicker(),
                    _ => theme.dim(),
                };
                let (bar_text, bar_style) = match v.article.or(page_bar(page, index)) {
                    Some(k) => (format!("{} ", bar(k, false)), article_color(theme, k)),
                    None => ("  ".to_string(), theme.dim()),
                };
                let text =
                    crate::text::escape_controls(v.text.get(from..to).unwrap_or("")).into_owned();
                let text_style = if index == view.cursor {
                    theme.selected()
                } else if v.article.is_none() {
                    theme.dim()
                } else {
                    theme.plain()
                };
                let gutter_style = if index == view.cursor {
                    theme.selected()
                } else {
                    role_style
                };
                let pad = if index == view.cursor {
                    " ".repeat(text_w.saturating_sub(wrap::width(&text)))
                } else {
                    String::new()
                };
                Line::from(vec![
                    Span::styled(gutter, gutter_style),
                    Span::styled(bar_text, bar_style),
                    Span::styled(format!("{text}{pad}"), text_style),
                ])
            }
        };
        line.render(rect, buf);
    }
    if let Some(prompt) = &view.prompt {
        render_prompt(prompt, theme, keymaps, inner, buf);
    }
}

/// The question or the picker, centred over the page.
fn render_prompt(prompt: &Prompt, theme: &Theme, keymaps: &Keymaps, area: Rect, buf: &mut Buffer) {
    let key_line = |hints: Vec<(String, String)>| {
        let mut spans = Vec::new();
        for (key, name) in hints {
            spans.push(Span::styled(format!(" {key} "), theme.key()));
            spans.push(Span::styled(format!(" {name}  "), theme.dim()));
        }
        Line::from(spans)
    };
    let width = area.width.saturating_sub(4).min(72);
    let room = width.saturating_sub(4) as usize;
    match prompt {
        Prompt::Confirm { question, .. } | Prompt::TagNewPart { question, .. } => {
            let mut lines: Vec<Line> = Vec::new();
            for q in question {
                for part in wrap::wrap(q, room) {
                    lines.push(Line::from(part.to_string()));
                }
            }
            lines.push(key_line(keymaps.confirm.hints()));
            let rect = super::layout::centered(area, width, lines.len() as u16 + 2);
            let inner = bordered::overlay(theme, " Correction ", None, rect, buf);
            bordered::render_lines(lines, inner, buf);
        }
        Prompt::Picker(p) => {
            let list_h = p.items.len().clamp(1, 12);
            let rect = super::layout::centered(area, width, list_h as u16 + 4);
            let inner = bordered::overlay(theme, p.title(), None, rect, buf);
            let mut lines = vec![Line::from(vec![
                Span::styled("> ", theme.key()),
                Span::raw(crate::text::fit_width(p.input.value(), room)),
            ])];
            let skip = p.selected.saturating_sub(list_h.saturating_sub(1));
            for (n, &k) in p.shown.iter().enumerate().skip(skip).take(list_h) {
                let label = crate::text::fit_width(&p.items[k].0, room);
                let style = if n == p.selected {
                    theme.selected()
                } else {
                    theme.plain()
                };
                lines.push(Line::styled(format!(" {label}"), style));
            }
            if p.shown.is_empty() {
                lines.push(Line::styled(" no match", theme.dim()));
            }
            while lines.len() < list_h + 1 {
                lines.push(Line::from(""));
            }
            lines.push(key_line(keymaps.picker.hints()));
            bordered::render_lines(lines, inner, buf);
        }
    }
}

/// Where the hardware cursor goes while a picker takes text (input methods
/// follow it): after the text typed.
pub fn cursor(view: &PageView, area: Rect) -> Option<Position> {
    let Some(Prompt::Picker(p)) = &view.prompt else {
        return None;
    };
    let inner = super::layout::inner(area);
    let width = inner.width.saturating_sub(4).min(72);
    let list_h = p.items.len().clamp(1, 12);
    let rect = super::layout::centered(inner, width, list_h as u16 + 4);
    let x = rect.x + 1 + 2 + wrap::width(p.input.value()).min(u16::MAX as usize) as u16;
    (x < rect.right()).then_some(Position { x, y: rect.y + 1 })
}

//! The help overlay: every binding of every layer with its description,
//! generated from the keymaps and the actions' `///` lines, so it cannot drift.
//! The layer that had the keyboard when help was opened comes first.

use super::action::{Action, Layer};
use super::bordered;
use super::keymap::Keymaps;
use super::layout;
use super::theme::Theme;
use crate::config::TagDef;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// One line of help: a layer's heading, or keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// `Triage [keys.triage]`.
    Heading(String),
    /// (keys, description).
    Binding(String, String),
}

/// What to type and what it does: the search line's query syntax, listed
/// under the search line's keys.
pub type Syntax = [(&'static str, &'static str)];

/// Every layer's bindings, `first` first; the panes' section also lists each
/// tag's key, the search line's the query `syntax`.
pub fn lines(keymaps: &Keymaps, tags: &[TagDef], syntax: &Syntax, first: Layer) -> Vec<HelpLine> {
    let mut order = vec![first];
    order.extend(Layer::ALL.iter().copied().filter(|l| *l != first));
    let mut out = Vec::new();
    for layer in order {
        out.push(HelpLine::Heading(format!(
            "{}  {}",
            layer.title(),
            layer.header()
        )));
        for (keys, desc) in keymaps.entries(layer) {
            out.push(HelpLine::Binding(keys, desc));
        }
        if layer == Layer::Panes {
            for (i, tag) in tags.iter().enumerate() {
                let keys = keymaps.panes.keys_of(Action::ToggleTag(i));
                if keys.is_empty() {
                    continue;
                }
                out.push(HelpLine::Binding(
                    keys.join(" "),
                    format!("Toggle tag {} ({})", tag.label(), tag.name),
                ));
            }
        }
        if layer == Layer::Search {
            for (form, what) in syntax {
                out.push(HelpLine::Binding(form.to_string(), what.to_string()));
            }
        }
    }
    out
}

/// The help overlay's state: what it lists and how far it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpView {
    pub lines: Vec<HelpLine>,
    pub scroll: usize,
    /// The layer help was opened from (it gets the keyboard back on close).
    pub from: Layer,
}

impl HelpView {
    pub fn new(keymaps: &Keymaps, tags: &[TagDef], syntax: &Syntax, from: Layer) -> HelpView {
        HelpView {
            lines: lines(keymaps, tags, syntax, from),
            scroll: 0,
            from,
        }
    }

    /// Where the overlay goes in `area`, the keys column width, and its rows:
    /// (keys, description part, is a heading), descriptions wrapped to the room
    /// there is.
    fn rows(&self, area: Rect) -> (Rect, usize, Vec<(String, String, bool)>) {
        let key_w = self
            .lines
            .iter()
            .map(|l| match l {
                HelpLine::Binding(k, _) => k.width(),
                HelpLine::Heading(_) => 0,
            })
            .max()
            .unwrap_or(0);
        let desc_w = self
            .lines
            .iter()
            .map(|l| match l {
                HelpLine::Binding(_, d) => d.width() + key_w + 6,
                HelpLine::Heading(h) => h.width() + 4,
            })
            .max()
            .unwrap_or(0);
        let width = (desc_w.min(u16::MAX as usize) as u16).min(area.width);
        // Inside the border: " keys " then " desc".
        let room = (width as usize).saturating_sub(2 + key_w + 3).max(8);
        let mut rows = Vec::new();
        for line in &self.lines {
            match line {
                HelpLine::Heading(h) => {
                    if !rows.is_empty() {
                        rows.push((String::new(), String::new(), false));
                    }
                    rows.push((h.clone(), String::new(), true));
                }
                HelpLine::Binding(keys, desc) => {
                    for (k, part) in super::wrap::wrap(desc, room).into_iter().enumerate() {
                        let keys = if k == 0 { keys.clone() } else { String::new() };
                        rows.push((keys, part.to_string(), false));
                    }
                }
            }
        }
        let want_h = (rows.len() + 2).min(u16::MAX as usize) as u16;
        (layout::centered(area, width, want_h), key_w, rows)
    }

    /// How far the help text can scroll in `area`.
    pub fn max_scroll(&self, area: Rect) -> usize {
        let (rect, _, rows) = self.rows(area);
        rows.len()
            .saturating_sub(rect.height.saturating_sub(2) as usize)
    }

    /// Scroll by `delta` lines, within `area`'s room.
    pub fn scroll_by(&mut self, delta: isize, area: Rect) {
        let max = self.max_scroll(area) as isize;
        self.scroll = (self.scroll as isize + delta).clamp(0, max.max(0)) as usize;
    }

    /// Draw the overlay over `area`; `close` is the hint for closing it.
    pub fn render(&self, theme: &Theme, close: &str, area: Rect, buf: &mut Buffer) {
        let (rect, key_w, rows) = self.rows(area);
        let more = rows.len() > (rect.height.saturating_sub(2) as usize);
        let bottom = if more {
            format!(
                " {} more below · {close} ",
                rows.len()
                    .saturating_sub(self.scroll + rect.height.saturating_sub(2) as usize)
            )
        } else {
            format!(" {close} ")
        };
        let inner = bordered::overlay(theme, " Keys ", Some(bottom.into()), rect, buf);
        for (y, (keys, desc, heading)) in rows
            .iter()
            .skip(self.scroll)
            .take(inner.height as usize)
            .enumerate()
        {
            let line = if *heading {
                Line::styled(format!(" {keys}"), theme.title())
            } else if keys.is_empty() && desc.is_empty() {
                Line::from("")
            } else {
                let pad = key_w.saturating_sub(keys.width());
                Line::from(vec![
                    Span::styled(format!(" {keys}{} ", " ".repeat(pad)), theme.key()),
                    Span::raw(format!(" {desc}")),
                ])
            };
            line.render(
                Rect {
                    y: inner.y + y as u16,
                    height: 1,
                    ..inner
                },
                buf,
            );
        }
    }
}

//! The tag pane: the vocabulary with each tag's key and colour, and whether the
//! current article carries it (or, with marks, how many marked articles do).
//! A suggested tag the article lacks shows as a faint ghost: `~0.82 社区 网格`.
//! Tags the articles carry that the config does not define follow, marked
//! `(not in config)`. With the keyboard, the pane shows below the tags the
//! codebook entry of the tag under the cursor (definition, include, exclude,
//! anchors), where there is room.
//!
//! The pane draws a [`TagPaneView`] the app gathers for it (`App::tag_pane_view`)
//! and knows nothing of the app.

use super::bordered;
use super::theme::Theme;
use crate::text::fit_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// What the tag pane shows.
#[derive(Debug, Clone)]
pub struct TagPaneView {
    /// Whether the pane has the keyboard (the cursor row shows).
    pub focused: bool,
    /// Marked articles (0: the pane is about the selected article).
    pub marked: usize,
    /// The row with the cursor.
    pub selected: usize,
    /// The vocabulary, then the tags outside it.
    pub rows: Vec<TagPaneRow>,
    /// The codebook entry of the tag under the cursor, as lines (a heading
    /// first); empty when not focused or the tag has none.
    pub definition: Vec<String>,
}

/// One tag of the pane.
#[derive(Debug, Clone)]
pub struct TagPaneRow {
    /// Its key (empty: none).
    pub key: String,
    /// Its name as shown, and the style it is drawn in.
    pub label: String,
    pub style: Style,
    /// A faint note after it: the suggestion's score and words, `(not in config)`.
    pub note: String,
    /// `[x]`, `[ ]`, or with marks how many of them carry it: `2/5`.
    pub state: String,
}

/// The first tag shown when `height` rows show and tag `selected` has the
/// cursor: the list scrolls just enough to keep the cursor in view.
pub fn offset(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

/// Draw the tag pane into `area`.
pub fn render(view: &TagPaneView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = if view.marked == 0 {
        " Tags ".to_string()
    } else {
        format!(" Tags: {} marked ", view.marked)
    };
    let Some(inner) = bordered::pane(theme, view.focused, title, None, area, buf) else {
        return;
    };
    if view.rows.is_empty() {
        Line::styled("no tags in the config", theme.dim()).render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    let offset = offset(view.selected, inner.height as usize);
    for (y, (k, row)) in view
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(inner.height as usize)
        .enumerate()
    {
        let rect = Rect {
            y: inner.y + y as u16,
            height: 1,
            ..inner
        };
        let line = tag_row(row, width, theme);
        if view.focused && k == view.selected {
            buf.set_style(rect, theme.selected());
            line.patch_style(theme.selected()).render(rect, buf);
        } else {
            line.render(rect, buf);
        }
    }
    // The codebook entry below the tags, after a blank line, as far as it fits.
    let shown = view
        .rows
        .len()
        .saturating_sub(offset)
        .min(inner.height as usize);
    let mut y = shown + 1;
    for (n, text) in view.definition.iter().enumerate() {
        let style = if n == 0 { theme.key() } else { theme.dim() };
        let clean = crate::text::controls_as_spaces(text);
        for part in super::wrap::wrap(&clean, width) {
            if y >= inner.height as usize {
                return;
            }
            let rect = Rect {
                y: inner.y + y as u16,
                height: 1,
                ..inner
            };
            Line::styled(part.to_string(), style).render(rect, buf);
            y += 1;
        }
    }
}

/// `1 社区治理 ~0.82 社区 网格      [ ]`: key, label, note, state at the right
/// edge, in `width` cells.
fn tag_row(row: &TagPaneRow, width: usize, theme: &Theme) -> Line<'static> {
    let key = if row.key.is_empty() { " " } else { &row.key };
    let room = width.saturating_sub(2 + 1 + row.state.width());
    let label = fit_width(&row.label, room);
    let note = fit_width(&row.note, room.saturating_sub(label.width()));
    let pad = width.saturating_sub(2 + label.width() + note.width() + 1 + row.state.width());
    Line::from(vec![
        Span::styled(format!("{key} "), theme.key()),
        Span::styled(label, row.style),
        Span::styled(note, theme.dim()),
        Span::raw(" ".repeat(pad + 1)),
        Span::styled(row.state.clone(), theme.plain()),
    ])
}

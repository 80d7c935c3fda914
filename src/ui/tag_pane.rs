//! The tag pane: the vocabulary with each tag's key and colour, and whether the
//! current article carries it (or, with marks, how many marked articles do).
//! A suggested tag the article lacks shows as a faint ghost: `~0.82 社区 网格`.

use super::app::App;
use super::bordered;
use super::layout::Pane;
use crate::text::fit_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// The first tag shown when `height` rows show and tag `selected` has the
/// cursor: the list scrolls just enough to keep the cursor in view.
pub fn offset(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

/// Draw the tag pane into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.focus == Pane::Tags;
    let batch = app.batch();
    let title = if app.marks.is_empty() {
        " Tags ".to_string()
    } else {
        format!(" Tags: {} marked ", app.marks.len())
    };
    let Some(inner) = bordered::pane(theme, focused, title, None, area, buf) else {
        return;
    };
    if app.config.tags.is_empty() {
        Line::styled("no tags in the config", theme.dim()).render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    let offset = offset(app.tag_selected, inner.height as usize);
    let vocab = app.config.tags.len();
    // Tags the articles carry that the config does not define, after it.
    for (s, name) in app.stray_tags().iter().enumerate() {
        let k = vocab + s;
        let Some(y) = k.checked_sub(offset).filter(|y| *y < inner.height as usize) else {
            continue;
        };
        let carried = batch
            .iter()
            .filter(|(i, a)| app.tags_of(*i, *a).contains(&name.as_str()))
            .count();
        let state = if app.marks.is_empty() {
            "[x]".to_string()
        } else {
            format!("{carried}/{}", batch.len())
        };
        let note = " (not in config)";
        let room = width.saturating_sub(2 + 1 + state.width());
        let label = fit_width(name, room);
        let note = fit_width(note, room.saturating_sub(label.width()));
        let pad = width.saturating_sub(2 + label.width() + note.width() + 1 + state.width());
        let line = Line::from(vec![
            Span::raw("  "),
            Span::styled(label, theme.plain()),
            Span::styled(note, theme.dim()),
            Span::raw(" ".repeat(pad + 1)),
            Span::styled(state, theme.plain()),
        ]);
        let rect = Rect {
            y: inner.y + y as u16,
            height: 1,
            ..inner
        };
        if focused && k == app.tag_selected {
            buf.set_style(rect, theme.selected());
            line.patch_style(theme.selected()).render(rect, buf);
        } else {
            line.render(rect, buf);
        }
    }
    for (y, (k, tag)) in app
        .config
        .tags
        .iter()
        .enumerate()
        .skip(offset)
        .take(inner.height as usize)
        .enumerate()
    {
        let carried = batch
            .iter()
            .filter(|(i, a)| app.tags_of(*i, *a).contains(&tag.name.as_str()))
            .count();
        let state = if app.marks.is_empty() {
            if carried > 0 { "[x]" } else { "[ ]" }.to_string()
        } else {
            format!("{carried}/{}", batch.len())
        };
        let key = if tag.key.is_empty() {
            " "
        } else {
            tag.key.as_str()
        };
        let room = width.saturating_sub(2 + 1 + state.width());
        let label = fit_width(tag.label(), room);
        // A suggested tag not set yet: a faint ghost with its score and words.
        let ghost = app
            .marks
            .is_empty()
            .then(|| app.ghost(&tag.name))
            .flatten()
            .map(|g| format!(" ~{:.2} {}", g.score, g.words.join(" ")))
            .map(|g| fit_width(&g, room.saturating_sub(label.width())))
            .unwrap_or_default();
        let pad = width.saturating_sub(2 + label.width() + ghost.width() + 1 + state.width());
        let line = Line::from(vec![
            Span::styled(format!("{key} "), theme.key()),
            Span::styled(label, theme.tag_fg(tag)),
            Span::styled(ghost, theme.dim()),
            Span::raw(" ".repeat(pad + 1)),
            Span::styled(state, theme.plain()),
        ]);
        let rect = Rect {
            y: inner.y + y as u16,
            height: 1,
            ..inner
        };
        if focused && k == app.tag_selected {
            buf.set_style(rect, theme.selected());
            line.patch_style(theme.selected()).render(rect, buf);
        } else {
            line.render(rect, buf);
        }
    }
}

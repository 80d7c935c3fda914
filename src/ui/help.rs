//! The help overlay: every binding with its description, generated from the
//! keymap and the actions' `///` lines, so it cannot drift.

use super::action::Action;
use super::app::{App, Mode};
use super::bordered;
use super::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// (keys, description) for every bound action and every tag.
pub fn entries(app: &App) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for a in Action::BINDABLE {
        let keys = app.keymap.keys_of(*a);
        if keys.is_empty() {
            continue;
        }
        out.push((keys.join(" "), a.description().to_string()));
    }
    for (i, tag) in app.config.tags.iter().enumerate() {
        let keys = app.keymap.keys_of(Action::ToggleTag(i));
        if keys.is_empty() {
            continue;
        }
        out.push((
            keys.join(" "),
            format!("Toggle tag {} ({})", tag.label(), tag.name),
        ));
    }
    for (syntax, what) in super::search_bar::SYNTAX {
        out.push((syntax.to_string(), what.to_string()));
    }
    out
}

/// Where the overlay goes in `area`, the keys column width, and its rows:
/// (keys, description part), descriptions wrapped to the room there is.
fn rows(app: &App, area: Rect) -> (Rect, usize, Vec<(String, String)>) {
    let entries = entries(app);
    let key_w = entries.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let desc_w = entries.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
    let want_w = (key_w + desc_w + 6).min(u16::MAX as usize) as u16;
    let width = want_w.min(area.width);
    // Inside the border: " keys " then " desc".
    let room = (width as usize).saturating_sub(2 + key_w + 3).max(8);
    let mut rows = Vec::new();
    for (keys, desc) in entries {
        for (k, part) in super::wrap::wrap(&desc, room).into_iter().enumerate() {
            let keys = if k == 0 { keys.clone() } else { String::new() };
            rows.push((keys, part.to_string()));
        }
    }
    let want_h = (rows.len() + 2).min(u16::MAX as usize) as u16;
    (layout::centered(area, width, want_h), key_w, rows)
}

/// The body area the overlay is drawn over (all but the status bar).
fn body(app: &App) -> Rect {
    let sh = layout::status_height(app.size.height);
    Rect {
        height: app.size.height.saturating_sub(sh),
        ..app.size
    }
}

/// How far the help text can scroll at the current size.
pub fn max_scroll(app: &App) -> usize {
    let (rect, _, rows) = rows(app, body(app));
    rows.len()
        .saturating_sub(rect.height.saturating_sub(2) as usize)
}

/// Draw the help overlay over the whole `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Mode::Help { scroll } = app.mode else {
        return;
    };
    let theme = &app.theme;
    let (rect, key_w, rows) = rows(app, area);
    let more = rows.len() > (rect.height.saturating_sub(2) as usize);
    let bottom = if more {
        " j/k scroll, Esc or ? closes "
    } else {
        " Esc or ? closes "
    };
    let inner = bordered::overlay(theme, " Keys ", Some(bottom.into()), rect, buf);
    for (y, (keys, desc)) in rows
        .iter()
        .skip(scroll as usize)
        .take(inner.height as usize)
        .enumerate()
    {
        let pad = key_w.saturating_sub(keys.width());
        Line::from(vec![
            Span::styled(format!(" {keys}{} ", " ".repeat(pad)), theme.key()),
            Span::raw(format!(" {desc}")),
        ])
        .render(
            Rect {
                y: inner.y + y as u16,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}

//! The help overlay: every binding with its description, generated from the
//! keymap and the actions' `///` lines, so it cannot drift.

use super::action::Action;
use super::app::{App, Mode};
use super::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};
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

/// Lines of the help text, for scrolling.
pub fn line_count(app: &App) -> usize {
    entries(app).len()
}

/// Draw the help overlay over the whole `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Mode::Help { scroll } = app.mode else {
        return;
    };
    let theme = &app.theme;
    let entries = entries(app);
    let key_w = entries.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let desc_w = entries.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
    let want_w = (key_w + desc_w + 6) as u16;
    let want_h = entries.len() as u16 + 2;
    let rect = layout::centered(area, want_w, want_h);
    clear_wide_edge(buf, rect);
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused_border())
        .title(Line::from(" Keys "))
        .title_bottom(Line::from(" Esc or ? closes ").right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (y, (keys, desc)) in entries
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

/// Blank a wide character (Chinese) that straddles the left edge of an overlay:
/// otherwise it covers the overlay's first column and the border goes missing.
pub fn clear_wide_edge(buf: &mut Buffer, rect: Rect) {
    if rect.x == 0 || rect.x <= buf.area.x {
        return;
    }
    for y in rect.y..rect.bottom().min(buf.area.bottom()) {
        let cell = &mut buf[(rect.x - 1, y)];
        if cell.symbol().width() > 1 {
            cell.set_symbol(" ");
        }
    }
}

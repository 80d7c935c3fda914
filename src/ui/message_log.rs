//! The message log (`M`): every message of the session, oldest first, errors
//! in the error style, each wrapped to the overlay's width. The status bar
//! shows only the last one, often cut.

use super::bordered;
use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// A message of the status bar, kept in the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// The log's lines at `width`: (text, is an error).
fn lines(log: &[Message], width: usize) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for m in log {
        for (k, part) in super::wrap::wrap(&m.text, width.saturating_sub(2).max(8))
            .into_iter()
            .enumerate()
        {
            let lead = if k == 0 { "- " } else { "  " };
            out.push((format!("{lead}{part}"), m.is_error));
        }
    }
    out
}

/// How far the log can scroll in `area` (the overlay's outside).
pub fn max_scroll(log: &[Message], area: Rect) -> usize {
    let inner_w = area.width.saturating_sub(2) as usize;
    lines(log, inner_w)
        .len()
        .saturating_sub(area.height.saturating_sub(2) as usize)
}

/// Draw the log over `area`, scrolled to line `scroll`.
pub fn render(
    log: &[Message],
    scroll: usize,
    theme: &Theme,
    hint: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let title = format!(" Messages ({}) ", log.len());
    let inner = bordered::overlay(theme, title, Some(format!(" {hint} ").into()), area, buf);
    let all = lines(log, inner.width as usize);
    if all.is_empty() {
        Line::styled("no messages yet", theme.dim()).render(inner, buf);
        return;
    }
    for (y, (text, is_error)) in all
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        let style = if *is_error {
            theme.error()
        } else {
            theme.plain()
        };
        Line::styled(text.clone(), style).render(
            Rect {
                y: inner.y + y as u16,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}

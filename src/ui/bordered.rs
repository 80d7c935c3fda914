//! The bordered boxes every pane and overlay is drawn in, and the lines drawn
//! one per row inside them.

use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// Draw a pane's box into `area`: the border bright when the pane has focus,
/// `title` at the top, `position` (if any) at the bottom right. Returns the area
/// inside the border, or `None` when nothing fits there.
pub fn pane<'a>(
    theme: &Theme,
    focused: bool,
    title: impl Into<Line<'a>>,
    position: Option<Line<'a>>,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Rect> {
    let border = if focused {
        theme.focused_border()
    } else {
        theme.border()
    };
    let inner = draw_box(border_box(border, title, position), area, buf);
    (!inner.is_empty()).then_some(inner)
}

/// Clear `area` and draw an overlay's box in it (a dialog, the help, the stats
/// view, triage): the focused border, `title` at the top, `hint` (if any) at the
/// bottom right. Returns the area inside the border.
pub fn overlay<'a>(
    theme: &Theme,
    title: impl Into<Line<'a>>,
    hint: Option<Line<'a>>,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    clear_wide_edge(buf, area);
    Clear.render(area, buf);
    draw_box(border_box(theme.focused_border(), title, hint), area, buf)
}

/// Draw `lines` one per row from the top of `area`, as many as fit.
pub fn render_lines(lines: Vec<Line>, area: Rect, buf: &mut Buffer) {
    for (y, line) in lines.into_iter().take(area.height as usize).enumerate() {
        line.render(
            Rect {
                y: area.y + y as u16,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

fn border_box<'a>(
    border: ratatui::style::Style,
    title: impl Into<Line<'a>>,
    bottom: Option<Line<'a>>,
) -> Block<'a> {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(title);
    match bottom {
        Some(line) => block.title_bottom(line.right_aligned()),
        None => block,
    }
}

fn draw_box(block: Block, area: Rect, buf: &mut Buffer) -> Rect {
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Blank a wide character (Chinese) that straddles the left edge of an overlay:
/// otherwise it covers the overlay's first column and the border goes missing.
fn clear_wide_edge(buf: &mut Buffer, rect: Rect) {
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

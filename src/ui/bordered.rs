//! The bordered boxes every pane and overlay is drawn in, and the lines drawn
//! one per row inside them.

use super::theme::Theme;
use crate::text::CUT_MARK;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
    let room = area.width.saturating_sub(2) as usize;
    let title = fit_line(title.into(), room);
    let position = position.map(|p| fit_line(p, room));
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
    let room = area.width.saturating_sub(2) as usize;
    let title = fit_line(title.into(), room);
    let hint = hint.map(|h| fit_line(h, room));
    draw_box(border_box(theme.focused_border(), title, hint), area, buf)
}

/// Draw `lines` one per row from the top of `area`, as many as fit, each cut
/// to the width of `area` with [`CUT_MARK`] (see [`fit_line`]).
pub fn render_lines(lines: Vec<Line>, area: Rect, buf: &mut Buffer) {
    for (y, line) in lines.into_iter().take(area.height as usize).enumerate() {
        fit_line(line, area.width as usize).render(
            Rect {
                y: area.y + y as u16,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

/// An article's `paragraphs` wrapped to `width`: the `room` lines from line
/// `scroll` on (kept where the end of the text still fills the room). When more
/// lines follow, the last one shown says how many and that `scroll_key` scrolls.
pub fn scrolled_text<'a>(
    paragraphs: impl IntoIterator<Item = &'a str>,
    width: usize,
    room: usize,
    scroll: usize,
    scroll_key: &str,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let text: Vec<Line<'static>> = paragraphs
        .into_iter()
        .flat_map(|para| super::wrap::wrap(para, width))
        .map(|piece| Line::from(piece.to_string()))
        .collect();
    let scroll = scroll.min(text.len().saturating_sub(room));
    let below = text.len().saturating_sub(scroll + room);
    let mut shown: Vec<Line<'static>> = text.into_iter().skip(scroll).take(room).collect();
    if below > 0
        && let Some(last) = shown.last_mut()
    {
        *last = Line::styled(
            format!("({below} more lines: {scroll_key} scrolls)"),
            theme.dim(),
        );
    }
    shown
}

/// `line` cut to at most `width` display cells, [`CUT_MARK`] in the last cell
/// saying it was cut (in the style of the text it replaces); its spans'
/// styles, its own style and alignment kept.
pub fn fit_line(line: Line<'_>, width: usize) -> Line<'_> {
    if line.width() <= width {
        return line;
    }
    let mut spans: Vec<Span> = Vec::new();
    if width > 0 {
        let mut used = 0;
        for span in &line.spans {
            let mut text = String::new();
            let mut cut = false;
            for c in span.content.chars() {
                let w = c.width().unwrap_or(0);
                if used + w > width - 1 {
                    cut = true;
                    break;
                }
                text.push(c);
                used += w;
            }
            if cut {
                text.push(CUT_MARK);
            }
            spans.push(Span::styled(text, span.style));
            if cut {
                break;
            }
        }
    }
    let mut out = Line::from(spans).style(line.style);
    out.alignment = line.alignment;
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn scrolled_text_says_how_many_lines_follow_and_stops_at_the_end() {
        let theme = Theme::new(&Config::builtin(), false);
        // Ten cells a line: 40 characters of width 2 wrap to 8 lines.
        let para = "社区".repeat(20);
        let first = scrolled_text([para.as_str()], 10, 3, 0, "j", &theme);
        assert_eq!(
            texts(&first),
            ["社区社区社", "区社区社区", "(5 more lines: j scrolls)"]
        );
        // Scrolling past the end shows the last full room, with nothing below.
        let end = scrolled_text([para.as_str()], 10, 3, 99, "j", &theme);
        assert_eq!(texts(&end), ["区社区社区", "社区社区社", "区社区社区"]);
        // A text that fits is shown whole, whatever the scroll.
        let short = scrolled_text(["短文"], 10, 3, 5, "j", &theme);
        assert_eq!(texts(&short), ["短文"]);
    }
}

//! The app drawn once on ratatui's TestBackend, and the drawn cells as text for
//! assertions and insta snapshots: one line per row, a wide character written
//! once (not followed by the blank cell it covers).

use newstag::ui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// A terminal of the app's size after one frame of the app.
pub fn drawn_terminal(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| newstag::ui::draw(app, f)).unwrap();
    terminal
}

/// The cells of one frame of the app.
pub fn drawn_buffer(app: &App) -> Buffer {
    drawn_terminal(app).backend().buffer().clone()
}

/// One frame of the app as text.
pub fn screen_text(app: &App) -> String {
    buffer_text(&drawn_buffer(app))
}

/// The part `area` of one frame of the app as text.
pub fn area_text(app: &App, area: Rect) -> String {
    marked_text(&drawn_buffer(app), area, |_| false)
}

/// All of `buf` as text.
pub fn buffer_text(buf: &Buffer) -> String {
    marked_text(buf, buf.area, |_| false)
}

/// The part `area` of `buf` as text, each run of cells that `marked` picks in
/// [brackets] (closed at the end of its row).
pub fn marked_text(buf: &Buffer, area: Rect, marked: impl Fn(&Cell) -> bool) -> String {
    let mut out = String::new();
    for y in area.y..area.bottom() {
        let mut covered = 0;
        let mut open = false;
        for x in area.x..area.right() {
            if covered > 0 {
                covered -= 1;
                continue;
            }
            let cell = &buf[(x, y)];
            if marked(cell) != open {
                open = !open;
                out.push(if open { '[' } else { ']' });
            }
            let symbol = cell.symbol();
            out.push_str(symbol);
            covered = UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        if open {
            out.push(']');
        }
        out.push('\n');
    }
    out
}

/// The status bar (the last two rows: counts and messages, key hints) of the
/// app drawn now.
pub fn status_bar(app: &App) -> String {
    let screen = screen_text(app);
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len().saturating_sub(2)..].join("\n")
}

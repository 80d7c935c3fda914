//! The terminal UI: `newstag [PATH]`.
//!
//! `action` (what users can ask), `keymap` (keys to actions), `app` (state and
//! `App::update`), one drawing file per pane (`list`, `reader`, `tag_pane`,
//! `status`, `help`) placed by `layout` and drawn in the boxes of `bordered`, the
//! CJK line breaker `wrap`, and `terminal` + `run` (terminal ownership, event
//! loop, signals, panic hook).

pub mod action;
pub mod app;
pub mod bordered;
pub mod export_dialog;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod message_log;
pub mod reader;
pub mod run;
pub mod search_bar;
pub mod stats_view;
pub mod status;
pub mod tag_pane;
pub mod tagging;
pub mod terminal;
pub mod theme;
pub mod triage;
pub mod wrap;

pub use action::Action;
pub use app::{App, Mode, Row};
pub use run::run;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Draw one frame of `app`.
pub fn draw(app: &App, frame: &mut Frame) {
    frame.render_widget(app, frame.area());
    search_cursor(app, frame);
    if let Mode::Export(d) = &app.mode
        && let Some(pos) = export_dialog::cursor(d, overlay_area(app, frame.area()))
    {
        frame.set_cursor_position(pos);
    }
}

/// Put the hardware cursor at the search line's caret (input methods follow it).
fn search_cursor(app: &App, frame: &mut Frame) {
    if let Mode::Search = app.mode {
        let areas = layout::areas(frame.area(), app.focus, app.tag_pane_len());
        if let Some(pos) = search_bar::cursor(app, areas.status) {
            frame.set_cursor_position(pos);
        }
    }
}

/// The part of the screen overlays cover: all but the status bar.
fn overlay_area(app: &App, area: Rect) -> Rect {
    let areas = layout::areas(area, app.focus, app.tag_pane_len());
    Rect {
        height: area.height.saturating_sub(areas.status.height),
        ..area
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let areas = layout::areas(area, self.focus, self.tag_pane_len());
        if areas.too_small {
            let notice = Line::from("terminal too small").centered();
            let y = area.y + area.height / 2;
            notice.render(
                Rect {
                    y,
                    height: 1.min(area.height),
                    ..area
                },
                buf,
            );
            return;
        }
        if let Some(r) = areas.list {
            list::render(self, r, buf);
        }
        if let Some(r) = areas.reader {
            reader::render(self, r, buf);
        }
        if let Some(r) = areas.tags {
            tag_pane::render(self, r, buf);
        }
        status::render(self, areas.status, buf);
        let body = Rect {
            height: area.height.saturating_sub(areas.status.height),
            ..area
        };
        match &self.mode {
            Mode::Help(v) => v.render(&self.theme, &self.close_hint(), body, buf),
            Mode::Export(d) => export_dialog::render(self, d, body, buf),
            Mode::Stats(v) => stats_view::render(self, v, &self.close_hint(), body, buf),
            Mode::ConfirmBulk | Mode::NewTag => tagging::render_overlay(self, body, buf),
            Mode::Search => search_bar::render(self, areas.status, buf),
            Mode::Triage => triage::render(self, body, buf),
            Mode::Messages { scroll } => message_log::render(
                &self.log,
                *scroll,
                &self.theme,
                &self.close_hint(),
                body,
                buf,
            ),
            Mode::Normal => {}
        }
    }
}

//! The terminal UI: `newstag [PATH]`.
//!
//! Layers: the panes (`list`, `reader`, `tag_pane`, `status`) and, over them,
//! one overlay or prompt at a time (`search_bar`, `triage`, the bulk
//! confirmation and new-tag prompt of `tagging`, the tag picker `tag_picker`,
//! the jump-to-date prompt, the rename and colour prompt `tag_edit` (its glue
//! `tag_vocab`),
//! `export_dialog`, `stats_view`, `message_log`, `help`, the page view
//! `page_view` with its glue in `page`). Each layer has an action
//! enum in `action` and its own section of the keymap (`[keys.<layer>]`, see
//! `keymap`); `App::layer` says which has the keyboard, and help and the hint
//! bar are generated from that layer's keymap. The building blocks (`action`,
//! `keymap`, `help`, `message_log`, `layout`, `theme`, `bordered`, `wrap`,
//! `terminal`) never reach `app` (tests/architecture.rs); a new layer should
//! draw from its own state like `help::HelpView` and `message_log` do.
//! The panes, the search line and the export dialog draw a view the app
//! gathers for them (`App::list_view`, `App::reader_pane` in `views`,
//! `App::tag_pane_view`, `App::status_view` in `status_bar`,
//! `App::export_view` in `exporting`) or their own state (`search_bar`,
//! `stats_view`) and never import `app`; what a search does to the app is
//! `searching`, what an export does `exporting`.
//! `app` holds the state and `App::update`; `run` owns the event loop, the
//! terminal (`terminal`) and its hand-over to the shell or an editor.

pub mod action;
pub mod adjudication;
pub mod app;
pub mod bordered;
pub mod export_dialog;
mod exporting;
pub mod help;
pub mod highlight;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod message_log;
pub mod page;
pub mod page_view;
pub mod reader;
mod reading;
mod recut;
pub mod run;
pub mod search_bar;
pub mod searching;
pub mod stats_view;
pub mod status;
pub mod status_bar;
pub mod tag_edit;
pub mod tag_pane;
pub mod tag_picker;
pub mod tag_saves;
mod tag_vocab;
pub mod tagging;
pub mod terminal;
pub mod theme;
pub mod triage;
pub mod views;
pub mod wrap;

pub use action::Action;
pub use app::{App, Overlay};
pub use list::ListRow;
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
    if let (Overlay::Page, Some(view)) = (&app.mode, &app.page)
        && let Some(pos) = page_view::cursor(view, overlay_area(app, frame.area()))
    {
        frame.set_cursor_position(pos);
    }
    if let Overlay::PickTag(p) | Overlay::PickSearch(p) = &app.mode
        && let Some(pos) = tag_picker::cursor(p, overlay_area(app, frame.area()))
    {
        frame.set_cursor_position(pos);
    }
    if let Overlay::EditTag(e) = &app.mode
        && let Some(pos) = tag_edit::cursor(
            e,
            &app.theme,
            app.keymap.tag_edit.hints(),
            overlay_area(app, frame.area()),
        )
    {
        frame.set_cursor_position(pos);
    }
    if let Overlay::Export(d) = &app.mode
        && let Some(pos) = export_dialog::cursor(d, overlay_area(app, frame.area()))
    {
        frame.set_cursor_position(pos);
    }
}

/// Put the hardware cursor at the search line's caret (input methods follow it).
fn search_cursor(app: &App, frame: &mut Frame) {
    if let Overlay::Search = app.mode {
        let areas = layout::areas(frame.area(), app.focus, app.tag_pane_len());
        if let Some(pos) = search_bar::cursor(&app.search, areas.status) {
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
            let view = self.list_view(layout::inner(r).height as usize);
            list::render(&view, &self.theme, r, buf);
        }
        if let Some(r) = areas.reader {
            reader::render(&self.reader_pane(), &self.reader, &self.theme, r, buf);
        }
        if let Some(r) = areas.tags {
            tag_pane::render(&self.tag_pane_view(), &self.theme, r, buf);
        }
        status::render(&self.status_view(), &self.theme, areas.status, buf);
        let body = Rect {
            height: area.height.saturating_sub(areas.status.height),
            ..area
        };
        match &self.mode {
            Overlay::Help(v) => v.render(&self.theme, &self.close_hint(), body, buf),
            Overlay::Export(d) => {
                export_dialog::render(&self.export_view(), &self.theme, d, body, buf)
            }
            Overlay::Stats(v) => {
                let look = stats_view::StatsLook {
                    theme: &self.theme,
                    tags: &self.config.tags,
                };
                stats_view::render(&look, v, &self.close_hint(), body, buf)
            }
            Overlay::ConfirmBulk | Overlay::NewTag | Overlay::Memo | Overlay::JumpToDate => {
                tagging::render_overlay(self, body, buf)
            }
            Overlay::PickTag(p) | Overlay::PickSearch(p) => {
                tag_picker::render(p, &self.theme, self.keymap.picker.hints(), body, buf)
            }
            Overlay::EditTag(e) => {
                tag_edit::render(e, &self.theme, self.keymap.tag_edit.hints(), body, buf)
            }
            Overlay::ConfirmRename(q) => {
                tag_edit::render_question(q, &self.theme, self.keymap.confirm.hints(), body, buf)
            }
            Overlay::Search => search_bar::render(&self.search, &self.theme, areas.status, buf),
            Overlay::Triage => triage::render(self, body, buf),
            Overlay::Adjudicate => adjudication::render(self, body, buf),
            Overlay::Messages { scroll } => message_log::render(
                &self.log,
                *scroll,
                &self.theme,
                &self.close_hint(),
                body,
                buf,
            ),
            Overlay::Page => {
                if let Some(view) = &self.page {
                    page_view::render(view, &self.theme, &self.keymap, body, buf);
                }
            }
            Overlay::Panes => {}
        }
    }
}

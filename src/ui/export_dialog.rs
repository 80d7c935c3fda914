//! The export dialog (`e`): format, file, scope (everything, the list as filtered,
//! the marked articles), whose decisions (every coder's, the settled ones, one
//! coder's, as `newstag export --decisions`) and a format option; Enter asks the
//! app to write the file (`App::export_job` in `exporting.rs`, the rows gathered
//! as `newstag export` gathers them) and the dialog says where it wrote and how
//! many rows.
//!
//! The dialog owns its state and draws from it and an [`ExportView`] the app
//! gathers; it never reaches the app.

use super::action::ExportAction;
use super::bordered;
use super::layout;
use super::theme::Theme;
use crate::export::ExportFormat;
use crate::export::ExportOptions;
use crate::export::rows::Whose;
use crate::session::export_job::Exported;
use crossterm::event::{Event, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::path::PathBuf;
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;
use unicode_width::UnicodeWidthStr;

/// Which articles to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every article of the corpus.
    All,
    /// The articles the list shows (after a search).
    List,
    /// The marked articles.
    Marked,
}

impl Scope {
    const ALL: [Scope; 3] = [Scope::All, Scope::List, Scope::Marked];

    fn label(self) -> &'static str {
        match self {
            Scope::All => "everything",
            Scope::List => "the list",
            Scope::Marked => "marked",
        }
    }
}

/// The line of the dialog that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Format,
    Path,
    Scope,
    /// Whose decisions: every coder's, the settled ones, one coder's.
    Decisions,
    Option,
}

impl Field {
    const ORDER: [Field; 5] = [
        Field::Format,
        Field::Path,
        Field::Scope,
        Field::Decisions,
        Field::Option,
    ];
}

/// What the dialog shows of the app, gathered by it (`App::export_view`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportView {
    /// The corpus folder: where the file goes by default.
    pub folder: PathBuf,
    /// Articles of the corpus.
    pub all: usize,
    /// Articles the list shows, when a search narrows it.
    pub list: Option<usize>,
    /// Articles marked.
    pub marked: usize,
    /// Still loading: files read, of how many.
    pub loading: Option<(usize, usize)>,
}

/// Where the export the dialog describes stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportStatus {
    /// Still being filled in.
    Editing,
    /// The file is being written in the background.
    Writing { path: PathBuf },
    /// The file exists: Enter again overwrites it.
    ConfirmOverwrite,
    /// Written: where and how many records.
    Written { path: PathBuf, records: usize },
    /// Writing failed (the dialog stays open to fix the path).
    Failed(String),
}

/// The dialog's state.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    pub format: ExportFormat,
    pub path: Input,
    pub scope: Scope,
    pub field: Field,
    /// CSV: byte-order mark for Excel.
    pub excel: bool,
    /// JSONL and xlsx: include the body text.
    pub with_body: bool,
    /// Whose decisions to export (see [`ExportDialog::whose`]).
    pub whose: Whose,
    /// The choices offered: every coder's, then (unless blind) the settled
    /// decisions and each coder's.
    pub whose_choices: Vec<Whose>,
    pub status: ExportStatus,
    /// Enter asked for the file (`true`: overwriting it), for the app to
    /// write in the background.
    pub write: Option<bool>,
}

impl PartialEq for ExportDialog {
    fn eq(&self, other: &Self) -> bool {
        self.format == other.format
            && self.path.value() == other.path.value()
            && self.path.cursor() == other.path.cursor()
            && self.scope == other.scope
            && self.field == other.field
            && self.excel == other.excel
            && self.with_body == other.with_body
            && self.whose == other.whose
            && self.whose_choices == other.whose_choices
            && self.status == other.status
    }
}

impl Eq for ExportDialog {}

impl ExportDialog {
    /// A dialog over `view`: CSV into a new file in the corpus folder, scoped
    /// to the marked articles if any, else the list when filtered, else
    /// everything; every coder's decisions, `whose` the choices offered.
    pub fn open(view: &ExportView, whose: Vec<Whose>) -> ExportDialog {
        let scope = if view.marked > 0 {
            Scope::Marked
        } else if view.list.is_some() {
            Scope::List
        } else {
            Scope::All
        };
        let format = ExportFormat::Csv;
        let path = default_path(&view.folder, format);
        ExportDialog {
            format,
            path: Input::new(path.to_string_lossy().into_owned()),
            scope,
            field: Field::Format,
            excel: true,
            with_body: false,
            whose: Whose::All,
            whose_choices: whose,
            status: ExportStatus::Editing,
            write: None,
        }
    }

    /// Whose decisions the file holds: the choice made, except in a TOML dump,
    /// a backup of every sidecar (as `newstag export` refuses
    /// `--decisions` there).
    pub fn whose(&self) -> Whose {
        if self.format == ExportFormat::Toml {
            Whose::All
        } else {
            self.whose.clone()
        }
    }

    /// How to write the file.
    pub fn options(&self) -> ExportOptions {
        ExportOptions {
            format: self.format,
            with_body: self.with_body,
            excel: self.excel,
        }
    }

    /// The file to write, `~/` expanded.
    pub fn target(&self) -> PathBuf {
        let v = self.path.value().trim();
        match (v.strip_prefix("~/"), dirs::home_dir()) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => PathBuf::from(v),
        }
    }

    fn cycle_format(&mut self, step: isize) {
        let all = ExportFormat::ALL;
        let k = all.iter().position(|f| *f == self.format).unwrap_or(0) as isize;
        let next = all[(k + step).rem_euclid(all.len() as isize) as usize];
        let old_ext = format!(".{}", self.format.as_str());
        let value = self.path.value().to_string();
        if let Some(stem) = value.strip_suffix(&old_ext) {
            self.path = Input::new(format!("{stem}.{}", next.as_str()));
        }
        self.format = next;
    }

    fn cycle_scope(&mut self, view: &ExportView, step: isize) {
        let all = Scope::ALL;
        let mut k = all.iter().position(|s| *s == self.scope).unwrap_or(0) as isize;
        for _ in 0..all.len() {
            k = (k + step).rem_euclid(all.len() as isize);
            if scope_size(view, all[k as usize]).is_some() {
                self.scope = all[k as usize];
                return;
            }
        }
    }

    fn cycle_whose(&mut self, step: isize) {
        let n = self.whose_choices.len() as isize;
        if n == 0 || self.format == ExportFormat::Toml {
            return;
        }
        let k = self
            .whose_choices
            .iter()
            .position(|w| *w == self.whose)
            .unwrap_or(0) as isize;
        self.whose = self.whose_choices[(k + step).rem_euclid(n) as usize].clone();
    }

    fn toggle_option(&mut self) {
        match self.format {
            ExportFormat::Csv => self.excel = !self.excel,
            ExportFormat::Jsonl | ExportFormat::Xlsx => self.with_body = !self.with_body,
            ExportFormat::Toml => {}
        }
    }

    fn move_field(&mut self, step: isize) {
        let n = Field::ORDER.len() as isize;
        let k = Field::ORDER
            .iter()
            .position(|f| *f == self.field)
            .unwrap_or(0) as isize;
        self.field = Field::ORDER[(k + step).rem_euclid(n) as usize];
    }

    /// The option line's text for the current format.
    fn option_text(&self) -> String {
        let check = |on: bool| if on { "[x]" } else { "[ ]" };
        match self.format {
            ExportFormat::Csv => format!("{} byte-order mark for Excel", check(self.excel)),
            ExportFormat::Jsonl | ExportFormat::Xlsx => {
                format!("{} include the body text", check(self.with_body))
            }
            ExportFormat::Toml => {
                "all tags with when and how set; `newstag import` restores".into()
            }
        }
    }
}

pub use crate::export::atomic::{corpus_folder, default_path};

/// How many articles `scope` holds; `None` when it is not offered (no
/// search, no marks).
fn scope_size(view: &ExportView, scope: Scope) -> Option<usize> {
    match scope {
        Scope::All => Some(view.all),
        Scope::List => view.list,
        Scope::Marked => (view.marked > 0).then_some(view.marked),
    }
}

/// Take in how the export the dialog started ended.
pub fn finished(d: &mut ExportDialog, done: &Exported) {
    if d.status
        != (ExportStatus::Writing {
            path: done.path.clone(),
        })
    {
        return;
    }
    d.status = match &done.result {
        Ok(records) => ExportStatus::Written {
            path: done.path.clone(),
            records: *records,
        },
        Err(crate::export::ExportError::Exists { .. }) => ExportStatus::ConfirmOverwrite,
        Err(e) => ExportStatus::Failed(e.to_string()),
    };
}

/// What a key does in the dialog: `action` is what `[keys.export]` binds it to,
/// keys bound to nothing edit the file name. Returns false when the dialog
/// should close.
pub fn handle_key(
    view: &ExportView,
    d: &mut ExportDialog,
    action: Option<ExportAction>,
    key: KeyEvent,
) -> bool {
    if let ExportStatus::Written { .. } = d.status {
        return !matches!(action, Some(ExportAction::Close | ExportAction::Write));
    }
    if let ExportStatus::Writing { .. } = d.status {
        // The file is on its way; closing the dialog leaves the status bar to
        // say how it ended.
        return action != Some(ExportAction::Close);
    }
    match action {
        Some(ExportAction::Close) => return false,
        Some(ExportAction::Write) => {
            let force = d.status == ExportStatus::ConfirmOverwrite;
            if d.path.value().trim().is_empty() {
                d.status = ExportStatus::Failed("no file name".into());
                return true;
            }
            if let Some((done, total)) = view.loading {
                d.status = ExportStatus::Failed(format!(
                    "still loading ({done} of {total} files): export when the corpus is loaded"
                ));
                return true;
            }
            d.status = ExportStatus::Writing { path: d.target() };
            d.write = Some(force);
            return true;
        }
        Some(ExportAction::NextField) => d.move_field(1),
        Some(ExportAction::PrevField) => d.move_field(-1),
        _ => {
            let step = match action {
                Some(ExportAction::PrevChoice) => Some(-1),
                Some(ExportAction::NextChoice) => Some(1),
                _ => None,
            };
            match (d.field, step) {
                (Field::Format, Some(s)) => d.cycle_format(s),
                (Field::Scope, Some(s)) => d.cycle_scope(view, s),
                (Field::Decisions, Some(s)) => d.cycle_whose(s),
                (Field::Option, Some(_)) => d.toggle_option(),
                (Field::Path, _) => {
                    if let Some(req) = to_input_request(&Event::Key(key)) {
                        d.path.handle(req);
                    }
                }
                _ => return true,
            }
        }
    }
    // Any change clears an old error or overwrite question.
    d.status = ExportStatus::Editing;
    true
}

/// Width of the label column.
const LABEL_W: u16 = 10;

/// Where the dialog goes inside `area`.
pub fn dialog_rect(area: Rect) -> Rect {
    layout::centered(area, 76, 9)
}

/// Where the terminal cursor belongs (at the caret of the file field), if shown.
pub fn cursor(d: &ExportDialog, area: Rect) -> Option<Position> {
    if d.field != Field::Path || matches!(d.status, ExportStatus::Written { .. }) {
        return None;
    }
    let inner = layout::inner(dialog_rect(area));
    let width = inner.width.saturating_sub(LABEL_W + 1) as usize;
    let scroll = d.path.visual_scroll(width);
    let x = inner.x + LABEL_W + 1 + (d.path.visual_cursor().saturating_sub(scroll)) as u16;
    Some(Position::new(
        x.min(inner.right().saturating_sub(1)),
        inner.y + 1,
    ))
}

/// Draw the dialog over `area`.
pub fn render(view: &ExportView, theme: &Theme, d: &ExportDialog, area: Rect, buf: &mut Buffer) {
    let rect = dialog_rect(area);
    let inner = bordered::overlay(theme, " Export ", None, rect, buf);
    let line_at = |y: u16| Rect {
        y: inner.y + y,
        height: 1,
        ..inner
    };
    if inner.height < 5 {
        return;
    }

    if let ExportStatus::Written { path, records } = &d.status {
        let what = if d.format == ExportFormat::Toml {
            "tagged articles"
        } else {
            "rows"
        };
        Line::from(format!(
            " Wrote {records} {what} ({}) to",
            d.format.as_str()
        ))
        .render(line_at(1), buf);
        let p = path.to_string_lossy();
        Line::from(format!(
            " {}",
            crate::text::fit_width_from_end(&p, inner.width.saturating_sub(2) as usize)
        ))
        .style(theme.title())
        .render(line_at(2), buf);
        Line::from(Span::styled(" Enter or Esc closes", theme.dim())).render(line_at(4), buf);
        return;
    }

    let label = |f: Field, text: &str| {
        let style = if d.field == f {
            theme.key()
        } else {
            theme.dim()
        };
        Span::styled(format!(" {:<w$}", text, w = (LABEL_W - 1) as usize), style)
    };
    let choice = |on: bool, focused: bool, text: String| {
        let style = match (on, focused) {
            (true, true) => theme.selected(),
            (true, false) => theme.title(),
            _ => theme.dim(),
        };
        Span::styled(format!(" {text} "), style)
    };

    // Format.
    let mut spans = vec![label(Field::Format, "Format")];
    for f in ExportFormat::ALL {
        spans.push(choice(
            f == d.format,
            d.field == Field::Format,
            f.as_str().to_uppercase(),
        ));
        spans.push(Span::raw(" "));
    }
    Line::from(spans).render(line_at(0), buf);

    // File.
    let width = inner.width.saturating_sub(LABEL_W + 1) as usize;
    let scroll = d.path.visual_scroll(width);
    let shown: String = skip_cells(d.path.value(), scroll);
    Line::from(vec![
        label(Field::Path, "File"),
        Span::raw(" "),
        Span::raw(shown),
    ])
    .render(line_at(1), buf);

    // Scope.
    let mut spans = vec![label(Field::Scope, "Scope")];
    for s in Scope::ALL {
        let Some(n) = scope_size(view, s) else {
            continue;
        };
        spans.push(choice(
            s == d.scope,
            d.field == Field::Scope,
            format!("{} ({n})", s.label()),
        ));
        spans.push(Span::raw(" "));
    }
    Line::from(spans).render(line_at(2), buf);

    // Decisions.
    let mut spans = vec![label(Field::Decisions, "Decisions")];
    if d.format == ExportFormat::Toml {
        spans.push(Span::styled(
            " every sidecar: a dump is a backup of all decisions",
            theme.dim(),
        ));
    } else {
        let room = inner.width.saturating_sub(LABEL_W) as usize;
        let texts: Vec<String> = d
            .whose_choices
            .iter()
            .map(|w| crate::text::fit_width(&crate::text::escape_controls(w.as_str()), 16))
            .collect();
        let all_w: usize = texts.iter().map(|t| t.width() + 3).sum();
        for (w, text) in d.whose_choices.iter().zip(texts) {
            // Too many coders for the line: the choice made alone, with arrows.
            if all_w > room && *w != d.whose {
                continue;
            }
            let text = if all_w > room {
                format!("< {text} >")
            } else {
                text
            };
            spans.push(choice(*w == d.whose, d.field == Field::Decisions, text));
            spans.push(Span::raw(" "));
        }
    }
    Line::from(spans).render(line_at(3), buf);

    // Option.
    Line::from(vec![
        label(Field::Option, "Option"),
        Span::raw(" "),
        Span::raw(d.option_text()),
    ])
    .render(line_at(4), buf);

    // Status and hints.
    match &d.status {
        ExportStatus::Writing { .. } => {
            Line::from(Span::styled(" writing ...", theme.dim())).render(line_at(5), buf)
        }
        ExportStatus::ConfirmOverwrite => Line::from(Span::styled(
            " The file exists. Enter overwrites it, Esc cancels.",
            theme.error(),
        ))
        .render(line_at(5), buf),
        ExportStatus::Failed(msg) => Line::from(Span::styled(
            format!(
                " {}",
                crate::text::fit_width_from_end(msg, inner.width.saturating_sub(2) as usize)
            ),
            theme.error(),
        ))
        .render(line_at(5), buf),
        _ => {}
    }
    Line::from(Span::styled(
        " Enter export  Tab next field  Left/Right change  Esc cancel",
        theme.dim(),
    ))
    .render(line_at(inner.height - 1), buf);
}

/// `s` without its first `cells` display cells.
fn skip_cells(s: &str, cells: usize) -> String {
    let mut used = 0;
    s.chars()
        .skip_while(|c| {
            let w = unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            if used + w <= cells && used < cells {
                used += w;
                true
            } else {
                false
            }
        })
        .collect()
}

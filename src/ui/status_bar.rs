//! What the status bar shows, gathered from the app for `status::render`:
//! corpus counts, tagged share, save state and loading progress, the last
//! message, and the key hints of the layer that has the keyboard.

use super::action::{Action, Layer};
use super::app::App;
use super::status::StatusView;

impl App {
    /// The status bar's content now.
    pub fn status_view(&self) -> StatusView {
        let (save, save_failed) = save_state(self);
        StatusView {
            counts: status_counts(self),
            save,
            save_failed,
            message: self.message.as_ref().map(|m| (m.text.clone(), m.is_error)),
            hints: status_hints(self),
        }
    }
}

/// The hint bar of the layer that has the keyboard, from its keymap: for the
/// panes `j move  Enter read ...` with `1-9 tag` after mark; for an overlay or
/// prompt every key it has.
fn status_hints(app: &App) -> Vec<(String, String)> {
    let layer = app.layer();
    if layer != Layer::Panes {
        return app.keymap.hints(layer);
    }
    let mut out = Vec::new();
    let in_list = app.focus == super::layout::Pane::List;
    for a in super::status::HINTS {
        // Out of the list, `open` has nothing to open: hint at the way back.
        let a = if a == Action::Open && !in_list {
            Action::Back
        } else {
            a
        };
        if let Some(k) = app.keymap.panes.first_key(a) {
            let name = match a {
                Action::MoveDown if app.focus == super::layout::Pane::Reader => "scroll",
                Action::MoveDown => "move",
                Action::Open => "read",
                other => other.name(),
            };
            out.push((k, name.to_string()));
        }
        if a == Action::Mark
            && let Some(k) = super::status::tag_key_range(&app.config.tags)
        {
            out.push((k, "tag".into()));
        }
    }
    out
}

/// The parts of the status line, most important first.
fn status_counts(app: &App) -> Vec<String> {
    let mut parts = Vec::new();
    match app.loading {
        Some(l) => parts.push(l.progress.describe("loading", "issues")),
        None => parts.push(crate::text::count(app.corpus.issues.len(), "issue")),
    }
    parts.push(crate::text::count(app.article_total, "article"));
    if let (None, Some(p)) = (&app.search.index, &app.search.indexing) {
        parts.push(super::search_bar::indexing_text(p));
    }
    let tagged = app.tagged_total();
    let share = (tagged * 100).checked_div(app.article_total).unwrap_or(0);
    parts.push(format!("{tagged} tagged ({share}%)"));
    if !app.marks.is_empty() {
        parts.push(format!("{} marked", app.marks.len()));
    }
    if let Some(note) = super::triage::status_note(app) {
        parts.push(note);
    }
    parts
}

/// Whether the tag changes are on disk: `saved`, or `NOT SAVED` and why.
fn save_state(app: &App) -> (String, bool) {
    match &app.tagging.save {
        super::tagging::SaveState::Saved => ("saved".to_string(), false),
        super::tagging::SaveState::Saving(what) => (format!("saving {what}"), false),
        super::tagging::SaveState::Failed(why) => match (
            &app.tagging.saves.unsaved,
            app.keymap.panes.first_key(Action::RetrySave),
        ) {
            // The retry key first: the reason may be cut.
            (Some(_), Some(key)) => (format!("NOT SAVED ({key} retries): {why}"), true),
            _ => (format!("NOT SAVED: {why}"), true),
        },
    }
}

//! The status bar: corpus counts, tagged share, save state and loading progress,
//! the last message, and key hints generated from the keymap.

use super::action::{Action, Layer};
use super::app::App;
use crate::text::{escape_controls, fit_width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// The actions hinted at in the bottom line, in order.
const HINTS: [Action; 8] = [
    Action::MoveDown,
    Action::Open,
    Action::Fold,
    Action::Search,
    Action::Mark,
    Action::Export,
    Action::Help,
    Action::Quit,
];

/// `1-3`: the range of the tags' keys, for hints.
pub fn tag_key_range(app: &App) -> Option<String> {
    let keys: Vec<&str> = app
        .config
        .tags
        .iter()
        .filter(|t| !t.key.is_empty())
        .map(|t| t.key.as_str())
        .collect();
    match (keys.first(), keys.last()) {
        (Some(first), Some(last)) if first == last => Some(first.to_string()),
        (Some(first), Some(last)) => Some(format!("{first}-{last}")),
        _ => None,
    }
}

/// The hint bar of the layer that has the keyboard, from its keymap: for the
/// panes `j move  Enter read ...` with `1-9 tag` after mark; for an overlay or
/// prompt every key it has.
pub fn hints(app: &App) -> Vec<(String, String)> {
    let layer = app.layer();
    if layer != Layer::Panes {
        return app.keymap.hints(layer);
    }
    let mut out = Vec::new();
    let in_list = app.focus == super::layout::Pane::List;
    for a in HINTS {
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
            && let Some(k) = tag_key_range(app)
        {
            out.push((k, "tag".into()));
        }
    }
    out
}

/// The parts of the status line, most important first.
pub fn counts(app: &App) -> Vec<String> {
    let mut parts = Vec::new();
    match app.loading {
        Some(l) => parts.push(format!("loading {}/{} issues", l.done, l.total)),
        None => parts.push(crate::text::count(app.corpus.issues.len(), "issue")),
    }
    parts.push(crate::text::count(app.article_total, "article"));
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
pub fn save_state(app: &App) -> (String, bool) {
    match &app.tagging.save {
        super::tagging::SaveState::Saved => ("saved".to_string(), false),
        super::tagging::SaveState::Saving(what) => (format!("saving {what}"), false),
        super::tagging::SaveState::Failed(why) => match (
            &app.tagging.saves.unsaved,
            app.keymap.panes.first_key(super::Action::RetrySave),
        ) {
            // The retry key first: the reason may be cut.
            (Some(_), Some(key)) => (format!("NOT SAVED ({key} retries): {why}"), true),
            _ => (format!("NOT SAVED: {why}"), true),
        },
    }
}

/// Draw the status bar (one or two lines) into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    if area.height == 0 || area.width == 0 {
        return;
    }
    let width = area.width as usize;
    buf.set_style(Rect { height: 1, ..area }, theme.status());
    // A save failure always shows (with its reason, in up to half the line); then
    // as many counts as fit, `saved` last; then the message.
    let (save, failed) = save_state(app);
    // Messages name files, tags and titles: their control characters are shown
    // (`\e`, `\u{202E}`), not dropped unseen.
    let save = fit_width(&escape_controls(&save), (width / 2).max(10));
    let reserved = if failed { save.width() + 2 } else { 0 };
    let mut parts = counts(app);
    if !failed {
        parts.push(save.clone());
    }
    let mut line = String::new();
    for part in parts {
        if line.width() + part.width() + 2 + reserved > width {
            break;
        }
        line.push_str("  ");
        line.push_str(&part);
    }
    let counts = line.trim_start().to_string();
    let mut spans = vec![Span::styled(format!(" {counts} "), theme.status())];
    let mut used = counts.width() + 2;
    if failed {
        spans.push(Span::styled(format!(" {save} "), theme.error()));
        used += reserved;
    }
    if let Some(m) = &app.message {
        let room = width.saturating_sub(used + 1);
        let style = if m.is_error {
            theme.error()
        } else {
            theme.status()
        };
        spans.push(Span::styled(
            format!(" {}", fit_width(&escape_controls(&m.text), room)),
            style,
        ));
    }
    Line::from(spans).render(Rect { height: 1, ..area }, buf);
    if area.height >= 2 {
        let mut spans = Vec::new();
        let mut used = 0;
        for (key, name) in hints(app) {
            let w = key.width() + 1 + name.width() + 2;
            if used + w > width {
                break;
            }
            used += w;
            spans.push(Span::styled(format!(" {key}"), theme.key()));
            spans.push(Span::styled(format!(" {name} "), theme.dim()));
        }
        Line::from(spans).render(
            Rect {
                y: area.y + 1,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

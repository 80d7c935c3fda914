//! The status bar: corpus counts, tagged share, save state and loading progress,
//! the last message, and key hints generated from the keymap.

use super::action::Action;
use super::app::App;
use super::list::fit;
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

/// `j move_down  Enter open ...` from the keymap, with `1-9 tag` after mark.
pub fn hints(app: &App) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for a in HINTS {
        if let Some(k) = app.keymap.first_key(a) {
            let name = match a {
                Action::MoveDown => "move",
                Action::Open => "read",
                other => other.name(),
            };
            out.push((k, name.to_string()));
        }
        if a == Action::Mark && !app.config.tags.is_empty() {
            let keys: Vec<String> = app
                .config
                .tags
                .iter()
                .filter(|t| !t.key.is_empty())
                .map(|t| t.key.clone())
                .collect();
            if let (Some(first), Some(last)) = (keys.first(), keys.last()) {
                let k = if first == last {
                    first.clone()
                } else {
                    format!("{first}-{last}")
                };
                out.push((k, "tag".into()));
            }
        }
    }
    out
}

/// The counts part of the status line.
pub fn counts(app: &App) -> String {
    let mut s = format!(
        "{} issues  {} articles",
        app.issues.len(),
        app.article_total
    );
    if let Some(l) = app.loading {
        s = format!(
            "loading {}/{} issues  {} articles",
            l.done, l.total, app.article_total
        );
    }
    let tagged = app.tagged_total();
    let share = (tagged * 100).checked_div(app.article_total).unwrap_or(0);
    s.push_str(&format!("  {tagged} tagged ({share}%)"));
    let unsaved = app.unsaved_changes();
    s.push_str(if unsaved == 0 { "  saved" } else { "  unsaved" });
    if !app.marks.is_empty() {
        s.push_str(&format!("  {} marked", app.marks.len()));
    }
    s
}

/// Draw the status bar (one or two lines) into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    if area.height == 0 || area.width == 0 {
        return;
    }
    let width = area.width as usize;
    buf.set_style(Rect { height: 1, ..area }, theme.status());
    let counts = counts(app);
    let mut spans = vec![Span::styled(format!(" {counts} "), theme.status())];
    if let Some(m) = &app.message {
        let room = width.saturating_sub(counts.width() + 3);
        let style = if m.is_error {
            theme.error()
        } else {
            theme.status()
        };
        spans.push(Span::styled(format!(" {}", fit(&m.text, room)), style));
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

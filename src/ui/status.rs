//! The status bar: corpus counts, tagged share, save state and loading progress,
//! the last message, and key hints generated from the keymap.

use super::action::Action;
use super::theme::Theme;
use crate::text::{escape_controls, fit_width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// The actions hinted at in the bottom line of the panes, in order.
pub const HINTS: [Action; 8] = [
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
pub fn tag_key_range(tags: &[crate::config::TagDef]) -> Option<String> {
    // In key order: a tag renamed from the built-in vocabulary comes last in
    // the config, with its key.
    let mut keys: Vec<&str> = tags
        .iter()
        .filter(|t| !t.key.is_empty())
        .map(|t| t.key.as_str())
        .collect();
    keys.sort_unstable();
    match (keys.first(), keys.last()) {
        (Some(first), Some(last)) if first == last => Some(first.to_string()),
        (Some(first), Some(last)) => Some(format!("{first}-{last}")),
        _ => None,
    }
}

/// What the status bar shows, gathered by the app (`App::status_view`).
#[derive(Debug, Clone, Default)]
pub struct StatusView {
    /// Counts and states, most important first (`8 issues`, `58 articles`...).
    pub counts: Vec<String>,
    /// Whether the tag changes are on disk: `saved`, `saving +x`, `NOT SAVED...`.
    pub save: String,
    /// The save failed: `save` shows in the error style, before any count.
    pub save_failed: bool,
    /// The last message, and whether it is an error.
    pub message: Option<(String, bool)>,
    /// The second line: (key, what it does) of the layer with the keyboard.
    pub hints: Vec<(String, String)>,
}

/// Draw the status bar (one or two lines) into `area`.
pub fn render(view: &StatusView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let width = area.width as usize;
    buf.set_style(Rect { height: 1, ..area }, theme.status());
    // A save failure always shows (with its reason, in up to half the line); then
    // as many counts as fit, `saved` last; then the message.
    let (save, failed) = (&view.save, view.save_failed);
    // Messages name files, tags and titles: their control characters are shown
    // (`\e`, `\u{202E}`), not dropped unseen.
    let save = fit_width(&escape_controls(save), (width / 2).max(10));
    let reserved = if failed { save.width() + 2 } else { 0 };
    let mut parts = view.counts.clone();
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
    if let Some((text, is_error)) = &view.message {
        let room = width.saturating_sub(used + 1);
        let style = if *is_error {
            theme.error()
        } else {
            theme.status()
        };
        spans.push(Span::styled(
            format!(" {}", fit_width(&escape_controls(text), room)),
            style,
        ));
    }
    Line::from(spans).render(Rect { height: 1, ..area }, buf);
    if area.height >= 2 {
        let mut spans = Vec::new();
        let mut used = 0;
        for (key, name) in &view.hints {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::TagDef;

    /// The hint names the tags' keys lowest to highest, whatever their order
    /// in the config (after a rename of a built-in tag it said `1-2` for keys
    /// 1, 3 and 2).
    #[test]
    fn tag_key_range_is_in_key_order() {
        let tags = [
            TagDef::new("a", "1"),
            TagDef::new("b", "3"),
            TagDef::new("c", "2"),
        ];
        assert_eq!(tag_key_range(&tags).as_deref(), Some("1-3"));
        assert_eq!(tag_key_range(&tags[..1]).as_deref(), Some("1"));
        assert_eq!(tag_key_range(&[]), None);
    }
}

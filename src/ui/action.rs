//! Everything a user can ask the app to do. Keys become actions only through the
//! keymap (`keymap.rs`); state changes only in `App::update`.
//!
//! The `///` line of each bindable variant is its description in the help screen
//! and in the keymap: the `actions!` macro turns it into `Action::description`.

use serde::{Deserialize, Serialize};

macro_rules! actions {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $name:literal, )*) => {
        /// A user intent. Bindable variants are named in `[keys]` of the config.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( $(#[doc = $doc])+ $variant, )*
            /// Toggle the tag at this index of the vocabulary (bound by each tag's `key`)
            ToggleTag(usize),
            /// Select what is under the pointer
            Click { column: u16, row: u16 },
            /// Scroll the pane under the pointer (positive: down)
            Wheel { column: u16, row: u16, lines: i16 },
            /// The terminal changed size
            Resize { width: u16, height: u16 },
        }

        impl Action {
            /// Every action that can be bound to keys in `[keys]`, in help order.
            pub const BINDABLE: &'static [Action] = &[$(Action::$variant),*];

            /// The name used in `[keys]` of the config.
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)*
                    Action::ToggleTag(_) => "toggle_tag",
                    Action::Click { .. } => "click",
                    Action::Wheel { .. } => "wheel",
                    Action::Resize { .. } => "resize",
                }
            }

            /// One line saying what the action does (its `///` line).
            pub fn description(self) -> &'static str {
                match self {
                    $(Action::$variant => concat!($($doc),+).trim_ascii(),)*
                    Action::ToggleTag(_) => "Toggle a tag on the article or the marked articles",
                    Action::Click { .. } => "Select what is under the pointer",
                    Action::Wheel { .. } => "Scroll the pane under the pointer",
                    Action::Resize { .. } => "The terminal changed size",
                }
            }

            /// The bindable action named `name` in `[keys]`.
            pub fn from_name(name: &str) -> Option<Action> {
                Action::BINDABLE.iter().copied().find(|a| a.name() == name)
            }
        }
    };
}

actions! {
    /// Move down one row
    MoveDown = "move_down",
    /// Move up one row
    MoveUp = "move_up",
    /// Go to the first row
    Top = "top",
    /// Go to the last row
    Bottom = "bottom",
    /// Move down one page
    PageDown = "page_down",
    /// Move up one page
    PageUp = "page_up",
    /// Focus the next pane
    NextPane = "next_pane",
    /// Focus the previous pane
    PrevPane = "prev_pane",
    /// Read the selected article (on an issue row: fold or unfold it)
    Open = "open",
    /// Go back: close help, leave the reader, or go to the issue row
    Back = "back",
    /// Jump to the next issue
    NextIssue = "next_issue",
    /// Jump to the previous issue
    PrevIssue = "prev_issue",
    /// Fold or unfold the current issue
    Fold = "fold",
    /// Search articles
    Search = "search",
    /// Go to the next search match
    NextMatch = "next_match",
    /// Go to the previous search match
    PrevMatch = "prev_match",
    /// Mark or unmark the article for a batch change
    Mark = "mark",
    /// Mark every article in the list
    MarkAll = "mark_all",
    /// Clear all marks
    ClearMarks = "clear_marks",
    /// Undo the last tag change
    Undo = "undo",
    /// Redo the last undone tag change
    Redo = "redo",
    /// Add a new tag to the vocabulary
    NewTag = "new_tag",
    /// Accept the suggested tags for the article
    AcceptSuggestions = "accept_suggestions",
    /// Triage: walk untagged articles with suggestions
    Triage = "triage",
    /// Export the (marked or listed) articles
    Export = "export",
    /// Show tag statistics
    Stats = "stats",
    /// Show every key binding
    Help = "help",
    /// Quit newstag
    Quit = "quit",
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Config names and serde names agree, so `[keys]` and any JSON of actions match.
    #[test]
    fn names_match_serde() {
        for a in Action::BINDABLE {
            let json = serde_json::to_string(a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.name()));
            assert_eq!(Action::from_name(a.name()), Some(*a));
            assert!(!a.description().is_empty());
            assert!(!a.description().starts_with(' '));
        }
    }

    /// Every action in the shipped `[keys]` exists, and every bindable action is in it.
    #[test]
    fn shipped_keys_cover_all_actions() {
        let config = crate::config::Config::builtin();
        for name in config.keys.keys() {
            assert!(Action::from_name(name).is_some(), "unknown action {name}");
        }
        for a in Action::BINDABLE {
            assert!(
                config.keys.contains_key(a.name()),
                "{} has no default key",
                a.name()
            );
        }
    }
}

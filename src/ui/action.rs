//! Everything a user can ask the app to do, one enum per layer of the TUI: the
//! panes (`Action`, bound in `[keys.panes]`) and each overlay or prompt (`HelpAction` in
//! `[keys.help]`, `TriageAction` in `[keys.triage]`, ...; see [`Layer`]). Keys
//! become actions only through the layer's keymap (`keymap.rs`).
//!
//! The `///` line of each bindable variant is its description in the help screen,
//! the hint bar and the README: the macros turn it into `description()`.

use serde::{Deserialize, Serialize};

macro_rules! actions {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $name:literal, )*) => {
        /// A user intent. Bindable variants are named in `[keys.panes]` of the config.
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
            /// Every action that can be bound to keys in `[keys.panes]`, in help order.
            pub const BINDABLE: &'static [Action] = &[$(Action::$variant),*];

            /// The name used in `[keys.panes]` of the config.
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

            /// The bindable action named `name` in `[keys.panes]`.
            pub fn from_name(name: &str) -> Option<Action> {
                Action::BINDABLE.iter().copied().find(|a| a.name() == name)
            }
        }

        impl Bindable for Action {
            const LAYER: Layer = Layer::Panes;
            const ALL: &'static [Action] = Action::BINDABLE;
            fn name(self) -> &'static str {
                Action::name(self)
            }
            fn description(self) -> &'static str {
                Action::description(self)
            }
        }
    };
}

/// An action of one layer that keys can be bound to in its config section.
pub trait Bindable: Copy + Eq + std::hash::Hash + std::fmt::Debug + 'static {
    /// The layer whose section of `[keys]` binds it.
    const LAYER: Layer;
    /// Every bindable action, in help order.
    const ALL: &'static [Self];
    /// The name used in the config.
    fn name(self) -> &'static str;
    /// One line saying what it does (its `///` line).
    fn description(self) -> &'static str;
    /// The action named `name` in the config.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.name() == name)
    }
}

/// Define the action enum of one layer: `///` line, variant, config name.
macro_rules! layer_actions {
    ($(#[doc = $edoc:literal])+ $enum:ident in $layer:ident {
        $( $(#[doc = $doc:literal])+ $variant:ident = $name:literal, )*
    }) => {
        $(#[doc = $edoc])+
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $enum {
            $( $(#[doc = $doc])+ $variant, )*
        }

        impl Bindable for $enum {
            const LAYER: Layer = Layer::$layer;
            const ALL: &'static [$enum] = &[$($enum::$variant),*];
            fn name(self) -> &'static str {
                match self {
                    $($enum::$variant => $name,)*
                }
            }
            fn description(self) -> &'static str {
                match self {
                    $($enum::$variant => concat!($($doc),+).trim_ascii(),)*
                }
            }
        }
    };
}

/// What has the keyboard: the panes, or an overlay or prompt over them. Each
/// layer has its own section of the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    Panes,
    Help,
    Stats,
    Triage,
    Adjudicate,
    Confirm,
    NewTag,
    Memo,
    Export,
    Search,
    Messages,
    JumpToDate,
    Page,
    Picker,
    TagEdit,
}

impl Layer {
    /// Every layer, in help order.
    pub const ALL: [Layer; 15] = [
        Layer::Panes,
        Layer::Page,
        Layer::Picker,
        Layer::Search,
        Layer::Triage,
        Layer::Adjudicate,
        Layer::Confirm,
        Layer::NewTag,
        Layer::Memo,
        Layer::TagEdit,
        Layer::JumpToDate,
        Layer::Export,
        Layer::Stats,
        Layer::Messages,
        Layer::Help,
    ];

    /// Its section in the config: the name in `[keys.<name>]`.
    pub fn section(self) -> &'static str {
        match self {
            Layer::Panes => crate::config::PANES_LAYER,
            Layer::Help => "help",
            Layer::Stats => "stats",
            Layer::Triage => "triage",
            Layer::Adjudicate => "adjudicate",
            Layer::Confirm => "confirm",
            Layer::NewTag => "new_tag",
            Layer::Memo => "memo",
            Layer::Export => "export",
            Layer::Search => "search",
            Layer::Messages => "messages",
            Layer::JumpToDate => "jump_to_date",
            Layer::Page => "page",
            Layer::Picker => "picker",
            Layer::TagEdit => "tag_edit",
        }
    }

    /// How the section is written in the config file.
    pub fn header(self) -> String {
        format!("[keys.{}]", self.section())
    }

    /// Its title in help and the README.
    pub fn title(self) -> &'static str {
        match self {
            Layer::Panes => "List, reader and tag pane",
            Layer::Help => "Help",
            Layer::Stats => "Statistics",
            Layer::Triage => "Triage",
            Layer::Adjudicate => "Adjudication",
            Layer::Confirm => "Bulk change confirmation",
            Layer::NewTag => "New-tag prompt",
            Layer::Memo => "Memo prompt",
            Layer::Export => "Export dialog",
            Layer::Search => "Search line",
            Layer::Messages => "Message log",
            Layer::JumpToDate => "Jump-to-date prompt",
            Layer::Page => "Page view",
            Layer::Picker => "Picker (a tag, a line's role, the article to move to or link to)",
            Layer::TagEdit => "Rename and colour prompt",
        }
    }
}

/// Define the action enum of an overlay that scrolls (help, the message log,
/// statistics): the same seven keys, with what going to the top and the
/// bottom and closing say there.
macro_rules! scroll_actions {
    ($(#[doc = $edoc:literal])+ $enum:ident in $layer:ident {
        top: $top:literal,
        bottom: $bottom:literal,
        close: $close:literal,
    }) => {
        layer_actions! {
            $(#[doc = $edoc])+
            $enum in $layer {
                /// Scroll down one line
                ScrollDown = "scroll_down",
                /// Scroll up one line
                ScrollUp = "scroll_up",
                /// Scroll down one page
                PageDown = "page_down",
                /// Scroll up one page
                PageUp = "page_up",
                #[doc = $top]
                Top = "top",
                #[doc = $bottom]
                Bottom = "bottom",
                #[doc = $close]
                Close = "close",
            }
        }
    };
}

scroll_actions! {
    /// Keys of the help overlay (`[keys.help]`).
    HelpAction in Help {
        top: "Go to the top",
        bottom: "Go to the bottom",
        close: "Close help",
    }
}

scroll_actions! {
    /// Keys of the message log (`[keys.messages]`).
    MessagesAction in Messages {
        top: "Go to the oldest message",
        bottom: "Go to the newest message",
        close: "Close the message log",
    }
}

scroll_actions! {
    /// Keys of the statistics view (`[keys.stats]`).
    StatsAction in Stats {
        top: "Go to the top",
        bottom: "Go to the bottom",
        close: "Close the statistics",
    }
}

layer_actions! {
    /// Keys of triage mode (`[keys.triage]`); the tags' own keys toggle them.
    TriageAction in Triage {
        /// Accept the suggestions (or keep the tags chosen) and go to the next article
        Accept = "accept",
        /// Mark the article "no topic" and go on
        NoTopic = "no_topic",
        /// Skip the article for now
        Skip = "skip",
        /// Undo the last triage decision
        Undo = "undo",
        /// Scroll the article down
        ScrollDown = "scroll_down",
        /// Scroll the article up
        ScrollUp = "scroll_up",
        /// Show every key binding
        Help = "help",
        /// Leave triage (it resumes where it was)
        Leave = "leave",
    }
}

layer_actions! {
    /// Keys of adjudication mode (`[keys.adjudicate]`); the tags' own keys
    /// toggle a tag of the settlement.
    AdjudicateAction in Adjudicate {
        /// Settle the article on the tags chosen and go to the next disagreement
        Settle = "settle",
        /// Settle the article on "no topic" and go on
        NoTopic = "no_topic",
        /// Take the next coder's decision as the settlement
        TakeCoder = "take_coder",
        /// Go to the next disagreement without settling
        Next = "next",
        /// Go back to the previous disagreement
        Previous = "previous",
        /// Undo the last settlement
        Undo = "undo",
        /// Scroll the article down
        ScrollDown = "scroll_down",
        /// Scroll the article up
        ScrollUp = "scroll_up",
        /// Show every key binding
        Help = "help",
        /// Leave adjudication
        Leave = "leave",
    }
}

layer_actions! {
    /// Keys of the question before a bulk tag change (`[keys.confirm]`).
    ConfirmAction in Confirm {
        /// Yes: change every article
        Yes = "yes",
        /// No: change nothing
        No = "no",
    }
}

layer_actions! {
    /// Keys of the new-tag prompt (`[keys.new_tag]`); other keys edit the name.
    NewTagAction in NewTag {
        /// Create the tag
        Create = "create",
        /// Cancel
        Cancel = "cancel",
    }
}

layer_actions! {
    /// Keys of the memo prompt (`[keys.memo]`); other keys edit the text.
    MemoAction in Memo {
        /// Save the memo (empty text removes it)
        Save = "save",
        /// Cancel: the memo stays as it was
        Cancel = "cancel",
    }
}

layer_actions! {
    /// Keys of the prompt renaming or colouring a tag (`[keys.tag_edit]`);
    /// other keys edit the name or colour.
    TagEditAction in TagEdit {
        /// Rename (after a question) or recolour the tag
        Save = "save",
        /// Cancel: the tag stays as it was
        Cancel = "cancel",
    }
}

layer_actions! {
    /// Keys of the jump-to-date prompt (`[keys.jump_to_date]`); other keys edit
    /// the date.
    JumpAction in JumpToDate {
        /// Go to the first issue on or after the date typed
        Jump = "jump",
        /// Cancel
        Cancel = "cancel",
    }
}

layer_actions! {
    /// Keys of the export dialog (`[keys.export]`); other keys edit the file name.
    ExportAction in Export {
        /// Write the file (again, to overwrite)
        Write = "write",
        /// Close the dialog
        Close = "close",
        /// Go to the next field
        NextField = "next_field",
        /// Go to the previous field
        PrevField = "prev_field",
        /// Next choice of the field (format, scope, option)
        NextChoice = "next_choice",
        /// Previous choice of the field
        PrevChoice = "prev_choice",
    }
}

layer_actions! {
    /// Keys of the page view (`[keys.page]`): the issue file line by line with
    /// each line's role and article, and the corrections of the cut.
    PageAction in Page {
        /// Move the cursor down one line
        MoveDown = "move_down",
        /// Move the cursor up one line
        MoveUp = "move_up",
        /// Move down one page
        PageDown = "page_down",
        /// Move up one page
        PageUp = "page_up",
        /// Go to the first line
        Top = "top",
        /// Go to the last line
        Bottom = "bottom",
        /// Go to the start of the next article
        NextArticle = "next_article",
        /// Go to the start of the previous article (or of this one)
        PrevArticle = "prev_article",
        /// Split the article before the cursor's line (a new article starts there)
        Split = "split",
        /// Join the article starting at the cursor's line to the one before
        Join = "join",
        /// Give the cursor's line a role (title, kicker, byline, body, ...)
        Role = "role",
        /// Move the cursor's paragraph to another article, picked by name
        MoveParagraph = "move_paragraph",
        /// Undo the last correction or tag change
        Undo = "undo",
        /// Redo what was undone
        Redo = "redo",
        /// Make the cursor's article stand alone: unlink it from its story across pages
        Unlink = "unlink",
        /// Link the cursor's article to the part its story goes on in, picked by name
        Link = "link",
        /// Show every key binding
        Help = "help",
        /// Close the page view
        Close = "close",
    }
}

layer_actions! {
    /// Keys of the picker (`[keys.picker]`): a list filtered by what is typed
    /// (fuzzy); other keys edit the filter.
    PickerAction in Picker {
        /// Select the next item
        MoveDown = "move_down",
        /// Select the previous item
        MoveUp = "move_up",
        /// Take the selected item
        Choose = "choose",
        /// Cancel
        Cancel = "cancel",
    }
}

layer_actions! {
    /// Keys of the search line (`[keys.search]`); other keys edit the query.
    SearchAction in Search {
        /// Keep the results and go to the list
        Accept = "accept",
        /// Clear the search and close the line
        Cancel = "cancel",
        /// Show the query searched before (the history is kept between runs)
        HistoryPrev = "history_prev",
        /// Show the query searched after (past the newest: what was typed)
        HistoryNext = "history_next",
        /// Select the next result
        MoveDown = "move_down",
        /// Select the previous result
        MoveUp = "move_up",
        /// Move down one page of results
        PageDown = "page_down",
        /// Move up one page of results
        PageUp = "page_up",
    }
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
    /// Go back: leave the reader or the tag pane, or go to the issue row
    Back = "back",
    /// Jump to the next article without a tag
    NextUntagged = "next_untagged",
    /// Jump to the first issue on or after a date (YYYY, YYYY-MM or YYYY-MM-DD)
    JumpToDate = "jump_to_date",
    /// Jump to the next issue
    NextIssue = "next_issue",
    /// Jump to the previous issue
    PrevIssue = "prev_issue",
    /// Fold or unfold the current issue
    Fold = "fold",
    /// Search articles
    Search = "search",
    /// List the saved searches (`[searches]` in the config) and run the one picked
    PickSavedSearch = "pick_saved_search",
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
    /// Save again the tag changes that could not be saved
    RetrySave = "retry_save",
    /// Add a new tag to the vocabulary
    NewTag = "new_tag",
    /// Pick a tag by typing part of its name or its pinyin, and toggle it
    PickTag = "pick_tag",
    /// Rename the tag under the tag pane's cursor in every sidecar and the config
    RenameTag = "rename_tag",
    /// Give the tag under the tag pane's cursor a colour (saved in the config)
    RecolorTag = "recolor_tag",
    /// Write or edit your memo on the article (empty text removes it)
    EditMemo = "edit_memo",
    /// Accept the suggested tags for the article
    AcceptSuggestions = "accept_suggestions",
    /// Triage: walk untagged articles with suggestions
    Triage = "triage",
    /// Adjudicate: settle the articles coders coded differently
    Adjudicate = "adjudicate",
    /// Export the (marked or listed) articles
    Export = "export",
    /// Show tag statistics
    Stats = "stats",
    /// Show every message of this session (the status bar shows only the last)
    Messages = "messages",
    /// Show the issue file line by line with roles and articles (fix a cut)
    PageView = "page_view",
    /// Open the article's issue file in $VISUAL or $EDITOR at its first line
    OpenInEditor = "open_in_editor",
    /// Suspend newstag to the shell (`fg` brings it back)
    Suspend = "suspend",
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

    /// Every action in the shipped `[keys.panes]` exists, and every bindable action is in it.
    #[test]
    fn shipped_keys_cover_all_actions() {
        let config = crate::config::Config::builtin();
        let panes = config.key_section(Layer::Panes.section());
        for name in panes.keys() {
            assert!(Action::from_name(name).is_some(), "unknown action {name}");
        }
        for a in Action::BINDABLE {
            assert!(
                panes.contains_key(a.name()),
                "{} has no default key",
                a.name()
            );
        }
    }

    /// Every layer's config names are unique and its descriptions are filled in.
    #[test]
    fn layer_names_are_unique() {
        fn check<A: Bindable + serde::Serialize>() {
            let mut seen = std::collections::HashSet::new();
            for a in A::ALL {
                assert!(
                    seen.insert(a.name()),
                    "{} twice in {:?}",
                    a.name(),
                    A::LAYER
                );
                assert!(!a.description().is_empty());
                assert_eq!(A::from_name(a.name()), Some(*a));
                let json = serde_json::to_string(a).unwrap();
                assert_eq!(json, format!("\"{}\"", a.name()));
            }
        }
        check::<HelpAction>();
        check::<StatsAction>();
        check::<MessagesAction>();
        check::<JumpAction>();
        check::<TriageAction>();
        check::<AdjudicateAction>();
        check::<ConfirmAction>();
        check::<NewTagAction>();
        check::<MemoAction>();
        check::<TagEditAction>();
        check::<ExportAction>();
        check::<SearchAction>();
        check::<PageAction>();
        check::<PickerAction>();
    }
}

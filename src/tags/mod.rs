//! Tags: which topics each article belongs to, kept in a TOML sidecar beside each
//! issue and never lost.
//!
//! - [`sidecar`]: the file format (`ISSUE.txt` -> `ISSUE.tags.toml`), where a
//!   sidecar lives, parsing with file and line on error, atomic writes.
//! - [`anchor`]: re-attaching saved tags to the articles of an issue that may have
//!   been edited since (by id, then by title; the rest are kept as orphans).
//! - [`history`]: undo/redo of change sets.
//! - [`store`]: [`TagStore`], the in-memory view of every sidecar of a corpus, the
//!   one entry point the CLI, the TUI, search, export and suggest use.
//! - [`vocab`]: adding a tag made in the app to the user's config file.
//!
//! Guarantees: every change is written at once (temp file in the same folder,
//! fsync, rename) under a per-folder lock, after re-reading and merging what is on
//! disk, so two processes never lose each other's tags; a sidecar that does not
//! parse is never overwritten (that issue becomes read-only); tags whose article is
//! gone and tags unknown to the config are kept and reported, never dropped.

pub mod adjudicate;
pub mod agree;
pub mod anchor;
pub mod codebook;
pub mod history;
pub mod location;
pub mod rename;
pub mod sample;
pub mod sidecar;
pub mod sidecar_chunks;
pub mod store;
pub mod stray;
pub mod team;
pub mod vocab;

pub use history::{Change, ChangeSet, History};
pub use sidecar::{ArticleTags, Sidecar, SidecarError, sidecar_path};
pub use store::{ChangeReport, LoadedSidecars, Problem, SaveDone, StagedSave, TagStore, Target};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a tag came to be set on an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Set by the user (a key in the TUI, `newstag tag` on the command line).
    #[default]
    Hand,
    /// A suggestion the user accepted.
    Suggestion,
    /// Brought in by `newstag import`.
    Import,
    /// Settled by an adjudicator where coders disagreed (see [`adjudicate`]).
    Adjudicated,
}

impl Source {
    /// The word written in sidecars and exports: `hand`, `suggestion`, `import`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Hand => "hand",
            Source::Suggestion => "suggestion",
            Source::Import => "import",
            Source::Adjudicated => "adjudicated",
        }
    }

    /// The source named `s` (see [`Source::as_str`]).
    pub fn parse(s: &str) -> Option<Source> {
        [
            Source::Hand,
            Source::Suggestion,
            Source::Import,
            Source::Adjudicated,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// When, how and by whom one tag was set on one article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TagMark {
    /// RFC 3339 UTC timestamp, seconds precision (`2026-11-23T02:40:00Z`).
    pub at: String,
    pub by: Source,
    /// Who decided (see [`team`]); empty when unknown (sidecars written before
    /// coders were recorded).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub coder: String,
    /// The codebook version the decision was made under (see [`codebook`]); 0
    /// when there was no codebook (or the sidecar predates it).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub codebook: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl TagMark {
    /// A mark set now by `by`, coder unknown.
    pub fn now(by: Source) -> TagMark {
        TagMark {
            at: now_rfc3339(),
            by,
            coder: String::new(),
            codebook: 0,
        }
    }
}

/// A coder's free-text memo on one article (`m` in the TUI, `newstag note`):
/// kept in the article's `[[article]]` table of the sidecar as one line,
/// `memo = { text = "...", at = "...", coder = "..." }`, so a memo touches one
/// line and two coders' memos (each in their own sidecars in the team layout)
/// merge in git. Any text is kept as written: control characters are escaped
/// in the file and read back the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Memo {
    pub text: String,
    /// RFC 3339 UTC timestamp of the last edit.
    #[serde(default)]
    pub at: String,
    /// Who wrote it; empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub coder: String,
}

impl Memo {
    /// A memo written now by `coder`.
    pub fn now(text: &str, coder: &str) -> Memo {
        Memo {
            text: text.to_string(),
            at: now_rfc3339(),
            coder: coder.to_string(),
        }
    }
}

/// The tags of one article: tag name -> mark, in name order.
pub type TagSet = BTreeMap<String, TagMark>;

/// The current time as `2026-11-23T02:40:00Z`.
pub fn now_rfc3339() -> String {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second())
        .unwrap_or(now)
        .to_string()
}

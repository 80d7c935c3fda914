//! The search history job: the history file read when the TUI starts, and a
//! query kept (Enter in the search line) added to it, off the host's thread;
//! [`SessionEvent::HistoryKept`] brings the file's entries back (see
//! [`crate::search::history`]).

use super::{Notifier, SessionEvent, spawn_job};
use crate::search::history;
use std::path::PathBuf;

/// How reading, or adding to, the history file ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryKept {
    /// The query added (`None`: the file was only read).
    pub query: Option<String>,
    /// The entries the file holds now, oldest first, or why it could not be
    /// read or written.
    pub result: Result<Vec<String>, String>,
}

/// Add `query` to the history file at `path` (only read it when `None`) now,
/// on this thread.
pub fn keep(path: PathBuf, query: Option<String>) -> HistoryKept {
    let result = match &query {
        Some(q) => history::keep_in_file(&path, q),
        None => history::read(&path),
    };
    HistoryKept { query, result }
}

/// [`keep`] in the background.
pub fn spawn_keep(path: PathBuf, query: Option<String>, notify: Notifier) {
    spawn_job("history", move || {
        notify.send(SessionEvent::HistoryKept(keep(path, query)));
    });
}

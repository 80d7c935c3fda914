//! The config job: a tag made in the TUI appended to the user's config file off
//! the host's thread; [`SessionEvent::TagSaved`] says where, or why not.

use super::{Notifier, SessionEvent, spawn_job};
use crate::config::TagDef;
use crate::tags::vocab::{self, VocabError};
use std::path::PathBuf;

/// How appending a new tag to the config file ended.
#[derive(Debug)]
pub struct TagSaved {
    pub tag: TagDef,
    /// The config file written, or why it could not be.
    pub result: Result<PathBuf, VocabError>,
}

/// Append `tag` to the config file at `path` now, on this thread.
pub fn save_tag(path: PathBuf, tag: TagDef) -> TagSaved {
    let result = vocab::add_tag_to_config(&path, &tag).map(|_| path);
    TagSaved { tag, result }
}

/// Append `tag` to the config file at `path` in the background.
pub fn spawn_save_tag(path: PathBuf, tag: TagDef, notify: Notifier) {
    spawn_job("config", move || {
        notify.send(SessionEvent::TagSaved(save_tag(path, tag)));
    });
}

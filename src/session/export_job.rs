//! The export job: a file written off the host's thread. The host gathers what
//! to write (cheap: the issues' articles are shared, tags are copied) into an
//! [`ExportJob`]; the job renders and writes it atomically and reports
//! [`SessionEvent::Exported`].

use super::{Notifier, SessionEvent, spawn_job};
use crate::article::Issue;
use crate::export::{self, ExportError, ExportOptions, ExportRecord, ExportTag, atomic};
use crate::tags::Memo;
use crate::tags::sidecar::ArticleTags;
use std::path::PathBuf;

/// Everything one export needs, owned, so it can run on any thread.
#[derive(Debug, Clone)]
pub struct ExportJob {
    /// The file to write.
    pub path: PathBuf,
    /// Overwrite an existing file.
    pub force: bool,
    pub options: ExportOptions,
    /// The issues the rows come from (shared articles: a clone is cheap).
    pub issues: Vec<Issue>,
    /// One record per row: index into `issues`, article position, its tags
    /// and memos.
    pub rows: Vec<(usize, usize, Vec<ExportTag>, Vec<Memo>)>,
    /// Tag names in config order (CSV columns).
    pub vocabulary: Vec<String>,
    /// Orphaned tags for a full TOML dump.
    pub orphans: Vec<(String, ArticleTags)>,
}

/// How an export ended: the file and how many records, or why not.
#[derive(Debug)]
pub struct Exported {
    pub path: PathBuf,
    pub result: Result<usize, ExportError>,
}

impl ExportJob {
    /// Write the file now, on this thread. Returns the number of records.
    pub fn run(self) -> Exported {
        let rows: Vec<ExportRecord> = self
            .rows
            .iter()
            .filter_map(|(i, a, tags, memos)| {
                let issue = self.issues.get(*i)?;
                Some(ExportRecord {
                    issue,
                    article: issue.articles.get(*a)?,
                    tags: tags.clone(),
                    memos: memos.clone(),
                })
            })
            .collect();
        let result = atomic::write_file(&self.path, self.force, |w| {
            export::write_export(w, &rows, &self.vocabulary, &self.orphans, self.options)
        });
        Exported {
            path: self.path.clone(),
            result,
        }
    }
}

/// Write `job` in the background; [`SessionEvent::Exported`] says how it went.
pub fn spawn_export(job: ExportJob, notify: Notifier) {
    spawn_job("export", move || {
        notify.send(SessionEvent::Exported(job.run()));
    });
}

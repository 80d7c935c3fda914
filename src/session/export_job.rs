//! The export job: a file written off the host's thread. The host puts what
//! to write (cheap: the issues' articles are shared, the tags shown are
//! copied) into an [`ExportJob`]; the job reads the decisions asked for,
//! gathers the rows as `newstag export` does, writes them atomically and
//! reports [`SessionEvent::Exported`].

use super::{Notifier, SessionEvent, spawn_job};
use crate::article::ArticleAt;
use crate::corpus::Corpus;
use crate::export::rows::{self, ArticleDecisions, Whose};
use crate::export::{self, ExportError, ExportOptions, atomic};
use crate::story::Stories;
use crate::tags::sidecar::ArticleTags;
use crate::tags::team::Team;
use std::collections::HashSet;
use std::path::PathBuf;

/// Everything one export needs, owned, so it can run on any thread.
#[derive(Debug)]
pub struct ExportJob {
    /// The file to write.
    pub path: PathBuf,
    /// Overwrite an existing file.
    pub force: bool,
    pub options: ExportOptions,
    /// The corpus (its issues share their articles: a clone is cheap).
    pub corpus: Corpus,
    /// Its stories across pages, exported once each.
    pub stories: Stories,
    /// The tags and memos as the session shows them.
    pub shown: ArticleDecisions,
    /// Who codes, and where the team's decisions are kept.
    pub team: Team,
    /// Whose decisions to export.
    pub whose: Whose,
    /// Only these articles (and the stories they are parts of); `None`: all.
    pub only: Option<HashSet<ArticleAt>>,
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
    /// Articles still in dispute, exported without tags (settled decisions).
    pub waiting: usize,
}

impl ExportJob {
    /// Write the file now, on this thread: the decisions asked for, the rows
    /// gathered as `newstag export` gathers them ([`rows::gather`]). Returns
    /// the number of records.
    pub fn run(self) -> Exported {
        let decided = match self.shown.of(&self.corpus, &self.team, &self.whose) {
            Ok(d) => d,
            Err(message) => {
                return Exported {
                    result: Err(ExportError::Decisions(message)),
                    path: self.path,
                    waiting: 0,
                };
            }
        };
        let gathered = rows::gather(
            &self.corpus.issues,
            &self.stories,
            &decided,
            self.options.format,
            self.only.as_ref(),
            false,
        );
        let records = gathered.records();
        let result = atomic::write_file(&self.path, self.force, |w| {
            export::write_export(w, &records, &self.vocabulary, &self.orphans, self.options)
        });
        Exported {
            path: self.path.clone(),
            result,
            waiting: decided.waiting,
        }
    }
}

/// Write `job` in the background; [`SessionEvent::Exported`] says how it went.
pub fn spawn_export(job: ExportJob, notify: Notifier) {
    spawn_job("export", move || {
        notify.send(SessionEvent::Exported(job.run()));
    });
}

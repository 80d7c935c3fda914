//! The page job: an issue's page read for the page view, and the corrections
//! made there written to the issue's sidecar (tags following their articles,
//! see [`crate::correct::file`]), off the host's thread. It reports
//! [`SessionEvent::Page`] with the page as it is now, the issue's corrected
//! articles and its re-read sidecars.

use super::{Notifier, SessionEvent, spawn_job};
use crate::article::Issue;
use crate::correct::Correction;
use crate::correct::file::{self, Changed, Direction, IssuePage, IssueSidecars, TagDelta};
use crate::tags::LoadedSidecars;
use crate::tags::team::Team;
use std::path::PathBuf;

/// What to do to the issue's corrections.
#[derive(Debug, Clone)]
pub enum PageEdit {
    /// Nothing: read the page.
    Read,
    /// Add this correction (its tags follow; see [`crate::correct::carry`]).
    Add(Correction),
    /// Add this correction again, moving the tags as `delta` did when it was
    /// first made (where they are still as it found them).
    Redo {
        correction: Correction,
        delta: TagDelta,
    },
    /// Take back a change of corrections: remove `correction` (the one saved,
    /// if any), put `cancelled` back in their places, and take back the tag
    /// changes of `delta` (where they are still as it left them): tags set in
    /// between, by this or another process, stay.
    Undo {
        correction: Option<Correction>,
        cancelled: Vec<(usize, Correction)>,
        delta: TagDelta,
    },
}

/// One page job, owned, so it can run on any thread.
#[derive(Debug, Clone)]
pub struct PageJob {
    /// The corpus root (its search cache is dropped after a change).
    pub root: PathBuf,
    /// The issue (articles shared) and its position in the host's corpus.
    pub issue: Issue,
    pub at: usize,
    pub sidecar_dir: Option<PathBuf>,
    /// Whose sidecars the host shows (re-read after a change).
    pub team: Team,
    pub edit: PageEdit,
}

/// The page as it is after the job.
#[derive(Debug)]
pub struct PageDone {
    pub page: IssuePage,
    /// The issue with its articles as corrected now.
    pub issue: Issue,
    /// After an edit: what it did, and the issue's sidecars read again.
    pub changed: Option<(Changed, LoadedSidecars)>,
}

/// How a page job ended.
#[derive(Debug)]
pub struct PageRead {
    /// The issue's position in the host's corpus, and its relative path.
    pub at: usize,
    pub rel: String,
    /// What was asked.
    pub edit: PageEdit,
    pub result: Result<PageDone, String>,
}

/// Whether two corrections are the same one (the note, written when it is
/// saved, aside).
fn same(a: &Correction, b: &Correction) -> bool {
    Correction {
        note: String::new(),
        ..a.clone()
    } == Correction {
        note: String::new(),
        ..b.clone()
    }
}

impl PageJob {
    /// Do it now, on this thread.
    pub fn run(self) -> PageRead {
        let result = self.work();
        PageRead {
            at: self.at,
            rel: self.issue.rel.clone(),
            edit: self.edit,
            result,
        }
    }

    fn work(&self) -> Result<PageDone, String> {
        let path = &self.issue.path;
        let rel = &self.issue.rel;
        let dir = self.sidecar_dir.as_deref();
        let tag_dirs = file::team_tag_dirs(&self.team);
        let at = IssueSidecars {
            tag_dirs: &tag_dirs,
            ..IssueSidecars::own(path, rel, dir)
        };
        let add = |c: &Correction| {
            let c = c.clone();
            move |_: &[crate::article::Article], list: &mut Vec<Correction>| {
                list.push(c);
                Ok(())
            }
        };
        let changed = match &self.edit {
            PageEdit::Read => None,
            PageEdit::Add(c) => {
                let text = file::read_text(path).map_err(|e| e.to_string())?;
                Some(file::change(at, &text, add(c)).map_err(|e| e.to_string())?)
            }
            PageEdit::Redo { correction, delta } => {
                let text = file::read_text(path).map_err(|e| e.to_string())?;
                Some(
                    file::change_replaying(at, &text, add(correction), delta, Direction::Forward)
                        .map_err(|e| e.to_string())?,
                )
            }
            PageEdit::Undo {
                correction,
                cancelled,
                delta,
            } => {
                let text = file::read_text(path).map_err(|e| e.to_string())?;
                let edit = |_: &[crate::article::Article], list: &mut Vec<Correction>| {
                    if let Some(correction) = correction {
                        let k = list
                            .iter()
                            .rposition(|c| same(c, correction))
                            .ok_or("the correction is no longer in the sidecar")?;
                        list.remove(k);
                    }
                    for (k, c) in cancelled {
                        list.insert((*k).min(list.len()), c.clone());
                    }
                    Ok(())
                };
                Some(
                    file::change_replaying(at, &text, edit, delta, Direction::Backward)
                        .map_err(|e| e.to_string())?,
                )
            }
        };
        let page = file::read_page(path, rel, dir).map_err(|e| e.to_string())?;
        let issue = Issue {
            articles: page.corrected.articles.clone().into(),
            ..self.issue.clone()
        };
        let changed = changed.map(|c| {
            file::forget_search_cache(&self.root);
            let sidecars = self.team.read_sidecars(std::slice::from_ref(&issue));
            (c, sidecars)
        });
        Ok(PageDone {
            page,
            issue,
            changed,
        })
    }
}

/// Run `job` in the background; [`SessionEvent::Page`] says how it went.
pub fn spawn_page(job: PageJob, notify: Notifier) {
    spawn_job("page", move || {
        notify.send(SessionEvent::Page(Box::new(job.run())));
    });
}

//! The corpus's own files besides issues and sidecars, read off the host's
//! thread: the codebook (`codebook.toml`), the samples (`samples/*.toml`), and
//! what adjudication needs (the adjudicator's settled decisions, every coder's
//! decisions, the codebook). Each read ends in [`SessionEvent::Files`].

use super::{Notifier, SessionEvent, spawn_job};
use crate::corpus::Corpus;
use crate::tags::TagStore;
use crate::tags::codebook::{self, Codebook};
use crate::tags::sample::{self, Named};
use crate::tags::team::{Decision, Team};
use std::path::Path;

/// What was read, or why it could not be.
#[derive(Debug)]
pub enum FilesRead {
    /// The codebook: none, or why it does not read.
    Codebook(Result<Option<Codebook>, String>),
    /// The samples, or why one does not read.
    Samples(Result<Vec<Named>, String>),
    /// What adjudication needs.
    Adjudication(Box<AdjudicationRead>),
}

/// What adjudication reads before it opens.
#[derive(Debug)]
pub struct AdjudicationRead {
    /// The adjudicator's settled decisions, or why adjudication cannot open.
    pub store: Result<TagStore, String>,
    /// Every coder's decisions.
    pub decisions: Vec<Decision>,
    /// Every adjudicator's settlements.
    pub adjudications: Vec<Decision>,
    /// The codebook, read again.
    pub codebook: Result<Option<Codebook>, String>,
}

/// Read the codebook of the corpus whose decisions are kept under `base`.
pub fn read_codebook(base: &Path) -> FilesRead {
    FilesRead::Codebook(codebook::read(&codebook::path_in(base)))
}

/// Read the samples kept under `base`.
pub fn read_samples(base: &Path) -> FilesRead {
    FilesRead::Samples(sample::all_in(base))
}

/// Read what adjudication of `corpus` by `team`'s coder needs.
pub fn read_adjudication(team: &Team, corpus: &Corpus) -> FilesRead {
    let store = team.open_adjudication(corpus);
    let (decisions, adjudications) = if store.is_ok() {
        (team.decisions(corpus), team.adjudications(corpus))
    } else {
        (Vec::new(), Vec::new())
    };
    FilesRead::Adjudication(Box::new(AdjudicationRead {
        store,
        decisions,
        adjudications,
        codebook: codebook::read(&codebook::path_in(team.base())),
    }))
}

/// Run `read` in the background; [`SessionEvent::Files`] brings what it read.
pub fn spawn_read(read: impl FnOnce() -> FilesRead + Send + 'static, notify: Notifier) {
    spawn_job("files", move || {
        notify.send(SessionEvent::Files(Box::new(read())));
    });
}

//! The terminal-free session: the background jobs of a corpus opened for reading
//! and tagging (loading, indexing for search, scoring suggestions), with one way
//! of reporting: every job sends [`SessionEvent`]s through the host's
//! [`Notifier`], and the host (the TUI's event loop) applies them on its own
//! thread. Nothing here knows of terminals.
//!
//! - [`loader`]: reads the corpus and its sidecars in batches, in natural order,
//!   then links its stories across pages;
//! - [`indexer`]: reads the search index from its cache, or builds it from the
//!   corpus the loader read (handed over batch by batch) and caches it;
//! - [`scorer`]: scores every article for tag suggestions;
//! - [`export_job`]: writes an export file;
//! - [`config_job`]: appends a tag made in the TUI to the user's config file;
//! - [`page_job`]: reads an issue's page for the page view and writes the
//!   corrections made there;
//! - [`files_job`]: reads the codebook, the samples, and what adjudication
//!   needs;
//! - [`vocab_job`]: renames a tag in every sidecar and the config, or gives it
//!   a colour in the config;
//! - [`history_job`]: reads the search history file, and adds a query to it.

pub mod config_job;
pub mod export_job;
pub mod files_job;
pub mod history_job;
pub mod indexer;
pub mod loader;
pub mod page_job;
pub mod progress;
pub mod scorer;
pub mod vocab_job;

use crate::article::Issue;
use crate::corpus::LoadWarning;
use crate::search::SearchIndex;
use crate::suggest::SuggestIndex;
use crate::tags::LoadedSidecars;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};
use std::time::Duration;

/// The issue files of a corpus in natural order, as the loader's walk found
/// them.
pub type Listing = Arc<Vec<PathBuf>>;

/// A handover of the loader's [`Listing`] to the indexer started beside it
/// ([`loader::spawn_loader_sharing`], [`indexer::spawn_indexer_listed`]): a
/// start walks the corpus once, not once a job, and the indexer begins once
/// the loader has sent its first rows, not while it walks and reads them (on
/// a warm start of 100,000 issues the indexer's walk, stamps and index took
/// three times the loader's CPU before the first rows). When the loader ends
/// without sending it, the indexer walks the corpus itself.
pub fn listing() -> (Sender<Listing>, Receiver<Listing>) {
    std::sync::mpsc::channel()
}

/// What a background job reports.
pub enum SessionEvent {
    /// Issues read with their sidecars, and progress: files `done` of `total`.
    Loaded {
        issues: Vec<Issue>,
        sidecars: LoadedSidecars,
        done: usize,
        total: usize,
    },
    /// The habits learned once every issue was read change the cut of these
    /// issues (by their place in the order `Loaded` sent them): each cut again
    /// with those habits, with its sidecars read again. Comes before
    /// [`SessionEvent::LoadDone`], in batches.
    Recut {
        issues: Vec<(usize, Issue)>,
        sidecars: LoadedSidecars,
    },
    /// Loading finished, with the files that were skipped and why.
    LoadDone(Vec<LoadWarning>),
    /// Loading failed as a whole (e.g. no such folder).
    LoadFailed(String),
    /// The stories across pages of the issues as the loader sent them
    /// (`Loaded`, with the `Recut` issues swapped in), with the links made by
    /// hand in their sidecars as the loader read them. Comes after
    /// [`SessionEvent::LoadDone`]: they are the host's stories as long as its
    /// issues are still those.
    StoriesLinked(Box<crate::story::Stories>),
    /// The search index is ready, or why there is none. An index built
    /// afresh comes twice: first as soon as it can be searched, without its
    /// pinyin four-grams ([`SearchIndex::fourgrams_pending`]), then whole
    /// (from its cache file once written). `generation`: the host's count of
    /// corpus changes when it started the job (see
    /// [`indexer::spawn_indexer`]): an index of an older count is not of the
    /// corpus as it is now, and the host drops it.
    IndexReady {
        generation: u64,
        index: Result<Arc<SearchIndex>, String>,
    },
    /// The indexer wants the next batch of the loaded corpus
    /// ([`indexer::IndexFeeder::feed`]).
    IndexWants,
    /// The search thread has an answer waiting.
    SearchDone,
    /// Suggestion scoring: issues scored so far, of all.
    SuggestProgress(usize, usize),
    /// Suggestion scoring finished, in this long.
    SuggestDone(Box<SuggestIndex>, Duration),
    /// An export file was written, or why not.
    Exported(export_job::Exported),
    /// A new tag was appended to the config file, or why not.
    TagSaved(config_job::TagSaved),
    /// A tag change's save (or a tag's rename or recolouring) has ended (the
    /// host takes its result from the channel it gave the job).
    TagsSaved,
    /// An issue's page was read, or a correction written, or why not.
    Page(Box<page_job::PageRead>),
    /// The codebook, the samples or what adjudication needs was read.
    Files(Box<files_job::FilesRead>),
    /// The search history file was read, or a query added to it, or why not.
    HistoryKept(history_job::HistoryKept),
}

impl SessionEvent {
    /// What kind of event this is, in a word (for the timings).
    pub fn kind(&self) -> &'static str {
        match self {
            SessionEvent::Loaded { .. } => "loaded",
            SessionEvent::Recut { .. } => "recut",
            SessionEvent::LoadDone(_) => "load done",
            SessionEvent::LoadFailed(_) => "load failed",
            SessionEvent::StoriesLinked(_) => "stories linked",
            SessionEvent::IndexReady { .. } => "index ready",
            SessionEvent::IndexWants => "index wants",
            SessionEvent::SearchDone => "search done",
            SessionEvent::SuggestProgress(..) => "suggest progress",
            SessionEvent::SuggestDone(..) => "suggest done",
            SessionEvent::Exported(_) => "exported",
            SessionEvent::TagSaved(_) => "tag saved",
            SessionEvent::TagsSaved => "tags saved",
            SessionEvent::Page(_) => "page",
            SessionEvent::Files(_) => "files",
            SessionEvent::HistoryKept(_) => "history kept",
        }
    }
}

/// Where jobs send their events: the host's queue. Cheap to clone; `send` says
/// whether the host is still there to hear (a job stops when it is not).
#[derive(Clone)]
pub struct Notifier(Arc<dyn Fn(SessionEvent) -> bool + Send + Sync>);

impl Notifier {
    /// A notifier calling `f` for every event; `f` returns false when the host
    /// has gone.
    pub fn new(f: impl Fn(SessionEvent) -> bool + Send + Sync + 'static) -> Notifier {
        Notifier(Arc::new(f))
    }

    /// Send one event; false when nobody listens any more.
    pub fn send(&self, event: SessionEvent) -> bool {
        (self.0)(event)
    }
}

impl std::fmt::Debug for Notifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Notifier")
    }
}

/// Give the pages of memory freed so far back to the system (glibc's
/// `malloc_trim`): the allocator keeps freed pages inside its arenas
/// resident, and a job that has just let go of a big part (the index
/// builder's merged segments) would otherwise leave them counted in the
/// process's memory when the next part peaks. Costs a walk over the arenas
/// (milliseconds); elsewhere nothing.
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of glibc's arenas to the
    // system; it is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Start a named background job. When no thread can be had, the job runs on the
/// caller's thread instead (slower, never lost).
pub fn spawn_job(name: &str, job: impl FnOnce() + Send + 'static) {
    let job = std::sync::Mutex::new(Some(job));
    let job = Arc::new(job);
    let theirs = Arc::clone(&job);
    let spawned = std::thread::Builder::new()
        .name(format!("newstag-{name}"))
        .spawn(move || {
            if let Some(f) = theirs.lock().ok().and_then(|mut j| j.take()) {
                f();
            }
        });
    if spawned.is_err()
        && let Some(f) = job.lock().ok().and_then(|mut j| j.take())
    {
        f();
    }
}

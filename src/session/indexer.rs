//! The search index job: read the index from its cache, off the host's thread;
//! when the cache is missing or stale (first start, files changed), build it
//! from the corpus the loader reads, handed over by the host once the loader
//! has finished (the issues the learned habits cut again swapped in, see
//! [`SessionEvent::Recut`]) a batch at a time (the corpus is read and segmented
//! once). The index is reported as soon as it can be searched, before its
//! pinyin four-grams (more than half of the postings) are made; then they are
//! made, the cache written, stamped with the habits the corpus was cut with
//! (unless a file changed meanwhile or the host kept issues of another cut),
//! and the whole index reported again, unless the host has let go of the job.

use super::{Listing, Notifier, SessionEvent, spawn_job};
use crate::article::{Article, Issue};
use crate::search::cache;
use crate::search::index::{IndexBuilder, IssueInfo, SEGMENT_DOCS};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// Articles handed to the indexer at a time: a segment of postings for each
/// core ([`SEGMENT_DOCS`]). They are shared with the corpus, not copied; a
/// batch bounds the work of one handover on the host's thread.
fn feed_batch() -> usize {
    SEGMENT_DOCS * rayon::current_num_threads().max(1)
}

/// What the host hands the indexer when there is no valid index cache.
enum IndexFeed {
    /// The next issues (in corpus order) and articles (issue, position, the
    /// issue's shared articles).
    Batch {
        issues: Vec<IssueInfo>,
        articles: Vec<(u32, u32, Arc<[Article]>)>,
    },
    /// The whole corpus has been handed over; whether every issue is of the
    /// cut the corpus's habits make now (else the index is not cached).
    End { one_cut: bool },
}

/// The host's side of feeding the indexer: it calls [`IndexFeeder::feed`] when the
/// indexer asks ([`SessionEvent::IndexWants`]) and when issues arrive, and
/// [`IndexFeeder::loading_ended`] when the loader is done.
pub struct IndexFeeder {
    tx: Sender<IndexFeed>,
    /// The next issue and article to hand over.
    issue: usize,
    article: usize,
    /// The indexer asked for a batch not sent yet.
    wanted: bool,
    /// The loader has finished (or failed): nothing more will come.
    complete: bool,
    /// The indexer has everything it needs (or has gone).
    finished: bool,
    /// Some issues the learned habits cut again were kept as they were (the
    /// user was working on them): the index is not cached.
    mixed: bool,
}

/// Start the indexer for the corpus at `root`; it reports
/// [`SessionEvent::IndexWants`] when it needs the loaded corpus, and
/// [`SessionEvent::IndexReady`] when the index can be searched (a second time
/// once whole, when built afresh: see [`crate::search::SearchIndex::fourgrams_pending`]).
/// Keep the feeder returned as long as its index is wanted: dropped, the job
/// stops at its next step, but may still report what it had made (its
/// reports carry `generation`, by which the host drops them). `cache`: the host's issues may be
/// those the cache describes (false when it kept issues of another cut: the
/// cache is then neither read nor written). `generation`: the host's count of
/// corpus changes now, carried by every [`SessionEvent::IndexReady`] of this
/// job, so that the host can tell a late report of a job it has let go of
/// (the corpus changed meanwhile) from its current job's.
pub fn spawn_indexer(root: PathBuf, notify: Notifier, cache: bool, generation: u64) -> IndexFeeder {
    spawn_indexer_listed(root, notify, cache, generation, None)
}

/// [`spawn_indexer`], taking the corpus's issue files from the loader's walk
/// (`listing`, see [`super::listing`]) instead of walking it again; it waits
/// for them before anything else. Start the loader first: should no thread
/// be had for this job, it runs on the caller's, and waits there.
pub fn spawn_indexer_listed(
    root: PathBuf,
    notify: Notifier,
    cache: bool,
    generation: u64,
    listing: Option<Receiver<Listing>>,
) -> IndexFeeder {
    let (tx, rx) = channel::<IndexFeed>();
    spawn_job("indexer", move || {
        let done = |r: Result<Arc<crate::search::SearchIndex>, String>| {
            notify.send(SessionEvent::IndexReady {
                generation,
                index: r,
            });
        };
        if !root.exists() {
            done(Err(format!("{}: no such file or folder", root.display())));
            return;
        }
        // The loader's walk, or none when it ended without one.
        let listed = listing.and_then(|l| l.recv().ok());
        let listed = listed.as_deref().map(Vec::as_slice);
        let (files, cached) = if cache {
            cache::stamps_and_load_of(&root, listed)
        } else {
            (cache::stamps_of(&root, listed), None)
        };
        if let Some(index) = cached {
            done(Ok(Arc::new(index)));
            return;
        }
        // The pinyin four-grams (more than half of the postings) are made
        // after the rest, the index searched meanwhile.
        let mut builder = IndexBuilder::fourgrams_later();
        notify.send(SessionEvent::IndexWants);
        let cacheable = loop {
            match rx.recv() {
                Ok(IndexFeed::Batch { issues, articles }) => {
                    // The next batch is gathered while this one is indexed.
                    notify.send(SessionEvent::IndexWants);
                    for info in issues {
                        builder.add_issue(info);
                    }
                    builder.add_articles(&articles);
                }
                Ok(IndexFeed::End { one_cut }) => break one_cut,
                Err(_) => return, // the host has gone
            }
        };
        // The postings are kept apart, their lists (most of the index) in a
        // temporary file when the corpus is big: they are copied into the
        // cache file, never held in memory whole.
        let mut built = builder.finish_apart();
        // The segments merged are let go of.
        super::give_back_freed_memory();
        crate::cache::timing::mark("index: built");
        // Searched at once, without the four-grams (the same hits; pinyin
        // in bodies slower), their lists read in place from where they wait,
        // the rest shared with the index built on.
        if let Some(searchable) = built.to_searchable() {
            done(Ok(searchable));
        }
        // The index made whole replaces the one searched meanwhile, unless
        // the host has let go of this job (the corpus or an issue changed
        // since, or it quit): it is not the host's index any more, and its
        // four-grams and cache file would be work for nobody.
        let wanted = || !matches!(rx.try_recv(), Err(TryRecvError::Disconnected));
        if !wanted() {
            return;
        }
        let built = built.with_fourgrams();
        // The four-grams' segments and sections merged are let go of: the
        // pages the allocator kept of them go back before the cache file
        // is written (which makes its own) and read back.
        super::give_back_freed_memory();
        crate::cache::timing::mark("index: four-grams");
        if !wanted() {
            return;
        }
        // Stamps taken before loading and again now: a file changed meanwhile
        // may have been read either way, so such an index is not cached. The
        // habits may have been learned meanwhile: every issue was cut with those
        // in force now, and the index is stamped with them.
        let now = cache::stamps(&root);
        if cacheable && cache::same_files(&now, &files) && cache::save_built(&root, &now, &built) {
            crate::cache::timing::mark("index: saved");
            if !wanted() {
                return;
            }
            // Searched from its cache file, as on a warm start: the bodies
            // and posting lists are the file's pages, not read from the corpus
            // cache at each look nor held in memory. The postings built go
            // first (the index shared with the host is kept); should the file
            // not read back, they are made again.
            let index = built.into_shared();
            super::give_back_freed_memory();
            if let Some(mapped) = cache::load(&root, &now) {
                crate::cache::timing::mark("index: mapped");
                drop(index);
                done(Ok(Arc::new(mapped)));
                return;
            }
            let mut index = Arc::unwrap_or_clone(index);
            index.drop_postings();
            index.remake_postings();
            done(Ok(Arc::new(index)));
            return;
        }
        if wanted() {
            done(Ok(Arc::new(built.into_index())));
        }
    });
    IndexFeeder {
        tx,
        issue: 0,
        article: 0,
        wanted: false,
        complete: false,
        finished: false,
        mixed: !cache,
    }
}

impl IndexFeeder {
    /// Hand the indexer the next batch of `issues` (the corpus loaded so far) if
    /// it wants one (`asked`: it just asked); at the end of the corpus, tell it so.
    pub fn feed(&mut self, issues: &[Issue], asked: bool) {
        if self.finished {
            return;
        }
        self.wanted |= asked;
        // Nothing is handed over before the loader has finished: the issues the
        // learned habits cut again are swapped in by then, and the index is
        // built once, of the cut later starts make.
        if !self.wanted || !self.complete {
            return;
        }
        let mut infos = Vec::new();
        let mut articles = Vec::new();
        let batch = feed_batch();
        while articles.len() < batch
            && let Some(issue) = issues.get(self.issue)
        {
            if self.article == 0 {
                infos.push(IssueInfo::of(issue));
            }
            let rest = issue.articles.len().saturating_sub(self.article);
            for _ in 0..rest.min(batch - articles.len()) {
                articles.push((
                    self.issue as u32,
                    self.article as u32,
                    Arc::clone(&issue.articles),
                ));
                self.article += 1;
            }
            if self.article >= issue.articles.len() {
                self.issue += 1;
                self.article = 0;
            }
        }
        if infos.is_empty() && articles.is_empty() {
            if self.complete {
                let _ = self.tx.send(IndexFeed::End {
                    one_cut: !self.mixed,
                });
                self.finished = true;
            }
            return;
        }
        self.wanted = false;
        let batch = IndexFeed::Batch {
            issues: infos,
            articles,
        };
        if self.tx.send(batch).is_err() {
            self.finished = true;
        }
    }

    /// Issues of the corpus keep a cut the corpus's habits no longer make: the
    /// index built is not cached.
    pub fn mixed_cut(&mut self) {
        self.mixed = true;
    }

    /// Issues handed over whole so far.
    pub fn handed_over(&self) -> usize {
        self.issue
    }

    /// Whether any issue was handed over yet.
    pub fn fed_any(&self) -> bool {
        self.issue > 0 || self.article > 0
    }

    /// The loader has finished or failed: the indexer gets the issues.
    pub fn loading_ended(&mut self, issues: &[Issue]) {
        self.complete = true;
        self.feed(issues, false);
    }
}

/// Replace issue `at`'s documents in `index` by the articles of `issue` (after
/// a correction, or its file changed) off the host's thread, then report
/// [`SessionEvent::IndexReady`] with the updated index: the issue's documents
/// are a small delta beside the index's postings and bodies, the others'
/// marked replaced ([`crate::search::SearchIndex::with_issue_replaced`]), so it
/// costs the issue's work and a copy of the small columns, not the corpus's
/// (it rewrote every posting list: 13-16 s on 100,000 issues). Then, unless
/// another correction came, the lists are merged and the cache written (seconds
/// on a big corpus, off the search's path), and the index read from it reported
/// again, searched from the file as on a warm start. When `at` is not an issue
/// of the index the corpus is indexed again ([`spawn_indexer`] and its feeder,
/// returned for the host to feed). `generation` is the host's count of corpus
/// changes: when it has moved on by the time the update is made (another
/// correction came), the update is dropped unreported; its reports carry the
/// count it was made for, as [`spawn_indexer`]'s do. `cache`: as for
/// [`spawn_indexer`] (false: the update is not cached).
pub fn spawn_issue_update(
    root: PathBuf,
    index: Arc<crate::search::SearchIndex>,
    (at, issue): (usize, Issue),
    generation: Arc<AtomicU64>,
    notify: Notifier,
    cache: bool,
) -> Option<IndexFeeder> {
    let mine = generation.load(Ordering::SeqCst);
    if at >= index.issues.len() {
        return Some(spawn_indexer(root, notify, cache, mine));
    }
    let current = move || generation.load(Ordering::SeqCst) == mine;
    spawn_job("index-issue", move || {
        let Some(updated) = index.with_issue_replaced(at, &issue) else {
            return;
        };
        drop(index);
        if !current() {
            return;
        }
        let files = cache::stamps(&root);
        let updated = Arc::new(updated);
        // Shared with the host, not copied.
        let for_cache = cache.then(|| Arc::clone(&updated));
        notify.send(SessionEvent::IndexReady {
            generation: mine,
            index: Ok(updated),
        });
        crate::cache::timing::mark("index: issue replaced");
        // A later correction's update writes the cache in its turn.
        let Some(index) = for_cache.filter(|_| current()) else {
            return;
        };
        if !cache::save(&root, &files, &index) {
            return;
        }
        drop(index);
        crate::cache::timing::mark("index: issue merged and saved");
        if let Some(mapped) = cache::load(&root, &files)
            && current()
        {
            notify.send(SessionEvent::IndexReady {
                generation: mine,
                index: Ok(Arc::new(mapped)),
            });
        }
    });
    None
}

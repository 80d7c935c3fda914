//! The session's background jobs, without a terminal: the loader reports the
//! corpus in batches, the indexer builds the search index from what the loader
//! read (fed batch by batch) and caches it, and the next session reads the cache.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;

use newstag::article::Issue;
use newstag::session::indexer::spawn_indexer;
use newstag::session::loader::spawn_loader;
use newstag::session::{Notifier, SessionEvent};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

fn notifier() -> (Notifier, Receiver<SessionEvent>) {
    let (tx, rx) = channel();
    let tx = std::sync::Mutex::new(tx);
    let notify = Notifier::new(move |ev| tx.lock().unwrap().send(ev).is_ok());
    (notify, rx)
}

/// What one session's loader and indexer delivered.
struct Run {
    issues: Vec<Issue>,
    batches: usize,
    indexed: usize,
    asked_for_corpus: bool,
}

/// The tags of `root` as the TUI reads them with the built-in config.
fn team(root: &std::path::Path) -> newstag::tags::team::Team {
    newstag::tags::team::Team::new_or_unknown(&newstag::config::Config::builtin(), root).0
}

/// Run the loader and the indexer on `root` as the TUI does, until both are done.
fn run(root: &std::path::Path) -> Run {
    let (notify, rx) = notifier();
    let mut feeder = spawn_indexer(root.to_path_buf(), notify.clone());
    spawn_loader(root.to_path_buf(), team(root), notify);
    let mut out = Run {
        issues: Vec::new(),
        batches: 0,
        indexed: 0,
        asked_for_corpus: false,
    };
    let (mut loaded, mut indexed) = (false, false);
    while !(loaded && indexed) {
        match rx
            .recv_timeout(Duration::from_secs(60))
            .expect("a job hung")
        {
            SessionEvent::Loaded { issues, .. } => {
                out.batches += 1;
                out.issues.extend(issues);
                feeder.feed(&out.issues, false);
            }
            SessionEvent::LoadDone(warnings) => {
                assert!(warnings.is_empty(), "{warnings:?}");
                loaded = true;
                feeder.loading_ended(&out.issues);
            }
            SessionEvent::LoadFailed(e) => panic!("{e}"),
            SessionEvent::IndexWants => {
                out.asked_for_corpus = true;
                feeder.feed(&out.issues, true);
            }
            SessionEvent::IndexReady(r) => {
                out.indexed = r.unwrap().len();
                indexed = true;
            }
            _ => {}
        }
    }
    out
}

/// The first session builds the index from the corpus the loader read; the next one reads it from the cache without asking for the corpus.
#[test]
fn loader_feeds_indexer_then_cache_serves_next_session() {
    let home = tempfile::tempdir().unwrap();
    // SAFETY: the other test of this binary never reaches the cache (its folder is
    // missing), and nothing else here reads the environment.
    unsafe { std::env::set_var("XDG_CACHE_HOME", home.path().join("cache")) };
    let root = home.path().join("corpus");
    common::files::copy_tree(&common::files::repo_path("sample"), &root);
    let first = run(&root);
    let articles: usize = first.issues.iter().map(|i| i.articles.len()).sum();
    assert!(articles > 0);
    assert!(first.batches >= 2, "progress first, then issues");
    assert!(
        first.asked_for_corpus,
        "no cache yet: built from the loaded corpus"
    );
    assert_eq!(first.indexed, articles, "every loaded article is indexed");
    let second = run(&root);
    assert!(!second.asked_for_corpus, "the cache is used");
    assert_eq!(second.indexed, articles);
}

/// A folder that does not exist is reported by both jobs, and neither hangs.
#[test]
fn missing_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("nope");
    let (notify, rx) = notifier();
    let _feeder = spawn_indexer(root.clone(), notify.clone());
    spawn_loader(root.clone(), team(&root), notify);
    let mut failures = 0;
    while failures < 2 {
        match rx
            .recv_timeout(Duration::from_secs(60))
            .expect("a job hung")
        {
            SessionEvent::LoadFailed(e) | SessionEvent::IndexReady(Err(e)) => {
                assert!(e.contains("no such file or folder"), "{e}");
                failures += 1;
            }
            _ => {}
        }
    }
}

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
    let mut feeder = spawn_indexer(root.to_path_buf(), notify.clone(), true, 0);
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
            SessionEvent::Recut { issues, .. } => {
                for (at, issue) in issues {
                    out.issues[at] = issue;
                }
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
            // Built afresh, the index comes first without its pinyin
            // four-grams, then whole, its cache written.
            SessionEvent::IndexReady { index: r, .. } => {
                let index = r.unwrap();
                out.indexed = index.len();
                indexed = !index.fourgrams_pending();
            }
            _ => {}
        }
    }
    out
}

/// One cache folder for every test of this binary, set before any of them
/// reaches the cache (each corpus has its own cache file in it).
fn cache_home() {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| {
        let home = tempfile::tempdir().unwrap();
        // SAFETY: set once, under the OnceLock, before any test of this binary
        // reads it; nothing else here reads the environment.
        unsafe { std::env::set_var("XDG_CACHE_HOME", home.path()) };
        home
    });
}

/// The first session builds the index from the corpus the loader read; the next one reads it from the cache without asking for the corpus.
#[test]
fn loader_feeds_indexer_then_cache_serves_next_session() {
    let home = tempfile::tempdir().unwrap();
    cache_home();
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

/// The TUI's first start cuts the archive as habits learned from every page
/// do (the first rows cut with none, the rest with habits guessed from a
/// sample, every issue either changes cut again), and indexes that cut.
#[test]
fn a_first_session_shows_and_indexes_the_cut_of_the_learned_habits() {
    let home = tempfile::tempdir().unwrap();
    cache_home();
    let root = home.path().join("paper");
    std::fs::create_dir(&root).unwrap();
    common::paper::write_archive(&root, 1200);
    let expected = common::paper::cut_in_two_passes(&root);
    let first = run(&root);
    assert_eq!(first.issues.len(), expected.len());
    for (issue, (name, articles)) in first.issues.iter().zip(&expected) {
        assert_eq!(&issue.rel, name);
        assert_eq!(&*issue.articles, articles.as_slice(), "{name}");
    }
    let articles: usize = expected.iter().map(|(_, a)| a.len()).sum();
    assert_eq!(first.indexed, articles);
}

/// A folder that does not exist is reported by both jobs, and neither hangs.
#[test]
fn missing_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("nope");
    let (notify, rx) = notifier();
    let _feeder = spawn_indexer(root.clone(), notify.clone(), true, 0);
    spawn_loader(root.clone(), team(&root), notify);
    let mut failures = 0;
    while failures < 2 {
        match rx
            .recv_timeout(Duration::from_secs(60))
            .expect("a job hung")
        {
            SessionEvent::LoadFailed(e) | SessionEvent::IndexReady { index: Err(e), .. } => {
                assert!(e.contains("no such file or folder"), "{e}");
                failures += 1;
            }
            _ => {}
        }
    }
}

/// A correction splits an article of a ready index (as the page view's `s`
/// does): the session replaces only that issue's documents, in the background,
/// and reports an index equal to one built afresh from the corrected corpus: a
/// search finds both parts, each where it now is, and no document of the old
/// cut; the cache is written again so the next start serves the corrected
/// articles.
#[test]
fn a_correction_updates_only_its_issue_in_the_index() {
    use newstag::corpus::Corpus;
    use newstag::correct::{Correction, Op};
    use newstag::search::{Matcher, Query, SearchIndex, cache};
    use std::sync::Arc;
    use std::sync::atomic::AtomicU64;

    cache_home();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    common::files::copy_tree(&common::files::repo_path("sample"), &root);
    let before = Corpus::load(&root).unwrap();
    let at = before
        .issues
        .iter()
        .position(|i| i.rel.ends_with("河川晚报_20240307_p2.txt"))
        .unwrap();
    let index = Arc::new(SearchIndex::build(&before));
    let old = &before.issues[at];
    let text = std::fs::read_to_string(&old.path).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    let line = lines
        .iter()
        .position(|l| l.trim().starts_with("傍晚6点"))
        .unwrap()
        + 1;
    let at_issue = newstag::correct::file::IssueSidecars::own(&old.path, &old.rel, None);
    newstag::correct::file::change(at_issue, &text, |_, cs| {
        cs.push(Correction::on_line(Op::SplitBefore, &lines, line)?);
        Ok(())
    })
    .unwrap();
    let after = Corpus::load(&root).unwrap();
    let issue = after.issues[at].clone();
    assert_eq!(issue.articles.len(), old.articles.len() + 1, "split");

    let (notify, rx) = notifier();
    let feeder = newstag::session::indexer::spawn_issue_update(
        root.clone(),
        Arc::clone(&index),
        (at, issue.clone()),
        Arc::new(AtomicU64::new(0)),
        notify,
        true,
    );
    assert!(feeder.is_none(), "no need of the corpus");
    let updated = loop {
        match rx
            .recv_timeout(Duration::from_secs(60))
            .expect("a job hung")
        {
            SessionEvent::IndexReady { index: r, .. } => break Arc::unwrap_or_clone(r.unwrap()),
            _ => continue,
        }
    };
    let fresh = SearchIndex::build(&after);
    assert!(updated == fresh, "the updated index equals a fresh one");

    let search = |q: &str| -> Vec<(u32, u32)> {
        let query = Query::parse(q).unwrap();
        let mut refs: Vec<(u32, u32)> = Matcher::new(&updated, &query, None)
            .run(None)
            .iter()
            .map(|h| {
                let at = updated.article_at(h.doc).unwrap();
                (at.issue as u32, at.article as u32)
            })
            .collect();
        refs.sort();
        refs
    };
    let starts_with = |r: (u32, u32), s: &str| {
        let a = &after.issues[r.0 as usize].articles[r.1 as usize];
        a.title.starts_with(s) || a.paragraphs.first().is_some_and(|p| p.starts_with(s))
    };
    let evening = search("'傍晚6点");
    let new_part: Vec<(u32, u32)> = evening
        .iter()
        .copied()
        .filter(|&r| r.0 as usize == at && starts_with(r, "傍晚6点"))
        .collect();
    assert_eq!(new_part.len(), 1, "the new part is found: {evening:?}");
    let story = search("'小巷管家");
    assert!(
        story
            .iter()
            .any(|&r| r.0 as usize == at && r != new_part[0]),
        "the first part is found apart from the new one: {story:?}"
    );
    for r in evening.iter().chain(&story) {
        let articles = &after.issues[r.0 as usize].articles;
        assert!((r.1 as usize) < articles.len(), "a stale document {r:?}");
    }

    // The cache is written again, with the corrected articles.
    let files = cache::stamps(&root);
    let t0 = std::time::Instant::now();
    let mut cached = None;
    while t0.elapsed() < Duration::from_secs(60) {
        cached = cache::load(&root, &files);
        if cached.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let cached = cached.expect("the cache was written again");
    assert!(cached.matches_issues(&after.issues));
}

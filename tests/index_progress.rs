//! While the search index of a corpus is built (a first start: no index
//! cache), the TUI's status bar says how far it is: the issues handed to the
//! indexer of all, and the percentage; once every issue is handed over, that
//! the postings are merged; nothing once the index is ready. The app is driven
//! through its event handler with the real loader and indexer, on real files
//! (drawn on ratatui's TestBackend).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;

use common::screen::status_bar;
use newstag::config::Config;
use newstag::session::{Notifier, SessionEvent};
use newstag::ui::App;
use newstag::ui::run::{AppEvent, handle};
use std::time::Duration;

#[test]
fn the_status_bar_shows_how_far_indexing_has_come() {
    let home = tempfile::tempdir().unwrap();
    // SAFETY: the only test of this binary sets it before any thread reads the
    // environment: the caches go to a folder of this test's own.
    unsafe { std::env::set_var(newstag::cache::DIR_ENV, home.path().join("cache")) };
    let root = home.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    // Several handovers of articles to the indexer.
    let n = 1000;
    let all = "1,000";
    common::files::write_dated_sample_issues(&root, n);
    let mut app = App::with_issues(Config::builtin(), Vec::new(), 160, 30);
    app.corpus.root = root.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let notify = Notifier::new(move |ev| tx.lock().unwrap().send(ev).is_ok());
    app.notify = Some(notify.clone());
    newstag::ui::searching::spawn_indexer(&mut app, root.clone(), notify.clone());
    newstag::session::loader::spawn_loader(root, app.tagging.team.clone(), notify);
    let mut bars = Vec::new();
    let mut ready = false;
    while !ready || app.loading.is_some() {
        let ev = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("a job hung");
        ready |= matches!(ev, SessionEvent::IndexReady { .. });
        if let SessionEvent::LoadFailed(e) | SessionEvent::IndexReady { index: Err(e), .. } = &ev {
            panic!("{e}");
        }
        handle(&mut app, AppEvent::Session(ev));
        bars.push(status_bar(&app));
    }
    let progress: Vec<&String> = bars
        .iter()
        .filter(|b| b.contains("indexing ") && b.contains(&format!("/{all} issues, ")))
        .collect();
    assert!(!progress.is_empty(), "{bars:#?}");
    for bar in &progress {
        let at = bar.find("indexing ").unwrap();
        let (done, rest) = bar[at + "indexing ".len()..].split_once('/').unwrap();
        let done: usize = done.replace(',', "").parse().unwrap();
        let percent = done * 100 / n;
        assert!(
            rest.starts_with(&format!("{all} issues, {percent}%")),
            "{bar}"
        );
    }
    assert!(
        bars.iter().any(|b| b.contains("indexing: merging")),
        "every issue handed over before the index is ready: {bars:#?}"
    );
    let last = bars.last().unwrap();
    assert!(!last.contains("indexing"), "{last}");
}

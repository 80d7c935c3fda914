//! While a corpus loads, the TUI's status bar says how far it is: issues read
//! of all, the percentage, and an estimate of the time left, drawn from the
//! loader's own progress events (on ratatui's TestBackend).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;

use common::screen::status_bar;

use newstag::config::Config;
use newstag::session::{Notifier, SessionEvent};
use newstag::ui::App;
use std::time::{Duration, Instant};

/// The real loader's events over a corpus of `n` issues (the sample's issues
/// copied under other names), in the order it sent them.
fn loader_events(root: &std::path::Path, n: usize) -> Vec<SessionEvent> {
    common::files::write_dated_sample_issues(root, n);
    let config = Config::builtin();
    let team = newstag::tags::team::Team::new(&config, root).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let notify = Notifier::new(move |ev| tx.lock().unwrap().send(ev).is_ok());
    newstag::session::loader::spawn_loader(root.to_path_buf(), team, notify);
    let mut events = Vec::new();
    loop {
        let ev = rx.recv_timeout(Duration::from_secs(120)).unwrap();
        let done = matches!(ev, SessionEvent::LoadDone(_) | SessionEvent::LoadFailed(_));
        events.push(ev);
        if done {
            return events;
        }
    }
}

/// Each progress event, replayed as if the load took 100 ms a batch, shows
/// the issues read of all, the percentage, and from the second batch on the
/// time the rest should take at that rate; the count and estimate go once
/// loading is done.
#[test]
fn the_status_bar_shows_load_progress_and_an_estimate() {
    let home = tempfile::tempdir().unwrap();
    // SAFETY: the only test of this binary sets it before any thread reads the
    // environment: the loader's cache goes to a folder of this test's own.
    unsafe { std::env::set_var(newstag::cache::DIR_ENV, home.path().join("cache")) };
    let root = home.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    let events = loader_events(&root, 60);
    let mut app = App::with_issues(Config::builtin(), Vec::new(), 140, 30);
    let t0 = Instant::now();
    let mut seen = Vec::new();
    let mut batches = 0u32;
    for ev in events {
        match ev {
            SessionEvent::Loaded {
                issues,
                sidecars,
                done,
                total,
            } => {
                assert_eq!(total, 60);
                app.set_loading_at(done, total, t0 + Duration::from_millis(100) * batches);
                app.push_loaded(issues, sidecars);
                batches += 1;
                let bar = status_bar(&app);
                let percent = done * 100 / total;
                assert!(
                    bar.contains(&format!("loading {done}/60 issues, {percent}%")),
                    "{bar}"
                );
                // The rate is known from 300 ms on (the fourth batch).
                if batches > 3 && done < total {
                    assert!(bar.contains(" left"), "{bar}");
                }
                seen.push(bar);
            }
            SessionEvent::LoadDone(warnings) => {
                app.finish_loading(warnings);
                let bar = status_bar(&app);
                assert!(
                    bar.contains("60 issues") && !bar.contains("loading"),
                    "{bar}"
                );
            }
            _ => {}
        }
    }
    assert!(seen.len() >= 4, "several progress events: {seen:?}");
    // 8 issues in the first 100 ms batch, 16 in the next: the estimate after
    // the batches of 8, 16 and 32 issues (56 read in 300 ms) is 4 issues
    // left at 56 a 300 ms: ~1 s.
    assert!(
        seen.iter()
            .any(|b| b.contains("loading 56/60 issues, 93%, ~1 s left")),
        "{seen:#?}"
    );
}

//! End to end in a pseudo-terminal (portable-pty + vt100): search the sample
//! corpus, tag two articles with keys, undo one, quit, read the sidecar back, then
//! reopen and see the tag on screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;

use common::files::{copy_tree, files_below, repo_path};
use common::pty::{Launch, PtySession};
use newstag::tags::sidecar;
use std::path::Path;

/// `newstag CORPUS` in a 120x40 terminal with its own HOME and XDG folders.
fn open(home: &Path, corpus: &Path) -> PtySession {
    Launch::in_home(home).arg(corpus).size(120, 40).start()
}

/// Every tagged article in the corpus's sidecars: (title, tag names).
fn sidecar_tags(dir: &Path) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for e in files_below(dir) {
        let name = e.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".tags.toml") && !name.starts_with('.') {
            let s = sidecar::read(&e).unwrap().unwrap();
            for a in s.articles {
                out.push((a.title, a.tags.into_keys().collect()));
            }
        }
    }
    out
}

fn loaded(s: &str) -> bool {
    s.contains("articles") && !s.contains("loading")
}

/// Search, tag two articles with 1 and 2, undo the second, quit: the sidecar holds
/// the first tag only, and a new session shows it on the article's row.
#[test]
fn search_tag_undo_quit_reopen() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("corpus");
    copy_tree(&repo_path("sample"), &corpus);

    let mut tui = open(home.path(), &corpus);
    tui.settle("the corpus to load", loaded);
    tui.send("/");
    tui.send("议事会");
    tui.settle("search hits", |s| s.contains("hits"));
    tui.send("\r");
    tui.settle("the search line to close", |s| !s.contains("/议事会"));
    tui.send("1");
    tui.settle("the first tag to be saved", |s| {
        s.contains("+governance: 1 article, saved")
    });
    // The next hit (ranked hits are grouped by issue: the same issue's next one).
    tui.send("j");
    tui.send("2");
    tui.settle("the second tag to be saved", |s| {
        s.contains("+heritage: 1 article, saved")
    });
    assert!(tui.screen().contains("2 tagged"));
    tui.send("u");
    let s = tui.settle("the undo", |s| s.contains("undo +heritage"));
    assert!(s.contains("1 tagged"), "{s}");
    tui.quit();

    let tagged = sidecar_tags(&corpus);
    assert_eq!(tagged.len(), 1, "{tagged:?}");
    let (title, tags) = &tagged[0];
    assert_eq!(tags, &["governance"]);
    assert!(title.contains("议事会"), "a search hit was tagged: {title}");

    // A new session shows the tag on the article's row.
    let mut tui = open(home.path(), &corpus);
    tui.settle("the corpus to load again", loaded);
    tui.send("/");
    tui.send("议事会");
    tui.settle("search hits", |s| s.contains("hits"));
    tui.send("\r");
    let head: String = title.chars().take(6).collect();
    let s = tui.settle("the tagged row", |s| s.contains(&head));
    let row = s.lines().find(|l| l.contains(&head)).unwrap();
    assert!(row.contains("社区治理"), "tag chip on the row: {row}\n{s}");
    assert!(s.contains("1 tagged"), "{s}");
    tui.quit();
}

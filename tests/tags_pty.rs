//! End to end in a pseudo-terminal (portable-pty + vt100): search the sample
//! corpus, tag two articles with keys, undo one, quit, read the sidecar back, then
//! reopen and see the tag on screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

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
    // The undo is saved in the background: the status says "saving undo …"
    // first, and the count drops once the save is done.
    tui.settle("the undo to be saved", |s| {
        s.contains("undo +heritage") && s.contains("1 tagged")
    });
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

/// Hold the sidecar lock of every folder below `dir` (a slow disk or another
/// process saving): newstag's saves there wait until the locks are dropped.
fn hold_sidecar_locks(dir: &Path) -> Vec<std::fs::File> {
    let mut folders = vec![dir.to_path_buf()];
    for f in files_below(dir) {
        if let Some(parent) = f.parent()
            && !folders.iter().any(|d| d == parent)
        {
            folders.push(parent.to_path_buf());
        }
    }
    folders
        .iter()
        .map(|d| {
            let file = std::fs::File::create(d.join(sidecar::LOCK_NAME)).unwrap();
            file.lock().unwrap();
            file
        })
        .collect()
}

/// A tag save that cannot finish yet (its sidecar folder is locked) does not
/// freeze the screen: the status bar says `saving`, the list still moves, and
/// quitting waits for the save, which lands in the sidecar once the lock goes.
#[test]
fn quitting_waits_for_a_pending_save() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("corpus");
    copy_tree(&repo_path("sample"), &corpus);
    let locks = hold_sidecar_locks(&corpus);

    let mut tui = open(home.path(), &corpus);
    tui.settle("the corpus to load", loaded);
    tui.send("U");
    tui.send("1");
    let s = tui.settle("the save to wait", |s| s.contains("saving +governance"));
    assert!(
        !s.contains("1 tagged"),
        "not counted before it is saved: {s}"
    );
    tui.send("q");
    let s = tui.settle("quit to wait", |s| {
        s.contains("quitting once 1 tag change saved")
    });
    assert!(s.contains("saving +governance"), "{s}");
    let pid = tui.newstag_pid();
    assert!(
        Path::new(&format!("/proc/{pid}")).exists(),
        "newstag quit with a save pending"
    );
    assert!(sidecar_tags(&corpus).is_empty());

    drop(locks);
    let status = tui.wait_for_exit();
    assert!(status.success(), "{status:?}");
    let tagged = sidecar_tags(&corpus);
    assert_eq!(tagged.len(), 1, "{tagged:?}");
    assert_eq!(tagged[0].1, ["governance"]);
}

/// Make `dir` refuse new files: read-only, or for root (whom permissions do
/// not stop) a plain file in its place.
fn block_folder(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(dir.join("probe"), "").is_ok() {
        std::fs::remove_dir_all(dir).unwrap();
        std::fs::write(dir, "not a folder").unwrap();
    }
}

/// Undo [`block_folder`].
fn unblock_folder(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if dir.is_file() {
        std::fs::remove_file(dir).unwrap();
        std::fs::create_dir(dir).unwrap();
    } else {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// A read-only sidecar folder: the tag is NOT SAVED, the status bar says why
/// and that `R` retries; quit asks first instead of dropping the change; once
/// the folder is writable again `R` saves it, and it reads back.
#[test]
fn a_failed_save_is_kept_and_retried() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("corpus");
    copy_tree(&repo_path("sample"), &corpus);
    let side = home.path().join("side");
    std::fs::create_dir(&side).unwrap();
    let config_dir = home.path().join("config/newstag");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("config.toml"),
        format!("[corpus]\nsidecar_dir = {:?}\n", side.to_str().unwrap()),
    )
    .unwrap();

    // Wide enough for the reason and the message side by side.
    let mut tui = Launch::in_home(home.path())
        .arg(&corpus)
        .size(200, 40)
        .start();
    tui.settle("the corpus to load", loaded);
    block_folder(&side);
    tui.send("U");
    tui.send("1");
    let s = tui.settle("the failure", |s| s.contains("NOT SAVED (R retries)"));
    assert!(s.contains("NOT SAVED"), "{s}");
    assert!(s.contains("side"), "the failing folder is named: {s}");
    tui.send("q");
    tui.settle("quit to ask", |s| {
        s.contains("q again quits without them: tags of 1 article")
    });
    let pid = tui.newstag_pid();
    assert!(
        Path::new(&format!("/proc/{pid}")).exists(),
        "quit dropped it"
    );

    unblock_folder(&side);
    tui.send("R");
    let s = tui.settle("the retry", |s| s.contains("+governance: 1 article, saved"));
    assert!(s.contains("1 tagged"), "{s}");
    assert!(!s.contains("NOT SAVED"), "{s}");
    tui.quit();
    let tagged = sidecar_tags(&side);
    assert_eq!(tagged.len(), 1, "{tagged:?}");
    assert_eq!(tagged[0].1, ["governance"]);
    assert!(
        sidecar_tags(&corpus).is_empty(),
        "the corpus folder is left alone"
    );
}

//! Handing the terminal over, end to end in a pseudo-terminal: `E` opens the
//! article's issue file in the user's editor at the article's line, Ctrl-z gives
//! the terminal back to the shell; newstag carries on after both.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::files::{copy_tree, repo_path};
use common::pty::Launch;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A copy of the fixture corpus in `home` (so sidecars never touch the repo).
fn corpus_copy(home: &Path) -> PathBuf {
    let dst = home.join("corpus");
    copy_tree(&repo_path("tests/fixtures/corpus"), &dst);
    dst
}

/// Wait (a while at most) until `ready` holds.
fn wait_until(what: &str, ready: impl Fn() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "waited for {what}"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// `E` on an article runs $EDITOR with `+LINE FILE` (the article's first line of
/// its issue file); when the editor ends newstag draws again and says so.
#[test]
fn e_opens_the_issue_file_in_the_editor_at_the_article() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let record = home.path().join("editor-args.txt");
    let script = home.path().join("editor.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n",
            record.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();

    let mut s = Launch::in_home(home.path())
        .arg(&corpus)
        .env("EDITOR", &script.display().to_string())
        .env("VISUAL", "")
        .start();
    s.settle("the list", |t| t.contains("loaded 2 issues"));
    // The second article of the first issue.
    s.send("jj");
    s.send("E");
    wait_until("the editor", || record.exists());
    let screen = s.settle("newstag again", |t| t.contains("edited"));
    assert!(
        screen.contains("loaded") || screen.contains("edited"),
        "{screen}"
    );

    let loaded = newstag::corpus::Corpus::load(&corpus).unwrap();
    let issue = &loaded.issues[0];
    let article = &issue.articles[1];
    let args = std::fs::read_to_string(&record).unwrap();
    assert_eq!(
        args,
        format!("+{}\n{}\n", article.line, issue.path.display()),
        "the editor's arguments"
    );
    assert!(article.line > 1);
    s.quit();
}

/// Ctrl-z leaves the alternate screen and raw mode before stopping (here, with
/// no job control, the kernel drops the stop and newstag carries on), then
/// takes the terminal back and draws again.
#[test]
fn ctrl_z_gives_the_terminal_back() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let mut s = Launch::in_home(home.path()).arg(&corpus).start();
    s.settle("the list", |t| t.contains("loaded 2 issues"));
    let before = s.output().len();
    s.send("\u{1a}");
    wait_until("the alternate screen left", || {
        s.output()[before..].contains("\u{1b}[?1049l")
    });
    // Should it have stopped after all, continue it.
    // SAFETY: kill only sends a signal to newstag's process.
    unsafe {
        libc::kill(s.newstag_pid() as i32, libc::SIGCONT);
    }
    wait_until("the alternate screen entered again", || {
        let out = s.output();
        let tail = &out[before..];
        tail.find("\u{1b}[?1049l")
            .is_some_and(|k| tail[k..].contains("\u{1b}[?1049h"))
    });
    s.send("j");
    let screen = s.settle("the list again", |t| t.contains("老街巷里的便民服务站"));
    assert!(screen.contains("? help"), "{screen}");
    s.quit();
}

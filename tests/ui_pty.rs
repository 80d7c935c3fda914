//! End to end: the real binary in a pseudo-terminal (portable-pty + vt100). Keys
//! in, screen text out; after every way of leaving, the terminal is restored
//! (alternate screen left, cursor shown, raw mode off).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::Cli;
use common::files::{copy_tree, repo_path};
use common::pty::{Launch, PtySession};
use std::path::{Path, PathBuf};

/// A copy of the fixture corpus in `home` (so sidecars never touch the repo).
fn corpus_copy(home: &Path) -> PathBuf {
    let dst = home.join("corpus");
    copy_tree(&repo_path("tests/fixtures/corpus"), &dst);
    dst
}

/// `newstag CORPUS` in a `cols` x `rows` terminal, reporting the modes it leaves.
fn start_on(home: &Path, corpus: &Path, cols: u16, rows: u16) -> PtySession {
    Launch::in_home(home)
        .arg(corpus)
        .size(cols, rows)
        .reporting_terminal_modes()
        .start()
}

/// Open a corpus, move, open an article, resize to narrow and back, quit with q:
/// each screen shows what it should and the terminal is restored.
#[test]
fn browse_read_resize_quit() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let mut s = start_on(home.path(), &corpus, 100, 30);
    let first = s.settle("the list", |t| {
        t.contains("老街巷里的便民服务站") && t.contains("loaded 2 issues")
    });
    assert!(first.contains("古戏台修缮完工"), "{first}");
    assert!(first.contains("? help"), "{first}");

    // To the issue with the long article, open it (walking on while the
    // segmenter puts heading lines in articles of their own).
    s.send("]");
    s.send("\r");
    let mut reader = s.settle("the reader", |t| t.contains("古戏台修缮完工"));
    for _ in 0..4 {
        if reader.contains("初夏时节") {
            break;
        }
        s.send("hj\r");
        reader = s.settle("the next article", |t| t.contains("古戏台修缮完工"));
    }
    assert!(reader.contains("初夏时节"), "{reader}");

    // Narrow: only the reader is shown, re-wrapped.
    s.resize(44, 20);
    let narrow = s.settle("the narrow reader", |t| {
        t.contains("初夏时节") && !t.contains("湿地公园迎来候鸟季")
    });
    for line in narrow.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 44,
            "line wider than the terminal: {line}"
        );
    }
    // Back to the list, then wide again.
    s.send("h");
    s.settle("the narrow list", |t| t.contains("湿地公园迎来候鸟季"));
    s.resize(120, 35);
    s.settle("the wide screen", |t| {
        t.contains("Tags") && t.contains("初夏时节")
    });

    s.send("q");
    let out = s.finish();
    s.assert_terminal_restored(&out);
    assert!(out.contains("exit=0"), "{out}");
}

/// Ctrl-C quits and restores the terminal.
#[test]
fn ctrl_c_restores() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let mut s = start_on(home.path(), &corpus, 80, 24);
    s.settle("the list", |t| t.contains("湿地公园"));
    s.send("\x03");
    let out = s.finish();
    s.assert_terminal_restored(&out);
}

/// Send `signal` to a running newstag; it must end with the terminal restored.
fn signal_restores(signal: &str) {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let mut s = start_on(home.path(), &corpus, 80, 24);
    s.settle("the list", |t| t.contains("湿地公园"));
    let pid = s.newstag_pid();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("kill -{signal} {pid}"))
        .status()
        .unwrap();
    assert!(status.success());
    let out = s.finish();
    s.assert_terminal_restored(&out);
}

/// SIGTERM ends newstag cleanly with the terminal restored.
#[test]
fn sigterm_restores() {
    signal_restores("TERM");
}

/// SIGHUP (the terminal window closed) ends newstag with the terminal restored.
#[test]
fn sighup_restores() {
    signal_restores("HUP");
}

/// A panic restores the terminal first, then its message is printed readably.
#[test]
fn panic_restores_then_prints() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let mut s = Launch::in_home(home.path())
        .arg(&corpus)
        .size(80, 24)
        .env("NEWSTAG_TEST_PANIC", "1")
        .reporting_terminal_modes()
        .start();
    s.settle("the list", |t| t.contains("湿地公园"));
    s.send("!");
    let out = s.finish();
    s.assert_terminal_restored(&out);
    let leave = out.rfind("\x1b[?1049l").expect("alternate screen left");
    let message = out
        .find("panic requested by NEWSTAG_TEST_PANIC")
        .expect("message");
    assert!(
        message > leave,
        "panic message printed inside the alternate screen"
    );
}

/// The built-in sample opens with no PATH, unpacked into the data folder; a bad
/// config value is named with its file, line and key in the status bar and its
/// default is used.
#[test]
fn builtin_sample_and_bad_config() {
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("config/newstag");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("config.toml"),
        "[ui]\naccent = \"cyan\"\nwheel_step = \"lots\"\n",
    )
    .unwrap();
    let data = home.path().join("data/newstag/sample");
    let mut s = Launch::in_home(home.path())
        .size(120, 30)
        .reporting_terminal_modes()
        .start();
    let screen = s.settle("the sample", |t| {
        t.contains("issues") && t.contains("config.toml:3")
    });
    assert!(screen.contains("config.toml:3: ui.wheel_step"), "{screen}");
    assert!(data.exists(), "sample not unpacked into {}", data.display());
    s.send("q");
    let out = s.finish();
    s.assert_terminal_restored(&out);
}

/// `--help` and `--version` print and exit without touching the terminal.
#[test]
fn help_and_version() {
    let cli = Cli::new();
    let out = cli.run(&["--version"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("newstag "));
    let out = cli.run(&["--help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"));
}

/// The real binary in a terminal: `/` and a pinyin query filter the list to the
/// article whose title has those characters, the hit count shows, the cursor
/// stays visible at the caret, Esc brings the whole list back, and a second start
/// reads the index cache.
#[test]
fn search_by_pinyin_finds_the_article() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let cache = home.path().join(".cache").join("newstag");
    let mut s = start_on(home.path(), &corpus, 100, 30);
    s.settle("the list", |t| {
        t.contains("老街巷里的便民服务站") && t.contains("loaded 2 issues")
    });
    s.send("/fwz");
    let found = s.settle("the pinyin hit", |t| {
        t.contains("/fwz") && t.contains("1 hit")
    });
    assert!(found.contains("老街巷里的便民服务站"), "{found}");
    assert!(!found.contains("湿地公园迎来候鸟季"), "filtered: {found}");
    assert!(!s.cursor_hidden(), "cursor at the caret");
    s.send("\x1b");
    s.settle("the whole list again", |t| {
        t.contains("湿地公园迎来候鸟季") && !t.contains("/fwz")
    });
    s.send("q");
    let out = s.finish();
    s.assert_terminal_restored(&out);
    assert!(
        std::fs::read_dir(&cache)
            .map(|d| d
                .filter(|e| e
                    .as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("index-")))
                .count())
            .unwrap_or(0)
            == 1,
        "the index cache was written under $HOME/.cache/newstag"
    );
}

/// A folder without issue files (empty, or holding other files only) opens
/// the TUI saying there is nothing to read and why, in the list, the reader
/// and the status bar; it neither exits nor panics, and q leaves it with the
/// terminal restored (the CLI refuses such a folder: tests/cli_refusals.rs).
#[test]
fn folder_without_issue_files_says_nothing_to_read() {
    for other_files in [false, true] {
        let home = tempfile::tempdir().unwrap();
        let folder = home.path().join("archive");
        std::fs::create_dir(&folder).unwrap();
        if other_files {
            std::fs::write(folder.join("scan.pdf"), b"%PDF-1.4\n").unwrap();
            std::fs::write(folder.join("notes.docx"), b"PK\x03\x04").unwrap();
        }
        let mut s = start_on(home.path(), &folder, 100, 30);
        let screen = s.settle("the empty corpus", |t| t.contains("no issue files"));
        assert!(screen.contains("0 issues"), "{screen}");
        assert!(screen.contains("nothing to read"), "{screen}");
        assert!(screen.contains(".txt or .md"), "{screen}");
        // Still running: a key is answered.
        s.send("?");
        s.settle("help", |t| t.contains(" Keys "));
        s.send("?");
        s.settle("help closed", |t| !t.contains(" Keys "));
        s.send("q");
        let out = s.finish();
        s.assert_terminal_restored(&out);
        assert!(out.contains("exit=0"), "{out}");
    }
}

//! End to end in tmux, which keeps a scrollback and reflows it when its window
//! changes size: what is left in the pane after newstag quits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::files::{copy_tree, repo_path};
use common::tmux::TmuxPane;
use unicode_width::UnicodeWidthStr;

/// Run newstag in a 120x40 tmux window after 60 lines of shell output, resize
/// the window to `cols` x `rows` once its list shows, quit, and return all the
/// pane holds then (scrollback and screen).
fn pane_after_resize_and_quit(cols: u16, rows: u16) -> Option<String> {
    if !TmuxPane::available() {
        eprintln!("skipped: tmux is not installed");
        return None;
    }
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("corpus");
    copy_tree(&repo_path("tests/fixtures/corpus"), &corpus);
    let script = format!(
        "seq 1 60; '{}' '{}'; echo newstag-exit=$?",
        env!("CARGO_BIN_EXE_newstag"),
        corpus.display()
    );
    let pane = TmuxPane::start(home.path(), &script, 120, 40);
    pane.wait_for("the list", |s| {
        s.contains("老街巷里的便民服务站") && s.contains("loaded 2 issues")
    });
    pane.tmux(&[
        "resize-window",
        "-t",
        "t",
        "-x",
        &cols.to_string(),
        "-y",
        &rows.to_string(),
    ]);
    pane.wait_for("the list redrawn at the new width", |s| {
        s.lines().next().map(UnicodeWidthStr::width) == Some(usize::from(cols))
            && s.contains("老街巷里的便民服务站")
    });
    pane.tmux(&["send-keys", "-t", "t", "q"]);
    pane.wait_for_exit();
    Some(pane.screen_and_scrollback())
}

/// The shell's lines are all there and not one line of newstag's screen is left.
fn assert_only_shell_output(all: &str) {
    assert!(all.contains("newstag-exit=0"), "{all}");
    assert!(all.lines().any(|l| l == "60"), "{all}");
    let left: Vec<&str> = all
        .lines()
        .filter(|l| l.contains(['│', '┌', '└']) || l.contains("老街巷里的便民服务站"))
        .collect();
    assert!(
        left.is_empty(),
        "newstag's screen left behind:\n{}",
        left.join("\n")
    );
}

/// A window made wider and taller while newstag runs: after quitting, neither
/// the pane nor its scrollback holds any of newstag's screen.
#[test]
fn nothing_left_after_the_window_grows() {
    if let Some(all) = pane_after_resize_and_quit(150, 50) {
        assert_only_shell_output(&all);
    }
}

/// A window made smaller while newstag runs: after quitting, neither the pane
/// nor its scrollback holds any of newstag's screen.
#[test]
fn nothing_left_after_the_window_shrinks() {
    if let Some(all) = pane_after_resize_and_quit(90, 30) {
        assert_only_shell_output(&all);
    }
}

//! The shape the code promises: the core (everything but `ui`, `cli` and the
//! binary) knows nothing of terminals, so it can be driven without one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;

use common::files::{files_below, repo_path};

/// No core module imports ratatui, crossterm or tui-input: the session, search, tags and the rest run without a terminal.
#[test]
fn core_is_terminal_free() {
    let src = repo_path("src");
    let mut offenders = Vec::new();
    for file in files_below(&src) {
        let rel = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("ui/") || rel.starts_with("cli/") || rel == "main.rs" {
            continue;
        }
        if file.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for word in ["ratatui", "crossterm", "tui_input"] {
            if text.contains(word) {
                offenders.push(format!("src/{rel} uses {word}"));
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

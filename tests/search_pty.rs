//! The search line typed key by key in the real binary (pseudo-terminal) finds as
//! many articles as `newstag search` given the whole query: narrowing each
//! keystroke to the previous hits never loses one (issue 14).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::Cli;
use common::files::copy_tree;
use common::pty::Launch;
use std::path::Path;

/// The hit count the search line shows for `typed`, once it has settled.
fn hits_shown(screen: &str, typed: &str) -> Option<usize> {
    let line = screen.lines().find(|l| l.contains(&format!("/{typed}")))?;
    if line.contains("searching") {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "hits" || *w == "hit")?;
    words.get(at.checked_sub(1)?)?.parse().ok()
}

#[test]
fn typing_key_by_key_finds_what_the_cli_finds() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    if !samples.is_dir() {
        eprintln!("skipped: no {}", samples.display());
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("corpus");
    copy_tree(&samples, &corpus);
    let cli = Cli::new();
    let mut s = Launch::in_home(home.path())
        .arg(&corpus)
        .size(120, 30)
        .start();
    s.settle("the list", |t| t.contains("loaded"));
    s.send("/");
    for query in ["'社区", "《中国金石"] {
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            s.send(&c.to_string());
            // `'` alone is a bad query (no search); every other prefix settles.
            s.settle(&format!("hits of {typed}"), |t| {
                hits_shown(t, &typed).is_some() || (typed == "'" && t.contains("bad query"))
            });
        }
        let shown = hits_shown(&s.screen(), query).unwrap();
        let out = cli
            .command()
            .args(["search", corpus.to_str().unwrap(), query])
            .args(["--format", "jsonl", "--limit", "0"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let expected = String::from_utf8_lossy(&out.stdout).lines().count();
        assert!(expected > 0, "{query}: the samples have hits");
        assert_eq!(shown, expected, "{query} typed key by key");
        for _ in query.chars() {
            s.send("\x7f");
        }
    }
    s.send("\x1b");
    s.settle("the search line closed", |t| !t.contains("/《"));
    s.send("q");
    s.finish();
}

//! The real binary in a pseudo-terminal fixing a wrong cut on a copy of a sample
//! issue: open the page view, split an article, tag each half, quit; the sidecar
//! holds the split and both halves' tags, and `newstag articles` (a new process)
//! finds both halves tagged, also once the file is re-encoded to GB18030 with
//! CRLF line ends and a blank line on top; then reopen, join the halves back
//! (asked first, both being tagged), quit, and the sidecar holds no correction
//! (the join takes the split out) and one article with the union of the tags.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use common::files::repo_path;
use common::pty::{Launch, PtySession};
use newstag::correct::Op;
use newstag::tags::sidecar;
use serde_json::Value;
use std::path::Path;

const ISSUE: &str = "河川晚报_20240307_p2.txt";
const SIDECAR: &str = "河川晚报_20240307_p2.tags.toml";

fn open(home: &Path, corpus: &Path) -> PtySession {
    Launch::in_home(home).arg(corpus).size(120, 40).start()
}

fn loaded(s: &str) -> bool {
    s.contains("articles") && !s.contains("loading")
}

/// Search `text`, keep the hits, and open the page view on the first.
fn page_of(tui: &mut PtySession, text: &str) -> String {
    tui.send("/");
    tui.send(text);
    tui.settle("search hits", |s| s.contains(" match"));
    tui.send("\r");
    tui.settle("the search line to close", |s| {
        !s.contains(&format!("/{text}"))
    });
    tui.send("v");
    tui.settle("the page view", |s| {
        s.contains(" Page ") && s.contains(" title ")
    })
}

/// The corpus's articles as `newstag articles --format jsonl` prints them.
fn articles(root: &Path, home: &Path) -> Vec<Value> {
    let cli = Cli::in_home(home);
    let out = cli.run(&["articles", root.to_str().unwrap(), "--format", "jsonl"]);
    assert_succeeded(&out);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn tags(a: &Value) -> Vec<&str> {
    a["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect()
}

/// Split in the page view, tag both halves, quit, reopen, join them back.
#[test]
fn split_tag_both_halves_reopen_and_join() {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::copy(repo_path(&format!("sample/{ISSUE}")), root.join(ISSUE)).unwrap();
    let text = std::fs::read_to_string(root.join(ISSUE)).unwrap();
    let line = text.lines().position(|l| l.starts_with("傍晚6点")).unwrap() + 1;
    let before = articles(&root, home.path()).len();

    let mut tui = open(home.path(), &root);
    tui.settle("the corpus to load", loaded);
    let s = page_of(&mut tui, "小巷管家");
    let cursor = s.lines().next().unwrap();
    assert!(
        cursor.contains("line 13/"),
        "opens on the article: {cursor}"
    );
    for _ in 13..line {
        tui.send("j");
    }
    tui.settle("the cursor on the line", |s| {
        s.lines().next().unwrap().contains(&format!("line {line}/"))
    });
    tui.send("s");
    tui.settle("the split", |s| {
        s.contains(&format!("split before line {line}"))
    });
    tui.send("\x1b");
    tui.settle("the list", |s| !s.contains(" Page "));
    // The list is on the new part: tag it, then the part with the title above.
    tui.send("2");
    tui.settle("the new part tagged", |s| {
        s.contains("+heritage: 1 article, saved")
    });
    tui.send("k");
    tui.send("1");
    tui.settle("the titled part tagged", |s| {
        s.contains("+governance: 1 article, saved")
    });
    tui.quit();

    let file = sidecar::read(&root.join(SIDECAR)).unwrap().unwrap();
    assert_eq!(file.corrections.len(), 1);
    assert_eq!(file.corrections[0].op, Some(Op::SplitBefore));
    assert_eq!(file.corrections[0].line, line);
    assert_eq!(file.articles.len(), 2, "{:?}", file.articles);
    let after = articles(&root, home.path());
    assert_eq!(after.len(), before + 1);
    let titled = after
        .iter()
        .find(|a| a["title"] == "“小巷管家”的一天")
        .unwrap();
    assert_eq!(tags(titled), ["governance"]);
    let part = after
        .iter()
        .find(|a| a["body"].as_str().unwrap().starts_with("傍晚6点"))
        .unwrap();
    assert_eq!(tags(part), ["heritage"]);

    // The file re-encoded to GB18030 with CRLF line ends and a blank line on
    // top: the correction, anchored on the line's text, still applies, and
    // each half keeps its tags.
    let crlf = format!("\n{text}").replace('\n', "\r\n");
    std::fs::write(root.join(ISSUE), &encoding_rs::GB18030.encode(&crlf).0).unwrap();
    let again = articles(&root, home.path());
    assert_eq!(again.len(), before + 1, "the split still applies");
    let titled = again
        .iter()
        .find(|a| a["title"] == "“小巷管家”的一天")
        .unwrap();
    assert_eq!(tags(titled), ["governance"]);
    let part = again
        .iter()
        .find(|a| a["body"].as_str().unwrap().starts_with("傍晚6点"))
        .unwrap();
    assert_eq!(tags(part), ["heritage"]);
    // The line is one further down now.
    let line = line + 1;

    // Reopen: join the halves back; both are tagged, so it asks.
    let mut tui = open(home.path(), &root);
    tui.settle("the corpus to load again", loaded);
    page_of(&mut tui, "傍晚6点");
    tui.settle("the cursor on the new part", |s| {
        s.lines().next().unwrap().contains(&format!("line {line}/"))
    });
    tui.send("J");
    let s = tui.settle("the question", |s| s.contains("carries the tags of both"));
    assert!(s.contains("governance, heritage"), "{s}");
    tui.send("y");
    tui.settle("the join", |s| s.contains(&format!("join line {line}")));
    tui.send("\x1b");
    tui.settle("the list", |s| !s.contains(" Page "));
    tui.quit();

    let file = sidecar::read(&root.join(SIDECAR)).unwrap().unwrap();
    // Joining back the line just split takes the split out (80b9ef1): no
    // correction is left, and the tags of both halves are on the whole article.
    assert!(file.corrections.is_empty(), "{:?}", file.corrections);
    assert_eq!(file.articles.len(), 1, "{:?}", file.articles);
    let after = articles(&root, home.path());
    assert_eq!(after.len(), before);
    let joined = after
        .iter()
        .find(|a| a["title"] == "“小巷管家”的一天")
        .unwrap();
    assert_eq!(tags(joined), ["governance", "heritage"]);
    assert!(joined["body"].as_str().unwrap().contains("傍晚6点"));
}

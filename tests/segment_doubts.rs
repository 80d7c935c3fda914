//! Doubt, said out loud: segmentation gives each article its reasons for doubting
//! the cut; `articles --format jsonl` and `--explain` show them, `search` finds them
//! with `doubt` and `doubt:REASON`, and the TUI list marks doubtful articles with `?`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use common::screen::screen_text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::search::SearchIndex;
use newstag::ui::{App, searching};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A page of three articles: a whole report, a two-word item, and text after a
/// closed article with no title of its own.
const PAGE: &str = "引水渠通到了田间地头\n\n本报记者 王芳\n\n\
村里新修的水渠通了水，三百亩麦田赶上了春灌，村民们说今年的收成有了指望。水渠全长四公里，由村集体和镇里共同出资修建。（王芳）\n\n\
春耕备耕忙\n\n种子到了。（李明）\n\n\
在南关街口，记者看到，新修的停车场已经投入使用，附近居民停车难的问题得到缓解，街坊们都说方便多了。\n";

fn page(dir: &Path) -> PathBuf {
    let path = dir.join("清河日报_2025-03-02_第2版.txt");
    std::fs::write(&path, PAGE).unwrap();
    path
}

fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn doubts(v: &serde_json::Value) -> Vec<&str> {
    v["doubts"]
        .as_array()
        .unwrap_or_else(|| panic!("no doubts in {v}"))
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect()
}

#[test]
fn articles_jsonl_and_explain_give_the_reasons_for_doubt() {
    let cli = Cli::new();
    let path = page(cli.home());
    let out = cli.run(&["articles", path.to_str().unwrap(), "--format", "jsonl"]);
    assert_succeeded(&out);
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0]["title"], "引水渠通到了田间地头");
    assert!(doubts(&lines[0]).is_empty());
    assert_eq!(lines[1]["title"], "春耕备耕忙");
    assert_eq!(doubts(&lines[1]), ["short"]);
    assert_eq!(lines[2]["title"], "");
    assert_eq!(doubts(&lines[2]), ["no-title"]);

    let out = cli.run(&["articles", path.to_str().unwrap(), "--explain"]);
    assert_succeeded(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.contains("article 1 starts at L7: 春耕备耕忙")
                && l.ends_with("doubts: short")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("article 0 starts at L1") && !l.contains("doubts")),
        "{text}"
    );
}

#[test]
fn search_finds_doubtful_articles_by_reason() {
    let cli = Cli::new();
    let path = page(cli.home());
    let p = path.to_str().unwrap();
    let titles = |query: &str| -> Vec<String> {
        let out = cli.run(&["search", p, query, "--format", "jsonl"]);
        assert_succeeded(&out);
        json_lines(&out.stdout)
            .iter()
            .map(|v| v["body"].as_str().unwrap().chars().take(5).collect())
            .collect()
    };
    assert_eq!(titles("doubt"), ["种子到了。", "在南关街口"]);
    assert_eq!(titles("doubt:short"), ["种子到了。"]);
    assert_eq!(titles("doubt:no-title"), ["在南关街口"]);
    assert_eq!(titles("!doubt"), ["村里新修的"]);
    let out = cli.run(&["search", p, "doubt:bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no doubt `bogus`") && err.contains("no-title"),
        "{err}"
    );
}

#[test]
fn the_list_marks_doubtful_articles_and_the_search_line_finds_them() {
    let dir = tempfile::tempdir().unwrap();
    page(dir.path());
    let corpus = Corpus::load(dir.path()).unwrap();
    let index = SearchIndex::build_from_issues(&corpus.issues);
    let mut app = App::with_issues(Config::builtin(), corpus.issues, 120, 30);
    searching::index_ready(&mut app, index);
    let screen = screen_text(&app);
    let row = |screen: &str, needle: &str| -> String {
        screen
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no row {needle} in\n{screen}"))
            .to_string()
    };
    // The mark stands in the row's first column, before the kind.
    let marked = |r: &str| r.trim_start_matches('│').starts_with('?');
    assert!(!marked(&row(&screen, "引水渠通到了田间地头")), "{screen}");
    assert!(marked(&row(&screen, "春耕备耕忙")), "{screen}");
    assert!(marked(&row(&screen, "在南关街口")), "{screen}");

    app.handle_key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE));
    for c in "doubt:short".chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert!(searching::wait(&mut app, Duration::from_secs(20)));
    let screen = screen_text(&app);
    assert!(screen.contains("春耕备耕忙"), "{screen}");
    assert!(!screen.contains("在南关街口"), "{screen}");
    assert!(!screen.contains("引水渠通到了田间地头"), "{screen}");
}

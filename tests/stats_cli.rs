//! `newstag stats` on a tagged corpus in a temp folder: the numbers match the
//! sidecars, in JSON for scripts and in the table for people.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use assert_cmd::Command;
use common::cli::Cli;
use newstag::corpus::Corpus;
use newstag::tags::{Source, TagStore, Target};
use std::path::Path;

fn write_issue(dir: &Path, name: &str, titles: &[&str]) {
    let mut text = String::new();
    for t in titles {
        text.push_str(&format!(
            "{t}\n\n本报讯 记者王强报道：{t}的消息传来，居民们纷纷表示支持，相关部门将持续推进此项工作。\n\n"
        ));
    }
    std::fs::write(dir.join(name), text).unwrap();
}

/// JSON stats count articles per tag, per month (empty months included) and per
/// issue as tagged through the store; the table shows the totals line.
#[test]
fn stats_match_sidecars() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    std::fs::create_dir_all(&dir).unwrap();
    write_issue(&dir, "2024-01-10.txt", &["社区议事会成立", "古镇修缮完工"]);
    write_issue(
        &dir,
        "2024-03-02.txt",
        &["湿地公园开园", "网格员走进小区", "新春庙会开幕"],
    );
    let corpus = Corpus::load(&dir).unwrap();
    let mut store = TagStore::open(&corpus, None);
    let t = |i: usize, a: usize| Target {
        issue: &corpus.issues[i],
        article: &corpus.issues[i].articles[a],
    };
    assert_eq!(corpus.article_count(), 5, "segmentation of the test corpus");
    assert!(
        store
            .set(&[t(0, 0), t(1, 1)], "governance", true, Source::Hand)
            .ok()
    );
    assert!(store.set(&[t(0, 1)], "heritage", true, Source::Hand).ok());
    assert!(store.set(&[t(0, 0)], "heritage", true, Source::Hand).ok());

    let home = tmp.path();
    let out = Command::from_std(Cli::in_home(home).command())
        .arg("stats")
        .arg(&dir)
        .args(["--format", "jsonl", "--issues"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["articles"], 5);
    assert_eq!(v["tagged"], 3);
    assert_eq!(v["untagged"], 2);
    assert_eq!(
        v["per_tag"],
        serde_json::json!([
            {"tag": "governance", "articles": 2},
            {"tag": "heritage", "articles": 2},
            {"tag": "environment", "articles": 0},
        ])
    );
    let months: Vec<(&str, u64, u64)> = v["per_month"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap(),
                m["articles"].as_u64().unwrap(),
                m["tagged"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        months,
        [("2024-01", 2, 2), ("2024-02", 0, 0), ("2024-03", 3, 1)]
    );
    assert_eq!(v["per_issue"][1]["tagged"], 1);

    let table = Command::from_std(Cli::in_home(home).command())
        .arg("stats")
        .arg(&dir)
        .args(["--format", "table"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(table).unwrap();
    assert!(
        table.starts_with("5 articles, 3 tagged (60.0%), 2 untagged\n"),
        "{table}"
    );
    assert!(table.contains("governance 社区治理"), "{table}");
}

/// By default `stats` is a summary (totals, per tag, per month) whatever the
/// number of issues: the per-issue lines (10,000 for 10,000 issues) come with
/// `--issues`, in the table and in the JSON.
#[test]
fn stats_summarise_unless_issues_are_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    std::fs::create_dir_all(&dir).unwrap();
    for day in 1..=28 {
        write_issue(
            &dir,
            &format!("2024-02-{day:02}.txt"),
            &["社区议事会成立", "古镇修缮完工"],
        );
    }
    let run = |args: &[&str]| {
        let out = Command::from_std(Cli::in_home(tmp.path()).command())
            .arg("stats")
            .arg(&dir)
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let summary = run(&["--format", "table"]);
    assert!(summary.starts_with("56 articles, 0 tagged"), "{summary}");
    assert!(summary.contains("2024-02"), "per month: {summary}");
    assert!(summary.contains("governance"), "per tag: {summary}");
    assert!(!summary.contains("2024-02-05.txt"), "{summary}");
    assert!(
        summary.contains("28 issues (newstag stats --issues counts each)"),
        "{summary}"
    );
    assert!(summary.lines().count() < 20, "{summary}");

    let detailed = run(&["--format", "table", "--issues"]);
    assert!(detailed.starts_with(summary.lines().next().unwrap()));
    assert_eq!(
        detailed
            .lines()
            .filter(|l| l.starts_with("2024-02-"))
            .count(),
        28,
        "{detailed}"
    );

    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "jsonl"])).unwrap();
    assert!(json.get("per_issue").is_none(), "{json}");
    let json: serde_json::Value =
        serde_json::from_str(&run(&["--format", "jsonl", "--issues"])).unwrap();
    assert_eq!(json["per_issue"].as_array().unwrap().len(), 28);
}

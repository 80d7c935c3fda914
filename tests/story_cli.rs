//! Stories across pages as a user meets them: one day's page 1 and page 3, a
//! story jumping from one to the other (`（下转第3版）` ... `（上接第一版）`), is one
//! story in `articles`, one row in the CSV export, one count in `stats`, and a
//! tag set on page 3's part shows on page 1's. A part whose page is missing
//! stands alone and says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use common::story_pages::{DAY, PAGE1, PAGE3};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A user with one day's pages 1 and 3 (or only those given) in `HOME/c/`.
fn corpus(pages: &[(&str, &str)]) -> (Cli, PathBuf) {
    let cli = Cli::new();
    let root = cli.home().join("c");
    std::fs::create_dir_all(&root).unwrap();
    for (name, text) in pages {
        std::fs::write(root.join(name), text).unwrap();
    }
    (cli, root)
}

fn articles(cli: &Cli, root: &Path) -> Vec<Value> {
    let out = cli.run(&["articles", root.to_str().unwrap(), "--format", "jsonl"]);
    assert_succeeded(&out);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn part_with<'a>(articles: &'a [Value], text: &str) -> &'a Value {
    articles
        .iter()
        .find(|a| a["body"].as_str().unwrap().contains(text))
        .unwrap_or_else(|| panic!("no article with {text}"))
}

/// Page 1 and page 3 of the story on two different days (so no jump links
/// them), and the ids of the part on each.
fn two_days_apart() -> (Cli, PathBuf, String, String) {
    let (cli, root) = corpus(&[
        ("2024-06-18_第1版.txt", PAGE1),
        ("2024-06-19_第3版.txt", PAGE3),
    ]);
    let all = articles(&cli, &root);
    let id = |text: &str| part_with(&all, text)["id"].as_str().unwrap().to_string();
    let (first, second) = (id("商铺陆续开业"), id("修缮历史建筑32栋"));
    (cli, root, first, second)
}

/// One story in `articles` (same `story`, parts 1 and 2), one row in the CSV
/// export with both pages and the whole text, one count in `stats`; a tag set
/// on page 3's part shows on page 1's.
#[test]
fn a_story_across_pages_is_one_story() {
    let (cli, root) = corpus(&DAY);
    let all = articles(&cli, &root);
    assert_eq!(all.len(), 4);
    let first = part_with(&all, "商铺陆续开业");
    let second = part_with(&all, "修缮历史建筑32栋");
    assert_eq!(first["story"], first["id"]);
    assert_eq!(second["story"], first["id"]);
    assert_eq!(first["part"], 1);
    assert_eq!(second["part"], 2);
    let other = part_with(&all, "自习区延长开放");
    assert_eq!(other["story"], other["id"]);
    assert_eq!(other["part"], 1);

    let csv = cli.run(&[
        "export",
        root.to_str().unwrap(),
        "--format",
        "csv",
        "--with-body",
    ]);
    assert_succeeded(&csv);
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3, "the story is one row");
    let story = rows
        .iter()
        .find(|r| r[col("id")] == *first["id"].as_str().unwrap())
        .unwrap();
    assert_eq!(&story[col("page")], "1+3");
    assert!(story[col("body")].contains("修缮历史建筑32栋"));

    let stats = cli.run(&["stats", root.to_str().unwrap(), "--format", "jsonl"]);
    assert_succeeded(&stats);
    let stats: Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["articles"], 3);

    let id3 = second["id"].as_str().unwrap();
    assert_succeeded(&cli.run(&["tag", root.to_str().unwrap(), id3, "+heritage"]));
    let all = articles(&cli, &root);
    assert_eq!(
        part_with(&all, "商铺陆续开业")["tags"],
        serde_json::json!(["heritage"])
    );
    assert_eq!(
        part_with(&all, "修缮历史建筑32栋")["tags"],
        serde_json::json!(["heritage"])
    );
    let stats = cli.run(&["stats", root.to_str().unwrap(), "--format", "jsonl"]);
    let stats: Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["tagged"], 1, "the story is tagged once");
    // A TOML backup keeps each part's own tags.
    let dump = cli.run(&["export", root.to_str().unwrap(), "--format", "toml"]);
    assert_succeeded(&dump);
    let dump = String::from_utf8(dump.stdout).unwrap();
    assert!(dump.contains(id3), "{dump}");
    assert!(!dump.contains(first["id"].as_str().unwrap()), "{dump}");
}

/// With page 3 missing, page 1's part stands alone and says so; a page 3 of
/// another day is not linked.
#[test]
fn a_part_whose_page_is_missing_stands_alone() {
    let (cli, root) = corpus(&[
        ("2024-06-18_第1版.txt", PAGE1),
        ("2024-06-19_第3版.txt", PAGE3),
    ]);
    let all = articles(&cli, &root);
    let first = part_with(&all, "商铺陆续开业");
    assert_eq!(first["story"], first["id"]);
    assert_eq!(first["part"], 1);
    assert!(
        first["story_note"]
            .as_str()
            .unwrap()
            .contains("continued on page 3, which is not in the corpus")
    );
    let second = part_with(&all, "修缮历史建筑32栋");
    assert_eq!(second["story"], second["id"]);
    assert!(
        second["story_note"]
            .as_str()
            .unwrap()
            .contains("continued from page 1, which is not in the corpus")
    );
    let csv = cli.run(&["export", root.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(String::from_utf8(csv.stdout).unwrap().lines().count(), 5);
}

/// `newstag story link PATH ID1 ID2` links two parts by hand (here parts of
/// two days, which no jump line links), kept as a `[[correction]]` of ID1's
/// issue: `articles`, the CSV export, `stats` and tags then see one story.
/// `story unlink PATH ID` makes a part stand alone, also a jump-linked one;
/// the latest of the two wins, and `correct --drop` takes one back.
#[test]
fn parts_are_linked_and_unlinked_by_hand() {
    let (cli, root, first, second) = two_days_apart();
    let r = root.to_str().unwrap();
    let out = cli.run(&["story", "link", r, &first[..6], &second]);
    assert_succeeded(&out);
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("linked") && said.contains("2 parts"),
        "{said}"
    );
    let sidecar = newstag::tags::sidecar::read(&root.join("2024-06-18_第1版.tags.toml"))
        .unwrap()
        .unwrap();
    assert_eq!(sidecar.corrections.len(), 1);
    let c = &sidecar.corrections[0];
    assert_eq!(c.op, Some(newstag::correct::Op::Link));
    assert_eq!(
        (c.id.as_str(), c.to_id.as_str()),
        (first.as_str(), second.as_str())
    );
    assert_eq!(c.to_issue, "2024-06-19_第3版.txt");

    let all = articles(&cli, &root);
    let two = part_with(&all, "修缮历史建筑32栋");
    assert_eq!(two["story"], first.as_str());
    assert_eq!(two["part"], 2);
    assert!(part_with(&all, "商铺陆续开业").get("story_note").is_none());
    let csv = cli.run(&["export", r, "--format", "csv"]);
    assert_eq!(
        String::from_utf8(csv.stdout).unwrap().lines().count(),
        4,
        "header and three rows: the story once"
    );
    let stats = cli.run(&["stats", r, "--format", "jsonl"]);
    let stats: Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["articles"], 3);
    assert_succeeded(&cli.run(&["tag", r, &second, "+heritage"]));
    assert_eq!(
        part_with(&articles(&cli, &root), "商铺陆续开业")["tags"],
        serde_json::json!(["heritage"])
    );
    assert_succeeded(&cli.run(&["check", r]));

    // A link the other way round would make a loop: refused.
    let out = cli.run(&["story", "link", r, &second, &first]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("loop"));

    // Unlinked: stands alone again, the sidecar keeps only the unlink.
    assert_succeeded(&cli.run(&["story", "unlink", r, &first]));
    let all = articles(&cli, &root);
    assert_eq!(
        part_with(&all, "修缮历史建筑32栋")["story"],
        second.as_str()
    );
    let sidecar = newstag::tags::sidecar::read(&root.join("2024-06-18_第1版.tags.toml"))
        .unwrap()
        .unwrap();
    assert_eq!(sidecar.corrections.len(), 1);
    assert_eq!(
        sidecar.corrections[0].op,
        Some(newstag::correct::Op::Unlink)
    );
    // Dropped: back to no link at all.
    assert_succeeded(&cli.run(&["correct", r, "2024-06-18_第1版.txt", "--drop", "1"]));
    assert_eq!(
        part_with(&articles(&cli, &root), "修缮历史建筑32栋")["story"],
        second.as_str()
    );

    // A story linked by its jump lines comes apart with unlink.
    let (cli, root) = corpus(&DAY);
    let r = root.to_str().unwrap();
    let all = articles(&cli, &root);
    let second = part_with(&all, "修缮历史建筑32栋")["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(
        part_with(&all, "修缮历史建筑32栋")["story"],
        second.as_str()
    );
    assert_succeeded(&cli.run(&["story", "unlink", r, &second]));
    let all = articles(&cli, &root);
    assert_eq!(
        part_with(&all, "修缮历史建筑32栋")["story"],
        second.as_str()
    );
    let csv = cli.run(&["export", r, "--format", "csv"]);
    assert_eq!(String::from_utf8(csv.stdout).unwrap().lines().count(), 5);
}

/// A link by hand whose other part is gone (page 3's part edited, so its id
/// changed; then page 3's file removed) is reported by `check` (and `correct
/// --list`) as stale, with its number for `correct --drop`, and kept in the
/// sidecar (issue 13).
#[test]
fn check_reports_a_link_whose_other_part_is_gone_and_keeps_it() {
    let (cli, root, first, second) = two_days_apart();
    let r = root.to_str().unwrap();
    assert_succeeded(&cli.run(&["story", "link", r, &first, &second]));
    assert_succeeded(&cli.run(&["check", r]));
    let sidecar = root.join("2024-06-18_第1版.tags.toml");
    let before = std::fs::read_to_string(&sidecar).unwrap();

    // The other part's text edited: its id is another.
    std::fs::write(
        root.join("2024-06-19_第3版.txt"),
        PAGE3.replace("32栋", "33栋"),
    )
    .unwrap();
    let out = cli.run(&["check", r]);
    let said = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{said}");
    let line = said
        .lines()
        .find(|l| l.contains("correction 1") && l.contains(&second))
        .unwrap_or_else(|| panic!("no stale link reported: {said}"));
    assert!(
        line.contains("no longer applies") && line.contains("--drop 1"),
        "{line}"
    );
    assert!(said.contains("1 stale corrections"), "{said}");
    assert_eq!(std::fs::read_to_string(&sidecar).unwrap(), before, "kept");
    // `correct --list`, where check sends the user, says so too.
    let out = cli.run(&["correct", r, "2024-06-18_第1版.txt", "--list"]);
    assert_succeeded(&out);
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed.contains("  1  story:") && listed.contains("[STALE: the part it goes on in"),
        "{listed}"
    );

    // Its issue gone altogether: still reported, still kept.
    std::fs::remove_file(root.join("2024-06-19_第3版.txt")).unwrap();
    let out = cli.run(&["check", r]);
    let said = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.lines()
            .any(|l| l.contains("correction 1") && l.contains("2024-06-19_第3版.txt")),
        "{said}"
    );
    assert_eq!(std::fs::read_to_string(&sidecar).unwrap(), before, "kept");
}

//! Settling disagreements from the command line: `newstag adjudicate` lists the
//! articles coders coded differently and settles one apart from every coder's
//! own decisions; `export --decisions settled|CODER|all` carries what was asked
//! for; `agree` with one coder says why its figures are null.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use common::files::files_below;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

/// One issue of four articles.
fn make_corpus(dir: &Path) {
    let mut text = String::new();
    for (a, topic) in ["社区治理", "古建修缮", "植树造林", "物业服务"]
        .iter()
        .enumerate()
    {
        text.push_str(&format!("# 太原推进{topic}第{a}期\n\n"));
        text.push_str(&format!(
            "本报讯 近日，太原围绕{topic}开展了一系列工作，居民普遍反映效果良好，相关负责人表示将持续推进第{a}项。\n\n"
        ));
    }
    std::fs::write(dir.join("2024-01-05_1.md"), text).unwrap();
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file below `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_below(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// id -> (tag names, `by` of each, coder of each) of a JSON Lines export.
type Exported = BTreeMap<String, Vec<(String, String, String)>>;

fn export(cli: &Cli, dir: &Path, decisions: &str) -> Exported {
    let out = cli.run(&[
        "export",
        s(dir),
        "--format",
        "jsonl",
        "--decisions",
        decisions,
    ]);
    assert_succeeded(&out);
    stdout(&out)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let tags = v["tag_details"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    (
                        t["name"].as_str().unwrap().to_string(),
                        t["by"].as_str().unwrap_or("").to_string(),
                        t["coder"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect();
            (v["id"].as_str().unwrap().to_string(), tags)
        })
        .collect()
}

fn names(e: &Exported, id: &str) -> Vec<String> {
    e[id].iter().map(|t| t.0.clone()).collect()
}

/// Two coders disagree on one article; a third settles it (twice: the latest
/// settlement counts) without touching a coder's file; the settled export takes
/// the adjudication where there is one, else what the coders agree on; a
/// coder's export takes only theirs; `all` takes every coder's tags together.
#[test]
fn adjudicate_and_export_settled_decisions() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    make_corpus(&dir);
    assert_succeeded(&cli.run(&["git-setup", s(&dir)]));
    let ids: Vec<String> = cli
        .article_tags(&dir)
        .into_iter()
        .map(|(_, id, _)| id)
        .collect();
    assert_eq!(ids.len(), 4);
    let tag = |coder: &str, id: &str, change: &str| {
        let out = cli.run(&["tag", s(&dir), id, change, "--coder", coder, "--blind"]);
        assert_succeeded(&out);
    };
    tag("wang", &ids[0], "+governance");
    tag("wang", &ids[1], "+governance");
    tag("wang", &ids[2], "+no-topic");
    tag("wang", &ids[3], "+heritage");
    tag("li", &ids[0], "+governance");
    tag("li", &ids[1], "+no-topic");
    tag("li", &ids[2], "+no-topic");

    // One coder alone: agree says why every figure is null.
    let out = cli.run(&["agree", s(&dir), "--coders", "wang", "--format", "table"]);
    assert_succeeded(&out);
    let table = stdout(&out);
    assert!(table.contains("only one coder (wang)"), "{table}");
    let out = cli.run(&["agree", s(&dir), "--coders", "wang", "--format", "jsonl"]);
    assert_succeeded(&out);
    assert!(stdout(&out).contains("\"alpha\":null"));
    assert!(
        stderr(&out).contains("only one coder (wang)"),
        "{}",
        stderr(&out)
    );
    // Two coders who coded the same articles: no such note.
    let out = cli.run(&["agree", s(&dir), "--format", "table"]);
    assert!(!stdout(&out).contains("note:"), "{}", stdout(&out));

    // The one disagreement, each coder's decision beside the other's.
    let out = cli.run(&["adjudicate", s(&dir), "--format", "jsonl"]);
    assert_succeeded(&out);
    let listed: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0]["id"], ids[1].as_str());
    assert_eq!(
        listed[0]["coders"]["wang"],
        serde_json::json!(["governance"])
    );
    assert_eq!(listed[0]["coders"]["li"], serde_json::json!([]));
    assert_eq!(listed[0]["settled"], serde_json::Value::Null);

    // Before adjudication, the settled export leaves the disputed article
    // without tags and says so.
    let out = cli.run(&[
        "export",
        s(&dir),
        "--format",
        "jsonl",
        "--decisions",
        "settled",
    ]);
    assert_succeeded(&out);
    assert!(
        stderr(&out).contains("1 article wait for adjudication"),
        "{}",
        stderr(&out)
    );

    let coders_before = snapshot(&dir.join("coders"));
    let out = cli.run(&[
        "adjudicate",
        s(&dir),
        &ids[1],
        "heritage",
        "--coder",
        "zhao",
    ]);
    assert_succeeded(&out);
    assert!(stdout(&out).contains("settled"), "{}", stdout(&out));
    let out = cli.run(&[
        "adjudicate",
        s(&dir),
        &ids[1],
        "governance",
        "--coder",
        "zhao",
    ]);
    assert_succeeded(&out);
    assert_eq!(
        snapshot(&dir.join("coders")),
        coders_before,
        "adjudicating never changes a coder's sidecars"
    );
    // The settled decision, read back from its own sidecar.
    let sidecar = dir.join("adjudicated/zhao/2024-01-05_1.tags.toml");
    let text = std::fs::read_to_string(&sidecar).unwrap();
    assert!(text.contains("name = \"governance\""), "{text}");
    assert!(text.contains("by = \"adjudicated\""), "{text}");
    assert!(text.contains("coder = \"zhao\""), "{text}");
    assert!(
        !text.contains("heritage"),
        "the first settlement was replaced: {text}"
    );

    let out = cli.run(&["adjudicate", s(&dir), "--format", "table", "--all"]);
    assert_succeeded(&out);
    let table = stdout(&out);
    assert!(
        table.contains("0 disagreements to settle, 1 settled"),
        "{table}"
    );
    assert!(table.contains("=> settled by zhao"), "{table}");

    let settled = export(&cli, &dir, "settled");
    assert_eq!(names(&settled, &ids[0]), ["governance"]);
    assert_eq!(settled[&ids[0]][0].1, "agreed");
    assert_eq!(settled[&ids[0]][0].2, "li+wang");
    assert_eq!(
        settled[&ids[1]],
        [(
            "governance".to_string(),
            "adjudicated".to_string(),
            "zhao".to_string()
        )]
    );
    assert_eq!(names(&settled, &ids[2]), ["no-topic"]);
    assert_eq!(
        names(&settled, &ids[3]),
        ["heritage"],
        "one coder: undisputed"
    );

    let li = export(&cli, &dir, "li");
    assert_eq!(names(&li, &ids[0]), ["governance"]);
    assert_eq!(names(&li, &ids[1]), ["no-topic"]);
    assert!(names(&li, &ids[3]).is_empty());

    let all = export(&cli, &dir, "all");
    assert_eq!(names(&all, &ids[1]), ["governance", "no-topic"]);

    // A coder nobody knows is named, with the coders there are.
    let out = cli.run(&["export", s(&dir), "--decisions", "zhang"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("\"zhang\""), "{}", stderr(&out));
    assert!(stderr(&out).contains("li, wang"), "{}", stderr(&out));
    // The long table of one coder holds only that coder's rows.
    let out = cli.run(&["export", s(&dir), "--format", "long", "--decisions", "li"]);
    assert_succeeded(&out);
    let long = stdout(&out);
    assert!(long.lines().skip(1).all(|l| l.contains(",li,")), "{long}");

    // The adjudicator's folder is no stray sidecar for check.
    let out = cli.run(&["check", s(&dir)]);
    assert_succeeded(&out);
    // An unknown tag is refused, naming the known ones; nothing is written.
    let out = cli.run(&["adjudicate", s(&dir), &ids[2], "bogus", "--coder", "zhao"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown tag \"bogus\""),
        "{}",
        stderr(&out)
    );
}

/// Adjudication needs each coder's decisions apart (the team layout).
#[test]
fn adjudication_needs_the_team_layout() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    make_corpus(&dir);
    let id = cli.article_tags(&dir)[0].1.clone();
    let out = cli.run(&["adjudicate", s(&dir), &id, "governance", "--coder", "zhao"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("git-setup"), "{}", stderr(&out));
    assert!(!dir.join("adjudicated").exists());
}

/// `check` reads the codebook: an entry for a tag the vocabulary lacks and an
/// anchor id no article has are problems; a codebook that does not parse is
/// named with its line.
#[test]
fn check_reads_the_codebook() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    make_corpus(&dir);
    let id = cli.article_tags(&dir)[0].1.clone();
    let book = dir.join("codebook.toml");
    std::fs::write(
        &book,
        format!("version = 1\n[[tag]]\nname = \"governance\"\nanchors = [\"{id}\"]\n"),
    )
    .unwrap();
    assert_succeeded(&cli.run(&["check", s(&dir)]));
    std::fs::write(
        &book,
        format!(
            "version = 1\n[[tag]]\nname = \"governance\"\nanchors = [\"{id}\", \"0000deadbeef\"]\n[[tag]]\nname = \"sport\"\n"
        ),
    )
    .unwrap();
    let out = cli.run(&["check", s(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("no article has the anchor id 0000deadbeef"),
        "{text}"
    );
    assert!(
        text.contains("tag \"sport\" has an entry but is not in the vocabulary"),
        "{text}"
    );
    assert!(text.contains("2 codebook problems"), "{text}");
    std::fs::write(&book, "version = 1\n[[tag]]\nnom = \"x\"\n").unwrap();
    let out = cli.run(&["check", s(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("codebook.toml:3:"),
        "{}",
        stdout(&out)
    );
}

/// Each decision records the codebook version it was made under (read back
/// from the sidecar); after a definition changes, `check` lists the decisions
/// made under the older one, and not those made since.
#[test]
fn decisions_record_the_codebook_version() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    make_corpus(&dir);
    assert_succeeded(&cli.run(&["git-setup", s(&dir)]));
    let ids: Vec<String> = cli
        .article_tags(&dir)
        .into_iter()
        .map(|(_, id, _)| id)
        .collect();
    let book = dir.join("codebook.toml");
    std::fs::write(
        &book,
        "version = 1\n[[tag]]\nname = \"governance\"\nchanged = 1\n",
    )
    .unwrap();
    let tag = |coder: &str, id: &str| {
        let out = cli.run(&["tag", s(&dir), id, "+governance", "--coder", coder]);
        assert_succeeded(&out);
    };
    tag("wang", &ids[0]);
    let read = |coder: &str| {
        let path = dir.join(format!("coders/{coder}/2024-01-05_1.tags.toml"));
        newstag::tags::sidecar::read(&path).unwrap().unwrap()
    };
    let wang = read("wang");
    assert_eq!(wang.articles[0].tags["governance"].codebook, 1);
    assert_succeeded(&cli.run(&["check", s(&dir)]));

    std::fs::write(
        &book,
        "version = 2\n[[tag]]\nname = \"governance\"\nchanged = 2\n",
    )
    .unwrap();
    tag("li", &ids[1]);
    assert_eq!(read("li").articles[0].tags["governance"].codebook, 2);
    let out = cli.run(&["check", s(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let older: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("its definition changed in v2"))
        .collect();
    assert_eq!(older.len(), 1, "{text}");
    assert!(older[0].contains(&ids[0]), "{text}");
    assert!(
        older[0].contains("by wang (hand) was decided under codebook v1"),
        "{text}"
    );
    assert!(
        text.contains("1 decisions under an older definition"),
        "{text}"
    );
    // Re-deciding under the new definition clears it.
    let out = cli.run(&["tag", s(&dir), &ids[0], "-governance", "--coder", "wang"]);
    assert_succeeded(&out);
    tag("wang", &ids[0]);
    assert_eq!(read("wang").articles[0].tags["governance"].codebook, 2);
    assert_succeeded(&cli.run(&["check", s(&dir)]));
    // The long table carries each decision's codebook version.
    let out = cli.run(&["export", s(&dir), "--format", "long"]);
    let long = stdout(&out);
    assert!(
        long.starts_with("issue,date,id,title,coder,tag,value,by,at,codebook"),
        "{long}"
    );
    assert!(
        long.lines().any(|l| l.contains(&ids[1])
            && l.contains(",li,governance,1,hand,")
            && l.ends_with(",2")),
        "{long}"
    );
}

/// A TOML dump carries the codebook version of each decision (`codebook = 2`
/// in its tag line), and `import` puts it back: the restored sidecar records
/// the version the decision was made under, not none (issue 15).
#[test]
fn a_dump_carries_codebook_versions_through_import() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    make_corpus(&dir);
    std::fs::write(
        dir.join("codebook.toml"),
        "version = 2\n[[tag]]\nname = \"governance\"\nchanged = 2\n",
    )
    .unwrap();
    let ids: Vec<String> = cli
        .article_tags(&dir)
        .into_iter()
        .map(|(_, id, _)| id)
        .collect();
    let out = cli.run(&["tag", s(&dir), &ids[0], "+governance", "--coder", "wang"]);
    assert_succeeded(&out);
    let dump = tmp.path().join("dump.toml");
    assert_succeeded(&cli.run(&[
        "export",
        s(&dir),
        "--format",
        "toml",
        "-o",
        dump.to_str().unwrap(),
    ]));
    let text = std::fs::read_to_string(&dump).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("name = \"governance\""))
        .unwrap_or_else(|| panic!("no governance tag: {text}"));
    assert!(line.contains("codebook = 2"), "{line}");

    // Restored into a fresh copy of the corpus (no codebook there).
    let fresh = tmp.path().join("fresh");
    std::fs::create_dir(&fresh).unwrap();
    make_corpus(&fresh);
    assert_succeeded(&cli.run(&["import", dump.to_str().unwrap(), s(&fresh)]));
    let sidecar = newstag::tags::sidecar::read(&fresh.join("2024-01-05_1.tags.toml"))
        .unwrap()
        .unwrap();
    let mark = &sidecar.articles[0].tags["governance"];
    assert_eq!((mark.codebook, mark.coder.as_str()), (2, "wang"));
}

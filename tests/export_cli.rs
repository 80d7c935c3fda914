//! `newstag export` and `newstag import` run as the real binary on a corpus in a
//! temp folder with tags saved through the tag store; the exports are read back
//! with real consumers (the csv crate, serde_json, toml) and compared with the
//! sidecars.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use assert_cmd::Command;
use common::cli::Cli;
use newstag::corpus::Corpus;
use newstag::tags::{Source, TagStore, Target};
use std::collections::BTreeMap;
use std::path::Path;

const ISSUE_A: &str = "老旧小区改造，\"加装电梯\",居民点赞

本报讯 记者李明报道：今年以来，城区启动老旧小区改造工程，社区网格员上门征求居民意见，物业公司配合施工。

截至目前，已有十二个小区完成加装电梯，居民反映良好。

古建筑修缮保护工程启动

本报讯 文物部门近日启动古建筑修缮工程，对传统村落中的明清民居进行保护修复，非遗传承人参与其中。

修缮工作预计明年完成，届时将向公众开放参观。

河道治理见成效

本报讯 今年全市推进河长制，黑臭水体治理取得明显成效，水质持续改善，湿地面积逐年增加。
";

const ISSUE_B: &str = "垃圾分类进社区

本报讯 街道组织志愿者走进小区，向居民宣传垃圾分类知识，发放分类垃圾桶。

居民纷纷表示，将从自身做起，养成分类投放的好习惯。

博物馆新展开幕

本报讯 市博物馆新展今日开幕，展出青铜器、碑刻拓片等文物二百余件。
";

fn write_corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("2024")).unwrap();
    std::fs::write(dir.join("2024/2024-03-01_A3.txt"), ISSUE_A).unwrap();
    std::fs::write(dir.join("2024/2024-05-20_2.txt"), ISSUE_B).unwrap();
}

/// Tag the corpus at `dir` through the store: some articles one tag, one two tags
/// (one of them not in the vocabulary), the rest none.
fn tag_corpus(dir: &Path) -> Corpus {
    let corpus = Corpus::load(dir).unwrap();
    let mut store = TagStore::open(&corpus, None);
    let all: Vec<Target> = corpus
        .issues
        .iter()
        .flat_map(|i| {
            i.articles.iter().map(move |a| Target {
                issue: i,
                article: a,
            })
        })
        .collect();
    assert!(all.len() >= 3, "the test corpus has too few articles");
    assert!(store.set(&all[0..1], "governance", true, Source::Hand).ok());
    assert!(
        store
            .set(&all[0..1], "城市更新", true, Source::Suggestion)
            .ok()
    );
    assert!(store.set(&all[1..2], "heritage", true, Source::Hand).ok());
    assert!(
        store
            .set(&all[all.len() - 1..], "heritage", true, Source::Hand)
            .ok()
    );
    corpus
}

/// The binary as a user whose HOME (config, cache, data) is `home`.
fn newstag(home: &Path) -> Command {
    Command::from_std(Cli::in_home(home).command())
}

/// Tags of every article as the sidecar files on disk hold them, read with the
/// generic toml crate: (issue, id) -> names, every article of the corpus listed.
fn tags_on_disk(dir: &Path) -> BTreeMap<(String, String), Vec<String>> {
    let corpus = Corpus::load(dir).unwrap();
    let mut out = BTreeMap::new();
    for i in &corpus.issues {
        for a in i.articles.iter() {
            out.insert((i.rel.clone(), a.id.clone()), Vec::new());
        }
        let sidecar = i.path.with_file_name(format!(
            "{}.tags.toml",
            i.path.file_stem().unwrap().to_string_lossy()
        ));
        let Ok(text) = std::fs::read_to_string(&sidecar) else {
            continue;
        };
        let table: toml::Table = toml::from_str(&text).unwrap();
        for a in table["article"].as_array().unwrap() {
            let id = a["id"].as_str().unwrap().to_string();
            let mut names: Vec<String> = a["tags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["name"].as_str().unwrap().to_string())
                .collect();
            names.sort();
            let slot = out
                .get_mut(&(i.rel.clone(), id))
                .expect("sidecar id is an article");
            *slot = names;
        }
    }
    out
}

/// The CSV export (file and stdout) has one row per article, whose tag columns
/// and `tags` field match the sidecars, read back with the csv crate; the Excel
/// variant is the same after its BOM.
#[test]
fn csv_export_matches_sidecars() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus_dir = tmp.path().join("corpus");
    write_corpus(&corpus_dir);
    let corpus = tag_corpus(&corpus_dir);
    let expected = tags_on_disk(&corpus_dir);

    let out = tmp.path().join("out.csv");
    newstag(tmp.path())
        .arg("export")
        .arg(&corpus_dir)
        .arg("--output")
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "issue",
            "date",
            "page",
            "id",
            "index",
            "kind",
            "title",
            "byline",
            "tags",
            "tag_governance",
            "tag_heritage",
            "tag_environment",
            "tag_城市更新",
            "note"
        ]
    );
    let mut seen = 0;
    for (rec, (issue, article)) in r.records().zip(
        corpus
            .issues
            .iter()
            .flat_map(|i| i.articles.iter().map(move |a| (i, a))),
    ) {
        let rec = rec.unwrap();
        seen += 1;
        assert_eq!(&rec[0], issue.rel);
        assert_eq!(&rec[3], article.id);
        assert_eq!(&rec[6], article.title);
        let want = &expected[&(issue.rel.clone(), article.id.clone())];
        let got: Vec<String> = if rec[8].is_empty() {
            vec![]
        } else {
            rec[8].split(';').map(String::from).collect()
        };
        assert_eq!(&got, want, "tags of {}", article.id);
        for (col, name) in header.iter().enumerate().skip(9) {
            let Some(tag) = name.strip_prefix("tag_") else {
                assert_eq!(&rec[col], "", "no memo");
                continue;
            };
            let on = want.iter().any(|t| t == tag);
            assert_eq!(&rec[col], if on { "1" } else { "0" });
        }
    }
    assert_eq!(seen, corpus.article_count());
    assert!(
        text.contains("\"老旧小区改造，\"\"加装电梯\"\",居民点赞\""),
        "the title with a comma and quotes is quoted as RFC 4180 says"
    );
    assert_eq!(corpus.issues[0].date.as_deref(), Some("2024-03-01"));

    // Standard output and --excel give the same table.
    let stdout = newstag(tmp.path())
        .arg("export")
        .arg(&corpus_dir)
        .args(["--format", "csv", "--excel"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let stdout = String::from_utf8(stdout).unwrap();
    assert_eq!(stdout.strip_prefix('\u{feff}'), Some(text.as_str()));
}

/// --output refuses to overwrite a file without --force and leaves it intact.
#[test]
fn output_refuses_to_overwrite_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus_dir = tmp.path().join("corpus");
    write_corpus(&corpus_dir);
    let out = tmp.path().join("keep.csv");
    std::fs::write(&out, "my analysis").unwrap();
    let assert = newstag(tmp.path())
        .arg("export")
        .arg(&corpus_dir)
        .arg("-o")
        .arg(&out)
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "my analysis");
    newstag(tmp.path())
        .arg("export")
        .arg(&corpus_dir)
        .arg("-o")
        .arg(&out)
        .arg("--force")
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("issue,"));
}

/// JSONL lines are the `articles` records plus how each tag was set; --tagged-only
/// keeps only tagged articles and --with-body adds the text.
#[test]
fn jsonl_export_carries_tag_details() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus_dir = tmp.path().join("corpus");
    write_corpus(&corpus_dir);
    let corpus = tag_corpus(&corpus_dir);
    let store = TagStore::open(&corpus, None);
    let out = tmp.path().join("tags.jsonl");
    newstag(tmp.path())
        .arg("export")
        .arg(&corpus_dir)
        .args(["--tagged-only", "--with-body", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "three tagged articles");
    for v in &lines {
        let issue = v["issue"].as_str().unwrap();
        let id = v["id"].as_str().unwrap();
        let marks = store.tags_of(issue, id).unwrap();
        let names: Vec<&str> = marks.keys().map(String::as_str).collect();
        assert_eq!(v["tags"], serde_json::json!(names));
        let details = v["tag_details"].as_array().unwrap();
        assert_eq!(details.len(), marks.len());
        for d in details {
            let mark = &marks[d["name"].as_str().unwrap()];
            assert_eq!(d["by"], mark.by.as_str());
            assert_eq!(d["at"], mark.at.as_str());
        }
        let article = corpus
            .issues
            .iter()
            .flat_map(|i| i.articles.iter())
            .find(|a| a.id == id)
            .unwrap();
        assert_eq!(v["body"], article.body());
    }
    let first = &lines[0];
    assert_eq!(first["tag_details"][1]["by"], "suggestion");
}

/// `import` of an `export --format toml` restores the same tags, with when and how
/// they were set, into a fresh copy of the corpus.
#[test]
fn toml_dump_restores_into_fresh_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus_dir = tmp.path().join("corpus");
    write_corpus(&corpus_dir);
    let corpus = tag_corpus(&corpus_dir);
    let dump = tmp.path().join("backup.toml");
    newstag(tmp.path())
        .arg("export")
        .arg(&corpus_dir)
        .arg("-o")
        .arg(&dump)
        .assert()
        .success();
    // A generic TOML reader accepts the dump.
    let value: toml::Table = toml::from_str(&std::fs::read_to_string(&dump).unwrap()).unwrap();
    assert_eq!(value["issue"].as_array().unwrap().len(), 2);

    let fresh = tmp.path().join("fresh");
    write_corpus(&fresh);
    assert!(tags_on_disk(&fresh).values().all(Vec::is_empty));
    newstag(tmp.path())
        .arg("import")
        .arg(&dump)
        .arg(&fresh)
        .assert()
        .success();
    assert_eq!(tags_on_disk(&fresh), tags_on_disk(&corpus_dir));
    let old = TagStore::open(&corpus, None);
    let new_corpus = Corpus::load(&fresh).unwrap();
    let new = TagStore::open(&new_corpus, None);
    for i in &corpus.issues {
        for a in i.articles.iter() {
            assert_eq!(new.tags_of(&i.rel, &a.id), old.tags_of(&i.rel, &a.id));
        }
    }
    // Importing again changes nothing.
    let again = newstag(tmp.path())
        .arg("import")
        .arg(&dump)
        .arg(&fresh)
        .assert()
        .success();
    let msg = String::from_utf8_lossy(&again.get_output().stdout).into_owned();
    assert!(msg.contains("imported 0 tags (4 already set)"), "{msg}");
}

/// A dump naming an issue the corpus lacks is reported and import exits non-zero.
#[test]
fn import_reports_missing_issue() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus_dir = tmp.path().join("corpus");
    write_corpus(&corpus_dir);
    let dump = tmp.path().join("d.toml");
    std::fs::write(
        &dump,
        "newstag_dump = 1\n[[issue]]\nissue = \"gone.txt\"\n[[issue.article]]\nid = \"aaaaaaaaaaaa\"\ntitle = \"x\"\ntags = [{ name = \"heritage\", at = \"2026-01-01T00:00:00Z\", by = \"hand\" }]\n",
    )
    .unwrap();
    let assert = newstag(tmp.path())
        .arg("import")
        .arg(&dump)
        .arg(&corpus_dir)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(err.contains("gone.txt: not in the corpus"), "{err}");
}

/// --query exports only the articles the search language matches: a tag filter
/// and a word of a title.
#[test]
fn query_limits_the_export() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus_dir = tmp.path().join("corpus");
    write_corpus(&corpus_dir);
    let corpus = tag_corpus(&corpus_dir);
    let store = TagStore::open(&corpus, None);
    let ids = |query: &str| -> Vec<String> {
        let out = newstag(tmp.path())
            .arg("export")
            .arg(&corpus_dir)
            .args(["--format", "jsonl", "--query", query])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let heritage: Vec<String> = corpus
        .issues
        .iter()
        .flat_map(|i| i.articles.iter().map(move |a| (i, a)))
        .filter(|(i, a)| store.has_tag(&i.rel, &a.id, "heritage"))
        .map(|(_, a)| a.id.clone())
        .collect();
    assert_eq!(heritage.len(), 2);
    assert_eq!(ids("tag:heritage"), heritage);
    let museum: Vec<String> = corpus
        .issues
        .iter()
        .flat_map(|i| i.articles.iter())
        .filter(|a| a.title.contains("博物馆"))
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(museum.len(), 1);
    assert!(ids("博物馆新展").contains(&museum[0]));
    // A malformed query is an error, not an export of everything.
    newstag(tmp.path())
        .arg("export")
        .arg(&corpus_dir)
        .args(["--query", "tag:"])
        .assert()
        .failure();
}

/// An export is as readable as any file the user writes: with umask 022 a new one
/// is 0644, and `--force` over one that was 0640 (or 0664) keeps that mode.
#[cfg(unix)]
#[test]
fn export_modes_follow_umask_and_survive_force() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let corpus_dir = tmp.path().join("corpus");
    write_corpus(&corpus_dir);
    let out = tmp.path().join("shared.csv");
    let cli = Cli::in_home(tmp.path());
    let export = |force: bool| {
        let mut cmd = cli.command_with_umask(0o022);
        cmd.arg("export").arg(&corpus_dir).arg("-o").arg(&out);
        if force {
            cmd.arg("--force");
        }
        let run = cmd.output().unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(std::fs::read_to_string(&out).unwrap().starts_with("issue,"));
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o7777
    };
    assert_eq!(export(false), 0o644, "new export");
    for wanted in [0o640, 0o664] {
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(wanted)).unwrap();
        assert_eq!(export(true), wanted, "--force over a {wanted:o} export");
    }
}

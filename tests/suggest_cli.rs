//! `newstag suggest` as a user runs it: what it prints, its filters, and how the
//! suggestions change once the user has tagged enough articles.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;
use crate::suggest_fixture;

use common::cli::{Cli, assert_succeeded};
use serde_json::Value;

/// The jsonl records of `newstag suggest ARGS`.
fn suggest(cli: &Cli, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["suggest"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "jsonl"]);
    let out = cli.run(&all);
    assert_succeeded(&out);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn by_title<'a>(records: &'a [Value], title: &str) -> &'a Value {
    records
        .iter()
        .find(|r| r["title"] == title)
        .unwrap_or_else(|| panic!("no article {title}"))
}

fn tags_of(record: &Value) -> Vec<&str> {
    record["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["tag"].as_str().unwrap())
        .collect()
}

fn setup() -> (tempfile::TempDir, Cli) {
    let corpus = tempfile::tempdir().unwrap();
    suggest_fixture::write_corpus(corpus.path(), 4);
    (corpus, Cli::new())
}

/// jsonl has one record per article with id, issue, title and scored suggestions
/// whose words are the keywords found; unrelated news gets none.
#[test]
fn jsonl_lists_every_article_with_its_suggestions() {
    let (corpus, cli) = setup();
    let records = suggest(&cli, &[corpus.path().to_str().unwrap()]);
    assert_eq!(records.len(), 16);
    for r in &records {
        assert_eq!(r["id"].as_str().unwrap().len(), 12, "{r}");
        assert!(r["issue"].as_str().unwrap().ends_with(".txt"), "{r}");
        for s in r["suggestions"].as_array().unwrap() {
            let score = s["score"].as_f64().unwrap();
            assert!((0.35..=1.0).contains(&score), "{s}");
            assert!(!s["words"].as_array().unwrap().is_empty(), "{s}");
        }
    }
    let smog = by_title(&records, "重污染天气应急响应启动");
    assert_eq!(tags_of(smog), ["environment"]);
    let words = &smog["suggestions"][0]["words"];
    assert!(
        words
            .as_array()
            .unwrap()
            .contains(&Value::from("重污染天气")),
        "{words}"
    );
    assert_eq!(
        tags_of(by_title(&records, "古建筑修缮工程完工")),
        ["heritage"]
    );
    assert_eq!(
        tags_of(by_title(&records, "网格员走访老旧小区")),
        ["governance"]
    );
    assert!(tags_of(by_title(&records, "中学生篮球联赛开幕")).is_empty());
}

/// `--min-score` drops weaker suggestions, listed ids restrict the output, and an
/// unknown id is an error that names it.
#[test]
fn min_score_and_ids_filter_the_output() {
    let (corpus, cli) = setup();
    let path = corpus.path().to_str().unwrap();
    let all = suggest(&cli, &[path, "--min-score", "0"]);
    let strict = suggest(&cli, &[path, "--min-score", "0.9"]);
    let count = |rs: &[Value]| -> usize {
        rs.iter()
            .map(|r| r["suggestions"].as_array().unwrap().len())
            .sum()
    };
    assert!(
        count(&strict) < count(&all),
        "{} {}",
        count(&strict),
        count(&all)
    );
    assert!(strict.iter().all(|r| {
        r["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["score"].as_f64().unwrap() >= 0.9)
    }));
    let id = by_title(&all, "湿地公园生态修复见成效")["id"]
        .as_str()
        .unwrap();
    let one = suggest(&cli, &[path, id]);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["id"], id);
    let out = cli.run(&["suggest", path, "feedfacecafe"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("feedfacecafe"));
}

/// After the user tags enough articles (suggest.learn_after), a tag without
/// keywords is suggested for untagged articles like the ones they tagged.
#[test]
fn tagging_articles_teaches_suggestions_for_similar_ones() {
    let (corpus, cli) = setup();
    let path = corpus.path().to_str().unwrap();
    cli.write_config("[suggest]\nlearn_after = 10\n\n[[tag]]\nname = \"transport\"\nkey = \"4\"\n");
    let before = suggest(&cli, &[path]);
    assert!(before.iter().all(|r| !tags_of(r).contains(&"transport")));
    let id = |title: &str| by_title(&before, title)["id"].as_str().unwrap().to_string();
    let tag = |ids: &[String], op: &str| {
        let mut args = vec!["tag".to_string(), path.to_string()];
        args.extend(ids.iter().cloned());
        args.push(op.to_string());
        let out = cli.command().args(&args).output().unwrap();
        assert_succeeded(&out);
    };
    let taught: Vec<String> = suggest_fixture::TRANSPORT[..3]
        .iter()
        .map(|(t, _)| id(t))
        .collect();
    tag(&taught, "+transport");
    let gov: Vec<String> = suggest_fixture::GOVERNANCE
        .iter()
        .map(|(t, _)| id(t))
        .collect();
    tag(&gov, "+governance");
    let her: Vec<String> = suggest_fixture::HERITAGE
        .iter()
        .map(|(t, _)| id(t))
        .collect();
    tag(&her, "+heritage");
    let env: Vec<String> = suggest_fixture::ENVIRONMENT
        .iter()
        .map(|(t, _)| id(t))
        .collect();
    // Nine decisions: one short of learn_after, nothing learned yet.
    tag(&env[..1], "+environment");
    let short = suggest(&cli, &[path]);
    assert!(short.iter().all(|r| !tags_of(r).contains(&"transport")));
    tag(&env[1..], "+environment");
    let after = suggest(&cli, &[path]);
    for (title, _) in &suggest_fixture::TRANSPORT[3..] {
        let r = by_title(&after, title);
        assert!(tags_of(r).contains(&"transport"), "{r}");
    }
    for (title, _) in &suggest_fixture::PLAIN {
        assert!(!tags_of(by_title(&after, title)).contains(&"transport"));
    }
}

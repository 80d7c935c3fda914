//! `sample:NAME` in queries: search, tag --query, export --query and sample
//! --query work on a reliability sample's articles only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use std::collections::BTreeSet;
use std::path::Path;

/// Three monthly issues of six articles each.
fn make_corpus(dir: &Path) {
    let places = ["太原", "大同", "运城", "晋中", "长治", "临汾"];
    for (m, month) in ["01", "02", "03"].iter().enumerate() {
        let mut text = String::new();
        for (a, place) in places.iter().enumerate() {
            text.push_str(&format!("# {place}推进社区治理第{m}{a}期\n\n"));
            text.push_str(&format!(
                "本报讯 近日，{place}围绕社区治理开展了一系列工作，居民普遍反映效果良好，第{m}{a}项。\n\n"
            ));
        }
        std::fs::write(dir.join(format!("2024-{month}-05_1.md")), text).unwrap();
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The ids of a sample file.
fn members(path: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

/// The ids `newstag search` (or export) prints as JSON lines.
fn ids(out: &std::process::Output) -> BTreeSet<String> {
    assert_succeeded(out);
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn queries_restricted_to_a_sample() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    make_corpus(&dir);
    let out = cli.run(&[
        "sample",
        s(&dir),
        "pilot",
        "--n",
        "2",
        "--per",
        "month",
        "--seed",
        "3",
    ]);
    assert_succeeded(&out);
    let pilot = members(&dir.join("samples/pilot.tsv"));
    assert_eq!(pilot.len(), 6);
    let all: BTreeSet<String> = cli
        .article_tags(&dir)
        .into_iter()
        .map(|(_, id, _)| id)
        .collect();
    let search = |q: &[&str]| {
        let mut args = vec![
            "search",
            "--in",
            s(&dir),
            "--limit",
            "0",
            "--format",
            "jsonl",
        ];
        args.extend_from_slice(q);
        ids(&cli.run(&args))
    };
    assert_eq!(search(&["sample:pilot"]), pilot);
    assert_eq!(search(&["sample:pilot", "社区治理"]), pilot);
    let rest: BTreeSet<String> = all.difference(&pilot).cloned().collect();
    assert_eq!(search(&["!sample:pilot"]), rest);
    // A sample's membership is no tag: untagged members are untagged.
    assert_eq!(search(&["sample:pilot", "untagged"]), pilot);

    // A sample the corpus lacks is an error naming the ones it has.
    let out = cli.run(&["search", "--in", s(&dir), "sample:nosuch"]);
    assert_eq!(out.status.code(), Some(2));
    let err =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(
        err.contains("no sample `nosuch`") && err.contains("pilot"),
        "{err}"
    );

    // tag --query tags exactly the sample's articles.
    let out = cli.run(&[
        "tag",
        s(&dir),
        "--query",
        "sample:pilot",
        "+governance",
        "--yes",
    ]);
    assert_succeeded(&out);
    let tagged: BTreeSet<String> = cli
        .article_tags(&dir)
        .into_iter()
        .filter(|(_, _, tags)| tags.iter().any(|t| t == "governance"))
        .map(|(_, id, _)| id)
        .collect();
    assert_eq!(tagged, pilot);
    assert!(search(&["sample:pilot", "untagged"]).is_empty());

    // export --query: the sample's rows only.
    let out = cli.run(&[
        "export",
        s(&dir),
        "--format",
        "jsonl",
        "--query",
        "sample:pilot",
    ]);
    assert_eq!(ids(&out), pilot);
    let out = cli.run(&["export", s(&dir), "--query", "sample:nosuch"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no sample `nosuch`"));

    // A sample drawn among another's articles.
    let out = cli.run(&[
        "sample",
        s(&dir),
        "sub",
        "--n",
        "3",
        "--query",
        "sample:pilot",
    ]);
    assert_succeeded(&out);
    let sub = members(&dir.join("samples/sub.tsv"));
    assert_eq!(sub.len(), 3);
    assert!(sub.is_subset(&pilot), "{sub:?} {pilot:?}");
}

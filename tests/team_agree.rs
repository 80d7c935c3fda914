//! A reliability study from the command line: draw a sample, two coders code it
//! blind, `agree` reports the figures computed by hand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use std::path::Path;

/// Three monthly issues of six articles each.
fn make_corpus(dir: &Path) {
    let places = ["太原", "大同", "运城", "晋中", "长治", "临汾"];
    let topics = [
        "社区治理",
        "垃圾分类",
        "古建修缮",
        "植树造林",
        "物业服务",
        "文物普查",
    ];
    for (m, month) in ["01", "02", "03"].iter().enumerate() {
        let mut text = String::new();
        for (a, place) in places.iter().enumerate() {
            let topic = topics[(a + m) % topics.len()];
            text.push_str(&format!("# {place}推进{topic}第{m}{a}期\n\n"));
            text.push_str(&format!(
                "本报讯 近日，{place}围绕{topic}开展了一系列工作，居民普遍反映效果良好，相关负责人表示将持续推进第{m}{a}项。\n\n"
            ));
        }
        std::fs::write(dir.join(format!("2024-{month}-05_1.md")), text).unwrap();
    }
}

/// `(id, issue)` of the members of a sample file.
fn members(path: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let mut f = l.split('\t');
            (f.next().unwrap().to_string(), f.next().unwrap().to_string())
        })
        .collect()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A sample drawn per month is saved in the corpus, the same seed draws it
/// again, an existing sample is not replaced without --force; two coders code
/// it blind and `agree --sample` reports kappa and alpha as computed by hand.
#[test]
fn sample_code_blind_and_agree() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let dir = tmp.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    make_corpus(&dir);
    assert_succeeded(&cli.run(&["git-setup", s(&dir)]));

    let out = cli.run(&[
        "sample",
        s(&dir),
        "pilot",
        "--n",
        "2",
        "--per",
        "month",
        "--seed",
        "7",
    ]);
    assert_succeeded(&out);
    let file = dir.join("samples/pilot.tsv");
    let drawn = members(&file);
    assert_eq!(drawn.len(), 6, "two from each of three months");
    for month in ["2024-01", "2024-02", "2024-03"] {
        assert_eq!(
            drawn.iter().filter(|(_, i)| i.starts_with(month)).count(),
            2
        );
    }
    let out = cli.run(&[
        "sample",
        s(&dir),
        "pilot",
        "--n",
        "2",
        "--per",
        "month",
        "--seed",
        "7",
    ]);
    assert!(!out.status.success(), "an existing sample is kept");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    let out = cli.run(&[
        "sample",
        s(&dir),
        "pilot",
        "--n",
        "2",
        "--per",
        "month",
        "--seed",
        "7",
        "--force",
    ]);
    assert_succeeded(&out);
    assert_eq!(members(&file), drawn, "the same seed draws the same sample");
    // An article outside the sample, coded by both, does not count.
    let all = cli.article_tags(&dir);
    let outside = all
        .iter()
        .find(|(_, id, _)| !drawn.iter().any(|(d, _)| d == id))
        .unwrap();

    // governance: wang 1 1 0 0 1 0, li 1 0 0 0 1 0; the rest "no topic".
    let wang = [true, true, false, false, true, false];
    let li = [true, false, false, false, true, false];
    for (coder, codes) in [("wang", wang), ("li", li)] {
        for ((id, _), on) in drawn.iter().zip(codes) {
            let change = if on { "+governance" } else { "+no-topic" };
            let out = cli.run(&["tag", s(&dir), id, change, "--coder", coder, "--blind"]);
            assert_succeeded(&out);
        }
        let out = cli.run(&["tag", s(&dir), &outside.1, "+heritage", "--coder", coder]);
        assert_succeeded(&out);
    }
    // Blind, li does not see wang's tag on the article only wang tagged.
    let out = cli
        .command()
        .args([
            "articles",
            s(&dir),
            "--format",
            "jsonl",
            "--blind",
            "--coder",
            "li",
        ])
        .output()
        .unwrap();
    assert_succeeded(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    let second = text.lines().find(|l| l.contains(&drawn[1].0)).unwrap();
    assert!(second.contains("\"tags\":[\"no-topic\"]"), "{second}");

    let out = cli.run(&["agree", s(&dir), "--sample", "pilot", "--format", "jsonl"]);
    assert_succeeded(&out);
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let gov = rows.iter().find(|r| r["tag"] == "governance").unwrap();
    // By hand: 6 units, p_o = 5/6, p_e = 3/6 * 2/6 + 3/6 * 4/6 = 1/2, kappa = 2/3;
    // 12 values, five 1s, seven 0s, one disagreeing unit (o_10 = o_01 = 1):
    // alpha = 1 - 11 * 2 / (2 * 5 * 7) = 24/35.
    assert_eq!(gov["units"], 6);
    assert_eq!(gov["coders"], 2);
    assert_eq!(gov["agreement"], 0.8333);
    assert_eq!(gov["kappa"], 0.6667);
    assert_eq!(gov["alpha"], 0.6857);
    let (lo, hi) = (
        gov["alpha_low"].as_f64().unwrap(),
        gov["alpha_high"].as_f64().unwrap(),
    );
    assert!(lo <= 0.6857 && 0.6857 <= hi, "{lo} {hi}");
    // heritage was set only outside the sample: no variation in it, alpha null.
    let heritage = rows.iter().find(|r| r["tag"] == "heritage").unwrap();
    assert_eq!(heritage["alpha"], serde_json::Value::Null);
    assert_eq!(heritage["agreement"], 1.0);
    // The table names the pair that disagrees.
    let out = cli.run(&["agree", s(&dir), "--sample", "pilot", "--format", "table"]);
    assert_succeeded(&out);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("li / wang: 1 of "), "{table}");
    // A sample that does not exist is named.
    let out = cli.run(&["agree", s(&dir), "--sample", "nosuch"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nosuch.tsv"));
}

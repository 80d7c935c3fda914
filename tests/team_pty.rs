//! Coding as a team, end to end: two coders code a reliability sample blind,
//! `agree` reports the figures worked out by hand, a third person adjudicates
//! the disagreements in the terminal UI (a pseudo-terminal running the real
//! binary), and the export carries the settled decisions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use common::pty::Launch;
use std::path::Path;

/// Two issues of four articles each.
fn make_corpus(dir: &Path) {
    let topics = ["社区治理", "古建修缮", "植树造林", "物业服务"];
    for (m, day) in ["2024-03-05", "2024-04-05"].iter().enumerate() {
        let mut text = String::new();
        for (a, topic) in topics.iter().enumerate() {
            text.push_str(&format!("# 太原推进{topic}第{m}{a}期\n\n"));
            text.push_str(&format!(
                "本报讯 近日，太原围绕{topic}开展了一系列工作，居民普遍反映效果良好，第{m}{a}项。\n\n"
            ));
        }
        std::fs::write(dir.join(format!("{day}_1.md")), text).unwrap();
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stdout(out: &std::process::Output) -> String {
    assert_succeeded(out);
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn code_blind_agree_adjudicate_in_the_tui_export_settled() {
    let home = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(home.path());
    let dir = home.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    make_corpus(&dir);
    assert_succeeded(&cli.run(&["git-setup", s(&dir)]));
    assert_succeeded(&cli.run(&["sample", s(&dir), "pilot", "--n", "4", "--seed", "5"]));
    // The sample's articles as (issue, id), in the order adjudication walks them.
    let mut units: Vec<(String, String)> = std::fs::read_to_string(dir.join("samples/pilot.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let id = f.next().unwrap().to_string();
            (f.next().unwrap().to_string(), id)
        })
        .collect();
    units.sort();
    assert_eq!(units.len(), 4);
    let id = |k: usize| units[k].1.as_str();

    // governance: wang 1 1 0 0, li 1 0 0 0; heritage: wang 0 0 0 1, li 0 0 0 0.
    let code = |coder: &str, k: usize, change: &str| {
        let out = cli.run(&["tag", s(&dir), id(k), change, "--coder", coder, "--blind"]);
        assert_succeeded(&out);
    };
    code("wang", 0, "+governance");
    code("wang", 1, "+governance");
    code("wang", 2, "+no-topic");
    code("wang", 3, "+heritage");
    code("li", 0, "+governance");
    for k in 1..4 {
        code("li", k, "+no-topic");
    }

    let out = cli.run(&["agree", s(&dir), "--sample", "pilot", "--format", "jsonl"]);
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let row = |tag: &str| rows.iter().find(|r| r["tag"] == tag).unwrap().clone();
    // By hand, governance: p_o = 3/4; p_e = 2/4 * 1/4 + 2/4 * 3/4 = 1/2, kappa
    // = 1/2; 8 values, three 1s, one disagreeing unit: alpha = 1 - 7 * 2 / (2 *
    // 3 * 5) = 8/15.
    let gov = row("governance");
    assert_eq!(gov["units"], 4);
    assert_eq!(gov["coders"], 2);
    assert_eq!(gov["agreement"], 0.75);
    assert_eq!(gov["kappa"], 0.5);
    assert_eq!(gov["alpha"], 0.5333);
    // heritage: li never set it: kappa 0; one 1 in 8 values: alpha = 1 - 7 * 2
    // / (2 * 1 * 7) = 0.
    let her = row("heritage");
    assert_eq!(her["agreement"], 0.75);
    assert_eq!(her["kappa"], 0.0);
    assert_eq!(her["alpha"], 0.0);

    // A third person adjudicates in the TUI: units 1 and 3 are disputed.
    let mut tui = Launch::in_home(home.path())
        .arg(&dir)
        .env("NEWSTAG_CODER", "zhao")
        .size(120, 40)
        .start();
    tui.settle("the corpus to load", |s| {
        s.contains("articles") && !s.contains("loading")
    });
    tui.send("A");
    let screen = tui.wait_for("Adjudication · 1/2 · 2 to settle · as zhao");
    assert!(screen.contains("li") && screen.contains("wang"), "{screen}");
    assert!(screen.contains("not settled yet"), "{screen}");
    // Unit 1: take the coders' decisions in turn (li's, then wang's) and settle
    // on wang's governance.
    tui.send("c");
    tui.send("c");
    tui.send("\r");
    tui.wait_for("Adjudication · 2/2 · 1 to settle");
    // Unit 3: no topic.
    tui.send("x");
    let screen = tui.wait_for("0 to settle");
    assert!(screen.contains("settled by zhao"), "{screen}");
    tui.send("\x1b");
    tui.settle("adjudication to close", |s| !s.contains("Adjudication ·"));
    tui.quit();

    // The export carries the settled decisions: adjudicated where disputed,
    // agreed elsewhere; every coder's own decisions are still there.
    let out = cli.run(&[
        "export",
        s(&dir),
        "--format",
        "jsonl",
        "--decisions",
        "settled",
        "--query",
        "sample:pilot",
    ]);
    let settled: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let of = |k: usize| settled.iter().find(|r| r["id"] == id(k)).unwrap().clone();
    assert_eq!(of(0)["tags"], serde_json::json!(["governance"]));
    assert_eq!(of(0)["tag_details"][0]["by"], "agreed");
    assert_eq!(of(1)["tags"], serde_json::json!(["governance"]));
    assert_eq!(of(1)["tag_details"][0]["by"], "adjudicated");
    assert_eq!(of(1)["tag_details"][0]["coder"], "zhao");
    assert_eq!(of(2)["tags"], serde_json::json!(["no-topic"]));
    assert_eq!(of(3)["tags"], serde_json::json!(["no-topic"]));
    assert_eq!(of(3)["tag_details"][0]["by"], "adjudicated");
    let out = cli.run(&["export", s(&dir), "--format", "long", "--decisions", "wang"]);
    let long = stdout(&out);
    assert!(
        long.lines()
            .any(|l| l.contains(id(3)) && l.contains(",wang,heritage,1,")),
        "{long}"
    );
    // Agreement is still on the coders' own decisions.
    let out = cli.run(&["agree", s(&dir), "--sample", "pilot", "--format", "jsonl"]);
    assert!(stdout(&out).contains("\"alpha\":0.5333"));
}

//! End to end: the real binary in a pseudo-terminal; `e` then Enter exports the
//! corpus from the TUI, the dialog says where it wrote, and the file holds a row
//! per article.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::pty::Launch;
use std::time::Duration;

const ISSUE: &str = "老旧小区改造让居民住得更舒心

本报讯 记者李明报道：今年以来，城区启动老旧小区改造工程，社区网格员上门征求居民意见。

古建筑修缮保护工程启动

本报讯 文物部门近日启动古建筑修缮工程，对传统村落中的明清民居进行保护修复。

河道治理见成效

本报讯 今年全市推进河长制，黑臭水体治理取得明显成效，水质持续改善。
";

/// Export from the TUI: `e`, Enter; the dialog names the file it wrote and the
/// number of rows, and the CSV on disk has one row per article.
#[test]
fn export_from_the_tui_writes_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("报纸");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("2024-03-01_2.txt"), ISSUE).unwrap();
    let mut s = Launch::in_home(tmp.path()).arg(&corpus).start();
    s.wait_for("古建筑修缮保护工程启动");
    s.send("e");
    s.wait_for("Export");
    s.send("\r");
    let screen = s.wait_for("Wrote");
    let n_articles = newstag::corpus::Corpus::load(&corpus)
        .unwrap()
        .article_count();
    assert!(
        screen.contains(&format!("Wrote {n_articles} rows (csv) to")),
        "{screen}"
    );
    assert!(screen.contains("newstag-export.csv"), "{screen}");
    let out = corpus.join("newstag-export.csv");
    let text = std::fs::read_to_string(&out).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let titles: Vec<String> = r.records().map(|x| x.unwrap()[6].to_string()).collect();
    assert_eq!(titles.len(), n_articles);
    assert!(
        titles.iter().any(|t| t == "古建筑修缮保护工程启动"),
        "{titles:?}"
    );
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    s.quit();
}

//! Corpora as they come from the wild, run through the real binary: Chinese folder
//! names with header dates, same-stem `.txt`/`.md` pairs, names that are not UTF-8,
//! FIFOs and symlinks where files are expected, lock files other users made.
//! Nothing may panic, hang, or put a tag on the wrong article.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;

use common::cli::{Cli, assert_succeeded};
use common::files::repo_path;
use std::path::Path;
use std::process::Output;

/// The first article id `newstag articles` prints for `path`.
fn first_id(cli: &Cli, path: &Path) -> String {
    let out = cli.run(&["articles", path.to_str().unwrap(), "--format", "jsonl"]);
    assert_succeeded(&out);
    let line = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    v["id"].as_str().unwrap().to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A real sample page in a folder with a Chinese name, starting with a header date
/// (`《山西日报》1月13日3版刊发`): every command used to exit 101 (a byte slice of the
/// path inside a character). Now each runs, and the date comes from header and path.
#[test]
fn chinese_folder_with_a_header_date_works_in_every_command() {
    let cli = Cli::new();
    let corpus = cli.home().join("corpus");
    let folder = corpus.join("山西日报");
    std::fs::create_dir_all(&folder).unwrap();
    let page = std::fs::read_to_string(repo_path("sample/2024/2024-03-05_第2版.txt")).unwrap();
    std::fs::write(
        folder.join("2024年第3版.txt"),
        format!("《山西日报》1月13日3版刊发\n\n{page}"),
    )
    .unwrap();
    std::fs::write(
        folder.join("2024年第4版.md"),
        format!("2024年1月1日 星期一\n\n{page}"),
    )
    .unwrap();
    let root = corpus.to_str().unwrap();
    let out = cli.run(&["articles", root, "--format", "jsonl"]);
    assert_succeeded(&out);
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["date"], "2024-01-13");
    assert_eq!(first["page"], "3");
    let id = first_id(&cli, &corpus);
    for args in [
        vec!["stats", root],
        vec!["search", root, "社区"],
        vec!["tag", root, id.as_str(), "+governance"],
        vec!["check", root],
        vec!["export", root, "--format", "csv"],
        vec!["suggest", root],
    ] {
        let out = cli.run(&args);
        assert_ne!(out.status.code(), Some(101), "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

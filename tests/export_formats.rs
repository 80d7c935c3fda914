//! `newstag export` does what was asked or refuses with one clear message: a real
//! .xlsx workbook (read back with calamine) with the CSV's columns, a `body` column
//! in CSV with --with-body, options that make no sense for a format refused, and a
//! folder as --output refused without touching it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use common::cli::{Cli, assert_succeeded};
use newstag::corpus::Corpus;
use newstag::tags::{Source, TagStore, Target};
use std::io::Cursor;
use std::path::Path;

const ISSUE_A: &str = "老旧小区改造，\"加装电梯\",居民点赞

本报讯 记者李明报道：今年以来，城区启动老旧小区改造工程，社区网格员上门征求居民意见。

截至目前，已有十二个小区完成加装电梯，居民反映良好。

古建筑修缮保护工程启动

本报讯 文物部门近日启动古建筑修缮工程，对传统村落中的明清民居进行保护修复。
";

const ISSUE_B: &str = "=SUM(A1:A9) 不是公式

本报讯 标题以等号开头，导出后仍是文字。

博物馆新展开幕

本报讯 市博物馆新展今日开幕，展出青铜器、碑刻拓片等文物二百余件。
";

/// A corpus of two issues in `dir`, the first article tagged `governance` and a tag
/// outside the vocabulary, the last `heritage`.
fn tagged_corpus(dir: &Path) -> Corpus {
    std::fs::create_dir_all(dir.join("2024")).unwrap();
    std::fs::write(dir.join("2024/2024-03-01_A3.txt"), ISSUE_A).unwrap();
    std::fs::write(dir.join("2024/2024-05-20_2.txt"), ISSUE_B).unwrap();
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
    assert!(store.set(&all[..1], "governance", true, Source::Hand).ok());
    assert!(store.set(&all[..1], "城市更新", true, Source::Hand).ok());
    let last = all.len() - 1;
    assert!(store.set(&all[last..], "heritage", true, Source::Hand).ok());
    corpus
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The first sheet of the workbook in `bytes`, every cell as text.
fn sheet_as_text(bytes: Vec<u8>) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("a real xlsx file");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(Data::to_string).collect())
        .collect()
}

fn csv_as_text(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

/// `-o out.xlsx` writes a real workbook (not CSV text) holding the same table as
/// the CSV export, Chinese text and a formula-like title intact, tag columns 0/1;
/// `--format xlsx` picks it for any file name.
#[test]
fn xlsx_export_is_a_workbook_with_the_csv_table() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    let corpus = tagged_corpus(&dir);
    let cli = Cli::in_home(tmp.path());

    let csv_out = cli.run(&["export", dir.to_str().unwrap(), "--with-body"]);
    assert_succeeded(&csv_out);
    let want = csv_as_text(&csv_out.stdout);
    assert_eq!(want.len(), corpus.article_count() + 1);

    let xlsx = tmp.path().join("out.xlsx");
    let out = cli.run(&[
        "export",
        dir.to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
        "--with-body",
    ]);
    assert_succeeded(&out);
    let bytes = std::fs::read(&xlsx).unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx file is a zip archive");
    let got = sheet_as_text(bytes);
    assert_eq!(got, want);
    assert!(
        got.iter()
            .any(|r| r.iter().any(|c| c == "=SUM(A1:A9) 不是公式"))
    );
    assert!(
        got[1]
            .iter()
            .any(|c| c == "老旧小区改造，\"加装电梯\",居民点赞")
    );

    let named = tmp.path().join("table.data");
    let out = cli.run(&[
        "export",
        dir.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        named.to_str().unwrap(),
    ]);
    assert_succeeded(&out);
    let without_body = csv_as_text(
        &cli.run(&["export", dir.to_str().unwrap(), "--format", "csv"])
            .stdout,
    );
    assert_eq!(sheet_as_text(std::fs::read(&named).unwrap()), without_body);
}

/// `--with-body` adds a `body` column to CSV (after `tags`, before the tag
/// columns), holding each article's paragraphs; without it there is none.
#[test]
fn csv_with_body_has_a_body_column() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    let corpus = tagged_corpus(&dir);
    let cli = Cli::in_home(tmp.path());
    let out = cli.run(&["export", dir.to_str().unwrap(), "--with-body"]);
    assert_succeeded(&out);
    let table = csv_as_text(&out.stdout);
    assert_eq!(table[0][8..10], ["tags", "body"]);
    let bodies: Vec<String> = corpus
        .issues
        .iter()
        .flat_map(|i| i.articles.iter().map(|a| a.body()))
        .collect();
    let got: Vec<String> = table[1..].iter().map(|r| r[9].clone()).collect();
    assert_eq!(got, bodies);
    assert!(got.iter().all(|b| !b.is_empty()));

    let plain = csv_as_text(&cli.run(&["export", dir.to_str().unwrap()]).stdout);
    assert!(!plain[0].iter().any(|h| h == "body"));
}

/// Options the chosen format cannot honour are refused (exit 2, one message that
/// names the option), and nothing is written.
#[test]
fn options_a_format_cannot_honour_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    tagged_corpus(&dir);
    let cli = Cli::in_home(tmp.path());
    let target = tmp.path().join("out.jsonl");
    for args in [
        vec!["--format", "jsonl", "--excel"],
        vec!["-o", target.to_str().unwrap(), "--excel"],
        vec!["--format", "toml", "--with-body"],
        vec!["--format", "toml", "--excel"],
    ] {
        let out = cli
            .command()
            .arg("export")
            .arg(&dir)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        let option = args
            .iter()
            .find(|a| a.starts_with("--") && **a != "--format");
        assert!(err.contains(option.unwrap()), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!target.exists());
    }
}

/// `-o FOLDER` (with or without --force) is refused with one message naming the
/// folder, which is left as it was; no temporary file is left behind.
#[test]
fn output_folder_is_refused_with_one_message() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    tagged_corpus(&dir);
    let folder = tmp.path().join("exports");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("keep.txt"), "mine").unwrap();
    let cli = Cli::in_home(tmp.path());
    for force in [false, true] {
        let mut cmd = cli.command();
        cmd.arg("export").arg(&dir).arg("-o").arg(&folder);
        if force {
            cmd.arg("--force");
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(folder.to_str().unwrap()), "{err}");
        assert!(err.contains("folder"), "{err}");
        assert!(!err.contains(".newstag-export"), "{err}");
        assert!(!err.contains("os error"), "{err}");
        let left: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
        assert_eq!(left.len(), 1);
        assert!(folder.is_dir());
    }
}

/// An output file in a folder that does not exist: one message naming the user's
/// path and the cause once, never newstag's temporary file.
#[test]
fn missing_output_folder_is_one_message_naming_the_users_path() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    tagged_corpus(&dir);
    let target = tmp.path().join("no-such-folder").join("x.csv");
    let cli = Cli::in_home(tmp.path());
    let out = cli
        .command()
        .arg("export")
        .arg(&dir)
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(target.to_str().unwrap()), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
    assert!(
        !err.contains(".newstag-export") && !err.contains("at path"),
        "{err}"
    );
}

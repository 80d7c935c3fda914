//! `corpus.ignore` in the config: files matching its globs (answer keys such as
//! `*.titles.txt`, notes folders) are not loaded as issues by the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};

fn issues_listed(cli: &Cli, corpus: &std::path::Path) -> Vec<String> {
    let out = cli.run(&["articles", corpus.to_str().unwrap(), "--format", "jsonl"]);
    assert_succeeded(&out);
    let mut issues: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["issue"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    issues.dedup();
    issues
}

/// With `ignore = ["*.titles.txt", "notes/**"]` the answer key and the notes folder
/// are skipped and the issue is still read; without it they load as issues.
#[test]
fn ignored_globs_are_not_issues() {
    let cli = Cli::new();
    let corpus = cli.home().join("corpus");
    std::fs::create_dir_all(corpus.join("notes")).unwrap();
    std::fs::create_dir_all(corpus.join("2025")).unwrap();
    let issue = "春风吹绿小山村\n\n本报讯 记者王强报道：村里修了一条路，大家都很高兴。\n";
    std::fs::write(corpus.join("2025/a.txt"), issue).unwrap();
    std::fs::write(corpus.join("2025/a.titles.txt"), "春风吹绿小山村\n").unwrap();
    std::fs::write(corpus.join("notes/todo.md"), "# 待办\n\n核对标题。\n").unwrap();
    assert_eq!(
        issues_listed(&cli, &corpus),
        ["2025/a.titles.txt", "2025/a.txt", "notes/todo.md"]
    );
    cli.write_config("[corpus]\nignore = [\"*.titles.txt\", \"notes/**\"]\n");
    assert_eq!(issues_listed(&cli, &corpus), ["2025/a.txt"]);
}

/// A bad glob is named on stderr and nothing is ignored; the command still runs.
#[test]
fn a_bad_glob_is_reported_and_nothing_is_ignored() {
    let cli = Cli::new();
    let corpus = cli.home().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "标题\n\n正文。\n").unwrap();
    cli.write_config("[corpus]\nignore = [\"a[.txt\"]\n");
    let out = cli.run(&["articles", corpus.to_str().unwrap(), "--format", "jsonl"]);
    assert_succeeded(&out);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("corpus.ignore: bad glob \"a[.txt\""), "{err}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("a.txt"));
}

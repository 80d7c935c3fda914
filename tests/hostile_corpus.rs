//! Corpora as they come from the wild, run through the real binary: Chinese folder
//! names with header dates, same-stem `.txt`/`.md` pairs, names that are not UTF-8,
//! FIFOs and symlinks where files are expected, lock files other users made.
//! Nothing may panic, hang, or put a tag on the wrong article.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

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

/// Longest a command may take before the test calls it hung (a hang detector, not
/// a speed test: a debug build on a busy machine takes a few seconds).
const HANG: std::time::Duration = std::time::Duration::from_secs(60);

/// Run `command` to the end, or kill it and fail the test when it runs longer than
/// [`HANG`]. Output goes to files, so a full pipe can never look like a hang.
fn run_bounded(mut command: std::process::Command, what: &str) -> Output {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (dir.path().join("out"), dir.path().join("err"));
    let mut child = command
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > HANG {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!(
                "{what}: hung (killed after {HANG:?}); stderr: {}",
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Output {
        status,
        stdout: std::fs::read(&out_path).unwrap(),
        stderr: std::fs::read(&err_path).unwrap(),
    }
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A corpus of one real sample page, `a.txt`, under `home/corpus`.
fn one_page_corpus(home: &Path) -> std::path::PathBuf {
    let corpus = home.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(
        repo_path("sample/2024/2024-03-05_第2版.txt"),
        corpus.join("a.txt"),
    )
    .unwrap();
    corpus
}

/// FIFOs where newstag looks for a sidecar, the index cache, the config or an issue
/// used to hang every command (or were skipped without a word). Now nothing hangs,
/// each is named on stderr or by `check`, and the rest works.
#[test]
fn fifos_where_files_are_expected_never_hang() {
    let cli = Cli::new();
    let corpus = one_page_corpus(cli.home());
    let root = corpus.to_str().unwrap();
    std::fs::copy(corpus.join("a.txt"), corpus.join("b.txt")).unwrap();
    // The index cache is written by a first search; then a FIFO takes its place.
    let out = run_bounded(
        {
            let mut c = cli.command();
            c.args(["search", root, "社区"]);
            c
        },
        "search",
    );
    assert_succeeded(&out);
    let cache_dir = cli.cache_dir().join("newstag");
    let caches: Vec<_> = std::fs::read_dir(&cache_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    assert_eq!(caches.len(), 1, "{caches:?}");
    std::fs::remove_file(&caches[0]).unwrap();
    mkfifo(&caches[0]);
    mkfifo(&corpus.join("a.tags.toml"));
    mkfifo(&corpus.join("pipe.txt"));
    std::fs::create_dir_all(cli.config_dir().join("newstag")).unwrap();
    mkfifo(&cli.config_dir().join("newstag/config.toml"));
    let id_b = {
        let out = run_bounded(
            {
                let mut c = cli.command();
                c.args([
                    "articles",
                    corpus.join("b.txt").to_str().unwrap(),
                    "--format",
                    "jsonl",
                ]);
                c
            },
            "articles b.txt",
        );
        assert_succeeded(&out);
        let v: serde_json::Value = serde_json::from_str(
            String::from_utf8(out.stdout)
                .unwrap()
                .lines()
                .next()
                .unwrap(),
        )
        .unwrap();
        v["id"].as_str().unwrap().to_string()
    };
    let out = run_bounded(
        {
            let mut c = cli.command();
            c.args(["articles", root]);
            c
        },
        "articles",
    );
    assert_succeeded(&out);
    let err = stderr(&out);
    assert!(err.contains("pipe.txt") && err.contains("FIFO"), "{err}");
    assert!(
        err.contains("config.toml"),
        "the config FIFO is named: {err}"
    );
    for args in [
        vec!["search", root, "社区"],
        vec!["stats", root],
        vec!["export", root, "--format", "toml"],
        vec!["tag", root, id_b.as_str(), "+governance"],
    ] {
        let mut c = cli.command();
        c.args(&args);
        let out = run_bounded(c, &format!("{args:?}"));
        assert_ne!(out.status.code(), Some(101), "{args:?}: {}", stderr(&out));
    }
    let out = run_bounded(
        {
            let mut c = cli.command();
            c.args(["check", root]);
            c
        },
        "check",
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(
        report.contains("a.tags.toml") && report.contains("FIFO"),
        "{report}"
    );
    // b.txt's tag was saved in its own sidecar despite the FIFOs around it.
    let b = newstag::tags::sidecar::read(&corpus.join("b.tags.toml"))
        .unwrap()
        .unwrap();
    assert!(
        b.articles
            .iter()
            .any(|a| a.id == id_b && a.tags.contains_key("governance"))
    );
}

/// A symlinked `.newstag.lock` made newstag create a file where the link points,
/// and a sidecar that was a symlink to a set-user-id file made the new sidecar
/// set-user-id. Now the link is refused (the save fails, naming it) and a saved
/// sidecar never takes set-id or execute bits.
#[cfg(unix)]
#[test]
fn symlinks_never_lead_writes_astray() {
    use std::os::unix::fs::PermissionsExt;
    let cli = Cli::new();
    let corpus = one_page_corpus(cli.home());
    let root = corpus.to_str().unwrap();
    let id = first_id(&cli, &corpus);
    // A set-user-id file that reads as an empty sidecar, and the sidecar path a
    // symlink to it.
    let program = cli.home().join("program");
    std::fs::write(&program, "schema = 1\n").unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o4755)).unwrap();
    std::os::unix::fs::symlink(&program, corpus.join("a.tags.toml")).unwrap();
    let out = cli.run(&["tag", root, &id, "+governance"]);
    assert_succeeded(&out);
    let sidecar = corpus.join("a.tags.toml");
    let meta = std::fs::symlink_metadata(&sidecar).unwrap();
    assert!(meta.is_file(), "the sidecar is a file of its own now");
    assert_eq!(
        meta.permissions().mode() & 0o7111,
        0,
        "{:o}",
        meta.permissions().mode()
    );
    assert_eq!(std::fs::read_to_string(&program).unwrap(), "schema = 1\n");
    assert_eq!(
        std::fs::metadata(&program).unwrap().permissions().mode() & 0o7777,
        0o4755
    );
    // A symlinked lock file is refused; nothing appears where it points.
    let target = cli.home().join("planted-by-link");
    std::os::unix::fs::symlink(&target, corpus.join(".newstag.lock")).unwrap_or_else(|_| {
        std::fs::remove_file(corpus.join(".newstag.lock")).unwrap();
        std::os::unix::fs::symlink(&target, corpus.join(".newstag.lock")).unwrap();
    });
    let out = cli.run(&["tag", root, &id, "+heritage"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    assert!(
        !target.exists(),
        "a file was created through the lock symlink"
    );
}

/// In a shared archive the first user's lock file (0644, or 0444) blocked every
/// colleague from saving. Now a lock file that cannot be opened for writing is
/// locked read-only. As root (who may open anything) the command runs as the
/// unprivileged user `nobody` owning a 0444 lock file, so the open really fails.
#[cfg(unix)]
#[test]
fn a_lock_file_that_is_not_writable_does_not_block_saving() {
    use std::os::unix::fs::{PermissionsExt, chown};
    use std::os::unix::process::CommandExt;
    let home = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(home.path());
    let corpus = one_page_corpus(home.path());
    let root = corpus.to_str().unwrap();
    let id = first_id(&cli, &corpus);
    let lock = corpus.join(".newstag.lock");
    std::fs::write(&lock, "").unwrap();
    let is_root = effective_uid() == 0;
    let nobody = 65534;
    if is_root {
        // nobody must reach its home and write the corpus folder and its caches.
        for dir in [home.path().to_path_buf(), corpus.clone()] {
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
        }
        chown(&lock, Some(nobody), Some(nobody)).unwrap();
    }
    std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o444)).unwrap();
    let mut command = cli.command();
    command.args(["tag", root, &id, "+governance"]);
    if is_root {
        command.uid(nobody).gid(nobody);
    }
    let out = command.output().unwrap();
    assert_succeeded(&out);
    let saved = newstag::tags::sidecar::read(&corpus.join("a.tags.toml"))
        .unwrap()
        .unwrap();
    assert!(
        saved
            .articles
            .iter()
            .any(|a| a.id == id && a.tags.contains_key("governance"))
    );
    assert_eq!(
        std::fs::metadata(&lock).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

/// The effective user id, read from `/proc/self/status` (no unsafe `geteuid`).
fn effective_uid() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|v| v.split_whitespace().nth(1).map(str::to_string))
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(u32::MAX)
}

/// Folders and files whose names are not UTF-8 (GBK from Windows zips): two folders
/// that decode to the same replacement text shared one tag store entry (one
/// issue's tags vanished), and a file whose own name is not UTF-8 was skipped
/// without a word. Now each is its own issue, with its own sidecar beside it or
/// mirrored under `sidecar_dir`, and each tag reads back on its own article only.
#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_issues_of_their_own() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    for mirrored in [false, true] {
        let cli = Cli::new();
        let corpus = cli.home().join("corpus");
        let pages = [
            "sample/2024/2024-03-05_第2版.txt",
            "sample/2024/2024-03-05_第10版.txt",
            "sample/河川晚报_20240307_p2.txt",
        ];
        // Two folders whose names differ only in bytes that are not UTF-8, and a
        // file named 中文.txt in GBK.
        let files = [
            corpus.join(OsStr::from_bytes(b"\xff\xfe")).join("a.txt"),
            corpus.join(OsStr::from_bytes(b"\xfe\xff")).join("a.txt"),
            corpus.join(OsStr::from_bytes(b"\xd6\xd0\xce\xc4.txt")),
        ];
        for (file, page) in files.iter().zip(pages) {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::copy(repo_path(page), file).unwrap();
        }
        let sidecars = cli.home().join("sidecars");
        if mirrored {
            cli.write_config(&format!(
                "[corpus]\nsidecar_dir = {:?}\n",
                sidecars.to_str().unwrap()
            ));
        }
        let out = cli.run(&["articles", corpus.to_str().unwrap()]);
        assert_succeeded(&out);
        assert!(stderr(&out).is_empty(), "nothing skipped: {}", stderr(&out));
        let before = cli.article_tags(&corpus);
        let issues: std::collections::BTreeSet<&str> =
            before.iter().map(|(i, _, _)| i.as_str()).collect();
        assert_eq!(issues.len(), 3, "{issues:?}");
        // The first article of each issue gets a tag named after the issue's place.
        let tags = ["governance", "heritage", "environment"];
        let mut wanted = Vec::new();
        for (issue, tag) in issues.iter().zip(tags) {
            let (_, id, _) = before.iter().find(|(i, _, _)| i == issue).unwrap();
            let out = cli.run(&["tag", corpus.to_str().unwrap(), id, &format!("+{tag}")]);
            assert_succeeded(&out);
            wanted.push((issue.to_string(), id.clone(), tag));
        }
        let after = cli.article_tags(&corpus);
        for (issue, id, tags) in &after {
            let expected: Vec<String> = wanted
                .iter()
                .filter(|(i, d, _)| i == issue && d == id)
                .map(|(_, _, t)| t.to_string())
                .collect();
            assert_eq!(tags, &expected, "{issue} {id} (mirrored: {mirrored})");
        }
        let base = if mirrored {
            sidecars.clone()
        } else {
            corpus.clone()
        };
        for file in &files {
            let rel = file.strip_prefix(&corpus).unwrap();
            let sidecar = base.join(rel).with_extension("tags.toml");
            assert!(sidecar.is_file(), "{}", sidecar.display());
        }
        let out = cli.run(&["check", corpus.to_str().unwrap()]);
        assert_succeeded(&out);
        // Twice: the second search reads the index cache and re-reads its issues
        // from the paths the cache names.
        for _ in 0..2 {
            let out = cli.run(&[
                "search",
                corpus.to_str().unwrap(),
                "tag:governance",
                "--format",
                "jsonl",
            ]);
            assert_succeeded(&out);
            assert!(stderr(&out).is_empty(), "{}", stderr(&out));
            assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
        }
    }
}

/// `a.txt` and `a.md` in one folder shared `a.tags.toml`: tagging one tagged or
/// untagged the other. Now each has its own (`a.txt.tags.toml`, `a.md.tags.toml`),
/// an old shared sidecar is still read, and migrating from it loses no tag.
#[test]
fn same_stem_issues_each_get_their_own_sidecar() {
    use newstag::tags::sidecar::{self, ArticleTags, Sidecar};
    use newstag::tags::{Source, TagMark, TagSet};
    let cli = Cli::new();
    let corpus = cli.home().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(
        repo_path("sample/2024/2024-03-05_第2版.txt"),
        corpus.join("a.txt"),
    )
    .unwrap();
    std::fs::copy(
        repo_path("sample/2024/2024-03-05_第10版.txt"),
        corpus.join("a.md"),
    )
    .unwrap();
    let root = corpus.to_str().unwrap();
    let articles = cli.article_tags(&corpus);
    let first_of = |issue: &str| {
        articles
            .iter()
            .find(|(i, _, _)| i == issue)
            .map(|(_, id, _)| id.clone())
            .unwrap()
    };
    let (txt, md) = (first_of("a.txt"), first_of("a.md"));
    let second_txt = articles
        .iter()
        .filter(|(i, _, _)| i == "a.txt")
        .nth(1)
        .map(|(_, id, _)| id.clone())
        .unwrap();
    // An old shared sidecar, as newstag wrote it before: a tag on an a.txt article,
    // one on an a.md article, and one on an article neither has any more.
    let record = |id: &str, tag: &str| {
        let mut tags = TagSet::new();
        tags.insert(
            tag.to_string(),
            TagMark {
                at: "2026-01-01T00:00:00Z".into(),
                by: Source::Hand,
                coder: String::new(),
                codebook: 0,
            },
        );
        ArticleTags {
            id: id.into(),
            title: format!("标题{id}"),
            tags,
            memo: None,
        }
    };
    let old = Sidecar {
        issue: "a.txt".into(),
        corrections: Vec::new(),
        articles: vec![
            record(&txt, "governance"),
            record(&md, "heritage"),
            record("0000deadbeef", "environment"),
        ],
    };
    std::fs::write(corpus.join("a.tags.toml"), sidecar::render(&old)).unwrap();
    let tags_of = |id: &str| {
        cli.article_tags(&corpus)
            .into_iter()
            .find(|(_, i, _)| i == id)
            .map(|(_, _, t)| t)
            .unwrap()
    };
    assert_eq!(tags_of(&txt), ["governance"], "the old sidecar is read");
    assert_eq!(tags_of(&md), ["heritage"]);
    // The first save splits the old sidecar: each issue gets its own records, the
    // record of neither stays with the issue saved, and the old file goes.
    assert_succeeded(&cli.run(&["tag", root, &second_txt, "+environment"]));
    assert!(!corpus.join("a.tags.toml").exists());
    let txt_file = sidecar::read(&corpus.join("a.txt.tags.toml"))
        .unwrap()
        .unwrap();
    let md_file = sidecar::read(&corpus.join("a.md.tags.toml"))
        .unwrap()
        .unwrap();
    let ids = |s: &Sidecar| s.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    let mut want_txt = vec![txt.clone(), second_txt.clone(), "0000deadbeef".to_string()];
    want_txt.sort();
    assert_eq!(ids(&txt_file), want_txt);
    assert_eq!(ids(&md_file), vec![md.clone()]);
    assert_eq!(tags_of(&txt), ["governance"]);
    assert_eq!(tags_of(&second_txt), ["environment"]);
    assert_eq!(tags_of(&md), ["heritage"]);
    // Removing a.txt's tags leaves a.md's alone.
    assert_succeeded(&cli.run(&["tag", root, &txt, "-governance"]));
    assert_succeeded(&cli.run(&["tag", root, &second_txt, "-environment"]));
    assert_eq!(tags_of(&txt), Vec::<String>::new());
    assert_eq!(tags_of(&md), ["heritage"]);
    assert_succeeded(&cli.run(&["tag", root, &md, "+governance"]));
    assert_eq!(tags_of(&md), ["governance", "heritage"]);
    assert_eq!(tags_of(&txt), Vec::<String>::new());
    // Tagging one never touches the other now.
    assert_succeeded(&cli.run(&["tag", root, &txt, "+heritage"]));
    assert_eq!(tags_of(&txt), ["heritage"]);
    assert_eq!(tags_of(&md), ["governance", "heritage"]);
    assert_succeeded(&cli.run(&["tag", root, &md, "-heritage"]));
    assert_eq!(tags_of(&txt), ["heritage"]);
    let out = cli.run(&["check", root]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("0000deadbeef"),
        "the unclaimed record is reported: {report}"
    );
    assert!(
        !report.contains("without issue") || report.contains("0 sidecars without issue"),
        "{report}"
    );
}

/// While not every issue sharing an old sidecar is known (the TUI still loading),
/// a save takes only the issue's own records and leaves the old sidecar; removing
/// that issue's last tag leaves an empty sidecar, so the old one's record for it
/// does not come back.
#[test]
fn an_old_shared_sidecar_stays_while_its_issues_are_not_all_known() {
    use newstag::corpus::Corpus;
    use newstag::tags::sidecar::{self, ArticleTags, Sidecar};
    use newstag::tags::{Source, TagMark, TagSet, TagStore, Target};
    let dir = tempfile::tempdir().unwrap();
    let corpus_dir = dir.path();
    std::fs::copy(
        repo_path("sample/2024/2024-03-05_第2版.txt"),
        corpus_dir.join("a.txt"),
    )
    .unwrap();
    std::fs::copy(
        repo_path("sample/2024/2024-03-05_第10版.txt"),
        corpus_dir.join("a.md"),
    )
    .unwrap();
    let corpus = Corpus::load(corpus_dir).unwrap();
    let txt = corpus.issues.iter().find(|i| i.rel == "a.txt").unwrap();
    let md = corpus.issues.iter().find(|i| i.rel == "a.md").unwrap();
    let mut tags = TagSet::new();
    tags.insert(
        "governance".into(),
        TagMark {
            at: "2026-01-01T00:00:00Z".into(),
            by: Source::Hand,
            coder: String::new(),
            codebook: 0,
        },
    );
    let record = |id: &str| ArticleTags {
        memo: None,
        id: id.into(),
        title: String::new(),
        tags: tags.clone(),
    };
    let old = Sidecar {
        issue: "a.txt".into(),
        corrections: Vec::new(),
        articles: vec![record(&txt.articles[0].id), record(&md.articles[0].id)],
    };
    std::fs::write(corpus_dir.join("a.tags.toml"), sidecar::render(&old)).unwrap();
    // Only a.txt is known to this store.
    let mut store = TagStore::new(None);
    store.add_issues(std::slice::from_ref(txt));
    let target = Target {
        issue: txt,
        article: &txt.articles[0],
    };
    assert!(store.has_tag(&txt.rel, &txt.articles[0].id, "governance"));
    assert!(store.set(&[target], "governance", false, Source::Hand).ok());
    assert!(
        corpus_dir.join("a.tags.toml").is_file(),
        "a.md still reads it"
    );
    let own = sidecar::read(&corpus_dir.join("a.txt.tags.toml"))
        .unwrap()
        .unwrap();
    assert!(
        own.articles.is_empty(),
        "an empty sidecar of its own: {own:?}"
    );
    let mut fresh = TagStore::new(None);
    fresh.add_issues(&corpus.issues);
    assert!(!fresh.has_tag(&txt.rel, &txt.articles[0].id, "governance"));
    assert!(fresh.has_tag(&md.rel, &md.articles[0].id, "governance"));
    assert!(fresh.orphans_of(&txt.rel).is_empty());
}

/// A Taiwan or Hong Kong paper's page saved in Big5, beside a mainland page in
/// GB18030: both used to be read, but the Big5 page was skipped as undecodable (or
/// could have been read as GB18030 gibberish). Now each is read in its own encoding,
/// its text shown as printed, and a simplified query finds the traditional page.
#[test]
fn big5_and_gb18030_pages_each_read_in_their_own_encoding() {
    let cli = Cli::new();
    let corpus = cli.home().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let traditional = "港灣時報　第5版\r\n\r\n舊城區老街改造完成\r\n\r\n本報訊　記者林曉雯報導：經過一年施工，舊城區老街改造工程昨日完成驗收，街道兩側的騎樓重新開放，居民與商家都表示滿意。\r\n\r\n市府表示，下一階段將整理周邊停車空間。\r\n";
    let simplified = "河川日报　第2版\r\n\r\n社区食堂开进老街\r\n\r\n本报讯　记者王芳报道：社区食堂昨日开业，为周边老人提供午餐，每份价格十二元。\r\n\r\n街道办表示，食堂由志愿者轮流值守。\r\n";
    let (big5, _, lossy) = encoding_rs::BIG5.encode(traditional);
    assert!(!lossy);
    std::fs::write(corpus.join("港灣時報_2026-07-03_A5.txt"), &big5).unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode(simplified);
    std::fs::write(corpus.join("河川日报_2026-07-03_第2版.txt"), &gb).unwrap();
    let root = corpus.to_str().unwrap();

    let out = cli.run(&["articles", root, "--format", "jsonl"]);
    assert_succeeded(&out);
    assert!(stderr(&out).is_empty(), "nothing skipped: {}", stderr(&out));
    let titles: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| v["title"].as_str().unwrap().to_string())
        .collect();
    assert!(
        titles.contains(&"舊城區老街改造完成".to_string()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"社区食堂开进老街".to_string()),
        "{titles:?}"
    );

    let out = cli.run(&["search", root, "旧城区老街", "--format", "jsonl"]);
    assert_succeeded(&out);
    let hits = String::from_utf8(out.stdout).unwrap();
    assert!(hits.contains("舊城區老街改造完成"), "{hits}");
}

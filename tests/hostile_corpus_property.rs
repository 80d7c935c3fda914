//! The promise, kept by generated input rather than listed cases: whatever corpus
//! tree newstag is pointed at (random nesting; names with Chinese, GBK bytes,
//! control characters, spaces and odd extensions; header lines with dates and
//! reprint notes; same-stem `.txt`/`.md` pairs; FIFOs and symlinks), the real
//! binary loads, tags, re-loads, checks, exports and imports it without a panic
//! (exit code 101) or a hang, and every tag it acknowledged reads back on its own
//! article and on no other.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::Cli;
use common::files::repo_path;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Longest a command may run before it counts as hung: a hang detector, not a
/// speed test (a debug build on a busy machine takes seconds per command).
const HANG: Duration = Duration::from_secs(60);

/// Pieces of file and folder names as archives have them.
fn name_piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::sample::select(vec![
            "山西日报",
            "第3版",
            "2024年",
            "2024-03-05",
            "20240305",
            "_p2",
            "版",
            " ",
            "\u{3000}",
            "a",
            "b",
            "7",
            "10",
            "(1)",
            "é",
            "😀",
            "\u{1b}[2J",
            "\r",
            "\u{7f}",
            "\t",
            "-",
            "_",
            "#",
            "&",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        // GBK: 中文, 日报, and bytes that are no UTF-8 at all.
        prop::sample::select(vec![
            b"\xd6\xd0\xce\xc4".to_vec(),
            b"\xc8\xd5\xb1\xa8".to_vec(),
            b"\xff\xfe".to_vec(),
        ]),
    ]
}

fn name() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(name_piece(), 1..4).prop_map(|v| {
        let mut n = v.concat();
        // Not hidden (those are skipped on purpose), never `.`-only.
        if n.first() == Some(&b'.') {
            n.insert(0, b'x');
        }
        n
    })
}

/// Header lines an issue may start with.
const HEADERS: [&str; 7] = [
    "",
    "《山西日报》1月13日3版刊发",
    "2024年1月1日 星期一",
    "转载自《人民日报》12月31日第4版",
    "# 山西日报 第3版",
    "1月13日",
    "月日版\u{1b}[2J",
];

/// The sample pages the bodies come from.
const PAGES: [&str; 4] = [
    "sample/2024/2024-03-05_第2版.txt",
    "sample/2024/2024-03-05_第10版.txt",
    "sample/河川晚报_20240307_p2.txt",
    "sample/河川晚报_20240307_p10.txt",
];

#[derive(Debug, Clone)]
struct IssueSpec {
    /// Index of the folder it goes in.
    folder: usize,
    stem: Vec<u8>,
    ext: &'static str,
    header: &'static str,
    page: usize,
    /// How many of the page's paragraphs it keeps (0: all).
    paragraphs: usize,
    /// Also write `stem.md` (another page) beside it.
    md_twin: Option<usize>,
}

#[derive(Debug, Clone)]
struct TreeSpec {
    /// Folder paths, each a list of names (the first is the root).
    folders: Vec<Vec<Vec<u8>>>,
    issues: Vec<IssueSpec>,
    /// FIFOs named like an issue, in these folders.
    fifo_issues: Vec<usize>,
    /// A FIFO at the sidecar path of the issue of this name (never tagged).
    fifo_sidecar: bool,
    /// A symlink to the first issue, and a dangling one named like an issue.
    links: bool,
}

fn tree() -> impl Strategy<Value = TreeSpec> {
    let folders = prop::collection::vec(prop::collection::vec(name(), 0..3), 1..4);
    let issue = (
        0usize..4,
        name(),
        prop::sample::select(vec![".txt", ".md", ".TXT", ".Md", ".txt.md"]),
        prop::sample::select(HEADERS.to_vec()),
        0usize..PAGES.len(),
        0usize..6,
        prop::option::of(0usize..PAGES.len()),
    )
        .prop_map(
            |(folder, stem, ext, header, page, paragraphs, md_twin)| IssueSpec {
                folder,
                stem,
                ext,
                header,
                page,
                paragraphs,
                md_twin,
            },
        );
    (
        folders,
        prop::collection::vec(issue, 1..5),
        prop::collection::vec(0usize..4, 0..2),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(folders, issues, fifo_issues, fifo_sidecar, links)| TreeSpec {
                folders,
                issues,
                fifo_issues,
                fifo_sidecar,
                links,
            },
        )
}

fn os(bytes: &[u8]) -> OsString {
    OsString::from_vec(bytes.to_vec())
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

fn page_text(page: usize, paragraphs: usize) -> String {
    let text = std::fs::read_to_string(repo_path(PAGES[page])).unwrap();
    if paragraphs == 0 {
        return text;
    }
    text.split("\n\n")
        .take(paragraphs + 2)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Build the tree under `root`; returns the folders of the issues that must not
/// be tagged (a FIFO sits at their sidecar path).
fn build(spec: &TreeSpec, root: &Path) -> Vec<PathBuf> {
    let folders: Vec<PathBuf> = spec
        .folders
        .iter()
        .map(|parts| parts.iter().fold(root.to_path_buf(), |p, n| p.join(os(n))))
        .collect();
    for f in &folders {
        std::fs::create_dir_all(f).unwrap();
    }
    let folder = |i: usize| &folders[i % folders.len()];
    let mut written = Vec::new();
    for issue in &spec.issues {
        let dir = folder(issue.folder);
        let mut file = issue.stem.clone();
        file.extend_from_slice(issue.ext.as_bytes());
        let path = dir.join(os(&file));
        let text = format!(
            "{}\n\n{}",
            issue.header,
            page_text(issue.page, issue.paragraphs)
        );
        std::fs::write(&path, text).unwrap();
        written.push(path);
        if let Some(twin) = issue.md_twin {
            let mut md = issue.stem.clone();
            md.extend_from_slice(b".md");
            let md = dir.join(os(&md));
            if md.symlink_metadata().is_err() {
                std::fs::write(&md, page_text(twin, 0)).unwrap();
            }
        }
    }
    for (k, &f) in spec.fifo_issues.iter().enumerate() {
        let p = folder(f).join(format!("管道{k}.txt"));
        if p.symlink_metadata().is_err() {
            mkfifo(&p);
        }
    }
    let mut untaggable = Vec::new();
    if spec.fifo_sidecar {
        // An issue of its own with a FIFO where its sidecar goes.
        let dir = folder(0);
        std::fs::write(dir.join("zz管道.txt"), page_text(0, 2)).unwrap();
        mkfifo(&dir.join("zz管道.tags.toml"));
        untaggable.push(dir.join("zz管道.txt"));
    }
    if spec.links {
        let first = &written[0];
        let link = folder(0).join("链接.txt");
        if link.symlink_metadata().is_err() {
            std::os::unix::fs::symlink(first, &link).unwrap();
            untaggable.push(link);
        }
        let dead = folder(0).join("dead.md");
        if dead.symlink_metadata().is_err() {
            std::os::unix::fs::symlink(root.join("nowhere.txt"), &dead).unwrap();
        }
    }
    untaggable
}

/// Run `newstag ARGS`; fail on a panic (exit 101) or a hang.
fn run(cli: &Cli, args: &[&std::ffi::OsStr]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (dir.path().join("out"), dir.path().join("err"));
    let mut child = cli
        .command()
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > HANG {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{args:?}: hung (killed after {HANG:?})");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = Output {
        status,
        stdout: std::fs::read(&out_path).unwrap(),
        stderr: std::fs::read(&err_path).unwrap(),
    };
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101), "{args:?} panicked: {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    out
}

/// `(issue, id) -> tags` of every article.
fn tags(cli: &Cli, root: &Path) -> BTreeMap<(String, String), Vec<String>> {
    let out = run(
        cli,
        &[
            "articles".as_ref(),
            root.as_os_str(),
            "--format".as_ref(),
            "jsonl".as_ref(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut map = BTreeMap::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let t: Vec<String> = v["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect();
        let key = (
            v["issue"].as_str().unwrap().to_string(),
            v["id"].as_str().unwrap().to_string(),
        );
        // The same (issue, id) twice would make "its own article" ambiguous.
        assert!(map.insert(key.clone(), t).is_none(), "{key:?} twice");
    }
    map
}

/// Every regular `*.tags.toml` file under `dir`.
fn sidecars_below(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let t = entry.file_type().unwrap();
        if t.is_dir() {
            sidecars_below(&entry.path(), out);
        } else if t.is_file()
            && entry
                .file_name()
                .as_encoded_bytes()
                .ends_with(b".tags.toml")
        {
            out.push(entry.path());
        }
    }
}

fn check_tree(spec: &TreeSpec) {
    let cli = Cli::new();
    let root = cli.home().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    let untaggable = build(spec, &root);
    let rel_of = |p: &Path| newstag::corpus::relative_path(&root, p);
    let untaggable: BTreeSet<String> = untaggable.iter().map(|p| rel_of(p)).collect();
    // Load.
    let before = tags(&cli, &root);
    assert!(
        before.values().all(Vec::is_empty),
        "a fresh corpus has no tags"
    );
    // Tag every other article whose id is found in one issue only (an id found in
    // several is another matter: `tag` refuses or asks which).
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, id) in before.keys() {
        *count.entry(id.as_str()).or_insert(0) += 1;
    }
    let chosen: BTreeSet<(String, String)> = before
        .keys()
        .filter(|(issue, id)| count[id.as_str()] == 1 && !untaggable.contains(issue))
        .step_by(2)
        // Few enough that no bulk confirmation is asked for.
        .take(15)
        .cloned()
        .collect();
    if !chosen.is_empty() {
        let mut args: Vec<OsString> = vec!["tag".into(), root.clone().into()];
        args.extend(chosen.iter().map(|(_, id)| OsString::from(id)));
        args.push("+governance".into());
        let args: Vec<&std::ffi::OsStr> = args.iter().map(OsString::as_os_str).collect();
        let out = run(&cli, &args);
        assert!(
            out.status.success(),
            "tag: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Re-load: each acknowledged tag on its own article, on no other.
    let want = |map: &BTreeMap<(String, String), Vec<String>>, what: &str| {
        for (key, t) in map {
            let expected: Vec<String> = if chosen.contains(key) {
                vec!["governance".into()]
            } else {
                Vec::new()
            };
            assert_eq!(t, &expected, "{what}: {key:?}");
        }
    };
    let after = tags(&cli, &root);
    assert_eq!(after.len(), before.len());
    want(&after, "re-loaded");
    // Check tells the truth: a FIFO sidecar is a problem, nothing else is.
    let out = run(&cli, &["check".as_ref(), root.as_os_str()]);
    let expected = if spec.fifo_sidecar { 1 } else { 0 };
    assert_eq!(
        out.status.code(),
        Some(expected),
        "check: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // Export a dump, remove the sidecars, import: the same tags come back.
    let dump = cli.home().join("dump.toml");
    let out = run(
        &cli,
        &[
            "export".as_ref(),
            root.as_os_str(),
            "--format".as_ref(),
            "toml".as_ref(),
            "-o".as_ref(),
            dump.as_os_str(),
        ],
    );
    assert!(
        out.status.success(),
        "export: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files = Vec::new();
    sidecars_below(&root, &mut files);
    for f in files {
        std::fs::remove_file(f).unwrap();
    }
    let out = run(
        &cli,
        &["import".as_ref(), dump.as_os_str(), root.as_os_str()],
    );
    assert!(
        out.status.success(),
        "import: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    want(&tags(&cli, &root), "imported");
}

proptest! {
    // Each case runs the binary about eight times: few cases, many shapes
    // (PROPTEST_CASES=50 for a longer hunt).
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Any corpus tree loads, tags, re-loads, checks, exports and imports without a
    /// panic or a hang, and every tag reads back on its own article only.
    #[test]
    fn any_corpus_tree_keeps_its_tags(spec in tree()) {
        check_tree(&spec);
    }
}

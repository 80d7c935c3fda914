//! A body damaged in the corpus cache's pack. Bodies lie outside their
//! shard's checksum and are checked only when read, which in the TUI is while
//! it loads or long after; a damaged one is never served (its issue is cut
//! afresh), costs the next load the cut of that issue alone (not of the whole
//! corpus), and does not outlive the next pack written (nor is it copied into
//! a pack written by the load that found it).
//!
//! One test in its own binary: it sets the cache folder for the process.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;

use common::files::write_issues;
use newstag::article::Issue;
use newstag::cache::shard::{self, FileStamp, ProgramStamp, ShardKey};
use newstag::cache::{Bodies, CorpusCache, pack};
use std::path::{Path, PathBuf};

fn issue_files(root: &Path) -> Vec<PathBuf> {
    newstag::corpus::walk::issue_files(root, &mut |_, _| {})
}

type Texts = Vec<Vec<Vec<String>>>;

/// Every article's paragraphs, issue by issue.
fn bodies(issues: &[Issue]) -> Texts {
    issues
        .iter()
        .map(|i| i.articles.iter().map(|a| a.paragraphs.to_vec()).collect())
        .collect()
}

/// Every issue cut afresh from its file.
fn fresh(root: &Path) -> Texts {
    let habits = newstag::corpus::habits::of_root(root);
    let issues: Vec<Issue> = issue_files(root)
        .iter()
        .map(|p| {
            let rel = newstag::corpus::relative_path(root, p);
            newstag::corpus::read_issue(p, &rel, &[], &habits).unwrap()
        })
        .collect();
    bodies(&issues)
}

/// One load through the cache as the TUI's loader does it (bodies left in
/// the pack), the bodies read before its end when `read_early`: its issues,
/// and how many it cut afresh.
fn load(root: &Path, read_early: bool) -> (Vec<Issue>, u64) {
    let cache = CorpusCache::open_for(root, Bodies::OnDisk).unwrap();
    let issues: Vec<Issue> = issue_files(root)
        .iter()
        .map(|p| cache.load_issue(root, p).unwrap())
        .collect();
    if read_early {
        bodies(&issues);
    }
    cache.finish();
    (issues, cache.cut())
}

fn shard_name(rel: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(rel.as_bytes())
}

fn pack_path(root: &Path) -> PathBuf {
    newstag::cache::corpus_dir(root)
        .unwrap()
        .join(pack::FILE_NAME)
}

/// The issues whose shard in the pack is not whole (checksum, key, and every
/// body as its digest says), as a load reading every body would find it.
fn damaged_in_pack(root: &Path) -> Vec<String> {
    let pack = pack::Pack::open(&pack_path(root), false).expect("a pack");
    let habits = newstag::corpus::habits::of_root(root);
    let mut out = Vec::new();
    for path in issue_files(root) {
        let rel = newstag::corpus::relative_path(root, &path);
        let Some((at, len)) = pack.find(shard_name(&rel)) else {
            continue;
        };
        let mut bytes = Vec::new();
        pack.read(at, len, &mut bytes).unwrap();
        let key = ShardKey {
            version: shard::FORMAT_VERSION,
            program: ProgramStamp::current().unwrap(),
            rel: rel.clone(),
            file: FileStamp::of(&path).unwrap(),
        };
        if shard::decode(&bytes, &key, &habits, &path).is_none() {
            out.push(rel);
        }
    }
    out
}

/// Flip a byte in the middle of the bodies of `rel`'s shard, in the pack as
/// it lies (a disk error: the pack's index and the shard's head stay whole).
fn damage_body(root: &Path, rel: &str) {
    use std::os::unix::fs::FileExt;
    let path = pack_path(root);
    let pack = pack::Pack::open(&path, false).unwrap();
    let (at, len) = pack.find(shard_name(rel)).unwrap();
    let mut bytes = Vec::new();
    pack.read(at, len, &mut bytes).unwrap();
    let head = shard::checked_len(&bytes).unwrap();
    assert!(head < bytes.len(), "{rel} has body text");
    let flip = head + (bytes.len() - head) / 2;
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.write_all_at(&[bytes[flip] ^ 0x20], at + flip as u64)
        .unwrap();
}

#[test]
fn a_damaged_body_costs_its_issue_alone_and_is_not_packed_again() {
    let home = tempfile::tempdir().unwrap();
    // SAFETY: the only test of this binary sets it before any thread reads the
    // environment.
    unsafe { std::env::set_var(newstag::cache::DIR_ENV, home.path().join("cache")) };
    let root = home.path().join("corpus");
    let n = 20;
    write_issues(&root, n);
    let (_, cut) = load(&root, true);
    assert_eq!(cut, n as u64);
    let (issues, cut) = load(&root, true);
    assert_eq!((cut, bodies(&issues)), (0, fresh(&root)), "warm");
    assert_eq!(damaged_in_pack(&root), Vec::<String>::new());

    // Found after the load ended (no pack is written then): the body is cut
    // afresh, the pack stays, and the next load cuts that issue alone and
    // writes the pack again whole.
    damage_body(&root, "p3.txt");
    assert_eq!(damaged_in_pack(&root), vec!["p3.txt".to_string()]);
    let (issues, cut) = load(&root, false);
    assert_eq!((cut, bodies(&issues)), (0, fresh(&root)));
    assert!(pack_path(&root).exists(), "the pack stays");
    let (issues, cut) = load(&root, true);
    assert_eq!((cut, bodies(&issues)), (1, fresh(&root)), "one issue cut");
    assert_eq!(damaged_in_pack(&root), Vec::<String>::new());
    let (_, cut) = load(&root, true);
    assert_eq!(cut, 0, "mended");

    // Found while the load runs, which then writes the pack again (three of
    // twenty files changed): the damaged copy is not carried into it.
    damage_body(&root, "p5.txt");
    for i in 10..13 {
        let p = root.join(format!("p{i}.txt"));
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, format!("{text}\n\n补白一则。\n")).unwrap();
    }
    let (issues, cut) = load(&root, true);
    assert_eq!((cut, bodies(&issues)), (3, fresh(&root)));
    assert_eq!(damaged_in_pack(&root), Vec::<String>::new());
    let (issues, cut) = load(&root, true);
    assert_eq!((cut, bodies(&issues)), (1, fresh(&root)), "p5 cut again");
    let (_, cut) = load(&root, true);
    assert_eq!(cut, 0, "mended");
}

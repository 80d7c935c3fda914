//! Coding as a team through git: two coders tag, untag and code the same
//! articles on two clones of a corpus repository, and the merge keeps every
//! decision of both, without a conflict (real `git`, real binary).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use common::files::{copy_tree, repo_path};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// Run git in `dir`, asserting it succeeds; returns its stdout.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?} in {}: {}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A clone of `origin` at `dir` whose git user (and so newstag coder) is `name`.
fn clone_as(origin: &Path, dir: &Path, name: &str) {
    git(
        dir.parent().unwrap(),
        &[
            "clone",
            origin.to_str().unwrap(),
            dir.file_name().unwrap().to_str().unwrap(),
        ],
    );
    git(dir, &["config", "user.name", name]);
    git(
        dir,
        &["config", "user.email", &format!("{name}@example.org")],
    );
}

/// Commit everything in `dir`.
fn commit(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// `newstag COMMAND DIR ARGS...` as the clone's git user; its stdout.
fn run_as(cli: &Cli, command: &str, dir: &Path, rest: &[&str]) -> String {
    let mut args = vec![command, dir.to_str().unwrap()];
    args.extend_from_slice(rest);
    let out = cli
        .command()
        .args(&args)
        .current_dir(dir)
        .env_remove("NEWSTAG_CODER")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert_succeeded(&out);
    String::from_utf8(out.stdout).unwrap()
}

/// `newstag tag DIR ID CHANGES...` as the clone's git user.
fn tag(cli: &Cli, dir: &Path, id: &str, changes: &[&str]) {
    let mut rest = vec![id];
    rest.extend_from_slice(changes);
    run_as(cli, "tag", dir, &rest);
}

/// The memos on article `id` of the corpus at `dir`: `coder<TAB>text` lines.
fn memos(cli: &Cli, dir: &Path, id: &str) -> BTreeSet<String> {
    run_as(cli, "note", dir, &[id])
        .lines()
        .map(String::from)
        .collect()
}

/// `(coder, tag)` of every decision on article `id`, from `export --format long`.
fn decisions(cli: &Cli, dir: &Path, id: &str) -> BTreeSet<(String, String)> {
    let out = cli.run(&["export", dir.to_str().unwrap(), "--format", "long"]);
    assert_succeeded(&out);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (c_id, c_coder, c_tag, c_value) = (col("id"), col("coder"), col("tag"), col("value"));
    reader
        .records()
        .map(Result::unwrap)
        .filter(|r| &r[c_id] == id && &r[c_value] == "1")
        .map(|r| (r[c_coder].to_string(), r[c_tag].to_string()))
        .collect()
}

fn pair(coder: &str, tag: &str) -> (String, String) {
    (coder.to_string(), tag.to_string())
}

/// Two coders tag, untag, code ("no topic") and note (memos) overlapping
/// articles on two clones; pulling one into the other merges without a
/// conflict, both coders' decisions and memos are there, and a tag or memo
/// removed after it was shared stays removed.
#[test]
fn two_coders_on_two_clones_merge_without_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let seed = tmp.path().join("seed");
    copy_tree(&repo_path("tests/fixtures/corpus"), &seed);
    git(&seed, &["init", "-q"]);
    let out = cli.run(&["git-setup", seed.to_str().unwrap()]);
    assert_succeeded(&out);
    assert!(seed.join("coders/README.md").is_file());
    assert!(seed.join("coders/.gitignore").is_file());
    git(&seed, &["config", "user.name", "lead"]);
    git(&seed, &["config", "user.email", "lead@example.org"]);
    commit(&seed, "corpus");
    let origin = tmp.path().join("origin.git");
    git(tmp.path(), &["clone", "-q", "--bare", "seed", "origin.git"]);

    let (a, b) = (tmp.path().join("alice"), tmp.path().join("bob"));
    clone_as(&origin, &a, "alice");
    clone_as(&origin, &b, "bob");
    let ids: Vec<String> = cli
        .article_tags(&a)
        .into_iter()
        .map(|(_, id, _)| id)
        .collect();
    let (x, y, z) = (&ids[0], &ids[1], &ids[2]);

    // Alice tags x with heritage, notes y, and shares it; Bob pulls it.
    tag(&cli, &a, x, &["+heritage"]);
    run_as(&cli, "note", &a, &[y, "来源待查"]);
    commit(&a, "alice: heritage");
    git(&a, &["push", "-q", "origin", "main"]);
    git(&b, &["pull", "-q", "--no-rebase", "origin", "main"]);

    // Then both code x, y and z, each on their own clone.
    tag(&cli, &a, x, &["+governance", "-heritage"]);
    tag(&cli, &a, y, &["+environment"]);
    tag(&cli, &a, z, &["+no-topic"]);
    run_as(&cli, "note", &a, &[y, "--clear"]);
    run_as(&cli, "note", &a, &[x, "人数待核实"]);
    commit(&a, "alice: second pass");
    tag(&cli, &b, x, &["+governance", "+environment"]);
    tag(&cli, &b, y, &["+no-topic"]);
    tag(&cli, &b, z, &["+heritage"]);
    run_as(&cli, "note", &b, &[x, "照片说明有误"]);
    commit(&b, "bob: first pass");
    git(&b, &["push", "-q", "origin", "main"]);

    // Alice merges Bob's work: no conflict, nothing left unmerged.
    git(&a, &["pull", "-q", "--no-rebase", "origin", "main"]);
    let status = git(&a, &["status", "--porcelain"]);
    assert!(status.is_empty(), "merge left changes: {status}");
    assert!(git(&a, &["log", "--oneline", "-1"]).contains("Merge"));

    assert_eq!(
        decisions(&cli, &a, x),
        BTreeSet::from([
            pair("alice", "governance"),
            pair("bob", "environment"),
            pair("bob", "governance"),
        ]),
        "both coders' decisions on x, and alice's removal of heritage kept"
    );
    assert_eq!(
        decisions(&cli, &a, y),
        BTreeSet::from([pair("alice", "environment"), pair("bob", "no-topic")])
    );
    assert_eq!(
        decisions(&cli, &a, z),
        BTreeSet::from([pair("alice", "no-topic"), pair("bob", "heritage")])
    );
    // Both memos on x; alice's memo on y, cleared after Bob had it, stays gone.
    assert_eq!(
        memos(&cli, &a, x),
        BTreeSet::from([
            "alice\t人数待核实".to_string(),
            "bob\t照片说明有误".to_string()
        ])
    );
    assert!(memos(&cli, &a, y).is_empty(), "{:?}", memos(&cli, &a, y));
    // The same in Bob's clone once he pulls the merge.
    git(&b, &["pull", "-q", "--no-rebase", "origin", "main"]);
    git(&a, &["push", "-q", "origin", "main"]);
    git(&b, &["pull", "-q", "--no-rebase", "origin", "main"]);
    assert_eq!(decisions(&cli, &b, x), decisions(&cli, &a, x));
    let tracked = git(&a, &["ls-files"]);
    assert!(!tracked.contains(".newstag.lock"), "{tracked}");

    // Blind, each coder sees only their own decisions.
    let out = cli
        .command()
        .args([
            "articles",
            a.to_str().unwrap(),
            "--format",
            "jsonl",
            "--blind",
        ])
        .env("NEWSTAG_CODER", "bob")
        .output()
        .unwrap();
    assert_succeeded(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    let line_x = text.lines().find(|l| l.contains(x.as_str())).unwrap();
    let v: serde_json::Value = serde_json::from_str(line_x).unwrap();
    assert_eq!(v["tags"], serde_json::json!(["environment", "governance"]));
    let out = cli.run(&["check", a.to_str().unwrap()]);
    assert_succeeded(&out);
}

/// In the one-person layout (no `coders/` folder) every tag records its coder
/// in the sidecar beside the issue, and sidecars without coders read as before.
#[test]
fn one_person_layout_records_the_coder_and_reads_old_sidecars() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let dir = tmp.path().join("c");
    copy_tree(&repo_path("tests/fixtures/corpus"), &dir);
    let ids: Vec<String> = cli
        .article_tags(&dir)
        .into_iter()
        .map(|(_, id, _)| id)
        .collect();
    let out = cli
        .command()
        .args(["tag", dir.to_str().unwrap(), &ids[0], "+heritage"])
        .args(["--coder", "王芳"])
        .output()
        .unwrap();
    assert_succeeded(&out);
    let sidecar = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".tags.toml"))
        .unwrap();
    let text = std::fs::read_to_string(&sidecar).unwrap();
    assert!(text.contains("coder = \"王芳\""), "{text}");
    // An old sidecar: the same line without a coder reads as the unknown coder's.
    let old = text.replace(", coder = \"王芳\"", "");
    std::fs::write(&sidecar, &old).unwrap();
    assert_eq!(
        decisions(&cli, &dir, &ids[0]),
        BTreeSet::from([pair("", "heritage")])
    );
    // NEWSTAG_CODER names the coder when --coder is not given.
    let out = cli
        .command()
        .args(["tag", dir.to_str().unwrap(), &ids[1], "+governance"])
        .env("NEWSTAG_CODER", "李华")
        .output()
        .unwrap();
    assert_succeeded(&out);
    assert_eq!(
        decisions(&cli, &dir, &ids[1]),
        BTreeSet::from([pair("李华", "governance")])
    );
    // A coder that cannot name a folder is refused, naming it.
    let out = cli
        .command()
        .args(["tag", dir.to_str().unwrap(), &ids[1], "+heritage"])
        .args(["--coder", "a/b"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"a/b\""));
}

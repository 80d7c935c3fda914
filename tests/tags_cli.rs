//! `newstag tag` and `newstag check` as a user runs them, including concurrent
//! writers and writers killed with SIGKILL in the middle of saving.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use newstag::tags::sidecar;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

const PLACES: [&str; 6] = ["迎泽区", "小店区", "杏花岭", "万柏林", "晋源区", "尖草坪"];
const TOPICS: [&str; 10] = [
    "老旧小区改造",
    "古建筑修缮",
    "湿地公园开放",
    "垃圾分类督导",
    "网格员走访",
    "非遗展演",
    "河道清淤",
    "社区议事会",
    "文物普查",
    "植树造林",
];

/// Write `issues` issue files of `per_issue` articles each under `dir`.
fn make_corpus(dir: &Path, issues: usize, per_issue: usize) {
    for i in 0..issues {
        let mut text = String::new();
        for a in 0..per_issue {
            let place = PLACES[(i + a) % PLACES.len()];
            let topic = TOPICS[a % TOPICS.len()];
            text.push_str(&format!("# {place}{topic}第{}期\n\n", i * 100 + a));
            text.push_str(&format!(
                "本报讯 近日，{place}围绕{topic}开展了一系列工作，居民普遍反映效果良好，相关负责人表示将持续推进。\n\n"
            ));
        }
        std::fs::write(dir.join(format!("2024-03-{:02}_{i}.md", i + 1)), text).unwrap();
    }
}

/// Every sidecar under `dir` must parse; returns id -> tag names.
fn all_sidecar_tags(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".tags.toml") && !name.starts_with('.') {
            let text = std::fs::read_to_string(&p).unwrap();
            let s = sidecar::parse(&text, &p)
                .unwrap_or_else(|e| panic!("broken sidecar after kill: {e}\n{text}"));
            for a in s.articles {
                out.insert(a.id, a.tags.into_keys().collect());
            }
        }
    }
    out
}

fn s(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

/// `newstag tag` adds, removes and toggles tags by id, `articles` then shows them, and bad input changes nothing.
#[test]
fn tag_command_adds_removes_toggles() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    make_corpus(dir.path(), 2, 4);
    let arts = cli.article_tags(dir.path());
    assert!(arts.len() >= 6, "{arts:?}");
    let (a, b) = (arts[0].1.clone(), arts[arts.len() - 1].1.clone());
    let out = cli.run(&["tag", s(dir.path()), &a, &b, "+governance", "-heritage"]);
    assert_succeeded(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("+governance: 2 articles, saved"),
        "{stdout}"
    );
    let out = cli.run(&["tag", s(dir.path()), &a, &b, "!governance", "!heritage"]);
    assert!(out.status.success());
    let now = cli.article_tags(dir.path());
    let tags_of = |id: &str| now.iter().find(|x| x.1 == id).unwrap().2.clone();
    assert_eq!(tags_of(&a), ["heritage"]);
    assert_eq!(tags_of(&b), ["heritage"]);
    // An unknown id or tag changes nothing and exits non-zero.
    let before = all_sidecar_tags(dir.path());
    let out = cli.run(&["tag", s(dir.path()), &a, "nosuchid0000", "+environment"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nosuchid0000"));
    let out = cli.run(&["tag", s(dir.path()), &a, "+no-such-tag"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(all_sidecar_tags(dir.path()), before);
    // --dry-run prints the count and ids and writes nothing.
    let out = cli.run(&["tag", s(dir.path()), &a, &b, "+environment", "--dry-run"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("2 articles\n"), "{stdout}");
    assert!(stdout.contains(&a) && stdout.contains(&b), "{stdout}");
    assert_eq!(all_sidecar_tags(dir.path()), before);
}

/// `newstag check` exits 0 on a clean corpus and 1 naming bad sidecars, orphans, unknown tags and lost sidecars.
#[test]
fn check_reports_problems() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    make_corpus(dir.path(), 3, 3);
    let arts = cli.article_tags(dir.path());
    let first = &arts[0];
    let out = cli.run(&["tag", s(dir.path()), &first.1, "+heritage"]);
    assert!(out.status.success());
    let out = cli.run(&["check", s(dir.path())]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok: 1 tagged articles"));

    // An orphan with an unknown tag in issue 2, a broken sidecar for issue 3,
    // and a sidecar whose issue is gone.
    let issue2 = &arts.iter().find(|x| x.0 != first.0).unwrap().0;
    let side2 = dir.path().join(issue2.replace(".md", ".tags.toml"));
    std::fs::write(&side2, "schema = 1\n\n[[article]]\nid = \"0123456789ab\"\ntitle = \"删掉的文章\"\ntags = [\n  { name = \"旧标签\", at = \"2025-01-01T00:00:00Z\", by = \"hand\" },\n]\n").unwrap();
    let issue3 = &arts
        .iter()
        .rev()
        .find(|x| x.0 != first.0 && &x.0 != issue2)
        .unwrap()
        .0;
    let side3 = dir.path().join(issue3.replace(".md", ".tags.toml"));
    std::fs::write(&side3, "schema = 1\n[[article]]\nid = \"x\"\ntags = [\n").unwrap();
    std::fs::write(dir.path().join("gone.tags.toml"), "schema = 1\n").unwrap();
    let out = cli.run(&["check", s(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("orphaned tags 旧标签 of article 0123456789ab"),
        "{stdout}"
    );
    assert!(stdout.contains("unknown tag \"旧标签\""), "{stdout}");
    assert!(
        stdout.contains(&format!("{}:4:", side3.display())),
        "bad sidecar named with its line: {stdout}"
    );
    assert!(stdout.contains("gone.tags.toml: no issue file"), "{stdout}");
    assert!(stdout.contains("4 problems"), "{stdout}");
}

/// Tagging an issue whose sidecar is corrupt fails for that issue, leaves the file byte-for-byte, and tags the rest.
#[test]
fn corrupt_sidecar_unchanged_by_tag_command() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    make_corpus(dir.path(), 2, 3);
    let arts = cli.article_tags(dir.path());
    let a = &arts[0];
    let b = arts.iter().find(|x| x.0 != a.0).unwrap();
    let bad = dir.path().join(a.0.replace(".md", ".tags.toml"));
    let garbage: &[u8] = b"schema = 1\n[[article]]\nid = \"\xe4\xb8\n broken";
    std::fs::write(&bad, garbage).unwrap();
    let out = cli.run(&["tag", s(dir.path()), &a.1, &b.1, "+heritage"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("read-only"), "{stderr}");
    assert!(stderr.contains(&bad.display().to_string()), "{stderr}");
    assert_eq!(std::fs::read(&bad).unwrap(), garbage);
    let now = cli.article_tags(dir.path());
    assert_eq!(now.iter().find(|x| x.1 == b.1).unwrap().2, ["heritage"]);
}

/// Two writer processes tagging articles of the same issues at the same time lose none of each other's tags.
#[test]
fn concurrent_writer_processes_keep_all_tags() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    make_corpus(dir.path(), 2, 12);
    let arts = cli.article_tags(dir.path());
    let ids: Vec<String> = arts.iter().map(|a| a.1.clone()).collect();
    let root = dir.path().to_path_buf();
    let home = cli.home().to_path_buf();
    let writer = |tag: &'static str, ids: Vec<String>, root: PathBuf| {
        let home = home.clone();
        std::thread::spawn(move || {
            for id in ids {
                let out = Cli::in_home(&home)
                    .command()
                    .args(["tag", root.to_str().unwrap(), &id, &format!("+{tag}")])
                    .output()
                    .unwrap();
                assert_succeeded(&out);
            }
        })
    };
    // Writer A tags every article governance; writer B tags every article heritage
    // in the opposite order, so they hit the same sidecars at the same moments.
    let rev: Vec<String> = ids.iter().rev().cloned().collect();
    let a = writer("governance", ids.clone(), root.clone());
    let b = writer("heritage", rev, root.clone());
    a.join().unwrap();
    b.join().unwrap();
    let tags = all_sidecar_tags(dir.path());
    for id in &ids {
        let t: Vec<&str> = tags[id].iter().map(String::as_str).collect();
        assert_eq!(t, ["governance", "heritage"], "article {id}");
    }
}

/// Writers killed with SIGKILL at random moments while saving leave every sidecar parseable with every acknowledged tag.
#[test]
fn sigkill_during_saves_loses_no_acknowledged_tag() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    make_corpus(dir.path(), 2, 20);
    let ids: Vec<String> = cli
        .article_tags(dir.path())
        .into_iter()
        .map(|a| a.1)
        .collect();
    // Time one full run to spread the kills over a writer's whole life.
    let t0 = Instant::now();
    let out = cli.run(&["tag", s(dir.path()), &ids[0], "+environment"]);
    assert!(out.status.success());
    // The kill moment adapts: later after a writer died before any save, earlier
    // after one finished, so kills keep landing among the saves.
    let mut scale = t0.elapsed().as_micros().max(2_000) as f64;
    let tags = ["governance", "heritage", "environment"];
    let mut acked: Vec<(String, &str)> = vec![(ids[0].clone(), "environment")];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut killed = 0;
    for (i, id) in ids.iter().enumerate().skip(1) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let frac = 0.3 + (seed % 1000) as f64 / 1000.0;
        let delay = Duration::from_micros((scale * frac) as u64);
        let mut child = cli
            .command()
            .args([
                "tag",
                s(dir.path()),
                id,
                "+governance",
                "+heritage",
                "+environment",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let was_killed = child.try_wait().unwrap().is_none();
        if was_killed {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        child.wait().unwrap();
        let mut stdout = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut stdout)
            .unwrap();
        // Each printed "+TAG: ... saved" line acknowledges one saved change.
        for line in stdout.lines() {
            for t in tags {
                if line.starts_with(&format!("+{t}: ")) && line.ends_with("saved") {
                    acked.push((id.clone(), t));
                }
            }
        }
        let acks_here = stdout.lines().filter(|l| l.ends_with("saved")).count();
        if !was_killed {
            scale *= 0.8;
        } else if acks_here == 0 {
            scale *= 1.3;
        }
        // Every sidecar parses after every kill.
        let _ = all_sidecar_tags(dir.path());
        if i % 10 == 0 {
            let out = cli.run(&["check", s(dir.path())]);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&out.stdout)
            );
        }
    }
    let on_disk = all_sidecar_tags(dir.path());
    for (id, t) in &acked {
        assert!(
            on_disk.get(id).is_some_and(|s| s.contains(*t)),
            "acknowledged {t} on {id} is lost"
        );
    }
    assert!(killed > 0, "no writer was killed; the test proved nothing");
    assert!(
        acked.len() > 5,
        "too few saves acknowledged to prove anything"
    );
    eprintln!(
        "{killed} writers killed, {} acknowledged tags all kept",
        acked.len()
    );
}

/// The mode (`ls -l`) of `path`'s permission bits.
#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

/// Sidecars are as readable as any file the user writes: with umask 022 a new
/// sidecar is 0644 (not 0600), and one that was 0640 (or 0664) keeps that mode when
/// a tag is toggled.
#[cfg(unix)]
#[test]
fn sidecar_modes_follow_umask_and_survive_toggling() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    make_corpus(dir.path(), 1, 2);
    let arts = cli.article_tags(dir.path());
    let sidecar = dir.path().join(arts[0].0.replace(".md", ".tags.toml"));
    let tag = |change: &str| {
        let out = cli
            .command_with_umask(0o022)
            .args(["tag", s(dir.path()), &arts[0].1, change])
            .output()
            .unwrap();
        assert_succeeded(&out);
    };
    tag("+governance");
    assert_eq!(mode_of(&sidecar), 0o644, "new sidecar");
    for wanted in [0o640, 0o664] {
        std::fs::set_permissions(&sidecar, std::fs::Permissions::from_mode(wanted)).unwrap();
        tag("!heritage");
        assert_eq!(mode_of(&sidecar), wanted, "after toggling, was {wanted:o}");
        assert!(
            std::fs::read_to_string(&sidecar)
                .unwrap()
                .contains("heritage")
        );
        tag("!heritage");
        assert_eq!(mode_of(&sidecar), wanted, "after toggling back");
        assert!(
            !std::fs::read_to_string(&sidecar)
                .unwrap()
                .contains("heritage")
        );
    }
}

/// A blank `--query` would match the whole archive: refused, nothing written. A query
/// matching more than `ui.confirm_bulk_over` articles needs `--yes` or `--max N`.
#[test]
fn bulk_tagging_by_query_asks_before_changing_many_articles() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    make_corpus(dir.path(), 6, 5);
    let total = cli.article_tags(dir.path()).len();
    assert!(
        total > 20,
        "the corpus must exceed confirm_bulk_over: {total}"
    );
    for blank in ["", "   ", "\u{3000}"] {
        let out = cli.run(&["tag", s(dir.path()), "--query", blank, "+heritage"]);
        assert_eq!(out.status.code(), Some(2), "query {blank:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--query is empty"));
    }
    assert!(all_sidecar_tags(dir.path()).is_empty());
    // `untagged` matches every article: more than 20, so it asks first.
    let out = cli.run(&["tag", s(dir.path()), "--query", "untagged", "+heritage"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{total} articles match")),
        "{stderr}"
    );
    assert!(stderr.contains("--yes"), "{stderr}");
    assert!(all_sidecar_tags(dir.path()).is_empty());
    let out = cli.run(&[
        "tag",
        s(dir.path()),
        "--query",
        "untagged",
        "+heritage",
        "--max",
        "5",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(all_sidecar_tags(dir.path()).is_empty());
    let out = cli.run(&[
        "tag",
        s(dir.path()),
        "--query",
        "untagged",
        "+heritage",
        "--yes",
    ]);
    assert_succeeded(&out);
    let tagged: usize = all_sidecar_tags(dir.path()).len();
    assert!(tagged > 0);
    assert!(
        cli.article_tags(dir.path())
            .iter()
            .all(|a| a.2 == ["heritage"])
    );
}

/// The same page printed on two days (same file name, same text) gives its articles
/// the same id: a bare id is refused with the list of matches, `ISSUE#ID` picks one,
/// and a unique prefix of an id is accepted.
#[test]
fn an_id_in_several_issues_is_refused_until_the_issue_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    let page = "# 今日天气\n\n本报讯 今天晴转多云，气温十二到二十度，北风三级，空气质量良好。\n\n# 社区新闻\n\n本报讯 东关社区开展志愿服务活动，居民踊跃参加，现场气氛热烈。\n";
    for day in ["0301", "0302"] {
        std::fs::create_dir_all(dir.path().join(day)).unwrap();
        std::fs::write(dir.path().join(day).join("p1.md"), page).unwrap();
    }
    let arts = cli.article_tags(dir.path());
    let weather: Vec<_> = arts.iter().filter(|a| a.0.ends_with("p1.md")).collect();
    assert_eq!(weather.len(), 4, "{arts:?}");
    let id = weather[0].1.clone();
    assert_eq!(
        arts.iter().filter(|a| a.1 == id).count(),
        2,
        "same id on both days"
    );
    let out = cli.run(&["tag", s(dir.path()), &id, "+heritage"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("0301/p1.md#") && stderr.contains("0302/p1.md#"),
        "{stderr}"
    );
    assert!(
        all_sidecar_tags(dir.path()).is_empty() && !dir.path().join("0302/p1.tags.toml").exists()
    );
    let out = cli.run(&[
        "tag",
        s(dir.path()),
        &format!("0302/p1.md#{}", &id[..6]),
        "+heritage",
    ]);
    assert_succeeded(&out);
    let now = cli.article_tags(dir.path());
    let tagged: Vec<_> = now.iter().filter(|a| !a.2.is_empty()).collect();
    assert_eq!(tagged.len(), 1, "{now:?}");
    assert_eq!(tagged[0].0, "0302/p1.md");
    assert_eq!(tagged[0].1, id);
}

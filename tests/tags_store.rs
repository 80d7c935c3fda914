//! TagStore behaviour against real sidecar files in temp folders.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::article::{Article, Issue};
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::tags::{Problem, Source, TagStore, Target, sidecar};
use std::path::Path;

fn article(id: &str, title: &str, index: usize) -> Article {
    Article {
        id: id.into(),
        index,
        line: index * 3 + 1,
        title: title.into(),
        paragraphs: vec![format!("{title}的正文。")].into(),
        ..Article::default()
    }
}

fn issue(root: &Path, rel: &str, articles: &[(&str, &str)]) -> Issue {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "text").unwrap();
    Issue {
        path,
        rel: rel.into(),
        articles: articles
            .iter()
            .enumerate()
            .map(|(i, (id, t))| article(id, t, i))
            .collect(),
        ..Issue::default()
    }
}

fn corpus(root: &Path) -> Corpus {
    Corpus {
        root: root.to_path_buf(),
        issues: vec![
            issue(
                root,
                "a/1.txt",
                &[
                    ("a1", "古城墙修缮工程完工"),
                    ("a2", "社区网格员走访"),
                    ("a3", "湿地公园新添候鸟观测点位"),
                ],
            ),
            issue(
                root,
                "b/2.txt",
                &[("b1", "垃圾分类进小区"), ("b2", "非遗传承人收徒")],
            ),
        ],
        warnings: vec![],
        habits: Default::default(),
    }
}

fn t<'a>(c: &'a Corpus, i: usize, a: usize) -> Target<'a> {
    Target {
        issue: &c.issues[i],
        article: &c.issues[i].articles[a],
    }
}

fn on_disk(root: &Path, rel_sidecar: &str) -> Option<sidecar::Sidecar> {
    sidecar::read(&root.join(rel_sidecar)).unwrap()
}

fn disk_tags(root: &Path, rel_sidecar: &str, id: &str) -> Vec<String> {
    on_disk(root, rel_sidecar)
        .and_then(|s| s.articles.into_iter().find(|a| a.id == id))
        .map(|a| a.tags.into_keys().collect())
        .unwrap_or_default()
}

/// Toggling a tag on one article saves it to the sidecar at once; toggling again removes it.
#[test]
fn toggle_saves_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let mut s = TagStore::open(&c, None);
    let o = s.toggle(&[t(&c, 0, 1)], "governance", Source::Hand);
    assert!(o.ok(), "{}", o.message());
    assert_eq!(o.message(), "+governance: 1 article, saved");
    assert_eq!(disk_tags(dir.path(), "a/1.tags.toml", "a2"), ["governance"]);
    let text = std::fs::read_to_string(dir.path().join("a/1.tags.toml")).unwrap();
    assert!(text.contains("title = \"社区网格员走访\""), "{text}");
    assert!(text.contains("by = \"hand\""), "{text}");
    s.toggle(&[t(&c, 0, 1)], "governance", Source::Hand);
    assert!(!s.is_tagged("a/1.txt", "a2"));
    assert!(
        !dir.path().join("a/1.tags.toml").exists(),
        "a sidecar with no tags left is removed"
    );
}

/// A bulk toggle over marked articles in two issues adds to those lacking the tag, then removes from all.
#[test]
fn batch_toggle_across_issues() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let mut s = TagStore::open(&c, None);
    s.toggle(&[t(&c, 0, 0)], "heritage", Source::Suggestion);
    let marked = [t(&c, 0, 0), t(&c, 0, 2), t(&c, 1, 1)];
    let o = s.toggle(&marked, "heritage", Source::Hand);
    assert_eq!(o.applied.article_count(), 2, "a1 already had it");
    assert_eq!(o.saved.len(), 2);
    for (side, id) in [
        ("a/1.tags.toml", "a1"),
        ("a/1.tags.toml", "a3"),
        ("b/2.tags.toml", "b2"),
    ] {
        assert_eq!(disk_tags(dir.path(), side, id), ["heritage"], "{id}");
    }
    // The accepted suggestion keeps how it was set.
    assert_eq!(
        s.tags_of("a/1.txt", "a1").unwrap()["heritage"].by,
        Source::Suggestion
    );
    s.toggle(&marked, "heritage", Source::Hand);
    assert_eq!(s.tagged_count(), 0);
    assert!(!dir.path().join("b/2.tags.toml").exists());
}

/// Undo and redo walk many steps back and forth, bulk steps whole, and every step is saved.
#[test]
fn undo_redo_many_levels() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let mut s = TagStore::open(&c, None);
    s.toggle(&[t(&c, 0, 0)], "heritage", Source::Hand);
    s.toggle(&[t(&c, 0, 1), t(&c, 1, 0)], "governance", Source::Hand);
    s.toggle(&[t(&c, 1, 0)], "environment", Source::Hand);
    s.toggle(&[t(&c, 0, 0)], "heritage", Source::Hand);
    let snapshot = |s: &TagStore| {
        (
            s.tag_names("a/1.txt", "a1"),
            s.tag_names("a/1.txt", "a2"),
            s.tag_names("b/2.txt", "b1"),
            disk_tags(dir.path(), "b/2.tags.toml", "b1"),
        )
    };
    let end = snapshot(&s);
    assert_eq!(end.2, ["environment", "governance"]);
    assert_eq!(end.3, end.2, "memory and disk agree");
    let o = s.undo().unwrap();
    assert_eq!(o.message(), "undo -heritage: 1 article, saved");
    assert_eq!(s.tag_names("a/1.txt", "a1"), ["heritage"]);
    s.undo();
    s.undo();
    assert_eq!(
        disk_tags(dir.path(), "b/2.tags.toml", "b1"),
        Vec::<String>::new()
    );
    assert!(
        s.tag_names("a/1.txt", "a2").is_empty(),
        "bulk step undone whole"
    );
    s.undo();
    assert_eq!(s.tagged_count(), 0);
    assert!(s.undo().is_none());
    for _ in 0..4 {
        assert!(s.redo().unwrap().ok());
    }
    assert!(s.redo().is_none());
    assert_eq!(snapshot(&s), end);
    // A new change after an undo drops the redo branch.
    s.undo();
    s.toggle(&[t(&c, 1, 1)], "heritage", Source::Hand);
    assert!(!s.can_redo());
}

/// What one session saved, the next one reads back: tags, when and how they were set.
#[test]
fn sidecar_round_trip_through_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let mut s = TagStore::open(&c, None);
    s.toggle(&[t(&c, 0, 0), t(&c, 1, 1)], "heritage", Source::Suggestion);
    s.toggle(&[t(&c, 0, 0)], "交通 出行", Source::Hand);
    let before = s.tags_of("a/1.txt", "a1").unwrap().clone();
    let again = TagStore::open(&c, None);
    assert_eq!(again.tags_of("a/1.txt", "a1"), Some(&before));
    assert_eq!(again.tag_names("b/2.txt", "b2"), ["heritage"]);
    assert_eq!(again.tagged_count(), 2);
    assert!(
        again
            .problems(&Config::builtin().tags)
            .iter()
            .any(|p| matches!(p, Problem::UnknownTag { tag, .. } if tag == "交通 出行"))
    );
}

/// A sidecar saved to a separate sidecar_dir mirrors the corpus and leaves the corpus folder alone.
#[test]
fn sidecar_dir_keeps_corpus_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let side = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let mut s = TagStore::open(&c, Some(side.path()));
    assert!(s.toggle(&[t(&c, 1, 0)], "environment", Source::Hand).ok());
    assert_eq!(
        disk_tags(side.path(), "b/2.tags.toml", "b1"),
        ["environment"]
    );
    assert!(!dir.path().join("b/2.tags.toml").exists());
    let again = TagStore::open(&c, Some(side.path()));
    assert!(again.has_tag("b/2.txt", "b1", "environment"));
}

/// After the issue is edited, tags follow their article by title; tags of a deleted article stay as reported orphans.
#[test]
fn reanchor_after_edit_and_keep_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let mut s = TagStore::open(&c, None);
    s.toggle(&[t(&c, 0, 0)], "heritage", Source::Hand);
    s.toggle(&[t(&c, 0, 1)], "governance", Source::Hand);
    s.toggle(&[t(&c, 0, 2)], "environment", Source::Hand);
    // The issue is edited: a new article first (ids shift), a typo fixed in the
    // last title, the second article deleted.
    let mut edited = corpus(dir.path());
    edited.issues[0].articles = vec![
        article("n0", "新增的一篇报道", 0),
        article("n1", "古城墙修缮工程完工", 1),
        article("n3", "湿地公园新添候鸟观察点位", 2),
    ]
    .into();
    let mut s2 = TagStore::open(&edited, None);
    assert_eq!(s2.tag_names("a/1.txt", "n1"), ["heritage"]);
    assert_eq!(s2.tag_names("a/1.txt", "n3"), ["environment"]);
    assert!(!s2.is_tagged("a/1.txt", "n0"));
    let orphans = s2.orphans_of("a/1.txt");
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].title, "社区网格员走访");
    let problems = s2.problems(&Config::builtin().tags);
    assert!(
        matches!(&problems[..], [Problem::Orphan { id, .. }] if id == "a2"),
        "{problems:?}"
    );
    // A later save writes the new ids and still keeps the orphan.
    s2.toggle(&[t(&edited, 0, 0)], "governance", Source::Hand);
    let disk = on_disk(dir.path(), "a/1.tags.toml").unwrap();
    let ids: Vec<_> = disk.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a2", "n0", "n1", "n3"]);
}

/// A sidecar that does not parse is reported with file and line, never rewritten, and the rest works.
#[test]
fn corrupt_sidecar_is_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let bad = dir.path().join("a/1.tags.toml");
    let garbage =
        b"schema = 1\n[[article]]\nid = \"a1\"\ntags = [ { name = \"heritage\", \n\xff\xfe oops";
    std::fs::write(&bad, garbage).unwrap();
    let mut s = TagStore::open(&c, None);
    let problems = s.problems(&Config::builtin().tags);
    assert_eq!(problems.len(), 1);
    assert!(matches!(&problems[0], Problem::BadSidecar(_)));
    assert!(
        problems[0].to_string().contains("1.tags.toml:"),
        "{}",
        problems[0]
    );
    let o = s.toggle(&[t(&c, 0, 0), t(&c, 1, 0)], "heritage", Source::Hand);
    assert!(!o.ok());
    assert_eq!(o.read_only, std::slice::from_ref(&bad));
    assert!(o.message().contains("read-only"), "{}", o.message());
    assert_eq!(std::fs::read(&bad).unwrap(), garbage);
    assert!(
        s.has_tag("b/2.txt", "b1", "heritage"),
        "other issues still work"
    );
    // A text error names the line.
    std::fs::write(&bad, "schema = 1\n\n[[article]]\nid = 7\n").unwrap();
    let s = TagStore::open(&c, None);
    let e = s.read_only("a/1.txt").unwrap().to_string();
    assert!(e.contains("1.tags.toml:4:"), "{e}");
}

/// A sidecar broken by someone else after opening is not overwritten by the next save.
#[test]
fn sidecar_broken_after_open_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let mut s = TagStore::open(&c, None);
    s.toggle(&[t(&c, 0, 0)], "heritage", Source::Hand);
    let path = dir.path().join("a/1.tags.toml");
    std::fs::write(&path, "schema = 1\n[[article\n").unwrap();
    let o = s.toggle(&[t(&c, 0, 1)], "heritage", Source::Hand);
    assert_eq!(o.errors.len(), 1, "{}", o.message());
    assert!(o.applied.is_empty());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "schema = 1\n[[article\n"
    );
    assert!(s.read_only("a/1.txt").is_some());
}

/// A tag removed from the config is kept in the sidecar and survives saves of other tags.
#[test]
fn unknown_tags_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    std::fs::write(
        dir.path().join("b/2.tags.toml"),
        "schema = 1\nissue = \"b/2.txt\"\n\n[[article]]\nid = \"b1\"\ntitle = \"垃圾分类进小区\"\ntags = [\n  { name = \"旧标签\", at = \"2025-01-01T00:00:00Z\", by = \"hand\" },\n]\n",
    )
    .unwrap();
    let mut s = TagStore::open(&c, None);
    assert_eq!(s.tag_names("b/2.txt", "b1"), ["旧标签"]);
    s.toggle(&[t(&c, 1, 0)], "environment", Source::Hand);
    assert_eq!(
        disk_tags(dir.path(), "b/2.tags.toml", "b1"),
        ["environment", "旧标签"]
    );
    let p = s.problems(&Config::builtin().tags);
    assert!(
        matches!(&p[..], [Problem::UnknownTag { tag, .. }] if tag == "旧标签"),
        "{p:?}"
    );
}

/// Two stores on one corpus (as two processes) merge each other's tags instead of overwriting.
#[test]
fn two_stores_do_not_lose_each_others_tags() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let mut a = TagStore::open(&c, None);
    let mut b = TagStore::open(&c, None);
    a.toggle(&[t(&c, 0, 0)], "heritage", Source::Hand);
    b.toggle(&[t(&c, 0, 1)], "governance", Source::Hand);
    a.toggle(&[t(&c, 0, 2)], "environment", Source::Hand);
    assert_eq!(disk_tags(dir.path(), "a/1.tags.toml", "a1"), ["heritage"]);
    assert_eq!(disk_tags(dir.path(), "a/1.tags.toml", "a2"), ["governance"]);
    assert_eq!(
        disk_tags(dir.path(), "a/1.tags.toml", "a3"),
        ["environment"]
    );
    assert!(
        a.has_tag("a/1.txt", "a2", "governance"),
        "a sees b's tag after saving"
    );
}

/// A store of many issues (where only the issues whose folder lists a sidecar
/// name of theirs are read) holds exactly the tags and broken sidecars that
/// stores of each issue alone (which look every sidecar up by name) hold:
/// plain and full sidecar names, issues sharing a stem, a broken sidecar,
/// folders without any sidecar, beside the issues and mirrored.
#[test]
fn many_issues_read_the_sidecars_each_issue_alone_reads() {
    for mirrored in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let side = tempfile::tempdir().unwrap();
        let sidecar_dir = mirrored.then(|| side.path().to_path_buf());
        let root = dir.path();
        let mut issues = Vec::new();
        for folder in ["a", "b", "c"] {
            for n in 0..12 {
                let ext = if n % 5 == 0 { "md" } else { "txt" };
                let rel = format!("{folder}/{n}.{ext}");
                issues.push(issue(
                    root,
                    &rel,
                    &[("x1", "古城墙修缮工程完工"), ("x2", "社区网格员走访")],
                ));
            }
            // Two issues sharing a stem: their sidecars take the full names.
            issues.push(issue(
                root,
                &format!("{folder}/k.txt"),
                &[("k1", "垃圾分类进小区")],
            ));
            issues.push(issue(
                root,
                &format!("{folder}/k.md"),
                &[("k2", "非遗传承人收徒")],
            ));
        }
        let c = Corpus {
            root: root.to_path_buf(),
            issues,
            warnings: vec![],
            habits: Default::default(),
        };
        let mut s = TagStore::open(&c, sidecar_dir.as_deref());
        // Folder "c" is left without a sidecar; in "a" and "b" some issues are tagged.
        let tagged: Vec<usize> = (0..c.issues.len())
            .filter(|&i| !c.issues[i].rel.starts_with("c/") && i % 3 != 1)
            .collect();
        for &i in &tagged {
            let o = s.toggle(&[t(&c, i, 0)], "heritage", Source::Hand);
            assert!(o.ok(), "{}", o.message());
        }
        let base = sidecar_dir.as_deref().unwrap_or(root);
        std::fs::write(base.join("b/4.tags.toml"), "schema = 1\n[[article\n").unwrap();
        let all = TagStore::open(&c, sidecar_dir.as_deref());
        let mut seen = 0;
        for (i, issue) in c.issues.iter().enumerate() {
            let mut alone = TagStore::new(sidecar_dir.as_deref());
            alone.add_issues(std::slice::from_ref(issue));
            assert_eq!(
                all.read_only(&issue.rel).is_some(),
                alone.read_only(&issue.rel).is_some(),
                "{}",
                issue.rel
            );
            for a in issue.articles.iter() {
                let names = all.tag_names(&issue.rel, &a.id);
                assert_eq!(
                    names,
                    alone.tag_names(&issue.rel, &a.id),
                    "{} {}",
                    issue.rel,
                    a.id
                );
                seen += names.len();
            }
            assert_eq!(
                all.read_only(&issue.rel).is_some(),
                issue.rel == "b/4.txt",
                "{i}"
            );
        }
        let broken = c.issues.iter().position(|i| i.rel == "b/4.txt").unwrap();
        assert_eq!(seen, tagged.len() - usize::from(tagged.contains(&broken)));
    }
}

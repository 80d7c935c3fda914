//! Tags are never lost, unreadable or moved to another article: odd issue names,
//! same-titled articles, sidecars left without their issue.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use newstag::corpus::Corpus;
use newstag::tags::sidecar::{self, ArticleTags, Sidecar};
use newstag::tags::{Source, TagMark, TagSet, TagStore, Target};
use proptest::prelude::*;
use std::path::Path;

const PAGE: &str = "古城墙修缮工程完工\n\n本报讯 历时两年的古城墙修缮工程日前完工。\n";

/// An issue whose file and folder names hold CR, ESC, DEL, tab, a C1 control and
/// a line separator can be tagged, and its sidecar reads back with the tag (TOML
/// forbids control characters in the header comment).
#[test]
fn issue_names_with_control_characters_keep_their_tags() {
    for name in [
        "a\rb",
        "esc\u{1b}[2J",
        "del\u{7f}",
        "tab\tx",
        "c1\u{85}",
        "ls\u{2028}",
        "bidi\u{202e}",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join(format!("报{name}"));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(format!("{name}.txt")), PAGE).unwrap();
        let corpus = Corpus::load(dir.path()).unwrap();
        assert_eq!(corpus.issues.len(), 1, "{name:?}");
        let issue = &corpus.issues[0];
        let mut store = TagStore::open(&corpus, None);
        let target = Target {
            issue,
            article: &issue.articles[0],
        };
        let outcome = store.set(&[target], "heritage", true, Source::Hand);
        assert!(outcome.ok(), "{name:?}: {}", outcome.message());
        let path = store.sidecar_path(issue);
        let back = sidecar::read(&path)
            .unwrap_or_else(|e| panic!("{name:?}: the sidecar does not read back: {e}"))
            .unwrap();
        assert_eq!(back.issue, issue.rel);
        let reopened = TagStore::open(&corpus, None);
        assert!(reopened.read_only(&issue.rel).is_none(), "{name:?}");
        assert!(
            reopened.has_tag(&issue.rel, &issue.articles[0].id, "heritage"),
            "{name:?}"
        );
    }
}

/// A save whose text would not read back as the same tags (here a blank tag
/// name, which the reader refuses) is refused with a message, and the sidecar on
/// disk stays as it was and readable.
#[test]
fn a_sidecar_that_would_not_read_back_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("1.txt"), PAGE).unwrap();
    let corpus = Corpus::load(dir.path()).unwrap();
    let issue = &corpus.issues[0];
    let target = Target {
        issue,
        article: &issue.articles[0],
    };
    let mut store = TagStore::open(&corpus, None);
    assert!(store.set(&[target], "heritage", true, Source::Hand).ok());
    let path = store.sidecar_path(issue);
    let before = std::fs::read(&path).unwrap();
    let outcome = store.set(&[target], " ", true, Source::Hand);
    assert!(!outcome.ok());
    assert!(
        outcome.message().contains("would not read back"),
        "{}",
        outcome.message()
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let reopened = TagStore::open(&corpus, None);
    assert!(reopened.read_only(&issue.rel).is_none());
    assert_eq!(
        reopened.tag_names(&issue.rel, &issue.articles[0].id),
        ["heritage"]
    );
}

fn mark(at: &str, by: Source) -> TagMark {
    TagMark {
        at: at.into(),
        by,
        coder: String::new(),
        codebook: 0,
    }
}

fn any_source() -> impl Strategy<Value = Source> {
    prop_oneof![
        Just(Source::Hand),
        Just(Source::Suggestion),
        Just(Source::Import)
    ]
}

/// Any Unicode text, with control characters, quotes, backslashes and invisible
/// characters well represented.
fn any_text() -> impl Strategy<Value = String> {
    let odd = prop_oneof![
        any::<char>(),
        prop::char::range('\u{0}', '\u{20}'),
        prop::char::range('\u{7f}', '\u{a0}'),
        prop::sample::select(vec![
            '"', '\'', '\\', '#', '[', ']', '=', '\u{2028}', '\u{2029}', '\u{feff}', '\u{202e}',
            '\u{200b}', '图', '片', '新', '闻',
        ]),
    ];
    prop::collection::vec(odd, 0..24).prop_map(|c| c.into_iter().collect())
}

fn any_sidecar() -> impl Strategy<Value = Sidecar> {
    let tag_name = any_text().prop_filter("a tag has a name", |s| !s.trim().is_empty());
    let tags = prop::collection::btree_map(tag_name, (any_text(), any_source()), 0..4).prop_map(
        |m| -> TagSet {
            m.into_iter()
                .map(|(k, (at, by))| (k, mark(&at, by)))
                .collect()
        },
    );
    // A memo's text, time and coder: any text at all.
    let memo = prop::option::of((any_text(), any_text(), any_text()))
        .prop_map(|m| m.map(|(text, at, coder)| newstag::tags::Memo { text, at, coder }));
    let article = (any_text(), any_text(), tags, memo)
        .prop_map(|(id, title, tags, memo)| ArticleTags {
            id,
            title,
            tags,
            memo,
        })
        .prop_filter("a record holds a tag or a memo", |a| !a.is_empty());
    (any_text(), prop::collection::vec(article, 0..5)).prop_map(|(issue, articles)| Sidecar {
        issue,
        corrections: Vec::new(),
        articles: sidecar::normalise(articles),
    })
}

proptest! {
    /// Whatever the issue name, titles, ids, tag names and memos (any Unicode,
    /// controls included), a sidecar written reads back as the same tags and
    /// memos, and the writer's own check accepts it.
    #[test]
    fn any_sidecar_reads_back_the_same(s in any_sidecar()) {
        let path = Path::new("x.tags.toml");
        let text = sidecar::render(&s);
        let back = sidecar::parse(&text, path)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &s);
        prop_assert_eq!(sidecar::render_verified(&s, path).ok(), Some(text));
    }
}

/// One article of a generated issue: its title and the number in its body that
/// says which article it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Item {
    title: usize,
    n: usize,
}

const TITLES: [&str; 3] = ["图片新闻", "本报讯", "古城墙修缮工程完工"];

/// A Markdown issue page holding `items` in order.
fn page(items: &[Item]) -> String {
    items
        .iter()
        .map(|it| {
            format!(
                "## {}\n\n编号{}：市民在公园里观赏盛开的樱花，第{}张照片。\n\n",
                TITLES[it.title], it.n, it.n
            )
        })
        .collect()
}

/// Load the one-issue corpus in `dir` and map each article to the item number in
/// its body.
fn load_items(dir: &Path, items: &[Item]) -> (Corpus, Vec<usize>) {
    let corpus = Corpus::load(dir).unwrap();
    let issue = &corpus.issues[0];
    let ns: Vec<usize> = issue
        .articles
        .iter()
        .map(|a| {
            let body = a.paragraphs.join("");
            let digits: String = body
                .trim_start_matches("编号")
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits
                .parse()
                .unwrap_or_else(|_| panic!("no number in {a:?}"))
        })
        .collect();
    assert_eq!(
        ns,
        items.iter().map(|i| i.n).collect::<Vec<_>>(),
        "segmented as written"
    );
    (corpus, ns)
}

/// Tag the articles numbered in `tagged` with `t{n}`, write `after` over the
/// issue, reload, and check that every tag is on its own article or reported as
/// an orphan, never on another article.
fn tags_stay_on_their_articles(before: &[Item], tagged: &[usize], after: &[Item]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2024-03-01_第2版.md");
    std::fs::write(&file, page(before)).unwrap();
    let (corpus, ns) = load_items(dir.path(), before);
    let issue = &corpus.issues[0];
    let mut store = TagStore::open(&corpus, None);
    for &n in tagged {
        let a = ns.iter().position(|&x| x == n).unwrap();
        let target = Target {
            issue,
            article: &issue.articles[a],
        };
        assert!(
            store
                .set(&[target], &format!("t{n}"), true, Source::Hand)
                .ok()
        );
    }
    std::fs::write(&file, page(after)).unwrap();
    let (corpus, ns) = load_items(dir.path(), after);
    let issue = &corpus.issues[0];
    let store = TagStore::open(&corpus, None);
    for (a, &n) in issue.articles.iter().zip(&ns) {
        let tags = store.tag_names(&issue.rel, &a.id);
        let own = format!("t{n}");
        assert!(
            tags.iter().all(|t| *t == own),
            "article {n} carries {tags:?} (before {before:?}, tagged {tagged:?}, after {after:?})"
        );
        // An article that stayed as it was keeps its tag.
        if tagged.contains(&n) {
            assert_eq!(tags, [own], "article {n} lost its tag");
        }
    }
    let orphaned: Vec<String> = store
        .problems(&[])
        .into_iter()
        .filter_map(|p| match p {
            newstag::tags::Problem::Orphan { tags, .. } => Some(tags),
            _ => None,
        })
        .flatten()
        .collect();
    for &n in tagged.iter().filter(|n| !ns.contains(n)) {
        assert!(
            orphaned.contains(&format!("t{n}")),
            "the tag of deleted article {n} is neither kept nor reported: {orphaned:?}"
        );
    }
}

/// Two photos titled 图片新闻: tagging the second, then inserting another photo
/// with the same title before it, or deleting the first, leaves the tag on the
/// photo it was set on.
#[test]
fn same_titled_photos_keep_their_own_tags() {
    let p = |n| Item { title: 0, n };
    let other = Item { title: 2, n: 9 };
    tags_stay_on_their_articles(&[p(1), other, p(2)], &[2], &[p(3), p(1), other, p(2)]);
    tags_stay_on_their_articles(&[p(1), other, p(2)], &[2], &[other, p(2)]);
    tags_stay_on_their_articles(&[p(1), p(2)], &[1], &[p(2), p(1)]);
    // The tagged one deleted: its tag is not handed to the other photo.
    tags_stay_on_their_articles(&[p(1), p(2), other], &[1], &[p(2), other]);
}

fn any_edit() -> impl Strategy<Value = (Vec<Item>, Vec<usize>, Vec<Item>)> {
    (2..8usize)
        .prop_flat_map(|n| {
            (
                prop::collection::vec(0..TITLES.len(), n),
                prop::collection::vec(any::<bool>(), n),
                prop::collection::vec(any::<bool>(), n),
                prop::collection::vec(0..TITLES.len(), 0..4),
                any::<prop::sample::Index>(),
                Just(n),
            )
        })
        .prop_map(|(titles, tag, keep, inserted, shuffle, n)| {
            let before: Vec<Item> = titles
                .iter()
                .enumerate()
                .map(|(n, &title)| Item { title, n: n + 1 })
                .collect();
            let tagged: Vec<usize> = before
                .iter()
                .zip(&tag)
                .filter(|(_, t)| **t)
                .map(|(i, _)| i.n)
                .collect();
            let mut after: Vec<Item> = before
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(i, _)| *i)
                .collect();
            for (k, &title) in inserted.iter().enumerate() {
                let at = (shuffle.index(after.len() + 1) + k) % (after.len() + 1);
                after.insert(
                    at,
                    Item {
                        title,
                        n: n + 1 + k,
                    },
                );
            }
            if after.len() > 1 && shuffle.index(2) == 0 {
                let at = shuffle.index(after.len() - 1);
                after.swap(at, at + 1);
            }
            (before, tagged, after)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Issues with several same-titled articles: tag some, insert, delete and
    /// reorder articles, reload: every tag is on its own article or reported as
    /// an orphan, never on another article.
    #[test]
    fn tags_never_move_to_another_article((before, tagged, after) in any_edit()) {
        tags_stay_on_their_articles(&before, &tagged, &after);
    }
}

/// The id newstag 0.1 gave the `n`-th article with title `title` in issue `key`.
fn legacy_id(key: &str, title: &str, n: u32) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for part in [
        key.as_bytes(),
        &[0],
        title.as_bytes(),
        &[0],
        &n.to_le_bytes(),
    ] {
        h.update(part);
    }
    format!("{:012x}", h.digest() >> 16)
}

/// A sidecar written with the ids of newstag 0.1 (same-titled articles numbered
/// in reading order) still finds its articles where the title is unambiguous;
/// the tags of same-titled photos, which cannot be told apart, are kept and
/// reported as orphans, never put on a guessed photo.
#[test]
fn sidecars_with_old_ids_migrate_by_unambiguous_title() {
    let dir = tempfile::tempdir().unwrap();
    let items = [
        Item { title: 2, n: 1 },
        Item { title: 0, n: 2 },
        Item { title: 0, n: 3 },
    ];
    std::fs::write(dir.path().join("p2.md"), page(&items)).unwrap();
    let (corpus, _) = load_items(dir.path(), &items);
    let issue = &corpus.issues[0];
    let tags =
        |name: &str| TagSet::from([(name.to_string(), mark("2025-01-01T00:00:00Z", Source::Hand))]);
    let old = Sidecar {
        issue: "p2.md".into(),
        corrections: Vec::new(),
        articles: vec![
            ArticleTags {
                id: legacy_id("p2", TITLES[2], 1),
                title: TITLES[2].into(),
                tags: tags("heritage"),
                memo: None,
            },
            ArticleTags {
                id: legacy_id("p2", TITLES[0], 1),
                title: TITLES[0].into(),
                tags: tags("t2"),
                memo: None,
            },
            ArticleTags {
                id: legacy_id("p2", TITLES[0], 2),
                title: TITLES[0].into(),
                tags: tags("t3"),
                memo: None,
            },
        ],
    };
    std::fs::write(dir.path().join("p2.tags.toml"), sidecar::render(&old)).unwrap();
    let store = TagStore::open(&corpus, None);
    assert_eq!(
        store.tag_names(&issue.rel, &issue.articles[0].id),
        ["heritage"]
    );
    assert!(!store.is_tagged(&issue.rel, &issue.articles[1].id));
    assert!(!store.is_tagged(&issue.rel, &issue.articles[2].id));
    let orphans: Vec<&str> = store
        .orphans_of(&issue.rel)
        .iter()
        .flat_map(|o| o.tags.keys())
        .map(String::as_str)
        .collect();
    let mut orphans = orphans;
    orphans.sort_unstable();
    assert_eq!(orphans, ["t2", "t3"]);
}

/// The tags of a sidecar whose issue file is gone are in the TOML backup (which
/// `check` promises: they are kept); importing the backup restores them once the
/// issue is back, and reports them while it is not.
#[test]
fn toml_backup_holds_tags_of_sidecars_without_issue() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus_dir = tmp.path().join("corpus");
    std::fs::create_dir_all(corpus_dir.join("2024")).unwrap();
    std::fs::write(corpus_dir.join("a.txt"), PAGE).unwrap();
    let gone = "湿地公园新添候鸟观测点位\n\n本报讯 湿地公园近日新添候鸟观测点位。\n";
    std::fs::write(corpus_dir.join("2024/b.txt"), gone).unwrap();
    let corpus = Corpus::load(&corpus_dir).unwrap();
    let mut store = TagStore::open(&corpus, None);
    for issue in &corpus.issues {
        let target = Target {
            issue,
            article: &issue.articles[0],
        };
        assert!(store.set(&[target], "heritage", true, Source::Hand).ok());
    }
    let b = corpus
        .issues
        .iter()
        .find(|i| i.rel == "2024/b.txt")
        .unwrap();
    let b_id = b.articles[0].id.clone();
    std::fs::remove_file(corpus_dir.join("2024/b.txt")).unwrap();

    let cli = Cli::in_home(tmp.path());
    let check = cli.run(&["check", corpus_dir.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(
        said.contains("b.tags.toml: no issue file for this sidecar"),
        "{said}"
    );
    let dump = tmp.path().join("backup.toml");
    let out = cli.run(&[
        "export",
        corpus_dir.to_str().unwrap(),
        "--format",
        "toml",
        "-o",
        dump.to_str().unwrap(),
    ]);
    assert_succeeded(&out);
    let text = std::fs::read_to_string(&dump).unwrap();
    let back = newstag::export::toml_dump::parse_dump(&text, &dump).unwrap();
    let b = back
        .issues
        .iter()
        .find(|i| i.issue == "2024/b.txt")
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(b.articles[0].id, b_id);
    assert!(b.articles[0].tags.contains_key("heritage"));

    // Restored into a copy that has the issue again: the tag is back on it.
    let fresh = tmp.path().join("fresh");
    std::fs::create_dir_all(fresh.join("2024")).unwrap();
    std::fs::write(fresh.join("a.txt"), PAGE).unwrap();
    std::fs::write(fresh.join("2024/b.txt"), gone).unwrap();
    assert_succeeded(&cli.run(&["import", dump.to_str().unwrap(), fresh.to_str().unwrap()]));
    let fresh_corpus = Corpus::load(&fresh).unwrap();
    let restored = TagStore::open(&fresh_corpus, None);
    assert!(restored.has_tag("2024/b.txt", &b_id, "heritage"));
    // Into the corpus without it: reported, exit code 1.
    let out = cli.run(&[
        "import",
        dump.to_str().unwrap(),
        corpus_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("2024/b.txt"), "{said}");
}

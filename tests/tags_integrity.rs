//! Tags are never lost, unreadable or moved to another article: odd issue names,
//! same-titled articles, sidecars left without their issue.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

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
    TagMark { at: at.into(), by }
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
    let tags = prop::collection::btree_map(tag_name, (any_text(), any_source()), 1..4).prop_map(
        |m| -> TagSet {
            m.into_iter()
                .map(|(k, (at, by))| (k, mark(&at, by)))
                .collect()
        },
    );
    let article = (any_text(), any_text(), tags).prop_map(|(id, title, tags)| ArticleTags {
        id,
        title,
        tags,
    });
    (any_text(), prop::collection::vec(article, 0..5)).prop_map(|(issue, articles)| Sidecar {
        issue,
        articles: sidecar::normalise(articles),
    })
}

proptest! {
    /// Whatever the issue name, titles, ids and tag names (any Unicode, controls
    /// included), a sidecar written reads back as the same tags, and the writer's
    /// own check accepts it.
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

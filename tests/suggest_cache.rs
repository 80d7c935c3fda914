//! Suggestions from the words kept in the corpus cache equal suggestions
//! computed afresh (issue 17): after the first build, after issues changed,
//! were added or deleted, after the tags' keywords changed, and with a damaged
//! cache file; through the library (the whole index compared) and the real
//! binary (`newstag suggest`'s output).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;
use crate::suggest_fixture;

use common::cli::{Cli, assert_succeeded};
use newstag::article::Article;
use newstag::cache::features::{FILE_NAME, build_in};
use newstag::config::{Config, TagDef};
use newstag::corpus::Corpus;
use newstag::suggest::{Label, SuggestIndex, Suggester};
use std::path::Path;

/// A corpus of the suggestion fixture and the built-in samples.
fn write_corpus(dir: &Path) {
    suggest_fixture::write_corpus(dir, 4);
    for (rel, bytes) in newstag::corpus::builtin::sample_files() {
        let path = dir.join(&rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// The index built afresh and the one built through the cache folder
/// `cache`, for the corpus at `root` as it is now.
fn both(root: &Path, cache: &Path, tags: &[TagDef]) -> (SuggestIndex, SuggestIndex) {
    let corpus = Corpus::load(root).unwrap();
    let slices: Vec<&[Article]> = corpus.issues.iter().map(|i| &i.articles[..]).collect();
    let fresh = SuggestIndex::build_articles(&slices, tags, &|_, _| {});
    let cached = build_in(cache, &slices, tags, &|_, _| {});
    (fresh, cached)
}

/// Every article's suggestions, with the classifier learning from the first
/// articles (each given the tag of its position) so that learned words show.
fn suggestions(index: SuggestIndex) -> Vec<Vec<newstag::suggest::Suggestion>> {
    let tags = index.keywords.tags.len();
    let positions: Vec<_> = index.positions().collect();
    let labels: Vec<Label> = positions
        .iter()
        .take(12)
        .enumerate()
        .map(|(k, &at)| Label {
            at,
            tags: vec![k % tags.max(1)],
        })
        .collect();
    let mut s = Suggester::new(index, 4);
    s.learn(&labels);
    assert!(s.is_learning());
    positions.iter().map(|&at| s.suggest(at)).collect()
}

fn assert_same(root: &Path, cache: &Path, tags: &[TagDef], what: &str) {
    let (fresh, cached) = both(root, cache, tags);
    assert!(fresh.len() > 20, "{what}: {} articles", fresh.len());
    assert_eq!(fresh, cached, "{what}");
    let shown = suggestions(fresh);
    assert!(
        shown.iter().any(|s| !s.is_empty()),
        "{what}: nothing suggested"
    );
    assert_eq!(shown, suggestions(cached), "{what}");
}

#[test]
fn suggestions_from_the_cache_equal_fresh_ones() {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("corpus");
    let cache = home.path().join("cache");
    std::fs::create_dir_all(&root).unwrap();
    write_corpus(&root);
    let mut tags = Config::builtin().tags;
    assert!(tags.iter().any(|t| !t.keywords.is_empty()));

    assert_same(&root, &cache, &tags, "first build");
    let file = cache.join(FILE_NAME);
    let written = std::fs::read(&file).expect("the words are kept");
    assert_same(&root, &cache, &tags, "from the cache");
    assert_eq!(std::fs::read(&file).unwrap(), written, "nothing changed");

    // An issue edited, one deleted, one added.
    let mut issues: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    issues.sort();
    let edited = std::fs::read_to_string(&issues[0]).unwrap();
    std::fs::write(
        &issues[0],
        format!("{edited}\n\n社区议事会\n\n本报讯 居民议事会讨论垃圾分类和空气质量。\n"),
    )
    .unwrap();
    std::fs::remove_file(&issues[1]).unwrap();
    std::fs::write(
        root.join("2024-06-30.txt"),
        "新线路开通\n\n本报讯 地铁新线路今日开通，乘客换乘更方便。\n",
    )
    .unwrap();
    assert_same(&root, &cache, &tags, "after changes");
    assert_ne!(std::fs::read(&file).unwrap(), written, "written again");
    assert_same(&root, &cache, &tags, "after changes, from the cache");

    // An issue deleted alone: every issue left is known, but the words'
    // article counts kept are those of the corpus as it was.
    std::fs::remove_file(&issues[2]).unwrap();
    assert_same(&root, &cache, &tags, "after a deletion alone");

    // Other keywords: one spelled across punctuation and words, one inside
    // a longer word, one without letters, one new tag.
    tags[0].keywords.push("议事，会".to_string());
    tags[0].keywords.push("换乘".to_string());
    tags[0].keywords.push("，。".to_string());
    let mut new = TagDef::new("metro", "9");
    new.keywords = vec!["地铁".to_string(), "乘客".to_string(), "线".to_string()];
    tags.push(new);
    assert_same(&root, &cache, &tags, "other keywords");

    // A damaged file is not used, and written again.
    let mut bytes = std::fs::read(&file).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x20;
    std::fs::write(&file, &bytes).unwrap();
    assert_same(&root, &cache, &tags, "damaged");
    assert_ne!(std::fs::read(&file).unwrap(), bytes, "rewritten");
    std::fs::write(&file, &bytes[..at]).unwrap();
    assert_same(&root, &cache, &tags, "truncated");
}

/// `newstag suggest` prints the same through its cache (kept, then reused,
/// then after an edit) as with an empty cache folder.
#[test]
fn suggest_prints_the_same_through_its_cache() {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    write_corpus(&root);
    let cli = Cli::in_home(home.path());
    let cache = home.path().join("cache-dir");
    let suggest = |cache: &Path| {
        let out = cli
            .command()
            .args(["suggest", root.to_str().unwrap(), "--format", "jsonl"])
            .env(newstag::cache::DIR_ENV, cache)
            .output()
            .unwrap();
        assert_succeeded(&out);
        String::from_utf8(out.stdout).unwrap()
    };
    let fresh = || suggest(tempfile::tempdir().unwrap().path());
    let first = suggest(&cache);
    assert!(first.contains("\"tag\""), "{first}");
    assert_eq!(first, fresh());
    assert_eq!(suggest(&cache), first);
    let kept = common::files::files_below(&cache);
    assert!(
        kept.iter().any(|p| p.file_name().unwrap() == FILE_NAME),
        "{kept:?}"
    );
    let issue = root.join("2024-05-01_0.txt");
    let text = std::fs::read_to_string(&issue).unwrap();
    std::fs::write(&issue, text.replace("社区", "街道")).unwrap();
    let edited = suggest(&cache);
    assert_ne!(edited, first);
    assert_eq!(edited, fresh());
}

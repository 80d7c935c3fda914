//! Search ranking, pinyin, operators, narrowing and the background searcher, on a
//! small corpus of hand-written articles.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::article::ArticleAt;
use newstag::article::{Article, Issue, Kind};
use newstag::search::background::BackgroundSearcher;
use newstag::search::rank::to_ranges;
use newstag::search::{Matcher, Query, QueryError, SearchIndex, Searcher, TagLookup};
use std::sync::Arc;
use std::time::Duration;

fn article(id: &str, kind: Kind, title: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        kind,
        title: title.into(),
        paragraphs: vec![body.into()].into(),
        ..Article::default()
    }
}

fn issue(rel: &str, date: &str, mut articles: Vec<Article>) -> Issue {
    for (i, a) in articles.iter_mut().enumerate() {
        a.index = i;
    }
    Issue {
        rel: rel.into(),
        date: Some(date.into()),
        articles: articles.into(),
        ..Issue::default()
    }
}

/// A corpus with titles, bodies, kinds and dates chosen to tell rankings apart.
fn corpus() -> Vec<Issue> {
    vec![
        issue(
            "2024/12/a.txt",
            "2024-12-03",
            vec![
                article("a0", Kind::News, "推进社区治理现代化", "街道干部走访居民。"),
                article(
                    "a1",
                    Kind::News,
                    "天气预报",
                    "今天多云，社区治理工作照常进行。",
                ),
                article("a2", Kind::Photo, "长江大桥夜景", "摄影：本报记者"),
            ],
        ),
        issue(
            "2025/01/b.txt",
            "2025-01-15",
            vec![
                article("b0", Kind::News, "垃圾分类进小区", "居民积极参与垃圾分类。"),
                article("b1", Kind::Feature, "垃圾车和分拣类别", "介绍新的车辆。"),
                article(
                    "b2",
                    Kind::News,
                    "银行推出新服务",
                    "ＡＢＣ１２３号窗口开放。",
                ),
                article("b3", Kind::Notice, "重庆来客", "文化遗产保护讲座通知。"),
            ],
        ),
    ]
}

fn index() -> SearchIndex {
    SearchIndex::build_from_issues(&corpus())
}

/// The ids of the hits of `q`, best first.
fn ids(index: &SearchIndex, q: &str) -> Vec<String> {
    ids_with_tags(index, q, None)
}

fn ids_with_tags(index: &SearchIndex, q: &str, tags: Option<TagLookup>) -> Vec<String> {
    let query = Query::parse(q).unwrap();
    Matcher::new(index, &query, tags)
        .run(None)
        .iter()
        .map(|h| index.id(h.doc).to_string())
        .collect()
}

/// A word in a title ranks above the same word found only in a body.
#[test]
fn title_hit_outranks_body_hit() {
    let idx = index();
    assert_eq!(ids(&idx, "社区治理"), vec!["a0", "a1"]);
}

/// Characters standing together as a word rank above the same characters scattered.
#[test]
fn exact_word_outranks_scattered_characters() {
    let idx = index();
    let hits = ids(&idx, "垃圾分类");
    assert_eq!(hits.first().map(String::as_str), Some("b0"), "{hits:?}");
    assert!(
        hits.contains(&"b1".to_string()),
        "scattered title still found: {hits:?}"
    );
}

/// Space-separated words match in any order; the characters of one word only in
/// theirs.
#[test]
fn words_match_in_any_order() {
    let idx = index();
    assert_eq!(ids(&idx, "分类 垃圾"), ids(&idx, "垃圾 分类"));
    assert!(
        !ids(&idx, "分类垃圾").contains(&"b0".to_string()),
        "one word is a phrase: its characters in its order"
    );
}

/// Pinyin initials, full readings and mixes find Chinese titles, with highlights on
/// the Chinese characters.
#[test]
fn pinyin_initials_and_full_readings_find_titles() {
    let idx = index();
    for q in ["sqzl", "shequ zhili", "shequzhili", "shequzl"] {
        assert_eq!(ids(&idx, q).first().map(String::as_str), Some("a0"), "{q}");
    }
    let query = Query::parse("sqzl").unwrap();
    let m = Matcher::new(&idx, &query, None);
    assert_eq!(to_ranges(&m.title_positions(0)), vec![2..6]);
}

/// Polyphonic characters match either reading.
#[test]
fn polyphonic_characters_match_either_reading() {
    let idx = index();
    for (q, id) in [
        ("changjiang", "a2"),
        ("zhangjiang", "a2"),
        ("yinhang", "b2"),
        ("yinxing", "b2"),
        ("zhongqing", "b3"),
        ("chongqing", "b3"),
    ] {
        assert_eq!(ids(&idx, q).first().map(String::as_str), Some(id), "{q}");
    }
}

/// Full-width and half-width letters and digits are the same.
#[test]
fn full_and_half_width_are_folded() {
    let idx = index();
    assert_eq!(ids(&idx, "abc123"), vec!["b2"]);
    assert_eq!(ids(&idx, "ＡＢＣ１２３"), vec!["b2"]);
}

/// Every operator of the query syntax filters as documented.
#[test]
fn every_operator_filters() {
    let idx = index();
    let tags: TagLookup = Arc::new(|at: ArticleAt| match (at.issue, at.article) {
        (0, 0) => vec!["governance".to_string()],
        (1, 3) => vec!["heritage".to_string(), "culture".to_string()],
        _ => Vec::new(),
    });
    let t = |q: &str| {
        let mut v = ids_with_tags(&idx, q, Some(tags.clone()));
        v.sort();
        v
    };
    assert_eq!(t("'垃圾分类"), vec!["b0"]);
    assert_eq!(t("垃圾 !'垃圾分类"), vec!["b1"]);
    assert_eq!(t("^垃圾"), vec!["b0", "b1"]);
    assert_eq!(t("^cq"), vec!["b3"]);
    assert_eq!(t("天气|银行"), vec!["a1", "b2"]);
    assert_eq!(t("天气 | 银行"), vec!["a1", "b2"]);
    assert_eq!(t("tag:heritage"), vec!["b3"]);
    assert_eq!(t("!tag:heritage kind:news"), vec!["a0", "a1", "b0", "b2"]);
    assert_eq!(t("untagged issue:2024-12"), vec!["a1", "a2"]);
    assert_eq!(t("kind:photo"), vec!["a2"]);
    assert_eq!(t("issue:2025"), vec!["b0", "b1", "b2", "b3"]);
    assert_eq!(t("title:社区"), vec!["a0"]);
    assert_eq!(t("社区"), vec!["a0", "a1"]);
    assert_eq!(t("遗产"), vec!["b3"]);
}

/// `date:` keeps the articles of issues dated in a year, month, day or range
/// of them; an issue without a date is never in a range; a bad date is an error.
#[test]
fn dates_filter_by_the_issue_date() {
    let mut issues = corpus();
    issues.push(issue(
        "undated/c.txt",
        "",
        vec![article("c0", Kind::News, "社区新闻", "社区治理。")],
    ));
    if let Some(last) = issues.last_mut() {
        last.date = None;
    }
    let idx = SearchIndex::build_from_issues(&issues);
    let t = |q: &str| {
        let mut v = ids(&idx, q);
        v.sort();
        v
    };
    let dec = vec!["a0", "a1", "a2"];
    let jan = vec!["b0", "b1", "b2", "b3"];
    assert_eq!(t("date:2024-12"), dec);
    assert_eq!(t("date:2024-12-03"), dec);
    assert_eq!(t("date:2024-12-04"), Vec::<String>::new());
    assert_eq!(t("date:2025"), jan);
    assert_eq!(t("date:>=2025-01-15"), jan);
    assert_eq!(t("date:>2025-01-15"), Vec::<String>::new());
    assert_eq!(t("date:<2025"), dec);
    assert_eq!(t("date:2024-01..2025-01-14"), dec);
    assert_eq!(t("date:2024-12-04.."), jan);
    assert_eq!(t("社区 date:2024"), vec!["a0", "a1"]);
    assert_eq!(t("社区 !date:2024"), vec!["c0"], "undated: in no range");
    assert!(matches!(
        Query::parse("date:2024-13"),
        Err(QueryError::BadDate { .. })
    ));
}

/// A malformed query is a typed error naming the problem, never a panic.
#[test]
fn malformed_query_is_an_error_not_a_crash() {
    let idx = index();
    let mut s = Searcher::new(Arc::new(idx), None);
    for q in [
        "!",
        "'",
        "^",
        "kind:nope",
        "tag:",
        "a|",
        "| b",
        "a | | b",
        "!!",
        "kind:n",
    ] {
        let r = s.search(q);
        assert!(r.is_err() || q == "!!", "{q}: {r:?}");
    }
    assert!(matches!(
        s.search("kind:nope"),
        Err(QueryError::UnknownKind { .. })
    ));
    assert!(
        s.search("").unwrap().len() == 7,
        "empty query lists everything"
    );
}

/// Narrowing while typing gives the same results as searching afresh.
#[test]
fn narrowing_gives_the_same_results_as_a_fresh_search() {
    let idx = Arc::new(index());
    for full in [
        "垃圾分类 进",
        "shequzhili",
        "sqzl",
        "sqzl jdgb",
        "社区治理 今天",
        "'银行 服务",
        "^垃圾车",
    ] {
        let mut s = Searcher::new(idx.clone(), None);
        let mut typed = String::new();
        for c in full.chars() {
            typed.push(c);
            let narrowed = s.search(&typed);
            let fresh = Searcher::new(idx.clone(), None).search(&typed);
            assert_eq!(narrowed.is_ok(), fresh.is_ok(), "{typed}");
            if let (Ok(a), Ok(b)) = (narrowed, fresh) {
                assert_eq!(a, b, "{typed}");
            }
        }
    }
}

/// The background searcher answers the latest query and drops the stale ones.
#[test]
fn background_searcher_drops_stale_results() {
    let mut bg = BackgroundSearcher::start(Arc::new(index()), None, || {});
    for q in ["s", "sq", "sqz", "sqzl"] {
        bg.request(q);
    }
    let latest = bg.generation();
    let outcome = bg.wait(Duration::from_secs(20)).expect("an answer");
    assert_eq!(outcome.generation, latest);
    assert_eq!(outcome.query, "sqzl");
    let hits = outcome.result.expect("valid query");
    assert_eq!(hits.first().map(|h| h.doc), Some(0));
    assert!(bg.poll().is_none(), "nothing older is delivered afterwards");
}

/// Scoring only the documents the character and word indexes allow finds exactly
/// what scoring every document finds.
#[test]
fn index_candidates_lose_no_hit() {
    let idx = index();
    let all: Vec<u32> = (0..idx.len() as u32).collect();
    for q in [
        "社区",
        "垃圾 分类",
        "abc",
        "遗产|银行",
        "'垃圾分类",
        "^垃圾",
        "title:社区",
        "本报记者",
        "sqzl",
        "居民 !垃圾",
        "kind:news 社区",
        "龘",
    ] {
        let query = Query::parse(q).unwrap();
        let m = Matcher::new(&idx, &query, None);
        assert_eq!(m.run(None), m.run(Some(&all)), "{q}");
    }
}

/// The TUI builds its index from the corpus its loader read, handed over in
/// batches that may split issues; it searches exactly like an index built at once
/// (as `newstag search` does), empty issues included.
#[test]
fn index_built_from_batches_equals_index_built_at_once() {
    use newstag::search::index::{IndexBuilder, IssueInfo};
    let mut issues = corpus();
    issues.insert(1, issue("2024/12/empty.txt", "2024-12-09", Vec::new()));
    let at_once = SearchIndex::build_from_issues(&issues);
    for batch in [1, 2, 5, 100] {
        let mut builder = IndexBuilder::default();
        let mut pending: Vec<(u32, u32, Arc<[Article]>)> = Vec::new();
        for (i, issue) in issues.iter().enumerate() {
            builder.add_issue(IssueInfo::of(issue));
            for k in 0..issue.articles.len() {
                pending.push((i as u32, k as u32, Arc::clone(&issue.articles)));
                if pending.len() == batch {
                    builder.add_articles(&pending);
                    pending.clear();
                }
            }
        }
        builder.add_articles(&pending);
        let built = builder.finish();
        assert_eq!(built, at_once, "batches of {batch}");
        let mut s = Searcher::new(Arc::new(built), None);
        assert_eq!(s.search("sqzl").unwrap().len(), 2, "batches of {batch}");
    }
}

/// The TUI searches its index before the pinyin four-grams are made (more
/// than half of the postings): it finds the same hits, in the same order, as
/// the index made at once, and with the four-grams added it is that index.
#[test]
fn index_searched_before_its_fourgrams_finds_the_same() {
    use newstag::search::index::{IndexBuilder, IssueInfo};
    let issues = corpus();
    let at_once = SearchIndex::build_from_issues(&issues);
    let mut builder = IndexBuilder::fourgrams_later();
    let mut pending: Vec<(u32, u32, Arc<[Article]>)> = Vec::new();
    for (i, issue) in issues.iter().enumerate() {
        builder.add_issue(IssueInfo::of(issue));
        for k in 0..issue.articles.len() {
            pending.push((i as u32, k as u32, Arc::clone(&issue.articles)));
        }
    }
    builder.add_articles(&pending);
    let mut built = builder.finish_apart();
    let early = built.to_searchable().unwrap();
    assert!(early.fourgrams_pending() && !at_once.fourgrams_pending());
    // A correction meanwhile keeps saying so (such an index is never cached:
    // its postings would read back as whole).
    let corrected = early.with_issue_replaced(0, &issues[0]).unwrap();
    assert!(corrected.fourgrams_pending());
    let mut before = Searcher::new(early, None);
    let mut whole = Searcher::new(Arc::new(at_once.clone()), None);
    let queries = [
        "sqzl",
        "shequ",
        "sqz",
        "shequzhili",
        "zl",
        "gdp",
        "社区",
        "社区治理",
        "~垃圾分类",
        "'社区",
        "sq zl",
        "ljfl",
        "hj",
        "huanjing",
    ];
    for q in queries {
        let (a, b) = (before.search(q).unwrap(), whole.search(q).unwrap());
        assert_eq!(a, b, "{q}");
    }
    assert_eq!(before.search("sqzl").unwrap().len(), 2);
    let complete = built.with_fourgrams().into_index();
    assert!(!complete.fourgrams_pending());
    assert_eq!(complete, at_once);
}

//! The meaning of a search, pinned against a brute-force reading of the rules
//! (issue 14), over generated corpora and queries:
//! - a word matches its characters side by side (folded) in the title, kicker,
//!   subtitle, byline or body; scattered in order in the title and heads; with `~`
//!   scattered in one paragraph of the body; with `'` side by side only;
//! - words separated by spaces must all match;
//! - the index finds exactly the articles a scan of every article finds, and every
//!   hit carries ranges whose text is the word (or its scattered characters);
//! - typing a query key by key gives, at every key, what a fresh search gives.
//!
//! When the index is swapped (issue 17) these must keep passing unchanged.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::article::{Article, Issue, Kind};
use newstag::search::fold::fold;
use newstag::search::verify::Field;
use newstag::search::{Matcher, Query, SearchIndex, Searcher};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Characters the generated articles and queries are made of: a few Han
/// characters that make words together, punctuation that starts queries (`《`,
/// `“`, `(`), full-width letters and digits that fold.
const ALPHABET: &[char] = &[
    '社', '区', '治', '理', '垃', '圾', '分', '类', '文', '物', '中', '国', '《', '》', '“', '”',
    '（', '(', '.', '，', 'Ｇ', 'Ｄ', 'P', '1', '２', '區', '類', '國',
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..=max)
        .prop_map(|v| v.into_iter().collect())
}

fn article() -> impl Strategy<Value = Article> {
    (
        text(8),
        text(3),
        text(3),
        text(3),
        prop::collection::vec(text(30), 0..3),
    )
        .prop_map(|(title, kicker, subtitle, byline, paragraphs)| Article {
            title,
            kicker,
            subtitle,
            byline,
            paragraphs: paragraphs.into(),
            kind: Kind::News,
            ..Article::default()
        })
}

fn corpus() -> impl Strategy<Value = Vec<Issue>> {
    prop::collection::vec(prop::collection::vec(article(), 0..8), 1..5).prop_map(|issues| {
        issues
            .into_iter()
            .enumerate()
            .map(|(i, mut articles)| {
                for (k, a) in articles.iter_mut().enumerate() {
                    a.index = k;
                    a.id = format!("{i}-{k}");
                }
                Issue {
                    rel: format!("{i}.txt"),
                    articles: articles.into(),
                    ..Issue::default()
                }
            })
            .collect()
    })
}

/// The field texts of every article as printed (the title as the index shows it).
fn fields(issues: &[Issue]) -> Vec<Vec<(Field, String)>> {
    issues
        .iter()
        .flat_map(|i| i.articles.iter())
        .map(|a| {
            vec![
                (Field::Title, a.display_title()),
                (Field::Kicker, a.kicker.clone()),
                (Field::Subtitle, a.subtitle.clone()),
                (Field::Byline, a.byline.clone()),
                (Field::Body, a.body()),
            ]
        })
        .collect()
}

fn is_subsequence(hay: &str, needle: &str) -> bool {
    let mut it = hay.chars();
    needle.chars().all(|c| it.any(|h| h == c))
}

/// Could the term be pinyin (then it may also match by its readings)?
fn can_be_pinyin(term: &str) -> bool {
    !term.is_empty() && term.bytes().all(|b| b.is_ascii_lowercase())
}

/// The rules, read directly: does `term` (folded, with its prefix) match an
/// article with these fields, leaving pinyin aside?
fn brute_matches(term: &str, fields: &[(Field, String)]) -> bool {
    let (op, word) = match term.chars().next() {
        Some(c @ ('\'' | '~')) => (Some(c), &term[c.len_utf8()..]),
        _ => (None, term),
    };
    fields.iter().any(|(f, raw)| {
        let t = fold(raw);
        if t.contains(word) {
            return true;
        }
        match (op, f) {
            (Some('\''), _) => false,
            // Folding makes `\n` a space: paragraphs are folded one by one.
            (_, Field::Body) => {
                op == Some('~') && raw.split('\n').any(|p| is_subsequence(&fold(p), word))
            }
            _ => is_subsequence(&t, word),
        }
    })
}

/// Do the hit's ranges explain `term`: text at a range holding it, the scattered
/// characters at the ranges of a field holding it in order, or pinyin readings.
fn explained(term: &str, fields: &[(Field, String)], m: &Matcher, doc: u32) -> bool {
    let word = term.trim_start_matches(['\'', '~']);
    let ranges = m.ranges(doc);
    fields.iter().any(|(f, t)| {
        let chars: Vec<char> = fold(t).chars().collect();
        let rs = ranges.of(*f);
        let at = |r: &std::ops::Range<usize>| -> String { chars[r.clone()].iter().collect() };
        rs.iter().any(|r| at(r).contains(word))
            || is_subsequence(&rs.iter().map(at).collect::<String>(), word)
            || (can_be_pinyin(word)
                && rs.iter().any(|r| {
                    newstag::search::pinyin::match_title(&chars[r.clone()], word).is_some()
                }))
    })
}

/// A query of one or two terms, each a piece of some field of the corpus (so that
/// it often matches) or random characters, maybe with `'` or `~`.
fn query_for(issues: &[Issue]) -> impl Strategy<Value = String> + use<> {
    let texts: Vec<String> = fields(issues)
        .into_iter()
        .flat_map(|f| f.into_iter().map(|(_, t)| t))
        .filter(|t| !t.is_empty())
        .collect();
    let term = (
        any::<prop::sample::Index>(),
        0usize..6,
        1usize..5,
        text(3),
        prop::sample::select(vec!["", "", "'", "~"]),
    )
        .prop_map(move |(pick, start, len, random, op)| {
            let piece: String = if texts.is_empty() || start == 5 {
                random
            } else {
                let chars: Vec<char> = pick.get(&texts).chars().collect();
                let s = start.min(chars.len().saturating_sub(1));
                chars[s..(s + len).min(chars.len())].iter().collect()
            };
            let piece: String = piece.chars().filter(|c| !c.is_whitespace()).collect();
            if piece.is_empty() {
                "社".to_string()
            } else {
                format!("{op}{piece}")
            }
        });
    prop::collection::vec(term, 1..3).prop_map(|t| t.join(" "))
}

fn corpus_and_query() -> impl Strategy<Value = (Vec<Issue>, String)> {
    corpus().prop_flat_map(|c| {
        let q = query_for(&c);
        (Just(c), q)
    })
}

/// Typing `text` one key at a time into one searcher (which may narrow each
/// keystroke to the last hits) gives at every key what a fresh search gives.
fn typing_equals_pasting(index: &Arc<SearchIndex>, text: &str) -> Result<(), TestCaseError> {
    let mut typing = Searcher::new(index.clone(), None);
    let mut typed = String::new();
    for c in text.chars() {
        typed.push(c);
        let key = typing.search(&typed);
        let fresh = Searcher::new(index.clone(), None).search(&typed);
        prop_assert_eq!(key.is_ok(), fresh.is_ok(), "{:?}", typed);
        if let (Ok(a), Ok(b)) = (key, fresh) {
            prop_assert_eq!(a, b, "typed {:?}", typed);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The index path finds every article the rules match and no other; every hit
    /// carries ranges that show each of its terms.
    #[test]
    fn hits_are_exactly_what_a_scan_finds_and_each_shows_why((issues, q) in corpus_and_query()) {
        let index = SearchIndex::build_from_issues(&issues);
        let all = fields(&issues);
        let query = Query::parse(&q).unwrap();
        let m = Matcher::new(&index, &query, None);
        let hits: BTreeSet<u32> = m.run(None).iter().map(|h| h.doc).collect();
        let terms: Vec<String> = fold(&q).split(' ').filter(|t| !t.is_empty()).map(str::to_string).collect();
        for (d, f) in all.iter().enumerate() {
            let d = d as u32;
            let rule = terms.iter().all(|t| brute_matches(t, f));
            if rule {
                prop_assert!(hits.contains(&d), "{q:?}: missed article {d}: {f:?}");
            }
            if hits.contains(&d) {
                let pinyin = terms.iter().any(|t| can_be_pinyin(t.trim_start_matches(['\'', '~'])));
                prop_assert!(rule || pinyin, "{q:?}: article {d} is no hit by the rules: {f:?}");
                for t in &terms {
                    prop_assert!(explained(t, f, &m, d), "{q:?}: {t:?} not shown in {d}: {:?} {f:?}", m.ranges(d));
                }
            }
        }
        // Searching every document gives the same as searching the index's candidates.
        let every: Vec<u32> = (0..index.len() as u32).collect();
        prop_assert_eq!(m.run(None), m.run(Some(&every)));
    }

    /// Typing a query one key at a time (each keystroke searching among the last
    /// hits where that is safe) gives at every key what a fresh search gives.
    #[test]
    fn typing_key_by_key_equals_pasting((issues, q) in corpus_and_query(), extra in prop::sample::select(vec!["", "《", "'", "~", "^", "!", "|", " ", "“", "(", ".", "sq", "title:", "untagged"])) {
        let index = Arc::new(SearchIndex::build_from_issues(&issues));
        let typed_text = format!("{extra}{q}");
        typing_equals_pasting(&index, &typed_text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// An index read back from its cache form (bodies stored folded, postings
    /// as built) is the index just built (bodies shared with the corpus) and
    /// answers every query alike: the same hits, scores and ranges.
    #[test]
    fn a_cached_index_answers_as_a_fresh_one((issues, q) in corpus_and_query()) {
        let fresh = SearchIndex::build_from_issues(&issues);
        let bytes = postcard::to_stdvec(&fresh).unwrap();
        let cached: SearchIndex = postcard::from_bytes(&bytes).unwrap();
        prop_assert!(cached.is_consistent());
        prop_assert_eq!(&cached, &fresh);
        let query = Query::parse(&q).unwrap();
        let (a, b) = (Matcher::new(&fresh, &query, None), Matcher::new(&cached, &query, None));
        let hits = a.run(None);
        prop_assert_eq!(&hits, &b.run(None), "{:?}", q);
        for h in &hits {
            prop_assert_eq!(a.ranges(h.doc), b.ranges(h.doc), "{:?} in {}", q, h.doc);
        }
    }
}

/// Characters in their simplified and traditional forms (OpenCC's pairs).
const PAIRS: &[(char, char)] = &[
    ('发', '發'),
    ('环', '環'),
    ('经', '經'),
    ('济', '濟'),
    ('台', '臺'),
    ('湾', '灣'),
    ('后', '後'),
    ('会', '會'),
    ('区', '區'),
    ('为', '爲'),
    ('头', '頭'),
    ('与', '與'),
];

/// A word of `PAIRS` characters, written with each character's simplified or
/// traditional form as `traditional` says.
fn written(word: &[usize], traditional: &[bool]) -> String {
    word.iter()
        .zip(traditional.iter().cycle())
        .map(|(&k, &t)| if t { PAIRS[k].1 } else { PAIRS[k].0 })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Traditional and simplified characters fold together: a word written in
    /// one script (or a mix) finds the article printing it in another, in the
    /// title and in the body, and the ranges land on the characters as printed.
    #[test]
    fn traditional_and_simplified_find_each_other(
        word in prop::collection::vec(0..PAIRS.len(), 2..5),
        printed in prop::collection::vec(any::<bool>(), 1..5),
        typed in prop::collection::vec(any::<bool>(), 1..5),
        before in "[a-z0-9，。 ]{0,6}",
        in_title in any::<bool>(),
    ) {
        let shown = written(&word, &printed);
        let query = written(&word, &typed);
        let text = format!("{before}{shown}。");
        let (title, body) = if in_title { (text.clone(), "正文。".to_string()) } else { ("标题".to_string(), text.clone()) };
        let index = index_of(vec![one(&title, "", &body), one("无关", "", "别的内容。")]);
        let q = Query::parse(&format!("'{query}")).unwrap();
        let m = Matcher::new(&index, &q, None);
        let hits: Vec<u32> = m.run(None).iter().map(|h| h.doc).collect();
        prop_assert_eq!(&hits, &vec![0], "{} typed, {} printed", query, shown);
        let field = if in_title { Field::Title } else { Field::Body };
        let ranges = m.ranges(0);
        let chars: Vec<char> = text.chars().collect();
        let at: Vec<String> = ranges.of(field).iter().map(|r| chars[r.clone()].iter().collect()).collect();
        prop_assert_eq!(at, vec![shown.clone()], "the range shows the word as printed");
    }
}

fn one(title: &str, kicker: &str, body: &str) -> Article {
    Article {
        title: title.into(),
        kicker: kicker.into(),
        paragraphs: vec![body.into()].into(),
        ..Article::default()
    }
}

fn index_of(articles: Vec<Article>) -> SearchIndex {
    let mut articles = articles;
    for (k, a) in articles.iter_mut().enumerate() {
        a.index = k;
        a.id = format!("a{k}");
    }
    SearchIndex::build_from_issues(&[Issue {
        rel: "x.txt".into(),
        articles: articles.into(),
        ..Issue::default()
    }])
}

fn ranked(index: &SearchIndex, q: &str) -> Vec<String> {
    let query = Query::parse(q).unwrap();
    Matcher::new(index, &query, None)
        .run(None)
        .iter()
        .map(|h| index.id(h.doc).to_string())
        .collect()
}

/// A phrase in the title ranks above one in a head, above one in the body,
/// above the characters scattered in a title; scattered characters in a body
/// match only with `~`.
#[test]
fn title_phrase_above_head_above_body_above_scattered() {
    let index = index_of(vec![
        one("垃圾车和分拣类别", "", "介绍车辆。"),
        one("天气", "", "居民参与垃圾分类。"),
        one("新闻", "", "垃圾，分类，都在这里。"),
        one("推进垃圾分类", "", ""),
        one("小区", "垃圾分类进行时", ""),
    ]);
    assert_eq!(ranked(&index, "垃圾分类"), vec!["a3", "a4", "a1", "a0"]);
    assert_eq!(ranked(&index, "'垃圾分类"), vec!["a3", "a4", "a1"]);
    assert_eq!(
        ranked(&index, "~垃圾分类"),
        vec!["a3", "a4", "a1", "a0", "a2"]
    );
}

/// A body hit shows where: ranges in the body, nothing claimed in the title.
#[test]
fn a_body_hit_carries_its_body_ranges() {
    let index = index_of(vec![one("天气", "", "今天，社区治理。社区治理好。")]);
    let query = Query::parse("社区治理").unwrap();
    let m = Matcher::new(&index, &query, None);
    let r = m.ranges(0);
    assert_eq!(r.of(Field::Body), &[3..7, 8..12]);
    assert!(r.of(Field::Title).is_empty());
}

/// Latin words, longer words holding them, and Han characters whose readings
/// spell them (国道旁 gdp, 阿不吃 abc, 五个 wg).
const LATIN_PIECES: &[&str] = &[
    "GDP",
    "gdp",
    "ＧＤＰ",
    "GDPR",
    "xgdp",
    "5G",
    "15G",
    "5g",
    "ABC",
    "abcd",
    "国",
    "道",
    "旁",
    "大",
    "平",
    "阿",
    "不",
    "吃",
    "五",
    "个",
    "的",
    "，",
    " ",
    "-",
];

fn latin_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(LATIN_PIECES), 0..=max).prop_map(|v| v.concat())
}

/// How `word` (folded) stands in `hay` (folded): 0 as a whole word somewhere (no
/// ASCII letter or digit against its Latin edges), 1 only inside longer words,
/// 2 not at all.
fn latin_class(hay: &str, word: &str) -> u8 {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let (starts, ends) = (latin(word.chars().next()), latin(word.chars().last()));
    let mut class = 2;
    for (at, _) in hay.match_indices(word) {
        let before = latin(hay[..at].chars().last());
        let after = latin(hay[at + word.len()..].chars().next());
        class = class.min(if (starts && before) || (ends && after) {
            1
        } else {
            0
        });
    }
    class
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// A Latin word (GDP, 5G, ABC, any case or width) finds every article that
    /// prints it; those printing it as a whole word come first, then those
    /// printing it only inside longer words (GDPR, 15G), then those that only
    /// spell it in pinyin (国道旁) or scatter its letters; the index's candidates
    /// lose nothing a scan of every article finds.
    #[test]
    fn latin_words_rank_whole_words_then_inside_words_then_readings(
        docs in prop::collection::vec((latin_text(4), latin_text(12)), 1..12),
        q in prop::sample::select(vec!["gdp", "GDP", "ＧＤＰ", "5g", "5G", "abc", "ABC", "gd", "g", "5"]),
    ) {
        let index = index_of(docs.iter().map(|(t, b)| one(&format!("标{t}"), "", b)).collect());
        let word = fold(q);
        let query = Query::parse(q).unwrap();
        let m = Matcher::new(&index, &query, None);
        let hits = m.run(None);
        let every: Vec<u32> = (0..index.len() as u32).collect();
        prop_assert_eq!(&hits, &m.run(Some(&every)));
        let class = |d: usize| {
            let (t, b) = &docs[d];
            latin_class(&fold(&format!("标{t}")), &word).min(latin_class(&fold(b), &word))
        };
        let ranked: Vec<u8> = hits.iter().map(|h| class(h.doc as usize)).collect();
        prop_assert!(ranked.windows(2).all(|w| w[0] <= w[1]), "{q:?}: classes best first {ranked:?} of {docs:?}");
        for (d, doc) in docs.iter().enumerate() {
            if class(d) < 2 {
                prop_assert!(hits.iter().any(|h| h.doc as usize == d), "{q:?}: lost {d}: {doc:?}");
            }
        }
    }
}

/// A Latin word found as written ranks above articles that only spell it in pinyin.
#[test]
fn latin_words_rank_above_their_pinyin_readings() {
    let index = index_of(vec![
        one("国道旁的村庄", "", "没有。"),
        one("经济", "", "今年GDP增长。"),
        one("ＧＤＰ数据发布", "", ""),
    ]);
    assert_eq!(ranked(&index, "gdp"), vec!["a2", "a1", "a0"]);
    assert_eq!(ranked(&index, "'gdp"), vec!["a2", "a1"]);
}

/// The built-in sample (what `newstag` opens without a folder) and, when this
/// checkout sits beside them, the shared sample pages: real pages, loaded once.
fn real_corpora() -> &'static [(Vec<Issue>, Arc<SearchIndex>)] {
    static CORPORA: std::sync::OnceLock<Vec<(Vec<Issue>, Arc<SearchIndex>)>> =
        std::sync::OnceLock::new();
    CORPORA.get_or_init(|| {
        let builtin = tempfile::tempdir().unwrap();
        let mut roots = vec![newstag::corpus::builtin::unpack_sample(builtin.path()).unwrap()];
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
        if shared.is_dir() {
            roots.push(shared);
        }
        roots
            .iter()
            .map(|root| {
                let corpus = newstag::corpus::Corpus::load(root).unwrap();
                let index = Arc::new(SearchIndex::build(&corpus));
                (corpus.issues, index)
            })
            .collect()
    })
}

/// A query made of a piece of a real article's title or body (1 to 5
/// characters), maybe with a prefix that changes its form.
fn real_query() -> impl Strategy<Value = (usize, String)> {
    (
        0usize..2,
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        1usize..6,
        prop::sample::select(vec!["", "", "'", "~", "《", "“", "^", "title:"]),
        prop::sample::select(vec!["", "", " 社区", " sq", "|文化"]),
    )
        .prop_map(|(which, article, at, len, op, tail)| {
            let corpora = real_corpora();
            let (issues, _) = &corpora[which % corpora.len()];
            let texts: Vec<String> = fields(issues)
                .into_iter()
                .flat_map(|f| [f[0].1.clone(), f[4].1.clone()])
                .filter(|t| !t.trim().is_empty())
                .collect();
            let chars: Vec<char> = article.get(&texts).chars().collect();
            let s = at.index(chars.len());
            let piece: String = chars[s..(s + len).min(chars.len())]
                .iter()
                .filter(|c| !c.is_whitespace() && **c != '|' && **c != '!' && **c != '"')
                .collect();
            let piece = if piece.is_empty() {
                "社".to_string()
            } else {
                piece
            };
            (which % corpora.len(), format!("{op}{piece}{tail}"))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// On real pages (the built-in sample, the shared samples): typing a query
    /// key by key gives at every key what a fresh search gives, and every hit
    /// of every query carries ranges that show each of its words (the phrase,
    /// its scattered characters or its pinyin), in the field they name.
    #[test]
    fn on_real_pages_typing_equals_pasting_and_every_hit_shows_why((which, q) in real_query()) {
        let (issues, index) = &real_corpora()[which];
        typing_equals_pasting(index, &q)?;
        let Ok(query) = Query::parse(&q) else { return Ok(()) };
        let m = Matcher::new(index, &query, None);
        let all = fields(issues);
        for hit in m.run(None) {
            prop_assert!(!m.ranges(hit.doc).is_empty(), "{q:?}: hit {} shows nothing", hit.doc);
            let f = &all[hit.doc as usize];
            for clause in &query.clauses {
                let shown = clause.alternatives.iter().any(|a| match &a.pred {
                    newstag::search::query::Pred::Fuzzy { text, .. }
                    | newstag::search::query::Pred::Exact { text, .. }
                    | newstag::search::query::Pred::Prefix { text }
                    | newstag::search::query::Pred::Scattered { text } => {
                        explained(text, f, &m, hit.doc)
                    }
                    _ => true,
                });
                prop_assert!(shown, "{q:?}: {:?} not shown in {}: {:?}", clause, hit.doc, m.ranges(hit.doc));
            }
        }
    }
}

/// A pinyin query spelling 3 to 8 characters side by side of a real article's
/// body: each character by its initial, its initial's first two letters
/// (`zh`, `ch`, `sh`) or a whole reading, the last maybe cut short; or the
/// same with a letter changed (a query that may spell nothing).
fn real_pinyin_query() -> impl Strategy<Value = (usize, String)> {
    (
        0usize..2,
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        3usize..9,
        proptest::collection::vec(0u8..3, 8),
        proptest::option::of((any::<prop::sample::Index>(), b'a'..=b'z')),
    )
        .prop_map(|(which, article, at, len, forms, change)| {
            let corpora = real_corpora();
            let (issues, _) = &corpora[which % corpora.len()];
            let bodies: Vec<String> = fields(issues)
                .into_iter()
                .map(|f| f[4].1.clone())
                .filter(|t| t.chars().count() >= 3)
                .collect();
            let chars: Vec<char> = fold(article.get::<String>(&bodies)).chars().collect();
            let s = at.index(chars.len());
            let mut q = String::new();
            for (k, &c) in chars[s..(s + len).min(chars.len())].iter().enumerate() {
                let reading = newstag::search::pinyin::readings(c)
                    .first()
                    .map(|r| r.to_string())
                    .or_else(|| c.is_ascii_lowercase().then(|| c.to_string()))
                    .unwrap_or_default();
                let two = reading.starts_with("zh")
                    || reading.starts_with("ch")
                    || reading.starts_with("sh");
                let piece = match forms[k] {
                    0 => &reading[..reading.len().min(1)],
                    1 if two => &reading[..2],
                    _ => reading.as_str(),
                };
                q.push_str(piece);
            }
            let mut q = q.into_bytes();
            if let Some((i, letter)) = change
                && !q.is_empty()
            {
                let i = i.index(q.len());
                q[i] = letter;
            }
            let q = String::from_utf8(q).unwrap_or_default();
            (
                which % corpora.len(),
                if q.len() >= 3 { q } else { "sqz".into() },
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// On real pages: a pinyin query, whose body candidates and scores come
    /// from the postings (chains of bigrams, the pinyin trigrams of three
    /// characters' initials), finds the hits, scores and order a matcher that
    /// reads every body finds.
    #[test]
    fn on_real_pages_pinyin_from_the_postings_finds_what_reading_every_body_does((which, q) in real_pinyin_query()) {
        let (_, index) = &real_corpora()[which];
        let Ok(query) = Query::parse(&q) else { return Ok(()) };
        let fast = Matcher::new(index, &query, None).run(None);
        let read = Matcher::for_highlights(index, &query).run(None);
        prop_assert_eq!(&fast, &read, "{}", q);
        let all: Vec<u32> = (0..index.len() as u32).collect();
        let few = Matcher::for_few(index, &query, None).run(Some(&all));
        prop_assert_eq!(&few, &read, "{} over candidates", q);
    }
}

/// A saved query of one to three clauses of one to three alternatives, each
/// a piece of the corpus or random characters, maybe negated or with `'`, `~`,
/// or a `kind:` filter; clauses joined by spaces, alternatives by `|` or ` | `.
fn saved_query_for(issues: &[Issue]) -> impl Strategy<Value = String> + use<> {
    let atom = (
        query_for(issues),
        prop::sample::select(vec!["", "", "!"]),
        prop::sample::select(vec!["", "", "", "kind:news", "kind:photo"]),
    )
        .prop_map(|(q, not, kind)| {
            let word = q.split(' ').next().unwrap_or("社").to_string();
            let word = if kind.is_empty() {
                word
            } else {
                kind.to_string()
            };
            format!("{not}{word}")
        });
    let clause = (prop::collection::vec(atom, 1..4), any::<bool>())
        .prop_map(|(alts, spaced)| alts.join(if spaced { " | " } else { "|" }));
    prop::collection::vec(clause, 1..4).prop_map(|c| c.join(" "))
}

fn hit_set(index: &SearchIndex, query: &Query) -> BTreeSet<u32> {
    let m = Matcher::new(index, query, None);
    m.run(None).iter().map(|h| h.doc).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// `!@name` finds exactly the articles `@name` does not (issue 14), alone
    /// and ANDed with other words: the saved query's negation written out by
    /// De Morgan's laws loses and adds no article.
    #[test]
    fn a_negated_saved_search_finds_what_the_saved_one_does_not(
        (issues, saved, rest) in corpus().prop_flat_map(|c| {
            let s = saved_query_for(&c);
            let r = query_for(&c);
            (Just(c), s, r)
        })
    ) {
        let index = SearchIndex::build_from_issues(&issues);
        let names: std::collections::BTreeMap<String, String> =
            [("s".to_string(), saved.clone())].into_iter().collect();
        let parse = |q: &str| newstag::search::saved::parse(q, &names);
        let Ok(positive) = parse("@s") else {
            // Too many clauses once negated: refused, not wrong.
            return Ok(());
        };
        let matched = hit_set(&index, &positive);
        let all: BTreeSet<u32> = (0..index.len() as u32).collect();
        match parse("!@s") {
            Ok(negated) => {
                let expected: BTreeSet<u32> = all.difference(&matched).copied().collect();
                prop_assert_eq!(hit_set(&index, &negated), expected, "!@s with s = {:?}", saved);
                let with_rest = parse(&format!("{rest} !@s")).unwrap();
                let rest_hits = hit_set(&index, &Query::parse(&rest).unwrap());
                let expected: BTreeSet<u32> = rest_hits.difference(&matched).copied().collect();
                prop_assert_eq!(hit_set(&index, &with_rest), expected, "{} !@s with s = {:?}", rest, saved);
            }
            Err(e) => prop_assert!(e.to_string().contains("more than"), "{saved:?}: {e}"),
        }
    }
}

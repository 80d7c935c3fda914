//! What suggestions look at in an article: its jieba words (for the classifier)
//! and the tag keywords found among them (for the keyword scorer).
//!
//! Keywords are matched on words, never on raw substrings: a keyword matches a run
//! of whole jieba words that spells it (so `大气` does not match inside `大气层`,
//! which jieba keeps whole, while `非物质文化遗产` matches `非/物质/文化遗产`).

use crate::article::Article;
use crate::config::TagDef;
use std::collections::HashMap;

/// Word ids are 32-bit hashes of the word text (feature hashing): no shared
/// dictionary is needed while issues are processed in parallel.
pub type WordId = u32;

/// The id of `word`.
pub fn word_id(word: &str) -> WordId {
    // Truncation is the point: a 32-bit feature hash.
    xxhash_rust::xxh3::xxh3_64(word.as_bytes()) as u32
}

/// One keyword of one tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// Index of the tag in the vocabulary.
    pub tag: usize,
    /// The keyword as written in the config.
    pub text: String,
}

/// Every keyword of every tag, ready to be matched.
#[derive(Debug, Clone, Default)]
pub struct KeywordSet {
    /// Tag names, in vocabulary order.
    pub tags: Vec<String>,
    pub keywords: Vec<Keyword>,
    /// First character of a keyword -> indices into `keywords`.
    by_first: HashMap<char, Vec<usize>>,
    /// Where a keyword may match (see [`KeywordSet::may_match`]).
    prefilter: Prefilter,
}

/// Which texts a keyword may match in.
#[derive(Debug, Clone, Default)]
enum Prefilter {
    /// None: no keyword can match.
    #[default]
    Nowhere,
    /// Texts holding a keyword's letters and digits together.
    Letters(aho_corasick::AhoCorasick),
    /// Any (the automaton could not be built).
    Anywhere,
}

impl PartialEq for KeywordSet {
    fn eq(&self, other: &KeywordSet) -> bool {
        self.tags == other.tags && self.keywords == other.keywords
    }
}

/// The letters and digits of `text`, in order.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

impl KeywordSet {
    /// The keywords of `tags` (the vocabulary of the config).
    pub fn new(tags: &[TagDef]) -> KeywordSet {
        let mut set = KeywordSet {
            tags: tags.iter().map(|t| t.name.clone()).collect(),
            ..KeywordSet::default()
        };
        for (tag, def) in tags.iter().enumerate() {
            for text in &def.keywords {
                let text: String = text.split_whitespace().collect();
                let Some(first) = text.chars().next() else {
                    continue;
                };
                if set.keywords.iter().any(|k| k.tag == tag && k.text == text) {
                    continue;
                }
                let index = set.keywords.len();
                set.by_first.entry(first).or_default().push(index);
                set.keywords.push(Keyword { tag, text });
            }
        }
        let patterns: Vec<String> = set
            .keywords
            .iter()
            .map(|k| letters(&k.text))
            .filter(|l| !l.is_empty())
            .collect();
        if !patterns.is_empty() {
            set.prefilter = match aho_corasick::AhoCorasick::new(&patterns) {
                Ok(ac) => Prefilter::Letters(ac),
                Err(_) => Prefilter::Anywhere,
            };
        }
        set
    }

    /// False when no keyword can match in `text`: a match is a run of words
    /// that spells the keyword, words being `text` cut with only tokens
    /// without letters or digits left out, so the keyword's letters and
    /// digits are found together among those of `text`. (A keyword without
    /// letters or digits never matches: every word has some.)
    fn may_match(&self, text: &str) -> bool {
        match &self.prefilter {
            Prefilter::Nowhere => false,
            Prefilter::Letters(ac) => ac.is_match(&letters(text)),
            Prefilter::Anywhere => true,
        }
    }

    /// True when there are keywords.
    pub fn is_empty(&self) -> bool {
        self.keywords.is_empty()
    }

    /// A digest of the keywords and their tags, in order: what the keywords
    /// found in an article depend on.
    pub fn digest(&self) -> u128 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for k in &self.keywords {
            h.update(&(k.tag as u64).to_le_bytes());
            h.update(&(k.text.len() as u64).to_le_bytes());
            h.update(k.text.as_bytes());
        }
        h.digest128()
    }

    /// Number of keywords of tag `tag`.
    pub fn count_for(&self, tag: usize) -> usize {
        self.keywords.iter().filter(|k| k.tag == tag).count()
    }

    /// Add the keyword matches in `words` to `hits` (`in_title` marks title words).
    /// A keyword matches a run of whole words that spells it: jieba may cut `非遗`
    /// as one word or as `非/遗` depending on context, and both count, but a
    /// keyword never matches part of a word.
    fn find(&self, words: &[&str], in_title: bool, hits: &mut Vec<Hit>) {
        // Per tag, the word index up to which a match already covers the text:
        // `非物质文化遗产` is one hit, not also `文化遗产` inside it.
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for (at, w) in words.iter().enumerate() {
            let Some(candidates) = w.chars().next().and_then(|c| self.by_first.get(&c)) else {
                continue;
            };
            // Per tag, the longest keyword spelled from here (`社区治理` over `社区`).
            let mut best: Vec<usize> = Vec::new();
            for &k in candidates {
                if !spells(&words[at..], &self.keywords[k].text) {
                    continue;
                }
                let tag = self.keywords[k].tag;
                if covered.iter().any(|&(t, until)| t == tag && at < until) {
                    continue;
                }
                match best.iter_mut().find(|b| self.keywords[**b].tag == tag) {
                    Some(b) if self.keywords[*b].text.len() < self.keywords[k].text.len() => *b = k,
                    Some(_) => {}
                    None => best.push(k),
                }
            }
            for k in best {
                let tag = self.keywords[k].tag;
                let end = at + words_spelling(&words[at..], &self.keywords[k].text);
                match covered.iter_mut().find(|(t, _)| *t == tag) {
                    Some(c) => c.1 = end,
                    None => covered.push((tag, end)),
                }
                let k = k as u32;
                match hits.iter_mut().find(|h| h.keyword == k) {
                    Some(h) => {
                        h.count = h.count.saturating_add(1);
                        h.in_title |= in_title;
                    }
                    None => hits.push(Hit {
                        keyword: k,
                        count: 1,
                        in_title,
                    }),
                }
            }
        }
    }
}

/// True when the first few of `words`, joined, are exactly `keyword`.
fn spells(words: &[&str], keyword: &str) -> bool {
    words_spelling(words, keyword) > 0
}

/// How many of the first `words`, joined, make exactly `keyword` (0: none do).
fn words_spelling(words: &[&str], keyword: &str) -> usize {
    let mut rest = keyword;
    for (n, w) in words.iter().enumerate() {
        match rest.strip_prefix(w) {
            Some("") => return n + 1,
            Some(r) => rest = r,
            None => return 0,
        }
    }
    0
}

/// A keyword found in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`KeywordSet::keywords`].
    pub keyword: u32,
    /// Times it occurs (title and body).
    pub count: u16,
    /// True when it occurs in the title, kicker or subtitle.
    pub in_title: bool,
}

/// What the scorers know of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleFeatures {
    /// Distinct content words (two or more characters, not numbers), as sorted ids.
    pub words: Vec<WordId>,
    /// Keywords found, in order of first appearance.
    pub hits: Vec<Hit>,
    /// Number of words of the article (title and body).
    pub length: u32,
}

/// True for words the classifier learns from: at least two characters and not
/// only digits or punctuation (single characters are mostly particles).
pub fn is_content_word(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().any(|c| c.is_alphabetic())
}

/// The heading parts and paragraphs of `article` in turn, each with whether
/// it is a heading part, given to `each`. A body left in the corpus cache is
/// read, not kept.
fn parts(article: &Article, each: &mut dyn FnMut(&str, bool)) {
    for s in [&article.kicker, &article.title, &article.subtitle] {
        each(s, true);
    }
    for p in article.paragraphs.read().iter() {
        each(p, false);
    }
}

/// The `keywords` found in `article`, as [`extract`] finds them, without
/// cutting the parts of it where no keyword can be (most of a corpus): for an
/// article whose words are known already.
pub fn hits(article: &Article, keywords: &KeywordSet) -> Vec<Hit> {
    let mut hits = Vec::new();
    if matches!(keywords.prefilter, Prefilter::Nowhere) {
        return hits;
    }
    parts(article, &mut |text, in_title| {
        if text.trim().is_empty() || !keywords.may_match(text) {
            return;
        }
        keywords.find(&crate::words::words(text), in_title, &mut hits);
    });
    hits.shrink_to_fit();
    hits
}

/// Record `word` as the text of `id`: of two words of one id, the smaller,
/// so the text does not depend on the order articles are seen in.
/// `word` is borrowed or owned (an owned one is kept, not copied).
pub fn name<W: AsRef<str> + Into<Box<str>>>(
    names: &mut HashMap<WordId, Box<str>>,
    id: WordId,
    word: W,
) {
    match names.get_mut(&id) {
        Some(w) if word.as_ref() < &**w => *w = word.into(),
        Some(_) => {}
        None => {
            names.insert(id, word.into());
        }
    }
}

/// Cut `article` into words and find `keywords` in it. `names` collects the text
/// of every content word id seen (to show which words made a suggestion).
pub fn extract(
    article: &Article,
    keywords: &KeywordSet,
    names: &mut HashMap<WordId, Box<str>>,
) -> ArticleFeatures {
    extract_new(article, keywords, &HashMap::new(), names)
}

/// [`extract`], the words whose text `known` holds already (as the text of
/// their id) not collected again: each part's words are looked at once, and
/// only a word new to the corpus (or a second text of one id) makes an entry
/// in `names`, instead of every word of every issue.
pub fn extract_new(
    article: &Article,
    keywords: &KeywordSet,
    known: &HashMap<WordId, Box<str>>,
    names: &mut HashMap<WordId, Box<str>>,
) -> ArticleFeatures {
    let mut hits = Vec::new();
    let mut ids = Vec::new();
    let mut length = 0u32;
    parts(article, &mut |text, in_title| {
        if text.trim().is_empty() {
            return;
        }
        let words = crate::words::words(text);
        length = length.saturating_add(words.len() as u32);
        keywords.find(&words, in_title, &mut hits);
        // Each word of the part once.
        let mut seen: Vec<(WordId, &str)> = words
            .into_iter()
            .filter(|w| is_content_word(w))
            .map(|w| (word_id(w), w))
            .collect();
        // By id only (a text is compared with another only where two
        // words share an id: mostly one word twice).
        seen.sort_unstable_by_key(|e| e.0);
        seen.dedup();
        for &(id, w) in &seen {
            ids.push(id);
            if known.get(&id).is_none_or(|k| **k != *w) {
                name(names, id, w);
            }
        }
    });
    ids.sort_unstable();
    ids.dedup();
    ids.shrink_to_fit();
    hits.shrink_to_fit();
    ArticleFeatures {
        words: ids,
        hits,
        length,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str, keywords: &[&str]) -> TagDef {
        TagDef {
            keywords: keywords.iter().map(|s| s.to_string()).collect(),
            ..TagDef::new(name, "1")
        }
    }

    fn article(title: &str, body: &str) -> Article {
        Article {
            title: title.into(),
            paragraphs: vec![body.into()].into(),
            ..Article::default()
        }
    }

    /// Keywords are found as whole words, counted, and title hits are flagged.
    #[test]
    fn keywords_match_whole_words() {
        let set = KeywordSet::new(&[tag("env", &["空气质量", "污染"])]);
        let mut names = HashMap::new();
        let a = article(
            "空气质量持续改善",
            "今年全市空气质量优良天数增加，重污染天气减少。",
        );
        let f = extract(&a, &set, &mut names);
        let air = f
            .hits
            .iter()
            .find(|h| set.keywords[h.keyword as usize].text == "空气质量")
            .unwrap();
        assert_eq!(air.count, 2);
        assert!(air.in_title);
        assert!(f.length > 5);
        assert!(f.words.contains(&word_id("改善")));
        assert_eq!(names.get(&word_id("改善")).map(|s| &**s), Some("改善"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Keywords found without cutting the parts where none can be are the
        /// keywords found by cutting everything: for keywords that are runs of
        /// an article's words, runs across punctuation, pieces of words, and
        /// text of no letters.
        #[test]
        fn hits_without_cutting_everything_are_those_found_by_cutting(
            article in 0usize..1000,
            picks in proptest::collection::vec((0usize..10_000, 1usize..4, 0u8..4), 1..8),
        ) {
            let issues: Vec<crate::article::Issue> = crate::corpus::builtin::sample_files()
                .into_iter()
                .filter_map(|(rel, bytes)| {
                    crate::corpus::parse_issue_with(
                        std::path::Path::new(&rel),
                        &rel,
                        bytes,
                        &[],
                        &Default::default(),
                    )
                    .ok()
                })
                .collect();
            let all: Vec<&Article> = issues.iter().flat_map(|i| i.articles.iter()).collect();
            let a = all[article % all.len()];
            let text = format!("{}{}", a.title, a.paragraphs.join("，"));
            let words = crate::words::words(&text);
            let chars: Vec<char> = text.chars().collect();
            let keywords: Vec<String> = picks
                .iter()
                .map(|&(at, n, kind)| match kind {
                    0 if !words.is_empty() => {
                        let at = at % words.len();
                        words[at..(at + n).min(words.len())].concat()
                    }
                    1 => chars.iter().skip(at % chars.len().max(1)).take(n + 1).collect(),
                    2 => "，".to_string(),
                    _ => format!("{}，{}", words.get(at % words.len().max(1)).unwrap_or(&"会"), "议"),
                })
                .collect();
            let refs: Vec<&str> = keywords.iter().map(String::as_str).collect();
            let half = refs.len() / 2;
            let set = KeywordSet::new(&[tag("a", &refs[..half]), tag("b", &refs[half..])]);
            let cut = extract(a, &set, &mut HashMap::new()).hits;
            proptest::prop_assert_eq!(hits(a, &set), cut);
        }
    }

    /// Words whose text is known already are not collected again; the
    /// features are those found without anything known.
    #[test]
    fn known_words_are_not_collected_again() {
        let set = KeywordSet::new(&[tag("env", &["污染"])]);
        let a = article(
            "空气质量持续改善",
            "今年全市空气质量优良天数增加，重污染天气减少。",
        );
        let mut all = HashMap::new();
        let fresh = extract(&a, &set, &mut all);
        let mut known: HashMap<WordId, Box<str>> = HashMap::new();
        known.insert(word_id("改善"), "改善".into());
        known.insert(word_id("空气质量"), "别的".into());
        let mut names = HashMap::new();
        assert_eq!(extract_new(&a, &set, &known, &mut names), fresh);
        assert!(!names.contains_key(&word_id("改善")), "known with its text");
        assert_eq!(
            names.get(&word_id("空气质量")).map(|s| &**s),
            Some("空气质量"),
            "known with another text"
        );
        assert_eq!(names.len() + 1, all.len());
    }

    /// A keyword inside a longer word does not count; one cut into several words does.
    #[test]
    fn keywords_match_runs_of_whole_words() {
        let set = KeywordSet::new(&[tag("env", &["大气"]), tag("her", &["非物质文化遗产"])]);
        let mut names = HashMap::new();
        let text = "研究大气层的结构";
        assert!(crate::words::words(text).contains(&"大气层"));
        assert!(
            extract(&article("", text), &set, &mut names)
                .hits
                .is_empty()
        );
        let text = "保护非物质文化遗产项目";
        assert!(!crate::words::words(text).contains(&"非物质文化遗产"));
        let f = extract(&article("", text), &set, &mut names);
        assert_eq!(f.hits.len(), 1);
        assert_eq!(
            set.keywords[f.hits[0].keyword as usize].text,
            "非物质文化遗产"
        );
        let set = KeywordSet::new(&[tag("her", &["非物质文化遗产", "文化遗产"])]);
        let f = extract(&article("", text), &set, &mut names);
        assert_eq!(f.hits.len(), 1, "the longer keyword covers the shorter one");
        assert!(!spells(&["非", "物质"], "非物质文化遗产"));
        assert!(spells(&["非", "遗", "体验"], "非遗"));
    }
}

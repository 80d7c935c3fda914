//! What suggestions look at in an article: its character pairs (for the
//! classifier) and the tag keywords found in it (for the keyword scorer).
//!
//! The classifier's words are found in one cheap pass over the text, without
//! a word cutter: every two Han characters side by side (`空气质量` gives
//! `空气`, `气质`, `质量`), as Lucene's CJK analyzers and Xapian's CJK n-gram
//! mode index them, and every run of other letters and digits holding a
//! letter (`GDP`, `5G`). A pair that spans two words (`气质` above) is noise
//! the classifier learns to ignore: it is in articles of every topic. An
//! article's words are those of its heading parts and its first paragraph
//! (the lead, which says what it is about) and those the rest of its body
//! says twice or more: a body holds two to three times as many distinct
//! pairs as jieba words, most of them once, and every pair kept is memory
//! for as long as the corpus is open.
//!
//! Keywords are matched on words, never on raw substrings: a keyword matches a
//! run of whole jieba words that spells it (so `大气` does not match inside
//! `大气层`, which jieba keeps whole, while `非物质文化遗产` matches
//! `非/物质/文化遗产`). Only the few parts of an article holding a keyword's
//! letters are cut into words (see [`KeywordSet::spans`]).

use crate::article::Article;
use crate::config::TagDef;
use crate::text::{is_bmp_han, is_han};
use std::collections::HashMap;

/// Word ids. Two Han characters of the Basic Multilingual Plane are their
/// code points, `first << 16 | second` (at least [`PAIR_IDS`]: no two pairs
/// share an id, and the text is known from the id); any other word is a
/// 32-bit hash of its text below [`PAIR_IDS`] (feature hashing: no shared
/// dictionary is needed while issues are processed in parallel).
pub type WordId = u32;

/// The smallest id of a pair of Han characters (`U+3400 << 16`).
pub const PAIR_IDS: WordId = 0x3400_0000;

/// The id of two Han characters of the Basic Multilingual Plane.
fn pair_id(a: char, b: char) -> WordId {
    (a as u32) << 16 | b as u32
}

/// The id of any other word: a hash of its text, below [`PAIR_IDS`].
fn hashed_id(word: &str) -> WordId {
    // Truncation is the point: a feature hash.
    (xxhash_rust::xxh3::xxh3_64(word.as_bytes()) % u64::from(PAIR_IDS)) as WordId
}

/// The id of `word`.
pub fn word_id(word: &str) -> WordId {
    let mut chars = word.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(a), Some(b), None) if is_bmp_han(a) && is_bmp_han(b) => pair_id(a, b),
        _ => hashed_id(word),
    }
}

/// The text of `id` when it is a pair of Han characters (known from the id
/// alone); `None` for any other id.
pub fn pair_text(id: WordId) -> Option<String> {
    let a = char::from_u32(id >> 16).filter(|&c| is_bmp_han(c))?;
    let b = char::from_u32(id & 0xffff).filter(|&c| is_bmp_han(c))?;
    Some([a, b].iter().collect())
}

/// Whether `text` is what [`pair_text`] gives for `id` ("" when it gives
/// nothing), told without making it.
pub fn spells_pair(id: WordId, text: &str) -> bool {
    let pair = |c: u32| char::from_u32(c).filter(|&c| is_bmp_han(c));
    match (pair(id >> 16), pair(id & 0xffff)) {
        (Some(a), Some(b)) => {
            let mut chars = text.chars();
            chars.next() == Some(a) && chars.next() == Some(b) && chars.next().is_none()
        }
        _ => text.is_empty(),
    }
}

/// True for a word fit to be shown as the reason for a suggestion: a run of
/// letters, or a pair of Han characters that is a word of jieba's dictionary
/// (not `务中` of `服务中心`). Loads the dictionary when it is not yet loaded.
pub fn is_whole_word(word: &str) -> bool {
    word_id(word) < PAIR_IDS || crate::words::jieba().has_word(word)
}

/// The classifier's words of `text` (see the module docs), each given to
/// `word` with its text when that is not known from its id; returns the
/// length of `text` as the keyword scorer counts it: its Han characters plus
/// its runs of other letters and digits.
fn scan(text: &str, word: &mut dyn FnMut(WordId, Option<&str>)) -> u32 {
    /// The run of other letters and digits from `run` to `end` is over.
    fn close(
        text: &str,
        run: &mut Option<usize>,
        end: usize,
        length: &mut u32,
        word: &mut dyn FnMut(WordId, Option<&str>),
    ) {
        if let Some(start) = run.take() {
            *length = length.saturating_add(1);
            let w = &text[start..end];
            if is_content_word(w) {
                word(hashed_id(w), Some(w));
            }
        }
    }
    let mut length = 0u32;
    // The Han character just before, and where it is.
    let mut prev: Option<(usize, char)> = None;
    // Where the run of other letters and digits being read began.
    let mut run: Option<usize> = None;
    for (at, c) in text.char_indices() {
        if is_han(c) {
            close(text, &mut run, at, &mut length, word);
            length = length.saturating_add(1);
            if let Some((from, p)) = prev {
                if is_bmp_han(p) && is_bmp_han(c) {
                    word(pair_id(p, c), None);
                } else {
                    let w = &text[from..at + c.len_utf8()];
                    word(hashed_id(w), Some(w));
                }
            }
            prev = Some((at, c));
        } else {
            prev = None;
            if is_letter(c) {
                run.get_or_insert(at);
            } else {
                close(text, &mut run, at, &mut length, word);
            }
        }
    }
    close(text, &mut run, text.len(), &mut length, word);
    length
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
    /// Where a keyword may match (see [`KeywordSet::spans`]).
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
    text.chars().filter(|&c| is_letter(c)).collect()
}

/// Keywords searched for with a DFA at most (its table grows with their
/// bytes; the three default tags have 121).
const MAX_DFA_KEYWORDS: usize = 1000;

thread_local! {
    /// The letters of the text [`KeywordSet::spans`] reads (kept between
    /// calls: it reads every paragraph of a corpus).
    static LETTERS: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// `c.is_alphanumeric()` (see [`crate::text::is_alphanumeric`]).
fn is_letter(c: char) -> bool {
    crate::text::is_alphanumeric(c)
}

/// True for the characters jieba cuts text into words by, in blocks of them:
/// its default "Han" class (Han characters of every plane, ASCII letters and
/// digits, and `+#&._%-`). Any other character is a token of its own, so each
/// block is cut alone and cutting a run of whole blocks gives the words a cut
/// of the whole text gives there.
fn is_block_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
        || is_bmp_han(c)
        || matches!(
            c,
            '\u{20000}'..='\u{2A6DF}'
                | '\u{2A700}'..='\u{2B73F}'
                | '\u{2B740}'..='\u{2B81F}'
                | '\u{2B820}'..='\u{2CEAF}'
                | '\u{2CEB0}'..='\u{2EBEF}'
                | '\u{2F800}'..='\u{2FA1F}'
        )
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
            // Every paragraph of a corpus is searched: a DFA (one look-up a
            // byte) while its table stays small, else what the crate picks.
            let dfa = (patterns.len() <= MAX_DFA_KEYWORDS)
                .then(|| {
                    aho_corasick::AhoCorasick::builder()
                        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                        .build(&patterns)
                        .ok()
                })
                .flatten();
            set.prefilter = match dfa.map_or_else(|| aho_corasick::AhoCorasick::new(&patterns), Ok)
            {
                Ok(ac) => Prefilter::Letters(ac),
                Err(_) => Prefilter::Anywhere,
            };
        }
        set
    }

    /// The spans of `text` where a keyword may match, in order and apart,
    /// each a run of whole jieba blocks (see [`is_block_char`]), so the words
    /// of a span are those a cut of the whole text gives there. A match is a
    /// run of words that spells the keyword, words being `text` cut with only
    /// tokens without letters or digits left out, so the keyword's letters
    /// and digits are found together among those of `text`: a span is the
    /// blocks around each place they are. (A keyword without letters or
    /// digits never matches: every word has some.)
    fn spans(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let ac = match &self.prefilter {
            Prefilter::Nowhere => return Vec::new(),
            Prefilter::Anywhere => return std::iter::once(0..text.len()).collect(),
            Prefilter::Letters(ac) => ac,
        };
        LETTERS.with_borrow_mut(|letters| {
            letters.clear();
            letters.extend(text.chars().filter(|&c| is_letter(c)));
            if ac.is_match(letters.as_str()) {
                Self::spans_of(ac, text, letters)
            } else {
                Vec::new()
            }
        })
    }

    /// [`KeywordSet::spans`] of `text`, whose `letters` hold a keyword's.
    fn spans_of(
        ac: &aho_corasick::AhoCorasick,
        text: &str,
        letters: &str,
    ) -> Vec<std::ops::Range<usize>> {
        // Per byte of `letters`, where its character is in `text`.
        let mut at = Vec::with_capacity(letters.len());
        for (i, c) in text.char_indices().filter(|&(_, c)| is_letter(c)) {
            at.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
        let Ok(found) = ac.try_find_overlapping_iter(letters) else {
            return std::iter::once(0..text.len()).collect();
        };
        let mut spans: Vec<std::ops::Range<usize>> = found
            .map(|m| {
                let mut start = at[m.start()];
                let last = at[m.end() - 1];
                let mut end = last + text[last..].chars().next().map_or(0, char::len_utf8);
                while let Some(c) = text[..start]
                    .chars()
                    .next_back()
                    .filter(|&c| is_block_char(c))
                {
                    start -= c.len_utf8();
                }
                while let Some(c) = text[end..].chars().next().filter(|&c| is_block_char(c)) {
                    end += c.len_utf8();
                }
                start..end
            })
            .collect();
        spans.sort_unstable_by_key(|s| s.start);
        let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(spans.len());
        for s in spans {
            match merged.last_mut() {
                Some(m) if s.start <= m.end => m.end = m.end.max(s.end),
                _ => merged.push(s),
            }
        }
        merged
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

/// Word ids held by something else and shared by many articles: the
/// suggestion cache's file mapped into memory, whose ids are read in place
/// (see `crate::cache::features`), not copied into a vector an article.
pub type SharedWordIds = std::sync::Arc<dyn AsRef<[WordId]> + Send + Sync>;

/// The sorted word ids of one article: its own, or a range of ids shared
/// with other articles ([`SharedWordIds`]). Either reads as a slice.
#[derive(Clone)]
pub enum Words {
    Own(Vec<WordId>),
    Shared {
        ids: SharedWordIds,
        from: u32,
        len: u32,
    },
}

impl Words {
    /// Ids `from..from + len` of `ids`; `None` when they are not all there.
    pub fn shared(ids: &SharedWordIds, from: usize, len: usize) -> Option<Words> {
        let all = (**ids).as_ref();
        all.get(from..from.checked_add(len)?)?;
        Some(Words::Shared {
            ids: std::sync::Arc::clone(ids),
            from: u32::try_from(from).ok()?,
            len: u32::try_from(len).ok()?,
        })
    }
}

impl Default for Words {
    fn default() -> Words {
        Words::Own(Vec::new())
    }
}

impl From<Vec<WordId>> for Words {
    fn from(ids: Vec<WordId>) -> Words {
        Words::Own(ids)
    }
}

impl std::ops::Deref for Words {
    type Target = [WordId];

    fn deref(&self) -> &[WordId] {
        match self {
            Words::Own(ids) => ids,
            // Checked to be there when made ([`Words::shared`]).
            Words::Shared { ids, from, len } => {
                let (from, len) = (*from as usize, *len as usize);
                (**ids).as_ref().get(from..from + len).unwrap_or_default()
            }
        }
    }
}

impl<'a> IntoIterator for &'a Words {
    type Item = &'a WordId;
    type IntoIter = std::slice::Iter<'a, WordId>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// What the scorers know of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleFeatures {
    /// The words (pairs of Han characters side by side, runs of other letters
    /// and digits holding a letter: see the module docs) of the heading parts
    /// and the first paragraph, and those the rest of the body says twice or
    /// more, distinct, as sorted ids.
    pub words: Words,
    /// Keywords found, in order of first appearance.
    pub hits: Vec<Hit>,
    /// Length of the article (title and body): its Han characters and its
    /// runs of other letters and digits.
    pub length: u32,
}

/// True for the runs of letters and digits the classifier learns from: at
/// least two characters and not only digits.
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

/// The `keywords` found in `article`: only the few spans of it where a
/// keyword's letters and digits are together (see [`KeywordSet::spans`]) are
/// cut into jieba words and the keywords matched on those; the rest (most of
/// a corpus) is not cut, as no keyword can match in it.
pub fn hits(article: &Article, keywords: &KeywordSet) -> Vec<Hit> {
    let mut hits = Vec::new();
    if matches!(keywords.prefilter, Prefilter::Nowhere) {
        return hits;
    }
    parts(article, &mut |text, in_title| {
        for span in keywords.spans(text) {
            keywords.find(&crate::words::words(&text[span]), in_title, &mut hits);
        }
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

/// Find the words of `article` and `keywords` in it. `names` collects the
/// text of every word id seen whose text is not known from the id (to show
/// which words made a suggestion).
pub fn extract(
    article: &Article,
    keywords: &KeywordSet,
    names: &mut HashMap<WordId, Box<str>>,
) -> ArticleFeatures {
    extract_new(article, keywords, &HashMap::new(), names)
}

/// [`extract`], the words whose text `known` holds already (as the text of
/// their id) not collected again: only a word new to the corpus (or a second
/// text of one id) makes an entry in `names`.
pub fn extract_new(
    article: &Article,
    keywords: &KeywordSet,
    known: &HashMap<WordId, Box<str>>,
    names: &mut HashMap<WordId, Box<str>>,
) -> ArticleFeatures {
    let mut heading = Vec::new();
    let mut body = Vec::new();
    let mut length = 0u32;
    // The first paragraph (the lead, which says what the article is about)
    // is kept whole, as the heading is.
    let mut lead = true;
    parts(article, &mut |text, in_heading| {
        let whole = in_heading || std::mem::take(&mut lead);
        let ids = if whole { &mut heading } else { &mut body };
        let n = scan(text, &mut |id, text| {
            ids.push(id);
            if let Some(w) = text
                && known.get(&id).is_none_or(|k| **k != *w)
            {
                name(names, id, w);
            }
        });
        length = length.saturating_add(n);
    });
    // The heading's and the lead's words, and the words the rest of the
    // body says more than once.
    body.sort_unstable();
    let mut ids = heading;
    ids.extend(
        body.chunk_by(|a, b| a == b)
            .filter(|run| run.len() > 1)
            .map(|run| run[0]),
    );
    ids.sort_unstable();
    ids.dedup();
    ids.shrink_to_fit();
    ArticleFeatures {
        words: ids.into(),
        hits: hits(article, keywords),
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
        assert_eq!(f.length, 29, "Han characters");
        assert!(f.words.contains(&word_id("改善")));
        assert_eq!(pair_text(word_id("改善")).as_deref(), Some("改善"));
        assert!(names.is_empty(), "pairs are known from their ids");
    }

    /// The words of a text are its pairs of Han characters side by side and
    /// its runs of other letters and digits holding a letter; its length
    /// counts Han characters and runs. No two pairs share an id, and no
    /// other word has a pair's id.
    #[test]
    fn words_are_pairs_of_han_characters_and_runs_of_letters() {
        let words = |text: &str| {
            let mut names = HashMap::new();
            let f = extract(&article(text, ""), &KeywordSet::default(), &mut names);
            let mut texts: Vec<String> = f
                .words
                .iter()
                .map(|&id| pair_text(id).unwrap_or_else(|| names[&id].to_string()))
                .collect();
            texts.sort();
            (texts, f.length)
        };
        assert_eq!(
            words("空气质量，全市GDP增长5%。"),
            (
                ["GDP", "全市", "增长", "气质", "空气", "质量"]
                    .map(String::from)
                    .to_vec(),
                10
            )
        );
        assert_eq!(words("12345 号 5G"), (vec!["5G".to_string()], 3));
        assert_eq!(
            words("𠮷野家"),
            (vec!["野家".to_string(), "𠮷野".into()], 3)
        );
        assert_eq!(
            words("社区社区"),
            (["区社", "社区"].map(String::from).to_vec(), 4)
        );
        assert_ne!(word_id("空气"), word_id("气空"));
        assert!(is_whole_word("中心") && is_whole_word("GDP"));
        assert!(!is_whole_word("务中"), "a pair across two words");
        assert_eq!(word_id("空气"), ('空' as u32) << 16 | '气' as u32);
        // The words said once after the first paragraph are left out.
        let a = Article {
            paragraphs: vec!["社区".into(), "空气质量，全市GDP增长。全市空气好".into()].into(),
            ..Article::default()
        };
        let f = extract(&a, &KeywordSet::default(), &mut HashMap::new());
        assert_eq!(
            *f.words,
            [word_id("全市"), word_id("社区"), word_id("空气")]
        );
        assert_eq!(f.length, 16);
        for w in ["GDP", "5G", "𠮷野", "空", "空气质量", ""] {
            assert!(word_id(w) < PAIR_IDS, "{w}");
            assert_eq!(pair_text(word_id(w)), None, "{w}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Keywords found without cutting the parts where none can be are the
        /// keywords found by cutting everything: for keywords that are runs of
        /// an article's words, runs across punctuation, pieces of words, and
        /// text of no letters; the features' hits are those.
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
            let mut cut = Vec::new();
            parts(a, &mut |text, in_title| {
                set.find(&crate::words::words(text), in_title, &mut cut);
            });
            proptest::prop_assert_eq!(&hits(a, &set), &cut);
            proptest::prop_assert_eq!(&extract(a, &set, &mut HashMap::new()).hits, &cut);
        }
    }

    /// Words whose text is known already are not collected again; the
    /// features are those found without anything known.
    #[test]
    fn known_words_are_not_collected_again() {
        let set = KeywordSet::new(&[tag("env", &["污染"])]);
        let a = article("GDP与CPI", "今年全市PM值下降，重污染天气减少。");
        let mut all = HashMap::new();
        let fresh = extract(&a, &set, &mut all);
        assert_eq!(all.len(), 3, "{all:?}");
        let mut known: HashMap<WordId, Box<str>> = HashMap::new();
        known.insert(word_id("GDP"), "GDP".into());
        known.insert(word_id("CPI"), "别的".into());
        let mut names = HashMap::new();
        assert_eq!(extract_new(&a, &set, &known, &mut names), fresh);
        assert!(!names.contains_key(&word_id("GDP")), "known with its text");
        assert_eq!(
            names.get(&word_id("CPI")).map(|s| &**s),
            Some("CPI"),
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
        // Nor a keyword that ends or starts a word, in a longer text.
        let text = "会上，中华人民共和国成立";
        assert!(crate::words::words(text).contains(&"中华人民共和国"));
        for keyword in ["共和国", "中华人民"] {
            let set = KeywordSet::new(&[tag("x", &[keyword])]);
            assert!(hits(&article("", text), &set).is_empty(), "{keyword}");
        }
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

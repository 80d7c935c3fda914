//! Matching and ranking documents against a parsed query.
//!
//! Per text term, the best of: the title (skim fuzzy match, plus a bonus when the
//! characters stand together as a word), the title's pinyin, the kicker, subtitle
//! and byline, and the body word index. Titles weigh most, bodies least, so a title
//! hit always outranks a body-only hit. A document's score is the sum over terms.

use super::body::{Bitset, BodyHits};
use super::index::{AsciiMasks, DocRef, PinyinData, SearchIndex, ascii_mask};
use super::pinyin::{self, PinyinQuery};
use super::query::{Atom, Pred, Query};
use crate::article::Kind;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use std::sync::{Arc, OnceLock};

const TITLE: i64 = 3000;
const PINYIN: i64 = 2600;
const FIELDS: i64 = 1500;
const BODY: i64 = 400;
const WORD: i64 = 500;
const BODY_WHOLE: i64 = 100;
/// Pinyin is looked for in bodies from this many letters on (one or two letters
/// spell some word of nearly every body, and the lookup would cost the most).
pub const BODY_PINYIN_MIN: usize = 3;

/// Looks up the tags of an article (by issue and article position).
pub type TagLookup = Arc<dyn Fn(DocRef) -> Vec<String> + Send + Sync>;

/// One matching document and its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub doc: u32,
    pub score: i64,
}

fn skim() -> &'static SkimMatcherV2 {
    static SKIM: OnceLock<SkimMatcherV2> = OnceLock::new();
    SKIM.get_or_init(|| SkimMatcherV2::default().ignore_case())
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Fuzzy,
    Exact,
    Prefix,
}

/// A text term made ready for matching.
struct Text {
    text: String,
    chars: Vec<char>,
    mode: Mode,
    title_only: bool,
    /// `Some(mask)` when the term can be pinyin.
    pinyin: Option<u32>,
    /// The term compiled for pinyin matching, when it can be pinyin.
    pq: Option<PinyinQuery>,
    /// Its ASCII letters and digits (see [`ascii_mask`]).
    ascii: u64,
    /// Finds the term's bytes.
    finder: memchr::memmem::Finder<'static>,
    /// jieba words of the term when it has more than one.
    words: Vec<String>,
    body: Option<BodyHits>,
}

enum Cond {
    Text(Box<Text>),
    Tag(String),
    Untagged,
    Kind(Kind),
    Issue(String),
}

struct Prepared {
    negated: bool,
    cond: Cond,
}

/// Which part of a document a text term matched best.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Via {
    TitleChars,
    TitleWords,
    TitlePinyin,
    Other,
}

/// A query bound to an index: scores documents.
pub struct Matcher<'i> {
    index: &'i SearchIndex,
    /// Present when some text term can be pinyin.
    pinyin: Option<&'i PinyinData>,
    /// Present when some text term has ASCII letters or digits.
    ascii: Option<&'i AsciiMasks>,
    clauses: Vec<Vec<Prepared>>,
    tags: Option<TagLookup>,
}

impl<'i> Matcher<'i> {
    /// Prepare `query` for `index` (looks up body words once).
    pub fn new(index: &'i SearchIndex, query: &Query, tags: Option<TagLookup>) -> Matcher<'i> {
        Matcher::build(index, query, tags, true)
    }

    /// A matcher that skips the body word index: cheap to make, for highlighting
    /// titles and texts (its scores ignore bodies).
    pub fn for_highlights(index: &'i SearchIndex, query: &Query) -> Matcher<'i> {
        Matcher::build(index, query, None, false)
    }

    fn build(
        index: &'i SearchIndex,
        query: &Query,
        tags: Option<TagLookup>,
        bodies: bool,
    ) -> Matcher<'i> {
        let texts = || {
            query
                .clauses
                .iter()
                .flat_map(|c| &c.alternatives)
                .filter_map(|a| match &a.pred {
                    Pred::Fuzzy { text, .. } | Pred::Exact { text, .. } | Pred::Prefix { text } => {
                        Some(text.as_str())
                    }
                    _ => None,
                })
        };
        let pinyin = texts()
            .any(pinyin::is_pinyin_query)
            .then(|| index.pinyin_data());
        let ascii = texts()
            .any(|t| ascii_mask(t) != 0)
            .then(|| index.ascii_masks());
        let clauses = query
            .clauses
            .iter()
            .map(|c| {
                c.alternatives
                    .iter()
                    .map(|a| prepare(index, pinyin, a, bodies))
                    .collect()
            })
            .collect();
        Matcher {
            index,
            pinyin,
            ascii,
            clauses,
            tags,
        }
    }

    /// True when the query has no clause (everything matches).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Score of `doc`, or None when it does not match.
    pub fn score(&self, doc: u32) -> Option<i64> {
        let mut total = 0;
        for clause in &self.clauses {
            let best = clause
                .iter()
                .filter_map(|p| self.atom_score(p, doc).map(|(s, _)| s))
                .max()?;
            total += best;
        }
        Some(total)
    }

    /// The documents that can match at all, from the character and word indexes,
    /// when some clause bounds them (a Chinese or other non-pinyin text term):
    /// then only these are scored instead of every document.
    pub fn candidates(&self) -> Option<Vec<u32>> {
        let n = self.index.len();
        let mut acc: Option<Bitset> = None;
        for clause in &self.clauses {
            let mut union = Bitset::new(n);
            let mut bounded = !clause.is_empty();
            for p in clause {
                match (&p.negated, &p.cond) {
                    (false, Cond::Text(t)) if t.pinyin.is_none() => {
                        union.union(&self.index.title_chars.docs_with_all(&t.chars, n));
                        if !t.title_only {
                            union.union(&self.index.field_chars.docs_with_all(&t.chars, n));
                        }
                        if let Some(body) = &t.body {
                            union.union(&body.any);
                        }
                    }
                    _ => {
                        bounded = false;
                        break;
                    }
                }
            }
            if bounded {
                match &mut acc {
                    Some(a) => a.intersect(&union),
                    None => acc = Some(union),
                }
            }
        }
        acc.map(|set| set.to_vec())
    }

    /// Every matching document among `candidates` (all documents that can match
    /// when None), best first; equal scores keep corpus order.
    pub fn run(&self, candidates: Option<&[u32]>) -> Vec<Hit> {
        self.run_with_docs(candidates).0
    }

    /// Like [`Matcher::run`], also returning the matching documents ascending
    /// (what narrowing the next keystroke needs).
    pub fn run_with_docs(&self, candidates: Option<&[u32]>) -> (Vec<Hit>, Vec<u32>) {
        let bounded;
        let candidates = match candidates {
            Some(c) => Some(c),
            None => {
                bounded = self.candidates();
                bounded.as_deref()
            }
        };
        let mut hits: Vec<Hit> = match candidates {
            Some(c) => c
                .par_iter()
                .with_min_len(2048)
                .filter_map(|&d| self.score(d).map(|score| Hit { doc: d, score }))
                .collect(),
            None => (0..self.index.len() as u32)
                .into_par_iter()
                .with_min_len(2048)
                .filter_map(|d| self.score(d).map(|score| Hit { doc: d, score }))
                .collect(),
        };
        let docs: Vec<u32> = hits.iter().map(|h| h.doc).collect();
        if !self.is_empty() {
            rank(&mut hits);
        }
        (hits, docs)
    }

    /// Character positions of the title of `doc` that the query matched, ascending.
    pub fn title_positions(&self, doc: u32) -> Vec<usize> {
        let title = self.index.title_folded(doc as usize);
        let mut out = Vec::new();
        for clause in &self.clauses {
            for p in clause {
                if p.negated {
                    continue;
                }
                let Cond::Text(t) = &p.cond else { continue };
                let Some((_, via)) = self.atom_score(p, doc) else {
                    continue;
                };
                match via {
                    Via::TitleChars => {
                        if let Some(start) = char_find(title, &t.text) {
                            out.extend(start..start + t.chars.len());
                        } else if let Some((_, idx)) = skim().fuzzy_indices(title, &t.text) {
                            out.extend(idx);
                        }
                    }
                    Via::TitleWords => {
                        for w in &t.words {
                            if let Some(start) = char_find(title, w) {
                                out.extend(start..start + w.chars().count());
                            }
                        }
                    }
                    Via::TitlePinyin => {
                        let chars: Vec<char> = title.chars().collect();
                        let found = if t.mode == Mode::Prefix {
                            pinyin::match_title_start(&chars, &t.text)
                        } else {
                            pinyin::match_title(&chars, &t.text)
                        };
                        if let Some((_, pos)) = found {
                            out.extend(pos);
                        }
                    }
                    Via::Other => {}
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Character ranges of `text` (a body paragraph, a title) to highlight: every
    /// occurrence of each positive text term, else of its words. Ascending, merged.
    pub fn text_ranges(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let mut needles: Vec<(&str, &[String])> = Vec::new();
        let mut pinyin_positions: Vec<usize> = Vec::new();
        for clause in &self.clauses {
            for p in clause {
                if let (false, Cond::Text(t)) = (p.negated, &p.cond) {
                    needles.push((&t.text, &t.words));
                    // Pinyin of two letters or more: its best spot in the text.
                    if t.pinyin.is_some() && t.chars.len() >= 2 {
                        let chars: Vec<char> = super::fold::fold(text).chars().collect();
                        if let Some((_, pos)) = pinyin::match_title(&chars, &t.text)
                            && pos
                                .iter()
                                .any(|&k| chars.get(k).is_some_and(|&c| crate::text::is_han(c)))
                        {
                            pinyin_positions.extend(pos);
                        }
                    }
                }
            }
        }
        let mut ranges = super::highlight::ranges_of(&needles, text);
        if !pinyin_positions.is_empty() {
            pinyin_positions.extend(ranges.iter().flat_map(|r| r.clone()));
            pinyin_positions.sort_unstable();
            pinyin_positions.dedup();
            ranges = to_ranges(&pinyin_positions);
        }
        ranges
    }

    fn atom_score(&self, p: &Prepared, doc: u32) -> Option<(i64, Via)> {
        let positive = match &p.cond {
            Cond::Text(t) => self.text_score(t, doc),
            Cond::Kind(k) => (self.index.kind(doc) == *k).then_some((0, Via::Other)),
            Cond::Issue(v) => self
                .index
                .issue(doc)
                .filter(|i| {
                    i.date.as_deref().is_some_and(|d| d.starts_with(v.as_str()))
                        || i.rel.to_lowercase().contains(v.as_str())
                })
                .map(|_| (0, Via::Other)),
            Cond::Tag(name) => {
                let tags = self.doc_tags(doc);
                tags.iter()
                    .any(|t| t.to_lowercase() == *name)
                    .then_some((0, Via::Other))
            }
            Cond::Untagged => self.doc_tags(doc).is_empty().then_some((0, Via::Other)),
        };
        if p.negated {
            match positive {
                Some(_) => None,
                None => Some((0, Via::Other)),
            }
        } else {
            positive
        }
    }

    fn doc_tags(&self, doc: u32) -> Vec<String> {
        match (&self.tags, self.index.doc_ref(doc)) {
            (Some(lookup), Some(r)) => lookup(r),
            _ => Vec::new(),
        }
    }

    /// False when the text of `doc` lacks an ASCII letter or digit of `t` (then
    /// neither fuzzy nor exact matching can succeed).
    fn may_hold(&self, masks: impl Fn(&AsciiMasks) -> &Vec<u64>, d: usize, t: &Text) -> bool {
        self.ascii
            .and_then(|a| masks(a).get(d))
            .is_none_or(|&m| t.ascii & !m == 0)
    }

    fn text_score(&self, t: &Text, doc: u32) -> Option<(i64, Via)> {
        let d = doc as usize;
        let title = self.index.title_folded(d);
        let mut best: Option<(i64, Via)> = None;
        let take = |best: &mut Option<(i64, Via)>, s: i64, via: Via| {
            if best.is_none_or(|(b, _)| s > b) {
                *best = Some((s, via));
            }
        };
        match t.mode {
            Mode::Fuzzy => {
                if let Some(s) = self
                    .may_hold(|a| &a.titles, d, t)
                    .then(|| fuzzy_score(title, t))
                    .flatten()
                {
                    take(&mut best, TITLE + s, Via::TitleChars);
                } else if t.words.len() > 1 && t.words.iter().all(|w| title.contains(w.as_str())) {
                    take(
                        &mut best,
                        TITLE + WORD / 2 + 10 * t.chars.len() as i64,
                        Via::TitleWords,
                    );
                }
                if let (Some(mask), Some(pq)) = (t.pinyin, &t.pq)
                    && let Some(&m) = self.index.masks.get(d)
                    && pinyin::may_match(m, &t.text, mask)
                    && let Some(p) = self.pinyin
                    && let Some(s) = title_pinyin(p, pq, d, false)
                {
                    take(&mut best, PINYIN + s, Via::TitlePinyin);
                }
                if !t.title_only && self.may_hold(|a| &a.fields, d, t) {
                    let fields = self.index.fields_folded.get(d);
                    if !fields.is_empty()
                        && let Some(s) = fuzzy_score(fields, t)
                    {
                        take(&mut best, FIELDS + s, Via::Other);
                    }
                }
            }
            Mode::Exact => {
                if title.contains(t.text.as_str()) {
                    take(
                        &mut best,
                        TITLE + WORD + 10 * t.chars.len() as i64,
                        Via::TitleChars,
                    );
                }
                if !t.title_only && self.index.fields_folded.get(d).contains(t.text.as_str()) {
                    take(&mut best, FIELDS + WORD, Via::Other);
                }
            }
            Mode::Prefix => {
                if title.starts_with(t.text.as_str()) {
                    take(
                        &mut best,
                        TITLE + WORD + 10 * t.chars.len() as i64,
                        Via::TitleChars,
                    );
                } else if let Some(pq) = &t.pq
                    && let Some(p) = self.pinyin
                    && let Some(s) = title_pinyin(p, pq, d, true)
                {
                    take(&mut best, PINYIN + s, Via::TitlePinyin);
                }
            }
        }
        if best.is_none()
            && let Some(body) = &t.body
        {
            if body.whole.contains(doc) {
                take(&mut best, BODY + BODY_WHOLE, Via::Other);
            } else if t.mode == Mode::Fuzzy && body.any.contains(doc) {
                take(&mut best, BODY, Via::Other);
            }
        }
        best
    }
}

/// Pinyin score of the title of document `d`.
fn title_pinyin(p: &PinyinData, pq: &PinyinQuery, d: usize, at_start: bool) -> Option<i64> {
    match p
        .title_letters
        .get(d)
        .and_then(|m| pq.score_letter(m, at_start))
    {
        Some(s) => s,
        None => pq.score(p.titles.get(d), at_start),
    }
}

/// Score of `t` in `hay` (folded): characters standing together score as a word
/// (more at the start), scattered ones get skim's fuzzy score; a quick in-order
/// check first.
fn fuzzy_score(hay: &str, t: &Text) -> Option<i64> {
    if let Some(at) = t.finder.find(hay.as_bytes()) {
        let len = t.chars.len() as i64;
        let start = if at == 0 { 8 } else { 0 };
        return Some(WORD + 16 * len + 8 * (len - 1) + start);
    }
    let mut rest = hay;
    for &c in &t.chars {
        let p = rest.find(c)?;
        rest = &rest[p + c.len_utf8()..];
    }
    skim().fuzzy_match(hay, &t.text)
}

/// Character position of the first occurrence of `needle` in `hay`.
fn char_find(hay: &str, needle: &str) -> Option<usize> {
    hay.find(needle).map(|b| hay[..b].chars().count())
}

fn prepare(
    index: &SearchIndex,
    pinyin: Option<&PinyinData>,
    atom: &Atom,
    bodies: bool,
) -> Prepared {
    let cond = match &atom.pred {
        Pred::Fuzzy { text, title_only } => {
            text_cond(index, pinyin, text, Mode::Fuzzy, *title_only, bodies)
        }
        Pred::Exact { text, title_only } => {
            text_cond(index, pinyin, text, Mode::Exact, *title_only, bodies)
        }
        Pred::Prefix { text } => text_cond(index, pinyin, text, Mode::Prefix, true, bodies),
        Pred::Tag(t) => Cond::Tag(t.to_lowercase()),
        Pred::Untagged => Cond::Untagged,
        Pred::Kind(k) => Cond::Kind(*k),
        Pred::Issue(v) => Cond::Issue(v.to_lowercase()),
    };
    Prepared {
        negated: atom.negated,
        cond,
    }
}

fn text_cond(
    index: &SearchIndex,
    pinyin_data: Option<&PinyinData>,
    text: &str,
    mode: Mode,
    title_only: bool,
    bodies: bool,
) -> Cond {
    let words: Vec<String> = if text.chars().any(crate::text::is_han) {
        index.words.segment(text)
    } else {
        vec![text.to_string()]
    };
    let pq = pinyin_data.and_then(|p| PinyinQuery::new(&p.glyphs, text));
    let body = (!title_only && bodies).then(|| {
        let n = index.len();
        let terms: Vec<&str> = if words.is_empty() {
            vec![text]
        } else {
            words.iter().map(String::as_str).collect()
        };
        let mut any = Bitset::full(n);
        let mut whole = Bitset::full(n);
        for w in terms {
            let h = index.words.hits(w, n);
            any.intersect(&h.any);
            whole.intersect(&h.whole);
        }
        if mode == Mode::Fuzzy
            && let (Some(pq), Some(p)) = (&pq, pinyin_data)
            && pq.len() >= BODY_PINYIN_MIN
        {
            let h = index.words.pinyin_hits(pq, &p.words, n);
            any.union(&h.any);
            whole.union(&h.whole);
        }
        BodyHits { any, whole }
    });
    Cond::Text(Box::new(Text {
        text: text.to_string(),
        chars: text.chars().collect(),
        mode,
        title_only,
        pinyin: pinyin::is_pinyin_query(text).then(|| pinyin::query_mask(text)),
        pq,
        ascii: ascii_mask(text),
        finder: memchr::memmem::Finder::new(text.as_bytes()).into_owned(),
        words: if words.len() > 1 { words } else { Vec::new() },
        body,
    }))
}

/// Order `hits` (in document order) best first, equal scores in document order:
/// a counting sort when the scores span a small range (the usual case: a few
/// hundred distinct scores over up to every document), else a parallel sort.
fn rank(hits: &mut Vec<Hit>) {
    const SPAN: i64 = 1 << 16;
    let (Some(lo), Some(hi)) = (
        hits.iter().map(|h| h.score).min(),
        hits.iter().map(|h| h.score).max(),
    ) else {
        return;
    };
    if hits.len() < 256 || hi - lo >= SPAN {
        hits.par_sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
        return;
    }
    let bucket = |h: &Hit| (hi - h.score) as usize;
    let mut starts = vec![0u32; (hi - lo) as usize + 2];
    for h in hits.iter() {
        starts[bucket(h) + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut out = vec![Hit { doc: 0, score: 0 }; hits.len()];
    for h in hits.iter() {
        let at = &mut starts[bucket(h)];
        out[*at as usize] = *h;
        *at += 1;
    }
    *hits = out;
}

/// Turn ascending character positions into ranges of adjacent positions.
pub fn to_ranges(positions: &[usize]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for &p in positions {
        match out.last_mut() {
            Some(r) if r.end == p => r.end = p + 1,
            _ => out.push(p..p + 1),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranking_is_best_first_ties_in_document_order_whatever_the_sort() {
        // Scores in a narrow span (counting sort) and a wide one (comparison sort).
        for spread in [7i64, 1 << 20] {
            let hits: Vec<Hit> = (0..1000u32)
                .map(|doc| Hit {
                    doc,
                    score: (doc as i64 * 37 % 11) * spread,
                })
                .collect();
            let mut ranked = hits.clone();
            rank(&mut ranked);
            let mut expected = hits;
            expected.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
            assert_eq!(ranked, expected, "spread {spread}");
        }
    }
}

//! Matching and ranking documents against a parsed query.
//!
//! A text term is looked for, in this order of rank (see [`super::query`]):
//! its characters side by side (a phrase) in the title, then in the kicker,
//! subtitle or byline, then in the body; its pinyin spelling characters side by
//! side in the title, then in the body; its characters scattered in order in the
//! title, then in a head field; with `~`, scattered in one paragraph of the body.
//! So a Latin word found as written ranks above its pinyin readings, and a phrase
//! anywhere above scattered characters. A term that starts or ends with a Latin
//! letter or digit (`gdp`, `5g`, `covid-19`) is found as a whole word when no
//! letter or digit stands against it there (`GDP增长`, `the GDP.`); found only
//! inside longer words (`GDPR`, `15G`) it ranks below every whole-word hit, in
//! any field, and above its pinyin readings. A document's score is the sum over the
//! query's clauses of the best alternative.
//!
//! Whether a document matches is decided only by [`super::verify`] on its folded
//! text; the character indexes and the body postings only narrow the documents
//! looked at (and must never leave out one that matches).

use super::docset::Bitset;
use super::index::{AsciiMasks, PinyinData, SearchIndex, ascii_mask};
use super::pinyin::{self, CodeSteps, PinyinQuery};
use super::postings::{NO_SPELLING, Spellings};
use super::query::{Atom, Pred, Query};
use super::verify::{self, Field, FieldRanges};
use crate::article::ArticleAt;
use crate::article::Kind;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use std::ops::Range;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};

/// Score tiers of a text term (each below the one before, whatever the bonus).
const TITLE: i64 = 3000;
const FIELDS: i64 = 1500;
const BODY: i64 = 400;
/// A Latin word found only inside longer Latin words (`gdp` in `GDPR`).
const INSIDE_TITLE: i64 = 340;
const INSIDE_FIELDS: i64 = 320;
const INSIDE_BODY: i64 = 300;
const PINYIN_TITLE: i64 = 250;
const PINYIN_BODY: i64 = 200;
const FUZZY_TITLE: i64 = 100;
const FUZZY_FIELDS: i64 = 50;
const FUZZY_BODY: i64 = 10;
/// A pinyin spelling's score within its tier is capped here.
const PINYIN_CAP: i64 = 49;
/// Pinyin is looked for in bodies from this many letters on (one or two letters
/// spell some word of nearly every body, and the lookup would cost the most).
pub const BODY_PINYIN_MIN: usize = 3;

/// Looks up the tags of an article.
pub type TagLookup = Arc<dyn Fn(ArticleAt) -> Vec<String> + Send + Sync>;

/// Where the pinyin spellings of a text term start in each body, as reading
/// the bodies for it found them ([`PinyinQuery::score_coded_from`]). A longer
/// term typed on from it (the term is its start) can spell a body only from
/// where the term does (each piece of a spelling is the start of a reading,
/// so a spelling's first characters spell the term's letters), so the next
/// keystroke reads each body from there, and not at all where the term spells
/// nothing. See [`Matcher::bodies_read`] and [`Matcher::read_from`].
#[derive(Debug, Clone)]
pub struct ReadFrom {
    /// The query clause whose one term it was found for.
    clause: usize,
    /// That term's text.
    text: String,
    /// Where the bodies read spell it (the documents of the index it was
    /// found on, as many as it had).
    at: Arc<ReadAt>,
}

impl ReadFrom {
    /// How many of `docs` (ascending) it knows nothing of (their bodies
    /// were not read: those whose spellings the postings place at their
    /// characters, [`BY_GRAMS`], are still to read).
    pub fn unread(&self, docs: &[u32]) -> usize {
        let (known, at) = (&self.at.docs, &self.at.at);
        let read = |k: usize| at.get(k).is_some_and(|&v| v != BY_GRAMS);
        // Each document of the shorter list looked up in the longer one.
        let read_here = if known.len() <= docs.len() {
            (0..known.len())
                .filter(|&k| read(k) && known.get(k).is_some_and(|d| docs.binary_search(d).is_ok()))
                .count()
        } else {
            docs.iter()
                .filter(|d| known.binary_search(d).is_ok_and(read))
                .count()
        };
        docs.len().saturating_sub(read_here)
    }
}

/// The documents whose bodies were read for a term, ascending, each with
/// [`SPELLS_NOTHING`] or 1 + the byte of the folded body from which every
/// spelling of the term starts; every other document was not read. Only the
/// documents read are kept (a table by document costs its index's size at
/// every keystroke: 4 MB on a million documents).
#[derive(Debug)]
struct ReadAt {
    /// Documents of the index it was found on.
    n: usize,
    docs: Vec<u32>,
    at: Vec<u32>,
    /// For the documents at [`BY_GRAMS`]: the characters whose first in
    /// the body is where its spellings start.
    grams: Option<Arc<Grams>>,
}

/// The characters, one or two side by side, that make every spelling of a
/// term in a body the postings say has no other ([`Spellings::grams`]):
/// each spelling there starts with one of them, so all start at the first
/// of them in the body (found by one pass of Aho-Corasick, not read a
/// character at a time for pinyin).
#[derive(Debug)]
struct Grams {
    /// Each gram's last character (a lone character's own), once, with what
    /// stands before it: whether it is a gram alone, and the characters
    /// that make a gram with it (ascending).
    lasts: Vec<(char, bool, Vec<char>)>,
    finder: OnceLock<Option<LastsFinder>>,
}

/// Finds the grams' last characters in a body: by Teddy (SIMD, the few
/// characters a term's grams end with) where it can be made, else by
/// Aho-Corasick.
#[derive(Debug)]
enum LastsFinder {
    Packed(aho_corasick::packed::Searcher),
    Automaton(aho_corasick::AhoCorasick),
}

impl LastsFinder {
    fn new(lasts: &[(char, bool, Vec<char>)]) -> Option<LastsFinder> {
        let texts = || lasts.iter().map(|l| l.0.to_string());
        if let Some(packed) = aho_corasick::packed::Searcher::new(texts()) {
            return Some(LastsFinder::Packed(packed));
        }
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(texts())
            .ok()
            .map(LastsFinder::Automaton)
    }
}

impl Grams {
    fn new(codes: &[(u16, u16)]) -> Option<Grams> {
        let text = |code: u16| char::from_u32(u32::from(code));
        let mut pairs = codes
            .iter()
            .map(|&(a, b)| match b {
                0 => Some((text(a)?, None)),
                b => Some((text(b)?, Some(text(a)?))),
            })
            .collect::<Option<Vec<(char, Option<char>)>>>()?;
        // By last character, a lone one first, then the pairs' firsts ascending.
        pairs.sort_unstable();
        pairs.dedup();
        let mut lasts: Vec<(char, bool, Vec<char>)> = Vec::new();
        for (last, before) in pairs {
            if lasts.last().is_none_or(|l| l.0 != last) {
                lasts.push((last, false, Vec::new()));
            }
            if let Some(l) = lasts.last_mut() {
                match before {
                    None => l.1 = true,
                    Some(c) => l.2.push(c),
                }
            }
        }
        Some(Grams {
            lasts,
            finder: OnceLock::new(),
        })
    }

    /// The byte of `body` where the first of the grams stands (None:
    /// nowhere, or no finder could be made). The grams' last characters are
    /// looked for, fewer than the grams (a term's pairs share their second
    /// characters: 基层 几层 机层), each met checked for a gram ending there.
    /// Every place one stands is met, in order (a whole character never
    /// overlaps another), and no gram can start before a gram ending at an
    /// earlier last character does: the first found is the first there is.
    fn first_in(&self, body: &str) -> Option<usize> {
        let finder = self
            .finder
            .get_or_init(|| LastsFinder::new(&self.lasts))
            .as_ref()?;
        match finder {
            LastsFinder::Packed(p) => self.first_among(
                body,
                p.find_iter(body)
                    .map(|m| (m.pattern().as_usize(), m.start())),
            ),
            LastsFinder::Automaton(a) => self.first_among(
                body,
                a.find_iter(body)
                    .map(|m| (m.pattern().as_usize(), m.start())),
            ),
        }
    }

    /// The byte of `body` where the first gram stands, given each place a
    /// gram's last character stands there, in order: (which, its byte).
    fn first_among(
        &self,
        body: &str,
        lasts: impl Iterator<Item = (usize, usize)>,
    ) -> Option<usize> {
        for (which, at) in lasts {
            let Some((_, alone, before)) = self.lasts.get(which) else {
                continue;
            };
            let pair = body
                .get(..at)
                .and_then(|head| head.chars().next_back())
                .filter(|c| before.binary_search(c).is_ok());
            match pair {
                Some(c) => return Some(at - c.len_utf8()),
                None if *alone => return Some(at),
                None => {}
            }
        }
        None
    }
}

impl ReadAt {
    /// [`NOT_READ`], [`SPELLS_NOTHING`] or 1 + the byte, for `doc`.
    fn get(&self, doc: u32) -> u32 {
        match self.docs.binary_search(&doc) {
            Ok(k) => self.at.get(k).copied().unwrap_or(NOT_READ),
            Err(_) => NOT_READ,
        }
    }
}

/// What reading the bodies for a term finds, by document of `docs` (those
/// it scores, ascending; None: every document of the index).
struct Found {
    docs: Option<Vec<u32>>,
    at: Vec<AtomicU32>,
}

impl Found {
    fn new(docs: Option<Vec<u32>>, n: usize) -> Found {
        let len = docs.as_ref().map_or(n, Vec::len);
        Found {
            docs,
            at: (0..len).map(|_| AtomicU32::new(NOT_READ)).collect(),
        }
    }

    fn slot(&self, doc: u32) -> Option<&AtomicU32> {
        match &self.docs {
            Some(docs) => docs.binary_search(&doc).ok().and_then(|k| self.at.get(k)),
            None => self.at.get(doc as usize),
        }
    }

    /// Each document with what was found of it, ascending.
    fn each(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.at.iter().enumerate().map(|(k, v)| {
            let doc = match &self.docs {
                Some(docs) => docs.get(k).copied().unwrap_or(u32::MAX),
                None => k as u32,
            };
            (doc, v.load(Ordering::Relaxed))
        })
    }
}

/// In [`ReadFrom`]: the body was not read (read it from the start).
const NOT_READ: u32 = 0;
/// In [`ReadFrom`]: the body spells the term nowhere.
const SPELLS_NOTHING: u32 = u32::MAX;
/// In [`ReadFrom`]: the body was not read, and the postings say that the
/// term's every spelling in it is by one or two characters they list (see
/// [`Grams`]): read it from the first of those.
const BY_GRAMS: u32 = u32::MAX - 1;

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

/// How a text term matches.
#[derive(Debug, Clone, Copy, PartialEq)]
enum TermMatch {
    /// Side by side everywhere, pinyin, scattered in titles and heads.
    Fuzzy,
    /// Like `Fuzzy`, and scattered in a paragraph of the body (`~`).
    Scattered,
    /// Side by side only (`'`).
    Exact,
    /// At the start of the title, as characters or pinyin (`^`).
    Prefix,
}

/// A text term made ready for matching.
struct Text {
    text: String,
    chars: Vec<char>,
    mode: TermMatch,
    title_only: bool,
    /// `Some(mask)` when the term can be pinyin (and the mode allows it).
    pinyin: Option<u32>,
    /// The term compiled for pinyin matching, when it can be pinyin.
    pq: Option<PinyinQuery>,
    /// `pq`'s steps by character code, for reading bodies (made when the
    /// first body is read; None inside when they cannot be made).
    code_steps: OnceLock<Option<CodeSteps>>,
    /// Where a shorter term this one starts with spells each body (a
    /// [`ReadFrom`] of the keystroke before): bodies are read from there.
    read_from: Option<Arc<ReadAt>>,
    /// What reading bodies for pinyin found of where the term's spellings
    /// start, by document scored (as [`ReadFrom`]; made before a run scores
    /// them, or for every document when the first is read outside a run).
    read_found: OnceLock<Found>,
    /// Its ASCII letters and digits (see [`ascii_mask`]).
    ascii: u64,
    /// Whether it starts, and ends, with an ASCII letter or digit: then a
    /// phrase hit is a whole word only where none stands against it.
    latin_edges: (bool, bool),
    /// Finds the term's bytes.
    finder: memchr::memmem::Finder<'static>,
    /// The documents whose body may spell the term's pinyin (from the body
    /// postings), when pinyin is looked for in bodies.
    body_pinyin: Option<Bitset>,
    /// What the body postings tell of those spellings and their scores (see
    /// [`Matcher::settled_body_pinyin`]).
    body_spellings: Option<Spellings>,
    /// The documents whose body may hold the term (side by side, or scattered
    /// for `~`), from the body postings; None when they cannot tell (a term
    /// without letters or digits) or bodies are not looked up.
    body_may: Option<Bitset>,
    /// The documents whose body holds the term side by side, once scanned for
    /// (every body; only when `body_may` is None).
    body_phrase: OnceLock<Bitset>,
    /// How often each document's body holds the term side by side (capped;
    /// 0: not at all), when the body postings know it exactly (one character,
    /// or two different ones): then a body's score needs no look at its text.
    body_counts: Option<Vec<u8>>,
    /// The documents whose title, and whose head fields, hold every character
    /// of the term (when it cannot be pinyin, nothing else can match there).
    title_may: Option<Bitset>,
    heads_may: Option<Bitset>,
    /// The titles that hold every pair of letters of the term as pinyin (see
    /// [`pinyin::LetterPairs`]), for a term of two letters or more that can be.
    title_pairs: Option<Bitset>,
}

enum Cond {
    Text(Box<Text>),
    Tag(String),
    Untagged,
    /// A sample's marker in the tag lookup.
    Sample(String),
    /// A memo's marker in the tag lookup (holding this folded text).
    Note(Option<String>),
    Kind(Kind),
    Doubt(Option<crate::article::Doubt>),
    Issue(String),
    Date(super::query::DateRange),
}

struct Prepared {
    negated: bool,
    cond: Cond,
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
    /// Every document scored by reading its text, without the shortcuts (for
    /// tests: the reference the shortcuts must agree with).
    plain: bool,
}

/// `tier`'s hits scored `top` put after `hits`, then its others, each in the
/// order of `tier` (a tier's two scores, the one-character ranking's).
fn extend_top_first(hits: &mut Vec<Hit>, tier: &[Hit], top: i64) {
    hits.extend(tier.iter().filter(|h| h.score == top));
    hits.extend(tier.iter().filter(|h| h.score != top));
}

impl<'i> Matcher<'i> {
    /// Prepare `query` for `index` (looks up body words once).
    pub fn new(index: &'i SearchIndex, query: &Query, tags: Option<TagLookup>) -> Matcher<'i> {
        Matcher::build(index, query, tags, Bodies::Postings)
    }

    /// A matcher to run over few candidates (a narrowed keystroke's, see
    /// [`super::Searcher`]): it does not look up in the postings which bodies
    /// may spell a pinyin term, and how well (the chains of bigrams cost more
    /// to follow than reading those few bodies does), beyond the pinyin
    /// trigrams of a term no one or two characters can spell. The same hits
    /// and scores.
    pub fn for_few(index: &'i SearchIndex, query: &Query, tags: Option<TagLookup>) -> Matcher<'i> {
        Matcher::build(index, query, tags, Bodies::NoPinyinPostings)
    }

    /// True when over a narrowed keystroke's candidates, however many,
    /// [`Matcher::for_few`] costs less than [`Matcher::new`] for `query`:
    /// every term of it looked for as pinyin in bodies is one that no one or
    /// two characters side by side can spell ([`PinyinQuery::cuts_in_two`]
    /// false) and of more than four letters. The postings settle no spelling
    /// of such a term (a trigram or four-gram settles only terms of three or
    /// four letters), so either matcher reads the body of every candidate
    /// that may spell it; `for_few` bounds them by the term's pinyin
    /// four-grams, a few lists, where `new` follows the chains of bigrams
    /// through every document of the index first. False when no term is
    /// looked for as pinyin in bodies.
    pub fn reads_bodies_either_way(index: &SearchIndex, query: &Query) -> bool {
        let mut any = false;
        for atom in query.clauses.iter().flat_map(|c| &c.alternatives) {
            let text = match &atom.pred {
                Pred::Fuzzy {
                    text,
                    title_only: false,
                }
                | Pred::Scattered { text } => text,
                _ => continue,
            };
            if text.chars().count() < BODY_PINYIN_MIN || !pinyin::is_pinyin_query(text) {
                continue;
            }
            match PinyinQuery::new(&index.pinyin_data().glyphs, text) {
                Some(pq) if pq.len() > 4 && !pq.cuts_in_two() => any = true,
                Some(_) => return false,
                None => continue,
            }
        }
        any
    }

    /// A matcher that skips the body word index: cheap to make, for highlighting
    /// (it finds pinyin in bodies by spelling alone).
    pub fn for_highlights(index: &'i SearchIndex, query: &Query) -> Matcher<'i> {
        Matcher::build(index, query, None, Bodies::Read)
    }

    fn build(
        index: &'i SearchIndex,
        query: &Query,
        tags: Option<TagLookup>,
        bodies: Bodies,
    ) -> Matcher<'i> {
        let texts = || {
            query
                .clauses
                .iter()
                .flat_map(|c| &c.alternatives)
                .filter_map(|a| match &a.pred {
                    Pred::Fuzzy { text, .. }
                    | Pred::Exact { text, .. }
                    | Pred::Prefix { text }
                    | Pred::Scattered { text } => Some(text.as_str()),
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
            plain: false,
        }
    }

    /// A matcher that scores every document by reading its fields and body
    /// (no postings, no candidates, no shortcut): what the others must give.
    #[cfg(test)]
    pub(crate) fn reading_every_text(index: &'i SearchIndex, query: &Query) -> Matcher<'i> {
        Matcher {
            plain: true,
            ..Matcher::build(index, query, None, Bodies::Read)
        }
    }

    /// Note that the body of `doc` read for `t` spells it from byte `starts`
    /// on (None: nowhere).
    fn note_read(&self, t: &Text, doc: usize, starts: Option<usize>) {
        let found = t
            .read_found
            .get_or_init(|| Found::new(None, self.index.len()));
        let at = match starts {
            None => SPELLS_NOTHING,
            Some(b) => u32::try_from(b + 1)
                .ok()
                .filter(|&v| v != SPELLS_NOTHING)
                .unwrap_or(NOT_READ),
        };
        if let Some(slot) = found.slot(doc as u32) {
            slot.store(at, Ordering::Relaxed);
        }
    }

    /// The term of the query's last clause, when that clause is one text term
    /// that can be pinyin and is looked for in bodies.
    fn last_term(&self) -> Option<(usize, &Text)> {
        let c = self.clauses.len().checked_sub(1)?;
        match self.clauses.get(c).map(Vec::as_slice) {
            Some(
                [
                    Prepared {
                        negated: false,
                        cond: Cond::Text(t),
                    },
                ],
            ) if t.pq.is_some()
                && !t.title_only
                && matches!(t.mode, TermMatch::Fuzzy | TermMatch::Scattered) =>
            {
                Some((c, t))
            }
            _ => None,
        }
    }

    /// Before a run scores `docs` (ascending; None: every document): where
    /// the bodies it reads for the last clause's term spell it is noted for
    /// those documents alone (see [`Matcher::bodies_read`]).
    fn note_reads_of(&self, docs: Option<&[u32]>) {
        if let Some((_, t)) = self.last_term()
            && t.chars.len() >= BODY_PINYIN_MIN
        {
            let docs = docs.filter(|d| d.is_sorted()).map(<[u32]>::to_vec);
            t.read_found
                .get_or_init(|| Found::new(docs, self.index.len()));
        }
    }

    /// Where the bodies read for the last clause's term (a pinyin term) spell
    /// it, for the next keystroke ([`Matcher::read_from`]): what this
    /// matcher's runs found, and where it read nothing, what it was given.
    pub fn bodies_read(&self) -> Option<ReadFrom> {
        let (clause, t) = self.last_term()?;
        let at = match (t.read_found.get(), &t.read_from) {
            (None, None) => return None,
            (None, Some(given)) => Arc::clone(given),
            (Some(found), given) => {
                // Where the body was not read, the postings may tell: no
                // spelling at all, or only by characters they list.
                let spellings = t.body_spellings.as_ref();
                let mine = spellings
                    .and_then(|s| s.grams.as_deref())
                    .and_then(Grams::new)
                    .map(Arc::new);
                let by_postings = |d: u32| {
                    let Some(s) = spellings else {
                        return NOT_READ;
                    };
                    let at = |v: &Vec<i16>| v.get(d as usize).copied().unwrap_or(NO_SPELLING);
                    match (at(&s.short), at(&s.long)) {
                        (NO_SPELLING, NO_SPELLING) => SPELLS_NOTHING,
                        (_, NO_SPELLING) if mine.is_some() => BY_GRAMS,
                        _ => NOT_READ,
                    }
                };
                // A document the one given places by its characters keeps
                // them only while no others are noted.
                let given_grams = given.as_ref().and_then(|g| g.grams.clone());
                let keep_given = mine.is_none();
                let (mut docs, mut at) = (Vec::new(), Vec::new());
                for (d, v) in found.each() {
                    let v = match (v, given) {
                        (NOT_READ, g) => match (by_postings(d), g) {
                            (NOT_READ, Some(g)) => match g.get(d) {
                                BY_GRAMS if !keep_given => NOT_READ,
                                v => v,
                            },
                            (v, _) => v,
                        },
                        (v, _) => v,
                    };
                    if v != NOT_READ {
                        docs.push(d);
                        at.push(v);
                    }
                }
                Arc::new(ReadAt {
                    n: self.index.len(),
                    docs,
                    at,
                    grams: mine.or(given_grams),
                })
            }
        };
        Some(ReadFrom {
            clause,
            text: t.text.clone(),
            at,
        })
    }

    /// Read the bodies for the term of the clause `read` was found for from
    /// where it says, when that term starts with its term (typed on from it)
    /// and can be pinyin, on an index of as many documents. The same hits
    /// and scores.
    pub fn read_from(&mut self, read: ReadFrom) {
        let n = self.index.len();
        if self.plain || read.at.n != n {
            return;
        }
        let Some((clause, _)) = self.last_term() else {
            return;
        };
        if clause != read.clause {
            return;
        }
        if let Some(
            [
                Prepared {
                    cond: Cond::Text(t),
                    ..
                },
            ],
        ) = self.clauses.get_mut(clause).map(Vec::as_mut_slice)
            && t.text.starts_with(read.text.as_str())
        {
            t.read_from = Some(read.at);
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
                .filter_map(|p| self.atom_score(p, doc))
                .max()?;
            total += best;
        }
        Some(total)
    }

    /// The documents that can match at all, when some clause bounds them (a
    /// positive text term): the titles and heads holding all its characters,
    /// and the bodies holding it side by side (from the postings, or one scan of
    /// every body); for a term that can be pinyin (a Latin word) also the titles
    /// whose pinyin masks may spell it and the bodies whose bigrams may. Then
    /// only these are scored.
    pub fn candidates(&self) -> Option<Vec<u32>> {
        self.bound(true).map(|set| set.to_vec())
    }

    /// The documents that can match, as [`Matcher::candidates`] finds them;
    /// with `scan` false, None instead of scanning every body for a phrase the
    /// postings cannot bound (a term without letters or digits).
    fn bound(&self, scan: bool) -> Option<Bitset> {
        let n = self.index.len();
        let mut acc: Option<Bitset> = None;
        for clause in &self.clauses {
            let mut union = Bitset::new(n);
            let mut bounded = !clause.is_empty();
            for p in clause {
                match (&p.negated, &p.cond) {
                    (false, Cond::Text(t))
                        if t.pinyin.is_none()
                            && (t.mode != TermMatch::Scattered || t.body_may.is_some()) =>
                    {
                        match &t.title_may {
                            Some(may) => union.union(may),
                            None => union.union(&self.index.title_chars.docs_with_all(&t.chars, n)),
                        }
                        if !t.title_only {
                            match &t.heads_may {
                                Some(may) => union.union(may),
                                None => {
                                    union.union(&self.index.field_chars.docs_with_all(&t.chars, n))
                                }
                            }
                            match &t.body_may {
                                Some(may) => union.union(may),
                                None if scan => union.union(self.body_phrase_docs(t)),
                                None => {
                                    bounded = false;
                                    break;
                                }
                            }
                        }
                    }
                    (false, Cond::Text(t)) if self.pinyin_bounded(t) => {
                        union.union(&self.index.title_chars.docs_with_all(&t.chars, n));
                        union.union(&self.title_pinyin_docs(t));
                        if !t.title_only && t.mode != TermMatch::Prefix {
                            union.union(&self.index.field_chars.docs_with_all(&t.chars, n));
                            for set in [&t.body_may, &t.body_pinyin].into_iter().flatten() {
                                union.union(set);
                            }
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
        acc
    }

    /// True when the documents a term that can be pinyin may match are known
    /// without scoring every document: it is looked for in titles only, or the
    /// body postings gave both its Latin candidates and (when long enough to be
    /// looked for in bodies) its pinyin ones.
    fn pinyin_bounded(&self, t: &Text) -> bool {
        if t.pinyin.is_none() {
            return false;
        }
        if t.title_only || t.mode == TermMatch::Prefix {
            return true;
        }
        let pinyin_in_bodies = t.chars.len() >= BODY_PINYIN_MIN && t.pq.is_some();
        t.body_may.is_some() && (!pinyin_in_bodies || t.body_pinyin.is_some())
    }

    /// The documents whose title's pinyin masks let it spell `t` (what
    /// [`Matcher::in_field`] asks before looking for pinyin in a title).
    fn title_pinyin_docs(&self, t: &Text) -> Bitset {
        let n = self.index.len();
        let mut set = Bitset::new(n);
        if let Some(mask) = t.pinyin {
            for (d, &m) in self.index.masks.iter().enumerate() {
                if pinyin::may_match(m, &t.text, mask) {
                    set.insert(d as u32);
                }
            }
        }
        if let Some(pairs) = &t.title_pairs {
            set.intersect(pairs);
        }
        set
    }

    /// The documents whose body holds `t` side by side (scanned once).
    fn body_phrase_docs<'t>(&self, t: &'t Text) -> &'t Bitset {
        t.body_phrase.get_or_init(|| {
            let n = self.index.len();
            let found: Vec<u32> = (0..n as u32)
                .into_par_iter()
                .with_min_len(1024)
                .filter(|&d| {
                    self.index
                        .with_body(d as usize, |b| t.finder.find(b.as_bytes()).is_some())
                })
                .collect();
            let mut set = Bitset::new(n);
            for d in found {
                set.insert(d);
            }
            set
        })
    }

    /// Every matching document among `candidates` (all documents that can match
    /// when None), best first; equal scores keep corpus order.
    pub fn run(&self, candidates: Option<&[u32]>) -> Vec<Hit> {
        self.run_with_docs(candidates).0
    }

    /// Like [`Matcher::run`], also returning the matching documents ascending
    /// (what narrowing the next keystroke needs).
    pub fn run_with_docs(&self, candidates: Option<&[u32]>) -> (Vec<Hit>, Vec<u32>) {
        if candidates.is_none()
            && let Some(ranked) = self.one_character_ranking()
        {
            return ranked;
        }
        let (bounded, narrowed);
        let candidates = match candidates {
            // Many candidates (a short query's hits): first drop those the
            // query's own bound rules out (the titles that cannot spell
            // `sq` among the hits of `s`), which costs less than scoring them.
            Some(c) if !self.plain && c.len() * 8 >= self.index.len() => match self.bound(false) {
                Some(may) => {
                    narrowed = c
                        .iter()
                        .copied()
                        .filter(|&d| may.contains(d))
                        .collect::<Vec<u32>>();
                    Some(narrowed.as_slice())
                }
                None => Some(c),
            },
            Some(c) => Some(c),
            None if self.plain => None,
            None => {
                bounded = self.candidates();
                bounded.as_deref()
            }
        };
        self.note_reads_of(candidates);
        let mut hits: Vec<Hit> = match candidates {
            Some(c) => c
                .par_iter()
                .with_min_len(256)
                .filter_map(|&d| self.score(d).map(|score| Hit { doc: d, score }))
                .collect(),
            None => (0..self.index.len() as u32)
                .into_par_iter()
                .with_min_len(1024)
                .filter_map(|d| self.score(d).map(|score| Hit { doc: d, score }))
                .collect(),
        };
        let docs: Vec<u32> = hits.iter().map(|h| h.doc).collect();
        if !self.is_empty() {
            rank(&mut hits);
        }
        (hits, docs)
    }

    /// Where `doc` matched: the ranges of every positive text term that matched,
    /// in every field it matched in. Never empty for a hit of a query with a
    /// positive text term.
    pub fn ranges(&self, doc: u32) -> FieldRanges {
        let mut out = FieldRanges::default();
        for clause in &self.clauses {
            for p in clause {
                let (false, Cond::Text(t)) = (p.negated, &p.cond) else {
                    continue;
                };
                if self.text_score(t, doc).is_none() {
                    continue;
                }
                for field in Field::ALL {
                    if let Some((_, r)) = self.in_field(t, doc, field, true) {
                        out.add(field, r);
                    }
                }
            }
        }
        out
    }

    /// Character positions of the title of `doc` that the query matched, ascending.
    pub fn title_positions(&self, doc: u32) -> Vec<usize> {
        self.ranges(doc)
            .of(Field::Title)
            .iter()
            .flat_map(|r| r.clone())
            .collect()
    }

    /// Character ranges of `text` (a line of the reader, of `field`) to
    /// highlight: what each positive text term matches there, by the rules of
    /// that field. Ascending, merged.
    pub fn text_ranges_in(&self, field: Field, text: &str) -> Vec<Range<usize>> {
        let folded = super::fold::fold(text);
        let mut out = Vec::new();
        for clause in &self.clauses {
            for p in clause {
                if let (false, Cond::Text(t)) = (p.negated, &p.cond)
                    && let Some((_, r)) = self.in_text(t, &folded, field, true)
                {
                    out.extend(r);
                }
            }
        }
        verify::merge(out)
    }

    /// [`Matcher::text_ranges_in`] for body text.
    pub fn text_ranges(&self, text: &str) -> Vec<Range<usize>> {
        self.text_ranges_in(Field::Body, text)
    }

    fn atom_score(&self, p: &Prepared, doc: u32) -> Option<i64> {
        let positive = match &p.cond {
            Cond::Text(t) => self.text_score(t, doc),
            Cond::Kind(k) => (self.index.kind(doc) == *k).then_some(0),
            Cond::Doubt(reason) => {
                let d = self.index.doubts(doc);
                reason.map_or(!d.is_empty(), |r| d.contains(r)).then_some(0)
            }
            Cond::Issue(v) => self
                .index
                .issue(doc)
                .filter(|i| {
                    i.date.as_deref().is_some_and(|d| d.starts_with(v.as_str()))
                        || i.rel.to_lowercase().contains(v.as_str())
                })
                .map(|_| 0),
            Cond::Date(range) => self
                .index
                .issue(doc)
                .and_then(|i| i.date.as_deref())
                .filter(|d| range.contains(d))
                .map(|_| 0),
            Cond::Tag(name) => {
                let tags = self.doc_tags(doc);
                tags.iter()
                    .any(|t| super::fold::fold(t) == *name)
                    .then_some(0)
            }
            Cond::Untagged => self
                .doc_tags(doc)
                .iter()
                .all(|t| super::tags::is_marker(t))
                .then_some(0),
            Cond::Sample(marker) => self.doc_tags(doc).contains(marker).then_some(0),
            Cond::Note(word) => self
                .doc_tags(doc)
                .iter()
                .filter_map(|t| super::tags::note_of_marker(t))
                .any(|text| word.as_ref().is_none_or(|w| text.contains(w.as_str())))
                .then_some(0),
        };
        if p.negated {
            match positive {
                Some(_) => None,
                None => Some(0),
            }
        } else {
            positive
        }
    }

    fn doc_tags(&self, doc: u32) -> Vec<String> {
        match (&self.tags, self.index.article_at(doc)) {
            (Some(lookup), Some(r)) => lookup(r),
            _ => Vec::new(),
        }
    }

    /// The best score of `t` over the fields of `doc`.
    fn text_score(&self, t: &Text, doc: u32) -> Option<i64> {
        if let Some(score) = self.one_character_score(t, doc) {
            return score;
        }
        let fields: &[Field] = if t.title_only || t.mode == TermMatch::Prefix {
            &[Field::Title]
        } else {
            &Field::ALL
        };
        let mut best: Option<i64> = None;
        for &f in fields {
            // The body (last, and the costliest to look at) cannot beat a
            // score at or above its ceiling.
            if f == Field::Body && best.is_some_and(|b| b >= self.body_ceiling(t, doc)) {
                continue;
            }
            // Nor can a head field (kicker, subtitle, byline) beat a title
            // phrase, or a phrase found in a head before it: it is not read
            // (the reference reading every text reads it).
            if !self.plain
                && matches!(f, Field::Kicker | Field::Subtitle | Field::Byline)
                && best.is_some_and(|b| b >= head_ceiling(t))
            {
                continue;
            }
            if let Some((s, _)) = self.in_field(t, doc, f, false) {
                best = Some(best.map_or(s, |b| b.max(s)));
            }
        }
        best
    }

    /// The best score over the fields of `doc` of a one-character term (not
    /// a letter, digit or space, so never pinyin, and a whole word wherever
    /// it stands), when `t` is one (None otherwise): the title's from the
    /// title character index and its first character, else the heads' from
    /// their text, else the body's from the postings' counts. What
    /// [`Matcher::text_score`] gives field by field, with one look at each
    /// source: a title holding the character outscores any head, a head any
    /// body.
    fn one_character_score(&self, t: &Text, doc: u32) -> Option<Option<i64>> {
        let (c, title_may) = self.lone_character(t)?;
        let d = doc as usize;
        if title_may.contains(doc) {
            return Some(Some(self.title_character_score(c, d)));
        }
        if t.title_only {
            return Some(None);
        }
        let heads_may = t.heads_may.as_ref()?;
        if heads_may.contains(doc)
            && let Some(score) = self.heads_character_score(t, d)
        {
            return Some(Some(score));
        }
        Some(match &t.body_counts {
            Some(counts) => match counts.get(d).copied().unwrap_or(0) {
                0 => None,
                n => Some(BODY + i64::from(n).min(50)),
            },
            None => self.in_field(t, doc, Field::Body, false).map(|(s, _)| s),
        })
    }

    /// The character of a one-character term scored at one look (not a
    /// letter, digit or space, looked for side by side, with its title
    /// character set) and that set; None for any other term.
    fn lone_character<'t>(&self, t: &'t Text) -> Option<(char, &'t Bitset)> {
        let (false, None, Some(title_may), &[c]) =
            (self.plain, t.pinyin, &t.title_may, &t.chars[..])
        else {
            return None;
        };
        (!c.is_ascii_alphanumeric()
            && !c.is_whitespace()
            && matches!(t.mode, TermMatch::Fuzzy | TermMatch::Exact))
        .then_some((c, title_may))
    }

    /// The score of character `c` in the title of `d`, which holds it.
    fn title_character_score(&self, c: char, d: usize) -> i64 {
        let start = if self.index.title_starts().get(d) == Some(&c) {
            8
        } else {
            0
        };
        TITLE + 16 + start
    }

    /// The best score of a one-character term in the heads of `d` (read), if
    /// one holds it.
    fn heads_character_score(&self, t: &Text, d: usize) -> Option<i64> {
        self.index
            .folded_heads(d)
            .filter_map(|head| t.finder.find(head.as_bytes()))
            .map(|at| if at == 0 { 8 } else { 0 })
            .max()
            .map(|start| FIELDS + 16 + start)
    }

    /// The hits, best first, and the matching documents, ascending, of a
    /// query that is one positive one-character term alone (as
    /// [`Matcher::one_character_score`] scores it), ranked by tiers straight
    /// from the sets the term was prepared with instead of scoring each hit
    /// and sorting: titles starting with the character, the other titles
    /// holding it, the heads of the rest (read only when their first
    /// characters are not made: [`SearchIndex::head_starts_made`]) starting
    /// with it, the other heads holding it, then the rest's bodies by how often
    /// they hold it (from the postings' counts). Each tier in document order,
    /// as [`rank`] orders equal scores. None for any other query.
    fn one_character_ranking(&self) -> Option<(Vec<Hit>, Vec<u32>)> {
        let [clause] = self.clauses.as_slice() else {
            return None;
        };
        let [
            Prepared {
                negated: false,
                cond: Cond::Text(t),
            },
        ] = clause.as_slice()
        else {
            return None;
        };
        let (c, title_may) = self.lone_character(t)?;
        let rest = match (t.title_only, &t.heads_may, &t.body_counts, &t.body_may) {
            (true, ..) => None,
            (false, Some(heads), Some(counts), Some(bodies)) => Some((heads, counts, bodies)),
            _ => return None,
        };
        let mut hits = Vec::new();
        let title_hits: Vec<Hit> = title_may
            .iter()
            .map(|doc| Hit {
                doc,
                score: self.title_character_score(c, doc as usize),
            })
            .collect();
        extend_top_first(&mut hits, &title_hits, TITLE + 24);
        drop(title_hits);
        let Some((heads_may, counts, bodies_may)) = rest else {
            return Some((hits, title_may.to_vec()));
        };
        let mut read = heads_may.clone();
        read.subtract(title_may);
        let mut head_hits: Vec<Hit> = match self.index.head_starts_made() {
            // The heads' first characters settle every score but those of
            // documents whose heads hold a line break of their own: a head
            // holds the character (the field index says so), one starts
            // with it or none does.
            Some(table) => {
                let starting = table.starting_with(c, self.index.len());
                read.iter()
                    .filter_map(|doc| {
                        let score = if table.is_unsettled(doc) {
                            self.heads_character_score(t, doc as usize)?
                        } else if starting.contains(doc) {
                            FIELDS + 24
                        } else {
                            FIELDS + 16
                        };
                        Some(Hit { doc, score })
                    })
                    .collect()
            }
            None => {
                let read: Vec<u32> = read.iter().collect();
                let head_scores: Vec<Option<i64>> = read
                    .par_iter()
                    .with_min_len(1024)
                    .map(|&d| self.heads_character_score(t, d as usize))
                    .collect();
                read.iter()
                    .zip(&head_scores)
                    .filter_map(|(&doc, s)| s.map(|score| Hit { doc, score }))
                    .collect()
            }
        };
        extend_top_first(&mut hits, &head_hits, FIELDS + 24);
        let mut matched = title_may.clone();
        for h in &head_hits {
            matched.insert(h.doc);
        }
        head_hits.clear();
        let mut bodies = bodies_may.clone();
        bodies.subtract(&matched);
        // Bodies by count (capped as scored), most first: a counting sort.
        let capped = |d: u32| i64::from(counts.get(d as usize).copied().unwrap_or(0)).min(50);
        let mut starts = [0usize; 52];
        for d in bodies.iter() {
            starts[(50 - capped(d)) as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let from = hits.len();
        hits.resize(from + starts[51], Hit { doc: 0, score: 0 });
        for d in bodies.iter() {
            let n = capped(d);
            let at = &mut starts[(50 - n) as usize];
            hits[from + *at] = Hit {
                doc: d,
                score: BODY + n,
            };
            *at += 1;
        }
        matched.union(&bodies);
        Some((hits, matched.to_vec()))
    }

    /// The highest score `t` can have in the body of `doc`: a phrase's tier
    /// (unless the postings rule the phrase out), else a pinyin spelling's,
    /// else scattered characters'.
    fn body_ceiling(&self, t: &Text, doc: u32) -> i64 {
        if t.body_may.as_ref().is_none_or(|may| may.contains(doc)) {
            BODY + 50
        } else if t.pinyin.is_some() {
            PINYIN_BODY + PINYIN_CAP
        } else {
            FUZZY_BODY
        }
    }

    /// False when field `f` of `d` lacks an ASCII letter or digit of `t`, or
    /// (a body) the body postings rule its phrase out (then neither a phrase
    /// nor scattered characters can match there).
    fn may_hold(&self, f: Field, d: usize, t: &Text) -> bool {
        let masks = match (self.ascii, f) {
            // The body postings say where the phrase may stand (and, for
            // `~`, where every character does).
            (_, Field::Body) => {
                return t.body_may.as_ref().is_none_or(|may| may.contains(d as u32));
            }
            (Some(a), Field::Title) => &a.titles,
            (Some(a), Field::Kicker | Field::Subtitle | Field::Byline) => &a.fields,
            _ => return true,
        };
        masks.get(d).is_none_or(|&m| t.ascii & !m == 0)
    }

    /// Score (and ranges, when `want`) of `t` in field `f` of `doc`.
    fn in_field(
        &self,
        t: &Text,
        doc: u32,
        f: Field,
        want: bool,
    ) -> Option<(i64, Vec<Range<usize>>)> {
        let d = doc as usize;
        if f != Field::Title && (t.title_only || t.mode == TermMatch::Prefix) {
            return None;
        }
        // Without pinyin, a field matches only when it holds every character.
        if t.pinyin.is_none() {
            let may = match f {
                Field::Title => &t.title_may,
                Field::Kicker | Field::Subtitle | Field::Byline => &t.heads_may,
                Field::Body => &None,
            };
            if may.as_ref().is_some_and(|m| !m.contains(doc)) {
                return None;
            }
        }
        // A one-character term in a title the character index says holds it
        // is a phrase there (a whole word: no Latin letter or digit): its
        // score needs only whether the title starts with it, not the title.
        if f == Field::Title
            && !want
            && !self.plain
            && t.pinyin.is_none()
            && t.title_may.is_some()
            && let [c] = t.chars[..]
            && !c.is_ascii_alphanumeric()
            && !c.is_whitespace()
        {
            let at_start = self.index.title_starts().get(d) == Some(&c);
            return match (t.mode, at_start) {
                (TermMatch::Prefix, false) => None,
                (_, true) => Some((TITLE + 16 + 8, Vec::new())),
                (_, false) => Some((TITLE + 16, Vec::new())),
            };
        }
        // A body's phrase score from the postings' counts (the same count the
        // text gives: see [`super::postings::Postings::phrase_counts`]).
        if f == Field::Body
            && !want
            && t.pinyin.is_none()
            && matches!(t.mode, TermMatch::Fuzzy | TermMatch::Exact)
            && let Some(counts) = &t.body_counts
        {
            return match counts.get(d).copied().unwrap_or(0) {
                0 => None,
                c => Some((BODY + i64::from(c).min(50), Vec::new())),
            };
        }
        let latin = self.may_hold(f, d, t);
        // Where the keystroke before found the body's spellings to start.
        let read_from = match (&t.read_from, f) {
            (Some(at), Field::Body) if !want => at.get(doc),
            _ => NOT_READ,
        };
        let pinyin = t.pinyin.is_some()
            && match f {
                Field::Title => match (self.index.masks.get(d), t.pinyin) {
                    (Some(&m), Some(mask)) => {
                        pinyin::may_match(m, &t.text, mask)
                            && t.title_pairs.as_ref().is_none_or(|p| p.contains(doc))
                    }
                    _ => false,
                },
                // Too short to be looked for as pinyin in bodies (see in_text_with).
                Field::Body if t.chars.len() < BODY_PINYIN_MIN => false,
                Field::Body => {
                    t.body_pinyin.as_ref().is_none_or(|set| set.contains(doc))
                        && read_from != SPELLS_NOTHING
                }
                _ => false,
            };
        if f == Field::Body && !pinyin {
            let ruled_out = match &t.body_may {
                Some(may) => !may.contains(doc),
                None => {
                    t.mode != TermMatch::Scattered
                        && t.body_phrase.get().is_some_and(|set| !set.contains(doc))
                }
            };
            if ruled_out {
                return None;
            }
        }
        if !latin && !pinyin {
            return None;
        }
        // A body's pinyin score from the postings, where they settle it and
        // the term's letters cannot stand in the body as written.
        if f == Field::Body
            && pinyin
            && !want
            && t.body_may.as_ref().is_some_and(|may| !may.contains(doc))
        {
            match self.settled_body_pinyin(t, doc) {
                Some(Some(s)) => return Some((PINYIN_BODY + s.clamp(0, PINYIN_CAP), Vec::new())),
                // Nothing but scattered characters (`~`) is left to look for.
                Some(None) if t.mode == TermMatch::Fuzzy => return None,
                _ => {}
            }
        }
        // A title without the term's letters is matched by pinyin alone: its
        // score from the title's glyphs, without its text (what in_text_with
        // gives there).
        if f == Field::Title
            && !want
            && !latin
            && !self.plain
            && let (Some(pq), Some(p)) = (&t.pq, self.pinyin)
        {
            return title_pinyin(p, pq, d, t.mode == TermMatch::Prefix)
                .map(|s| (PINYIN_TITLE + s.clamp(0, PINYIN_CAP), Vec::new()));
        }
        let title_doc = (f == Field::Title).then_some(d);
        // Reading a body for pinyin can stop at a spelling that scores what
        // the postings bound the body's spellings by (a spelling at its start
        // scores more, but is over before reading may stop).
        let enough = match &t.body_spellings {
            Some(found) if f == Field::Body && !self.plain => {
                let at = |v: &Vec<i16>| v.get(d).copied().unwrap_or(NO_SPELLING);
                match at(&found.short).max(at(&found.long)) {
                    NO_SPELLING => PINYIN_CAP,
                    bound => i64::from(bound).min(PINYIN_CAP),
                }
            }
            _ => PINYIN_CAP,
        };
        let read = (f == Field::Body && !want).then(|| BodyRead {
            doc: d,
            from: match read_from {
                BY_GRAMS => ReadStart::Grams,
                v => ReadStart::Byte(v.saturating_sub(1) as usize),
            },
        });
        let run = |text: &str| {
            if text.is_empty() {
                return None;
            }
            self.in_text_with(t, text, f, title_doc, read, want, pinyin, latin, enough)
        };
        if f == Field::Body {
            self.index.with_body(d, run)
        } else {
            run(self.index.folded_head(d, f))
        }
    }

    /// The best pinyin score of `t` in the body of `doc` (before its tier and
    /// cap, as reading the body gives it) when the body postings settle it:
    /// `Some(None)` when the body cannot spell `t`; `Some(Some(s))` when the
    /// best spelling by one or two characters, or at the start of the body
    /// (from the first characters the postings keep), scores at least what
    /// any longer chain of the body's bigrams could, or the cap; None when
    /// only reading the body tells.
    fn settled_body_pinyin(&self, t: &Text, doc: u32) -> Option<Option<i64>> {
        let (found, pq, p) = (t.body_spellings.as_ref()?, t.pq.as_ref()?, self.pinyin?);
        let d = doc as usize;
        let none = NO_SPELLING as i32;
        let short = *found.short.get(d)? as i32;
        let long = *found.long.get(d)? as i32;
        if short == none && long == none {
            return Some(None);
        }
        let head = self.index.postings.head(doc);
        let start = if head
            .first()
            .is_some_and(|&code| pq.step_at(p.glyph(code), 0).0 == 0)
        {
            // No spelling starts at the first character.
            none
        } else if pq.len() <= head.len() {
            // A spelling of m letters takes m characters at most.
            let mut glyphs = [0u16; super::postings::HEAD];
            for (g, &code) in glyphs.iter_mut().zip(head) {
                *g = p.glyph(code);
            }
            pq.score(&glyphs, true).map_or(none, |s| s as i32)
        } else if head
            .first()
            .is_none_or(|&code| pq.step_at(p.glyph(code), 0).0 != 0)
        {
            return None;
        } else {
            none
        };
        let known = short.max(start);
        let cap = PINYIN_CAP as i32;
        if known >= cap || (known != none && long <= known) {
            Some(Some(i64::from(known.min(cap))))
        } else {
            None
        }
    }

    fn in_text(
        &self,
        t: &Text,
        folded: &str,
        f: Field,
        want: bool,
    ) -> Option<(i64, Vec<Range<usize>>)> {
        self.in_text_with(t, folded, f, None, None, want, true, true, PINYIN_CAP)
    }

    /// Score and ranges of `t` in the folded text of a field `f`: the rules of
    /// the module doc, tier after tier. `latin_here` false: the field lacks an
    /// ASCII letter or digit of the term, so neither its phrase nor its
    /// scattered characters are there (only pinyin is looked for). A body is
    /// read for pinyin until a spelling scores `enough` (no higher than what
    /// any spelling of it but one at its start can score), from where `read`
    /// says (and what it finds is noted for the next keystroke).
    #[allow(clippy::too_many_arguments)]
    fn in_text_with(
        &self,
        t: &Text,
        folded: &str,
        f: Field,
        title_doc: Option<usize>,
        read: Option<BodyRead>,
        want: bool,
        pinyin_here: bool,
        latin_here: bool,
        enough: i64,
    ) -> Option<(i64, Vec<Range<usize>>)> {
        let len = t.chars.len() as i64;
        // The phrase, side by side.
        if !latin_here {
            // Neither the phrase nor its characters are here.
        } else if t.mode == TermMatch::Prefix {
            if folded.starts_with(t.text.as_str()) {
                return Some((
                    TITLE + 16 * len + 8,
                    std::iter::once(0..t.chars.len()).collect(),
                ));
            }
        } else if let Some(at) = t.finder.find(folded.as_bytes()) {
            let start = if at == 0 { 8 } else { 0 };
            let ranges = if want {
                verify::phrase_ranges(folded, &t.finder)
            } else {
                Vec::new()
            };
            let count = || {
                if want {
                    ranges.len()
                } else {
                    t.finder.find_iter(folded.as_bytes()).take(50).count()
                }
            };
            let whole = t.latin_edges == (false, false)
                || t.finder
                    .find_iter(folded.as_bytes())
                    .any(|at| verify::whole_word_at(folded, at, t.text.len(), t.latin_edges));
            let score = match (f, whole) {
                (Field::Title, true) => TITLE + 16 * len + start,
                (Field::Body, true) => BODY + count().min(50) as i64,
                (_, true) => FIELDS + 16 * len + start,
                (Field::Title, false) => INSIDE_TITLE,
                (Field::Body, false) => INSIDE_BODY + count().min(19) as i64,
                (_, false) => INSIDE_FIELDS,
            };
            return Some((score, ranges));
        }
        if t.mode == TermMatch::Exact {
            return None;
        }
        // Pinyin spelling characters side by side.
        if t.pinyin.is_some() && pinyin_here && matches!(f, Field::Title | Field::Body) {
            let at_start = t.mode == TermMatch::Prefix;
            let quick = match (title_doc, &t.pq, self.pinyin) {
                (Some(d), Some(pq), Some(p)) if !want => Some(title_pinyin(p, pq, d, at_start)),
                _ => None,
            };
            let found = match quick {
                Some(s) => s.map(|s| (s, Vec::new())),
                None if f == Field::Body && t.chars.len() < BODY_PINYIN_MIN => None,
                // Whether a body spells it, by the compiled query over its glyphs
                // (the same answer as the matcher below, which also gives where;
                // a spelling by Latin letters alone was found above as a phrase).
                // Read forwards, only until no better score can follow (or
                // the cap of the score is reached).
                None if f == Field::Body && !want => match (&t.pq, self.pinyin) {
                    (Some(pq), Some(p)) => {
                        let steps = match self.plain {
                            false => t.code_steps.get_or_init(|| pq.code_steps(&p.by_code)),
                            true => &None,
                        };
                        match steps {
                            Some(steps) => {
                                let from = match read.map(|r| r.from) {
                                    Some(ReadStart::Byte(b)) => b,
                                    Some(ReadStart::Grams) => t
                                        .read_from
                                        .as_ref()
                                        .and_then(|at| at.grams.as_ref())
                                        .and_then(|g| g.first_in(folded))
                                        .unwrap_or(0),
                                    None => 0,
                                };
                                let (s, starts) = pq.score_coded_from(folded, from, steps, enough);
                                if let Some(r) = read {
                                    self.note_read(t, r.doc, starts);
                                }
                                s
                            }
                            None => pq.score_forwards(folded, |c| p.glyph_of(c), enough),
                        }
                        .map(|s| (s, Vec::new()))
                    }
                    _ => None,
                },
                None => {
                    let chars: Vec<char> = folded.chars().collect();
                    let m = if at_start {
                        pinyin::match_title_start(&chars, &t.text)
                    } else {
                        pinyin::match_title(&chars, &t.text)
                    };
                    m.filter(|(_, pos)| {
                        pos.iter()
                            .any(|&k| chars.get(k).is_some_and(|&c| crate::text::is_han(c)))
                    })
                    .map(|(s, pos)| (s, verify::to_ranges(&pos)))
                }
            };
            if let Some((s, r)) = found {
                let tier = if f == Field::Title {
                    PINYIN_TITLE
                } else {
                    PINYIN_BODY
                };
                return Some((tier + s.clamp(0, PINYIN_CAP), r));
            }
        }
        if t.mode == TermMatch::Prefix || t.chars.len() < 2 || !latin_here {
            return None;
        }
        // Scattered characters, in order.
        match f {
            Field::Body if t.mode == TermMatch::Scattered => {
                verify::in_order_in_a_line(folded, &t.chars)
                    .map(|pos| (FUZZY_BODY, verify::to_ranges(&pos)))
            }
            Field::Body => None,
            _ => {
                let pos = verify::in_order(folded, &t.chars)?;
                let (s, pos) = match skim().fuzzy_indices(folded, &t.text) {
                    Some((s, idx)) if idx.len() == t.chars.len() => (s, idx),
                    _ => (0, pos),
                };
                let tier = if f == Field::Title {
                    FUZZY_TITLE
                } else {
                    FUZZY_FIELDS
                };
                let cap = if f == Field::Title { 99 } else { 49 };
                Some((tier + s.clamp(0, cap), verify::to_ranges(&pos)))
            }
        }
    }
}

/// A body about to be read: its document, and where to read it from.
#[derive(Debug, Clone, Copy)]
struct BodyRead {
    doc: usize,
    from: ReadStart,
}

/// Where a body is read from for a pinyin term.
#[derive(Debug, Clone, Copy)]
enum ReadStart {
    /// This byte.
    Byte(usize),
    /// The first of the characters of the [`ReadAt`]'s [`Grams`].
    Grams,
}

/// The highest score `t` can have in a head field (kicker, subtitle or
/// byline): its phrase as a whole word at the field's start (no pinyin is
/// looked for there; inside a word or scattered scores less).
fn head_ceiling(t: &Text) -> i64 {
    FIELDS + 16 * t.chars.len() as i64 + 8
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

/// What a matcher looks up in the body postings before reading bodies.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bodies {
    /// Everything they tell (candidates, counts, pinyin spellings).
    Postings,
    /// All but the pinyin spellings ([`Matcher::for_few`]).
    NoPinyinPostings,
    /// Nothing: bodies are read ([`Matcher::for_highlights`]).
    Read,
}

fn prepare(
    index: &SearchIndex,
    pinyin: Option<&PinyinData>,
    atom: &Atom,
    bodies: Bodies,
) -> Prepared {
    let cond = match &atom.pred {
        Pred::Fuzzy { text, title_only } => {
            text_cond(index, pinyin, text, TermMatch::Fuzzy, *title_only, bodies)
        }
        Pred::Scattered { text } => {
            text_cond(index, pinyin, text, TermMatch::Scattered, false, bodies)
        }
        Pred::Exact { text, title_only } => {
            text_cond(index, pinyin, text, TermMatch::Exact, *title_only, bodies)
        }
        Pred::Prefix { text } => text_cond(index, pinyin, text, TermMatch::Prefix, true, bodies),
        Pred::Tag(t) => Cond::Tag(t.clone()),
        Pred::Untagged => Cond::Untagged,
        Pred::Sample(name) => Cond::Sample(super::tags::sample_marker(name)),
        Pred::Note(word) => Cond::Note(word.clone()),
        Pred::Kind(k) => Cond::Kind(*k),
        Pred::Doubt(r) => Cond::Doubt(*r),
        Pred::Issue(v) => Cond::Issue(v.to_lowercase()),
        Pred::Date(range) => Cond::Date(range.clone()),
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
    mode: TermMatch,
    title_only: bool,
    looked_up: Bodies,
) -> Cond {
    let bodies = looked_up != Bodies::Read;
    let can_be_pinyin = mode != TermMatch::Exact && pinyin::is_pinyin_query(text);
    let pq = if can_be_pinyin {
        pinyin_data.and_then(|p| PinyinQuery::new(&p.glyphs, text))
    } else {
        None
    };
    let in_bodies = bodies && !title_only && mode != TermMatch::Prefix;
    let n = index.len();
    let (body_pinyin, body_spellings) = match (&pq, pinyin_data) {
        (Some(pq), Some(p))
            if in_bodies && looked_up == Bodies::Postings && pq.len() >= BODY_PINYIN_MIN =>
        {
            let found =
                index
                    .postings
                    .pinyin_spellings(pq, &|code| p.glyph(code), PINYIN_CAP as i32);
            let mut set = Bitset::new(n);
            for d in 0..n as u32 {
                if found.may(d) {
                    set.insert(d);
                }
            }
            (Some(set), Some(found))
        }
        // Over few candidates no chain of bigrams is followed, but a term no
        // one or two characters can spell (every cut of it has three pieces
        // or more) is bounded by its pinyin four-grams alone: a body outside
        // them is not read for it.
        (Some(pq), Some(_))
            if in_bodies
                && looked_up == Bodies::NoPinyinPostings
                && pq.len() >= BODY_PINYIN_MIN
                && !pq.cuts_in_two() =>
        {
            match index.postings.fourgram_spellings(pq, PINYIN_CAP as i32) {
                Some(found) => {
                    let mut set = Bitset::new(n);
                    for d in 0..n as u32 {
                        if found.may(d) {
                            set.insert(d);
                        }
                    }
                    (Some(set), Some(found))
                }
                None => (None, None),
            }
        }
        _ => (None, None),
    };
    let chars: Vec<char> = text.chars().collect();
    let latin_edges = (
        text.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric()),
        text.chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric()),
    );
    // Counts give a body's score where a phrase hit is always a whole word.
    let body_counts = (in_bodies
        && !can_be_pinyin
        && latin_edges == (false, false)
        && matches!(mode, TermMatch::Fuzzy | TermMatch::Exact))
    .then(|| index.postings.phrase_counts(text))
    .flatten();
    let body_may = if !in_bodies {
        None
    } else if let Some(counts) = &body_counts {
        Some(Bitset::of_nonzero(counts, n))
    } else if mode == TermMatch::Scattered {
        index
            .postings
            .chars_candidates(&chars)
            .map(|set| Bitset::from_roaring(&set, n))
    } else {
        index
            .postings
            .phrase_candidates(text)
            .map(|set| Bitset::from_roaring(&set, n))
    };
    // Cheap enough to skip for a highlighting matcher, which looks at few documents.
    let (title_may, heads_may) = if bodies && !can_be_pinyin {
        (
            Some(index.title_chars.docs_with_all(&chars, n)),
            (!title_only && mode != TermMatch::Prefix)
                .then(|| index.field_chars.docs_with_all(&chars, n)),
        )
    } else {
        (None, None)
    };
    let title_pairs = match (&pq, pinyin_data) {
        (Some(_), Some(p)) if bodies => p.title_pairs.texts_with(text, n),
        _ => None,
    };
    Cond::Text(Box::new(Text {
        text: text.to_string(),
        chars,
        mode,
        title_only,
        pinyin: can_be_pinyin.then(|| pinyin::query_mask(text)),
        pq,
        code_steps: OnceLock::new(),
        read_from: None,
        read_found: OnceLock::new(),
        ascii: ascii_mask(text),
        latin_edges,
        finder: verify::phrase_finder(text),
        body_pinyin,
        body_spellings,
        body_may,
        body_phrase: OnceLock::new(),
        body_counts,
        title_may,
        heads_may,
        title_pairs,
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

pub use super::verify::to_ranges;

#[cfg(test)]
mod tests {
    use super::*;

    /// The index of one issue whose articles (ids `a0`, `a1`, ...) have these
    /// titles, kickers and paragraphs.
    fn one_issue_index(docs: impl Iterator<Item = (String, String, Vec<String>)>) -> SearchIndex {
        use crate::article::{Article, Issue};
        let articles: Vec<Article> = docs
            .enumerate()
            .map(|(k, (title, kicker, paragraphs))| Article {
                id: format!("a{k}"),
                title,
                kicker,
                paragraphs: paragraphs.into(),
                ..Article::default()
            })
            .collect();
        let issue = Issue {
            rel: "1.txt".into(),
            articles: articles.into(),
            ..Issue::default()
        };
        SearchIndex::build_from_issues(&[issue])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]
        /// Where the body postings settle a pinyin term's score (one or two
        /// characters, a body's start), every document scores what reading
        /// its text gives (a matcher without the postings reads every body).
        #[test]
        fn pinyin_scores_from_the_postings_are_what_reading_gives(
            bodies in proptest::collection::vec(
                proptest::collection::vec("[社区是去在里理治和额恶而长行阿e s，]{0,24}", 0..3),
                1..12,
            ),
            q in "[sqzlhcxea]{3,6}|she|shequ|sheq|zhili|sqzl|changx|hang|aee|eer|heer",
            tilde in proptest::bool::ANY,
        ) {
            let index = one_issue_index(
                bodies.iter().map(|paragraphs| ("标题".to_string(), String::new(), paragraphs.clone())),
            );
            let text = if tilde { format!("~{q}") } else { q.clone() };
            let query = Query::parse(&text).unwrap();
            let postings = Matcher::new(&index, &query, None);
            let reading = Matcher::for_highlights(&index, &query);
            for d in 0..index.len() as u32 {
                proptest::prop_assert_eq!(
                    postings.score(d),
                    reading.score(d),
                    "{} in {:?}",
                    text,
                    bodies[d as usize]
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// The shortcuts (candidates from the postings and the character and
        /// pinyin indexes, scores from counts and spellings in the postings,
        /// a title's pinyin from its glyphs alone, bodies read against the
        /// query's steps by code point) give the hits, scores and order that
        /// reading every field and body of every document gives.
        #[test]
        fn the_shortcuts_give_the_hits_reading_everything_gives(
            docs in proptest::collection::vec(
                (
                    "[社区是去在里理治长行阿额e sq，Z]{0,10}",
                    "[社区治理e]{0,4}",
                    proptest::collection::vec("[社区是去在里理治和额恶而长行阿e sqz，]{0,30}", 0..3),
                ),
                1..14,
            ),
            q in "[sqzlhcxea]{1,6}|she|shequ|sheq|zhili|sqzl|changx|hang|eer|社区|区治|社|理e|e|sq z",
            form in proptest::sample::select(vec!["", "~", "^", "title:", "'", "!社 "]),
        ) {
            let index = one_issue_index(docs.iter().cloned());
            let text = format!("{form}{q}");
            let Ok(query) = Query::parse(&text) else {
                return Ok(());
            };
            let fast = Matcher::new(&index, &query, None).run(None);
            let plain = Matcher::reading_every_text(&index, &query).run(None);
            proptest::prop_assert_eq!(&fast, &plain, "{}", text);
            // Over candidates, as a narrowed keystroke runs it.
            let all: Vec<u32> = (0..index.len() as u32).collect();
            let few = Matcher::for_few(&index, &query, None).run(Some(&all));
            proptest::prop_assert_eq!(&few, &plain, "{} over candidates", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(192))]
        /// A one-character term, scored from the title index, the heads and
        /// the body counts at one look each, gives the hits, scores and order
        /// that reading every field and body gives.
        #[test]
        fn one_character_terms_give_the_hits_reading_everything_gives(
            docs in proptest::collection::vec(
                (
                    "[社区治e，]{0,6}",
                    "[社区治e，\n]{0,5}",
                    // Bodies holding the character more often than a score counts.
                    proptest::collection::vec("[社区治理e，]{0,12}|区{45,56}", 0..3),
                ),
                1..16,
            ),
            q in "[社区治e，]",
            form in proptest::sample::select(vec!["", "'", "title:", "区 ", "!治 ", "~"]),
        ) {
            let index = one_issue_index(docs.iter().cloned());
            let text = format!("{form}{q}");
            let Ok(query) = Query::parse(&text) else {
                return Ok(());
            };
            let plain = Matcher::reading_every_text(&index, &query).run(None);
            let mut ascending: Vec<u32> = plain.iter().map(|h| h.doc).collect();
            ascending.sort_unstable();
            // Reading the heads, then from their first characters (made by warm).
            for warmed in [false, true] {
                if warmed {
                    index.warm();
                }
                let (fast, docs) = Matcher::new(&index, &query, None).run_with_docs(None);
                proptest::prop_assert_eq!(&fast, &plain, "{} (warmed: {})", text, warmed);
                proptest::prop_assert_eq!(&docs, &ascending, "{} (documents, warmed: {})", text, warmed);
            }
            let all: Vec<u32> = (0..index.len() as u32).collect();
            let few = Matcher::for_few(&index, &query, None).run(Some(&all));
            proptest::prop_assert_eq!(&few, &plain, "{} over candidates", text);
        }
    }

    /// A pinyin query of four to eight letters spelling a run of `body`'s
    /// characters from `at`: each character by its initial, the first two
    /// letters of a `zh`/`ch`/`sh` initial, or a whole reading (`forms`).
    fn spelled(body: &str, at: usize, len: usize, forms: &[u8]) -> String {
        let chars: Vec<char> = crate::search::fold::fold(body).chars().collect();
        let from = at % chars.len().max(1);
        let mut q = String::new();
        for (k, &c) in chars.iter().skip(from).take(len).enumerate() {
            let reading = crate::search::pinyin::readings(c)
                .first()
                .map(|r| r.to_string())
                .or_else(|| c.is_ascii_lowercase().then(|| c.to_string()))
                .unwrap_or_default();
            let two = ["zh", "ch", "sh"].iter().any(|i| reading.starts_with(i));
            q.push_str(match forms.get(k).copied().unwrap_or(0) {
                0 => &reading[..reading.len().min(1)],
                1 if two => &reading[..2],
                _ => &reading,
            });
        }
        q
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(192))]
        /// A pinyin query of four letters or more spelled from a body, where
        /// the same letters spell runs of other lengths and scores elsewhere:
        /// whether the postings follow the chains of bigrams or leave the
        /// documents the pinyin trigrams allow to be read (bounded by the
        /// query's best score), every document scores what reading every
        /// body gives, and the hits come in the same order.
        #[test]
        fn long_pinyin_scores_are_what_reading_gives_with_chains_or_without(
            bodies in proptest::collection::vec(
                proptest::collection::vec("[社区是去在里理治和额长行阿中心乡村振兴基层西安e s，]{0,40}", 1..3),
                2..14,
            ),
            pick in proptest::prelude::any::<proptest::sample::Index>(),
            at in 0usize..40,
            len in 3usize..8,
            forms in proptest::collection::vec(0u8..3, 8),
        ) {
            let index = one_issue_index(
                bodies.iter().map(|paragraphs| ("标题".to_string(), String::new(), paragraphs.clone())),
            );
            let q = spelled(&pick.get(&bodies).join("\n"), at, len, &forms);
            if q.len() < 4 || !crate::search::pinyin::is_pinyin_query(&q) {
                return Ok(());
            }
            let query = Query::parse(&q).unwrap();
            let reading = Matcher::for_highlights(&index, &query);
            let read = reading.run(None);
            for follow in [Some(false), Some(true), None] {
                let _forced = super::super::postings::ForcedChains::set(follow);
                let postings = Matcher::new(&index, &query, None);
                for d in 0..index.len() as u32 {
                    proptest::prop_assert_eq!(
                        postings.score(d),
                        reading.score(d),
                        "{} (chains followed: {:?}) in {:?}",
                        q,
                        follow,
                        bodies[d as usize]
                    );
                }
                proptest::prop_assert_eq!(&postings.run(None), &read, "{} ({:?})", q, follow);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// A pinyin term typed on reads each body from where its start (the
        /// term of the keystroke before) spelled it, and not at all where that
        /// spelled nothing: every document scores as reading it whole does, at
        /// every keystroke, whichever matcher reads, and typing key by key into
        /// a searcher gives the hits reading everything gives. Where the
        /// matcher before settled a body from the postings (`carry` 0: what
        /// the postings matcher found is handed on), the body is read from
        /// the first of the characters that make its start's spellings.
        #[test]
        fn typing_pinyin_on_reads_bodies_from_where_its_start_spells_them(
            bodies in proptest::collection::vec(
                proptest::collection::vec("[社区是去在里理治和额长行阿中心乡村振兴基层西安e s，]{0,40}", 1..3),
                2..14,
            ),
            pick in proptest::prelude::any::<proptest::sample::Index>(),
            at in 0usize..40,
            len in 3usize..8,
            forms in proptest::collection::vec(0u8..3, 8),
            tail in "[a-z]{0,2}",
            form in proptest::sample::select(vec!["", "~"]),
            carry in 0usize..2,
        ) {
            let index = std::sync::Arc::new(one_issue_index(
                bodies.iter().map(|paragraphs| ("标题".to_string(), String::new(), paragraphs.clone())),
            ));
            let q = spelled(&pick.get(&bodies).join("\n"), at, len, &forms) + &tail;
            if q.len() < 4 || !crate::search::pinyin::is_pinyin_query(&q) {
                return Ok(());
            }
            let mut searcher = crate::search::Searcher::new(std::sync::Arc::clone(&index), None);
            let mut before: Option<ReadFrom> = None;
            for k in 1..=q.len() {
                let typed = format!("{form}{}", &q[..k]);
                let query = Query::parse(&typed).unwrap();
                let reading = Matcher::reading_every_text(&index, &query);
                let read = reading.run(None);
                let typing = searcher.search(&typed).unwrap();
                proptest::prop_assert_eq!(&typing, &read, "typed {}", typed);
                let mut made = Vec::new();
                for mut m in [
                    Matcher::new(&index, &query, None),
                    Matcher::for_few(&index, &query, None),
                ] {
                    if let Some(b) = before.clone() {
                        m.read_from(b);
                    }
                    for d in 0..index.len() as u32 {
                        proptest::prop_assert_eq!(
                            m.score(d),
                            reading.score(d),
                            "{} in {:?} after {:?}",
                            typed,
                            bodies[d as usize],
                            before
                        );
                    }
                    made.push(m.bodies_read());
                }
                before = made.swap_remove(carry);
            }
        }
    }

    /// A body's spellings are read from the first of the grams that make
    /// them, found by the grams' last characters: a last character after
    /// another character than a gram's is passed over, a pair ending in a
    /// character that is a gram alone too starts at its first character.
    #[test]
    fn the_first_gram_in_a_body_is_found_by_the_grams_last_characters() {
        let code = |c: char| c as u32 as u16;
        let grams = Grams::new(&[
            (code('基'), code('层')),
            (code('几'), code('层')),
            (code('社'), 0),
            (code('层'), 0),
        ])
        .unwrap();
        let first = |body: &str| grams.first_in(body);
        assert_eq!(first("高楼几层"), Some(6), "几层");
        assert_eq!(first("高基层社"), Some(3), "基层");
        assert_eq!(first("基层"), Some(0), "基层, not 层 alone");
        assert_eq!(first("a层"), Some(1), "层 alone");
        assert_eq!(first("高楼社区"), Some(6), "社 alone");
        let pairs = Grams::new(&[(code('基'), code('层')), (code('b'), code('层'))]).unwrap();
        assert_eq!(
            pairs.first_in("高层，楼层"),
            None,
            "层 after no gram's first"
        );
        assert_eq!(pairs.first_in("高层b层基层"), Some(6), "b层");
        assert_eq!(pairs.first_in(""), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Looking for the grams' last characters finds the first gram of a
        /// body where looking for every gram whole does (long bodies too,
        /// where Teddy searches; short ones fall back to Rabin-Karp).
        #[test]
        fn the_first_gram_is_where_looking_for_every_gram_finds_it(
            pairs in proptest::collection::vec(("[基层几社区ab]", "[基层几社区ab]?"), 1..8),
            body in "[基层几社区ab，高 ]{0,80}",
        ) {
            let code = |t: &str| t.chars().next().map_or(0, |c| c as u32 as u16);
            let codes: Vec<(u16, u16)> = pairs.iter().map(|(a, b)| (code(a), code(b))).collect();
            let grams = Grams::new(&codes).unwrap();
            let whole = pairs
                .iter()
                .filter_map(|(a, b)| body.find(&format!("{a}{b}")))
                .min();
            proptest::prop_assert_eq!(grams.first_in(&body), whole);
        }
    }

    /// Which queries a narrowed keystroke reads over its candidates however
    /// many: those whose pinyin terms in bodies the postings cannot settle.
    #[test]
    fn only_terms_the_postings_cannot_settle_are_read_over_many_candidates() {
        let index = one_issue_index(
            ["基层治理", "社区治理", "西安"]
                .into_iter()
                .map(|body| ("标题".to_string(), String::new(), vec![body.to_string()])),
        );
        let either = |q: &str| Matcher::reads_bodies_either_way(&index, &Query::parse(q).unwrap());
        assert!(either("jicengz"), "ji|ceng|z: three pieces or more");
        assert!(either("~jicengzh"));
        assert!(either("jicengz 社区"), "社区 is no pinyin");
        assert!(!either("jiceng"), "基层: two characters spell it");
        assert!(!either("shequ"), "社区: two characters spell it");
        assert!(!either("sqzl"), "four letters: settled by their four-gram");
        assert!(!either("jicengz sqzl"), "sqzl is settled by the postings");
        assert!(!either("title:jicengz"), "not looked for in bodies");
        assert!(!either("社区"));
    }

    proptest::proptest! {
        /// How many of some documents a ReadFrom knows nothing of: those
        /// whose bodies were not read, or only placed by their characters.
        #[test]
        fn unread_counts_the_documents_not_read_or_placed_by_characters(
            noted in proptest::collection::btree_map(0u32..400, 0u32..4, 0..120),
            docs in proptest::collection::btree_set(0u32..400, 0..300),
        ) {
            let value = |v: u32| match v {
                0 => SPELLS_NOTHING,
                1 => BY_GRAMS,
                v => v,
            };
            let read = ReadFrom {
                clause: 0,
                text: "sqz".into(),
                at: Arc::new(ReadAt {
                    n: 400,
                    docs: noted.keys().copied().collect(),
                    at: noted.values().map(|&v| value(v)).collect(),
                    grams: None,
                }),
            };
            let docs: Vec<u32> = docs.into_iter().collect();
            let expected = docs
                .iter()
                .filter(|d| noted.get(d).is_none_or(|&v| value(v) == BY_GRAMS))
                .count();
            proptest::prop_assert_eq!(read.unread(&docs), expected);
        }
    }

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

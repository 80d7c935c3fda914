//! Body postings: which documents' folded bodies hold each letter, digit or
//! character ("unigram") and each pair of them side by side ("bigram"), the shape
//! Lucene's CJK analyzers and Xapian's n-gram mode use. Built without a word
//! segmenter, at memory speed; they only narrow the documents to verify
//! ([`super::verify`] decides, and gives the ranges), so a query term's candidates
//! are every document holding all its bigrams (a superset of those holding the
//! term side by side), and pinyin's are the bigrams whose two characters can
//! spell its start (reading table x bigram vocabulary).
//!
//! Keys: the folded character as a 16-bit code (characters beyond the Basic
//! Multilingual Plane share one code: more candidates, never fewer), unigram
//! `c << 16`, bigram `a << 16 | b`; only letters and digits (any script) count,
//! so punctuation and spaces split runs. Lists: ascending documents, delta-coded
//! varints, or a serialised [`RoaringBitmap`] where that is smaller (frequent
//! keys). A query reads its few lists into roaring bitmaps.
//!
//! Pinyin four-grams: beside them, keys below `8 << 16` (no unigram or bigram has
//! one: no letter or digit has a code below 8) list the documents whose body holds
//! four characters side by side (Chinese characters, or Latin letters) whose
//! readings start with four given letters, or three such characters that end a
//! run of them (the fourth "letter" [`END`]; see [`fourgram_key`]), made in the
//! same pass. Every three such characters are one or the other, so the documents
//! holding a trigram of letters are those of its 27 four-grams (keys side by
//! side). A spelling of a pinyin query by three characters or more holds the
//! trigrams (by four or more, the four-grams) of its pieces' first letters, so
//! they bound where one may be ([`Postings::long_spelling_docs`]) without reading
//! a body; where every piece is one letter and the query has three or four, they
//! tell exactly.
//!
//! Built in [`Segment`]s of consecutive documents (numbered from 0 in each), merged
//! with their first document's offset: a per-file shard can keep its own segment.

use super::column::{Bytes, Pods, PodsRef, for_each_delta, push_varint};
use super::docset::Bitset;
use super::patch::DocMap;
use super::pinyin::{PinyinQuery, step_score};
use roaring::RoaringBitmap;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};

/// How many characters of each body's start the postings keep (see
/// [`Postings::head`]).
pub const HEAD: usize = 16;

/// Code of characters beyond the Basic Multilingual Plane.
const ASTRAL: u16 = 0xFFFF;
/// List encodings (first byte of a list).
const DELTAS: u8 = 0;
const ROARING: u8 = 1;

/// The key code of the fold of raw character `c`, when it is a letter or digit.
pub fn gram_code(c: char) -> Option<u16> {
    static TABLE: OnceLock<Vec<u16>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..0x1_0000u32)
            .map(|code| char::from_u32(code).map_or(0, slow_code))
            .collect()
    });
    let code = match table.get(c as usize) {
        Some(&code) => code,
        None => slow_code(c),
    };
    (code != 0).then_some(code)
}

fn slow_code(c: char) -> u16 {
    let f = super::fold::fold_char(c);
    if !f.is_alphanumeric() {
        0
    } else if (f as u32) < 0xFFFF {
        f as u16
    } else {
        ASTRAL
    }
}

/// The fourth "letter" of a pinyin four-gram whose three characters end a
/// run of characters that spell.
pub const END: u8 = 26;

/// The key of the pinyin four-gram of letters `a`, `b`, `c` (0-25: `a`-`z`)
/// and `d` (0-25, or [`END`]): 1 to 26³ × 27, below [`PINYIN_END`]; the 27
/// keys of `a`, `b`, `c` are side by side.
pub fn fourgram_key(a: u8, b: u8, c: u8, d: u8) -> u32 {
    1 + ((a as u32 * 26 + b as u32) * 26 + c as u32) * 27 + d as u32
}

/// Keys below this are pinyin four-grams: the unigram key of code 8, the
/// least a letter or digit could have.
const PINYIN_END: u32 = 8 << 16;
const _: () = assert!(26 * 26 * 26 * 27 < PINYIN_END);

/// Bits of the first letters of the readings of the character of key code
/// `code` (see [`super::pinyin::initials`]; 0: it spells nothing).
fn initials_of_code(code: u16) -> u32 {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..0x1_0000u32)
            .map(|code| char::from_u32(code).map_or(0, super::pinyin::initials))
            .collect()
    });
    table.get(code as usize).copied().unwrap_or(0)
}

/// Postings of one run of documents, numbered from 0.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    docs: u32,
    keys: Vec<u32>,
    /// `starts[k]..starts[k + 1]`: the list of `keys[k]`, each entry a
    /// delta-coded document and a byte of how often the key occurs in it
    /// (capped at 255; see [`for_each_counted`]).
    starts: Vec<u32>,
    lists: Bytes,
    /// The first [`HEAD`] characters of each body (see [`Postings::head`]).
    heads: Vec<u16>,
}

/// Decode a [`Segment`] list: each document with how often its key occurs there.
fn for_each_counted(bytes: &[u8], mut f: impl FnMut(u32, u8)) {
    let (mut acc, mut cur, mut shift) = (0u32, 0u32, 0u32);
    let mut it = bytes.iter();
    while let Some(&b) = it.next() {
        cur |= ((b & 0x7F) as u32) << shift.min(31);
        if b & 0x80 == 0 {
            acc = acc.wrapping_add(cur);
            f(acc, it.next().copied().unwrap_or(1));
            cur = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
}

/// Which keys a [`SegmentBuilder`] makes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Grams {
    /// Unigrams, bigrams and pinyin four-grams (and the bodies' heads).
    #[default]
    All,
    /// Unigrams and bigrams (and the heads): searchable at once, the
    /// four-grams made after ([`Postings::without_fourgrams`]).
    NoFourgrams,
    /// The pinyin four-grams alone (no heads): their keys all come before
    /// the others', so their postings go in front of those made with
    /// [`Grams::NoFourgrams`] ([`MergedPostings::followed_by`]).
    FourgramsOnly,
}

/// Collects the keys of documents in order, then sorts them into a [`Segment`].
#[derive(Debug, Default)]
pub struct SegmentBuilder {
    grams: Grams,
    /// `key << 32 | document`, in document order.
    pairs: Vec<u64>,
    docs: u32,
    heads: Vec<u16>,
    /// The pinyin four-grams of the document being added, each once, and a
    /// bit a key saying it is among them.
    fourgrams: Vec<u32>,
    seen: Vec<u64>,
}

impl SegmentBuilder {
    /// A builder making the keys `grams` says.
    pub fn of(grams: Grams) -> SegmentBuilder {
        SegmentBuilder {
            grams,
            ..SegmentBuilder::default()
        }
    }

    /// Add the next document: its body as paragraphs (or one text; only letters
    /// and digits side by side make bigrams, so separators do not matter).
    pub fn add<'a>(&mut self, paragraphs: impl IntoIterator<Item = &'a str>) {
        let doc = self.docs as u64;
        let mut head = [0u16; HEAD];
        let (ngrams, fourgrams) = match self.grams {
            Grams::All => (true, true),
            Grams::NoFourgrams => (true, false),
            Grams::FourgramsOnly => (false, true),
        };
        if fourgrams && self.seen.is_empty() {
            self.seen = vec![0u64; (fourgram_key(25, 25, 25, END) as usize >> 6) + 1];
        }
        // Characters of the body so far, paragraphs joined by a `\n` (code 0).
        let mut at = 0usize;
        for (k, p) in paragraphs.into_iter().enumerate() {
            if k > 0 {
                at += 1;
            }
            let mut prev: Option<u32> = None;
            // Initials of the three characters before (0: none that spells).
            let (mut i1, mut i2, mut i3) = (0u32, 0u32, 0u32);
            for c in p.chars() {
                let gram = gram_code(c);
                if let Some(slot) = head.get_mut(at) {
                    *slot = gram.unwrap_or(0);
                }
                at += 1;
                match gram {
                    Some(code) => {
                        if fourgrams {
                            let initials = initials_of_code(code);
                            // Three characters that spell, then a fourth, or
                            // the end of their run.
                            self.add_fourgrams(i3, i2, i1, initials);
                            (i3, i2, i1) = (i2, i1, initials);
                        }
                        let code = code as u32;
                        if ngrams {
                            self.pairs.push(((code << 16) as u64) << 32 | doc);
                            if let Some(a) = prev {
                                self.pairs.push(((a << 16 | code) as u64) << 32 | doc);
                            }
                        }
                        prev = Some(code);
                    }
                    None => {
                        prev = None;
                        if fourgrams {
                            self.add_fourgrams(i3, i2, i1, 0);
                        }
                        (i1, i2, i3) = (0, 0, 0);
                    }
                }
            }
            if fourgrams {
                self.add_fourgrams(i3, i2, i1, 0);
            }
        }
        for key in self.fourgrams.drain(..) {
            if let Some(w) = self.seen.get_mut(key as usize >> 6) {
                *w = 0;
            }
            self.pairs.push((key as u64) << 32 | doc);
        }
        if ngrams {
            self.heads.extend_from_slice(&head);
        }
        self.docs += 1;
    }

    /// Note the four-grams of characters side by side with initials `a`,
    /// `b`, `c` and `d` (every combination of a polyphonic character's);
    /// `d` 0: the three end their run ([`END`]). Nothing when one of the
    /// three spells nothing (0).
    fn add_fourgrams(&mut self, a: u32, b: u32, c: u32, d: u32) {
        if a == 0 || b == 0 || c == 0 {
            return;
        }
        let letters = |mut m: u32| {
            std::iter::from_fn(move || {
                (m != 0).then(|| {
                    let l = m.trailing_zeros() as u8;
                    m &= m - 1;
                    l
                })
            })
        };
        let end = 1 << END;
        for x in letters(a) {
            for y in letters(b) {
                for z in letters(c) {
                    for w in letters(if d == 0 { end } else { d }) {
                        self.note_fourgram(fourgram_key(x, y, z, w));
                    }
                }
            }
        }
    }

    /// Note pinyin four-gram `key` of the document being added, once.
    fn note_fourgram(&mut self, key: u32) {
        if let Some(w) = self.seen.get_mut(key as usize >> 6) {
            let bit = 1u64 << (key & 63);
            if *w & bit == 0 {
                *w |= bit;
                self.fourgrams.push(key);
            }
        }
    }

    pub fn finish(self) -> Segment {
        let mut pairs = self.pairs;
        radix_sort_by_key(&mut pairs);
        let mut seg = Segment {
            docs: self.docs,
            starts: vec![0],
            heads: self.heads,
            ..Segment::default()
        };
        // Each entry: the document's delta, then how often the key occurs in
        // it (capped at 255), written when the next entry starts.
        let mut lists: Vec<u8> = Vec::with_capacity(pairs.len() + pairs.len() / 4);
        let mut last: Option<(u32, u32)> = None;
        let mut count = 0u32;
        for p in pairs {
            let (key, doc) = ((p >> 32) as u32, p as u32);
            match last {
                Some((k, d)) if k == key && d == doc => count += 1,
                Some((k, d)) if k == key => {
                    lists.push(count.min(255) as u8);
                    push_varint(&mut lists, doc - d);
                    count = 1;
                }
                _ => {
                    if last.is_some() {
                        lists.push(count.min(255) as u8);
                        seg.starts.push(lists.len() as u32);
                    }
                    seg.keys.push(key);
                    push_varint(&mut lists, doc);
                    count = 1;
                }
            }
            last = Some((key, doc));
        }
        if last.is_some() {
            lists.push(count.min(255) as u8);
            seg.starts.push(lists.len() as u32);
        }
        lists.shrink_to_fit();
        seg.lists = Bytes::owned(lists);
        seg
    }
}

/// Sort `key << 32 | doc` pairs by key, stably (documents stay ascending): LSD
/// radix sort, a byte of the key a pass (256 buckets keep the writes in cache),
/// skipping bytes every key shares.
fn radix_sort_by_key(pairs: &mut Vec<u64>) {
    // Every pass's counts in one read of the pairs.
    let mut all = [[0usize; 256]; 4];
    for &p in pairs.iter() {
        let key = (p >> 32) as u32;
        for (b, counts) in all.iter_mut().enumerate() {
            counts[((key >> (8 * b)) & 0xFF) as usize] += 1;
        }
    }
    let mut buf = vec![0u64; pairs.len()];
    for (byte, mut counts) in all.into_iter().enumerate() {
        let shift = 32 + 8 * byte as u32;
        if counts.contains(&pairs.len()) {
            continue;
        }
        let mut at = 0;
        for c in counts.iter_mut() {
            let n = *c;
            *c = at;
            at += n;
        }
        for &p in pairs.iter() {
            let slot = &mut counts[((p >> shift) & 0xFF) as usize];
            if let Some(b) = buf.get_mut(*slot) {
                *b = p;
            }
            *slot += 1;
        }
        std::mem::swap(pairs, &mut buf);
    }
}

impl Segment {
    /// Postings of `bodies` (each a document's paragraphs), numbered from 0.
    pub fn build<'a, B, P>(bodies: B) -> Segment
    where
        B: IntoIterator<Item = P>,
        P: IntoIterator<Item = &'a str>,
    {
        let mut b = SegmentBuilder::default();
        for body in bodies {
            b.add(body);
        }
        b.finish()
    }

    /// Number of documents.
    pub fn docs(&self) -> u32 {
        self.docs
    }

    /// The keys its documents hold, ascending.
    pub fn keys_vec(self) -> Vec<u32> {
        self.keys
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        4 * self.keys.len() + 4 * self.starts.len() + self.lists.heap_bytes() + 2 * self.heads.len()
    }

    fn list(&self, k: usize) -> &[u8] {
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&a), Some(&b)) => self.lists.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The body postings of a whole corpus.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Postings {
    n_docs: u32,
    keys: Pods<u32>,
    /// `starts[k]..starts[k + 1]`: the list of `keys[k]`, its first byte saying
    /// how it is coded.
    starts: Pods<u32>,
    lists: Bytes,
    /// The first [`HEAD`] characters of each body, [`HEAD`] a document (see
    /// [`Postings::head`]).
    heads: Pods<u16>,
    /// The pinyin four-grams are not (all) here yet: postings made with
    /// [`Grams::NoFourgrams`] while the four-grams are made, searched
    /// meanwhile without them (every body that may spell a pinyin query is
    /// looked at, as if the four-grams bounded nothing). Never stored: a cache
    /// file's postings have them all.
    #[serde(skip)]
    without_fourgrams: bool,
    /// Issues replaced since the lists were written (a correction: see
    /// [`Postings::with_issue_replaced`]): then `keys` and `heads` are the
    /// postings' as they are now, `starts` and `lists` empty, and each list
    /// is the base's, its replaced documents left out and the others moved,
    /// merged with the runs' own. Never stored as such: [`Postings::merged`]
    /// writes the lists again.
    #[serde(skip)]
    patched: Option<Arc<Patched>>,
}

/// The postings as written and the issues replaced since.
#[derive(Debug)]
struct Patched {
    base: Arc<Postings>,
    map: DocMap<Arc<Postings>>,
}

impl Default for Postings {
    fn default() -> Postings {
        Postings {
            n_docs: 0,
            keys: Pods::default(),
            starts: Pods::from(vec![0]),
            lists: Bytes::default(),
            heads: Pods::default(),
            without_fourgrams: false,
            patched: None,
        }
    }
}

/// Two postings are equal when they hold the same lists for the same
/// documents, however they are kept (written, or patched since).
impl PartialEq for Postings {
    fn eq(&self, other: &Postings) -> bool {
        if self.patched.is_none() && other.patched.is_none() {
            return self.n_docs == other.n_docs
                && self.keys == other.keys
                && self.starts == other.starts
                && self.lists == other.lists
                && self.heads == other.heads
                && self.without_fourgrams == other.without_fourgrams;
        }
        self.n_docs == other.n_docs
            && self.keys == other.keys
            && self.heads == other.heads
            && self.without_fourgrams == other.without_fourgrams
            && (0..self.keys.len()).all(|k| self.counted_list(k) == other.counted_list(k))
    }
}

impl Postings {
    /// Merge segments of consecutive documents, in document order.
    pub fn merge(segments: &[Segment]) -> Postings {
        use rayon::prelude::*;
        let mut offsets = Vec::with_capacity(segments.len());
        let mut n = 0u32;
        for s in segments {
            offsets.push(n);
            n += s.docs;
        }
        // Split the key space into ranges of about equal work, merged in parallel.
        let mut sample: Vec<u32> = segments
            .iter()
            .flat_map(|s| s.keys.iter().step_by(64).copied())
            .collect();
        sample.sort_unstable();
        sample.dedup();
        let parts = 4 * rayon::current_num_threads().max(1);
        let mut bounds: Vec<u64> = (1..parts)
            .filter_map(|p| sample.get(p * sample.len() / parts).map(|&k| k as u64))
            .collect();
        bounds.dedup();
        let lows: Vec<u64> = std::iter::once(0).chain(bounds.iter().copied()).collect();
        let highs: Vec<u64> = bounds.iter().copied().chain([1u64 << 32]).collect();
        let pieces: Vec<Postings> = lows
            .par_iter()
            .zip(highs.par_iter())
            .map(|(&lo, &hi)| merge_range(segments, &offsets, n, lo, hi))
            .collect();
        let mut out = Postings::concat(n, pieces);
        out.heads = segments
            .iter()
            .flat_map(|s| s.heads.iter().copied())
            .collect();
        out
    }

    /// These postings, saying they lack the pinyin four-grams (see
    /// [`Grams::NoFourgrams`]).
    pub fn lacking_fourgrams(mut self) -> Postings {
        self.without_fourgrams = true;
        self
    }

    /// Whether the pinyin four-grams are not here yet (see
    /// [`Grams::NoFourgrams`]).
    pub fn without_fourgrams(&self) -> bool {
        self.without_fourgrams
    }

    /// Postings of `n_docs` documents from pieces of ascending key ranges.
    fn concat(n_docs: u32, pieces: Vec<Postings>) -> Postings {
        let mut out = Postings {
            n_docs,
            ..Postings::default()
        };
        for p in pieces {
            out.append(p);
        }
        out
    }

    /// Add the keys of `piece` (all after this one's, same documents).
    fn append(&mut self, piece: Postings) {
        let base = self.lists.len() as u32;
        self.append_keys(&piece, base);
        self.lists.vec_mut().extend_from_slice(piece.lists.all());
    }

    /// Add the keys of `piece`, its lists stored from byte `base` on (they
    /// are kept elsewhere: see [`MergedPostings`]).
    fn append_keys(&mut self, piece: &Postings, base: u32) {
        self.keys.to_mut().extend_from_slice(&piece.keys);
        self.starts
            .to_mut()
            .extend(piece.starts.iter().skip(1).map(|&s| s + base));
    }

    /// These postings without their list bytes, to be written ahead of them
    /// (see [`PostingsOut`]).
    pub fn out(&self) -> PostingsOut<'_> {
        PostingsOut {
            postings: self,
            parts: &[],
        }
    }

    /// Take `lists` as the list bytes of postings read without them (see
    /// [`PostingsOut::head`]).
    pub fn set_lists(&mut self, lists: Bytes) {
        self.lists = lists;
    }

    /// These postings with documents `start..end` (one issue's articles)
    /// replaced by the documents of `segment`, numbered from `start` on; the
    /// documents after them shift by the difference. Equal to postings built
    /// afresh from the new run of documents (keys left with no document go).
    /// Every list is read and written again, in parallel by key range (the
    /// reference [`Postings::with_issue_replaced`] is tested against).
    #[cfg(test)]
    pub fn splice(&self, start: u32, end: u32, segment: &Segment) -> Postings {
        use rayon::prelude::*;
        let end = end.clamp(start, self.n_docs);
        let start = start.min(end);
        let n_docs = self.n_docs - (end - start) + segment.docs;
        let shift = |d: u32| d - (end - start) + segment.docs;
        let parts = 4 * rayon::current_num_threads().max(1);
        let mut bounds = vec![0u64];
        bounds.extend((1..parts).filter_map(|p| {
            self.keys
                .get(p * self.keys.len() / parts)
                .map(|&k| k as u64)
        }));
        bounds.push(1 << 32);
        bounds.dedup();
        let pieces: Vec<Postings> = bounds
            .par_windows(2)
            .map(|w| {
                let (lo, hi) = (w[0], w[1]);
                let mut out = Postings {
                    n_docs,
                    ..Postings::default()
                };
                let mut k = self.keys.partition_point(|&x| (x as u64) < lo);
                let mut s = segment.keys.partition_point(|&x| (x as u64) < lo);
                let mut docs: Vec<(u32, u8)> = Vec::new();
                loop {
                    let mine = self.keys.get(k).copied().filter(|&x| (x as u64) < hi);
                    let theirs = segment.keys.get(s).copied().filter(|&x| (x as u64) < hi);
                    let key = match (mine, theirs) {
                        (None, None) => break,
                        (Some(a), Some(b)) => a.min(b),
                        (Some(a), None) => a,
                        (None, Some(b)) => b,
                    };
                    docs.clear();
                    let old: Vec<(u32, u8)> = if mine == Some(key) {
                        k += 1;
                        self.counted_list(k - 1)
                    } else {
                        Vec::new()
                    };
                    docs.extend(old.iter().copied().filter(|&(d, _)| d < start));
                    if theirs == Some(key) {
                        for_each_counted(segment.list(s), |d, c| docs.push((d + start, c)));
                        s += 1;
                    }
                    docs.extend(
                        old.iter()
                            .copied()
                            .filter(|&(d, _)| d >= end)
                            .map(|(d, c)| (shift(d), c)),
                    );
                    if !docs.is_empty() {
                        out.keys.to_mut().push(key);
                        encode_list(&docs, out.lists.vec_mut());
                        out.starts.to_mut().push(out.lists.len() as u32);
                    }
                }
                out
            })
            .collect();
        let mut out = Postings::concat(n_docs, pieces);
        // The new documents' four-grams alone would say the others have none.
        out.without_fourgrams = self.without_fourgrams;
        let h = |d: u32| (d as usize * HEAD).min(self.heads.len());
        out.heads = self.heads[..h(start)]
            .iter()
            .chain(&segment.heads)
            .chain(&self.heads[h(end)..])
            .copied()
            .collect();
        out
    }

    /// These postings with issue `issue`'s documents, `now` (numbered as
    /// they stand), replaced by the documents of `delta` (postings of their
    /// own, numbered from 0): equal to postings built afresh, as
    /// [`Postings::splice`] makes them, without reading or writing any list
    /// but the issue's. `old_keys`: the keys of the documents replaced (keys
    /// no other document holds go). The lists are merged when read (see
    /// [`Postings::merged`]).
    pub fn with_issue_replaced(
        &self,
        issue: u32,
        now: std::ops::Range<u32>,
        old_keys: &[u32],
        delta: Postings,
    ) -> Postings {
        let end = now.end.clamp(now.start, self.n_docs);
        let start = now.start.min(end);
        let (base, map) = match &self.patched {
            Some(p) => (Arc::clone(&p.base), p.map.clone()),
            None => (Arc::new(self.clone()), DocMap::default()),
        };
        let delta = Arc::new(delta);
        let map = map.replaced(issue, start..end, delta.n_docs, Arc::clone(&delta));
        let patched = Patched { base, map };
        // Keys: these and the delta's, less those only the replaced
        // documents held.
        let mut keys: Vec<u32> = Vec::with_capacity(self.keys.len() + delta.keys.len());
        let (mut a, mut b) = (self.keys.iter().peekable(), delta.keys.iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(&&x), Some(&&y)) if x == y => {
                    a.next();
                    b.next();
                    x
                }
                (Some(&&x), Some(&&y)) if x < y => {
                    a.next();
                    x
                }
                (Some(_), Some(&&y)) => {
                    b.next();
                    y
                }
                (Some(&&x), None) => {
                    a.next();
                    x
                }
                (None, Some(&&y)) => {
                    b.next();
                    y
                }
                (None, None) => break,
            };
            keys.push(next);
        }
        let gone: std::collections::HashSet<u32> = old_keys
            .iter()
            .copied()
            .filter(|key| delta.keys.binary_search(key).is_err())
            .filter(|&key| patched.counted_list(Some(key)).is_empty())
            .collect();
        if !gone.is_empty() {
            keys.retain(|key| !gone.contains(key));
        }
        let h = |d: u32| (d as usize * HEAD).min(self.heads.len());
        let heads: Vec<u16> = self.heads[..h(start)]
            .iter()
            .chain(delta.heads.iter())
            .chain(&self.heads[h(end)..])
            .copied()
            .collect();
        Postings {
            n_docs: self.n_docs - (end - start) + delta.n_docs,
            keys: Pods::from(keys),
            starts: Pods::from(vec![0]),
            lists: Bytes::default(),
            heads: Pods::from(heads),
            // The new documents' four-grams alone would say the others have none.
            without_fourgrams: self.without_fourgrams,
            patched: Some(Arc::new(patched)),
        }
    }

    /// Whether issues were replaced since the lists were written (see
    /// [`Postings::with_issue_replaced`]).
    pub fn is_patched(&self) -> bool {
        self.patched.is_some()
    }

    /// Documents of replaced issues since the lists were written.
    pub fn patched_docs(&self) -> u32 {
        self.patched
            .as_ref()
            .map_or(0, |p| p.map.runs.iter().map(|r| r.len).sum())
    }

    /// These postings with every list written out (those of replaced issues
    /// merged in): what a cache file stores, equal to postings built afresh.
    /// In parallel by key range; a list that no replaced issue touches (no
    /// document of it replaced or moved, none of the runs' documents holds
    /// its key) is copied as it was written, the others decoded, merged and
    /// coded again in buffers reused from list to list.
    pub fn merged(&self) -> Postings {
        use rayon::prelude::*;
        let Some(patched) = &self.patched else {
            return self.clone();
        };
        let parts = 4 * rayon::current_num_threads().max(1);
        let n = self.keys.len();
        let pieces: Vec<Postings> = (0..parts)
            .into_par_iter()
            .map(|p| {
                let mut out = Postings {
                    n_docs: self.n_docs,
                    ..Postings::default()
                };
                let mut bufs = MergeBuffers::default();
                for &key in &self.keys[p * n / parts..(p + 1) * n / parts] {
                    let lists = out.lists.vec_mut();
                    let at = lists.len();
                    patched.write_list(key, lists, &mut bufs);
                    if lists.len() == at {
                        continue;
                    }
                    out.keys.to_mut().push(key);
                    out.starts.to_mut().push(out.lists.len() as u32);
                }
                out
            })
            .collect();
        let mut out = Postings::concat(self.n_docs, pieces);
        out.without_fourgrams = self.without_fourgrams;
        out.heads = Pods::from(self.heads.to_vec());
        out
    }

    /// Whether the key, offset and head columns are read in place.
    #[cfg(test)]
    pub(crate) fn columns_in_place(&self) -> bool {
        self.keys.is_in_place() && self.starts.is_in_place() && self.heads.is_in_place()
    }

    /// Number of keys (distinct unigrams, bigrams and pinyin four-grams).
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        self.keys.heap_bytes()
            + self.starts.heap_bytes()
            + self.lists.heap_bytes()
            + self.heads.heap_bytes()
    }

    /// The first [`HEAD`] characters of the folded body of `doc` as key codes
    /// (0 for a character that is no letter or digit, the `\n` between
    /// paragraphs, and past the end): a pinyin spelling at the start of a body
    /// (which scores more) is found here without reading the body.
    pub fn head(&self, doc: u32) -> &[u16] {
        let at = doc as usize * HEAD;
        self.heads.get(at..at + HEAD).unwrap_or(&[])
    }

    /// The documents of key `key` (empty when absent).
    fn docs_of(&self, key: u32) -> RoaringBitmap {
        match self.keys.binary_search(&key) {
            Ok(k) => self.list(k),
            Err(_) => RoaringBitmap::new(),
        }
    }

    /// The documents holding three characters side by side whose readings
    /// start with letters `a`, `b`, `c` (0-25): those of its 27 four-grams.
    fn trigram_docs(&self, a: u8, b: u8, c: u8) -> RoaringBitmap {
        let (lo, hi) = (fourgram_key(a, b, c, 0), fourgram_key(a, b, c, END));
        let from = self.keys.partition_point(|&k| k < lo);
        let to = from + self.keys[from..].partition_point(|&k| k <= hi);
        let mut out = RoaringBitmap::new();
        for k in from..to {
            out |= self.list(k);
        }
        out
    }

    /// The stored bytes of list `k`.
    fn list_bytes(&self, k: usize) -> &[u8] {
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&a), Some(&b)) => self.lists.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    fn list(&self, k: usize) -> RoaringBitmap {
        if let Some(p) = &self.patched {
            return p.list(self.keys.get(k).copied());
        }
        let (coding, _, docs) = split_list(self.list_bytes(k));
        decode_docs(coding, docs)
    }

    /// List `k` with how often its key occurs in each document.
    fn counted_list(&self, k: usize) -> Vec<(u32, u8)> {
        if let Some(p) = &self.patched {
            return p.counted_list(self.keys.get(k).copied());
        }
        let mut out = Vec::new();
        self.counted_list_into(k, &mut out);
        out
    }

    /// [`Postings::counted_list`] of postings written (not patched),
    /// appended to `out`.
    fn counted_list_into(&self, k: usize, out: &mut Vec<(u32, u8)>) {
        self.for_each_counted_written(k, |d, c| out.push((d, c)));
    }

    /// Each document of list `k` of postings written (not patched), ascending,
    /// with how often its key occurs there, as [`Postings::counted_list`]
    /// gives them, handed to `f` as the list is decoded (nothing collected).
    fn for_each_counted_written(&self, k: usize, mut f: impl FnMut(u32, u8)) {
        let (coding, counts, docs) = split_list(self.list_bytes(k));
        // The count section names, ascending, the positions in the list of
        // the documents where the key occurs more than once; the others once.
        let mut more = counts_of(counts).peekable();
        let mut pos = 0;
        let each = |d: u32| {
            let mut c = 1;
            while let Some(&(at, n)) = more.peek() {
                if at > pos {
                    break;
                }
                if at == pos {
                    c = n;
                }
                more.next();
            }
            pos += 1;
            f(d, c);
        };
        match coding {
            ROARING => decode_docs(coding, docs).iter().for_each(each),
            _ => for_each_delta(docs, each),
        }
    }

    /// How often the folded `term` occurs side by side in each document's
    /// body (indexed by document, capped at 255; 0: not at all), when the
    /// postings know it exactly: a lone letter or character (its unigram) or
    /// two different ones (their bigram; two alike could overlap, `社社社`),
    /// each a folded letter or digit of the Basic Multilingual Plane. None
    /// otherwise (verify on the text then).
    pub fn phrase_counts(&self, term: &str) -> Option<Vec<u8>> {
        let exact =
            |c: char| gram_code(c).filter(|&code| code as u32 == c as u32 && code != ASTRAL);
        let mut chars = term.chars();
        let key = match (chars.next(), chars.next(), chars.next()) {
            (Some(a), None, None) => (exact(a)? as u32) << 16,
            (Some(a), Some(b), None) if a != b => (exact(a)? as u32) << 16 | exact(b)? as u32,
            _ => return None,
        };
        let mut out = vec![0u8; self.n_docs as usize];
        let mut set = |d: u32, c: u8| {
            if let Some(slot) = out.get_mut(d as usize) {
                *slot = c;
            }
        };
        match (self.keys.binary_search(&key), &self.patched) {
            (Ok(k), None) => self.for_each_counted_written(k, set),
            (Ok(k), Some(_)) => self
                .counted_list(k)
                .into_iter()
                .for_each(|(d, c)| set(d, c)),
            (Err(_), _) => {}
        }
        Some(out)
    }

    /// The documents whose body may hold the folded `term` side by side: all of
    /// its bigrams (a lone letter or character: its unigram). None when the term
    /// has no letter or digit (every body must be looked at).
    pub fn phrase_candidates(&self, term: &str) -> Option<RoaringBitmap> {
        let mut keys = Vec::new();
        let mut run: Vec<u32> = Vec::new();
        let flush = |run: &mut Vec<u32>, keys: &mut Vec<u32>| {
            match run.as_slice() {
                [] => {}
                [one] => keys.push(one << 16),
                _ => keys.extend(run.windows(2).map(|w| w[0] << 16 | w[1])),
            }
            run.clear();
        };
        for c in term.chars() {
            match gram_code(c) {
                Some(code) => run.push(code as u32),
                None => flush(&mut run, &mut keys),
            }
        }
        flush(&mut run, &mut keys);
        self.all_of(keys)
    }

    /// The documents whose body holds every letter and digit of `chars`
    /// (scattered characters); None when there is none.
    pub fn chars_candidates(&self, chars: &[char]) -> Option<RoaringBitmap> {
        self.all_of(
            chars
                .iter()
                .filter_map(|&c| gram_code(c))
                .map(|code| (code as u32) << 16)
                .collect(),
        )
    }

    fn all_of(&self, mut keys: Vec<u32>) -> Option<RoaringBitmap> {
        keys.sort_unstable();
        keys.dedup();
        let mut acc: Option<RoaringBitmap> = None;
        for key in keys {
            let docs = self.docs_of(key);
            acc = Some(match acc {
                Some(a) => a & docs,
                None => docs,
            });
            if acc.as_ref().is_some_and(RoaringBitmap::is_empty) {
                break;
            }
        }
        acc
    }

    /// The key indexes of the characters (unigrams), with the range of their
    /// bigrams.
    fn groups(&self) -> impl Iterator<Item = (u16, usize, std::ops::Range<usize>)> + '_ {
        let mut k = self.keys.partition_point(|&key| key < PINYIN_END);
        std::iter::from_fn(move || {
            let &key = self.keys.get(k)?;
            let a = key >> 16;
            let end = k + self.keys[k..].partition_point(|&x| x >> 16 == a);
            let group = (a as u16, k, k + usize::from(key & 0xFFFF == 0)..end);
            k = end;
            Some(group)
        })
    }

    /// The documents whose body may spell the pinyin query `pq` by three
    /// characters or more side by side: those holding every pinyin trigram
    /// (for four characters or more, every four-gram) of the first letters of
    /// the pieces of some cut of the query into three pieces or more (pieces
    /// some glyph can take, [`PinyinQuery::piece_lengths`]). None when the
    /// query has more than [`MAX_CUTS`] such strings of first letters, or
    /// listing them takes more than 100,000 steps (then they bound nothing
    /// here).
    pub fn long_spelling_docs(&self, pq: &PinyinQuery) -> Option<RoaringBitmap> {
        self.long_spellings(pq).map(|(docs, _)| docs)
    }

    /// [`Postings::long_spelling_docs`], and whether they are exactly the
    /// bodies spelling the query by three characters or more: every such
    /// cut of it is into pieces of one letter, three or four of them (the
    /// trigram or four-gram of the query's letters is then the spelling).
    fn long_spellings(&self, pq: &PinyinQuery) -> Option<(RoaringBitmap, bool)> {
        let (cuts, exact) = self.long_spelling_cuts(pq)?;
        let mut out = RoaringBitmap::new();
        for (_, docs) in &cuts {
            out |= docs;
        }
        Some((out, exact))
    }

    /// The strings of first letters of the cuts of `pq` into three pieces or
    /// more, each as the best score a spelling by such a cut can have (each
    /// piece scoring what the best glyph taking it there does) and the
    /// documents holding its pinyin trigram (three letters) or every one of
    /// its four-grams; and whether they are exactly the bodies spelling the
    /// query by three characters or more (see [`Postings::long_spellings`]).
    /// None as for [`Postings::long_spelling_docs`].
    fn long_spelling_cuts(&self, pq: &PinyinQuery) -> Option<(Vec<(i32, RoaringBitmap)>, bool)> {
        if self.without_fourgrams {
            return None;
        }
        let q = pq.letters();
        let pieces: Vec<(u32, u32)> = (0..q.len())
            .map(|j| (pq.piece_lengths(j), pq.full_lengths(j)))
            .collect();
        let mut strings: Vec<(Vec<u8>, i32)> = Vec::new();
        let mut budget = 100_000u32;
        let mut cut = Cut {
            q,
            pieces: &pieces,
            prefix: Vec::new(),
            out: &mut strings,
            budget: &mut budget,
        };
        if !cut.strings(0, 0) {
            return None;
        }
        let exact = matches!(q.len(), 3 | 4) && strings.iter().all(|(s, _)| s.len() == q.len());
        // The documents of each four-gram of letters looked up (a trigram's,
        // the union of its four-grams', with no fourth letter).
        let mut lists: std::collections::HashMap<(u8, u8, u8, Option<u8>), RoaringBitmap> =
            Default::default();
        let mut out = Vec::with_capacity(strings.len());
        for (s, score) in &strings {
            let l = |b: u8| b - b'a';
            let mut grams: Vec<(u8, u8, u8, Option<u8>)> = match s.len() {
                3 => vec![(l(s[0]), l(s[1]), l(s[2]), None)],
                _ => s
                    .windows(4)
                    .map(|w| (l(w[0]), l(w[1]), l(w[2]), Some(l(w[3]))))
                    .collect(),
            };
            grams.sort_unstable();
            grams.dedup();
            let mut acc: Option<RoaringBitmap> = None;
            for g in grams {
                let docs = lists.entry(g).or_insert_with(|| match g {
                    (a, b, c, Some(d)) => self.docs_of(fourgram_key(a, b, c, d)),
                    (a, b, c, None) => self.trigram_docs(a, b, c),
                });
                acc = Some(match acc {
                    Some(a) => a & &*docs,
                    None => docs.clone(),
                });
                if acc.as_ref().is_some_and(RoaringBitmap::is_empty) {
                    break;
                }
            }
            if let Some(a) = acc.filter(|a| !a.is_empty()) {
                out.push((*score, a));
            }
        }
        Some((out, exact))
    }

    /// What the pinyin trigrams and four-grams alone tell of the bodies
    /// spelling `pq`, a query no one or two characters side by side can
    /// spell ([`PinyinQuery::cuts_in_two`] false, so `short` holds none): in
    /// `long`, a body's spellings are bounded by the best score of a cut
    /// whose first letters' trigram or four-grams it holds (above `cap`
    /// counted as `cap`), and a body holding none cannot spell it. Looser
    /// than the chains of [`Postings::pinyin_spellings`], but a lookup of a
    /// few lists: a body read for the query can stop at a spelling scoring
    /// its bound. None when the query can be cut in two, or as for
    /// [`Postings::long_spelling_docs`].
    pub fn fourgram_spellings(&self, pq: &PinyinQuery, cap: i32) -> Option<Spellings> {
        if pq.cuts_in_two() {
            return None;
        }
        let (cuts, _) = self.long_spelling_cuts(pq)?;
        let n = self.n_docs as usize;
        let mut long = vec![NO_SPELLING; n];
        for (score, docs) in &cuts {
            let s = (*score)
                .min(cap)
                .clamp(i16::MIN as i32 + 1, i16::MAX as i32) as i16;
            for d in docs {
                if let Some(v) = long.get_mut(d as usize)
                    && s > *v
                {
                    *v = s;
                }
            }
        }
        Some(Spellings {
            short: vec![NO_SPELLING; n],
            long,
            grams: None,
        })
    }

    /// The documents whose body may spell the pinyin query `pq` with characters
    /// side by side: a chain of characters, each spelling the next piece of the
    /// query, where every two neighbours are a bigram of the document (the same
    /// character ending one bigram and starting the next), the last one a
    /// character that spells all that is left. `glyph` gives a character code's
    /// glyph (the numbering `pq` was compiled with). Every body that spells the
    /// query is among them; bodies holding the pieces' bigrams only apart (社区
    /// here, 去在 there) are not, as they were when any bigram spelling a piece
    /// would do.
    pub fn pinyin_candidates(&self, pq: &PinyinQuery, glyph: &dyn Fn(u16) -> u16) -> RoaringBitmap {
        let found = self.pinyin_spellings(pq, glyph, i32::MAX);
        (0..self.n_docs).filter(|&d| found.may(d)).collect()
    }

    /// What the postings tell of the bodies spelling the pinyin query `pq`
    /// (see [`Spellings`]): the spellings by one character (its unigram) or
    /// two side by side (their bigram) with their scores, certain; and the
    /// chains of three characters or more, each two neighbours a bigram of
    /// the body (as [`Postings::pinyin_candidates`] finds them), with the
    /// score they would have, scores above `cap` counted as `cap`. `glyph`
    /// gives a character code's glyph (the numbering `pq` was compiled with).
    pub fn pinyin_spellings(
        &self,
        pq: &PinyinQuery,
        glyph: &dyn Fn(u16) -> u16,
        cap: i32,
    ) -> Spellings {
        let n = self.n_docs as usize;
        let mut out = Spellings {
            short: vec![NO_SPELLING; n],
            long: vec![NO_SPELLING; n],
            grams: None,
        };
        let m = pq.len();
        if m == 0 {
            return out;
        }
        let groups = self.group_table();
        // Where a spelling by three characters or more may be (the pinyin
        // trigrams and four-grams tell): chains are followed only there.
        let (within, exact) = match self.long_spellings(pq) {
            Some((set, exact)) => (Some(Bitset::from_roaring(&set, n)), exact),
            None => (None, false),
        };
        let mut chains = LongChains {
            postings: self,
            pq,
            glyph,
            groups: &groups,
            cap,
            memo: std::collections::HashMap::new(),
            within: within.as_ref(),
        };
        // Three letters, or four that only pieces of one letter each spell
        // by three characters or more: the trigram or four-gram finds those
        // spellings (a letter a character) exactly, no chain to follow.
        let by_letters = exact && within.is_some();
        let follow = !by_letters && within.as_ref().is_none_or(|w| !w.is_empty());
        let raise = |slot: &mut Vec<i16>, d: u32, s: i32| {
            if let Some(v) = slot.get_mut(d as usize) {
                let s = s.min(cap).clamp(i16::MIN as i32 + 1, i16::MAX as i32) as i16;
                if s > *v {
                    *v = s;
                }
            }
        };
        // First the spellings by one or two characters, noting the bigrams
        // a chain may go on from; then, where those spellings leave most of
        // the documents that may hold a longer one to read anyway and those
        // are few enough to read, no chains (their cost buys little): those
        // documents are bounded by the query's best score and read; else the
        // chains from the bigrams noted.
        let mut links: Vec<(usize, usize, usize, i32)> = Vec::new();
        let mut grams: Vec<(u16, u16)> = Vec::new();
        for (a, unigram, bigrams) in groups.iter().cloned() {
            let (allowed, full) = pq.step_at(glyph(a), 0);
            let mut bits = allowed;
            while bits != 0 {
                let l = bits.trailing_zeros() as usize + 1;
                bits &= bits - 1;
                let piece = step_score(l, full & (1 << (l - 1)) != 0);
                if l >= m {
                    if let Some(u) = unigram {
                        self.for_each_doc(u, |d| raise(&mut out.short, d, piece));
                        grams.push((a, 0));
                    }
                    continue;
                }
                let rest = m - l;
                for b in bigrams.clone() {
                    let second = self.keys.get(b).map_or(0, |&key| key as u16);
                    let (allowed_b, full_b) = pq.step_at(glyph(second), l);
                    if allowed_b == 0 {
                        continue;
                    }
                    if allowed_b & (1 << (rest - 1)) != 0 {
                        let s = piece + step_score(rest, full_b & (1 << (rest - 1)) != 0);
                        self.for_each_doc(b, |d| raise(&mut out.short, d, s));
                        grams.push((a, second));
                    }
                    if !follow || allowed_b & ((1 << (rest - 1)) - 1) == 0 {
                        continue;
                    }
                    if let Ok(h) = groups.binary_search_by_key(&second, |g| g.0) {
                        links.push((l, b, h, piece));
                    }
                }
            }
        }
        if let (true, Some(w)) = (follow, &within) {
            let may = w.to_vec();
            let settled = may
                .iter()
                .filter(|&&d| out.short.get(d as usize).is_some_and(|&v| v != NO_SPELLING))
                .count();
            let skip = skip_chains(may.len(), settled);
            #[cfg(test)]
            let skip = FORCED_CHAINS
                .with(|f| f.get())
                .map_or(skip, |follow| !follow);
            if skip {
                links.clear();
                for d in may {
                    raise(&mut out.long, d, pq.ceiling());
                }
            }
        }
        for (l, b, h, piece) in links {
            let further = chains.from(l, h);
            if further.is_empty() {
                continue;
            }
            let docs = self.list(b);
            for (s, set) in further.iter() {
                for d in &docs & set {
                    raise(&mut out.long, d, piece + s);
                }
            }
        }
        if let (true, Some(within)) = (by_letters, &within) {
            self.letter_spellings(pq, glyph, &groups, within, cap, &mut out);
        }
        // Such a query's spellings by a character a letter are in `short`
        // too (from its trigram or four-gram, not from these characters).
        let astral = grams.iter().any(|&(a, b)| a == ASTRAL || b == ASTRAL);
        out.grams = (!by_letters && !astral).then_some(grams);
        out
    }

    /// The spellings of a query of three or four letters by as many
    /// characters, a letter each, into `out`: every document of `within`
    /// (those holding the query's pinyin trigram or four-gram) has one,
    /// scoring a one-letter piece's score a letter, certain; where the body
    /// holds a character that reads as one of the query's letters whole
    /// (`a`, `e`, a Latin letter), a piece may score more, up to the query's
    /// best (a bound, as chains give).
    fn letter_spellings(
        &self,
        pq: &PinyinQuery,
        glyph: &dyn Fn(u16) -> u16,
        groups: &[(u16, Option<usize>, std::ops::Range<usize>)],
        within: &Bitset,
        cap: i32,
        out: &mut Spellings,
    ) {
        let n = self.n_docs as usize;
        let mut whole = Bitset::new(n);
        let mut best = 0;
        let mut any_whole = false;
        let m = pq.len();
        for j in 0..m {
            let full = pq.full_lengths(j) & 1 != 0;
            best += step_score(1, full);
        }
        for &(a, unigram, _) in groups {
            let g = glyph(a);
            let reads_whole = (0..m).any(|j| {
                let (allowed, full) = pq.step_at(g, j);
                allowed & full & 1 != 0
            });
            if let (true, Some(u)) = (reads_whole, unigram) {
                any_whole = true;
                self.for_each_doc(u, |d| whole.insert(d));
            }
        }
        let certain = m as i32 * step_score(1, false);
        let clamp = |s: i32| s.min(cap).clamp(i16::MIN as i32 + 1, i16::MAX as i32) as i16;
        for d in within.to_vec() {
            let i = d as usize;
            if let Some(v) = out.short.get_mut(i) {
                *v = (*v).max(clamp(certain));
            }
            if any_whole
                && whole.contains(d)
                && let Some(v) = out.long.get_mut(i)
            {
                *v = (*v).max(clamp(best));
            }
        }
    }

    /// Per character (ascending code): its code, its unigram's key index, the
    /// key indexes of the bigrams it starts.
    fn group_table(&self) -> Vec<(u16, Option<usize>, std::ops::Range<usize>)> {
        self.groups()
            .map(|(a, first, bigrams)| {
                let unigram = self
                    .keys
                    .get(first)
                    .is_some_and(|&k| k & 0xFFFF == 0)
                    .then_some(first);
                (a, unigram, bigrams)
            })
            .collect()
    }

    /// Each document of list `k`, ascending.
    fn for_each_doc(&self, k: usize, mut f: impl FnMut(u32)) {
        if let Some(p) = &self.patched {
            for (d, _) in p.counted_list(self.keys.get(k).copied()) {
                f(d);
            }
            return;
        }
        let (coding, _, docs) = split_list(self.list_bytes(k));
        match coding {
            // Folded over, not stepped through: the bitmap walks each
            // container in one loop.
            ROARING => decode_docs(coding, docs).iter().for_each(f),
            _ => for_each_delta(docs, f),
        }
    }

    /// Every character of the bodies (by code), for numbering glyphs.
    pub fn chars(&self) -> impl Iterator<Item = u16> + '_ {
        self.keys
            .iter()
            .filter(|&&k| k >= PINYIN_END && k & 0xFFFF == 0)
            .map(|&k| (k >> 16) as u16)
    }

    /// What the postings hold, by kind of key: for each of unigrams, bigrams
    /// and pinyin four-grams, its keys, the (key, document) entries of their
    /// lists and the bytes those take (for the build's benchmark: the entries
    /// are what building sorts and merges).
    pub fn census(&self) -> Vec<KeyCensus> {
        let mut out = ["unigrams", "bigrams", "pinyin four-grams"].map(|kind| KeyCensus {
            kind,
            keys: 0,
            entries: 0,
            bytes: 0,
        });
        for (k, &key) in self.keys.iter().enumerate() {
            let c = match key {
                k if k < PINYIN_END => &mut out[2],
                k if k & 0xFFFF == 0 => &mut out[0],
                _ => &mut out[1],
            };
            c.keys += 1;
            c.bytes += self.list_bytes(k).len();
            self.for_each_doc(k, |_| c.entries += 1);
        }
        out.to_vec()
    }

    /// Structural sanity (used to refuse a corrupt cache).
    pub fn is_consistent(&self) -> bool {
        if self.patched.is_some() {
            return self.keys.windows(2).all(|w| w[0] < w[1])
                && self.heads.len() == self.n_docs as usize * HEAD;
        }
        self.starts.len() == self.keys.len() + 1
            && self.keys.windows(2).all(|w| w[0] < w[1])
            && self.starts.windows(2).all(|w| w[0] < w[1])
            && self.starts.first() == Some(&0)
            && self.starts.last().map(|&l| l as usize) == Some(self.lists.len())
            && self.heads.len() == self.n_docs as usize * HEAD
    }

    pub fn n_docs(&self) -> u32 {
        self.n_docs
    }
}

/// Lists decoded and merged by [`Patched::write_list`], kept from one key
/// to the next so that no list costs an allocation.
#[derive(Default)]
struct MergeBuffers {
    base: Vec<(u32, u8)>,
    merged: Vec<(u32, u8)>,
}

impl Patched {
    /// Append the list of `key` as it stands now to `out`, coded as
    /// [`encode_list`] codes it (nothing when no document holds it): the
    /// base's bytes as they are when the replaced issues leave it alone.
    fn write_list(&self, key: u32, out: &mut Vec<u8>, bufs: &mut MergeBuffers) {
        let base = self.base.keys.binary_search(&key).ok();
        let in_runs = self
            .map
            .runs
            .iter()
            .any(|run| run.data.keys.binary_search(&key).is_ok());
        if let Some(k) = base
            && !in_runs
        {
            let bytes = self.base.list_bytes(k);
            let (coding, _, docs) = split_list(bytes);
            if coding != ROARING && !self.map.touches_any(docs) {
                out.extend_from_slice(bytes);
                return;
            }
        }
        bufs.base.clear();
        if let Some(k) = base {
            self.base.counted_list_into(k, &mut bufs.base);
        }
        let MergeBuffers { base, merged } = bufs;
        merged.clear();
        self.map.merged_into(
            base.iter().copied(),
            |r, out| {
                if let Ok(k) = r.data.keys.binary_search(&key) {
                    r.data.counted_list_into(k, out);
                }
            },
            merged,
        );
        if !merged.is_empty() {
            encode_list(merged, out);
        }
    }

    /// The documents of `key` (with how often it occurs in each) as they
    /// stand now.
    fn counted_list(&self, key: Option<u32>) -> Vec<(u32, u8)> {
        let Some(key) = key else {
            return Vec::new();
        };
        let base = match self.base.keys.binary_search(&key) {
            Ok(k) => self.base.counted_list(k),
            Err(_) => Vec::new(),
        };
        self.map
            .merged(base, |run| match run.data.keys.binary_search(&key) {
                Ok(k) => run.data.counted_list(k),
                Err(_) => Vec::new(),
            })
    }

    /// The documents of `key` as they stand now.
    fn list(&self, key: Option<u32>) -> RoaringBitmap {
        let Some(key) = key else {
            return RoaringBitmap::new();
        };
        if !self.map.in_place() {
            return self
                .counted_list(Some(key))
                .into_iter()
                .map(|(d, _)| d)
                .collect();
        }
        // No document moved: the base's list less the replaced documents,
        // with the runs' own.
        let mut docs = self.base.docs_of(key);
        for run in &self.map.runs {
            docs.remove_range(run.old.clone());
            if let Ok(k) = run.data.keys.binary_search(&key) {
                docs.extend(run.data.list(k).iter().map(|d| d + run.new_start));
            }
        }
        docs
    }
}

/// One kind of key of [`Postings::census`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyCensus {
    pub kind: &'static str,
    /// Distinct keys.
    pub keys: usize,
    /// Documents in their lists, summed.
    pub entries: usize,
    /// Bytes of their lists.
    pub bytes: usize,
}

/// First-letter strings [`Postings::long_spelling_docs`] looks up at most.
pub const MAX_CUTS: usize = 64;

/// The cuts of a query into pieces, walked for their strings of first
/// letters (see [`Cut::strings`]).
struct Cut<'a> {
    q: &'a [u8],
    /// By query position: the piece lengths some glyph takes there, and
    /// those some glyph takes as a whole reading (bit `l - 1`: `l` letters).
    pieces: &'a [(u32, u32)],
    prefix: Vec<u8>,
    /// Each string once, with the best score of a cut giving it.
    out: &'a mut Vec<(Vec<u8>, i32)>,
    budget: &'a mut u32,
}

impl Cut<'_> {
    /// Add to `out` the strings of first letters of the cuts of `q[j..]`
    /// into pieces that make three pieces or more with `prefix`, each once
    /// with the best score of such a cut (`score`: of the pieces in
    /// `prefix`). False when there are more than [`MAX_CUTS`] strings or the
    /// walk ran out of `budget`.
    fn strings(&mut self, j: usize, score: i32) -> bool {
        if *self.budget == 0 {
            return false;
        }
        *self.budget -= 1;
        if j == self.q.len() {
            if self.prefix.len() >= 3 {
                let prefix = &self.prefix;
                match self.out.iter().position(|(s, _)| s == prefix) {
                    Some(k) => {
                        if let Some((_, best)) = self.out.get_mut(k) {
                            *best = (*best).max(score);
                        }
                    }
                    None if self.out.len() == MAX_CUTS => return false,
                    None => self.out.push((prefix.clone(), score)),
                }
            }
            return true;
        }
        let (Some(&letter), Some(&(lens, full))) = (self.q.get(j), self.pieces.get(j)) else {
            return true;
        };
        if !letter.is_ascii_lowercase() {
            return true;
        }
        let mut bits = lens;
        while bits != 0 {
            let l = bits.trailing_zeros() as usize + 1;
            bits &= bits - 1;
            if j + l > self.q.len() {
                continue;
            }
            let piece = step_score(l, full & (1 << (l - 1)) != 0);
            self.prefix.push(letter);
            let ok = self.strings(j + l, score + piece);
            self.prefix.pop();
            if !ok {
                return false;
            }
        }
        true
    }
}

/// Documents the pinyin trigrams may leave to read rather than follow the
/// chains of bigrams in them (see [`skip_chains`]).
const READ_AT_MOST: usize = 16_384;

/// Whether [`Postings::pinyin_spellings`] reads the `may` documents its
/// pinyin trigrams leave (each bounded by the query's best score) instead of
/// following the chains of bigrams in them, of which `settled` have a
/// spelling by one or two characters: when those are at most 1/8 (the chains
/// would rule out few documents a spelling by one or two characters does not
/// send to be read anyway) and the documents few enough to read. On
/// /work/corpus10k-vary, before the four-grams, `sqzl` and `xczx` left 8,326
/// and 8,177 documents with none settled (reading them was cheaper; their
/// four-grams now settle them without chains or reading); `sheq`, 7,959 with
/// 4,064 settled, and `jicengz`, 35,253, follow the chains.
fn skip_chains(may: usize, settled: usize) -> bool {
    settled * 8 <= may && may <= READ_AT_MOST
}

#[cfg(test)]
thread_local! {
    static FORCED_CHAINS: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Tests: while it lives, [`Postings::pinyin_spellings`] on this thread
/// follows the chains of bigrams where its trigrams leave documents
/// (`Some(true)`), never does so (`Some(false)`), or decides (`None`).
#[cfg(test)]
pub(crate) struct ForcedChains(Option<bool>);

#[cfg(test)]
impl ForcedChains {
    pub(crate) fn set(follow: Option<bool>) -> ForcedChains {
        ForcedChains(FORCED_CHAINS.with(|f| f.replace(follow)))
    }
}

#[cfg(test)]
impl Drop for ForcedChains {
    fn drop(&mut self) {
        FORCED_CHAINS.with(|f| f.set(self.0));
    }
}

/// No spelling (in [`Spellings`]).
pub const NO_SPELLING: i16 = i16::MIN;

/// What the postings tell of the bodies spelling a pinyin query (see
/// [`Postings::pinyin_spellings`]), per document: `short`, the best score of
/// a spelling by one character or two side by side (for a query of three
/// letters, or four no cut into three pieces spells, also by a character a
/// letter: see the pinyin trigrams and four-grams), certain;
/// `long`, the best score a spelling by three characters or more may have
/// (its characters' bigrams are in the body, not known to be in one run). A
/// spelling at the start of the body scores [`super::pinyin`]'s start bonus
/// more, which neither counts (see [`Postings::head`]). [`NO_SPELLING`]
/// where there is none; both none: the body cannot spell the query.
#[derive(Debug, Clone, Default)]
pub struct Spellings {
    pub short: Vec<i16>,
    pub long: Vec<i16>,
    /// The characters, one (`(a, 0)`) or two side by side (`(a, b)`), by
    /// code, that make the spellings counted in `short`; None when `short`
    /// also counts others (a three- or four-letter query's spellings by a
    /// character a letter) or some such character is beyond the Basic Multilingual
    /// Plane. Where a body has a spelling in `short` and none in `long`,
    /// its spellings start where the first of these stands.
    pub grams: Option<Vec<(u16, u16)>>,
}

impl Spellings {
    /// True when the body of `doc` may spell the query.
    pub fn may(&self, doc: u32) -> bool {
        let d = doc as usize;
        self.short.get(d).is_some_and(|&s| s != NO_SPELLING)
            || self.long.get(d).is_some_and(|&s| s != NO_SPELLING)
    }
}

/// Sets of documents by score, ascending.
type ByScore = std::rc::Rc<Vec<(i32, RoaringBitmap)>>;

/// The chains of [`Postings::pinyin_spellings`]: `from(k, g)` is, per score,
/// the documents where the character of group `g` takes the query from
/// letter `k` on, not to its end, and a chain of bigrams spells the rest.
struct LongChains<'a> {
    postings: &'a Postings,
    pq: &'a PinyinQuery,
    glyph: &'a dyn Fn(u16) -> u16,
    groups: &'a [(u16, Option<usize>, std::ops::Range<usize>)],
    cap: i32,
    memo: std::collections::HashMap<(usize, usize), ByScore>,
    /// The documents where a spelling by three characters or more may be
    /// (None: anywhere).
    within: Option<&'a Bitset>,
}

impl LongChains<'_> {
    fn from(&mut self, k: usize, g: usize) -> ByScore {
        if let Some(done) = self.memo.get(&(k, g)) {
            return done.clone();
        }
        let m = self.pq.len();
        let n = self.postings.n_docs as usize;
        // Gathered in bitsets (a list added is a bit set a document, where
        // roaring unions would merge and allocate), kept as roaring bitmaps.
        let mut acc: std::collections::BTreeMap<i32, Bitset> = Default::default();
        if let Some((a, _, bigrams)) = self.groups.get(g).cloned() {
            let (allowed, full) = self.pq.step_at((self.glyph)(a), k);
            let mut bits = allowed;
            while bits != 0 {
                let l = bits.trailing_zeros() as usize + 1;
                bits &= bits - 1;
                let next = k + l;
                if next >= m {
                    continue;
                }
                let piece = step_score(l, full & (1 << (l - 1)) != 0);
                let rest = m - next;
                for b in bigrams.clone() {
                    let second = self.postings.keys.get(b).map_or(0, |&key| key as u16);
                    let (allowed_b, full_b) = self.pq.step_at((self.glyph)(second), next);
                    if allowed_b == 0 {
                        continue;
                    }
                    if allowed_b & (1 << (rest - 1)) != 0 {
                        let s = (piece + step_score(rest, full_b & (1 << (rest - 1)) != 0))
                            .min(self.cap);
                        let set = acc.entry(s).or_insert_with(|| Bitset::new(n));
                        match self.within {
                            Some(w) => self.postings.for_each_doc(b, |d| {
                                if w.contains(d) {
                                    set.insert(d)
                                }
                            }),
                            None => self.postings.for_each_doc(b, |d| set.insert(d)),
                        }
                    }
                    if allowed_b & ((1 << (rest - 1)) - 1) == 0 {
                        continue;
                    }
                    let Ok(h) = self.groups.binary_search_by_key(&second, |g| g.0) else {
                        continue;
                    };
                    let further = self.from(next, h);
                    if further.is_empty() {
                        continue;
                    }
                    let list = self.postings.list(b);
                    for (s, set) in further.iter() {
                        let both = &list & set;
                        if !both.is_empty() {
                            let into = acc
                                .entry((piece + s).min(self.cap))
                                .or_insert_with(|| Bitset::new(n));
                            for d in &both {
                                into.insert(d);
                            }
                        }
                    }
                }
            }
        }
        let out = std::rc::Rc::new(
            acc.into_iter()
                .filter(|(_, set)| !set.is_empty())
                .map(|(s, set)| (s, set.to_roaring()))
                .collect(),
        );
        self.memo.insert((k, g), std::rc::Rc::clone(&out));
        out
    }
}

/// Merge the keys in `lo..hi` of every segment.
/// Bytes of segments held in memory before they go to a temporary file (see
/// [`Segments`]).
pub const SEGMENT_BUDGET: usize = 64 << 20;
/// Key ranges a spilled segment is written in, each merged on its own.
const SECTIONS: usize = 256;

/// The segments of an index being built, in document order, on their way to
/// [`Segments::merge`]: held in memory up to a budget of bytes, beyond it
/// written to an unnamed temporary file (in the cache folder) a key range
/// ("section") at a time and merged a few sections at a time, so that
/// building the index of a corpus of any size holds the segments being made,
/// the postings merged so far and the sections being merged, not every
/// segment (those of 100,000 issues took several GB). The postings are the
/// same either way; when the file cannot be written or read back, [`Segments::merge`]
/// says so and the index makes its postings again in memory.
#[derive(Debug)]
pub struct Segments {
    mem: Vec<Segment>,
    mem_bytes: usize,
    budget: usize,
    dir: Option<std::path::PathBuf>,
    spill: Option<SpilledSegments>,
}

/// A spilled segment: its documents and, per section, the offset of its
/// bytes in the file, its keys and its list bytes.
type SpilledSegment = (u32, Vec<(u64, u32, u32)>);

#[derive(Debug)]
struct SpilledSegments {
    file: std::io::BufWriter<std::fs::File>,
    len: u64,
    /// Section `j` holds the keys in `bounds[j]..bounds[j + 1]`.
    bounds: Vec<u64>,
    /// Per segment: its documents and, per section, the offset of its bytes
    /// in the file, its keys and its list bytes.
    segments: Vec<SpilledSegment>,
    heads: Vec<u16>,
    /// A write failed: the file is not whole.
    failed: bool,
}

impl Default for Segments {
    fn default() -> Segments {
        Segments::with_budget(SEGMENT_BUDGET, crate::cache::cache_root())
    }
}

impl Segments {
    /// Segments kept in memory up to `budget` bytes, beyond it in a temporary
    /// file in `dir` (else the system's temporary folder).
    pub fn with_budget(budget: usize, dir: Option<std::path::PathBuf>) -> Segments {
        Segments {
            mem: Vec::new(),
            mem_bytes: 0,
            budget,
            dir,
            spill: None,
        }
    }

    /// Whether segments went to a temporary file.
    pub fn spilled(&self) -> bool {
        self.spill.is_some()
    }

    /// Add the next segment (its documents follow the last one's).
    pub fn push(&mut self, segment: Segment) {
        if let Some(s) = &mut self.spill {
            s.write(&segment);
            return;
        }
        self.mem_bytes += segment.heap_bytes();
        self.mem.push(segment);
        if self.mem_bytes > self.budget {
            self.spill_all();
        }
    }

    /// Move the segments held in memory to a temporary file (they stay in
    /// memory, and every later one too, when it cannot be made).
    fn spill_all(&mut self) {
        let Some(file) = temp_file(self.dir.as_deref()) else {
            self.budget = usize::MAX;
            return;
        };
        // Sections at quantiles of the keys seen so far.
        let mut sample: Vec<u32> = self
            .mem
            .iter()
            .flat_map(|s| s.keys.iter().step_by(16).copied())
            .collect();
        sample.sort_unstable();
        sample.dedup();
        let mut bounds = vec![0u64];
        bounds.extend(
            (1..SECTIONS)
                .filter_map(|j| sample.get(j * sample.len() / SECTIONS).map(|&k| k as u64)),
        );
        bounds.push(1 << 32);
        bounds.dedup();
        let mut spill = SpilledSegments {
            file: std::io::BufWriter::with_capacity(1 << 20, file),
            len: 0,
            bounds,
            segments: Vec::new(),
            heads: Vec::new(),
            failed: false,
        };
        for s in std::mem::take(&mut self.mem) {
            spill.write(&s);
        }
        self.mem_bytes = 0;
        self.spill = Some(spill);
    }

    /// The postings of every segment, in document order; `None` when spilled
    /// segments could not be written or read back whole.
    pub fn merge(self) -> Option<Postings> {
        match self.spill {
            None => Some(Postings::merge(&self.mem)),
            Some(spill) => spill.merge(None).and_then(MergedPostings::into_postings),
        }
    }

    /// [`Segments::merge`], the list bytes of segments spilled to a file
    /// merged into another unnamed temporary file (in the same folder) as
    /// they are made instead of into memory: merging a corpus of any size
    /// then holds its keys, not its lists (for a first start, which writes
    /// them to the index's cache file and reads them there).
    pub fn merge_streamed(self) -> Option<MergedPostings> {
        match self.spill {
            None => Some(MergedPostings::in_memory(Postings::merge(&self.mem))),
            Some(spill) => {
                let lists = temp_file(self.dir.as_deref());
                spill.merge(lists)
            }
        }
    }
}

/// An unnamed temporary file in `dir` (else the system's temporary folder).
fn temp_file(dir: Option<&std::path::Path>) -> Option<std::fs::File> {
    dir.and_then(|d| {
        std::fs::create_dir_all(d).ok()?;
        tempfile::tempfile_in(d).ok()
    })
    .or_else(|| tempfile::tempfile().ok())
}

/// Merged postings whose list bytes may be in an unnamed temporary file
/// ([`Segments::merge_streamed`]) rather than in memory, or in several
/// places one after the other ([`MergedPostings::followed_by`]).
#[derive(Debug)]
pub struct MergedPostings {
    /// Keys, starts and heads; the lists too when `parts` is empty.
    postings: Postings,
    /// The list bytes, in order, when not in `postings`.
    parts: Vec<ListBytes>,
}

/// Some of the list bytes of [`MergedPostings`].
#[derive(Debug)]
enum ListBytes {
    Memory(Bytes),
    File(SpilledLists),
}

impl ListBytes {
    fn len(&self) -> u64 {
        match self {
            ListBytes::Memory(b) => b.len() as u64,
            ListBytes::File(s) => s.len,
        }
    }
}

/// List bytes kept in a temporary file.
#[derive(Debug)]
struct SpilledLists {
    file: std::fs::File,
    len: u64,
}

impl MergedPostings {
    /// Postings held in memory whole.
    pub fn in_memory(postings: Postings) -> MergedPostings {
        MergedPostings {
            postings,
            parts: Vec::new(),
        }
    }

    /// The postings, their lists read into memory (`None` when the file
    /// holding them cannot be read back).
    pub fn into_postings(self) -> Option<Postings> {
        let mut postings = self.postings;
        if !self.parts.is_empty() {
            let total = self.parts.iter().map(ListBytes::len).sum::<u64>();
            let mut lists = vec![0u8; usize::try_from(total).ok()?];
            let mut at = 0usize;
            for part in &self.parts {
                let n = usize::try_from(part.len()).ok()?;
                let into = lists.get_mut(at..at + n)?;
                match part {
                    ListBytes::Memory(b) => into.copy_from_slice(b.get(0..n)?),
                    ListBytes::File(s) => crate::cache::pack::read_at(&s.file, into, 0).ok()?,
                }
                at += n;
            }
            postings.lists = Bytes::owned(lists);
        }
        Some(postings)
    }

    /// The postings to search while these wait to be written (see
    /// [`Grams::NoFourgrams`]), their lists read in place from the temporary
    /// file that holds them (mapped: pages of the file, not the heap) where
    /// they can be, else copied (`None` when they cannot be read back); their
    /// keys, starts and heads shared with these, not copied.
    pub fn to_searchable(&mut self) -> Option<Postings> {
        let mut postings = Postings {
            n_docs: self.postings.n_docs,
            keys: self.postings.keys.shared(),
            starts: self.postings.starts.shared(),
            lists: Bytes::default(),
            heads: self.postings.heads.shared(),
            without_fourgrams: self.postings.without_fourgrams,
            patched: None,
        };
        postings.lists = match self.parts.as_slice() {
            [] => Bytes::owned(self.postings.lists.all().to_vec()),
            [ListBytes::Memory(b)] => Bytes::owned(b.all().to_vec()),
            [ListBytes::File(s)] => {
                let len = usize::try_from(s.len).ok()?;
                match MappedLists::of(&s.file, len) {
                    Some(mapped) => Bytes::in_place_of(std::sync::Arc::new(mapped), 0, len),
                    None => {
                        let mut lists = vec![0u8; len];
                        crate::cache::pack::read_at(&s.file, &mut lists, 0).ok()?;
                        Bytes::owned(lists)
                    }
                }
            }
            _ => {
                let whole = MergedPostings {
                    postings: Postings::default(),
                    parts: self
                        .parts
                        .iter()
                        .map(|p| match p {
                            ListBytes::Memory(b) => Some(ListBytes::Memory(b.clone())),
                            ListBytes::File(s) => Some(ListBytes::File(SpilledLists {
                                file: s.file.try_clone().ok()?,
                                len: s.len,
                            })),
                        })
                        .collect::<Option<Vec<_>>>()?,
                };
                whole.into_postings()?.lists
            }
        };
        Some(postings)
    }

    /// These postings (the pinyin four-grams alone, [`Grams::FourgramsOnly`])
    /// followed by `rest` (of the same documents, every key after these':
    /// [`Grams::NoFourgrams`]): the postings of both kinds of keys, as if
    /// made at once; their lists stay where they are until written.
    pub fn followed_by(self, rest: MergedPostings) -> MergedPostings {
        let parts_of = |m: MergedPostings| -> (Postings, Vec<ListBytes>) {
            let mut postings = m.postings;
            let parts = if m.parts.is_empty() {
                vec![ListBytes::Memory(std::mem::take(&mut postings.lists))]
            } else {
                m.parts
            };
            (postings, parts)
        };
        let (first, mut parts) = parts_of(self);
        let (second, more) = parts_of(rest);
        let base = parts.iter().map(ListBytes::len).sum::<u64>() as u32;
        parts.extend(more);
        let mut postings = Postings {
            n_docs: second.n_docs,
            heads: second.heads.clone(),
            ..Postings::default()
        };
        postings.keys.to_mut().extend_from_slice(&first.keys);
        postings.keys.to_mut().extend_from_slice(&second.keys);
        postings
            .starts
            .to_mut()
            .extend(first.starts.iter().skip(1).copied());
        postings
            .starts
            .to_mut()
            .extend(second.starts.iter().skip(1).map(|&s| s + base));
        parts.retain(|p| p.len() > 0);
        MergedPostings { postings, parts }
    }

    /// The postings to write (see [`PostingsOut`]).
    pub fn out(&self) -> PostingsOut<'_> {
        PostingsOut {
            postings: &self.postings,
            parts: &self.parts,
        }
    }

    /// Every character of the bodies (see [`Postings::chars`]).
    pub fn chars(&self) -> impl Iterator<Item = u16> + '_ {
        self.postings.chars()
    }

    /// Whether the lists wait in a temporary file.
    pub fn lists_in_file(&self) -> bool {
        self.parts.iter().any(|p| matches!(p, ListBytes::File(_)))
    }

    /// Heap bytes of what is held in memory.
    pub fn heap_bytes(&self) -> usize {
        self.postings.heap_bytes()
            + self
                .parts
                .iter()
                .map(|p| match p {
                    ListBytes::Memory(b) => b.heap_bytes(),
                    ListBytes::File(_) => 0,
                })
                .sum::<usize>()
    }
}

/// The list bytes of merged postings in their temporary file, mapped.
struct MappedLists(memmap2::Mmap);

impl MappedLists {
    /// The first `len` bytes of `file` mapped (none when empty or the map
    /// fails).
    fn of(file: &std::fs::File, len: usize) -> Option<MappedLists> {
        if len == 0 {
            return None;
        }
        // SAFETY: the file is an unnamed temporary file (`temp_file`) that only
        // this process holds, written whole before it is mapped and never
        // written again: no other program can reach it to change or truncate
        // it, so no reference into the map sees its contents change.
        let map = unsafe { memmap2::MmapOptions::new().len(len).map(file) }.ok()?;
        Some(MappedLists(map))
    }
}

impl super::column::Backing for MappedLists {
    fn bytes(&self) -> &[u8] {
        &self.0
    }

    fn checked(&self, range: std::ops::Range<usize>) -> Option<&[u8]> {
        self.0.get(range)
    }
}

/// Postings on their way to a file: their head ([`PostingsOut::head`],
/// serialised as [`Postings`] with no list bytes), then their list bytes
/// ([`PostingsOut::write_lists`]), from memory or from the temporary file of
/// a [`MergedPostings`]. Read back with [`Postings::set_lists`].
pub struct PostingsOut<'a> {
    postings: &'a Postings,
    /// The list bytes, when not in `postings` (see [`MergedPostings`]).
    parts: &'a [ListBytes],
}

/// [`Postings`] as [`PostingsOut::head`] serialises it: the same fields in
/// the same order, the list bytes empty.
#[derive(Serialize)]
pub struct PostingsHead<'a> {
    n_docs: u32,
    keys: PodsRef<'a, u32>,
    starts: PodsRef<'a, u32>,
    lists: Bytes,
    heads: PodsRef<'a, u16>,
}

impl PostingsOut<'_> {
    /// Everything but the list bytes (serialised as a [`Postings`] without
    /// them).
    pub fn head(&self) -> PostingsHead<'_> {
        let p = self.postings;
        PostingsHead {
            n_docs: p.n_docs,
            keys: PodsRef(&p.keys),
            starts: PodsRef(&p.starts),
            lists: Bytes::default(),
            heads: PodsRef(&p.heads),
        }
    }

    /// Bytes of the lists.
    pub fn lists_len(&self) -> u64 {
        if self.parts.is_empty() {
            return self.postings.lists.len() as u64;
        }
        self.parts.iter().map(ListBytes::len).sum()
    }

    /// Write the list bytes to `out`.
    pub fn write_lists(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        fn all(b: &Bytes) -> std::io::Result<&[u8]> {
            b.get(0..b.len())
                .ok_or_else(|| std::io::Error::other("damaged posting lists"))
        }
        if self.parts.is_empty() {
            return out.write_all(all(&self.postings.lists)?);
        }
        let mut buf = vec![0u8; 1 << 20];
        for part in self.parts {
            let s = match part {
                ListBytes::Memory(b) => {
                    out.write_all(all(b)?)?;
                    continue;
                }
                ListBytes::File(s) => s,
            };
            let mut at = 0u64;
            while at < s.len {
                let n = (s.len - at).min(buf.len() as u64) as usize;
                let chunk = &mut buf[..n];
                crate::cache::pack::read_at(&s.file, chunk, at)?;
                out.write_all(chunk)?;
                at += n as u64;
            }
        }
        Ok(())
    }
}

impl SpilledSegments {
    fn write(&mut self, seg: &Segment) {
        use std::io::Write;
        if self.failed {
            return;
        }
        let mut sections = Vec::with_capacity(self.bounds.len().saturating_sub(1));
        let mut buf = Vec::new();
        for w in self.bounds.windows(2) {
            let k0 = seg.keys.partition_point(|&k| (k as u64) < w[0]);
            let k1 = seg.keys.partition_point(|&k| (k as u64) < w[1]).max(k0);
            let start = |k: usize| seg.starts.get(k).copied().unwrap_or(0);
            let (s0, s1) = (start(k0), start(k1).max(start(k0)));
            buf.clear();
            for &k in seg.keys.get(k0..k1).unwrap_or(&[]) {
                buf.extend_from_slice(&k.to_le_bytes());
            }
            for k in k0..=k1 {
                buf.extend_from_slice(&(start(k) - s0).to_le_bytes());
            }
            buf.extend_from_slice(seg.lists.get(s0 as usize..s1 as usize).unwrap_or(&[]));
            sections.push((self.len, (k1 - k0) as u32, s1 - s0));
            if self.file.write_all(&buf).is_err() {
                self.failed = true;
                return;
            }
            self.len += buf.len() as u64;
        }
        self.segments.push((seg.docs, sections));
        self.heads.extend_from_slice(&seg.heads);
    }

    /// Merge the spilled segments, their lists into `lists` as they are
    /// made when given (else into memory).
    fn merge(self, lists: Option<std::fs::File>) -> Option<MergedPostings> {
        use rayon::prelude::*;
        use std::io::Write;
        if self.failed {
            return None;
        }
        let file = self.file.into_inner().ok()?;
        let mut offsets = Vec::with_capacity(self.segments.len());
        let mut n = 0u32;
        for (docs, _) in &self.segments {
            offsets.push(n);
            n += docs;
        }
        let mut out = Postings {
            n_docs: n,
            ..Postings::default()
        };
        // A few sections at a time, appended as they are merged.
        let sections: Vec<usize> = (0..self.bounds.len().saturating_sub(1)).collect();
        let mut spilled = lists.map(|f| (std::io::BufWriter::with_capacity(1 << 20, f), 0u64));
        for batch in sections.chunks(2 * rayon::current_num_threads().max(1)) {
            let pieces: Vec<Option<Postings>> = batch
                .par_iter()
                .map(|&j| {
                    let segments = section(&file, &self.segments, j)?;
                    Some(merge_range(&segments, &offsets, n, 0, 1 << 32))
                })
                .collect();
            for p in pieces {
                let p = p?;
                match &mut spilled {
                    Some((w, len)) => {
                        out.append_keys(&p, u32::try_from(*len).ok()?);
                        w.write_all(p.lists.all()).ok()?;
                        *len += p.lists.len() as u64;
                    }
                    None => out.append(p),
                }
            }
        }
        out.heads = Pods::from(self.heads);
        let spilled = match spilled {
            Some((w, len)) => {
                u32::try_from(len).ok()?;
                Some(SpilledLists {
                    file: w.into_inner().ok()?,
                    len,
                })
            }
            None => None,
        };
        Some(MergedPostings {
            postings: out,
            parts: spilled.map(ListBytes::File).into_iter().collect(),
        })
    }
}

/// Section `j` of every spilled segment, read back as segments (without
/// their heads).
fn section(file: &std::fs::File, segments: &[SpilledSegment], j: usize) -> Option<Vec<Segment>> {
    let mut out = Vec::with_capacity(segments.len());
    for (docs, sections) in segments {
        let &(at, keys, lists) = sections.get(j)?;
        let (keys, lists) = (keys as usize, lists as usize);
        let mut buf = vec![0u8; 8 * keys + 4 + lists];
        crate::cache::pack::read_at(file, &mut buf, at).ok()?;
        let words = |from: usize, count: usize| -> Vec<u32> {
            buf.get(4 * from..4 * (from + count))
                .unwrap_or(&[])
                .chunks_exact(4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect()
        };
        out.push(Segment {
            docs: *docs,
            keys: words(0, keys),
            starts: words(keys, keys + 1),
            lists: Bytes::owned(buf.get(8 * keys + 4..).unwrap_or(&[]).to_vec()),
            heads: Vec::new(),
        });
    }
    Some(out)
}

fn merge_range(segments: &[Segment], offsets: &[u32], n_docs: u32, lo: u64, hi: u64) -> Postings {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut out = Postings {
        n_docs,
        ..Postings::default()
    };
    let mut cursors: Vec<usize> = segments
        .iter()
        .map(|s| s.keys.partition_point(|&k| (k as u64) < lo))
        .collect();
    let mut heap = BinaryHeap::new();
    for (s, seg) in segments.iter().enumerate() {
        if let Some(&k) = seg.keys.get(cursors[s])
            && (k as u64) < hi
        {
            heap.push(Reverse((k, s)));
        }
    }
    let mut docs: Vec<(u32, u8)> = Vec::new();
    while let Some(Reverse((key, _))) = heap.peek().copied() {
        docs.clear();
        // The segment on top moves on to its next key in place (one sift
        // down), rather than being popped and pushed again (two).
        while let Some(mut top) = heap.peek_mut() {
            let Reverse((k, s)) = *top;
            if k != key {
                break;
            }
            let seg = &segments[s];
            let off = offsets.get(s).copied().unwrap_or(0);
            for_each_counted(seg.list(cursors[s]), |d, c| docs.push((d + off, c)));
            cursors[s] += 1;
            match seg.keys.get(cursors[s]) {
                Some(&next) if (next as u64) < hi => *top = Reverse((next, s)),
                _ => {
                    std::collections::binary_heap::PeekMut::pop(top);
                }
            }
        }
        out.keys.to_mut().push(key);
        encode_list(&docs, out.lists.vec_mut());
        out.starts.to_mut().push(out.lists.len() as u32);
    }
    out
}

/// List codings (low bit of a list's first byte), and the flag saying that a
/// section of counts follows it.
const COUNTS: u8 = 2;

/// A stored list as (coding, its count section, its documents): `[coding |
/// COUNTS?] [varint length, counts]? documents`. The count section holds, for
/// the documents where the key occurs more than once, their position in the
/// list (varint, from the previous one's) and the count (a byte, capped at
/// 255); every other document has it once.
fn split_list(bytes: &[u8]) -> (u8, &[u8], &[u8]) {
    let Some((&first, rest)) = bytes.split_first() else {
        return (DELTAS, &[], &[]);
    };
    if first & COUNTS == 0 {
        return (first, &[], rest);
    }
    let mut len = 0u32;
    let mut used = 0;
    for (i, &b) in rest.iter().enumerate() {
        len |= ((b & 0x7F) as u32) << (7 * i as u32).min(31);
        used = i + 1;
        if b & 0x80 == 0 {
            break;
        }
    }
    let rest = rest.get(used..).unwrap_or(&[]);
    let (counts, docs) = rest.split_at(rest.len().min(len as usize));
    (first & !COUNTS, counts, docs)
}

fn decode_docs(coding: u8, docs: &[u8]) -> RoaringBitmap {
    match coding {
        ROARING => RoaringBitmap::deserialize_from(docs).unwrap_or_default(),
        _ => {
            let mut out = Vec::new();
            for_each_delta(docs, |d| out.push(d));
            RoaringBitmap::from_sorted_iter(out).unwrap_or_default()
        }
    }
}

/// Each (position in the list, count) of a count section, in its order.
fn counts_of(bytes: &[u8]) -> impl Iterator<Item = (usize, u8)> + '_ {
    let (mut pos, mut first) = (0usize, true);
    let mut it = bytes.iter();
    std::iter::from_fn(move || {
        let (mut cur, mut shift) = (0u32, 0u32);
        loop {
            let &b = it.next()?;
            cur |= ((b & 0x7F) as u32) << shift.min(31);
            if b & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        pos = if first {
            cur as usize
        } else {
            pos + cur as usize
        };
        first = false;
        Some((pos, it.next().copied().unwrap_or(1)))
    })
}

/// Append ascending `docs`, each with how often its key occurs there, the
/// documents in the smaller of the two codings.
fn encode_list(docs: &[(u32, u8)], out: &mut Vec<u8>) {
    let at = out.len();
    let mut counts = Vec::new();
    let mut last = None;
    for (pos, &(_, c)) in docs.iter().enumerate() {
        if c > 1 {
            push_varint(&mut counts, (pos - last.unwrap_or(0)) as u32);
            counts.push(c);
            last = Some(pos);
        }
    }
    let flag = if counts.is_empty() { 0 } else { COUNTS };
    out.push(DELTAS | flag);
    if !counts.is_empty() {
        push_varint(out, counts.len() as u32);
        out.extend_from_slice(&counts);
    }
    let docs_at = out.len();
    let mut prev = 0;
    for (i, &(d, _)) in docs.iter().enumerate() {
        push_varint(out, if i == 0 { d } else { d - prev });
        prev = d;
    }
    let delta_len = out.len() - docs_at;
    if docs.len() >= 64
        && roaring_at_least(docs) < delta_len
        && let Ok(bitmap) = RoaringBitmap::from_sorted_iter(docs.iter().map(|&(d, _)| d))
        && bitmap.serialized_size() < delta_len
    {
        let mut bytes = Vec::with_capacity(bitmap.serialized_size());
        if bitmap.serialize_into(&mut bytes).is_ok() {
            out.truncate(docs_at);
            out.extend_from_slice(&bytes);
            if let Some(b) = out.get_mut(at) {
                *b = ROARING | flag;
            }
        }
    }
}

/// Fewer bytes than a roaring bitmap of the (ascending) `docs` serialises to, or as
/// many: each container of 2^16 documents holds them in an array of two bytes each
/// or, past 4,096, in a bitmap of 8 KiB (headers not counted). A list its deltas
/// code in no more is never made a bitmap to be measured.
fn roaring_at_least(docs: &[(u32, u8)]) -> usize {
    let mut bytes = 0;
    for run in docs.chunk_by(|a, b| a.0 >> 16 == b.0 >> 16) {
        bytes += (2 * run.len()).min(8192);
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bound is one: no list of documents serialises as a roaring bitmap in
    /// fewer bytes.
    #[test]
    fn roaring_bitmaps_take_at_least_the_bound() {
        for (n, step) in [
            (1u32, 1u32),
            (64, 1),
            (64, 300),
            (5000, 1),
            (5000, 13),
            (70_000, 2),
            (9000, 7),
        ] {
            let docs: Vec<(u32, u8)> = (0..n).map(|i| (i * step, 1)).collect();
            let bitmap = RoaringBitmap::from_sorted_iter(docs.iter().map(|&(d, _)| d)).unwrap();
            assert!(
                roaring_at_least(&docs) <= bitmap.serialized_size(),
                "{n} docs, step {step}"
            );
        }
    }

    fn postings(bodies: &[&str], split: usize) -> Postings {
        let segments: Vec<Segment> = bodies
            .chunks(split.max(1))
            .map(|c| Segment::build(c.iter().map(|b| b.split('\n'))))
            .collect();
        Postings::merge(&segments)
    }

    /// Segments past the memory budget go to a temporary file and merge to
    /// the postings they make in memory; the file leaves nothing behind.
    #[test]
    fn spilled_segments_merge_to_the_same_postings() {
        let verbs = ["推进", "落实", "加强", "ＧＤＰ"];
        let bodies: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "{}社区治理第{i}号\n垃圾分类gdp{}，{}",
                    verbs[i % 4],
                    i % 7,
                    i * 31 % 97
                )
            })
            .collect();
        let segments: Vec<Segment> = bodies
            .chunks(7)
            .map(|c| Segment::build(c.iter().map(|b| b.split('\n'))))
            .collect();
        let whole = Postings::merge(&segments);
        assert!(whole.len() > 100);
        let dir = tempfile::tempdir().unwrap();
        for budget in [0, 3000] {
            let mut spilled = Segments::with_budget(budget, Some(dir.path().to_path_buf()));
            for s in &segments {
                spilled.push(s.clone());
            }
            assert!(spilled.spilled(), "budget {budget}");
            assert_eq!(spilled.merge().as_ref(), Some(&whole), "budget {budget}");
        }
        // Merged with the lists into a file as they are made: the same
        // postings, and written out as the lists in memory are.
        let mut spilled = Segments::with_budget(0, Some(dir.path().to_path_buf()));
        for s in &segments {
            spilled.push(s.clone());
        }
        let merged = spilled.merge_streamed().unwrap();
        assert!(merged.lists_in_file(), "the lists went to a file");
        assert!(merged.postings.lists.is_empty(), "and not to memory");
        let written = |out: PostingsOut| {
            let mut bytes = postcard::to_stdvec(&out.head()).unwrap();
            assert_eq!(out.lists_len() as usize, whole.lists.len());
            out.write_lists(&mut bytes).unwrap();
            bytes
        };
        assert_eq!(written(merged.out()), written(whole.out()));
        let mut read: Postings = postcard::from_bytes(&written(merged.out())).unwrap();
        read.set_lists(Bytes::owned(whole.lists.all().to_vec()));
        assert_eq!(
            read, whole,
            "the head reads back as the postings without lists"
        );
        assert_eq!(merged.into_postings().as_ref(), Some(&whole));
        let mut kept = Segments::with_budget(usize::MAX, Some(dir.path().to_path_buf()));
        for s in &segments {
            kept.push(s.clone());
        }
        assert!(!kept.spilled());
        assert_eq!(kept.merge(), Some(whole));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    /// Segments of one kind of keys.
    fn segments_of(bodies: &[String], split: usize, grams: Grams) -> Vec<Segment> {
        bodies
            .chunks(split.max(1))
            .map(|c| {
                let mut b = SegmentBuilder::of(grams);
                for body in c {
                    b.add(body.split('\n'));
                }
                b.finish()
            })
            .collect()
    }

    /// Merged as a build does, in memory or through temporary files.
    fn merged(segments: Vec<Segment>, budget: usize, dir: &std::path::Path) -> MergedPostings {
        let mut kept = Segments::with_budget(budget, Some(dir.to_path_buf()));
        for s in segments {
            kept.push(s);
        }
        kept.merge_streamed().unwrap()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// The postings made without the pinyin four-grams, followed by the
        /// four-grams made apart, are those made at once (the same keys and
        /// lists, written out the same), wherever each part's lists wait; and
        /// without the four-grams, pinyin in bodies is bounded by nothing
        /// rather than by missing keys.
        #[test]
        fn fourgrams_made_apart_give_the_same_postings(
            bodies in proptest::collection::vec("[社区是去在里理治事长行重基层，a\n]{0,30}", 1..40),
            split in 1usize..9,
            budgets in (0usize..3, 0usize..3),
        ) {
            let budget = |b: usize| [0, 2000, usize::MAX][b];
            let whole = Postings::merge(&segments_of(&bodies, split, Grams::All));
            let dir = tempfile::tempdir().unwrap();
            let mut rest = merged(segments_of(&bodies, split, Grams::NoFourgrams), budget(budgets.0), dir.path());
            let searchable = rest.to_searchable().unwrap().lacking_fourgrams();
            proptest::prop_assert!(searchable.without_fourgrams());
            proptest::prop_assert!(searchable.is_consistent());
            let mut glyphs = crate::search::pinyin::Glyphs::new();
            for c in "社区是去在里理治事长行重基层".chars() {
                glyphs.glyph(c);
            }
            let pq = crate::search::pinyin::PinyinQuery::new(&glyphs, "sqzl").unwrap();
            proptest::prop_assert!(whole.long_spelling_docs(&pq).is_some());
            proptest::prop_assert!(searchable.long_spelling_docs(&pq).is_none());
            for t in ["社区", "治", "a", "基层"] {
                proptest::prop_assert_eq!(searchable.phrase_candidates(t), whole.phrase_candidates(t));
            }
            let fourgrams = merged(segments_of(&bodies, split, Grams::FourgramsOnly), budget(budgets.1), dir.path());
            let mut both = fourgrams.followed_by(rest);
            let written = |out: PostingsOut| {
                let mut bytes = postcard::to_stdvec(&out.head()).unwrap();
                out.write_lists(&mut bytes).unwrap();
                (out.lists_len(), bytes)
            };
            proptest::prop_assert_eq!(written(both.out()), written(whole.out()));
            let made = both.to_searchable().unwrap();
            proptest::prop_assert_eq!(&made, &whole);
            let read = both.into_postings();
            proptest::prop_assert_eq!(read.as_ref(), Some(&whole));
        }
    }

    #[test]
    fn phrases_find_the_bodies_holding_their_bigrams() {
        let bodies = ["推进社区治理", "社区，治理", "ＧＤＰ增长", "gdp", "", "治"];
        for split in [1, 2, 100] {
            let p = postings(&bodies, split);
            assert!(p.is_consistent());
            let docs = |t: &str| {
                p.phrase_candidates(t)
                    .map(|s| s.iter().collect::<Vec<u32>>())
            };
            assert_eq!(docs("社区治理"), Some(vec![0]), "split {split}");
            assert_eq!(docs("社区"), Some(vec![0, 1]));
            assert_eq!(docs("gdp"), Some(vec![2, 3]), "full-width folds");
            assert_eq!(docs("治"), Some(vec![0, 1, 5]));
            assert_eq!(
                docs("区，治"),
                Some(vec![0, 1]),
                "a superset, verified later"
            );
            assert_eq!(docs("龘"), Some(vec![]));
            assert_eq!(docs("，"), None, "no letter: look at every body");
            assert_eq!(
                p.chars_candidates(&['理', '社'])
                    .map(|s| s.iter().collect::<Vec<u32>>()),
                Some(vec![0, 1])
            );
        }
    }

    #[test]
    fn pinyin_trigrams_bound_the_spellings_by_three_characters_or_more() {
        use crate::search::pinyin::{Glyphs, PinyinQuery};
        let bodies = [
            "推进社区治理",
            "社，区治理",
            "社区\n治理",
            "sqz 长江",
            "是去在里",
            "",
        ];
        let p = postings(&bodies, 2);
        let mut glyphs = Glyphs::new();
        for b in &bodies {
            for c in b.chars() {
                glyphs.glyph(c);
            }
        }
        let docs = |q: &str| -> Option<Vec<u32>> {
            let pq = PinyinQuery::new(&glyphs, q).unwrap();
            p.long_spelling_docs(&pq).map(|s| s.iter().collect())
        };
        assert_eq!(docs("sqz"), Some(vec![0, 3, 4]), "Latin letters spell too");
        assert_eq!(docs("qzl"), Some(vec![0, 1, 4]), "not across a paragraph");
        assert_eq!(docs("sqzl"), Some(vec![0, 4]));
        // Whole readings (she qu zhi li) and others (sh e qu ...): 是去在里
        // holds s q z l too, and is read to tell.
        assert_eq!(docs("shequzhili"), Some(vec![0, 4]));
        // 长江 is two characters: no trigram holds it.
        assert_eq!(docs("zzj"), Some(vec![]));
        assert_eq!(docs("zcj"), Some(vec![]));
        assert_eq!(docs("zcjx"), Some(vec![]));
        assert_eq!(
            docs("cj"),
            Some(vec![]),
            "two pieces: no trigram bounds them"
        );
        // 长 reads chang and zhang: the trigrams of both readings are there.
        let p = postings(&["长江长江"], 1);
        let docs = |q: &str| -> Vec<u32> {
            let pq = PinyinQuery::new(&glyphs, q).unwrap();
            p.long_spelling_docs(&pq).unwrap().iter().collect()
        };
        assert_eq!(docs("cjz"), vec![0]);
        assert_eq!(docs("zjc"), vec![0]);
        assert_eq!(docs("jcj"), vec![0]);
        assert_eq!(docs("jjc"), Vec::<u32>::new());
    }

    #[test]
    fn four_letters_of_initials_are_settled_by_their_four_gram() {
        use crate::search::pinyin::{Glyphs, PinyinQuery};
        let bodies = [
            "推进社区治理",
            "社区，治理",
            "是去在里",
            "社区治",
            "社区治社区理",
        ];
        let p = postings(&bodies, 2);
        let mut glyphs = Glyphs::new();
        let table: Vec<u16> = (0..0x1_0000u32)
            .map(|c| char::from_u32(c).map_or(0, |c| glyphs.glyph(c)))
            .collect();
        let glyph = |c: u16| table.get(c as usize).copied().unwrap_or(0);
        let pq = PinyinQuery::new(&glyphs, "sqzl").unwrap();
        assert_eq!(
            p.long_spellings(&pq)
                .map(|(d, exact)| (d.iter().collect(), exact)),
            Some((vec![0, 2], true)),
            "no cut of sqzl into three pieces: its four-gram is the spelling"
        );
        let found = p.pinyin_spellings(&pq, &glyph, i32::MAX);
        let certain = 4 * step_score(1, false) as i16;
        assert_eq!(
            found.short,
            vec![certain, NO_SPELLING, certain, NO_SPELLING, NO_SPELLING]
        );
        assert_eq!(found.long, vec![NO_SPELLING; 5], "nothing left to read");
        // A cut into three pieces (she qu zl): a bound only.
        let pq = PinyinQuery::new(&glyphs, "shequzl").unwrap();
        assert_eq!(p.long_spellings(&pq).map(|(_, exact)| exact), Some(false));
    }

    #[test]
    fn splicing_an_issue_equals_building_afresh() {
        let old = ["社区治理", "ＧＤＰ", "治理", "社区", "环境", "5G"];
        let new = ["治理环境", "gdp 2024", ""];
        let fresh_bodies = [
            "社区治理",
            "ＧＤＰ",
            "治理环境",
            "gdp 2024",
            "",
            "环境",
            "5G",
        ];
        let p = postings(&old, 2);
        let seg = Segment::build(new.iter().map(|b| b.split('\n')));
        let spliced = p.splice(2, 4, &seg);
        assert!(spliced.is_consistent());
        assert_eq!(spliced, postings(&fresh_bodies, 3));
        // Nothing new: the issue's documents go.
        let gone = p.splice(0, 6, &Segment::default());
        assert_eq!(gone, postings(&[], 1));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Every body that spells a pinyin query with characters side by side
        /// (the reference matcher) is a candidate.
        #[test]
        fn pinyin_candidates_hold_every_body_that_spells_the_query(
            bodies in proptest::collection::vec("[社区是去在里理治事长行重，a]{0,12}", 1..8),
            query in "[sqzlhcxy]{3,5}|shequ|zhili|changxing",
        ) {
            use crate::search::pinyin::{self, Glyphs, PinyinQuery};
            let refs: Vec<&str> = bodies.iter().map(String::as_str).collect();
            let p = postings(&refs, 3);
            let mut glyphs = Glyphs::new();
            let table: Vec<u16> = (0..0x1_0000u32)
                .map(|c| char::from_u32(c).map_or(0, |c| glyphs.glyph(c)))
                .collect();
            let glyph = |c: u16| table.get(c as usize).copied().unwrap_or(0);
            let Some(pq) = PinyinQuery::new(&glyphs, &query) else {
                return Ok(());
            };
            let found = p.pinyin_candidates(&pq, &glyph);
            for (d, body) in bodies.iter().enumerate() {
                let chars: Vec<char> = body.chars().collect();
                let spelled = pinyin::match_title(&chars, &query).is_some_and(|(_, pos)| {
                    pos.iter().all(|&k| chars.get(k).is_some_and(|&c| crate::text::is_han(c)))
                });
                if spelled {
                    proptest::prop_assert!(found.contains(d as u32), "{query} in {body:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// For a query no one or two characters can spell, the four-grams'
        /// bound of each body is at least the best score of its spellings
        /// (but one at its very start, which scores a bonus more), and a
        /// body they give no bound cannot spell it.
        #[test]
        fn fourgram_bounds_hold_every_spelling_of_the_body(
            bodies in proptest::collection::vec("[社区是去在里理治事长行重基层曾测嗯额，a]{0,14}", 1..8),
            query in "[sqzlhcxyjge]{3,6}|jicengz|jicengzh|shequzl|zhilish|changxing",
        ) {
            use crate::search::pinyin::{Glyphs, PinyinQuery};
            let refs: Vec<&str> = bodies.iter().map(String::as_str).collect();
            let p = postings(&refs, 3);
            let mut glyphs = Glyphs::new();
            let table: Vec<u16> = (0..0x1_0000u32)
                .map(|c| char::from_u32(c).map_or(0, |c| glyphs.glyph(c)))
                .collect();
            let Some(pq) = PinyinQuery::new(&glyphs, &query) else {
                return Ok(());
            };
            let Some(found) = p.fourgram_spellings(&pq, i32::MAX) else {
                proptest::prop_assert!(pq.cuts_in_two() || p.long_spelling_docs(&pq).is_none());
                return Ok(());
            };
            proptest::prop_assert!(!pq.cuts_in_two());
            for (d, body) in bodies.iter().enumerate() {
                // After a comma no spelling is at the text's start.
                let text: Vec<u16> = std::iter::once('，')
                    .chain(body.chars())
                    .map(|c| table.get(c as usize).copied().unwrap_or(0))
                    .collect();
                proptest::prop_assert_eq!(found.short[d], NO_SPELLING);
                let best = pq.score(&text, false);
                if let Some(best) = best {
                    proptest::prop_assert!(
                        i64::from(found.long[d]) >= best,
                        "{} in {:?}: bound {} below {}", query, body, found.long[d], best
                    );
                }
                if found.long[d] == NO_SPELLING {
                    proptest::prop_assert!(best.is_none());
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Where the postings give a term's counts, they are what searching the
        /// folded body for it side by side counts (a body's score), and no
        /// count is given for a term they cannot count exactly.
        #[test]
        fn phrase_counts_are_what_the_text_holds(
            bodies in proptest::collection::vec("[社区社區治，a A１1]{0,40}", 1..12),
            term in "[社区治a1，]{1,3}",
            split in 1usize..5,
        ) {
            let refs: Vec<&str> = bodies.iter().map(String::as_str).collect();
            let p = postings(&refs, split);
            let term = crate::search::fold::fold(&term);
            let chars: Vec<char> = term.chars().collect();
            let countable = matches!(chars.as_slice(), [a] | [a, _] if a.is_alphanumeric())
                && chars.iter().all(|c| c.is_alphanumeric())
                && !(chars.len() == 2 && chars[0] == chars[1]);
            match p.phrase_counts(&term) {
                None => proptest::prop_assert!(!countable, "{term:?} not counted"),
                Some(counts) => {
                    proptest::prop_assert!(countable, "{term:?} counted");
                    for (d, body) in bodies.iter().enumerate() {
                        let folded = crate::search::fold::fold(body);
                        let n = folded.matches(term.as_str()).count().min(255);
                        proptest::prop_assert_eq!(counts[d] as usize, n, "{:?} in {:?}", term, body);
                    }
                }
            }
        }
    }

    /// The keys of `bodies`.
    fn keys_of(bodies: &[&str]) -> Vec<u32> {
        Segment::build(bodies.iter().map(|b| b.split('\n'))).keys_vec()
    }

    #[test]
    fn issues_replaced_read_as_postings_built_afresh() {
        // Issues: 0 = docs 0-1, 1 = docs 2-3, 2 = docs 4-5.
        let old = ["社区治理", "ＧＤＰ", "治理", "社区", "环境", "5G"];
        let p = postings(&old, 2);
        let new = ["治理环境", "gdp 2024", ""];
        let seg = Segment::build(new.iter().map(|b| b.split('\n')));
        let patched = p.with_issue_replaced(
            1,
            2..4,
            &keys_of(&old[2..4]),
            Postings::merge(std::slice::from_ref(&seg)),
        );
        assert!(patched.is_consistent() && patched.is_patched());
        let fresh = postings(
            &[
                "社区治理",
                "ＧＤＰ",
                "治理环境",
                "gdp 2024",
                "",
                "环境",
                "5G",
            ],
            3,
        );
        assert_eq!(patched, fresh);
        assert_eq!(patched, p.splice(2, 4, &seg));
        assert_eq!(patched.merged(), fresh);
        assert!(!patched.merged().is_patched());
        // Then issue 0 emptied, and issue 1 replaced again: runs before and
        // at an issue replaced already.
        let gone = patched.with_issue_replaced(
            0,
            0..2,
            &keys_of(&old[0..2]),
            Postings::merge(&[Segment::default()]),
        );
        assert_eq!(
            gone,
            postings(&["治理环境", "gdp 2024", "", "环境", "5G"], 3)
        );
        let again = gone.with_issue_replaced(
            1,
            0..3,
            &keys_of(&new),
            Postings::merge(&[Segment::build([vec!["社区"]])]),
        );
        assert_eq!(again, postings(&["社区", "环境", "5G"], 3));
        assert_eq!(again.phrase_candidates("治理").map(|d| d.len()), Some(0));
        assert_eq!(again.phrase_candidates("社区").map(|d| d.len()), Some(1));
        assert_eq!(again.len(), postings(&["社区", "环境", "5G"], 3).len());
    }

    #[test]
    fn counts_survive_merging_splicing_and_both_codings() {
        // 70 bodies holding 的 k % 4 times: a list long enough for a bitmap.
        let bodies: Vec<String> = (0..70).map(|k| "的社".repeat(k % 4)).collect();
        let refs: Vec<&str> = bodies.iter().map(String::as_str).collect();
        let p = postings(&refs, 9);
        let counts = p.phrase_counts("的").unwrap();
        assert_eq!(counts, (0..70).map(|k| (k % 4) as u8).collect::<Vec<u8>>());
        let seg = Segment::build([vec!["的的的的的"], vec![""]]);
        let spliced = p.splice(1, 3, &seg);
        let patched = p.with_issue_replaced(
            0,
            1..3,
            &keys_of(&refs[1..3]),
            Postings::merge(std::slice::from_ref(&seg)),
        );
        assert_eq!(patched.phrase_counts("的"), spliced.phrase_counts("的"));
        assert_eq!(patched, spliced);
        let mut expected: Vec<u8> = (0..70).map(|k| (k % 4) as u8).collect();
        expected.splice(1..3, [5, 0]);
        assert_eq!(spliced.phrase_counts("的").unwrap(), expected);
        assert_eq!(spliced.phrase_counts("的社").unwrap(), {
            let mut e: Vec<u8> = (0..70).map(|k| (k % 4) as u8).collect();
            e.splice(1..3, [0, 0]);
            e
        });
    }

    /// Every key of a segment lists the documents holding it, ascending, each
    /// with how often it occurs there (255 at most; a pinyin four-gram once),
    /// as counted by reading each body character by character.
    fn segment_of_bodies_lists_every_key_with_its_counts(bodies: &[Vec<String>]) {
        use std::collections::BTreeMap;
        let mut expected: BTreeMap<u32, BTreeMap<u32, u32>> = BTreeMap::new();
        for (doc, paragraphs) in bodies.iter().enumerate() {
            let doc = doc as u32;
            let mut fourgrams = std::collections::BTreeSet::new();
            for p in paragraphs {
                let codes: Vec<Option<u16>> = p.chars().map(gram_code).collect();
                for (i, &code) in codes.iter().enumerate() {
                    let Some(code) = code else { continue };
                    let code = code as u32;
                    *expected
                        .entry(code << 16)
                        .or_default()
                        .entry(doc)
                        .or_default() += 1;
                    if let Some(Some(a)) = i.checked_sub(1).map(|j| codes[j]) {
                        let key = (a as u32) << 16 | code;
                        *expected.entry(key).or_default().entry(doc).or_default() += 1;
                    }
                    // Four characters that spell side by side, or three
                    // that end their run: their four-grams.
                    let spells =
                        |k: usize| codes.get(k).copied().flatten().map_or(0, initials_of_code);
                    let run_ends = spells(i + 1) == 0;
                    let fourth = [
                        (i >= 3).then(|| (i - 3, spells(i))),
                        (i >= 2 && run_ends).then(|| (i - 2, 1 << END)),
                    ];
                    for (from, d) in fourth.into_iter().flatten() {
                        let m = [spells(from), spells(from + 1), spells(from + 2), d];
                        for x in 0..26u8 {
                            for y in 0..26u8 {
                                for z in 0..26u8 {
                                    for w in 0..=END {
                                        if m[0] >> x & 1 == 1
                                            && m[1] >> y & 1 == 1
                                            && m[2] >> z & 1 == 1
                                            && m[3] >> w & 1 == 1
                                        {
                                            fourgrams.insert(fourgram_key(x, y, z, w));
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for key in fourgrams {
                expected.entry(key).or_default().insert(doc, 1);
            }
        }
        let seg = Segment::build(bodies.iter().map(|b| b.iter().map(String::as_str)));
        assert_eq!(seg.docs(), bodies.len() as u32);
        let mut got: BTreeMap<u32, BTreeMap<u32, u32>> = BTreeMap::new();
        assert!(seg.keys.windows(2).all(|w| w[0] < w[1]), "keys ascend");
        for (k, &key) in seg.keys.iter().enumerate() {
            let mut docs = Vec::new();
            for_each_counted(seg.list(k), |d, c| docs.push((d, c as u32)));
            assert!(docs.windows(2).all(|w| w[0].0 < w[1].0), "documents ascend");
            got.insert(key, docs.into_iter().collect());
        }
        for counts in expected.values_mut() {
            for c in counts.values_mut() {
                *c = (*c).min(255);
            }
        }
        assert_eq!(got, expected);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        #[test]
        fn segments_list_every_key_of_their_bodies(
            bodies in proptest::collection::vec(
                proptest::collection::vec("[社区是去在里理治事长行重的，aA１𠀀 ]{0,40}", 0..4),
                0..12,
            ),
        ) {
            segment_of_bodies_lists_every_key_with_its_counts(&bodies);
        }
    }

    #[test]
    fn counts_past_255_stop_there() {
        let body = vec!["的".repeat(300) + "社区", "社区".repeat(2)];
        segment_of_bodies_lists_every_key_with_its_counts(&[body, vec![], vec!["的".into()]]);
    }

    #[test]
    fn radix_sort_orders_by_key_keeping_documents_in_order() {
        let mut pairs: Vec<u64> = Vec::new();
        let mut seed = 7u64;
        for doc in 0..2000u64 {
            for _ in 0..5 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                pairs.push(((seed >> 20) & 0xFFFF_FFFF) << 32 | doc);
            }
        }
        // Keys of every byte, and keys whose upper bytes all share (pinyin
        // trigrams: their passes are skipped).
        for mask in [0x0F0F_F0FFu64, 0x0000_70FF] {
            let mut pairs: Vec<u64> = pairs
                .iter()
                .map(|p| (p >> 32 & mask) << 32 | (p & 0xFFFF_FFFF))
                .collect();
            let mut sorted = pairs.clone();
            sorted.sort_by_key(|p| (p >> 32, p & 0xFFFF_FFFF));
            radix_sort_by_key(&mut pairs);
            assert_eq!(pairs, sorted, "mask {mask:x}");
        }
    }

    /// The census counts each kind's keys, the documents of their lists
    /// and their bytes.
    #[test]
    fn census_counts_keys_entries_and_bytes_by_kind() {
        let p = Postings::merge(&[Segment::build([vec!["我们"], vec!["我们的"]])]);
        let census = p.census();
        let counts: Vec<(&str, usize, usize)> =
            census.iter().map(|c| (c.kind, c.keys, c.entries)).collect();
        assert_eq!(
            counts,
            [
                ("unigrams", 3, 5),
                ("bigrams", 2, 3),
                ("pinyin four-grams", 1, 1)
            ]
        );
        let bytes: usize = census.iter().map(|c| c.bytes).sum();
        assert_eq!(bytes, p.lists.len());
    }

    #[test]
    fn frequent_keys_take_the_smaller_coding_and_read_back_the_same() {
        let n = 70_000u32;
        let bodies: Vec<String> = (0..n)
            .map(|d| {
                if d % 3 == 0 {
                    "的社区".into()
                } else {
                    "的".into()
                }
            })
            .collect();
        let refs: Vec<&str> = bodies.iter().map(String::as_str).collect();
        let p = postings(&refs, 7000);
        let all: Vec<u32> = p.phrase_candidates("的").unwrap().iter().collect();
        assert_eq!(all, (0..n).collect::<Vec<u32>>());
        let some: Vec<u32> = p.phrase_candidates("社区").unwrap().iter().collect();
        assert_eq!(some, (0..n).step_by(3).collect::<Vec<u32>>());
        // Deltas take a byte a document: 163k bytes for the five keys; bitmaps
        // (a bit a document where most have the key) 61k.
        let bytes: usize = (0..p.keys.len())
            .filter(|&k| p.keys[k] >= PINYIN_END)
            .map(|k| p.list_bytes(k).len())
            .sum();
        assert!(bytes < 80_000, "{bytes} bytes");
        // Each four-gram (d s q at the end of a run, and the other readings of
        // 的 and 区), in a third of the documents, too: deltas would take 23k
        // bytes, a bitmap about 11k.
        let trigrams: Vec<usize> = (0..p.keys.len())
            .filter(|&k| p.keys[k] < PINYIN_END)
            .map(|k| p.list_bytes(k).len())
            .collect();
        assert!(!trigrams.is_empty());
        assert!(trigrams.iter().all(|&b| b < 16_000), "{trigrams:?} bytes");
    }

    #[test]
    fn pinyin_expands_to_the_bigrams_that_spell_it() {
        use crate::search::pinyin::{Glyphs, PinyinQuery};
        let bodies = [
            "推进社区治理",
            "社区服务",
            "治理",
            "社会的区域在治的理",
            "是去在里",
            "山",
        ];
        let p = postings(&bodies, 2);
        let mut glyphs = Glyphs::new();
        let table: Vec<u16> = (0..0x1_0000u32)
            .map(|c| char::from_u32(c).map_or(0, |c| glyphs.glyph(c)))
            .collect();
        let glyph = |c: u16| table.get(c as usize).copied().unwrap_or(0);
        let docs = |q: &str| -> Vec<u32> {
            let pq = PinyinQuery::new(&glyphs, q).unwrap();
            p.pinyin_candidates(&pq, &glyph).iter().collect()
        };
        // Candidates hold every body that spells it (4 is a superset: 是去在里).
        assert!(docs("sqzl").starts_with(&[0]));
        assert!(!docs("sqzl").contains(&2) && !docs("sqzl").contains(&1));
        assert_eq!(docs("shequ"), vec![0, 1]);
        assert_eq!(docs("zhili"), vec![0, 2]);
        assert_eq!(docs("sha"), vec![5], "one character spells it all");
        assert!(docs("sqfw").contains(&1));
        // 社区 and 去在理 spell every piece of sqzl, but no chain of bigrams
        // sharing their characters does.
        let p = postings(&["社区和去在理", "社区，在理"], 1);
        let pq = PinyinQuery::new(&glyphs, "sqzl").unwrap();
        let found: Vec<u32> = p.pinyin_candidates(&pq, &glyph).iter().collect();
        assert_eq!(found, Vec::<u32>::new());
        let p = postings(&["今天去在理发"], 1);
        let found: Vec<u32> = p.pinyin_candidates(&pq, &glyph).iter().collect();
        assert_eq!(found, Vec::<u32>::new(), "q z l alone is not sqzl");
        let p = postings(&["事去在理"], 1);
        let found: Vec<u32> = p.pinyin_candidates(&pq, &glyph).iter().collect();
        assert_eq!(found, vec![0]);
    }
}

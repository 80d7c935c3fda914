//! The word index of article bodies: every jieba word (folded) and the articles
//! whose body contains it. A query term finds the words that contain it (one pass
//! of memmem over the vocabulary), then reads only their posting lists.

use super::column::{Bytes, TextColumn, for_each_delta, push_varint};
use super::fold::fold;
use super::pinyin::{GlyphTexts, PinyinQuery};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

/// Words to document lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordIndex {
    /// Every word, each followed by `\n` (so a memmem hit maps to one word).
    words: TextColumn,
    /// Delta-coded ascending document numbers, word after word.
    postings: Bytes,
    /// `posting_starts[w]..posting_starts[w + 1]` is word `w`'s list.
    posting_starts: Vec<u32>,
    /// Words in so many bodies that their list is a bitset of every document
    /// (`n_docs` bits, byte `k` bit `b` for document `8k + b`) rather than deltas:
    /// one byte per word, 1 for a bitset.
    dense: Bytes,
    n_docs: u32,
}

/// Which documents a term touches: as part of a word, and as a whole word.
#[derive(Debug, Clone, Default)]
pub struct BodyHits {
    pub any: Bitset,
    pub whole: Bitset,
}

/// A set of document numbers.
#[derive(Debug, Clone, Default)]
pub struct Bitset(Vec<u64>);

impl Bitset {
    pub fn new(n: usize) -> Bitset {
        Bitset(vec![0; n.div_ceil(64)])
    }
    pub fn full(n: usize) -> Bitset {
        let mut words = vec![u64::MAX; n.div_ceil(64)];
        if let Some(last) = words.last_mut()
            && !n.is_multiple_of(64)
        {
            *last = (1u64 << (n % 64)) - 1;
        }
        Bitset(words)
    }
    pub fn insert(&mut self, i: u32) {
        if let Some(w) = self.0.get_mut(i as usize / 64) {
            *w |= 1 << (i % 64);
        }
    }
    pub fn contains(&self, i: u32) -> bool {
        self.0
            .get(i as usize / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    pub fn union(&mut self, other: &Bitset) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
    /// The members, ascending.
    pub fn to_vec(&self) -> Vec<u32> {
        let mut out = Vec::new();
        for (k, &w) in self.0.iter().enumerate() {
            let mut w = w;
            while w != 0 {
                let bit = w.trailing_zeros();
                out.push(k as u32 * 64 + bit);
                w &= w - 1;
            }
        }
        out
    }
    /// Add the documents of a little-endian bitset of bytes (bit `b` of byte `k`:
    /// document `8k + b`).
    pub fn union_bytes(&mut self, bytes: &[u8]) {
        for (word, chunk) in self.0.iter_mut().zip(bytes.chunks(8)) {
            let mut le = [0u8; 8];
            for (d, s) in le.iter_mut().zip(chunk) {
                *d = *s;
            }
            *word |= u64::from_le_bytes(le);
        }
    }

    pub fn intersect(&mut self, other: &Bitset) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
}

/// The vocabulary words a pinyin query spells, by where in the query they
/// start and end (see [`WordIndex::pinyin_hits`]).
struct WordMatches {
    m: usize,
    /// `ends[j]`: words in which the query, from position j, ends.
    ends: Vec<Vec<u32>>,
    /// `spans[j * (m + 1) + k]`: words spelled whole by `q[j..k]` (k < m).
    spans: Vec<Vec<u32>>,
    /// Words the whole query spells exactly.
    whole: Vec<u32>,
}

impl WordMatches {
    fn new(m: usize) -> WordMatches {
        WordMatches {
            m,
            ends: vec![Vec::new(); m],
            spans: vec![Vec::new(); m * (m + 1)],
            whole: Vec::new(),
        }
    }

    /// Record what word `w` (its glyphs) spells.
    fn scan(&mut self, pq: &PinyinQuery, glyphs: &[u16], w: u32) {
        let m = self.m;
        if glyphs.is_empty() {
            return;
        }
        let chains = glyphs.len() >= 2;
        for j in 0..if chains { m } else { 1 } {
            let (at, ended) = pq.reach(glyphs, j);
            if ended {
                if let Some(e) = self.ends.get_mut(j) {
                    e.push(w);
                }
                if j == 0 && at & (1 << m) != 0 {
                    self.whole.push(w);
                }
            }
            if !chains {
                continue;
            }
            let mut inner = at & ((1u64 << m) - 1) & !((1u64 << (j + 1)) - 1);
            while inner != 0 {
                let k = inner.trailing_zeros() as usize;
                inner &= inner - 1;
                if let Some(list) = self.spans.get_mut(j * (m + 1) + k) {
                    list.push(w);
                }
            }
        }
        // The query may also start inside a word (and end in it).
        if self.ends.first().is_none_or(|e| e.last() != Some(&w)) {
            for t in 1..glyphs.len() {
                if pq.reach(glyphs.get(t..).unwrap_or(&[]), 0).1 {
                    if let Some(e) = self.ends.first_mut() {
                        e.push(w);
                    }
                    break;
                }
            }
        }
    }

    /// Append the matches of later words.
    fn join(&mut self, later: WordMatches) {
        for (a, b) in self.ends.iter_mut().zip(later.ends) {
            a.extend(b);
        }
        for (a, b) in self.spans.iter_mut().zip(later.spans) {
            a.extend(b);
        }
        self.whole.extend(later.whole);
    }

    fn into_parts(self) -> (Vec<Vec<u32>>, Vec<Vec<u32>>, Vec<u32>) {
        (self.ends, self.spans, self.whole)
    }
}

/// A word's documents while building: delta-coded already (about a byte per
/// document rather than four), ascending.
#[derive(Debug, Default)]
struct Posting {
    bytes: Vec<u8>,
    last: u32,
}

impl Posting {
    fn push(&mut self, doc: u32) {
        if self.bytes.is_empty() {
            push_varint(&mut self.bytes, doc);
            self.last = doc;
        } else if doc > self.last {
            push_varint(&mut self.bytes, doc - self.last);
            self.last = doc;
        } else if doc < self.last {
            // Out of order (not how the index is built): merge the slow way.
            self.append(Posting::of(&[doc]));
        }
    }

    fn of(docs: &[u32]) -> Posting {
        let mut p = Posting::default();
        for &d in docs {
            p.push(d);
        }
        p
    }

    /// Add the documents of `later` (normally all after this one's).
    fn append(&mut self, later: Posting) {
        if later.bytes.is_empty() {
            return;
        }
        if self.bytes.is_empty() {
            *self = later;
            return;
        }
        let mut first = None;
        for_each_delta(&later.bytes, |d| {
            if first.is_none() {
                first = Some(d);
            }
        });
        let first_len = later
            .bytes
            .iter()
            .position(|b| b & 0x80 == 0)
            .map_or(0, |p| p + 1);
        match first {
            Some(f) if f >= self.last => {
                if f > self.last {
                    push_varint(&mut self.bytes, f - self.last);
                }
                self.bytes
                    .extend_from_slice(later.bytes.get(first_len..).unwrap_or(&[]));
                self.last = later.last;
            }
            _ => {
                let mut all = Vec::new();
                for_each_delta(&self.bytes, |d| all.push(d));
                for_each_delta(&later.bytes, |d| all.push(d));
                all.sort_unstable();
                all.dedup();
                *self = Posting::default();
                for d in all {
                    self.push(d);
                }
            }
        }
    }
}

/// Collects words per document, then freezes into a [`WordIndex`].
#[derive(Debug, Default)]
pub struct WordIndexBuilder<'a> {
    map: HashMap<Cow<'a, str>, Posting>,
}

impl<'a> WordIndexBuilder<'a> {
    /// Record that document `doc` contains the word `w` (call in document order).
    pub fn add(&mut self, doc: u32, w: &'a str) {
        let key: Cow<'a, str> = if w
            .chars()
            .all(|c| super::fold::fold_char(c) == c && c != '\n')
        {
            Cow::Borrowed(w)
        } else {
            Cow::Owned(fold(w).replace('\n', " "))
        };
        self.map.entry(key).or_default().push(doc);
    }

    /// Record an already folded word that does not borrow from the corpus.
    pub fn add_owned(&mut self, doc: u32, w: String) {
        self.map.entry(Cow::Owned(w)).or_default().push(doc);
    }

    /// Record every word of a paragraph (folded first when it needs folding, so
    /// full-width `ＡＢＣ` is indexed as the word `abc`).
    pub fn add_text(&mut self, doc: u32, text: &'a str) {
        if text.chars().all(|c| super::fold::fold_char(c) == c) {
            for w in crate::words::words(text) {
                self.add(doc, w);
            }
        } else {
            let folded = fold(text);
            for w in crate::words::words(&folded) {
                self.add_owned(doc, w.to_string());
            }
        }
    }

    /// The same words, owning their text (to outlive what they were cut from).
    pub fn into_owned(self) -> WordIndexBuilder<'static> {
        WordIndexBuilder {
            map: self
                .map
                .into_iter()
                .map(|(k, v)| (Cow::Owned(k.into_owned()), v))
                .collect(),
        }
    }

    /// Merge a builder of later documents into this one.
    pub fn merge(&mut self, later: WordIndexBuilder<'a>) {
        if self.map.is_empty() {
            self.map = later.map;
            return;
        }
        for (k, v) in later.map {
            self.map.entry(k).or_default().append(v);
        }
    }

    /// The index of documents `0..n_docs`.
    pub fn finish(self, n_docs: usize) -> WordIndex {
        let mut entries: Vec<(Cow<'a, str>, Posting)> = self.map.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut words = TextColumn::new();
        let mut postings = Vec::new();
        let mut posting_starts = vec![0u32];
        let mut dense = Vec::new();
        let dense_len = n_docs.div_ceil(8);
        for (w, list) in entries {
            words.push(&format!("{w}\n"));
            if list.bytes.len() > dense_len {
                let at = postings.len();
                postings.resize(at + dense_len, 0u8);
                for_each_delta(&list.bytes, |d| {
                    if let Some(b) = postings.get_mut(at + d as usize / 8) {
                        *b |= 1 << (d % 8);
                    }
                });
                dense.push(1);
            } else {
                postings.extend_from_slice(&list.bytes);
                dense.push(0);
            }
            posting_starts.push(postings.len() as u32);
        }
        WordIndex {
            words,
            postings: Bytes(postings),
            posting_starts,
            dense: Bytes(dense),
            n_docs: n_docs as u32,
        }
    }
}

impl Default for WordIndex {
    fn default() -> WordIndex {
        WordIndex {
            words: TextColumn::new(),
            postings: Bytes::default(),
            posting_starts: vec![0],
            dense: Bytes::default(),
            n_docs: 0,
        }
    }
}

impl WordIndex {
    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        self.words.buffer().len()
            + 4 * self.words.len()
            + self.postings.0.len()
            + 4 * self.posting_starts.len()
            + self.dense.0.len()
    }

    /// Word `w` (without its `\n`).
    pub fn word(&self, w: usize) -> &str {
        self.words.get(w).trim_end_matches('\n')
    }

    /// Word `w`'s list: its bytes, and whether they are a bitset.
    fn list(&self, w: usize) -> Option<(&[u8], bool)> {
        let (Some(&a), Some(&b)) = (self.posting_starts.get(w), self.posting_starts.get(w + 1))
        else {
            return None;
        };
        let bytes = self.postings.0.get(a as usize..b as usize)?;
        Some((bytes, self.dense.0.get(w) == Some(&1)))
    }

    fn for_each_doc(&self, w: usize, mut f: impl FnMut(u32)) {
        match self.list(w) {
            Some((bytes, true)) => {
                for (k, &byte) in bytes.iter().enumerate() {
                    let mut bits = byte;
                    while bits != 0 {
                        f(k as u32 * 8 + bits.trailing_zeros());
                        bits &= bits - 1;
                    }
                }
            }
            Some((bytes, false)) => for_each_delta(bytes, f),
            None => {}
        }
    }

    /// The documents (of `n_docs`) whose body has a word containing the folded `term`,
    /// and those where `term` is a whole word.
    pub fn hits(&self, term: &str, n_docs: usize) -> BodyHits {
        let mut hits = BodyHits {
            any: Bitset::new(n_docs),
            whole: Bitset::new(n_docs),
        };
        if term.is_empty() || term.contains('\n') {
            return hits;
        }
        let buffer = self.words.buffer();
        let mut last_word = usize::MAX;
        for offset in memchr::memmem::find_iter(buffer.as_bytes(), term.as_bytes()) {
            let w = self.words.index_of_offset(offset);
            if w == last_word {
                continue;
            }
            last_word = w;
            let whole = self.word(w) == term;
            self.for_each_doc(w, |d| {
                hits.any.insert(d);
                if whole {
                    hits.whole.insert(d);
                }
            });
        }
        hits
    }

    fn add_docs(&self, w: usize, set: &mut Bitset) {
        match self.list(w) {
            Some((bytes, true)) => set.union_bytes(bytes),
            _ => self.for_each_doc(w, |d| set.insert(d)),
        }
    }

    /// The documents (of `n_docs`) whose body spells the pinyin query `pq`:
    /// within one word (from any of its characters), or across words of two
    /// characters or more one after the other, each spelled whole from its first
    /// character and the last one maybe only begun (`sqzl`: 社区 then 治理). Like
    /// a Chinese term cut into words, the words of a chain are looked up in the
    /// same body, not side by side; one-character words (的, 是, 在...) are in
    /// nearly every body, so they never take part in a chain. `whole`: the query spells a whole word. `words` are the vocabulary's
    /// glyphs ([`super::pinyin::GlyphTexts`], word `w` is `words.get(w)`).
    pub fn pinyin_hits(&self, pq: &PinyinQuery, words: &GlyphTexts, n_docs: usize) -> BodyHits {
        let m = pq.len();
        let mut hits = BodyHits {
            any: Bitset::new(n_docs),
            whole: Bitset::new(n_docs),
        };
        if m == 0 || words.len() != self.len() {
            return hits;
        }
        // ends[j]: words in which the query, from position j, ends.
        // spans[j * (m + 1) + k]: words spelled whole by q[j..k] (k < m).
        // The vocabulary is scanned in parallel, in slices; each slice lists its
        // words in order, and the slices are joined in order.
        let (ends, spans, whole_words) = (0..self.len())
            .into_par_iter()
            .with_min_len(8192)
            .fold(
                || WordMatches::new(m),
                |mut acc, w| {
                    acc.scan(pq, words.get(w), w as u32);
                    acc
                },
            )
            .reduce(
                || WordMatches::new(m),
                |mut a, b| {
                    a.join(b);
                    a
                },
            )
            .into_parts();
        // Which query positions a chain from 0 can reach.
        let mut reachable = vec![false; m];
        if let Some(r) = reachable.first_mut() {
            *r = true;
        }
        for j in 0..m {
            if !reachable[j] {
                continue;
            }
            for (k, r) in reachable.iter_mut().enumerate().skip(j + 1) {
                if spans.get(j * (m + 1) + k).is_some_and(|l| !l.is_empty()) {
                    *r = true;
                }
            }
        }
        // docs[j]: documents where the query from j is spelled, right to left.
        let mut docs: Vec<Option<Bitset>> = vec![None; m];
        for j in (0..m).rev() {
            if !reachable[j] {
                continue;
            }
            let mut set = Bitset::new(n_docs);
            for &w in ends.get(j).into_iter().flatten() {
                self.add_docs(w as usize, &mut set);
            }
            for k in j + 1..m {
                let Some(list) = spans.get(j * (m + 1) + k).filter(|l| !l.is_empty()) else {
                    continue;
                };
                let Some(Some(rest)) = docs.get(k) else {
                    continue;
                };
                let mut first = Bitset::new(n_docs);
                for &w in list {
                    self.add_docs(w as usize, &mut first);
                }
                first.intersect(rest);
                set.union(&first);
            }
            docs[j] = Some(set);
        }
        if let Some(Some(any)) = docs.into_iter().next() {
            hits.any = any;
        }
        for w in whole_words {
            self.add_docs(w as usize, &mut hits.whole);
        }
        hits
    }

    /// True when `w` is a word of some body.
    pub fn contains_word(&self, w: &str) -> bool {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(w) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    /// Cut a (folded) query term into words the way the bodies were cut, without
    /// loading jieba: longest vocabulary word first, runs of letters and digits kept
    /// whole, unknown characters alone.
    pub fn segment(&self, term: &str) -> Vec<String> {
        const LONGEST: usize = 8;
        let chars: Vec<char> = term.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_ascii_alphanumeric() {
                let j = (i..chars.len())
                    .find(|&j| !chars[j].is_ascii_alphanumeric())
                    .unwrap_or(chars.len());
                out.push(chars[i..j].iter().collect());
                i = j;
                continue;
            }
            let mut len = 1;
            for l in (2..=LONGEST.min(chars.len() - i)).rev() {
                let cand: String = chars[i..i + l].iter().collect();
                if self.contains_word(&cand) {
                    len = l;
                    break;
                }
            }
            let w: String = chars[i..i + len].iter().collect();
            if w.chars().any(char::is_alphanumeric) {
                out.push(w);
            }
            i += len;
        }
        out
    }

    /// Structural sanity (used to refuse a corrupt cache).
    pub fn is_consistent(&self) -> bool {
        self.words.is_consistent()
            && self.posting_starts.len() == self.words.len() + 1
            && self.posting_starts.windows(2).all(|w| w[0] <= w[1])
            && self.posting_starts.last().map(|&l| l as usize) == Some(self.postings.0.len())
            && self.dense.0.len() == self.words.len()
            && (0..self.words.len()).all(|w| match self.list(w) {
                Some((bytes, true)) => bytes.len() == (self.n_docs as usize).div_ceil(8),
                Some((_, false)) => true,
                None => false,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_find_their_documents() {
        let mut b = WordIndexBuilder::default();
        b.add(0, "垃圾");
        b.add(0, "分类");
        b.add(2, "垃圾站");
        b.add(3, "ＡＢＣ");
        let idx = b.finish(4);
        assert!(idx.is_consistent());
        let h = idx.hits("垃圾", 4);
        assert!(h.any.contains(0) && h.any.contains(2) && !h.any.contains(1));
        assert!(h.whole.contains(0) && !h.whole.contains(2));
        assert!(idx.hits("abc", 4).whole.contains(3));
        assert!(!idx.hits("类\n垃", 4).any.contains(0));
        let full = Bitset::full(70);
        assert!(full.contains(0) && full.contains(69) && !full.contains(70));
        assert_eq!(full.to_vec().len(), 70);
        let mut u = Bitset::new(70);
        u.insert(3);
        u.union(&h.any);
        assert_eq!(u.to_vec(), vec![0, 2, 3]);
        assert!(idx.contains_word("垃圾站") && !idx.contains_word("垃"));
        assert_eq!(
            idx.segment("分类垃圾站abc1"),
            vec!["分类", "垃圾站", "abc1"]
        );
        assert_eq!(idx.segment("垃圾x分"), vec!["垃圾", "x", "分"]);
    }

    #[test]
    fn postings_merge_in_order_and_out_of_order() {
        let decode = |p: &Posting| {
            let mut v = Vec::new();
            for_each_delta(&p.bytes, |d| v.push(d));
            v
        };
        let mut a = Posting::of(&[1, 5, 5, 300]);
        a.append(Posting::of(&[300, 301, 70000]));
        assert_eq!(decode(&a), vec![1, 5, 300, 301, 70000]);
        a.append(Posting::of(&[2, 90000]));
        assert_eq!(decode(&a), vec![1, 2, 5, 300, 301, 70000, 90000]);
        a.push(3);
        assert_eq!(decode(&a), vec![1, 2, 3, 5, 300, 301, 70000, 90000]);
        assert_eq!(a.last, 90000);
    }

    #[test]
    fn frequent_words_keep_a_bitset_and_find_the_same_documents() {
        let mut b = WordIndexBuilder::default();
        for doc in 0..200 {
            b.add(doc, "的");
            if doc % 3 == 0 {
                b.add(doc, "社区");
            }
        }
        b.add(77, "罕见");
        let idx = b.finish(203);
        assert!(idx.is_consistent());
        assert_eq!(idx.list(0).map(|l| l.1), Some(true), "的 in every body");
        let h = idx.hits("的", 203);
        assert_eq!(h.whole.to_vec(), (0..200).collect::<Vec<u32>>());
        let h = idx.hits("社区", 203);
        assert_eq!(h.any.to_vec(), (0..200).step_by(3).collect::<Vec<u32>>());
        assert_eq!(idx.hits("罕见", 203).any.to_vec(), vec![77]);
        let mut set = Bitset::new(203);
        for w in 0..idx.len() {
            idx.add_docs(w, &mut set);
        }
        assert_eq!(set.to_vec(), (0..200).collect::<Vec<u32>>());
    }

    #[test]
    fn pinyin_spells_words_and_chains_of_words() {
        use crate::search::pinyin::{GlyphTexts, Glyphs, PinyinQuery};
        let mut b = WordIndexBuilder::default();
        // 0: 社区 治理; 1: 社区 only; 2: 治理 only; 3: one word 社区治理;
        // 4: one-character words spelling s q z l.
        for (doc, words) in [
            (0, &["社区", "治理"][..]),
            (1, &["社区", "服务"]),
            (2, &["治理"]),
            (3, &["推进社区治理"]),
            (4, &["是", "去", "在", "里"]),
        ] {
            for w in words {
                b.add(doc, w);
            }
        }
        let idx = b.finish(5);
        let mut glyphs = Glyphs::new();
        let words = GlyphTexts::build(&mut glyphs, (0..idx.len()).map(|w| idx.word(w)));
        let hits = |q: &str| {
            let pq = PinyinQuery::new(&glyphs, q).unwrap();
            let h = idx.pinyin_hits(&pq, &words, 5);
            (h.any.to_vec(), h.whole.to_vec())
        };
        assert_eq!(hits("sqzl"), (vec![0, 3], vec![]));
        assert_eq!(hits("shequzhili"), (vec![0, 3], vec![]));
        assert_eq!(hits("sqz"), (vec![0, 3], vec![]));
        assert_eq!(hits("shequ"), (vec![0, 1, 3], vec![0, 1]));
        assert_eq!(hits("zl"), (vec![0, 2, 3], vec![0, 2]));
        assert_eq!(
            hits("qzl"),
            (vec![3], vec![]),
            "starts inside one word only"
        );
        assert_eq!(hits("sqfw"), (vec![1], vec![]));
        assert_eq!(hits("zlfw"), (vec![], vec![]), "both words in one body");
    }
}

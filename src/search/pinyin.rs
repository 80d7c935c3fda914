//! Pinyin matching on Chinese titles: `sqzl` (initials), `shequzhili` or `shequ`
//! (full readings) and any mix of them find 社区治理. Polyphonic characters (长, 行,
//! 重) match any of their readings. Matches report the positions of the Chinese
//! characters they consumed, so highlights land on the characters themselves.

use super::column::{Bytes, Pods};
use pinyin::ToPinyinMulti;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const FIRST: u32 = 0x3400;
const LAST: u32 = 0x9FFF;

/// The toneless readings of `c` (empty for anything but a common CJK ideograph).
pub fn readings(c: char) -> &'static [&'static str] {
    static TABLE: OnceLock<Vec<Box<[&'static str]>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (FIRST..=LAST)
            .map(|code| {
                let mut out: Vec<&'static str> = Vec::new();
                if let Some(multi) = char::from_u32(code).and_then(|c| c.to_pinyin_multi()) {
                    for p in multi {
                        let plain = p.plain();
                        if !plain.is_empty() && !out.contains(&plain) {
                            out.push(plain);
                        }
                    }
                }
                out.into_boxed_slice()
            })
            .collect()
    });
    let code = c as u32;
    if (FIRST..=LAST).contains(&code) {
        table
            .get((code - FIRST) as usize)
            .map(|b| &b[..])
            .unwrap_or(&[])
    } else {
        &[]
    }
}

fn bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

/// Letter masks of a (folded) title for a quick reject: the first letters of the
/// characters' readings (and ASCII letters), and every letter of every reading.
pub fn masks(title: &str) -> (u32, u32) {
    let (mut initials, mut letters) = (0u32, 0u32);
    for c in title.chars() {
        if c.is_ascii_lowercase() {
            initials |= bit(c as u8);
            letters |= bit(c as u8);
            continue;
        }
        for r in readings(c) {
            if let Some(&b) = r.as_bytes().first() {
                initials |= bit(b);
            }
            for &b in r.as_bytes() {
                letters |= bit(b);
            }
        }
    }
    (initials, letters)
}

/// Bits of the letters the readings of `c` start with (an ASCII letter: the
/// letter itself), as [`Glyphs`] keeps them: a character can take a piece of
/// a pinyin query only where the query has one of these letters. 0 for a
/// character that spells nothing.
pub fn initials(c: char) -> u32 {
    title_readings(c)
        .iter()
        .filter_map(|r| r.as_bytes().first())
        .fold(0, |m, &b| m | bit(b))
}

/// True when `q` could be a pinyin query: ASCII lower-case letters only.
pub fn is_pinyin_query(q: &str) -> bool {
    !q.is_empty() && q.bytes().all(|b| b.is_ascii_lowercase())
}

/// Mask of the letters of a pinyin query.
pub fn query_mask(q: &str) -> u32 {
    q.bytes().fold(0, |m, b| m | bit(b))
}

/// Quick reject using the masks from [`masks`].
pub fn may_match(title_masks: (u32, u32), q: &str, q_mask: u32) -> bool {
    let first = q.as_bytes().first().map(|&b| bit(b)).unwrap_or(0);
    title_masks.0 & first != 0 && title_masks.1 & q_mask == q_mask
}

const AT_START: i64 = 6;
/// Work allowed per start position (a guard against pathological inputs).
const BUDGET: u32 = 4096;

/// Score of one character consuming `l` letters of a reading `len` long.
fn piece_score(l: usize, len: usize) -> i64 {
    if l == len {
        10 + 2 * l as i64
    } else if l == 1 {
        6
    } else {
        4 + l as i64
    }
}

const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";

/// The readings of a title character: its pinyin, or itself for ASCII letters
/// and digits.
fn title_readings(c: char) -> &'static [&'static str] {
    static SINGLE: OnceLock<Vec<[&'static str; 1]>> = OnceLock::new();
    if c.is_ascii_alphanumeric() {
        let single = SINGLE.get_or_init(|| {
            (0..ASCII.len())
                .map(|k| [ASCII.get(k..k + 1).unwrap_or("")])
                .collect()
        });
        let at = ASCII.find(c.to_ascii_lowercase()).unwrap_or(0);
        single.get(at).map(|s| &s[..]).unwrap_or(&[])
    } else {
        readings(c)
    }
}

/// Best score of matching all of `q[j..]` with the characters from `title[i]` on,
/// side by side: each character takes its whole reading, its initial (`z`, or
/// `zh`/`ch`/`sh`), or, as the last piece, any start of it (typing in progress).
fn match_from(
    title: &[char],
    i: usize,
    q: &[u8],
    j: usize,
    budget: &mut u32,
) -> Option<(i64, usize)> {
    if j == q.len() {
        return Some((0, 0));
    }
    let c = *title.get(i)?;
    if *budget == 0 {
        return None;
    }
    *budget -= 1;
    let rest = &q[j..];
    let mut best: Option<(i64, usize)> = None;
    for r in title_readings(c) {
        let rb = r.as_bytes();
        let common = rb.iter().zip(rest).take_while(|(a, b)| a == b).count();
        if common == 0 {
            continue;
        }
        let mut lens = [0usize; 3];
        lens[0] = if common == rb.len() { rb.len() } else { 0 };
        lens[1] = 1;
        lens[2] = if common == rest.len() {
            rest.len() // the last piece: any start of the reading
        } else if common >= 2 && matches!(&rb[..2], b"zh" | b"ch" | b"sh") {
            2
        } else {
            0
        };
        for (k, &l) in lens.iter().enumerate() {
            if l == 0 || lens[..k].contains(&l) {
                continue;
            }
            let piece = piece_score(l, rb.len());
            let tail = if j + l == q.len() {
                Some((0, 0))
            } else {
                match_from(title, i + 1, q, j + l, budget)
            };
            if let Some((s, n)) = tail
                && best.is_none_or(|(b, _)| piece + s > b)
            {
                best = Some((piece + s, n + 1));
            }
        }
    }
    best
}

/// Match a pinyin query (lower-case ASCII letters) against a folded title: the
/// query spells characters standing side by side (`sqzl`, `shequzhili` or
/// `shequzl` for 社区治理). Returns the best score and the character positions, or
/// None.
pub fn match_title(title: &[char], q: &str) -> Option<(i64, Vec<usize>)> {
    let q = q.as_bytes();
    let first = *q.first()?;
    let mut best: Option<(i64, usize, usize)> = None;
    for start in 0..title.len() {
        let c = title[start];
        if !title_readings(c)
            .iter()
            .any(|r| r.as_bytes().first() == Some(&first))
        {
            continue;
        }
        let mut budget = BUDGET;
        if let Some((s, n)) = match_from(title, start, q, 0, &mut budget) {
            let s = s + if start == 0 { AT_START } else { 0 };
            if best.is_none_or(|(b, _, _)| s > b) {
                best = Some((s, start, n));
            }
        }
    }
    best.map(|(s, start, n)| (s, (start..start + n).collect()))
}

/// Like [`match_title`], only at the start of the title (`^` queries).
pub fn match_title_start(title: &[char], q: &str) -> Option<(i64, Vec<usize>)> {
    let mut budget = BUDGET;
    match_from(title, 0, q.as_bytes(), 0, &mut budget)
        .map(|(s, n)| (s + AT_START, (0..n).collect()))
}

/// The characters of a corpus numbered by what they read as: characters with the
/// same readings share a number ("glyph"), 0 is "reads as nothing" (punctuation,
/// digits in a pinyin query's eyes...). Texts are stored as glyph numbers once, so
/// matching a pinyin query decodes no UTF-8 and looks up no reading.
#[derive(Debug, Clone, Default)]
pub struct Glyphs {
    /// Readings of each glyph (glyph 0: none).
    readings: Vec<&'static [&'static str]>,
    /// First letters of each glyph's readings.
    initials: Vec<u32>,
    /// Letters that are a whole reading of each glyph (`a`, `e`, `o`, ASCII).
    singles: Vec<u32>,
    /// Glyph of each character seen.
    by_char: std::collections::HashMap<char, u16>,
    by_readings: std::collections::HashMap<&'static [&'static str], u16>,
}

impl Glyphs {
    pub fn new() -> Glyphs {
        Glyphs {
            readings: vec![&[]],
            initials: vec![0],
            singles: vec![0],
            ..Glyphs::default()
        }
    }

    /// The glyph of `c` (numbered on first sight).
    pub fn glyph(&mut self, c: char) -> u16 {
        if let Some(&g) = self.by_char.get(&c) {
            return g;
        }
        let r = title_readings(c);
        let g = if r.is_empty() {
            0
        } else if let Some(&g) = self.by_readings.get(r) {
            g
        } else if self.readings.len() < u16::MAX as usize {
            let g = self.readings.len() as u16;
            self.readings.push(r);
            self.initials.push(
                r.iter()
                    .filter_map(|s| s.as_bytes().first())
                    .fold(0, |m, &b| m | bit(b)),
            );
            self.singles.push(
                r.iter()
                    .filter(|s| s.len() == 1)
                    .filter_map(|s| s.as_bytes().first())
                    .fold(0, |m, &b| m | bit(b)),
            );
            self.by_readings.insert(r, g);
            g
        } else {
            0
        };
        self.by_char.insert(c, g);
        g
    }

    pub fn len(&self) -> usize {
        self.readings.len()
    }

    /// Every character seen, in an order that numbers them as they are numbered
    /// here when given to [`Glyphs::glyph`] one by one (see [`Glyphs::of_chars`]):
    /// by glyph, those that read as nothing last.
    pub fn chars(&self) -> Vec<char> {
        let mut seen: Vec<(bool, u16, char)> =
            self.by_char.iter().map(|(&c, &g)| (g == 0, g, c)).collect();
        seen.sort_unstable();
        seen.into_iter().map(|(_, _, c)| c).collect()
    }

    /// The glyphs of `chars` (as [`Glyphs::chars`] lists them), numbered in
    /// their order.
    pub fn of_chars(chars: &[char]) -> Glyphs {
        let mut glyphs = Glyphs::new();
        for &c in chars {
            glyphs.glyph(c);
        }
        glyphs
    }

    /// Glyphs of the characters of the Basic Multilingual Plane seen so far, by
    /// code point (0 for the others): turns much text into glyphs without a hash
    /// lookup.
    pub fn table(&self) -> Vec<u16> {
        let mut table = vec![0u16; 0x1_0000];
        for (&c, &g) in &self.by_char {
            if let Some(slot) = table.get_mut(c as usize) {
                *slot = g;
            }
        }
        table
    }

    /// What a one-letter query needs to know of a text (see [`LetterMasks`]).
    pub fn letter_masks(&self, text: &[u16]) -> LetterMasks {
        let at = |g: u16, v: &Vec<u32>| v.get(g as usize).copied().unwrap_or(0);
        let mut out = LetterMasks::default();
        for &g in text {
            out.initials |= at(g, &self.initials);
            out.singles |= at(g, &self.singles);
        }
        if let Some(&g) = text.first() {
            out.first_initials = at(g, &self.initials);
            out.first_singles = at(g, &self.singles);
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.readings.len() <= 1
    }
}

/// Many texts as glyph numbers (one per character), back to back.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GlyphTexts {
    seq: Pods<u16>,
    /// `starts[i]..starts[i + 1]` is text `i`.
    starts: Pods<u32>,
}

impl GlyphTexts {
    pub fn build<'a>(glyphs: &mut Glyphs, texts: impl Iterator<Item = &'a str>) -> GlyphTexts {
        let (mut seq, mut starts) = (Vec::new(), vec![0]);
        for t in texts {
            seq.extend(t.chars().map(|c| glyphs.glyph(c)));
            starts.push(seq.len() as u32);
        }
        seq.shrink_to_fit();
        GlyphTexts {
            seq: Pods::from(seq),
            starts: Pods::from(starts),
        }
    }

    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        self.seq.heap_bytes() + self.starts.heap_bytes()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Structural sanity of texts read back (every glyph below `glyphs`).
    pub fn is_consistent(&self, glyphs: usize) -> bool {
        self.starts.first() == Some(&0)
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self.starts.last().map(|&l| l as usize) == Some(self.seq.len())
            && self.seq.iter().all(|&g| (g as usize) < glyphs)
    }

    /// Text `i` (empty when out of range).
    pub fn get(&self, i: usize) -> &[u16] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.seq.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Which texts can spell each pair of letters side by side with their
/// characters' readings, as a pinyin query of two letters or more spells them:
/// two letters of one reading in a row, or the last letter of a character's
/// piece (its initial, `zh`/`ch`/`sh`, or its whole reading) and the first
/// letter of the next character's reading. A query matches only texts holding
/// every pair of its letters side by side: a quick and exact reject.
/// Kept in the search index's cache file, its lists read there in place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LetterPairs {
    /// `starts[p]..starts[p + 1]`: the delta-coded texts of pair `p` (`a * 26 + b`).
    starts: Vec<u32>,
    lists: Bytes,
}

const PAIRS: usize = 26 * 26;

fn letter(b: u8) -> Option<usize> {
    b.is_ascii_lowercase().then(|| (b - b'a') as usize)
}

impl LetterPairs {
    /// The pairs of the texts of `texts` (glyph numbers of `glyphs`).
    pub fn build(glyphs: &Glyphs, texts: &GlyphTexts) -> LetterPairs {
        // Per glyph: pairs inside its readings, letters a piece may end on,
        // letters a piece may start with.
        let per_glyph: Vec<(Vec<u16>, u32, u32)> = glyphs
            .readings
            .iter()
            .map(|readings| {
                let (mut inner, mut ends, mut starts) = (Vec::new(), 0u32, 0u32);
                for r in readings.iter() {
                    let rb = r.as_bytes();
                    for w in rb.windows(2) {
                        if let (Some(a), Some(b)) = (letter(w[0]), letter(w[1])) {
                            inner.push((a * 26 + b) as u16);
                        }
                    }
                    starts |= rb.first().map_or(0, |&b| bit(b));
                    ends |= rb.first().map_or(0, |&b| bit(b));
                    ends |= rb.last().map_or(0, |&b| bit(b));
                    if rb.len() >= 2 && matches!(&rb[..2], b"zh" | b"ch" | b"sh") {
                        ends |= bit(rb[1]);
                    }
                }
                inner.sort_unstable();
                inner.dedup();
                (inner, ends, starts)
            })
            .collect();
        // Each pair's list delta-coded as it grows (the last text added is
        // the one the next is coded against).
        let mut lists: Vec<Vec<u8>> = vec![Vec::new(); PAIRS];
        let mut last: Vec<Option<u32>> = vec![None; PAIRS];
        for d in 0..texts.len() {
            let text = texts.get(d);
            let d = d as u32;
            let mut add = |p: usize| {
                if let (Some(s), Some(l)) = (last.get_mut(p), lists.get_mut(p))
                    && *s != Some(d)
                {
                    super::column::push_varint(l, d - s.unwrap_or(0));
                    *s = Some(d);
                }
            };
            let mut prev_ends = 0u32;
            for &g in text {
                let Some((inner, ends, starts)) = per_glyph.get(g as usize) else {
                    prev_ends = 0;
                    continue;
                };
                for &p in inner {
                    add(p as usize);
                }
                let mut a_bits = prev_ends;
                while a_bits != 0 {
                    let a = a_bits.trailing_zeros() as usize;
                    a_bits &= a_bits - 1;
                    let mut b_bits = *starts;
                    while b_bits != 0 {
                        let b = b_bits.trailing_zeros() as usize;
                        b_bits &= b_bits - 1;
                        add(a * 26 + b);
                    }
                }
                prev_ends = *ends;
            }
        }
        let mut starts = vec![0];
        let mut bytes = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        for list in lists {
            bytes.extend_from_slice(&list);
            starts.push(bytes.len() as u32);
        }
        LetterPairs {
            starts,
            lists: Bytes::owned(bytes),
        }
    }

    /// Structural sanity of pairs read back.
    pub fn is_consistent(&self) -> bool {
        self.starts.len() == PAIRS + 1
            && self.starts.first() == Some(&0)
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self.starts.last().map(|&l| l as usize) == Some(self.lists.len())
    }

    /// The texts (of `n`) holding every pair of letters side by side of the
    /// pinyin query `q`; None when `q` has fewer than two letters.
    pub fn texts_with(&self, q: &str, n: usize) -> Option<super::docset::Bitset> {
        let mut pairs: Vec<usize> = q
            .as_bytes()
            .windows(2)
            .filter_map(|w| Some(letter(w[0])? * 26 + letter(w[1])?))
            .collect();
        if pairs.is_empty() {
            return None;
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut acc: Option<super::docset::Bitset> = None;
        for p in pairs {
            let mut set = super::docset::Bitset::new(n);
            if let (Some(&a), Some(&b)) = (self.starts.get(p), self.starts.get(p + 1))
                && let Some(bytes) = self.lists.get(a as usize..b as usize)
            {
                super::column::for_each_delta(bytes, |d| set.insert(d));
            }
            match &mut acc {
                Some(a) => a.intersect(&set),
                None => acc = Some(set),
            }
        }
        acc
    }

    /// Approximate heap bytes (none for lists read in place).
    pub fn heap_bytes(&self) -> usize {
        self.lists.heap_bytes() + 4 * self.starts.capacity()
    }
}

/// A text's letters as a one-letter pinyin query sees them: first letters of its
/// characters' readings, one-letter readings, and the same for its first
/// character. Scoring a one-letter query is then a few bit tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LetterMasks {
    pub initials: u32,
    pub singles: u32,
    pub first_initials: u32,
    pub first_singles: u32,
}

/// The longest pinyin query matched (longer ones match nothing).
pub const MAX_QUERY: usize = 32;
const NONE: i32 = i32::MIN / 4;

/// A pinyin query compiled against a [`Glyphs`] table: for every glyph and query
/// position, which piece lengths the glyph can take there (and which of them are
/// whole readings), so matching a text is a small dynamic programme over its
/// glyphs with no allocation.
#[derive(Debug, Clone)]
pub struct PinyinQuery {
    m: usize,
    /// The query's letters.
    letters: Vec<u8>,
    /// Bit of the first letter.
    first: u32,
    /// `steps[g * m + j]`: (lengths allowed, lengths that are whole readings), bit
    /// `l - 1` for length `l`.
    steps: Vec<(u32, u32)>,
    /// Glyphs that can take some piece of the query somewhere.
    live: Vec<bool>,
    /// The best score a spelling that does not start a text can have (the
    /// best pieces any glyph of the table takes, one after another); a text
    /// where one reaches it holds no better one further on.
    ceiling: i32,
    /// For a query of two letters (else empty), by glyph: the best piece
    /// taking both letters, the best taking the first alone, and the best
    /// taking the second ([`PAIR_NONE`]: none), so a title is scored in one
    /// pass of three lookups a character ([`PinyinQuery::score_pair`]).
    pair: Vec<[i16; 3]>,
}

/// No piece in [`PinyinQuery`]'s `pair` table: low enough that no sum of two
/// pieces with it is positive.
const PAIR_NONE: i16 = -1000;

/// A [`PinyinQuery`]'s steps by character code point: each code of the
/// Basic Multilingual Plane mapped to a class of the glyphs taking the same
/// pieces at every position of the query (class 0: none anywhere), and each
/// class's steps. Made per query for reading bodies
/// ([`PinyinQuery::score_coded`]).
#[derive(Debug, Clone)]
pub struct CodeSteps {
    /// Class by code point.
    class: Box<[u8; 0x1_0000]>,
    /// `rows[c * m + j]`: the steps of class `c` at query position `j`.
    rows: Vec<(u32, u32)>,
    /// `reach[c][l - 1]`: bit `j` when class `c` takes a piece of `l`
    /// letters at query position `j` (for reading without scores).
    reach: Box<[[u64; MAX_PIECE]; 256]>,
    /// `start[c]`: where the spellings class `c` starts reach (what `reach`
    /// gives when none is open, as in most of a body).
    start: Box<[u64; 256]>,
    /// Bit `code % 64` of word `code / 64`: the class of code point `code`
    /// starts a spelling (`start` is not 0). An 8 KiB table a body is
    /// skipped through between spellings ([`skip_to_start`]) instead of the
    /// 64 KiB of classes and the starts behind them.
    starts: crate::text::BmpSet,
    /// The longest piece any class takes.
    longest: usize,
}

/// The longest piece (letters) [`CodeSteps`] reads bodies with; a query whose
/// characters take longer ones has no code steps (it is read by glyph).
const MAX_PIECE: usize = 8;

/// The spellings of a query open while a text is read forwards, character by
/// character, and the best score of those that completed it.
struct Spellings {
    /// The query's length in letters.
    m: usize,
    /// `ends[j]`: best score of `q[..j]` spelled by characters ending with the
    /// one before (`NONE`: none).
    ends: [i32; MAX_QUERY],
    next: [i32; MAX_QUERY],
    /// Some `ends[j]` is not `NONE`.
    open: bool,
    best: i32,
    /// The score past which reading may stop (see `score_forwards`).
    enough: i64,
}

impl Spellings {
    fn new(m: usize, enough: i64) -> Spellings {
        Spellings {
            m,
            ends: [NONE; MAX_QUERY],
            next: [NONE; MAX_QUERY],
            open: false,
            best: NONE,
            enough,
        }
    }

    /// A character that takes no piece: every open spelling ends unfinished.
    fn gap(&mut self) {
        if self.open {
            self.ends[..self.m].fill(NONE);
            self.open = false;
        }
    }

    /// One character read: `row` (per spelled prefix length j, the piece
    /// lengths this character can spell there and which of them are whole
    /// syllables) takes each open spelling one character on; a new one may
    /// start at any character, with [`AT_START`] more at the text's `first`;
    /// a spelling that completes the query raises the best score.
    fn step(&mut self, row: &[(u32, u32)], first: bool) {
        let m = self.m;
        self.next[..m].fill(NONE);
        let mut extended = false;
        for (j, &(allowed, full)) in row.iter().enumerate() {
            let base = match j {
                0 if first => AT_START as i32,
                0 => 0,
                _ => self.ends[j],
            };
            if base == NONE || allowed == 0 {
                continue;
            }
            let mut bits = allowed;
            while bits != 0 {
                let l = bits.trailing_zeros() as usize + 1;
                bits &= bits - 1;
                let v = base + step_score(l, full & (1 << (l - 1)) != 0);
                match self.next.get_mut(j + l) {
                    Some(slot) if j + l < m => {
                        if v > *slot {
                            *slot = v;
                            extended = true;
                        }
                    }
                    _ => self.best = self.best.max(v),
                }
            }
        }
        std::mem::swap(&mut self.ends, &mut self.next);
        self.open = extended;
    }

    /// Reading may stop after character `i`: a spelling from the first
    /// character is at most m characters long, and the best is `enough`.
    fn done(&self, i: usize) -> bool {
        i + 1 >= self.m && self.best as i64 >= self.enough
    }

    fn score(&self) -> Option<i64> {
        (self.best > NONE).then_some(self.best as i64)
    }
}

/// The code point of the character at byte `at` of UTF-8 `bytes` (0 beyond the
/// Basic Multilingual Plane, where no glyph is) and its length in bytes.
#[inline(always)]
fn decode(bytes: &[u8], at: usize) -> (usize, usize) {
    let byte = |k: usize| bytes.get(k).copied().unwrap_or(0) as usize;
    let b0 = byte(at);
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        ((b0 & 0x1F) << 6 | (byte(at + 1) & 0x3F), 2)
    } else if b0 < 0xF0 {
        (
            (b0 & 0x0F) << 12 | (byte(at + 1) & 0x3F) << 6 | (byte(at + 2) & 0x3F),
            3,
        )
    } else {
        (0, 4)
    }
}

/// From byte `at` of `bytes`, the first character whose class starts a
/// spelling: the byte after it, how many characters were read, its class and
/// where it reaches (`steps.start`); (end, read, 0, 0) when none is left.
/// Most of a body is read here, a character at a time: one of three bytes
/// (nearly every Chinese character) is tested in the bit table
/// `steps.starts` straight from its bytes (its lead byte's low four bits
/// and the next byte's low six are the code point's word there, the last
/// byte's low six its bit); any other as [`decode`] reads it.
#[inline(never)]
fn skip_to_start(bytes: &[u8], mut at: usize, steps: &CodeSteps) -> (usize, usize, u8, u64) {
    let starts = &steps.starts;
    let mut read = 0;
    while let Some(&b0) = bytes.get(at) {
        let here = at;
        read += 1;
        if let (0xE0..=0xEF, Some(&[b1, b2])) = (b0, bytes.get(at + 1..at + 3)) {
            at += 3;
            let word = starts.word(usize::from(b0 & 0x0F) << 6 | usize::from(b1 & 0x3F));
            if word >> (b2 & 0x3F) & 1 == 0 {
                continue;
            }
        } else {
            let (code, width) = decode(bytes, at);
            at += width;
            if !starts.contains(code & 0xFFFF) {
                continue;
            }
        }
        // A start: its class, from the code point (as `decode` reads it).
        let (code, _) = decode(bytes, here);
        let class = steps.class[code & 0xFFFF];
        return (at, read, class, steps.start[class as usize]);
    }
    (at, read, 0, 0)
}

/// The byte offset of the start of the `n`th character before byte `end` of
/// UTF-8 `bytes` (or 0, when fewer characters come before it).
fn back_chars(bytes: &[u8], end: usize, n: usize) -> usize {
    let mut at = end;
    for _ in 0..n {
        if at == 0 {
            break;
        }
        at -= 1;
        while at > 0 && bytes.get(at).is_some_and(|&b| b & 0xC0 == 0x80) {
            at -= 1;
        }
    }
    at
}

/// Score of a piece `l` letters long, `full` when it is a whole reading (as
/// [`piece_score`]).
pub(crate) fn step_score(l: usize, full: bool) -> i32 {
    if full {
        10 + 2 * l as i32
    } else if l == 1 {
        6
    } else {
        4 + l as i32
    }
}

impl PinyinQuery {
    /// Compile `q` (lower-case ASCII letters); None when it cannot be pinyin.
    pub fn new(glyphs: &Glyphs, q: &str) -> Option<PinyinQuery> {
        if !is_pinyin_query(q) || q.len() > MAX_QUERY {
            return None;
        }
        let q = q.as_bytes();
        let m = q.len();
        let mut steps = vec![(0u32, 0u32); glyphs.len() * m];
        for (g, readings) in glyphs.readings.iter().enumerate() {
            let initials = glyphs.initials.get(g).copied().unwrap_or(0);
            for j in 0..m {
                if initials & bit(q[j]) == 0 {
                    continue;
                }
                let rest = &q[j..];
                let (mut allowed, mut full) = (0u32, 0u32);
                for r in readings.iter() {
                    let rb = r.as_bytes();
                    let common = rb.iter().zip(rest).take_while(|(a, b)| a == b).count();
                    if common == 0 {
                        continue;
                    }
                    let mut allow = |l: usize| allowed |= 1 << (l - 1);
                    allow(1);
                    if common == rb.len() {
                        allow(rb.len());
                        full |= 1 << (rb.len() - 1);
                    }
                    if common == rest.len() {
                        allow(rest.len());
                        if rest.len() == rb.len() {
                            full |= 1 << (rb.len() - 1);
                        }
                    } else if common >= 2 && matches!(&rb[..2], b"zh" | b"ch" | b"sh") {
                        allow(2);
                    }
                }
                if let Some(s) = steps.get_mut(g * m + j) {
                    *s = (allowed, full);
                }
            }
        }
        let live = (0..glyphs.len())
            .map(|g| {
                steps
                    .get(g * m..g * m + m)
                    .is_some_and(|row| row.iter().any(|s| s.0 != 0))
            })
            .collect();
        // ceiling_from[j]: the best score of q[j..] by any glyphs of the table.
        let mut ceiling_from = vec![NONE; m + 1];
        ceiling_from[m] = 0;
        for j in (0..m).rev() {
            let mut best = NONE;
            for g in 0..glyphs.len() {
                let (allowed, full) = steps.get(g * m + j).copied().unwrap_or((0, 0));
                let mut bits = allowed;
                while bits != 0 {
                    let l = bits.trailing_zeros() as usize + 1;
                    bits &= bits - 1;
                    let tail = ceiling_from.get(j + l).copied().unwrap_or(NONE);
                    if tail > NONE {
                        best = best.max(step_score(l, full & (1 << (l - 1)) != 0) + tail);
                    }
                }
            }
            ceiling_from[j] = best;
        }
        let pair = match m {
            2 => (0..glyphs.len())
                .map(|g| {
                    let best = |j: usize, lengths: u32| {
                        let (allowed, full) = steps.get(g * m + j).copied().unwrap_or((0, 0));
                        let mut bits = allowed & lengths;
                        let mut b = PAIR_NONE;
                        while bits != 0 {
                            let l = bits.trailing_zeros() as usize + 1;
                            bits &= bits - 1;
                            b = b.max(step_score(l, full & (1 << (l - 1)) != 0) as i16);
                        }
                        b
                    };
                    // At the first letter a piece of one letter leaves the
                    // second to the next character; a longer one ends the query.
                    [best(0, !1), best(0, 1), best(1, !0)]
                })
                .collect(),
            _ => Vec::new(),
        };
        Some(PinyinQuery {
            m,
            letters: q.to_vec(),
            first: bit(q[0]),
            steps,
            live,
            ceiling: ceiling_from[0],
            pair,
        })
    }

    /// [`PinyinQuery::score`] of a query of two letters: at each character,
    /// the best of a piece taking both letters and a piece taking the first
    /// followed by the next character's piece taking the second.
    fn score_pair(&self, text: &[u16], at_start: bool) -> Option<i64> {
        let none = [PAIR_NONE; 3];
        let row = |g: u16| *self.pair.get(g as usize).unwrap_or(&none);
        let (&head, rest) = text.split_first()?;
        let second_after_head = rest.first().map_or(PAIR_NONE, |&g| row(g)[2]);
        let [both, first, _] = row(head);
        let start = both.max(first + second_after_head);
        let mut best = match start {
            s if s > 0 => s as i32 + AT_START as i32,
            _ => NONE,
        };
        if !at_start {
            // From the last character back to the second, carrying the next
            // character's piece taking the second letter.
            let (mut inside, mut second_next) = (0i16, PAIR_NONE);
            for &g in rest.iter().rev() {
                let [both, first, second] = row(g);
                inside = inside.max(both.max(first + second_next));
                second_next = second;
            }
            if inside > 0 {
                best = best.max(inside as i32);
            }
        }
        (best > NONE).then_some(best as i64)
    }

    fn step(&self, g: u16, j: usize) -> (u32, u32) {
        if j >= self.m {
            return (0, 0);
        }
        self.steps
            .get(g as usize * self.m + j)
            .copied()
            .unwrap_or((0, 0))
    }

    /// Best score of the query spelling characters side by side in `text`, as
    /// [`match_title`] scores it; `at_start` only lets the match start at the
    /// first character (`^` queries).
    pub fn score(&self, text: &[u16], at_start: bool) -> Option<i64> {
        if self.m == 2 {
            return self.score_pair(text, at_start);
        }
        self.score_backwards(
            text.iter().enumerate().rev().map(|(i, &g)| (i == 0, g)),
            at_start,
        )
    }

    /// [`PinyinQuery::score`] of a text given as its glyphs from last to first,
    /// each with whether it is the first (so a body is scored without turning
    /// it into glyphs first).
    pub fn score_backwards(
        &self,
        glyphs: impl Iterator<Item = (bool, u16)>,
        at_start: bool,
    ) -> Option<i64> {
        let m = self.m;
        // best_from[j]: best score of q[j..] starting at the character after the
        // current one; updated in place for the current one (j ascending reads
        // only later positions, not yet updated).
        let mut best_from = [NONE; MAX_QUERY];
        let mut best = NONE;
        // best_from holds something other than NONE.
        let mut dirty = false;
        for (first, g) in glyphs {
            let row = match self.steps.get(g as usize * m..g as usize * m + m) {
                Some(row) if self.live.get(g as usize) == Some(&true) => row,
                _ => {
                    if dirty {
                        best_from[..m].fill(NONE);
                        dirty = false;
                    }
                    continue;
                }
            };
            dirty = true;
            for (j, &(allowed, full)) in row.iter().enumerate() {
                let mut b = NONE;
                let mut bits = allowed;
                while bits != 0 {
                    let l = bits.trailing_zeros() as usize + 1;
                    bits &= bits - 1;
                    let piece = if full & (1 << (l - 1)) != 0 {
                        10 + 2 * l as i32
                    } else if l == 1 {
                        6
                    } else {
                        4 + l as i32
                    };
                    let tail = if j + l >= m { 0 } else { best_from[j + l] };
                    if tail > NONE && piece + tail > b {
                        b = piece + tail;
                    }
                }
                best_from[j] = b;
            }
            if best_from[0] > NONE && (!at_start || first) {
                let s = best_from[0] + if first { AT_START as i32 } else { 0 };
                best = best.max(s);
            }
        }
        (best > NONE).then_some(best as i64)
    }

    /// [`PinyinQuery::score`] of `text` read forwards (each character's glyph
    /// by `glyph_of`), stopping as soon as the best score found is `enough` or
    /// more and no better one can follow: once the spellings that start at the
    /// first character (which score [`AT_START`] more) are over, and the best
    /// is at least the query's ceiling (no later spelling scores more) or
    /// `enough` (a caller that caps scores there needs no more). So the answer
    /// is the best score when it is below `enough`, else some score from
    /// `enough` up. A body is scored without turning it into glyphs first,
    /// and most bodies that spell the query are read only up to a spelling.
    pub fn score_forwards(
        &self,
        text: &str,
        glyph_of: impl Fn(char) -> u16,
        enough: i64,
    ) -> Option<i64> {
        let m = self.m;
        let mut spellings = Spellings::new(m, enough.min(self.ceiling as i64));
        for (i, c) in text.chars().enumerate() {
            let g = glyph_of(c);
            match self.steps.get(g as usize * m..g as usize * m + m) {
                Some(row) if self.live.get(g as usize) == Some(&true) => {
                    spellings.step(row, i == 0);
                    if spellings.done(i) {
                        break;
                    }
                }
                _ => spellings.gap(),
            }
        }
        spellings.score()
    }

    /// The query's steps by character code (see [`CodeSteps`]), for reading
    /// many bodies with [`PinyinQuery::score_coded`]; `glyph_by_code` is
    /// [`Glyphs::table`] of the glyphs the query was compiled with. None when
    /// the characters take more than 255 different rows of steps.
    pub fn code_steps(&self, glyph_by_code: &[u16]) -> Option<CodeSteps> {
        let m = self.m;
        let mut class_of = vec![0u8; self.live.len()];
        let mut rows: Vec<(u32, u32)> = vec![(0, 0); m];
        let mut by_row: std::collections::HashMap<&[(u32, u32)], u8> = Default::default();
        for (g, class) in class_of.iter_mut().enumerate() {
            let Some(row) = self.steps.get(g * m..g * m + m) else {
                continue;
            };
            if self.live.get(g) != Some(&true) {
                continue;
            }
            *class = match by_row.get(row) {
                Some(&c) => c,
                None => {
                    let c = u8::try_from(rows.len() / m).ok()?;
                    rows.extend_from_slice(row);
                    by_row.insert(row, c);
                    c
                }
            };
        }
        let mut reach = Box::new([[0u64; MAX_PIECE]; 256]);
        let mut start = Box::new([0u64; 256]);
        let mut longest = 0;
        for (k, &(allowed, _)) in rows.iter().enumerate() {
            let (c, j) = (k / m, k % m);
            let mut bits = allowed;
            while bits != 0 {
                let l = bits.trailing_zeros() as usize + 1;
                bits &= bits - 1;
                *reach.get_mut(c)?.get_mut(l - 1)? |= 1 << j;
                if j == 0 {
                    *start.get_mut(c)? |= 1 << l;
                }
                longest = longest.max(l);
            }
        }
        let mut class = Box::new([0u8; 0x1_0000]);
        for (slot, &g) in class.iter_mut().zip(glyph_by_code) {
            *slot = class_of.get(g as usize).copied().unwrap_or(0);
        }
        let starts = crate::text::BmpSet::from_fn(|code| start[class[code] as usize] != 0);
        Some(CodeSteps {
            class,
            rows,
            reach,
            start,
            starts,
            longest,
        })
    }

    /// [`PinyinQuery::score_forwards`] with each character's steps from
    /// `steps` (made by [`PinyinQuery::code_steps`] from the table
    /// `glyph_of` reads): the same answer. The text is read byte by byte
    /// for where spellings reach, without scores (a table lookup a character
    /// while none is open, as in most of a body; a few mask operations while
    /// some are); only where one completes the query are its last characters
    /// (as many as the query has letters, the most a spelling takes) scored,
    /// for the spellings ending there.
    pub fn score_coded(&self, text: &str, steps: &CodeSteps, enough: i64) -> Option<i64> {
        self.score_coded_from(text, 0, steps, enough).0
    }

    /// [`PinyinQuery::score_coded`] of `text` read from byte `from` (the start
    /// of a character): the same answer when no spelling starts before it, as
    /// where an earlier reading of a shorter query (a start of this one) found
    /// where its spellings start ([`super::rank::ReadFrom`]). Also the byte from which
    /// every spelling in `text` starts, from the first one completed: the
    /// start of the query's length in characters before its end (a spelling
    /// takes a character a letter at most, and none ends sooner); None when
    /// none is, and then `text` holds no spelling from `from` on.
    pub fn score_coded_from(
        &self,
        text: &str,
        from: usize,
        steps: &CodeSteps,
        enough: i64,
    ) -> (Option<i64>, Option<usize>) {
        let m = self.m;
        let enough = enough.min(self.ceiling as i64);
        let bytes = text.as_bytes();
        let open_bits: u64 = (1u64 << m) - 1;
        let longest = steps.longest.min(MAX_PIECE);
        // Bit j: q[..j] spelled by characters ending with the last one read.
        let mut reached: u64 = 0;
        let mut best = NONE;
        let mut starts = None;
        // From a later byte than the first, no spelling starts at the first
        // character (the one that scores AT_START more): as if m were read.
        let (mut at, mut i) = match from {
            0 => (0usize, 0usize),
            from => (from, m),
        };
        // A spelling scored `enough` or more before the m-th character.
        let mut armed = false;
        while at < bytes.len() {
            let (class, next) = if reached == 0 && !armed {
                // Nothing open: on to the next character that starts one.
                let (after, read, class, next) = skip_to_start(bytes, at, steps);
                at = after;
                i += read;
                if next == 0 {
                    break;
                }
                (class, next)
            } else {
                let (code, width) = decode(bytes, at);
                at += width;
                i += 1;
                let class = steps.class[code & 0xFFFF];
                let from = reached | 1;
                let mut next = 0u64;
                for (l, &mask) in steps.reach[class as usize].iter().take(longest).enumerate() {
                    next |= (from & mask) << (l + 1);
                }
                (class, next)
            };
            reached = next & open_bits;
            if next >> m != 0 {
                // Spellings end here: score those of the last m characters.
                let window = back_chars(bytes, at, m).max(from);
                let first = window == 0;
                let s = self.score_window(bytes.get(window..at).unwrap_or(&[]), steps, first);
                best = best.max(s);
                starts.get_or_insert(window);
            }
            if best as i64 >= enough {
                if class != 0 && i >= m {
                    break;
                }
                armed = true;
            }
        }
        ((best > NONE).then_some(best as i64), starts)
    }

    /// The best score of a spelling ending at the last character of
    /// `window` (or anywhere in it), the first one the text's first when
    /// `first`.
    fn score_window(&self, window: &[u8], steps: &CodeSteps, first: bool) -> i32 {
        let m = self.m;
        let mut spellings = Spellings::new(m, i64::MAX);
        let Ok(text) = std::str::from_utf8(window) else {
            return NONE;
        };
        for (k, c) in text.chars().enumerate() {
            let class = match usize::try_from(u32::from(c)) {
                Ok(code) if code < 0x1_0000 => steps.class[code] as usize,
                _ => 0,
            };
            match steps.rows.get(class * m..class * m + m) {
                Some(row) if class != 0 => spellings.step(row, first && k == 0),
                _ => spellings.gap(),
            }
        }
        spellings.best
    }

    /// [`PinyinQuery::score`] of a one-letter query from the text's
    /// [`LetterMasks`]; None for longer queries (use `score`).
    pub fn score_letter(&self, masks: &LetterMasks, at_start: bool) -> Option<Option<i64>> {
        if self.m != 1 {
            return None;
        }
        let b = self.first;
        let piece = |singles: u32| if singles & b != 0 { 12 } else { 6 };
        let start = (masks.first_initials & b != 0).then(|| piece(masks.first_singles) + AT_START);
        if at_start {
            return Some(start);
        }
        let inside = (masks.initials & b != 0).then(|| piece(masks.singles));
        Some(start.max(inside))
    }

    /// The query positions reachable after spelling `text` from position `j`
    /// (bit `k`: `q[..k]` spelled; bit `m` also when the query ended inside
    /// `text`), and whether it ended inside or at the end of `text`. Used to chain
    /// body words.
    pub fn reach(&self, text: &[u16], j: usize) -> (u64, bool) {
        let m = self.m;
        let mut at: u64 = 1 << j;
        let mut ended = false;
        for &g in text {
            let mut next = 0u64;
            let mut bits = at & ((1u64 << m) - 1);
            while bits != 0 {
                let k = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let (allowed, _) = self.step(g, k);
                next |= (allowed as u64) << (k + 1);
            }
            at = next & ((1u64 << (m + 1)) - 1);
            if at & (1 << m) != 0 {
                ended = true;
            }
            if at == 0 {
                break;
            }
        }
        (at, ended)
    }

    /// The piece lengths glyph `g` can take at query position `j`, and which
    /// of them are whole readings (bit `l - 1` for length `l`).
    pub fn step_at(&self, g: u16, j: usize) -> (u32, u32) {
        self.step(g, j)
    }

    /// The piece lengths glyph `g` can take at query position `j` (bit `l - 1`
    /// for length `l`; the last piece may be any start of a reading).
    pub fn pieces(&self, g: u16, j: usize) -> u32 {
        self.step(g, j).0
    }

    /// Query length in letters.
    pub fn len(&self) -> usize {
        self.m
    }

    /// The best score a spelling that does not start a text can have.
    pub fn ceiling(&self) -> i32 {
        self.ceiling
    }

    /// The query's letters.
    pub fn letters(&self) -> &[u8] {
        &self.letters
    }

    /// The piece lengths some glyph of the table can take at query position
    /// `j` (bit `l - 1` for length `l`).
    pub fn piece_lengths(&self, j: usize) -> u32 {
        self.steps_at(j).fold(0, |acc, s| acc | s.0)
    }

    /// True when some cut of the query into one piece or two is made of
    /// pieces some glyph of the table can take ([`PinyinQuery::piece_lengths`]):
    /// only then may one character or two side by side spell it.
    pub fn cuts_in_two(&self) -> bool {
        let m = self.m;
        let first = self.piece_lengths(0);
        (1..=m).any(|l| {
            first & (1 << (l - 1)) != 0
                && (l == m || self.piece_lengths(l) & (1 << (m - l - 1)) != 0)
        })
    }

    /// The piece lengths some glyph of the table takes as a whole reading at
    /// query position `j`.
    pub fn full_lengths(&self, j: usize) -> u32 {
        self.steps_at(j).fold(0, |acc, s| acc | s.1)
    }

    /// Every glyph's steps at query position `j`.
    fn steps_at(&self, j: usize) -> impl Iterator<Item = &(u32, u32)> {
        self.steps
            .iter()
            .skip(if j < self.m { j } else { self.steps.len() })
            .step_by(self.m.max(1))
    }

    pub fn is_empty(&self) -> bool {
        self.m == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn queries_one_or_two_characters_can_spell_are_cut_in_two() {
        let glyphs = Glyphs::of_chars(&chars("社区治理长江"));
        let cut = |q: &str| PinyinQuery::new(&glyphs, q).unwrap().cuts_in_two();
        assert!(cut("shequ"), "she qu");
        assert!(cut("sheq"), "she q");
        assert!(cut("sq"));
        assert!(cut("changj"), "chang j");
        assert!(cut("z"));
        assert!(!cut("sqz"), "a letter a piece: three characters");
        assert!(!cut("sqzl"));
        assert!(!cut("shequz"), "she qu z at least");
    }

    #[test]
    fn initials_full_and_mixed_readings_match() {
        let t = chars("推进社区治理现代化");
        assert_eq!(match_title(&t, "sqzl").map(|m| m.1), Some(vec![2, 3, 4, 5]));
        assert_eq!(
            match_title(&t, "shequzhili").map(|m| m.1),
            Some(vec![2, 3, 4, 5])
        );
        assert_eq!(
            match_title(&t, "shequzl").map(|m| m.1),
            Some(vec![2, 3, 4, 5])
        );
        assert_eq!(match_title(&t, "xdh").map(|m| m.1), Some(vec![6, 7, 8]));
        assert!(match_title(&t, "sqzlx").is_some());
        assert!(match_title(&t, "zlsq").is_none());
        assert!(
            match_title(&t, "sqx").is_none(),
            "characters side by side only"
        );
        assert!(match_title(&t, "shequq").is_none());
        assert_eq!(
            match_title(&t, "shequzhil").map(|m| m.1),
            Some(vec![2, 3, 4, 5])
        );
        assert_eq!(match_title_start(&t, "tj").map(|m| m.1), Some(vec![0, 1]));
        assert!(match_title_start(&t, "sq").is_none());
    }

    #[test]
    fn polyphonic_characters_match_every_reading() {
        for q in ["chang", "zhang"] {
            assert!(match_title(&chars("长江"), q).is_some(), "{q}");
        }
        for q in ["xing", "hang"] {
            assert!(match_title(&chars("银行"), q).is_some(), "{q}");
        }
        for q in ["zhong", "chong"] {
            assert!(match_title(&chars("重庆"), q).is_some(), "{q}");
        }
    }

    #[test]
    fn contiguous_full_readings_score_higher() {
        assert!(match_title(&chars("社会的区域在治的理"), "sqzl").is_none());
        let at_start = match_title(&chars("社区治理"), "sqzl").unwrap().0;
        let inside = match_title(&chars("推进社区治理"), "sqzl").unwrap().0;
        assert!(at_start > inside);
        let full = match_title(&chars("社区治理"), "shequ").unwrap().0;
        let initials = match_title(&chars("社区治理"), "sq").unwrap().0;
        assert!(full > initials);
    }

    #[test]
    fn compiled_queries_score_as_the_reference_matcher() {
        let titles = [
            "推进社区治理现代化",
            "长江行重庆银行",
            "shequ社区ABC治理",
            "社会的区域在治的理",
            "乡村振兴战略 xczx",
            "阿姨额外 e",
            "e人",
            "",
        ];
        let folded: Vec<String> = titles.iter().map(|t| super::super::fold::fold(t)).collect();
        let mut glyphs = Glyphs::new();
        let texts = GlyphTexts::build(&mut glyphs, folded.iter().map(String::as_str));
        let queries = [
            "s",
            "sq",
            "sqz",
            "sqzl",
            "shequ",
            "shequzhili",
            "shequzl",
            "zl",
            "zhil",
            "chang",
            "zhang",
            "xing",
            "hang",
            "zhong",
            "chong",
            "cq",
            "abc",
            "xczx",
            "xiangc",
            "q",
            "zz",
            "a",
            "e",
            "t",
            "x",
            "z",
            "o",
        ];
        for q in queries {
            let pq = PinyinQuery::new(&glyphs, q).unwrap();
            for (k, t) in folded.iter().enumerate() {
                let chars: Vec<char> = t.chars().collect();
                assert_eq!(
                    pq.score(texts.get(k), false),
                    match_title(&chars, q).map(|m| m.0),
                    "{q} in {t}"
                );
                assert_eq!(
                    pq.score(texts.get(k), true),
                    match_title_start(&chars, q).map(|m| m.0),
                    "^{q} in {t}"
                );
                let masks = glyphs.letter_masks(texts.get(k));
                for at_start in [false, true] {
                    if let Some(s) = pq.score_letter(&masks, at_start) {
                        assert_eq!(s, pq.score(texts.get(k), at_start), "{q} {at_start} {t}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// Glyphs made again from the characters they list (as the search
        /// cache keeps them) number every character as they did: the titles
        /// kept as glyph numbers read the same.
        #[test]
        fn glyphs_made_from_their_characters_number_them_alike(
            texts in proptest::collection::vec("[社区治理长行重银江是去在里阿额恶而和e sa1，é😀]{0,12}", 1..8),
        ) {
            let mut glyphs = Glyphs::new();
            let seq = GlyphTexts::build(&mut glyphs, texts.iter().map(String::as_str));
            let again = Glyphs::of_chars(&glyphs.chars());
            proptest::prop_assert_eq!(again.len(), glyphs.len());
            proptest::prop_assert_eq!(again.table(), glyphs.table());
            for (k, t) in texts.iter().enumerate() {
                let numbered: Vec<u16> = t.chars().map(|c| again.by_char.get(&c).copied().unwrap_or(u16::MAX)).collect();
                proptest::prop_assert_eq!(&numbered[..], seq.get(k));
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// Every title a pinyin query of two letters or more matches holds all
        /// its pairs of letters (the pairs only reject).
        #[test]
        fn letter_pairs_keep_every_title_a_query_matches(
            titles in proptest::collection::vec("[社区治理长行重银江是去在里阿额e a1]{0,10}", 1..10),
            q in "[a-z]{2,6}|shequ|zhili|sqzl|changx|hang|ea|aee",
        ) {
            let folded: Vec<String> = titles.iter().map(|t| super::super::fold::fold(t)).collect();
            let mut glyphs = Glyphs::new();
            let texts = GlyphTexts::build(&mut glyphs, folded.iter().map(String::as_str));
            let pairs = LetterPairs::build(&glyphs, &texts);
            let Some(with) = pairs.texts_with(&q, folded.len()) else {
                return Err(proptest::test_runner::TestCaseError::fail("two letters or more"));
            };
            for (k, t) in folded.iter().enumerate() {
                let chars: Vec<char> = t.chars().collect();
                if match_title(&chars, &q).is_some() {
                    proptest::prop_assert!(with.contains(k as u32), "{q} in {t}");
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Reading a body forwards and stopping early gives the best score of
        /// the reference matcher, or, where that is `enough` or more, some
        /// score from `enough` up to it.
        #[test]
        fn reading_forwards_scores_as_the_reference_matcher(
            texts in proptest::collection::vec("[社区治理长行重银江是去在里阿额恶而和e s\n，1é😀]{0,40}", 1..6),
            q in "[a-z]{1,6}|shequ|zhili|sqzl|changx|hang|ea|aee|she|sheq",
            enough in 0i64..60,
        ) {
            let folded: Vec<String> = texts.iter().map(|t| super::super::fold::fold(t)).collect();
            let mut glyphs = Glyphs::new();
            let _ = GlyphTexts::build(&mut glyphs, folded.iter().map(String::as_str));
            let table = glyphs.table();
            let glyph_of = |c: char| table.get(c as usize).copied().unwrap_or(0);
            let pq = PinyinQuery::new(&glyphs, &q).unwrap();
            for t in &folded {
                let chars: Vec<char> = t.chars().collect();
                let best = match_title(&chars, &q).map(|m| m.0);
                let read = pq.score_forwards(t, glyph_of, enough);
                proptest::prop_assert_eq!(
                    read.map(|s| s.min(enough)),
                    best.map(|s| s.min(enough)),
                    "{} in {:?}", q, t
                );
                proptest::prop_assert!(read <= best, "{} in {:?}", q, t);
                proptest::prop_assert_eq!(pq.score_forwards(t, glyph_of, i64::MAX), best);
                // Read byte by byte with the steps by code point: the same.
                let steps = pq.code_steps(&table);
                proptest::prop_assert!(steps.is_some());
                if let Some(steps) = steps {
                    proptest::prop_assert_eq!(pq.score_coded(t, &steps, enough), read, "{} in {:?}", q, t);
                    proptest::prop_assert_eq!(pq.score_coded(t, &steps, i64::MAX), best);
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// A query typed on from `q` (its start) read from the byte where
        /// reading `q` found every spelling of `q` to start scores as reading
        /// the whole text; where `q` spells nothing, so does it.
        #[test]
        fn reading_on_from_where_the_start_spells_scores_alike(
            texts in proptest::collection::vec("[社区治理长行重银江是去在里阿额恶而和e s\n，1é😀]{0,40}", 1..6),
            q in "[a-z]{1,5}|she|sheq|zhi|chang|ea",
            more in "[a-z]{1,3}|qu|li|ng|x",
            enough in 0i64..60,
            enough_before in 0i64..60,
        ) {
            let folded: Vec<String> = texts.iter().map(|t| super::super::fold::fold(t)).collect();
            let mut glyphs = Glyphs::new();
            let _ = GlyphTexts::build(&mut glyphs, folded.iter().map(String::as_str));
            let table = glyphs.table();
            let longer = format!("{q}{more}");
            let (Some(short), Some(long)) = (PinyinQuery::new(&glyphs, &q), PinyinQuery::new(&glyphs, &longer)) else {
                return Ok(());
            };
            let (Some(short_steps), Some(long_steps)) = (short.code_steps(&table), long.code_steps(&table)) else {
                return Ok(());
            };
            for t in &folded {
                let (_, starts) = short.score_coded_from(t, 0, &short_steps, enough_before);
                let whole = long.score_coded(t, &long_steps, i64::MAX);
                let capped = long.score_coded(t, &long_steps, enough);
                match starts {
                    None => proptest::prop_assert_eq!(whole, None, "{} in {:?}", longer, t),
                    Some(from) => {
                        let (s, _) = long.score_coded_from(t, from, &long_steps, i64::MAX);
                        proptest::prop_assert_eq!(s, whole, "{} in {:?} from {}", longer, t, from);
                        let (s, _) = long.score_coded_from(t, from, &long_steps, enough);
                        proptest::prop_assert_eq!(s.map(|s| s.min(enough)), capped.map(|s| s.min(enough)), "{} in {:?} from {}", longer, t, from);
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// A query of two letters (scored by its table of pieces) scores as the
        /// reference matcher, anywhere and at the start.
        #[test]
        fn two_letters_score_as_the_reference_matcher(
            titles in proptest::collection::vec("[社区治理长行重银江是去在里阿额恶而和安e sa1，]{0,12}", 1..8),
            q in "[a-z]{2}|ea|ae|sh|zh|ch|an|er|ee|aa",
        ) {
            let folded: Vec<String> = titles.iter().map(|t| super::super::fold::fold(t)).collect();
            let mut glyphs = Glyphs::new();
            let texts = GlyphTexts::build(&mut glyphs, folded.iter().map(String::as_str));
            let pq = PinyinQuery::new(&glyphs, &q).unwrap();
            for (k, t) in folded.iter().enumerate() {
                let chars: Vec<char> = t.chars().collect();
                proptest::prop_assert_eq!(
                    pq.score(texts.get(k), false),
                    match_title(&chars, &q).map(|m| m.0),
                    "{} in {:?}", q, t
                );
                proptest::prop_assert_eq!(
                    pq.score(texts.get(k), true),
                    match_title_start(&chars, &q).map(|m| m.0),
                    "^{} in {:?}", q, t
                );
            }
        }
    }

    #[test]
    fn letter_pairs_reject_titles_that_cannot_spell_the_query() {
        let folded = ["社区治理", "治理社区", "区社"];
        let mut glyphs = Glyphs::new();
        let texts = GlyphTexts::build(&mut glyphs, folded.iter().copied());
        let pairs = LetterPairs::build(&glyphs, &texts);
        let docs = |q: &str| pairs.texts_with(q, 3).map(|s| s.to_vec());
        assert_eq!(docs("sq"), Some(vec![0, 1]));
        assert_eq!(docs("ls"), Some(vec![1]));
        assert_eq!(docs("zs"), Some(vec![]));
        assert_eq!(docs("shequ"), Some(vec![0, 1]));
        assert_eq!(docs("qs"), Some(vec![2]));
        assert_eq!(docs("s"), None);
    }

    #[test]
    fn reach_chains_words() {
        let mut glyphs = Glyphs::new();
        let words = GlyphTexts::build(&mut glyphs, ["社区", "治理", "区"].into_iter());
        let pq = PinyinQuery::new(&glyphs, "sqzl").unwrap();
        assert_eq!(pq.reach(words.get(0), 0), (1 << 2, false));
        assert_eq!(pq.reach(words.get(1), 2), (1 << 4, true));
        assert_eq!(pq.reach(words.get(1), 0), (0, false));
        let pq = PinyinQuery::new(&glyphs, "sqz").unwrap();
        assert!(pq.reach(words.get(1), 2).1);
    }

    #[test]
    fn masks_reject_quickly() {
        let m = masks("社区治理");
        assert!(may_match(m, "sqzl", query_mask("sqzl")));
        assert!(!may_match(m, "x", query_mask("x")));
    }
}

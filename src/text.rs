//! Small text helpers shared by the core and the front ends: normalisation for
//! comparison and ids, and text fitted to a number of display cells.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// NFKC-normalise `s` and drop all whitespace: the form used to compare titles
/// and to derive ids, so full-/half-width and spacing differences do not matter.
pub fn comparison_key(s: &str) -> String {
    // Fast path: ASCII, CJK unified ideographs and common CJK punctuation are
    // already NFKC (and compose with nothing), so only whitespace goes.
    // Full-width forms fold to ASCII on it (see [`nfkc_simple`]). One reading:
    // the key is gathered as the characters are tested, and given up at the
    // first that needs the whole normalisation. Printable ASCII and the Han
    // characters U+4E00-U+9FFF (a title's nearly every character) are told by
    // their first byte (`E4 B8`-`E9`) and copied a run at a time, unread.
    let b = s.as_bytes();
    let mut key = String::with_capacity(s.len());
    // Where the bytes not yet copied start.
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let kept = stable_len(b, i);
        if kept > 0 {
            i += kept;
            continue;
        }
        key.push_str(&s[run..i]);
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        match nfkc_simple(c) {
            Some(c) if c.is_whitespace() => {}
            Some(c) => key.push(c),
            None => return s.nfkc().filter(|c| !c.is_whitespace()).collect(),
        }
        i += c.len_utf8();
        run = i;
    }
    key.push_str(&s[run..]);
    key
}

/// The first `n` characters of the comparison key of `parts` read one after another
/// (each part normalised on its own), without normalising more than needed.
pub fn comparison_key_prefix(parts: &[impl AsRef<str>], n: usize) -> String {
    let mut out = String::with_capacity(4 * n);
    let mut taken = 0;
    for part in parts {
        // Printable ASCII and Han U+4E00-U+9FFF are taken a run of bytes at a time,
        // as [`comparison_key`] copies them; any other character is read alone.
        let s = part.as_ref();
        let b = s.as_bytes();
        let mut run = 0;
        let mut i = 0;
        while i < b.len() {
            let kept = stable_len(b, i);
            if kept > 0 {
                if taken == n {
                    out.push_str(&s[run..i]);
                    return out;
                }
                taken += 1;
                i += kept;
                continue;
            }
            out.push_str(&s[run..i]);
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            run = i;
            // Checked before stopping: a combining mark right after the last
            // character taken would change it.
            let Some(c) = nfkc_simple(c) else {
                return parts
                    .iter()
                    .flat_map(|p| p.as_ref().nfkc())
                    .filter(|c| !c.is_whitespace())
                    .take(n)
                    .collect();
            };
            if taken == n {
                return out;
            }
            if !c.is_whitespace() {
                out.push(c);
                taken += 1;
            }
        }
        out.push_str(&s[run..]);
    }
    out
}

/// The bytes of the character at byte `i` of `b` (UTF-8) when it is printable
/// ASCII or a Han character U+4E00-U+9FFF (told by its first bytes, `E4 B8`-`E9`):
/// characters NFKC keeps whatever surrounds them, and no whitespace. 0 for any
/// other character.
#[inline]
fn stable_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        0x21..=0x7E => 1,
        0xE5..=0xE9 => 3,
        0xE4 if b[i + 1] >= 0xB8 => 3,
        _ => 0,
    }
}

/// Characters NFKC leaves alone whatever surrounds them.
fn nfkc_stable(c: char) -> bool {
    c.is_ascii()
        || matches!(c as u32, 0x4E00..=0x9FFF | 0x3001..=0x3002 | 0x3008..=0x3011 | 0x2018..=0x2019 | 0x201C..=0x201D | 0x2014 | 0xB7)
}

/// What NFKC makes of `c` when that is one character and, among characters
/// that all are such, depends on `c` alone: [`nfkc_stable`] ones are left as
/// they are, full-width forms `！`-`～` (U+FF01-U+FF5E, a title's `：`, a lede's
/// `，`) are their ASCII twins and the ideographic space a space. None of these
/// composes with another of them (no combining mark is among them), so a text
/// made only of them is normalised one character at a time.
fn nfkc_simple(c: char) -> Option<char> {
    if nfkc_stable(c) {
        return Some(c);
    }
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{3000}' => Some(' '),
        _ => None,
    }
}

/// The 1-based line of `text` holding byte `offset` (counted in bytes: an offset
/// from a parser may fall inside a character, and this never panics).
pub fn line_at_byte(text: &str, offset: usize) -> usize {
    let before = text.as_bytes().get(..offset).unwrap_or(text.as_bytes());
    memchr::memchr_iter(b'\n', before).count() + 1
}

/// Fold one full-width ASCII variant (`Ａ`, `１`, `？`, ideographic space) to ASCII.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// XXH3 of `parts` read one after another with every whitespace character
/// removed and full-width ASCII variants folded ([`fold_width`]): a fingerprint
/// of text that survives re-spacing, re-wrapping, other line ends and full- or
/// half-width letters, digits and punctuation. Linear; the folded text is
/// gathered in a buffer kept by the thread and hashed at once (fed piece by
/// piece, between the commas of Chinese text, the hasher cost more than the
/// reading).
pub fn folded_hash(parts: &[impl AsRef<str>]) -> u64 {
    with_folded(parts, xxhash_rust::xxh3::xxh3_64)
}

/// [`folded_hash`] of `parts` and XXH3 of their [`folded_prefix`] (the first `n`
/// characters), from one reading of the text.
pub fn folded_hash_and_prefix_hash(parts: &[impl AsRef<str>], n: usize) -> (u64, u64) {
    with_folded(parts, |folded| {
        // Folding drops or replaces whole characters of UTF-8 text: the opening's
        // bytes end where its (n+1)-th character starts, and are hashed as they
        // are (no string is made of them, nor checked again for UTF-8).
        let end = folded
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b & 0xC0 != 0x80)
            .nth(n)
            .map_or(folded.len(), |(i, _)| i);
        (
            xxhash_rust::xxh3::xxh3_64(folded),
            xxhash_rust::xxh3::xxh3_64(&folded[..end]),
        )
    })
}

/// `f` of `parts` folded as [`folded_hash`] reads them, gathered in a buffer kept
/// by the thread.
fn with_folded<T>(parts: &[impl AsRef<str>], f: impl FnOnce(&[u8]) -> T) -> T {
    thread_local! {
        static FOLDED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    FOLDED.with_borrow_mut(|out| {
        out.clear();
        for part in parts {
            fold_into(part.as_ref().as_bytes(), out);
        }
        let result = f(out);
        if out.capacity() > 1 << 20 {
            *out = Vec::new();
        }
        result
    })
}

/// Append the bytes of `s` (UTF-8) to `out`, whitespace dropped and full-width
/// ASCII variants folded ([`fold_width`]). Only characters opening with the
/// bytes of [`may_fold_or_space`] can be either; they are told apart on their
/// bytes, without decoding: ASCII whitespace; U+0085 and U+00A0 (`C2 85`,
/// `C2 A0`); U+1680 (`E1 9A 80`); U+2000-U+200A, U+2028, U+2029, U+202F
/// (`E2 80 xx`) and U+205F (`E2 81 9F`); U+3000 (`E3 80 80`); U+FF01-U+FF5E
/// (`EF BC 81`-`EF BD 9E`), folded to U+0021-U+007E.
fn fold_into(s: &[u8], out: &mut Vec<u8>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2 (asked just now).
        unsafe { fold_into_avx2(s, out) };
        return;
    }
    fold_blocks(s, out, fold_starts);
}

/// [`fold_into`] thirty-two bytes at a time, with AVX2's wider vectors (only
/// where the processor has AVX2).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn fold_into_avx2(s: &[u8], out: &mut Vec<u8>) {
    // SAFETY: this function runs only where the processor has AVX2.
    fold_blocks(s, out, |window| unsafe { fold_starts_avx2(window) });
}

/// [`fold_into`] read `W - 2` bytes at a time (and the two after them): the
/// places among them where such a character may start are found at once by
/// `starts`, as a bit mask, told by its first three bytes (so the many
/// characters that open as one does, `、`, `。`, `“`, `—`, `…`, are passed over),
/// and read one after another (in Chinese text most blocks hold none, or a
/// comma). The last bytes are read in a window of them padded with a letter,
/// which starts nothing.
#[inline(always)]
fn fold_blocks<const W: usize>(s: &[u8], out: &mut Vec<u8>, starts: impl Fn(&[u8; W]) -> u32) {
    let mut run = 0;
    let mut i = 0;
    let mut padded = [b'a'; W];
    while i < s.len() {
        let base = i;
        let window = match s[i..].first_chunk::<W>() {
            Some(window) => window,
            None => {
                let rest = &s[i..];
                padded[..rest.len()].copy_from_slice(rest);
                padded[rest.len()..].fill(b'a');
                &padded
            }
        };
        let mut mask = starts(window);
        while mask != 0 {
            let at = base + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            // (Never inside a character read already: such bytes open characters.)
            if at >= i {
                i = fold_one(s, at, &mut run, out);
            }
        }
        i = i.max(base + W - 2);
    }
    out.extend_from_slice(&s[run..]);
}

/// Read the character opening at byte `i` of `s` for [`fold_into`]: when it is
/// whitespace or folds, the bytes from `run` up to it and what it folds to are
/// appended to `out` and `run` moves past it. Returns where reading goes on.
fn fold_one(s: &[u8], i: usize, run: &mut usize, out: &mut Vec<u8>) -> usize {
    let b = s[i];
    if !may_fold_or_space(b) {
        return i + 1;
    }
    let (b1, b2) = (
        s.get(i + 1).copied().unwrap_or(0),
        s.get(i + 2).copied().unwrap_or(0),
    );
    // How many bytes the character takes, and what it folds to (None: dropped).
    let (len, folded) = match b {
        0xC2 if matches!(b1, 0x85 | 0xA0) => (2, None),
        0xE1 if (b1, b2) == (0x9A, 0x80) => (3, None),
        0xE2 if b1 == 0x80 && matches!(b2, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => (3, None),
        0xE2 if (b1, b2) == (0x81, 0x9F) => (3, None),
        0xE3 if (b1, b2) == (0x80, 0x80) => (3, None),
        0xEF if (b1 == 0xBC && (0x81..=0xBF).contains(&b2))
            || (b1 == 0xBD && (0x80..=0x9E).contains(&b2)) =>
        {
            // U+FF01 + k (k < 0x5E) -> U+0021 + k.
            let k = (usize::from(b1 & 1) << 6) + usize::from(b2 & 0x3F) - 1;
            (3, u8::try_from(0x21 + k).ok())
        }
        0x09..=0x0D | 0x20 => (1, None),
        _ => return i + 1,
    };
    out.extend_from_slice(&s[*run..i]);
    out.extend(folded);
    *run = i + len;
    *run
}

/// Bit k (k < 16) set when a character that may be whitespace or fold opens at
/// byte k of `window` as [`may_start_fold`] tells it from its first three bytes
/// (the window's two last bytes are only read as such): on x86_64 in a few SSE2
/// steps (a part of every x86_64 target).
fn fold_starts(window: &[u8; 18]) -> u32 {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8,
            _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        };
        // SAFETY: the three loads read bytes 0..16, 1..17 and 2..18 of `window`
        // (unaligned loads are allowed); SSE2 is enabled on every x86_64 target.
        unsafe {
            let p = window.as_ptr();
            let v0 = _mm_loadu_si128(p.cast());
            let v1 = _mm_loadu_si128(p.add(1).cast());
            let v2 = _mm_loadu_si128(p.add(2).cast());
            let is = |v: __m128i, m: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(m as i8));
            let at_most = |v, m: u8| _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(m as i8)), v);
            let (and, or) = (|a, b| _mm_and_si128(a, b), |a, b| _mm_or_si128(a, b));
            // `E2`: `E2 80 80`-`8A`, `E2 80 A8`-`AF`, `E2 81`; `E3`: `E3 80 80`.
            let e2_tail = or(
                or(at_most(v2, 0x8A), is(v1, 0x81)),
                is(_mm_and_si128(v2, _mm_set1_epi8(0xF8u8 as i8)), 0xA8),
            );
            let e2 = and(is(v0, 0xE2), e2_tail);
            let e3 = and(is(v0, 0xE3), is(v2, 0x80));
            let any = or(
                or(
                    or(at_most(v0, 0x20), is(v0, 0xC2)),
                    or(is(v0, 0xE1), is(v0, 0xEF)),
                ),
                or(e2, e3),
            );
            (_mm_movemask_epi8(any) as u32) & 0xFFFF
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        (0..16).fold(0, |m, k| {
            m | (u32::from(may_start_fold(window[k], window[k + 1], window[k + 2])) << k)
        })
    }
}

/// [`fold_starts`] of 32 places (bits 0 to 31) of a 34-byte window, with AVX2
/// (only where the processor has it).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn fold_starts_avx2(window: &[u8; 34]) -> u32 {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };
    // SAFETY: the three loads read bytes 0..32, 1..33 and 2..34 of `window`
    // (unaligned loads are allowed); AVX2 is enabled in this function.
    unsafe {
        let p = window.as_ptr();
        let v0 = _mm256_loadu_si256(p.cast());
        let v1 = _mm256_loadu_si256(p.add(1).cast());
        let v2 = _mm256_loadu_si256(p.add(2).cast());
        let is = |v: __m256i, m: u8| _mm256_cmpeq_epi8(v, _mm256_set1_epi8(m as i8));
        let at_most =
            |v, m: u8| _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(m as i8)), v);
        let (and, or) = (|a, b| _mm256_and_si256(a, b), |a, b| _mm256_or_si256(a, b));
        // As [`fold_starts`] tells them.
        let e2_tail = or(
            or(at_most(v2, 0x8A), is(v1, 0x81)),
            is(_mm256_and_si256(v2, _mm256_set1_epi8(0xF8u8 as i8)), 0xA8),
        );
        let e2 = and(is(v0, 0xE2), e2_tail);
        let e3 = and(is(v0, 0xE3), is(v2, 0x80));
        let any = or(
            or(
                or(at_most(v0, 0x20), is(v0, 0xC2)),
                or(is(v0, 0xE1), is(v0, 0xEF)),
            ),
            or(e2, e3),
        );
        _mm256_movemask_epi8(any) as u32
    }
}

/// The first byte of a character that may be whitespace or fold ([`fold_width`]).
fn may_fold_or_space(b: u8) -> bool {
    matches!(b, 0x09..=0x0D | 0x20 | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

/// True when the character opening with bytes `b0 b1 b2` (those after its end
/// being any) may be whitespace or fold ([`fold_one`] tells which): any byte up to
/// a space, a character opening with `C2` (U+0085, U+00A0), `E1` (U+1680) or `EF`
/// (U+FF01-U+FF5E); `E2 80 80`-`8A`, `E2 80 A8`-`AF` and `E2 81` (U+2000-U+200A,
/// U+2028, U+2029, U+202F, U+205F); `E3 xx 80` (U+3000): not `、`, `。`, `《`, `“`,
/// `—`, `…`, which open as they do. Without branches, so [`fold_starts`] tells
/// it in a few vector steps.
#[cfg(any(not(target_arch = "x86_64"), test))]
fn may_start_fold(b0: u8, b1: u8, b2: u8) -> bool {
    let e2_tail = (b2 <= 0x8A) | (b1 == 0x81) | (b2 & 0xF8 == 0xA8);
    (b0 <= 0x20)
        | (b0 == 0xC2)
        | (b0 == 0xE1)
        | (b0 == 0xEF)
        | ((b0 == 0xE2) & e2_tail)
        | ((b0 == 0xE3) & (b2 == 0x80))
}

/// The first `n` characters of `parts` read one after another, folded as
/// [`folded_hash`] reads them.
pub fn folded_prefix(parts: &[impl AsRef<str>], n: usize) -> String {
    parts
        .iter()
        .flat_map(|p| p.as_ref().chars())
        .map(fold_width)
        .filter(|c| !c.is_whitespace())
        .take(n)
        .collect()
}

/// `s` with control characters (tabs, stray escapes) as spaces, so that it
/// draws as the one line it is.
pub fn controls_as_spaces(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// True for a character that must not reach a terminal or an editor as it is:
/// C0 controls (ESC, CR, LF, TAB, NUL...), DEL, C1 controls (U+0080-U+009F, which
/// some terminals obey as escape sequences), and the invisible characters that
/// reorder or hide text (bidi embeddings, overrides and isolates such as U+202E,
/// zero-width spaces and marks, line and paragraph separators, the BOM).
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(c as u32,
            0x061C | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2069 | 0xFEFF)
}

/// `s` with every [hidden control](is_hidden_control) written visibly: `\e` for
/// ESC, `\r`, `\n`, `\t`, `\0`, else `\u{7F}`, `\u{202E}`: the one way names,
/// paths, titles and messages made from user data are shown in a terminal, so a
/// crafted name can neither clear the screen nor fake a line of output.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    escape_controls_but(s, &[])
}

/// [`escape_controls`], leaving the characters of `keep` (such as `\n` between
/// the lines of a whole output) as they are.
pub fn escape_controls_but<'a>(s: &'a str, keep: &[char]) -> Cow<'a, str> {
    if !s
        .chars()
        .any(|c| is_hidden_control(c) && !keep.contains(&c))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if !is_hidden_control(c) || keep.contains(&c) {
            out.push(c);
            continue;
        }
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// `s` as one line of a table cell: tabs and line breaks as spaces (they are
/// layout), every other [hidden control](is_hidden_control) written visibly.
pub fn cell_text(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| if matches!(c, '\t' | '\n') { ' ' } else { c })
        .collect();
    escape_controls(&spaced).into_owned()
}

/// What marks text cut to fit, wherever the TUI or a CLI table cuts it (a
/// list title, a snippet, the status bar, a path in a dialog): `~`, one cell
/// in every terminal (`…` takes two in some CJK terminals, where a line ending
/// in it would run one cell over).
pub const CUT_MARK: char = '~';

/// `s` cut to at most `width` display cells, [`CUT_MARK`] in the last cell
/// marking the cut; what it draws is what the user reads, so [hidden
/// controls](is_hidden_control) are [written visibly](escape_controls) first.
pub fn fit_width(s: &str, width: usize) -> String {
    fit(s, width, Keep::Start)
}

/// The end of `s` that fits in `width` display cells, [`CUT_MARK`] first
/// marking the cut (for a path or a message whose end matters most).
pub fn fit_width_from_end(s: &str, width: usize) -> String {
    fit(s, width, Keep::End)
}

/// Which end of a cut text is kept.
#[derive(Clone, Copy, PartialEq)]
enum Keep {
    Start,
    End,
}

/// `s` with its controls escaped, cut to `width` cells at the other end
/// from `keep`, one of them [`CUT_MARK`].
fn fit(s: &str, width: usize, keep: Keep) -> String {
    let s = escape_controls(s);
    if s.width() <= width {
        return s.into_owned();
    }
    if width == 0 {
        return String::new();
    }
    let room = width - 1;
    let mut used = 0;
    let fits = |c: &char| {
        used += c.width().unwrap_or(0);
        used <= room
    };
    let mark = std::iter::once(CUT_MARK);
    match keep {
        Keep::Start => s.chars().take_while(fits).chain(mark).collect(),
        Keep::End => {
            let kept: Vec<char> = s.chars().rev().take_while(fits).collect();
            mark.chain(kept.into_iter().rev()).collect()
        }
    }
}

/// `n` and the English noun, singular for one: "1 article", "3 articles",
/// "2 matches".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        return format!("1 {noun}");
    }
    let plural = if noun.ends_with("ch") || noun.ends_with('s') || noun.ends_with('x') {
        format!("{noun}es")
    } else if noun.ends_with('y') && !noun.ends_with("ay") && !noun.ends_with("ey") {
        format!("{}ies", &noun[..noun.len() - 1])
    } else {
        format!("{noun}s")
    };
    format!("{n} {plural}")
}

/// The value of a digit printed half-width (`7`) or full-width (`７`).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

/// True for a digit printed half-width (`7`) or full-width (`７`).
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// True for the Han characters of the Basic Multilingual Plane: the CJK unified
/// ideographs, extension A and the compatibility ideographs.
pub fn is_bmp_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Whether `text` holds `c`, as `text.contains(c)` tells: one byte search for the
/// last byte of `c`'s UTF-8, its bytes compared where that byte is found (a match
/// of a whole character's bytes in valid UTF-8 is that character). `contains` sets
/// up a substring search for a character of two or more bytes on every call, which
/// costs more than the reading on the short lines the segmentation rules ask about.
pub fn holds_char(text: &str, c: char) -> bool {
    let mut buf = [0u8; 4];
    let enc = c.encode_utf8(&mut buf).as_bytes();
    let b = text.as_bytes();
    let last = enc.len() - 1;
    memchr::memchr_iter(enc[last], b).any(|i| i >= last && b[i - last..=i] == *enc)
}

/// Whether `text` holds `needle`, as `text.contains(needle)` tells: one byte search
/// for the needle's last byte, the needle compared where it ends there (as
/// [`holds_char`] finds a character).
pub fn holds_str(text: &str, needle: &str) -> bool {
    needle.is_empty() || find_str(text, needle).is_some()
}

/// Where `needle` first occurs in `text` (`str::find`, `None` for an empty
/// needle), found by one byte search for the needle's last byte and a compare of
/// the window it ends: the last byte of a Chinese character is shared by few others.
pub fn find_str(text: &str, needle: &str) -> Option<usize> {
    let (h, n) = (text.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    // (Found at `i` of `h[last..]`, the last byte ends a window opening at `i`.)
    let last = n.len() - 1;
    memchr::memchr_iter(n[last], &h[last..]).find(|&i| h[i..=i + last] == *n)
}

/// Whether `text` holds any of `cs` ([`holds_char`] of each).
pub fn holds_any_char(text: &str, cs: &[char]) -> bool {
    cs.iter().any(|&c| holds_char(text, c))
}

/// True for a Han character of any plane (the BMP's, and the supplementary
/// ideographic planes' extensions B to G and compatibility supplement).
pub fn is_han(c: char) -> bool {
    is_bmp_han(c) || matches!(c, '\u{20000}'..='\u{3134F}')
}

/// `c.is_alphanumeric()`, told for a character of the Basic Multilingual
/// Plane by a table made once from that function. The standard library's test
/// searches its tables for every character above ASCII: Han characters and the
/// full-width punctuation of Chinese text, which per-character passes over a
/// corpus's bodies (suggestion features, keyword spans) ask about each.
pub fn is_alphanumeric(c: char) -> bool {
    static BMP: std::sync::OnceLock<BmpSet> = std::sync::OnceLock::new();
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let code = c as usize;
    if code >= 0x1_0000 {
        return c.is_alphanumeric();
    }
    BMP.get_or_init(|| {
        BmpSet::from_fn(|code| char::from_u32(code as u32).is_some_and(char::is_alphanumeric))
    })
    .contains(code)
}

/// A set of code points of the Basic Multilingual Plane, one bit each (8 KiB):
/// bit `code % 64` of word `code / 64`. A character is told in it without a
/// search, and a reader that has a character's word from its UTF-8 bytes
/// ([`BmpSet::word`]) tests its bit without decoding it.
#[derive(Debug, Clone)]
pub struct BmpSet(Box<[u64; 0x1_0000 / 64]>);

impl BmpSet {
    /// The code points below U+10000 for which `member` holds.
    pub fn from_fn(mut member: impl FnMut(usize) -> bool) -> Self {
        let mut words = Box::new([0u64; 0x1_0000 / 64]);
        for code in (0..0x1_0000).filter(|&code| member(code)) {
            words[code / 64] |= 1 << (code % 64);
        }
        BmpSet(words)
    }

    /// Whether `code` is in the set (never, past the plane).
    #[inline]
    pub fn contains(&self, code: usize) -> bool {
        self.0
            .get(code / 64)
            .is_some_and(|w| w >> (code % 64) & 1 == 1)
    }

    /// Word `index` (below 1024): the code points `64 * index ..` as bits.
    #[inline]
    pub fn word(&self, index: usize) -> u64 {
        self.0[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table's answer is the standard library's for every character.
    #[test]
    fn alphanumeric_is_the_standard_librarys() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "{c:?} {:x}",
                c as u32
            );
        }
    }

    /// Han characters of every plane count as Han (a rare name character of
    /// extension B, C or G too); kana, hangul, full-width letters and
    /// punctuation do not.
    #[test]
    fn han_characters_of_every_plane_are_han() {
        for c in ['社', '㐀', '\u{FA11}', '𠀀', '𪜀', '𫝀', '\u{30000}'] {
            assert!(is_han(c), "{c:?}");
        }
        for c in ['あ', '한', 'Ａ', '。', '　', 'a', '1'] {
            assert!(!is_han(c), "{c:?}");
        }
        assert!(is_bmp_han('社') && !is_bmp_han('𠀀'));
    }

    /// A parser's byte offset inside a Chinese character gives its line, not a panic.
    /// Counts read as English: one article, two articles, three matches.
    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(count(1, "article"), "1 article");
        assert_eq!(count(0, "article"), "0 articles");
        assert_eq!(count(2, "match"), "2 matches");
        assert_eq!(count(1, "issue"), "1 issue");
        assert_eq!(count(3, "sidecar"), "3 sidecars");
        assert_eq!(count(2, "entry"), "2 entries");
        assert_eq!(count(2, "day"), "2 days");
    }

    #[test]
    fn line_at_byte_never_panics() {
        let text = "一\n二三\n四";
        assert_eq!(line_at_byte(text, 0), 1);
        assert_eq!(line_at_byte(text, 1), 1);
        assert_eq!(line_at_byte(text, 4), 2);
        assert_eq!(line_at_byte(text, 5), 2);
        assert_eq!(line_at_byte(text, 12), 3);
        assert_eq!(line_at_byte(text, 1000), 3);
    }

    /// Text cut to a width never takes more cells than that, wide characters
    /// included, and says it was cut.
    #[test]
    fn fit_width_counts_display_cells() {
        assert_eq!(fit_width("社区治理", 8), "社区治理");
        assert_eq!(fit_width("社区治理", 7), "社区治~");
        assert_eq!(fit_width("社区治理", 6), "社区~");
        assert_eq!(fit_width("abc", 1), "~");
        assert_eq!(fit_width("abc", 0), "");
        assert_eq!(fit_width_from_end("社区治理", 7), "~区治理");
        assert_eq!(fit_width_from_end("社区治理", 6), "~治理");
        assert_eq!(fit_width_from_end("社区治理", 8), "社区治理");
        assert_eq!(controls_as_spaces("标题\t副题\n"), "标题 副题 ");
    }

    /// Control characters and invisible reordering characters are shown as
    /// escapes a person can read; everything else, Chinese included, is untouched.
    #[test]
    fn escape_controls_shows_what_would_act_on_a_terminal() {
        assert_eq!(escape_controls("社区治理 abc"), "社区治理 abc");
        assert!(matches!(escape_controls("社区"), Cow::Borrowed(_)));
        assert_eq!(escape_controls("a\u{1b}[2Jb"), "a\\e[2Jb");
        assert_eq!(escape_controls("x\ry\nz\t\0"), "x\\ry\\nz\\t\\0");
        assert_eq!(escape_controls("\u{7f}\u{9b}31m"), "\\u{7F}\\u{9B}31m");
        assert_eq!(
            escape_controls("txt.\u{202e}exe\u{200b}\u{2066}\u{feff}"),
            "txt.\\u{202E}exe\\u{200B}\\u{2066}\\u{FEFF}"
        );
        assert_eq!(escape_controls_but("a\nb\u{1b}", &['\n']), "a\nb\\e");
        assert_eq!(cell_text("标题\t副题\n\u{1b}"), "标题 副题 \\e");
    }

    #[test]
    fn comparison_key_folds_width_and_space() {
        assert_eq!(
            comparison_key("力量沉下去 服务暖上来"),
            "力量沉下去服务暖上来"
        );
        assert_eq!(comparison_key("ＡＢＣ１２３（一）"), "ABC123(一)");
    }

    #[test]
    fn fast_path_agrees_with_nfkc() {
        for s in [
            "城管进社区 “面对面”",
            "《条例》、规定。",
            "ＡＢ…",
            "a\u{301}b",
            "abc 12",
            "考试：２０２６年（上）　公告",
            "Ｅ\u{301}，",
            "，\u{301}",
        ] {
            let slow: String = s.nfkc().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(comparison_key(s), slow, "{s}");
        }
    }

    proptest::proptest! {
        /// A text holds a character exactly when `contains` finds it (characters
        /// whose last byte other characters share, `，` `EF BC 8C` and `丌` `E4 B8
        /// 8C`, `。` `E3 80 82` and `倂` `E5 80 82`, among them).
        #[test]
        fn holds_char_is_contains(
            s in "[a1 ，。：丌倂年报\u{3000}\u{20000}é]{0,24}",
            c in "[a1 ，。：丌倂年报\u{3000}\u{20000}é]"
        ) {
            let c = c.chars().next().unwrap();
            proptest::prop_assert_eq!(holds_char(&s, c), s.contains(c), "{:?} {:?}", s, c);
            proptest::prop_assert_eq!(holds_str(&s, &c.to_string()), s.contains(c));
            proptest::prop_assert_eq!(
                holds_str(&s, &format!("{c}，")),
                s.contains(&format!("{c}，")),
                "{:?} {:?}", s, c
            );
            proptest::prop_assert_eq!(holds_str(&s, ""), true);
            proptest::prop_assert_eq!(
                holds_any_char(&s, &[c, '，']),
                s.contains([c, '，']),
                "{:?} {:?}", s, c
            );
        }

        /// The key gathered a run of bytes at a time is the key read a character
        /// at a time (whitespace dropped, full-width folded, the whole text
        /// normalised at the first character that needs it).
        #[test]
        fn comparison_key_is_the_character_readings(
            s in "[a-z0-9 ~\u{7f}\u{1}\u{3000}\u{4dff}\u{4e00}\u{4fff}\u{9fff}\u{a000}、。《》“”·—…（）：ＡＥ\u{301}\u{2003}]{0,16}"
        ) {
            let mut slow = String::new();
            for c in s.chars() {
                match nfkc_simple(c) {
                    Some(c) if c.is_whitespace() => {}
                    Some(c) => slow.push(c),
                    None => {
                        slow = s.nfkc().filter(|c| !c.is_whitespace()).collect();
                        break;
                    }
                }
            }
            proptest::prop_assert_eq!(comparison_key(&s), slow, "{:?}", s);
        }

        /// The prefix taken a run of bytes at a time is the prefix read a
        /// character at a time, over parts and at every length.
        #[test]
        fn comparison_key_prefix_is_the_character_readings(
            parts in proptest::collection::vec(
                "[a-z0-9 \u{7f}\u{3000}\u{4dff}\u{4e00}\u{9fff}\u{a000}、《》·…（）ＡＥ\u{301}\u{2003}]{0,8}",
                0..4
            ),
            n in 0usize..12
        ) {
            let mut slow = String::new();
            let mut taken = 0;
            'parts: for part in &parts {
                for c in part.chars() {
                    let Some(c) = nfkc_simple(c) else {
                        slow = parts
                            .iter()
                            .flat_map(|p| p.nfkc())
                            .filter(|c| !c.is_whitespace())
                            .take(n)
                            .collect();
                        break 'parts;
                    };
                    if taken == n {
                        break 'parts;
                    }
                    if !c.is_whitespace() {
                        slow.push(c);
                        taken += 1;
                    }
                }
            }
            proptest::prop_assert_eq!(comparison_key_prefix(&parts, n), slow, "{:?} {}", parts, n);
        }
    }

    /// Each character [`nfkc_simple`] reads alone is what NFKC makes of it.
    #[test]
    fn simple_characters_are_their_nfkc() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if let Some(f) = nfkc_simple(c) {
                let nfkc: String = c.to_string().nfkc().collect();
                assert_eq!(nfkc, f.to_string(), "{c:?}");
            }
        }
    }

    #[test]
    fn key_prefix_agrees_with_normalising_everything() {
        let cases: [&[&str]; 8] = [
            &["abc\u{301}d"],
            &["本报讯（记者　张三）昨天，会议召开。", "会议要求ＡＢＣ１。"],
            &["一二三四五六七八九十，", "\u{301}十一十二"],
            &["社区 治理", "在推进"],
            &["ＡＢＣ１２３", "（一）全角"],
            &["a\u{301}b", "c"],
            &["短"],
            &[
                "一二三四五六七八九十",
                "十一十二十三十四十五十六十七十八十九二十",
            ],
        ];
        for parts in cases {
            for n in [0, 3, 24] {
                let slow: String = parts
                    .iter()
                    .flat_map(|p| p.nfkc())
                    .filter(|c| !c.is_whitespace())
                    .take(n)
                    .collect();
                assert_eq!(comparison_key_prefix(parts, n), slow, "{parts:?} {n}");
            }
        }
    }

    /// The body fingerprint ignores spacing, line breaks, paragraph breaks and
    /// full-width forms, and sees every other change.
    #[test]
    fn folded_hash_ignores_spacing_and_width_only() {
        let base = folded_hash(&["本报讯（记者 张三）昨天，会议召开。", "会议要求ABC1。"]);
        assert_eq!(
            folded_hash(&[
                "\u{3000}\u{3000}本报讯（记者张三）",
                "昨天，会议召开。会议要求ＡＢＣ１。 "
            ]),
            base
        );
        assert_ne!(
            folded_hash(&["本报讯（记者 张三）昨天，会议召开。会议要求ABC2。"]),
            base
        );
        assert_ne!(
            folded_hash(&["本报讯（记者 李四）昨天，会议召开。会议要求ABC1。"]),
            base
        );
    }

    proptest::proptest! {
        // The byte scan hashes what folding every character and dropping
        // whitespace reads (one-shot XXH3 of that text).
        #[test]
        fn folded_hash_is_the_hash_of_the_folded_text(parts in proptest::collection::vec("[a-zＡ１？ 　\u{a0}\u{85}\u{2003}\u{2028}\u{205f}\u{1680}\t\n。，“社区é\u{1F600}\u{ff5e}\u{ff5f}\u{3001}]{0,12}", 0..4)) {
            let folded: String = parts
                .iter()
                .flat_map(|p| p.chars())
                .map(fold_width)
                .filter(|c| !c.is_whitespace())
                .collect();
            proptest::prop_assert_eq!(folded_hash(&parts), xxhash_rust::xxh3::xxh3_64(folded.as_bytes()));
        }

        // Long parts, read sixteen or thirty-two bytes at a time (characters
        // across the blocks' edges), fold as their characters do one by one.
        #[test]
        fn folding_in_blocks_is_folding_every_character(s in "[a-z１？ 　\u{a0}\u{85}\u{2003}\u{205f}\u{1680}\u{2028}\u{202f}\u{200b}\t\x01。，“、—…·\u{ff61}社区é\u{1F600}\u{ff5e}\u{ff5f}]{0,80}") {
            let mut out = Vec::new();
            fold_into(s.as_bytes(), &mut out);
            let folded: String = s.chars().map(fold_width).filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(String::from_utf8(out).ok(), Some(folded.clone()));
            // Sixteen bytes at a time too, as where AVX2 is missing.
            let mut out = Vec::new();
            fold_blocks(s.as_bytes(), &mut out, fold_starts);
            proptest::prop_assert_eq!(String::from_utf8(out).ok(), Some(folded));
        }

        // Read together, the hash and the opening's hash are those read apart.
        #[test]
        fn hash_and_prefix_are_those_read_apart(parts in proptest::collection::vec("[a-zＡ１？ 　\u{a0}\u{85}\u{2003}\u{2028}\u{205f}\u{1680}\t\n。，“社区é\u{1F600}\u{ff5e}\u{ff5f}\u{3001}]{0,12}", 0..4), n in 0usize..40) {
            proptest::prop_assert_eq!(
                folded_hash_and_prefix_hash(&parts, n),
                (
                    folded_hash(&parts),
                    xxhash_rust::xxh3::xxh3_64(folded_prefix(&parts, n).as_bytes())
                )
            );
        }
    }

    /// The block scan finds exactly the places [`may_start_fold`] tells, each
    /// byte value in the places of a block whose three bytes lie in it or past it,
    /// after each value that opens a fold and each byte that may follow one.
    #[test]
    fn fold_starts_are_the_places_that_may_start_a_fold() {
        let follow: Vec<u8> = [0x00, 0x20, 0x7F, 0xC0, 0xFF]
            .into_iter()
            .chain(0x80..=0xBF)
            .collect();
        for b0 in 0..=255u8 {
            for &b1 in &follow {
                for &b2 in &follow {
                    for k in [0, 7, 14, 15] {
                        let mut window = [b'a'; 18];
                        window[k..k + 3].copy_from_slice(&[b0, b1, b2]);
                        let want = u32::from(may_start_fold(b0, b1, b2)) << k;
                        // (`a` never starts a fold, nor do b1 and b2 as continuation bytes.)
                        let got = fold_starts(&window) & !(0b110 << k);
                        assert_eq!(got, want, "{b0:#x} {b1:#x} {b2:#x} at {k}");
                    }
                    #[cfg(target_arch = "x86_64")]
                    if std::arch::is_x86_feature_detected!("avx2") {
                        for k in [0, 15, 16, 30, 31] {
                            let mut window = [b'a'; 34];
                            window[k..k + 3].copy_from_slice(&[b0, b1, b2]);
                            let want = u32::from(may_start_fold(b0, b1, b2)) << k;
                            let not_after = !(0b110u64 << k) as u32;
                            // SAFETY: the processor has AVX2 (asked just now).
                            let got = unsafe { fold_starts_avx2(&window) } & not_after;
                            assert_eq!(got, want, "AVX2: {b0:#x} {b1:#x} {b2:#x} at {k}");
                        }
                    }
                }
            }
        }
        // Every character that is whitespace or folds is one it tells.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.is_whitespace() || fold_width(c) != c {
                let mut buf = [0u8; 4];
                let b = c.encode_utf8(&mut buf).as_bytes();
                let at = |k: usize| b.get(k).copied().unwrap_or(b'a');
                assert!(may_start_fold(at(0), at(1), at(2)), "{c:?}");
            }
        }
    }

    #[test]
    fn fold_width_maps_full_width_keys() {
        assert_eq!(fold_width('？'), '?');
        assert_eq!(fold_width('１'), '1');
        assert_eq!(fold_width('社'), '社');
    }
}

//! Pinyin matching on Chinese titles: `sqzl` (initials), `shequzhili` or `shequ`
//! (full readings) and any mix of them find 社区治理. Polyphonic characters (长, 行,
//! 重) match any of their readings. Matches report the positions of the Chinese
//! characters they consumed, so highlights land on the characters themselves.

use pinyin::ToPinyinMulti;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
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
    fn masks_reject_quickly() {
        let m = masks("社区治理");
        assert!(may_match(m, "sqzl", query_mask("sqzl")));
        assert!(!may_match(m, "x", query_mask("x")));
    }
}

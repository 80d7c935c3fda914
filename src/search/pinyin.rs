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

const NONE: i32 = i32::MIN / 4;
const CONSECUTIVE: i32 = 8;
const AT_START: i32 = 6;

/// Score of one character consuming `l` letters of a reading `len` long.
fn piece_score(l: usize, len: usize) -> i32 {
    if l == len {
        10 + 2 * l as i32
    } else if l == 1 {
        6
    } else {
        4 + l as i32
    }
}

/// Match a pinyin query (lower-case ASCII letters) against a folded title: each
/// matched character consumes a non-empty prefix of one of its readings (ASCII
/// letters match themselves), in title order. Returns the score and the character
/// positions consumed, or None.
pub fn match_title(title: &[char], q: &str) -> Option<(i64, Vec<usize>)> {
    let q = q.as_bytes();
    let (n, m) = (title.len(), q.len());
    if m == 0 || n == 0 {
        return None;
    }
    let w = m + 1;
    // best[i*w + j]: best score with char i consuming a piece that ends at j.
    let mut best = vec![NONE; n * w];
    // where that piece started in q and which char came before (-1: none).
    let mut from = vec![(0u8, -1i32); n * w];
    // upto[i*w + j]: best over chars <= i ending at j, and that char.
    let mut upto = vec![(NONE, -1i32); n * w];
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let mut single: [&'static str; 1] = [""];
    for (i, &c) in title.iter().enumerate() {
        let rs: &[&str] = if c.is_ascii_alphanumeric() {
            let at = ASCII.find(c.to_ascii_lowercase()).unwrap_or(0);
            single[0] = ASCII.get(at..at + 1).unwrap_or("");
            &single
        } else {
            readings(c)
        };
        for j in 1..=m {
            let mut cell = NONE;
            let mut cell_from = (0u8, -1i32);
            for r in rs {
                let rb = r.as_bytes();
                let max_l = rb.len().min(j);
                for l in 1..=max_l {
                    let k = j - l;
                    if q[k..j] != rb[..l] {
                        continue;
                    }
                    let piece = piece_score(l, rb.len());
                    let (prev, prev_i) = if k == 0 {
                        (if i == 0 { AT_START } else { 0 }, -1)
                    } else if i == 0 {
                        (NONE, -1)
                    } else {
                        let adjacent = best[(i - 1) * w + k];
                        let adjacent = if adjacent > NONE {
                            adjacent + CONSECUTIVE
                        } else {
                            NONE
                        };
                        let far = if i >= 2 {
                            upto[(i - 2) * w + k]
                        } else {
                            (NONE, -1)
                        };
                        if adjacent >= far.0 {
                            (adjacent, (i - 1) as i32)
                        } else {
                            far
                        }
                    };
                    if prev > NONE && prev + piece > cell {
                        cell = prev + piece;
                        cell_from = (l as u8, prev_i);
                    }
                }
            }
            best[i * w + j] = cell;
            from[i * w + j] = cell_from;
            let before = if i > 0 {
                upto[(i - 1) * w + j]
            } else {
                (NONE, -1)
            };
            upto[i * w + j] = if cell > NONE && cell >= before.0 {
                (cell, i as i32)
            } else {
                before
            };
        }
    }
    let (score, last) = upto[(n - 1) * w + m];
    if score <= NONE || last < 0 {
        return None;
    }
    let mut positions = Vec::new();
    let (mut i, mut j) = (last as usize, m);
    loop {
        positions.push(i);
        let (l, prev_i) = from[i * w + j];
        j -= l as usize;
        if j == 0 || prev_i < 0 {
            break;
        }
        i = prev_i as usize;
    }
    positions.reverse();
    Some((score as i64, positions))
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
        assert!(match_title(&t, "shequx").is_some());
        assert!(match_title(&t, "shequq").is_none());
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
        let tight = match_title(&chars("社区治理"), "sqzl").unwrap().0;
        let loose = match_title(&chars("社会的区域在治的理"), "sqzl").unwrap().0;
        assert!(tight > loose);
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

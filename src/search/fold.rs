//! Folding text for matching, one character in, one character out, so character
//! positions in the folded text are positions in the original (highlights and the
//! ranges of `newstag search` land on the original characters):
//! - full-width ASCII to half-width, then NFKC where it gives one character
//!   (`①` stays, `ｶ` -> `カ`, `Ⅻ` stays, `ℌ` -> `h`);
//! - lower case where it gives one character (`ABC` -> `abc`, `Σ` -> `σ`);
//! - whitespace and control characters to a space;
//! - traditional Chinese characters and common variants to simplified ones
//!   (`發` `髮` -> `发`, `臺` -> `台`, `後` -> `后`, `爲` -> `为`), character by
//!   character with OpenCC's tables (`ferrous-opencc`, Apache-2.0, tables
//!   from OpenCC under Apache-2.0): TSCharacters, then the Taiwan and Hong Kong
//!   variant tables for what it leaves, so `環境` finds `环境` and the reverse
//!   while the text shown and exported stays as printed. The table is made
//!   from OpenCC's at compile time (`build.rs`), so no process builds it.
//!
//! The same fold is applied to the index's texts and to queries. Each
//! character of the Basic Multilingual Plane is worked out the first time it
//! is folded and remembered, so a process pays only for the characters it
//! meets (a query's few, or a corpus's few thousand).

use crate::text::fold_width;
use std::sync::atomic::{AtomicU32, Ordering};
use unicode_normalization::UnicodeNormalization;

// `SIMPLIFIED`: (character, simplified) pairs, sorted (see build.rs).
include!(concat!(env!("OUT_DIR"), "/fold_simplified.rs"));

/// The folds of the Basic Multilingual Plane worked out so far: the folded
/// character plus one, 0 for one not folded yet.
static FOLDED: [AtomicU32; 0x1_0000] = [const { AtomicU32::new(0) }; 0x1_0000];

/// Fold one character (see the module doc): for the Basic Multilingual Plane
/// (every character of Chinese text) worked out once a process, then looked up.
pub fn fold_char(c: char) -> char {
    let Some(slot) = FOLDED.get(c as usize) else {
        return slow_fold_char(c);
    };
    match slot.load(Ordering::Relaxed) {
        0 => {
            let f = slow_fold_char(c);
            slot.store(f as u32 + 1, Ordering::Relaxed);
            f
        }
        k => char::from_u32(k - 1).unwrap_or(c),
    }
}

fn slow_fold_char(c: char) -> char {
    let c = fold_shape(c);
    match simplified(c) {
        Some(s) => fold_shape(s),
        None => c,
    }
}

/// Width, compatibility forms, case and spaces (see the module doc).
fn fold_shape(c: char) -> char {
    let c = fold_width(c);
    if c.is_ascii() {
        return if c.is_ascii_uppercase() {
            c.to_ascii_lowercase()
        } else if c.is_ascii_whitespace() || c.is_ascii_control() {
            ' '
        } else {
            c
        };
    }
    if c.is_whitespace() || c.is_control() {
        return ' ';
    }
    let c = single(std::iter::once(c).nfkc()).unwrap_or(c);
    single(c.to_lowercase()).unwrap_or(c)
}

/// Ranges of Han characters that OpenCC's tables map (CJK unified ideographs,
/// extension A, compatibility ideographs, extensions B to F and the
/// compatibility supplement); build.rs maps the same.
#[cfg(test)]
const HAN: [std::ops::RangeInclusive<u32>; 4] = [
    0x3400..=0x4DBF,
    0x4E00..=0x9FFF,
    0xF900..=0xFAFF,
    0x2_0000..=0x2_FA1F,
];

/// The simplified form of Han character `c` when OpenCC's tables give one
/// character for it, other than itself.
pub fn simplified(c: char) -> Option<char> {
    SIMPLIFIED
        .binary_search_by_key(&c, |&(t, _)| t)
        .ok()
        .map(|at| SIMPLIFIED[at].1)
}

/// The only item of `it`, when it has exactly one.
fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// Fold a whole string, keeping its character count.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Append the fold of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    out.extend(s.chars().map(fold_char));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_folds_to_lower_half_width_one_char_each() {
        assert_eq!(fold("ＡＢＣ１２３"), "abc123");
        assert_eq!(fold("社区ABC\t治理"), "社区abc 治理");
        assert_eq!(fold("ＡＢＣ１２３").chars().count(), 6);
    }

    #[test]
    fn compatibility_forms_fold_when_one_character() {
        assert_eq!(fold("ｶﾀｶﾅ"), "カタカナ");
        assert_eq!(fold("ΣΑ"), "σα");
        // NFKC of ㈱ is three characters: kept as it is.
        assert_eq!(fold("㈱"), "㈱");
        assert_eq!(fold("社\u{3000}区"), "社 区");
        // The table agrees with working it out.
        for code in (0..0x1_0000u32).chain([0x1D400, 0x20000]) {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(fold_char(c), slow_fold_char(c), "{code:x}");
            }
        }
        for s in ["㈱ｶﾞ①Ⅻﬁ", "ＡＢＣ垃圾"] {
            assert_eq!(fold(s).chars().count(), s.chars().count());
        }
    }

    #[test]
    fn traditional_and_variant_characters_fold_to_simplified() {
        assert_eq!(fold("環境保護"), "环境保护");
        assert_eq!(fold("环境保护"), "环境保护");
        assert_eq!(fold("發展"), fold("发展"));
        assert_eq!(fold("頭髮"), fold("头发"));
        assert_eq!(fold("臺灣"), "台湾");
        assert_eq!(fold("以後"), "以后");
        assert_eq!(fold("爲"), "为");
        assert_eq!(fold("ＧＤＰ與經濟"), "gdp与经济");
        // Folding twice changes nothing; one character in, one out.
        for code in HAN.iter().flat_map(|r| r.clone()).step_by(7) {
            if let Some(c) = char::from_u32(code) {
                let f = fold_char(c);
                assert_eq!(fold_char(f), f, "{c} -> {f}");
            }
        }
    }
}

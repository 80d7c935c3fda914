//! Folding text for matching, one character in, one character out, so character
//! positions in the folded text are positions in the original (highlights and the
//! ranges of `newstag search` land on the original characters):
//! - full-width ASCII to half-width, then NFKC where it gives one character
//!   (`①` stays, `ｶ` -> `カ`, `Ⅻ` stays, `ℌ` -> `h`);
//! - lower case where it gives one character (`ABC` -> `abc`, `Σ` -> `σ`);
//! - whitespace and control characters to a space.
//!
//! The same fold is applied to the index's texts and to queries.

use crate::text::fold_width;
use unicode_normalization::UnicodeNormalization;

/// Fold one character (see the module doc): a table lookup for the Basic
/// Multilingual Plane (every character of Chinese text), worked out otherwise.
pub fn fold_char(c: char) -> char {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..0x1_0000u32)
            .map(|code| char::from_u32(code).map_or('\u{FFFD}', slow_fold_char))
            .collect()
    });
    match table.get(c as usize) {
        Some(&f) => f,
        None => slow_fold_char(c),
    }
}

fn slow_fold_char(c: char) -> char {
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
}

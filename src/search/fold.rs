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
//!   while the text shown and exported stays as printed.
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
/// compatibility supplement).
const HAN: [std::ops::RangeInclusive<u32>; 4] = [
    0x3400..=0x4DBF,
    0x4E00..=0x9FFF,
    0xF900..=0xFAFF,
    0x2_0000..=0x2_FA1F,
];

/// The simplified form of Han character `c` when OpenCC's tables give one
/// character for it, other than itself.
pub fn simplified(c: char) -> Option<char> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<char, char>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(simplified_map).get(&c).copied()
}

/// Every Han character through OpenCC's traditional-to-simplified conversion,
/// one a line (a character alone, so no phrase rule applies across two), then
/// what it left alone through the Taiwan and Hong Kong variant tables; chains
/// followed to the end (`a` -> `b` -> `c` gives `a` -> `c`).
fn simplified_map() -> std::collections::HashMap<char, char> {
    use ferrous_opencc::OpenCC;
    use ferrous_opencc::config::BuiltinConfig;
    let chars: Vec<char> = HAN
        .iter()
        .flat_map(|r| r.clone().filter_map(char::from_u32))
        .collect();
    let mut map = std::collections::HashMap::new();
    for config in [BuiltinConfig::T2s, BuiltinConfig::Tw2s, BuiltinConfig::Hk2s] {
        let Ok(cc) = OpenCC::from_config(config) else {
            continue;
        };
        let todo: Vec<char> = chars
            .iter()
            .copied()
            .filter(|c| !map.contains_key(c))
            .collect();
        let mut text = String::with_capacity(todo.len() * 5);
        for &c in &todo {
            text.push(c);
            text.push('\n');
        }
        let out = cc.convert(&text);
        for (&c, line) in todo.iter().zip(out.split('\n')) {
            let mut it = line.chars();
            if let (Some(s), None) = (it.next(), it.next())
                && s != c
            {
                map.insert(c, s);
            }
        }
    }
    // Follow chains, a few steps at most (a cycle stops there).
    let keys: Vec<char> = map.keys().copied().collect();
    for c in keys {
        let mut s = map[&c];
        for _ in 0..4 {
            match map.get(&s) {
                Some(&t) if t != c => s = t,
                _ => break,
            }
        }
        map.insert(c, s);
    }
    map
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

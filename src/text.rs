//! Small text helpers shared by the core: normalisation for comparison and ids.

use unicode_normalization::UnicodeNormalization;

/// NFKC-normalise `s` and drop all whitespace: the form used to compare titles
/// and to derive ids, so full-/half-width and spacing differences do not matter.
pub fn comparison_key(s: &str) -> String {
    // Fast path: ASCII, CJK unified ideographs and common CJK punctuation are
    // already NFKC (and compose with nothing), so only whitespace goes.
    if s.chars().all(nfkc_stable) {
        return s.chars().filter(|c| !c.is_whitespace()).collect();
    }
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// The first `n` characters of the comparison key of `parts` read one after another
/// (each part normalised on its own), without normalising more than needed.
pub fn comparison_key_prefix(parts: &[impl AsRef<str>], n: usize) -> String {
    let mut out = String::new();
    let mut taken = 0;
    for part in parts {
        for c in part.as_ref().chars() {
            // Checked before stopping: a combining mark right after the last
            // character taken would change it.
            if !nfkc_stable(c) {
                return parts
                    .iter()
                    .flat_map(|p| p.as_ref().nfkc())
                    .filter(|c| !c.is_whitespace())
                    .take(n)
                    .collect();
            }
            if taken == n {
                return out;
            }
            if !c.is_whitespace() {
                out.push(c);
                taken += 1;
            }
        }
    }
    out
}

/// Characters NFKC leaves alone whatever surrounds them.
fn nfkc_stable(c: char) -> bool {
    c.is_ascii()
        || matches!(c as u32, 0x4E00..=0x9FFF | 0x3001..=0x3002 | 0x3008..=0x3011 | 0x2018..=0x2019 | 0x201C..=0x201D | 0x2014 | 0xB7)
}

/// Fold one full-width ASCII variant (`Ａ`, `１`, `？`, ideographic space) to ASCII.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// True for CJK ideographs (the characters jieba and pinyin care about).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            let slow: String = s.nfkc().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(comparison_key(s), slow, "{s}");
        }
    }

    #[test]
    fn key_prefix_agrees_with_normalising_everything() {
        let cases: [&[&str]; 6] = [
            &["abc\u{301}d"],
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

    #[test]
    fn fold_width_maps_full_width_keys() {
        assert_eq!(fold_width('？'), '?');
        assert_eq!(fold_width('１'), '1');
        assert_eq!(fold_width('社'), '社');
    }
}

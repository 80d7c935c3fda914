//! Small text helpers shared by the core: normalisation for comparison and ids.

use unicode_normalization::UnicodeNormalization;

/// NFKC-normalise `s` and drop all whitespace: the form used to compare titles
/// and to derive ids, so full-/half-width and spacing differences do not matter.
pub fn comparison_key(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
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
    fn fold_width_maps_full_width_keys() {
        assert_eq!(fold_width('？'), '?');
        assert_eq!(fold_width('１'), '1');
        assert_eq!(fold_width('社'), '社');
    }
}

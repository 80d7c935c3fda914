//! Folding text for matching: full-width ASCII to half-width, ASCII to lower case,
//! one character in, one character out, so character positions in the folded text
//! are positions in the original (highlights land on the original characters).

use crate::text::fold_width;

/// Fold one character (see the module doc).
pub fn fold_char(c: char) -> char {
    let c = fold_width(c);
    if c.is_ascii_uppercase() {
        c.to_ascii_lowercase()
    } else if c.is_whitespace() || c.is_control() {
        ' '
    } else {
        c
    }
}

/// Fold a whole string, keeping its character count.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
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
}

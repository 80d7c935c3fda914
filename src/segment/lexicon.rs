//! Word lists as data: `lexicon.toml`, embedded in the binary and parsed once.

use serde::Deserialize;
use std::sync::OnceLock;

/// The word lists segmentation reads.
#[derive(Debug, Deserialize)]
pub struct Lexicon {
    /// Single-character family names, as one string.
    surnames: String,
    compound_surnames: Vec<String>,
    /// Words that end a column label (`今日关注`).
    #[serde(default)]
    column_label_endings: Vec<String>,
}

const EMBEDDED: &str = include_str!("lexicon.toml");

/// The embedded lexicon.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        toml::from_str(EMBEDDED).unwrap_or(Lexicon {
            surnames: String::new(),
            compound_surnames: Vec::new(),
            column_label_endings: Vec::new(),
        })
    })
}

impl Lexicon {
    /// Length in characters of the family name `name` opens with (0 when none).
    pub fn surname_len(&self, name: &str) -> usize {
        if self
            .compound_surnames
            .iter()
            .any(|s| name.starts_with(s.as_str()))
        {
            return 2;
        }
        match name.chars().next() {
            Some(c) if self.surnames.contains(c) => 1,
            _ => 0,
        }
    }
}

impl Lexicon {
    /// `今日关注`, `记者手记`: a short line that ends with a column label's word.
    pub fn is_column_label(&self, text: &str) -> bool {
        let n = text.chars().count();
        (2..=6).contains(&n)
            && self
                .column_label_endings
                .iter()
                .any(|w| text.ends_with(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses() {
        let l: Lexicon = toml::from_str(EMBEDDED).unwrap();
        assert!(l.surnames.contains('王'));
        assert_eq!(lexicon().surname_len("欧阳修"), 2);
        assert_eq!(lexicon().surname_len("严秋实"), 1);
        assert_eq!(lexicon().surname_len("今日关注"), 0);
        assert!(lexicon().is_column_label("今日关注"));
        assert!(lexicon().is_column_label("记者手记"));
        assert!(!lexicon().is_column_label("老旧小区改造成效受到关注"));
    }
}

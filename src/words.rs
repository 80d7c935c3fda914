//! Chinese word segmentation (jieba), shared by search and suggestions.
//!
//! The dictionary takes a while to load, so there is one instance per process,
//! built on first use.

use jieba_rs::Jieba;
use std::sync::OnceLock;

/// The process-wide jieba instance.
pub fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// The words of `text` (jieba, HMM on), without whitespace and punctuation tokens.
pub fn words(text: &str) -> Vec<&str> {
    jieba()
        .cut(text, true)
        .into_iter()
        .filter(|w| w.chars().any(crate::text::is_alphanumeric))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_splits_into_words() {
        let w = words("推进垃圾分类，改善空气质量。");
        assert!(w.contains(&"垃圾"), "{w:?}");
        assert!(!w.contains(&"，"));
    }
}

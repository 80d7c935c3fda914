//! The keyword scorer: each tag's keywords, weighted by how rare they are in the
//! corpus (TF-IDF), give every article a score between 0 and 1 per tag.
//!
//! For tag `t` and article `d`:
//!
//! ```text
//! evidence = Σ over keywords k of t found in d:  idf(k) · (1 + ½ ln count(k, d)) · (2 if k is in the title)
//! score    = 1 − exp(−evidence / (SCALE · lengthfactor(d)))
//! ```
//!
//! - `idf(k)` is relative, so scores mean the same in a corpus of ten articles and
//!   of a million: the share of articles holding `k` is smoothed towards a prior
//!   share `PRIOR_SHARE` with `PRIOR_WEIGHT` pseudo-articles, and `idf = ln(1/share)
//!   / ln(1/PRIOR_SHARE)`, clamped to `[MIN_IDF, MAX_IDF]`. A keyword as common as the
//!   prior weighs 1; one in every other article weighs little.
//! - `lengthfactor` grows slowly (logarithmically) with the article's length, so a
//!   long article needs more evidence than a brief: a passing mention in a long
//!   feature is not a topic.
//! - Repeating a keyword adds little (half a log): several different keywords are
//!   better evidence of a topic than one word said many times.
//! - The words shown for a suggestion are the keywords found, strongest first.

use super::features::{ArticleFeatures, KeywordSet};

/// Evidence that gives a score of `1 − 1/e ≈ 0.63` in an article of reference length.
pub const SCALE: f64 = 3.0;
/// Articles up to this long (Han characters and runs of other letters and
/// digits, see [`ArticleFeatures::length`]) count as short (length factor 1):
/// about 250 jieba words, at the 1.84-1.92 characters a word of the samples.
pub const REFERENCE_LENGTH: f64 = 475.0;
/// Prior share of articles holding a keyword, and its weight in pseudo-articles.
pub const PRIOR_SHARE: f64 = 0.02;
pub const PRIOR_WEIGHT: f64 = 50.0;
pub const MIN_IDF: f64 = 0.15;
pub const MAX_IDF: f64 = 1.5;
/// Weight of a keyword found in the title, kicker or subtitle.
pub const TITLE_WEIGHT: f64 = 2.0;

/// Keyword document frequencies over a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeywordScorer {
    /// Articles holding each keyword (index of [`KeywordSet::keywords`]).
    pub df: Vec<u32>,
    /// Articles counted.
    pub articles: u32,
}

/// One tag's keyword score for one article.
#[derive(Debug, Clone, PartialEq)]
pub struct KeywordScore {
    pub score: f64,
    /// Keywords found, strongest first.
    pub words: Vec<String>,
}

impl KeywordScorer {
    /// Count keyword document frequencies over `articles`.
    pub fn new<'a>(
        keywords: &KeywordSet,
        articles: impl IntoIterator<Item = &'a ArticleFeatures>,
    ) -> KeywordScorer {
        let mut df = vec![0u32; keywords.keywords.len()];
        let mut n = 0u32;
        for f in articles {
            n = n.saturating_add(1);
            for h in &f.hits {
                if let Some(d) = df.get_mut(h.keyword as usize) {
                    *d = d.saturating_add(1);
                }
            }
        }
        KeywordScorer { df, articles: n }
    }

    /// The weight of keyword `k` (see the module docs).
    pub fn idf(&self, k: usize) -> f64 {
        let df = f64::from(self.df.get(k).copied().unwrap_or(0));
        let n = f64::from(self.articles);
        let share = (df + PRIOR_SHARE * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT);
        ((1.0 / share).ln() / (1.0 / PRIOR_SHARE).ln()).clamp(MIN_IDF, MAX_IDF)
    }

    /// The score of every tag of `keywords` for one article, in tag order.
    pub fn score(&self, keywords: &KeywordSet, f: &ArticleFeatures) -> Vec<KeywordScore> {
        let mut evidence = vec![0.0f64; keywords.tags.len()];
        let mut found: Vec<Vec<(f64, &str)>> = vec![Vec::new(); keywords.tags.len()];
        for h in &f.hits {
            let k = h.keyword as usize;
            let Some(kw) = keywords.keywords.get(k) else {
                continue;
            };
            let title = if h.in_title { TITLE_WEIGHT } else { 1.0 };
            let e = self.idf(k) * (1.0 + 0.5 * f64::from(h.count.max(1)).ln()) * title;
            if let (Some(sum), Some(list)) = (evidence.get_mut(kw.tag), found.get_mut(kw.tag)) {
                *sum += e;
                list.push((e, kw.text.as_str()));
            }
        }
        let length = 1.0 + (f64::from(f.length) / REFERENCE_LENGTH).max(1.0).ln();
        evidence
            .into_iter()
            .zip(found)
            .map(|(e, mut list)| {
                list.sort_by(|a, b| b.0.total_cmp(&a.0));
                KeywordScore {
                    score: 1.0 - (-e / (SCALE * length)).exp(),
                    words: list.into_iter().map(|(_, w)| w.to_string()).collect(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::config::TagDef;
    use std::collections::HashMap;

    fn features(set: &KeywordSet, title: &str, body: &str) -> ArticleFeatures {
        let a = Article {
            title: title.into(),
            paragraphs: vec![body.into()].into(),
            ..Article::default()
        };
        super::super::features::extract(&a, set, &mut HashMap::new())
    }

    fn env_set() -> KeywordSet {
        KeywordSet::new(&[
            TagDef {
                keywords: vec!["污染".into(), "空气质量".into(), "扬尘".into()],
                ..TagDef::new("environment", "1")
            },
            TagDef {
                keywords: vec!["文物".into()],
                ..TagDef::new("heritage", "2")
            },
        ])
    }

    /// More keywords, and keywords in the title, give a higher score; no keyword, zero.
    #[test]
    fn more_evidence_scores_higher() {
        let set = env_set();
        let none = features(&set, "春节假期安排", "今年春节放假七天。");
        let one = features(&set, "城市建设", "工地要控制扬尘。");
        let many = features(
            &set,
            "空气质量改善",
            "控制扬尘和工业污染，空气质量明显好转，污染天数减少。",
        );
        let all = [none.clone(), one.clone(), many.clone()];
        let scorer = KeywordScorer::new(&set, &all);
        let s = |f: &ArticleFeatures| scorer.score(&set, f)[0].score;
        assert_eq!(s(&none), 0.0);
        assert!(
            s(&one) > 0.0 && s(&one) < s(&many),
            "{} {}",
            s(&one),
            s(&many)
        );
        assert!(s(&many) > 0.7, "{}", s(&many));
        assert_eq!(scorer.score(&set, &many)[1].score, 0.0);
        let words = &scorer.score(&set, &many)[0].words;
        assert_eq!(words[0], "空气质量", "title keyword first: {words:?}");
    }

    /// A keyword found in most articles of the corpus weighs less than a rare one.
    #[test]
    fn common_keywords_weigh_less() {
        let set = env_set();
        let mut all = vec![features(&set, "", "控制扬尘。"); 30];
        all.extend(vec![features(&set, "", "春节放假。"); 170]);
        all.extend(vec![features(&set, "", "治理污染。"); 2]);
        let scorer = KeywordScorer::new(&set, &all);
        let dust = scorer.score(&set, &all[0])[0].score;
        let pollution = scorer.score(&set, &all[201])[0].score;
        assert!(dust < pollution, "{dust} {pollution}");
    }

    /// The same evidence counts for less in a long article than in a short one.
    #[test]
    fn long_articles_need_more_evidence() {
        let set = env_set();
        let short = features(&set, "", "治理污染。");
        let filler = "今年全市经济平稳运行，各项工作有序推进。".repeat(60);
        let long = features(&set, "", &format!("{filler}治理污染。"));
        let scorer = KeywordScorer::new(&set, [&short, &long]);
        assert!(scorer.score(&set, &long)[0].score < scorer.score(&set, &short)[0].score);
    }
}

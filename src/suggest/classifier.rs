//! The classifier learned from the user's own tags: one naive Bayes model per
//! tag (this tag or not), over the distinct content words of each article.
//!
//! Every article the user has decided on is a training example: a positive for
//! each tag it carries and a negative for every other tag (an article marked "no
//! topic" is a negative for all). Untagged articles are not examples: nobody has
//! looked at them yet.
//!
//! Naive Bayes adds up one log-likelihood ratio per word, which makes long
//! articles absurdly sure of themselves; the sum is divided by the square root of
//! the number of words of the article before the logistic, which keeps probabilities
//! usable as scores.

use super::features::{ArticleFeatures, WordId};
use std::collections::HashMap;

/// Laplace smoothing of word counts.
const SMOOTHING: f64 = 1.0;
/// Words offered as the reason for a learned suggestion.
const REASON_WORDS: usize = 8;

/// One training example: the article's features and the indices of its tags.
#[derive(Debug, Clone, Copy)]
pub struct Example<'a> {
    pub features: &'a ArticleFeatures,
    pub tags: &'a [usize],
}

/// The learned model of one tag.
#[derive(Debug, Clone, PartialEq)]
struct TagModel {
    /// ln(positives / examples): the share of the tag among the user's decisions
    /// taken as odds, so an article with no evidence either way scores below
    /// one half (most articles of a corpus are not about any one tag).
    prior: f64,
    /// Articles with the tag trained on.
    positives: usize,
    /// ln P(word | tag) − ln P(word | not tag), for words seen in training, and the
    /// number of positive examples holding the word.
    weights: HashMap<WordId, (f64, u32)>,
}

/// One tag's learned score for one article.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnedScore {
    pub score: f64,
    /// Ids of the words that pushed the score up most.
    pub words: Vec<WordId>,
}

/// Naive Bayes models for every tag with at least one positive and one negative.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Classifier {
    models: Vec<Option<TagModel>>,
    /// Number of examples trained on.
    pub examples: usize,
}

impl Classifier {
    /// Train on `examples` for a vocabulary of `tags` tags.
    pub fn train(examples: &[Example], tags: usize) -> Classifier {
        // One pass: how many examples hold each word, overall and per tag (the
        // negatives of a tag are the rest), so retraining costs one read of the
        // examples whatever the number of tags.
        let mut all: HashMap<WordId, u32> = HashMap::new();
        let mut pos: Vec<HashMap<WordId, u32>> = vec![HashMap::new(); tags];
        let mut n_pos = vec![0usize; tags];
        for e in examples {
            for &w in &e.features.words {
                *all.entry(w).or_insert(0) += 1;
            }
            for &t in e.tags {
                let (Some(counts), Some(n)) = (pos.get_mut(t), n_pos.get_mut(t)) else {
                    continue;
                };
                *n += 1;
                for &w in &e.features.words {
                    *counts.entry(w).or_insert(0) += 1;
                }
            }
        }
        let v = all.len() as f64;
        let total_all: f64 = all.values().map(|&c| f64::from(c)).sum();
        let mut models = Vec::with_capacity(tags);
        for (pos, n_pos) in pos.into_iter().zip(n_pos) {
            let n_neg = examples.len() - n_pos;
            if n_pos == 0 || n_neg == 0 {
                models.push(None);
                continue;
            }
            let total_pos: f64 = pos.values().map(|&c| f64::from(c)).sum();
            let total_neg = total_all - total_pos;
            let weights = all
                .iter()
                .map(|(&w, &c)| {
                    let p = pos.get(&w).copied().unwrap_or(0);
                    let q = f64::from(c.saturating_sub(p));
                    let ratio = ((f64::from(p) + SMOOTHING) / (total_pos + SMOOTHING * v)).ln()
                        - ((q + SMOOTHING) / (total_neg + SMOOTHING * v)).ln();
                    (w, (ratio, p))
                })
                .collect();
            models.push(Some(TagModel {
                prior: (n_pos as f64 / (n_pos + n_neg) as f64).ln(),
                positives: n_pos,
                weights,
            }));
        }
        Classifier {
            models,
            examples: examples.len(),
        }
    }

    /// True when tag `tag` has a model (it had positives and negatives).
    pub fn knows(&self, tag: usize) -> bool {
        matches!(self.models.get(tag), Some(Some(_)))
    }

    /// Number of articles with tag `tag` trained on (0 without a model).
    pub fn positives(&self, tag: usize) -> usize {
        match self.models.get(tag) {
            Some(Some(m)) => m.positives,
            _ => 0,
        }
    }

    /// The learned score of tag `tag` for an article, `None` when the tag has no model.
    pub fn score(&self, tag: usize, f: &ArticleFeatures) -> Option<LearnedScore> {
        let model = self.models.get(tag)?.as_ref()?;
        let mut sum = 0.0;
        let mut known = 0usize;
        let mut reasons: Vec<(f64, WordId)> = Vec::new();
        for w in &f.words {
            if let Some(&(weight, positives)) = model.weights.get(w) {
                sum += weight;
                known += 1;
                if weight > 0.0 && positives >= 2 {
                    reasons.push((weight, *w));
                }
            }
        }
        // Unknown words are neutral, but they count in the length: an article
        // sharing one word with the examples is not thereby like them.
        let z = model.prior + sum / (known.max(f.words.len()).max(1) as f64).sqrt();
        reasons.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Some(LearnedScore {
            score: 1.0 / (1.0 + (-z).exp()),
            words: reasons
                .into_iter()
                .take(REASON_WORDS)
                .map(|(_, w)| w)
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::features::word_id;

    fn doc(words: &[&str]) -> ArticleFeatures {
        let mut ids: Vec<WordId> = words.iter().map(|w| word_id(w)).collect();
        ids.sort_unstable();
        ids.dedup();
        ArticleFeatures {
            words: ids.into(),
            ..ArticleFeatures::default()
        }
    }

    /// Articles like the tagged ones score high for their tag, unlike ones low.
    #[test]
    fn learns_words_of_tagged_articles() {
        let transit = [
            doc(&["公交", "线路", "乘客", "开通"]),
            doc(&["地铁", "线路", "乘客", "站点"]),
            doc(&["公交", "站点", "调整", "乘客"]),
        ];
        let other = [
            doc(&["经济", "增长", "企业", "投资"]),
            doc(&["学校", "教师", "学生", "开学"]),
            doc(&["企业", "投资", "项目", "签约"]),
        ];
        let mut examples: Vec<Example> = transit
            .iter()
            .map(|f| Example {
                features: f,
                tags: &[0],
            })
            .collect();
        examples.extend(other.iter().map(|f| Example {
            features: f,
            tags: &[],
        }));
        let c = Classifier::train(&examples, 2);
        assert!(c.knows(0));
        assert!(!c.knows(1), "no positives, no model");
        let new_transit = c.score(0, &doc(&["地铁", "乘客", "开通", "新闻"])).unwrap();
        let new_other = c.score(0, &doc(&["企业", "投资", "增长", "新闻"])).unwrap();
        assert!(new_transit.score > 0.6, "{new_transit:?}");
        assert!(new_other.score < 0.4, "{new_other:?}");
        assert!(new_transit.words.contains(&word_id("乘客")));
    }
}

//! Tag suggestions: a first pass over the corpus that the user confirms.
//!
//! - [`features`]: the words (character pairs) of an article and the tag
//!   keywords found in it.
//! - [`keywords`]: the keyword scorer (TF-IDF over the corpus, 0-1 per tag).
//! - [`classifier`]: naive Bayes learned from the user's own tags.
//! - [`index`]: [`SuggestIndex`], the features of a whole corpus, built once (in
//!   parallel, with progress, on a background thread in the TUI).
//! - [`Suggester`]: the index plus the classifier; blends both into
//!   [`Suggestion`]s and orders articles for triage.
//!
//! Blending: until the user has tagged `suggest.learn_after` articles, a tag's
//! score is its keyword score. After that, for every tag the classifier has a
//! model of (at least one article with the tag and one without), the score is
//! `(1 − w) · keyword + w · learned` with `w = p / (p + LEARNED_HALF)` for a tag
//! with `p` articles: the more examples, the more the user's own tagging counts
//! (half at `LEARNED_HALF` examples). A tag without keywords (made in the app)
//! gets the learned score alone. Retrain with [`Suggester::learn`]
//! after each change: training is fast (it only counts words).

pub mod classifier;
pub mod features;
pub mod index;
pub mod keywords;
pub mod triage;

pub use classifier::Classifier;
pub use features::{ArticleFeatures, KeywordSet};
pub use index::SuggestIndex;
pub use keywords::KeywordScorer;

use crate::article::{ArticleAt, Issue};
use crate::tags::{ChangeReport, Source, TagMark, TagStore, Target};
use serde::Serialize;
use std::collections::HashMap;

/// The tag written for an article the user looked at and found no topic in
/// (triage `x`). It is a decision: such articles leave the triage queue and teach
/// the classifier what none of the tags look like.
pub const NO_TOPIC: &str = "no-topic";

/// Examples of a tag at which its learned score weighs as much as its keywords.
pub const LEARNED_HALF: f64 = 10.0;
/// Learned words found in more than this share of articles are not shown as
/// reasons (`本报讯`, `记者`: they say nothing about a topic).
pub const REASON_MAX_SHARE: f64 = 0.25;
/// Words shown per suggestion.
pub const SHOWN_WORDS: usize = 4;

/// A tag suggested for an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// Tag name.
    pub tag: String,
    /// 0-1, rounded to three decimals.
    pub score: f64,
    /// The words that triggered it: keywords found, then words learned from tags.
    pub words: Vec<String>,
}

/// The user's decision on one article: the indices (in the vocabulary) of the
/// tags it carries; empty for "no topic" or tags outside the vocabulary only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub at: ArticleAt,
    pub tags: Vec<usize>,
}

/// The decisions recorded in `store`, for the articles of `issues`, with tag
/// names resolved against the vocabulary `tag_names`.
pub fn labels_from_store(store: &TagStore, issues: &[Issue], tag_names: &[String]) -> Vec<Label> {
    let by_rel: HashMap<&str, usize> = issues
        .iter()
        .enumerate()
        .map(|(i, issue)| (issue.rel.as_str(), i))
        .collect();
    let mut labels = Vec::new();
    for (rel, record) in store.tagged() {
        let Some(&i) = by_rel.get(rel) else {
            continue;
        };
        let Some(a) = issues[i].articles.iter().position(|a| a.id == record.id) else {
            continue;
        };
        let tags = record
            .tags
            .keys()
            .filter_map(|name| tag_names.iter().position(|t| t == name))
            .collect();
        labels.push(Label {
            at: ArticleAt::new(i, a),
            tags,
        });
    }
    labels.sort_by_key(|l| l.at);
    labels
}

/// Keyword scores of a corpus plus, once there are enough of the user's tags, the
/// classifier learned from them.
#[derive(Debug, Clone)]
pub struct Suggester {
    pub index: SuggestIndex,
    classifier: Option<Classifier>,
    /// Decisions the classifier needs before it joins in.
    pub learn_after: usize,
    /// Decisions seen at the last [`Suggester::learn`].
    pub labelled: usize,
}

impl Suggester {
    pub fn new(index: SuggestIndex, learn_after: usize) -> Suggester {
        Suggester {
            index,
            classifier: None,
            learn_after,
            labelled: 0,
        }
    }

    /// Retrain on the user's decisions (all of them, every time). Below
    /// `learn_after` decisions the classifier stays out.
    pub fn learn(&mut self, labels: &[Label]) {
        self.labelled = labels.len();
        if labels.len() < self.learn_after.max(1) {
            self.classifier = None;
            return;
        }
        let examples: Vec<classifier::Example> = labels
            .iter()
            .filter_map(|l| {
                self.index
                    .features(l.at)
                    .map(|features| classifier::Example {
                        features,
                        tags: &l.tags,
                    })
            })
            .collect();
        self.classifier = Some(Classifier::train(&examples, self.index.keywords.tags.len()));
    }

    /// True when the classifier takes part.
    pub fn is_learning(&self) -> bool {
        self.classifier.is_some()
    }

    /// Every tag with a score above zero for article `at`, best first.
    pub fn suggest(&self, at: ArticleAt) -> Vec<Suggestion> {
        let Some(f) = self.index.features(at) else {
            return Vec::new();
        };
        let keyword = self.index.scorer.score(&self.index.keywords, f);
        let mut out: Vec<Suggestion> = keyword
            .into_iter()
            .enumerate()
            .filter_map(|(tag, kw)| {
                let name = self.index.keywords.tags.get(tag)?;
                let learned = self.classifier.as_ref().and_then(|c| c.score(tag, f));
                let has_keywords = self.index.keywords.count_for(tag) > 0;
                let (score, learned_words) = match learned {
                    None => (kw.score, Vec::new()),
                    Some(l) if !has_keywords => (l.score, l.words),
                    Some(l) => {
                        let p = self.classifier.as_ref().map_or(0, |c| c.positives(tag)) as f64;
                        let w = p / (p + LEARNED_HALF);
                        ((1.0 - w) * kw.score + w * l.score, l.words)
                    }
                };
                let mut words = kw.words;
                let telling = learned_words
                    .iter()
                    .filter(|&&id| self.index.share(id) <= REASON_MAX_SHARE)
                    .filter_map(|&id| self.index.word(id))
                    .filter(|w| features::is_whole_word(w))
                    .take(3);
                for w in telling {
                    if !words.iter().any(|x| *x == *w) {
                        words.push(w.into_owned());
                    }
                }
                words.truncate(SHOWN_WORDS);
                let score = (score * 1000.0).round() / 1000.0;
                (score > 0.0).then(|| Suggestion {
                    tag: name.clone(),
                    score,
                    words,
                })
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.tag.cmp(&b.tag)));
        out
    }

    /// The suggestions of article `at` scoring at least `min_score`.
    pub fn suggest_above(&self, at: ArticleAt, min_score: f64) -> Vec<Suggestion> {
        let mut s = self.suggest(at);
        s.retain(|s| s.score >= min_score);
        s
    }

    /// The highest score of any tag for article `at` (0 when none).
    pub fn best_score(&self, at: ArticleAt) -> f64 {
        self.suggest(at).first().map(|s| s.score).unwrap_or(0.0)
    }

    /// `articles` in triage order: the most likely to need a tag (highest best
    /// score) first; equal scores keep corpus order.
    pub fn triage_order(&self, articles: impl IntoIterator<Item = ArticleAt>) -> Vec<ArticleAt> {
        let mut scored: Vec<(f64, ArticleAt)> = articles
            .into_iter()
            .map(|at| (self.best_score(at), at))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, at)| at).collect()
    }
}

/// The articles of `issues` nobody has decided on yet (no tag, not "no topic"),
/// in triage order (see [`Suggester::triage_order`]).
pub fn triage_queue(suggester: &Suggester, store: &TagStore, issues: &[Issue]) -> Vec<ArticleAt> {
    let untagged = issues.iter().enumerate().flat_map(|(i, issue)| {
        issue
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| !store.is_tagged(&issue.rel, &a.id))
            .map(move |(a, _)| ArticleAt::new(i, a))
    });
    suggester.triage_order(untagged)
}

/// Set the suggested tags `accepted` (tag names per article) as accepted
/// suggestions (`by = "suggestion"` in the sidecar). Saved at once; one undo step.
pub fn accept(
    store: &mut TagStore,
    issues: &[Issue],
    accepted: &[(ArticleAt, Vec<String>)],
) -> ChangeReport {
    let edits: Vec<_> = accepted_marks(accepted)
        .into_iter()
        .filter_map(|(at, tag, mark)| Some((Target::at(issues, at)?, tag, mark)))
        .collect();
    store.apply_marks(&edits, ACCEPT_LABEL)
}

/// The undo step's label of [`accept`].
pub const ACCEPT_LABEL: &str = "accept suggestions";

/// The marks [`accept`] sets: each accepted tag, marked as a suggestion taken.
pub fn accepted_marks(
    accepted: &[(ArticleAt, Vec<String>)],
) -> Vec<(ArticleAt, String, Option<TagMark>)> {
    accepted
        .iter()
        .flat_map(|(at, tags)| {
            tags.iter()
                .map(|tag| (*at, tag.clone(), Some(TagMark::now(Source::Suggestion))))
        })
        .collect()
}

/// Mark articles as having no topic (see [`NO_TOPIC`]). One undo step.
pub fn mark_no_topic(store: &mut TagStore, issues: &[Issue], ats: &[ArticleAt]) -> ChangeReport {
    let targets: Vec<Target> = ats
        .iter()
        .filter_map(|&at| Target::at(issues, at))
        .collect();
    store.set(&targets, NO_TOPIC, true, Source::Hand)
}

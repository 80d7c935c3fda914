//! [`SuggestIndex`]: the features of every article of a corpus and the keyword
//! frequencies over them, built once per session.
//!
//! Building cuts every article into jieba words, the one slow step (a few MB of
//! text a second per core). It runs on whatever rayon pool it is called in; the
//! TUI calls it on a background thread with a pool that leaves a core free.

use super::features::{self, ArticleFeatures, KeywordSet, WordId};
use super::keywords::KeywordScorer;
use crate::article::ArticleAt;
use crate::article::{Article, Issue};
use crate::config::TagDef;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Issues processed together before their word texts are merged.
const CHUNK: usize = 256;

/// The features of one issue's articles and the text of their words.
type IssueFeatures = (Vec<ArticleFeatures>, HashMap<WordId, Box<str>>);

/// What is known already of a corpus's articles (kept from an earlier
/// session): per issue, when known, its articles' words and lengths, and the
/// keywords found when those are still the tags' keywords, and the words'
/// texts.
#[derive(Debug, Default)]
pub struct Known {
    pub issues: Vec<Option<Vec<ArticleFeatures>>>,
    pub names: HashMap<WordId, Box<str>>,
    /// The known features hold the keywords found too (they were found with
    /// the keywords of the tags given now).
    pub with_hits: bool,
}

/// The features of a corpus. See the module docs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SuggestIndex {
    pub keywords: KeywordSet,
    pub scorer: KeywordScorer,
    /// Per issue, per article.
    features: Vec<Vec<ArticleFeatures>>,
    /// Text of the content words seen.
    names: HashMap<WordId, Box<str>>,
    /// Articles holding each content word.
    df: HashMap<WordId, u32>,
}

impl SuggestIndex {
    /// Build the index of `issues` for the vocabulary `tags`, calling
    /// `progress(done, total)` (in issues) as it goes.
    pub fn build(
        issues: &[Issue],
        tags: &[TagDef],
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> SuggestIndex {
        let articles: Vec<&[Article]> = issues.iter().map(|i| &i.articles[..]).collect();
        SuggestIndex::build_articles(&articles, tags, progress)
    }

    /// [`SuggestIndex::build`] from the articles of each issue alone.
    pub fn build_articles(
        issues: &[&[Article]],
        tags: &[TagDef],
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> SuggestIndex {
        SuggestIndex::build_reusing(issues, tags, progress, Known::default())
    }

    /// [`SuggestIndex::build_articles`], the words of the issues `known`
    /// gives taken from it instead of cutting them again (only the few
    /// paragraphs where a keyword may be are cut): the same index as one
    /// built afresh.
    pub fn build_reusing(
        issues: &[&[Article]],
        tags: &[TagDef],
        progress: &(dyn Fn(usize, usize) + Sync),
        known: Known,
    ) -> SuggestIndex {
        let keywords = KeywordSet::new(tags);
        let total = issues.len();
        let done = AtomicUsize::new(0);
        let mut names = known.names;
        let with_hits = known.with_hits;
        let mut known = known.issues;
        known.resize_with(total, || None);
        let mut df: HashMap<WordId, u32> = HashMap::new();
        let mut features = Vec::with_capacity(total);
        // In chunks, so the word texts of only one chunk of issues wait to be
        // merged at a time (a big corpus has millions of them).
        for (chunk, known) in issues.chunks(CHUNK).zip(known.chunks_mut(CHUNK)) {
            let per_issue: Vec<IssueFeatures> = chunk
                .par_iter()
                .zip(known.par_iter_mut())
                .map(|(articles, known)| {
                    let mut names = HashMap::new();
                    let f = match known.take() {
                        Some(f) if f.len() == articles.len() && with_hits => f,
                        Some(mut f) if f.len() == articles.len() => {
                            for (a, f) in articles.iter().zip(&mut f) {
                                f.hits = features::hits(a, &keywords);
                            }
                            f
                        }
                        _ => articles
                            .iter()
                            .map(|a| features::extract(a, &keywords, &mut names))
                            .collect(),
                    };
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress(n, total);
                    (f, names)
                })
                .collect();
            for (f, n) in per_issue {
                for (id, word) in n {
                    features::name(&mut names, id, &word);
                }
                for a in &f {
                    for w in &a.words {
                        *df.entry(*w).or_insert(0) += 1;
                    }
                }
                features.push(f);
            }
        }
        let scorer = KeywordScorer::new(&keywords, features.iter().flatten());
        SuggestIndex {
            keywords,
            scorer,
            features,
            names,
            df,
        }
    }

    /// The features of article `at`.
    pub fn features(&self, at: ArticleAt) -> Option<&ArticleFeatures> {
        self.features.get(at.issue).and_then(|i| i.get(at.article))
    }

    /// The features of the articles of issue `i` (none past the last issue).
    pub fn issue_features(&self, i: usize) -> &[ArticleFeatures] {
        self.features.get(i).map_or(&[], Vec::as_slice)
    }

    /// Every word id with its text.
    pub fn names(&self) -> impl Iterator<Item = (WordId, &str)> + '_ {
        self.names.iter().map(|(id, w)| (*id, &**w))
    }

    /// Forget the texts of words no article holds (kept from a corpus as it
    /// was: see [`SuggestIndex::build_reusing`]).
    pub fn forget_unused_words(&mut self) {
        let used: std::collections::HashSet<WordId> = self
            .features
            .iter()
            .flatten()
            .flat_map(|f| f.words.iter().copied())
            .collect();
        self.names.retain(|id, _| used.contains(id));
    }

    /// Every article position, in corpus order.
    pub fn positions(&self) -> impl Iterator<Item = ArticleAt> + '_ {
        self.features
            .iter()
            .enumerate()
            .flat_map(|(i, f)| (0..f.len()).map(move |a| ArticleAt::new(i, a)))
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.features.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The share of articles holding word `id` (0-1).
    pub fn share(&self, id: WordId) -> f64 {
        let n = self.len().max(1) as f64;
        f64::from(self.df.get(&id).copied().unwrap_or(0)) / n
    }

    /// The text of word `id`, when it was seen.
    pub fn word(&self, id: WordId) -> Option<&str> {
        self.names.get(&id).map(|w| &**w)
    }
}

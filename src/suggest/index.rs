//! [`SuggestIndex`]: the features of every article of a corpus and the keyword
//! frequencies over them, built once per session.
//!
//! Building reads every article once for its character pairs and cuts into
//! jieba words only the few paragraphs where a keyword may be. It runs on
//! whatever rayon pool it is called in.

use super::features::{self, ArticleFeatures, KeywordSet, PAIR_IDS, WordId};
use super::keywords::KeywordScorer;
use crate::article::ArticleAt;
use crate::article::{Article, Issue};
use crate::config::TagDef;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Issues processed together before their word texts are merged.
const CHUNK: usize = 256;

/// The features of one issue's articles, whether they were known already, and
/// the text of the words found now.
type IssueFeatures = ((Vec<ArticleFeatures>, bool), HashMap<WordId, Box<str>>);

/// What is known already of a corpus's articles (kept from an earlier
/// session): per issue, when known, its articles' words and lengths, and the
/// keywords found when those are still the tags' keywords, and the words'
/// texts.
#[derive(Debug, Default)]
pub struct Known {
    pub issues: Vec<Option<Vec<ArticleFeatures>>>,
    /// The words of the corpus as it was, with their texts.
    pub vocabulary: Vocabulary,
    /// The vocabulary's article counts are those of exactly the issues given
    /// (the corpus is as it was): when every issue is known, it is taken as
    /// it is instead of counting every article's words again.
    pub whole: bool,
    /// The known features hold the keywords found too (they were found with
    /// the keywords of the tags given now).
    pub with_hits: bool,
}

/// Word ids [`Vocabulary::count`] gathers before adding their counts.
const COUNT_BATCH: usize = 1 << 19;

/// Add the ids of `batch` (any order, each an article's) to the counts of
/// `ids` (ascending) and `df`, in place from the back; `batch` is emptied.
fn add_counts(ids: &mut Vec<WordId>, df: &mut Vec<u32>, batch: &mut Vec<WordId>) {
    batch.sort_unstable();
    // The batch's distinct ids, each with its count.
    let runs: Vec<(WordId, u32)> = batch
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len() as u32))
        .collect();
    batch.clear();
    let old = ids.len();
    let (mut new, mut i) = (0, 0);
    for &(id, _) in &runs {
        while i < old && ids[i] < id {
            i += 1;
        }
        if i == old || ids[i] != id {
            new += 1;
        }
    }
    ids.resize(old + new, 0);
    df.resize(old + new, 0);
    // Merge from the back: `i` old entries and `j` runs left, `k` slots.
    let (mut i, mut j, mut k) = (old, runs.len(), old + new);
    while j > 0 {
        let (id, n) = runs[j - 1];
        k -= 1;
        if i > 0 && ids[i - 1] > id {
            ids[k] = ids[i - 1];
            df[k] = df[i - 1];
            i -= 1;
        } else if i > 0 && ids[i - 1] == id {
            ids[k] = id;
            df[k] = df[i - 1].saturating_add(n);
            i -= 1;
            j -= 1;
        } else {
            ids[k] = id;
            df[k] = n;
            j -= 1;
        }
    }
}

/// The content words of a corpus: each word's id, text and number of articles
/// holding it, in one table sorted by id (a corpus of 100k articles has over a
/// million distinct words: two hash maps of them took 80 MB, this a quarter).
/// A pair of Han characters is known from its id (see
/// [`features::pair_text`]), so only the texts of the other words (ids below
/// [`PAIR_IDS`], the first in the table) are kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocabulary {
    ids: Vec<WordId>,
    df: Vec<u32>,
    /// Where the text of each word below [`PAIR_IDS`] ends in `text`.
    ends: Vec<u32>,
    text: String,
}

impl Vocabulary {
    /// The words of `articles` (each article's words distinct, as
    /// [`ArticleFeatures::words`] are) with how many articles hold each, their
    /// texts given by `text_of`. Counted a batch of articles at a time into
    /// the table by id, which grows in place: no hash table of every word is
    /// held beside it (a first start's peak of memory was there).
    pub fn count<'a, 'b>(
        articles: impl IntoIterator<Item = &'b ArticleFeatures>,
        text_of: impl Fn(WordId) -> Option<Cow<'a, str>>,
    ) -> Vocabulary {
        let (mut ids, mut df) = (Vec::new(), Vec::new());
        let mut batch: Vec<WordId> = Vec::new();
        for a in articles {
            batch.extend_from_slice(&a.words);
            if batch.len() >= COUNT_BATCH {
                add_counts(&mut ids, &mut df, &mut batch);
            }
        }
        add_counts(&mut ids, &mut df, &mut batch);
        drop(batch);
        Vocabulary::of_counts(ids, df, text_of)
    }

    /// The words `ids` (ascending), held by `df` articles each, the texts of
    /// those not known from their id given by `text_of` (see [`Vocabulary`]),
    /// which take their exact room.
    fn of_counts<'a>(
        ids: Vec<WordId>,
        df: Vec<u32>,
        text_of: impl Fn(WordId) -> Option<Cow<'a, str>>,
    ) -> Vocabulary {
        let named = ids.partition_point(|&id| id < PAIR_IDS);
        let text_len: usize = ids[..named]
            .iter()
            .map(|&id| text_of(id).map_or(0, |t| t.len()))
            .sum();
        let ordered = ids.windows(2).all(|w| w[0] < w[1]) && ids.len() == df.len();
        if u32::try_from(text_len).is_err() || !ordered {
            // Words past what the table can hold are left out, as by `push`.
            let mut v = Vocabulary::with_capacity(ids.len(), 0);
            for (&id, &n) in ids.iter().zip(&df) {
                v.push(id, n, text_of(id).as_deref().unwrap_or(""));
            }
            v.shrink_to_fit();
            return v;
        }
        let mut text = String::with_capacity(text_len);
        let mut ends = Vec::with_capacity(named);
        for &id in &ids[..named] {
            if let Some(t) = text_of(id) {
                text.push_str(&t);
            }
            ends.push(text.len() as u32);
        }
        Vocabulary {
            ids,
            df,
            ends,
            text,
        }
    }

    /// An empty vocabulary with room for `n` words and `text` bytes of their
    /// texts (of which those of pairs, known from their ids, are not kept).
    pub fn with_capacity(n: usize, text: usize) -> Vocabulary {
        Vocabulary {
            ids: Vec::with_capacity(n),
            df: Vec::with_capacity(n),
            ends: Vec::new(),
            text: String::with_capacity(text),
        }
    }

    /// Add word `id` (greater than every id added before), held by `df`
    /// articles, spelt `text`; false (nothing added) when it is out of order,
    /// the text too long for the table, or not the text of a pair of Han
    /// characters known from its id (empty for an id above [`PAIR_IDS`] that
    /// is no such pair).
    pub fn push(&mut self, id: WordId, df: u32, text: &str) -> bool {
        if self.ids.last().is_some_and(|&last| last >= id) {
            return false;
        }
        if id < PAIR_IDS {
            let Ok(end) = u32::try_from(self.text.len() + text.len()) else {
                return false;
            };
            self.text.push_str(text);
            self.ends.push(end);
        } else if !features::spells_pair(id, text) {
            return false;
        }
        self.ids.push(id);
        self.df.push(df);
        true
    }

    /// Give back the room not used.
    pub fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
        self.df.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.text.shrink_to_fit();
    }

    fn find(&self, id: WordId) -> Option<usize> {
        self.ids.binary_search(&id).ok()
    }

    /// The text of word `i` of the table ("" when unknown).
    fn text_at(&self, i: usize) -> Cow<'_, str> {
        match self.ends.get(i) {
            Some(&end) => {
                let from = i.checked_sub(1).map_or(0, |j| self.ends[j] as usize);
                Cow::Borrowed(self.text.get(from..end as usize).unwrap_or(""))
            }
            None => self
                .ids
                .get(i)
                .and_then(|&id| features::pair_text(id))
                .map_or(Cow::Borrowed(""), Cow::Owned),
        }
    }

    /// Articles holding word `id`.
    pub fn df(&self, id: WordId) -> u32 {
        self.find(id).map_or(0, |i| self.df[i])
    }

    /// The text of word `id`, when it is known.
    pub fn word(&self, id: WordId) -> Option<Cow<'_, str>> {
        self.find(id)
            .map(|i| self.text_at(i))
            .filter(|t| !t.is_empty())
    }

    /// Every word: id, articles holding it and text ("" when unknown), by id.
    pub fn iter(&self) -> impl Iterator<Item = (WordId, u32, Cow<'_, str>)> + '_ {
        (0..self.ids.len()).map(|i| (self.ids[i], self.df[i], self.text_at(i)))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// The features of a corpus. See the module docs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SuggestIndex {
    pub keywords: KeywordSet,
    pub scorer: KeywordScorer,
    /// Per issue, per article.
    features: Vec<Vec<ArticleFeatures>>,
    /// The content words seen: their texts and how many articles hold each.
    vocabulary: Vocabulary,
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
        // The texts of words found now (the known ones are in the vocabulary).
        let mut names: HashMap<WordId, Box<str>> = HashMap::new();
        let with_hits = known.with_hits;
        let old = known.vocabulary;
        let mut whole = known.whole && known.issues.len() == total;
        let mut known = known.issues;
        known.resize_with(total, || None);
        let mut features = Vec::with_capacity(total);
        // In chunks, so the word texts of only one chunk of issues wait to be
        // merged at a time (a big corpus has millions of them).
        for (chunk, known) in issues.chunks(CHUNK).zip(known.chunks_mut(CHUNK)) {
            // The texts of the chunks before, which the issues of this one
            // need not collect again.
            let seen = &names;
            let per_issue: Vec<IssueFeatures> = chunk
                .par_iter()
                .zip(known.par_iter_mut())
                .map(|(articles, known)| {
                    let mut names = HashMap::new();
                    let f = match known.take() {
                        Some(f) if f.len() == articles.len() && with_hits => (f, true),
                        Some(mut f) if f.len() == articles.len() => {
                            for (a, f) in articles.iter().zip(&mut f) {
                                f.hits = features::hits(a, &keywords);
                            }
                            (f, true)
                        }
                        _ => (
                            articles
                                .iter()
                                .map(|a| features::extract_new(a, &keywords, seen, &mut names))
                                .collect(),
                            false,
                        ),
                    };
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress(n, total);
                    (f, names)
                })
                .collect();
            for ((f, was_known), n) in per_issue {
                whole &= was_known;
                for (id, word) in n {
                    features::name(&mut names, id, word);
                }
                features.push(f);
            }
        }
        let scorer = KeywordScorer::new(&keywords, features.iter().flatten());
        let vocabulary = if whole {
            old
        } else {
            // Of two texts of one id, the smaller (see `features::name`); a
            // pair of Han characters is known from its id (not asked).
            Vocabulary::count(features.iter().flatten(), |id| {
                match (names.get(&id), old.word(id)) {
                    (Some(new), Some(old)) if **new < *old => Some(Cow::Borrowed(&**new)),
                    (_, Some(old)) => Some(old),
                    (new, None) => new.map(|w| Cow::Borrowed(&**w)),
                }
            })
        };
        SuggestIndex {
            keywords,
            scorer,
            features,
            vocabulary,
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

    /// The content words of the corpus.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
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
        f64::from(self.vocabulary.df(id)) / n
    }

    /// The text of word `id`, when it was seen.
    pub fn word(&self, id: WordId) -> Option<Cow<'_, str>> {
        self.vocabulary.word(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holding(words: &[WordId]) -> ArticleFeatures {
        let mut words = words.to_vec();
        words.sort_unstable();
        words.dedup();
        ArticleFeatures {
            words: words.into(),
            hits: Vec::new(),
            length: 1,
        }
    }

    proptest::proptest! {
        /// Each word is counted once for every article holding it, whatever
        /// the batches the counting goes in.
        #[test]
        fn a_vocabulary_counts_the_articles_holding_each_word(
            articles in proptest::collection::vec(
                proptest::collection::vec(0u32..3000, 0..40),
                0..200,
            ),
        ) {
            // Ids from 2000 on are pairs of Han characters.
            let id = |k: u32| if k < 2000 { k } else { (0x4E00 + k) << 16 | 0x4E01 };
            let articles: Vec<ArticleFeatures> = articles
                .iter()
                .map(|w| holding(&w.iter().map(|&k| id(k)).collect::<Vec<_>>()))
                .collect();
            let v = Vocabulary::count(&articles, |id| {
                (id % 3 == 0).then(|| Cow::Owned(format!("w{id}")))
            });
            let mut expected: std::collections::BTreeMap<WordId, u32> = Default::default();
            for a in &articles {
                for &w in &a.words {
                    *expected.entry(w).or_default() += 1;
                }
            }
            let got: Vec<(WordId, u32, String)> =
                v.iter().map(|(id, n, t)| (id, n, t.to_string())).collect();
            let want: Vec<(WordId, u32, String)> = expected
                .into_iter()
                .map(|(id, n)| {
                    let text = match features::pair_text(id) {
                        Some(pair) => pair,
                        None if id % 3 == 0 => format!("w{id}"),
                        None => String::new(),
                    };
                    (id, n, text)
                })
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// Batches past [`COUNT_BATCH`] ids merge into the counts so far.
    #[test]
    fn counts_merge_across_batches() {
        let many: Vec<WordId> = (0..(COUNT_BATCH as u32 / 3)).map(|i| i * 7).collect();
        let articles: Vec<ArticleFeatures> = (0..8).map(|k| holding(&many[k * 1000..])).collect();
        let v = Vocabulary::count(&articles, |_| None);
        assert_eq!(v.len(), many.len());
        for (k, &id) in many.iter().enumerate() {
            assert_eq!(v.df(id), (k / 1000).min(7) as u32 + 1, "{id}");
        }
        assert_eq!(v.df(1), 0);
    }

    /// Words come out by id with their counts and texts, whatever order they
    /// were counted in; a word without a text has none; ids out of order are
    /// refused.
    #[test]
    fn vocabulary_finds_each_word_by_id() {
        let words = ["改善", "空气质量", "社区", "地铁"];
        // Word n is held by n + 1 articles; 7 by nine.
        let articles: Vec<ArticleFeatures> = (0..9)
            .map(|k| {
                let mut ids: Vec<WordId> = words
                    .iter()
                    .enumerate()
                    .filter(|&(n, _)| k <= n)
                    .map(|(_, w)| features::word_id(w))
                    .collect();
                ids.push(7);
                holding(&ids)
            })
            .collect();
        let v = Vocabulary::count(&articles, |id| {
            words
                .iter()
                .copied()
                .find(|w| features::word_id(w) == id)
                .map(Cow::Borrowed)
        });
        assert_eq!(v.len(), 5);
        for (n, w) in words.iter().enumerate() {
            assert_eq!(v.word(features::word_id(w)).as_deref(), Some(*w));
            assert_eq!(v.df(features::word_id(w)), n as u32 + 1);
        }
        assert_eq!((v.word(7), v.df(7)), (None, 9));
        assert_eq!(v.text, "空气质量", "the one text not known from its id");
        assert_eq!((v.word(8), v.df(8)), (None, 0));
        let ids: Vec<WordId> = v.iter().map(|(id, _, _)| id).collect();
        assert!(ids.windows(2).all(|p| p[0] < p[1]), "{ids:?}");
        let mut w = Vocabulary::with_capacity(2, 4);
        assert!(w.push(5, 1, "甲乙"));
        assert!(!w.push(5, 1, "丙丁"), "an id twice");
        assert!(!w.push(4, 1, "丙丁"), "an id out of order");
        assert_eq!((w.len(), w.word(5).as_deref()), (1, Some("甲乙")));
        // A pair's text is known from its id, and only its own is taken.
        let pair = features::word_id("社区");
        assert!(!w.push(pair, 2, "地铁"));
        assert!(w.push(pair, 2, "社区"));
        assert!(w.text.ends_with("甲乙"), "not kept: {:?}", w.text);
        assert_eq!((w.word(pair).as_deref(), w.df(pair)), (Some("社区"), 2));
        // An id above the pairs' that spells none (U+FFFF twice).
        assert!(!w.push(u32::MAX, 1, "x"), "no pair spelt");
        assert!(w.push(u32::MAX, 1, ""));
        assert_eq!((w.word(u32::MAX), w.df(u32::MAX)), (None, 1));
    }
}

//! Tags as the searcher sees them: a snapshot of every article's tag names, so the
//! search thread never touches the (mutable) tag store.

use super::TagLookup;
use crate::article::ArticleAt;
use crate::article::Issue;
use crate::corpus::Corpus;
use crate::tags::TagStore;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// How a member of sample NAME is marked among its tags in a [`TagLookup`]
/// (`sample:NAME` matches it; no tag name starts with a NUL).
pub fn sample_marker(name: &str) -> String {
    format!("\0sample:{}", super::fold::fold(name))
}

/// True for a sample's marker (not a tag).
pub fn is_sample_marker(t: &str) -> bool {
    t.starts_with("\0sample:")
}

/// How a memo with text `text` is marked among the article's tags in a
/// [`TagLookup`] (`note` matches any, `note:word` one whose text holds the
/// folded word).
pub fn note_marker(text: &str) -> String {
    format!("{NOTE_PREFIX}{}", super::fold::fold(text))
}

const NOTE_PREFIX: &str = "\0note:";

/// The folded text of a memo's marker, or `None` for anything else.
pub fn note_of_marker(t: &str) -> Option<&str> {
    t.strip_prefix(NOTE_PREFIX)
}

/// True for any marker (a sample's, a memo's): not a tag, which `untagged`
/// ignores.
pub fn is_marker(t: &str) -> bool {
    t.starts_with('\0')
}

/// The tag names of article `id` of issue `rel` with a marker for each memo
/// shown on it: what a [`TagLookup`] gives for one article.
pub fn names_and_notes(store: &TagStore, rel: &str, id: &str) -> Vec<String> {
    let mut names = store.tag_names(rel, id);
    names.extend(store.memos(rel, id).iter().map(|m| note_marker(&m.text)));
    names
}

/// `tags` with every member of `samples` (name, `(issue, id)` members)
/// marked (see [`sample_marker`]), articles found by their place in `issues`.
pub fn with_samples(
    tags: TagLookup,
    issues: &[Issue],
    samples: &[(String, HashSet<(String, String)>)],
) -> TagLookup {
    if samples.is_empty() {
        return tags;
    }
    let mut marks: HashMap<ArticleAt, Vec<String>> = HashMap::new();
    for (i, issue) in issues.iter().enumerate() {
        for (a, article) in issue.articles.iter().enumerate() {
            let key = (issue.rel.clone(), article.id.clone());
            for (name, members) in samples {
                if members.contains(&key) {
                    marks
                        .entry(ArticleAt::new(i, a))
                        .or_default()
                        .push(sample_marker(name));
                }
            }
        }
    }
    Arc::new(move |at: ArticleAt| {
        let mut names = tags(at);
        if let Some(m) = marks.get(&at) {
            names.extend(m.iter().cloned());
        }
        names
    })
}

/// A lookup of the tags (and memos, as markers) of every article of `corpus`
/// as they are in `store` now.
pub fn snapshot(corpus: &Corpus, store: &TagStore) -> TagLookup {
    let names: Vec<Vec<Vec<String>>> = corpus
        .issues
        .iter()
        .map(|issue| {
            issue
                .articles
                .iter()
                .map(|a| names_and_notes(store, &issue.rel, &a.id))
                .collect()
        })
        .collect();
    Arc::new(move |at: ArticleAt| {
        names
            .get(at.issue)
            .and_then(|i| i.get(at.article))
            .cloned()
            .unwrap_or_default()
    })
}

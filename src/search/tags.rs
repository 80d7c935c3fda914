//! Tags as the searcher sees them: a snapshot of every article's tag names, so the
//! search thread never touches the (mutable) tag store.

use super::{DocRef, TagLookup};
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

/// True for a sample's marker (not a tag: `untagged` ignores it).
pub fn is_sample_marker(t: &str) -> bool {
    t.starts_with("\0sample:")
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
    let mut marks: HashMap<(u32, u32), Vec<String>> = HashMap::new();
    for (i, issue) in issues.iter().enumerate() {
        for (a, article) in issue.articles.iter().enumerate() {
            let key = (issue.rel.clone(), article.id.clone());
            for (name, members) in samples {
                if members.contains(&key) {
                    marks
                        .entry((i as u32, a as u32))
                        .or_default()
                        .push(sample_marker(name));
                }
            }
        }
    }
    Arc::new(move |r: DocRef| {
        let mut names = tags(r);
        if let Some(m) = marks.get(&(r.issue, r.article)) {
            names.extend(m.iter().cloned());
        }
        names
    })
}

/// A lookup of the tags of every article of `corpus` as they are in `store` now.
pub fn snapshot(corpus: &Corpus, store: &TagStore) -> TagLookup {
    let names: Vec<Vec<Vec<String>>> = corpus
        .issues
        .iter()
        .map(|issue| {
            issue
                .articles
                .iter()
                .map(|a| store.tag_names(&issue.rel, &a.id))
                .collect()
        })
        .collect();
    Arc::new(move |r: DocRef| {
        names
            .get(r.issue as usize)
            .and_then(|i| i.get(r.article as usize))
            .cloned()
            .unwrap_or_default()
    })
}

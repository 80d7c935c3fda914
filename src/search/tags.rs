//! Tags as the searcher sees them: a snapshot of every article's tag names, so the
//! search thread never touches the (mutable) tag store.

use super::{DocRef, TagLookup};
use crate::corpus::Corpus;
use crate::tags::TagStore;
use std::sync::Arc;

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

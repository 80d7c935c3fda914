//! Fuzzy search over a corpus, made for Chinese: skim fuzzy matching on titles and
//! other fields, pinyin (initials, full, polyphonic) on titles and on the words
//! of bodies, jieba words on bodies, a small query language ([`query`]), incremental narrowing as a query
//! grows ([`Searcher`]) and a background thread that drops stale queries
//! ([`background`]).

pub mod background;
pub mod body;
pub mod cache;
pub mod chars;
pub mod column;
pub mod fold;
pub mod index;
pub mod pinyin;
pub mod query;
pub mod rank;
pub mod tags;
pub mod verify;

pub use index::{DocRef, SearchIndex};
pub use query::{Query, QueryError};
pub use rank::{Hit, Matcher, TagLookup};

use std::sync::Arc;

/// Runs queries against one index, narrowing the previous results when the new
/// query only adds to the old one (typing forward).
pub struct Searcher {
    index: Arc<SearchIndex>,
    tags: Option<TagLookup>,
    /// The last successful query and its matching documents, ascending.
    last: Option<(String, Vec<u32>)>,
}

impl Searcher {
    pub fn new(index: Arc<SearchIndex>, tags: Option<TagLookup>) -> Searcher {
        Searcher {
            index,
            tags,
            last: None,
        }
    }

    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// Use new tags (after the user tagged something); forgets previous results.
    pub fn set_tags(&mut self, tags: Option<TagLookup>) {
        self.tags = tags;
        self.last = None;
    }

    /// Forget previous results.
    pub fn reset(&mut self) {
        self.last = None;
    }

    /// Matching documents, best first; a malformed query is an error, not a crash.
    pub fn search(&mut self, text: &str) -> Result<Vec<Hit>, QueryError> {
        let query = Query::parse(text)?;
        let matcher = Matcher::new(&self.index, &query, self.tags.clone());
        let candidates = match &self.last {
            Some((old, docs)) if narrows(old, text) => Some(docs.as_slice()),
            _ => None,
        };
        let (hits, docs) = matcher.run_with_docs(candidates);
        self.last = Some((text.to_string(), docs));
        Ok(hits)
    }
}

/// Words that change meaning as they are completed (`untag` -> `untagged`).
const KEYWORDS: [&str; 5] = ["untagged", "tag:", "kind:", "issue:", "title:"];

/// True when every match of `new` is a match of `old`, judged from the text: `new`
/// extends `old`, and neither negation, `|`, tags nor a keyword being completed
/// can widen it.
pub fn narrows(old: &str, new: &str) -> bool {
    let Some(added) = new.strip_prefix(old) else {
        return false;
    };
    if old.is_empty() || old.contains(['!', '！']) || added.contains(['|', '!', '！', '｜']) {
        return false;
    }
    if old.trim_end().ends_with(['|', '｜']) || old.contains("tag:") {
        return false;
    }
    let last = fold::fold(old);
    let last = last.rsplit(' ').next().unwrap_or("");
    let ends_in_space = old.ends_with(char::is_whitespace);
    // Pinyin too short to be looked for in bodies may grow into one that is.
    if !ends_in_space
        && !added.starts_with(char::is_whitespace)
        && pinyin::is_pinyin_query(last)
        && last.len() < rank::BODY_PINYIN_MIN
    {
        return false;
    }
    ends_in_space || last.is_empty() || !KEYWORDS.iter().any(|k| k.starts_with(last))
}

#[cfg(test)]
mod tests {
    use super::narrows;

    #[test]
    fn narrowing_only_when_the_query_cannot_widen() {
        assert!(narrows("社", "社区"));
        assert!(narrows("社区", "社区 治理"));
        assert!(!narrows("sq", "sqzl"));
        assert!(
            !narrows("s", "sq"),
            "bodies are searched from two letters on"
        );
        assert!(narrows("社区 s", "社区 s "));
        assert!(!narrows("社区", "社"));
        assert!(!narrows("!社", "!社区"));
        assert!(!narrows("社", "社|环"));
        assert!(!narrows("untag", "untagged"));
        assert!(!narrows("ti", "title:x"));
        assert!(!narrows("tag:env", "tag:envi"));
        assert!(!narrows("", "a"));
    }
}

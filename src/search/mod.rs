//! Search over a corpus, made for Chinese: phrases side by side in every field,
//! skim fuzzy matching on titles and other fields, pinyin (initials, full,
//! polyphonic) on titles and bodies, body candidates from unigram and bigram
//! postings (and pinyin four-grams: the initials of four characters side by
//! side, or of three ending a run) ([`postings`]) verified on the text ([`verify`]), a small query
//! language ([`query`]), incremental narrowing as a query grows ([`Searcher`])
//! and a background thread that drops stale queries ([`background`]).

pub mod background;
pub mod cache;
pub mod chars;
pub mod column;
pub mod docset;
pub mod fold;
pub mod history;
pub mod index;
pub(crate) mod patch;
pub mod pinyin;
pub mod postings;
pub mod query;
pub mod rank;
pub mod saved;
pub mod snippet;
pub mod tags;
pub mod verify;

pub use index::SearchIndex;
pub use query::{Query, QueryError};
pub use rank::{Hit, Matcher, ReadFrom, TagLookup};

use std::sync::Arc;

/// Runs queries against one index, narrowing the previous results when the new
/// query only adds to the old one (typing forward).
pub struct Searcher {
    index: Arc<SearchIndex>,
    tags: Option<TagLookup>,
    /// The last successful query and its matching documents, ascending.
    last: Option<(Query, Vec<u32>)>,
    /// Where the bodies read for the last query's pinyin term spell it (the
    /// next keystroke reads them from there).
    read: Option<ReadFrom>,
}

impl Searcher {
    pub fn new(index: Arc<SearchIndex>, tags: Option<TagLookup>) -> Searcher {
        Searcher {
            index,
            tags,
            last: None,
            read: None,
        }
    }

    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// Use new tags (after the user tagged something); forgets previous results.
    pub fn set_tags(&mut self, tags: Option<TagLookup>) {
        self.tags = tags;
        self.last = None;
        self.read = None;
    }

    /// Forget previous results.
    pub fn reset(&mut self) {
        self.last = None;
        self.read = None;
    }

    /// Matching documents, best first; a malformed query is an error, not a crash.
    /// The previous hits are searched instead of every document only when
    /// [`narrows`] proves the new query's hits are among them.
    pub fn search(&mut self, text: &str) -> Result<Vec<Hit>, QueryError> {
        let query = Query::parse(text)?;
        let candidates = match &self.last {
            Some((old, docs)) if narrows(old, &query) => Some(docs.as_slice()),
            _ => None,
        };
        let tags = self.tags.clone();
        // Among a tenth of the documents or fewer, reading the bodies costs
        // less than looking up their pinyin in the postings; so it does among
        // candidates whose bodies were nearly all read for the term's start
        // (each is read from where that spelled it, if at all).
        let read_before = |c: &[u32]| {
            self.read
                .as_ref()
                .is_some_and(|r| r.unread(c) * READ_BEFORE_AT_LEAST <= c.len())
        };
        // A term whose spellings the postings cannot settle has the body of
        // every candidate read whichever the matcher (a chain of bigrams
        // only bounds a spelling): the one that looks fewer lists up does.
        let mut matcher = match candidates {
            Some(few)
                if few.len() * 10 <= self.index.len()
                    || read_before(few)
                    || Matcher::reads_bodies_either_way(&self.index, &query) =>
            {
                Matcher::for_few(&self.index, &query, tags)
            }
            _ => Matcher::new(&self.index, &query, tags),
        };
        // A pinyin term typed on is read from where its start spelled each body.
        if let Some(read) = self.read.take() {
            matcher.read_from(read);
        }
        let (hits, docs) = matcher.run_with_docs(candidates);
        self.read = matcher.bodies_read();
        self.last = Some((query, docs));
        Ok(hits)
    }
}

/// A narrowed keystroke reads the bodies of its candidates rather than look
/// up pinyin in the postings when at most one in this many was not read for
/// the keystroke before.
const READ_BEFORE_AT_LEAST: usize = 8;

/// True when every hit of `new` is a hit of `old`, so `new` can be searched among
/// the hits of `old` (typing forward). Judged on the parsed queries: `new` has
/// every clause of `old` (AND only narrows), except that the last clause of `old`
/// may have grown into a longer text of the same form (`社区` -> `社区治`, `'社` ->
/// `'社区`), which matches only where the shorter one does: a phrase holds its
/// start, scattered characters their first ones, pinyin its first letters. Never
/// across a change of form (a prefix `'` `^` `~` typed, a keyword completed), for
/// a negated or `|` clause, or for pinyin that grows long enough to be looked
/// for in bodies (`sq` -> `sqz`; `sqz` -> `sqzl` narrows: a body spelling `sqzl`
/// spells `sqz`).
pub fn narrows(old: &Query, new: &Query) -> bool {
    let (Some((last, same)), true) = (
        old.clauses.split_last(),
        new.clauses.len() >= old.clauses.len(),
    ) else {
        return false;
    };
    if same.iter().zip(&new.clauses).any(|(a, b)| a != b) {
        return false;
    }
    let Some(grown) = new.clauses.get(same.len()) else {
        return false;
    };
    grown == last || grows(last, grown)
}

/// True when clause `new` is clause `old` with a longer text of the same form.
fn grows(old: &query::Clause, new: &query::Clause) -> bool {
    use query::Pred;
    let ([a], [b]) = (old.alternatives.as_slice(), new.alternatives.as_slice()) else {
        return false;
    };
    if a.negated || b.negated {
        return false;
    }
    let (old_text, new_text, bodies) = match (&a.pred, &b.pred) {
        (
            Pred::Fuzzy {
                text: o,
                title_only: t1,
            },
            Pred::Fuzzy {
                text: n,
                title_only: t2,
            },
        ) if t1 == t2 => (o, n, !t1),
        (Pred::Scattered { text: o }, Pred::Scattered { text: n }) => (o, n, true),
        (
            Pred::Exact {
                text: o,
                title_only: t1,
            },
            Pred::Exact {
                text: n,
                title_only: t2,
            },
        ) if t1 == t2 => (o, n, false),
        (Pred::Prefix { text: o }, Pred::Prefix { text: n }) => (o, n, false),
        _ => return false,
    };
    // Pinyin is looked for in bodies from BODY_PINYIN_MIN letters on.
    let pinyin_reaches_bodies = bodies
        && !matches!(b.pred, Pred::Exact { .. })
        && pinyin::is_pinyin_query(new_text)
        && old_text.len() < rank::BODY_PINYIN_MIN
        && new_text.len() >= rank::BODY_PINYIN_MIN;
    new_text.starts_with(old_text.as_str()) && !pinyin_reaches_bodies
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(old: &str, new: &str) -> bool {
        match (Query::parse(old), Query::parse(new)) {
            (Ok(o), Ok(n)) => narrows(&o, &n),
            _ => false,
        }
    }

    #[test]
    fn narrowing_only_when_the_query_cannot_widen() {
        assert!(n("社", "社区"));
        assert!(n("社区", "社区 治理"));
        assert!(n("社区", "社区 "));
        assert!(n("'社", "'社区"));
        assert!(n("《中", "《中国"));
        assert!(n("sq", "sq1"), "no longer pinyin: a phrase holding sq");
        assert!(!n("sq", "sqzl"), "pinyin now looked for in bodies");
        assert!(!n("sq", "sqz"), "pinyin now looked for in bodies");
        assert!(n("sqz", "sqzl"), "a body spelling sqzl spells sqz");
        assert!(n("title:sq", "title:sqzl"), "pinyin in titles only");
        assert!(!n("社区", "社"));
        assert!(!n("社区", "'社区"), "form changed");
        assert!(!n("社区", "~社区"));
        assert!(!n("!社", "!社区"));
        assert!(!n("社", "社|环"));
        assert!(!n("untag", "untagged"));
        assert!(!n("ti", "title:x"));
        assert!(!n("tag:env", "tag:envi"));
        assert!(!n("", "a"));
        assert!(!n("社区 治", "社区治"));
    }
}

//! Stable article ids.
//!
//! An id is the first 12 hex digits of XXH3-64 over the issue key (file name
//! without extension), the article's anchor and the anchor's occurrence number in
//! the issue. The anchor is the title compared after NFKC with whitespace removed,
//! or for a titleless article the first 24 such characters of its body. So an id
//! survives re-encoding, other line ends, re-spacing, moving the corpus folder and
//! edits to other articles; it changes when the article's own title changes (tags
//! then re-anchor by title, see `crate::tags`).
//!
//! Properties (tested end to end through `corpus::parse_issue` in
//! `tests/segment_ids.rs`):
//! - the same bytes re-encoded (UTF-8, BOM, GB18030), with CRLF/CR line ends, with
//!   indents, trailing or inner spaces, extra blank lines or full-/half-width
//!   punctuation give the same id;
//! - editing, adding or removing *other* articles keeps an article's id (unless an
//!   article with the same title before it is removed: occurrence numbers shift);
//! - the same article in another issue file gets another id.

use crate::article::Article;
use crate::text::{comparison_key, comparison_key_prefix};
use std::collections::HashMap;

/// The text an article's id is derived from.
pub fn anchor(article: &Article) -> String {
    let title = if article.subtitle.is_empty() {
        comparison_key(&article.title)
    } else {
        comparison_key(&format!("{}{}", article.title, article.subtitle))
    };
    if !title.is_empty() {
        return title;
    }
    // Only the first 24 normalised characters count, so a huge titleless body costs
    // no more than a short one.
    comparison_key_prefix(&article.paragraphs, 24)
}

/// Give every article of one issue its id.
pub fn assign_ids(issue_key: &str, articles: &mut [Article]) {
    let anchors: Vec<String> = articles.iter().map(anchor).collect();
    let mut seen: HashMap<&str, u32> = HashMap::with_capacity(anchors.len());
    for (article, anchor) in articles.iter_mut().zip(&anchors) {
        let n = seen.entry(anchor).or_insert(0);
        *n += 1;
        article.id = article_id(issue_key, anchor, *n);
    }
}

/// The id of the `occurrence`-th article with `anchor` in the issue `issue_key`.
pub fn article_id(issue_key: &str, anchor: &str, occurrence: u32) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(issue_key.as_bytes());
    h.update(&[0]);
    h.update(anchor.as_bytes());
    h.update(&[0]);
    h.update(&occurrence.to_le_bytes());
    // The first 12 of its 16 hex digits.
    format!("{:012x}", h.digest() >> 16)
}

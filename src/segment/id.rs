//! Stable article ids.
//!
//! An id is the first 12 hex digits of XXH3-64 over the issue key (file name
//! without extension), the article's anchor and a fingerprint of its whole body.
//! The anchor is the title and subtitle compared after NFKC with whitespace
//! removed, or for a titleless article the first 24 such characters of its body;
//! the body fingerprint ([`crate::text::folded_hash`]) reads the body with all
//! whitespace removed and full-width letters, digits and punctuation folded. So
//! articles that share a title (two photos titled 图片新闻) have ids of their own
//! that do not depend on how many there are or in what order: inserting,
//! deleting or moving one never changes another's id. Only articles identical in
//! anchor and body, which nothing else tells apart, are numbered in reading order.
//! The last three of the 12 hex digits are a check of the body's opening (its
//! first 32 folded characters): re-anchoring follows a title only to an article
//! that opens as the saved one did, so a deleted photo's tags never move to
//! another photo with the same title.
//!
//! An id survives re-encoding, other line ends, re-spacing and re-wrapping,
//! full-/half-width forms, moving the corpus folder and edits to other articles;
//! it changes when the article's own title or body changes (tags then re-anchor
//! by title where that is unambiguous, see `crate::tags::anchor`).
//!
//! Properties (tested end to end through `corpus::parse_issue` in
//! `tests/segment_ids.rs`):
//! - the same bytes re-encoded (UTF-8, BOM, GB18030), with CRLF/CR line ends, with
//!   indents, trailing or inner spaces, extra blank lines or full-/half-width
//!   punctuation give the same id;
//! - editing, adding, removing or reordering *other* articles keeps an article's
//!   id, same-titled ones included;
//! - the same article in another issue file gets another id.

use crate::article::Article;
use crate::text::{comparison_key, comparison_key_prefix, folded_hash_and_prefix_hash};
use rustc_hash::FxHashMap;

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

/// Number of body characters the opening check of an id reads.
pub const OPENING_CHARS: usize = 32;

/// Give every article of one issue its id.
pub fn assign_ids(issue_key: &str, articles: &mut [Article]) {
    let keys: Vec<(String, u64, u64)> = articles
        .iter()
        .map(|a| {
            let (body, opening) = folded_hash_and_prefix_hash(&a.paragraphs, OPENING_CHARS);
            (anchor(a), body, opening)
        })
        .collect();
    let mut seen: FxHashMap<(&str, u64), u32> =
        FxHashMap::with_capacity_and_hasher(keys.len(), Default::default());
    for (article, (anchor, body, opening)) in articles.iter_mut().zip(&keys) {
        let n = seen.entry((anchor, *body)).or_insert(0);
        *n += 1;
        article.id = id_of(issue_key, anchor, *body, *n, *opening);
    }
}

/// The id of the `copy`-th article (1-based, reading order) of the issue
/// `issue_key` with this anchor, body fingerprint and opening: nine hex digits
/// of XXH3 over the first four, then three of the opening's.
pub fn article_id(issue_key: &str, anchor: &str, body: u64, copy: u32, opening: &str) -> String {
    id_of(
        issue_key,
        anchor,
        body,
        copy,
        xxhash_rust::xxh3::xxh3_64(opening.as_bytes()),
    )
}

/// [`article_id`] with the XXH3 of the opening given.
fn id_of(issue_key: &str, anchor: &str, body: u64, copy: u32, opening: u64) -> String {
    // The four read one after another, hashed at once (XXH3 of the whole is what
    // its streaming hasher digests, without setting one up for a few bytes).
    let mut bytes = Vec::with_capacity(issue_key.len() + anchor.len() + 14);
    bytes.extend_from_slice(issue_key.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(anchor.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(&body.to_le_bytes());
    bytes.extend_from_slice(&copy.to_le_bytes());
    let check = opening & 0xfff;
    // Nine hex digits of the 36 bits kept, three of the check's 12.
    hex12(((xxhash_rust::xxh3::xxh3_64(&bytes) >> 28) << 12) | check)
}

/// `format!("{bits:012x}")` of the low 48 bits, without the formatter.
fn hex12(bits: u64) -> String {
    let mut hex = String::with_capacity(12);
    for k in (0..12).rev() {
        hex.push(char::from(
            b"0123456789abcdef"[((bits >> (4 * k)) & 0xf) as usize],
        ));
    }
    hex
}

/// The opening check of an id of this scheme (its last three hex digits).
pub fn opening_check(id: &str) -> Option<&str> {
    (id.len() == 12 && id.bytes().all(|b| b.is_ascii_hexdigit())).then(|| &id[9..])
}

/// How far [`is_legacy_id`] counts same-anchored articles.
const LEGACY_COPIES: u32 = 64;

/// True when `id` is the id newstag 0.1 gave the n-th article with `anchor` in
/// the issue `issue_key` (XXH3 of key, anchor and n; same-titled articles were
/// numbered in reading order), or is not an id of today's form at all.
/// Sidecars written then are re-anchored by title alone.
pub fn is_legacy_id(id: &str, issue_key: &str, anchor: &str) -> bool {
    if opening_check(id).is_none() {
        return true;
    }
    (1..=LEGACY_COPIES).any(|n| {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(issue_key.as_bytes());
        h.update(&[0]);
        h.update(anchor.as_bytes());
        h.update(&[0]);
        h.update(&n.to_le_bytes());
        format!("{:012x}", h.digest() >> 16) == id
    })
}

#[cfg(test)]
mod tests {
    /// An id's parts hashed at once give the digest of the streaming hasher fed
    /// them one after another (short parts, and long ones past its buffer).
    #[test]
    fn parts_hashed_at_once_are_those_streamed() {
        let long = "长".repeat(200);
        for (key, anchor, body, copy, opening) in [
            (
                "2025-10-16",
                "古镇夜游“火”了",
                0x1234_5678_9abc_def0u64,
                1u32,
                "夜幕降临",
            ),
            ("", "", 0, 2, ""),
            ("x", long.as_str(), u64::MAX, 7, long.as_str()),
        ] {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            h.update(key.as_bytes());
            h.update(&[0]);
            h.update(anchor.as_bytes());
            h.update(&[0]);
            h.update(&body.to_le_bytes());
            h.update(&copy.to_le_bytes());
            let check = xxhash_rust::xxh3::xxh3_64(opening.as_bytes()) & 0xfff;
            assert_eq!(
                super::article_id(key, anchor, body, copy, opening),
                super::hex12(((h.digest() >> 28) << 12) | check)
            );
        }
    }

    #[test]
    fn hex12_is_the_formatters() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for bits in [0, 1, 0xfff, 0x1000, (1 << 48) - 1, 0xabc_def0_1234] {
            assert_eq!(super::hex12(bits), format!("{bits:012x}"));
        }
        for _ in 0..1000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let bits = x >> 16;
            assert_eq!(super::hex12(bits), format!("{bits:012x}"));
        }
    }
}

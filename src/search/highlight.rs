//! Where a query's text terms appear in a text (for the reader's highlights and
//! its n/N jumps): exact occurrences of each term, else of its jieba words.

use super::fold::fold;
use super::query::Query;
use std::ops::Range;

/// Character ranges of `text` to highlight for `query`, ascending, not overlapping.
pub fn text_ranges(query: &Query, text: &str) -> Vec<Range<usize>> {
    let folded = fold(text);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for term in query.positive_texts() {
        let found = occurrences(&folded, term);
        if !found.is_empty() {
            ranges.extend(found);
            continue;
        }
        if term.chars().any(crate::text::is_han) {
            for w in crate::words::words(term) {
                ranges.extend(occurrences(&folded, w));
            }
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Character ranges of every occurrence of `needle` in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let n = needle.chars().count();
    let mut out = Vec::new();
    let mut chars_before = 0;
    let mut byte_before = 0;
    for (b, _) in hay.match_indices(needle) {
        chars_before += hay[byte_before..b].chars().count();
        byte_before = b;
        out.push(chars_before..chars_before + n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_and_their_words_are_found_in_order() {
        let q = Query::parse("垃圾分类 ａｂ").unwrap();
        let text = "AB推进分类，处理垃圾。";
        assert_eq!(text_ranges(&q, text), vec![0..2, 4..6, 9..11]);
    }
}

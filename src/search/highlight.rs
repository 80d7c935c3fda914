//! Where a query's text terms appear in a text (for the reader's highlights and
//! its n/N jumps): exact occurrences of each term, else of its words.

use super::fold::fold;
use std::ops::Range;

/// Character ranges of `text` where each `(term, words)` occurs: the term itself,
/// else each of its words. Ascending, merged.
pub fn ranges_of(needles: &[(&str, &[String])], text: &str) -> Vec<Range<usize>> {
    let folded = fold(text);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (term, words) in needles {
        let found = occurrences(&folded, term);
        if !found.is_empty() {
            ranges.extend(found);
            continue;
        }
        for w in words.iter() {
            ranges.extend(occurrences(&folded, w));
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
        let words = vec!["垃圾".to_string(), "分类".to_string()];
        let needles: Vec<(&str, &[String])> = vec![("垃圾分类", &words), ("ab", &[])];
        let text = "AB推进分类，处理垃圾。";
        assert_eq!(ranges_of(&needles, text), vec![0..2, 4..6, 9..11]);
    }
}

//! Verification on the folded text: what makes a document a hit, and where.
//!
//! The indexes only narrow the documents to look at; a hit is a document where
//! these functions find the query in the folded text of a field, and the ranges
//! they return are what `newstag search` prints and the reader highlights. So a
//! change of index (issue 17) cannot change which documents match, and no hit can
//! come without ranges.
//!
//! Ranges are in characters of the field as printed (folding keeps one character
//! for one, see [`super::fold`]).

use std::ops::Range;

/// A part of an article that a query can match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Kicker,
    Subtitle,
    Byline,
    /// The paragraphs joined by `\n` (the `body` of the article records).
    Body,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Title,
        Field::Kicker,
        Field::Subtitle,
        Field::Byline,
        Field::Body,
    ];
    /// The heading fields besides the title.
    pub const HEADS: [Field; 3] = [Field::Kicker, Field::Subtitle, Field::Byline];

    /// The field's name in article records.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Kicker => "kicker",
            Field::Subtitle => "subtitle",
            Field::Byline => "byline",
            Field::Body => "body",
        }
    }
}

/// Character ranges of every occurrence of `needle` in `hay` (both folded), left
/// to right, not overlapping.
pub fn phrase_ranges(hay: &str, finder: &memchr::memmem::Finder<'_>) -> Vec<Range<usize>> {
    let n = char_len(finder.needle());
    if n == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let (mut chars_before, mut byte_before) = (0, 0);
    for b in finder.find_iter(hay.as_bytes()) {
        chars_before += char_len(hay.as_bytes().get(byte_before..b).unwrap_or(&[]));
        byte_before = b;
        out.push(chars_before..chars_before + n);
    }
    out
}

/// True when the phrase at bytes `at..at + len` of `hay` stands as a whole word
/// at the edges where it is Latin (`edges`: it starts, ends with an ASCII letter
/// or digit): no ASCII letter or digit right before, right after.
pub fn whole_word_at(hay: &str, at: usize, len: usize, edges: (bool, bool)) -> bool {
    let bytes = hay.as_bytes();
    let before = at
        .checked_sub(1)
        .and_then(|k| bytes.get(k))
        .is_some_and(u8::is_ascii_alphanumeric);
    let after = bytes.get(at + len).is_some_and(u8::is_ascii_alphanumeric);
    !((edges.0 && before) || (edges.1 && after))
}

/// A finder of the folded `needle` in folded text, its prefilter tuned to
/// Chinese text: memchr's default ranks bytes by their frequency in English and
/// binary data, where 0xE4-0xE9 are rare; in UTF-8 Chinese they lead nearly
/// every character, so the prefilter it picked for a Han needle (its lead
/// byte) fired at every character. Ranked by frequency in Chinese text, it
/// watches the needle's continuation bytes (each about 1% of the bytes).
pub fn phrase_finder(needle: &str) -> memchr::memmem::Finder<'static> {
    memchr::memmem::FinderBuilder::new()
        .build_forward_with_ranker_owned(ChineseTextRank, needle.as_bytes().to_vec())
}

/// Byte frequency ranks (0 rarest, 255 most frequent) counted on UTF-8 Chinese
/// newspaper text (the shared sample pages and the test fixtures).
struct ChineseTextRank;

impl memchr::arch::all::packedpair::HeuristicFrequencyRank for ChineseTextRank {
    fn rank(&self, byte: u8) -> u8 {
        CHINESE_TEXT_RANK[byte as usize]
    }
}

#[rustfmt::skip]
const CHINESE_TEXT_RANK: [u8; 256] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 124, 242, 9, 139, 176, 10, 11,
    12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
    249, 103, 129, 161, 28, 145, 29, 30, 162, 163, 136, 140, 178, 154, 169, 166,
    181, 180, 184, 174, 170, 175, 173, 168, 172, 171, 164, 144, 31, 32, 135, 117,
    125, 147, 126, 127, 112, 120, 96, 132, 121, 137, 97, 33, 118, 113, 133, 114,
    130, 131, 115, 104, 98, 107, 99, 108, 100, 109, 101, 156, 34, 157, 35, 36,
    37, 160, 110, 143, 116, 167, 105, 138, 155, 141, 122, 38, 158, 151, 148, 128,
    165, 102, 142, 153, 159, 134, 119, 152, 149, 123, 106, 39, 146, 40, 41, 42,
    253, 238, 233, 199, 214, 228, 217, 213, 232, 223, 230, 197, 245, 211, 221, 227,
    208, 219, 179, 187, 209, 193, 206, 225, 204, 195, 234, 205, 243, 229, 186, 224,
    194, 216, 191, 188, 212, 239, 196, 201, 218, 182, 185, 177, 200, 207, 236, 222,
    240, 202, 189, 192, 215, 183, 190, 203, 246, 226, 248, 237, 244, 220, 210, 231,
    43, 44, 150, 111, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56,
    57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72,
    73, 74, 198, 241, 251, 255, 254, 252, 250, 247, 75, 76, 77, 78, 79, 235,
    80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
];

/// Number of UTF-8 characters in `bytes` (which hold whole characters).
fn char_len(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// The character positions of `needle`'s characters found in order in `hay`
/// (scattered), leftmost each; None when they are not all there in order.
pub fn in_order(hay: &str, needle: &[char]) -> Option<Vec<usize>> {
    let mut out = Vec::with_capacity(needle.len());
    let mut it = hay.chars().enumerate();
    for &c in needle {
        loop {
            let (k, h) = it.next()?;
            if h == c {
                out.push(k);
                break;
            }
        }
    }
    Some(out)
}

/// Like [`in_order`], within one line of `hay` (a paragraph of a body): the
/// positions in `hay` of the first line that holds them.
pub fn in_order_in_a_line(hay: &str, needle: &[char]) -> Option<Vec<usize>> {
    let mut offset = 0;
    for line in hay.split('\n') {
        if let Some(pos) = in_order(line, needle) {
            return Some(pos.into_iter().map(|p| p + offset).collect());
        }
        offset += line.chars().count() + 1;
    }
    None
}

/// Ascending character positions as ranges of adjacent positions.
pub fn to_ranges(positions: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for &p in positions {
        match out.last_mut() {
            Some(r) if r.end == p => r.end = p + 1,
            Some(r) if r.contains(&p) => {}
            _ => out.push(p..p + 1),
        }
    }
    out
}

/// Sort and merge overlapping or touching ranges.
pub fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The ranges a hit matched, per field (fields without a match left out).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldRanges(pub Vec<(Field, Vec<Range<usize>>)>);

impl FieldRanges {
    /// Add ranges of `field` (merged with what it has).
    pub fn add(&mut self, field: Field, ranges: Vec<Range<usize>>) {
        if ranges.is_empty() {
            return;
        }
        match self.0.iter_mut().find(|(f, _)| *f == field) {
            Some((_, have)) => {
                have.extend(ranges);
                *have = merge(std::mem::take(have));
            }
            None => {
                self.0.push((field, merge(ranges)));
                self.0.sort_by_key(|(f, _)| *f);
            }
        }
    }

    /// The ranges of `field` (empty when none).
    pub fn of(&self, field: Field) -> &[Range<usize>] {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, r)| r.as_slice())
            .unwrap_or(&[])
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found_side_by_side_only() {
        let f = phrase_finder("垃圾分类");
        assert_eq!(
            phrase_ranges("推进垃圾分类，垃圾分类。", &f),
            vec![2..6, 7..11]
        );
        assert!(phrase_ranges("垃圾，分类", &f).is_empty());
        assert_eq!(
            in_order("垃圾车和分拣类别", &['垃', '分', '类']),
            Some(vec![0, 4, 6])
        );
        assert_eq!(in_order("类分", &['分', '类']), None);
        assert_eq!(
            in_order_in_a_line("分\n分类", &['分', '类']),
            Some(vec![2, 3])
        );
        assert_eq!(in_order_in_a_line("分\n类", &['分', '类']), None);
        assert_eq!(to_ranges(&[1, 2, 4]), vec![1..3, 4..5]);
        let word = |hay: &str, at: usize| whole_word_at(hay, at, 3, (true, true));
        assert!(word("gdp增长", 0) && word("的gdp。", 3) && word("a gdp", 2));
        assert!(!word("gdpr", 0) && !word("xgdp", 1));
        assert!(!whole_word_at("15g网", 1, 4, (true, false)));
        assert!(whole_word_at("5g网络", 0, 5, (true, false)));
        assert!(
            whole_word_at("15g网", 1, 5, (false, false)),
            "Han edges: always whole"
        );
        assert_eq!(merge(vec![4..6, 1..3, 2..5]), vec![1..6]);
    }
}

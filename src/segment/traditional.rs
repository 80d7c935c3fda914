//! Pages printed in traditional characters (Hong Kong, Taiwan, older archives):
//! the rules read newsroom words in simplified form (`本报讯`, `记者`, `摄`,
//! `简讯`, `责任编辑`), so on such a page each line is read through a fold to
//! simplified characters (OpenCC's tables, as search folds them), while the text
//! kept is the text as printed. The fold keeps every character's UTF-8 length,
//! so a byte offset in the folded line is one in the printed line.

use std::borrow::Cow;
use std::sync::OnceLock;

/// Frequent characters that exist only in traditional form: a page holding a few
/// of them is printed in traditional characters. The packed search
/// ([`telltale_search`]) takes at most 64 patterns: past that it is none and every
/// page is read a character at a time again (a test holds the count under it).
const TELLTALES: &str =
    "們這個來說會國為時對發後於還過開關與學點經電東車長門問見當從無現讓種麼將產區報記訊導實體員";

/// Characters read at most when telling a page's script.
const LOOK: usize = 1000;

/// [`TELLTALES`] as a bitmap of the CJK Unified Ideographs (U+4E00-U+9FFF), where
/// every one of them stands, built at compile time.
static TELLTALE_MAP: [u64; 0x5200 / 64] = {
    let mut m = [0u64; 0x5200 / 64];
    let b = TELLTALES.as_bytes();
    let mut k = 0;
    // Three bytes each (U+0800-U+FFFF).
    while k + 2 < b.len() {
        let c = ((b[k] as usize & 0x0F) << 12)
            | ((b[k + 1] as usize & 0x3F) << 6)
            | (b[k + 2] as usize & 0x3F);
        let i = c - 0x4E00;
        m[i / 64] |= 1 << (i % 64);
        k += 3;
    }
    m
};

/// Is `c` one of [`TELLTALES`]?
fn telltale(c: char) -> bool {
    let i = (c as usize).wrapping_sub(0x4E00);
    TELLTALE_MAP
        .get(i / 64)
        .is_some_and(|w| w & (1 << (i % 64)) != 0)
}

/// The telltales' packed (vectorised) search; none where the machine has none.
fn telltale_search() -> Option<&'static aho_corasick::packed::Searcher> {
    static SEARCH: OnceLock<Option<aho_corasick::packed::Searcher>> = OnceLock::new();
    SEARCH
        .get_or_init(|| aho_corasick::packed::Searcher::new(TELLTALES.chars().map(String::from)))
        .as_ref()
}

/// True when the text (a page, or its first lines) is printed in traditional
/// characters: three of [`TELLTALES`] among its first [`LOOK`] characters.
///
/// Every page asks, so each text's characters are counted at once (`count`
/// over its bytes, a word at a time) and the telltales among the first [`LOOK`]
/// are found by one packed search for all of them, where reading the text a
/// character at a time and looking each up cost more than the rest of the page's
/// first pass. A telltale's bytes
/// match only where it stands whole (UTF-8 finds no character inside another),
/// so the count is the characters'.
pub fn is_traditional<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let Some(search) = telltale_search() else {
        return is_traditional_by_chars(texts);
    };
    let mut seen = 0;
    let mut hits = 0;
    for t in texts {
        let n = t.chars().count();
        // The part of the text among the first LOOK characters.
        let read = if seen + n > LOOK {
            t.char_indices()
                .nth(LOOK - seen)
                .map_or(t, |(end, _)| &t[..end])
        } else {
            t
        };
        hits += search.find_iter(read).take(3 - hits).count();
        if hits >= 3 {
            return true;
        }
        seen += n;
        if seen >= LOOK {
            return false;
        }
    }
    false
}

/// [`is_traditional`] a character at a time (where the machine has no packed
/// search; and the reading the packed one must agree with).
fn is_traditional_by_chars<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let mut seen = 0;
    let mut hits = 0;
    for t in texts {
        for c in t.chars() {
            seen += 1;
            if telltale(c) {
                hits += 1;
                if hits >= 3 {
                    return true;
                }
            }
            if seen >= LOOK {
                return false;
            }
        }
    }
    false
}

/// One character folded for reading: traditional to simplified where the two
/// have the same UTF-8 length, `︰` (a vertical colon) to `：`.
fn fold_char(c: char) -> char {
    if c == '︰' {
        return '：';
    }
    if c.is_ascii() {
        return c;
    }
    match crate::search::fold::simplified(c) {
        Some(s) if s.len_utf8() == c.len_utf8() => s,
        _ => c,
    }
}

/// `text` folded for reading (see the module doc); borrowed when nothing changes.
pub fn fold(text: &str) -> Cow<'_, str> {
    match text.char_indices().find(|&(_, c)| fold_char(c) != c) {
        None => Cow::Borrowed(text),
        Some((at, _)) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..at]);
            out.extend(text[at..].chars().map(fold_char));
            Cow::Owned(out)
        }
    }
}

/// A draft with every text folded for reading (see the module doc).
pub fn fold_draft(d: &super::assemble::Draft) -> super::assemble::Draft {
    let f = |s: &str| fold(s).into_owned();
    let mut out = d.clone();
    out.kicker = f(&d.kicker);
    out.title = f(&d.title);
    out.subtitle = f(&d.subtitle);
    out.byline = f(&d.byline);
    out.paragraphs = d.paragraphs.iter().map(|p| f(p)).collect();
    out
}

/// The part of `printed` that stands where `folded_part` (a prefix or suffix of
/// the folded line, as `prefix` says) stands in the folded line.
pub fn unfold_part(printed: &str, folded_part: &str, prefix: bool) -> String {
    let n = folded_part.len().min(printed.len());
    let at = if prefix { n } else { printed.len() - n };
    if !printed.is_char_boundary(at) {
        return folded_part.to_string();
    }
    if prefix {
        printed[..at].to_string()
    } else {
        printed[at..].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed search is what every page is read with where the machine has
    /// one: on x86_64 (SSSE3 at least) it is built, so the proptest below compares
    /// it with the character reading and not the reading with itself.
    #[test]
    #[cfg(target_arch = "x86_64")]
    fn the_packed_search_is_built() {
        assert!(TELLTALES.chars().count() <= 64);
        if std::is_x86_feature_detected!("ssse3") {
            assert!(telltale_search().is_some());
        }
    }

    #[test]
    fn the_telltale_map_holds_the_telltales_and_nothing_else() {
        let marked: Vec<char> = (0..=0xFFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| telltale(c))
            .collect();
        let mut listed: Vec<char> = TELLTALES.chars().collect();
        listed.sort_unstable();
        listed.dedup();
        assert_eq!(marked, listed);
    }

    proptest::proptest! {
        /// By the packed search, a page is told as read a character at a time:
        /// text of one-, two-, three- and four-byte characters (Han around the
        /// telltales' block among them) with telltales set anywhere, around the
        /// last character read too, cut into lines anywhere.
        #[test]
        fn the_packed_search_tells_what_the_characters_tell(
            fill in "[个这国a1 é€𠀀　，丁鿿䀀]{1,40}",
            far in proptest::collection::vec(990usize..1010, 0..4),
            near in proptest::collection::vec(0usize..1000, 0..3),
            cuts in proptest::collection::vec(0usize..1100, 0..8),
            len in 0usize..1100,
        ) {
            let fill: Vec<char> = fill.chars().collect();
            let mut chars: Vec<char> = (0..len).map(|k| fill[k % fill.len()]).collect();
            for (k, &at) in far.iter().chain(&near).enumerate() {
                if let Some(c) = chars.get_mut(at) {
                    *c = ['們', '這', '國', '報'][k % 4];
                }
            }
            let mut cuts = cuts;
            cuts.push(len);
            cuts.sort_unstable();
            let mut lines = Vec::new();
            let mut from = 0;
            for &cut in &cuts {
                let cut = cut.min(len);
                lines.push(chars[from.min(cut)..cut].iter().collect::<String>());
                from = from.max(cut);
            }
            let texts = lines.iter().map(String::as_str);
            proptest::prop_assert_eq!(
                is_traditional(texts.clone()),
                is_traditional_by_chars(texts)
            );
        }
    }

    #[test]
    fn traditional_pages_are_told_and_folded_keeping_lengths() {
        assert!(is_traditional([
            "【本報訊】記者葉朗報道︰鯉灣區議會昨日通過"
        ]));
        assert!(!is_traditional([
            "【本报讯】记者叶朗报道：鲤湾区议会昨日通过"
        ]));
        let printed = "【本報訊】記者葉朗報道︰鯉灣區議會昨日通過";
        let folded = fold(printed);
        assert_eq!(folded, "【本报讯】记者叶朗报道：鲤湾区议会昨日通过");
        assert_eq!(folded.len(), printed.len());
        assert_eq!(
            unfold_part(printed, "【本报讯】记者叶朗报道", true),
            "【本報訊】記者葉朗報道"
        );
        assert_eq!(
            unfold_part("散步。（記者 黎海 攝）", "（记者 黎海 摄）", false),
            "（記者 黎海 攝）"
        );
        assert!(matches!(fold("plain text"), Cow::Borrowed(_)));
    }
}

//! Lines a page prints twice: what the page's own repetitions say about them.
//!
//! A web copy of a page lists its titles near the top (`本版标题：` / `·古镇夜游“火”了`
//! / `·第三届芩江音乐季开幕` …) and prints each again over its article. The list is
//! no head and no text of an article. It is read from the page's own evidence (what
//! recurs where), not from a list of words, once the page is unwrapped (so a head
//! wrapped in a hard-wrapped print is whole again).

use super::blocks::{Markup, Unit, trim};
use super::classify::count_upto;
use rustc_hash::FxHashMap;

/// The longest list item (in characters) read as an entry of the page's contents.
const ITEM_MAX: usize = 40;

/// `·古镇夜游“火”了` -> `古镇夜游“火”了`: a list item without its mark or number.
fn item_key(text: &str) -> &str {
    let t = text.trim_start_matches([
        '·', '•', '●', '○', '◆', '◇', '■', '□', '▪', '▶', '►', '-', '*', '+',
    ]);
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let t = if digits > 0 && digits <= 2 {
        t[digits..].strip_prefix(['.', '、', '．']).unwrap_or(t)
    } else {
        t
    };
    trim(t)
}

/// A line that can be an entry of a list of titles: short, no sentence in it.
fn is_item(u: &Unit<'_>) -> bool {
    // Counted first: the count reads at most a short prefix, without branching.
    u.markup == Markup::None
        && (2..=ITEM_MAX).contains(&count_upto(&u.text, ITEM_MAX + 1))
        && !holds_clause_stop(&u.text)
}

/// `text.contains(['。', '，', '；', '：', ':'])`, told on bytes: `。` is `E3 80 82`, the
/// full-width three `EF BC 8C`, `EF BC 9B` and `EF BC 9A`; one byte search for `:`,
/// `E3` and `EF`, where the search for any of five characters read a line a
/// character at a time (every short line of a page asks, twice).
fn holds_clause_stop(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(b':', 0xE3, 0xEF, b).any(|i| match b[i] {
        b':' => true,
        0xE3 => b.get(i + 1..i + 3) == Some(&[0x80, 0x82][..]),
        _ => b.get(i + 1) == Some(&0xBC) && matches!(b.get(i + 2), Some(0x8C | 0x9A | 0x9B)),
    })
}

/// A run of three or more list lines printed together (at most one blank line
/// between two), each of which the page prints again later as a line of its own, each
/// in another place (two entries are never found side by side again, as a
/// repeated head stack would be): the page's table of contents. It is furniture,
/// and so is a short line right above it (its label: `本版标题：`, `本版标题导航`).
pub fn mark_contents(units: &mut [Unit<'_>]) {
    // Only a page with a candidate run pays for the index of its lines.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if !is_item(&units[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < units.len() && units[j].gap <= 1 && is_item(&units[j]) {
            j += 1;
        }
        if j - i >= 3 {
            runs.push((i, j));
        }
        i = j;
    }
    if runs.is_empty() {
        return;
    }
    // Where each short line stands.
    let mut places_of: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (k, u) in units.iter().enumerate() {
        if !matches!(u.markup, Markup::Furniture | Markup::DocBreak)
            && count_upto(&u.text, ITEM_MAX + 1) <= ITEM_MAX
        {
            places_of.entry(trim(&u.text)).or_default().push(k);
        }
    }
    let mut contents: Vec<(usize, usize)> = Vec::new();
    for (s, e) in runs {
        // Where each entry is printed again, first after the entry itself.
        let places: Vec<Option<usize>> = (s..e)
            .map(|k| {
                let key = item_key(&units[k].text);
                places_of
                    .get(key)
                    .and_then(|p| p.iter().copied().find(|&p| p > k))
            })
            .collect();
        // The longest stretch of entries found again, in the list's order, each in
        // a place of its own (never right after the one before).
        let mut k = 0;
        while k < places.len() {
            let mut m = k;
            while m < places.len()
                && places[m].is_some()
                && (m == k
                    || places[m - 1]
                        .zip(places[m])
                        .is_some_and(|(a, b)| b >= a + 2))
            {
                m += 1;
            }
            // (The run may go on into the first head the list names: every
            // entry is found again after the stretch.)
            if m - k >= 3 && places[k..m].iter().flatten().all(|&p| p >= s + m) {
                contents.push((s + k, s + m));
            }
            k = m.max(k + 1);
        }
    }
    let (mut marked, mut labels) = (Vec::new(), Vec::new());
    for &(s, e) in &contents {
        marked.extend(s..e);
        if let Some(above) = s.checked_sub(1) {
            let t: &str = &units[above].text;
            if units[above].markup == Markup::None
                && units[s].gap <= 1
                && !t.contains(['。', '，'])
                && count_upto(t, 13) <= 12
            {
                labels.push(above);
            }
        }
    }
    for k in marked.into_iter().chain(labels) {
        units[k].markup = Markup::Furniture;
        units[k].level = 0;
    }
}

#[cfg(test)]
mod tests {
    use crate::segment::normalise::tests::texts as kept;

    proptest::proptest! {
        /// A clause's stop is found on bytes where the text contains one.
        #[test]
        fn clause_stops_are_found_on_bytes(s in "[。，；：:、．｜ｚ〇a社]{0,12}") {
            proptest::prop_assert_eq!(
                super::holds_clause_stop(&s),
                s.contains(['。', '，', '；', '：', ':'])
            );
        }
    }

    const BODY: &str = "夜幕降临，古镇的石板街上亮起一盏盏灯笼，不少游客一直逛到深夜才离开。";

    #[test]
    fn a_list_of_the_pages_titles_is_its_contents() {
        let page = format!(
            "本版标题：\n·古镇夜游“火”了\n·音乐季开幕\n·荷风\n\n古镇夜游“火”了\n\n{BODY}\n\n音乐季开幕\n\n{BODY}\n\n荷风\n\n{BODY}\n"
        );
        let k = kept(&page);
        assert_eq!(
            k,
            ["古镇夜游“火”了", BODY, "音乐季开幕", BODY, "荷风", BODY],
            "{k:?}"
        );
    }

    /// A bulleted list printed without blank lines in a hard-wrapped page, under a
    /// label without a colon: the unwrap does not glue it into a paragraph first.
    #[test]
    fn a_bulleted_list_in_a_wrapped_page_is_its_contents() {
        let wrapped = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n九十。";
        let page = format!(
            "本版标题导航\n  • 古镇夜游“火”了\n  • 音乐季开幕\n  • 荷风\n\n古镇夜游“火”了\n\n{wrapped}\n\n音乐季开幕\n\n{wrapped}\n\n荷风\n\n{wrapped}\n"
        );
        let k = kept(&page);
        assert_eq!(k.len(), 6, "{k:?}");
        assert_eq!(k[0], "古镇夜游“火”了", "{k:?}");
    }

    /// A head stack printed twice (a jump head over a continuation) is no list of
    /// contents: its lines are found again side by side.
    #[test]
    fn a_head_stack_printed_again_stays() {
        let page = format!(
            "民生实事\n古镇夜游“火”了\n——客流同比增长四成\n\n{BODY}\n\n民生实事\n古镇夜游“火”了\n——客流同比增长四成\n\n{BODY}\n"
        );
        let k = kept(&page);
        assert_eq!(k.len(), 8, "{k:?}");
    }

    /// Lines that recur once each are no contents either: only a run of three.
    #[test]
    fn two_titles_printed_twice_are_no_contents() {
        let page = format!("荷风\n音乐季开幕\n\n荷风\n\n{BODY}\n\n音乐季开幕\n\n{BODY}\n");
        assert_eq!(kept(&page).len(), 6);
    }
}

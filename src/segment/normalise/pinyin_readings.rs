//! A pinyin reading printed over each line of a page (a phonetic edition for
//! young readers, `注音版`) is no text of the page.

use crate::segment::blocks::Unit;

/// The vowels Hanyu Pinyin marks with a tone, and `ü`.
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";

/// Whether `t` may hold a vowel of [`TONED`]: a byte that opens the UTF-8 of a
/// character of U+00C0..U+017F or U+01C0..U+01FF, where all of them lie. Every
/// page asks it of every line, so it searches bytes (memchr's vector search):
/// asking `TONED` of each character cost more than all the rest of normalising a
/// page, and a byte loop still some seven instructions a byte.
fn may_hold_toned(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr3(0xC3, 0xC4, 0xC5, b).is_some() || memchr::memchr(0xC7, b).is_some()
}

/// The most letters a pinyin syllable has (`zhuang`, `shuang`).
const SYLLABLE_LETTERS: usize = 6;

/// How many syllables the line `t` reads when it is a line of pinyin: words of
/// lowercase Latin letters, each no longer than a syllable, tone marks among them
/// (a line of English or of a Latin name has none).
fn syllables(t: &str) -> Option<usize> {
    let mut n = 0;
    let mut toned = false;
    for w in t.split_whitespace() {
        if w.chars().count() > SYLLABLE_LETTERS
            || !w
                .chars()
                .all(|c| c.is_ascii_lowercase() || TONED.contains(c))
        {
            return None;
        }
        toned |= w.chars().any(|c| TONED.contains(c));
        n += 1;
    }
    (toned && n > 0).then_some(n)
}

/// `mín jiāng shào nián bào` / `苠江少年报`: a line of pinyin right over a line
/// whose Han characters it reads one syllable each (figures and punctuation it
/// leaves unread) is the reading of that line, printed as a line of its own by a
/// tool that flattened the ruby over each character. The reading goes; the line it
/// reads takes its place (the blank lines and the page break before it), so a
/// head, a byline and a paragraph's lines stand as the page set them.
pub(super) fn drop_pinyin_readings(units: &mut Vec<Unit<'_>>) {
    if !units
        .iter()
        .any(|u| may_hold_toned(&u.text) && u.text.chars().any(|c| TONED.contains(c)))
    {
        return;
    }
    let reads = |u: &Unit<'_>, v: &Unit<'_>| {
        u.is_unmarked()
            && v.gap == 0
            && syllables(&u.text)
                .is_some_and(|n| n == v.text.chars().filter(|&c| crate::text::is_han(c)).count())
    };
    let mut out: Vec<Unit<'_>> = Vec::with_capacity(units.len());
    let mut it = std::mem::take(units).into_iter().peekable();
    while let Some(u) = it.next() {
        if let Some(v) = it.peek_mut()
            && reads(&u, v)
        {
            v.gap = u.gap;
            v.page_break |= u.page_break;
            continue;
        }
        out.push(u);
    }
    *units = out;
}

#[cfg(test)]
mod tests {
    use super::{TONED, may_hold_toned, syllables};

    /// Every toned vowel is one the byte test lets through, alone and amid text;
    /// Han text and ASCII are not.
    #[test]
    fn the_byte_test_finds_every_toned_vowel() {
        for c in TONED.chars() {
            assert!(may_hold_toned(&c.to_string()), "{c}");
            assert!(may_hold_toned(&format!("雪人{c}x")), "{c}");
        }
        assert!(!may_hold_toned("昨天下雪了，我们在操场上堆了一个大雪人。"));
        assert!(!may_hold_toned("shang hai 2032"));
    }
    use crate::segment::normalise::tests::texts;

    /// A page with a pinyin reading over every line reads as the page without
    /// them: heads, bylines and paragraphs wrapped over lines as printed.
    #[test]
    fn a_pinyin_reading_over_each_line_is_no_text() {
        let read = "xuě rén\n雪人\n\nxiǎo jì zhě qú xiǎo yǔ\n小记者　瞿小雨\n\nzuó tiān xià xuě le wǒ men zài cāo chǎng\n昨天下雪了，我们在操场\nshàng duī le yí gè dà xuě rén\n上堆了一个大雪人。\n";
        let plain = "雪人\n\n小记者　瞿小雨\n\n昨天下雪了，我们在操场\n上堆了一个大雪人。\n";
        assert_eq!(texts(read), texts(plain));
        assert!(
            texts(read).iter().all(|t| !t.contains("xuě")),
            "{:?}",
            texts(read)
        );
        // Latin words without tone marks, or a reading of another length, stay.
        assert_eq!(syllables("shang hai"), None);
        assert_eq!(syllables("Běijīng Review"), None);
        assert_eq!(syllables("xuě rén"), Some(2));
        let t = texts("xuě rén duī\n雪人\n\n昨天下雪了。\n");
        assert!(t.iter().any(|x| x.contains("xuě")), "{t:?}");
    }
}

//! One line as the furniture rules read it, measured once: the rules of
//! `print_furniture` and `web_chrome` ask every line the same things (how many
//! characters it has, whether it holds a full stop, a comma or a colon, how many
//! pipes stand between spaces in it), each of them before reading it its own way.
//! A [`Line`] counts its characters when it is made and answers the rest the first
//! time a rule asks, from one reading of the line, for every rule after it.

use super::web_chrome::spaced_pipes;
use crate::segment::classify::count_upto;
use std::cell::Cell;

/// The longest line (in characters) a furniture rule reads; a [`Line`] counts its
/// characters up to one more.
pub(super) const LINE_RULES_CAP: usize = 121;

/// The marks a furniture rule asks a line for, all three bytes long in UTF-8 and
/// opening with `E3` or `EF` (CJK punctuation, full-width forms): one byte search
/// for those two finds every one of them in a line.
const MARKS: [char; 8] = ['。', '，', '：', '；', '！', '？', '【', '《'];

/// The bit of [`Line::marks`] that says the marks were read.
const MARKS_READ: u16 = 1 << 15;

/// A line of a page (folded to simplified characters on a page printed in
/// traditional ones) with what the furniture rules ask of it.
#[derive(Debug)]
pub(super) struct Line<'t> {
    pub(super) text: &'t str,
    /// Its characters, counted up to [`LINE_RULES_CAP`].
    pub(super) n: usize,
    /// Bit k: the line holds `MARKS[k]`; [`MARKS_READ`]: the line was read for them.
    marks: Cell<u16>,
    /// The pipes (`|`, `｜`) set off by spaces in it, once counted.
    pipes: Cell<Option<usize>>,
}

impl<'t> Line<'t> {
    pub(super) fn new(text: &'t str) -> Line<'t> {
        Line {
            text,
            n: count_upto(text, LINE_RULES_CAP),
            marks: Cell::new(0),
            pipes: Cell::new(None),
        }
    }

    /// The line, its spaced pipes already counted (by [`super::web_chrome::table_rows`]).
    pub(super) fn with_pipes(text: &'t str, pipes: usize) -> Line<'t> {
        let line = Line::new(text);
        line.pipes.set(Some(pipes));
        line
    }

    /// True when the line holds `c`.
    pub(super) fn holds(&self, c: char) -> bool {
        let Some(k) = MARKS.iter().position(|&m| m == c) else {
            return self.text.contains(c);
        };
        let mut marks = self.marks.get();
        if marks & MARKS_READ == 0 {
            marks = MARKS_READ | marks_in(self.text);
            self.marks.set(marks);
        }
        marks & (1 << k) != 0
    }

    /// True when the line holds any of `cs`.
    pub(super) fn holds_any(&self, cs: &[char]) -> bool {
        cs.iter().any(|&c| self.holds(c))
    }

    /// The pipes (`|`, `｜`) set off by spaces in the line.
    pub(super) fn pipes(&self) -> usize {
        if let Some(k) = self.pipes.get() {
            return k;
        }
        let k = spaced_pipes(self.text);
        self.pipes.set(Some(k));
        k
    }
}

/// Which of [`MARKS`] `text` holds (bit k for `MARKS[k]`). `E3` and `EF` only ever
/// open a character in UTF-8, so each byte found opens a three-byte one.
fn marks_in(text: &str) -> u16 {
    let b = text.as_bytes();
    let mut bits = 0;
    for i in memchr::memchr2_iter(0xE3, 0xEF, b) {
        let (Some(&b1), Some(&b2)) = (b.get(i + 1), b.get(i + 2)) else {
            continue;
        };
        let c = (u32::from(b[i] & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
        if let Some(k) = MARKS.iter().position(|&m| u32::from(m) == c) {
            bits |= 1 << k;
        }
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A line holds a mark exactly when its text contains it, whatever was
        /// asked before.
        #[test]
        fn a_line_holds_what_its_text_contains(
            s in "[。，：；！？【《》】、“a1 \u{3000}社｜|：ｚ]{0,30}",
            order in proptest::collection::vec(0usize..10, 1..12)
        ) {
            let line = Line::new(&s);
            let asked = ['。', '，', '：', '；', '！', '？', '【', '《', '》', '、'];
            for k in order {
                let c = asked[k];
                proptest::prop_assert_eq!(line.holds(c), s.contains(c), "{}", c);
            }
            proptest::prop_assert_eq!(line.pipes(), spaced_pipes(&s));
            proptest::prop_assert_eq!(line.n, count_upto(&s, LINE_RULES_CAP));
        }
    }
}

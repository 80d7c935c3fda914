//! The width a hard-wrapped page was cut at, measured in display cells or in
//! characters, and the width of a first print cut again narrower.

use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::count_upto;
use crate::segment::classify::ends_sentence;
use crate::segment::classify::has_box_drawing;

/// Display width in cells: Han and full-width characters 2, the rest 1 (capped).
///
/// Counted on bytes: an ASCII byte is one cell, the first byte of any other
/// character two, the bytes that go on a character none. A cell takes at most two
/// bytes, so only the first `2 * cap` bytes need counting (one branch-free pass).
fn width(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let (ascii, leads) =
        crate::segment::classify::ascii_and_leads(&b[..b.len().min(cap.saturating_mul(2))]);
    (ascii + 2 * leads).min(cap)
}

/// [`Wrap::of`] `s` in cells and in characters, from one count of its bytes when
/// it is short enough for the cells' count to read all of it (its characters are
/// then its ASCII bytes and the bytes that open the others).
fn both_widths(s: &str) -> (usize, usize) {
    let b = s.as_bytes();
    if b.len() > 2 * WIDTH_CAP {
        let cells = Wrap {
            width: 0,
            chars: false,
        };
        let chars = Wrap {
            width: 0,
            chars: true,
        };
        return (cells.of(s), chars.of(s));
    }
    let (ascii, leads) = crate::segment::classify::ascii_and_leads(b);
    let cells = (ascii + 2 * leads).min(WIDTH_CAP);
    // `count_upto(s, WIDTH_CAP / 2)`: the characters, one more than the cap at most.
    let chars = (ascii + leads).min(WIDTH_CAP / 2 + 1);
    (cells, (2 * chars).min(WIDTH_CAP))
}

/// True when `s` holds a clause's mark (`，`, `。`, `、`, `；`, `,`), as a line of
/// running text does and a head or a name seldom does: told on bytes (`，` and `；`
/// open with `EF`, `。` and `、` with `E3`), where a search for any of five
/// characters reads a line a character at a time.
pub(super) fn holds_clause_mark(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr3_iter(b',', 0xEF, 0xE3, b).any(|i| {
        b[i] == b','
            || b[i..].starts_with("，".as_bytes())
            || b[i..].starts_with("。".as_bytes())
            || b[i..].starts_with("、".as_bytes())
            || b[i..].starts_with("；".as_bytes())
    })
}

/// The narrowest column looked for, in cells (six Han characters): a PDF's
/// narrow columns are cut at seven to eleven.
const NARROWEST: usize = 12;

/// The cells a line cut at the page's width may fall short of it, or run past it
/// (punctuation kept off a line's start, half-width characters): a line within
/// them fills the line ([`Wrap::fills`]; `unwrap`'s joins likewise take a line
/// within them of the width, or of its paragraph's widest line, as full); a page's
/// lines more than this past it tell the width is no cut (`unwrap`).
pub(super) const CUT_SLACK: usize = 4;

/// The fewest lines at a narrow column's width (within three cells) that make it
/// the page's width.
const NARROW_LINES_MIN: u32 = 8;

/// The share of a page's lines (six Han characters or more) that stand at a narrow
/// column's width, at least (as a fraction, numerator and denominator): half.
const NARROW_SHARE: (u32, u32) = (1, 2);

/// The share of the lines at a narrow column's width that are running text (a
/// comma or a full stop in them), at least: two in five.
const NARROW_PROSE_SHARE: (u32, u32) = (2, 5);

/// The share of the lines at a narrow column's width that end with a letter, a
/// figure or a Han character (no mark), more than which make it a column's cut:
/// half.
const NARROW_OPEN_SHARE: (u32, u32) = (1, 2);

/// True when `s` ends with a letter, a figure or a Han character: no punctuation
/// at its end (white space passed over).
fn ends_without_mark(s: &str) -> bool {
    s.trim_end()
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Widest cells counted for a line when looking for the wrap width.
pub(super) const WIDTH_CAP: usize = 240;

/// The most digits a figure's tail the width cut stands alone with (`…0000-6620` /
/// `131`): a longer run of digits alone is no tail.
pub(super) const MOST_FIGURE_TAIL_DIGITS: usize = 6;

/// How a hard-wrapped page's lines were cut: at a width, measured in display cells
/// (a PDF's column: a half-width digit takes half a Han character's room) or in
/// characters (a tool that cuts every N characters, digits or not).
#[derive(Debug, Clone, Copy)]
pub(in crate::segment) struct Wrap {
    pub(super) width: usize,
    pub(super) chars: bool,
}

impl Wrap {
    /// The width of `s` as this page's lines were measured when cut (in cells: a
    /// character counts two when the page was cut by characters).
    pub(super) fn of(self, s: &str) -> usize {
        if self.chars {
            (2 * count_upto(s, WIDTH_CAP / 2)).min(WIDTH_CAP)
        } else {
            width(s, WIDTH_CAP)
        }
    }

    /// True when `s` fills a line of this page, give or take the few cells a
    /// cut leaves (punctuation kept off a line start, half-width characters).
    pub(in crate::segment) fn fills(self, s: &str) -> bool {
        self.of(s) + CUT_SLACK >= self.width
    }

    /// True when this page's width may have cut `s`: it fills a line in the
    /// page's measure, or in characters (a tool that cut every N characters leaves
    /// a line of narrow digits short in cells on a page measured in cells).
    pub(super) fn may_have_cut(self, s: &str) -> bool {
        self.fills(s) || 2 * count_upto(s, WIDTH_CAP / 2) + CUT_SLACK >= self.width
    }

    /// True when `here`, digits alone (six at most), is the tail of a figure this
    /// page's width cut at the end of `above` (`…(簟纹街41号) 0000-6620` / `131`: a
    /// telephone number run across the cut): `above` ends in a digit and the width
    /// may have cut it. Such a line is no page number, and goes on in `above`.
    ///
    /// (Not under a row of a print that keeps its page's geometry, columns side by
    /// side apart by runs of spaces: such a row fills no column of its own.)
    pub(super) fn cut_figure_tail(self, above: &str, here: &str) -> bool {
        let here = here.trim();
        let above = above.trim();
        !here.is_empty()
            && count_upto(here, MOST_FIGURE_TAIL_DIGITS + 1) <= MOST_FIGURE_TAIL_DIGITS
            && here.chars().all(crate::text::is_digit)
            && above.ends_with(crate::text::is_digit)
            && !above.contains("  ")
            && self.may_have_cut(above)
    }
}

/// How many of a page's lines (24 cells or more) stand at each width in one
/// measure, and how many of those are running text (a comma or a full stop in
/// them).
struct Widths {
    chars: bool,
    all: [u32; WIDTH_CAP + 1],
    prose: [u32; WIDTH_CAP + 1],
}

impl Widths {
    fn new(chars: bool) -> Self {
        Self {
            chars,
            all: [0; WIDTH_CAP + 1],
            prose: [0; WIDTH_CAP + 1],
        }
    }

    /// The width with most lines of `hist` in [w-slack, w], and that count: lines
    /// are cut at one width, give or take punctuation kept off a line start and
    /// half-width characters; a tool that cuts by characters leaves its full
    /// lines at exactly one count.
    fn mode(&self, hist: &[u32; WIDTH_CAP + 1]) -> Option<(usize, u32)> {
        let slack = if self.chars { 0 } else { 3 };
        // The window's sum slid along (the lines at w in, those at w - slack out
        // after it is read); the widest of the most lines wins, as `max_by_key`
        // of `(n, w)` picks.
        let mut n: u32 = hist[24 - slack..24].iter().sum();
        let mut best: Option<(usize, u32)> = None;
        for w in 24..WIDTH_CAP {
            n += hist[w];
            if best.is_none_or(|(_, most)| n >= most) {
                best = Some((w, n));
            }
            n -= hist[w - slack];
        }
        best
    }

    /// The width most lines are cut at: at least three lines and a third of
    /// all lines that could have been cut by it (heads and the last lines of
    /// paragraphs are shorter, and many on a page of short paragraphs).
    fn cut(&self) -> Option<Wrap> {
        let (width, n) = self.mode(&self.all)?;
        let lines: u32 = self.all.iter().sum();
        (n >= 3 && n * 3 >= lines).then_some(Wrap {
            width,
            chars: self.chars,
        })
    }

    /// The width lines of running text stand at, at least four of them, with
    /// almost nothing on the page wider; and how many lines stand there.
    fn cut_among_few(&self) -> Option<(u32, Wrap)> {
        let (width, n) = self.mode(&self.prose)?;
        let wider: u32 = self.all[width + 1..].iter().sum();
        (n >= 4 && wider * 10 <= n).then_some((
            n,
            Wrap {
                width,
                chars: self.chars,
            },
        ))
    }
}

/// The width most body lines are cut at, when the page is hard-wrapped: lines are
/// measured in display cells and, when no width holds enough of them so measured (a
/// tool that cut every N characters leaves full lines of many display widths, one
/// for each count of half-width digits), in characters. Failing both, the width of
/// a page whose wrapped paragraphs are few among lines of other widths
/// (listings, tables, heads): lines of running text stand at one width, at least
/// four of them, and almost nothing on the page is wider (a page printed one
/// paragraph a line has many lines wider than any width its short paragraphs
/// share); the measure that puts more lines at its width wins.
pub(in crate::segment) fn wrap_width(units: &[Unit<'_>]) -> Option<Wrap> {
    // Both measures of every line in one pass.
    let mut cells = Widths::new(false);
    let mut chars = Widths::new(true);
    // Lines of a narrow column (in cells, under 24), those of them running text,
    // and all lines as wide as the narrowest column at least.
    let mut narrow = [0u32; 24];
    let mut narrow_prose = [0u32; 24];
    // (and those of them that end with no mark: a column's cut rarely falls at one)
    let mut narrow_open = [0u32; 24];
    let mut not_short = 0u32;
    // A table drawn with box characters (`│护士│８│`) has rows of one width
    // that no tool wrapped.
    for u in units
        .iter()
        .filter(|u| u.markup == Markup::None && !has_box_drawing(&u.text))
    {
        let (by_cells, by_chars) = both_widths(&u.text);
        if by_cells >= NARROWEST {
            not_short += 1;
            if by_cells < 24 {
                narrow[by_cells] += 1;
                narrow_prose[by_cells] += u32::from(holds_clause_mark(&u.text));
                narrow_open[by_cells] += u32::from(ends_without_mark(&u.text));
            }
        }
        // A line is never narrower in characters (each counts two cells) than
        // in cells.
        if by_chars < 24 {
            continue;
        }
        let prose = holds_clause_mark(&u.text);
        for (measure, w) in [(&mut cells, by_cells), (&mut chars, by_chars)] {
            if w >= 24 {
                measure.all[w] += 1;
                measure.prose[w] += u32::from(prose);
            }
        }
    }
    // A page of narrow columns (a PDF's page of five or six, printed column after
    // column): most of its lines stand at one width under twelve Han characters,
    // two in five of them or more running text (a comma or a full stop in them;
    // a poem's verse or a list's rows have few), and most of them end with no mark
    // (a column cuts its text anywhere; verse printed with its commas ends every
    // line at one).
    if let Some((width, n)) = (NARROWEST + 3..24)
        .map(|w| (w, narrow[w - 3..=w].iter().sum::<u32>()))
        .max_by_key(|&(w, n)| (n, w))
        && n >= NARROW_LINES_MIN
        && NARROW_SHARE.1 * n >= NARROW_SHARE.0 * not_short
        && NARROW_PROSE_SHARE.1 * narrow_prose[width - 3..=width].iter().sum::<u32>()
            >= NARROW_PROSE_SHARE.0 * n
        && NARROW_OPEN_SHARE.1 * narrow_open[width - 3..=width].iter().sum::<u32>()
            > NARROW_OPEN_SHARE.0 * n
    {
        return Some(Wrap {
            width,
            chars: false,
        });
    }
    cells.cut().or_else(|| chars.cut()).or_else(|| {
        match (cells.cut_among_few(), chars.cut_among_few()) {
            (Some(c), Some(h)) => Some(if h.0 > c.0 { h.1 } else { c.1 }),
            (c, h) => c.or(h).map(|(_, w)| w),
        }
    })
}

/// The width a page's lines had before they were hard-wrapped again (a page cut at
/// one width and printed again by a tool that cuts at a narrower one: `…修了` /
/// `居民` / `出门要绕一公里多。` of a page first cut at 33 characters, then at 30),
/// in `wrap`'s measure. Where a line cut at the page's width goes on in a short
/// piece that ends no sentence, the two are one line of the first print; when
/// enough such lines (four or more, a third of them, and half the lines the page's
/// width cut) are one width, wider than the page's, that is the first print's width.
pub(super) fn first_wrap(units: &[Unit<'_>], wrap: Wrap) -> Option<usize> {
    let mut hist = [0u32; 2 * WIDTH_CAP + 1];
    let mut lines = 0u32;
    let full = units
        .iter()
        .filter(|u| u.markup == Markup::None && wrap.fills(&u.text))
        .count();
    for pair in units.windows(2) {
        let (cut, tail) = (&pair[0], &pair[1]);
        if cut.markup != Markup::None
            || tail.markup != Markup::None
            || tail.gap > 0
            || !wrap.fills(&cut.text)
            || wrap.fills(&tail.text)
            || ends_sentence(&tail.text)
        {
            continue;
        }
        lines += 1;
        hist[wrap.of(&cut.text) + wrap.of(&tail.text)] += 1;
    }
    let (best_w, best) = (wrap.width + 5..=2 * WIDTH_CAP)
        .map(|w| (w, hist[w - 3..=w].iter().sum::<u32>()))
        .max_by_key(|&(w, n)| (n, w))?;
    // Wrapped twice, most lines the page's width cut go on in such a tail; a page
    // wrapped once has a few by chance (an OCR line, a print's short column tail).
    (best >= 4 && best * 3 >= lines && 2 * best as usize >= full).then_some(best_w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::blocks::units;
    use crate::segment::normalise::tests::texts;

    proptest::proptest! {
        /// Both widths of a line, read at once, are what each measure gives alone,
        /// and a clause mark is found where the line contains one.
        #[test]
        fn both_widths_are_each_measure_alone(
            s in "[a1 ，。、；,：！社𠀀é\u{3000}]{0,300}"
        ) {
            let cells = Wrap { width: 0, chars: false }.of(&s);
            let chars = Wrap { width: 0, chars: true }.of(&s);
            proptest::prop_assert_eq!(both_widths(&s), (cells, chars));
            proptest::prop_assert_eq!(
                holds_clause_mark(&s),
                s.contains(['，', '。', '、', '；', ','])
            );
        }
    }

    /// A page of narrow columns printed one after another (nine characters a
    /// line, commas in many) is cut at their width; a poem of short lines without
    /// commas is not, nor one whose every line ends with a comma or a full stop.
    #[test]
    fn a_page_of_narrow_columns_is_cut_at_their_width() {
        let prose: Vec<char> = "县里今年新修了三条乡村公路，沿线七个村的村民赶集不用再绕远路，运农产品的车也能直接开到地头，大家都说路好走了，日子也更有奔头。"
            .repeat(2)
            .chars()
            .collect();
        let mut page = String::from("三条乡村公路通车\n");
        for line in prose.chunks(9) {
            page.extend(line);
            page.push('\n');
        }
        let w = wrap_width(&units(&page)).expect("a narrow column's width");
        assert!((18..=21).contains(&w.width) && !w.chars, "{w:?}");
        let poem =
            "山那边有条河\n河水向东流\n流过老石桥\n桥下有人家\n人家门前树\n树上落晚霞\n".repeat(2);
        assert!(wrap_width(&units(&poem)).is_none());
        let poem = "山那边有一条小河，\n河水日夜向东流，\n流过村口老石桥，\n桥下住着几户人家。\n人家门前一棵树，\n树上挂满了晚霞。\n"
            .repeat(2);
        assert!(
            wrap_width(&units(&poem)).is_none(),
            "{:?}",
            wrap_width(&units(&poem))
        );
    }

    #[test]
    fn a_page_hard_wrapped_twice_keeps_its_paragraphs() {
        // Lines of 33 characters, printed again by a tool that cuts at 30: every
        // line leaves a tail of three, and a paragraph runs on past each tail.
        let prose: Vec<char> = "村里那条土路修了整整两个冬天老人们说过去下一场雨就没法出门孩子们上学要绕到河对岸去如今水泥路一直铺到家门口路边还装上了路灯晚上散步的人也多了起来村委会把修路的账目一笔一笔贴在公告栏里谁家出了多少工出了多少钱都写得明明白白大家看了心里都踏实".chars().filter(|c| !c.is_ascii()).collect();
        let mut page = String::from("一条路连起一个村\n\n");
        let mut paragraphs = Vec::new();
        for p in 0..3 {
            let mut whole = String::new();
            for l in 0..4 {
                let start = (p * 4 + l) * 7 % (prose.len() - 33);
                let mut line: String = prose[start..start + 33].iter().collect();
                if l == 3 {
                    line.pop();
                    line.push('。');
                }
                let cut: String = line.chars().take(30).collect();
                let tail: String = line.chars().skip(30).collect();
                page.push_str(&format!("{cut}\n{tail}\n"));
                whole.push_str(&line);
            }
            page.push('\n');
            paragraphs.push(whole);
        }
        let t = texts(&page);
        assert_eq!(t[0], "一条路连起一个村", "{t:?}");
        assert_eq!(t[1..], paragraphs[..], "{t:?}");
    }

    proptest::proptest! {
        // The slid window's mode is the one summed window by window.
        #[test]
        fn mode_slides_as_it_sums(
            counts in proptest::collection::vec(0u32..4, WIDTH_CAP + 1),
            chars in proptest::bool::ANY
        ) {
            let mut hist = [0u32; WIDTH_CAP + 1];
            hist.copy_from_slice(&counts);
            let slack = if chars { 0 } else { 3 };
            let summed = (24..WIDTH_CAP)
                .map(|w| (w, hist[w - slack..=w].iter().sum::<u32>()))
                .max_by_key(|&(w, n)| (n, w));
            proptest::prop_assert_eq!(Widths::new(chars).mode(&hist), summed);
        }

        // Counted on bytes, a line's width is what its characters add up to
        // (ASCII one cell, any other two), capped.
        #[test]
        fn width_on_bytes_is_width_by_characters(s in "[a-z1 é。，社区治理\u{1F600}]{0,80}", cap in 0usize..120) {
            let by_chars: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            proptest::prop_assert_eq!(width(&s, cap), by_chars.min(cap));
        }
    }

    /// A page cut every N characters, digits or not (so its full lines differ in
    /// display width): the width is read in characters and the paragraphs rejoin.
    #[test]
    fn lines_cut_by_characters_are_rejoined() {
        // Full lines of 20 characters, with 0, 4, 8 or 12 half-width digits: 40, 36,
        // 32 and 28 display cells.
        let lines = [
            "一二三四五六七八九十一二三四五六七八九十",
            "一二三四五六七八九十一二三四五六1234",
            "一二三四五六七八九十一二12345678",
            "一二三四五六七八123456789012",
            "完。",
        ];
        let para = lines.concat();
        let page = format!(
            "市政府常务会议研究老旧小区改造工作\n{}\n",
            vec![lines.join("\n"); 4].join("\n")
        );
        let wrap = wrap_width(&units(&page)).expect("a hard-wrapped page");
        assert!(wrap.chars && wrap.width == 40, "{wrap:?}");
        let t = texts(&page);
        assert_eq!(t[1..], [para.as_str(); 4], "{t:?}");
    }
}

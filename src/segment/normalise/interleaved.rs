//! Two columns printed row by row: a PDF extractor reading a page in its default
//! mode (`pdftotext` without `-layout`) may take two side-by-side columns for one
//! block and print their lines alternately, the left column's line, then the right
//! one's of the same row. Every sentence of both columns is then cut at each line
//! and goes on two lines further down.
//!
//! [`unweave_columns`] finds such runs in a block of consecutive lines by the
//! evidence of the cuts, and prints each column's lines together (the first
//! column's first, the second's as a block of its own). The evidence is the cut
//! itself: a line that does not end a sentence reads on into the line two below it
//! (`rethread::reads_across`: a word across the break; a line opening with
//! punctuation or a bound particle such as `们`, which no sentence opens with),
//! while it does not read on into the line right below it, and no line of either
//! column follows a clause's end with what cannot follow one (`，` then `们…`).
//! A run is taken only when the alternate reading holds at least [`MIN_BONDS`]
//! such bonds more than the printed order and its cut lines are of one measure (a
//! column's, at most [`MAX_MEASURE`] characters), so an ordinary page, whose cuts
//! read on into the next line, is left as it was printed.
//!
//! The work is linear in the page: each line is compared with the two below it.

use crate::segment::blocks::Unit;
use crate::segment::classify::ends_sentence;
use crate::segment::rethread::{opens_mid_sentence, reads_across};

/// Bonds the alternate reading of a run must hold beyond the printed order's.
const MIN_BONDS: i32 = 2;

/// Lines in a run at the least: two rows of two columns.
const MIN_RUN: usize = 4;

/// A column's cut lines are as wide as each other, give or take this many
/// characters (punctuation set narrow, a digit pair in one place).
const SLACK: usize = 2;

/// A column is at most this many characters wide (a page's full measure is no
/// column of two printed side by side).
const MAX_MEASURE: usize = 30;

/// How well `next` reads on from `line` (`line`'s text, then `next`'s).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Bond {
    /// `next` cannot come after `line`: a clause's end, then what opens none.
    Impossible,
    /// Nothing either way: `line` ends a clause and `next` may open one, or the
    /// break falls between two words.
    Neutral,
    /// `line` is cut mid-sentence and `next` reads on across the cut.
    Strong,
}

impl Bond {
    fn weight(self) -> i32 {
        match self {
            Bond::Impossible => -2,
            Bond::Neutral => 0,
            Bond::Strong => 1,
        }
    }
}

/// Characters a clause ends with (a line ending with one is cut at a clause end,
/// whatever comes next).
fn ends_clause(line: &str) -> bool {
    ends_sentence(line)
        || line
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':'))
}

/// A bound particle that never opens a clause (`们`), or one that opens none
/// but a few words (`的确`, `着手`, `了解`).
fn opens_with_bound_particle(text: &str) -> bool {
    let mut chars = text.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return false;
    };
    match first {
        '们' => true,
        '的' => !matches!(second, Some('确' | '士' | '哥')),
        '着' => !matches!(
            second,
            Some('手' | '力' | '眼' | '重' | '实' | '想' | '急' | '陆' | '迷' | '装' | '火')
        ),
        _ => false,
    }
}

/// How well `next` reads on from `line`.
fn bond(line: &str, next: &str) -> Bond {
    let bound = opens_mid_sentence(next) || opens_with_bound_particle(next);
    if ends_clause(line) {
        return if bound {
            Bond::Impossible
        } else {
            Bond::Neutral
        };
    }
    if bound || reads_across(line, next) {
        Bond::Strong
    } else {
        Bond::Neutral
    }
}

/// A line that may be one of a column's: body text, not a head's or furniture.
fn is_column_line(u: &Unit<'_>) -> bool {
    u.is_unmarked() && u.text.chars().count() >= 4
}

/// Print the lines of two columns printed row by row one column after the other.
pub(super) fn unweave_columns(units: &mut [Unit<'_>]) {
    let mut i = 0;
    while i < units.len() {
        // A block: consecutive lines, no blank line between them.
        let mut j = i + 1;
        while j < units.len() && units[j].gap == 0 && !units[j].page_break {
            j += 1;
        }
        unweave_block(&mut units[i..j]);
        i = j;
    }
}

/// Find the interleaved runs of one block and print them column by column.
fn unweave_block(block: &mut [Unit<'_>]) {
    let n = block.len();
    if n < MIN_RUN {
        return;
    }
    // Bonds of each line with the next (`file`) and the one after it (`alt`),
    // each read once and only when asked (most lines are never asked).
    let mut file: Vec<Option<Bond>> = vec![None; n - 1];
    let mut alt: Vec<Option<Bond>> = vec![None; n - 2];
    let text = |k: usize| block[k].text.as_ref();
    let mut file_at = |k: usize| *file[k].get_or_insert_with(|| bond(text(k), text(k + 1)));
    let mut alt_at = |k: usize| *alt[k].get_or_insert_with(|| bond(text(k), text(k + 2)));
    let width = |k: usize| block[k].text.chars().count();
    // A line of the column `s` opens (a cut line fills its column's measure): a
    // cut line as wide as line `s`, a paragraph's last line no wider.
    let column = |s: usize, k: usize| {
        let (w, measure) = (width(k), width(s));
        is_column_line(&block[k])
            && if ends_clause(text(k)) {
                w <= measure + SLACK
            } else {
                w.abs_diff(measure) <= SLACK
            }
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut s = 0;
    while s + MIN_RUN <= n {
        // A run opens where a line reads on two lines down and not into the next.
        if !(width(s) <= MAX_MEASURE
            && column(s, s)
            && !ends_clause(text(s))
            && column(s, s + 1)
            && alt_at(s) == Bond::Strong)
            || file_at(s) == Bond::Strong
        {
            s += 1;
            continue;
        }
        // Grow it while every line is a column's, no alternate bond is impossible
        // and no printed bond is stronger than its alternate.
        let mut e = s + 2;
        while e < n && column(s, e) {
            let a = alt_at(e - 2);
            if a == Bond::Impossible || file_at(e - 1) > a.max(Bond::Neutral) {
                break;
            }
            e += 1;
        }
        // The longest run from `s` whose alternate reading holds enough bonds more.
        let mut best = None;
        let mut end = e;
        while end >= s + MIN_RUN {
            let alt_sum: i32 = (s..end - 2).map(|k| alt_at(k).weight()).sum();
            let file_sum: i32 = (s..end - 1).map(|k| file_at(k).weight()).sum();
            if alt_sum - file_sum >= MIN_BONDS {
                best = Some(end);
                break;
            }
            end -= 1;
        }
        match best {
            Some(end) => {
                runs.push((s, end));
                s = end;
            }
            None => s += 1,
        }
    }
    for (s, e) in runs {
        unweave_run(&mut block[s..e]);
    }
}

/// Print a run's even lines (the first column's), then its odd ones (the second
/// column's) as a block of their own.
fn unweave_run(run: &mut [Unit<'_>]) {
    let mut order: Vec<usize> = (0..run.len()).step_by(2).collect();
    let second = order.len();
    order.extend((1..run.len()).step_by(2));
    let mut taken: Vec<Option<Unit<'_>>> = run.iter_mut().map(|u| Some(take(u))).collect();
    for (slot, &k) in order.iter().enumerate() {
        if let Some(u) = taken[k].take() {
            run[slot] = u;
        }
    }
    if let Some(u) = run.get_mut(second) {
        u.gap = u.gap.max(1);
    }
}

/// The unit, leaving an empty one in its place (to be written over).
fn take<'a>(u: &mut Unit<'a>) -> Unit<'a> {
    let empty = Unit::new(u.line, u.gap, u.markup, std::borrow::Cow::Borrowed(""));
    std::mem::replace(u, empty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::blocks::units;

    fn texts(page: &str) -> Vec<(usize, String)> {
        let mut u = units(page);
        unweave_columns(&mut u);
        u.iter().map(|u| (u.gap, u.text.to_string())).collect()
    }

    /// Two columns printed row by row: each column's lines are read together, the
    /// second column a block of its own.
    #[test]
    fn two_columns_printed_row_by_row_are_read_column_by_column() {
        let page = "农业简讯\n\n\
                    村里引进的这个项目从育苗孵\n\
                    市博物馆春节期间闭馆时间推\n\
                    化到上市只用了一年。\n\
                    迟至20时，除夕当天闭馆。\n\
                    村里的地统一交给种粮合作\n\
                    另有三个展厅延长开放。\n\
                    社耕种，农户每亩每年拿租金。\n";
        let t = texts(page);
        let lines: Vec<&str> = t.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            lines,
            [
                "农业简讯",
                "村里引进的这个项目从育苗孵",
                "化到上市只用了一年。",
                "村里的地统一交给种粮合作",
                "社耕种，农户每亩每年拿租金。",
                "市博物馆春节期间闭馆时间推",
                "迟至20时，除夕当天闭馆。",
                "另有三个展厅延长开放。",
            ]
        );
        // The second column opens a block of its own.
        assert_eq!(t[5].0, 1);
        assert_eq!(t[6].0, 0);
    }

    /// A hard-wrapped paragraph read in its order: each cut reads on into the next
    /// line, so nothing moves.
    #[test]
    fn an_ordinary_wrapped_paragraph_is_left_as_printed() {
        let page = "这个项目从育苗孵\n化到上市只用了一年，统一交给种粮合作\n社耕种，市博物馆春节期间闭馆时间推\n迟至20时，除夕当天闭馆。\n";
        let before: Vec<String> = units(page).iter().map(|u| u.text.to_string()).collect();
        let after: Vec<String> = texts(page).into_iter().map(|(_, s)| s).collect();
        assert_eq!(before, after);
    }

    /// Lines of a list, each a whole sentence, are never moved: nothing is cut.
    #[test]
    fn whole_sentences_are_left_as_printed() {
        let page = "市图书馆延长开放时间。\n公交十八路调整站点。\n菜市场周末照常营业。\n体育馆免费开放一天。\n";
        let before: Vec<String> = units(page).iter().map(|u| u.text.to_string()).collect();
        let after: Vec<String> = texts(page).into_iter().map(|(_, s)| s).collect();
        assert_eq!(before, after);
    }

    #[test]
    fn a_bound_particle_after_a_clause_end_cannot_follow_it() {
        assert_eq!(
            bond("护河队还走进附近的小学，", "们认识河边的水草"),
            Bond::Impossible
        );
        assert_eq!(
            bond("给孩子们讲潕水的故事，带着他", "们认识河边的水草"),
            Bond::Strong
        );
        assert_eq!(bond("这是一座老宅院。", "的确很老"), Bond::Neutral);
    }
}

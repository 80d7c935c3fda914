//! Hard-wrapped lines rejoined: a line of the page's width goes on in the next one,
//! the lines of a block are one unit, and what opens a paragraph (an indent, a
//! question or answer, a role's name) is told from what goes on.

use super::blank_after_every_line::reads_as_table_row;
use super::wrap_width::CUT_SLACK;
use super::wrap_width::MOST_FIGURE_TAIL_DIGITS;
use super::wrap_width::Wrap;
use super::wrap_width::first_wrap;
use super::wrap_width::holds_clause_mark;
use super::wrapped_heads::is_pen_name_like;
use super::wrapped_heads::join_wrapped_heads;
use super::wrapped_heads::room_or_text;
use super::wrapped_heads::signs_title;
use crate::segment::blocks::Markup;
use crate::segment::blocks::PEN_MARKS;
use crate::segment::blocks::Unit;
use crate::segment::classify::ROLE_WORDS;
use crate::segment::classify::count_upto;
use crate::segment::classify::ends_sentence;
use crate::segment::classify::has_box_drawing;
use crate::segment::classify::is_date_line;
use crate::segment::classify::is_dateline_alone;
use crate::segment::classify::is_name_line;
use crate::segment::classify::{is_byline, is_byline_line};
use std::borrow::Cow;

/// Characters that cannot start a line or a paragraph.
fn cannot_open(c: char) -> bool {
    matches!(
        c,
        '，' | '、' | '。' | '；' | '：' | '？' | '！' | '）' | '」' | '』' | '》' | '”' | ','
    )
}

/// Two short head-like lines that are one head cut by a wrap: the first leaves a
/// quote or bracket open, or a word runs across the cut.
fn wrapped_head(prev: &str, next: &str) -> bool {
    let head_like = |s: &str| {
        count_upto(s, 30) <= 28 && !s.contains(['，', '。', '；', '：', ',']) && !ends_sentence(s)
    };
    if !head_like(prev) || !head_like(next) || count_upto(prev, 4) < 4 {
        return false;
    }
    if rows_of_one_table(prev, next) || rows_of_one_list(prev, next) {
        return false;
    }
    // A dateline or byline below a head is no part of it.
    if is_dateline_alone(next)
        || is_byline_line(next)
        || is_name_line(next)
        || is_date_line(prev)
        || is_date_line(next)
    {
        return false;
    }
    cut_inside(prev, next)
}

/// Two rows of a table printed as text (`1 黐江队 7 6 0 1 18` / `2 黧阳队 7 5 1 1
/// 16`): as many cells apart by spaces, three or more, and figures in both. A row
/// ends where its line does; its last figure runs into no figure below it.
fn rows_of_one_table(prev: &str, next: &str) -> bool {
    let cells = |s: &str| s.split_whitespace().count();
    let figures = |s: &str| s.chars().any(|c| c.is_ascii_digit());
    cells(prev) >= 3 && cells(prev) == cells(next) && figures(prev) && figures(next)
}

/// Two rows of one list (`县供电公司 0000-8812956` / `县自来水公司 0000-8812337`,
/// `19:00　城事大家谈` / `21:00　纪录片`): as many fields apart by spaces, two or
/// more, and a figure opening both or closing both. A row ends where its line does.
/// A line with a clause's stop in it is a sentence's piece, not a row (`2033 年全市
/// 完成造林` / `3.5 万亩，比上年增长` in a print that spaces its figures).
pub(super) fn rows_of_one_list(prev: &str, next: &str) -> bool {
    let n = prev.split_whitespace().count();
    if n < 2 || n != next.split_whitespace().count() {
        return false;
    }
    let clause = |s: &str| s.contains(['，', '。', '；', '！', '？']);
    if clause(prev) || clause(next) {
        return false;
    }
    let figure = |f: Option<&str>| f.is_some_and(|f| f.starts_with(|c: char| c.is_ascii_digit()));
    (figure(prev.split_whitespace().next()) && figure(next.split_whitespace().next()))
        || (figure(prev.split_whitespace().next_back())
            && figure(next.split_whitespace().next_back()))
}

/// `line` opens with a clause of fewer than four characters (`服务，每周五、周六…`):
/// the tail of a sentence a cut left over, more often than a sentence's opening.
fn opens_on_a_fragment(line: &str) -> bool {
    line.find(['，', '、', ',', '；'])
        .is_some_and(|at| count_upto(&line[..at], 4) < 4)
}

/// `text` leaves a quote, a book title or a bracket open.
fn leaves_open(text: &str) -> bool {
    let open = |o: char, c: char| text.matches(o).count() > text.matches(c).count();
    open('“', '”') || open('《', '》') || open('（', '）')
}

/// `prev` was cut inside something `next` goes on with: a quote, a book title or a
/// bracket it leaves open, or a word that runs across the cut.
fn cut_inside(prev: &str, next: &str) -> bool {
    leaves_open(prev) || crate::segment::rethread::bond(prev, next)
}

/// Within a block, the short line `next` goes on with the short line `prev`: a
/// role or `文/` waits for its name; a head cut by the width leaves the longer part
/// first (or cuts a word or a quote); a kicker over its title, a title over a
/// byline, the lines of a poem do not.
fn block_line_continues(prev: &str, next: &str, wrap: Wrap) -> bool {
    if ROLE_WORDS.iter().any(|r| prev.ends_with(r)) || prev.ends_with('/') {
        return true;
    }
    if rows_of_one_list(prev, next) {
        return false;
    }
    let head_like = |s: &str| !s.contains(['，', '。', '；', '：', ',']);
    // A name alone (two or three Han characters) under a short line of clauses
    // that leaves none open signs what is above it (a commentary's head with a
    // comma, `热线要热，服务更要热` / `蒉思远`, as `pdftotext` prints a block), and
    // goes on into no line of text below it, unless a word runs across the cut.
    // (A head hard-wrapped mid-clause, `好事办好，要` / `多商量`, leaves its last
    // clause shorter than its first: the line goes on.)
    let name = |s: &str| is_name_line(s) || is_pen_name_like(s);
    let mut clauses = prev.split(['，', '、', '：', ',', ':']);
    let first = clauses.next().map_or(0, |c| count_upto(c, 32));
    let last = clauses.next_back().map_or(0, |c| count_upto(c, 32));
    if !head_like(prev)
        && last >= first.max(1)
        && name(next)
        && !crate::segment::rethread::bond(prev, next)
    {
        return false;
    }
    if name(prev) && !head_like(next) && !crate::segment::rethread::bond(prev, next) {
        return false;
    }
    if !head_like(prev) || !head_like(next) {
        return true;
    }
    if is_dateline_alone(next) || is_byline_line(next) {
        return false;
    }
    // A word across the cut (`太平桥修缮工` / `程开工`) outweighs a name-like line.
    if crate::segment::rethread::bond(prev, next) {
        return true;
    }
    if is_name_line(next) {
        return false;
    }
    wrap.of(prev) >= wrap.of(next) || wrapped_head(prev, next)
}

/// The most lines of text, as a share of a page's lines of text (numerator,
/// denominator: one in twenty), that may run more than [`CUT_SLACK`] cells past its
/// width while the width is still a cut the page's lines were made at, so a line
/// as wide as it may have been cut there.
const MOST_LINES_PAST_WIDTH_SHARE: (usize, usize) = (1, 20);

/// The cells the marks that set a run-in head off its text took on their line,
/// at their widest (`【…】`: two full-width brackets; a full-width space or two
/// spaces take less). Split apart (`entry_heads`, `run_in_briefs`), the line they
/// shared is measured as it was printed: the head's cells, these, and its text's.
const RUN_IN_SETTING_CELLS: usize = 4;

/// The cells of a paragraph's indent (two Han characters), which a PDF extractor
/// drops from a narrow column's first line of a paragraph.
const INDENT_CELLS: usize = 4;

/// The share of a page's lines holding a clause's mark that are broken into three
/// fields or more by spaces (numerator, denominator: a quarter) from which the
/// page's spaces are an OCR engine's spacing of its text, and set off no fields of
/// a table's rows.
const SPACED_PROSE_SHARE: (usize, usize) = (1, 4);

pub(super) fn unwrap(units: &mut Vec<Unit<'_>>, wrap: Option<Wrap>) {
    let Some(wrap) = wrap else {
        return;
    };
    let w = wrap.width;
    let text_units = units.iter().filter(|u| u.markup == Markup::None).count();
    let spaced = units
        .iter()
        .filter(|u| u.markup == Markup::None && u.gap > 0)
        .count();
    // Lines running more than CUT_SLACK cells past the width: on a page with more than a
    // few (one in twenty of its lines of text), the width is no cut every line was
    // made at (a page of short paragraphs that share a length).
    let wider = units
        .iter()
        .filter(|u| u.markup == Markup::None && wrap.of(&u.text) > w + CUT_SLACK)
        .count();
    let width_is_a_cut =
        wider * MOST_LINES_PAST_WIDTH_SHARE.1 <= text_units * MOST_LINES_PAST_WIDTH_SHARE.0;
    // Blank lines between blocks: a block without one inside is one unit.
    let blocky = spaced >= 3 && spaced * 8 >= text_units;
    // Of the lines holding a clause's mark, those broken into three fields or more
    // by spaces (an OCR engine's spacing, `清 出 的淤 泥 经 晾晒 处 理 后,`): when
    // they are a quarter of them or more, spaces set off no fields of a table's
    // rows, and no line is read as a row.
    let (prose, spaced_prose) = units
        .iter()
        .filter(|u| u.markup == Markup::None && holds_clause_mark(&u.text))
        .fold((0usize, 0usize), |(p, s), u| {
            (
                p + 1,
                s + usize::from(u.text.split_whitespace().nth(2).is_some()),
            )
        });
    let spaces_set_fields = spaced_prose * SPACED_PROSE_SHARE.1 < prose * SPACED_PROSE_SHARE.0;
    let mut out: Vec<Unit<'_>> = Vec::with_capacity(units.len());
    let mut last_text: Option<usize> = None;
    // Width of the last source line of the last text unit (not of what it grew to),
    // and its characters.
    let mut last_width = 0usize;
    let mut last_chars = 0usize;
    // Width of the widest source line of the last text unit (the paragraph so far,
    // not its block: a block may hold several units).
    let mut unit_width = 0usize;
    // On a page hard-wrapped twice, the width of the first print's line the last
    // source line ends (the pieces since the last one the page's width did not cut).
    let first_print = first_wrap(units, wrap);
    let mut first_width = 0usize;
    // Which units stand right over a byline (a head stack's last line does).
    let over_byline: Vec<bool> = (0..units.len())
        .map(|k| {
            units.get(k + 1).is_some_and(|n| {
                n.gap == 0
                    && n.markup == Markup::None
                    && (is_byline_line(&n.text)
                        || is_dateline_alone(&n.text)
                        || (count_upto(&n.text, 13) <= 12 && is_name_line(&n.text)))
            })
        })
        .collect();
    // Which units stand right over a line of running text in their block (clauses,
    // and nothing that goes on from the line above).
    let over_text: Vec<bool> = (0..units.len())
        .map(|k| {
            units.get(k + 1).is_some_and(|n| {
                n.gap == 0
                    && n.markup == Markup::None
                    && holds_clause_mark(&n.text)
                    && count_upto(&n.text, 8) >= 8
                    && !cannot_open(n.text.chars().next().unwrap_or(' '))
                    && !is_byline_line(&n.text)
            })
        })
        .collect();
    // Which units have room or a line of running text right under them (a title's
    // signing name has: see `signs_title`).
    let room_below: Vec<bool> = (0..units.len())
        .map(|k| room_or_text(units.get(k + 1)))
        .collect();
    // Which units stand right over an indented line, on a page whose indents open
    // paragraphs (`settle_indents` kept them).
    let over_indent: Vec<bool> = (0..units.len())
        .map(|k| {
            units
                .get(k + 1)
                .is_some_and(|n| n.gap == 0 && n.markup == Markup::None && n.indent)
        })
        .collect();
    // Which units are as wide as every line under them in their run (the lines up
    // to the next blank line), give or take a half-width digit: a column's full line.
    let widest: Vec<bool> = {
        let mut widest = vec![false; units.len()];
        let mut below = 0usize;
        for k in (0..units.len()).rev() {
            let u = &units[k];
            if u.markup != Markup::None {
                below = 0;
                continue;
            }
            let own = wrap.of(&u.text);
            widest[k] = own + 2 >= below;
            below = if u.gap > 0 { 0 } else { below.max(own) };
        }
        widest
    };
    // Which units close their block: a blank line, markup or the page's end
    // under them.
    let closes_block: Vec<bool> = (0..units.len())
        .map(|k| {
            units
                .get(k + 1)
                .is_none_or(|n| n.gap > 0 || n.markup != Markup::None)
        })
        .collect();
    // Which units stand right under a finished sentence in their block, and which
    // open a block of their own or stand under one (a finished sentence, markup).
    let after_text: Vec<bool> = (0..units.len())
        .map(|k| {
            k > 0
                && units[k].gap == 0
                && units[k - 1].markup == Markup::None
                && ends_sentence(&units[k - 1].text)
        })
        .collect();
    let fresh: Vec<bool> = (0..units.len())
        .map(|k| k == 0 || units[k].gap > 0 || units[k - 1].markup != Markup::None || after_text[k])
        .collect();
    // Which units open a signature a tool broke at its space (see `cut_signature`).
    let opens_signature: Vec<bool> = (0..units.len())
        .map(|k| {
            units.get(k + 1).is_some_and(|n| {
                n.gap == 0
                    && n.markup == Markup::None
                    && units[k].markup == Markup::None
                    && cut_signature(&units[k].text, &n.text, fresh[k], after_text[k])
            })
        })
        .collect();
    // Which units run in clauses, or stand over a line of their block that does (a
    // column of eleven characters may cut a clause's mark over to the line after:
    // `在秫米河湿地查获两名使` / `用粘网捕鸟的人员，收缴`).
    let clauses_from: Vec<bool> = (0..units.len())
        .map(|k| {
            holds_clause_mark(&units[k].text)
                || units.get(k + 1).is_some_and(|n| {
                    n.gap == 0 && n.markup == Markup::None && holds_clause_mark(&n.text)
                })
        })
        .collect();
    // Which units open a paragraph a narrow column cut, its indent dropped (see
    // `opens_indented`): the line under them is the column's full line.
    let opens_paragraph: Vec<bool> = (0..units.len())
        .map(|k| {
            units.get(k + 1).is_some_and(|n| {
                n.gap == 0
                    && n.markup == Markup::None
                    && units[k].markup == Markup::None
                    && opens_indented(
                        &units[k].text,
                        &n.text,
                        wrap,
                        widest[k + 1],
                        clauses_from[k + 1],
                    )
            })
        })
        .collect();
    for (k, u) in units.drain(..).enumerate() {
        if u.markup == Markup::Furniture {
            out.push(u);
            continue;
        }
        let joins = u.markup == Markup::None
            && u.level == 0
            && !u.indent
            // A line that opened with a bullet or a pen mark (`▲`, `■`, `◇ 松寮`: the
            // mark dropped from a line of no clause) opens an item or signs one: it
            // goes on from no line above it, however short that line (`山中的更夫` /
            // `◇ 松寮`, a title over its writer's pen name as a PDF extractor prints
            // them in one block).
            && u.bullet.is_none()
            && !crate::segment::classify::is_jump_line(&u.text)
            // A row of tab-separated fields (a table saved from a word processor)
            // is no wrapped line: no extraction tool wraps with tabs.
            && !u.text.contains('\t')
            && !has_box_drawing(&u.text)
            // `问：` and `答：` open a question or an answer: a paragraph of its own.
            && !opens_exchange(&u.text)
            && last_text.is_some_and(|i| {
                let prev = &out[i];
                if prev.text.contains('\t') || has_box_drawing(&prev.text) {
                    return false;
                }
                // A name printed after a pen mark (`□ 郜远山`, `◇苔径`) signs what is
                // above or below it: a line of its own, nothing goes on from it.
                if marked_name(prev) {
                    return false;
                }
                let furniture_between = out.len() > i + 1;
                let gap = u.gap == 0 || (furniture_between && !blocky);
                if !gap
                    || prev.markup != Markup::None
                    || prev.level > 0
                    || crate::segment::classify::is_jump_line(&prev.text)
                {
                    return false;
                }
                // A signature a tool broke at its space (`市政协委员` / `阚星野`, `读者` /
                // `郗桂兰`, `何小舟` / `作`): one line again.
                if u.gap == 0
                    && !furniture_between
                    && prev.joined == 0
                    && cut_signature(
                        &prev.text,
                        &u.text,
                        k > 0 && fresh[k - 1],
                        k > 0 && after_text[k - 1],
                    )
                {
                    return true;
                }
                // Nor does the first part of one go on from the head above it.
                if opens_signature[k] {
                    return false;
                }
                // A `——` subtitle right under its head (`老厂房里开出了社区食堂` /
                // `——熹湖区烨桥街道“一刻钟生活圈”见闻`, one block as a PDF extractor
                // prints it): neither names a clause, and the subtitle is no line of
                // the head, however wide the head.
                if u.text.starts_with("——")
                    && names_no_clause(&prev.text)
                    && names_no_clause(&u.text)
                {
                    return false;
                }
                // A photo credit cut before its verb (`郜禾生` / `摄`, as a narrow column,
                // or a tool breaking lines at spaces, prints `郜禾生 摄`): the verb
                // alone closes the credit the line above opened, after a space.
                if u.gap == 0
                    && !furniture_between
                    && closes_cut_photo_credit(&prev.text, &u.text)
                {
                    return true;
                }
                // A title's writer under it, with room or its text below (`让“一家人算一本
                // 账”成为常态` / `苏望川`, as a PDF extractor prints a commentary's head in one
                // block): the name signs the title, it is no tail of it.
                if room_below[k] && !furniture_between && signs_title(&prev.text, &u.text) {
                    return false;
                }
                // A head as wide as the column over a shorter head and a byline
                // (`春运首日篁州站发送旅客4.2万人次` / `回家的路，今年更顺了` / `晚报记者
                // 乔岫`, as `pdftotext -raw` prints them): two heads, not one line.
                if over_byline[k]
                    && prev.joined == 0
                    && !prev.text.contains(['，', '。', '；', '：', ','])
                    && !u.text.contains(['。', '；'])
                    && !ends_sentence(&u.text)
                    && count_upto(&u.text, 7) >= 7
                    && !crate::segment::rethread::bond(&prev.text, &u.text)
                {
                    return false;
                }
                // A head over a name alone over the text (`守护好这一湖碧水` / `昙言` /
                // `藕汀湖由浊变清，…`, a commentary's title, its writer and its text as
                // `pdftotext` prints them in one block): the name signs the head, it is
                // no tail of it, however wide the head.
                if over_text[k]
                    && !furniture_between
                    && signs_head(&prev.text, &u.text)
                {
                    return false;
                }
                // On a page that indents its paragraphs, a line of no clause after a
                // finished paragraph and over an indented line (`璜江大运河文化带保护规划
                // 发布` between two briefs of a block) is a head over the paragraph the
                // indent opens, however wide the paragraph above grew.
                if over_indent[k]
                    && crate::segment::classify::is_complete(&prev.text)
                    && names_no_clause(&u.text)
                    && !u.text.starts_with("——")
                    && !is_credit_alone(&u.text)
                {
                    return false;
                }
                // A head whose words its lede restates (`椑山县开通两条乡村旅游专线` /
                // `椑山县开通县城至荇口镇、菖溪乡的`, as `pdftotext` prints a brief's
                // head and text in one block) stands over that text, however wide the
                // head (a line of its own: a head a wrap cut is left to the head rules).
                if prev.joined == 0
                    && restated_below(
                        &prev.text,
                        &u.text,
                        holds_clause_mark(&u.text) || clauses_from[k],
                    )
                {
                    return false;
                }
                // A paragraph closed by its credit (`…问题。（据新华社电）`) ends there,
                // however wide its last line.
                if crate::segment::classify::trailing_credit(&prev.text).is_some() {
                    return false;
                }
                // So does a paragraph closed by a note in brackets after its last
                // sentence (`…稳步提升。（下转第２版）`, `…相应责任。（摘自《溱原社会科学》
                // 2025年第4期）`): the note is the paragraph's last word.
                if closes_with_note(&prev.text) {
                    return false;
                }
                // A caption closed by its picture's credit (`…在柑橘分拣线上作业。本报记者
                // 帅明光 摄`) ends there: the credit is the caption's last word, and a
                // line after it (the next story's head, cut by the width) opens
                // something else. (Not a credit whose bracket the next line closes,
                // `（新华社记者 某某摄` / `）`.)
                if crate::segment::classify::caption_credit(&prev.text).is_some()
                    && prev.text.matches(['（', '(']).count()
                        <= prev.text.matches(['）', ')']).count()
                    && !cannot_open(u.text.chars().next().unwrap_or(' '))
                {
                    return false;
                }
                // The tail of a figure the width cut (`…(簟纹街41号) 0000-6620` /
                // `131`): digits alone go on in the line whose figure they end.
                if u.gap == 0
                    && !furniture_between
                    && wrap.cut_figure_tail(&prev.text, &u.text)
                {
                    return true;
                }
                // A row of a table or box set as a line of its own (`箨山市中医院
                // 箫声路9号 急诊电话0000-8812122`, `1 黐江队 7 6 0 1 18`: fields apart
                // by spaces, no clause) ends where its line does, however wide: on a
                // print without blank lines the line under it is the next row, or
                // the head of what follows (`下周机动车尾号限行安排`), not its tail.
                if prev.joined == 0
                    && spaces_set_fields
                    && !(wrap.fills(&prev.text) && width_is_a_cut)
                    && reads_as_table_row(&prev.text)
                    && crate::segment::classify::dateline(&prev.text).is_none()
                    && !holds_clause_mark(&prev.text)
                    && !cannot_open(u.text.chars().next().unwrap_or(' '))
                {
                    return false;
                }
                // A credit a wrap cut (`…充电桩三千个。(鄢` / `晓晴)`): the line
                // closes the bracket the line above left open, and ends there.
                if closes_cut_credit(&prev.text, &u.text) {
                    return true;
                }
                // A line of no clause right over a paragraph's first line (`六千名农民
                // 工工资提前发放` / `市人社局督促在建工程项目` / `提前结算农民工工资，截至
                // 一月`, as `pdftotext` prints a brief's head and its text in one block)
                // is a head over that paragraph, or a wrapped head's last line, however
                // wide it is: the paragraph's first line stands an indent short of the
                // column's full line under it, so it opens the paragraph.
                if u.gap == 0
                    && !furniture_between
                    && opens_paragraph[k]
                    && names_no_clause(&prev.text)
                {
                    return false;
                }
                if u.gap == 0 && !furniture_between && opens_indented(
                        &prev.text,
                        &u.text,
                        wrap,
                        widest[k],
                        holds_clause_mark(&u.text) || (prev.joined == 0 && clauses_from[k]),
                    ) {
                    return true;
                }
                // A role alone (`本报驻内罗毕记者`) with its name on the next line opens
                // a byline: it never goes on from the head above it.
                if over_byline[k]
                    && count_upto(&u.text, 13) <= 12
                    && ROLE_WORDS.iter().any(|r| u.text.ends_with(r))
                    && !u.text.contains(['，', '。', '：'])
                {
                    return false;
                }
                // A dateline (`本报讯`) opening a line after a finished one opens a
                // paragraph: one brief after another; after a line of no clause (a
                // head printed right over its lede, `鹭溪县划定首批生态保护红线界桩` /
                // `本报讯 近日，…`, as `pdftotext` prints a block) it opens the text
                // under that head.
                if crate::segment::classify::dateline(&u.text).is_some()
                    && (crate::segment::classify::is_complete(&prev.text)
                        || names_no_clause(&prev.text))
                {
                    return false;
                }
                // A clause running to near the column's edge goes on (a line of
                // narrow digits falls short of the width): `即日起至2月底，鸥湖湿地公园`.
                if !blocky
                    && last_width + 8 >= w
                    && prev.text.contains(['，', ','])
                    && !crate::segment::classify::is_complete(&prev.text)
                    && !cannot_open(u.text.chars().next().unwrap_or(' '))
                    && !is_byline_line(&u.text)
                {
                    return true;
                }
                // On a page of blocks, a block is one paragraph (or a few): what it grew
                // to counts; elsewhere the last source line's own width does.
                let full = if blocky {
                    wrap.of(&prev.text) + bullet_cells(prev) + CUT_SLACK >= w
                } else {
                    last_width + CUT_SLACK >= w
                        || first_print.is_some_and(|f| first_width + CUT_SLACK >= f)
                };
                // A photo credit alone (`甘朵朵 摄`) under a caption's line with
                // half-width characters in it (`5月6日,…`), narrower in cells than the
                // page's full lines but as long in characters (give or take the space
                // before the credit the cut dropped): a tool that cut every N
                // characters, digits and all, put the credit, printed after the
                // caption on its line, on the next one. (Not on a page with more than
                // a few lines running past its width: no line of it need be full.)
                if width_is_a_cut
                    && ends_sentence(&prev.text)
                    && is_credit_alone(&u.text)
                    && last_width < 2 * last_chars
                    && 2 * (last_chars + 1) + 3 >= w
                    && 2 * last_chars <= w + 2
                {
                    return true;
                }
                // A name or `·…·` credit after a finished sentence signs the text.
                if ends_sentence(&prev.text) && is_name_line(&u.text) {
                    return false;
                }
                let first = u.text.chars().next().unwrap_or(' ');
                // `晚报记者` / `庞 楠 摄`: a role alone waits for its name on the next line.
                if count_upto(&prev.text, 9) <= 8
                    && ROLE_WORDS.iter().any(|r| prev.text.ends_with(r))
                    && count_upto(&u.text, 13) <= 12
                    && !u.text.contains(['，', '。'])
                {
                    return true;
                }
                // A byline is a line of its own: under a head however wide the head,
                // and over the text however wide the byline (`晚报记者　钱小棹　特约记者
                // 骆一帆` as a narrow column prints it).
                // (A reporter's byline: a dateline lede, `本报讯（记者…）记者从…`, a
                // field such as `投稿邮箱：…` or a list ending `…书画摄影` is none.)
                let byline = |s: &str| {
                    is_byline(s, count_upto(s, 31))
                        && count_upto(s, 31) <= 30
                        && ["记者", "通讯员", "实习生"].iter().any(|r| s.contains(r))
                        && !s.contains('、')
                        && !s.contains(['：', ':'])
                        && crate::segment::classify::dateline(s).is_none()
                };
                if byline(&u.text) && !prev.text.contains(['，', '。', '；', ',']) {
                    return false;
                }
                // (Nor does a line within an indent of the column's width under it,
                // no word run across the cut: the first line of a paragraph, its
                // indent dropped, `晚报记者 裘若溪` / `在眸州老城的` / `眺望巷一带，提起` as a
                // narrow column prints them.)
                if prev.joined == 0
                    && byline(&prev.text)
                    && !cannot_open(first)
                    && (count_upto(&u.text, 8) >= 8
                        || (u.gap == 0
                            && !furniture_between
                            && wrap.of(&u.text) + INDENT_CELLS + CUT_SLACK >= w
                            && !crate::segment::rethread::bond(&prev.text, &u.text)))
                {
                    return false;
                }
                // On a page of blocks, a line of no clause (no date) narrower than its
                // paragraph's widest line after a finished sentence heads what follows
                // (`…卫冕冠军鼃桥一中校友` / `队。` / `杯赛战报`; `…客场挑战鼃桥渔港队。` /
                // `本轮赛果` on a page whose table rows gave a width the text is
                // wider than): a paragraph's line after a finished sentence fills
                // its column or closes a sentence of its own. The paragraph's last
                // line stopped short of its widest, or the paragraph is one
                // line the page's width did not cut (a line at the width, or on a
                // page wrapped twice, may have been cut right after its full stop).
                if blocky
                    && ends_sentence(&prev.text)
                    && names_no_clause(&u.text)
                    && !is_date_line(&u.text)
                    && !u.text.starts_with("——")
                    && !is_credit_alone(&u.text)
                    && wrap.of(&u.text) + CUT_SLACK < unit_width
                    && (last_width + CUT_SLACK < unit_width
                        || (prev.joined == 0
                            && first_print.is_none()
                            && !(wrap.fills(&prev.text) && wrap.of(&prev.text) <= w + CUT_SLACK)))
                {
                    return false;
                }
                // On a page of blocks, a label of a few Han characters closing its
                // block under a finished sentence (`…确保农民工拿到工资回家过年。` /
                // `以案说法`, `…面积突破一万亩。` / `链接`, as `pdftotext` prints
                // the next story's kicker with the text above it) is no line of that
                // paragraph, however full its last line: a paragraph's last line
                // closes a sentence, a credit or a name, and a label closes none.
                if blocky
                    && ends_sentence(&prev.text)
                    && closes_block[k]
                    && is_short_han_run(&u.text)
                    && !crate::segment::classify::is_caption(&u.text, count_upto(&u.text, 81))
                    && wrap.of(&u.text) + CUT_SLACK < unit_width
                {
                    return false;
                }
                // A head wrapped over lines whose last stops short of the head's
                // widest line by two characters or more (`身边的好人·一位社` / `区民警的
                // 二十年`, a kicker a narrow column wrapped) has ended there: a head's
                // lines but its last fill its measure. The head-like line under it
                // (`老街上的“活`, the title, set larger in a narrower measure) opens
                // another head, though the short line comes near enough the page's
                // width to count as full. (On a page of blocks a head is a block of
                // its own.)
                if !blocky
                    && last_width + CUT_SLACK >= w
                    && u.gap == 0
                    && !furniture_between
                    && prev.joined > 0
                    && last_width + CUT_SLACK <= unit_width
                    && names_no_clause(&prev.text)
                    && names_no_clause(&u.text)
                    && !leaves_open(&prev.text)
                {
                    return false;
                }
                // On a page of blocks likewise: a bulleted head wrapped over lines
                // whose last stops short of its widest by two characters or more has
                // ended there (`■国际博物馆联合展览` / `在日内瓦开幕`), and the line under
                // it opens the head's text (`来自二十多个国家的博物馆` / `联合举办的…`, as
                // `pdftotext` prints a brief's head and its text in one block), however
                // wide the head grew: a wrap cuts a line only where it is full. (The
                // bullet tells a head: lines of a poem or of a list of figures under
                // a box's head, `新增小微企业贷款四亿一千` / `万元` / `盘活闲置厂房…`,
                // name no clause either and vary in width.)
                if blocky
                    && prev.bullet.is_some()
                    && u.gap == 0
                    && !furniture_between
                    && prev.joined > 0
                    && last_width + CUT_SLACK <= unit_width
                    && names_no_clause(&prev.text)
                    && !leaves_open(&prev.text)
                    && !cannot_open(first)
                    && !crate::segment::rethread::bond(&prev.text, &u.text)
                    && !opens_on_a_fragment(&u.text)
                {
                    return false;
                }
                if full && (blocky || !ends_sentence(&prev.text)) {
                    return true;
                }
                if cannot_open(first) {
                    return true;
                }
                let short = !wrap.fills(&u.text);
                // A head wrapped mid-word or inside quotes (`鹭溪县开展秋季森` /
                // `林防火宣传`, `新增两处“` / `共享自习室”`): both parts head-like.
                if short && last_width + CUT_SLACK < w && wrapped_head(&prev.text, &u.text) {
                    return true;
                }
                // A head over its text in the same block stands apart from it.
                if blocky && prev.joined == 0 && heads_its_text(&prev.text, &u.text, wrap) {
                    return false;
                }
                // A head or byline set over two short lines of a block.
                blocky
                    && short
                    && !ends_sentence(&prev.text)
                    && !u.text.starts_with("——")
                    && !furniture_between
                    && block_line_continues(&prev.text, &u.text, wrap)
            });
        if joins && let Some(i) = last_text {
            let prev = &mut out[i];
            let mut joined = prev.text.to_string();
            // (A signature's parts stand apart by the space the break took.)
            if prev.joined == 0
                && cut_signature(
                    &prev.text,
                    &u.text,
                    k > 0 && fresh[k - 1],
                    k > 0 && after_text[k - 1],
                )
            {
                joined.push(' ');
            }
            join_line(&mut joined, &u.text);
            // A bullet dropped from a line of head-like text opens running text now
            // that its line goes on (`■杉阁区10月起开展背街` / `综合治理，…。`): it is
            // printed text of the item it opens, as `blocks` keeps it on one line.
            if let Some(b) = prev.bullet
                && joined.contains(['，', '。'])
            {
                joined.insert(0, b);
                prev.bullet = None;
            }
            prev.text = Cow::Owned(joined);
            prev.joined = u.line.saturating_sub(prev.line).max(prev.joined);
            first_width = if last_width + CUT_SLACK >= w {
                first_width + wrap.of(&u.text)
            } else {
                wrap.of(&u.text)
            };
            last_width = wrap.of(&u.text);
            last_chars = count_upto(&u.text, w);
            unit_width = unit_width.max(last_width);
            continue;
        }
        last_width = wrap.of(&u.text) + bullet_cells(&u);
        last_chars = count_upto(&u.text, w);
        first_width = last_width;
        unit_width = last_width;
        // The text of a run-in head shares its line: the line is as wide as both.
        if let Some(i) = last_text
            && out[i].markup == Markup::RunIn
            && out[i].line == u.line
        {
            last_width += wrap.of(&out[i].text) + RUN_IN_SETTING_CELLS;
        }
        last_text = Some(out.len());
        out.push(u);
    }
    *units = out;
    join_wrapped_heads(units, wrap);
}

/// `line` joined to the text of the lines it goes on from: a space between two
/// words of Latin letters or digits either side of the cut, after a role
/// (`本报记者` / `冯一鸣 摄`: a role and the name on the next line stay apart) and
/// before a photo credit's verb cut off its name (`郜禾生` / `摄`).
pub(super) fn join_line(text: &mut String, line: &str) {
    let ascii_cut = text
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    // (Not the tail of a figure the width cut: a line of at most
    // MOST_FIGURE_TAIL_DIGITS digits alone after a digit, as `Wrap::cut_figure_tail`
    // gives it back; the figure is one again.)
    let figure_tail = !line.is_empty()
        && crate::segment::classify::count_upto(line, MOST_FIGURE_TAIL_DIGITS + 1)
            <= MOST_FIGURE_TAIL_DIGITS
        && line.chars().all(crate::text::is_digit)
        && text.chars().next_back().is_some_and(crate::text::is_digit);
    if (ascii_cut && !figure_tail)
        || ROLE_WORDS.iter().any(|r| text.ends_with(r))
        || closes_cut_photo_credit(text, line)
    {
        text.push(' ');
    }
    text.push_str(line);
}

/// `text` ends with a note in brackets opened right after a finished sentence
/// (`…稳步提升。（下转第２版）`, `…相应责任。（摘自《溱原社会科学》2025年第4期）`):
/// two to forty characters, not a list's number (`。（二）` opens an item) and no
/// bracket inside.
fn closes_with_note(text: &str) -> bool {
    let Some(body) = text.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = body.rfind(['（', '(']) else {
        return false;
    };
    let note = &body[open + body[open..].chars().next().map_or(1, char::len_utf8)..];
    let n = count_upto(note, 41);
    (2..=40).contains(&n)
        && !note.contains(['（', '(', '）', ')'])
        && !note
            .chars()
            .all(|c| crate::text::is_digit(c) || crate::segment::classify::is_chinese_numeral(c))
        && ends_sentence(&body[..open])
}

/// `next`, a photo credit's verb alone on its line (`摄`: a character or two that
/// credit no one by themselves), closes the credit of the name that ends `prev`
/// once set after it with a space (`郜禾生` / `摄`, `…合影。晚报记者 梁丘雁回` /
/// `摄`): the line was cut at the space before the verb.
fn closes_cut_photo_credit(prev: &str, next: &str) -> bool {
    use crate::segment::classify::caption_credit;
    count_upto(next, 3) <= 2
        && !next.is_empty()
        && caption_credit(next).is_none()
        && !prev.ends_with(char::is_whitespace)
        && caption_credit(&format!("{prev} {next}")).is_some()
}

/// `prev` and `next`, two short lines, are one signature a tool broke at the space
/// between its parts (`市政协委员 阚星野` printed `市政协委员` / `阚星野`): `next` is
/// a name alone (`阚星野`, or a pen name in quotes, `“老街口”`) or an
/// artist's verb (`作`, `绘`), `prev` signs nothing alone, and the two read as a
/// byline (a post or a reader's word before the name, `读者 郗桂兰`, on a line that
/// opens its block or stands under a finished sentence or markup: `fresh`; a
/// wrapped title's tail may end like a post, `…时` / `间留给居民` / `石言`), an artist's
/// credit (`何小舟 作`) or, right under a finished sentence (`after_text`), a
/// reader's `——` signature (`——沄川读者` / `钱晓芸`; a `——` subtitle under a title
/// may stand over its writer's name). A home before a name is left apart (`盛桥区`
/// / `郜青禾`): papers print a home over a signature as often as a short title
/// naming a place over its writer (`走进桃花村` / `李明`).
fn cut_signature(prev: &str, next: &str, fresh: bool, after_text: bool) -> bool {
    use crate::segment::classify::is_caption;
    let n = count_upto(next, 7);
    if !(1..=6).contains(&n)
        || count_upto(prev, 13) > 12
        || prev.contains(['，', '。', '；', '、', ',', '：', ':'])
        || ends_sentence(prev)
        || prev.ends_with(char::is_whitespace)
        || ROLE_WORDS.iter().any(|r| prev.ends_with(r))
    {
        return false;
    }
    if matches!(next, "作" | "绘") {
        return is_name_line(prev)
            && is_caption(&format!("{prev} {next}"), count_upto(prev, 12) + 2);
    }
    let quoted = next.starts_with('“') && next.ends_with('”') && (3..=6).contains(&n);
    if n < 2
        || !(is_name_line(next) || quoted)
        || is_byline_line(prev)
        || is_name_line(prev)
        || is_caption(prev, count_upto(prev, 13))
    {
        return false;
    }
    if let Some(rest) = prev.strip_prefix("——") {
        return after_text
            && (2..=10).contains(&count_upto(rest, 11))
            && rest.chars().all(crate::text::is_han);
    }
    fresh
        && !quoted
        && (prev.ends_with("读者") || crate::segment::lexicon::lexicon().is_post(prev))
        && is_byline_line(&format!("{prev} {next}"))
}

/// `next` closes a bracketed credit `prev` opened after its last sentence and a
/// wrap cut (`…计划新建充电桩三千个。(鄢` / `晓晴)`): `next` is a few characters
/// and the closing bracket and nothing else.
fn closes_cut_credit(prev: &str, next: &str) -> bool {
    let Some(open) = prev.rfind(['（', '(']) else {
        return false;
    };
    let inside = &prev[open + prev[open..].chars().next().map_or(1, char::len_utf8)..];
    let before = prev[..open].trim_end();
    if !ends_sentence(before) {
        return false;
    }
    let Some(rest) = next.strip_suffix(['）', ')']) else {
        return false;
    };
    // A name or two cut apart (`鄢` / `晓晴`), not a photo credit (`巩思远` / `摄`: a
    // word of the lexicon's `kind_words.photo_verbs`), whose spacing the other rules
    // keep.
    let name_part = |t: &str| {
        !t.is_empty()
            && t.chars().all(|c| crate::text::is_han(c) || c == '、')
            && !crate::segment::lexicon::lexicon()
                .holds_kind_word(crate::segment::lexicon::KindList::PhotoVerbs, t)
    };
    name_part(inside) && name_part(rest) && count_upto(inside, 9) + count_upto(rest, 9) <= 8
}

/// A name printed after a pen mark (`□ 郜远山`; `◇苔径`, its mark a bullet the
/// line's reading took off): two to four Han characters, or a name as a byline
/// prints it, after the mark.
fn marked_name(u: &Unit<'_>) -> bool {
    let rest = u.text.trim_start_matches(PEN_MARKS);
    let marked = u.bullet.is_some_and(|b| PEN_MARKS.contains(&b)) || rest.len() < u.text.len();
    marked && crate::segment::classify::is_pen_signed_name(rest)
}

/// A photo credit alone on its line (`甘朵朵 摄`, `本报通讯员 窦晚禾 摄`): a name
/// (after a role) and `摄`, no clause.
fn is_credit_alone(text: &str) -> bool {
    count_upto(text, 21) <= 20
        && !text.contains(['，', '。', '、', ',', '：', ':'])
        && crate::segment::classify::caption_credit(text).is_some()
}

/// The cells a bullet dropped from a unit's text took on its printed line (`■`
/// before `杉阁区10月起开展背街小巷环境`): the line was that much wider.
fn bullet_cells(u: &Unit<'_>) -> usize {
    u.bullet.map_or(0, |_| 2)
}

/// `prev`, a line of its own, is the indented first line of a paragraph a narrow
/// column cut (`市轨道交通集团6日透` / `露，地铁3号线二期工程将`, as a PDF printed
/// block by block gives it, without the indent): it is the width of the column's
/// full line under it less an indent of two Han characters (give or take a
/// half-width digit), and that line runs on in clauses. A head over its text is
/// not: the text's first line under it is itself indented, so narrower than the
/// lines under it.
///
/// `clauses` tells whether the text runs on: the full line under `prev`, or the
/// line under that, holds a clause's mark (a column of eleven characters may cut
/// the mark over to the line after).
fn opens_indented(prev: &str, next: &str, wrap: Wrap, next_widest: bool, clauses: bool) -> bool {
    let (p, n) = (wrap.of(prev), wrap.of(next));
    if !next_widest || n < 16 || p + 6 < n || p + 3 > n {
        return false;
    }
    if ends_sentence(prev)
        || prev.starts_with("——")
        || is_name_line(prev)
        || is_dateline_alone(next)
        || is_byline_line(next)
        || !clauses
    {
        return false;
    }
    // A byline or dateline ends its line (`本报讯（记者 宁一舟）`); one whose line
    // runs on (`…宁一舟）9月`, `新华社北京6月2日电（记者 岑向`) opens the text.
    if is_byline_line(prev) || is_dateline_alone(prev) {
        let open = prev.matches('（').count() > prev.matches('）').count();
        return open
            || crate::segment::classify::dateline(prev)
                .is_some_and(|d| d.trim_end().len() < prev.len());
    }
    true
}

/// `prev`, one line of a block with no clause in it, is a head over the text that
/// `next` opens (`泖南外贸进出口增长9.1%` / `据海关统计，今年前4个月，泖南省`, as
/// `pdftotext` prints a head and its text without a blank line between): no line
/// of a wrapped paragraph but its last falls short of the column, and `prev` is
/// narrower than the line of clauses under it by more than a paragraph's indent
/// (three Han characters or more), so it is no first line of that paragraph
/// either (see `opens_indented`) and no last line of one (it closes no sentence).
/// A dateline, a role waiting for its name or a byline is no head.
fn heads_its_text(prev: &str, next: &str, wrap: Wrap) -> bool {
    let (p, n) = (wrap.of(prev), wrap.of(next));
    p + 6 < n
        && count_upto(prev, 4) >= 4
        && !prev.contains(['，', '。', '；', '：', '、', ',', ':'])
        && !ends_sentence(prev)
        && next.contains(['，', '。', '、', '；', ','])
        && !cannot_open(next.chars().next().unwrap_or(' '))
        && !ROLE_WORDS.iter().any(|r| prev.ends_with(r))
        && !prev.ends_with('/')
        && !is_dateline_alone(prev)
        && crate::segment::classify::dateline(prev).is_none()
        && !is_byline_line(prev)
        && !crate::segment::rethread::bond(prev, next)
}

/// `name`, the line under the head-like line `head` (and over a line of text), is
/// the writer's name that signs the head, not the head's tail a wrap cut off: two
/// or three Han characters (a name, `苏望川`, or a pen name, `昙言`, `沄上客`) with
/// no dictionary word in them (a tail is or holds one: `协议`, `增长`, `新客人`,
/// `勤养护`), where no word runs across the cut and the head leaves no quote or
/// bracket open.
fn signs_head(head: &str, name: &str) -> bool {
    // (The dictionary is asked last: the other tests are cheaper.)
    let holds_word = || {
        let jieba = crate::words::jieba();
        let chars: Vec<(usize, char)> = name.char_indices().collect();
        jieba.has_word(name)
            || chars.windows(2).any(|w| {
                let (i, c) = w[1];
                jieba.has_word(&name[w[0].0..i + c.len_utf8()])
            })
    };
    names_no_clause(head) && is_pen_name_like(name) && !cut_inside(head, name) && !holds_word()
}

/// `head`, with no clause in it, is a head its lede `text` restates: `text` runs in
/// clauses and, in its first 24 characters, restates the first four characters of
/// `head` (the subject a head opens with: `椑山县开通…` / `椑山县开通县城至…`). A
/// line of running text that a name recurs in below (`…与棹州某农村商业银行签订的`
/// / `协议，棹州某农村商业银行已…`) holds it further in; no word runs across the
/// cut. (No date line: a dated caption repeats its date; and at least two of the
/// four are Han characters: `2026年…` over `2026年…` is no subject restated.)
///
/// `clauses` tells whether `text`, or the line under it, holds a clause's mark.
fn restated_below(head: &str, text: &str, clauses: bool) -> bool {
    use crate::segment::rehome::keys;
    let opening = keys(head, 4);
    opening.len() == 4
        // A subject's words, not a year or a figure both lines happen to open with.
        && opening.iter().filter(|&&c| crate::text::is_han(c)).count() >= 2
        && names_no_clause(head)
        && !is_date_line(head)
        && clauses
        && !cannot_open(text.chars().next().unwrap_or(' '))
        && keys(text, 24).windows(4).any(|w| w == opening.as_slice())
        && !crate::segment::rethread::bond(head, text)
}

/// A line with no clause in it that is no byline, dateline or role waiting for its
/// name: a head (or a head's last line), never a line of running text cut by a wrap.
fn names_no_clause(prev: &str) -> bool {
    count_upto(prev, 4) >= 4
        && !prev.contains(['，', '。', '；', '：', '、', ',', ':', '（', '('])
        && !ends_sentence(prev)
        && !ROLE_WORDS.iter().any(|r| prev.ends_with(r))
        && !is_dateline_alone(prev)
        && crate::segment::classify::dateline(prev).is_none()
        && !is_byline_line(prev)
}

/// Two to eight Han characters and nothing else, as a column's label is (`链接`,
/// `以案说法`, `晚报热线`): no clause, sentence, credit or figure. (Told by its
/// shape alone; `habits::Habits::is_label` tells a label by its recurring.)
fn is_short_han_run(text: &str) -> bool {
    let n = text.chars().count();
    (2..=8).contains(&n) && text.chars().all(crate::text::is_han)
}

/// `问：…`, `答：…`: a line opening a question or an answer of an interview or a
/// Q&A item.
pub fn opens_exchange(text: &str) -> bool {
    ["问：", "问:", "答：", "答:"]
        .iter()
        .any(|p| text.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::normalise::tests::texts;

    /// Rows of one list (a name and a telephone number; a time and a programme)
    /// are lines of their own on a hard-wrapped page: the last row is no first
    /// line of a head wrapped into the next story's title (`县自来水公司
    /// 0000-8812337` / `更正启事`), and rows in a block do not run together.
    #[test]
    fn rows_of_one_list_stay_apart() {
        let body = "村里那条土路修了两个冬天，老人们说过去下一场雨就没法出门，孩\n";
        let run = format!(
            "{body}{body}{body}九十。\n端午假期县直部\n门值班电话\n县政府总值班室 0000-8812001\n县应急管理局 0000-8812119\n县自来水公司 0000-8812337\n更正启事\n{body}{body}{body}九十。\n"
        );
        let blocks = format!(
            "{body}九十。\n\n榧城新闻综合频道\n\n18:30　榧城新闻\n19:00　城事大家谈\n21:00　纪录片：瑭湖四季\n\n{body}九十。\n\n琤川交通广播\n\n07:00—09:00　早安路况\n17:00—19:00　回家路上\n\n{body}九十。\n"
        );
        for (page, lines) in [
            (run, &["县自来水公司 0000-8812337", "更正启事"][..]),
            (
                blocks,
                &[
                    "18:30　榧城新闻",
                    "19:00　城事大家谈",
                    "07:00—09:00　早安路况",
                    "17:00—19:00　回家路上",
                ][..],
            ),
        ] {
            let t = texts(&page);
            for line in lines {
                assert!(t.iter().any(|x| x == line), "{line}: {t:?}");
            }
        }
    }

    /// Lines of a sentence in a print that spaces its figures (`2033 年…` / `3.5
    /// 万亩，…`) are no rows of a list; rows with no clause's stop still are.
    #[test]
    fn a_sentence_with_spaced_figures_is_no_list() {
        assert!(!rows_of_one_list(
            "2033 年全县完成造林的面积再创新高",
            "3.5 万亩，比上年增长了一成"
        ));
        assert!(rows_of_one_list("19:00　城事大家谈", "21:00　纪录片"));
    }

    /// A signature a tool broke at the space between its parts (a post or, under a
    /// finished sentence, a `——` over the name; a name over an
    /// artist's verb) is one line again; a home over a name, a short title naming a
    /// place over its writer and a `——` subtitle over its writer stay apart.
    #[test]
    fn a_signature_broken_at_its_space_is_one_line() {
        let body = "村里那条土路修了两个冬天，老人们说过去下一场雨就没法出门，孩\n";
        // Blocks apart by blank lines.
        let blocks = format!(
            "代表委员说\n\n把养老服务送进社区\n\n市政协委员\n阚星野\n\n{body}九十。\n\n盛桥区\n郜青禾\n\n漫画：“打卡”\n\n报表少了，工作群里的“打卡”却多了。\n\n朱小满\n作\n\n走进桃花村\n李明\n\n{body}九十。\n\n走进桃花村\n李明\n{body}九十。\n"
        );
        // No blank lines.
        let run = format!(
            "读者热评\n{body}九十。\n——沄川读者\n钱晓芸\n{body}九十。\n——禹甸网网友\n“老街口”\n{body}九十。\n读者\n郗桂兰\n编者按\n{body}九十。\n在鼇峰山看云\n——鼆川县鼇峰山散记\n饶远帆\n{body}九十。\n"
        );
        for (page, lines) in [
            (
                blocks,
                &[
                    "把养老服务送进社区",
                    "市政协委员 阚星野",
                    "盛桥区",
                    "郜青禾",
                    "朱小满 作",
                    "走进桃花村",
                    "李明",
                ][..],
            ),
            (
                run,
                &[
                    "——沄川读者 钱晓芸",
                    "——禹甸网网友 “老街口”",
                    "——鼆川县鼇峰山散记",
                    "饶远帆",
                ][..],
            ),
        ] {
            let t = texts(&page);
            for line in lines {
                assert!(t.iter().any(|x| x == line), "{line}: {t:?}");
            }
            assert!(
                !t.iter()
                    .any(|x| x.contains("桃花村李明") || x.contains("桃花村 李明")),
                "{t:?}"
            );
        }
    }

    /// A title over its writer's pen name after a pen mark (`山中的更夫` / `◇ 松寮`),
    /// as a PDF extractor prints them in one block and as a hard-wrapped print
    /// without blank lines gives them: the marked name signs the title, it is no
    /// tail of it, however short the title.
    #[test]
    fn a_pen_marked_name_is_no_tail_of_the_title_above() {
        let text = "翾峰山腰有个小村子，二十\n来户人家，至今还保留着打更的\n老规矩。每天夜里，村里的老人\n轮流敲梆子，提醒各家小心火烛。\n";
        for (page, want) in [
            (
                format!("翾峰夜话\n\n山中的更夫\n◇ 松寮\n\n{text}"),
                vec![("山中的更夫", "◇松寮")],
            ),
            (
                format!("翾峰夜话\n山中的更夫\n◇ 松寮\n{text}"),
                vec![("山中的更夫", "◇松寮")],
            ),
            (
                format!("祖母的竹篮\n◇ 梧桐巷口\n{text}\n一只竹篮\n◇江上舟子\n\n{text}"),
                vec![("祖母的竹篮", "◇梧桐巷口"), ("一只竹篮", "◇江上舟子")],
            ),
        ] {
            let a = crate::segment::segment_issue(&page, "k");
            let got: Vec<(&str, &str)> = a
                .iter()
                .map(|a| (a.title.as_str(), a.byline.as_str()))
                .collect();
            assert_eq!(got, want, "{a:#?}");
        }
    }

    /// A bulleted brief's head a narrow column wrapped over two lines, the second
    /// short, over its text in one block (as `pdftotext` prints it): the short line
    /// ends the head, and the line under it opens the brief's text.
    #[test]
    fn a_short_line_ends_a_wrapped_head_in_a_block() {
        let page = "国际短波\n\n■东南亚一国下调基准\n利率\n新华社曼谷3月11日电 东南\n亚一国央行3月11日宣布将基\n准利率下调零点二五个百分\n点。\n\n■国际博物馆联合展览\n在日内瓦开幕\n来自二十多个国家的博物馆\n联合举办的陶瓷展览3月10日\n在日内瓦开幕，展出文物四\n百余件。（记者嵇岚川）\n\n■南美一国启动森林保护\n计划\n新华社利马3月11日电 南美\n一国政府宣布启动为期十年\n的森林保护计划。\n";
        let t = texts(page);
        assert!(
            t.iter().any(|x| x == "国际博物馆联合展览在日内瓦开幕"),
            "{t:?}"
        );
        let a = crate::segment::segment_issue(page, "k");
        let brief = a
            .iter()
            .find(|a| a.title == "国际博物馆联合展览在日内瓦开幕");
        assert!(
            brief.is_some_and(|a| a.paragraphs.concat().starts_with("来自二十多个国家")),
            "{a:#?}"
        );
    }

    /// A narrow column printed without blank lines (as pymupdf prints a page's
    /// blocks): a kicker wrapped over two lines whose last stops two characters
    /// short of its first, over a title set larger and wrapped inside its quote,
    /// over a byline and a paragraph whose first line lost its indent. The kicker's
    /// short line ends the kicker, however near the column's width; the byline ends
    /// its line, the paragraph's first line near the width under it.
    #[test]
    fn a_short_line_ends_a_wrapped_kicker_and_a_byline_its_line() {
        let column = |para: &str| -> String {
            let chars: Vec<char> = para.chars().collect();
            chars
                .chunks(8)
                .map(|c| c.iter().collect::<String>() + "\n")
                .collect()
        };
        let above =
            column("村里的小学只有一间教室，三个年级的孩子坐在一起上课，老师轮流给他们讲课。");
        let below = column(
            "里，有一所只有十二个学生的小学，老师一个人教三个年级的全部课程，一教就是三十年。",
        );
        let page = format!(
            "{above}身边的好人·一位乡\n村教师的三十年\n大山里的“明\n灯”\n晚报记者 韦一帆\n在岭南的山坳\n{below}"
        );
        let t = texts(&page);
        for unit in [
            "身边的好人·一位乡村教师的三十年",
            "大山里的“明灯”",
            "晚报记者 韦一帆",
        ] {
            assert!(t.iter().any(|x| x == unit), "{unit}: {t:#?}");
        }
        assert!(
            t.iter().any(|x| x.starts_with("在岭南的山坳里，")),
            "{t:#?}"
        );
    }

    /// A commentary's head, its writer's name and its text in one block, as
    /// `pdftotext` prints them: three units, however wide the head; a head's tail
    /// that is a word (`协议`) stays on the head.
    #[test]
    fn a_name_under_a_head_over_its_text_signs_the_head() {
        let news = "湖区今年完成退渔还湖一万二千亩\n，新建生态护岸四十公里，沿湖村\n庄的生活污水全部接入管网。\n\n监测数据显示，今年前四个月，湖\n心断面水质稳定在三类，比去年同\n期提高了一个类别。\n\n沿湖各县还组建了巡湖队伍，每天\n两次巡查湖岸，发现问题当天交办\n、当天处置。\n\n";
        let text = "藕汀湖由浊变清，这样的变化来之\n不易。治湖是一场持久战，既要有\n攻坚的决心，也要有久久为功的耐\n心。\n\n";
        let page = |head: &str, name: &str| format!("{news}短评\n\n{head}\n{name}\n{text}{news}");
        for (head, name) in [("守护好这一湖碧水", "昙言"), ("守护好这一湖碧水", "禤一鸣")]
        {
            let t = texts(&page(head, name));
            assert!(t.contains(&head.to_string()), "{t:#?}");
            assert!(t.contains(&name.to_string()), "{t:#?}");
        }
        // A word across the cut, or a tail that is a word: one head.
        for (head, tail) in [
            ("北方三省区签署文旅合作", "协议"),
            ("守护好这一湖碧水", "增长"),
        ] {
            let t = texts(&page(head, tail));
            assert!(!t.contains(&tail.to_string()), "{t:#?}");
        }
        assert!(signs_head("守护好这一湖碧水", "昙言"));
        assert!(!signs_head("便民服务贵在“接地", "气”"));
        assert!(!signs_head("西部陆海新通道班列开行", "增长"));
        assert!(!signs_head("老茶馆里的", "新客人"));
        assert!(!signs_head("乡村公路也要", "勤养护"));
    }

    /// A commentary's title over its writer's name in one block, the text after a
    /// blank line (`pdftotext`, pdfminer): the name (a family name and a given one,
    /// a pen name of no word, two characters spaced apart, one word jieba tags as a
    /// name) signs the title. A tail that is or holds a word, or that a word or a
    /// quote runs into, is the title's.
    #[test]
    fn a_name_under_a_head_over_room_signs_the_head() {
        let news = "湖区今年完成退渔还湖一万二千亩\n，新建生态护岸四十公里，沿湖村\n庄的生活污水全部接入管网。\n\n监测数据显示，今年前四个月，湖\n心断面水质稳定在三类，比去年同\n期提高了一个类别。\n\n";
        let text = "河流的清澈，离不开一双双眼睛的\n守护。治湖是一场持久战，既要有\n攻坚的决心，也要有久久为功的耐\n心。\n\n";
        let page = |head: &str, name: &str| format!("{news}快评\n\n{head}\n{name}\n\n{text}{news}");
        for (head, name) in [
            ("护河需要年轻的力量", "司空晓"),
            ("让“一家人算一本账”成为常态", "苏望川"),
            ("保供稳价，功夫在平时", "文澜"),
        ] {
            let t = texts(&page(head, name));
            assert!(t.contains(&head.to_string()), "{t:#?}");
            assert!(t.contains(&name.to_string()), "{t:#?}");
        }
        for (head, tail) in [
            ("剪纸老艺人的", "新徒弟"),
            ("北方三省区签署文旅合作", "协议"),
            ("便民服务贵在“接地", "气”"),
        ] {
            let t = texts(&page(head, tail));
            assert!(t.contains(&format!("{head}{tail}")), "{t:#?}");
        }
    }

    /// A block of briefs on a page that indents its paragraphs, each brief a head
    /// over an indented paragraph: the heads stay apart from the paragraph above,
    /// however wide it grew; a line that goes on from an unfinished one still joins.
    #[test]
    fn a_head_over_an_indented_paragraph_stays_apart() {
        let page = "要闻简报\n我省新增五家国家级专精特新企业\n\u{3000}\u{3000}近日，我省五家企业入选第七批国家级专精特新企业\n名单，全省国家级企业达到八十六家。\n璜江大运河文化带保护规划发布\n\u{3000}\u{3000}《璜江大运河文化带保护规划》日前发布，明确到二〇\n三五年建成大运河文化保护传承利用示范区。\n\n\u{3000}\u{3000}今年一至六月，全省设区市空气质量优良天数比例为\n八成七，同比提高一个多百分点。\n\n\u{3000}\u{3000}任命郦明川为璜江省交通运输厅副厅长；免去卜国华\n的璜江省交通运输厅副厅长职务。\n\n\u{3000}\u{3000}璜江省人民政府的任免名单今天在这里公布，请各位\n读者留意。\n";
        let t = texts(page);
        assert!(
            t.contains(&"璜江大运河文化带保护规划发布".to_string()),
            "{t:#?}"
        );
        assert!(
            t.contains(
                &"近日，我省五家企业入选第七批国家级专精特新企业名单，全省国家级企业达到八十六家。"
                    .to_string()
            ),
            "{t:#?}"
        );
    }

    /// A brief's head as wide as the column over its lede in one block: the lede
    /// restates the head, so the head stays apart; a line of a paragraph that
    /// repeats nothing of the line above goes on.
    #[test]
    fn a_head_its_lede_restates_stays_apart() {
        // (The last argument says what the caller reads: the lede, or the line
        // under it, holds a clause's mark.)
        assert!(restated_below(
            "椑山县开通两条乡村旅游专线",
            "椑山县开通县城至荇口镇、菖溪乡的",
            true
        ));
        assert!(!restated_below(
            "澴宁省图书馆古籍修复室近日对公众",
            "开放，每周六可预约参观修复过程。",
            true
        ));
        // A name recurring in the next line of running text: no head.
        assert!(!restated_below(
            "据澴宁某投资有限公司与澴宁某城市商业银行签订的",
            "合同，澴宁某城市商业银行已将债权转让给",
            true
        ));
        assert!(!restated_below(
            "2025年9月19日",
            "9月19日，澄川市第十届菊花展在",
            true
        ));
        // A year both lines open with is no subject restated.
        assert!(!restated_below(
            "2026年全市新建改建农村公路通车里程突破",
            "2026年全市新建农村公路，改造危桥",
            true
        ));
        let news = "湖区今年完成退渔还湖一万二千亩\n，新建生态护岸四十公里，沿湖村\n庄的生活污水全部接入管网。\n\n监测数据显示，今年前四个月，湖\n心断面水质稳定在三类，比去年同\n期提高了一个类别。\n\n";
        let page = format!(
            "{news}文旅简讯\n\n椑山县开通两条乡村旅游专线\n椑山县开通县城至荇口镇、菖溪乡的\n两条乡村旅游公交专线，节假日每半\n小时一班。\n\n{news}"
        );
        let t = texts(&page);
        assert!(
            t.contains(&"椑山县开通两条乡村旅游专线".to_string()),
            "{t:#?}"
        );
    }

    /// A bracketed credit a wrap cut after the paragraph's last sentence
    /// (`…三千个。(鄢` / `晓晴)`) is one line again; a line that only closes a
    /// bracket of clauses is left to the other rules.
    #[test]
    fn a_credit_cut_by_a_wrap_is_joined() {
        assert!(closes_cut_credit("计划新建充电桩三千个。(鄢", "晓晴)"));
        assert!(closes_cut_credit("计划新建充电桩三千个。（鄢", "晓晴）"));
        assert!(!closes_cut_credit("计划新建充电桩三千个(鄢", "晓晴)"));
        assert!(!closes_cut_credit(
            "计划新建充电桩三千个。(鄢",
            "晓晴)今年还将"
        ));
        assert!(!closes_cut_credit(
            "计划新建充电桩三千个。(鄢晓晴)",
            "市急救中心新增五个急救站"
        ));
        assert!(!closes_cut_credit(
            "可同时为120辆车充电。（晚报记者　巩思远",
            "摄）"
        ));
    }

    /// A page cut every 30 characters, digits and all: a caption's line with digits
    /// in it is as long as the others in characters, though narrower in cells, and
    /// the credit printed after it on one line went on the next. The credit goes
    /// back on the caption's line; a credit under a caption's short last line, or
    /// a name under a full line, stays apart.
    #[test]
    fn a_credit_cut_off_a_caption_by_a_character_count_goes_back() {
        let line = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
        let page = format!(
            "{line}\n{line}\n{line}\n好。\n\n图为9月20日，考古队员在瓷窑岭窑址发掘现场清理龙窑遗迹。\n本报记者 卢晓岚 摄\n\n{line}\n{line}\n好。\n\n图为9月20日，考古队员在清理遗迹。\n本报记者 卢晓岚 摄\n\n{line}\n{line}\n好。\n"
        );
        let t = texts(&page);
        assert!(
            t.contains(
                &"图为9月20日，考古队员在瓷窑岭窑址发掘现场清理龙窑遗迹。本报记者 卢晓岚 摄"
                    .to_string()
            ),
            "{t:#?}"
        );
        assert!(t.contains(&"本报记者 卢晓岚 摄".to_string()), "{t:#?}");
        // A caption of full-width characters only, a few short of the line: its
        // credit was set on a line of its own.
        let page = format!(
            "{line}\n{line}\n{line}\n好。\n\n考古队员在瓷窑岭窑址发掘现场清理龙窑遗迹。\n本报记者 卢晓岚 摄\n\n{line}\n{line}\n好。\n"
        );
        assert!(texts(&page).contains(&"本报记者 卢晓岚 摄".to_string()));
    }

    /// Briefs of a hard-wrapped page, each opened by a bullet the lines' reader
    /// drops from a line without a clause: the bullet took room on the printed line,
    /// so the line is as wide as the column and goes on into the next; the brief is
    /// one paragraph that opens with its bullet, as a one-line brief keeps it. A
    /// bulleted head over its text stays a head.
    #[test]
    fn a_bulleted_first_line_as_wide_as_the_column_goes_on() {
        let page = "社区食堂开到了老街坊身边\n城西街道的社区食堂上个月开张，每天中午\n供应两荤两素一汤，六十岁以上的老人凭卡\n就餐还能打八折。食堂负责人说，菜价比外\n面便宜三成，来吃饭的老人越来越多了。\n\n城事短波\n\n■ 杉阁区10月起开展背街小巷环境综合\n治理，首批整治街巷二十条，涉及居民三千\n余户，年底前完工。\n\n■ 栝州博物馆溦江舟楫特展于10月15日\n开幕，展出古代船模和航运文书一百余件，\n免费向市民开放。\n\n■市图书馆冬季延时开放\n即日起至明年2月底，市图书馆的开放时间\n延长到晚上九点，周末照常开放。\n";
        let t = texts(page);
        assert!(
            t.contains(&"■杉阁区10月起开展背街小巷环境综合治理，首批整治街巷二十条，涉及居民三千余户，年底前完工。".to_string()),
            "{t:#?}"
        );
        assert!(
            t.contains(&"■栝州博物馆溦江舟楫特展于10月15日开幕，展出古代船模和航运文书一百余件，免费向市民开放。".to_string()),
            "{t:#?}"
        );
        assert!(t.contains(&"市图书馆冬季延时开放".to_string()), "{t:#?}");
    }

    /// In a block of a page printed block by block, a head of clauses over its
    /// writer's name (`热线要热，服务更要热` / `蒉思远`, a surname no list has) is a
    /// head and a byline, and the name does not run on into the text below it; a
    /// head hard-wrapped mid-clause (`好事办好，要` / `多商量`) is one line, and a role
    /// still waits for its name.
    #[test]
    fn a_head_of_clauses_over_a_name_is_no_wrapped_line() {
        let wrap = Wrap {
            width: 48,
            chars: false,
        };
        assert!(!block_line_continues(
            "热线要热，服务更要热",
            "蒉思远",
            wrap
        ));
        assert!(!block_line_continues(
            "蒉思远",
            "一个电话，维修工两小时上门，这样的速度让人点",
            wrap
        ));
        assert!(block_line_continues("好事办好，要", "多商量", wrap));
        assert!(block_line_continues("苇塘县：冬闲", "变冬忙", wrap));
        assert!(block_line_continues("晚报记者", "蒉思远", wrap));
    }

    /// On a page printed block by block (`pdftotext` without `-layout`), a head
    /// printed right over its text in the same block stands apart from it: a line
    /// with no clause, narrower than the line of clauses under it by more than an
    /// indent. The indented first line of a paragraph still goes on into the
    /// next, and a role still waits for its name.
    #[test]
    fn a_head_over_its_text_in_one_block_stands_apart() {
        // The short briefs are set in a column narrower than the page's width.
        let page = "河湾镇新建污水处理站\n据县生态环境局介绍，今年前五个\n月，河湾镇新建的三座污水处理站\n相继投入运行，日处理能力合计达\n到一千二百吨。\n\n社区食堂开门迎客\n日前，城东街道首家社区食堂开门\n营业，六十岁以上老人就餐可享受\n八折优惠。（王禾）\n\n市轨道交通集团负责人昨日向记者透\n露，地铁三号线二期工程将于年底前开通\n试运营，沿线新设车站六座，全程约需\n二十五分钟。\n\n本报记者\n林小禾\n春节前，全市各大商场陆续推出年货促销\n活动，吸引了不少市民前来选购，有的商\n场客流比平时多了三成，停车场一位难求\n，不少市民改乘地铁和公交前往，商场也\n延长了营业时间。\n";
        let t = texts(page);
        assert_eq!(
            t,
            [
                "河湾镇新建污水处理站",
                "据县生态环境局介绍，今年前五个月，河湾镇新建的三座污水处理站相继投入运行，日处理能力合计达到一千二百吨。",
                "社区食堂开门迎客",
                "日前，城东街道首家社区食堂开门营业，六十岁以上老人就餐可享受八折优惠。（王禾）",
                "市轨道交通集团负责人昨日向记者透露，地铁三号线二期工程将于年底前开通试运营，沿线新设车站六座，全程约需二十五分钟。",
                "本报记者 林小禾",
                "春节前，全市各大商场陆续推出年货促销活动，吸引了不少市民前来选购，有的商场客流比平时多了三成，停车场一位难求，不少市民改乘地铁和公交前往，商场也延长了营业时间。",
            ]
        );
    }

    /// `pdftotext` prints a head right over its lede in one block: a dateline
    /// (`本报讯`) opening the line under a line of no clause opens the text under
    /// that head, the head wrapped over two lines or not.
    #[test]
    fn a_dateline_under_a_head_in_one_block_opens_its_text() {
        let page = "北墅区建成首座建筑垃圾资源\n化利用厂\n本报讯 9月22日，北墅区首座建\n筑垃圾资源化利用厂投产。该厂每年\n可处理建筑垃圾60万吨，生产再生骨\n料、再生砖等产品。（苏禾）\n\n鹭溪县划定首批生态保护红线界桩\n本报讯 近日，鹭溪县在全县生态\n保护红线边界设立界桩和标识牌1260\n个，方便群众识别和监督。（林溪）\n\n柳渡县开展外来入侵物种普查\n\n本报讯 9月以来，柳渡县组织农\n业、林业等部门开展外来入侵物种普\n查，发现后及时清除。（梅若）\n";
        let t = texts(page);
        assert_eq!(
            t,
            [
                "北墅区建成首座建筑垃圾资源化利用厂",
                "本报讯 9月22日，北墅区首座建筑垃圾资源化利用厂投产。该厂每年可处理建筑垃圾60万吨，生产再生骨料、再生砖等产品。（苏禾）",
                "鹭溪县划定首批生态保护红线界桩",
                "本报讯 近日，鹭溪县在全县生态保护红线边界设立界桩和标识牌1260个，方便群众识别和监督。（林溪）",
                "柳渡县开展外来入侵物种普查",
                "本报讯 9月以来，柳渡县组织农业、林业等部门开展外来入侵物种普查，发现后及时清除。（梅若）",
            ]
        );
    }

    /// `pdftotext` prints a brief's head right over its text in one block, the
    /// head as wide as the column's lines or wrapped over two: the line under a
    /// line of no clause that stands an indent short of the column's full line
    /// under it opens the paragraph, and the head stands apart from it (one line
    /// or both of a wrapped one), however wide.
    #[test]
    fn a_head_over_a_paragraphs_indented_first_line_stands_apart() {
        let page = "县农机站开展春耕检修服务\n县农机站组织技术人员分赴\n各乡镇，为农户免费检修拖拉机\n、插秧机等农机具，截至三月十\n日已检修四百二十台。\n\n城南新建两处口袋公园和健\n身步道\n城南区近日利用边角地新建\n两处口袋公园，铺设健身步道一\n点六公里，配置健身器材三十套\n。\n\n县图书馆春节期间\n照常开放\n春节期间县图书馆每天开放\n八小时，少儿阅览室增设亲子共\n读区，读者凭身份证即可办理借\n阅证。\n\n记者从县交通运输局获悉，今年\n全县将改造农村公路九十公里，新\n建候车亭三十个。\n";
        let t = texts(page);
        assert_eq!(
            t,
            [
                "县农机站开展春耕检修服务",
                "县农机站组织技术人员分赴各乡镇，为农户免费检修拖拉机、插秧机等农机具，截至三月十日已检修四百二十台。",
                "城南新建两处口袋公园和健身步道",
                "城南区近日利用边角地新建两处口袋公园，铺设健身步道一点六公里，配置健身器材三十套。",
                "县图书馆春节期间照常开放",
                "春节期间县图书馆每天开放八小时，少儿阅览室增设亲子共读区，读者凭身份证即可办理借阅证。",
                "记者从县交通运输局获悉，今年全县将改造农村公路九十公里，新建候车亭三十个。",
            ]
        );
    }

    /// A column of eleven characters may cut the first clause's mark over to the
    /// line after the full line (`庭拨付冬季取暖补贴资金三百二` / `十万元，…`): the
    /// head over the paragraph's indented first line still stands apart, and that
    /// first line opens the paragraph; a head whose words its text restates stays
    /// a head however wide (`市青少年游泳锦标赛落幕` / `为期三天的潆州市青少年游泳`).
    #[test]
    fn a_head_stands_apart_when_its_texts_clause_falls_a_line_lower() {
        let page = "县农机站开展春耕检修服务\n县农机站组织技术人员分赴\n各乡镇，为农户免费检修拖拉机\n、插秧机等农机具，截至三月十\n日已检修四百二十台。\n\n全县发放冬季取暖补贴\n县民政局近日向全县困难家\n庭拨付冬季取暖补贴资金三百二\n十万元，通过社保卡直接发放。\n\n市青少年游泳锦标赛落幕\n为期三天的潆州市青少年游泳\n锦标赛十一日在市游泳馆落幕，\n来自全市的四百名小选手参加\n了比赛。\n\n记者从县交通运输局获悉，今年\n全县将改造农村公路九十公里，新\n建候车亭三十个。\n";
        let t = texts(page);
        assert_eq!(
            t,
            [
                "县农机站开展春耕检修服务",
                "县农机站组织技术人员分赴各乡镇，为农户免费检修拖拉机、插秧机等农机具，截至三月十日已检修四百二十台。",
                "全县发放冬季取暖补贴",
                "县民政局近日向全县困难家庭拨付冬季取暖补贴资金三百二十万元，通过社保卡直接发放。",
                "市青少年游泳锦标赛落幕",
                "为期三天的潆州市青少年游泳锦标赛十一日在市游泳馆落幕，来自全市的四百名小选手参加了比赛。",
                "记者从县交通运输局获悉，今年全县将改造农村公路九十公里，新建候车亭三十个。",
            ]
        );
    }

    /// `pdftotext` prints the next story's kicker as the last line of the block
    /// above it (`…拿到工资回家过年。` / `以案说法`, `…突破一万亩。` / `链接`):
    /// a label of a few Han characters that closes its block under a finished
    /// sentence is no line of that paragraph, however full the paragraph's last
    /// line; a paragraph's own short last line (`诉。`) still goes on it.
    #[test]
    fn a_label_closing_a_block_under_a_finished_sentence_stands_apart() {
        let page = "去年十二月以来，两级法\n院开通欠薪案件绿色通道，\n当天立案、优先审理、优\n先执行，已执结案件一百\n三十六件。春节前还将开\n展夜间执行，确保农民\n工都拿到工资回家过年。\n以案说法\n\n欠薪不是家务事\n\n一些用工单位认为工资拖\n一拖没关系，这是错误的\n认识。劳动者遇到欠薪，\n可以申请劳动仲裁或者起\n诉。\n\n县城冬季蔬菜面积今年要\n突破一万亩，冷库也将建\n到更多村口，菜农错峰上\n市，价格翻了一番还多。\n链接\n\n稗河蔬菜产销联合社\n\n联合社成立于去年，现有\n社员四百多户，年销售蔬\n菜一万多吨。\n";
        let t = texts(page);
        assert_eq!(
            t,
            [
                "去年十二月以来，两级法院开通欠薪案件绿色通道，当天立案、优先审理、优先执行，已执结案件一百三十六件。春节前还将开展夜间执行，确保农民工都拿到工资回家过年。",
                "以案说法",
                "欠薪不是家务事",
                "一些用工单位认为工资拖一拖没关系，这是错误的认识。劳动者遇到欠薪，可以申请劳动仲裁或者起诉。",
                "县城冬季蔬菜面积今年要突破一万亩，冷库也将建到更多村口，菜农错峰上市，价格翻了一番还多。",
                "链接",
                "稗河蔬菜产销联合社",
                "联合社成立于去年，现有社员四百多户，年销售蔬菜一万多吨。",
            ]
        );
    }

    const WRAPPED: &str = "探索城乡融合发展的新\n路径\n\n本报记者\n王芳\n\n一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n九十。\n\n二二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n九十。\n";

    #[test]
    fn hard_wrapped_blocks_are_rejoined() {
        let t = texts(WRAPPED);
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[0], "探索城乡融合发展的新路径");
        assert_eq!(t[1], "本报记者 王芳");
        assert!(t[2].starts_with("一二三") && t[2].ends_with("九十。"));
    }

    #[test]
    fn heads_wrapped_mid_word_or_in_quotes_are_rejoined() {
        let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
        let page = format!(
            "鹭溪县开展秋季森\n林防火宣传\n{body}{body}九十。\n澜亭区新增两处“\n共享自习室”\n{body}{body}九十。\n城市体检工作全面铺开\n本报北京10月21日电\n{body}九十。\n"
        );
        let t = texts(&page);
        assert_eq!(t[0], "鹭溪县开展秋季森林防火宣传");
        assert_eq!(t[2], "澜亭区新增两处“共享自习室”");
        assert_eq!(t[4], "城市体检工作全面铺开");
        assert_eq!(t[5], "本报北京10月21日电");
    }

    /// The rows of a league table printed one a line on a page with no blank
    /// lines stay apart: a row's last figure runs into no figure below it.
    #[test]
    fn rows_of_a_table_are_no_wrapped_head() {
        let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
        let page = format!(
            "{body}{body}九十。\n积分榜\n位次 球队 已赛 胜 平 负 积分\n1 甲队 7 6 0 1 18\n2 乙队 7 5 1 1 16\n3 丙队 7 4 2 1 14\n{body}九十。\n"
        );
        let t = texts(&page);
        assert!(t.contains(&"1 甲队 7 6 0 1 18".to_string()), "{t:?}");
        assert!(t.contains(&"2 乙队 7 5 1 1 16".to_string()), "{t:?}");
        assert!(t.contains(&"3 丙队 7 4 2 1 14".to_string()), "{t:?}");
        assert!(rows_of_one_table("1 甲队 7 6 0 1 18", "2 乙队 7 5 1 1 16"));
        // Rows of other lengths, or a row over a line of words, are no table's.
        assert!(!rows_of_one_table("1 甲队 7 6 0 1 18", "2 乙队 16"));
        assert!(!rows_of_one_table(
            "1 甲队 7 6 0 1 18",
            "鹭溪县开展秋季森林防火宣传"
        ));
    }

    /// A page of short paragraphs (most lines shorter than the width) is still
    /// read as hard-wrapped; in a block, a title cut by the width is one line, a
    /// kicker over its title and a title over `文/` and a name stay apart.
    #[test]
    fn short_paragraphs_and_blocks_of_heads() {
        let line = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
        let para = format!("{line}\n{line}\n好。\n\n");
        let page = format!(
            "乡村振兴一线\n\n县委常委会召开会议　研究\n部署冬季农田水利建设\n\n{para}会议还研究了其他事项。\n\n会议强调，要把群众满意作为检验标准。\n\n{para}老家的石碾\n文/\n柴静宜\n{para}"
        );
        let t = texts(&page);
        assert_eq!(t[0], "乡村振兴一线", "{t:?}");
        assert_eq!(
            t[1], "县委常委会召开会议　研究部署冬季农田水利建设",
            "{t:?}"
        );
        let stone = t.iter().position(|x| x == "老家的石碾").unwrap();
        assert_eq!(t[stone + 1], "文/柴静宜", "{t:?}");
    }

    /// On a page of blocks, a short line of no clause right under a paragraph whose
    /// last line closed a sentence short of the block's width is a head of its own
    /// (a results box's label, `杯赛战报`), not the paragraph's tail; a line the
    /// paragraph goes on with after a full stop at its column's edge still joins.
    #[test]
    fn a_head_under_a_finished_paragraph_in_its_block_stands_apart() {
        let line = "一二三四五六七八九十，一二三四五六七八九十一二三四五六七八九";
        let page = format!(
            "{line}\n{line}\n完了。\n\n{line}\n{line}\n队。\n杯赛战报\n\n{line}\n{line}\n九十。\n\n{line}\n一二三四五六七八九十一二三四五六七八九十一二三四五六七八。\n接着写的一句话，到这里才完。\n"
        );
        let t = texts(&page);
        assert!(t.contains(&"杯赛战报".to_string()), "{t:?}");
        assert!(t.iter().any(|x| x.ends_with("队。")), "{t:?}");
        assert!(
            t.iter()
                .any(|x| x.ends_with("八。接着写的一句话，到这里才完。")),
            "{t:?}"
        );
    }

    /// The same on a one-line paragraph the page's width did not cut (wider than
    /// the thirty-character lines that set the page's width, as when a score table's
    /// rows gave a page a narrower width than its text): the head under it stands
    /// apart, though the paragraph is as wide as its widest line.
    #[test]
    fn a_head_under_a_one_line_paragraph_wider_than_the_page_stands_apart() {
        let line = "一二三四五六七八九十，一二三四五六七八九十一二三四五六七八九";
        let wide =
            "客场挑战的一方开场十分钟就先进一球，下半场又连进两球，最终以三比零击败鼃桥渔港队。";
        let page = format!(
            "{line}\n{line}\n完了。\n\n{line}\n{line}\n九十。\n\n{wide}\n本轮赛果\n\n{line}\n{line}\n九十。\n"
        );
        let t = texts(&page);
        assert!(t.contains(&"本轮赛果".to_string()), "{t:?}");
        assert!(t.contains(&wide.to_string()), "{t:?}");
    }

    #[test]
    fn a_credit_after_a_block_stays_apart() {
        let line = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
        let page = format!(
            "{line}\n{line}\n通道。\n·尹曼 黎川·\n\n{line}\n{line}\n九十。\n\n本报记者\n冯一鸣 摄\n\n{line}\n{line}\n九十。\n"
        );
        let t = texts(&page);
        assert!(t.contains(&"·尹曼 黎川·".to_string()), "{t:?}");
        assert!(t.contains(&"本报记者 冯一鸣 摄".to_string()), "{t:?}");
    }

    /// A photo credit cut at the space before its verb (`郜禾生` / `摄`, under a
    /// caption or after it on the caption's last line) is one credit again, the
    /// space kept, so it closes the caption; the head after it stays a head.
    #[test]
    fn a_photo_credit_cut_before_its_verb_is_one_credit() {
        let line = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
        let page = format!(
            "{line}\n{line}\n九十。\n芒种时节，黍陂镇的麦田里，农机正在抢收。\n郜禾生\n摄\n镇上新开一家农家书屋\n{line}\n{line}\n九十。\n"
        );
        let t = texts(&page);
        assert!(t.contains(&"郜禾生 摄".to_string()), "{t:?}");
        assert!(t.contains(&"镇上新开一家农家书屋".to_string()), "{t:?}");
        let page = format!(
            "{line}\n{line}\n九十。\n芒种时节，黍陂镇的麦田里，农机正在抢收。本报记者 郜禾生\n摄\n镇上新开一家农家书屋\n{line}\n{line}\n九十。\n"
        );
        let t = texts(&page);
        assert!(t.iter().any(|t| t.ends_with("本报记者 郜禾生 摄")), "{t:?}");
        // A name and a word that credits no one (`摄`'s place taken by `说`) are
        // no credit.
        let page = format!("{line}\n{line}\n九十。\n郜禾生\n说\n{line}\n九十。\n");
        assert!(!texts(&page).iter().any(|t| t.contains("郜禾生 说")));
    }

    /// A box of rows wider than a page hard-wrapped at 30 characters: a row cut
    /// inside its telephone number leaves the number's last digits alone on the
    /// next line (`…0000-6630` / `118`), which are the number's tail, no page
    /// number, and go on in the row.
    #[test]
    fn a_figure_cut_by_the_width_goes_on_in_its_row() {
        let line = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
        let page = format!(
            "{line}\n{line}\n九十。\n今晚值班药店\n筱川区 荷风路仁和大药房(荷风路12号) 0000-6630\n118\n筱川区 桂枝路百草堂药房(桂枝路3号) 0000-66301\n19\n招领启事\n{line}\n{line}\n九十。\n"
        );
        let t = texts(&page);
        assert!(
            t.iter()
                .any(|t| t.starts_with("筱川区 荷风路") && t.ends_with("0000-6630118")),
            "{t:?}"
        );
        assert!(t.iter().any(|t| t.ends_with("0000-6630119")), "{t:?}");
        assert!(t.contains(&"招领启事".to_string()), "{t:?}");
    }

    /// A page of service boxes printed without blank lines, its paragraphs one a
    /// line and wider than its rows: each row of a table (fields apart by spaces,
    /// with figures) is a line of its own, and the head under the last row
    /// (`下周机动车尾号限行安排`) is no row's tail.
    #[test]
    fn rows_of_a_table_set_one_a_line_stay_apart() {
        let page = "便民服务\n筱川城区未来三天天气\n日期 天气 气温 风力\n8日 多云 12-21℃ 北风2级\n9日 小雨 11-17℃ 东风3级\n10日 阴 10-16℃ 东北风2级\n筱川市气象台制表\n今晚急诊值班医院\n筱川市人民医院 桂枝路3号 急诊电话0000-6612120\n筱川市妇幼保健院 竹篙巷17号 急诊电话0000-6612121\n筱川市中医院 荷风路8号 急诊电话0000-6612122\n下周机动车尾号限行安排\n11月10日至16日，城区机动车按号牌尾号限行：周一1和6，周二2和7，周三3和8，周四4和9，周五5和0。\n每天早上7点到晚上8点限行，限行范围为环城路以内的道路，环城路本身不限行。\n失物招领\n11月8日，筱川图书馆工作人员在阅览室拾到保温杯一个，请失主到图书馆服务台认领。\n11月8日，市民在桂枝路公交站拾到钥匙一串（带蓝色挂件），已交桂枝派出所。\n筱川市公安局交通警察支队\n寻物启事\n11月7日傍晚，本人在荷风路公交站遗失黑色双肩包一只，内有工作证、发票若干，请拾到者联系。\n开奖\n双色球第2026129期：红球 02 08 13 19 27 31 蓝球 06\n排列三第2026301期：4 8 1\n";
        let t = texts(page);
        for line in [
            "10日 阴 10-16℃ 东北风2级",
            "筱川市中医院 荷风路8号 急诊电话0000-6612122",
            "下周机动车尾号限行安排",
        ] {
            assert!(t.contains(&line.to_string()), "{t:#?}");
        }
    }

    /// A paragraph closed by a note in brackets after its last sentence (a jump
    /// to another page, a source) ends there, however full its last line: the
    /// label under it opens what follows. A list's number after a full stop
    /// (`。（二）`) opens an item and closes nothing.
    #[test]
    fn a_paragraph_closed_by_a_note_ends_there() {
        let line = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
        let last = "一二三四五六七八九十一二三四五六七八九十二三。（下转第２版）";
        let page = format!("{line}\n{line}\n{last}\n璜江短评\n{line}\n{line}\n九十。\n");
        let t = texts(&page);
        assert!(t.iter().any(|t| t.ends_with("（下转第２版）")), "{t:?}");
        assert!(closes_with_note(
            "…相应责任。（摘自《溱原社会科学》2025年第4期）"
        ));
        assert!(!closes_with_note("…三项措施。（二）"));
        assert!(!closes_with_note("…三项措施（试行）"));
    }

    /// A page of listings with a few paragraphs cut every 30 characters: the
    /// paragraphs' full lines are too few among the listings' lines for the page's
    /// width, but nothing on the page is wider than they are, so the page is read
    /// as hard-wrapped; a page printed one paragraph a line is not.
    #[test]
    fn a_few_wrapped_paragraphs_among_listings_are_rejoined() {
        let listing: String = (0..14)
            .map(|i| format!("0{}:30　电视剧：江畔人家第{i}集　重播　{i}号厅\n", i % 10))
            .collect();
        let page = format!(
            "高温来袭　这份防暑指南请收好\n记者从市气象台获悉，受副热带高压影响，本周后期我市将迎来今年\n首轮高温天气。\n医生提醒，高温天气要避免在10时至16时长时间户外活动，多喝\n白开水或淡盐水，出现头晕、乏力、恶心等症状时，应立即到阴凉处\n休息。\n电视节目\n{listing}市人社局提醒，用人单位在高温天气应调整作业时间，按规定发放高\n温津贴。\n"
        );
        let t = texts(&page);
        assert!(
            t.iter().any(|x| x
                == "记者从市气象台获悉，受副热带高压影响，本周后期我市将迎来今年首轮高温天气。"),
            "{t:?}"
        );
        assert!(
            t.iter().any(|x| x.ends_with("应立即到阴凉处休息。")),
            "{t:?}"
        );
        let plain = "高温来袭\n记者从市气象台获悉，受副热带高压影响，本周后期我市将迎来今年首轮高温天气，最高气温可达35℃以上。\n医生提醒，高温天气要避免在10时至16时长时间户外活动。\n市人社局提醒，用人单位在高温天气应调整作业时间，按规定发放高温津贴。\n注意防暑。\n";
        assert_eq!(texts(plain).len(), 5);
    }

    #[test]
    fn a_role_alone_takes_the_name_on_the_next_line() {
        let page = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八\n九十一二三四五六七八九十一二三四五六七八九十一二三四五六\n七八九十一二三四五六七八九十一二三四五六七八九十一二三\n四五六。\n晚报记者\n庞 楠 摄\n";
        let t = texts(page);
        assert_eq!(
            t.last().map(String::as_str),
            Some("晚报记者 庞 楠 摄"),
            "{t:?}"
        );
    }

    /// A title as wide as the column over a role alone and the name below: the role
    /// opens the byline, it does not go on from the title.
    #[test]
    fn a_role_alone_under_a_wide_title_opens_the_byline() {
        let page = "东非多国加快建设乡村光伏微电网，让草原和山区的偏远村庄告别“无电时代”\n本报驻内罗毕记者\n季青\n\u{3000}\u{3000}在肯尼亚西部的一个村庄，傍晚时分，村里的小卖部亮起了灯，几个孩子\n围在桌前写作业。“以前天一黑就什么也做不了，现在晚上也能看书了。”一\n位村民说。\n\u{3000}\u{3000}近年来，东非多国把乡村光伏微电网作为解决偏远地区用电难题的重要途\n径。这类小型电站建设周期短、维护成本低，适合人口分散的山区和草原地区。\n";
        let t = texts(page);
        assert_eq!(t[1], "本报驻内罗毕记者 季青", "{t:?}");
    }

    /// A `——` subtitle printed in one block with its head (a PDF print's block)
    /// is no line of the head.
    #[test]
    fn a_subtitle_in_its_heads_block_stands_apart() {
        let t = texts(
            "老厂房里开出了社区食堂\n——筱湖区桐桥街道“一刻钟生活圈”见闻\n\n中午十一点半，\n桐桥街道原纺机厂的红砖\n厂房里已经排起了队，来\n吃饭的多是附近的老人。\n\n食堂由街道引进一家本地\n餐饮企业运营，每天供应\n午餐和晚餐，价格实惠。\n\n老人凭卡还能再减两元，\n行动不便的可以送餐上门。\n",
        );
        assert!(t.iter().any(|x| x == "老厂房里开出了社区食堂"), "{t:?}");
        assert!(
            t.iter().any(|x| x == "——筱湖区桐桥街道“一刻钟生活圈”见闻"),
            "{t:?}"
        );
    }

    /// A paragraph closed by its credit ends at its last line, however wide.
    #[test]
    fn a_credit_ends_a_wrapped_paragraph() {
        let page = "\u{3000}\u{3000}斐济等南太平洋岛国日前联合启动珊瑚礁修复计划，将在未来五年内培育\n和移植珊瑚10万株，以应对海水升温带来的珊瑚白化问题。（据新华社电）\n东盟国家推进电子签证互认\n\u{3000}\u{3000}东盟多国日前就推进电子签证互认达成共识，将逐步简化成员国间商务和\n旅游人员往来手续，方便人员流动。（据新华社电）\n";
        let t = texts(page);
        assert_eq!(t[1], "东盟国家推进电子签证互认", "{t:?}");
    }

    /// A caption closed by its picture's credit ends at the credit: the next story's
    /// head, cut by the width and printed right under it without a blank line, is
    /// no part of the caption.
    #[test]
    fn a_photo_credit_ends_a_wrapped_caption() {
        let page = "枫岭县引进两家果汁加工企业，建设\n冷链仓储中心，把次果、小果变成果\n汁、果干，柑橘加工转化率达到三成。\n县里还牵头组建柑橘合作社，品\n牌、分级标准和销售渠道都由合作社\n来管。今年，枫岭柑橘通过电商平\n台销往全国二十多个省份，线上销售\n额突破三亿元。\n3月9日，枫岭县石门镇的果农在果园\n里修剪枝条。本报记者 柯远山 摄\n全省县域商业网点建\n设加快推进\n本报记者 闵晓禾\n本报讯 记者从省商务厅获悉，今年\n全省新建和改造县级物流配送中心二\n十八个、乡镇商贸中心一百一十个，\n农村快递服务基本实现行政村全覆盖\n。\n";
        let t = texts(page);
        assert_eq!(
            t[2], "3月9日，枫岭县石门镇的果农在果园里修剪枝条。本报记者 柯远山 摄",
            "{t:?}"
        );
        assert!(t[3].starts_with("全省县域商业网点建"), "{t:?}");
    }

    /// `问：` and `答：` open paragraphs: a numbered question over its answer stays
    /// apart even in a block without blank lines.
    #[test]
    fn questions_and_answers_open_paragraphs() {
        let page = "生态环境知识问答\n\n5.为什么说湿地是“地球之肾”\n？\n答：湿地能够调节径流、蓄洪防\n旱，还能通过植物吸收、微生物分解\n和土壤吸附等作用，去除水中的氮、\n磷等污染物，降解有毒有害物质，像\n人体的肾脏一样起到净化的作用。\n\n澄川市生态环境局关于征集生态环\n境违法行为线索的公告\n\n为加强生态环境保护，鼓励公众参\n与，现就有关事项公告如下。\n";
        let t = texts(page);
        assert_eq!(t[1], "5.为什么说湿地是“地球之肾”？", "{t:?}");
        assert!(t[2].starts_with("答："), "{t:?}");
    }

    /// A page printed block by block from narrow columns, each paragraph's first
    /// line two characters short of the column (its indent dropped): that line opens
    /// its paragraph (a dateline running on into the text too), while a head over
    /// an indented first line stays a head.
    #[test]
    fn an_indented_first_line_of_a_column_opens_its_paragraph() {
        let page = "新渠公园开放\n\n本报讯（记者 石小岭）5\n月6日，城西新渠公园建成开放\n，园内栽种乔木两千余株，设有\n步道和儿童游乐场。\n\n社区夜校开课\n\n南街社区的夜校本周开课\n了，开设书法、摄影和手机使用\n等课程，居民可免费报名参加，\n每班限二十人。\n";
        let t = texts(page);
        assert_eq!(
            t,
            [
                "新渠公园开放",
                "本报讯（记者 石小岭）5月6日，城西新渠公园建成开放，园内栽种乔木两千余株，设有步道和儿童游乐场。",
                "社区夜校开课",
                "南街社区的夜校本周开课了，开设书法、摄影和手机使用等课程，居民可免费报名参加，每班限二十人。",
            ],
            "{t:?}"
        );
        let wrap = Wrap {
            width: 28,
            chars: false,
        };
        let full = "市集在文化广场举办，市民可带";
        // (The last argument says what the caller reads: the full line, or the
        // line under it, holds a clause's mark.)
        assert!(opens_indented(
            "南街社区的夜校本周开课",
            full,
            wrap,
            true,
            true
        ));
        // A head over an indented first line: that line is narrower than the ones
        // under it.
        assert!(!opens_indented(
            "旧书市集周末开市",
            "每月第一个周末，旧书",
            wrap,
            false,
            true
        ));
        // A head over a full line of no clauses (a title under its kicker).
        assert!(!opens_indented(
            "南街社区的夜校本周开课",
            "旧书市集周末开市在文化广场",
            wrap,
            true,
            false
        ));
        // A byline or dateline that ends its line.
        assert!(!opens_indented(
            "本报讯（记者 石小岭）",
            "城西新渠公园建成开放，园内",
            wrap,
            true,
            true
        ));
        assert!(!opens_indented(
            "本报记者　石小岭　彭一",
            full,
            wrap,
            true,
            true
        ));
    }
}

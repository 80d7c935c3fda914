//! Indents mark paragraph starts only on pages that indent paragraphs.

use super::wrap_width::Wrap;
use crate::segment::blocks::BULLETS;
use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::is_complete;
use std::borrow::Cow;

/// The fewest indented lines of text that tell how a page sets its indents (fewer
/// say nothing of it), and the fewest of them going on from the line above that
/// make its indents say nothing.
const INDENTED_MIN: usize = 3;

/// The share of a page's lines of text that are indented (numerator,
/// denominator), under which its indents mark nothing: a fifth.
const INDENTED_SHARE: (usize, usize) = (1, 5);

/// The share of a page's indented lines that go on from a full line ending no
/// sentence, at least, that make its indents mark nothing: a third.
const CARRIED_SHARE: (usize, usize) = (1, 3);

/// The fewest lines of text after a blank line, and their least share of the
/// page's lines of text (numerator, denominator: an eighth), that make a page one
/// that keeps blank lines between its blocks.
const SPACED_MIN: usize = 3;
const SPACED_SHARE: (usize, usize) = (1, 8);

/// A page that keeps blank lines between its blocks: `spaced` of its `texts`
/// lines of text stand after a blank line, three at least and an eighth of them.
fn keeps_blank_lines(spaced: usize, texts: usize) -> bool {
    let (num, den) = SPACED_SHARE;
    spaced >= SPACED_MIN && spaced * den >= texts * num
}

/// How wide the line over an indented line is, at least, against the indented
/// line (numerator, denominator: three quarters), for the indent to fall inside a
/// wrapped paragraph: a wrap's full line, give or take a ragged cut (a head over
/// its paragraph is far narrower).
const WRAPPED_ABOVE_SHARE: (usize, usize) = (3, 4);

/// Indents mark paragraph starts only on pages that indent paragraphs, and only
/// where they open paragraphs: on a hard-wrapped page whose indented lines go on
/// from a full line that ends no sentence, an indent marks nothing.
pub(super) fn settle_indents(units: &mut [Unit<'_>], wrap: Option<Wrap>) {
    let text_units = units.iter().filter(|u| u.markup == Markup::None).count();
    let indented = units
        .iter()
        .filter(|u| u.markup == Markup::None && u.indent)
        .count();
    // Indented lines that go on from a full line ending no sentence.
    let mut carried = 0;
    if indented >= INDENTED_MIN
        && let Some(wrap) = wrap
    {
        let mut prev: Option<&Unit<'_>> = None;
        for u in units.iter().filter(|u| u.markup == Markup::None) {
            if u.indent
                && u.gap == 0
                && prev.is_some_and(|p| {
                    wrap.fills(&p.text) && !crate::segment::classify::is_complete(&p.text)
                })
            {
                carried += 1;
            }
            prev = Some(u);
        }
    }
    let (share, of) = INDENTED_SHARE;
    let (carried_share, carried_of) = CARRIED_SHARE;
    if text_units == 0
        || indented * of < text_units * share
        || (carried >= INDENTED_MIN && carried * carried_of >= indented * carried_share)
    {
        for u in units.iter_mut() {
            u.indent = false;
        }
    }
}

/// The fewest indents set inside a word that make a page's indents say nothing.
const MID_SENTENCE_MIN: usize = 3;

/// The share of a page's indented lines set inside a word, at least (numerator,
/// denominator), that make its indents say nothing: an eighth. A page whose indents
/// open paragraphs has none there (the line over a paragraph's first ends the
/// paragraph above, or is a head).
const MID_SENTENCE_SHARE: (usize, usize) = (1, 8);

/// A page printed without blank lines whose indents fall inside sentences (a tool
/// that indented every line of text holding a clause, whether it opens a paragraph
/// or goes on from the line above: `融资和招工。去年县里盘` / `　　活闲置厂房…`): an
/// indent set right under a line of running text (a clause mark in it) that ends
/// no sentence and is at least three quarters as wide as the indented line (a wrap's
/// full line, give or take a ragged cut: a head over its paragraph, `一、抓好规划，
/// 加快新城建设`, is far narrower), where a word runs across the cut (盘活) or the
/// indented line opens with a mark no text opens with, marks no paragraph; when an
/// eighth of the page's indents (three at least) stand so, none of them does. Read before anything
/// joins lines, so that a line cut again at a change of font (`15` / `　　日，…`)
/// goes on as on the same page without its indents. A page with blank lines between
/// its blocks keeps its indents (a text browser indents every line of a block: see
/// [`join_indented_blocks`]).
pub(super) fn drop_mid_sentence_indents(units: &mut [Unit<'_>]) {
    let text: Vec<&Unit<'_>> = units.iter().filter(|u| u.markup == Markup::None).collect();
    let spaced = text.iter().filter(|u| u.gap > 0).count();
    if keeps_blank_lines(spaced, text.len()) {
        return;
    }
    let indented = text.iter().filter(|u| u.indent).count();
    let mid = text
        .windows(2)
        .filter(|w| {
            w[1].indent
                && w[1].gap == 0
                && w[0].text.contains(['，', '、', '；', ','])
                && !is_complete(&w[0].text)
                && WRAPPED_ABOVE_SHARE.1 * w[0].text.chars().count()
                    >= WRAPPED_ABOVE_SHARE.0 * w[1].text.chars().count()
                && crate::segment::rethread::bond(&w[0].text, &w[1].text)
        })
        .count();
    let (num, den) = MID_SENTENCE_SHARE;
    if mid >= MID_SENTENCE_MIN && mid * den >= indented * num {
        for u in units.iter_mut() {
            u.indent = false;
        }
    }
}

/// What opens an item of a list a text browser prints, besides the bullets a paper
/// prints (`blocks::BULLETS`, `■`, `●`, `▲`): a Markdown or plain-text list's mark
/// (`*`, `+`, `-`) and the small bullets of a web page's list (`·`, `○`, `□`, `▪`).
const LIST_MARKS: [char; 7] = ['*', '+', '-', '·', '○', '□', '▪'];

/// A text browser (`lynx -dump`, `w3m -dump`) indents a block of a web page, not its
/// first line: every line of an indented paragraph is indented as its first, and
/// blocks stand between blank lines. On such a page (blank lines between blocks,
/// and next to no indented line followed in its block by one flush left, as a
/// paragraph's first-line indent is, nor under a finished line, as paragraphs printed
/// one a line without blank lines are), an indented line right under an indented line
/// that ends no sentence goes on from it (the browser's wrap, which cuts Chinese text
/// anywhere, at a space or where a run of characters no longer fits), whatever the
/// lines' widths, so long as the browser could not have set the next line's first
/// word on it (a byline over a photo's alt text, `记者 濮云岫` over
/// `茶农查看手机上的茶园数据`, are two lines that would have fitted on one: no wrap
/// cut them). A list's item (`* …`) is a line of its own.
pub(super) fn join_indented_blocks(units: &mut Vec<Unit<'_>>) {
    // The browser's line width in characters (it counts a Chinese character as
    // one): the widest indented line of text as printed (less a paragraph's own
    // `　　`, not counted on any line).
    let printed_len = |u: &Unit<'_>| usize::from(u.indent_width) + u.text.chars().count();
    let width = units
        .iter()
        .filter(|u| u.markup == Markup::None && u.indent && u.joined == 0)
        .map(printed_len)
        .max()
        .unwrap_or(0);
    // The line above was full: the next line's first word (up to a space, with
    // any marks before it: `> 设了通宵自习区…` of a quoted mail) would not have
    // fitted after it.
    let full = |above_len: usize, u: &Unit<'_>| {
        let mut word = 0usize;
        for (n, token) in u.text.split(' ').enumerate() {
            word += token.chars().count() + usize::from(n > 0);
            if token.chars().any(char::is_alphanumeric) {
                break;
            }
        }
        above_len + 1 + word > width
    };
    let text = |u: &Unit<'_>| u.is_unmarked() && u.bullet.is_none();
    let listed = |u: &Unit<'_>| u.text.starts_with(LIST_MARKS) || u.text.starts_with(BULLETS);
    // `* 山货进驻超市`, `•山货进驻超市`: a bullet, then the item's words.
    let list_item = |u: &Unit<'_>| {
        listed(u)
            && u.text
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_whitespace() || crate::text::is_han(c))
    };
    let goes_on = |p: &Unit<'_>, above_len: usize, u: &Unit<'_>| {
        (full(above_len, u) || cut_in_brackets(&p.text, &u.text))
            && text(p)
            && text(u)
            && p.indent
            && u.indent
            && u.gap == 0
            && !is_complete(&p.text)
            && !listed(p)
            && !listed(u)
    };
    let (mut texts, mut spaced, mut carried, mut flush) = (0usize, 0usize, 0usize, 0usize);
    let mut after_finished = 0usize;
    for (k, u) in units.iter().enumerate() {
        if !text(u) {
            continue;
        }
        texts += 1;
        if u.gap > 0 {
            spaced += 1;
            continue;
        }
        let Some(p) = k.checked_sub(1).map(|p| &units[p]) else {
            continue;
        };
        // (A list's items, `* 春播进度过半` over `* 山货进驻超市`, say nothing of
        // how the page sets its paragraphs; a mail's `--` over its signature is
        // no item.)
        if !text(p) || !p.indent || list_item(p) || list_item(u) {
            continue;
        }
        if !u.indent {
            flush += 1;
        } else if goes_on(p, printed_len(p), u) {
            carried += 1;
        } else if is_complete(&p.text) {
            after_finished += 1;
        }
    }
    if carried == 0 || (flush + after_finished) * 4 > carried || !keeps_blank_lines(spaced, texts) {
        return;
    }
    let mut out: Vec<Unit<'_>> = Vec::with_capacity(units.len());
    // How long the last line of the last unit out was as printed.
    let mut last_len = 0usize;
    for u in units.drain(..) {
        let len = printed_len(&u);
        if let Some(p) = out.last_mut()
            && goes_on(p, last_len, &u)
        {
            last_len = len;
            let mut joined = p.text.to_string();
            if joined.ends_with(|c: char| c.is_ascii_alphanumeric())
                && u.text.starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                joined.push(' ');
            }
            joined.push_str(&u.text);
            p.text = Cow::Owned(joined);
            p.joined = u.line.saturating_sub(p.line).max(p.joined);
            continue;
        }
        last_len = len;
        out.push(u);
    }
    *units = out;
}

/// Characters a bracket cut by a wrap may hold either side of the cut.
const CUT_BRACKET_SIDE: usize = 10;

/// `本报讯（记者` over `蒯书言）3月12日…`: a bracket opened near the end of the line
/// above (a byline's role word, its name cut off at the space after it) and closed
/// near the start of the line below. The browser set the name on the next line
/// however much room the line had by its count: the lines are one.
fn cut_in_brackets(above: &str, below: &str) -> bool {
    let Some(open) = above.rfind(['（', '(']) else {
        return false;
    };
    let inside = &above[open..];
    if inside.contains(['）', ')']) || inside.chars().count() > CUT_BRACKET_SIDE + 1 {
        return false;
    }
    below
        .chars()
        .take(CUT_BRACKET_SIDE + 1)
        .take_while(|&c| !matches!(c, '（' | '(' | '。' | '，'))
        .any(|c| matches!(c, '）' | ')'))
}

#[cfg(test)]
mod tests {
    use crate::segment::blocks::units;
    use crate::segment::normalise::normalise;
    use crate::segment::normalise::tests::texts;

    /// On a hard-wrapped page whose indents fall on the lines that go on from a full
    /// line (a tool that indented every line but the first of each paragraph), the
    /// indents mark nothing; where they open paragraphs they stay.
    #[test]
    fn indents_on_wrapped_lines_mark_nothing() {
        let wrapped = "春风吹绿小山村\n本报讯 一二三四五六七八九十一二三四五六七八九十一二三四五\n\u{3000}\u{3000}六七八九十一二三四五六七八九十一二三四五六七八九十一二\n\u{3000}\u{3000}三四五六七八九十。\n村里修了一条路一二三四五六七八九十一二三四五六七八九十一\n\u{3000}\u{3000}二三四五六七八九十一二三四五六七八九十一二三四五六七八\n\u{3000}\u{3000}九十。\n大家都很高兴一二三四五六七八九十一二三四五六七八九十一二\n\u{3000}\u{3000}三四五六七八九十。\n";
        let t = texts(wrapped);
        assert_eq!(t.len(), 4, "{t:?}");
        assert!(t[1].ends_with("三四五六七八九十。"), "{t:?}");
        let opening = wrapped
            .replace("\u{3000}\u{3000}", "")
            .replace("本报讯", "\u{3000}\u{3000}本报讯")
            .replace("\n村里", "\n\u{3000}\u{3000}村里")
            .replace("\n大家", "\n\u{3000}\u{3000}大家");
        let mut u = units(&opening);
        normalise(&mut u);
        assert_eq!(u.len(), 4, "{u:?}");
        assert!(u[1].indent && u[2].indent && u[3].indent, "{u:?}");
    }

    #[test]
    fn indents_open_paragraphs_on_indented_pages() {
        let page =
            "春风吹绿小山村\n\u{3000}\u{3000}村里修了一条路\n\u{3000}\u{3000}大家都很高兴。\n";
        let mut u = units(page);
        normalise(&mut u);
        assert!(!u[0].indent && u[1].indent && u[2].indent);
    }

    /// `lynx -dump -width=60` cuts a paragraph of an indented block anywhere (at a
    /// space, or where a run of characters no longer fits): its lines are one
    /// paragraph again; the page's list items and its flush-left heads stay apart.
    #[test]
    fn a_text_browsers_indented_blocks_are_paragraphs() {
        let page = "首页 | 要闻 | 民生\n\n     * 全县春播进度过半\n     * 山货进驻省城超市\n\n全县春播进度过半\n\n   本报讯（记者 公孙蔚然\n   乔木）记者从县农业农村局获悉，全县已完成春播面积十二万亩。\n\n   今年全县粮食播种面积稳定在二十二万亩以上，县里组织了五十个\n   农技服务小分队深入田间地头。\n\n山货进驻省城超市\n\n   本报讯 日前，二十余种山货正式进驻省城三家大型连锁超市。\n";
        let t = texts(page);
        assert!(
            t.contains(
                &"本报讯（记者 公孙蔚然乔木）记者从县农业农村局获悉，全县已完成春播面积十二万亩。"
                    .to_string()
            ),
            "{t:?}"
        );
        assert!(
            t.contains(&"今年全县粮食播种面积稳定在二十二万亩以上，县里组织了五十个农技服务小分队深入田间地头。".to_string()),
            "{t:?}"
        );
        assert!(t.contains(&"全县春播进度过半".to_string()), "{t:?}");
    }

    /// A byline's role word the browser cut from its name at the space between them
    /// goes on into the next line, though the line above is far from full.
    #[test]
    fn a_role_word_cut_at_its_space_goes_on() {
        let page = "首页 | 要闻 | 民生\n\n街心公园换上新座椅\n\n   \u{3000}\u{3000}本报讯（记者\n   杭雨桐）近日，街心公园的旧座椅全部换成了带靠背的新座椅，老人们歇脚更舒服了。\n\n   \u{3000}\u{3000}园林部门说，今年还将在公园里新增两处饮水点和一处儿童游乐区，方便市民。\n\n   \u{3000}\u{3000}附近居民纷纷点赞。\n";
        let t = texts(page);
        assert!(
            t.iter()
                .any(|l| l.starts_with("本报讯（记者") && l.contains("杭雨桐）近日")),
            "{t:?}"
        );
        assert!(!super::cut_in_brackets(
            "本报讯（记者 杭雨桐）",
            "近日，街心公园"
        ));
        assert!(!super::cut_in_brackets(
            "本报讯（记者",
            "近日，街心公园的旧座椅（新）"
        ));
    }

    /// A page without blank lines that indents every line holding a clause, a
    /// paragraph's first or not, reads as the same page without its indents: the
    /// indents set inside words (难 / 题, 盘 / 活, 贷 / 款, 厂 / 房) mark nothing.
    #[test]
    fn indents_inside_sentences_mark_nothing() {
        let plain = "县城扶持企业见实效\n本报记者 柴穑生\n去年县里建立“一企一专员”制度，企业遇到难\n题，专员第一时间上门。县里还盘\n活闲置厂房九万平方米，协调银行新增贷\n款四亿多元，还在县职教中心开设订单班。\n园区配套建设\n园区规划占地三平方公里，配套建设标准厂\n房和职工公寓，预计年底前首批企业投产。\n";
        let indented: String = plain
            .lines()
            .map(|l| {
                if l.contains(['，', '。']) {
                    format!("\u{3000}\u{3000}{l}\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        let mut u = units(&indented);
        super::drop_mid_sentence_indents(&mut u);
        assert!(u.iter().all(|u| !u.indent), "{u:?}");
        assert_eq!(texts(&indented), texts(plain));
        // Indents that open paragraphs, under finished lines and heads, stay.
        let page = "县城南部产业园开工\n\u{3000}\u{3000}一月十八日，县城南产业园五个首批项目同日开工。\n\u{3000}\u{3000}园区规划占地三平方公里，配套建设标准厂房。\n职工公寓年底建成\n\u{3000}\u{3000}公寓共六栋，预计年底前交付，首批企业投产。\n";
        let mut u = units(page);
        super::drop_mid_sentence_indents(&mut u);
        assert_eq!(u.iter().filter(|u| u.indent).count(), 3, "{u:?}");
        // Numbered intertitles that hold a comma, over paragraphs whose first word
        // reads on from the intertitle's last (`…新城建设` / `在新城…`: 设在; 作为), are heads,
        // narrower than the paragraph under them: the indents stay.
        let page = "县城建设迈出新步伐\n\u{3000}\u{3000}今年以来，县里围绕三条主线推动各项重点工作落地。\n一、抓好规划，加快新城建设\n\u{3000}\u{3000}在新城片区，十二个重点项目已全部开工，预计年底完工。\n二、聚焦民生，做实就业工作\n\u{3000}\u{3000}为帮助群众就近就业，今年举办招聘会二十场，新增就业三千人。\n三、完善配套，推进园区建设\n\u{3000}\u{3000}在产业园区，标准厂房和职工公寓同步建设，明年投产。\n";
        let mut u = units(page);
        super::drop_mid_sentence_indents(&mut u);
        assert_eq!(u.iter().filter(|u| u.indent).count(), 4, "{u:?}");
    }
}

//! Page furniture set aside: the passes that read each line (and each line a hard
//! wrap cut) with the rules of `print_furniture` and `web_chrome`, and a page's
//! masthead from its top.

use super::line::LINE_RULES_CAP;
use super::line::Line;
use super::print_furniture::has_credit_line;
use super::print_furniture::is_attribution;
use super::print_furniture::is_dated_issue;
use super::print_furniture::is_dated_page;
use super::print_furniture::is_latin_name;
use super::print_furniture::is_masthead_info;
use super::print_furniture::is_page_code;
use super::print_furniture::is_page_credit;
use super::print_furniture::is_page_name;
use super::print_furniture::is_page_number;
use super::print_furniture::is_running_head;
use super::print_furniture::is_section_name;
use super::print_furniture::is_serial_note;
use super::print_furniture::is_teaser;
use super::web_chrome::is_article_foot;
use super::web_chrome::is_channel_notice;
use super::web_chrome::is_web_chrome;
use super::web_chrome::pipes_and_table_rows;
use super::web_chrome::table_rows;
use super::wrap_width::Wrap;
use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::count_upto;
use crate::segment::classify::ends_sentence;
use crate::segment::classify::is_date_line;
use crate::segment::lexicon::lexicon;
use std::borrow::Cow;

/// Page furniture: running heads and mastheads at the top of a page, page numbers,
/// credits, attribution lines, web chrome, banners over runs of briefs or photos.
///
/// A masthead opens at the top of a page (or after a form feed) with the paper's
/// name alone, its Latin name or a running head, and goes on over the lines a
/// masthead holds: dates, weekdays, issue and serial numbers, the page number and
/// the section after it or before it (`pdftotext` prints each on its own line).
pub(super) fn mark_furniture(units: &mut [Unit<'_>], traditional: bool) {
    let lex = lexicon();
    // At the top of a page, before any text.
    let mut first = true;
    // Inside a masthead, opened by the paper's name (not a running head), and
    // right after its page number.
    let mut masthead = false;
    let mut by_name = false;
    let mut after_number = false;
    // The masthead has named its section (before its page code): the line after
    // the code is no second section but the page's first head.
    let mut named_section = false;
    // The section a running head names last (`沄州晚报　…　A09　读者来信`): the same
    // words alone right below it are the page's section banner, not a head.
    let mut section: Option<String> = None;
    // The short lines read since the page's top, none of them text (no sentence
    // in them): a date-and-issue line under them shows them the masthead's.
    let mut top_lines: Option<Vec<usize>> = Some(Vec::new());
    // The paper a running head at the page's top names before its date (`盏坪报
    // 2033年1月10日 第1版`, the `<title>` an HTML page's print keeps): that name
    // alone below it is the masthead's, whatever its ending.
    let mut headed_name: Option<String> = None;
    let (pipes, table) = pipes_and_table_rows(units);
    for (i, table_row) in table.into_iter().enumerate() {
        if units[i].page_break {
            top_lines = Some(Vec::new());
        }
        // The page code or number on the line below (`城事` / `A03`: a band printed
        // a field a line names the section before the page as often as after).
        let page_below = |units: &[Unit<'_>]| {
            units.get(i + 1).is_some_and(|n| {
                !n.page_break && (is_page_code(&n.text) || is_page_number(&n.text))
            })
        };
        // A paper's name the lexicon's endings do not know (`黎塬报`, `茆　山　报`: an
        // outlet's name, spaces not counted) at a page's top, right over the page's
        // date and number, opens the masthead as a known name does.
        let unknown_paper = (first || units[i].page_break)
            && units
                .get(i + 1)
                .is_some_and(|n| !n.page_break && is_dated_page(&Line::new(&n.text)))
            && lex.is_outlet_name(
                &units[i]
                    .text
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>(),
            );
        let section_above_page = masthead && page_below(units);
        let section_here = (after_number && !named_section) || section_above_page;
        let u = &mut units[i];
        // A converter's `#` on a line is a guess: a page number or page credit it
        // marked as a heading is still furniture.
        // Markup with nothing to read (a doctype a converter kept, a rule) is no
        // text: the page's top and its masthead go on past it.
        if u.markup == Markup::Noise {
            continue;
        }
        if u.markup != Markup::None {
            first = false;
            masthead = false;
            by_name = false;
            continue;
        }
        // A page in traditional characters is read folded to simplified ones.
        let folded = if traditional {
            crate::segment::traditional::fold(&u.text)
        } else {
            Cow::Borrowed(u.text.as_ref())
        };
        let text: &str = &folded;
        // Every rule here looks at lines of at most 120 characters, and asks them
        // for the same marks: the line is measured once, for all of them (its pipes
        // were counted for the table's rows, on the same text unless it was folded).
        let line = match &folded {
            Cow::Borrowed(_) => Line::with_pipes(text, pipes[i]),
            Cow::Owned(_) => Line::new(text),
        };
        let n = line.n;
        if let Some(name) = section.take()
            && text == name
        {
            u.markup = Markup::Furniture;
            u.level = 0;
            first = false;
            masthead = false;
            by_name = false;
            continue;
        }
        let at_top = first || u.page_break;
        let name = lex.is_paper_name(text)
            || is_latin_name(text)
            || unknown_paper
            || headed_name.as_deref() == Some(text);
        let named = name || is_running_head(&line);
        let opens = at_top && named;
        let goes_on = masthead
            && !u.page_break
            && (named
                || is_masthead_info(&line)
                || (by_name && is_date_line(text) && text.contains('年') && text.contains('日'))
                || is_page_number(text)
                || is_page_code(text)
                || (section_here && is_section_name(text)));
        if opens || goes_on || is_furniture_line(&line, table_row) {
            let dated_issue = is_dated_issue(&line);
            // The buttons under a web article end it.
            u.markup = if is_article_foot(text, n) {
                Markup::DocBreak
            } else {
                Markup::Furniture
            };
            u.level = 0;
            if opens && headed_name.is_none() && is_running_head(&line) {
                headed_name = text
                    .split(char::is_whitespace)
                    .next()
                    .filter(|p| {
                        (2..=10).contains(&p.chars().count()) && p.chars().all(crate::text::is_han)
                    })
                    .filter(|p| p.ends_with('报'))
                    .map(str::to_string);
            }
            if opens || goes_on {
                section = text
                    .split(char::is_whitespace)
                    .rfind(|p| !p.is_empty())
                    .filter(|p| {
                        (2..=8).contains(&p.chars().count()) && p.chars().all(crate::text::is_han)
                    })
                    .map(str::to_string);
            }
            masthead = opens || goes_on;
            by_name = masthead && (name || by_name);
            after_number = masthead && (is_page_number(text) || is_page_code(text));
            // (A weekday over the page code, `星期五` / `A03`, names no section.)
            named_section = goes_on
                && (named_section
                    || (section_above_page && is_section_name(text) && !is_masthead_info(&line)));
            first = first && masthead;
            if dated_issue && let Some(above) = top_lines.take() {
                for k in above {
                    units[k].markup = Markup::Furniture;
                    units[k].level = 0;
                }
            }
            continue;
        }
        let masthead_like = u.markup == Markup::None
            && n <= MASTHEAD_LINE_CHARS
            && !line.holds_any(&['。', '，', '；', '！', '？']);
        match top_lines.as_mut() {
            Some(above) if masthead_like && above.len() < MASTHEAD_LINES => above.push(i),
            _ => top_lines = None,
        }
        // Readers' comments and related links under a web article end it.
        let banner =
            lex.is_banner(text) || text.starts_with("网友评论") || text.starts_with("相关新闻");
        drop(folded);
        if banner && !heads_place_roundup(units, i, traditional) {
            let u = &mut units[i];
            u.markup = Markup::Banner;
            u.level = 0;
        }
        first = false;
        masthead = false;
        by_name = false;
    }
}

/// The most lines above a date-and-issue line at a page's top read as its
/// masthead, and the most characters each may hold.
const MASTHEAD_LINES: usize = 4;
const MASTHEAD_LINE_CHARS: usize = 30;

/// Lines read below a banner for a round-up of places (see [`heads_place_roundup`]).
const ROUNDUP_LINES: usize = 16;

/// The banner at `i` titles a round-up of places, one story: right below it a place
/// alone on its line (`乡镇动态` / `筼坪镇` / its news / `桤溪乡` / its news), and a
/// second place after text, each over text of its own. The places are the
/// round-up's intertitles, not the titles of briefs under a banner.
fn heads_place_roundup(units: &[Unit<'_>], i: usize, traditional: bool) -> bool {
    let lex = lexicon();
    let place = |u: &Unit<'_>| {
        let text = if traditional {
            crate::segment::traditional::fold(&u.text)
        } else {
            Cow::Borrowed(u.text.as_ref())
        };
        lex.is_place_label(&text)
    };
    let mut places = 0;
    let mut text_below = false;
    for u in units.iter().skip(i + 1).take(ROUNDUP_LINES) {
        if place(u) {
            if places > 0 && !text_below {
                return false;
            }
            places += 1;
            text_below = false;
        } else if places > 0 && count_upto(&u.text, 8) > 6 {
            text_below = true;
            if places >= 2 {
                return true;
            }
        } else {
            return false;
        }
    }
    false
}

/// A line of page furniture by its own words, wherever it stands: a page number,
/// the page's credits, a channel notice, an attribution line, web chrome, a teaser
/// (what [`mark_furniture`] sets aside without the page around it).
fn is_furniture_line(line: &Line<'_>, table_row: bool) -> bool {
    let text = line.text;
    is_page_number(text)
        || is_page_credit(text)
        || has_credit_line(line)
        || is_channel_notice(line)
        || is_attribution(text, line.n)
        || is_dated_issue(line)
        || is_page_name(line)
        || is_web_chrome(line, table_row)
        || is_teaser(line)
        || is_serial_note(text)
}

/// A row of a page printed with its columns side by side (all of its text, from its
/// first piece to its last) that is page furniture by its own words, wherever it
/// stands ([`is_furniture_line`]: a page number, the page's credits, an e-paper's
/// attribution line), or a running head (a paper's name or page with a date): a row
/// the columns' reader sets aside before it measures the page, so that the columns
/// run on across it.
pub(in crate::segment) fn is_furniture_row(text: &str) -> bool {
    let line = Line::new(text);
    is_furniture_line(&line, false) || is_running_head(&line)
}

/// A row of page furniture that heads or foots a page: a running head, the page's
/// name, number or credits, its date and issue. In a file of several pages with no
/// form feed between them, such a row between two pages' columns is where one page
/// ends and the next begins (`第1版　责任编辑：…` over `恒岳日报　…　第2版`), and the
/// columns do not run on across it.
pub(in crate::segment) fn is_page_edge_row(text: &str) -> bool {
    let line = Line::new(text);
    // An e-paper's attribution line names a paper, a date and a page too, but
    // where the piece over it appeared: it is set after each piece, heading no page.
    if is_attribution(text, line.n) {
        return false;
    }
    is_running_head(&line)
        || is_page_number(text)
        || is_page_credit(text)
        || has_credit_line(&line)
        || is_page_name(&line)
        || is_dated_issue(&line)
}

/// Furniture cut by a hard wrap: a line of a stamp, a credit or a bar of buttons
/// wider than the page's column is printed over two or more lines
/// (`2026-11-19　来源：某某日报　作者：某某　【字号：` / `大 中 小】`), and its pieces
/// are no furniture by their words alone. A line that fills the column (no
/// sentence in it) goes on in the line right under it; when the logical line so
/// joined is furniture, every piece of it is. A piece that is furniture alone (a
/// masthead's line) takes its tail with it only when the tail is no head and ends
/// where a blank line, furniture or the page's end follows: a head right under a
/// line of furniture as wide as the column is no tail.
pub(super) fn mark_cut_furniture(units: &mut [Unit<'_>], wrap: Option<Wrap>, traditional: bool) {
    let Some(wrap) = wrap else {
        return;
    };
    // A piece the width cut: it fills the column in the page's measure, or in
    // characters (a tool that cut every N characters leaves a line of narrow
    // digits short in cells on a page measured in cells).
    let cut = |u: &Unit<'_>| {
        let t: &str = &u.text;
        wrap.may_have_cut(t) && !t.contains(['。', '，']) && !ends_sentence(t)
    };
    // A piece furniture by its own words goes on a cut line too (`…激活乡村治理的` /
    // `文化资源（3版）`: the tail of a teaser cut by the width is a teaser alone).
    let goes_on = |u: &Unit<'_>| {
        matches!(u.markup, Markup::None | Markup::Furniture)
            && u.gap == 0
            && !u.page_break
            && !u.indent
            && u.level == 0
    };
    let mut table: Option<Vec<bool>> = None;
    let mut i = 0;
    while i < units.len() {
        let first = &units[i];
        if !matches!(first.markup, Markup::None | Markup::Furniture)
            || first.level > 0
            || !units.get(i + 1).is_some_and(goes_on)
            || !cut(first)
        {
            i += 1;
            continue;
        }
        let table = table.get_or_insert_with(|| table_rows(units));
        // Join the pieces while the one above was cut, up to the longest line a
        // furniture rule reads.
        let mut line = first.text.to_string();
        let mut end = i + 1;
        let mut found = None;
        while end < units.len() && goes_on(&units[end]) && cut(&units[end - 1]) {
            line.push_str(&units[end].text);
            end += 1;
            let folded = if traditional {
                crate::segment::traditional::fold(&line)
            } else {
                Cow::Borrowed(line.as_str())
            };
            let joined = Line::new(&folded);
            if joined.n >= LINE_RULES_CAP {
                break;
            }
            let row = table[i..end].iter().any(|&r| r);
            if is_furniture_line(&joined, row) {
                found = Some(is_article_foot(&folded, joined.n));
                break;
            }
        }
        // A tail taken by a piece that is furniture alone: it ends where a blank
        // line, furniture or the page's end follows, and it is no head (three
        // characters at most, no Han character (`08:30`), or a bracket closed that
        // it never opened).
        let tail = &units[end - 1].text;
        let no_head = count_upto(tail, 4) <= 3
            || !tail.chars().any(crate::text::is_han)
            || closes_unopened(tail);
        let ends_apart = units
            .get(end)
            .is_none_or(|u| u.gap > 0 || u.page_break || u.markup != Markup::None);
        let Some(foot) =
            found.filter(|_| units[i].markup == Markup::None || (ends_apart && no_head))
        else {
            i += 1;
            continue;
        };
        for (k, u) in units[i..end].iter_mut().enumerate() {
            if u.markup == Markup::None {
                u.markup = if foot && k == 0 {
                    Markup::DocBreak
                } else {
                    Markup::Furniture
                };
                u.level = 0;
            }
        }
        i = end;
    }
}

/// Digits alone under a line the width cut inside a figure (`篙湾区 簟纹街百草堂药房
/// (簟纹街41号) 0000-6620` / `131`, a telephone number run across the cut: see
/// [`Wrap::cut_figure_tail`]) are the figure's tail, no page number: furniture no
/// more, for the unwrap to join.
pub(super) fn unmark_cut_figures(units: &mut [Unit<'_>], wrap: Option<Wrap>) {
    let Some(wrap) = wrap else {
        return;
    };
    for i in 1..units.len() {
        let (above, here) = (&units[i - 1], &units[i]);
        if here.markup == Markup::Furniture
            && here.gap == 0
            && !here.page_break
            && !here.indent
            && above.markup == Markup::None
            && above.level == 0
            && wrap.cut_figure_tail(&above.text, &here.text)
        {
            units[i].markup = Markup::None;
        }
    }
}

/// `大 中 小】`: a line that closes a bracket it never opened (the tail of a line
/// cut inside the bracket).
fn closes_unopened(t: &str) -> bool {
    [('【', '】'), ('（', '）'), ('(', ')'), ('[', ']')]
        .iter()
        .any(|&(o, c)| t.matches(c).count() > t.matches(o).count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::blocks::units;
    use crate::segment::normalise::normalise;
    use crate::segment::normalise::tests::texts;

    /// A Word page printed by antiword: a masthead with its name spaced out and the
    /// paper's description under it, and `[pic]` where a photo was, are no heads.
    #[test]
    fn a_spaced_masthead_and_a_picture_placeholder_are_no_titles() {
        let page = "柳　塘　日　报\n\n中共柳塘县委机关报\n\n一九八五年三月二日　星期六\n\n县里建起第一座水电站\n\n本报记者　甘若愚\n\n　　本报讯　柳塘县第一座水电站日前建成发电。\n\n[pic]\n\n　　茅坪乡农民在田间春耕。图为农民驾驶拖拉机耕地。\n\n本报记者　宓秋　摄\n";
        let a = crate::segment::segment_issue(page, "k");
        let titles: Vec<&str> = a.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles[0], "县里建起第一座水电站", "{a:#?}");
        assert!(
            a.iter()
                .all(|a| !format!("{a:?}").contains("[pic]") && !a.kicker.contains("机关报")),
            "{a:#?}"
        );
        assert_eq!(
            a.last().map(|a| a.byline.as_str()),
            Some("本报记者　宓秋　摄")
        );
    }

    /// A tabloid's masthead printed a field a line: the page code (`B03`) and the
    /// section after it or before it are masthead, not heads; a short head right
    /// under the code, once the section was named, stays.
    #[test]
    fn a_page_code_and_section_in_a_masthead_are_furniture() {
        let page = "柳塘晚报\n2026年5月8日\n星期五\n文体\nB03\n球场新篮\n本报记者　甘若愚\n7日，县中学生篮球联赛开赛。\n";
        assert_eq!(
            texts(page),
            [
                "球场新篮",
                "本报记者　甘若愚",
                "7日，县中学生篮球联赛开赛。"
            ]
        );
        let page = "柳塘晚报　2026年5月8日　星期五\nB03\n文体\n县中学生篮球联赛开赛\n本报记者　甘若愚\n7日，县中学生篮球联赛开赛。\n";
        assert_eq!(
            texts(page),
            [
                "县中学生篮球联赛开赛",
                "本报记者　甘若愚",
                "7日，县中学生篮球联赛开赛。"
            ]
        );
    }

    /// A stamp or a credit line wider than a hard-wrapped page's column is set
    /// aside whole, its tail too; a head right under a full line of furniture stays.
    #[test]
    fn furniture_cut_by_the_width_is_set_aside_whole() {
        let body = "晚上十点驿站里亮着灯两位环卫工人刚干完活坐在桌边喝着热水给手\n".repeat(4);
        let page = format!(
            "2026年7月5日　星期日　　本版主编：苗一禾　　美编：闻嘉\n树\n\n冬夜里的暖心驿站\n\n2026-11-19　来源：澧川日报　作者：隗知春　【字号：\n大 中 小】\n\n{body}机充上电。\n\n{body}机充上电。\n"
        );
        let t = texts(&page);
        assert_eq!(t[0], "冬夜里的暖心驿站", "{t:?}");
        assert!(
            t[1].starts_with("晚上十点") && t[1].ends_with("机充上电。"),
            "{t:?}"
        );
        assert_eq!(t.len(), 3, "{t:?}");
        // The head under a full credit line, with its text right under it, is no
        // tail of the credit.
        let page = format!(
            "2026年7月5日　星期日　　本版主编：苗一禾　　美编：闻嘉\n夏夜听蝉\n{body}机充上电。\n{body}机充上电。\n"
        );
        let t = texts(&page);
        assert_eq!(t[0], "夏夜听蝉", "{t:?}");
    }

    /// A teaser cut by a hard wrap whose tail is a teaser alone (`文化资源（3版）`):
    /// the cut piece above it is set aside with it, and the head below keeps its
    /// words instead of being joined to the teaser's first piece.
    #[test]
    fn a_teaser_cut_by_the_width_goes_whole() {
        let body = "晚上十点驿站里亮着灯两位环卫工人刚干完活坐在桌边喝着热水给手\n".repeat(4);
        let page = format!(
            "今日导读：冬季“菜篮子”供应有保障（3版）　　激活乡村治理的\n文化资源（3版）\n各地多措并举保障\n冬季蔬菜供应\n{body}机充上电。\n"
        );
        let t = texts(&page);
        assert!(t.iter().all(|t| !t.contains("导读")), "{t:?}");
        assert!(t[0].starts_with("各地多措并举保障"), "{t:?}");
    }

    /// A web article's stamp cut by a hard wrap right inside its time
    /// (`…作者：记者 某某　2026-12-08 ` / `08:30`): the time is no head of its own.
    #[test]
    fn a_stamp_cut_inside_its_time_goes_whole() {
        // A tool cut every 30 characters, figures and all.
        let body = "晚上10点驿站里亮着灯两位环卫工人刚干完活坐在桌边喝着热水给\n".repeat(4);
        let page = format!(
            "杼城冬储菜价格总体平稳\n\n来源：潏川新闻网　作者：记者 郗一禾　2026-12-08 \n08:30\n\n{body}机充上电。\n"
        );
        let t = texts(&page);
        assert_eq!(t[0], "杼城冬储菜价格总体平稳", "{t:?}");
        assert!(t[1].starts_with("晚上10点"), "{t:?}");
    }

    #[test]
    fn furniture_is_set_aside() {
        let page = "九域日报　2025年10月20日　星期一\n\n12　民生\n\n小区充电桩何时能装上\n\n《九域日报》（2025年10月21日 第 05 版）\n\n正文一段。\n\n第 12 页\n\u{c}九域日报　2025年10月20日\n正文二段。\n\n本版责编：李四\n";
        assert_eq!(
            texts(page),
            ["小区充电桩何时能装上", "正文一段。", "正文二段。"]
        );
    }

    #[test]
    fn mastheads_credits_and_banners_are_furniture() {
        // A front page's masthead: name, Latin name, date, issue numbers.
        let page = "华衡日报\n\nHUAHENG RIBAO\n\n2025年12月4日　星期四　　乙巳年十月十五\n\n今日16版　　第28761号　　国内统一连续出版物号 CN 00-0158\n\n全国冬春农田水利建设全面展开\n\n正文一段。\n";
        assert_eq!(texts(page), ["全国冬春农田水利建设全面展开", "正文一段。"]);
        // `pdftotext` prints the head band one item a line, the section after the page.
        let page = "华衡日报\n2025年12月6日\n星期六\n5\n经济·民生\n民生调查\n小菜篮 大民生\n";
        assert_eq!(texts(page), ["民生调查", "小菜篮 大民生"]);
        // A running head opens no masthead for a timeline's date or a label below it.
        let page = "九域日报　2025年10月20日　星期一\n12　民生\n今日关注\n1950年1月6日\n";
        assert_eq!(texts(page), ["今日关注", "1950年1月6日"]);
        // Teasers naming a page by number or by a tabloid's page code.
        let page =
            "正文一段。\n3版　楝城港：老港区的新航线\n▶B01　楝城男篮主场迎战芦岭队\n正文二段。\n";
        assert_eq!(texts(page), ["正文一段。", "正文二段。"]);
        // … or by the page in brackets after the head; a jump marker stays.
        let page = "正文一段。\n■　让文物在博物馆里“活”起来（第九版）\n高铁春运客流创新高（详见A04版）\n春耕备耕正当时（下转第二版）\n";
        assert_eq!(texts(page), ["正文一段。", "春耕备耕正当时（下转第二版）"]);
        // The section a running head names, alone right below it.
        let page = "沄州晚报　2026年3月11日　星期三　A09　读者来信
读者来信
小区门口的“断头路”何时能通？
";
        assert_eq!(texts(page), ["小区门口的“断头路”何时能通？"]);
        let page = "岑阳晚报　2025年12月7日　星期日　A02\n地铁1号线首通段本月28日开通\n";
        assert_eq!(texts(page), ["地铁1号线首通段本月28日开通"]);
        // Credits anywhere in a line, the paper's channel notice, a banner.
        let page = "今日导读\n第二版　我国新能源汽车年产量突破千万辆\n民生实事“回头看”　4版\n第五版是重点\n";
        assert_eq!(texts(page), ["今日导读", "第五版是重点"]);
        let page = "正文一段。\n澄川日报社出版　　第7版　　责任编辑：孟溪\n扫码关注“岑阳晚报”微信公众号　新闻热线：0000-6123456\n简　讯\n开展校对工作的同志说，很好。\n";
        let mut u = units(page);
        normalise(&mut u);
        let kept: Vec<(&str, Markup)> = u.iter().map(|u| (u.text.as_ref(), u.markup)).collect();
        assert_eq!(
            kept,
            [
                ("正文一段。", Markup::None),
                (
                    "澄川日报社出版　　第7版　　责任编辑：孟溪",
                    Markup::Furniture
                ),
                (
                    "扫码关注“岑阳晚报”微信公众号　新闻热线：0000-6123456",
                    Markup::Furniture
                ),
                ("简　讯", Markup::Banner),
                ("开展校对工作的同志说，很好。", Markup::None),
            ]
        );
    }
}

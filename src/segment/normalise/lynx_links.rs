//! A web page as `lynx -dump` prints it: its link lists are furniture, and a
//! numbered link over running text of its own heads that text.

use crate::segment::blocks::DraftField;
use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::blocks::trim;
use crate::segment::classify::count_upto;
use crate::segment::classify::ends_sentence;
use std::borrow::Cow;

/// `[14]潕川启动冬季“送温暖”活动` over `全省各级工会筹集资金…。`: a link that `lynx
/// -dump` numbered, over running text of its own rather than in a list of links, is
/// the title of that text (a channel page's brief): its link number is no text.
///
/// A text browser prints every head of a web edition twice: in the page's list of
/// its titles (`* [6]秸秆还田让黑土地更肥`, `* 秸秆还田让黑土地更肥` without link
/// numbers) and over its article, linked or not. A line the list names is a title
/// too when text of its own follows. Between the head and its text may stand a
/// subtitle (a short line flush left, as the browser prints a heading, over text it
/// indents), or a photo's alt text (a short line indented as the text under a head
/// flush left): the one is the head's subtitle, the other no text.
pub(super) fn read_linked_heads(units: &mut [Unit<'_>]) {
    // The texts of the page's bulleted list items, by where they stand.
    let listed: Vec<(usize, String)> = units
        .iter()
        .enumerate()
        .filter_map(|(k, u)| list_entry(&u.text).map(|e| (k, e.to_string())))
        .collect();
    // The heads read, by where they stand.
    let mut heads: Vec<(usize, String)> = Vec::new();
    for i in 0..units.len().saturating_sub(1) {
        let u = &units[i];
        if u.text.starts_with(['*', '+', '-', '•', '·']) || u.bullet.is_some() {
            continue;
        }
        let head: String = match u.markup {
            Markup::Furniture => {
                let Some(head) = link_text(&u.text) else {
                    continue;
                };
                // (In a list of links, the link right above is one too.)
                if i > 0 && u.gap == 0 && is_link_list_line(&units[i - 1].text) {
                    continue;
                }
                head.to_string()
            }
            // A line the page's list named before, a block of its own (a text
            // browser sets a blank line around each heading).
            Markup::None if u.level == 0 && u.gap > 0 => {
                let t = trim(&u.text);
                if !listed.iter().any(|(k, e)| *k < i && e == t) {
                    continue;
                }
                if i > 0 && u.gap == 0 && list_entry(&units[i - 1].text).is_some() {
                    continue;
                }
                t.to_string()
            }
            _ => continue,
        };
        if !(4..=40).contains(&count_upto(&head, 41))
            || !opens_with_han(&head)
            || head.contains(['[', ']', '|', '。'])
        {
            continue;
        }
        // (Page furniture between, a running head after a page break, is no text;
        // the next link of a list is where the search stops.)
        let significant = |from: usize| {
            (from..units.len()).find(|&k| {
                let u = &units[k];
                !matches!(u.markup, Markup::Furniture | Markup::Noise) || is_link_list_line(&u.text)
            })
        };
        // Short lines between: at most two that are no byline (a subtitle, an alt
        // text), and bylines (at most four lines in all).
        let mut between = Vec::new();
        let mut unsigned = 0usize;
        let mut next = significant(i + 1);
        while let Some(n) = next
            && between.len() < 4
            && is_short_line(&units[n])
        {
            if !is_signature(&units[n].text) {
                if unsigned == 2 {
                    break;
                }
                unsigned += 1;
            }
            between.push(n);
            next = significant(n + 1);
        }
        let Some(n) = next else {
            continue;
        };
        let text = &units[n];
        if !(text.markup == Markup::None
            && count_upto(&text.text, 11) > 10
            && ends_sentence(without_credit(&text.text))
            && !text.text.contains('['))
        {
            continue;
        }
        let head_flush = !units[i].indent;
        let text_indented = text.indent;
        let text_depth = text.indent_width;
        // A subtitle comes first, before any byline or alt text.
        let mut first = true;
        let mut after_byline = false;
        for &k in &between {
            let b = &units[k];
            if is_signature(&b.text) {
                after_byline = true;
                first = false;
                continue;
            }
            // (Only as a text browser prints them: blocks between blank lines, or
            // a photo's alt text right under a byline.)
            if head_flush && text_indented && (b.gap > 0 || after_byline) && units[n].gap > 0 {
                // A heading is set less deep than the paragraphs under it (flush
                // left, or `<h3>` two spaces in); an alt text as deep as they are.
                let heading = !b.indent || (b.indent_width > 0 && b.indent_width < text_depth);
                units[k].markup = if first && heading && b.gap > 0 {
                    Markup::Field(DraftField::Subtitle)
                } else if !heading {
                    Markup::Furniture
                } else {
                    first = false;
                    continue;
                };
            }
            first = false;
        }
        heads.push((i, head.clone()));
        units[i].text = Cow::Owned(head);
        // A link's words are the title of the page it leads to.
        units[i].markup = Markup::Title;
    }
    // `* 县里新修一座大桥` (`lynx -dump -nolist`: no link numbers): a list whose every
    // item names a head read below is the page's list of its titles, no text.
    let mut titles_list = vec![false; units.len()];
    let names_head = |k: usize, entry: &str| heads.iter().any(|(i, h)| *i > k && h == entry);
    let mut run_start = 0usize;
    while run_start < listed.len() {
        // A run of items one after another.
        let mut end = run_start + 1;
        while end < listed.len() && listed[end].0 == listed[end - 1].0 + 1 {
            end += 1;
        }
        let run = &listed[run_start..end];
        if run.iter().all(|(k, e)| names_head(*k, e)) {
            for (k, _) in run {
                titles_list[*k] = true;
                if units[*k].markup == Markup::None {
                    units[*k].markup = Markup::Furniture;
                }
            }
        }
        run_start = end;
    }
    // `今日要闻` right over `* [4]县里新修一座大桥` (at most a blank line between): the
    // label of a list of links, no head of any text.
    for i in 1..units.len() {
        let t: &str = &units[i].text;
        let linked_item = (t.starts_with(['*', '•']) && is_link_list_line(t)) || titles_list[i];
        let label = &units[i - 1];
        if linked_item
            && units[i].gap <= 1
            && label.markup == Markup::None
            && (2..=12).contains(&count_upto(&label.text, 13))
            && !label.text.contains(['。', '，', '；', '！', '？'])
            && (i < 2 || units[i - 1].gap > 0)
        {
            units[i - 1].markup = Markup::Furniture;
        }
    }
}

/// `…等问题。（韦叙白）` -> `…等问题。`: a paragraph without the credit in
/// brackets a brief's last sentence is signed with.
fn without_credit(t: &str) -> &str {
    let Some(open) = t
        .strip_suffix('）')
        .and_then(|r| r.rfind('（'))
        .or_else(|| t.strip_suffix(')').and_then(|r| r.rfind('(')))
    else {
        return t;
    };
    let inner = &t[open..];
    if count_upto(inner, 25) > 24 {
        return t;
    }
    trim(&t[..open])
}

/// `[14]潕川启动冬季“送温暖”活动` -> `潕川启动冬季“送温暖”活动`: the words of a
/// link `lynx` numbered, alone on its line.
fn link_text(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('[')?;
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    rest[digits..].strip_prefix(']').map(trim)
}

/// `* [6]秸秆还田让黑土地更肥`, `* 秸秆还田让黑土地更肥`, `• 秸秆还田让黑土地更肥`:
/// the text of an item of a bulleted list, with or without its link number.
fn list_entry(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(['*', '•', '·'])?;
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = trim(rest);
    let entry = link_text(rest).unwrap_or(rest);
    // `县里新修一座大桥 2029-04-06`, `… (04-06)`: a listed head's posting date is
    // no word of it.
    Some(match entry.rsplit_once(char::is_whitespace) {
        Some((head, date))
            if date.contains(|c: char| c.is_ascii_digit())
                && date
                    .chars()
                    .all(|c| c.is_ascii_digit() || "-/.:()（）".contains(c)) =>
        {
            trim(head)
        }
        _ => entry,
    })
}

/// `本报记者 葛青禾`, `——本报评论员`: a byline or a writer's name between a head
/// and its text.
fn is_signature(t: &str) -> bool {
    crate::segment::classify::is_byline_line(t)
        || crate::segment::classify::is_name_line(t)
        || t.starts_with("——")
}

/// A head opens with a Chinese character, or with a quotation or title mark
/// before one (`“蘅川山货”进驻省城超市`, `《条例》今起施行`).
fn opens_with_han(head: &str) -> bool {
    let mut cs = head.chars();
    match cs.next() {
        Some(c) if crate::text::is_han(c) => true,
        Some('“' | '‘' | '《' | '「' | '『') => cs.next().is_some_and(crate::text::is_han),
        _ => false,
    }
}

/// A short line of no sentence and no link between a head and its text: a
/// subtitle, a photo's alt text, a byline.
fn is_short_line(u: &Unit<'_>) -> bool {
    u.is_unmarked()
        && !u.text.contains('[')
        && !ends_sentence(&u.text)
        && !u.text.contains('。')
        && (2..=40).contains(&count_upto(&u.text, 41))
}

/// A line of a list of links as `lynx -dump` prints a web page: it opens with a
/// link number (`[1]华衡网`, `* [14]岑阳：…`, `[34][IMG]`), or it is the page's
/// `References` list (`References`, `3. https://…`). The articles' own text never
/// opens with a link number.
pub(super) fn is_link_list_line(text: &str) -> bool {
    if text == "References" {
        return true;
    }
    let t = text.trim_start_matches(['*', '+', '-', '·', '•', ' ']);
    // (`[logo.gif] [1]青岚网 [2]新闻`: a picture without an alt text before the links.)
    let t = t
        .strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .filter(|(name, _)| super::web_chrome::is_image_file(name))
        .map_or(t, |(_, rest)| rest.trim_start());
    let numbered = |t: &str, open: &str, close: char| {
        t.strip_prefix(open).is_some_and(|rest| {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && rest[digits..].starts_with(close)
        })
    };
    if numbered(t, "[", ']') {
        return true;
    }
    // `3. https://…`
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && {
        let rest = crate::segment::blocks::trim(t[digits..].strip_prefix('.').unwrap_or(""));
        rest.starts_with("http://") || rest.starts_with("https://") || is_uri(rest)
    }
}

/// `mailto:szb@example.com`, `file:///tmp/a.html`, `ftp://…`: one token (no space
/// in it) opening with a scheme of Latin letters and a colon: a link's target.
fn is_uri(t: &str) -> bool {
    let scheme = t.bytes().take_while(u8::is_ascii_lowercase).count();
    (3..=10).contains(&scheme)
        && t.as_bytes().get(scheme) == Some(&b':')
        && t.len() > scheme + 1
        && !t.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use crate::segment::normalise::tests::texts;

    /// A numbered link over text of its own heads that text; a list of links stays
    /// furniture.
    /// A brief signed with its reporter in brackets after its last sentence is
    /// running text all the same: the numbered link over it is its head.
    #[test]
    fn a_numbered_link_over_a_signed_brief_is_its_head() {
        let page = "[7]把养老服务送进社区\n\n   市政协委员 阚星野\n\n   “社区嵌入式养老”是我这次提案的重点，比建一座大养老院更实用。\n\n[8]市纪委监委公布今年纠治“四风”重点\n\n   1月5日，市纪委监委召开新闻通气会，公布今年纠治“四风”工作的六项重点。（韦叙白）\n\nReferences\n\n   7. http://szb.example/content_3.htm\n   8. http://szb.example/content_4.htm\n   9. mailto:szb@example.com\n";
        let articles = crate::segment::segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["把养老服务送进社区", "市纪委监委公布今年纠治“四风”重点"],
            "{articles:#?}"
        );
    }

    #[test]
    fn a_numbered_link_over_its_text_is_a_head() {
        let page = "[1]潕川新闻网\n快讯\n[14]潕川启动冬季“送温暖”活动\n全省各级工会筹集资金三千余万元，走访慰问困难职工。\n[15]菰湖观鸟季开幕\n首届菰湖观鸟季3日开幕，持续至明年2月。\n[16]关于我们\n";
        let articles = crate::segment::segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["潕川启动冬季“送温暖”活动", "菰湖观鸟季开幕"],
            "{articles:#?}"
        );
        let list = "[1]华衡网\n[14]岑阳：老工业区变身文创园\n[15]华衡：新能源汽车产量再创新高\n正文一段，说的是别的事。\n";
        assert!(texts(list).iter().all(|t| !t.contains("新能源汽车产量")));
        // A list under a label: its first link is no head of the text after the list.
        let labelled = "相关阅读\n[14]岑阳：老工业区变身文创园\n[15]华衡：新能源汽车产量再创新高\n正文一段，说的是别的事情。\n";
        let articles = crate::segment::segment_issue(labelled, "p");
        assert!(
            articles
                .iter()
                .all(|a| !a.title.contains("文创园") && !a.title.contains("新能源")),
            "{articles:#?}"
        );
    }

    /// `lynx -dump` of a web edition: each head is listed at the top and printed again
    /// over its article, linked or not; a flush-left subtitle under it is its subtitle,
    /// an indented alt text no text, and the list stays furniture.
    #[test]
    fn a_listed_head_over_a_subtitle_or_an_alt_text_is_a_head() {
        let page = "[1]首页 | [2]要闻\n\n     * [6]秸秆还田让黑土地更肥\n     * [7]果树修剪培训班开课\n     * [8]“蘅川山货”进驻省城超市\n\n[9]秸秆还田让黑土地更肥\n\n全县推广面积达到二十万亩\n\n   本报讯（记者 俞青峦）入秋以来，全县各乡镇组织农机手开展秸秆粉碎还田作业。\n\n果树修剪培训班开课\n\n   农机手在田间作业\n\n   本报讯（通讯员 庞溪月）近日，县果树站在石桥镇举办果树冬季修剪培训班。\n\n[10]“蘅川山货”进驻省城超市\n\n   本报讯 日前，二十余种山货正式进驻省城三家大型连锁超市。\n\nReferences\n\n   1. file:///\n";
        let articles = crate::segment::segment_issue(page, "p");
        let heads: Vec<(&str, &str)> = articles
            .iter()
            .map(|a| (a.title.as_str(), a.subtitle.as_str()))
            .collect();
        assert_eq!(
            heads,
            [
                ("秸秆还田让黑土地更肥", "全县推广面积达到二十万亩"),
                ("果树修剪培训班开课", ""),
                ("“蘅川山货”进驻省城超市", "")
            ],
            "{articles:#?}"
        );
        assert!(
            articles
                .iter()
                .all(|a| a.paragraphs.iter().all(|p| !p.contains("农机手在田间作业"))),
            "{articles:#?}"
        );
        // A label over the list is no head; a listed head's date is no word of it.
        let dated = page
            .replace("\n     * [6]", "\n   今日要闻\n     * [6]")
            .replace(
                "果树修剪培训班开课\n     *",
                "果树修剪培训班开课 2029-04-06\n     *",
            );
        let again: Vec<(String, String)> = crate::segment::segment_issue(&dated, "p")
            .into_iter()
            .map(|a| (a.kicker, a.title))
            .collect();
        assert_eq!(
            again,
            [
                (String::new(), "秸秆还田让黑土地更肥".to_string()),
                (String::new(), "果树修剪培训班开课".to_string()),
                (String::new(), "“蘅川山货”进驻省城超市".to_string())
            ]
        );
    }

    /// `lynx -dump -nolist` of a web edition: the list of titles (no link numbers)
    /// and its label are no text; an `<h3>` subtitle set two spaces in over text set
    /// three is the head's subtitle, a byline stays, and a photo's alt text right
    /// under the byline (set as deep as the text, and short enough that no wrap cut
    /// it from the byline) or on its own under it (as deep as a text whose own
    /// `　　` is no indent of the browser's) is no text.
    #[test]
    fn a_nolist_edition_reads_its_heads_subtitles_and_alt_texts() {
        let page = "   [logo.gif] [1]首页 [2]要闻\n\n本版导读\n\n     * 茶园里的“数字管家”\n     * 石门村办起了村晚 2031-03-14\n\n茶园里的“数字管家”\n\n  智能监测设备覆盖全县八成茶园\n\n   记者 濮云岫\n   茶农查看手机上的茶园数据\n\n   本报讯（记者 濮云岫）近年来，县里在茶园安装了四百多套智能\n   监测设备，茶农通过手机就能掌握茶园的实时情况。\n\n   今年全县茶叶产量预计增长一成以上。\n\n石门村办起了村晚\n\n   通讯员 栾可馨\n\n   村民在台上表演\n\n   \u{3000}\u{3000}锣鼓声响彻山谷。3月8日晚，石门村第一届村晚在村文化广场开演。\n";
        let articles = crate::segment::segment_issue(page, "p");
        let heads: Vec<(&str, &str, &str, &str)> = articles
            .iter()
            .map(|a| {
                (
                    a.kicker.as_str(),
                    a.title.as_str(),
                    a.subtitle.as_str(),
                    a.byline.as_str(),
                )
            })
            .collect();
        assert_eq!(
            heads,
            [
                (
                    "",
                    "茶园里的“数字管家”",
                    "智能监测设备覆盖全县八成茶园",
                    "记者 濮云岫"
                ),
                ("", "石门村办起了村晚", "", "通讯员 栾可馨")
            ],
            "{articles:#?}"
        );
        assert!(
            articles[0].paragraphs[0].starts_with("本报讯")
                && articles[0].paragraphs[0].ends_with("实时情况。")
                && articles.iter().all(|a| a
                    .paragraphs
                    .iter()
                    .all(|p| !p.contains("茶农查看") && !p.contains("台上表演"))),
            "{articles:#?}"
        );
    }

    #[test]
    fn lynx_link_lists_are_furniture() {
        let page = "[1]华衡网\n* [14]岑阳：老工业区变身文创园\n[34][IMG]\n岑阳：老工业区变身文创园\n正文[5]一段。\nReferences\n1. https://www.huaheng.example/\n14. https://e.example/1.html\n";
        assert_eq!(texts(page), ["岑阳：老工业区变身文创园", "正文[5]一段。"]);
    }
}

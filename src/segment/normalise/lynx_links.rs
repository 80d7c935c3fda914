//! A web page as `lynx -dump` prints it: its link lists are furniture, and a
//! numbered link over running text of its own heads that text.

use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::blocks::trim;
use crate::segment::classify::count_upto;
use crate::segment::classify::ends_sentence;
use std::borrow::Cow;

/// `[14]潕川启动冬季“送温暖”活动` over `全省各级工会筹集资金…。`: a link that `lynx
/// -dump` numbered, over running text of its own rather than in a list of links, is
/// the title of that text (a channel page's brief): its link number is no text.
pub(super) fn read_linked_heads(units: &mut [Unit<'_>]) {
    for i in 0..units.len().saturating_sub(1) {
        if units[i].markup != Markup::Furniture || units[i].text.starts_with(['*', '+', '-']) {
            continue;
        }
        let Some(rest) = units[i].text.strip_prefix('[') else {
            continue;
        };
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let Some(head) = rest[digits..].strip_prefix(']') else {
            continue;
        };
        let head = trim(head);
        // (Page furniture between, a running head after a page break, is no text;
        // the next link of a list is where the search stops.)
        let Some(next) = units[i + 1..].iter().find(|u| {
            !matches!(u.markup, Markup::Furniture | Markup::Noise) || is_link_list_line(&u.text)
        }) else {
            continue;
        };
        let text_below = next.markup == Markup::None
            && count_upto(&next.text, 11) > 10
            && ends_sentence(&next.text)
            && !next.text.contains('[');
        // (In a list of links, the link above is one too.)
        let listed = i > 0 && is_link_list_line(&units[i - 1].text);
        if digits > 0
            && text_below
            && !listed
            && (4..=40).contains(&count_upto(head, 41))
            && head.chars().next().is_some_and(crate::text::is_han)
            && !head.contains(['[', ']', '|', '。'])
        {
            let head = head.to_string();
            units[i].text = Cow::Owned(head);
            // A link's words are the title of the page it leads to.
            units[i].markup = Markup::Title;
        }
    }
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
        rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("file:")
    }
}

#[cfg(test)]
mod tests {
    use crate::segment::normalise::tests::texts;

    /// A numbered link over text of its own heads that text; a list of links stays
    /// furniture.
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

    #[test]
    fn lynx_link_lists_are_furniture() {
        let page = "[1]华衡网\n* [14]岑阳：老工业区变身文创园\n[34][IMG]\n岑阳：老工业区变身文创园\n正文[5]一段。\nReferences\n1. https://www.huaheng.example/\n14. https://e.example/1.html\n";
        assert_eq!(texts(page), ["岑阳：老工业区变身文创园", "正文[5]一段。"]);
    }
}

//! Banners over runs: a short line over marked items or over signed comments.

use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::count_upto;
use crate::segment::classify::is_byline_line;
use crate::segment::classify::is_name_line;

/// `简明新闻` over `△栎原市今春新栽行道树…。` / `△滍阳县文化馆举办…。` / `△省邮电部门…。`:
/// a short line over three or more paragraphs that each open with the same mark (a
/// geometric shape or symbol, as a page sets off its briefs, or a list's bullet,
/// `- `), or with numbers counting up from one (`1.…。` / `2.…。` / `3.…。`, each a
/// finished sentence: a numbered list of titles is none), is the banner over the
/// run; each item is an article of its own. (Two marked lines under a label,
/// `数据` / `■…` / `■…`, may be one box of figures: no run; nor is a byline over a
/// story's marked points a banner.) Page furniture set in among the items after
/// the first (a page's foot and the next page's running head, where a page break
/// fell inside the run) is passed over: it breaks no run.
pub(super) fn mark_marked_runs(units: &mut [Unit<'_>]) {
    for i in 0..units.len().saturating_sub(3) {
        // The run's first three items: the first right under the line, page
        // furniture set in among the items after it (a page's foot and the next
        // page's running head, where a page break fell inside the run) passed over.
        // (Furniture right under the line, an attribution line, says the line is an
        // article's title.)
        let first = &units[i + 1];
        let mut rest = units[i + 2..]
            .iter()
            .filter(|u| u.markup != Markup::Furniture);
        let (Some(second), Some(third)) = (rest.next(), rest.next()) else {
            break;
        };
        let head = &units[i];
        let short = head.markup == Markup::None
            && count_upto(&head.text, 9) <= 8
            && head.text.chars().next().is_some_and(crate::text::is_han)
            && !head.text.contains(['，', '。', '：', ':', '—'])
            // (A byline over a story's marked points heads no run.)
            && !is_byline_line(&head.text)
            && !is_name_line(&head.text);
        let run = match item_mark(first) {
            Some(ItemMark::Mark(m)) => [second, third]
                .iter()
                .all(|u| item_mark(u) == Some(ItemMark::Mark(m))),
            Some(ItemMark::Number(1, m)) => [second, third]
                .iter()
                .zip(2..)
                .all(|(u, n)| item_mark(u) == Some(ItemMark::Number(n, m))),
            _ => false,
        };
        if short && run {
            units[i].markup = Markup::Banner;
            units[i].level = 0;
        }
    }
}

/// How an item of a run is set off.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ItemMark {
    /// A mark or a bullet.
    Mark(char),
    /// A number (one or two digits, ASCII or full-width) and the point or comma after it.
    Number(u32, char),
}

/// How the paragraph `u` (longer than a head) is set off as an item, if it is.
fn item_mark(u: &Unit<'_>) -> Option<ItemMark> {
    if u.markup != Markup::None || count_upto(&u.text, 13) <= 12 {
        return None;
    }
    let text: &str = &u.text;
    let mut chars = text.chars();
    let first = chars.next()?;
    if is_item_mark(first) {
        return Some(ItemMark::Mark(first));
    }
    // A list's bullet: `- `, `* `, `+ `, `• ` before the text.
    if matches!(first, '-' | '*' | '+' | '•') && chars.next().is_some_and(char::is_whitespace) {
        return Some(ItemMark::Mark('-'));
    }
    let mut value = 0;
    let mut rest = text.chars().peekable();
    let mut digits = 0;
    while let Some(d) = rest.peek().copied().and_then(crate::text::digit_value) {
        // (Only one or two digits number an item: a phone number or a date
        // opening a paragraph is counted, not added up.)
        if digits < 2 {
            value = value * 10 + d;
        }
        digits += 1;
        rest.next();
    }
    let point = rest.next().filter(|c| matches!(c, '.' | '．' | '、'))?;
    ((1..=2).contains(&digits)
        && rest.next().is_some_and(crate::text::is_han)
        && crate::segment::classify::ends_sentence(text))
    .then_some(ItemMark::Number(value, point))
}

/// A mark that sets off an item (`△`, `▲`, `◆`, `●`, `■`, `★`, `※`): a geometric
/// shape, a dingbat or a reference mark, never a letter, a figure or a quote.
fn is_item_mark(c: char) -> bool {
    matches!(c, '\u{25A0}'..='\u{25FF}' | '\u{2600}'..='\u{27BF}' | '※')
}

/// `读者热评` over comments each signed on a line of its own (`——沄川读者　钱晓芸`):
/// a short line over two or more signed paragraphs is the banner over the run, part
/// of none of them.
pub(super) fn mark_comment_banners(units: &mut [Unit<'_>]) {
    let signature = |u: &Unit<'_>| {
        u.markup == Markup::None
            && u.text.starts_with("——")
            && count_upto(&u.text, 25) <= 24
            && !u.text.contains(['，', '。'])
    };
    let comment =
        |u: &Unit<'_>| u.markup == Markup::None && !signature(u) && count_upto(&u.text, 21) > 20;
    for i in 0..units.len().saturating_sub(4) {
        let head = &units[i];
        let short = head.markup == Markup::None
            && count_upto(&head.text, 9) <= 8
            && !head.text.contains(['，', '。', '：', ':', '—']);
        if short
            && comment(&units[i + 1])
            && signature(&units[i + 2])
            && comment(&units[i + 3])
            && signature(&units[i + 4])
        {
            units[i].markup = Markup::Banner;
            units[i].level = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::blocks::units;
    use crate::segment::normalise::normalise;

    #[test]
    fn a_short_line_over_signed_comments_is_their_banner() {
        let page = "读者热评\n小区加装电梯，最难的是邻居之间的协调，需要多一些耐心。\n——沄川读者　钱晓芸\n基层减负，关键是把不必要的报表、会议减下来。\n——禹甸网网友　“老街口”\n";
        let mut u = units(page);
        normalise(&mut u);
        assert_eq!(u[0].markup, Markup::Banner);
        assert!(u[1..].iter().all(|u| u.markup == Markup::None));
    }

    /// A short line over three paragraphs that each open with the same mark is a
    /// banner, and each marked paragraph is an item of its own; two are no run.
    #[test]
    fn marked_paragraphs_under_a_line_are_items() {
        let story = "滍阳县乡镇企业产值翻番\n本报通讯员　郤宝山\n本报讯　滍阳县乡镇企业发展迅速，今年一至四月完成产值一亿元。\n";
        let page = format!(
            "{story}简明新闻\n△栎原市今春新栽行道树一万株，城区绿化覆盖率达到百分之二十六。\n△滍阳县文化馆举办农民书画展，展出作品一百二十余件。\n△省邮电部门在峿山林区新设邮电所三处，方便山区群众通信。\n"
        );
        let articles = crate::segment::segment_issue(&page, "p");
        assert_eq!(articles.len(), 4, "{articles:#?}");
        assert_eq!(articles[0].paragraphs.len(), 1, "{articles:#?}");
        assert!(articles[2].paragraphs[0].starts_with("△滍阳县文化馆"));
        let page = format!(
            "{story}简明新闻\n△栎原市今春新栽行道树一万株，城区绿化覆盖率达到百分之二十六。\n△滍阳县文化馆举办农民书画展，展出作品一百二十余件。\n"
        );
        let mut u = units(&page);
        normalise(&mut u);
        assert!(u.iter().all(|u| u.markup != Markup::Banner), "{u:#?}");
        // Numbers counting up from one, each over a finished sentence, and a
        // list's bullets, set off items too; numbered titles do not.
        let numbered = format!(
            "{story}一句话新闻\n1.省政府日前印发通知，明年1月起简化企业开办手续。\n2.省生态环境厅通报，11月全省地表水国控断面水质均达到或优于Ⅱ类。\n3.崟山摩崖石刻保护工程近日通过验收。\n"
        );
        let articles = crate::segment::segment_issue(&numbered, "p");
        assert_eq!(articles.len(), 4, "{articles:#?}");
        assert!(articles[3].title.is_empty() && articles[3].paragraphs[0].starts_with("3.崟山"));
        let bullets = format!(
            "{story}便民信息\n-   榉州市平价蔬菜直销点本周新增五处。\n-   11月20日至22日，榉州市区部分路段停水。\n-   市民政局提醒，冬季困难群众可申请临时救助。\n"
        );
        assert_eq!(crate::segment::segment_issue(&bullets, "p").len(), 4);
        let titles = "便民提示\n1.枨州至崟北新区城际铁路开工建设\n2.省图书馆冬季开放时间调整\n3.城区部分公交线路临时绕行\n";
        let mut u = units(titles);
        normalise(&mut u);
        assert!(u.iter().all(|u| u.markup != Markup::Banner), "{u:#?}");
        // A paragraph opening with a long run of digits (a phone number, a
        // stamp) numbers no item, and is read without overflowing.
        let ads = "分类广告\n13812345678 王先生，出售二手自行车一辆，九成新，价格面议。\n2026120512345 号房源出租，两室一厅，拎包入住，月租一千元。\n99999999999999999999. 招聘店员两名，包吃住，待遇从优。\n";
        let mut u = units(ads);
        normalise(&mut u);
        assert!(u.iter().all(|u| u.markup != Markup::Banner), "{u:#?}");
        assert_eq!(crate::segment::segment_issue(ads, "p").len(), 1);
        // A page's foot and the next page's running head set in among the items
        // (a page break fell inside the run) break no run.
        let broken = format!(
            "{story}简明新闻\n△栎原市今春新栽行道树一万株，城区绿化覆盖率达到百分之二十六。\n第 1 页\n\x0c晋北日报  2025年3月5日  要闻\n△滍阳县文化馆举办农民书画展，展出作品一百二十余件。\n△省邮电部门在峿山林区新设邮电所三处，方便山区群众通信。\n"
        );
        let articles = crate::segment::segment_issue(&broken, "p");
        assert_eq!(articles.len(), 4, "{articles:#?}");
        assert!(
            articles[3].paragraphs[0].starts_with("△省邮电部门"),
            "{articles:#?}"
        );
        // A byline over a story's three marked points is no banner.
        let points = "三项举措温暖独居老人\n本报记者 郗明\n■社区为独居老人安装一键呼叫器，老人按下按钮即可求助。\n■网格员每周上门走访一次，记录老人的身体状况。\n■志愿者结对陪伴，节假日陪老人吃一顿团圆饭。\n";
        let mut u = units(points);
        normalise(&mut u);
        assert!(u.iter().all(|u| u.markup != Markup::Banner), "{u:#?}");
    }
}

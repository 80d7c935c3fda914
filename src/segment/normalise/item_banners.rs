//! Banners over runs: a short line over marked items or over signed comments.

use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::count_upto;
use crate::segment::classify::is_byline;
use crate::segment::classify::is_name_line;

/// `简明新闻` over `△栎原市今春新栽行道树…。` / `△滍阳县文化馆举办…。` / `△省邮电部门…。`:
/// a short line over three or more paragraphs that each open with the same mark (a
/// geometric shape or symbol, as a page sets off its briefs) is the banner over the
/// run; each marked paragraph is an item of its own. (Two marked lines under a
/// label, `数据` / `■…` / `■…`, may be one box of figures: no run; nor is a byline
/// over a story's marked points a banner.)
pub(super) fn mark_marked_runs(units: &mut [Unit<'_>]) {
    let mark = |u: &Unit<'_>| {
        (u.markup == Markup::None && count_upto(&u.text, 13) > 12)
            .then(|| u.text.chars().next())
            .flatten()
            .filter(|&c| is_item_mark(c))
    };
    for i in 0..units.len().saturating_sub(3) {
        let head = &units[i];
        let short = head.markup == Markup::None
            && count_upto(&head.text, 9) <= 8
            && head.text.chars().next().is_some_and(crate::text::is_han)
            && !head.text.contains(['，', '。', '：', ':', '—'])
            // (A byline over a story's marked points heads no run.)
            && !is_byline(&head.text, count_upto(&head.text, 81))
            && !is_name_line(&head.text);
        let first = mark(&units[i + 1]);
        if short && first.is_some() && (i + 2..=i + 3).all(|k| mark(&units[k]) == first) {
            units[i].markup = Markup::Banner;
            units[i].level = 0;
        }
    }
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
        // A byline over a story's three marked points is no banner.
        let points = "三项举措温暖独居老人\n本报记者 郗明\n■社区为独居老人安装一键呼叫器，老人按下按钮即可求助。\n■网格员每周上门走访一次，记录老人的身体状况。\n■志愿者结对陪伴，节假日陪老人吃一顿团圆饭。\n";
        let mut u = units(points);
        normalise(&mut u);
        assert!(u.iter().all(|u| u.markup != Markup::Banner), "{u:#?}");
    }
}

//! A boxed item's text printed between a lead's head and its `——` subtitle. A
//! PDF printed block by block (`pdftotext` without `-layout`) prints the blocks
//! at the top of the page by height: the lead's kicker, the head of a box set
//! beside the lead, the lead's title (set large, so lower), then the box's text,
//! then the lead's `——` subtitle and its byline, the box's last lines sometimes
//! between the two:
//!
//! ```text
//! 供暖首周走访            (the lead's kicker)
//! 供暖报修怎么找          (the box's head)
//! 老小区的暖气热起来了    (the lead's title)
//! 居民家中暖气不热……。    (the box's text)
//! ——枨州市老旧供热管网改造见闻
//! 晚报记者 琚丹青 禚小川
//! 12月1日傍晚，……         (the lead's text)
//! ```
//!
//! A subtitle stands right under its title; a byline right under it opens the
//! story's text. Text between a stack of three heads or more and such a subtitle
//! (with a byline under it and the story's text right under that) is no part of
//! either: it is the text of a head of the stack set beside them, the one
//! printed right before the last (the title over the subtitle, set large, is
//! printed after a head at the same top), or the last when it names the text and
//! the one before it does not (a box's head printed below the title). That head
//! and the text (with any text printed between the subtitle and the byline) are
//! moved above the stack, where they read as an item of their own before the
//! lead's kicker, title, subtitle and byline.
//!
//! A second box may be printed between the byline and the lead's text: a head
//! and one whole paragraph it names, the lead's text right under them. It is
//! moved above the stack too, after the first.

use super::blocks::Unit;
use super::classify::{Class, Role};
use super::rehome::{keys, mark_moved_heads, names_some, naming, order_after_moves, permute};

/// The rule `articles --explain` shows for the moved box head.
const MOVED: &str = "head: a box's head printed in a lead's head stack, its text between the lead's title and `——` subtitle, or a box printed between the lead's byline and text (moved above the stack with its text)";

/// Most paragraphs a box's text printed between a title and its subtitle holds.
const MAX_BOX_TEXT: usize = 4;

/// Whether the unit is a `——` subtitle.
fn dash_subtitle(unit: &Unit<'_>, class: &Class) -> bool {
    class.role == Role::Subtitle && unit.text.starts_with("——")
}

/// The box's head, its text and the stack's first unit, when the subtitle at `s`
/// is printed under a box's text under a stack of heads, and over a byline (text
/// of the box, at most `MAX_BOX_TEXT` paragraphs in all, between them).
fn boxed_at(units: &[Unit<'_>], classes: &[Class], s: usize) -> Option<Boxed> {
    let role = |k: usize| classes[k].role;
    // Back over the box's text, to the stack.
    let mut text = Vec::new();
    let mut k = s;
    while k > 0 && matches!(role(k - 1), Role::Body | Role::Noise) {
        k -= 1;
        if role(k) == Role::Body {
            text.push(k);
        }
    }
    if text.is_empty() || !classes[text[0]].complete {
        return None;
    }
    let mut heads = Vec::new();
    while k > 0 && matches!(role(k - 1), Role::Head | Role::Noise) {
        k -= 1;
        if role(k) == Role::Head {
            heads.push(k);
        }
    }
    // (Both lists were gathered bottom up.)
    if heads.len() < 3 {
        return None;
    }
    text.reverse();
    heads.reverse();
    let first = heads[0];
    // The title is set large, so printed after a box's head at the same top: the
    // head right before the last is the box's, unless the last names the box's
    // text and that one does not (a box's head printed below the title).
    let said: Vec<char> = text
        .iter()
        .flat_map(|&t| keys(&units[t].text, 200))
        .collect();
    let naming_it = |h: usize| names_some(naming(&keys(&units[h].text, 40), &said));
    let (last, before) = (heads[heads.len() - 1], heads[heads.len() - 2]);
    let boxed = if naming_it(last) && !naming_it(before) {
        last
    } else {
        before
    };
    // On under the subtitle: the box's last lines, then the lead's byline.
    let mut k = s + 1;
    let mut rest = Vec::new();
    while k < classes.len() && matches!(role(k), Role::Body | Role::Noise) {
        if role(k) == Role::Body {
            rest.push(k);
        }
        k += 1;
    }
    if k >= classes.len() || role(k) != Role::Byline {
        return None;
    }
    // The lead's text opens under its byline, or under a second box printed
    // between the two (another item there leaves the lead's text elsewhere: not
    // read here).
    let next = |from: usize| super::assemble::next_significant(classes, from);
    let second = match next(k + 1) {
        Some(b) if role(b) == Role::Body => None,
        Some(h) => Some(second_box(units, classes, h)?),
        None => return None,
    };
    if rest.last().is_some_and(|&r| !classes[r].complete) {
        return None;
    }
    text.extend(rest);
    (text.len() <= MAX_BOX_TEXT).then_some(Boxed {
        head: boxed,
        text,
        first,
        second,
    })
}

/// A box printed between a lead's byline and its text: a head at `h`, a whole
/// paragraph right under it that the head names, and the lead's text right
/// under that. The box's head and paragraph.
fn second_box(units: &[Unit<'_>], classes: &[Class], h: usize) -> Option<(usize, usize)> {
    let role = |k: usize| classes[k].role;
    let next = |from: usize| super::assemble::next_significant(classes, from);
    if role(h) != Role::Head {
        return None;
    }
    let t = next(h + 1).filter(|&t| role(t) == Role::Body && classes[t].complete)?;
    next(t + 1).filter(|&b| role(b) == Role::Body)?;
    let said: Vec<char> = keys(&units[t].text, 200);
    names_some(naming(&keys(&units[h].text, 40), &said)).then_some((h, t))
}

/// A box found in a lead's head stack: its head, its text, the stack's first
/// unit, and a second box printed between the lead's byline and its text.
struct Boxed {
    head: usize,
    text: Vec<usize>,
    first: usize,
    second: Option<(usize, usize)>,
}

/// Move each box's head and text printed in a lead's head stack (see the module
/// docs) above the stack. (Never asked of a page printed side by side, see
/// [`super::rehome::side_by_side`].)
pub fn unbox_heads(units: &mut Vec<Unit<'_>>, classes: &mut Vec<Class>) {
    let subtitles: Vec<usize> = (0..units.len())
        .filter(|&s| dash_subtitle(&units[s], &classes[s]))
        .collect();
    if subtitles.is_empty() {
        return;
    }
    let mut moved = vec![false; units.len()];
    let mut above: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for s in subtitles {
        let Some(Boxed {
            head,
            text,
            first,
            second,
        }) = boxed_at(units, classes, s)
        else {
            continue;
        };
        let mut items = vec![head];
        items.extend(text);
        items.extend(second.into_iter().flat_map(|(h, t)| [h, t]));
        if items.iter().any(|&t| moved[t]) {
            continue;
        }
        for t in items {
            above[first].push(t);
            moved[t] = true;
        }
    }
    if !moved.contains(&true) {
        return;
    }
    let order = order_after_moves(above.iter().map(Vec::as_slice), &moved);
    mark_moved_heads(classes, &moved, MOVED);
    permute(units, &order);
    permute(classes, &order);
}

#[cfg(test)]
mod tests {
    use crate::segment::segment_issue;

    /// Gold of a tiny page: the lead's kicker, the box's head and the lead's title
    /// printed together, the box's text, the lead's subtitle, a last line of the
    /// box, the lead's byline and text.
    const PAGE: &str = "供暖首周走访\n\n供暖报修怎么找\n\n老小区的暖气热起来了\n\n\
        居民家中暖气不热、漏水，可拨打所在区供热服务热线，也可在线报修。\n\n\
        ——枨州市老旧供热管网改造见闻\n\n\
        报修后二十四小时内，维修人员会联系上门。\n\n\
        晚报记者 琚丹青 禚小川\n\n\
        12月1日傍晚，椑门区纺机厂宿舍的退休职工邴桂芝把温度计挂在客厅墙上，看着红色液柱一点点升到二十一度。\n\n\
        纺机厂宿舍建于上世纪八十年代，供热管道埋在地下快四十年，跑冒滴漏是常事。\n";

    #[test]
    fn a_box_printed_in_a_leads_head_stack_is_an_item_of_its_own() {
        let articles = segment_issue(PAGE, "枨州晚报_2026-12-02_A02");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["供暖报修怎么找", "老小区的暖气热起来了"]);
        let boxed = &articles[0];
        assert_eq!(boxed.paragraphs.len(), 2, "{boxed:?}");
        assert!(boxed.paragraphs[1].starts_with("报修后"), "{boxed:?}");
        let lead = &articles[1];
        assert_eq!(lead.kicker, "供暖首周走访");
        assert_eq!(lead.subtitle, "——枨州市老旧供热管网改造见闻");
        assert_eq!(lead.byline, "晚报记者 琚丹青 禚小川");
        assert_eq!(lead.paragraphs.len(), 2, "{lead:?}");
        assert!(lead.paragraphs[0].starts_with("12月1日傍晚"), "{lead:?}");
    }

    #[test]
    fn a_box_head_printed_below_the_title_is_told_by_its_text() {
        // The kicker, the lead's title, then the box's head, which its text names.
        let page = "老城更新系列报道之三\n\n老街巷里的“微更新”\n\n琮湖公园新增两处观鸟屋\n\n\
            琮湖公园近日在湖西湿地新建两处观鸟屋，市民可近距离观察水鸟。\n\n\
            ——瑨州市檀溪区老城片区改造见闻\n\n本报记者 葛遥岑 叶知非\n\n\
            初秋的清晨，檀溪区老城片区的青石板路还带着露水，门前新铺的石板平平整整。\n\n\
            檀溪区老城片区有街巷43条，住着居民3000多户，不少房子是上世纪五六十年代建的。\n";
        let articles = segment_issue(page, "瑨州日报_2026-09-09_第5版");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["琮湖公园新增两处观鸟屋", "老街巷里的“微更新”"]);
        assert_eq!(articles[1].kicker, "老城更新系列报道之三");
        assert_eq!(articles[1].byline, "本报记者 葛遥岑 叶知非");
    }

    #[test]
    fn a_second_box_between_the_byline_and_the_text_is_an_item_of_its_own() {
        // The stack, the first box's text, the subtitle, the byline, then a second
        // box (a head and a paragraph it names) over the lead's text.
        let page = "老城更新系列报道之三\n\n老街巷里的“微更新”\n\n琮湖公园新增两处观鸟屋\n\n\
            琮湖公园近日在湖西湿地新建两处观鸟屋，市民可近距离观察水鸟。\n\n\
            ——瑨州市檀溪区老城片区改造见闻\n\n本报记者 葛遥岑 叶知非\n\n\
            筠坊区新开三家社区食堂\n\n\
            筠坊区近日新开三家社区食堂，为辖区老年人提供午餐和晚餐。（葛遥岑）\n\n\
            初秋的清晨，檀溪区老城片区的青石板路还带着露水，门前新铺的石板平平整整。\n\n\
            檀溪区老城片区有街巷43条，住着居民3000多户，不少房子是上世纪五六十年代建的。\n";
        let articles = segment_issue(page, "瑨州日报_2026-09-09_第5版");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "琮湖公园新增两处观鸟屋",
                "筠坊区新开三家社区食堂",
                "老街巷里的“微更新”"
            ]
        );
        assert_eq!(articles[1].paragraphs.len(), 1, "{:?}", articles[1]);
        let lead = &articles[2];
        assert_eq!(lead.kicker, "老城更新系列报道之三");
        assert_eq!(lead.subtitle, "——瑨州市檀溪区老城片区改造见闻");
        assert_eq!(lead.byline, "本报记者 葛遥岑 叶知非");
        assert_eq!(lead.paragraphs.len(), 2, "{lead:?}");
        assert!(lead.paragraphs[0].starts_with("初秋的清晨"), "{lead:?}");
    }

    #[test]
    fn a_stack_of_two_heads_is_left_as_printed() {
        // Two heads only: a kicker and a title over a text, a subtitle further on
        // (no box beside them to tell).
        let page = PAGE.replacen("供暖报修怎么找\n\n", "", 1);
        let articles = segment_issue(&page, "枨州晚报_2026-12-02_A02");
        assert!(
            !articles.iter().any(|a| a.title == "供暖报修怎么找"),
            "{articles:?}"
        );
    }
}

//! The kind of an assembled article.

use super::assemble::Draft;
use super::classify::{count_upto, is_question_label};
use crate::article::Kind;

/// Longest single paragraph that makes a titled item a brief.
const BRIEF_CHARS: usize = 160;

/// Decide the kind of one draft from its shape and wording.
pub fn kind_of(d: &Draft) -> Kind {
    if d.caption {
        return Kind::Photo;
    }
    if d.date_item {
        return Kind::Timeline;
    }
    if d.title.is_empty() && d.kicker.is_empty() && !d.dateline {
        return Kind::Continuation;
    }
    if d.jump_in && d.title.is_empty() {
        return Kind::Continuation;
    }
    let heads_contain = |w: &str| {
        [&d.kicker, &d.title, &d.subtitle]
            .iter()
            .any(|h| h.contains(w))
    };
    if ["公告", "启事", "通告", "声明", "讣告", "通知"]
        .iter()
        .any(|w| d.title.contains(w))
    {
        return Kind::Notice;
    }
    if heads_contain("问答")
        || (d.title.ends_with('？') || d.title.ends_with('?'))
            && (d.title.starts_with(|c: char| c.is_ascii_digit()) || is_question_label(&d.title))
    {
        return Kind::Qa;
    }
    let qa_lines = d
        .paragraphs
        .iter()
        .filter(|p| p.starts_with("问：") || p.starts_with("问:") || p.starts_with("记者："))
        .count();
    if qa_lines >= 2 {
        return Kind::Qa;
    }
    if d.byline.contains("评论员")
        || d.byline.contains("评论部")
        || ["评论", "社论", "时评", "短评", "论坛"]
            .iter()
            .any(|w| d.kicker.contains(w))
    {
        return Kind::Commentary;
    }
    if ["简讯", "快讯", "速览", "一句话新闻", "要闻"]
        .iter()
        .any(|w| heads_contain(w))
    {
        return Kind::Brief;
    }
    // A titled item of one short paragraph (a reporter's dispatch is news however short).
    let mut body = d
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| !d.intertitles.contains(i))
        .map(|(_, p)| p);
    if !d.title.is_empty()
        && !d.byline.contains("记者")
        && let (Some(only), None) = (body.next(), body.next())
        && count_upto(only, BRIEF_CHARS) <= BRIEF_CHARS
    {
        return Kind::Brief;
    }
    // A roundup: several short labels, each over a short item.
    let labels = d
        .intertitles
        .iter()
        .filter(|&&i| d.paragraphs.get(i).is_some_and(|p| count_upto(p, 9) <= 8))
        .count();
    if labels >= 2 && labels * 2 >= d.intertitles.len() {
        return Kind::Brief;
    }
    if !d.subtitle.is_empty() || d.intertitles.len() >= 2 {
        return Kind::Feature;
    }
    Kind::News
}

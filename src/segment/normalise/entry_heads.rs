//! A reference book's entries: a page whose paragraphs open, again and again, with
//! a bracketed head glued to running text (a yearbook's `【概况】2025年，全县…`).

use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;

/// Fewest such paragraphs that make a page of entries: a story's one or two
/// bracketed labels stay its text.
const LEAST_ENTRIES: usize = 4;

/// The bracketed head a paragraph opens with, and the text after it (`【概况】2025
/// 年，…`): two to twelve Han characters, no dateline (`【本报讯】`) and no place (a
/// roundup's `【桂坪区】5月31日，…` opens a dispatch of one story), then running text.
fn entry(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('【')?;
    let close = rest.find('】')?;
    let (head, body) = (&rest[..close], &rest[close + '】'.len_utf8()..]);
    let running = body.contains(['，', '。']) && body.chars().nth(8).is_some();
    ((2..=12).contains(&head.chars().count())
        && running
        && head.chars().all(crate::text::is_han)
        && crate::segment::classify::dateline(text).is_none()
        && !crate::segment::lexicon::lexicon().ends_like_place(head))
    .then_some((head, body))
}

/// On a page of entries, each entry's bracketed head becomes a run-in head (a unit
/// of its own, on the same line) over its text. An entry's head names it once: a
/// bracketed label the page repeats (`【市民诉求】` … `【办理结果】` under each letter,
/// `【评语】` under each piece) is a field of a recurring form and stays text.
pub(super) fn split_entry_heads(units: &mut Vec<Unit<'_>>) {
    const OPEN: usize = '【'.len_utf8();
    // The units that open an entry and their head's length in bytes, each read once
    // (nothing is kept, or allocated, for a page without bracketed heads).
    let found: Vec<(usize, usize)> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.markup == Markup::None)
        .filter_map(|(k, u)| entry(&u.text).map(|(head, _)| (k, head.len())))
        .collect();
    if found.len() < LEAST_ENTRIES {
        return;
    }
    let head_of = |k: usize, len: usize| &units[k].text[OPEN..OPEN + len];
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &(k, len) in &found {
        *counts.entry(head_of(k, len)).or_default() += 1;
    }
    // The heads that name one entry each.
    let once: Vec<(usize, usize)> = found
        .iter()
        .copied()
        .filter(|&(k, len)| counts[head_of(k, len)] == 1)
        .collect();
    if once.len() < LEAST_ENTRIES {
        return;
    }
    let mut out = Vec::with_capacity(units.len() + once.len());
    let mut next = once.into_iter().peekable();
    for (k, u) in units.drain(..).enumerate() {
        let Some((_, len)) = next.next_if(|&(at, _)| at == k) else {
            out.push(u);
            continue;
        };
        let head = u.text[OPEN..OPEN + len].to_string();
        let body = u.text[OPEN + len + '】'.len_utf8()..].to_string();
        out.extend(super::split_on_its_line(u, head, Markup::RunIn, body));
    }
    *units = out;
}

#[cfg(test)]
mod tests {
    use crate::segment::segment_issue;

    /// A yearbook's page: each bracketed head opening a paragraph titles an entry,
    /// the paragraphs after it without one are the entry's; a roundup's bracketed
    /// places and a bracketed dateline open no entry, and three bracketed heads make
    /// no page of entries.
    #[test]
    fn bracketed_heads_opening_paragraphs_again_and_again_are_entries() {
        let page = "农业农村\n　　【概况】2025年，全县实现农林牧渔业总产值八十六点四亿元，比上年增长百分之四点一。\n　　【粮食生产】2025年，全县粮食播种面积五十二点三万亩，连续九年保持稳定。\n　　推广水稻集中育秧和机插秧，早稻机插率达到百分之六十二。\n　　【高标准农田建设】全年新建高标准农田三点二万亩，改造提升一点五万亩。\n　　【农业品牌】“蒟溪米粉”获地理标志证明商标，全县“三品一标”农产品达到六十四个。\n";
        let a = segment_issue(page, "k");
        let titles: Vec<&str> = a.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["概况", "粮食生产", "高标准农田建设", "农业品牌"],
            "{a:#?}"
        );
        assert_eq!(a[1].paragraphs.len(), 2, "{a:#?}");
        assert!(a[0].paragraphs[0].starts_with("2025年，全县实现"), "{a:#?}");
        for text in [
            "【桂坪区】5月31日，桂坪区首个收购点开秤，当天收购小麦八十吨。",
            "【本报讯】5月31日，全市首个夏粮收购点开秤，当天收购小麦八十吨。",
            "【概况】全县概况",
        ] {
            assert!(super::entry(text).is_none(), "{text}");
        }
        // Labels of a recurring form, repeated under each item, are no entries.
        let form = "〔热线回音〕\n\n小区门口的路灯不亮了\n\n　【市民诉求】桐阶区筠竹小区北门外的三盏路灯已经坏了半个多月，出入很不安全。\n\n　【办理结果】城管局派人核查，9月9日已更换线路，三盏路灯全部恢复照明。\n\n校车停靠点能否挪一挪\n\n　【市民诉求】檀溪区石榴巷小学的校车停靠点设在路口旁，家长很担心。\n\n　【办理结果】区教育局会同交警实地查看，已将停靠点移到校门东侧。\n";
        let mut u = crate::segment::blocks::units(form);
        let before = u.len();
        super::split_entry_heads(&mut u);
        assert_eq!(u.len(), before);
        // Three bracketed labels are no page of entries: nothing is split.
        let few = page.replace("【农业品牌】", "");
        let mut u = crate::segment::blocks::units(&few);
        let before = u.len();
        super::split_entry_heads(&mut u);
        assert_eq!(u.len(), before);
    }
}

//! The marks a text browser or a converter prints around an HTML page's heads,
//! read from the page itself and turned into heading levels, as a converter's
//! Markdown `#` marks are read:
//!
//! - a heading tag's name before the line (`h2 标题`, `h3 ——副题`: `h` and the
//!   level's figure, 1 to 6, as a browser's dump of the page's source names it),
//!   when two or more lines of the page open with such names;
//! - a frame of one mark repeated on both sides (`***** 标题 *****`), when two or
//!   more lines of the page are so framed: the more marks, the higher the head
//!   (the page's most marks are level 1);
//! - a link's braces around a whole head (`h2 {标题}`: the head was a link).
//!
//! A page with only one such line keeps it as printed: one mark is no habit.
//!
//! A converter that guessed Markdown heads from the print's short lines (`### h2
//! 标题`, `### ***** 标题 *****`) put its `#` over the print's own mark: the print's
//! mark is read there too, and its level stands (the print knew the tag; the
//! converter guessed from the line's shape).

use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use std::borrow::Cow;

/// Heads marked by their tag's name or framed in marks (see the module), read as
/// heads of their levels without the marks.
pub(super) fn read_print_heads(units: &mut [Unit<'_>]) {
    let mut named = 0usize;
    let mut framed = 0usize;
    let mut most = 0usize;
    for u in units.iter() {
        if u.markup != Markup::None {
            continue;
        }
        if tag_named(&u.text).is_some() {
            named += 1;
        } else if let Some((marks, _)) = framed_head(&u.text) {
            framed += 1;
            most = most.max(marks);
        }
    }
    if named < 2 && framed < 2 {
        return;
    }
    for u in units.iter_mut() {
        if u.markup != Markup::None {
            continue;
        }
        let (level, at, len) = if named >= 2
            && let Some((level, at)) = tag_named(&u.text)
        {
            (level, at, u.text.len() - at)
        } else if framed >= 2
            && let Some((marks, (at, len))) = framed_head(&u.text)
        {
            ((1 + most - marks).min(6) as u8, at, len)
        } else {
            continue;
        };
        let inner = &u.text[at..at + len];
        // `{标题}`: the head was a link, the braces a browser's.
        let (at, len) = match inner.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
            Some(core) if !core.is_empty() && !core.contains(['{', '}']) => (at + 1, len - 2),
            _ => (at, len),
        };
        u.text = match std::mem::take(&mut u.text) {
            Cow::Borrowed(s) => Cow::Borrowed(&s[at..at + len]),
            Cow::Owned(s) => Cow::Owned(s[at..at + len].to_string()),
        };
        u.level = level;
    }
}

/// `h2 标题` -> (2, where `标题` starts): a heading's tag name, `h` and its level
/// (1 to 6), a space, then a head (not empty, no ASCII word). Another tag's name
/// (`a1 要闻`, an index's page numbers) names no heading.
fn tag_named(text: &str) -> Option<(u8, usize)> {
    let b = text.as_bytes();
    let level = *b.get(1)?;
    if b[0] != b'h' || !(b'1'..=b'6').contains(&level) || *b.get(2)? != b' ' {
        return None;
    }
    let at = 3;
    let rest = &text[at..];
    let first = rest.chars().next()?;
    (!first.is_ascii_alphanumeric() && !first.is_whitespace()).then_some((level - b'0', at))
}

/// `***** 标题 *****` -> (5, (where `标题` starts, its length)): three or more of
/// one ASCII mark, a space, a head, a space and as many of the same mark.
fn framed_head(text: &str) -> Option<(usize, (usize, usize))> {
    let b = text.as_bytes();
    let mark = *b.first()?;
    if !matches!(mark, b'*' | b'=' | b'~' | b'+') {
        return None;
    }
    let marks = b.iter().take_while(|&&c| c == mark).count();
    if marks < 3 || b.len() < 2 * marks + 3 {
        return None;
    }
    let tail = b.iter().rev().take_while(|&&c| c == mark).count();
    if tail != marks || b[marks] != b' ' || b[b.len() - marks - 1] != b' ' {
        return None;
    }
    let inner = crate::segment::blocks::trim(&text[marks..text.len() - marks]);
    if inner.is_empty() || inner.contains(mark as char) {
        return None;
    }
    let at = text.find(inner)?;
    Some((marks, (at, inner.len())))
}

#[cfg(test)]
mod tests {
    use crate::segment::segment_issue;

    fn heads(page: &str) -> Vec<(String, String, String)> {
        segment_issue(page, "p")
            .into_iter()
            .map(|a| (a.kicker, a.title, a.subtitle))
            .collect()
    }

    /// A text browser's dump names each head's tag (`h2 `) and prints a linked
    /// head in braces: the heads are read as Markdown heads are, without the marks.
    #[test]
    fn heads_named_by_their_tags_are_heads_without_the_names() {
        let page = "{首页} | {下一版}\n\nh3 重点项目巡礼\n\nh2 {城际铁路铺轨贯通}\n\nh3 ——预计十月开通运营\n\n本报记者 韦叙白\n\n1月4日上午，最后一组长轨落位，城际铁路的铺轨全部完成。\n\nh2 {全省用电负荷创冬季新高}\n\n本报讯（记者 谌若溪）受寒潮影响，1月3日晚间全省用电负荷创冬季历史新高。\n";
        let got = heads(page);
        let titles: Vec<&str> = got.iter().map(|h| h.1.as_str()).collect();
        assert_eq!(
            titles,
            ["城际铁路铺轨贯通", "全省用电负荷创冬季新高"],
            "{got:?}"
        );
        assert_eq!(got[0].0, "重点项目巡礼");
        assert_eq!(got[0].2, "——预计十月开通运营");
    }

    /// A converter frames each head in asterisks, more of them the higher the
    /// head, and prints no blank line: each framed head opens its article.
    #[test]
    fn heads_framed_in_marks_are_heads_without_the_frames() {
        let page = "****** 盈溪日报 ******\n***** 湄滨路以东14日停水 *****\n因输水管道更新工程，1月14日8时至22时，湄滨路以东停止供水。\n请附近居民事先存好水。\n**** 更正 ****\n本报1月11日第2版一文中，“九百个”应为“一千零五十个”。特此更正。\n*** 征集启事 ***\n***** 老照片征集活动启动 *****\n为记录城市变迁，市档案馆向市民征集老照片。\n";
        let got = heads(page);
        let titles: Vec<&str> = got.iter().map(|h| h.1.as_str()).collect();
        assert_eq!(
            titles,
            ["湄滨路以东14日停水", "更正", "老照片征集活动启动"],
            "{got:?}"
        );
        assert_eq!(got[2].0, "征集启事");
    }

    /// A converter's Markdown: a linked head is its link's text, an italic byline
    /// a byline, a picture's `![…](…)` no head.
    #[test]
    fn a_linked_markdown_head_is_its_text_and_an_image_no_head() {
        let page = "#### 寻访老字号\n\n## [四代人守着一间剪刀铺](content_1.htm)\n\n_本报记者 隗朝夕_\n\n在盥溪区棣华街的拐角，有一间不到二十平方米的铺子。\n\n店主冼师傅今年六十三岁，是这门手艺的第四代传人。\n\n## [文物展与市民见面](content_2.htm)\n\n本报讯（记者 芮晚汀）文物展1月12日起在市博物馆展出。\n\n![图片](pic4.jpg)\n\n市博物馆展出的宋代石碑拓片。\n\n本报记者 韦叙白 摄\n";
        let articles = segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles[..2],
            ["四代人守着一间剪刀铺", "文物展与市民见面"],
            "{articles:#?}"
        );
        assert_eq!(articles[0].kicker, "寻访老字号");
        assert_eq!(articles[0].byline, "本报记者 隗朝夕");
        assert!(
            articles
                .iter()
                .all(|a| !a.title.contains("pic4")
                    && !a.paragraphs.iter().any(|p| p.contains("pic4"))),
            "{articles:#?}"
        );
    }

    /// A converter guessed Markdown heads from the print's short lines and put its
    /// `#` over the print's own marks (`### h2 {标题}`, `### ***** 标题 *****`):
    /// the heads are read without either mark.
    #[test]
    fn a_converters_mark_over_a_prints_mark_leaves_the_head_without_both() {
        let page = "### h3 重点项目巡礼\n\n### h2 {城际铁路铺轨贯通}\n\n### 本报记者 韦叙白\n\n1月4日上午，最后一组长轨落位，城际铁路的铺轨全部完成。\n\n## h2 {全省用电负荷创冬季新高}\n\n本报讯（记者 谌若溪）受寒潮影响，1月3日晚间全省用电负荷创冬季历史新高。\n";
        let titles: Vec<String> = heads(page).into_iter().map(|h| h.1).collect();
        assert_eq!(titles, ["城际铁路铺轨贯通", "全省用电负荷创冬季新高"]);
        let page = "### ***** 湄滨路以东14日停水 *****\n\n因输水管道更新工程，1月14日8时至22时，湄滨路以东停止供水。\n\n### **** 更正 ****\n\n本报1月11日第2版一文中，“九百个”应为“一千零五十个”。特此更正。\n";
        let titles: Vec<String> = heads(page).into_iter().map(|h| h.1).collect();
        assert_eq!(titles, ["湄滨路以东14日停水", "更正"]);
    }

    /// A converter's Markdown printed without its `#` marks (a hard-wrapped or
    /// re-guessed print): a head is a link alone on its line, and is read as its
    /// words; a button's link (`[阅读原文](…)`) stays no text; a converter's `#`
    /// over a picture's mark makes no head of it.
    #[test]
    fn a_link_alone_on_its_line_is_a_head_and_a_marked_picture_none() {
        let page = "寻访老字号\n\n[四代人守着一间剪刀铺](content_1.htm)\n\n本报记者 隗朝夕\n\n在盥溪区棣华街的拐角，有一间不到二十平方米的铺子。\n\n店主冼师傅今年六十三岁，是这门手艺的第四代传人。\n\n[阅读原文](https://e.example/1.html)\n\n[“盎水古渡”文物展与市民见面](content_2.htm)\n\n本报讯（记者 芮晚汀）文物展1月12日起在市博物馆展出。\n\n### ![图片](pic4.jpg)\n\n市博物馆展出的宋代石碑拓片。本报记者 韦叙白 摄\n";
        let articles = segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles[..2],
            ["四代人守着一间剪刀铺", "“盎水古渡”文物展与市民见面"],
            "{articles:#?}"
        );
        assert!(
            articles.iter().all(|a| !a.title.contains("pic4")
                && !a.paragraphs.iter().any(|p| p.contains("阅读原文"))),
            "{articles:#?}"
        );
    }

    /// A photo's credit alone under its caption is the photo's credit, not a
    /// byline, though a converter marked it as a head (`### 本报记者 韦叙白 摄`):
    /// the caption is a photo of its own, not the tail of the story above.
    #[test]
    fn a_marked_photo_credit_credits_its_caption() {
        let page = "### 开卷\n\n[读《盎州方言杂记》](content_3.htm)\n\n### _□ 禚南枝_\n\n翻开这本小书，像是回到了小时候的巷口。\n\n方言是一座城市的声音。这样一本小书，适合摆在每个盎州人的书架上。\n\n![图片](pic4.jpg)\n\n市博物馆展出的宋代石碑拓片。\n\n### 本报记者 韦叙白 摄\n\n[征稿：我家的年味](content_4.htm)\n\n即日起，本版面向读者征集散文，2月15日截稿。\n";
        let articles = segment_issue(page, "p");
        let book = articles
            .iter()
            .find(|a| a.title == "读《盎州方言杂记》")
            .unwrap();
        assert!(
            book.paragraphs.iter().all(|p| !p.contains("石碑")),
            "{articles:#?}"
        );
        assert!(
            articles
                .iter()
                .any(|a| a.paragraphs.iter().any(|p| p.contains("石碑"))
                    && a.byline.contains("韦叙白")),
            "{articles:#?}"
        );
    }

    /// One framed line is no habit of the page: it stays as printed.
    #[test]
    fn one_framed_line_is_kept() {
        assert_eq!(super::framed_head("*** 注意 ***").map(|f| f.0), Some(3));
        assert_eq!(super::tag_named("h2 标题"), Some((2, 3)));
        assert_eq!(super::tag_named("A3 要闻"), None);
        assert_eq!(super::tag_named("h2 h3"), None);
        // An index's page numbers (`a1 要闻`, `b2 经济`) are no heading tags.
        assert_eq!(super::tag_named("a1 要闻"), None);
        assert_eq!(super::tag_named("b2 经济"), None);
        assert_eq!(super::tag_named("h7 标题"), None);
    }
}

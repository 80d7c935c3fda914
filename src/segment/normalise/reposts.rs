//! A story reposted on a forum or an account under a note of where it came from
//! (`转自：樗城晚报` over `原标题：鼓角巷七座老宅修缮完工`): no new head stands over
//! it, so the head it was printed under is its title.

use super::named_field::{FieldAt, named_field};
use crate::segment::blocks::{DraftField, Markup, Unit, trim};
use crate::segment::classify::count_upto;
use crate::segment::lexicon::lexicon;
use std::borrow::Cow;

/// Fields naming where a story was taken from.
const SOURCE_FIELDS: [&str; 5] = ["转自", "转载自", "来源", "稿源", "出处"];

/// `转自：樗城晚报` / `原标题：鼓角巷七座老宅修缮完工`: an original-title line right
/// under a short line naming the story's source (`转自：`, `来源：`) is the story's
/// title, its label taken off, and an author line right under it the byline; the
/// source line is furniture. (Under a new head, `原标题：` is a note: see the segmenter's
/// `read_original_titles`.)
pub(super) fn read_reposted_titles(units: &mut [Unit<'_>]) {
    for i in 1..units.len() {
        if units[i].markup != Markup::None || count_upto(&units[i].text, 61) > 60 {
            continue;
        }
        let Some(value) = original_title(&units[i].text) else {
            continue;
        };
        let above = &units[i - 1];
        let source = matches!(above.markup, Markup::None | Markup::Furniture)
            && count_upto(&above.text, 41) <= 40
            && !above.text.contains(['。', '，'])
            && named_field(&above.text, &SOURCE_FIELDS, FieldAt::Start).is_some();
        // A new head over the source line (`新标题` / `来源：某报` / `原标题：…`, as an
        // account reposts) titles the story itself: `原标题：` is then a note.
        let new_head_above = i >= 2 && {
            let head = &units[i - 2];
            matches!(head.markup, Markup::None | Markup::Title)
                && count_upto(&head.text, 31) <= 30
                && head.text.chars().next().is_some_and(crate::text::is_han)
                && !head.text.contains(['：', ':', '。', '，'])
        };
        if !source || new_head_above {
            continue;
        }
        let value = value.to_string();
        units[i - 1].markup = Markup::Furniture;
        units[i - 1].level = 0;
        let u = &mut units[i];
        u.text = Cow::Owned(value);
        u.markup = Markup::Title;
        u.level = 0;
        // `作者：…` right under it: the story's byline, its label no text.
        if let Some(u) = units.get_mut(i + 1)
            && u.markup == Markup::None
            && let Some((DraftField::Byline, k)) = lexicon().head_field(&u.text)
        {
            u.text = Cow::Owned(trim(&u.text[k..]).to_string());
            u.markup = Markup::Field(DraftField::Byline);
            u.level = 0;
        }
    }
}

/// The text after an original-title line's label (`原标题：`, `原标题:`); `None`
/// for any other line.
pub(in crate::segment) fn after_original_title_label(text: &str) -> Option<&str> {
    text.strip_prefix("原标题：")
        .or_else(|| text.strip_prefix("原标题:"))
}

/// `原标题：《…》`: the value of an original-title line, without its label or the
/// book-title marks around it; `None` for any other line or an empty value.
fn original_title(text: &str) -> Option<&str> {
    let rest = trim(after_original_title_label(text)?);
    let rest = rest
        .strip_prefix('《')
        .and_then(|r| r.strip_suffix('》'))
        .unwrap_or(rest);
    (!rest.is_empty()).then_some(rest)
}

#[cfg(test)]
mod tests {
    use crate::segment::segment_issue;

    /// A forum post reposting two stories, each under the line naming its source
    /// and the line giving its original head: each story's title is that head
    /// (the labels no text), the source lines belong to no story; a story copied
    /// under a new head keeps the new head as its title.
    #[test]
    fn a_reposted_storys_original_head_is_its_title() {
        let page = "[转帖] 老宅子修好了，周末去看了看\n\n楼主：鼓楼下的猫　　发表于 2026-12-05 09:41\n\n转自：樗城晚报\n原标题：鼓角巷七座老宅修缮完工\n作者：樗城晚报记者 訾远帆\n\n记者昨日从枳园区获悉，鼓角巷七座空置老宅修缮完工。\n\n2楼　江边看云　　发表于 2026-12-05 10:26\n顺便转一条相关的：\n\n转自：樗城日报\n原标题：《枳园区老街区改造明年扩面》\n\n明年枳园区将把微改造做法推广到两片老街区。\n";
        let articles = segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert!(titles.contains(&"鼓角巷七座老宅修缮完工"), "{articles:#?}");
        assert!(
            titles.contains(&"枳园区老街区改造明年扩面"),
            "{articles:#?}"
        );
        assert!(!titles.iter().any(|t| t.starts_with("转自")), "{titles:?}");
        let first = articles
            .iter()
            .find(|a| a.title == "鼓角巷七座老宅修缮完工")
            .unwrap();
        assert!(first.body().starts_with("记者昨日"), "{first:#?}");
        assert_eq!(first.byline, "樗城晚报记者 訾远帆");
        let copied = "三座泵站，排涝能力翻一番！\n\n原标题：《苇塘县三座泵站投用》\n\n本报记者　甘露\n\n三座泵站全部投入使用，汛期排涝能力提高一倍。\n";
        let articles = segment_issue(copied, "p");
        assert_eq!(
            articles[0].title, "三座泵站，排涝能力翻一番！",
            "{articles:#?}"
        );
        // An account's repost: its new head over the source line and the original
        // head; the new head stays the title.
        let account = "苇塘乡村振兴有了新路子\n\n来源：苇塘日报\n原标题：苇塘县探索村企联建新模式\n\n近日，苇塘县出台村企联建新举措，带动农民增收。\n\n该县负责人表示，明年将继续加大投入。\n";
        let articles = segment_issue(account, "p");
        assert_eq!(articles[0].title, "苇塘乡村振兴有了新路子", "{articles:#?}");
    }
}

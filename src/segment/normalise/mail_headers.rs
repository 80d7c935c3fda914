//! The header of an e-mail that forwards or quotes a page is furniture.

use super::named_field::FieldAt;
use super::named_field::named_field;
use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::count_upto;

/// The header of an e-mail that forwards or quotes a page (`发件人：…` / `发送时间：…`
/// / `收件人：…` / `主题：…`, `From:` / `Sent:` / `To:` / `Subject:`: two or more
/// such fields in a row, a sender's or a recipient's among them), the line that
/// introduces a quote (`在2026年12月2日 09:30，某某 写道：`, `… wrote:`) and the
/// line that sets off a forwarded message (`-----原始邮件-----`) are furniture.
pub(super) fn set_aside_mail_headers(units: &mut [Unit<'_>]) {
    // The sender's and recipients' fields first (`PARTIES` of them): a header
    // names one of them.
    const PARTIES: usize = 6;
    const FIELDS: [&str; 16] = [
        "发件人",
        "收件人",
        "寄件者",
        "收件者",
        "From",
        "To",
        "抄送",
        "发送时间",
        "发送日期",
        "日期",
        "时间",
        "主题",
        "Cc",
        "Sent",
        "Date",
        "Subject",
    ];
    let field = |u: &Unit<'_>| named_field(&u.text, &FIELDS, FieldAt::Start);
    let mut i = 0;
    while i < units.len() {
        let start = i;
        let mut party = false;
        while i < units.len() && units[i].markup == Markup::None {
            let Some(f) = field(&units[i]) else { break };
            party |= f < PARTIES;
            i += 1;
        }
        if i - start >= 2 && party {
            for u in &mut units[start..i] {
                u.markup = Markup::Furniture;
                u.level = 0;
            }
        }
        if i == start {
            let t: &str = &units[i].text;
            // (Counted only for a line that reads as either: most read as neither.)
            let set_off = t.starts_with("---") && t.ends_with("---");
            let introduces = t.ends_with("写道：") || t.ends_with("写道:") || t.ends_with("wrote:");
            let n = || count_upto(t, 101);
            let set_off = set_off && n() <= 40;
            let introduces = introduces && n() <= 100;
            if units[i].markup == Markup::None && (set_off || introduces) {
                units[i].markup = Markup::Furniture;
                units[i].level = 0;
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::segment::blocks::units;
    use crate::segment::normalise::tests::texts;

    /// A page quoted in an e-mail reply is read without its quote marks, and the
    /// mail's header and the line introducing the quote are furniture (its `主题：`
    /// makes no draft of the page); the reply's own words stay text.
    #[test]
    fn a_page_quoted_in_an_e_mail_is_read_without_its_marks() {
        let page = "这篇稿子请再看一下。\n\n在 2026年3月2日 09:30，甘露 写道：\n> -----原始邮件-----\n> 发件人：甘露\n> 发送时间：2026年3月2日 09:30\n> 收件人：柯雨桐\n> 主题：苇塘县泵站稿\n>\n> 苇塘县三座泵站投用\n>\n> 本报记者　甘露\n>\n>> 三座泵站全部投入使用，汛期排涝能力提高一倍。\n";
        assert_eq!(
            texts(page),
            [
                "这篇稿子请再看一下。",
                "苇塘县三座泵站投用",
                "本报记者　甘露",
                "三座泵站全部投入使用，汛期排涝能力提高一倍。",
            ]
        );
        let a = crate::segment::segment_issue(page, "k");
        let story = a.iter().find(|a| a.title == "苇塘县三座泵站投用");
        assert_eq!(
            story.map(|a| a.byline.as_str()),
            Some("本报记者　甘露"),
            "{a:#?}"
        );
        // A page with a few lines opening with `>` keeps them.
        let u = units(
            "芦溪晚报 > 电子版 > 第5版\n> 苇塘县三座泵站投用\n三座泵站全部投入使用。\n汛期排涝能力提高一倍。\n",
        );
        assert_eq!(u[1].text, "> 苇塘县三座泵站投用");
    }
}

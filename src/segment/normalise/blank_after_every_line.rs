//! A page that puts a blank line after every printed line reads one blank line fewer.

use super::wrap_width::Wrap;
use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::count_upto;
use crate::segment::classify::ends_sentence;
use crate::text::is_han;

/// A page that puts a blank line after every printed line (Apache Tika's text of a
/// PDF): when the lines of a hard-wrapped page that were cut mid-sentence at the
/// wrap width are nearly all followed by a blank line, the blank lines say nothing
/// of paragraphs, and one blank line fewer is read between every two lines.
pub(super) fn discount_blank_after_every_line(units: &mut [Unit<'_>], wrap: Option<Wrap>) {
    let Some(wrap) = wrap else {
        return;
    };
    // Lines cut by the width (full and not at a sentence's end), and of those, how
    // many a blank line follows.
    let mut cut = 0usize;
    let mut spaced = 0usize;
    for pair in units.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        if prev.markup != Markup::None || next.markup != Markup::None {
            continue;
        }
        // A row of a box or table may be as long as the width without being cut
        // by it.
        if wrap.fills(&prev.text) && !ends_sentence(&prev.text) && !reads_as_table_row(&prev.text) {
            cut += 1;
            spaced += usize::from(next.gap > 0);
        }
    }
    if cut < 8 || spaced * 10 < cut * 9 {
        return;
    }
    for u in units.iter_mut().skip(1) {
        u.gap = u.gap.saturating_sub(1);
    }
}

/// The most characters a box row's field of words (no figures) has.
const ROW_FIELD_MAX: usize = 8;

/// A row of a box or table: three fields or more apart by spaces, with figures
/// (`16日 多云 15-24℃ 北风2级`, `箨山市人民医院 箐口路1号 急诊电话…`) or each a
/// short field of Han words (`出行　会友　纳财`). A line of a print that sets its
/// columns side by side (long runs of text apart by spaces) or of Latin words is
/// no row.
pub(super) fn reads_as_table_row(text: &str) -> bool {
    let mut fields = text.split_whitespace();
    if fields.clone().nth(2).is_none() {
        return false;
    }
    text.chars().any(crate::text::is_digit)
        || fields
            .all(|f| count_upto(f, ROW_FIELD_MAX + 1) <= ROW_FIELD_MAX && f.chars().any(is_han))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::blocks::units;
    use crate::segment::normalise::wrap_width::wrap_width;

    /// A hard-wrapped page with a blank line after every printed line (Tika) reads
    /// as the same page without them: two stories, each title over its own text.
    #[test]
    fn a_blank_line_after_every_line_means_nothing() {
        let printed = [
            "柳塘村修好了灌溉渠",
            "本报记者　甘若愚",
            "入春以来，柳塘村组织村民",
            "清淤修渠，全长三公里的灌溉",
            "渠道已全部完工，可以保证两",
            "千亩麦田春灌用水。",
            "村支书说，今年还要再修一",
            "座提灌站，让坡地也能浇上",
            "水，村民们都很高兴。",
            "镇图书室周末延长开放",
            "通讯员　宓秋",
            "从本周起，镇图书室周六周",
            "日开放到晚上八点，方便上班",
            "的村民和放学的孩子来借书",
            "看报，室内还新添了两百多",
            "册农业科技图书。",
        ];
        let tika: String = printed.iter().map(|l| format!("{l}\n\n")).collect();
        let plain: String = printed.iter().map(|l| format!("{l}\n")).collect();
        let mut u = units(&tika);
        let wrap = wrap_width(&u);
        discount_blank_after_every_line(&mut u, wrap);
        assert!(u.iter().all(|u| u.gap == 0), "{u:?}");
        let (a, b) = (
            crate::segment::segment_issue(&tika, "k"),
            crate::segment::segment_issue(&plain, "k"),
        );
        let titles: Vec<&str> = a.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["柳塘村修好了灌溉渠", "镇图书室周末延长开放"],
            "{a:#?}"
        );
        assert_eq!(a[0].byline, "本报记者　甘若愚");
        assert_eq!(a[0].paragraphs.len(), 2, "{a:#?}");
        let bodies = |v: &[crate::article::Article]| v.iter().map(|a| a.body()).collect::<Vec<_>>();
        assert_eq!(bodies(&a), bodies(&b));
        // A page of one paragraph a line with blank lines between keeps its blanks.
        let paragraphs = "柳塘村修好了灌溉渠\n\n入春以来，柳塘村组织村民清淤修渠。\n\n村支书说，今年还要再修一座提灌站。\n";
        let mut u = units(paragraphs);
        let wrap = wrap_width(&u);
        discount_blank_after_every_line(&mut u, wrap);
        assert!(u.iter().skip(1).all(|u| u.gap == 1), "{u:?}");
    }

    /// A page of Latin text, hard-wrapped, with a blank line after every line: its
    /// lines hold three words or more, yet they are cut lines, no rows of a box.
    #[test]
    fn lines_of_latin_words_are_no_box_rows() {
        let words = "the county library opens its reading room on weekend evenings from next month so that workers and pupils can borrow books after work and school while new shelves hold more than two hundred books on farming and local history";
        let mut lines = Vec::new();
        let mut line = String::new();
        for w in words.split(' ').cycle().take(300) {
            if !line.is_empty() && line.len() + 1 + w.len() > 40 {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        let page: String = lines.iter().map(|l| format!("{l}\n\n")).collect();
        let mut u = units(&page);
        let wrap = wrap_width(&u);
        assert!(wrap.is_some(), "{lines:?}");
        discount_blank_after_every_line(&mut u, wrap);
        assert!(u.iter().all(|u| u.gap == 0), "{u:?}");
    }

    /// A service page of boxes, each row on a line of its own with a blank line
    /// after it, keeps its blanks: rows of fields apart by spaces are not lines cut
    /// by a wrap width, however many there are.
    #[test]
    fn rows_of_boxes_are_no_wrapped_lines() {
        let page = "城区未来三天天气\n\n日期 天气 气温 风力\n\n16日 多云 15-24℃ 北风2级\n\n17日 小雨 14-19℃ 东北风3级\n\n18日 阴 13-18℃ 东北风2级\n\n今晚急诊值班医院\n\n市人民医院 蓼花路1号 急诊电话0000-8812120\n\n市妇幼保健院 荻港巷21号 急诊电话0000-8812121\n\n市中医院 菱角路9号 急诊电话0000-8812122\n\n市第二人民医院 芦苇路5号 急诊电话0000-8812123\n\n彩票开奖\n\n双色球第2031119期 红球 05 09 14 20 28 33 蓝球 03\n\n排列三第2031281期 7 2 9\n\n七星彩第2031118期 3 9 1 4 7 2 6\n\n下周尾号限行安排\n\n10月20日至26日，城区机动车按号牌尾号限行，周末不限行。\n";
        let a = crate::segment::segment_issue(page, "k");
        let titles: Vec<&str> = a.iter().map(|a| a.title.as_str()).collect();
        assert!(titles.contains(&"今晚急诊值班医院"), "{a:#?}");
        assert!(titles.contains(&"下周尾号限行安排"), "{a:#?}");
    }
}

//! A page that puts a blank line after every printed line reads one blank line fewer.

use super::wrap_width::Wrap;
use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::ends_sentence;

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
        if wrap.fills(&prev.text) && !ends_sentence(&prev.text) {
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
}

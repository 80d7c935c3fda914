//! A converter's guessed Markdown heading marks are dropped; an editor's are kept.

use super::wrap_width::Wrap;
use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::count_upto;
use crate::segment::classify::ends_sentence;
use crate::segment::classify::is_dateline_alone;
use crate::segment::classify::is_name_line;
use crate::segment::classify::{is_byline, is_byline_line};

/// A Markdown heading on a line no editor sets as a heading: a byline or a name
/// alone, a dateline, a photo credit, a note in brackets, a sentence.
fn marks_a_non_head(u: &Unit<'_>) -> bool {
    if u.level == 0 || u.markup != Markup::None {
        return false;
    }
    let t: &str = &u.text;
    let n = count_upto(t, 81);
    ends_sentence(t)
        || t.contains('。')
        || is_byline(t, n)
        || (n <= 12 && is_name_line(t))
        || is_dateline_alone(t)
        || crate::segment::classify::is_caption(t, n)
        || (t.starts_with(['（', '(']) && t.ends_with(['）', ')']))
}

/// A Markdown heading on a line of hard-wrapped text: the text runs on into the line
/// right under it, which opens with what no line of its own opens with (a comma, a
/// pause mark, a closing quote: a PDF print keeps them off a line's start), or the
/// line is as wide as the page's column with another full line of the column right
/// under it (a head set in a bigger size is never as wide as the column in
/// characters).
fn marks_cut_text(u: &Unit<'_>, next: &Unit<'_>, wrap: Option<Wrap>) -> bool {
    u.level > 0
        && u.markup == Markup::None
        && next.gap == 0
        && next.markup == Markup::None
        && (crate::segment::rethread::opens_mid_sentence(&next.text)
            || (next.level == 0
                && !is_byline_line(&next.text)
                && wrap.is_some_and(|w| {
                    w.fills(&u.text) && w.fills(&next.text) && w.of(&next.text) <= w.width + 2
                })
                && !ends_sentence(&u.text)))
}

/// Converter Markdown is a hint, not the truth. A converter that guesses heads from
/// the shape of lines marks every short line without a full stop, bylines and names
/// among them; an editor marks some heads and leaves others (bylines, labels) as
/// they are. So a page whose marks fall on lines no editor marks (a byline, a name,
/// a note, a sentence) while it leaves few head-shaped lines unmarked (fewer than a
/// quarter of its marks; lines as wide as a hard-wrapped page's column are cut text,
/// not heads) had its marks guessed: they tell nothing its lines do not, and the
/// page is read as unmarked. So is a page with a mark on a line of hard-wrapped
/// text, twice or more (a converter guessing heads from a PDF print's short
/// lines): no editor marks half a sentence.
pub(super) fn settle_markdown(units: &mut [Unit<'_>], wrap: Option<Wrap>) {
    judge_marks(units, wrap);
    // A notice's signature (`瑨州市琮湖物业服务有限公司　2026年9月11日`, `…率全家泣告`)
    // is short and has no full stop, so a converter marks it as a head; no editor
    // does: on a page whose marks are kept, it is read unmarked. (Dropped after the
    // page's marks are judged: a marked signature is a converter's guess too, and
    // counts as a mark when they are.)
    for u in units.iter_mut() {
        if u.level > 0
            && u.markup == Markup::None
            && crate::segment::classify::is_signature_line(&u.text)
        {
            u.level = 0;
        }
    }
}

/// The page's marks kept or all dropped, as [`settle_markdown`] says.
fn judge_marks(units: &mut [Unit<'_>], wrap: Option<Wrap>) {
    let marked = units
        .iter()
        .filter(|u| u.level > 0 && u.markup == Markup::None)
        .count();
    if marked == 0 {
        return;
    }
    let on_cut_text = units
        .windows(2)
        .filter(|w| marks_cut_text(&w[0], &w[1], wrap))
        .take(2)
        .count();
    if on_cut_text >= 2 {
        for u in units.iter_mut() {
            u.level = 0;
        }
        return;
    }
    if !units.iter().any(marks_a_non_head) {
        return;
    }
    let unmarked_heads = units
        .iter()
        .filter(|u| {
            u.level == 0
                && u.markup == Markup::None
                && crate::segment::classify::is_head(&u.text, count_upto(&u.text, 81))
                && wrap.is_none_or(|w| !w.fills(&u.text))
        })
        .count();
    if unmarked_heads * 4 > marked {
        return;
    }
    for u in units.iter_mut() {
        u.level = 0;
    }
}

#[cfg(test)]
mod tests {
    use crate::segment::blocks::units;
    use crate::segment::normalise::normalise;

    fn levels(page: &str) -> Vec<u8> {
        let mut u = units(page);
        normalise(&mut u);
        u.iter().map(|u| u.level).collect()
    }

    /// A converter's mark on a notice's signature (who signs and the date, or who
    /// signs and the verb) is dropped, the page's other marks kept.
    #[test]
    fn a_marked_signature_is_read_unmarked() {
        let page = "## 遗失声明\n\n晓禾便利店遗失营业执照正本一份，声明作废。\n\n### 瑨州市桐阶区晓禾便利店　2026年9月11日\n\n## 招聘启事\n\n因业务发展需要，我公司招聘保安两名。\n\n### 子　柯向东　女　柯向红　率全家泣告\n";
        assert_eq!(levels(page), [2, 0, 0, 2, 0, 0]);
    }

    /// Marks a converter guessed from the shape of lines (a byline and a name marked
    /// as heads, every short line marked) are dropped; an editor's marks, which leave
    /// bylines and labels unmarked, are kept even where one falls on a byline.
    #[test]
    fn guessed_markdown_is_read_as_unmarked() {
        let guessed = "## 春风吹绿小山村\n\n### 本报记者 王芳\n\n村里修了一条路，大家都很高兴。\n\n### 路修好了\n\n第二段很短。\n\n## 守护一江清水\n\n### 禾子\n\n水清了，鱼回来了。\n";
        assert!(
            levels(guessed).iter().all(|&l| l == 0),
            "{:?}",
            levels(guessed)
        );
        let edited = "# 春风吹绿小山村\n\n本报记者 王芳\n\n村里修了一条路，大家都很高兴。\n\n## 路修好了\n\n第二段很短。\n\n# 守护一江清水\n\n禾子\n\n水清了，鱼回来了。\n";
        assert_eq!(levels(edited), [1, 0, 0, 2, 0, 1, 0, 0]);
        // An editor's page with a byline marked, and heads left unmarked.
        let mixed = "## 岑阳日报 第5版\n\n岑水保护在行动\n\n# 一河清水穿城过\n\n## 本报记者 滕雪\n\n初冬时节，河水清澈。\n\n截污治污\n\n治水先治污。\n\n白坪县关停养殖场\n\n记者获悉，养殖场已关停。\n";
        assert!(levels(mixed).contains(&1), "{:?}", levels(mixed));
    }

    /// A converter that guessed heads from a PDF print's short lines marks lines of
    /// its hard-wrapped text (one a column wide with text under it, one whose
    /// sentence runs on into `，…` below): the page is read as unmarked, so its
    /// titles are found as on the unmarked print. An editor's marks on heads of a
    /// hard-wrapped page are kept.
    #[test]
    fn marks_on_lines_of_wrapped_text_are_guessed() {
        let col = "一二三四五六七八九十一二三四五六\n";
        let guessed = format!(
            "## 全省首批信用村名单公布\n## 首批二百个信用村名单日前已经公\n布，入选村的农户可享受信用贷款，\n利率较低。\n\n### 县里新建两个农贸市场\n### 本报讯 记者从商务厅获悉\n，今年新建农贸市场两个。\n{col}{col}{col}{col}十。\n"
        );
        assert!(
            levels(&guessed).iter().all(|&l| l == 0),
            "{:?}",
            levels(&guessed)
        );
        let edited = format!(
            "## 全省首批信用村名单公布\n首批二百个信用村名单日前已经公\n布，农户可享受信用贷款。\n\n## 县里新建两个农贸市场\n本报讯 记者从商务厅获悉，今年\n新建农贸市场两个。\n{col}{col}{col}{col}十。\n"
        );
        assert!(levels(&edited).contains(&2), "{:?}", levels(&edited));
    }
}

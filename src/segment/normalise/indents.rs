//! Indents mark paragraph starts only on pages that indent paragraphs.

use super::wrap_width::Wrap;
use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;

/// Indents mark paragraph starts only on pages that indent paragraphs, and only
/// where they open paragraphs: on a hard-wrapped page whose indented lines go on
/// from a full line that ends no sentence, an indent marks nothing.
pub(super) fn settle_indents(units: &mut [Unit<'_>], wrap: Option<Wrap>) {
    let text_units = units.iter().filter(|u| u.markup == Markup::None).count();
    let indented = units
        .iter()
        .filter(|u| u.markup == Markup::None && u.indent)
        .count();
    // Indented lines that go on from a full line ending no sentence.
    let mut carried = 0;
    if indented >= 3
        && let Some(wrap) = wrap
    {
        let mut prev: Option<&Unit<'_>> = None;
        for u in units.iter().filter(|u| u.markup == Markup::None) {
            if u.indent
                && u.gap == 0
                && prev.is_some_and(|p| {
                    wrap.fills(&p.text) && !crate::segment::classify::is_complete(&p.text)
                })
            {
                carried += 1;
            }
            prev = Some(u);
        }
    }
    if text_units == 0 || indented * 5 < text_units || (carried >= 3 && carried * 3 >= indented) {
        for u in units.iter_mut() {
            u.indent = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::segment::blocks::units;
    use crate::segment::normalise::normalise;
    use crate::segment::normalise::tests::texts;

    /// On a hard-wrapped page whose indents fall on the lines that go on from a full
    /// line (a tool that indented every line but the first of each paragraph), the
    /// indents mark nothing; where they open paragraphs they stay.
    #[test]
    fn indents_on_wrapped_lines_mark_nothing() {
        let wrapped = "春风吹绿小山村\n本报讯 一二三四五六七八九十一二三四五六七八九十一二三四五\n\u{3000}\u{3000}六七八九十一二三四五六七八九十一二三四五六七八九十一二\n\u{3000}\u{3000}三四五六七八九十。\n村里修了一条路一二三四五六七八九十一二三四五六七八九十一\n\u{3000}\u{3000}二三四五六七八九十一二三四五六七八九十一二三四五六七八\n\u{3000}\u{3000}九十。\n大家都很高兴一二三四五六七八九十一二三四五六七八九十一二\n\u{3000}\u{3000}三四五六七八九十。\n";
        let t = texts(wrapped);
        assert_eq!(t.len(), 4, "{t:?}");
        assert!(t[1].ends_with("三四五六七八九十。"), "{t:?}");
        let opening = wrapped
            .replace("\u{3000}\u{3000}", "")
            .replace("本报讯", "\u{3000}\u{3000}本报讯")
            .replace("\n村里", "\n\u{3000}\u{3000}村里")
            .replace("\n大家", "\n\u{3000}\u{3000}大家");
        let mut u = units(&opening);
        normalise(&mut u);
        assert_eq!(u.len(), 4, "{u:?}");
        assert!(u[1].indent && u[2].indent && u[3].indent, "{u:?}");
    }

    #[test]
    fn indents_open_paragraphs_on_indented_pages() {
        let page =
            "春风吹绿小山村\n\u{3000}\u{3000}村里修了一条路\n\u{3000}\u{3000}大家都很高兴。\n";
        let mut u = units(page);
        normalise(&mut u);
        assert!(!u[0].indent && u[1].indent && u[2].indent);
    }
}

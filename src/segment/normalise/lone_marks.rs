//! A pen mark alone on its line, over the name it signs, is one unit with it.

use crate::segment::blocks::PEN_MARKS;
use crate::segment::blocks::Unit;

/// `□` / `郗晓梅`: a tool that prints a mark set apart from the name after it (a
/// glyph of another font, a box of its own) puts the mark alone on a line. A mark
/// alone stands for nothing: with the name right under it (two to four Han
/// characters, spaced out or not, or a name as a byline prints it), it is the
/// name's line as the page printed it (`□ 郗晓梅`), read as a line is read. A mark
/// over anything else (text, a head, a blank line) is left alone.
pub(super) fn join_lone_pen_marks(units: &mut Vec<Unit<'_>>) {
    let lone = |u: &Unit<'_>| {
        u.is_unmarked() && {
            let mut it = crate::segment::blocks::trim_white(&u.text).chars();
            it.next().is_some_and(|c| PEN_MARKS.contains(&c)) && it.next().is_none()
        }
    };
    let name = |u: &Unit<'_>| {
        u.is_unmarked()
            && u.bullet.is_none()
            && crate::segment::classify::is_pen_signed_name(&u.text)
    };
    if !units.iter().any(&lone) {
        return;
    }
    let mut out: Vec<Unit<'_>> = Vec::with_capacity(units.len());
    for u in units.drain(..) {
        if let Some(prev) = out.last_mut()
            && lone(prev)
            && u.gap == 0
            && prev.line + 1 == u.line
            && name(&u)
        {
            let printed = format!("{} {}", prev.text.trim(), u.text);
            // The joined line must read as one unit, as the page printed it.
            if let [one] = crate::segment::blocks::units(&printed).as_slice() {
                let mut one = one.clone().into_owned();
                one.line = prev.line;
                one.gap = prev.gap;
                one.indent = prev.indent;
                one.indent_width = prev.indent_width;
                one.page_break = prev.page_break;
                // Lines the name had already taken stay taken.
                one.joined = u.line + u.joined - prev.line;
                *prev = one;
                continue;
            }
        }
        out.push(u);
    }
    *units = out;
}

#[cfg(test)]
mod tests {
    use crate::segment::blocks::units;
    use crate::segment::normalise::tests::texts;

    /// A pen mark alone over a name is the name's line as printed with the mark;
    /// a mark over text, over a blank line or over a head stays as it is.
    #[test]
    fn a_pen_mark_alone_over_a_name_is_the_names_line() {
        let joined = texts("车间里的那盆绿萝\n□\n郗晓梅\n厂里的老师傅说，绿萝好养。\n");
        let printed = texts("车间里的那盆绿萝\n□ 郗晓梅\n厂里的老师傅说，绿萝好养。\n");
        assert_eq!(joined, printed);
        assert!(
            joined
                .iter()
                .any(|t| t.contains("郗晓梅") && t.contains('□')),
            "{joined:?}"
        );
        // `◇` is a bullet the line's reading takes off: as printed on one line.
        let mut a = units("蝉声\n◇\n鄢子墨\n");
        crate::segment::normalise::normalise(&mut a);
        let mut b = units("蝉声\n◇ 鄢子墨\n");
        crate::segment::normalise::normalise(&mut b);
        assert_eq!(
            a.iter()
                .map(|u| (u.text.to_string(), u.bullet))
                .collect::<Vec<_>>(),
            b.iter()
                .map(|u| (u.text.to_string(), u.bullet))
                .collect::<Vec<_>>()
        );
        // On a hard-wrapped page of blocks, the marked name is a line of its own:
        // the verse under it does not go on from it.
        let prose = "老家院子西头有一盘石碾，碾盘上落满了枣树叶，每次回老家，\n我都要去碾道上走一圈，好像还能听见碾磙子吱吱扭扭的声音，\n村里的老人说那是过去的日子在响。\n\n";
        let page = format!(
            "{prose}{prose}柿子熟了\n□\n郜远山\n霜降那天\n后沟的山坡上\n挂满了小灯笼\n\n{prose}"
        );
        let t = texts(&page);
        assert!(t.iter().any(|x| x == "霜降那天"), "{t:?}");
        assert!(t.iter().any(|x| x == "□ 郜远山"), "{t:?}");
        for page in [
            "□\n厂里的老师傅说，绿萝好养。\n",
            "□\n\n郗晓梅\n",
            "◆\n全市中小学生冬季长跑开赛\n",
        ] {
            let t = texts(page);
            assert!(
                t.iter().any(|x| x.trim() == "□" || x.trim() == "◆"),
                "{page}: {t:?}"
            );
        }
    }
}

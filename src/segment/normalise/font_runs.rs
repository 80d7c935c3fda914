//! A PDF extractor that prints every font run on a line of its own cuts each
//! printed line again wherever the script changes: digits and Latin letters are set
//! in a Latin font, Han in a CJK one (`4` / `月` / `15` / `日，市人大常委会…`).
//! The pieces are joined back into the lines the page printed before anything
//! measures or reads them.

use super::wrap_width::Wrap;
use crate::segment::blocks::Unit;
use crate::segment::classify::count_upto;
use std::borrow::Cow;

/// A piece a Latin font run prints: short, ASCII only, with a digit (`15`, `11.4`,
/// `30%`, `A07`).
fn is_latin_piece(s: &str) -> bool {
    s.len() <= 8 && s.bytes().all(|b| b.is_ascii_graphic()) && s.bytes().any(|b| b.is_ascii_digit())
}

/// True when `c` is set in a Latin font: a visible ASCII character.
fn latin(c: char) -> bool {
    c.is_ascii_graphic()
}

/// A unit a font run may have cut: plain text of no heading or indent.
fn plain(u: &Unit<'_>) -> bool {
    u.is_unmarked() && !u.indent && !u.text.is_empty()
}

/// Between `a` and the unit `b` right under it the script changes (the last
/// character of the one and the first of the other, one Latin and one not): where a
/// font run may have ended inside a printed line.
fn script_changes(a: &Unit<'_>, b: &Unit<'_>) -> bool {
    b.gap == 0
        && plain(a)
        && plain(b)
        && match (a.text.chars().next_back(), b.text.chars().next()) {
            (Some(x), Some(y)) => latin(x) != latin(y),
            _ => false,
        }
}

/// The page prints its font runs a line each: Latin pieces standing alone between
/// two lines of Han text are most of the page's Latin pieces (a table printed a
/// cell a line puts its figures under one another), and at least five of them
/// stand by a line of running text (eight characters or more: `…拒不改正的，对个人处`
/// / `200` / `元`; a table of names and figures puts its figures between names of
/// a few characters: `鼋江港务队` / `25`).
fn cuts_font_runs(units: &[Unit<'_>]) -> bool {
    let mut pieces = 0usize;
    let mut between = 0usize;
    let mut by_text = 0usize;
    for (i, u) in units.iter().enumerate() {
        if !plain(u) || !is_latin_piece(&u.text) {
            continue;
        }
        pieces += 1;
        if i > 0
            && i + 1 < units.len()
            && script_changes(&units[i - 1], u)
            && script_changes(u, &units[i + 1])
        {
            between += 1;
            by_text += usize::from(
                count_upto(&units[i - 1].text, 8) >= 8 || count_upto(&units[i + 1].text, 8) >= 8,
            );
        }
    }
    by_text >= 5 && between * 3 >= pieces * 2
}

/// Join the pieces of lines a PDF extractor cut at every change of font (see the
/// module's comment). The pieces of a run of script changes are lines of the page
/// laid end to end: they are cut back into lines from the run's end, each line as
/// wide as the page's wrap width allows, since the last line of a run ends where
/// the page printed a line end (Han followed by Han, Latin by Latin) and every line
/// before it is full, or a head or paragraph's end the next line could not join.
pub(super) fn join_font_runs(units: &mut Vec<Unit<'_>>) {
    if !cuts_font_runs(units) {
        return;
    }
    let Some(wrap) = super::wrap_width(units) else {
        return;
    };
    let mut out: Vec<Unit<'_>> = Vec::with_capacity(units.len());
    let mut run: Vec<Unit<'_>> = Vec::new();
    for u in units.drain(..) {
        if let Some(last) = run.last()
            && !script_changes(last, &u)
        {
            lay_out_run(&mut run, wrap, &mut out);
        }
        run.push(u);
    }
    lay_out_run(&mut run, wrap, &mut out);
    *units = out;
}

/// Cut `run` (pieces of one run of script changes) into lines from its end, each at
/// most `wrap`'s width, and push them onto `out`.
fn lay_out_run<'a>(run: &mut Vec<Unit<'a>>, wrap: Wrap, out: &mut Vec<Unit<'a>>) {
    if run.len() < 2 {
        out.append(run);
        return;
    }
    // Where each line starts, found from the end.
    let mut starts = Vec::new();
    let mut width = 0;
    for (i, u) in run.iter().enumerate().rev() {
        let w = wrap.of(&u.text);
        if width > 0 && width + w > wrap.width {
            starts.push(i + 1);
            width = 0;
        }
        width += w;
    }
    starts.push(0);
    starts.reverse();
    let mut pieces = run.drain(..).enumerate().peekable();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(usize::MAX);
        let Some((_, mut line)) = pieces.next() else {
            break;
        };
        debug_assert!(start < end);
        while let Some((_, piece)) = pieces.next_if(|(i, _)| *i < end) {
            let mut text = line.text.into_owned();
            text.push_str(&piece.text);
            line.text = Cow::Owned(text);
            line.joined = (piece.line + piece.joined).saturating_sub(line.line);
        }
        out.push(line);
    }
}

#[cfg(test)]
mod tests {
    use super::join_font_runs;
    use crate::segment::blocks::units;
    use crate::segment::normalise::tests::texts;

    /// A span dump's page: the date of a lead's first line, the fine in its
    /// body and a figure in a head's line each printed a line apart.
    const PAGE: &str = "\
某某市新规：电动自行车不得进楼入户\n\
违规停放充电最高可罚\n1000\n元\n\
晚报记者　向晚晴\n\
4\n月\n15\n日，市人大常委会公布《某某市\n\
电动自行车安全管理条例》，条例将于下月\n\
一日起施行，违者由消防机构责令其改正\n\
拒不改正的，对个人处\n200\n元以上罚款，\n\
去年全市发生的电动自行车火灾中，有近\n\
六成发生在楼道和室内充电时，条例要求\n\
新建住宅小区应当按照不低于户数\n30%\n的\n\
比例配建电动自行车集中停放充电场所。\n\
地铁\n3\n号线二期开工\n\
晚报记者　宓晓岚\n\
4\n月\n15\n日上午，某某地铁\n3\n号线二期工程在\n\
桐冈区开工。二期工程全长\n11\n公里，设站\n\
9\n座，计划\n2030\n年建成通车，届时全程\n\
只需要二十五分钟就能从东站到达南站。\n";

    #[test]
    fn lines_cut_at_every_change_of_font_are_joined_back() {
        let mut u = units(PAGE);
        join_font_runs(&mut u);
        let lines: Vec<&str> = u.iter().map(|u| u.text.as_ref()).collect();
        assert_eq!(
            lines,
            [
                "某某市新规：电动自行车不得进楼入户",
                "违规停放充电最高可罚1000元",
                "晚报记者　向晚晴",
                "4月15日，市人大常委会公布《某某市",
                "电动自行车安全管理条例》，条例将于下月",
                "一日起施行，违者由消防机构责令其改正",
                "拒不改正的，对个人处200元以上罚款，",
                "去年全市发生的电动自行车火灾中，有近",
                "六成发生在楼道和室内充电时，条例要求",
                "新建住宅小区应当按照不低于户数30%的",
                "比例配建电动自行车集中停放充电场所。",
                "地铁3号线二期开工",
                "晚报记者　宓晓岚",
                "4月15日上午，某某地铁3号线二期工程在",
                "桐冈区开工。二期工程全长11公里，设站",
                "9座，计划2030年建成通车，届时全程",
                "只需要二十五分钟就能从东站到达南站。",
            ]
        );
        // Each joined line still tells the source lines it holds.
        assert_eq!((u[1].line, u[1].joined), (2, 2));
        let t = texts(PAGE);
        assert!(t.contains(&"地铁3号线二期开工".to_string()), "{t:?}");
    }

    #[test]
    fn figures_a_table_prints_a_cell_a_line_stay_lines() {
        // Ranks, names and points; names and points alone; names and times.
        for page in [
            "积分榜\n排名\n球队\n积分\n1\n鼋江港务队\n25\n2\n鼆川山鹰队\n22\n3\n鼃桥渔港队\n19\n\
4\n鼍洲联队\n17\n5\n鼋城队\n15\n6\n鼃山队\n12\n",
            "积分榜\n鼋江港务队\n25\n鼆川山鹰队\n22\n鼃桥渔港队\n19\n鼍洲联队\n17\n鼋城队\n15\n\
鼃山队\n12\n鼍城队\n9\n",
            "航班时刻\n鼍洲至鼋城\n07:30\n鼋城至鼃桥\n09:10\n鼃桥至鼆川\n11:45\n鼆川至鼍洲\n\
14:20\n鼍洲至鼃山\n16:05\n鼃山至鼋城\n18:40\n",
        ] {
            let mut u = units(page);
            let before: Vec<String> = u.iter().map(|u| u.text.to_string()).collect();
            join_font_runs(&mut u);
            let after: Vec<String> = u.iter().map(|u| u.text.to_string()).collect();
            assert_eq!(before, after, "{page}");
        }
    }
}

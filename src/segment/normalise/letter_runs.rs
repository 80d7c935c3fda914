//! A name set one character a line is one unit.

use crate::segment::blocks::Unit;
use crate::segment::classify::count_upto;
use std::borrow::Cow;

/// A name set one character a line (`闫` / `冬`): a run of single Han characters
/// with no blank line between them is one unit.
pub(super) fn join_letter_runs(units: &mut Vec<Unit<'_>>) {
    let single = |u: &Unit<'_>| {
        u.is_unmarked() && {
            let mut it = u.text.chars();
            it.next().is_some_and(crate::text::is_han) && it.next().is_none()
        }
    };
    if !units
        .windows(2)
        .any(|w| single(&w[0]) && single(&w[1]) && w[1].gap == 0)
    {
        return;
    }
    let mut out: Vec<Unit<'_>> = Vec::with_capacity(units.len());
    for u in units.drain(..) {
        if let Some(prev) = out.last_mut()
            && single(&u)
            && u.gap == 0
            && prev.is_unmarked()
            && prev.line + prev.joined + 1 == u.line
            && prev.text.chars().all(crate::text::is_han)
            && count_upto(&prev.text, 4) <= 3
            && (single(prev) || prev.joined > 0)
        {
            let mut t = prev.text.to_string();
            t.push_str(&u.text);
            prev.text = Cow::Owned(t);
            prev.joined = u.line.saturating_sub(prev.line);
            continue;
        }
        out.push(u);
    }
    *units = out;
}

#[cfg(test)]
mod tests {
    use crate::segment::normalise::tests::texts;

    /// An HTML break splits one source line into units that share its number; a
    /// single-character line after them once made the line arithmetic underflow
    /// (found by proptest in CI: `村里修路<p> 摄` / `化`).
    #[test]
    fn units_sharing_a_line_then_a_letter_line_do_not_underflow() {
        for page in [
            "村里修路<p> 摄\n化\n",
            "甲<p>乙<p>丙\n丁\n戊\n",
            "<p>化\n化\n化<p>化\n",
        ] {
            let arts = crate::segment::segment_issue(page, "k");
            let shown: String = arts
                .iter()
                .map(|a| format!("{}{}{}{}", a.kicker, a.title, a.byline, a.body()))
                .collect();
            let last = page.trim_end().chars().next_back().unwrap();
            assert!(shown.contains(last), "{page:?} lost {last}: {arts:?}");
        }
    }

    #[test]
    fn a_name_one_character_a_line_is_one_unit() {
        assert_eq!(
            texts("石桥村的“积分超市”\n\n通讯员\n闫\n冬\n\n正文。\n"),
            ["石桥村的“积分超市”", "通讯员", "闫冬", "正文。"]
        );
    }
}

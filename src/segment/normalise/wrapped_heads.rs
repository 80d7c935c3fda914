//! A head wrapped over two or more lines of a hard-wrapped page is one head.

use super::wrap_width::Wrap;
use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::ROLE_WORDS;
use crate::segment::classify::count_upto;
use crate::segment::classify::ends_sentence;
use crate::segment::classify::is_byline;
use crate::segment::classify::is_date_line;
use crate::segment::classify::is_dateline_alone;
use crate::segment::classify::is_name_line;
use std::borrow::Cow;

/// A short line of a hard-wrapped page that may be part of a heading: no sentence
/// in it, nothing that reads as a byline, a dateline, a date, a caption or a jump.
fn head_piece(u: &Unit<'_>, wrap: Wrap) -> bool {
    u.markup == Markup::None && u.level == 0 && !u.indent && head_piece_text(&u.text, wrap)
}

fn head_piece_text(t: &str, wrap: Wrap) -> bool {
    count_upto(t, 25) <= 24
        && !wrap.fills(t)
        && !ends_sentence(t)
        && !t.contains(['。', '；', ';'])
        && !t.ends_with(['：', ':', '、', '.', ',', '!', '?', ')', '）'])
        && !t.starts_with("——")
        && !t.contains("　　")
        && !t.contains("  ")
        && !t.starts_with(['（', '(', '◀', '▶'])
        && !is_byline(t, count_upto(t, 81))
        && !is_name_line(t)
        && !is_dateline_alone(t)
        && crate::segment::classify::dateline(t).is_none()
        && !is_date_line(t)
        && !crate::segment::classify::is_caption(t, count_upto(t, 81))
        && !crate::segment::classify::is_jump_line(t)
}

/// The tail of a question or exclamation head (`新生儿医保怎` / `么办？`) under the
/// head line `above`: a head piece but for the question or exclamation mark that
/// closes it. It can only end a run of head lines. A title set over two lines is
/// cut where a word runs across or near its middle; a kicker over a question title
/// is wider than the title (`…三年行动方案` / `加装电梯谁来出钱？`, `…成立75周年` /
/// `祖国万岁！`). The page's wrap width cannot tell: a head line never fills it.
fn question_tail(above: &str, u: &Unit<'_>, wrap: Wrap) -> bool {
    let t = u.text.trim_end_matches(['？', '?', '！', '!']);
    (wrap.of(above) <= wrap.of(&u.text) + 6 || crate::segment::rethread::bond(above, &u.text))
        && u.markup == Markup::None
        && u.level == 0
        && !u.indent
        && t.len() < u.text.len()
        && (1..=12).contains(&count_upto(t, 13))
        && !t.contains(['：', ':'])
        && !t.ends_with(['？', '?', '！', '!', '，', ','])
        && head_piece_text(t, wrap)
}

/// Two or three Han characters: a pen name under a title as much as the tail of a
/// wrapped title; what follows tells (a title has one byline: a byline or a `——`
/// subtitle below says the short line is the title's tail).
pub(super) fn is_pen_name_like(t: &str) -> bool {
    (2..=3).contains(&count_upto(t, 4)) && t.chars().all(crate::text::is_han)
}

/// `《楝水谣》`, `“网红鹅”`: one title or quotation, whole, no tail of another line.
fn is_enclosed(t: &str) -> bool {
    [
        ('《', '》'),
        ('“', '”'),
        ('（', '）'),
        ('(', ')'),
        ('【', '】'),
    ]
    .iter()
    .any(|&(o, c)| t.starts_with(o) && t.ends_with(c) && t.matches(o).count() == 1)
}

/// What stands under a head stack and is no head: a byline (a role alone waiting
/// for its name, too), a dateline or a `——` subtitle.
fn signs_or_subtitles(u: &Unit<'_>) -> bool {
    let t: &str = &u.text;
    u.gap == 0
        && (t.starts_with("——")
            || is_byline(t, count_upto(t, 81))
            || is_dateline_alone(t)
            || (count_upto(t, 13) <= 12 && ROLE_WORDS.iter().any(|r| t.ends_with(r))))
}

/// A head wrapped over two lines of a hard-wrapped page with nothing to tell the
/// cut (no word or quote across it): the width runs out on the first line, so the
/// first part is wider than the second. In a run of head lines only the last two
/// (the title, over its byline or text) are joined: lines above are kickers and
/// labels. A run may end in the tail of a question (`…怎` / `么办？`). When its last
/// line is two or three characters over the text, that line is a pen name and the
/// two above it are the title; over a byline or a subtitle, it is the title's tail.
pub(super) fn join_wrapped_heads(units: &mut Vec<Unit<'_>>, wrap: Wrap) {
    // `广告热线：8866 2233`: a field and its value, no part of a title.
    let field = |t: &str| {
        t.split(['：', ':'])
            .skip(1)
            .any(|v| v.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    };
    let joinable = |a: &Unit<'_>, b: &Unit<'_>| {
        a.joined == 0
            && b.joined == 0
            && !field(&a.text)
            && !is_enclosed(&b.text)
            && wrap.of(&a.text) > wrap.of(&b.text)
            && count_upto(&a.text, 41) + count_upto(&b.text, 41) <= 40
    };
    let mut out: Vec<Unit<'_>> = Vec::with_capacity(units.len());
    let mut it = std::mem::take(units).into_iter().peekable();
    while let Some(u) = it.next() {
        if !head_piece(&u, wrap) {
            out.push(u);
            continue;
        }
        // The run: this piece and the pieces right under it.
        let mut run = vec![u];
        while let Some(v) = it.peek() {
            if v.gap != 0 {
                break;
            }
            if head_piece(v, wrap) {
                run.extend(it.next());
            } else {
                if question_tail(&run[run.len() - 1].text, v, wrap) {
                    run.extend(it.next());
                }
                break;
            }
        }
        let k = run.len();
        let pair = if k < 2 {
            None
        } else if is_pen_name_like(&run[k - 1].text) {
            // A label over a short title looks the same (`新春走基层` / `回家` /
            // `本报记者　王芳`, `新时代文明实践` / `小事大情` / `晨风`), and its label
            // is wider than the title as a title's first line is wider than its
            // tail; the page's wrap width cannot tell (a head line never fills
            // it). The pair is a title under a line above it (the label) or with a
            // word across its cut.
            // (A word across the cut, `链接：县域商` / `业体系`, says the tail too.)
            let i = if it.peek().is_some_and(signs_or_subtitles)
                || crate::segment::rethread::bond(&run[k - 2].text, &run[k - 1].text)
            {
                Some(k - 2)
            } else {
                k.checked_sub(3)
            };
            i.filter(|&i| i >= 1 || crate::segment::rethread::bond(&run[i].text, &run[i + 1].text))
        } else {
            Some(k - 2)
        };
        let pair = pair.filter(|&i| joinable(&run[i], &run[i + 1]));
        for (i, v) in run.into_iter().enumerate() {
            if pair.is_some_and(|p| i == p + 1)
                && let Some(prev) = out.last_mut()
            {
                let mut t = prev.text.to_string();
                t.push_str(&v.text);
                prev.text = Cow::Owned(t);
                prev.joined = v.line.saturating_sub(prev.line).max(prev.joined);
                continue;
            }
            out.push(v);
        }
    }
    *units = out;
}

#[cfg(test)]
mod tests {
    use crate::segment::normalise::tests::texts;

    /// On a hard-wrapped page without blank lines, a title cut where the width ran
    /// out (no word or quote across the cut) is one head when its first part is
    /// the wider; a kicker over a shorter or equal title, a pen name and a whole
    /// book title under a label stay apart.
    #[test]
    fn a_title_wrapped_without_a_word_across_the_cut_is_one_head() {
        let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
        let page = format!(
            "一线札记\n凌晨四点的蔬菜\n批发市场\n{body}{body}九十。\n观澜\n让口袋公园更好装\n禾子\n{body}{body}九十。\n长篇小说连载\n《楝水谣》\n{body}{body}九十。\n便民信息\n停电通知\n{body}九十。\n"
        );
        let t = texts(&page);
        assert_eq!(t[0], "一线札记", "{t:?}");
        // A word across the cut joins a tail as short as a pen name.
        let boxed = format!("{page}链接：县域商\n业体系\n{body}{body}九十。\n");
        let t = texts(&boxed);
        assert!(t.iter().any(|x| x == "链接：县域商业体系"), "{t:?}");
        assert_eq!(t[1], "凌晨四点的蔬菜批发市场", "{t:?}");
        for kept in [
            "观澜",
            "让口袋公园更好装",
            "禾子",
            "长篇小说连载",
            "《楝水谣》",
            "便民信息",
            "停电通知",
        ] {
            assert!(t.iter().any(|x| x == kept), "{kept}: {t:?}");
        }
    }

    /// A title cut where the width ran out, in the forms a head stack takes: a
    /// question's tail (`新生儿医保怎` / `么办？`), a three-character tail over a
    /// `——` subtitle or a byline (a title has one byline, so it is no pen name), a
    /// two-line title under a label over a pen name (the pen name stays apart).
    #[test]
    fn a_wrapped_title_is_one_head_over_its_pen_name_or_byline() {
        let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
        let page = format!(
            "热线问答\n新生儿医保怎\n么办？\n{body}{body}九十。\n聚焦民生实事\n家门口的菜场\n变样了\n——我市农贸市场提档升级观察\n{body}九十。\n镜头里的城市\n留住一座城的\n烟火气\n晚报记者\n卓一然\n{body}九十。\n学习札记\n“小切口”里\n有大学问\n方寸\n{body}九十。\n"
        );
        let t = texts(&page);
        for head in [
            "热线问答",
            "新生儿医保怎么办？",
            "家门口的菜场变样了",
            "留住一座城的烟火气",
            "学习札记",
            "“小切口”里有大学问",
            "方寸",
        ] {
            assert!(t.iter().any(|x| x == head), "{head}: {t:?}");
        }
        // `问：` opens a question of an interview: never a title's tail.
        let page = format!("“手艺是练出来的，急不得”\n问：这些年您做了哪些尝试？\n{body}九十。\n");
        let t = texts(&page);
        assert_eq!(t[0], "“手艺是练出来的，急不得”", "{t:?}");
    }

    /// A column label over a short title (`新春走基层` / `回家`) is no wrapped
    /// title: over a byline or a pen name the two lines stay apart.
    #[test]
    fn a_label_over_a_short_title_is_no_wrapped_title() {
        let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
        for (label, title, sign) in [
            ("新春走基层", "回家", "本报记者　王芳"),
            ("副刊·大河风", "老屋", "文／李红"),
            ("百姓故事", "老井", "□ 张建国"),
            ("新时代文明实践", "小事大情", "晨风"),
        ] {
            let page = format!("{label}\n{title}\n{sign}\n{body}{body}{body}九十。\n");
            let t = texts(&page);
            assert!(t.iter().any(|x| x == label), "{label}: {t:?}");
            assert!(t.iter().any(|x| x == title), "{title}: {t:?}");
        }
    }

    /// A kicker wider than the question or exclamation title under it is no line
    /// of that title (`…三年行动方案` / `加装电梯谁来出钱？`).
    #[test]
    fn a_kicker_over_a_question_title_is_no_wrapped_title() {
        let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
        for (kicker, title, sign) in [
            (
                "我市出台老旧小区改造三年行动方案",
                "加装电梯谁来出钱？",
                "本报记者　王芳\n",
            ),
            ("庆祝中华人民共和国成立75周年", "祖国万岁！", ""),
        ] {
            let page = format!("{kicker}\n{title}\n{sign}{body}{body}{body}九十。\n");
            let t = texts(&page);
            assert!(t.iter().any(|x| x == kicker), "{kicker}: {t:?}");
            assert!(t.iter().any(|x| x == title), "{title}: {t:?}");
        }
    }
}

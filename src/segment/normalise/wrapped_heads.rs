//! A head wrapped over two or more lines of a hard-wrapped page is one head.

use super::unwrap::rows_of_one_list;
use super::wrap_width::Wrap;
use super::wrap_width::holds_clause_mark;
use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::ROLE_WORDS;
use crate::segment::classify::count_upto;
use crate::segment::classify::ends_sentence;
use crate::segment::classify::is_byline_line;
use crate::segment::classify::is_date_line;
use crate::segment::classify::is_dateline_alone;
use crate::segment::classify::is_name_line;
use std::borrow::Cow;

/// A short line of a hard-wrapped page that may be part of a heading: no sentence
/// in it, nothing that reads as a byline, a dateline, a date, a caption or a jump.
fn head_piece(u: &Unit<'_>, wrap: Wrap) -> bool {
    u.is_unmarked() && !u.indent && head_piece_text(&u.text, wrap)
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
        && !is_byline_line(t)
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
        && u.is_unmarked()
        && !u.indent
        && t.len() < u.text.len()
        && (1..=12).contains(&count_upto(t, 13))
        && !t.contains(['：', ':'])
        && !t.ends_with(['？', '?', '！', '!', '，', ','])
        && head_piece_text(t, wrap)
}

/// A name printed after a columnist's mark (`◇ 松寮`, `□ 瞻山客`: the mark taken off
/// as the unit's bullet). Only the marks no run of briefs opens with count: `■`,
/// `◆`, `●`, `▲` open a bulleted head (`◆网民关注`) as often.
fn pen_marked_name(u: &Unit<'_>) -> bool {
    const COLUMNIST_MARKS: [char; 4] = ['◇', '□', '○', '◎'];
    u.bullet.is_some_and(|b| COLUMNIST_MARKS.contains(&b))
        && crate::segment::classify::is_pen_signed_name(&u.text)
}

/// Two or three Han characters: a pen name under a title as much as the tail of a
/// wrapped title; what follows tells (a title has one byline: a byline or a `——`
/// subtitle below says the short line is the title's tail).
pub(super) fn is_pen_name_like(t: &str) -> bool {
    (2..=3).contains(&count_upto(t, 4)) && t.chars().all(crate::text::is_han)
}

/// `name`, the short line right under the head line `title` (with room or running
/// text below it, which the caller tells), is the writer who signs the title, not
/// the title's tail a wrap cut off: a commentary's title over its writer, as a PDF
/// extractor prints the two in one block (`让“一家人算一本账”成为常态` / `苏望川`,
/// `保供稳价，功夫在平时` / `文澜`). The name is two or three Han characters
/// (spaced out or not) that read as a name: one word of jieba's dictionary tagged
/// as a person's name, or a family name and a given name with no dictionary word
/// in them; a title's tail is or holds a word (`新徒弟`, `冬候鸟`), or opens with
/// no family name (`的来处`, `要算细`). (A pen name of no family name, `沄上客`,
/// `昙言`, cannot be told from such a tail, and is left to the tail's rules.) The
/// title is whole: it closes its quotes and brackets, ends in no sentence, role or
/// comma, and jieba's reading of the two lines sets no word across the cut (`…时`
/// / `文澜` reads `平时` / `文澜`).
pub(super) fn signs_title(title: &str, name: &str) -> bool {
    let bare: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let n = count_upto(&bare, 4);
    if !(2..=3).contains(&n)
        || !bare.chars().all(crate::text::is_han)
        || crate::segment::lexicon::lexicon().ends_like_place(&bare)
    {
        return false;
    }
    let open = |o: char, c: char| title.matches(o).count() > title.matches(c).count();
    let whole_title = (4..=28).contains(&count_upto(title, 29))
        && !ends_sentence(title)
        && !title.contains(['。', '；', ';'])
        && !title.ends_with(['，', '、', '：', ',', ':', '—'])
        && !open('“', '”')
        && !open('《', '》')
        && !open('（', '）')
        && !open('(', ')')
        && !ROLE_WORDS.iter().any(|r| title.ends_with(r))
        && !is_byline_line(title)
        && !is_dateline_alone(title)
        && crate::segment::classify::dateline(title).is_none()
        && !is_date_line(title);
    if !whole_title || crate::segment::rethread::reads_across(title, &bare) {
        return false;
    }
    // (The dictionary is asked last: the other tests are cheaper.)
    let jieba = crate::words::jieba();
    let chars: Vec<(usize, char)> = bare.char_indices().collect();
    // The two-character words inside, the first two characters aside.
    let inner_word = chars.windows(2).skip(1).any(|w| {
        let (i, c) = w[1];
        jieba.has_word(&bare[w[0].0..i + c.len_utf8()])
    });
    if inner_word {
        return false;
    }
    // A word of jieba's dictionary tagged as a person's name (`文澜`).
    if jieba.has_word(&bare)
        && matches!(jieba.tag(&bare, false).as_slice(), [t] if t.tag.starts_with("nr"))
    {
        return true;
    }
    // A family name and a given name, no word across the two (a two-character
    // family name is a word of its own, `司空`).
    let surname = crate::segment::classify::surname_len(&bare);
    (1..n).contains(&surname)
        && !jieba.has_word(&bare)
        && (surname == 2 || n == 2 || !jieba.has_word(&bare[..chars[2].0]))
}

/// What may stand under a title's signing name: room (a blank line, furniture, the
/// page's end) or a line of running text (clauses, nothing cut off the line above).
pub(super) fn room_or_text(next: Option<&Unit<'_>>) -> bool {
    next.is_none_or(|v| {
        v.gap > 0
            || v.markup != Markup::None
            || (holds_clause_mark(&v.text)
                && count_upto(&v.text, 8) >= 8
                && !crate::segment::rethread::opens_mid_sentence(&v.text)
                && !is_byline_line(&v.text))
    })
}

/// `鹱田乡人民政府` / `温馨提示`: an office's name alone on its line (Han characters
/// only, ending with an office's word, `lexicon().office_endings`) over a box's fixed
/// head (`lexicon().box_heads`): the name signs the notice above and the head opens
/// the box below, as on a notices page printed without blank lines. A box's head is
/// no tail of a wrapped title (`璜江省人民政府` / `任免名单` is one title: its tail is
/// no box's head).
fn signs_over_a_box(name: &str, head: &str) -> bool {
    let lexicon = crate::segment::lexicon::lexicon();
    count_upto(name, 21) <= 20
        && name.chars().all(crate::text::is_han)
        && lexicon.is_office(name)
        && lexicon.is_box_head(head)
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

/// `老城更新系列报道之三`, `“十五分钟生活圈”调查之二`: a kicker numbering a story of a
/// series ends with `之` and a Han numeral. It is whole: a title's first line cut by
/// a wrap ends where the width runs out, not on such a number.
fn numbers_a_series(t: &str) -> bool {
    let digits = t
        .chars()
        .rev()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    (1..=3).contains(&digits) && t.chars().rev().nth(digits) == Some('之') && count_upto(t, 6) >= 6
}

/// What stands under a head stack and is no head: a byline (a role alone waiting
/// for its name, too), a dateline or a `——` subtitle.
fn signs_or_subtitles(u: &Unit<'_>) -> bool {
    let t: &str = &u.text;
    u.gap == 0
        && (t.starts_with("——")
            || is_byline_line(t)
            || is_dateline_alone(t)
            || crate::segment::classify::credit_runs_on(t)
            || (count_upto(t, 13) <= 12 && ROLE_WORDS.iter().any(|r| t.ends_with(r))))
}

/// `a` is the first line of a head wrapped over three lines (`a` / `b` / `c`, the
/// last two its second line and its tail, already told a title's by
/// [`join_wrapped_heads`]): a narrow column's head measure is the same on every
/// full line, so `a` is as wide as `b`, within a character (a quote mark, a
/// half-width figure), `c` is no wider, and a word runs across the cut between `a`
/// and `b` (`让农机跑得更` / `远，售后要跟` / `得更紧`, `湄溪县果` / `农用上“智` /
/// `慧”果园`); the three run no longer than a head. A kicker over a two-line title
/// may be as wide as the title's first line (`镜头里的城市` / `留住一座城的` /
/// `烟火气`): no word runs from it into the title, so it stays apart.
fn three_lines(a: &Unit<'_>, b: &Unit<'_>, c: &Unit<'_>, wrap: Wrap, head: usize) -> bool {
    let (wa, wb, wc) = (wrap.of(&a.text), wrap.of(&b.text), wrap.of(&c.text));
    a.joined == 0
        && !numbers_a_series(&a.text)
        && !is_enclosed(&a.text)
        && wc <= wb
        && wa.abs_diff(wb) <= 2
        && crate::segment::rethread::bond(&a.text, &b.text)
        && count_upto(&a.text, head) + count_upto(&b.text, head) + count_upto(&c.text, head) <= head
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
    // A title's two lines together run no longer than a head (`[measures]`).
    let head = crate::segment::measures::measures().head_chars;
    let joinable = |a: &Unit<'_>, b: &Unit<'_>| {
        a.joined == 0
            && b.joined == 0
            && !field(&a.text)
            && !signs_over_a_box(&a.text, &b.text)
            && !numbers_a_series(&a.text)
            && !is_enclosed(&b.text)
            && wrap.of(&a.text) > wrap.of(&b.text)
            && count_upto(&a.text, head) + count_upto(&b.text, head) <= head
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
            // (A name after a columnist's mark, `◇ 松寮`, signs the head above: it
            // is no further line of it.)
            if head_piece(v, wrap) && !pen_marked_name(v) {
                run.extend(it.next());
            } else {
                if !pen_marked_name(v) && question_tail(&run[run.len() - 1].text, v, wrap) {
                    run.extend(it.next());
                }
                break;
            }
        }
        let k = run.len();
        let pair = if k < 2 {
            None
        } else if signs_title(&run[k - 2].text, &run[k - 1].text) && room_or_text(it.peek()) {
            // The last line is the title's writer: the two lines above it are the
            // title, under a label or cut inside a word.
            k.checked_sub(3).filter(|&i| {
                i >= 1 || crate::segment::rethread::bond(&run[i].text, &run[i + 1].text)
            })
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
        // (A row of a list, `县自来水公司 0000-8812337`, is no head's first line.)
        let pair = pair.filter(|&i| {
            joinable(&run[i], &run[i + 1])
                && !(i >= 1 && rows_of_one_list(&run[i - 1].text, &run[i].text))
                && !rows_of_one_list(&run[i].text, &run[i + 1].text)
        });
        // The line over the pair, at the pair's first line's measure, is the head's
        // first line (a head wrapped over three lines of a narrow column).
        let first = pair.filter(|&i| {
            i >= 1
                && three_lines(&run[i - 1], &run[i], &run[i + 1], wrap, head)
                && !field(&run[i - 1].text)
        });
        for (i, v) in run.into_iter().enumerate() {
            if pair.is_some_and(|p| i == p + 1 || (first.is_some() && i == p))
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
    use super::numbers_a_series;
    use crate::segment::normalise::tests::texts;

    /// On a hard-wrapped page without blank lines, an office's name under a notice's
    /// last sentence signs the notice: a box's head under it (`温馨提示`) is no tail
    /// of the name; a title cut after an office's word (`…人民政府` / `任免名单`) is
    /// still one head.
    #[test]
    fn an_offices_name_over_a_box_head_stays_apart() {
        let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
        let page =
            format!("集市迁址\n{body}{body}九十。\n鹱田乡人民政府\n温馨提示\n{body}{body}九十。\n");
        let t = texts(&page);
        assert!(t.iter().any(|x| x == "鹱田乡人民政府"), "{t:?}");
        assert!(t.iter().any(|x| x == "温馨提示"), "{t:?}");
        let page = format!("{body}{body}九十。\n璜江省人民政府\n任免名单\n{body}{body}九十。\n");
        let t = texts(&page);
        assert!(t.iter().any(|x| x == "璜江省人民政府任免名单"), "{t:?}");
        assert!(super::signs_over_a_box(
            "麂城市发展和改革委员会",
            "温馨提示"
        ));
        assert!(!super::signs_over_a_box(
            "麂城市发展和改革委员会",
            "召开听证会"
        ));
    }

    /// A kicker numbering a story of a series is whole: no title is joined to it.
    #[test]
    fn a_series_number_ends_a_kicker() {
        assert!(numbers_a_series("老城更新系列报道之三"));
        assert!(numbers_a_series("“十五分钟生活圈”调查之二"));
        assert!(numbers_a_series("乡村振兴观察之十二"));
        assert!(!numbers_a_series("之一"));
        assert!(!numbers_a_series("探索城乡融合发展的新"));
        assert!(!numbers_a_series("三年行动计划第一"));
        let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
        let page =
            format!("“十五分钟生活圈”调查之二\n菜市场搬进了“城市客厅”\n{body}{body}九十。\n");
        let t = texts(&page);
        assert_eq!(t[0], "“十五分钟生活圈”调查之二", "{t:?}");
        assert_eq!(t[1], "菜市场搬进了“城市客厅”", "{t:?}");
    }

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

    /// A head wrapped over three lines of a narrow column (its first two lines at
    /// the head's measure, a word across the first cut, the last line no wider) is
    /// one head; a kicker as wide as the title's first line, no word running from
    /// it into the title, stays apart.
    #[test]
    fn a_head_wrapped_over_three_lines_is_one_head() {
        let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
        let page = format!(
            "{body}九十。\n让果农卖得更\n远，冷链要跟\n得更紧\n晚报记者 宓一帆\n{body}九十。\n让湖鲜走得更\n远，保鲜要跟\n得更紧\n{body}九十。\n文化周末游\n社区书屋添\n了新书架\n{body}九十。\n"
        );
        let t = texts(&page);
        for head in [
            "让果农卖得更远，冷链要跟得更紧",
            "让湖鲜走得更远，保鲜要跟得更紧",
            "文化周末游",
            "社区书屋添了新书架",
        ] {
            assert!(t.iter().any(|x| x == head), "{head}: {t:?}");
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

    /// On a hard-wrapped page without blank lines, a commentary's title over its
    /// writer's name and the text (`保供稳价，功夫在平时` / `文澜` / `菜篮子…`) is no
    /// title wrapped over two lines, though a word happens to run across the cut
    /// (`时文`): jieba reads `平时` / `文澜`, a name.
    #[test]
    fn a_name_under_a_title_over_its_text_signs_it() {
        let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
        let page = format!(
            "{body}九十。\n衡言\n保供稳价，功夫在平时\n文澜\n菜篮子连着千家万户。保供稳价，不能等到价格大涨\n{body}九十。\n"
        );
        let t = texts(&page);
        for kept in ["保供稳价，功夫在平时", "文澜"] {
            assert!(t.iter().any(|x| x == kept), "{kept}: {t:?}");
        }
        assert!(super::signs_title("守护好这一湖碧水", "苏 望 川"));
        assert!(super::signs_title("“微更新”贵在一个“微”字", "司空晓"));
        // Spaced out, as an OCR engine or an old page spaces every character.
        assert!(!super::signs_title("苜 田 村 夏 收", "快 又 好"));
        assert!(!super::signs_title("泂 江 春 汛", "已 過"));
        assert!(!super::signs_title("留住一座城的", "烟火气"));
        assert!(!super::signs_title("岑阳新能源公交车占比超", "九成"));
        assert!(!super::signs_title("便民服务贵在“接地", "气”"));
        // A title cut where the width ran out leaves a tail that opens with no
        // family name, or holds a word.
        for (head, tail) in [
            ("湿地迎来越", "冬候鸟"),
            ("读懂一座城", "的来处"),
            ("小微企业的账", "要算细"),
            ("江边的那棵老", "皂角树"),
            ("门前那条小河", "又清了"),
        ] {
            assert!(!super::signs_title(head, tail), "{head} / {tail}");
        }
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

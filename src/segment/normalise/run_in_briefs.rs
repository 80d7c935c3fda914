//! Briefs printed run in without a bullet under their banner: each brief a paragraph
//! opening with its head, a space and its text (`体坛快讯` / `鹒城中学生篮球赛收官 为期
//! 十天的…收官，…。` / `鹓口水库公开水域游泳赛报名 第二届…。`; `财经简讯` / `桤州新增专精
//! 特新企业46家　近日，…`). A bulleted one is read line by line (`blocks::run_in`);
//! without a bullet a line holding a space is as often a sentence or a table's row,
//! so only the paragraphs right under a banner over a run of briefs, two or more of
//! them in a row, each a head, a space and running text, are read so.
//!
//! A bulleted head that a narrow column wrapped over two or three lines, its text
//! opening after its tail and a space, is joined back into one head here too
//! ([`join_wrapped_run_in_heads`]), once the page is unwrapped.

use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use crate::segment::classify::{count_upto, dateline, is_byline, is_byline_line, is_complete};
use crate::segment::lexicon::NewsDayWords;
use crate::segment::news_day::{Reach, tells_news_day};

/// Fewest run-in briefs in a row under a banner.
const LEAST_BRIEFS: usize = 2;
/// A run-in head: this many characters at least, and at most [`MOST_HEAD`].
const LEAST_HEAD: usize = 4;
const MOST_HEAD: usize = 30;
/// The text after the head on its line: this many characters at least.
const LEAST_TEXT: usize = 8;

/// Where the head of a run-in brief ends and its text starts in `text` (byte
/// offsets): a head of [`LEAST_HEAD`] to [`MOST_HEAD`] characters with no sentence
/// punctuation and no space, one space (ASCII or U+3000; two ASCII ones at most),
/// then the text. `None` for a dateline (`本报澄川10月19日电　…`), a byline, or a
/// line that opens no head.
fn parts(text: &str) -> Option<(usize, usize)> {
    let cut = text.find([' ', '\u{3000}'])?;
    let head = bare_head(&text[..cut]);
    let rest = &text[cut..];
    let after = rest.trim_start_matches([' ', '\u{3000}']);
    let space = &rest[..rest.len() - after.len()];
    if !(space == "\u{3000}" || space == " " || space == "  ") {
        return None;
    }
    let n = count_upto(head, MOST_HEAD + 1);
    let ok = (LEAST_HEAD..=MOST_HEAD).contains(&n)
        && head.chars().filter(|&c| crate::text::is_han(c)).count() >= 3
        && !head.contains(HEAD_STOPS)
        && count_upto(after, LEAST_TEXT) >= LEAST_TEXT
        && opens_a_sentence(after)
        && dateline(text).is_none()
        && !is_dispatch(head)
        && !is_byline(head, n);
    ok.then_some((cut, cut + space.len()))
}

/// Sentence punctuation no run-in head holds.
const HEAD_STOPS: [char; 11] = [
    '，', '。', '；', '：', ':', ',', '、', '？', '！', '（', '(',
];

/// Whether a brief's text opens as a sentence does: a Han character, a figure or
/// a quotation mark.
fn opens_a_sentence(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| crate::text::is_han(c) || c.is_ascii_digit() || c == '“')
}

/// A run-in head without the emphasis marks a converter printed around it
/// (`**桤州新增专精特新企业46家**`).
fn bare_head(head: &str) -> &str {
    head.trim_matches(['*', '_'])
}

/// `本报楝城1月7日讯`, `新华社北京6月9日电`: a dispatch's dateline, which opens a
/// brief's text, not its head (its word one of the lexicon's
/// `kind_words.dateline_words`, or a dated `电`).
fn is_dispatch(head: &str) -> bool {
    crate::segment::lexicon::lexicon()
        .ends_with_kind_word(crate::segment::lexicon::KindList::DatelineWords, head)
        || (head.ends_with('电') && head.contains('日'))
}

/// Split the run-in briefs under each banner (`Markup::Banner`) into a run-in head
/// (a unit of its own, on the same line) and its text. A brief's paragraph is its
/// first line and the lines that go on from it with no blank line (a hard-wrapped
/// print's): it holds a comma or a full stop and ends a sentence. The run ends at
/// the first paragraph that is no such brief.
pub(super) fn split_run_in_briefs(units: &mut Vec<Unit<'_>>) {
    if !units.iter().any(|u| u.markup == Markup::Banner) {
        return;
    }
    let mut briefs: Vec<(usize, usize)> = Vec::new();
    for b in 0..units.len() {
        if units[b].markup != Markup::Banner {
            continue;
        }
        let mut run = Vec::new();
        let mut k = b + 1;
        while k < units.len() {
            let u = &units[k];
            if u.markup != Markup::None || u.level > 0 || parts(&u.text).is_none() {
                break;
            }
            // The paragraph: this line and the lines that go on from it.
            let mut end = k + 1;
            while end < units.len()
                && units[end].markup == Markup::None
                && units[end].gap == 0
                && units[end].level == 0
                && !is_complete(&units[end - 1].text)
                && parts(&units[end].text).is_none()
            {
                end += 1;
            }
            let running = units[k..end].iter().any(|u| u.text.contains(['，', '。']));
            if !running || !is_complete(&units[end - 1].text) {
                break;
            }
            run.push((k, end));
            k = end;
        }
        if run.len() >= LEAST_BRIEFS {
            briefs.extend(run);
        }
    }
    if briefs.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(units.len() + briefs.len());
    let mut next = briefs.into_iter().peekable();
    let mut units_in = std::mem::take(units).into_iter().enumerate();
    while let Some((k, u)) = units_in.next() {
        let Some((_, end)) = next.next_if(|&(at, _)| at == k) else {
            out.push(u);
            continue;
        };
        let Some((head_end, text_start)) = parts(&u.text) else {
            out.push(u);
            continue;
        };
        let head = bare_head(&u.text[..head_end]).to_string();
        let mut text = u.text[text_start..].to_string();
        // The brief's further lines are its text's: joined here, as the text's first
        // line, cut after the head, is narrower than the page's lines and would stand
        // apart from them in the unwrap.
        let mut last_line = u.line + u.joined;
        for (_, more) in units_in.by_ref().take(end - k - 1) {
            super::unwrap::join_line(&mut text, &more.text);
            last_line = more.line + more.joined;
        }
        let [first, mut second] = super::split_on_its_line(u, head, Markup::RunIn, text);
        second.joined = last_line.saturating_sub(second.line);
        out.push(first);
        out.push(second);
    }
    *units = out;
}

/// A bulleted run-in head a narrow column wrapped (`▲眸州开通` / `夜间急诊绿色通` /
/// `道 即日起，市内` / `五家医院开通夜…`; `■省政府召开防汛工` / `作会议 省政府7月5日
/// 召开…`), once the page is unwrapped: the bulleted line stands as a head of its
/// own, the lines under it are one paragraph that opens with the head's tail, a
/// space and the text. The tail (no sentence punctuation, no figure cut from its
/// unit before the space) goes to the head, which runs [`LEAST_HEAD`] to
/// [`MOST_HEAD`] characters, and the paragraph keeps the text after the space when
/// it opens as a sentence does (a Han character, a figure, a quotation mark) and
/// runs on (a comma or a full stop). No dateline, dispatch or byline is a head's
/// tail (a bulleted title over `本报讯 …` keeps its text), no piece that tells the
/// day of the news as a text opens on it (`7月5日 省政府召开…`, `今年以来 全市…`:
/// a whole title over its text keeps it), and no line that is a byline as a whole
/// (`读者 桓雨村`) holds one.
pub(super) fn join_wrapped_run_in_heads(units: &mut [Unit<'_>]) {
    let unbroken = |t: &str| !t.contains([' ', '\u{3000}']) && !t.contains(HEAD_STOPS);
    for i in 1..units.len() {
        let (above, below) = units.split_at_mut(i);
        let (u, v) = (&mut above[i - 1], &mut below[0]);
        if u.bullet.is_none()
            || u.markup != Markup::None
            || u.level > 0
            || !unbroken(&u.text)
            || v.gap != 0
            || v.markup != Markup::None
            || v.level > 0
            || v.bullet.is_some()
        {
            continue;
        }
        let Some(cut) = v.text.find(' ') else {
            continue;
        };
        let piece = &v.text[..cut];
        let after = v.text[cut..].trim_start_matches(' ');
        let head = format!("{}{piece}", u.text);
        let n = count_upto(&head, MOST_HEAD + 1);
        if (LEAST_HEAD..=MOST_HEAD).contains(&n)
            && !piece.is_empty()
            && unbroken(piece)
            && !piece.ends_with(|c: char| c.is_ascii_digit())
            && opens_a_sentence(after)
            && after.contains(['，', '。'])
            && count_upto(after, LEAST_TEXT) >= LEAST_TEXT
            && dateline(&v.text).is_none()
            && !is_dispatch(piece)
            && !tells_news_day(
                piece,
                NewsDayWords::ReportOpeners,
                Reach::Opening,
                Reach::Opening,
            )
            && !is_byline_line(piece)
            && !is_byline_line(&v.text)
        {
            let text = after.to_string();
            u.text = std::borrow::Cow::Owned(head);
            u.markup = Markup::RunIn;
            v.text = std::borrow::Cow::Owned(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::segment::segment_issue;

    /// A bulleted run-in head a narrow column wrapped over two or three lines is
    /// one head, up to the space where its text opens; a bulleted title over a
    /// text opening with a dateline keeps its text.
    #[test]
    fn a_wrapped_bulleted_run_in_head_is_one_head() {
        // A narrow column of eight characters: a story, then the briefs.
        let story = [
            "老街上的修鞋摊",
            "晚报记者 筱雨",
            "在筱城老城的东门",
            "巷口，有一个修鞋",
            "摊已经摆了三十年",
            "。摊主老周每天早",
            "上七点出摊，风雨",
            "无阻。街坊们的鞋",
            "子坏了，都爱拿到",
            "他这里来修。他说",
            "，修鞋是手艺活，",
            "也是良心活，一双",
            "鞋修好了，能再穿",
            "好几年。这些年来",
            "，他修过的鞋有上",
            "万双，街坊们都叫",
            "他“鞋大夫”。",
        ]
        .join("\n");
        let briefs = "社会速递\n▲筱城开通\n夜间急诊绿色通\n道 即日起，市内\n五家医院开通夜\n间急诊绿色通道。\n▲筱湖公园\n新增环湖步道 筱\n湖公园环湖步道昨\n日建成开放，全长\n三公里。\n";
        let page = format!("{story}\n\n{briefs}");
        let a = segment_issue(&page, "k");
        let a: Vec<_> = a
            .into_iter()
            .filter(|a| a.title != "老街上的修鞋摊")
            .collect();
        let titles: Vec<&str> = a.iter().map(|a| a.title.as_str()).collect();
        for title in ["筱城开通夜间急诊绿色通道", "筱湖公园新增环湖步道"] {
            assert!(titles.contains(&title), "{title}: {a:#?}");
        }
        let first = a.iter().find(|a| a.title == "筱城开通夜间急诊绿色通道");
        assert!(
            first.is_some_and(|a| a.paragraphs.concat().starts_with("即日起")),
            "{a:#?}"
        );
        let page = "▲筱城开通夜间急诊绿色通道\n本报讯 即日起，市内五家医院开通夜间急诊绿色通道。\n";
        let a = segment_issue(page, "k");
        assert_eq!(a[0].title, "筱城开通夜间急诊绿色通道", "{a:#?}");
        // A whole head over a text that opens on its day and a space keeps the
        // day in its text: the day is no tail of the head.
        for (head, text) in [
            (
                "省政府召开防汛工作会议",
                "7月5日 省政府召开防汛工作会议，部署全省防汛工作。",
            ),
            (
                "市民服务热线",
                "今年以来 全市热线共受理群众来电十二万件，办结率九成八。",
            ),
        ] {
            let page = format!("■{head}\n{text}\n");
            let a = segment_issue(&page, "k");
            assert_eq!(a[0].title, head, "{a:#?}");
        }
    }

    /// A dispatch's dateline ends with `讯` or a dated `电`; a head ending with the
    /// word `消息` (good news) is a brief's head, while `央视网消息（…）` still opens a
    /// lede as a dateline.
    #[test]
    fn news_in_a_head_is_no_dispatch() {
        assert!(super::is_dispatch("本报楝城1月7日讯"));
        assert!(super::is_dispatch("新华社北京6月9日电"));
        assert!(!super::is_dispatch("市民看病再添好消息"));
        assert!(!super::is_dispatch("最新消息"));
        assert_eq!(
            crate::segment::classify::dateline_marker("央视网消息（记者 甘露）今天"),
            Some("央视网消息".len())
        );
    }

    /// Under a banner over a run of briefs, briefs printed run in without a bullet
    /// (a head, one space, the text) are articles titled by their heads, in a plain
    /// print and in a hard-wrapped one whose briefs' lines run on without a blank
    /// line between them.
    #[test]
    fn run_in_briefs_under_a_banner_are_titled_by_their_heads() {
        let plain = "体育快讯\n\n筱城青少年篮球训练营开营 筱城市青少年篮球训练营7月12日开营，首期招收学员一百五十名。\n筱湖龙舟赛报名启动 第三届筱湖龙舟赛将于8月举行，报名截至7月20日。\n筱城老年门球联赛收官 为期五天的筱城老年门球联赛昨日收官，筱东队夺得冠军。\n\n责任编辑 柏一川\n";
        let titles = |page: &str| -> Vec<String> {
            segment_issue(page, "k")
                .into_iter()
                .map(|a| a.title)
                .collect()
        };
        let want = [
            "筱城青少年篮球训练营开营",
            "筱湖龙舟赛报名启动",
            "筱城老年门球联赛收官",
        ];
        assert_eq!(titles(plain), want);
        let wrapped = "体育快讯\n\n筱城青少年篮球训练营开营 筱城市青少年篮球训练营7月12日开\n营，首期招收学员一百五十名。\n筱湖龙舟赛报名启动 第三届筱湖龙舟赛将于8月举行，报名截\n至7月20日。\n筱城老年门球联赛收官 为期五天的筱城老年门球联赛昨日收官，\n筱东队夺得冠军。\n\n责任编辑 柏一川\n";
        assert_eq!(titles(wrapped), want);
        // A converter's emphasis around each head is no part of the title.
        let marked = plain
            .replace(
                "筱城青少年篮球训练营开营 ",
                "**筱城青少年篮球训练营开营**　",
            )
            .replace("筱湖龙舟赛报名启动 ", "**筱湖龙舟赛报名启动**　")
            .replace("筱城老年门球联赛收官 ", "**筱城老年门球联赛收官**　");
        assert_eq!(titles(&marked), want);
        let a = segment_issue(wrapped, "k");
        assert_eq!(
            a[0].paragraphs,
            ["筱城市青少年篮球训练营7月12日开营，首期招收学员一百五十名。"],
            "{a:#?}"
        );
    }

    /// In a hard-wrapped print a brief's first line, its head and the first words of
    /// its text, is cut narrower than the page's lines: its further lines are the
    /// text's, so the head titles the brief and its text is whole (the head was a
    /// kicker over the text's first fragment, a title, before).
    #[test]
    fn a_hard_wrapped_briefs_text_goes_on_past_its_first_line() {
        let story = "芦城今年新修了四条乡村公路，沿线九个村的村民赶集不用再绕远路，运菜的车也能直接开到地头。";
        let wrapped: String = story
            .repeat(3)
            .chars()
            .collect::<Vec<_>>()
            .chunks(30)
            .map(|c| c.iter().collect::<String>() + "\n")
            .collect();
        let page = format!(
            "芦城乡村公路通到家门口\n\n{wrapped}\n体育快讯\n\n芦城少儿围棋赛落幕 2月3日，芦城少儿围\n棋赛在东区文化馆落幕，来自全市28所学校的190名小棋手参赛\n，育才小学获得团体第一。\n\n芦湖冬泳表演举行 2月4日上午，40多名冬泳爱好者在芦湖公园\n举行迎新春冬泳表演，年龄最大的队员已经七十三岁。\n"
        );
        let a = segment_issue(&page, "k");
        let briefs: Vec<(&str, &str, &[String])> = a
            .iter()
            .skip(1)
            .map(|a| (a.kicker.as_str(), a.title.as_str(), a.paragraphs.as_slice()))
            .collect();
        assert_eq!(
            briefs,
            [
                (
                    "",
                    "芦城少儿围棋赛落幕",
                    &["2月3日，芦城少儿围棋赛在东区文化馆落幕，来自全市28所学校的190名小棋手参赛，育才小学获得团体第一。".to_string()][..]
                ),
                (
                    "",
                    "芦湖冬泳表演举行",
                    &["2月4日上午，40多名冬泳爱好者在芦湖公园举行迎新春冬泳表演，年龄最大的队员已经七十三岁。".to_string()][..]
                ),
            ],
            "{a:#?}"
        );
    }

    /// A brief closed by its reporter's credit (`…。（记者 骆川）`) ends there: the
    /// label printed under it is no line of its text, and the brief is split, not
    /// swallowed by the brief above.
    #[test]
    fn a_brief_ends_at_its_credit() {
        let page = "**赛场速递**\n**市少儿围棋赛落幕**　2月3日，芦城市少儿围棋赛在东区文化馆落幕，育才小学获得团体第一。（记者 柯舟）\n**芦湖冬泳队迎新春表演**　2月4日上午，40多名冬泳爱好者在芦湖公园举行迎新春冬泳表演。\n**芦城籍棋手晋升职业四段**　记者从市围棋协会获悉，芦城籍棋手苑青晋升四段。（记者 柯舟）\n**体坛观潮**\n# 业余联赛，也要专业地办\n城市篮球联赛办到第四个赛季，看台上的观众一年比一年多。\n";
        let titles: Vec<String> = segment_issue(page, "k.md")
            .into_iter()
            .map(|a| a.title)
            .collect();
        assert_eq!(
            titles,
            [
                "市少儿围棋赛落幕",
                "芦湖冬泳队迎新春表演",
                "芦城籍棋手晋升职业四段",
                "业余联赛，也要专业地办",
            ]
        );
    }

    /// A line holding a space that is no brief's head (a dateline, a sentence cut
    /// with a space in it) is left as it is. (A table's row, `鹒城队—鹨湾队 1：1
    /// 点球4：2`, may read as a head and its text; it holds no clause, so it makes
    /// no brief of a run.)
    #[test]
    fn lines_with_a_space_are_no_run_in_briefs() {
        assert_eq!(super::parts("本报讯 近日，全市开展夏季安全检查。"), None);
        assert_eq!(
            super::parts("本报筱城7月1日讯　筱城市1日发布新规，自下月起施行。"),
            None
        );
        assert_eq!(
            super::parts("着河岸一路捡拾塑料瓶。 们认识河边的水草"),
            None
        );
        assert!(super::parts("筱湖龙舟赛报名启动 第三届筱湖龙舟赛将于8月举行。").is_some());
    }
}

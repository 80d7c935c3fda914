//! The lines a printed page sets around its articles, each known by its own words:
//! page numbers and codes, page credits, attribution lines, running heads, a
//! masthead's lines, teasers pointing to other pages.

use super::line::Line;
use crate::segment::blocks::trim;
use crate::segment::classify::Figures;
use crate::segment::classify::count_upto;
use crate::segment::classify::head;
use crate::segment::classify::read_date;
use crate::segment::lexicon::lexicon;
use crate::text::{holds_char, is_digit};

/// `第 12 页`, `- 12 -`, `12`, `第12版`, `Page 3`: a page number alone.
pub(super) fn is_page_number(text: &str) -> bool {
    // The number (a digit) or what may stand before it opens the line: nearly every
    // line asked about fails on its first character, before any is gathered.
    let opens = |c: char| matches!(c, '第' | '-' | '—' | '–' | '·' | 'P') || is_digit(c);
    if !text.chars().find(|c| !c.is_whitespace()).is_some_and(opens) {
        return false;
    }
    // The first 13 characters but whitespace, on the stack (13: more is no number).
    let mut buf = [0u8; 13 * 4];
    let mut len = 0;
    for (i, c) in text.chars().filter(|c| !c.is_whitespace()).enumerate() {
        if i == 12 {
            return false;
        }
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    let Ok(t) = std::str::from_utf8(&buf[..len]) else {
        return false;
    };
    let core = t
        .trim_start_matches(['第', '-', '—', '–', '·'])
        .trim_end_matches(['页', '版', '-', '—', '–', '·']);
    let core = core.strip_prefix("Page").unwrap_or(core);
    !core.is_empty() && core.chars().all(is_digit)
}

/// A page's number or its running head (`第 2 页`, `晋北日报  2025年3月5日  要闻`): the
/// lines a print sets at every page break, wherever the break falls (inside a
/// timeline's post too).
pub(in crate::segment) fn is_page_frame(text: &str) -> bool {
    is_page_number(text) || is_running_head(&Line::new(text))
}

/// `B02`, `A12`: a tabloid's page code alone (read only inside a masthead).
pub(super) fn is_page_code(text: &str) -> bool {
    let mut it = text.chars();
    it.next().is_some_and(|c| c.is_ascii_uppercase())
        && (1..=2).contains(&it.clone().count())
        && it.all(|c| c.is_ascii_digit())
}

/// `本版责编：张三 美编：李四`: the credits of a page.
///
/// The words it opens with are asked of the line itself (the same answer as of its
/// first eight characters): only a line that opens with `本版` has them gathered.
pub(super) fn is_page_credit(text: &str) -> bool {
    if text.starts_with("本版") {
        let h = head(text, 8);
        return h.contains('编') || h.contains('审') || h.contains('校');
    }
    text.starts_with("美编") || text.starts_with("校对")
}

/// `《某某日报》（2025年10月20日 第 02 版）`: where an e-paper article appeared.
/// (A reprint note, `《山西日报》1月13日3版刊发`, is not this: it heads its article.)
pub(super) fn is_attribution(text: &str, n: usize) -> bool {
    if !text.starts_with('《') || n > 40 {
        return false;
    }
    let Some(close) = text.find('》') else {
        return false;
    };
    let rest = trim(&text[close + '》'.len_utf8()..]);
    (rest.starts_with('（') || rest.starts_with('('))
        && (rest.ends_with('）') || rest.ends_with(')'))
        && rest.contains('年')
        && rest.contains('版')
}

/// A line naming a date and a paper or page: a running head or section line
/// (`九域日报　2025年10月20日　星期一`, `12　民生`).
pub(super) fn is_running_head(line: &Line<'_>) -> bool {
    let text = line.text;
    if line.n > 40 || line.holds_any(&['，', '。', '：']) {
        return false;
    }
    // The characters the rules below ask for, from one reading of the (short)
    // line, where a search for each read it up to five times.
    // A date needs its `年`, a paper's name with its weekday its `报`: a line with
    // neither (most lines) is read for no mark, only for its number and word.
    if !holds_char(text, '年') && !holds_char(text, '报') {
        return number_and_word(text);
    }
    let (mut year, mut month, mut day, mut bao, mut ban, mut xing, mut digit) =
        (false, false, false, false, false, false, false);
    for c in text.chars() {
        match c {
            '年' => year = true,
            '月' => month = true,
            '日' => day = true,
            '报' => bao = true,
            '版' => ban = true,
            '星' => xing = true,
            _ => digit = digit || is_digit(c),
        }
    }
    let weekday = xing && text.contains("星期");
    let dated = year && month && day;
    let paper = bao || ban || weekday;
    if dated && paper {
        return true;
    }
    // `溱原晚报 2025.11.7 星期五 A06`: a paper, a weekday and a number.
    if bao && weekday && digit {
        return true;
    }
    // `12　民生`: a page number and a section name.
    number_and_word(text)
}

/// `3　要闻`: a page's number and a word of at most four characters, alone on
/// the line (a line that opens with no figure is not cut into words).
fn number_and_word(text: &str) -> bool {
    if !text.trim_start().starts_with(is_digit) {
        return false;
    }
    let mut parts = text
        .split(|c: char| c.is_whitespace())
        .filter(|p| !p.is_empty());
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(a), Some(b), None) if a.chars().all(is_digit) && count_upto(b, 5) <= 4
    )
}

/// `HUAHENG RIBAO`, `QINYUAN DAILY`: a paper's name in Latin capitals.
pub(super) fn is_latin_name(text: &str) -> bool {
    let mut letters = 0;
    for (i, c) in text.chars().enumerate() {
        if i > 40 || !(c.is_ascii_uppercase() || matches!(c, ' ' | '\'' | '-' | '.')) {
            return false;
        }
        letters += usize::from(c.is_ascii_uppercase());
    }
    letters >= 5
}

/// `今日16版　第28761号　国内统一连续出版物号 CN 00-0158`, `星期六`, `农历九月十六`:
/// an information line of a masthead (a masthead word, or an issue number
/// `第…号` / `第…期`, and no sentence).
pub(super) fn is_masthead_info(line: &Line<'_>) -> bool {
    let text = line.text;
    if line.n > 80 || line.holds_any(&['。', '，']) {
        return false;
    }
    if lexicon().has_masthead_mark(text) {
        return true;
    }
    numbered(text, "第", &['号', '期'])
        || numbered(text, "今日", &['版'])
        || numbered(text, "本期", &['版'])
}

/// A character of a page's or an issue's number: a figure or a Chinese numeral
/// up to 十 (`4`, `４`, `四`, `十二`).
fn is_page_numeral(c: char) -> bool {
    is_digit(c)
        || matches!(
            c,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
}

/// `第28761号`, `第1186期`, `今日16版`, `本期四版`: `word`, a number (figures or
/// Chinese numerals), then one of `units`, somewhere in `text`.
fn numbered(text: &str, word: &str, units: &[char]) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let rest = &text[i + word.len()..];
        let digits = rest.chars().take_while(|&c| is_page_numeral(c)).count();
        digits > 0 && rest.chars().nth(digits).is_some_and(|c| units.contains(&c))
    })
}

/// `2031年3月14日 星期五 | 第8123期`, `2026年5月8日　第1186号`: a page's date and its
/// issue number on one line (no sentence in it). Furniture wherever it stands: in a
/// masthead, or alone under a web edition's bar of links.
pub(super) fn is_dated_issue(line: &Line<'_>) -> bool {
    let text = line.text;
    line.n <= 40
        && !line.holds_any(&['。', '，'])
        && read_date(text, Figures::Printed).is_some_and(|date| date.day)
        && numbered(text, "第", &['号', '期'])
}

/// `2031年6月9日 第4版 公告`, `1995年6月18日　星期日　第2版`: a page's date and
/// its page number on one line (no sentence in it), as a masthead prints them
/// under the paper's name.
pub(super) fn is_dated_page(line: &Line<'_>) -> bool {
    let text = line.text;
    line.n <= 40
        && !line.holds_any(&['。', '，'])
        && read_date(text, Figures::Printed).is_some_and(|date| date.day)
        && numbered(text, "第", &['版'])
}

/// `青岚日报 第05版：乡村振兴`, `某某晚报　第3版`: a paper's name and a page
/// number `第N版` (a section may follow after a colon), no sentence: the name of
/// the page a web edition sets over its stories.
pub(super) fn is_page_name(line: &Line<'_>) -> bool {
    let text = line.text;
    if line.n > 30 || line.holds_any(&['。', '，', '；', '！', '？', '《']) {
        return false;
    }
    // The paper's name comes first, whole: `(上接第1版)…报送…` names no paper.
    text.find('第').is_some_and(|at| {
        let name = trim(&text[..at]);
        name.ends_with('报')
            && !name.contains(|c: char| "()（）[]【】".contains(c))
            && numbered(&text[at..], "第", &['版'])
    })
}

/// `经济·民生`, `要闻`: a section name in a page's head band.
pub(super) fn is_section_name(text: &str) -> bool {
    let n = count_upto(text, 8);
    (2..=7).contains(&n) && text.chars().all(|c| crate::text::is_han(c) || c == '·')
}

/// `责编 林小满　美编 方格`, `…第7版　　责任编辑：孟溪`: a credit field followed by
/// its value, anywhere in a short line without a full stop.
pub(super) fn has_credit_line(line: &Line<'_>) -> bool {
    let text = line.text;
    if line.n > 60 || line.holds('。') || !lexicon().has_credit_field(text) {
        return false;
    }
    lexicon().credit_fields().any(|f| {
        text.match_indices(f).any(|(i, _)| {
            text[i + f.len()..]
                .chars()
                .next()
                .is_some_and(|c| matches!(c, '：' | ':' | ' ' | '\u{3000}'))
        })
    })
}

/// `第二版　我国新能源汽车年产量…`, `民生实事“回头看”　4版`: a line of a box
/// pointing to stories on other pages (a page number before or after a space).
pub(super) fn is_teaser(line: &Line<'_>) -> bool {
    let text = line.text;
    if line.n > 40 || line.holds('。') {
        return false;
    }
    let page_ref = |s: &str| {
        let s = s.trim_start_matches('第');
        let Some(core) = s.strip_suffix('版') else {
            return false;
        };
        !core.is_empty() && core.chars().all(is_page_numeral)
    };
    if bracketed_page_ref(text, page_ref) {
        return true;
    }
    // A page reference ends with `版` and a page code opens the line (after its
    // arrows) with a capital: a line with neither (nearly every head) is no
    // teaser, told before it is cut into words.
    let opens_capital = text
        .trim_start()
        .trim_start_matches(['▶', '►', '◀'])
        .starts_with(|c: char| c.is_ascii_uppercase());
    if !opens_capital && !holds_char(text, '版') {
        return false;
    }
    let mut parts = text.split(char::is_whitespace).filter(|p| !p.is_empty());
    let (Some(first), Some(_)) = (parts.next(), parts.next()) else {
        return false;
    };
    let last = text
        .split(char::is_whitespace)
        .rfind(|p| !p.is_empty())
        .unwrap_or("");
    // `▶A03`, `B01`: a tabloid's page code.
    let page_code = |s: &str| {
        let mut it = s.chars();
        it.next().is_some_and(|c| c.is_ascii_uppercase()) && {
            let digits = &s[1..];
            let digits = digits.strip_suffix('版').unwrap_or(digits);
            (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
        }
    };
    let first = first.trim_start_matches(['▶', '►', '◀']);
    page_ref(first) || page_code(first) || page_ref(last)
}

/// `（连载之七）`, `(连载四十二)`: a serial's part number alone on its line, in
/// brackets (see `Lexicon::is_serial_note`), a note under its title, neither title
/// nor text. A line that only opens with such brackets is text. The announcement of
/// the next part (`下期预告：…`, see `Lexicon::is_serial_preview`) is no head either.
pub(super) fn is_serial_note(text: &str) -> bool {
    if count_upto(text, 41) <= 40 && lexicon().is_serial_preview(text) {
        return true;
    }
    let Some(inner) = text
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']))
    else {
        return false;
    };
    let inner: String = inner.chars().filter(|c| !c.is_whitespace()).collect();
    count_upto(&inner, 13) <= 12 && lexicon().is_serial_note(&inner)
}

/// `■　让文物在博物馆里“活”起来（第九版）`, `高铁春运客流创新高（详见A04版）`: a head
/// with the page it is on in brackets after it (`第X版`, `X版` or a tabloid's `A04版`,
/// after an optional `见`/`详见`); a jump marker (`（下转第二版）`) is no such line.
fn bracketed_page_ref(text: &str, page_ref: impl Fn(&str) -> bool) -> bool {
    let Some(inner) = text.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = inner.rfind(['（', '(']) else {
        return false;
    };
    let head =
        crate::segment::blocks::trim(inner[..open].trim_start_matches(['■', '●', '◆', '▲', '▶']));
    let page = inner[open..].trim_start_matches(['（', '(']);
    let page = page
        .strip_prefix("详见")
        .or_else(|| page.strip_prefix('见'))
        .unwrap_or(page);
    let code = page.strip_suffix('版').is_some_and(|c| {
        let mut it = c.chars();
        it.next().is_some_and(|c| c.is_ascii_uppercase())
            && (1..=2).contains(&it.clone().count())
            && it.all(|c| c.is_ascii_digit())
    });
    count_upto(head, 4) >= 4 && (page_ref(page) || code)
}

#[cfg(test)]
mod tests {
    use crate::segment::normalise::tests::texts;

    /// [`super::is_teaser`] as it read every line into words before asking for
    /// a page reference or code.
    fn teaser_read_in_words(text: &str) -> bool {
        use super::*;
        let line = Line::new(text);
        if line.n > 40 || line.holds('。') {
            return false;
        }
        let page_ref = |s: &str| {
            let s = s.trim_start_matches('第');
            let Some(core) = s.strip_suffix('版') else {
                return false;
            };
            !core.is_empty() && core.chars().all(is_page_numeral)
        };
        if bracketed_page_ref(text, page_ref) {
            return true;
        }
        let mut parts = text.split(char::is_whitespace).filter(|p| !p.is_empty());
        let (Some(first), Some(_)) = (parts.next(), parts.next()) else {
            return false;
        };
        let last = text
            .split(char::is_whitespace)
            .rfind(|p| !p.is_empty())
            .unwrap_or("");
        let page_code = |s: &str| {
            let mut it = s.chars();
            it.next().is_some_and(|c| c.is_ascii_uppercase()) && {
                let digits = &s[1..];
                let digits = digits.strip_suffix('版').unwrap_or(digits);
                (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
            }
        };
        let first = first.trim_start_matches(['▶', '►', '◀']);
        page_ref(first) || page_code(first) || page_ref(last)
    }

    /// `is_running_head` as it read every line for its marks before.
    fn running_head_read_through(line: &super::Line<'_>) -> bool {
        use super::*;
        let text = line.text;
        if line.n > 40 || line.holds_any(&['，', '。', '：']) {
            return false;
        }
        let (mut year, mut month, mut day, mut bao, mut ban, mut xing, mut digit) =
            (false, false, false, false, false, false, false);
        for c in text.chars() {
            match c {
                '年' => year = true,
                '月' => month = true,
                '日' => day = true,
                '报' => bao = true,
                '版' => ban = true,
                '星' => xing = true,
                _ => digit = digit || is_digit(c),
            }
        }
        let weekday = xing && text.contains("星期");
        if year && month && day && (bao || ban || weekday) {
            return true;
        }
        if bao && weekday && digit {
            return true;
        }
        let mut parts = text
            .split(|c: char| c.is_whitespace())
            .filter(|p| !p.is_empty());
        matches!(
            (parts.next(), parts.next(), parts.next()),
            (Some(a), Some(b), None) if a.chars().all(is_digit) && count_upto(b, 5) <= 4
        )
    }

    proptest::proptest! {
        /// A running head is told as reading the whole line for its marks told it:
        /// dated lines, papers' names with their weekday, a page's number and word.
        #[test]
        fn a_running_head_is_told_as_reading_it_through_tells_it(
            s in "(2026|12|３|年|月|日|报|版|星期一|星|晚报|要闻|民生|新闻| |\u{3000}|，|a){0,10}"
        ) {
            let line = super::Line::new(&s);
            proptest::prop_assert_eq!(
                super::is_running_head(&line),
                running_head_read_through(&super::Line::new(&s)),
                "{:?}",
                s
            );
        }
    }

    proptest::proptest! {
        /// A line with no `版` that opens with no capital is told no teaser at
        /// once: the same answer as reading it into words.
        #[test]
        fn a_teaser_is_told_as_reading_its_words_tells_it(
            s in "(▶|►|◀|A|B|a|0|3|12|第|二|版|见|民生|新闻| |\u{3000}|（|）){0,10}"
        ) {
            let line = super::Line::new(&s);
            proptest::prop_assert_eq!(super::is_teaser(&line), teaser_read_in_words(&s), "{}", s);
        }
    }

    #[test]
    fn reprint_notes_stay() {
        let page = "《山西日报》1月13日3版刊发\n\n力量沉下去 服务暖上来\n";
        assert_eq!(texts(page).len(), 2);
    }

    /// A serial's part number alone under its title and the announcement of its
    /// next part are neither title nor text; a part number printed in the title's
    /// line stays in the title, and `（一）` alone (a notice's clause) is text.
    #[test]
    fn a_serials_notes_are_furniture() {
        let page = "长篇连载\n\n《江上谣》\n\n（连载之七）\n\n禹南枝\n\n天还没亮，阿满就到了渡口，江面上起了雾。\n\n（未完待续）\n\n下期预告：芦苇荡里亮起了一盏灯\n";
        let kept = texts(page);
        assert!(
            !kept
                .iter()
                .any(|t| t.contains("连载之七") || t.contains("下期预告")),
            "{kept:?}"
        );
        assert!(kept.iter().any(|t| t.contains("未完待续")), "{kept:?}");
        for line in [
            "鹖岭山歌的传说（连载之三）",
            "（一）",
            "（连载）",
            "（连载之七）的故事",
        ] {
            let page = format!("{line}\n\n天还没亮，阿满就到了渡口，江面上起了雾。\n");
            assert!(texts(&page).iter().any(|t| t == line), "{line}");
        }
    }

    #[test]
    fn a_date_and_issue_line_is_furniture_anywhere() {
        let page = "[1]首页 | [2]要闻 | [3]往期\n\n   2030年6月2日 星期日 | 第4521期\n\n村口建起了快递站\n\n   本报讯 近日，村口的快递站正式启用，村民取件不用再跑镇上。\n";
        let articles = crate::segment::segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["村口建起了快递站"], "{articles:#?}");
        // A head that opens on a date and names no issue stays.
        let head = "2030年6月2日 全县运动会开幕\n\n   本报讯 全县运动会昨日开幕。\n";
        assert!(texts(head).iter().any(|t| t.contains("运动会开幕")));
    }

    #[test]
    fn a_centred_page_name_is_furniture() {
        let page = "                      溪川日报 第07版：城乡\n\n河堤步道全线贯通\n\n   记者 谷秋岩\n\n   本报讯 沿河十二公里的步道日前全线贯通，市民可以一路走到湿地公园。\n";
        let articles = crate::segment::segment_issue(page, "p");
        let heads: Vec<(&str, &str)> = articles
            .iter()
            .map(|a| (a.kicker.as_str(), a.title.as_str()))
            .collect();
        assert_eq!(heads, [("", "河堤步道全线贯通")], "{articles:#?}");
        // A jump line that mentions a page and a report names no page.
        let jump = super::Line::new("(上接第1版)各区要每月报送一次");
        assert!(!super::is_page_name(&jump));
    }

    /// The short lines at a page's top above its date-and-issue line are its
    /// masthead (the paper's name, its publisher), no kicker of the first story.
    #[test]
    fn lines_above_a_date_and_issue_line_at_the_top_are_the_masthead() {
        let page = "溪川报\n\n中共溪川县委主办 溪川报社出版\n\n2030年6月2日 星期日 第1021期 今日4版\n\n村口建起了快递站\n\n本报记者 谷秋岩\n\n本报讯 近日，村口的快递站正式启用，村民取件不用再跑镇上。\n";
        let articles = crate::segment::segment_issue(page, "p");
        let heads: Vec<(&str, &str)> = articles
            .iter()
            .map(|a| (a.kicker.as_str(), a.title.as_str()))
            .collect();
        assert_eq!(heads, [("", "村口建起了快递站")], "{articles:#?}");
    }
}

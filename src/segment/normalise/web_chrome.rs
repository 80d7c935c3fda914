//! The chrome of a web page, an app or a WeChat account around its articles: link
//! bars, buttons, posting stamps, source lines, reprint bans, comments' counts,
//! channel notices; and the rows of a table printed without its outer pipes, which
//! are no bar of links.

use super::line::Line;
use super::lynx_links::is_link_list_line;
use super::named_field::FieldAt;
use super::named_field::named_field;
use crate::segment::blocks::Unit;
use crate::segment::classify::ascii_digits;
use crate::segment::classify::count_upto;
use crate::segment::classify::head;
use crate::segment::lexicon::lexicon;
use crate::text::{holds_any_char, holds_char, holds_str, is_digit};

/// The chrome of a news web page around its articles: share and print buttons,
/// previous/next links, a copyright line (`分享到：微信 微博`, `【打印本页】`,
/// `上一篇：…`, `Copyright © 2025 …`), known by shape where it can be: a bar of
/// links or fields between spaced pipes, a row of bracketed buttons, a link to
/// the previous or next page, a row of buttons.
pub(super) fn is_web_chrome(line: &Line<'_>, table_row: bool) -> bool {
    let (text, n) = (line.text, line.n);
    if n > 120 {
        return false;
    }
    if is_link_list_line(text) {
        return true;
    }
    // (`分享到` and `Copyright` open the line's first 12 characters when they open it.)
    text.starts_with("分享到")
        || text.starts_with("Copyright")
        || (n <= 60 && holds_str(text, "版权所有"))
        || is_reprint_ban(text, n)
        || is_source_line(line)
        || is_media_placeholder(text)
        || is_logo_and_menu(text)
        || is_liked_comment(text)
        || is_counted_label(text, n)
        || is_edition_line(line)
        || (line.holds('【') && (text.contains("【打印本页】") || text.contains("【关闭窗口】")))
        || is_prev_next_link(text)
        || (!table_row && is_link_bar(line))
        || is_button_row(text)
        || is_posting_stamp(line)
}

/// The chrome a web page prints under each article: its share and print buttons
/// (`分享到：微信　微博`, `【打印本页】　【关闭窗口】`). Nothing of the article comes
/// after them.
/// (A line of the article's date and source that carries the buttons too opens
/// the article: it is no foot.)
pub(super) fn is_article_foot(text: &str, n: usize) -> bool {
    if n > 60 {
        return false;
    }
    if head(text, 12).starts_with("分享到") {
        return true;
    }
    // Nothing but bracketed buttons, print or close among them.
    let mut rest = text;
    let mut buttons = false;
    loop {
        rest = crate::segment::blocks::trim(rest);
        let Some(inner) = rest.strip_prefix('【') else {
            break;
        };
        let Some(end) = inner.find('】') else {
            return false;
        };
        buttons |= matches!(&inner[..end], "打印本页" | "关闭窗口");
        rest = &inner[end + '】'.len_utf8()..];
    }
    buttons && rest.is_empty()
}

/// `2026-08-06 08:12　来源：芩州日报`, `【字号：大 中 小】　2026-02-10 08:30　来源：…　作者：…`:
/// the line a web page prints under an article's head with the time it was posted
/// (a date and a clock time) and its source or author as fields.
///
/// An app or a WeChat account prints the stamp without fields (`楮城日报　2026-12-02
/// 06:30　阅读 2.4万`, `某某日报　2026年12月2日 07:00　瀼江`), a news site without the
/// clock (`2026-11-19　来源：某某日报　作者：…`): a date with a clock, or a date with
/// a source or author field, in a short line with no sentence in it and no colon but
/// the fields' (`会议时间：2026年12月5日 14:30` is a notice's line).
fn is_posting_stamp(line: &Line<'_>) -> bool {
    let (text, n) = (line.text, line.n);
    if n > 100 || line.holds('。') || !may_have_date(text) {
        return false;
    }
    // A date and a field with a clock (`2026-11-19 08:30　来源：…`), or with a second
    // field or control (`2026-11-19　来源：…　【字号：大 中 小】`): a web page's stamp
    // over its story, no line of text.
    if named_field(text, &STAMP_FIELDS[..3], FieldAt::Anywhere).is_some()
        && has_date(text)
        && (has_clock(text) || text.matches(['：', ':']).count() >= 2)
    {
        return true;
    }
    if line.holds_any(&['，', '；', '！', '？']) {
        return false;
    }
    let fielded_colons = text.match_indices(['：', ':']).all(|(i, c)| {
        let before = &text[..i];
        // `08:12`: a clock's colon.
        (c == ":" && before.ends_with(|c: char| c.is_ascii_digit()))
            || named_field(before, &STAMP_FIELDS, FieldAt::End).is_some()
            || before.ends_with("字号")
    });
    fielded_colons
        && has_date(text)
        && (has_clock(text) || named_field(text, &STAMP_FIELDS, FieldAt::Anywhere).is_some())
}

/// The fields of a web page's stamp under an article's head: the author, editor and
/// source (the fields of a stamp with a second field or a clock), then the source's
/// other name and the posting's time.
const STAMP_FIELDS: [&str; 6] = ["作者", "编辑", "来源", "稿源", "发布", "发布时间"];

/// `来源：某某日报、某某新闻客户端`, `来源：同上，第2版`: a web or WeChat page's
/// (or a clipping's) source line alone: a short line with no sentence in it (its
/// clauses, if a comma parts them, are short: a paper, a date, a page).
fn is_source_line(line: &Line<'_>) -> bool {
    let text = line.text;
    line.n <= 40
        && !line.holds('。')
        && (!line.holds('，')
            || text
                .split('，')
                .all(|clause| count_upto(clause, SOURCE_CLAUSE + 1) <= SOURCE_CLAUSE))
        && named_field(text, &STAMP_FIELDS[2..4], FieldAt::Start).is_some()
}

/// The longest clause of a source line, in characters (`来源：《某某日报》2027年2月27日`).
const SOURCE_CLAUSE: usize = 24;

/// `本文来自某某客户端，未经授权不得转载。`, `某某日报社版权所有　未经书面授权禁止转载`:
/// a site's notice forbidding reprints.
fn is_reprint_ban(text: &str, n: usize) -> bool {
    n <= 60 && holds_str(text, "转载") && (holds_str(text, "未经") || holds_str(text, "禁止"))
}

/// `[图片]`, `【视频】`: where a copied page held a picture or a video, a bracketed
/// word of at most four characters naming one; `[b.jpg]`, `[logo.gif]`: where a
/// text browser (`lynx`) printed a picture without an alt text, its file's name.
fn is_media_placeholder(text: &str) -> bool {
    let inner = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .or_else(|| text.strip_prefix('【').and_then(|t| t.strip_suffix('】')));
    inner.is_some_and(|w| {
        ((1..=4).contains(&count_upto(w, 5))
            && ["图", "视频", "音频"].iter().any(|m| w.contains(m)))
            || is_image_file(w)
    })
}

/// `b.jpg`, `logo_2x.PNG`: a picture's file name (no spaces, an image's extension).
pub(super) fn is_image_file(w: &str) -> bool {
    let Some((stem, ext)) = w.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && !w.contains(char::is_whitespace)
        && count_upto(w, 61) <= 60
        && ["jpg", "jpeg", "png", "gif", "webp", "bmp"]
            .iter()
            .any(|e| ext.eq_ignore_ascii_case(e))
}

/// `👍 1286`, `☆`, `💬 57`: a pictograph standing for a web page's button (arrows,
/// miscellaneous symbols, dingbats, stars, emoji; not a numbered circle, a box
/// drawing or a CJK mark).
fn is_pictograph(c: char) -> bool {
    let c = u32::from(c);
    (0x2190..0x2200).contains(&c)
        || (0x2600..0x27C0).contains(&c)
        || (0x2B00..0x2C00).contains(&c)
        || (0x1F000..0x1FB00).contains(&c)
}

/// `2.4万`, `215`, `1k+`: a count as a page prints it.
fn is_count(word: &str) -> bool {
    // Every character first: a word of text fails at its first, and is not read on.
    word.chars().all(is_count_char) && word.bytes().any(|b| b.is_ascii_digit())
}

/// A character a count is written with.
fn is_count_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',' | '+' | '万' | '千' | 'k' | 'K' | 'w' | 'W')
}

/// `楮城网友·某区：今年家里比去年暖和多了！　👍 32`: a reader's comment under a web
/// article, known by the like count it ends with (a pictograph and a count).
fn is_liked_comment(text: &str) -> bool {
    // Either way the line ends with a count: a line ending otherwise is not split.
    if !text
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(is_count_char)
    {
        return false;
    }
    let mut words = text.split_whitespace().rev();
    let (Some(last), Some(before)) = (words.next(), words.next()) else {
        return false;
    };
    let glued = last.trim_start_matches(is_pictograph);
    (is_count(last) && before.chars().all(is_pictograph))
        || (glued.len() < last.len() && is_count(glued))
}

/// `热门评论（57）`, `全部留言(12)`: the head of a web page's comments, a short label
/// ending with a button word and its count in brackets.
fn is_counted_label(text: &str, n: usize) -> bool {
    if n > 12 {
        return false;
    }
    let Some(inner) = text.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = inner.rfind(['（', '(']) else {
        return false;
    };
    let count = inner[open..].trim_start_matches(['（', '(']);
    let label = &inner[..open];
    is_count(count)
        && (2..=3).any(|k| {
            let start = label.char_indices().rev().nth(k - 1).map(|(i, _)| i);
            start.is_some_and(|i| lexicon().is_web_control(&label[i..]))
        })
}

/// `2026年11月19日　第5版：民生`: a web edition's line of the date and the page.
fn is_edition_line(line: &Line<'_>) -> bool {
    let text = line.text;
    line.n <= 40
        && may_have_date(text)
        && !line.holds_any(&['。', '，', '《'])
        && !holds_any_char(text, &['刊', '载'])
        && has_date(text)
        && text.match_indices('第').any(|(i, _)| {
            let rest = &text[i + '第'.len_utf8()..];
            let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
            digits > 0 && rest[digits..].starts_with('版')
        })
}

/// `2026-08-06`, `2026/8/6`, `2026年8月6日`: a written date.
fn has_date(text: &str) -> bool {
    if !may_have_date(text) {
        return false;
    }
    let b = text.as_bytes();
    let digits_at =
        |i: usize, k: usize| i + k <= b.len() && b[i..i + k].iter().all(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        digits_at(i, 4) && matches!(b.get(i + 4), Some(b'-' | b'/')) && digits_at(i + 5, 1)
    }) || (holds_char(text, '年') && holds_char(text, '月') && holds_char(text, '日'))
}

/// What every date [`has_date`] finds holds: five ASCII digits (a year's four and
/// the figure after its dash or slash) or a `年`. Most lines hold neither, and this
/// is told in one vectorised count and one byte search, where the rules that need a
/// date read such a line a character at a time before asking for one.
fn may_have_date(text: &str) -> bool {
    ascii_digits(text.as_bytes()) >= 5 || holds_char(text, '年')
}

/// `08:12`, `8:30`: a clock time (hours, a colon, two digits of minutes).
fn has_clock(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    })
}

/// `上一篇`, `下一版`, `下一页：芦溪镇启用新的排涝泵站`: a link to the previous or
/// next item, alone or with the item's title after a colon.
fn is_prev_next_link(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("上一")
        .or_else(|| text.strip_prefix("下一"))
    else {
        return false;
    };
    let mut cs = rest.chars();
    cs.next()
        .is_some_and(|c| matches!(c, '篇' | '版' | '页' | '期' | '条' | '张'))
        && cs
            .next()
            .is_none_or(|c| matches!(c, '：' | ':') || c.is_whitespace())
}

/// `首页 | 上一版 | 下一版 | 第3版：以案说法`, `来源：… | 2026-01-09 07:30 | 字号：…`,
/// `某某日报 > 电子版 > 第7版`: three or more fields between pipes or a
/// breadcrumb's `>` set off by spaces (a credit in pipes, `文｜柯雨桐`, has none),
/// no sentence in them, not a Markdown table's row (nor a row of a table printed
/// without its outer pipes: see [`table_rows`]).
fn is_link_bar(line: &Line<'_>) -> bool {
    let text = line.text;
    if text.starts_with(['|', '｜']) || line.holds('。') {
        return false;
    }
    // The pipes were counted for every line (see [`table_rows`]).
    line.pipes() + spaced_marks(text, &BAR_MARKS[2..]) >= 2
}

/// `[logo.gif] 某某网 新闻 数字报 视频`: a site's logo (a picture printed by its
/// file name) and a row of two or more short words set off by spaces: the page's
/// bar of links printed without link numbers (`lynx -nolist`).
fn is_logo_and_menu(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('[') else {
        return false;
    };
    let Some((file, menu)) = rest.split_once(']') else {
        return false;
    };
    if !is_image_file(file) {
        return false;
    }
    let mut words = 0;
    for word in menu.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if count_upto(word, 7) > 6 || !word.chars().all(crate::text::is_han) {
            return false;
        }
        words += 1;
    }
    words >= 2
}

/// The pipes (`|`, `｜`, the first two of [`BAR_MARKS`]) set off by spaces in `text`:
/// [`spaced_marks`] of the two, asked of every line of a page, with the two marks'
/// bytes known (`7C`; `EF BD 9C`): a byte search for `|` and `EF`, and at an `EF`
/// (most often a full-width comma's or colon's, `EF BC …`) two bytes compared.
pub(super) fn spaced_pipes(text: &str) -> usize {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'|', 0xEF, b)
        .filter(|&at| {
            let len = if b[at] == b'|' {
                1
            } else if b.get(at + 1..at + 3) == Some(&[0xBD, 0x9C][..]) {
                3
            } else {
                return false;
            };
            spaced_at(text, at, len)
        })
        .count()
}

/// The mark of `len` bytes at byte `at` of `text` stands between spaces (read past
/// any backslashes either side of it).
fn spaced_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().rev().find(|&c| c != '\\');
    let after = text[at + len..].chars().find(|&c| c != '\\');
    before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_whitespace)
}

/// How many of `marks` stand between spaces in `text` (a converter escapes a
/// breadcrumb's `>` as `\>`).
///
/// The marks are found by the bytes they open with, up to three of them in one
/// byte search over the line (`|` and `｜`'s `EF`, then `>`, `＞`'s `EF` and `»`'s
/// `C2`): one pass over a line for all its marks, where a searcher for each mark
/// read the line once a mark (a search cost more than the rest of the rule). A
/// byte that opens a mark opens a character, so a mark found there is whole; the
/// characters either side of it are read past any backslashes.
fn spaced_marks(text: &str, marks: &[char]) -> usize {
    let b = text.as_bytes();
    let mut spaced = 0;
    let mut rest = marks;
    while !rest.is_empty() {
        // The next marks whose opening bytes are three at most.
        let mut leads = [0u8; 3];
        let mut k = 0;
        let mut taken = 0;
        for &mark in rest {
            let mut buf = [0u8; 4];
            let lead = mark.encode_utf8(&mut buf).as_bytes()[0];
            if !leads[..k].contains(&lead) {
                if k == leads.len() {
                    break;
                }
                leads[k] = lead;
                k += 1;
            }
            taken += 1;
        }
        let (group, after_group) = rest.split_at(taken);
        rest = after_group;
        let mut read = |at: usize| {
            for &mark in group {
                let mut buf = [0u8; 4];
                let needle = mark.encode_utf8(&mut buf).as_bytes();
                if b[at..].starts_with(needle) && spaced_at(text, at, needle.len()) {
                    spaced += 1;
                }
            }
        };
        match k {
            1 => memchr::memchr_iter(leads[0], b).for_each(&mut read),
            2 => memchr::memchr2_iter(leads[0], leads[1], b).for_each(&mut read),
            _ => memchr::memchr3_iter(leads[0], leads[1], leads[2], b).for_each(&mut read),
        }
    }
    spaced
}

/// The marks of a bar of links or a breadcrumb, and of a table's cells.
const BAR_MARKS: [char; 5] = ['|', '｜', '>', '＞', '»'];

/// The rows of a table printed without its outer pipes (as html2text prints
/// one): `地区 | 人口 | 增速` over `华川 | 120 | 3.2%`. A line is a row when the
/// line above or below it has as many spaced pipes (two or more), or when most
/// of its fields are numbers. A bar of links stands alone and holds words.
pub(super) fn table_rows(units: &[Unit<'_>]) -> Vec<bool> {
    pipes_and_table_rows(units).1
}

/// The spaced pipes of each unit ([`spaced_pipes`]) and [`table_rows`].
pub(super) fn pipes_and_table_rows(units: &[Unit<'_>]) -> (Vec<usize>, Vec<bool>) {
    let pipes: Vec<usize> = units.iter().map(|u| spaced_pipes(&u.text)).collect();
    let rows = (0..units.len())
        .map(|i| {
            let k = pipes[i];
            k >= 2
                && ((i > 0 && pipes[i - 1] == k)
                    || pipes.get(i + 1) == Some(&k)
                    || mostly_numbers(&units[i].text))
        })
        .collect();
    (pipes, rows)
}

/// `华川 | 120 | 3.2%`: more than half of the fields between pipes are numbers.
fn mostly_numbers(text: &str) -> bool {
    let fields: Vec<&str> = text
        .split(['|', '｜'])
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    let numbers = fields
        .iter()
        .filter(|f| {
            f.chars().any(is_digit)
                && f.chars().all(|c| {
                    is_digit(c) || matches!(c, '.' | ',' | '%' | '％' | '．' | '+' | '-' | '−')
                })
        })
        .count();
    numbers * 2 > fields.len()
}

/// `【字号：大 中 小】　【打印】　【关闭】`, `分享　点赞　在看`: a row of two or more
/// buttons and nothing else, each in brackets of at most ten characters, or each
/// a web page's button word (`lexicon.toml`'s `web_controls`).
fn is_button_row(text: &str) -> bool {
    let mut bracketed = 0;
    let mut rest = crate::segment::blocks::trim_white(text);
    // A row opens with a bracket, a button word, a count or a pictograph: a line of
    // text fails on its first character, before its first word is read.
    let lex = lexicon();
    if !rest.chars().next().is_some_and(|c| {
        c == '【' || lex.opens_web_control(c) || is_count_char(c) || is_pictograph(c)
    }) {
        return false;
    }
    while let Some(inner) = rest.strip_prefix('【') {
        let Some(end) = inner.find('】') else {
            return false;
        };
        let button = &inner[..end];
        if button.is_empty()
            || button.chars().count() > 10
            || button.contains(['【', '。', '，', '；'])
        {
            return false;
        }
        bracketed += 1;
        rest = inner[end + '】'.len_utf8()..].trim_start();
    }
    if bracketed > 0 {
        return bracketed >= 2 && rest.is_empty();
    }
    // The first word is a button word (a count glued after it or not), a count or
    // pictographs, or the line is no row: told at its start, before the line is cut
    // into words (a line of text that opens with a button word's first character,
    // `在`, `关`, or with a figure was read to its first space).
    let count_end = rest.find(|c: char| !is_count_char(c)).unwrap_or(rest.len());
    let opens_count = count_end > 0
        && rest[count_end..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
    if !(opens_count || rest.starts_with(is_pictograph) || lex.opens_with_web_control(rest)) {
        return false;
    }
    // `阅读 3.1万`, `分享　收藏　点赞 215　在看 86`, `👍 1286　☆ 收藏　💬 57`, `写留言`:
    // button words, counts (alone or glued after a button word) and pictographs.
    let (mut buttons, mut counts, mut pictures) = (0, 0, 0);
    let words = text.split(char::is_whitespace).filter(|w| !w.is_empty());
    let mut first = None;
    for w in words {
        first = first.or(Some(w));
        let bare =
            w.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '万' | '+'));
        if lex.is_web_control(w) || (bare.len() < w.len() && lex.is_web_control(bare)) {
            buttons += 1;
            counts += usize::from(bare.len() < w.len());
        } else if is_count(w) {
            counts += 1;
        } else if w.chars().all(is_pictograph) {
            pictures += 1;
        } else {
            return false;
        }
    }
    buttons >= 2
        || (buttons + pictures >= 1 && counts >= 1)
        // One button word alone only when it is no word of a head (`写留言`, `阅读原文`).
        || (buttons == 1 && pictures == 0 && first.is_some_and(|w| count_upto(w, 3) >= 3))
}

/// `扫码关注“某报”微信公众号　新闻热线：…`: the paper's own notice of its channels.
///
/// `点击上方蓝字关注我们`, `打开App，阅读体验更佳`: an account's or an app's call to
/// follow it or open it (a call, and what it calls to).
pub(super) fn is_channel_notice(line: &Line<'_>) -> bool {
    let (text, n) = (line.text, line.n);
    if n > 60 || line.holds('。') {
        return false;
    }
    text.starts_with("扫码")
        || text.starts_with("扫一扫")
        || (n <= 20
            && ["点击", "长按", "打开", "下载"]
                .iter()
                .any(|w| text.starts_with(w))
            && ["关注", "App", "APP", "客户端", "公众号", "二维码"]
                .iter()
                .any(|w| text.contains(w)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_logo_over_a_menu_is_chrome() {
        let page = "   [site.png] 沅溪网 新闻 电子报 图片\n\n果园里装上了滴灌\n\n   本报讯 今年春天，坡上的果园都装上了滴灌，一亩地能省一半的水。\n";
        let articles = crate::segment::segment_issue(page, "p");
        let heads: Vec<(&str, &str)> = articles
            .iter()
            .map(|a| (a.kicker.as_str(), a.title.as_str()))
            .collect();
        assert_eq!(heads, [("", "果园里装上了滴灌")], "{articles:#?}");
        // A picture's name over a caption of one word is no menu.
        assert!(!super::is_logo_and_menu("[a.jpg] 春耕"));
    }

    use super::*;

    #[test]
    fn every_date_passes_the_cheap_test_for_one() {
        for (text, date) in [
            ("2026-11-19　来源：某某日报", true),
            ("2026/8/6 08:30", true),
            ("2026年11月19日　第5版：民生", true),
            ("11月19日　第5版", false),
            ("11-19 08:30", false),
            ("2026年的第一场雪", false),
            ("今天，数百只野鸭落脚湿地", false),
        ] {
            assert_eq!(has_date(text), date, "{text}");
            assert!(may_have_date(text) || !date, "{text}");
        }
        assert!(!may_have_date("第5版　民生"));
    }
    use crate::segment::blocks::Markup;
    use crate::segment::blocks::units;
    use crate::segment::normalise::normalise;
    use crate::segment::normalise::tests::texts;

    proptest::proptest! {
        /// Spaced marks found by their bytes are those found reading every
        /// character (backslashes dropped) and looking at three at a time.
        #[test]
        fn spaced_marks_are_those_read_character_by_character(
            s in "[ \u{3000}\\\\|｜>＞»a社，ｚ]{0,24}"
        ) {
            let marks = ['|', '｜', '>', '＞', '»'];
            let chars: Vec<char> = s.chars().filter(|&c| c != '\\').collect();
            let read = chars
                .windows(3)
                .filter(|w| marks.contains(&w[1]) && w[0].is_whitespace() && w[2].is_whitespace())
                .count();
            proptest::prop_assert_eq!(spaced_marks(&s, &marks), read);
            proptest::prop_assert_eq!(spaced_pipes(&s), spaced_marks(&s, &marks[..2]));
        }
    }

    #[test]
    fn web_page_chrome_is_furniture() {
        let body = "立冬过后，苇塘县的田野渐渐安静下来。\n";
        let page = format!(
            "苇塘县：冬闲变冬忙\n2025-11-14 07:58　来源：溱原日报　作者：杭舟　【字号：大 中 小】【打印本页】【关闭窗口】\n{body}分享到：　微信　微博　QQ空间\n上一篇：溱水流域启动冬季水质专项巡查\nCopyright © 2025 溱原日报社 版权所有\n"
        );
        // The share buttons end the article (a break, not text of it).
        assert_eq!(texts(&page), ["苇塘县：冬闲变冬忙", body.trim()]);
        // A picture `lynx` printed by its file's name is no text; a bracketed word is.
        let pictured = format!("苇塘县：冬闲变冬忙\n[b_2x.jpg]\n{body}[苇塘.备忘]\n");
        assert_eq!(
            texts(&pictured),
            ["苇塘县：冬闲变冬忙", body.trim(), "[苇塘.备忘]"]
        );
        let mut u = units(&page);
        normalise(&mut u);
        assert!(
            u.iter()
                .any(|u| u.markup == Markup::DocBreak && u.text.starts_with("分享到"))
        );
    }

    /// An app's or a WeChat account's chrome is known by its shape: the stamp with
    /// a date and a clock or a source field, rows of counts and button words or
    /// pictographs, a reader's comment ending in its like count, the comments'
    /// counted head, picture placeholders, a call to follow the account, a source
    /// line, a ban on reprints, a web edition's date and page. A notice's meeting time, a head opening with a date and a reprint
    /// note stay text.
    #[test]
    fn app_and_wechat_chrome_is_furniture() {
        let body = "苇塘县今年新建的三座泵站已全部投入使用，汛期排涝能力提高了一倍。";
        let page = format!(
            "芦溪新闻　2026-03-02 07:15　　阅读 1.2万\n点击上方蓝字关注我们\n2026年3月2日　第4版：综合\n苇塘县三座泵站投用\n2026-03-02　来源：芦溪日报　作者：甘露\n[图片]\n{body}\n来源：芦溪日报、芦溪新闻客户端\n审核：柯雨桐\n本文来自芦溪新闻客户端，未经授权不得转载。\n阅读 2.4万\n分享　　收藏　　点赞 215　　在看 86\n👍 1286　　　☆ 收藏　　　💬 57\n写留言\n热门评论（57）\n芦溪网友·苇塘县：泵站建得好！　👍 32\n会议时间：2026年3月5日 14:30\n3月2日起，芦溪公交调整三条线路\n（原载《芦溪日报》2026年3月1日第2版）\n"
        );
        assert_eq!(
            texts(&page),
            [
                "苇塘县三座泵站投用",
                body,
                "会议时间：2026年3月5日 14:30",
                "3月2日起，芦溪公交调整三条线路",
                "（原载《芦溪日报》2026年3月1日第2版）",
            ]
        );
    }

    /// Chrome is known by its shape on any site: a bar of links between spaced
    /// pipes, a line of bracketed buttons, a previous/next link, a row of a
    /// page's share buttons. A credit in pipes, a bracketed intertitle, a
    /// sentence opening `下一步` and a row of names stay text.
    #[test]
    fn web_chrome_of_any_site_is_furniture() {
        let body = "汛期将至，芦溪镇把全镇二十七处易涝点逐一登记在册，每处都落实了值守人员。\n";
        let page_with = |credit: &str| {
            format!(
                "芦溪晚报 > 电子版 > 第5版\n[1]主页 | [2]上一期 | [3]下一期 | 第5版：民生\n民生\n易涝点有了“守点人”\n发布：2026-05-02 09:10 | 稿源：芦溪晚报 | 编辑：岑舟 | 收藏 | 纠错\n【收藏本文】　【纠错】　【字体：A+ A-】\n{credit}\n{body}【值守有了新办法】\n{body}下一步，镇里还将为每处易涝点配齐抽水设备。\n王芳　李强　赵敏\n上一篇\n下一页：芦溪镇启用新的排涝泵站\n转发　收藏　点赞\n"
            )
        };
        let page = page_with("文｜柯雨桐　图｜岑小舟　摄影｜甘露");
        let t = texts(&page);
        assert_eq!(
            t,
            [
                "民生",
                "易涝点有了“守点人”",
                "文｜柯雨桐　图｜岑小舟　摄影｜甘露",
                body.trim(),
                "【值守有了新办法】",
                body.trim(),
                "下一步，镇里还将为每处易涝点配齐抽水设备。",
                "王芳　李强　赵敏",
            ],
            "{t:?}"
        );
        // Read as an article: the chrome is neither its kicker nor its byline.
        let a = crate::segment::segment_issue(&page_with("本报记者 柯雨桐"), "x");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            (
                a[0].kicker.as_str(),
                a[0].title.as_str(),
                a[0].byline.as_str()
            ),
            ("民生", "易涝点有了“守点人”", "本报记者 柯雨桐"),
            "{a:?}"
        );
    }

    /// A table printed without its outer pipes (html2text) keeps its rows: a
    /// row under a row with as many pipes, or a row of numbers, is not a bar of
    /// links. The bar of links over the article is still chrome.
    #[test]
    fn a_table_without_outer_pipes_keeps_its_rows() {
        let body = "今年以来，三地常住人口都有增长，其中华川增速最快。\n";
        let page = format!(
            "首页 | 上一版 | 下一版 | 第2版：要闻\n三地人口增速比较\n{body}地区 | 人口（万） | 增速\n华川 | 120 | 3.2%\n苇塘 | 86 | 1.9%\n{body}\n另一表：\n合计 | 206 | 2.7%\n"
        );
        let t = texts(&page);
        for row in [
            "地区 | 人口（万） | 增速",
            "华川 | 120 | 3.2%",
            "苇塘 | 86 | 1.9%",
            "合计 | 206 | 2.7%",
        ] {
            assert!(t.iter().any(|x| x.contains(row)), "{row} lost: {t:?}");
        }
        assert!(!t.iter().any(|x| x.contains("上一版")), "{t:?}");
    }

    /// A web copy: the edition's masthead and each article's posting stamp are
    /// furniture; the buttons under an article end it, a stamp carrying the
    /// buttons does not.
    #[test]
    fn a_web_articles_stamp_is_furniture_and_its_buttons_end_it() {
        let page = "芩州日报数字报\n【字号：大 中 小】　　2026-08-06 08:12　　来源：芩州日报\n荷风\n8月5日，瓴湖公园荷花盛开。\n分享到：微信　微博\n【打印本页】　【关闭窗口】\n2025-11-14 07:58　来源：溱原日报　作者：杭舟　【字号：大 中 小】【打印本页】【关闭窗口】\n芩州日报社版权所有　未经书面授权不得转载\n";
        let mut u = units(page);
        normalise(&mut u);
        let marks: Vec<Markup> = u.iter().map(|u| u.markup).collect();
        assert_eq!(
            marks,
            [
                Markup::Furniture,
                Markup::Furniture,
                Markup::None,
                Markup::None,
                Markup::DocBreak,
                Markup::DocBreak,
                Markup::Furniture,
                Markup::Furniture,
            ],
            "{u:?}"
        );
        // A time in running text is no stamp.
        let mut u = units("会议于2026年8月6日8:30开幕，来源：新华社。\n");
        normalise(&mut u);
        assert_eq!(u[0].markup, Markup::None);
        // A stamp without a clock, with a second field or a control, is one; so is
        // a web edition's line of the date and the page.
        let mut u = units(
            "冬夜里的“暖心驿站”\n2026-11-19　来源：澧川日报　【字号：大 中 小】\n2026-11-19　来源：澧川日报　作者：隗知春\n晚上十点，驿站里亮着灯。\n2026年11月19日　第5版：民生\n",
        );
        normalise(&mut u);
        let marks: Vec<Markup> = u.iter().map(|u| u.markup).collect();
        assert_eq!(
            marks,
            [
                Markup::None,
                Markup::Furniture,
                Markup::Furniture,
                Markup::None,
                Markup::Furniture
            ],
            "{u:?}"
        );
    }
}

//! Normalisation before roles: what other extraction tools do to a page is undone
//! here, so classification sees one paragraph a unit whatever printed the page.
//!
//! - Page furniture (running heads after a form feed, page numbers and footers,
//!   `本版责编` page credits, e-paper attribution lines under heads, mastheads, boxes
//!   pointing to other pages, a web page's chrome and `lynx` link lists) is set aside
//!   as [`Markup::Furniture`]; banners over runs of briefs or photos (`简　讯`) as
//!   [`Markup::Banner`].
//! - Indents: on a page whose paragraphs open with an indent, an indented line starts
//!   a paragraph (and is body); elsewhere the indent means nothing.
//! - Hard wraps (`pdftotext`): when most lines of a page are cut at one width, a
//!   line of that width continues on the next line; on pages that keep blank lines
//!   between blocks, the lines of a block (a head wrapped mid-word, a byline split
//!   over lines) are one unit.
//!
//! Each step looks at bounded prefixes of lines, so the cost is linear in the page.

use super::blocks::{Markup, Unit, trim};
use super::classify::{
    ROLE_WORDS, count_upto, ends_sentence, head, is_byline, is_date_line, is_dateline_alone,
    is_name_line,
};
use super::lexicon::lexicon;
use std::borrow::Cow;

/// Normalise the units of one page in place.
pub fn normalise(units: &mut Vec<Unit<'_>>) {
    let traditional = super::traditional::is_traditional(units.iter().map(|u| u.text.as_ref()));
    normalise_page(units, traditional);
}

/// [`normalise`] a page known to be printed in traditional characters or not
/// (see `traditional`).
pub fn normalise_page(units: &mut Vec<Unit<'_>>, traditional: bool) {
    // An e-mail's header, not a draft's fields (its `主题：` is no title field).
    set_aside_mail_headers(units);
    // A draft's field labels are the truth about its lines: read before anything joins.
    // A database export's field labels likewise; on a page of records whose labels
    // the lexicon does not know, what each field holds is learned from its values.
    let mut text_label = None;
    if !super::draft::read_fields(units) && !super::draft::read_records(units) {
        text_label = super::records::read_by_values(units);
    }
    mark_furniture(units, traditional);
    read_linked_heads(units);
    // The page's wrap width, measured once over the lines that are not furniture
    // (a histogram over every line); nothing below changes the lines it counts
    // before the unwrap.
    let wrap = wrap_width(units);
    mark_cut_furniture(units, wrap, traditional);
    discount_blank_after_every_line(units, wrap);
    settle_markdown(units, wrap);
    settle_indents(units, wrap);
    join_letter_runs(units);
    // The page's list of its titles: before the unwrap (which would join a list
    // printed without blank lines into a paragraph) and after it (which makes a
    // head wrapped in a hard-wrapped print whole, to be found again).
    super::recur::mark_contents(units);
    unwrap(units, wrap);
    if let Some(label) = text_label {
        super::records::strip_text_label(units, &label);
    }
    super::recur::mark_contents(units);
    mark_comment_banners(units);
    mark_marked_runs(units);
    split_glued_labels(units);
}

/// `【乡村振兴】箬口镇苎麻种植面积突破两万亩`: a bracketed column label glued in
/// front of a head becomes a unit of its own (the kicker), the head the next, on
/// the same line (`blocks::glued_label` says which lines). Read once the page is
/// unwrapped, so a brief wrapped right after its bracketed place stays text.
fn split_glued_labels(units: &mut Vec<Unit<'_>>) {
    let glued =
        |u: &Unit<'_>| u.markup == Markup::None && super::blocks::glued_label(&u.text).is_some();
    if !units.iter().any(glued) {
        return;
    }
    let mut out = Vec::with_capacity(units.len() + 4);
    for u in units.drain(..) {
        let Some((label, head)) = (glued(&u))
            .then(|| super::blocks::glued_label(&u.text))
            .flatten()
            .map(|(l, h)| (l.to_string(), h.to_string()))
        else {
            out.push(u);
            continue;
        };
        let mut first = u.clone();
        first.text = Cow::Owned(label);
        let mut second = u;
        second.text = Cow::Owned(head);
        second.gap = 0;
        second.indent = false;
        second.page_break = false;
        out.push(first);
        out.push(second);
    }
    *units = out;
}

/// A page that puts a blank line after every printed line (Apache Tika's text of a
/// PDF): when the lines of a hard-wrapped page that were cut mid-sentence at the
/// wrap width are nearly all followed by a blank line, the blank lines say nothing
/// of paragraphs, and one blank line fewer is read between every two lines.
fn discount_blank_after_every_line(units: &mut [Unit<'_>], wrap: Option<Wrap>) {
    let Some(wrap) = wrap else {
        return;
    };
    // Lines cut by the width (full and not at a sentence's end), and of those, how
    // many a blank line follows.
    let mut cut = 0usize;
    let mut spaced = 0usize;
    for pair in units.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        if prev.markup != Markup::None || next.markup != Markup::None {
            continue;
        }
        if wrap.fills(&prev.text) && !ends_sentence(&prev.text) {
            cut += 1;
            spaced += usize::from(next.gap > 0);
        }
    }
    if cut < 8 || spaced * 10 < cut * 9 {
        return;
    }
    for u in units.iter_mut().skip(1) {
        u.gap = u.gap.saturating_sub(1);
    }
}

/// The header of an e-mail that forwards or quotes a page (`发件人：…` / `发送时间：…`
/// / `收件人：…` / `主题：…`, `From:` / `Sent:` / `To:` / `Subject:`: two or more
/// such fields in a row, a sender's or a recipient's among them), the line that
/// introduces a quote (`在2026年12月2日 09:30，某某 写道：`, `… wrote:`) and the
/// line that sets off a forwarded message (`-----原始邮件-----`) are furniture.
fn set_aside_mail_headers(units: &mut [Unit<'_>]) {
    // The sender's and recipients' fields first (`PARTIES` of them): a header
    // names one of them.
    const PARTIES: usize = 6;
    const FIELDS: [&str; 16] = [
        "发件人",
        "收件人",
        "寄件者",
        "收件者",
        "From",
        "To",
        "抄送",
        "发送时间",
        "发送日期",
        "日期",
        "时间",
        "主题",
        "Cc",
        "Sent",
        "Date",
        "Subject",
    ];
    let field = |u: &Unit<'_>| named_field(&u.text, &FIELDS, FieldAt::Start);
    let mut i = 0;
    while i < units.len() {
        let start = i;
        let mut party = false;
        while i < units.len() && units[i].markup == Markup::None {
            let Some(f) = field(&units[i]) else { break };
            party |= f < PARTIES;
            i += 1;
        }
        if i - start >= 2 && party {
            for u in &mut units[start..i] {
                u.markup = Markup::Furniture;
                u.level = 0;
            }
        }
        if i == start {
            let t: &str = &units[i].text;
            let n = count_upto(t, 101);
            let set_off = t.starts_with("---") && t.ends_with("---") && n <= 40;
            let introduces = n <= 100
                && (t.ends_with("写道：") || t.ends_with("写道:") || t.ends_with("wrote:"));
            if units[i].markup == Markup::None && (set_off || introduces) {
                units[i].markup = Markup::Furniture;
                units[i].level = 0;
            }
            i += 1;
        }
    }
}

/// `简明新闻` over `△栎原市今春新栽行道树…。` / `△滍阳县文化馆举办…。` / `△省邮电部门…。`:
/// a short line over three or more paragraphs that each open with the same mark (a
/// geometric shape or symbol, as a page sets off its briefs) is the banner over the
/// run; each marked paragraph is an item of its own. (Two marked lines under a
/// label, `数据` / `■…` / `■…`, may be one box of figures: no run; nor is a byline
/// over a story's marked points a banner.)
fn mark_marked_runs(units: &mut [Unit<'_>]) {
    let mark = |u: &Unit<'_>| {
        (u.markup == Markup::None && count_upto(&u.text, 13) > 12)
            .then(|| u.text.chars().next())
            .flatten()
            .filter(|&c| is_item_mark(c))
    };
    for i in 0..units.len().saturating_sub(3) {
        let head = &units[i];
        let short = head.markup == Markup::None
            && count_upto(&head.text, 9) <= 8
            && head.text.chars().next().is_some_and(crate::text::is_han)
            && !head.text.contains(['，', '。', '：', ':', '—'])
            // (A byline over a story's marked points heads no run.)
            && !is_byline(&head.text, count_upto(&head.text, 81))
            && !is_name_line(&head.text);
        let first = mark(&units[i + 1]);
        if short && first.is_some() && (i + 2..=i + 3).all(|k| mark(&units[k]) == first) {
            units[i].markup = Markup::Banner;
            units[i].level = 0;
        }
    }
}

/// A mark that sets off an item (`△`, `▲`, `◆`, `●`, `■`, `★`, `※`): a geometric
/// shape, a dingbat or a reference mark, never a letter, a figure or a quote.
fn is_item_mark(c: char) -> bool {
    matches!(c, '\u{25A0}'..='\u{25FF}' | '\u{2600}'..='\u{27BF}' | '※')
}

/// `读者热评` over comments each signed on a line of its own (`——沄川读者　钱晓芸`):
/// a short line over two or more signed paragraphs is the banner over the run, part
/// of none of them.
fn mark_comment_banners(units: &mut [Unit<'_>]) {
    let signature = |u: &Unit<'_>| {
        u.markup == Markup::None
            && u.text.starts_with("——")
            && count_upto(&u.text, 25) <= 24
            && !u.text.contains(['，', '。'])
    };
    let comment =
        |u: &Unit<'_>| u.markup == Markup::None && !signature(u) && count_upto(&u.text, 21) > 20;
    for i in 0..units.len().saturating_sub(4) {
        let head = &units[i];
        let short = head.markup == Markup::None
            && count_upto(&head.text, 9) <= 8
            && !head.text.contains(['，', '。', '：', ':', '—']);
        if short
            && comment(&units[i + 1])
            && signature(&units[i + 2])
            && comment(&units[i + 3])
            && signature(&units[i + 4])
        {
            units[i].markup = Markup::Banner;
            units[i].level = 0;
        }
    }
}

/// A name set one character a line (`闫` / `冬`): a run of single Han characters
/// with no blank line between them is one unit.
fn join_letter_runs(units: &mut Vec<Unit<'_>>) {
    let single = |u: &Unit<'_>| {
        u.markup == Markup::None && u.level == 0 && {
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
            && prev.markup == Markup::None
            && prev.level == 0
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

/// A line drawn with box characters: a table's row or border.
fn has_box_drawing(text: &str) -> bool {
    super::classify::has_box_drawing(text)
}

/// Display width in cells: Han and full-width characters 2, the rest 1 (capped).
///
/// Counted on bytes: an ASCII byte is one cell, the first byte of any other
/// character two, the bytes that go on a character none. A cell takes at most two
/// bytes, so only the first `2 * cap` bytes need counting (one branch-free pass).
fn width(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let (ascii, leads) = super::classify::ascii_and_leads(&b[..b.len().min(cap.saturating_mul(2))]);
    (ascii + 2 * leads).min(cap)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// `第 12 页`, `- 12 -`, `12`, `第12版`, `Page 3`: a page number alone.
fn is_page_number(text: &str) -> bool {
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

/// `B02`, `A12`: a tabloid's page code alone (read only inside a masthead).
fn is_page_code(text: &str) -> bool {
    let mut it = text.chars();
    it.next().is_some_and(|c| c.is_ascii_uppercase())
        && (1..=2).contains(&it.clone().count())
        && it.all(|c| c.is_ascii_digit())
}

/// `本版责编：张三 美编：李四`: the credits of a page.
fn is_page_credit(text: &str) -> bool {
    let h = head(text, 8);
    (h.starts_with("本版") && (h.contains('编') || h.contains('审') || h.contains('校')))
        || h.starts_with("美编")
        || h.starts_with("校对")
}

/// `《某某日报》（2025年10月20日 第 02 版）`: where an e-paper article appeared.
/// (A reprint note, `《山西日报》1月13日3版刊发`, is not this: it heads its article.)
fn is_attribution(text: &str, n: usize) -> bool {
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
fn is_running_head(text: &str, n: usize) -> bool {
    if n > 40 || text.contains(['，', '。', '：']) {
        return false;
    }
    let dated = text.contains('年') && text.contains('月') && text.contains('日');
    let paper = text.contains("报") || text.contains('版') || text.contains("星期");
    if dated && paper {
        return true;
    }
    // `溱原晚报 2025.11.7 星期五 A06`: a paper, a weekday and a number.
    if text.contains('报') && text.contains("星期") && text.chars().any(is_digit) {
        return true;
    }
    // `12　民生`: a page number and a section name.
    let mut parts = text
        .split(|c: char| c.is_whitespace())
        .filter(|p| !p.is_empty());
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(a), Some(b), None) if a.chars().all(is_digit) && count_upto(b, 5) <= 4
    )
}

/// The chrome of a news web page around its articles: share and print buttons,
/// previous/next links, a copyright line (`分享到：微信 微博`, `【打印本页】`,
/// `上一篇：…`, `Copyright © 2025 …`), known by shape where it can be: a bar of
/// links or fields between spaced pipes, a row of bracketed buttons, a link to
/// the previous or next page, a row of buttons.
fn is_web_chrome(text: &str, n: usize, table_row: bool) -> bool {
    if n > 120 {
        return false;
    }
    if is_link_list_line(text) {
        return true;
    }
    let h = head(text, 12);
    h.starts_with("分享到")
        || h.starts_with("Copyright")
        || (n <= 60 && text.contains("版权所有"))
        || is_reprint_ban(text, n)
        || is_source_line(text, n)
        || is_media_placeholder(text)
        || is_liked_comment(text)
        || is_counted_label(text, n)
        || is_edition_line(text, n)
        || text.contains("【打印本页】")
        || text.contains("【关闭窗口】")
        || is_prev_next_link(text)
        || (!table_row && is_link_bar(text))
        || is_button_row(text)
        || is_posting_stamp(text, n)
}

/// The chrome a web page prints under each article: its share and print buttons
/// (`分享到：微信　微博`, `【打印本页】　【关闭窗口】`). Nothing of the article comes
/// after them.
/// (A line of the article's date and source that carries the buttons too opens
/// the article: it is no foot.)
fn is_article_foot(text: &str, n: usize) -> bool {
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
        rest = super::blocks::trim(rest);
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
fn is_posting_stamp(text: &str, n: usize) -> bool {
    if n > 100 || text.contains('。') {
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
    if text.contains(['，', '；', '！', '？']) {
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

/// Where [`named_field`] looks for a field before a colon.
#[derive(Debug, Clone, Copy)]
enum FieldAt {
    /// The line opens with the field (`来源：…`).
    Start,
    /// Before any colon of the line (`2026-11-19　来源：…`).
    Anywhere,
    /// At the end of the text (the text before one colon).
    End,
}

/// `来源：`, `From:`: which of `fields` a line names right before a colon, full-
/// or half-width, at the place `at` says (the first such in `fields`' order).
fn named_field(text: &str, fields: &[&str], at: FieldAt) -> Option<usize> {
    let ending = |before: &str| fields.iter().position(|f| before.ends_with(f));
    match at {
        FieldAt::Start => {
            let before = &text[..text.find(['：', ':'])?];
            fields.iter().position(|f| before == *f)
        }
        FieldAt::Anywhere => text
            .match_indices(['：', ':'])
            .find_map(|(i, _)| ending(&text[..i])),
        FieldAt::End => ending(text),
    }
}

/// `来源：某某日报、某某新闻客户端`: a web or WeChat page's source line alone (a
/// short line with no sentence in it).
fn is_source_line(text: &str, n: usize) -> bool {
    n <= 40
        && !text.contains(['。', '，'])
        && named_field(text, &STAMP_FIELDS[2..4], FieldAt::Start).is_some()
}

/// `本文来自某某客户端，未经授权不得转载。`, `某某日报社版权所有　未经书面授权禁止转载`:
/// a site's notice forbidding reprints.
fn is_reprint_ban(text: &str, n: usize) -> bool {
    n <= 60 && text.contains("转载") && (text.contains("未经") || text.contains("禁止"))
}

/// `[图片]`, `【视频】`: where a copied page held a picture or a video, a bracketed
/// word of at most four characters naming one.
fn is_media_placeholder(text: &str) -> bool {
    let inner = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .or_else(|| text.strip_prefix('【').and_then(|t| t.strip_suffix('】')));
    inner.is_some_and(|w| {
        (1..=4).contains(&count_upto(w, 5)) && ["图", "视频", "音频"].iter().any(|m| w.contains(m))
    })
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
fn is_edition_line(text: &str, n: usize) -> bool {
    n <= 40
        && !text.contains(['。', '，', '《', '刊', '载'])
        && has_date(text)
        && text.match_indices('第').any(|(i, _)| {
            let rest = &text[i + '第'.len_utf8()..];
            let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
            digits > 0 && rest[digits..].starts_with('版')
        })
}

/// `2026-08-06`, `2026/8/6`, `2026年8月6日`: a written date.
fn has_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits_at =
        |i: usize, k: usize| i + k <= b.len() && b[i..i + k].iter().all(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        digits_at(i, 4) && matches!(b.get(i + 4), Some(b'-' | b'/')) && digits_at(i + 5, 1)
    }) || (text.contains('年') && text.contains('月') && text.contains('日'))
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
    cs.next().is_some_and(|c| "篇版页期条张".contains(c))
        && cs
            .next()
            .is_none_or(|c| matches!(c, '：' | ':') || c.is_whitespace())
}

/// `首页 | 上一版 | 下一版 | 第3版：以案说法`, `来源：… | 2026-01-09 07:30 | 字号：…`,
/// `某某日报 > 电子版 > 第7版`: three or more fields between pipes or a
/// breadcrumb's `>` set off by spaces (a credit in pipes, `文｜柯雨桐`, has none),
/// no sentence in them, not a Markdown table's row (nor a row of a table printed
/// without its outer pipes: see [`table_rows`]).
fn is_link_bar(text: &str) -> bool {
    if text.starts_with(['|', '｜']) || text.contains('。') {
        return false;
    }
    spaced_marks(text, &['|', '｜', '>', '＞', '»']) >= 2
}

/// How many of `marks` stand between spaces in `text` (a converter escapes a
/// breadcrumb's `>` as `\>`).
///
/// Each mark is found by its bytes (a SIMD search: nearly every line holds none),
/// and the characters either side of it are read past any backslashes.
fn spaced_marks(text: &str, marks: &[char]) -> usize {
    let mut spaced = 0;
    for &mark in marks {
        let mut buf = [0u8; 4];
        let needle = mark.encode_utf8(&mut buf).as_bytes();
        for at in memchr::memmem::find_iter(text.as_bytes(), needle) {
            let before = text[..at].chars().rev().find(|&c| c != '\\');
            let after = text[at + needle.len()..].chars().find(|&c| c != '\\');
            if before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_whitespace) {
                spaced += 1;
            }
        }
    }
    spaced
}

/// The rows of a table printed without its outer pipes (as html2text prints
/// one): `地区 | 人口 | 增速` over `华川 | 120 | 3.2%`. A line is a row when the
/// line above or below it has as many spaced pipes (two or more), or when most
/// of its fields are numbers. A bar of links stands alone and holds words.
fn table_rows(units: &[Unit<'_>]) -> Vec<bool> {
    let pipes: Vec<usize> = units
        .iter()
        .map(|u| spaced_marks(&u.text, &['|', '｜']))
        .collect();
    (0..units.len())
        .map(|i| {
            let k = pipes[i];
            k >= 2
                && ((i > 0 && pipes[i - 1] == k)
                    || pipes.get(i + 1) == Some(&k)
                    || mostly_numbers(&units[i].text))
        })
        .collect()
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
    let mut rest = text.trim();
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
    // `阅读 3.1万`, `分享　收藏　点赞 215　在看 86`, `👍 1286　☆ 收藏　💬 57`, `写留言`:
    // button words, counts (alone or glued after a button word) and pictographs.
    let lex = lexicon();
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

/// `HUAHENG RIBAO`, `QINYUAN DAILY`: a paper's name in Latin capitals.
fn is_latin_name(text: &str) -> bool {
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
fn is_masthead_info(text: &str, n: usize) -> bool {
    if n > 80 || text.contains(['。', '，']) {
        return false;
    }
    if lexicon().has_masthead_mark(text) {
        return true;
    }
    // `第28761号`, `第1186期`, `今日16版`, `本期四版`: a word, a number, a unit.
    let numbered = |word: &str, units: &[char]| {
        text.match_indices(word).any(|(i, _)| {
            let rest = &text[i + word.len()..];
            let digits = rest
                .chars()
                .take_while(|&c| is_digit(c) || "一二三四五六七八九十".contains(c))
                .count();
            digits > 0 && rest.chars().nth(digits).is_some_and(|c| units.contains(&c))
        })
    };
    numbered("第", &['号', '期']) || numbered("今日", &['版']) || numbered("本期", &['版'])
}

/// `经济·民生`, `要闻`: a section name in a page's head band.
fn is_section_name(text: &str) -> bool {
    let n = count_upto(text, 8);
    (2..=7).contains(&n) && text.chars().all(|c| crate::text::is_han(c) || c == '·')
}

/// `责编 林小满　美编 方格`, `…第7版　　责任编辑：孟溪`: a credit field followed by
/// its value, anywhere in a short line without a full stop.
fn has_credit_line(text: &str, n: usize) -> bool {
    if n > 60 || text.contains('。') || !lexicon().has_credit_field(text) {
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

/// `扫码关注“某报”微信公众号　新闻热线：…`: the paper's own notice of its channels.
///
/// `点击上方蓝字关注我们`, `打开App，阅读体验更佳`: an account's or an app's call to
/// follow it or open it (a call, and what it calls to).
fn is_channel_notice(text: &str, n: usize) -> bool {
    if n > 60 || text.contains('。') {
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

/// `[14]潕川启动冬季“送温暖”活动` over `全省各级工会筹集资金…。`: a link that `lynx
/// -dump` numbered, over running text of its own rather than in a list of links, is
/// the title of that text (a channel page's brief): its link number is no text.
fn read_linked_heads(units: &mut [Unit<'_>]) {
    for i in 0..units.len().saturating_sub(1) {
        if units[i].markup != Markup::Furniture || units[i].text.starts_with(['*', '+', '-']) {
            continue;
        }
        let Some(rest) = units[i].text.strip_prefix('[') else {
            continue;
        };
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let Some(head) = rest[digits..].strip_prefix(']') else {
            continue;
        };
        let head = trim(head);
        // (Page furniture between, a running head after a page break, is no text;
        // the next link of a list is where the search stops.)
        let Some(next) = units[i + 1..].iter().find(|u| {
            !matches!(u.markup, Markup::Furniture | Markup::Noise) || is_link_list_line(&u.text)
        }) else {
            continue;
        };
        let text_below = next.markup == Markup::None
            && count_upto(&next.text, 11) > 10
            && ends_sentence(&next.text)
            && !next.text.contains('[');
        // (In a list of links, the link above is one too.)
        let listed = i > 0 && is_link_list_line(&units[i - 1].text);
        if digits > 0
            && text_below
            && !listed
            && (4..=40).contains(&count_upto(head, 41))
            && head.chars().next().is_some_and(crate::text::is_han)
            && !head.contains(['[', ']', '|', '。'])
        {
            let head = head.to_string();
            units[i].text = Cow::Owned(head);
            // A link's words are the title of the page it leads to.
            units[i].markup = Markup::Title;
        }
    }
}

/// A line of a list of links as `lynx -dump` prints a web page: it opens with a
/// link number (`[1]华衡网`, `* [14]岑阳：…`, `[34][IMG]`), or it is the page's
/// `References` list (`References`, `3. https://…`). The articles' own text never
/// opens with a link number.
fn is_link_list_line(text: &str) -> bool {
    if text == "References" {
        return true;
    }
    let t = text.trim_start_matches(['*', '+', '-', '·', '•', ' ']);
    let numbered = |t: &str, open: &str, close: char| {
        t.strip_prefix(open).is_some_and(|rest| {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && rest[digits..].starts_with(close)
        })
    };
    if numbered(t, "[", ']') {
        return true;
    }
    // `3. https://…`
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && {
        let rest = super::blocks::trim(t[digits..].strip_prefix('.').unwrap_or(""));
        rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("file:")
    }
}

/// `第二版　我国新能源汽车年产量…`, `民生实事“回头看”　4版`: a line of a box
/// pointing to stories on other pages (a page number before or after a space).
fn is_teaser(text: &str, n: usize) -> bool {
    if n > 40 || text.contains('。') {
        return false;
    }
    let numeral = |c: char| is_digit(c) || "一二三四五六七八九十".contains(c);
    let page_ref = |s: &str| {
        let s = s.trim_start_matches('第');
        let Some(core) = s.strip_suffix('版') else {
            return false;
        };
        !core.is_empty() && core.chars().all(numeral)
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
    let head = super::blocks::trim(inner[..open].trim_start_matches(['■', '●', '◆', '▲', '▶']));
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

/// The longest line (in characters) a furniture rule reads; [`mark_furniture`]
/// counts each line once, up to one more, and gives the count (`n`) to its rules.
const LINE_RULES_CAP: usize = 121;

/// Page furniture: running heads and mastheads at the top of a page, page numbers,
/// credits, attribution lines, web chrome, banners over runs of briefs or photos.
///
/// A masthead opens at the top of a page (or after a form feed) with the paper's
/// name alone, its Latin name or a running head, and goes on over the lines a
/// masthead holds: dates, weekdays, issue and serial numbers, the page number and
/// the section after it (`pdftotext` prints each on its own line).
fn mark_furniture(units: &mut [Unit<'_>], traditional: bool) {
    let lex = lexicon();
    // At the top of a page, before any text.
    let mut first = true;
    // Inside a masthead, opened by the paper's name (not a running head), and
    // right after its page number.
    let mut masthead = false;
    let mut by_name = false;
    let mut after_number = false;
    // The section a running head names last (`沄州晚报　…　A09　读者来信`): the same
    // words alone right below it are the page's section banner, not a head.
    let mut section: Option<String> = None;
    let table = table_rows(units);
    for (u, table_row) in units.iter_mut().zip(table) {
        // A converter's `#` on a line is a guess: a page number or page credit it
        // marked as a heading is still furniture.
        if u.markup != Markup::None {
            first = false;
            masthead = false;
            by_name = false;
            continue;
        }
        // A page in traditional characters is read folded to simplified ones.
        let folded = if traditional {
            super::traditional::fold(&u.text)
        } else {
            Cow::Borrowed(u.text.as_ref())
        };
        let text: &str = &folded;
        // Every rule here looks at lines of at most 120 characters: count once.
        let n = count_upto(text, LINE_RULES_CAP);
        if let Some(name) = section.take()
            && text == name
        {
            u.markup = Markup::Furniture;
            u.level = 0;
            first = false;
            masthead = false;
            by_name = false;
            continue;
        }
        let at_top = first || u.page_break;
        let name = lex.is_paper_name(text) || is_latin_name(text);
        let named = name || is_running_head(text, n);
        let opens = at_top && named;
        let goes_on = masthead
            && !u.page_break
            && (named
                || is_masthead_info(text, n)
                || (by_name && is_date_line(text) && text.contains('年') && text.contains('日'))
                || is_page_number(text)
                || is_page_code(text)
                || (after_number && is_section_name(text)));
        if opens || goes_on || is_furniture_line(text, n, table_row) {
            // The buttons under a web article end it.
            u.markup = if is_article_foot(text, n) {
                Markup::DocBreak
            } else {
                Markup::Furniture
            };
            u.level = 0;
            if opens || goes_on {
                section = text
                    .split(char::is_whitespace)
                    .rfind(|p| !p.is_empty())
                    .filter(|p| {
                        (2..=8).contains(&p.chars().count()) && p.chars().all(crate::text::is_han)
                    })
                    .map(str::to_string);
            }
            masthead = opens || goes_on;
            by_name = masthead && (name || by_name);
            after_number = masthead && (is_page_number(text) || is_page_code(text));
            first = first && masthead;
            continue;
        }
        // Readers' comments and related links under a web article end it.
        if lex.is_banner(text) || text.starts_with("网友评论") || text.starts_with("相关新闻")
        {
            u.markup = Markup::Banner;
            u.level = 0;
        }
        first = false;
        masthead = false;
        by_name = false;
    }
}

/// A line of page furniture by its own words, wherever it stands: a page number,
/// the page's credits, a channel notice, an attribution line, web chrome, a teaser
/// (what [`mark_furniture`] sets aside without the page around it).
fn is_furniture_line(text: &str, n: usize, table_row: bool) -> bool {
    is_page_number(text)
        || is_page_credit(text)
        || has_credit_line(text, n)
        || is_channel_notice(text, n)
        || is_attribution(text, n)
        || is_web_chrome(text, n, table_row)
        || is_teaser(text, n)
}

/// Furniture cut by a hard wrap: a line of a stamp, a credit or a bar of buttons
/// wider than the page's column is printed over two or more lines
/// (`2026-11-19　来源：某某日报　作者：某某　【字号：` / `大 中 小】`), and its pieces
/// are no furniture by their words alone. A line that fills the column (no
/// sentence in it) goes on in the line right under it; when the logical line so
/// joined is furniture, every piece of it is. A piece that is furniture alone (a
/// masthead's line) takes its tail with it only when the tail is no head and ends
/// where a blank line, furniture or the page's end follows: a head right under a
/// line of furniture as wide as the column is no tail.
fn mark_cut_furniture(units: &mut [Unit<'_>], wrap: Option<Wrap>, traditional: bool) {
    let Some(wrap) = wrap else {
        return;
    };
    // A piece the width cut: it fills the column in the page's measure, or in
    // characters (a tool that cut every N characters leaves a line of narrow
    // digits short in cells on a page measured in cells).
    let cut = |u: &Unit<'_>| {
        let t: &str = &u.text;
        (wrap.fills(t) || 2 * count_upto(t, WIDTH_CAP / 2) + 4 >= wrap.width)
            && !t.contains(['。', '，'])
            && !ends_sentence(t)
    };
    let goes_on = |u: &Unit<'_>| {
        u.markup == Markup::None && u.gap == 0 && !u.page_break && !u.indent && u.level == 0
    };
    let mut table: Option<Vec<bool>> = None;
    let mut i = 0;
    while i < units.len() {
        let first = &units[i];
        if !matches!(first.markup, Markup::None | Markup::Furniture)
            || first.level > 0
            || !units.get(i + 1).is_some_and(goes_on)
            || !cut(first)
        {
            i += 1;
            continue;
        }
        let table = table.get_or_insert_with(|| table_rows(units));
        // Join the pieces while the one above was cut, up to the longest line a
        // furniture rule reads.
        let mut line = first.text.to_string();
        let mut end = i + 1;
        let mut found = None;
        while end < units.len() && goes_on(&units[end]) && cut(&units[end - 1]) {
            line.push_str(&units[end].text);
            end += 1;
            let folded = if traditional {
                super::traditional::fold(&line)
            } else {
                Cow::Borrowed(line.as_str())
            };
            let n = count_upto(&folded, LINE_RULES_CAP);
            if n >= LINE_RULES_CAP {
                break;
            }
            let row = table[i..end].iter().any(|&r| r);
            if is_furniture_line(&folded, n, row) {
                found = Some(is_article_foot(&folded, n));
                break;
            }
        }
        // A tail taken by a piece that is furniture alone: it ends where a blank
        // line, furniture or the page's end follows, and it is no head (three
        // characters at most, or a bracket closed that it never opened).
        let tail = &units[end - 1].text;
        let no_head = count_upto(tail, 4) <= 3 || closes_unopened(tail);
        let ends_apart = units
            .get(end)
            .is_none_or(|u| u.gap > 0 || u.page_break || u.markup != Markup::None);
        let Some(foot) =
            found.filter(|_| units[i].markup == Markup::None || (ends_apart && no_head))
        else {
            i += 1;
            continue;
        };
        for (k, u) in units[i..end].iter_mut().enumerate() {
            if u.markup == Markup::None {
                u.markup = if foot && k == 0 {
                    Markup::DocBreak
                } else {
                    Markup::Furniture
                };
                u.level = 0;
            }
        }
        i = end;
    }
}

/// `大 中 小】`: a line that closes a bracket it never opened (the tail of a line
/// cut inside the bracket).
fn closes_unopened(t: &str) -> bool {
    [('【', '】'), ('（', '）'), ('(', ')'), ('[', ']')]
        .iter()
        .any(|&(o, c)| t.matches(c).count() > t.matches(o).count())
}

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
        || super::classify::is_caption(t, n)
        || (t.starts_with(['（', '(']) && t.ends_with(['）', ')']))
}

/// Converter Markdown is a hint, not the truth. A converter that guesses heads from
/// the shape of lines marks every short line without a full stop, bylines and names
/// among them; an editor marks some heads and leaves others (bylines, labels) as
/// they are. So a page whose marks fall on lines no editor marks (a byline, a name,
/// a note, a sentence) while it leaves few head-shaped lines unmarked (fewer than a
/// quarter of its marks; lines as wide as a hard-wrapped page's column are cut text,
/// not heads) had its marks guessed: they tell nothing its lines do not, and the
/// page is read as unmarked.
fn settle_markdown(units: &mut [Unit<'_>], wrap: Option<Wrap>) {
    let marked = units
        .iter()
        .filter(|u| u.level > 0 && u.markup == Markup::None)
        .count();
    if marked == 0 || !units.iter().any(marks_a_non_head) {
        return;
    }
    let unmarked_heads = units
        .iter()
        .filter(|u| {
            u.level == 0
                && u.markup == Markup::None
                && super::classify::is_head(&u.text, count_upto(&u.text, 81))
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

/// Indents mark paragraph starts only on pages that indent paragraphs, and only
/// where they open paragraphs: on a hard-wrapped page whose indented lines go on
/// from a full line that ends no sentence, an indent marks nothing.
fn settle_indents(units: &mut [Unit<'_>], wrap: Option<Wrap>) {
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
                && prev
                    .is_some_and(|p| wrap.fills(&p.text) && !super::classify::is_complete(&p.text))
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

/// Widest cells counted for a line when looking for the wrap width.
const WIDTH_CAP: usize = 240;

/// How a hard-wrapped page's lines were cut: at a width, measured in display cells
/// (a PDF's column: a half-width digit takes half a Han character's room) or in
/// characters (a tool that cuts every N characters, digits or not).
#[derive(Debug, Clone, Copy)]
pub(super) struct Wrap {
    width: usize,
    chars: bool,
}

impl Wrap {
    /// The width of `s` as this page's lines were measured when cut (in cells: a
    /// character counts two when the page was cut by characters).
    fn of(self, s: &str) -> usize {
        if self.chars {
            (2 * count_upto(s, WIDTH_CAP / 2)).min(WIDTH_CAP)
        } else {
            width(s, WIDTH_CAP)
        }
    }

    /// True when `s` fills a line of this page, give or take the few cells a
    /// cut leaves (punctuation kept off a line start, half-width characters).
    pub(super) fn fills(self, s: &str) -> bool {
        self.of(s) + 4 >= self.width
    }
}

/// The width most body lines are cut at, when the page is hard-wrapped: lines are
/// measured in display cells and, when no width holds enough of them so measured (a
/// tool that cut every N characters leaves full lines of many display widths, one
/// for each count of half-width digits), in characters.
pub(super) fn wrap_width(units: &[Unit<'_>]) -> Option<Wrap> {
    // Both measures of every line in one pass (each a histogram, and the lines
    // that could have been cut by the width: heads and the last lines of
    // paragraphs are shorter, and many on a page of short paragraphs).
    let mut cells = ([0u32; WIDTH_CAP + 1], 0u32);
    let mut chars = ([0u32; WIDTH_CAP + 1], 0u32);
    // A table drawn with box characters (`│护士│８│`) has rows of one width
    // that no tool wrapped.
    for u in units
        .iter()
        .filter(|u| u.markup == Markup::None && !has_box_drawing(&u.text))
    {
        for (wrap, (hist, lines)) in [(false, &mut cells), (true, &mut chars)] {
            let w = Wrap {
                width: 0,
                chars: wrap,
            }
            .of(&u.text);
            if w >= 24 {
                *lines += 1;
                hist[w] += 1;
            }
        }
    }
    let best = |(hist, lines): &([u32; WIDTH_CAP + 1], u32), chars: bool| {
        // The width with most lines in [w-3, w]: lines are cut at one width, give
        // or take punctuation kept off a line start and half-width characters; a
        // tool that cuts by characters leaves its full lines at exactly one count.
        let slack = if chars { 0 } else { 3 };
        let (best_w, best) = (24..WIDTH_CAP)
            .map(|w| (w, hist[w - slack..=w].iter().sum::<u32>()))
            .max_by_key(|&(w, n)| (n, w))?;
        (best >= 3 && best * 3 >= *lines).then_some(Wrap {
            width: best_w,
            chars,
        })
    };
    best(&cells, false)
        .or_else(|| best(&chars, true))
        .or_else(|| few_wider(units))
}

/// The wrap width of a hard-wrapped page whose wrapped paragraphs are few among
/// lines of other widths (listings, tables, heads): lines of running text (a comma
/// or a full stop in them) stand at one width, at least four of them, and almost
/// nothing on the page is wider (a page printed one paragraph a line has many
/// lines wider than any width its short paragraphs share). Measured in cells and
/// in characters; the measure that puts more lines at its width wins.
fn few_wider(units: &[Unit<'_>]) -> Option<Wrap> {
    let by = |chars: bool| {
        let wrap = Wrap { width: 0, chars };
        let mut prose = [0u32; WIDTH_CAP + 1];
        let mut all = [0u32; WIDTH_CAP + 1];
        for u in units
            .iter()
            .filter(|u| u.markup == Markup::None && !has_box_drawing(&u.text))
        {
            let w = wrap.of(&u.text);
            all[w] += 1;
            if w >= 24 && u.text.contains(['，', '。', '、', ',']) {
                prose[w] += 1;
            }
        }
        let slack = if chars { 0 } else { 3 };
        let (best_w, best) = (24..WIDTH_CAP)
            .map(|w| (w, prose[w - slack..=w].iter().sum::<u32>()))
            .max_by_key(|&(w, n)| (n, w))?;
        let wider: u32 = all[best_w + 1..].iter().sum();
        (best >= 4 && wider * 10 <= best).then_some((
            best,
            Wrap {
                width: best_w,
                chars,
            },
        ))
    };
    match (by(false), by(true)) {
        (Some(cells), Some(chars)) => Some(if chars.0 > cells.0 { chars.1 } else { cells.1 }),
        (cells, chars) => cells.or(chars).map(|(_, w)| w),
    }
}

/// Characters that cannot start a line or a paragraph.
fn cannot_open(c: char) -> bool {
    matches!(
        c,
        '，' | '、' | '。' | '；' | '：' | '？' | '！' | '）' | '」' | '』' | '》' | '”' | ','
    )
}

/// Two short head-like lines that are one head cut by a wrap: the first leaves a
/// quote or bracket open, or a word runs across the cut.
fn wrapped_head(prev: &str, next: &str) -> bool {
    let head_like = |s: &str| {
        count_upto(s, 30) <= 28 && !s.contains(['，', '。', '；', '：', ',']) && !ends_sentence(s)
    };
    if !head_like(prev) || !head_like(next) || count_upto(prev, 4) < 4 {
        return false;
    }
    // A dateline or byline below a head is no part of it.
    if is_dateline_alone(next)
        || is_byline(next, count_upto(next, 81))
        || is_name_line(next)
        || is_date_line(prev)
        || is_date_line(next)
    {
        return false;
    }
    let open = |o: char, c: char| prev.matches(o).count() > prev.matches(c).count();
    open('“', '”') || open('《', '》') || open('（', '）') || super::rethread::bond(prev, next)
}

/// Within a block, the short line `next` goes on with the short line `prev`: a
/// role or `文/` waits for its name; a head cut by the width leaves the longer part
/// first (or cuts a word or a quote); a kicker over its title, a title over a
/// byline, the lines of a poem do not.
fn block_line_continues(prev: &str, next: &str, wrap: Wrap) -> bool {
    if ROLE_WORDS.iter().any(|r| prev.ends_with(r)) || prev.ends_with('/') {
        return true;
    }
    let head_like = |s: &str| !s.contains(['，', '。', '；', '：', ',']);
    // A name alone (two or three Han characters) under a short line of clauses
    // that leaves none open signs what is above it (a commentary's head with a
    // comma, `热线要热，服务更要热` / `蒉思远`, as `pdftotext` prints a block), and
    // goes on into no line of text below it, unless a word runs across the cut.
    // (A head hard-wrapped mid-clause, `好事办好，要` / `多商量`, leaves its last
    // clause shorter than its first: the line goes on.)
    let name = |s: &str| is_name_line(s) || is_pen_name_like(s);
    let mut clauses = prev.split(['，', '、', '：', ',', ':']);
    let first = clauses.next().map_or(0, |c| count_upto(c, 32));
    let last = clauses.next_back().map_or(0, |c| count_upto(c, 32));
    if !head_like(prev) && last >= first.max(1) && name(next) && !super::rethread::bond(prev, next)
    {
        return false;
    }
    if name(prev) && !head_like(next) && !super::rethread::bond(prev, next) {
        return false;
    }
    if !head_like(prev) || !head_like(next) {
        return true;
    }
    if is_dateline_alone(next) || is_byline(next, count_upto(next, 81)) {
        return false;
    }
    // A word across the cut (`太平桥修缮工` / `程开工`) outweighs a name-like line.
    if super::rethread::bond(prev, next) {
        return true;
    }
    if is_name_line(next) {
        return false;
    }
    wrap.of(prev) >= wrap.of(next) || wrapped_head(prev, next)
}

/// The width a page's lines had before they were hard-wrapped again (a page cut at
/// one width and printed again by a tool that cuts at a narrower one: `…修了` /
/// `居民` / `出门要绕一公里多。` of a page first cut at 33 characters, then at 30),
/// in `wrap`'s measure. Where a line cut at the page's width goes on in a short
/// piece that ends no sentence, the two are one line of the first print; when
/// enough such lines (four or more, a third of them, and half the lines the page's
/// width cut) are one width, wider than the page's, that is the first print's width.
fn first_wrap(units: &[Unit<'_>], wrap: Wrap) -> Option<usize> {
    let mut hist = [0u32; 2 * WIDTH_CAP + 1];
    let mut lines = 0u32;
    let full = units
        .iter()
        .filter(|u| u.markup == Markup::None && wrap.fills(&u.text))
        .count();
    for pair in units.windows(2) {
        let (cut, tail) = (&pair[0], &pair[1]);
        if cut.markup != Markup::None
            || tail.markup != Markup::None
            || tail.gap > 0
            || !wrap.fills(&cut.text)
            || wrap.fills(&tail.text)
            || ends_sentence(&tail.text)
        {
            continue;
        }
        lines += 1;
        hist[wrap.of(&cut.text) + wrap.of(&tail.text)] += 1;
    }
    let (best_w, best) = (wrap.width + 5..=2 * WIDTH_CAP)
        .map(|w| (w, hist[w - 3..=w].iter().sum::<u32>()))
        .max_by_key(|&(w, n)| (n, w))?;
    // Wrapped twice, most lines the page's width cut go on in such a tail; a page
    // wrapped once has a few by chance (an OCR line, a print's short column tail).
    (best >= 4 && best * 3 >= lines && 2 * best as usize >= full).then_some(best_w)
}

fn unwrap(units: &mut Vec<Unit<'_>>, wrap: Option<Wrap>) {
    let Some(wrap) = wrap else {
        return;
    };
    let w = wrap.width;
    let text_units = units.iter().filter(|u| u.markup == Markup::None).count();
    let spaced = units
        .iter()
        .filter(|u| u.markup == Markup::None && u.gap > 0)
        .count();
    // Blank lines between blocks: a block without one inside is one unit.
    let blocky = spaced >= 3 && spaced * 8 >= text_units;
    let mut out: Vec<Unit<'_>> = Vec::with_capacity(units.len());
    let mut last_text: Option<usize> = None;
    // Width of the last source line of the last text unit (not of what it grew to).
    let mut last_width = 0usize;
    // On a page hard-wrapped twice, the width of the first print's line the last
    // source line ends (the pieces since the last one the page's width did not cut).
    let first_print = first_wrap(units, wrap);
    let mut first_width = 0usize;
    // Which units stand right over a byline (a head stack's last line does).
    let over_byline: Vec<bool> = (0..units.len())
        .map(|k| {
            units.get(k + 1).is_some_and(|n| {
                n.gap == 0
                    && n.markup == Markup::None
                    && (is_byline(&n.text, count_upto(&n.text, 81))
                        || is_dateline_alone(&n.text)
                        || (count_upto(&n.text, 13) <= 12 && is_name_line(&n.text)))
            })
        })
        .collect();
    // Which units are as wide as every line under them in their run (the lines up
    // to the next blank line), give or take a half-width digit: a column's full line.
    let widest: Vec<bool> = {
        let mut widest = vec![false; units.len()];
        let mut below = 0usize;
        for k in (0..units.len()).rev() {
            let u = &units[k];
            if u.markup != Markup::None {
                below = 0;
                continue;
            }
            let own = wrap.of(&u.text);
            widest[k] = own + 2 >= below;
            below = if u.gap > 0 { 0 } else { below.max(own) };
        }
        widest
    };
    for (k, u) in units.drain(..).enumerate() {
        if u.markup == Markup::Furniture {
            out.push(u);
            continue;
        }
        let joins = u.markup == Markup::None
            && u.level == 0
            && !u.indent
            && !super::classify::is_jump_line(&u.text)
            // A row of tab-separated fields (a table saved from a word processor)
            // is no wrapped line: no extraction tool wraps with tabs.
            && !u.text.contains('\t')
            && !has_box_drawing(&u.text)
            // `问：` and `答：` open a question or an answer: a paragraph of its own.
            && !opens_exchange(&u.text)
            && last_text.is_some_and(|i| {
                let prev = &out[i];
                if prev.text.contains('\t') || has_box_drawing(&prev.text) {
                    return false;
                }
                let furniture_between = out.len() > i + 1;
                let gap = u.gap == 0 || (furniture_between && !blocky);
                if !gap
                    || prev.markup != Markup::None
                    || prev.level > 0
                    || super::classify::is_jump_line(&prev.text)
                {
                    return false;
                }
                // A head as wide as the column over a shorter head and a byline
                // (`春运首日篁州站发送旅客4.2万人次` / `回家的路，今年更顺了` / `晚报记者
                // 乔岫`, as `pdftotext -raw` prints them): two heads, not one line.
                if over_byline[k]
                    && prev.joined == 0
                    && !prev.text.contains(['，', '。', '；', '：', ','])
                    && !u.text.contains(['。', '；'])
                    && !ends_sentence(&u.text)
                    && count_upto(&u.text, 7) >= 7
                    && !super::rethread::bond(&prev.text, &u.text)
                {
                    return false;
                }
                // A paragraph closed by its credit (`…问题。（据新华社电）`) ends there,
                // however wide its last line.
                if super::classify::trailing_credit(&prev.text).is_some() {
                    return false;
                }
                if u.gap == 0 && !furniture_between && opens_indented(&prev.text, &u.text, wrap, widest[k]) {
                    return true;
                }
                // A role alone (`本报驻内罗毕记者`) with its name on the next line opens
                // a byline: it never goes on from the head above it.
                if over_byline[k]
                    && count_upto(&u.text, 13) <= 12
                    && ROLE_WORDS.iter().any(|r| u.text.ends_with(r))
                    && !u.text.contains(['，', '。', '：'])
                {
                    return false;
                }
                // A dateline (`本报讯`) opening a line after a finished one opens a
                // paragraph: one brief after another.
                if super::classify::is_complete(&prev.text)
                    && super::classify::dateline(&u.text).is_some()
                {
                    return false;
                }
                // A clause running to near the column's edge goes on (a line of
                // narrow digits falls short of the width): `即日起至2月底，鸥湖湿地公园`.
                if !blocky
                    && last_width + 8 >= w
                    && prev.text.contains(['，', ','])
                    && !super::classify::is_complete(&prev.text)
                    && !cannot_open(u.text.chars().next().unwrap_or(' '))
                    && !is_byline(&u.text, count_upto(&u.text, 81))
                {
                    return true;
                }
                // On a page of blocks, a block is one paragraph (or a few): what it grew
                // to counts; elsewhere the last source line's own width does.
                let full = if blocky {
                    wrap.fills(&prev.text)
                } else {
                    last_width + 4 >= w || first_print.is_some_and(|f| first_width + 4 >= f)
                };
                // A name or `·…·` credit after a finished sentence signs the text.
                if ends_sentence(&prev.text) && is_name_line(&u.text) {
                    return false;
                }
                let first = u.text.chars().next().unwrap_or(' ');
                // `晚报记者` / `庞 楠 摄`: a role alone waits for its name on the next line.
                if count_upto(&prev.text, 9) <= 8
                    && ROLE_WORDS.iter().any(|r| prev.text.ends_with(r))
                    && count_upto(&u.text, 13) <= 12
                    && !u.text.contains(['，', '。'])
                {
                    return true;
                }
                // A byline is a line of its own: under a head however wide the head,
                // and over the text however wide the byline (`晚报记者　钱小棹　特约记者
                // 骆一帆` as a narrow column prints it).
                // (A reporter's byline: a dateline lede, `本报讯（记者…）记者从…`, a
                // field such as `投稿邮箱：…` or a list ending `…书画摄影` is none.)
                let byline = |s: &str| {
                    is_byline(s, count_upto(s, 31))
                        && count_upto(s, 31) <= 30
                        && ["记者", "通讯员", "实习生"].iter().any(|r| s.contains(r))
                        && !s.contains('、')
                        && !s.contains(['：', ':'])
                        && super::classify::dateline(s).is_none()
                };
                if byline(&u.text) && !prev.text.contains(['，', '。', '；', ',']) {
                    return false;
                }
                if prev.joined == 0
                    && byline(&prev.text)
                    && !cannot_open(first)
                    && count_upto(&u.text, 8) >= 8
                {
                    return false;
                }
                if full && (blocky || !ends_sentence(&prev.text)) {
                    return true;
                }
                if cannot_open(first) {
                    return true;
                }
                let short = !wrap.fills(&u.text);
                // A head wrapped mid-word or inside quotes (`鹭溪县开展秋季森` /
                // `林防火宣传`, `新增两处“` / `共享自习室”`): both parts head-like.
                if short && last_width + 4 < w && wrapped_head(&prev.text, &u.text) {
                    return true;
                }
                // A head or byline set over two short lines of a block.
                blocky
                    && short
                    && !ends_sentence(&prev.text)
                    && !u.text.starts_with("——")
                    && !furniture_between
                    && block_line_continues(&prev.text, &u.text, wrap)
            });
        if joins && let Some(i) = last_text {
            let prev = &mut out[i];
            let mut joined = prev.text.to_string();
            let ascii_cut = joined
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric())
                && u.text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric());
            // `本报记者` / `冯一鸣 摄`: a role and the name on the next line stay apart.
            if ascii_cut || ROLE_WORDS.iter().any(|r| joined.ends_with(r)) {
                joined.push(' ');
            }
            joined.push_str(&u.text);
            prev.text = Cow::Owned(joined);
            prev.joined = u.line.saturating_sub(prev.line).max(prev.joined);
            first_width = if last_width + 4 >= w {
                first_width + wrap.of(&u.text)
            } else {
                wrap.of(&u.text)
            };
            last_width = wrap.of(&u.text);
            continue;
        }
        last_width = wrap.of(&u.text);
        first_width = last_width;
        // The text of a run-in head shares its line: the line is as wide as both.
        if let Some(i) = last_text
            && out[i].markup == Markup::RunIn
            && out[i].line == u.line
        {
            last_width += wrap.of(&out[i].text) + 4;
        }
        last_text = Some(out.len());
        out.push(u);
    }
    *units = out;
    join_wrapped_heads(units, wrap);
}

/// `prev`, a line of its own, is the indented first line of a paragraph a narrow
/// column cut (`市轨道交通集团6日透` / `露，地铁3号线二期工程将`, as a PDF printed
/// block by block gives it, without the indent): it is the width of the column's
/// full line under it less an indent of two Han characters (give or take a
/// half-width digit), and that line runs on in clauses. A head over its text is
/// not: the text's first line under it is itself indented, so narrower than the
/// lines under it.
fn opens_indented(prev: &str, next: &str, wrap: Wrap, next_widest: bool) -> bool {
    let (p, n) = (wrap.of(prev), wrap.of(next));
    if !next_widest || n < 16 || p + 6 < n || p + 3 > n {
        return false;
    }
    if ends_sentence(prev)
        || prev.starts_with("——")
        || is_name_line(prev)
        || is_dateline_alone(next)
        || is_byline(next, count_upto(next, 81))
        || !next.contains(['，', '。', '、', '；', ','])
    {
        return false;
    }
    // A byline or dateline ends its line (`本报讯（记者 宁一舟）`); one whose line
    // runs on (`…宁一舟）9月`, `新华社北京6月2日电（记者 岑向`) opens the text.
    if is_byline(prev, count_upto(prev, 81)) || is_dateline_alone(prev) {
        let open = prev.matches('（').count() > prev.matches('）').count();
        return open
            || super::classify::dateline(prev).is_some_and(|d| d.trim_end().len() < prev.len());
    }
    true
}

/// `问：…`, `答：…`: a line opening a question or an answer of an interview or a
/// Q&A item.
pub fn opens_exchange(text: &str) -> bool {
    ["问：", "问:", "答：", "答:"]
        .iter()
        .any(|p| text.starts_with(p))
}

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
        && super::classify::dateline(t).is_none()
        && !is_date_line(t)
        && !super::classify::is_caption(t, count_upto(t, 81))
        && !super::classify::is_jump_line(t)
}

/// The tail of a question or exclamation head (`新生儿医保怎` / `么办？`) under the
/// head line `above`: a head piece but for the question or exclamation mark that
/// closes it. It can only end a run of head lines. A title set over two lines is
/// cut where a word runs across or near its middle; a kicker over a question title
/// is wider than the title (`…三年行动方案` / `加装电梯谁来出钱？`, `…成立75周年` /
/// `祖国万岁！`). The page's wrap width cannot tell: a head line never fills it.
fn question_tail(above: &str, u: &Unit<'_>, wrap: Wrap) -> bool {
    let t = u.text.trim_end_matches(['？', '?', '！', '!']);
    (wrap.of(above) <= wrap.of(&u.text) + 6 || super::rethread::bond(above, &u.text))
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
fn is_pen_name_like(t: &str) -> bool {
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
fn join_wrapped_heads(units: &mut Vec<Unit<'_>>, wrap: Wrap) {
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
            let i = if it.peek().is_some_and(signs_or_subtitles) {
                Some(k - 2)
            } else {
                k.checked_sub(3)
            };
            i.filter(|&i| i >= 1 || super::rethread::bond(&run[i].text, &run[i + 1].text))
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
pub(super) mod tests {
    use super::*;
    use crate::segment::blocks::units;

    proptest::proptest! {
        /// Spaced marks found by their bytes are those found reading every
        /// character (backslashes dropped) and looking at three at a time.
        #[test]
        fn spaced_marks_are_those_read_character_by_character(
            s in "[ \u{3000}\\\\|｜>＞»a社，]{0,24}"
        ) {
            let marks = ['|', '｜', '>', '＞', '»'];
            let chars: Vec<char> = s.chars().filter(|&c| c != '\\').collect();
            let read = chars
                .windows(3)
                .filter(|w| marks.contains(&w[1]) && w[0].is_whitespace() && w[2].is_whitespace())
                .count();
            proptest::prop_assert_eq!(spaced_marks(&s, &marks), read);
        }
    }

    /// In a block of a page printed block by block, a head of clauses over its
    /// writer's name (`热线要热，服务更要热` / `蒉思远`, a surname no list has) is a
    /// head and a byline, and the name does not run on into the text below it; a
    /// head hard-wrapped mid-clause (`好事办好，要` / `多商量`) is one line, and a role
    /// still waits for its name.
    #[test]
    fn a_head_of_clauses_over_a_name_is_no_wrapped_line() {
        let wrap = Wrap {
            width: 48,
            chars: false,
        };
        assert!(!block_line_continues(
            "热线要热，服务更要热",
            "蒉思远",
            wrap
        ));
        assert!(!block_line_continues(
            "蒉思远",
            "一个电话，维修工两小时上门，这样的速度让人点",
            wrap
        ));
        assert!(block_line_continues("好事办好，要", "多商量", wrap));
        assert!(block_line_continues("苇塘县：冬闲", "变冬忙", wrap));
        assert!(block_line_continues("晚报记者", "蒉思远", wrap));
    }

    /// The texts of `page`'s units after normalising, furniture and breaks set
    /// aside: what is left for the articles (also `recur`'s tests).
    pub(in crate::segment) fn texts(page: &str) -> Vec<String> {
        let mut u = units(page);
        normalise(&mut u);
        u.iter()
            .filter(|u| !matches!(u.markup, Markup::Furniture | Markup::DocBreak))
            .map(|u| u.text.to_string())
            .collect()
    }

    const WRAPPED: &str = "探索城乡融合发展的新\n路径\n\n本报记者\n王芳\n\n一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n九十。\n\n二二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n九十。\n";

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

    /// A hard-wrapped page with a blank line after every printed line (Tika) reads
    /// as the same page without them: two stories, each title over its own text.
    #[test]
    fn a_blank_line_after_every_line_means_nothing() {
        let printed = [
            "柳塘村修好了灌溉渠",
            "本报记者　甘若愚",
            "入春以来，柳塘村组织村民",
            "清淤修渠，全长三公里的灌溉",
            "渠道已全部完工，可以保证两",
            "千亩麦田春灌用水。",
            "村支书说，今年还要再修一",
            "座提灌站，让坡地也能浇上",
            "水，村民们都很高兴。",
            "镇图书室周末延长开放",
            "通讯员　宓秋",
            "从本周起，镇图书室周六周",
            "日开放到晚上八点，方便上班",
            "的村民和放学的孩子来借书",
            "看报，室内还新添了两百多",
            "册农业科技图书。",
        ];
        let tika: String = printed.iter().map(|l| format!("{l}\n\n")).collect();
        let plain: String = printed.iter().map(|l| format!("{l}\n")).collect();
        let mut u = units(&tika);
        let wrap = wrap_width(&u);
        discount_blank_after_every_line(&mut u, wrap);
        assert!(u.iter().all(|u| u.gap == 0), "{u:?}");
        let (a, b) = (
            crate::segment::segment_issue(&tika, "k"),
            crate::segment::segment_issue(&plain, "k"),
        );
        let titles: Vec<&str> = a.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["柳塘村修好了灌溉渠", "镇图书室周末延长开放"],
            "{a:#?}"
        );
        assert_eq!(a[0].byline, "本报记者　甘若愚");
        assert_eq!(a[0].paragraphs.len(), 2, "{a:#?}");
        let bodies = |v: &[crate::article::Article]| v.iter().map(|a| a.body()).collect::<Vec<_>>();
        assert_eq!(bodies(&a), bodies(&b));
        // A page of one paragraph a line with blank lines between keeps its blanks.
        let paragraphs = "柳塘村修好了灌溉渠\n\n入春以来，柳塘村组织村民清淤修渠。\n\n村支书说，今年还要再修一座提灌站。\n";
        let mut u = units(paragraphs);
        let wrap = wrap_width(&u);
        discount_blank_after_every_line(&mut u, wrap);
        assert!(u.iter().skip(1).all(|u| u.gap == 1), "{u:?}");
    }

    /// A Word page printed by antiword: a masthead with its name spaced out and the
    /// paper's description under it, and `[pic]` where a photo was, are no heads.
    #[test]
    fn a_spaced_masthead_and_a_picture_placeholder_are_no_titles() {
        let page = "柳　塘　日　报\n\n中共柳塘县委机关报\n\n一九八五年三月二日　星期六\n\n县里建起第一座水电站\n\n本报记者　甘若愚\n\n　　本报讯　柳塘县第一座水电站日前建成发电。\n\n[pic]\n\n　　茅坪乡农民在田间春耕。图为农民驾驶拖拉机耕地。\n\n本报记者　宓秋　摄\n";
        let a = crate::segment::segment_issue(page, "k");
        let titles: Vec<&str> = a.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles[0], "县里建起第一座水电站", "{a:#?}");
        assert!(
            a.iter()
                .all(|a| !format!("{a:?}").contains("[pic]") && !a.kicker.contains("机关报")),
            "{a:#?}"
        );
        assert_eq!(
            a.last().map(|a| a.byline.as_str()),
            Some("本报记者　宓秋　摄")
        );
    }

    /// A tabloid's masthead printed a field a line: the page code (`B03`) and the
    /// section after it are masthead, not heads.
    #[test]
    fn a_page_code_and_section_in_a_masthead_are_furniture() {
        let page = "柳塘晚报　2026年5月8日　星期五\nB03\n文体\n县中学生篮球联赛开赛\n本报记者　甘若愚\n7日，县中学生篮球联赛开赛。\n";
        assert_eq!(
            texts(page),
            [
                "县中学生篮球联赛开赛",
                "本报记者　甘若愚",
                "7日，县中学生篮球联赛开赛。"
            ]
        );
    }

    #[test]
    fn hard_wrapped_blocks_are_rejoined() {
        let t = texts(WRAPPED);
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[0], "探索城乡融合发展的新路径");
        assert_eq!(t[1], "本报记者 王芳");
        assert!(t[2].starts_with("一二三") && t[2].ends_with("九十。"));
    }

    #[test]
    fn heads_wrapped_mid_word_or_in_quotes_are_rejoined() {
        let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n";
        let page = format!(
            "鹭溪县开展秋季森\n林防火宣传\n{body}{body}九十。\n澜亭区新增两处“\n共享自习室”\n{body}{body}九十。\n城市体检工作全面铺开\n本报北京10月21日电\n{body}九十。\n"
        );
        let t = texts(&page);
        assert_eq!(t[0], "鹭溪县开展秋季森林防火宣传");
        assert_eq!(t[2], "澜亭区新增两处“共享自习室”");
        assert_eq!(t[4], "城市体检工作全面铺开");
        assert_eq!(t[5], "本报北京10月21日电");
    }

    /// A page of short paragraphs (most lines shorter than the width) is still
    /// read as hard-wrapped; in a block, a title cut by the width is one line, a
    /// kicker over its title and a title over `文/` and a name stay apart.
    #[test]
    fn short_paragraphs_and_blocks_of_heads() {
        let line = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
        let para = format!("{line}\n{line}\n好。\n\n");
        let page = format!(
            "乡村振兴一线\n\n县委常委会召开会议　研究\n部署冬季农田水利建设\n\n{para}会议还研究了其他事项。\n\n会议强调，要把群众满意作为检验标准。\n\n{para}老家的石碾\n文/\n柴静宜\n{para}"
        );
        let t = texts(&page);
        assert_eq!(t[0], "乡村振兴一线", "{t:?}");
        assert_eq!(
            t[1], "县委常委会召开会议　研究部署冬季农田水利建设",
            "{t:?}"
        );
        let stone = t.iter().position(|x| x == "老家的石碾").unwrap();
        assert_eq!(t[stone + 1], "文/柴静宜", "{t:?}");
    }

    #[test]
    fn web_page_chrome_is_furniture() {
        let body = "立冬过后，苇塘县的田野渐渐安静下来。\n";
        let page = format!(
            "苇塘县：冬闲变冬忙\n2025-11-14 07:58　来源：溱原日报　作者：杭舟　【字号：大 中 小】【打印本页】【关闭窗口】\n{body}分享到：　微信　微博　QQ空间\n上一篇：溱水流域启动冬季水质专项巡查\nCopyright © 2025 溱原日报社 版权所有\n"
        );
        // The share buttons end the article (a break, not text of it).
        assert_eq!(texts(&page), ["苇塘县：冬闲变冬忙", body.trim()]);
        let mut u = units(&page);
        normalise(&mut u);
        assert!(
            u.iter()
                .any(|u| u.markup == Markup::DocBreak && u.text.starts_with("分享到"))
        );
    }

    /// A page quoted in an e-mail reply is read without its quote marks, and the
    /// mail's header and the line introducing the quote are furniture (its `主题：`
    /// makes no draft of the page); the reply's own words stay text.
    #[test]
    fn a_page_quoted_in_an_e_mail_is_read_without_its_marks() {
        let page = "这篇稿子请再看一下。\n\n在 2026年3月2日 09:30，甘露 写道：\n> -----原始邮件-----\n> 发件人：甘露\n> 发送时间：2026年3月2日 09:30\n> 收件人：柯雨桐\n> 主题：苇塘县泵站稿\n>\n> 苇塘县三座泵站投用\n>\n> 本报记者　甘露\n>\n>> 三座泵站全部投入使用，汛期排涝能力提高一倍。\n";
        assert_eq!(
            texts(page),
            [
                "这篇稿子请再看一下。",
                "苇塘县三座泵站投用",
                "本报记者　甘露",
                "三座泵站全部投入使用，汛期排涝能力提高一倍。",
            ]
        );
        let a = crate::segment::segment_issue(page, "k");
        let story = a.iter().find(|a| a.title == "苇塘县三座泵站投用");
        assert_eq!(
            story.map(|a| a.byline.as_str()),
            Some("本报记者　甘露"),
            "{a:#?}"
        );
        // A page with a few lines opening with `>` keeps them.
        let u = units(
            "芦溪晚报 > 电子版 > 第5版\n> 苇塘县三座泵站投用\n三座泵站全部投入使用。\n汛期排涝能力提高一倍。\n",
        );
        assert_eq!(u[1].text, "> 苇塘县三座泵站投用");
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

    #[test]
    fn a_credit_after_a_block_stays_apart() {
        let line = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
        let page = format!(
            "{line}\n{line}\n通道。\n·尹曼 黎川·\n\n{line}\n{line}\n九十。\n\n本报记者\n冯一鸣 摄\n\n{line}\n{line}\n九十。\n"
        );
        let t = texts(&page);
        assert!(t.contains(&"·尹曼 黎川·".to_string()), "{t:?}");
        assert!(t.contains(&"本报记者 冯一鸣 摄".to_string()), "{t:?}");
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

    /// A page of listings with a few paragraphs cut every 30 characters: the
    /// paragraphs' full lines are too few among the listings' lines for the page's
    /// width, but nothing on the page is wider than they are, so the page is read
    /// as hard-wrapped; a page printed one paragraph a line is not.
    #[test]
    fn a_few_wrapped_paragraphs_among_listings_are_rejoined() {
        let listing: String = (0..14)
            .map(|i| format!("0{}:30　电视剧：江畔人家第{i}集　重播　{i}号厅\n", i % 10))
            .collect();
        let page = format!(
            "高温来袭　这份防暑指南请收好\n记者从市气象台获悉，受副热带高压影响，本周后期我市将迎来今年\n首轮高温天气。\n医生提醒，高温天气要避免在10时至16时长时间户外活动，多喝\n白开水或淡盐水，出现头晕、乏力、恶心等症状时，应立即到阴凉处\n休息。\n电视节目\n{listing}市人社局提醒，用人单位在高温天气应调整作业时间，按规定发放高\n温津贴。\n"
        );
        let t = texts(&page);
        assert!(
            t.iter().any(|x| x
                == "记者从市气象台获悉，受副热带高压影响，本周后期我市将迎来今年首轮高温天气。"),
            "{t:?}"
        );
        assert!(
            t.iter().any(|x| x.ends_with("应立即到阴凉处休息。")),
            "{t:?}"
        );
        let plain = "高温来袭\n记者从市气象台获悉，受副热带高压影响，本周后期我市将迎来今年首轮高温天气，最高气温可达35℃以上。\n医生提醒，高温天气要避免在10时至16时长时间户外活动。\n市人社局提醒，用人单位在高温天气应调整作业时间，按规定发放高温津贴。\n注意防暑。\n";
        assert_eq!(texts(plain).len(), 5);
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

    #[test]
    fn a_role_alone_takes_the_name_on_the_next_line() {
        let page = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八\n九十一二三四五六七八九十一二三四五六七八九十一二三四五六\n七八九十一二三四五六七八九十一二三四五六七八九十一二三\n四五六。\n晚报记者\n庞 楠 摄\n";
        let t = texts(page);
        assert_eq!(
            t.last().map(String::as_str),
            Some("晚报记者 庞 楠 摄"),
            "{t:?}"
        );
    }

    /// A title as wide as the column over a role alone and the name below: the role
    /// opens the byline, it does not go on from the title.
    #[test]
    fn a_role_alone_under_a_wide_title_opens_the_byline() {
        let page = "东非多国加快建设乡村光伏微电网，让草原和山区的偏远村庄告别“无电时代”\n本报驻内罗毕记者\n季青\n\u{3000}\u{3000}在肯尼亚西部的一个村庄，傍晚时分，村里的小卖部亮起了灯，几个孩子\n围在桌前写作业。“以前天一黑就什么也做不了，现在晚上也能看书了。”一\n位村民说。\n\u{3000}\u{3000}近年来，东非多国把乡村光伏微电网作为解决偏远地区用电难题的重要途\n径。这类小型电站建设周期短、维护成本低，适合人口分散的山区和草原地区。\n";
        let t = texts(page);
        assert_eq!(t[1], "本报驻内罗毕记者 季青", "{t:?}");
    }

    /// A paragraph closed by its credit ends at its last line, however wide.
    #[test]
    fn a_credit_ends_a_wrapped_paragraph() {
        let page = "\u{3000}\u{3000}斐济等南太平洋岛国日前联合启动珊瑚礁修复计划，将在未来五年内培育\n和移植珊瑚10万株，以应对海水升温带来的珊瑚白化问题。（据新华社电）\n东盟国家推进电子签证互认\n\u{3000}\u{3000}东盟多国日前就推进电子签证互认达成共识，将逐步简化成员国间商务和\n旅游人员往来手续，方便人员流动。（据新华社电）\n";
        let t = texts(page);
        assert_eq!(t[1], "东盟国家推进电子签证互认", "{t:?}");
    }

    /// `问：` and `答：` open paragraphs: a numbered question over its answer stays
    /// apart even in a block without blank lines.
    #[test]
    fn questions_and_answers_open_paragraphs() {
        let page = "生态环境知识问答\n\n5.为什么说湿地是“地球之肾”\n？\n答：湿地能够调节径流、蓄洪防\n旱，还能通过植物吸收、微生物分解\n和土壤吸附等作用，去除水中的氮、\n磷等污染物，降解有毒有害物质，像\n人体的肾脏一样起到净化的作用。\n\n澄川市生态环境局关于征集生态环\n境违法行为线索的公告\n\n为加强生态环境保护，鼓励公众参\n与，现就有关事项公告如下。\n";
        let t = texts(page);
        assert_eq!(t[1], "5.为什么说湿地是“地球之肾”？", "{t:?}");
        assert!(t[2].starts_with("答："), "{t:?}");
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

    /// A stamp or a credit line wider than a hard-wrapped page's column is set
    /// aside whole, its tail too; a head right under a full line of furniture stays.
    #[test]
    fn furniture_cut_by_the_width_is_set_aside_whole() {
        let body = "晚上十点驿站里亮着灯两位环卫工人刚干完活坐在桌边喝着热水给手\n".repeat(4);
        let page = format!(
            "2026年7月5日　星期日　　本版主编：苗一禾　　美编：闻嘉\n树\n\n冬夜里的暖心驿站\n\n2026-11-19　来源：澧川日报　作者：隗知春　【字号：\n大 中 小】\n\n{body}机充上电。\n\n{body}机充上电。\n"
        );
        let t = texts(&page);
        assert_eq!(t[0], "冬夜里的暖心驿站", "{t:?}");
        assert!(
            t[1].starts_with("晚上十点") && t[1].ends_with("机充上电。"),
            "{t:?}"
        );
        assert_eq!(t.len(), 3, "{t:?}");
        // The head under a full credit line, with its text right under it, is no
        // tail of the credit.
        let page = format!(
            "2026年7月5日　星期日　　本版主编：苗一禾　　美编：闻嘉\n夏夜听蝉\n{body}机充上电。\n{body}机充上电。\n"
        );
        let t = texts(&page);
        assert_eq!(t[0], "夏夜听蝉", "{t:?}");
    }

    /// A page printed block by block from narrow columns, each paragraph's first
    /// line two characters short of the column (its indent dropped): that line opens
    /// its paragraph (a dateline running on into the text too), while a head over
    /// an indented first line stays a head.
    #[test]
    fn an_indented_first_line_of_a_column_opens_its_paragraph() {
        let page = "新渠公园开放\n\n本报讯（记者 石小岭）5\n月6日，城西新渠公园建成开放\n，园内栽种乔木两千余株，设有\n步道和儿童游乐场。\n\n社区夜校开课\n\n南街社区的夜校本周开课\n了，开设书法、摄影和手机使用\n等课程，居民可免费报名参加，\n每班限二十人。\n";
        let t = texts(page);
        assert_eq!(
            t,
            [
                "新渠公园开放",
                "本报讯（记者 石小岭）5月6日，城西新渠公园建成开放，园内栽种乔木两千余株，设有步道和儿童游乐场。",
                "社区夜校开课",
                "南街社区的夜校本周开课了，开设书法、摄影和手机使用等课程，居民可免费报名参加，每班限二十人。",
            ],
            "{t:?}"
        );
        let wrap = Wrap {
            width: 28,
            chars: false,
        };
        let full = "市集在文化广场举办，市民可带";
        assert!(opens_indented("南街社区的夜校本周开课", full, wrap, true));
        // A head over an indented first line: that line is narrower than the ones
        // under it.
        assert!(!opens_indented(
            "旧书市集周末开市",
            "每月第一个周末，旧书",
            wrap,
            false
        ));
        // A head over a full line of no clauses (a title under its kicker).
        assert!(!opens_indented(
            "南街社区的夜校本周开课",
            "旧书市集周末开市在文化广场",
            wrap,
            true
        ));
        // A byline or dateline that ends its line.
        assert!(!opens_indented(
            "本报讯（记者 石小岭）",
            "城西新渠公园建成开放，园内",
            wrap,
            true
        ));
        assert!(!opens_indented("本报记者　石小岭　彭一", full, wrap, true));
    }

    #[test]
    fn a_page_hard_wrapped_twice_keeps_its_paragraphs() {
        // Lines of 33 characters, printed again by a tool that cuts at 30: every
        // line leaves a tail of three, and a paragraph runs on past each tail.
        let prose: Vec<char> = "村里那条土路修了整整两个冬天老人们说过去下一场雨就没法出门孩子们上学要绕到河对岸去如今水泥路一直铺到家门口路边还装上了路灯晚上散步的人也多了起来村委会把修路的账目一笔一笔贴在公告栏里谁家出了多少工出了多少钱都写得明明白白大家看了心里都踏实".chars().filter(|c| !c.is_ascii()).collect();
        let mut page = String::from("一条路连起一个村\n\n");
        let mut paragraphs = Vec::new();
        for p in 0..3 {
            let mut whole = String::new();
            for l in 0..4 {
                let start = (p * 4 + l) * 7 % (prose.len() - 33);
                let mut line: String = prose[start..start + 33].iter().collect();
                if l == 3 {
                    line.pop();
                    line.push('。');
                }
                let cut: String = line.chars().take(30).collect();
                let tail: String = line.chars().skip(30).collect();
                page.push_str(&format!("{cut}\n{tail}\n"));
                whole.push_str(&line);
            }
            page.push('\n');
            paragraphs.push(whole);
        }
        let t = texts(&page);
        assert_eq!(t[0], "一条路连起一个村", "{t:?}");
        assert_eq!(t[1..], paragraphs[..], "{t:?}");
    }

    #[test]
    fn a_short_line_over_signed_comments_is_their_banner() {
        let page = "读者热评\n小区加装电梯，最难的是邻居之间的协调，需要多一些耐心。\n——沄川读者　钱晓芸\n基层减负，关键是把不必要的报表、会议减下来。\n——禹甸网网友　“老街口”\n";
        let mut u = units(page);
        normalise(&mut u);
        assert_eq!(u[0].markup, Markup::Banner);
        assert!(u[1..].iter().all(|u| u.markup == Markup::None));
    }

    #[test]
    fn a_name_one_character_a_line_is_one_unit() {
        assert_eq!(
            texts("石桥村的“积分超市”\n\n通讯员\n闫\n冬\n\n正文。\n"),
            ["石桥村的“积分超市”", "通讯员", "闫冬", "正文。"]
        );
    }

    #[test]
    fn one_paragraph_a_line_is_left_alone() {
        let page = "春风吹绿小山村\n\n村里修了一条路，大家都很高兴。\n\n第二段很短。\n";
        assert_eq!(texts(page).len(), 3);
    }

    #[test]
    fn furniture_is_set_aside() {
        let page = "九域日报　2025年10月20日　星期一\n\n12　民生\n\n小区充电桩何时能装上\n\n《九域日报》（2025年10月21日 第 05 版）\n\n正文一段。\n\n第 12 页\n\u{c}九域日报　2025年10月20日\n正文二段。\n\n本版责编：李四\n";
        assert_eq!(
            texts(page),
            ["小区充电桩何时能装上", "正文一段。", "正文二段。"]
        );
    }

    #[test]
    fn mastheads_credits_and_banners_are_furniture() {
        // A front page's masthead: name, Latin name, date, issue numbers.
        let page = "华衡日报\n\nHUAHENG RIBAO\n\n2025年12月4日　星期四　　乙巳年十月十五\n\n今日16版　　第28761号　　国内统一连续出版物号 CN 00-0158\n\n全国冬春农田水利建设全面展开\n\n正文一段。\n";
        assert_eq!(texts(page), ["全国冬春农田水利建设全面展开", "正文一段。"]);
        // `pdftotext` prints the head band one item a line, the section after the page.
        let page = "华衡日报\n2025年12月6日\n星期六\n5\n经济·民生\n民生调查\n小菜篮 大民生\n";
        assert_eq!(texts(page), ["民生调查", "小菜篮 大民生"]);
        // A running head opens no masthead for a timeline's date or a label below it.
        let page = "九域日报　2025年10月20日　星期一\n12　民生\n今日关注\n1950年1月6日\n";
        assert_eq!(texts(page), ["今日关注", "1950年1月6日"]);
        // Teasers naming a page by number or by a tabloid's page code.
        let page =
            "正文一段。\n3版　楝城港：老港区的新航线\n▶B01　楝城男篮主场迎战芦岭队\n正文二段。\n";
        assert_eq!(texts(page), ["正文一段。", "正文二段。"]);
        // … or by the page in brackets after the head; a jump marker stays.
        let page = "正文一段。\n■　让文物在博物馆里“活”起来（第九版）\n高铁春运客流创新高（详见A04版）\n春耕备耕正当时（下转第二版）\n";
        assert_eq!(texts(page), ["正文一段。", "春耕备耕正当时（下转第二版）"]);
        // The section a running head names, alone right below it.
        let page = "沄州晚报　2026年3月11日　星期三　A09　读者来信
读者来信
小区门口的“断头路”何时能通？
";
        assert_eq!(texts(page), ["小区门口的“断头路”何时能通？"]);
        let page = "岑阳晚报　2025年12月7日　星期日　A02\n地铁1号线首通段本月28日开通\n";
        assert_eq!(texts(page), ["地铁1号线首通段本月28日开通"]);
        // Credits anywhere in a line, the paper's channel notice, a banner.
        let page = "今日导读\n第二版　我国新能源汽车年产量突破千万辆\n民生实事“回头看”　4版\n第五版是重点\n";
        assert_eq!(texts(page), ["今日导读", "第五版是重点"]);
        let page = "正文一段。\n澄川日报社出版　　第7版　　责任编辑：孟溪\n扫码关注“岑阳晚报”微信公众号　新闻热线：0000-6123456\n简　讯\n开展校对工作的同志说，很好。\n";
        let mut u = units(page);
        normalise(&mut u);
        let kept: Vec<(&str, Markup)> = u.iter().map(|u| (u.text.as_ref(), u.markup)).collect();
        assert_eq!(
            kept,
            [
                ("正文一段。", Markup::None),
                (
                    "澄川日报社出版　　第7版　　责任编辑：孟溪",
                    Markup::Furniture
                ),
                (
                    "扫码关注“岑阳晚报”微信公众号　新闻热线：0000-6123456",
                    Markup::Furniture
                ),
                ("简　讯", Markup::Banner),
                ("开展校对工作的同志说，很好。", Markup::None),
            ]
        );
    }

    /// A short line over three paragraphs that each open with the same mark is a
    /// banner, and each marked paragraph is an item of its own; two are no run.
    #[test]
    fn marked_paragraphs_under_a_line_are_items() {
        let story = "滍阳县乡镇企业产值翻番\n本报通讯员　郤宝山\n本报讯　滍阳县乡镇企业发展迅速，今年一至四月完成产值一亿元。\n";
        let page = format!(
            "{story}简明新闻\n△栎原市今春新栽行道树一万株，城区绿化覆盖率达到百分之二十六。\n△滍阳县文化馆举办农民书画展，展出作品一百二十余件。\n△省邮电部门在峿山林区新设邮电所三处，方便山区群众通信。\n"
        );
        let articles = crate::segment::segment_issue(&page, "p");
        assert_eq!(articles.len(), 4, "{articles:#?}");
        assert_eq!(articles[0].paragraphs.len(), 1, "{articles:#?}");
        assert!(articles[2].paragraphs[0].starts_with("△滍阳县文化馆"));
        let page = format!(
            "{story}简明新闻\n△栎原市今春新栽行道树一万株，城区绿化覆盖率达到百分之二十六。\n△滍阳县文化馆举办农民书画展，展出作品一百二十余件。\n"
        );
        let mut u = units(&page);
        normalise(&mut u);
        assert!(u.iter().all(|u| u.markup != Markup::Banner), "{u:#?}");
        // A byline over a story's three marked points is no banner.
        let points = "三项举措温暖独居老人\n本报记者 郗明\n■社区为独居老人安装一键呼叫器，老人按下按钮即可求助。\n■网格员每周上门走访一次，记录老人的身体状况。\n■志愿者结对陪伴，节假日陪老人吃一顿团圆饭。\n";
        let mut u = units(points);
        normalise(&mut u);
        assert!(u.iter().all(|u| u.markup != Markup::Banner), "{u:#?}");
    }

    /// A numbered link over text of its own heads that text; a list of links stays
    /// furniture.
    #[test]
    fn a_numbered_link_over_its_text_is_a_head() {
        let page = "[1]潕川新闻网\n快讯\n[14]潕川启动冬季“送温暖”活动\n全省各级工会筹集资金三千余万元，走访慰问困难职工。\n[15]菰湖观鸟季开幕\n首届菰湖观鸟季3日开幕，持续至明年2月。\n[16]关于我们\n";
        let articles = crate::segment::segment_issue(page, "p");
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["潕川启动冬季“送温暖”活动", "菰湖观鸟季开幕"],
            "{articles:#?}"
        );
        let list = "[1]华衡网\n[14]岑阳：老工业区变身文创园\n[15]华衡：新能源汽车产量再创新高\n正文一段，说的是别的事。\n";
        assert!(texts(list).iter().all(|t| !t.contains("新能源汽车产量")));
        // A list under a label: its first link is no head of the text after the list.
        let labelled = "相关阅读\n[14]岑阳：老工业区变身文创园\n[15]华衡：新能源汽车产量再创新高\n正文一段，说的是别的事情。\n";
        let articles = crate::segment::segment_issue(labelled, "p");
        assert!(
            articles
                .iter()
                .all(|a| !a.title.contains("文创园") && !a.title.contains("新能源")),
            "{articles:#?}"
        );
    }

    #[test]
    fn lynx_link_lists_are_furniture() {
        let page = "[1]华衡网\n* [14]岑阳：老工业区变身文创园\n[34][IMG]\n岑阳：老工业区变身文创园\n正文[5]一段。\nReferences\n1. https://www.huaheng.example/\n14. https://e.example/1.html\n";
        assert_eq!(texts(page), ["岑阳：老工业区变身文创园", "正文[5]一段。"]);
    }

    #[test]
    fn reprint_notes_stay() {
        let page = "《山西日报》1月13日3版刊发\n\n力量沉下去 服务暖上来\n";
        assert_eq!(texts(page).len(), 2);
    }

    fn levels(page: &str) -> Vec<u8> {
        let mut u = units(page);
        normalise(&mut u);
        u.iter().map(|u| u.level).collect()
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

    proptest::proptest! {
        // Counted on bytes, a line's width is what its characters add up to
        // (ASCII one cell, any other two), capped.
        #[test]
        fn width_on_bytes_is_width_by_characters(s in "[a-z1 é。，社区治理\u{1F600}]{0,80}", cap in 0usize..120) {
            let by_chars: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            proptest::prop_assert_eq!(width(&s, cap), by_chars.min(cap));
        }
    }

    /// A page cut every N characters, digits or not (so its full lines differ in
    /// display width): the width is read in characters and the paragraphs rejoin.
    #[test]
    fn lines_cut_by_characters_are_rejoined() {
        // Full lines of 20 characters, with 0, 4, 8 or 12 half-width digits: 40, 36,
        // 32 and 28 display cells.
        let lines = [
            "一二三四五六七八九十一二三四五六七八九十",
            "一二三四五六七八九十一二三四五六1234",
            "一二三四五六七八九十一二12345678",
            "一二三四五六七八123456789012",
            "完。",
        ];
        let para = lines.concat();
        let page = format!(
            "市政府常务会议研究老旧小区改造工作\n{}\n",
            vec![lines.join("\n"); 4].join("\n")
        );
        let wrap = wrap_width(&units(&page)).expect("a hard-wrapped page");
        assert!(wrap.chars && wrap.width == 40, "{wrap:?}");
        let t = texts(&page);
        assert_eq!(t[1..], [para.as_str(); 4], "{t:?}");
    }

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

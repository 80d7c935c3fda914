//! Splitting an issue's text into units: one per non-blank line, with its line
//! number, the number of blank lines before it, its Markdown heading level, and
//! the markup it came from (pseudo-XML fields, HTML paragraphs, Markdown links).
//!
//! Work is one pass over the bytes; a unit borrows its text unless markup had to
//! be stripped.

use std::borrow::Cow;

/// What markup (if any) told us about a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// Plain text.
    None,
    /// An explicit title field (`<contenttitle>`, `<title>`, `<h2>`).
    Title,
    /// Markup with nothing to read (`<url>…</url>`, `[查看原文](…)`, `---`).
    Noise,
    /// A document boundary (`<doc>`, `</doc>`): the article before it ends.
    DocBreak,
    /// Page furniture set aside by `normalise` (running heads, page numbers, page
    /// credits, attribution lines): part of no article.
    Furniture,
    /// A banner over a run of briefs or photos (`简　讯`, `图片新闻`), found by
    /// `normalise`: part of no article, and the article above it ends there.
    Banner,
    /// A run-in head: the head of a short item printed on the line of its text
    /// (`■楝城东站增开夜间接驳公交　1月12日起，…`); the text is the next unit.
    RunIn,
    /// A head field of an editor's draft (`主题：…`), its label taken off by `draft`.
    Field(DraftField),
}

/// The role a draft's field label names (`引题：` kicker, `主题：` title, `副题：`
/// subtitle, `作者：` byline, `图片说明：` caption): see `draft`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftField {
    Kicker,
    Title,
    Subtitle,
    Byline,
    Caption,
}

/// One non-blank line (or one HTML paragraph of it).
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    /// 1-based line number in the issue file.
    pub line: usize,
    /// Blank lines between this unit and the previous one.
    pub gap: usize,
    /// Markdown heading level (`#` = 1), 0 when the line is not a Markdown heading.
    pub level: u8,
    pub markup: Markup,
    /// The line opened with an indent (U+3000 or two spaces).
    pub indent: bool,
    /// How many spaces or tabs the line opened with, at most 255: how deep a text
    /// browser indented it (a heading less than the paragraphs under it; a
    /// paragraph's own `　　` is no part of it).
    pub indent_width: u8,
    /// A form feed (page break) came right before or at the start of the line.
    pub page_break: bool,
    /// Source lines after `line` that `normalise` joined into this unit.
    pub joined: usize,
    /// A further line of a record's value as a JSON page prints it (`json_pages`):
    /// its text, never a field's label, whatever it opens with (`问：…`).
    pub continues_value: bool,
    /// A record's title field (its label, its column or its element named it:
    /// `records`, [`RECORD_TITLE_TAGS`]):
    /// what a field names, the corpus's learned habits never overrule (a story
    /// filed in two issues recurs without being a label), unlike a title only
    /// markup printed (`<h2>`, a link's text), which may be a recurring label.
    pub named_by_field: bool,
    /// The bullet printed before a head and dropped from its text (the `▲` of
    /// `▲省图书馆冬季延时开放`): items of one run open with one bullet.
    pub bullet: Option<char>,
    /// The text, trimmed, without heading marks or tags.
    pub text: Cow<'a, str>,
}

impl<'a> Unit<'a> {
    /// A unit of `text` at `line`, after `gap` blank lines, with `markup` and no
    /// other mark (no heading level, indent, page break, bullet; nothing joined).
    pub fn new(line: usize, gap: usize, markup: Markup, text: Cow<'a, str>) -> Unit<'a> {
        Unit {
            line,
            gap,
            level: 0,
            markup,
            indent: false,
            indent_width: 0,
            page_break: false,
            joined: 0,
            continues_value: false,
            named_by_field: false,
            bullet: None,
            text,
        }
    }

    /// The unit with its text its own, borrowing nothing.
    pub fn into_owned(self) -> Unit<'static> {
        Unit {
            line: self.line,
            gap: self.gap,
            level: self.level,
            markup: self.markup,
            indent: self.indent,
            indent_width: self.indent_width,
            page_break: self.page_break,
            joined: self.joined,
            continues_value: self.continues_value,
            named_by_field: self.named_by_field,
            bullet: self.bullet,
            text: Cow::Owned(self.text.into_owned()),
        }
    }

    /// Text no markup marked: no tag or link named it and no Markdown heading
    /// mark opened it (what a normalising pass may re-read as the page's own text).
    pub fn is_unmarked(&self) -> bool {
        self.markup == Markup::None && self.level == 0
    }

    /// A record's title field: a title its field, column or element names (see
    /// [`Unit::named_by_field`]).
    pub fn title_field(line: usize, gap: usize, text: Cow<'a, str>) -> Unit<'a> {
        Unit {
            named_by_field: true,
            ..Unit::new(line, gap, Markup::Title, text)
        }
    }
}

/// Trim whitespace (including U+3000) and a stray BOM.
pub fn trim(s: &str) -> &str {
    // Most texts asked are trimmed already (a unit's text is): the bytes of their
    // first and last characters tell it, without the searcher `trim_matches` sets
    // up and without decoding them.
    if ends_are_kept(s.as_bytes(), true) {
        return s;
    }
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// `str::trim` (whitespace, including U+3000; no BOM), told at the text's ends
/// first as [`trim`] is: the rules ask it of lines trimmed already.
pub fn trim_white(s: &str) -> &str {
    if ends_are_kept(s.as_bytes(), false) {
        return s;
    }
    s.trim()
}

/// Whether neither the first nor the last character of `b` (a text's UTF-8, not
/// empty) is trimmed: white space, or a BOM when `bom`.
#[inline]
fn ends_are_kept(b: &[u8], bom: bool) -> bool {
    let Some(mut last) = b.len().checked_sub(1) else {
        return false;
    };
    // (A character opens at a byte that is no continuation byte, `10xxxxxx`.)
    while last > 0 && b[last] & 0xC0 == 0x80 {
        last -= 1;
    }
    !trimmed_at(b, bom) && !trimmed_at(&b[last..], bom)
}

/// Whether the character `b` opens with is white space (`char::is_whitespace`:
/// the Unicode White_Space characters, each by its UTF-8), or a BOM when `bom`.
#[inline]
fn trimmed_at(b: &[u8], bom: bool) -> bool {
    match b {
        [0x09..=0x0D | b' ', ..] => true,
        // U+0085, U+00A0
        [0xC2, 0x85 | 0xA0, ..] => true,
        // U+1680
        [0xE1, 0x9A, 0x80, ..] => true,
        // U+2000-U+200A, U+2028, U+2029, U+202F, U+205F
        [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..] | [0xE2, 0x81, 0x9F, ..] => true,
        // U+3000
        [0xE3, 0x80, 0x80, ..] => true,
        [0xEF, 0xBB, 0xBF, ..] => bom,
        _ => false,
    }
}

/// Cut `text` into units (a page printed with its columns side by side, in the
/// order `columns` reads it).
pub fn units(text: &str) -> Vec<Unit<'_>> {
    let separated = holds_separator(text);
    if let Some(runs) = super::columns::reading_order(text) {
        let mut out: Vec<Unit<'_>> = Vec::with_capacity(runs.len());
        for r in runs {
            let piece = trim(&text[r.start..r.end]);
            if r.continues
                && let Some(u) = out.last_mut()
                && u.markup == Markup::None
            {
                u.text = Cow::Owned(format!("{}{piece}", u.text));
                u.joined = r.line.saturating_sub(u.line);
                continue;
            }
            let before = out.len();
            push_printed_line(&mut out, piece, r.line, r.gap, separated);
            if let Some(u) = out.get_mut(before) {
                u.indent = r.indent;
                u.page_break = r.page_break;
            }
        }
        return out;
    }
    let mut out = Vec::with_capacity(text.len() / 200 + 4);
    let mut gap = 0usize;
    let mut line_no = 0usize;
    let bytes = text.as_bytes();
    let quoted = is_quoted(text);
    let mut start = 0usize;
    let mut page_break = false;
    // Most pages hold no form feed: one search of the page spares one a line.
    let form_feeds = memchr::memchr(b'\x0c', bytes).is_some();
    while start <= bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        line_no += 1;
        let raw = &text[start..end];
        page_break |= form_feeds && memchr::memchr(b'\x0c', raw.as_bytes()).is_some();
        let line = if quoted { unquote(raw) } else { trim(raw) };
        if line.is_empty() {
            gap += 1;
        } else if let Some((joined, next)) = join_cut_tag(text, line, end) {
            // A markup line a hard-wrapping tool cut inside a tag, whole again.
            let mut whole = Vec::with_capacity(1);
            push_line(&mut whole, &joined, line_no, gap);
            out.extend(whole.into_iter().map(|u| Unit {
                text: Cow::Owned(u.text.into_owned()),
                joined: text[start..next].matches('\n').count(),
                page_break,
                ..u
            }));
            line_no += text[end..next].matches('\n').count();
            page_break = false;
            gap = 0;
            if next >= bytes.len() {
                break;
            }
            start = next + 1;
            continue;
        } else {
            let before = out.len();
            push_printed_line(&mut out, line, line_no, gap, separated);
            let raw = raw.trim_start_matches(['\x0c', '\u{feff}']);
            let indent =
                raw.starts_with('\u{3000}') || raw.starts_with("  ") || raw.starts_with('\t');
            if let Some(u) = out.get_mut(before) {
                u.indent = indent;
                let width = raw
                    .chars()
                    .take_while(|c| matches!(c, ' ' | '\t'))
                    .take(255)
                    .count();
                u.indent_width = u8::try_from(width).unwrap_or(u8::MAX);
                u.page_break = page_break;
            }
            page_break = false;
            gap = 0;
        }
        if end == bytes.len() {
            break;
        }
        start = end + 1;
    }
    out
}

/// `<headline>两市共建产业园</headl` / `ine>`: a line of markup a hard-wrapping tool
/// cut inside a tag (its last `<` opens a tag it does not close), and the lines
/// after it that go on in the tag (no `<` opens them), up to the one that closes
/// it. Returns the line joined whole and the byte where the last line taken ends;
/// `None` when the line is no cut markup (or nothing closes the tag within a few
/// lines).
fn join_cut_tag(text: &str, line: &str, end: usize) -> Option<(String, usize)> {
    /// Lines a cut tag may run on over, at most.
    const MAX_LINES: usize = 4;
    let cut = |l: &str| {
        l.rfind('<').is_some_and(|i| {
            l[i..].find('>').is_none()
                && l[i + 1..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '?' | '!'))
        })
    };
    if !line.starts_with('<') || !cut(line) {
        return None;
    }
    let mut joined = line.to_string();
    let mut at = end;
    for _ in 0..MAX_LINES {
        if at >= text.len() {
            return None;
        }
        let next =
            memchr::memchr(b'\n', &text.as_bytes()[at + 1..]).map_or(text.len(), |i| at + 1 + i);
        let piece = trim(&text[at + 1..next]);
        if piece.is_empty() || piece.starts_with('<') {
            return None;
        }
        joined.push_str(piece);
        at = next;
        if !cut(&joined) {
            return Some((joined, at));
        }
    }
    None
}

/// `> 本报记者　…`, `>> …`: a page quoted in an e-mail reply, each line behind the
/// quote marks of its depth. A page is quoted when most of its non-blank lines
/// open with `>` (a few such lines are text, or a breadcrumb's marks); its lines
/// are read without the marks.
fn is_quoted(text: &str) -> bool {
    if memchr::memchr(b'>', text.as_bytes()).is_none() {
        return false;
    }
    let (mut lines, mut marked) = (0usize, 0usize);
    for line in text.lines() {
        let line = trim(line);
        if line.is_empty() {
            continue;
        }
        lines += 1;
        marked += usize::from(line.starts_with('>'));
    }
    marked * 2 > lines
}

/// A quoted line without its quote marks (any depth, spaced or not).
fn unquote(raw: &str) -> &str {
    let mut t = trim(raw);
    while let Some(rest) = t.strip_prefix('>') {
        t = trim(rest);
    }
    t
}

/// The line separator U+2028 (a word processor's Shift+Enter) and the paragraph
/// separator U+2029 that a web editor's copy leaves inside a line of the file.
const SEPARATORS: [char; 2] = ['\u{2028}', '\u{2029}'];

/// Whether `text` holds one of the [`SEPARATORS`] (`E2 80 A8`, `E2 80 A9`), found by
/// a byte search (every page asks, over its whole text).
fn holds_separator(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(0xE2, b).any(|i| {
        b.get(i + 1..i + 3)
            .is_some_and(|t| matches!(t, [0x80, 0xA8 | 0xA9]))
    })
}

/// A line of the file as units: cut at the separators it holds (when the file holds
/// any), each piece read as a line of its own, after a blank line where a paragraph
/// separator stood, all under the file's line number (an editor and the sidecars do
/// not count the separators as line ends).
fn push_printed_line<'a>(
    out: &mut Vec<Unit<'a>>,
    line: &'a str,
    line_no: usize,
    gap: usize,
    separated: bool,
) {
    if !separated || !line.contains(SEPARATORS) {
        push_line(out, line, line_no, gap);
        return;
    }
    let mut gap = gap;
    let mut start = 0;
    let ends = line
        .match_indices(SEPARATORS)
        .map(|(at, s)| (at, s.len(), s == "\u{2029}"));
    for (at, len, paragraph) in ends.chain(std::iter::once((line.len(), 0, false))) {
        let piece = trim(&line[start..at]);
        if piece.is_empty() {
            gap += 1;
        } else {
            push_line(out, piece, line_no, gap);
            gap = 0;
        }
        gap += usize::from(paragraph);
        start = at + len;
    }
}

fn push_line<'a>(out: &mut Vec<Unit<'a>>, line: &'a str, line_no: usize, gap: usize) {
    let unit = |text: Cow<'a, str>, level: u8, markup: Markup| Unit {
        level,
        ..Unit::new(line_no, gap, markup, text)
    };
    if line.starts_with('<')
        && let Some(u) = xml_field(line)
    {
        let mut u = unit(u.0, u.1, u.2);
        // A record's title element names its field, as a label does.
        u.named_by_field = u.markup == Markup::Title
            && line[1..].split_once('>').is_some_and(|(open_tag, _)| {
                RECORD_TITLE_TAGS.contains(&tag_name(open_tag).as_str())
            });
        out.push(u);
        return;
    }
    if contains_html_paragraphs(line) {
        let mut first = true;
        for para in html_paragraphs(line) {
            let mut u = unit(para, 0, Markup::None);
            if !first {
                u.gap = 0;
            }
            first = false;
            out.push(u);
        }
        return;
    }
    if let Some(head) = linked_head(line) {
        out.push(unit(Cow::Borrowed(head), 0, Markup::None));
        return;
    }
    if is_link_line(line)
        || is_rule_line(line)
        || is_image_placeholder(line)
        || is_markdown_image(line)
    {
        out.push(unit(Cow::Borrowed(line), 0, Markup::Noise));
        return;
    }
    let (level, rest) = markdown_heading(line);
    if level > 0 && is_markdown_image(rest) {
        // `### ![图片](pic4.jpg)`: a converter's `#` over a picture marks no head;
        // the picture's mark stays (a caption under it is read by it).
        out.push(unit(Cow::Borrowed(rest), 0, Markup::Noise));
        return;
    }
    if level > 0 {
        // A converter's `#` goes before the page's own marks (`## ■标题`).
        let kept = strip_decoration(rest);
        // `## [标题](content_1.htm)`: a linked head is its link's text.
        let kept = linked_text(kept).unwrap_or(kept);
        if kept.is_empty() {
            out.push(unit(Cow::Borrowed(line), 0, Markup::Noise));
        } else {
            let text = unspaced(kept).map_or(Cow::Borrowed(kept), Cow::Owned);
            let mut u = unit(text, level, Markup::None);
            u.bullet = dropped_bullet(rest, kept);
            out.push(u);
        }
        return;
    }
    if let Some((head, text)) = run_in(line) {
        let mut h = unit(Cow::Borrowed(head), 0, Markup::RunIn);
        h.bullet = leading_bullet(line);
        out.push(h);
        let mut u = unit(Cow::Borrowed(text), 0, Markup::None);
        u.gap = 0;
        out.push(u);
        return;
    }
    let kept = strip_decoration(line);
    let mut u = match unspaced(kept) {
        Some(text) => unit(Cow::Owned(text), 0, Markup::None),
        None => unit(Cow::Borrowed(kept), 0, Markup::None),
    };
    u.bullet = dropped_bullet(line, kept);
    out.push(u);
}

/// The bullet `line` opens with (`▲全省首批十家…` → `▲`).
pub(super) fn leading_bullet(line: &str) -> Option<char> {
    line.chars().next().filter(|c| BULLETS.contains(c))
}

/// The bullet `line` opened with that [`strip_decoration`] dropped, leaving `kept`.
fn dropped_bullet(line: &str, kept: &str) -> Option<char> {
    leading_bullet(line).filter(|&b| !kept.starts_with(b))
}

/// Marks a columnist's or a poet's name is printed after (`◇一蓑`, `□ 郗晓梅`).
pub(super) const PEN_MARKS: [char; 7] = ['◇', '◆', '■', '□', '●', '○', '◎'];

/// Bullets that open a line of a list or a run of short items.
pub(super) const BULLETS: [char; 11] = ['■', '●', '◆', '◇', '▶', '►', '★', '☆', '▲', '•', '◀'];

/// The bullets of [`BULLETS`] that head a run's short items on the pages counted
/// (`■全国春季农资保供行动启动`): an item of one short paragraph so headed is a
/// brief whoever signs it (`kind::kind_of`). Not `◇` (a pen name's mark too), nor
/// the arrows and stars, which no counted page printed over a brief.
pub(super) const BRIEF_BULLETS: [char; 4] = ['■', '▲', '◆', '●'];

/// `■楝城东站增开夜间接驳公交　1月12日起，…`: a bullet, a head without sentence
/// punctuation, a wide space (U+3000 or two spaces), then running text on the same
/// line. `None` for anything else (a bulleted title with a space inside it,
/// `■楼道灯坏了半年　三天换上了新灯`, has no running text after the space). A PDF
/// extractor prints the wide space as one ASCII space (`◆别让单车挤占盲道 早高峰
/// 过后，…`): one space cuts too when the text after it opens as a sentence does
/// (a Han character, a figure or a quotation mark).
///
/// A head of seven or more characters may end with a full-width colon instead
/// (`◎返乡路上备好常用药：有慢性病的市民…`); a shorter one before a colon is a
/// speaker (`●市民张先生：…`). `◎` opens such items too (before a bare name it marks
/// a byline, and no text follows).
fn run_in(line: &str) -> Option<(&str, &str)> {
    let rest = trim(
        line.strip_prefix(BULLETS)
            .or_else(|| line.strip_prefix('◎'))?,
    );
    let h = head_chars(rest, 41);
    // One ASCII space: the wide space as a PDF extractor prints it.
    let single = h.find(' ').filter(|&s| {
        rest[s + 1..]
            .chars()
            .next()
            .is_some_and(|c| crate::text::is_han(c) || c.is_ascii_digit() || c == '“')
    });
    let spaced = [h.find('\u{3000}'), h.find("  "), single]
        .into_iter()
        .flatten()
        .min();
    let colon = h
        .find('：')
        .filter(|&c| rest[..c].chars().count() >= 7)
        .map(|c| (c, c + '：'.len_utf8()));
    let (cut, after) = match (spaced, colon) {
        (Some(s), Some(c)) if c.0 < s => c,
        (Some(s), _) => (s, s),
        (None, Some(c)) => c,
        (None, None) => return None,
    };
    let head = trim(&rest[..cut]);
    let text = trim(&rest[after..]);
    let n = head.chars().count();
    let running = text
        .chars()
        .take(200)
        .filter(|&c| matches!(c, '，' | '。'))
        .count()
        >= 1
        && text.chars().nth(8).is_some();
    ((4..=40).contains(&n)
        && running
        && !head.contains(['，', '。', '；', '：', ':', ','])
        && !head.ends_with(['？', '！']))
    .then_some((head, text))
}

/// `【乡村振兴】箬口镇…`, `〔城事〕…`: a column label in brackets glued in front of
/// a head, split into the label (brackets kept, as printed) and the head. The
/// label is two to ten letters (no colon: `【字号：…】` is a button, `【责任编辑：…】`
/// a credit) and no dateline (`【本报讯】` opens running text); the head after it
/// is at most 40 characters with no sentence punctuation (`【桂坪区】5月31日，…`
/// opens a brief's running text and stays) and no list (`【诚信家政】保洁　月嫂　育儿嫂
/// 电话:…`, a classified ad: more than three parts between spaces, or a colon
/// before a number).
pub(super) fn glued_label(line: &str) -> Option<(&str, &str)> {
    let close = match line.chars().next()? {
        '【' => '】',
        '〔' => '〕',
        _ => return None,
    };
    let end = line.find(close)?;
    let inner = &line[line.chars().next()?.len_utf8()..end];
    let label = &line[..end + close.len_utf8()];
    let head = trim(&line[label.len()..]);
    let n_inner = inner.chars().count();
    let n_head = head.chars().count();
    let parts = head
        .split(char::is_whitespace)
        .filter(|p| !p.is_empty())
        .count();
    let dateline = |l: &str| super::classify::dateline_marker(l) == Some(l.len());
    ((2..=10).contains(&n_inner)
        && parts <= 3
        && !head.contains(':')
        && !dateline(label)
        && !dateline(&super::traditional::fold(label))
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || c == '·' || c == '\u{3000}' || c == ' ')
        && (4..=40).contains(&n_head)
        && !head.starts_with(['【', '〔', '[', '（', '('])
        && !head.contains(['。', '，', '；', '】', '〕']))
    .then_some((label, head))
}

/// The first `n` chars of `s`.
fn head_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// Layout marks that are not text: a bullet before a title (`■`, `▶`), Markdown
/// emphasis around a whole line (`**…**`, `*…*`). A bullet opening running text
/// (`●【桂坪区】5月31日，…`, `▲3月4日，…在田间…`) is printed text of the item
/// it opens and stays.
fn strip_decoration(line: &str) -> &str {
    let mut t = line;
    if let Some(rest) = t.strip_prefix(BULLETS)
        && !rest.is_empty()
        && !rest.contains(['，', '。'])
    {
        t = trim(rest);
    }
    for mark in ["**", "__", "*", "_"] {
        if t.len() > 2 * mark.len()
            && let Some(inner) = t.strip_prefix(mark).and_then(|r| r.strip_suffix(mark))
            && !inner.contains(mark)
            // (`*** 征集启事 ***`: a frame of three marks is no emphasis; see
            // `normalise::print_heads`.)
            && !inner.starts_with(&mark[..1])
        {
            return trim(inner);
        }
    }
    t
}

/// OCR that spaces out every character (`晚 报 记 者  蒲 公 英`): the text without
/// those spaces (a double space, between words, stays one). `None` for normal lines.
fn unspaced(line: &str) -> Option<String> {
    // Cheap test first: the first few characters alternate with single spaces.
    let mut it = line.chars();
    if it.next()?.is_ascii() || it.next()? != ' ' || it.next()? == ' ' || it.next()? != ' ' {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let (mut spaced, mut tight) = (0usize, 0usize);
    for w in chars.windows(2) {
        match (w[0] == ' ', w[1] == ' ') {
            (false, false) if !w[0].is_ascii() || !w[1].is_ascii() => tight += 1,
            (false, true) => spaced += 1,
            _ => {}
        }
    }
    if spaced < 3 || spaced < 4 * tight {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != ' ' {
            out.push(c);
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|&&x| x == ' ').count();
        let (prev, next) = (chars[i.saturating_sub(1)], chars.get(i + run).copied());
        let ascii_pair =
            prev.is_ascii_alphanumeric() && next.is_some_and(|n| n.is_ascii_alphanumeric());
        if run >= 2 || ascii_pair {
            out.push(' ');
        }
        i += run;
    }
    Some(out)
}

/// `## 标题` -> (2, "标题"); anything else -> (0, line).
fn markdown_heading(line: &str) -> (u8, &str) {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return (0, line);
    }
    let rest = &line[hashes..];
    let spaced = rest.starts_with(|c: char| c.is_whitespace());
    // `#标题` without a space still reads as a heading when it is short Chinese text.
    let bare = rest.starts_with(|c: char| !c.is_ascii()) && rest.chars().take(61).count() <= 60;
    if spaced || bare || rest.is_empty() {
        (hashes as u8, trim(rest))
    } else {
        (0, line)
    }
}

/// `[查看原文](https://…)` alone on a line.
fn is_link_line(line: &str) -> bool {
    line.starts_with('[') && line.ends_with(')') && line.contains("](")
}

/// `[四代人守着一间剪刀铺](content_1.htm)` alone on a line -> its words: a head a
/// converter printed as a link without its `#` marks (an e-paper page links each
/// head to its article). A head's words: six characters or more, four of them Han,
/// no full stop; a button's (`[阅读原文](…)`, `[返回目录](…)`) are fewer.
fn linked_head(line: &str) -> Option<&str> {
    if !line.starts_with('[') {
        return None;
    }
    let text = linked_text(line)?;
    let n = text.chars().count();
    let han = text.chars().filter(|&c| crate::text::is_han(c)).count();
    ((6..=40).contains(&n) && han >= 4 && !text.contains(['。', '！', '？'])).then_some(text)
}

/// `[标题](content_1.htm)` -> `标题`: a whole line that is one Markdown link, its
/// text (no bracket in it, not empty) and its target (no space in it).
fn linked_text(line: &str) -> Option<&str> {
    let inner = line.strip_prefix('[')?.strip_suffix(')')?;
    let (text, target) = inner.split_once("](")?;
    (!text.is_empty() && !text.contains(['[', ']']) && !target.contains([' ', '(', ')']))
        .then(|| trim(text))
}

/// `![新闻图片](pic4.jpg)`: a Markdown image alone on a line, where a converter
/// printed a picture (its alt text is no text of an article).
fn is_markdown_image(line: &str) -> bool {
    line.strip_prefix('!').is_some_and(|l| {
        linked_text(l).is_some() || (l.starts_with("[](") && l.ends_with(')') && !l.contains(' '))
    })
}

/// Where a print marks a picture on a line of its own: a Markdown image
/// (`![新闻图片](pic4.jpg)`), a converter's placeholder (`[pic]`) or a bracketed
/// word of a picture (`[新闻图片]`, `【图片】`).
pub(crate) fn is_picture_mark(line: &str) -> bool {
    is_markdown_image(line)
        || is_image_placeholder(line)
        || line
            .strip_prefix('[')
            .and_then(|l| l.strip_suffix(']'))
            .or_else(|| line.strip_prefix('【').and_then(|l| l.strip_suffix('】')))
            .is_some_and(|w| w.chars().count() <= 4 && w.contains('图'))
}

/// `[pic]`, `[IMG]`, `[image]`: where a converter (antiword, lynx) left out a
/// picture: a bracketed Latin word alone on a line, which no article's text is.
fn is_image_placeholder(line: &str) -> bool {
    line.strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .is_some_and(|w| (2..=12).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// `---`, `***`, `===` and the like.
fn is_rule_line(line: &str) -> bool {
    if line.len() >= 3 && line.bytes().all(|b| matches!(b, b'-' | b'*' | b'=' | b'_')) {
        return true;
    }
    // `* * *`, `- - -`: Markdown's thematic break, its marks spaced out (one mark,
    // three or more times).
    let mut marks = line.bytes().filter(|b| *b != b' ');
    let Some(first) = marks.next() else {
        return false;
    };
    matches!(first, b'-' | b'*' | b'_')
        && line.contains(' ')
        && marks.clone().count() >= 2
        && marks.all(|b| b == first)
}

const TITLE_TAGS: [&str; 9] = [
    "contenttitle",
    "title",
    "headline",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];
/// The title tags of a news record's fields (`<contenttitle>`, NewsML's
/// `<headline>`), unlike a web page's headings and `<title>`: see
/// [`Unit::named_by_field`].
const RECORD_TITLE_TAGS: [&str; 2] = ["contenttitle", "headline"];
const BREAK_TAGS: [&str; 5] = ["doc", "article", "item", "page", "news"];
const TEXT_TAGS: [&str; 5] = ["content", "text", "body", "p", "description"];

/// Tags of a news feed's head fields, as NewsML names them: the slugline (the
/// kicker), the subheadline and the byline.
const HEAD_FIELD_TAGS: [(&str, DraftField); 4] = [
    ("slugline", DraftField::Kicker),
    ("subheadline", DraftField::Subtitle),
    ("by", DraftField::Byline),
    ("byline", DraftField::Byline),
];

/// The name of an XML tag from what stands between its `<` and `>`
/// (`HEADLINE id="1"`, `/p`, `br/`), lower-cased: `headline`, `p`, `br`.
fn tag_name(open_tag: &str) -> String {
    open_tag
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_start_matches('/')
        .trim_end_matches('/')
        .to_ascii_lowercase()
}

/// A line that is one pseudo-XML element or a bare tag.
fn xml_field(line: &str) -> Option<(Cow<'_, str>, u8, Markup)> {
    // `<?xml version="1.0" encoding="UTF-16"?>`: a declaration, nothing to read.
    // `<!DOCTYPE HTML PUBLIC …>`, `<!-- … -->`: a declaration or a comment a
    // converter printed (unhtml keeps the doctype), nothing to read either.
    if (line.starts_with("<?") && line.ends_with("?>"))
        || (line.starts_with("<!") && line.ends_with('>'))
    {
        return Some((Cow::Borrowed(line), 0, Markup::Noise));
    }
    let close = line.find('>')?;
    let open_tag = &line[1..close];
    let name = tag_name(open_tag);
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    let after = &line[close + 1..];
    if after.is_empty() {
        let markup = if BREAK_TAGS.contains(&name.as_str()) {
            Markup::DocBreak
        } else {
            Markup::Noise
        };
        return Some((Cow::Borrowed(line), 0, markup));
    }
    if open_tag.starts_with('/') {
        return None;
    }
    let end_tag = format!("</{name}>");
    let Some(inner) = after
        .strip_suffix(end_tag.as_str())
        .or_else(|| after.strip_suffix(&end_tag.to_ascii_uppercase()))
    else {
        return is_element_run(line).then_some((Cow::Borrowed(line), 0, Markup::Noise));
    };
    if name == "p" && inner.contains("</p>") {
        return None;
    }
    let inner = trim(inner);
    if TITLE_TAGS.contains(&name.as_str()) {
        let level = name
            .strip_prefix('h')
            .and_then(|d| d.parse::<u8>().ok())
            .unwrap_or(1);
        return Some((strip_tags(inner), level, Markup::Title));
    }
    if TEXT_TAGS.contains(&name.as_str()) {
        if inner.is_empty() {
            return Some((Cow::Borrowed(line), 0, Markup::Noise));
        }
        return Some((strip_tags(inner), 0, Markup::None));
    }
    if let Some(&(_, field)) = HEAD_FIELD_TAGS.iter().find(|(t, _)| *t == name)
        && !inner.is_empty()
    {
        return Some((strip_tags(inner), 0, Markup::Field(field)));
    }
    Some((Cow::Borrowed(line), 0, Markup::Noise))
}

/// `<pubDate>2026-12-11</pubDate><page>05</page>`: a line of two or more whole
/// elements, none a title's or a text's, and nothing between them: a feed's
/// metadata, no text.
fn is_element_run(line: &str) -> bool {
    let mut rest = line;
    let mut elements = 0;
    while !rest.is_empty() {
        let Some(open) = rest.strip_prefix('<') else {
            return false;
        };
        let Some(close) = open.find('>') else {
            return false;
        };
        let name = open[..close]
            .split(char::is_whitespace)
            .next()
            .unwrap_or("");
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return false;
        }
        let lower = name.to_ascii_lowercase();
        if TITLE_TAGS.contains(&lower.as_str()) || TEXT_TAGS.contains(&lower.as_str()) {
            return false;
        }
        let after = &open[close + 1..];
        let end_tag = format!("</{name}>");
        let Some(end) = after.find(end_tag.as_str()) else {
            return false;
        };
        if after[..end].contains('<') {
            return false;
        }
        rest = trim(&after[end + end_tag.len()..]);
        elements += 1;
    }
    elements >= 2
}

fn contains_html_paragraphs(line: &str) -> bool {
    memchr::memchr(b'<', line.as_bytes()).is_some()
        && (line.contains("<p>") || line.contains("</p>") || line.contains("<br"))
}

/// Split `<p>…</p><p>…</p>` (or `<br>`-separated text) into paragraph texts.
fn html_paragraphs(line: &str) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    let mut rest = line;
    loop {
        let cut = ["<p>", "</p>", "<br>", "<br/>", "<br />"]
            .iter()
            .filter_map(|t| rest.find(t).map(|i| (i, t.len())))
            .min();
        let (piece, next) = match cut {
            Some((i, n)) => (&rest[..i], Some(&rest[i + n..])),
            None => (rest, None),
        };
        let text = strip_tags(trim(piece));
        if !trim(&text).is_empty() {
            out.push(match text {
                Cow::Borrowed(s) => Cow::Borrowed(trim(s)),
                Cow::Owned(s) => Cow::Owned(trim(&s).to_string()),
            });
        }
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    out
}

/// Remove `<…>` tags and decode the few entities transcripts use.
fn strip_tags(s: &str) -> Cow<'_, str> {
    if !s.contains('<') && !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        match rest[i..].find('>') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    if out.contains('&') {
        out = out
            .replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`trim`] and [`trim_white`] read the text's ends first, and trim what
    /// `trim_matches` and `str::trim` trim: whitespace of every width (U+3000,
    /// U+00A0, a tab), a BOM (only [`trim`]), on either end or both, an empty text,
    /// a text of nothing else.
    #[test]
    fn trims_read_at_the_ends_trim_as_the_searcher_does() {
        let bom_or_white = |c: char| c.is_whitespace() || c == '\u{feff}';
        for t in [
            "",
            " ",
            "\u{3000}",
            "\u{feff}",
            "\u{feff}\u{3000} ",
            "村里修了一条路。",
            "\u{3000}\u{3000}村里修了一条路。",
            "村里修了一条路。\u{3000}",
            "\t村里 修了\u{a0}",
            "\u{feff}本报讯",
            "本报讯\u{feff}",
            "a",
            " a ",
            "\u{2003}記者\u{2028}",
        ] {
            assert_eq!(trim(t), t.trim_matches(bom_or_white), "{t:?}");
            assert_eq!(trim_white(t), t.trim(), "{t:?}");
        }
        // Every character is told trimmed or kept by its bytes as by its value.
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(trimmed_at(b, false), c.is_whitespace(), "{c:?}");
            assert_eq!(trimmed_at(b, true), bom_or_white(c), "{c:?}");
        }
    }

    /// A record's title element names its field however its tag is written
    /// (upper case, attributes after a tab); a heading only markup printed
    /// does not.
    #[test]
    fn a_title_element_is_named_by_its_field_in_any_case() {
        let u = units(
            "<HEADLINE>春耕备耕忙</HEADLINE>\n\n<contenttitle id=\"7\">夜校开到了村口</contenttitle>\n\n<headline\tid=\"2\">湿地迎来越冬候鸟</headline>\n\n<h2>要闻</h2>\n",
        );
        let named: Vec<(&str, bool)> = u
            .iter()
            .map(|u| (&*u.text, u.markup == Markup::Title && u.named_by_field))
            .collect();
        assert_eq!(
            named,
            [
                ("春耕备耕忙", true),
                ("夜校开到了村口", true),
                ("湿地迎来越冬候鸟", true),
                ("要闻", false)
            ]
        );
    }

    #[test]
    fn lines_become_units_with_gaps_and_levels() {
        let u = units("\n\n# 标题\n\n\n\n正文一段。\n## ——副题\n");
        assert_eq!(u.len(), 3);
        assert_eq!((u[0].line, u[0].gap, u[0].level), (3, 2, 1));
        assert_eq!(u[0].text, "标题");
        assert_eq!((u[1].line, u[1].gap), (7, 3));
        assert_eq!((u[2].level, &*u[2].text), (2, "——副题"));
    }

    /// A NewsML item: the declaration and a line of metadata elements are no
    /// text, the slugline, subheadline and byline are head fields.
    #[test]
    fn a_news_feeds_head_fields_are_read_and_its_metadata_is_noise() {
        let u = units(
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<newsItem guid=\"1\">\n<pubDate>2026-12-11</pubDate><page>05</page><genre>消息</genre>\n<slugline>区域协调</slugline>\n<headline>两市共建跨江产业园</headline>\n<subheadline>——首批项目签约</subheadline>\n<by>本报记者　祁远帆</by>\n<p>本报榧城12月10日电　两市签署协议。</p>\n</newsItem>",
        );
        let got: Vec<(Markup, &str)> = u
            .iter()
            .filter(|u| u.markup != Markup::Noise && u.markup != Markup::DocBreak)
            .map(|u| (u.markup, u.text.as_ref()))
            .collect();
        assert_eq!(
            got,
            [
                (Markup::Field(DraftField::Kicker), "区域协调"),
                (Markup::Title, "两市共建跨江产业园"),
                (Markup::Field(DraftField::Subtitle), "——首批项目签约"),
                (Markup::Field(DraftField::Byline), "本报记者　祁远帆"),
                (Markup::None, "本报榧城12月10日电　两市签署协议。"),
            ]
        );
        // Hard-wrapped inside its tags, the item reads the same.
        let u = units(
            "<?xml version=\"1.0\" encoding=\"\nUTF-16\"?>\n<pubDate>2026-12-11</pubDate><\npage>05</page><genre>消息</genre\n>\n<headline>两市共建跨江产业园</headl\nine>\n<by>本报记者　祁远帆</by>\n",
        );
        let got: Vec<(Markup, &str, usize)> = u
            .iter()
            .map(|u| (u.markup, u.text.as_ref(), u.line))
            .filter(|u| u.0 != Markup::Noise)
            .collect();
        assert_eq!(
            got,
            [
                (Markup::Title, "两市共建跨江产业园", 6),
                (Markup::Field(DraftField::Byline), "本报记者　祁远帆", 8),
            ]
        );
        assert_eq!(u.len(), 4, "{u:?}");
        // A line of text that opens with an element is still text.
        let u = units("<b>注意</b>：明日停水。\n");
        assert_eq!(u[0].markup, Markup::None, "{u:?}");
    }

    #[test]
    fn separators_inside_a_line_end_lines_under_the_files_line_number() {
        let u = units(
            "题记\n\n琤江流域生态补偿协议续签\u{2028}——副题\u{2029}正文一段。\u{2028}\u{2028}正文二段。\n末行",
        );
        let got: Vec<(usize, usize, &str)> = u.iter().map(|u| (u.line, u.gap, &*u.text)).collect();
        assert_eq!(
            got,
            [
                (1, 0, "题记"),
                (3, 1, "琤江流域生态补偿协议续签"),
                (3, 0, "——副题"),
                (3, 1, "正文一段。"),
                (3, 1, "正文二段。"),
                (4, 0, "末行"),
            ]
        );
    }

    #[test]
    fn pseudo_xml_fields_are_read() {
        let u = units(
            "<doc>\n<url>http://x</url>\n<contenttitle>春耕忙</contenttitle>\n<content>农民下地。</content>\n</doc>",
        );
        let kinds: Vec<Markup> = u.iter().map(|u| u.markup).collect();
        assert_eq!(
            kinds,
            [
                Markup::DocBreak,
                Markup::Noise,
                Markup::Title,
                Markup::None,
                Markup::DocBreak
            ]
        );
        assert_eq!(u[2].text, "春耕忙");
        assert_eq!(u[3].text, "农民下地。");
    }

    #[test]
    fn html_paragraphs_split() {
        let u = units("<p><strong>本台消息</strong>：第一段。</p><p>第二段。</p>");
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].text, "本台消息：第一段。");
        assert_eq!(u[1].text, "第二段。");
        assert!(units("[查看原文](https://e.x/1)")[0].markup == Markup::Noise);
    }

    #[test]
    fn layout_marks_and_ocr_spacing_are_not_text() {
        assert_eq!(
            units("■鹤汀区新增12处“口袋公园”")[0].text,
            "鹤汀区新增12处“口袋公园”"
        );
        assert_eq!(
            units("**北城墙遗址公园开园**")[0].text,
            "北城墙遗址公园开园"
        );
        assert_eq!(units("*非遗传承人*")[0].text, "非遗传承人");
        // Under a converter's Markdown heading too, which keeps its level.
        let u = units("## ■鹤汀区新增12处“口袋公园”");
        assert_eq!((u[0].level, &*u[0].text), (2, "鹤汀区新增12处“口袋公园”"));
        assert_eq!(
            units("### **北城墙遗址公园开园**")[0].text,
            "北城墙遗址公园开园"
        );
        assert_eq!(
            units("### 晚 报 记 者  蒲 公 英")[0].text,
            "晚报记者 蒲公英"
        );
        assert_eq!(units("晚 报 记 者  蒲 公 英")[0].text, "晚报记者 蒲公英");
        assert_eq!(
            units("晚 报 讯  11 月 15 日 ， 2025 年")[0].text,
            "晚报讯 11月15日，2025年"
        );
        assert_eq!(
            units("改造不停业 摊主有安置")[0].text,
            "改造不停业 摊主有安置"
        );
        assert_eq!(
            units("图 为 11 月 15 日 ， 民 间 艺 人")[0].text,
            "图为11月15日，民间艺人"
        );
        assert_eq!(units("2*3*4")[0].text, "2*3*4");
    }

    /// A run-in head is a unit of its own, its text the next; a bulleted title with
    /// a wide space inside it and a teaser line stay one unit.
    #[test]
    fn run_in_heads_split_from_their_text() {
        let u =
            units("\u{3000}\u{3000}■市图书馆延时开放\u{3000}寒假期间，市图书馆每天开放至21时。");
        let got: Vec<(&str, Markup)> = u.iter().map(|u| (u.text.as_ref(), u.markup)).collect();
        assert_eq!(
            got,
            [
                ("市图书馆延时开放", Markup::RunIn),
                ("寒假期间，市图书馆每天开放至21时。", Markup::None)
            ]
        );
        assert_eq!((u[1].line, u[1].gap), (1, 0));
        // One ASCII space, as a PDF extractor prints the wide one.
        let u = units("◆别让单车挤占盲道 早高峰过后，不少地铁口的盲道上停满了共享单车。");
        let got: Vec<(&str, Markup)> = u.iter().map(|u| (u.text.as_ref(), u.markup)).collect();
        assert_eq!(
            got,
            [
                ("别让单车挤占盲道", Markup::RunIn),
                (
                    "早高峰过后，不少地铁口的盲道上停满了共享单车。",
                    Markup::None
                )
            ]
        );
        for whole in [
            "■楼道灯坏了半年 三天换上了新灯",
            "■楼道灯坏了半年　三天换上了新灯",
            "▶A03　楝城地铁2号线年内通车",
            "■问：怎么办？　答：这样办。",
            "●市民张先生：我觉得这样办好，省心。",
            "◎林望舒",
        ] {
            assert_eq!(units(whole).len(), 1, "{whole}");
        }
        // A long head may end with a colon, after `◎` too.
        let u = units(
            "\u{3000}\u{3000}◎返乡路上备好常用药：有慢性病的市民返乡前要备足药品，长途驾车要休息。",
        );
        let got: Vec<(&str, Markup)> = u.iter().map(|u| (u.text.as_ref(), u.markup)).collect();
        assert_eq!(
            got,
            [
                ("返乡路上备好常用药", Markup::RunIn),
                (
                    "有慢性病的市民返乡前要备足药品，长途驾车要休息。",
                    Markup::None
                )
            ]
        );
    }

    /// A column label in brackets glued in front of a head (`【乡村振兴】…`,
    /// `〔城事〕…`) is the head's kicker, the rest its title; a bracketed place
    /// opening a brief's running text, a bracketed intertitle alone, a button row
    /// and a credit in brackets stay as printed.
    #[test]
    fn a_bracketed_label_glued_to_a_head_is_its_kicker() {
        let body =
            "芦溪镇今年新栽桑树八百亩，全镇养蚕农户增加到三百多户，蚕茧收购价比去年高出一成。";
        for (open, close) in [('【', '】'), ('〔', '〕')] {
            let page = format!(
                "{open}产业振兴{close}芦溪镇桑园面积再扩大\n\n本报记者　柯雨桐\n\n{body}\n\n{open}一线传真{close}岑岭乡修通最后一段通组路\n\n{body}\n"
            );
            let a = crate::segment::segment_issue(&page, "x");
            let heads: Vec<(&str, &str)> = a
                .iter()
                .map(|a| (a.kicker.as_str(), a.title.as_str()))
                .collect();
            let label = |l: &str| format!("{open}{l}{close}");
            assert_eq!(
                heads,
                [
                    (label("产业振兴").as_str(), "芦溪镇桑园面积再扩大"),
                    (label("一线传真").as_str(), "岑岭乡修通最后一段通组路"),
                ],
                "{a:?}"
            );
            assert_eq!(a[0].byline, "本报记者　柯雨桐");
        }
        for whole in [
            "【桂坪区】5月31日，区里的夜市开张了。",
            "【值守有了新办法】",
            "【字号：大 中 小】　【打印】　【关闭】",
            "【责任编辑：尚书言】",
            "【本报讯】记者柯雨桐报道：芦溪镇桑园面积今年再扩大八百亩",
            "【本報訊】記者柯雨桐報道︰芦溪鎮桑園面積今年再擴大八百畝",
            "【诚信家政】保洁　月嫂　育儿嫂　钟点工　电话:6630520",
        ] {
            let mut u = units(whole);
            crate::segment::normalise::normalise_page(&mut u, false);
            assert_eq!(u.len(), 1, "{whole}");
        }
        // A brief hard-wrapped right after its bracketed place is one paragraph.
        let page = "【县市场监管局】县市场监管局近日开展春季学校食堂食品安全检查\n，共检查食堂四十二家，发现问题十一处，已全部督促整改到位。\n";
        let a = crate::segment::segment_issue(page, "x");
        assert!(
            a.iter()
                .all(|a| a.title != "县市场监管局近日开展春季学校食堂食品安全检查"),
            "{a:?}"
        );
    }

    #[test]
    fn full_width_indent_is_trimmed() {
        let u = units("\u{3000}\u{3000}本报讯 今天下雨。\u{3000}");
        assert_eq!(u[0].text, "本报讯 今天下雨。");
    }
}

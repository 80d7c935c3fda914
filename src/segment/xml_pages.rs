//! A page that is an XML document, read as its format's own specification has it,
//! by one reader for every format (the document parsed with `quick-xml`):
//!
//! - an OCR layout in ALTO: each `TextBlock`'s `TextLine`s of `String CONTENT`s,
//!   cut into paragraphs where a line is indented past its block's edge, a block
//!   set in a font larger than the page's body text (its `TextStyle FONTSIZE`, else
//!   its lines' height) a head, larger ones higher (as a converter's heading
//!   levels: a hint the page path weighs), a block in a page's margins (running
//!   heads, page numbers) furniture, a `ComposedBlock` of an article's type one
//!   article;
//! - an OCR layout in hOCR (an `html` page whose elements carry its classes, as
//!   Tesseract writes it): read as ALTO is, each `ocr_par` a block of `ocr_line`s
//!   of `ocrx_word`s with their `bbox`es (a column of type set vertically turned on
//!   its side), its `x_size` its size;
//! - a transcription in TEI P5: `div`s with a `head` are articles, `head` their
//!   title (`type="sub"` a subtitle, `type="kicker"` a kicker), `byline` and
//!   `docAuthor` the byline, `dateline` and `p` text; the `teiHeader` is no text,
//!   `fw` (a page's running head or number) furniture, `choice` read as corrected
//!   (`corr`, `reg`, `expan`), `lb` joins its line's halves;
//! - an article export (NewsML, NITF, a CMS's `<article>`s, an Evernote export
//!   whose notes hold their XHTML in `CDATA`): an element holding a heading element
//!   (`headline`, `title`, `hl1`, `h1`…) is one article, `byline`/`author` its
//!   byline, `hl2`/`subheadline` its subtitle, `slugline`/`kicker` its kicker; a
//!   document's head (NITF's and HTML's `head`), metadata (`note-attributes`,
//!   `created`, tags, keywords) and values that are codes, dates or addresses are
//!   no text, every other element holding text is text.
//!
//! A page printed by another tool is read tolerantly: a line a hard-wrapping tool cut
//! inside a tag is joined to the next without a break, a converter's heading marks
//! and indents before a line are dropped, lines before the document (a running head)
//! are furniture; end tags that match no open element are skipped. A page that does
//! not parse, or is a web page (`<html>` but no hOCR), is left to the text path (`None`).

use super::blocks::{DraftField, Markup, Unit, trim};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;

/// Elements nested deeper than this are no document of articles (and no reader
/// should recurse without bound on a hostile file).
const MAX_DEPTH: usize = 200;

/// A source line's number and where its text begins in the cleaned document.
pub(super) type LineMap = Vec<(usize, usize)>;

/// One XML element: its local name (lower-cased), attributes (local names
/// lower-cased) and children, and where it opens in the cleaned document.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    at: usize,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    /// Text (entities resolved) and where it begins in the cleaned document.
    Text(String, usize),
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(..) => None,
        })
    }

    /// Every element under this one (itself first), depth first.
    fn descendants(&self) -> Vec<&Element> {
        let mut out = vec![self];
        let mut i = 0;
        while i < out.len() {
            let e = out[i];
            let at = i + 1;
            let kids: Vec<&Element> = e.elements().collect();
            out.splice(at..at, kids);
            i += 1;
        }
        out
    }
}

/// The units of `text` when it is an XML document of articles, else `None`.
pub fn units(text: &str) -> Option<Vec<Unit<'static>>> {
    if !opens_markup(text) {
        return None;
    }
    let (clean, lines, before) = clean(text);
    let root = parse(&clean, 0, 0)?;
    let first = root.elements().next()?;
    let (all, outside) = text_chars(&root);
    // One document (a dump of many top elements, `<doc>`s, is read a line a
    // field by `blocks`), no web page, and little text outside it.
    if root.elements().nth(1).is_some()
        || (first.name == "html" && !is_hocr(first))
        || outside as f64 > all as f64 * MAX_OUTSIDE_SHARE
    {
        return None;
    }
    let mut page = Page {
        out: before
            .into_iter()
            .map(|(line, t)| Unit::new(line, 1, Markup::Furniture, Cow::Owned(t)))
            .collect(),
        lines: &lines,
        page_break: false,
        records: 0,
    };
    if first.name == "pcgts" {
        emit_layout(page_xml(first), &mut page);
    } else if first.name == "djvuxml" {
        emit_layout(djvu(first), &mut page);
    } else if first.name == "html" {
        emit_layout(hocr(first), &mut page);
    } else if root.descendants().iter().any(|e| e.name == "textline") {
        emit_layout(alto(&root), &mut page);
    } else {
        page.flow(&root, Role::Text);
    }
    let mut out = page.out;
    tidy_heads(&mut out);
    out.iter()
        .any(|u| {
            !matches!(
                u.markup,
                Markup::Noise | Markup::DocBreak | Markup::Furniture
            )
        })
        .then_some(out)
}

/// One of the first lines opens markup: a declaration, a doctype or an element
/// (after the indent, heading marks or a running head another tool printed).
fn opens_markup(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(|l| without_marks(trim(l)))
        .filter(|l| !l.is_empty())
        .take(3);
    let element = |l: &str| {
        l.strip_prefix('<')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()))
    };
    let declared = |l: &str| l.starts_with("<?xml") || l.starts_with("<!DOCTYPE");
    lines.next().is_some_and(|l| declared(l) || element(l)) || lines.any(declared)
}

/// Text outside the document's elements is at most this share of its text (a
/// page's credit and footer a print added after it), or the page is no document.
const MAX_OUTSIDE_SHARE: f64 = 0.2;

/// Characters of text (not white space) under `e`, and directly in it.
fn text_chars(e: &Element) -> (usize, usize) {
    let mut all = 0;
    let mut own = 0;
    for c in &e.children {
        match c {
            Node::Text(t, _) => {
                let n = t.chars().filter(|c| !c.is_whitespace()).count();
                all += n;
                own += n;
            }
            Node::Element(c) => all += text_chars(c).0,
        }
    }
    (all, own)
}

/// A line without the heading marks a converter put before it (`### <p>`).
pub(super) fn without_marks(line: &str) -> &str {
    let rest = line.trim_start_matches('#');
    if rest.len() < line.len() && rest.starts_with(' ') {
        trim(rest)
    } else {
        line
    }
}

/// The document as its tool wrote it, from a print of it: each line trimmed and
/// without heading marks, a line a hard-wrapping print cut inside a tag joined to
/// the next without a break, form feeds dropped. Returns the cleaned text, where
/// each source line begins in it, and the lines before the document (a running
/// head) with their numbers.
pub(super) fn clean(text: &str) -> (String, LineMap, Vec<(usize, String)>) {
    let mut out = String::with_capacity(text.len());
    let mut lines: LineMap = Vec::new();
    let mut before = Vec::new();
    // The text so far ends inside a tag (a `<` after the last `>`).
    let mut in_tag = false;
    for (i, raw) in text.lines().enumerate() {
        let raw = raw.trim_end_matches('\r').replace('\x0c', "");
        let piece = if in_tag {
            lines.push((i + 1, out.len()));
            out.push_str(&raw);
            raw.as_str()
        } else {
            let t = without_marks(trim(&raw));
            if out.is_empty() && !t.starts_with('<') {
                if !t.is_empty() {
                    before.push((i + 1, t.to_string()));
                }
                continue;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            lines.push((i + 1, out.len()));
            out.push_str(t);
            t
        };
        if let Some(last) = piece.rfind(['<', '>']) {
            in_tag = piece[last..].starts_with('<');
        }
        // A line cut after a space inside a tag (`<div ` / `class="…">`) keeps
        // the space the trim took.
        if in_tag && raw.ends_with(char::is_whitespace) && !out.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
    (out, lines, before)
}

/// Parse `text` (markup; `base` its offset in the cleaned document) into a root
/// holding its top elements. `None` when it is no XML.
fn parse(text: &str, base: usize, nested: usize) -> Option<Element> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let at = base + usize::try_from(reader.buffer_position()).ok()?;
        let event = reader.read_event().ok()?;
        match event {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return None;
                }
                stack.push(element(&e, at));
            }
            Event::Empty(e) => {
                let el = element(&e, at);
                stack.last_mut()?.children.push(Node::Element(el));
            }
            Event::End(e) => {
                let name = local(e.name().as_ref());
                if let Some(open) = stack.iter().skip(1).rposition(|x| x.name == name) {
                    while stack.len() > open + 1 {
                        close(&mut stack);
                    }
                }
            }
            Event::Text(t) => {
                let s = t.xml10_content();
                push_text(stack.last_mut()?, &s, at);
            }
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => entity(&name).map_or_else(|| format!("&{name};"), str::to_string),
                };
                push_text(stack.last_mut()?, &resolved, at);
            }
            Event::CData(c) => {
                let s = c.into_inner().into_owned();
                // `<![CDATA[` is nine bytes before the content.
                let inner_at = at + 9;
                let markup = trim(&s).starts_with('<');
                match (markup && nested < 2)
                    .then(|| parse(&s, inner_at, nested + 1))
                    .flatten()
                {
                    Some(inner) => stack.last_mut()?.children.extend(inner.children),
                    None => push_text(stack.last_mut()?, &s, inner_at),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop()
}

fn close(stack: &mut Vec<Element>) {
    if let Some(done) = stack.pop()
        && let Some(parent) = stack.last_mut()
    {
        parent.children.push(Node::Element(done));
    }
}

fn push_text(e: &mut Element, s: &str, at: usize) {
    if let Some(Node::Text(t, _)) = e.children.last_mut() {
        t.push_str(s);
    } else {
        e.children.push(Node::Text(s.to_string(), at));
    }
}

/// `ns:Name` → `name`.
fn local(name: &str) -> String {
    name.rsplit(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn element(e: &BytesStart<'_>, at: usize) -> Element {
    let attrs = e
        .html_attributes()
        .filter_map(Result::ok)
        .map(|a| {
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(Cow::into_owned)
                .unwrap_or_else(|_| a.value.to_string());
            (local(a.key.as_ref()), value)
        })
        .collect();
    Element {
        name: local(e.name().as_ref()),
        attrs,
        children: Vec::new(),
        at,
    }
}

/// The named entities a web editor leaves in text besides XML's own.
fn entity(name: &str) -> Option<&'static str> {
    quick_xml::escape::resolve_xml_entity(name).or(match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => Some(" "),
        "ldquo" => Some("“"),
        "rdquo" => Some("”"),
        "lsquo" => Some("‘"),
        "rsquo" => Some("’"),
        "mdash" => Some("—"),
        "hellip" => Some("…"),
        "middot" => Some("·"),
        _ => None,
    })
}

/// What a stretch of an element's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Text,
    Title,
    Field(DraftField),
    Furniture,
}

impl Role {
    fn markup(self) -> Markup {
        match self {
            Role::Text => Markup::None,
            Role::Title => Markup::Title,
            Role::Field(f) => Markup::Field(f),
            Role::Furniture => Markup::Furniture,
        }
    }
}

/// Elements whose text runs on in their parent's (emphasis, names, links, a line
/// break of a transcription).
const INLINE: [&str; 38] = [
    "hi",
    "emph",
    "span",
    "b",
    "i",
    "u",
    "em",
    "strong",
    "a",
    "font",
    "sup",
    "sub",
    "small",
    "big",
    "persname",
    "placename",
    "orgname",
    "name",
    "date",
    "time",
    "rs",
    "term",
    "foreign",
    "ref",
    "q",
    "said",
    "seg",
    "w",
    "c",
    "unclear",
    "supplied",
    "add",
    "corr",
    "reg",
    "expan",
    "num",
    "lb",
    "choice",
];

/// Elements that stand apart from the text around them (any other element inside
/// a run of text is part of it: a TEI `dateline` opening a paragraph).
const BLOCKS: [&str; 14] = [
    "p", "div", "head", "br", "pb", "fw", "list", "item", "table", "figure", "lg", "ab", "h1", "h2",
];

/// Elements of no text: a document's metadata, scripts, a note's attributes and
/// attachments, a transcription's deletions.
const SKIPPED: [&str; 22] = [
    "teiheader",
    "script",
    "style",
    "noscript",
    "note-attributes",
    "resource",
    "created",
    "updated",
    "tag",
    "tags",
    "keywords",
    "keyword",
    "meta",
    "link",
    "docdata",
    "pubdata",
    "itemmeta",
    "rightsinfo",
    "catalogref",
    "facsimile",
    "del",
    "gap",
];

/// Inside `choice`, the form a reader does not read (`sic`, `orig`, `abbr`).
const NOT_CHOSEN: [&str; 3] = ["sic", "orig", "abbr"];

/// Elements that are a record of one article whatever they hold.
const RECORDS: [&str; 6] = ["article", "doc", "item", "newsitem", "story", "note"];

const TITLES: [&str; 13] = [
    "head",
    "headline",
    "hl1",
    "title",
    "contenttitle",
    "doctitle",
    "titlepart",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];
const SUBTITLES: [&str; 6] = [
    "hl2",
    "subheadline",
    "subtitle",
    "subhead",
    "subhed",
    "deck",
];
const KICKERS: [&str; 4] = ["kicker", "slugline", "overline", "supertitle"];
const BYLINES: [&str; 5] = ["byline", "by", "docauthor", "author", "creator"];

/// Where a heading element stands in no article's head: a figure's or a table's.
const CAPTIONED: [&str; 3] = ["figure", "table", "list"];

/// The units being printed, and what the page says of where they stand.
struct Page<'l> {
    out: Vec<Unit<'static>>,
    lines: &'l LineMap,
    /// A page break (`<pb/>`) came before the next unit.
    page_break: bool,
    /// Records open around the element being printed.
    records: usize,
}

impl Page<'_> {
    fn line_at(&self, at: usize) -> usize {
        let i = self.lines.partition_point(|&(_, start)| start <= at);
        self.lines.get(i.saturating_sub(1)).map_or(1, |l| l.0)
    }

    fn push(&mut self, at: usize, markup: Markup, text: String) {
        let mut u = Unit::new(self.line_at(at), 1, markup, Cow::Owned(text));
        // An element names the title, as a record's field does (see
        // `Unit::named_by_field`); a head told by its font size alone may be a label.
        u.named_by_field = markup == Markup::Title;
        u.page_break = std::mem::take(&mut self.page_break);
        self.out.push(u);
    }

    /// Print the units of `e`'s text as `role`, and of the elements it holds as
    /// theirs; text between block elements is furniture, a line a unit (a line
    /// another tool put between them).
    fn flow(&mut self, e: &Element, role: Role) {
        // In a run of text (not at the top, where a print's lines may stand), an
        // element of words alone is part of the run.
        // (Text on lines of its own between elements is a print's, no run.)
        let on_own_lines = |t: &str| {
            let (head, tail) = (
                &t[..t.len() - t.trim_start().len()],
                &t[t.trim_end().len()..],
            );
            head.contains('\n') && tail.contains('\n')
        };
        let mixed = !e.name.is_empty()
            && e.children
                .iter()
                .any(|c| matches!(c, Node::Text(t, _) if !trim(t).is_empty() && !on_own_lines(t)));
        let is_inline = |c: &Element| {
            is_inline(c)
                || (mixed && !BLOCKS.contains(&c.name.as_str()) && c.elements().all(is_inline))
        };
        let blocks = e.elements().any(|c| !is_inline(c));
        let mut buf = Text::default();
        for c in &e.children {
            match c {
                Node::Text(t, at) => buf.push(t, *at),
                Node::Element(c) if c.name == "br" => self.flush(&mut buf, role, blocks),
                Node::Element(c) if c.name == "pb" => {
                    self.flush(&mut buf, role, blocks);
                    self.page_break = true;
                }
                Node::Element(c) if is_inline(c) => inline(c, &mut buf),
                Node::Element(c) => {
                    self.flush(&mut buf, role, blocks);
                    self.element(c, e);
                }
            }
        }
        self.flush(&mut buf, role, blocks);
    }

    fn flush(&mut self, buf: &mut Text, role: Role, by_line: bool) {
        let Text { text, at } = std::mem::take(buf);
        let Some(at) = at else { return };
        if by_line {
            // Text between an element's blocks is none of the document's (its
            // text stands in text elements): lines a print put there (a running
            // head, a page footer).
            let mut offset = at;
            for line in text.split('\n') {
                let t = squeeze(line);
                if !t.is_empty() {
                    self.push(offset, Markup::Furniture, t);
                }
                offset += line.len() + 1;
            }
            return;
        }
        let t = squeeze(&text);
        if t.is_empty() {
            return;
        }
        let markup = if role == Role::Text && is_data(&t) {
            Markup::Noise
        } else {
            role.markup()
        };
        self.push(at, markup, t);
    }

    /// Print element `e` (a child of `parent`).
    fn element(&mut self, e: &Element, parent: &Element) {
        let name = e.name.as_str();
        if SKIPPED.contains(&name)
            // A message's header (NewsML's sender, ids) unless it holds a heading.
            || (name == "header" && !e.descendants().iter().any(|d| TITLES.contains(&d.name.as_str())))
            || (parent.name == "choice" && NOT_CHOSEN.contains(&name))
            // A document's head (NITF's, HTML's): its title repeats the headline.
            || (name == "head" && e.elements().any(|c| !is_inline(c)) && e.children.iter().all(|c| !matches!(c, Node::Text(t, _) if !trim(t).is_empty())))
        {
            return;
        }
        if name == "fw" {
            self.flow(e, Role::Furniture);
            return;
        }
        // A record inside another is one of its own among records (a section's
        // articles), not the one record's text (a note's XHTML).
        let record = is_record(e)
            && (self.records == 0 || parent.elements().filter(|c| is_record(c)).count() >= 2);
        if record {
            self.push(e.at, Markup::DocBreak, String::new());
            self.records += 1;
        }
        let role = role_of(e, parent);
        self.flow(e, role);
        if record {
            self.records -= 1;
            self.push(e.at, Markup::DocBreak, String::new());
        }
    }
}

/// What `e`'s own text is, by its name (and a TEI head's type).
fn role_of(e: &Element, parent: &Element) -> Role {
    let name = e.name.as_str();
    let typed = e
        .attr("type")
        .or_else(|| e.attr("rend"))
        .unwrap_or("")
        .to_ascii_lowercase();
    if CAPTIONED.contains(&parent.name.as_str()) {
        return Role::Text;
    }
    if TITLES.contains(&name) {
        if name == "head" && ["sub", "subtitle", "subhead", "deck"].contains(&typed.as_str()) {
            return Role::Field(DraftField::Subtitle);
        }
        if name == "head" && ["kicker", "super", "overline", "supra"].contains(&typed.as_str()) {
            return Role::Field(DraftField::Kicker);
        }
        return Role::Title;
    }
    if SUBTITLES.contains(&name) {
        return Role::Field(DraftField::Subtitle);
    }
    if KICKERS.contains(&name) {
        return Role::Field(DraftField::Kicker);
    }
    if BYLINES.contains(&name) {
        return Role::Field(DraftField::Byline);
    }
    Role::Text
}

/// An element that is one article: named so, or holding a heading of its own.
fn is_record(e: &Element) -> bool {
    (RECORDS.contains(&e.name.as_str()) && e.elements().next().is_some())
        || (!CAPTIONED.contains(&e.name.as_str())
            && !TITLES.contains(&e.name.as_str())
            && e.elements().any(|c| TITLES.contains(&c.name.as_str())))
}

fn is_inline(e: &Element) -> bool {
    INLINE.contains(&e.name.as_str())
}

/// An inline element's text into `buf` (a `choice` read as corrected).
fn inline(e: &Element, buf: &mut Text) {
    for c in &e.children {
        match c {
            Node::Text(t, at) => buf.push(t, *at),
            Node::Element(c) if e.name == "choice" && NOT_CHOSEN.contains(&c.name.as_str()) => {}
            Node::Element(c) if SKIPPED.contains(&c.name.as_str()) => {}
            Node::Element(c) => inline(c, buf),
        }
    }
}

/// Text gathered for one unit, and where it begins.
#[derive(Default)]
struct Text {
    text: String,
    at: Option<usize>,
}

impl Text {
    fn push(&mut self, s: &str, at: usize) {
        if self.at.is_none() {
            let lead = s.len() - s.trim_start().len();
            if lead == s.len() {
                self.text.push_str(s);
                return;
            }
            self.at = Some(at + lead);
        }
        self.text.push_str(s);
    }
}

/// Text as read: a run of white space that holds a line break is none between
/// two Chinese characters (a transcription's or a print's line end) and one space
/// elsewhere; trimmed.
pub(super) fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_whitespace() {
            out.push(c);
            continue;
        }
        let mut run = String::from(c);
        while let Some(&n) = chars.peek() {
            if !n.is_whitespace() {
                break;
            }
            run.push(n);
            chars.next();
        }
        if !run.contains('\n') {
            out.push_str(&run);
            continue;
        }
        let prev_wide = out.chars().last().is_some_and(|p| !p.is_ascii());
        let next_wide = chars.peek().is_some_and(|n| !n.is_ascii());
        if !(prev_wide || next_wide) {
            out.push(' ');
        }
    }
    trim(&out).to_string()
}

/// A value that is data, not text: an address, or figures and codes without a
/// letter of any script (`2026-12-22`, `20261222T013200Z`, `A03`).
pub(super) fn is_data(t: &str) -> bool {
    // Read without spaces: a print may have cut it anywhere.
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    t.contains("://")
        || t.starts_with("www.")
        || (!t.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
            && t.chars().filter(|c| c.is_ascii_digit()).count() * 2 >= t.chars().count())
}

/// A record's title printed with its site's name (`老楼加装电梯 - 澂岭日报`,
/// `棠梨巷片区更新改造完成过半_蘅渚新闻网`), as a web page's title is: the
/// title, when a heading of the record's own text repeats it (that heading is
/// then the title), or without the name.
pub(super) fn tidy_heads(units: &mut [Unit<'static>]) {
    let lex = super::lexicon::lexicon();
    let quiet = |u: &Unit<'_>| matches!(u.markup, Markup::Noise | Markup::Furniture);
    for i in 0..units.len() {
        if units[i].markup != Markup::Title {
            continue;
        }
        let (title, site) = split_site(&units[i].text);
        let title = title.to_string();
        // The record's own heading, further on before the record ends.
        let repeated = units[i + 1..]
            .iter()
            .filter(|u| !quiet(u))
            .take_while(|u| u.markup != Markup::DocBreak)
            .take(8)
            .any(|u| u.markup == Markup::Title && (u.text == title || u.text == units[i].text));
        if repeated {
            units[i].markup = Markup::Noise;
            continue;
        }
        if site.is_some_and(|s| lex.is_outlet_name(s)) {
            units[i].text = Cow::Owned(title);
        }
    }
}

/// `标题 - 站名`, `标题_站名`, `标题 | 站名`: the title and the name after the
/// last separator.
fn split_site(t: &str) -> (&str, Option<&str>) {
    for sep in [" - ", " – ", " — ", " | ", "｜", "_", " -"] {
        if let Some(at) = t.rfind(sep) {
            let (title, site) = (trim(&t[..at]), trim(&t[at + sep.len()..]));
            if !title.is_empty() && !site.is_empty() {
                return (title, Some(site));
            }
        }
    }
    (t, None)
}

// ---------------------------------------------------------------------------
// ALTO

/// One printed line of an ALTO block: its text, left edge, right edge, height and
/// font size.
struct AltoLine {
    text: String,
    left: f64,
    right: f64,
    height: f64,
    size: Option<f64>,
    at: usize,
}

/// One paragraph of an OCR layout (ALTO, PAGE XML, DjVu XML): its lines' text,
/// its size (its largest line's font size or height; 0 when the format gives
/// none), where it opens, what the format says it is (a block in a page's
/// margin is furniture; a tag's label, a region's type), which article the
/// format puts it in, and whether a new page opens with it.
struct LayoutPara {
    text: String,
    size: f64,
    at: usize,
    furniture: bool,
    role: Option<Role>,
    article: Option<usize>,
    page_break: bool,
}

fn num(e: &Element, name: &str) -> Option<f64> {
    e.attr(name).and_then(|v| v.trim().parse::<f64>().ok())
}

/// An ALTO document's paragraphs: its blocks' in the file's order, each with
/// its font size and its tag's label.
fn alto(root: &Element) -> Vec<LayoutPara> {
    let all = root.descendants();
    // Styles: a TextStyle's font size, a tag's label.
    let sizes: Vec<(String, f64)> = all
        .iter()
        .filter(|e| e.name == "textstyle")
        .filter_map(|e| Some((e.attr("id")?.to_string(), num(e, "fontsize")?)))
        .collect();
    let labels: Vec<(String, String)> = all
        .iter()
        .filter(|e| e.name.ends_with("tag") && e.attr("label").is_some())
        .filter_map(|e| {
            Some((
                e.attr("id")?.to_string(),
                e.attr("label")?.to_ascii_lowercase(),
            ))
        })
        .collect();
    let size_of = |e: &Element| {
        e.attr("stylerefs").and_then(|refs| {
            refs.split_whitespace()
                .find_map(|r| sizes.iter().find(|(id, _)| id == r).map(|s| s.1))
        })
    };
    let label_of = |e: &Element| {
        e.attr("tagrefs").and_then(|refs| {
            refs.split_whitespace()
                .find_map(|r| labels.iter().find(|(id, _)| id == r).map(|l| l.1.clone()))
        })
    };
    let mut paras: Vec<LayoutPara> = Vec::new();
    let mut articles = 0usize;
    walk_alto(
        root,
        &mut AltoContext {
            furniture: false,
            article: None,
            size: None,
        },
        &mut |block, ctx| {
            let block_size = size_of(block).or(ctx.size);
            let label = label_of(block);
            let lines: Vec<AltoLine> = block
                .descendants()
                .into_iter()
                .filter(|e| e.name == "textline")
                .map(|l| alto_line(l, size_of(l).or(block_size), &size_of))
                .filter(|l| !l.text.is_empty())
                .collect();
            for p in paragraphs(&lines) {
                paras.push(LayoutPara {
                    furniture: ctx.furniture,
                    role: label.as_deref().and_then(label_role),
                    article: ctx.article,
                    ..p
                });
            }
        },
        &mut articles,
    );
    paras
}

/// Print an OCR layout's paragraphs in order: heads by what the format says
/// they are, else by size (a paragraph set larger than the body text, the size
/// most characters are set in, is a head, larger ones higher: a hint, as a
/// converter's heading levels are).
fn emit_layout(paras: Vec<LayoutPara>, page: &mut Page<'_>) {
    // The body's size: the size most characters are set in.
    let mut by_size: Vec<(f64, usize)> = Vec::new();
    for p in paras.iter().filter(|p| !p.furniture) {
        let n = p.text.chars().count();
        match by_size.iter_mut().find(|(s, _)| (*s - p.size).abs() < 0.01) {
            Some(e) => e.1 += n,
            None => by_size.push((p.size, n)),
        }
    }
    let body = by_size
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or(0.0, |(s, _)| *s);
    let mut heads: Vec<f64> = paras
        .iter()
        .filter(|p| p.size > body * HEAD_RATIO)
        .map(|p| p.size)
        .collect();
    heads.sort_by(|a, b| b.total_cmp(a));
    heads.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    let mut article = None;
    for p in paras {
        if p.article != article {
            if article.is_some() {
                page.push(p.at, Markup::DocBreak, String::new());
            }
            article = p.article;
        }
        let markup = if p.furniture {
            Markup::Furniture
        } else {
            p.role.map_or(Markup::None, Role::markup)
        };
        page.page_break |= p.page_break;
        page.push(p.at, markup, p.text);
        if markup == Markup::None && p.size > body * HEAD_RATIO {
            let rank = heads.iter().position(|s| (*s - p.size).abs() < 0.01);
            if let Some(u) = page.out.last_mut() {
                u.level = rank.map_or(3, |r| (r + 1).min(3) as u8);
            }
        }
    }
}

/// A block set this much larger than the body text is a head.
const HEAD_RATIO: f64 = 1.15;

/// What a tag's label names a block (`Headline`, `Byline`), if it names one.
fn label_role(label: &str) -> Option<Role> {
    if label.contains("sub") {
        Some(Role::Field(DraftField::Subtitle))
    } else if label.contains("headline") || label.contains("heading") || label == "title" {
        Some(Role::Title)
    } else if label.contains("byline") || label.contains("author") {
        Some(Role::Field(DraftField::Byline))
    } else if label.contains("kicker") {
        Some(Role::Field(DraftField::Kicker))
    } else if label.contains("running") || label.contains("page number") || label == "header" {
        Some(Role::Furniture)
    } else {
        None
    }
}

struct AltoContext {
    furniture: bool,
    article: Option<usize>,
    size: Option<f64>,
}

/// Each `TextBlock` under `e`, with whether it stands in a margin and which
/// article (`ComposedBlock` of an article's type) holds it.
fn walk_alto(
    e: &Element,
    ctx: &mut AltoContext,
    each: &mut dyn FnMut(&Element, &AltoContext),
    articles: &mut usize,
) {
    for c in e.elements() {
        match c.name.as_str() {
            "description" | "styles" | "tags" | "illustration" | "graphicalelement" => {}
            "textblock" => each(c, ctx),
            _ => {
                let margin = c.name.ends_with("margin");
                let typed = c.attr("type").unwrap_or("").to_ascii_lowercase();
                let article = c.name == "composedblock"
                    && ["article", "story", "text"]
                        .iter()
                        .any(|t| typed.contains(t));
                let saved = (ctx.furniture, ctx.article);
                ctx.furniture |= margin;
                if article {
                    *articles += 1;
                    ctx.article = Some(*articles);
                }
                walk_alto(c, ctx, each, articles);
                (ctx.furniture, ctx.article) = saved;
            }
        }
    }
}

/// A `TextLine`: its strings' `CONTENT`s (a space between two Latin words, none
/// between Chinese characters; a line-end hyphen `HYP` dropped), and its geometry.
fn alto_line(
    l: &Element,
    size: Option<f64>,
    size_of: &dyn Fn(&Element) -> Option<f64>,
) -> AltoLine {
    let mut text = String::new();
    // The gap before the next string: none, an OCR engine's (a space between two
    // Latin words, none between Chinese characters) or one half a character wide
    // or more (a space as printed: `本报记者 贺远山`).
    let mut gap = Gap::None;
    let height = num(l, "height").unwrap_or(0.0);
    let mut sizes: Vec<(f64, usize)> = Vec::new();
    for c in l.elements() {
        match c.name.as_str() {
            "string" => {
                let content = c.attr("content").unwrap_or("").trim();
                if content.is_empty() {
                    continue;
                }
                let joins_latin = text
                    .chars()
                    .last()
                    .is_some_and(|p| p.is_ascii_alphanumeric())
                    && content.starts_with(|n: char| n.is_ascii_alphanumeric());
                if !text.is_empty() && (gap == Gap::Wide || (gap == Gap::Word && joins_latin)) {
                    text.push(' ');
                }
                text.push_str(content);
                gap = Gap::None;
                if let Some(s) = size_of(c).or(size) {
                    sizes.push((s, content.chars().count()));
                }
            }
            "sp" => {
                let wide = height > 0.0 && num(c, "width").is_some_and(|w| w >= height * 0.5);
                gap = if wide { Gap::Wide } else { Gap::Word };
            }
            _ => {}
        }
    }
    let size = if sizes.is_empty() {
        size
    } else {
        let n: usize = sizes.iter().map(|s| s.1).sum();
        Some(sizes.iter().map(|(s, k)| s * *k as f64).sum::<f64>() / n.max(1) as f64)
    };
    let left = num(l, "hpos").unwrap_or(0.0);
    AltoLine {
        text,
        left,
        right: left + num(l, "width").unwrap_or(0.0),
        height,
        size,
        at: l.at,
    }
}

/// A line of rule strokes only: a column rule or a box's side read as text.
fn is_drawn_rule(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, '｜' | '|' | '│' | '┃' | '║' | '丨') || c.is_whitespace())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Word,
    Wide,
}

/// A block's lines as paragraphs: a new one where a line is indented past the
/// block's left edge by a character's width or more, or follows a line that
/// stopped short of the block's right edge having ended a sentence or well before
/// this line ends (a head's last line over its text).
fn paragraphs(lines: &[AltoLine]) -> Vec<LayoutPara> {
    let left = lines.iter().map(|l| l.left).fold(f64::INFINITY, f64::min);
    let right = lines.iter().map(|l| l.right).fold(0.0, f64::max);
    let mut out: Vec<LayoutPara> = Vec::new();
    let size = |l: &AltoLine| l.size.unwrap_or(l.height);
    for (i, l) in lines.iter().enumerate() {
        let width = if l.height > 0.0 {
            l.height
        } else {
            size(l).max(1.0)
        };
        let opens = i == 0 || {
            let prev = &lines[i - 1];
            let indented = l.left - left >= width * 0.9 && lines.len() > 1;
            // The line before stopped well short of the block's edge: it ended
            // its paragraph when it ended a sentence, or when this line runs on
            // well past it (a head's last line over the text's first).
            let short = right - prev.right >= width * 1.5
                && (super::classify::ends_sentence(&prev.text)
                    || l.right - prev.right >= width * 1.5);
            let resized = (size(l) - size(prev)).abs() > size(prev) * 0.1;
            indented || short || resized
        };
        match out.last_mut() {
            Some(p) if !opens => {
                let latin = p
                    .text
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                    && l.text.starts_with(|c: char| c.is_ascii_alphanumeric());
                if let Some(stem) = p.text.strip_suffix(['-', '¬']).filter(|_| latin) {
                    p.text = stem.to_string();
                } else if latin {
                    p.text.push(' ');
                }
                p.text.push_str(&l.text);
                p.size = p.size.max(size(l));
            }
            _ => out.push(LayoutPara {
                text: l.text.clone(),
                size: size(l),
                at: l.at,
                furniture: false,
                role: None,
                article: None,
                page_break: false,
            }),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// PAGE XML (PRImA's page content schema, as Transkribus and OCR-D write it)

/// A PAGE document's paragraphs: each `TextRegion` holding lines one paragraph
/// in the page's reading order (its `ReadingOrder`'s indexes, else the file's),
/// its text its `TextLine`s' own `TextEquiv`s (the region's `TextEquiv` repeats
/// them) joined as lines are read, what it is by its type (the schema's `type`
/// attribute, or Transkribus's `structure {type:…;}` in `custom`).
fn page_xml(root: &Element) -> Vec<LayoutPara> {
    let all = root.descendants();
    // `RegionRefIndexed`s: a region's place in reading order.
    let mut order: Vec<(usize, &str)> = all
        .iter()
        .filter(|e| e.name == "regionrefindexed")
        .filter_map(|e| Some((num(e, "index")? as usize, e.attr("regionref")?)))
        .collect();
    order.sort_by_key(|o| o.0);
    let place = |e: &Element| {
        e.attr("id")
            .and_then(|id| order.iter().position(|o| o.1 == id))
            .unwrap_or(usize::MAX)
    };
    let mut regions: Vec<(usize, usize, &Element)> = all
        .iter()
        .filter(|e| e.name == "textregion")
        .enumerate()
        .map(|(i, e)| (place(e), i, *e))
        .collect();
    regions.sort_by_key(|r| (r.0, r.1));
    let mut out = Vec::new();
    for (_, _, region) in regions {
        let lines: Vec<String> = region
            .elements()
            .filter(|e| e.name == "textline")
            .map(page_line)
            .filter(|t| !t.is_empty())
            .collect();
        let text = if lines.is_empty() {
            // A region transcribed without lines: its own text, line by line.
            region
                .elements()
                .find(|e| e.name == "textequiv")
                .map_or(String::new(), |e| squeeze(&unicode_of(e)))
        } else {
            squeeze(&lines.join("\n"))
        };
        if text.is_empty() {
            continue;
        }
        let kind = region_type(region);
        out.push(LayoutPara {
            text,
            size: 0.0,
            at: region.at,
            furniture: matches!(
                kind.as_str(),
                "header" | "footer" | "page-number" | "catch-word" | "signature-mark"
            ),
            role: match kind.as_str() {
                "heading" => Some(Role::Title),
                "credit" => Some(Role::Field(DraftField::Byline)),
                _ => None,
            },
            article: None,
            page_break: false,
        });
    }
    out
}

/// A PAGE `TextRegion`'s type: its `type` attribute, else the `structure` of its
/// `custom` attribute (`readingOrder {index:2;} structure {type:heading;}`).
fn region_type(region: &Element) -> String {
    if let Some(t) = region.attr("type") {
        return t.trim().to_ascii_lowercase();
    }
    let custom = region.attr("custom").unwrap_or("");
    custom
        .split_once("structure")
        .and_then(|(_, rest)| rest.split_once("type:"))
        .map(|(_, rest)| rest.split([';', '}']).next().unwrap_or(""))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// A `TextLine`'s text: its own `TextEquiv`, else its `Word`s' (a space between
/// two Latin words, none between Chinese characters).
fn page_line(line: &Element) -> String {
    if let Some(e) = line.elements().find(|e| e.name == "textequiv") {
        return squeeze(&unicode_of(e));
    }
    let words: Vec<String> = line
        .elements()
        .filter(|e| e.name == "word")
        .filter_map(|w| w.elements().find(|e| e.name == "textequiv"))
        .map(|e| squeeze(&unicode_of(e)))
        .collect();
    join_words(words.iter().map(String::as_str))
}

/// A `TextEquiv`'s `Unicode` text.
fn unicode_of(equiv: &Element) -> String {
    let mut out = String::new();
    for u in equiv.elements().filter(|e| e.name == "unicode") {
        for c in &u.children {
            if let Node::Text(t, _) = c {
                out.push_str(t);
            }
        }
    }
    out
}

/// Words of one line as read: a space between two Latin words, none between
/// Chinese characters (nor where a word keeps its own space).
fn join_words<'w>(words: impl Iterator<Item = &'w str>) -> String {
    let mut out = String::new();
    for w in words {
        let w = w.trim_matches(|c: char| c.is_ascii_whitespace());
        if w.is_empty() {
            continue;
        }
        let latin = out
            .chars()
            .last()
            .is_some_and(|p| p.is_ascii_alphanumeric() || p.is_ascii_punctuation())
            && w.starts_with(|n: char| n.is_ascii_alphanumeric());
        if latin {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

// ---------------------------------------------------------------------------
// DjVu XML (the DjVuXML DTD's hidden text, as the Internet Archive serves it)

/// A DjVu XML document's paragraphs: each `OBJECT` a page (a page break before
/// all but the first), each `PARAGRAPH` a paragraph of its `LINE`s, a line of its
/// `WORD`s, its size its tallest line's height (a `WORD`'s `coords` are its
/// left, bottom, right and top edges).
fn djvu(root: &Element) -> Vec<LayoutPara> {
    let mut out = Vec::new();
    let pages: Vec<&Element> = root
        .descendants()
        .into_iter()
        .filter(|e| e.name == "object")
        .collect();
    for (k, object) in pages.into_iter().enumerate() {
        let mut first = k > 0;
        for para in object
            .descendants()
            .into_iter()
            .filter(|e| e.name == "paragraph")
        {
            let mut lines = Vec::new();
            let mut size: f64 = 0.0;
            for line in para.descendants().into_iter().filter(|e| e.name == "line") {
                let words: Vec<&Element> = line
                    .descendants()
                    .into_iter()
                    .filter(|e| e.name == "word")
                    .collect();
                for w in &words {
                    size = size.max(word_height(w));
                }
                let texts: Vec<String> = words.iter().map(|w| element_text(w)).collect();
                let text = join_words(texts.iter().map(String::as_str));
                if !text.is_empty() {
                    lines.push(text);
                }
            }
            let text = squeeze(&lines.join("\n"));
            if text.is_empty() {
                continue;
            }
            out.push(LayoutPara {
                text,
                size,
                at: para.at,
                furniture: false,
                role: None,
                article: None,
                page_break: std::mem::take(&mut first),
            });
        }
    }
    out
}

/// A DjVu `WORD`'s height, from its `coords` (`left,bottom,right,top`).
fn word_height(w: &Element) -> f64 {
    let c: Vec<f64> = w
        .attr("coords")
        .unwrap_or("")
        .split(',')
        .filter_map(|v| v.trim().parse().ok())
        .collect();
    match c[..] {
        [_, bottom, _, top, ..] => (bottom - top).abs(),
        _ => 0.0,
    }
}

// ---------------------------------------------------------------------------
// hOCR (an OCR engine's layout as HTML, as Tesseract and OCRopus write it)

/// An element's hOCR classes (`class="ocr_line"`).
fn has_class(e: &Element, class: &str) -> bool {
    e.attr("class")
        .is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

/// An `html` document is hOCR when its elements carry the format's line classes.
fn is_hocr(html: &Element) -> bool {
    html.descendants().iter().any(|e| is_hocr_line(e))
}

/// The classes of a printed line in hOCR (a running text's, a head's, a caption's).
fn is_hocr_line(e: &Element) -> bool {
    [
        "ocr_line",
        "ocrx_line",
        "ocr_header",
        "ocr_caption",
        "ocr_textfloat",
    ]
    .iter()
    .any(|c| has_class(e, c))
}

/// A property of an hOCR element's `title` (`bbox 10 20 300 60; x_size 38`): its numbers.
fn hocr_property(e: &Element, name: &str) -> Vec<f64> {
    e.attr("title")
        .unwrap_or("")
        .split(';')
        .find_map(|p| {
            let mut words = p.split_whitespace();
            (words.next() == Some(name)).then(|| words.filter_map(|w| w.parse().ok()).collect())
        })
        .unwrap_or_default()
}

/// An hOCR element's box: left, top, right and bottom edges.
fn hocr_box(e: &Element) -> Option<[f64; 4]> {
    match hocr_property(e, "bbox")[..] {
        [x0, y0, x1, y1] => Some([x0, y0, x1, y1]),
        _ => None,
    }
}

/// An hOCR document's paragraphs, read as ALTO's are: each `ocr_page` a page (a
/// page break before all but the first), each `ocr_par` (else `ocr_carea`) a block
/// of lines, cut where a line is indented or its size changes; a line's size its
/// `x_size`, else its box's height, its text its `ocrx_word`s (a space where the
/// gap between two words' boxes is half a line's height or more, as printed). A
/// line of nothing but rule strokes (a column rule the engine read as `｜｜｜`)
/// is no text.
fn hocr(html: &Element) -> Vec<LayoutPara> {
    let all = html.descendants();
    let mut pages: Vec<&Element> = all
        .iter()
        .copied()
        .filter(|e| has_class(e, "ocr_page"))
        .collect();
    if pages.is_empty() {
        pages.push(html);
    }
    let mut out = Vec::new();
    for (k, page) in pages.into_iter().enumerate() {
        let inside = page.descendants();
        let of_class = |class: &str| -> Vec<&Element> {
            inside
                .iter()
                .copied()
                .filter(|e| has_class(e, class))
                .collect()
        };
        let mut blocks = of_class("ocr_par");
        if blocks.is_empty() {
            blocks = of_class("ocr_carea");
        }
        if blocks.is_empty() {
            blocks.push(page);
        }
        let mut first = k > 0;
        for block in blocks {
            let lines: Vec<AltoLine> = block
                .descendants()
                .into_iter()
                .filter(|e| is_hocr_line(e))
                .map(hocr_line)
                .filter(|l| !l.text.is_empty() && !is_drawn_rule(&l.text))
                .collect();
            for p in paragraphs(&lines) {
                out.push(LayoutPara {
                    page_break: std::mem::take(&mut first),
                    ..p
                });
            }
        }
    }
    out
}

/// An hOCR line: its words' texts and its box. A column of type set vertically
/// (`textangle 90`, or a box far taller than wide) is read as a line turned on its
/// side: its top is where it opens, its bottom where it ends, its width its height.
fn hocr_line(line: &Element) -> AltoLine {
    let [x0, y0, x1, y1] = hocr_box(line).unwrap_or_default();
    let vertical = hocr_property(line, "textangle")
        .first()
        .is_some_and(|a| (a.abs() - 90.0).abs() < 1.0)
        || (y1 - y0) > 3.0 * (x1 - x0).max(1.0);
    // Where the line opens and ends along its direction, and its breadth across it.
    let along = |b: [f64; 4]| if vertical { (b[1], b[3]) } else { (b[0], b[2]) };
    let (left, right) = along([x0, y0, x1, y1]);
    let height = if vertical { x1 - x0 } else { y1 - y0 }.abs();
    let words: Vec<&Element> = line
        .descendants()
        .into_iter()
        .filter(|e| has_class(e, "ocrx_word"))
        .collect();
    let mut text = String::new();
    if words.is_empty() {
        text = squeeze(&element_text(line));
    }
    let mut last_right: Option<f64> = None;
    for w in words {
        // A word keeps the full-width space it was read with (`　星期`).
        let text_of = element_text(w);
        let word = text_of.trim_matches(|c: char| c.is_ascii_whitespace());
        if word.is_empty() {
            continue;
        }
        let b = hocr_box(w).map(along);
        let wide = match (last_right, b) {
            (Some(r), Some(b)) => height > 0.0 && b.0 - r >= height * 0.5,
            _ => false,
        };
        let latin = text
            .chars()
            .last()
            .is_some_and(|p| p.is_ascii_alphanumeric())
            && word.starts_with(|n: char| n.is_ascii_alphanumeric());
        if !text.is_empty() && (wide || latin) {
            text.push(' ');
        }
        text.push_str(word);
        last_right = b.map(|b| b.1).or(last_right);
    }
    let size = hocr_property(line, "x_size").first().copied();
    AltoLine {
        text,
        left,
        right,
        height,
        size: size.or((height > 0.0).then_some(height)),
        at: line.at,
    }
}

/// All the text under an element.
fn element_text(e: &Element) -> String {
    let mut out = String::new();
    for c in &e.children {
        match c {
            Node::Text(t, _) => out.push_str(t),
            Node::Element(c) => out.push_str(&element_text(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment_issue;

    fn heads(text: &str) -> Vec<(String, String, String, String, usize)> {
        segment_issue(text, "x")
            .iter()
            .map(|a| {
                (
                    a.kicker.clone(),
                    a.title.clone(),
                    a.subtitle.clone(),
                    a.byline.clone(),
                    a.paragraphs.len(),
                )
            })
            .collect()
    }

    fn h(k: &str, t: &str, s: &str, b: &str, n: usize) -> (String, String, String, String, usize) {
        (k.into(), t.into(), s.into(), b.into(), n)
    }

    const TEI: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>洄川日报 1956年4月2日 第二版</title></titleStmt>
      <sourceDesc><p>据馆藏原件录入。</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <pb n="2"/>
      <fw type="header">洄川日报　　第二版</fw>
      <div type="article">
        <head type="kicker">春耕生产</head>
        <head>沙湾乡社员抢修水渠</head>
        <byline>本报记者　<persName>苗青禾</persName></byline>
        <p><dateline>本报讯</dateline>　沙湾乡十二个农业社的社员，<lb/>连日抢修水渠二十多里。</p>
        <p>乡里还请来县农场的技术员，<choice><sic>知导</sic><corr>指导</corr></choice>社员选种。</p>
      </div>
      <div type="article">
        <head>城关小学开办夜校</head>
        <p>城关小学利用晚上开办夜校，附近八十多位农民报名入学。</p>
        <figure><head>夜校上课的情景</head></figure>
      </div>
    </body>
  </text>
</TEI>
"#;

    /// A TEI transcription: each `div` with a head is an article, its typed head
    /// a kicker, the byline a byline; the header, the running head and the
    /// uncorrected reading are no text; a figure's head is no title.
    #[test]
    fn a_tei_transcription_is_read_by_its_elements() {
        assert_eq!(
            heads(TEI),
            [
                h("春耕生产", "沙湾乡社员抢修水渠", "", "本报记者　苗青禾", 2),
                h("", "城关小学开办夜校", "", "", 2),
            ]
        );
        let a = segment_issue(TEI, "x");
        assert_eq!(
            a[0].paragraphs[0],
            "本报讯　沙湾乡十二个农业社的社员，连日抢修水渠二十多里。"
        );
        assert!(a[0].paragraphs[1].contains("指导社员选种"), "{a:?}");
        let all: String = a
            .iter()
            .flat_map(|a| a.paragraphs.iter())
            .cloned()
            .collect();
        assert!(!all.contains("据馆藏") && !all.contains("知导"), "{all}");
    }

    const ALTO: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
  <Description><MeasurementUnit>pixel</MeasurementUnit></Description>
  <Styles>
    <TextStyle ID="body" FONTSIZE="9"/>
    <TextStyle ID="big" FONTSIZE="22"/>
    <TextStyle ID="mid" FONTSIZE="13"/>
  </Styles>
  <Layout><Page ID="p1" WIDTH="2000" HEIGHT="3000">
    <TopMargin><TextBlock ID="tm"><TextLine HPOS="100" VPOS="10" WIDTH="600" HEIGHT="30"><String CONTENT="洄川日报"/><SP/><String CONTENT="第3版"/></TextLine></TextBlock></TopMargin>
    <PrintSpace>
      <TextBlock ID="b1" STYLEREFS="big"><TextLine HPOS="100" VPOS="100" WIDTH="700" HEIGHT="70"><String CONTENT="湿地迎来"/><SP WIDTH="4"/><String CONTENT="越冬候鸟"/></TextLine></TextBlock>
      <TextBlock ID="b2" STYLEREFS="body"><TextLine HPOS="100" VPOS="200" WIDTH="300" HEIGHT="30"><String CONTENT="本报记者"/><SP WIDTH="30"/><String CONTENT="贺远山"/></TextLine></TextBlock>
      <TextBlock ID="b3" STYLEREFS="body">
        <TextLine HPOS="160" VPOS="250" WIDTH="840" HEIGHT="30"><String CONTENT="入冬以来，琤江湿地迎来"/></TextLine>
        <TextLine HPOS="100" VPOS="290" WIDTH="900" HEIGHT="30"><String CONTENT="大批越冬候鸟。"/></TextLine>
        <TextLine HPOS="160" VPOS="330" WIDTH="840" HEIGHT="30"><String CONTENT="保护站增派了巡护员，"/></TextLine>
        <TextLine HPOS="100" VPOS="370" WIDTH="900" HEIGHT="30"><String CONTENT="每天巡查两次。"/></TextLine>
      </TextBlock>
      <TextBlock ID="b4" STYLEREFS="big"><TextLine HPOS="100" VPOS="500" WIDTH="700" HEIGHT="70"><String CONTENT="老街夜市重新开张"/></TextLine></TextBlock>
      <TextBlock ID="b5" STYLEREFS="body"><TextLine HPOS="160" VPOS="600" WIDTH="840" HEIGHT="30"><String CONTENT="停业两年的老街夜市上周末重新开张，八十多个摊位坐满了人。"/></TextLine></TextBlock>
    </PrintSpace>
    <BottomMargin><TextBlock ID="bm"><TextLine HPOS="900" VPOS="2950" WIDTH="100" HEIGHT="30"><String CONTENT="3"/></TextLine></TextBlock></BottomMargin>
  </Page></Layout>
</alto>
"#;

    /// An ALTO page: blocks in a large font are heads, a block's indented lines
    /// open its paragraphs, the margins' blocks are furniture.
    #[test]
    fn an_alto_page_is_cut_by_its_font_sizes_and_indents() {
        assert_eq!(
            heads(ALTO),
            [
                h("", "湿地迎来越冬候鸟", "", "本报记者 贺远山", 2),
                h("", "老街夜市重新开张", "", "", 1),
            ]
        );
        let a = segment_issue(ALTO, "x");
        assert_eq!(
            a[0].paragraphs[..],
            [
                "入冬以来，琤江湿地迎来大批越冬候鸟。".to_string(),
                "保护站增派了巡护员，每天巡查两次。".to_string()
            ]
        );
    }

    const PAGE_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15">
  <Metadata><Creator>Transkribus</Creator><Created>2027-02-20T09:12:33</Created></Metadata>
  <Page imageFilename="p3.jpg" imageWidth="3000" imageHeight="5000">
    <ReadingOrder><OrderedGroup id="ro">
      <RegionRefIndexed index="0" regionRef="r1"/>
      <RegionRefIndexed index="1" regionRef="r2"/>
      <RegionRefIndexed index="2" regionRef="r3"/>
      <RegionRefIndexed index="3" regionRef="r4"/>
      <RegionRefIndexed index="4" regionRef="r5"/>
      <RegionRefIndexed index="5" regionRef="r6"/>
    </OrderedGroup></ReadingOrder>
    <TextRegion id="r6" type="paragraph">
      <Coords points="100,200 300,200 300,900 100,900"/>
      <TextLine id="r6l1"><Coords points="0,0 1,1"/><TextEquiv><Unicode>城南街道近日開辦</Unicode></TextEquiv></TextLine>
      <TextLine id="r6l2"><Coords points="0,0 1,1"/><TextEquiv><Unicode>夜校，報名者百餘人。</Unicode></TextEquiv></TextLine>
      <TextEquiv><Unicode>城南街道近日開辦
夜校，報名者百餘人。</Unicode></TextEquiv>
    </TextRegion>
    <TextRegion id="r1" custom="readingOrder {index:0;} structure {type:page-number;}">
      <TextLine id="r1l1"><TextEquiv><Unicode>第三版</Unicode></TextEquiv></TextLine>
    </TextRegion>
    <TextRegion id="r2" custom="readingOrder {index:1;} structure {type:heading;}">
      <TextLine id="r2l1"><TextEquiv><Unicode>省府決定疏</Unicode></TextEquiv></TextLine>
      <TextLine id="r2l2"><TextEquiv><Unicode>浚湄水航道</Unicode></TextEquiv></TextLine>
      <TextEquiv><Unicode>省府決定疏
浚湄水航道</Unicode></TextEquiv>
    </TextRegion>
    <TextRegion id="r3" custom="readingOrder {index:2;} structure {type:credit;}">
      <TextLine id="r3l1"><TextEquiv><Unicode>本報特約記者　仉孤鴻</Unicode></TextEquiv></TextLine>
    </TextRegion>
    <TextRegion id="r4" custom="readingOrder {index:3;} structure {type:paragraph;}">
      <TextLine id="r4l1"><TextEquiv><Unicode>省政府昨日開會，議決疏浚</Unicode></TextEquiv></TextLine>
      <TextLine id="r4l2"><TextEquiv><Unicode>湄水航道，限於秋汛以前完工。</Unicode></TextEquiv></TextLine>
      <TextEquiv><Unicode>省政府昨日開會，議決疏浚
湄水航道，限於秋汛以前完工。</Unicode></TextEquiv>
    </TextRegion>
    <TextRegion id="r5" type="heading">
      <TextLine id="r5l1"><TextEquiv><Unicode>城南開辦夜校</Unicode></TextEquiv></TextLine>
    </TextRegion>
  </Page>
</PcGts>
"#;

    /// A PAGE XML page (as Transkribus exports one): its regions in reading order,
    /// typed by the schema's attribute or Transkribus's `structure`; a heading's
    /// lines (an old page's columns) one title, joined with nothing; a region's
    /// closing `TextEquiv`, which repeats its lines, read once; the page number no
    /// text.
    #[test]
    fn a_page_xml_page_is_read_by_its_regions_types() {
        assert_eq!(
            heads(PAGE_XML),
            [
                h("", "省府決定疏浚湄水航道", "", "本報特約記者　仉孤鴻", 1),
                h("", "城南開辦夜校", "", "", 1),
            ]
        );
        let a = segment_issue(PAGE_XML, "x");
        assert_eq!(
            a[0].paragraphs[0],
            "省政府昨日開會，議決疏浚湄水航道，限於秋汛以前完工。"
        );
        assert_eq!(a[1].paragraphs[0], "城南街道近日開辦夜校，報名者百餘人。");
        let all: String = a
            .iter()
            .flat_map(|a| a.paragraphs.iter())
            .cloned()
            .collect();
        assert!(
            !all.contains("第三版") && !all.contains("Transkribus"),
            "{all}"
        );
    }

    const DJVU: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE DjVuXML PUBLIC "-//W3C//DTD DjVuXML 1.1//EN" "pubtext/DjVuXML-s.dtd">
<DjVuXML>
<HEAD></HEAD>
<BODY>
<OBJECT data="file://localhost/x.djvu" type="image/x.djvu" usemap="x_0001.djvu" width="3000" height="4000">
<PARAM name="PAGE" value="x_0001.djvu" />
<HIDDENTEXT><PAGECOLUMN><REGION>
<PARAGRAPH><LINE><WORD coords="180,362,636,286">郊区开展植</WORD><WORD coords="636,362,712,286">树活动</WORD></LINE></PARAGRAPH>
<PARAGRAPH>
<LINE><WORD coords="180,430,388,378">本报讯　</WORD><WORD coords="388,430,908,378">郊区各公社利用春耕前</WORD></LINE>
<LINE><WORD coords="180,498,492,446">的空隙开展植树</WORD><WORD coords="492,498,908,446">活动，已植树八万多株。</WORD></LINE>
</PARAGRAPH>
<PARAGRAPH><LINE><WORD coords="180,566,492,514">各公社还组织了护林小组。</WORD></LINE></PARAGRAPH>
</REGION></PAGECOLUMN></HIDDENTEXT>
</OBJECT>
<OBJECT data="file://localhost/x.djvu" type="image/x.djvu" usemap="x_0002.djvu" width="3000" height="4000">
<HIDDENTEXT><PAGECOLUMN><REGION>
<PARAGRAPH><LINE><WORD coords="180,362,636,286">市文化馆举办</WORD></LINE><LINE><WORD coords="180,450,480,374">讲习班</WORD></LINE></PARAGRAPH>
<PARAGRAPH><LINE><WORD coords="180,530,388,478">本报记者　</WORD><WORD coords="388,530,600,478">滕志坚</WORD></LINE></PARAGRAPH>
<PARAGRAPH>
<LINE><WORD coords="180,598,908,546">市文化馆最近举办了农民业余</WORD></LINE>
<LINE><WORD coords="180,666,908,614">作者讲习班，四十多人参加。</WORD></LINE>
</PARAGRAPH>
</REGION></PAGECOLUMN></HIDDENTEXT>
</OBJECT>
</BODY>
</DjVuXML>
"#;

    /// A DjVu XML text layer (as the Internet Archive serves one): each `OBJECT` a
    /// page, each `PARAGRAPH` a paragraph of its `LINE`s, a line its `WORD`s joined
    /// with nothing; paragraphs set in taller lines than the body's are heads.
    #[test]
    fn a_djvu_text_layer_is_cut_by_its_paragraphs_and_heights() {
        assert_eq!(
            heads(DJVU),
            [
                h("", "郊区开展植树活动", "", "", 2),
                h("", "市文化馆举办讲习班", "", "本报记者　滕志坚", 1),
            ]
        );
        let a = segment_issue(DJVU, "x");
        assert_eq!(
            a[0].paragraphs[0],
            "本报讯　郊区各公社利用春耕前的空隙开展植树活动，已植树八万多株。"
        );
        assert!(!a[0].paragraphs.join("").contains("x_0001"), "{a:?}");
    }

    const HOCR: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
 <head>
  <title></title>
  <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>
  <meta name='ocr-system' content='tesseract 5.3.0' />
 </head>
 <body>
  <div class='ocr_page' id='page_1' title='image "p2.png"; bbox 0 0 2000 3000; ppageno 0'>
   <div class='ocr_carea' id='block_1_1' title="bbox 200 100 1200 180">
    <p class='ocr_par' id='par_1_1' lang='chi_sim' title="bbox 200 100 1200 180">
     <span class='ocr_line' id='line_1_1' title="bbox 200 100 1200 180; x_size 80">
      <span class='ocrx_word' id='word_1_1' title='bbox 200 100 520 180; x_wconf 93'>湿地迎来</span>
      <span class='ocrx_word' id='word_1_2' title='bbox 520 100 840 180; x_wconf 95'>越冬候鸟</span>
     </span>
    </p>
   </div>
   <div class='ocr_carea' id='block_1_2' title="bbox 200 200 1200 240">
    <p class='ocr_par' id='par_1_2' lang='chi_sim' title="bbox 200 200 1200 240">
     <span class='ocr_line' id='line_1_2' title="bbox 200 200 700 240; x_size 40">
      <span class='ocrx_word' id='word_1_3' title='bbox 200 200 360 240'>本报记者</span>
      <span class='ocrx_word' id='word_1_4' title='bbox 400 200 520 240'>贺远山</span>
     </span>
    </p>
   </div>
   <div class='ocr_carea' id='block_1_3' title="bbox 200 260 1200 500">
    <p class='ocr_par' id='par_1_3' lang='chi_sim' title="bbox 200 260 1200 500">
     <span class='ocr_line' id='line_1_3' title="bbox 240 260 1200 300; x_size 40">
      <span class='ocrx_word' title='bbox 240 260 1200 300'>入冬以来，琤江湿地迎来大批</span>
     </span>
     <span class='ocr_line' id='line_1_4' title="bbox 200 310 800 350; x_size 40">
      <span class='ocrx_word' title='bbox 200 310 800 350'>越冬候鸟。</span>
     </span>
     <span class='ocr_line' id='line_1_5' title="bbox 240 360 1200 400; x_size 40">
      <span class='ocrx_word' title='bbox 240 360 1200 400'>保护站增派了巡护员，每天</span>
     </span>
     <span class='ocr_line' id='line_1_6' title="bbox 200 410 700 450; x_size 40">
      <span class='ocrx_word' title='bbox 200 410 700 450'>巡查两次。</span>
     </span>
    </p>
   </div>
  </div>
  <div class='ocr_page' id='page_2' title='image "p3.png"; bbox 0 0 2000 3000; ppageno 1'>
   <div class='ocr_carea' id='block_2_1' title="bbox 200 100 1200 180">
    <p class='ocr_par' id='par_2_1' lang='chi_sim' title="bbox 200 100 1200 180">
     <span class='ocr_line' id='line_2_1' title="bbox 200 100 1000 180; x_size 80">
      <span class='ocrx_word' title='bbox 200 100 1000 180'>老街夜市重新开张</span>
     </span>
    </p>
    <p class='ocr_par' id='par_2_2' lang='chi_sim' title="bbox 200 200 1200 300">
     <span class='ocr_line' id='line_2_2' title="bbox 240 200 1200 240; x_size 40">
      <span class='ocrx_word' title='bbox 240 200 1200 240'>停业两年的老街夜市上周末重新</span>
     </span>
     <span class='ocr_line' id='line_2_3' title="bbox 200 250 900 290; x_size 40">
      <span class='ocrx_word' title='bbox 200 250 900 290'>开张，摊位坐满了人。</span>
     </span>
    </p>
   </div>
  </div>
 </body>
</html>
"#;

    /// An hOCR page (as Tesseract writes one) is read as an ALTO page is: lines set
    /// larger than the body's are heads, an indented line opens a paragraph, a wide
    /// gap between two words' boxes is a space; its `head` is no text.
    #[test]
    fn an_hocr_page_is_cut_by_its_line_sizes_and_indents() {
        // The ALTO page above as Tesseract writes it: the same heads and text.
        assert_eq!(heads(HOCR), heads(ALTO));
        let a = segment_issue(HOCR, "x");
        assert_eq!(a[0].paragraphs, segment_issue(ALTO, "x")[0].paragraphs);
        assert_eq!(
            a[1].paragraphs[0],
            "停业两年的老街夜市上周末重新开张，摊位坐满了人。"
        );
        let all: String = a
            .iter()
            .flat_map(|a| a.paragraphs.iter())
            .cloned()
            .collect();
        assert!(
            !all.contains("tesseract") && !all.contains("p2.png"),
            "{all}"
        );
    }

    /// A web page that merely uses a class named like hOCR's page is still a web page.
    #[test]
    fn a_web_page_without_hocr_lines_is_not_read_as_hocr() {
        let page =
            "<html><body><div class='ocr_page'><h1>标题</h1><p>正文。</p></div></body></html>\n";
        assert!(units(page).is_none());
    }

    const NEWS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<articles>
  <article id="1">
    <section>民生</section>
    <headline>沙河镇新修三座便民桥</headline>
    <byline>本报记者　苗青禾</byline>
    <pubdate>2026-11-02</pubdate>
    <url>https://example.org/a/1.html</url>
    <body>
      <p>沙河镇三座便民桥日前完工，村民过河不再绕行五公里。</p>
      <p>桥由镇里统一设计，村民投工投劳。</p>
    </body>
  </article>
  <article id="2">
    <section>城事</section>
    <headline>老街夜市重新开张</headline>
    <subheadline>——一条老街的烟火气</subheadline>
    <pubdate>2026-11-02</pubdate>
    <body><p>停业两年的老街夜市上周末重新开张，八十多个摊位坐满了人。</p></body>
  </article>
</articles>
"#;

    /// A CMS's article export: one article an element, its fields by their names,
    /// its dates and addresses no text.
    #[test]
    fn an_article_export_is_one_article_an_element() {
        assert_eq!(
            heads(NEWS),
            [
                h("民生", "沙河镇新修三座便民桥", "", "本报记者　苗青禾", 2),
                h("城事", "老街夜市重新开张", "——一条老街的烟火气", "", 1),
            ]
        );
    }

    /// An Evernote export: a note's title printed with its site's name is the
    /// heading its own text repeats, or the title without the name; the note's
    /// dates, tags and attributes are no text.
    #[test]
    fn an_evernote_notes_title_loses_its_sites_name() {
        let page = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">
<en-export export-date="20261228T021530Z" application="Evernote">
  <note>
    <title>老楼加装电梯 邻里商量着办 - 澂岭日报</title>
    <created>20261222T013200Z</created>
    <tag>加装电梯</tag>
    <note-attributes><author>厍宛平</author><source-url>https://e.example/1.htm</source-url></note-attributes>
    <content>
      <![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">
<en-note>
<h1>老楼加装电梯 邻里商量着办</h1>
<div>澂岭日报记者 晏知秋</div>
<div><br/></div>
<div>棠梨巷小区是上世纪九十年代盖的老楼，六层楼没有电梯。</div>
<div>社区请来设计单位，前后开了九次楼道会。</div>
</en-note>]]>
    </content>
  </note>
  <note>
    <title>棠梨巷片区更新改造完成过半_蘅渚新闻网</title>
    <content><![CDATA[<en-note><div>蘅渚新闻网讯（记者邝一诺）记者12月14日从渚北区获悉，棠梨巷片区更新改造整体进度过半。</div></en-note>]]></content>
  </note>
</en-export>
"#;
        let got = heads(page);
        let titles: Vec<&str> = got.iter().map(|a| a.1.as_str()).collect();
        assert_eq!(
            titles,
            ["老楼加装电梯 邻里商量着办", "棠梨巷片区更新改造完成过半"],
            "{got:?}"
        );
        assert_eq!(got[0].4, 2, "{got:?}");
        assert_eq!(got[1].4, 1, "{got:?}");
    }

    /// Printed by other tools (hard-wrapped inside tags, heading marks and indents
    /// before lines, a running head above the declaration), a document reads as
    /// it does whole; one that is no XML is left to the text path.
    #[test]
    fn a_printed_document_reads_as_the_document() {
        for page in [TEI, ALTO, NEWS, PAGE_XML, DJVU] {
            let whole = heads(page);
            let chars: Vec<char> = page.chars().collect();
            let wrapped: String = chars
                .chunks(30)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("\n");
            let trimmed: String = page.lines().map(|l| format!("{}\n", l.trim())).collect();
            let wrapped_trimmed: String = trimmed
                .lines()
                .flat_map(|l| {
                    let c: Vec<char> = l.chars().collect();
                    c.chunks(30)
                        .map(|c| c.iter().collect::<String>())
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
                .join("\n");
            let marked: String = page
                .lines()
                .map(|l| {
                    let t = l.trim();
                    if t.chars().count() <= 24 && !t.is_empty() {
                        format!("### {t}\n")
                    } else {
                        format!("\u{3000}\u{3000}{t}\n")
                    }
                })
                .collect();
            let headed = format!("晋北日报  2025年3月5日  要闻\n{page}");
            for printed in [wrapped, wrapped_trimmed, marked, headed] {
                assert_eq!(heads(&printed), whole, "{printed}");
            }
        }
        assert!(units("本报讯　今天下雨。\n").is_none());
        assert!(units("<html><body><p>网页</p></body></html>").is_none());
    }

    /// Bad XML never panics, whatever is cut off or repeated.
    #[test]
    fn broken_documents_never_panic() {
        for page in [TEI, ALTO, NEWS, PAGE_XML, DJVU] {
            for cut in (0..page.len()).step_by(37) {
                if page.is_char_boundary(cut) {
                    let _ = units(&page[..cut]);
                    let _ = segment_issue(&page[..cut], "x");
                }
            }
        }
        let deep = "<a>".repeat(5000);
        assert!(units(&deep).is_none());
    }
}

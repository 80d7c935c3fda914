//! A page that is an HTML document (a web page a browser saved, a crawler's
//! payload: see `web_archive`), parsed as a browser parses it (html5ever, through
//! `scraper`) and read as a reader view reads it:
//!
//! - headings `h1`-`h6` are heads (their level kept, as a converter's heading
//!   marks are: a hint the page path weighs); a document without one has its
//!   `og:title` or `<title>` as its head, without the site's name;
//! - paragraphs, list items, table cells, captions and `<br>`-separated lines are
//!   text, a unit each;
//! - what is no article is dropped: the document's head, scripts, styles, forms,
//!   `nav`, `aside`, `footer` (and a `header` holding no heading), hidden
//!   elements, an element whose class or id names a page's furniture as reader
//!   views know it (a menu, a breadcrumb trail, related links, comments, sharing
//!   buttons, a copyright footer) and a block that is mostly links (a list of
//!   links to other pages).
//!
//! A page printed by another tool is read tolerantly, as `xml_pages` reads a
//! document: a line cut inside a tag is joined to the next, heading marks and
//! indents before lines are dropped, lines before the document are furniture, and
//! lines another tool put between a document's elements are units of their own
//! (the page path sets a running head or a page footer aside). A page that holds no
//! text is left to the text path (`None`).

use super::blocks::{Markup, Unit, trim};
use super::xml_pages::{LineMap, clean, is_data, squeeze, tidy_heads, without_marks};
use scraper::{ElementRef, Html, Node};
use std::borrow::Cow;

/// Elements nested deeper than this are read as flat text (no reader should
/// recurse without bound on a hostile file).
const MAX_DEPTH: usize = 120;

/// The units of `text` when it is an HTML document, else `None`.
pub fn units(text: &str) -> Option<Vec<Unit<'static>>> {
    if !opens_html(text) {
        return None;
    }
    let (head, tail) = text.split_at(document_end(text));
    // A converter's print that kept the doctype line (unhtml) is no document:
    // nothing after it is an element.
    if !holds_element(head) {
        return None;
    }
    let (doc, lines, before) = clean(head);
    let mut out: Vec<Unit<'static>> = before
        .into_iter()
        .map(|(line, t)| Unit::new(line, 1, Markup::Furniture, Cow::Owned(t)))
        .collect();
    out.extend(document_units(&doc, &lines)?);
    let base = head.lines().count();
    out.extend(tail.lines().enumerate().filter_map(|(i, l)| {
        let t = without_marks(trim(l)).replace('\x0c', "");
        (!t.is_empty()).then(|| Unit::new(base + i + 1, 1, Markup::Furniture, Cow::Owned(t)))
    }));
    mark_page_breaks(text, 0, &mut out);
    Some(out)
}

/// Where an HTML document ends in `text`: after the line of its last `</html>`
/// (lines after it, a print's credit or footer, are none of its text), else at
/// the end.
pub(super) fn document_end(text: &str) -> usize {
    let mut end = text.len();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        at += line.len();
        if closes_html(line) {
            end = at;
        }
    }
    end
}

/// A unit on a source line (of `text`, whose first line is line `base + 1`) that
/// a form feed opened follows a page break (a print's: `clean` dropped the feed).
pub(super) fn mark_page_breaks(text: &str, base: usize, units: &mut [Unit<'_>]) {
    if !text.contains('\x0c') {
        return;
    }
    let fed: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains('\x0c'))
        .map(|(i, _)| base + i + 1)
        .collect();
    for u in units {
        u.page_break |= fed.binary_search(&u.line).is_ok();
    }
}

/// One of the first lines opens an HTML document: its doctype or its `<html>`
/// (after an XML declaration, or the indent, heading marks or running head another
/// tool printed).
pub(super) fn opens_html(text: &str) -> bool {
    text.lines()
        .map(|l| without_marks(trim(l)))
        .filter(|l| !l.is_empty())
        .take(3)
        .any(opens_html_line)
}

/// A line (cleaned of a print's marks) that opens an HTML document: its
/// doctype or its `<html>`.
pub(super) fn opens_html_line(l: &str) -> bool {
    let head = l.get(..14).unwrap_or(l).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// `text` holds an element's tag (`<p>`, `</div>`, `<br/>`, `<a href=…>`), not only a
/// doctype or a comment (`<!…>`): the markup of a document, not a print that kept
/// its doctype line when it took every other tag off. A print stands its text on
/// its own lines; what it is read as there is the text path's.
fn holds_element(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        if c != b'<' {
            return false;
        }
        let rest = &b[i + 1..];
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        let name = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        name > 0
            && rest[0].is_ascii_alphabetic()
            && matches!(
                rest.get(name),
                Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
            )
    })
}

/// A line that ends an HTML document (`</html>` last on it).
pub(super) fn closes_html(line: &str) -> bool {
    let t = trim(line);
    t.len() >= 7
        && t.get(t.len() - 7..)
            .is_some_and(|e| e.eq_ignore_ascii_case("</html>"))
}

/// The characters of `t` that print (not white space).
fn ink(t: &str) -> usize {
    t.chars().filter(|c| !c.is_whitespace()).count()
}

/// The units of one HTML document (`doc`, cleaned; `lines` where its source lines
/// begin in it). `None` when it holds no text.
pub(super) fn document_units(doc: &str, lines: &LineMap) -> Option<Vec<Unit<'static>>> {
    let html = Html::parse_document(doc);
    let root = html.root_element();
    let body = root.child_elements().find(|e| e.value().name() == "body")?;
    // An OCR engine's layout (hOCR: `ocr_page`, `ocr_line` boxes) is no web page.
    if body.descendent_elements().take(64).any(|e| {
        e.value().attr("class").is_some_and(|c| {
            c.split_whitespace()
                .any(|w| w.starts_with("ocr_") || w.starts_with("ocrx_"))
        })
    }) {
        return None;
    }
    let mut page = Page {
        out: Vec::new(),
        doc,
        lines,
        // The units are looked for from the body on (the document title in
        // the head would take the heading's line).
        pos: doc.to_ascii_lowercase().find("<body").unwrap_or(0),
        buf: String::new(),
    };
    if !body
        .descendent_elements()
        .any(|e| heading_level(e).is_some())
        && let Some(title) = document_title(root)
    {
        page.push(Markup::Title, 1, title);
    }
    page.block(body, 0, None);
    tidy_heads(&mut page.out);
    page.out
        .iter()
        .any(|u| u.markup == Markup::None)
        .then_some(page.out)
}

/// A document's own title: its `og:title`, else its `<title>`.
fn document_title(root: ElementRef<'_>) -> Option<String> {
    let head = root.child_elements().find(|e| e.value().name() == "head")?;
    let og = head
        .child_elements()
        .filter(|e| e.value().name() == "meta")
        .find(|e| e.value().attr("property").or(e.value().attr("name")) == Some("og:title"))
        .and_then(|e| e.value().attr("content"))
        .map(squeeze);
    let title = || {
        head.child_elements()
            .find(|e| e.value().name() == "title")
            .map(|e| squeeze(&e.text().collect::<String>()))
    };
    og.filter(|t| !t.is_empty())
        .or_else(title)
        .filter(|t| !t.is_empty())
}

/// `h1`…`h6`: the heading's level.
fn heading_level(e: ElementRef<'_>) -> Option<u8> {
    let name = e.value().name();
    let digit = name.strip_prefix('h')?;
    digit
        .parse::<u8>()
        .ok()
        .filter(|d| (1..=6).contains(d) && digit.len() == 1)
}

/// Elements whose text runs on in their parent's.
const INLINE: [&str; 31] = [
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "ins",
    "kbd", "label", "mark", "nobr", "q", "ruby", "rb", "rt", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time",
];
const INLINE_TOO: [&str; 4] = ["tt", "u", "var", "wbr"];

fn is_inline(name: &str) -> bool {
    INLINE.contains(&name) || INLINE_TOO.contains(&name)
}

/// Elements of no article text: a document's head (and its elements wherever a
/// print's stray line put them: `<title>` after text is in the body), code, forms, embedded media,
/// a site's navigation and asides.
const DROPPED: [&str; 28] = [
    "head", "title", "meta", "link", "base", "script", "style", "noscript", "template", "nav",
    "aside", "footer", "form", "iframe", "svg", "math", "button", "select", "input", "textarea",
    "object", "embed", "canvas", "audio", "video", "img", "picture", "del",
];

/// Words in an element's class or id naming a page's furniture, as reader views
/// (Mozilla's Readability, whose list this follows) know them.
const FURNITURE_NAMES: [&str; 27] = [
    "menu",
    "breadcrumb",
    "crumb",
    "related",
    "comment",
    "share",
    "social",
    "sidebar",
    "footer",
    "header",
    "copyright",
    "banner",
    "pagination",
    "pager",
    "sponsor",
    "advert",
    "popup",
    "toolbar",
    "topbar",
    "masthead",
    "recommend",
    "remark",
    "replies",
    "disqus",
    "shoutbox",
    "skyscraper",
    "gdpr",
];

/// Words in a class or id that name an article's own part, overruling
/// [`FURNITURE_NAMES`] (`article-header`, `content-footer-note`).
const CONTENT_NAMES: [&str; 5] = ["article", "content", "main", "body", "story"];

/// An element that is no part of an article: dropped by its name, hidden, named
/// as furniture by its class or id, or a block of links.
fn is_dropped(e: ElementRef<'_>) -> bool {
    let v = e.value();
    let name = v.name();
    if is_dropped_in_itself(v) {
        return true;
    }
    if ["html", "body", "main", "article"].contains(&name) || heading_level(e).is_some() {
        return false;
    }
    let holds_heading = || {
        e.descendent_elements()
            .any(|d| heading_level(d).is_some_and(|l| l <= 2))
    };
    if name == "header" && !holds_heading() {
        return true;
    }
    let names = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    let words: Vec<&str> = names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let furniture = words.iter().any(|w| {
        FURNITURE_NAMES.iter().any(|f| w.contains(f)) || w.starts_with("nav") || w.ends_with("nav")
    });
    let content = words
        .iter()
        .any(|w| CONTENT_NAMES.iter().any(|c| w.contains(c)));
    if furniture && !content && !holds_heading() {
        return true;
    }
    !is_inline(name) && !holds_article_text(e) && is_link_block(e)
}

/// An element's text read flat, without recursion (for elements nested past
/// [`MAX_DEPTH`]), leaving out what is dropped by its name or hidden (a script's
/// code, a style sheet): the costlier tests of [`is_dropped`] (furniture names,
/// link blocks) look at every descendant and are not made at every level here.
fn flat_text(e: ElementRef<'_>, buf: &mut String) {
    // The nodes still to read, the next on top.
    let mut stack: Vec<_> = e.children().collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        match n.value() {
            Node::Text(t) => buf.push_str(t),
            Node::Element(v) if !is_dropped_in_itself(v) => {
                let at = stack.len();
                stack.extend(n.children());
                stack[at..].reverse();
            }
            _ => {}
        }
    }
}

/// An element of no article text by its name (a script, a style sheet, a
/// form) or hidden by its attributes.
fn is_dropped_in_itself(v: &scraper::node::Element) -> bool {
    DROPPED.contains(&v.name())
        || v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
        || v.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Whether a block holds an article's own text: a heading, or a paragraph of
/// words that are not links (a portal's wrapper holding the story and a long
/// list of related links is no block of links).
fn holds_article_text(e: ElementRef<'_>) -> bool {
    e.descendent_elements().any(|d| {
        heading_level(d).is_some()
            || (d.value().name() == "p" && {
                let all: usize = d.text().map(ink).sum();
                let linked: usize = d
                    .descendent_elements()
                    .filter(|a| a.value().name() == "a")
                    .flat_map(|a| a.text())
                    .map(ink)
                    .sum();
                all.saturating_sub(linked) >= 20
            })
    })
}

/// A block whose text is mostly the text of two or more links (a menu, a list of
/// other pages): no article's.
fn is_link_block(e: ElementRef<'_>) -> bool {
    let all: usize = e.text().map(ink).sum();
    if all == 0 {
        return false;
    }
    let links: Vec<ElementRef<'_>> = e
        .descendent_elements()
        .filter(|d| d.value().name() == "a")
        .collect();
    if links.len() < 2 {
        return false;
    }
    let linked: usize = links.iter().flat_map(|a| a.text()).map(ink).sum();
    linked * 10 >= all * 7
}

/// How far ahead of the last unit's place a unit's text is looked for in the
/// document.
const LINE_WINDOW: usize = 16 * 1024;

/// The units being printed.
struct Page<'d> {
    out: Vec<Unit<'static>>,
    doc: &'d str,
    lines: &'d LineMap,
    /// Where the last unit's text was found in `doc`.
    pos: usize,
    /// Text gathered for the next unit.
    buf: String,
}

impl Page<'_> {
    /// The source line of `text`: where it (its first characters) stands in the
    /// document after the last unit's, looked for within [`LINE_WINDOW`] bytes
    /// (a text whose source is spelt otherwise, with character entities or
    /// tags inside it, keeps the last unit's line instead of costing a scan
    /// of the rest of the document: a page of many such paragraphs read in
    /// time quadratic in its length).
    fn line_of(&mut self, text: &str) -> usize {
        let mut end = (self.pos + LINE_WINDOW).min(self.doc.len());
        while !self.doc.is_char_boundary(end) {
            end -= 1;
        }
        let window = self.doc.get(self.pos..end).unwrap_or("");
        let found = [8, 2].into_iter().find_map(|n| {
            let cut = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
            let probe = &text[..cut];
            (!probe.is_empty()).then(|| window.find(probe)).flatten()
        });
        if let Some(at) = found {
            self.pos += at;
        }
        let i = self.lines.partition_point(|&(_, start)| start <= self.pos);
        self.lines.get(i.saturating_sub(1)).map_or(1, |l| l.0)
    }

    fn push(&mut self, markup: Markup, level: u8, text: String) {
        let line = self.line_of(&text);
        let mut u = Unit::new(line, 1, markup, Cow::Owned(text));
        u.level = level;
        self.out.push(u);
    }

    /// The text gathered as one unit (`heading`: of that level), or, when it
    /// stood between blocks (`by_line`), a unit a line.
    fn flush(&mut self, heading: Option<u8>, by_line: bool) {
        let text = std::mem::take(&mut self.buf);
        let pieces: Vec<&str> = if by_line {
            text.split('\n').collect()
        } else {
            vec![text.as_str()]
        };
        for piece in pieces {
            let t = squeeze(piece);
            if t.is_empty() {
                continue;
            }
            match heading {
                Some(level) => self.push(Markup::Title, level, t),
                None if is_data(&t) => self.push(Markup::Noise, 0, t),
                None => self.push(Markup::None, 0, t),
            }
        }
    }

    /// Print a block element's text: its inline elements' text runs on, each
    /// block it holds (a heading a head) its own units.
    fn block(&mut self, e: ElementRef<'_>, depth: usize, heading: Option<u8>) {
        let heading = heading_level(e).or(heading);
        if depth > MAX_DEPTH {
            flat_text(e, &mut self.buf);
            self.flush(heading, false);
            return;
        }
        let by_line = e.children().any(|c| {
            ElementRef::wrap(c).is_some_and(|c| {
                let n = c.value().name();
                !is_inline(n) && n != "br" && !is_dropped(c)
            })
        });
        for c in e.children() {
            match c.value() {
                Node::Text(t) => self.buf.push_str(t),
                Node::Element(v) => {
                    let Some(c) = ElementRef::wrap(c) else {
                        continue;
                    };
                    let name = v.name();
                    if name == "br" {
                        self.flush(heading, by_line);
                    } else if is_dropped(c) {
                        if !is_inline(name) {
                            self.flush(heading, by_line);
                        }
                    } else if is_inline(name) {
                        self.inline(c, depth + 1);
                    } else {
                        self.flush(heading, by_line);
                        self.block(c, depth + 1, heading);
                    }
                }
                _ => {}
            }
        }
        self.flush(heading, by_line);
    }

    /// An inline element's text into the unit being gathered.
    fn inline(&mut self, e: ElementRef<'_>, depth: usize) {
        if depth > MAX_DEPTH {
            flat_text(e, &mut self.buf);
            return;
        }
        for c in e.children() {
            match c.value() {
                Node::Text(t) => self.buf.push_str(t),
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(c)
                        && !is_dropped(c)
                    {
                        if c.value().name() == "br" {
                            self.buf.push('\n');
                        } else {
                            self.inline(c, depth + 1);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::segment::segment_issue;

    /// unhtml takes every tag off an HTML 4 page but prints its doctype line: the
    /// print is no document (the page is not one paragraph), the doctype no text,
    /// and the masthead under the page's `<title>` line is no article.
    #[test]
    fn a_print_that_kept_only_the_doctype_is_read_as_text() {
        let page = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n\n\n\n盏坪报 2033年1月10日 第1版\n\n\n\n盏坪报\n中共盏坪县委主办　国内统一连续出版物号 CN00-0000　第3120期\n2033年1月10日　星期一　农历壬子年腊月初十\n\n冬闲变冬忙\n盦塘镇两千亩茶园完成冬季管护\n本报记者 庞静川\n　　连日来，盦塘镇盨岭村的茶山上人来人往，茶农们有的在剪枝，有的在施肥。\n\n\n县人民医院胸痛中心通过国家认证\n　　本报讯（记者 缪予安）1月8日，县人民医院胸痛中心通过国家级认证。\n";
        assert!(units(page).is_none());
        let got: Vec<(String, String)> = segment_issue(page, "x")
            .into_iter()
            .map(|a| (a.kicker, a.title))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "冬闲变冬忙".to_string(),
                    "盦塘镇两千亩茶园完成冬季管护".to_string()
                ),
                (String::new(), "县人民医院胸痛中心通过国家认证".to_string())
            ]
        );
    }

    fn heads(text: &str) -> Vec<(String, String, String, usize)> {
        segment_issue(text, "x")
            .iter()
            .map(|a| {
                (
                    a.title.clone(),
                    a.subtitle.clone(),
                    a.byline.clone(),
                    a.paragraphs.len(),
                )
            })
            .collect()
    }

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>槐荫路口新设一处公交站_芩溪在线</title>
<script>var a = 1 < 2;</script>
</head>
<body>
<div class="topnav"><a href="/">首页</a> | <a href="/news/">本地</a> | <a href="/life/">生活</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 正文</div>
<div class="article">
<h1>槐荫路口新设一处公交站</h1>
<h2>——附近居民少走八百米</h2>
<div class="content">
<p>　　本报讯 槐荫路口新设的公交站昨天启用，附近三个小区的居民不用再走到八百米外的老站台。</p>
<p>　　站台设有候车亭和电子站牌，可查看车辆到站时间。</p>
</div>
</div>
<div class="related-news"><h3>相关新闻</h3>
<ul>
<li><a href="/1.html">老站台改造方案公布</a></li>
<li><a href="/2.html">公交线路调整征求意见</a></li>
</ul>
</div>
<footer>芩溪在线 版权所有</footer>
</body>
</html>
"#;

    /// A news page: its heading is the title, its paragraphs the text; its menu,
    /// trail, related links, footer and script are no text.
    #[test]
    fn a_web_page_is_read_as_a_reader_view_reads_it() {
        assert_eq!(
            heads(PAGE),
            [(
                "槐荫路口新设一处公交站".to_string(),
                "——附近居民少走八百米".to_string(),
                String::new(),
                2
            )]
        );
        let text: String = segment_issue(PAGE, "x")
            .iter()
            .flat_map(|a| a.paragraphs.iter().cloned())
            .collect();
        for gone in [
            "首页",
            "当前位置",
            "相关新闻",
            "改造方案",
            "版权所有",
            "var a",
        ] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
    }

    /// A portal's page whose story and a long list of related links stand in one
    /// wrapper reads as the story: the wrapper is no block of links, and no
    /// tag is read as text. The heading stands on its own source line.
    #[test]
    fn a_story_in_one_wrapper_with_many_links_is_read_as_the_story() {
        let links: String = (1..=30)
            .map(|n| format!("<li><a href=\"/{n}.html\">其他新闻标题第{n}条消息</a></li>\n"))
            .collect();
        let page = format!(
            "<!DOCTYPE html>\n<html><head><title>芩溪河新建一座人行桥_芩溪在线</title></head>\n<body>\n\
             <div id=\"wrapper\">\n<h1>芩溪河新建一座人行桥</h1>\n\
             <p>　　本报讯 芩溪河上的人行桥昨天通行，两岸居民过河不用再绕行两公里。</p>\n\
             <ul>\n{links}</ul>\n</div>\n</body></html>\n"
        );
        let articles = segment_issue(&page, "x");
        assert_eq!(
            articles
                .iter()
                .map(|a| a.title.as_str())
                .collect::<Vec<_>>(),
            ["芩溪河新建一座人行桥"]
        );
        assert_eq!(articles[0].line, 5, "the heading's line");
        let text: String = articles
            .iter()
            .flat_map(|a| a.paragraphs.concat().chars().collect::<Vec<_>>())
            .collect();
        assert!(
            text.contains("人行桥昨天通行") && !text.contains('<'),
            "{text}"
        );
    }

    /// A page without a heading has its document title as its head, without
    /// the site's name; `<br>` lines are paragraphs of their own.
    #[test]
    fn a_page_without_a_heading_takes_its_document_title() {
        let page = "<html><head><title>芩溪河清淤工程完工 - 芩溪日报</title></head><body>\
            <div>　　芩溪河清淤工程近日完工，共清出淤泥三万立方米。<br>　　河道两岸还新修了步道。</div></body></html>";
        assert_eq!(
            heads(page),
            [(
                "芩溪河清淤工程完工".to_string(),
                String::new(),
                String::new(),
                2
            )]
        );
    }

    /// Printed by other tools (hard-wrapped inside tags and text, heading marks
    /// and indents before lines, a running head above it), a page reads as it
    /// does whole.
    #[test]
    fn a_printed_page_reads_as_the_page() {
        let whole = heads(PAGE);
        let chars: Vec<char> = PAGE.chars().collect();
        let wrapped: String = chars
            .chunks(30)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n");
        let marked: String = PAGE
            .lines()
            .map(|l| {
                if l.chars().count() <= 24 && !l.is_empty() {
                    format!("### {l}\n")
                } else {
                    format!("\u{3000}\u{3000}{l}\n")
                }
            })
            .collect();
        let headed = format!("晋北日报  2025年3月5日  要闻\n{PAGE}");
        for (k, printed) in [wrapped, marked, headed].iter().enumerate() {
            let got = segment_issue(printed, "x");
            assert_eq!(heads(printed), whole, "print {k}: {got:?}");
        }
    }

    /// An e-paper's page of several stories: each `article` with its heading is
    /// an article, its deck the subtitle, its credit line the byline.
    const EDITION: &str = r#"<!DOCTYPE html>
<html>
<head><title>芩溪日报 2025年3月5日 第2版</title></head>
<body>
<div class="topnav"><a href="/">首页</a> <a href="/2/">第2版</a> <a href="/3/">第3版</a></div>
<div id="main">
<article>
<h2>湄水沿岸新建三座污水处理站</h2>
<h3>——今年底前全部投入运行</h3>
<p class="author">本报记者　甘子墨</p>
<p>　　记者从市生态环境局获悉，湄水沿岸三座污水处理站已开工建设，设计日处理能力合计两万吨。</p>
<p>　　三座处理站建成后，沿岸十二个村的生活污水将全部接入管网。</p>
</article>
<article>
<h2>老城区增设十处便民服务点</h2>
<p>　　本报讯　老城区近日增设十处便民服务点，居民可就近办理社保、医保等二十项业务。</p>
</article>
<article>
<h2>蘅台县春茶开采</h2>
<p class="author">通讯员　仉小雨</p>
<p>　　连日来，蘅台县各茶园陆续开采春茶，茶农抢抓晴好天气采摘。</p>
<p>　　今年全县茶园面积达到八万亩，预计春茶产量比去年增长一成。</p>
<p>　　县里还组织了制茶师傅到茶园现场指导。</p>
</article>
</div>
<div class="footer">芩溪日报社版权所有</div>
</body>
</html>
"#;

    /// Titles, subtitles, bylines and paragraph counts of a segmented page.
    type Heads = Vec<(String, String, String, usize)>;

    fn edition_heads() -> Heads {
        vec![
            (
                "湄水沿岸新建三座污水处理站".into(),
                "——今年底前全部投入运行".into(),
                "本报记者　甘子墨".into(),
                2,
            ),
            (
                "老城区增设十处便民服务点".into(),
                String::new(),
                String::new(),
                1,
            ),
            (
                "蘅台县春茶开采".into(),
                String::new(),
                "通讯员　仉小雨".into(),
                3,
            ),
        ]
    }

    /// A page printed as extraction tools print pages (the segmentation gold's
    /// styles): every line cut at 30 characters; no blank lines; a running head,
    /// a page footer and a form feed every seven lines, an attribution line under
    /// every heading's line and an editor's credit at the end.
    pub(crate) fn printed(page: &str) -> [(&'static str, String); 3] {
        let hardwrap: String = page
            .lines()
            .flat_map(|l| {
                let c: Vec<char> = l.chars().collect();
                if c.is_empty() {
                    return vec![String::new()];
                }
                c.chunks(30).map(|c| c.iter().collect()).collect()
            })
            .map(|l: String| format!("{l}\n"))
            .collect();
        let noblank: String = page
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("{l}\n"))
            .collect();
        let mut furniture = String::from("芩溪日报  2025年3月5日  星期三  第 2 版  要闻\n");
        for (i, l) in page.lines().enumerate() {
            if i > 0 && i % 7 == 0 {
                furniture.push_str(&format!(
                    "第 {} 页\n\x0c芩溪日报  2025年3月5日  要闻\n",
                    i / 7
                ));
            }
            furniture.push_str(l);
            furniture.push('\n');
            if l.contains("<h1") || l.contains("<h2") {
                furniture.push_str("《芩溪日报》（2025年3月5日 第 02 版）\n");
            }
        }
        furniture.push_str("\n本版责编：周一鸣  美编：陈小溪\n第 9 页\n");
        [
            ("hardwrap", hardwrap),
            ("noblank", noblank),
            ("furniture", furniture),
        ]
    }

    #[test]
    fn an_editions_stories_are_its_articles_in_every_print() {
        assert_eq!(heads(EDITION), edition_heads());
        for (style, page) in printed(EDITION) {
            assert_eq!(heads(&page), edition_heads(), "{style}:\n{page}");
            let text: String = segment_issue(&page, "x")
                .iter()
                .flat_map(|a| a.paragraphs.iter().cloned())
                .collect();
            for gone in ["首页", "版权所有", "第 1 页", "本版责编", "《芩溪日报》"]
            {
                assert!(!text.contains(gone), "{style}: {gone} in {text}");
            }
        }
    }

    /// What is not HTML is left to other readers; bad or deep HTML never panics.
    #[test]
    fn other_pages_and_broken_html() {
        assert!(units("本报讯　今天下雨。\n").is_none());
        assert!(units("<?xml version=\"1.0\"?>\n<articles><article/></articles>").is_none());
        for cut in (0..PAGE.len()).step_by(29) {
            if PAGE.is_char_boundary(cut) {
                let _ = units(&PAGE[..cut]);
                let _ = segment_issue(&PAGE[..cut], "x");
            }
        }
        let deep = format!("<html><body>{}深</body></html>", "<div><span>".repeat(3000));
        let got = units(&deep).expect("text");
        assert!(got.iter().any(|u| u.text.contains('深')));
    }

    /// A page nested deeper than the reader recurses still leaves its scripts,
    /// styles and hidden blocks out of the text.
    #[test]
    fn a_deep_pages_scripts_and_styles_are_no_text() {
        let deep = format!(
            "<html><body>{}<p>槐荫路口新设的公交站昨天启用。</p>\
             <script>var ad = \"广告位\";</script><style>p {{ color: red }}</style>\
             <div hidden>隐藏的推荐</div><p>站台设有<span>候车亭</span>。</p></body></html>",
            "<div>".repeat(MAX_DEPTH + 10)
        );
        let text: String = units(&deep)
            .expect("text")
            .iter()
            .map(|u| u.text.to_string())
            .collect();
        assert!(
            text.contains("公交站昨天启用") && text.contains("候车亭"),
            "{text}"
        );
        for gone in ["var ad", "广告位", "color", "隐藏的推荐"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
    }
}

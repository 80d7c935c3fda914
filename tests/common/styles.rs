//! Extraction styles: re-rendering a gold page the way other extraction tools print
//! it, so the same gold scores segmentation on text it was not tuned on.
//!
//! The source pages have one paragraph a line with blank lines between (some with
//! Markdown heads). Each [`Style`] re-renders them:
//! - `hardwrap`: `pdftotext` default mode: every line cut at ~30 characters, titles
//!   wrapped mid-word, own-line bylines split (`本报记者` / name), no Markdown;
//! - `noblank`: no blank lines at all;
//! - `furniture`: a running head, `第 N 页` footers and form feeds every few
//!   paragraphs (wherever they fall), an attribution line after every title, a
//!   `本版责编` credit at the end;
//! - `indent`: OCR style: U+3000 indents open body paragraphs, no blank lines, no
//!   Markdown;
//! - `markdown`: a converter's guessed heads: every short unpunctuated line gets `#`
//!   marks by length, some at the wrong level.
//!
//! The renderer knows which lines are heads (from the gold: titles, kickers,
//! subtitles, bylines), as a layout-aware tool knows font sizes; what it prints is
//! only text. Rendering is deterministic.
//!
//! A `pdftotext -layout` print is not paragraphs but rows of a page's geometry:
//! where a row's pieces stand (its leading spaces, the gutters between columns) is
//! what tells its columns apart. No tool re-cuts such rows at 30 characters, breaks
//! a page every 17 rows or indents rows; [`render_layout`] renders it in each style
//! as a tool that keeps the geometry would (see there). Which prints those are the
//! page itself says ([`keeps_geometry`]), whatever tool made it and whatever its
//! file is named.

/// One extraction style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The page as stored.
    Plain,
    HardWrap,
    NoBlank,
    Furniture,
    Indent,
    Markdown,
}

impl Style {
    pub const ALL: [Style; 6] = [
        Style::Plain,
        Style::HardWrap,
        Style::NoBlank,
        Style::Furniture,
        Style::Indent,
        Style::Markdown,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Style::Plain => "plain",
            Style::HardWrap => "hardwrap",
            Style::NoBlank => "noblank",
            Style::Furniture => "furniture",
            Style::Indent => "indent",
            Style::Markdown => "markdown",
        }
    }
}

/// What the renderer knows about a page's heads, as comparison keys.
#[derive(Debug, Default, Clone)]
pub struct Heads {
    pub titles: Vec<String>,
    pub kickers: Vec<String>,
    pub subtitles: Vec<String>,
    pub bylines: Vec<String>,
}

/// A printed decoration mark before a head (▶ ● ★ ▲ ■ ◆ ※ 📌 …): arrows, geometric
/// shapes, miscellaneous symbols, dingbats and pictographs, with emoji variation selectors.
fn is_decoration(c: char) -> bool {
    matches!(c,
        '\u{2022}' | '\u{203B}' | '\u{2190}'..='\u{21FF}' | '\u{25A0}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}' | '\u{FE0E}' | '\u{FE0F}' | '\u{1F300}'..='\u{1FAFF}')
}

/// The key a title is compared by: the comparison key without the decoration marks a
/// page prints before a head. Editors differ on whether a title keeps them (blind11's gold
/// drops them, blind19-22's keep them), and neither is a matter of where the cut fell.
pub fn title_key(s: &str) -> String {
    let k = newstag::text::comparison_key(s);
    k.trim_start_matches(is_decoration).to_string()
}

/// How the renderer compares a line with a gold head: as the scorer compares titles, so
/// a page's `▶标题` is the gold's 标题 whichever of them keeps the mark.
pub fn head_key(s: &str) -> String {
    title_key(s)
}

impl Heads {
    fn is_title(&self, k: &str) -> bool {
        !k.is_empty() && self.titles.iter().any(|t| t == k)
    }
    fn is_byline(&self, k: &str) -> bool {
        !k.is_empty() && self.bylines.iter().any(|t| t == k)
    }
    fn is_head(&self, k: &str) -> bool {
        !k.is_empty()
            && (self.is_title(k)
                || self.kickers.iter().any(|t| t == k)
                || self.subtitles.iter().any(|t| t == k))
    }
}

/// One non-blank source line.
struct Para {
    /// Blank lines before it.
    gap: usize,
    /// Markdown heading level (0 = none).
    level: usize,
    /// The text without heading marks or surrounding whitespace.
    text: String,
}

fn paras(text: &str) -> Vec<Para> {
    let mut out = Vec::new();
    let mut gap = 0;
    for line in text.split('\n') {
        let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if t.is_empty() {
            gap += 1;
            continue;
        }
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        // An ATX heading's marks are followed by a space (`#话题#` is a hashtag).
        let spaced = t[hashes..].starts_with(char::is_whitespace);
        let (level, rest) = if (1..=6).contains(&hashes) && spaced {
            (hashes, t[hashes..].trim())
        } else {
            (0, t)
        };
        let (level, rest) = if rest.is_empty() {
            (0, t)
        } else {
            (level, rest)
        };
        out.push(Para {
            gap,
            level,
            text: rest.to_string(),
        });
        gap = 0;
    }
    out
}

fn ends_sentence(s: &str) -> bool {
    let mut it = s.chars().rev();
    match it.next() {
        Some('。' | '！' | '？' | '!' | '?' | '…') => true,
        Some('”' | '）' | ')' | '」' | '』') => {
            matches!(it.next(), Some('。' | '！' | '？' | '!' | '?' | '…'))
        }
        _ => false,
    }
}

/// A short line without sentence punctuation: what a converter takes for a heading.
fn looks_like_head(s: &str) -> bool {
    let n = s.chars().count();
    n <= 24 && !ends_sentence(s) && !s.contains(['，', '。', ','])
}

/// Lines of at most `width` characters.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    chars.chunks(width).map(|c| c.iter().collect()).collect()
}

/// Render `text` (decoded, `\n` line ends) in `style`.
pub fn render(text: &str, style: Style, heads: &Heads) -> String {
    if style == Style::Plain {
        return text.to_string();
    }
    let ps = paras(text);
    let mut out: Vec<String> = Vec::new();
    let blank = |out: &mut Vec<String>, n: usize| {
        for _ in 0..n {
            out.push(String::new());
        }
    };
    match style {
        Style::Plain => {}
        Style::HardWrap => {
            for p in &ps {
                blank(&mut out, p.gap);
                let k = head_key(&p.text);
                let n = p.text.chars().count();
                if heads.is_title(&k) && n >= 8 {
                    // A title set over two lines, cut wherever the width ran out.
                    let cut = n.div_ceil(2) + 1;
                    let chars: Vec<char> = p.text.chars().collect();
                    out.push(chars[..cut.min(n - 1)].iter().collect());
                    out.push(chars[cut.min(n - 1)..].iter().collect());
                } else if heads.is_byline(&k) && p.text.contains(char::is_whitespace) {
                    for part in p.text.splitn(2, char::is_whitespace) {
                        out.push(part.trim().to_string());
                    }
                } else {
                    out.extend(wrap(&p.text, 30));
                }
            }
        }
        Style::NoBlank => {
            for p in &ps {
                out.push(marked(p));
            }
        }
        Style::Furniture => {
            out.push(RUNNING_HEAD.to_string());
            let mut page = 1;
            for (i, p) in ps.iter().enumerate() {
                if i > 0 && i.is_multiple_of(17) {
                    out.push(format!("第 {page} 页"));
                    page += 1;
                    out.push("\u{c}晋北日报  2025年3月5日  要闻".to_string());
                }
                blank(&mut out, p.gap);
                out.push(marked(p));
                if heads.is_title(&head_key(&p.text)) {
                    out.push(ATTRIBUTION.to_string());
                }
            }
            out.push(String::new());
            out.push(CREDIT.to_string());
            out.push(format!("第 {page} 页"));
        }
        Style::Indent => {
            for p in &ps {
                let k = head_key(&p.text);
                if heads.is_head(&k) || heads.is_byline(&k) || looks_like_head(&p.text) {
                    out.push(p.text.clone());
                } else {
                    out.push(format!("\u{3000}\u{3000}{}", p.text));
                }
            }
        }
        Style::Markdown => {
            let mut guessed = 0usize;
            for p in &ps {
                blank(&mut out, p.gap);
                let k = head_key(&p.text);
                let level = if heads.is_title(&k) {
                    2
                } else if heads.is_head(&k) || looks_like_head(&p.text) {
                    3
                } else {
                    0
                };
                if level == 0 {
                    out.push(p.text.clone());
                    continue;
                }
                guessed += 1;
                let level = guessed_level(level, guessed);
                out.push(format!("{} {}", "#".repeat(level), p.text));
            }
        }
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// Whether a print keeps its page's geometry (columns side by side, as `pdftotext
/// -layout`, pypdf's layout mode, a fixed-width export or a text browser's dump of a
/// layout table print them): at least five of its text rows, and a tenth of them, hold
/// two pieces of running text (six Han characters or more each) apart by two spaces or
/// more, the text of two columns on one row. A print of paragraphs has no such rows: a
/// table's cells are names and figures, a form's label or a post's header is short,
/// and a U+3000 indent is no gutter.
pub fn keeps_geometry(text: &str) -> bool {
    let running = |piece: &str| piece.chars().filter(|&c| newstag::text::is_han(c)).count() >= 6;
    let (mut rows, mut split) = (0usize, 0usize);
    for row in text.lines().map(str::trim) {
        if row.is_empty() {
            continue;
        }
        rows += 1;
        if row.split("  ").filter(|p| running(p)).count() >= 2 {
            split += 1;
        }
    }
    split >= 5 && split * 10 >= rows
}

/// Render a `-layout` print (decoded, `\n` line ends) in `style`, keeping every
/// row's leading spaces and gutters:
/// - `plain` and `hardwrap`: as printed (its hard-wrapped form is the default print,
///   a file of its own in the sets);
/// - `noblank` and `indent`: blank rows dropped (OCR prints no geometry; its nearest
///   form of a layout print is one without blank rows);
/// - `furniture`: a running head over the page, an attribution row under each row
///   that is a title alone, a credit and a footer under the page;
/// - `markdown`: a row that is a head alone gets a converter's `#` marks, flush
///   left, every fourth a level off.
pub fn render_layout(text: &str, style: Style, heads: &Heads) -> String {
    let rows: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    let mut out: Vec<String> = Vec::new();
    match style {
        Style::Plain | Style::HardWrap => return text.to_string(),
        Style::NoBlank | Style::Indent => {
            out.extend(
                rows.iter()
                    .filter(|r| !r.trim().is_empty())
                    .map(|r| r.to_string()),
            );
        }
        Style::Furniture => {
            out.push(RUNNING_HEAD.to_string());
            for row in &rows {
                out.push(row.to_string());
                if alone(row).is_some_and(|t| heads.is_title(&head_key(t))) {
                    out.push(ATTRIBUTION.to_string());
                }
            }
            out.push(CREDIT.to_string());
            out.push("第 1 页".to_string());
        }
        Style::Markdown => {
            let mut guessed = 0usize;
            for row in &rows {
                let head = alone(row).filter(|t| {
                    let k = head_key(t);
                    heads.is_head(&k) || (looks_like_head(t) && !heads.is_byline(&k))
                });
                let Some(t) = head else {
                    out.push(row.to_string());
                    continue;
                };
                guessed += 1;
                let level = if heads.is_title(&head_key(t)) { 2 } else { 3 };
                let level = guessed_level(level, guessed);
                out.push(format!("{} {t}", "#".repeat(level)));
            }
        }
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// The furniture style's running head, the attribution line under each title and
/// the page credit at the end.
const RUNNING_HEAD: &str = "晋北日报  2025年3月5日  星期三  第 3 版  要闻";
const ATTRIBUTION: &str = "《晋北日报》（2025年3月5日 第 03 版）";
const CREDIT: &str = "本版责编：周一鸣  美编：陈小溪";

/// The level a converter gives its `guessed`-th head of `level` (2 or 3): every
/// fourth guess is a level off.
fn guessed_level(level: usize, guessed: usize) -> usize {
    if guessed.is_multiple_of(4) {
        if level == 2 { 3 } else { 2 }
    } else {
        level
    }
}

/// A row's text when it is one piece (no gutter in it).
fn alone(row: &str) -> Option<&str> {
    let t = row.trim_start();
    (!t.is_empty() && !t.contains("  ")).then_some(t)
}

/// The paragraph with its source Markdown marks.
fn marked(p: &Para) -> String {
    if p.level > 0 {
        format!("{} {}", "#".repeat(p.level), p.text)
    } else {
        p.text.clone()
    }
}

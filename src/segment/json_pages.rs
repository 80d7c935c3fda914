//! A page that is JSON: a scraper's JSON Lines (one object a line, paragraphs
//! joined by `\n` escapes inside a string) or a JSON array of article objects (at
//! the top, or under a key of the top object: `{"data": [...]}`).
//!
//! Each object is printed as a record of labelled fields, one `key: value` line a
//! field and one line a paragraph of a value, with a rule between records, so the
//! page of records that `records` reads is what the JSON holds: what each field is
//! (title, kicker, byline, text, metadata) is learned there from the values, not
//! from the keys' names, whatever the scraper called them.

use super::blocks::{Markup, Unit, trim};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// A JSON value with an object's keys in the order the file gives them (a
/// scraper's field order says which field comes first in a record).
#[derive(Debug)]
enum Json {
    Null,
    /// A string, number or boolean as text.
    Scalar(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        struct JsonVisitor;
        impl<'de> Visitor<'de> for JsonVisitor {
            type Value = Json;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_none<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
                Ok(Json::Scalar(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
                Ok(Json::Scalar(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
                Ok(Json::Scalar(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
                Ok(Json::Scalar(v.to_string()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Json, E> {
                Ok(Json::Scalar(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Json, E> {
                Ok(Json::Scalar(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Json::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    fields.push(entry);
                }
                Ok(Json::Object(fields))
            }
        }
        d.deserialize_any(JsonVisitor)
    }
}

/// One article object and the source line it opens on.
struct Object {
    line: usize,
    fields: Vec<(String, Json)>,
}

/// A row of another data file (an SQL dump's, `sql_pages`): the source line it
/// opens on, and each field's name and value (`None` for no value).
pub(super) type Row = (usize, Vec<(String, Option<String>)>);

/// Rows of another data file printed as records, as a JSON page's objects are.
pub(super) fn print_rows(rows: Vec<Row>) -> Vec<Unit<'static>> {
    let objects: Vec<Object> = rows
        .into_iter()
        .map(|(line, fields)| Object {
            line,
            fields: fields
                .into_iter()
                .map(|(name, value)| (name, value.map_or(Json::Null, Json::Scalar)))
                .collect(),
        })
        .collect();
    print(&objects, &[])
}

/// The lines of a JSON Lines page that are no JSON: each line's number and text.
type StrayLines = Vec<(usize, String)>;

/// Objects this many or more make a page of records (as `records` asks).
const MIN_OBJECTS: usize = 2;

/// The units of `text` when it is a JSON page of article objects, else `None`.
pub fn units(text: &str) -> Option<Vec<Unit<'static>>> {
    // Cheap for every other page: one of its first lines opens a JSON value (a
    // converter may have taken it for a heading, `### [`).
    let opens_json = text
        .lines()
        .map(|l| without_heading_marks(trim(l)))
        .filter(|l| !l.is_empty())
        .take(3)
        .any(|l| l.starts_with(['{', '[']));
    if !opens_json {
        return None;
    }
    let (objects, others) = json_lines(text)
        .or_else(|| Some((json_array(text)?, Vec::new())))
        .or_else(|| printed_json(text))?;
    if objects.len() < MIN_OBJECTS {
        return None;
    }
    Some(notes(&objects, &others).unwrap_or_else(|| print(&objects, &others)))
}

/// A note app's export (Simplenote's `activeNotes`, and any export whose objects
/// are notes so kept): every object's one text is a value of several lines, its
/// other values data (ids, dates, flags) or lists (tags). A note's title is its
/// first line, as the apps define it: each note is read as a page of its own
/// (by `blocks`, a note's Markdown marks as a converter's), between document
/// breaks; the objects' other values are no text.
fn notes(objects: &[Object], others: &[(usize, String)]) -> Option<Vec<Unit<'static>>> {
    let mut texts = Vec::with_capacity(objects.len());
    let mut several_lines = false;
    for o in objects {
        let mut text = None;
        for (_, value) in &o.fields {
            match value {
                Json::Scalar(s) => {
                    let t = trim(s);
                    let data = t.is_empty()
                        || t == "true"
                        || t == "false"
                        || super::xml_pages::is_data(t)
                        || t.chars().all(|c| c.is_ascii_hexdigit());
                    // A note's one text, of several lines or (a short note) of one.
                    if !data && text.replace(s.as_str()).is_some() {
                        return None;
                    }
                }
                Json::Null | Json::List(_) => {}
                Json::Object(_) => return None,
            }
        }
        let text = text?;
        several_lines |= text.contains('\n');
        texts.push((o.line, text));
    }
    // Objects that each hold one line of text and data are records, not notes.
    if !several_lines {
        return None;
    }
    let unit =
        |line: usize, markup: Markup, text: String| Unit::new(line, 1, markup, Cow::Owned(text));
    let mut out: Vec<Unit<'static>> = Vec::new();
    let mut others = others.iter().peekable();
    for (line, text) in texts {
        while let Some((l, t)) = others.next_if(|(l, _)| *l < line) {
            out.push(unit(*l, Markup::Furniture, t.clone()));
        }
        out.push(unit(line, Markup::DocBreak, String::new()));
        out.extend(super::blocks::units(text).into_iter().map(|u| {
            let mut owned = Unit::new(line, u.gap, u.markup, Cow::Owned(u.text.to_string()));
            owned.level = u.level;
            owned.indent = u.indent;
            owned.page_break = u.page_break;
            owned.bullet = u.bullet;
            owned
        }));
        out.push(unit(line, Markup::DocBreak, String::new()));
    }
    out.extend(others.map(|(l, t)| unit(*l, Markup::Furniture, t.clone())));
    Some(out)
}

/// `### {`: a line without the heading marks a converter put before it.
fn without_heading_marks(line: &str) -> &str {
    let rest = line.trim_start_matches('#');
    if rest.len() < line.len() && rest.starts_with(' ') {
        trim(rest)
    } else {
        line
    }
}

/// A JSON file (one value, or objects one a line) as a print of it has it, read
/// again: its lines trimmed outside strings (indents, form feeds; a string's own
/// spaces at a cut are kept), a converter's heading marks taken off, the lines a
/// print added between its values (a running head, a page footer, a credit: a
/// line that opens outside a string with no JSON token) set aside, and the lines
/// joined without breaks (a hard-wrapped print cut them anywhere, inside strings
/// too; JSON needs no break between tokens).
fn printed_json(text: &str) -> Option<(Vec<Object>, StrayLines)> {
    let mut joined = String::with_capacity(text.len());
    // Where each source line's text starts in `joined`, and its line number.
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut others: StrayLines = Vec::new();
    let mut strings = JsonStrings::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        // A line that a cut opened inside a string keeps its first spaces.
        let in_string = strings.in_string;
        let mut t = if in_string {
            line
        } else {
            line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        };
        if !in_string {
            t = without_heading_marks(t);
        }
        // And one a cut closed inside a string its last ones (spaces outside a
        // string change nothing of where the reading stands).
        let after = strings.after(t);
        if !after.in_string {
            t = t.trim_end();
        }
        if t.is_empty() {
            continue;
        }
        if !in_string {
            let token = t.starts_with(['{', '}', '[', ']', '"', ',', ':', '-'])
                || t.starts_with(|c: char| c.is_ascii_digit())
                || ["true", "false", "null"].iter().any(|w| t.starts_with(w));
            if !token {
                others.push((i + 1, t.to_string()));
                continue;
            }
        }
        starts.push((joined.len(), i + 1));
        joined.push_str(t);
        strings = after;
    }
    let line_at = |offset: usize| {
        let k = starts.partition_point(|&(start, _)| start <= offset);
        starts[k.saturating_sub(1)].1
    };
    let mut values = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(&joined).into_iter::<Json>();
    loop {
        let at = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(v)) => values.push((at, v)),
            Some(Err(_)) => return None,
        }
    }
    if starts.is_empty() || values.is_empty() {
        return None;
    }
    let objects = if values.len() == 1 {
        let (_, value) = values.pop()?;
        let (items, rank) = article_array(value)?;
        let offsets = object_offsets(&joined)
            .into_iter()
            .nth(rank)
            .unwrap_or_default();
        objects_of(items, offsets.into_iter().map(line_at))
    } else {
        // Objects one after another: a JSON Lines file.
        let mut objects = Vec::with_capacity(values.len());
        for (at, v) in values {
            let Json::Object(fields) = v else {
                return None;
            };
            objects.push(Object {
                line: line_at(at),
                fields,
            });
        }
        objects
    };
    (others.len() < starts.len()).then_some((objects, others))
}

/// One object a line, blank lines allowed: every line that opens with `{` an object,
/// and the few others (a running head a print added, a console's line) no text.
fn json_lines(text: &str) -> Option<(Vec<Object>, StrayLines)> {
    let mut objects = Vec::new();
    let mut others = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = trim(line);
        if line.is_empty() {
            continue;
        }
        if !line.starts_with('{') {
            others.push((i + 1, line.to_string()));
            continue;
        }
        match serde_json::from_str::<Json>(line).ok()? {
            Json::Object(fields) => objects.push(Object {
                line: i + 1,
                fields,
            }),
            _ => return None,
        }
    }
    (others.len() < objects.len()).then_some((objects, others))
}

/// A whole file of one JSON value whose records are the objects of an array of
/// objects: the value itself, or of the top object's values the array whose objects
/// hold the most text (the articles, not a list of authors beside them).
fn json_array(text: &str) -> Option<Vec<Object>> {
    let value: Json = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let (items, rank) = article_array(value)?;
    let offsets = object_offsets(text)
        .into_iter()
        .nth(rank)
        .unwrap_or_default();
    // (The offsets ascend: one pass counts the lines before each.)
    let (mut line, mut from) = (1, 0);
    let lines = offsets.into_iter().map(|at| {
        line += text.as_bytes()[from..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        from = at;
        line
    });
    Some(objects_of(items, lines))
}

/// The array of article objects of a JSON value: the value itself, or of the top
/// object's values the array whose objects hold the most text; and which array of
/// objects of the file it is (see [`object_offsets`]).
fn article_array(value: Json) -> Option<(Vec<Json>, usize)> {
    match value {
        Json::List(items) => Some((items, 0)),
        Json::Object(fields) => fields
            .into_iter()
            .filter_map(|(_, v)| match v {
                Json::List(items) if items.iter().any(|i| matches!(i, Json::Object(_))) => {
                    Some(items)
                }
                _ => None,
            })
            .enumerate()
            .max_by_key(|(rank, items)| {
                (items.iter().map(text_len).sum::<usize>(), usize::MAX - rank)
            })
            .map(|(rank, items)| (items, rank)),
        _ => None,
    }
}

/// An array's objects as records, each at the line given for it in turn.
fn objects_of(items: Vec<Json>, mut lines: impl Iterator<Item = usize>) -> Vec<Object> {
    items
        .into_iter()
        .filter_map(|item| match item {
            Json::Object(fields) => Some(fields),
            _ => None,
        })
        .map(|fields| Object {
            line: lines.next().unwrap_or(1),
            fields,
        })
        .collect()
}

/// How much text a value holds, in bytes of its strings.
fn text_len(value: &Json) -> usize {
    match value {
        Json::Null => 0,
        Json::Scalar(s) => s.len(),
        Json::List(items) => items.iter().map(text_len).sum(),
        Json::Object(fields) => fields.iter().map(|(_, v)| text_len(v)).sum(),
    }
}

/// Where a byte-by-byte reading of JSON text stands: inside a string or not,
/// and after a backslash in one.
#[derive(Debug, Clone, Copy, Default)]
struct JsonStrings {
    in_string: bool,
    escaped: bool,
}

impl JsonStrings {
    /// Read byte `b`: true when it stands outside every string and is no quote
    /// (a byte of the JSON's structure), false for a string's bytes and quotes.
    fn outside(&mut self, b: u8) -> bool {
        if self.in_string {
            match (self.escaped, b) {
                (true, _) => self.escaped = false,
                (false, b'\\') => self.escaped = true,
                (false, b'"') => self.in_string = false,
                _ => {}
            }
            false
        } else if b == b'"' {
            self.in_string = true;
            false
        } else {
            true
        }
    }

    /// Where the reading stands after `text`.
    fn after(mut self, text: &str) -> JsonStrings {
        for b in text.bytes() {
            self.outside(b);
        }
        self
    }
}

/// For each array of objects at the top of the file or right under its top object
/// (outside strings), in order, the bytes where its objects open.
fn object_offsets(text: &str) -> Vec<Vec<usize>> {
    let mut arrays: Vec<Vec<usize>> = Vec::new();
    let mut stack: Vec<u8> = Vec::new();
    let mut strings = JsonStrings::default();
    for (at, b) in text.bytes().enumerate() {
        if !strings.outside(b) {
            continue;
        }
        match b {
            b'{' | b'[' => {
                let item_of_array = matches!(stack.as_slice(), [b'['] | [b'{', b'[']);
                if b == b'[' && matches!(stack.as_slice(), [] | [b'{']) {
                    arrays.push(Vec::new());
                }
                if b == b'{'
                    && item_of_array
                    && let Some(a) = arrays.last_mut()
                {
                    a.push(at);
                }
                stack.push(b);
            }
            b'}' | b']' => {
                stack.pop();
            }
            _ => {}
        }
    }
    arrays.retain(|a| !a.is_empty());
    arrays
}

/// A value as text lines: a string's own lines, a list of strings joined by `；`
/// (several authors), nothing for an object (a nested structure is no field).
fn value_lines(value: &Json) -> Option<Vec<String>> {
    match value {
        Json::Null => Some(Vec::new()),
        Json::Scalar(s) => Some(
            s.split('\n')
                .map(|l| trim(l).to_string())
                .filter(|l| !l.is_empty())
                .collect(),
        ),
        Json::List(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(|i| match i {
                    Json::Scalar(s) if !trim(s).is_empty() => Some(trim(s)),
                    _ => None,
                })
                .collect();
            (parts.len() == items.len()).then(|| {
                if parts.is_empty() {
                    Vec::new()
                } else {
                    vec![parts.join("；")]
                }
            })
        }
        Json::Object(_) => None,
    }
}

/// A key as `records` reads a label (`records::colon_label`); any other key by its
/// place (`field3`).
fn label_of(key: &str, place: usize) -> String {
    let printed = format!("{key}: ");
    if super::records::colon_label(&printed).is_some_and(|(label, _)| label == key) {
        key.to_string()
    } else {
        format!("field{place}")
    }
}

/// The records as printed units: a rule, then `label: first line` and the value's
/// further lines, a unit each, for every field an object gives; the `others` lines
/// where they stand, as furniture.
fn print(objects: &[Object], others: &[(usize, String)]) -> Vec<Unit<'static>> {
    let unit =
        |line: usize, markup: Markup, text: String| Unit::new(line, 1, markup, Cow::Owned(text));
    // Labels by the first object's keys, so every record opens with the same one.
    let mut keys: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    let mut others = others.iter().peekable();
    for o in objects {
        while let Some((line, text)) = others.next_if(|(line, _)| *line < o.line) {
            out.push(unit(*line, Markup::Furniture, text.clone()));
        }
        out.push(unit(o.line, Markup::Noise, String::new()));
        for (key, value) in &o.fields {
            let Some(lines) = value_lines(value) else {
                continue;
            };
            let place = keys.iter().position(|k| k == key).unwrap_or_else(|| {
                keys.push(key);
                keys.len() - 1
            });
            let label = label_of(key, place + 1);
            let mut lines = lines.into_iter();
            let first = lines.next().unwrap_or_default();
            out.push(unit(o.line, Markup::None, format!("{label}: {first}")));
            out.extend(lines.map(|l| Unit {
                continues_value: true,
                ..unit(o.line, Markup::None, l)
            }));
        }
    }
    out.extend(others.map(|(line, text)| unit(*line, Markup::Furniture, text.clone())));
    out
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::segment::segment_issue;

    fn heads(articles: &[Article]) -> Vec<(String, String, String, String, usize)> {
        articles
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

    const LINES: &str = concat!(
        r#"{"headline": "沙河镇新修三座便民桥", "sub_title": "", "writer": "本报记者　苗青禾", "channel": "民生", "paper": "河湾日报", "pub_date": "2026-11-02", "body": "沙河镇三座便民桥日前完工，村民过河不再绕行五公里。\n桥由镇里统一设计，村民投工投劳。", "link": "https://example.org/a/1.html"}"#,
        "\n",
        r#"{"headline": "老街夜市重新开张", "sub_title": "——一条老街的烟火气", "writer": "本报记者　贺远山", "channel": "城事", "paper": "河湾日报", "pub_date": "2026-11-02", "body": "停业两年的老街夜市上周末重新开张，八十多个摊位坐满了人。", "link": "https://example.org/a/2.html"}"#,
        "\n",
        r#"{"headline": "冬季供暖下周启动", "sub_title": "", "writer": "", "channel": "民生", "paper": "河湾日报", "pub_date": "2026-11-03", "body": "市供热公司通知，全市集中供暖将于11月10日启动。\n居民如有问题可拨打热线。\n热线二十四小时有人值守。", "link": "https://example.org/a/3.html"}"#,
        "\n",
    );

    /// A scraper's JSON Lines: one article an object, whatever its keys are
    /// called; the `\n` escapes are its paragraphs, the link and dates no text.
    #[test]
    fn a_scrapers_json_lines_are_one_article_an_object() {
        let got = segment_issue(LINES, "x");
        assert_eq!(
            heads(&got),
            vec![
                (
                    "民生".into(),
                    "沙河镇新修三座便民桥".into(),
                    String::new(),
                    "本报记者　苗青禾".into(),
                    2
                ),
                (
                    "城事".into(),
                    "老街夜市重新开张".into(),
                    "——一条老街的烟火气".into(),
                    "本报记者　贺远山".into(),
                    1
                ),
                (
                    "民生".into(),
                    "冬季供暖下周启动".into(),
                    String::new(),
                    String::new(),
                    3
                ),
            ]
        );
        assert_eq!(
            got[1].paragraphs[0],
            "停业两年的老街夜市上周末重新开张，八十多个摊位坐满了人。"
        );
        assert_eq!(
            got.iter().map(|a| a.line).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        let all: String = got
            .iter()
            .flat_map(|a| a.paragraphs.iter())
            .cloned()
            .collect();
        assert!(!all.contains("https://") && !all.contains("2026-11"));
    }

    /// The file as a print of it has it: a running head over it, a page footer
    /// between its lines, each line indented: the same articles, and neither the
    /// head nor the footer in any of them.
    #[test]
    fn a_printed_json_lines_file_keeps_its_articles() {
        let lines: Vec<&str> = LINES.lines().collect();
        let printed = format!(
            "河湾日报网络版　数据导出\n\u{3000}\u{3000}{}\n\u{3000}\u{3000}{}\n第 1 页\n\u{3000}\u{3000}{}\n",
            lines[0], lines[1], lines[2]
        );
        let got = segment_issue(&printed, "x");
        assert_eq!(heads(&got), heads(&segment_issue(LINES, "x")));
        let all: String = got
            .iter()
            .flat_map(|a| a.paragraphs.iter())
            .cloned()
            .collect();
        assert!(!all.contains("第 1 页") && !all.contains("数据导出"));
    }

    /// The same records as one JSON document, the array under a key of the top
    /// object: the same articles, each at the line its object opens on.
    #[test]
    fn a_json_array_under_a_key_is_read_as_its_lines_are() {
        let objects: Vec<&str> = LINES.lines().collect();
        let doc = format!(
            "{{\n  \"total\": 3,\n  \"data\": [\n    {}\n  ]\n}}\n",
            objects.join(",\n    ")
        );
        let from_doc = segment_issue(&doc, "x");
        let from_lines = segment_issue(LINES, "x");
        assert_eq!(heads(&from_doc), heads(&from_lines));
        assert_eq!(
            from_doc.iter().map(|a| a.line).collect::<Vec<_>>(),
            vec![4, 5, 6]
        );
    }

    /// A JSON file as extraction tools print it: pretty-printed and then cut every
    /// thirty characters (inside strings too), with a running head, page footers
    /// and a credit between its lines, every line indented, or short lines given a
    /// converter's heading marks: the same articles as the file itself gives, and
    /// as a JSON Lines file cut alike.
    #[test]
    fn a_json_file_printed_wrapped_indented_or_with_furniture_keeps_its_articles() {
        let objects: Vec<&str> = LINES.lines().collect();
        // Pretty-printed: a field a line.
        let pretty_object = |o: &str| o.replacen("{", "{\n", 1).replace("\", \"", "\",\n\"");
        let doc = format!(
            "[\n{}\n]\n",
            objects
                .iter()
                .map(|o| pretty_object(o))
                .collect::<Vec<_>>()
                .join(",\n")
        );
        let want = heads(&segment_issue(LINES, "x"));
        assert_eq!(heads(&segment_issue(&doc, "x")), want);
        let wrapped = |text: &str| -> String {
            text.lines()
                .flat_map(|l| {
                    let chars: Vec<char> = l.chars().collect();
                    chars
                        .chunks(30)
                        .map(|c| c.iter().collect::<String>())
                        .collect::<Vec<_>>()
                })
                .map(|l| l + "\n")
                .collect()
        };
        let lines: Vec<&str> = doc.lines().collect();
        let mut furnished = String::from("河湾日报　数据导出\n");
        for (i, l) in lines.iter().enumerate() {
            if i > 0 && i % 7 == 0 {
                furnished += &format!("第 {} 页\n\u{c}河湾日报　2026年11月3日\n", i / 7);
            }
            furnished += l;
            furnished += "\n";
        }
        furnished += "本版责编：苗青禾\n";
        let indented: String = lines
            .iter()
            .map(|l| format!("\u{3000}\u{3000}{l}\n"))
            .collect();
        let marked: String = lines
            .iter()
            .map(|l| {
                if l.len() < 12 {
                    format!("### {l}\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        for (style, page) in [
            ("wrapped", wrapped(&doc)),
            ("wrapped lines", wrapped(LINES)),
            ("furniture", furnished),
            ("indented", indented),
            ("marked", marked),
        ] {
            let got = segment_issue(&page, "x");
            assert_eq!(heads(&got), want, "{style}:\n{page}");
            let all: String = got
                .iter()
                .flat_map(|a| a.paragraphs.iter())
                .cloned()
                .collect();
            assert!(!all.contains("第 1 页") && !all.contains("责编"), "{style}");
        }
    }

    /// A body in questions and answers: a paragraph opening with `问：` is the
    /// text's, not a field of the record.
    #[test]
    fn a_bodys_labelled_paragraphs_stay_in_the_body() {
        let page = LINES.replace(
            r#"\n居民如有问题可拨打热线。"#,
            r#"\n问：供暖费怎么交？\n答：可在网上缴纳。"#,
        );
        let got = segment_issue(&page, "x");
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[2].paragraphs.to_vec(),
            vec![
                "市供热公司通知，全市集中供暖将于11月10日启动。".to_string(),
                "问：供暖费怎么交？".into(),
                "答：可在网上缴纳。".into(),
                "热线二十四小时有人值守。".into(),
            ]
        );
    }

    /// A document whose top object holds other objects beside its articles (its
    /// source, a list of authors): the articles are the array with the most text,
    /// each at the line its own object opens on.
    #[test]
    fn the_articles_are_the_array_with_the_most_text() {
        let objects: Vec<&str> = LINES.lines().collect();
        let doc = format!(
            "{{\n  \"meta\": {{\"site\": {{\"name\": \"河湾网\"}}}},\n  \"authors\": [\n    {{\"name\": \"苗青禾\"}},\n    {{\"name\": \"贺远山\"}}\n  ],\n  \"data\": [\n    {}\n  ]\n}}\n",
            objects.join(",\n    ")
        );
        let got = segment_issue(&doc, "x");
        assert_eq!(heads(&got), heads(&segment_issue(LINES, "x")));
        assert_eq!(
            got.iter().map(|a| a.line).collect::<Vec<_>>(),
            vec![8, 9, 10]
        );
    }

    /// A note app's export (Simplenote's): each active note is a page of its own,
    /// its first line its title; its ids, dates, flags and tags are no text, nor
    /// is a trashed note; two clippings pasted into one note are two articles.
    #[test]
    fn a_note_apps_notes_are_each_a_page() {
        let export = r##"{
  "activeNotes": [
    {
      "id": "4fb2dccdee98c31e42dfbc6be8f49f51",
      "content": "沙河镇新修三座便民桥\r\n本报记者　苗青禾\r\n\r\n沙河镇三座便民桥日前完工，村民过河不再绕行五公里。\r\n\r\n桥由镇里统一设计，村民投工投劳。",
      "creationDate": "2027-02-26T01:11:01.111Z",
      "lastModified": "2027-03-02T11:21:41.037Z",
      "pinned": true,
      "tags": ["剪报", "民生"]
    },
    {
      "id": "91dfc53a2348c919a0d128e3d5cbb212",
      "content": "# 老街夜市重新开张\r\n\r\n停业两年的老街夜市上周末重新开张，八十多个摊位坐满了人。\r\n\r\n冬季供暖下周启动\r\n\r\n市供热公司通知，全市集中供暖将于11月10日启动，居民如有问题可拨打热线。",
      "creationDate": "2027-02-25T02:12:02.222Z",
      "lastModified": "2027-03-03T12:22:42.074Z",
      "markdown": true,
      "tags": ["剪报"]
    }
  ],
  "trashedNotes": [
    {
      "id": "0f3e9d2c7b6a45e8a9c1d2e3f4a5b6c7",
      "content": "未命名",
      "creationDate": "2027-02-20T10:02:11.000Z",
      "lastModified": "2027-02-20T10:03:40.000Z",
      "tags": []
    }
  ]
}
"##;
        let got = segment_issue(export, "x");
        let titles: Vec<(&str, &str, usize)> = got
            .iter()
            .map(|a| (a.title.as_str(), a.byline.as_str(), a.paragraphs.len()))
            .collect();
        assert_eq!(
            titles,
            [
                ("沙河镇新修三座便民桥", "本报记者　苗青禾", 2),
                ("老街夜市重新开张", "", 1),
                ("冬季供暖下周启动", "", 1),
            ],
            "{got:?}"
        );
        let all: String = got
            .iter()
            .flat_map(|a| a.paragraphs.iter())
            .cloned()
            .collect();
        for gone in ["2027-02", "剪报", "未命名", "true", "4fb2dcc"] {
            assert!(!all.contains(gone), "{gone} in {all}");
        }
    }

    /// A note of one line (a to-do jotted down) is a note too: the export's
    /// other notes are still read one a page, not printed as records.
    #[test]
    fn a_one_line_note_leaves_the_export_read_as_notes() {
        let export = r##"{
  "activeNotes": [
    {
      "id": "4fb2dccdee98c31e42dfbc6be8f49f51",
      "content": "沙河镇新修三座便民桥\r\n本报记者　苗青禾\r\n\r\n沙河镇三座便民桥日前完工，村民过河不再绕行五公里。",
      "creationDate": "2027-02-26T01:11:01.111Z",
      "tags": ["剪报"]
    },
    {
      "id": "91dfc53a2348c919a0d128e3d5cbb212",
      "content": "买两卷胶带",
      "creationDate": "2027-02-25T02:12:02.222Z",
      "tags": []
    },
    {
      "id": "52072733e1ae181ecd1594cf5e58ad82",
      "content": "老街夜市重新开张\r\n\r\n停业两年的老街夜市上周末重新开张，八十多个摊位坐满了人。",
      "creationDate": "2027-03-01T06:16:06.666Z",
      "tags": ["剪报"]
    }
  ]
}
"##;
        let got = segment_issue(export, "x");
        let titles: Vec<&str> = got
            .iter()
            .filter(|a| !a.paragraphs.is_empty())
            .map(|a| a.title.as_str())
            .collect();
        assert_eq!(
            titles,
            ["沙河镇新修三座便民桥", "老街夜市重新开张"],
            "{got:?}"
        );
        let all: String = got
            .iter()
            .flat_map(|a| [a.title.clone(), a.kicker.clone(), a.paragraphs.join("")])
            .collect();
        for gone in ["2027-02", "剪报", "content", "4fb2dcc"] {
            assert!(!all.contains(gone), "{gone} in {all}");
        }
    }

    /// A clipping's source line under its head (`来源：同上，第2版`, the paper
    /// named in the clipping before) is no title: the head is.
    #[test]
    fn a_source_line_under_a_notes_head_is_not_its_title() {
        let export = r##"{
  "activeNotes": [
    {
      "id": "4f3caab91db162f986f96512b6510244",
      "content": "溱湄省将新建改建农村公路三千公里\r\n来源：《溱湄日报》2027年2月27日 第1版\r\n\r\n记者从全省交通运输工作会议上获悉，今年全省将新建改建农村公路三千公里。",
      "creationDate": "2027-02-27T03:13:03.333Z",
      "tags": ["剪报"]
    },
    {
      "id": "cf688e6305f55e9d5ba5552a552100c6",
      "content": "芷坞至蘅台城际公交开通\r\n来源：同上，第2版\r\n\r\n芷坞市至蘅台县的城际公交2月26日开通，每天运行二十四个班次。\r\n\r\n老街夜市重新开张\r\n来源：同上，第3版\r\n\r\n停业两年的老街夜市上周末重新开张，八十多个摊位坐满了人。",
      "creationDate": "2027-02-28T04:14:04.444Z",
      "tags": ["剪报"]
    }
  ]
}
"##;
        let got = segment_issue(export, "x");
        let titles: Vec<&str> = got.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "溱湄省将新建改建农村公路三千公里",
                "芷坞至蘅台城际公交开通",
                "老街夜市重新开张"
            ],
            "{got:?}"
        );
    }

    /// A page that only opens with a brace, or a single object, is no page of
    /// records: it is read as text.
    #[test]
    fn text_that_is_not_a_json_page_is_left_alone() {
        assert!(super::units("{编者按} 本版刊登读者来信。\n\n第二段。\n").is_none());
        assert!(super::units(r#"{"title": "一篇", "body": "只有一篇。"}"#).is_none());
        assert!(super::units("[1, 2, 3]").is_none());
        assert!(super::units("春风吹绿小山村\n").is_none());
    }
}

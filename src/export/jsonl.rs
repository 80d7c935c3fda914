//! JSONL export: one object per article, the `newstag articles` record with its tags
//! and, in `tag_details`, how and when each tag was set. The body text is included
//! only when asked for.

use super::{ExportRecord, ExportTag};
use serde::Serialize;
use std::io::{self, Write};

/// The key holding how each tag was set.
pub const TAG_DETAILS_KEY: &str = "tag_details";

/// The key holding the article's memo (null without one; see
/// [`super::Row::note`]).
pub const NOTE_KEY: &str = "note";

/// One JSONL line: the fields of [`crate::record::ArticleRecord`] in its order (borrowed, so no
/// copy is made), the body only when asked for, then the tag details. A test
/// checks the fields against `ArticleRecord` so the two cannot drift apart.
#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    issue: &'a str,
    index: usize,
    line: usize,
    kind: &'static str,
    kicker: &'a str,
    title: &'a str,
    subtitle: &'a str,
    byline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    date: Option<&'a str>,
    page: Option<&'a str>,
    tags: Vec<&'a str>,
    doubts: Vec<&'static str>,
    tag_details: &'a [ExportTag],
    note: Option<String>,
}

/// Write `rows` as JSON lines. Returns the number of lines written.
pub fn write_jsonl(
    out: &mut dyn Write,
    rows: &[ExportRecord<'_>],
    with_body: bool,
) -> io::Result<usize> {
    for row in rows {
        let (issue, article) = (row.issue, row.article);
        let line = Line {
            id: &article.id,
            issue: &issue.rel,
            index: article.index,
            line: article.line,
            kind: article.kind.as_str(),
            kicker: &article.kicker,
            title: &article.title,
            subtitle: &article.subtitle,
            byline: &article.byline,
            body: with_body.then(|| article.body()),
            date: issue.date.as_deref(),
            page: issue.page.as_deref(),
            tags: row.tags.iter().map(|t| t.name.as_str()).collect(),
            doubts: article.doubts.names(),
            tag_details: &row.tags,
            note: row.note(),
        };
        write_json_line(&mut *out, &line)?;
    }
    Ok(rows.len())
}

/// Write `value` as one line of JSON. Besides what JSON escapes itself (C0
/// controls), DEL, C1 controls and the invisible characters that reorder text
/// ([`crate::text::is_hidden_control`]) are written as `\uXXXX`: the line reads
/// back to the same strings and holds nothing that acts on a terminal.
pub fn write_json_line<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, VisibleJson);
    // io::Error::from keeps the kind of a write error (a closed pipe stays one).
    value.serialize(&mut ser).map_err(io::Error::from)?;
    ser.into_inner().write_all(b"\n")
}

/// serde_json's compact format, with hidden controls in strings as `\uXXXX`.
struct VisibleJson;

impl serde_json::ser::Formatter for VisibleJson {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut run = 0;
        for (i, c) in fragment.char_indices() {
            if crate::text::is_hidden_control(c) {
                writer.write_all(&fragment.as_bytes()[run..i])?;
                // Every hidden control is in the Basic Multilingual Plane.
                write!(writer, "\\u{:04x}", c as u32)?;
                run = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[run..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Issue};
    use std::sync::Arc;

    /// DEL, C1 controls and bidi overrides are escaped in the line and read back
    /// as they were.
    #[test]
    fn json_lines_hold_no_raw_hidden_control() {
        let title = "a\u{7f}b\u{9b}c\u{202e}d\u{1b}e社区";
        let mut out = Vec::new();
        write_json_line(&mut out, &serde_json::json!({ "title": title })).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert!(
            !line.trim_end().chars().any(crate::text::is_hidden_control),
            "{line:?}"
        );
        assert!(line.ends_with('\n'));
        let back: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(back["title"], title);
    }

    /// Each line parses as JSON with the record's fields, tags and how they were set;
    /// the body appears only with --with-body.
    #[test]
    fn lines_hold_record_tags_and_optional_body() {
        let issue = Issue {
            rel: "a.txt".into(),
            articles: Arc::from(vec![Article {
                id: "abcdefabcdef".into(),
                title: "标题\n\"引号\"".into(),
                paragraphs: vec!["第一段".into(), "第二段".into()].into(),
                ..Article::default()
            }]),
            ..Issue::default()
        };
        let mark = ExportTag {
            name: "heritage".into(),
            by: "hand".into(),
            at: Some("2026-01-01T00:00:00Z".into()),
            coder: String::new(),
            codebook: 0,
        };
        let rows = vec![ExportRecord {
            memos: Vec::new(),
            issue: &issue,
            article: &issue.articles[0],
            tags: vec![mark.clone()],
        }];
        for with_body in [false, true] {
            let mut buf = Vec::new();
            write_jsonl(&mut buf, &rows, with_body).unwrap();
            let text = String::from_utf8(buf).unwrap();
            assert_eq!(text.lines().count(), 1);
            let v: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
            assert_eq!(v["id"], "abcdefabcdef");
            assert_eq!(v["title"], "标题\n\"引号\"");
            assert_eq!(v["tags"], serde_json::json!(["heritage"]));
            let details: Vec<ExportTag> =
                serde_json::from_value(v[TAG_DETAILS_KEY].clone()).unwrap();
            assert_eq!(details, vec![mark.clone()]);
            if with_body {
                assert_eq!(v["body"], "第一段\n第二段");
            } else {
                assert!(v.get("body").is_none());
            }
            // Every other field is the `newstag articles` record's, same values.
            let record = crate::record::ArticleRecord::new(
                &issue,
                &issue.articles[0],
                vec!["heritage".into()],
            );
            let mut want = serde_json::to_value(&record).unwrap();
            let want = want.as_object_mut().unwrap();
            if !with_body {
                want.remove("body");
            }
            let mut got = v.as_object().unwrap().clone();
            got.remove(TAG_DETAILS_KEY);
            assert_eq!(got.remove(NOTE_KEY), Some(serde_json::Value::Null));
            assert_eq!(&got, want);
        }
    }
}

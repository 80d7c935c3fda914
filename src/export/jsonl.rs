//! JSONL export: one object per article, the `newstag articles` record with its tags
//! and, in `tag_details`, how and when each tag was set. The body text is included
//! only when asked for.

use super::{ExportTag, Row};
use crate::record::ArticleRecord;
use std::io::{self, Write};

/// The key holding how each tag was set.
pub const TAG_DETAILS_KEY: &str = "tag_details";

/// Write `rows` as JSON lines. Returns the number of lines written.
pub fn write_jsonl(out: &mut dyn Write, rows: &[Row<'_>], with_body: bool) -> io::Result<usize> {
    for row in rows {
        let mut record = ArticleRecord::new(row.issue, row.article, row.tag_names());
        if !with_body {
            record.body = String::new();
        }
        let mut value = serde_json::to_value(&record).map_err(io::Error::other)?;
        if let Some(map) = value.as_object_mut() {
            if !with_body {
                map.remove("body");
            }
            let details: &[ExportTag] = &row.tags;
            map.insert(
                TAG_DETAILS_KEY.to_string(),
                serde_json::to_value(details).map_err(io::Error::other)?,
            );
        }
        serde_json::to_writer(&mut *out, &value).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
    }
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Issue};

    /// Each line parses as JSON with the record's fields, tags and how they were set;
    /// the body appears only with --with-body.
    #[test]
    fn lines_hold_record_tags_and_optional_body() {
        let issue = Issue {
            rel: "a.txt".into(),
            articles: vec![Article {
                id: "abcdefabcdef".into(),
                title: "标题\n\"引号\"".into(),
                paragraphs: vec!["第一段".into(), "第二段".into()],
                ..Article::default()
            }],
            ..Issue::default()
        };
        let mark = ExportTag {
            name: "heritage".into(),
            by: "hand".into(),
            at: Some("2026-01-01T00:00:00Z".into()),
        };
        let rows = vec![Row {
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
        }
    }
}

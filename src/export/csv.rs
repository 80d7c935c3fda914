//! CSV export: one row per article, fixed columns then one 0/1 column per tag.
//!
//! Quoting follows RFC 4180 (the `csv` crate: fields with commas, quotes or line
//! breaks are quoted, quotes doubled, records end with CRLF). UTF-8 throughout;
//! `excel` puts a byte-order mark first so Excel shows Chinese text correctly.

use super::Row;
use std::io::{self, Write};

/// The UTF-8 byte-order mark Excel needs to read a CSV file as UTF-8.
pub const UTF8_BOM: &str = "\u{feff}";

/// The fixed columns, before the per-tag columns.
pub const FIXED_COLUMNS: [&str; 9] = [
    "issue", "date", "page", "id", "index", "kind", "title", "byline", "tags",
];

/// Separator of tag names in the `tags` column.
pub const TAG_SEPARATOR: &str = ";";

/// Prefix of the per-tag 0/1 columns (`tag_governance`), so a tag can never collide
/// with a fixed column and every header is a valid name in R and pandas.
pub const TAG_COLUMN_PREFIX: &str = "tag_";

/// Write `rows` as CSV with one 0/1 column per name of `tag_columns`. Returns the
/// number of data rows written.
pub fn write_csv(
    out: &mut dyn Write,
    rows: &[Row<'_>],
    tag_columns: &[String],
    excel: bool,
) -> io::Result<usize> {
    if excel {
        out.write_all(UTF8_BOM.as_bytes())?;
    }
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    let mut header: Vec<String> = FIXED_COLUMNS.iter().map(|s| s.to_string()).collect();
    header.extend(
        tag_columns
            .iter()
            .map(|t| format!("{TAG_COLUMN_PREFIX}{t}")),
    );
    w.write_record(&header).map_err(csv_to_io)?;
    let mut fields: Vec<String> = Vec::with_capacity(header.len());
    for row in rows {
        fields.clear();
        let names = row.tag_names();
        fields.push(row.issue.rel.clone());
        fields.push(row.issue.date.clone().unwrap_or_default());
        fields.push(row.issue.page.clone().unwrap_or_default());
        fields.push(row.article.id.clone());
        fields.push(row.article.index.to_string());
        fields.push(row.article.kind.as_str().to_string());
        fields.push(row.article.title.clone());
        fields.push(row.article.byline.clone());
        fields.push(names.join(TAG_SEPARATOR));
        for column in tag_columns {
            let on = names.iter().any(|n| n == column);
            fields.push(if on { "1" } else { "0" }.to_string());
        }
        w.write_record(&fields).map_err(csv_to_io)?;
    }
    w.flush()?;
    Ok(rows.len())
}

fn csv_to_io(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Issue};
    use crate::export::ExportTag;
    use std::sync::Arc;

    fn issue_with(title: &str) -> Issue {
        Issue {
            rel: "2024/03/01_A3.txt".into(),
            date: Some("2024-03-01".into()),
            page: Some("A3".into()),
            articles: Arc::from(vec![Article {
                id: "0123456789ab".into(),
                title: title.into(),
                byline: "本报记者 张三".into(),
                ..Article::default()
            }]),
            ..Issue::default()
        }
    }

    /// Titles with commas, quotes and line breaks come back intact from a CSV reader.
    #[test]
    fn tricky_title_survives_a_csv_reader() {
        let title = "社区\"网格\"治理，新举措,\n第二行";
        let issue = issue_with(title);
        let rows = vec![Row {
            issue: &issue,
            article: &issue.articles[0],
            tags: vec![ExportTag::named("governance"), ExportTag::named("新标签")],
        }];
        let cols = vec!["governance".to_string(), "heritage".to_string()];
        let mut buf = Vec::new();
        assert_eq!(write_csv(&mut buf, &rows, &cols, false).unwrap(), 1);
        let mut r = ::csv::Reader::from_reader(buf.as_slice());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header[6], "title");
        assert_eq!(header[9..], ["tag_governance", "tag_heritage"]);
        let rec = r.records().next().unwrap().unwrap();
        assert_eq!(&rec[6], title);
        assert_eq!(&rec[8], "governance;新标签");
        assert_eq!(&rec[9], "1");
        assert_eq!(&rec[10], "0");
    }

    /// The Excel variant starts with a byte-order mark, the plain one does not.
    #[test]
    fn excel_variant_has_bom() {
        let issue = issue_with("标题");
        let rows = vec![Row {
            issue: &issue,
            article: &issue.articles[0],
            tags: vec![],
        }];
        let mut plain = Vec::new();
        write_csv(&mut plain, &rows, &[], false).unwrap();
        let mut excel = Vec::new();
        write_csv(&mut excel, &rows, &[], true).unwrap();
        assert!(plain.starts_with(b"issue,"));
        assert!(excel.starts_with("\u{feff}issue,".as_bytes()));
        assert_eq!(&excel[3..], plain.as_slice());
    }
}

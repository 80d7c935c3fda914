//! CSV export: the [`Table`] of the spreadsheet exports, one row per article.
//!
//! Quoting follows RFC 4180 (the `csv` crate: fields with commas, quotes or line
//! breaks are quoted, quotes doubled, records end with CRLF). UTF-8 throughout;
//! `excel` puts a byte-order mark first so Excel shows Chinese text correctly.

use super::ExportRecord;
use super::table::{Cell, Table};
use std::io::{self, Write};

/// The UTF-8 byte-order mark Excel needs to read a CSV file as UTF-8.
pub const UTF8_BOM: &str = "\u{feff}";

/// Write `rows` as CSV with the columns of `table`. Returns the number of data
/// rows written.
pub fn write_csv(
    out: &mut dyn Write,
    rows: &[ExportRecord<'_>],
    table: &Table,
    excel: bool,
) -> io::Result<usize> {
    if excel {
        out.write_all(UTF8_BOM.as_bytes())?;
    }
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(table.header()).map_err(csv_to_io)?;
    // Numbers (an index, a 0/1 per tag: most cells of a row) are written
    // through one buffer, not a string made per cell.
    let mut number = String::new();
    for row in rows {
        for cell in table.cells(row) {
            let text = match &cell {
                Cell::Text(s) => s.as_bytes(),
                Cell::Number(n) => {
                    use std::fmt::Write;
                    number.clear();
                    let _ = write!(number, "{n}");
                    number.as_bytes()
                }
            };
            w.write_field(text).map_err(csv_to_io)?;
        }
        w.write_record(None::<&[u8]>).map_err(csv_to_io)?;
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
        let memo = "备忘,\"引号\"\n第二行";
        let rows = vec![ExportRecord {
            memos: vec![crate::tags::Memo::now(memo, "wang")],
            issue: &issue,
            article: &issue.articles[0],
            tags: vec![ExportTag::named("governance"), ExportTag::named("新标签")],
        }];
        let table = Table {
            tags: vec!["governance".to_string(), "heritage".to_string()],
            with_body: false,
        };
        let mut buf = Vec::new();
        assert_eq!(write_csv(&mut buf, &rows, &table, false).unwrap(), 1);
        let mut r = ::csv::Reader::from_reader(buf.as_slice());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header[6], "title");
        assert_eq!(header[9..], ["tag_governance", "tag_heritage", "note"]);
        let rec = r.records().next().unwrap().unwrap();
        assert_eq!(&rec[6], title);
        assert_eq!(&rec[8], "governance;新标签");
        assert_eq!(&rec[9], "1");
        assert_eq!(&rec[10], "0");
        assert_eq!(&rec[11], memo);
    }

    /// The Excel variant starts with a byte-order mark, the plain one does not.
    #[test]
    fn excel_variant_has_bom() {
        let issue = issue_with("标题");
        let rows = vec![ExportRecord {
            memos: Vec::new(),
            issue: &issue,
            article: &issue.articles[0],
            tags: vec![],
        }];
        let table = Table {
            tags: vec![],
            with_body: false,
        };
        let mut plain = Vec::new();
        write_csv(&mut plain, &rows, &table, false).unwrap();
        let mut excel = Vec::new();
        write_csv(&mut excel, &rows, &table, true).unwrap();
        assert!(plain.starts_with(b"issue,"));
        assert!(excel.starts_with("\u{feff}issue,".as_bytes()));
        assert_eq!(&excel[3..], plain.as_slice());
    }
}

//! The long table of decisions (`export --format long`): one row per article x
//! coder x tag, for every coder who coded the article (set any tag, or "no
//! topic"), with `value` 1 when the coder set the tag and 0 when not: the table
//! R's `irr` and `tidycomm`, ReCal and pandas read for reliability. `codebook`
//! is the codebook version the decision was made under (empty: none).

use super::ExportRecord;
use crate::tags::team::Decision;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// The columns of the long table.
pub const HEADER: [&str; 10] = [
    "issue", "date", "id", "title", "coder", "tag", "value", "by", "at", "codebook",
];

/// One article's decisions: coder -> tag -> decision.
type ByCoder<'a> = BTreeMap<&'a str, BTreeMap<&'a str, &'a Decision>>;

/// Write the long table of `rows`' articles: for each article, each coder who
/// coded it (by name, the unknown coder as an empty name) and each tag of
/// `tags` (then any other tag a coder set), one row. Returns the rows written.
pub fn write_long(
    out: &mut dyn Write,
    rows: &[ExportRecord<'_>],
    decisions: &[Decision],
    tags: &[String],
    excel: bool,
) -> io::Result<usize> {
    if excel {
        out.write_all(super::csv::UTF8_BOM.as_bytes())?;
    }
    // (issue, id) -> coder -> tag -> decision
    let mut by_article: BTreeMap<(&str, &str), ByCoder> = BTreeMap::new();
    for d in decisions {
        by_article
            .entry((d.issue.as_str(), d.id.as_str()))
            .or_default()
            .entry(d.coder.as_str())
            .or_default()
            .insert(d.tag.as_str(), d);
    }
    let mut columns: Vec<&str> = tags.iter().map(String::as_str).collect();
    let extra: BTreeSet<&str> = decisions
        .iter()
        .map(|d| d.tag.as_str())
        .filter(|t| !columns.contains(t))
        .collect();
    columns.extend(extra);
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(HEADER).map_err(csv_to_io)?;
    let mut n = 0;
    for row in rows {
        let key = (row.issue.rel.as_str(), row.article.id.as_str());
        let Some(coders) = by_article.get(&key) else {
            continue;
        };
        let title = row.article.display_title();
        let date = row.issue.date.clone().unwrap_or_default();
        for (coder, set) in coders {
            for tag in &columns {
                let d = set.get(tag);
                let version = d
                    .map(|d| d.mark.codebook)
                    .filter(|v| *v > 0)
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                let record = [
                    row.issue.rel.as_str(),
                    date.as_str(),
                    row.article.id.as_str(),
                    title.as_str(),
                    coder,
                    tag,
                    if d.is_some() { "1" } else { "0" },
                    d.map(|d| d.mark.by.as_str()).unwrap_or(""),
                    d.map(|d| d.mark.at.as_str()).unwrap_or(""),
                    version.as_str(),
                ];
                w.write_record(record).map_err(csv_to_io)?;
                n += 1;
            }
        }
    }
    w.flush()?;
    Ok(n)
}

fn csv_to_io(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

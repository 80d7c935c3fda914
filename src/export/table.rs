//! The table the spreadsheet exports share (CSV and xlsx): one row per article,
//! fixed columns, the body when asked for, then one 0/1 column per tag. Both
//! writers take their header and cells from here, so the two cannot drift apart.

use super::ExportRecord;
use std::borrow::Cow;

/// The fixed columns, before the body and the per-tag columns.
pub const FIXED_COLUMNS: [&str; 9] = [
    "issue", "date", "page", "id", "index", "kind", "title", "byline", "tags",
];

/// The column holding the article's paragraphs (joined by `\n`), with `--with-body`.
pub const BODY_COLUMN: &str = "body";

/// The column holding the article's memo (see [`super::Row::note`]), the last
/// one (after the per-tag columns, so the columns before keep their places).
pub const NOTE_COLUMN: &str = "note";

/// Separator of tag names in the `tags` column.
pub const TAG_SEPARATOR: &str = ";";

/// Prefix of the per-tag 0/1 columns (`tag_governance`), so a tag can never collide
/// with a fixed column and every header is a valid name in R and pandas.
pub const TAG_COLUMN_PREFIX: &str = "tag_";

/// One cell: text, or a count a spreadsheet should add up (index, tag 0/1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(usize),
}

impl Cell<'_> {
    /// The cell as CSV writes it.
    pub fn as_text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Number(n) => Cow::Owned(n.to_string()),
        }
    }
}

/// Which columns a table has: the fixed ones, `body` if asked, one per tag,
/// `note`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Tag names of the 0/1 columns, in order (see [`super::tag_columns`]).
    pub tags: Vec<String>,
    /// Whether the `body` column is there.
    pub with_body: bool,
}

impl Table {
    /// The header row.
    pub fn header(&self) -> Vec<String> {
        let mut header: Vec<String> = FIXED_COLUMNS.iter().map(|s| s.to_string()).collect();
        if self.with_body {
            header.push(BODY_COLUMN.to_string());
        }
        header.extend(self.tags.iter().map(|t| format!("{TAG_COLUMN_PREFIX}{t}")));
        header.push(NOTE_COLUMN.to_string());
        header
    }

    /// The cells of `row`, in header order.
    pub fn cells<'a>(&self, row: &ExportRecord<'a>) -> Vec<Cell<'a>> {
        let text = |s: &'a str| Cell::Text(Cow::Borrowed(s));
        let (issue, article) = (row.issue, row.article);
        let mut cells = Vec::with_capacity(FIXED_COLUMNS.len() + 2 + self.tags.len());
        cells.push(text(&issue.rel));
        cells.push(text(issue.date.as_deref().unwrap_or("")));
        cells.push(text(issue.page.as_deref().unwrap_or("")));
        cells.push(text(&article.id));
        cells.push(Cell::Number(article.index));
        cells.push(text(article.kind.as_str()));
        cells.push(text(&article.title));
        cells.push(text(&article.byline));
        let names: Vec<&str> = row.tags.iter().map(|t| t.name.as_str()).collect();
        cells.push(Cell::Text(Cow::Owned(names.join(TAG_SEPARATOR))));
        if self.with_body {
            cells.push(Cell::Text(Cow::Owned(article.body())));
        }
        for column in &self.tags {
            cells.push(Cell::Number(usize::from(names.contains(&column.as_str()))));
        }
        cells.push(Cell::Text(Cow::Owned(row.note().unwrap_or_default())));
        cells
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Issue};
    use crate::export::ExportTag;
    use std::sync::Arc;

    /// Every row has as many cells as the header has names, body or not.
    #[test]
    fn cells_line_up_with_the_header() {
        let issue = Issue {
            rel: "a.txt".into(),
            articles: Arc::from(vec![Article {
                title: "标题".into(),
                paragraphs: vec!["一".into(), "二".into()].into(),
                ..Article::default()
            }]),
            ..Issue::default()
        };
        let row = ExportRecord {
            memos: Vec::new(),
            issue: &issue,
            article: &issue.articles[0],
            tags: vec![ExportTag::named("b")],
        };
        for with_body in [false, true] {
            let table = Table {
                tags: vec!["a".into(), "b".into()],
                with_body,
            };
            let header = table.header();
            let cells = table.cells(&row);
            assert_eq!(header.len(), cells.len());
            let at = |name: &str| &cells[header.iter().position(|h| h == name).unwrap()];
            assert_eq!(at("tag_a"), &Cell::Number(0));
            assert_eq!(at("tag_b"), &Cell::Number(1));
            assert_eq!(at("title").as_text(), "标题");
            if with_body {
                assert_eq!(at("body").as_text(), "一\n二");
            }
        }
    }
}

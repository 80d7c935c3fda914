//! Exports of tagged articles for analysis elsewhere (Excel, pandas, R, other
//! annotation tools): CSV, Excel workbooks, JSONL, and a TOML dump that `import`
//! restores.
//!
//! The writers know nothing of where tags are stored: they take [`ExportRecord`]s, each an
//! article with its [`ExportTag`]s, gathered by [`rows::gather`] from a corpus and
//! the decisions asked for (the same for `newstag export` and the TUI's dialog).

pub mod atomic;
pub mod csv;
pub mod import;
pub mod jsonl;
pub mod long;
pub mod rows;
pub mod table;
pub mod toml_dump;
pub mod xlsx;

use crate::article::{Article, Issue};
use crate::corpus::Corpus;
use crate::tags::{ArticleTags, Memo, TagStore};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;

/// One tag on one article, and how it got there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportTag {
    /// The tag's name as in the vocabulary and the sidecars.
    pub name: String,
    /// How the tag was set, as in the sidecars (`hand`, `suggestion`, `import`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// When the tag was set (RFC 3339), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Who set it, when known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub coder: String,
    /// The codebook version it was decided under (0: none recorded).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub codebook: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl ExportTag {
    /// A tag with nothing known about how it was set.
    pub fn named(name: &str) -> ExportTag {
        ExportTag {
            name: name.to_string(),
            by: String::new(),
            at: None,
            coder: String::new(),
            codebook: 0,
        }
    }
}

/// One article to export, with its tags and memos.
#[derive(Debug, Clone)]
pub struct ExportRecord<'a> {
    pub issue: &'a Issue,
    pub article: &'a Article,
    pub tags: Vec<ExportTag>,
    /// The memos on the article (the exporting coder's first; see
    /// [`memos_in_store`]).
    pub memos: Vec<Memo>,
}

impl ExportRecord<'_> {
    /// The tag names, in the order they are stored.
    pub fn tag_names(&self) -> Vec<String> {
        self.tags.iter().map(|t| t.name.clone()).collect()
    }

    /// The `note` column: the memo's text; several coders' memos one a line,
    /// each after its coder's name (`wang: ...`); `None` without a memo.
    pub fn note(&self) -> Option<String> {
        match self.memos.as_slice() {
            [] => None,
            [one] => Some(one.text.clone()),
            many => Some(
                many.iter()
                    .map(|m| {
                        let coder = if m.coder.is_empty() {
                            crate::tags::team::UNKNOWN
                        } else {
                            &m.coder
                        };
                        format!("{coder}: {}", m.text)
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        }
    }
}

/// The memos on an article as `store` shows them (its own first).
pub fn memos_in_store(store: &TagStore, issue: &Issue, article: &Article) -> Vec<Memo> {
    store
        .memos(&issue.rel, &article.id)
        .into_iter()
        .cloned()
        .collect()
}

/// The tag columns of an export: the vocabulary in its order, then any other tag
/// found on the rows (sorted), so no tag is ever dropped.
pub fn tag_columns(vocabulary: &[String], rows: &[ExportRecord<'_>]) -> Vec<String> {
    let mut columns: Vec<String> = Vec::new();
    for name in vocabulary {
        if !columns.contains(name) {
            columns.push(name.clone());
        }
    }
    let mut extra: Vec<String> = rows
        .iter()
        .flat_map(|r| r.tags.iter().map(|t| t.name.clone()))
        .filter(|n| !columns.contains(n))
        .collect();
    extra.sort();
    extra.dedup();
    columns.extend(extra);
    columns
}

/// The tags of an article as `store` holds them, with how and when each was set.
pub fn tags_in_store(store: &TagStore, issue: &Issue, article: &Article) -> Vec<ExportTag> {
    store
        .tags_of(&issue.rel, &article.id)
        .map(|set| {
            set.iter()
                .map(|(name, mark)| ExportTag {
                    name: name.clone(),
                    by: mark.by.as_str().to_string(),
                    at: (!mark.at.is_empty()).then(|| mark.at.clone()),
                    coder: mark.coder.clone(),
                    codebook: mark.codebook,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The settled decision of each unit (see [`crate::tags::adjudicate`]) as the
/// tags to export, by `(issue, id)`: an adjudication's tags (`by` =
/// `adjudicated`, its adjudicator and time), else the tags every coder agrees
/// on (`by` = `agreed`, the coders joined by `+`); a unit settled on no topic
/// carries `no_topic`. Units still in dispute are left out, and counted in
/// the second value.
pub fn settled_tags(
    units: &[crate::tags::adjudicate::Unit],
    no_topic: &str,
) -> (HashMap<(String, String), Vec<ExportTag>>, usize) {
    let mut out = HashMap::new();
    let mut waiting = 0;
    for u in units {
        let Some(tags) = u.settled() else {
            waiting += 1;
            continue;
        };
        let (by, coder, at) = match &u.adjudicated {
            Some((who, at, _)) => ("adjudicated", who.clone(), Some(at.clone())),
            None => (
                "agreed",
                u.coders.keys().cloned().collect::<Vec<_>>().join("+"),
                None,
            ),
        };
        let mut names: Vec<&str> = tags.iter().map(String::as_str).collect();
        if names.is_empty() {
            names.push(no_topic);
        }
        let list = names
            .into_iter()
            .map(|name| ExportTag {
                name: name.to_string(),
                by: by.to_string(),
                at: at.clone(),
                coder: coder.clone(),
                codebook: 0,
            })
            .collect();
        out.insert((u.issue.clone(), u.id.clone()), list);
    }
    (out, waiting)
}

/// Saved tags of `corpus` that are on no current article, which a full TOML
/// dump keeps: `(issue, record)` of orphaned tags (whose article is gone), then
/// of sidecars whose issue file is gone (see [`crate::tags::stray`]). The second
/// list names the stray sidecars that cannot be read (their tags stay on disk).
pub fn orphans_in_store(
    corpus: &Corpus,
    store: &TagStore,
) -> (Vec<(String, ArticleTags)>, Vec<String>) {
    let mut kept: Vec<(String, ArticleTags)> = corpus
        .issues
        .iter()
        .flat_map(|i| {
            store
                .orphans_of(&i.rel)
                .iter()
                .map(|r| (i.rel.clone(), r.clone()))
        })
        .collect();
    let stray = crate::tags::stray::find(corpus, store);
    let root = store.sidecar_dir().unwrap_or(&corpus.root);
    let (tags, unreadable) = crate::tags::stray::tags_of(&stray.lost, root);
    kept.extend(tags);
    (kept, unreadable)
}

/// How to write an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    pub format: ExportFormat,
    /// CSV, xlsx and JSONL: include the body text.
    pub with_body: bool,
    /// CSV: start with a byte-order mark for Excel.
    pub excel: bool,
}

/// Write `rows` in the chosen format. `vocabulary` orders the tag columns of CSV
/// and xlsx; `orphans` go into a TOML dump only. Returns the number of records
/// written (rows for CSV, xlsx and JSONL, tagged articles for TOML).
pub fn write_export(
    out: &mut dyn Write,
    rows: &[ExportRecord<'_>],
    vocabulary: &[String],
    orphans: &[(String, ArticleTags)],
    options: ExportOptions,
) -> io::Result<usize> {
    match options.format {
        ExportFormat::Csv | ExportFormat::Xlsx => {
            let table = table::Table {
                tags: tag_columns(vocabulary, rows),
                with_body: options.with_body,
            };
            if options.format == ExportFormat::Xlsx {
                xlsx::write_xlsx(out, rows, &table)
            } else {
                csv::write_csv(out, rows, &table, options.excel)
            }
        }
        ExportFormat::Jsonl => jsonl::write_jsonl(out, rows, options.with_body),
        ExportFormat::Toml => {
            toml_dump::write_dump(out, &toml_dump::Dump::from_rows(rows, orphans))
        }
    }
}

/// The export file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Jsonl,
    Toml,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Csv,
        ExportFormat::Xlsx,
        ExportFormat::Jsonl,
        ExportFormat::Toml,
    ];

    /// The name used on the command line and as the file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Toml => "toml",
        }
    }
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: already exists (use --force to overwrite)", path.display())]
    Exists { path: PathBuf },
    #[error("{}: is a folder; give the name of the file to write", path.display())]
    Folder { path: PathBuf },
    /// The cause is part of the message, not a `source`: error chains print it once.
    #[error("{}: {cause}", path.display())]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}: {message}", path.display())]
    Encode { path: PathBuf, message: String },
    /// The decisions asked for cannot be exported (a coder without any).
    #[error("{0}")]
    Decisions(String),
}

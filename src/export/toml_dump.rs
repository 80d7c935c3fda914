//! The TOML dump: the tags of every sidecar of a corpus in one document, a backup
//! that `newstag import` restores (in the spirit of `notmuch dump`/`restore`).
//!
//! ```toml
//! # newstag tag dump: restore with `newstag import FILE [CORPUS]`.
//! newstag_dump = 1
//!
//! [[issue]]
//! issue = "2024/01/02_03.txt"
//!
//! [[issue.article]]
//! id = "3f2a9c01b7de"
//! title = "老旧小区改造让居民住得更舒心"
//! tags = [
//!   { name = "governance", at = "2026-11-23T02:40:00Z", by = "hand" },
//! ]
//! ```
//!
//! Each article carries its id and display title, so import re-attaches tags the
//! same way sidecars are (by id, then by title) even if the corpus changed. Tags
//! keep when and how they were set; an article's memo is its `memo = { ... }`
//! line, as in sidecars (the exporting coder's, else the first shown); the
//! other coders' memos on it (the team layout keeps one a coder) follow the
//! issue's articles as `[[issue.memo]]` tables of their own (`id`, `title`,
//! `memo`), so a dump keeps every coder's memo.

use super::ExportRecord;
use crate::tags::sidecar::{RawArticle, article_table, articles_from_raw, quote, toml_error_at};
use crate::tags::{ArticleTags, Source, TagMark, TagSet};
use serde::Deserialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The dump format version this build reads and writes.
pub const DUMP_SCHEMA: u32 = 1;

/// The tags of one issue in a dump.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DumpIssue {
    /// Issue path relative to the corpus root, with `/`.
    pub issue: String,
    /// Tagged articles, in id order.
    pub articles: Vec<ArticleTags>,
    /// Other coders' memos on its articles, one record each (id, title and
    /// memo, no tags), in id order.
    pub memos: Vec<ArticleTags>,
}

/// A whole dump: issues in corpus order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dump {
    pub issues: Vec<DumpIssue>,
}

impl Dump {
    /// The dump of the tagged `rows` and those with a memo (the rest are
    /// skipped), plus `orphans`:
    /// `(issue, record)` of saved tags whose article is gone, kept so a backup never
    /// loses them.
    pub fn from_rows(rows: &[ExportRecord<'_>], orphans: &[(String, ArticleTags)]) -> Dump {
        let mut issues: Vec<DumpIssue> = Vec::new();
        let mut push = |rel: &str, record: ArticleTags, memos: Vec<ArticleTags>| match issues
            .iter_mut()
            .rev()
            .find(|i| i.issue == rel)
        {
            Some(i) => {
                i.articles.push(record);
                i.memos.extend(memos);
            }
            None => issues.push(DumpIssue {
                issue: rel.to_string(),
                articles: vec![record],
                memos,
            }),
        };
        for row in rows
            .iter()
            .filter(|r| !r.tags.is_empty() || !r.memos.is_empty())
        {
            let tags: TagSet = row
                .tags
                .iter()
                .map(|t| {
                    let mark = TagMark {
                        at: t.at.clone().unwrap_or_default(),
                        by: Source::parse(&t.by).unwrap_or_default(),
                        coder: t.coder.clone(),
                        codebook: t.codebook,
                    };
                    (t.name.clone(), mark)
                })
                .collect();
            let title = row.article.display_title();
            let others = row
                .memos
                .iter()
                .skip(1)
                .map(|m| ArticleTags {
                    id: row.article.id.clone(),
                    title: title.clone(),
                    tags: TagSet::new(),
                    memo: Some(m.clone()),
                })
                .collect();
            let record = ArticleTags {
                id: row.article.id.clone(),
                title,
                tags,
                memo: row.memos.first().cloned(),
            };
            push(&row.issue.rel, record, others);
        }
        for (rel, record) in orphans.iter().filter(|(_, r)| !r.is_empty()) {
            push(rel, record.clone(), Vec::new());
        }
        for i in &mut issues {
            i.articles.sort_by(|a, b| a.id.cmp(&b.id));
            i.memos.sort_by(|a, b| a.id.cmp(&b.id));
        }
        Dump { issues }
    }

    /// Number of tagged articles in the dump.
    pub fn article_count(&self) -> usize {
        self.issues.iter().map(|i| i.articles.len()).sum()
    }

    /// This dump with only `coder`'s memos (and those of no known coder),
    /// and every other coder's memos as a dump of their own, by coder: in the
    /// team layout each coder's memos go back to their own sidecars.
    pub fn split_memos(mut self, coder: &str) -> (Dump, Vec<(String, Dump)>) {
        let mut others: std::collections::BTreeMap<String, Dump> = Default::default();
        for issue in &mut self.issues {
            let mut memos = std::mem::take(&mut issue.memos);
            for a in &mut issue.articles {
                if let Some(memo) = a.memo.take() {
                    memos.push(ArticleTags {
                        id: a.id.clone(),
                        title: a.title.clone(),
                        tags: TagSet::new(),
                        memo: Some(memo),
                    });
                }
            }
            for record in memos {
                let who = record.memo.as_ref().map_or("", |m| m.coder.as_str());
                if who.is_empty() || who == coder {
                    match issue
                        .articles
                        .iter_mut()
                        .find(|a| a.id == record.id && a.memo.is_none())
                    {
                        Some(a) => a.memo = record.memo,
                        None => issue.articles.push(record),
                    }
                    continue;
                }
                let theirs = others.entry(who.to_string()).or_default();
                match theirs.issues.iter_mut().find(|i| i.issue == issue.issue) {
                    Some(i) => i.articles.push(record),
                    None => theirs.issues.push(DumpIssue {
                        issue: issue.issue.clone(),
                        articles: vec![record],
                        memos: Vec::new(),
                    }),
                }
            }
        }
        for issue in &mut self.issues {
            issue.articles.retain(|a| !a.is_empty());
        }
        (self, others.into_iter().collect())
    }
}

/// Write `dump` as TOML. Returns the number of articles written.
pub fn write_dump(out: &mut dyn Write, dump: &Dump) -> io::Result<usize> {
    writeln!(
        out,
        "# newstag tag dump: restore with `newstag import FILE [CORPUS]`."
    )?;
    writeln!(out, "newstag_dump = {DUMP_SCHEMA}")?;
    for issue in &dump.issues {
        write!(out, "\n[[issue]]\nissue = {}\n", quote(&issue.issue))?;
        for a in issue.articles.iter() {
            out.write_all(article_table("issue.article", a).as_bytes())?;
        }
        for m in issue.memos.iter() {
            out.write_all(article_table("issue.memo", m).as_bytes())?;
        }
    }
    Ok(dump.article_count())
}

/// A dump file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct DumpError {
    pub path: PathBuf,
    /// 1-based line of the problem.
    pub line: usize,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDump {
    newstag_dump: u32,
    #[serde(default)]
    issue: Vec<RawIssue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIssue {
    issue: String,
    #[serde(default)]
    article: Vec<RawArticle>,
    #[serde(default)]
    memo: Vec<RawArticle>,
}

/// Parse dump text read from `path` (the path is only used in errors).
pub fn parse_dump(text: &str, path: &Path) -> Result<Dump, DumpError> {
    let err = |line: usize, message: String| DumpError {
        path: path.to_path_buf(),
        line,
        message,
    };
    let text = text.trim_start_matches('\u{feff}');
    let raw: RawDump = toml::from_str(text).map_err(|e| {
        let (line, message) = toml_error_at(text, &e);
        err(line, message)
    })?;
    if raw.newstag_dump != DUMP_SCHEMA {
        let line = text
            .lines()
            .position(|l| l.starts_with("newstag_dump"))
            .map_or(1, |i| i + 1);
        return Err(err(
            line,
            format!(
                "dump format {} is not one this newstag reads (it reads {DUMP_SCHEMA})",
                raw.newstag_dump
            ),
        ));
    }
    let mut issues = Vec::with_capacity(raw.issue.len());
    for i in raw.issue {
        let articles = articles_from_raw(i.article, text).map_err(|(line, m)| err(line, m))?;
        let memos = articles_from_raw(i.memo, text).map_err(|(line, m)| err(line, m))?;
        issues.push(DumpIssue {
            issue: i.issue,
            articles,
            memos,
        });
    }
    Ok(Dump { issues })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Issue};
    use crate::export::ExportTag;
    use std::sync::Arc;

    /// A dump written and parsed back is the same, titles with quotes, commas,
    /// backslashes and newlines included, and marks (when, how) kept.
    #[test]
    fn dump_round_trips_through_toml() {
        let issue = Issue {
            rel: "2024/03/01.txt".into(),
            articles: Arc::from(vec![Article {
                id: "aaaaaaaaaaaa".into(),
                title: "“社区”，\"网格\"\\治理\n第二行".into(),
                ..Article::default()
            }]),
            ..Issue::default()
        };
        let rows = vec![ExportRecord {
            memos: Vec::new(),
            issue: &issue,
            article: &issue.articles[0],
            tags: vec![
                ExportTag {
                    name: "governance".into(),
                    by: "suggestion".into(),
                    at: Some("2026-11-23T02:40:00Z".into()),
                    coder: String::new(),
                    codebook: 3,
                },
                ExportTag {
                    name: "新 标签".into(),
                    by: "hand".into(),
                    at: Some("2026-11-23T02:41:00Z".into()),
                    coder: "王芳".into(),
                    codebook: 0,
                },
            ],
        }];
        let orphan = ArticleTags {
            memo: None,
            id: "bbbbbbbbbbbb".into(),
            title: "已删除的文章".into(),
            tags: TagSet::from([(
                "heritage".to_string(),
                TagMark {
                    at: "2026-01-01T00:00:00Z".into(),
                    by: Source::Import,
                    coder: String::new(),
                    codebook: 0,
                },
            )]),
        };
        let dump = Dump::from_rows(&rows, &[(issue.rel.clone(), orphan)]);
        assert_eq!(dump.article_count(), 2);
        let mut buf = Vec::new();
        write_dump(&mut buf, &dump).unwrap();
        let text = String::from_utf8(buf).unwrap();
        // A generic TOML reader accepts it too.
        let value: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(value["issue"].as_array().unwrap().len(), 1);
        let back = parse_dump(&text, Path::new("dump.toml")).unwrap();
        assert_eq!(back, dump);
        assert_eq!(back.issues[0].articles[0].title, issue.articles[0].title);
    }

    /// A broken dump names the file and line instead of importing half of it.
    #[test]
    fn bad_dump_names_file_and_line() {
        let text = "newstag_dump = 1\n\n[[issue]]\nissue = \"a.txt\"\nbogus = 3\n";
        let e = parse_dump(text, Path::new("backup.toml")).unwrap_err();
        assert_eq!(e.line, 5, "{e}");
        assert!(e.to_string().starts_with("backup.toml:5:"), "{e}");
        let e = parse_dump("newstag_dump = 9\n", Path::new("b.toml")).unwrap_err();
        assert!(e.message.contains("dump format 9"), "{e}");
    }
}

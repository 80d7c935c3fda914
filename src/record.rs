//! The per-article record printed by `newstag articles --format jsonl` and reused by
//! `search`, `export` and other tools. Field names are a public interface.

use crate::article::{Article, Issue};
use serde::Serialize;

/// One article as scripts see it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleRecord {
    pub id: String,
    /// Path of the issue relative to the corpus root, with `/`.
    pub issue: String,
    pub index: usize,
    pub line: usize,
    pub kind: &'static str,
    pub kicker: String,
    pub title: String,
    pub subtitle: String,
    pub byline: String,
    /// Paragraphs joined by `\n`.
    pub body: String,
    pub date: Option<String>,
    pub page: Option<String>,
    pub tags: Vec<String>,
    /// Why segmentation doubts its cut of the article (`crate::article::Doubt` names).
    pub doubts: Vec<&'static str>,
}

impl ArticleRecord {
    pub fn new(issue: &Issue, article: &Article, tags: Vec<String>) -> ArticleRecord {
        ArticleRecord {
            id: article.id.clone(),
            issue: issue.rel.clone(),
            index: article.index,
            line: article.line,
            kind: article.kind.as_str(),
            kicker: article.kicker.clone(),
            title: article.title.clone(),
            subtitle: article.subtitle.clone(),
            byline: article.byline.clone(),
            body: article.body(),
            date: issue.date.clone(),
            page: issue.page.clone(),
            tags,
            doubts: article.doubts.names(),
        }
    }
}

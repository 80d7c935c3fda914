//! The article and issue records everything else is keyed by.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

/// What sort of piece an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A news report (the default).
    #[default]
    News,
    /// A long feature with intertitles.
    Feature,
    /// Commentary, editorial, opinion.
    Commentary,
    /// A photo caption standing alone.
    Photo,
    /// Text continued from another page, or titleless text.
    Continuation,
    /// One dated item of a timeline.
    Timeline,
    /// A notice or announcement.
    Notice,
    /// A question-and-answer item.
    Qa,
    /// A short news brief.
    Brief,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::News,
        Kind::Feature,
        Kind::Commentary,
        Kind::Photo,
        Kind::Continuation,
        Kind::Timeline,
        Kind::Notice,
        Kind::Qa,
        Kind::Brief,
    ];

    /// The name used in JSON, queries (`kind:photo`) and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::News => "news",
            Kind::Feature => "feature",
            Kind::Commentary => "commentary",
            Kind::Photo => "photo",
            Kind::Continuation => "continuation",
            Kind::Timeline => "timeline",
            Kind::Notice => "notice",
            Kind::Qa => "qa",
            Kind::Brief => "brief",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// One article of an issue, as segmentation produced it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Stable id (see `crate::segment::id`): 12 lowercase hex digits.
    pub id: String,
    /// 0-based position in the issue, in reading order.
    pub index: usize,
    /// 1-based line of the issue file where the article starts.
    pub line: usize,
    pub kind: Kind,
    pub kicker: String,
    pub title: String,
    pub subtitle: String,
    pub byline: String,
    /// Body paragraphs in reading order, re-joined across column breaks.
    pub paragraphs: Vec<String>,
}

impl Article {
    /// The body as one string, paragraphs joined by `\n`.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n")
    }

    /// The title, or for a titleless article the first words of its body.
    pub fn display_title(&self) -> String {
        if !self.title.trim().is_empty() {
            return self.title.clone();
        }
        let first = self.paragraphs.first().map(String::as_str).unwrap_or("");
        let snippet: String = first.trim().chars().take(24).collect();
        if first.trim().chars().count() > 24 {
            format!("{snippet}...")
        } else {
            snippet
        }
    }

    /// Number of characters of body text.
    pub fn body_chars(&self) -> usize {
        self.paragraphs.iter().map(|p| p.chars().count()).sum()
    }
}

/// One issue file and its articles.
#[derive(Debug, Clone, Default)]
pub struct Issue {
    /// The file on disk.
    pub path: PathBuf,
    /// Path relative to the corpus root, with `/` separators.
    pub rel: String,
    /// `YYYY-MM-DD` when the header or the path tells it.
    pub date: Option<String>,
    /// Page as written (`3`, `A2`), when the header or the path tells it.
    pub page: Option<String>,
    /// The encoding the file was decoded from (`UTF-8`, `GB18030`, `UTF-16LE`...).
    pub encoding: &'static str,
    /// Size of the file in bytes.
    pub bytes: u64,
    pub articles: Arc<[Article]>,
}

impl Issue {
    /// A short human label: date and page, else the file name.
    pub fn label(&self) -> String {
        match (&self.date, &self.page) {
            (Some(d), Some(p)) => format!("{d} 第{p}版"),
            (Some(d), None) => d.clone(),
            _ => self.rel.clone(),
        }
    }
}

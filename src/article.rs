//! The article and issue records everything else is keyed by.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

pub mod at;
pub mod paragraphs;

pub use at::ArticleAt;
pub use paragraphs::{BodyStore, Paragraphs, body_digest, body_digest_of_bytes};

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

/// A reason segmentation gives for doubting its own cut of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Doubt {
    /// The title reads as a person's name (a byline taken for the title).
    NameTitle,
    /// The title reads as a column label or recurs across issues (a label taken for
    /// the title).
    LabelTitle,
    /// Body text was joined across a column cut on shared wording only, not by a
    /// word or punctuation running over the cut.
    Wording,
    /// Very little body text.
    Short,
    /// No title (and not a caption or a part continued from another page).
    NoTitle,
}

impl Doubt {
    pub const ALL: [Doubt; 5] = [
        Doubt::NameTitle,
        Doubt::LabelTitle,
        Doubt::Wording,
        Doubt::Short,
        Doubt::NoTitle,
    ];

    /// The name used in JSON and queries (`doubt:short`).
    pub fn as_str(self) -> &'static str {
        match self {
            Doubt::NameTitle => "name-title",
            Doubt::LabelTitle => "label-title",
            Doubt::Wording => "wording",
            Doubt::Short => "short",
            Doubt::NoTitle => "no-title",
        }
    }

    pub fn parse(name: &str) -> Option<Doubt> {
        Doubt::ALL.into_iter().find(|d| d.as_str() == name)
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The reasons for doubt of one article (a set, one byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Doubts(u8);

impl Doubts {
    pub fn insert(&mut self, d: Doubt) {
        self.0 |= d.bit();
    }

    pub fn remove(&mut self, d: Doubt) {
        self.0 &= !d.bit();
    }

    pub fn contains(self, d: Doubt) -> bool {
        self.0 & d.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The reasons, in the order of [`Doubt::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Doubt> {
        Doubt::ALL.into_iter().filter(move |d| self.contains(*d))
    }

    /// The set as one byte (for compact columns).
    pub fn bits(self) -> u8 {
        self.0
    }

    pub fn from_bits(bits: u8) -> Doubts {
        Doubts(bits)
    }

    /// The reasons' names, in the order of [`Doubt::ALL`].
    pub fn names(self) -> Vec<&'static str> {
        self.iter().map(Doubt::as_str).collect()
    }
}

impl FromIterator<Doubt> for Doubts {
    fn from_iter<I: IntoIterator<Item = Doubt>>(iter: I) -> Doubts {
        let mut out = Doubts::default();
        for d in iter {
            out.insert(d);
        }
        out
    }
}

impl Serialize for Doubts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Doubt::as_str))
    }
}

impl<'de> Deserialize<'de> for Doubts {
    /// Names newstag does not know (from a newer version) are left out.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Doubts, D::Error> {
        let names: Vec<String> = Vec::deserialize(d)?;
        Ok(names.iter().filter_map(|n| Doubt::parse(n)).collect())
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
    pub paragraphs: Paragraphs,
    /// Why segmentation doubts its cut of this article (empty when it does not).
    #[serde(default)]
    pub doubts: Doubts,
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
        // Read, not kept: a body left in the corpus cache stays there.
        let read = self.paragraphs.read();
        let first = read.first().map(String::as_str).unwrap_or("");
        let snippet: String = first.trim().chars().take(24).collect();
        if first.trim().chars().count() > 24 {
            format!("{snippet}{}", crate::text::CUT_MARK)
        } else {
            snippet
        }
    }

    /// Number of characters of body text.
    pub fn body_chars(&self) -> usize {
        self.paragraphs.chars()
    }

    /// The pieces of text the article holds, in reading order: its kicker, title,
    /// subtitle, byline and body paragraphs (empty pieces left out). A line of the
    /// page is the article's when one piece holds it whole.
    pub fn pieces(&self) -> impl Iterator<Item = &str> {
        [&self.kicker, &self.title, &self.subtitle, &self.byline]
            .into_iter()
            .chain(self.paragraphs.iter())
            .map(String::as_str)
            .filter(|t| !t.is_empty())
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
    /// What the page tells of its paper's habits (its short head lines, hashed),
    /// kept from the cut until the corpus has learned them (see
    /// [`crate::corpus::habits`]); empty after that.
    pub habit_lines: crate::segment::habits::PageLines,
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

//! Corrections: the user's fixes to how an issue was cut into articles, kept as
//! data in the issue's sidecar and applied after segmentation on every load.
//!
//! - [`Correction`]: one fix (split before a line, join an article to the one
//!   before, set a line's role, move a paragraph to another article), anchored on
//!   the *text* of the lines it touches (the line number is a hint), so it
//!   survives re-encoding, other line ends, re-spacing and a better segmenter.
//! - [`page`]: an issue's articles as parts with their source lines, built from
//!   segmentation's public `explain_issue`, edited by the operations.
//! - [`carry`]: which article of the corrected issue inherits the tags of each
//!   article before (split: the part with the title; join: the joined article).
//! - [`follow`]: one sidecar's tag records following a change of the
//!   articles, and the change of tags it made (replayed backward by an undo).
//! - [`file`]: corrections in the sidecar (`[[correction]]`), read on load and
//!   changed under the sidecar's lock together with the tags they move.
//!
//! A correction whose anchor text is gone, or that no longer makes sense on the
//! page (the article already starts there), is *stale*: it is kept in the
//! sidecar, skipped, and reported by `newstag check`.

pub mod carry;
pub mod file;
pub mod follow;
pub mod page;

use crate::article::Article;
use serde::{Deserialize, Serialize};

/// What a correction does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    /// Start a new article at the line.
    SplitBefore,
    /// Join the article holding the line to the article before it.
    Join,
    /// Give the line another role.
    Role,
    /// Move the line's paragraph to the article whose first line is `to_text`.
    Move,
    /// A story across pages by hand: the part `id` (whose first line is the
    /// line) goes on in the part `to_id` of the issue `to_issue`.
    Link,
    /// The part `id` stands alone: no story links to or from it.
    Unlink,
}

impl Op {
    /// The word written in sidecars: `split-before`, `join`, `role`, `move`.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::SplitBefore => "split-before",
            Op::Join => "join",
            Op::Role => "role",
            Op::Move => "move",
            Op::Link => "link",
            Op::Unlink => "unlink",
        }
    }

    /// True for the story links made by hand, which leave the cut alone.
    pub fn is_story(self) -> bool {
        matches!(self, Op::Link | Op::Unlink)
    }
}

/// The role a line can be given by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Title,
    Kicker,
    Subtitle,
    Byline,
    Body,
    /// A photo caption: its own photo article.
    Caption,
    /// Page furniture: in no article.
    Furniture,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Title,
        Role::Kicker,
        Role::Subtitle,
        Role::Byline,
        Role::Body,
        Role::Caption,
        Role::Furniture,
    ];

    /// The word used on the command line and in sidecars.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Kicker => "kicker",
            Role::Subtitle => "subtitle",
            Role::Byline => "byline",
            Role::Body => "body",
            Role::Caption => "caption",
            Role::Furniture => "furniture",
        }
    }

    /// The role named `s` (see [`Role::as_str`]).
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }
}

/// One correction as stored in the sidecar's `[[correction]]` table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub op: Option<Op>,
    /// 1-based line of the issue file when the correction was made (a hint: the
    /// text decides).
    #[serde(default)]
    pub line: usize,
    /// The text of that line: what the correction is anchored on.
    #[serde(default)]
    pub text: String,
    /// `role`: the role given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// `move`: the first line of the article the paragraph goes to (hint, text).
    #[serde(default)]
    pub to_line: usize,
    #[serde(default)]
    pub to_text: String,
    /// `link`, `unlink`: the id of the part (an article of this issue).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// `link`: the issue (relative path, `/`) and id of the part that goes on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to_issue: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to_id: String,
    /// When it was made (UTC).
    #[serde(default)]
    pub at: String,
    /// What happened to tags when it was made, for people.
    #[serde(default)]
    pub note: String,
}

impl Correction {
    /// A short description: `split before line 12 (二十四节气里的乡村)`.
    pub fn describe(&self) -> String {
        let text = crate::text::fit_width(&crate::text::controls_as_spaces(&self.text), 30);
        let text = text.trim_end();
        match self.op {
            Some(Op::SplitBefore) => format!("split before line {} ({text})", self.line),
            Some(Op::Join) => format!("join line {} ({text}) to the article before", self.line),
            Some(Op::Role) => format!(
                "line {} ({text}) is {}",
                self.line,
                self.role.map(Role::as_str).unwrap_or("?")
            ),
            Some(Op::Move) => format!(
                "move line {} ({text}) to the article at line {} ({})",
                self.line,
                self.to_line,
                crate::text::fit_width(&self.to_text, 20).trim_end()
            ),
            Some(Op::Link) => format!(
                "story: {} ({text}) goes on in {} of {}",
                self.id, self.to_id, self.to_issue
            ),
            Some(Op::Unlink) => format!("story: {} ({text}) stands alone", self.id),
            None => "(no op)".to_string(),
        }
    }
}

impl Correction {
    /// The part a story link names, for people: `"TEXT" (ID)`, TEXT its first
    /// line.
    pub fn describe_part(&self) -> String {
        let text = crate::text::fit_width(&crate::text::controls_as_spaces(&self.text), 30);
        format!("\"{}\" ({})", text.trim_end(), self.id)
    }

    /// A correction `op` anchored on line `line` (1-based) of `lines` (the
    /// issue's decoded text split at `\n`), made now; or why that line cannot
    /// anchor one (no such line, a blank line).
    pub fn on_line(op: Op, lines: &[&str], line: usize) -> Result<Correction, String> {
        let text = match lines.get(line.wrapping_sub(1)) {
            None => {
                return Err(format!("no such line (the file has {} lines)", lines.len()));
            }
            Some(l) if l.trim().is_empty() => return Err("the line is blank".to_string()),
            Some(l) => l.trim().to_string(),
        };
        Ok(Correction {
            op: Some(op),
            line,
            text,
            at: crate::tags::now_rfc3339(),
            ..Correction::default()
        })
    }

    /// This (move) correction aimed at `target`, an article of the issue whose
    /// text is `lines`: anchored on the text of its first line.
    pub fn to_article(mut self, lines: &[&str], target: &Article) -> Correction {
        self.to_line = target.line;
        self.to_text = lines
            .get(target.line.wrapping_sub(1))
            .map(|l| l.trim().to_string())
            .unwrap_or_default();
        self
    }
}

/// Whether a correction applied to the issue as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Applied, at this line of the file now.
    Applied { line: usize },
    /// Not applied, and why (kept in the sidecar).
    Stale(String),
}

/// An issue's articles after its corrections, and what became of each.
#[derive(Debug, Clone, Default)]
pub struct Corrected {
    pub articles: Vec<Article>,
    /// One per correction, in order.
    pub statuses: Vec<Status>,
}

/// Segment `text` (decoded, `\n` line ends) with its corpus's `habits` and apply
/// `corrections` in order.
pub fn apply(
    text: &str,
    issue_key: &str,
    corrections: &[Correction],
    habits: &crate::segment::habits::Habits,
) -> Corrected {
    let (articles, explanation) = crate::segment::explain_issue_with(text, issue_key, habits);
    apply_to(text, issue_key, articles, &explanation, corrections)
}

/// Apply `corrections` to `articles` segmented from `text` (with `explanation`).
pub fn apply_to(
    text: &str,
    issue_key: &str,
    articles: Vec<Article>,
    explanation: &crate::segment::Explanation,
    corrections: &[Correction],
) -> Corrected {
    if corrections.is_empty() {
        return Corrected {
            articles,
            statuses: Vec::new(),
        };
    }
    // Story links alone leave the cut (and segmentation's doubts) as they are.
    if corrections.iter().all(|c| c.op.is_some_and(Op::is_story)) {
        let statuses = corrections
            .iter()
            .map(|_| Status::Applied { line: 0 })
            .collect();
        return Corrected {
            statuses: story_statuses(corrections, statuses, &articles),
            articles,
        };
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut page = page::Page::build(articles, explanation);
    let statuses = corrections
        .iter()
        .map(|c| match page.apply(&lines, c) {
            Ok(line) => Status::Applied { line },
            Err(why) => Status::Stale(why),
        })
        .collect();
    let articles = page.into_articles(issue_key);
    Corrected {
        statuses: story_statuses(corrections, statuses, &articles),
        articles,
    }
}

/// `statuses` with each story link's set by whether its part is among
/// `articles` (by id).
fn story_statuses(
    corrections: &[Correction],
    mut statuses: Vec<Status>,
    articles: &[Article],
) -> Vec<Status> {
    for (c, status) in corrections.iter().zip(statuses.iter_mut()) {
        if c.op.is_some_and(Op::is_story) {
            *status = match articles.iter().find(|a| a.id == c.id) {
                Some(a) => Status::Applied { line: a.line },
                None => Status::Stale(format!(
                    "no article of the issue has the id {} any more",
                    c.id
                )),
            };
        }
    }
    statuses
}

/// The page view of an issue: every line of `text` with its role and article
/// after `corrections`, and the corrected articles.
pub fn view(
    text: &str,
    issue_key: &str,
    corrections: &[Correction],
    habits: &crate::segment::habits::Habits,
) -> (Vec<page::ViewLine>, Corrected) {
    let (articles, explanation) = crate::segment::explain_issue_with(text, issue_key, habits);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut page = page::Page::build(articles, &explanation);
    let statuses = corrections
        .iter()
        .map(|c| match page.apply(&lines, c) {
            Ok(line) => Status::Applied { line },
            Err(why) => Status::Stale(why),
        })
        .collect();
    let view = page.view(&lines);
    let corrected = Corrected {
        articles: page.into_articles(issue_key),
        statuses,
    };
    (view, corrected)
}

/// The line of `lines` (1-based) whose text is `text` (compared without
/// whitespace, NFKC), nearest to `hint`; `None` when no line reads so.
pub fn find_line(lines: &[&str], text: &str, hint: usize) -> Option<usize> {
    let want = crate::text::comparison_key(text);
    if want.is_empty() {
        return None;
    }
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| crate::text::comparison_key(l) == want)
        .map(|(i, _)| i + 1)
        .min_by_key(|&n| (n.abs_diff(hint), n))
}

/// An article with an id, a title and paragraphs, for the tests of the
/// correction passes (`carry`, `follow`).
#[cfg(test)]
fn test_article(id: &str, title: &str, body: &[&str]) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        paragraphs: body.iter().map(|s| s.to_string()).collect(),
        ..Article::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line is found by its text wherever it moved, the nearest copy first.
    #[test]
    fn lines_are_found_by_text() {
        let lines = ["", "标题 一", "正文。", "标题一", "x"];
        assert_eq!(find_line(&lines, "标题一", 2), Some(2));
        assert_eq!(find_line(&lines, "标题一", 5), Some(4));
        assert_eq!(find_line(&lines, "  标 题一 ", 1), Some(2));
        assert_eq!(find_line(&lines, "没有", 1), None);
        assert_eq!(find_line(&lines, "", 1), None);
    }

    /// On a page printed block by block, whose heads stand below their texts
    /// (segmentation moves each above the text it names), a split before a
    /// line of an article's text keeps the article's head, byline and the text
    /// before the line together, in reading order, not by line number.
    #[test]
    fn a_split_of_a_story_whose_head_was_printed_below_keeps_its_head() {
        let page = "\
城市新闻

老城街巷完成微更新

本报讯 檀溪区老城片区的四十三条街巷今年完成改造，居民出行更方便。

本报记者 叶知非

记者从市园林局获悉，今年以来全市新建和改建城市绿道58公里，新增口袋公园26个。

绿道沿线还将配套建设驿站和公厕，方便市民休憩。

本报记者 宁一舟 通讯员 邹小满

筠坊区近日完成三处历史建筑的修缮工作，修缮后将作为社区文化活动中心免费开放。

全市新建改建城市绿道58公里

筠坊区修复三处历史建筑
";
        let habits = crate::segment::habits::Habits::default();
        let title = "全市新建改建城市绿道58公里";
        let before = apply(page, "a", &[], &habits).articles;
        let green = before
            .iter()
            .find(|a| a.title == title)
            .expect("head moved above its text");
        assert_eq!(green.paragraphs.len(), 2, "{green:?}");
        let split = Correction {
            op: Some(Op::SplitBefore),
            line: 11,
            text: "绿道沿线还将配套建设驿站和公厕，方便市民休憩。".into(),
            ..Correction::default()
        };
        let after = apply(page, "a", &[split], &habits);
        assert!(
            matches!(after.statuses[0], Status::Applied { .. }),
            "{:?}",
            after.statuses
        );
        let green = after
            .articles
            .iter()
            .find(|a| a.title == title)
            .expect("the head stays");
        assert_eq!(green.byline, "本报记者 叶知非");
        assert_eq!(green.paragraphs.len(), 1, "{green:?}");
        assert!(
            green.paragraphs[0].starts_with("记者从市园林局获悉"),
            "{green:?}"
        );
        let tail = after
            .articles
            .iter()
            .find(|a| a.paragraphs.iter().any(|p| p.starts_with("绿道沿线")))
            .expect("the split-off text");
        assert!(tail.title.is_empty() && tail.byline.is_empty(), "{tail:?}");
    }

    /// Roles are named as on the command line, and unknown names are refused.
    #[test]
    fn roles_parse() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("headline"), None);
    }
}

//! The reader pane: the memos on the selected article (`m`), then its kicker,
//! title, subtitle, byline and body (a story across pages whole, part after part), wrapped the way Chinese is typeset (see `wrap.rs`), with the scroll
//! position in the pane's bottom border.
//!
//! The app wraps the content into a [`ReaderView`] (`App::sync_reader`) and
//! draws it with a [`ReaderPane`] (`App::reader_pane`); neither knows the app.

use super::bordered;
use super::highlight::spans_with_ranges;
use super::layout;
use super::list::ListRow;
use super::theme::Theme;
use super::wrap;
use crate::article::{Article, ArticleAt, Issue};
use crate::search::Matcher;
use crate::search::verify::Field;
use crate::story::Stories;
use crate::text::controls_as_spaces;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// What a reader line is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Kicker,
    Title,
    Subtitle,
    Byline,
    Body,
    /// Facts about an issue (file, encoding, counts).
    Meta,
    /// A memo on the article (see [`crate::tags::Memo`]).
    Memo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderLine {
    pub text: String,
    pub kind: LineKind,
}

/// The reader's content wrapped for one width; rebuilt by `App::sync_reader`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderView {
    /// The list row shown.
    pub row: Option<ListRow>,
    /// The width wrapped for.
    pub width: usize,
    pub lines: Vec<ReaderLine>,
    /// First line shown.
    pub scroll: usize,
    /// The line the article starts at (a story's part, after the parts before).
    pub start: usize,
    /// The memo lines shown (`App::memo_texts`): a change rebuilds the view.
    pub memos: Vec<String>,
}

impl ReaderView {
    /// Wrap the content of `row` of `issues` for `width` columns: `memos`
    /// first, then the article (a story across pages whole, from `stories`)
    /// or the issue.
    pub fn build(
        issues: &[Issue],
        stories: &Stories,
        memos: Vec<String>,
        row: Option<ListRow>,
        width: usize,
    ) -> ReaderView {
        let mut lines = Vec::new();
        let mut start = 0;
        if width > 0 {
            match row {
                Some(ListRow::Article(at)) => {
                    if let Some((parts, here)) = stories.story_of(at) {
                        start = story_lines(issues, parts, here, width, &mut lines);
                    } else if let Some(article) = at.article_in(issues) {
                        article_lines(article, width, &mut lines);
                        if let Some(note) = stories.note(at) {
                            blank(&mut lines);
                            push_wrapped(&format!("({note})"), LineKind::Meta, width, &mut lines);
                        }
                    }
                }
                Some(ListRow::Issue(i)) => {
                    if let Some(issue) = issues.get(i) {
                        issue_lines(issue, width, &mut lines);
                    }
                }
                None => {}
            }
        }
        // Memos first, where they are seen without scrolling.
        if width > 0 && !memos.is_empty() {
            let mut top = Vec::new();
            for memo in &memos {
                // Each line of a memo on its own line, other controls as spaces.
                for part in memo.split('\n') {
                    push_wrapped(part, LineKind::Memo, width, &mut top);
                }
            }
            blank(&mut top);
            // An article opens at its top, memos shown; a story's later part
            // opens at that part.
            if start > 0 {
                start += top.len();
            }
            top.append(&mut lines);
            lines = top;
        }
        ReaderView {
            row,
            width,
            lines,
            scroll: 0,
            start,
            memos,
        }
    }

    /// The largest useful scroll for a pane `height` lines tall.
    pub fn max_scroll(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height)
    }
}

fn push_wrapped(text: &str, kind: LineKind, width: usize, out: &mut Vec<ReaderLine>) {
    let clean = controls_as_spaces(text);
    for line in wrap::wrap(clean.trim_end(), width) {
        out.push(ReaderLine {
            text: line.to_string(),
            kind,
        });
    }
}

fn blank(out: &mut Vec<ReaderLine>) {
    out.push(ReaderLine {
        text: String::new(),
        kind: LineKind::Body,
    });
}

/// Whether `byline` is printed in the body itself: opening its first paragraph
/// (`本报讯（记者…）连日来，…`) or closing its last (a caption's `… 本报记者 某某 摄`),
/// spaces aside. Such a credit is read there, not shown a second time above.
fn printed_in_body(byline: &str, paragraphs: &[String]) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let byline = squeeze(byline);
    !byline.is_empty()
        && (paragraphs
            .first()
            .is_some_and(|p| squeeze(p).starts_with(&byline))
            || paragraphs
                .last()
                .is_some_and(|p| squeeze(p).ends_with(&byline)))
}

/// The lines of an article: heading parts, a blank line, then paragraphs
/// separated by blank lines. A byline the body prints is shown there only.
pub fn article_lines(article: &Article, width: usize, out: &mut Vec<ReaderLine>) {
    let byline_apart = !printed_in_body(&article.byline, &article.paragraphs);
    let no_byline = String::new();
    let heading = [
        (&article.kicker, LineKind::Kicker),
        (&article.title, LineKind::Title),
        (&article.subtitle, LineKind::Subtitle),
        (
            if byline_apart {
                &article.byline
            } else {
                &no_byline
            },
            LineKind::Byline,
        ),
    ];
    let mut any_heading = false;
    for (text, kind) in heading {
        if !text.trim().is_empty() {
            push_wrapped(text.trim(), kind, width, out);
            any_heading = true;
        }
    }
    if any_heading && !article.paragraphs.is_empty() {
        blank(out);
    }
    for (k, p) in article.paragraphs.iter().enumerate() {
        if k > 0 {
            blank(out);
        }
        push_wrapped(p, LineKind::Body, width, out);
    }
}

/// The lines of a story across pages: every part, each under a line saying
/// which part it is and where it comes from; returns the line where part
/// `here` (1-based) starts.
fn story_lines(
    issues: &[Issue],
    parts: &[ArticleAt],
    here: usize,
    width: usize,
    out: &mut Vec<ReaderLine>,
) -> usize {
    let mut start = 0;
    for (k, part) in parts.iter().enumerate() {
        let Some((issue, article)) = part.find(issues) else {
            continue;
        };
        if k > 0 {
            blank(out);
        }
        if k + 1 == here {
            start = out.len();
        }
        let this = if k + 1 == here { ", this part" } else { "" };
        let head = format!(
            "-- part {} of {} · {}{this} --",
            k + 1,
            parts.len(),
            issue.label()
        );
        push_wrapped(&head, LineKind::Meta, width, out);
        article_lines(article, width, out);
    }
    start
}

/// The lines shown for an issue row: what the file is and its article titles.
pub fn issue_lines(issue: &Issue, width: usize, out: &mut Vec<ReaderLine>) {
    push_wrapped(&issue.label(), LineKind::Title, width, out);
    let facts = [
        format!("file: {}", issue.rel),
        format!("encoding: {}, {} bytes", issue.encoding, issue.bytes),
        crate::text::count(issue.articles.len(), "article"),
    ];
    for f in facts {
        push_wrapped(&f, LineKind::Meta, width, out);
    }
    blank(out);
    // Numbered titles with a hanging indent.
    const NUMBER: usize = 5;
    for a in issue.articles.iter() {
        let title = controls_as_spaces(&a.display_title());
        let lines = wrap::wrap(title.trim(), width.saturating_sub(NUMBER).max(2));
        for (k, line) in lines.into_iter().enumerate() {
            let text = if k == 0 {
                format!("{:>3}  {line}", a.index + 1)
            } else {
                format!("{}{line}", " ".repeat(NUMBER))
            };
            out.push(ReaderLine {
                text,
                kind: LineKind::Body,
            });
        }
    }
}

/// What the reader pane needs besides its [`ReaderView`], gathered by the app
/// (`App::reader_pane`).
pub struct ReaderPane<'a> {
    /// Whether the pane has the keyboard.
    pub focused: bool,
    /// The border's title: the issue shown.
    pub title: String,
    /// What an empty pane says (`select an article`, `loading...`).
    pub empty_hint: &'static str,
    /// Highlights the search's matches, when a query is active.
    pub highlighter: Option<Matcher<'a>>,
}

/// The field of the article a reader line shows (its matching rules differ:
/// scattered characters count in titles and heads, not in bodies).
pub fn field_of(kind: LineKind) -> Field {
    match kind {
        LineKind::Title => Field::Title,
        LineKind::Kicker => Field::Kicker,
        LineKind::Subtitle => Field::Subtitle,
        LineKind::Byline => Field::Byline,
        LineKind::Body | LineKind::Meta | LineKind::Memo => Field::Body,
    }
}

/// Draw the reader pane into `area`.
pub fn render(pane: &ReaderPane, view: &ReaderView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = pane.focused;
    let title = &pane.title;
    let inner_h = layout::inner(area).height as usize;
    let total = view.lines.len();
    let position = if total == 0 {
        String::new()
    } else {
        let last = (view.scroll + inner_h).min(total);
        let pct = if total <= inner_h {
            100
        } else {
            last * 100 / total
        };
        format!(" {}-{}/{} {}% ", view.scroll + 1, last, total, pct)
    };
    let Some(inner) = bordered::pane(
        theme,
        focused,
        format!(" {title} "),
        Some(position.into()),
        area,
        buf,
    ) else {
        return;
    };
    if view.lines.is_empty() {
        let lines = wrap::wrap(pane.empty_hint, inner.width as usize)
            .into_iter()
            .map(|piece| Line::styled(piece.to_string(), theme.dim()))
            .collect();
        bordered::render_lines(lines, inner, buf);
        return;
    }
    let hl = theme.highlight();
    for (k, line) in view
        .lines
        .iter()
        .skip(view.scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        let style = match line.kind {
            LineKind::Kicker => theme.kicker(),
            LineKind::Title => theme.title(),
            LineKind::Subtitle => theme.plain(),
            LineKind::Byline | LineKind::Meta => theme.dim(),
            LineKind::Body => theme.plain(),
            LineKind::Memo => theme.key(),
        };
        let row = Rect {
            y: inner.y + k as u16,
            height: 1,
            ..inner
        };
        let ranges = pane
            .highlighter
            .as_ref()
            .map(|m| m.text_ranges_in(field_of(line.kind), &line.text))
            .unwrap_or_default();
        Line::from(spans_with_ranges(&line.text, &ranges, style, hl)).render(row, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(byline: &str, paragraphs: &[&str]) -> Article {
        Article {
            title: "网格员摸清辖区底数".to_string(),
            byline: byline.to_string(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Article::default()
        }
    }

    fn shown(article: &Article) -> String {
        let mut lines = Vec::new();
        article_lines(article, 40, &mut lines);
        lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_credit_the_body_opens_with_is_shown_once() {
        let a = article(
            "本报讯（记者 邵明哲）",
            &["本报讯（记者邵明哲）连日来，网格员逐户核实。", "居民说好。"],
        );
        let text = shown(&a);
        assert_eq!(text.matches("邵明哲").count(), 1, "{text}");
        assert!(text.starts_with("网格员摸清辖区底数\n\n本报讯"), "{text}");
    }

    #[test]
    fn a_photo_credit_closing_the_caption_is_shown_once() {
        let a = article("本报记者 韩乐 摄", &["图为村民在晒秋。 本报记者 韩乐 摄"]);
        let text = shown(&a);
        assert_eq!(text.matches("韩乐").count(), 1, "{text}");
    }

    #[test]
    fn a_byline_on_its_own_line_is_shown_above_the_body() {
        let a = article(
            "本报记者 韩乐",
            &["1月7日，几位身着蓝色制服的队员走进小区。"],
        );
        let text = shown(&a);
        assert!(text.contains("本报记者 韩乐\n\n1月7日"), "{text}");
        assert_eq!(text.matches("韩乐").count(), 1, "{text}");
    }
}

//! The list pane: issue rows with their articles beneath. Only the rows in view
//! are built (`App::list_view`), so a corpus of any size draws in the same time.
//!
//! The pane draws a [`ListView`] the app gathers for it and knows nothing of
//! the app.

use super::bordered;
use super::highlight::spans_with_positions;
use super::theme::{self, Theme};
use crate::article::{ArticleAt, Kind};
use crate::config::TagDef;
use crate::search::snippet::{Kwic, fit_around};
use crate::text::{controls_as_spaces, fit_width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// One row of the list pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListRow {
    /// An issue (group) row, by issue index.
    Issue(usize),
    /// An article row.
    Article(ArticleAt),
}

impl ListRow {
    /// The row of the article `article` of issue `issue`.
    pub const fn article(issue: usize, article: usize) -> ListRow {
        ListRow::Article(ArticleAt::new(issue, article))
    }

    /// The issue of the row (an article row's issue).
    pub fn issue(self) -> usize {
        match self {
            ListRow::Issue(i) => i,
            ListRow::Article(at) => at.issue,
        }
    }
}

/// What the list pane shows: its counts and the rows in view.
#[derive(Debug, Clone, Default)]
pub struct ListView {
    /// Whether the pane has the keyboard.
    pub focused: bool,
    /// Articles listed by a search (`None`: no search, every issue listed).
    pub matches: Option<usize>,
    /// Issues loaded.
    pub issues: usize,
    /// Index of the selected row among all rows, and how many rows there are.
    pub selected: usize,
    pub total: usize,
    /// Index of the first row in view.
    pub offset: usize,
    /// `(done, total)` issues while the corpus loads.
    pub loading: Option<(usize, usize)>,
    /// The rows in view, from `offset`.
    pub rows: Vec<ListLine>,
}

/// One row in view.
#[derive(Debug, Clone)]
pub enum ListLine {
    /// An issue: its label, folded or not, its articles and how many are tagged.
    Issue {
        label: String,
        folded: bool,
        articles: usize,
        tagged: usize,
    },
    Article(ArticleLine),
    /// A row whose issue or article is gone (drawn empty).
    Blank,
}

/// An article row.
#[derive(Debug, Clone)]
pub struct ArticleLine {
    /// The title as shown (the first words when there is none).
    pub title: String,
    /// It has no title of its own (drawn dim).
    pub untitled: bool,
    pub kind: Kind,
    /// Marked for a batch change.
    pub marked: bool,
    /// Segmentation doubts its cut.
    pub doubted: bool,
    /// Its tags: name and, when the config defines it, its definition.
    pub tags: Vec<(String, Option<TagDef>)>,
    /// Character positions of the title a search matched.
    pub highlights: Vec<usize>,
    /// For a search hit outside the title: the sentence matched, hit
    /// highlighted (shown after the title, cut around the hit).
    pub snippet: Option<Kwic>,
}

/// What the list and the reader say when the folder holds no issue file (the
/// status bar names the folder).
pub const NOTHING_TO_READ: &str = "nothing to read: no issue files (.txt or .md) in this folder";

/// Draw the list pane into `area`.
pub fn render(view: &ListView, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = view.focused;
    let title = match view.matches {
        Some(n) => format!(" {} ", crate::text::count(n, "match")),
        None => format!(" {} ", crate::text::count(view.issues, "issue")),
    };
    let position = if view.total == 0 {
        String::new()
    } else {
        format!(" {}/{} ", view.selected + 1, view.total)
    };
    let Some(inner) = bordered::pane(theme, focused, title, Some(position.into()), area, buf)
    else {
        return;
    };
    if view.total == 0 {
        let text = match (view.loading, view.matches) {
            (Some((done, total)), _) => format!("loading {done}/{total} issues..."),
            (None, Some(_)) => "no article matches".to_string(),
            (None, None) if view.issues == 0 => NOTHING_TO_READ.to_string(),
            (None, None) => "no articles".to_string(),
        };
        let lines = super::wrap::wrap(&text, inner.width as usize)
            .into_iter()
            .map(|piece| Line::styled(piece.to_string(), theme.dim()))
            .collect();
        bordered::render_lines(lines, inner, buf);
        return;
    }
    for (y, row) in view.rows.iter().take(inner.height as usize).enumerate() {
        let rect = Rect {
            y: inner.y + y as u16,
            height: 1,
            ..inner
        };
        let selected = view.offset + y == view.selected;
        let line = match row {
            ListLine::Issue {
                label,
                folded,
                articles,
                tagged,
            } => issue_line(
                theme,
                label,
                *folded,
                *articles,
                *tagged,
                inner.width as usize,
            ),
            ListLine::Article(a) => article_line(theme, a, inner.width as usize),
            ListLine::Blank => Line::default(),
        };
        if selected {
            let style = if focused {
                theme.selected()
            } else {
                theme.selected_unfocused()
            };
            buf.set_style(rect, style);
            line.patch_style(style).render(rect, buf);
        } else {
            line.render(rect, buf);
        }
    }
}

/// `▾ 2000-01-02 第3版 ......  12 articles, 3 tagged`, fitted to `width`.
fn issue_line(
    theme: &Theme,
    label: &str,
    folded: bool,
    n: usize,
    t: usize,
    width: usize,
) -> Line<'static> {
    let fold = if folded {
        theme::FOLDED
    } else {
        theme::UNFOLDED
    };
    let long = format!("{}, {t} tagged", crate::text::count(n, "article"));
    let short = format!("{t}/{n}");
    let used = 2 + label.width() + 2;
    let counts = if used + long.width() <= width {
        long
    } else {
        short
    };
    let room = width.saturating_sub(2 + counts.width() + 1);
    let label = fit_width(label, room);
    let pad = width.saturating_sub(2 + label.width() + counts.width());
    Line::from(vec![
        Span::styled(format!("{fold} "), theme.issue()),
        Span::styled(label, theme.issue()),
        Span::raw(" ".repeat(pad)),
        Span::styled(counts, theme.dim()),
    ])
}

/// Between the title and the snippet of a hit outside the title.
const SNIPPET_GAP: &str = " │ ";

/// The mark of an article whose cut segmentation doubts.
pub const DOUBT_MARK: &str = "?";

/// `?*N title  [chip][chip]`, fitted to `width`.
fn article_line(theme: &Theme, article: &ArticleLine, width: usize) -> Line<'static> {
    let mark = if article.marked { theme::MARKED } else { " " };
    let kind = theme::kind_mark(article.kind);
    // Chips get at most a third of the row: labels shrink (to 2 characters,
    // then 1) until they fit.
    let mut chips: Vec<(String, Style)> = Vec::new();
    for max in [8, 4, 2] {
        chips = article
            .tags
            .iter()
            .map(|(name, def)| chip(theme, name, def.as_ref(), max))
            .collect();
        if chips.iter().map(|(s, _)| s.width() + 1).sum::<usize>() <= width / 3 {
            break;
        }
    }
    // Still too many: the chips that fit, then `+N` for the rest, so the title
    // keeps two thirds of the row.
    if chips.iter().map(|(s, _)| s.width() + 1).sum::<usize>() > width / 3 {
        let total = chips.len();
        let mut kept = Vec::new();
        let mut used = 0;
        for c in chips {
            let more = format!("+{}", total - kept.len());
            if used + c.0.width() + 1 + more.width() + 1 > width / 3 {
                break;
            }
            used += c.0.width() + 1;
            kept.push(c);
        }
        let rest = total - kept.len();
        kept.push((format!("+{rest}"), theme.dim()));
        chips = kept;
    }
    let chips_w: usize = chips.iter().map(|(s, _)| s.width() + 1).sum();
    let head = 4; // indent, mark, kind, space
    let room = width.saturating_sub(head + chips_w);
    let full_title = controls_as_spaces(&article.title);
    // A hit outside the title: the title gets at most two fifths of the room
    // (never less than 10 columns), the matched sentence the rest.
    let title_room = match &article.snippet {
        Some(_) => room.min(full_title.width().min((room * 2 / 5).max(10))),
        None => room,
    };
    let title = fit_width(&full_title, title_room);
    let snippet_room = room.saturating_sub(title.width() + SNIPPET_GAP.width());
    let snippet = article
        .snippet
        .as_ref()
        .filter(|_| snippet_room >= 4)
        .map(|s| fit_around(s, snippet_room));
    let title_style = if article.untitled {
        theme.dim()
    } else {
        theme.plain()
    };
    let snippet_w = snippet
        .as_ref()
        .map_or(0, |s| SNIPPET_GAP.width() + s.text.width());
    let pad = width.saturating_sub(head + title.width() + snippet_w + chips_w);
    // `?` in the indent: segmentation doubts its cut of this article (`doubt` finds them).
    let doubt = if article.doubted {
        Span::styled(DOUBT_MARK, theme.error())
    } else {
        Span::raw(" ")
    };
    let mut spans = vec![
        doubt,
        Span::styled(mark, theme.mark()),
        Span::styled(kind.to_string(), theme.dim()),
        Span::raw(" "),
    ];
    // Search matches, highlighted on the characters themselves.
    spans.extend(spans_with_positions(
        &title,
        &article.highlights,
        title_style,
        theme.highlight(),
    ));
    if let Some(s) = snippet {
        spans.push(Span::styled(SNIPPET_GAP, theme.dim()));
        spans.extend(spans_with_positions(
            &s.text,
            &s.highlights,
            theme.dim(),
            theme.highlight(),
        ));
    }
    spans.push(Span::raw(" ".repeat(pad)));
    for (text, style) in chips {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

/// A tag chip: the tag's label, cut to `max` columns, in its colour (brackets
/// when there is no colour).
pub fn chip(theme: &Theme, name: &str, def: Option<&TagDef>, max: usize) -> (String, Style) {
    let label = crate::text::escape_controls(def.map_or(name, |d| d.label()));
    let mut short = String::new();
    for c in label.chars() {
        if short.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > max {
            break;
        }
        short.push(c);
    }
    match def {
        Some(d) if theme.color => (format!(" {short} "), theme.chip(d)),
        _ => (format!("[{short}]"), theme.dim()),
    }
}

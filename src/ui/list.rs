//! The list pane: issue rows with their articles beneath. Only the rows in view
//! are built, so a corpus of any size draws in the same time.

use super::app::{App, ListRow};
use super::bordered;
use super::layout::Pane;
use super::theme::{self, Theme};
use crate::config::TagDef;
use crate::text::{controls_as_spaces, fit_width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// Draw the list pane into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.focus == Pane::List;
    let title = match &app.filter {
        Some(f) => format!(" {} ", crate::text::count(f.len(), "match")),
        None => format!(" {} ", crate::text::count(app.corpus.issues.len(), "issue")),
    };
    let position = if app.rows.is_empty() {
        String::new()
    } else {
        format!(" {}/{} ", app.selected + 1, app.rows.len())
    };
    let Some(inner) = bordered::pane(theme, focused, title, Some(position.into()), area, buf)
    else {
        return;
    };
    if app.rows.is_empty() {
        let text = match app.loading {
            Some(l) => format!("loading {}/{} issues...", l.done, l.total),
            None => "no articles".to_string(),
        };
        Line::styled(text, theme.dim()).render(inner, buf);
        return;
    }
    let rows = app
        .rows
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take(inner.height as usize);
    for (y, (k, row)) in rows.enumerate() {
        let rect = Rect {
            y: inner.y + y as u16,
            height: 1,
            ..inner
        };
        let selected = k == app.selected;
        let line = match *row {
            ListRow::Issue(i) => issue_line(app, i, inner.width as usize),
            ListRow::Article(i, a) => article_line(app, i, a, inner.width as usize),
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
fn issue_line(app: &App, i: usize, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let Some(issue) = app.corpus.issues.get(i) else {
        return Line::default();
    };
    let fold = if app.folded.contains(&i) {
        theme::FOLDED
    } else {
        theme::UNFOLDED
    };
    let n = issue.articles.len();
    let t = app.tagged_in_issue(i);
    let label = issue.label();
    let long = format!("{}, {t} tagged", crate::text::count(n, "article"));
    let short = format!("{t}/{n}");
    let used = 2 + label.width() + 2;
    let counts = if used + long.width() <= width {
        long
    } else {
        short
    };
    let room = width.saturating_sub(2 + counts.width() + 1);
    let label = fit_width(&label, room);
    let pad = width.saturating_sub(2 + label.width() + counts.width());
    Line::from(vec![
        Span::styled(format!("{fold} "), theme.issue()),
        Span::styled(label, theme.issue()),
        Span::raw(" ".repeat(pad)),
        Span::styled(counts, theme.dim()),
    ])
}

/// The mark of an article whose cut segmentation doubts.
pub const DOUBT_MARK: &str = "?";

/// `?*N title  [chip][chip]`, fitted to `width`.
fn article_line(app: &App, i: usize, a: usize, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let Some(article) = app.corpus.issues.get(i).and_then(|is| is.articles.get(a)) else {
        return Line::default();
    };
    let mark = if app.marks.contains(&(i, a)) {
        theme::MARKED
    } else {
        " "
    };
    let kind = theme::kind_mark(article.kind);
    // Chips get at most a third of the row: labels shrink (to 2 characters,
    // then 1) until they fit.
    let names = app.tags_of(i, a);
    let mut chips: Vec<(String, Style)> = Vec::new();
    for max in [8, 4, 2] {
        chips = names
            .iter()
            .map(|name| chip(theme, name, app.config.tag(name), max))
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
    let title_room = width.saturating_sub(head + chips_w);
    let title = fit_width(&controls_as_spaces(&article.display_title()), title_room);
    let title_style = if article.title.trim().is_empty() {
        theme.dim()
    } else {
        theme.plain()
    };
    let pad = width.saturating_sub(head + title.width() + chips_w);
    // `?` in the indent: segmentation doubts its cut of this article (`doubt` finds them).
    let doubt = if article.doubts.is_empty() {
        Span::raw(" ")
    } else {
        Span::styled(DOUBT_MARK, theme.error())
    };
    let mut spans = vec![
        doubt,
        Span::styled(mark, theme.mark()),
        Span::styled(kind.to_string(), theme.dim()),
        Span::raw(" "),
    ];
    // Search matches, highlighted on the characters themselves.
    let positions = super::search_bar::title_positions(app, i, a);
    spans.extend(super::search_bar::spans_with_positions(
        &title,
        &positions,
        title_style,
        super::search_bar::highlight_style(app),
    ));
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

//! The stats view (`s`): what has been tagged, as bar charts per tag, a chart of
//! tags over time (per month) and a sparkline of tagged articles per month.
//! The numbers are computed once when the view opens (`App::open_stats`, from
//! `crate::stats`); drawing only reads them, and knows nothing of the app.

use super::bordered;
use super::theme::Theme;
use crate::config::TagDef;
use crate::stats::{Stats, UNDATED};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, Block, Chart, Dataset, GraphType, Sparkline, Widget};

/// The stats view's state: the numbers, computed when it opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsView {
    pub stats: Stats,
    /// `(done, total)` files when the corpus was still loading: the numbers cover
    /// only what had loaded.
    pub partial: Option<(usize, usize)>,
    /// First line shown (the view scrolls when it is taller than the screen).
    pub scroll: usize,
}

/// Height of the tags-over-time chart and of the sparkline under it.
const CHART_H: u16 = 12;
const SPARK_H: u16 = 3;

impl StatsView {
    /// The view of `stats`; `partial`: `(done, total)` files counted while
    /// the corpus was still loading.
    pub fn new(stats: Stats, partial: Option<(usize, usize)>) -> StatsView {
        StatsView {
            stats,
            partial,
            scroll: 0,
        }
    }

    /// Lines the whole view takes, scrolled or not.
    pub fn content_height(&self) -> u16 {
        let s = &self.stats;
        let bars = s.per_tag.len().min(u16::MAX as usize / 2) as u16;
        let dated = s.per_month.iter().any(|m| m.month != UNDATED);
        let series = s.per_tag.iter().filter(|t| t.articles > 0).count() as u16;
        let over_time = if dated {
            CHART_H + series.min(50) + 1 + SPARK_H
        } else {
            1
        };
        2 + 1 + bars + 1 + over_time
    }

    /// Scroll by `delta` lines within `area` (the overlay's outside).
    pub fn scroll_by(&mut self, delta: isize, area: Rect) {
        let room = area.height.saturating_sub(2) as isize;
        let max = (self.content_height() as isize - room).max(0);
        self.scroll = (self.scroll as isize + delta).clamp(0, max) as usize;
    }
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "0.0%".into()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

/// What the stats view draws with: the theme, and the vocabulary for the tags'
/// labels and colours.
pub struct StatsLook<'a> {
    pub theme: &'a Theme,
    pub tags: &'a [TagDef],
}

/// Draw the stats view over `area`, scrolled; `hint` says how to scroll and close.
pub fn render(look: &StatsLook, view: &StatsView, hint: &str, area: Rect, buf: &mut Buffer) {
    let theme = look.theme;
    let room = area.height.saturating_sub(2) as usize;
    let total = view.content_height() as usize;
    let hint = if total > room {
        let below = total.saturating_sub(view.scroll + room);
        format!(" {below} more lines below · {hint} ")
    } else {
        format!(" {hint} ")
    };
    let inner = bordered::overlay(theme, " Tag statistics ", Some(hint.into()), area, buf);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    // Draw the whole view off screen, then copy the part scrolled to.
    let full = Rect::new(0, 0, inner.width, view.content_height());
    let mut page = Buffer::empty(full);
    render_all(look, view, full, &mut page);
    for dy in 0..inner.height {
        let from_y = view.scroll + dy as usize;
        if from_y >= full.height as usize {
            break;
        }
        for dx in 0..inner.width {
            let (Some(src), Some(dst)) = (
                page.cell((dx, from_y as u16)),
                buf.cell_mut((inner.x + dx, inner.y + dy)),
            ) else {
                continue;
            };
            *dst = src.clone();
        }
    }
}

/// Markers of the lines over time, one a tag in turn, so that the lines can be
/// told apart without colour (`NO_COLOR`); the legend shows each.
const MARKERS: [(Marker, &str); 4] = [
    (Marker::Braille, "⣿"),
    (Marker::Block, "█"),
    (Marker::Bar, "▄"),
    (Marker::HalfBlock, "▀"),
];

/// Draw every part of the view into `inner`, which is tall enough for all.
fn render_all(look: &StatsLook, view: &StatsView, inner: Rect, buf: &mut Buffer) {
    let theme = look.theme;
    let s = &view.stats;
    let mut y = inner.y;
    let line = |y: u16| Rect {
        y,
        height: 1,
        ..inner
    };
    Line::from(format!(
        " {}, {} tagged ({}), {} untagged",
        crate::text::count(s.articles, "article"),
        s.tagged,
        percent(s.tagged, s.articles),
        s.untagged
    ))
    .style(theme.title())
    .render(line(y), buf);
    if let Some((done, total)) = view.partial {
        Line::from(Span::styled(
            format!(" still loading: {done} of {total} files counted (reopen with s later)"),
            theme.error(),
        ))
        .render(line(y + 1), buf);
    }
    y += 2;
    let bottom = inner.bottom();

    // Articles per tag.
    Line::from(Span::styled(" Articles per tag", theme.dim())).render(line(y), buf);
    y += 1;
    let n_bars = (s.per_tag.len() as u16).min(bottom.saturating_sub(y));
    if n_bars > 0 {
        let label_w = s
            .per_tag
            .iter()
            .map(|t| unicode_width::UnicodeWidthStr::width(tag_label(look, &t.tag).as_str()))
            .max()
            .unwrap_or(0);
        let bars: Vec<Bar> = s
            .per_tag
            .iter()
            .take(n_bars as usize)
            .map(|t| {
                let style = tag_style(look, &t.tag);
                let label = format!(" {:<w$}", tag_label(look, &t.tag), w = label_w);
                Bar::with_label(pad_cells(&label, label_w + 1), t.articles as u64)
                    .text_value(format!(
                        "{} ({})",
                        t.articles,
                        percent(t.articles, s.articles)
                    ))
                    .style(style)
                    .value_style(theme.title())
            })
            .collect();
        BarChart::horizontal(bars).bar_width(1).bar_gap(0).render(
            Rect {
                y,
                height: n_bars,
                width: inner.width.saturating_sub(1),
                ..inner
            },
            buf,
        );
        y += n_bars;
    }
    y += 1;

    // Tags over time.
    let dated: Vec<_> = s.per_month.iter().filter(|m| m.month != UNDATED).collect();
    if dated.is_empty() {
        Line::from(Span::styled(
            " Tags over time: no dated issues",
            theme.dim(),
        ))
        .render(line(y), buf);
        return;
    }
    let series: Vec<Series> = s
        .per_tag
        .iter()
        .filter(|t| t.articles > 0)
        .take(50)
        .map(|t| {
            let points = dated
                .iter()
                .enumerate()
                .map(|(k, m)| (k as f64, m.per_tag.get(&t.tag).copied().unwrap_or(0) as f64))
                .collect();
            (tag_label(look, &t.tag), tag_style(look, &t.tag), points)
        })
        .collect();
    let max_y = dated
        .iter()
        .flat_map(|m| m.per_tag.values())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let datasets: Vec<Dataset> = series
        .iter()
        .enumerate()
        .map(|(k, (name, style, points))| {
            Dataset::default()
                .name(name.clone())
                .marker(MARKERS[k % MARKERS.len()].0)
                .graph_type(GraphType::Line)
                .style(*style)
                .data(points)
        })
        .collect();
    let first = dated.first().map(|m| m.month.clone()).unwrap_or_default();
    let last = dated.last().map(|m| m.month.clone()).unwrap_or_default();
    let x_max = (dated.len().saturating_sub(1)).max(1) as f64;
    Chart::new(datasets)
        // The legend goes under the chart, where it covers no line.
        .legend_position(None)
        .block(Block::default().title(Line::from(Span::styled(
            " Tags over time (articles per month)",
            theme.dim(),
        ))))
        .x_axis(
            Axis::default()
                .bounds([0.0, x_max])
                .labels([first, last])
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, max_y as f64])
                .labels(["0".to_string(), max_y.to_string()])
                .style(theme.dim()),
        )
        .render(
            Rect {
                y,
                height: CHART_H,
                ..inner
            },
            buf,
        );
    y += CHART_H;
    for (k, (name, style, _)) in series.iter().enumerate() {
        Line::from(vec![
            Span::styled(
                format!("   {} ", MARKERS[k % MARKERS.len()].1.repeat(2)),
                *style,
            ),
            Span::styled(name.clone(), *style),
        ])
        .render(line(y), buf);
        y += 1;
    }
    y += 1;
    // One column per month, widened when there are few months.
    let stretch = (inner.width as usize / dated.len()).max(1);
    let data: Vec<u64> = dated
        .iter()
        .flat_map(|m| std::iter::repeat_n(m.tagged as u64, stretch))
        .collect();
    let total: usize = dated.iter().map(|m| m.tagged).sum();
    Sparkline::default()
        .block(Block::default().title(Line::from(Span::styled(
            format!(
                " Tagged articles per month, {} months ({total} tagged)",
                dated.len()
            ),
            theme.dim(),
        ))))
        .data(&data)
        .style(theme.key())
        .render(
            Rect {
                y,
                height: SPARK_H,
                ..inner
            },
            buf,
        );
}

/// One line of the tags-over-time chart: label, style, (month index, articles).
type Series = (String, Style, Vec<(f64, f64)>);

/// The label of a tag: its Chinese (or English) label, else its name.
fn tag_label(look: &StatsLook, name: &str) -> String {
    look.tags
        .iter()
        .find(|t| t.name == name)
        .map(|t| t.label().to_string())
        .unwrap_or_else(|| name.to_string())
}

fn tag_style(look: &StatsLook, name: &str) -> Style {
    match look.tags.iter().find(|t| t.name == name) {
        Some(def) => look.theme.tag_fg(def),
        None => look.theme.plain(),
    }
}

/// `s` padded with spaces to `width` display cells.
fn pad_cells(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

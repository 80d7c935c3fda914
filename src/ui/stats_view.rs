//! The stats view (`s`): what has been tagged, as bar charts per tag, a chart of
//! tags over time (per month) and a sparkline of tagged articles per month.
//! The numbers are computed once when the view opens (`crate::stats`); drawing
//! only reads them.

use super::app::App;
use super::bordered;
use crate::stats::{Stats, UNDATED, compute_over};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, Block, Chart, Dataset, GraphType, LegendPosition, Sparkline, Widget,
};

/// The stats view's state: the numbers, computed when it opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsView {
    pub stats: Stats,
    /// `(done, total)` files when the corpus was still loading: the numbers cover
    /// only what had loaded.
    pub partial: Option<(usize, usize)>,
}

impl StatsView {
    /// Count the whole corpus as the app has loaded it.
    pub fn open(app: &App) -> StatsView {
        let vocabulary: Vec<String> = app.config.tags.iter().map(|t| t.name.clone()).collect();
        let stats = compute_over(
            app.corpus.issues.iter().enumerate().map(|(i, issue)| {
                let tags = (0..issue.articles.len())
                    .map(|a| {
                        app.tags_of(i, a)
                            .into_iter()
                            .map(String::from)
                            .collect::<Vec<String>>()
                    })
                    .collect();
                (issue, tags)
            }),
            &vocabulary,
        );
        StatsView {
            stats,
            partial: app.loading.map(|l| (l.done, l.total)),
        }
    }
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "0.0%".into()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

/// Draw the stats view over `area`.
pub fn render(app: &App, view: &StatsView, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let s = &view.stats;
    let inner = bordered::overlay(
        theme,
        " Tag statistics ",
        Some(" Esc closes ".into()),
        area,
        buf,
    );
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let mut y = inner.y;
    let line = |y: u16| Rect {
        y,
        height: 1,
        ..inner
    };
    Line::from(format!(
        " {} articles, {} tagged ({}), {} untagged",
        s.articles,
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
    if y >= bottom {
        return;
    }

    // Articles per tag.
    Line::from(Span::styled(" Articles per tag", theme.dim())).render(line(y), buf);
    y += 1;
    let rows_left = bottom.saturating_sub(y);
    let n_bars = (s.per_tag.len() as u16).min(rows_left);
    if n_bars > 0 {
        let label_w = s
            .per_tag
            .iter()
            .map(|t| unicode_width::UnicodeWidthStr::width(tag_label(app, &t.tag).as_str()))
            .max()
            .unwrap_or(0);
        let bars: Vec<Bar> = s
            .per_tag
            .iter()
            .take(n_bars as usize)
            .map(|t| {
                let style = tag_style(app, &t.tag);
                let label = format!(" {:<w$}", tag_label(app, &t.tag), w = label_w);
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
        y += n_bars + 1;
    }

    // Tags over time.
    let dated: Vec<_> = s.per_month.iter().filter(|m| m.month != UNDATED).collect();
    if y + 4 > bottom {
        return;
    }
    let spark_h: u16 = if bottom - y >= 12 { 3 } else { 0 };
    let chart_h = bottom - y - spark_h;
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
        .map(|t| {
            let points = dated
                .iter()
                .enumerate()
                .map(|(k, m)| (k as f64, m.per_tag.get(&t.tag).copied().unwrap_or(0) as f64))
                .collect();
            (tag_label(app, &t.tag), tag_style(app, &t.tag), points)
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
        .map(|(name, style, points)| {
            Dataset::default()
                .name(name.clone())
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(*style)
                .data(points)
        })
        .collect();
    let first = dated.first().map(|m| m.month.clone()).unwrap_or_default();
    let last = dated.last().map(|m| m.month.clone()).unwrap_or_default();
    let x_max = (dated.len().saturating_sub(1)).max(1) as f64;
    Chart::new(datasets)
        // Show the legend (tag colours) unless it would cover most of the chart.
        .hidden_legend_constraints((Constraint::Ratio(1, 2), Constraint::Ratio(2, 3)))
        .legend_position(Some(LegendPosition::TopRight))
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
                height: chart_h,
                ..inner
            },
            buf,
        );
    y += chart_h;
    if spark_h > 0 {
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
                    height: spark_h,
                    ..inner
                },
                buf,
            );
    }
}

/// One line of the tags-over-time chart: label, style, (month index, articles).
type Series = (String, Style, Vec<(f64, f64)>);

/// The label of a tag: its Chinese (or English) label, else its name.
fn tag_label(app: &App, name: &str) -> String {
    app.config
        .tags
        .iter()
        .find(|t| t.name == name)
        .map(|t| t.label().to_string())
        .unwrap_or_else(|| name.to_string())
}

fn tag_style(app: &App, name: &str) -> Style {
    match app.config.tags.iter().find(|t| t.name == name) {
        Some(def) => app.theme.tag_fg(def),
        None => app.theme.plain(),
    }
}

/// `s` padded with spaces to `width` display cells.
fn pad_cells(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

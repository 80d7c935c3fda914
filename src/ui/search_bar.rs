//! The search line (`/`): every keystroke re-filters the list, best match first,
//! through a background searcher (typing never waits; stale results are dropped).
//! Matched characters are highlighted in the list and the reader; `n`/`N` jump
//! between matches in the reader; Enter keeps the filter, Esc clears it. The
//! hardware cursor sits at the caret so an input method's candidate window
//! follows it.

//!
//! This file is the layer: its state ([`SearchState`]), its drawing and its
//! caret. What a query does to the list and the reader is the app's
//! (`searching.rs`); the search line knows nothing of the app.

use super::highlight::spans_with_positions;
use super::theme::Theme;
use crate::article::ArticleAt;
use crate::search::background::BackgroundSearcher;
use crate::search::snippet::Kwic;
use crate::search::{Matcher, Query, QueryError, SearchIndex};
use crossterm::event::{Event, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::sync::Arc;
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;
use unicode_width::UnicodeWidthStr;

/// The query syntax, for the help screen: (what to type, what it does).
pub const SYNTAX: &[(&str, &str)] = &[
    (
        "/ then:",
        "search; every key re-filters, Enter keeps, Esc clears",
    ),
    (
        "垃圾分类",
        "side by side anywhere; scattered in titles (ranked below)",
    ),
    ("社区 治理", "both, in any order"),
    ("~垃圾分类", "scattered in a body paragraph too"),
    (
        "sqzl shequ",
        "pinyin, side by side (titles; bodies from 3 letters)",
    ),
    ("gdp", "Latin text first, its pinyin below"),
    ("環境", "also 环境: traditional = simplified"),
    ("a|b", "a or b"),
    ("@name", "a saved search ([searches]; !@name: not it)"),
    ("'exact", "side by side only (no scattered, no pinyin)"),
    ("^start", "title starts with (characters or pinyin)"),
    ("!x", "not x (works with every form)"),
    ("tag:NAME", "tagged NAME (!tag:NAME: not; tag:\"a b\")"),
    ("untagged", "no tag at all"),
    ("sample:NAME", "in the sample NAME (newstag sample)"),
    ("note", "has a memo (note:word: memo holds word)"),
    (
        "kind:photo",
        "news feature commentary photo notice qa brief...",
    ),
    ("issue:2024-12", "issue date starts with, or path contains"),
    ("title:x", "x in titles only"),
    ("doubt", "cut in doubt (doubt:short, doubt:no-title...)"),
];

/// Called from the search thread when a result is ready (wakes the event loop).
pub type Waker = Box<dyn Fn() + Send>;

/// Everything the search line knows.
#[derive(Default)]
pub struct SearchState {
    pub input: Input,
    /// The last well-formed query typed (what highlights show).
    pub query: Option<Query>,
    /// Why the text typed is not a query, when it is not.
    pub error: Option<QueryError>,
    /// Number of hits of the filter shown.
    pub hits: Option<usize>,
    /// A search is running for the text typed.
    pub searching: bool,
    /// The queries kept (Enter), walked with Up and Down.
    pub history: crate::search::history::SearchHistory,
    /// The query last asked of the search thread (saved searches written out).
    pub(super) asked: String,
    /// The index, once built or read from the cache.
    pub index: Option<Arc<SearchIndex>>,
    /// Why there is no index, when building it failed.
    pub index_error: Option<String>,
    /// The reader line of the current match (for `n`/`N`).
    pub reader_match: Option<usize>,
    /// The filter shown was made before the corpus had finished loading.
    pub(super) stale_while_loading: bool,
    pub(super) engine: Option<BackgroundSearcher>,
    pub(super) waker: Option<Waker>,
    /// Hands the loaded corpus to the session's indexer when it builds the index.
    pub(super) feeder: Option<crate::session::indexer::IndexFeeder>,
    /// How far building the index has come (issues handed to the indexer, of
    /// all), while it is built from the corpus.
    pub(super) indexing: Option<crate::session::progress::JobProgress>,
    /// When the indexer was first handed issues.
    pub(super) index_clock: Option<crate::session::progress::ProgressClock>,
    /// Corpus changes seen (a correction, a recut, a damaged cache found):
    /// an index reported by a job started before the latest one is dropped.
    pub(super) corpus_changes: Arc<std::sync::atomic::AtomicU64>,
    /// Issues the learned habits cut again were kept as first cut (the user
    /// was working on them, see `recut`): for the rest of the session no
    /// index (built, updated after a correction, built again) is written to
    /// the cache nor read from it, which holds every issue as the habits cut
    /// it: its hits would point at other articles of the kept issues.
    pub(super) mixed_cut: bool,
}

impl SearchState {
    /// The count of corpus changes (corrections, recuts, a damaged cache) seen
    /// so far: the indexing jobs' reports carry the count they were started at.
    pub fn corpus_changes(&self) -> u64 {
        self.corpus_changes
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Set how the search thread wakes the event loop (before the index arrives).
    pub fn set_waker(&mut self, waker: Waker) {
        self.waker = Some(waker);
    }

    /// A matcher for highlighting (cheap: no body lookups), when a query is active.
    pub fn highlighter(&self) -> Option<Matcher<'_>> {
        let (Some(index), Some(query)) = (&self.index, &self.query) else {
            return None;
        };
        (!query.is_empty()).then(|| Matcher::for_highlights(index, query))
    }

    /// True while the list is filtered by a search.
    pub fn is_active(&self) -> bool {
        self.query.as_ref().is_some_and(|q| !q.is_empty())
    }

    /// What the list shows of a hit of `issue`'s article `article` (its
    /// `text`): the title's characters to highlight and, for a hit outside
    /// the title, the sentence matched with the hit highlighted (the first
    /// field that matched: kicker, subtitle, byline, body).
    pub fn list_matches(
        &self,
        at: ArticleAt,
        text: &crate::article::Article,
    ) -> (Vec<usize>, Option<Kwic>) {
        use crate::search::verify::Field;
        let (Some(matcher), Some(index)) = (self.highlighter(), &self.index) else {
            return (Vec::new(), None);
        };
        let Some(doc) = index.doc_of(at) else {
            return (Vec::new(), None);
        };
        let found = matcher.ranges(doc);
        let title: Vec<usize> = found
            .of(Field::Title)
            .iter()
            .flat_map(|r| r.clone())
            .collect();
        if !title.is_empty() {
            return (title, None);
        }
        let snippet = [Field::Kicker, Field::Subtitle, Field::Byline, Field::Body]
            .into_iter()
            .find(|f| !found.of(*f).is_empty())
            .and_then(|f| {
                let field_text = match f {
                    Field::Kicker => text.kicker.clone(),
                    Field::Subtitle => text.subtitle.clone(),
                    Field::Byline => text.byline.clone(),
                    _ => text.body(),
                };
                crate::search::snippet::sentence_of_hit(&field_text, found.of(f))
            });
        (title, snippet)
    }

    /// Character positions of the list title of the article at `at` to
    /// highlight.
    pub fn title_positions(&self, at: ArticleAt) -> Vec<usize> {
        let (Some(matcher), Some(index)) = (self.highlighter(), &self.index) else {
            return Vec::new();
        };
        match index.doc_of(at) {
            Some(doc) => matcher.title_positions(doc),
            None => Vec::new(),
        }
    }

    /// Edit the query with a key bound to nothing in `[keys.search]`; true
    /// when the text changed.
    pub fn edit(&mut self, key: KeyEvent) -> bool {
        let before = self.input.value().to_string();
        if let Some(req) = to_input_request(&Event::Key(key)) {
            self.input.handle(req);
        }
        self.input.value() != before
    }

    /// Forget the query: an empty line, no hits, nothing highlighted.
    pub fn reset(&mut self) {
        self.input.reset();
        self.query = None;
        self.error = None;
        self.hits = None;
        self.searching = false;
        self.asked.clear();
        self.history.stop_walking();
        self.reader_match = None;
    }
}

/// Ranked hits with each issue's together, so the list shows each issue once:
/// issues in the order of their best hit, their hits in rank order.
pub fn grouped_by_issue(ranked: impl Iterator<Item = ArticleAt>) -> Vec<ArticleAt> {
    let mut order: Vec<usize> = Vec::new();
    let mut by_issue: std::collections::HashMap<usize, Vec<ArticleAt>> =
        std::collections::HashMap::new();
    for at in ranked {
        let list = by_issue.entry(at.issue).or_default();
        if list.is_empty() {
            order.push(at.issue);
        }
        list.push(at);
    }
    order
        .into_iter()
        .flat_map(|i| by_issue.remove(&i).unwrap_or_default())
        .collect()
}

/// How far building the index has come: `indexing 2,500/10,000 issues, 25%,
/// ~6 s left`; once every issue is handed over, the postings are merged.
pub fn indexing_text(p: &crate::session::progress::JobProgress) -> String {
    if p.done >= p.total {
        "indexing: merging".to_string()
    } else {
        p.describe("indexing", "issues")
    }
}

/// What the right end of the search line says.
fn status_text(s: &SearchState) -> (String, bool) {
    if let Some(e) = &s.error {
        return (format!("bad query: {e}"), true);
    }
    if let Some(e) = &s.index_error {
        return (format!("no search: {e}"), true);
    }
    if s.index.is_none() {
        return (
            s.indexing
                .map_or_else(|| "indexing...".to_string(), |p| indexing_text(&p)),
            false,
        );
    }
    if s.searching {
        return ("searching...".to_string(), false);
    }
    match s.hits {
        Some(1) => ("1 hit".to_string(), false),
        Some(n) => (format!("{n} hits"), false),
        None => ("Enter keep  Esc clear".to_string(), false),
    }
}

/// Draw the search line over `area` (the status bar).
pub fn render(search: &SearchState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let row = Rect { height: 1, ..area };
    ratatui::widgets::Clear.render(row, buf);
    buf.set_style(row, theme.status());
    let (status, is_error) = status_text(search);
    let status_w = status.width().min(area.width as usize / 2);
    let status = crate::text::fit_width(&status, status_w);
    let field_w = (area.width as usize).saturating_sub(status_w + 3);
    let scroll = search.input.visual_scroll(field_w);
    let shown = skip_columns(search.input.value(), scroll, field_w);
    let error_span = search.error.as_ref().map(|e| e.span());
    // Mark the malformed part of the query.
    let visible_start = char_offset_of_columns(search.input.value(), scroll);
    let positions: Vec<usize> = error_span
        .map(|r| {
            r.filter_map(|p| p.checked_sub(visible_start))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let mut spans = vec![Span::styled("/", theme.key())];
    spans.extend(spans_with_positions(
        &shown,
        &positions,
        theme.status(),
        theme.error(),
    ));
    Line::from(spans).render(row, buf);
    let x = area.x + area.width - status.width() as u16;
    let style = if is_error { theme.error() } else { theme.dim() };
    Line::styled(status, style).render(
        Rect {
            x,
            width: area.width.saturating_sub(x - area.x),
            ..row
        },
        buf,
    );
}

/// Where the hardware cursor goes: at the caret of the search line.
pub fn cursor(search: &SearchState, area: Rect) -> Option<Position> {
    if area.height == 0 {
        return None;
    }
    let (status, _) = status_text(search);
    let status_w = status.width().min(area.width as usize / 2);
    let field_w = (area.width as usize).saturating_sub(status_w + 3);
    let scroll = search.input.visual_scroll(field_w);
    let x = 1 + search.input.visual_cursor().saturating_sub(scroll);
    Some(Position::new(
        area.x + (x as u16).min(area.width.saturating_sub(1)),
        area.y,
    ))
}

/// The part of `s` after its first `skip` columns, at most `width` columns.
fn skip_columns(s: &str, skip: usize, width: usize) -> String {
    let mut out = String::new();
    let (mut col, mut used) = (0, 0);
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if col < skip {
            col += w;
            continue;
        }
        if used + w > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out
}

/// How many characters of `s` fill its first `cols` columns.
fn char_offset_of_columns(s: &str, cols: usize) -> usize {
    let mut col = 0;
    for (k, c) in s.chars().enumerate() {
        if col >= cols {
            return k;
        }
        col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranked_hits_show_each_issue_once() {
        let at = |(i, a)| ArticleAt::new(i, a);
        let ranked = [(1, 0), (0, 2), (1, 3), (0, 1), (2, 0)].map(at);
        assert_eq!(
            grouped_by_issue(ranked.into_iter()),
            [(1, 0), (1, 3), (0, 2), (0, 1), (2, 0)].map(at)
        );
    }

    #[test]
    fn columns_are_skipped_by_display_width() {
        assert_eq!(skip_columns("社区ab", 2, 10), "区ab");
        assert_eq!(skip_columns("社区ab", 0, 3), "社");
        assert_eq!(char_offset_of_columns("社区ab", 4), 2);
    }
}

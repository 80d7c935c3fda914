//! The search line (`/`): every keystroke re-filters the list, best match first,
//! through a background searcher (typing never waits; stale results are dropped).
//! Matched characters are highlighted in the list and the reader; `n`/`N` jump
//! between matches in the reader; Enter keeps the filter, Esc clears it. The
//! hardware cursor sits at the caret so an input method's candidate window
//! follows it.

use super::action::SearchAction;
use super::app::{App, ListRow, Overlay};
use super::layout::Pane;
use crate::search::background::BackgroundSearcher;
use crate::search::verify::Field;
use crate::search::{DocRef, Matcher, Query, QueryError, SearchIndex, TagLookup};
use crossterm::event::{Event, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::ops::Range;
use std::path::PathBuf;
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
    /// The index, once built or read from the cache.
    pub index: Option<Arc<SearchIndex>>,
    /// Why there is no index, when building it failed.
    pub index_error: Option<String>,
    /// The reader line of the current match (for `n`/`N`).
    pub reader_match: Option<usize>,
    /// The filter shown was made before the corpus had finished loading.
    stale_while_loading: bool,
    engine: Option<BackgroundSearcher>,
    waker: Option<Waker>,
    /// Hands the loaded corpus to the session's indexer when it builds the index.
    feeder: Option<crate::session::indexer::IndexFeeder>,
    /// Corrections seen: an index update made for an older one is dropped.
    generation: Arc<std::sync::atomic::AtomicU64>,
}

impl SearchState {
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
}

/// Start the session's indexer for the corpus at `root` (see
/// [`crate::session::indexer`]); it reports through `notify`.
pub fn spawn_indexer(app: &mut App, root: PathBuf, notify: crate::session::Notifier) {
    app.search.feeder = Some(crate::session::indexer::spawn_indexer(root, notify));
}

/// Hand the indexer the next batch of loaded articles if it wants one (`asked`:
/// it just asked). Call it when the indexer asks and when issues arrive.
pub fn feed_index(app: &mut App, asked: bool) {
    if let Some(f) = app.search.feeder.as_mut() {
        f.feed(&app.corpus.issues, asked);
    }
}

/// The loader has finished or failed: the indexer gets the rest of the corpus.
pub fn loading_ended(app: &mut App) {
    if let Some(f) = app.search.feeder.as_mut() {
        f.loading_ended(&app.corpus.issues);
    }
}

/// The index is ready: start the search thread, and search what was typed meanwhile.
pub fn index_ready(app: &mut App, index: SearchIndex) {
    let index = Arc::new(index);
    let waker = app.search.waker.take().unwrap_or_else(|| Box::new(|| {}));
    let tags = tag_snapshot(app);
    app.search.engine = Some(BackgroundSearcher::start(index.clone(), tags, waker));
    app.search.index = Some(index);
    if !app.search.input.value().trim().is_empty() {
        on_change(app);
    }
}

/// The articles of issue `at` changed (a correction): the search is cleared and,
/// when the index is ready, only that issue's documents are indexed again (in
/// the background, seconds); an index still being built was fed
/// the issue's old articles, so it starts again ([`corpus_changed`]).
pub fn issue_changed(app: &mut App, at: usize) {
    let (Some(index), Some(issue), Some(notify)) = (
        app.search.index.clone(),
        app.corpus.issues.get(at).cloned(),
        app.notify.clone(),
    ) else {
        return corpus_changed(app);
    };
    clear(app);
    app.search.engine = None;
    app.search.index = None;
    app.search
        .generation
        .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let wake = notify.clone();
    app.search.set_waker(Box::new(move || {
        wake.send(crate::session::SessionEvent::SearchDone);
    }));
    app.search.feeder = crate::session::indexer::spawn_issue_update(
        app.corpus.root.clone(),
        index,
        (at, issue),
        Arc::clone(&app.search.generation),
        notify,
    );
    if app.search.feeder.is_some() && app.loading.is_none() {
        loading_ended(app);
    }
}

/// The articles of an issue changed (a correction): the search is cleared and
/// its index built again from the corpus as it is now (in the background).
pub fn corpus_changed(app: &mut App) {
    clear(app);
    app.search
        .generation
        .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    app.search.engine = None;
    app.search.index = None;
    app.search.feeder = None;
    if let Some(notify) = app.notify.clone() {
        let wake = notify.clone();
        app.search.set_waker(Box::new(move || {
            wake.send(crate::session::SessionEvent::SearchDone);
        }));
        spawn_indexer(app, app.corpus.root.clone(), notify);
        if app.loading.is_none() {
            loading_ended(app);
        }
    }
}

/// The corpus has finished loading: a search made while it loaded is run again,
/// so hits in issues that were not loaded yet show up.
pub fn corpus_loaded(app: &mut App) {
    loading_ended(app);
    if app.search.stale_while_loading && app.search.engine.is_some() && app.search.is_active() {
        app.search.stale_while_loading = false;
        on_change(app);
    }
}

/// Building the index failed.
pub fn index_failed(app: &mut App, message: String) {
    app.search.index_error = Some(message.clone());
    app.error(format!("search unavailable: {message}"));
}

/// The tags (and memos, for `note`) of every article as the app shows them now.
fn tag_snapshot(app: &App) -> Option<TagLookup> {
    let store = &app.tagging.store;
    let names: Vec<Vec<Vec<String>>> = app
        .corpus
        .issues
        .iter()
        .enumerate()
        .map(|(i, issue)| {
            issue
                .articles
                .iter()
                .enumerate()
                .map(|(a, article)| {
                    let mut names: Vec<String> =
                        app.tags_of(i, a).into_iter().map(str::to_string).collect();
                    names.extend(
                        store
                            .memos(&issue.rel, &article.id)
                            .iter()
                            .map(|m| crate::search::tags::note_marker(&m.text)),
                    );
                    names
                })
                .collect()
        })
        .collect();
    let tags: TagLookup = Arc::new(move |r: DocRef| {
        names
            .get(r.issue as usize)
            .and_then(|i| i.get(r.article as usize))
            .cloned()
            .unwrap_or_default()
    });
    // The corpus's samples, for `sample:NAME` (a broken one is named when a
    // query asks for a sample; see `check_tags`).
    let samples = crate::tags::sample::all_in(app.tagging.team.base()).unwrap_or_default();
    Some(crate::search::tags::with_samples(
        tags,
        &app.corpus.issues,
        &samples,
    ))
}

/// `/`: open the search line (editing the current query, if any).
pub fn open(app: &mut App) {
    app.mode = Overlay::Search;
    app.focus = Pane::List;
    // Tags may have changed since the last search.
    let tags = tag_snapshot(app);
    if let Some(engine) = &mut app.search.engine {
        engine.set_tags(tags);
    }
}

/// Keys while the search line is open: `[keys.search]`, the rest edit the query.
pub fn handle_key(app: &mut App, key: KeyEvent) {
    match app.keymap.search.action_for(key) {
        Some(SearchAction::Cancel) => {
            clear(app);
            app.mode = Overlay::Panes;
        }
        Some(SearchAction::Accept) => {
            app.mode = Overlay::Panes;
            app.focus = Pane::List;
            if app.search.input.value().trim().is_empty() {
                clear(app);
            }
        }
        Some(SearchAction::MoveUp) => app.update(super::Action::MoveUp),
        Some(SearchAction::MoveDown) => app.update(super::Action::MoveDown),
        Some(SearchAction::PageUp) => app.update(super::Action::PageUp),
        Some(SearchAction::PageDown) => app.update(super::Action::PageDown),
        None => {
            let before = app.search.input.value().to_string();
            if let Some(req) = to_input_request(&Event::Key(key)) {
                app.search.input.handle(req);
            }
            if app.search.input.value() != before {
                on_change(app);
            }
        }
    }
}

/// Esc: no query, the whole list.
fn clear(app: &mut App) {
    app.search.input.reset();
    app.search.query = None;
    app.search.error = None;
    app.search.hits = None;
    app.search.searching = false;
    app.search.reader_match = None;
    if app.filter.is_some() {
        // The whole list again, on the article that was selected.
        app.filter = None;
        app.rebuild_rows();
        app.sync_reader();
    }
}

/// The text changed: parse it and ask the search thread.
fn on_change(app: &mut App) {
    let text = app.search.input.value().to_string();
    if text.trim().is_empty() {
        clear(app);
        return;
    }
    match Query::parse(&text) {
        Err(e) => {
            // Shown in the search line; the list keeps the last results.
            app.search.error = Some(e);
            app.search.searching = false;
        }
        Ok(q) => {
            if let Err(e) = check_tags(app, &q) {
                app.search.error = Some(e);
                app.search.searching = false;
                return;
            }
            app.search.error = None;
            app.search.query = Some(q);
            app.search.reader_match = None;
            if let Some(engine) = &mut app.search.engine {
                engine.request(&text);
                app.search.searching = true;
            }
        }
    }
}

/// An error when the query names a tag that neither the config nor any article
/// has (as `kind:bogus` is one).
fn check_tags(app: &App, q: &Query) -> Result<(), QueryError> {
    if !q.sample_spans.is_empty() {
        match crate::tags::sample::all_in(app.tagging.team.base()) {
            Ok(samples) => {
                let names: Vec<String> = samples.into_iter().map(|(n, _)| n).collect();
                q.check_samples(&names)?;
            }
            Err(why) => {
                let (name, span) = q.sample_spans[0].clone();
                return Err(QueryError::UnknownSample {
                    name,
                    known: why,
                    span,
                });
            }
        }
    }
    if q.tag_spans.is_empty() {
        return Ok(());
    }
    let known: Vec<String> = app
        .config
        .tags
        .iter()
        .map(|t| t.name.clone())
        .chain(app.tagging.store.tag_counts().into_keys())
        .collect();
    q.check_tags(&known)
}

/// A result may be ready: show it if it answers what is typed now.
pub fn poll(app: &mut App) {
    let Some(outcome) = app.search.engine.as_mut().and_then(|e| e.poll()) else {
        return;
    };
    apply(app, outcome);
}

/// Wait (up to `timeout`) for the answer to the latest keystroke and show it
/// (tests and scripted use).
pub fn wait(app: &mut App, timeout: std::time::Duration) -> bool {
    let Some(outcome) = app.search.engine.as_mut().and_then(|e| e.wait(timeout)) else {
        return false;
    };
    apply(app, outcome);
    true
}

fn apply(app: &mut App, outcome: crate::search::background::SearchAnswer) {
    if outcome.query != app.search.input.value() {
        return; // cleared or changed since: stale
    }
    app.search.searching = false;
    match outcome.result {
        Err(e) => app.search.error = Some(e),
        Ok(hits) => {
            let Some(index) = app.search.index.clone() else {
                return;
            };
            let pairs = grouped_by_issue(
                hits.iter()
                    .filter_map(|h| index.doc_ref(h.doc))
                    .map(|r| (r.issue as usize, r.article as usize)),
            );
            app.search.hits = Some(pairs.len());
            app.search.stale_while_loading = app.loading.is_some();
            app.set_filter(Some(pairs));
            // Land on the best article rather than its issue row.
            if matches!(app.selected_row(), Some(ListRow::Issue(_)))
                && matches!(app.rows.get(1), Some(ListRow::Article(..)))
            {
                app.update(super::Action::MoveDown);
            }
        }
    }
}

/// Ranked hits with each issue's together, so the list shows each issue once:
/// issues in the order of their best hit, their hits in rank order.
pub fn grouped_by_issue(ranked: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = Vec::new();
    let mut by_issue: std::collections::HashMap<usize, Vec<(usize, usize)>> =
        std::collections::HashMap::new();
    for (i, a) in ranked {
        let list = by_issue.entry(i).or_default();
        if list.is_empty() {
            order.push(i);
        }
        list.push((i, a));
    }
    order
        .into_iter()
        .flat_map(|i| by_issue.remove(&i).unwrap_or_default())
        .collect()
}

/// `n` / `N`: scroll the reader to the next / previous line with a match.
pub fn jump(app: &mut App, forward: bool) {
    let Some(matcher) = app.search.highlighter() else {
        app.say("no search: press / to search");
        return;
    };
    let lines: Vec<usize> = app
        .reader
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !matcher.text_ranges_in(field_of(l.kind), &l.text).is_empty())
        .map(|(k, _)| k)
        .collect();
    drop(matcher);
    if lines.is_empty() {
        app.say("no match in this article");
        return;
    }
    let current = app.search.reader_match;
    let next = match (current, forward) {
        (None, true) => lines.first().copied(),
        (None, false) => lines.last().copied(),
        (Some(c), true) => lines
            .iter()
            .copied()
            .find(|&l| l > c)
            .or(lines.first().copied()),
        (Some(c), false) => lines
            .iter()
            .rev()
            .copied()
            .find(|&l| l < c)
            .or(lines.last().copied()),
    };
    let Some(line) = next else { return };
    let k = lines.iter().position(|&l| l == line).unwrap_or(0);
    app.search.reader_match = Some(line);
    let max = app.reader.max_scroll(app.reader_height());
    app.reader.scroll = line.saturating_sub(2).min(max);
    app.say(format!("match {}/{}", k + 1, lines.len()));
}

/// The field of the article a reader line shows (its matching rules differ:
/// scattered characters count in titles and heads, not in bodies).
pub fn field_of(kind: super::reader::LineKind) -> Field {
    use super::reader::LineKind;
    match kind {
        LineKind::Title => Field::Title,
        LineKind::Kicker => Field::Kicker,
        LineKind::Subtitle => Field::Subtitle,
        LineKind::Byline => Field::Byline,
        LineKind::Body | LineKind::Meta | LineKind::Memo => Field::Body,
    }
}

/// The style of matched characters.
pub fn highlight_style(app: &App) -> Style {
    if app.theme.color {
        Style::default()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD)
    } else {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
    }
}

/// Character positions of the list title of `issue`'s article `article` to
/// highlight.
pub fn title_positions(app: &App, issue: usize, article: usize) -> Vec<usize> {
    let Some(matcher) = app.search.highlighter() else {
        return Vec::new();
    };
    let Some(index) = &app.search.index else {
        return Vec::new();
    };
    match index.doc_of(issue, article) {
        Some(doc) => matcher.title_positions(doc),
        None => Vec::new(),
    }
}

/// `text` as spans, the characters at `positions` (ascending) in `hl`.
pub fn spans_with_positions(
    text: &str,
    positions: &[usize],
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    let mut next = positions.iter().peekable();
    for (k, c) in text.chars().enumerate() {
        while next.peek().is_some_and(|&&p| p < k) {
            next.next();
        }
        let is_hl = next.peek().is_some_and(|&&p| p == k);
        if is_hl != run_hl && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hl { hl } else { base },
            ));
        }
        run_hl = is_hl;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hl { hl } else { base }));
    }
    spans
}

/// `text` as spans with the character `ranges` in `hl`.
pub fn spans_with_ranges(
    text: &str,
    ranges: &[Range<usize>],
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    let positions: Vec<usize> = ranges.iter().flat_map(|r| r.clone()).collect();
    spans_with_positions(text, &positions, base, hl)
}

/// What the right end of the search line says.
fn status_text(app: &App) -> (String, bool) {
    let s = &app.search;
    if let Some(e) = &s.error {
        return (format!("bad query: {e}"), true);
    }
    if let Some(e) = &s.index_error {
        return (format!("no search: {e}"), true);
    }
    if s.index.is_none() {
        return ("indexing...".to_string(), false);
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
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let row = Rect { height: 1, ..area };
    ratatui::widgets::Clear.render(row, buf);
    buf.set_style(row, app.theme.status());
    let (status, is_error) = status_text(app);
    let status_w = status.width().min(area.width as usize / 2);
    let status = crate::text::fit_width(&status, status_w);
    let field_w = (area.width as usize).saturating_sub(status_w + 3);
    let scroll = app.search.input.visual_scroll(field_w);
    let shown = skip_columns(app.search.input.value(), scroll, field_w);
    let error_span = app.search.error.as_ref().map(|e| e.span());
    // Mark the malformed part of the query.
    let visible_start = char_offset_of_columns(app.search.input.value(), scroll);
    let positions: Vec<usize> = error_span
        .map(|r| {
            r.filter_map(|p| p.checked_sub(visible_start))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let mut spans = vec![Span::styled("/", app.theme.key())];
    spans.extend(spans_with_positions(
        &shown,
        &positions,
        app.theme.status(),
        app.theme.error(),
    ));
    Line::from(spans).render(row, buf);
    let x = area.x + area.width - status.width() as u16;
    let style = if is_error {
        app.theme.error()
    } else {
        app.theme.dim()
    };
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
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    if area.height == 0 {
        return None;
    }
    let (status, _) = status_text(app);
    let status_w = status.width().min(area.width as usize / 2);
    let field_w = (area.width as usize).saturating_sub(status_w + 3);
    let scroll = app.search.input.visual_scroll(field_w);
    let x = 1 + app.search.input.visual_cursor().saturating_sub(scroll);
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
    fn spans_split_at_highlighted_characters() {
        let base = Style::default();
        let hl = Style::default().add_modifier(Modifier::BOLD);
        let spans = spans_with_positions("推进社区治理", &[2, 3, 5], base, hl);
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == hl))
            .collect();
        assert_eq!(
            parts,
            vec![("推进", false), ("社区", true), ("治", false), ("理", true)]
        );
    }

    #[test]
    fn ranked_hits_show_each_issue_once() {
        let ranked = [(1, 0), (0, 2), (1, 3), (0, 1), (2, 0)];
        assert_eq!(
            grouped_by_issue(ranked.into_iter()),
            vec![(1, 0), (1, 3), (0, 2), (0, 1), (2, 0)]
        );
    }

    #[test]
    fn columns_are_skipped_by_display_width() {
        assert_eq!(skip_columns("社区ab", 2, 10), "区ab");
        assert_eq!(skip_columns("社区ab", 0, 3), "社");
        assert_eq!(char_offset_of_columns("社区ab", 4), 2);
    }
}

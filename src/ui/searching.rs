//! What a search does to the app: the index arriving from the session's
//! indexer, the query typed in the search line (`search_bar`) asked of the
//! search thread, the hits becoming the list's filter, `n`/`N` in the reader.
//! The search line itself (its state, drawing and caret) is `search_bar`.

use super::action::SearchAction;
use super::app::{App, ListRow, Overlay};
use super::layout::Pane;
use super::tag_picker::{PickItem, PickerStep, TagPicker};
use crate::article::ArticleAt;
use crate::search::background::BackgroundSearcher;
use crate::search::{Query, QueryError, SearchIndex, TagLookup};
use crossterm::event::KeyEvent;
use std::path::PathBuf;
use std::sync::Arc;

/// Start the session's indexer for the corpus at `root` (see
/// [`crate::session::indexer`]); it reports through `notify`.
pub fn spawn_indexer(app: &mut App, root: PathBuf, notify: crate::session::Notifier) {
    spawn_indexer_listed(app, root, notify, None);
}

/// [`spawn_indexer`], the corpus's issue files taken from the loader's walk
/// (see [`crate::session::listing`]).
pub fn spawn_indexer_listed(
    app: &mut App,
    root: PathBuf,
    notify: crate::session::Notifier,
    listing: Option<std::sync::mpsc::Receiver<crate::session::Listing>>,
) {
    let cache = !app.search.mixed_cut;
    let generation = app.search.corpus_changes();
    app.search.feeder = Some(crate::session::indexer::spawn_indexer_listed(
        root, notify, cache, generation, listing,
    ));
    app.search.indexing = None;
    app.search.index_clock = None;
}

/// Hand the indexer the next batch of loaded articles if it wants one (`asked`:
/// it just asked). Call it when the indexer asks and when issues arrive.
pub fn feed_index(app: &mut App, asked: bool) {
    if let Some(f) = app.search.feeder.as_mut() {
        f.feed(&app.corpus.issues, asked);
    }
    note_indexing(app);
}

/// How far the indexer has come, for the status bar: issues handed over, of
/// every issue the corpus has (the indexer is fed once loading has ended).
fn note_indexing(app: &mut App) {
    let Some(f) = app.search.feeder.as_ref() else {
        return;
    };
    if app.search.index.is_some() || !f.fed_any() {
        return;
    }
    let total = app.corpus.issues.len().max(f.handed_over());
    let now = std::time::Instant::now();
    let clock = *app
        .search
        .index_clock
        .get_or_insert_with(|| crate::session::progress::ProgressClock::start(0, now));
    app.search.indexing = Some(clock.at(f.handed_over(), total, now));
}

/// The loader has finished or failed: the indexer gets the rest of the corpus.
pub fn loading_ended(app: &mut App) {
    if let Some(f) = app.search.feeder.as_mut() {
        f.loading_ended(&app.corpus.issues);
    }
    note_indexing(app);
}

/// Whether an index reported by a job started at the host's count of corpus
/// changes `generation` is of the corpus as it is now: one started before
/// the latest correction (whose job was let go of, but had already sent it)
/// would show the articles as they were, and is dropped.
pub fn is_current(app: &App, generation: u64) -> bool {
    generation == app.search.corpus_changes()
}

/// The index is ready: start the search thread, and search what was typed meanwhile.
pub fn index_ready(app: &mut App, index: impl Into<Arc<SearchIndex>>) {
    app.search.indexing = None;
    app.search.index_clock = None;
    let index = index.into();
    // An index built afresh comes twice (searchable before its pinyin
    // four-grams, then whole): the second search thread wakes the app too.
    let waker = app
        .search
        .waker
        .take()
        .or_else(|| {
            let notify = app.notify.clone()?;
            let wake: super::search_bar::Waker = Box::new(move || {
                notify.send(crate::session::SessionEvent::SearchDone);
            });
            Some(wake)
        })
        .unwrap_or_else(|| Box::new(|| {}));
    let tags = tag_snapshot(app);
    if let Some(old) = app.search.engine.take() {
        // Not dropped here: that waits for the search it is running (at
        // 100,000 issues, a pinyin word in bodies before the four-grams came).
        old.let_go();
    }
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
    // The index searched while the first start's indexer makes the pinyin
    // four-grams lacks them: patched, it would lack them (and go uncached) for
    // the rest of the session, so the corpus is indexed again.
    if index.fourgrams_pending() {
        return corpus_changed(app);
    }
    clear(app);
    app.search.engine = None;
    app.search.index = None;
    app.search
        .corpus_changes
        .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let wake = notify.clone();
    app.search.set_waker(Box::new(move || {
        wake.send(crate::session::SessionEvent::SearchDone);
    }));
    app.search.feeder = crate::session::indexer::spawn_issue_update(
        app.corpus.root.clone(),
        index,
        (at, issue),
        Arc::clone(&app.search.corpus_changes),
        notify,
        !app.search.mixed_cut,
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
        .corpus_changes
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
                    let mut names: Vec<String> = app
                        .tags_of(ArticleAt::new(i, a))
                        .into_iter()
                        .map(str::to_string)
                        .collect();
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
    let tags: TagLookup = Arc::new(move |at: ArticleAt| {
        names
            .get(at.issue)
            .and_then(|i| i.get(at.article))
            .cloned()
            .unwrap_or_default()
    });
    // The corpus's samples, for `sample:NAME`, as last read (a broken one is
    // named when a query asks for a sample; see `check_tags`).
    let samples = app.tagging.samples.as_deref().unwrap_or_default();
    Some(crate::search::tags::with_samples(
        tags,
        &app.corpus.issues,
        samples,
    ))
}

/// `/`: open the search line (editing the current query, if any).
pub fn open(app: &mut App) {
    app.mode = Overlay::Search;
    app.focus = Pane::List;
    // `newstag sample` may have made a sample since: read them again (in the
    // background; `samples_read` takes them in).
    app.read_samples();
    // Tags may have changed since the last search.
    let tags = tag_snapshot(app);
    if let Some(engine) = &mut app.search.engine {
        engine.set_tags(tags);
    }
}

/// The samples have been read again: searches see them from now on, and a
/// query naming one is run again.
pub fn samples_read(app: &mut App) {
    let tags = tag_snapshot(app);
    if let Some(engine) = &mut app.search.engine {
        engine.set_tags(tags);
    }
    if app.search.input.value().contains("sample:") || app.search.asked.contains("sample:") {
        on_change(app);
    }
}

/// `@`: the saved searches of `[searches]` in a picker (type part of a name).
pub fn open_saved(app: &mut App) {
    let items: Vec<PickItem> = app
        .config
        .searches
        .iter()
        .map(|(name, query)| PickItem {
            name: format!("@{name}"),
            labels: Vec::new(),
            key: String::new(),
            style: app.theme.plain(),
            state: crate::text::fit_width(&crate::text::escape_controls(query), 32),
            stray: false,
        })
        .collect();
    let picker = TagPicker::new(items, 0).worded(
        "Run a saved search",
        "no saved searches: name queries in [searches] of the config",
    );
    app.mode = Overlay::PickSearch(Box::new(picker));
}

/// Keys in the saved searches' picker: the search picked is typed in the
/// search line (`@name`) and run.
pub fn pick_saved_key(app: &mut App, key: KeyEvent) {
    let action = app.keymap.picker.action_for(key);
    let Overlay::PickSearch(picker) = &mut app.mode else {
        return;
    };
    match picker.key(action, key) {
        PickerStep::Stay => {}
        PickerStep::Cancel => app.mode = Overlay::Panes,
        PickerStep::Chosen(name) => {
            open(app);
            app.search.input = tui_input::Input::new(name);
            on_change(app);
        }
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
            } else if app.search.error.is_none() {
                let query = app.search.input.value().to_string();
                if let Some((path, line)) = app.search.history.record(&query) {
                    keep_history(app, path, Some(line));
                }
            }
        }
        Some(SearchAction::HistoryPrev) => {
            let typed = app.search.input.value().to_string();
            match app.search.history.older(&typed).map(str::to_string) {
                Some(query) => {
                    app.search.input = tui_input::Input::new(query);
                    on_change(app);
                }
                None if app.search.history.entries().is_empty() => {
                    app.say("no search history yet: Enter keeps a query in it")
                }
                None => app.say("the oldest search in the history"),
            }
        }
        Some(SearchAction::HistoryNext) => {
            if let Some(query) = app.search.history.newer() {
                app.search.input = tui_input::Input::new(query);
                on_change(app);
            }
        }
        Some(SearchAction::MoveUp) => app.update(super::Action::MoveUp),
        Some(SearchAction::MoveDown) => app.update(super::Action::MoveDown),
        Some(SearchAction::PageUp) => app.update(super::Action::PageUp),
        Some(SearchAction::PageDown) => app.update(super::Action::PageDown),
        None => {
            if app.search.edit(key) {
                app.search.history.stop_walking();
                on_change(app);
            }
        }
    }
}

/// Read the history file (`query` None), or add `query` to it: a session job
/// when the app has a run loop to hear it, else now.
pub fn keep_history(app: &mut App, path: std::path::PathBuf, query: Option<String>) {
    use crate::session::history_job;
    match app.notify.clone() {
        Some(notify) => history_job::spawn_keep(path, query, notify),
        None => history_kept(app, history_job::keep(path, query)),
    }
}

/// The history file was read or added to: walk what it holds (or say why it
/// could not be).
pub fn history_kept(app: &mut App, kept: crate::session::history_job::HistoryKept) {
    match kept.result {
        Ok(entries) => app.search.history.kept(entries, kept.query.as_deref()),
        Err(why) => app.error(why),
    }
}

/// Esc: no query, the whole list.
fn clear(app: &mut App) {
    app.search.reset();
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
    // `@name` words stand for the saved searches of `[searches]`.
    let expansion = match crate::search::saved::expand(&text, &app.config.searches) {
        Ok(x) => x,
        Err(e) => {
            app.search.error = Some(e);
            app.search.searching = false;
            app.search.asked.clear();
            return;
        }
    };
    match Query::parse(&expansion.text) {
        Err(e) => {
            // Shown in the search line; the list keeps the last results.
            app.search.error = Some(expansion.typed_error(e));
            app.search.searching = false;
            app.search.asked.clear();
        }
        Ok(q) => {
            if let Err(e) = check_tags(app, &q) {
                app.search.error = Some(expansion.typed_error(e));
                app.search.searching = false;
                app.search.asked.clear();
                return;
            }
            app.search.error = None;
            app.search.query = Some(q);
            app.search.reader_match = None;
            if let Some(engine) = &mut app.search.engine {
                engine.request(&expansion.text);
                app.search.asked = expansion.text;
                app.search.searching = true;
            }
        }
    }
}

/// An error when the query names a tag that neither the config nor any article
/// has (as `kind:bogus` is one).
fn check_tags(app: &App, q: &Query) -> Result<(), QueryError> {
    if !q.sample_spans.is_empty() {
        match &app.tagging.samples {
            Ok(samples) => {
                let names: Vec<String> = samples.iter().map(|(n, _)| n.clone()).collect();
                q.check_samples(&names)?;
            }
            Err(why) => {
                let (name, span) = q.sample_spans[0].clone();
                return Err(QueryError::UnknownSample {
                    name,
                    known: why.clone(),
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
    if index_damaged(app) {
        return;
    }
    apply(app, outcome);
}

/// A search (or the list's and reader's highlighting of its hits, when
/// drawn) read part of the cached index that failed its check (as empty: its
/// hits may be missing): say so, naming the cache file (removed already), and
/// index the corpus again; what was typed is searched again once that is
/// done. True when it was so. The run loop asks after every frame drawn.
pub fn index_damaged(app: &mut App) -> bool {
    let Some(file) = app.search.index.as_ref().and_then(|i| i.take_damaged()) else {
        return false;
    };
    app.error(format!(
        "{}: the search index cache is damaged; indexing the corpus again",
        file.display()
    ));
    index_again_keeping_query(app);
    true
}

/// The index no longer fits the corpus shown (damaged, or issues cut again
/// swapped in): index the corpus again, keeping what is typed in the search
/// line, which is searched again on the new index once it is ready.
pub(super) fn index_again_keeping_query(app: &mut App) {
    let typed = app.search.input.value().to_string();
    corpus_changed(app);
    app.search.input = tui_input::Input::new(typed);
}

/// Wait (up to `timeout`) for the answer to the latest keystroke and show it
/// (tests and scripted use).
pub fn wait(app: &mut App, timeout: std::time::Duration) -> bool {
    let Some(outcome) = app.search.engine.as_mut().and_then(|e| e.wait(timeout)) else {
        return false;
    };
    if !index_damaged(app) {
        apply(app, outcome);
    }
    true
}

fn apply(app: &mut App, outcome: crate::search::background::SearchAnswer) {
    if outcome.query != app.search.asked || app.search.input.value().trim().is_empty() {
        return; // cleared or changed since: stale
    }
    app.search.searching = false;
    match outcome.result {
        Err(e) => app.search.error = Some(e),
        Ok(hits) => {
            let Some(index) = app.search.index.clone() else {
                return;
            };
            let pairs = super::search_bar::grouped_by_issue(
                hits.iter().filter_map(|h| index.article_at(h.doc)),
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
        .filter(|(_, l)| {
            !matcher
                .text_ranges_in(super::reader::field_of(l.kind), &l.text)
                .is_empty()
        })
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

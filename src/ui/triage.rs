//! Suggestions in the TUI: scoring the corpus on a background thread, ghost tags
//! in the tag pane, `a` (accept the suggestions of the article or the marked
//! ones) and triage mode (`T`), over [`crate::suggest`].
//!
//! Scoring cuts every article into words, which takes a while on a big corpus:
//! it runs on its own thread with a rayon pool one core smaller than the machine,
//! so the UI keeps a core; the status bar shows its progress and the features
//! appear when it is done. After every tag change the classifier is retrained
//! (it only counts words, milliseconds for thousands of tagged articles).
//!
//! Triage keys come from `[keys.triage]` (by default Enter accepts the
//! suggestions or keeps a hand-made choice and moves on, `x` marks "no topic",
//! Space skips, `u` undoes, `j`/`k` scroll the article, Esc or `q` leaves); the
//! tags' own keys toggle them. Triage's decisions are saved off the UI thread
//! in turn with every other tag change (`tag_saves`): the walk moves on at
//! once, and the status bar says what is being saved, then what was, or why
//! not.

use super::action::{Action, Layer, TriageAction};
use super::app::{App, Overlay};
use super::bordered::{self, render_lines};
use crate::article::{Article, ArticleAt};
use crate::suggest::triage::{Triage, TriageChange};
use crate::suggest::{NO_TOPIC, SuggestIndex, Suggester, Suggestion, labels_from_store};
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The suggestion state the app carries.
#[derive(Default)]
pub struct Suggesting {
    /// Ready once the corpus is scored.
    pub suggester: Option<Suggester>,
    /// `(done, total)` issues while scoring runs.
    pub progress: Option<(usize, usize)>,
    /// How long scoring took.
    pub took: Option<Duration>,
    /// The corpus's cached suggestion features, read from the start of the
    /// session while the corpus loads, for the first scoring.
    pub prefetch: Option<crate::cache::features::Prefetch>,
    /// Scoring waits for the search index being built (see
    /// [`App::start_suggestions_after_index`]).
    pub after_index: bool,
    /// The read of [`Suggesting::prefetch`] was started (once a session).
    pub prefetched: bool,
    /// The triage walk, while triage mode is open (kept when it is left).
    pub triage: Option<Triage>,
    /// How far triage's article is scrolled, and which article that was.
    pub triage_scroll: (Option<ArticleAt>, usize),
}

impl std::fmt::Debug for Suggesting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Suggesting")
            .field("ready", &self.suggester.is_some())
            .field("progress", &self.progress)
            .field("took", &self.took)
            .finish()
    }
}

impl App {
    /// Score the loaded corpus: in the background (the session's scorer job)
    /// when the run loop set `notify`, else right away.
    pub fn start_suggestions(&mut self) {
        let tags = self.config.tags.clone();
        let Some(notify) = self.notify.clone() else {
            let started = Instant::now();
            let index = SuggestIndex::build(&self.corpus.issues, &tags, &|_, _| {});
            self.suggestions_ready(index, started.elapsed());
            return;
        };
        // The articles are shared with the scorer, not copied: a copy of a large
        // corpus cost as much memory again as the corpus itself.
        let articles: Vec<Arc<[Article]>> = self
            .corpus
            .issues
            .iter()
            .map(|i| Arc::clone(&i.articles))
            .collect();
        self.suggest.progress = Some((0, articles.len()));
        let root = self.corpus.root.clone();
        let prefetch = self.suggest.prefetch.take();
        crate::session::scorer::spawn_scorer(root, articles, tags, notify, prefetch);
    }

    /// The corpus has loaded: score it, once the search index is ready when it
    /// is still being built. Both jobs keep every core busy, and searching is
    /// what a user does first: on a first start the index is ready sooner
    /// (seconds) and suggestions later by as much. Meanwhile the status bar
    /// says suggesting 0%.
    pub fn start_suggestions_after_index(&mut self) {
        if self.search.index.is_none() && self.search.index_error.is_none() {
            self.suggest.after_index = true;
            self.suggest.progress = Some((0, self.corpus.issues.len()));
        } else {
            self.start_suggestions();
        }
    }

    /// The search index is ready (or could not be built): start scoring if it
    /// waited for the index.
    pub fn index_settled(&mut self) {
        if std::mem::take(&mut self.suggest.after_index) {
            self.start_suggestions();
        }
    }

    /// Scoring has got this far (issues done, of all).
    pub fn suggest_progress(&mut self, done: usize, total: usize) {
        self.suggest.progress = Some((done, total));
    }

    /// Scoring has finished: suggestions show from now on.
    pub fn suggestions_ready(&mut self, index: SuggestIndex, took: Duration) {
        self.suggest.progress = None;
        self.suggest.took = Some(took);
        let n = index.len();
        self.suggest.suggester = Some(Suggester::new(index, self.config.suggest.learn_after));
        self.relearn();
        // Say so only on an empty status line: never hide an error or
        // what loading said.
        if self.message.is_none() {
            self.say(format!(
                "suggestions ready: {n} articles scored in {:.1}s (T triage, a accept)",
                took.as_secs_f64()
            ));
        }
    }

    /// Retrain the classifier on the tags in the store (after every change).
    /// Tags made in the app since scoring started join in (they have no
    /// keywords, so they are suggested from the user's tags alone).
    pub fn relearn(&mut self) {
        let Some(s) = self.suggest.suggester.as_mut() else {
            return;
        };
        for tag in &self.config.tags {
            if !s.index.keywords.tags.contains(&tag.name) {
                s.index.keywords.tags.push(tag.name.clone());
            }
        }
        let labels = labels_from_store(
            &self.tagging.store,
            &self.corpus.issues,
            &s.index.keywords.tags,
        );
        s.learn(&labels);
    }

    /// The suggestions shown for an article: at or above `suggest.min_score`, for
    /// tags it does not carry yet.
    pub fn suggestions_for(&self, at: ArticleAt) -> Vec<Suggestion> {
        let Some(s) = &self.suggest.suggester else {
            return Vec::new();
        };
        let carried = self.tags_of(at);
        let mut out = s.suggest_above(at, self.config.suggest.min_score);
        out.retain(|x| !carried.contains(&x.tag.as_str()));
        out
    }

    /// The ghost of tag `tag` for the selected article (tag pane): its score and
    /// the words behind it, when it is suggested and not set.
    pub fn ghost(&self, tag: &str) -> Option<Suggestion> {
        let (at, _) = self.selected_article()?;
        self.suggestions_for(at).into_iter().find(|s| s.tag == tag)
    }

    /// Handle `AcceptSuggestions` and `Triage`.
    pub(super) fn suggest_action(&mut self, action: super::Action) {
        if self.suggest.suggester.is_none() {
            let how_far = match self.suggest.progress {
                Some((done, total)) if total > 0 => format!(" ({}%)", done * 100 / total),
                _ => String::new(),
            };
            self.say(format!("suggestions are still being computed{how_far}"));
            return;
        }
        match action {
            super::Action::AcceptSuggestions => self.accept_batch(),
            _ => self.open_triage(),
        }
    }

    fn accept_batch(&mut self) {
        let accepted: Vec<(ArticleAt, Vec<String>)> = self
            .batch()
            .into_iter()
            .map(|at| {
                let tags = self
                    .suggestions_for(at)
                    .into_iter()
                    .map(|s| s.tag)
                    .collect();
                (at, tags)
            })
            .filter(|(_, tags): &(ArticleAt, Vec<String>)| !tags.is_empty())
            .collect();
        if accepted.is_empty() {
            self.say("no suggestions to accept");
            return;
        }
        let edits = crate::suggest::accepted_marks(&accepted);
        self.tag_work(super::tag_saves::TagWork::Marks {
            edits,
            label: crate::suggest::ACCEPT_LABEL.to_string(),
        });
    }

    fn open_triage(&mut self) {
        if self.suggest.suggester.is_none() {
            return;
        }
        // Each tag's definition is shown beside it: the codebook is read
        // again (in the background), in case it was edited.
        self.read_codebook();
        let Some(s) = &self.suggest.suggester else {
            return;
        };
        let resume = self.suggest.triage.as_ref().is_some_and(|t| !t.finished());
        if !resume {
            let mut triage = Triage::start(s, &self.tagging.store, &self.corpus.issues);
            // A search (such as `sample:NAME`) narrows triage to what it lists.
            if let Some(listed) = &self.filter {
                triage.restrict(&listed.iter().copied().collect());
            }
            self.suggest.triage = Some(triage);
        }
        self.mode = Overlay::Triage;
    }

    /// A key in triage mode: its own keymap, then the tags' keys.
    pub(super) fn triage_key(&mut self, key: KeyEvent) {
        let action = self.keymap.triage.action_for(key);
        if action.is_none()
            && let Some(Action::ToggleTag(k)) = self.keymap.panes.action_for(key)
        {
            self.triage_toggle(k);
            return;
        }
        if let Some(a) = action {
            self.update_triage(a);
        }
    }

    /// Toggle tag `k` of the vocabulary on triage's article.
    fn triage_toggle(&mut self, k: usize) {
        let Some(name) = self.config.tags.get(k).map(|t| t.name.clone()) else {
            return;
        };
        let Some(mut triage) = self.suggest.triage.take() else {
            return;
        };
        let change = triage.decide_toggle(&name);
        self.suggest.triage = Some(triage);
        if let Some(c) = change {
            self.triage_change(c);
        }
    }

    /// Save what a triage decision asks of the tags, in turn with the other
    /// tag changes (see `tag_saves`): the status bar says it is being saved,
    /// then what was saved or why not.
    fn triage_change(&mut self, change: TriageChange) {
        use super::tag_saves::TagWork;
        let work = match change {
            TriageChange::Toggle { at, tag } => TagWork::Toggle {
                tag,
                targets: vec![at],
            },
            TriageChange::Marks { edits, label } => TagWork::Marks { edits, label },
            TriageChange::NoTopic { at } => TagWork::Add {
                tag: NO_TOPIC.to_string(),
                targets: vec![at],
            },
            TriageChange::Undo => TagWork::Undo,
        };
        self.tag_work(work);
    }

    /// Apply one triage action.
    pub(super) fn update_triage(&mut self, action: TriageAction) {
        let Some(mut triage) = self.suggest.triage.take() else {
            self.mode = Overlay::Panes;
            return;
        };
        let issues = &self.corpus.issues;
        let store = &self.tagging.store;
        let mut change = None;
        let mut note = None;
        match action {
            TriageAction::Leave => {
                if let Some(at) = triage.current() {
                    self.select_article(at);
                }
                self.mode = Overlay::Panes;
            }
            TriageAction::Accept => {
                if let Some(s) = &self.suggest.suggester {
                    change = triage.decide_accept(store, issues, s, self.config.suggest.min_score);
                }
            }
            TriageAction::NoTopic => change = triage.decide_no_topic(store, issues),
            TriageAction::Skip => triage.skip(),
            TriageAction::Undo => {
                change = triage.decide_undo();
                if change.is_none() {
                    note = Some("back to the skipped article");
                }
            }
            TriageAction::ScrollDown | TriageAction::ScrollUp => {
                let at = triage.current();
                let (was, scroll) = self.suggest.triage_scroll;
                let scroll = if was == at { scroll } else { 0 };
                let scroll = if action == TriageAction::ScrollDown {
                    scroll + 1
                } else {
                    scroll.saturating_sub(1)
                };
                self.suggest.triage_scroll = (at, scroll);
            }
            TriageAction::Help => {
                self.suggest.triage = Some(triage);
                self.open_help(Layer::Triage);
                return;
            }
        }
        self.suggest.triage = Some(triage);
        if let Some(c) = change {
            self.triage_change(c);
        } else if let Some(n) = note {
            self.say(n);
        }
    }

    /// Select the article at `at` in the list, when it is listed.
    fn select_article(&mut self, at: ArticleAt) {
        if let Some(k) = self
            .rows
            .iter()
            .position(|r| *r == super::app::ListRow::Article(at))
        {
            self.select(k);
        }
    }
}

/// Words of the status bar while scoring runs (`None` when it is not running).
pub fn status_note(app: &App) -> Option<String> {
    let (done, total) = app.suggest.progress?;
    Some(format!(
        "suggesting {}%",
        (done * 100).checked_div(total).unwrap_or(0)
    ))
}

/// Draw triage mode over `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let Some(triage) = &app.suggest.triage else {
        return;
    };
    let p = triage.progress(&app.tagging.store, &app.corpus.issues);
    let title = format!(
        " Triage · this issue {}/{} decided · corpus {}/{} decided · {} left ",
        p.issue_decided, p.issue_total, p.corpus_decided, p.corpus_total, p.left
    );
    // The bar under it lists triage's keys; the tags' keys are said here.
    let hint = match super::status::tag_key_range(&app.config.tags) {
        Some(keys) => format!(" {keys} toggle a tag "),
        None => String::new(),
    };
    let inner = bordered::overlay(theme, title, Some(hint.into()), area, buf);
    if inner.width < 4 || inner.height < 3 {
        return;
    }
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let Some(at) = triage.current() else {
        lines.push(Line::styled(
            "Every article in the queue has been seen. Esc to leave.",
            theme.title(),
        ));
        render_lines(lines, inner, buf);
        return;
    };
    let Some((issue, article)) = at.find(&app.corpus.issues) else {
        return;
    };
    lines.push(Line::styled(
        crate::text::fit_width(&issue.label(), width),
        theme.dim(),
    ));
    if !article.kicker.is_empty() {
        lines.push(Line::styled(
            crate::text::fit_width(&article.kicker, width),
            theme.dim(),
        ));
    }
    lines.push(Line::styled(
        crate::text::fit_width(&article.display_title(), width),
        theme.title(),
    ));
    for extra in [&article.subtitle, &article.byline] {
        if !extra.is_empty() {
            lines.push(Line::styled(
                crate::text::fit_width(extra, width),
                theme.dim(),
            ));
        }
    }
    // Tags: set ones as chips, suggested ones as ghosts with score and words.
    let carried = app.tags_of(at);
    let suggestions = app.suggestions_for(at);
    for tag in &app.config.tags {
        let set = carried.contains(&tag.name.as_str());
        let ghost = suggestions.iter().find(|s| s.tag == tag.name);
        let mut spans = vec![
            Span::styled(
                format!(" {} ", if tag.key.is_empty() { " " } else { &tag.key }),
                theme.key(),
            ),
            Span::styled(if set { "[x] " } else { "[ ] " }, theme.plain()),
            Span::styled(tag.label().to_string(), theme.tag_fg(tag)),
        ];
        if let Some(g) = ghost {
            spans.push(Span::styled(
                format!("  suggested {:.2}: {}", g.score, g.words.join(" ")),
                theme.dim(),
            ));
        } else if let Some(e) = app
            .tagging
            .codebook
            .as_ref()
            .and_then(|b| b.entry(&tag.name))
            .filter(|e| !e.definition.is_empty())
        {
            spans.push(Span::styled(
                format!("  {}", crate::text::controls_as_spaces(&e.definition)),
                theme.dim(),
            ));
        }
        lines.push(bordered::fit_line(Line::from(spans), width));
    }
    if Triage::is_no_topic(&app.tagging.store, &app.corpus.issues, at) {
        lines.push(Line::styled(format!(" marked {NO_TOPIC}"), theme.dim()));
    }
    lines.push(Line::from(""));
    let room = (inner.height as usize).saturating_sub(lines.len());
    // Scrolled by j/k (as far as the end of the article shows).
    let scroll = match app.suggest.triage_scroll {
        (was, s) if was == Some(at) => s,
        _ => 0,
    };
    let key = app
        .keymap
        .triage
        .first_key(TriageAction::ScrollDown)
        .unwrap_or_default();
    let body = bordered::scrolled_text(
        article.paragraphs.iter().map(|p| p.as_str()),
        width,
        room,
        scroll,
        &key,
        theme,
    );
    lines.extend(body);
    render_lines(lines, inner, buf);
}

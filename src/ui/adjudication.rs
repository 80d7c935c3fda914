//! Adjudication mode (`A`): walk the articles coders coded differently, each
//! coder's decision side by side with the article, and record the settled
//! decision as the current coder's adjudication (see
//! [`crate::tags::adjudicate`]), apart from every coder's own decisions.
//!
//! Keys come from `[keys.adjudicate]` (by default Enter settles the article on
//! the tags chosen and goes on, `x` settles it on "no topic", `c` takes the next
//! coder's decision as the choice, Space and Backspace go to the next and the
//! previous article, `u` undoes the last settlement, `j`/`k` scroll the article,
//! Esc or `q` leaves); the tags' own keys toggle a tag of the choice. The walk
//! covers the listed articles only, so a search first (e.g. a sample) narrows it.
//! Settlements and their undo are saved off the UI thread in turn with every
//! other tag change (`tag_saves`): the walk goes on at once, and the status bar
//! says what is being saved, then what was, or NOT SAVED and why (the article
//! then stays open).

use super::action::{AdjudicateAction, Layer};
use super::app::{App, Overlay};
use super::bordered::{self, render_lines};
use super::tag_saves::TagWork;
use crate::article::ArticleAt;
use crate::corpus::Corpus;
use crate::session::files_job::{self, AdjudicationRead};
use crate::suggest::NO_TOPIC;
use crate::tags::adjudicate::{self, Unit};
use crate::tags::team::UNKNOWN;
use crate::tags::{SaveDone, TagStore};
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use std::collections::{BTreeSet, HashMap};
use unicode_width::UnicodeWidthStr;

/// Who settled a unit, when, on which tags.
type Settlement = Option<(String, String, BTreeSet<String>)>;

/// The adjudication walk, while the mode is open.
pub struct Adjudicating {
    /// The current coder's settled decisions (`adjudicated/NAME/`).
    pub store: TagStore,
    /// The disagreements, in corpus order, each with its article's place.
    pub units: Vec<(Unit, ArticleAt)>,
    /// The settlement each unit had when the walk began (another adjudicator's
    /// shows again when one's own is undone).
    before: Vec<Settlement>,
    /// Index into `units` of the article shown.
    pub at: usize,
    /// The tags the article will be settled on.
    pub draft: BTreeSet<String>,
    /// Which coder `c` takes next.
    take_next: usize,
    /// How far the article is scrolled.
    pub scroll: usize,
}

impl std::fmt::Debug for Adjudicating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Adjudicating")
            .field("units", &self.units.len())
            .field("at", &self.at)
            .field("draft", &self.draft)
            .finish()
    }
}

impl Adjudicating {
    /// The unit shown and its place in the corpus.
    pub fn current(&self) -> Option<&(Unit, ArticleAt)> {
        self.units.get(self.at)
    }

    /// How many units have no settlement yet.
    pub fn open(&self) -> usize {
        self.units
            .iter()
            .filter(|(u, _)| u.adjudicated.is_none())
            .count()
    }

    /// Show unit `k`: the choice starts as its settlement, else the tags every
    /// coder set.
    fn show(&mut self, k: usize) {
        self.at = k.min(self.units.len().saturating_sub(1));
        self.scroll = 0;
        self.take_next = 0;
        self.draft = match self.current() {
            Some((u, _)) => match &u.adjudicated {
                Some((_, _, tags)) => tags.clone(),
                None => {
                    let mut sets = u.coders.values();
                    let first = sets.next().cloned().unwrap_or_default();
                    sets.fold(first, |acc, s| acc.intersection(s).cloned().collect())
                }
            },
            None => BTreeSet::new(),
        };
    }

    /// After a save or an undo: unit `k`'s settlement as the store holds it
    /// (one's own), else as it was when the walk began.
    fn refresh(&mut self, k: usize) {
        let Some((unit, _)) = self.units.get(k) else {
            return;
        };
        let mine = self.store.tags_of(&unit.issue, &unit.id).map(|set| {
            let at = set.values().map(|m| m.at.clone()).max().unwrap_or_default();
            let tags = set.keys().filter(|t| *t != NO_TOPIC).cloned().collect();
            (self.store.coder().to_string(), at, tags)
        });
        let settled = mine.or_else(|| self.before.get(k).cloned().flatten());
        if let Some((unit, _)) = self.units.get_mut(k) {
            unit.adjudicated = settled;
        }
    }
}

impl App {
    /// Open adjudication over the listed articles where coders disagree.
    pub(super) fn open_adjudication(&mut self) {
        let pending = self.tagging.saves.pending();
        if pending > 0 {
            // The walk reads the sidecars: what is being saved must be there.
            self.say(format!(
                "adjudication waits for {} being saved",
                crate::text::count(pending, "tag change")
            ));
            return;
        }
        if let Some(l) = self.loading {
            self.say(format!(
                "adjudication waits for the corpus to load ({}/{} issues)",
                l.done, l.total
            ));
            return;
        }
        let team = self.tagging.team.clone();
        let corpus = Corpus {
            root: self.corpus.root.clone(),
            issues: self.corpus.issues.clone(),
            warnings: Vec::new(),
            habits: Default::default(),
        };
        self.say("adjudication: reading every coder's decisions ...");
        self.read_files(move || files_job::read_adjudication(&team, &corpus));
    }

    /// What adjudication needs has been read: open the walk over the listed
    /// articles where coders disagree.
    pub(super) fn adjudication_read(&mut self, read: AdjudicationRead) {
        let AdjudicationRead {
            store,
            decisions,
            adjudications,
            codebook,
        } = read;
        let store = match store {
            Ok(store) => store,
            Err(why) => {
                self.error(why);
                return;
            }
        };
        let places: HashMap<(&str, &str), ArticleAt> = self
            .corpus
            .issues
            .iter()
            .enumerate()
            .flat_map(|(i, issue)| {
                issue.articles.iter().enumerate().map(move |(a, art)| {
                    ((issue.rel.as_str(), art.id.as_str()), ArticleAt::new(i, a))
                })
            })
            .collect();
        let listed: Option<std::collections::HashSet<ArticleAt>> =
            self.filter.as_ref().map(|f| f.iter().copied().collect());
        let units: Vec<(Unit, ArticleAt)> =
            adjudicate::units(&decisions, &adjudications, &[NO_TOPIC.to_string()], None)
                .into_iter()
                .filter(|u| u.disagreement())
                .filter_map(|u| {
                    let at = *places.get(&(u.issue.as_str(), u.id.as_str()))?;
                    Some((u, at))
                })
                .filter(|(_, at)| listed.as_ref().is_none_or(|l| l.contains(at)))
                .collect();
        if units.is_empty() {
            self.say(if listed.is_some() {
                "no disagreement among the listed articles"
            } else {
                "no disagreement to settle: the coders agree on every article they coded"
            });
            return;
        }
        let before = units.iter().map(|(u, _)| u.adjudicated.clone()).collect();
        let first_open = units
            .iter()
            .position(|(u, _)| u.adjudicated.is_none())
            .unwrap_or(0);
        match codebook {
            Ok(book) => self.tagging.codebook = book,
            Err(why) => self.error(why),
        }
        let mut walk = Adjudicating {
            store,
            units,
            before,
            at: 0,
            draft: BTreeSet::new(),
            take_next: 0,
            scroll: 0,
        };
        walk.show(first_open);
        let said = format!(
            "adjudication: {} where coders disagree, {} to settle",
            crate::text::count(walk.units.len(), "article"),
            walk.open()
        );
        self.adjudicating = Some(Box::new(walk));
        self.mode = Overlay::Adjudicate;
        self.say(said);
    }

    /// A key in adjudication: its own keymap, then the tags' keys.
    pub(super) fn adjudicate_key(&mut self, key: KeyEvent) {
        if let Some(a) = self.keymap.adjudicate.action_for(key) {
            self.update_adjudication(a);
        } else if let Some(super::Action::ToggleTag(k)) = self.keymap.panes.action_for(key)
            && let Some(name) = self.config.tags.get(k).map(|t| t.name.clone())
            && let Some(walk) = self.adjudicating.as_mut()
            && !walk.draft.remove(&name)
        {
            walk.draft.insert(name);
        }
    }

    /// Apply one adjudication action.
    pub(super) fn update_adjudication(&mut self, action: AdjudicateAction) {
        let Some(mut walk) = self.adjudicating.take() else {
            self.mode = Overlay::Panes;
            return;
        };
        let mut work = None;
        match action {
            AdjudicateAction::Leave => {
                if let Some(&(_, at)) = walk.current() {
                    self.select_listed(at);
                }
                self.mode = Overlay::Panes;
            }
            AdjudicateAction::Settle | AdjudicateAction::NoTopic => {
                if action == AdjudicateAction::NoTopic {
                    walk.draft.clear();
                }
                if let Some(&(_, at)) = walk.current() {
                    // Saved in turn with every tag change; the walk goes on
                    // to the next open article at once.
                    work = Some(TagWork::Settle {
                        unit: walk.at,
                        at,
                        tags: walk.draft.clone(),
                    });
                    let next = (walk.at + 1..walk.units.len())
                        .chain(0..walk.at)
                        .find(|&k| walk.units[k].0.adjudicated.is_none());
                    walk.show(next.unwrap_or((walk.at + 1).min(walk.units.len() - 1)));
                }
            }
            AdjudicateAction::TakeCoder => {
                if let Some((unit, _)) = walk.current() {
                    let coders: Vec<BTreeSet<String>> = unit.coders.values().cloned().collect();
                    if !coders.is_empty() {
                        let k = walk.take_next % coders.len();
                        walk.draft = coders[k].clone();
                        walk.take_next = k + 1;
                    }
                }
            }
            AdjudicateAction::Next => walk.show((walk.at + 1).min(walk.units.len() - 1)),
            AdjudicateAction::Previous => walk.show(walk.at.saturating_sub(1)),
            AdjudicateAction::Undo => work = Some(TagWork::UndoSettle),
            AdjudicateAction::ScrollDown => walk.scroll += 1,
            AdjudicateAction::ScrollUp => walk.scroll = walk.scroll.saturating_sub(1),
            AdjudicateAction::Help => {
                self.adjudicating = Some(walk);
                self.open_help(Layer::Adjudicate);
                return;
            }
        }
        self.adjudicating = Some(walk);
        if let Some(work) = work {
            self.tag_work(work);
        }
    }

    /// A settlement (`unit`) or an undo of one has been saved, or not: the
    /// walk shows what the adjudicator's sidecars now hold (after an undo, the
    /// article undone), and the status bar says what was saved or why not.
    pub(super) fn settlement_saved(&mut self, done: SaveDone, unit: Option<usize>) {
        let Some(walk) = self.adjudicating.as_mut() else {
            return;
        };
        let o = walk.store.finish(done);
        match unit {
            Some(k) => walk.refresh(k),
            None => {
                let undone: Vec<usize> = walk
                    .units
                    .iter()
                    .enumerate()
                    .filter(|(_, (u, _))| {
                        o.applied
                            .changes
                            .iter()
                            .any(|c| c.issue == u.issue && c.article == u.id)
                    })
                    .map(|(k, _)| k)
                    .collect();
                for k in &undone {
                    walk.refresh(*k);
                }
                if let Some(&k) = undone.first() {
                    walk.show(k);
                }
            }
        }
        if o.ok() {
            self.settled();
            self.say(o.message());
        } else {
            self.tagging.save = super::tagging::SaveState::Failed(o.message());
            self.error(o.message());
        }
    }

    /// Select the article at `at` in the list, when it is listed.
    fn select_listed(&mut self, at: ArticleAt) {
        if let Some(k) = self
            .rows
            .iter()
            .position(|r| *r == super::app::ListRow::Article(at))
        {
            self.select(k);
        }
    }
}

/// Draw adjudication over `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let Some(walk) = &app.adjudicating else {
        return;
    };
    let coder = if walk.store.coder().is_empty() {
        UNKNOWN
    } else {
        walk.store.coder()
    };
    let title = format!(
        " Adjudication · {}/{} · {} to settle · as {} ",
        walk.at + 1,
        walk.units.len(),
        walk.open(),
        crate::text::controls_as_spaces(coder)
    );
    let hint = match super::status::tag_key_range(&app.config.tags) {
        Some(keys) => format!(" {keys} toggle a tag of the settlement "),
        None => String::new(),
    };
    let inner = bordered::overlay(theme, title, Some(hint.into()), area, buf);
    if inner.width < 4 || inner.height < 3 {
        return;
    }
    let width = inner.width as usize;
    let Some((unit, at)) = walk.current() else {
        return;
    };
    let Some((issue, article)) = at.find(&app.corpus.issues) else {
        return;
    };
    let mut lines: Vec<Line> = vec![
        Line::styled(crate::text::fit_width(&issue.label(), width), theme.dim()),
        Line::styled(
            crate::text::fit_width(&article.display_title(), width),
            theme.title(),
        ),
        Line::from(""),
    ];
    lines.extend(decision_table(app, walk, unit, width));
    let said = match &unit.adjudicated {
        Some((who, at, tags)) => format!(
            " settled by {} ({at}): {}",
            crate::text::controls_as_spaces(who),
            tag_list(tags)
        ),
        None => " not settled yet: the coders disagree".to_string(),
    };
    lines.push(Line::styled(
        crate::text::fit_width(&said, width),
        theme.dim(),
    ));
    lines.extend(codebook_lines(app, walk, unit, width));
    lines.push(Line::from(""));
    let room = (inner.height as usize).saturating_sub(lines.len());
    let key = app
        .keymap
        .adjudicate
        .first_key(AdjudicateAction::ScrollDown)
        .unwrap_or_default();
    let body = bordered::scrolled_text(
        article.paragraphs.iter().map(|p| p.as_str()),
        width,
        room,
        walk.scroll,
        &key,
        theme,
    );
    lines.extend(body);
    render_lines(lines, inner, buf);
}

/// Each tag a row, each coder a column (`x`: set), and the settlement chosen
/// (`[x]`); a last row for "no topic".
fn decision_table(app: &App, walk: &Adjudicating, unit: &Unit, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut tags: Vec<(String, String, Option<&crate::config::TagDef>)> = app
        .config
        .tags
        .iter()
        .map(|t| (t.name.clone(), t.key.clone(), Some(t)))
        .collect();
    for set in unit.coders.values() {
        for t in set {
            if !tags.iter().any(|(n, _, _)| n == t) {
                tags.push((t.clone(), String::new(), None));
            }
        }
    }
    let label_w = tags
        .iter()
        .map(|(n, _, def)| def.map_or(n.as_str(), |d| d.label()).width())
        .chain([NO_TOPIC.width()])
        .max()
        .unwrap_or(0)
        .min(24);
    let names: Vec<String> = unit
        .coders
        .keys()
        .map(|c| {
            let name = if c.is_empty() { UNKNOWN } else { c.as_str() };
            crate::text::fit_width(&crate::text::controls_as_spaces(name), 12)
        })
        .collect();
    let cell_w: Vec<usize> = names.iter().map(|n| n.width().max(1) + 2).collect();
    let cell = |text: &str, w: usize| {
        let left = w.saturating_sub(text.width()) / 2;
        pad(&format!("{}{text}", " ".repeat(left)), w)
    };
    // Under the key (3 cells), a space and the tag's label.
    let mut head = " ".repeat(4 + label_w);
    for (n, w) in names.iter().zip(&cell_w) {
        head.push_str(&cell(n, *w));
    }
    head.push_str(" settle");
    let mut out = vec![Line::styled(
        crate::text::fit_width(&head, width),
        theme.dim(),
    )];
    let row = |key: &str, label: &str, style, marks: Vec<bool>, chosen: bool| {
        let mut spans = vec![
            Span::styled(
                format!(" {} ", if key.is_empty() { " " } else { key }),
                theme.key(),
            ),
            Span::raw(" "),
            Span::styled(pad(&crate::text::fit_width(label, label_w), label_w), style),
        ];
        for (m, w) in marks.iter().zip(&cell_w) {
            spans.push(Span::styled(
                cell(if *m { "x" } else { "." }, *w),
                theme.plain(),
            ));
        }
        spans.push(Span::styled(
            if chosen { " [x]" } else { " [ ]" },
            theme.title(),
        ));
        bordered::fit_line(Line::from(spans), width)
    };
    for (name, key, def) in &tags {
        let marks = unit.coders.values().map(|s| s.contains(name)).collect();
        let (label, style) = match def {
            Some(d) => (d.label().to_string(), theme.tag_fg(d)),
            None => (name.clone(), theme.plain()),
        };
        out.push(row(key, &label, style, marks, walk.draft.contains(name)));
    }
    let none = unit.coders.values().map(BTreeSet::is_empty).collect();
    out.push(row("", NO_TOPIC, theme.dim(), none, walk.draft.is_empty()));
    out
}

/// The codebook entries of the tags in dispute (set by some coders, not all)
/// and of the tags chosen: the tag's label, then its definition, include,
/// exclude and anchor lines, indented.
fn codebook_lines(app: &App, walk: &Adjudicating, unit: &Unit, width: usize) -> Vec<Line<'static>> {
    let Some(book) = &app.tagging.codebook else {
        return Vec::new();
    };
    let theme = &app.theme;
    let mut names: Vec<&String> = unit
        .coders
        .values()
        .flatten()
        .filter(|t| !unit.coders.values().all(|s| s.contains(*t)))
        .chain(walk.draft.iter())
        .collect();
    names.sort();
    names.dedup();
    let mut out = vec![Line::from("")];
    for name in names {
        let Some(entry) = book.entry(name) else {
            continue;
        };
        let label = app.config.tag(name).map_or(name.as_str(), |d| d.label());
        out.push(Line::styled(
            crate::text::fit_width(&format!(" codebook v{}: {label}", book.version), width),
            theme.title(),
        ));
        for l in entry.lines() {
            out.push(Line::styled(
                crate::text::fit_width(
                    &format!("   {}", crate::text::controls_as_spaces(&l)),
                    width,
                ),
                theme.plain(),
            ));
        }
    }
    if out.len() == 1 { Vec::new() } else { out }
}

/// `s` padded with spaces to `width` display cells.
fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Tag names joined, or "no topic".
fn tag_list(tags: &BTreeSet<String>) -> String {
    if tags.is_empty() {
        "no topic".into()
    } else {
        tags.iter().cloned().collect::<Vec<_>>().join(", ")
    }
}

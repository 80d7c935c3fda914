//! Triage: walking the untagged articles one at a time, the most likely to need
//! a tag first, deciding each with a key or two. The state here is pure; the TUI
//! (`ui::triage`) draws it and maps keys to these calls.
//!
//! Each decision is one undo step of the [`TagStore`]; [`Triage::undo`] undoes
//! the last step (a toggle, an accept, a "no topic", or a skip) and goes back
//! to its article. The `decide_*` methods move the walk on and say what the
//! tags should become ([`TriageChange`]) without saving, so that the host can
//! save off its thread, in turn with its other tag changes; the others save at
//! once through the store.

use super::{NO_TOPIC, Suggester, accept, accepted_marks, mark_no_topic, triage_queue};
use crate::article::{ArticleAt, Issue};
use crate::tags::{ChangeReport, Source, TagMark, TagStore, Target};

/// What a triage decision asks of the tags, to be saved by the host.
#[derive(Debug, Clone, PartialEq)]
pub enum TriageChange {
    /// Toggle `tag` on the article by hand.
    Toggle { at: ArticleAt, tag: String },
    /// Set each tag to its mark (accepted suggestions), as one undo step
    /// labelled `label`.
    Marks {
        edits: Vec<(ArticleAt, String, Option<TagMark>)>,
        label: String,
    },
    /// Mark the article "no topic" ([`NO_TOPIC`]).
    NoTopic { at: ArticleAt },
    /// Undo the store's last step.
    Undo,
}

/// What one step did, for undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Step {
    /// Queue position the step was taken at.
    at: usize,
    /// True when the step changed tags (one undo step in the store).
    changed: bool,
}

/// How far triage has come: decided articles of the current issue and of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub issue_decided: usize,
    pub issue_total: usize,
    pub corpus_decided: usize,
    pub corpus_total: usize,
    /// Articles left in the queue after the current one.
    pub left: usize,
}

/// The triage walk. See the module docs.
#[derive(Debug, Clone, Default)]
pub struct Triage {
    /// Articles to walk, in triage order (fixed when triage starts).
    pub queue: Vec<ArticleAt>,
    /// Position of the current article in `queue` (`queue.len()`: finished).
    pub pos: usize,
    steps: Vec<Step>,
    /// Queue positions where the user changed tags by hand (Enter then keeps
    /// their choice instead of accepting the suggestions).
    touched: Vec<usize>,
}

impl Triage {
    /// Start on the undecided articles of `issues`.
    pub fn start(suggester: &Suggester, store: &TagStore, issues: &[Issue]) -> Triage {
        Triage {
            queue: triage_queue(suggester, store, issues),
            ..Triage::default()
        }
    }

    /// Walk only the articles `keep` holds (those a search lists, such as a
    /// sample's), in the same order.
    pub fn restrict(&mut self, keep: &std::collections::HashSet<ArticleAt>) {
        self.queue.retain(|at| keep.contains(at));
    }

    /// The article being decided, `None` when the walk is over.
    pub fn current(&self) -> Option<ArticleAt> {
        self.queue.get(self.pos).copied()
    }

    /// True when every article has been walked.
    pub fn finished(&self) -> bool {
        self.pos >= self.queue.len()
    }

    /// Toggle tag `tag` on the current article (by hand); stay on it.
    pub fn toggle(
        &mut self,
        store: &mut TagStore,
        issues: &[Issue],
        tag: &str,
    ) -> Option<ChangeReport> {
        let target = Target::at(issues, self.current()?)?;
        let outcome = store.toggle(&[target], tag, Source::Hand);
        if !outcome.applied.is_empty() {
            self.took_toggle();
        }
        Some(outcome)
    }

    /// [`Self::toggle`], not saved: what to change.
    pub fn decide_toggle(&mut self, tag: &str) -> Option<TriageChange> {
        let at = self.current()?;
        self.took_toggle();
        Some(TriageChange::Toggle {
            at,
            tag: tag.to_string(),
        })
    }

    fn took_toggle(&mut self) {
        self.steps.push(Step {
            at: self.pos,
            changed: true,
        });
        self.touched.push(self.pos);
    }

    /// [`Self::accept`], not saved: the marks to set (`None`: none, the tags
    /// set by hand are kept, or the article carries them all); the walk moves
    /// on.
    pub fn decide_accept(
        &mut self,
        store: &TagStore,
        issues: &[Issue],
        suggester: &Suggester,
        min_score: f64,
    ) -> Option<TriageChange> {
        let at = self.current()?;
        let mut change = None;
        if !self.touched.contains(&self.pos)
            && let Some((issue, article)) = at.find(issues)
        {
            let tags: Vec<String> = suggester
                .suggest_above(at, min_score)
                .into_iter()
                .map(|s| s.tag)
                .filter(|t| !store.has_tag(&issue.rel, &article.id, t))
                .collect();
            if !tags.is_empty() {
                change = Some(TriageChange::Marks {
                    edits: accepted_marks(&[(at, tags)]),
                    label: super::ACCEPT_LABEL.to_string(),
                });
            }
        }
        self.advance(change.is_some());
        change
    }

    /// [`Self::no_topic`], not saved (`None` when the article is marked so
    /// already); the walk moves on.
    pub fn decide_no_topic(&mut self, store: &TagStore, issues: &[Issue]) -> Option<TriageChange> {
        let at = self.current()?;
        let change =
            (!Triage::is_no_topic(store, issues, at)).then_some(TriageChange::NoTopic { at });
        self.advance(change.is_some());
        change
    }

    /// [`Self::undo`], not saved: back to the last step's article, and
    /// [`TriageChange::Undo`] when the step changed tags (`None`: nothing to
    /// undo, or it was a skip).
    pub fn decide_undo(&mut self) -> Option<TriageChange> {
        let step = self.steps.pop()?;
        self.pos = step.at;
        if !step.changed {
            return None;
        }
        if let Some(k) = self.touched.iter().rposition(|&p| p == step.at) {
            self.touched.remove(k);
        }
        Some(TriageChange::Undo)
    }

    /// Accept the current article's suggestions scoring at least `min_score`
    /// (unless tags were set on it by hand, which are kept as they are) and move
    /// on.
    pub fn accept(
        &mut self,
        store: &mut TagStore,
        issues: &[Issue],
        suggester: &Suggester,
        min_score: f64,
    ) -> Option<ChangeReport> {
        let at = self.current()?;
        let mut outcome = None;
        if !self.touched.contains(&self.pos) {
            let tags: Vec<String> = suggester
                .suggest_above(at, min_score)
                .into_iter()
                .map(|s| s.tag)
                .collect();
            if !tags.is_empty() {
                outcome = Some(accept(store, issues, &[(at, tags)]));
            }
        }
        let changed = outcome.as_ref().is_some_and(|o| !o.applied.is_empty());
        self.advance(changed);
        outcome
    }

    /// Mark the current article as having no topic and move on.
    pub fn no_topic(&mut self, store: &mut TagStore, issues: &[Issue]) -> Option<ChangeReport> {
        let at = self.current()?;
        let outcome = mark_no_topic(store, issues, &[at]);
        self.advance(!outcome.applied.is_empty());
        Some(outcome)
    }

    /// Leave the current article undecided and move on.
    pub fn skip(&mut self) {
        if !self.finished() {
            self.advance(false);
        }
    }

    /// Undo the last step and go back to its article. Returns the store's outcome
    /// when tags changed back; `None` when there was nothing to undo or the step
    /// was a skip.
    pub fn undo(&mut self, store: &mut TagStore) -> Option<ChangeReport> {
        match self.decide_undo()? {
            TriageChange::Undo => store.undo(),
            _ => None,
        }
    }

    fn advance(&mut self, changed: bool) {
        self.steps.push(Step {
            at: self.pos,
            changed,
        });
        self.pos += 1;
    }

    /// Decided articles (any tag, or "no topic") of the current issue and of the corpus.
    pub fn progress(&self, store: &TagStore, issues: &[Issue]) -> Progress {
        let decided = |issue: &Issue| {
            issue
                .articles
                .iter()
                .filter(|a| store.is_tagged(&issue.rel, &a.id))
                .count()
        };
        let current = self
            .current()
            .or_else(|| self.queue.last().copied())
            .and_then(|at| issues.get(at.issue));
        Progress {
            issue_decided: current.map_or(0, decided),
            issue_total: current.map_or(0, |i| i.articles.len()),
            corpus_decided: issues.iter().map(decided).sum(),
            corpus_total: issues.iter().map(|i| i.articles.len()).sum(),
            left: self.queue.len().saturating_sub(self.pos + 1),
        }
    }

    /// True when the article at `at` is marked "no topic" in `store`.
    pub fn is_no_topic(store: &TagStore, issues: &[Issue], at: ArticleAt) -> bool {
        at.find(issues)
            .is_some_and(|(i, a)| store.has_tag(&i.rel, &a.id, NO_TOPIC))
    }
}

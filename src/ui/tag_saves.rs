//! Tag changes saved off the UI thread, one at a time and in order.
//!
//! A key that changes tags becomes a [`TagWork`] with its articles resolved
//! when it is pressed. Work waits in a queue while a save runs, and is decided
//! (add or remove, what to undo) only when its turn comes, on what the previous
//! save left, so two quick presses of one tag key add and then remove it. The
//! save itself ([`crate::tags::StagedSave`]) runs as a session job; the status
//! bar says `saving ...` until the store has taken its result in, then what was
//! saved, or `NOT SAVED` and why. Changes that could not be saved are kept: the
//! `retry_save` key runs them again once the cause is mended, and quitting with
//! saves pending waits for them (a second quit does not).
//!
//! Renaming a tag and giving it a colour (the tag pane's `rename_tag` and
//! `recolor_tag`) take their turn in the same queue, as session jobs
//! ([`crate::session::vocab_job`]): a rename never races a save of the
//! sidecars it rewrites, and the status bar says `saving rename ...` until it
//! has ended.

use super::app::App;
use crate::article::ArticleAt;
use crate::session::vocab_job::{RecolorTag, RenameTag, TagRecolored, TagRenamed};
use crate::tags::{ChangeSet, SaveDone, Source, StagedSave, TagMark, Target};
use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, TryRecvError};

/// A tag change asked for, with its articles by their places in the corpus.
#[derive(Debug, Clone, PartialEq)]
pub enum TagWork {
    /// Toggle a tag of the vocabulary: remove it when every target has it
    /// (from every part of their stories), else add it where it lacks.
    Toggle {
        tag: String,
        targets: Vec<ArticleAt>,
    },
    /// Add a tag to the targets that lack it (triage's "no topic").
    Add {
        tag: String,
        targets: Vec<ArticleAt>,
    },
    /// Remove a tag from the targets (a tag the config does not define).
    Remove {
        tag: String,
        targets: Vec<ArticleAt>,
    },
    /// Set each tag to its mark (`None` removes it), as one undo step.
    Marks {
        edits: Vec<(ArticleAt, String, Option<TagMark>)>,
        label: String,
    },
    /// Set the memo of an article to the text (empty: remove it).
    Memo { target: ArticleAt, text: String },
    /// Undo the last tag change.
    Undo,
    /// Redo the last undone tag change.
    Redo,
    /// Undo the last correction or tag change, whichever was last (decided
    /// when its turn comes).
    UndoAny,
    /// Redo the last correction or tag change undone, whichever was last.
    RedoAny,
    /// Save again the changes that could not be saved.
    Retry,
    /// Rename tag `old` to `new` in every sidecar and the config.
    Rename { old: String, new: String },
    /// Give tag `name` the colour `color` in the config.
    Recolor { name: String, color: String },
    /// Settle unit `unit` of the adjudication walk (the article at `at`) on
    /// `tags`, in the adjudicator's store.
    Settle {
        unit: usize,
        at: ArticleAt,
        tags: std::collections::BTreeSet<String>,
    },
    /// Undo the last settlement of the adjudication walk.
    UndoSettle,
}

/// A job of the queue, ready to run on any thread.
enum Staged {
    Save(StagedSave),
    /// A save of the adjudicator's store: a settlement (of this unit), or an
    /// undo.
    Settle(StagedSave, Option<usize>),
    Rename(RenameTag),
    Recolor(RecolorTag),
}

impl Staged {
    /// What is being done, for the status bar.
    fn label(&self) -> String {
        match self {
            Staged::Save(s) | Staged::Settle(s, _) => s.label(),
            Staged::Rename(r) => format!("rename of \"{}\" to \"{}\"", r.old, r.new),
            Staged::Recolor(r) => format!("colour {} of \"{}\"", r.color, r.name),
        }
    }

    fn run(self) -> Finished {
        match self {
            Staged::Save(s) => Finished::Save(s.save()),
            Staged::Settle(s, unit) => Finished::Settle(s.save(), unit),
            Staged::Rename(r) => Finished::Rename(r.run()),
            Staged::Recolor(r) => Finished::Recolor(r.run()),
        }
    }
}

/// How a job of the queue ended.
#[derive(Debug)]
pub enum Finished {
    Save(SaveDone),
    Settle(SaveDone, Option<usize>),
    Rename(TagRenamed),
    Recolor(TagRecolored),
}

/// The save running now.
#[derive(Debug)]
pub struct InFlight {
    /// What is being saved (`+heritage`), for the status bar.
    pub label: String,
    /// Where the job hands its result.
    done: Receiver<Finished>,
}

/// Saves waiting and running, and the changes that could not be saved.
#[derive(Debug, Default)]
pub struct TagSaves {
    /// The save running in the background, if any.
    pub running: Option<InFlight>,
    /// Work waiting for it, oldest first.
    pub queue: VecDeque<TagWork>,
    /// Changes whose save failed, kept for `retry_save`.
    pub unsaved: Option<ChangeSet>,
    /// Quit was asked for while saves were pending or had failed: quit once
    /// they are done (a second quit goes at once).
    pub quit_asked: bool,
}

impl TagSaves {
    /// Tag changes asked for and not yet on disk (running or waiting).
    pub fn pending(&self) -> usize {
        self.queue.len() + usize::from(self.running.is_some())
    }
}

impl App {
    /// Ask for a tag change: it is saved when every change asked for before
    /// it has been.
    pub(super) fn tag_work(&mut self, work: TagWork) {
        self.tagging.saves.queue.push_back(work);
        self.next_tag_work();
    }

    /// Ask for a tag change to be the next one saved (from within the turn of
    /// another piece of work that turned out to be this one).
    pub(super) fn tag_work_next(&mut self, work: TagWork) {
        self.tagging.saves.queue.push_front(work);
        self.next_tag_work();
    }

    /// Start the next waiting change when none is running. Without a notifier
    /// (tests) saves run at once, one after the other.
    fn next_tag_work(&mut self) {
        while self.tagging.saves.running.is_none() {
            let Some(work) = self.tagging.saves.queue.pop_front() else {
                self.quit_if_asked();
                return;
            };
            let Some(staged) = self.stage_tag_work(work) else {
                continue;
            };
            match self.notify.clone() {
                Some(notify) => {
                    let label = staged.label();
                    self.tagging.save = super::tagging::SaveState::Saving(label.clone());
                    let (tx, done) = std::sync::mpsc::channel();
                    crate::session::spawn_job("tags", move || {
                        let _ = tx.send(staged.run());
                        notify.send(crate::session::SessionEvent::TagsSaved);
                    });
                    self.tagging.saves.running = Some(InFlight { label, done });
                }
                None => self.take_finished(staged.run()),
            }
        }
    }

    /// The session says a tag save has ended: take it in, start the next.
    pub fn tags_saved(&mut self) {
        let Some(running) = &self.tagging.saves.running else {
            return;
        };
        match running.done.try_recv() {
            Ok(done) => {
                self.tagging.saves.running = None;
                self.take_finished(done);
            }
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                let label = running.label.clone();
                self.tagging.saves.running = None;
                self.tagging.save =
                    super::tagging::SaveState::Failed(format!("the save of {label} stopped"));
                self.error(format!("{label}: NOT SAVED: the save stopped"));
            }
        }
        self.next_tag_work();
    }

    /// A job of the queue has ended: take its result in.
    fn take_finished(&mut self, done: Finished) {
        match done {
            Finished::Save(done) => self.take_tag_save(done),
            Finished::Settle(done, unit) => self.settlement_saved(done, unit),
            Finished::Rename(done) => self.tag_renamed(done),
            Finished::Recolor(done) => self.tag_recolored(done),
        }
    }

    /// The store takes a save's result in; the status bar says what it did.
    fn take_tag_save(&mut self, done: SaveDone) {
        let outcome = self.tagging.store.finish(done);
        if !outcome.unsaved.is_empty() {
            let mut unsaved = outcome.unsaved.clone();
            if let Some(kept) = self.tagging.saves.unsaved.take() {
                // Earlier failures stay, to be retried with this one.
                let mut changes = kept.changes;
                changes.extend(unsaved.changes);
                unsaved.changes = changes;
                let mut memos = kept.memos;
                memos.extend(unsaved.memos);
                unsaved.memos = memos;
            }
            self.tagging.saves.unsaved = Some(unsaved);
        }
        // Unsaved changes that the sidecars now hold anyway (the same key
        // pressed again, another process) are done.
        if let Some(kept) = &mut self.tagging.saves.unsaved {
            let store = &self.tagging.store;
            kept.changes
                .retain(|c| store.has_tag(&c.issue, &c.article, &c.tag) != c.after.is_some());
            kept.memos.retain(|c| {
                store.memo(&c.issue, &c.article).map(|m| &m.text)
                    != c.after.as_ref().map(|m| &m.text)
            });
            if kept.is_empty() {
                self.tagging.saves.unsaved = None;
            }
        }
        self.report(&outcome);
        if let Some(kept) = &self.tagging.saves.unsaved
            && outcome.ok()
        {
            // This one is saved; earlier ones are still not.
            self.tagging.save = super::tagging::SaveState::Failed(format!(
                "{} from before",
                crate::text::count(kept.article_count(), "article")
            ));
        }
        self.relearn();
    }

    /// Turn `work` into a save, deciding it on the store as it is now; `None`
    /// when there is nothing to save (and the user has been told why).
    fn stage_tag_work(&mut self, work: TagWork) -> Option<Staged> {
        let save = match work {
            TagWork::Toggle { tag, targets } => self.stage_toggle(&tag, &targets),
            TagWork::Remove { tag, targets } => Some(self.stage_set_at(targets, &tag, false)),
            TagWork::Add { tag, targets } => Some(self.stage_set_at(targets, &tag, true)),
            TagWork::Marks { edits, label } => {
                let edits: Vec<(Target, String, Option<TagMark>)> = edits
                    .into_iter()
                    .filter_map(|(at, tag, mark)| {
                        Some((Target::at(&self.corpus.issues, at)?, tag, mark))
                    })
                    .collect();
                Some(self.tagging.store.stage_marks(&edits, &label))
            }
            TagWork::Memo { target, text } => {
                let target = Target::at(&self.corpus.issues, target)?;
                Some(self.tagging.store.stage_memo(target, &text))
            }
            TagWork::Undo => {
                let staged = self.tagging.store.stage_undo();
                if staged.is_none() {
                    self.say("nothing to undo");
                }
                staged
            }
            TagWork::Redo => {
                let staged = self.tagging.store.stage_redo();
                if staged.is_none() {
                    self.say("nothing to redo");
                }
                staged
            }
            TagWork::UndoAny => {
                self.undo_any();
                None
            }
            TagWork::RedoAny => {
                self.redo_any();
                None
            }
            TagWork::Retry => match self.tagging.saves.unsaved.take() {
                Some(unsaved) => Some(self.tagging.store.stage_retry(unsaved)),
                None => {
                    self.say("no unsaved tag changes to retry");
                    None
                }
            },
            TagWork::Rename { old, new } => {
                return Some(Staged::Rename(RenameTag {
                    in_config: self.config.tag(&old).is_some(),
                    dirs: crate::tags::rename::sidecar_dirs(&self.config, &self.corpus.root),
                    config: self.tagging.config_path.clone(),
                    old,
                    new,
                }));
            }
            TagWork::Settle { unit, at, tags } => {
                let walk = self.adjudicating.as_mut()?;
                let target = Target::at(&self.corpus.issues, at)?;
                let staged = crate::tags::adjudicate::stage_settle(
                    &mut walk.store,
                    target,
                    &tags,
                    crate::suggest::NO_TOPIC,
                );
                return Some(Staged::Settle(staged, Some(unit)));
            }
            TagWork::UndoSettle => {
                let walk = self.adjudicating.as_mut()?;
                let Some(staged) = walk.store.stage_undo() else {
                    self.say("no settlement to undo");
                    return None;
                };
                return Some(Staged::Settle(staged, None));
            }
            TagWork::Recolor { name, color } => {
                return Some(Staged::Recolor(RecolorTag {
                    was: self
                        .config
                        .tag(&name)
                        .map(|t| t.color.clone())
                        .unwrap_or_default(),
                    config: self.tagging.config_path.clone(),
                    name,
                    color,
                }));
            }
        };
        save.map(Staged::Save)
    }

    /// A toggle of `tag` on `targets`, decided now. A part of a story across
    /// pages carries its story's tags: when every target has the tag (on some
    /// part), it goes from every part that has it; else it is added to the
    /// targets that lack it. Once loading is done, the stories are those of
    /// the issues as they are (see [`App::link_stories_if_stale`]).
    fn stage_toggle(&mut self, tag: &str, targets: &[ArticleAt]) -> Option<StagedSave> {
        // Add or remove as the screen showed the targets; then, between the
        // end of loading and the loader's stories, link them so that a part
        // is not taken alone.
        let removes = self.toggle_removes(tag, targets);
        self.link_stories_if_stale();
        let mut places: Vec<ArticleAt> = if removes {
            targets
                .iter()
                .flat_map(|&at| self.stories.members(at))
                .filter(|&at| self.store_tags_of(at).contains(&tag))
                .collect()
        } else {
            targets
                .iter()
                .copied()
                .filter(|&at| !self.tags_of(at).contains(&tag))
                .collect()
        };
        places.sort_unstable();
        places.dedup();
        Some(self.stage_set_at(places, tag, !removes))
    }

    /// Whether a toggle of `tag` on `targets` takes it off: every target
    /// shows it (a part of a story across pages shows its story's tags).
    pub(super) fn toggle_removes(&self, tag: &str, targets: &[ArticleAt]) -> bool {
        targets.iter().all(|&at| self.tags_of(at).contains(&tag))
    }

    /// Stage setting (`on`) or clearing `tag` by hand on the articles at `places`
    /// (positions no longer in the corpus are left out).
    fn stage_set_at(&mut self, places: Vec<ArticleAt>, tag: &str, on: bool) -> StagedSave {
        let list: Vec<Target> = places
            .into_iter()
            .filter_map(|at| Target::at(&self.corpus.issues, at))
            .collect();
        self.tagging.store.stage_set(&list, tag, on, Source::Hand)
    }

    /// `quit`: at once when every tag change is on disk; else wait for the
    /// pending saves (or, after a failure, ask first). A second quit goes.
    pub(super) fn ask_quit(&mut self) {
        let saves = &self.tagging.saves;
        let pending = saves.pending();
        let unsaved = saves.unsaved.as_ref().map_or(0, ChangeSet::article_count);
        if saves.quit_asked || (pending == 0 && unsaved == 0) {
            self.quit = true;
            return;
        }
        self.tagging.saves.quit_asked = true;
        let quit = self.panes_key(super::Action::Quit);
        if pending > 0 {
            self.say(format!(
                "quitting once {} saved ({quit} again quits now)",
                crate::text::count(pending, "tag change")
            ));
        } else {
            let retry = self.panes_key(super::Action::RetrySave);
            self.error(format!(
                "{quit} again quits without them: tags of {} NOT SAVED ({retry} retries)",
                crate::text::count(unsaved, "article")
            ));
        }
    }

    /// Once the saves pending when quit was asked for have ended: quit if
    /// they all went well, else say what a second quit would leave behind.
    fn quit_if_asked(&mut self) {
        let saves = &self.tagging.saves;
        if !saves.quit_asked || saves.pending() > 0 {
            return;
        }
        match &saves.unsaved {
            None => self.quit = true,
            Some(unsaved) => {
                let n = unsaved.article_count();
                let retry = self.panes_key(super::Action::RetrySave);
                let quit = self.panes_key(super::Action::Quit);
                self.error(format!(
                    "{quit} again quits without them: tags of {} NOT SAVED ({retry} retries)",
                    crate::text::count(n, "article")
                ));
            }
        }
    }

    /// The first key of a pane action, for messages (its name when unbound).
    fn panes_key(&self, action: super::Action) -> String {
        self.keymap
            .panes
            .first_key(action)
            .unwrap_or_else(|| action.name().to_string())
    }
}

//! What renaming and recolouring a tag does to the app: the tag pane's
//! `rename_tag` and `recolor_tag` open the prompt of `tag_edit` on the tag
//! under the cursor; a new name is asked about first (every sidecar is
//! rewritten), then both go to the session's queue (`tag_saves`) and take
//! effect in the session only once their files are written.

use super::app::{App, Overlay};
use super::layout::Pane;
use super::tag_edit::{RenameQuestion, TagPrompt, TagPromptKind, TagPromptStep};
use super::tag_saves::TagWork;
use crate::config::TagDef;
use crate::session::vocab_job::{TagRecolored, TagRenamed};
use crate::tags::vocab;
use crossterm::event::KeyEvent;

impl App {
    /// The tag under the tag pane's cursor: (name, label), when the pane has
    /// the keyboard.
    fn tag_under_cursor(&self) -> Option<(String, String)> {
        if self.focus != Pane::Tags {
            return None;
        }
        if let Some(t) = self.config.tags.get(self.tag_selected) {
            return Some((t.name.clone(), t.label().to_string()));
        }
        let k = self.tag_selected.checked_sub(self.config.tags.len())?;
        let name = self.stray_tags().into_iter().nth(k)?;
        Some((name.clone(), name))
    }

    /// `rename_tag` / `recolor_tag`: the prompt on the tag under the tag
    /// pane's cursor, holding its name or colour.
    pub(super) fn open_tag_edit(&mut self, kind: TagPromptKind) {
        let Some((name, label)) = self.tag_under_cursor() else {
            let key = self
                .keymap
                .panes
                .first_key(super::Action::NextPane)
                .unwrap_or_else(|| "next_pane".into());
            let verb = match kind {
                TagPromptKind::Rename => "rename",
                TagPromptKind::Recolor => "colour",
            };
            self.say(format!(
                "to {verb} a tag, put the tag pane's cursor on it ({key} goes to the pane)"
            ));
            return;
        };
        let current = match kind {
            TagPromptKind::Rename => name.clone(),
            TagPromptKind::Recolor => self
                .config
                .tag(&name)
                .map(|t| t.color.clone())
                .unwrap_or_default(),
        };
        self.mode = Overlay::EditTag(Box::new(TagPrompt::new(kind, &name, &label, &current)));
    }

    /// A key while the rename or colour prompt is open.
    pub(super) fn tag_edit_key(&mut self, key: KeyEvent) {
        let action = self.keymap.tag_edit.action_for(key);
        let Overlay::EditTag(edit) = &mut self.mode else {
            return;
        };
        let kind = edit.kind;
        let (tag, label) = (edit.tag.clone(), edit.label.clone());
        match edit.key(action, key) {
            TagPromptStep::Stay => {}
            TagPromptStep::Cancel => {
                self.mode = Overlay::Panes;
                self.say(format!("\"{tag}\" unchanged"));
            }
            TagPromptStep::Done(text) => match kind {
                TagPromptKind::Rename => self.ask_rename(tag, label, &text),
                TagPromptKind::Recolor => self.recolor(tag, &text),
            },
        }
    }

    /// A new name typed: refused (the prompt stays open) when it cannot be a
    /// tag's, else asked about with what will change.
    fn ask_rename(&mut self, old: String, label: String, typed: &str) {
        if typed == old {
            self.mode = Overlay::Panes;
            self.say(format!("\"{old}\" unchanged"));
            return;
        }
        let new = match vocab::check_new_name(typed, &self.config.tags) {
            Ok(new) => new,
            Err(e) => {
                self.error(format!("cannot rename \"{old}\": {e}"));
                return;
            }
        };
        let articles = self
            .tagging
            .store
            .tag_counts()
            .get(&old)
            .copied()
            .unwrap_or(0);
        let in_config = self.config.tag(&old).is_some();
        self.mode = Overlay::ConfirmRename(Box::new(RenameQuestion {
            old,
            new,
            label,
            articles,
            in_config,
        }));
    }

    /// The answer to the rename question: queue the rename, or not.
    pub(super) fn confirm_rename(&mut self, yes: bool) {
        let mode = std::mem::replace(&mut self.mode, Overlay::Panes);
        let Overlay::ConfirmRename(q) = mode else {
            return;
        };
        if !yes {
            self.say(format!("\"{}\" not renamed", q.old));
            return;
        }
        self.say(format!("renaming \"{}\" to \"{}\" ...", q.old, q.new));
        self.tag_work(TagWork::Rename {
            old: q.old,
            new: q.new,
        });
    }

    /// A colour typed: refused (the prompt stays open) when it is not one,
    /// else queued to be written in the config.
    fn recolor(&mut self, name: String, typed: &str) {
        if super::theme::parse_color(typed).is_none() {
            self.error(format!(
                "\"{}\" is not a colour: a name (blue, light-red ...), #rrggbb or 0-255",
                crate::text::escape_controls(typed)
            ));
            return;
        }
        self.mode = Overlay::Panes;
        if self.config.tag(&name).is_some_and(|t| t.color == typed) {
            self.say(format!("\"{name}\" is {typed} already"));
            return;
        }
        self.tag_work(TagWork::Recolor {
            name,
            color: typed.to_string(),
        });
    }

    /// A rename has ended: on success the session takes the new name (the
    /// store, its undo history, the vocabulary, the tag keys and the work
    /// still waiting); either way the status bar says what happened.
    pub(super) fn tag_renamed(&mut self, done: TagRenamed) {
        let TagRenamed { old, new, result } = done;
        match result {
            Ok(renamed) => {
                self.tagging.store.rename_tag(&old, &new);
                if let Some(def) = self.config.tags.iter_mut().find(|t| t.name == old) {
                    def.name = new.clone();
                }
                self.keymap.panes = super::keymap::Keymap::from_config(&self.config, None).0;
                for work in &mut self.tagging.saves.queue {
                    rename_in_work(work, &old, &new);
                }
                let config = renamed
                    .config
                    .map(|p| format!(" and {}", p.display()))
                    .unwrap_or_default();
                self.settled();
                self.say(format!(
                    "renamed \"{old}\" to \"{new}\": {} in {}{config}",
                    crate::text::count(renamed.articles, "article"),
                    crate::text::count(renamed.sidecars, "sidecar"),
                ));
                self.relearn();
            }
            Err(e) => {
                self.tagging.save =
                    super::tagging::SaveState::Failed(format!("rename of \"{old}\": {e}"));
                self.error(format!("\"{old}\" NOT RENAMED to \"{new}\": {e}"));
            }
        }
    }

    /// A colour has been written in the config (or not): the tag takes it
    /// only once it is, and the status bar says what it was.
    pub(super) fn tag_recolored(&mut self, done: TagRecolored) {
        let TagRecolored {
            name,
            color,
            was,
            result,
        } = done;
        match result {
            Ok(path) => {
                match self.config.tags.iter_mut().find(|t| t.name == name) {
                    Some(def) => def.color = color.clone(),
                    None => {
                        // A tag only sidecars had joins the vocabulary.
                        let mut def = TagDef::new(&name, "");
                        def.color = color.clone();
                        self.config.tags.push(def);
                        self.keymap.panes =
                            super::keymap::Keymap::from_config(&self.config, None).0;
                    }
                }
                let was = if was.is_empty() {
                    String::new()
                } else {
                    format!(" (was {was})")
                };
                self.settled();
                self.say(format!(
                    "\"{name}\" is {color}{was}, saved in {}",
                    path.display()
                ));
            }
            Err(e) => {
                self.tagging.save =
                    super::tagging::SaveState::Failed(format!("colour of \"{name}\": {e}"));
                self.error(format!("colour {color} of \"{name}\" NOT SAVED: {e}"));
            }
        }
    }

    /// A job of the queue went well: the status bar says saved, unless
    /// changes from before are still not.
    pub(super) fn settled(&mut self) {
        self.tagging.save = match &self.tagging.saves.unsaved {
            None => super::tagging::SaveState::Saved,
            Some(kept) => super::tagging::SaveState::Failed(format!(
                "{} from before",
                crate::text::count(kept.article_count(), "article")
            )),
        };
    }
}

/// Work asked for before a rename ended names the tag by its new name.
fn rename_in_work(work: &mut TagWork, old: &str, new: &str) {
    let rename = |tag: &mut String| {
        if tag == old {
            *tag = new.to_string();
        }
    };
    match work {
        TagWork::Toggle { tag, .. } | TagWork::Add { tag, .. } | TagWork::Remove { tag, .. } => {
            rename(tag)
        }
        TagWork::Marks { edits, .. } => edits.iter_mut().for_each(|(_, tag, _)| rename(tag)),
        TagWork::Recolor { name, .. } => rename(name),
        TagWork::Rename { old: o, .. } => rename(o),
        _ => {}
    }
}

//! Tagging in the TUI: toggling tags with their keys on the current article or the
//! marked ones, the confirmation before a big bulk change, undo/redo, the
//! new-tag prompt (`t`) and the memo prompt (`m`), all over
//! [`crate::tags::TagStore`].
//!
//! Changes are saved off the UI thread, one at a time and in order (see
//! `tag_saves`); the status bar says what is being saved, what was saved, or
//! names the sidecar that could not be written.

use super::app::{App, Overlay};
use super::bordered;
use super::keymap::Keymap;
use super::layout;
use super::tag_saves::TagWork;
use crate::article::ArticleAt;
use crate::config::{Config, TagDef};
use crate::tags::{ChangeReport, Problem, TagStore, vocab};
use crate::text::controls_as_spaces;
use crossterm::event::{Event, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use std::path::PathBuf;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;
use unicode_width::UnicodeWidthStr;

/// The tagging state the app carries.
#[derive(Debug)]
pub struct Tagging {
    /// Tags of every loaded issue.
    pub store: TagStore,
    /// Who codes and where their decisions go (see [`crate::tags::team`]).
    pub team: crate::tags::team::Team,
    /// The config file new tags are appended to (`None`: this session only).
    pub config_path: Option<PathBuf>,
    /// The new-tag prompt's text.
    pub input: Input,
    /// The corpus's codebook (`codebook.toml`), read when the session starts
    /// and again when triage or adjudication opens (`App::read_codebook`):
    /// the tag pane, triage and adjudication show the entries of the tags.
    pub codebook: Option<crate::tags::codebook::Codebook>,
    /// The corpus's samples (for `sample:NAME`), read when the search line
    /// opens, or why one does not read.
    pub samples: Result<Vec<crate::tags::sample::Named>, String>,
    /// The memo prompt's text.
    pub memo_input: Input,
    /// The article the memo prompt edits.
    pub memo_target: Option<ArticleAt>,
    /// A bulk change waiting for confirmation.
    pub pending: Option<PendingBulk>,
    /// Whether the tag changes asked for so far are on disk.
    pub save: SaveState,
    /// Saves running and waiting, and the changes that could not be saved.
    pub saves: super::tag_saves::TagSaves,
}

/// Whether the tag changes asked for are on disk, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveState {
    /// Every change asked for is saved (or none was asked for).
    #[default]
    Saved,
    /// A change is being saved: what.
    Saving(String),
    /// The last change could not be saved (or was refused): why.
    Failed(String),
}

/// A bulk toggle over more than `ui.confirm_bulk_over` articles, awaiting y/n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingBulk {
    /// The tag's name.
    pub tag: String,
    /// The articles to change.
    pub targets: Vec<ArticleAt>,
    /// True when the toggle removes the tag (every target has it).
    pub removes: bool,
}

impl Tagging {
    /// The tagging state for the corpus at `root`, saving as the configured
    /// coder; and why the coder is unknown, when the configured name cannot be
    /// one.
    pub fn new(config: &Config, root: &std::path::Path) -> (Tagging, Option<String>) {
        let (team, error) = crate::tags::team::Team::new_or_unknown(config, root);
        let tagging = Tagging {
            store: team.empty_store(),
            team,
            config_path: None,
            input: Input::default(),
            codebook: None,
            samples: Ok(Vec::new()),
            memo_input: Input::default(),
            memo_target: None,
            pending: None,
            save: SaveState::Saved,
            saves: Default::default(),
        };
        (tagging, error)
    }
}

impl App {
    /// Tags carried by the batch (the marked articles, else the selected one)
    /// that the config does not define: sidecars may hold them (another
    /// coder's config, a tag removed from the vocabulary). The tag pane lists
    /// them after the vocabulary so they can be seen and removed.
    pub fn stray_tags(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for at in self.batch() {
            for name in self.store_tags_of(at) {
                if self.config.tag(name).is_none() && !out.iter().any(|n| n == name) {
                    out.push(name.to_string());
                }
            }
        }
        out.sort();
        out
    }

    /// What the tag pane shows: the vocabulary, then the stray tags, each with
    /// whether the batch carries it (with marks: how many of them).
    pub fn tag_pane_view(&self) -> super::tag_pane::TagPaneView {
        use super::tag_pane::{TagPaneRow, TagPaneView};
        let batch = self.batch();
        let marked = self.marks.len();
        let carried = |name: &str| {
            batch
                .iter()
                .filter(|&&at| self.tags_of(at).contains(&name))
                .count()
        };
        let state = |n: usize| {
            if marked > 0 {
                format!("{n}/{}", batch.len())
            } else if n > 0 {
                "[x]".to_string()
            } else {
                "[ ]".to_string()
            }
        };
        let mut rows: Vec<TagPaneRow> = self
            .config
            .tags
            .iter()
            .map(|tag| TagPaneRow {
                key: tag.key.clone(),
                label: tag.label().to_string(),
                style: self.theme.tag_fg(tag),
                // A suggested tag not set yet: a faint ghost with its score and words.
                note: (marked == 0)
                    .then(|| self.ghost(&tag.name))
                    .flatten()
                    .map(|g| format!(" ~{:.2} {}", g.score, g.words.join(" ")))
                    .unwrap_or_default(),
                state: state(carried(&tag.name)),
            })
            .collect();
        // Tags the articles carry that the config does not define: one carries it.
        rows.extend(self.stray_tags().into_iter().map(|name| TagPaneRow {
            key: String::new(),
            state: state(carried(&name).max(usize::from(marked == 0))),
            label: name,
            style: self.theme.plain(),
            note: " (not in config)".to_string(),
        }));
        let focused = self.focus == super::layout::Pane::Tags;
        // The codebook entry of the tag under the cursor (by its name).
        let under_cursor = self
            .config
            .tags
            .get(self.tag_selected)
            .map(|t| (t.name.clone(), t.label().to_string()))
            .or_else(|| {
                let name = self
                    .stray_tags()
                    .into_iter()
                    .nth(self.tag_selected.checked_sub(self.config.tags.len())?)?;
                Some((name.clone(), name))
            });
        let definition = match (&self.tagging.codebook, under_cursor) {
            (Some(book), Some((name, label))) if focused => book
                .entry(&name)
                .map(|e| {
                    let mut lines = vec![format!("codebook v{}: {label}", book.version)];
                    lines.extend(e.lines());
                    lines
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        TagPaneView {
            focused,
            marked,
            selected: self.tag_selected,
            rows,
            definition,
        }
    }

    /// Rows of the tag pane: the vocabulary, then the stray tags.
    pub fn tag_pane_len(&self) -> usize {
        self.config.tags.len() + self.stray_tags().len()
    }

    /// Enter on tag pane row `k`: toggle a tag of the vocabulary; remove a
    /// stray tag from every article of the batch that carries it.
    pub(super) fn activate_tag_row(&mut self, k: usize) {
        if k < self.config.tags.len() {
            self.toggle_tag(k);
            return;
        }
        let Some(name) = self
            .stray_tags()
            .into_iter()
            .nth(k - self.config.tags.len())
        else {
            return;
        };
        let targets: Vec<ArticleAt> = self
            .batch()
            .into_iter()
            .filter(|&at| self.has_tag(at, &name))
            .collect();
        self.tag_work(TagWork::Remove { tag: name, targets });
    }

    /// Tag names of an article, from the store.
    pub(super) fn store_tags_of(&self, at: ArticleAt) -> Vec<&str> {
        let Some((is, a)) = at.find(&self.corpus.issues) else {
            return Vec::new();
        };
        self.tagging
            .store
            .tags_of(&is.rel, &a.id)
            .map(|t| t.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// Handle a tagging action: `ToggleTag`, `Undo`, `Redo`, `NewTag`.
    pub(super) fn tag_action(&mut self, action: super::Action) {
        use super::Action;
        match action {
            Action::ToggleTag(k) => self.toggle_tag(k),
            // While saves are pending, what to undo is decided once they end.
            Action::Undo if self.tagging.saves.pending() > 0 => self.tag_work(TagWork::UndoAny),
            Action::Redo if self.tagging.saves.pending() > 0 => self.tag_work(TagWork::RedoAny),
            Action::Undo => self.undo_any(),
            Action::Redo => self.redo_any(),
            Action::NewTag => {
                self.tagging.input.reset();
                self.mode = Overlay::NewTag;
            }
            _ => {}
        }
    }

    /// Toggle tag `k` of the vocabulary on the batch.
    fn toggle_tag(&mut self, k: usize) {
        if let Some(tag) = self.config.tags.get(k).map(|t| t.name.clone()) {
            self.toggle_named(tag);
        }
    }

    /// Toggle `tag` on the batch (marked articles, else the selected one),
    /// asking first when the batch is big.
    fn toggle_named(&mut self, tag: String) {
        let targets = self.batch();
        if targets.is_empty() {
            self.say("select an article (or mark some) to tag");
            return;
        }
        if let Some(e) = targets.iter().find_map(|at| {
            self.corpus
                .issues
                .get(at.issue)
                .and_then(|is| self.tagging.store.read_only(&is.rel))
        }) && targets.len() == 1
        {
            self.error(format!("tags of this issue are read-only: {e}"));
            return;
        }
        if targets.len() > self.config.ui.confirm_bulk_over {
            let removes = self.toggle_removes(&tag, &targets);
            self.tagging.pending = Some(PendingBulk {
                tag,
                targets,
                removes,
            });
            self.mode = Overlay::ConfirmBulk;
            return;
        }
        self.apply_toggle(tag, &targets);
    }

    /// `#`: open the tag picker over every tag (the vocabulary's, then those
    /// only sidecars have), each with whether the batch carries it.
    pub(super) fn open_tag_picker(&mut self) {
        let batch = self.batch();
        if batch.is_empty() {
            self.say("select an article (or mark some) to tag");
            return;
        }
        let marked = !self.marks.is_empty();
        let state = |name: &str| {
            let n = batch
                .iter()
                .filter(|&&at| self.tags_of(at).contains(&name))
                .count();
            if marked {
                format!("{n}/{}", batch.len())
            } else if n > 0 {
                "[x]".to_string()
            } else {
                "[ ]".to_string()
            }
        };
        let mut items: Vec<super::tag_picker::PickItem> = self
            .config
            .tags
            .iter()
            .map(|t| super::tag_picker::PickItem {
                name: t.name.clone(),
                labels: [&t.label_zh, &t.label_en]
                    .into_iter()
                    .filter(|l| !l.is_empty())
                    .cloned()
                    .collect(),
                key: t.key.clone(),
                style: self.theme.tag_fg(t),
                state: state(&t.name),
                stray: false,
            })
            .collect();
        let mut stray: Vec<String> = self
            .tagging
            .store
            .tag_counts()
            .into_keys()
            .filter(|n| self.config.tag(n).is_none())
            .collect();
        stray.sort();
        stray.dedup();
        items.extend(stray.into_iter().map(|name| super::tag_picker::PickItem {
            state: state(&name),
            name,
            labels: Vec::new(),
            key: String::new(),
            style: self.theme.plain(),
            stray: true,
        }));
        let picker = super::tag_picker::TagPicker::new(items, batch.len());
        self.mode = Overlay::PickTag(Box::new(picker));
    }

    /// A key while the tag picker is open; a pick toggles the tag on the batch.
    pub(super) fn pick_tag_key(&mut self, key: KeyEvent) {
        use super::tag_picker::PickerStep;
        let action = self.keymap.picker.action_for(key);
        let Overlay::PickTag(picker) = &mut self.mode else {
            return;
        };
        match picker.key(action, key) {
            PickerStep::Stay => {}
            PickerStep::Cancel => {
                self.mode = Overlay::Panes;
                self.say("no tag picked");
            }
            PickerStep::Chosen(tag) => {
                self.mode = Overlay::Panes;
                self.toggle_named(tag);
                self.relearn();
            }
        }
    }

    /// Once the corpus has loaded: tell the user about sidecars that do not parse
    /// (file and line; that issue's tags are read-only), orphaned and unknown tags.
    pub(super) fn report_tag_problems(&mut self) {
        let problems = self.tagging.store.problems(&self.config.tags);
        let bad: Vec<&Problem> = problems
            .iter()
            .filter(|p| matches!(p, Problem::BadSidecar(_)))
            .collect();
        let orphans = problems
            .iter()
            .filter(|p| matches!(p, Problem::Orphan { .. }))
            .count();
        let unknown = problems.len() - bad.len() - orphans;
        let mut notes = Vec::new();
        if orphans > 0 {
            notes.push(format!("{orphans} orphaned"));
        }
        if unknown > 0 {
            notes.push(format!(
                "{}, kept",
                crate::text::count(unknown, "unknown tag")
            ));
        }
        if let Some(first) = bad.first() {
            let more = if bad.len() > 1 {
                format!(" (+{} more bad sidecars)", bad.len() - 1)
            } else {
                String::new()
            };
            let tail = if notes.is_empty() {
                String::new()
            } else {
                format!("; {}", notes.join(", "))
            };
            self.error(format!("{first}{more}{tail}; see `newstag check`"));
        } else if !notes.is_empty() {
            self.say(format!("tags: {}; see `newstag check`", notes.join(", ")));
        }
    }

    fn has_tag(&self, at: ArticleAt, tag: &str) -> bool {
        self.store_tags_of(at).contains(&tag)
    }

    /// Toggle `tag` on `targets` (saved in turn, see `tag_saves`).
    fn apply_toggle(&mut self, tag: String, targets: &[ArticleAt]) {
        self.tag_work(TagWork::Toggle {
            tag,
            targets: targets.to_vec(),
        });
    }

    /// Say what a tag change did, and whether it is on disk.
    pub(super) fn report(&mut self, o: &ChangeReport) {
        let label = &o.applied.label;
        if !o.applied.is_empty() && !label.starts_with("undo ") && !label.starts_with("redo ") {
            self.forget_redo();
        }
        if o.ok() {
            self.tagging.save = SaveState::Saved;
            self.say(o.message());
        } else {
            let reason = match (o.errors.first(), o.read_only.first()) {
                (Some(e), _) => e.to_string(),
                (None, Some(p)) => format!("read-only (does not parse): {}", p.display()),
                (None, None) => String::new(),
            };
            self.tagging.save = SaveState::Failed(reason);
            self.error(o.message());
        }
    }

    /// The answer to the bulk change question: apply it, or not.
    pub(super) fn confirm_bulk(&mut self, yes: bool) {
        self.mode = Overlay::Panes;
        let pending = self.tagging.pending.take();
        match pending {
            Some(p) if yes => {
                self.apply_toggle(p.tag, &p.targets);
                self.relearn();
            }
            _ => self.say("bulk change cancelled"),
        }
    }

    /// `m`: open the memo prompt on the selected article, holding the
    /// current coder's memo to edit.
    pub(super) fn open_memo(&mut self) {
        let Some((at, article)) = self.selected_article() else {
            self.say("select an article to write a memo on");
            return;
        };
        let rel = &self.corpus.issues[at.issue].rel;
        if let Some(e) = self.tagging.store.read_only(rel) {
            self.error(format!("{e}: memos of this issue are read-only"));
            return;
        }
        let text = self
            .tagging
            .store
            .memo(rel, &article.id)
            .map(|m| m.text.clone())
            .unwrap_or_default();
        self.tagging.memo_input = Input::new(text);
        self.tagging.memo_target = Some(at);
        self.mode = Overlay::Memo;
    }

    /// Close the memo prompt, saving the text typed (empty: the memo is
    /// removed) or not.
    pub(super) fn finish_memo(&mut self, save: bool) {
        self.mode = Overlay::Panes;
        let at = self.tagging.memo_target.take();
        if !save {
            self.say("memo unchanged");
            return;
        }
        let Some(target) = at else {
            return;
        };
        let text = self.tagging.memo_input.value().to_string();
        self.tag_work(TagWork::Memo { target, text });
    }

    /// A key the memo prompt's keymap does not bind: it edits the text.
    pub(super) fn edit_memo_text(&mut self, key: KeyEvent) {
        self.tagging.memo_input.handle_event(&Event::Key(key));
    }

    /// Close the new-tag prompt, creating the tag typed or not.
    pub(super) fn finish_new_tag(&mut self, create: bool) {
        self.mode = Overlay::Panes;
        if create {
            let name = self.tagging.input.value().to_string();
            self.create_tag(&name);
        } else {
            self.say("no new tag");
        }
    }

    /// A key the new-tag prompt's keymap does not bind: it edits the name.
    pub(super) fn edit_new_tag(&mut self, key: KeyEvent) {
        self.tagging.input.handle_event(&Event::Key(key));
    }

    /// Add a tag named `name` to the vocabulary with the next free key, and to the
    /// user's config file so that it persists.
    fn create_tag(&mut self, name: &str) {
        let name = match vocab::check_new_name(name, &self.config.tags) {
            Ok(n) => n,
            Err(e) => {
                self.error(e.to_string());
                return;
            }
        };
        let key = vocab::next_free_key(&self.config.tags).unwrap_or_default();
        let def = TagDef::new(&name, &key);
        self.config.tags.push(def.clone());
        self.keymap.panes = Keymap::from_config(&self.config, None).0;
        let Some(path) = self.tagging.config_path.clone() else {
            self.tag_saved(crate::session::config_job::TagSaved {
                tag: def,
                result: Err(vocab::VocabError::File {
                    path: PathBuf::from("(no config file)"),
                    message: "no config file to save it in".into(),
                }),
            });
            return;
        };
        match self.notify.clone() {
            Some(notify) => {
                self.say(format!(
                    "new tag \"{name}\" ({}), saving in {}",
                    on_key(&def),
                    path.display()
                ));
                crate::session::config_job::spawn_save_tag(path, def, notify);
            }
            None => {
                let saved = crate::session::config_job::save_tag(path, def);
                self.tag_saved(saved);
            }
        }
    }

    /// A new tag has been appended to the config file (or not): say so.
    pub fn tag_saved(&mut self, saved: crate::session::config_job::TagSaved) {
        let name = &saved.tag.name;
        let keys = on_key(&saved.tag);
        match saved.result {
            Ok(path) => self.say(format!(
                "new tag \"{name}\" ({keys}), saved in {}",
                path.display()
            )),
            Err(e) => self.error(format!(
                "new tag \"{name}\" ({keys}) for this session only: {e}"
            )),
        }
    }
}

/// Which key a new tag got, for messages.
fn on_key(tag: &TagDef) -> String {
    if tag.key.is_empty() {
        "no key left; toggle it in the tag pane".to_string()
    } else {
        format!("key {}", tag.key)
    }
}

/// `y yes  n no`: a prompt's keys from its keymap.
fn hint_line(app: &App, hints: Vec<(String, String)>) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, name) in hints {
        spans.push(Span::styled(format!(" {key} "), app.theme.key()));
        spans.push(Span::styled(format!(" {name}   "), app.theme.dim()));
    }
    Line::from(spans)
}

/// Draw the tagging prompt of the current mode, if any, over `area`.
pub fn render_overlay(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let (title, lines): (&str, Vec<Line>) = match app.mode {
        Overlay::ConfirmBulk => {
            let Some(p) = &app.tagging.pending else {
                return;
            };
            let label = app.config.tag(&p.tag).map_or(p.tag.as_str(), |t| t.label());
            let verb = if p.removes { "Remove" } else { "Add" };
            let prep = if p.removes { "from" } else { "to" };
            (
                " Bulk change ",
                vec![
                    Line::from(format!(
                        "{verb} \"{label}\" {prep} {} articles?",
                        p.targets.len()
                    )),
                    hint_line(app, app.keymap.confirm.hints()),
                ],
            )
        }
        Overlay::JumpToDate => (
            " Jump to date ",
            vec![
                Line::from("Date (2024, 2024-05 or 2024-05-03):"),
                Line::from(vec![
                    Span::styled("> ", theme.key()),
                    Span::raw(app.date_input.value().to_string()),
                    Span::styled("_", theme.dim()),
                ]),
                hint_line(app, app.keymap.jump_to_date.hints()),
            ],
        ),
        Overlay::Memo => {
            let title = app
                .tagging
                .memo_target
                .and_then(|at| at.article_in(&app.corpus.issues))
                .map(|a| a.display_title())
                .unwrap_or_default();
            // The end of the text, where the cursor is, fits the prompt.
            let room = (area.width as usize).saturating_sub(10).max(10);
            let value = crate::text::escape_controls(app.tagging.memo_input.value()).into_owned();
            let shown = tail_fitting(&value, room);
            (
                " Memo ",
                vec![
                    Line::from(crate::text::fit_width(
                        &format!("On \"{}\" (empty removes it):", controls_as_spaces(&title)),
                        room,
                    )),
                    Line::from(vec![
                        Span::styled("> ", theme.key()),
                        Span::raw(shown),
                        Span::styled("_", theme.dim()),
                    ]),
                    hint_line(app, app.keymap.memo.hints()),
                ],
            )
        }
        Overlay::NewTag => {
            let value = app.tagging.input.value();
            (
                " New tag ",
                vec![
                    Line::from("Name (spaces and Chinese are fine):"),
                    Line::from(vec![
                        Span::styled("> ", theme.key()),
                        Span::raw(value.to_string()),
                        Span::styled("_", theme.dim()),
                    ]),
                    hint_line(app, app.keymap.new_tag.hints()),
                ],
            )
        }
        _ => return,
    };
    let want_w = lines
        .iter()
        .map(|l| l.width())
        .max()
        .unwrap_or(0)
        .max(title.width())
        + 4;
    let rect = layout::centered(area, want_w.max(36) as u16, lines.len() as u16 + 2);
    let inner = bordered::overlay(theme, title, None, rect, buf);
    bordered::render_lines(lines, inner, buf);
}

/// The end of `s` that fits in `width` columns (all of it when it fits).
fn tail_fitting(s: &str, width: usize) -> String {
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        start = i;
    }
    s[start..].to_string()
}

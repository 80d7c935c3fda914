//! The export dialog in the app: what it shows of the app
//! ([`ExportView`]), whose decisions it offers, the export job Enter asks for
//! (the rows gathered in the job as `newstag export` gathers them, see
//! [`crate::export::rows`]), and how the job ended.

use super::app::{App, Overlay};
use super::export_dialog::{self, ExportDialog, ExportView, Scope};
use crate::corpus::Corpus;
use crate::export::rows::{ArticleDecisions, Whose};
use crate::export::{ExportError, ExportFormat, orphans_in_store};
use crate::session::export_job::{ExportJob, Exported};
use crossterm::event::KeyEvent;

impl App {
    /// What the export dialog shows of the app now.
    pub fn export_view(&self) -> ExportView {
        ExportView {
            folder: export_dialog::corpus_folder(&self.corpus.root),
            all: self.corpus.issues.iter().map(|i| i.articles.len()).sum(),
            list: self.filter.as_ref().map(Vec::len),
            marked: self.marks.len(),
            loading: self.loading.map(|l| (l.done, l.total)),
        }
    }

    /// Whose decisions the dialog offers: every coder's (as shown); unless
    /// blind, the settled ones and each coder's (those with a folder in the
    /// team layout, and those whose tags are shown).
    fn export_choices(&self) -> Vec<Whose> {
        let team = &self.tagging.team;
        if team.blind {
            return vec![Whose::All];
        }
        let mut coders = team.coders_on_disk();
        for (_, record) in self.tagging.store.tagged() {
            for mark in record.tags.values() {
                if !mark.coder.is_empty() {
                    coders.push(mark.coder.clone());
                }
            }
        }
        coders.sort();
        coders.dedup();
        [Whose::All, Whose::Settled]
            .into_iter()
            .chain(coders.into_iter().map(Whose::Coder))
            .collect()
    }

    /// `e`: the export dialog.
    pub(super) fn open_export(&mut self) {
        let dialog = ExportDialog::open(&self.export_view(), self.export_choices());
        self.mode = Overlay::Export(Box::new(dialog));
    }

    /// The export `d` describes, ready to run; `force` overwrites an existing
    /// file.
    pub fn export_job(&self, d: &ExportDialog, force: bool) -> ExportJob {
        let only = match d.scope {
            Scope::All => None,
            Scope::List => self.filter.as_ref().map(|f| f.iter().copied().collect()),
            Scope::Marked => Some(self.marks.iter().copied().collect()),
        };
        // A dump of everything keeps orphaned tags and those of sidecars whose
        // issue is gone too, like `newstag export`.
        let orphans = if d.format == ExportFormat::Toml && d.scope == Scope::All {
            orphans_in_store(&self.corpus, &self.tagging.store).0
        } else {
            Vec::new()
        };
        ExportJob {
            path: d.target(),
            force,
            options: d.options(),
            corpus: Corpus {
                root: self.corpus.root.clone(),
                issues: self.corpus.issues.clone(),
                warnings: Vec::new(),
                habits: self.corpus.habits.clone(),
            },
            stories: self.stories.clone(),
            shown: ArticleDecisions::shown(&self.corpus.issues, &self.tagging.store),
            team: self.tagging.team.clone(),
            whose: d.whose(),
            only,
            vocabulary: self.config.tags.iter().map(|t| t.name.clone()).collect(),
            orphans,
        }
    }

    /// Keys of the export dialog: it edits a file name, so it gets raw keys.
    pub(super) fn export_key(&mut self, key: KeyEvent) {
        let Overlay::Export(mut dialog) = std::mem::replace(&mut self.mode, Overlay::Panes) else {
            return;
        };
        let action = self.keymap.export.action_for(key);
        let view = self.export_view();
        let keep = export_dialog::handle_key(&view, &mut dialog, action, key);
        let job = dialog
            .write
            .take()
            .map(|force| self.export_job(&dialog, force));
        if keep {
            self.mode = Overlay::Export(dialog);
        }
        if let Some(job) = job {
            match self.notify.clone() {
                Some(notify) => crate::session::export_job::spawn_export(job, notify),
                None => self.export_finished(job.run()),
            }
        }
    }

    /// An export has been written (or not): the dialog, if still open, and the
    /// status bar say so.
    pub fn export_finished(&mut self, done: Exported) {
        if let Overlay::Export(dialog) = &mut self.mode {
            export_dialog::finished(dialog, &done);
        }
        match &done.result {
            Ok(records) => {
                let mut text = format!("exported {records} to {}", done.path.display());
                if done.waiting > 0 {
                    text.push_str(&format!(
                        "; {} wait for adjudication, exported without tags",
                        crate::text::count(done.waiting, "article")
                    ));
                }
                self.say(text)
            }
            Err(ExportError::Exists { .. }) => {}
            Err(e) => self.error(format!("export failed: {e}")),
        }
    }
}

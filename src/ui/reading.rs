//! What the app does with the corpus's own files the session reads for it
//! ([`crate::session::files_job`]): the codebook (when the session starts,
//! and again when triage or adjudication opens), the samples (when the search
//! line opens) and what adjudication needs (when it opens). No file is read
//! here: with a notifier (the run loop's) the reads run in the background and
//! come back as [`crate::session::SessionEvent::Files`]; without one (tests)
//! they run at once.

use super::app::App;
use crate::session::files_job::{self, FilesRead};

impl App {
    /// Run `read` as a session job (at once without a notifier) and take in
    /// what it read.
    pub(super) fn read_files(&mut self, read: impl FnOnce() -> FilesRead + Send + 'static) {
        match self.notify.clone() {
            Some(notify) => files_job::spawn_read(read, notify),
            None => self.files_read(read()),
        }
    }

    /// Read the codebook again.
    pub(super) fn read_codebook(&mut self) {
        let base = self.tagging.team.base().to_path_buf();
        self.read_files(move || files_job::read_codebook(&base));
    }

    /// Read the samples again.
    pub(super) fn read_samples(&mut self) {
        let base = self.tagging.team.base().to_path_buf();
        self.read_files(move || files_job::read_samples(&base));
    }

    /// The session has read some of the corpus's files: take them in. A
    /// codebook that does not read is said once (the tags show without
    /// definitions); a sample that does not read is named when a query asks
    /// for a sample.
    pub fn files_read(&mut self, read: FilesRead) {
        match read {
            FilesRead::Codebook(Ok(book)) => self.tagging.codebook = book,
            FilesRead::Codebook(Err(why)) => {
                if self.tagging.codebook.take().is_some() || !self.log.iter().any(|m| m.text == why)
                {
                    self.error(why);
                }
            }
            FilesRead::Samples(samples) => {
                self.tagging.samples = samples;
                super::searching::samples_read(self);
            }
            FilesRead::Adjudication(read) => self.adjudication_read(*read),
        }
    }
}

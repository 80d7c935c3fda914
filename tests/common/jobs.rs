//! The session's background jobs in a test: an app given a notifier runs its
//! saves on other threads, as the TUI does, and the test takes their events in
//! when it chooses (so it can see the screen while a save is pending).

use newstag::session::{Notifier, SessionEvent};
use newstag::ui::App;
use std::sync::mpsc::Receiver;
use std::time::Duration;

/// The events of `app`'s jobs, from now on.
pub struct Jobs(Receiver<SessionEvent>);

impl Jobs {
    /// Give `app` a notifier: its saves run in the background from now on.
    pub fn attach(app: &mut App) -> Jobs {
        let (tx, rx) = std::sync::mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        app.notify = Some(Notifier::new(move |ev| tx.lock().unwrap().send(ev).is_ok()));
        Jobs(rx)
    }

    /// Take in every tag save's end until none is pending (30 s at most a save).
    pub fn wait_saves(&self, app: &mut App) {
        while app.tagging.saves.pending() > 0 {
            match self.0.recv_timeout(Duration::from_secs(30)).unwrap() {
                SessionEvent::TagsSaved => app.tags_saved(),
                _ => continue,
            }
        }
    }

    /// Take in the next read of the corpus's files (the codebook, the
    /// samples, what adjudication needs).
    pub fn wait_files(&self, app: &mut App) {
        loop {
            match self.0.recv_timeout(Duration::from_secs(30)).unwrap() {
                SessionEvent::Files(read) => return app.files_read(*read),
                SessionEvent::TagsSaved => app.tags_saved(),
                _ => continue,
            }
        }
    }
}

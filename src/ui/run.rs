//! The event loop: terminal input, signals and the session's background jobs
//! (loader, indexer, search, scorer) all feed one channel; each event updates the
//! app, then one frame is drawn.

use super::action::Action;
use super::app::{App, HandOver};
use super::keymap::{ConfigSource, Keymaps};
use super::terminal::Term;
use super::theme::Theme;
use crate::config::{Config, ConfigError};
use crate::session::loader::spawn_loader_sharing;
use crate::session::{Notifier, SessionEvent};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::event::{MouseButton, MouseEventKind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

/// Everything the loop waits for.
pub enum AppEvent {
    Term(Event),
    /// SIGTERM, SIGHUP or SIGINT.
    Signal(i32),
    /// A background job of the session reports.
    Session(SessionEvent),
}

/// Open the TUI on the corpus at `root` until the user quits. `config_errors`
/// (entries of the config left out, the defaults used instead) and any bad key
/// strings show in the status bar, and on stderr after quitting.
pub fn run(
    config: Config,
    config_errors: Vec<ConfigError>,
    config_path: Option<&Path>,
    root: PathBuf,
) -> anyhow::Result<()> {
    let source_text = crate::config::source_text(config_path);
    let source = source_text.as_ref().map(|(path, text)| ConfigSource {
        path: path.as_path(),
        text: text.as_str(),
    });
    let (keymap, key_errors) = Keymaps::from_config(&config, source.as_ref());
    let theme = Theme::from_config(&config);
    let mut app = App::new(config, keymap, theme, root.clone());
    // The search history of earlier runs (Up in the search line), read by a
    // job once the session's jobs can report.
    let history = crate::search::history::default_path();
    if let Some(path) = &history {
        app.search.history = crate::search::history::SearchHistory::at(path);
    }
    // Tags made with `t` go to the config file in use (or the user's, created).
    app.tagging.config_path = config_path
        .map(Path::to_path_buf)
        .or_else(crate::config::user_config_path);
    if let Some(e) = config_errors.first() {
        let more = match config_errors.len() {
            1 => String::new(),
            n => format!(" (+{} more, listed on quitting)", n - 1),
        };
        // The error names the file and line first, so they show on a narrow line.
        app.error(format!("{e}{more}"));
    } else if let Some(e) = key_errors.first() {
        app.error(e.clone());
    }

    let (tx, rx) = mpsc::channel();
    let session_tx = std::sync::Mutex::new(tx.clone());
    let notify = Notifier::new(move |ev| {
        session_tx
            .lock()
            .is_ok_and(|tx| tx.send(AppEvent::Session(ev)).is_ok())
    });
    // The loader first, the indexer then waiting for its walk (see
    // `session::listing`).
    let (listed, listing) = crate::session::listing();
    spawn_loader_sharing(
        root.clone(),
        app.tagging.team.clone(),
        notify.clone(),
        listed,
    );
    super::searching::spawn_indexer_listed(&mut app, root, notify.clone(), Some(listing));
    let wake = notify.clone();
    app.search.set_waker(Box::new(move || {
        wake.send(SessionEvent::SearchDone);
    }));
    app.notify = Some(notify.clone());
    if let Some(path) = history {
        super::searching::keep_history(&mut app, path, None);
    }
    spawn_signals(tx.clone())?;

    let mut term = Term::enter()?;
    let input = InputPump::spawn(tx);
    let size = term.terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let result = event_loop(&mut term, &mut app, &rx, &input);
    drop(term);
    for e in config_errors {
        eprintln!(
            "newstag: warning: {}",
            crate::text::escape_controls(&e.to_string())
        );
    }
    for e in key_errors {
        eprintln!("newstag: {}", crate::text::escape_controls(&e.to_string()));
    }
    // The process ends once this returns, and its memory goes with it: the
    // app is not dropped, which would free the corpus one article at a time
    // (a million articles held quitting up for 1-2 s) and wait for a search
    // still running. Nothing is left unwritten by it: the loop ends only once
    // every tag change is saved (or the user quit without them), the terminal
    // is restored above, and the jobs still running are ended with the
    // process, dropped or not.
    std::mem::forget(app);
    result
}

fn event_loop(
    term: &mut Term,
    app: &mut App,
    rx: &Receiver<AppEvent>,
    input: &InputPump,
) -> anyhow::Result<()> {
    // With NEWSTAG_TIMINGS: how long the screen stood still at most, from an
    // event taken to the frame drawn after it, and the event that took
    // longest in that time.
    let mut stalls = crate::cache::timing::Longest::new("tui: UI thread busy");
    let mut woke = None;
    let mut slowest = (Duration::ZERO, "");
    let timings = crate::cache::timing::enabled();
    let timed = |app: &mut App, ev: AppEvent, slowest: &mut (Duration, &'static str)| {
        if !timings {
            return handle(app, ev);
        }
        let (kind, t0) = (ev.kind(), std::time::Instant::now());
        handle(app, ev);
        let took = t0.elapsed();
        if took > slowest.0 {
            *slowest = (took, kind);
        }
    };
    loop {
        if let Some(what) = app.hand_over.take() {
            hand_over(term, app, input, what)?;
            woke = None;
        }
        term.terminal.draw(|f| super::draw(app, f))?;
        if let Some(since) = woke.take() {
            stalls.saw(since, slowest.1);
        }
        // Drawing the hits reads the index: a damaged part found then is said
        // at once (and the corpus indexed again).
        if super::searching::index_damaged(app) {
            continue;
        }
        let Ok(first) = rx.recv() else {
            return Ok(());
        };
        woke = timings.then(std::time::Instant::now);
        slowest = (Duration::ZERO, "drawing");
        timed(app, first, &mut slowest);
        // Take whatever else is waiting before drawing again (fast typing, wheel).
        while !app.quit {
            match rx.try_recv() {
                Ok(ev) => timed(app, ev, &mut slowest),
                Err(_) => break,
            }
        }
        if app.quit {
            return Ok(());
        }
    }
}

impl AppEvent {
    /// What kind of event this is, in a word (for the timings).
    fn kind(&self) -> &'static str {
        match self {
            AppEvent::Term(Event::Key(_)) => "key",
            AppEvent::Term(_) => "terminal",
            AppEvent::Signal(_) => "signal",
            AppEvent::Session(ev) => ev.kind(),
        }
    }
}

/// Apply one event to the app.
pub fn handle(app: &mut App, ev: AppEvent) {
    match ev {
        AppEvent::Term(Event::Key(key)) => handle_key(app, key),
        AppEvent::Term(Event::Mouse(m)) => {
            let action = match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                    column: m.column,
                    row: m.row,
                }),
                MouseEventKind::ScrollDown => Some(Action::Wheel {
                    column: m.column,
                    row: m.row,
                    lines: 1,
                }),
                MouseEventKind::ScrollUp => Some(Action::Wheel {
                    column: m.column,
                    row: m.row,
                    lines: -1,
                }),
                _ => None,
            };
            if let Some(a) = action {
                app.update(a);
            }
        }
        AppEvent::Term(Event::Resize(width, height)) => {
            app.update(Action::Resize { width, height })
        }
        AppEvent::Term(_) => {}
        AppEvent::Signal(_) => app.update(Action::Quit),
        AppEvent::Session(ev) => handle_session(app, ev),
    }
}

/// Apply what a background job of the session reports.
fn handle_session(app: &mut App, ev: SessionEvent) {
    match ev {
        SessionEvent::Loaded {
            issues,
            sidecars,
            done,
            total,
        } => {
            app.set_loading(done, total);
            let first = !issues.is_empty() && !app.suggest.prefetched;
            app.push_loaded(issues, sidecars);
            // The suggestion features cached by the last session are read
            // while the corpus loads, from the first rows on (before them, the
            // read would hold them back on a machine of two cores).
            if first {
                app.suggest.prefetched = true;
                if app.suggest.prefetch.is_none() {
                    app.suggest.prefetch = crate::cache::features::prefetch(&app.corpus.root);
                }
            }
            super::searching::feed_index(app, false);
        }
        SessionEvent::Recut { issues, sidecars } => app.recut(issues, sidecars),
        SessionEvent::LoadDone(warnings) => {
            // The scorer starts before the loader links the stories (a second
            // of a warm start of 100,000 issues under load), not after:
            // suggestions are what is ready last.
            app.start_suggestions_after_index();
            app.finish_loading(warnings);
            super::searching::corpus_loaded(app);
        }
        SessionEvent::StoriesLinked(stories) => app.stories_linked(*stories),
        SessionEvent::LoadFailed(msg) => {
            app.load_failed(msg);
            super::searching::loading_ended(app);
        }
        SessionEvent::IndexWants => super::searching::feed_index(app, true),
        // Of a job let go of since (the corpus changed): the current job
        // reports in its turn.
        SessionEvent::IndexReady { generation, .. }
            if !super::searching::is_current(app, generation) =>
        {
            crate::cache::timing::mark("tui: stale search index dropped");
        }
        SessionEvent::IndexReady {
            index: Ok(index), ..
        } => {
            crate::cache::timing::mark("tui: search index ready");
            super::searching::index_ready(app, index);
            app.index_settled();
        }
        SessionEvent::IndexReady { index: Err(e), .. } => {
            super::searching::index_failed(app, e);
            app.index_settled();
        }
        SessionEvent::SearchDone => super::searching::poll(app),
        SessionEvent::SuggestProgress(done, total) => app.suggest_progress(done, total),
        SessionEvent::SuggestDone(index, took) => {
            crate::cache::timing::mark("tui: suggestions ready");
            app.suggestions_ready(*index, took)
        }
        SessionEvent::Exported(done) => app.export_finished(done),
        SessionEvent::TagSaved(saved) => app.tag_saved(saved),
        SessionEvent::TagsSaved => app.tags_saved(),
        SessionEvent::Page(read) => app.page_read(*read),
        SessionEvent::Files(read) => app.files_read(*read),
        SessionEvent::HistoryKept(kept) => super::searching::history_kept(app, kept),
    }
}

/// Keys go to the app; Ctrl-C quits even when rebound away from `quit`.
fn handle_key(app: &mut App, key: KeyEvent) {
    let ctrl_c = key.kind == KeyEventKind::Press
        && key.code == KeyCode::Char('c')
        && key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl_c && app.keymap.panes.action_for(key).is_none() {
        app.update(Action::Quit);
        return;
    }
    // The end-to-end tests check that a panic restores the terminal before its
    // message is printed; this is how they cause one.
    if key.code == KeyCode::Char('!') && std::env::var_os("NEWSTAG_TEST_PANIC").is_some() {
        #[allow(clippy::panic)]
        {
            panic!("panic requested by NEWSTAG_TEST_PANIC");
        }
    }
    app.handle_key(key);
}

/// The thread that reads the terminal's keys, which can be paused while the
/// terminal is handed over (an editor must get the keys typed in it).
struct InputPump {
    paused: Arc<AtomicBool>,
    /// The thread says it has stopped reading.
    stopped: Receiver<()>,
    /// Tell the thread to read again.
    go: Sender<()>,
}

impl InputPump {
    fn spawn(tx: Sender<AppEvent>) -> InputPump {
        let paused = Arc::new(AtomicBool::new(false));
        let (stopped_tx, stopped) = mpsc::channel();
        let (go, go_rx) = mpsc::channel::<()>();
        let flag = paused.clone();
        thread::spawn(move || {
            loop {
                if flag.load(Ordering::SeqCst) {
                    if stopped_tx.send(()).is_err() || go_rx.recv().is_err() {
                        return;
                    }
                    continue;
                }
                // Look now and then whether to pause instead of blocking in read.
                match event::poll(Duration::from_millis(40)) {
                    Ok(false) => continue,
                    Ok(true) => {}
                    Err(_) => return,
                }
                let Ok(ev) = event::read() else { return };
                if tx.send(AppEvent::Term(ev)).is_err() {
                    return;
                }
            }
        });
        InputPump {
            paused,
            stopped,
            go,
        }
    }

    /// Stop reading keys (returns once the thread has stopped).
    fn pause(&self) {
        self.paused.store(true, Ordering::SeqCst);
        let _ = self.stopped.recv_timeout(Duration::from_secs(2));
    }

    fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
        let _ = self.go.send(());
    }
}

/// Hand the terminal over: to the shell (Ctrl-z) or to the user's editor, then
/// take it back and say what happened.
fn hand_over(
    term: &mut Term,
    app: &mut App,
    input: &InputPump,
    what: HandOver,
) -> anyhow::Result<()> {
    input.pause();
    term.suspend();
    match what {
        HandOver::Suspend => {
            // Stops here until the shell continues us (`fg`). Where nobody could
            // (no job control) the kernel drops the signal and we carry on.
            #[cfg(unix)]
            // SAFETY: raise only sends a signal to this process.
            unsafe {
                libc::raise(libc::SIGTSTP);
            }
        }
        HandOver::Edit { path, line } => {
            let editor = editor_command();
            // Through sh, so that EDITOR may hold arguments ("code -w").
            let status = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("{editor} \"$@\""))
                .arg("sh")
                .arg(format!("+{line}"))
                .arg(&path)
                .status();
            match status {
                Ok(s) if s.success() => app.say(format!(
                    "edited {} (restart newstag to read the changes)",
                    path.display()
                )),
                Ok(s) => app.error(format!("{editor} ended with {s} on {}", path.display())),
                Err(e) => app.error(format!("cannot run {editor}: {e}")),
            }
        }
    }
    term.resume()?;
    input.resume();
    let size = term.terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    Ok(())
}

/// `$VISUAL`, else `$EDITOR`, else `vi`.
fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

fn spawn_signals(tx: Sender<AppEvent>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = tx.send(AppEvent::Signal(sig));
        }
    });
    Ok(())
}

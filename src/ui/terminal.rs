//! Owning the terminal: raw mode, alternate screen, mouse capture, hidden cursor,
//! and putting everything back on every way out (drop, panic, signal).

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};

/// True while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The terminal, set up for the app; restored when dropped.
pub struct Term {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Term {
    /// Enter raw mode and the alternate screen, capture the mouse, hide the
    /// cursor, and install a panic hook that restores the terminal before the
    /// panic message is printed.
    pub fn enter() -> io::Result<Term> {
        install_panic_hook();
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let mut stdout = io::stdout();
        if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture, Hide) {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(terminal) => Ok(Term { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Term {
    /// Give the terminal back (main screen, cooked mode, cursor shown) for a
    /// while: to the shell on Ctrl-z, to the user's editor.
    pub fn suspend(&mut self) {
        restore();
    }

    /// Take the terminal again after [`Term::suspend`] and clear it, so the
    /// next frame is drawn whole.
    pub fn resume(&mut self) -> io::Result<()> {
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            Hide,
            Clear(ClearType::All)
        )?;
        // The screen is blank: make the last frame blank too, so the next one is
        // drawn whole (ratatui's `clear` would ask the terminal where its cursor is).
        self.terminal.swap_buffers();
        Ok(())
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        restore();
    }
}

/// Put the terminal back as it was: idempotent, errors ignored (the terminal may
/// be gone after SIGHUP).
///
/// The alternate screen is cleared before it is left. tmux (3.3) reflows the
/// alternate screen to the width it had when it was entered as it leaves it, and
/// after the window has changed width the rewrapped lines of the last frame end
/// up in the pane's scrollback, from where a taller window pulls them back on
/// screen. An empty screen has nothing to rewrap.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            io::stdout(),
            Clear(ClearType::All),
            DisableMouseCapture,
            LeaveAlternateScreen,
            Show
        );
        let _ = disable_raw_mode();
    }
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

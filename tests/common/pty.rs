//! The real `newstag` binary in a pseudo-terminal (portable-pty), everything it
//! writes fed to a vt100 screen: start it with a HOME and XDG folders of the
//! test's own, send keys, wait until the screen shows something, quit, and check
//! the terminal modes it leaves behind.

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a screen or the end of the process is waited for before the test fails.
const PATIENCE: Duration = Duration::from_secs(60);
/// A screen counts as drawn once two looks this far apart see the same text.
const FRAME_GAP: Duration = Duration::from_millis(80);
/// The shell line that runs newstag ("$0" "$@"), then prints its exit code, the
/// terminal modes it left and [`END_OF_REPORT`], waits for a line from the
/// terminal (so the report is read in full before the terminal closes: Linux may
/// drop what is still buffered once the last writer has gone), and exits with
/// newstag's code.
const REPORT_MODES_AFTER: &str = "\"$0\" \"$@\"; code=$?; echo; echo \"exit=$code\"; stty -a; \
     echo end-of-report; read -r _; exit $code";
/// The last line of the shell's report.
const END_OF_REPORT: &str = "end-of-report";

/// How to start newstag: its arguments, the terminal size, extra environment.
pub struct Launch<'a> {
    home: &'a Path,
    args: Vec<OsString>,
    cols: u16,
    rows: u16,
    env: Vec<(String, String)>,
    report_modes: bool,
}

impl<'a> Launch<'a> {
    /// `newstag` in a 100x30 terminal, with HOME, the XDG config and data folders
    /// and the index cache ($HOME/.cache) all in `home`, whatever the caller's
    /// environment says; `home` is also the working directory.
    pub fn in_home(home: &'a Path) -> Launch<'a> {
        Launch {
            home,
            args: Vec::new(),
            cols: 100,
            rows: 30,
            env: Vec::new(),
            report_modes: false,
        }
    }

    /// Add a command-line argument.
    pub fn arg(mut self, arg: impl Into<OsString>) -> Self {
        self.args.push(arg.into());
        self
    }

    /// The terminal's size in cells.
    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// Set an environment variable for newstag.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    /// Run newstag through `sh`, which prints `exit=CODE` and `stty -a` once it
    /// has ended, so [`PtySession::assert_terminal_restored`] can check the modes
    /// left behind. The session's process is then the shell.
    pub fn reporting_terminal_modes(mut self) -> Self {
        self.report_modes = true;
        self
    }

    /// Spawn it.
    pub fn start(self) -> PtySession {
        let pair = native_pty_system()
            .openpty(pty_size(self.cols, self.rows))
            .unwrap();
        let mut cmd = if self.report_modes {
            let mut cmd = CommandBuilder::new("sh");
            cmd.arg("-c");
            cmd.arg(REPORT_MODES_AFTER);
            cmd.arg(env!("CARGO_BIN_EXE_newstag"));
            cmd
        } else {
            CommandBuilder::new(env!("CARGO_BIN_EXE_newstag"))
        };
        for arg in &self.args {
            cmd.arg(arg);
        }
        cmd.env("HOME", self.home);
        cmd.env("XDG_CONFIG_HOME", self.home.join("config"));
        cmd.env("XDG_DATA_HOME", self.home.join("data"));
        // The index cache goes under this HOME, whatever the caller's environment says.
        cmd.env_remove("XDG_CACHE_HOME");
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        cmd.cwd(self.home);
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            cells(self.rows),
            cells(self.cols),
            0,
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (to_screen, to_output) = (parser.clone(), output.clone());
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                to_screen.lock().unwrap().process(&buf[..n]);
                to_output.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        PtySession {
            parser,
            output,
            reader: Some(reader),
            writer,
            master: pair.master,
            child,
            reports_modes: self.report_modes,
        }
    }
}

/// A running newstag (or the shell around it) in a pseudo-terminal.
pub struct PtySession {
    parser: Arc<Mutex<vt100::Parser>>,
    output: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    reports_modes: bool,
}

impl PtySession {
    /// The screen's text now.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Whether the terminal's cursor is hidden now.
    pub fn cursor_hidden(&self) -> bool {
        self.parser.lock().unwrap().screen().hide_cursor()
    }

    /// Wait until the screen shows what `ready` wants and two looks a frame gap
    /// apart are identical; fail naming `what` with the screen if it never does.
    pub fn settle(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            std::thread::sleep(FRAME_GAP);
            let now = self.screen();
            if now == last && ready(&now) {
                return now;
            }
            if start.elapsed() > PATIENCE {
                panic!("timed out waiting for {what}; screen:\n{now}");
            }
            last = now;
        }
    }

    /// Wait until the screen shows `text` and has stopped changing.
    pub fn wait_for(&self, text: &str) -> String {
        self.settle(&format!("{text:?}"), |screen| screen.contains(text))
    }

    /// Type `keys` (raw bytes: "\r" is Enter, "\x1b" Esc, "\x03" Ctrl-C).
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resize the terminal (and the screen that parses it) to `cols` x `rows`.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(cells(rows), cells(cols));
        self.master.resize(pty_size(cols, rows)).unwrap();
    }

    /// The process id of newstag itself (the shell's only child when the session
    /// reports terminal modes).
    pub fn newstag_pid(&self) -> u32 {
        let pid = self.child.process_id().unwrap();
        if !self.reports_modes {
            return pid;
        }
        let children = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap();
        children
            .split_whitespace()
            .next()
            .expect("newstag's pid")
            .parse()
            .unwrap()
    }

    /// Wait for the process to end (killing it and failing after a while), then
    /// for the last of its output to reach the screen.
    pub fn wait_for_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        if self.reports_modes {
            // The shell waits for a line once its report is out.
            while !self.output().contains(END_OF_REPORT) {
                if start.elapsed() > PATIENCE {
                    self.child.kill().ok();
                    panic!("newstag did not exit; screen:\n{}", self.screen());
                }
                std::thread::sleep(Duration::from_millis(30));
            }
            self.send("\n");
        }
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > PATIENCE {
                self.child.kill().ok();
                panic!("newstag did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(30));
        };
        // The reader stops when the terminal's last user has closed it, which a
        // loaded machine may take a while to tell it.
        let start = Instant::now();
        while self.reader.as_ref().is_some_and(|r| !r.is_finished())
            && start.elapsed() < Duration::from_secs(15)
        {
            std::thread::sleep(Duration::from_millis(10));
        }
        status
    }

    /// Wait for the process to end; everything it wrote to the terminal.
    pub fn finish(&mut self) -> String {
        self.wait_for_exit();
        self.output()
    }

    /// Everything written to the terminal so far, as text.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Quit with `q`; newstag must end with success.
    pub fn quit(&mut self) {
        self.send("q");
        let status = self.wait_for_exit();
        assert!(status.success(), "newstag exited with {status:?}");
    }

    /// The terminal is back to normal after newstag ended: main screen, cursor
    /// shown, cooked mode with echo. `output` is what [`Self::finish`] returned;
    /// the session must have been started [`Launch::reporting_terminal_modes`].
    pub fn assert_terminal_restored(&self, output: &str) {
        assert!(
            self.reports_modes,
            "start the session reporting_terminal_modes to check them"
        );
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        let stty = output.rsplit("exit=").next().unwrap_or("");
        assert!(
            stty.contains("icanon") && !stty.contains("-icanon"),
            "raw mode left on: {stty}"
        );
        assert!(
            stty.contains(" echo") && !stty.contains("-echo "),
            "echo off: {stty}"
        );
    }
}

impl Drop for PtySession {
    /// A test that fails half-way leaves no newstag running.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            self.child.kill().ok();
        }
    }
}

fn cells(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap()
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

//! The real `newstag` binary in a pane of a private tmux server (its own socket
//! in a temp dir, no config), for what only a real multiplexer does: tmux keeps
//! a scrollback and reflows lines when its window changes size.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// How long a pane is waited for before the test fails.
const PATIENCE: Duration = Duration::from_secs(60);

/// A tmux server with one window, removed when dropped.
pub struct TmuxPane {
    socket: PathBuf,
}

impl TmuxPane {
    /// Whether tmux can be run here; tests that need it skip with a message when not.
    pub fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// Start a server with a `cols` x `rows` window running `sh -c script`, with
    /// HOME, the XDG config and data folders and the cache in `home`. The pane
    /// stays (dead) after the script ends, so its screen can still be read.
    pub fn start(home: &Path, script: &str, cols: u16, rows: u16) -> TmuxPane {
        let pane = TmuxPane {
            socket: home.join("tmux.sock"),
        };
        let (cols, rows) = (cols.to_string(), rows.to_string());
        let started = pane
            .command()
            .args(["-f", "/dev/null", "new-session", "-d", "-s", "t"])
            .args(["-x", &cols, "-y", &rows, "sh", "-c", script])
            .args([";", "set-option", "-g", "remain-on-exit", "on"])
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env_remove("XDG_CACHE_HOME")
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        assert_success("tmux new-session", &started);
        pane
    }

    /// Run `tmux ARGS` against this server; fail the test if tmux does.
    pub fn tmux(&self, args: &[&str]) -> String {
        let out = self.command().args(args).output().unwrap();
        assert_success(&format!("tmux {}", args.join(" ")), &out);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The pane's visible screen as text.
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    /// The pane's scrollback and visible screen as text.
    pub fn screen_and_scrollback(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-S", "-", "-t", "t"])
    }

    /// Wait until the visible screen shows what `ready` wants.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > PATIENCE {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Wait until the pane's command has ended.
    pub fn wait_for_exit(&self) {
        let start = Instant::now();
        while self
            .tmux(&["display-message", "-p", "-t", "t", "#{pane_dead}"])
            .trim()
            != "1"
        {
            if start.elapsed() > PATIENCE {
                panic!("the pane did not end; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.arg("-S").arg(&self.socket).env_remove("TMUX");
        cmd
    }
}

impl Drop for TmuxPane {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").output();
    }
}

fn assert_success(what: &str, out: &Output) {
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

//! The real binary run as a command (`newstag articles`, `tag`, `export` …), the one
//! way every CLI test starts it.
//!
//! Each run is isolated from the developer's own files: HOME and the XDG config,
//! cache and data folders all point into a temp dir, so a real config cannot change
//! a result and a test never writes a real index cache or unpacks the sample into a
//! real data folder. NO_COLOR is set, so output never depends on the caller's
//! environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A user of the binary with a home of their own (a temp dir) and nothing else.
pub struct Cli {
    home: PathBuf,
    _owned: Option<tempfile::TempDir>,
}

impl Default for Cli {
    fn default() -> Cli {
        Cli::new()
    }
}

impl Cli {
    /// A user whose HOME is a fresh temp dir, removed when this is dropped.
    pub fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        Cli {
            home: dir.path().to_path_buf(),
            _owned: Some(dir),
        }
    }

    /// A user whose HOME is `home`, a temp dir the test owns (and may also put its
    /// corpus or output files in).
    pub fn in_home(home: &Path) -> Cli {
        Cli {
            home: home.to_path_buf(),
            _owned: None,
        }
    }

    /// HOME.
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// XDG_CONFIG_HOME: newstag reads `newstag/config.toml` below it.
    pub fn config_dir(&self) -> PathBuf {
        self.home.join("config")
    }

    /// Write `text` as the user's config (`newstag/config.toml` under
    /// [`Cli::config_dir`]), replacing any; its path.
    pub fn write_config(&self, text: &str) -> PathBuf {
        let dir = self.config_dir().join("newstag");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("config.toml");
        std::fs::write(&path, text).unwrap();
        path
    }

    /// XDG_CACHE_HOME: the index cache goes to `newstag/` below it.
    pub fn cache_dir(&self) -> PathBuf {
        self.home.join("cache")
    }

    /// XDG_DATA_HOME.
    pub fn data_dir(&self) -> PathBuf {
        self.home.join("data")
    }

    /// `newstag` with no arguments yet, in this user's environment.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newstag"));
        self.isolate(&mut cmd);
        cmd
    }

    /// `newstag` started by `sh` after `umask UMASK`, as a user whose shell sets it
    /// (the test process's own umask is left alone: other tests run beside it).
    pub fn command_with_umask(&self, umask: u32) -> Command {
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!("umask {umask:03o} && exec \"$0\" \"$@\""))
            .arg(env!("CARGO_BIN_EXE_newstag"));
        self.isolate(&mut cmd);
        cmd
    }

    /// Every article under `root` as `newstag articles --format jsonl` prints it,
    /// one JSON object each, in reading order.
    pub fn articles_jsonl(&self, root: &Path) -> Vec<serde_json::Value> {
        let out = self.run(&["articles", root.to_str().unwrap(), "--format", "jsonl"]);
        assert_succeeded(&out);
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// `(issue, id, tags)` of every article under `root`, as `newstag articles
    /// --format jsonl` prints them, in reading order.
    pub fn article_tags(&self, root: &Path) -> Vec<(String, String, Vec<String>)> {
        self.articles_jsonl(root)
            .iter()
            .map(|v| {
                let tags = v["tags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap().to_string())
                    .collect();
                (
                    v["issue"].as_str().unwrap().to_string(),
                    v["id"].as_str().unwrap().to_string(),
                    tags,
                )
            })
            .collect()
    }

    /// Run `newstag ARGS` to the end and collect its output.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    fn isolate(&self, cmd: &mut Command) {
        cmd.env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.config_dir())
            .env("XDG_CACHE_HOME", self.cache_dir())
            .env("XDG_DATA_HOME", self.data_dir())
            .env("NO_COLOR", "1");
    }
}

/// Assert that a run of the binary succeeded, showing its stderr when it did not.
pub fn assert_succeeded(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

//! End to end in a pseudo-terminal (portable-pty + vt100): search the sample
//! corpus, tag two articles with keys, undo one, quit, read the sidecar back, then
//! reopen and see the tag on screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::tags::sidecar;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    /// `newstag CORPUS` in a 120x40 pty with its own HOME and XDG folders.
    fn open(home: &Path, corpus: &Path) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_newstag"));
        cmd.arg(corpus);
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CACHE_HOME", home.join("cache"));
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(home);
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(40).unwrap(),
            std::num::NonZeroU16::new(120).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let p = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Tui {
            parser,
            writer,
            child,
            _master: pair.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Wait until `ready` holds on a screen that stayed the same for 80 ms.
    fn settle(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            std::thread::sleep(Duration::from_millis(80));
            let now = self.screen();
            if now == last && ready(&now) {
                return now;
            }
            if start.elapsed() > Duration::from_secs(30) {
                panic!("timed out waiting for {what}; screen:\n{now}");
            }
            last = now;
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Quit with `q` and wait for the process to end.
    fn quit(mut self) {
        self.send("q");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "newstag exited with {status:?}");
                return;
            }
            if start.elapsed() > Duration::from_secs(20) {
                self.child.kill().unwrap();
                panic!("newstag did not quit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dst.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to);
        } else {
            std::fs::copy(e.path(), to).unwrap();
        }
    }
}

/// Every tagged article in the corpus's sidecars: (title, tag names).
fn sidecar_tags(dir: &Path) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for e in walk(dir) {
        let name = e.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".tags.toml") && !name.starts_with('.') {
            let s = sidecar::read(&e).unwrap().unwrap();
            for a in s.articles {
                out.push((a.title, a.tags.into_keys().collect()));
            }
        }
    }
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn loaded(s: &str) -> bool {
    s.contains("articles") && !s.contains("loading")
}

/// Search, tag two articles with 1 and 2, undo the second, quit: the sidecar holds
/// the first tag only, and a new session shows it on the article's row.
#[test]
fn search_tag_undo_quit_reopen() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("corpus");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample"),
        &corpus,
    );

    let mut tui = Tui::open(home.path(), &corpus);
    tui.settle("the corpus to load", loaded);
    tui.send("/");
    tui.send("议事会");
    tui.settle("search hits", |s| s.contains("hits"));
    tui.send("\r");
    tui.settle("the search line to close", |s| !s.contains("/议事会"));
    tui.send("1");
    tui.settle("the first tag to be saved", |s| {
        s.contains("+governance: 1 article, saved")
    });
    tui.send("jj");
    tui.send("2");
    tui.settle("the second tag to be saved", |s| {
        s.contains("+heritage: 1 article, saved")
    });
    assert!(tui.screen().contains("2 tagged"));
    tui.send("u");
    let s = tui.settle("the undo", |s| s.contains("undo +heritage"));
    assert!(s.contains("1 tagged"), "{s}");
    tui.quit();

    let tagged = sidecar_tags(&corpus);
    assert_eq!(tagged.len(), 1, "{tagged:?}");
    let (title, tags) = &tagged[0];
    assert_eq!(tags, &["governance"]);
    assert!(title.contains("议事会"), "a search hit was tagged: {title}");

    // A new session shows the tag on the article's row.
    let mut tui = Tui::open(home.path(), &corpus);
    tui.settle("the corpus to load again", loaded);
    tui.send("/");
    tui.send("议事会");
    tui.settle("search hits", |s| s.contains("hits"));
    tui.send("\r");
    let head: String = title.chars().take(6).collect();
    let s = tui.settle("the tagged row", |s| s.contains(&head));
    let row = s.lines().find(|l| l.contains(&head)).unwrap();
    assert!(row.contains("社区治理"), "tag chip on the row: {row}\n{s}");
    assert!(s.contains("1 tagged"), "{s}");
    tui.quit();
}

//! End to end: the real binary in a pseudo-terminal (portable-pty + vt100). Keys
//! in, screen text out; after every way of leaving, the terminal is restored
//! (alternate screen left, cursor shown, raw mode off).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    _home: tempfile::TempDir,
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap()
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// A copy of the fixture corpus in a temp dir (so sidecars never touch the repo).
fn corpus_copy(home: &Path) -> std::path::PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let dst = home.join("corpus");
    std::fs::create_dir_all(&dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dst.join(e.file_name())).unwrap();
    }
    dst
}

impl Session {
    /// Start `newstag ARGS` (through `sh`, which runs `stty -a` after it exits so
    /// the terminal modes left behind can be checked) in a `cols` x `rows` pty.
    /// Start `newstag ARGS` in a `cols` x `rows` pty with HOME and the XDG folders
    /// in `home`, through `sh`, which runs `stty -a` after it so the terminal
    /// modes newstag left behind can be checked.
    fn start_in(
        home: tempfile::TempDir,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system().openpty(size(cols, rows)).unwrap();
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg("-c");
        cmd.arg("\"$0\" \"$@\"; echo; echo \"exit=$?\"; stty -a");
        cmd.arg(env!("CARGO_BIN_EXE_newstag"));
        for a in args {
            cmd.arg(a);
        }
        cmd.env("HOME", home.path());
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.env("XDG_DATA_HOME", home.path().join("data"));
        // The index cache goes under this HOME, whatever the caller's environment says.
        cmd.env_remove("XDG_CACHE_HOME");
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(home.path());
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            parser,
            raw,
            writer,
            master: pair.master,
            child,
            _home: home,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Wait until the screen shows what `ready` wants and two frames 60 ms apart
    /// are identical.
    fn settle(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            std::thread::sleep(Duration::from_millis(60));
            let now = self.screen();
            if now == last && ready(&now) {
                return now;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {what}; screen:\n{now}");
            }
            last = now;
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nz(rows), nz(cols));
        self.master.resize(size(cols, rows)).unwrap();
    }

    /// Wait for the shell (and so newstag) to finish; return all output.
    fn finish(&mut self) -> String {
        let start = Instant::now();
        while self.child.try_wait().unwrap().is_none() {
            if start.elapsed() > Duration::from_secs(20) {
                self.child.kill().ok();
                panic!("newstag did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        // Let the reader thread take the last bytes.
        std::thread::sleep(Duration::from_millis(200));
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// The terminal is back to normal: main screen, cursor shown, cooked mode.
    fn assert_restored(&self, output: &str) {
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

/// Open a corpus, move, open an article, resize to narrow and back, quit with q:
/// each screen shows what it should and the terminal is restored.
#[test]
fn browse_read_resize_quit() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let corpus = corpus.to_str().unwrap().to_string();
    let mut s = Session::start_in(home, &[&corpus], 100, 30, &[]);
    let first = s.settle("the list", |t| {
        t.contains("老街巷里的便民服务站") && t.contains("loaded 2 issues")
    });
    assert!(first.contains("古戏台修缮完工"), "{first}");
    assert!(first.contains("? help"), "{first}");

    // To the issue with the long article, open it (walking on while the
    // segmenter puts heading lines in articles of their own).
    s.send("]");
    s.send("\r");
    let mut reader = s.settle("the reader", |t| t.contains("古戏台修缮完工"));
    for _ in 0..4 {
        if reader.contains("初夏时节") {
            break;
        }
        s.send("hj\r");
        reader = s.settle("the next article", |t| t.contains("古戏台修缮完工"));
    }
    assert!(reader.contains("初夏时节"), "{reader}");

    // Narrow: only the reader is shown, re-wrapped.
    s.resize(44, 20);
    let narrow = s.settle("the narrow reader", |t| {
        t.contains("初夏时节") && !t.contains("湿地公园迎来候鸟季")
    });
    for line in narrow.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 44,
            "line wider than the terminal: {line}"
        );
    }
    // Back to the list, then wide again.
    s.send("h");
    s.settle("the narrow list", |t| t.contains("湿地公园迎来候鸟季"));
    s.resize(120, 35);
    s.settle("the wide screen", |t| {
        t.contains("Tags") && t.contains("初夏时节")
    });

    s.send("q");
    let out = s.finish();
    s.assert_restored(&out);
    assert!(out.contains("exit=0"), "{out}");
}

/// Ctrl-C quits and restores the terminal.
#[test]
fn ctrl_c_restores() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let mut s = Session::start_in(home, &[corpus.to_str().unwrap()], 80, 24, &[]);
    s.settle("the list", |t| t.contains("湿地公园"));
    s.send("\x03");
    let out = s.finish();
    s.assert_restored(&out);
}

/// Send `signal` to a running newstag; it must end with the terminal restored.
fn signal_restores(signal: &str) {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let mut s = Session::start_in(home, &[corpus.to_str().unwrap()], 80, 24, &[]);
    s.settle("the list", |t| t.contains("湿地公园"));
    // newstag is the only child of the wrapping shell.
    let sh = s.child.process_id().unwrap();
    let children = std::fs::read_to_string(format!("/proc/{sh}/task/{sh}/children")).unwrap();
    let pid = children.split_whitespace().next().expect("newstag's pid");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("kill -{signal} {pid}"))
        .status()
        .unwrap();
    assert!(status.success());
    let out = s.finish();
    s.assert_restored(&out);
}

/// SIGTERM ends newstag cleanly with the terminal restored.
#[test]
fn sigterm_restores() {
    signal_restores("TERM");
}

/// SIGHUP (the terminal window closed) ends newstag with the terminal restored.
#[test]
fn sighup_restores() {
    signal_restores("HUP");
}

/// A panic restores the terminal first, then its message is printed readably.
#[test]
fn panic_restores_then_prints() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let mut s = Session::start_in(
        home,
        &[corpus.to_str().unwrap()],
        80,
        24,
        &[("NEWSTAG_TEST_PANIC", "1")],
    );
    s.settle("the list", |t| t.contains("湿地公园"));
    s.send("!");
    let out = s.finish();
    s.assert_restored(&out);
    let leave = out.rfind("\x1b[?1049l").expect("alternate screen left");
    let message = out
        .find("panic requested by NEWSTAG_TEST_PANIC")
        .expect("message");
    assert!(
        message > leave,
        "panic message printed inside the alternate screen"
    );
}

/// The built-in sample opens with no PATH, unpacked into the data folder; a bad
/// config is named with its file and line in the status bar and defaults are used.
#[test]
fn builtin_sample_and_bad_config() {
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("config/newstag");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("config.toml"),
        "[ui]\naccent = \"cyan\"\nwheel_step = \"lots\"\n",
    )
    .unwrap();
    let data = home.path().join("data/newstag/sample");
    let mut s = Session::start_in(home, &[], 120, 30, &[]);
    let screen = s.settle("the sample", |t| {
        t.contains("issues") && t.contains("config.toml:3")
    });
    assert!(screen.contains("defaults used"), "{screen}");
    assert!(data.exists(), "sample not unpacked into {}", data.display());
    s.send("q");
    let out = s.finish();
    s.assert_restored(&out);
}

/// `--help` and `--version` print and exit without touching the terminal.
#[test]
fn help_and_version() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newstag"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("newstag "));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newstag"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"));
}

/// The real binary in a terminal: `/` and a pinyin query filter the list to the
/// article whose title has those characters, the hit count shows, the cursor
/// stays visible at the caret, Esc brings the whole list back, and a second start
/// reads the index cache.
#[test]
fn search_by_pinyin_finds_the_article() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_copy(home.path());
    let corpus = corpus.to_str().unwrap().to_string();
    let cache = home.path().join(".cache").join("newstag");
    let mut s = Session::start_in(home, &[&corpus], 100, 30, &[]);
    s.settle("the list", |t| {
        t.contains("老街巷里的便民服务站") && t.contains("loaded 2 issues")
    });
    s.send("/fwz");
    let found = s.settle("the pinyin hit", |t| {
        t.contains("/fwz") && t.contains("1 hit")
    });
    assert!(found.contains("老街巷里的便民服务站"), "{found}");
    assert!(!found.contains("湿地公园迎来候鸟季"), "filtered: {found}");
    assert!(
        !s.parser.lock().unwrap().screen().hide_cursor(),
        "cursor at the caret"
    );
    s.send("\x1b");
    s.settle("the whole list again", |t| {
        t.contains("湿地公园迎来候鸟季") && !t.contains("/fwz")
    });
    s.send("q");
    let out = s.finish();
    s.assert_restored(&out);
    assert!(
        std::fs::read_dir(&cache).map(|d| d.count()).unwrap_or(0) == 1,
        "the index cache was written under $HOME/.cache/newstag"
    );
}

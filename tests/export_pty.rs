//! End to end: the real binary in a pseudo-terminal; `e` then Enter exports the
//! corpus from the TUI, the dialog says where it wrote, and the file holds a row
//! per article.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ISSUE: &str = "老旧小区改造让居民住得更舒心

本报讯 记者李明报道：今年以来，城区启动老旧小区改造工程，社区网格员上门征求居民意见。

古建筑修缮保护工程启动

本报讯 文物部门近日启动古建筑修缮工程，对传统村落中的明清民居进行保护修复。

河道治理见成效

本报讯 今年全市推进河长制，黑臭水体治理取得明显成效，水质持续改善。
";

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(corpus: &Path, home: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
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
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(30).unwrap(),
            NonZeroU16::new(100).unwrap(),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().unwrap();
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
        let writer = pty.master.take_writer().unwrap();
        // Keep the master alive as long as the session.
        std::mem::forget(pty.master);
        Session {
            parser,
            writer,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Wait until the screen shows `text` (and has stopped changing).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let s = self.screen();
            if s.contains(text) && s == last {
                return s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {text:?}; screen:\n{s}");
            }
            last = s;
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Export from the TUI: `e`, Enter; the dialog names the file it wrote and the
/// number of rows, and the CSV on disk has one row per article.
#[test]
fn export_from_the_tui_writes_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("报纸");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("2024-03-01_2.txt"), ISSUE).unwrap();
    let mut s = Session::start(&corpus, tmp.path());
    s.wait_for("古建筑修缮保护工程启动");
    s.send(b"e");
    s.wait_for("Export");
    s.send(b"\r");
    let screen = s.wait_for("Wrote");
    let n_articles = newstag::corpus::Corpus::load(&corpus)
        .unwrap()
        .article_count();
    assert!(
        screen.contains(&format!("Wrote {n_articles} rows (csv) to")),
        "{screen}"
    );
    assert!(screen.contains("newstag-export.csv"), "{screen}");
    let out = corpus.join("newstag-export.csv");
    let text = std::fs::read_to_string(&out).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let titles: Vec<String> = r.records().map(|x| x.unwrap()[6].to_string()).collect();
    assert_eq!(titles.len(), n_articles);
    assert!(
        titles.iter().any(|t| t == "古建筑修缮保护工程启动"),
        "{titles:?}"
    );
    s.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(300));
    s.send(b"q");
    let start = Instant::now();
    loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            assert!(status.success());
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
}

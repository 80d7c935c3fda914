//! End to end: the real binary in a pseudo-terminal triages three articles and
//! the sidecars on disk say what was decided.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod suggest_fixture;

use newstag::corpus::Corpus;
use newstag::tags::{Source, sidecar};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Wait until `ready` holds for the screen and it stays the same for 60 ms.
fn settle(parser: &Arc<Mutex<vt100::Parser>>, what: &str, ready: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    let mut last = String::new();
    loop {
        std::thread::sleep(Duration::from_millis(60));
        let now = parser.lock().unwrap().screen().contents();
        if now == last && ready(&now) {
            return now;
        }
        if start.elapsed() > Duration::from_secs(60) {
            panic!("timed out waiting for {what}; screen:\n{now}");
        }
        last = now;
    }
}

/// `T`, then Enter (accept), `x` (no topic), `2` + Enter (heritage by hand): three
/// articles decided in triage, saved with how each tag was set.
#[test]
fn triage_three_articles_end_to_end() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    suggest_fixture::write_corpus(&corpus, 4);

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_newstag"));
    cmd.arg(corpus.to_str().unwrap());
    cmd.env("HOME", home.path());
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    cmd.env("XDG_DATA_HOME", home.path().join("data"));
    cmd.env("XDG_CACHE_HOME", home.path().join("cache"));
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(home.path());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(30).unwrap(),
        std::num::NonZeroU16::new(100).unwrap(),
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
    let mut writer = pair.master.take_writer().unwrap();
    let mut send = |keys: &str| {
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    };

    settle(&parser, "the list", |t| t.contains("社区议事会解决停车难"));
    // T says "still being computed" until scoring is done; then it opens triage.
    let start = Instant::now();
    let first = loop {
        send("T");
        std::thread::sleep(Duration::from_millis(300));
        let now = parser.lock().unwrap().screen().contents();
        if now.contains("Triage ·") {
            break settle(&parser, "triage", |t| t.contains("Triage ·"));
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no triage:\n{now}"
        );
    };
    assert!(first.contains("corpus 0/16 decided"), "{first}");
    assert!(first.contains("suggested"), "{first}");
    send("\r");
    settle(&parser, "second article", |t| {
        t.contains("corpus 1/16 decided")
    });
    send("x");
    settle(&parser, "third article", |t| {
        t.contains("corpus 2/16 decided")
    });
    send("2\r");
    let done = settle(&parser, "fourth article", |t| {
        t.contains("corpus 3/16 decided")
    });
    assert!(
        done.contains("13 left") || done.contains("12 left"),
        "{done}"
    );
    send("\x1b");
    settle(&parser, "the list", |t| !t.contains("Triage ·"));
    send("q");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "newstag did not exit"
        );
        std::thread::sleep(Duration::from_millis(30));
    }

    // Read the sidecars back.
    let loaded = Corpus::load(&corpus).unwrap();
    let mut marks: Vec<(String, Source)> = Vec::new();
    for issue in &loaded.issues {
        let path = sidecar::sidecar_path(&issue.path, &issue.rel, None);
        if let Some(file) = sidecar::read(&path).unwrap() {
            for r in &file.articles {
                marks.extend(r.tags.iter().map(|(t, m)| (t.clone(), m.by)));
            }
        }
    }
    marks.sort_by(|a, b| a.0.cmp(&b.0));
    let tagged_articles: usize = loaded
        .issues
        .iter()
        .filter_map(|i| sidecar::read(&sidecar::sidecar_path(&i.path, &i.rel, None)).unwrap())
        .map(|f| f.articles.len())
        .sum();
    assert_eq!(tagged_articles, 3, "{marks:?}");
    assert!(
        marks.contains(&("heritage".to_string(), Source::Hand)),
        "{marks:?}"
    );
    assert!(
        marks.contains(&(newstag::suggest::NO_TOPIC.to_string(), Source::Hand)),
        "{marks:?}"
    );
    assert!(
        marks.iter().any(|(_, by)| *by == Source::Suggestion),
        "{marks:?}"
    );
}

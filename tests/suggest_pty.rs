//! End to end: the real binary in a pseudo-terminal triages three articles and
//! the sidecars on disk say what was decided.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;
use crate::suggest_fixture;

use common::pty::Launch;
use newstag::corpus::Corpus;
use newstag::tags::{Source, sidecar};
use std::time::{Duration, Instant};

/// `T`, then Enter (accept), `x` (no topic), `2` + Enter (heritage by hand): three
/// articles decided in triage, saved with how each tag was set.
#[test]
fn triage_three_articles_end_to_end() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    suggest_fixture::write_corpus(&corpus, 4);

    let mut s = Launch::in_home(home.path()).arg(&corpus).start();

    s.settle("the list", |t| t.contains("社区议事会解决停车难"));
    // T says "still being computed" until scoring is done; then it opens triage.
    let start = Instant::now();
    let first = loop {
        s.send("T");
        std::thread::sleep(Duration::from_millis(300));
        let now = s.screen();
        if now.contains("Triage ·") {
            break s.settle("triage", |t| t.contains("Triage ·"));
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no triage:\n{now}"
        );
    };
    assert!(first.contains("corpus 0/16 decided"), "{first}");
    assert!(first.contains("suggested"), "{first}");
    s.send("\r");
    s.settle("second article", |t| t.contains("corpus 1/16 decided"));
    s.send("x");
    s.settle("third article", |t| t.contains("corpus 2/16 decided"));
    s.send("2\r");
    let done = s.settle("fourth article", |t| t.contains("corpus 3/16 decided"));
    assert!(
        done.contains("13 left") || done.contains("12 left"),
        "{done}"
    );
    s.send("\x1b");
    s.settle("the list", |t| !t.contains("Triage ·"));
    s.quit();

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

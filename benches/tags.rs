//! Tag store costs: saving one change (must be well under a 16 ms frame) on an
//! issue with 50 tagged articles, and the extra cost of reading 10,000 sidecars
//! when a 10,000-issue corpus opens (must be under 0.5 s).
//!
//! `cargo bench --bench tags`. The corpus benchmark uses /work/corpus10k (or
//! NEWSTAG_BENCH_CORPUS) read-only, with its sidecars in a temp `sidecar_dir`;
//! it is skipped with a message when the corpus is absent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use newstag::article::{Article, Issue};
use newstag::corpus::Corpus;
use newstag::tags::sidecar::{self, ArticleTags, Sidecar};
use newstag::tags::{Source, TagMark, TagSet, TagStore, Target};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn issue_with(root: &Path, n: usize) -> Issue {
    let path = root.join("2024-01-02_3.txt");
    std::fs::write(&path, "x").unwrap();
    Issue {
        path,
        rel: "2024-01-02_3.txt".into(),
        articles: (0..n)
            .map(|i| Article {
                id: format!("{i:012x}"),
                index: i,
                title: format!("第{i}篇 社区治理与文化遗产保护的新进展"),
                paragraphs: vec!["正文。".into()],
                ..Article::default()
            })
            .collect(),
        ..Issue::default()
    }
}

fn save_one_change(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Corpus {
        root: dir.path().to_path_buf(),
        issues: vec![issue_with(dir.path(), 60)],
        warnings: vec![],
    };
    let issue = &corpus.issues[0];
    let mut store = TagStore::open(&corpus, None);
    let targets: Vec<Target> = issue.articles[..50]
        .iter()
        .map(|article| Target { issue, article })
        .collect();
    store.set(&targets, "governance", true, Source::Hand);
    store.set(&targets[..25], "heritage", true, Source::Hand);
    assert_eq!(store.tagged_count(), 50);
    let one = [Target {
        issue,
        article: &issue.articles[55],
    }];
    let mut group = c.benchmark_group("tags");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    group.bench_function("save one toggle, 50 tagged articles", |b| {
        b.iter(|| {
            let o = store.toggle(&one, "environment", Source::Hand);
            assert!(o.ok());
        })
    });
    group.bench_function("undo+redo, 50 tagged articles", |b| {
        b.iter(|| {
            store.undo().unwrap();
            store.redo().unwrap();
        })
    });
    group.finish();
}

/// What a tag key costs the TUI: the toggle with its save, then drawing the frame.
fn tui_toggle_and_draw(c: &mut Criterion) {
    use newstag::ui::{Action, App};
    use ratatui::{Terminal, backend::TestBackend};
    let dir = tempfile::tempdir().unwrap();
    let mut config = newstag::config::Config::builtin();
    config.ui.confirm_bulk_over = 100;
    let mut app = App::with_issues(config, vec![issue_with(dir.path(), 60)], 120, 40);
    app.update(Action::MarkAll);
    app.update(Action::ToggleTag(0));
    app.update(Action::ClearMarks);
    assert_eq!(app.tagged_total(), 60);
    app.update(Action::MoveDown);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut group = c.benchmark_group("tags");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    group.bench_function("TUI: tag key (save) + draw, 60 tagged articles", |b| {
        b.iter(|| {
            app.update(Action::ToggleTag(2));
            term.draw(|f| newstag::ui::draw(&app, f)).unwrap();
        })
    });
    group.bench_function("TUI: draw only, 60 tagged articles", |b| {
        b.iter(|| {
            term.draw(|f| newstag::ui::draw(&app, f)).unwrap();
        })
    });
    group.finish();
}

/// The corpus to open: NEWSTAG_BENCH_CORPUS or /work/corpus10k.
fn big_corpus() -> Option<PathBuf> {
    let p = std::env::var_os("NEWSTAG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/corpus10k"));
    p.is_dir().then_some(p)
}

fn open_10k_sidecars(c: &mut Criterion) {
    let Some(root) = big_corpus() else {
        eprintln!("skipping the 10k-corpus benchmark: no /work/corpus10k");
        return;
    };
    let t = Instant::now();
    let corpus = Corpus::load(&root).unwrap();
    let load = t.elapsed();
    let side = tempfile::tempdir().unwrap();
    // One sidecar per issue, three tagged articles each (written directly).
    let mark = TagMark {
        at: "2026-11-23T02:40:00Z".into(),
        by: Source::Hand,
    };
    let mut written = 0;
    for issue in &corpus.issues {
        let articles: Vec<ArticleTags> = issue
            .articles
            .iter()
            .take(3)
            .map(|a| {
                let mut tags = TagSet::new();
                tags.insert("governance".into(), mark.clone());
                ArticleTags {
                    id: a.id.clone(),
                    title: a.display_title(),
                    tags,
                }
            })
            .collect();
        let path = sidecar::sidecar_path(&issue.path, &issue.rel, Some(side.path()));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let s = Sidecar {
            issue: issue.rel.clone(),
            articles,
        };
        std::fs::write(path, sidecar::render(&s)).unwrap();
        written += 1;
    }
    let store = TagStore::open(&corpus, Some(side.path()));
    assert!(store.problems(&[]).iter().all(|p| !matches!(
        p,
        newstag::tags::Problem::BadSidecar(_) | newstag::tags::Problem::Orphan { .. }
    )));
    eprintln!(
        "corpus: {} issues, {} articles, loaded in {:.2?}; {written} sidecars, {} tagged",
        corpus.issues.len(),
        corpus.article_count(),
        load,
        store.tagged_count()
    );
    let mut group = c.benchmark_group("tags");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("open 10k sidecars (extra cost of opening)", |b| {
        b.iter(|| TagStore::open(&corpus, Some(side.path())))
    });
    let empty = tempfile::tempdir().unwrap();
    group.bench_function("open 10k issues, no sidecars", |b| {
        b.iter(|| TagStore::open(&corpus, Some(empty.path())))
    });
    group.finish();
}

criterion_group!(
    benches,
    save_one_change,
    tui_toggle_and_draw,
    open_10k_sidecars
);
criterion_main!(benches);

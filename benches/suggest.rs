//! Suggestion costs: building the index of the built-in sample corpus, scoring
//! every article of it, retraining the classifier (after every tag change in the
//! TUI: must be well under a frame), and, once, building the index of the
//! 10,000-issue corpus as the TUI does in the background.
//!
//! `cargo bench --bench suggest`. The big corpus is /work/corpus10k (or
//! NEWSTAG_BENCH_CORPUS), read-only; skipped with a message when absent, or when
//! NEWSTAG_BENCH_SKIP_BIG is set.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use newstag::article::ArticleAt;
use newstag::article::Issue;
use newstag::config::Config;
use newstag::corpus::{Corpus, builtin, parse_issue};
use newstag::suggest::{Label, SuggestIndex, Suggester};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn sample() -> Vec<Issue> {
    builtin::sample_files()
        .into_iter()
        .map(|(rel, bytes)| parse_issue(Path::new(&rel), &rel, bytes).unwrap())
        .collect()
}

fn sample_costs(c: &mut Criterion) {
    let config = Config::builtin();
    let issues = sample();
    c.bench_function("index the sample corpus", |b| {
        b.iter(|| SuggestIndex::build(&issues, &config.tags, &|_, _| {}))
    });
    let index = SuggestIndex::build(&issues, &config.tags, &|_, _| {});
    let mut suggester = Suggester::new(index, 1);
    let positions: Vec<ArticleAt> = suggester.index.positions().collect();
    c.bench_function("score every sample article", |b| {
        b.iter(|| {
            positions
                .iter()
                .map(|&at| suggester.suggest(at).len())
                .sum::<usize>()
        })
    });
    let labels: Vec<Label> = positions
        .iter()
        .enumerate()
        .map(|(n, &at)| Label {
            at,
            tags: vec![n % 4].into_iter().filter(|&t| t < 3).collect(),
        })
        .collect();
    c.bench_function("retrain on every sample article", |b| {
        b.iter(|| suggester.learn(&labels))
    });
}

fn big_corpus(_c: &mut Criterion) {
    if std::env::var_os("NEWSTAG_BENCH_SKIP_BIG").is_some() {
        return;
    }
    let root = std::env::var_os("NEWSTAG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/corpus10k"));
    if !root.is_dir() {
        eprintln!("skipped: no corpus at {}", root.display());
        return;
    }
    let corpus = Corpus::load(&root).unwrap();
    let config = Config::builtin();
    let _ = newstag::words::jieba();
    let start = Instant::now();
    let index = SuggestIndex::build(&corpus.issues, &config.tags, &|_, _| {});
    let took = start.elapsed();
    eprintln!(
        "index of {} issues, {} articles: {:.1} s on {} threads",
        corpus.issues.len(),
        index.len(),
        took.as_secs_f64(),
        rayon::current_num_threads()
    );
}

criterion_group!(benches, sample_costs, big_corpus);
criterion_main!(benches);

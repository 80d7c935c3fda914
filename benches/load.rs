//! Load + segment throughput on the 10,000-issue synthetic corpus.
//!
//! `cargo bench --bench load` reads `NEWSTAG_BENCH_CORPUS` (default `/work/corpus10k`,
//! made by `../shared/tools/make-corpus /work/corpus10k --issues 10000`). Two loads of
//! the whole corpus, both parallel as the app does them, are measured apart:
//!
//! - `corpus/load_and_segment`, the **cold** load: every file read and cut into
//!   articles (`Corpus::load`, no cache). This is the figure issue 12's 300 MB/s is
//!   about, and the first start of a corpus never seen.
//! - `warm_cache/...`, the **warm** load: every issue's articles read back from the
//!   cache of the segmented corpus (`crate::cache`), nothing cut, as every later
//!   start does. `warm_cache/on_disk` is the call of the TUI's loader and of `stats`
//!   and `check` (`cache::load_corpus_on_disk`: heads read, bodies left in the
//!   cache); `warm_cache/read_bodies` that of `search` and the other commands that
//!   use every body (`cache::load_corpus`). The cache is made by a first load before
//!   they are timed, in a temporary folder (`NEWSTAG_CACHE_DIR`, set for the whole
//!   bench, so the cold load too never reads or writes the user's cache).
//!
//! Both count their throughput in bytes of the corpus's files. Besides them it
//! measures segmentation alone on one thread, and single files of growing size to
//! show time is linear in size.
//!
//! Each load after the first cuts every file once, with the habits the first load
//! learned (kept by the process, as the corpus cache keeps them between runs). The
//! first load of a corpus with no habits known first guesses them from a sample of
//! its pages (`corpus::habits::guess`, 1-2% of the time of the load here) and cuts again only
//! the files on which the guess was wrong (none on make-corpus output); criterion's
//! warm-up takes it.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newstag::corpus::Corpus;
use newstag::segment::segment_issue;
use std::path::PathBuf;
use std::time::Duration;

fn corpus_dir() -> PathBuf {
    std::env::var_os("NEWSTAG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/corpus10k"))
}

fn corpus_bytes(dir: &PathBuf) -> (u64, Vec<String>) {
    let mut total = 0;
    let mut texts = Vec::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        if let Ok(bytes) = std::fs::read(entry.path()) {
            total += bytes.len() as u64;
            if texts.len() < 2000 {
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    (total, texts)
}

fn load(c: &mut Criterion) {
    let dir = corpus_dir();
    if !dir.is_dir() {
        eprintln!(
            "skipped: {} is absent (make it with ../shared/tools/make-corpus)",
            dir.display()
        );
        return;
    }
    // Never the user's cache: the habits the cold load guesses and learns, and the
    // warm loads' shards, go to a folder removed when the bench ends.
    let Ok(cache) = tempfile::tempdir() else {
        eprintln!("skipped: no temporary folder for the cache");
        return;
    };
    // SAFETY: set before any other thread of the bench starts (criterion and
    // rayon's pool start later, from this thread).
    unsafe { std::env::set_var(newstag::cache::DIR_ENV, cache.path()) };
    let (bytes, texts) = corpus_bytes(&dir);
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("load_and_segment", |b| {
        // Freeing 100k articles is not loading them (the app keeps its corpus).
        b.iter_with_large_drop(|| {
            let corpus = Corpus::load(&dir).unwrap_or_default();
            assert!(corpus.article_count() > 0);
            corpus
        })
    });
    group.finish();

    // The warm loads: the first load through the cache cuts every issue and writes
    // the cache (its pack once finished); the second checks every issue is read
    // back from it, cutting none.
    let _ = newstag::cache::load_corpus_on_disk(&dir);
    let Some(shards) = newstag::cache::CorpusCache::open_for(&dir, newstag::cache::Bodies::OnDisk)
    else {
        eprintln!("skipped warm_cache: no cache of the corpus could be opened");
        return;
    };
    drop(newstag::corpus::Corpus::load_with(
        &dir,
        &|_, _| {},
        &|root, path| shards.load_issue(root, path),
    ));
    if shards.cut() > 0 {
        eprintln!("warm_cache: {} issues cut on a warm load", shards.cut());
    }
    drop(shards);
    let mut group = c.benchmark_group("warm_cache");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("on_disk", |b| {
        b.iter_with_large_drop(|| {
            let corpus = newstag::cache::load_corpus_on_disk(&dir).unwrap_or_default();
            assert!(corpus.article_count() > 0);
            corpus
        })
    });
    group.bench_function("read_bodies", |b| {
        b.iter_with_large_drop(|| {
            let corpus = newstag::cache::load_corpus(&dir).unwrap_or_default();
            assert!(corpus.article_count() > 0);
            corpus
        })
    });
    group.finish();

    let sample_bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let mut group = c.benchmark_group("segment_one_thread");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(sample_bytes));
    group.bench_function("2000_issues", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| segment_issue(t, "x").len())
                .sum::<usize>()
        })
    });
    group.finish();

    // Linearity: one issue repeated to 1, 4 and 16 MB.
    let unit: String = texts
        .iter()
        .take(20)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut group = c.benchmark_group("segment_by_size");
    group.sample_size(10);
    for mb in [1usize, 4, 16] {
        let reps = (mb << 20) / unit.len().max(1) + 1;
        let text = unit.repeat(reps);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &text,
            |b, t| b.iter(|| segment_issue(t, "x").len()),
        );
    }
    let line = "村里修了一条路，".repeat((5 << 20) / 24);
    group.throughput(Throughput::Bytes(line.len() as u64));
    group.bench_function("5MB_single_line", |b| {
        b.iter(|| segment_issue(&line, "x").len())
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);

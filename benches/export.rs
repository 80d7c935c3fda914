//! Export writers on the 10,000-issue synthetic corpus, without the load: CSV, JSONL
//! (with and without bodies) and the TOML dump written to a sink, plus stats.
//!
//! `cargo bench --bench export` reads `NEWSTAG_BENCH_CORPUS` (default
//! `/work/corpus10k`). Every fifth article gets a tag, every eleventh a second one,
//! so the tag columns and the dump have something to write.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newstag::corpus::Corpus;
use newstag::export::{ExportFormat, ExportOptions, ExportRecord, ExportTag, write_export};
use newstag::stats::compute;
use std::path::PathBuf;
use std::time::Duration;

fn corpus_dir() -> PathBuf {
    std::env::var_os("NEWSTAG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/corpus10k"))
}

/// A made-up tagging: a tag on every fifth article, another on every eleventh.
fn tags_for(n: usize) -> Vec<ExportTag> {
    let mut tags = Vec::new();
    if n.is_multiple_of(5) {
        tags.push(ExportTag {
            name: "governance".into(),
            by: "hand".into(),
            at: Some("2026-11-23T03:00:00Z".into()),
            coder: String::new(),
            codebook: 0,
        });
    }
    if n.is_multiple_of(11) {
        tags.push(ExportTag::named("heritage"));
    }
    tags
}

fn export(c: &mut Criterion) {
    let dir = corpus_dir();
    let Ok(corpus) = Corpus::load(&dir) else {
        eprintln!(
            "skipping: no corpus at {} (set NEWSTAG_BENCH_CORPUS)",
            dir.display()
        );
        return;
    };
    let rows: Vec<ExportRecord> = corpus
        .issues
        .iter()
        .flat_map(|issue| issue.articles.iter().map(move |article| (issue, article)))
        .enumerate()
        .map(|(n, (issue, article))| ExportRecord {
            issue,
            article,
            tags: tags_for(n),
            memos: Vec::new(),
        })
        .collect();
    let vocabulary = ["governance", "heritage", "environment"].map(String::from);
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(rows.len() as u64));
    let cases = [
        ("csv", ExportFormat::Csv, false),
        ("xlsx", ExportFormat::Xlsx, false),
        ("jsonl", ExportFormat::Jsonl, false),
        ("jsonl_with_body", ExportFormat::Jsonl, true),
        ("toml_dump", ExportFormat::Toml, false),
    ];
    for (name, format, with_body) in cases {
        let options = ExportOptions {
            format,
            with_body,
            excel: false,
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut sink = std::io::BufWriter::new(std::io::sink());
                write_export(&mut sink, &rows, &vocabulary, &[], options).ok()
            })
        });
    }
    let names: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.tags.iter().map(|t| t.name.clone()).collect())
        .collect();
    group.bench_function("stats", |b| {
        b.iter(|| {
            let k = std::sync::atomic::AtomicUsize::new(0);
            compute(&corpus, &vocabulary, &|_, _| {
                let i = k.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                names.get(i).cloned().unwrap_or_default()
            })
        })
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);

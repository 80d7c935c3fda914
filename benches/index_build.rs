//! The search index's build on a first start (issue 17): how much CPU time it
//! takes and how fast that is per MB of body text, and what the body postings
//! it makes hold by kind of key (unigrams, bigrams, pinyin four-grams: their
//! keys, their (key, document) entries, which building sorts and merges, and
//! the bytes of their lists), on a corpus (default /work/corpus10k-vary, or
//! NEWSTAG_BENCH_CORPUS; make one with `make-corpus OUT --issues 10000 --vary
//! 0.15`).
//!
//! `cargo bench --bench index_build`. The corpus is loaded once (its cache in
//! NEWSTAG_BENCH_CACHE, default $TMP/newstag-bench-cache, kept between runs),
//! then indexed NEWSTAG_BENCH_REPEAT times (default 3): medians of CPU time
//! (every thread; on a shared machine it varies less with the load than the
//! time on the clock) and of wall time; then built as the TUI does, in two
//! passes (searchable before the pinyin four-grams are made), the CPU time
//! of each. The whole first start, cache file
//! included, is benches/scale.sh's.

use newstag::corpus::Corpus;
use newstag::search::SearchIndex;
use newstag::search::index::{IndexBuilder, IssueInfo};
use std::sync::Arc;
use std::time::{Duration, Instant};

mod common;
use common::cpu_time;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let Some(root) = common::vary_corpus() else {
        return;
    };
    common::use_bench_cache();
    let repeat: usize = std::env::var("NEWSTAG_BENCH_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
        .max(1);

    let t = Instant::now();
    let Ok(corpus) = Corpus::load(&root) else {
        println!("cannot load {}", root.display());
        return;
    };
    let (mut bytes, mut chars) = (0usize, 0usize);
    for issue in &corpus.issues {
        for a in issue.articles.iter() {
            for p in a.paragraphs.read().iter() {
                bytes += p.len();
                chars += p.chars().count();
            }
        }
    }
    println!(
        "corpus {}: {} issues, {} articles, bodies {:.1} MB ({:.1} M characters); loaded in {:.1} s",
        root.display(),
        corpus.issues.len(),
        corpus.article_count(),
        bytes as f64 / 1e6,
        chars as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    let (mut cpus, mut walls) = (Vec::new(), Vec::new());
    let mut census = Vec::new();
    for _ in 0..repeat {
        let (t, c) = (Instant::now(), cpu_time());
        let index = SearchIndex::build(&corpus);
        cpus.push(cpu_time().saturating_sub(c));
        walls.push(t.elapsed());
        census = index.postings_census();
    }
    // As the TUI builds it: searchable before the pinyin four-grams, which
    // are made after (a second pass over the bodies).
    let (mut firsts, mut seconds, mut first_walls) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..repeat {
        let (t, c) = (Instant::now(), cpu_time());
        let mut builder = IndexBuilder::fourgrams_later();
        let mut batch = Vec::new();
        for (i, issue) in corpus.issues.iter().enumerate() {
            builder.add_issue(IssueInfo::of(issue));
            for k in 0..issue.articles.len() {
                batch.push((i as u32, k as u32, Arc::clone(&issue.articles)));
            }
            if batch.len() >= 2048 {
                builder.add_articles(&batch);
                batch.clear();
            }
        }
        builder.add_articles(&batch);
        let mut built = builder.finish_apart();
        let searchable = built.to_searchable();
        let first = cpu_time().saturating_sub(c);
        first_walls.push(t.elapsed());
        drop(searchable);
        let c = cpu_time();
        let whole = built.with_fourgrams();
        seconds.push(cpu_time().saturating_sub(c));
        firsts.push(first);
        drop(whole);
    }
    let (cpu, wall) = (median(cpus), median(walls));
    let mb = bytes as f64 / 1e6;
    println!(
        "index build in two passes (the TUI's), median of {repeat}: searchable after {:.2} CPU-s ({:.2} s wall), the pinyin four-grams {:.2} CPU-s more",
        median(firsts).as_secs_f64(),
        median(first_walls).as_secs_f64(),
        median(seconds).as_secs_f64(),
    );
    println!(
        "index build, median of {repeat}: {:.2} CPU-s ({:.1} MB of bodies per CPU-s), {:.2} s wall ({:.1} MB/s)",
        cpu.as_secs_f64(),
        mb / cpu.as_secs_f64().max(1e-9),
        wall.as_secs_f64(),
        mb / wall.as_secs_f64().max(1e-9),
    );
    println!(
        "{:<18} {:>10} {:>13} {:>11} {:>12}",
        "body postings", "keys", "entries", "per char", "list MB"
    );
    for k in &census {
        println!(
            "{:<18} {:>10} {:>13} {:>11.2} {:>12.1}",
            k.kind,
            k.keys,
            k.entries,
            k.entries as f64 / chars.max(1) as f64,
            k.bytes as f64 / 1e6
        );
    }
}

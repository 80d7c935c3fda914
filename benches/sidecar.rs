//! Reading one huge sidecar (issue 11, item 18): time and peak heap of the plain
//! parser (one TOML tree of the whole file, how newstag read sidecars before)
//! against newstag's chunked reading, from text in memory and from the file
//! (where the text is never held whole). Run on demand:
//! `cargo bench --bench sidecar` (NEWSTAG_BENCH_QUICK=1: a tenth of the size).
//! Peak heap is measured by a counting allocator around each call; it includes
//! the returned tags, and for the in-memory cases not the text itself.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::tags::sidecar::{self, ArticleTags, Sidecar};
use newstag::tags::{Source, TagMark};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

struct Counting;

/// One way of reading the sidecar.
type Reader<'a> = Box<dyn FnMut() -> Sidecar + 'a>;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// A sidecar of `n` tagged articles, three tags each (about 330 bytes an
/// article: 60 MB for 190,000), as in `benches/tags.rs`.
fn big_sidecar(n: usize) -> Sidecar {
    let names = ["governance", "heritage", "environment", "交通 出行", "民生"];
    Sidecar {
        issue: "2024-01-02_3.txt".into(),
        articles: (0..n)
            .map(|i| ArticleTags {
                memo: None,
                id: format!("{i:012x}"),
                title: format!("第{i}篇 老旧小区改造让居民住得更舒心 社区治理见实效"),
                tags: (0..3)
                    .map(|k| {
                        let by = [Source::Hand, Source::Suggestion, Source::Import][k];
                        let mark = TagMark {
                            at: format!("2026-11-{:02}T02:40:{:02}Z", 1 + i % 28, k),
                            by,
                            coder: String::new(),
                            codebook: 0,
                        };
                        (names[(i + k) % names.len()].to_string(), mark)
                    })
                    .collect(),
            })
            .collect(),
        corrections: Vec::new(),
    }
}

/// Median time and the largest peak heap (above what was allocated before) of
/// `runs` calls of `f`.
fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..runs {
        let base = NOW.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let t = Instant::now();
        let out = f();
        times.push(t.elapsed());
        peak = peak.max(PEAK.load(Ordering::Relaxed) - base);
        drop(out);
    }
    times.sort();
    (times[times.len() / 2], peak)
}

fn main() {
    let quick = std::env::var_os("NEWSTAG_BENCH_QUICK").is_some();
    let n = if quick { 19_000 } else { 190_000 };
    let text = sidecar::render(&big_sidecar(n));
    let size = text.len();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-sidecar");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("2024-01-02_3.tags.toml");
    std::fs::write(&file, &text).unwrap();
    std::fs::write(
        dir.join("2024-01-02_3.txt"),
        "古城墙修缮工程完工\n\n本报讯 工程日前完工。\n",
    )
    .unwrap();
    let mb = |b: usize| b as f64 / 1e6;
    println!(
        "sidecar of {n} articles, {:.1} MB (also in {})",
        mb(size),
        dir.display()
    );
    let runs = 5;
    let path = Path::new("big.tags.toml");
    let cases: [(&str, Reader); 3] = [
        (
            "plain: one TOML tree (before)",
            Box::new(|| sidecar::parse_whole(&text, path).unwrap()),
        ),
        (
            "chunked, text in memory",
            Box::new(|| sidecar::parse(&text, path).unwrap()),
        ),
        (
            "chunked, from the file (sidecar::read)",
            Box::new(|| sidecar::read(&file).unwrap().unwrap()),
        ),
    ];
    println!(
        "{:<42} {:>10} {:>12} {:>10}",
        "case", "median", "peak heap", "x file"
    );
    for (name, mut f) in cases {
        let (time, peak) = measure(runs, &mut f);
        println!(
            "{name:<42} {:>8.2} s {:>9.0} MB {:>9.2}x",
            time.as_secs_f64(),
            mb(peak),
            peak as f64 / size as f64
        );
    }
}

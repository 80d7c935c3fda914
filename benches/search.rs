//! Per-keystroke search latency, index build and cache times, and memory, on a
//! large corpus (default /work/corpus10k, or NEWSTAG_BENCH_CORPUS). Reports median
//! and p99 per query class, for titles only (`title:`) and for everything
//! (titles, fields, pinyin and the body word index), typing each query one
//! character at a time as the search line does (narrowing included).
//!
//! `cargo bench --bench search`. With NEWSTAG_BENCH_TITLES=FILE it also writes the
//! display titles, one a line, for comparing with `fzf --filter`.

use newstag::corpus::Corpus;
use newstag::corpus::cache;
use newstag::search::{SearchIndex, Searcher};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

const REPEAT: usize = 8;

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(name: &str, mut samples: Vec<Duration>) {
    if samples.is_empty() {
        return;
    }
    samples.sort();
    let median = samples[samples.len() / 2];
    let p99 = samples[((samples.len() * 99).div_ceil(100)).saturating_sub(1)];
    println!(
        "{name:<34} median {:>7.2} ms   p99 {:>7.2} ms   ({} keystrokes)",
        ms(median),
        ms(p99),
        samples.len()
    );
}

/// Type each query a character at a time; keep the time of keystrokes whose
/// query has `keep(len)` characters (after the prefix).
fn typing(
    index: &Arc<SearchIndex>,
    prefix: &str,
    queries: &[&str],
    keep: impl Fn(usize, usize) -> bool,
) -> (Vec<Duration>, usize) {
    let mut samples = Vec::new();
    let mut hits = 0;
    for _ in 0..REPEAT {
        for q in queries {
            let mut s = Searcher::new(index.clone(), None);
            let chars: Vec<char> = q.chars().collect();
            for k in 1..=chars.len() {
                let typed: String = prefix.chars().chain(chars[..k].iter().copied()).collect();
                let t = Instant::now();
                let r = s.search(&typed);
                let d = t.elapsed();
                if keep(k, chars.len()) {
                    samples.push(d);
                    hits += r.map(|h| h.len()).unwrap_or(0);
                }
            }
        }
    }
    (samples, hits / REPEAT.max(1))
}

fn main() {
    let root = std::env::var_os("NEWSTAG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/corpus10k"));
    if !root.exists() {
        println!("skipped: no corpus at {}", root.display());
        return;
    }
    let on_disk: u64 = cache::stamps(&root).iter().map(|s| s.size).sum();
    let t = Instant::now();
    let files = cache::stamps(&root);
    let stamps_time = t.elapsed();
    let t = Instant::now();
    let Ok(corpus) = Corpus::load(&root) else {
        println!("cannot load {}", root.display());
        return;
    };
    let load_time = t.elapsed();
    let rss_corpus = status_kb("VmRSS:");
    let t = Instant::now();
    let index = SearchIndex::build(&corpus);
    let build_time = t.elapsed();
    let rss_indexed = status_kb("VmRSS:");
    let peak = status_kb("VmHWM:");
    println!(
        "corpus: {} issues, {} articles, {:.1} MB on disk, {} body words",
        corpus.issues.len(),
        corpus.article_count(),
        on_disk as f64 / 1e6,
        index.vocabulary()
    );
    println!(
        "stamp files {:.0} ms, load+segment {:.1} s, build index {:.1} s (jieba on all bodies)",
        ms(stamps_time),
        load_time.as_secs_f64(),
        build_time.as_secs_f64()
    );
    println!(
        "memory: corpus loaded {:.0} MB, + index {:.0} MB (index {:.0} MB), peak {:.0} MB; \
         {:.2}x the corpus on disk",
        rss_corpus as f64 / 1024.0,
        rss_indexed as f64 / 1024.0,
        (rss_indexed.saturating_sub(rss_corpus)) as f64 / 1024.0,
        peak as f64 / 1024.0,
        rss_indexed as f64 * 1024.0 / on_disk as f64
    );

    // Cache round trip, in a private cache folder.
    let dir = tempfile::tempdir().ok();
    if let Some(d) = &dir {
        // SAFETY: no other thread reads the environment while this runs.
        unsafe { std::env::set_var("XDG_CACHE_HOME", d.path()) };
        let t = Instant::now();
        let saved = cache::save(&root, &files, &index);
        let save_time = t.elapsed();
        let size = cache::cache_path(&root)
            .and_then(|p| std::fs::metadata(p).ok())
            .map_or(0, |m| m.len());
        let t = Instant::now();
        let fresh = cache::stamps(&root);
        let loaded = cache::load(&root, &fresh);
        let load_cache = t.elapsed();
        println!(
            "cache: saved {saved} ({:.1} MB) in {:.0} ms; stamps + load + verify {:.0} ms (hit: {})",
            size as f64 / 1e6,
            ms(save_time),
            ms(load_cache),
            loaded.as_ref() == Some(&index)
        );
    }

    if let Some(path) = std::env::var_os("NEWSTAG_BENCH_TITLES") {
        let mut text = String::new();
        for i in &corpus.issues {
            for a in &i.articles {
                text.push_str(&a.display_title().replace('\n', " "));
                text.push('\n');
            }
        }
        let _ = std::fs::write(&path, text);
    }
    drop(corpus);

    let index = Arc::new(index);
    let one = ["社", "区", "文", "水", "山", "经", "党", "学", "村", "路"];
    let two = [
        "社区", "文化", "垃圾", "教育", "经济", "乡村", "医疗", "交通", "环境", "旅游",
    ];
    let four = [
        "社区治理",
        "垃圾分类",
        "文化遗产",
        "乡村振兴",
        "生态环境",
        "基层治理",
        "营商环境",
        "科技创新",
    ];
    let pinyin = ["sqzl", "shequ", "wenhua", "xczx", "ljfl", "jicengzhili"];
    let miss = ["龘靐", "vvvv", "qxvqxv"];
    for (scope, prefix) in [("titles", "title:"), ("all (bodies too)", "")] {
        println!("-- {scope}");
        let (s, h) = typing(&index, prefix, &one, |k, _| k == 1);
        report(
            &format!("1 Chinese char (~{} hits/query)", h / one.len()),
            s,
        );
        let (s, h) = typing(&index, prefix, &two, |k, _| k == 2);
        report(&format!("2 Chinese chars (~{} hits)", h / two.len()), s);
        let (s, h) = typing(&index, prefix, &four, |k, _| k == 4);
        report(&format!("4 Chinese chars (~{} hits)", h / four.len()), s);
        let (s, h) = typing(&index, prefix, &pinyin, |_, _| true);
        report(
            &format!("pinyin, every key (~{} hits)", h / pinyin.len()),
            s,
        );
        let (s, _) = typing(&index, prefix, &miss, |_, _| true);
        report("miss, every key", s);
    }
    println!("-- without narrowing (each query searched afresh)");
    for (name, qs) in [
        ("2 Chinese chars", &two[..]),
        ("4 Chinese chars", &four[..]),
    ] {
        let mut samples = Vec::new();
        for _ in 0..REPEAT {
            for q in qs {
                let mut s = Searcher::new(index.clone(), None);
                let t = Instant::now();
                let _ = s.search(q);
                samples.push(t.elapsed());
            }
        }
        report(name, samples);
    }
}

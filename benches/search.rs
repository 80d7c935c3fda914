//! Per-keystroke search latency, search-ready time, cache times and memory on a
//! large corpus (default /work/corpus10k-vary, or NEWSTAG_BENCH_CORPUS; make one
//! with `make-corpus OUT --issues 10000 --vary 0.15`). Reports median and p99 per
//! query class, for titles only (`title:`) and for everything (titles, fields,
//! pinyin and bodies), typing each query one character at a time as the search
//! line does (narrowing included).
//!
//! `cargo bench --bench search`. It loads the corpus and builds the index as a
//! first start does (search ready = load + index), writes and reads back the
//! cache (NEWSTAG_BENCH_CACHE, default $TMP/newstag-bench-cache) as a warm start
//! does, then types on the index just built. With NEWSTAG_BENCH_TITLES=FILE it
//! also writes the display titles, one a line, for comparing with `fzf
//! --filter`. NEWSTAG_BENCH_ONLY=pinyin,miss (any of 1, 2, 4, pinyin, miss,
//! afresh, latin, reindex) keeps the run short; NEWSTAG_BENCH_KEYS=1 prints each
//! keystroke's median and hits; NEWSTAG_BENCH_REPEAT=N types each query N
//! times (default 8); NEWSTAG_BENCH_PINYIN=a,b replaces the pinyin queries and
//! NEWSTAG_BENCH_PINYIN_KEYS=every keeps only their every-key row;
//! NEWSTAG_BENCH_SCOPE=titles (or all) measures one scope; NEWSTAG_BENCH_HEADS=read
//! leaves the heads' first characters unmade (one-character searches read the
//! heads, as a single `newstag search` does); NEWSTAG_BENCH_WARM=1
//! types on the cached index without loading or building (a valid cache from an
//! earlier run). Whole-process `newstag search` figures:
//! benches/search_cli.sh.

use newstag::corpus::Corpus;
use newstag::search::cache;
use newstag::search::{SearchIndex, Searcher};
use std::sync::Arc;
use std::time::{Duration, Instant};

mod common;
use common::cpu_time;

/// Times each query is typed (NEWSTAG_BENCH_REPEAT, default 8).
fn repeat() -> usize {
    std::env::var("NEWSTAG_BENCH_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8)
}

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

/// Per keystroke: the time it took, and the CPU time of all threads.
type Samples = Vec<(Duration, Duration)>;

fn report(name: &str, samples: Samples) {
    if samples.is_empty() {
        return;
    }
    let (mut wall, mut cpu): (Vec<Duration>, Vec<Duration>) = samples.into_iter().unzip();
    wall.sort();
    cpu.sort();
    let p99 = |v: &[Duration]| v[((v.len() * 99).div_ceil(100)).saturating_sub(1)];
    println!(
        "{name:<34} median {:>7.2} ms   p99 {:>7.2} ms   ({} keystrokes; CPU median {:.2} ms, p99 {:.2} ms)",
        ms(wall[wall.len() / 2]),
        ms(p99(&wall)),
        wall.len(),
        ms(cpu[cpu.len() / 2]),
        ms(p99(&cpu)),
    );
}

/// Type each query a character at a time; keep the time of keystrokes whose
/// query has `keep(len)` characters (after the prefix).
fn typing(
    index: &Arc<SearchIndex>,
    prefix: &str,
    queries: &[&str],
    keep: impl Fn(usize, usize) -> bool,
) -> (Samples, usize) {
    let mut samples = Vec::new();
    let mut hits = 0;
    // NEWSTAG_BENCH_KEYS=1: each keystroke's median and hits, for finding the slow ones.
    let mut per_key: Vec<(String, usize, Samples)> = Vec::new();
    for _ in 0..repeat() {
        for q in queries {
            let mut s = Searcher::new(index.clone(), None);
            let chars: Vec<char> = q.chars().collect();
            for k in 1..=chars.len() {
                let typed: String = prefix.chars().chain(chars[..k].iter().copied()).collect();
                let (t, c) = (Instant::now(), cpu_time());
                let r = s.search(&typed);
                let (d, used) = (t.elapsed(), cpu_time().saturating_sub(c));
                if keep(k, chars.len()) {
                    samples.push((d, used));
                    let n = r.map(|h| h.len()).unwrap_or(0);
                    hits += n;
                    match per_key.iter_mut().find(|(q, _, _)| *q == typed) {
                        Some((_, _, took)) => took.push((d, used)),
                        None => per_key.push((typed, n, vec![(d, used)])),
                    }
                }
            }
        }
    }
    if std::env::var_os("NEWSTAG_BENCH_KEYS").is_some() {
        for (q, n, took) in per_key {
            let (mut wall, mut cpu): (Vec<Duration>, Vec<Duration>) = took.into_iter().unzip();
            wall.sort();
            cpu.sort();
            println!(
                "    {q:<24} {:>8.2} ms  {n:>6} hits  (CPU {:.2} ms)",
                ms(wall[wall.len() / 2]),
                ms(cpu[cpu.len() / 2])
            );
        }
    }
    (samples, hits / repeat().max(1))
}

/// True when the query class `name` is to be measured (NEWSTAG_BENCH_ONLY).
fn wanted(name: &str) -> bool {
    match std::env::var("NEWSTAG_BENCH_ONLY") {
        Ok(list) => list.split(',').any(|w| w.trim() == name),
        Err(_) => true,
    }
}

fn main() {
    let Some(root) = common::vary_corpus() else {
        return;
    };
    common::use_bench_cache();

    let files = cache::stamps(&root);
    let on_disk: u64 = files.iter().map(|s| s.file.size).sum();
    // NEWSTAG_BENCH_WARM=1: type on the cached index only (no load, no build,
    // no re-indexing), when the cache is valid: for quick runs while tuning.
    if std::env::var_os("NEWSTAG_BENCH_WARM").is_some() {
        let t = Instant::now();
        if let Some(index) = cache::load(&root, &files) {
            println!(
                "typing on the index read from the cache ({:.0} ms; no load, no build)",
                ms(t.elapsed())
            );
            return typing_rows(index);
        }
        println!("no valid cache: loading and building");
    }
    let rss_start = status_kb("VmRSS:");
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
    let rss_index = status_kb("VmRSS:");
    println!(
        "corpus: {} issues, {} articles, {:.1} MB on disk; {} body unigrams and bigrams",
        corpus.issues.len(),
        corpus.article_count(),
        on_disk as f64 / 1e6,
        index.vocabulary(),
    );
    println!(
        "first start: load+segment {:.2} s, index {:.2} s: search ready {:.2} s",
        load_time.as_secs_f64(),
        build_time.as_secs_f64(),
        (load_time + build_time).as_secs_f64()
    );
    let t = Instant::now();
    let saved = cache::save(&root, &files, &index);
    let save_time = t.elapsed();
    let cache_size = cache::cache_path(&root)
        .and_then(|p| std::fs::metadata(p).ok())
        .map_or(0, |m| m.len());
    let t = Instant::now();
    let cached = cache::load(&root, &files);
    let read_time = t.elapsed();
    println!(
        "cache: written {saved} in {:.0} ms, {:.1} MB; read+check {:.0} ms ({})",
        ms(save_time),
        cache_size as f64 / 1e6,
        ms(read_time),
        if cached.as_ref() == Some(&index) {
            "equal to the index built"
        } else {
            "DIFFERS from the index built"
        }
    );
    // A correction's index update: one issue's documents replaced (the TUI's
    // path since a correction stopped re-indexing the whole corpus).
    let at = corpus.issues.len() / 2;
    let reindex: &[(&str, Option<&SearchIndex>)] = if wanted("reindex") {
        &[
            ("built", Some(&index)),
            ("read from the cache", cached.as_ref()),
        ]
    } else {
        &[]
    };
    for &(what, idx) in reindex {
        let Some(idx) = idx else { continue };
        let mut took = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            let updated = idx.with_issue_replaced(at, &corpus.issues[at]);
            took.push(t.elapsed());
            assert!(updated.as_ref() == Some(idx), "an issue replaced by itself");
        }
        took.sort();
        println!(
            "one issue re-indexed (index {what}): median {:.0} ms of 3",
            ms(took[1])
        );
    }
    // Typing is measured on the index a later start reads from the cache (bodies
    // folded already), as the TUI searches on every start but the first; the
    // first start's index shares the corpus's bodies and folds them on the way.
    let index = match cached {
        Some(cached) => {
            drop(index);
            println!("typing on the index read from the cache");
            cached
        }
        None => {
            println!("typing on the index just built (no cache)");
            index
        }
    };
    println!(
        "memory: corpus {:.0} MB, index {:.0} MB, process {:.0} MB (peak {:.0} MB) = {:.2}x the corpus on disk",
        rss_corpus.saturating_sub(rss_start) as f64 / 1024.0,
        rss_index.saturating_sub(rss_corpus) as f64 / 1024.0,
        status_kb("VmRSS:") as f64 / 1024.0,
        status_kb("VmHWM:") as f64 / 1024.0,
        status_kb("VmHWM:") as f64 * 1024.0 / on_disk as f64
    );

    if let Some(path) = std::env::var_os("NEWSTAG_BENCH_TITLES") {
        let mut text = String::new();
        for i in &corpus.issues {
            for a in i.articles.iter() {
                text.push_str(&a.display_title().replace('\n', " "));
                text.push('\n');
            }
        }
        let _ = std::fs::write(&path, text);
    }
    // The corpus stays loaded, as in the TUI: dropping it here made the first
    // sizeable search pay 25-35 ms once (the allocator tidying the freed corpus
    // on the search threads' first allocations), which the TUI never sees.
    let _corpus = corpus;
    typing_rows(index);
}

/// Warm the index, then type every query class on it.
fn typing_rows(index: SearchIndex) {
    let t = Instant::now();
    // NEWSTAG_BENCH_HEADS=read: without the heads' first characters (a
    // one-character search reads the heads, as before they were made).
    let read_heads = std::env::var("NEWSTAG_BENCH_HEADS").is_ok_and(|v| v == "read");
    if read_heads {
        index.warm_but_head_starts();
    } else {
        index.warm();
    }
    println!(
        "warm (pinyin glyphs of titles and body characters, ASCII masks, title starts{}): {:.0} ms; \
         process now {:.0} MB (peak {:.0} MB)",
        if read_heads { "" } else { ", head starts" },
        ms(t.elapsed()),
        status_kb("VmRSS:") as f64 / 1024.0,
        status_kb("VmHWM:") as f64 / 1024.0
    );
    let parts = index.memory_report();
    let total: usize = parts.iter().map(|p| p.1).sum();
    println!(
        "index parts (MB): {} = {:.1}",
        parts
            .iter()
            .map(|(name, b)| format!("{name} {:.1}", *b as f64 / 1e6))
            .collect::<Vec<_>>()
            .join(", "),
        total as f64 / 1e6
    );
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
    let pinyin_default = ["sqzl", "shequ", "wenhua", "xczx", "ljfl", "jicengzhili"];
    // NEWSTAG_BENCH_PINYIN=sqzl,ljfl: other pinyin queries (for profiling one).
    let pinyin_env = std::env::var("NEWSTAG_BENCH_PINYIN").unwrap_or_default();
    let pinyin: Vec<&str> = match pinyin_env
        .split(',')
        .filter(|q| !q.is_empty())
        .collect::<Vec<_>>()
    {
        v if v.is_empty() => pinyin_default.to_vec(),
        v => v,
    };
    let miss = ["龘靐", "vvvv", "qxvqxv"];
    let latin = ["GDP", "5G", "ABC", "COVID-19"];
    // NEWSTAG_BENCH_SCOPE=titles (or all): one of the two scopes only.
    let scope_env = std::env::var("NEWSTAG_BENCH_SCOPE").unwrap_or_default();
    for (scope, prefix) in [("titles", "title:"), ("all (bodies too)", "")] {
        if !scope_env.is_empty() && !scope.starts_with(scope_env.as_str()) {
            continue;
        }
        println!("-- {scope}");
        if wanted("1") {
            let (s, h) = typing(&index, prefix, &one, |k, _| k == 1);
            report(
                &format!("1 Chinese char (~{} hits/query)", h / one.len()),
                s,
            );
        }
        if wanted("2") {
            let (s, h) = typing(&index, prefix, &two, |k, _| k == 2);
            report(&format!("2 Chinese chars (~{} hits)", h / two.len()), s);
        }
        if wanted("4") {
            let (s, h) = typing(&index, prefix, &four, |k, _| k == 4);
            report(&format!("4 Chinese chars (~{} hits)", h / four.len()), s);
        }
        if wanted("pinyin") {
            let (s, h) = typing(&index, prefix, &pinyin, |_, _| true);
            report(
                &format!("pinyin, every key (~{} hits)", h / pinyin.len()),
                s,
            );
            // NEWSTAG_BENCH_PINYIN_KEYS=every: skip the 1- and 2-letter rows.
            let only_every = std::env::var("NEWSTAG_BENCH_PINYIN_KEYS").is_ok_and(|v| v == "every");
            for keys in [1, 2].into_iter().filter(|_| !only_every) {
                let (s, h) = typing(&index, prefix, &pinyin, |k, _| k == keys);
                report(
                    &format!("pinyin, {keys} letter(s) (~{} hits)", h / pinyin.len()),
                    s,
                );
            }
        }
        if wanted("latin") {
            let (s, h) = typing(&index, prefix, &latin, |_, _| true);
            report(
                &format!("Latin word, every key (~{} hits)", h / latin.len()),
                s,
            );
        }
        if wanted("miss") {
            let (s, _) = typing(&index, prefix, &miss, |_, _| true);
            report("miss, every key", s);
        }
    }
    if !wanted("afresh") {
        return;
    }
    println!("-- without narrowing (each query searched afresh)");
    for (name, qs) in [
        ("2 Chinese chars", &two[..]),
        ("4 Chinese chars", &four[..]),
    ] {
        let mut samples = Vec::new();
        for _ in 0..repeat() {
            for q in qs {
                let mut s = Searcher::new(index.clone(), None);
                let (t, c) = (Instant::now(), cpu_time());
                let _ = s.search(q);
                samples.push((t.elapsed(), cpu_time().saturating_sub(c)));
            }
        }
        report(name, samples);
    }
}

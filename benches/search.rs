//! Per-keystroke search latency, index build and cache times, and memory, on a
//! large corpus (default /work/corpus10k, or NEWSTAG_BENCH_CORPUS). Reports median
//! and p99 per query class, for titles only (`title:`) and for everything
//! (titles, fields, pinyin and the body word index), typing each query one
//! character at a time as the search line does (narrowing included).
//!
//! `cargo bench --bench search`. The first run indexes the corpus and writes a
//! cache (NEWSTAG_BENCH_CACHE, default $TMP/newstag-bench-cache), then measures in
//! a fresh process that reads it, as `newstag` does on every later start. With
//! NEWSTAG_BENCH_TITLES=FILE it also writes the display titles, one a line, for
//! comparing with `fzf --filter`. NEWSTAG_BENCH_ONLY=pinyin,miss (any of 1, 2, 4,
//! pinyin, miss, afresh) keeps the run short.
//!
//! The cache is tied to the program that wrote it, so every rebuild of the bench
//! would re-index (jieba on every body, about a minute); the bench also keeps its
//! own copy of the index, tied only to the corpus files, and rewrites the real
//! cache from it when the program changed.

use newstag::corpus::Corpus;
use newstag::search::cache;
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

/// True when the query class `name` is to be measured (NEWSTAG_BENCH_ONLY).
fn wanted(name: &str) -> bool {
    match std::env::var("NEWSTAG_BENCH_ONLY") {
        Ok(list) => list.split(',').any(|w| w.trim() == name),
        Err(_) => true,
    }
}

/// The bench's own copy of the index (see the module doc).
fn snapshot_path(cache_home: &std::path::Path, root: &std::path::Path) -> PathBuf {
    let h = xxhash_rust::xxh3::xxh3_64(root.to_string_lossy().as_bytes());
    cache_home.join(format!("bench-index-{h:016x}.bin"))
}

fn read_snapshot(path: &std::path::Path, files: &[cache::FileStamp]) -> Option<SearchIndex> {
    let bytes = std::fs::read(path).ok()?;
    let (stamps, index): (Vec<cache::FileStamp>, SearchIndex) =
        postcard::from_bytes(&bytes).ok()?;
    (stamps == files && index.is_consistent()).then_some(index)
}

fn write_snapshot(path: &std::path::Path, files: &[cache::FileStamp], index: &SearchIndex) {
    if let Ok(bytes) = postcard::to_stdvec(&(files, index)) {
        let _ = std::fs::write(path, bytes);
    }
}

/// Pinyin in bodies scans the vocabulary on every keystroke; the synthetic corpus
/// has a few thousand distinct words, real archives far more. Time the body
/// pinyin lookup alone on made-up vocabularies of growing size: words of two to
/// four characters drawn from the corpus titles, each in a few documents.
fn vocabulary_scale(index: &SearchIndex) {
    use newstag::search::body::WordIndexBuilder;
    use newstag::search::pinyin::{GlyphTexts, Glyphs, PinyinQuery};
    let mut chars: Vec<char> = (0..index.len() as u32)
        .flat_map(|d| index.title(d).chars().collect::<Vec<_>>())
        .filter(|c| newstag::text::is_han(*c))
        .collect();
    chars.sort_unstable();
    chars.dedup();
    if chars.is_empty() {
        return;
    }
    let n_docs = index.len();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    println!(
        "-- body pinyin lookup alone, made-up vocabularies ({} title characters)",
        chars.len()
    );
    for size in [10_000usize, 100_000, 300_000] {
        let words: Vec<String> = (0..size)
            .map(|_| {
                let len = 2 + (next() % 3) as usize;
                (0..len)
                    .map(|_| chars[(next() % chars.len() as u64) as usize])
                    .collect()
            })
            .collect();
        let mut postings: Vec<(u32, usize)> = Vec::new();
        for (w, _) in words.iter().enumerate() {
            for _ in 0..3 {
                postings.push(((next() % n_docs as u64) as u32, w));
            }
        }
        postings.sort_unstable();
        let mut b = WordIndexBuilder::default();
        for (doc, w) in &postings {
            b.add(*doc, words[*w].as_str());
        }
        let vocab = b.finish(n_docs);
        let mut glyphs = Glyphs::new();
        let texts = GlyphTexts::build(&mut glyphs, (0..vocab.len()).map(|w| vocab.word(w)));
        let mut samples = Vec::new();
        for q in ["sqz", "sqzl", "shequ", "wenhua", "xczx", "jicengzhili"] {
            let Some(pq) = PinyinQuery::new(&glyphs, q) else {
                continue;
            };
            for _ in 0..3 {
                let t = Instant::now();
                let h = vocab.pinyin_hits(&pq, &texts, n_docs);
                samples.push(t.elapsed());
                std::hint::black_box(h);
            }
        }
        report(&format!("{} distinct words", vocab.len()), samples);
    }
}

fn main() {
    let root = std::env::var_os("NEWSTAG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/corpus10k"));
    if !root.exists() {
        println!("skipped: no corpus at {}", root.display());
        return;
    }
    // A cache folder of the benchmark's own, kept between runs.
    let cache_home = std::env::var_os("NEWSTAG_BENCH_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("newstag-bench-cache"));
    // SAFETY: no other thread exists yet.
    unsafe { std::env::set_var("XDG_CACHE_HOME", &cache_home) };

    let t = Instant::now();
    let files = cache::stamps(&root);
    let stamps_time = t.elapsed();
    let on_disk: u64 = files.iter().map(|s| s.size).sum();
    let rss_start = status_kb("VmRSS:");
    let t = Instant::now();
    let cached = cache::load(&root, &files);
    let cache_time = t.elapsed();
    let snapshot = snapshot_path(&cache_home, &root);
    let Some(index) = cached else {
        if let Some(index) = read_snapshot(&snapshot, &files) {
            println!("program changed: cache rewritten from the bench's copy of the index");
            cache::save(&root, &files, &index);
            drop(index);
            if let Ok(exe) = std::env::current_exe() {
                let _ = std::process::Command::new(exe).status();
            }
            return;
        }
        // First run: index the corpus, write the cache, then measure in a fresh
        // process (so memory is not the builder's garbage).
        let t = Instant::now();
        let Ok(corpus) = Corpus::load(&root) else {
            println!("cannot load {}", root.display());
            return;
        };
        let load_time = t.elapsed();
        let t = Instant::now();
        let index = SearchIndex::build(&corpus);
        let build_time = t.elapsed();
        let t = Instant::now();
        let saved = cache::save(&root, &files, &index);
        write_snapshot(&snapshot, &files, &index);
        println!(
            "first run: load+segment {:.1} s, index (jieba on every body) {:.1} s, \
             cache written {saved} in {:.0} ms; peak {:.0} MB",
            load_time.as_secs_f64(),
            build_time.as_secs_f64(),
            ms(t.elapsed()),
            status_kb("VmHWM:") as f64 / 1024.0
        );
        drop((corpus, index));
        if let Ok(exe) = std::env::current_exe() {
            let _ = std::process::Command::new(exe).status();
        }
        return;
    };
    let rss_index = status_kb("VmRSS:");
    let t = Instant::now();
    let Ok(corpus) = Corpus::load(&root) else {
        println!("cannot load {}", root.display());
        return;
    };
    let load_time = t.elapsed();
    let rss_all = status_kb("VmRSS:");
    let cache_size = cache::cache_path(&root)
        .and_then(|p| std::fs::metadata(p).ok())
        .map_or(0, |m| m.len());
    println!(
        "corpus: {} issues, {} articles, {:.1} MB on disk; index: {} body words, cache {:.1} MB",
        corpus.issues.len(),
        corpus.article_count(),
        on_disk as f64 / 1e6,
        index.vocabulary(),
        cache_size as f64 / 1e6
    );
    println!(
        "start: stamp files {:.0} ms, read+check cache {:.0} ms (vs. re-indexing), \
         load+segment corpus {:.1} s",
        ms(stamps_time),
        ms(cache_time),
        load_time.as_secs_f64()
    );
    println!(
        "memory: index {:.0} MB, corpus {:.0} MB, process {:.0} MB (peak {:.0} MB) = {:.2}x the corpus on disk",
        rss_index.saturating_sub(rss_start) as f64 / 1024.0,
        rss_all.saturating_sub(rss_index) as f64 / 1024.0,
        rss_all as f64 / 1024.0,
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

    let t = Instant::now();
    index.warm();
    println!(
        "warm (pinyin glyphs of titles and body words, ASCII masks): {:.0} ms; \
         process now {:.0} MB (peak {:.0} MB)",
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
    let pinyin = ["sqzl", "shequ", "wenhua", "xczx", "ljfl", "jicengzhili"];
    let miss = ["龘靐", "vvvv", "qxvqxv"];
    for (scope, prefix) in [("titles", "title:"), ("all (bodies too)", "")] {
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
            for keys in [1, 2] {
                let (s, h) = typing(&index, prefix, &pinyin, |k, _| k == keys);
                report(
                    &format!("pinyin, {keys} letter(s) (~{} hits)", h / pinyin.len()),
                    s,
                );
            }
        }
        if wanted("miss") {
            let (s, _) = typing(&index, prefix, &miss, |_, _| true);
            report("miss, every key", s);
        }
    }
    if wanted("vocabulary") {
        vocabulary_scale(&index);
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

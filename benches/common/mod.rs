//! What more than one benchmark measures with: declared `mod common;` by each.

use std::path::PathBuf;

/// CPU time of the whole process (every thread) so far: on a shared machine
/// it varies less with the load than the time on the clock.
pub use newstag::cache::timing::cpu_time;

/// The large corpus a benchmark reads: NEWSTAG_BENCH_CORPUS, else
/// /work/corpus10k-vary; `None`, said on stdout, when it is not there.
pub fn vary_corpus() -> Option<PathBuf> {
    let root = std::env::var_os("NEWSTAG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/corpus10k-vary"));
    if !root.exists() {
        println!("skipped: no corpus at {}", root.display());
        return None;
    }
    Some(root)
}

/// Points the process's cache at the benchmark's own folder, kept between runs
/// (NEWSTAG_BENCH_CACHE, else $TMP/newstag-bench-cache). Call it before any
/// other thread starts.
pub fn use_bench_cache() {
    let cache_home = std::env::var_os("NEWSTAG_BENCH_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("newstag-bench-cache"));
    // SAFETY: the benchmark's main calls this before it starts any thread.
    unsafe { std::env::set_var("XDG_CACHE_HOME", &cache_home) };
}

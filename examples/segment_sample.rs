//! Segment the first N `.txt`/`.md` files under the given folders (sorted paths) on
//! one thread and print how many articles they gave and a hash of all of them: the
//! fixed workload for counting segmentation's instructions (`valgrind --tool=callgrind
//! --toggle-collect=segment_sample::segment_all target/release/examples/segment_sample 200
//! /work/corpus10k`: the dictionaries are loaded before it) and a check that a
//! speed change left the output as it was.
//!
//! `cargo run --release --example segment_sample -- N DIR...`

use std::hash::Hasher;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let limit: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(200);
    let mut paths: Vec<PathBuf> = Vec::new();
    for dir in args {
        for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
            let path = entry.path();
            let text_file = path.extension().is_some_and(|e| e == "txt" || e == "md");
            if entry.file_type().is_file() && text_file {
                paths.push(path.to_path_buf());
            }
        }
    }
    paths.sort();
    paths.truncate(limit);
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|path| std::fs::read(path).ok())
        .map(|raw| String::from_utf8_lossy(&raw).into_owned())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    // The first cut loads the dictionaries; count only what comes after.
    if let Some(first) = texts.first() {
        newstag::segment::segment_issue(first, "x");
    }
    let cuts = segment_all(&texts);
    let mut hash = xxhash_rust::xxh3::Xxh3::new();
    let mut articles = 0;
    for cut in &cuts {
        articles += cut.len();
        hash.write(format!("{cut:?}").as_bytes());
    }
    println!(
        "{} files, {bytes} bytes, {articles} articles, output {:016x}",
        paths.len(),
        hash.finish()
    );
}

/// The measured work: every text cut once.
#[inline(never)]
fn segment_all(texts: &[String]) -> Vec<Vec<newstag::article::Article>> {
    texts
        .iter()
        .map(|text| newstag::segment::segment_issue(text, "x"))
        .collect()
}

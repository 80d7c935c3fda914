//! Fixture folders copied into temp dirs, so that sidecars and caches written by
//! a test never touch the repository.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// `rel` inside the repository (the crate's manifest folder).
pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Copy the folder `src` with everything below it to `dst` (created if missing).
pub fn copy_tree(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let to = dst.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &to);
        } else {
            std::fs::copy(entry.path(), to).unwrap();
        }
    }
}

/// Each of `files` with its bytes and modification time, in path order: what a
/// test compares to tell whether a run rewrote a file.
pub fn snapshot(files: impl IntoIterator<Item = PathBuf>) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    let mut out: Vec<_> = files
        .into_iter()
        .map(|p| {
            let modified = std::fs::metadata(&p).unwrap().modified().unwrap();
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes, modified)
        })
        .collect();
    out.sort();
    out
}

/// Every file below `dir`, at any depth.
pub fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_below(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The built-in sample's issue texts, as blank-line-separated blocks.
pub fn sample_blocks() -> Vec<Vec<String>> {
    newstag::corpus::builtin::sample_files()
        .into_iter()
        .map(|(_, bytes)| {
            String::from_utf8_lossy(bytes)
                .split("\n\n")
                .map(str::to_string)
                .collect()
        })
        .collect()
}

pub fn write_issue(dir: &Path, name: &str, blocks: &[String]) {
    std::fs::write(dir.join(name), blocks.join("\n\n")).unwrap();
}

/// `n` issues `p0.txt`, `p1.txt`... in `corpus` (made if missing), cut from the
/// samples: the samples in turn, each later round starting a block further on.
pub fn write_issues(corpus: &Path, n: usize) {
    std::fs::create_dir_all(corpus).unwrap();
    let samples = sample_blocks();
    for i in 0..n {
        let sample = &samples[i % samples.len()];
        let blocks = &sample[(i / samples.len()).min(sample.len() - 1)..];
        write_issue(corpus, &format!("p{i}.txt"), blocks);
    }
}

/// `n` issues in `root`, the built-in sample's files whole in turn, named by
/// consecutive dates from 2024-01-01 (28 days a month, so every name is a real
/// date).
pub fn write_dated_sample_issues(root: &Path, n: usize) {
    let samples = newstag::corpus::builtin::sample_files();
    for i in 0..n {
        let (_, bytes) = &samples[i % samples.len()];
        let (year, month, day) = (2024 + i / (12 * 28), i / 28 % 12 + 1, i % 28 + 1);
        std::fs::write(root.join(format!("{year}-{month:02}-{day:02}.txt")), bytes).unwrap();
    }
}

//! The caches on disk as a whole: listing them (`newstag cache`), cleaning them
//! on request and pruning them automatically past a size limit.
//!
//! Only names newstag writes are ever removed (`corpus-HASH/` folders and
//! `index-HASH.bin` files of [`super::cache_root`]), so a cache folder pointed at
//! a folder of other files loses none of them.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

pub const MANIFEST_FORMAT: u32 = 1;
const MANIFEST: &str = "manifest.json";

/// Default limit of all caches together (`cache.max_size_mb` of the config).
pub const DEFAULT_MAX_BYTES: u64 = 2048 << 20;

static MAX_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_BYTES);

/// Set the size past which caches are pruned (from the config, once at start).
pub fn set_max_bytes(bytes: u64) {
    MAX_BYTES.store(bytes, Ordering::Relaxed);
}

/// The size past which caches are pruned.
pub fn max_bytes() -> u64 {
    MAX_BYTES.load(Ordering::Relaxed)
}

/// What a corpus cache folder says of itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// The corpus folder's canonical path, as hex of its bytes (exact).
    pub root: String,
    /// The same path as text, for people (lossy when it is not UTF-8).
    pub root_text: String,
    /// Seconds since 1970 of the last load through the cache.
    pub last_used: u64,
    /// Issue files of the corpus at the last load.
    pub files: u64,
    /// Bytes of its shards at the last load.
    pub bytes: u64,
}

impl Manifest {
    /// The manifest of the cache folder `dir`; `None` when missing or unreadable.
    pub fn read(dir: &Path) -> Option<Manifest> {
        let bytes = crate::regular_file::read(&dir.join(MANIFEST)).ok()?;
        let m: Manifest = serde_json::from_slice(&bytes).ok()?;
        (m.format == MANIFEST_FORMAT).then_some(m)
    }

    /// Write it into `dir` atomically (failures are ignored: it is a cache).
    pub fn write(&self, dir: &Path) {
        if let Ok(json) = serde_json::to_vec_pretty(self) {
            super::write_atomic(&dir.join(MANIFEST), &json);
        }
    }

    /// The corpus folder it was made for.
    pub fn root_path(&self) -> Option<PathBuf> {
        unhex(&self.root).map(os_path)
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(unix)]
fn os_path(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn os_path(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

pub fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The cache of one corpus: its folder of shards and its search index file,
/// either of which may be missing.
#[derive(Debug, Clone)]
pub struct CacheEntry {
    pub hash: String,
    /// `corpus-HASH/` (present or not).
    pub dir: PathBuf,
    /// `index-HASH.bin` (present or not).
    pub index: PathBuf,
    pub manifest: Option<Manifest>,
    /// Bytes on disk (shards, manifest and index), or the manifest's count
    /// when [`list`] was asked not to measure.
    pub bytes: u64,
}

impl CacheEntry {
    /// The corpus folder, when the manifest tells it.
    pub fn corpus(&self) -> Option<PathBuf> {
        self.manifest.as_ref().and_then(Manifest::root_path)
    }

    /// True when the corpus it was made for is known to be gone.
    pub fn corpus_missing(&self) -> bool {
        self.corpus().is_some_and(|p| !p.exists())
    }

    /// Last use: the manifest's, else the newest time of its files.
    pub fn last_used(&self) -> u64 {
        self.manifest.as_ref().map_or_else(
            || {
                [&self.dir, &self.index]
                    .iter()
                    .filter_map(|p| std::fs::metadata(p).ok()?.modified().ok())
                    .filter_map(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| d.as_secs())
                    .max()
                    .unwrap_or(0)
            },
            |m| m.last_used,
        )
    }

    /// Remove its folder and index file; the error names what could not be
    /// removed.
    pub fn remove(&self) -> Result<(), String> {
        let mut errors = Vec::new();
        if self.dir.symlink_metadata().is_ok()
            && let Err(e) = std::fs::remove_dir_all(&self.dir)
        {
            errors.push(format!("{}: {e}", self.dir.display()));
        }
        if self.index.symlink_metadata().is_ok()
            && let Err(e) = std::fs::remove_file(&self.index)
        {
            errors.push(format!("{}: {e}", self.index.display()));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors.join("; "))
        }
    }
}

/// The HASH of a name newstag gives a cache (`corpus-HASH`, `index-HASH.bin`).
fn hash_of(name: &str) -> Option<&str> {
    let h = name
        .strip_prefix("corpus-")
        .or_else(|| name.strip_prefix("index-")?.strip_suffix(".bin"))?;
    (h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit())).then_some(h)
}

/// Every corpus cache under `root`, least recently used first. With `measure`,
/// sizes are measured on disk (a walk of every shard); else taken from the
/// manifests (what pruning needs, cheaply).
pub fn list_in(root: &Path, measure: bool) -> Vec<CacheEntry> {
    let mut hashes: Vec<String> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| hash_of(&e.file_name().to_string_lossy()).map(str::to_string))
        .collect();
    hashes.sort();
    hashes.dedup();
    let mut entries: Vec<CacheEntry> = hashes
        .into_iter()
        .map(|hash| {
            let dir = root.join(format!("corpus-{hash}"));
            let index = root.join(format!("index-{hash}.bin"));
            let manifest = Manifest::read(&dir);
            let index_bytes = std::fs::symlink_metadata(&index).map_or(0, |m| m.len());
            let dir_bytes = if measure {
                size_on_disk(&dir)
            } else {
                manifest.as_ref().map_or(0, |m| m.bytes)
            };
            CacheEntry {
                hash,
                dir,
                index,
                manifest,
                bytes: dir_bytes + index_bytes,
            }
        })
        .collect();
    entries.sort_by_key(CacheEntry::last_used);
    entries
}

/// [`list_in`] of the cache folder (none without one).
pub fn list(measure: bool) -> Vec<CacheEntry> {
    super::cache_root().map_or_else(Vec::new, |r| list_in(&r, measure))
}

fn size_on_disk(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Remove caches until all of them together fit in `limit` bytes: first those
/// of corpora that no longer exist, then the least recently used. The cache
/// folder `keep` (the corpus in use) is never removed. Returns what was removed.
pub fn prune(limit: u64, keep: Option<&Path>) -> Vec<CacheEntry> {
    match super::cache_root() {
        Some(root) => prune_in(&root, limit, keep),
        None => Vec::new(),
    }
}

pub fn prune_in(root: &Path, limit: u64, keep: Option<&Path>) -> Vec<CacheEntry> {
    let entries = list_in(root, false);
    let mut total: u64 = entries.iter().map(|e| e.bytes).sum();
    if total <= limit {
        return Vec::new();
    }
    let (mut missing, present): (Vec<CacheEntry>, Vec<CacheEntry>) =
        entries.into_iter().partition(CacheEntry::corpus_missing);
    missing.extend(present);
    let mut removed = Vec::new();
    for e in missing {
        if total <= limit {
            break;
        }
        if keep == Some(e.dir.as_path()) {
            continue;
        }
        if e.remove().is_ok() {
            total = total.saturating_sub(e.bytes);
            removed.push(e);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_newstag_writes_are_caches() {
        assert_eq!(hash_of("corpus-00112233aabbccdd"), Some("00112233aabbccdd"));
        assert_eq!(
            hash_of("index-00112233aabbccdd.bin"),
            Some("00112233aabbccdd")
        );
        for other in [
            "corpus-xyz",
            "index-00112233aabbccdd",
            "notes.txt",
            "corpus-00112233aabbccdd0",
        ] {
            assert_eq!(hash_of(other), None, "{other}");
        }
    }

    #[test]
    fn hex_names_any_path_exactly() {
        let bytes = b"/a/\xff\xfe/\xe5\xb1\xb1".to_vec();
        assert_eq!(unhex(&hex(&bytes)), Some(bytes));
        assert_eq!(unhex("0"), None);
        assert_eq!(unhex("zz"), None);
    }
}

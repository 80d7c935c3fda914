//! The search-index cache: what it takes to search a corpus without re-reading and
//! re-segmenting it, under `$XDG_CACHE_HOME/newstag/`, one file per corpus folder.
//!
//! The cache is never trusted blindly: it is used only when its magic, checksum,
//! format version, the program build that wrote it, the corpus folder, the
//! size and modification time of every issue file and the corrections of its
//! sidecar (which change the articles cut from a file without touching it: a
//! correction merged by git) all agree. Anything else (a
//! corrupt, truncated, stale or foreign file) is ignored and rebuilt. It is written
//! to a temporary file and renamed into place, so a crash never leaves half a cache.

use crate::corpus::{Corpus, CorpusError, walk};
use crate::search::SearchIndex;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

const MAGIC: &[u8; 12] = b"NEWSTAGIDX1\n";
const VERSION: u32 = 9;

/// Size and modification time of one file (and, for an issue file, what its
/// sidecar's corrections make of it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// The path's bytes (two names that are not UTF-8 are never confused).
    pub path: Vec<u8>,
    pub size: u64,
    pub mtime_ns: u128,
    /// Digest of the `[[correction]]` tables of the issue's sidecar (0: none).
    /// Tags and memos in the sidecar do not count: they never change the index.
    pub corrections: u64,
}

impl FileStamp {
    pub fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        Some(FileStamp {
            path: path.as_os_str().as_encoded_bytes().to_vec(),
            size: meta.len(),
            mtime_ns,
            corrections: 0,
        })
    }

    /// The stamp of issue file `path` (relative path `rel`), its sidecar's
    /// corrections read as loading reads them.
    pub fn of_issue(path: &Path, rel: &str) -> Option<FileStamp> {
        let mut stamp = FileStamp::of(path)?;
        stamp.corrections = corrections_digest(&crate::correct::file::on_load(path, rel));
        Some(stamp)
    }
}

/// Digest of an issue's corrections (0 when it has none).
fn corrections_digest(corrections: &[crate::correct::Correction]) -> u64 {
    if corrections.is_empty() {
        return 0;
    }
    postcard::to_stdvec(corrections)
        .map(|bytes| xxhash_rust::xxh3::xxh3_64(&bytes) | 1)
        .unwrap_or(u64::MAX)
}

#[derive(Debug, Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    /// The program that wrote it (a new build may segment differently).
    program: Option<FileStamp>,
    /// The canonical corpus folder's bytes.
    root: Vec<u8>,
    files: Vec<FileStamp>,
    index: SearchIndex,
}

/// How the index was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheStatus {
    /// Read from a valid cache.
    Hit,
    /// Built, and the cache (re)written.
    Built,
    /// Built; the cache could not be written (no cache folder, read-only disk...).
    BuiltNotSaved,
}

/// The cache folder: `$XDG_CACHE_HOME/newstag` (or the platform's equivalent).
pub fn cache_dir() -> Option<PathBuf> {
    crate::cache::cache_root()
}

/// The cache file of the corpus at `root`.
pub fn cache_path(root: &Path) -> Option<PathBuf> {
    let h = xxhash_rust::xxh3::xxh3_64(&canonical(root));
    cache_dir().map(|d| d.join(format!("index-{h:016x}.bin")))
}

/// The bytes of the canonical path of `root` (not its lossy text: two folders whose
/// names are not UTF-8 would share a cache).
fn canonical(root: &Path) -> Vec<u8> {
    std::fs::canonicalize(root)
        .unwrap_or_else(|_| root.to_path_buf())
        .into_os_string()
        .into_encoded_bytes()
}

/// Stamps of every issue file under `root`, with its sidecar's corrections
/// (taken before reading them, so a file changed while loading makes the next
/// start rebuild rather than trust it). Costs two failed lookups an issue
/// without a sidecar, and reading the sidecar of one with.
pub fn stamps(root: &Path) -> Vec<FileStamp> {
    use rayon::prelude::*;
    walk::issue_files(root, &mut |_, _| {})
        .par_iter()
        .filter_map(|p| FileStamp::of_issue(p, &crate::corpus::relative_path(root, p)))
        .collect()
}

fn program() -> Option<FileStamp> {
    std::env::current_exe().ok().and_then(|p| FileStamp::of(&p))
}

/// The cached index of `root` when the cache is valid for `files` (see module doc).
pub fn load(root: &Path, files: &[FileStamp]) -> Option<SearchIndex> {
    let path = cache_path(root)?;
    let bytes = crate::regular_file::read(&path).ok()?;
    decode(&bytes, &canonical(root), files)
}

fn decode(bytes: &[u8], root: &[u8], files: &[FileStamp]) -> Option<SearchIndex> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (sum, payload) = rest.split_at_checked(8)?;
    let sum = u64::from_le_bytes(sum.try_into().ok()?);
    if xxhash_rust::xxh3::xxh3_64(payload) != sum {
        return None;
    }
    let file: CacheFile = postcard::from_bytes(payload).ok()?;
    let valid = file.version == VERSION
        && file.program == program()
        && file.root == root
        && file.files == files
        && file.index.is_consistent();
    valid.then_some(file.index)
}

fn encode(root: &[u8], files: &[FileStamp], index: &SearchIndex) -> Option<Vec<u8>> {
    let file = CacheFileRef {
        version: VERSION,
        program: program(),
        root,
        files,
        index,
    };
    let payload = postcard::to_stdvec(&file).ok()?;
    let mut out = Vec::with_capacity(payload.len() + 20);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    Some(out)
}

/// Same layout as [`CacheFile`], borrowed, for writing.
#[derive(Serialize)]
struct CacheFileRef<'a> {
    version: u32,
    program: Option<FileStamp>,
    root: &'a [u8],
    files: &'a [FileStamp],
    index: &'a SearchIndex,
}

/// Write the cache of `root` atomically; false when it could not be written.
pub fn save(root: &Path, files: &[FileStamp], index: &SearchIndex) -> bool {
    let Some(path) = cache_path(root) else {
        return false;
    };
    let Some(dir) = path.parent() else {
        return false;
    };
    let Some(bytes) = encode(&canonical(root), files, index) else {
        return false;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return false;
    }
    let Ok(mut tmp) = crate::replace::temp_beside(&path, ".tmp", "") else {
        return false;
    };
    use std::io::Write;
    tmp.write_all(&bytes).is_ok() && tmp.flush().is_ok() && tmp.persist(&path).is_ok()
}

/// The index of an already loaded corpus: from the cache when it is valid for the
/// files as they were *before* loading (`files`) and agrees with the corpus,
/// else built and saved.
pub fn index_for_corpus(corpus: &Corpus, files: &[FileStamp]) -> (SearchIndex, CacheStatus) {
    if let Some(index) = load(&corpus.root, files)
        && index.matches_issues(&corpus.issues)
    {
        return (index, CacheStatus::Hit);
    }
    let index = SearchIndex::build(corpus);
    let status = if save(&corpus.root, files, &index) {
        CacheStatus::Built
    } else {
        CacheStatus::BuiltNotSaved
    };
    (index, status)
}

/// The index of the corpus at `root` without loading it when the cache is valid;
/// otherwise the corpus is loaded, indexed and the cache written. The loaded corpus
/// is returned when it had to be loaded.
pub fn open_index(root: &Path) -> Result<(SearchIndex, Option<Corpus>, CacheStatus), CorpusError> {
    if !root.exists() {
        return Err(CorpusError::NotFound { path: root.into() });
    }
    let files = stamps(root);
    if let Some(index) = load(root, &files) {
        return Ok((index, None, CacheStatus::Hit));
    }
    let corpus = crate::cache::load_corpus(root)?;
    let index = SearchIndex::build(&corpus);
    let status = if save(root, &files, &index) {
        CacheStatus::Built
    } else {
        CacheStatus::BuiltNotSaved
    };
    Ok((index, Some(corpus), status))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(size: u64) -> FileStamp {
        FileStamp {
            path: b"/c/a.txt".to_vec(),
            size,
            mtime_ns: 7,
            corrections: 0,
        }
    }

    #[test]
    fn cache_bytes_round_trip_and_refuse_damage_or_staleness() {
        let index = SearchIndex::default();
        let files = vec![stamp(10)];
        let bytes = encode(b"/c", &files, &index).unwrap();
        assert_eq!(decode(&bytes, b"/c", &files), Some(index.clone()));
        // stale: a file changed size, or another folder
        assert_eq!(decode(&bytes, b"/c", &[stamp(11)]), None);
        assert_eq!(decode(&bytes, b"/d", &files), None);
        // stale: the file's sidecar got a correction
        let corrected = FileStamp {
            corrections: 42,
            ..stamp(10)
        };
        assert_eq!(decode(&bytes, b"/c", &[corrected]), None);
        // corrupt: a flipped byte, a truncation, garbage
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0xFF;
        assert_eq!(decode(&flipped, b"/c", &files), None);
        assert_eq!(decode(&bytes[..bytes.len() - 3], b"/c", &files), None);
        assert_eq!(decode(b"garbage", b"/c", &files), None);
    }
}

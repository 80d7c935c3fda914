//! The search-index cache: what it takes to search a corpus without re-reading and
//! re-segmenting it, under `$XDG_CACHE_HOME/newstag/`, one file per corpus folder.
//!
//! The cache is never trusted blindly: it is used only when its magic, checksum,
//! format version, the program build that wrote it, the corpus folder, the
//! stamp of every issue file (size, times, inode) and the corrections of its
//! sidecar (which change the articles cut from a file without touching it: a
//! correction merged by git) all agree. Anything else (a
//! corrupt, truncated, stale or foreign file) is ignored and rebuilt. It is written
//! to a temporary file and renamed into place, so a crash never leaves half a cache.
//!
//! The file is a head (everything but the bodies) and the folded bodies, which are memory-mapped and read only where a search
//! looks (a warm `newstag search` used to read and copy all of them, two thirds
//! of the file): a table of their offsets and checksums (checked when read),
//! then their bytes, each checked against its checksum the first time it is
//! looked at. A body that fails its check reads as empty and the file is
//! removed, so the next start rebuilds it.
//!
//! The head is the index serialised without its bodies nor the bytes of its
//! body postings' lists, then those bytes (most of the head): written after
//! the rest, they are copied in from wherever they wait, a temporary file
//! on a first start, never held in memory whole
//! ([`crate::search::postings::MergedPostings`]).
//!
//! The head carries a checksum per block of [`BLOCK`] bytes (the table of them
//! checked as a whole). Decoding leaves the head's byte blobs (the posting
//! lists, most of its bytes) in the file instead of copying them out
//! ([`crate::search::column::Bytes`]), and its columns of values (the body
//! postings' keys, offsets and heads, the titles' glyphs, the text columns'
//! offsets) are read where they are too, aligned in the file
//! ([`crate::search::column::Pods`]), not decoded value by value into
//! memory; the blocks outside the blobs (the columns among them) are checked
//! before the index is used, each block inside one the first time something in
//! it is read. A damaged block reads as empty and removes the file, as a body
//! does, and the file is reported to the index read from it (its [`Damage`],
//! [`SearchIndex::take_damaged`]): the search that met it
//! may have lost hits, so `newstag search` says so, naming the file, and
//! searches again on an index built afresh, and the TUI says so and indexes
//! the corpus again.

use crate::corpus::{Corpus, CorpusError, walk};
use crate::file_stamp::FileStamp;
use crate::search::SearchIndex;
use crate::search::index::{Bodies, BuiltIndex, Head};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

const MAGIC: &[u8; 12] = b"NEWSTAGIDX2\n";
const VERSION: u32 = 18;
/// Bytes of the head under one checksum (a few in the unit tests, whose
/// indexes are small, so that blocks lie inside blobs there too).
const BLOCK: usize = if cfg!(test) { 16 } else { 64 << 10 };

/// The state of one issue file: its path, its [`FileStamp`] and what its
/// sidecar's corrections make of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueStamp {
    /// The path's bytes (two names that are not UTF-8 are never confused).
    pub path: Vec<u8>,
    pub file: FileStamp,
    /// Digest of the `[[correction]]` tables of the issue's sidecar (0: none).
    /// Tags and memos in the sidecar do not count: they never change the index.
    pub corrections: u64,
}

impl IssueStamp {
    /// The stamp of the file `path`, its corrections not read.
    pub fn of(path: &Path) -> Option<IssueStamp> {
        Some(IssueStamp {
            path: path.as_os_str().as_encoded_bytes().to_vec(),
            file: FileStamp::of(path)?,
            corrections: 0,
        })
    }

    /// The stamp of issue file `path` (relative path `rel`), its sidecar's
    /// corrections read as loading reads them.
    pub fn of_issue(path: &Path, rel: &str) -> Option<IssueStamp> {
        let mut stamp = IssueStamp::of(path)?;
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
    /// The program that wrote it (a new build, or other words added to the
    /// lexicon, may segment differently).
    program: Option<crate::cache::shard::ProgramStamp>,
    /// The canonical corpus folder's bytes.
    root: Vec<u8>,
    files: Vec<IssueStamp>,
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
/// start rebuild rather than trust it). Costs one listing of each sidecar
/// folder ([`crate::cache::sidecars`]), and reading the sidecar of an issue
/// that has one.
pub fn stamps(root: &Path) -> Vec<IssueStamp> {
    stamps_of(root, None)
}

/// [`stamps`] of the issue files `listed` (a walk of `root` just made, in
/// natural order), or of a walk of `root` when `None`.
pub fn stamps_of(root: &Path, listed: Option<&[PathBuf]>) -> Vec<IssueStamp> {
    use rayon::prelude::*;
    let census = crate::cache::sidecars::SidecarCensus::as_loaded();
    let walked;
    let files = match listed {
        Some(files) => files,
        None => {
            walked = walk::issue_files(root, &mut |_, _| {});
            &walked
        }
    };
    let mut stamps: Vec<IssueStamp> = files
        .par_iter()
        .filter_map(|p| {
            let rel = crate::corpus::relative_path(root, p);
            if census.may_have(p, &rel) {
                IssueStamp::of_issue(p, &rel)
            } else {
                IssueStamp::of(p)
            }
        })
        .collect();
    // The corpus's habits cut its files too (`corpus::habits`): an index of a cut
    // made with other habits is stale.
    stamps.push(habits_stamp(&crate::corpus::habits::of_root(root)));
    stamps
}

/// The stamp standing for the habits a corpus was cut with.
fn habits_stamp(habits: &crate::segment::habits::Habits) -> IssueStamp {
    IssueStamp {
        path: HABITS_STAMP.to_vec(),
        file: FileStamp {
            size: habits.digest(),
            mtime_ns: 0,
            ctime_ns: 0,
            inode: 0,
        },
        corrections: 0,
    }
}

const HABITS_STAMP: &[u8] = b"\0habits";

/// `files` (from [`stamps`], taken before `corpus` was loaded) with the habits
/// `corpus` was cut with: a load learns them (the first load of a corpus
/// learns its habits and cuts again with them), so the index built from it is
/// stamped with those, not with the ones known before (which made the next
/// start build it again).
pub fn cut_with(files: &[IssueStamp], corpus: &Corpus) -> Vec<IssueStamp> {
    let mut files = files.to_vec();
    files.retain(|f| f.path != HABITS_STAMP);
    files.push(habits_stamp(&corpus.habits));
    files
}

/// Whether two lists of [`stamps`] name the same files in the same state,
/// whatever habits each was taken with (those are learned while a corpus loads).
pub fn same_files(a: &[IssueStamp], b: &[IssueStamp]) -> bool {
    let files = |s: &[IssueStamp]| {
        s.iter()
            .filter(|f| f.path != HABITS_STAMP)
            .cloned()
            .collect::<Vec<_>>()
    };
    files(a) == files(b)
}

fn program() -> Option<crate::cache::shard::ProgramStamp> {
    crate::cache::shard::ProgramStamp::current()
}

/// The cached index of `root` when the cache is valid for `files` (see module doc).
pub fn load(root: &Path, files: &[IssueStamp]) -> Option<SearchIndex> {
    let (stamped, index) = load_unstamped(root)?;
    (stamped == files).then_some(index)
}

/// [`stamps`] of `root` and its cached index when the cache is valid for
/// them: the two are made side by side (the stamps are a listing and a
/// `stat` of every issue file, the index a decoding of its head), so a warm
/// start waits for the longer of them, not for both in turn.
pub fn stamps_and_load(root: &Path) -> (Vec<IssueStamp>, Option<SearchIndex>) {
    stamps_and_load_of(root, None)
}

/// [`stamps_and_load`], the stamps of the issue files `listed` when given
/// (see [`stamps_of`]).
pub fn stamps_and_load_of(
    root: &Path,
    listed: Option<&[PathBuf]>,
) -> (Vec<IssueStamp>, Option<SearchIndex>) {
    let (files, cached) = rayon::join(|| stamps_of(root, listed), || load_unstamped(root));
    let index = cached.and_then(|(stamped, index)| (stamped == files).then_some(index));
    (files, index)
}

/// The cached index of `root` and the stamps of the files it was made from,
/// when it is whole, of this program and of this corpus folder.
fn load_unstamped(root: &Path) -> Option<(Vec<IssueStamp>, SearchIndex)> {
    let path = cache_path(root)?;
    let file = crate::regular_file::open(&path).ok()?;
    // SAFETY: newstag never writes a cache file in place (it writes a
    // temporary file and renames it over the old one, whose pages stay as they
    // were for a process that maps it). Another program truncating the file
    // while it is mapped would make reading the lost pages fault; every byte
    // read is checked against a checksum before it is trusted.
    let map = Arc::new(unsafe { memmap2::Mmap::map(&file) }.ok()?);
    let let_go = |range: std::ops::Range<usize>| let_go_of_range(&map, range);
    let decoded = decode_unstamped(Arc::clone(&map), path, &canonical(root), &let_go)?;
    let_go_of_head(&map);
    Some(decoded)
}

/// Head blocks checked between two [`let_go_of_range`]s while a cache file
/// is read (4 MiB).
const LET_GO_BLOCKS: usize = 64;

/// Take the pages of `range` of a mapped cache file out of the process's
/// memory (see [`let_go_of_head`]): decoding the head, then checking it,
/// then checking the columns read in place each read most of its pages,
/// about 17, 15 and a few MB on 10,000 issues, which stayed mapped until
/// the whole index was read (the first start's peak, where the index just
/// built is still held): let go of after each step (and the check's a few
/// blocks at a time), a page read again is mapped again from the page
/// cache.
#[cfg(unix)]
fn let_go_of_range(map: &memmap2::Mmap, range: std::ops::Range<usize>) {
    let end = range.end.min(map.len());
    if range.start >= end {
        return;
    }
    // SAFETY: as in `let_go_of_head`: the mapping is shared and read-only
    // and the file never written in place, so a page let go of reads back
    // the same bytes.
    let _ = unsafe {
        map.unchecked_advise_range(
            memmap2::UncheckedAdvice::DontNeed,
            range.start,
            end - range.start,
        )
    };
}

#[cfg(not(unix))]
fn let_go_of_range(_map: &memmap2::Mmap, _range: std::ops::Range<usize>) {}

/// Take the pages of a mapped cache file's head (up to its bodies) out of the
/// process's memory once the index is decoded from it. Decoding read every
/// page of the head but its blobs to check it, and copied what it read into
/// the index; those pages stayed mapped, counted in the process's memory
/// beside the copies (about 35 MB on 10,000 issues, a seventh of a first
/// start's peak). A blob's page read later (a title column, a posting list)
/// is mapped again from the page cache, as any page of the file not read yet.
#[cfg(unix)]
fn let_go_of_head(map: &memmap2::Mmap) {
    let Some(parts) = sections(map) else {
        return;
    };
    // SAFETY: the file is mapped shared and read-only, and newstag never
    // writes a cache file in place (see `load_unstamped`): a page let go of
    // reads back from the file the same bytes, so no reference into the map
    // sees its contents change. MADV_DONTNEED only unmaps the pages.
    let _ = unsafe {
        map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, 0, parts.table_at)
    };
}

/// Elsewhere the pages stay mapped (memmap2 advises only on unix).
#[cfg(not(unix))]
fn let_go_of_head(_map: &memmap2::Mmap) {}

/// Where the parts of a cache file are.
struct Sections {
    /// Offset and length of the head.
    head_at: usize,
    head_len: usize,
    /// Offset of the head's block checksums (one `u64` a [`BLOCK`]).
    sums_at: usize,
    /// Offset of the bodies' table in the file.
    table_at: usize,
}

/// The sections of a cache file's bytes, when its header and the table of
/// the head's checksums are whole.
fn sections(bytes: &[u8]) -> Option<Sections> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let head_len = usize::try_from(u64_at(rest, 0)?).ok()?;
    let blocks = head_len.div_ceil(BLOCK);
    let sum = u64_at(rest, 8)?;
    let sums_at = MAGIC.len() + 16;
    let sums = bytes.get(sums_at..sums_at.checked_add(blocks.checked_mul(8)?)?)?;
    if xxhash_rust::xxh3::xxh3_64(sums) != sum {
        return None;
    }
    let head_at = sums_at + sums.len();
    let table_at = head_at.checked_add(head_len)?;
    (table_at <= bytes.len()).then_some(Sections {
        head_at,
        head_len,
        sums_at,
        table_at,
    })
}

/// Where damage met in one cache file read in place is reported: shared by
/// the index read from the file and every index made from it (a clone, an
/// issue replaced), never by another index, so what one index met is never
/// taken for another's (nor taken by a search of another index, say another
/// test's). The report is none for an index not read from a cache file.
#[derive(Clone, Default)]
pub struct Damage(Option<Arc<DamageState>>);

struct DamageState {
    /// The cache file, removed when a block or body is found damaged.
    path: PathBuf,
    found: AtomicBool,
    reported: AtomicBool,
}

impl Damage {
    fn of(path: PathBuf) -> Damage {
        Damage(Some(Arc::new(DamageState {
            path,
            found: AtomicBool::new(false),
            reported: AtomicBool::new(false),
        })))
    }

    /// A block or body of the file failed its check: the file is removed
    /// (the next start builds it again) and kept for [`Damage::take`].
    fn found(&self) {
        if let Some(s) = &self.0
            && !s.found.swap(true, Ordering::Relaxed)
        {
            let _ = std::fs::remove_file(&s.path);
        }
    }

    /// The cache file when it was found damaged and not reported yet (it is
    /// removed already): an index read from it has read a posting list or a
    /// body as empty, so the search that met it may have lost hits; the
    /// caller says so and builds the index again.
    pub fn take(&self) -> Option<PathBuf> {
        let s = self.0.as_ref()?;
        (s.found.load(Ordering::Relaxed) && !s.reported.swap(true, Ordering::Relaxed))
            .then(|| s.path.clone())
    }
}

/// Not part of what an index holds: two indexes are equal whatever they met.
impl PartialEq for Damage {
    fn eq(&self, _: &Damage) -> bool {
        true
    }
}

impl std::fmt::Debug for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(s) => write!(f, "Damage({})", s.path.display()),
            None => write!(f, "Damage(none)"),
        }
    }
}

/// The head of a cache file as the backing of the blobs read in place: each
/// block checked against its checksum the first time it is read.
struct CheckedHead<B> {
    bytes: Arc<B>,
    at: Sections,
    /// Blocks found right (bit per block).
    checked: Vec<AtomicU64>,
    /// Where a damaged block is reported.
    damage: Damage,
}

impl<B: AsRef<[u8]> + Send + Sync> CheckedHead<B> {
    fn new(bytes: Arc<B>, at: Sections, damage: Damage) -> CheckedHead<B> {
        let blocks = at.head_len.div_ceil(BLOCK);
        CheckedHead {
            bytes,
            checked: (0..blocks.div_ceil(64))
                .map(|_| AtomicU64::new(0))
                .collect(),
            at,
            damage,
        }
    }

    /// File range of block `k` of the head.
    fn block(&self, k: usize) -> std::ops::Range<usize> {
        let start = self.at.head_at + k * BLOCK;
        start..(start + BLOCK).min(self.at.head_at + self.at.head_len)
    }

    /// Check block `k` (once); false when it is damaged.
    fn check(&self, k: usize) -> bool {
        let Some(word) = self.checked.get(k / 64) else {
            return false;
        };
        let bit = 1u64 << (k % 64);
        if word.load(Ordering::Relaxed) & bit != 0 {
            return true;
        }
        let all = (*self.bytes).as_ref();
        let right = all.get(self.block(k)).is_some_and(|block| {
            u64_at(all, self.at.sums_at + 8 * k) == Some(xxhash_rust::xxh3::xxh3_64(block))
        });
        if right {
            word.fetch_or(bit, Ordering::Relaxed);
        } else {
            self.damage.found();
        }
        right
    }

    /// Check every block not wholly inside one of `blobs` (file ranges, as
    /// decoding found them, ascending); false when one is damaged. The
    /// file ranges checked are handed to `let_go` a few blocks at a time
    /// ([`LET_GO_BLOCKS`]), so that their pages need not stay in memory
    /// all at once.
    fn check_all_but(
        &self,
        blobs: &[std::ops::Range<usize>],
        let_go: &dyn Fn(std::ops::Range<usize>),
    ) -> bool {
        let mut blob = blobs.iter().peekable();
        let blocks = self.at.head_len.div_ceil(BLOCK);
        let mut from = 0;
        for k in 0..blocks {
            let block = self.block(k);
            while blob.next_if(|b| b.end < block.end).is_some() {}
            let inside = blob
                .peek()
                .is_some_and(|b| b.start <= block.start && block.end <= b.end);
            if !(inside || self.check(k)) {
                return false;
            }
            if k + 1 - from == LET_GO_BLOCKS || k + 1 == blocks {
                let_go(self.block(from).start..block.end);
                from = k + 1;
            }
        }
        true
    }
}

impl<B: AsRef<[u8]> + Send + Sync> crate::search::column::Backing for CheckedHead<B> {
    fn bytes(&self) -> &[u8] {
        (*self.bytes).as_ref()
    }

    fn checked(&self, range: std::ops::Range<usize>) -> Option<&[u8]> {
        let (head_at, head_end) = (self.at.head_at, self.at.head_at + self.at.head_len);
        if range.start < head_at || range.end > head_end || range.start > range.end {
            return None;
        }
        if range.start < range.end {
            let first = (range.start - head_at) / BLOCK;
            let last = (range.end - 1 - head_at) / BLOCK;
            if !(first..=last).all(|k| self.check(k)) {
                return None;
            }
        }
        (*self.bytes).as_ref().get(range)
    }
}

/// The head of a cache file, its blobs (the posting lists above all) left in
/// place and not checked yet, with their file ranges: the [`CacheFile`]
/// serialised, then the bytes of the body postings' lists (see
/// [`write_cache`]), read as those postings' lists.
fn decode_head<B: AsRef<[u8]> + Send + Sync + 'static>(
    head: &Arc<CheckedHead<B>>,
) -> Option<(CacheFile, Vec<std::ops::Range<usize>>)> {
    let (head_at, head_end) = (head.at.head_at, head.at.head_at + head.at.head_len);
    let head_bytes = (*head.bytes).as_ref().get(head_at..head_end)?;
    let backing: Arc<dyn crate::search::column::Backing> = head.clone();
    let (file, mut blobs) = crate::search::column::decode_in_place(Arc::clone(&backing), || {
        postcard::take_from_bytes::<CacheFile>(head_bytes)
    });
    let (mut file, lists) = file.ok()?;
    let lists_at = head_end - lists.len();
    file.index
        .postings
        .set_lists(crate::search::column::Bytes::in_place_of(
            backing,
            lists_at,
            lists.len(),
        ));
    blobs.push(lists_at..head_end);
    Some((file, blobs))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    let b: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(b))
}

#[cfg(test)]
fn decode<B: AsRef<[u8]> + Send + Sync + 'static>(
    bytes: Arc<B>,
    path: PathBuf,
    root: &[u8],
    files: &[IssueStamp],
) -> Option<SearchIndex> {
    let (stamped, index) = decode_unstamped(bytes, path, root, &|_| {})?;
    (stamped == files).then_some(index)
}

/// The index in cache file `bytes` (at `path`) with the stamps of the files
/// it was made from, when the file is whole, of this program's version and
/// build, and of the corpus folder `root`.
fn decode_unstamped<B: AsRef<[u8]> + Send + Sync + 'static>(
    bytes: Arc<B>,
    path: PathBuf,
    root: &[u8],
    let_go: &dyn Fn(std::ops::Range<usize>),
) -> Option<(Vec<IssueStamp>, SearchIndex)> {
    let all = (*bytes).as_ref();
    let parts = sections(all)?;
    let table_at = parts.table_at;
    let head_range = parts.head_at..table_at;
    let damage = Damage::of(path);
    let head = Arc::new(CheckedHead::new(Arc::clone(&bytes), parts, damage.clone()));
    let (file, blobs) = decode_head(&head)?;
    // What decoding read is in the index now (or is read in place again
    // when used), and checking reads it again a few blocks at a time.
    let_go(head_range);
    // Decoding is safe on any bytes; what it read outside the blobs is
    // trusted only once checked.
    if !head.check_all_but(&blobs, let_go) {
        return None;
    }
    let valid = file.version == VERSION && file.program == program() && file.root == root;
    if !valid {
        return None;
    }
    let bodies = MappedBodies::new(bytes, table_at, damage.clone())?;
    let mut index = file.index;
    index.set_bodies(Bodies::Mapped(bodies));
    index.damage = damage;
    index.is_consistent().then_some((file.files, index))
}

#[cfg(test)]
fn encode(root: &[u8], files: &[IssueStamp], index: &SearchIndex) -> Option<Vec<u8>> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut merged = None;
    write_cache(&mut out, root, files, head_of(index, &mut merged)).ok()?;
    Some(out.into_inner())
}

/// Hands what is written on to `inner`, and the checksum of every [`BLOCK`]
/// bytes of it to `sums`.
struct BlockSums<W> {
    inner: W,
    /// Where in the file the first byte written through lands.
    base: usize,
    block: Vec<u8>,
    sums: Vec<u8>,
    /// Bytes written through, to check against the size announced before.
    written: usize,
}

impl<W: std::io::Write> BlockSums<W> {
    fn sum_block(&mut self) {
        if !self.block.is_empty() {
            let h = xxhash_rust::xxh3::xxh3_64(&self.block);
            self.sums.extend_from_slice(&h.to_le_bytes());
            self.block.clear();
        }
    }
}

impl<W: std::io::Write> std::io::Write for BlockSums<W> {
    fn write(&mut self, mut buf: &[u8]) -> std::io::Result<usize> {
        let n = buf.len();
        self.inner.write_all(buf)?;
        self.written += n;
        crate::search::column::track_write_position(Some(self.base + self.written));
        while !buf.is_empty() {
            let take = (BLOCK - self.block.len()).min(buf.len());
            self.block.extend_from_slice(&buf[..take]);
            buf = &buf[take..];
            if self.block.len() == BLOCK {
                self.sum_block();
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Write the cache file of the index of `head` to `out` as it is made (the
/// head serialised straight into it, then the body postings' list bytes,
/// copied from where they are, then the bodies one by one), going back for
/// what is known only at the end (the head's block checksums, the bodies'
/// table): the file is never held in memory whole, which took as much again
/// as the corpus's text and index on a first `newstag search`. The list bytes
/// are under the head's block checksums, read in place as the head's blobs
/// are.
fn write_cache<W: std::io::Write + std::io::Seek>(
    out: W,
    root: &[u8],
    files: &[IssueStamp],
    head: Head<'_>,
) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    let bad = |e: postcard::Error| std::io::Error::other(e.to_string());
    let index = head.index();
    let lists_len = usize::try_from(head.postings().lists_len()).map_err(std::io::Error::other)?;
    let file = CacheFileRef {
        version: VERSION,
        program: program(),
        root,
        files,
        index: head,
    };
    let head_len = postcard::experimental::serialized_size(&file).map_err(bad)? + lists_len;
    let blocks = head_len.div_ceil(BLOCK);
    let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
    let start = out.stream_position()?;
    out.write_all(MAGIC)?;
    out.write_all(&(head_len as u64).to_le_bytes())?;
    // The checksum of the sums and the sums, written once known.
    let sums_at = start + MAGIC.len() as u64 + 8;
    out.write_all(&vec![0u8; 8 + 8 * blocks])?;
    let base = usize::try_from(sums_at + 8 + 8 * blocks as u64).map_err(std::io::Error::other)?;
    let mut summed = BlockSums {
        inner: out,
        base,
        block: Vec::with_capacity(BLOCK),
        sums: Vec::with_capacity(8 * blocks),
        written: 0,
    };
    // Columns written where they can be read in place (see `column::Pods`).
    crate::search::column::track_write_position(Some(base));
    let wrote = postcard::to_io(&file, &mut summed).map_err(bad);
    crate::search::column::track_write_position(None);
    wrote?;
    let wrote = file.index.postings().write_lists(&mut summed);
    crate::search::column::track_write_position(None);
    wrote?;
    summed.sum_block();
    let BlockSums {
        inner: mut out,
        sums,
        written,
        ..
    } = summed;
    // The length written before the head must be the head's: a head one byte
    // longer or shorter than announced would shift everything after it.
    if written != head_len || sums.len() != 8 * blocks {
        return Err(std::io::Error::other(
            "the head's size changed while written",
        ));
    }
    let n = index.len();
    out.write_all(&(n as u64).to_le_bytes())?;
    // The table's checksum and the table (offsets, then checksums), written
    // once the bodies are.
    let table_at = out.stream_position()?;
    out.write_all(&vec![0u8; 8 + 16 * n + 8])?;
    let mut offsets = Vec::with_capacity(8 * (n + 1));
    let mut hashes = Vec::with_capacity(8 * n);
    let mut len = 0u64;
    offsets.extend_from_slice(&0u64.to_le_bytes());
    for d in 0..n {
        index.with_body(d, |b| {
            len += b.len() as u64;
            hashes.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(b.as_bytes()).to_le_bytes());
            out.write_all(b.as_bytes())
        })?;
        offsets.extend_from_slice(&len.to_le_bytes());
    }
    let mut table = offsets;
    table.extend_from_slice(&hashes);
    out.seek(SeekFrom::Start(sums_at))?;
    out.write_all(&xxhash_rust::xxh3::xxh3_64(&sums).to_le_bytes())?;
    out.write_all(&sums)?;
    out.seek(SeekFrom::Start(table_at))?;
    out.write_all(&xxhash_rust::xxh3::xxh3_64(&table).to_le_bytes())?;
    out.write_all(&table)?;
    out.seek(SeekFrom::End(0))?;
    out.flush()
}

/// Same layout as [`CacheFile`], borrowed, for writing (the index without its
/// bodies, which follow the head).
#[derive(Serialize)]
struct CacheFileRef<'a> {
    version: u32,
    program: Option<crate::cache::shard::ProgramStamp>,
    root: &'a [u8],
    files: &'a [IssueStamp],
    index: Head<'a>,
}

/// The folded bodies of a cache file, read in place (see the module doc).
#[derive(Clone)]
pub struct MappedBodies(Arc<Mapped>);

struct Mapped {
    bytes: Arc<dyn AsRef<[u8]> + Send + Sync>,
    n: usize,
    /// Offsets in the file of the bodies' offsets, checksums and text.
    offsets_at: usize,
    hashes_at: usize,
    text_at: usize,
    /// Bodies whose checksum was found right (bit per body).
    checked: Vec<AtomicU64>,
    /// Where a damaged body is reported.
    damage: Damage,
}

impl MappedBodies {
    /// The bodies whose table starts at `table_at` of `bytes`: None when the
    /// table is damaged or does not fit the file.
    fn new<B: AsRef<[u8]> + Send + Sync + 'static>(
        bytes: Arc<B>,
        table_at: usize,
        damage: Damage,
    ) -> Option<MappedBodies> {
        let all = (*bytes).as_ref();
        let n = usize::try_from(u64_at(all, table_at)?).ok()?;
        let sum = u64_at(all, table_at + 8)?;
        let offsets_at = table_at + 16;
        let table_len = n.checked_mul(16)?.checked_add(8)?;
        let table = all.get(offsets_at..offsets_at.checked_add(table_len)?)?;
        if xxhash_rust::xxh3::xxh3_64(table) != sum {
            return None;
        }
        let text_at = offsets_at + table_len;
        let text_len = all.len() - text_at;
        let mut prev = 0u64;
        for k in 0..=n {
            let o = u64_at(all, offsets_at + 8 * k)?;
            if o < prev || o as usize > text_len {
                return None;
            }
            prev = o;
        }
        Some(MappedBodies(Arc::new(Mapped {
            bytes,
            n,
            offsets_at,
            hashes_at: offsets_at + 8 * (n + 1),
            text_at,
            checked: (0..n.div_ceil(64)).map(|_| AtomicU64::new(0)).collect(),
            damage,
        })))
    }

    pub(crate) fn len(&self) -> usize {
        self.0.n
    }

    /// Heap bytes (the bodies themselves are the file's pages).
    pub(crate) fn heap_bytes(&self) -> usize {
        8 * self.0.checked.len()
    }

    /// Body `d` given to `f` (empty when out of range or damaged).
    pub(crate) fn with<R>(&self, d: usize, f: impl FnOnce(&str) -> R) -> R {
        f(self.text(d).unwrap_or(""))
    }

    fn text(&self, d: usize) -> Option<&str> {
        let m = &*self.0;
        if d >= m.n {
            return None;
        }
        let all = (*m.bytes).as_ref();
        let a = u64_at(all, m.offsets_at + 8 * d)? as usize;
        let b = u64_at(all, m.offsets_at + 8 * (d + 1))? as usize;
        let bytes = all.get(m.text_at + a..m.text_at + b)?;
        let word = m.checked.get(d / 64)?;
        let bit = 1u64 << (d % 64);
        if word.load(Ordering::Relaxed) & bit != 0 {
            // SAFETY: the bit of `d` is set only below, once these very bytes
            // matched their checksum and were found to be UTF-8: the same
            // range (from the table checked in `new`) of the same bytes, which
            // nothing writes (a buffer shared read-only, or the cache file
            // mapped, which newstag replaces by renaming: see [`load`]).
            return Some(unsafe { std::str::from_utf8_unchecked(bytes) });
        }
        let text = u64_at(all, m.hashes_at + 8 * d)
            .is_some_and(|h| xxhash_rust::xxh3::xxh3_64(bytes) == h)
            .then(|| simdutf8::basic::from_utf8(bytes).ok())
            .flatten();
        match text {
            Some(_) => {
                word.fetch_or(bit, Ordering::Relaxed);
            }
            None => m.damage.found(),
        }
        text
    }
}

impl std::fmt::Debug for MappedBodies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MappedBodies({} documents)", self.0.n)
    }
}

/// Write the cache of `root` atomically; false when it could not be written.
pub fn save(root: &Path, files: &[IssueStamp], index: &SearchIndex) -> bool {
    // Its postings would read back as whole: pinyin in bodies would miss
    // hits (a correction made while the four-grams were being made).
    if index.fourgrams_pending() {
        return false;
    }
    let mut merged = None;
    save_head(root, files, head_of(index, &mut merged))
}

/// The head `index` is written with: with its lists merged (into `merged`)
/// when issues were replaced since they were written (see
/// [`crate::search::postings::Postings::merged`]).
fn head_of<'a>(
    index: &'a SearchIndex,
    merged: &'a mut Option<crate::search::postings::Postings>,
) -> Head<'a> {
    if !index.postings.is_patched() {
        return Head::of(index);
    }
    Head::of_merged(index, merged.insert(index.postings.merged()))
}

/// [`save`] an index built with its postings apart (their lists copied into
/// the file from where they wait, not held in memory).
pub fn save_built(root: &Path, files: &[IssueStamp], built: &BuiltIndex) -> bool {
    // As in `save`: postings without their four-grams would read back as
    // whole.
    if built.fourgrams_pending() {
        return false;
    }
    save_head(root, files, Head::of_built(built))
}

fn save_head(root: &Path, files: &[IssueStamp], head: Head<'_>) -> bool {
    let Some(path) = cache_path(root) else {
        return false;
    };
    let Some(dir) = path.parent() else {
        return false;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return false;
    }
    let Ok(mut tmp) = crate::replace::temp_beside(&path, ".tmp", "") else {
        return false;
    };
    write_cache(tmp.as_file_mut(), &canonical(root), files, head).is_ok()
        && tmp.persist(&path).is_ok()
}

/// The index of an already loaded corpus: from the cache when it is valid for the
/// files as they were *before* loading (`files`) and agrees with the corpus,
/// else built and saved.
pub fn index_for_corpus(corpus: &Corpus, files: &[IssueStamp]) -> (SearchIndex, CacheStatus) {
    let files = &cut_with(files, corpus);
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
    // Phases named as the TUI's indexer names them (`NEWSTAG_TIMINGS=1`).
    use crate::cache::timing::mark;
    let (files, cached) = stamps_and_load(root);
    if let Some(index) = cached {
        mark("index: read from its cache");
        return Ok((index, None, CacheStatus::Hit));
    }
    mark("index: no valid cache");
    // The bodies stay in the corpus cache's files, each read as it is
    // indexed and written to the index's cache; the index then reads them
    // from its cache file as a warm start does, never holding them all.
    let corpus = crate::cache::load_corpus_on_disk(root)?;
    let index = SearchIndex::build(&corpus);
    mark("index: built");
    let cut = cut_with(&files, &corpus);
    if !save(root, &cut, &index) {
        return Ok((index, Some(corpus), CacheStatus::BuiltNotSaved));
    }
    mark("index: saved");
    let index = match load(root, &cut) {
        Some(mapped) => mapped,
        None => index,
    };
    mark("index: mapped");
    Ok((index, Some(corpus), CacheStatus::Built))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(size: u64) -> IssueStamp {
        IssueStamp {
            path: b"/c/a.txt".to_vec(),
            file: FileStamp {
                size,
                mtime_ns: 7,
                ctime_ns: 8,
                inode: 9,
            },
            corrections: 0,
        }
    }

    fn decoded(bytes: &[u8], root: &[u8], files: &[IssueStamp]) -> Option<SearchIndex> {
        decode(
            Arc::new(bytes.to_vec()),
            PathBuf::from("/nonexistent/newstag-test-cache"),
            root,
            files,
        )
    }

    fn two_articles() -> SearchIndex {
        let articles: Vec<crate::article::Article> = ["推进社区治理", "垃圾分类"]
            .iter()
            .enumerate()
            .map(|(k, body)| crate::article::Article {
                id: format!("a{k}"),
                title: format!("标题{k}"),
                paragraphs: vec![body.to_string()].into(),
                ..crate::article::Article::default()
            })
            .collect();
        SearchIndex::build_from_issues(&[crate::article::Issue {
            rel: "1.txt".into(),
            articles: articles.into(),
            ..crate::article::Issue::default()
        }])
    }

    /// An index whose issue was replaced (a correction) is written with its
    /// lists merged: it reads back as the index built afresh, and can have
    /// an issue replaced again.
    #[test]
    fn an_index_with_an_issue_replaced_is_written_merged() {
        let issue = |rel: &str, bodies: &[&str]| crate::article::Issue {
            rel: rel.into(),
            articles: bodies
                .iter()
                .enumerate()
                .map(|(k, body)| crate::article::Article {
                    id: format!("{rel}{k}"),
                    title: format!("标题{k}"),
                    paragraphs: vec![body.to_string()].into(),
                    ..crate::article::Article::default()
                })
                .collect::<Vec<_>>()
                .into(),
            ..crate::article::Issue::default()
        };
        let old = [
            issue("1.txt", &["推进社区治理", "垃圾分类"]),
            issue("2.txt", &["环境"]),
        ];
        let new = [issue("1.txt", &["社区", "分类垃圾", "GDP"]), old[1].clone()];
        let replaced = SearchIndex::build_from_issues(&old)
            .with_issue_replaced(0, &new[0])
            .unwrap();
        assert!(replaced.postings.is_patched());
        let fresh = SearchIndex::build_from_issues(&new);
        let files = vec![stamp(10)];
        let read = decoded(&encode(b"/c", &files, &replaced).unwrap(), b"/c", &files).unwrap();
        assert!(!read.postings.is_patched());
        assert_eq!(read, fresh);
        let newer = [new[0].clone(), issue("2.txt", &[])];
        assert_eq!(
            read.with_issue_replaced(1, &newer[1]),
            Some(SearchIndex::build_from_issues(&newer))
        );
    }

    #[test]
    fn cache_bytes_round_trip_and_refuse_damage_or_staleness() {
        for index in [SearchIndex::default(), two_articles()] {
            let files = vec![stamp(10)];
            let bytes = encode(b"/c", &files, &index).unwrap();
            assert_eq!(decoded(&bytes, b"/c", &files), Some(index.clone()));
            // stale: a file changed size, or another folder
            assert_eq!(decoded(&bytes, b"/c", &[stamp(11)]), None);
            assert_eq!(decoded(&bytes, b"/d", &files), None);
            // stale: the file's sidecar got a correction
            let corrected = IssueStamp {
                corrections: 42,
                ..stamp(10)
            };
            assert_eq!(decoded(&bytes, b"/c", &[corrected]), None);
            // corrupt: a flipped byte in the head or the table, a truncation, garbage
            let text_len: usize = (0..index.len()).map(|d| index.with_body(d, str::len)).sum();
            for at in [MAGIC.len() + 20, bytes.len() - text_len - 1] {
                let mut flipped = bytes.clone();
                flipped[at] ^= 0xFF;
                assert_eq!(decoded(&flipped, b"/c", &files), None, "byte {at}");
            }
            assert_eq!(decoded(&bytes[..bytes.len() - 3], b"/c", &files), None);
            assert_eq!(decoded(b"garbage", b"/c", &files), None);
        }
    }

    /// The posting lists stay in the file, checked when read: a damaged one
    /// reads as empty (the index then differs from the one written), never as
    /// what it became; the rest of the head is checked before use.
    #[test]
    fn the_heads_blobs_are_read_in_place_and_checked_when_read() {
        let index = two_articles();
        let files = vec![stamp(10)];
        let bytes = encode(b"/c", &files, &index).unwrap();
        let parts = sections(&bytes).unwrap();
        let (head_at, table_at) = (parts.head_at, parts.table_at);
        let shared = Arc::new(bytes.clone());
        let backing = Arc::new(CheckedHead::new(
            Arc::clone(&shared),
            parts,
            Damage::of(PathBuf::from("/nonexistent/newstag-test-cache")),
        ));
        let (file, blobs) = decode_head(&backing).unwrap();
        let read = file.index;
        assert_eq!(read.postings, index.postings);
        assert!(
            read.postings.columns_in_place(),
            "the postings' key, offset and head columns are read where they are"
        );
        assert_eq!(read.title_chars, index.title_chars);
        // A byte of a block wholly inside a blob (the posting lists).
        let inside = blobs
            .iter()
            .find_map(|b| {
                let at = head_at + (b.start - head_at).div_ceil(BLOCK) * BLOCK;
                (at + BLOCK <= b.end).then_some(at)
            })
            .expect("a blob holding a whole block");
        let mut flipped = bytes.clone();
        flipped[inside] ^= 0x40;
        let read =
            decoded(&flipped, b"/c", &files).expect("decoded: the blob is checked when read");
        assert_ne!(read, index, "the damaged list reads as empty");
        // ... and the file is reported, once, to the index that read it (and
        // to one made from it), for the search to be made again.
        assert_eq!(
            read.clone().take_damaged(),
            Some(PathBuf::from("/nonexistent/newstag-test-cache"))
        );
        assert_eq!(read.take_damaged(), None, "reported once");
        // A byte outside the blobs: refused at once.
        let outside = (head_at..table_at)
            .find(|at| !blobs.iter().any(|b| b.contains(at)))
            .unwrap();
        let mut flipped = bytes.clone();
        flipped[outside] ^= 0x40;
        assert_eq!(decoded(&flipped, b"/c", &files), None);
    }

    /// What pinyin searching works out from the index (titles as glyphs and
    /// the pairs of letters they can spell) is kept in the file, so a warm
    /// start need not make it again: an index read back has it, and pinyin
    /// and other searches on it find what they find on the index as built.
    #[test]
    fn pinyin_data_is_kept_and_searches_find_the_same() {
        let titles = [
            "推进社区治理",
            "长江大桥通车",
            "行长谈银行业",
            "重庆重阳节",
            "垃圾分类在行动",
            "GDP增长",
            "",
        ];
        let articles: Vec<crate::article::Article> = titles
            .iter()
            .enumerate()
            .map(|(k, title)| crate::article::Article {
                id: format!("a{k}"),
                title: title.to_string(),
                paragraphs: vec![format!("{title}，乐观的音乐会在曾经的长安街。")].into(),
                ..crate::article::Article::default()
            })
            .collect();
        let index = SearchIndex::build_from_issues(&[crate::article::Issue {
            rel: "1.txt".into(),
            articles: articles.into(),
            ..crate::article::Issue::default()
        }]);
        let files = vec![stamp(10)];
        let bytes = encode(b"/c", &files, &index).unwrap();
        let read = decoded(&bytes, b"/c", &files).unwrap();
        assert!(read.pinyin_ready(), "read with its pinyin data");
        assert!(!index.pinyin_ready(), "writing made none for the index");
        let (kept, made) = (read.pinyin_data(), index.pinyin_data());
        assert_eq!(kept.glyphs.table(), made.glyphs.table());
        assert_eq!(kept.titles, made.titles);
        assert_eq!(kept.title_letters, made.title_letters);
        assert_eq!(kept.title_pairs, made.title_pairs);
        let (read, index) = (Arc::new(read), Arc::new(index));
        let hits = |i: &Arc<SearchIndex>, q: &str| {
            let mut s = crate::search::Searcher::new(Arc::clone(i), None);
            let hits = s.search(q).unwrap();
            hits.iter().map(|h| (h.doc, h.score)).collect::<Vec<_>>()
        };
        for q in [
            "sqzl",
            "changjiang",
            "hangzhang",
            "yinhang",
            "zhongqing",
            "cq",
            "z",
            "yue",
            "ljfl",
            "gdp",
            "社区",
            "lyy",
            "yinyue",
        ] {
            assert_eq!(hits(&read, q), hits(&index, q), "{q}");
        }
        assert!(!hits(&read, "sqzl").is_empty() && !hits(&read, "hangzhang").is_empty());
    }

    /// A first start builds the index with its posting lists merged into a
    /// temporary file (not into memory) and copies them into the cache file
    /// from there: the file is byte for byte the one the index built in
    /// memory writes, and reads back as that index.
    #[test]
    fn an_index_whose_lists_wait_in_a_file_is_written_as_one_built_in_memory() {
        let words = [
            "推进", "社区", "治理", "垃圾", "分类", "GDP", "长江", "大桥",
        ];
        let issues: Vec<crate::article::Issue> = (0..12)
            .map(|i| {
                let articles: Vec<crate::article::Article> = (0..9)
                    .map(|k| {
                        let w = |j: usize| words[(i * 7 + k * 3 + j) % words.len()];
                        crate::article::Article {
                            id: format!("a{i}-{k}"),
                            title: format!("{}{}", w(0), w(1)),
                            paragraphs: vec![
                                format!("{}{}{}，第{k}号", w(2), w(3), w(4)),
                                format!("{}{i}", w(5)),
                            ]
                            .into(),
                            ..crate::article::Article::default()
                        }
                    })
                    .collect();
                crate::article::Issue {
                    rel: format!("{i:02}.txt"),
                    articles: articles.into(),
                    ..crate::article::Issue::default()
                }
            })
            .collect();
        let whole = SearchIndex::build_from_issues(&issues);
        let dir = tempfile::tempdir().unwrap();
        let segments =
            crate::search::postings::Segments::with_budget(0, Some(dir.path().to_path_buf()));
        let mut builder = crate::search::index::IndexBuilder::with_segments(segments);
        for (i, issue) in issues.iter().enumerate() {
            builder.add_issue(crate::search::index::IssueInfo::of(issue));
            let articles: Vec<_> = (0..issue.articles.len() as u32)
                .map(|k| (i as u32, k, Arc::clone(&issue.articles)))
                .collect();
            builder.add_articles(&articles);
        }
        let built = builder.finish_apart();
        assert!(built.lists_apart(), "the lists went to a file");
        let files = vec![stamp(10)];
        let mut out = std::io::Cursor::new(Vec::new());
        write_cache(&mut out, b"/c", &files, Head::of_built(&built)).unwrap();
        let bytes = out.into_inner();
        assert_eq!(Some(&bytes), encode(b"/c", &files, &whole).as_ref());
        assert_eq!(decoded(&bytes, b"/c", &files), Some(whole.clone()));
        assert_eq!(built.into_index(), whole);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_damaged_body_reads_as_empty_never_as_what_it_became() {
        let index = two_articles();
        let files = vec![stamp(10)];
        let mut bytes = encode(b"/c", &files, &index).unwrap();
        // The last body's last character 类 (E7 B1 BB) turned into 粒 (E7 B2 92).
        let n = bytes.len();
        bytes[n - 2] = 0xB2;
        bytes[n - 1] = 0x92;
        let read = decoded(&bytes, b"/c", &files).unwrap();
        assert_eq!(read.with_body(0, str::to_string), "推进社区治理");
        assert_eq!(read.with_body(1, str::to_string), "");
        assert_eq!(
            read.take_damaged(),
            Some(PathBuf::from("/nonexistent/newstag-test-cache"))
        );
    }

    /// Damage met by one index is reported to it and to the indexes made from
    /// it, never to another index (say one another test searches meanwhile).
    #[test]
    fn damage_is_reported_to_the_index_that_met_it() {
        let issue = |rel: &str, body: &str| crate::article::Issue {
            rel: rel.into(),
            articles: vec![crate::article::Article {
                id: format!("{rel}-a"),
                title: "标题".into(),
                paragraphs: vec![body.to_string()].into(),
                ..crate::article::Article::default()
            }]
            .into(),
            ..crate::article::Issue::default()
        };
        let index = SearchIndex::build_from_issues(&[
            issue("1.txt", "推进社区治理"),
            issue("2.txt", "垃圾分类"),
        ]);
        let files = vec![stamp(10)];
        let whole_bytes = encode(b"/c", &files, &index).unwrap();
        let mut bytes = whole_bytes.clone();
        // The second issue's body: 类 (E7 B1 BB) turned into 粒 (E7 B2 92).
        let n = bytes.len();
        bytes[n - 2] = 0xB2;
        bytes[n - 1] = 0x92;
        let read = decoded(&bytes, b"/c", &files).unwrap();
        let whole = decoded(&whole_bytes, b"/c", &files).unwrap();
        assert_eq!(read.take_damaged(), None, "nothing damaged read yet");
        // The first issue corrected: the index made keeps (and reads) the
        // second issue's body.
        let updated = read
            .with_issue_replaced(0, &issue("1.txt", "推进社区治理工作"))
            .unwrap();
        assert_eq!(updated.with_body(1, str::to_string), "");
        for d in 0..whole.len() {
            whole.with_body(d, |_| ());
        }
        assert_eq!(whole.take_damaged(), None, "the other index met nothing");
        assert_eq!(
            updated.take_damaged(),
            Some(PathBuf::from("/nonexistent/newstag-test-cache"))
        );
        assert_eq!(read.take_damaged(), None, "reported once");
    }
}

//! The cache of the segmented corpus (issue 17): every command and the TUI read
//! each issue's articles from here instead of reading and cutting the file again.
//!
//! One folder per corpus, `corpus-HASH/` under [`cache_root`] (HASH from the
//! corpus folder's canonical path, as the search index cache names its file):
//! a `manifest.json` (the corpus path, last use, size) and per issue file a
//! shard (named by a hash of the file's path under the corpus) holding the
//! articles as `corpus::read_issue` cuts the file without corrections, keyed by
//! the program, the format version and the file's size, times and inode (see
//! [`shard`]). The shards live in one [`pack`] file, read with one open (and
//! memory-mapped by the commands that read some bodies, [`Bodies::Stored`]).
//! The shards cut on a load are written one after another into one temporary
//! file beside the pack (not a file each: creating, reading back and removing
//! 10,000 files took half a minute of a first start); when the load ends, the
//! pack is written again from it and the old pack once they are many (an
//! eighth of the corpus, or there is no pack yet), else each becomes a loose
//! shard of its own (`shards/XX/NAME`), and the pack is written again once the
//! loose shards are many. A changed file invalidates only its own
//! shard; an issue whose sidecar holds corrections is always cut afresh (its
//! corrections read from the sidecar as on every load), so a sidecar change is
//! never served stale.
//!
//! The cache is never trusted blindly and never in the way: a corrupt, truncated,
//! foreign or stale shard is ignored and rewritten (a body found damaged only
//! when read, the load long over, costs the cut of its issue alone: see
//! [`damage`]); a cache that cannot be
//! written (no cache folder, read-only disk) only costs time. Every write is a
//! temporary file renamed into place, so concurrent processes and crashes never
//! leave half a shard. The cache lives outside the corpus and never changes it.

pub mod damage;
pub mod features;
pub mod manage;
pub mod pack;
pub mod shard;
pub mod sidecars;
pub mod timing;

use crate::article::Issue;
use crate::corpus::{Corpus, CorpusError, LoadWarning, relative_path};
use crate::segment::habits::Habits;
use shard::{FileStamp, ProgramStamp, ShardKey};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Environment variable naming the cache folder (instead of
/// `$XDG_CACHE_HOME/newstag`).
pub const DIR_ENV: &str = "NEWSTAG_CACHE_DIR";

/// The folder of every newstag cache: `$NEWSTAG_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/newstag` (or the platform's equivalent).
pub fn cache_root() -> Option<PathBuf> {
    match std::env::var_os(DIR_ENV) {
        Some(d) if !d.is_empty() => Some(PathBuf::from(d)),
        _ => dirs::cache_dir().map(|d| d.join("newstag")),
    }
}

/// The bytes of the canonical path of `root` (not its lossy text: two folders
/// whose names are not UTF-8 must not share a cache).
pub fn canonical(root: &Path) -> Vec<u8> {
    std::fs::canonicalize(root)
        .unwrap_or_else(|_| root.to_path_buf())
        .into_os_string()
        .into_encoded_bytes()
}

/// The hash naming the caches of the corpus at `root`.
pub fn corpus_hash(root: &Path) -> u64 {
    xxhash_rust::xxh3::xxh3_64(&canonical(root))
}

/// The name of the shard of the issue at `rel` (its path under the corpus).
pub fn shard_name(rel: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(rel.as_bytes())
}

/// The cache folder of the corpus at `root`.
pub fn corpus_dir(root: &Path) -> Option<PathBuf> {
    cache_root().map(|d| d.join(format!("corpus-{:016x}", corpus_hash(root))))
}

/// How the articles' bodies come out of the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bodies {
    /// Read into strings as the issue loads (the TUI, search, suggestions:
    /// every body is used).
    Read,
    /// Left in the memory-mapped pack until first used (`articles`, `export
    /// --with-body`: some bodies are read, or each once).
    Stored,
    /// Left in the pack and read from the file each time used, unless kept
    /// (the TUI: it runs long and its suggestion scorer passes over every
    /// body, which then takes memory only while it is looked at; `stats`,
    /// `check`, `export` of tags alone, which read next to no body: reading
    /// every head of a mapped pack brought all of it into their memory).
    OnDisk,
}

/// Where an issue's valid shard was found (or written) on this load.
#[derive(Debug, Clone, Copy)]
enum Found {
    /// In the pack: offset and length.
    Packed(u64, u64),
    /// As a loose shard of this length.
    Loose(u64),
    /// Cut on this load, in the spill file: offset and length.
    Spilled(u64, u64),
}

/// The shards cut on one load, one after another in a temporary file beside
/// the pack (see the module doc).
#[derive(Debug)]
struct Spill {
    file: tempfile::NamedTempFile,
    len: u64,
    /// The file again, for reading the bodies of the issues cut on this load
    /// from it ([`Bodies::OnDisk`]); it stays readable after the spill file
    /// is removed.
    reader: Option<Arc<std::fs::File>>,
}

/// The cache of one corpus while it loads: reads and writes shards, remembers
/// which are live and where, and on [`CorpusCache::finish`] writes the
/// manifest, packs the loose shards when they are many, removes the shards of
/// files that are gone and prunes old caches.
#[derive(Debug)]
pub struct CorpusCache {
    dir: PathBuf,
    root: Vec<u8>,
    program: ProgramStamp,
    bodies: Bodies,
    pack: Option<pack::Pack>,
    /// The shards found with a damaged body: never taken from the pack, and
    /// left out when it is written again.
    damage: Arc<damage::DamagedShards>,
    live: Mutex<HashSet<u128>>,
    found: Mutex<HashMap<u128, Found>>,
    bytes: AtomicU64,
    /// Issues cut afresh (no valid shard) on this load.
    cut: AtomicU64,
    wrote: AtomicBool,
    dir_made: AtomicBool,
    /// Which issues may have a sidecar (and so corrections), listed once.
    sidecars: sidecars::SidecarCensus,
    /// The shards cut on this load (none yet: `None`); `Err` once it could not
    /// be written (then each is written as a loose shard).
    spill: Mutex<Result<Option<Spill>, ()>>,
}

impl CorpusCache {
    /// The cache of the corpus at `root`; `None` when there is no cache folder
    /// or the running program cannot be told apart from another build.
    pub fn open(root: &Path) -> Option<CorpusCache> {
        CorpusCache::open_for(root, Bodies::Read)
    }

    /// [`CorpusCache::open`], the bodies coming out as `bodies` says.
    pub fn open_for(root: &Path, bodies: Bodies) -> Option<CorpusCache> {
        let dir = corpus_dir(root)?;
        let pack = pack::Pack::open(&dir.join(pack::FILE_NAME), bodies == Bodies::Stored);
        Some(CorpusCache {
            damage: Arc::new(damage::DamagedShards::read(&dir)),
            dir,
            root: canonical(root),
            program: ProgramStamp::current()?,
            bodies,
            pack,
            live: Mutex::new(HashSet::new()),
            found: Mutex::new(HashMap::new()),
            bytes: AtomicU64::new(0),
            cut: AtomicU64::new(0),
            wrote: AtomicBool::new(false),
            dir_made: AtomicBool::new(false),
            sidecars: sidecars::SidecarCensus::as_loaded(),
            spill: Mutex::new(Ok(None)),
        })
    }

    fn found(&self, name: u128, found: Found) {
        if let Ok(mut f) = self.found.lock() {
            f.insert(name, found);
        }
    }

    /// The issue from its shard in the pack, when there is a valid one (and
    /// no body of it was found damaged). A body left in the pack is not read
    /// (nor hashed) here: only the part of the shard before the bodies (see
    /// [`shard`]).
    fn packed_issue(
        &self,
        name: u128,
        key: &ShardKey,
        habits: &Arc<Habits>,
        path: &Path,
    ) -> Option<Issue> {
        let pack = self.pack.as_ref()?;
        if self.damage.shuns(name) {
            return None;
        }
        let (at, len) = pack.find(name)?;
        let place = (usize::try_from(at).ok()?, usize::try_from(len).ok()?);
        let left = |source| shard::Left {
            source,
            damage: Some(Arc::clone(&self.damage)),
        };
        let issue = match (self.bodies, pack.map()) {
            (Bodies::Stored, Some(map)) => {
                let bytes = map.get(place.0..place.0.checked_add(place.1)?)?;
                let source = shard::BodySource::Map(Arc::clone(map));
                shard::decode_stored(bytes, place, left(source), key, habits, path)?
            }
            (Bodies::OnDisk, _) => SHARD_BUFFER.with_borrow_mut(|buf| {
                // A first read of a few kilobytes holds most heads; a longer
                // one is read again whole, the bodies never.
                pack.read(at, len.min(HEAD_GUESS), buf)?;
                let need = shard::checked_len(buf)?;
                if need > buf.len() {
                    pack.read(at, u64::try_from(need).ok()?.min(len), buf)?;
                }
                let source = shard::BodySource::File(Arc::clone(pack.file()));
                let issue = shard::decode_stored(buf, place, left(source), key, habits, path);
                if buf.capacity() > KEEP_SHARD_BUFFER {
                    *buf = Vec::new();
                }
                issue
            })?,
            _ => SHARD_BUFFER.with_borrow_mut(|buf| {
                pack.read(at, len, buf)?;
                let issue = shard::decode(buf, key, habits, path);
                if buf.capacity() > KEEP_SHARD_BUFFER {
                    *buf = Vec::new();
                }
                issue
            })?,
        };
        self.found(name, Found::Packed(at, len));
        self.bytes.fetch_add(len, Ordering::Relaxed);
        Some(issue)
    }

    /// How many issues were cut afresh so far (they had no valid shard).
    pub fn cut(&self) -> u64 {
        self.cut.load(Ordering::Relaxed)
    }

    /// The folder of this corpus's cache.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn shard_path(&self, name: u128) -> PathBuf {
        let hex = format!("{name:032x}");
        self.dir.join("shards").join(&hex[..2]).join(&hex[2..])
    }

    /// The issue at `path` under `root`, as [`crate::corpus::load_issue`] gives
    /// it: from its shard when that is valid, else read, cut and its shard
    /// written.
    pub fn load_issue(&self, root: &Path, path: &Path) -> Result<Issue, LoadWarning> {
        let rel = relative_path(root, path);
        let name = shard_name(&rel);
        if let Ok(mut live) = self.live.lock() {
            live.insert(name);
        }
        let corrections = if self.sidecars.may_have(path, &rel) {
            crate::correct::file::on_load(path, &rel)
        } else {
            Vec::new()
        };
        // The corpus's habits (see `corpus::habits`): a shard holds the cut made
        // with those of them that bear on its page.
        let habits = crate::corpus::habits::of_root(root);
        if !corrections.is_empty() {
            return crate::corpus::read_issue(path, &rel, &corrections, &habits);
        }
        // Stamped before reading: a file changed while it is read gets a shard
        // that no longer matches it, so the next load cuts it again.
        let Some(file) = FileStamp::of(path) else {
            return crate::corpus::read_issue(path, &rel, &[], &habits);
        };
        let key = ShardKey {
            version: shard::FORMAT_VERSION,
            program: self.program.clone(),
            rel,
            file,
        };
        if let Some(issue) = self.packed_issue(name, &key, &habits, path) {
            return Ok(issue);
        }
        let shard_path = self.shard_path(name);
        let cached = SHARD_BUFFER.with_borrow_mut(|buf| {
            buf.clear();
            crate::regular_file::read_into(&shard_path, buf).ok()?;
            let issue = shard::decode(buf, &key, &habits, path)?;
            self.bytes.fetch_add(buf.len() as u64, Ordering::Relaxed);
            self.found(name, Found::Loose(buf.len() as u64));
            if buf.capacity() > KEEP_SHARD_BUFFER {
                *buf = Vec::new();
            }
            Some(issue)
        });
        if let Some(issue) = cached {
            return Ok(issue);
        }
        let issue = crate::corpus::read_issue(path, &key.rel, &[], &habits)?;
        self.cut.fetch_add(1, Ordering::Relaxed);
        if let Some(bytes) = shard::encode(&key, &issue, &habits) {
            let len = bytes.len() as u64;
            let (found, reader) = match self.spill(&bytes) {
                Some((at, reader)) => (Some(Found::Spilled(at, len)), reader.map(|r| (at, r))),
                None => (
                    self.write(&shard_path, &bytes).then_some(Found::Loose(len)),
                    None,
                ),
            };
            if let Some(found) = found {
                self.bytes.fetch_add(len, Ordering::Relaxed);
                self.wrote.store(true, Ordering::Relaxed);
                self.found(name, found);
            }
            // The bodies just cut are left in the spill file, as a shard's
            // are left in the pack: a first start holds the corpus's
            // metadata, not its text.
            if let Some((at, reader)) = reader
                && let Ok(at) = usize::try_from(at)
                && let Some(stored) = shard::decode_stored(
                    &bytes,
                    (at, bytes.len()),
                    shard::Left {
                        source: shard::BodySource::File(reader),
                        damage: Some(Arc::clone(&self.damage)),
                    },
                    &key,
                    &habits,
                    path,
                )
            {
                return Ok(stored);
            }
        }
        Ok(issue)
    }

    /// Append a shard to the spill file (made on first use); its offset there,
    /// or `None` when it cannot be written (nor will any later one be).
    fn spill(&self, bytes: &[u8]) -> Option<(u64, Option<Arc<std::fs::File>>)> {
        let mut spill = self.spill.lock().ok()?;
        let Ok(open) = spill.as_mut() else {
            return None;
        };
        if open.is_none() {
            let made = std::fs::create_dir_all(&self.dir).ok().and_then(|_| {
                crate::replace::temp_beside(&self.dir.join(pack::FILE_NAME), ".tmp", "").ok()
            });
            let Some(file) = made else {
                *spill = Err(());
                return None;
            };
            self.dir_made.store(true, Ordering::Relaxed);
            // On Windows an open file cannot be removed: bodies stay in memory.
            let reader = (cfg!(unix) && self.bodies == Bodies::OnDisk)
                .then(|| file.as_file().try_clone().ok().map(Arc::new))
                .flatten();
            *open = Some(Spill {
                file,
                len: 0,
                reader,
            });
        }
        let s = open.as_mut()?;
        if s.file.as_file_mut().write_all(bytes).is_err() {
            *spill = Err(());
            return None;
        }
        let at = s.len;
        s.len += bytes.len() as u64;
        Some((at, s.reader.clone()))
    }

    /// Write each shard of `spill` that is still this load's as a loose shard
    /// (the pack was not written again).
    fn unspill(&self, spill: &Spill) {
        let Ok(mut found) = self.found.lock() else {
            return;
        };
        let mut buf = Vec::new();
        for (name, f) in found.iter_mut() {
            let Found::Spilled(at, len) = *f else {
                continue;
            };
            buf.clear();
            let Ok(n) = usize::try_from(len) else {
                continue;
            };
            buf.resize(n, 0);
            if pack::read_at(spill.file.as_file(), &mut buf, at).is_ok()
                && self.write(&self.shard_path(*name), &buf)
            {
                *f = Found::Loose(len);
            }
        }
    }

    /// Write `bytes` to `path` atomically; false when it could not be written.
    fn write(&self, path: &Path, bytes: &[u8]) -> bool {
        let Some(dir) = path.parent() else {
            return false;
        };
        if !self.dir_made.load(Ordering::Relaxed) || !dir.is_dir() {
            if std::fs::create_dir_all(dir).is_err() {
                return false;
            }
            self.dir_made.store(true, Ordering::Relaxed);
        }
        write_atomic(path, bytes)
    }

    /// After a whole corpus was loaded through this cache: record its use in the
    /// manifest, remove the shards of files no longer in the corpus, and prune
    /// other corpora's caches past the size limit.
    pub fn finish(&self) {
        let live = self.live.lock().map(|l| l.clone()).unwrap_or_default();
        let old = manage::Manifest::read(&self.dir);
        let spill = self.take_spill();
        let packed = self.repack_if_due(&live, spill.as_ref());
        if let (false, Some(spill)) = (packed, &spill) {
            self.unspill(spill);
        }
        drop(spill);
        let changed = packed
            || self.wrote.load(Ordering::Relaxed)
            || old.as_ref().is_none_or(|m| m.files != live.len() as u64);
        if changed {
            self.sweep(&live);
        }
        let manifest = manage::Manifest {
            format: manage::MANIFEST_FORMAT,
            root: manage::hex(&self.root),
            root_text: String::from_utf8_lossy(&self.root).into_owned(),
            last_used: manage::now_secs(),
            files: live.len() as u64,
            bytes: self.bytes.load(Ordering::Relaxed),
        };
        // Rewritten when something changed, or at most once a minute for the
        // last use (every command would otherwise write it).
        let stale_use = old
            .as_ref()
            .is_none_or(|m| manifest.last_used.saturating_sub(m.last_used) >= 60);
        if (changed || stale_use) && std::fs::create_dir_all(&self.dir).is_ok() {
            manifest.write(&self.dir);
        }
        manage::prune(manage::max_bytes(), Some(&self.dir));
    }

    /// Write the pack again, from its shards still in use and the loose ones,
    /// when the loose shards are an eighth of the corpus (`live`) or more, or
    /// more than a quarter of the pack is of files no longer in the corpus, or
    /// a shard was found with a damaged body; then remove the loose shards now
    /// packed. The shard of a file not read from the cache this time (its
    /// sidecar holds corrections) is kept as it was. A shard found damaged on
    /// this load is left out, whatever copy of it there is, and so is the
    /// pack's copy of one noted damaged before (its issue was cut afresh): the
    /// next load cuts their issues. True when it wrote the pack.
    fn repack_if_due(&self, live: &HashSet<u128>, spill: Option<&Spill>) -> bool {
        let mut found = match self.found.lock() {
            Ok(f) => f.clone(),
            Err(_) => return false,
        };
        let loose = found
            .values()
            .filter(|f| matches!(f, Found::Loose(_) | Found::Spilled(..)))
            .count();
        let old = self.pack.as_ref().map_or(0, pack::Pack::len);
        let gone = self
            .pack
            .as_ref()
            .map_or(0, |p| p.names().filter(|n| !live.contains(n)).count());
        let due = (loose > 0 && (loose * 8 >= live.len().max(1) || self.pack.is_none()))
            || gone * 4 > old
            || self.damage.any();
        if !due || (!self.dir_made.load(Ordering::Relaxed) && !self.dir.is_dir()) {
            return false;
        }
        // Found damaged on this load (bodies are read while it runs), or
        // noted so before it.
        let damaged = self.damage.found_now();
        let noted = self.damage.noted();
        found.retain(|name, f| {
            let damaged_copy =
                damaged.contains(name) || (noted.contains(name) && matches!(f, Found::Packed(..)));
            !damaged_copy
        });
        if let Some(p) = &self.pack {
            for &name in live {
                let shunned = damaged.contains(&name) || noted.contains(&name);
                if let (false, false, Some((at, len))) =
                    (shunned, found.contains_key(&name), p.find(name))
                {
                    found.insert(name, Found::Packed(at, len));
                }
            }
        }
        let entries = found
            .iter()
            .map(|(&name, f)| match *f {
                Found::Packed(_, len) | Found::Loose(len) | Found::Spilled(_, len) => (name, len),
            })
            .collect();
        let written = pack::write(
            &self.dir.join(pack::FILE_NAME),
            entries,
            &mut |name, buf| match found.get(&name)? {
                Found::Packed(at, len) => self.pack.as_ref()?.read(*at, *len, buf),
                Found::Loose(_) => crate::regular_file::read_into(&self.shard_path(name), buf)
                    .ok()
                    .map(|_| ()),
                Found::Spilled(at, len) => {
                    buf.resize(usize::try_from(*len).ok()?, 0);
                    pack::read_at(spill?.file.as_file(), buf, *at).ok()
                }
            },
        );
        if written {
            for (name, f) in &found {
                if matches!(f, Found::Loose(_)) {
                    let _ = std::fs::remove_file(self.shard_path(*name));
                }
            }
            self.remove_empty_fans();
            self.damage.mended(&damaged.union(noted).copied().collect());
        }
        written
    }

    /// The spill file of this load, taken out (to be packed or made loose).
    fn take_spill(&self) -> Option<Spill> {
        self.spill.lock().ok()?.as_mut().ok()?.take()
    }

    /// Remove every shard not in `live` (files deleted or renamed away), and
    /// temporaries left by a crash.
    fn sweep(&self, live: &HashSet<u128>) {
        let Ok(fans) = std::fs::read_dir(self.dir.join("shards")) else {
            return;
        };
        for fan in fans.flatten() {
            let Ok(entries) = std::fs::read_dir(fan.path()) else {
                continue;
            };
            let prefix = fan.file_name().to_string_lossy().into_owned();
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                let keep = match u128::from_str_radix(&format!("{prefix}{name}"), 16) {
                    Ok(n) => live.contains(&n),
                    // A temporary of a write under way in another process is
                    // left alone for a while.
                    Err(_) => e
                        .metadata()
                        .ok()
                        .and_then(|m| m.modified().ok())
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age.as_secs() < 600),
                };
                if !keep {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        self.remove_empty_fans();
    }

    /// Remove the folders of loose shards left empty (all packed or swept),
    /// and `shards/` itself when nothing is left in it.
    fn remove_empty_fans(&self) {
        let shards = self.dir.join("shards");
        let Ok(fans) = std::fs::read_dir(&shards) else {
            return;
        };
        for fan in fans.flatten() {
            // Fails, as it should, on a folder that still holds something.
            let _ = std::fs::remove_dir(fan.path());
        }
        let _ = std::fs::remove_dir(&shards);
    }
}

impl Drop for CorpusCache {
    /// A load not ended by [`CorpusCache::finish`] (a command reading a few
    /// issues) keeps the shards it cut, loose.
    fn drop(&mut self) {
        if let Some(spill) = self.take_spill() {
            self.unspill(&spill);
        }
    }
}

/// Bytes first read of a shard whose bodies are left in the pack: enough for
/// the head and short strings of most issues (see [`shard::checked_len`]; on
/// 10k-vary they are 1.3 KB at the median, 2.6 KB at most, 8% of the pack).
const HEAD_GUESS: u64 = 4 << 10;

/// Largest shard buffer a loader thread keeps between shards.
const KEEP_SHARD_BUFFER: usize = 4 << 20;

thread_local! {
    /// Each loader thread reads its shards into one buffer: the text is copied
    /// into the articles anyway, and reusing it spares an allocation, its
    /// growth and fresh pages per shard.
    static SHARD_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Write `bytes` to `path` through a temporary renamed over it.
fn write_atomic(path: &Path, bytes: &[u8]) -> bool {
    let Ok(mut tmp) = crate::replace::temp_beside(path, ".tmp", "") else {
        return false;
    };
    tmp.write_all(bytes).is_ok() && tmp.persist(path).is_ok()
}

/// Load the corpus at `root` through its cache (see module doc); without a cache
/// folder, as [`Corpus::load`] does.
pub fn load_corpus(root: &Path) -> Result<Corpus, CorpusError> {
    load_corpus_with_progress(root, &|_, _| {})
}

/// [`load_corpus`], the bodies left in the cache until used ([`Bodies::Stored`]):
/// for a command that reads few of them, or each once.
pub fn load_corpus_stored(root: &Path) -> Result<Corpus, CorpusError> {
    load_through(root, Bodies::Stored, &|_, _| {})
}

/// [`load_corpus`], each issue's head read from the cache's files and its
/// bodies left there, read afresh each time used ([`Bodies::OnDisk`]): for a
/// command that reads next to no body (`stats`, `check`, `export` of tags
/// alone) and should not count the whole cache in its memory. (The TUI's
/// loader opens the cache the same way.)
pub fn load_corpus_on_disk(root: &Path) -> Result<Corpus, CorpusError> {
    load_through(root, Bodies::OnDisk, &|_, _| {})
}

/// [`load_corpus`], calling `progress(done, total)` as files finish.
pub fn load_corpus_with_progress(
    root: &Path,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Corpus, CorpusError> {
    load_through(root, Bodies::Read, progress)
}

fn load_through(
    root: &Path,
    bodies: Bodies,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Corpus, CorpusError> {
    let Some(cache) = CorpusCache::open_for(root, bodies) else {
        return Corpus::load_with_progress(root, progress);
    };
    let corpus = Corpus::load_with(root, progress, &|root, path| cache.load_issue(root, path))?;
    timing::mark(&format!("load issues ({} cut)", cache.cut()));
    // The habits learned go with the cache, for the next load to cut with.
    if crate::corpus::habits::stored(root).as_ref() != Some(&*corpus.habits) {
        crate::corpus::habits::store(root, &corpus.habits);
    }
    cache.finish();
    timing::mark("cache finish");
    Ok(corpus)
}

//! The habits of a corpus's paper (see [`crate::segment::habits`]) while it is
//! loaded: learned from all its issues once they are read, kept in the corpus's
//! cache folder (`corpus-*/habits`) for the next load, and known to this process
//! so that every cut of one of its files (a page view, a correction, a search
//! hit read again, `articles --explain`) is the cut the corpus was loaded with.
//!
//! A load cuts each file with the habits the corpus had last time (none the first
//! time), learns them again from every page once all are read and, when they
//! changed, cuts again only the files they change ([`Habits::differ_on`]). A
//! corpus of one file learns nothing; a folder learns from as many issues as it
//! holds, so it gets better as it grows.
//!
//! A first load (no habits known: no cache, or it was emptied) would cut every
//! issue the habits touch twice (on a paper with a label on most pages, nearly
//! all of them), so it first [`guess`]es them from a sample of its pages, put
//! through the first passes only, and cuts every file with the guess: only the
//! files on which the guess and the habits learned from every page differ are
//! cut again (none, when the guess is right), and the result is the same.
//!
//! A warm load does not learn them again when nothing changed: beside the
//! habits the cache folder notes the digest of the pages they were last
//! learned from with the digest of what was learned (`corpus-*/habits-pages`);
//! pages of the same digest learn the same habits ([`learn_or_known`]).

use crate::segment::habits::{Habits, PageLines};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// The file in a corpus's cache folder that keeps its habits.
const FILE: &str = "habits";
const MAGIC: &[u8; 8] = b"NTHABIT1";

/// Habits known to this process, by corpus root: as given, and canonical.
#[derive(Default)]
struct Registry {
    roots: Vec<(PathBuf, PathBuf, Arc<Habits>)>,
}

fn registry() -> &'static Mutex<Registry> {
    static REGISTRY: OnceLock<Mutex<Registry>> = OnceLock::new();
    REGISTRY.get_or_init(Mutex::default)
}

fn empty() -> Arc<Habits> {
    static EMPTY: OnceLock<Arc<Habits>> = OnceLock::new();
    EMPTY.get_or_init(Arc::default).clone()
}

/// The habits in force for the corpus at `root`: those this process learned or
/// read for it, else those kept in its cache folder, else none (always none for a
/// corpus of one file).
pub fn of_root(root: &Path) -> Arc<Habits> {
    if let Ok(r) = registry().lock()
        && let Some((_, _, h)) = r.roots.iter().find(|(given, _, _)| given == root)
    {
        return h.clone();
    }
    if !root.is_dir() {
        return empty();
    }
    let habits = stored(root).map_or_else(empty, Arc::new);
    register(root, habits.clone());
    habits
}

/// The habits in force for the issue file at `path`: those of the nearest folder
/// above it that was loaded as a corpus (in this process, else kept in the cache).
pub fn for_path(path: &Path) -> Arc<Habits> {
    let Ok(canonical) = std::fs::canonicalize(path) else {
        return empty();
    };
    if let Ok(r) = registry().lock() {
        let nearest = r
            .roots
            .iter()
            .filter(|(_, c, _)| canonical.starts_with(c) && canonical != *c)
            .max_by_key(|(_, c, _)| c.components().count());
        if let Some((_, _, h)) = nearest {
            return h.clone();
        }
    }
    for dir in canonical.ancestors().skip(1).take(8) {
        if let Some(h) = stored(dir) {
            let h = Arc::new(h);
            register(dir, h.clone());
            return h;
        }
    }
    empty()
}

/// Fewest pages a guess reads (all of a smaller corpus)...
const GUESS_PAGES: usize = 512;
/// ...else one page in this many, evenly spread over the corpus.
const GUESS_EVERY: usize = 16;

/// Before a load of the corpus at `root` (its issue `files`, in order) when no
/// habits are known for it (none learned in this process, none kept in its
/// cache folder): guess them from an evenly spread sample of its pages (each
/// read and put through the passes before roles, [`crate::segment::page_lines`],
/// not cut) and make the guess the habits in force, for the load to cut with.
/// A corpus of fewer than three files, or one with habits known, is left alone.
/// Never stored: the load learns the habits from every page, and cuts again the
/// files on which they differ from the guess.
pub fn guess(root: &Path, files: &[PathBuf]) {
    use rayon::prelude::*;
    if files.len() < crate::segment::measures::measures().recurring_min_issues as usize
        || !root.is_dir()
    {
        return;
    }
    // None known: nothing registered but the empty habits `of_root` found when
    // nothing was stored, nothing stored.
    let known = registry().lock().is_ok_and(|r| {
        r.roots
            .iter()
            .any(|(given, _, h)| given == root && !h.is_empty())
    });
    if known || stored(root).is_some() {
        return;
    }
    let pages = GUESS_PAGES.max(files.len() / GUESS_EVERY);
    let step = files.len().div_ceil(pages).max(1);
    let lines: Vec<_> = files
        .par_iter()
        .step_by(step)
        .filter_map(|path| {
            let mut bytes = Vec::new();
            crate::regular_file::read_into(path, &mut bytes).ok()?;
            let decoded = crate::corpus::decode::decode(&bytes).ok()?;
            Some(crate::segment::page_lines(&decoded.text))
        })
        .collect();
    register(root, Arc::new(Habits::learn(&lines)));
}

/// What a load learns once every page of the corpus at `root` is read: the
/// habits learned from all their `lines` (each page's, by its place in the
/// load), made the ones in force, and the places of the pages to cut again
/// because the habits each was cut with (`cut_with(place)`) and those learned
/// differ on it. When nothing changed, the habits in force are kept as they are;
/// when the pages are those they were last learned from, they are not learned
/// again ([`learn_or_known`]).
pub fn relearn<'a>(
    root: &Path,
    lines: &[&PageLines],
    cut_with: impl Fn(usize) -> &'a Habits,
) -> (Arc<Habits>, Vec<usize>) {
    let in_force = of_root(root);
    let learned = match learn_or_known(root, lines.iter().copied(), &in_force) {
        Some(learned) if learned != *in_force => {
            let learned = Arc::new(learned);
            register(root, learned.clone());
            learned
        }
        _ => in_force,
    };
    // Most pages share the habits they were cut with: compare those once.
    let mut same: Option<(*const Habits, bool)> = None;
    let changed = (0..lines.len())
        .filter(|&place| {
            let before = cut_with(place);
            let equal = match same {
                Some((seen, equal)) if std::ptr::eq(seen, before) => equal,
                _ => {
                    let equal = *before == *learned;
                    same = Some((before, equal));
                    equal
                }
            };
            !equal && before.differ_on(&learned, lines[place])
        })
        .collect();
    (learned, changed)
}

/// Make `habits` the ones in force for the corpus at `root` in this process.
pub fn register(root: &Path, habits: Arc<Habits>) {
    let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    if let Ok(mut r) = registry().lock() {
        r.roots
            .retain(|(given, c, _)| given != root && *c != canonical);
        r.roots.push((root.to_path_buf(), canonical, habits));
    }
}

fn path_of(root: &Path) -> Option<PathBuf> {
    crate::cache::corpus_dir(root).map(|d| d.join(FILE))
}

/// The habits kept in the cache folder of the corpus at `root`, when there are
/// (a damaged or foreign file is none).
pub fn stored(root: &Path) -> Option<Habits> {
    let bytes = std::fs::read(path_of(root)?).ok()?;
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (sum, payload) = rest.split_at_checked(8)?;
    if xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes() != sum {
        return None;
    }
    postcard::from_bytes(payload).ok()
}

/// Keep `habits` in the cache folder of the corpus at `root` (a folder), for the
/// next load; a cache that cannot be written only costs the next load time.
pub fn store(root: &Path, habits: &Habits) {
    if !root.is_dir() {
        return;
    }
    let Some(path) = path_of(root) else {
        return;
    };
    let Ok(payload) = postcard::to_stdvec(habits) else {
        return;
    };
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    if let Some(dir) = path.parent()
        && std::fs::create_dir_all(dir).is_ok()
        && let Ok(mut tmp) = crate::replace::temp_beside(&path, ".tmp", "")
    {
        use std::io::Write as _;
        let _ = tmp.write_all(&bytes).is_ok() && tmp.persist(&path).is_ok();
    }
}

/// The file noting which pages the corpus's habits were last learned from.
const PAGES_FILE: &str = "habits-pages";
const PAGES_MAGIC: &[u8; 8] = b"NTHPAGE1";

/// The digest of `pages` in order: the same pages learn the same habits.
pub fn pages_digest<'a>(pages: impl IntoIterator<Item = &'a PageLines>) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    // Each part's length and keys, a page's bytes handed to the hasher at once
    // (the digest of the same bytes: a call for each key cost more than the
    // hashing, on every load).
    let mut bytes = Vec::new();
    for page in pages {
        bytes.clear();
        for part in [&page.under_head, &page.heads, &page.context, &page.others] {
            bytes.extend_from_slice(&(part.len() as u64).to_le_bytes());
            for k in part {
                bytes.extend_from_slice(&k.to_le_bytes());
            }
        }
        h.update(&bytes);
    }
    h.digest()
}

/// The habits `pages` teach the corpus at `root`: `known` (those in force)
/// when they were last learned from pages of the same digest and the same
/// habits came of it, else learned from `pages` (and noted, when the corpus
/// has a cache folder). `None` in the first case: nothing was learned.
pub fn learn_or_known<'a>(
    root: &Path,
    pages: impl IntoIterator<Item = &'a PageLines> + Clone,
    known: &Habits,
) -> Option<Habits> {
    // A new build may learn otherwise from the same pages: its note is not trusted.
    let Some(program) = crate::cache::shard::ProgramStamp::current() else {
        return Some(Habits::learn(pages));
    };
    let digest = note_key(pages_digest(pages.clone()), &program);
    let noted = learned_from(root);
    if noted == Some((digest, known.digest())) {
        return None;
    }
    let learned = Habits::learn(pages);
    if noted != Some((digest, learned.digest())) {
        note_learned(root, digest, &learned);
    }
    Some(learned)
}

/// What a note keys the habits by: the digest of the pages they were learned
/// from, and the build that learned them.
fn note_key(pages: u64, program: &crate::cache::shard::ProgramStamp) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&pages.to_le_bytes());
    h.update(&program.size.to_le_bytes());
    h.update(&program.mtime_ns.to_le_bytes());
    h.update(&program.segmentation.to_le_bytes());
    h.digest()
}

/// (key of the pages and build, [`note_key`]; digest of the habits learned
/// from them) as last noted for the corpus at `root`.
fn learned_from(root: &Path) -> Option<(u64, u64)> {
    let path = crate::cache::corpus_dir(root)?.join(PAGES_FILE);
    let bytes = crate::regular_file::read(&path).ok()?;
    let rest = bytes.strip_prefix(PAGES_MAGIC.as_slice())?;
    let (pages, rest) = rest.split_at_checked(8)?;
    let (habits, sum) = rest.split_at_checked(8)?;
    let payload = &bytes[PAGES_MAGIC.len()..PAGES_MAGIC.len() + 16];
    if sum != xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes() {
        return None;
    }
    Some((
        u64::from_le_bytes(pages.try_into().ok()?),
        u64::from_le_bytes(habits.try_into().ok()?),
    ))
}

/// Note that `habits` were learned under `pages` ([`note_key`]; nothing when
/// the corpus has no cache folder yet, or it cannot be written).
fn note_learned(root: &Path, pages: u64, habits: &Habits) {
    let Some(dir) = crate::cache::corpus_dir(root).filter(|d| root.is_dir() && d.is_dir()) else {
        return;
    };
    let mut bytes = PAGES_MAGIC.to_vec();
    bytes.extend_from_slice(&pages.to_le_bytes());
    bytes.extend_from_slice(&habits.digest().to_le_bytes());
    let sum = xxhash_rust::xxh3::xxh3_64(&bytes[PAGES_MAGIC.len()..]);
    bytes.extend_from_slice(&sum.to_le_bytes());
    if let Ok(mut tmp) = crate::replace::temp_beside(&dir.join(PAGES_FILE), ".tmp", "") {
        use std::io::Write as _;
        let _ = tmp.write_all(&bytes).is_ok() && tmp.persist(dir.join(PAGES_FILE)).is_ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::shard::ProgramStamp;

    /// The pages' digest is that of each part's length and keys hashed one
    /// after another, pages and parts apart or not (a page with no lines too).
    #[test]
    fn the_pages_digest_hashes_each_length_and_key_in_turn() {
        let page = |n: u64| PageLines {
            under_head: (0..n).map(|k| k * 7 + 1).collect(),
            heads: (0..n + 2).map(|k| k ^ 0xabc).collect(),
            context: (0..2 * n + 2).collect(),
            others: vec![n; n as usize],
        };
        let pages = [page(3), PageLines::default(), page(0), page(9)];
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for p in &pages {
            for part in [&p.under_head, &p.heads, &p.context, &p.others] {
                h.update(&(part.len() as u64).to_le_bytes());
                for k in part {
                    h.update(&k.to_le_bytes());
                }
            }
        }
        assert_eq!(pages_digest(&pages), h.digest());
        assert_ne!(pages_digest(&pages), pages_digest(&pages[1..]));
    }

    #[test]
    fn a_note_is_keyed_by_the_build_as_well_as_the_pages() {
        let build = ProgramStamp {
            size: 9_000_000,
            mtime_ns: 1_700_000_000_000_000_000,
            segmentation: 0,
        };
        let key = note_key(42, &build);
        assert_eq!(key, note_key(42, &build.clone()));
        assert_ne!(key, note_key(43, &build));
        let rebuilt = ProgramStamp {
            mtime_ns: build.mtime_ns + 1,
            ..build.clone()
        };
        assert_ne!(key, note_key(42, &rebuilt));
        let resized = ProgramStamp {
            size: build.size + 8,
            ..build.clone()
        };
        assert_ne!(key, note_key(42, &resized));
        let other_words = ProgramStamp {
            segmentation: 7,
            ..build
        };
        assert_ne!(key, note_key(42, &other_words));
    }
}

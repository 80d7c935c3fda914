//! The pack: the shards of a whole corpus in one file, so a warm load opens
//! one file instead of one an issue, and a command that needs few bodies
//! (`stats`, `check`, `articles`) maps it into memory and leaves the bodies
//! there (see [`crate::article::Paragraphs`]).
//!
//! Layout: `MAGIC`, the entry count (u64), the index (per entry: the shard's
//! name as u128, offset and length as u64, all little-endian, sorted by
//! name), the xxh3 of the index, then the shards one after another, each as
//! [`super::shard`] writes it (with its own checksum and key). A pack whose
//! magic, index or checksum is wrong is not used at all; a shard in it that
//! is damaged or stale is ignored like a loose one. A pack is only ever
//! written whole to a temporary file renamed over the old one, never in
//! place, which is what makes mapping it into memory sound.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

const MAGIC: &[u8; 8] = b"NTPACK1\n";

/// The name of the pack in a corpus's cache folder.
pub const FILE_NAME: &str = "pack";

/// Bytes of one index entry.
const ENTRY: usize = 32;

/// One shard's place in the pack: (name, offset, length).
type Place = (u128, u64, u64);

/// An open pack.
#[derive(Debug)]
pub struct Pack {
    file: Arc<File>,
    index: Vec<Place>,
    /// The whole file mapped into memory, for bodies left in it.
    map: Option<Arc<memmap2::Mmap>>,
}

impl Pack {
    /// The pack at `path`, when it exists and its index is whole; `mapped`
    /// maps it into memory (for [`Pack::map`]).
    pub fn open(path: &Path, mapped: bool) -> Option<Pack> {
        let file = crate::regular_file::open(path).ok()?;
        let size = file.metadata().ok()?.len();
        let mut head = [0u8; 16];
        read_at(&file, &mut head, 0).ok()?;
        if &head[..8] != MAGIC {
            return None;
        }
        let count = u64::from_le_bytes(head[8..16].try_into().ok()?);
        let index_len = usize::try_from(count).ok()?.checked_mul(ENTRY)?;
        if 24 + index_len as u64 > size {
            return None;
        }
        let mut raw = vec![0u8; index_len + 8];
        read_at(&file, &mut raw, 16).ok()?;
        let (raw, sum) = raw.split_at(index_len);
        if xxhash_rust::xxh3::xxh3_64(raw) != u64::from_le_bytes(sum.try_into().ok()?) {
            return None;
        }
        let index: Vec<Place> = raw
            .chunks_exact(ENTRY)
            .map(|e| {
                let (name, rest) = e.split_at_checked(16)?;
                let (at, len) = rest.split_at_checked(8)?;
                Some((
                    u128::from_le_bytes(name.try_into().ok()?),
                    u64::from_le_bytes(at.try_into().ok()?),
                    u64::from_le_bytes(len.try_into().ok()?),
                ))
            })
            .collect::<Option<_>>()?;
        let fits = index
            .iter()
            .all(|&(_, at, len)| at.checked_add(len).is_some_and(|end| end <= size));
        let sorted = index.windows(2).all(|w| w[0].0 < w[1].0);
        if !fits || !sorted {
            return None;
        }
        let map = if mapped {
            // SAFETY: newstag never writes a pack in place (a new one is
            // renamed over it), so the mapped file does not change under us;
            // every shard read from it is checked (checksum, key, UTF-8)
            // before use.
            Some(Arc::new(unsafe { memmap2::Mmap::map(&file) }.ok()?))
        } else {
            None
        };
        Some(Pack {
            file: Arc::new(file),
            index,
            map,
        })
    }

    /// Where the shard `name` is: (offset, length).
    pub fn find(&self, name: u128) -> Option<(u64, u64)> {
        let i = self.index.binary_search_by_key(&name, |e| e.0).ok()?;
        self.index.get(i).map(|&(_, at, len)| (at, len))
    }

    /// The names of the shards in the pack.
    pub fn names(&self) -> impl Iterator<Item = u128> + '_ {
        self.index.iter().map(|e| e.0)
    }

    /// The number of shards in the pack.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The open pack file, for bodies read from it where used.
    pub fn file(&self) -> &Arc<File> {
        &self.file
    }

    /// The pack mapped into memory, when opened so.
    pub fn map(&self) -> Option<&Arc<memmap2::Mmap>> {
        self.map.as_ref()
    }

    /// Read the shard at (`at`, `len`) into `buf`.
    pub fn read(&self, at: u64, len: u64, buf: &mut Vec<u8>) -> Option<()> {
        buf.clear();
        buf.resize(usize::try_from(len).ok()?, 0);
        read_at(&self.file, buf, at).ok()
    }
}

/// Write a pack of `entries` (name and length, in any order) to `path`
/// through a temporary file renamed over it, each shard's bytes given by
/// `bytes(name, buf)`; false (and nothing written) when a shard cannot be had
/// or the file cannot be written.
pub fn write(
    path: &Path,
    mut entries: Vec<(u128, u64)>,
    bytes: &mut dyn FnMut(u128, &mut Vec<u8>) -> Option<()>,
) -> bool {
    entries.sort_unstable();
    entries.dedup_by_key(|e| e.0);
    let Ok(count) = u64::try_from(entries.len()) else {
        return false;
    };
    let mut index = Vec::with_capacity(entries.len() * ENTRY);
    let mut at = 24 + (entries.len() * ENTRY) as u64;
    for &(name, len) in &entries {
        index.extend_from_slice(&name.to_le_bytes());
        index.extend_from_slice(&at.to_le_bytes());
        index.extend_from_slice(&len.to_le_bytes());
        at += len;
    }
    let Ok(tmp) = crate::replace::temp_beside(path, ".tmp", "") else {
        return false;
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 20, tmp);
    let head = out
        .write_all(MAGIC)
        .and_then(|_| out.write_all(&count.to_le_bytes()))
        .and_then(|_| out.write_all(&index))
        .and_then(|_| out.write_all(&xxhash_rust::xxh3::xxh3_64(&index).to_le_bytes()));
    if head.is_err() {
        return false;
    }
    let mut buf = Vec::new();
    for &(name, len) in &entries {
        buf.clear();
        if bytes(name, &mut buf).is_none() || buf.len() as u64 != len {
            return false;
        }
        if out.write_all(&buf).is_err() {
            return false;
        }
    }
    match out.into_inner() {
        Ok(tmp) => tmp.persist(path).is_ok(),
        Err(_) => false,
    }
}

/// Read `buf.len()` bytes of `file` from offset `at`.
#[cfg(unix)]
pub fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

/// Read `buf.len()` bytes of `file` from offset `at`.
#[cfg(windows)]
pub fn read_at(file: &File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pack gives back each shard written into it; a damaged index or magic
    /// makes the whole pack unused, never misread.
    #[test]
    fn packs_round_trip_and_refuse_a_damaged_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let shards: Vec<(u128, Vec<u8>)> = (0..20u128)
            .map(|n| (n * 7919 % 23, vec![n as u8; (n * 37 % 50) as usize]))
            .collect();
        let entries = shards.iter().map(|(n, b)| (*n, b.len() as u64)).collect();
        let written = write(&path, entries, &mut |name, buf| {
            let (_, b) = shards.iter().find(|(n, _)| *n == name)?;
            buf.extend_from_slice(b);
            Some(())
        });
        assert!(written);
        for mapped in [false, true] {
            let pack = Pack::open(&path, mapped).unwrap();
            assert_eq!(pack.len(), 20);
            for (name, bytes) in &shards {
                let (at, len) = pack.find(*name).unwrap();
                let mut buf = Vec::new();
                pack.read(at, len, &mut buf).unwrap();
                assert_eq!(&buf, bytes);
                if mapped {
                    let map = pack.map().unwrap();
                    assert_eq!(&map[at as usize..(at + len) as usize], &bytes[..]);
                }
            }
            assert_eq!(pack.find(1000), None);
        }
        let good = std::fs::read(&path).unwrap();
        for at in [0, 9, 30, 16 + 20 * ENTRY] {
            let mut bad = good.clone();
            bad[at] ^= 1;
            std::fs::write(&path, &bad).unwrap();
            assert!(Pack::open(&path, false).is_none(), "flipped at {at}");
        }
        std::fs::write(&path, &good[..100]).unwrap();
        assert!(Pack::open(&path, false).is_none(), "truncated");
    }
}

//! What tells that a file (or folder) changed without reading it: its size,
//! modification and change times and inode. Any edit, touch, replacement or
//! rename over it changes at least one; the change time moves even when the
//! modification time is set back, and is set by the system alone. The caches
//! key what they keep by it (the corpus cache's shards, the search index's
//! issue files, a folder's listing).

use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Size, times and inode of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileStamp {
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0: before it, or
    /// unknown).
    pub mtime_ns: u128,
    /// Change time, nanoseconds since the epoch (0 where the system has none).
    pub ctime_ns: i128,
    /// 0 where the system has none.
    pub inode: u64,
}

impl FileStamp {
    /// The stamp of `path` now (symbolic links followed); `None` when it
    /// cannot be read.
    pub fn of(path: &Path) -> Option<FileStamp> {
        std::fs::metadata(path)
            .ok()
            .map(|m| FileStamp::of_metadata(&m))
    }

    pub fn of_metadata(meta: &std::fs::Metadata) -> FileStamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        #[cfg(unix)]
        let (ctime_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (ctime_ns, inode) = (0, 0);
        FileStamp {
            size: meta.len(),
            mtime_ns,
            ctime_ns,
            inode,
        }
    }

    /// The modification time.
    pub fn modified(&self) -> SystemTime {
        let secs = u64::try_from(self.mtime_ns / 1_000_000_000).unwrap_or(u64::MAX);
        let nanos = u32::try_from(self.mtime_ns % 1_000_000_000).unwrap_or(0);
        UNIX_EPOCH
            .checked_add(Duration::new(secs, nanos))
            .unwrap_or(UNIX_EPOCH)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An edit that keeps the size and sets the modification time back is
    /// still told apart (by the change time); the same file read twice is the
    /// same stamp.
    #[test]
    fn an_edit_of_the_same_size_with_its_time_set_back_changes_the_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "社区").unwrap();
        let before = FileStamp::of(&path).unwrap();
        assert_eq!(FileStamp::of(&path), Some(before));
        let was = std::fs::metadata(&path).unwrap().modified().unwrap();
        assert_eq!(before.modified(), was);
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, "治理").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(was)
            .unwrap();
        let after = FileStamp::of(&path).unwrap();
        assert_eq!((after.size, after.mtime_ns), (before.size, before.mtime_ns));
        assert_ne!(after, before);
        assert_eq!(FileStamp::of(&dir.path().join("none")), None);
    }
}

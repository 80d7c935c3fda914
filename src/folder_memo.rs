//! What a listing of a folder told, kept for the rest of the process while the
//! folder's stamp ([`FileStamp`]: adding, removing or renaming an entry changes
//! its times) stays the same: one `stat` instead of listing a folder of
//! 100,000 issues again. The sidecar census ([`crate::cache::sidecars`]) and
//! the sidecar locations ([`crate::tags::location`]) keep theirs here, each in
//! a [`FolderMemo`] of its own (they keep different things of a listing).

use crate::file_stamp::FileStamp;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A listing is kept only when the folder's last change is this much older
/// than it: a change in the same tick of a coarse clock (FAT keeps 2 s) would
/// not move the folder's stamp.
const SETTLED: std::time::Duration = std::time::Duration::from_secs(3);

/// What listing a folder gave (`T`, cheap to clone: an `Arc`), for the folders
/// listed in this process, each with its stamp then. Bounded by weight (say,
/// the names a listing holds): the least recently asked for go first.
pub struct FolderMemo<T> {
    kept: Mutex<Option<Kept<T>>>,
    /// The weight all listings kept hold at most.
    bound: usize,
}

struct Kept<T> {
    folders: HashMap<PathBuf, Entry<T>>,
    weight: usize,
    clock: u64,
}

struct Entry<T> {
    stamp: FileStamp,
    value: T,
    weight: usize,
    used: u64,
}

impl<T: Clone> FolderMemo<T> {
    /// An empty memo keeping listings of at most `bound` weight in all.
    pub const fn new(bound: usize) -> FolderMemo<T> {
        FolderMemo {
            kept: Mutex::new(None),
            bound,
        }
    }

    /// The listing of `folder` kept while its stamp is the same, else
    /// `list(folder)` now, kept when the folder did not change while it was
    /// listed, its last change is settled, and `weight` gives it one (`None`:
    /// not to be kept, e.g. a folder that could not be listed).
    pub fn get_or_list(
        &self,
        folder: &Path,
        list: impl FnOnce(&Path) -> T,
        weight: impl FnOnce(&T) -> Option<usize>,
    ) -> T {
        let Some(before) = FileStamp::of(folder) else {
            return list(folder);
        };
        if let Ok(mut kept) = self.kept.lock()
            && let Some(kept) = kept.as_mut()
        {
            kept.clock += 1;
            if let Some(e) = kept.folders.get_mut(folder)
                && e.stamp == before
            {
                e.used = kept.clock;
                return e.value.clone();
            }
        }
        let value = list(folder);
        let settled = before.modified().elapsed().is_ok_and(|age| age >= SETTLED);
        if settled
            && let Some(weight) = weight(&value)
            && FileStamp::of(folder) == Some(before)
            && let Ok(mut kept) = self.kept.lock()
        {
            let kept = kept.get_or_insert_with(|| Kept {
                folders: HashMap::new(),
                weight: 0,
                clock: 0,
            });
            kept.keep(folder, before, value.clone(), weight, self.bound);
        }
        value
    }
}

impl<T> FolderMemo<T> {
    /// True when a listing of `folder` is kept (whatever its stamp).
    pub fn holds(&self, folder: &Path) -> bool {
        self.kept
            .lock()
            .is_ok_and(|k| k.as_ref().is_some_and(|k| k.folders.contains_key(folder)))
    }
}

impl<T> Kept<T> {
    /// Keep `value` as the listing of `folder` (stamped `stamp`); when all
    /// weigh more than `bound`, drop the least recently asked for others until
    /// they weigh an eighth of the bound less than it (one sort then, not a
    /// scan of every listing for each one kept past the bound).
    fn keep(&mut self, folder: &Path, stamp: FileStamp, value: T, weight: usize, bound: usize) {
        self.clock += 1;
        self.weight += weight;
        let new = Entry {
            stamp,
            value,
            weight,
            used: self.clock,
        };
        if let Some(old) = self.folders.insert(folder.to_path_buf(), new) {
            self.weight -= old.weight;
        }
        if self.weight <= bound {
            return;
        }
        let low = bound - bound / 8;
        let mut others: Vec<(u64, PathBuf)> = (self.folders.iter())
            .filter(|(f, _)| f.as_path() != folder)
            .map(|(f, e)| (e.used, f.clone()))
            .collect();
        others.sort_unstable_by_key(|(used, _)| *used);
        for (_, oldest) in others {
            if self.weight <= low {
                break;
            }
            if let Some(gone) = self.folders.remove(&oldest) {
                self.weight -= gone.weight;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// The listings kept weigh at most the bound: the folders asked for
    /// least recently go first, never the one just listed.
    #[test]
    fn listings_kept_are_bounded_by_their_weight() {
        let stamp = |n: u64| FileStamp {
            size: n,
            mtime_ns: 0,
            ctime_ns: 0,
            inode: 0,
        };
        let mut memo = Kept {
            folders: HashMap::new(),
            weight: 0,
            clock: 0,
        };
        memo.keep(Path::new("a"), stamp(1), (), 4, 10);
        memo.keep(Path::new("b"), stamp(2), (), 4, 10);
        // a asked for again since.
        memo.clock += 1;
        memo.folders.get_mut(Path::new("a")).unwrap().used = memo.clock;
        // Twelve: b, asked for least recently, goes.
        memo.keep(Path::new("c"), stamp(3), (), 4, 10);
        let mut kept: Vec<_> = memo.folders.keys().cloned().collect();
        kept.sort();
        assert_eq!(kept, [PathBuf::from("a"), PathBuf::from("c")]);
        assert_eq!(memo.weight, 8);
        // Listed again, a folder's old listing is replaced, not counted twice.
        memo.keep(Path::new("c"), stamp(4), (), 2, 10);
        assert_eq!(memo.weight, 6);
        // One folder beyond the bound alone is still kept.
        memo.keep(Path::new("d"), stamp(5), (), 30, 10);
        assert_eq!(memo.folders.keys().collect::<Vec<_>>(), [Path::new("d")]);
        assert_eq!(memo.weight, 30);
    }

    /// A settled folder is listed once while unchanged, again once an entry
    /// is added; a folder changed just now is listed every time; past the
    /// bound the least recently asked for listing goes.
    #[test]
    fn listings_are_kept_while_the_folder_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        for f in [&a, &b] {
            std::fs::create_dir(f).unwrap();
        }
        let memo: FolderMemo<usize> = FolderMemo::new(2);
        let listed = Cell::new(0);
        let ask = |f: &Path| {
            memo.get_or_list(
                f,
                |f| {
                    listed.set(listed.get() + 1);
                    std::fs::read_dir(f).unwrap().count()
                },
                |_| Some(1),
            )
        };
        // Just made: not settled, listed each time.
        assert_eq!((ask(&a), ask(&a)), (0, 0));
        assert_eq!(listed.get(), 2);
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        let set_old = |f: &Path| {
            std::fs::File::open(f).unwrap().set_modified(old).unwrap();
        };
        set_old(&a);
        set_old(&b);
        listed.set(0);
        assert_eq!((ask(&a), ask(&a)), (0, 0));
        assert_eq!(listed.get(), 1, "kept while unchanged");
        std::fs::write(a.join("x.txt"), "").unwrap();
        set_old(&a);
        assert_eq!(ask(&a), 1, "a new entry is seen");
        assert_eq!(listed.get(), 2);
        // b, then a new c: past the bound of 2, a (least recently asked) goes.
        let c = dir.path().join("c");
        std::fs::create_dir(&c).unwrap();
        set_old(&c);
        ask(&b);
        ask(&c);
        listed.set(0);
        ask(&c);
        ask(&b);
        assert_eq!(listed.get(), 0, "b and c kept");
        ask(&a);
        assert_eq!(listed.get(), 1, "a was dropped");
    }
}

//! The shards found with a damaged body (see [`super::shard`]: the bodies lie
//! outside a shard's checksum and are checked each when read, often long
//! after the load that opened the shard has ended).
//!
//! A damaged body is noted by its shard's name in the file `damaged` of the
//! corpus's cache folder, one name (32 hex digits) a line, as soon as it is
//! found. A load takes the shards noted there, and those found damaged while
//! it runs, never from the pack: it cuts their issues afresh (one issue each,
//! not the corpus), and its end writes the pack again without the damaged
//! copies (a pack is copied shard by shard, and a copy would carry the damage
//! on), then strikes those names from the note. The pack itself stays in
//! place: every other shard in it is sound.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The note's name in a corpus's cache folder.
pub const FILE_NAME: &str = "damaged";

/// The damaged shards of one corpus's cache: those noted when it was opened,
/// and those found since.
#[derive(Debug)]
pub struct DamagedShards {
    note: PathBuf,
    noted: HashSet<u128>,
    found: Mutex<HashSet<u128>>,
}

impl DamagedShards {
    /// The damage noted in the cache folder `dir` (none when there is no
    /// note, or it cannot be read).
    pub fn read(dir: &Path) -> DamagedShards {
        let note = dir.join(FILE_NAME);
        DamagedShards {
            noted: read_note(&note),
            note,
            found: Mutex::new(HashSet::new()),
        }
    }

    /// True when the shard `name` is not to be taken from the pack: noted as
    /// damaged, or found so on this load.
    pub fn shuns(&self, name: u128) -> bool {
        self.noted.contains(&name) || self.found.lock().is_ok_and(|f| f.contains(&name))
    }

    /// The shard `name` holds a damaged body: remember it, and note it for the
    /// loads to come (this one may have ended).
    pub fn found(&self, name: u128) {
        let Ok(mut found) = self.found.lock() else {
            return;
        };
        if !found.insert(name) {
            return;
        }
        let mut names = read_note(&self.note);
        if names.insert(name) {
            write_note(&self.note, &names);
        }
    }

    /// The names found damaged on this load so far.
    pub fn found_now(&self) -> HashSet<u128> {
        self.found.lock().map(|f| f.clone()).unwrap_or_default()
    }

    /// The names noted when the cache was opened.
    pub fn noted(&self) -> &HashSet<u128> {
        &self.noted
    }

    /// True when there is damage to mend: noted, or found on this load.
    pub fn any(&self) -> bool {
        !self.noted.is_empty() || self.found.lock().is_ok_and(|f| !f.is_empty())
    }

    /// The pack was written again without the damaged copies of `names`:
    /// strike them from the note (names noted since by another reader stay).
    pub fn mended(&self, names: &HashSet<u128>) {
        let mut left = read_note(&self.note);
        let before = left.len();
        left.retain(|n| !names.contains(n));
        if left.len() != before {
            write_note(&self.note, &left);
        }
    }
}

/// The names in the note at `path` (a line that is no name is skipped).
fn read_note(path: &Path) -> HashSet<u128> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return HashSet::new();
    };
    text.lines()
        .filter(|l| l.len() == 32)
        .filter_map(|l| u128::from_str_radix(l, 16).ok())
        .collect()
}

/// Write `names` as the note at `path` (through a temporary renamed over it),
/// or remove the note when there are none.
fn write_note(path: &Path, names: &HashSet<u128>) {
    if names.is_empty() {
        let _ = std::fs::remove_file(path);
        return;
    }
    let mut sorted: Vec<u128> = names.iter().copied().collect();
    sorted.sort_unstable();
    let text: String = sorted.iter().map(|n| format!("{n:032x}\n")).collect();
    if path.parent().is_some_and(Path::is_dir) {
        super::write_atomic(path, text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Damage found is noted at once for later loads, is shunned by this one,
    /// and leaves the note once mended; names noted by another reader in the
    /// meantime stay.
    #[test]
    fn damage_is_noted_for_later_loads_until_mended() {
        let dir = tempfile::tempdir().unwrap();
        let first = DamagedShards::read(dir.path());
        assert!(!first.any() && !first.shuns(7));
        first.found(7);
        first.found(7);
        assert!(first.shuns(7) && first.any());
        let second = DamagedShards::read(dir.path());
        assert_eq!(second.noted(), &HashSet::from([7]));
        assert!(second.shuns(7) && !second.shuns(8));
        // Another reader finds more, then the first mends what it knew of.
        DamagedShards::read(dir.path()).found(u128::MAX);
        second.mended(&HashSet::from([7]));
        assert_eq!(
            DamagedShards::read(dir.path()).noted(),
            &HashSet::from([u128::MAX])
        );
        second.mended(&HashSet::from([u128::MAX]));
        assert!(!dir.path().join(FILE_NAME).exists(), "an empty note goes");
        // Lines that are no names are skipped.
        let junk = format!("junk\n\n{}\n", "z".repeat(32));
        std::fs::write(dir.path().join(FILE_NAME), junk).unwrap();
        assert!(!DamagedShards::read(dir.path()).any());
    }
}

//! Which issues may have a sidecar, from one listing of each sidecar folder
//! instead of two failed lookups per issue: on a corpus of ten thousand issues
//! without sidecars that is one `readdir` instead of twenty thousand `lstat`s,
//! on every load and again for the story links made by hand.
//!
//! The answer is "may have": an issue whose folder lists its plain or full
//! sidecar name (see [`crate::tags::location`]) may have one and is read as
//! before; one whose folder does not list it has none (the same test
//! [`crate::correct::file::on_load`] makes, by name). A folder that cannot be
//! listed for another reason than not existing answers "may have", so the
//! caller looks the file up as it did without this census.

use crate::article::Issue;
use crate::folder_memo::FolderMemo;
use crate::tags::sidecar;
use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// The names ending in the sidecar suffix of one folder, ASCII letters folded
/// to lower case (on a case-insensitive file system, macOS's and Windows's by
/// default, `A.txt`'s sidecar may be spelled `a.tags.toml`, which a lookup by
/// path finds); `None` when the folder could not be listed (every name then
/// may exist). Shared, not copied, by every census that takes it.
type Listing = Option<Arc<HashSet<OsString>>>;

/// The sidecar names of every folder asked about, each folder listed once
/// (threads asking about the same folder wait for its one listing).
#[derive(Debug, Default)]
pub struct SidecarCensus {
    sidecar_dir: Option<PathBuf>,
    folders: Mutex<HashMap<OsString, Arc<OnceLock<Listing>>>>,
}

impl SidecarCensus {
    /// A census of the sidecars beside the issues, or mirrored under
    /// `sidecar_dir` (`corpus.sidecar_dir` of the config) when given.
    pub fn new(sidecar_dir: Option<&Path>) -> SidecarCensus {
        SidecarCensus {
            sidecar_dir: sidecar_dir.map(Path::to_path_buf),
            folders: Mutex::new(HashMap::new()),
        }
    }

    /// A census of the sidecars where loading reads them now
    /// ([`crate::correct::file::sidecar_dir`]).
    pub fn as_loaded() -> SidecarCensus {
        SidecarCensus::new(crate::correct::file::sidecar_dir().as_deref())
    }

    /// False when the issue at `path` (relative path `rel`) certainly has no
    /// sidecar by its plain or its full name; true when it may have one.
    pub fn may_have(&self, path: &Path, rel: &str) -> bool {
        let Some(file_name) = path.file_name() else {
            return true;
        };
        // Beside the issue, the plain sidecar is in the issue's folder, named
        // by its stem: told from the two names, not by building its path (that
        // was a fifth of reading an issue from the cache on a warm start).
        let mirrored;
        // The folder, and the name the plain sidecar is made from (beside:
        // the issue's file name) or is (mirrored).
        let (folder, plain_of, beside): (&Path, &OsStr, bool) =
            match (&self.sidecar_dir, path.parent()) {
                (None, Some(folder)) => (folder, file_name, true),
                _ => {
                    mirrored = sidecar::sidecar_path(path, rel, self.sidecar_dir.as_deref());
                    let (Some(folder), Some(plain)) = (mirrored.parent(), mirrored.file_name())
                    else {
                        return true;
                    };
                    (folder, plain, false)
                }
            };
        let cell = self.listing(folder);
        let names = match cell.get_or_init(|| list(folder)) {
            // A folder without sidecars (every folder of most corpora):
            // no name need be made to tell.
            Some(names) if names.is_empty() => return false,
            Some(names) => names,
            None => return true,
        };
        let plain_name = if beside {
            let mut plain = Path::new(plain_of)
                .file_stem()
                .unwrap_or_default()
                .to_os_string();
            plain.push(sidecar::SUFFIX);
            plain
        } else {
            plain_of.to_os_string()
        };
        let mut full_name = file_name.to_os_string();
        full_name.push(sidecar::SUFFIX);
        names.contains(&plain_name.to_ascii_lowercase())
            || names.contains(&full_name.to_ascii_lowercase())
    }

    /// The cell of `folder`'s listing (filled by the first thread to ask).
    /// Folders are told apart by their bytes (a path hashes component by
    /// component, which parses it).
    fn listing(&self, folder: &Path) -> Arc<OnceLock<Listing>> {
        match self.folders.lock() {
            Ok(mut map) => match map.get(folder.as_os_str()) {
                Some(cell) => Arc::clone(cell),
                None => map
                    .entry(folder.as_os_str().to_os_string())
                    .or_default()
                    .clone(),
            },
            Err(_) => Arc::new(OnceLock::new()),
        }
    }
}

/// At most this many issues are all kept by [`may_have_sidecars`] without a
/// listing: a lookup or two each costs less than listing their folders (the
/// TUI's first batch of a folder of ten thousand issues).
const FEW_ISSUES: usize = 16;

/// The issues of `issues`, in their order, that may have a sidecar beside
/// them (or mirrored under `sidecar_dir`): those whose sidecar folder lists
/// a sidecar name of theirs, one listing of each folder ([`SidecarCensus`]);
/// every one of a few. The others certainly have none: the tag store, the
/// story links made by hand and `check`'s stale corrections read only these.
pub fn may_have_sidecars<'a>(issues: &'a [Issue], sidecar_dir: Option<&Path>) -> Vec<&'a Issue> {
    if issues.len() <= FEW_ISSUES {
        return issues.iter().collect();
    }
    let census = SidecarCensus::new(sidecar_dir);
    (issues.iter())
        .filter(|i| census.may_have(&i.path, &i.rel))
        .collect()
}

/// The listings made in this process ([`crate::folder_memo`]): a census made
/// later (the tag store's, the story links' after the loader's) takes a
/// folder's listing from here while the folder is unchanged. Weighed by the
/// names a listing holds, one more for the folder: room for some 65,000
/// folders without sidecars.
static LISTINGS: FolderMemo<Listing> = FolderMemo::new(1 << 16);

/// [`list_now`], or the listing kept of `folder` while it has not changed
/// (one that could not be made is not kept).
fn list(folder: &Path) -> Listing {
    LISTINGS.get_or_list(folder, list_now, |l| l.as_ref().map(|n| n.len() + 1))
}

/// The sidecar-named entries of `folder` (of any type: a lookup by name would
/// find them too); an empty set when the folder does not exist.
fn list_now(folder: &Path) -> Listing {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(Arc::default()),
        Err(_) => return None,
    };
    let mut names = HashSet::new();
    for entry in entries {
        let Ok(entry) = entry else {
            return None;
        };
        let name = entry.file_name().to_ascii_lowercase();
        if name
            .as_encoded_bytes()
            .ends_with(sidecar::SUFFIX.as_bytes())
        {
            names.insert(name);
        }
    }
    Some(Arc::new(names))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Of many issues, those with a sidecar (by its plain or full name) are
    /// kept, in their order, the rest left out; of a few, every one is kept.
    #[test]
    fn only_issues_that_may_have_a_sidecar_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let issues: Vec<Issue> = (0..40)
            .map(|i| {
                let rel = format!("{i:02}.txt");
                std::fs::write(dir.path().join(&rel), "x").unwrap();
                Issue {
                    path: dir.path().join(&rel),
                    rel,
                    ..Issue::default()
                }
            })
            .collect();
        std::fs::write(dir.path().join("03.tags.toml"), "").unwrap();
        std::fs::write(dir.path().join("31.txt.tags.toml"), "").unwrap();
        let rels = |kept: Vec<&Issue>| kept.iter().map(|i| i.rel.clone()).collect::<Vec<_>>();
        assert_eq!(rels(may_have_sidecars(&issues, None)), ["03.txt", "31.txt"]);
        assert_eq!(rels(may_have_sidecars(&issues[30..34], None)).len(), 4);
        assert!(may_have_sidecars(&issues[..0], None).is_empty());
    }

    /// The census answers as a lookup by name would: plain and full names
    /// beside the issue, mirrored under a sidecar folder, a missing folder.
    #[test]
    fn census_agrees_with_lookups() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("c");
        std::fs::create_dir_all(root.join("2024")).unwrap();
        for name in ["a.txt", "b.txt", "c.md", "d.txt", "e.f.txt", "g.h.txt"] {
            std::fs::write(root.join("2024").join(name), "x").unwrap();
        }
        std::fs::write(root.join("2024/a.tags.toml"), "").unwrap();
        std::fs::write(root.join("2024/c.md.tags.toml"), "").unwrap();
        // The plain name drops only the last extension.
        std::fs::write(root.join("2024/e.f.tags.toml"), "").unwrap();
        std::fs::write(root.join("2024/g.tags.toml"), "").unwrap();
        let census = SidecarCensus::new(None);
        let may =
            |name: &str| census.may_have(&root.join("2024").join(name), &format!("2024/{name}"));
        assert!(may("a.txt"));
        assert!(!may("b.txt"));
        assert!(may("c.md"));
        assert!(!may("d.txt"));
        assert!(may("e.f.txt"));
        assert!(!may("g.h.txt"));
        // A folder holding no sidecar at all.
        std::fs::create_dir_all(root.join("2025")).unwrap();
        std::fs::write(root.join("2025/a.txt"), "x").unwrap();
        assert!(!census.may_have(&root.join("2025/a.txt"), "2025/a.txt"));
        let mirror = dir.path().join("tags");
        std::fs::create_dir_all(mirror.join("2024")).unwrap();
        std::fs::write(mirror.join("2024/d.tags.toml"), "").unwrap();
        let census = SidecarCensus::new(Some(&mirror));
        let may =
            |name: &str| census.may_have(&root.join("2024").join(name), &format!("2024/{name}"));
        assert!(may("d.txt"));
        assert!(!may("a.txt"));
        let census = SidecarCensus::new(Some(&dir.path().join("nowhere")));
        assert!(!census.may_have(&root.join("2024/a.txt"), "2024/a.txt"));
    }

    /// Names that differ only in the case of ASCII letters may be the same
    /// file (a case-insensitive file system finds `a.tags.toml` by the path
    /// `A.tags.toml`), so the census says "may have" for them.
    #[test]
    fn names_differing_in_case_may_be_the_sidecar() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["K.txt", "m.txt", "n.txt"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::write(dir.path().join("k.tags.toml"), "").unwrap();
        std::fs::write(dir.path().join("M.TXT.TAGS.TOML"), "").unwrap();
        let census = SidecarCensus::new(None);
        let may = |name: &str| census.may_have(&dir.path().join(name), name);
        assert!(may("K.txt"));
        assert!(may("m.txt"));
        assert!(!may("n.txt"));
    }

    /// A folder listed before is taken from the kept listings while it is
    /// unchanged, and listed again once a sidecar is added, also when its
    /// modification time is then set back as it was (the stamp's change time
    /// still moves).
    #[test]
    fn a_kept_listing_is_not_trusted_once_its_folder_changes() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.txt"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let set_back = || {
            std::fs::File::open(dir.path())
                .unwrap()
                .set_modified(old)
                .unwrap()
        };
        set_back();
        // Each census is new, as each command's is: what carries over is LISTINGS.
        let may = |name: &str| SidecarCensus::new(None).may_have(&dir.path().join(name), name);
        assert!(!may("a.txt"));
        assert!(
            LISTINGS.holds(dir.path()),
            "a settled folder's listing is kept"
        );
        assert!(!may("a.txt"));
        std::fs::write(dir.path().join("a.tags.toml"), "").unwrap();
        assert!(may("a.txt"), "a sidecar added since the listing is seen");
        set_back();
        assert!(may("a.txt"));
        assert!(!may("b.txt"));
        std::fs::write(dir.path().join("b.tags.toml"), "").unwrap();
        set_back();
        assert!(may("b.txt"), "seen though the folder's time was set back");
    }
}

//! Which file holds the tags of an issue.
//!
//! An issue's sidecar has the *plain name*, its file name with the extension
//! replaced (`a.txt` -> `a.tags.toml`), unless another issue file in the same
//! folder claims that name too: `a.txt` beside `a.md` (same stem), or `a.txt`
//! beside `a.txt.md` (whose plain name is `a.txt.tags.toml`). Then each issue of
//! the clash has the *full name*, its whole file name plus the suffix
//! (`a.txt.tags.toml`, `a.md.tags.toml`), so no two issues ever share a sidecar.
//! Full names never clash with each other, and an issue keeps its plain name only
//! when no other issue claims it, so the names are always distinct.
//!
//! An issue that has had a full-name sidecar keeps it when the clash goes away
//! (`a.md` deleted), unless the full name is then another issue's plain name.
//!
//! Migration: sidecars written before this rule (`a.tags.toml`, shared by `a.txt`
//! and `a.md`) are still read. While an issue's own sidecar does not exist, the
//! other name is read as a *fallback*; the first save writes the issue's own file
//! from it. A shared old sidecar is split at the first save of one of its issues:
//! each gets the records that belong to its articles (by id, then title, as
//! always), the records that belong to none stay with the issue being saved (as
//! orphans: nothing is lost), and the old sidecar is removed. When not every issue
//! that shares it is known yet (the TUI still loading), the saved issue takes only
//! its own records and the old sidecar stays; removing that issue's last tag then
//! leaves an empty sidecar rather than none, so the old one is not read again in
//! its place.

use super::sidecar::{self, Sidecar, SidecarError};
use crate::folder_memo::FolderMemo;
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// Where the tags of one issue are read from and written to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidecarLocation {
    /// The issue's own sidecar: written on every save.
    pub path: PathBuf,
    /// Read while [`SidecarLocation::path`] does not exist: an older sidecar of
    /// this issue (possibly shared with issues of the same stem).
    pub fallback: Option<PathBuf>,
    /// When the fallback is shared: the own sidecars of the other issues sharing
    /// it. Once they all exist (and this issue's), nobody reads the fallback.
    shared_with: Vec<PathBuf>,
}

/// The issue file names of one folder (bytes, not text), to find clashes.
#[derive(Debug, Default)]
pub struct FolderIssues {
    names: std::collections::HashSet<OsString>,
    /// Plain sidecar name -> how many issue files of the folder have it.
    plain_names: HashMap<OsString, usize>,
    /// The sidecar-named files of the folder, when it was listed (else each is
    /// looked up): sidecars beside their issues are then found without a lookup.
    listed_sidecars: Option<std::collections::HashSet<OsString>>,
}

impl FolderIssues {
    /// The issue files in `folder` now (an unreadable folder holds none).
    pub fn read(folder: &Path) -> FolderIssues {
        let mut names = std::collections::HashSet::new();
        let mut sidecars = std::collections::HashSet::new();
        let Ok(entries) = std::fs::read_dir(folder) else {
            return FolderIssues::default();
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name
                .as_encoded_bytes()
                .ends_with(sidecar::SUFFIX.as_bytes())
            {
                sidecars.insert(name);
                continue;
            }
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if !is_dir && crate::corpus::walk::is_issue_file(Path::new(&name)) {
                names.insert(name);
            }
        }
        FolderIssues {
            listed_sidecars: Some(sidecars),
            ..FolderIssues::from_names(names)
        }
    }

    /// True when the sidecar `path` exists: from the listing when `path` is in the
    /// listed folder, else looked up.
    fn has_sidecar(&self, listed_folder: bool, path: &Path) -> bool {
        match (&self.listed_sidecars, path.file_name()) {
            (Some(listed), Some(name)) if listed_folder => listed.contains(name),
            _ => path.symlink_metadata().is_ok(),
        }
    }

    /// The issue files of `folder` that can clash with the issue file `name` (the
    /// same stem; its stem as a file; its name plus an extension), each looked up
    /// by name: a save in a folder of ten thousand issues does not list them all
    /// (a few dozen failed lookups cost well under a millisecond, a listing of
    /// such a folder about 5 ms). Gives [`locate_in`] the same answer for `name`
    /// as [`FolderIssues::read`].
    pub fn around(folder: &Path, name: &OsStr) -> FolderIssues {
        let stem = Path::new(name).file_stem().unwrap_or_default();
        let mut candidates = vec![name.to_os_string(), stem.to_os_string()];
        for base in [stem, name] {
            for ext in extension_spellings() {
                let mut c = base.to_os_string();
                c.push(".");
                c.push(ext);
                candidates.push(c);
            }
        }
        let names = candidates
            .into_iter()
            .filter(|c| {
                crate::corpus::walk::is_issue_file(Path::new(c))
                    && folder.join(c).symlink_metadata().is_ok_and(|m| !m.is_dir())
            })
            .collect();
        FolderIssues::from_names(names)
    }

    /// How many names the listing holds (issue files and sidecars).
    fn len(&self) -> usize {
        self.names.len() + self.listed_sidecars.as_ref().map_or(0, |s| s.len())
    }

    fn from_names(names: std::collections::HashSet<OsString>) -> FolderIssues {
        let mut plain_names = HashMap::new();
        for n in &names {
            *plain_names.entry(plain_name(n)).or_insert(0) += 1;
        }
        FolderIssues {
            names,
            plain_names,
            listed_sidecars: None,
        }
    }
}

/// Every spelling of the issue extensions (`txt`, `TXT`, `Txt`, ..., `md`, `MD`...).
fn extension_spellings() -> Vec<String> {
    let mut out = Vec::new();
    for ext in ["txt", "md"] {
        let n = ext.len();
        for mask in 0..(1u32 << n) {
            out.push(
                ext.chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if mask & (1 << i) != 0 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect(),
            );
        }
    }
    out
}

/// `a.txt` -> `a.tags.toml`.
fn plain_name(file_name: &OsStr) -> OsString {
    let mut name = Path::new(file_name)
        .file_stem()
        .unwrap_or_default()
        .to_os_string();
    name.push(sidecar::SUFFIX);
    name
}

/// `a.txt` -> `a.txt.tags.toml`.
fn full_name(file_name: &OsStr) -> OsString {
    let mut name = file_name.to_os_string();
    name.push(sidecar::SUFFIX);
    name
}

/// The sidecar location of the issue at `issue_path` (relative path `rel`), given
/// the issue files of its folder. `sidecar_dir` is `Config::sidecar_dir()`.
pub fn locate_in(
    issue_path: &Path,
    rel: &str,
    sidecar_dir: Option<&Path>,
    folder: &FolderIssues,
) -> SidecarLocation {
    let plain_path = sidecar::sidecar_path(issue_path, rel, sidecar_dir);
    let Some(name) = issue_path.file_name() else {
        return SidecarLocation {
            path: plain_path,
            fallback: None,
            shared_with: Vec::new(),
        };
    };
    let full_path = plain_path.with_file_name(full_name(name));
    let stem = Path::new(name).file_stem().unwrap_or_default();
    let shares_stem = folder
        .plain_names
        .get(&plain_name(name))
        .copied()
        .unwrap_or(0)
        > 1;
    // `a.txt.md`'s plain name is the full name of `a.txt`.
    let plain_is_a_full_name = stem != name && folder.names.contains(stem);
    // `a.txt`'s full name is the plain name of `a.txt.md`.
    let full_is_a_plain_name = folder.plain_names.contains_key(&full_name(name));
    let own_full = shares_stem
        || plain_is_a_full_name
        || (!full_is_a_plain_name && folder.has_sidecar(sidecar_dir.is_none(), &full_path));
    if !own_full {
        return SidecarLocation {
            path: plain_path,
            fallback: None,
            shared_with: Vec::new(),
        };
    }
    let shared_with = if shares_stem {
        let plain = plain_name(name);
        let mut others: Vec<PathBuf> = folder
            .names
            .iter()
            .filter(|n| n.as_os_str() != name && plain_name(n) == plain)
            .map(|n| full_path.with_file_name(full_name(n)))
            .collect();
        others.sort();
        others
    } else {
        Vec::new()
    };
    SidecarLocation {
        path: full_path,
        fallback: (!plain_is_a_full_name).then_some(plain_path),
        shared_with,
    }
}

/// [`locate_in`], looking up the issue's possible clashes in its folder now.
pub fn locate(issue_path: &Path, rel: &str, sidecar_dir: Option<&Path>) -> SidecarLocation {
    let folder = FolderIssues::around(
        issue_path.parent().unwrap_or(Path::new(".")),
        issue_path.file_name().unwrap_or_default(),
    );
    locate_in(issue_path, rel, sidecar_dir, &folder)
}

/// Locations of many issues, listing each folder once (in parallel).
pub fn locate_all<'a>(
    issues: impl IntoIterator<Item = (&'a Path, &'a str)>,
    sidecar_dir: Option<&Path>,
) -> Vec<SidecarLocation> {
    use rayon::prelude::*;
    let issues: Vec<(&Path, &str)> = issues.into_iter().collect();
    // A few issues (one tag key in the TUI): look their clashes up by name rather
    // than list folders that may hold thousands of files.
    if issues.len() <= 16 {
        return issues
            .iter()
            .map(|(path, rel)| locate(path, rel, sidecar_dir))
            .collect();
    }
    let mut folders: Vec<&Path> = issues
        .iter()
        .map(|(p, _)| p.parent().unwrap_or(Path::new(".")))
        .collect();
    folders.sort();
    folders.dedup();
    let read: HashMap<&Path, std::sync::Arc<FolderIssues>> =
        folders.into_par_iter().map(|f| (f, listed(f))).collect();
    let empty = FolderIssues::default();
    issues
        .par_iter()
        .map(|(path, rel)| {
            let folder = read
                .get(path.parent().unwrap_or(Path::new(".")))
                .map_or(&empty, |f| &**f);
            locate_in(path, rel, sidecar_dir, folder)
        })
        .collect()
}

/// The last listing of folders asked about ([`crate::folder_memo`]), weighed
/// by the names (issue files and sidecars) each holds: room for a folder of a
/// hundred thousand issues (some 15 MB), not for every folder ever listed.
static LISTINGS: FolderMemo<std::sync::Arc<FolderIssues>> = FolderMemo::new(1 << 17);

/// [`FolderIssues::read`] of `folder`, listed again only when it changed since
/// this process last listed it: the TUI's loader locates each batch of issues
/// as it comes, and would otherwise list a folder of 100,000 issues some fifty
/// times.
fn listed(folder: &Path) -> std::sync::Arc<FolderIssues> {
    LISTINGS.get_or_list(
        folder,
        |f| std::sync::Arc::new(FolderIssues::read(f)),
        |issues| Some(issues.len()),
    )
}

impl SidecarLocation {
    /// The sidecar as it stands: the issue's own file, else the fallback (see the
    /// module doc); `Ok(None)` when there is neither.
    pub fn read(&self) -> Result<Option<Sidecar>, SidecarError> {
        Ok(self.read_with_file()?.map(|(s, _)| s))
    }

    /// [`SidecarLocation::read`], with the file it was read from.
    pub fn read_with_file(&self) -> Result<Option<(Sidecar, PathBuf)>, SidecarError> {
        if let Some(s) = sidecar::read(&self.path)? {
            return Ok(Some((s, self.path.clone())));
        }
        match &self.fallback {
            Some(old) => Ok(sidecar::read(old)?.map(|s| (s, old.clone()))),
            None => Ok(None),
        }
    }

    /// The file read by [`SidecarLocation::read`] now, if there is one.
    pub fn file_in_use(&self) -> Option<&Path> {
        if self.path.symlink_metadata().is_ok() {
            return Some(&self.path);
        }
        self.fallback
            .as_deref()
            .filter(|f| f.symlink_metadata().is_ok())
    }

    /// True when [`SidecarLocation::read`] reads an old sidecar shared with other
    /// issues (their records in it are theirs, not this issue's orphans).
    pub fn reads_shared_fallback(&self) -> bool {
        !self.shared_with.is_empty()
            && self.path.symlink_metadata().is_err()
            && self
                .fallback
                .as_deref()
                .is_some_and(|f| f.symlink_metadata().is_ok())
    }

    /// The own sidecars of the other issues that share the fallback.
    pub fn shared_with(&self) -> &[PathBuf] {
        &self.shared_with
    }

    /// Save `sidecar` as the issue's own file (the caller holds the folder lock).
    /// With no tags left the file is removed, or left empty when a fallback would
    /// otherwise be read in its place.
    pub fn save(&self, sidecar: &Sidecar) -> Result<(), SidecarError> {
        stage(&[(self, sidecar)])?.put_in_place()
    }

    /// The new content of this issue's own file: a text, or none (remove it).
    fn new_content(&self, sidecar: &Sidecar) -> Result<Option<String>, SidecarError> {
        let fallback_exists = self
            .fallback
            .as_deref()
            .is_some_and(|f| f.symlink_metadata().is_ok());
        let has_tags = sidecar.articles.iter().any(|a| !a.is_empty());
        if has_tags || fallback_exists || !sidecar.corrections.is_empty() {
            sidecar::render_verified(sidecar, &self.path).map(Some)
        } else {
            Ok(None)
        }
    }
}

/// The new contents of several sidecars written and synced beside their files,
/// not yet in their place, with the old files kept to put back. Dropped
/// without [`StagedSaves::put_in_place`], it changes nothing (the temporary
/// files go).
pub struct StagedSaves<'a> {
    steps: Vec<StagedSave<'a>>,
}

struct StagedSave<'a> {
    path: &'a Path,
    /// The new content beside the file; `None`: the file is removed.
    new: Option<tempfile::NamedTempFile>,
    old: OldSidecar,
}

/// A sidecar as it was before a save, to put back.
enum OldSidecar {
    /// There was no file.
    Absent,
    /// The file itself under a second, hidden name beside it (a hard link,
    /// removed when dropped): put back by a rename, with its mode and owner.
    Linked(tempfile::NamedTempFile<()>),
    /// Its bytes, where the file system makes no hard link.
    Copied(Vec<u8>),
}

impl OldSidecar {
    fn keep(path: &Path) -> Result<OldSidecar, SidecarError> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        let linked = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".old.tmp")
            .make_in(folder.unwrap_or(Path::new(".")), |link| {
                std::fs::hard_link(path, link)
            });
        match linked {
            Ok(link) => Ok(OldSidecar::Linked(link)),
            Err(_) => match std::fs::read(path) {
                Ok(bytes) => Ok(OldSidecar::Copied(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(OldSidecar::Absent),
                Err(e) => Err(SidecarError::io(path, "cannot read", e)),
            },
        }
    }

    fn put_back(self, path: &Path) -> Result<(), SidecarError> {
        match self {
            OldSidecar::Absent => sidecar::remove(path),
            OldSidecar::Linked(link) => link
                .persist(path)
                .map(|_| ())
                .map_err(|e| SidecarError::io(path, "cannot put back", e.error)),
            OldSidecar::Copied(bytes) => sidecar::write_atomic(path, &bytes),
        }
    }
}

/// Stage the saves of several sidecars (each under its folder's lock, held by
/// the caller) that must take their new content together, as the sidecars of
/// one issue do when its tags follow a new cut. Every new text is rendered,
/// checked, written and synced beside its file first, and every old file kept
/// under a second name: a failure there (a full disk, a folder that cannot be
/// written) changes no sidecar.
pub fn stage<'a>(
    saves: &[(&'a SidecarLocation, &Sidecar)],
) -> Result<StagedSaves<'a>, SidecarError> {
    let mut steps = Vec::with_capacity(saves.len());
    for (loc, side) in saves {
        let new = match loc.new_content(side)? {
            Some(text) => Some(sidecar::write_temp_beside(&loc.path, text.as_bytes())?),
            None => None,
        };
        steps.push(StagedSave {
            path: &loc.path,
            new,
            old: OldSidecar::keep(&loc.path)?,
        });
    }
    Ok(StagedSaves { steps })
}

impl StagedSaves<'_> {
    /// Put every staged content in its place, in order. When one cannot be
    /// (a rename refused), the files already replaced are put back as they
    /// were, so the sidecars stay as they were together; the error names the
    /// file that failed, and any that could not be put back.
    pub fn put_in_place(self) -> Result<(), SidecarError> {
        let mut done: Vec<(&Path, OldSidecar)> = Vec::new();
        for step in self.steps {
            let result = match step.new {
                Some(tmp) => tmp
                    .persist(step.path)
                    .map(|_| ())
                    .map_err(|e| SidecarError::io(step.path, "cannot replace", e.error)),
                None => sidecar::remove(step.path),
            };
            if let Err(e) = result {
                return Err(put_back(done, e));
            }
            done.push((step.path, step.old));
        }
        Ok(())
    }
}

/// Put the files in `done` back as they were after `failed`; the error to
/// report.
fn put_back(done: Vec<(&Path, OldSidecar)>, failed: SidecarError) -> SidecarError {
    let not_back: Vec<String> = done
        .into_iter()
        .rev()
        .filter_map(|(path, old)| old.put_back(path).err().map(|e| e.to_string()))
        .collect();
    if not_back.is_empty() {
        return failed;
    }
    SidecarError::Io {
        path: failed.path().to_path_buf(),
        message: format!(
            "{failed}; sidecars saved before it could not be put back as they were: {}",
            not_back.join("; ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A folder listed once is not listed again while it is unchanged, but a
    /// file added since (here an issue that makes a clash) is seen at once,
    /// also when the folder's modification time is set back as it was.
    #[test]
    fn a_folder_listed_before_is_listed_again_once_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let names: Vec<String> = (0..20).map(|i| format!("a{i}.txt")).collect();
        for n in &names {
            std::fs::write(dir.path().join(n), "x").unwrap();
        }
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let set_back = || {
            std::fs::File::open(dir.path())
                .unwrap()
                .set_modified(old)
                .unwrap()
        };
        set_back();
        let paths: Vec<PathBuf> = names.iter().map(|n| dir.path().join(n)).collect();
        let own = || -> Vec<String> {
            let issues = paths
                .iter()
                .zip(&names)
                .map(|(p, n)| (p.as_path(), n.as_str()));
            locate_all(issues, None)
                .into_iter()
                .map(|l| l.path.file_name().unwrap().to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(own()[19], "a19.tags.toml");
        assert!(LISTINGS.holds(dir.path()), "kept");
        assert_eq!(own()[19], "a19.tags.toml");
        std::fs::write(dir.path().join("a19.md"), "x").unwrap();
        assert_eq!(own()[19], "a19.txt.tags.toml");
        std::fs::write(dir.path().join("a18.md"), "x").unwrap();
        set_back();
        assert_eq!(own()[18], "a18.txt.tags.toml");
    }

    fn folder(names: &[&str]) -> FolderIssues {
        FolderIssues::from_names(names.iter().map(OsString::from).collect())
    }

    fn at(name: &str, names: &[&str]) -> SidecarLocation {
        let path = Path::new("/nonexistent-newstag-test/c").join(name);
        locate_in(&path, name, None, &folder(names))
    }

    fn file(p: &Path) -> String {
        p.file_name().unwrap().to_string_lossy().into_owned()
    }

    /// A lone issue keeps today's name; a same-stem pair gets one each, reading the
    /// shared old one until then; a name that is another's plain name is avoided.
    #[test]
    fn names_never_clash() {
        let alone = at("a.txt", &["a.txt", "b.md"]);
        assert_eq!(file(&alone.path), "a.tags.toml");
        assert_eq!(alone.fallback, None);
        let pair = ["a.txt", "a.md"];
        let txt = at("a.txt", &pair);
        let md = at("a.md", &pair);
        assert_eq!(file(&txt.path), "a.txt.tags.toml");
        assert_eq!(file(&md.path), "a.md.tags.toml");
        assert_eq!(file(txt.fallback.as_ref().unwrap()), "a.tags.toml");
        let odd = ["a.txt", "a.md", "a.txt.md"];
        let names: Vec<String> = odd.iter().map(|n| file(&at(n, &odd).path)).collect();
        assert_eq!(
            names,
            ["a.txt.tags.toml", "a.md.tags.toml", "a.txt.md.tags.toml"]
        );
        assert_eq!(
            at("a.txt.md", &odd).fallback,
            None,
            "a.txt's file is not its to read"
        );
        let two = ["a.txt", "a.txt.md"];
        assert_eq!(file(&at("a.txt", &two).path), "a.tags.toml");
        assert_eq!(file(&at("a.txt.md", &two).path), "a.txt.md.tags.toml");
    }

    proptest! {
        /// Whatever issue files share a folder, no two have the same sidecar, and no
        /// issue reads another's own sidecar as its fallback.
        #[test]
        fn sidecars_of_a_folder_are_distinct(
            names in prop::collection::btree_set(
                (prop::sample::select(vec!["a", "a.txt", "a.md", "b", "a.TXT", "a.txt.md"]),
                 prop::sample::select(vec![".txt", ".md", ".TXT", ".Md"]))
                    .prop_map(|(s, e)| format!("{s}{e}")),
                1..8,
            )
        ) {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let found: Vec<SidecarLocation> = names.iter().map(|n| at(n, &names)).collect();
            for (i, a) in found.iter().enumerate() {
                for (j, b) in found.iter().enumerate() {
                    if i != j {
                        prop_assert_ne!(&a.path, &b.path, "{:?}", names);
                        prop_assert_ne!(a.fallback.as_ref(), Some(&b.path), "{:?}", names);
                    }
                }
            }
        }
    }

    /// Looking up a file's possible clashes by name finds what listing its folder
    /// finds, for every file of a folder of clashing names.
    #[test]
    fn lookup_by_name_agrees_with_listing() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "a.txt",
            "a.md",
            "a.TXT",
            "a.txt.md",
            "a.txt.Md.txt",
            "b.md",
            "a",
            "c.txt.md",
            "README.md",
            "x.tags.toml",
        ];
        for n in names {
            std::fs::write(dir.path().join(n), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("b.txt")).unwrap();
        std::fs::write(dir.path().join("a.tags.toml"), "schema = 1\n").unwrap();
        let listed = FolderIssues::read(dir.path());
        for n in names {
            let path = dir.path().join(n);
            let by_name = FolderIssues::around(dir.path(), OsStr::new(n));
            assert_eq!(
                locate_in(&path, n, None, &by_name),
                locate_in(&path, n, None, &listed),
                "{n}"
            );
        }
    }

    /// A sidecar with one tagged article, as a coder's save writes it.
    const TAGGED: &str = "schema = 1\nissue = \"a.txt\"\n\n[[article]]\nid = \"a-01\"\ntitle = \"标题\"\ntags = [{ name = \"governance\", at = \"t\", by = \"hand\" }]\n";

    /// Two issues' sidecars in two folders (a coder's and the issue's own), the
    /// first read back with its title changed; the second's location.
    fn two_sidecars(dir: &Path) -> (SidecarLocation, Sidecar, SidecarLocation, Sidecar) {
        let first = dir.join("own/a.tags.toml");
        let second = dir.join("coder/a.tags.toml");
        for p in [&first, &second] {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, TAGGED).unwrap();
        }
        let loc = |p: &Path| {
            locate_in(
                &dir.join("a.txt"),
                "a.txt",
                Some(p.parent().unwrap()),
                &folder(&["a.txt"]),
            )
        };
        let (one, two) = (loc(&first), loc(&second));
        assert_eq!((&one.path, &two.path), (&first, &second));
        let mut side_one = one.read().unwrap().unwrap();
        side_one.articles[0].title = "改过的标题".into();
        let side_two = two.read().unwrap().unwrap();
        (one, side_one, two, side_two)
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Sidecars saved together: when the second cannot be staged, the first is
    /// not written either, and no temporary file is left beside it.
    #[test]
    fn a_save_that_cannot_be_staged_changes_no_sidecar() {
        let dir = tempfile::tempdir().unwrap();
        let (one, side_one, two, side_two) = two_sidecars(dir.path());
        // The second folder is now a file: nothing can be written under it.
        std::fs::remove_dir_all(dir.path().join("coder")).unwrap();
        std::fs::write(dir.path().join("coder"), "not a folder").unwrap();
        let e = stage(&[(&one, &side_one), (&two, &side_two)])
            .err()
            .expect("the second sidecar cannot be staged");
        assert_eq!(e.path(), two.path, "{e}");
        assert_eq!(std::fs::read_to_string(&one.path).unwrap(), TAGGED);
        assert_eq!(names_in(&dir.path().join("own")), ["a.tags.toml"]);
        // Staged and put in place, both take their content.
        std::fs::remove_file(dir.path().join("coder")).unwrap();
        stage(&[(&one, &side_one), (&two, &side_two)])
            .unwrap()
            .put_in_place()
            .unwrap();
        assert!(
            std::fs::read_to_string(&one.path)
                .unwrap()
                .contains("改过的标题")
        );
        assert!(
            std::fs::read_to_string(&two.path)
                .unwrap()
                .contains("governance")
        );
        assert_eq!(names_in(&dir.path().join("own")), ["a.tags.toml"]);
        assert_eq!(names_in(&dir.path().join("coder")), ["a.tags.toml"]);
    }

    /// When a staged content cannot be put in place, the sidecars replaced
    /// before it are put back, the same files with their mode (a file that did
    /// not exist is removed again), and the error names the one that failed.
    #[test]
    fn a_save_that_cannot_be_put_in_place_puts_the_others_back() {
        let dir = tempfile::tempdir().unwrap();
        let (one, side_one, two, side_two) = two_sidecars(dir.path());
        let new_file = dir.path().join("third/a.tags.toml");
        let three = locate_in(
            &dir.path().join("a.txt"),
            "a.txt",
            Some(new_file.parent().unwrap()),
            &folder(&["a.txt"]),
        );
        assert_eq!(three.path, new_file);
        #[cfg(unix)]
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        #[cfg(unix)]
        std::fs::set_permissions(&one.path, std::fs::Permissions::from_mode(0o604)).unwrap();
        #[cfg(unix)]
        let inode = std::fs::metadata(&one.path).unwrap().ino();
        let staged = stage(&[(&one, &side_one), (&three, &side_one), (&two, &side_two)]).unwrap();
        // Before the renames, the second folder's sidecar becomes a folder that
        // is not empty: no file can be renamed over it.
        std::fs::remove_file(&two.path).unwrap();
        std::fs::create_dir_all(two.path.join("inside")).unwrap();
        let e = staged.put_in_place().unwrap_err();
        assert_eq!(e.path(), two.path, "{e}");
        assert_eq!(std::fs::read_to_string(&one.path).unwrap(), TAGGED);
        // The very file is back, with its mode (a team folder's group bits).
        #[cfg(unix)]
        {
            let meta = std::fs::metadata(&one.path).unwrap();
            assert_eq!(
                (meta.ino(), meta.permissions().mode() & 0o777),
                (inode, 0o604)
            );
        }
        assert!(!new_file.exists(), "a sidecar that did not exist was left");
        assert_eq!(names_in(&dir.path().join("own")), ["a.tags.toml"]);
        assert_eq!(names_in(&dir.path().join("coder")), ["a.tags.toml"]);
        assert!(names_in(&dir.path().join("third")).is_empty());
    }
}

//! Finding the issue files of a corpus, in natural order.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

/// The `corpus.ignore` globs of the config, installed once at start-up
/// ([`set_ignore_globs`]) so every walk of a corpus (loading, index stamps) skips
/// the same files.
static IGNORE: RwLock<Option<globset::GlobSet>> = RwLock::new(None);

/// Install the `corpus.ignore` globs; an invalid glob is an error naming it (and
/// nothing is installed).
pub fn set_ignore_globs(globs: &[String]) -> Result<(), String> {
    let mut builder = globset::GlobSetBuilder::new();
    for g in globs {
        let glob = globset::GlobBuilder::new(g)
            .literal_separator(false)
            .build()
            .map_err(|e| format!("corpus.ignore: bad glob \"{g}\": {e}"))?;
        builder.add(glob);
    }
    let set = builder.build().map_err(|e| format!("corpus.ignore: {e}"))?;
    if let Ok(mut slot) = IGNORE.write() {
        *slot = (!globs.is_empty()).then_some(set);
    }
    Ok(())
}

/// True when a `corpus.ignore` glob matches `path` (relative to `root`) or its name.
pub fn is_ignored(root: &Path, path: &Path) -> bool {
    let Ok(slot) = IGNORE.read() else {
        return false;
    };
    let Some(set) = slot.as_ref() else {
        return false;
    };
    let rel = path.strip_prefix(root).unwrap_or(path);
    set.is_match(rel) || path.file_name().is_some_and(|n| set.is_match(n))
}

/// Extensions of issue files.
const ISSUE_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// True when `path` names an issue file: `.txt` or `.md`, not hidden, not a README.
/// Names are compared as bytes: a name that is not UTF-8 (GBK from a Windows zip)
/// is an issue like any other.
pub fn is_issue_file(path: &Path) -> bool {
    path.file_name().is_some_and(is_issue_name)
}

/// [`is_issue_file`] of a file's name (read from the name alone: a walk has it
/// without taking its path apart again).
fn is_issue_name(name: &std::ffi::OsStr) -> bool {
    let name = name.as_encoded_bytes();
    if name.starts_with(b".")
        || name
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"readme."))
    {
        return false;
    }
    // Its extension as `Path::extension` reads it: what follows the last dot
    // (a name opening with its only dot has none, and is hidden anyway).
    name.iter().rposition(|&b| b == b'.').is_some_and(|dot| {
        ISSUE_EXTENSIONS
            .iter()
            .any(|x| name[dot + 1..].eq_ignore_ascii_case(x.as_bytes()))
    })
}

/// True for a hidden file or folder (its name starts with `.`).
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// Every issue file under `root` (or `root` itself when it is a file), hidden
/// folders skipped, sorted in natural order (`2` before `10`). Folders that cannot
/// be read, and FIFOs, sockets and devices named like issues, are reported
/// through `warn`.
pub fn issue_files(root: &Path, warn: &mut dyn FnMut(PathBuf, String)) -> Vec<PathBuf> {
    if root.is_file() {
        return vec![root.to_path_buf()];
    }
    // Each file with its natural key ([`natural_key`]), made of its path below
    // `root`: every path the walk gives opens with `root`'s components, so keys of
    // the rest order them as keys of the whole paths do, and a flat folder's file
    // is keyed by its name alone (a whole path's components took longer to key
    // than the walk took to find the files).
    let mut keyed = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if !is_issue_name(e.file_name()) => {}
            Ok(e) if is_ignored(root, e.path()) => {}
            Ok(e) if e.file_type().is_file() => {
                let key = match e.depth() {
                    1 => natural_key(Path::new(e.file_name())),
                    _ => natural_key(e.path().strip_prefix(root).unwrap_or(e.path())),
                };
                keyed.push((key, e.into_path()))
            }
            // A FIFO, socket or device named like an issue is never opened (a FIFO
            // would hang the load), and never skipped without a word.
            Ok(e) if !e.file_type().is_dir() => {
                let why = crate::regular_file::not_regular(e.file_type());
                warn(e.into_path(), format!("skipped: {why}"));
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.into());
                warn(path, format!("cannot read: {err}"));
            }
        }
    }
    sort_keyed(keyed)
}

/// Paths in natural order ([`natural_cmp`] component by component, then fewer
/// components first), each given with its byte key ([`natural_key`]): comparing
/// the keys as bytes gives the same order (a flat folder of tens of thousands
/// of issues is common, and a natural comparison per pair cost more than the
/// walk). Paths of equal keys keep their order.
fn sort_keyed(mut keyed: Vec<(Vec<u8>, PathBuf)>) -> Vec<PathBuf> {
    keyed.sort_by(|(a, _), (b, _)| a.cmp(b));
    keyed.into_iter().map(|(_, p)| p).collect()
}

/// Sort paths in natural order ([`sort_keyed`], each keyed whole).
#[cfg(test)]
fn sort_natural(files: Vec<PathBuf>) -> Vec<PathBuf> {
    sort_keyed(files.into_iter().map(|p| (natural_key(&p), p)).collect())
}

/// Marks a run of digits in a [`natural_key`]: a digit's own byte range, so a
/// run compares with any other character as its first digit would.
const DIGITS: u8 = b'0';

/// The byte key of `path` whose byte order is the natural order of paths: the
/// components' texts joined by a 0 byte (below every character, so a shorter
/// name or fewer components come first), each run of ASCII digits written as
/// [`DIGITS`], the length of its value without leading zeros (four bytes, big
/// endian) and those digits: runs compare by length, then digit by digit, as in
/// [`natural_cmp`]; other characters as their UTF-8 bytes, whose order is that
/// of the characters.
fn natural_key(path: &Path) -> Vec<u8> {
    let mut key = Vec::with_capacity(path.as_os_str().len() + 16);
    for (k, c) in path.components().enumerate() {
        if k > 0 {
            key.push(0);
        }
        let name = c.as_os_str().to_string_lossy();
        let bytes = name.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                let run = &bytes[start..i];
                let value = &run[run.iter().take_while(|&&b| b == b'0').count()..];
                key.push(DIGITS);
                key.extend_from_slice(&(value.len() as u32).to_be_bytes());
                key.extend_from_slice(value);
            } else {
                key.push(bytes[i]);
                i += 1;
            }
        }
    }
    key
}

/// Natural string order: runs of ASCII digits compare by value.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (ab, bb) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < ab.len() && j < bb.len() {
        if ab[i].is_ascii_digit() && bb[j].is_ascii_digit() {
            let si = i;
            while i < ab.len() && ab[i].is_ascii_digit() {
                i += 1;
            }
            let sj = j;
            while j < bb.len() && bb[j].is_ascii_digit() {
                j += 1;
            }
            let na = a[si..i].trim_start_matches('0');
            let nb = b[sj..j].trim_start_matches('0');
            let ord = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
            if ord != Ordering::Equal {
                return ord;
            }
        } else {
            let ca = a[i..].chars().next().unwrap_or_default();
            let cb = b[j..].chars().next().unwrap_or_default();
            if ca != cb {
                return ca.cmp(&cb);
            }
            i += ca.len_utf8();
            j += cb.len_utf8();
        }
    }
    (ab.len() - i).cmp(&(bb.len() - j))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_puts_2_before_10() {
        let mut v = vec!["p10.txt", "p2.txt", "p1.txt", "第10版.txt", "第2版.txt"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            v,
            ["p1.txt", "p2.txt", "p10.txt", "第2版.txt", "第10版.txt"]
        );
    }

    #[test]
    fn nested_folders_sort_by_each_component_in_natural_order() {
        let files = [
            "2024/10/p1.txt",
            "2024/9/p10.txt",
            "2024/9/p2.txt",
            "2023/12/p1.txt",
        ]
        .map(PathBuf::from)
        .to_vec();
        let sorted: Vec<String> = sort_natural(files)
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            sorted,
            [
                "2023/12/p1.txt",
                "2024/9/p2.txt",
                "2024/9/p10.txt",
                "2024/10/p1.txt"
            ]
        );
    }

    /// The byte keys sort as comparing component by component with
    /// [`natural_cmp`] does, on names made of the characters that matter to it
    /// (digits, zeros, separators' neighbours, multi-byte characters).
    #[test]
    fn natural_keys_order_as_natural_comparison() {
        use proptest::prelude::*;
        let part = "[0-9a/._第版-]{0,6}";
        proptest!(|(a in prop::collection::vec(part, 1..4), b in prop::collection::vec(part, 1..4))| {
            let (pa, pb) = (PathBuf::from(a.join("/")), PathBuf::from(b.join("/")));
            let names = |p: &Path| -> Vec<String> {
                p.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect()
            };
            let (na, nb) = (names(&pa), names(&pb));
            let by_names = na
                .iter()
                .zip(&nb)
                .map(|(x, y)| natural_cmp(x, y))
                .find(|o| o.is_ne())
                .unwrap_or_else(|| na.len().cmp(&nb.len()));
            prop_assert_eq!(natural_key(&pa).cmp(&natural_key(&pb)), by_names, "{:?} {:?}", pa, pb);
        });
    }

    /// A walk's files come in the order of their whole paths' keys, though each
    /// is keyed by its path below the root (nested folders, a flat folder's
    /// files beside them, names that are no issue left out).
    #[test]
    fn a_walk_gives_its_files_in_the_natural_order_of_their_paths() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let names = [
            "2024/10/p1.txt",
            "2024/9/p10.txt",
            "2024/9/p2.txt",
            "2023/12/p1.md",
            "p20.txt",
            "p3.TXT",
            "第10版.txt",
            "第2版.txt",
            "a01.txt",
            "a1.txt",
            "README.md",
            ".hidden.txt",
            "p3.tags.toml",
            "p4.txt.bak",
        ];
        for name in names {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder made");
            std::fs::write(&path, "x").expect("file written");
        }
        let files = issue_files(dir.path(), &mut |p, m| panic!("{p:?}: {m}"));
        let mut want: Vec<PathBuf> = names[..10].iter().map(|n| dir.path().join(n)).collect();
        assert_eq!(files.len(), 10);
        // (`a01` and `a1` key alike: either order.)
        let key_order: Vec<Vec<u8>> = files.iter().map(|p| natural_key(p)).collect();
        assert!(key_order.is_sorted(), "{files:?}");
        let mut got = files.clone();
        got.sort();
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn sidecars_and_hidden_files_are_not_issues() {
        assert!(is_issue_file(Path::new("a/2024-01-02.txt")));
        assert!(is_issue_file(Path::new("a/x.MD")));
        assert!(!is_issue_file(Path::new("a/2024-01-02.tags.toml")));
        assert!(!is_issue_file(Path::new("a/.hidden.txt")));
        assert!(!is_issue_file(Path::new("a/README.md")));
        assert!(!is_issue_file(Path::new("a/readme.txt")));
        assert!(!is_issue_file(Path::new("a/txt")));
        assert!(!is_issue_file(Path::new("a/p.txt.bak")));
        assert!(is_issue_file(Path::new("a/p.tags.txt")));
        assert!(!is_issue_file(Path::new("a/.txt")));
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let gbk = std::ffi::OsStr::from_bytes(b"a/\xd6\xd0\xce\xc4.TXT");
            assert!(is_issue_file(Path::new(gbk)), "a GBK name is an issue");
        }
    }
}

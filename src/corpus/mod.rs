//! A corpus: the issue files under a folder, decoded and cut into articles.

pub mod builtin;
pub mod decode;
pub mod habits;
pub mod meta;
pub mod walk;

use crate::article::Issue;
use rayon::prelude::*;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Something that went wrong with one file; the rest of the corpus still loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Why a whole corpus could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: no such file or folder")]
    NotFound { path: PathBuf },
}

/// All issues found under a root, in natural path order.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The folder (or single file) the corpus was opened from.
    pub root: PathBuf,
    pub issues: Vec<Issue>,
    pub warnings: Vec<LoadWarning>,
    /// The habits learned from its issues, which every issue was cut with (see
    /// [`habits`]).
    pub habits: std::sync::Arc<crate::segment::habits::Habits>,
}

impl Corpus {
    /// Load every issue under `root`, in parallel.
    pub fn load(root: &Path) -> Result<Corpus, CorpusError> {
        Corpus::load_with_progress(root, &|_, _| {})
    }

    /// Load every issue under `root`, calling `progress(done, total)` as files finish.
    pub fn load_with_progress(
        root: &Path,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Corpus, CorpusError> {
        Corpus::load_with(root, progress, &load_issue)
    }

    /// Load every issue under `root` with `load(root, path)` (a fresh read, or one
    /// through the cache of `crate::cache`, either cutting with
    /// [`habits::of_root`]), calling `progress(done, total)` as files finish; then
    /// learn the corpus's habits from every page and, where they changed, cut
    /// again the files they change.
    pub fn load_with(
        root: &Path,
        progress: &(dyn Fn(usize, usize) + Sync),
        load: &(dyn Fn(&Path, &Path) -> Result<Issue, LoadWarning> + Sync),
    ) -> Result<Corpus, CorpusError> {
        if !root.exists() {
            return Err(CorpusError::NotFound { path: root.into() });
        }
        let mut warnings = Vec::new();
        let files = walk::issue_files(root, &mut |path, message| {
            warnings.push(LoadWarning { path, message })
        });
        let total = files.len();
        crate::cache::timing::mark("walk");
        habits::guess(root, &files);
        crate::cache::timing::mark("habits guessed");
        let done = AtomicUsize::new(0);
        let results: Vec<Result<Issue, LoadWarning>> = files
            .par_iter()
            .map(|path| {
                let r = load(root, path);
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                r
            })
            .collect();
        crate::cache::timing::mark("read issues");
        let mut issues = Vec::with_capacity(total);
        for r in results {
            match r {
                Ok(issue) => issues.push(issue),
                Err(w) => warnings.push(w),
            }
        }
        let habits = learn_habits(root, &mut issues, load);
        crate::cache::timing::mark("habits");
        Ok(Corpus {
            root: root.to_path_buf(),
            issues,
            warnings,
            habits,
        })
    }

    /// Total number of articles.
    pub fn article_count(&self) -> usize {
        self.issues.iter().map(|i| i.articles.len()).sum()
    }
}

/// Learn the habits of the corpus at `root` from its `issues` (each cut with the
/// habits in force when it was read, [`habits::of_root`]); when they changed, make
/// the new ones those in force and cut again, with `load`, the issues they change.
/// Each issue's habit lines are dropped once learned from.
pub fn learn_habits(
    root: &Path,
    issues: &mut [Issue],
    load: &(dyn Fn(&Path, &Path) -> Result<Issue, LoadWarning> + Sync),
) -> std::sync::Arc<crate::segment::habits::Habits> {
    let before = habits::of_root(root);
    let lines: Vec<_> = issues.iter().map(|i| &i.habit_lines).collect();
    let (learned, changed) = habits::relearn(root, &lines, |_| &before);
    let again: Vec<(usize, Issue)> = changed
        .par_iter()
        .filter_map(|&place| Some((place, load(root, &issues[place].path).ok()?)))
        .collect();
    for (place, issue) in again {
        issues[place] = issue;
    }
    for issue in issues.iter_mut() {
        issue.habit_lines = Default::default();
    }
    learned
}

/// `path` relative to `root` with `/` separators (the file name when `root` is the
/// file): the issue's identity in the tag store, sidecars and dumps.
///
/// It names exactly one path: a name that is UTF-8 without a backslash is kept as
/// it is; any other (GBK names from Windows zips) is written with `\xNN` for each
/// byte that is not UTF-8 and `\\` for a backslash, so two names that differ only
/// in such bytes never become the same text. [`path_of_rel`] turns it back.
pub fn relative_path(root: &Path, path: &Path) -> String {
    let rel = path
        .strip_prefix(root)
        .ok()
        .filter(|r| !r.as_os_str().is_empty());
    let rel = rel.unwrap_or_else(|| Path::new(path.file_name().unwrap_or(path.as_os_str())));
    // A path as a walk makes it (UTF-8, no backslash, no empty or `.` part)
    // is its own text: its components are its parts between slashes, each
    // kept as it is. Asked for every issue on every load.
    if let Some(text) = rel.to_str()
        && !text.contains('\\')
        && text.split('/').all(|part| !part.is_empty() && part != ".")
    {
        return text.to_string();
    }
    rel.components()
        .map(|c| escape_name(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// One path component as text that names it exactly (see [`relative_path`]).
pub fn escape_name(name: &std::ffi::OsStr) -> String {
    let bytes = name.as_encoded_bytes();
    match std::str::from_utf8(bytes) {
        Ok(s) if !s.contains('\\') => s.to_string(),
        _ => {
            let mut out = String::with_capacity(bytes.len() + 8);
            for chunk in bytes.utf8_chunks() {
                out.push_str(&chunk.valid().replace('\\', "\\\\"));
                for b in chunk.invalid() {
                    out.push_str(&format!("\\x{b:02X}"));
                }
            }
            out
        }
    }
}

/// The path `rel` (from [`relative_path`]) names under `root`: escapes turned back
/// into the bytes they stand for.
pub fn path_of_rel(root: &Path, rel: &str) -> PathBuf {
    let mut path = root.to_path_buf();
    for part in rel.split('/') {
        path.push(unescape_name(part));
    }
    path
}

fn unescape_name(part: &str) -> std::ffi::OsString {
    if !part.contains('\\') {
        return part.into();
    }
    let b = part.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 2..i + 4)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b[i], b.get(i + 1), hex) {
            (b'\\', Some(b'\\'), _) => {
                out.push(b'\\');
                i += 2;
            }
            (b'\\', Some(b'x'), Some(byte)) => {
                out.push(byte);
                i += 4;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    os_string_from_bytes(out)
}

#[cfg(unix)]
fn os_string_from_bytes(bytes: Vec<u8>) -> std::ffi::OsString {
    use std::os::unix::ffi::OsStringExt;
    std::ffi::OsString::from_vec(bytes)
}

#[cfg(not(unix))]
fn os_string_from_bytes(bytes: Vec<u8>) -> std::ffi::OsString {
    String::from_utf8_lossy(&bytes).into_owned().into()
}

/// Largest read buffer a loader thread keeps between files.
const KEEP_READ_BUFFER: usize = 4 << 20;

thread_local! {
    /// Each loader thread reads its files into one buffer: the text is copied into
    /// the articles anyway, and reusing the buffer spares an allocation and fresh
    /// pages per file.
    static READ_BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Read, decode and segment one issue file of the corpus at `root` (with the
/// corpus's habits, [`habits::of_root`]), its corrections applied.
pub fn load_issue(root: &Path, path: &Path) -> Result<Issue, LoadWarning> {
    let rel = relative_path(root, path);
    let corrections = crate::correct::file::on_load(path, &rel);
    read_issue(path, &rel, &corrections, &habits::of_root(root))
}

/// Read, decode and segment the issue file at `path` (relative path `rel`) with
/// its corpus's `habits`, and apply `corrections` (those of its sidecar; none for
/// the plain cut).
pub fn read_issue(
    path: &Path,
    rel: &str,
    corrections: &[crate::correct::Correction],
    habits: &crate::segment::habits::Habits,
) -> Result<Issue, LoadWarning> {
    let warn = |message: String| LoadWarning {
        path: path.to_path_buf(),
        message,
    };
    READ_BUFFER.with_borrow_mut(|buf| {
        buf.clear();
        crate::regular_file::read_into(path, buf).map_err(|e| {
            if crate::regular_file::is_not_regular(&e) {
                warn(format!("skipped: {e}"))
            } else {
                warn(format!("cannot read: {e}"))
            }
        })?;
        let issue = parse_issue_with(path, rel, buf, corrections, habits)
            .map_err(|e| warn(format!("skipped: {e}")));
        if buf.capacity() > KEEP_READ_BUFFER {
            *buf = Vec::new();
        }
        issue
    })
}

/// Decode and segment the bytes of one issue file, alone (no corpus's habits);
/// the user's corrections of the cut (kept in the issue's sidecar) apply on every
/// load.
pub fn parse_issue(path: &Path, rel: &str, bytes: &[u8]) -> Result<Issue, decode::DecodeError> {
    let corrections = crate::correct::file::on_load(path, rel);
    parse_issue_with(path, rel, bytes, &corrections, &Default::default())
}

/// Decode and segment the bytes of one issue file with its corpus's `habits`,
/// then apply `corrections`.
pub fn parse_issue_with(
    path: &Path,
    rel: &str,
    bytes: &[u8],
    corrections: &[crate::correct::Correction],
    habits: &crate::segment::habits::Habits,
) -> Result<Issue, decode::DecodeError> {
    let decoded = decode::decode(bytes)?;
    let meta = meta::issue_meta(&decoded.text, rel);
    let (articles, habit_lines) = if corrections.is_empty() {
        crate::segment::segment_issue_learning(&decoded.text, &issue_key(rel), habits)
    } else {
        let corrected = crate::correct::apply(&decoded.text, &issue_key(rel), corrections, habits);
        let lines = crate::segment::page_lines(&decoded.text);
        (corrected.articles, lines)
    };
    Ok(Issue {
        path: path.to_path_buf(),
        rel: rel.to_string(),
        date: meta.date,
        page: meta.page,
        encoding: decoded.encoding,
        bytes: bytes.len() as u64,
        articles: articles.into(),
        habit_lines,
    })
}

/// The part of an issue's identity that goes into its article ids: the file name
/// without extension (so moving the corpus folder or re-encoding keeps ids).
pub fn issue_key(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    match name.rfind('.') {
        Some(dot) if dot > 0 => name[..dot].to_string(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_use_slashes() {
        let root = Path::new("/a/b");
        assert_eq!(
            relative_path(root, Path::new("/a/b/2024/01/x.txt")),
            "2024/01/x.txt"
        );
        assert_eq!(
            relative_path(Path::new("/a/x.txt"), Path::new("/a/x.txt")),
            "x.txt"
        );
    }

    /// A path's text is its parts joined by slashes, whatever the path looks
    /// like: empty parts, `.` and `..`, backslashes, a trailing slash (the
    /// text a walk's path keeps as it is must be the one its components give).
    #[test]
    fn a_relative_path_is_its_components_joined() {
        use proptest::prelude::*;
        proptest!(|(parts in prop::collection::vec("[a.\\\\第/]{0,3}", 1..5))| {
            let root = Path::new("/r");
            let path = root.join(parts.join("/"));
            let by_components = path
                .strip_prefix(root)
                .ok()
                .filter(|r| !r.as_os_str().is_empty())
                .unwrap_or_else(|| Path::new(path.file_name().unwrap_or(path.as_os_str())))
                .components()
                .map(|c| escape_name(c.as_os_str()))
                .collect::<Vec<_>>()
                .join("/");
            prop_assert_eq!(relative_path(root, &path), by_components);
        });
    }

    /// Names that are not UTF-8 (GBK from a Windows zip) and names that decode to the
    /// same replacement text stay apart, and turn back into their paths.
    #[cfg(unix)]
    #[test]
    fn relative_paths_name_exactly_one_path() {
        use std::os::unix::ffi::OsStrExt;
        let root = Path::new("/c");
        let names: [&[u8]; 7] = [
            b"\xff\xfe/a.txt",
            b"\xfe\xff/a.txt",
            b"\xd6\xd0\xce\xc4.txt",
            b"a\\xFF.txt",
            b"a\\\\.txt",
            "山西/第3版.txt".as_bytes(),
            b"\\x/\xff\\.md",
        ];
        let rels: Vec<String> = names
            .iter()
            .map(|n| relative_path(root, &root.join(std::ffi::OsStr::from_bytes(n))))
            .collect();
        for (i, a) in rels.iter().enumerate() {
            for b in &rels[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(rels[2], "\\xD6\\xD0\\xCE\\xC4.txt");
        assert_eq!(rels[5], "山西/第3版.txt");
        for (n, rel) in names.iter().zip(&rels) {
            assert_eq!(
                path_of_rel(root, rel),
                root.join(std::ffi::OsStr::from_bytes(n))
            );
        }
    }

    #[test]
    fn issue_key_drops_folder_and_extension() {
        assert_eq!(issue_key("2024/01/x.y.txt"), "x.y");
    }
}

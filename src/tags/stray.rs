//! Sidecars whose issue file is gone (renamed or deleted): their tags are kept on
//! disk, `newstag check` reports them and a full TOML dump holds them, so a
//! backup never loses a tag that exists.

use super::TagStore;
use super::sidecar::{self, ArticleTags};
use crate::corpus::Corpus;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The sidecar files of a corpus that belong to none of its issues.
#[derive(Debug, Default)]
pub struct StraySidecars {
    /// Regular `*.tags.toml` files no issue reads: their issue file is gone.
    pub lost: Vec<PathBuf>,
    /// Special files (FIFOs, devices, ...) named like sidecars, with their type;
    /// never opened.
    pub special: Vec<(PathBuf, std::fs::FileType)>,
}

/// The sidecars under the corpus folder (or under the store's `sidecar_dir`)
/// that no issue of `corpus` reads (`store` holds its tags). Nothing is looked
/// for when the corpus is one file and there is no `sidecar_dir`.
pub fn find(corpus: &Corpus, store: &TagStore) -> StraySidecars {
    // The sidecars the issues read (their own, or an older one they still read
    // until their own exists; see `tags::location`).
    let known: HashSet<PathBuf> = store
        .sidecar_files_read()
        .iter()
        .map(|p| p.to_path_buf())
        .collect();
    let mut out = StraySidecars::default();
    let search_root = match store.sidecar_dir() {
        Some(d) => d.to_path_buf(),
        None if corpus.root.is_dir() => corpus.root.clone(),
        None => return out,
    };
    for (path, file_type) in sidecar_files(&search_root) {
        if known.contains(&path) {
            // At an issue's sidecar path the store reports a special file as a
            // bad sidecar.
            continue;
        }
        if file_type.is_file() {
            out.lost.push(path);
        } else {
            out.special.push((path, file_type));
        }
    }
    out
}

/// The tags of the sidecars in `lost` as `(issue, record)`, the issue named by
/// the sidecar's `issue` key (else its path under `root` without the suffix);
/// and a message for each sidecar that cannot be read.
pub fn tags_of(lost: &[PathBuf], root: &Path) -> (Vec<(String, ArticleTags)>, Vec<String>) {
    let (mut tags, mut unreadable) = (Vec::new(), Vec::new());
    for path in lost {
        match sidecar::read(path) {
            Ok(Some(s)) => {
                let issue = if s.issue.is_empty() {
                    let rel = crate::corpus::relative_path(root, path);
                    rel.strip_suffix(sidecar::SUFFIX)
                        .unwrap_or(&rel)
                        .to_string()
                } else {
                    s.issue
                };
                tags.extend(s.articles.into_iter().map(|a| (issue.clone(), a)));
            }
            Ok(None) => {}
            Err(e) => unreadable.push(e.to_string()),
        }
    }
    (tags, unreadable)
}

/// True for the team layout's `coders/` and `adjudicated/` folders right under
/// `root` (each coder's and adjudicator's sidecars, checked on their own; see
/// [`super::team`]), unless `root` is itself inside one.
fn is_coders_dir(root: &Path, e: &walkdir::DirEntry) -> bool {
    let team_dirs = [super::team::CODERS_DIR, super::adjudicate::ADJUDICATED_DIR];
    let inside = root
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| team_dirs.iter().any(|d| n == *d));
    e.depth() == 1 && team_dirs.iter().any(|d| e.file_name() == *d) && !inside
}

/// Every `*.tags.toml` under `root` that is not a folder, with its type (links
/// followed), hidden folders skipped, in path order.
fn sidecar_files(root: &Path) -> Vec<(PathBuf, std::fs::FileType)> {
    let mut files: Vec<(PathBuf, std::fs::FileType)> = walkdir::WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(crate::corpus::walk::is_hidden(e.file_name()) || is_coders_dir(root, e))
        })
        .filter_map(Result::ok)
        .filter(|e| {
            !e.file_type().is_dir()
                && e.file_name()
                    .as_encoded_bytes()
                    .ends_with(sidecar::SUFFIX.as_bytes())
        })
        .map(|e| (e.path().to_path_buf(), e.file_type()))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

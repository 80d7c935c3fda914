//! Renaming a tag everywhere its name is written: every sidecar of the corpus
//! (beside the issues or under `sidecar_dir`, every coder's under `coders/`,
//! the settled decisions under `adjudicated/`, and sidecars whose issue is
//! gone), each rewritten atomically under its folder's lock, re-read there so
//! that a change another process made meanwhile is kept. Each tag keeps its
//! record (when, how, by whom); on an article that already carries the new
//! name, that record stays and the old one goes, so a tag is never lost.
//!
//! [`plan`] reads every sidecar first and refuses (naming the file and line)
//! when one does not read, before anything is written; [`apply`] then locks
//! every folder, reads every sidecar again and writes each renamed one to a
//! temporary file beside it, and only when all are written moves them into
//! place: a failure before that leaves every sidecar as it was.

use super::sidecar::{self, SUFFIX, SidecarError};
use std::path::{Path, PathBuf};

/// What a rename will change (or changed): per sidecar, how many articles
/// carry the old name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenamePlan {
    pub old: String,
    pub new: String,
    /// Sidecars holding the old name, with the number of articles in each.
    pub files: Vec<(PathBuf, usize)>,
}

impl RenamePlan {
    /// Articles (in all sidecars) carrying the old name.
    pub fn articles(&self) -> usize {
        self.files.iter().map(|(_, n)| n).sum()
    }
}

/// The folders holding a corpus's sidecars: the corpus folder (the file's
/// folder when `root` is one issue file), and the configured sidecar folder.
pub fn sidecar_dirs(config: &crate::config::Config, root: &Path) -> Vec<PathBuf> {
    let root = if root.is_file() {
        root.parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    } else {
        root.to_path_buf()
    };
    std::iter::once(root).chain(config.sidecar_dir()).collect()
}

/// Every sidecar file below the folders `dirs` (hidden folders skipped, links
/// not followed), each once, in path order.
pub fn sidecar_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        let walk = walkdir::WalkDir::new(dir)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk.flatten() {
            if entry.file_type().is_file() && entry.file_name().to_string_lossy().ends_with(SUFFIX)
            {
                out.push(entry.into_path());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Why a rename cannot go ahead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenameError {
    /// A sidecar does not read: it may hold the tag, and it cannot be rewritten.
    #[error("{0} (nothing renamed: mend it first, `newstag check` lists them)")]
    Unreadable(SidecarError),
    /// A sidecar could not be read again or its renamed text written to a
    /// temporary file: no sidecar was changed.
    #[error("{0} (nothing renamed: every sidecar is as it was)")]
    Prepare(SidecarError),
    /// A renamed sidecar could not be moved into place; the ones before it
    /// were (rare: every one was written beside its sidecar first).
    #[error("{error} (renamed in {done} of {total} sidecars; run the rename again to finish)")]
    Write {
        error: SidecarError,
        done: usize,
        total: usize,
    },
}

/// Read every sidecar of `files` and count the articles carrying `old`:
/// refused, before anything is written, when one does not read.
pub fn plan(files: &[PathBuf], old: &str, new: &str) -> Result<RenamePlan, RenameError> {
    let mut plan = RenamePlan {
        old: old.to_string(),
        new: new.to_string(),
        files: Vec::new(),
    };
    for path in files {
        let Some(car) = sidecar::read(path).map_err(RenameError::Unreadable)? else {
            continue;
        };
        let n = car
            .articles
            .iter()
            .filter(|a| a.tags.contains_key(old))
            .count();
        if n > 0 {
            plan.files.push((path.clone(), n));
        }
    }
    Ok(plan)
}

/// Rename in the sidecars of `plan`; returns the articles renamed. First, with
/// the lock of every sidecar folder taken (in path order, each once), every
/// sidecar is read again (a change another process made meanwhile is kept)
/// and its renamed text written to a temporary file beside it; a sidecar that
/// no longer reads or a temporary file that cannot be written stops the
/// rename there with nothing changed. Then the temporary files replace the
/// sidecars, one rename each.
pub fn apply(plan: &RenamePlan) -> Result<usize, RenameError> {
    // Files folder by folder, folders in path order: each folder is locked
    // once, always in the same order (two renames at once cannot deadlock).
    let mut files: Vec<&PathBuf> = plan.files.iter().map(|(p, _)| p).collect();
    files.sort_by_key(|p| (p.parent().map(Path::to_path_buf), p.to_path_buf()));
    let mut locks = Vec::new();
    let mut locked: Option<&Path> = None;
    for path in &files {
        let folder = path.parent();
        if locked.is_none() || folder != locked {
            locks.push(sidecar::lock_folder(path).map_err(RenameError::Prepare)?);
            locked = folder;
        }
    }
    let mut ready = Vec::new();
    let mut renamed = 0;
    for path in files {
        if let Some((temp, n)) =
            prepare(path, &plan.old, &plan.new).map_err(RenameError::Prepare)?
        {
            ready.push((path, temp));
            renamed += n;
        }
    }
    // The commit point: every renamed sidecar is written beside its own.
    let total = ready.len();
    for (done, (path, temp)) in ready.into_iter().enumerate() {
        temp.persist(path).map_err(|e| RenameError::Write {
            error: SidecarError::io(path, "cannot replace", e.error),
            done,
            total,
        })?;
    }
    drop(locks);
    Ok(renamed)
}

/// The sidecar at `path` read again with `old` renamed to `new`, written to a
/// temporary file beside it (with the number of articles renamed); `None`
/// when no article carries `old` any more.
fn prepare(
    path: &Path,
    old: &str,
    new: &str,
) -> Result<Option<(tempfile::NamedTempFile, usize)>, SidecarError> {
    let Some(mut car) = sidecar::read(path)? else {
        return Ok(None);
    };
    let mut n = 0;
    for article in &mut car.articles {
        if let Some(mark) = article.tags.remove(old) {
            article.tags.entry(new.to_string()).or_insert(mark);
            n += 1;
        }
    }
    if n == 0 {
        return Ok(None);
    }
    let text = sidecar::render_verified(&car, path)?;
    let temp = sidecar::write_temp_beside(path, text.as_bytes())?;
    Ok(Some((temp, n)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::sidecar::{ArticleTags, Sidecar};
    use crate::tags::{Source, TagMark};

    fn mark(coder: &str) -> TagMark {
        TagMark {
            at: "2026-11-23T02:40:00Z".into(),
            by: Source::Hand,
            coder: coder.into(),
            codebook: 0,
        }
    }

    fn write(path: &Path, articles: &[(&str, &[&str], &str)]) {
        let car = Sidecar {
            issue: "a.txt".into(),
            articles: articles
                .iter()
                .map(|(id, tags, coder)| ArticleTags {
                    id: (*id).into(),
                    title: format!("title {id}"),
                    tags: tags.iter().map(|t| (t.to_string(), mark(coder))).collect(),
                    memo: None,
                })
                .collect(),
            corrections: Vec::new(),
        };
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        sidecar::write_atomic(path, sidecar::render(&car)).unwrap();
    }

    fn tags(path: &Path) -> Vec<(String, Vec<String>)> {
        sidecar::read(path)
            .unwrap()
            .unwrap()
            .articles
            .into_iter()
            .map(|a| (a.id, a.tags.into_keys().collect()))
            .collect()
    }

    /// A rename reaches the sidecar beside the issue, every coder's and the
    /// settled decisions', keeps each tag's record, and merges into an
    /// article already carrying the new name without losing it.
    #[test]
    fn rename_reaches_every_sidecar_and_keeps_records() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let own = root.join("2024/a.tags.toml");
        let wang = root.join("coders/wang/2024/a.tags.toml");
        let settled = root.join("adjudicated/li/2024/a.tags.toml");
        let hidden = root.join(".git/a.tags.toml");
        write(
            &own,
            &[
                ("aaa", &["gov", "heritage"], ""),
                ("bbb", &["heritage"], ""),
            ],
        );
        write(&wang, &[("aaa", &["gov", "community"], "wang")]);
        write(&settled, &[("aaa", &["gov"], "li")]);
        write(&hidden, &[("aaa", &["gov"], "")]);
        let files = sidecar_files(&[root.to_path_buf()]);
        assert_eq!(files.len(), 3, "{files:?}");
        let plan = plan(&files, "gov", "community").unwrap();
        assert_eq!(plan.articles(), 3);
        assert_eq!(apply(&plan).unwrap(), 3);
        assert_eq!(
            tags(&own),
            [
                (
                    "aaa".to_string(),
                    vec!["community".to_string(), "heritage".into()]
                ),
                ("bbb".to_string(), vec!["heritage".to_string()]),
            ]
        );
        assert_eq!(
            tags(&wang),
            [("aaa".to_string(), vec!["community".to_string()])]
        );
        let li = sidecar::read(&settled).unwrap().unwrap();
        assert_eq!(li.articles[0].tags["community"].coder, "li");
        assert_eq!(
            tags(&hidden),
            [("aaa".to_string(), vec!["gov".to_string()])]
        );
    }

    /// A sidecar broken after the plan (by hand, by another program) stops
    /// the rename with nothing renamed: the sidecars before it in path order
    /// still hold the old name, and no temporary file is left beside them.
    #[test]
    fn sidecar_broken_after_the_plan_leaves_nothing_renamed() {
        for broken in ["garbage", "folder"] {
            let dir = tempfile::tempdir().unwrap();
            let first = dir.path().join("2024/a.tags.toml");
            let second = dir.path().join("2024/b.tags.toml");
            let other = dir.path().join("coders/wang/2024/a.tags.toml");
            write(&first, &[("aaa", &["gov"], "")]);
            write(&second, &[("bbb", &["gov", "heritage"], "")]);
            write(&other, &[("aaa", &["gov"], "wang")]);
            let files = sidecar_files(&[dir.path().to_path_buf()]);
            let plan = plan(&files, "gov", "community").unwrap();
            assert_eq!(plan.articles(), 3);
            match broken {
                "garbage" => std::fs::write(&second, "schema = 1\n[[article]\n").unwrap(),
                _ => {
                    std::fs::remove_file(&second).unwrap();
                    std::fs::create_dir(&second).unwrap();
                }
            }
            let err = apply(&plan).unwrap_err();
            assert!(matches!(err, RenameError::Prepare(_)), "{broken}: {err}");
            assert!(err.to_string().contains("b.tags.toml"), "{err}");
            assert!(err.to_string().contains("nothing renamed"), "{err}");
            assert_eq!(tags(&first), [("aaa".to_string(), vec!["gov".to_string()])]);
            assert_eq!(tags(&other), [("aaa".to_string(), vec!["gov".to_string()])]);
            for folder in [first.parent().unwrap(), other.parent().unwrap()] {
                let left: Vec<String> = std::fs::read_dir(folder)
                    .unwrap()
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".tmp"))
                    .collect();
                assert!(left.is_empty(), "{broken}: {left:?}");
            }
        }
    }

    /// A sidecar that does not read refuses the rename before anything is written.
    #[test]
    fn unreadable_sidecar_refuses_before_writing() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("a.tags.toml");
        let bad = dir.path().join("b.tags.toml");
        write(&good, &[("aaa", &["gov"], "")]);
        std::fs::write(&bad, "schema = 1\n[[article]\n").unwrap();
        let files = sidecar_files(&[dir.path().to_path_buf()]);
        let err = plan(&files, "gov", "new").unwrap_err();
        assert!(err.to_string().contains("b.tags.toml"), "{err}");
        assert_eq!(tags(&good), [("aaa".to_string(), vec!["gov".to_string()])]);
    }
}

//! The search history: the queries kept (Enter in the search line), oldest
//! first, walked with Up and Down, kept between runs in a small file of the
//! data folder (`$XDG_DATA_HOME/newstag/search_history`, one query a line).
//!
//! A query kept again moves to the end (duplicates collapse); the file keeps
//! the last [`LIMIT`]. [`SearchHistory`] is what the search line walks, in
//! memory; the file is read and written by [`read`] and [`keep_in_file`],
//! which the TUI runs as a session job (`session::history_job`), never on its
//! own thread. [`keep_in_file`] reads the file again under the folder's lock
//! before it replaces it atomically (a temporary beside it, then renamed), so
//! two newstag windows add to it without losing each other's queries.

use std::io::Write;
use std::path::{Path, PathBuf};

/// How many queries the history keeps.
pub const LIMIT: usize = 500;

/// The history and where the walk through it is.
#[derive(Debug, Clone, Default)]
pub struct SearchHistory {
    /// Oldest first, each once.
    entries: Vec<String>,
    /// The file it is kept in (`None`: this run only, as in tests).
    path: Option<PathBuf>,
    /// Queries kept here whose writing to the file has not been reported yet
    /// (they stay the newest when the file's entries arrive).
    pending: Vec<String>,
    /// The entry shown while walking, and what was typed before the walk.
    walk: Option<(usize, String)>,
}

/// `$XDG_DATA_HOME/newstag/search_history` (or the platform's data folder).
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(dirs::data_dir)?;
    Some(base.join("newstag").join("search_history"))
}

impl SearchHistory {
    /// An empty history kept in the file at `path` (its entries come with
    /// [`SearchHistory::kept`], once a job has read it).
    pub fn at(path: &Path) -> SearchHistory {
        SearchHistory {
            path: Some(path.to_path_buf()),
            ..SearchHistory::default()
        }
    }

    /// The file the history is kept in, when it has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The queries kept, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Keep `query` as the newest entry (an equal older one goes); the walk
    /// starts again from the newest. Blank queries are not kept. Returns the
    /// line to add to the history's file with [`keep_in_file`], when it has
    /// a file and the query is kept.
    pub fn record(&mut self, query: &str) -> Option<(PathBuf, String)> {
        self.walk = None;
        let query = one_line(query);
        if query.is_empty() {
            return None;
        }
        push_newest(&mut self.entries, query.clone());
        let path = self.path.clone()?;
        self.pending.retain(|p| *p != query);
        self.pending.push(query.clone());
        Some((path, query))
    }

    /// The history's file holds `entries` now (read, or written after adding
    /// `query`): take them, queries kept here since and not yet written
    /// staying the newest. A walk goes on from the entry it shows.
    pub fn kept(&mut self, entries: Vec<String>, query: Option<&str>) {
        if let Some(q) = query {
            self.pending.retain(|p| p != q);
        }
        let shown = self
            .walk
            .as_ref()
            .and_then(|(k, _)| self.entries.get(*k).cloned());
        self.entries = entries;
        for p in &self.pending {
            push_newest(&mut self.entries, p.clone());
        }
        if let Some((k, _)) = &mut self.walk {
            match shown.and_then(|s| self.entries.iter().position(|e| *e == s)) {
                Some(at) => *k = at,
                None => self.walk = None,
            }
        }
    }

    /// Up: the entry before the one shown (from `typed`, the newest), or
    /// `None` at the oldest.
    pub fn older(&mut self, typed: &str) -> Option<&str> {
        let k = match &self.walk {
            None => self.entries.len().checked_sub(1)?,
            Some((k, _)) => k.checked_sub(1)?,
        };
        let draft = match self.walk.take() {
            Some((_, draft)) => draft,
            None => typed.to_string(),
        };
        self.walk = Some((k, draft));
        self.entries.get(k).map(String::as_str)
    }

    /// Down: the entry after the one shown; past the newest, what was typed
    /// before the walk. `None` when not walking.
    pub fn newer(&mut self) -> Option<String> {
        let (k, draft) = self.walk.take()?;
        if k + 1 < self.entries.len() {
            let next = self.entries[k + 1].clone();
            self.walk = Some((k + 1, draft));
            Some(next)
        } else {
            Some(draft)
        }
    }

    /// The query was edited: Up starts again from the newest.
    pub fn stop_walking(&mut self) {
        self.walk = None;
    }
}

/// Add `query` as the newest of `entries` (an equal older one goes), keeping
/// the last [`LIMIT`].
fn push_newest(entries: &mut Vec<String>, query: String) {
    entries.retain(|e| *e != query);
    entries.push(query);
    if entries.len() > LIMIT {
        let extra = entries.len() - LIMIT;
        entries.drain(..extra);
    }
}

/// Add `query` (one line, not blank) to the history kept in the file at
/// `path` as its newest entry, keeping what other windows added meanwhile:
/// under the lock of the file's folder, the file is read again, the query
/// added, and the file replaced atomically. Returns the entries it holds now.
pub fn keep_in_file(path: &Path, query: &str) -> Result<Vec<String>, String> {
    let query = one_line(query);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            format!(
                "{}: cannot make the folder of the search history: {e}",
                path.display()
            )
        })?;
    }
    let _lock = crate::tags::sidecar::lock_folder(path).map_err(|e| e.to_string())?;
    let mut entries = read(path)?;
    if !query.is_empty() {
        push_newest(&mut entries, query);
        write(path, &entries)?;
    }
    Ok(entries)
}

/// `text` on one line, trimmed (a query never spans lines).
fn one_line(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The entries of the file at `path`, oldest first, each once (a missing file
/// is an empty history).
pub fn read(path: &Path) -> Result<Vec<String>, String> {
    let text = match crate::regular_file::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(format!(
                "{}: cannot read the search history: {e}",
                path.display()
            ));
        }
    };
    let mut entries: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        entries.retain(|e| e != line);
        entries.push(line.to_string());
    }
    if entries.len() > LIMIT {
        let extra = entries.len() - LIMIT;
        entries.drain(..extra);
    }
    Ok(entries)
}

/// Replace the file at `path` with `entries`, atomically.
fn write(path: &Path, entries: &[String]) -> Result<(), String> {
    let fail = |what: &str, e: std::io::Error| {
        format!("{}: cannot {what} the search history: {e}", path.display())
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| fail("make the folder of", e))?;
    }
    let mut text = entries.join("\n");
    text.push('\n');
    let mut tmp = crate::replace::temp_beside(path, ".search_history.", ".tmp")
        .map_err(|e| fail("write", e))?;
    tmp.write_all(text.as_bytes())
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| fail("write", e))?;
    tmp.persist(path).map_err(|e| fail("replace", e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_walks_back_down_walks_forward_to_the_draft() {
        let mut h = SearchHistory::default();
        for q in ["社区", "垃圾分类", "sqzl"] {
            assert_eq!(h.record(q), None, "no file to write");
        }
        assert_eq!(h.older("环"), Some("sqzl"));
        assert_eq!(h.older("ignored"), Some("垃圾分类"));
        assert_eq!(h.older(""), Some("社区"));
        assert_eq!(h.older(""), None, "at the oldest");
        assert_eq!(h.newer().as_deref(), Some("垃圾分类"));
        assert_eq!(h.newer().as_deref(), Some("sqzl"));
        assert_eq!(h.newer().as_deref(), Some("环"), "back to what was typed");
        assert_eq!(h.newer(), None, "not walking any more");
    }

    #[test]
    fn duplicates_collapse_and_the_length_is_bounded() {
        let mut h = SearchHistory::default();
        for q in ["a", "b", "a", "  ", "c\nd"] {
            h.record(q);
        }
        assert_eq!(h.entries(), ["b", "a", "c d"]);
        for k in 0..LIMIT + 10 {
            h.record(&format!("q{k}"));
        }
        assert_eq!(h.entries().len(), LIMIT);
        assert_eq!(h.entries().last().map(String::as_str), Some("q509"));
    }

    #[test]
    fn kept_in_a_file_between_runs_and_merged_with_other_windows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newstag").join("search_history");
        assert_eq!(read(&path).unwrap(), Vec::<String>::new());
        let mut one = SearchHistory::at(&path);
        let mut two = SearchHistory::at(&path);
        let (file, line) = one.record("社区").unwrap();
        assert_eq!(file, path);
        let kept = keep_in_file(&file, &line).unwrap();
        one.kept(kept, Some(&line));
        let (_, line) = two.record("环保").unwrap();
        two.kept(keep_in_file(&path, &line).unwrap(), Some(&line));
        assert_eq!(two.entries(), ["社区", "环保"], "the other window's too");
        // A query kept while the write of the one before is under way stays
        // the newest when that write reports.
        let (_, first) = one.record("治理").unwrap();
        let (_, second) = one.record("社区").unwrap();
        one.kept(keep_in_file(&path, &first).unwrap(), Some(&first));
        assert_eq!(one.entries(), ["环保", "治理", "社区"]);
        one.kept(keep_in_file(&path, &second).unwrap(), Some(&second));
        assert_eq!(one.entries(), ["环保", "治理", "社区"]);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "环保\n治理\n社区\n");
        assert_eq!(read(&path).unwrap(), ["环保", "治理", "社区"]);
    }

    #[test]
    fn a_walk_goes_on_from_its_entry_when_the_file_reports() {
        let mut h = SearchHistory::default();
        for q in ["a", "b", "c"] {
            h.record(q);
        }
        assert_eq!(h.older(""), Some("c"));
        assert_eq!(h.older(""), Some("b"));
        h.kept(vec!["x".into(), "a".into(), "b".into(), "c".into()], None);
        assert_eq!(h.older(""), Some("a"));
        assert_eq!(h.older(""), Some("x"));
    }
}

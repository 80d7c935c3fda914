//! The search history: the queries kept (Enter in the search line), oldest
//! first, walked with Up and Down, kept between runs in a small file of the
//! data folder (`$XDG_DATA_HOME/newstag/search_history`, one query a line).
//!
//! A query kept again moves to the end (duplicates collapse); the file keeps
//! the last [`LIMIT`]. It is written atomically (a temporary beside it, then
//! renamed) after reading it again, so two newstag windows add to it without
//! losing each other's queries.

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
    /// The history kept in `path` (none yet when the file does not exist);
    /// an unreadable file gives an empty history and says why.
    pub fn open(path: &Path) -> (SearchHistory, Option<String>) {
        let (entries, error) = match read(path) {
            Ok(e) => (e, None),
            Err(why) => (Vec::new(), Some(why)),
        };
        let history = SearchHistory {
            entries,
            path: Some(path.to_path_buf()),
            walk: None,
        };
        (history, error)
    }

    /// The queries kept, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Keep `query` as the newest entry (an equal older one goes) and write the
    /// file; the walk starts again from the newest. Blank queries are not kept.
    pub fn record(&mut self, query: &str) -> Result<(), String> {
        self.walk = None;
        let query = one_line(query);
        if query.is_empty() {
            return Ok(());
        }
        // What other windows kept meanwhile.
        if let Some(path) = &self.path
            && let Ok(on_disk) = read(path)
        {
            self.entries = on_disk;
        }
        self.entries.retain(|e| *e != query);
        self.entries.push(query);
        if self.entries.len() > LIMIT {
            let extra = self.entries.len() - LIMIT;
            self.entries.drain(..extra);
        }
        match &self.path {
            Some(path) => write(path, &self.entries),
            None => Ok(()),
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
fn read(path: &Path) -> Result<Vec<String>, String> {
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
            h.record(q).unwrap();
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
            h.record(q).unwrap();
        }
        assert_eq!(h.entries(), ["b", "a", "c d"]);
        for k in 0..LIMIT + 10 {
            h.record(&format!("q{k}")).unwrap();
        }
        assert_eq!(h.entries().len(), LIMIT);
        assert_eq!(h.entries().last().map(String::as_str), Some("q509"));
    }

    #[test]
    fn kept_in_a_file_between_runs_and_merged_with_other_windows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newstag").join("search_history");
        let (mut one, error) = SearchHistory::open(&path);
        assert!(error.is_none());
        let (mut two, _) = SearchHistory::open(&path);
        one.record("社区").unwrap();
        two.record("环保").unwrap();
        one.record("社区").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "环保\n社区\n");
        let (again, _) = SearchHistory::open(&path);
        assert_eq!(again.entries(), ["环保", "社区"]);
    }
}

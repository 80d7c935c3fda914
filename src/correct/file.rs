//! Corrections in the issue's sidecar, beside its tags:
//!
//! ```toml
//! [[correction]]
//! op = "split-before"
//! line = 12
//! text = "二十四节气里的乡村"
//! at = "2026-12-01T03:40:00Z"
//! note = "tags kept by 老街新貌 (3f2a9c01b7de); the other part (5c1e...) has none"
//! ```
//!
//! Read on every load ([`on_load`]), changed by [`change`] under the sidecar
//! folder's lock together with the tags the change moves, so the sidecar always
//! holds tags keyed by the ids of the corrected articles.

use super::{Corrected, Correction, Status, carry};
use crate::article::{Article, Issue};
use crate::tags::anchor::{ArticleAnchor, attach};
use crate::tags::location;
use crate::tags::sidecar::{self, ArticleTags, SidecarError, quote};
use std::path::{Path, PathBuf};
use std::sync::RwLock;

static SIDECAR_DIR: RwLock<Option<PathBuf>> = RwLock::new(None);

/// Where sidecars are read from on load: `corpus.sidecar_dir` of the config
/// (`None`: beside each issue). Set once at start.
pub fn set_sidecar_dir(dir: Option<PathBuf>) {
    if let Ok(mut d) = SIDECAR_DIR.write() {
        *d = dir;
    }
}

fn sidecar_dir() -> Option<PathBuf> {
    SIDECAR_DIR.read().ok().and_then(|d| d.clone())
}

/// The corrections of the issue at `path` (relative path `rel`): none when it
/// has no sidecar or the sidecar does not parse (`newstag check` reports that).
/// Costs two failed lookups for an issue without a sidecar.
pub fn on_load(path: &Path, rel: &str) -> Vec<Correction> {
    let dir = sidecar_dir();
    let plain = sidecar::sidecar_path(path, rel, dir.as_deref());
    let mut full = path.file_name().unwrap_or_default().to_os_string();
    full.push(sidecar::SUFFIX);
    let full = plain.with_file_name(full);
    if plain.symlink_metadata().is_err() && full.symlink_metadata().is_err() {
        return Vec::new();
    }
    location::locate(path, rel, dir.as_deref())
        .read()
        .ok()
        .flatten()
        .map(|s| s.corrections)
        .unwrap_or_default()
}

/// The `[[correction]]` table of `c` in a sidecar.
pub fn table(c: &Correction) -> String {
    let mut s = String::from("\n[[correction]]\n");
    if let Some(op) = c.op {
        s.push_str(&format!("op = {}\n", quote(op.as_str())));
    }
    s.push_str(&format!("line = {}\n", c.line));
    s.push_str(&format!("text = {}\n", quote(&c.text)));
    if let Some(role) = c.role {
        s.push_str(&format!("role = {}\n", quote(role.as_str())));
    }
    if c.to_line > 0 || !c.to_text.is_empty() {
        s.push_str(&format!("to_line = {}\n", c.to_line));
        s.push_str(&format!("to_text = {}\n", quote(&c.to_text)));
    }
    if !c.at.is_empty() {
        s.push_str(&format!("at = {}\n", quote(&c.at)));
    }
    if !c.note.is_empty() {
        s.push_str(&format!("note = {}\n", quote(&c.note)));
    }
    s
}

/// Why a change of corrections was not made.
#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    /// The sidecar could not be read, locked or written.
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
    /// The change does not apply to the issue (the message says why).
    #[error("{0}")]
    Refused(String),
}

/// Where the tags of one tagged article went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagMove {
    /// The article before (id, display title).
    pub from: (String, String),
    pub tags: Vec<String>,
    /// The article that now holds them (id, display title); `None`: kept in the
    /// sidecar as orphans (none of the article's text is in any article).
    pub to: Option<(String, String)>,
}

/// What a change did.
#[derive(Debug, Clone)]
pub struct Changed {
    pub before: Vec<Article>,
    pub after: Corrected,
    /// Tagged articles whose tags moved to another id.
    pub moves: Vec<TagMove>,
    /// Articles after that are new (no article before had their id) and got no
    /// tags: the user may want to tag them.
    pub untagged_new: Vec<(String, String)>,
    /// The sidecar written.
    pub sidecar: PathBuf,
    /// The tag records of the sidecar before the change (what an undo puts
    /// back, see [`change_restoring`]).
    pub tags_before: Vec<ArticleTags>,
}

/// Change the corrections of one issue (`text` is its decoded text): `edit` gets
/// the articles as corrected now and the corrections, and changes them (or
/// refuses, with a reason). Under the sidecar's lock, the tags of every article
/// follow it (see [`carry`]); an added correction that does not apply is refused
/// and nothing is written.
pub fn change(
    issue_path: &Path,
    rel: &str,
    sidecar_dir: Option<&Path>,
    text: &str,
    edit: impl FnOnce(&[Article], &mut Vec<Correction>) -> Result<(), String>,
) -> Result<Changed, ChangeError> {
    change_tags(issue_path, rel, sidecar_dir, text, edit, None)
}

/// [`change`], then put the sidecar's tag records back as `tags` (the
/// [`Changed::tags_before`] of the change being undone) instead of carrying
/// them: undoing a correction restores the tags exactly as they were before it.
pub fn change_restoring(
    issue_path: &Path,
    rel: &str,
    sidecar_dir: Option<&Path>,
    text: &str,
    edit: impl FnOnce(&[Article], &mut Vec<Correction>) -> Result<(), String>,
    tags: Vec<ArticleTags>,
) -> Result<Changed, ChangeError> {
    change_tags(issue_path, rel, sidecar_dir, text, edit, Some(tags))
}

fn change_tags(
    issue_path: &Path,
    rel: &str,
    sidecar_dir: Option<&Path>,
    text: &str,
    edit: impl FnOnce(&[Article], &mut Vec<Correction>) -> Result<(), String>,
    restore: Option<Vec<ArticleTags>>,
) -> Result<Changed, ChangeError> {
    let location = location::locate(issue_path, rel, sidecar_dir);
    let _lock = sidecar::lock_folder(&location.path)?;
    let mut file = location.read()?.unwrap_or_default();
    if file.issue.is_empty() {
        file.issue = rel.to_string();
    }
    let key = crate::corpus::issue_key(rel);
    let (articles, explanation) = crate::segment::explain_issue(text, &key);
    let before = super::apply_to(
        text,
        &key,
        articles.clone(),
        &explanation,
        &file.corrections,
    );
    let count = file.corrections.len();
    edit(&before.articles, &mut file.corrections).map_err(ChangeError::Refused)?;
    let after = super::apply_to(text, &key, articles, &explanation, &file.corrections);
    if file.corrections.len() > count
        && let Some(Status::Stale(why)) = after.statuses.last()
    {
        return Err(ChangeError::Refused(why.clone()));
    }
    let tags_before = file.articles.clone();
    let anchors: Vec<ArticleAnchor> = before.articles.iter().map(ArticleAnchor::of).collect();
    let anchored = attach(std::mem::take(&mut file.articles), &anchors, &key);
    let heirs = carry::heirs(&before.articles, &after.articles);
    let mut records: Vec<ArticleTags> = anchored.orphans;
    let mut moves = Vec::new();
    for r in anchored.attached {
        let Some(old) = before.articles.iter().position(|a| a.id == r.id) else {
            records.push(r);
            continue;
        };
        let heir = heirs[old].map(|j| &after.articles[j]);
        if heir.is_some_and(|h| h.id == r.id) {
            records.push(r);
            continue;
        }
        if !r.tags.is_empty() {
            moves.push(TagMove {
                from: (r.id.clone(), r.title.clone()),
                tags: r.tags.keys().cloned().collect(),
                to: heir.map(|h| (h.id.clone(), h.display_title())),
            });
        }
        match heir {
            Some(h) => records.push(ArticleTags {
                id: h.id.clone(),
                title: h.display_title(),
                tags: r.tags,
            }),
            None => records.push(r),
        }
    }
    file.articles = match restore {
        Some(tags) => {
            moves.clear();
            sidecar::normalise(tags)
        }
        None => sidecar::normalise(records),
    };
    let added = file.corrections.len() > count;
    if let Some(last) = file.corrections.last_mut()
        && added
    {
        last.note = note(&moves);
    }
    let old_ids: std::collections::HashSet<&str> =
        before.articles.iter().map(|a| a.id.as_str()).collect();
    let tagged: std::collections::HashSet<&str> =
        file.articles.iter().map(|a| a.id.as_str()).collect();
    let untagged_new = after
        .articles
        .iter()
        .filter(|a| !old_ids.contains(a.id.as_str()) && !tagged.contains(a.id.as_str()))
        .map(|a| (a.id.clone(), a.display_title()))
        .collect();
    location.save(&file)?;
    Ok(Changed {
        before: before.articles,
        after,
        moves,
        untagged_new,
        sidecar: location.path,
        tags_before,
    })
}

/// An issue as the page view shows it: its text, every line with its role
/// and article, the corrected articles, and its corrections.
#[derive(Debug, Clone, Default)]
pub struct IssuePage {
    /// The decoded text, one entry a line (split at `\n`).
    pub lines: Vec<String>,
    pub view: Vec<super::page::ViewLine>,
    pub corrected: Corrected,
    pub corrections: Vec<Correction>,
}

impl IssuePage {
    /// The lines as `&str`, as [`Correction::on_line`] takes them.
    pub fn line_refs(&self) -> Vec<&str> {
        self.lines.iter().map(String::as_str).collect()
    }
}

/// Why an issue's page could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: cannot decode: {message}", path.display())]
    Decode { path: PathBuf, message: String },
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
}

/// The decoded text of the issue file at `path`.
pub fn read_text(path: &Path) -> Result<String, PageError> {
    let bytes = crate::regular_file::read(path).map_err(|source| PageError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let decoded = crate::corpus::decode::decode(&bytes).map_err(|e| PageError::Decode {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    Ok(decoded.text.into_owned())
}

/// Read the issue at `issue_path` (relative path `rel`) and its corrections, and
/// lay out its page (see [`super::view`]).
pub fn read_page(
    issue_path: &Path,
    rel: &str,
    sidecar_dir: Option<&Path>,
) -> Result<IssuePage, PageError> {
    let text = read_text(issue_path)?;
    let location = location::locate(issue_path, rel, sidecar_dir);
    let corrections = location.read()?.map(|s| s.corrections).unwrap_or_default();
    let key = crate::corpus::issue_key(rel);
    let (view, corrected) = super::view(&text, &key, &corrections);
    Ok(IssuePage {
        lines: text.split('\n').map(str::to_string).collect(),
        view,
        corrected,
        corrections,
    })
}

/// What happened to tags, in a few words, for the sidecar's `note`.
fn note(moves: &[TagMove]) -> String {
    moves
        .iter()
        .map(|m| match &m.to {
            Some((id, title)) => format!(
                "{} of {} ({}) now on {} ({id})",
                m.tags.join(", "),
                m.from.1,
                m.from.0,
                title
            ),
            None => format!(
                "{} of {} ({}) kept as orphans",
                m.tags.join(", "),
                m.from.1,
                m.from.0
            ),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Drop the corpus's cached search index: it was built from the articles
/// before a change of corrections (the next start builds it again).
pub fn forget_search_cache(root: &Path) {
    if let Some(path) = crate::search::cache::cache_path(root) {
        let _ = std::fs::remove_file(path);
    }
}

/// A correction of an issue that no longer applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleCorrection {
    pub sidecar: PathBuf,
    /// 1-based number in the sidecar (as `newstag correct --list` shows it).
    pub number: usize,
    pub correction: Correction,
    pub why: String,
}

/// The corrections of `issue` that do not apply to its file as it is now.
pub fn stale_of(issue: &Issue, sidecar_dir: Option<&Path>) -> Vec<StaleCorrection> {
    let location = location::locate(&issue.path, &issue.rel, sidecar_dir);
    let Ok(Some(file)) = location.read() else {
        return Vec::new();
    };
    if file.corrections.is_empty() {
        return Vec::new();
    }
    let Ok(bytes) = crate::regular_file::read(&issue.path) else {
        return Vec::new();
    };
    let Ok(decoded) = crate::corpus::decode::decode(&bytes) else {
        return Vec::new();
    };
    let key = crate::corpus::issue_key(&issue.rel);
    let corrected = super::apply(&decoded.text, &key, &file.corrections);
    let sidecar = location
        .file_in_use()
        .unwrap_or(&location.path)
        .to_path_buf();
    corrected
        .statuses
        .into_iter()
        .zip(file.corrections)
        .enumerate()
        .filter_map(|(i, (status, correction))| match status {
            Status::Stale(why) => Some(StaleCorrection {
                sidecar: sidecar.clone(),
                number: i + 1,
                correction,
                why,
            }),
            Status::Applied { .. } => None,
        })
        .collect()
}

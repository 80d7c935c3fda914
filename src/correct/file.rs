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

use super::{Corrected, Correction, Status};
use crate::article::{Article, Issue};
use crate::tags::location;
use crate::tags::sidecar::{self, SidecarError, quote};
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

/// The folder set by [`set_sidecar_dir`] (`None`: sidecars beside their issues).
pub fn sidecar_dir() -> Option<PathBuf> {
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
    if !c.id.is_empty() {
        s.push_str(&format!("id = {}\n", quote(&c.id)));
    }
    if !c.to_issue.is_empty() || !c.to_id.is_empty() {
        s.push_str(&format!("to_issue = {}\n", quote(&c.to_issue)));
        s.push_str(&format!("to_id = {}\n", quote(&c.to_id)));
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

pub use super::follow::{Direction, TagEdit, TagMove};

/// Where the tags of an issue are kept: its own sidecar (which also holds its
/// corrections), and in the team layout every coder's and adjudicator's
/// sidecar of it.
#[derive(Debug, Clone, Copy)]
pub struct IssueSidecars<'a> {
    /// The issue file and its path relative to the corpus root.
    pub path: &'a Path,
    pub rel: &'a str,
    /// `corpus.sidecar_dir` (`None`: beside the issue).
    pub sidecar_dir: Option<&'a Path>,
    /// The other folders of sidecars whose tags follow the articles
    /// (`coders/NAME/`, `adjudicated/NAME/`; see [`crate::tags::team::Team::tag_dirs`]).
    pub tag_dirs: &'a [PathBuf],
}

impl<'a> IssueSidecars<'a> {
    /// The issue's own sidecar only (no team layout).
    pub fn own(path: &'a Path, rel: &'a str, sidecar_dir: Option<&'a Path>) -> IssueSidecars<'a> {
        IssueSidecars {
            path,
            rel,
            sidecar_dir,
            tag_dirs: &[],
        }
    }
}

/// What a change of corrections did to the tags, sidecar by sidecar: an undo
/// replays its inverse (see [`follow::follow`](super::follow::follow)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagDelta {
    /// The folder of sidecars (`None`: the issue's own, beside it) and what
    /// changed in its sidecar of the issue.
    pub sidecars: Vec<(Option<PathBuf>, Vec<TagEdit>)>,
}

impl TagDelta {
    fn of(&self, dir: Option<&Path>) -> &[TagEdit] {
        self.sidecars
            .iter()
            .find(|(d, _)| d.as_deref() == dir)
            .map(|(_, e)| e.as_slice())
            .unwrap_or(&[])
    }

    /// True when no tag changed.
    pub fn is_empty(&self) -> bool {
        self.sidecars.iter().all(|(_, e)| e.is_empty())
    }
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
    /// What the change did to the tags of every sidecar of the issue (what an
    /// undo takes back, see [`change_replaying`]).
    pub delta: TagDelta,
    /// Whether any article of the issue was tagged before the change.
    pub had_tags: bool,
    /// Tags a replayed change left alone because they were changed since.
    pub kept: Vec<String>,
    /// The correction added, as saved (`None`: none was added, or the new one
    /// cancelled earlier ones, see [`Changed::cancelled`]).
    pub added: Option<Correction>,
    /// Corrections taken out of the list (with their place in it): those a new
    /// one undoes (a join right after a split of the same line, a role set
    /// back), so the sidecar keeps neither.
    pub cancelled: Vec<(usize, Correction)>,
}

/// Change the corrections of one issue (`text` is its decoded text): `edit` gets
/// the articles as corrected now and the corrections, and changes them (or
/// refuses, with a reason). Under the sidecars' locks, the tags of every article
/// follow it in every sidecar of the issue (see [`super::carry`]), all sidecars
/// or none ([`location::stage`]); an added correction
/// that does not apply is refused and nothing is written. An added correction
/// that only undoes an earlier one of the same line (a join after a split, a
/// role set back) takes that one out instead of standing beside it.
pub fn change(
    at: IssueSidecars<'_>,
    text: &str,
    edit: impl FnOnce(&[Article], &mut Vec<Correction>) -> Result<(), String>,
) -> Result<Changed, ChangeError> {
    change_tags(at, text, edit, None)
}

/// [`change`], first replaying `delta` (the [`Changed::delta`] of an earlier
/// change) in `direction` on the sidecars as they are now: an undo takes back
/// exactly the tags that change moved, a redo moves them again, and tags set or
/// removed since by anyone stay as they are.
pub fn change_replaying(
    at: IssueSidecars<'_>,
    text: &str,
    edit: impl FnOnce(&[Article], &mut Vec<Correction>) -> Result<(), String>,
    delta: &TagDelta,
    direction: Direction,
) -> Result<Changed, ChangeError> {
    change_tags(at, text, edit, Some((delta, direction)))
}

/// Whether `c` may undo `earlier`: both anchored on the same line text, a join
/// and a split, or two role changes.
fn opposes(earlier: &Correction, c: &Correction) -> bool {
    use super::Op::{Join, Role, SplitBefore};
    let pair = matches!(
        (earlier.op, c.op),
        (Some(SplitBefore), Some(Join))
            | (Some(Join), Some(SplitBefore))
            | (Some(Role), Some(Role))
    );
    pair && crate::text::comparison_key(&earlier.text) == crate::text::comparison_key(&c.text)
}

/// When the last correction of `list` undoes an earlier one (the articles are
/// the same without both, or, for a role, without the earlier one), take them
/// out: the corrections taken out, with their places.
fn cancel(
    text: &str,
    key: &str,
    articles: &[Article],
    explanation: &crate::segment::Explanation,
    list: &mut Vec<Correction>,
) -> Vec<(usize, Correction)> {
    let Some(new) = list.last().cloned() else {
        return Vec::new();
    };
    let n = list.len() - 1;
    // A story link or unlink of a part replaces the part's earlier ones.
    if new.op.is_some_and(super::Op::is_story) {
        let (earlier, kept): (Vec<_>, Vec<_>) = list[..n]
            .iter()
            .cloned()
            .enumerate()
            .partition(|(_, c)| c.op.is_some_and(super::Op::is_story) && c.id == new.id);
        if earlier.is_empty() {
            return Vec::new();
        }
        *list = kept.into_iter().map(|(_, c)| c).chain([new]).collect();
        return earlier;
    }
    let result = |l: &[Correction]| {
        let c = super::apply_to(text, key, articles.to_vec(), explanation, l);
        let applied = c
            .statuses
            .iter()
            .all(|s| matches!(s, Status::Applied { .. }));
        // The cut, not the doubts (corrected articles are not doubted).
        let cut: Vec<(String, usize, [String; 4], Vec<String>)> = c
            .articles
            .into_iter()
            .map(|a| {
                let head = [a.kicker, a.title, a.subtitle, a.byline];
                (a.id, a.line, head, a.paragraphs.into_vec())
            })
            .collect();
        (cut, applied)
    };
    let (full, _) = result(list);
    for k in (0..n).rev() {
        if !opposes(&list[k], &new) {
            continue;
        }
        let mut without = list[..n].to_vec();
        let earlier = without.remove(k);
        if result(&without) == (full.clone(), true) {
            *list = without;
            return vec![(k, earlier), (n, new)];
        }
        if new.op == Some(super::Op::Role) {
            let mut superseded = list.clone();
            superseded.remove(k);
            if result(&superseded) == (full.clone(), true) {
                *list = superseded;
                return vec![(k, earlier)];
            }
        }
    }
    Vec::new()
}

fn change_tags(
    at: IssueSidecars<'_>,
    text: &str,
    edit: impl FnOnce(&[Article], &mut Vec<Correction>) -> Result<(), String>,
    replay: Option<(&TagDelta, Direction)>,
) -> Result<Changed, ChangeError> {
    let rel = at.rel;
    let location = location::locate(at.path, rel, at.sidecar_dir);
    let _lock = sidecar::lock_folder(&location.path)?;
    let mut file = location.read()?.unwrap_or_default();
    if file.issue.is_empty() {
        file.issue = rel.to_string();
    }
    let key = crate::corpus::issue_key(rel);
    let habits = crate::corpus::habits::for_path(at.path);
    let (articles, explanation) = crate::segment::explain_issue_with(text, &key, &habits);
    let before = super::apply_to(
        text,
        &key,
        articles.clone(),
        &explanation,
        &file.corrections,
    );
    let count = file.corrections.len();
    let old_list = file.corrections.clone();
    edit(&before.articles, &mut file.corrections).map_err(ChangeError::Refused)?;
    // A correction added (not one put back by an undo).
    let mut added = file.corrections.len() > count
        && file.corrections[..count] == old_list[..]
        && !matches!(replay, Some((_, Direction::Backward)));
    if added {
        let tried = super::apply_to(
            text,
            &key,
            articles.clone(),
            &explanation,
            &file.corrections,
        );
        if let Some(Status::Stale(why)) = tried.statuses.last() {
            return Err(ChangeError::Refused(why.clone()));
        }
    }
    let cancelled = if added && file.corrections.len() == count + 1 {
        cancel(text, &key, &articles, &explanation, &mut file.corrections)
    } else {
        Vec::new()
    };
    // The new correction itself is not kept when it cancelled with another.
    let mut cancelled_earlier: Vec<(usize, Correction)> = Vec::new();
    for (k, c) in cancelled {
        if k >= count {
            added = false;
        } else {
            cancelled_earlier.push((k, c));
        }
    }
    let after = super::apply_to(text, &key, articles, &explanation, &file.corrections);
    // Every other sidecar of the issue, read (and locked) before anything is
    // written: one that does not read refuses the change, so tags never follow
    // in some sidecars and not in others.
    let mut others = Vec::new();
    for dir in at.tag_dirs {
        let loc = location::locate(at.path, rel, Some(dir));
        if loc.file_in_use().is_none() {
            continue;
        }
        let lock = sidecar::lock_folder(&loc.path)?;
        if let Some(side) = loc.read()? {
            others.push((dir.clone(), loc, side, lock));
        }
    }
    let had_tags = file.articles.iter().any(|r| !r.tags.is_empty())
        || others
            .iter()
            .any(|(_, _, s, _)| s.articles.iter().any(|r| !r.tags.is_empty()));
    let mut delta = TagDelta::default();
    let mut moves = Vec::new();
    let mut kept = Vec::new();
    let replay_of = |dir: Option<&Path>| replay.map(|(d, direction)| (d.of(dir), direction));
    let own = super::follow::follow(
        std::mem::take(&mut file.articles),
        &before.articles,
        &after.articles,
        &key,
        replay_of(at.sidecar_dir),
    );
    file.articles = own.records;
    delta
        .sidecars
        .push((at.sidecar_dir.map(Path::to_path_buf), own.edits));
    moves.extend(own.moves);
    kept.extend(own.kept);
    let mut other_files = Vec::new();
    for (dir, loc, mut side, lock) in others {
        let followed = super::follow::follow(
            std::mem::take(&mut side.articles),
            &before.articles,
            &after.articles,
            &key,
            replay_of(Some(&dir)),
        );
        side.articles = followed.records;
        moves.extend(followed.moves);
        kept.extend(followed.kept);
        if !followed.edits.is_empty() {
            delta.sidecars.push((Some(dir), followed.edits));
            other_files.push((loc, side, lock));
        }
    }
    let moves = merge_moves(moves);
    kept.sort();
    kept.dedup();
    if added && let Some(last) = file.corrections.last_mut() {
        last.note = note(&moves);
    }
    let tagged: std::collections::HashSet<&str> = file
        .articles
        .iter()
        .chain(other_files.iter().flat_map(|(_, s, _)| s.articles.iter()))
        .map(|a| a.id.as_str())
        .collect();
    let old_ids: std::collections::HashSet<&str> =
        before.articles.iter().map(|a| a.id.as_str()).collect();
    let untagged_new = after
        .articles
        .iter()
        .filter(|a| !old_ids.contains(a.id.as_str()) && !tagged.contains(a.id.as_str()))
        .map(|a| (a.id.clone(), a.display_title()))
        .collect();
    // The issue's sidecars follow the new cut together, or none does.
    let saves: Vec<_> = std::iter::once((&location, &file))
        .chain(other_files.iter().map(|(loc, side, _lock)| (loc, side)))
        .collect();
    location::stage(&saves)?.put_in_place()?;
    Ok(Changed {
        before: before.articles,
        after,
        moves,
        untagged_new,
        sidecar: location.path,
        delta,
        had_tags,
        kept,
        added: if added {
            file.corrections.last().cloned()
        } else {
            None
        },
        cancelled: cancelled_earlier,
    })
}

/// The tags of an issue cut again without a correction (the corpus's habits,
/// learned anew, cut it otherwise): in every sidecar of the issue, under its
/// folder's lock, the records on an article of `before` that is not in `after`
/// go to its heir (see [`super::carry`]), as after a correction. Every sidecar
/// is read (and locked) before any is written: one that does not read refuses
/// the carry and nothing is written; one that cannot be written leaves every
/// sidecar as it was ([`location::stage`]). The moves made.
pub fn carry_tags(
    at: IssueSidecars<'_>,
    before: &[Article],
    after: &[Article],
) -> Result<Vec<TagMove>, ChangeError> {
    let key = crate::corpus::issue_key(at.rel);
    let dirs = std::iter::once(at.sidecar_dir).chain(at.tag_dirs.iter().map(|d| Some(d.as_path())));
    let mut read = Vec::new();
    for dir in dirs {
        let loc = location::locate(at.path, at.rel, dir);
        if loc.file_in_use().is_none() {
            continue;
        }
        let lock = sidecar::lock_folder(&loc.path)?;
        if let Some(side) = loc.read()? {
            read.push((loc, side, lock));
        }
    }
    let mut moves = Vec::new();
    let mut changed = Vec::new();
    for (loc, mut side, lock) in read {
        let followed = super::follow::follow(
            std::mem::take(&mut side.articles),
            before,
            after,
            &key,
            None,
        );
        side.articles = followed.records;
        moves.extend(followed.moves);
        if !followed.edits.is_empty() {
            if side.issue.is_empty() {
                side.issue = at.rel.to_string();
            }
            changed.push((loc, side, lock));
        }
    }
    let saves: Vec<_> = changed
        .iter()
        .map(|(loc, side, _lock)| (loc, side))
        .collect();
    location::stage(&saves)?.put_in_place()?;
    Ok(merge_moves(moves))
}

/// What carrying an issue's tags to its new cut left behind.
pub struct Carried {
    /// Old article id to the new id that now holds its tags, for the ids the
    /// new cut does not keep.
    pub heirs: std::collections::HashMap<String, String>,
    /// The issue's sidecars as they are after the carry, to add to a store
    /// from [`crate::tags::team::Team::empty_store`].
    pub sidecars: crate::tags::LoadedSidecars,
}

/// Carry the tags of `old` (an issue as the user saw it) to its articles in
/// `new` (the same file cut again), in every sidecar of the issue (the own one
/// under `sidecar_dir`, and every coder's in the team layout), and read the
/// sidecars back as they now are.
pub fn carry_to_cut(
    team: &crate::tags::team::Team,
    sidecar_dir: Option<&Path>,
    old: &Issue,
    new: &Issue,
) -> Result<Carried, ChangeError> {
    let tag_dirs = team_tag_dirs(team);
    let sidecars = IssueSidecars {
        tag_dirs: &tag_dirs,
        ..IssueSidecars::own(&new.path, &new.rel, sidecar_dir)
    };
    carry_tags(sidecars, &old.articles, &new.articles)?;
    let kept: std::collections::HashSet<&str> =
        new.articles.iter().map(|a| a.id.as_str()).collect();
    let heirs = super::carry::heirs(&old.articles, &new.articles)
        .into_iter()
        .zip(old.articles.iter())
        .filter(|(_, a)| !kept.contains(a.id.as_str()))
        .filter_map(|(heir, a)| Some((a.id.clone(), new.articles.get(heir?)?.id.clone())))
        .collect();
    Ok(Carried {
        heirs,
        sidecars: team.read_sidecars(std::slice::from_ref(new)),
    })
}

/// Moves of the same tags between the same articles (from several sidecars)
/// as one.
fn merge_moves(moves: Vec<TagMove>) -> Vec<TagMove> {
    let mut out: Vec<TagMove> = Vec::new();
    for m in moves {
        match out
            .iter_mut()
            .find(|o| o.from.0 == m.from.0 && o.to == m.to)
        {
            Some(o) => {
                o.tags.extend(m.tags);
                o.tags.sort();
                o.tags.dedup();
            }
            None => out.push(m),
        }
    }
    out
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
    let habits = crate::corpus::habits::for_path(issue_path);
    let (view, corrected) = super::view(&text, &key, &corrections, &habits);
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

/// The corrections of `issue` that do not apply to its file as it is now,
/// and its story links (`link`) to a part that no issue of `corpus` has any
/// more (its issue gone, or its id changed).
pub fn stale_of(
    issue: &Issue,
    corpus: &[Issue],
    sidecar_dir: Option<&Path>,
) -> Vec<StaleCorrection> {
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
    let habits = crate::corpus::habits::for_path(&issue.path);
    let corrected = super::apply(&decoded.text, &key, &file.corrections, &habits);
    let sidecar = location
        .file_in_use()
        .unwrap_or(&location.path)
        .to_path_buf();
    corrected
        .statuses
        .into_iter()
        .zip(file.corrections)
        .enumerate()
        .filter_map(|(i, (status, correction))| {
            let why = match status {
                Status::Stale(why) => why,
                Status::Applied { .. } => link_target_gone(&correction, corpus)?,
            };
            Some(StaleCorrection {
                sidecar: sidecar.clone(),
                number: i + 1,
                correction,
                why,
            })
        })
        .collect()
}

/// Why the part a `link` correction goes on in cannot be found among
/// `corpus`'s issues; `None` when it is there (or `c` is no link).
pub fn link_target_gone(c: &Correction, corpus: &[Issue]) -> Option<String> {
    if c.op != Some(super::Op::Link) {
        return None;
    }
    let Some(issue) = corpus.iter().find(|i| i.rel == c.to_issue) else {
        return Some(format!(
            "the part it goes on in ({}#{}) is in no issue of the corpus: {} is gone",
            c.to_issue, c.to_id, c.to_issue
        ));
    };
    (!issue.articles.iter().any(|a| a.id == c.to_id)).then(|| {
        format!(
            "the part it goes on in ({}#{}) is gone: no article of {} has that id any more",
            c.to_issue, c.to_id, c.to_issue
        )
    })
}

/// The folders of sidecars whose tags follow a correction besides the issue's
/// own: in the team layout, every coder's (`coders/NAME/`) and every
/// adjudicator's (`adjudicated/NAME/`).
pub fn team_tag_dirs(team: &crate::tags::team::Team) -> Vec<PathBuf> {
    team.coders_on_disk()
        .iter()
        .map(|c| team.coder_dir(c))
        .chain(
            team.adjudicators_on_disk()
                .iter()
                .map(|a| team.adjudicator_dir(a)),
        )
        .collect()
}

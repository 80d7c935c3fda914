//! [`TagStore`]: the tags of a whole corpus, read from its sidecars, changed with
//! undo/redo and saved at once.
//!
//! ```no_run
//! # use newstag::{corpus::Corpus, tags::{TagStore, Target, Source}};
//! # fn demo(corpus: &Corpus) {
//! let mut store = TagStore::open(corpus, None);
//! let issue = &corpus.issues[0];
//! let target = Target { issue, article: &issue.articles[0] };
//! let outcome = store.toggle(&[target], "governance", Source::Hand);
//! println!("{}", outcome.message()); // "+governance: 1 article, saved"
//! assert!(store.has_tag(&issue.rel, &issue.articles[0].id, "governance"));
//! store.undo();
//! # }
//! ```
//!
//! Saving one issue: lock the sidecar's folder, re-read the sidecar, re-anchor it
//! to the issue's articles, apply this change on top, write it atomically (or
//! remove it when no tags are left), unlock. The merged result becomes the store's
//! view of that issue, so another process's tags show up too. A sidecar that does
//! not parse is never written: that issue's tags are read-only and the change is
//! refused for it (and reported in the [`ChangeReport`]).

use super::anchor::{ArticleAnchor, attach};
use super::history::{Change, ChangeSet, History, MemoChange};
use super::location::{self, SidecarLocation};
use super::sidecar::{self, ArticleTags, Sidecar, SidecarError};
use super::{Memo, Source, TagMark, TagSet};
use crate::article::{Article, ArticleAt, Issue};
use crate::config::TagDef;
use crate::corpus::Corpus;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One article to change, with the issue it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub issue: &'a Issue,
    pub article: &'a Article,
}

impl<'a> Target<'a> {
    /// The article at `at` in `issues`, if there is one.
    pub fn at(issues: &'a [Issue], at: ArticleAt) -> Option<Target<'a>> {
        let (issue, article) = at.find(issues)?;
        Some(Target { issue, article })
    }
}

/// The tag state of one issue.
#[derive(Debug, Clone)]
struct IssueTags {
    /// The issue's own sidecar (written on save).
    sidecar: PathBuf,
    /// The issue file (its folder tells which sidecar names are free).
    issue_path: PathBuf,
    /// The older sidecar read while the issue's own does not exist (see
    /// [`super::location`]).
    fallback: Option<PathBuf>,
    /// What article ids of this issue are derived from (`corpus::issue_key`).
    key: String,
    /// The file the tags were read from when the store opened (own or fallback).
    read_from: Option<PathBuf>,
    anchors: Vec<ArticleAnchor>,
    /// Current article id -> its tags.
    tags: HashMap<String, ArticleTags>,
    /// Saved tags whose article is gone.
    orphans: Vec<ArticleTags>,
    /// `(saved id, current id)` of records re-anchored by title.
    moved: Vec<(String, String)>,
    /// Set when the sidecar does not parse: the issue's tags are read-only.
    broken: Option<SidecarError>,
    /// Other coders' tags shown with this issue's own (see
    /// [`TagStore::overlay`]): kept apart, never saved, merged in again after
    /// every save.
    overlaid: Vec<ArticleTags>,
}

impl IssueTags {
    fn new(issue: &Issue, location: SidecarLocation) -> IssueTags {
        IssueTags {
            sidecar: location.path,
            issue_path: issue.path.clone(),
            fallback: location.fallback,
            key: crate::corpus::issue_key(&issue.rel),
            read_from: None,
            anchors: issue.articles.iter().map(ArticleAnchor::of).collect(),
            tags: HashMap::new(),
            orphans: Vec::new(),
            moved: Vec::new(),
            broken: None,
            overlaid: Vec::new(),
        }
    }

    /// Take in a sidecar as read from disk.
    fn absorb(&mut self, records: Vec<ArticleTags>) {
        let anchored = attach(records, &self.anchors, &self.key);
        self.tags = anchored
            .attached
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        self.orphans = anchored.orphans;
        self.moved = anchored.moved;
        self.merge_overlaid();
    }

    /// Show the overlaid tags (another coder's) where this issue's own records
    /// lack them.
    fn merge_overlaid(&mut self) {
        for record in &self.overlaid {
            for (name, mark) in &record.tags {
                self.tags
                    .entry(record.id.clone())
                    .or_insert_with(|| ArticleTags {
                        id: record.id.clone(),
                        title: record.title.clone(),
                        tags: TagSet::new(),
                        memo: None,
                    })
                    .tags
                    .entry(name.clone())
                    .or_insert_with(|| mark.clone());
            }
        }
    }

    /// Number of attached articles with at least one tag.
    fn tagged(&self) -> usize {
        self.tags.values().filter(|r| !r.tags.is_empty()).count()
    }

    /// The current titles of the articles `ids`, in one pass over the issue.
    fn titles_of<'a>(&self, ids: impl Iterator<Item = &'a str>) -> HashMap<String, String> {
        let wanted: std::collections::HashSet<&str> = ids.collect();
        self.anchors
            .iter()
            .filter(|a| wanted.contains(a.id.as_str()))
            .map(|a| (a.id.clone(), a.title.clone()))
            .collect()
    }
}

/// A problem `newstag check` reports and the TUI shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A sidecar that does not parse (or cannot be read): its issue's tags are
    /// read-only until it is fixed.
    BadSidecar(SidecarError),
    /// Saved tags whose article is no longer in the issue (kept in the sidecar).
    Orphan {
        sidecar: PathBuf,
        issue: String,
        id: String,
        title: String,
        tags: Vec<String>,
    },
    /// A tag not in the vocabulary (kept and shown).
    UnknownTag {
        sidecar: PathBuf,
        issue: String,
        id: String,
        title: String,
        tag: String,
    },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::BadSidecar(e) => write!(f, "{e} (tags of this issue are read-only)"),
            Problem::Orphan {
                sidecar,
                id,
                title,
                tags,
                ..
            } => write!(
                f,
                "{}: orphaned tags {} of article {id} \"{title}\" (no such article in the issue now; kept)",
                sidecar.display(),
                tags.join(", ")
            ),
            Problem::UnknownTag {
                sidecar,
                id,
                title,
                tag,
                ..
            } => write!(
                f,
                "{}: unknown tag \"{tag}\" on article {id} \"{title}\" (not in the config; kept)",
                sidecar.display()
            ),
        }
    }
}

/// What applying a change (or an undo/redo) did.
#[derive(Debug, Clone, Default)]
pub struct ChangeReport {
    /// The changes that took effect and were saved.
    pub applied: ChangeSet,
    /// Sidecars written (or removed, when no tags were left).
    pub saved: Vec<PathBuf>,
    /// Sidecars that could not be written: their changes did not happen.
    pub errors: Vec<SidecarError>,
    /// Issues skipped because their sidecar does not parse (read-only).
    pub read_only: Vec<PathBuf>,
    /// The changes of the sidecars in `errors`, which did not happen: run them
    /// again with [`TagStore::stage_retry`] once the cause is mended.
    pub unsaved: ChangeSet,
}

impl ChangeReport {
    /// True when everything asked for was saved.
    pub fn ok(&self) -> bool {
        self.errors.is_empty() && self.read_only.is_empty()
    }

    /// A one-line summary for the status bar and the command line.
    pub fn message(&self) -> String {
        let n = self.applied.article_count();
        let mut msg = if self.applied.is_empty() && !self.unsaved.is_empty() {
            // Nothing was saved: say what was not (`; NOT SAVED: why` follows).
            let n = self.unsaved.article_count();
            format!(
                "{}: {n} article{}",
                self.applied.label,
                if n == 1 { "" } else { "s" }
            )
        } else if self.applied.is_empty() {
            if self.applied.label.is_empty() {
                "no change".to_string()
            } else {
                format!("{}: no change", self.applied.label)
            }
        } else {
            format!(
                "{}: {n} article{}, saved",
                self.applied.label,
                if n == 1 { "" } else { "s" }
            )
        };
        if let Some(e) = self.errors.first() {
            msg.push_str(&format!("; NOT SAVED: {e}"));
            if self.errors.len() > 1 {
                msg.push_str(&format!(" (+{} more)", self.errors.len() - 1));
            }
        }
        if let Some(p) = self.read_only.first() {
            msg.push_str(&format!(
                "; read-only (sidecar does not parse): {}",
                p.display()
            ));
            if self.read_only.len() > 1 {
                msg.push_str(&format!(" (+{} more)", self.read_only.len() - 1));
            }
        }
        msg
    }
}

/// Sidecars read for a batch of issues, ready to be added to a [`TagStore`].
#[derive(Debug, Default)]
pub struct LoadedSidecars(Vec<(String, IssueTags)>);

/// At most this many issues have their sidecars read on the caller's thread
/// ([`TagStore::read_sidecars`]), more on the shared pool.
const FEW_ISSUES: usize = 16;

impl LoadedSidecars {
    /// Keep only the sidecars of the issues (by relative path) `keep` says.
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.0.retain(|(rel, _)| keep(rel));
    }
}

/// The tags of every issue of a corpus. See the module docs.
#[derive(Debug, Default)]
pub struct TagStore {
    sidecar_dir: Option<PathBuf>,
    /// Issue rel path -> its tags; only issues with a sidecar or a change.
    issues: HashMap<String, IssueTags>,
    history: History,
    /// Number of tagged (attached) articles, kept up to date.
    tagged_total: usize,
    /// Who makes this store's changes: recorded in every mark it sets.
    coder: String,
    /// The codebook version recorded in every mark it sets (0: none).
    codebook: u32,
}

impl TagStore {
    /// Read the sidecars of every issue of `corpus` (in parallel). Never fails:
    /// unreadable sidecars are recorded as [`Problem::BadSidecar`] and their issues
    /// become read-only. `sidecar_dir` is `Config::sidecar_dir()`.
    pub fn open(corpus: &Corpus, sidecar_dir: Option<&Path>) -> TagStore {
        let mut store = TagStore::new(sidecar_dir);
        store.add_issues(&corpus.issues);
        store
    }

    /// The folder sidecars are mirrored under, when one is configured.
    pub fn sidecar_dir(&self) -> Option<&Path> {
        self.sidecar_dir.as_deref()
    }

    /// A store with no issues yet (the TUI adds them as they load).
    pub fn new(sidecar_dir: Option<&Path>) -> TagStore {
        TagStore {
            sidecar_dir: sidecar_dir.map(Path::to_path_buf),
            ..TagStore::default()
        }
    }

    /// Read the sidecars of `issues` (in parallel) and add them to the store.
    pub fn add_issues(&mut self, issues: &[Issue]) {
        let loaded = TagStore::read_sidecars(issues, self.sidecar_dir.as_deref());
        self.add_loaded(loaded);
    }

    /// Read the sidecars of `issues` (in parallel) without a store, so a loader
    /// thread can do the file work and the UI thread only [`TagStore::add_loaded`]s
    /// the result: the UI never waits on a thread pool busy with other work.
    ///
    /// Of many issues, only those whose sidecar folder lists a sidecar name of
    /// theirs are located and read ([`crate::cache::sidecars`]): on a corpus
    /// without sidecars that is one listing of each sidecar folder, not a
    /// listing of each folder of issues and a failed open per issue.
    pub fn read_sidecars(issues: &[Issue], sidecar_dir: Option<&Path>) -> LoadedSidecars {
        let issues = crate::cache::sidecars::may_have_sidecars(issues, sidecar_dir);
        let locations = location::locate_all(
            issues.iter().map(|i| (i.path.as_path(), i.rel.as_str())),
            sidecar_dir,
        );
        let read_one = |(issue, location): (&&Issue, SidecarLocation)| {
            // Most issues have no sidecar: find out before building anything.
            let read = match location.read_with_file() {
                Ok(None) => return None,
                read => read,
            };
            let mut state = IssueTags::new(issue, location);
            match read {
                Ok(None) => return None,
                Ok(Some((s, file))) => {
                    state.absorb(s.articles);
                    state.read_from = Some(file);
                }
                Err(e) => {
                    state.read_from = Some(e.path().to_path_buf());
                    state.broken = Some(e);
                }
            }
            Some((issue.rel.clone(), state))
        };
        // A few issues (the TUI's first batch) are read on this thread: the
        // shared pool may be busy with other jobs' work for seconds (the
        // indexer's stamps of every file of a large corpus).
        let loaded = if issues.len() <= FEW_ISSUES {
            issues.iter().zip(locations).filter_map(read_one).collect()
        } else {
            issues
                .par_iter()
                .zip(locations)
                .filter_map(read_one)
                .collect()
        };
        LoadedSidecars(loaded)
    }

    /// This store's issues as [`LoadedSidecars`], to add to another store.
    pub fn into_loaded(self) -> LoadedSidecars {
        LoadedSidecars(self.issues.into_iter().collect())
    }

    /// Add sidecars read by [`TagStore::read_sidecars`].
    pub fn add_loaded(&mut self, loaded: LoadedSidecars) {
        for (rel, state) in loaded.0 {
            self.tagged_total += state.tagged();
            if let Some(old) = self.issues.insert(rel, state) {
                self.tagged_total -= old.tagged();
            }
        }
    }

    /// The sidecar file of `issue`: its own, written on save (see
    /// [`super::location`]; a sidecar it still reads from before may exist).
    pub fn sidecar_path(&self, issue: &Issue) -> PathBuf {
        match self.issues.get(&issue.rel) {
            Some(state) => state.sidecar.clone(),
            None => self.location_of(issue).path,
        }
    }

    /// The sidecar files the store's issues were read from (their own, or an older
    /// one they still read; see [`super::location`]), each once.
    pub fn sidecar_files_read(&self) -> std::collections::BTreeSet<&Path> {
        self.issues
            .values()
            .filter_map(|s| s.read_from.as_deref())
            .collect()
    }

    fn location_of(&self, issue: &Issue) -> SidecarLocation {
        location::locate(&issue.path, &issue.rel, self.sidecar_dir.as_deref())
    }

    /// The tags (with when and how each was set) of article `id` of the issue
    /// `rel`, if it has any.
    pub fn tags_of(&self, rel: &str, id: &str) -> Option<&TagSet> {
        self.issues
            .get(rel)
            .and_then(|s| s.tags.get(id))
            .map(|r| &r.tags)
            .filter(|t| !t.is_empty())
    }

    /// The tag names of an article, in name order (empty when untagged).
    pub fn tag_names(&self, rel: &str, id: &str) -> Vec<String> {
        self.tags_of(rel, id)
            .map(|t| t.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// True when the article has tag `tag`.
    pub fn has_tag(&self, rel: &str, id: &str, tag: &str) -> bool {
        self.tags_of(rel, id).is_some_and(|t| t.contains_key(tag))
    }

    /// True when the article has any tag.
    pub fn is_tagged(&self, rel: &str, id: &str) -> bool {
        self.tags_of(rel, id).is_some()
    }

    /// Why the tags of issue `rel` are read-only, when they are.
    pub fn read_only(&self, rel: &str) -> Option<&SidecarError> {
        self.issues.get(rel).and_then(|s| s.broken.as_ref())
    }

    /// Every tagged article (attached to a current article; orphans excluded):
    /// `(issue rel, record)`, in no particular order.
    pub fn tagged(&self) -> impl Iterator<Item = (&str, &ArticleTags)> {
        self.issues.iter().flat_map(|(rel, s)| {
            s.tags
                .values()
                .filter(|r| !r.tags.is_empty())
                .map(move |r| (rel.as_str(), r))
        })
    }

    /// Number of tagged articles (orphans excluded); constant time.
    pub fn tagged_count(&self) -> usize {
        self.tagged_total
    }

    /// How many articles carry each tag (orphans excluded), in name order. Tags
    /// missing from the config show up here too.
    pub fn tag_counts(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for (_, r) in self.tagged() {
            for name in r.tags.keys() {
                *counts.entry(name.clone()).or_insert(0) += 1;
            }
        }
        counts
    }

    /// Orphaned records of issue `rel` (saved tags whose article is gone).
    pub fn orphans_of(&self, rel: &str) -> &[ArticleTags] {
        self.issues
            .get(rel)
            .map(|s| s.orphans.as_slice())
            .unwrap_or(&[])
    }

    /// `(saved id, current id)` of the records of issue `rel` that followed their
    /// article by title because its id changed.
    pub fn moved_in(&self, rel: &str) -> &[(String, String)] {
        self.issues
            .get(rel)
            .map(|s| s.moved.as_slice())
            .unwrap_or(&[])
    }

    /// Bad sidecars, orphans and tags not in `vocabulary`, in issue path order.
    pub fn problems(&self, vocabulary: &[TagDef]) -> Vec<Problem> {
        let mut rels: Vec<&String> = self.issues.keys().collect();
        rels.sort_by(|a, b| crate::corpus::walk::natural_cmp(a, b));
        let known = |name: &str| {
            name == crate::suggest::NO_TOPIC || vocabulary.iter().any(|t| t.name == name)
        };
        let mut out = Vec::new();
        for rel in rels {
            let s = &self.issues[rel];
            if let Some(e) = &s.broken {
                out.push(Problem::BadSidecar(e.clone()));
                continue;
            }
            let mut records: Vec<&ArticleTags> = s.tags.values().collect();
            records.sort_by(|a, b| a.id.cmp(&b.id));
            for r in records.into_iter().chain(s.orphans.iter()) {
                for tag in r.tags.keys().filter(|t| !known(t)) {
                    out.push(Problem::UnknownTag {
                        sidecar: s.sidecar.clone(),
                        issue: rel.clone(),
                        id: r.id.clone(),
                        title: r.title.clone(),
                        tag: tag.clone(),
                    });
                }
            }
            for o in &s.orphans {
                out.push(Problem::Orphan {
                    sidecar: s.sidecar.clone(),
                    issue: rel.clone(),
                    id: o.id.clone(),
                    title: o.title.clone(),
                    tags: o.tags.keys().cloned().collect(),
                });
            }
        }
        out
    }

    /// Toggle `tag` on `targets`: when every target has it, remove it from all;
    /// otherwise add it to those that lack it. Saved at once; one undo step.
    pub fn toggle(&mut self, targets: &[Target], tag: &str, by: Source) -> ChangeReport {
        let all_have = !targets.is_empty()
            && targets
                .iter()
                .all(|t| self.has_tag(&t.issue.rel, &t.article.id, tag));
        self.set(targets, tag, !all_have, by)
    }

    /// Record `coder` as the one who decides every change made from now on
    /// (see [`super::team`]).
    pub fn set_coder(&mut self, coder: &str) {
        self.coder = coder.to_string();
    }

    /// The coder recorded in this store's changes (empty: unknown).
    pub fn coder(&self) -> &str {
        &self.coder
    }

    /// Record codebook version `version` in every change made from now on
    /// (see [`super::codebook`]).
    pub fn set_codebook(&mut self, version: u32) {
        self.codebook = version;
    }

    /// The codebook version recorded in this store's changes (0: none).
    pub fn codebook(&self) -> u32 {
        self.codebook
    }

    /// Add the tags `other` holds (and `keep` accepts) to this store's view, in
    /// memory only: a save of this store writes what its own sidecars hold plus
    /// the change, never these. Used to show every coder's decisions at once
    /// (see [`super::team`]).
    pub fn overlay(&mut self, other: &TagStore, keep: &dyn Fn(&TagMark) -> bool) {
        for (rel, theirs) in &other.issues {
            let state = match self.issues.get_mut(rel) {
                Some(state) => state,
                None => {
                    let location =
                        location::locate(&theirs.issue_path, rel, self.sidecar_dir.as_deref());
                    let mut fresh = theirs.clone();
                    fresh.sidecar = location.path;
                    fresh.fallback = location.fallback;
                    fresh.read_from = None;
                    fresh.tags.clear();
                    fresh.orphans.clear();
                    fresh.moved.clear();
                    fresh.broken = None;
                    fresh.overlaid.clear();
                    self.issues.entry(rel.clone()).or_insert(fresh)
                }
            };
            let before = state.tagged();
            let kept = |record: &ArticleTags| {
                let mut kept = record.clone();
                kept.tags.retain(|_, m| keep(m));
                // A memo is kept by the same rule as a tag of its coder.
                kept.memo = kept.memo.filter(|memo| {
                    keep(&TagMark {
                        at: memo.at.clone(),
                        coder: memo.coder.clone(),
                        ..TagMark::now(Source::Hand)
                    })
                });
                (!kept.is_empty()).then_some(kept)
            };
            state.overlaid.extend(theirs.tags.values().filter_map(kept));
            state.merge_overlaid();
            state.orphans.extend(theirs.orphans.iter().filter_map(kept));
            self.tagged_total = self.tagged_total + state.tagged() - before;
        }
    }

    /// Tag `old` is now called `new` (the sidecars were rewritten by
    /// [`super::rename`]): every article, orphan and overlaid record carrying
    /// it carries `new` with the same record (one already carrying `new` keeps
    /// its own), and the undo history follows. No file is touched.
    pub fn rename_tag(&mut self, old: &str, new: &str) {
        fn rename_in(tags: &mut TagSet, old: &str, new: &str) {
            if let Some(mark) = tags.remove(old) {
                tags.entry(new.to_string()).or_insert(mark);
            }
        }
        for state in self.issues.values_mut() {
            let records = state
                .tags
                .values_mut()
                .chain(state.orphans.iter_mut())
                .chain(state.overlaid.iter_mut());
            for record in records {
                rename_in(&mut record.tags, old, new);
            }
        }
        self.history.rename_tag(old, new);
    }

    /// The articles of issue `rel` were cut again and their tags carried to
    /// other ids in its sidecars (`heirs`: old id to new; the sidecars are
    /// read again with [`TagStore::add_loaded`]): the undo history follows.
    pub fn articles_carried(
        &mut self,
        rel: &str,
        heirs: &std::collections::HashMap<String, String>,
    ) {
        self.history.follow_articles(rel, heirs);
    }

    /// The memo of article `id` of issue `rel` in this store's own sidecars
    /// (the current coder's, in the team layout).
    pub fn memo(&self, rel: &str, id: &str) -> Option<&Memo> {
        self.issues
            .get(rel)
            .and_then(|s| s.tags.get(id))
            .and_then(|r| r.memo.as_ref())
    }

    /// Every memo shown on the article: this store's own first, then other
    /// coders' (see [`TagStore::overlay`]; none of theirs when blind).
    pub fn memos(&self, rel: &str, id: &str) -> Vec<&Memo> {
        let Some(state) = self.issues.get(rel) else {
            return Vec::new();
        };
        let own = state.tags.get(id).and_then(|r| r.memo.as_ref());
        own.into_iter()
            .chain(
                state
                    .overlaid
                    .iter()
                    .filter(|r| r.id == id)
                    .filter_map(|r| r.memo.as_ref()),
            )
            .collect()
    }

    /// Set the memo of `target` to `text` (empty or blank text removes it).
    /// Saved at once; one undo step, undone like a tag change.
    pub fn set_memo(&mut self, target: Target, text: &str) -> ChangeReport {
        let staged = self.stage_memo(target, text);
        self.finish(staged.save())
    }

    /// [`Self::set_memo`], staged (see [`Self::stage_set`]).
    pub fn stage_memo(&mut self, target: Target, text: &str) -> StagedSave {
        let after = (!text.trim().is_empty()).then(|| Memo::now(text, &self.coder));
        let label = if after.is_some() {
            "memo"
        } else {
            "memo removed"
        };
        self.stage_edits(&[], &[(target, after)], label)
    }

    /// Set each `(target, tag, mark)` and each `(target, memo)` (`None`
    /// removes one) in one undo step labelled `label`; saved at once.
    pub fn apply(
        &mut self,
        edits: &[(Target, String, Option<TagMark>)],
        memos: &[(Target, Option<Memo>)],
        label: &str,
    ) -> ChangeReport {
        let staged = self.stage_edits(edits, memos, label);
        self.finish(staged.save())
    }

    /// Add (`on`) or remove `tag` on every target. Saved at once; one undo step.
    pub fn set(&mut self, targets: &[Target], tag: &str, on: bool, by: Source) -> ChangeReport {
        let staged = self.stage_set(targets, tag, on, by);
        self.finish(staged.save())
    }

    /// Set each `(target, tag, mark)` (`None` removes the tag), keeping the given
    /// marks as they are (for import, which carries when and how tags were set).
    /// Saved at once; one undo step labelled `label`.
    pub fn apply_marks(
        &mut self,
        edits: &[(Target, String, Option<TagMark>)],
        label: &str,
    ) -> ChangeReport {
        let staged = self.stage_marks(edits, label);
        self.finish(staged.save())
    }

    /// [`Self::set`], staged: the save is to be run ([`StagedSave::save`], on
    /// any thread) and its result handed to [`Self::finish`].
    pub fn stage_set(&mut self, targets: &[Target], tag: &str, on: bool, by: Source) -> StagedSave {
        let mark = on.then(|| TagMark {
            coder: self.coder.clone(),
            codebook: self.codebook,
            ..TagMark::now(by)
        });
        let edits: Vec<(Target, String, Option<TagMark>)> = targets
            .iter()
            .map(|t| (*t, tag.to_string(), mark.clone()))
            .collect();
        let label = format!("{}{tag}", if on { "+" } else { "-" });
        self.stage_marks(&edits, &label)
    }

    /// [`Self::apply_marks`], staged (see [`Self::stage_set`]).
    pub fn stage_marks(
        &mut self,
        edits: &[(Target, String, Option<TagMark>)],
        label: &str,
    ) -> StagedSave {
        self.stage_edits(edits, &[], label)
    }

    /// [`Self::apply`], staged (see [`Self::stage_set`]).
    fn stage_edits(
        &mut self,
        edits: &[(Target, String, Option<TagMark>)],
        memos: &[(Target, Option<Memo>)],
        label: &str,
    ) -> StagedSave {
        let mut changes = Vec::with_capacity(edits.len());
        // Issues seen for the first time: their folders are read once each.
        let mut new: Vec<&Issue> = Vec::new();
        let targets = edits
            .iter()
            .map(|(t, _, _)| t)
            .chain(memos.iter().map(|(t, _)| t));
        for t in targets {
            if !self.issues.contains_key(&t.issue.rel) && !new.iter().any(|i| i.rel == t.issue.rel)
            {
                new.push(t.issue);
            }
        }
        let locations = location::locate_all(
            new.iter().map(|i| (i.path.as_path(), i.rel.as_str())),
            self.sidecar_dir.as_deref(),
        );
        for (issue, location) in new.into_iter().zip(locations) {
            self.issues
                .insert(issue.rel.clone(), IssueTags::new(issue, location));
        }
        for (t, tag, mark) in edits {
            let rel = &t.issue.rel;
            // What the store saw; the save compares with the sidecar on disk,
            // which another process may have changed since, and keeps only what
            // really changes there (with the real state before it).
            let before = self
                .tags_of(rel, &t.article.id)
                .and_then(|s| s.get(tag))
                .cloned();
            changes.push(Change {
                issue: rel.clone(),
                article: t.article.id.clone(),
                tag: tag.clone(),
                before,
                after: mark.clone(),
            });
        }
        let memos = memos
            .iter()
            .map(|(t, after)| MemoChange {
                issue: t.issue.rel.clone(),
                article: t.article.id.clone(),
                before: self.memo(&t.issue.rel, &t.article.id).cloned(),
                after: after.clone(),
            })
            .collect();
        self.stage(
            ChangeSet {
                label: label.to_string(),
                changes,
                memos,
            },
            Step::Change,
        )
    }

    /// Undo the last change set (saved at once); `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<ChangeReport> {
        let staged = self.stage_undo()?;
        Some(self.finish(staged.save()))
    }

    /// Redo the last undone change set; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<ChangeReport> {
        let staged = self.stage_redo()?;
        Some(self.finish(staged.save()))
    }

    /// [`Self::undo`], staged (see [`Self::stage_set`]).
    pub fn stage_undo(&mut self) -> Option<StagedSave> {
        let set = self.history.take_undo()?;
        Some(self.stage(set, Step::Undo))
    }

    /// [`Self::redo`], staged (see [`Self::stage_set`]).
    pub fn stage_redo(&mut self) -> Option<StagedSave> {
        let set = self.history.take_redo()?;
        Some(self.stage(set, Step::Redo))
    }

    /// Changes that could not be saved ([`ChangeReport::unsaved`]), staged again as a
    /// new step.
    pub fn stage_retry(&mut self, unsaved: ChangeSet) -> StagedSave {
        self.stage(unsaved, Step::Change)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The undo/redo history.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Stage the save of `set` issue by issue; the store changes only when
    /// [`Self::finish`] takes the result in.
    fn stage(&mut self, set: ChangeSet, step: Step) -> StagedSave {
        let mut by_issue: BTreeMap<String, (Vec<Change>, Vec<MemoChange>)> = BTreeMap::new();
        for c in set.changes {
            by_issue.entry(c.issue.clone()).or_default().0.push(c);
        }
        for c in set.memos {
            by_issue.entry(c.issue.clone()).or_default().1.push(c);
        }
        let mut read_only = Vec::new();
        let mut jobs = Vec::new();
        for (rel, (changes, memos)) in by_issue {
            let Some(state) = self.issues.get(&rel) else {
                continue;
            };
            if state.broken.is_some() {
                read_only.push(state.sidecar.clone());
                continue;
            }
            // The other issues reading the same old sidecar, to split it between them.
            let sharers = match &state.fallback {
                Some(old) => self
                    .issues
                    .iter()
                    .filter(|(r, s)| **r != rel && s.fallback.as_ref() == Some(old))
                    .map(|(r, s)| Sharer {
                        rel: r.clone(),
                        sidecar: s.sidecar.clone(),
                        anchors: s.anchors.clone(),
                    })
                    .collect(),
                None => Vec::new(),
            };
            jobs.push(SaveJob {
                rel,
                sidecar: state.sidecar.clone(),
                issue_path: state.issue_path.clone(),
                sidecar_dir: self.sidecar_dir.clone(),
                sharers,
                key: state.key.clone(),
                anchors: state.anchors.clone(),
                titles: state.titles_of(
                    changes
                        .iter()
                        .map(|c| c.article.as_str())
                        .chain(memos.iter().map(|c| c.article.as_str())),
                ),
                changes,
                memos,
            });
        }
        StagedSave {
            label: set.label,
            step,
            jobs,
            read_only,
        }
    }

    /// Take in what a staged save left on disk: the store holds what the
    /// sidecars now hold, the undo history gets its step, and the outcome says
    /// what was saved and what was not (issues that are read-only or failed to
    /// save are left out of its `applied`; their changes are in `unsaved`).
    pub fn finish(&mut self, done: SaveDone) -> ChangeReport {
        let SaveDone {
            label,
            step,
            results,
            read_only,
        } = done;
        let mut outcome = ChangeReport {
            applied: ChangeSet {
                label: label.clone(),
                ..ChangeSet::default()
            },
            read_only,
            unsaved: ChangeSet {
                label,
                ..ChangeSet::default()
            },
            ..ChangeReport::default()
        };
        for (job, result) in results {
            let Some(state) = self.issues.get_mut(&job.rel) else {
                continue;
            };
            match result {
                Ok(saved) => {
                    let before = state.tagged();
                    state.absorb(saved.records);
                    self.tagged_total = self.tagged_total + state.tagged() - before;
                    state.sidecar = saved.path.clone();
                    if !saved.applied.is_empty() || !saved.applied_memos.is_empty() {
                        outcome.saved.push(saved.path);
                        outcome.applied.changes.extend(saved.applied);
                        outcome.applied.memos.extend(saved.applied_memos);
                    }
                }
                Err(e) => {
                    if matches!(e, SidecarError::Parse { .. }) {
                        state.broken = Some(e.clone());
                    }
                    outcome.errors.push(e);
                    outcome.unsaved.changes.extend(job.changes);
                    outcome.unsaved.memos.extend(job.memos);
                }
            }
        }
        match step {
            Step::Change => self.history.record(outcome.applied.clone()),
            Step::Undo | Step::Redo => {
                if outcome.applied.is_empty() {
                    if step == Step::Undo {
                        self.history.restore_undo();
                    } else {
                        self.history.restore_redo();
                    }
                }
                let word = if step == Step::Undo { "undo" } else { "redo" };
                outcome.applied.label = format!("{word} {}", outcome.applied.label);
            }
        }
        outcome
    }
}

/// What a staged save is, for the undo history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// A new change: one undo step.
    Change,
    /// An undo (put back when nothing could be undone).
    Undo,
    /// A redo (put back when nothing could be redone).
    Redo,
}

/// A tag change ready to be saved, self-contained so that the save can run on
/// any thread ([`Self::save`]); [`TagStore::finish`] takes the result in.
#[derive(Debug)]
pub struct StagedSave {
    label: String,
    step: Step,
    jobs: Vec<SaveJob>,
    read_only: Vec<PathBuf>,
}

impl StagedSave {
    /// What is being saved (`+governance`, `undo -heritage`), for the status bar.
    pub fn label(&self) -> String {
        match self.step {
            Step::Change => self.label.clone(),
            Step::Undo => format!("undo {}", self.label),
            Step::Redo => format!("redo {}", self.label),
        }
    }

    /// Lock, merge and write every sidecar concerned (several at once when
    /// there are many).
    pub fn save(self) -> SaveDone {
        SaveDone {
            label: self.label,
            step: self.step,
            results: save_all(self.jobs),
            read_only: self.read_only,
        }
    }
}

/// What a [`StagedSave`] left on disk, for [`TagStore::finish`].
#[derive(Debug)]
pub struct SaveDone {
    label: String,
    step: Step,
    results: Vec<(SaveJob, Result<Saved, SidecarError>)>,
    read_only: Vec<PathBuf>,
}

/// Run the saves, several at once when there are many: each is mostly waiting
/// for its fsync, and the file system commits concurrent fsyncs together.
fn save_all(jobs: Vec<SaveJob>) -> Vec<(SaveJob, Result<Saved, SidecarError>)> {
    const WRITERS: usize = 16;
    if jobs.len() <= 1 {
        return jobs
            .into_iter()
            .map(|j| {
                let r = j.save();
                (j, r)
            })
            .collect();
    }
    let per = jobs.len().div_ceil(WRITERS);
    let mut chunks: Vec<Vec<SaveJob>> = Vec::new();
    let mut rest = jobs.into_iter().peekable();
    while rest.peek().is_some() {
        chunks.push(rest.by_ref().take(per).collect());
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|j| {
                            let r = j.save();
                            (j, r)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Another issue that reads the same old shared sidecar (see [`super::location`]).
#[derive(Debug)]
struct Sharer {
    rel: String,
    sidecar: PathBuf,
    anchors: Vec<ArticleAnchor>,
}

/// The save of one issue's changes, self-contained so it can run on any thread.
#[derive(Debug)]
struct SaveJob {
    rel: String,
    sidecar: PathBuf,
    issue_path: PathBuf,
    sidecar_dir: Option<PathBuf>,
    /// Other issues reading the same old shared sidecar.
    sharers: Vec<Sharer>,
    key: String,
    anchors: Vec<ArticleAnchor>,
    titles: HashMap<String, String>,
    changes: Vec<Change>,
    memos: Vec<MemoChange>,
}

/// What one issue's save left on disk.
#[derive(Debug)]
struct Saved {
    /// Every record now in the sidecar.
    records: Vec<ArticleTags>,
    /// The changes that changed the sidecar, each with the state it found there
    /// (a change to what the sidecar already held is none, and is left out).
    applied: Vec<Change>,
    /// The same for memos.
    applied_memos: Vec<MemoChange>,
    /// The issue's sidecar file.
    path: PathBuf,
}

impl SaveJob {
    /// Lock, re-read, merge, write (nothing is written when the sidecar already
    /// holds every change). Which file is the issue's sidecar is decided again
    /// under the lock: the folder's issue files may have changed.
    fn save(&self) -> Result<Saved, SidecarError> {
        let _lock = sidecar::lock_folder(&self.sidecar)?;
        let location = location::locate(&self.issue_path, &self.rel, self.sidecar_dir.as_deref());
        let (on_disk, corrections) = location
            .read()?
            .map(|s| (s.articles, s.corrections))
            .unwrap_or_default();
        let mut anchored = attach(on_disk.clone(), &self.anchors, &self.key);
        let splits_old = location.reads_shared_fallback();
        let retires_old = splits_old
            && location
                .shared_with()
                .iter()
                .all(|p| self.sharers.iter().any(|s| &s.sidecar == p));
        if retires_old {
            // Split the old shared sidecar: each issue gets its records; those of
            // none stay with this one as orphans.
            let mut leftover = anchored.orphans;
            for s in self
                .sharers
                .iter()
                .filter(|s| location.shared_with().contains(&s.sidecar))
            {
                if s.sidecar.symlink_metadata().is_err() {
                    let theirs = attach(
                        on_disk.clone(),
                        &s.anchors,
                        &crate::corpus::issue_key(&s.rel),
                    )
                    .attached;
                    if !theirs.is_empty() {
                        let file = Sidecar {
                            issue: s.rel.clone(),
                            articles: sidecar::normalise(theirs),
                            corrections: Vec::new(),
                        };
                        let text = sidecar::render_verified(&file, &s.sidecar)?;
                        sidecar::write_atomic(&s.sidecar, &text)?;
                    }
                }
                leftover = attach(leftover, &s.anchors, &crate::corpus::issue_key(&s.rel)).orphans;
            }
            anchored.orphans = leftover;
        } else if splits_old {
            // Not every issue sharing it is known: take only this issue's records.
            anchored.orphans = Vec::new();
        }
        let mut records: HashMap<String, ArticleTags> = anchored
            .attached
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        let mut applied = Vec::new();
        for c in &self.changes {
            let on_disk = records
                .get(&c.article)
                .and_then(|r| r.tags.get(&c.tag))
                .cloned();
            // Adding a tag that is there keeps its original mark; removing one
            // that is gone does nothing.
            if on_disk.is_some() == c.after.is_some() {
                continue;
            }
            let record = records
                .entry(c.article.clone())
                .or_insert_with(|| ArticleTags {
                    id: c.article.clone(),
                    title: self.titles.get(&c.article).cloned().unwrap_or_default(),
                    tags: TagSet::new(),
                    memo: None,
                });
            match &c.after {
                Some(mark) => {
                    record.tags.insert(c.tag.clone(), mark.clone());
                }
                None => {
                    record.tags.remove(&c.tag);
                }
            }
            applied.push(Change {
                before: on_disk,
                ..c.clone()
            });
        }
        let mut applied_memos = Vec::new();
        for c in &self.memos {
            let on_disk = records.get(&c.article).and_then(|r| r.memo.clone());
            // Setting the text the memo has keeps it (and its time) as it is.
            if on_disk.as_ref().map(|m| &m.text) == c.after.as_ref().map(|m| &m.text) {
                continue;
            }
            let record = records
                .entry(c.article.clone())
                .or_insert_with(|| ArticleTags {
                    id: c.article.clone(),
                    title: self.titles.get(&c.article).cloned().unwrap_or_default(),
                    ..ArticleTags::default()
                });
            record.memo = c.after.clone();
            applied_memos.push(MemoChange {
                before: on_disk,
                ..c.clone()
            });
        }
        let all: Vec<ArticleTags> = records
            .into_values()
            .chain(anchored.orphans)
            .filter(|r| !r.is_empty())
            .collect();
        if applied.is_empty() && applied_memos.is_empty() && !retires_old {
            return Ok(Saved {
                records: all,
                applied,
                applied_memos,
                path: location.path,
            });
        }
        let file = Sidecar {
            issue: self.rel.clone(),
            articles: sidecar::normalise(all),
            corrections,
        };
        location.save(&file)?;
        if retires_old && let Some(old) = &location.fallback {
            sidecar::remove(old)?;
            if file.articles.is_empty() && file.corrections.is_empty() {
                sidecar::remove(&location.path)?;
            }
        }
        Ok(Saved {
            records: file.articles,
            applied,
            applied_memos,
            path: location.path,
        })
    }
}

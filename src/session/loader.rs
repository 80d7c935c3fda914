//! The corpus loader job: issue files found, read and cut into articles in
//! batches (small first, for a quick first screen), their sidecars read too, so
//! the host only files them away; once every issue is sent, their stories
//! across pages are linked here too, not on the host's thread.

use super::{Listing, Notifier, SessionEvent, spawn_job};
use crate::article::Issue;
use crate::cache::{Bodies, CorpusCache};
use crate::corpus::{LoadWarning, load_issue, walk};
use crate::tags::LoadedSidecars;
use crate::tags::team::Team;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;

/// Read the corpus at `root` in the background, in natural order, reporting
/// [`SessionEvent::Loaded`] batches, then [`SessionEvent::LoadDone`] (or
/// [`SessionEvent::LoadFailed`]), then [`SessionEvent::StoriesLinked`].
pub fn spawn_loader(root: PathBuf, team: Team, notify: Notifier) {
    spawn_job("loader", move || load(&root, &team, &notify, None));
}

/// [`spawn_loader`], sending the issue files it found to `listing` once the
/// first rows are sent (or, with no issue to show, once it has looked at them
/// all): see [`super::listing`].
pub fn spawn_loader_sharing(root: PathBuf, team: Team, notify: Notifier, listing: Sender<Listing>) {
    spawn_job("loader", move || load(&root, &team, &notify, Some(listing)));
}

/// Issues cut again with the learned habits handed over at a time.
const RECUT_BATCH: usize = 1024;

/// Issues of the first batch, small for a quick first screen.
const FIRST_CHUNK: usize = 8;

fn load(
    root: &std::path::Path,
    team: &Team,
    notify: &Notifier,
    mut listing: Option<Sender<Listing>>,
) {
    if !root.exists() {
        notify.send(SessionEvent::LoadFailed(format!(
            "{}: no such file or folder",
            root.display()
        )));
        return;
    }
    let mut warnings = Vec::new();
    let files: Listing = Arc::new(walk::issue_files(root, &mut |path, message| {
        warnings.push(LoadWarning { path, message })
    }));
    let total = files.len();
    crate::cache::timing::mark("tui: walk");
    let mut done = 0;
    // Issues come from the cache of the segmented corpus where it is valid,
    // their bodies left in it until shown or used.
    let cache = CorpusCache::open_for(root, Bodies::OnDisk);
    let load_one = |p: &PathBuf| match &cache {
        Some(c) => c.load_issue(root, p),
        None => load_issue(root, p),
    };
    notify.send(SessionEvent::Loaded {
        issues: Vec::new(),
        sidecars: LoadedSidecars::default(),
        done: 0,
        total,
    });
    // What each page tells of its paper's habits, learned once all are read,
    // and the issues as sent (their articles shared, not copied), by their
    // place in the order sent: their files are cut again from them, and their
    // stories linked.
    let mut habit_lines = Vec::with_capacity(total);
    let mut sent: Vec<Issue> = Vec::with_capacity(total);
    // The habits the first chunk was cut with (those known at the start), and
    // how many issues it holds: the rest are cut with the habits guessed after
    // it, when none were known (see `corpus::habits::guess`).
    let first_habits = crate::corpus::habits::of_root(root);
    let mut first_count = 0;
    // Small first chunk for a quick first screen, then bigger ones.
    let mut chunk = FIRST_CHUNK;
    let mut rest = files.as_slice();
    while !rest.is_empty() {
        let n = chunk.min(rest.len());
        let (now, later) = rest.split_at(n);
        rest = later;
        // The first chunk is read on this thread: the shared pool may be busy
        // with the indexer's stamps of every file (a warm start of 100,000
        // issues held the first rows back until they were all taken).
        let results: Vec<Result<Issue, LoadWarning>> = if chunk == FIRST_CHUNK {
            now.iter().map(load_one).collect()
        } else {
            now.par_iter().map(load_one).collect()
        };
        let mut issues = Vec::with_capacity(n);
        for r in results {
            match r {
                Ok(mut i) => {
                    habit_lines.push(std::mem::take(&mut i.habit_lines));
                    sent.push(i.clone());
                    issues.push(i);
                }
                Err(w) => warnings.push(w),
            }
        }
        done += n;
        let sidecars = team.read_sidecars(&issues);
        let batch = SessionEvent::Loaded {
            issues,
            sidecars,
            done,
            total,
        };
        if !notify.send(batch) {
            return;
        }
        if chunk == FIRST_CHUNK {
            crate::cache::timing::mark("tui: first batch");
            // Guessed once the first rows are shown, not before.
            first_count = sent.len();
            crate::corpus::habits::guess(root, &files);
            crate::cache::timing::mark("tui: habits guessed");
            if let Some(to) = listing.take() {
                let _ = to.send(Arc::clone(&files));
            }
        }
        // Each batch lists the folders of its issues for their sidecars (a
        // folder of 10,000 issues takes a few milliseconds): few big ones.
        chunk = (chunk * 2).min(2048);
    }
    if let Some(to) = listing.take() {
        let _ = to.send(Arc::clone(&files));
    }
    crate::cache::timing::mark(&format!(
        "tui: issues read ({} cut)",
        cache.as_ref().map_or(0, CorpusCache::cut)
    ));
    // The issues shown were cut with the habits the corpus had at the start
    // (the first chunk) or those guessed after it; when those learned now
    // differ, the issues they change are cut again and handed over (the host
    // swaps them in), so that this session shows, indexes and caches the cut
    // every later start makes, and that start is warm.
    let before = crate::corpus::habits::of_root(root);
    let stored = crate::corpus::habits::stored(root);
    let cut_with = |k: usize| {
        if k < first_count {
            &*first_habits
        } else {
            &*before
        }
    };
    let lines: Vec<_> = habit_lines.iter().collect();
    let (learned, changed) = crate::corpus::habits::relearn(root, &lines, cut_with);
    drop(lines);
    if stored.as_ref() != Some(&*learned) {
        crate::corpus::habits::store(root, &learned);
    }
    if !changed.is_empty() {
        drop(habit_lines);
        for part in changed.chunks(RECUT_BATCH) {
            let (places, again): (Vec<usize>, Vec<Issue>) = part
                .par_iter()
                .filter_map(|&k| {
                    let mut issue = load_one(&sent[k].path).ok()?;
                    issue.habit_lines = Default::default();
                    Some((k, issue))
                })
                .unzip();
            for (&k, issue) in places.iter().zip(&again) {
                sent[k] = issue.clone();
            }
            let sidecars = team.read_sidecars(&again);
            let issues = places.into_iter().zip(again).collect();
            if !notify.send(SessionEvent::Recut { issues, sidecars }) {
                return;
            }
        }
        crate::cache::timing::mark(&format!("tui: {} issues cut again", changed.len()));
    }
    if let Some(c) = &cache {
        c.finish();
    }
    crate::cache::timing::mark("tui: cache finished, habits");
    if !notify.send(SessionEvent::LoadDone(warnings)) {
        return;
    }
    // Linked here, once the host has every issue: on its thread, linking
    // 100,000 issues held the screen still for over a second.
    let stories = crate::story::Stories::link(&sent);
    crate::cache::timing::mark("tui: stories linked (loader)");
    notify.send(SessionEvent::StoriesLinked(Box::new(stories)));
}

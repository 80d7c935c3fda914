//! The suggestion scorer job: every article cut into words and scored against
//! the tags, on a rayon pool of every core (on a first start it runs once the
//! search index is built, when the host only draws the screen; a warm start's
//! scoring is mostly reading its cache); progress is reported about a hundred
//! times.

use super::{Notifier, SessionEvent, spawn_job};
use crate::article::Article;
use crate::config::TagDef;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// Score `articles` (each issue's shared articles, not copied) of the corpus
/// at `root` for `tags` in the background (the cached features taken from
/// `prefetch` when given): [`SessionEvent::SuggestProgress`], then
/// [`SessionEvent::SuggestDone`].
pub fn spawn_scorer(
    root: PathBuf,
    articles: Vec<Arc<[Article]>>,
    tags: Vec<TagDef>,
    notify: Notifier,
    prefetch: Option<crate::cache::features::Prefetch>,
) {
    spawn_job("scorer", move || {
        let started = Instant::now();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let slices: Vec<&[Article]> = articles.iter().map(|a| &a[..]).collect();
        let step = (slices.len() / 100).max(1);
        let progress = |done: usize, total: usize| {
            if done.is_multiple_of(step) {
                notify.send(SessionEvent::SuggestProgress(done, total));
            }
        };
        // The words of issues unchanged since the last session come from the
        // corpus's cache (read meanwhile when `prefetch` started it).
        let build =
            || crate::cache::features::build_prefetched(&root, &slices, &tags, &progress, prefetch);
        let index = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool.install(build),
            Err(_) => build(),
        };
        notify.send(SessionEvent::SuggestDone(
            Box::new(index),
            started.elapsed(),
        ));
    });
}

//! The suggestion scorer job: every article cut into words and scored against
//! the tags, on a rayon pool one core smaller than the machine so the host keeps
//! a core; progress is reported about a hundred times.

use super::{Notifier, SessionEvent, spawn_job};
use crate::article::Article;
use crate::config::TagDef;
use crate::suggest::SuggestIndex;
use std::sync::Arc;
use std::time::Instant;

/// Score `articles` (each issue's shared articles, not copied) for `tags` in the
/// background: [`SessionEvent::SuggestProgress`], then
/// [`SessionEvent::SuggestDone`].
pub fn spawn_scorer(articles: Vec<Arc<[Article]>>, tags: Vec<TagDef>, notify: Notifier) {
    spawn_job("scorer", move || {
        let started = Instant::now();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get().saturating_sub(1))
            .max(1);
        let slices: Vec<&[Article]> = articles.iter().map(|a| &a[..]).collect();
        let step = (slices.len() / 100).max(1);
        let progress = |done: usize, total: usize| {
            if done.is_multiple_of(step) {
                notify.send(SessionEvent::SuggestProgress(done, total));
            }
        };
        let build = || SuggestIndex::build_articles(&slices, &tags, &progress);
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

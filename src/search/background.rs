//! A searcher on its own thread, so typing never waits for scoring. Each request
//! carries a generation number; the thread skips requests overtaken by newer ones
//! and the caller drops any result older than the latest it asked for.

use super::{Hit, QueryError, SearchIndex, Searcher, TagLookup};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The answer to one request.
#[derive(Debug, Clone)]
pub struct SearchAnswer {
    pub generation: u64,
    pub query: String,
    pub result: Result<Arc<Vec<Hit>>, QueryError>,
    pub elapsed: Duration,
}

enum Request {
    Search { generation: u64, query: String },
    Reset,
    SetTags(Option<TagLookup>),
}

/// Handle to the search thread; dropping it stops the thread.
pub struct BackgroundSearcher {
    requests: Option<Sender<Request>>,
    outcomes: Receiver<SearchAnswer>,
    generation: u64,
    thread: Option<JoinHandle<()>>,
}

impl BackgroundSearcher {
    /// Start the thread. `wake` is called after each outcome is sent (to wake an
    /// event loop); pass `|| {}` when polling.
    pub fn start(
        index: Arc<SearchIndex>,
        tags: Option<TagLookup>,
        wake: impl Fn() + Send + 'static,
    ) -> BackgroundSearcher {
        let (req_tx, req_rx) = channel::<Request>();
        let (out_tx, out_rx) = channel::<SearchAnswer>();
        let thread = std::thread::Builder::new()
            .name("newstag-search".into())
            .spawn(move || {
                index.warm_but_head_starts();
                // The heads' first characters on a thread of their own: the
                // first keystroke does not wait for them (a one-character
                // search reads the heads it ranks until they are made).
                let later = Arc::clone(&index);
                let _ = std::thread::Builder::new()
                    .name("newstag-head-starts".into())
                    .spawn(move || {
                        later.head_starts();
                    });
                let mut searcher = Searcher::new(index, tags);
                while let Ok(first) = req_rx.recv() {
                    // Apply every waiting request; only the newest search is run.
                    let mut pending = None;
                    let mut next = Some(first);
                    while let Some(req) = next {
                        match req {
                            Request::Search { generation, query } => {
                                pending = Some((generation, query))
                            }
                            Request::Reset => searcher.reset(),
                            Request::SetTags(tags) => searcher.set_tags(tags),
                        }
                        next = match req_rx.try_recv() {
                            Ok(r) => Some(r),
                            Err(TryRecvError::Empty) => None,
                            Err(TryRecvError::Disconnected) => return,
                        };
                    }
                    let Some((generation, query)) = pending else {
                        continue;
                    };
                    let started = Instant::now();
                    let result = searcher.search(&query).map(Arc::new);
                    let outcome = SearchAnswer {
                        generation,
                        query,
                        result,
                        elapsed: started.elapsed(),
                    };
                    if out_tx.send(outcome).is_err() {
                        return;
                    }
                    wake();
                }
            })
            .ok();
        BackgroundSearcher {
            requests: Some(req_tx),
            outcomes: out_rx,
            generation: 0,
            thread,
        }
    }

    /// Ask for `query`; returns its generation.
    pub fn request(&mut self, query: &str) -> u64 {
        self.generation += 1;
        if let Some(tx) = &self.requests {
            let _ = tx.send(Request::Search {
                generation: self.generation,
                query: query.to_string(),
            });
        }
        self.generation
    }

    /// Forget narrowing state (after tags changed).
    pub fn reset(&mut self) {
        if let Some(tx) = &self.requests {
            let _ = tx.send(Request::Reset);
        }
    }

    /// Search with new tags from now on (the next request is searched afresh).
    pub fn set_tags(&mut self, tags: Option<TagLookup>) {
        if let Some(tx) = &self.requests {
            let _ = tx.send(Request::SetTags(tags));
        }
    }

    /// The generation of the latest request.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The newest outcome for the latest request, if it has arrived; older
    /// outcomes are dropped.
    pub fn poll(&mut self) -> Option<SearchAnswer> {
        let mut latest = None;
        while let Ok(o) = self.outcomes.try_recv() {
            if o.generation == self.generation {
                latest = Some(o);
            }
        }
        latest
    }

    /// Block up to `timeout` for the outcome of the latest request.
    pub fn wait(&mut self, timeout: Duration) -> Option<SearchAnswer> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.outcomes.recv_timeout(left) {
                Ok(o) if o.generation == self.generation => return Some(o),
                Ok(_) => continue,
                Err(_) => return None,
            }
        }
    }
}

impl BackgroundSearcher {
    /// Let go of this searcher without waiting: the search it is running ends
    /// on its thread, which then finds no more requests and ends too.
    pub fn let_go(mut self) {
        self.requests = None;
        drop(self.thread.take());
    }
}

impl Drop for BackgroundSearcher {
    fn drop(&mut self) {
        self.requests = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

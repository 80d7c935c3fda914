//! Issues replaced in an index without writing the rest again: each replaced
//! issue is a [`Run`], the documents of the index as first made ("base") that
//! it stands for (tombstones) and the documents that stand there now (a small
//! delta of their own, numbered from 0), so a correction costs the work of
//! its issue, not of the corpus. The documents after a run move by the
//! difference, as in an index made afresh; [`DocMap`] turns numbers of one
//! into the other. The body postings ([`super::postings`]) and the bodies
//! ([`super::index`]) are patched so; the small columns are copied.

use super::column::any_delta;
use std::ops::Range;

/// One issue's documents replaced.
#[derive(Debug, Clone)]
pub(crate) struct Run<T> {
    /// The issue (its number in the index: issues are never renumbered).
    pub issue: u32,
    /// The base's documents it replaces.
    pub old: Range<u32>,
    /// Where its documents stand now.
    pub new_start: u32,
    /// How many documents it has now.
    pub len: u32,
    /// Its documents' data, numbered from 0.
    pub data: T,
}

impl<T> Run<T> {
    /// How far the documents after this run move.
    fn shift(&self) -> i64 {
        self.len as i64 - (self.old.end - self.old.start) as i64
    }
}

/// Where a document of the patched index is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Document of the base.
    Base(u32),
    /// Document of run `.0`'s data.
    Run(usize, u32),
}

/// Replaced issues, in the order of their documents (and issues).
#[derive(Debug, Clone)]
pub(crate) struct DocMap<T> {
    pub runs: Vec<Run<T>>,
}

impl<T> Default for DocMap<T> {
    fn default() -> DocMap<T> {
        DocMap { runs: Vec::new() }
    }
}

impl<T: Clone> DocMap<T> {
    /// Where document `d` (of the patched index) is.
    pub fn locate(&self, d: u32) -> Place {
        let mut shift = 0i64;
        for (r, run) in self.runs.iter().enumerate() {
            if d < run.new_start {
                break;
            }
            if d < run.new_start + run.len {
                return Place::Run(r, d - run.new_start);
            }
            shift += run.shift();
        }
        Place::Base((d as i64 - shift) as u32)
    }

    /// These runs with issue `issue`, whose documents stand at `now` in the
    /// patched index, replaced by `len` documents of `data`.
    pub fn replaced(&self, issue: u32, now: Range<u32>, len: u32, data: T) -> DocMap<T> {
        let mut runs: Vec<Run<T>> = Vec::with_capacity(self.runs.len() + 1);
        let mut shift = 0i64;
        let mut placed = false;
        for run in &self.runs {
            if run.issue < issue {
                shift += run.shift();
                runs.push(run.clone());
                continue;
            }
            if !placed {
                let old = if run.issue == issue {
                    run.old.clone()
                } else {
                    let at = |d: u32| (d as i64 - shift) as u32;
                    at(now.start)..at(now.end)
                };
                runs.push(Run {
                    issue,
                    old,
                    new_start: now.start,
                    len,
                    data: data.clone(),
                });
                placed = true;
                if run.issue == issue {
                    continue;
                }
            }
            runs.push(run.clone());
        }
        if !placed {
            let at = |d: u32| (d as i64 - shift) as u32;
            runs.push(Run {
                issue,
                old: at(now.start)..at(now.end),
                new_start: now.start,
                len,
                data,
            });
        }
        // The runs after the new one move with it.
        let mut shift = 0i64;
        for run in &mut runs {
            run.new_start = (run.old.start as i64 + shift) as u32;
            shift += run.shift();
        }
        DocMap { runs }
    }

    /// Documents of the base, ascending, mapped to where they stand now
    /// (those of replaced issues left out), merged with the runs' documents
    /// (`of_run` gives a run's, numbered from 0, ascending): ascending.
    pub fn merged<I, J>(&self, base: I, mut of_run: impl FnMut(&Run<T>) -> J) -> Vec<(u32, u8)>
    where
        I: IntoIterator<Item = (u32, u8)>,
        J: IntoIterator<Item = (u32, u8)>,
    {
        let mut out = Vec::new();
        self.merged_into(base, |run, out| out.extend(of_run(run)), &mut out);
        out
    }

    /// [`DocMap::merged`], appended to `out`; `of_run` appends a run's
    /// documents (numbered from 0, ascending) to the vector it is given.
    pub fn merged_into<I>(
        &self,
        base: I,
        mut of_run: impl FnMut(&Run<T>, &mut Vec<(u32, u8)>),
        out: &mut Vec<(u32, u8)>,
    ) where
        I: IntoIterator<Item = (u32, u8)>,
    {
        let mut base = base.into_iter().peekable();
        let mut shift = 0i64;
        for run in &self.runs {
            while let Some(&(d, c)) = base.peek() {
                if d >= run.old.start {
                    break;
                }
                out.push(((d as i64 + shift) as u32, c));
                base.next();
            }
            while base.peek().is_some_and(|&(d, _)| d < run.old.end) {
                base.next();
            }
            let at = out.len();
            of_run(run, out);
            for e in &mut out[at..] {
                e.0 += run.new_start;
            }
            shift += run.shift();
        }
        out.extend(base.map(|(d, c)| ((d as i64 + shift) as u32, c)));
    }

    /// Whether any of the base's documents coded as deltas in `deltas`
    /// (ascending, see [`crate::search::column::for_each_delta`]) is
    /// replaced or moved by these runs: when none is, a list of them reads
    /// the same in the patched index.
    pub fn touches_any(&self, deltas: &[u8]) -> bool {
        let Some(first) = self.runs.first() else {
            return false;
        };
        // The documents from the first run that moves the rest on all move.
        let moved_from = self
            .runs
            .iter()
            .find(|run| run.shift() != 0)
            .map_or(u32::MAX, |run| run.old.start);
        any_delta(deltas, |doc| {
            doc >= first.old.start
                && (doc >= moved_from || self.runs.iter().any(|run| run.old.contains(&doc)))
        })
    }

    /// Whether no document moves (every run has as many documents as it replaces).
    pub fn in_place(&self) -> bool {
        self.runs.iter().all(|r| r.shift() == 0)
    }

    /// Documents in all, of a base of `base` documents.
    pub fn len(&self, base: u32) -> u32 {
        (base as i64 + self.runs.iter().map(Run::shift).sum::<i64>()) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_found_where_a_fresh_numbering_puts_them() {
        // Base: issues of 3, 2, 4 documents (0-2, 3-4, 5-8).
        let map: DocMap<()> = DocMap::default();
        let map = map.replaced(1, 3..5, 3, ());
        assert_eq!(map.len(9), 10);
        assert_eq!(map.locate(2), Place::Base(2));
        assert_eq!(map.locate(3), Place::Run(0, 0));
        assert_eq!(map.locate(5), Place::Run(0, 2));
        assert_eq!(map.locate(6), Place::Base(5));
        // Issue 0 shrinks to one document: issue 1's run moves up.
        let map = map.replaced(0, 0..3, 1, ());
        assert_eq!(map.len(9), 8);
        assert_eq!(map.locate(0), Place::Run(0, 0));
        assert_eq!(map.locate(1), Place::Run(1, 0));
        assert_eq!(map.locate(4), Place::Base(5));
        // Issue 1 replaced again: its run is replaced, not added.
        let map = map.replaced(1, 1..4, 0, ());
        assert_eq!(map.runs.len(), 2);
        assert_eq!(map.locate(1), Place::Base(5));
        let docs = map.merged((0..9).map(|d| (d, 1)), |r| {
            (0..r.len).map(|d| (d, 2)).collect::<Vec<_>>()
        });
        assert_eq!(
            docs,
            vec![(0, 2), (1, 1), (2, 1), (3, 1), (4, 1)],
            "issue 0 as one new document, issue 1 as none, issue 2 moved"
        );
    }
}

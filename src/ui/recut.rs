//! The issues the corpus's learned habits cut again, swapped in at the end of
//! loading ([`crate::session::SessionEvent::Recut`]): the list, the reader, the
//! tags and the search follow, the selection stays on its article.
//!
//! The first start of a corpus shows each issue as soon as it is cut, before
//! its paper's habits (column labels, regular bylines) are known; they are
//! learned once every issue is read, and the issues they change are cut again.
//! Swapping those in makes this session show, index and cache the cut every
//! later start makes (so that start reads everything from the caches). An issue
//! the user has tagged or given a memo in this session is swapped in too, its
//! tags carried to the articles of the new cut in its sidecars (each to its
//! heir, [`crate::correct::carry`], as after a correction) and the undo steps
//! following them: tags are saved by article id, and ids follow the cut, so a
//! tag left on an id of the first cut would be an orphan at the next start.
//! An issue the user has worked on otherwise (marked, corrected, open in the
//! page view, in triage or adjudication, while a tag save is pending, or whose
//! sidecar cannot be rewritten) keeps the cut the user saw; its tags are then
//! re-anchored on the next start, as after any change of the cut.

use super::app::App;
use super::list::ListRow;
use crate::article::{ArticleAt, Issue};
use crate::tags::LoadedSidecars;
use std::collections::HashSet;

impl App {
    /// Swap in `issues` (each with its place in the corpus), cut again with the
    /// learned habits, and their `sidecars` read again; those the user has
    /// worked on are kept as they are.
    pub fn recut(&mut self, issues: Vec<(usize, Issue)>, mut sidecars: LoadedSidecars) {
        let worked = self.worked_on();
        let selected = self
            .selected_article()
            .map(|(at, a)| (at, a.id.clone(), a.title.clone()));
        let mut swapped: HashSet<String> = HashSet::new();
        let mut kept = false;
        let mut carried = Vec::new();
        for (at, issue) in issues {
            let Some(old) = self.corpus.issues.get(at) else {
                continue;
            };
            if old.rel != issue.rel {
                continue;
            }
            match worked.as_ref().map_or(Work::Held, |w| w.on(at, &old.rel)) {
                Work::Held => {
                    kept = true;
                    continue;
                }
                Work::Tagged => {
                    let Some(now) = self.carry_tags(at, &issue) else {
                        kept = true;
                        continue;
                    };
                    carried.push(now);
                }
                Work::None => {}
            }
            let Some(old) = self.corpus.issues.get_mut(at) else {
                continue;
            };
            self.article_total = self.article_total - old.articles.len() + issue.articles.len();
            swapped.insert(issue.rel.clone());
            *old = issue;
        }
        if kept {
            // For the rest of the session: every index made from now on
            // (a correction's, one built again) holds the kept issues' cut.
            self.search.mixed_cut = true;
            if let Some(f) = self.search.feeder.as_mut() {
                f.mixed_cut();
            }
        }
        if swapped.is_empty() {
            return;
        }
        sidecars.retain(|rel| swapped.contains(rel));
        self.tagging.store.add_loaded(sidecars);
        // The sidecars the tags were carried in, as they are now.
        for now in carried {
            self.tagging.store.add_loaded(now);
        }
        // An index built from (or fed) the first cut is built again; the query
        // typed is kept, and searched again on it.
        let fed = self
            .search
            .feeder
            .as_ref()
            .is_some_and(crate::session::indexer::IndexFeeder::fed_any);
        if self.search.index.is_some() || fed {
            super::searching::index_again_keeping_query(self);
        }
        self.rebuild_rows();
        // The selected article, by its id (else its title) in its issue's new
        // cut; else its issue.
        if let Some((at, id, title)) = selected
            && self
                .corpus
                .issues
                .get(at.issue)
                .is_some_and(|i| swapped.contains(&i.rel))
        {
            let articles = &self.corpus.issues[at.issue].articles;
            let k = articles
                .iter()
                .position(|a| a.id == id)
                .or_else(|| articles.iter().position(|a| a.title == title));
            let target = k.map_or(ListRow::Issue(at.issue), |k| {
                ListRow::Article(ArticleAt::new(at.issue, k))
            });
            if let Some(row) = self.rows.iter().position(|r| *r == target) {
                self.selected = row;
            }
            self.reader = Default::default();
        }
        self.select(self.selected);
    }

    /// Carry the tags of issue `at` (as the user saw it) to its articles in
    /// `new` (its cut with the learned habits), in every sidecar of the issue,
    /// and make the undo steps follow; the sidecars as they now are, or `None`
    /// (the error said) when a sidecar could not be read or written: the issue
    /// then keeps its cut.
    fn carry_tags(&mut self, at: usize, new: &Issue) -> Option<LoadedSidecars> {
        let old = self.corpus.issues.get(at)?;
        let dir = self.config.sidecar_dir();
        match crate::correct::file::carry_to_cut(&self.tagging.team, dir.as_deref(), old, new) {
            Ok(carried) => {
                self.tagging
                    .store
                    .articles_carried(&new.rel, &carried.heirs);
                Some(carried.sidecars)
            }
            Err(e) => {
                self.error(format!(
                    "{}: tags not carried to the issue cut again with the paper's habits (it keeps its cut): {e}",
                    new.rel
                ));
                None
            }
        }
    }

    /// The issues the user has worked on in this session, or `None` when that
    /// cannot be told issue by issue (a tag save or rename pending, triage or
    /// adjudication open): then every issue counts.
    fn worked_on(&self) -> Option<Worked> {
        let saves = &self.tagging.saves;
        if saves.pending() > 0
            || saves.unsaved.is_some()
            || self.suggest.triage.is_some()
            || self.adjudicating.is_some()
        {
            return None;
        }
        let tagged = self
            .tagging
            .store
            .history()
            .issues()
            .map(str::to_string)
            .collect();
        let rels = self
            .journal
            .undo
            .iter()
            .chain(&self.journal.redo)
            .map(|s| s.rel.clone())
            .collect();
        let places = self
            .marks
            .iter()
            .map(|m| m.issue)
            .chain(self.page.as_ref().map(|v| v.issue))
            .collect();
        Some(Worked {
            tagged,
            rels,
            places,
        })
    }
}

/// Issues the user has worked on: tagged (or given a memo), by path; corrected,
/// by path; marked or open in the page view, by place in the corpus.
struct Worked {
    tagged: HashSet<String>,
    rels: HashSet<String>,
    places: HashSet<usize>,
}

/// What the user did to an issue, as far as swapping in its new cut goes.
enum Work {
    /// Nothing.
    None,
    /// Tags or memos only: they are carried to the new cut.
    Tagged,
    /// More (or it cannot be told): the issue keeps its cut.
    Held,
}

impl Worked {
    fn on(&self, at: usize, rel: &str) -> Work {
        if self.places.contains(&at) || self.rels.contains(rel) {
            Work::Held
        } else if self.tagged.contains(rel) {
            Work::Tagged
        } else {
            Work::None
        }
    }
}

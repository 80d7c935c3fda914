//! Settling disagreements: the units the coders coded differently, and the
//! settled decision of each article.
//!
//! An adjudicator's settled decisions are kept apart from every coder's own (in
//! the team layout, under `adjudicated/NAME/`, mirroring the corpus like
//! `coders/NAME/`), marked `by = "adjudicated"`, so adjudicating never changes a
//! coder's decisions and never counts in agreement. An article's settled
//! decision is its latest adjudication when it has one, else the tags its coders
//! agree on when they all agree, else none (it waits for adjudication).

use super::team::Decision;
use super::{ChangeReport, Source, TagMark, TagStore, Target};
use std::collections::{BTreeMap, BTreeSet};

/// The folder (beside `coders/`) holding one folder of settled decisions per
/// adjudicator.
pub const ADJUDICATED_DIR: &str = "adjudicated";

/// One article with every coder's decisions and its settlement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub issue: String,
    pub id: String,
    /// Coder (empty: unknown) -> the tags they set (an empty set: "no topic").
    pub coders: BTreeMap<String, BTreeSet<String>>,
    /// The latest adjudication: who, when, and the tags settled on.
    pub adjudicated: Option<(String, String, BTreeSet<String>)>,
}

impl Unit {
    /// True when two or more coders coded it and not all the same way.
    pub fn disagreement(&self) -> bool {
        let mut sets = self.coders.values();
        match sets.next() {
            Some(first) => sets.any(|s| s != first),
            None => false,
        }
    }

    /// The settled tags: the latest adjudication, else what every coder agrees
    /// on; `None` while coders disagree and nobody has adjudicated.
    pub fn settled(&self) -> Option<&BTreeSet<String>> {
        if let Some((_, _, tags)) = &self.adjudicated {
            return Some(tags);
        }
        if self.disagreement() {
            return None;
        }
        self.coders.values().next()
    }
}

/// Adjudicator -> (latest time, tags settled on), for one article.
type BySettler = BTreeMap<String, (String, BTreeSet<String>)>;

/// Every article with a decision, in (issue, id) order: the coders' decisions
/// (`markers` such as `no-topic` only mark a unit as coded) and the latest of
/// the adjudications. `coders` limits which coders count.
pub fn units(
    decisions: &[Decision],
    adjudications: &[Decision],
    markers: &[String],
    coders: Option<&[String]>,
) -> Vec<Unit> {
    let mut out: BTreeMap<(String, String), Unit> = BTreeMap::new();
    for d in decisions {
        if coders.is_some_and(|c| !c.iter().any(|x| x == &d.coder)) {
            continue;
        }
        let set = out
            .entry((d.issue.clone(), d.id.clone()))
            .or_insert_with(|| Unit {
                issue: d.issue.clone(),
                id: d.id.clone(),
                coders: BTreeMap::new(),
                adjudicated: None,
            })
            .coders
            .entry(d.coder.clone())
            .or_default();
        if !markers.contains(&d.tag) {
            set.insert(d.tag.clone());
        }
    }
    // Adjudications: per article and adjudicator, the tags and the latest time;
    // the latest adjudicator wins.
    let mut settled: BTreeMap<(String, String), BySettler> = BTreeMap::new();
    for d in adjudications {
        let entry = settled
            .entry((d.issue.clone(), d.id.clone()))
            .or_default()
            .entry(d.coder.clone())
            .or_default();
        if d.mark.at > entry.0 {
            entry.0 = d.mark.at.clone();
        }
        if !markers.contains(&d.tag) {
            entry.1.insert(d.tag.clone());
        }
    }
    for ((issue, id), by) in settled {
        let latest = by
            .into_iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0)));
        if let Some((who, (at, tags))) = latest {
            out.entry((issue.clone(), id.clone()))
                .or_insert_with(|| Unit {
                    issue,
                    id,
                    coders: BTreeMap::new(),
                    adjudicated: None,
                })
                .adjudicated = Some((who, at, tags));
        }
    }
    out.into_values().collect()
}

/// Settle `target` on `tags` in `store` (an adjudicator's, see
/// [`super::team::Team::open_adjudication`]): its settled tags become exactly
/// `tags`, or `no_topic` alone when `tags` is empty, each marked `adjudicated`
/// by the store's coder. Saved at once; one undo step.
pub fn settle(
    store: &mut TagStore,
    target: Target,
    tags: &BTreeSet<String>,
    no_topic: &str,
) -> ChangeReport {
    let (edits, label) = settle_edits(store, target, tags, no_topic);
    store.apply_marks(&edits, &label)
}

/// [`settle`], staged: the save is to be run on any thread
/// ([`super::StagedSave::save`]) and its result handed to
/// [`TagStore::finish`].
pub fn stage_settle(
    store: &mut TagStore,
    target: Target,
    tags: &BTreeSet<String>,
    no_topic: &str,
) -> super::StagedSave {
    let (edits, label) = settle_edits(store, target, tags, no_topic);
    store.stage_marks(&edits, &label)
}

/// The marks [`settle`] sets and removes, and its undo step's label.
fn settle_edits<'a>(
    store: &TagStore,
    target: Target<'a>,
    tags: &BTreeSet<String>,
    no_topic: &str,
) -> (Vec<(Target<'a>, String, Option<TagMark>)>, String) {
    let mut wanted: BTreeSet<String> = tags.iter().filter(|t| *t != no_topic).cloned().collect();
    if wanted.is_empty() {
        wanted.insert(no_topic.to_string());
    }
    let current: BTreeSet<String> = store
        .tag_names(&target.issue.rel, &target.article.id)
        .into_iter()
        .collect();
    let mark = TagMark {
        coder: store.coder().to_string(),
        codebook: store.codebook(),
        ..TagMark::now(Source::Adjudicated)
    };
    let mut edits: Vec<(Target, String, Option<TagMark>)> = current
        .difference(&wanted)
        .map(|t| (target, t.clone(), None))
        .collect();
    edits.extend(
        wanted
            .difference(&current)
            .map(|t| (target, t.clone(), Some(mark.clone()))),
    );
    let label = format!(
        "settle {} as {}",
        target.article.id,
        wanted.iter().cloned().collect::<Vec<_>>().join(", ")
    );
    (edits, label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::{Source, TagMark};

    fn d(id: &str, coder: &str, tag: &str, at: &str) -> Decision {
        Decision {
            issue: "a.txt".into(),
            id: id.into(),
            coder: coder.into(),
            tag: tag.into(),
            mark: TagMark {
                at: at.into(),
                by: Source::Hand,
                coder: coder.into(),
                codebook: 0,
            },
        }
    }

    /// Units where coders agree are settled as agreed; a disagreement waits for
    /// adjudication; the latest adjudication settles it, whoever made it.
    #[test]
    fn settlement() {
        let markers = vec!["no-topic".to_string()];
        let coded = vec![
            d("1", "wang", "gov", "t1"),
            d("1", "li", "gov", "t1"),
            d("2", "wang", "gov", "t1"),
            d("2", "li", "no-topic", "t1"),
            d("3", "wang", "env", "t1"),
            d("3", "li", "gov", "t1"),
        ];
        let adjudicated = vec![
            d("3", "zhao", "env", "2026-01-02T00:00:00Z"),
            d("3", "qian", "gov", "2026-01-01T00:00:00Z"),
        ];
        let units = units(&coded, &adjudicated, &markers, None);
        assert_eq!(units.len(), 3);
        assert!(!units[0].disagreement());
        assert_eq!(
            units[0].settled(),
            Some(&BTreeSet::from(["gov".to_string()]))
        );
        assert!(units[1].disagreement());
        assert_eq!(units[1].settled(), None);
        assert!(units[2].disagreement());
        assert_eq!(
            units[2].settled(),
            Some(&BTreeSet::from(["env".to_string()]))
        );
        assert_eq!(units[2].adjudicated.as_ref().unwrap().0, "zhao");
        // Only li counts: nothing to disagree with.
        let li = units_of(&coded, &["li".to_string()]);
        assert!(li.iter().all(|u| !u.disagreement()));
    }

    fn units_of(coded: &[Decision], coders: &[String]) -> Vec<Unit> {
        units(coded, &[], &["no-topic".to_string()], Some(coders))
    }
}

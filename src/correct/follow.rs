//! The tags of one sidecar following a change of an issue's articles: the
//! records are re-attached to the articles before the change, a recorded
//! change of tags is replayed when asked (forward for a redo, backward for an
//! undo), and what is left on an article that is gone goes to its heir (see
//! [`super::carry`]). What the change did to each tag is returned as
//! [`TagEdit`]s, so that it can be undone later *against the sidecar as it is
//! then*: tags another process set in between are never overwritten.

use super::carry;
use crate::article::Article;
use crate::tags::TagMark;
use crate::tags::anchor::{ArticleAnchor, attach};
use crate::tags::sidecar::{ArticleTags, normalise};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One tag of one article changed by a change of corrections, in one sidecar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagEdit {
    /// The article's id and display title (the id of the articles before the
    /// change when `before` is set, after it when `after` is set).
    pub id: String,
    pub title: String,
    pub tag: String,
    /// The tag's mark on that article before and after the change.
    pub before: Option<TagMark>,
    pub after: Option<TagMark>,
}

/// Which way a recorded change of tags is replayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// As it was made (a redo).
    Forward,
    /// Its inverse (an undo).
    Backward,
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

/// What following did to one sidecar's records.
#[derive(Debug, Clone, Default)]
pub struct Followed {
    /// The records to save, in id order.
    pub records: Vec<ArticleTags>,
    /// What changed, tag by tag.
    pub edits: Vec<TagEdit>,
    /// Tagged articles whose tags went to an heir.
    pub moves: Vec<TagMove>,
    /// Tags of the replayed change left as they are because they were changed
    /// since (by this or another process).
    pub kept: Vec<String>,
}

/// Follow the articles of an issue from `before` to `after` with the records
/// `records` of one sidecar (`issue_key` as for ids); with `replay`, first put
/// that recorded change of tags through in `Direction` where it still holds.
///
/// A replayed tag is changed only when, on every article the change touched,
/// the tag is as the change left it (forward: as it found it), and when every
/// article it goes to is one of `after`; otherwise that tag is left as it is
/// and named in [`Followed::kept`]. Then every record on an article of `before`
/// that is not in `after` goes to its heir (merged, the marks already there
/// winning). Records on no article of `before` (orphans) are kept as they are.
pub fn follow(
    records: Vec<ArticleTags>,
    before: &[Article],
    after: &[Article],
    issue_key: &str,
    replay: Option<(&[TagEdit], Direction)>,
) -> Followed {
    let anchors: Vec<ArticleAnchor> = before.iter().map(ArticleAnchor::of).collect();
    let anchored = attach(records, &anchors, issue_key);
    let start = normalise(
        anchored
            .attached
            .into_iter()
            .chain(anchored.orphans)
            .collect(),
    );
    let mut now: BTreeMap<String, ArticleTags> =
        start.iter().map(|r| (r.id.clone(), r.clone())).collect();
    let after_ids: HashSet<&str> = after.iter().map(|a| a.id.as_str()).collect();
    let mut kept = Vec::new();
    if let Some((edits, direction)) = replay {
        let mut by_tag: BTreeMap<&str, Vec<&TagEdit>> = BTreeMap::new();
        for e in edits {
            by_tag.entry(e.tag.as_str()).or_default().push(e);
        }
        for (tag, edits) in by_tag {
            let ends = |e: &TagEdit| match direction {
                Direction::Forward => (e.before.clone(), e.after.clone()),
                Direction::Backward => (e.after.clone(), e.before.clone()),
            };
            let holds = edits.iter().all(|e| {
                let (from, to) = ends(e);
                let has = now.get(&e.id).is_some_and(|r| r.tags.contains_key(tag));
                has == from.is_some() && (to.is_none() || after_ids.contains(e.id.as_str()))
            });
            if !holds {
                kept.push(tag.to_string());
                continue;
            }
            for e in edits {
                let (_, to) = ends(e);
                let record = now.entry(e.id.clone()).or_insert_with(|| ArticleTags {
                    id: e.id.clone(),
                    title: e.title.clone(),
                    tags: Default::default(),
                    memo: None,
                });
                match to {
                    Some(mark) => {
                        record.tags.insert(tag.to_string(), mark);
                    }
                    None => {
                        record.tags.remove(tag);
                    }
                }
            }
        }
    }
    let heirs = carry::heirs(before, after);
    let position: HashMap<&str, usize> = before
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut records = Vec::with_capacity(now.len());
    let mut moves = Vec::new();
    for (_, r) in now {
        if after_ids.contains(r.id.as_str()) {
            records.push(r);
            continue;
        }
        let Some(&old) = position.get(r.id.as_str()) else {
            records.push(r);
            continue;
        };
        let heir = heirs[old].map(|j| &after[j]);
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
                memo: r.memo,
            }),
            None => records.push(r),
        }
    }
    // A record with a memo and no tag is kept (its memo follows the article).
    let records: Vec<ArticleTags> = normalise(records)
        .into_iter()
        .filter(|r| !r.is_empty())
        .collect();
    let edits = diff(&start, &records);
    Followed {
        records,
        edits,
        moves,
        kept,
    }
}

/// The tags that differ between two sets of records.
fn diff(before: &[ArticleTags], after: &[ArticleTags]) -> Vec<TagEdit> {
    let index = |rs: &[ArticleTags]| -> BTreeMap<(String, String), (String, TagMark)> {
        rs.iter()
            .flat_map(|r| {
                r.tags
                    .iter()
                    .map(|(t, m)| ((r.id.clone(), t.clone()), (r.title.clone(), m.clone())))
            })
            .collect()
    };
    let (b, a) = (index(before), index(after));
    let keys: std::collections::BTreeSet<&(String, String)> = b.keys().chain(a.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let (was, is) = (b.get(k), a.get(k));
            if was.map(|x| &x.1) == is.map(|x| &x.1) {
                return None;
            }
            let title = is.or(was).map(|x| x.0.clone()).unwrap_or_default();
            Some(TagEdit {
                id: k.0.clone(),
                title,
                tag: k.1.clone(),
                before: was.map(|x| x.1.clone()),
                after: is.map(|x| x.1.clone()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correct::test_article as article;
    use crate::tags::Source;

    fn record(id: &str, title: &str, tags: &[&str]) -> ArticleTags {
        ArticleTags {
            memo: None,
            id: id.into(),
            title: title.into(),
            tags: tags
                .iter()
                .map(|t| (t.to_string(), TagMark::now(Source::Hand)))
                .collect(),
        }
    }

    fn tags(rs: &[ArticleTags]) -> Vec<(String, Vec<String>)> {
        rs.iter()
            .map(|r| (r.id.clone(), r.tags.keys().cloned().collect()))
            .collect()
    }

    /// Undoing a join puts each tag back on its own article, keeps a tag set on
    /// a third article since, and gives a tag set on the joined article since
    /// to the article that keeps its title; a tag removed since stays removed.
    #[test]
    fn undo_replays_the_inverse_against_what_is_there_now() {
        let a = article("a", "甲", &["一。"]);
        let b = article("b", "乙", &["二。"]);
        let x = article("x", "丙", &["三。"]);
        let c = article("c", "甲", &["一。", "乙", "二。"]);
        let split = vec![a.clone(), b.clone(), x.clone()];
        let joined = vec![c.clone(), x.clone()];
        let made = follow(
            vec![record("a", "甲", &["g"]), record("b", "乙", &["h", "k"])],
            &split,
            &joined,
            "i",
            None,
        );
        assert_eq!(
            tags(&made.records),
            [("c".into(), vec!["g".into(), "h".into(), "k".into()])]
        );
        // Since: another process tags x, adds m to c, removes k from c.
        let mut now = made.records.clone();
        now[0].tags.remove("k");
        now[0].tags.insert("m".into(), TagMark::now(Source::Hand));
        now.push(record("x", "丙", &["q"]));
        let undone = follow(
            now,
            &joined,
            &split,
            "i",
            Some((&made.edits, Direction::Backward)),
        );
        assert_eq!(
            tags(&undone.records),
            [
                ("a".into(), vec!["g".into(), "m".into()]),
                ("b".into(), vec!["h".into()]),
                ("x".into(), vec!["q".into()]),
            ]
        );
        assert_eq!(undone.kept, ["k"]);
        // Redo replays it forward again.
        let redone = follow(
            undone.records,
            &split,
            &joined,
            "i",
            Some((&made.edits, Direction::Forward)),
        );
        assert_eq!(
            tags(&redone.records),
            [
                ("c".into(), vec!["g".into(), "h".into(), "m".into()]),
                ("x".into(), vec!["q".into()]),
            ]
        );
    }
}

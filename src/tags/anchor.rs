//! Re-anchoring: attaching saved tags to the articles of an issue as it is now.
//!
//! An article id changes when its title (or subtitle) is edited, when a same-titled
//! article is inserted before it, or when segmentation changes. Saved tags follow
//! their article by id first; then by exact title (compared with
//! [`comparison_key`]); then by a clearly best similar title (a corrected typo).
//! Whatever still has no article is an orphan: kept in the sidecar and reported,
//! never dropped.

use super::sidecar::ArticleTags;
use crate::text::comparison_key;
use std::collections::{HashMap, HashSet};

/// What a saved record can be attached to: one current article of the issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleAnchor {
    pub id: String,
    /// The display title (`Article::display_title`), as written to sidecars.
    pub title: String,
}

impl ArticleAnchor {
    /// The anchor of `article`.
    pub fn of(article: &crate::article::Article) -> ArticleAnchor {
        ArticleAnchor {
            id: article.id.clone(),
            title: article.display_title(),
        }
    }
}

/// Saved records sorted into those attached to a current article and orphans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anchored {
    /// Records attached to a current article; their `id` and `title` are the
    /// article's current ones.
    pub attached: Vec<ArticleTags>,
    /// Records whose article is gone, as saved.
    pub orphans: Vec<ArticleTags>,
    /// `(saved id, current id)` of records that followed their article by title.
    pub moved: Vec<(String, String)>,
}

/// Minimum similarity (Dice coefficient over character bigrams) for a changed
/// title to still count as the same article.
pub const MIN_SIMILARITY: f64 = 0.6;

/// Attach `records` to `articles` (see the module docs).
pub fn attach(records: Vec<ArticleTags>, articles: &[ArticleAnchor]) -> Anchored {
    let by_id: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut used = vec![false; articles.len()];
    let mut out = Anchored::default();
    let mut rest = Vec::new();
    for r in records {
        match by_id.get(r.id.as_str()) {
            Some(&i) if !used[i] => {
                used[i] = true;
                out.attached.push(settle(r, &articles[i]));
            }
            _ => rest.push(r),
        }
    }
    if rest.is_empty() {
        return out;
    }
    let keys: Vec<String> = articles.iter().map(|a| comparison_key(&a.title)).collect();
    let mut by_title: Vec<ArticleTags> = Vec::new();
    for r in rest {
        let key = comparison_key(&r.title);
        let hit = (!key.is_empty())
            .then(|| (0..articles.len()).find(|&i| !used[i] && keys[i] == key))
            .flatten();
        match hit {
            Some(i) => {
                used[i] = true;
                out.moved.push((r.id.clone(), articles[i].id.clone()));
                out.attached.push(settle(r, &articles[i]));
            }
            None => by_title.push(r),
        }
    }
    for r in by_title {
        match best_similar(&comparison_key(&r.title), &keys, &used) {
            Some(i) => {
                used[i] = true;
                out.moved.push((r.id.clone(), articles[i].id.clone()));
                out.attached.push(settle(r, &articles[i]));
            }
            None => out.orphans.push(r),
        }
    }
    out
}

fn settle(mut r: ArticleTags, a: &ArticleAnchor) -> ArticleTags {
    if r.id != a.id {
        r.id = a.id.clone();
    }
    if r.title != a.title {
        r.title = a.title.clone();
    }
    r
}

fn bigrams(s: &str) -> HashSet<(char, char)> {
    let c: Vec<char> = s.chars().collect();
    c.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Dice similarity of two comparison keys over character bigrams.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let common = x.intersection(&y).count();
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

/// The unused article whose title is clearly the most similar to `key`.
fn best_similar(key: &str, keys: &[String], used: &[bool]) -> Option<usize> {
    if key.chars().count() < 4 {
        return None;
    }
    let mut scored: Vec<(f64, usize)> = (0..keys.len())
        .filter(|&i| !used[i])
        .map(|i| (similarity(key, &keys[i]), i))
        .filter(|(s, _)| *s >= MIN_SIMILARITY)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [(_, i)] => Some(*i),
        [(best, i), (second, _), ..] if best - second > 0.1 => Some(*i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::{Source, TagMark, TagSet};

    fn rec(id: &str, title: &str) -> ArticleTags {
        let mut tags = TagSet::new();
        tags.insert(
            "heritage".into(),
            TagMark {
                at: "t".into(),
                by: Source::Hand,
            },
        );
        ArticleTags {
            id: id.into(),
            title: title.into(),
            tags,
        }
    }

    fn art(id: &str, title: &str) -> ArticleAnchor {
        ArticleAnchor {
            id: id.into(),
            title: title.into(),
        }
    }

    /// Tags follow their article by id, then by exact title, then by a near title; the rest are orphans.
    #[test]
    fn id_then_title_then_orphan() {
        let articles = [
            art("n1", "古城墙修缮工程完工"),
            art("n2", "社区 网格员 走访"),
            art("n3", "湿地公园新添候鸟观测点位"),
        ];
        let records = vec![
            rec("n1", "古城墙修缮工程完工"),
            rec("old2", "社区网格员走访"),
            rec("old3", "湿地公园新添候鸟观察点位"),
            rec("gone", "已经删除的文章"),
        ];
        let a = attach(records, &articles);
        let ids: Vec<_> = a.attached.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["n1", "n2", "n3"]);
        assert_eq!(a.attached[2].title, "湿地公园新添候鸟观测点位");
        assert_eq!(a.orphans.len(), 1);
        assert_eq!(a.orphans[0].id, "gone");
        assert_eq!(a.moved.len(), 2);
    }

    /// A record never takes an article already claimed by its own id.
    #[test]
    fn title_match_does_not_steal() {
        let articles = [art("n1", "同一标题")];
        let a = attach(vec![rec("n1", "同一标题"), rec("x", "同一标题")], &articles);
        assert_eq!(a.attached.len(), 1);
        assert_eq!(a.orphans.len(), 1);
    }
}

//! Re-anchoring: attaching saved tags to the articles of an issue as it is now.
//!
//! An article id changes when its own title, subtitle or body is edited, or when
//! segmentation changes (see `crate::segment::id`); inserting, deleting or moving
//! other articles, same-titled ones included, changes no id. Saved tags follow
//! their article by id first; then by exact title (compared with
//! [`comparison_key`]); then by a clearly best similar title (a corrected typo).
//!
//! A tag is never moved to another article: a record follows a title only when
//! exactly one article of the issue has that title, no other record claims it
//! and no record already sits on it. When several articles share the title (two
//! photos titled 图片新闻), or two records want the same article, nothing can
//! tell which is meant, and the records stay orphans: kept in the sidecar and
//! reported by `newstag check`, never dropped and never guessed. The same holds
//! for similar titles: the best must be clearly better than every other article,
//! those already claimed included. This also moves sidecars written with the
//! ids of earlier newstag versions (which numbered same-titled articles in
//! reading order) to today's ids wherever the title is unambiguous.

use super::sidecar::ArticleTags;
use crate::segment::id;
use crate::text::comparison_key;
use std::collections::{HashMap, HashSet};

/// What a saved record can be attached to: one current article of the issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleAnchor {
    pub id: String,
    /// The display title (`Article::display_title`), as written to sidecars.
    pub title: String,
    /// What the id is derived from (`crate::segment::id::anchor`).
    pub anchor: String,
}

impl ArticleAnchor {
    /// The anchor of `article`.
    pub fn of(article: &crate::article::Article) -> ArticleAnchor {
        ArticleAnchor {
            id: article.id.clone(),
            title: article.display_title(),
            anchor: crate::segment::id::anchor(article),
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

/// Attach `records` to `articles` of the issue `issue_key` (`corpus::issue_key`;
/// see the module docs).
pub fn attach(records: Vec<ArticleTags>, articles: &[ArticleAnchor], issue_key: &str) -> Anchored {
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
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        by_key.entry(k.as_str()).or_default().push(i);
    }
    let rest: Vec<(String, ArticleTags)> = rest
        .into_iter()
        .map(|r| (comparison_key(&r.title), r))
        .collect();
    let mut wanted: HashMap<&str, usize> = HashMap::new();
    for (k, _) in &rest {
        *wanted.entry(k.as_str()).or_insert(0) += 1;
    }
    // Each record's article by exact title, by similar title, or none.
    let mut picks: Vec<Option<usize>> = Vec::with_capacity(rest.len());
    let mut similar: Option<SimilarTitles> = None;
    for (key, _) in &rest {
        let pick = match by_key.get(key.as_str()) {
            _ if key.is_empty() => None,
            Some(same) => match same.as_slice() {
                [i] if wanted[key.as_str()] == 1 => Some(*i),
                _ => None,
            },
            None => similar
                .get_or_insert_with(|| SimilarTitles::new(&keys))
                .best(key),
        };
        picks.push(pick.filter(|&i| !used[i]));
    }
    let mut claims = vec![0u32; articles.len()];
    for &i in picks.iter().flatten() {
        claims[i] += 1;
    }
    for ((key, r), pick) in rest.into_iter().zip(picks) {
        match pick {
            Some(i) if claims[i] == 1 && same_article(&r.id, &key, &articles[i], issue_key) => {
                used[i] = true;
                out.moved.push((r.id.clone(), articles[i].id.clone()));
                out.attached.push(settle(r, &articles[i]));
            }
            _ => out.orphans.push(r),
        }
    }
    out
}

/// Whether a record whose id is `id` and title key `key` may be the article `a`
/// found by its title: it opens as the saved article did (the id's check
/// digits), or the record has an id of newstag 0.1, which carries no check.
fn same_article(id: &str, key: &str, a: &ArticleAnchor, issue_key: &str) -> bool {
    let check = id::opening_check(id);
    (check.is_some() && check == id::opening_check(&a.id))
        || id::is_legacy_id(id, issue_key, key)
        || id::is_legacy_id(id, issue_key, &a.anchor)
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

/// The distinct bigrams of `s`, sorted.
fn sorted_bigrams(s: &str) -> Vec<(char, char)> {
    let mut b: Vec<(char, char)> = bigrams(s).into_iter().collect();
    b.sort_unstable();
    b
}

/// The titles of an issue indexed by bigram, to find every title at least
/// [`MIN_SIMILARITY`] similar to a key without comparing it with each one.
///
/// Prefix filtering: a title `y` with Dice(x, y) >= t shares at least
/// t·|x|/(2 − t) of the |x| bigrams of `x`, so it holds one of the
/// |x| − ⌈t·|x|/(2 − t)⌉ + 1 rarest of them. Only their postings (short, being
/// the rarest) are read; each candidate is then scored exactly. The result is
/// the same as scoring every title, in time near-linear in the titles.
struct SimilarTitles {
    bigrams: Vec<Vec<(char, char)>>,
    postings: HashMap<(char, char), Vec<usize>>,
}

impl SimilarTitles {
    fn new(keys: &[String]) -> SimilarTitles {
        let bigrams: Vec<Vec<(char, char)>> = keys.iter().map(|k| sorted_bigrams(k)).collect();
        let mut postings: HashMap<(char, char), Vec<usize>> = HashMap::new();
        for (i, b) in bigrams.iter().enumerate() {
            for g in b {
                postings.entry(*g).or_default().push(i);
            }
        }
        SimilarTitles { bigrams, postings }
    }

    /// The title clearly most similar to `key`: at least [`MIN_SIMILARITY`], and
    /// better by more than 0.1 than every other title.
    fn best(&self, key: &str) -> Option<usize> {
        if key.chars().count() < 4 {
            return None;
        }
        let mut x = sorted_bigrams(key);
        if x.is_empty() {
            return None;
        }
        let need =
            (MIN_SIMILARITY * x.len() as f64 / (2.0 - MIN_SIMILARITY) - 1e-9).ceil() as usize;
        let probe = (x.len() + 1).saturating_sub(need.max(1)).clamp(1, x.len());
        let rarest = {
            let mut by_rarity = x.clone();
            by_rarity.sort_by_key(|g| (self.postings.get(g).map_or(0, Vec::len), *g));
            by_rarity.truncate(probe);
            by_rarity
        };
        let mut candidates: Vec<usize> = rarest
            .iter()
            .filter_map(|g| self.postings.get(g))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        x.dedup();
        let mut scored: Vec<(f64, usize)> = candidates
            .into_iter()
            .map(|i| (dice(&x, &self.bigrams[i]), i))
            .filter(|(s, _)| *s >= MIN_SIMILARITY)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        match scored.as_slice() {
            [(_, i)] => Some(*i),
            [(best, i), (second, _), ..] if best - second > 0.1 => Some(*i),
            _ => None,
        }
    }
}

/// Dice similarity of two sorted, distinct bigram lists.
fn dice(x: &[(char, char)], y: &[(char, char)]) -> f64 {
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
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
                coder: String::new(),
                codebook: 0,
            },
        );
        ArticleTags {
            memo: None,
            id: id.into(),
            title: title.into(),
            tags,
        }
    }

    fn art(id: &str, title: &str) -> ArticleAnchor {
        ArticleAnchor {
            id: id.into(),
            title: title.into(),
            anchor: comparison_key(title),
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
        let a = attach(records, &articles, "k");
        let ids: Vec<_> = a.attached.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["n1", "n2", "n3"]);
        assert_eq!(a.attached[2].title, "湿地公园新添候鸟观测点位");
        assert_eq!(a.orphans.len(), 1);
        assert_eq!(a.orphans[0].id, "gone");
        assert_eq!(a.moved.len(), 2);
    }

    /// Several articles with the record's title: it cannot tell which, so it stays
    /// an orphan rather than guess.
    #[test]
    fn shared_titles_are_never_guessed() {
        let articles = [
            art("p1", "图片新闻"),
            art("p2", "图片新闻"),
            art("n", "其他新闻标题"),
        ];
        let a = attach(vec![rec("old", "图片新闻")], &articles, "k");
        assert!(a.attached.is_empty());
        assert_eq!(a.orphans.len(), 1);
        // Two records for one article with their title: neither is guessed.
        let articles = [art("p1", "图片新闻"), art("n", "其他新闻标题")];
        let a = attach(
            vec![rec("x", "图片新闻"), rec("y", "图片新闻")],
            &articles,
            "k",
        );
        assert!(a.attached.is_empty());
        assert_eq!(a.orphans.len(), 2);
        // A similar title next to two same-titled articles, one claimed by id: a tie.
        let articles = [
            art("p1", "湿地公园新添候鸟观测点"),
            art("p2", "湿地公园新添候鸟观测点"),
        ];
        let a = attach(
            vec![
                rec("p1", "湿地公园新添候鸟观测点"),
                rec("z", "湿地公园新添候鸟观测点位"),
            ],
            &articles,
            "k",
        );
        assert_eq!(a.attached.len(), 1);
        assert_eq!(a.orphans[0].id, "z");
    }

    /// A record with an id of today's form follows a title only to an article
    /// whose id has the same opening check (the last three hex digits); an id of
    /// newstag 0.1 (no check) follows an unambiguous title as before.
    #[test]
    fn a_title_is_followed_only_to_an_article_that_opens_alike() {
        let articles = [art("0000000aa123", "图片新闻")];
        let a = attach(vec![rec("0000000bb456", "图片新闻")], &articles, "k");
        assert_eq!(a.orphans.len(), 1, "another photo's caption: not this one");
        let a = attach(vec![rec("0000000bb123", "图片新闻")], &articles, "k");
        assert_eq!(a.attached.len(), 1, "the body was edited after its opening");
        let legacy = {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            for part in [
                "k".as_bytes(),
                &[0],
                "图片新闻".as_bytes(),
                &[0],
                &2u32.to_le_bytes(),
            ] {
                h.update(part);
            }
            format!("{:012x}", h.digest() >> 16)
        };
        let a = attach(vec![rec(&legacy, "图片新闻")], &articles, "k");
        assert_eq!(a.attached.len(), 1, "a sidecar of newstag 0.1 migrates");
    }

    /// The bigram index finds the same clearly best title as comparing with
    /// every title.
    #[test]
    fn indexed_similar_titles_agree_with_scoring_every_title() {
        let keys: Vec<String> = [
            "湿地公园新添候鸟观测点位",
            "湿地公园新添候鸟观测点",
            "古城墙修缮工程完工",
            "古城墙修缮工程启动",
            "社区网格员走访独居老人",
            "abcdefgh",
            "图片新闻",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let index = SimilarTitles::new(&keys);
        for key in [
            "湿地公园新添候鸟观察点位",
            "古城墙修缮工程完成",
            "社区网格员走访老人",
            "abcdefgx",
            "完全不同的标题文字",
        ] {
            let mut all: Vec<(f64, usize)> = (0..keys.len())
                .map(|i| (similarity(key, &keys[i]), i))
                .filter(|(s, _)| *s >= MIN_SIMILARITY)
                .collect();
            all.sort_by(|a, b| b.0.total_cmp(&a.0));
            let want = match all.as_slice() {
                [(_, i)] => Some(*i),
                [(b, i), (s, _), ..] if b - s > 0.1 => Some(*i),
                _ => None,
            };
            assert_eq!(index.best(key), want, "{key}");
        }
    }

    /// A record never takes an article already claimed by its own id.
    #[test]
    fn title_match_does_not_steal() {
        let articles = [art("n1", "同一标题")];
        let a = attach(
            vec![rec("n1", "同一标题"), rec("x", "同一标题")],
            &articles,
            "k",
        );
        assert_eq!(a.attached.len(), 1);
        assert_eq!(a.orphans.len(), 1);
    }
}

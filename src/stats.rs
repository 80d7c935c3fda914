//! Counts of what has been tagged: articles per tag, per issue and per month, the
//! tagged share and the untagged count. Pure: a corpus and a tag lookup in, numbers
//! out; `newstag stats` and the TUI's stats view draw them.

use crate::article::{Article, Issue};
use crate::corpus::Corpus;
use serde::Serialize;
use std::collections::BTreeMap;

/// The month key of articles whose issue has no date.
pub const UNDATED: &str = "undated";

/// Everything `newstag stats` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub articles: usize,
    /// Articles with at least one tag.
    pub tagged: usize,
    pub untagged: usize,
    /// Every tag of the vocabulary (in its order, even when unused), then any other
    /// tag found on articles, by name.
    pub per_tag: Vec<TagCount>,
    /// Issues in corpus order (`newstag stats` leaves them out without
    /// `--issues`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub per_issue: Vec<IssueCount>,
    /// Months in order (`YYYY-MM`, every month between the first and the last, so a
    /// chart over time has no hidden gaps), then [`UNDATED`] if any.
    pub per_month: Vec<MonthCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagCount {
    pub tag: String,
    pub articles: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssueCount {
    pub issue: String,
    pub date: Option<String>,
    pub articles: usize,
    pub tagged: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthCount {
    pub month: String,
    pub articles: usize,
    pub tagged: usize,
    /// Articles carrying each tag that month (tags with none are left out).
    pub per_tag: BTreeMap<String, usize>,
}

impl Stats {
    /// Share of articles with at least one tag, 0 to 1 (0 for an empty corpus).
    pub fn tagged_share(&self) -> f64 {
        if self.articles == 0 {
            0.0
        } else {
            self.tagged as f64 / self.articles as f64
        }
    }

    /// The count of one tag, 0 when unknown.
    pub fn tag_count(&self, tag: &str) -> usize {
        self.per_tag
            .iter()
            .find(|t| t.tag == tag)
            .map_or(0, |t| t.articles)
    }
}

/// Count the articles of `corpus` by the tags `tags_of` gives them.
pub fn compute(
    corpus: &Corpus,
    vocabulary: &[String],
    tags_of: &dyn Fn(&Issue, &Article) -> Vec<String>,
) -> Stats {
    compute_over(
        corpus.issues.iter().map(|issue| {
            let tagged = issue.articles.iter().map(|a| tags_of(issue, a)).collect();
            (issue, tagged)
        }),
        vocabulary,
    )
}

/// Like [`compute`], over chosen issues, each with the tags of the chosen articles
/// (one entry per article; a filtered view passes only its articles).
pub fn compute_over<'a>(
    issues: impl Iterator<Item = (&'a Issue, Vec<Vec<String>>)>,
    vocabulary: &[String],
) -> Stats {
    let mut per_tag: BTreeMap<String, usize> = BTreeMap::new();
    let mut months: BTreeMap<String, MonthCount> = BTreeMap::new();
    let mut per_issue = Vec::new();
    let (mut articles, mut tagged) = (0, 0);
    for (issue, chosen) in issues {
        let month = issue
            .date
            .as_deref()
            .and_then(month_of)
            .unwrap_or_else(|| UNDATED.to_string());
        let mut issue_count = IssueCount {
            issue: issue.rel.clone(),
            date: issue.date.clone(),
            articles: 0,
            tagged: 0,
        };
        let month_count = months.entry(month.clone()).or_insert_with(|| MonthCount {
            month,
            articles: 0,
            tagged: 0,
            per_tag: BTreeMap::new(),
        });
        for mut tags in chosen {
            tags.sort();
            tags.dedup();
            articles += 1;
            issue_count.articles += 1;
            month_count.articles += 1;
            if !tags.is_empty() {
                tagged += 1;
                issue_count.tagged += 1;
                month_count.tagged += 1;
            }
            for t in tags {
                *month_count.per_tag.entry(t.clone()).or_default() += 1;
                *per_tag.entry(t).or_default() += 1;
            }
        }
        per_issue.push(issue_count);
    }
    let mut tag_counts: Vec<TagCount> = Vec::new();
    for name in vocabulary {
        if !tag_counts.iter().any(|t| &t.tag == name) {
            tag_counts.push(TagCount {
                tag: name.clone(),
                articles: per_tag.get(name).copied().unwrap_or(0),
            });
        }
    }
    for (name, n) in per_tag {
        if !vocabulary.contains(&name) {
            tag_counts.push(TagCount {
                tag: name,
                articles: n,
            });
        }
    }
    Stats {
        articles,
        tagged,
        untagged: articles - tagged,
        per_tag: tag_counts,
        per_issue,
        per_month: fill_months(months),
    }
}

/// `YYYY-MM` of a `YYYY-MM-DD` date, None when it is not one.
fn month_of(date: &str) -> Option<String> {
    let (y, m) = parse_month(date.get(..7)?)?;
    Some(format!("{y:04}-{m:02}"))
}

fn parse_month(s: &str) -> Option<(u32, u32)> {
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let (y, m) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

/// The months in order with empty months inserted between the first and the last,
/// undated last.
fn fill_months(mut months: BTreeMap<String, MonthCount>) -> Vec<MonthCount> {
    let undated = months.remove(UNDATED);
    let mut out = Vec::new();
    let keys: Vec<(u32, u32)> = months.keys().filter_map(|k| parse_month(k)).collect();
    if let (Some(&first), Some(&last)) = (keys.first(), keys.last()) {
        let (mut y, mut m) = first;
        // Bounded: at most one step per month between two four-digit years.
        while (y, m) <= last {
            let key = format!("{y:04}-{m:02}");
            out.push(months.remove(&key).unwrap_or(MonthCount {
                month: key,
                articles: 0,
                tagged: 0,
                per_tag: BTreeMap::new(),
            }));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
    }
    out.extend(undated);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn article(id: &str) -> Article {
        Article {
            id: id.into(),
            ..Article::default()
        }
    }

    fn corpus() -> Corpus {
        let issue = |rel: &str, date: Option<&str>, ids: &[&str]| Issue {
            rel: rel.into(),
            date: date.map(String::from),
            articles: ids.iter().map(|i| article(i)).collect(),
            ..Issue::default()
        };
        Corpus {
            issues: vec![
                issue("a.txt", Some("2024-01-05"), &["a1", "a2", "a3"]),
                issue("b.txt", Some("2024-03-09"), &["b1", "b2"]),
                issue("c.txt", None, &["c1"]),
            ],
            ..Corpus::default()
        }
    }

    /// Counts per tag, issue and month match the tags given, with empty months shown.
    #[test]
    fn counts_per_tag_issue_and_month() {
        let tags: HashMap<&str, Vec<&str>> = HashMap::from([
            ("a1", vec!["governance", "heritage"]),
            ("a2", vec!["governance"]),
            ("b2", vec!["自定义"]),
            ("c1", vec!["heritage"]),
        ]);
        let lookup = |_: &Issue, a: &Article| -> Vec<String> {
            tags.get(a.id.as_str())
                .map(|v| v.iter().map(|s| s.to_string()).collect())
                .unwrap_or_default()
        };
        let vocab = ["governance", "heritage", "environment"].map(String::from);
        let s = compute(&corpus(), &vocab, &lookup);
        assert_eq!((s.articles, s.tagged, s.untagged), (6, 4, 2));
        assert!((s.tagged_share() - 4.0 / 6.0).abs() < 1e-9);
        let per_tag: Vec<(&str, usize)> = s
            .per_tag
            .iter()
            .map(|t| (t.tag.as_str(), t.articles))
            .collect();
        assert_eq!(
            per_tag,
            [
                ("governance", 2),
                ("heritage", 2),
                ("environment", 0),
                ("自定义", 1)
            ]
        );
        let per_issue: Vec<(usize, usize)> =
            s.per_issue.iter().map(|i| (i.articles, i.tagged)).collect();
        assert_eq!(per_issue, [(3, 2), (2, 1), (1, 1)]);
        let months: Vec<(&str, usize, usize)> = s
            .per_month
            .iter()
            .map(|m| (m.month.as_str(), m.articles, m.tagged))
            .collect();
        assert_eq!(
            months,
            [
                ("2024-01", 3, 2),
                ("2024-02", 0, 0),
                ("2024-03", 2, 1),
                (UNDATED, 1, 1)
            ]
        );
        assert_eq!(s.per_month[0].per_tag["governance"], 2);
    }

    /// An empty corpus gives zeros, not a division by zero.
    #[test]
    fn empty_corpus_is_all_zero() {
        let s = compute(&Corpus::default(), &[], &|_, _| Vec::new());
        assert_eq!((s.articles, s.tagged, s.untagged), (0, 0, 0));
        assert_eq!(s.tagged_share(), 0.0);
        assert!(s.per_month.is_empty());
    }
}

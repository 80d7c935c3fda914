//! Stories across pages: a part ending `（下转第3版）` and the part of page 3 of the
//! same day opening `（上接第一版）` are one story, counted, tagged and exported
//! once.
//!
//! - [`jump`]: jump lines read by their grammar.
//! - [`Stories::link`]: parts linked within the issues of one date (from the path
//!   or the header), page to page, several jumps in a row making one chain; when
//!   a page has several candidates, the one sharing most wording wins. A part
//!   whose other page is not in the corpus stands alone, with a note saying so.

pub mod jump;

use crate::article::{Article, ArticleAt, Issue};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The stories of a corpus that have more than one part.
#[derive(Debug, Clone, Default)]
pub struct Stories {
    /// Each story's parts in reading order.
    pub stories: Vec<Vec<ArticleAt>>,
    /// Part -> (story, 1-based part number).
    place: HashMap<ArticleAt, (usize, usize)>,
    /// Parts whose jump leads nowhere in the corpus, and why.
    notes: HashMap<ArticleAt, String>,
    /// The issues linked: see [`Stories::are_of`].
    from: LinkedFrom,
}

/// The issues stories were linked from, by their articles (shared, not
/// copied): every cut, correction or recut of an issue replaces its articles
/// with new ones, so issues holding these same articles, in this order, are
/// those issues.
#[derive(Clone, Default)]
struct LinkedFrom(Vec<Arc<[Article]>>);

/// Only how many issues: their articles are the whole corpus.
impl std::fmt::Debug for LinkedFrom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LinkedFrom({} issues)", self.0.len())
    }
}

impl LinkedFrom {
    fn of(issues: &[Issue]) -> LinkedFrom {
        LinkedFrom(issues.iter().map(|i| Arc::clone(&i.articles)).collect())
    }

    fn is_of(&self, issues: &[Issue]) -> bool {
        self.0.len() == issues.len()
            && (self.0.iter().zip(issues)).all(|(a, i)| Arc::ptr_eq(a, &i.articles))
    }
}

/// A story link made by hand (`newstag story link` / `unlink`, kept as a
/// `[[correction]]` of the part's issue): parts named by issue and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManualLink {
    /// The part `from` goes on in the part `to`.
    Link {
        from: (String, String),
        to: (String, String),
    },
    /// The part stands alone.
    Unlink((String, String)),
}

/// The story links made by hand in the sidecars of `issues` (as
/// [`crate::correct::file::on_load`] reads them), oldest first. Only the
/// sidecars of the issues that may have one are read
/// ([`crate::cache::sidecars::may_have_sidecars`]), not two failed lookups
/// per issue (200,000 on 100,000 issues).
pub fn manual_links(issues: &[Issue]) -> Vec<ManualLink> {
    use crate::correct::Op;
    let mut found: Vec<(String, ManualLink)> = Vec::new();
    let sidecar_dir = crate::correct::file::sidecar_dir();
    for issue in crate::cache::sidecars::may_have_sidecars(issues, sidecar_dir.as_deref()) {
        for c in crate::correct::file::on_load(&issue.path, &issue.rel) {
            let part = (issue.rel.clone(), c.id.clone());
            let link = match c.op {
                Some(Op::Link) => ManualLink::Link {
                    from: part,
                    to: (c.to_issue.clone(), c.to_id.clone()),
                },
                Some(Op::Unlink) => ManualLink::Unlink(part),
                _ => continue,
            };
            found.push((c.at, link));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.into_iter().map(|(_, l)| l).collect()
}

impl Stories {
    /// Link the parts of `issues` (see the module docs), with the links made by
    /// hand in their sidecars.
    pub fn link(issues: &[Issue]) -> Stories {
        Stories::link_with(issues, &manual_links(issues))
    }

    /// Link the parts of `issues` by their jump lines, then apply `manual`
    /// in order: a link by hand replaces whatever linked its two parts, an
    /// unlink leaves its part alone. A link whose part is not among `issues`
    /// is skipped.
    pub fn link_with(issues: &[Issue], manual: &[ManualLink]) -> Stories {
        use rayon::prelude::*;
        // Per issue, its articles with a jump line (few have one: a record for
        // each of a million articles was most of linking them).
        let jumps: Vec<Vec<(usize, jump::Jumps)>> = issues
            .par_iter()
            .map(|i| {
                (i.articles.iter().enumerate())
                    .filter_map(|(a, article)| {
                        let j = jump::jumps_of(article);
                        (j.back.is_some() || j.onward.is_some()).then_some((a, j))
                    })
                    .collect()
            })
            .collect();
        let mut by_date: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut notes: HashMap<ArticleAt, String> = HashMap::new();
        for (i, issue) in issues.iter().enumerate() {
            match issue.date.as_deref() {
                Some(d) => by_date.entry(d).or_default().push(i),
                None => {
                    for &(a, ref j) in &jumps[i] {
                        if let Some(p) = j.onward.as_ref().or(j.back.as_ref()) {
                            notes.insert(
                                ArticleAt::new(i, a),
                                format!(
                                    "jumps to page {p}, but the issue's date is unknown: \
                                     not linked"
                                ),
                            );
                        }
                    }
                }
            }
        }
        let mut next: HashMap<ArticleAt, ArticleAt> = HashMap::new();
        let mut dates: Vec<&&str> = by_date.keys().collect();
        dates.sort();
        for date in dates {
            let group = &by_date[*date];
            let mut pages: HashMap<String, Vec<usize>> = HashMap::new();
            for &i in group {
                if let Some(p) = &issues[i].page {
                    pages.entry(jump::normalise_page(p)).or_default().push(i);
                }
            }
            let mut claimed: HashSet<ArticleAt> = HashSet::new();
            for &i in group {
                let from_page = issues[i].page.as_deref().map(jump::normalise_page);
                for &(a, ref j) in &jumps[i] {
                    let Some(to) = &j.onward else { continue };
                    let Some(targets) = pages.get(to) else {
                        notes.insert(
                            ArticleAt::new(i, a),
                            format!("continued on page {to}, which is not in the corpus"),
                        );
                        continue;
                    };
                    let here = ArticleAt::new(i, a);
                    let candidates: Vec<ArticleAt> = targets
                        .iter()
                        .flat_map(|&t| {
                            (jumps[t].iter())
                                .filter(|(_, j)| {
                                    j.back
                                        .as_ref()
                                        .is_some_and(|p| from_page.as_ref() == Some(p))
                                })
                                .map(move |&(b, _)| ArticleAt::new(t, b))
                        })
                        .filter(|&there| there != here && !claimed.contains(&there))
                        .collect();
                    // Wording decides only between two or more candidates.
                    let best = match candidates.as_slice() {
                        [] => None,
                        [only] => Some((0, *only)),
                        _ => {
                            let words_here = bigrams(&issues[i].articles[a]);
                            candidates
                                .iter()
                                .map(|&there| {
                                    let words_there =
                                        bigrams(&issues[there.issue].articles[there.article]);
                                    (words_here.intersection(&words_there).count(), there)
                                })
                                .max_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)))
                        }
                    };
                    match best {
                        Some((_, there)) => {
                            claimed.insert(there);
                            next.insert(here, there);
                        }
                        None => {
                            notes.insert(
                                here,
                                format!(
                                    "continued on page {to}, but no part there says it \
                                     continues from page {}",
                                    from_page.as_deref().unwrap_or("?")
                                ),
                            );
                        }
                    }
                }
            }
            // Back jumps no part of the day leads to.
            for &i in group {
                for &(a, ref j) in &jumps[i] {
                    let Some(from) = &j.back else { continue };
                    let here = ArticleAt::new(i, a);
                    if claimed.contains(&here) {
                        continue;
                    }
                    let why = if pages.contains_key(from) {
                        format!("continued from page {from}, but no part there jumps to this page")
                    } else {
                        format!("continued from page {from}, which is not in the corpus")
                    };
                    notes.entry(here).or_insert(why);
                }
            }
        }
        let find = |(rel, id): &(String, String)| -> Option<ArticleAt> {
            let i = issues.iter().position(|i| &i.rel == rel)?;
            let a = issues[i].articles.iter().position(|a| &a.id == id)?;
            Some(ArticleAt::new(i, a))
        };
        for m in manual {
            match m {
                ManualLink::Link { from, to } => {
                    if let (Some(a), Some(b)) = (find(from), find(to))
                        && a != b
                    {
                        next.retain(|k, v| *k != a && *v != b);
                        next.insert(a, b);
                        notes.remove(&a);
                        notes.remove(&b);
                    }
                }
                ManualLink::Unlink(part) => {
                    if let Some(x) = find(part) {
                        next.retain(|k, v| *k != x && *v != x);
                        notes.insert(x, "unlinked by hand: stands alone".to_string());
                    }
                }
            }
        }
        let targets: HashSet<ArticleAt> = next.values().copied().collect();
        let mut starts: Vec<ArticleAt> = next
            .keys()
            .copied()
            .filter(|k| !targets.contains(k))
            .collect();
        starts.sort();
        let mut stories = Vec::new();
        let mut place = HashMap::new();
        for start in starts {
            let mut parts = vec![start];
            let mut seen: HashSet<ArticleAt> = HashSet::from([start]);
            let mut at = start;
            while let Some(&n) = next.get(&at) {
                if !seen.insert(n) {
                    break;
                }
                parts.push(n);
                at = n;
            }
            for (k, &p) in parts.iter().enumerate() {
                place.insert(p, (stories.len(), k + 1));
            }
            stories.push(parts);
        }
        Stories {
            stories,
            place,
            notes,
            from: LinkedFrom::of(issues),
        }
    }

    /// True when these are the stories of `issues` as they are: linked from
    /// them, and none of them cut again or corrected since (however it was
    /// changed: no caller has to say so).
    pub fn are_of(&self, issues: &[Issue]) -> bool {
        self.from.is_of(issues)
    }

    /// The story `at` is a part of (its parts) and its 1-based part number, when the
    /// story has more than one part.
    pub fn story_of(&self, at: ArticleAt) -> Option<(&[ArticleAt], usize)> {
        self.place
            .get(&at)
            .map(|&(s, part)| (self.stories[s].as_slice(), part))
    }

    /// The parts whose tags are `at`'s: every part of its story, or itself alone.
    /// A tag set on any part is the story's.
    pub fn members(&self, at: ArticleAt) -> Vec<ArticleAt> {
        self.story_of(at)
            .map_or_else(|| vec![at], |(parts, _)| parts.to_vec())
    }

    /// True when `at` is a second or later part: counted with its first part.
    pub fn is_later_part(&self, at: ArticleAt) -> bool {
        self.place.get(&at).is_some_and(|&(_, part)| part > 1)
    }

    /// Why the jump of `at` links to nothing, when it has one that does not.
    pub fn note(&self, at: ArticleAt) -> Option<&str> {
        self.notes.get(&at).map(String::as_str)
    }

    /// The whole story starting at `first` as one article: the first part with the
    /// paragraphs of the later parts after its own. `None` when `first` is not
    /// the first part of a story.
    pub fn whole(&self, issues: &[Issue], first: ArticleAt) -> Option<Article> {
        let (parts, 1) = self.story_of(first)? else {
            return None;
        };
        let mut whole = issues[first.issue].articles[first.article].clone();
        for part in &parts[1..] {
            whole.paragraphs.extend(
                issues[part.issue].articles[part.article]
                    .paragraphs
                    .iter()
                    .cloned(),
            );
        }
        Some(whole)
    }

    /// The pages of the story `at` belongs to, in order (`1+3`), or `None`.
    pub fn pages(&self, issues: &[Issue], at: ArticleAt) -> Option<String> {
        let (parts, _) = self.story_of(at)?;
        Some(
            parts
                .iter()
                .map(|part| {
                    issues[part.issue]
                        .page
                        .clone()
                        .unwrap_or_else(|| "?".into())
                })
                .collect::<Vec<_>>()
                .join("+"),
        )
    }
}

/// The character bigrams of an article's text (its first 2,000 Han
/// characters): two parts of one story share many.
fn bigrams(x: &Article) -> HashSet<(char, char)> {
    let text: Vec<char> = std::iter::once(x.title.as_str())
        .chain(x.paragraphs.iter().map(String::as_str))
        .flat_map(str::chars)
        .filter(|c| crate::text::is_han(*c))
        .take(2000)
        .collect();
    text.windows(2).map(|w| (w[0], w[1])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn issue(date: &str, page: &str, articles: Vec<Article>) -> Issue {
        Issue {
            rel: format!("{date}_{page}.txt"),
            date: Some(date.into()),
            page: Some(page.into()),
            articles: Arc::from(articles),
            ..Issue::default()
        }
    }

    fn part(title: &str, body: &[&str]) -> Article {
        Article {
            id: title.into(),
            title: title.into(),
            paragraphs: body.iter().map(|s| s.to_string()).collect(),
            ..Article::default()
        }
    }

    /// Two parts of one day are one story; the same jump on another day, or to a
    /// page not in the corpus, is not, and says so.
    #[test]
    fn parts_link_within_one_date() {
        let issues = vec![
            issue(
                "2024-06-18",
                "1",
                vec![
                    part("老街新貌", &["老街改造完工。（下转第3版）"]),
                    part("春耕", &["春耕备耕。（下转第5版）"]),
                ],
            ),
            issue(
                "2024-06-18",
                "03",
                vec![
                    part("图书馆", &["夜间自习室。"]),
                    part("", &["（上接第一版）", "老街改造修缮历史建筑。"]),
                ],
            ),
            issue(
                "2024-06-19",
                "3",
                vec![part("", &["（上接第一版）", "别的一天。"])],
            ),
        ];
        let s = Stories::link(&issues);
        assert_eq!(
            s.stories,
            vec![vec![ArticleAt::new(0, 0), ArticleAt::new(1, 1)]]
        );
        assert_eq!(s.story_of(ArticleAt::new(1, 1)).map(|(_, n)| n), Some(2));
        assert!(s.is_later_part(ArticleAt::new(1, 1)));
        assert!(!s.is_later_part(ArticleAt::new(0, 0)));
        assert!(
            s.note(ArticleAt::new(0, 1))
                .unwrap()
                .contains("page 5, which is not in the corpus")
        );
        assert!(
            s.note(ArticleAt::new(2, 0))
                .unwrap()
                .contains("page 1, which is not in the corpus")
        );
        let whole = s.whole(&issues, ArticleAt::new(0, 0)).unwrap();
        assert_eq!(whole.paragraphs.len(), 3);
        assert_eq!(
            s.pages(&issues, ArticleAt::new(1, 1)).as_deref(),
            Some("1+03")
        );
    }

    /// With two stories jumping to the same page, each finds the part that shares
    /// its wording.
    #[test]
    fn wording_decides_between_parts() {
        let issues = vec![
            issue(
                "2024-06-18",
                "1",
                vec![
                    part("老街改造", &["老街改造完工。（下转第3版）"]),
                    part("春耕备耕", &["春耕备耕正当时。（下转第3版）"]),
                ],
            ),
            issue(
                "2024-06-18",
                "3",
                vec![
                    part("", &["（上接第一版）", "春耕备耕的农民说。"]),
                    part("", &["（上接第一版）", "老街改造的居民说。"]),
                ],
            ),
        ];
        let s = Stories::link(&issues);
        assert_eq!(
            s.stories,
            vec![
                vec![ArticleAt::new(0, 0), ArticleAt::new(1, 1)],
                vec![ArticleAt::new(0, 1), ArticleAt::new(1, 0)]
            ]
        );
    }
}

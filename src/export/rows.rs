//! What an export holds, the same for `newstag export` and the TUI's export
//! dialog: whose decisions ([`Whose`]: every coder's, the settled ones, one
//! coder's; gathered as [`ArticleDecisions`]) and which rows ([`gather`]: the
//! articles chosen, a story across pages once).

use super::{ExportFormat, ExportRecord, ExportTag, memos_in_store, settled_tags, tags_in_store};
use crate::article::ArticleAt;
use crate::article::Issue;
use crate::corpus::Corpus;
use crate::story::Stories;
use crate::tags::team::Team;
use crate::tags::{Memo, TagStore};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Whose decisions an export carries (`--decisions`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Whose {
    /// Every coder's tags together, as the session shows them (yours alone
    /// when blind).
    #[default]
    All,
    /// Each article's settled decision: its adjudication, else what its
    /// coders agree on; an article still in dispute gets none.
    Settled,
    /// One coder's decisions alone.
    Coder(String),
}

impl Whose {
    /// `all`, `settled` or a coder's name (`None`: all).
    pub fn parse(arg: Option<&str>) -> Result<Whose, String> {
        Ok(match arg.map(str::trim) {
            None | Some("all") => Whose::All,
            Some("settled") => Whose::Settled,
            Some(name) => {
                if let Some(why) = crate::tags::team::bad_coder_name(name) {
                    return Err(format!("--decisions: {why}"));
                }
                Whose::Coder(name.to_string())
            }
        })
    }

    /// As `--decisions` takes it: `all`, `settled` or the coder's name.
    pub fn as_str(&self) -> &str {
        match self {
            Whose::All => "all",
            Whose::Settled => "settled",
            Whose::Coder(name) => name,
        }
    }
}

/// What each article of an issue has, by issue and id: looked up by the two
/// names as they are, no key made (an export looks up every article twice).
type ByArticle<T> = HashMap<String, HashMap<String, T>>;

/// `by`'s entries, keyed by (issue, id), by issue then id.
fn by_article<T>(by: HashMap<(String, String), T>) -> ByArticle<T> {
    let mut out: ByArticle<T> = HashMap::new();
    for ((rel, id), t) in by {
        out.entry(rel).or_default().insert(id, t);
    }
    out
}

/// The tags and memos each article carries in an export, by (issue, id).
#[derive(Debug, Clone, Default)]
pub struct ArticleDecisions {
    tags: ByArticle<Vec<ExportTag>>,
    memos: ByArticle<Vec<Memo>>,
    /// Articles still in dispute (settled decisions only): exported without
    /// tags.
    pub waiting: usize,
}

impl ArticleDecisions {
    /// The tags and memos of the articles of `issues` as `store` shows them.
    pub fn shown(issues: &[Issue], store: &TagStore) -> ArticleDecisions {
        let mut out = ArticleDecisions::default();
        for issue in issues {
            for article in issue.articles.iter() {
                let tags = tags_in_store(store, issue, article);
                if !tags.is_empty() {
                    (out.tags.entry(issue.rel.clone()).or_default())
                        .insert(article.id.clone(), tags);
                }
                let memos = memos_in_store(store, issue, article);
                if !memos.is_empty() {
                    (out.memos.entry(issue.rel.clone()).or_default())
                        .insert(article.id.clone(), memos);
                }
            }
        }
        out
    }

    /// These decisions (as the session shows them) for `whose`: as they are
    /// ([`Whose::All`]), the settled decisions' tags with the memos shown
    /// ([`Whose::Settled`]), or the coder's own tags and memos
    /// ([`Whose::Coder`]). The last two read the team's sidecars of `corpus`.
    /// Fails for a coder without any decision, and for settled decisions when
    /// blind (they weigh every coder's).
    pub fn of(
        self,
        corpus: &Corpus,
        team: &Team,
        whose: &Whose,
    ) -> Result<ArticleDecisions, String> {
        match whose {
            Whose::All => Ok(self),
            Whose::Settled => {
                if team.blind {
                    return Err("--decisions settled weighs every coder's decisions: \
                         leave out --blind (team.blind)"
                        .to_string());
                }
                let no_topic = crate::suggest::NO_TOPIC;
                let units = crate::tags::adjudicate::units(
                    &team.decisions(corpus),
                    &team.adjudications(corpus),
                    &[no_topic.to_string()],
                    None,
                );
                let (tags, waiting) = settled_tags(&units, no_topic);
                Ok(ArticleDecisions {
                    tags: by_article(tags),
                    memos: self.memos,
                    waiting,
                })
            }
            Whose::Coder(name) => {
                let decisions = team.decisions(corpus);
                if !decisions.iter().any(|d| &d.coder == name) {
                    let mut coders: Vec<&str> = decisions
                        .iter()
                        .map(|d| d.coder.as_str())
                        .filter(|c| !c.is_empty())
                        .collect();
                    coders.sort();
                    coders.dedup();
                    return Err(format!(
                        "no decision by a coder named \"{}\" (coders: {})",
                        name.escape_debug(),
                        if coders.is_empty() {
                            "none named".to_string()
                        } else {
                            coders.join(", ")
                        }
                    ));
                }
                let mut theirs = team.clone();
                theirs.coder = name.clone();
                theirs.blind = true;
                Ok(ArticleDecisions::shown(
                    &corpus.issues,
                    &theirs.open(corpus),
                ))
            }
        }
    }

    /// The tags of article `id` of `issue`.
    fn tags_of(&self, issue: &Issue, id: &str) -> &[ExportTag] {
        (self.tags.get(&issue.rel))
            .and_then(|by_id| by_id.get(id))
            .map_or(&[], Vec::as_slice)
    }

    /// The memos of article `id` of `issue`.
    fn memos_of(&self, issue: &Issue, id: &str) -> Vec<Memo> {
        (self.memos.get(&issue.rel))
            .and_then(|by_id| by_id.get(id))
            .cloned()
            .unwrap_or_default()
    }
}

/// One row of [`ExportRows`]: the article `at` (a place in
/// [`ExportRows::issues`]), with its tags and memos.
#[derive(Debug, Clone, PartialEq)]
pub struct RowAt {
    pub at: ArticleAt,
    pub tags: Vec<ExportTag>,
    pub memos: Vec<Memo>,
}

/// The rows of an export, owned so they can be written on any thread: the
/// issues they come from (sharing their articles: a clone is cheap) and the
/// rows.
#[derive(Debug, Clone, Default)]
pub struct ExportRows {
    pub issues: Vec<Issue>,
    pub rows: Vec<RowAt>,
}

impl ExportRows {
    /// The rows as the writers take them.
    pub fn records(&self) -> Vec<ExportRecord<'_>> {
        self.rows
            .iter()
            .filter_map(|r| {
                let (issue, article) = r.at.find(&self.issues)?;
                Some(ExportRecord {
                    issue,
                    article,
                    tags: r.tags.clone(),
                    memos: r.memos.clone(),
                })
            })
            .collect()
    }
}

/// Which rows an export of `format` holds, in corpus order: the articles of
/// `issues` (only those in `only`, when given; only tagged ones with
/// `tagged_only`), each with its tags and memos from `decided`.
///
/// A story across pages (`stories`) is one row: its first part, holding the
/// paragraphs of every part, in a copy of its issue whose page lists the
/// story's pages (`1+3`), with the tags of all its parts (the first part that
/// has a tag tells how it was set); it is kept when any of its parts is in
/// `only`. A TOML dump, a backup of each article's own tags, has a row for
/// every part.
pub fn gather(
    issues: &[Issue],
    stories: &Stories,
    decided: &ArticleDecisions,
    format: ExportFormat,
    only: Option<&HashSet<ArticleAt>>,
    tagged_only: bool,
) -> ExportRows {
    let no_stories = Stories::default();
    let stories = if format == ExportFormat::Toml {
        &no_stories
    } else {
        stories
    };
    let mut out = ExportRows {
        issues: issues.to_vec(),
        rows: Vec::new(),
    };
    for (i, issue) in issues.iter().enumerate() {
        for (a, article) in issue.articles.iter().enumerate() {
            let here = ArticleAt::new(i, a);
            // Its story's parts, or itself alone (no list made per article);
            // a later part is its story's first part's row.
            let story = stories.story_of(here);
            if story.is_some_and(|(_, part)| part > 1) {
                continue;
            }
            let parts = story.map_or(std::slice::from_ref(&here), |(parts, _)| parts);
            if only.is_some_and(|only| !parts.iter().any(|p| only.contains(p))) {
                continue;
            }
            let tags = if parts.len() > 1 {
                let mut tags: Vec<ExportTag> = Vec::new();
                for part in parts {
                    let Some(part) = part.find(issues) else {
                        continue;
                    };
                    for t in decided.tags_of(part.0, &part.1.id) {
                        if !tags.iter().any(|x| x.name == t.name) {
                            tags.push(t.clone());
                        }
                    }
                }
                tags.sort_by(|a, b| a.name.cmp(&b.name));
                tags
            } else {
                decided.tags_of(issue, &article.id).to_vec()
            };
            if tagged_only && tags.is_empty() {
                continue;
            }
            let memos = decided.memos_of(issue, &article.id);
            let whole = story.and_then(|_| stories.whole(issues, here));
            let at = match whole {
                Some(whole) => {
                    let mut copy = issue.clone();
                    copy.page = stories.pages(issues, here);
                    copy.articles = Arc::from(vec![whole]);
                    out.issues.push(copy);
                    ArticleAt::new(out.issues.len() - 1, 0)
                }
                None => here,
            };
            out.rows.push(RowAt { at, tags, memos });
        }
    }
    out
}

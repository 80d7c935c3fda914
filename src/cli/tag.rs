//! `newstag tag PATH ID... +governance -heritage !environment`: change tags from the
//! command line (or `--query QUERY` for every article a search returns).

use crate::article::ArticleAt;
use crate::config::Config;
use crate::corpus::Corpus;
use crate::search::{Matcher, SearchIndex};
use crate::tags::{Source, Target};
use crate::text::escape_controls;
use anyhow::bail;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct TagArgs {
    /// Corpus folder or issue file.
    pub path: PathBuf,
    /// Article ids (from `newstag articles`) and tag changes: `+TAG` adds, `-TAG`
    /// removes, `!TAG` toggles (removes when every article has it, else adds it
    /// where missing). Quote names with spaces: `+"交通 出行"`.
    #[arg(allow_hyphen_values = true, value_name = "ID|+TAG|-TAG|!TAG")]
    pub items: Vec<String>,
    /// Change every article this search returns instead of listed ids.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
    /// Print how many and which articles would change, change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Change more articles than `ui.confirm_bulk_over` without asking.
    #[arg(long)]
    pub yes: bool,
    /// Change at most this many articles; refuse (change nothing) when more match.
    #[arg(long, value_name = "N")]
    pub max: Option<usize>,
}

/// One tag change asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Op {
    Add(String),
    Remove(String),
    Toggle(String),
}

impl Op {
    fn tag(&self) -> &str {
        match self {
            Op::Add(t) | Op::Remove(t) | Op::Toggle(t) => t,
        }
    }
}

/// Split the items into ids and tag changes, taking out `--dry-run` and
/// `--query Q` written among them (clap hands everything after PATH over, since
/// `-heritage` must be read as a value).
fn parse_items(items: &[String], args: &mut TagArgs) -> anyhow::Result<(Vec<String>, Vec<Op>)> {
    let mut ids = Vec::new();
    let mut ops = Vec::new();
    let mut rest = items.iter();
    while let Some(item) = rest.next() {
        if item == "--dry-run" {
            args.dry_run = true;
            continue;
        }
        if item == "--yes" {
            args.yes = true;
            continue;
        }
        if let Some(n) = item.strip_prefix("--max=") {
            args.max = Some(parse_max(n)?);
            continue;
        }
        if item == "--max" {
            match rest.next() {
                Some(n) => args.max = Some(parse_max(n)?),
                None => bail!("--max needs a number"),
            }
            continue;
        }
        if let Some(q) = item.strip_prefix("--query=") {
            args.query = Some(q.to_string());
            continue;
        }
        if item == "--query" {
            match rest.next() {
                Some(q) => args.query = Some(q.clone()),
                None => bail!("--query needs a QUERY"),
            }
            continue;
        }
        if item.starts_with("--") {
            bail!("unknown option \"{item}\" (tag names cannot start with \"-\")");
        }
        let (op, rest): (fn(String) -> Op, &str) = if let Some(r) = item.strip_prefix('+') {
            (Op::Add, r)
        } else if let Some(r) = item.strip_prefix('-') {
            (Op::Remove, r)
        } else if let Some(r) = item.strip_prefix('!') {
            (Op::Toggle, r)
        } else {
            ids.push(item.trim().to_string());
            continue;
        };
        let name = rest.trim();
        if name.is_empty() {
            bail!("\"{item}\": a tag name must follow {}", &item[..1]);
        }
        ops.push(op(name.to_string()));
    }
    Ok((ids, ops))
}

fn parse_max(n: &str) -> anyhow::Result<usize> {
    n.trim()
        .parse()
        .map_err(|_| anyhow::anyhow!("--max takes a number of articles, not \"{n}\""))
}

/// Take the global `--coder NAME` and `--blind` out of `items` (written after
/// the ids, clap hands them over as items) into `config`.
pub(super) fn take_team_flags(items: &mut Vec<String>, config: &mut Config) -> anyhow::Result<()> {
    let mut kept = Vec::with_capacity(items.len());
    let mut rest = std::mem::take(items).into_iter();
    while let Some(item) = rest.next() {
        if item == "--blind" {
            config.team.blind = true;
        } else if let Some(name) = item.strip_prefix("--coder=") {
            config.team.coder = name.to_string();
        } else if item == "--coder" {
            match rest.next() {
                Some(name) => config.team.coder = name,
                None => bail!("--coder needs a NAME"),
            }
        } else {
            kept.push(item);
        }
    }
    *items = kept;
    Ok(())
}

pub fn run(config: &Config, mut args: TagArgs) -> anyhow::Result<ExitCode> {
    let mut items = std::mem::take(&mut args.items);
    let mut config = config.clone();
    take_team_flags(&mut items, &mut config)?;
    let config = &config;
    let (ids, ops) = parse_items(&items, &mut args)?;
    if ops.is_empty() && !args.dry_run {
        bail!("no tag change given: add +TAG, -TAG or !TAG");
    }
    for op in &ops {
        if !matches!(op, Op::Remove(_))
            && config.tag(op.tag()).is_none()
            && op.tag() != crate::suggest::NO_TOPIC
        {
            let known: Vec<&str> = config.tags.iter().map(|t| t.name.as_str()).collect();
            bail!(
                "unknown tag \"{}\" (known: {}); add it to the config or in the TUI first",
                op.tag(),
                known.join(", ")
            );
        }
    }
    if let Some(q) = &args.query
        && q.trim().is_empty()
    {
        bail!("--query is empty: it would match every article; give a query (or list ids)");
    }
    match (&args.query, ids.is_empty()) {
        (Some(_), false) => bail!("give article ids or --query, not both"),
        (None, true) => bail!("no article given: list ids or use --query QUERY"),
        _ => {}
    }
    let corpus = super::open_corpus(config, Some(&args.path))?;
    let targets: Vec<ArticleAt> = match &args.query {
        Some(q) => query_targets(&corpus, q, config)?,
        None => id_targets(&corpus, &ids)?,
    };
    if !args.dry_run {
        if let Some(max) = args.max
            && targets.len() > max
        {
            bail!(
                "{} articles match, more than --max {max}: nothing changed (--dry-run lists them)",
                targets.len()
            );
        }
        let over = config.ui.confirm_bulk_over;
        if args.max.is_none() && !args.yes && targets.len() > over {
            bail!(
                "{} articles match, more than ui.confirm_bulk_over ({over}): nothing changed; \
                 add --yes (or --max N) to change them, --dry-run to list them",
                targets.len()
            );
        }
    }
    let mut store = super::tag_store(config, &corpus)?;
    let mut out = super::output::stdout();
    if args.dry_run {
        writeln!(out, "{} articles", targets.len())?;
        for (issue, article) in targets.iter().filter_map(|at| at.find(&corpus.issues)) {
            writeln!(
                out,
                "{}\t{}\t{}\t[{}]",
                article.id,
                escape_controls(&issue.rel),
                escape_controls(&article.display_title()),
                escape_controls(&store.tag_names(&issue.rel, &article.id).join(", "))
            )?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let list: Vec<Target> = targets
        .iter()
        .filter_map(|&at| Target::at(&corpus.issues, at))
        .collect();
    let mut all_ok = true;
    for op in &ops {
        let outcome = match op {
            Op::Add(t) => store.set(&list, t, true, Source::Hand),
            Op::Remove(t) => store.set(&list, t, false, Source::Hand),
            Op::Toggle(t) => store.toggle(&list, t, Source::Hand),
        };
        if outcome.ok() {
            writeln!(out, "{}", escape_controls(&outcome.message()))?;
        } else {
            all_ok = false;
            super::output::say(outcome.message());
            for e in &outcome.errors {
                super::output::say(format!("not saved: {e}"));
            }
        }
        out.flush()?;
    }
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The places of the given ids; every id must exist.
pub(super) fn id_targets(corpus: &Corpus, ids: &[String]) -> anyhow::Result<Vec<ArticleAt>> {
    let mut exact: HashMap<&str, Vec<ArticleAt>> = HashMap::new();
    for at in ArticleAt::all(&corpus.issues) {
        if let Some(article) = at.article_in(&corpus.issues) {
            exact.entry(article.id.as_str()).or_default().push(at);
        }
    }
    let mut found = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut missing = Vec::new();
    for given in ids {
        // `ISSUE#ID` picks the article of one issue (ISSUE as `newstag articles`
        // prints it); ID may be a unique prefix of the id.
        let (issue, id) = match given.rsplit_once('#') {
            Some((issue, id)) => (Some(issue), id),
            None => (None, given.as_str()),
        };
        let in_issue = |at: &ArticleAt| issue.is_none_or(|rel| corpus.issues[at.issue].rel == rel);
        let mut matches: Vec<ArticleAt> = exact
            .get(id)
            .map(|v| v.iter().copied().filter(in_issue).collect())
            .unwrap_or_default();
        if matches.is_empty() && !id.is_empty() {
            for at in ArticleAt::all(&corpus.issues) {
                if at
                    .article_in(&corpus.issues)
                    .is_some_and(|article| article.id.starts_with(id))
                    && in_issue(&at)
                {
                    matches.push(at);
                }
            }
        }
        match matches.as_slice() {
            [] => missing.push(given.as_str()),
            [pos] => {
                if seen.insert(*pos) {
                    found.push(*pos);
                }
            }
            many => {
                let names: Vec<String> = many
                    .iter()
                    .take(10)
                    .filter_map(|at| at.find(&corpus.issues))
                    .map(|(issue, article)| {
                        crate::text::cell_text(&format!("{}#{}", issue.rel, article.id))
                    })
                    .collect();
                bail!(
                    "\"{given}\" names {} articles: {}{}; give ISSUE#ID to choose one; nothing changed",
                    many.len(),
                    names.join(", "),
                    if many.len() > 10 {
                        format!(" (+{} more)", many.len() - 10)
                    } else {
                        String::new()
                    }
                );
            }
        }
    }
    if !missing.is_empty() {
        bail!(
            "no article with id {} in {} (see `newstag articles`); nothing changed",
            missing.join(", "),
            corpus.root.display()
        );
    }
    Ok(found)
}

/// The places of every article the search `query` returns, in issue order.
fn query_targets(corpus: &Corpus, query: &str, config: &Config) -> anyhow::Result<Vec<ArticleAt>> {
    let text = query;
    let query = crate::search::saved::parse(text, &config.searches)
        .map_err(|e| anyhow::anyhow!("bad query \"{text}\": {e}"))?;
    let index = SearchIndex::build(corpus);
    let tags = if query.uses_tags() {
        let store = super::tag_store(config, corpus)?;
        query
            .check_tags(&super::search::known_tags(config, &store))
            .map_err(|e| anyhow::anyhow!("bad query \"{text}\": {e}"))?;
        let samples = super::sample::samples_for(config, corpus, &query)
            .map_err(|e| anyhow::anyhow!("bad query \"{text}\": {e}"))?;
        let tags = crate::search::tags::snapshot(corpus, &store);
        Some(crate::search::tags::with_samples(
            tags,
            &corpus.issues,
            &samples,
        ))
    } else {
        None
    };
    let matcher = Matcher::new(&index, &query, tags);
    let mut found: Vec<ArticleAt> = matcher
        .run(None)
        .into_iter()
        .filter_map(|h| index.article_at(h.doc))
        .filter(|at| at.find(&corpus.issues).is_some())
        .collect();
    found.sort_unstable();
    found.dedup();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `+a -b !c` and ids are told apart; a bare sign is refused.
    #[test]
    fn items_split_into_ids_and_ops() {
        let items: Vec<String> = ["abc", "+governance", "-heritage", "!交通 出行", "def"]
            .map(String::from)
            .to_vec();
        let mut args = TagArgs {
            path: PathBuf::from("."),
            items: vec![],
            query: None,
            dry_run: false,
            yes: false,
            max: None,
        };
        let (ids, ops) = parse_items(&items, &mut args).unwrap();
        assert_eq!(ids, ["abc", "def"]);
        assert_eq!(
            ops,
            [
                Op::Add("governance".into()),
                Op::Remove("heritage".into()),
                Op::Toggle("交通 出行".into())
            ]
        );
        assert!(parse_items(&["+".to_string()], &mut args).is_err());
        let more: Vec<String> = [
            "x",
            "--dry-run",
            "+heritage",
            "--query",
            "网格 tag:heritage",
        ]
        .map(String::from)
        .to_vec();
        let (ids, ops) = parse_items(&more, &mut args).unwrap();
        assert_eq!((ids.len(), ops.len()), (1, 1));
        assert!(args.dry_run);
        assert_eq!(args.query.as_deref(), Some("网格 tag:heritage"));
        assert!(parse_items(&["--dryrun".to_string()], &mut args).is_err());
    }
}

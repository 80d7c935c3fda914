//! `newstag sample PATH NAME --n 200 [--per month] [--query Q] [--seed S]`: draw a
//! reproducible reliability sample and keep it in the corpus.

use crate::article::ArticleAt;
use crate::config::Config;
use crate::search::{Matcher, Query, SearchIndex};
use crate::tags::sample::{self, Candidate, Per};
use crate::tags::team::Team;
use anyhow::bail;
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PerArg {
    Month,
    Year,
    Issue,
}

#[derive(Debug, clap::Args)]
pub struct SampleArgs {
    /// Corpus folder.
    pub path: PathBuf,
    /// The sample's name (letters, digits, - and _): saved as samples/NAME.tsv,
    /// used as `sample:NAME` in queries and `agree --sample NAME`.
    pub name: String,
    /// How many articles (in each month, year or issue with --per).
    #[arg(long = "n", value_name = "N")]
    pub n: usize,
    /// Draw N from each month, year or issue instead of N in all.
    #[arg(long, value_enum)]
    pub per: Option<PerArg>,
    /// Draw only among the articles this search returns.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
    /// The seed of the draw (default: one made from NAME); the same corpus,
    /// query and seed give the same sample.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Replace an existing sample of this name.
    #[arg(long)]
    pub force: bool,
}

/// The corpus's samples when `query` names one (`sample:NAME`), else none;
/// an error when it names one the corpus does not have.
pub fn samples_for(
    config: &Config,
    corpus: &crate::corpus::Corpus,
    query: &Query,
) -> anyhow::Result<Vec<sample::Named>> {
    if query.sample_spans.is_empty() {
        return Ok(Vec::new());
    }
    let team = Team::new(config, &corpus.root).map_err(anyhow::Error::msg)?;
    let samples = sample::all_in(team.base()).map_err(anyhow::Error::msg)?;
    let names: Vec<String> = samples.iter().map(|(n, _)| n.clone()).collect();
    query.check_samples(&names)?;
    Ok(samples)
}

pub fn run(config: &Config, args: SampleArgs) -> anyhow::Result<ExitCode> {
    if let Some(why) = sample::bad_sample_name(&args.name) {
        bail!(why);
    }
    if args.n == 0 {
        bail!("--n must be at least 1");
    }
    let query = match &args.query {
        Some(q) if q.trim().is_empty() => bail!("--query is blank"),
        Some(q) => Some(
            crate::search::saved::parse(q, &config.searches)
                .map_err(|e| anyhow::anyhow!("bad query \"{q}\": {e}"))?,
        ),
        None => None,
    };
    let corpus = super::open_corpus(config, Some(&args.path))?;
    let team = Team::new(config, &corpus.root).map_err(anyhow::Error::msg)?;
    let path = sample::sample_path(team.base(), &args.name);
    if path.exists() && !args.force {
        bail!(
            "{}: a sample of this name exists (a sample is a record of what was coded); \
             choose another name, or --force to replace it",
            path.display()
        );
    }
    let matching: Option<HashSet<ArticleAt>> = match &query {
        Some(q) => {
            let index = SearchIndex::build(&corpus);
            let tags = if q.uses_tags() {
                let store = team.open(&corpus);
                let samples = samples_for(config, &corpus, q)?;
                let tags = crate::search::tags::snapshot(&corpus, &store);
                Some(crate::search::tags::with_samples(
                    tags,
                    &corpus.issues,
                    &samples,
                ))
            } else {
                None
            };
            Some(
                Matcher::new(&index, q, tags)
                    .run(None)
                    .into_iter()
                    .filter_map(|h| index.article_at(h.doc))
                    .collect(),
            )
        }
        None => None,
    };
    let per = match args.per {
        None => Per::Corpus,
        Some(PerArg::Month) => Per::Month,
        Some(PerArg::Year) => Per::Year,
        Some(PerArg::Issue) => Per::Issue,
    };
    let mut candidates = Vec::new();
    for (i, issue) in corpus.issues.iter().enumerate() {
        for (a, article) in issue.articles.iter().enumerate() {
            if matching
                .as_ref()
                .is_some_and(|m| !m.contains(&ArticleAt::new(i, a)))
            {
                continue;
            }
            candidates.push(Candidate {
                issue: issue.rel.clone(),
                id: article.id.clone(),
                title: article.display_title(),
                stratum: per.stratum(&issue.rel, issue.date.as_deref()),
            });
        }
    }
    let seed = args
        .seed
        .unwrap_or_else(|| xxhash_rust::xxh3::xxh3_64(args.name.as_bytes()));
    let drawn = sample::draw(&candidates, args.n, seed);
    let strata: HashSet<&str> = candidates.iter().map(|c| c.stratum.as_str()).collect();
    let members: Vec<Candidate> = drawn.iter().map(|&i| candidates[i].clone()).collect();
    let mut header = format!(
        "newstag sample \"{}\": {} per {}, seed {seed}, from {} articles",
        args.name,
        args.n,
        per.as_str(),
        candidates.len()
    );
    if let Some(q) = &args.query {
        header.push_str(&format!(", query \"{q}\""));
    }
    header.push_str(&format!("; drawn {}", crate::tags::now_rfc3339()));
    crate::tags::sidecar::write_atomic(&path, sample::render(&header, &members))?;
    println!(
        "drew {} of {} articles ({} per {}, {} strata, seed {seed}) into {}",
        members.len(),
        candidates.len(),
        args.n,
        per.as_str(),
        strata.len(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

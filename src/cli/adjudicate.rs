//! `newstag adjudicate PATH [--sample NAME]`: the articles coders coded
//! differently, each coder's tags side by side; `newstag adjudicate PATH ID
//! TAG...`: settle one as the current coder (see [`crate::tags::adjudicate`]).

use super::output::{Format, resolve_format};
use crate::config::Config;
use crate::corpus::Corpus;
use crate::suggest::NO_TOPIC;
use crate::tags::Target;
use crate::tags::adjudicate::{self, Unit};
use crate::tags::team::{Team, UNKNOWN};
use anyhow::bail;
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct AdjudicateArgs {
    /// Corpus folder.
    pub path: PathBuf,
    /// An article id (or ISSUE#ID, or a unique prefix) and the tags it is settled
    /// on (`no-topic` for none). Without them: list the disagreements.
    #[arg(value_name = "ID TAG...")]
    pub items: Vec<String>,
    /// Only the articles of this sample.
    #[arg(long, value_name = "NAME")]
    pub sample: Option<String>,
    /// Only these coders' decisions count, by name, separated by commas.
    #[arg(long, value_name = "A,B,...", value_delimiter = ',')]
    pub coders: Option<Vec<String>>,
    /// List the settled disagreements too.
    #[arg(long)]
    pub all: bool,
    /// `table` (default on a terminal) or `jsonl`.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

pub fn run(config: &Config, args: AdjudicateArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::open_corpus(config, Some(&args.path))?;
    let team = Team::new(config, &corpus.root).map_err(anyhow::Error::msg)?;
    match args.items.split_first() {
        Some((id, tags)) => settle(config, &corpus, &team, id, tags),
        None => list(&corpus, &team, &args),
    }
}

/// Every article's coders' decisions and settlement, as `agree` counts them.
pub fn all_units(corpus: &Corpus, team: &Team, coders: Option<&[String]>) -> Vec<Unit> {
    adjudicate::units(
        &team.decisions(corpus),
        &team.adjudications(corpus),
        &[NO_TOPIC.to_string()],
        coders,
    )
}

fn list(corpus: &Corpus, team: &Team, args: &AdjudicateArgs) -> anyhow::Result<ExitCode> {
    let sample = match &args.sample {
        Some(name) => {
            if let Some(why) = crate::tags::sample::bad_sample_name(name) {
                bail!(why);
            }
            let path = crate::tags::sample::sample_path(team.base(), name);
            let members = crate::tags::sample::read(&path).map_err(anyhow::Error::msg)?;
            Some(crate::tags::sample::member_set(&members))
        }
        None => None,
    };
    let titles: HashMap<(&str, &str), String> = corpus
        .issues
        .iter()
        .flat_map(|i| {
            i.articles
                .iter()
                .map(move |a| ((i.rel.as_str(), a.id.as_str()), a.display_title()))
        })
        .collect();
    let units: Vec<Unit> = all_units(corpus, team, args.coders.as_deref())
        .into_iter()
        .filter(|u| u.disagreement())
        .filter(|u| {
            sample
                .as_ref()
                .is_none_or(|s| s.contains(&(u.issue.clone(), u.id.clone())))
        })
        .collect();
    let open = units.iter().filter(|u| u.adjudicated.is_none()).count();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let shown = units.iter().filter(|u| args.all || u.adjudicated.is_none());
    let title = |u: &Unit| {
        titles
            .get(&(u.issue.as_str(), u.id.as_str()))
            .cloned()
            .unwrap_or_default()
    };
    match resolve_format(args.format) {
        Format::Jsonl => {
            for u in shown {
                let coders: serde_json::Map<String, serde_json::Value> = u
                    .coders
                    .iter()
                    .map(|(c, tags)| (c.clone(), serde_json::json!(tags)))
                    .collect();
                let record = serde_json::json!({
                    "issue": u.issue,
                    "id": u.id,
                    "title": title(u),
                    "coders": coders,
                    "settled": u.adjudicated.as_ref().map(|a| &a.2),
                    "adjudicator": u.adjudicated.as_ref().map(|a| &a.0),
                });
                serde_json::to_writer(&mut out, &record)?;
                writeln!(out)?;
            }
        }
        Format::Table => {
            for u in shown {
                writeln!(
                    out,
                    "{}#{}  {}",
                    crate::text::controls_as_spaces(&u.issue),
                    u.id,
                    crate::text::controls_as_spaces(&title(u))
                )?;
                for (coder, tags) in &u.coders {
                    let name = if coder.is_empty() { UNKNOWN } else { coder };
                    writeln!(out, "  {name}: {}", tag_list(tags))?;
                }
                if let Some((who, at, tags)) = &u.adjudicated {
                    writeln!(out, "  => settled by {who} ({at}): {}", tag_list(tags))?;
                }
            }
            writeln!(
                out,
                "{open} disagreement{} to settle, {} settled",
                if open == 1 { "" } else { "s" },
                units.len() - open
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Tag names joined, or "no topic".
fn tag_list(tags: &BTreeSet<String>) -> String {
    if tags.is_empty() {
        "no topic".into()
    } else {
        tags.iter().cloned().collect::<Vec<_>>().join(", ")
    }
}

fn settle(
    config: &Config,
    corpus: &Corpus,
    team: &Team,
    id: &str,
    tags: &[String],
) -> anyhow::Result<ExitCode> {
    if tags.is_empty() {
        bail!("give the tags article {id} is settled on (no-topic for none)");
    }
    let wanted: BTreeSet<String> = tags.iter().map(|t| t.trim().to_string()).collect();
    for t in &wanted {
        if t != NO_TOPIC && config.tag(t).is_none() {
            let known: Vec<&str> = config.tags.iter().map(|t| t.name.as_str()).collect();
            bail!(
                "unknown tag \"{t}\" (known: {}, {NO_TOPIC})",
                known.join(", ")
            );
        }
    }
    if wanted.contains(NO_TOPIC) && wanted.len() > 1 {
        bail!("{NO_TOPIC} cannot be settled together with other tags");
    }
    let mut store = team.open_adjudication(corpus).map_err(anyhow::Error::msg)?;
    let found = super::tag::id_targets(corpus, &[id.to_string()])?;
    let Some(&at) = found.first() else {
        bail!("no article with id {id}");
    };
    let target =
        Target::at(&corpus.issues, at).ok_or_else(|| anyhow::anyhow!("no article with id {id}"))?;
    let outcome = adjudicate::settle(&mut store, target, &wanted, NO_TOPIC);
    if !outcome.ok() {
        bail!(
            "could not save the settled decision under {}: {}",
            team.adjudicator_dir(&team.coder).display(),
            outcome.message()
        );
    }
    let units = all_units(corpus, team, None);
    let unit = units
        .iter()
        .find(|u| u.issue == target.issue.rel && u.id == target.article.id);
    let mut shown: BTreeSet<String> = wanted.clone();
    shown.remove(NO_TOPIC);
    println!(
        "settled {}#{} as {} (by {})",
        target.issue.rel,
        target.article.id,
        tag_list(&shown),
        team.coder
    );
    if let Some(u) = unit {
        for (coder, tags) in &u.coders {
            let name = if coder.is_empty() { UNKNOWN } else { coder };
            println!("  {name}: {}", tag_list(tags));
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `newstag suggest [PATH] [ID...]`: the tags suggested for each article, with
//! their scores and the words behind them.

use super::output::{Format, pad, resolve_format};
use crate::article::ArticleAt;
use crate::config::Config;
use crate::suggest::{Suggester, Suggestion, labels_from_store};
use anyhow::bail;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// Corpus folder or issue file (default: the configured corpus, else the
    /// built-in sample).
    pub path: Option<PathBuf>,
    /// Only these articles (ids from `newstag articles`); default: every article.
    pub ids: Vec<String>,
    /// Leave out suggestions scoring below this (0-1; default: suggest.min_score).
    #[arg(long, value_name = "X")]
    pub min_score: Option<f64>,
    /// Output format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// One line of `--format jsonl`.
#[derive(Debug, Serialize)]
struct Record<'a> {
    id: &'a str,
    issue: &'a str,
    title: String,
    suggestions: Vec<Suggestion>,
}

pub fn run(config: &Config, args: SuggestArgs) -> anyhow::Result<ExitCode> {
    let min_score = args.min_score.unwrap_or(config.suggest.min_score);
    if !(0.0..=1.0).contains(&min_score) {
        bail!("--min-score {min_score} must be between 0 and 1");
    }
    // Bodies stay in the corpus cache: the words of unchanged issues come
    // from the cache too, and only paragraphs where a keyword may be are read.
    let corpus = super::open_corpus_to_exit(config, args.path.as_deref())?;
    let mut wanted: Vec<ArticleAt> = Vec::new();
    for id in &args.ids {
        let found = corpus.issues.iter().enumerate().find_map(|(i, issue)| {
            issue
                .articles
                .iter()
                .position(|a| a.id == *id)
                .map(|a| ArticleAt::new(i, a))
        });
        match found {
            Some(at) => wanted.push(at),
            None => bail!("no article with id \"{id}\" in the corpus"),
        }
    }
    let slices: Vec<&[crate::article::Article]> =
        corpus.issues.iter().map(|i| &i.articles[..]).collect();
    let index = crate::cache::features::build(&corpus.root, &slices, &config.tags, &|_, _| {});
    let mut suggester = Suggester::new(index, config.suggest.learn_after);
    let store = super::tag_store(config, &corpus)?;
    suggester.learn(&labels_from_store(
        &store,
        &corpus.issues,
        &suggester.index.keywords.tags,
    ));
    if args.ids.is_empty() {
        wanted = suggester.index.positions().collect();
    }
    let format = resolve_format(args.format);
    let mut out = super::output::stdout();
    if format == Format::Table {
        writeln!(
            out,
            "{} {:>3} {} {} SUGGESTIONS (score: words)",
            pad("ISSUE", 28),
            "#",
            pad("ID", 12),
            pad("TITLE", 36)
        )?;
    }
    for at in wanted {
        let Some((issue, article)) = at.find(&corpus.issues) else {
            continue;
        };
        let suggestions = suggester.suggest_above(at, min_score);
        match format {
            Format::Jsonl => {
                let record = Record {
                    id: &article.id,
                    issue: &issue.rel,
                    title: article.display_title(),
                    suggestions,
                };
                crate::export::jsonl::write_json_line(&mut out, &record)?;
            }
            Format::Table => {
                let text: Vec<String> = suggestions
                    .iter()
                    .map(|s| format!("{} {:.2}: {}", s.tag, s.score, s.words.join(" ")))
                    .collect();
                writeln!(
                    out,
                    "{} {:>3} {} {} {}",
                    pad(&issue.rel, 28),
                    article.index,
                    pad(&article.id, 12),
                    pad(&article.display_title(), 36),
                    text.join("; ")
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

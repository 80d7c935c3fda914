//! `newstag agree PATH [--sample NAME] [--coders a,b] [--format table|jsonl]`:
//! how well coders agree, per tag, and which coder pairs differ most.

use super::output::{Format, pad, resolve_format};
use crate::config::Config;
use crate::tags::agree::{self, Options};
use crate::tags::team::Team;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct AgreeArgs {
    /// Corpus folder.
    pub path: Option<PathBuf>,
    /// Only the articles of this sample (drawn with `newstag sample`).
    #[arg(long, value_name = "NAME")]
    pub sample: Option<String>,
    /// Only these coders, by name, separated by commas (default: every coder
    /// found; the unknown coder never counts).
    #[arg(long, value_name = "A,B,...", value_delimiter = ',')]
    pub coders: Option<Vec<String>>,
    /// `table` (default on a terminal) or `jsonl` (one object per tag).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// Bootstrap resamples for alpha's interval, and their fixed seed.
const ROUNDS: usize = 1000;
const SEED: u64 = 0x6e65_7773_7461_6721;

pub fn run(config: &Config, args: AgreeArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::open_corpus(config, args.path.as_deref())?;
    let team = Team::new(config, &corpus.root).map_err(anyhow::Error::msg)?;
    let units = match &args.sample {
        Some(name) => {
            if let Some(why) = crate::tags::sample::bad_sample_name(name) {
                anyhow::bail!(why);
            }
            let path = crate::tags::sample::sample_path(team.base(), name);
            let members = crate::tags::sample::read(&path).map_err(anyhow::Error::msg)?;
            Some(crate::tags::sample::member_set(&members))
        }
        None => None,
    };
    let coders = args.coders.map(|c| {
        c.into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
    });
    let decisions = team.decisions(&corpus);
    let report = agree::report(
        &decisions,
        &Options {
            coders,
            units,
            tags: config.tags.iter().map(|t| t.name.clone()).collect(),
            markers: vec![crate::suggest::NO_TOPIC.to_string()],
            rounds: ROUNDS,
            seed: SEED,
        },
    );
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let note = why_null(&report);
    match resolve_format(args.format) {
        Format::Jsonl => {
            for t in &report.tags {
                serde_json::to_writer(&mut out, &rounded(t))?;
                writeln!(out)?;
            }
            if let Some(note) = &note {
                super::output::say(format!("note: {note}"));
            }
        }
        Format::Table => {
            let figure = |x: Option<f64>| x.map(|v| format!("{v:.3}")).unwrap_or("-".into());
            writeln!(
                out,
                "coders: {}",
                if report.coders.is_empty() {
                    "none (no decision has a named coder)".to_string()
                } else {
                    report.coders.join(", ")
                }
            )?;
            writeln!(
                out,
                "{} {:>5} {:>6} {:>6} {:>6} {:>6}  95% CI (alpha)",
                pad("TAG", 20),
                "UNITS",
                "CODERS",
                "AGREE",
                "KAPPA",
                "ALPHA"
            )?;
            for t in &report.tags {
                let ci = match (t.alpha_low, t.alpha_high) {
                    (Some(lo), Some(hi)) => format!("[{lo:.3}, {hi:.3}]"),
                    _ => "-".into(),
                };
                writeln!(
                    out,
                    "{} {:>5} {:>6} {:>6} {:>6} {:>6}  {ci}",
                    pad(&t.tag, 20),
                    t.units,
                    t.coders,
                    figure(t.agreement),
                    figure(t.kappa),
                    figure(t.alpha)
                )?;
            }
            if !report.pairs.is_empty() {
                writeln!(out, "\ncoder pairs, most disagreement first:")?;
                for p in &report.pairs {
                    writeln!(
                        out,
                        "  {} / {}: {} of {} decisions differ ({:.1}%) on {} units both coded",
                        p.coders[0],
                        p.coders[1],
                        p.disagreements,
                        p.decisions,
                        100.0 * p.share(),
                        p.units
                    )?;
                }
            }
            if let Some(note) = &note {
                writeln!(out, "\nnote: {note}")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Why every figure of `report` is null, when it is: agreement compares two
/// or more coders of the same articles.
fn why_null(report: &agree::Report) -> Option<String> {
    if report.tags.iter().any(|t| t.units > 0) {
        return None;
    }
    let scope = "agreement compares two or more coders who coded the same articles, so every figure is null (-)";
    Some(match report.coders.as_slice() {
        [] => format!("no decision has a named coder: {scope}; tag with --coder NAME"),
        [one] => format!(
            "only one coder ({one}) coded these articles: {scope}; have a second coder code them (--coder NAME --blind)"
        ),
        many => format!(
            "no article was coded by two or more of the coders ({}): {scope}; code the same sample (newstag sample, then agree --sample NAME)",
            many.join(", ")
        ),
    })
}

/// `t` with its figures rounded to 4 decimals, for JSON.
fn rounded(t: &agree::TagAgreement) -> agree::TagAgreement {
    let r = |x: Option<f64>| x.map(|v| (v * 1e4).round() / 1e4);
    agree::TagAgreement {
        agreement: r(t.agreement),
        kappa: r(t.kappa),
        alpha: r(t.alpha),
        alpha_low: r(t.alpha_low),
        alpha_high: r(t.alpha_high),
        ..t.clone()
    }
}

//! `newstag import`: restore the tags of a TOML dump (`newstag export --format toml`)
//! into a corpus's sidecars.

use crate::config::Config;
use crate::export::import::import_dump;
use crate::export::toml_dump::parse_dump;
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The dump written by `newstag export --format toml`.
    pub file: PathBuf,
    /// Corpus folder to restore into (default: the configured `corpus.path`; never
    /// the built-in sample).
    pub path: Option<PathBuf>,
}

pub fn run(config: &Config, args: ImportArgs) -> anyhow::Result<ExitCode> {
    // Restoring tags into the built-in sample by accident would look like success
    // and put them nowhere the user looks: ask for the folder instead.
    let path = match (&args.path, config.corpus_path()) {
        (Some(p), _) => p.clone(),
        (None, Some(p)) => {
            eprintln!("newstag: importing into {} (corpus.path)", p.display());
            p
        }
        (None, None) => anyhow::bail!(
            "which corpus should the tags go into? Give its folder: newstag import {} FOLDER",
            args.file.display()
        ),
    };
    let text = crate::regular_file::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let dump = parse_dump(&text, &args.file)?;
    let corpus = super::open_corpus(config, Some(&path))?;
    let mut store = super::tag_store(config, &corpus)?;
    let label = format!("import {}", args.file.display());
    // In the team layout each coder's memos go to the coder's own sidecars.
    let team = crate::tags::team::Team::new(config, &corpus.root).map_err(anyhow::Error::msg)?;
    let (dump, theirs) = if team.is_team_layout() {
        dump.split_memos(&team.coder)
    } else {
        (dump, Vec::new())
    };
    let mut report = import_dump(dump, &corpus, &mut store, &label);
    for (coder, memos) in theirs {
        let mut as_them = team.clone();
        as_them.coder = coder;
        as_them.blind = true;
        let mut their_store = as_them.open(&corpus);
        report.add(import_dump(memos, &corpus, &mut their_store, &label));
    }
    for (issue, n) in &report.missing_issues {
        super::output::say(format!(
            "warning: {issue}: not in the corpus; its {n} tagged article(s) were not imported"
        ));
    }
    for (issue, r) in &report.unmatched {
        let names: Vec<&str> = r.tags.keys().map(String::as_str).collect();
        super::output::say(format!(
            "warning: {issue}: no article {} \"{}\" now; tags {} not imported",
            r.id,
            r.title,
            names.join(", ")
        ));
    }
    for e in &report.outcome.errors {
        super::output::say(format!("error: {e}"));
    }
    let mut out = super::output::stdout();
    writeln!(out, "{}", crate::text::escape_controls(&report.message()))?;
    out.flush()?;
    Ok(if report.complete() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

//! `newstag articles`: print every article of a corpus.

use super::output::{Format, pad, resolve_format};
use crate::config::Config;
use crate::record::ArticleRecord;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ArticlesArgs {
    /// Corpus folder or issue file (default: the built-in sample corpus).
    pub path: Option<PathBuf>,
    /// Output format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

pub fn run(config: &Config, args: ArticlesArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::open_corpus(config, args.path.as_deref())?;
    let tags = crate::tags::TagStore::open(&corpus, config.sidecar_dir().as_deref());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let format = resolve_format(args.format);
    if format == Format::Table {
        writeln!(
            out,
            "{} {:>3} {} {} {} {:>5}",
            pad("ISSUE", 28),
            "#",
            pad("KIND", 12),
            pad("TITLE", 40),
            pad("BYLINE", 20),
            "CHARS"
        )?;
    }
    for issue in &corpus.issues {
        for article in issue.articles.iter() {
            let tags = tags.tag_names(&issue.rel, &article.id);
            match format {
                Format::Jsonl => {
                    let record = ArticleRecord::new(issue, article, tags);
                    serde_json::to_writer(&mut out, &record)?;
                    writeln!(out)?;
                }
                Format::Table => writeln!(
                    out,
                    "{} {:>3} {} {} {} {:>5}",
                    pad(&issue.rel, 28),
                    article.index,
                    pad(article.kind.as_str(), 12),
                    pad(&article.display_title(), 40),
                    pad(&article.byline, 20),
                    article.body_chars()
                )?,
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

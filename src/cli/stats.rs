//! `newstag stats`: what has been tagged: the tagged share and the untagged
//! count, articles per tag and per month; per issue with `--issues`.

use super::output::{Format, fit, pad, resolve_format};
use crate::article::ArticleAt;
use crate::config::Config;
use crate::stats::{Stats, compute_over};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Corpus folder or issue file (default: the configured corpus, else the sample).
    pub path: Option<PathBuf>,
    /// Output format (default: table on a terminal, jsonl otherwise: one JSON object).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Also count every issue (articles, tagged): one line an issue.
    #[arg(long)]
    pub issues: bool,
}

pub fn run(config: &Config, args: StatsArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::open_corpus_heads_to_exit(config, args.path.as_deref())?;
    let store = super::tag_store(config, &corpus)?;
    crate::cache::timing::mark("tag store");
    let vocabulary: Vec<String> = config.tags.iter().map(|t| t.name.clone()).collect();
    // A story across pages counts once, on its first part, with its parts' tags.
    let stories = super::stories::StoryView::new(&corpus.issues);
    crate::cache::timing::mark("stories");
    let mut stats = compute_over(
        corpus.issues.iter().enumerate().map(|(i, issue)| {
            let tagged = issue
                .articles
                .iter()
                .enumerate()
                .filter(|(a, _)| !stories.is_later_part(ArticleAt::new(i, *a)))
                .map(|(_, article)| stories.tag_names(&store, issue, article))
                .collect();
            (issue, tagged)
        }),
        &vocabulary,
    );
    crate::cache::timing::mark("compute");
    if !args.issues {
        stats.per_issue.clear();
    }
    let mut out = super::output::stdout();
    match resolve_format(args.format) {
        Format::Jsonl => {
            crate::export::jsonl::write_json_line(&mut out, &stats)?;
        }
        Format::Table => {
            write_table(&mut out, &stats, config)?;
            if !args.issues {
                writeln!(
                    out,
                    "\n{} (newstag stats --issues counts each)",
                    crate::text::count(corpus.issues.len(), "issue")
                )?;
            }
        }
    }
    out.flush()?;
    crate::cache::timing::mark("output");
    Ok(ExitCode::SUCCESS)
}

/// Width of the widest bar in the table.
const BAR_WIDTH: usize = 30;

fn bar(n: usize, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    let cells = (n * BAR_WIDTH).div_ceil(max);
    "#".repeat(cells)
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".to_string()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

/// The human report: totals, then per tag, per month and per issue (when
/// `s.per_issue` holds them).
pub fn write_table(out: &mut dyn Write, s: &Stats, config: &Config) -> std::io::Result<()> {
    writeln!(
        out,
        "{} articles, {} tagged ({}), {} untagged",
        s.articles,
        s.tagged,
        percent(s.tagged, s.articles),
        s.untagged
    )?;
    writeln!(out)?;
    writeln!(out, "{} {:>8} {:>7}", pad("TAG", 24), "ARTICLES", "SHARE")?;
    let max = s.per_tag.iter().map(|t| t.articles).max().unwrap_or(0);
    for t in &s.per_tag {
        let label = config
            .tags
            .iter()
            .find(|d| d.name == t.tag)
            .map(|d| format!("{} {}", t.tag, d.label()))
            .filter(|l| l.trim() != t.tag)
            .unwrap_or_else(|| t.tag.clone());
        let line = format!(
            "{} {:>8} {:>7} {}",
            pad(&label, 24),
            t.articles,
            percent(t.articles, s.articles),
            bar(t.articles, max)
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out)?;
    let tags: Vec<&str> = s.per_tag.iter().map(|t| t.tag.as_str()).collect();
    let mut header = format!("{} {:>8} {:>7}", pad("MONTH", 8), "ARTICLES", "TAGGED");
    for t in &tags {
        let name = fit(t, 12);
        let w = unicode_width::UnicodeWidthStr::width(name.as_str());
        header.push_str(&format!(" {}{name}", " ".repeat(12 - w.min(12))));
    }
    writeln!(out, "{header}")?;
    for m in &s.per_month {
        write!(
            out,
            "{} {:>8} {:>7}",
            pad(&m.month, 8),
            m.articles,
            m.tagged
        )?;
        for t in &tags {
            let n = m.per_tag.get(*t).copied().unwrap_or(0);
            write!(out, " {:>12}", n)?;
        }
        writeln!(out)?;
    }
    if s.per_issue.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} {} {:>8} {:>7}",
        pad("ISSUE", 40),
        pad("DATE", 10),
        "ARTICLES",
        "TAGGED"
    )?;
    for i in &s.per_issue {
        writeln!(
            out,
            "{} {} {:>8} {:>7}",
            pad(&i.issue, 40),
            pad(i.date.as_deref().unwrap_or("-"), 10),
            i.articles,
            i.tagged
        )?;
    }
    Ok(())
}

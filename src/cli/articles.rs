//! `newstag articles`: print every article of a corpus.

use super::output::{Format, pad, resolve_format};
use crate::article::ArticleAt;
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
    /// Show how each issue was cut: every line with the role it got and the rule
    /// that decided it, and where each article starts and why.
    #[arg(long)]
    pub explain: bool,
}

pub fn run(config: &Config, args: ArticlesArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::open_corpus_to_exit(config, args.path.as_deref())?;
    if args.explain {
        return explain(&corpus);
    }
    let format = resolve_format(args.format);
    if format == Format::Table {
        // The table shows neither tags nor stories: no sidecar is read.
        return write_table(&corpus);
    }
    let tags = super::tag_store(config, &corpus)?;
    crate::cache::timing::mark("tag store");
    let mut out = super::output::stdout();
    let stories = super::stories::StoryView::new(&corpus.issues);
    crate::cache::timing::mark("stories");
    for (i, issue) in corpus.issues.iter().enumerate() {
        for (a, article) in issue.articles.iter().enumerate() {
            let at = ArticleAt::new(i, a);
            let tags = stories.tag_names(&tags, issue, article);
            let (story, part) = match stories.stories.story_of(at) {
                Some((parts, n)) => {
                    let first = parts[0].article_in(&corpus.issues).unwrap_or(article);
                    (first.id.as_str(), n)
                }
                None => (article.id.as_str(), 1),
            };
            let line = Line {
                record: ArticleRecord::new(issue, article, tags),
                story,
                part,
                story_note: stories.stories.note(at),
            };
            crate::export::jsonl::write_json_line(&mut out, &line)?;
        }
    }
    out.flush()?;
    crate::cache::timing::mark("output");
    Ok(ExitCode::SUCCESS)
}

/// The `--format table` listing: one line an article.
fn write_table(corpus: &crate::corpus::Corpus) -> anyhow::Result<ExitCode> {
    let mut out = super::output::stdout();
    writeln!(
        out,
        "{} {:>3} {} {} {} {} {:>5}",
        pad("ISSUE", 28),
        "#",
        pad("ID", 12),
        pad("KIND", 12),
        pad("TITLE", 40),
        pad("BYLINE", 20),
        "CHARS"
    )?;
    for issue in &corpus.issues {
        for article in issue.articles.iter() {
            writeln!(
                out,
                "{} {:>3} {} {} {} {} {:>5}",
                pad(&issue.rel, 28),
                article.index,
                pad(&article.id, 12),
                pad(article.kind.as_str(), 12),
                pad(&article.display_title(), 40),
                pad(&article.byline, 20),
                article.body_chars()
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One JSONL line: the article's record, then its place in its story.
#[derive(serde::Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    record: ArticleRecord,
    /// The id of the story's first part (the article's own when it stands alone).
    story: &'a str,
    /// 1-based part of the story.
    part: usize,
    /// Why a jump line of the article leads nowhere (the other page is missing).
    #[serde(skip_serializing_if = "Option::is_none")]
    story_note: Option<&'a str>,
}

/// `articles --explain`: each issue's lines with role and rule, and the article starts.
fn explain(corpus: &crate::corpus::Corpus) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
    let mut out = super::output::stdout();
    for issue in &corpus.issues {
        let bytes = std::fs::read(&issue.path)
            .with_context(|| format!("cannot read {}", issue.path.display()))?;
        let decoded = crate::corpus::decode::decode(&bytes)
            .with_context(|| format!("cannot decode {}", issue.path.display()))?;
        let (_, e) = crate::segment::explain_issue_with(
            &decoded.text,
            &crate::corpus::issue_key(&issue.rel),
            &corpus.habits,
        );
        writeln!(out, "== {}", crate::text::escape_controls(&issue.rel))?;
        let mut starts = e.starts.iter().peekable();
        for (i, l) in e.lines.iter().enumerate() {
            // A start goes above its own line, wherever segmentation put that
            // line (a head printed away from its text is shown above the text);
            // else above the first line after it.
            let here = |s: &&crate::segment::ArticleStart| {
                s.line == l.first
                    || (s.line < l.first && !e.lines[i..].iter().any(|m| m.first == s.line))
            };
            while let Some(s) = starts.next_if(here) {
                writeln!(
                    out,
                    "   >> article {} starts at L{}: {} [{}]{}",
                    s.index,
                    s.line,
                    crate::text::fit_width(&crate::text::cell_text(&s.title), 40).trim_end(),
                    s.why,
                    doubt_note(s.doubts)
                )?;
            }
            let lines = if l.last > l.first {
                format!("L{}-{}", l.first, l.last)
            } else {
                format!("L{}", l.first)
            };
            writeln!(
                out,
                "{} {} {} | {}",
                pad(&lines, 9),
                pad(l.role, 9),
                crate::text::fit_width(&crate::text::cell_text(&l.text), 30),
                l.rule
            )?;
        }
        for s in starts {
            writeln!(
                out,
                "   >> article {} starts at L{}: {} [{}]{}",
                s.index,
                s.line,
                crate::text::cell_text(&s.title),
                s.why,
                doubt_note(s.doubts)
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// ` doubts: short, no-title` after an article start, or nothing.
fn doubt_note(doubts: crate::article::Doubts) -> String {
    if doubts.is_empty() {
        String::new()
    } else {
        format!(" doubts: {}", doubts.names().join(", "))
    }
}

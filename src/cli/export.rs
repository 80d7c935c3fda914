//! `newstag export`: write the articles and their tags as CSV, an Excel workbook,
//! JSONL or a TOML dump.

use crate::article::ArticleAt;
use crate::config::Config;
use crate::corpus::Corpus;
use crate::export::rows::{self, ArticleDecisions, Whose};
use crate::export::{self, ExportFormat, ExportOptions, atomic, orphans_in_store};
use crate::search::cache;
use crate::search::tags::snapshot;
use crate::search::{Matcher, Query};
use crate::tags::TagStore;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// One row per article, a 0/1 column per tag (Excel, pandas, R).
    Csv,
    /// The CSV table as an Excel workbook (.xlsx).
    Xlsx,
    /// One JSON object per article with its tags and how each was set.
    Jsonl,
    /// Every sidecar in one document; `newstag import` restores it.
    Toml,
    /// CSV, one row per article x coder x tag with the decision (1 or 0), how
    /// and when it was made: for reliability in R (irr, tidycomm), ReCal, pandas.
    Long,
}

impl From<FormatArg> for ExportFormat {
    fn from(f: FormatArg) -> ExportFormat {
        match f {
            FormatArg::Csv => ExportFormat::Csv,
            FormatArg::Xlsx => ExportFormat::Xlsx,
            FormatArg::Jsonl => ExportFormat::Jsonl,
            FormatArg::Toml => ExportFormat::Toml,
            // A CSV table of its own, written by `export::long` (see `run`).
            FormatArg::Long => ExportFormat::Csv,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Corpus folder or issue file (default: the configured corpus, else the sample).
    pub path: Option<PathBuf>,
    /// Output format (default: from the --output file's extension, else csv).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the --output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Only the articles matching QUERY (the search language of the TUI and
    /// `newstag search`, e.g. `tag:governance 物业`), in corpus order.
    #[arg(long, short, value_name = "QUERY")]
    pub query: Option<String>,
    /// Only articles with at least one tag.
    #[arg(long)]
    pub tagged_only: bool,
    /// CSV, xlsx and JSONL: include each article's body text (CSV and xlsx: a
    /// `body` column after `tags`).
    #[arg(long)]
    pub with_body: bool,
    /// CSV: start with a byte-order mark so Excel shows Chinese text correctly.
    #[arg(long)]
    pub excel: bool,
    /// Whose decisions: `all` (every coder's tags together, the default),
    /// `settled` (each article's settled decision: its adjudication, else what
    /// its coders agree on; an article still in dispute gets none), or a
    /// coder's name (that coder's decisions alone).
    #[arg(long, value_name = "all|settled|CODER")]
    pub decisions: Option<String>,
}

/// Spreadsheet extensions newstag cannot write, which must not get CSV text.
const UNWRITABLE_EXTENSIONS: [&str; 5] = ["xls", "xlsm", "xlsb", "ods", "numbers"];

/// The format asked for, else the one the output file's extension names, else CSV.
/// An extension naming a format newstag does not write is refused rather than
/// given CSV text.
pub fn choose_format(
    asked: Option<FormatArg>,
    output: Option<&Path>,
) -> anyhow::Result<ExportFormat> {
    if let Some(f) = asked {
        return Ok(f.into());
    }
    let ext = output
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if let Some(ext) = ext.as_deref() {
        if UNWRITABLE_EXTENSIONS.contains(&ext) {
            anyhow::bail!(
                "cannot write .{ext} files: name the file .xlsx (or .csv), or give --format"
            );
        }
        if ext == "json" {
            anyhow::bail!(
                "newstag writes JSON lines: name the file .jsonl, or give --format jsonl"
            );
        }
    }
    Ok(ExportFormat::ALL
        .into_iter()
        .find(|f| ext.as_deref() == Some(f.as_str()))
        .unwrap_or(ExportFormat::Csv))
}

/// Refuse options the format cannot honour, instead of ignoring them.
fn check_options(format: ExportFormat, args: &ExportArgs) -> anyhow::Result<()> {
    let name = format.as_str();
    if args.excel && matches!(format, ExportFormat::Jsonl | ExportFormat::Toml) {
        anyhow::bail!(
            "--excel is for CSV (a byte-order mark for Excel), not {name}: \
             leave it out, or export --format xlsx for an Excel workbook"
        );
    }
    if args.with_body && format == ExportFormat::Toml {
        anyhow::bail!(
            "--with-body is for CSV, xlsx and JSONL: a toml dump holds tags only, \
             leave it out"
        );
    }
    let whose = Whose::parse(args.decisions.as_deref()).map_err(anyhow::Error::msg)?;
    if whose != Whose::All && format == ExportFormat::Toml {
        anyhow::bail!(
            "a toml dump is a backup of every sidecar: --decisions is for csv, xlsx, jsonl and long"
        );
    }
    if whose == Whose::Settled && args.format == Some(FormatArg::Long) {
        anyhow::bail!(
            "the long table lists each coder's decisions: --decisions settled is for csv, xlsx and jsonl"
        );
    }
    if format == ExportFormat::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!("an xlsx workbook is binary: write it to a file with -o FILE.xlsx");
    }
    Ok(())
}

pub fn run(config: &Config, args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format = choose_format(args.format, args.output.as_deref())?;
    check_options(format, &args)?;
    if let Some(out) = &args.output {
        atomic::check_target(out, args.force)?;
    }
    let query = match &args.query {
        Some(text) => Some(
            crate::search::saved::parse(text, &config.searches)
                .map_err(|e| anyhow::anyhow!("bad query {text:?}: {e}"))?,
        ),
        None => None,
    };
    let root = super::corpus_root(config, args.path.as_deref())?;
    // File stamps before loading, so the search index cache is checked against
    // the files as they were read.
    let stamps = query.as_ref().map(|_| cache::stamps(&root));
    // Bodies are read for their column, or to check a query's hits in them:
    // then from the mapped cache; else only the issues' heads are read.
    let corpus = if args.with_body || query.is_some() {
        super::open_corpus_to_exit(config, Some(&root))?
    } else {
        super::open_corpus_heads_to_exit(config, Some(&root))?
    };
    let store = super::tag_store(config, &corpus)?;
    crate::cache::timing::mark("tag store");
    if let (Some(q), Some(text)) = (&query, &args.query) {
        q.check_tags(&super::search::known_tags(config, &store))
            .map_err(|e| anyhow::anyhow!("bad query {text:?}: {e}"))?;
    }
    let matching: Option<HashSet<ArticleAt>> = match (&query, &stamps, &args.query) {
        (Some(q), Some(files), Some(text)) => {
            let samples = super::sample::samples_for(config, &corpus, q)
                .map_err(|e| anyhow::anyhow!("bad query {text:?}: {e}"))?;
            Some(matches(&corpus, files, &store, q, &samples))
        }
        _ => None,
    };
    for issue in &corpus.issues {
        if let Some(e) = store.read_only(&issue.rel) {
            super::output::say(format!("warning: {e} (its tags are not exported)"));
        }
    }
    let team = crate::tags::team::Team::new(config, &corpus.root).map_err(anyhow::Error::msg)?;
    let whose = Whose::parse(args.decisions.as_deref()).map_err(anyhow::Error::msg)?;
    // The tags and memos each article carries, whose the user asked for.
    let decided = ArticleDecisions::shown(&corpus.issues, &store)
        .of(&corpus, &team, &whose)
        .map_err(anyhow::Error::msg)?;
    if decided.waiting > 0 {
        super::output::say(format!(
            "note: {} wait for adjudication and are exported without tags (newstag adjudicate {} lists them)",
            crate::text::count(decided.waiting, "article"),
            corpus.root.display()
        ));
    }
    let tagged_only = args.tagged_only;
    let stories = if format == ExportFormat::Toml {
        crate::story::Stories::default()
    } else {
        super::stories::link(&corpus.issues)
    };
    crate::cache::timing::mark("stories");
    let gathered = rows::gather(
        &corpus.issues,
        &stories,
        &decided,
        format,
        matching.as_ref(),
        tagged_only,
    );
    let rows = gathered.records();
    crate::cache::timing::mark("rows");
    let vocabulary: Vec<String> = config.tags.iter().map(|t| t.name.clone()).collect();
    let orphans = if tagged_only || matching.is_some() || format != ExportFormat::Toml {
        Vec::new()
    } else {
        let (kept, unreadable) = orphans_in_store(&corpus, &store);
        for e in unreadable {
            super::output::say(format!("warning: {e} (its tags are not exported)"));
        }
        kept
    };
    let options = ExportOptions {
        format,
        with_body: args.with_body,
        excel: args.excel,
    };
    let long = args.format == Some(FormatArg::Long);
    let decisions = if long {
        let mut all = team.decisions(&corpus);
        if let Whose::Coder(name) = &whose {
            all.retain(|d| &d.coder == name);
        } else if team.blind {
            all.retain(|d| d.coder == team.coder);
        }
        all
    } else {
        Vec::new()
    };
    let write = |w: &mut dyn Write| {
        if long {
            export::long::write_long(w, &rows, &decisions, &vocabulary, args.excel)
        } else {
            export::write_export(w, &rows, &vocabulary, &orphans, options)
        }
    };
    match &args.output {
        Some(path) => {
            let n = atomic::write_file(path, args.force, write)?;
            let what = if long {
                "decisions"
            } else if format == ExportFormat::Toml {
                "tagged articles"
            } else {
                "articles"
            };
            super::output::say(format!("wrote {n} {what} to {}", path.display()));
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    crate::cache::timing::mark("write");
    Ok(ExitCode::SUCCESS)
}

/// The places of the articles of `corpus` matching `query`. The
/// search index comes from the cache when it is valid for `files`.
fn matches(
    corpus: &Corpus,
    files: &[cache::IssueStamp],
    store: &TagStore,
    query: &Query,
    samples: &[(String, HashSet<(String, String)>)],
) -> HashSet<ArticleAt> {
    let (index, _) = cache::index_for_corpus(corpus, files);
    let tags = query.uses_tags().then(|| {
        crate::search::tags::with_samples(snapshot(corpus, store), &corpus.issues, samples)
    });
    Matcher::new(&index, query, tags)
        .run(None)
        .into_iter()
        .filter_map(|h| index.article_at(h.doc))
        .collect()
}

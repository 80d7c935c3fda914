//! The command line: `newstag [PATH]` opens the TUI, subcommands script everything.

mod adjudicate;
mod agree;
mod articles;
mod cache;
mod check;
mod correct;
mod export;
mod git_setup;
mod import;
mod note;
mod output;
mod sample;
mod search;
mod stats;
mod stories;
mod story_link;
mod suggest;
mod tag;
mod tags;

use crate::config::Config;
use crate::corpus::Corpus;
use anyhow::Context;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Read, search and tag Chinese newspaper archives.
#[derive(Debug, Parser)]
#[command(name = "newstag", version, about, long_about = None)]
pub struct Cli {
    /// Configuration file (default: $XDG_CONFIG_HOME/newstag/config.toml).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Who you are: recorded with every tag you set (else NEWSTAG_CODER, the
    /// config's team.coder, git's user.name, the login name).
    #[arg(long, global = true, value_name = "NAME")]
    pub coder: Option<String>,

    /// Blind coding: see, count and learn from only your own decisions.
    #[arg(long, global = true)]
    pub blind: bool,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// Corpus folder or issue file to open in the TUI (default: the configured
    /// corpus, else the built-in sample).
    pub path: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every article of a corpus.
    Articles(articles::ArticlesArgs),
    /// Write articles and their tags as CSV, an Excel workbook, JSONL or a TOML dump.
    Export(export::ExportArgs),
    /// Restore tags from a TOML dump written by `export --format toml`.
    Import(import::ImportArgs),
    /// Count what has been tagged: per tag, per month, per issue.
    Stats(stats::StatsArgs),
    /// Add, remove or toggle tags of articles (by id, or every match of a search).
    Tag(tag::TagArgs),
    /// Rename a tag everywhere (config and every sidecar), or give it a colour.
    Tags(tags::TagsArgs),
    /// Report broken sidecars, orphaned tags and tags missing from the config.
    Check(check::CheckArgs),
    /// A memo on an article: `note [PATH] ID "text"` sets it, `note ID --clear`
    /// (or empty text) removes it, `note [PATH]` lists every memo.
    Note(note::NoteArgs),
    /// Fix how an issue was cut: split, join, set a line's role, move a paragraph
    /// (kept in the issue's sidecar; tags follow).
    Correct(correct::CorrectArgs),
    /// Link or unlink the parts of a story across pages by hand (kept in the
    /// part's sidecar as a correction).
    Story(story_link::StoryArgs),
    /// Suggest tags for articles: scores from tag keywords and from your own tags.
    Suggest(suggest::SuggestArgs),
    /// Search a corpus (same ranking as the TUI's `/`). Query syntax: words
    /// separated by spaces must all match, in any order, each side by side in any
    /// field (scattered in titles and heads, ranked below; pinyin `sqzl`/`shequ`);
    /// `~x` scattered in bodies too; `a|b` either; `'exact`; `^prefix` (title
    /// starts with); `!x` not; `tag:NAME` (`tag:"a b"`), `untagged`, `kind:photo`,
    /// `issue:2024-12`, `title:TEXT`, `doubt` (`doubt:short`...), `note` (has a
    /// memo), `note:WORD` (its memo holds WORD).
    Search(search::SearchArgs),
    /// Prepare a corpus for coding as a team in git: each coder's tags in files
    /// of their own (coders/NAME/), so merges never conflict.
    GitSetup(git_setup::GitSetupArgs),
    /// Draw a reproducible reliability sample (samples/NAME.tsv in the corpus).
    Sample(sample::SampleArgs),
    /// The caches of segmented corpora and search indexes: listed (size, last
    /// use, whether the corpus still exists), or `cache clean [--all|PATH]`.
    Cache(cache::CacheArgs),
    /// How well coders agree, per tag: percent agreement, Cohen's kappa,
    /// Krippendorff's alpha with a 95% bootstrap interval; the pairs that differ most.
    Agree(agree::AgreeArgs),
    /// List the articles coders coded differently, or settle one (ID TAG...) as
    /// the current coder, apart from every coder's own decisions.
    Adjudicate(adjudicate::AdjudicateArgs),
}

/// Run the program; the binary's `main` is just this.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // `newstag articles | head`: the reader went away; that is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            output::say(format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

/// True when `e` comes from writing to a pipe whose reader has gone (directly, or
/// wrapped by the JSON or CSV writer, which hide the io::Error from the chain).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
            || c.downcast_ref::<csv::Error>().is_some_and(
                |x| matches!(x.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe),
            )
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    crate::cache::timing::start();
    // A config file named with --config must be read; the default one may be
    // missing. Errors inside the file are reported, its valid parts kept.
    let (mut config, config_errors) = Config::load(cli.config.as_deref())?;
    if let Some(coder) = cli
        .coder
        .clone()
        .or_else(|| std::env::var(crate::tags::team::CODER_ENV).ok())
    {
        config.team.coder = coder;
    }
    config.team.blind |= cli.blind;
    if let Err(e) = crate::corpus::walk::set_ignore_globs(&config.corpus.ignore) {
        output::say(format!("{e} (no file is ignored)"));
    }
    if let Err(e) = crate::segment::lexicon::install_additions(&config.lexicon) {
        output::say(format!("{e} (the built-in lexicon is used)"));
    }
    if let Err(e) = crate::segment::measures::install(&config.measures) {
        output::say(format!("{e} (the built-in measures are used)"));
    }
    crate::correct::file::set_sidecar_dir(config.sidecar_dir());
    crate::cache::manage::set_max_bytes(config.cache.max_size_mb.saturating_mul(1 << 20));
    if cli.command.is_some() {
        for e in &config_errors {
            output::say(format!("warning: {e}"));
        }
    }
    crate::cache::timing::mark("config");
    match cli.command {
        Some(Command::Articles(args)) => articles::run(&config, args),
        Some(Command::Export(args)) => export::run(&config, args),
        Some(Command::Import(args)) => import::run(&config, args),
        Some(Command::Stats(args)) => stats::run(&config, args),
        Some(Command::Tag(args)) => tag::run(&config, args),
        Some(Command::Tags(args)) => tags::run(&config, cli.config.as_deref(), args),
        Some(Command::Note(args)) => note::run(&config, args),
        Some(Command::Check(args)) => check::run(&config, args),
        Some(Command::Correct(args)) => correct::run(&config, args),
        Some(Command::Story(args)) => story_link::run(&config, args),
        Some(Command::Suggest(args)) => suggest::run(&config, args),
        Some(Command::Search(args)) => search::run(&config, args),
        Some(Command::GitSetup(args)) => git_setup::run(&config, args),
        Some(Command::Sample(args)) => sample::run(&config, args),
        Some(Command::Agree(args)) => agree::run(&config, args),
        Some(Command::Adjudicate(args)) => adjudicate::run(&config, args),
        Some(Command::Cache(args)) => cache::run(&config, args),
        None => {
            let root = corpus_root(&config, cli.path.as_deref())?;
            crate::ui::run(config, config_errors, cli.config.as_deref(), root)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The corpus folder to use: PATH, else the configured corpus, else the built-in
/// sample unpacked into the user's data folder.
pub fn corpus_root(config: &Config, path: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(p) = path {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = config.corpus_path() {
        return Ok(p);
    }
    let dir = crate::corpus::builtin::default_sample_dir()
        .context("cannot find a data folder for the sample corpus (set XDG_DATA_HOME)")?;
    crate::corpus::builtin::unpack_sample(&dir)
        .with_context(|| format!("cannot unpack the sample corpus into {}", dir.display()))
}

/// The tags of `corpus` as a command sees them: every coder's decisions, or
/// with `--blind` only the current coder's; changes are saved as the current
/// coder's (see [`crate::tags::team`]).
pub fn tag_store(config: &Config, corpus: &Corpus) -> anyhow::Result<crate::tags::TagStore> {
    let team = crate::tags::team::Team::new(config, &corpus.root).map_err(anyhow::Error::msg)?;
    Ok(team.open(corpus))
}

/// Load the corpus at PATH (see [`corpus_root`]), printing load warnings to stderr.
pub fn open_corpus(config: &Config, path: Option<&Path>) -> anyhow::Result<Corpus> {
    open_corpus_with(config, path, crate::cache::load_corpus)
}

fn open_corpus_with(
    config: &Config,
    path: Option<&Path>,
    load: fn(&Path) -> Result<Corpus, crate::corpus::CorpusError>,
) -> anyhow::Result<Corpus> {
    let root = corpus_root(config, path)?;
    let corpus = load(&root)?;
    for w in &corpus.warnings {
        output::say(format!("warning: {w}"));
    }
    // Printing nothing and succeeding would look like an archive without
    // articles; more likely the folder is the wrong one.
    if corpus.issues.is_empty() {
        return Err(no_issue_files(&root, corpus.warnings.len()));
    }
    Ok(corpus)
}

/// [`open_corpus`] for a command that exits after using it and reads some
/// bodies, or each once (`articles`, `export --with-body`): the bodies stay
/// in the memory-mapped cache until used ([`crate::cache::load_corpus_stored`]),
/// and the corpus is never freed article by article but left to the operating
/// system at exit (freeing a million strings took a tenth of a warm `stats`).
pub fn open_corpus_to_exit(
    config: &Config,
    path: Option<&Path>,
) -> anyhow::Result<std::mem::ManuallyDrop<Corpus>> {
    open_corpus_with(config, path, crate::cache::load_corpus_stored)
        .map(std::mem::ManuallyDrop::new)
}

/// [`open_corpus_to_exit`] for a command that reads next to no body (`stats`,
/// `check`, `export` of tags alone): each issue's head is read from the
/// cache's file, its bodies left there
/// ([`crate::cache::load_corpus_on_disk`]), not the cache mapped into
/// memory: touching every head of a mapped cache brought every page of it in
/// (bodies too), and `stats` of 100,000 issues counted the 1.6 GB cache in
/// its memory.
pub fn open_corpus_heads_to_exit(
    config: &Config,
    path: Option<&Path>,
) -> anyhow::Result<std::mem::ManuallyDrop<Corpus>> {
    open_corpus_with(config, path, crate::cache::load_corpus_on_disk)
        .map(std::mem::ManuallyDrop::new)
}

/// The error of a command given a folder without issues (`skipped`: files
/// that were not issues, or could not be read).
pub fn no_issue_files(root: &Path, skipped: usize) -> anyhow::Error {
    anyhow::anyhow!(
        "no issue files (.txt or .md) in {}{}",
        root.display(),
        if skipped == 0 {
            String::new()
        } else {
            format!(" ({} skipped)", crate::text::count(skipped, "file"))
        }
    )
}

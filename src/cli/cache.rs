//! `newstag cache`: the caches of segmented corpora and search indexes, listed
//! (`newstag cache`) and cleaned (`newstag cache clean [--all|PATH]`).

use super::output::{Format, pad, resolve_format};
use crate::cache::manage::{self, CacheEntry};
use crate::config::Config;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CacheArgs {
    #[command(subcommand)]
    pub action: Option<CacheAction>,
    /// Output format of the list (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Debug, clap::Subcommand)]
pub enum CacheAction {
    /// Remove caches: of corpora that no longer exist (default), of the corpus
    /// at PATH, or with --all every cache. Corpora are never touched.
    Clean {
        /// The corpus folder or issue file whose cache to remove.
        path: Option<PathBuf>,
        /// Remove every cache.
        #[arg(long, conflicts_with = "path")]
        all: bool,
    },
}

/// One line of `--format jsonl`.
#[derive(Debug, Serialize)]
struct CacheRecord {
    corpus: Option<String>,
    corpus_exists: Option<bool>,
    bytes: u64,
    last_used: u64,
    folder: String,
}

pub fn run(_config: &Config, args: CacheArgs) -> anyhow::Result<ExitCode> {
    let Some(root) = crate::cache::cache_root() else {
        anyhow::bail!(
            "no cache folder (set XDG_CACHE_HOME or {})",
            crate::cache::DIR_ENV
        );
    };
    match args.action {
        None => list(&root, args.format),
        Some(CacheAction::Clean { path, all }) => clean(&root, path, all),
    }
}

fn list(root: &std::path::Path, format: Option<Format>) -> anyhow::Result<ExitCode> {
    let entries = manage::list_in(root, true);
    let mut out = super::output::stdout();
    match resolve_format(format) {
        Format::Table => {
            writeln!(out, "{:>9}  {:<16}  CORPUS", "SIZE", "LAST USED")?;
            for e in &entries {
                let corpus = match e.corpus() {
                    Some(p) if p.exists() => p.display().to_string(),
                    Some(p) => format!("{} (gone)", p.display()),
                    None => "? (search index only)".to_string(),
                };
                writeln!(
                    out,
                    "{:>9}  {}  {}",
                    size_text(e.bytes),
                    pad(&when(e.last_used()), 16),
                    corpus
                )?;
            }
            let total: u64 = entries.iter().map(|e| e.bytes).sum();
            writeln!(
                out,
                "{:>9}  in {} ({} of {} MB allowed)",
                size_text(total),
                root.display(),
                crate::text::count(entries.len(), "cache"),
                manage::max_bytes() >> 20
            )?;
        }
        Format::Jsonl => {
            for e in &entries {
                let corpus = e.corpus();
                let record = CacheRecord {
                    corpus_exists: corpus.as_ref().map(|p| p.exists()),
                    corpus: corpus.map(|p| p.display().to_string()),
                    bytes: e.bytes,
                    last_used: e.last_used(),
                    folder: e.dir.display().to_string(),
                };
                crate::export::jsonl::write_json_line(&mut out, &record)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn clean(root: &std::path::Path, path: Option<PathBuf>, all: bool) -> anyhow::Result<ExitCode> {
    let entries = manage::list_in(root, true);
    let chosen: Vec<&CacheEntry> = match &path {
        Some(p) => {
            let hash = format!("{:016x}", crate::cache::corpus_hash(p));
            entries.iter().filter(|e| e.hash == hash).collect()
        }
        None if all => entries.iter().collect(),
        None => entries.iter().filter(|e| e.corpus_missing()).collect(),
    };
    let mut freed = 0;
    let mut failed = false;
    for e in &chosen {
        match e.remove() {
            Ok(()) => freed += e.bytes,
            Err(why) => {
                super::output::say(format!("cannot remove: {why}"));
                failed = true;
            }
        }
    }
    let what = match (&path, all) {
        (Some(p), _) if chosen.is_empty() => {
            super::output::say(format!("no cache of {}", p.display()));
            return Ok(ExitCode::SUCCESS);
        }
        (Some(p), _) => format!("the cache of {}", p.display()),
        (None, true) => crate::text::count(chosen.len(), "cache"),
        (None, false) => format!(
            "{} of corpora that no longer exist",
            crate::text::count(chosen.len(), "cache")
        ),
    };
    super::output::say(format!("removed {what}, {} freed", size_text(freed)));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `12.3 MB`, `850 kB`.
fn size_text(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}

/// A time as `YYYY-MM-DD HH:MM` (UTC), `-` when unknown.
fn when(secs: u64) -> String {
    match jiff::Timestamp::from_second(secs as i64) {
        Ok(t) if secs > 0 => t.strftime("%Y-%m-%d %H:%M").to_string(),
        _ => "-".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_dates() {
        assert_eq!(when(0), "-");
        assert_eq!(when(86_400 * 365 + 3661), "1971-01-01 01:01");
        assert_eq!(when(1_764_567_600), "2025-12-01 05:40");
    }
}

//! `newstag check [PATH]`: report sidecars that do not parse, orphaned tags, tags
//! missing from the config and sidecars whose issue file is gone. Exit code 1 when
//! there is any.

use crate::config::Config;
use crate::tags::{Problem, TagStore, sidecar};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Corpus folder or issue file (default: the configured corpus, else the
    /// built-in sample).
    pub path: Option<PathBuf>,
}

pub fn run(config: &Config, args: CheckArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::open_corpus(config, args.path.as_deref())?;
    let sidecar_dir = config.sidecar_dir();
    let store = TagStore::open(&corpus, sidecar_dir.as_deref());
    let found = store.problems(&config.tags);
    let (mut bad, mut orphans, mut unknown) = (0, 0, 0);
    for p in &found {
        match p {
            Problem::BadSidecar(_) => bad += 1,
            Problem::Orphan { .. } => orphans += 1,
            Problem::UnknownTag { .. } => unknown += 1,
        }
    }
    let mut problems: Vec<String> = found.iter().map(ToString::to_string).collect();
    // Sidecars left behind by an issue file that was renamed or deleted.
    // The sidecars the issues read (their own, or an older one they still read
    // until their own exists; see `tags::location`).
    let read = store.sidecar_files_read();
    let known: HashSet<PathBuf> = read.iter().map(|p| p.to_path_buf()).collect();
    let search_root = match &sidecar_dir {
        Some(d) => d.clone(),
        None if corpus.root.is_file() => corpus
            .root
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
        None => corpus.root.clone(),
    };
    let (mut lost, mut special) = (0, 0);
    if corpus.root.is_dir() || sidecar_dir.is_some() {
        for (path, file_type) in sidecar_files(&search_root) {
            if !file_type.is_file() {
                // At an issue's sidecar path the store reports it as a bad sidecar.
                if !known.contains(&path) {
                    special += 1;
                    problems.push(format!(
                        "{}: {}; not read",
                        path.display(),
                        crate::regular_file::not_regular(file_type)
                    ));
                }
                continue;
            }
            if !known.contains(&path) {
                lost += 1;
                problems.push(format!(
                    "{}: no issue file for this sidecar (renamed or deleted?); its tags are kept",
                    path.display()
                ));
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for p in &problems {
        writeln!(out, "{p}")?;
    }
    let sidecars = read.len();
    if problems.is_empty() {
        writeln!(
            out,
            "ok: {} tagged articles in {sidecars} sidecars, no problems",
            store.tagged_count()
        )?;
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(
            out,
            "{} problems: {bad} bad sidecars (read-only), {orphans} orphaned articles, \
             {unknown} unknown tags, {lost} sidecars without issue, \
             {special} special files named like sidecars",
            problems.len()
        )?;
        Ok(ExitCode::from(1))
    }
}

/// Every `*.tags.toml` under `root` that is not a folder, with its type (links
/// followed), hidden folders skipped.
fn sidecar_files(root: &Path) -> Vec<(PathBuf, std::fs::FileType)> {
    let mut files: Vec<(PathBuf, std::fs::FileType)> = walkdir::WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !crate::corpus::walk::is_hidden(e.file_name()))
        .filter_map(Result::ok)
        .filter(|e| {
            !e.file_type().is_dir()
                && e.file_name()
                    .as_encoded_bytes()
                    .ends_with(sidecar::SUFFIX.as_bytes())
        })
        .map(|e| (e.path().to_path_buf(), e.file_type()))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

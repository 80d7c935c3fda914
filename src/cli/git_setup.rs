//! `newstag git-setup [PATH]`: prepare a corpus for coding as a team in git.
//!
//! Makes the team layout's `coders/` folder (see [`crate::tags::team`]): from
//! then on each coder's decisions are kept in sidecars of their own under
//! `coders/NAME/`, so two coders' commits never touch the same file and always
//! merge without a conflict.

use crate::config::Config;
use crate::tags::team::{CODERS_DIR, Team};
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct GitSetupArgs {
    /// Corpus folder (default: the configured corpus).
    pub path: Option<PathBuf>,
}

/// What `coders/README.md` says (README files are never read as issues).
const README: &str = "\
# Coders' decisions

newstag keeps each coder's tags here, one folder per coder, mirroring the
corpus: `coders/NAME/2024/01/02_03.tags.toml` holds what NAME decided for the
issue `2024/01/02_03.txt`. A coder only ever writes their own folder, so two
coders' commits never touch the same file and always merge without a conflict.

Commit this folder with the corpus. See `newstag agree` for the reliability
table.
";

pub fn run(config: &Config, args: GitSetupArgs) -> anyhow::Result<ExitCode> {
    let root = super::corpus_root(config, args.path.as_deref())?;
    if !root.is_dir() {
        anyhow::bail!(
            "{}: not a folder; git-setup prepares a corpus folder",
            root.display()
        );
    }
    let team = Team::new(config, &root).map_err(anyhow::Error::msg)?;
    let dir = team.coders_dir();
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let readme = dir.join("README.md");
    if !readme.exists() {
        crate::tags::sidecar::write_atomic(&readme, README)?;
    }
    // The lock files taken while saving are no one's decisions.
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        crate::tags::sidecar::write_atomic(
            &ignore,
            format!("{}\n", crate::tags::sidecar::LOCK_NAME),
        )?;
    }
    println!(
        "team layout ready: each coder's tags go to {}/NAME/ ({CODERS_DIR}/README.md explains); \
         you code as \"{}\" (--coder, NEWSTAG_CODER or team.coder to change). \
         Commit {} with the corpus.",
        dir.display(),
        if team.coder.is_empty() {
            crate::tags::team::UNKNOWN
        } else {
            &team.coder
        },
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

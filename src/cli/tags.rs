//! `newstag tags rename [PATH] OLD NEW` and `newstag tags color [PATH] NAME
//! COLOR`: rename a tag everywhere it is written (the config and every
//! sidecar: beside the issues or under `sidecar_dir`, every coder's under
//! `coders/`, the settled decisions under `adjudicated/`), or give it a colour
//! in the config. `--dry-run` says what would change and writes nothing.
//!
//! Everything is read and checked first (the config must read, every sidecar
//! must read, the new name must be free and one the query `tag:"NAME"` can
//! carry); the sidecars are then rewritten, each atomically under its folder's
//! lock, and the config last. See [`crate::tags::rename`] and
//! [`crate::tags::vocab`].

use crate::config::Config;
use crate::tags::{rename, vocab};
use crate::text::escape_controls;
use anyhow::bail;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct TagsArgs {
    #[command(subcommand)]
    pub action: TagsAction,
}

#[derive(Debug, clap::Subcommand)]
pub enum TagsAction {
    /// Rename a tag in the config and in every sidecar (every coder's too):
    /// `tags rename [PATH] OLD NEW`.
    Rename {
        /// [PATH] OLD NEW: the corpus folder (default: the configured corpus),
        /// the tag's name and its new name.
        #[arg(value_name = "PATH|OLD|NEW", num_args = 2..=3)]
        items: Vec<String>,
        /// Say what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Give a tag a colour in the config: `tags color [PATH] NAME COLOR`
    /// (a name such as blue or light-red, #rrggbb, or 0-255).
    Color {
        /// [PATH] NAME COLOR.
        #[arg(value_name = "PATH|NAME|COLOR", num_args = 2..=3)]
        items: Vec<String>,
        /// Say what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

/// Split `[PATH] A B` into the corpus folder and the two words.
fn split(config: &Config, items: &[String]) -> anyhow::Result<(PathBuf, String, String)> {
    let (path, a, b) = match items {
        [a, b] => (None, a, b),
        [p, a, b] => (Some(Path::new(p)), a, b),
        _ => bail!("give two words after the optional PATH"),
    };
    let root = super::corpus_root(config, path)?;
    if !root.exists() {
        bail!("{}: no such folder", root.display());
    }
    Ok((root, a.clone(), b.clone()))
}

/// The config file a change is written to: `--config`, else the user's.
fn config_file(explicit: Option<&Path>) -> anyhow::Result<PathBuf> {
    match explicit {
        Some(p) => Ok(p.to_path_buf()),
        None => crate::config::user_config_path()
            .ok_or_else(|| anyhow::anyhow!("no config folder (set XDG_CONFIG_HOME or HOME)")),
    }
}

pub fn run(
    config: &Config,
    config_path: Option<&Path>,
    args: TagsArgs,
) -> anyhow::Result<ExitCode> {
    match args.action {
        TagsAction::Rename { items, dry_run } => {
            let (root, old, new) = split(config, &items)?;
            rename_tag(config, config_path, &root, &old, &new, dry_run)
        }
        TagsAction::Color { items, dry_run } => {
            let (root, name, color) = split(config, &items)?;
            color_tag(config, config_path, &root, &name, &color, dry_run)
        }
    }
}

fn rename_tag(
    config: &Config,
    config_path: Option<&Path>,
    root: &Path,
    old: &str,
    new: &str,
    dry_run: bool,
) -> anyhow::Result<ExitCode> {
    let new = vocab::check_new_name(new, &config.tags)?;
    if new == old {
        bail!("\"{}\" is already called so", escape_controls(old));
    }
    let files = rename::sidecar_files(&rename::sidecar_dirs(config, root));
    let plan = rename::plan(&files, old, &new)?;
    let in_config = config.tag(old).is_some();
    if !in_config && plan.articles() == 0 {
        bail!(vocab::VocabError::Unknown(
            escape_controls(old).into_owned()
        ));
    }
    let cfg = config_file(config_path)?;
    // The config is checked before any sidecar is written.
    if in_config {
        vocab::rename_in_config(&cfg, old, &new, false)?;
    }
    let verb = if dry_run { "would rename" } else { "renaming" };
    println!(
        "{verb} \"{}\" to \"{}\": {} in {}",
        escape_controls(old),
        escape_controls(&new),
        crate::text::count(plan.articles(), "article"),
        crate::text::count(plan.files.len(), "sidecar")
    );
    for (path, n) in &plan.files {
        let shown = path.strip_prefix(root).unwrap_or(path);
        println!("  {}: {n}", escape_controls(&shown.to_string_lossy()));
    }
    if in_config {
        println!("  config: {}", cfg.display());
    }
    if dry_run {
        println!("(dry run: nothing written)");
        return Ok(ExitCode::SUCCESS);
    }
    match rename::apply(&plan) {
        Ok(_) => {}
        Err(e) => {
            super::output::say(format!("NOT RENAMED: {e}"));
            return Ok(ExitCode::from(1));
        }
    }
    if in_config {
        vocab::rename_in_config(&cfg, old, &new, true)?;
    }
    println!("renamed");
    Ok(ExitCode::SUCCESS)
}

fn color_tag(
    config: &Config,
    config_path: Option<&Path>,
    root: &Path,
    name: &str,
    color: &str,
    dry_run: bool,
) -> anyhow::Result<ExitCode> {
    if color.trim().parse::<ratatui::style::Color>().is_err() {
        bail!(
            "\"{}\" is not a colour: a name (blue, light-red ...), #rrggbb or 0-255",
            escape_controls(color)
        );
    }
    if config.tag(name).is_none() {
        let files = rename::sidecar_files(&rename::sidecar_dirs(config, root));
        if rename::plan(&files, name, name)?.articles() == 0 {
            bail!(vocab::VocabError::Unknown(
                escape_controls(name).into_owned()
            ));
        }
    }
    let cfg = config_file(config_path)?;
    vocab::recolor_in_config(&cfg, name, color.trim(), !dry_run)?;
    let verb = if dry_run { "would colour" } else { "coloured" };
    println!(
        "{verb} \"{}\" {} in {}",
        escape_controls(name),
        color.trim(),
        cfg.display()
    );
    Ok(ExitCode::SUCCESS)
}

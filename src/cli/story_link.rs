//! `newstag story link PATH ID1 ID2` and `newstag story unlink PATH ID`: link
//! or unlink the parts of a story across pages by hand. Each is kept as a
//! `[[correction]]` (`op = "link"` / `"unlink"`) in the sidecar of the part's
//! issue, written under its lock as every correction is, and honoured by every
//! command and the TUI wherever stories are linked (see [`crate::story`]).

use crate::article::ArticleAt;
use crate::config::Config;
use crate::correct::file::{ChangeError, IssueSidecars, change, read_text, team_tag_dirs};
use crate::correct::{Correction, Op};
use crate::story::{ManualLink, Stories, manual_links};
use anyhow::bail;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct StoryArgs {
    #[command(subcommand)]
    pub what: StoryCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum StoryCommand {
    /// Link two parts by hand: ID2 goes on where ID1 stops (one story; tags,
    /// exports and stats follow).
    Link {
        /// Corpus folder.
        path: PathBuf,
        /// The part that goes on (id, unique prefix, or ISSUE#ID).
        from: String,
        /// The part it goes on in.
        to: String,
    },
    /// Make a part stand alone: no story links to or from it.
    Unlink {
        /// Corpus folder.
        path: PathBuf,
        /// The part (id, unique prefix, or ISSUE#ID).
        id: String,
    },
}

pub fn run(config: &Config, args: StoryArgs) -> anyhow::Result<ExitCode> {
    let (path, ids, op) = match &args.what {
        StoryCommand::Link { path, from, to } => (path, vec![from.clone(), to.clone()], Op::Link),
        StoryCommand::Unlink { path, id } => (path, vec![id.clone()], Op::Unlink),
    };
    let corpus = super::open_corpus(config, Some(path))?;
    let targets = super::tag::id_targets(&corpus, &ids)?;
    if op == Op::Link && targets.len() < 2 {
        bail!(
            "{} and {} are the same part: nothing linked",
            ids[0],
            ids[1]
        );
    }
    let here = targets[0];
    let (issue, article) = here
        .find(&corpus.issues)
        .ok_or_else(|| anyhow::anyhow!("no article with id {}", ids[0]))?;
    let text = read_text(&issue.path)?;
    let lines: Vec<&str> = text.split('\n').collect();
    let mut c = Correction::on_line(op, &lines, article.line)
        .map_err(|why| anyhow::anyhow!("{}:{}: {why}", issue.path.display(), article.line))?;
    c.id = article.id.clone();
    let name = |at: ArticleAt| {
        let Some((issue, article)) = at.find(&corpus.issues) else {
            return String::new();
        };
        format!(
            "\"{}\" ({}#{})",
            crate::text::cell_text(&article.display_title()),
            crate::text::cell_text(&issue.rel),
            article.id
        )
    };
    if let Some(&there) = targets.get(1)
        && let Some((to_issue, to_article)) = there.find(&corpus.issues)
    {
        c.to_issue = to_issue.rel.clone();
        c.to_id = to_article.id.clone();
        let mut manual = manual_links(&corpus.issues);
        manual.push(ManualLink::Link {
            from: (issue.rel.clone(), c.id.clone()),
            to: (c.to_issue.clone(), c.to_id.clone()),
        });
        let stories = Stories::link_with(&corpus.issues, &manual);
        let linked = stories
            .story_of(here)
            .is_some_and(|(parts, _)| parts.contains(&there));
        if !linked {
            bail!(
                "{} already goes on in {}: linking them would make a loop; nothing linked",
                name(there),
                name(here)
            );
        }
    }
    let (team, _) = crate::tags::team::Team::new_or_unknown(config, &corpus.root);
    let tag_dirs = team_tag_dirs(&team);
    let sidecar_dir = config.sidecar_dir();
    let at = IssueSidecars {
        tag_dirs: &tag_dirs,
        ..IssueSidecars::own(&issue.path, &issue.rel, sidecar_dir.as_deref())
    };
    let made = c.clone();
    // A new link or unlink of the part replaces the part's earlier ones.
    let result = change(at, &text, |_, list| {
        list.push(made);
        Ok(())
    });
    let changed = match result {
        Ok(changed) => changed,
        Err(ChangeError::Refused(why)) => bail!("{}: {why}", issue.path.display()),
        Err(e) => return Err(e.into()),
    };
    let mut out = super::output::stdout();
    match targets.get(1) {
        Some(&to) => {
            let stories = Stories::link(&corpus.issues);
            let parts = stories.story_of(here).map_or(1, |(p, _)| p.len());
            writeln!(
                out,
                "linked: {} goes on in {}; the story has {parts} parts",
                name(here),
                name(to)
            )?;
        }
        None => writeln!(out, "unlinked: {} stands alone", name(here))?,
    }
    writeln!(
        out,
        "kept in {} (newstag correct {} {} --list; --drop N takes it back)",
        changed.sidecar.display(),
        corpus.root.display(),
        issue.rel
    )?;
    Ok(ExitCode::SUCCESS)
}

//! `newstag check [PATH]`: report sidecars that do not parse, orphaned tags, tags
//! missing from the config and sidecars whose issue file is gone. Exit code 1 when
//! there is any.

use crate::config::Config;
use crate::tags::{Problem, TagStore};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Corpus folder or issue file (default: the configured corpus, else the
    /// built-in sample).
    pub path: Option<PathBuf>,
}

pub fn run(config: &Config, args: CheckArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::open_corpus_heads_to_exit(config, args.path.as_deref())?;
    let sidecar_dir = config.sidecar_dir();
    let team = crate::tags::team::Team::new(config, &corpus.root).map_err(anyhow::Error::msg)?;
    // The shared sidecars, then each coder's own (team layout).
    let mut stores = vec![TagStore::open(&corpus, sidecar_dir.as_deref())];
    for coder in team.coders_on_disk() {
        stores.push(TagStore::open(&corpus, Some(&team.coder_dir(&coder))));
    }
    for name in team.adjudicators_on_disk() {
        stores.push(TagStore::open(&corpus, Some(&team.adjudicator_dir(&name))));
    }
    crate::cache::timing::mark("tag stores");
    let found: Vec<Problem> = stores
        .iter()
        .flat_map(|s| s.problems(&config.tags))
        .collect();
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
    let sidecars: usize = stores.iter().map(|s| s.sidecar_files_read().len()).sum();
    let tagged: usize = stores.iter().map(TagStore::tagged_count).sum();
    let mut stray = crate::tags::stray::StraySidecars::default();
    for store in &stores {
        let found = crate::tags::stray::find(&corpus, store);
        stray.lost.extend(found.lost);
        stray.special.extend(found.special);
    }
    let (lost, special) = (stray.lost.len(), stray.special.len());
    let mut left: Vec<(&PathBuf, String)> = stray
        .special
        .iter()
        .map(|(path, file_type)| {
            (
                path,
                format!("{}; not read", crate::regular_file::not_regular(*file_type)),
            )
        })
        .chain(stray.lost.iter().map(|path| {
            (
                path,
                "no issue file for this sidecar (renamed or deleted?); its tags are kept"
                    .to_string(),
            )
        }))
        .collect();
    left.sort();
    problems.extend(
        left.into_iter()
            .map(|(path, what)| format!("{}: {what}", path.display())),
    );
    crate::cache::timing::mark("problems, stray");
    // Corrections of the cut that no longer apply (the issue file was edited).
    // Only issues with a sidecar can have corrections: one listing of each
    // sidecar folder instead of a dozen lookups an issue.
    let stale: Vec<_> =
        crate::cache::sidecars::may_have_sidecars(&corpus.issues, sidecar_dir.as_deref())
            .into_iter()
            .flat_map(|issue| {
                crate::correct::file::stale_of(issue, &corpus.issues, sidecar_dir.as_deref())
            })
            .collect();
    let stale_count = stale.len();
    problems.extend(stale.into_iter().map(|s| {
        format!(
            "{}: correction {} ({}) no longer applies: {}; kept (newstag correct --list, --drop {})",
            s.sidecar.display(),
            s.number,
            s.correction.describe(),
            s.why,
            s.number
        )
    }));
    crate::cache::timing::mark("stale corrections");
    let (book, older) = codebook_problems(config, &corpus, &team);
    crate::cache::timing::mark("codebook");
    let (book_count, older_count) = (book.len(), older.len());
    problems.extend(book);
    problems.extend(older);
    let mut out = super::output::stdout();
    for p in &problems {
        // One problem a line, whatever the names in it hold.
        writeln!(out, "{}", crate::text::escape_controls(p))?;
    }
    if problems.is_empty() {
        writeln!(
            out,
            "ok: {tagged} tagged articles in {sidecars} sidecars, no problems"
        )?;
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(
            out,
            "{} problems: {bad} bad sidecars (read-only), {orphans} orphaned articles, \
             {unknown} unknown tags, {lost} sidecars without issue, \
             {special} special files named like sidecars, {stale_count} stale corrections, \
             {book_count} codebook problems, {older_count} decisions under an older definition",
            problems.len()
        )?;
        out.flush()?;
        Ok(ExitCode::from(1))
    }
}

/// What is wrong with the corpus's codebook (see [`crate::tags::codebook`]):
/// a file that does not read, entries for tags the vocabulary lacks, anchor
/// ids no article has; then the decisions made under an older definition of
/// their tag (its `changed` above the version the decision recorded).
fn codebook_problems(
    config: &Config,
    corpus: &crate::corpus::Corpus,
    team: &crate::tags::team::Team,
) -> (Vec<String>, Vec<String>) {
    let path = crate::tags::codebook::path_in(team.base());
    let book = match crate::tags::codebook::read(&path) {
        Ok(Some(book)) => book,
        Ok(None) => return (Vec::new(), Vec::new()),
        Err(why) => return (vec![why], Vec::new()),
    };
    let ids: std::collections::HashSet<&str> = corpus
        .issues
        .iter()
        .flat_map(|i| i.articles.iter().map(|a| a.id.as_str()))
        .collect();
    let mut out = Vec::new();
    let mut older = Vec::new();
    // Decisions made under an older definition of their tag: every coder's
    // and every adjudicator's.
    let mut decisions = team.decisions(corpus);
    decisions.extend(team.adjudications(corpus));
    for d in &decisions {
        if let Some(e) = book.entry(&d.tag)
            && e.changed > d.mark.codebook
        {
            let coder = if d.coder.is_empty() {
                crate::tags::team::UNKNOWN
            } else {
                d.coder.as_str()
            };
            let under = match d.mark.codebook {
                0 => "before the codebook had a version".to_string(),
                v => format!("under codebook v{v}"),
            };
            older.push(format!(
                "{}#{}: {} by {coder} ({}) was decided {under}; its definition changed in v{}",
                d.issue,
                d.id,
                d.tag,
                d.mark.by.as_str(),
                e.changed
            ));
        }
    }
    for e in &book.entries {
        if config.tag(&e.name).is_none() {
            out.push(format!(
                "{}: tag \"{}\" has an entry but is not in the vocabulary",
                path.display(),
                e.name
            ));
        }
        for a in &e.anchors {
            if !ids.contains(a.as_str()) {
                out.push(format!(
                    "{}: tag \"{}\": no article has the anchor id {a}",
                    path.display(),
                    e.name
                ));
            }
        }
    }
    (out, older)
}

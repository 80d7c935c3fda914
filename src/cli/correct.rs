//! `newstag correct PATH ISSUE_FILE --split-before LINE | --join LINE |
//! --role LINE=ROLE | --move LINE --to ARTICLE_ID | --list | --drop N`: fix how an
//! issue was cut; the correction is kept in the issue's sidecar and the tags
//! follow their articles.

use crate::config::Config;
use crate::correct::file::{ChangeError, Changed, IssueSidecars, change, team_tag_dirs};
use crate::correct::{Correction, Op, Role, Status};
use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(group(
    clap::ArgGroup::new("what")
        .required(true)
        .args(["split_before", "join", "role", "move_line", "list", "drop", "show"])
))]
pub struct CorrectArgs {
    /// Corpus folder the issue belongs to.
    pub path: PathBuf,
    /// The issue file (a path, or relative to PATH).
    pub issue: PathBuf,
    /// Start a new article at LINE (1-based line of the file).
    #[arg(long, value_name = "LINE")]
    pub split_before: Option<usize>,
    /// Join the article holding LINE to the article before it.
    #[arg(long, value_name = "LINE")]
    pub join: Option<usize>,
    /// Give the line a role: title, kicker, subtitle, byline, body, caption,
    /// furniture.
    #[arg(long, value_name = "LINE=ROLE")]
    pub role: Option<String>,
    /// Move the paragraph at LINE to another article (with --to).
    #[arg(long = "move", value_name = "LINE", requires = "to")]
    pub move_line: Option<usize>,
    /// The article to move the paragraph to (id or unique id prefix).
    #[arg(long, value_name = "ARTICLE_ID", requires = "move_line")]
    pub to: Option<String>,
    /// List the issue's corrections, numbered, and whether each still applies.
    #[arg(long)]
    pub list: bool,
    /// Remove correction N (as numbered by --list); tags follow the articles.
    #[arg(long, value_name = "N")]
    pub drop: Option<usize>,
    /// Show the page: every line with its number, its role and the article it
    /// is in, as corrected.
    #[arg(long)]
    pub show: bool,
}

pub fn run(config: &Config, args: CorrectArgs) -> anyhow::Result<ExitCode> {
    let root = args.path.clone();
    if !root.exists() {
        bail!("{}: no such file or folder", root.display());
    }
    let issue_path = issue_path(&root, &args.issue);
    let bytes = crate::regular_file::read(&issue_path)
        .with_context(|| format!("{}: cannot read", issue_path.display()))?;
    let decoded = crate::corpus::decode::decode(&bytes)
        .with_context(|| format!("{}: cannot decode", issue_path.display()))?;
    let text = decoded.text.as_ref();
    let rel = crate::corpus::relative_path(&root, &issue_path);
    let sidecar_dir = config.sidecar_dir();
    let lines: Vec<&str> = text.split('\n').collect();
    let file = issue_path.display().to_string();
    let mut out = super::output::stdout();
    if args.list {
        return list(
            &mut out,
            &root,
            &issue_path,
            &rel,
            sidecar_dir.as_deref(),
            text,
        );
    }
    if args.show {
        return show(&mut out, &issue_path, &rel, sidecar_dir.as_deref(), text);
    }
    let on_line = |op: Op, line: usize| -> anyhow::Result<Correction> {
        Correction::on_line(op, &lines, line).map_err(|why| anyhow::anyhow!("{file}:{line}: {why}"))
    };
    let (line, verb, new) = if let Some(line) = args.split_before {
        (line, "split", Some(on_line(Op::SplitBefore, line)?))
    } else if let Some(line) = args.join {
        (line, "join", Some(on_line(Op::Join, line)?))
    } else if let Some(spec) = &args.role {
        let (line, role) = parse_role(spec).with_context(|| format!("{file}: --role {spec}"))?;
        let c = Correction {
            role: Some(role),
            ..on_line(Op::Role, line)?
        };
        (line, "set the role of", Some(c))
    } else if let (Some(line), Some(_)) = (args.move_line, &args.to) {
        (line, "move", Some(on_line(Op::Move, line)?))
    } else {
        (0, "drop", None)
    };
    let to = args.to.clone();
    let drop = args.drop;
    // In the team layout, tags follow in every coder's and adjudicator's sidecar.
    let (team, _) = crate::tags::team::Team::new_or_unknown(config, &root);
    let tag_dirs = team_tag_dirs(&team);
    let at = IssueSidecars {
        tag_dirs: &tag_dirs,
        ..IssueSidecars::own(&issue_path, &rel, sidecar_dir.as_deref())
    };
    let result = change(at, text, |articles, corrections| match new {
        Some(mut c) => {
            if let Some(to) = &to {
                c = c.to_article(&lines, find_article(articles, to)?);
            }
            corrections.push(c);
            Ok(())
        }
        None => {
            let n = drop.unwrap_or(0);
            if n == 0 || n > corrections.len() {
                return Err(format!(
                    "no correction {n}: the issue has {} (see --list)",
                    corrections.len()
                ));
            }
            corrections.remove(n - 1);
            Ok(())
        }
    });
    let changed = match result {
        Ok(c) => c,
        Err(ChangeError::Refused(why)) if line > 0 => bail!("{file}:{line}: cannot {verb}: {why}"),
        Err(ChangeError::Refused(why)) => bail!("{file}: cannot drop: {why}"),
        Err(e) => return Err(e.into()),
    };
    crate::correct::file::forget_search_cache(&root);
    report(&mut out, &args, &changed)?;
    Ok(ExitCode::SUCCESS)
}

/// The issue file: ISSUE_FILE under PATH when it is there, else as given.
fn issue_path(root: &Path, issue: &Path) -> PathBuf {
    let under = root.join(issue);
    if issue.is_relative() && under.exists() {
        under
    } else {
        issue.to_path_buf()
    }
}

/// `12=byline` -> (12, Byline).
fn parse_role(spec: &str) -> anyhow::Result<(usize, Role)> {
    let Some((line, role)) = spec.split_once('=') else {
        bail!("write LINE=ROLE, such as 12=byline");
    };
    let line: usize = line
        .trim()
        .parse()
        .map_err(|_| anyhow::anyhow!("\"{}\" is not a line number", line.trim()))?;
    let role = Role::parse(role).ok_or_else(|| {
        anyhow::anyhow!(
            "\"{}\" is not a role (one of {})",
            role.trim(),
            Role::ALL.map(Role::as_str).join(", ")
        )
    })?;
    Ok((line, role))
}

/// The article with id `id` (or a unique prefix of it).
fn find_article<'a>(
    articles: &'a [crate::article::Article],
    id: &str,
) -> Result<&'a crate::article::Article, String> {
    let id = id.trim().to_ascii_lowercase();
    let found: Vec<_> = articles.iter().filter(|a| a.id.starts_with(&id)).collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(format!("no article of this issue has the id {id}")),
        _ => Err(format!(
            "{id} is the start of {} ids: give more digits",
            found.len()
        )),
    }
}

fn list(
    out: &mut impl Write,
    root: &Path,
    issue_path: &Path,
    rel: &str,
    sidecar_dir: Option<&Path>,
    text: &str,
) -> anyhow::Result<ExitCode> {
    let location = crate::tags::location::locate(issue_path, rel, sidecar_dir);
    let corrections = location.read()?.map(|s| s.corrections).unwrap_or_default();
    if corrections.is_empty() {
        writeln!(out, "{rel}: no corrections")?;
        return Ok(ExitCode::SUCCESS);
    }
    let key = crate::corpus::issue_key(rel);
    let habits = crate::corpus::habits::for_path(issue_path);
    let corrected = crate::correct::apply(text, &key, &corrections, &habits);
    // A story link by hand also needs the part it goes on in, in any issue.
    let issues = if corrections.iter().any(|c| c.op == Some(Op::Link)) {
        crate::cache::load_corpus(root)?.issues
    } else {
        Vec::new()
    };
    for (i, (c, status)) in corrections.iter().zip(&corrected.statuses).enumerate() {
        let gone = match status {
            Status::Applied { .. } => crate::correct::file::link_target_gone(c, &issues),
            Status::Stale(_) => None,
        };
        let status = match (status, gone) {
            (_, Some(why)) => format!("STALE: {why}"),
            (Status::Applied { line }, None) if *line == c.line => "applies".to_string(),
            (Status::Applied { line }, None) => format!("applies (now at line {line})"),
            (Status::Stale(why), None) => format!("STALE: {why}"),
        };
        writeln!(out, "{:>3}  {}  [{status}]", i + 1, c.describe())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `--show`: the page view on the command line.
fn show(
    out: &mut impl Write,
    issue_path: &Path,
    rel: &str,
    sidecar_dir: Option<&Path>,
    text: &str,
) -> anyhow::Result<ExitCode> {
    let location = crate::tags::location::locate(issue_path, rel, sidecar_dir);
    let corrections = location.read()?.map(|s| s.corrections).unwrap_or_default();
    let key = crate::corpus::issue_key(rel);
    let habits = crate::corpus::habits::for_path(issue_path);
    let (view, corrected) = crate::correct::view(text, &key, &corrections, &habits);
    for v in &view {
        if v.starts
            && let Some(a) = v.article.and_then(|k| corrected.articles.get(k))
        {
            let doubts = if a.doubts.is_empty() {
                String::new()
            } else {
                format!(" doubts: {}", a.doubts.names().join(", "))
            };
            writeln!(
                out,
                "     -- article {}: {} ({}, {}){doubts}",
                a.index,
                crate::text::fit_width(&crate::text::controls_as_spaces(&a.display_title()), 40)
                    .trim_end(),
                a.id,
                a.kind.as_str()
            )?;
        }
        let bar = if v.article.is_some() { "|" } else { " " };
        writeln!(
            out,
            "{:>4} {} {} {}",
            v.line,
            super::output::pad(v.role, 9),
            bar,
            crate::text::fit_width(&crate::text::controls_as_spaces(&v.text), 64).trim_end()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn report(out: &mut impl Write, args: &CorrectArgs, changed: &Changed) -> anyhow::Result<()> {
    let before = changed.before.len();
    let after = changed.after.articles.len();
    match args.drop {
        Some(n) => writeln!(out, "dropped correction {n}")?,
        None if changed.added.is_none() => {
            for (k, c) in &changed.cancelled {
                writeln!(
                    out,
                    "dropped correction {} ({}): this one undoes it",
                    k + 1,
                    c.describe()
                )?;
            }
        }
        None => {
            for (k, c) in &changed.cancelled {
                writeln!(
                    out,
                    "dropped correction {} ({}): this one replaces it",
                    k + 1,
                    c.describe()
                )?;
            }
            let n = changed.after.statuses.len();
            writeln!(out, "correction {n} saved")?;
        }
    }
    writeln!(
        out,
        "{}: {after} articles (was {before}); corrections in {}",
        args.issue.display(),
        changed.sidecar.display()
    )?;
    for m in &changed.moves {
        match &m.to {
            Some((id, title)) => writeln!(
                out,
                "tags {} of \"{}\" ({}) are now on \"{title}\" ({id})",
                m.tags.join(", "),
                m.from.1,
                m.from.0
            )?,
            None => writeln!(
                out,
                "tags {} of \"{}\" ({}) kept as orphans: none of its text is in an article",
                m.tags.join(", "),
                m.from.1,
                m.from.0
            )?,
        }
    }
    let joined: std::collections::BTreeMap<&str, usize> = changed
        .moves
        .iter()
        .filter_map(|m| m.to.as_ref())
        .fold(Default::default(), |mut acc, (id, _)| {
            *acc.entry(id.as_str()).or_default() += 1;
            acc
        });
    for (id, n) in joined {
        if n > 1 {
            writeln!(
                out,
                "{id} holds the tags of the {n} joined articles (union)"
            )?;
        }
    }
    for (id, title) in &changed.untagged_new {
        writeln!(
            out,
            "new article \"{title}\" ({id}) has no tags (newstag tag {} {id} +TAG)",
            args.path.display()
        )?;
    }
    Ok(())
}

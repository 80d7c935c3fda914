//! `newstag note [PATH] [ID [TEXT]] [--clear]`: a coder's memo on an article
//! (see [`crate::tags::Memo`]), kept in the sidecar beside the tags.
//!
//! - `note PATH ID TEXT` sets the memo of article ID (replacing the coder's
//!   memo; an empty TEXT removes it, as `--clear` does);
//! - `note PATH ID` prints the memos on the article;
//! - `note PATH` lists every memo of the corpus, one a line:
//!   `ID<TAB>ISSUE<TAB>CODER<TAB>TITLE<TAB>TEXT`, control characters (line
//!   breaks included) written visibly.
//!
//! PATH may be left out when it is the configured corpus (`corpus.path`): a
//! first word that names no file or folder is taken as the ID.

use crate::config::Config;
use crate::tags::Target;
use crate::tags::team::UNKNOWN;
use crate::text::escape_controls;
use anyhow::bail;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct NoteArgs {
    /// [PATH] [ID [TEXT]]: the corpus folder or issue file (default: the
    /// configured corpus), the article id (from `newstag articles`; ISSUE#ID
    /// or a unique prefix) and the memo's text (empty: remove it).
    #[arg(value_name = "PATH|ID|TEXT", allow_hyphen_values = true)]
    pub items: Vec<String>,
    /// Remove the article's memo.
    #[arg(long)]
    pub clear: bool,
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
struct Asked {
    path: Option<PathBuf>,
    id: Option<String>,
    text: Option<String>,
}

/// Split `[PATH] [ID [TEXT]]`: the first word is PATH when it names an
/// existing file or folder.
fn parse(items: &[String]) -> anyhow::Result<Asked> {
    let mut rest = items.iter();
    let mut items = items;
    let path = match items.first() {
        Some(first) if std::path::Path::new(first).exists() => {
            rest.next();
            items = &items[1..];
            Some(PathBuf::from(first))
        }
        _ => None,
    };
    if items.len() > 2 {
        bail!(
            "too many words: give ID and the memo's TEXT in quotes (newstag note ID \"text\"); \
             \"{}\" is not a file or folder",
            escape_controls(&items[0])
        );
    }
    Ok(Asked {
        path,
        id: rest.next().cloned(),
        text: rest.next().cloned(),
    })
}

pub fn run(config: &Config, mut args: NoteArgs) -> anyhow::Result<ExitCode> {
    // Options written after the words come in as words (a memo may start
    // with `-`): take them out.
    let mut items = std::mem::take(&mut args.items);
    let mut config = config.clone();
    super::tag::take_team_flags(&mut items, &mut config)?;
    let config = &config;
    let before = items.len();
    items.retain(|w| w != "--clear");
    args.clear |= items.len() != before;
    let asked = parse(&items)?;
    if args.clear && asked.text.is_some() {
        bail!("give the memo's TEXT or --clear, not both");
    }
    if args.clear && asked.id.is_none() {
        bail!("--clear needs the ID of the article whose memo to remove");
    }
    if asked.path.is_none() && config.corpus_path().is_none() {
        bail!(
            "which corpus? give its folder first (newstag note PATH ID \"text\"), or set corpus.path"
        );
    }
    let corpus = super::open_corpus(config, asked.path.as_deref())?;
    let mut store = super::tag_store(config, &corpus)?;
    let mut out = super::output::stdout();
    let Some(id) = &asked.id else {
        // Every memo of the corpus, in corpus order.
        for issue in &corpus.issues {
            for article in issue.articles.iter() {
                for memo in store.memos(&issue.rel, &article.id) {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}",
                        article.id,
                        escape_controls(&issue.rel),
                        escape_controls(coder_name(&memo.coder)),
                        escape_controls(&article.display_title()),
                        escape_controls(&memo.text)
                    )?;
                }
            }
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    };
    let found = super::tag::id_targets(&corpus, std::slice::from_ref(id))?;
    let Some(target) = found.first().and_then(|&at| Target::at(&corpus.issues, at)) else {
        bail!("no article with id {id}");
    };
    let text = match (&asked.text, args.clear) {
        (Some(text), _) => text.clone(),
        (None, true) => String::new(),
        (None, false) => {
            for memo in store.memos(&target.issue.rel, &target.article.id) {
                writeln!(
                    out,
                    "{}\t{}",
                    escape_controls(coder_name(&memo.coder)),
                    escape_controls(&memo.text)
                )?;
            }
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    if let Some(e) = store.read_only(&target.issue.rel) {
        bail!("{e}: its tags and memos are read-only until it is fixed; nothing changed");
    }
    let outcome = store.set_memo(target, &text);
    if outcome.ok() {
        writeln!(
            out,
            "{} {}: {}",
            target.article.id,
            escape_controls(&target.article.display_title()),
            escape_controls(&outcome.message())
        )?;
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    } else {
        super::output::say(outcome.message());
        Ok(ExitCode::from(1))
    }
}

fn coder_name(coder: &str) -> &str {
    if coder.is_empty() { UNKNOWN } else { coder }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A first word naming a folder is PATH; anything else is the ID.
    #[test]
    fn path_is_optional() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_string_lossy().into_owned();
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let a = parse(&words(&[&d, "abc", "text"])).unwrap();
        assert_eq!(a.path.as_deref(), Some(dir.path()));
        assert_eq!(a.id.as_deref(), Some("abc"));
        assert_eq!(a.text.as_deref(), Some("text"));
        let b = parse(&words(&["abc", "-text"])).unwrap();
        assert_eq!(b.path, None);
        assert_eq!(b.text.as_deref(), Some("-text"));
        assert!(parse(&words(&["abc", "two", "words"])).is_err());
    }
}

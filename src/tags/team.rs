//! Coding as a team: who made each decision, where each coder's decisions are
//! kept, and the views of them a command works on.
//!
//! Every decision records its coder: `--coder NAME`, else `NEWSTAG_CODER`, else
//! `team.coder` of the config, else git's `user.name` (of the corpus's
//! repository), else the login name. A mark without a coder (sidecars written
//! before coders were recorded) is the *unknown* coder's.
//!
//! Two layouts:
//! - **one person** (the default): the sidecars beside the issues (or under
//!   `corpus.sidecar_dir`), each mark with its `coder`;
//! - **team** (the corpus has a `coders/` folder; `newstag git-setup` makes it):
//!   each coder's decisions in sidecars of their own, mirroring the corpus under
//!   `coders/NAME/` (`coders/wang/2024/01/02_03.tags.toml`). A coder writes only
//!   their own files, so the commits of two coders who tag, untag and code the
//!   same articles on two clones touch different files and always merge without
//!   a conflict, every decision and every removal kept. The sidecars beside the
//!   issues are still read (decisions from before the team layout).
//!
//! A command sees every coder's decisions at once, or with `--blind` (or
//! `team.blind`) only the current coder's; it writes only the current coder's.

use super::{ArticleTags, LoadedSidecars, TagMark, TagStore};
use crate::article::Issue;
use crate::config::Config;
use crate::corpus::Corpus;
use std::path::{Path, PathBuf};

/// The folder (under the corpus, or under `corpus.sidecar_dir`) holding one
/// folder of sidecars per coder in the team layout.
pub const CODERS_DIR: &str = "coders";

/// How the unknown coder (a mark without a coder) is shown.
pub const UNKNOWN: &str = "(unknown)";

/// The environment variable naming the coder.
pub const CODER_ENV: &str = "NEWSTAG_CODER";

/// Why `name` cannot be a coder's name (it names a folder), or `None`.
pub fn bad_coder_name(name: &str) -> Option<String> {
    let why = if name.trim().is_empty() {
        "it is empty"
    } else if name.trim() != name {
        "it starts or ends with a space"
    } else if name.starts_with('.') {
        "it starts with a dot"
    } else if name.contains(['/', '\\']) {
        "it holds a slash"
    } else if name.chars().any(char::is_control) {
        "it holds a control character"
    } else if name.chars().count() > 64 {
        "it is longer than 64 characters"
    } else {
        return None;
    };
    Some(format!(
        "\"{}\" cannot be a coder's name: {why}",
        name.escape_debug()
    ))
}

/// The coder: `configured` (from `--coder`, `NEWSTAG_CODER` or the config) when
/// given, else git's `user.name` as seen from `root`, else the login name, else
/// empty (unknown).
pub fn resolve_coder(configured: &str, root: &Path) -> String {
    if !configured.trim().is_empty() {
        return configured.trim().to_string();
    }
    if let Some(name) = git_user_name(root) {
        return name;
    }
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| v.trim().to_string())
        .find(|v| bad_coder_name(v).is_none())
        .unwrap_or_default()
}

/// `git config user.name`, run in `root` (or its folder), when git answers.
fn git_user_name(root: &Path) -> Option<String> {
    let dir = if root.is_dir() {
        root
    } else {
        root.parent().filter(|p| p.is_dir())?
    };
    let out = std::process::Command::new("git")
        .args(["config", "user.name"])
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && bad_coder_name(&name).is_none()).then_some(name)
}

/// Who codes, how, and where the decisions of a corpus are kept.
#[derive(Debug, Clone)]
pub struct Team {
    /// The current coder (empty: unknown).
    pub coder: String,
    /// Show and use only the current coder's decisions.
    pub blind: bool,
    /// `corpus.sidecar_dir`, when sidecars are not beside the issues.
    sidecar_dir: Option<PathBuf>,
    /// The folder holding `coders/` (and `samples/`): the corpus folder, or
    /// `corpus.sidecar_dir`.
    base: PathBuf,
}

impl Team {
    /// The team settings of `config` for the corpus at `root`. Fails when the
    /// coder's name cannot name a folder.
    pub fn new(config: &Config, root: &Path) -> Result<Team, String> {
        let coder = resolve_coder(&config.team.coder, root);
        if !coder.is_empty()
            && let Some(why) = bad_coder_name(&coder)
        {
            return Err(why);
        }
        Ok(Team::with_coder(config, root, coder))
    }

    /// [`Team::new`] for a session that starts whatever the config says: a
    /// coder's name that cannot name a folder leaves the coder unknown, and the
    /// reason is returned to be shown.
    pub fn new_or_unknown(config: &Config, root: &Path) -> (Team, Option<String>) {
        match Team::new(config, root) {
            Ok(team) => (team, None),
            Err(why) => (
                Team::with_coder(config, root, String::new()),
                Some(format!("{why}; your tags are saved without a coder")),
            ),
        }
    }

    fn with_coder(config: &Config, root: &Path, coder: String) -> Team {
        let sidecar_dir = config.sidecar_dir();
        let base = match &sidecar_dir {
            Some(d) => d.clone(),
            None if root.is_dir() => root.to_path_buf(),
            None => root
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(".")),
        };
        Team {
            coder,
            blind: config.team.blind,
            sidecar_dir,
            base,
        }
    }

    /// Where the current coder's changes are saved: their own sidecars in the
    /// team layout (when the coder is known), else the shared ones.
    fn own_dir(&self) -> Option<PathBuf> {
        if self.is_team_layout() && !self.coder.is_empty() {
            Some(self.coder_dir(&self.coder))
        } else {
            self.sidecar_dir.clone()
        }
    }

    /// A store with no issues yet that saves as the current coder (the TUI adds
    /// issues with [`Team::read_sidecars`] as they load).
    pub fn empty_store(&self) -> TagStore {
        let mut store = TagStore::new(self.own_dir().as_deref());
        store.set_coder(&self.coder);
        store.set_codebook(self.codebook_version());
        store
    }

    /// The version of the corpus's codebook (0 when it has none, or it does not
    /// read: `check` names the problem), recorded with every decision.
    pub fn codebook_version(&self) -> u32 {
        super::codebook::read(&super::codebook::path_in(&self.base))
            .ok()
            .flatten()
            .map_or(0, |b| b.version)
    }

    /// The sidecars of `issues` as [`Team::open`] shows them, to add to a store
    /// from [`Team::empty_store`].
    pub fn read_sidecars(&self, issues: &[Issue]) -> LoadedSidecars {
        self.store_of(issues).into_loaded()
    }

    /// The folder holding `coders/` and `samples/`.
    pub fn base(&self) -> &Path {
        &self.base
    }

    /// The `coders/` folder.
    pub fn coders_dir(&self) -> PathBuf {
        self.base.join(CODERS_DIR)
    }

    /// True when the corpus uses the team layout (it has a `coders/` folder).
    pub fn is_team_layout(&self) -> bool {
        self.coders_dir().is_dir()
    }

    /// The folder of `coder`'s sidecars in the team layout.
    pub fn coder_dir(&self, coder: &str) -> PathBuf {
        self.coders_dir().join(coder)
    }

    /// The folder of `name`'s settled decisions (see [`super::adjudicate`]).
    pub fn adjudicator_dir(&self, name: &str) -> PathBuf {
        self.base
            .join(super::adjudicate::ADJUDICATED_DIR)
            .join(name)
    }

    /// The current coder's settled decisions, to adjudicate with: saved apart
    /// from every coder's own (team layout only).
    pub fn open_adjudication(&self, corpus: &Corpus) -> Result<TagStore, String> {
        if !self.is_team_layout() {
            return Err(format!(
                "{}: adjudication needs the team layout (each coder's decisions apart); run `newstag git-setup` first",
                self.base.display()
            ));
        }
        if self.coder.is_empty() {
            return Err("who adjudicates? give --coder NAME".into());
        }
        let mut store = TagStore::open(corpus, Some(&self.adjudicator_dir(&self.coder)));
        store.set_coder(&self.coder);
        store.set_codebook(self.codebook_version());
        Ok(store)
    }

    /// Every settled decision of every adjudicator (coder: the adjudicator).
    pub fn adjudications(&self, corpus: &Corpus) -> Vec<Decision> {
        let mut out = Vec::new();
        for name in self.adjudicators_on_disk() {
            let store = TagStore::open(corpus, Some(&self.adjudicator_dir(&name)));
            collect(&store, Some(&name), &mut out);
        }
        out
    }

    /// The adjudicators with a folder under `adjudicated/`, by name.
    pub fn adjudicators_on_disk(&self) -> Vec<String> {
        folders(&self.base.join(super::adjudicate::ADJUDICATED_DIR))
    }

    /// The coders with a folder under `coders/`, by name.
    pub fn coders_on_disk(&self) -> Vec<String> {
        folders(&self.coders_dir())
    }
}

/// The folders in `dir` whose names can be coders' names, sorted.
fn folders(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| bad_coder_name(n).is_none())
        .collect();
    names.sort();
    names
}

impl Team {
    /// The tags a command works on: every coder's decisions (or, blind, only the
    /// current coder's); its changes are saved as the current coder's (in the
    /// team layout, in the coder's own sidecars; see the module docs).
    pub fn open(&self, corpus: &Corpus) -> TagStore {
        self.store_of(&corpus.issues)
    }

    /// [`Team::open`] for `issues`.
    fn store_of(&self, issues: &[Issue]) -> TagStore {
        let read = |dir: Option<&Path>| {
            let mut store = TagStore::new(dir);
            store.add_issues(issues);
            store
        };
        let me = self.coder.clone();
        let mine = move |m: &TagMark| m.coder == me;
        let mut store = if self.own_dir() != self.sidecar_dir {
            let mut own = read(self.own_dir().as_deref());
            let shared = read(self.sidecar_dir.as_deref());
            if self.blind {
                own.overlay(&shared, &mine);
            } else {
                own.overlay(&shared, &|_| true);
                for coder in self.coders_on_disk() {
                    if coder != self.coder {
                        own.overlay(&read(Some(&self.coder_dir(&coder))), &|_| true);
                    }
                }
            }
            own
        } else if self.blind {
            let shared = read(self.sidecar_dir.as_deref());
            let mut own = TagStore::new(self.sidecar_dir.as_deref());
            own.overlay(&shared, &mine);
            own
        } else {
            // The unknown coder (or the one-person layout): the shared
            // sidecars, and every coder's of the team layout beside them.
            let mut shared = read(self.sidecar_dir.as_deref());
            for coder in self.coders_on_disk() {
                shared.overlay(&read(Some(&self.coder_dir(&coder))), &|_| true);
            }
            shared
        };
        store.set_coder(&self.coder);
        store.set_codebook(self.codebook_version());
        store
    }

    /// Every decision of every coder, each coder's apart (a coder's own
    /// sidecars, and the marks of the shared sidecars by their `coder`).
    pub fn decisions(&self, corpus: &Corpus) -> Vec<Decision> {
        let mut out = Vec::new();
        let shared = TagStore::open(corpus, self.sidecar_dir.as_deref());
        collect(&shared, None, &mut out);
        for coder in self.coders_on_disk() {
            let theirs = TagStore::open(corpus, Some(&self.coder_dir(&coder)));
            collect(&theirs, Some(&coder), &mut out);
        }
        out.sort_by(|a, b| {
            (&a.issue, &a.id, &a.coder, &a.tag).cmp(&(&b.issue, &b.id, &b.coder, &b.tag))
        });
        out.dedup_by(|a, b| {
            (&a.issue, &a.id, &a.coder, &a.tag) == (&b.issue, &b.id, &b.coder, &b.tag)
        });
        out
    }
}

/// One coder's decision that one article has one tag (the tag `no-topic`:
/// coded, no topic).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The issue, relative to the corpus root.
    pub issue: String,
    /// The article id.
    pub id: String,
    /// The coder; empty when unknown.
    pub coder: String,
    pub tag: String,
    pub mark: TagMark,
}

/// The decisions of `store`'s attached articles, by `coder` (else each mark's).
fn collect(store: &TagStore, coder: Option<&str>, out: &mut Vec<Decision>) {
    for (rel, record) in store.tagged() {
        push_record(rel, record, coder, out);
    }
}

fn push_record(rel: &str, record: &ArticleTags, coder: Option<&str>, out: &mut Vec<Decision>) {
    for (tag, mark) in &record.tags {
        out.push(Decision {
            issue: rel.to_string(),
            id: record.id.clone(),
            coder: coder.unwrap_or(&mark.coder).to_string(),
            tag: tag.clone(),
            mark: mark.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names that cannot be folders are refused with the reason.
    #[test]
    fn coder_names() {
        assert!(bad_coder_name("王芳").is_none());
        assert!(bad_coder_name("Wang Li").is_none());
        for bad in ["", " ", "a/b", "..", ".x", "a\u{1b}b", " lead"] {
            assert!(bad_coder_name(bad).is_some(), "{bad:?}");
        }
    }

    /// A command run by the unknown coder in the team layout still sees every
    /// coder's decisions (it saw none of them before), and its own changes go
    /// to the shared sidecars, never into a coder's folder.
    #[test]
    fn unknown_coder_sees_every_coder() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("c");
        std::fs::create_dir_all(root.join(CODERS_DIR)).unwrap();
        std::fs::write(root.join("a.md"), "# 一\n\n正文一。\n\n# 二\n\n正文二。\n").unwrap();
        let corpus = Corpus::load(&root).unwrap();
        let config = Config::builtin();
        let issue = &corpus.issues[0];
        let first = super::super::Target {
            issue,
            article: &issue.articles[0],
        };
        let mut wang = Team::with_coder(&config, &root, "wang".into()).open(&corpus);
        assert!(
            wang.set(&[first], "heritage", true, super::super::Source::Hand)
                .ok()
        );
        let unknown = Team::with_coder(&config, &root, String::new());
        let mut seen = unknown.open(&corpus);
        assert!(seen.has_tag(&issue.rel, &issue.articles[0].id, "heritage"));
        let second = super::super::Target {
            issue,
            article: &issue.articles[1],
        };
        assert!(
            seen.set(&[second], "governance", true, super::super::Source::Hand)
                .ok()
        );
        assert!(seen.has_tag(&issue.rel, &issue.articles[0].id, "heritage"));
        let shared = std::fs::read_to_string(root.join("a.tags.toml")).unwrap();
        assert!(
            shared.contains("governance") && !shared.contains("heritage"),
            "{shared}"
        );
        let theirs = std::fs::read_to_string(root.join("coders/wang/a.tags.toml")).unwrap();
        assert!(!theirs.contains("governance"), "{theirs}");
    }

    /// A configured coder wins over git and the login name.
    #[test]
    fn configured_coder_wins() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(resolve_coder(" 李华 ", dir.path()), "李华");
    }
}

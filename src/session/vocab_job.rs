//! The vocabulary jobs: a tag renamed everywhere its name is written (every
//! sidecar, every coder's, and the config) or given a colour in the config,
//! as `newstag tags rename` and `newstag tags color` do, off the host's
//! thread. The host runs them in turn with its tag saves, so a rename never
//! races a save of the same sidecars.

use crate::tags::rename::{self, RenameError};
use crate::tags::vocab::{self, VocabError};
use std::path::PathBuf;

/// A rename to run: `old` becomes `new` in the sidecars below `dirs` and, when
/// `in_config`, in the config file `config`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameTag {
    pub old: String,
    pub new: String,
    /// The folders holding the corpus's sidecars ([`rename::sidecar_dirs`]).
    pub dirs: Vec<PathBuf>,
    /// The config file the vocabulary is written in (`None`: none to write).
    pub config: Option<PathBuf>,
    /// Whether the config defines `old` (else it is only in sidecars).
    pub in_config: bool,
}

/// What a rename did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// Articles renamed, in all sidecars.
    pub articles: usize,
    /// Sidecars rewritten.
    pub sidecars: usize,
    /// The config file rewritten, when the config defined the tag.
    pub config: Option<PathBuf>,
}

/// Why a rename did not (wholly) happen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenameTagError {
    #[error("{0}")]
    Sidecars(#[from] RenameError),
    #[error("{0}")]
    Config(#[from] VocabError),
    /// The tag is in the config and there is no config file to rename it in.
    #[error("no config file to rename it in (nothing renamed)")]
    NoConfig,
}

/// How a rename ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagRenamed {
    pub old: String,
    pub new: String,
    pub result: Result<Renamed, RenameTagError>,
}

impl RenameTag {
    /// Rename now, on this thread: everything is read and checked first (the
    /// config takes the new name, every sidecar reads), then the sidecars are
    /// rewritten, each under its folder's lock, and the config last.
    pub fn run(self) -> TagRenamed {
        let result = self.rename();
        TagRenamed {
            old: self.old,
            new: self.new,
            result,
        }
    }

    fn rename(&self) -> Result<Renamed, RenameTagError> {
        let config = match (&self.config, self.in_config) {
            (Some(path), true) => Some(path.clone()),
            (None, true) => return Err(RenameTagError::NoConfig),
            (_, false) => None,
        };
        if let Some(path) = &config {
            vocab::rename_in_config(path, &self.old, &self.new, false)?;
        }
        let files = rename::sidecar_files(&self.dirs);
        let plan = rename::plan(&files, &self.old, &self.new)?;
        let articles = rename::apply(&plan)?;
        if let Some(path) = &config {
            vocab::rename_in_config(path, &self.old, &self.new, true)?;
        }
        Ok(Renamed {
            articles,
            sidecars: plan.files.len(),
            config,
        })
    }
}

/// A colour to give a tag in the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecolorTag {
    pub name: String,
    /// The colour as the config writes it (checked by the host).
    pub color: String,
    /// The colour it had, for the message (and to set it back).
    pub was: String,
    /// The config file (`None`: none to write).
    pub config: Option<PathBuf>,
}

/// How a recolouring ended: the config file written, or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagRecolored {
    pub name: String,
    pub color: String,
    pub was: String,
    pub result: Result<PathBuf, VocabError>,
}

impl RecolorTag {
    /// Write the colour now, on this thread.
    pub fn run(self) -> TagRecolored {
        let result = match &self.config {
            Some(path) => {
                vocab::recolor_in_config(path, &self.name, &self.color, true).map(|_| path.clone())
            }
            None => Err(VocabError::File {
                path: PathBuf::from("(no config file)"),
                message: "no config file to save it in".into(),
            }),
        };
        TagRecolored {
            name: self.name,
            color: self.color,
            was: self.was,
            result,
        }
    }
}

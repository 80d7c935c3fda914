//! The codebook: what each tag means, kept beside the sidecars so coders share
//! it through git.
//!
//! `codebook.toml` at the corpus root (under `corpus.sidecar_dir` when one is
//! set, beside `coders/` and `samples/`):
//!
//! ```toml
//! version = 2                       # raise it when a definition changes
//!
//! [[tag]]
//! name = "governance"
//! definition = "Local government and community self-rule at work."
//! include = ["residents' councils", "grid management"]
//! exclude = ["national policy without a local actor"]
//! anchors = ["3f2a9c01b7de"]        # article ids that show the tag well
//! changed = 2                       # the version this entry last changed in
//! ```
//!
//! A file that does not parse is an error naming it and the line; an entry
//! for a tag twice, or a `changed` above `version`, is one too.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The codebook's file name.
pub const FILE_NAME: &str = "codebook.toml";

/// The codebook of a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Codebook {
    /// Raised when a definition changes.
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// What one tag means.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub name: String,
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Article ids that show the tag well.
    #[serde(default)]
    pub anchors: Vec<String>,
    /// The codebook version this entry last changed in (0: from the start).
    #[serde(default)]
    pub changed: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    version: u32,
    #[serde(default)]
    tag: Vec<Entry>,
}

impl Codebook {
    /// The entry of tag `name`.
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name)
    }
}

impl Entry {
    /// The entry as short lines for a screen: the definition, then what to
    /// include, exclude, and the anchor articles (the empty parts left out).
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.definition.is_empty() {
            out.push(self.definition.clone());
        }
        for (label, list) in [
            ("include", &self.include),
            ("exclude", &self.exclude),
            ("anchors", &self.anchors),
        ] {
            if !list.is_empty() {
                out.push(format!("{label}: {}", list.join("; ")));
            }
        }
        out
    }
}

/// Where the codebook of the corpus whose sidecars live under `base` is.
pub fn path_in(base: &Path) -> PathBuf {
    base.join(FILE_NAME)
}

/// Read the codebook at `path`: `Ok(None)` when there is none; an error names
/// the file and the line.
pub fn read(path: &Path) -> Result<Option<Codebook>, String> {
    let text = match crate::regular_file::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
    };
    parse(&text, path).map(Some)
}

/// Parse codebook text read from `path` (used only in errors).
pub fn parse(text: &str, path: &Path) -> Result<Codebook, String> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let (line, message) = super::sidecar::toml_error_at(text, &e);
        format!("{}:{line}: {message}", path.display())
    })?;
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .map_or(1, |i| i + 1)
    };
    for (k, e) in raw.tag.iter().enumerate() {
        let quoted = format!("\"{}\"", e.name);
        if e.name.trim().is_empty() {
            return Err(format!(
                "{}:{}: a [[tag]] entry has no name",
                path.display(),
                line_of("[[tag]]")
            ));
        }
        if raw.tag[..k].iter().any(|x| x.name == e.name) {
            return Err(format!(
                "{}:{}: tag \"{}\" has two entries",
                path.display(),
                text.lines()
                    .enumerate()
                    .filter(|(_, l)| l.contains(&quoted))
                    .nth(1)
                    .map_or(1, |(i, _)| i + 1),
                e.name.escape_debug()
            ));
        }
        if e.changed > raw.version {
            return Err(format!(
                "{}:{}: tag \"{}\" changed in version {}, above the codebook's version {}",
                path.display(),
                line_of(&quoted),
                e.name.escape_debug(),
                e.changed,
                raw.version
            ));
        }
    }
    Ok(Codebook {
        version: raw.version,
        entries: raw.tag,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the module docs reads back; its entry's lines.
    #[test]
    fn reads_an_entry() {
        let text = "version = 2\n\n[[tag]]\nname = \"governance\"\ndefinition = \"Local rule.\"\ninclude = [\"councils\", \"grids\"]\nanchors = [\"3f2a9c01b7de\"]\nchanged = 2\n";
        let book = parse(text, Path::new("codebook.toml")).unwrap();
        assert_eq!(book.version, 2);
        let e = book.entry("governance").unwrap();
        assert_eq!(
            e.lines(),
            [
                "Local rule.",
                "include: councils; grids",
                "anchors: 3f2a9c01b7de"
            ]
        );
        assert!(book.entry("heritage").is_none());
    }

    /// Mistakes name the file and the line.
    #[test]
    fn errors_name_the_line() {
        let p = Path::new("c/codebook.toml");
        let cases = [
            (
                "version = 1\n[[tag]]\nname = \"a\"\ncolour = 3\n",
                "c/codebook.toml:4:",
            ),
            (
                "version = 1\n[[tag]]\nname = \"a\"\n[[tag]]\nname = \"a\"\n",
                "c/codebook.toml:5: tag \"a\" has two entries",
            ),
            (
                "version = 1\n[[tag]]\nname = \"a\"\nchanged = 3\n",
                "c/codebook.toml:3: tag \"a\" changed in version 3",
            ),
            ("[[tag]]\ndefinition = \"x\"\n", "c/codebook.toml:"),
        ];
        for (text, want) in cases {
            let e = parse(text, p).unwrap_err();
            assert!(e.starts_with(want), "{text:?}: {e}");
        }
    }

    /// No codebook is no error; one is read from disk.
    #[test]
    fn read_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = path_in(dir.path());
        assert_eq!(read(&path).unwrap(), None);
        std::fs::write(&path, "version = 1\n[[tag]]\nname = \"环境\"\n").unwrap();
        let book = read(&path).unwrap().unwrap();
        assert_eq!(book.entries[0].name, "环境");
    }
}

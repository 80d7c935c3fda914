//! The tag vocabulary: adding a tag made in the app (`t` in the TUI) to the user's
//! config file, so it persists like a tag written there by hand; renaming and
//! recolouring a tag there (`newstag tags rename|color`, the tag pane).
//!
//! The new `[[tag]]` table is appended to the file's text (comments and layout
//! kept; a rename or a colour changes the value in place), the result is
//! checked to parse as a config, and the file is replaced atomically (temp
//! file, fsync, rename; a symlinked config is written through to its target).
//! A config file that does not parse is never touched.

use super::sidecar::write_atomic;
use crate::config::{Config, TagDef};
use std::path::{Path, PathBuf};

/// Why a tag could not be added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VocabError {
    #[error("a tag name cannot be empty")]
    EmptyName,
    #[error("a tag name must be one line")]
    Multiline,
    #[error("there is already a tag \"{0}\"")]
    Exists(String),
    #[error("a tag name cannot hold a double quote (the query tag:\"NAME\" could not name it)")]
    Quote,
    #[error("a tag name cannot hold control characters")]
    Control,
    #[error("a tag name cannot start or end with a space (the query tag:NAME could not name it)")]
    EdgeSpace,
    #[error("no tag \"{0}\" in the config or on any article")]
    Unknown(String),
    #[error("{}: {message}", path.display())]
    File { path: PathBuf, message: String },
}

/// The name the user typed, trimmed, if it can be a new tag next to `tags`.
pub fn check_new_name(name: &str, tags: &[TagDef]) -> Result<String, VocabError> {
    let name = name.trim();
    check_name(name)?;
    if tags.iter().any(|t| t.name == name) {
        return Err(VocabError::Exists(name.to_string()));
    }
    Ok(name.to_string())
}

/// Whether `name` can be a tag name that a query names (`tag:NAME`, or
/// `tag:"NAME"` with spaces): one line, not empty, no space at either end, no
/// double quote (nor a character that folds to one, such as the full-width
/// `＂`) and no control character. The new-tag prompt (after trimming what was
/// typed), renames and the config's `[[tag]]` names all keep to it.
pub fn check_name(name: &str) -> Result<(), VocabError> {
    if name.trim().is_empty() {
        return Err(VocabError::EmptyName);
    }
    if name.contains(['\n', '\r']) {
        return Err(VocabError::Multiline);
    }
    if name
        .chars()
        .any(|c| crate::search::fold::fold_char(c) == '"')
    {
        return Err(VocabError::Quote);
    }
    if name.chars().any(crate::text::is_hidden_control) {
        return Err(VocabError::Control);
    }
    if name.trim() != name {
        return Err(VocabError::EdgeSpace);
    }
    Ok(())
}

/// The first key of 1-9 no tag uses.
pub fn next_free_key(tags: &[TagDef]) -> Option<String> {
    (1..=9)
        .map(|d| d.to_string())
        .find(|k| !tags.iter().any(|t| &t.key == k))
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Append `tag` to the config file at `path` (created when missing) atomically.
/// Returns the configuration as it now reads.
pub fn add_tag_to_config(path: &Path, tag: &TagDef) -> Result<Config, VocabError> {
    // Written through a symlinked config to the file it points at.
    let (target, old, current) = read_config_text(path)?;
    check_new_name(&tag.name, &current.tags)?;
    let mut text = ready_to_append(&old);
    text.push_str("# Added in newstag.\n[[tag]]\n");
    text.push_str(&tag_fields(tag));
    write_config(path, &target, &text, true)
}

/// The config file's text and the config it reads as, or why it cannot be
/// changed (unreadable, or with an error: never touched).
fn read_config_text(path: &Path) -> Result<(PathBuf, String, Config), VocabError> {
    let file_err = |message: String| VocabError::File {
        path: path.to_path_buf(),
        message,
    };
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let old = match crate::regular_file::read_to_string(&target) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(file_err(format!("cannot read: {e}"))),
    };
    let current = Config::from_user_toml(&old, path)
        .map_err(|e| file_err(format!("not changed, it has an error: {e}")))?;
    Ok((target, old, current))
}

/// Byte ranges in `text` of the `[[tag]]` tables named `name`: the name's
/// value, and the value of `field` when the table has it.
fn tag_tables(
    text: &str,
    name: &str,
    field: &str,
) -> Vec<(std::ops::Range<usize>, Option<std::ops::Range<usize>>)> {
    let Ok(doc) = toml::de::DeTable::parse(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in doc.get_ref().iter() {
        if key.get_ref().as_ref() != "tag" {
            continue;
        }
        let toml::de::DeValue::Array(items) = value.get_ref() else {
            continue;
        };
        for item in items.iter() {
            let toml::de::DeValue::Table(t) = item.get_ref() else {
                continue;
            };
            let find = |k: &str| t.iter().find(|(key, _)| key.get_ref().as_ref() == k);
            let Some((_, n)) = find("name") else { continue };
            if !matches!(n.get_ref(), toml::de::DeValue::String(s) if s.as_ref() == name) {
                continue;
            }
            out.push((n.span(), find(field).map(|(_, v)| v.span())));
        }
    }
    out
}

/// `text` with `edits` (byte range, replacement) applied, last first.
fn with_edits(text: &str, mut edits: Vec<(std::ops::Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = text.to_string();
    for (range, with) in edits {
        out.replace_range(range, &with);
    }
    out
}

/// The byte just past the end of the line holding byte `at`.
fn end_of_line(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |k| at + k + 1)
}

/// Check the edited text reads as a config and, when `write`, replace the file with it.
fn write_config(path: &Path, target: &Path, text: &str, write: bool) -> Result<Config, VocabError> {
    let file_err = |message: String| VocabError::File {
        path: path.to_path_buf(),
        message,
    };
    let config = Config::from_user_toml(text, path).map_err(|e| file_err(e.to_string()))?;
    if write {
        write_atomic(target, text).map_err(|e| file_err(e.to_string()))?;
    }
    Ok(config)
}

/// `text` ending with a blank line, ready for a table to be appended.
fn ready_to_append(text: &str) -> String {
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// What the config at `path` becomes when tag `old` is called `new`: the
/// user's own `[[tag]]` tables of it renamed in place; a tag of the built-in
/// vocabulary retired (`retired = true`, at the end) and added again under the
/// new name with every field it had. `None` when the config does not define
/// `old` (a tag found only in sidecars): nothing to change. Written only when
/// `write`.
pub fn rename_in_config(
    path: &Path,
    old: &str,
    new: &str,
    write: bool,
) -> Result<Option<Config>, VocabError> {
    let (target, text, current) = read_config_text(path)?;
    let Some(def) = current.tag(old).cloned() else {
        return Ok(None);
    };
    check_new_name(new, &current.tags)?;
    let builtin = Config::builtin().tag(old).is_some();
    let tables = tag_tables(&text, old, "retired");
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    if !builtin {
        for (name, _) in &tables {
            edits.push((name.clone(), quote(new)));
        }
        let out = with_edits(&text, edits);
        return write_config(path, &target, &out, write).map(Some);
    }
    // A built-in tag: the user's tables of it go (their fields live on in the
    // new tag), it is retired, and the new tag carries all it had.
    let mut out = ready_to_append(&text);
    out.push_str(&format!(
        "# Renamed in newstag: \"{}\" is now \"{}\".\n[[tag]]\nname = {}\nretired = true\n\n[[tag]]\n",
        crate::text::escape_controls(old),
        crate::text::escape_controls(new),
        quote(old)
    ));
    out.push_str(&tag_fields(&TagDef {
        name: new.to_string(),
        ..def
    }));
    // The user's own tables of the old name would bring it back: they are
    // retired too (their values are in the new table).
    let out = retire_tables(&out, old);
    write_config(path, &target, &out, write).map(Some)
}

/// `text` with `retired = true` after the name of every `[[tag]]` table named
/// `name` that does not say so yet.
fn retire_tables(text: &str, name: &str) -> String {
    let edits = tag_tables(text, name, "retired")
        .into_iter()
        .filter(|(_, retired)| retired.is_none())
        .map(|(n, _)| {
            let at = end_of_line(text, n.end);
            (at..at, "retired = true\n".to_string())
        })
        .collect();
    with_edits(text, edits)
}

/// The lines of a `[[tag]]` table holding every field of `tag`.
fn tag_fields(tag: &TagDef) -> String {
    let mut out = format!("name = {}\n", quote(&tag.name));
    if !tag.key.is_empty() {
        out.push_str(&format!("key = {}\n", quote(&tag.key)));
    }
    for (field, value) in [
        ("label_zh", &tag.label_zh),
        ("label_en", &tag.label_en),
        ("description", &tag.description),
    ] {
        if !value.is_empty() {
            out.push_str(&format!("{field} = {}\n", quote(value)));
        }
    }
    out.push_str(&format!("color = {}\n", quote(&tag.color)));
    if !tag.keywords.is_empty() {
        let words: Vec<String> = tag.keywords.iter().map(|w| quote(w)).collect();
        out.push_str(&format!("keywords = [{}]\n", words.join(", ")));
    }
    out
}

/// What the config at `path` becomes when tag `name` gets `color`: the value
/// changed in the user's own `[[tag]]` tables of it, else a table of it with
/// the colour appended (for a tag found only in sidecars this adds it to the
/// vocabulary). Written only when `write`.
pub fn recolor_in_config(
    path: &Path,
    name: &str,
    color: &str,
    write: bool,
) -> Result<Config, VocabError> {
    let (target, text, _) = read_config_text(path)?;
    let tables = tag_tables(&text, name, "color");
    let out = if tables.is_empty() {
        let mut out = ready_to_append(&text);
        out.push_str(&format!(
            "# Coloured in newstag.\n[[tag]]\nname = {}\ncolor = {}\n",
            quote(name),
            quote(color)
        ));
        out
    } else {
        let edits = tables
            .into_iter()
            .map(|(n, c)| match c {
                Some(c) => (c, quote(color)),
                None => {
                    let at = end_of_line(&text, n.end);
                    (at..at, format!("color = {}\n", quote(color)))
                }
            })
            .collect();
        with_edits(&text, edits)
    };
    write_config(path, &target, &out, write)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tag made in the app is appended to the user's config, which keeps its comments.
    #[test]
    fn new_tag_is_appended_to_config() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "# my settings\n[ui]\naccent = \"red\"").unwrap();
        let tags = Config::builtin().tags;
        let key = next_free_key(&tags).unwrap();
        assert_eq!(key, "4");
        let name = check_new_name("  交通 出行 ", &tags).unwrap();
        let config = add_tag_to_config(&path, &TagDef::new(&name, &key)).unwrap();
        assert_eq!(config.tag("交通 出行").unwrap().key, "4");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# my settings\n"));
        let again = Config::load(Some(&path)).unwrap().0;
        assert_eq!(again.tags.len(), 4);
        assert!(matches!(
            add_tag_to_config(&path, &TagDef::new("交通 出行", "5")),
            Err(VocabError::Exists(n)) if n == "交通 出行"
        ));
    }

    /// Adding a tag in the app keeps the config file's mode (0640 stays 0640, 0664
    /// stays 0664); a config it creates gets what `File::create` gives, not 0600.
    #[cfg(unix)]
    #[test]
    fn config_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        for (wanted, name) in [(0o640, "交通"), (0o664, "教育")] {
            std::fs::write(&path, "[ui]\n").unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(wanted)).unwrap();
            add_tag_to_config(&path, &TagDef::new(name, "4")).unwrap();
            assert!(std::fs::read_to_string(&path).unwrap().contains(name));
            assert_eq!(mode(&path), wanted, "{wanted:o}");
        }
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        let new = dir.path().join("new.toml");
        add_tag_to_config(&new, &TagDef::new("交通", "4")).unwrap();
        assert_eq!(mode(&new), mode(&plain));
    }

    /// A config file with an error is left alone.
    #[test]
    fn broken_config_is_not_touched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[ui\n").unwrap();
        assert!(add_tag_to_config(&path, &TagDef::new("x", "")).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "[ui\n");
    }
}

//! The tag vocabulary: adding a tag made in the app (`t` in the TUI) to the user's
//! config file, so it persists like a tag written there by hand.
//!
//! The new `[[tag]]` table is appended to the file's text (comments and layout
//! kept), the result is checked to parse as a config, and the file is replaced
//! atomically (temp file, fsync, rename; a symlinked config is written through
//! to its target). A config file that does not parse is never touched.

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
    #[error("{}: {message}", path.display())]
    File { path: PathBuf, message: String },
}

/// The name the user typed, trimmed, if it can be a new tag next to `tags`.
pub fn check_new_name(name: &str, tags: &[TagDef]) -> Result<String, VocabError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(VocabError::EmptyName);
    }
    if name.contains(['\n', '\r']) {
        return Err(VocabError::Multiline);
    }
    if tags.iter().any(|t| t.name == name) {
        return Err(VocabError::Exists(name.to_string()));
    }
    Ok(name.to_string())
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
    let file_err = |message: String| VocabError::File {
        path: path.to_path_buf(),
        message,
    };
    // Write through a symlinked config to the file it points at.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let old = match crate::regular_file::read_to_string(&target) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(file_err(format!("cannot read: {e}"))),
    };
    let current = Config::from_user_toml(&old, path)
        .map_err(|e| file_err(format!("not changed, it has an error: {e}")))?;
    check_new_name(&tag.name, &current.tags)?;
    let mut text = old.clone();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str("# Added in newstag.\n[[tag]]\n");
    text.push_str(&format!("name = {}\n", quote(&tag.name)));
    if !tag.key.is_empty() {
        text.push_str(&format!("key = {}\n", quote(&tag.key)));
    }
    for (field, value) in [
        ("label_zh", &tag.label_zh),
        ("label_en", &tag.label_en),
        ("description", &tag.description),
    ] {
        if !value.is_empty() {
            text.push_str(&format!("{field} = {}\n", quote(value)));
        }
    }
    text.push_str(&format!("color = {}\n", quote(&tag.color)));
    let config = Config::from_user_toml(&text, path).map_err(|e| file_err(e.to_string()))?;
    write_atomic(&target, &text).map_err(|e| file_err(e.to_string()))?;
    Ok(config)
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

//! Configuration: the embedded `config.example.toml` overlaid with the user's file.
//!
//! Keys are kept as strings here (`"Ctrl-d"`); the UI layer turns them into key
//! events, so the core never depends on a terminal library.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The shipped example, which is also the default configuration.
pub const DEFAULT_CONFIG: &str = include_str!("../config.example.toml");

/// The whole configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub corpus: CorpusConfig,
    pub ui: UiConfig,
    pub suggest: SuggestConfig,
    #[serde(default)]
    pub team: TeamConfig,
    #[serde(rename = "tag")]
    pub tags: Vec<TagDef>,
    /// `[keys.<layer>]`: action name -> keys, one section a layer of the TUI
    /// (`panes`, `help`, `triage`, `export`, ...).
    pub keys: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

/// The panes' section of the keys, `[keys.panes]` (plain entries of `[keys]`,
/// as configs had them before, are read as the panes' keys).
pub const PANES_LAYER: &str = "panes";

impl Config {
    /// Action name -> keys of `layer` (`[keys.<layer>]`); empty when the config
    /// has no such section.
    pub fn key_section(&self, layer: &str) -> BTreeMap<String, Vec<String>> {
        self.keys.get(layer).cloned().unwrap_or_default()
    }

    /// The names of the `[keys.<layer>]` sections the config has.
    pub fn key_layers(&self) -> Vec<&str> {
        self.keys.keys().map(String::as_str).collect()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusConfig {
    /// Corpus opened when no PATH is given; empty for the built-in sample.
    pub path: String,
    /// Folder for sidecars of read-only archives; empty for beside the issue.
    pub sidecar_dir: String,
    /// Globs of files under the corpus that are not issues (`*.titles.txt`).
    #[serde(default)]
    pub ignore: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiConfig {
    pub accent: String,
    pub confirm_bulk_over: usize,
    pub wheel_step: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestConfig {
    pub min_score: f64,
    pub learn_after: usize,
}

/// Coding as a team (see `crate::tags::team`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamConfig {
    /// The coder recorded with every decision; empty: git's `user.name`, else
    /// the login name.
    #[serde(default)]
    pub coder: String,
    /// Show and use only the coder's own decisions.
    #[serde(default)]
    pub blind: bool,
}

/// One tag of the vocabulary.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagDef {
    pub name: String,
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    pub label_zh: String,
    #[serde(default)]
    pub label_en: String,
    #[serde(default = "default_color")]
    pub color: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub keywords: Vec<String>,
}

fn default_color() -> String {
    "white".into()
}

impl TagDef {
    /// A tag made in the app: only a name, the next free key.
    pub fn new(name: &str, key: &str) -> TagDef {
        TagDef {
            name: name.to_string(),
            key: key.to_string(),
            label_zh: String::new(),
            label_en: String::new(),
            color: default_color(),
            description: String::new(),
            keywords: Vec::new(),
        }
    }

    /// The label shown to people: Chinese label, else English, else the name.
    pub fn label(&self) -> &str {
        [&self.label_zh, &self.label_en, &self.name]
            .into_iter()
            .find(|s| !s.is_empty())
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// A problem in a configuration file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    pub message: String,
}

impl Config {
    /// The built-in default configuration.
    pub fn builtin() -> Config {
        match toml::from_str(DEFAULT_CONFIG) {
            Ok(c) => c,
            // The example is checked by a test; this cannot happen in a release.
            Err(e) => unreachable_config(e),
        }
    }

    /// Defaults overlaid with the TOML text `user` (read from `path`). On error the
    /// caller still has the defaults to go on with.
    pub fn from_user_toml(user: &str, path: &Path) -> Result<Config, ConfigError> {
        let err = |line: usize, message: String| ConfigError {
            path: path.to_path_buf(),
            line,
            message,
        };
        let mut user_value: toml::Table = toml::from_str(user)
            .map_err(|e| err(line_of(user, e.span()), e.message().to_string()))?;
        panes_keys_in_their_section(&mut user_value);
        let mut base: toml::Table = toml::from_str(DEFAULT_CONFIG)
            .map_err(|e| err(0, format!("built-in config: {}", e.message())))?;
        merge(&mut base, user_value);
        let merged = toml::to_string(&base).map_err(|e| err(0, e.to_string()))?;
        let config: Config = toml::from_str(&merged).map_err(|e| {
            // Point at the user's line holding the offending key when we can.
            let key = e.span().map(|s| {
                merged[s]
                    .trim_matches(|c| c == '"' || c == '\'')
                    .to_string()
            });
            let line = key.as_deref().and_then(|k| find_line(user, k)).unwrap_or(0);
            err(line, e.message().to_string())
        })?;
        config.validate(user, path)?;
        Ok(config)
    }

    /// Read the configuration: `explicit` (from `--config`) or the user's file if it
    /// exists, else the defaults. Returns the config to use and any error found, so
    /// the app can say what was wrong and still start.
    pub fn load(explicit: Option<&Path>) -> (Config, Option<ConfigError>) {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => user_config_path().filter(|p| p.exists()),
        };
        let Some(path) = path else {
            return (Config::builtin(), None);
        };
        match crate::regular_file::read_to_string(&path) {
            Ok(text) => match Config::from_user_toml(&text, &path) {
                Ok(c) => (c, None),
                Err(e) => (Config::builtin(), Some(e)),
            },
            Err(e) => (
                Config::builtin(),
                Some(ConfigError {
                    path,
                    line: 0,
                    message: format!("cannot read: {e}"),
                }),
            ),
        }
    }

    fn validate(&self, user: &str, path: &Path) -> Result<(), ConfigError> {
        let mut keys_seen: BTreeMap<&str, &str> = BTreeMap::new();
        for tag in &self.tags {
            let at = |value: &str, message: String| ConfigError {
                path: path.to_path_buf(),
                line: find_line(user, value).unwrap_or(0),
                message,
            };
            if tag.name.trim().is_empty() {
                return Err(at("name", "a tag has an empty name".into()));
            }
            if !tag.key.is_empty() {
                if tag.key.chars().count() != 1
                    || !tag.key.chars().all(|c| c.is_ascii_digit() && c != '0')
                {
                    return Err(at(
                        &tag.key,
                        format!(
                            "tag \"{}\": key \"{}\" must be one of 1-9",
                            tag.name, tag.key
                        ),
                    ));
                }
                if let Some(other) = keys_seen.insert(&tag.key, &tag.name) {
                    return Err(at(
                        &tag.key,
                        format!(
                            "key \"{}\" is used by tags \"{other}\" and \"{}\"",
                            tag.key, tag.name
                        ),
                    ));
                }
            }
        }
        if !(0.0..=1.0).contains(&self.suggest.min_score) {
            return Err(ConfigError {
                path: path.to_path_buf(),
                line: find_line(user, "min_score").unwrap_or(0),
                message: format!(
                    "suggest.min_score \"{}\" must be between 0 and 1",
                    self.suggest.min_score
                ),
            });
        }
        Ok(())
    }

    /// The tag named `name`.
    pub fn tag(&self, name: &str) -> Option<&TagDef> {
        self.tags.iter().find(|t| t.name == name)
    }

    /// The folder for sidecars, when set.
    pub fn sidecar_dir(&self) -> Option<PathBuf> {
        let s = self.corpus.sidecar_dir.trim();
        (!s.is_empty()).then(|| expand_home(s))
    }

    /// The configured corpus path, when set.
    pub fn corpus_path(&self) -> Option<PathBuf> {
        let s = self.corpus.path.trim();
        (!s.is_empty()).then(|| expand_home(s))
    }
}

fn unreachable_config(e: toml::de::Error) -> Config {
    // Keep going with an empty vocabulary rather than abort: tests catch this.
    eprintln!("newstag: built-in config is broken: {e}");
    Config {
        corpus: CorpusConfig {
            path: String::new(),
            sidecar_dir: String::new(),
            ignore: Vec::new(),
        },
        ui: UiConfig {
            accent: "cyan".into(),
            confirm_bulk_over: 20,
            wheel_step: 3,
        },
        team: TeamConfig::default(),
        suggest: SuggestConfig {
            min_score: 0.35,
            learn_after: 20,
        },
        tags: Vec::new(),
        keys: BTreeMap::new(),
    }
}

/// `$XDG_CONFIG_HOME/newstag/config.toml`, else `~/.config/newstag/config.toml`.
pub fn user_config_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|h| h.join(".config")))?;
    Some(base.join("newstag").join("config.toml"))
}

fn expand_home(s: &str) -> PathBuf {
    match (s.strip_prefix("~/"), dirs::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(s),
    }
}

/// Overlay `user` on `base`: tables merge key by key, `[[tag]]` entries merge by
/// name (new names are appended), other values are replaced.
fn merge(base: &mut toml::Table, user: toml::Table) {
    for (key, value) in user {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(u)) => merge(b, u),
            (Some(toml::Value::Array(b)), toml::Value::Array(u)) if key == "tag" => {
                for item in u {
                    let name = item
                        .get("name")
                        .and_then(|n| n.as_str())
                        .map(str::to_string);
                    let existing = b.iter_mut().find(|t| {
                        name.is_some() && t.get("name").and_then(|n| n.as_str()) == name.as_deref()
                    });
                    match (existing, item) {
                        (Some(toml::Value::Table(bt)), toml::Value::Table(ut)) => merge(bt, ut),
                        (_, item) => b.push(item),
                    }
                }
            }
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// Before keys had a section a layer, the panes' keys were plain entries of
/// `[keys]` (`quit = ["Q"]`): move those into `[keys.panes]`, where they belong.
fn panes_keys_in_their_section(user: &mut toml::Table) {
    let Some(toml::Value::Table(keys)) = user.get_mut("keys") else {
        return;
    };
    let plain: Vec<String> = keys
        .iter()
        .filter(|(_, v)| !v.is_table())
        .map(|(k, _)| k.clone())
        .collect();
    if plain.is_empty() {
        return;
    }
    let mut moved = toml::Table::new();
    for name in plain {
        if let Some(v) = keys.remove(&name) {
            moved.insert(name, v);
        }
    }
    match keys.get_mut(PANES_LAYER) {
        Some(toml::Value::Table(panes)) => panes.extend(moved),
        _ => {
            keys.insert(PANES_LAYER.to_string(), toml::Value::Table(moved));
        }
    }
}

fn line_of(text: &str, span: Option<std::ops::Range<usize>>) -> usize {
    span.map(|s| crate::text::line_at_byte(text, s.start))
        .unwrap_or(0)
}

fn find_line(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped example parses and has the three default tags.
    #[test]
    fn example_config_parses() {
        let c: Config = toml::from_str(DEFAULT_CONFIG).expect("config.example.toml parses");
        let names: Vec<_> = c.tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["governance", "heritage", "environment"]);
        assert!(c.tags.iter().all(|t| !t.keywords.is_empty()));
    }

    /// No key is bound to two actions of one layer in the defaults.
    #[test]
    fn default_bindings_do_not_collide() {
        let c = Config::builtin();
        let mut layers = c.key_layers();
        layers.push(PANES_LAYER);
        for layer in layers {
            let mut seen = BTreeMap::new();
            for (action, keys) in c.key_section(layer) {
                for k in keys {
                    assert!(
                        seen.insert(k.clone(), action.clone()).is_none(),
                        "{k} bound twice in {layer}"
                    );
                }
            }
        }
    }

    /// A user's tag is added and a default tag's colour can be changed.
    #[test]
    fn user_tags_merge_by_name() {
        let user = "[[tag]]\nname = \"heritage\"\ncolor = \"red\"\n\n[[tag]]\nname = \"交通 出行\"\nkey = \"4\"\n";
        let c = Config::from_user_toml(user, Path::new("u.toml")).unwrap();
        assert_eq!(c.tags.len(), 4);
        assert_eq!(c.tag("heritage").unwrap().color, "red");
        assert_eq!(c.tag("heritage").unwrap().key, "2");
        assert_eq!(c.tag("交通 出行").unwrap().key, "4");
    }

    /// Bad config names the file, the line and the value.
    #[test]
    fn bad_config_names_file_line_and_value() {
        let user = "[ui]\naccent = \"cyan\"\n\n[[tag]]\nname = \"x\"\nkey = \"12\"\n";
        let e = Config::from_user_toml(user, Path::new("/tmp/u.toml")).unwrap_err();
        assert_eq!(e.line, 6);
        assert!(e.to_string().contains("/tmp/u.toml:6"), "{e}");
        assert!(e.to_string().contains("\"12\""), "{e}");
        let e = Config::from_user_toml("[ui]\nwheel_step = \"lots\"\n", Path::new("u.toml"))
            .unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        let e = Config::from_user_toml("[ui\n", Path::new("u.toml")).unwrap_err();
        assert_eq!(e.line, 1, "{e}");
    }
}

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
    #[serde(default)]
    pub cache: CacheConfig,
    /// `[lexicon]`: words added to segmentation's built-in lists.
    #[serde(default)]
    pub lexicon: crate::segment::lexicon::Lexicon,
    /// `[measures]`: segmentation's thresholds, each overriding the built-in one.
    #[serde(default)]
    pub measures: crate::segment::measures::Measures,
    #[serde(rename = "tag")]
    pub tags: Vec<TagDef>,
    /// `[searches]`: saved searches, name -> query (`@name` in a query).
    #[serde(default)]
    pub searches: BTreeMap<String, String>,
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

/// The caches (see `crate::cache`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CacheConfig {
    /// Past this many megabytes in all, caches are pruned.
    #[serde(default = "default_cache_max_mb")]
    pub max_size_mb: u64,
}

impl Default for CacheConfig {
    fn default() -> Self {
        CacheConfig {
            max_size_mb: default_cache_max_mb(),
        }
    }
}

fn default_cache_max_mb() -> u64 {
    crate::cache::manage::DEFAULT_MAX_BYTES >> 20
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
#[error("{}{}: {message}", path.display(), if *line > 0 { format!(":{line}") } else { String::new() })]
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

    /// Defaults overlaid with the TOML text `user` (read from `path`), refused
    /// whole at its first error (for a file about to be changed, such as by
    /// adding a tag). [`Config::overlay`] keeps the valid parts instead.
    pub fn from_user_toml(user: &str, path: &Path) -> Result<Config, ConfigError> {
        let (config, errors) = Config::overlay(user, path);
        match errors.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(config),
        }
    }

    /// Defaults overlaid with every valid entry of the TOML text `user` (read
    /// from `path`), and every error found, in the file's order, each with its
    /// line: a bad value, an unknown key or a tag field that breaks a rule is
    /// left out (its default stays), and the rest of the file still applies, the
    /// user's tag vocabulary included. Lines that do not parse as TOML are
    /// reported and skipped; what the parser recovered around them still counts.
    pub fn overlay(user: &str, path: &Path) -> (Config, Vec<ConfigError>) {
        let err = |line: usize, message: String| ConfigError {
            path: path.to_path_buf(),
            line,
            message,
        };
        let mut errors = Vec::new();
        let (doc, syntax) = toml::de::DeTable::parse_recoverable(user);
        for e in &syntax {
            errors.push(err(line_of(user, e.span()), e.message().trim().to_string()));
        }
        let lines = entry_lines(user, doc.get_ref());
        let mut user_value: toml::Table = match serde::Deserialize::deserialize(
            serde::de::IntoDeserializer::into_deserializer(doc),
        ) {
            Ok(t) => t,
            Err(e) => {
                let e: toml::de::Error = e;
                errors.push(err(line_of(user, e.span()), e.message().trim().to_string()));
                toml::Table::new()
            }
        };
        panes_keys_in_their_section(&mut user_value);
        let mut base: toml::Table = match toml::from_str(DEFAULT_CONFIG) {
            Ok(t) => t,
            Err(e) => {
                errors.push(err(0, format!("built-in config: {}", e.message())));
                return (Config::builtin(), errors);
            }
        };
        let mut config = Config::builtin();
        // Tags the user's file retires (`retired = true`, left by a rename)
        // leave the vocabulary before anything else applies.
        let retired = take_retired_tags(&mut user_value);
        if !retired.is_empty() {
            if let Some(toml::Value::Array(tags)) = base.get_mut("tag") {
                tags.retain(|t| {
                    !t.get("name")
                        .and_then(|n| n.as_str())
                        .is_some_and(|n| retired.iter().any(|r| r == n))
                });
            }
            if let Ok(c) = accept(&base) {
                config = c;
            }
        }
        let line = |key: &str, leaf: &str| {
            // Plain `[keys]` entries were moved into `[keys.panes]`.
            let plain = key.replacen(&format!("keys.{PANES_LAYER}."), "keys.", 1);
            lines
                .get(key)
                .or_else(|| lines.get(&plain))
                .copied()
                .or_else(|| find_line(user, leaf))
                .unwrap_or(0)
        };
        for entry in entries(&base, user_value, "") {
            match entry {
                Entry::Set { path: key, value } => {
                    let leaf = key.rsplit('.').next().unwrap_or(&key).to_string();
                    let shown = shown_value(&value);
                    let mut candidate = base.clone();
                    set_at(&mut candidate, &key, value);
                    match accept(&candidate) {
                        Ok(c) => (base, config) = (candidate, c),
                        Err(why) => errors.push(err(
                            line(&key, &leaf),
                            format!("{key}{shown}: {why} (left out, the default stays)"),
                        )),
                    }
                }
                Entry::Tag { index, table } => {
                    let at = format!("tag.{index}");
                    let mut candidate = base.clone();
                    merge(&mut candidate, tag_table(table.clone()));
                    if let Ok(c) = accept(&candidate) {
                        (base, config) = (candidate, c);
                        continue;
                    }
                    // Keep the tag with the fields that are right.
                    let name = table.get("name").cloned();
                    let mut named = toml::Table::new();
                    if let Some(n) = name.clone() {
                        named.insert("name".into(), n);
                    }
                    let mut candidate = base.clone();
                    merge(&mut candidate, tag_table(named.clone()));
                    let label = name
                        .as_ref()
                        .and_then(|n| n.as_str())
                        .map(|n| format!("tag \"{n}\""))
                        .unwrap_or_else(|| "a [[tag]]".to_string());
                    match accept(&candidate) {
                        Ok(c) => (base, config) = (candidate, c),
                        Err(why) => {
                            // With its name alone the tag is refused: point
                            // at the name's line when it has one.
                            let at_name = match line(&format!("{at}.name"), "") {
                                0 => line(&at, "[[tag]]"),
                                n => n,
                            };
                            errors.push(err(
                                at_name,
                                format!("{label}: {why} (the tag is left out)"),
                            ));
                            continue;
                        }
                    }
                    for (field, value) in table {
                        if field == "name" {
                            continue;
                        }
                        let shown = shown_value(&value);
                        let mut one = named.clone();
                        one.insert(field.clone(), value);
                        let mut candidate = base.clone();
                        merge(&mut candidate, tag_table(one));
                        match accept(&candidate) {
                            Ok(c) => (base, config) = (candidate, c),
                            Err(why) => errors.push(err(
                                line(&format!("{at}.{field}"), &field),
                                format!("{label}: {field}{shown}: {why} (left out)"),
                            )),
                        }
                    }
                }
            }
        }
        errors.sort_by_key(|e| e.line);
        (config, errors)
    }

    /// Read the configuration: `explicit` (from `--config`) or the user's file if it
    /// exists, else the defaults. Returns the config to use and every error found
    /// in the file (the config keeps what is valid), so the app can say what was
    /// wrong and still start. A file named explicitly that cannot be read is an
    /// error: the user asked for it.
    pub fn load(explicit: Option<&Path>) -> Result<(Config, Vec<ConfigError>), ConfigError> {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => user_config_path().filter(|p| p.symlink_metadata().is_ok()),
        };
        let Some(path) = path else {
            return Ok((Config::builtin(), Vec::new()));
        };
        match crate::regular_file::read_to_string(&path) {
            Ok(text) => Ok(Config::overlay(&text, &path)),
            Err(e) => {
                let e = ConfigError {
                    path,
                    line: 0,
                    message: format!("cannot read the config file: {e}"),
                };
                if explicit.is_some() {
                    Err(e)
                } else {
                    Ok((Config::builtin(), vec![e]))
                }
            }
        }
    }

    /// Check the rules serde cannot: tag names and keys, the score range.
    fn validate(&self) -> Result<(), String> {
        let mut keys_seen: BTreeMap<&str, &str> = BTreeMap::new();
        for tag in &self.tags {
            if tag.name.trim().is_empty() {
                return Err("a tag has an empty name".into());
            }
            // The rule of the new-tag prompt: a name a query can carry.
            crate::tags::vocab::check_name(&tag.name).map_err(|e| e.to_string())?;
            if !tag.key.is_empty() {
                if tag.key.chars().count() != 1
                    || !tag.key.chars().all(|c| c.is_ascii_digit() && c != '0')
                {
                    return Err(format!("key \"{}\" must be one of 1-9", tag.key));
                }
                if let Some(other) = keys_seen.insert(&tag.key, &tag.name) {
                    return Err(format!(
                        "key \"{}\" is used by tags \"{other}\" and \"{}\"",
                        tag.key, tag.name
                    ));
                }
            }
        }
        for (name, query) in &self.searches {
            crate::search::saved::valid_name(name)?;
            if query.trim().is_empty() {
                return Err(format!("saved search \"{name}\" is empty"));
            }
            if let Err(e) = crate::search::Query::parse(query) {
                return Err(format!("saved search \"{name}\": {e}"));
            }
        }
        self.measures.check()?;
        if !(0.0..=1.0).contains(&self.suggest.min_score) {
            return Err(format!(
                "suggest.min_score \"{}\" must be between 0 and 1",
                self.suggest.min_score
            ));
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
        cache: CacheConfig::default(),
        lexicon: Default::default(),
        measures: Default::default(),
        suggest: SuggestConfig {
            min_score: 0.35,
            learn_after: 20,
        },
        tags: Vec::new(),
        searches: BTreeMap::new(),
        keys: BTreeMap::new(),
    }
}

/// The text of the config file in use (`explicit`, else the user's when it
/// exists) with its path, to point messages at its lines; `None` when there is
/// none or it does not read.
pub fn source_text(explicit: Option<&Path>) -> Option<(PathBuf, String)> {
    explicit
        .map(Path::to_path_buf)
        .or_else(|| user_config_path().filter(|p| p.exists()))
        .and_then(|p| crate::regular_file::read_to_string(&p).ok().map(|t| (p, t)))
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

/// Remove from `user`'s `[[tag]]` tables those saying `retired = true` (a
/// tag renamed by `newstag tags rename` whose old name the built-in vocabulary
/// has) and return their names.
fn take_retired_tags(user: &mut toml::Table) -> Vec<String> {
    let Some(toml::Value::Array(tags)) = user.get_mut("tag") else {
        return Vec::new();
    };
    let mut names = Vec::new();
    tags.retain(|t| {
        let retired = t.get("retired").and_then(|r| r.as_bool()) == Some(true);
        if retired && let Some(name) = t.get("name").and_then(|n| n.as_str()) {
            names.push(name.to_string());
        }
        !retired
    });
    names
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

/// One change a user's config makes to the defaults, applied (or refused) alone.
enum Entry {
    /// A value at a dotted key (`ui.wheel_step`, `keys.quit`).
    Set { path: String, value: toml::Value },
    /// The `index`-th `[[tag]]` table, merged by name.
    Tag { index: usize, table: toml::Table },
}

/// The entries of `user`: a table the defaults also have is entered key by
/// key; `[[tag]]` tables one by one; anything else is one entry.
fn entries(base: &toml::Table, user: toml::Table, prefix: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for (key, value) in user {
        let path = format!("{prefix}{key}");
        match (base.get(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(u)) => {
                out.extend(entries(b, u, &format!("{path}.")));
            }
            (Some(toml::Value::Array(_)), toml::Value::Array(items))
                if path == "tag" && items.iter().all(toml::Value::is_table) =>
            {
                for (index, item) in items.into_iter().enumerate() {
                    if let toml::Value::Table(table) = item {
                        out.push(Entry::Tag { index, table });
                    }
                }
            }
            (_, value) => out.push(Entry::Set { path, value }),
        }
    }
    out
}

/// `{"tag": [table]}`, to merge one tag by name.
fn tag_table(table: toml::Table) -> toml::Table {
    let mut t = toml::Table::new();
    t.insert(
        "tag".into(),
        toml::Value::Array(vec![toml::Value::Table(table)]),
    );
    t
}

/// Put `value` at the dotted `path` of `table`, making the tables on the way.
fn set_at(table: &mut toml::Table, path: &str, value: toml::Value) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let Some(last) = parts.pop() else {
        return;
    };
    let mut here = table;
    for part in parts {
        let next = here
            .entry(part.to_string())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if !next.is_table() {
            *next = toml::Value::Table(toml::Table::new());
        }
        let toml::Value::Table(t) = next else {
            return;
        };
        here = t;
    }
    here.insert(last.to_string(), value);
}

/// The config `table` makes, if it is one (types, known keys, rules).
fn accept(table: &toml::Table) -> Result<Config, String> {
    let config: Config = toml::Value::Table(table.clone())
        .try_into()
        .map_err(|e: toml::de::Error| e.message().trim().to_string())?;
    config.validate()?;
    Ok(config)
}

/// ` = "value"` for a message, for values short enough to show.
fn shown_value(value: &toml::Value) -> String {
    match value {
        toml::Value::Table(_) => String::new(),
        v => {
            let s = v.to_string();
            if s.chars().count() > 60 {
                String::new()
            } else {
                format!(" = {s}")
            }
        }
    }
}

/// The 1-based line of every key of the document (`ui.wheel_step`, `tag.2` for
/// the third `[[tag]]`, `tag.2.key`).
fn entry_lines(text: &str, doc: &toml::de::DeTable<'_>) -> BTreeMap<String, usize> {
    fn walk(
        text: &str,
        table: &toml::de::DeTable<'_>,
        prefix: &str,
        out: &mut BTreeMap<String, usize>,
    ) {
        for (key, value) in table.iter() {
            let path = format!("{prefix}{}", key.get_ref());
            out.insert(
                path.clone(),
                crate::text::line_at_byte(text, key.span().start),
            );
            match value.get_ref() {
                toml::de::DeValue::Table(t) => walk(text, t, &format!("{path}."), out),
                toml::de::DeValue::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if let toml::de::DeValue::Table(t) = item.get_ref() {
                            let at = format!("{path}.{i}");
                            let first = t
                                .iter()
                                .map(|(k, _)| crate::text::line_at_byte(text, k.span().start))
                                .min();
                            let line = crate::text::line_at_byte(text, item.span().start);
                            out.insert(at.clone(), first.map_or(line, |f| f.min(line)));
                            walk(text, t, &format!("{at}."), out);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(text, doc, "", &mut out);
    out
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

    /// One bad value, an unknown key, a tag breaking a rule and a line that is
    /// not TOML each cost only themselves: the rest of the file applies, the
    /// user's tags included, and every error is reported with its line.
    #[test]
    fn overlay_keeps_valid_parts_and_reports_every_error() {
        let user = "\
[ui]
accent = \"red\"
wheel_step = \"lots\"
colour = \"blue\"

[suggest]
min_score = 7.0
learn_after = 5

[[tag]]
name = \"交通\"
key = \"4\"

[[tag]]
name = \"民生\"
key = \"12\"
keywords = 3
label_zh = \"民生\"

[[tag]]
key = \"5\"

[corpus]
path = \"/archive
sidecar_dir = \"/side\"
";
        let (c, errors) = Config::overlay(user, Path::new("/h/c.toml"));
        assert_eq!(c.ui.accent, "red");
        assert_eq!(c.ui.wheel_step, Config::builtin().ui.wheel_step);
        assert_eq!(c.suggest.learn_after, 5);
        assert_eq!(c.suggest.min_score, Config::builtin().suggest.min_score);
        assert_eq!(c.tag("交通").unwrap().key, "4");
        let minsheng = c.tag("民生").expect("a tag with a bad field is kept");
        assert_eq!(
            (minsheng.key.as_str(), minsheng.label_zh.as_str()),
            ("", "民生")
        );
        assert_eq!(c.tags.len(), 5, "{:?}", c.tags);
        assert_eq!(c.corpus.sidecar_dir, "/side");
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4, 7, 16, 17, 20, 24], "{errors:#?}");
        for e in &errors {
            assert!(
                e.to_string()
                    .starts_with(&format!("/h/c.toml:{}: ", e.line)),
                "{e}"
            );
        }
        assert!(errors[0].message.contains("\"lots\""), "{}", errors[0]);
        assert!(errors[1].message.contains("colour"), "{}", errors[1]);
        assert!(errors[3].message.contains("\"12\""), "{}", errors[3]);
        // The strict reading (for a file about to be changed) stops at the first.
        let e = Config::from_user_toml(user, Path::new("/h/c.toml")).unwrap_err();
        assert_eq!(e, errors[0]);
    }

    /// A config named with --config that is missing or not a file is an error
    /// naming it; the default config path may well be missing.
    #[test]
    fn explicit_config_must_be_readable() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("none.toml");
        let e = Config::load(Some(&missing)).unwrap_err();
        assert_eq!(e.path, missing);
        assert!(e.to_string().contains("none.toml"), "{e}");
        let e = Config::load(Some(dir.path())).unwrap_err();
        assert_eq!(e.path, dir.path());
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

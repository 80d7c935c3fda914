//! Key strings from the config (`"Ctrl-d"`, `"PageDown"`, `"Space"`, `"?"`) turned
//! into key events, and key events into actions.

use super::action::{
    Action, AdjudicateAction, Bindable, ConfirmAction, ExportAction, HelpAction, JumpAction, Layer,
    MemoAction, MessagesAction, NewTagAction, PageAction, PickerAction, SearchAction, StatsAction,
    TagEditAction, TriageAction,
};
use crate::config::Config;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::Path;

/// A key as the keymap compares it: code plus Ctrl/Alt (Shift is carried by the
/// character itself, `G` rather than Shift-g).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// The key of character `c` pressed with `mods`: a full-width character folds to
/// ASCII, and with Ctrl a letter is lower case.
fn char_key(c: char, mods: KeyModifiers) -> KeyCode {
    let c = crate::text::fold_width(c);
    if mods.contains(KeyModifiers::CONTROL) {
        KeyCode::Char(c.to_ascii_lowercase())
    } else {
        KeyCode::Char(c)
    }
}

impl Key {
    /// Normalise a terminal key event: full-width characters from an input method
    /// fold to ASCII, Shift is dropped for characters and BackTab, Ctrl-letters are
    /// lower case.
    pub fn from_event(ev: KeyEvent) -> Key {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match ev.code {
            KeyCode::Char(c) => char_key(c, mods),
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        if code == KeyCode::BackTab {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }

    /// Parse a key string of the config.
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 2 && (lower.starts_with("ctrl-") || lower.starts_with("c-")) {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[rest.find('-').map_or(0, |i| i + 1)..];
            } else if rest.chars().count() > 2
                && (lower.starts_with("alt-") || lower.starts_with("m-"))
            {
                mods |= KeyModifiers::ALT;
                rest = &rest[rest.find('-').map_or(0, |i| i + 1)..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => char_key(c, mods),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                f if f.starts_with('f') && f.len() > 1 => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=24) => KeyCode::F(n),
                    _ => return Err(format!("unknown key \"{s}\"")),
                },
                _ => return Err(format!("unknown key \"{s}\"")),
            },
        };
        Ok(Key { code, mods })
    }

    /// How the key is written in help and hints (`Ctrl-d`, `PgDn`, `Space`).
    pub fn display(&self) -> String {
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Insert => "Ins".into(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        out.push_str(&name);
        out
    }
}

/// Keys to the actions of one layer, and actions back to their keys for help and
/// hints.
#[derive(Debug, Clone)]
pub struct Keymap<A = Action> {
    map: HashMap<Key, A>,
    /// Keys of each action in the order the config lists them.
    keys: Vec<(A, Vec<Key>)>,
}

impl<A> Default for Keymap<A> {
    fn default() -> Self {
        Keymap {
            map: HashMap::new(),
            keys: Vec::new(),
        }
    }
}

/// Where the user's config text came from, to point errors at its lines.
pub struct ConfigSource<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

/// `path:line: ` of the first line holding `needle` at or after the line of
/// `header` (the layer's section), for messages; empty without a source.
fn locate(source: Option<&ConfigSource>, header: &str, needle: &str) -> String {
    let Some(src) = source else {
        return String::new();
    };
    let lines: Vec<&str> = src.text.lines().collect();
    let from = lines.iter().position(|l| l.trim() == header).unwrap_or(0);
    let line = lines
        .iter()
        .enumerate()
        .skip(from)
        .chain(lines.iter().enumerate().take(from))
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1);
    match line {
        Some(n) => format!("{}:{n}: ", src.path.display()),
        None => format!("{}: ", src.path.display()),
    }
}

impl<A: Bindable> Keymap<A> {
    /// Build the keymap of layer `A` from its section of the config. Problems
    /// (unknown action, unparsable key, a key bound twice in the layer) come back
    /// as messages naming the config file and line when `source` is given; the
    /// rest of the keymap still works.
    pub fn from_section(
        section: &BTreeMap<String, Vec<String>>,
        source: Option<&ConfigSource>,
    ) -> (Keymap<A>, Vec<String>) {
        let mut km: Keymap<A> = Keymap::default();
        let mut errors = Vec::new();
        let header = A::LAYER.header();
        // Bind in help order so that conflicts are reported stably.
        for action in A::ALL {
            let Some(strings) = section.get(action.name()) else {
                continue;
            };
            let mut bound = Vec::new();
            for s in strings {
                match Key::parse(s) {
                    Ok(key) => {
                        if let Some(other) = km.map.get(&key) {
                            errors.push(format!(
                                "{}key \"{s}\" is bound to both {} and {} in {header}",
                                locate(source, &header, &format!("\"{s}\"")),
                                other.name(),
                                action.name()
                            ));
                            continue;
                        }
                        km.map.insert(key, *action);
                        bound.push(key);
                    }
                    Err(e) => errors.push(format!(
                        "{}{e} for {} in {header}",
                        locate(source, &header, &format!("\"{s}\"")),
                        action.name()
                    )),
                }
            }
            km.keys.push((*action, bound));
        }
        for name in section.keys() {
            if A::from_name(name).is_none() {
                errors.push(format!(
                    "{}unknown action \"{name}\" in {header}",
                    locate(source, &header, name)
                ));
            }
        }
        (km, errors)
    }

    /// The action bound to a key event, if any.
    pub fn action_for(&self, ev: KeyEvent) -> Option<A> {
        self.map.get(&Key::from_event(ev)).copied()
    }

    /// The keys bound to `action`, as written in help (`["j", "Down"]`).
    pub fn keys_of(&self, action: A) -> Vec<String> {
        if let Some((_, ks)) = self.keys.iter().find(|(a, _)| *a == action) {
            return ks.iter().map(Key::display).collect();
        }
        let mut keys: Vec<String> = self
            .map
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| k.display())
            .collect();
        keys.sort();
        keys
    }

    /// The first key of `action`, for short hints.
    pub fn first_key(&self, action: A) -> Option<String> {
        self.keys_of(action).into_iter().next()
    }

    /// (keys, description) of every bindable action that has a key, in help order.
    pub fn entries(&self) -> Vec<(String, String)> {
        A::ALL
            .iter()
            .filter_map(|a| {
                let keys = self.keys_of(*a);
                (!keys.is_empty()).then(|| (keys.join(" "), a.description().to_string()))
            })
            .collect()
    }

    /// (first key, name) of every bindable action that has a key: the hint bar.
    /// Pairs (`scroll_down`/`scroll_up`, `next_field`/`prev_field`) share one
    /// hint: `j/k scroll`.
    pub fn hints(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < A::ALL.len() {
            let a = A::ALL[k];
            let pair = A::ALL.get(k + 1).and_then(|b| {
                let (x, y) = (a.name(), b.name());
                let shared = match (x.strip_suffix("_down"), y.strip_suffix("_up")) {
                    (Some(p), Some(q)) if p == q => Some(p),
                    _ => match (x.strip_prefix("next_"), y.strip_prefix("prev_")) {
                        (Some(p), Some(q)) if p == q => Some(p),
                        _ => None,
                    },
                };
                Some((shared?, *b))
            });
            match pair {
                Some((name, b)) => {
                    if let (Some(ka), Some(kb)) = (self.first_key(a), self.first_key(b)) {
                        out.push((format!("{ka}/{kb}"), name.replace('_', " ")));
                    }
                    k += 2;
                }
                None => {
                    if let Some(ka) = self.first_key(a) {
                        out.push((ka, a.name().replace('_', " ")));
                    }
                    k += 1;
                }
            }
        }
        out
    }

    /// The actions that have no key.
    pub fn unbound(&self) -> Vec<A> {
        A::ALL
            .iter()
            .copied()
            .filter(|a| self.keys_of(*a).is_empty())
            .collect()
    }
}

impl Keymap<Action> {
    /// Build the panes' keymap from `[keys.panes]` and the tags' `key`s (see
    /// [`Keymap::from_section`]).
    pub fn from_config(config: &Config, source: Option<&ConfigSource>) -> (Keymap, Vec<String>) {
        let section = config.key_section(Layer::Panes.section());
        let (mut km, mut errors) = Keymap::<Action>::from_section(&section, source);
        for (i, tag) in config.tags.iter().enumerate() {
            if tag.key.is_empty() {
                continue;
            }
            match Key::parse(&tag.key) {
                Ok(key) => {
                    if let Some(other) = km.map.get(&key) {
                        errors.push(format!(
                            "{}tag \"{}\": key \"{}\" is already bound to {}",
                            locate(source, "[[tag]]", &format!("\"{}\"", tag.key)),
                            tag.name,
                            tag.key,
                            other.name()
                        ));
                    } else {
                        km.map.insert(key, Action::ToggleTag(i));
                    }
                }
                Err(e) => errors.push(format!("tag \"{}\": {e}", tag.name)),
            }
        }
        (km, errors)
    }
}

/// The keymaps of every layer, each from its own section of the config.
#[derive(Debug, Clone, Default)]
pub struct Keymaps {
    /// `[keys.panes]`: list, reader and tag pane (and the tags' own keys).
    pub panes: Keymap<Action>,
    pub help: Keymap<HelpAction>,
    pub messages: Keymap<MessagesAction>,
    pub stats: Keymap<StatsAction>,
    pub triage: Keymap<TriageAction>,
    pub adjudicate: Keymap<AdjudicateAction>,
    pub confirm: Keymap<ConfirmAction>,
    pub new_tag: Keymap<NewTagAction>,
    pub memo: Keymap<MemoAction>,
    pub tag_edit: Keymap<TagEditAction>,
    pub jump_to_date: Keymap<JumpAction>,
    pub export: Keymap<ExportAction>,
    pub search: Keymap<SearchAction>,
    pub page: Keymap<PageAction>,
    pub picker: Keymap<PickerAction>,
}

impl Keymaps {
    /// Every layer's keymap from `config`, with every problem found (see
    /// [`Keymap::from_section`]); a section of `[keys]` no layer has is one.
    pub fn from_config(config: &Config, source: Option<&ConfigSource>) -> (Keymaps, Vec<String>) {
        fn layer<A: Bindable>(
            config: &Config,
            source: Option<&ConfigSource>,
            errors: &mut Vec<String>,
        ) -> Keymap<A> {
            let (km, e) =
                Keymap::<A>::from_section(&config.key_section(A::LAYER.section()), source);
            errors.extend(e);
            km
        }
        let (panes, mut errors) = Keymap::from_config(config, source);
        let maps = Keymaps {
            panes,
            help: layer(config, source, &mut errors),
            messages: layer(config, source, &mut errors),
            stats: layer(config, source, &mut errors),
            triage: layer(config, source, &mut errors),
            adjudicate: layer(config, source, &mut errors),
            confirm: layer(config, source, &mut errors),
            new_tag: layer(config, source, &mut errors),
            memo: layer(config, source, &mut errors),
            tag_edit: layer(config, source, &mut errors),
            jump_to_date: layer(config, source, &mut errors),
            export: layer(config, source, &mut errors),
            search: layer(config, source, &mut errors),
            page: layer(config, source, &mut errors),
            picker: layer(config, source, &mut errors),
        };
        for name in config.key_layers() {
            if !Layer::ALL.iter().any(|l| l.section() == name) {
                errors.push(format!(
                    "{}unknown section [keys.{name}]",
                    locate(source, "[keys]", &format!("[keys.{name}]"))
                ));
            }
        }
        (maps, errors)
    }

    /// (keys, description) of every bound action of `layer`, in help order.
    pub fn entries(&self, layer: Layer) -> Vec<(String, String)> {
        match layer {
            Layer::Panes => self.panes.entries(),
            Layer::Help => self.help.entries(),
            Layer::Messages => self.messages.entries(),
            Layer::Stats => self.stats.entries(),
            Layer::Triage => self.triage.entries(),
            Layer::Adjudicate => self.adjudicate.entries(),
            Layer::Confirm => self.confirm.entries(),
            Layer::NewTag => self.new_tag.entries(),
            Layer::Memo => self.memo.entries(),
            Layer::TagEdit => self.tag_edit.entries(),
            Layer::JumpToDate => self.jump_to_date.entries(),
            Layer::Export => self.export.entries(),
            Layer::Search => self.search.entries(),
            Layer::Page => self.page.entries(),
            Layer::Picker => self.picker.entries(),
        }
    }

    /// (first key, name) of each action of `layer`: its hint bar.
    pub fn hints(&self, layer: Layer) -> Vec<(String, String)> {
        match layer {
            Layer::Panes => self.panes.hints(),
            Layer::Help => self.help.hints(),
            Layer::Messages => self.messages.hints(),
            Layer::Stats => self.stats.hints(),
            Layer::Triage => self.triage.hints(),
            Layer::Adjudicate => self.adjudicate.hints(),
            Layer::Confirm => self.confirm.hints(),
            Layer::NewTag => self.new_tag.hints(),
            Layer::Memo => self.memo.hints(),
            Layer::TagEdit => self.tag_edit.hints(),
            Layer::JumpToDate => self.jump_to_date.hints(),
            Layer::Export => self.export.hints(),
            Layer::Search => self.search.hints(),
            Layer::Page => self.page.hints(),
            Layer::Picker => self.picker.hints(),
        }
    }

    /// `layer: action` for every action of every layer that has no key.
    pub fn unbound(&self) -> Vec<String> {
        fn names<A: Bindable>(km: &Keymap<A>) -> Vec<String> {
            km.unbound()
                .into_iter()
                .map(|a| format!("{}: {}", A::LAYER.header(), a.name()))
                .collect()
        }
        [
            names(&self.panes),
            names(&self.help),
            names(&self.messages),
            names(&self.stats),
            names(&self.triage),
            names(&self.adjudicate),
            names(&self.confirm),
            names(&self.new_tag),
            names(&self.memo),
            names(&self.tag_edit),
            names(&self.jump_to_date),
            names(&self.export),
            names(&self.search),
            names(&self.page),
            names(&self.picker),
        ]
        .concat()
    }

    /// The key tables of the README: one per layer, generated from the keymap
    /// (`tests/readme_keys.rs` checks the README holds exactly this).
    pub fn markdown(&self, config: &Config) -> String {
        let mut out = String::new();
        for layer in Layer::ALL {
            out.push_str(&format!("{} (`{}`):\n\n", layer.title(), layer.header()));
            out.push_str("| keys | action |\n|---|---|\n");
            let mut rows = self.entries(layer);
            if layer == Layer::Panes {
                let tag_keys: Vec<&str> = config
                    .tags
                    .iter()
                    .filter(|t| !t.key.is_empty())
                    .map(|t| t.key.as_str())
                    .collect();
                if !tag_keys.is_empty() {
                    rows.push((
                        tag_keys.join(" "),
                        "Toggle a tag (each tag's `key` in `[[tag]]`)".to_string(),
                    ));
                }
            }
            for (keys, desc) in rows {
                let keys: Vec<String> = keys
                    .split(' ')
                    .map(|k| match k {
                        "|" => "`\\|`".to_string(),
                        k => format!("`{k}`"),
                    })
                    .collect();
                out.push_str(&format!("| {} | {desc} |\n", keys.join(" ")));
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    /// Key strings of the config parse into the keys a terminal sends.
    #[test]
    fn parses_key_strings() {
        let k = |s: &str| Key::parse(s).unwrap();
        assert_eq!(
            k("Ctrl-d"),
            Key {
                code: KeyCode::Char('d'),
                mods: KeyModifiers::CONTROL
            }
        );
        assert_eq!(k("PageDown").code, KeyCode::PageDown);
        assert_eq!(k("Space").code, KeyCode::Char(' '));
        assert_eq!(k("?").code, KeyCode::Char('?'));
        assert_eq!(k("-").code, KeyCode::Char('-'));
        assert_eq!(k("F1").code, KeyCode::F(1));
        assert_eq!(k("G").code, KeyCode::Char('G'));
        assert_eq!(k("Alt-x").mods, KeyModifiers::ALT);
        assert!(Key::parse("Ctrl-").is_err());
        assert!(Key::parse("Hyper-q").is_err());
        assert!(Key::parse("F99").is_err());
    }

    /// The default bindings map the keys the issue lists, and full-width keys from a
    /// Chinese input method act like their ASCII twins.
    #[test]
    fn default_keys_and_full_width() {
        let config = Config::builtin();
        let (km, errors) = Keymap::from_config(&config, None);
        assert!(errors.is_empty(), "{errors:?}");
        let none = KeyModifiers::NONE;
        assert_eq!(
            km.action_for(press(KeyCode::Char('j'), none)),
            Some(Action::MoveDown)
        );
        assert_eq!(
            km.action_for(press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.action_for(press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::PageDown)
        );
        assert_eq!(
            km.action_for(press(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
        assert_eq!(
            km.action_for(press(KeyCode::Char('？'), none)),
            Some(Action::Help)
        );
        assert_eq!(
            km.action_for(press(KeyCode::Char('１'), none)),
            Some(Action::ToggleTag(0))
        );
        assert_eq!(
            km.action_for(press(KeyCode::Char('／'), none)),
            Some(Action::Search)
        );
        assert_eq!(km.keys_of(Action::MoveDown), ["j", "Down"]);
    }

    /// A bad key string is reported with the config file and line; the other keys work.
    #[test]
    fn bad_key_is_reported_with_line() {
        let text = "[keys]\nmove_down = [\"j\", \"Hyper-q\"]\n";
        let config = Config::from_user_toml(text, Path::new("/tmp/c.toml")).unwrap();
        let src = ConfigSource {
            path: Path::new("/tmp/c.toml"),
            text,
        };
        let (km, errors) = Keymap::from_config(&config, Some(&src));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("/tmp/c.toml:2: unknown key \"Hyper-q\""),
            "{}",
            errors[0]
        );
        assert_eq!(
            km.action_for(press(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::MoveDown)
        );
    }

    /// Rebinding a key in the user's config moves it.
    #[test]
    fn rebinding_works() {
        let text = "[keys]\nquit = [\"Q\"]\n";
        let config = Config::from_user_toml(text, Path::new("c.toml")).unwrap();
        let (km, errors) = Keymap::from_config(&config, None);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            km.action_for(press(KeyCode::Char('Q'), KeyModifiers::SHIFT)),
            Some(Action::Quit)
        );
        assert_eq!(
            km.action_for(press(KeyCode::Char('q'), KeyModifiers::NONE)),
            None
        );
    }

    /// The shipped keymap binds every action of every layer to a key, and no key
    /// of one layer to two actions.
    #[test]
    fn every_layer_complete_and_without_collisions() {
        let config = Config::builtin();
        let (km, errors) = Keymaps::from_config(&config, None);
        assert!(errors.is_empty(), "{errors:#?}");
        assert!(km.unbound().is_empty(), "no key: {:#?}", km.unbound());
        for layer in Layer::ALL {
            assert!(!km.entries(layer).is_empty(), "{layer:?}");
        }
    }

    /// A key bound twice within one layer is reported with its section; the same
    /// key in two layers is fine (Esc closes every overlay).
    #[test]
    fn collisions_are_per_layer() {
        let text = "[keys.triage]\nskip = [\"x\"]\n";
        let config = Config::from_user_toml(text, Path::new("/tmp/c.toml")).unwrap();
        let src = ConfigSource {
            path: Path::new("/tmp/c.toml"),
            text,
        };
        let (_, errors) = Keymaps::from_config(&config, Some(&src));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with(
                "/tmp/c.toml:2: key \"x\" is bound to both no_topic and skip in [keys.triage]"
            ),
            "{}",
            errors[0]
        );
    }

    /// Keys of an overlay can be rebound in its own section; an unknown section or
    /// action is named.
    #[test]
    fn overlay_keys_rebind_in_their_section() {
        let text = "[keys.confirm]\nyes = [\"j\"]\n\n[keys.triag]\nskip = [\"s\"]\n";
        let config = Config::from_user_toml(text, Path::new("c.toml")).unwrap();
        let (km, errors) = Keymaps::from_config(&config, None);
        assert_eq!(
            km.confirm
                .action_for(press(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(ConfirmAction::Yes)
        );
        assert_eq!(
            km.confirm
                .action_for(press(KeyCode::Char('y'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("unknown section [keys.triag]"),
            "{}",
            errors[0]
        );
    }
}

//! Key strings from the config (`"Ctrl-d"`, `"PageDown"`, `"Space"`, `"?"`) turned
//! into key events, and key events into actions.

use super::action::Action;
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

/// Keys to actions, and actions back to their keys for help and hints.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    map: HashMap<Key, Action>,
    /// Keys of each action in the order the config lists them.
    keys: Vec<(Action, Vec<Key>)>,
}

/// Where the user's config text came from, to point errors at its lines.
pub struct ConfigSource<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

impl Keymap {
    /// Build the keymap from `[keys]` and the tags' `key`s. Problems (unknown action,
    /// unparsable key, a key bound twice) come back as messages naming the config
    /// file and line when `source` is given; the rest of the keymap still works.
    pub fn from_config(config: &Config, source: Option<&ConfigSource>) -> (Keymap, Vec<String>) {
        Keymap::build(&config.keys, config, source)
    }

    fn build(
        keys: &BTreeMap<String, Vec<String>>,
        config: &Config,
        source: Option<&ConfigSource>,
    ) -> (Keymap, Vec<String>) {
        let mut km = Keymap::default();
        let mut errors = Vec::new();
        let locate = |needle: &str| -> String {
            match source {
                Some(src) => {
                    let line = src
                        .text
                        .lines()
                        .position(|l| l.contains(needle))
                        .map(|i| i + 1);
                    match line {
                        Some(n) => format!("{}:{n}: ", src.path.display()),
                        None => format!("{}: ", src.path.display()),
                    }
                }
                None => String::new(),
            }
        };
        // Bind in help order so that conflicts are reported stably.
        for action in Action::BINDABLE {
            let Some(strings) = keys.get(action.name()) else {
                continue;
            };
            let mut bound = Vec::new();
            for s in strings {
                match Key::parse(s) {
                    Ok(key) => {
                        if let Some(other) = km.map.get(&key) {
                            errors.push(format!(
                                "{}key \"{s}\" is bound to both {} and {}",
                                locate(&format!("\"{s}\"")),
                                other.name(),
                                action.name()
                            ));
                            continue;
                        }
                        km.map.insert(key, *action);
                        bound.push(key);
                    }
                    Err(e) => errors.push(format!(
                        "{}{e} for {} in [keys]",
                        locate(&format!("\"{s}\"")),
                        action.name()
                    )),
                }
            }
            km.keys.push((*action, bound));
        }
        for name in keys.keys() {
            if Action::from_name(name).is_none() {
                errors.push(format!(
                    "{}unknown action \"{name}\" in [keys]",
                    locate(name)
                ));
            }
        }
        for (i, tag) in config.tags.iter().enumerate() {
            if tag.key.is_empty() {
                continue;
            }
            match Key::parse(&tag.key) {
                Ok(key) => {
                    if let Some(other) = km.map.get(&key) {
                        errors.push(format!(
                            "{}tag \"{}\": key \"{}\" is already bound to {}",
                            locate(&format!("\"{}\"", tag.key)),
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

    /// The action bound to a key event, if any.
    pub fn action_for(&self, ev: KeyEvent) -> Option<Action> {
        self.map.get(&Key::from_event(ev)).copied()
    }

    /// The keys bound to `action`, as written in help (`["j", "Down"]`).
    pub fn keys_of(&self, action: Action) -> Vec<String> {
        if let Action::ToggleTag(_) = action {
            let mut keys: Vec<String> = self
                .map
                .iter()
                .filter(|(_, a)| **a == action)
                .map(|(k, _)| k.display())
                .collect();
            keys.sort();
            return keys;
        }
        self.keys
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, ks)| ks.iter().map(Key::display).collect())
            .unwrap_or_default()
    }

    /// The first key of `action`, for short hints.
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.keys_of(action).into_iter().next()
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
}

//! Thresholds as data: the lengths and counts segmentation judges a paper's lines
//! and articles by that differ from paper to paper (how long a head may run, what
//! a brief is, how often a line must recur to be the paper's label), with the
//! built-in values as defaults and the config's `[measures]` section overriding
//! any of them, installed once at start-up with [`install`].
//!
//! The thresholds that describe a text format rather than a paper (how deep an
//! HTML page may nest, how many records make a database export) stay constants
//! beside the rules that read them.

use serde::Deserialize;
use std::sync::OnceLock;

/// The measures segmentation reads. As the config's `[measures]` section, the
/// values to use instead of the built-in ones (every one may be left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Measures {
    /// The longest line, in characters, read as a head (a title, a kicker, a
    /// label) by its shape; a notice's title may run to 80.
    pub head_chars: usize,
    /// The longest photo caption, in characters.
    pub caption_chars: usize,
    /// The longest single paragraph, in characters, that makes a titled item a
    /// brief rather than news.
    pub brief_chars: usize,
    /// Fewer body characters than this make an article doubtfully short.
    pub short_body: usize,
    /// The longest head line, in characters, counted as a possible recurring
    /// label or name of the paper.
    pub recurring_line_chars: usize,
    /// A line recurs (is a label of the paper, not a title) when it stands in
    /// at least this many issues of the corpus...
    pub recurring_min_issues: u32,
    /// ...and in at least this share (per mille) of the corpus's issues.
    pub recurring_per_mille: u32,
}

impl Default for Measures {
    fn default() -> Self {
        Measures {
            head_chars: 40,
            caption_chars: 120,
            brief_chars: 160,
            short_body: 30,
            recurring_line_chars: 16,
            recurring_min_issues: 3,
            recurring_per_mille: 10,
        }
    }
}

/// The measures in force: the config's once installed ([`install`]), else the
/// built-in ones.
pub fn measures() -> &'static Measures {
    static BUILT_IN: OnceLock<Measures> = OnceLock::new();
    INSTALLED
        .get()
        .unwrap_or_else(|| BUILT_IN.get_or_init(Measures::default))
}

static INSTALLED: OnceLock<Measures> = OnceLock::new();

/// Use `measures` (the config's `[measures]`) for this process, before any page
/// is cut. The built-in measures install nothing; a second, different install
/// is refused (pages already cut with the first would disagree with the next).
pub fn install(measures: &Measures) -> Result<(), String> {
    measures.check()?;
    if *measures == Measures::default() {
        return Ok(());
    }
    if INSTALLED.get_or_init(|| *measures) == measures {
        Ok(())
    } else {
        Err("measures: other measures were installed already".to_string())
    }
}

/// A digest of the measures in force, 0 with the built-in ones: the caches of
/// cut pages are stamped with it, since other measures cut pages otherwise.
pub fn digest() -> u64 {
    match INSTALLED.get() {
        Some(m) if *m != Measures::default() => {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            m.hash(&mut h);
            h.finish().max(1)
        }
        _ => 0,
    }
}

impl Measures {
    /// Refuse values no page could be cut by sensibly, naming the measure and
    /// the range it takes.
    pub fn check(&self) -> Result<(), String> {
        let Measures {
            head_chars,
            caption_chars,
            brief_chars,
            short_body,
            recurring_line_chars,
            recurring_min_issues,
            recurring_per_mille,
        } = *self;
        let ranges: [(&str, u64, std::ops::RangeInclusive<u64>); 7] = [
            // A line is counted to 80 characters at most before it is judged.
            ("head_chars", head_chars as u64, 8..=80),
            ("caption_chars", caption_chars as u64, 16..=1000),
            ("brief_chars", brief_chars as u64, 0..=5000),
            ("short_body", short_body as u64, 0..=1000),
            ("recurring_line_chars", recurring_line_chars as u64, 2..=40),
            (
                "recurring_min_issues",
                recurring_min_issues as u64,
                2..=1000,
            ),
            ("recurring_per_mille", recurring_per_mille as u64, 0..=1000),
        ];
        for (name, value, range) in ranges {
            if !range.contains(&value) {
                return Err(format!(
                    "measures.{name} must be between {} and {}, not {value}",
                    range.start(),
                    range.end()
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_measures_are_in_range_and_a_section_may_name_some() {
        Measures::default().check().unwrap();
        let m: Measures = toml::from_str("head_chars = 50\nshort_body = 10").unwrap();
        assert_eq!(m.head_chars, 50);
        assert_eq!(m.short_body, 10);
        assert_eq!(m.brief_chars, Measures::default().brief_chars);
    }

    #[test]
    fn a_measure_out_of_its_range_or_unknown_is_refused_by_name() {
        let m = Measures {
            head_chars: 200,
            ..Measures::default()
        };
        let e = m.check().unwrap_err();
        assert!(
            e.contains("measures.head_chars") && e.contains("8 and 80"),
            "{e}"
        );
        let e = toml::from_str::<Measures>("head_char = 50").unwrap_err();
        assert!(e.to_string().contains("head_char"), "{e}");
    }

    #[test]
    fn the_example_config_shows_the_built_in_values() {
        // The commented `[measures]` section of config.example.toml, uncommented,
        // reads as the defaults: the example never tells a user a wrong value.
        let example = crate::config::DEFAULT_CONFIG;
        let at = example
            .find("\n[measures]\n")
            .expect("example has [measures]");
        let section: String = example[at + 1..]
            .lines()
            .skip(1)
            .take_while(|l| l.starts_with('#'))
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| l.contains(" = "))
            .map(|l| format!("{l}\n"))
            .collect();
        let shown: Measures = toml::from_str(&section).unwrap();
        assert_eq!(shown, Measures::default());
        assert_eq!(section.lines().count(), 7, "{section}");
    }
}

//! Saved searches: `[searches]` in the config names queries (`env = "环保|绿色"`),
//! and a word `@env` of a query stands for the query saved under that name, its
//! words ANDed with the rest (`@env 社区` = `环保|绿色 社区`). A saved query may
//! use other saved searches; a name that is not saved is an error naming the
//! saved ones, as is a loop.
//!
//! Only a whole word starting with `@` (or the full-width `＠`) is a name:
//! `a@b.com` and `'@x` are text.

use super::query::QueryError;
use std::collections::BTreeMap;
use std::ops::Range;

/// The longest chain of saved searches using saved searches.
const MAX_DEPTH: usize = 8;

/// A query with its saved searches written out, and how to find a character
/// of it in the query as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedExpansion {
    /// The query to parse and run.
    pub text: String,
    /// Each `@name` written out: its span in `text` and in the query typed (in
    /// characters), in order.
    pieces: Vec<(Range<usize>, Range<usize>)>,
}

impl SavedExpansion {
    /// True when the query used a saved search.
    pub fn used_saved(&self) -> bool {
        !self.pieces.is_empty()
    }

    /// Where the characters `span` of [`SavedExpansion::text`] came from in the
    /// query typed: inside a written-out search, its whole `@name`.
    pub fn typed_span(&self, span: Range<usize>) -> Range<usize> {
        let map = |p: usize, end: bool| -> usize {
            let mut shift: isize = 0;
            for (text, typed) in &self.pieces {
                if p < text.start || (end && p == text.start) {
                    break;
                }
                if p < text.end || (end && p == text.end) {
                    return if end { typed.end } else { typed.start };
                }
                shift = typed.end as isize - text.end as isize;
            }
            (p as isize + shift).max(0) as usize
        };
        let start = map(span.start, false);
        let end = map(span.end, true).max(start);
        start..end
    }

    /// `error` (found in [`SavedExpansion::text`]) pointing at the query typed.
    pub fn typed_error(&self, error: QueryError) -> QueryError {
        if !self.used_saved() {
            return error;
        }
        let span = self.typed_span(error.span());
        error.with_span(span)
    }
}

/// The name of the saved search a word asks for, when it asks for one.
fn saved_name(word: &str) -> Option<&str> {
    word.strip_prefix('@')
        .or_else(|| word.strip_prefix('＠'))
        .filter(|name| !name.is_empty())
}

/// A name is usable as `@name`: no spaces, quotes or `|`, not empty.
pub fn valid_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("a saved search needs a name".into());
    }
    if let Some(c) = name
        .chars()
        .find(|c| c.is_whitespace() || matches!(c, '"' | '|' | '@' | '＠'))
    {
        return Err(format!(
            "saved search name \"{name}\" holds {c:?}: a name is one word (no spaces, quotes, | or @)"
        ));
    }
    Ok(())
}

/// Write out every `@name` of `input` with the query `saved` keeps under
/// that name.
pub fn expand(input: &str, saved: &BTreeMap<String, String>) -> Result<SavedExpansion, QueryError> {
    let mut out = SavedExpansion {
        text: String::new(),
        pieces: Vec::new(),
    };
    let typed = words(input);
    let mut at = 0; // characters of `input` copied so far
    let chars: Vec<char> = input.chars().collect();
    for (k, (word, span)) in typed.iter().enumerate() {
        let Some(name) = saved_name(word) else {
            continue;
        };
        let written = write_out(name, saved, &mut Vec::new()).map_err(|e| e.at(span.clone()))?;
        let next_to_bar =
            (k > 0 && typed[k - 1].0 == "|") || typed.get(k + 1).is_some_and(|w| w.0 == "|");
        if next_to_bar && words(&written).len() > 1 {
            return Err(QueryError::SavedSearch {
                why: format!(
                    "@{name} is several words (`{written}`): it cannot be one side of `|`"
                ),
                span: span.clone(),
            });
        }
        out.text.extend(&chars[at..span.start]);
        let start = out.text.chars().count();
        out.text.push_str(&written);
        let end = out.text.chars().count();
        out.pieces.push((start..end, span.clone()));
        at = span.end;
    }
    out.text.extend(&chars[at..]);
    Ok(out)
}

/// Parse `input` with its saved searches written out; an error points at the
/// query as typed.
pub fn parse(input: &str, saved: &BTreeMap<String, String>) -> Result<super::Query, QueryError> {
    let expansion = expand(input, saved)?;
    super::Query::parse(&expansion.text).map_err(|e| expansion.typed_error(e))
}

/// Why a saved search could not be written out (its span comes later).
struct Unwritten(String);

impl Unwritten {
    fn at(self, span: Range<usize>) -> QueryError {
        QueryError::SavedSearch { why: self.0, span }
    }
}

/// The query saved as `name`, its own `@names` written out (`seen`: the
/// names being written out, to refuse a loop).
fn write_out(
    name: &str,
    saved: &BTreeMap<String, String>,
    seen: &mut Vec<String>,
) -> Result<String, Unwritten> {
    let Some(text) = saved.get(name) else {
        return Err(Unwritten(unknown(name, saved)));
    };
    if seen.iter().any(|s| s == name) || seen.len() >= MAX_DEPTH {
        seen.push(name.to_string());
        return Err(Unwritten(format!(
            "saved searches use each other in a loop: @{}",
            seen.join(" -> @")
        )));
    }
    seen.push(name.to_string());
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    for (word, span) in words(text) {
        if let Some(inner) = saved_name(&word) {
            out.extend(&chars[at..span.start]);
            out.push_str(&write_out(inner, saved, seen)?);
            at = span.end;
        }
    }
    out.extend(&chars[at..]);
    seen.pop();
    Ok(out.trim().to_string())
}

/// `no saved search @x (saved: @a, @b)`.
fn unknown(name: &str, saved: &BTreeMap<String, String>) -> String {
    let known = if saved.is_empty() {
        "none saved: name queries in [searches] of the config".to_string()
    } else {
        let names: Vec<String> = saved.keys().map(|k| format!("@{k}")).collect();
        format!("saved: {}", names.join(", "))
    };
    format!("no saved search @{name} ({known})")
}

/// The words of `text` (split at spaces outside double quotes) with their
/// character spans.
fn words(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut quoted = false;
    let mut n = 0;
    for (i, c) in text.chars().enumerate() {
        n = i + 1;
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if !current.is_empty() {
                out.push((std::mem::take(&mut current), start..i));
            }
            start = i + 1;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push((current, start..n));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved() -> BTreeMap<String, String> {
        [
            ("env", "环保|绿色"),
            ("gov", "社区 治理"),
            ("both", "@env @gov"),
            ("loop", "x @loop2"),
            ("loop2", "@loop"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
    }

    #[test]
    fn a_saved_search_is_written_out_in_place() {
        let e = expand("@env 社区", &saved()).unwrap();
        assert_eq!(e.text, "环保|绿色 社区");
        let e = expand("kind:news @both", &saved()).unwrap();
        assert_eq!(e.text, "kind:news 环保|绿色 社区 治理");
        let e = expand("a@b.com '@env", &saved()).unwrap();
        assert_eq!(e.text, "a@b.com '@env");
        assert!(!e.used_saved());
    }

    #[test]
    fn unknown_names_loops_and_bars_are_errors_at_the_word() {
        let err = expand("社区 @nosuch", &saved()).unwrap_err();
        assert_eq!(err.span(), 3..10);
        let text = err.to_string();
        assert!(
            text.contains("@nosuch") && text.contains("@env, @gov"),
            "{text}"
        );
        let err = expand("@loop", &saved()).unwrap_err();
        assert!(err.to_string().contains("loop"), "{err}");
        let err = expand("a | @gov", &saved()).unwrap_err();
        assert_eq!(err.span(), 4..8);
        assert!(expand("a | @env", &saved()).is_ok());
    }

    #[test]
    fn spans_map_back_to_the_query_typed() {
        let e = expand("x @gov !", &saved()).unwrap();
        assert_eq!(e.text, "x 社区 治理 !");
        // Inside the written-out search: its whole @gov.
        assert_eq!(e.typed_span(4..6), 2..6);
        // After it: shifted back.
        assert_eq!(e.typed_span(8..9), 7..8);
        // Before it: as is.
        assert_eq!(e.typed_span(0..1), 0..1);
    }

    #[test]
    fn names_are_one_word() {
        assert!(valid_name("env").is_ok());
        assert!(valid_name("社区").is_ok());
        assert!(valid_name("two words").is_err());
        assert!(valid_name("a|b").is_err());
        assert!(valid_name("").is_err());
    }
}

//! Saved searches: `[searches]` in the config names queries (`env = "环保|绿色"`),
//! and a word `@env` of a query stands for the query saved under that name, its
//! words ANDed with the rest (`@env 社区` = `环保|绿色 社区`). A saved query may
//! use other saved searches; a name that is not saved is an error naming the
//! saved ones, as is a loop.
//!
//! `!@name` stands for the articles the saved query does not match: its
//! negation written out by De Morgan's laws in the query language's own form
//! (spaces AND clauses, `|` ORs atoms), so `!@env` with `env = "环保|绿色"` is
//! `!环保 !绿色`, and `!@gov` with `gov = "社区 治理"` is `!社区|!治理`. A saved
//! query of several clauses with alternatives grows as the product of their
//! counts when negated; past [`MAX_NEGATED_CLAUSES`] it is refused.
//!
//! Only a whole word starting with `@` (or the full-width `＠`), or `!@`, is a
//! name: `a@b.com` and `'@x` are text.

use super::query::{QueryError, split_outside_quotes};
use std::collections::BTreeMap;
use std::ops::Range;

/// The longest chain of saved searches using saved searches.
const MAX_DEPTH: usize = 8;

/// The most clauses a negated saved search (`!@name`) may write out.
pub const MAX_NEGATED_CLAUSES: usize = 64;

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

/// The name of the saved search a word asks for, and whether it asks for its
/// negation (`!@name`), when it asks for one.
fn saved_name(word: &str) -> Option<(&str, bool)> {
    let (negated, rest) = match word.strip_prefix('!').or_else(|| word.strip_prefix('！')) {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    rest.strip_prefix('@')
        .or_else(|| rest.strip_prefix('＠'))
        .filter(|name| !name.is_empty())
        .map(|name| (name, negated))
}

/// The saved search `name` written out, negated when asked.
fn write_out_maybe_negated(
    name: &str,
    negated: bool,
    saved: &BTreeMap<String, String>,
    seen: &mut Vec<String>,
) -> Result<String, Unwritten> {
    let written = write_out(name, saved, seen)?;
    if negated {
        negate(name, &written).map_err(Unwritten)
    } else {
        Ok(written)
    }
}

/// The query matching exactly the articles `text` (the written-out query
/// saved as `name`) does not match: each clause `a|b` becomes `!a !b`, and
/// the clauses (ORed once negated) are multiplied out into clauses of the
/// query language: NOT (A AND B) with A = `a1|a2`, B = `b` is `!a1|!b !a2|!b`.
fn negate(name: &str, text: &str) -> Result<String, String> {
    // The words as the parser cuts them (on the folded text, so `！` and `｜`
    // are the operators they stand for), grouped into clauses.
    let folded = super::fold::fold(text);
    let mut clauses: Vec<Vec<String>> = Vec::new();
    let mut join_next = false;
    for (word, _) in words(&folded) {
        if word == "|" {
            join_next = true;
            continue;
        }
        let mut alternatives = Vec::new();
        for part in split_outside_quotes(&word, '|') {
            if part.is_empty() {
                continue;
            }
            let negated = match part.strip_prefix('!') {
                Some(positive) if positive.starts_with('!') || positive.is_empty() => {
                    return Err(format!(
                        "!@{name}: `{part}` cannot be negated (write the text it looks for in quotes)"
                    ));
                }
                Some(positive) => positive.to_string(),
                None => format!("!{part}"),
            };
            if !alternatives.contains(&negated) {
                alternatives.push(negated);
            }
        }
        match clauses.last_mut() {
            Some(last) if join_next => {
                for a in alternatives {
                    if !last.contains(&a) {
                        last.push(a);
                    }
                }
            }
            _ => clauses.push(alternatives),
        }
        join_next = false;
    }
    clauses.retain(|c| !c.is_empty());
    if clauses.is_empty() {
        return Err(format!("!@{name}: the saved search is empty"));
    }
    let count = clauses
        .iter()
        .try_fold(1usize, |n, c| n.checked_mul(c.len()))
        .filter(|&n| n <= MAX_NEGATED_CLAUSES);
    if count.is_none() {
        return Err(format!(
            "!@{name}: negated, the saved search would be more than {MAX_NEGATED_CLAUSES} clauses"
        ));
    }
    // One clause for every way of taking one negated atom from each clause.
    let mut out: Vec<Vec<&str>> = vec![Vec::new()];
    for clause in &clauses {
        out = out
            .iter()
            .flat_map(|picked| {
                clause.iter().map(move |a| {
                    let mut p = picked.clone();
                    if !p.contains(&a.as_str()) {
                        p.push(a.as_str());
                    }
                    p
                })
            })
            .collect();
    }
    let mut written: Vec<String> = Vec::new();
    for clause in out {
        let clause = clause.join("|");
        if !written.contains(&clause) {
            written.push(clause);
        }
    }
    Ok(written.join(" "))
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
        let Some((name, negated)) = saved_name(word) else {
            continue;
        };
        let written = write_out_maybe_negated(name, negated, saved, &mut Vec::new())
            .map_err(|e| e.at(span.clone()))?;
        let next_to_bar =
            (k > 0 && typed[k - 1].0 == "|") || typed.get(k + 1).is_some_and(|w| w.0 == "|");
        if next_to_bar && words(&written).len() > 1 {
            return Err(QueryError::SavedSearch {
                why: format!("{word} is several words (`{written}`): it cannot be one side of `|`"),
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
        if let Some((inner, negated)) = saved_name(&word) {
            out.extend(&chars[at..span.start]);
            out.push_str(&write_out_maybe_negated(inner, negated, saved, seen)?);
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
    fn a_negated_saved_search_is_written_out_by_de_morgan() {
        let e = expand("!@env", &saved()).unwrap();
        assert_eq!(e.text, "!环保 !绿色");
        assert!(e.used_saved());
        assert_eq!(
            expand("!@gov 干部", &saved()).unwrap().text,
            "!社区|!治理 干部"
        );
        assert_eq!(
            expand("！@both", &saved()).unwrap().text,
            "!环保|!社区|!治理 !绿色|!社区|!治理"
        );
        let more: BTreeMap<String, String> = [
            ("neg", "!tag:\"教育 文化\" kind:photo|社区"),
            ("big", "a|b|c|d b|c|d|e c|d|e|f"),
            ("twice", "!!x"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(
            expand("!@neg", &more).unwrap().text,
            "tag:\"教育 文化\"|!kind:photo tag:\"教育 文化\"|!社区"
        );
        assert!(expand("!@big", &more).is_ok(), "64 clauses");
        let mut bigger = more.clone();
        bigger.insert("bigger".into(), "a|b|c|d b|c|d|e c|d|e|f g|h".into());
        let err = expand("x !@bigger", &bigger).unwrap_err();
        assert!(err.to_string().contains("more than 64"), "{err}");
        assert_eq!(err.span(), 2..10);
        assert!(expand("!@twice", &more).is_err());
        // One word can be one side of `|`, several cannot.
        assert_eq!(
            expand("a | !@gov", &saved()).unwrap().text,
            "a | !社区|!治理"
        );
        assert!(expand("a | !@env", &saved()).is_err());
        assert!(expand("!@nosuch", &saved()).is_err());
        // Inside a saved search too.
        let inner: BTreeMap<String, String> = [("env", "环保|绿色"), ("not_env", "社区 !@env")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(expand("@not_env", &inner).unwrap().text, "社区 !环保 !绿色");
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

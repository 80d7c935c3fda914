//! The query language of the search line and `newstag search`.
//!
//! - words separated by spaces must all match (AND), in any order;
//! - a word matches its characters side by side (a phrase) in the title, kicker,
//!   subtitle, byline or body; in titles and heads also scattered, in order (ranked
//!   below); pinyin spells characters side by side in titles and bodies (ranked
//!   below a Latin word found as written: as a whole word first, then inside
//!   longer words);
//! - `a|b` (or `a | b`) matches either (OR);
//! - `'exact` wants the characters side by side only (no scattered, no pinyin);
//! - `~fuzzy` also finds the characters scattered, in order, in one paragraph of
//!   the body;
//! - `^prefix` wants the title to start with it;
//! - `!x` excludes articles that match `x` (works with every other form);
//! - `tag:NAME`, `untagged`, `kind:photo`, `issue:2024-12`, `title:TEXT` filter by
//!   tag, kind, issue date or path, or restrict text to the title;
//! - `date:2024-03` (a year, month or day), `date:2024-01..2024-03-15` (either
//!   end may be left out), `date:>=2024-06` (also `>`, `<=`, `<`) filter by the
//!   issue's date, each end standing for its whole year, month or day; an issue
//!   without a date never matches;
//! - `doubt` finds the articles whose cut segmentation doubts, `doubt:short` those
//!   doubted for that reason (see [`crate::article::Doubt`]);
//! - `note` finds the articles with a memo, `note:word` those whose memo holds
//!   `word` (see [`crate::tags::Memo`]; `'note` searches the text for the word).
//!
//! The query is folded first (full-width to half-width, lower case), so `ＡＢＣ` and
//! `abc` are the same query.

use super::fold::fold;
use crate::article::{Doubt, Kind};
use std::ops::Range;

/// A parsed query: every clause must match.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// Every tag name asked for, with the span (in characters) of its word.
    pub tag_spans: Vec<(String, Range<usize>)>,
    /// Every sample asked for (`sample:NAME`), with the span of its word.
    pub sample_spans: Vec<(String, Range<usize>)>,
}

/// One space-separated part of a query: any of its alternatives may match.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub alternatives: Vec<Atom>,
}

/// One condition, maybe negated.
#[derive(Debug, Clone, PartialEq)]
pub struct Atom {
    pub negated: bool,
    pub pred: Pred,
}

/// What an atom asks of an article.
#[derive(Debug, Clone, PartialEq)]
pub enum Pred {
    /// Text: side by side everywhere, scattered in titles and heads, pinyin.
    Fuzzy { text: String, title_only: bool },
    /// Like `Fuzzy`, and scattered in one paragraph of the body too (`~`).
    Scattered { text: String },
    /// The characters side by side in a field, or whole words in the body.
    Exact { text: String, title_only: bool },
    /// The title starts with this (characters or pinyin).
    Prefix { text: String },
    /// The article carries this tag.
    Tag(String),
    /// The article carries no tag.
    Untagged,
    /// The article is a member of this reliability sample (`samples/NAME.tsv`).
    Sample(String),
    /// The article has a memo (holding this text, folded, when given).
    Note(Option<String>),
    /// The article is of this kind.
    Kind(Kind),
    /// Segmentation doubts the article's cut (for this reason, when given).
    Doubt(Option<Doubt>),
    /// The issue's date or path starts with (date) or contains (path) this.
    Issue(String),
    /// The issue's date is in this range.
    Date(DateRange),
}

/// Issue dates from `from` to `to` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each
/// standing for its whole year, month or day), an end left out reaching as far
/// as there are dates; `strict` ends leave out their own year, month or day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DateRange {
    pub from: Option<(String, bool)>,
    pub to: Option<(String, bool)>,
}

impl DateRange {
    /// True when the issue date `date` (`YYYY-MM-DD`, or shorter) is in range.
    pub fn contains(&self, date: &str) -> bool {
        let cut = |end: &str| date.get(..end.len().min(date.len())).unwrap_or(date);
        let after_from = self.from.as_ref().is_none_or(|(f, strict)| {
            let d = cut(f);
            if *strict {
                d > f.as_str()
            } else {
                d >= f.as_str()
            }
        });
        let before_to = self.to.as_ref().is_none_or(|(t, strict)| {
            let d = cut(t);
            if *strict {
                d < t.as_str()
            } else {
                d <= t.as_str()
            }
        });
        after_from && before_to
    }

    /// `2024-03`, `2024-01..2024-03-15`, `..2024`, `>=2024-06`, `<2024-06-01`.
    fn parse(value: &str) -> Option<DateRange> {
        let date = |s: &str| is_date(s).then(|| s.to_string());
        for (op, strict, lower) in [
            (">=", false, true),
            ("<=", false, false),
            (">", true, true),
            ("<", true, false),
        ] {
            if let Some(rest) = value.strip_prefix(op) {
                let end = Some((date(rest)?, strict));
                return Some(if lower {
                    DateRange {
                        from: end,
                        to: None,
                    }
                } else {
                    DateRange {
                        from: None,
                        to: end,
                    }
                });
            }
        }
        match value.split_once("..") {
            Some((a, b)) if !(a.is_empty() && b.is_empty()) => Some(DateRange {
                from: if a.is_empty() {
                    None
                } else {
                    Some((date(a)?, false))
                },
                to: if b.is_empty() {
                    None
                } else {
                    Some((date(b)?, false))
                },
            }),
            Some(_) => None,
            None => {
                let d = date(value)?;
                Some(DateRange {
                    from: Some((d.clone(), false)),
                    to: Some((d, false)),
                })
            }
        }
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month 01-12 and a day 01-31.
fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize, lo: u32, hi: u32| {
        p.len() == len
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n))
    };
    match parts.as_slice() {
        [y] => number(y, 4, 0, 9999),
        [y, m] => number(y, 4, 0, 9999) && number(m, 2, 1, 12),
        [y, m, d] => number(y, 4, 0, 9999) && number(m, 2, 1, 12) && number(d, 2, 1, 31),
        _ => false,
    }
}

/// Why a query could not be understood; `span` is in characters of the query.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("`{op}` needs text after it")]
    EmptyAfter { op: char, span: Range<usize> },
    #[error("`{field}:` needs a value")]
    EmptyValue { field: String, span: Range<usize> },
    #[error("no kind `{name}` (one of: {})", kind_names())]
    UnknownKind { name: String, span: Range<usize> },
    #[error("no doubt `{name}` (one of: {})", doubt_names())]
    UnknownDoubt { name: String, span: Range<usize> },
    #[error(
        "`{value}` is no date (date:2024, date:2024-03, date:2024-01..2024-03-15, date:>=2024-06)"
    )]
    BadDate { value: String, span: Range<usize> },
    #[error("`|` needs an alternative on both sides")]
    EmptyAlternative { span: Range<usize> },
    #[error("no sample `{name}` ({known})")]
    UnknownSample {
        name: String,
        known: String,
        span: Range<usize>,
    },
    #[error("no tag `{name}` ({known})")]
    UnknownTag {
        name: String,
        known: String,
        span: Range<usize>,
    },
    /// A `@name` that is not saved, or that cannot be written out (see
    /// [`super::saved`]).
    #[error("{why}")]
    SavedSearch { why: String, span: Range<usize> },
}

impl QueryError {
    /// Where in the query (character positions) the problem is.
    pub fn span(&self) -> Range<usize> {
        self.clone().span_mut().clone()
    }

    /// The same error, pointing at `to` instead.
    pub fn with_span(mut self, to: Range<usize>) -> QueryError {
        *self.span_mut() = to;
        self
    }

    fn span_mut(&mut self) -> &mut Range<usize> {
        match self {
            QueryError::EmptyAfter { span, .. }
            | QueryError::EmptyValue { span, .. }
            | QueryError::UnknownKind { span, .. }
            | QueryError::UnknownDoubt { span, .. }
            | QueryError::BadDate { span, .. }
            | QueryError::EmptyAlternative { span }
            | QueryError::UnknownSample { span, .. }
            | QueryError::UnknownTag { span, .. }
            | QueryError::SavedSearch { span, .. } => span,
        }
    }
}

fn kind_names() -> String {
    Kind::ALL.map(Kind::as_str).join(", ")
}

fn doubt_names() -> String {
    Doubt::ALL.map(Doubt::as_str).join(", ")
}

impl Query {
    /// True when the query asks nothing (every article matches, in corpus order).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Parse a query as typed.
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let folded = fold(input);
        // Tokens with their character spans.
        let mut tokens: Vec<(String, Range<usize>)> = Vec::new();
        let mut current = String::new();
        let mut start = 0;
        let mut quoted = false;
        for (i, c) in folded.chars().enumerate() {
            if c == '"' {
                quoted = !quoted;
            }
            if c == ' ' && !quoted {
                if !current.is_empty() {
                    tokens.push((std::mem::take(&mut current), start..i));
                }
                start = i + 1;
            } else {
                current.push(c);
            }
        }
        if !current.is_empty() {
            tokens.push((current, start..folded.chars().count()));
        }

        let mut clauses: Vec<Clause> = Vec::new();
        let mut tag_spans = Vec::new();
        let mut sample_spans = Vec::new();
        let mut join_next = false;
        let mut pending_bar: Option<Range<usize>> = None;
        for (token, span) in tokens {
            if token == "|" {
                if clauses.is_empty() || join_next {
                    return Err(QueryError::EmptyAlternative { span });
                }
                join_next = true;
                pending_bar = Some(span);
                continue;
            }
            let clause = parse_clause(&token, span.start)?;
            for a in &clause.alternatives {
                if let Pred::Tag(name) = &a.pred {
                    tag_spans.push((name.clone(), span.clone()));
                }
                if let Pred::Sample(name) = &a.pred {
                    sample_spans.push((name.clone(), span.clone()));
                }
            }
            if join_next {
                if let Some(last) = clauses.last_mut() {
                    last.alternatives.extend(clause.alternatives);
                }
                join_next = false;
                pending_bar = None;
            } else {
                clauses.push(clause);
            }
        }
        if let Some(span) = pending_bar {
            return Err(QueryError::EmptyAlternative { span });
        }
        Ok(Query {
            clauses,
            tag_spans,
            sample_spans,
        })
    }

    /// An error for the first tag asked for that is not among `known` (compared
    /// without case), naming the known ones.
    pub fn check_tags(&self, known: &[String]) -> Result<(), QueryError> {
        let Some((name, span)) = self
            .tag_spans
            .iter()
            .find(|(name, _)| !known.iter().any(|k| fold(k) == *name))
        else {
            return Ok(());
        };
        const SHOWN: usize = 12;
        let mut names: Vec<String> = known.iter().map(|k| quote_if_spaced(k)).collect();
        names.sort();
        names.dedup();
        let known = match names.len() {
            0 => "no tags yet".to_string(),
            n if n > SHOWN => format!(
                "known: {}, and {} more",
                names[..SHOWN].join(", "),
                n - SHOWN
            ),
            _ => format!("known: {}", names.join(", ")),
        };
        Err(QueryError::UnknownTag {
            name: name.clone(),
            known,
            span: span.clone(),
        })
    }

    /// An error for the first sample asked for that is not among `known`
    /// (the names of the corpus's samples), naming the known ones.
    pub fn check_samples(&self, known: &[String]) -> Result<(), QueryError> {
        match self
            .sample_spans
            .iter()
            .find(|(name, _)| !known.iter().any(|k| fold(k) == *name))
        {
            Some((name, span)) => Err(QueryError::UnknownSample {
                name: name.clone(),
                known: if known.is_empty() {
                    "no samples yet: newstag sample draws one".to_string()
                } else {
                    format!("known: {}", known.join(", "))
                },
                span: span.clone(),
            }),
            None => Ok(()),
        }
    }

    /// True when the query needs the tag lookup (`tag:`, `untagged`, and
    /// `sample:` and `note`, whose members and memos the lookup marks; see
    /// `tags::sample_marker` and `tags::note_marker`).
    pub fn uses_tags(&self) -> bool {
        self.clauses.iter().any(|c| {
            c.alternatives.iter().any(|a| {
                matches!(
                    a.pred,
                    Pred::Tag(_) | Pred::Untagged | Pred::Sample(_) | Pred::Note(_)
                )
            })
        })
    }

    /// Every text the query looks for in titles and bodies (not negated), for
    /// highlighting.
    pub fn positive_texts(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for clause in &self.clauses {
            for atom in &clause.alternatives {
                if atom.negated {
                    continue;
                }
                match &atom.pred {
                    Pred::Fuzzy { text, .. }
                    | Pred::Exact { text, .. }
                    | Pred::Prefix { text }
                    | Pred::Scattered { text } => out.push(text.as_str()),
                    _ => {}
                }
            }
        }
        out
    }
}

/// A tag name as a query writes it: in quotes when it has a space.
pub fn quote_if_spaced(name: &str) -> String {
    if name.contains(char::is_whitespace) {
        format!("\"{name}\"")
    } else {
        name.to_string()
    }
}

/// `s` split at `sep` outside double quotes.
pub(crate) fn split_outside_quotes(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut quoted, mut from) = (false, 0);
    for (b, c) in s.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            out.push(&s[from..b]);
            from = b + c.len_utf8();
        }
    }
    out.push(&s[from..]);
    out
}

/// `s` without its double quotes (`tag:"教育 文化"` names the tag `教育 文化`).
fn unquote(s: &str) -> String {
    s.chars().filter(|&c| c != '"').collect()
}

/// One token, split at `|` (outside quotes).
fn parse_clause(token: &str, offset: usize) -> Result<Clause, QueryError> {
    let mut alternatives = Vec::new();
    let mut at = offset;
    let parts: Vec<&str> = split_outside_quotes(token, '|');
    let many = parts.len() > 1;
    for part in parts {
        let n = part.chars().count();
        if part.is_empty() {
            if many {
                return Err(QueryError::EmptyAlternative {
                    span: at.saturating_sub(1)..at + 1,
                });
            }
        } else {
            alternatives.push(parse_atom(part, at)?);
        }
        at += n + 1;
    }
    Ok(Clause { alternatives })
}

fn parse_atom(part: &str, at: usize) -> Result<Atom, QueryError> {
    let n = part.chars().count();
    let (negated, rest, rest_at) = match part.strip_prefix('!') {
        Some(rest) => (true, rest, at + 1),
        None => (false, part, at),
    };
    if negated && rest.is_empty() {
        return Err(QueryError::EmptyAfter {
            op: '!',
            span: at..at + 1,
        });
    }
    let pred = parse_pred(rest, rest_at, at..at + n)?;
    Ok(Atom { negated, pred })
}

fn parse_pred(s: &str, at: usize, whole: Range<usize>) -> Result<Pred, QueryError> {
    if s == "untagged" {
        return Ok(Pred::Untagged);
    }
    if s == "doubt" {
        return Ok(Pred::Doubt(None));
    }
    if s == "note" {
        return Ok(Pred::Note(None));
    }
    if let Some((field, value)) = s.split_once(':') {
        let known = matches!(
            field,
            "tag" | "kind" | "issue" | "date" | "title" | "doubt" | "sample" | "note"
        );
        if known {
            let value = &unquote(value);
            if value.trim().is_empty() {
                return Err(QueryError::EmptyValue {
                    field: field.to_string(),
                    span: whole,
                });
            }
            let value_at = at + field.chars().count() + 1;
            return match field {
                "tag" => Ok(Pred::Tag(value.trim().to_string())),
                "sample" => Ok(Pred::Sample(value.trim().to_string())),
                "note" => Ok(Pred::Note(Some(value.to_string()))),
                "issue" => Ok(Pred::Issue(value.to_string())),
                "date" => match DateRange::parse(value.trim()) {
                    Some(range) => Ok(Pred::Date(range)),
                    None => Err(QueryError::BadDate {
                        value: value.to_string(),
                        span: whole,
                    }),
                },
                "doubt" => match Doubt::parse(value) {
                    Some(d) => Ok(Pred::Doubt(Some(d))),
                    None => Err(QueryError::UnknownDoubt {
                        name: value.to_string(),
                        span: whole,
                    }),
                },
                "kind" => match Kind::parse(value).or_else(|| unique_kind_prefix(value)) {
                    Some(k) => Ok(Pred::Kind(k)),
                    None => Err(QueryError::UnknownKind {
                        name: value.to_string(),
                        span: whole,
                    }),
                },
                _ => match parse_text(value, value_at)? {
                    Pred::Fuzzy { text, .. } => Ok(Pred::Fuzzy {
                        text,
                        title_only: true,
                    }),
                    Pred::Exact { text, .. } => Ok(Pred::Exact {
                        text,
                        title_only: true,
                    }),
                    Pred::Scattered { text } => Ok(Pred::Fuzzy {
                        text,
                        title_only: true,
                    }),
                    other => Ok(other),
                },
            };
        }
    }
    parse_text(s, at)
}

fn parse_text(s: &str, at: usize) -> Result<Pred, QueryError> {
    let quoted = unquote(s);
    if quoted.trim().is_empty() {
        return Err(QueryError::EmptyAfter {
            op: '"',
            span: at..at + s.chars().count(),
        });
    }
    let s = quoted.as_str();
    for op in ['\'', '^', '~'] {
        if let Some(rest) = s.strip_prefix(op) {
            if rest.trim().is_empty() {
                return Err(QueryError::EmptyAfter {
                    op,
                    span: at..at + 1,
                });
            }
            return Ok(if op == '^' {
                Pred::Prefix {
                    text: rest.to_string(),
                }
            } else if op == '~' {
                Pred::Scattered {
                    text: rest.to_string(),
                }
            } else {
                Pred::Exact {
                    text: rest.to_string(),
                    title_only: false,
                }
            });
        }
    }
    Ok(Pred::Fuzzy {
        text: s.to_string(),
        title_only: false,
    })
}

/// `kind:ph` means `kind:photo` when only one kind starts with `ph`.
fn unique_kind_prefix(prefix: &str) -> Option<Kind> {
    let mut found = Kind::ALL
        .into_iter()
        .filter(|k| k.as_str().starts_with(prefix));
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fuzzy(t: &str) -> Atom {
        Atom {
            negated: false,
            pred: Pred::Fuzzy {
                text: t.into(),
                title_only: false,
            },
        }
    }

    /// `note` asks for any memo, `note:word` for a memo holding the word
    /// (folded, quotes keeping spaces), negated too; `'note` is the text.
    #[test]
    fn note_queries() {
        let q = Query::parse("note !note:\"Ｗait for\" 'note").unwrap();
        assert_eq!(q.clauses[0].alternatives[0].pred, Pred::Note(None));
        let second = &q.clauses[1].alternatives[0];
        assert!(second.negated);
        assert_eq!(second.pred, Pred::Note(Some("wait for".into())));
        assert!(matches!(
            q.clauses[2].alternatives[0].pred,
            Pred::Exact { .. }
        ));
        assert!(q.uses_tags());
        assert!(matches!(
            Query::parse("note:"),
            Err(QueryError::EmptyValue { .. })
        ));
    }

    /// `sample:NAME` parses to a sample atom (negated too) with its span;
    /// a sample the corpus lacks is an error naming the known ones.
    #[test]
    fn sample_queries() {
        let q = Query::parse("!sample:Pilot 治理").unwrap();
        assert_eq!(
            q.clauses[0].alternatives[0],
            Atom {
                negated: true,
                pred: Pred::Sample("pilot".into())
            }
        );
        assert!(q.uses_tags());
        assert_eq!(q.sample_spans, vec![("pilot".to_string(), 0..13)]);
        assert!(q.check_samples(&["Pilot".into()]).is_ok());
        let e = q.check_samples(&["wave2".into()]).unwrap_err();
        assert_eq!(e.to_string(), "no sample `pilot` (known: wave2)");
        assert_eq!(e.span(), 0..13);
        assert!(matches!(
            Query::parse("sample:"),
            Err(QueryError::EmptyValue { .. })
        ));
    }

    #[test]
    fn spaces_and_bars_make_and_of_ors() {
        let q = Query::parse("垃圾 分类|环保 | 绿色").unwrap();
        assert_eq!(q.clauses.len(), 2);
        assert_eq!(q.clauses[0].alternatives, vec![fuzzy("垃圾")]);
        assert_eq!(
            q.clauses[1].alternatives,
            vec![fuzzy("分类"), fuzzy("环保"), fuzzy("绿色")]
        );
    }

    #[test]
    fn operators_and_fields_parse() {
        let q =
            Query::parse("'社区 !tag:heritage ^山西 kind:photo issue:2024-12 title:治理 untagged")
                .unwrap();
        let preds: Vec<(bool, Pred)> = q
            .clauses
            .iter()
            .map(|c| (c.alternatives[0].negated, c.alternatives[0].pred.clone()))
            .collect();
        assert_eq!(
            preds,
            vec![
                (
                    false,
                    Pred::Exact {
                        text: "社区".into(),
                        title_only: false
                    }
                ),
                (true, Pred::Tag("heritage".into())),
                (
                    false,
                    Pred::Prefix {
                        text: "山西".into()
                    }
                ),
                (false, Pred::Kind(Kind::Photo)),
                (false, Pred::Issue("2024-12".into())),
                (
                    false,
                    Pred::Fuzzy {
                        text: "治理".into(),
                        title_only: true
                    }
                ),
                (false, Pred::Untagged),
            ]
        );
    }

    #[test]
    fn malformed_queries_are_typed_errors_with_spans() {
        assert!(matches!(
            Query::parse("a !"),
            Err(QueryError::EmptyAfter { op: '!', span }) if span == (2..3)
        ));
        assert!(matches!(
            Query::parse("kind:bogus"),
            Err(QueryError::UnknownKind { .. })
        ));
        assert!(matches!(
            Query::parse("tag:"),
            Err(QueryError::EmptyValue { .. })
        ));
        assert!(matches!(
            Query::parse("a|"),
            Err(QueryError::EmptyAlternative { .. })
        ));
        assert!(matches!(
            Query::parse("| a"),
            Err(QueryError::EmptyAlternative { .. })
        ));
        assert!(matches!(
            Query::parse("a |"),
            Err(QueryError::EmptyAlternative { .. })
        ));
        assert!(Query::parse("").unwrap().is_empty());
        assert!(Query::parse("http://x").is_ok());
    }

    #[test]
    fn quotes_keep_spaces_in_tag_names_and_phrases() {
        let q = Query::parse("tag:\"教育 文化\" \"社区 治理\"|环保 !tag:x").unwrap();
        assert_eq!(q.clauses.len(), 3);
        assert_eq!(
            q.clauses[0].alternatives[0].pred,
            Pred::Tag("教育 文化".into())
        );
        assert_eq!(
            q.clauses[1].alternatives,
            vec![fuzzy("社区 治理"), fuzzy("环保")]
        );
        assert_eq!(q.tag_spans[0], ("教育 文化".to_string(), 0..11));
        assert!(q.check_tags(&["教育 文化".into(), "X".into()]).is_ok());
        let e = q.check_tags(&["教育 文化".into()]).unwrap_err();
        assert_eq!(e.to_string(), "no tag `x` (known: \"教育 文化\")");
        assert_eq!(e.span(), 23..29);
        assert!(matches!(
            Query::parse("tag:\"\""),
            Err(QueryError::EmptyValue { .. })
        ));
        assert!(Query::parse("\"\"").is_err());
    }

    #[test]
    fn doubt_alone_or_with_a_reason() {
        let pred = |q: &str| {
            Query::parse(q).unwrap().clauses[0].alternatives[0]
                .pred
                .clone()
        };
        assert_eq!(pred("doubt"), Pred::Doubt(None));
        assert_eq!(pred("doubt:short"), Pred::Doubt(Some(Doubt::Short)));
        assert!(matches!(
            Query::parse("doubt:bogus"),
            Err(QueryError::UnknownDoubt { .. })
        ));
    }

    #[test]
    fn dates_are_years_months_days_and_ranges_of_them() {
        let range = |q: &str| match &Query::parse(q).unwrap().clauses[0].alternatives[0].pred {
            Pred::Date(r) => r.clone(),
            other => panic!("{q}: {other:?}"),
        };
        let month = range("date:2024-03");
        assert!(month.contains("2024-03-01") && month.contains("2024-03-31"));
        assert!(!month.contains("2024-02-29") && !month.contains("2024-04-01"));
        let span = range("date:2024-01..2024-03-15");
        assert!(span.contains("2024-01-01") && span.contains("2024-03-15"));
        assert!(!span.contains("2023-12-31") && !span.contains("2024-03-16"));
        let since = range("date:>=2024-06");
        assert!(since.contains("2024-06-01") && since.contains("2025-01-01"));
        assert!(!since.contains("2024-05-31"));
        let after = range("date:>2024-06");
        assert!(!after.contains("2024-06-30") && after.contains("2024-07-01"));
        let before = range("date:<2024");
        assert!(before.contains("2023-12-31") && !before.contains("2024-01-01"));
        let upto = range("date:..2024-02");
        assert!(upto.contains("1999-01-01") && upto.contains("2024-02-29"));
        assert!(!upto.contains("2024-03-01"));
        assert_eq!(range("date:２０２４"), range("date:2024"), "folded");
        for bad in [
            "date:2024-13",
            "date:24-03",
            "date:2024/03",
            "date:..",
            "date:>=x",
            "date:2024-03-32",
        ] {
            assert!(
                matches!(Query::parse(bad), Err(QueryError::BadDate { .. })),
                "{bad}"
            );
        }
        let e = Query::parse("社区 date:2024-3").unwrap_err();
        assert_eq!(e.span(), 3..14);
        assert!(e.to_string().contains("`2024-3` is no date"), "{e}");
    }

    #[test]
    fn query_is_folded() {
        assert_eq!(
            Query::parse("ＡＢＣ１２３").unwrap(),
            Query::parse("abc123").unwrap()
        );
        assert_eq!(
            Query::parse("kind:ph").unwrap().clauses[0].alternatives[0].pred,
            Pred::Kind(Kind::Photo)
        );
    }
}

//! Reading a sidecar a few `[[article]]` tables at a time, so that a huge one
//! (hundreds of thousands of tagged articles) costs about the memory of the tags
//! it holds instead of a parse tree many times the file's size.
//!
//! The text is cut at top-level table headers: a line whose first non-blank
//! character is `[`, outside any multi-line string and any array or inline table
//! left open by the lines before. The lines before the first header (`schema`,
//! `issue`) are parsed alone; the `[[article]]` tables are parsed in batches of
//! about [`BATCH`] bytes, each batch by the TOML parser on its own and dropped
//! before the next is read.
//!
//! This path only ever answers for a sidecar of the shape newstag writes, read
//! without a single complaint: any header other than `[[article]]` and
//! `[[correction]]`, an `article` or `correction` key before the first table, anything a batch's parser refuses, a
//! tag without a name, a schema this build does not read or text that is not
//! UTF-8 makes it give up ([`None`]), and the caller parses the whole text the
//! plain way, which gives the exact error and line. So the chunked and the
//! plain reading never disagree on what a file holds (a property test checks
//! this on generated and broken sidecars).

use super::TagSet;
use super::sidecar::{ArticleTags, RawArticle, SCHEMA, Sidecar};
use serde::Deserialize;
use std::io::BufRead;

/// Bytes of `[[article]]` tables parsed at a time: big enough that the parser's
/// set-up is nothing, small enough that its tree is a few megabytes.
pub const BATCH: usize = 256 * 1024;

/// What comes before the first table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Head {
    schema: u32,
    #[serde(default)]
    issue: String,
    /// Present only in sidecars not written by newstag (an inline array):
    /// those are left to the plain parser.
    article: Option<toml::Value>,
    correction: Option<toml::Value>,
}

/// A batch of `[[article]]` and `[[correction]]` tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Batch {
    #[serde(default)]
    article: Vec<RawArticle>,
    #[serde(default)]
    correction: Vec<crate::correct::Correction>,
}

/// The sidecar read from `reader` batch by batch, or `None` when it is not one
/// this path answers for (see the module doc: the plain parser then decides).
/// Articles come sorted and merged as [`super::sidecar::normalise`] leaves them.
pub fn read<R: BufRead>(reader: R) -> std::io::Result<Option<Sidecar>> {
    read_in_batches(reader, BATCH)
}

/// [`read`], parsing `batch` bytes of tables at a time (tests try small ones).
pub fn read_in_batches<R: BufRead>(
    mut reader: R,
    batch_size: usize,
) -> std::io::Result<Option<Sidecar>> {
    let mut scan = Scan::default();
    let mut head: Vec<u8> = Vec::new();
    let mut batch: Vec<u8> = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    let mut in_head = true;
    let mut articles: Vec<ArticleTags> = Vec::new();
    let mut corrections = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        if scan.starts_table(&line) {
            if !is_table_header(&line) {
                return Ok(None);
            }
            in_head = false;
            if !batch.is_empty() && batch.len() >= batch_size {
                if !take(&batch, &mut articles, &mut corrections) {
                    return Ok(None);
                }
                batch.clear();
            }
        }
        if in_head {
            head.extend_from_slice(&line);
        } else {
            batch.extend_from_slice(&line);
        }
    }
    if !batch.is_empty() && !take(&batch, &mut articles, &mut corrections) {
        return Ok(None);
    }
    drop(batch);
    let Ok(head_text) = std::str::from_utf8(&head) else {
        return Ok(None);
    };
    let Ok(head) = toml::from_str::<Head>(head_text) else {
        return Ok(None);
    };
    if head.article.is_some()
        || head.correction.is_some()
        || head.schema > SCHEMA
        || head.schema == 0
    {
        return Ok(None);
    }
    Ok(Some(Sidecar {
        issue: head.issue,
        articles: super::sidecar::normalise(articles),
        corrections,
    }))
}

/// Parse one batch of tables onto `articles` and `corrections`; false when the
/// batch is not UTF-8, does not parse, or has a tag without a name.
fn take(
    batch: &[u8],
    articles: &mut Vec<ArticleTags>,
    corrections: &mut Vec<crate::correct::Correction>,
) -> bool {
    let Ok(text) = std::str::from_utf8(batch) else {
        return false;
    };
    let Ok(parsed) = toml::from_str::<Batch>(text) else {
        return false;
    };
    corrections.extend(parsed.correction);
    for a in parsed.article {
        let (id, title, raw_tags, memo) = a.into_parts();
        let mut tags = TagSet::new();
        for t in raw_tags {
            let (name, mark) = t.into_mark();
            if name.trim().is_empty() {
                return false;
            }
            tags.insert(name, mark);
        }
        articles.push(ArticleTags {
            id,
            title,
            tags,
            memo,
        });
    }
    true
}

/// True for a header line that is exactly `[[article]]` or `[[correction]]`
/// (blanks and a comment around it allowed): the tables newstag writes.
fn is_table_header(line: &[u8]) -> bool {
    let text = String::from_utf8_lossy(line);
    let code = text.split('#').next().unwrap_or("").trim();
    code == "[[article]]" || code == "[[correction]]"
}

/// Where the lines read so far leave the TOML lexer: inside a multi-line string
/// (of which quote), and how many arrays and inline tables are open.
#[derive(Default)]
struct Scan {
    open: usize,
    multi_line: Option<u8>,
}

impl Scan {
    /// Feed the next line; true when it starts a top-level table (its first
    /// non-blank character is `[` while no string, array or inline table is open).
    /// Header lines hold no values, so their brackets are not counted.
    fn starts_table(&mut self, line: &[u8]) -> bool {
        if self.multi_line.is_none()
            && self.open == 0
            && line.iter().find(|b| !matches!(b, b' ' | b'\t')) == Some(&b'[')
        {
            return true;
        }
        let mut i = 0;
        while i < line.len() {
            if let Some(q) = self.multi_line {
                if q == b'"' && line[i] == b'\\' {
                    i += 2;
                } else if line[i..].starts_with(&[q, q, q]) {
                    // A closing run may hold up to two quotes of the string.
                    i += line[i..].iter().take_while(|&&b| b == q).count();
                    self.multi_line = None;
                } else {
                    i += 1;
                }
                continue;
            }
            match line[i] {
                b'#' => break,
                q @ (b'"' | b'\'') => {
                    if line[i..].starts_with(&[q, q, q]) {
                        self.multi_line = Some(q);
                        i += 3;
                        continue;
                    }
                    i += 1;
                    while i < line.len() && line[i] != q && line[i] != b'\n' {
                        if q == b'"' && line[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                }
                b'[' | b'{' => self.open += 1,
                b']' | b'}' => self.open = self.open.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(lines: &[&str]) -> Vec<bool> {
        let mut scan = Scan::default();
        lines
            .iter()
            .map(|l| scan.starts_table(format!("{l}\n").as_bytes()))
            .collect()
    }

    /// Only real top-level headers cut the text: not a `[` inside a multi-line
    /// string or an array spanning lines, nor one after a quote or a comment.
    #[test]
    fn headers_are_found_outside_strings_and_arrays() {
        assert_eq!(
            starts(&[
                "schema = 1",
                "[[article]]",
                "title = \"\"\"a",
                "[[article]]",
                "b\\\"c\"\"\"",
                "tags = [",
                "[\"x\"], # ]",
                "]",
                "  [[article]] # c",
                "t = '''",
                "[x]'''",
                "s = \"[\" # [",
                "[y]",
            ]),
            [
                false, true, false, false, false, false, false, false, true, false, false, false,
                true
            ]
        );
        assert!(is_table_header(b"  [[article]]  # note\n"));
        assert!(is_table_header(b"[[correction]]\r\n"));
        assert!(!is_table_header(b"[[article.tags]]\n"));
        assert!(!is_table_header(b"[article]\n"));
    }
}

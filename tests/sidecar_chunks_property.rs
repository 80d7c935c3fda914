//! Reading a sidecar a few `[[article]]` tables at a time (issue 11, item 18:
//! a huge sidecar in about the memory of its tags) gives what the plain TOML
//! parser gives, on generated sidecars written in many TOML styles (multi-line
//! and literal strings, titles holding `[[article]]`, brackets, quotes and
//! comments, tags over several lines, CRLF) and on broken ones: the same tags,
//! or the same refusal with the same line; never tags the plain parser would
//! refuse.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::tags::sidecar::{self, SidecarError};
use newstag::tags::sidecar_chunks;
use proptest::prelude::*;
use std::path::Path;

/// Pieces of titles and tag names: Chinese, and everything that could fool a
/// cutter that does not lex TOML.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "社区治理",
        "a",
        " ",
        "\"",
        "\\",
        "'",
        "\n",
        "\t",
        "[[article]]",
        "\n[[article]]\n",
        "[x]",
        "]",
        "[",
        "{",
        "}",
        "#",
        "'''",
        "\"\"\"",
        "\u{1b}",
        "\u{202e}",
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..5).prop_map(|v| v.concat())
}

/// How one value is written.
#[derive(Debug, Clone, Copy)]
enum Style {
    Basic,
    MultiLine,
    Literal,
    MultiLineLiteral,
}

fn style() -> impl Strategy<Value = Style> {
    prop::sample::select(vec![
        Style::Basic,
        Style::MultiLine,
        Style::Literal,
        Style::MultiLineLiteral,
    ])
}

/// `s` as a TOML string in `style`, falling back to a basic string where the
/// style cannot hold `s`.
fn toml_str(s: &str, style: Style) -> String {
    let basic = toml::Value::String(s.to_string()).to_string();
    let plain = !s.chars().any(|c| c.is_control() && c != '\t');
    match style {
        Style::Literal if plain && !s.contains('\'') => format!("'{s}'"),
        Style::MultiLineLiteral if plain && !s.contains("'''") && !s.ends_with('\'') => {
            format!("'''{s}'''")
        }
        Style::MultiLine if basic.starts_with('"') && !basic.starts_with("\"\"\"") => {
            // A basic string's escapes hold in a multi-line one; a newline right
            // after the opening quotes is dropped by TOML.
            format!("\"\"\"\n{}\"\"\"", &basic[1..basic.len() - 1])
        }
        _ => basic,
    }
}

#[derive(Debug, Clone)]
struct Article {
    id: String,
    title: String,
    title_style: Style,
    tags: Vec<(String, Style)>,
    tags_on_lines: bool,
    comment: bool,
}

fn article() -> impl Strategy<Value = Article> {
    (
        prop::sample::select(vec![
            "aaaaaaaaaaaa",
            "bbbbbbbbbbbb",
            "0123456789ab",
            "c[]c",
            "d#d",
        ]),
        text(),
        style(),
        // A tag name is never blank (that sidecar is refused: see the other test).
        prop::collection::vec((text().prop_map(|t| format!("t{t}")), style()), 0..4),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(id, title, title_style, tags, tags_on_lines, comment)| Article {
                id: id.to_string(),
                title,
                title_style,
                tags,
                tags_on_lines,
                comment,
            },
        )
}

fn render(issue: &str, articles: &[Article], crlf: bool) -> String {
    let mut s = format!(
        "# newstag tags: [[article]] below\nschema = 1\nissue = {}\n",
        toml_str(issue, Style::Basic)
    );
    for a in articles {
        s.push_str("\n[[article]]");
        if a.comment {
            s.push_str(" # [[article]] \"note");
        }
        s.push_str(&format!(
            "\nid = {}\ntitle = {}\ntags = [",
            toml_str(&a.id, Style::Basic),
            toml_str(&a.title, a.title_style)
        ));
        for (name, style) in &a.tags {
            if a.tags_on_lines {
                s.push_str("\n  ");
            }
            s.push_str(&format!(
                "{{ name = {}, at = \"2026-01-01T00:00:00Z\", by = \"hand\" }}, ",
                toml_str(name, *style)
            ));
        }
        s.push_str(if a.tags_on_lines { "\n]\n" } else { "]\n" });
    }
    // A correction of the cut after the articles, as newstag writes one.
    s.push_str(&format!(
        "\n[[correction]]\nop = \"join\"\nline = 3\ntext = {}\nat = \"2026-01-01T00:00:00Z\"\n",
        toml_str(issue, Style::MultiLine)
    ));
    if crlf { s.replace('\n', "\r\n") } else { s }
}

/// Edits that break a sidecar, or make it one newstag does not write.
fn edit() -> impl Strategy<Value = (usize, &'static str)> {
    (
        any::<usize>(),
        prop::sample::select(vec![
            "",
            "[",
            "]",
            "\"\"\"",
            "'''",
            "[[article]]\n",
            "[other]\n",
            "article = []\n",
            "[article]\n",
            "[[article.tags]]\n",
            "id = \"x\"\n",
            "schema = 2\n",
            "note = 1\n",
            "tags = [ { name = \" \" } ]\n",
            "#",
            "\n",
            "\u{0}",
        ]),
    )
}

/// Apply `edits` to `text`: insert each snippet at a char boundary, or (for
/// "") cut the text there.
fn apply(text: &str, edits: &[(usize, &str)]) -> String {
    let mut t = text.to_string();
    for &(at, snippet) in edits {
        let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
        let pos = bounds[at % bounds.len()];
        if snippet.is_empty() {
            t.truncate(pos);
        } else {
            t.insert_str(pos, snippet);
        }
    }
    t
}

fn line(r: &Result<sidecar::Sidecar, SidecarError>) -> Option<usize> {
    match r {
        Err(SidecarError::Parse { line, .. }) => Some(*line),
        _ => None,
    }
}

fn check(text: &str, batch: usize, newstag_shape: bool) {
    let path = Path::new("x.tags.toml");
    let whole = sidecar::parse_whole(text, path);
    let chunked = sidecar_chunks::read_in_batches(text.as_bytes(), batch).unwrap();
    if let Some(s) = &chunked {
        assert_eq!(
            Ok(s),
            whole.as_ref(),
            "chunked read tags the plain parser does not: {text:?}"
        );
    }
    if newstag_shape {
        assert!(whole.is_ok(), "{whole:?} {text:?}");
        assert!(chunked.is_some(), "the chunked path gave up on {text:?}");
    }
    let parsed = sidecar::parse(text, path);
    assert_eq!(parsed, whole, "{text:?}");
    assert_eq!(line(&parsed), line(&whole));
    // From a file, as newstag reads it.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.tags.toml");
    std::fs::write(&file, text).unwrap();
    let read = sidecar::read(&file).map(|s| s.unwrap());
    let whole_at_file = sidecar::parse_whole(text, &file);
    assert_eq!(read, whole_at_file, "{text:?}");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Sidecars in many TOML styles read the same both ways, in every batch size.
    #[test]
    fn chunked_and_plain_agree(
        issue in text(),
        articles in prop::collection::vec(article(), 0..12),
        crlf in any::<bool>(),
        batch in 0usize..600,
    ) {
        let text = render(&issue, &articles, crlf);
        check(&text, batch, true);
    }

    /// Broken sidecars are refused both ways, with the same line and message.
    #[test]
    fn broken_sidecars_are_refused_alike(
        issue in text(),
        articles in prop::collection::vec(article(), 1..8),
        edits in prop::collection::vec(edit(), 1..4),
        batch in 0usize..600,
    ) {
        let text = apply(&render(&issue, &articles, false), &edits);
        check(&text, batch, false);
    }
}

/// newstag's own sidecars take the chunked path (so large ones never cost a
/// whole parse tree), and read back what was written.
#[test]
fn written_sidecars_take_the_chunked_path() {
    let s = sidecar::Sidecar {
        issue: "2024/01/x.txt".into(),
        articles: (0..50)
            .map(|i| sidecar::ArticleTags {
                id: format!("{i:012x}"),
                title: format!("标题 [[article]] \"{i}\"\n"),
                tags: [(
                    "交通 出行".to_string(),
                    newstag::tags::TagMark {
                        at: "2026-01-01T00:00:00Z".into(),
                        by: newstag::tags::Source::Hand,
                        coder: "ana".into(),
                        codebook: 0,
                    },
                )]
                .into_iter()
                .collect(),
                // Memos on every other article, text that looks like a header.
                memo: (i % 2 == 0).then(|| newstag::tags::Memo {
                    text: format!("备忘\n[[article]] \"{i}\" '''"),
                    at: "2026-01-02T00:00:00Z".into(),
                    coder: "ana".into(),
                }),
            })
            .collect(),
        corrections: Vec::new(),
    };
    let mut s = s;
    s.corrections = (1..4)
        .map(|line| newstag::correct::Correction {
            op: Some(newstag::correct::Op::Join),
            line,
            text: format!("第{line}行 [[correction]] \"'''"),
            at: "2026-01-01T00:00:00Z".into(),
            ..Default::default()
        })
        .collect();
    let text = sidecar::render(&s);
    for batch in [0, 100, 1000, sidecar_chunks::BATCH] {
        let read = sidecar_chunks::read_in_batches(text.as_bytes(), batch).unwrap();
        assert_eq!(read.as_ref(), Some(&s), "batch {batch}");
    }
}

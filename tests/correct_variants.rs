//! Corrections are anchored on the text of their lines, so they keep applying,
//! with the same result, when the issue file is re-encoded (GB18030, UTF-8 with
//! BOM), gets other line ends (CRLF, CR), blank lines on top or is re-spaced.
//! The variations are generated; each is loaded the way every command loads an
//! issue (`Corpus::load`, the sidecar beside it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::files::repo_path;
use newstag::article::Article;
use newstag::corpus::Corpus;
use newstag::correct::{Correction, Op, Role, Status};
use newstag::tags::sidecar::{self, Sidecar};
use newstag::text::comparison_key;
use proptest::prelude::*;

const ISSUE: &str = "河川晚报_20240307_p2.txt";

/// The starts of the lines the corrections are anchored on.
const ANCHORS: [&str; 5] = [
    "傍晚6点",
    "岚溪县启动第二批",
    "本报评论员 丁一川",
    "北关街道负责人表示",
    "清渠区社区议事会实现全覆盖",
];

fn original() -> String {
    std::fs::read_to_string(repo_path(&format!("sample/{ISSUE}"))).unwrap()
}

/// The line starting with `prefix` (1-based) and its text.
fn anchor(text: &str, prefix: &str) -> (usize, String) {
    let (i, l) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim().starts_with(prefix))
        .unwrap();
    (i + 1, l.trim().to_string())
}

/// One correction of every kind, made on the original file.
fn corrections(text: &str) -> Vec<Correction> {
    let make = |op, prefix: &str| {
        let (line, text) = anchor(text, prefix);
        Correction {
            op: Some(op),
            line,
            text,
            ..Correction::default()
        }
    };
    let (to_line, to_text) = anchor(text, ANCHORS[4]);
    vec![
        make(Op::SplitBefore, ANCHORS[0]),
        make(Op::Join, ANCHORS[1]),
        Correction {
            role: Some(Role::Body),
            ..make(Op::Role, ANCHORS[2])
        },
        Correction {
            to_line,
            to_text,
            ..make(Op::Move, ANCHORS[3])
        },
    ]
}

/// What a reader sees of the articles, compared as ids compare text.
fn seen(articles: &[Article]) -> Vec<(String, String, Vec<String>)> {
    articles
        .iter()
        .map(|a| {
            (
                comparison_key(&a.title),
                comparison_key(&a.byline),
                a.paragraphs.iter().map(|p| comparison_key(p)).collect(),
            )
        })
        .collect()
}

/// The file's text changed as a user's tools might change it.
#[derive(Debug, Clone)]
struct Variant {
    line_end: &'static str,
    encoding: &'static str,
    blank_on_top: usize,
    trailing: &'static str,
    /// Anchor lines (in the order of [`ANCHORS`]) given a space after their
    /// first character. (Other lines are left alone: a space inside `本报讯` can
    /// change how the segmenter reads a line, which is not what is tested here.)
    respaced: Vec<bool>,
}

fn variant() -> impl Strategy<Value = Variant> {
    (
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
        prop::sample::select(vec!["utf-8", "utf-8-bom", "gb18030"]),
        0..3usize,
        prop::sample::select(vec!["", " ", "  ", "\u{3000}", "\t"]),
        prop::collection::vec(any::<bool>(), ANCHORS.len()),
    )
        .prop_map(
            |(line_end, encoding, blank_on_top, trailing, respaced)| Variant {
                line_end,
                encoding,
                blank_on_top,
                trailing,
                respaced,
            },
        )
}

fn render(text: &str, v: &Variant) -> Vec<u8> {
    let mut lines: Vec<String> = vec![String::new(); v.blank_on_top];
    for l in text.lines() {
        let mut line = l.to_string();
        if !line.trim().is_empty() {
            let respace = ANCHORS
                .iter()
                .zip(&v.respaced)
                .any(|(a, &on)| on && line.trim().starts_with(a));
            if respace && let Some(c) = line.chars().next() {
                line = format!("{c} {}", &line[c.len_utf8()..]);
            }
            line.push_str(v.trailing);
        }
        lines.push(line);
    }
    let text = lines.join(v.line_end) + v.line_end;
    match v.encoding {
        "gb18030" => encoding_rs::GB18030.encode(&text).0.into_owned(),
        "utf-8-bom" => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        _ => text.into_bytes(),
    }
}

/// Load `bytes` as the one issue of a corpus whose sidecar holds `corrections`.
fn load(bytes: &[u8], corrections: &[Correction]) -> Vec<Article> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(ISSUE), bytes).unwrap();
    let file = Sidecar {
        issue: ISSUE.into(),
        articles: Vec::new(),
        corrections: corrections.to_vec(),
    };
    std::fs::write(
        dir.path().join("河川晚报_20240307_p2.tags.toml"),
        sidecar::render(&file),
    )
    .unwrap();
    let corpus = Corpus::load(dir.path()).unwrap();
    assert_eq!(corpus.issues.len(), 1);
    corpus.issues[0].articles.to_vec()
}

/// Every correction applies on the original, and changes what a reader sees.
#[test]
fn every_kind_applies_on_the_original() {
    let text = original();
    let cs = corrections(&text);
    let corrected = newstag::correct::apply(&text, "x", &cs, &Default::default());
    for (c, s) in cs.iter().zip(&corrected.statuses) {
        assert!(matches!(s, Status::Applied { .. }), "{c:?}: {s:?}");
    }
    let plain = newstag::segment::segment_issue(&text, "x");
    assert_ne!(seen(&plain), seen(&corrected.articles));
    assert_eq!(seen(&load(text.as_bytes(), &cs)), seen(&corrected.articles));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24),
        ..ProptestConfig::default()
    })]

    /// Corrections made on the original give the same articles on any variant
    /// of the file: other encoding, line ends, blank lines on top, spacing.
    #[test]
    fn corrections_survive_reencoding_line_ends_and_spacing(v in variant()) {
        let text = original();
        let cs = corrections(&text);
        let want = seen(&newstag::correct::apply(&text, "x", &cs, &Default::default()).articles);
        let bytes = render(&text, &v);
        let got = seen(&load(&bytes, &cs));
        prop_assert_eq!(got, want);
    }
}

//! Segmentation: cutting the text of one issue into articles.

pub mod id;

use crate::article::{Article, Kind};

/// Cut the (decoded, `\n`-normalised) text of one issue into articles, in reading
/// order, with ids derived from `issue_key`.
pub fn segment_issue(text: &str, issue_key: &str) -> Vec<Article> {
    let mut articles = baseline(text);
    for (i, a) in articles.iter_mut().enumerate() {
        a.index = i;
    }
    id::assign_ids(issue_key, &mut articles);
    articles
}

/// Placeholder rule: a short line without sentence-final punctuation is a title.
fn baseline(text: &str) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('#').trim();
        if line.is_empty() {
            continue;
        }
        let short = line.chars().count() <= 30 && !line.ends_with(['。', '！', '？', '”']);
        if short || out.is_empty() {
            out.push(Article {
                line: n + 1,
                kind: Kind::News,
                title: if short {
                    line.to_string()
                } else {
                    String::new()
                },
                paragraphs: if short {
                    vec![]
                } else {
                    vec![line.to_string()]
                },
                ..Article::default()
            });
        } else if let Some(last) = out.last_mut() {
            last.paragraphs.push(line.to_string());
        }
    }
    out
}

//! Import of a TOML dump (see [`super::toml_dump`]) into a corpus's sidecars.
//!
//! Saved tags are re-attached to the corpus's articles as sidecars are: by id, then
//! by title, so a dump still restores after the corpus was re-segmented. Import only
//! adds: a tag already on an article keeps its own mark, and nothing is removed.
//! Tags whose issue or article is not in the corpus are reported, not dropped
//! silently (they stay in the dump file).

use super::toml_dump::Dump;
use crate::article::Issue;
use crate::corpus::Corpus;
use crate::tags::anchor::{ArticleAnchor, attach};
use crate::tags::{ArticleTags, ChangeReport, Memo, Source, TagMark, TagStore, Target};
use std::collections::HashMap;

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Tags newly set on an article.
    pub added: usize,
    /// Tags the article already had (left as they were).
    pub already: usize,
    /// Memos newly set (an article that has a memo keeps its own).
    pub memos: usize,
    /// Articles found by title because their id changed.
    pub moved: usize,
    /// `(issue, record)` of dumped articles not found in the issue.
    pub unmatched: Vec<(String, ArticleTags)>,
    /// Issues of the dump that are not in the corpus (with their article count).
    pub missing_issues: Vec<(String, usize)>,
    /// What saving the sidecars did.
    pub outcome: ChangeReport,
}

impl ImportReport {
    /// A one-paragraph summary for the command line and the status bar.
    pub fn message(&self) -> String {
        let mut msg = format!(
            "imported {} tag{} ({} already set)",
            self.added,
            if self.added == 1 { "" } else { "s" },
            self.already
        );
        if self.memos > 0 {
            msg.push_str(&format!(", {}", crate::text::count(self.memos, "memo")));
        }
        if self.moved > 0 {
            msg.push_str(&format!("; {} article(s) found by title", self.moved));
        }
        if !self.unmatched.is_empty() {
            msg.push_str(&format!(
                "; {} article(s) not found in their issue",
                self.unmatched.len()
            ));
        }
        if !self.missing_issues.is_empty() {
            msg.push_str(&format!(
                "; {} issue(s) not in the corpus",
                self.missing_issues.len()
            ));
        }
        if !self.outcome.ok() {
            msg.push_str(&format!("; {}", self.outcome.message()));
        }
        msg
    }

    /// Take in what importing another part of the dump did (another coder's
    /// memos, into their sidecars).
    pub fn add(&mut self, other: ImportReport) {
        self.added += other.added;
        self.already += other.already;
        self.memos += other.memos;
        self.moved += other.moved;
        self.unmatched.extend(other.unmatched);
        self.missing_issues.extend(other.missing_issues);
        self.outcome.errors.extend(other.outcome.errors);
        self.outcome.read_only.extend(other.outcome.read_only);
    }

    /// True when every tag of the dump is now on an article of the corpus.
    pub fn complete(&self) -> bool {
        self.unmatched.is_empty() && self.missing_issues.is_empty() && self.outcome.ok()
    }
}

/// Add the tags of `dump` to the articles of `corpus` through `store` (saved at
/// once, one undo step labelled `label`).
pub fn import_dump(dump: Dump, corpus: &Corpus, store: &mut TagStore, label: &str) -> ImportReport {
    let issues: HashMap<&str, &Issue> = corpus.issues.iter().map(|i| (i.rel.as_str(), i)).collect();
    let mut report = ImportReport::default();
    let mut edits: Vec<(Target, String, Option<TagMark>)> = Vec::new();
    let mut memos: Vec<(Target, Option<Memo>)> = Vec::new();
    for d in dump.issues {
        let Some(issue) = issues.get(d.issue.as_str()) else {
            report.missing_issues.push((d.issue, d.articles.len()));
            continue;
        };
        let anchors: Vec<ArticleAnchor> = issue.articles.iter().map(ArticleAnchor::of).collect();
        let by_id: HashMap<&str, &crate::article::Article> =
            issue.articles.iter().map(|a| (a.id.as_str(), a)).collect();
        let anchored = attach(d.articles, &anchors, &crate::corpus::issue_key(&issue.rel));
        report.moved += anchored.moved.len();
        report
            .unmatched
            .extend(anchored.orphans.into_iter().map(|r| (d.issue.clone(), r)));
        for record in anchored.attached {
            let Some(&article) = by_id.get(record.id.as_str()) else {
                continue;
            };
            if let Some(memo) = record.memo
                && store.memo(&issue.rel, &article.id).is_none()
            {
                memos.push((Target { issue, article }, Some(memo)));
            }
            for (name, mut mark) in record.tags {
                if store.has_tag(&issue.rel, &article.id, &name) {
                    report.already += 1;
                    continue;
                }
                if mark.at.is_empty() {
                    mark = TagMark::now(Source::Import);
                }
                edits.push((Target { issue, article }, name, Some(mark)));
            }
        }
    }
    report.outcome = store.apply(&edits, &memos, label);
    report.added = report.outcome.applied.changes.len();
    report.memos = report.outcome.applied.memos.len();
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::export::toml_dump::DumpIssue;
    use crate::tags::TagSet;
    use std::sync::Arc;

    fn corpus_in(dir: &std::path::Path) -> Corpus {
        let article = |id: &str, title: &str| Article {
            id: id.into(),
            title: title.into(),
            paragraphs: vec!["正文".into()].into(),
            ..Article::default()
        };
        Corpus {
            root: dir.to_path_buf(),
            issues: vec![Issue {
                path: dir.join("a.txt"),
                rel: "a.txt".into(),
                articles: Arc::from(vec![
                    article("111111111111", "古戏台修缮完工"),
                    article("222222222222", "湿地公园迎来候鸟季"),
                ]),
                ..Issue::default()
            }],
            warnings: Vec::new(),
            habits: Default::default(),
        }
    }

    fn record(id: &str, title: &str, tag: &str) -> ArticleTags {
        ArticleTags {
            memo: None,
            id: id.into(),
            title: title.into(),
            tags: TagSet::from([(
                tag.to_string(),
                TagMark {
                    at: "2026-01-02T03:04:05Z".into(),
                    by: Source::Suggestion,
                    coder: String::new(),
                    codebook: 0,
                },
            )]),
        }
    }

    /// A dumped article whose id changed (re-segmented corpus) is found by its
    /// title and gets its tag with the original mark; one that is gone is reported.
    #[test]
    fn import_follows_titles_and_reports_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = corpus_in(dir.path());
        let mut store = TagStore::open(&corpus, None);
        let dump = Dump {
            issues: vec![
                DumpIssue {
                    issue: "a.txt".into(),
                    articles: vec![
                        // Re-segmented: another id, the same opening check.
                        record("999999999111", "古戏台修缮完工", "heritage"),
                        record("222222222222", "湿地公园迎来候鸟季", "environment"),
                        record("888888888888", "早已删除的文章标题", "governance"),
                    ],
                    memos: Vec::new(),
                },
                DumpIssue {
                    issue: "gone.txt".into(),
                    articles: vec![record("777777777777", "别处", "heritage")],
                    memos: Vec::new(),
                },
            ],
        };
        let report = import_dump(dump, &corpus, &mut store, "import test");
        assert_eq!(report.added, 2, "{}", report.message());
        assert_eq!(report.moved, 1);
        assert_eq!(report.unmatched.len(), 1);
        assert_eq!(report.unmatched[0].1.title, "早已删除的文章标题");
        assert_eq!(report.missing_issues, [("gone.txt".to_string(), 1)]);
        assert!(!report.complete());
        // Saved to the sidecar with the dumped mark.
        let reread = TagStore::open(&corpus, None);
        let tags = reread.tags_of("a.txt", "111111111111").unwrap();
        assert_eq!(tags["heritage"].by, Source::Suggestion);
        assert_eq!(tags["heritage"].at, "2026-01-02T03:04:05Z");
        assert!(reread.has_tag("a.txt", "222222222222", "environment"));
    }
}

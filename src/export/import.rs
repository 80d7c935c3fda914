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
use crate::tags::{ArticleTags, Outcome, Source, TagMark, TagStore, Target};
use std::collections::HashMap;

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Tags newly set on an article.
    pub added: usize,
    /// Tags the article already had (left as they were).
    pub already: usize,
    /// Articles found by title because their id changed.
    pub moved: usize,
    /// `(issue, record)` of dumped articles not found in the issue.
    pub unmatched: Vec<(String, ArticleTags)>,
    /// Issues of the dump that are not in the corpus (with their article count).
    pub missing_issues: Vec<(String, usize)>,
    /// What saving the sidecars did.
    pub outcome: Outcome,
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
    for d in dump.issues {
        let Some(issue) = issues.get(d.issue.as_str()) else {
            report.missing_issues.push((d.issue, d.articles.len()));
            continue;
        };
        let anchors: Vec<ArticleAnchor> = issue.articles.iter().map(ArticleAnchor::of).collect();
        let anchored = attach(d.articles, &anchors);
        report.moved += anchored.moved.len();
        report
            .unmatched
            .extend(anchored.orphans.into_iter().map(|r| (d.issue.clone(), r)));
        for record in anchored.attached {
            let Some(article) = issue.articles.iter().find(|a| a.id == record.id) else {
                continue;
            };
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
    report.outcome = store.apply_marks(&edits, label);
    report.added = report.outcome.applied.changes.len();
    report
}

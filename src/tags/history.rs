//! Undo/redo of tag changes: every applied change set (one toggle, or one bulk
//! change over many articles) is one step.

use super::{Memo, TagMark};

/// One tag of one article going from `before` to `after` (`None`: not set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Issue path relative to the corpus root.
    pub issue: String,
    /// Article id.
    pub article: String,
    pub tag: String,
    pub before: Option<TagMark>,
    pub after: Option<TagMark>,
}

impl Change {
    /// The same change run backwards.
    pub fn inverse(&self) -> Change {
        Change {
            before: self.after.clone(),
            after: self.before.clone(),
            ..self.clone()
        }
    }
}

/// The memo of one article going from `before` to `after` (`None`: no memo).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoChange {
    /// Issue path relative to the corpus root.
    pub issue: String,
    /// Article id.
    pub article: String,
    pub before: Option<Memo>,
    pub after: Option<Memo>,
}

impl MemoChange {
    /// The same change run backwards.
    pub fn inverse(&self) -> MemoChange {
        MemoChange {
            before: self.after.clone(),
            after: self.before.clone(),
            ..self.clone()
        }
    }
}

/// Changes made together, undone and redone together.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChangeSet {
    /// What was done, for the status bar (`+governance`, `-heritage`).
    pub label: String,
    pub changes: Vec<Change>,
    /// Memos changed in the same step.
    pub memos: Vec<MemoChange>,
}

impl ChangeSet {
    /// The change set that undoes this one.
    pub fn inverse(&self) -> ChangeSet {
        ChangeSet {
            label: self.label.clone(),
            changes: self.changes.iter().rev().map(Change::inverse).collect(),
            memos: self.memos.iter().rev().map(MemoChange::inverse).collect(),
        }
    }

    /// Number of distinct articles touched.
    pub fn article_count(&self) -> usize {
        let mut seen: Vec<(&str, &str)> = self
            .changes
            .iter()
            .map(|c| (c.issue.as_str(), c.article.as_str()))
            .chain(
                self.memos
                    .iter()
                    .map(|c| (c.issue.as_str(), c.article.as_str())),
            )
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.memos.is_empty()
    }
}

/// The undo and redo stacks.
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<ChangeSet>,
    redo: Vec<ChangeSet>,
    limit: usize,
    /// Every issue a recorded step changed, kept when the step itself falls
    /// off the bounded undo stack.
    touched: std::collections::HashSet<String>,
}

impl Default for History {
    fn default() -> Self {
        History::with_limit(1000)
    }
}

impl History {
    /// A history keeping at most `limit` undo steps.
    pub fn with_limit(limit: usize) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: limit.max(1),
            touched: Default::default(),
        }
    }

    /// Number of steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Number of steps that can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Record a new change set; clears what could be redone.
    pub fn record(&mut self, set: ChangeSet) {
        if set.is_empty() {
            return;
        }
        self.redo.clear();
        for set_issue in set
            .changes
            .iter()
            .map(|c| &c.issue)
            .chain(set.memos.iter().map(|m| &m.issue))
        {
            if !self.touched.contains(set_issue) {
                self.touched.insert(set_issue.clone());
            }
        }
        self.push_undo(set);
    }

    fn push_undo(&mut self, set: ChangeSet) {
        self.undo.push(set);
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
    }

    /// The change set to run to undo the last step (already inverted); it moves
    /// to the redo stack.
    pub fn take_undo(&mut self) -> Option<ChangeSet> {
        let set = self.undo.pop()?;
        let inverse = set.inverse();
        self.redo.push(set);
        Some(inverse)
    }

    /// The change set to run to redo the last undone step; it moves back to the
    /// undo stack.
    pub fn take_redo(&mut self) -> Option<ChangeSet> {
        let set = self.redo.pop()?;
        self.push_undo(set.clone());
        Some(set)
    }

    /// Put back a step whose undo could not be applied at all.
    pub fn restore_undo(&mut self) {
        if let Some(set) = self.redo.pop() {
            self.push_undo(set);
        }
    }

    /// Put back a step whose redo could not be applied at all.
    pub fn restore_redo(&mut self) {
        if let Some(set) = self.undo.pop() {
            self.redo.push(set);
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Number of steps that can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Number of steps that can be redone.
    pub fn redo_depth(&self) -> usize {
        self.redo.len()
    }

    /// The issues (paths relative to the corpus root) any step recorded in
    /// this history changed, also those of steps no longer kept for undo.
    pub fn issues(&self) -> impl Iterator<Item = &str> {
        self.touched.iter().map(String::as_str)
    }

    /// The articles of issue `rel` were cut again and their tags carried to
    /// other ids (`heirs`: old id to new): the steps to undo and redo change
    /// the articles that now hold those tags.
    pub fn follow_articles(
        &mut self,
        rel: &str,
        heirs: &std::collections::HashMap<String, String>,
    ) {
        for set in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            let ids = set
                .changes
                .iter_mut()
                .filter(|c| c.issue == rel)
                .map(|c| &mut c.article)
                .chain(
                    set.memos
                        .iter_mut()
                        .filter(|m| m.issue == rel)
                        .map(|m| &mut m.article),
                );
            for id in ids {
                if let Some(heir) = heirs.get(id.as_str()) {
                    *id = heir.clone();
                }
            }
        }
    }

    /// Tag `old` is now called `new`: the steps to undo and redo change the
    /// new name.
    pub fn rename_tag(&mut self, old: &str, new: &str) {
        for set in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            for change in &mut set.changes {
                if change.tag == old {
                    change.tag = new.to_string();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(issue: &str) -> ChangeSet {
        ChangeSet {
            label: "+t".into(),
            changes: vec![Change {
                issue: issue.into(),
                article: "a1".into(),
                tag: "t".into(),
                before: None,
                after: Some(TagMark::now(crate::tags::Source::Hand)),
            }],
            memos: Vec::new(),
        }
    }

    #[test]
    fn an_issue_changed_stays_known_after_its_step_falls_off_the_undo_stack() {
        let mut history = History::with_limit(2);
        for issue in ["first.txt", "second.txt", "third.txt"] {
            history.record(tagged(issue));
        }
        assert_eq!(history.undo_len(), 2, "the oldest step is no longer kept");
        let mut issues: Vec<&str> = history.issues().collect();
        issues.sort_unstable();
        assert_eq!(issues, ["first.txt", "second.txt", "third.txt"]);
    }
}

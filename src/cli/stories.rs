//! Stories across pages as the commands show them: a part's tags are its story's
//! (the union over its parts), and exports and stats count a story once, on its
//! first part (exports gather theirs in `crate::export::rows`).

use crate::article::{Article, ArticleAt, Issue};
use crate::story::Stories;
use crate::tags::TagStore;
use std::collections::HashMap;

/// The stories of `issues` ([`Stories::link`]).
pub fn link(issues: &[Issue]) -> Stories {
    Stories::link(issues)
}

/// The stories of a loaded corpus, with a lookup from an article to its place.
pub struct StoryView<'a> {
    issues: &'a [Issue],
    pub stories: Stories,
    places: HashMap<(&'a str, &'a str), ArticleAt>,
}

impl<'a> StoryView<'a> {
    pub fn new(issues: &'a [Issue]) -> StoryView<'a> {
        let stories = link(issues);
        // The parts of the stories, not every article asked whether it is one.
        let places = (stories.stories.iter().flatten())
            .filter_map(|&at| {
                let (issue, article) = at.find(issues)?;
                Some(((issue.rel.as_str(), article.id.as_str()), at))
            })
            .collect();
        StoryView {
            issues,
            stories,
            places,
        }
    }

    /// Where `article` of `issue` stands, when it is part of a story.
    pub fn place(&self, issue: &Issue, article: &Article) -> Option<ArticleAt> {
        self.places
            .get(&(issue.rel.as_str(), article.id.as_str()))
            .copied()
    }

    /// The tag names of the story of `article` (its own when it has no story).
    pub fn tag_names(&self, store: &TagStore, issue: &Issue, article: &Article) -> Vec<String> {
        let Some(at) = self.place(issue, article) else {
            return store.tag_names(&issue.rel, &article.id);
        };
        let mut names: Vec<String> = self
            .stories
            .members(at)
            .into_iter()
            .filter_map(|part| part.find(self.issues))
            .flat_map(|(issue, article)| store.tag_names(&issue.rel, &article.id))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// True for a second or later part of a story (counted with the first).
    pub fn is_later_part(&self, at: ArticleAt) -> bool {
        self.stories.is_later_part(at)
    }
}

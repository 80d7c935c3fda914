//! [`ArticleAt`]: where an article is in the loaded corpus, the one index the
//! list, marks, search hits, suggestions, stories, tags and export share.

use super::{Article, Issue};

/// Where an article is in the loaded corpus: the index of its issue in the
/// corpus's issues and its index among that issue's articles. Small and
/// `Copy`, ordered by issue then article (corpus order). It names a place in
/// this load only: what is saved names an article by its issue's path and its
/// id instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ArticleAt {
    /// Index of the issue in the corpus's issues.
    pub issue: usize,
    /// Index of the article in that issue's articles.
    pub article: usize,
}

impl ArticleAt {
    pub const fn new(issue: usize, article: usize) -> ArticleAt {
        ArticleAt { issue, article }
    }

    /// The issue and the article at this place in `issues`, if there is one.
    pub fn find(self, issues: &[Issue]) -> Option<(&Issue, &Article)> {
        let issue = issues.get(self.issue)?;
        Some((issue, issue.articles.get(self.article)?))
    }

    /// The article at this place in `issues`, if there is one.
    pub fn article_in(self, issues: &[Issue]) -> Option<&Article> {
        self.find(issues).map(|(_, article)| article)
    }

    /// Every article of `issues`, in corpus order.
    pub fn all(issues: &[Issue]) -> impl Iterator<Item = ArticleAt> + '_ {
        issues
            .iter()
            .enumerate()
            .flat_map(|(i, issue)| (0..issue.articles.len()).map(move |a| ArticleAt::new(i, a)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Places sort in corpus order: by issue, then by article within it.
    #[test]
    fn places_sort_in_corpus_order() {
        let mut places = vec![
            ArticleAt::new(1, 0),
            ArticleAt::new(0, 2),
            ArticleAt::new(0, 10),
            ArticleAt::new(0, 1),
        ];
        places.sort();
        assert_eq!(
            places,
            [
                ArticleAt::new(0, 1),
                ArticleAt::new(0, 2),
                ArticleAt::new(0, 10),
                ArticleAt::new(1, 0)
            ]
        );
    }
}

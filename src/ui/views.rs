//! What the panes and overlays draw, gathered from the app: the list's rows in
//! view (`list::ListView`), the reader's frame (`reader::ReaderPane`) and the
//! memos it shows, the stats view's numbers. The layers draw these and never
//! import the app.

use super::app::App;
use super::layout::Pane;
use super::list::{ArticleLine, ListLine, ListRow, ListView};
use super::reader::ReaderPane;
use super::stats_view::StatsView;
use crate::article::ArticleAt;

impl App {
    /// The list pane's content: its counts and the `height` rows from the
    /// first one in view.
    pub fn list_view(&self, height: usize) -> ListView {
        let rows = self
            .rows
            .iter()
            .skip(self.list_offset)
            .take(height)
            .map(|row| self.list_line(*row))
            .collect();
        ListView {
            focused: self.focus == Pane::List,
            matches: self.filter.as_ref().map(Vec::len),
            issues: self.corpus.issues.len(),
            selected: self.selected,
            total: self.rows.len(),
            offset: self.list_offset,
            loading: self.loading.map(|l| (l.done, l.total)),
            rows,
        }
    }

    /// One row of the list as drawn.
    fn list_line(&self, row: ListRow) -> ListLine {
        match row {
            ListRow::Issue(i) => {
                let issue = self.corpus.issues.get(i);
                ListLine::Issue {
                    label: issue.map(|is| is.label()).unwrap_or_default(),
                    folded: self.folded.contains(&i),
                    articles: issue.map_or(0, |is| is.articles.len()),
                    tagged: self.tagged_in_issue(i),
                }
            }
            ListRow::Article(at) => {
                let Some(article) = at.article_in(&self.corpus.issues) else {
                    return ListLine::Blank;
                };
                let (highlights, snippet) = self.search.list_matches(at, article);
                ListLine::Article(ArticleLine {
                    title: article.display_title(),
                    untitled: article.title.trim().is_empty(),
                    kind: article.kind,
                    marked: self.marks.contains(&at),
                    doubted: !article.doubts.is_empty(),
                    tags: self
                        .tags_of(at)
                        .into_iter()
                        .map(|name| (name.to_string(), self.config.tag(name).cloned()))
                        .collect(),
                    highlights,
                    snippet,
                })
            }
        }
    }

    /// The reader pane's frame: its title, focus, empty hint and highlights.
    pub fn reader_pane(&self) -> ReaderPane<'_> {
        let title = self
            .reader
            .row
            .and_then(|r| self.corpus.issues.get(r.issue()))
            .map(|i| i.label())
            .unwrap_or_default();
        let empty_hint = if !self.corpus.issues.is_empty() {
            "select an article"
        } else if self.loading.is_some() {
            "loading..."
        } else {
            super::list::NOTHING_TO_READ
        };
        ReaderPane {
            focused: self.focus == Pane::Reader,
            title,
            empty_hint,
            highlighter: self.search.highlighter(),
        }
    }

    /// What the reader shows of the memos on `row`'s article: `memo: TEXT`, or
    /// `memo (CODER): TEXT` for another coder's.
    pub fn memo_texts(&self, row: Option<ListRow>) -> Vec<String> {
        let Some(ListRow::Article(at)) = row else {
            return Vec::new();
        };
        let Some((issue, article)) = at.find(&self.corpus.issues) else {
            return Vec::new();
        };
        let store = &self.tagging.store;
        let me = store.coder();
        store
            .memos(&issue.rel, &article.id)
            .into_iter()
            .map(|m| {
                if m.coder == me {
                    format!("memo: {}", m.text)
                } else if m.coder.is_empty() {
                    format!("memo ({}): {}", crate::tags::team::UNKNOWN, m.text)
                } else {
                    format!("memo ({}): {}", m.coder, m.text)
                }
            })
            .collect()
    }

    /// The stats view of the corpus as loaded now.
    pub fn stats_view(&self) -> StatsView {
        let vocabulary: Vec<String> = self.config.tags.iter().map(|t| t.name.clone()).collect();
        let stats = crate::stats::compute_over(
            self.corpus.issues.iter().enumerate().map(|(i, issue)| {
                // A story across pages counts once, on its first part, with
                // its parts' tags (as `newstag stats` counts it).
                let tags = (0..issue.articles.len())
                    .map(|a| ArticleAt::new(i, a))
                    .filter(|&at| !self.stories.is_later_part(at))
                    .map(|at| {
                        self.tags_of(at)
                            .into_iter()
                            // "No topic" is a decision, not a tag: such an
                            // article counts as untagged.
                            .filter(|t| *t != crate::suggest::NO_TOPIC)
                            .map(String::from)
                            .collect::<Vec<String>>()
                    })
                    .collect();
                (issue, tags)
            }),
            &vocabulary,
        );
        StatsView::new(stats, self.loading.map(|l| (l.done, l.total)))
    }
}

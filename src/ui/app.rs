//! The app state and the one place it changes: `App::update(Action)`.
//!
//! Plugging a feature in (search, tags, export, suggestions):
//! - add an `Overlay` variant for its prompt or overlay, draw it in its own file under
//!   `src/ui/`, and route raw keys to it in `App::handle_key` (text-input modes get
//!   keys before the keymap);
//! - replace the "arrives with" arm of its action in `update`;
//! - search replaces the list with `App::set_filter(Some(hits))`;
//! - tags fill in the tag hooks (`tags_of`, `tagged_in_issue`, `tagged_total`,
//!   save state) from their store.

use super::action::{
    Action, ConfirmAction, HelpAction, JumpAction, Layer, MemoAction, MessagesAction, NewTagAction,
    StatsAction,
};
use super::help::HelpView;
use super::keymap::Keymaps;
use super::layout::{self, Areas, Pane};
use super::reader::ReaderView;
use super::tag_edit::{RenameQuestion, TagPrompt};
use super::theme::Theme;
use crate::article::{Article, ArticleAt, Issue};
use crate::config::Config;
use crate::corpus::{Corpus, LoadWarning};
use crate::tags::LoadedSidecars;
use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;
use std::collections::HashSet;
use std::path::PathBuf;

/// What has the keyboard besides the panes: overlays and prompts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// None: the panes have the keyboard.
    Panes,
    /// The help overlay (what it lists, its scroll, the layer it was opened from).
    Help(Box<HelpView>),
    /// The export dialog (`e`).
    Export(Box<super::export_dialog::ExportDialog>),
    /// The stats view (`s`).
    Stats(Box<super::stats_view::StatsView>),
    /// The jump-to-date prompt (`D`) is open.
    JumpToDate,
    /// The message log (`M`), scrolled to this line.
    Messages { scroll: usize },
    /// The search line (`/`) has the keyboard.
    Search,
    /// A bulk tag change waits for y/n (see `tagging.rs`).
    ConfirmBulk,
    /// The new-tag prompt is open (see `tagging.rs`).
    NewTag,
    /// The memo prompt is open (see `tagging.rs`).
    Memo,
    /// The tag picker (`#`, see `tag_picker.rs`).
    PickTag(Box<super::tag_picker::TagPicker>),
    /// The prompt renaming or recolouring a tag (`r`, `c` in the tag pane,
    /// see `tag_edit.rs`).
    EditTag(Box<TagPrompt>),
    /// A rename waits for y/n (see `tag_edit.rs`).
    ConfirmRename(Box<RenameQuestion>),
    /// The saved searches' picker (`@`, see `searching.rs`).
    PickSearch(Box<super::tag_picker::TagPicker>),
    /// Triage mode (`T`, see `triage.rs`).
    Triage,
    /// The page view (`v`, see `page_view.rs`); its state is `App::page`.
    Page,
    /// Adjudication mode (`A`, see `adjudication.rs`).
    Adjudicate,
}

pub use super::list::ListRow;

/// Something the run loop does with the terminal handed over: the app asks
/// for it, the run loop (which owns the terminal) does it between frames.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandOver {
    /// Give the terminal back to the shell and stop (Ctrl-z); carry on when
    /// continued.
    Suspend,
    /// Run the user's editor on `path` at `line` (1-based), then come back.
    Edit { path: PathBuf, line: usize },
}

pub use super::message_log::Message;

/// How many messages the log keeps.
pub const LOG_LIMIT: usize = 500;

/// Loading progress while the corpus is read in the background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    pub done: usize,
    pub total: usize,
    /// Percentage and time left, as of the last progress event.
    pub progress: crate::session::progress::JobProgress,
    clock: crate::session::progress::ProgressClock,
}

/// Everything the screen shows.
pub struct App {
    pub config: Config,
    /// The keymap of every layer (`[keys.panes]`, `[keys.triage]`, ...).
    pub keymap: Keymaps,
    pub theme: Theme,
    /// The corpus: root, the issues loaded so far (in natural order), and the
    /// files skipped with why.
    pub corpus: Corpus,
    /// Number of articles in `issues`.
    pub article_total: usize,
    /// `Some` while the corpus is still loading.
    pub loading: Option<Loading>,
    pub mode: Overlay,
    pub focus: Pane,
    /// Terminal size.
    pub size: Rect,

    /// The articles the list shows (`None`: all). Search sets this.
    pub filter: Option<Vec<ArticleAt>>,
    /// Folded issues.
    pub folded: HashSet<usize>,
    /// The list's rows, derived from issues, filter and folds.
    pub rows: Vec<ListRow>,
    /// Index into `rows` of the selected row.
    pub selected: usize,
    /// First row shown.
    pub list_offset: usize,
    /// Articles marked for a batch change.
    pub marks: HashSet<ArticleAt>,

    /// The article (or issue) shown in the reader, wrapped for the reader's width.
    pub reader: ReaderView,
    /// Selected tag in the tag pane.
    pub tag_selected: usize,
    /// Tags of the loaded issues, and the tagging prompts' state.
    pub tagging: super::tagging::Tagging,
    /// Suggestions: background scoring, ghost tags, triage (see `triage.rs`).
    pub suggest: super::triage::Suggesting,
    /// The adjudication walk (`A`, see `adjudication.rs`).
    pub adjudicating: Option<Box<super::adjudication::Adjudicating>>,

    pub message: Option<Message>,
    /// The jump-to-date prompt's text.
    pub date_input: tui_input::Input,
    /// Every message of the session, oldest first (the last `LOG_LIMIT`).
    pub log: Vec<Message>,
    /// The search line, its query and the search thread.
    pub search: super::search_bar::SearchState,
    /// Set by `Quit`; the run loop exits.
    pub quit: bool,
    /// Set by `Suspend` and `OpenInEditor`; the run loop hands the terminal over.
    pub hand_over: Option<HandOver>,
    /// Where the session's background jobs report (set by the run loop). Without
    /// it (tests) jobs run at once on the caller's thread.
    pub notify: Option<crate::session::Notifier>,
    /// The page view's state while it is open (kept while help is over it).
    pub page: Option<Box<super::page_view::PageView>>,
    /// Corrections made in this session, for undo and redo (see `page.rs`).
    pub journal: super::page::Journal,
    /// Stories across pages, linked once the corpus has loaded (and again
    /// after a correction): a part's tags are its story's.
    pub stories: crate::story::Stories,
}

impl App {
    /// An app on `root` with nothing loaded yet (the run loop feeds it issues).
    pub fn new(config: Config, keymap: Keymaps, theme: Theme, root: PathBuf) -> App {
        let (tagging, team_error) = super::tagging::Tagging::new(&config, &root);
        let mut app = App {
            config,
            keymap,
            theme,
            corpus: Corpus {
                root,
                issues: Vec::new(),
                warnings: Vec::new(),
                habits: Default::default(),
            },
            article_total: 0,
            loading: None,
            mode: Overlay::Panes,
            focus: Pane::List,
            size: Rect::new(0, 0, 80, 24),
            filter: None,
            folded: HashSet::new(),
            rows: Vec::new(),
            selected: 0,
            list_offset: 0,
            marks: HashSet::new(),
            reader: ReaderView::default(),
            tag_selected: 0,
            tagging,
            suggest: super::triage::Suggesting::default(),
            adjudicating: None,
            log: Vec::new(),
            date_input: tui_input::Input::default(),
            search: super::search_bar::SearchState::default(),
            quit: false,
            hand_over: None,
            notify: None,
            page: None,
            journal: Default::default(),
            stories: Default::default(),
            message: team_error.map(|text| Message {
                text,
                is_error: true,
            }),
        };
        // Before the run loop gives it a notifier: read at once, before the
        // first frame (one small file).
        app.read_codebook();
        app
    }

    /// An app showing `issues`, fully loaded, at `width` x `height` (tests, benches).
    pub fn with_issues(config: Config, issues: Vec<Issue>, width: u16, height: u16) -> App {
        let (keymap, _) = Keymaps::from_config(&config, None);
        let theme = Theme::new(&config, true);
        let mut app = App::new(config, keymap, theme, PathBuf::new());
        app.size = Rect::new(0, 0, width, height);
        app.push_issues(issues);
        app.relink_stories();
        app
    }

    /// Link the stories across pages of the corpus as loaded now.
    pub fn relink_stories(&mut self) {
        self.stories = crate::story::Stories::link(&self.corpus.issues);
        self.reader = ReaderView::default();
        self.sync_reader();
    }

    // ----- tag hooks: the tags feature fills these in from its store -----

    /// Names of the tags `issue`'s article `article` carries: for a part of a
    /// story across pages, those of every part (a tag on any part is the story's).
    pub fn tags_of(&self, at: ArticleAt) -> Vec<&str> {
        if self.stories.story_of(at).is_none() {
            return self.store_tags_of(at);
        }
        let mut names: Vec<&str> = self
            .stories
            .members(at)
            .into_iter()
            .flat_map(|part| self.store_tags_of(part))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// How many articles of `issue` carry at least one tag.
    pub fn tagged_in_issue(&self, issue: usize) -> usize {
        let n = self
            .corpus
            .issues
            .get(issue)
            .map_or(0, |i| i.articles.len());
        (0..n)
            .filter(|a| !self.tags_of(ArticleAt::new(issue, *a)).is_empty())
            .count()
    }

    /// How many articles of the corpus carry at least one tag.
    pub fn tagged_total(&self) -> usize {
        self.tagging.store.tagged_count()
    }

    // ----- loading -----

    /// Add issues read in the background; what has loaded can be browsed at once.
    pub fn push_issues(&mut self, batch: Vec<Issue>) {
        let sidecars = self.tagging.team.read_sidecars(&batch);
        self.push_loaded(batch, sidecars);
    }

    /// Add issues whose sidecars the loader thread has already read.
    pub fn push_loaded(&mut self, batch: Vec<Issue>, sidecars: LoadedSidecars) {
        let first = self.corpus.issues.len();
        self.tagging.store.add_loaded(sidecars);
        self.article_total += batch.iter().map(|i| i.articles.len()).sum::<usize>();
        self.corpus.issues.extend(batch);
        if self.filter.is_none() {
            // Issues come in path order: those that also come in date order
            // after the last one listed are added below it, else the list is
            // ordered again.
            let last = self.rows.iter().rev().find_map(|r| match r {
                ListRow::Issue(i) => Some(*i),
                ListRow::Article(..) => None,
            });
            let in_order = (first..self.corpus.issues.len()).all(|i| {
                last.is_none_or(|l| self.date_key(l) <= self.date_key(i))
                    && (i == first || self.date_key(i - 1) <= self.date_key(i))
            });
            if in_order {
                for i in first..self.corpus.issues.len() {
                    self.push_issue_rows(i);
                }
            } else {
                self.rebuild_rows();
            }
        }
        self.sync_reader();
    }

    /// Where issue `i` goes in the list: by date, issues without one after
    /// (then by path: the order they were read in).
    fn date_key(&self, i: usize) -> (bool, Option<&str>) {
        let date = self.corpus.issues.get(i).and_then(|is| is.date.as_deref());
        (date.is_none(), date)
    }

    /// The issues in list order: by date, those without a date after, each
    /// group in path order.
    pub fn issue_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.corpus.issues.len()).collect();
        order.sort_by(|&a, &b| self.date_key(a).cmp(&self.date_key(b)));
        order
    }

    /// Record loading progress.
    pub fn set_loading(&mut self, done: usize, total: usize) {
        self.set_loading_at(done, total, std::time::Instant::now());
    }

    /// [`App::set_loading`] as of `now`: the time left is estimated from the
    /// rate since the first progress event.
    pub fn set_loading_at(&mut self, done: usize, total: usize, now: std::time::Instant) {
        let clock = self.loading.map_or_else(
            || crate::session::progress::ProgressClock::start(done, now),
            |l| l.clock,
        );
        self.loading = Some(Loading {
            done,
            total,
            progress: clock.at(done, total, now),
            clock,
        });
    }

    /// The background load has finished. Its stories across pages come after,
    /// linked by the loader ([`App::stories_linked`]).
    pub fn finish_loading(&mut self, warnings: Vec<LoadWarning>) {
        self.loading = None;
        crate::cache::timing::mark("tui: load done");
        let n = warnings.len();
        self.corpus.warnings.extend(warnings);
        if n > 0 {
            let first = self
                .corpus
                .warnings
                .first()
                .map(|w| w.to_string())
                .unwrap_or_default();
            self.error(format!(
                "{} skipped: {first}",
                crate::text::count(n, "file")
            ));
        } else if self.corpus.issues.is_empty() {
            self.error(format!(
                "no issue files (.txt or .md) in {}: nothing to read",
                self.corpus.root.display()
            ));
        } else if self.message.is_none() {
            self.say(format!(
                "loaded {}, {}",
                crate::text::count(self.corpus.issues.len(), "issue"),
                crate::text::count(self.article_total, "article")
            ));
        }
        self.report_tag_problems();
    }

    /// The loader linked the stories of the issues it sent: they are
    /// installed while the issues are still those, else linked again here
    /// from the issues as they are now (unless they were already).
    pub fn stories_linked(&mut self, stories: crate::story::Stories) {
        if self.stories.are_of(&self.corpus.issues) {
            // Linked here already (a tag change in between): the same
            // stories; the reader stays where it is.
        } else if stories.are_of(&self.corpus.issues) {
            self.stories = stories;
            self.reader = ReaderView::default();
            self.sync_reader();
        } else {
            self.link_stories_if_stale();
        }
        crate::cache::timing::mark("tui: stories installed");
    }

    /// Once loading is done, the stories are linked here when those held are
    /// not of the issues as they are (the loader's have not come yet): a tag
    /// change decided on a part of a story must see every part.
    pub(super) fn link_stories_if_stale(&mut self) {
        if self.loading.is_none() && !self.stories.are_of(&self.corpus.issues) {
            self.relink_stories();
        }
    }

    /// Loading failed as a whole (e.g. no such folder).
    pub fn load_failed(&mut self, message: String) {
        self.loading = None;
        self.error(message);
    }

    // ----- messages -----

    pub fn say(&mut self, text: impl Into<String>) {
        self.post(text.into(), false);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.post(text.into(), true);
    }

    /// Show a message in the status bar and keep it in the log.
    fn post(&mut self, text: String, is_error: bool) {
        let m = Message { text, is_error };
        if self.log.len() >= LOG_LIMIT {
            self.log.remove(0);
        }
        self.log.push(m.clone());
        self.message = Some(m);
    }

    // ----- the list -----

    fn push_issue_rows(&mut self, i: usize) {
        self.rows.push(ListRow::Issue(i));
        if !self.folded.contains(&i) {
            let n = self.corpus.issues[i].articles.len();
            self.rows.extend((0..n).map(|a| ListRow::article(i, a)));
        }
    }

    /// Show only these articles in the list, grouped under their
    /// issues, or everything with `None`. The selection moves to the first row.
    pub fn set_filter(&mut self, filter: Option<Vec<ArticleAt>>) {
        self.filter = filter;
        self.rebuild_rows();
        self.selected = 0;
        self.list_offset = 0;
        self.sync_reader();
    }

    /// Recompute `rows` after a change of filter or folds, keeping the selection on
    /// the same row (or its issue) when it is still there.
    pub fn rebuild_rows(&mut self) {
        let keep = self.rows.get(self.selected).copied();
        self.rows.clear();
        match &self.filter {
            None => {
                for i in self.issue_order() {
                    self.push_issue_rows(i);
                }
            }
            Some(hits) => {
                let mut last: Option<usize> = None;
                let mut rows = Vec::with_capacity(hits.len() * 2);
                for &at in hits {
                    if at.find(&self.corpus.issues).is_none() {
                        continue;
                    }
                    let i = at.issue;
                    if last != Some(i) {
                        rows.push(ListRow::Issue(i));
                        last = Some(i);
                    }
                    if !self.folded.contains(&i) {
                        rows.push(ListRow::Article(at));
                    }
                }
                self.rows = rows;
            }
        }
        if let Some(keep) = keep {
            let pos = self.rows.iter().position(|r| *r == keep).or_else(|| {
                self.rows
                    .iter()
                    .position(|r| *r == ListRow::Issue(keep.issue()))
            });
            self.selected = pos.unwrap_or(0);
        }
        self.clamp_selection();
    }

    /// The selected row.
    pub fn selected_row(&self) -> Option<ListRow> {
        self.rows.get(self.selected).copied()
    }

    /// The selected article, when an article row is selected.
    pub fn selected_article(&self) -> Option<(ArticleAt, &Article)> {
        match self.selected_row()? {
            ListRow::Article(at) => Some((at, at.article_in(&self.corpus.issues)?)),
            ListRow::Issue(_) => None,
        }
    }

    /// The articles a batch action works on: the marked ones, else the selected one.
    pub fn batch(&self) -> Vec<ArticleAt> {
        if self.marks.is_empty() {
            self.selected_article()
                .map(|(at, _)| vec![at])
                .unwrap_or_default()
        } else {
            let mut v: Vec<_> = self.marks.iter().copied().collect();
            v.sort_unstable();
            v
        }
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.size, self.focus, self.tag_pane_len())
    }

    /// Rows of the list pane's inside.
    pub fn list_height(&self) -> usize {
        layout::areas(self.size, Pane::List, self.tag_pane_len())
            .list
            .map_or(1, |r| layout::inner(r).height.max(1) as usize)
    }

    /// Lines of the reader pane's inside.
    pub fn reader_height(&self) -> usize {
        self.reader_area()
            .map_or(1, |r| layout::inner(r).height.max(1) as usize)
    }

    /// Where the reader is drawn (in narrow layouts, where it would be if focused).
    fn reader_area(&self) -> Option<Rect> {
        layout::areas(self.size, Pane::Reader, self.tag_pane_len()).reader
    }

    fn clamp_selection(&mut self) {
        if self.rows.is_empty() {
            self.selected = 0;
            self.list_offset = 0;
            return;
        }
        self.selected = self.selected.min(self.rows.len() - 1);
        let h = self.list_height();
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + h {
            self.list_offset = self.selected + 1 - h;
        }
        let max_offset = self.rows.len().saturating_sub(h);
        self.list_offset = self.list_offset.min(max_offset);
    }

    /// Select list row `row`, scrolled into view.
    pub(super) fn select(&mut self, row: usize) {
        self.selected = row;
        self.clamp_selection();
        self.sync_reader();
    }

    fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let last = self.rows.len() as isize - 1;
        let to = (self.selected as isize + delta).clamp(0, last);
        self.select(to as usize);
    }

    fn jump_issue(&mut self, forward: bool) {
        let Some(cur) = self.selected_row() else {
            return;
        };
        let here = self
            .rows
            .iter()
            .position(|r| *r == ListRow::Issue(cur.issue()))
            .unwrap_or(self.selected);
        let pos = if forward {
            self.rows
                .iter()
                .enumerate()
                .skip(here + 1)
                .find(|(_, r)| matches!(r, ListRow::Issue(_)))
                .map(|(k, _)| k)
        } else {
            self.rows[..here]
                .iter()
                .rposition(|r| matches!(r, ListRow::Issue(_)))
        };
        if let Some(k) = pos {
            // Land on the issue's first article when it is unfolded.
            let k = match self.rows.get(k + 1) {
                Some(ListRow::Article(..)) => k + 1,
                _ => k,
            };
            self.select(k);
        }
    }

    /// Select the first listed issue dated on or after `date` (`2024`,
    /// `2024-05`, `2024-05-03`, also with `/` or `.`), unfolded, on its first
    /// article; else say there is none.
    fn jump_to_date(&mut self, date: &str) {
        let want: String = date
            .chars()
            .map(|c| if c == '/' || c == '.' { '-' } else { c })
            .collect();
        let ok = !want.is_empty()
            && want.len() <= 10
            && want.chars().all(|c| c.is_ascii_digit() || c == '-')
            && want.starts_with(|c: char| c.is_ascii_digit());
        if !ok {
            self.error(format!(
                "\"{date}\" is not a date: write 2024, 2024-05 or 2024-05-03"
            ));
            return;
        }
        let target = self
            .rows
            .iter()
            .filter_map(|r| match r {
                ListRow::Issue(i) => Some(*i),
                ListRow::Article(..) => None,
            })
            .filter_map(|i| Some((i, self.corpus.issues.get(i)?.date.clone()?)))
            .filter(|(_, d)| d.as_str() >= want.as_str() || d.starts_with(&want))
            .min_by(|a, b| a.1.cmp(&b.1));
        let Some((i, d)) = target else {
            self.say(format!("no listed issue on or after {want}"));
            return;
        };
        if self.folded.remove(&i) {
            self.rebuild_rows();
        }
        if let Some(k) = self.rows.iter().position(|r| *r == ListRow::Issue(i)) {
            let k = match self.rows.get(k + 1) {
                Some(ListRow::Article(..)) => k + 1,
                _ => k,
            };
            self.select(k);
            self.say(format!("{d}: {}", self.corpus.issues[i].label()));
        }
    }

    /// Select the next article in the list (after the selection, wrapping
    /// round) that carries no tag, unfolding its issue if need be.
    fn next_untagged(&mut self) {
        let order: Vec<ArticleAt> = match &self.filter {
            Some(hits) => hits.clone(),
            None => self
                .issue_order()
                .into_iter()
                .flat_map(|i| {
                    let n = self.corpus.issues[i].articles.len();
                    (0..n).map(move |a| ArticleAt::new(i, a))
                })
                .collect(),
        };
        // After the article selected; on an issue row, from its first article.
        let start = match self.selected_row() {
            Some(ListRow::Article(at)) => order.iter().position(|x| *x == at).map_or(0, |p| p + 1),
            Some(ListRow::Issue(i)) => order.iter().position(|x| x.issue == i).unwrap_or(0),
            None => 0,
        };
        let n = order.len();
        let found = (0..n)
            .map(|k| order[(start + k) % n.max(1)])
            .find(|&at| self.tags_of(at).is_empty());
        let Some(at) = found else {
            self.say("every listed article is tagged");
            return;
        };
        if self.folded.remove(&at.issue) {
            self.rebuild_rows();
        }
        if let Some(k) = self.rows.iter().position(|r| *r == ListRow::Article(at)) {
            self.select(k);
        }
    }

    fn toggle_fold(&mut self) {
        let Some(row) = self.selected_row() else {
            return;
        };
        let i = row.issue();
        if !self.folded.remove(&i) {
            self.folded.insert(i);
        }
        // Keep the issue row selected.
        if let Some(k) = self.rows.iter().position(|r| *r == ListRow::Issue(i)) {
            self.selected = k;
        }
        self.rebuild_rows();
        self.sync_reader();
    }

    /// Scroll the list view without moving the selection unless it leaves the view.
    fn scroll_list(&mut self, delta: isize) {
        let h = self.list_height();
        let max_offset = self.rows.len().saturating_sub(h) as isize;
        self.list_offset = (self.list_offset as isize + delta).clamp(0, max_offset.max(0)) as usize;
        if self.selected < self.list_offset {
            self.selected = self.list_offset;
            self.sync_reader();
        } else if self.selected >= self.list_offset + h {
            self.selected = self.list_offset + h - 1;
            self.sync_reader();
        }
    }

    // ----- the reader -----

    /// Re-wrap the reader when the selection or the reader's width changed.
    pub fn sync_reader(&mut self) {
        let width = self
            .reader_area()
            .map_or(0, |r| layout::inner(r).width as usize);
        let row = self.selected_row();
        let memos = self.memo_texts(row);
        let memos_changed = self.reader.memos != memos;
        if self.reader.row != row || self.reader.width != width || memos_changed {
            let same = self.reader.row == row;
            let scroll = self.reader.scroll;
            self.reader = ReaderView::build(&self.corpus.issues, &self.stories, memos, row, width);
            // A new article opens at its top (a story's part at that part).
            self.reader.scroll = if same { scroll } else { self.reader.start };
        }
        let max = self.reader.max_scroll(self.reader_height());
        self.reader.scroll = self.reader.scroll.min(max);
    }

    /// Move by `delta` rows in the focused pane: the list's selection, the
    /// reader's scroll or the tag pane's selection.
    fn move_in_focus(&mut self, delta: isize) {
        match self.focus {
            Pane::List => self.move_by(delta),
            Pane::Reader => self.scroll_reader(delta),
            Pane::Tags => self.move_tag(delta),
        }
    }

    fn scroll_reader(&mut self, delta: isize) {
        let max = self.reader.max_scroll(self.reader_height()) as isize;
        self.reader.scroll = (self.reader.scroll as isize + delta).clamp(0, max.max(0)) as usize;
    }

    // ----- input -----

    /// The layer that has the keyboard now.
    pub fn layer(&self) -> Layer {
        match &self.mode {
            Overlay::Panes => Layer::Panes,
            Overlay::Help(_) => Layer::Help,
            Overlay::Export(_) => Layer::Export,
            Overlay::Stats(_) => Layer::Stats,
            Overlay::Search => Layer::Search,
            Overlay::ConfirmBulk => Layer::Confirm,
            Overlay::NewTag => Layer::NewTag,
            Overlay::Memo => Layer::Memo,
            Overlay::PickTag(_) | Overlay::PickSearch(_) => Layer::Picker,
            Overlay::EditTag(_) => Layer::TagEdit,
            Overlay::ConfirmRename(_) => Layer::Confirm,
            Overlay::JumpToDate => Layer::JumpToDate,
            Overlay::Triage => Layer::Triage,
            Overlay::Adjudicate => Layer::Adjudicate,
            Overlay::Messages { .. } => Layer::Messages,
            Overlay::Page => self.page.as_ref().map_or(Layer::Page, |v| v.layer()),
        }
    }

    /// A key from the terminal: presses only; it goes through the keymap of the
    /// layer that has the keyboard (text prompts get the keys bound to nothing).
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        // Esc then a key, typed quickly, arrives as Alt-key (tmux holds Esc for
        // `escape-time`): where Alt-key means nothing, do both. Prompts that
        // take text keep Alt-keys for the text.
        if !self.layer_binds(key)
            && !matches!(
                self.layer(),
                Layer::Search
                    | Layer::NewTag
                    | Layer::TagEdit
                    | Layer::Memo
                    | Layer::Export
                    | Layer::JumpToDate
                    | Layer::Picker
            )
            && let Some((esc, plain)) = split_alt(key)
        {
            self.handle_key(esc);
            self.handle_key(plain);
            return;
        }
        match self.mode {
            Overlay::Triage => self.triage_key(key),
            Overlay::Adjudicate => self.adjudicate_key(key),
            Overlay::ConfirmBulk => {
                if let Some(a) = self.keymap.confirm.action_for(key) {
                    self.confirm_bulk(a == ConfirmAction::Yes);
                }
            }
            Overlay::ConfirmRename(_) => {
                if let Some(a) = self.keymap.confirm.action_for(key) {
                    self.confirm_rename(a == ConfirmAction::Yes);
                }
            }
            Overlay::EditTag(_) => self.tag_edit_key(key),
            Overlay::JumpToDate => match self.keymap.jump_to_date.action_for(key) {
                Some(JumpAction::Jump) => {
                    self.mode = Overlay::Panes;
                    let date = self.date_input.value().trim().to_string();
                    self.jump_to_date(&date);
                }
                Some(JumpAction::Cancel) => self.mode = Overlay::Panes,
                None => {
                    use tui_input::backend::crossterm::EventHandler;
                    self.date_input
                        .handle_event(&crossterm::event::Event::Key(key));
                }
            },
            Overlay::NewTag => match self.keymap.new_tag.action_for(key) {
                Some(NewTagAction::Create) => self.finish_new_tag(true),
                Some(NewTagAction::Cancel) => self.finish_new_tag(false),
                None => self.edit_new_tag(key),
            },
            Overlay::Memo => match self.keymap.memo.action_for(key) {
                Some(MemoAction::Save) => self.finish_memo(true),
                Some(MemoAction::Cancel) => self.finish_memo(false),
                None => self.edit_memo_text(key),
            },
            Overlay::Help(_) => {
                if let Some(a) = self.keymap.help.action_for(key) {
                    self.update_help(a);
                }
            }
            Overlay::Stats(_) => {
                if let Some(a) = self.keymap.stats.action_for(key) {
                    self.update_stats(a);
                }
            }
            Overlay::Messages { .. } => {
                if let Some(a) = self.keymap.messages.action_for(key) {
                    self.update_messages(a);
                }
            }
            Overlay::Panes => {
                if let Some(action) = self.keymap.panes.action_for(key) {
                    self.update(action);
                }
            }
            Overlay::Export(_) => self.export_key(key),
            Overlay::PickTag(_) => self.pick_tag_key(key),
            Overlay::PickSearch(_) => super::searching::pick_saved_key(self, key),
            Overlay::Search => super::searching::handle_key(self, key),
            Overlay::Page => self.page_key(key),
        }
    }

    /// `j/k scroll · Esc closes` for the overlay that has the keyboard, from its
    /// keymap.
    pub fn close_hint(&self) -> String {
        let (down, up, close) = match self.mode {
            Overlay::Messages { .. } => (
                self.keymap.messages.first_key(MessagesAction::ScrollDown),
                self.keymap.messages.first_key(MessagesAction::ScrollUp),
                self.keymap.messages.first_key(MessagesAction::Close),
            ),
            Overlay::Stats(_) => (
                self.keymap.stats.first_key(StatsAction::ScrollDown),
                self.keymap.stats.first_key(StatsAction::ScrollUp),
                self.keymap.stats.first_key(StatsAction::Close),
            ),
            _ => (
                self.keymap.help.first_key(HelpAction::ScrollDown),
                self.keymap.help.first_key(HelpAction::ScrollUp),
                self.keymap.help.first_key(HelpAction::Close),
            ),
        };
        let mut parts = Vec::new();
        if let (Some(d), Some(u)) = (down, up) {
            parts.push(format!("{d}/{u} scroll"));
        }
        if let Some(c) = close {
            parts.push(format!("{c} closes"));
        }
        parts.join(" · ")
    }

    /// Whether the layer that has the keyboard binds `key` (triage: or a tag's).
    fn layer_binds(&self, key: KeyEvent) -> bool {
        let km = &self.keymap;
        match self.layer() {
            Layer::Panes => km.panes.action_for(key).is_some(),
            Layer::Help => km.help.action_for(key).is_some(),
            Layer::Stats => km.stats.action_for(key).is_some(),
            Layer::Triage => {
                km.triage.action_for(key).is_some() || km.panes.action_for(key).is_some()
            }
            Layer::Adjudicate => {
                km.adjudicate.action_for(key).is_some() || km.panes.action_for(key).is_some()
            }
            Layer::Confirm => km.confirm.action_for(key).is_some(),
            Layer::NewTag => km.new_tag.action_for(key).is_some(),
            Layer::TagEdit => km.tag_edit.action_for(key).is_some(),
            Layer::Memo => km.memo.action_for(key).is_some(),
            Layer::JumpToDate => km.jump_to_date.action_for(key).is_some(),
            Layer::Export => km.export.action_for(key).is_some(),
            Layer::Search => km.search.action_for(key).is_some(),
            Layer::Messages => km.messages.action_for(key).is_some(),
            Layer::Page => km.page.action_for(key).is_some(),
            Layer::Picker => km.picker.action_for(key).is_some(),
        }
    }

    /// Open help, listing `from`'s keys first.
    pub fn open_help(&mut self, from: Layer) {
        let view = HelpView::new(
            &self.keymap,
            &self.config.tags,
            super::search_bar::SYNTAX,
            from,
        );
        self.mode = Overlay::Help(Box::new(view));
    }

    /// Apply one action. The only place state changes in response to the user.
    pub fn update(&mut self, action: Action) {
        if !matches!(
            self.mode,
            Overlay::Panes | Overlay::Search | Overlay::Export(_)
        ) {
            // Overlays take the pointer's wheel; everything but a resize is theirs.
            match action {
                Action::Resize { width, height } => {
                    let mode = std::mem::replace(&mut self.mode, Overlay::Panes);
                    self.update(Action::Resize { width, height });
                    self.mode = mode;
                }
                Action::Wheel { lines, .. } => match &mut self.mode {
                    Overlay::Help(_) if lines > 0 => self.update_help(HelpAction::ScrollDown),
                    Overlay::Help(_) => self.update_help(HelpAction::ScrollUp),
                    Overlay::Stats(_) if lines > 0 => self.update_stats(StatsAction::ScrollDown),
                    Overlay::Stats(_) => self.update_stats(StatsAction::ScrollUp),
                    Overlay::Messages { .. } if lines > 0 => {
                        self.update_messages(MessagesAction::ScrollDown)
                    }
                    Overlay::Messages { .. } => self.update_messages(MessagesAction::ScrollUp),
                    Overlay::Page => self.page_wheel(lines),
                    _ => {}
                },
                _ => {}
            }
            return;
        }
        let page = match self.focus {
            Pane::Reader => self.reader_height().saturating_sub(1).max(1),
            _ => self.list_height().saturating_sub(1).max(1),
        } as isize;
        match action {
            Action::Quit => self.ask_quit(),
            Action::RetrySave => {
                self.tagging.saves.quit_asked = false;
                self.tag_work(super::tag_saves::TagWork::Retry);
            }
            Action::Suspend => self.hand_over = Some(HandOver::Suspend),
            Action::OpenInEditor => match self.selected_row() {
                Some(ListRow::Article(at)) => {
                    let issue = &self.corpus.issues[at.issue];
                    let line = issue.articles.get(at.article).map_or(1, |x| x.line.max(1));
                    self.hand_over = Some(HandOver::Edit {
                        path: issue.path.clone(),
                        line,
                    });
                }
                Some(ListRow::Issue(i)) => {
                    self.hand_over = Some(HandOver::Edit {
                        path: self.corpus.issues[i].path.clone(),
                        line: 1,
                    });
                }
                None => self.say("select an article to open in the editor"),
            },
            Action::Help => self.open_help(Layer::Panes),
            Action::PageView => self.open_page(),
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.clamp_selection();
                self.sync_reader();
            }
            Action::NextPane | Action::PrevPane => {
                let order = Pane::ALL;
                let k = order.iter().position(|p| *p == self.focus).unwrap_or(0);
                let step = if action == Action::NextPane { 1 } else { 2 };
                self.focus = order[(k + step) % 3];
                self.clamp_selection();
            }
            Action::MoveDown => self.move_in_focus(1),
            Action::MoveUp => self.move_in_focus(-1),
            Action::PageDown => self.move_in_focus(page),
            Action::PageUp => self.move_in_focus(-page),
            Action::Bottom => self.move_in_focus(isize::MAX / 2),
            Action::Top => self.move_in_focus(-(isize::MAX / 2)),
            Action::Open => match self.focus {
                Pane::List => match self.selected_row() {
                    Some(ListRow::Issue(_)) => self.toggle_fold(),
                    Some(ListRow::Article(..)) => {
                        self.focus = Pane::Reader;
                        self.reader.scroll = 0;
                    }
                    None => {}
                },
                Pane::Reader => {}
                Pane::Tags => {
                    self.activate_tag_row(self.tag_selected);
                    self.relearn();
                }
            },
            Action::Back => match self.focus {
                Pane::Reader | Pane::Tags => {
                    self.focus = Pane::List;
                    self.clamp_selection();
                }
                Pane::List => match self.selected_row() {
                    Some(ListRow::Article(at)) => {
                        if let Some(k) = self
                            .rows
                            .iter()
                            .position(|r| *r == ListRow::Issue(at.issue))
                        {
                            self.select(k);
                        }
                    }
                    Some(ListRow::Issue(i)) if !self.folded.contains(&i) => self.toggle_fold(),
                    _ => {}
                },
            },
            Action::NextUntagged => self.next_untagged(),
            Action::JumpToDate => {
                self.date_input = tui_input::Input::default();
                self.mode = Overlay::JumpToDate;
            }
            Action::NextIssue => self.jump_issue(true),
            Action::PrevIssue => self.jump_issue(false),
            Action::Fold => self.toggle_fold(),
            Action::Mark => {
                if let Some((at, _)) = self.selected_article()
                    && !self.marks.remove(&at)
                {
                    self.marks.insert(at);
                }
                if self.focus == Pane::List {
                    self.move_by(1);
                }
            }
            Action::MarkAll => {
                for r in &self.rows {
                    if let ListRow::Article(at) = r {
                        self.marks.insert(*at);
                    }
                }
                self.say(format!(
                    "{} marked",
                    crate::text::count(self.marks.len(), "article")
                ));
            }
            Action::ClearMarks => {
                self.marks.clear();
                self.say("marks cleared");
            }
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, lines } => self.wheel(column, row, lines),
            Action::Search => super::searching::open(self),
            Action::PickSavedSearch => super::searching::open_saved(self),
            Action::NextMatch | Action::PrevMatch => {
                super::searching::jump(self, action == Action::NextMatch)
            }
            Action::EditMemo => self.open_memo(),
            Action::PickTag => self.open_tag_picker(),
            Action::RenameTag => self.open_tag_edit(super::tag_edit::TagPromptKind::Rename),
            Action::RecolorTag => self.open_tag_edit(super::tag_edit::TagPromptKind::Recolor),
            Action::ToggleTag(_) | Action::Undo | Action::Redo | Action::NewTag => {
                self.tag_action(action);
                self.relearn();
            }
            Action::AcceptSuggestions | Action::Triage => self.suggest_action(action),
            Action::Adjudicate => self.open_adjudication(),
            Action::Export => self.open_export(),
            Action::Messages => {
                // Newest at the bottom, shown first.
                let scroll = super::message_log::max_scroll(&self.log, self.body_area());
                self.mode = Overlay::Messages { scroll };
            }
            Action::Stats => {
                let view = self.stats_view();
                self.mode = Overlay::Stats(Box::new(view));
            }
        }
    }

    /// The body area overlays cover: all but the status bar.
    pub fn body_area(&self) -> Rect {
        let sh = layout::status_height(self.size.height);
        Rect {
            height: self.size.height.saturating_sub(sh),
            ..self.size
        }
    }

    fn update_help(&mut self, action: HelpAction) {
        let body = self.body_area();
        let Overlay::Help(view) = &mut self.mode else {
            return;
        };
        let page = body.height.saturating_sub(3).max(1) as isize;
        match action {
            HelpAction::Close => {
                self.mode = match view.from {
                    Layer::Triage => Overlay::Triage,
                    Layer::Page if self.page.is_some() => Overlay::Page,
                    Layer::Adjudicate => Overlay::Adjudicate,
                    _ => Overlay::Panes,
                };
            }
            HelpAction::ScrollDown => view.scroll_by(1, body),
            HelpAction::ScrollUp => view.scroll_by(-1, body),
            HelpAction::PageDown => view.scroll_by(page, body),
            HelpAction::PageUp => view.scroll_by(-page, body),
            HelpAction::Top => view.scroll_by(isize::MIN / 2, body),
            HelpAction::Bottom => view.scroll_by(isize::MAX / 2, body),
        }
    }

    fn update_messages(&mut self, action: MessagesAction) {
        let body = self.body_area();
        let Overlay::Messages { scroll } = self.mode else {
            return;
        };
        let max = super::message_log::max_scroll(&self.log, body) as isize;
        let page = body.height.saturating_sub(3).max(1) as isize;
        let to = |delta: isize| Overlay::Messages {
            scroll: (scroll as isize).saturating_add(delta).clamp(0, max.max(0)) as usize,
        };
        self.mode = match action {
            MessagesAction::Close => Overlay::Panes,
            MessagesAction::ScrollDown => to(1),
            MessagesAction::ScrollUp => to(-1),
            MessagesAction::PageDown => to(page),
            MessagesAction::PageUp => to(-page),
            MessagesAction::Top => to(isize::MIN / 2),
            MessagesAction::Bottom => to(isize::MAX / 2),
        };
    }

    fn update_stats(&mut self, action: StatsAction) {
        let body = self.body_area();
        let Overlay::Stats(view) = &mut self.mode else {
            return;
        };
        let page = body.height.saturating_sub(3).max(1) as isize;
        match action {
            StatsAction::Close => self.mode = Overlay::Panes,
            StatsAction::ScrollDown => view.scroll_by(1, body),
            StatsAction::ScrollUp => view.scroll_by(-1, body),
            StatsAction::PageDown => view.scroll_by(page, body),
            StatsAction::PageUp => view.scroll_by(-page, body),
            StatsAction::Top => view.scroll_by(isize::MIN / 2, body),
            StatsAction::Bottom => view.scroll_by(isize::MAX / 2, body),
        }
    }

    fn move_tag(&mut self, delta: isize) {
        let n = self.tag_pane_len() as isize;
        if n == 0 {
            return;
        }
        self.tag_selected = (self.tag_selected as isize + delta).clamp(0, n - 1) as usize;
    }

    fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        let Some(pane) = areas.pane_at(column, row) else {
            return;
        };
        self.focus = pane;
        let Some(rect) = areas.of(pane) else { return };
        let inner = layout::inner(rect);
        if row < inner.y || row >= inner.bottom() {
            return;
        }
        let line = (row - inner.y) as usize;
        match pane {
            Pane::List => {
                let k = self.list_offset + line;
                if k < self.rows.len() {
                    if k == self.selected && matches!(self.rows[k], ListRow::Issue(_)) {
                        self.toggle_fold();
                    } else {
                        self.select(k);
                    }
                }
            }
            Pane::Tags => {
                let k = super::tag_pane::offset(self.tag_selected, inner.height as usize) + line;
                if k < self.tag_pane_len() {
                    self.tag_selected = k;
                }
            }
            Pane::Reader => {}
        }
    }

    fn wheel(&mut self, column: u16, row: u16, lines: i16) {
        let step = self.config.ui.wheel_step.max(1) as isize;
        let delta = lines.signum() as isize * step;
        match self.areas().pane_at(column, row) {
            Some(Pane::List) => self.scroll_list(delta),
            Some(Pane::Reader) => self.scroll_reader(delta),
            Some(Pane::Tags) => self.move_tag(delta.signum()),
            None => {}
        }
    }
}

/// An unbound Alt-key as the Esc and the key it probably was.
fn split_alt(key: KeyEvent) -> Option<(KeyEvent, KeyEvent)> {
    use crossterm::event::{KeyCode, KeyModifiers};
    if !key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let mut plain = key;
    plain.modifiers.remove(KeyModifiers::ALT);
    Some((esc, plain))
}

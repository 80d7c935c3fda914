//! The page view in the app: opening it on the selected article, carrying out
//! what it asks (corrections, asked about first when they change tags), taking
//! in the session's page job results (the issue's corrected articles and
//! re-read tags replace the old ones in the list and the reader), and undo/redo
//! of corrections in one history with tag changes.

use super::app::{App, ListRow, Overlay};
use super::page_view::{Intent, PageView};
use crate::article::ArticleAt;
use crate::correct::file::TagDelta;
use crate::correct::{Correction, Op};
use crate::session::page_job::{PageEdit, PageJob, PageRead};

/// At most this many parts are offered to link an article to (`L`).
pub const LINK_CHOICES: usize = 5000;

/// One correction made in this session, for undo and redo.
#[derive(Debug, Clone)]
pub struct CorrectionStep {
    /// The issue's relative path.
    pub rel: String,
    /// The correction as saved (as asked, when it cancelled an earlier one).
    pub correction: Correction,
    /// Whether the sidecar kept it (not when it undid an earlier one).
    pub saved: bool,
    /// Earlier corrections it took out of the sidecar, with their places.
    pub cancelled: Vec<(usize, Correction)>,
    /// What it did to the tags of the issue's sidecars: an undo takes back
    /// exactly that, a redo does it again.
    pub delta: TagDelta,
    /// How deep the tag history was (undo side: its undo steps when the
    /// correction was made; redo side: its redo steps when it was undone): the
    /// correction is next in line when the tag history is that deep again.
    pub tag_depth: usize,
}

/// Corrections that can be undone and redone, in order with tag changes.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    pub undo: Vec<CorrectionStep>,
    pub redo: Vec<CorrectionStep>,
    /// What the page job running now was asked for.
    pending: Option<Pending>,
}

#[derive(Debug, Clone)]
enum Pending {
    /// A new correction, or one redone.
    Make { redo: bool },
    /// The last correction, undone.
    Undo(Box<CorrectionStep>),
}

impl App {
    /// `v`: the page view of the selected article's issue, on that article.
    pub(super) fn open_page(&mut self) {
        let (issue, article) = match self.selected_row() {
            Some(ListRow::Article(at)) => (at.issue, Some(at.article)),
            Some(ListRow::Issue(i)) => (i, None),
            None => {
                self.say("select an article to see its page");
                return;
            }
        };
        let Some(is) = self.corpus.issues.get(issue) else {
            return;
        };
        let view = PageView::new(issue, &is.rel, &is.label(), article);
        self.page = Some(Box::new(view));
        self.mode = Overlay::Page;
        self.start_page_job(issue, PageEdit::Read);
    }

    /// Run the page job for issue `issue` (in the background when the run
    /// loop listens, else now).
    fn start_page_job(&mut self, issue: usize, edit: PageEdit) {
        let Some(is) = self.corpus.issues.get(issue) else {
            return;
        };
        if let Some(view) = self.page.as_mut() {
            view.busy = true;
        }
        let job = PageJob {
            root: self.corpus.root.clone(),
            issue: is.clone(),
            at: issue,
            sidecar_dir: self.config.sidecar_dir(),
            team: self.tagging.team.clone(),
            edit,
        };
        match self.notify.clone() {
            Some(notify) => crate::session::page_job::spawn_page(job, notify),
            None => self.page_read(job.run()),
        }
    }

    /// A key while the page view is open.
    pub(super) fn page_key(&mut self, key: crossterm::event::KeyEvent) {
        let height = self.body_area().height.saturating_sub(2).max(1) as usize;
        let Some(view) = self.page.as_mut() else {
            self.mode = Overlay::Panes;
            return;
        };
        let intent = view.handle_key(&self.keymap, key, height);
        let area = self.body_area();
        if let Some(view) = self.page.as_mut() {
            view.keep_cursor_visible(area);
        }
        if let Some(intent) = intent {
            self.page_intent(intent);
        }
    }

    /// The pointer's wheel over the page view moves its cursor.
    pub(super) fn page_wheel(&mut self, lines: i16) {
        let step = self.config.ui.wheel_step.max(1) as isize * lines.signum() as isize;
        let area = self.body_area();
        if let Some(view) = self.page.as_mut()
            && view.prompt.is_none()
        {
            view.move_cursor(step);
            view.keep_cursor_visible(area);
        }
    }

    fn page_intent(&mut self, intent: Intent) {
        match intent {
            Intent::Close => {
                self.mode = Overlay::Panes;
                self.page = None;
            }
            Intent::Help => self.open_help(super::action::Layer::Page),
            Intent::Undo => self.undo_any(),
            Intent::Redo => self.redo_any(),
            Intent::Say(text) => self.say(text),
            Intent::Correct(c) if c.op == Some(Op::Unlink) && !self.part_of_a_story(&c.id) => {
                // An unlink of an article standing alone would change nothing.
                self.say(format!(
                    "{} is not part of a story across pages: nothing to unlink",
                    c.describe_part()
                ));
            }
            Intent::Correct(c) => {
                if let Some(why) = self.link_refused(&c) {
                    self.say(why);
                    return;
                }
                match self.tag_question(&c) {
                    Some(question) => {
                        if let Some(view) = self.page.as_mut() {
                            view.ask(c, question);
                        }
                    }
                    None => self.make_correction(c),
                }
            }
            Intent::PickLink { article } => self.open_link_picker(article),
            Intent::Confirmed(c) => self.make_correction(c),
            Intent::TagArticle { article, tags } => self.tag_new_part(article, &tags),
        }
    }

    /// `L`: the picker of the parts article `article` of the page could go on
    /// in: every other article of the corpus (at most [`LINK_CHOICES`]), those
    /// of the same issue date first, then the issues after this one.
    fn open_link_picker(&mut self, article: usize) {
        let Some(view) = self.page.as_ref() else {
            return;
        };
        let i = view.issue;
        let Some(id) = view.articles().get(article).map(|a| a.id.clone()) else {
            return;
        };
        let date = self.corpus.issues.get(i).and_then(|is| is.date.clone());
        let n = self.corpus.issues.len();
        let mut order: Vec<usize> = (0..n).map(|k| (i + k) % n).collect();
        order.sort_by_key(|&j| date.is_none() || self.corpus.issues[j].date != date);
        let mut parts = Vec::new();
        'issues: for j in order {
            let is = &self.corpus.issues[j];
            for a in is.articles.iter() {
                if j == i && a.id == id {
                    continue;
                }
                if parts.len() == LINK_CHOICES {
                    break 'issues;
                }
                let title = crate::text::fit_width(&crate::text::cell_text(&a.display_title()), 40);
                parts.push((
                    format!(
                        "{}  {}  {}",
                        crate::text::cell_text(&is.label()),
                        title.trim_end(),
                        a.id
                    ),
                    is.rel.clone(),
                    a.id.clone(),
                ));
            }
        }
        if parts.is_empty() {
            self.say("no other article to link it to");
            return;
        }
        if let Some(view) = self.page.as_mut() {
            view.pick_link(article, parts);
        }
    }

    /// Where the article `id` of the issue `rel` is in the corpus.
    fn part_at(&self, rel: &str, id: &str) -> Option<ArticleAt> {
        let i = self.corpus.issues.iter().position(|is| is.rel == rel)?;
        let a = self.corpus.issues[i]
            .articles
            .iter()
            .position(|a| a.id == id)?;
        Some(ArticleAt::new(i, a))
    }

    /// `"TITLE" (ISSUE#ID)` of the article at `at`, for messages.
    fn part_name(&self, at: ArticleAt) -> String {
        let Some((is, article)) = at.find(&self.corpus.issues) else {
            return String::new();
        };
        let title = crate::text::fit_width(&article.display_title(), 24);
        let id = article.id.as_str();
        format!(
            "\"{}\" ({}#{id})",
            title.trim_end(),
            crate::text::cell_text(&is.rel)
        )
    }

    /// Why the story link `c` cannot be made (a part not loaded, a part
    /// going on in itself, a loop: the other part comes before it in its
    /// story), as `newstag story link` refuses it; `None` for any other
    /// correction.
    fn link_refused(&self, c: &Correction) -> Option<String> {
        if c.op != Some(Op::Link) {
            return None;
        }
        let rel = self.page.as_ref().map(|v| v.rel.clone())?;
        let (Some(from), Some(to)) = (
            self.part_at(&rel, &c.id),
            self.part_at(&c.to_issue, &c.to_id),
        ) else {
            return Some("that part is not loaded: nothing linked".into());
        };
        if from == to {
            return Some("a part cannot go on in itself: nothing linked".into());
        }
        let before = self.stories.story_of(from).is_some_and(|(parts, n)| {
            parts
                .iter()
                .position(|p| *p == to)
                .is_some_and(|k| k + 1 < n)
        });
        before.then(|| {
            format!(
                "{} already goes on in {}: linking them would make a loop; nothing linked",
                self.part_name(to),
                self.part_name(from)
            )
        })
    }

    /// True when the article `id` of the page view's issue is a part of a
    /// story across pages (linked by its jump lines or by hand).
    fn part_of_a_story(&self, id: &str) -> bool {
        let Some(i) = self.page.as_ref().map(|v| v.issue) else {
            return false;
        };
        self.corpus
            .issues
            .get(i)
            .and_then(|is| is.articles.iter().position(|a| a.id == id))
            .is_some_and(|a| self.stories.story_of(ArticleAt::new(i, a)).is_some())
    }

    /// What a split or a join will do to tags, when the articles it touches
    /// carry any: the question to ask first. `None`: no tag changes hands.
    fn tag_question(&self, c: &Correction) -> Option<Vec<String>> {
        let view = self.page.as_ref()?;
        let issue = view.issue;
        let line = c.line;
        let holder = view
            .page
            .as_ref()?
            .view
            .get(line.wrapping_sub(1))?
            .article?;
        let title = |k: usize| {
            self.corpus
                .issues
                .get(issue)
                .and_then(|is| is.articles.get(k))
                .map(|a| crate::text::fit_width(&a.display_title(), 24))
                .unwrap_or_default()
        };
        let tags = |k: usize| self.tags_of(ArticleAt::new(issue, k)).join(", ");
        match c.op? {
            Op::SplitBefore => {
                let t = tags(holder);
                (!t.is_empty()).then(|| {
                    vec![
                        format!("Split \"{}\" before line {line}?", title(holder)),
                        format!(
                            "Its tags ({t}) stay on the part with its title; the other part starts with none."
                        ),
                    ]
                })
            }
            Op::Join => {
                let before = holder.checked_sub(1)?;
                let (a, b) = (tags(before), tags(holder));
                (!a.is_empty() || !b.is_empty()).then(|| {
                    let all: Vec<String> = self
                        .tags_of(ArticleAt::new(issue, before))
                        .into_iter()
                        .chain(self.tags_of(ArticleAt::new(issue, holder)))
                        .map(str::to_string)
                        .collect::<std::collections::BTreeSet<_>>()
                        .into_iter()
                        .collect();
                    vec![
                        format!(
                            "Join \"{}\" (line {line}) to \"{}\" before it?",
                            title(holder),
                            title(before)
                        ),
                        format!(
                            "The joined article carries the tags of both: {}.",
                            all.join(", ")
                        ),
                    ]
                })
            }
            Op::Link => {
                let from = self.part_at(&view.rel, &c.id)?;
                let to = self.part_at(&c.to_issue, &c.to_id)?;
                let set = |part: ArticleAt| -> std::collections::BTreeSet<String> {
                    self.tags_of(part).into_iter().map(str::to_string).collect()
                };
                let (a, b) = (set(from), set(to));
                (a != b).then(|| {
                    let all: Vec<String> = a.union(&b).cloned().collect();
                    vec![
                        format!(
                            "Link {} and {} into one story?",
                            self.part_name(from),
                            self.part_name(to)
                        ),
                        format!(
                            "Each part then carries the story's tags: {}.",
                            all.join(", ")
                        ),
                    ]
                })
            }
            Op::Role | Op::Move | Op::Unlink => None,
        }
    }

    /// Write a new correction of the page's issue.
    fn make_correction(&mut self, c: Correction) {
        let Some(issue) = self.page.as_ref().map(|v| v.issue) else {
            return;
        };
        self.journal.pending = Some(Pending::Make { redo: false });
        self.start_page_job(issue, PageEdit::Add(c));
    }

    /// Undo the last correction or tag change, whichever came last.
    pub(super) fn undo_any(&mut self) {
        let depth = self.tagging.store.history().undo_len();
        match self.journal.undo.last() {
            Some(step) if step.tag_depth == depth => {
                let Some(step) = self.journal.undo.pop() else {
                    return;
                };
                let Some(issue) = self.corpus.issues.iter().position(|i| i.rel == step.rel) else {
                    self.error(format!("cannot undo: {} is not loaded", step.rel));
                    return;
                };
                let edit = PageEdit::Undo {
                    correction: step.saved.then(|| step.correction.clone()),
                    cancelled: step.cancelled.clone(),
                    delta: step.delta.clone(),
                };
                self.journal.pending = Some(Pending::Undo(Box::new(step)));
                self.start_page_job(issue, edit);
            }
            _ => self.tag_work_next(super::tag_saves::TagWork::Undo),
        }
    }

    /// Redo the last correction or tag change undone, whichever was undone last.
    pub(super) fn redo_any(&mut self) {
        let depth = self.tagging.store.history().redo_len();
        match self.journal.redo.last() {
            Some(step) if step.tag_depth == depth => {
                let Some(step) = self.journal.redo.pop() else {
                    return;
                };
                let Some(issue) = self.corpus.issues.iter().position(|i| i.rel == step.rel) else {
                    self.error(format!("cannot redo: {} is not loaded", step.rel));
                    return;
                };
                let again = Correction {
                    note: String::new(),
                    ..step.correction
                };
                self.journal.pending = Some(Pending::Make { redo: true });
                let edit = PageEdit::Redo {
                    correction: again,
                    delta: step.delta,
                };
                self.start_page_job(issue, edit);
            }
            _ => self.tag_work_next(super::tag_saves::TagWork::Redo),
        }
    }

    /// A tag change was made (not an undo or redo of one): what was undone
    /// can no longer be redone.
    pub(super) fn forget_redo(&mut self) {
        self.journal.redo.clear();
    }

    /// The page job has finished.
    pub fn page_read(&mut self, read: PageRead) {
        let pending = self.journal.pending.take();
        if let Some(view) = self.page.as_mut() {
            view.busy = false;
        }
        let done = match read.result {
            Ok(done) => done,
            Err(why) => {
                if let Some(Pending::Undo(step)) = pending {
                    self.journal.undo.push(*step);
                }
                let what = match read.edit {
                    PageEdit::Read => "cannot show the page",
                    PageEdit::Add(_) => "no correction made",
                    PageEdit::Redo { .. } => "cannot redo the correction",
                    PageEdit::Undo { .. } => "cannot undo the correction",
                };
                self.error(format!("{}: {what}: {why}", read.rel));
                return;
            }
        };
        let area = self.body_area();
        let showing = self
            .page
            .as_ref()
            .is_some_and(|v| v.issue == read.at && v.rel == read.rel);
        let Some((changed, sidecars)) = done.changed else {
            if showing && let Some(view) = self.page.as_mut() {
                view.set_page(done.page);
                view.keep_cursor_visible(area);
            }
            return;
        };
        // The issue's articles as corrected now, with its tags read again.
        let at = read.at;
        let cursor_line = self.page.as_ref().map(|v| v.cursor_line());
        // The tags of the article that held the cursor's line before: a split
        // asks whether its new part gets them too.
        let old_tags: Vec<String> = cursor_line
            .and_then(|l| {
                let view = self.page.as_ref()?.page.as_ref()?;
                view.view.get(l.wrapping_sub(1))?.article
            })
            .map(|k| {
                self.tags_of(ArticleAt::new(at, k))
                    .into_iter()
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        if let Some(is) = self.corpus.issues.get_mut(at) {
            self.article_total = self.article_total - is.articles.len() + done.issue.articles.len();
            *is = done.issue;
        }
        self.tagging.store.add_loaded(sidecars);
        self.marks.retain(|marked| marked.issue != at);
        let holder = cursor_line.and_then(|l| done.page.view.get(l.wrapping_sub(1))?.article);
        if showing && let Some(view) = self.page.as_mut() {
            view.set_page(done.page);
            view.keep_cursor_visible(area);
        }
        self.corpus_articles_changed(at, holder);
        let depth_undo = self.tagging.store.history().undo_len();
        let depth_redo = self.tagging.store.history().redo_len();
        let fresh = matches!(pending, Some(Pending::Make { redo: false }));
        let message = match pending {
            Some(Pending::Undo(mut step)) => {
                step.tag_depth = depth_redo;
                let text = format!("undid: {}", step.correction.describe());
                self.journal.redo.push(*step);
                text
            }
            Some(Pending::Make { redo }) => {
                let asked = match &read.edit {
                    PageEdit::Add(c) | PageEdit::Redo { correction: c, .. } => c.clone(),
                    PageEdit::Read | PageEdit::Undo { .. } => return,
                };
                if !redo {
                    self.journal.redo.clear();
                }
                let saved = changed.added.is_some();
                let c = changed.added.clone().unwrap_or(asked);
                let mut text = format!("{}{}", if redo { "redid: " } else { "" }, c.describe());
                for (_, earlier) in &changed.cancelled {
                    let how = if saved { "replaces" } else { "undoes" };
                    text.push_str(&format!(" ({how} {})", earlier.describe()));
                }
                if !saved {
                    text.push_str(", no correction kept");
                }
                self.journal.undo.push(CorrectionStep {
                    rel: read.rel.clone(),
                    correction: c,
                    saved,
                    cancelled: changed.cancelled.clone(),
                    delta: changed.delta.clone(),
                    tag_depth: depth_undo,
                });
                text
            }
            None => String::from("page changed"),
        };
        let mut parts = vec![format!(
            "{message}: {} (was {})",
            crate::text::count(changed.after.articles.len(), "article"),
            changed.before.len()
        )];
        for m in &changed.moves {
            match &m.to {
                Some((_, title)) => parts.push(format!(
                    "tags {} of \"{}\" now on \"{title}\"",
                    m.tags.join(", "),
                    m.from.1
                )),
                None => parts.push(format!(
                    "tags {} of \"{}\" kept as orphans",
                    m.tags.join(", "),
                    m.from.1
                )),
            }
        }
        if !changed.kept.is_empty() {
            parts.push(format!(
                "tags {} changed since: left as they are",
                changed.kept.join(", ")
            ));
        }
        // Which new article got no tags matters when there were tags to follow.
        for (_, title) in changed.untagged_new.iter().filter(|_| changed.had_tags) {
            parts.push(format!("\"{title}\" has no tags"));
        }
        self.say(parts.join("; "));
        let split =
            fresh && matches!(&read.edit, PageEdit::Add(c) if c.op == Some(Op::SplitBefore));
        if split
            && !old_tags.is_empty()
            && let Some(k) = holder
            && self.tags_of(ArticleAt::new(at, k)).is_empty()
            && let Some(view) = self.page.as_mut()
        {
            let title = view
                .articles()
                .get(k)
                .map(|a| crate::text::fit_width(&a.display_title(), 30))
                .unwrap_or_default();
            view.prompt = Some(super::page_view::Prompt::TagNewPart {
                article: k,
                question: vec![
                    format!("The new part \"{title}\" has no tags."),
                    format!("Give it {} too?", old_tags.join(", ")),
                ],
                tags: old_tags,
            });
        }
    }

    /// Give article `article` of the page view's issue `tags` (one undo step).
    fn tag_new_part(&mut self, article: usize, tags: &[String]) {
        let Some(issue) = self.page.as_ref().map(|v| v.issue) else {
            return;
        };
        let mark = crate::tags::TagMark {
            coder: self.tagging.store.coder().to_string(),
            ..crate::tags::TagMark::now(crate::tags::Source::Hand)
        };
        let edits: Vec<_> = tags
            .iter()
            .map(|t| {
                (
                    ArticleAt::new(issue, article),
                    t.clone(),
                    Some(mark.clone()),
                )
            })
            .collect();
        let label = tags
            .iter()
            .map(|t| format!("+{t}"))
            .collect::<Vec<_>>()
            .join(" ");
        self.tag_work(super::tag_saves::TagWork::Marks { edits, label });
    }

    /// Issue `at`'s articles were replaced: the list, the reader, the search
    /// and the suggestions follow; the selection goes to article `holder`.
    fn corpus_articles_changed(&mut self, at: usize, holder: Option<usize>) {
        // Always: an index still being built when the correction came was fed
        // the issue's old articles (it starts again); a ready one replaces the
        // issue's documents only.
        super::searching::issue_changed(self, at);
        self.rebuild_rows();
        let n = self.corpus.issues.get(at).map_or(0, |i| i.articles.len());
        let target = match holder {
            Some(k) if k < n => ListRow::article(at, k),
            _ => ListRow::Issue(at),
        };
        if let Some(k) = self.rows.iter().position(|r| *r == target) {
            self.selected = k;
        }
        self.relink_stories();
        self.select(self.selected);
        if self.suggest.suggester.is_some() {
            self.start_suggestions();
        }
    }
}

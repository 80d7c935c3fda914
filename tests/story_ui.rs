//! Stories across pages in the TUI: one day's page 1 and page 3, a story
//! jumping from one to the other, is read whole from either part (each part
//! under a line saying which it is and where it comes from) and tagged once: a
//! tag set on page 3's part shows on page 1's row, and taking it off page 1's
//! row takes it off the story; the stats view counts it once. A part whose
//! page is missing says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::screen::screen_text;
use common::story_pages::{PAGE1, PAGE3};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newstag::article::ArticleAt;
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::tags::sidecar;
use newstag::ui::{App, ListRow};
use std::path::Path;

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// The app on pages `pages` written in `dir`.
fn app_on(dir: &Path, pages: &[(&str, &str)]) -> App {
    for (name, text) in pages {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let corpus = Corpus::load(dir).unwrap();
    let mut app = App::with_issues(Config::builtin(), corpus.issues, 120, 40);
    app.corpus.root = dir.to_path_buf();
    app.message = None;
    app
}

/// Select the article whose body contains `text`; its place.
fn select(app: &mut App, text: &str) -> ArticleAt {
    let k = app
        .rows
        .iter()
        .position(|r| match *r {
            ListRow::Article(at) => app.corpus.issues[at.issue].articles[at.article]
                .paragraphs
                .iter()
                .any(|p| p.contains(text)),
            ListRow::Issue(_) => false,
        })
        .unwrap_or_else(|| panic!("no article with {text}"));
    press(app, "g");
    while app.selected < k {
        press(app, "j");
    }
    match app.rows[k] {
        ListRow::Article(at) => at,
        ListRow::Issue(_) => unreachable!(),
    }
}

fn sidecar_tags(dir: &Path, name: &str) -> Vec<Vec<String>> {
    match sidecar::read(&dir.join(name)).unwrap() {
        Some(s) => s
            .articles
            .into_iter()
            .map(|a| a.tags.into_keys().collect())
            .collect(),
        None => Vec::new(),
    }
}

/// Page 3's part reads as the whole story, opened at that part; page 1's part
/// too, opened at the top.
#[test]
fn the_reader_shows_the_whole_story_from_either_part() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(
        dir.path(),
        &[
            ("2024-06-18_第1版.txt", PAGE1),
            ("2024-06-18_第3版.txt", PAGE3),
        ],
    );
    select(&mut app, "修缮历史建筑32栋");
    let text: Vec<&str> = app.reader.lines.iter().map(|l| l.text.as_str()).collect();
    let all = text.join("\n");
    assert!(
        all.contains("-- part 1 of 2 · 2024-06-18 第1版 --"),
        "{all}"
    );
    assert!(
        all.contains("-- part 2 of 2 · 2024-06-18 第3版, this part --"),
        "{all}"
    );
    assert!(all.contains("商铺陆续开业") && all.contains("修缮历史建筑32栋"));
    // It opens at that part, as far as the reader can scroll.
    assert_eq!(
        text[app.reader.start],
        "-- part 2 of 2 · 2024-06-18 第3版, this part --"
    );
    let max = app.reader.max_scroll(app.reader_height());
    assert_eq!(app.reader.scroll, app.reader.start.min(max));
    let mut small = app_on(dir.path(), &[]);
    small.update(newstag::ui::Action::Resize {
        width: 60,
        height: 12,
    });
    select(&mut small, "修缮历史建筑32栋");
    let max = small.reader.max_scroll(small.reader_height());
    assert!(small.reader.start > 0 && max > 0);
    assert_eq!(small.reader.scroll, small.reader.start.min(max));
    select(&mut app, "商铺陆续开业");
    assert_eq!(app.reader.scroll, 0);
    let screen = screen_text(&app);
    assert!(screen.contains("part 1 of 2"), "{screen}");
}

/// A tag set on page 3's part shows on page 1's part (chips and tag pane); the
/// sidecar of page 3 holds it once. Toggling it on page 1's part takes it off
/// the story, from page 3's sidecar too.
#[test]
fn a_story_is_tagged_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(
        dir.path(),
        &[
            ("2024-06-18_第1版.txt", PAGE1),
            ("2024-06-18_第3版.txt", PAGE3),
        ],
    );
    let later = select(&mut app, "修缮历史建筑32栋");
    press(&mut app, "1");
    let first = select(&mut app, "商铺陆续开业");
    assert_eq!(app.tags_of(first), ["governance"]);
    assert_eq!(app.tags_of(later), ["governance"]);
    assert_eq!(
        sidecar_tags(dir.path(), "2024-06-18_第3版.tags.toml"),
        [["governance"]]
    );
    assert!(sidecar_tags(dir.path(), "2024-06-18_第1版.tags.toml").is_empty());
    let screen = screen_text(&app);
    let row = screen
        .lines()
        .find(|l| l.contains("老街新貌换新颜"))
        .unwrap();
    assert!(row.contains("社区治理"), "chip on page 1's row: {row}");
    // The other article of page 1 stands alone.
    let other = select(&mut app, "春耕备耕");
    assert!(app.tags_of(other).is_empty());

    // The stats view counts the story once, tagged (4 articles, 3 units).
    press(&mut app, "s");
    let newstag::ui::Overlay::Stats(view) = &app.mode else {
        panic!("stats not open")
    };
    assert_eq!((view.stats.articles, view.stats.tagged), (3, 1));
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));

    select(&mut app, "商铺陆续开业");
    press(&mut app, "1");
    assert!(app.tags_of(first).is_empty());
    assert!(app.tags_of(later).is_empty());
    assert!(sidecar_tags(dir.path(), "2024-06-18_第3版.tags.toml").is_empty());
}

/// With page 3 missing from the corpus, page 1's part stands alone and the
/// reader says where its jump leads.
#[test]
fn a_part_whose_page_is_missing_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(dir.path(), &[("2024-06-18_第1版.txt", PAGE1)]);
    select(&mut app, "商铺陆续开业");
    let all: Vec<&str> = app.reader.lines.iter().map(|l| l.text.as_str()).collect();
    let all = all.join("\n");
    assert!(!all.contains("-- part"), "{all}");
    assert!(all.contains("3"), "{all}");
    let last = app.reader.lines.last().unwrap().text.clone();
    assert!(last.starts_with('(') && last.contains('3'), "{all}");
}

/// `U` in the page view unlinks the story part under the cursor by hand: the
/// part stands alone at once (the reader no longer shows the other part), the
/// sidecar keeps an `unlink` correction, `u` links it again (issue 13).
#[test]
fn u_in_the_page_view_unlinks_a_part() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(
        dir.path(),
        &[
            ("2024-06-18_第1版.txt", PAGE1),
            ("2024-06-18_第3版.txt", PAGE3),
        ],
    );
    let part = select(&mut app, "修缮历史建筑32栋");
    assert!(app.stories.story_of(part).is_some());
    press(&mut app, "vU");
    assert!(app.stories.story_of(part).is_none(), "stands alone");
    let m = app.message.clone().unwrap().text;
    assert!(m.contains("stands alone"), "{m}");
    let file = sidecar::read(&dir.path().join("2024-06-18_第3版.tags.toml"))
        .unwrap()
        .unwrap();
    assert_eq!(file.corrections.len(), 1);
    assert_eq!(file.corrections[0].op, Some(newstag::correct::Op::Unlink));
    assert_eq!(
        file.corrections[0].id,
        app.corpus.issues[part.issue].articles[part.article].id
    );
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    let s = screen_text(&app);
    assert!(!s.contains("part 2 of 2"), "{s}");
    press(&mut app, "u");
    assert!(app.stories.story_of(part).is_some(), "linked again");
}

/// `U` on an article that is part of no story says so in the status bar and
/// writes nothing: no sidecar, no correction to undo (issue 13).
#[test]
fn u_on_an_article_standing_alone_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(
        dir.path(),
        &[
            ("2024-06-18_第1版.txt", PAGE1),
            ("2024-06-18_第3版.txt", PAGE3),
        ],
    );
    let alone = select(&mut app, "春耕备耕");
    assert!(app.stories.story_of(alone).is_none());
    press(&mut app, "vU");
    let m = app.message.clone().unwrap().text;
    assert!(m.contains("not part of a story"), "{m}");
    assert!(
        !dir.path().join("2024-06-18_第1版.tags.toml").exists(),
        "no sidecar written"
    );
    assert!(app.journal.undo.is_empty(), "nothing to undo");
}

/// `L` in the page view links the cursor's article to a part picked by name
/// (here page 1's part of 06-18 to page 3's part of 06-19, which no jump
/// line links; the picker offers the same day's articles first): asked first
/// since the parts' tags differ, it writes the `link` correction `newstag
/// story link` writes, the story is one at once (the tag of page 3's part
/// shows on page 1's), `u` takes it back; a link the other way round is
/// refused as a loop, writing nothing (issue 13).
#[test]
fn l_in_the_page_view_links_two_parts() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(
        dir.path(),
        &[
            ("2024-06-18_第1版.txt", PAGE1),
            ("2024-06-19_第3版.txt", PAGE3),
        ],
    );
    let later = select(&mut app, "修缮历史建筑32栋");
    press(&mut app, "1");
    let first = select(&mut app, "商铺陆续开业");
    assert!(app.stories.story_of(first).is_none());
    assert!(app.tags_of(first).is_empty());
    let to = app.corpus.issues[later.issue].articles[later.article]
        .id
        .clone();
    press(&mut app, "vL");
    let Some(newstag::ui::page_view::Prompt::Picker(picker)) =
        app.page.as_ref().and_then(|v| v.prompt.as_ref())
    else {
        panic!("no picker")
    };
    // The same day's other article first.
    assert!(
        picker.items[0].0.contains("春耕备耕正当时"),
        "{:?}",
        picker.items
    );
    assert_eq!(picker.items.len(), 3);
    press(&mut app, &to[..8]);
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let screen = screen_text(&app);
    assert!(screen.contains("into one story?"), "{screen}");
    press(&mut app, "y");
    assert!(app.stories.story_of(first).is_some(), "linked");
    assert_eq!(app.tags_of(first), ["governance"]);
    let file = sidecar::read(&dir.path().join("2024-06-18_第1版.tags.toml"))
        .unwrap()
        .unwrap();
    assert_eq!(file.corrections.len(), 1);
    let c = &file.corrections[0];
    assert_eq!(c.op, Some(newstag::correct::Op::Link));
    assert_eq!(
        c.id,
        app.corpus.issues[first.issue].articles[first.article].id
    );
    assert_eq!(
        (c.to_issue.as_str(), c.to_id.as_str()),
        ("2024-06-19_第3版.txt", to.as_str())
    );

    // Undone: two parts again, nothing left in the sidecar.
    press(&mut app, "u");
    assert!(app.stories.story_of(first).is_none(), "unlinked by undo");
    assert!(
        sidecar::read(&dir.path().join("2024-06-18_第1版.tags.toml"))
            .unwrap()
            .is_none_or(|f| f.corrections.is_empty())
    );

    // Linked again by redo; page 3's part cannot go on in page 1's: a loop.
    app.handle_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    assert!(app.stories.story_of(first).is_some(), "linked by redo");
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    select(&mut app, "修缮历史建筑32栋");
    let from = app.corpus.issues[first.issue].articles[first.article]
        .id
        .clone();
    press(&mut app, "vL");
    press(&mut app, &from[..8]);
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let m = app.message.clone().unwrap().text;
    assert!(m.contains("loop"), "{m}");
    let f = sidecar::read(&dir.path().join("2024-06-19_第3版.tags.toml"))
        .unwrap()
        .unwrap();
    assert!(f.corrections.is_empty(), "{:?}", f.corrections);
}

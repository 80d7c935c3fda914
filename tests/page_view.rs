//! The page view (`v`) as a user meets it on a copy of a sample issue: the file
//! line by line with roles and article bars, scrolled to the article being
//! read; corrections made with its keys (split, join, role, move) written to the
//! issue's sidecar as `newstag correct` writes them, tags following (asked
//! first when they change hands), the list and reader showing the corrected
//! articles, and undo/redo in one history with tag changes. Keys in, screens
//! and sidecars out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::files::repo_path;
use common::screen::screen_text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newstag::article::ArticleAt;
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::correct::{Op, Role};
use newstag::tags::sidecar;
use newstag::ui::action::Layer;
use newstag::ui::{App, ListRow, Overlay};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

const ISSUE: &str = "河川晚报_20240307_p2.txt";

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
}

/// A temp folder holding, in its corpus folder `c`, a copy of the sample
/// issue `sample` (its path under `sample/`): (dir guard, corpus folder).
fn copy_of(sample: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("c");
    std::fs::create_dir_all(&root).unwrap();
    let name = Path::new(sample).file_name().unwrap();
    std::fs::copy(repo_path(&format!("sample/{sample}")), root.join(name)).unwrap();
    (dir, root)
}

/// The app on the corpus at `root`, loaded, at `width` x `height`.
fn app_on(root: &Path, width: u16, height: u16) -> App {
    let corpus = Corpus::load(root).unwrap();
    let mut app = App::with_issues(Config::builtin(), corpus.issues, width, height);
    app.corpus.root = root.to_path_buf();
    app.message = None;
    app
}

/// A copy of one sample issue in a temp folder, opened in the app at
/// `width` x `height`.
fn setup(width: u16, height: u16) -> (tempfile::TempDir, PathBuf, App) {
    let (dir, root) = copy_of(ISSUE);
    let app = app_on(&root, width, height);
    (dir, root, app)
}

/// Select the article titled `title` in the list.
fn select(app: &mut App, title: &str) -> usize {
    let a = app.corpus.issues[0]
        .articles
        .iter()
        .position(|a| a.title == title)
        .unwrap_or_else(|| panic!("no article {title}"));
    let k = app
        .rows
        .iter()
        .position(|r| *r == ListRow::article(0, a))
        .unwrap();
    while app.selected < k {
        press(app, "j");
    }
    a
}

/// The 1-based line of the issue file that starts with `prefix`.
fn line_of(root: &Path, prefix: &str) -> usize {
    let text = std::fs::read_to_string(root.join(ISSUE)).unwrap();
    text.lines()
        .position(|l| l.trim().starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix}"))
        + 1
}

/// Move the page view's cursor to file line `line`.
fn cursor_to(app: &mut App, line: usize) {
    press(app, "g");
    for _ in 1..line {
        press(app, "j");
    }
    assert_eq!(app.page.as_ref().unwrap().cursor_line(), line);
}

fn sidecar_of(root: &Path) -> Option<sidecar::Sidecar> {
    sidecar::read(&root.join("河川晚报_20240307_p2.tags.toml")).unwrap()
}

fn titles(app: &App) -> Vec<String> {
    app.corpus.issues[0]
        .articles
        .iter()
        .map(|a| a.display_title())
        .collect()
}

fn tags_of_title(app: &App, title: &str) -> Vec<String> {
    let k = titles(app)
        .iter()
        .position(|t| t == title)
        .unwrap_or_else(|| panic!("no article {title}: {:?}", titles(app)));
    app.tags_of(ArticleAt::new(0, k))
        .into_iter()
        .map(String::from)
        .collect()
}

/// `v` on an article opens the page view on that article's first line: its
/// heading row, the numbered lines with roles, bars; Esc goes back to the list.
#[test]
fn page_view_opens_on_the_article_being_read() {
    let (_dir, root, mut app) = setup(100, 30);
    select(&mut app, "网格虽小 连着民心");
    press(&mut app, "v");
    assert_eq!(app.mode, Overlay::Page);
    assert_eq!(app.layer(), Layer::Page);
    let view = app.page.as_ref().unwrap();
    assert_eq!(view.cursor_line(), line_of(&root, "网格虽小 连着民心"));
    let s = screen_text(&app);
    assert!(s.contains("网格虽小 连着民心"), "{s}");
    let title_row = s
        .lines()
        .find(|l| l.contains("  37 title"))
        .unwrap_or_else(|| panic!("no numbered title line: {s}"));
    assert!(title_row.contains("网格虽小 连着民心"), "{title_row}");
    assert!(s.contains("  39 byline"), "{s}");
    assert!(s.contains("s split"), "hints: {s}");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode, Overlay::Panes);
    assert!(app.page.is_none());
}

/// The page view at 80x24 with Chinese text: every row fits the width (wide
/// characters counted as two cells), lines wrap rather than being cut.
#[test]
fn page_view_80x24_snapshot() {
    let (_dir, _root, mut app) = setup(80, 24);
    select(&mut app, "“小巷管家”的一天");
    press(&mut app, "v");
    let s = screen_text(&app);
    for line in s.lines() {
        assert!(line.width() <= 80, "{line}");
    }
    insta::assert_snapshot!(s);
}

/// The page view at 120x40, scrolled to the second article, its heading row on top.
#[test]
fn page_view_120x40_snapshot() {
    let (_dir, _root, mut app) = setup(120, 40);
    select(&mut app, "“小巷管家”的一天");
    press(&mut app, "v");
    insta::assert_snapshot!(screen_text(&app));
}

/// `?` in the page view lists its keys first (from `[keys.page]`), and closing
/// help returns to the page view where it was.
#[test]
fn help_from_the_page_view_lists_its_keys_and_returns() {
    let (_dir, _root, mut app) = setup(100, 30);
    select(&mut app, "网格虽小 连着民心");
    press(&mut app, "vj?");
    let s = screen_text(&app);
    assert!(s.lines().nth(1).unwrap().contains("[keys.page]"), "{s}");
    assert!(s.contains("Split the article before the cursor"), "{s}");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode, Overlay::Page);
    assert_eq!(app.page.as_ref().unwrap().cursor_line(), 38);
}

/// A split of a tagged article asks first, then keeps the tags on the part with
/// the title and says the other part has none; the sidecar holds the same
/// correction `newstag correct --split-before` writes; the list shows one more
/// article. `u` undoes it (tags and articles as before, no correction left),
/// Ctrl-r redoes it.
#[test]
fn split_asks_keeps_tags_on_the_title_and_undoes() {
    let (_dir, root, mut app) = setup(100, 30);
    let story = select(&mut app, "“小巷管家”的一天");
    press(&mut app, "1");
    assert_eq!(app.tags_of(ArticleAt::new(0, story)), ["governance"]);
    let before = titles(&app);
    let rows_before = app.rows.len();
    let sidecar_before = sidecar_of(&root).unwrap();

    press(&mut app, "v");
    let line = line_of(&root, "傍晚6点");
    cursor_to(&mut app, line);
    press(&mut app, "s");
    assert_eq!(app.layer(), Layer::Confirm, "a tagged split asks first");
    let s = screen_text(&app);
    assert!(s.contains("governance"), "{s}");
    press(&mut app, "y");
    // Then it asks about the other part.
    assert_eq!(app.layer(), Layer::Confirm);
    let s = screen_text(&app);
    assert!(s.contains("Give it governance too?"), "{s}");
    press(&mut app, "n");
    assert_eq!(app.layer(), Layer::Page);

    let after = titles(&app);
    assert_eq!(after.len(), before.len() + 1, "{after:?}");
    assert_eq!(app.rows.len(), rows_before + 1);
    assert_eq!(tags_of_title(&app, "“小巷管家”的一天"), ["governance"]);
    let said: Vec<&str> = app.log.iter().map(|m| m.text.as_str()).collect();
    assert!(
        said.iter()
            .any(|m| m.contains("split before") && m.contains("has no tags")),
        "{said:?}"
    );
    let file = sidecar_of(&root).unwrap();
    assert_eq!(file.corrections.len(), 1);
    assert_eq!(file.corrections[0].op, Some(Op::SplitBefore));
    assert_eq!(file.corrections[0].line, line);
    assert!(file.corrections[0].text.starts_with("傍晚6点"));
    // The page shows the new article starting at the cursor.
    let page = app.page.as_ref().unwrap().page.clone().unwrap();
    assert!(page.view[line - 1].starts, "{:?}", page.view[line - 1]);
    let s = screen_text(&app);
    let heading = s.lines().position(|l| l.contains("┌ 3 傍晚6点")).unwrap();
    let next = s.lines().nth(heading + 1).unwrap();
    assert!(next.contains(&format!("{line:>4} body")), "{s}");
    // The reader shows the article holding the cursor: the new part.
    let (at, art) = app.selected_article().unwrap();
    let (_, a) = (at.issue, at.article);
    assert!(art.paragraphs[0].starts_with("傍晚6点") || art.title.starts_with("傍晚6点"));
    assert!(app.tags_of(ArticleAt::new(0, a)).is_empty());

    press(&mut app, "u");
    assert_eq!(titles(&app), before);
    assert_eq!(app.tags_of(ArticleAt::new(0, story)), ["governance"]);
    let file = sidecar_of(&root).unwrap();
    assert!(file.corrections.is_empty());
    assert_eq!(file.articles, sidecar_before.articles);

    app.handle_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    assert_eq!(titles(&app).len(), before.len() + 1);
    assert_eq!(sidecar_of(&root).unwrap().corrections.len(), 1);
    assert_eq!(tags_of_title(&app, "“小巷管家”的一天"), ["governance"]);
}

/// A join of two tagged articles asks, then the joined article carries the
/// union of their tags; undo puts each tag back on its own article; `n`
/// (no) makes no correction.
#[test]
fn join_unions_tags_and_undo_restores_them() {
    let (_dir, root, mut app) = setup(100, 30);
    let first = select(&mut app, "清渠区社区议事会实现全覆盖");
    press(&mut app, "1");
    let second = select(&mut app, "岚溪县启动第二批县级非遗名录申报");
    press(&mut app, "2");
    assert_eq!(second, first + 1);
    let before = titles(&app);
    press(&mut app, "v");
    assert_eq!(
        app.page.as_ref().unwrap().cursor_line(),
        line_of(&root, "岚溪县启动第二批")
    );
    press(&mut app, "J");
    assert_eq!(app.layer(), Layer::Confirm);
    press(&mut app, "n");
    assert_eq!(app.layer(), Layer::Page);
    assert!(sidecar_of(&root).unwrap().corrections.is_empty());
    press(&mut app, "Jy");
    assert_eq!(titles(&app).len(), before.len() - 1);
    assert_eq!(
        tags_of_title(&app, "清渠区社区议事会实现全覆盖"),
        ["governance", "heritage"]
    );
    let file = sidecar_of(&root).unwrap();
    assert_eq!(file.corrections[0].op, Some(Op::Join));
    assert_eq!(file.articles.len(), 1);

    press(&mut app, "u");
    assert_eq!(titles(&app), before);
    assert_eq!(app.tags_of(ArticleAt::new(0, first)), ["governance"]);
    assert_eq!(app.tags_of(ArticleAt::new(0, second)), ["heritage"]);
}

/// `r` opens the role chooser; typing filters it (fuzzy) and Enter gives the
/// line that role: a byline read as body. Untagged: no question.
#[test]
fn role_chooser_relabels_a_line() {
    let (_dir, root, mut app) = setup(100, 30);
    select(&mut app, "网格虽小 连着民心");
    press(&mut app, "v");
    let line = line_of(&root, "本报评论员 丁一川");
    cursor_to(&mut app, line);
    press(&mut app, "r");
    assert_eq!(app.layer(), Layer::Picker);
    let s = screen_text(&app);
    assert!(s.contains("furniture"), "{s}");
    press(&mut app, "bod");
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.layer(), Layer::Page);
    let file = sidecar_of(&root).unwrap();
    assert_eq!(file.corrections[0].op, Some(Op::Role));
    assert_eq!(file.corrections[0].role, Some(Role::Body));
    let k = titles(&app)
        .iter()
        .position(|t| t == "网格虽小 连着民心")
        .unwrap();
    let piece = &app.corpus.issues[0].articles[k];
    assert_eq!(piece.byline, "");
    assert!(piece.paragraphs[0].starts_with("本报评论员"));
    assert!(screen_text(&app).contains(&format!("{line:>4} body")));
}

/// `m` moves the cursor's paragraph to an article picked by typing part of its
/// title; the sidecar holds a move aimed at that article's first line.
#[test]
fn move_picker_moves_a_paragraph() {
    let (_dir, root, mut app) = setup(100, 30);
    select(&mut app, "网格虽小 连着民心");
    press(&mut app, "v");
    let line = line_of(&root, "网格员的价值");
    cursor_to(&mut app, line);
    press(&mut app, "m");
    assert_eq!(app.layer(), Layer::Picker);
    press(&mut app, "议事会");
    let s = screen_text(&app);
    assert!(s.contains("清渠区社区议事会实现全覆盖"), "{s}");
    assert!(!s.contains("> 议事会\n 1 "), "{s}");
    app.handle_key(key(KeyCode::Enter));
    let file = sidecar_of(&root).unwrap();
    assert_eq!(file.corrections[0].op, Some(Op::Move));
    assert_eq!(
        file.corrections[0].to_line,
        line_of(&root, "清渠区社区议事会")
    );
    let k = titles(&app)
        .iter()
        .position(|t| t == "清渠区社区议事会实现全覆盖")
        .unwrap();
    let target = &app.corpus.issues[0].articles[k];
    assert!(
        target
            .paragraphs
            .iter()
            .any(|p| p.starts_with("网格员的价值")),
        "{target:?}"
    );
}

/// Undo in the list takes corrections and tag changes back in the order they
/// were made: tag, split, tag the new part, then u u u.
#[test]
fn undo_interleaves_corrections_and_tags() {
    let (_dir, root, mut app) = setup(100, 30);
    let story = select(&mut app, "“小巷管家”的一天");
    press(&mut app, "1");
    press(&mut app, "v");
    cursor_to(&mut app, line_of(&root, "傍晚6点"));
    press(&mut app, "syn");
    app.handle_key(key(KeyCode::Esc));
    // The list is on the new part: tag it.
    let (at, _) = app.selected_article().unwrap();
    let (_, part) = (at.issue, at.article);
    press(&mut app, "2");
    assert_eq!(app.tags_of(ArticleAt::new(0, part)), ["heritage"]);
    press(&mut app, "u");
    assert!(
        app.tags_of(ArticleAt::new(0, part)).is_empty(),
        "the tag goes first"
    );
    assert_eq!(sidecar_of(&root).unwrap().corrections.len(), 1);
    press(&mut app, "u");
    assert!(sidecar_of(&root).unwrap().corrections.is_empty());
    assert_eq!(app.tags_of(ArticleAt::new(0, story)), ["governance"]);
    press(&mut app, "u");
    assert!(app.tags_of(ArticleAt::new(0, story)).is_empty());
    assert!(sidecar_of(&root).is_none());
}

/// A split where the line already starts an article is refused with the
/// reason, and nothing is written.
#[test]
fn a_correction_that_does_not_apply_is_refused() {
    let (_dir, root, mut app) = setup(100, 30);
    select(&mut app, "网格虽小 连着民心");
    press(&mut app, "vs");
    let m = app.message.clone().unwrap();
    assert!(m.is_error, "{m:?}");
    assert!(sidecar_of(&root).is_none());
    // A blank line anchors nothing.
    press(&mut app, "k");
    press(&mut app, "s");
    assert!(
        app.message.clone().unwrap().text.contains("blank"),
        "{:?}",
        app.message
    );
}

/// An article whose cut segmentation doubts stands out in the page view: its
/// heading row ends with `? ` and the reasons; undoubted ones have none.
#[test]
fn doubted_articles_stand_out() {
    let (_dir, root) = copy_of("2024/2024-06-18_第1版.txt");
    let mut app = app_on(&root, 120, 60);
    press(&mut app, "v");
    let s = screen_text(&app);
    let headings: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("┌ ") || l.contains("┏ "))
        .collect();
    let doubted: Vec<&&str> = headings
        .iter()
        .filter(|l| l.contains("? wording"))
        .collect();
    assert_eq!(doubted.len(), 2, "{s}");
    assert!(doubted[0].contains("芦荡湾湿地公园"), "{s}");
    assert!(headings.len() > 2, "{s}");
}

/// After a split of a tagged article, yes to "give the new part the tags too"
/// tags it (sidecar too); `u` takes that tag change back first, then the split.
#[test]
fn a_split_offers_the_tags_to_the_new_part() {
    let (_dir, root, mut app) = setup(100, 30);
    let story = select(&mut app, "“小巷管家”的一天");
    press(&mut app, "1");
    press(&mut app, "v");
    cursor_to(&mut app, line_of(&root, "傍晚6点"));
    press(&mut app, "sy");
    press(&mut app, "y");
    assert_eq!(app.layer(), Layer::Page);
    let (at, art) = app.selected_article().unwrap();
    let (_, part) = (at.issue, at.article);
    assert!(art.paragraphs[0].starts_with("傍晚6点"));
    assert_eq!(app.tags_of(ArticleAt::new(0, part)), ["governance"]);
    assert_eq!(tags_of_title(&app, "“小巷管家”的一天"), ["governance"]);
    let file = sidecar_of(&root).unwrap();
    assert_eq!(file.articles.len(), 2);
    press(&mut app, "u");
    assert!(app.tags_of(ArticleAt::new(0, part)).is_empty());
    assert_eq!(sidecar_of(&root).unwrap().corrections.len(), 1);
    press(&mut app, "u");
    assert!(sidecar_of(&root).unwrap().corrections.is_empty());
    assert_eq!(app.tags_of(ArticleAt::new(0, story)), ["governance"]);
}

/// The id of the article titled `title` (as the app and the CLI see it now).
fn id_of(app: &App, title: &str) -> String {
    let k = titles(app)
        .iter()
        .position(|t| t == title)
        .unwrap_or_else(|| panic!("no article {title}: {:?}", titles(app)));
    app.corpus.issues[0].articles[k].id.clone()
}

/// The tags of every record of the issue's sidecar on disk, by title.
fn sidecar_tags(root: &Path) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = sidecar_of(root)
        .map(|s| s.articles)
        .unwrap_or_default()
        .into_iter()
        .filter(|r| !r.tags.is_empty())
        .map(|r| (r.title, r.tags.keys().cloned().collect()))
        .collect();
    out.sort();
    out
}

/// `newstag tag ROOT ID +TAG` run as another process, beside the app.
fn cli_tag(cli: &common::cli::Cli, root: &Path, id: &str, tag: &str) {
    let out = cli.run(&["tag", root.to_str().unwrap(), id, tag]);
    common::cli::assert_succeeded(&out);
}

/// Undoing a split in the page view takes back only what the split did to
/// tags: a tag set meanwhile by `newstag tag` (another process) on another
/// article stays, and one set on the new part goes to the article it is
/// joined back into; redo and a later undo keep them too (issue 13: undo
/// rewrote the issue's tag records as they were, losing the CLI's tags).
#[test]
fn undoing_a_correction_keeps_tags_set_by_another_process() {
    let (_dir, root, mut app) = setup(100, 30);
    let cli = common::cli::Cli::new();
    select(&mut app, "“小巷管家”的一天");
    press(&mut app, "1");
    press(&mut app, "v");
    cursor_to(&mut app, line_of(&root, "傍晚6点"));
    press(&mut app, "syn");
    assert_eq!(sidecar_of(&root).unwrap().corrections.len(), 1);
    let (at, _) = app.selected_article().unwrap();
    let (_, part) = (at.issue, at.article);
    let part_title = titles(&app)[part].clone();
    let part_id = app.corpus.issues[0].articles[part].id.clone();
    cli_tag(&cli, &root, &id_of(&app, "网格虽小 连着民心"), "+heritage");
    cli_tag(&cli, &root, &part_id, "+environment");

    press(&mut app, "u");
    let file = sidecar_of(&root).unwrap();
    assert!(file.corrections.is_empty(), "{:?}", file.corrections);
    assert_eq!(
        sidecar_tags(&root),
        [
            (
                "“小巷管家”的一天".to_string(),
                vec!["environment".to_string(), "governance".to_string()]
            ),
            (
                "网格虽小 连着民心".to_string(),
                vec!["heritage".to_string()]
            ),
        ],
        "the CLI's tags survive the undo"
    );
    assert_eq!(
        tags_of_title(&app, "网格虽小 连着民心"),
        ["heritage"],
        "and the app shows them"
    );

    // Another tag from the CLI, then redo: the split moves governance back to
    // its title part, and the CLI's tags stay.
    cli_tag(
        &cli,
        &root,
        &id_of(&app, "网格虽小 连着民心"),
        "+environment",
    );
    app.handle_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    assert_eq!(sidecar_of(&root).unwrap().corrections.len(), 1);
    assert!(titles(&app).contains(&part_title), "{:?}", titles(&app));
    let tags = sidecar_tags(&root);
    assert!(
        tags.contains(&(
            "网格虽小 连着民心".to_string(),
            vec!["environment".to_string(), "heritage".to_string()]
        )),
        "{tags:?}"
    );
    let story: Vec<&(String, Vec<String>)> = tags
        .iter()
        .filter(|(t, _)| t == "“小巷管家”的一天")
        .collect();
    assert_eq!(story.len(), 1, "{tags:?}");
    assert!(story[0].1.contains(&"governance".to_string()), "{tags:?}");

    // And undo again, with one more CLI tag in between.
    cli_tag(&cli, &root, &id_of(&app, "“小巷管家”的一天"), "+heritage");
    press(&mut app, "u");
    assert!(sidecar_of(&root).unwrap().corrections.is_empty());
    assert_eq!(
        sidecar_tags(&root),
        [
            (
                "“小巷管家”的一天".to_string(),
                vec![
                    "environment".to_string(),
                    "governance".to_string(),
                    "heritage".to_string()
                ]
            ),
            (
                "网格虽小 连着民心".to_string(),
                vec!["environment".to_string(), "heritage".to_string()]
            ),
        ]
    );
}

/// Undoing a tag change in the app takes back only that change: a tag set
/// meanwhile by `newstag tag` on the same and on another article stays
/// (issue 11's promise, checked beside corrections).
#[test]
fn undoing_a_tag_keeps_tags_set_by_another_process() {
    let (_dir, root, mut app) = setup(100, 30);
    let cli = common::cli::Cli::new();
    select(&mut app, "“小巷管家”的一天");
    press(&mut app, "1");
    cli_tag(&cli, &root, &id_of(&app, "网格虽小 连着民心"), "+heritage");
    cli_tag(
        &cli,
        &root,
        &id_of(&app, "“小巷管家”的一天"),
        "+environment",
    );
    press(&mut app, "u");
    assert_eq!(
        sidecar_tags(&root),
        [
            (
                "“小巷管家”的一天".to_string(),
                vec!["environment".to_string()]
            ),
            (
                "网格虽小 连着民心".to_string(),
                vec!["heritage".to_string()]
            ),
        ]
    );
    app.handle_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    assert_eq!(
        sidecar_tags(&root),
        [
            (
                "“小巷管家”的一天".to_string(),
                vec!["environment".to_string(), "governance".to_string()]
            ),
            (
                "网格虽小 连着民心".to_string(),
                vec!["heritage".to_string()]
            ),
        ]
    );
}

/// `J` on the line just split undoes the split rather than adding a join: the
/// sidecar keeps no correction and the articles are as before; `u` puts the
/// split back, a second `u` takes it away (issue 13).
#[test]
fn a_join_after_a_split_leaves_no_correction() {
    let (_dir, root, mut app) = setup(100, 30);
    let before = titles(&app);
    select(&mut app, "“小巷管家”的一天");
    press(&mut app, "v");
    cursor_to(&mut app, line_of(&root, "傍晚6点"));
    press(&mut app, "s");
    assert_eq!(titles(&app).len(), before.len() + 1);
    press(&mut app, "J");
    assert_eq!(titles(&app), before);
    assert!(sidecar_of(&root).is_none_or(|s| s.corrections.is_empty()));
    let m = app.message.clone().unwrap().text;
    assert!(m.contains("no correction kept"), "{m}");
    press(&mut app, "u");
    let file = sidecar_of(&root).unwrap();
    assert_eq!(file.corrections.len(), 1);
    assert_eq!(file.corrections[0].op, Some(Op::SplitBefore));
    assert_eq!(titles(&app).len(), before.len() + 1);
    press(&mut app, "u");
    assert!(sidecar_of(&root).is_none_or(|s| s.corrections.is_empty()));
    assert_eq!(titles(&app), before);
}

/// The records (id -> tags) of coder `name`'s sidecar of the issue.
fn coder_tags(root: &Path, name: &str) -> Vec<(String, Vec<String>)> {
    let path = root
        .join("coders")
        .join(name)
        .join("河川晚报_20240307_p2.tags.toml");
    sidecar::read(&path)
        .unwrap()
        .map(|s| s.articles)
        .unwrap_or_default()
        .into_iter()
        .filter(|r| !r.tags.is_empty())
        .map(|r| (r.id, r.tags.keys().cloned().collect()))
        .collect()
}

/// In the team layout a split in the page view moves the tags of every
/// coder's sidecar (the current coder's and another's), and its undo takes
/// them back in each, keeping a tag another coder set on the new part in
/// between (it goes to the article the part joins back into) (issue 13).
#[test]
fn a_correction_moves_every_coders_tags_and_undoes_them() {
    let (_dir, root) = copy_of(ISSUE);
    std::fs::create_dir_all(root.join("coders")).unwrap();
    let cli = common::cli::Cli::new();
    let mut config = Config::builtin();
    config.team.coder = "王芳".into();
    let (keymap, _) = newstag::ui::keymap::Keymaps::from_config(&config, None);
    let theme = newstag::ui::theme::Theme::new(&config, true);
    let mut app = App::new(config, keymap, theme, root.clone());
    app.size = ratatui::layout::Rect::new(0, 0, 100, 30);
    app.push_issues(Corpus::load(&root).unwrap().issues);
    let story_id = id_of(&app, "“小巷管家”的一天");
    let r = root.to_str().unwrap();
    for args in [
        ["tag", r, &story_id, "+heritage", "--coder", "李华"],
        ["tag", r, &story_id, "+environment", "--coder", "李华"],
    ] {
        common::cli::assert_succeeded(&cli.run(&args));
    }
    select(&mut app, "“小巷管家”的一天");
    press(&mut app, "1");
    assert_eq!(
        coder_tags(&root, "王芳"),
        [(story_id.clone(), vec!["governance".to_string()])]
    );
    press(&mut app, "v");
    cursor_to(&mut app, line_of(&root, "傍晚6点"));
    press(&mut app, "syn");
    let kept = id_of(&app, "“小巷管家”的一天");
    assert_ne!(kept, story_id);
    assert_eq!(
        coder_tags(&root, "王芳"),
        [(kept.clone(), vec!["governance".to_string()])]
    );
    assert_eq!(
        coder_tags(&root, "李华"),
        [(
            kept.clone(),
            vec!["environment".to_string(), "heritage".to_string()]
        )]
    );
    // 李华 removes environment and tags the new part meanwhile.
    let (at, _) = app.selected_article().unwrap();
    let (_, part) = (at.issue, at.article);
    let part_id = app.corpus.issues[0].articles[part].id.clone();
    for args in [
        ["tag", r, &kept, "-environment", "--coder", "李华"],
        ["tag", r, &part_id, "+governance", "--coder", "李华"],
    ] {
        common::cli::assert_succeeded(&cli.run(&args));
    }
    press(&mut app, "u");
    assert!(sidecar_of(&root).is_none_or(|s| s.corrections.is_empty()));
    assert_eq!(
        coder_tags(&root, "王芳"),
        [(story_id.clone(), vec!["governance".to_string()])]
    );
    assert_eq!(
        coder_tags(&root, "李华"),
        [(
            story_id.clone(),
            vec!["governance".to_string(), "heritage".to_string()]
        )]
    );
}

//! Tagging in the TUI (App + TestBackend): keys toggle tags on the selected or
//! marked articles and save at once, big bulk changes ask first, undo/redo, the
//! new-tag prompt, and the tag pane with a marked batch.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::screen::{area_text, screen_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newstag::article::ArticleAt;
use newstag::article::Issue;
use newstag::config::Config;
use newstag::corpus::load_issue;
use newstag::tags::sidecar;
use newstag::ui::{Action, App, ListRow, Overlay};
use std::path::Path;

const ISSUE_A: &str = "# 老街巷里的便民服务站\n\n本报讯 青川区在老街巷设立便民服务站，居民办事不出社区。服务站提供代办、咨询、维修等十余项服务，每天接待居民上百人次。\n\n# 古戏台修缮完工\n\n本报讯 百年古戏台经过一年修缮，近日重新向村民开放。修缮坚持最小干预原则，保留了原有的梁架和彩绘。\n\n# 湿地公园迎来候鸟\n\n本报讯 入冬以来，湿地公园观测到的候鸟数量明显增加。管理方增设了观测点位，提醒游客文明观鸟。\n";
const ISSUE_B: &str = "# 垃圾分类进小区\n\n本报讯 多个小区推行垃圾分类督导，志愿者每天在投放点值守，居民分类投放的准确率明显提高。\n\n# 非遗传承人收徒\n\n本报讯 剪纸非遗传承人近日收下三名徒弟，技艺传承有了新人。拜师仪式在文化馆举行，吸引了不少市民观看。\n";

fn issues(dir: &Path) -> Vec<Issue> {
    let mut out = Vec::new();
    for (name, text) in [("2024-05-12_2.md", ISSUE_A), ("2024-05-13_3.md", ISSUE_B)] {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        out.push(load_issue(dir, &p).unwrap());
    }
    out
}

fn app_in(dir: &Path, config: Config) -> App {
    let mut app = App::with_issues(config, issues(dir), 120, 40);
    app.corpus.root = dir.to_path_buf();
    app.tagging.config_path = Some(dir.join("config.toml"));
    app
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn code(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

/// Select the `n`-th article row of the list.
fn select_article(app: &mut App, n: usize) {
    app.update(Action::Top);
    let mut seen = 0;
    loop {
        if let Some(ListRow::Article(..)) = app.selected_row() {
            if seen == n {
                return;
            }
            seen += 1;
        }
        let before = app.selected;
        app.update(Action::MoveDown);
        assert_ne!(app.selected, before, "no article row {n}");
    }
}

/// Tag names on disk of the article at list position (issue, article).
fn disk_tags(app: &App, i: usize, a: usize) -> Vec<String> {
    let issue = &app.corpus.issues[i];
    let path = app.tagging.store.sidecar_path(issue);
    sidecar::read(&path)
        .unwrap()
        .and_then(|s| {
            s.articles
                .into_iter()
                .find(|r| r.id == issue.articles[a].id)
        })
        .map(|r| r.tags.into_keys().collect())
        .unwrap_or_default()
}

/// A tag key toggles the tag on the selected article, saves at once and says so; u and Ctrl-r undo and redo.
#[test]
fn key_toggles_saves_undo_redo() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Config::builtin());
    select_article(&mut app, 1);
    let Some((at, _)) = app.selected_article() else {
        panic!("no article selected")
    };
    let (i, a) = (at.issue, at.article);
    app.handle_key(key('1'));
    assert_eq!(disk_tags(&app, i, a), ["governance"]);
    let msg = app.message.clone().unwrap();
    assert!(!msg.is_error && msg.text.contains("saved"), "{}", msg.text);
    app.handle_key(key('2'));
    assert_eq!(disk_tags(&app, i, a), ["governance", "heritage"]);
    assert!(
        screen_text(&app).contains("1 tagged"),
        "status counts the tagged article"
    );
    app.handle_key(key('u'));
    assert_eq!(disk_tags(&app, i, a), ["governance"]);
    app.handle_key(key('u'));
    assert!(disk_tags(&app, i, a).is_empty());
    app.handle_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    app.handle_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    assert_eq!(disk_tags(&app, i, a), ["governance", "heritage"]);
    app.handle_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    assert_eq!(app.message.clone().unwrap().text, "nothing to redo");
}

/// A bulk toggle over more articles than ui.confirm_bulk_over asks first with the count; n changes nothing, y tags all, one u undoes all.
#[test]
fn bulk_change_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::builtin();
    config.ui.confirm_bulk_over = 3;
    let mut app = app_in(dir.path(), config);
    let total = app.article_total;
    assert!(total > 3, "{total}");
    app.handle_key(key('V'));
    assert_eq!(app.marks.len(), total);
    app.handle_key(key('2'));
    assert_eq!(app.mode, Overlay::ConfirmBulk);
    let s = screen_text(&app);
    assert!(
        s.contains(&format!("Add \"文化遗产\" to {total} articles?")),
        "{s}"
    );
    app.handle_key(key('n'));
    assert_eq!(app.mode, Overlay::Panes);
    assert_eq!(app.tagged_total(), 0);
    app.handle_key(key('2'));
    app.handle_key(key('y'));
    assert_eq!(app.tagged_total(), total);
    assert_eq!(disk_tags(&app, 1, 0), ["heritage"]);
    app.handle_key(key('u'));
    assert_eq!(app.tagged_total(), 0, "one undo step for the whole batch");
    assert!(
        !app.tagging
            .store
            .sidecar_path(&app.corpus.issues[1])
            .exists()
    );
    // Esc is only `back`: the marks stay; `x` clears them.
    app.handle_key(code(KeyCode::Esc));
    assert_eq!(app.marks.len(), total, "Esc keeps the marks");
    assert!(screen_text(&app).contains(&format!("{total} marked")));
    app.handle_key(key('x'));
    assert!(app.marks.is_empty());
    // A small batch does not ask.
    select_article(&mut app, 0);
    app.handle_key(key(' '));
    app.handle_key(key(' '));
    assert_eq!(app.marks.len(), 2);
    app.handle_key(key('3'));
    assert_eq!(app.mode, Overlay::Panes);
    assert_eq!(app.tagged_total(), 2);
}

/// The tag pane with a marked batch shows how many marked articles carry each tag.
#[test]
fn tag_pane_with_marked_batch_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Config::builtin());
    select_article(&mut app, 0);
    app.handle_key(key('1'));
    app.handle_key(key(' '));
    app.handle_key(key(' '));
    app.handle_key(key(' '));
    assert_eq!(app.marks.len(), 3);
    app.handle_key(key('3'));
    let pane = app.areas().tags.unwrap();
    let top = ratatui::layout::Rect {
        height: pane.height.min(5),
        ..pane
    };
    insta::assert_snapshot!(area_text(&app, top));
}

/// `t` opens the new-tag prompt; the name (spaces, Chinese) becomes a tag on the next free key, saved to the config file; a taken name or one with a double quote (which tag:"NAME" cannot carry) is refused.
#[test]
fn new_tag_prompt_persists_in_config() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Config::builtin());
    app.handle_key(key('t'));
    assert_eq!(app.mode, Overlay::NewTag);
    for c in "交通 出行".chars() {
        app.handle_key(key(c));
    }
    assert!(screen_text(&app).contains("> 交通 出行"));
    app.handle_key(code(KeyCode::Enter));
    assert_eq!(app.mode, Overlay::Panes);
    let msg = app.message.clone().unwrap();
    assert!(!msg.is_error, "{}", msg.text);
    assert!(msg.text.contains("key 4"), "{}", msg.text);
    let (config, err) = Config::load(Some(&dir.path().join("config.toml"))).unwrap();
    assert!(err.is_empty(), "{err:?}");
    assert_eq!(config.tag("交通 出行").unwrap().key, "4");
    // The new key works at once.
    select_article(&mut app, 2);
    let (at, _) = app.selected_article().unwrap();
    let (i, a) = (at.issue, at.article);
    app.handle_key(key('4'));
    assert_eq!(disk_tags(&app, i, a), ["交通 出行"]);
    // A duplicate name is refused.
    app.handle_key(key('t'));
    for c in "governance".chars() {
        app.handle_key(key(c));
    }
    app.handle_key(code(KeyCode::Enter));
    assert!(app.message.clone().unwrap().is_error);
    assert_eq!(app.config.tags.len(), 4);
    // So is a name the query tag:"NAME" could not carry (a double quote).
    let before = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    app.handle_key(key('t'));
    for c in "say \"hi\"".chars() {
        app.handle_key(key(c));
    }
    app.handle_key(code(KeyCode::Enter));
    let msg = app.message.clone().unwrap();
    assert!(
        msg.is_error && msg.text.contains("double quote"),
        "{}",
        msg.text
    );
    assert_eq!(app.config.tags.len(), 4);
    let after = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert_eq!(before, after);
}

/// A sidecar that does not parse is named with its line when the corpus has loaded; its issue's tags are read-only and the file stays as it was.
#[test]
fn bad_sidecar_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("2024-05-12_2.tags.toml");
    let text = "schema = 1\n\n[[article]]\nid = 12\n";
    std::fs::write(&bad, text).unwrap();
    let mut app = app_in(dir.path(), Config::builtin());
    app.finish_loading(Vec::new());
    let msg = app.message.clone().unwrap();
    assert!(msg.is_error, "{}", msg.text);
    assert!(
        msg.text.contains("2024-05-12_2.tags.toml:4:"),
        "{}",
        msg.text
    );
    select_article(&mut app, 0);
    app.handle_key(key('1'));
    assert!(app.message.clone().unwrap().text.contains("read-only"));
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), text);
    // The other issue still takes tags.
    select_article(&mut app, 3);
    app.handle_key(key('1'));
    assert_eq!(app.tagged_total(), 1);
}

/// Tags another process (the CLI) set while the TUI runs survive the TUI's undo: adding a tag that is already on disk is no step, and undo restores exactly the state before the TUI's own step.
#[test]
fn undo_keeps_tags_another_process_set() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Config::builtin());
    select_article(&mut app, 1);
    let (at, article) = app.selected_article().unwrap();
    let (i, a) = (at.issue, at.article);
    let id = article.id.clone();
    // The TUI's own step: +governance.
    app.handle_key(key('1'));
    assert_eq!(disk_tags(&app, i, a), ["governance"]);
    // Meanwhile the CLI adds heritage to the same article.
    let cli = common::cli::Cli::new();
    let out = cli.run(&["tag", dir.path().to_str().unwrap(), &id, "+heritage"]);
    common::cli::assert_succeeded(&out);
    assert_eq!(disk_tags(&app, i, a), ["governance", "heritage"]);
    // The TUI has not seen it, and adds heritage too: a no-op on disk.
    app.handle_key(key('2'));
    assert_eq!(disk_tags(&app, i, a), ["governance", "heritage"]);
    let msg = app.message.clone().unwrap();
    assert!(msg.text.contains("no change"), "{}", msg.text);
    // Undo takes back the TUI's step (+governance), not the CLI's tag.
    app.handle_key(key('u'));
    assert_eq!(disk_tags(&app, i, a), ["heritage"]);
    app.handle_key(key('u'));
    assert_eq!(disk_tags(&app, i, a), ["heritage"]);
    assert_eq!(app.message.clone().unwrap().text, "nothing to undo");
    // Redo brings governance back beside heritage.
    app.handle_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    assert_eq!(disk_tags(&app, i, a), ["governance", "heritage"]);
}

/// A tag another process removed meanwhile stays removed: the TUI's removal that finds it gone is no step, and undo brings back nothing the user did not see removed.
#[test]
fn removing_a_tag_already_gone_is_no_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Config::builtin());
    select_article(&mut app, 0);
    let (at, article) = app.selected_article().unwrap();
    let (i, a) = (at.issue, at.article);
    let id = article.id.clone();
    app.handle_key(key('2'));
    assert_eq!(disk_tags(&app, i, a), ["heritage"]);
    let cli = common::cli::Cli::new();
    let out = cli.run(&["tag", dir.path().to_str().unwrap(), &id, "-heritage"]);
    common::cli::assert_succeeded(&out);
    // The TUI still shows heritage and removes it: nothing to do on disk.
    app.handle_key(key('2'));
    assert!(disk_tags(&app, i, a).is_empty());
    // Undo passes over the no-op removal; the TUI's +heritage is gone already.
    app.handle_key(key('u'));
    assert!(disk_tags(&app, i, a).is_empty(), "{:?}", app.message);
}

/// When a sidecar cannot be written, the status bar says NOT SAVED with the reason, never "saved"; the next good save says saved again.
#[test]
fn save_failure_shows_in_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::builtin();
    let side = dir.path().join("side");
    config.corpus.sidecar_dir = side.to_string_lossy().into_owned();
    let mut app = app_in(dir.path(), config);
    select_article(&mut app, 0);
    let status = |app: &App| {
        let s = screen_text(app);
        s.lines().rev().nth(1).unwrap().to_string()
    };
    assert!(status(&app).contains("saved"), "{}", status(&app));
    // A file where the sidecar folder should be: the save cannot happen (even as root).
    std::fs::write(&side, "in the way").unwrap();
    app.handle_key(key('1'));
    let line = status(&app);
    assert!(line.contains("NOT SAVED"), "{line}");
    assert!(line.contains("side"), "names the path: {line}");
    assert!(!line.contains(" saved "), "{line}");
    assert!(app.message.clone().unwrap().is_error);
    assert_eq!(app.tagged_total(), 0);
    // With the folder possible again, the same key saves and the status says so.
    std::fs::remove_file(&side).unwrap();
    app.handle_key(key('1'));
    let line = status(&app);
    assert!(line.contains(" saved "), "{line}");
    assert!(!line.contains("NOT SAVED"), "{line}");
    assert_eq!(app.tagged_total(), 1);
}

/// With background jobs, a new tag works at once and the status bar says it is being saved to the config, then that it was saved (the file then holds it).
#[test]
fn new_tag_is_saved_to_config_in_the_background() {
    use newstag::session::{Notifier, SessionEvent};
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Config::builtin());
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    app.notify = Some(Notifier::new(move |ev| tx.lock().unwrap().send(ev).is_ok()));
    app.handle_key(key('t'));
    for c in "交通".chars() {
        app.handle_key(key(c));
    }
    app.handle_key(code(KeyCode::Enter));
    let msg = app.message.clone().unwrap();
    assert!(msg.text.contains("saving in"), "{}", msg.text);
    assert_eq!(
        app.config.tags.len(),
        4,
        "usable before the file is written"
    );
    let saved = loop {
        match rx.recv_timeout(std::time::Duration::from_secs(30)).unwrap() {
            SessionEvent::TagSaved(s) => break s,
            _ => continue,
        }
    };
    app.tag_saved(saved);
    let msg = app.message.clone().unwrap();
    assert!(
        !msg.is_error && msg.text.contains("saved in"),
        "{}",
        msg.text
    );
    let (config, err) = Config::load(Some(&dir.path().join("config.toml"))).unwrap();
    assert!(err.is_empty(), "{err:?}");
    assert_eq!(config.tag("交通").unwrap().key, "4");
}

/// Typing a character (the picker filters what is typed).
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(key(c));
    }
}

/// A tag without a key (the twelfth of twelve) is toggled from the picker (`#`) found by its pinyin initials, and a tag only a sidecar has (not in the config) by part of its name; both saved in the sidecar, and a second pick takes the tag off.
#[test]
fn tag_picker_toggles_tags_without_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::builtin();
    for n in config.tags.len()..11 {
        let key = newstag::tags::vocab::next_free_key(&config.tags).unwrap_or_default();
        config
            .tags
            .push(newstag::config::TagDef::new(&format!("extra{n}"), &key));
    }
    let mut last = newstag::config::TagDef::new("mutual-aid", "");
    last.label_zh = "邻里互助".into();
    config.tags.push(last);
    assert_eq!(config.tags.len(), 12);
    assert!(config.tags[11].key.is_empty(), "the twelfth tag has no key");
    // Another coder's config had a tag this one does not: it is in a sidecar.
    let mut other = app_in(dir.path(), Config::builtin());
    select_article(&mut other, 0);
    let (at, _) = other.selected_article().unwrap();
    let (oi, oa) = (at.issue, at.article);
    other
        .config
        .tags
        .push(newstag::config::TagDef::new("wildlife", "9"));
    let k = other.config.tags.len() - 1;
    other.update(Action::ToggleTag(k));
    assert_eq!(disk_tags(&other, oi, oa), ["wildlife"]);
    drop(other);

    let mut app = app_in(dir.path(), config);
    select_article(&mut app, 1);
    let (at, _) = app.selected_article().unwrap();
    let (i, a) = (at.issue, at.article);
    app.handle_key(key('#'));
    assert!(matches!(app.mode, Overlay::PickTag(_)), "{:?}", app.mode);
    let s = screen_text(&app);
    assert!(s.contains("Toggle a tag on 1 article"), "{s}");
    type_text(&mut app, "llhz");
    let s = screen_text(&app);
    assert!(s.contains("邻里互助 mutual-aid"), "{s}");
    app.handle_key(code(KeyCode::Enter));
    assert_eq!(app.mode, Overlay::Panes);
    assert_eq!(disk_tags(&app, i, a), ["mutual-aid"]);

    // The stray tag, found by part of its name, set on this article too.
    app.handle_key(key('#'));
    type_text(&mut app, "wild");
    let s = screen_text(&app);
    assert!(s.contains("wildlife (not in config)"), "{s}");
    app.handle_key(code(KeyCode::Enter));
    assert_eq!(disk_tags(&app, i, a), ["mutual-aid", "wildlife"]);

    // Picked again: taken off. Esc picks nothing.
    app.handle_key(key('#'));
    type_text(&mut app, "linli");
    app.handle_key(code(KeyCode::Enter));
    assert_eq!(disk_tags(&app, i, a), ["wildlife"]);
    app.handle_key(key('#'));
    type_text(&mut app, "wild");
    app.handle_key(code(KeyCode::Esc));
    assert_eq!(app.mode, Overlay::Panes);
    assert_eq!(disk_tags(&app, i, a), ["wildlife"]);
}

/// Put the tag pane's cursor on tag row `row` (the pane has the keyboard).
fn tag_pane_cursor(app: &mut App, row: usize) {
    while app.focus != newstag::ui::layout::Pane::Tags {
        app.handle_key(code(KeyCode::Tab));
    }
    app.update(Action::Top);
    for _ in 0..row {
        app.handle_key(key('j'));
    }
    assert_eq!(app.tag_selected, row);
}

/// Empty the prompt's text and type `text`.
fn retype(app: &mut App, text: &str) {
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    type_text(app, text);
}

/// `r` on a tag of the tag pane renames it everywhere after a question saying what changes: n leaves every file alone; y rewrites the sidecar beside the issue, another coder's sidecar and the config, and the session (the tag key, undo) goes on under the new name.
#[test]
fn rename_tag_from_the_tag_pane() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Config::builtin());
    select_article(&mut app, 1);
    let (at, _) = app.selected_article().unwrap();
    let (i, a) = (at.issue, at.article);
    app.handle_key(key('2'));
    assert_eq!(disk_tags(&app, i, a), ["heritage"]);
    // Another coder's sidecar has the tag too.
    let own = app.tagging.store.sidecar_path(&app.corpus.issues[i]);
    let theirs = dir
        .path()
        .join("coders/wang")
        .join(own.file_name().unwrap());
    std::fs::create_dir_all(theirs.parent().unwrap()).unwrap();
    std::fs::copy(&own, &theirs).unwrap();
    assert!(
        std::fs::read_to_string(&theirs)
            .unwrap()
            .contains("heritage")
    );
    let before_theirs = std::fs::read_to_string(&theirs).unwrap();
    tag_pane_cursor(&mut app, 1);
    app.handle_key(key('r'));
    assert!(matches!(app.mode, Overlay::EditTag(_)), "{:?}", app.mode);
    let s = screen_text(&app);
    assert!(s.contains("New name of 文化遗产 \"heritage\""), "{s}");
    assert!(s.contains("> heritage"), "the prompt holds the name: {s}");
    // A name another tag has is refused; the prompt stays open.
    retype(&mut app, "governance");
    app.handle_key(code(KeyCode::Enter));
    assert!(matches!(app.mode, Overlay::EditTag(_)), "{:?}", app.mode);
    let msg = app.message.clone().unwrap();
    assert!(msg.is_error && msg.text.contains("already"), "{}", msg.text);
    retype(&mut app, "culture");
    app.handle_key(code(KeyCode::Enter));
    assert!(
        matches!(app.mode, Overlay::ConfirmRename(_)),
        "{:?}",
        app.mode
    );
    let s = screen_text(&app);
    assert!(
        s.contains("Rename 文化遗产 \"heritage\" to \"culture\""),
        "{s}"
    );
    assert!(s.contains("and in the config?"), "{s}");
    assert!(s.contains("carrying it: 1"), "{s}");
    // No: nothing is written.
    app.handle_key(key('n'));
    assert_eq!(app.mode, Overlay::Panes);
    assert_eq!(disk_tags(&app, i, a), ["heritage"]);
    assert!(!dir.path().join("config.toml").exists());
    // Yes: every sidecar and the config.
    app.handle_key(key('r'));
    retype(&mut app, "culture");
    app.handle_key(code(KeyCode::Enter));
    app.handle_key(key('y'));
    assert_eq!(app.mode, Overlay::Panes);
    let msg = app.message.clone().unwrap();
    assert!(
        !msg.is_error
            && msg
                .text
                .contains("renamed \"heritage\" to \"culture\": 2 articles in 2 sidecars and"),
        "{}",
        msg.text
    );
    assert_eq!(disk_tags(&app, i, a), ["culture"]);
    assert_eq!(
        std::fs::read_to_string(&theirs).unwrap(),
        before_theirs.replace("\"heritage\"", "\"culture\"")
    );
    let (config, err) = Config::load(Some(&dir.path().join("config.toml"))).unwrap();
    assert!(err.is_empty(), "{err:?}");
    assert!(config.tag("heritage").is_none());
    assert_eq!(config.tag("culture").unwrap().key, "2");
    assert_eq!(app.tags_of(ArticleAt::new(i, a)), ["culture"]);
    // The tag's key toggles it under its new name; undo still undoes.
    app.handle_key(key('2'));
    assert!(disk_tags(&app, i, a).is_empty());
    app.handle_key(key('u'));
    assert_eq!(disk_tags(&app, i, a), ["culture"]);
    app.handle_key(key('u'));
    assert!(
        disk_tags(&app, i, a).is_empty(),
        "the first toggle is undone under the new name"
    );
}

/// With background jobs, the status bar says the rename is being saved until the session has taken it in; a sidecar that does not read stops it before anything is written, and the status bar says NOT RENAMED and why.
#[test]
fn rename_runs_in_the_background_and_refuses_a_broken_sidecar() {
    use newstag::session::{Notifier, SessionEvent};
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Config::builtin());
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    app.notify = Some(Notifier::new(move |ev| tx.lock().unwrap().send(ev).is_ok()));
    let wait = |app: &mut App| loop {
        match rx.recv_timeout(std::time::Duration::from_secs(30)).unwrap() {
            SessionEvent::TagsSaved => {
                app.tags_saved();
                if app.tagging.saves.pending() == 0 {
                    break;
                }
            }
            _ => continue,
        }
    };
    select_article(&mut app, 0);
    let (at, _) = app.selected_article().unwrap();
    let (i, a) = (at.issue, at.article);
    app.handle_key(key('1'));
    wait(&mut app);
    assert_eq!(disk_tags(&app, i, a), ["governance"]);
    let broken = dir.path().join("coders/li/old.tags.toml");
    std::fs::create_dir_all(broken.parent().unwrap()).unwrap();
    std::fs::write(&broken, "issue = \"old.md\"\n[[article\n").unwrap();
    tag_pane_cursor(&mut app, 0);
    app.handle_key(key('r'));
    retype(&mut app, "社区");
    app.handle_key(code(KeyCode::Enter));
    app.handle_key(key('y'));
    let line = area_text(&app, app.areas().status);
    assert!(line.contains("saving rename of \"governance\""), "{line}");
    wait(&mut app);
    let msg = app.message.clone().unwrap();
    assert!(
        msg.is_error && msg.text.contains("NOT RENAMED") && msg.text.contains("old.tags.toml"),
        "{}",
        msg.text
    );
    let line = area_text(&app, app.areas().status);
    assert!(line.contains("NOT SAVED"), "{line}");
    assert_eq!(disk_tags(&app, i, a), ["governance"], "nothing renamed");
    assert_eq!(app.tags_of(ArticleAt::new(i, a)), ["governance"]);
    assert!(!dir.path().join("config.toml").exists());
    // Mended, the same rename goes through.
    std::fs::remove_file(&broken).unwrap();
    app.handle_key(key('r'));
    retype(&mut app, "社区");
    app.handle_key(code(KeyCode::Enter));
    app.handle_key(key('y'));
    wait(&mut app);
    assert_eq!(disk_tags(&app, i, a), ["社区"]);
    let line = area_text(&app, app.areas().status);
    assert!(!line.contains("NOT SAVED"), "{line}");
}

/// `c` on a tag gives it the colour typed, written in the config; a word that is no colour is refused with the prompt left open; the message says the colour it had.
#[test]
fn recolor_tag_from_the_tag_pane() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Config::builtin());
    tag_pane_cursor(&mut app, 2);
    app.handle_key(key('c'));
    let s = screen_text(&app);
    assert!(s.contains("Colour of 生态环境 \"environment\""), "{s}");
    assert!(s.contains("> green"), "{s}");
    retype(&mut app, "reddish");
    app.handle_key(code(KeyCode::Enter));
    assert!(matches!(app.mode, Overlay::EditTag(_)), "{:?}", app.mode);
    assert!(app.message.clone().unwrap().is_error);
    assert!(!dir.path().join("config.toml").exists());
    retype(&mut app, "#ff8800");
    app.handle_key(code(KeyCode::Enter));
    assert_eq!(app.mode, Overlay::Panes);
    let msg = app.message.clone().unwrap();
    assert!(
        !msg.is_error && msg.text.contains("\"environment\" is #ff8800 (was green)"),
        "{}",
        msg.text
    );
    assert_eq!(app.config.tag("environment").unwrap().color, "#ff8800");
    let (config, err) = Config::load(Some(&dir.path().join("config.toml"))).unwrap();
    assert!(err.is_empty(), "{err:?}");
    assert_eq!(config.tag("environment").unwrap().color, "#ff8800");
    // Outside the tag pane the keys say where to go.
    app.handle_key(code(KeyCode::Tab));
    app.handle_key(key('c'));
    assert_eq!(app.mode, Overlay::Panes);
    assert!(
        app.message.clone().unwrap().text.contains("tag pane"),
        "{:?}",
        app.message
    );
}

//! The TUI's layers as a user meets them: each mode's keys come from its own
//! section of the keymap and show in help and the hint bar, and the rough edges
//! a new user hit (tag pane scrolling, chips, stats at 80x24, triage scrolling,
//! next untagged) stay fixed. Keys in, screens and files out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;
use crate::suggest_fixture;

use common::screen::screen_text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newstag::article::ArticleAt;
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::ui::action::Layer;
use newstag::ui::{App, ListRow, Overlay};
use std::path::Path;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.handle_key(ch(c));
    }
}

/// An app on the suggestion fixture (4 articles an issue) in `dir`, with
/// `config`, at `width` x `height`.
fn app_with(dir: &Path, config: Config, width: u16, height: u16) -> App {
    suggest_fixture::write_corpus(dir, 4);
    let corpus = Corpus::load(dir).unwrap();
    let mut app = App::with_issues(config, corpus.issues, width, height);
    app.message = None;
    app
}

/// Twelve tags: the shipped three (keys 1-3), then nine more, the last three
/// without a key.
fn twelve_tags() -> Config {
    let mut text = String::new();
    for n in 4..=12 {
        text.push_str(&format!("[[tag]]\nname = \"extra{n:02}\"\n"));
        if n <= 9 {
            text.push_str(&format!("key = \"{n}\"\n"));
        }
        text.push('\n');
    }
    Config::from_user_toml(&text, Path::new("c.toml")).unwrap()
}

/// At 80x24 with 12 tags, moving the tag pane's cursor to the last tag scrolls
/// the pane so that tag shows (it was toggled unseen), and Enter toggles it.
#[test]
fn tag_pane_scrolls_to_its_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), twelve_tags(), 80, 24);
    press(&mut app, "j");
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Tab));
    let screen = screen_text(&app);
    assert!(screen.contains("社区治理"), "{screen}");
    assert!(!screen.contains("extra12"), "{screen}");
    for _ in 0..11 {
        press(&mut app, "j");
    }
    assert_eq!(app.tag_selected, 11);
    let screen = screen_text(&app);
    assert!(screen.contains("extra12"), "{screen}");
    app.handle_key(key(KeyCode::Enter));
    let (at, _) = app.selected_article().unwrap();
    let (i, a) = (at.issue, at.article);
    assert_eq!(app.tags_of(ArticleAt::new(i, a)), ["extra12"]);
    let screen = screen_text(&app);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("extra12") && l.contains("[x]")),
        "{screen}"
    );
}

/// Five tags on an article leave its title two thirds of the row: the chips
/// that fit, then `+N`.
#[test]
fn chips_do_not_crush_titles() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), twelve_tags(), 80, 24);
    press(&mut app, "j12345");
    let (at, article) = app.selected_article().unwrap();
    let (i, a) = (at.issue, at.article);
    assert_eq!(app.tags_of(ArticleAt::new(i, a)).len(), 5);
    let title: String = article.title.chars().take(6).collect();
    let screen = screen_text(&app);
    // The list is the left pane: what comes before the reader's border.
    let row = screen
        .lines()
        .map(|l| l.split("││").next().unwrap_or(l))
        .find(|l| l.contains(&title))
        .unwrap_or_else(|| panic!("title {title} cut short:\n{screen}"));
    assert!(row.contains('+'), "{row}");
}

/// `U` jumps to the next article without a tag, skipping tagged ones.
#[test]
fn next_untagged_skips_tagged_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), Config::builtin(), 100, 30);
    press(&mut app, "j1j2jk");
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 1)));
    press(&mut app, "kU");
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 2)));
    press(&mut app, "1U");
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 3)));
}

/// At 80x24 the stats view scrolls to its end (it was cut in half), its legend
/// sits under the chart where it covers no line, and each tag's line has its own
/// marker so that it reads without colour.
#[test]
fn stats_scroll_and_read_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), Config::builtin(), 80, 24);
    app.theme = newstag::ui::theme::Theme::new(&app.config, false);
    press(&mut app, "j1jj2jjj3");
    press(&mut app, "s");
    let top = screen_text(&app);
    assert!(top.contains("more lines below"), "{top}");
    assert!(!top.contains("Tagged articles per month"), "{top}");
    app.handle_key(ch('G'));
    let bottom = screen_text(&app);
    assert!(bottom.contains("Tagged articles per month"), "{bottom}");
    for legend in ["⣿⣿ 社区治理", "██ 文化遗产", "▄▄ 生态环境"] {
        assert!(bottom.contains(legend), "{legend}:\n{bottom}");
    }
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode, Overlay::Panes);
}

/// An article marked "no topic" is not counted as tagged in the stats view.
#[test]
fn no_topic_is_not_tagged_in_stats() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), Config::builtin(), 100, 30);
    press(&mut app, "j1");
    let issues = app.corpus.issues.clone();
    newstag::suggest::mark_no_topic(&mut app.tagging.store, &issues, &[ArticleAt::new(0, 1)]);
    press(&mut app, "s");
    let Overlay::Stats(view) = &app.mode else {
        panic!("stats not open")
    };
    assert_eq!(view.stats.tagged, 1);
    assert!(screen_text(&app).contains("1 tagged"));
}

/// Triage shows the kicker, subtitle and byline, and `j` scrolls a long
/// article (its end was cut off).
#[test]
fn triage_scrolls_a_long_article() {
    let dir = tempfile::tempdir().unwrap();
    let body: String = (1..=40)
        .map(|n| format!("第{n}段 社区居民议事会讨论停车难问题。\n\n"))
        .collect();
    std::fs::write(
        dir.path().join("2024-06-01_9.txt"),
        format!("【社区观察】\n长文章标题\n——副标题在这里\n本报记者 张三\n\n{body}"),
    )
    .unwrap();
    let mut app = app_with(dir.path(), Config::builtin(), 100, 30);
    app.start_suggestions();
    press(&mut app, "T");
    assert_eq!(app.mode, Overlay::Triage);
    // Walk to the long article.
    for _ in 0..30 {
        if screen_text(&app).contains("长文章标题") {
            break;
        }
        app.handle_key(ch(' '));
    }
    let screen = screen_text(&app);
    assert!(screen.contains("长文章标题"), "{screen}");
    assert!(screen.contains("第1段"), "{screen}");
    assert!(!screen.contains("第40段"), "{screen}");
    assert!(screen.contains("more lines"), "{screen}");
    for _ in 0..60 {
        app.handle_key(ch('j'));
    }
    let screen = screen_text(&app);
    assert!(screen.contains("第40段"), "{screen}");
    assert!(screen.contains("长文章标题"), "{screen}");
}

/// Every mode's keys show in help: a heading per layer with its config
/// section, and `?` in triage lists triage's keys first and returns to triage.
#[test]
fn help_lists_every_layer_the_current_one_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), Config::builtin(), 100, 30);
    app.start_suggestions();
    press(&mut app, "T?");
    let Overlay::Help(view) = &app.mode else {
        panic!("help not open")
    };
    assert_eq!(view.from, Layer::Triage);
    let screen = screen_text(&app);
    let first = screen.lines().nth(1).unwrap();
    assert!(first.contains("[keys.triage]"), "{screen}");
    assert!(screen.contains("Mark the article \"no topic\""), "{screen}");
    let mut headings = Vec::new();
    for line in &view.lines {
        if let newstag::ui::help::HelpLine::Heading(h) = line {
            headings.push(h.clone());
        }
    }
    for layer in Layer::ALL {
        assert!(
            headings.iter().any(|h| h.contains(&layer.header())),
            "{layer:?} missing: {headings:?}"
        );
    }
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode, Overlay::Triage);
    // The hint bar is triage's own.
    let screen = screen_text(&app);
    let hints = screen.lines().last().unwrap();
    assert!(hints.contains("no topic"), "{hints}");
}

/// A key rebound in `[keys.confirm]` answers the bulk question; the old one no
/// longer does.
#[test]
fn bulk_confirmation_keys_come_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[ui]\nconfirm_bulk_over = 2\n\n[keys.confirm]\nyes = [\"o\"]\n";
    let config = Config::from_user_toml(text, Path::new("c.toml")).unwrap();
    let mut app = app_with(dir.path(), config, 100, 30);
    press(&mut app, "V1");
    assert_eq!(app.mode, Overlay::ConfirmBulk);
    let screen = screen_text(&app);
    assert!(screen.contains(" o  yes"), "{screen}");
    press(&mut app, "y");
    assert_eq!(app.mode, Overlay::ConfirmBulk);
    press(&mut app, "o");
    assert_eq!(app.mode, Overlay::Panes);
    assert_eq!(app.tagged_total(), app.article_total);
}

/// A tag in a sidecar that the config does not define shows in the tag pane
/// (it was a chip only) and Enter on it removes it, in the sidecar too.
#[test]
fn sidecar_only_tags_are_listed_and_removable() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), Config::builtin(), 100, 30);
    press(&mut app, "j");
    let (at, _) = app.selected_article().unwrap();
    let (i, a) = (at.issue, at.article);
    let issues = app.corpus.issues.clone();
    let target = newstag::tags::Target::at(&issues, at).unwrap();
    assert!(
        app.tagging
            .store
            .set(&[target], "旧专题", true, newstag::tags::Source::Hand)
            .ok()
    );
    let screen = screen_text(&app);
    assert!(screen.contains("旧专题 (not in config)"), "{screen}");
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Tab));
    press(&mut app, "jjj");
    app.handle_key(key(KeyCode::Enter));
    assert!(
        app.tags_of(ArticleAt::new(i, a)).is_empty(),
        "{:?}",
        app.tags_of(ArticleAt::new(i, a))
    );
    let issue = &app.corpus.issues[i];
    let path = newstag::tags::sidecar::sidecar_path(&issue.path, &issue.rel, None);
    let saved = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(!saved.contains("旧专题"), "{saved}");
    let screen = screen_text(&app);
    assert!(!screen.contains("旧专题 (not in config)"), "{screen}");
    assert!(!screen.contains("[旧专题]"), "{screen}");
}

/// Every message of the session is kept: `M` lists them, the newest last,
/// including ones the status bar has since replaced.
#[test]
fn message_log_keeps_every_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), Config::builtin(), 100, 30);
    app.error("第一条：一个很长的错误消息，状态栏只显示最后一条");
    press(&mut app, "x");
    assert_eq!(app.message.as_ref().unwrap().text, "marks cleared");
    press(&mut app, "M");
    let screen = screen_text(&app);
    assert!(screen.contains("第一条"), "{screen}");
    assert!(screen.contains("marks cleared"), "{screen}");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode, Overlay::Panes);
}

/// `D` asks for a date and goes to the first listed issue on or after it,
/// unfolding it; a date with no issue after it, or no date, is said so.
#[test]
fn jump_to_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), Config::builtin(), 100, 30);
    press(&mut app, "D2024-05-03");
    assert_eq!(app.mode, Overlay::JumpToDate);
    assert!(screen_text(&app).contains("2024-05-03_"));
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.mode, Overlay::Panes);
    assert_eq!(app.selected_row(), Some(ListRow::article(2, 0)));
    press(&mut app, "D2024/05/02");
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.selected_row(), Some(ListRow::article(1, 0)));
    press(&mut app, "D2030");
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.selected_row(), Some(ListRow::article(1, 0)));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("no listed issue")
    );
    press(&mut app, "Dmay");
    app.handle_key(key(KeyCode::Enter));
    assert!(app.message.as_ref().unwrap().is_error);
}

/// Esc then `s` typed quickly reaches newstag as Alt-s (tmux's escape-time): in
/// an overlay it closes the overlay and then does `s`, as it did in the panes.
#[test]
fn esc_then_key_typed_fast_works_in_overlays() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), Config::builtin(), 100, 30);
    press(&mut app, "M");
    assert!(matches!(app.mode, Overlay::Messages { .. }));
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::ALT));
    assert!(matches!(app.mode, Overlay::Stats(_)), "{:?}", app.layer());
}

/// One truncation mark everywhere (`~`; it was `~` in the list, `...` after
/// an untitled article's first words and `…` in snippets): at 160x24 a title
/// too long for the list, the first words of an untitled article, the reader
/// pane's title (an issue named by a long file name) and a status message too
/// long for the bar are each cut with `~`, and nothing shows `…` or `...`.
#[test]
fn text_cut_to_fit_ends_with_one_mark() {
    let dir = tempfile::tempdir().unwrap();
    let long_title =
        "关于进一步加强和改进新时代城乡社区治理与服务体系建设若干问题的调查报告及其附件材料汇编";
    let long_body = "本报讯 记者走访了城东街道的十二个社区，了解到居民议事会已经成为解决停车难、加装电梯等难题的重要平台。";
    let name =
        "城东街道社区治理专题资料汇编第一辑材料之二城东街道社区治理专题资料汇编第一辑材料之三.txt";
    std::fs::write(
        dir.path().join(name),
        format!("# {long_title}\n\n{long_body}\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("2024-05-13.txt"), format!("{long_body}\n")).unwrap();
    let corpus = Corpus::load(dir.path()).unwrap();
    let mut app = App::with_issues(Config::builtin(), corpus.issues, 160, 24);
    while app
        .selected_article()
        .is_none_or(|(_, a)| a.title != long_title)
    {
        app.update(newstag::ui::Action::MoveDown);
    }
    app.say(format!("{long_body} {long_body} {long_body}"));
    let screen = screen_text(&app);
    let rows: Vec<&str> = screen.lines().collect();
    assert!(!screen.contains('…') && !screen.contains("..."), "{screen}");
    // The list: the long title, cut (the reader beside it wraps it whole).
    let list: Vec<&str> = rows
        .iter()
        .map(|r| r.split("││").next().unwrap_or(""))
        .collect();
    let title_row = list
        .iter()
        .find(|r| r.contains("关于进一步加强"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(!title_row.contains("附件材料汇编"), "{title_row}");
    assert!(title_row.trim_end().ends_with('~'), "{title_row}");
    // The untitled article: its first 24 characters, then the mark, cut
    // again to the list's width.
    let untitled = &app.corpus.issues[0].articles[0];
    let first_words: String = long_body.chars().take(24).collect();
    assert_eq!(untitled.display_title(), format!("{first_words}~"));
    let untitled_row = list
        .iter()
        .find(|r| r.contains("本报讯 记者走访"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(untitled_row.trim_end().ends_with('~'), "{untitled_row}");
    // The reader's title: the file name, cut at the pane's border.
    let top = rows[0]
        .split("┐┌")
        .nth(1)
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        top.contains("城东街道") && !top.contains("之三.txt"),
        "{top}"
    );
    assert!(top.contains("第一辑~─"), "{top}");
    // The status bar: the message, cut.
    let status = rows[rows.len() - 2];
    assert!(
        status.contains("本报讯") && status.trim_end().ends_with('~'),
        "{status}"
    );
}

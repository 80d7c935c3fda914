//! Screen snapshots (ratatui TestBackend + insta) of the main screen, narrow

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Chinese text, the help overlay and a long article scrolled to its end.

use crate::common;
use crate::ui_fixture;

use common::screen::screen_text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newstag::config::Config;
use newstag::corpus::{builtin, parse_issue};
use newstag::ui::action::Layer;
use newstag::ui::help::HelpLine;
use newstag::ui::{Action, App};

fn esc() -> KeyEvent {
    KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)
}
use std::path::Path;
use unicode_width::UnicodeWidthStr;

fn fixture_app(width: u16, height: u16) -> App {
    App::with_issues(
        Config::builtin(),
        ui_fixture::fixture_issues(),
        width,
        height,
    )
}

fn sample_app(width: u16, height: u16) -> App {
    let issues = builtin::sample_files()
        .into_iter()
        .map(|(rel, bytes)| parse_issue(Path::new(&rel), &rel, bytes).unwrap())
        .collect();
    App::with_issues(Config::builtin(), issues, width, height)
}

/// The main screen on the built-in sample at 120x40: three panes, counts, hints.
#[test]
fn sample_main_120x40() {
    let mut app = sample_app(120, 40);
    app.update(Action::MoveDown);
    let s = screen_text(&app);
    assert!(s.contains("? help"), "{s}");
    insta::assert_snapshot!(s);
}

/// The main screen on the built-in sample at 80x24: list and reader, tags below.
#[test]
fn sample_main_80x24() {
    let mut app = sample_app(80, 24);
    app.update(Action::MoveDown);
    insta::assert_snapshot!(screen_text(&app));
}

/// The fixture corpus at 120x40 with an article open: heading parts, wrapped body.
#[test]
fn fixture_main_120x40() {
    let mut app = fixture_app(120, 40);
    app.update(Action::MoveDown);
    app.update(Action::Open);
    let s = screen_text(&app);
    assert!(s.contains("老街巷里的便民服务站"), "{s}");
    insta::assert_snapshot!(s);
}

/// A 40x15 terminal shows one pane at a time; Chinese wraps by display width with
/// no line starting with closing punctuation.
#[test]
fn narrow_40x15_chinese() {
    let mut app = fixture_app(40, 15);
    let list = screen_text(&app);
    insta::assert_snapshot!("narrow_40x15_list", list);
    app.update(Action::MoveDown);
    app.update(Action::Open);
    let reader = screen_text(&app);
    for line in reader.lines() {
        let inside = line.trim_start_matches('│');
        assert!(
            !inside.starts_with(['，', '。', '、', '”', '）', '》']),
            "line starts with closing punctuation: {line}"
        );
    }
    insta::assert_snapshot!("narrow_40x15_reader", reader);
}

/// The help overlay lists every binding with its description.
#[test]
fn help_overlay() {
    // Tall enough for every binding of the panes on the first screen.
    let mut app = fixture_app(100, 46);
    app.update(Action::Help);
    let s = screen_text(&app);
    for a in Action::BINDABLE {
        assert!(s.contains(a.description()), "help lacks {:?}", a);
    }
    insta::assert_snapshot!(s);
}

/// A long article scrolled to its end shows its last sentence and 100%.
#[test]
fn long_article_scrolled_to_end() {
    let mut app = fixture_app(80, 24);
    app.update(Action::NextIssue);
    app.update(Action::Open);
    app.update(Action::Bottom);
    let s = screen_text(&app);
    assert!(s.contains(ui_fixture::LONG_LAST), "{s}");
    assert!(s.contains("100%"), "{s}");
    insta::assert_snapshot!(s);
}

/// Below the minimum size a short notice shows instead of the panes.
#[test]
fn too_small_notice() {
    let app = fixture_app(20, 4);
    let s = screen_text(&app);
    assert!(s.contains("too small"), "{s}");
}

/// No size from 1x1 up panics, in any pane and with help open.
#[test]
fn every_size_draws() {
    let mut app = fixture_app(80, 24);
    app.update(Action::MoveDown);
    for w in 1..=130u16 {
        for h in [1u16, 2, 3, 5, 6, 7, 9, 12, 15, 24, 41] {
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            for _ in 0..3 {
                app.update(Action::NextPane);
                screen_text(&app);
            }
            app.update(Action::Help);
            screen_text(&app);
            app.handle_key(esc());
        }
    }
}

/// On a small screen the help wraps its descriptions and scrolls to the last one.
#[test]
fn help_wraps_and_scrolls_when_small() {
    let mut app = fixture_app(60, 20);
    app.update(Action::Help);
    let top = screen_text(&app);
    assert!(top.contains("Move down one row"), "{top}");
    assert!(top.contains("j/k scroll"), "{top}");
    app.handle_key(KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
    let bottom = screen_text(&app);
    let last_keys = newstag::ui::help::lines(
        &app.keymap,
        &app.config.tags,
        newstag::ui::search_bar::SYNTAX,
        Layer::Panes,
    )
    .into_iter()
    .filter_map(|l| match l {
        HelpLine::Binding(keys, _) => Some(keys),
        HelpLine::Heading(_) => None,
    })
    .next_back()
    .unwrap();
    assert!(bottom.contains(&last_keys), "{bottom}");
    assert!(!bottom.contains("Move down one row"), "{bottom}");
    for line in bottom.lines() {
        assert!(UnicodeWidthStr::width(line) <= 60, "{line}");
    }
}

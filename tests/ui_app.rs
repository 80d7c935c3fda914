//! The app driven by actions and keys, its state asserted (no terminal).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::ui_fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use newstag::article::ArticleAt;
use newstag::config::Config;
use newstag::ui::layout::Pane;
use newstag::ui::{Action, App, ListRow, Overlay};

fn app() -> App {
    App::with_issues(Config::builtin(), ui_fixture::fixture_issues(), 120, 40)
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// j/k move the selection through issue and article rows; g/G jump to the ends.
#[test]
fn moving_through_the_list() {
    let mut app = app();
    assert_eq!(app.selected_row(), Some(ListRow::Issue(0)));
    app.update(Action::MoveDown);
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 0)));
    app.update(Action::Bottom);
    assert_eq!(app.selected_row(), Some(ListRow::article(1, 1)));
    app.update(Action::MoveDown);
    assert_eq!(app.selected_row(), Some(ListRow::article(1, 1)));
    app.update(Action::Top);
    assert_eq!(app.selected_row(), Some(ListRow::Issue(0)));
    app.update(Action::MoveUp);
    assert_eq!(app.selected_row(), Some(ListRow::Issue(0)));
}

/// ] and [ jump between issues, landing on the first article.
#[test]
fn next_and_previous_issue() {
    let mut app = app();
    app.update(Action::NextIssue);
    assert_eq!(app.selected_row(), Some(ListRow::article(1, 0)));
    app.update(Action::PrevIssue);
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 0)));
}

/// z folds an issue (its articles disappear from the list) and unfolds it again.
#[test]
fn folding() {
    let mut app = app();
    app.update(Action::MoveDown);
    app.update(Action::Fold);
    assert_eq!(app.selected_row(), Some(ListRow::Issue(0)));
    assert_eq!(app.rows.len(), 2 + 2);
    app.update(Action::MoveDown);
    assert_eq!(app.selected_row(), Some(ListRow::Issue(1)));
    app.update(Action::MoveUp);
    app.update(Action::Open);
    assert_eq!(app.rows.len(), 2 + 5);
}

/// Enter opens the article in the reader; j scrolls it; h goes back to the list.
#[test]
fn reading_an_article() {
    let mut app = App::with_issues(Config::builtin(), ui_fixture::fixture_issues(), 80, 24);
    app.update(Action::NextIssue);
    app.update(Action::Open);
    assert_eq!(app.focus, Pane::Reader);
    assert!(
        app.reader
            .lines
            .iter()
            .any(|l| l.text == ui_fixture::LONG_TITLE)
    );
    app.update(Action::MoveDown);
    assert_eq!(app.reader.scroll, 1);
    app.update(Action::Bottom);
    let last = app.reader.lines.len() - app.reader_height();
    assert_eq!(app.reader.scroll, last);
    app.update(Action::Back);
    assert_eq!(app.focus, Pane::List);
    assert_eq!(app.selected_row(), Some(ListRow::article(1, 0)));
}

/// Resizing re-wraps the reader for the new width and keeps scroll in range.
#[test]
fn resize_rewraps() {
    let mut app = app();
    app.update(Action::NextIssue);
    let wide = app.reader.lines.len();
    app.update(Action::Resize {
        width: 50,
        height: 20,
    });
    assert!(app.reader.lines.len() > wide);
    assert!(
        app.reader
            .lines
            .iter()
            .all(|l| newstag::ui::wrap::width(&l.text) <= 48)
    );
}

/// Space marks articles for a batch and moves on; V marks all; Esc in the list
/// keeps the marks (it wiped them, with no undo); x clears.
#[test]
fn marking() {
    let mut app = app();
    app.update(Action::MoveDown);
    app.update(Action::Mark);
    assert!(app.marks.contains(&ArticleAt::new(0, 0)));
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 1)));
    assert_eq!(app.batch(), vec![ArticleAt::new(0, 0)]);
    app.update(Action::MarkAll);
    assert_eq!(app.marks.len(), 5);
    app.handle_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Esc,
        crossterm::event::KeyModifiers::NONE,
    ));
    assert_eq!(app.marks.len(), 5, "Esc keeps the marks");
    app.update(Action::ClearMarks);
    assert!(app.marks.is_empty());
}

/// Keys go through the keymap: presses only, full-width input-method keys work.
#[test]
fn keys_through_the_keymap() {
    let mut app = app();
    app.handle_key(key('j'));
    assert_eq!(app.selected, 1);
    let mut release = key('j');
    release.kind = KeyEventKind::Release;
    app.handle_key(release);
    assert_eq!(app.selected, 1, "key releases are ignored");
    app.handle_key(key('？'));
    assert!(matches!(app.mode, Overlay::Help(_)));
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.mode, Overlay::Panes);
    app.handle_key(key('q'));
    assert!(app.quit);
}

/// Features not built yet say so in the status bar instead of pretending.
#[test]
fn unbuilt_features_say_so() {
    let mut app = app();
    app.update(Action::AcceptSuggestions);
    let m = app.message.clone().unwrap();
    assert!(m.text.contains("uggestion"), "{}", m.text);
}

/// Clicking a row selects it; clicking a selected issue row folds it; the wheel
/// scrolls the pane under the pointer.
#[test]
fn mouse() {
    let mut app = app();
    // Row 3 of the screen is the third list row (border at row 0).
    app.update(Action::Click { column: 5, row: 3 });
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 1)));
    app.update(Action::Click { column: 5, row: 1 });
    app.update(Action::Click { column: 5, row: 1 });
    assert!(app.folded.contains(&0));
    app.update(Action::Click { column: 5, row: 1 });
    app.update(Action::NextIssue);
    let reader_x = app.areas().reader.unwrap().x + 2;
    app.update(Action::Wheel {
        column: reader_x,
        row: 5,
        lines: 1,
    });
    assert_eq!(app.reader.scroll, app.config.ui.wheel_step as usize);
    assert_eq!(app.focus, Pane::List, "the wheel does not move focus");
}

/// Issues arriving from the background loader can be browsed at once; the
/// selection stays put as more arrive.
#[test]
fn browsing_while_loading() {
    let mut issues = ui_fixture::fixture_issues();
    let second = issues.pop().unwrap();
    let mut app = App::with_issues(Config::builtin(), issues, 120, 40);
    app.set_loading(1, 2);
    app.update(Action::MoveDown);
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 0)));
    app.push_issues(vec![second]);
    app.finish_loading(Vec::new());
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 0)));
    assert_eq!(app.rows.len(), 7);
    assert!(app.loading.is_none());
    assert!(
        app.message
            .clone()
            .unwrap()
            .text
            .contains("loaded 2 issues")
    );
}

/// A search filter (set by the search feature) replaces the list's rows.
#[test]
fn filter_replaces_rows() {
    let mut app = app();
    app.set_filter(Some(vec![ArticleAt::new(1, 1)]));
    assert_eq!(app.rows, vec![ListRow::Issue(1), ListRow::article(1, 1)]);
    app.set_filter(None);
    assert_eq!(app.rows.len(), 7);
}

/// Esc followed quickly by a key (as tmux delivers it, Alt-key) acts as both.
#[test]
fn quick_esc_then_key() {
    let mut app = app();
    app.update(Action::MoveDown);
    app.update(Action::Open);
    assert_eq!(app.focus, Pane::Reader);
    app.handle_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT));
    assert_eq!(app.focus, Pane::List);
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 1)));
}

/// An issue row's summary lists its titles, long ones wrapped under their text.
#[test]
fn issue_summary_hangs_titles() {
    let app = App::with_issues(Config::builtin(), ui_fixture::fixture_issues(), 40, 15);
    // The issue row is selected: the reader shows the summary.
    let lines: Vec<&str> = app.reader.lines.iter().map(|l| l.text.as_str()).collect();
    let k = lines.iter().position(|l| l.starts_with("  3  ")).unwrap();
    assert!(lines[k].contains("（上接第1版）"), "{lines:?}");
    assert!(
        lines[k + 1].starts_with("     ") && !lines[k + 1].trim().is_empty(),
        "{lines:?}"
    );
}

/// The fixture's issues renamed and redated: paths in one order, dates in
/// another, one without a date.
fn issues_out_of_date_order() -> Vec<newstag::article::Issue> {
    let mut issues = ui_fixture::fixture_issues();
    let mut more = ui_fixture::fixture_issues();
    let dates = [
        Some("2024-06-01"),
        None,
        Some("2024-05-13"),
        Some("2023-12-31"),
    ];
    issues.append(&mut more);
    for (k, (issue, date)) in issues.iter_mut().zip(dates).enumerate() {
        issue.rel = format!("p{k}.txt");
        issue.path = std::path::PathBuf::from(format!("fixtures/p{k}.txt"));
        issue.date = date.map(str::to_string);
    }
    issues
}

/// The issues' order in the list.
fn listed_issues(app: &App) -> Vec<usize> {
    app.rows
        .iter()
        .filter_map(|r| match r {
            ListRow::Issue(i) => Some(*i),
            ListRow::Article(..) => None,
        })
        .collect()
}

/// The list is ordered by issue date, issues without a date after (by path),
/// whether the issues arrive at once or batch by batch while loading; `]`
/// walks them in that order and `D` goes to the nearest issue on or after a
/// date typed; `U` (next untagged) follows the list's order.
#[test]
fn list_is_ordered_by_issue_date() {
    let issues = issues_out_of_date_order();
    let app = App::with_issues(Config::builtin(), issues.clone(), 100, 40);
    assert_eq!(listed_issues(&app), vec![3, 2, 0, 1]);

    // Loaded in batches, in path order.
    let mut loading = App::with_issues(Config::builtin(), Vec::new(), 100, 40);
    let mut rest = issues.clone();
    let tail = rest.split_off(2);
    loading.push_issues(rest);
    assert_eq!(listed_issues(&loading), vec![0, 1]);
    loading.push_issues(tail);
    assert_eq!(listed_issues(&loading), vec![3, 2, 0, 1]);

    let mut app = app;
    app.update(Action::Top);
    assert_eq!(app.selected_row(), Some(ListRow::Issue(3)));
    app.update(Action::NextIssue);
    assert_eq!(app.selected_row(), Some(ListRow::article(2, 0)));
    // The nearest issue on or after a date: 2024-05 -> 2024-05-13 (issue 2).
    for (typed, issue) in [("2024-05", 2), ("2024-05-14", 0), ("2020", 3)] {
        app.handle_key(key('D'));
        for c in typed.chars() {
            app.handle_key(key(c));
        }
        app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        assert_eq!(
            app.selected_row(),
            Some(ListRow::article(issue, 0)),
            "{typed}"
        );
    }
    // Next untagged walks in list order: from the last article of issue 2
    // to the first of issue 0.
    app.update(Action::Top);
    app.handle_key(key('D'));
    for c in "2024-05-13".chars() {
        app.handle_key(key(c));
    }
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    assert_eq!(app.selected_row(), Some(ListRow::article(2, 2)));
    app.update(Action::NextUntagged);
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 0)));
}

//! Suggestions in the TUI: ghost tags in the tag pane, `a`, and triage mode, on
//! an app fed real issue files (sidecars in a temp dir), plus screen snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;
use crate::suggest_fixture;

use common::screen::screen_text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newstag::article::ArticleAt;
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::tags::{Source, sidecar};
use newstag::ui::{Action, App, Overlay};

/// An app on the suggestion fixture (4 articles an issue), suggestions scored.
fn app(dir: &std::path::Path, width: u16, height: u16) -> App {
    suggest_fixture::write_corpus(dir, 4);
    let corpus = Corpus::load(dir).unwrap();
    let mut app = App::with_issues(Config::builtin(), corpus.issues, width, height);
    app.message = None;
    app.start_suggestions();
    assert!(app.suggest.suggester.is_some());
    let ready = app.message.take().unwrap();
    assert!(
        ready.text.starts_with("suggestions ready: 16 articles"),
        "{}",
        ready.text
    );
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Every tag saved for the article at `(i, a)`, with how it was set.
fn saved(app: &App, i: usize, a: usize) -> Vec<(String, Source)> {
    let issue = &app.corpus.issues[i];
    let path = sidecar::sidecar_path(&issue.path, &issue.rel, None);
    let Some(file) = sidecar::read(&path).unwrap() else {
        return Vec::new();
    };
    file.articles
        .iter()
        .filter(|r| r.id == issue.articles[a].id)
        .flat_map(|r| r.tags.iter().map(|(t, m)| (t.clone(), m.by)))
        .collect()
}

/// The tag pane shows a suggested tag as a ghost with its score and words; `a`
/// sets it, recorded as an accepted suggestion, and the ghost goes.
#[test]
fn ghost_tags_and_accepting_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), 100, 24);
    app.update(Action::MoveDown); // the first article: 社区议事会解决停车难
    let (at, article) = app.selected_article().unwrap();
    let (i, a) = (at.issue, at.article);
    assert_eq!(article.title, "社区议事会解决停车难");
    let ghost = app.ghost("governance").unwrap();
    assert!(ghost.score >= 0.35);
    let text = screen_text(&app);
    let row = text.lines().find(|l| l.contains("1 社区治理")).unwrap();
    assert!(row.contains(&format!("~{:.2}", ghost.score)), "{row}");
    assert!(row.contains(&ghost.words[0]), "{row}");
    assert!(app.ghost("heritage").is_none());

    app.update(Action::AcceptSuggestions);
    assert_eq!(
        saved(&app, i, a),
        [("governance".to_string(), Source::Suggestion)]
    );
    assert!(app.ghost("governance").is_none());
    let row = screen_text(&app)
        .lines()
        .find(|l| l.contains("1 社区治理"))
        .unwrap()
        .to_string();
    assert!(row.contains("[x]") && !row.contains('~'), "{row}");
    app.update(Action::Undo);
    assert!(saved(&app, i, a).is_empty());
}

/// Triage mode: strongest suggestions first, Enter accepts and moves on, a tag
/// key toggles, x marks no topic, Space skips, u goes back; Esc leaves.
#[test]
fn triage_keys_decide_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), 100, 30);
    app.update(Action::Triage);
    assert_eq!(app.mode, Overlay::Triage);
    let queue = app.suggest.triage.as_ref().unwrap().queue.clone();
    assert_eq!(queue.len(), 16);
    let first = queue[0];
    let expected: Vec<String> = app
        .suggestions_for(first)
        .into_iter()
        .map(|s| s.tag)
        .collect();
    app.handle_key(key(KeyCode::Enter));
    let got: Vec<String> = saved(&app, first.issue, first.article)
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(got, expected);
    let second = queue[1];
    app.handle_key(key(KeyCode::Char('3')));
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(
        saved(&app, second.issue, second.article),
        [("environment".to_string(), Source::Hand)]
    );
    let third = queue[2];
    app.handle_key(key(KeyCode::Char('x')));
    assert_eq!(
        saved(&app, third.issue, third.article)[0].0,
        newstag::suggest::NO_TOPIC
    );
    app.handle_key(key(KeyCode::Char(' ')));
    assert_eq!(app.suggest.triage.as_ref().unwrap().pos, 4);
    app.handle_key(key(KeyCode::Char('u'))); // the skip
    app.handle_key(key(KeyCode::Char('u'))); // the "no topic"
    assert!(saved(&app, third.issue, third.article).is_empty());
    assert_eq!(app.suggest.triage.as_ref().unwrap().current(), Some(third));
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode, Overlay::Panes);
    assert_eq!(app.selected_article().map(|(at, _)| at), Some(third));
}

/// Snapshot: triage mode at 100x30 on the first article after one decision.
#[test]
fn triage_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), 100, 30);
    app.update(Action::Triage);
    app.handle_key(key(KeyCode::Enter));
    insta::assert_snapshot!("triage_100x30", screen_text(&app));
}

/// Snapshot: the main screen with ghost tags in the tag pane.
#[test]
fn ghost_tags_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), 100, 24);
    app.update(Action::MoveDown);
    insta::assert_snapshot!("ghost_tags_100x24", screen_text(&app));
}

/// A tag made in the app (no keywords) is learned from the user's tags once there
/// are enough of them, and shows as a ghost on a similar untagged article.
#[test]
fn tags_made_in_the_app_are_learned() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), 100, 24);
    app.config
        .tags
        .push(newstag::config::TagDef::new("transport", "4"));
    app.suggest.suggester.as_mut().unwrap().learn_after = 10;
    let find = |app: &App, title: &str| -> ArticleAt {
        app.corpus
            .issues
            .iter()
            .enumerate()
            .find_map(|(i, is)| {
                is.articles
                    .iter()
                    .position(|a| a.title == title)
                    .map(|a| ArticleAt::new(i, a))
            })
            .unwrap()
    };
    let mut decisions: Vec<(ArticleAt, &str)> = Vec::new();
    for (t, _) in &suggest_fixture::TRANSPORT[..3] {
        decisions.push((find(&app, t), "transport"));
    }
    for (group, tag) in [
        (&suggest_fixture::GOVERNANCE[..], "governance"),
        (&suggest_fixture::HERITAGE[..], "heritage"),
        (&suggest_fixture::ENVIRONMENT[..], "environment"),
    ] {
        for (t, _) in group {
            decisions.push((find(&app, t), tag));
        }
    }
    let before = find(&app, suggest_fixture::TRANSPORT[4].0);
    let row = app
        .rows
        .iter()
        .position(|r| *r == newstag::ui::ListRow::Article(before))
        .unwrap();
    app.selected = row;
    assert!(app.ghost("transport").is_none());
    for (at, tag) in decisions {
        let (i, a) = (at.issue, at.article);
        let issue = &app.corpus.issues[i];
        let target = newstag::tags::Target {
            issue,
            article: &issue.articles[a],
        };
        let o = app.tagging.store.set(&[target], tag, true, Source::Hand);
        assert!(o.ok(), "{}", o.message());
    }
    app.relearn();
    let ghost = app.ghost("transport").expect("transport suggested");
    assert!(ghost.score >= 0.35, "{ghost:?}");
}

/// Leaving triage selects the article it was on, scrolled into the list's view, wherever it lies in the list.
#[test]
fn leaving_triage_shows_its_article_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), 100, 16);
    let mut seen_far = false;
    for _ in 0..12 {
        app.update(Action::Triage);
        assert_eq!(app.mode, Overlay::Triage);
        app.handle_key(key(KeyCode::Char(' ')));
        app.handle_key(key(KeyCode::Esc));
        assert_eq!(app.mode, Overlay::Panes);
        let (_, article) = app.selected_article().unwrap();
        let title: String = article.title.chars().take(4).collect();
        let list = common::screen::area_text(&app, app.areas().list.unwrap());
        seen_far |= app.selected > app.areas().list.unwrap().height as usize;
        assert!(list.contains(&title), "{title} not in the list:\n{list}");
    }
    assert!(seen_far, "the walk went below the first screen");
}

/// Triage's decisions are saved off the UI thread: after Enter the walk is on the next article at once and the status bar says the accepted tags are being saved, then saved (the sidecar holds them); a decision whose sidecar cannot be written shows NOT SAVED and why, and u then undoes the last decision that was saved.
#[test]
fn triage_saves_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), 100, 30);
    let jobs = common::jobs::Jobs::attach(&mut app);
    app.update(Action::Triage);
    let queue = app.suggest.triage.as_ref().unwrap().queue.clone();
    let first = queue[0];
    let status = |app: &App| common::screen::area_text(app, app.areas().status);
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(
        app.suggest.triage.as_ref().unwrap().current(),
        Some(queue[1])
    );
    let line = status(&app);
    assert!(line.contains("saving accept suggestions"), "{line}");
    jobs.wait_saves(&mut app);
    let line = status(&app);
    assert!(line.contains(" saved ") && !line.contains("NOT"), "{line}");
    assert!(!saved(&app, first.issue, first.article).is_empty());
    assert!(!app.tags_of(first).is_empty());
    // An article of an issue without a sidecar, whose sidecar cannot be
    // written: a folder is in its way.
    let sidecar_of = |app: &App, at: ArticleAt| {
        let issue = &app.corpus.issues[at.issue];
        sidecar::sidecar_path(&issue.path, &issue.rel, None)
    };
    while sidecar_of(
        &app,
        app.suggest.triage.as_ref().unwrap().current().unwrap(),
    )
    .exists()
    {
        app.handle_key(key(KeyCode::Char(' ')));
    }
    let second = app.suggest.triage.as_ref().unwrap().current().unwrap();
    std::fs::create_dir(sidecar_of(&app, second)).unwrap();
    app.handle_key(key(KeyCode::Char('x')));
    let line = status(&app);
    assert!(line.contains("saving +no-topic"), "{line}");
    jobs.wait_saves(&mut app);
    let msg = app.message.clone().unwrap();
    assert!(
        msg.is_error && msg.text.contains("NOT SAVED"),
        "{}",
        msg.text
    );
    assert!(status(&app).contains("NOT SAVED"), "{}", status(&app));
    assert!(app.tags_of(second).is_empty());
}

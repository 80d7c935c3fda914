//! Coding as a team in the TUI: a tag key saves the tag as the current coder's,
//! in the coder's own sidecar in the team layout, and other coders' tags are
//! shown (or, blind, not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;

use common::files::{copy_tree, files_below, repo_path};
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::ui::keymap::Keymaps;
use newstag::ui::theme::Theme;
use newstag::ui::{Action, App, Row};
use std::path::Path;

/// The TUI on the corpus at `root`, every issue loaded, coding as `coder`.
fn app_as(root: &Path, coder: &str, blind: bool) -> App {
    let mut config = Config::builtin();
    config.team.coder = coder.into();
    config.team.blind = blind;
    let (keymap, _) = Keymaps::from_config(&config, None);
    let theme = Theme::new(&config, false);
    let mut app = App::new(config, keymap, theme, root.to_path_buf());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app.push_issues(Corpus::load(root).unwrap().issues);
    app
}

/// Select the first article of the first issue.
fn first_article(app: &mut App) {
    app.update(Action::Top);
    while !matches!(app.selected_row(), Some(Row::Article(0, 0))) {
        app.update(Action::MoveDown);
    }
}

/// In the team layout, wang's tag key writes coders/wang/…, recording wang;
/// li then sees wang's tag beside his own, and blind he sees only his own.
#[test]
fn tui_saves_as_the_coder_and_shows_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("c");
    copy_tree(&repo_path("tests/fixtures/corpus"), &root);
    std::fs::create_dir(root.join("coders")).unwrap();

    let mut wang = app_as(&root, "wang", false);
    first_article(&mut wang);
    wang.update(Action::ToggleTag(0));
    let tag = wang.tags_of(0, 0)[0].to_string();
    let files: Vec<_> = files_below(&root)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tags.toml"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].starts_with(root.join("coders/wang")), "{files:?}");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("coder = \"wang\""), "{text}");

    let mut li = app_as(&root, "li", false);
    assert_eq!(li.tags_of(0, 0), [tag.as_str()], "wang's tag is shown");
    first_article(&mut li);
    li.update(Action::ToggleTag(1));
    assert_eq!(
        li.tags_of(0, 0).len(),
        2,
        "wang's tag still shown after li's save"
    );
    let blind = app_as(&root, "li", true);
    assert_eq!(blind.tags_of(0, 0).len(), 1, "blind: only li's own");
    assert_ne!(blind.tags_of(0, 0)[0], tag);
}

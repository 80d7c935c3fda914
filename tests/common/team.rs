//! A team's corpus in the TUI: a copy of the test corpus and the app on it,
//! coding as a given coder (tests of memos, team coding and the export
//! dialog's decisions).

use super::files::{copy_tree, repo_path};
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::ui::keymap::Keymaps;
use newstag::ui::theme::Theme;
use newstag::ui::{Action, App, ListRow};
use std::path::{Path, PathBuf};

/// A copy of the test corpus in a temp dir: (dir guard, corpus folder).
pub fn corpus_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("c");
    copy_tree(&repo_path("tests/fixtures/corpus"), &root);
    (tmp, root)
}

/// The TUI on the corpus at `root` at 120x40, every issue loaded, coding as
/// `coder` (`blind`: seeing only the coder's own decisions).
pub fn app_as(root: &Path, coder: &str, blind: bool) -> App {
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
pub fn first_article(app: &mut App) {
    app.update(Action::Top);
    while app.selected_row() != Some(ListRow::article(0, 0)) {
        app.update(Action::MoveDown);
    }
}

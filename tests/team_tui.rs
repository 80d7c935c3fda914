//! Coding as a team in the TUI: a tag key saves the tag as the current coder's,
//! in the coder's own sidecar in the team layout, and other coders' tags are
//! shown (or, blind, not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::files::files_below;
use common::team::{app_as, corpus_copy, first_article};
use newstag::article::ArticleAt;
use newstag::config::Config;
use newstag::ui::{Action, App};

/// In the team layout, wang's tag key writes coders/wang/…, recording wang;
/// li then sees wang's tag beside his own, and blind he sees only his own.
#[test]
fn tui_saves_as_the_coder_and_shows_the_others() {
    let (_tmp, root) = corpus_copy();
    std::fs::create_dir(root.join("coders")).unwrap();

    let mut wang = app_as(&root, "wang", false);
    first_article(&mut wang);
    wang.update(Action::ToggleTag(0));
    let tag = wang.tags_of(ArticleAt::new(0, 0))[0].to_string();
    let files: Vec<_> = files_below(&root)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tags.toml"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].starts_with(root.join("coders/wang")), "{files:?}");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("coder = \"wang\""), "{text}");

    let mut li = app_as(&root, "li", false);
    assert_eq!(
        li.tags_of(ArticleAt::new(0, 0)),
        [tag.as_str()],
        "wang's tag is shown"
    );
    first_article(&mut li);
    li.update(Action::ToggleTag(1));
    assert_eq!(
        li.tags_of(ArticleAt::new(0, 0)).len(),
        2,
        "wang's tag still shown after li's save"
    );
    let blind = app_as(&root, "li", true);
    assert_eq!(
        blind.tags_of(ArticleAt::new(0, 0)).len(),
        1,
        "blind: only li's own"
    );
    assert_ne!(blind.tags_of(ArticleAt::new(0, 0))[0], tag);
}

/// The team layout under `root` with two coders who disagree on the first
/// article: wang gives it the first tag, li the second. Both apps are returned
/// so that they live as long as the test.
fn two_coders_disagree(root: &std::path::Path) -> (App, App) {
    std::fs::create_dir(root.join("coders")).unwrap();
    let mut wang = app_as(root, "wang", true);
    first_article(&mut wang);
    wang.update(Action::ToggleTag(0));
    let mut li = app_as(root, "li", true);
    first_article(&mut li);
    li.update(Action::ToggleTag(1));
    (wang, li)
}

fn press(app: &mut App, code: crossterm::event::KeyCode) {
    app.handle_key(crossterm::event::KeyEvent::new(
        code,
        crossterm::event::KeyModifiers::NONE,
    ));
}

/// A third person adjudicates in the TUI: `A` walks the articles the two
/// coders coded differently, each coder's decision in a column beside the
/// article; `c` takes a coder's decision, a tag key adds to it, Enter settles it
/// into adjudicated/zhao/ (by = adjudicated) and no coder's sidecar changes;
/// `u` undoes the settlement.
#[test]
fn tui_adjudicates_disagreements() {
    use crossterm::event::KeyCode;
    let (_tmp, root) = corpus_copy();
    let (wang, _li) = two_coders_disagree(&root);
    let governance = wang.config.tags[0].name.clone();
    let heritage = wang.config.tags[1].name.clone();
    let coders_before: Vec<(std::path::PathBuf, Vec<u8>)> = files_below(&root.join("coders"))
        .into_iter()
        .map(|p| {
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();

    std::fs::write(
        root.join("codebook.toml"),
        format!(
            "version = 3\n[[tag]]\nname = \"{heritage}\"\ndefinition = \"Old buildings kept alive.\"\nexclude = [\"new museums\"]\n"
        ),
    )
    .unwrap();
    let mut zhao = app_as(&root, "zhao", false);
    press(&mut zhao, KeyCode::Char('A'));
    assert_eq!(
        zhao.mode,
        newstag::ui::Overlay::Adjudicate,
        "{:?}",
        zhao.message
    );
    let said = zhao
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert_eq!(
        said,
        "adjudication: 1 article where coders disagree, 1 to settle"
    );
    let screen = common::screen::screen_text(&zhao);
    assert!(
        screen.contains("Adjudication · 1/1 · 1 to settle · as zhao"),
        "{screen}"
    );
    assert!(screen.contains("wang") && screen.contains("li"), "{screen}");
    assert!(screen.contains("not settled yet"), "{screen}");
    // The codebook entry of the tag in dispute.
    assert!(screen.contains("codebook v3: 文化遗产"), "{screen}");
    assert!(screen.contains("Old buildings kept alive."), "{screen}");
    assert!(screen.contains("exclude: new museums"), "{screen}");
    let title = zhao.corpus.issues[0].articles[0].display_title();
    assert!(screen.contains(&title), "{screen}");
    // li's column comes first (coders by name): take li's decision, add
    // governance with its key, settle.
    press(&mut zhao, KeyCode::Char('c'));
    let walk = zhao.adjudicating.as_ref().unwrap();
    assert_eq!(walk.draft.iter().collect::<Vec<_>>(), [&heritage]);
    press(&mut zhao, KeyCode::Char('1'));
    press(&mut zhao, KeyCode::Enter);
    let settled = root.join("adjudicated/zhao");
    let files = files_below(&settled);
    assert_eq!(files.len(), 2, "{files:?}"); // the sidecar and the folder lock
    let sidecar = files
        .iter()
        .find(|p| p.to_string_lossy().ends_with(".tags.toml"))
        .unwrap();
    let text = std::fs::read_to_string(sidecar).unwrap();
    for t in [&governance, &heritage] {
        assert!(text.contains(&format!("name = \"{t}\"")), "{text}");
    }
    assert!(text.contains("by = \"adjudicated\""), "{text}");
    assert!(text.contains("coder = \"zhao\""), "{text}");
    let screen = common::screen::screen_text(&zhao);
    assert!(screen.contains("0 to settle"), "{screen}");
    assert!(screen.contains("settled by zhao"), "{screen}");
    let coders_after: Vec<(std::path::PathBuf, Vec<u8>)> = files_below(&root.join("coders"))
        .into_iter()
        .map(|p| {
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    assert_eq!(coders_before, coders_after, "no coder's sidecar changed");
    // Undo takes the settlement back.
    press(&mut zhao, KeyCode::Char('u'));
    let text = std::fs::read_to_string(sidecar).unwrap_or_default();
    assert!(!text.contains("adjudicated"), "{text}");
    let screen = common::screen::screen_text(&zhao);
    assert!(screen.contains("1 to settle"), "{screen}");
    press(&mut zhao, KeyCode::Esc);
    assert_eq!(zhao.mode, newstag::ui::Overlay::Panes);
}

/// Without the team layout, `A` says what is needed and stays in the panes.
#[test]
fn tui_adjudication_needs_the_team_layout() {
    let (_tmp, root) = corpus_copy();
    let mut app = app_as(&root, "zhao", false);
    app.update(Action::Adjudicate);
    assert_eq!(app.mode, newstag::ui::Overlay::Panes);
    let said = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(said.contains("git-setup"), "{said}");
    assert!(!root.join("adjudicated").exists());
}

/// Triage shows each tag's codebook definition beside it (where no
/// suggestion is shown instead).
#[test]
fn triage_shows_the_codebook() {
    use crossterm::event::KeyCode;
    let (_tmp, root) = corpus_copy();
    let mut app = app_as(&root, "wang", false);
    let mut book = String::from("version = 1\n");
    for t in &app.config.tags {
        book.push_str(&format!(
            "[[tag]]\nname = \"{}\"\ndefinition = \"means {} here\"\n",
            t.name, t.name
        ));
    }
    std::fs::write(root.join("codebook.toml"), book).unwrap();
    app.start_suggestions();
    press(&mut app, KeyCode::Char('T'));
    assert_eq!(app.mode, newstag::ui::Overlay::Triage, "{:?}", app.message);
    let screen = common::screen::screen_text(&app);
    let shown = app
        .config
        .tags
        .iter()
        .filter(|t| screen.contains(&format!("means {} here", t.name)))
        .count();
    assert!(shown > 0, "{screen}");
}

/// With the keyboard, the tag pane shows the codebook entry of the tag under
/// its cursor (definition, include, exclude, anchors) below the tags, and
/// follows the cursor; without the keyboard it shows none.
#[test]
fn tag_pane_shows_the_codebook_entry_under_the_cursor() {
    use crossterm::event::KeyCode;
    let (_tmp, root) = corpus_copy();
    let names: Vec<String> = Config::builtin()
        .tags
        .iter()
        .map(|t| t.name.clone())
        .collect();
    std::fs::write(
        root.join("codebook.toml"),
        format!(
            "version = 4\n[[tag]]\nname = \"{}\"\ndefinition = \"Local self-rule at work.\"\ninclude = [\"residents' councils\"]\nexclude = [\"national policy\"]\n[[tag]]\nname = \"{}\"\ndefinition = \"Old buildings kept alive.\"\n",
            names[0], names[1]
        ),
    )
    .unwrap();
    let mut app = app_as(&root, "wang", false);
    first_article(&mut app);
    let screen = common::screen::screen_text(&app);
    assert!(!screen.contains("Local self-rule"), "{screen}");
    // Tab to the tag pane: the first tag's entry.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, newstag::ui::layout::Pane::Tags);
    let screen = common::screen::screen_text(&app);
    let label = app.config.tags[0].label().to_string();
    assert!(
        screen.contains(&format!("codebook v4: {label}")),
        "{screen}"
    );
    assert!(screen.contains("Local self-rule"), "{screen}");
    assert!(screen.contains("include: residents'"), "{screen}");
    assert!(screen.contains("exclude: national"), "{screen}");
    // The cursor moves down: the second tag's entry instead.
    press(&mut app, KeyCode::Char('j'));
    let screen = common::screen::screen_text(&app);
    assert!(screen.contains("Old buildings"), "{screen}");
    assert!(!screen.contains("Local self-rule"), "{screen}");
    // A tag without an entry: nothing.
    press(&mut app, KeyCode::Char('j'));
    let screen = common::screen::screen_text(&app);
    assert!(!screen.contains("codebook v4"), "{screen}");
}

/// Adjudication reads every coder's decisions off the UI thread (the status bar says so until it opens); settling and undoing are saved off it too: the status bar says the settlement is being saved, the walk shows it settled only once it is on disk, and `u` is saved the same way.
#[test]
fn adjudication_saves_in_the_background() {
    use crossterm::event::KeyCode;
    let (_tmp, root) = corpus_copy();
    let (_wang, _li) = two_coders_disagree(&root);
    let mut zhao = app_as(&root, "zhao", false);
    let jobs = common::jobs::Jobs::attach(&mut zhao);
    // Every coder's decisions are read in the background first.
    press(&mut zhao, KeyCode::Char('A'));
    assert_eq!(zhao.mode, newstag::ui::Overlay::Panes);
    let status = common::screen::area_text(&zhao, zhao.areas().status);
    assert!(
        status.contains("reading every coder's decisions"),
        "{status}"
    );
    jobs.wait_files(&mut zhao);
    assert_eq!(zhao.mode, newstag::ui::Overlay::Adjudicate);
    press(&mut zhao, KeyCode::Char('c'));
    press(&mut zhao, KeyCode::Enter);
    let status = common::screen::area_text(&zhao, zhao.areas().status);
    assert!(status.contains("saving settle"), "{status}");
    let screen = common::screen::screen_text(&zhao);
    assert!(
        screen.contains("1 to settle"),
        "not settled before it is saved: {screen}"
    );
    jobs.wait_saves(&mut zhao);
    let screen = common::screen::screen_text(&zhao);
    assert!(screen.contains("0 to settle"), "{screen}");
    assert!(screen.contains("settled by zhao"), "{screen}");
    let files = files_below(&root.join("adjudicated/zhao"));
    let sidecar = files
        .iter()
        .find(|p| p.to_string_lossy().ends_with(".tags.toml"))
        .unwrap()
        .clone();
    assert!(
        std::fs::read_to_string(&sidecar)
            .unwrap()
            .contains("adjudicated")
    );
    press(&mut zhao, KeyCode::Char('u'));
    let status = common::screen::area_text(&zhao, zhao.areas().status);
    assert!(status.contains("saving"), "{status}");
    jobs.wait_saves(&mut zhao);
    let text = std::fs::read_to_string(&sidecar).unwrap_or_default();
    assert!(!text.contains("adjudicated"), "{text}");
    let screen = common::screen::screen_text(&zhao);
    assert!(screen.contains("1 to settle"), "{screen}");
}

//! The tag store as a coder of a team sees it: every coder's decisions shown,
//! only one's own written, the others' still shown after a save.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::files::{copy_tree, repo_path};
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::tags::team::Team;
use newstag::tags::{Source, Target};

fn team_as(coder: &str, root: &std::path::Path, blind: bool) -> Team {
    let mut config = Config::builtin();
    config.team.coder = coder.into();
    config.team.blind = blind;
    Team::new(&config, root).unwrap()
}

/// In the team layout a change is written to the coder's own sidecar only, the
/// other coder's tag on the same article stays shown after the save, and a
/// blind view shows only one's own; decisions list both coders apart.
#[test]
fn own_changes_saved_apart_others_still_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("c");
    copy_tree(&repo_path("tests/fixtures/corpus"), &root);
    std::fs::create_dir(root.join("coders")).unwrap();
    let corpus = Corpus::load(&root).unwrap();
    let issue = &corpus.issues[0];
    let target = Target {
        issue,
        article: &issue.articles[0],
    };
    let id = &issue.articles[0].id;

    let mut li = team_as("li", &root, false).open(&corpus);
    assert!(li.set(&[target], "heritage", true, Source::Hand).ok());
    let mut wang = team_as("wang", &root, false).open(&corpus);
    assert!(
        wang.has_tag(&issue.rel, id, "heritage"),
        "li's tag is shown"
    );
    assert!(wang.set(&[target], "governance", true, Source::Hand).ok());
    assert!(
        wang.has_tag(&issue.rel, id, "heritage"),
        "li's tag is still shown after wang's save"
    );
    assert!(wang.has_tag(&issue.rel, id, "governance"));
    // Removing li's tag is not wang's to do: nothing changes.
    let outcome = wang.set(&[target], "heritage", false, Source::Hand);
    assert!(outcome.applied.is_empty());

    let files: Vec<_> = common::files::files_below(&root.join("coders"))
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tags.toml"))
        .collect();
    let names: Vec<String> = files
        .iter()
        .map(|p| {
            p.strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("coders/li/")));
    assert!(names.iter().any(|n| n.starts_with("coders/wang/")));
    let wang_file = files
        .iter()
        .find(|p| p.starts_with(root.join("coders/wang")))
        .unwrap();
    let text = std::fs::read_to_string(wang_file).unwrap();
    assert!(
        text.contains("governance") && !text.contains("heritage"),
        "{text}"
    );
    assert!(text.contains("coder = \"wang\""), "{text}");
    // No sidecar beside the issue was written.
    assert!(
        !common::files::files_below(&root)
            .iter()
            .any(|p| p.starts_with(&root)
                && !p.starts_with(root.join("coders"))
                && p.to_string_lossy().ends_with(".tags.toml"))
    );

    let blind = team_as("wang", &root, true).open(&corpus);
    assert!(blind.has_tag(&issue.rel, id, "governance"));
    assert!(!blind.has_tag(&issue.rel, id, "heritage"));

    let decisions = team_as("wang", &root, false).decisions(&corpus);
    let seen: Vec<(&str, &str)> = decisions
        .iter()
        .map(|d| (d.coder.as_str(), d.tag.as_str()))
        .collect();
    assert_eq!(seen, [("li", "heritage"), ("wang", "governance")]);
}

//! The CLI says so when it has nothing to work on, instead of printing nothing
//! and succeeding: an empty folder or one without issue files, and `import`
//! without the corpus to restore into.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::Cli;

/// `articles`, `stats`, `suggest` and `search` on an empty folder, or one
/// holding only files that are not issues, fail with a message naming the
/// folder (exit 2).
#[test]
fn empty_folder_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let empty = tmp.path().join("空的");
    std::fs::create_dir_all(&empty).unwrap();
    let notes = tmp.path().join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("readme.pdf"), b"%PDF-1.4").unwrap();
    for dir in [&empty, &notes] {
        let d = dir.to_str().unwrap();
        for args in [
            vec!["articles", d],
            vec!["stats", d],
            vec!["suggest", d],
            vec!["search", d, "社区"],
            vec!["search", "--in", d, "--format", "table", "社区"],
        ] {
            let out = cli.run(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(out.stdout.is_empty(), "{args:?} printed something");
            assert!(
                stderr.contains("no issue files") && stderr.contains(d),
                "{args:?}: {stderr}"
            );
        }
    }
}

/// `import DUMP` without a corpus folder (and no corpus.path configured)
/// refuses and asks for it, instead of restoring into the built-in sample.
#[test]
fn import_without_path_asks_for_the_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let dump = tmp.path().join("tags.toml");
    std::fs::write(&dump, "schema = 1\n").unwrap();
    let out = cli.run(&["import", dump.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("which corpus"), "{stderr}");
    assert!(
        !cli.data_dir().join("newstag").exists() || {
            // Nothing was written into the unpacked sample either.
            walk_has_no_sidecar(&cli.data_dir())
        },
        "the sample got sidecars"
    );
}

fn walk_has_no_sidecar(dir: &std::path::Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return true;
    };
    entries.flatten().all(|e| {
        let p = e.path();
        if p.is_dir() {
            walk_has_no_sidecar(&p)
        } else {
            !p.to_string_lossy().ends_with(".tags.toml")
        }
    })
}

/// The tables of `articles` and `suggest` have an ID column holding each
/// article's id, which `newstag tag` takes.
#[test]
fn tables_show_the_ids_tag_needs() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let corpus = tmp.path().join("corpus");
    common::files::copy_tree(&common::files::repo_path("tests/fixtures/corpus"), &corpus);
    let loaded = newstag::corpus::Corpus::load(&corpus).unwrap();
    let c = corpus.to_str().unwrap();
    for command in ["articles", "suggest"] {
        let out = cli.run(&[command, c, "--format", "table"]);
        assert!(out.status.success(), "{command}");
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines = text.lines();
        assert!(lines.next().unwrap().contains(" ID "), "{command}: {text}");
        let rows: Vec<&str> = lines.collect();
        let ids: Vec<&str> = loaded
            .issues
            .iter()
            .flat_map(|i| i.articles.iter().map(|a| a.id.as_str()))
            .collect();
        assert_eq!(rows.len(), ids.len(), "{command}: {text}");
        for (row, id) in rows.iter().zip(&ids) {
            assert!(row.contains(id), "{command}: {id} not in {row}");
        }
    }
}

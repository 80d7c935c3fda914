//! The shape the code promises: the core (everything but `ui`, `cli` and the
//! binary) knows nothing of terminals, so it can be driven without one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::files::{files_below, repo_path};

/// The `.rs` files of `src/ui`, by file name.
fn ui_sources() -> Vec<(String, std::path::PathBuf)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(repo_path("src/ui")).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".rs") {
            out.push((name, e.path()));
        }
    }
    out
}

/// The code lines of a source file, trimmed, with their 1-based numbers: what
/// comes before its `#[cfg(test)]`, line comments left out.
fn code_lines(file: &std::path::Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(file).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line.trim().to_string()))
        .filter(|(_, line)| !line.starts_with("//"))
        .collect()
}

/// No core module imports ratatui, crossterm or tui-input: the session, search, tags and the rest run without a terminal.
#[test]
fn core_is_terminal_free() {
    let src = repo_path("src");
    let mut offenders = Vec::new();
    for file in files_below(&src) {
        let rel = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("ui/") || rel.starts_with("cli/") || rel == "main.rs" {
            continue;
        }
        if file.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for word in ["ratatui", "crossterm", "tui_input"] {
            if text.contains(word) {
                offenders.push(format!("src/{rel} uses {word}"));
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

/// The modules of `src/ui` that a file names with `super::NAME` or
/// `crate::ui::NAME`, by file.
fn ui_imports() -> std::collections::BTreeMap<String, Vec<String>> {
    let dir = repo_path("src/ui");
    let mut graph = std::collections::BTreeMap::new();
    let modules: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".rs").map(str::to_string)
        })
        .filter(|m| m != "mod")
        .collect();
    for m in &modules {
        let text = std::fs::read_to_string(dir.join(format!("{m}.rs"))).unwrap();
        // Tests inside a module may use anything.
        let text = text.split("#[cfg(test)]").next().unwrap_or("");
        let uses: Vec<String> = modules
            .iter()
            .filter(|other| *other != m)
            .filter(|other| {
                text.contains(&format!("super::{other}"))
                    || text.contains(&format!("crate::ui::{other}"))
            })
            .cloned()
            .collect();
        graph.insert(m.clone(), uses);
    }
    graph
}

/// The building blocks of the TUI's layers (actions, keymaps, help, the message
/// log, layout, theme, boxes, the line breaker, the terminal) never reach the
/// app, directly or through another module: a layer built on them (page view,
/// adjudication) needs no `App` and joins no import circle.
#[test]
fn ui_building_blocks_do_not_reach_the_app() {
    let graph = ui_imports();
    let blocks = [
        "action",
        "keymap",
        "help",
        "highlight",
        "message_log",
        "layout",
        "theme",
        "bordered",
        "wrap",
        "terminal",
    ];
    for block in blocks {
        assert!(graph.contains_key(block), "src/ui/{block}.rs is gone");
        let mut seen = vec![block.to_string()];
        let mut todo = vec![(block.to_string(), vec![block.to_string()])];
        while let Some((m, path)) = todo.pop() {
            for next in graph.get(&m).into_iter().flatten() {
                let mut p = path.clone();
                p.push(next.clone());
                assert!(next != "app", "{} reaches the app", p.join(" -> "));
                if !seen.contains(next) {
                    seen.push(next.clone());
                    todo.push((next.clone(), p));
                }
            }
        }
    }
}

/// Public types of `src`, by name: (name, files declaring it).
fn public_type_names() -> std::collections::BTreeMap<String, Vec<String>> {
    let src = repo_path("src");
    let mut names: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for file in files_below(&src) {
        if file.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            if let ["pub", "struct" | "enum" | "type" | "trait", name, ..] = words[..] {
                let name: String = name
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                names.entry(name).or_default().push(rel.clone());
            }
        }
    }
    names
}

/// Names say what a thing is: no public type is called `Outcome`, `Row` or
/// `Mode` (there were three `Outcome`s, two `Row`s, two `Mode`s), and no new
/// public name is declared twice (the ones listed are still to be renamed or
/// folded).
#[test]
fn public_type_names_say_what_they_are() {
    let names = public_type_names();
    for vague in ["Outcome", "Row", "Mode"] {
        assert!(
            !names.contains_key(vague),
            "a public type called {vague}: {:?}",
            names[vague]
        );
    }
    const STILL_TWICE: &[&str] = &["Direction", "Field", "Hit", "Role", "Unit"];
    let twice: Vec<String> = names
        .iter()
        .filter(|(name, files)| files.len() > 1 && !STILL_TWICE.contains(&name.as_str()))
        .map(|(name, files)| format!("{name}: {files:?}"))
        .collect();
    assert!(twice.is_empty(), "declared more than once: {twice:#?}");
}

/// The app's own parts: its methods split by subject (`impl App` in each),
/// `views` gathering what the layers draw, and the run loop.
const APP_PARTS: &[&str] = &[
    "mod",
    "run",
    "tagging",
    "tag_saves",
    "triage",
    "page",
    "adjudication",
    "status_bar",
    "searching",
    "views",
    "exporting",
    "tag_vocab",
    "reading",
    "recut",
];

/// The modules of `src/ui` whose code (outside its tests) names the app:
/// `super::app`, `super::App`, `crate::ui::app` or `crate::ui::App`.
fn ui_modules_naming_the_app() -> Vec<String> {
    let dir = repo_path("src/ui");
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(module) = name.strip_suffix(".rs") else {
            continue;
        };
        let text = std::fs::read_to_string(e.path()).unwrap();
        let text = text.split("#[cfg(test)]").next().unwrap_or("");
        if [
            "super::app",
            "super::App",
            "crate::ui::app",
            "crate::ui::App",
        ]
        .iter()
        .any(|p| text.contains(p))
        {
            out.push(module.to_string());
        }
    }
    out.sort();
    out
}

/// The panes and overlays draw from their own state or a view the app gathers
/// for them (the list a `ListView`, the reader a `ReaderView` in a
/// `ReaderPane`, the tag pane a `TagPaneView`, the status bar a `StatusView`,
/// the export dialog an `ExportView`,
/// the search line and the stats view their own state), so they join no
/// import circle with `app`. Only the app's own parts (its methods split by
/// subject, `views` gathering what the layers draw) and the run loop name it,
/// and the layers listed as still drawing from `&App`; a layer taken off that
/// list must stay off.
#[test]
fn layers_do_not_import_the_app() {
    const STILL_DRAWING_FROM_APP: &[&str] = &[];
    let offenders: Vec<String> = ui_modules_naming_the_app()
        .into_iter()
        .filter(|m| m != "app")
        .filter(|m| !APP_PARTS.contains(&m.as_str()))
        .filter(|m| !STILL_DRAWING_FROM_APP.contains(&m.as_str()))
        .collect();
    assert!(
        offenders.is_empty(),
        "src/ui layers that import the app: {offenders:?}"
    );
}

/// No file of `src/ui` (outside its tests) reads or writes files: the
/// codebook, the samples, adjudication's decisions, sidecars, exports, the
/// config, pages and the search history are read and written by the session
/// and the core (`src/session/`), most as background jobs. Only
/// `App::push_issues`, the way
/// tests and benches feed issues (the run loop's loader reads sidecars on its
/// own thread and hands them over with `push_loaded`), reads sidecars itself.
#[test]
fn ui_files_do_no_file_io() {
    const IO: &[&str] = &[
        "std::fs",
        "fs::",
        "File::",
        "OpenOptions",
        "read_to_string",
        "read_dir",
        ".exists()",
        ".is_file()",
        ".is_dir()",
        "metadata(",
        "symlink_metadata",
        "canonicalize",
        "walkdir",
        "BufReader",
        "write_atomic",
        "regular_file::",
        "codebook::read",
        "sample::all_in",
        ".decisions(",
        ".adjudications(",
        "team.open_adjudication(",
        "read_sidecars",
        "keep_in_file",
        "history::read(",
    ];
    const KNOWN: &[(&str, &str)] = &[("app.rs", "read_sidecars")];
    let mut offenders = Vec::new();
    for (name, file) in ui_sources() {
        for (n, line) in code_lines(&file) {
            for word in IO {
                if line.contains(word) && !KNOWN.contains(&(name.as_str(), *word)) {
                    offenders.push(format!("src/ui/{name}:{n}: {line}"));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "file I/O in the UI: {offenders:#?}");
}

/// One mark for text cut to fit, `text::CUT_MARK` (`~`): it was `~` in some
/// places, `...` and `…` in others. Outside tests and comments no source
/// writes `…` (the segmenter, which reads it in pages, and the line breaker,
/// which keeps `……` together, aside), none but `text.rs` writes a `~` of its
/// own (the query language's `~` operator aside), and none puts `...` after
/// text it cut.
#[test]
fn one_truncation_mark() {
    let src = repo_path("src");
    let mut offenders = Vec::new();
    for file in files_below(&src) {
        if file.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("segment/") {
            continue;
        }
        for (n, line) in code_lines(&file) {
            let at = format!("src/{rel}:{n}: {line}");
            if line.contains('…') && rel != "ui/wrap.rs" {
                offenders.push(at.clone());
            }
            let own_tilde = ["'~'", "\"~\"", "~\")", "push('~')"]
                .iter()
                .any(|t| line.contains(t));
            if own_tilde && rel != "text.rs" && rel != "search/query.rs" {
                offenders.push(at.clone());
            }
            if line.contains("}...\"") || line.contains("push_str(\"...\")") {
                offenders.push(at);
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "cut without text::CUT_MARK: {offenders:#?}"
    );
    let mark = std::fs::read_to_string(src.join("text.rs")).unwrap();
    assert!(mark.contains("pub const CUT_MARK: char = '~';"));
}

/// `src/ui` has no import circle: with the app and its own parts (one `App`
/// split by subject, see `APP_PARTS`) taken as one module, no module reaches
/// itself through the modules it names (the issue found one circle: eight
/// layers importing `App`, which imported them).
#[test]
fn ui_has_no_import_circle() {
    let node = |m: &str| {
        if m == "app" || APP_PARTS.contains(&m) {
            "app".to_string()
        } else {
            m.to_string()
        }
    };
    let mut graph: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    for (m, uses) in ui_imports() {
        let from = node(&m);
        let entry = graph.entry(from.clone()).or_default();
        for u in uses {
            let to = node(&u);
            if to != from {
                entry.insert(to);
            }
        }
    }
    for start in graph.keys() {
        let mut todo: Vec<Vec<String>> = vec![vec![start.clone()]];
        let mut seen = std::collections::BTreeSet::new();
        while let Some(path) = todo.pop() {
            let last = path.last().unwrap();
            for next in graph.get(last).into_iter().flatten() {
                let mut p = path.clone();
                p.push(next.clone());
                assert!(next != start, "an import circle: {}", p.join(" -> "));
                if seen.insert(next.clone()) {
                    todo.push(p);
                }
            }
        }
    }
}

/// Background work belongs to the session: no file of `src/ui` starts a
/// thread or a rayon pool, but the run loop's two terminal event pumps (keys
/// and resizes, signals); indexing, scoring, loading, saving and exporting
/// run as `session` jobs.
#[test]
fn ui_starts_no_background_work() {
    let mut spawns = Vec::new();
    for (name, file) in ui_sources() {
        for (n, line) in code_lines(&file) {
            let starts = [
                "thread::spawn",
                "thread::Builder",
                "rayon::",
                "ThreadPool",
                "par_iter",
            ]
            .iter()
            .any(|w| line.contains(w));
            if starts {
                spawns.push(format!("src/ui/{name}:{n}: {line}"));
            }
        }
    }
    let pumps: Vec<&String> = spawns
        .iter()
        .filter(|s| s.starts_with("src/ui/run.rs:"))
        .collect();
    assert_eq!(pumps.len(), 2, "the run loop's event pumps: {spawns:#?}");
    assert_eq!(spawns.len(), 2, "background work in the UI: {spawns:#?}");
}

/// Every test file is built: `autotests = false` in Cargo.toml, so a file of
/// `tests/` that is neither a module of `tests/suite.rs` nor a `[[test]]` of
/// its own would be silently skipped by `cargo test` and CI.
#[test]
fn every_test_file_is_built() {
    let suite = std::fs::read_to_string(repo_path("tests/suite.rs")).unwrap();
    let manifest = std::fs::read_to_string(repo_path("Cargo.toml")).unwrap();
    let mut skipped = Vec::new();
    for e in std::fs::read_dir(repo_path("tests")).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".rs") else {
            continue;
        };
        let in_suite = suite.lines().any(|l| l.trim() == format!("mod {stem};"));
        let own_binary = manifest.contains(&format!("path = \"tests/{name}\""));
        if stem != "suite" && !in_suite && !own_binary {
            skipped.push(name);
        }
    }
    assert!(
        skipped.is_empty(),
        "tests/ files that no test binary builds (add `mod NAME;` to tests/suite.rs): {skipped:?}"
    );
}

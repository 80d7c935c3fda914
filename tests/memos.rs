//! Memos (issue 15): a coder's note on an article, written with `m` in the TUI
//! or `newstag note`, kept in the sidecar beside the tags, shown in the
//! reader, found with `note`/`note:word`, exported in the `note` column and
//! carried through a TOML dump and import; undone like a tag.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use common::files::{copy_tree, files_below, repo_path};
use common::screen::screen_text;
use common::team::{corpus_copy, first_article};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::tags::{Source, TagStore, Target, sidecar};
use newstag::ui::App;
use std::path::{Path, PathBuf};

/// Every sidecar below `root`, as text, in path order.
fn sidecars(root: &Path) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = files_below(root)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tags.toml"))
        .map(|p| {
            let t = std::fs::read_to_string(&p).unwrap();
            (p, t)
        })
        .collect();
    out.sort();
    out
}

fn store_as(corpus: &Corpus, coder: &str, blind: bool) -> TagStore {
    let mut config = Config::builtin();
    config.team.coder = coder.into();
    config.team.blind = blind;
    newstag::tags::team::Team::new(&config, &corpus.root)
        .unwrap()
        .open(corpus)
}

/// A memo is saved beside the article's tags without touching them, an
/// article with only a memo keeps its table, and the memo is undone, redone
/// and removed like a tag; orphaned tags of the sidecar survive every write.
#[test]
fn memos_are_saved_undone_and_never_lose_other_records() {
    let (_tmp, root) = corpus_copy();
    let corpus = Corpus::load(&root).unwrap();
    let issue = &corpus.issues[0];
    let first = Target {
        issue,
        article: &issue.articles[0],
    };
    let second = Target {
        issue,
        article: &issue.articles[1],
    };
    let mut store = store_as(&corpus, "wang", false);
    assert!(store.set(&[first], "heritage", true, Source::Hand).ok());
    // An orphan (its article is gone) the sidecar must keep.
    let path = store.sidecar_path(issue);
    let mut file = sidecar::read(&path).unwrap().unwrap();
    file.articles.push(sidecar::ArticleTags {
        id: "0000deadbeef".into(),
        title: "早已删除的文章".into(),
        tags: [("governance".to_string(), first_mark())].into(),
        memo: None,
    });
    sidecar::write_atomic(&path, sidecar::render(&file)).unwrap();
    let mut store = store_as(&corpus, "wang", false);

    let text = "核对图片说明\n第二行 \"引号\" \\ \u{1b}[31m";
    assert!(store.set_memo(first, text).ok());
    assert!(store.set_memo(second, "只有备忘").ok());
    let back = sidecar::read(&path).unwrap().unwrap();
    let by_id = |id: &str| back.articles.iter().find(|a| a.id == id).unwrap().clone();
    let a = by_id(&issue.articles[0].id);
    assert_eq!(a.memo.as_ref().unwrap().text, text);
    assert_eq!(a.memo.as_ref().unwrap().coder, "wang");
    assert!(a.tags.contains_key("heritage"), "the tag is kept");
    let b = by_id(&issue.articles[1].id);
    assert!(b.tags.is_empty());
    assert_eq!(b.memo.unwrap().text, "只有备忘");
    assert!(by_id("0000deadbeef").tags.contains_key("governance"));
    // The raw file holds no control character but the line ends.
    let raw = std::fs::read_to_string(&path).unwrap();
    assert!(!raw.contains('\u{1b}'), "{raw}");

    // Read again by another process: the same memos.
    let fresh = store_as(&corpus, "wang", false);
    assert_eq!(
        fresh.memo(&issue.rel, &issue.articles[0].id).unwrap().text,
        text
    );

    // Undo the memo-only one: its table goes, nothing else does.
    store.undo().unwrap();
    let back = sidecar::read(&path).unwrap().unwrap();
    assert!(!back.articles.iter().any(|a| a.id == issue.articles[1].id));
    assert!(back.articles.iter().any(|a| a.id == "0000deadbeef"));
    store.redo().unwrap();
    assert_eq!(
        store.memo(&issue.rel, &issue.articles[1].id).unwrap().text,
        "只有备忘"
    );
    // Empty text removes it; undo brings back the text it had.
    assert!(store.set_memo(first, "  ").ok());
    assert!(store.memo(&issue.rel, &issue.articles[0].id).is_none());
    assert!(store.has_tag(&issue.rel, &issue.articles[0].id, "heritage"));
    store.undo().unwrap();
    assert_eq!(
        store.memo(&issue.rel, &issue.articles[0].id).unwrap().text,
        text
    );
}

fn first_mark() -> newstag::tags::TagMark {
    newstag::tags::TagMark {
        at: "2026-01-01T00:00:00Z".into(),
        by: Source::Hand,
        coder: String::new(),
        codebook: 0,
    }
}

/// A sidecar written before memos existed reads the same, and a file with a
/// memo written by hand (one line, as git merges it) reads too.
#[test]
fn old_sidecars_read_and_hand_written_memos_parse() {
    let old = "schema = 1\nissue = \"a.txt\"\n\n[[article]]\nid = \"aaaaaaaaaaaa\"\ntitle = \"标题\"\ntags = [\n  { name = \"heritage\", at = \"2026-01-01T00:00:00Z\", by = \"hand\" },\n]\n";
    let s = sidecar::parse(old, Path::new("a.tags.toml")).unwrap();
    assert_eq!(s.articles[0].memo, None);
    let rendered = sidecar::render(&s);
    assert_eq!(
        rendered.split_once('\n').unwrap().1,
        old,
        "written as before"
    );
    // Two coders' tables for one article (a union merge) keep the later memo.
    let merged = format!(
        "{old}\n[[article]]\nid = \"aaaaaaaaaaaa\"\nmemo = {{ text = \"新\", at = \"2026-02-01T00:00:00Z\" }}\n\n[[article]]\nid = \"aaaaaaaaaaaa\"\nmemo = {{ text = \"旧\", at = \"2026-01-01T00:00:00Z\" }}\n"
    );
    let s = sidecar::parse(&merged, Path::new("a.tags.toml")).unwrap();
    assert_eq!(s.articles.len(), 1);
    assert_eq!(s.articles[0].memo.as_ref().unwrap().text, "新");
    assert!(s.articles[0].tags.contains_key("heritage"));
}

/// In the team layout a memo goes to the coder's own sidecar; other coders
/// see it (with its coder's name in the reader), blind coders do not.
#[test]
fn team_memos_are_each_coders_own() {
    let (_tmp, root) = corpus_copy();
    std::fs::create_dir(root.join("coders")).unwrap();
    let corpus = Corpus::load(&root).unwrap();
    let issue = &corpus.issues[0];
    let first = Target {
        issue,
        article: &issue.articles[0],
    };
    let mut wang = store_as(&corpus, "wang", false);
    assert!(wang.set_memo(first, "王的备忘").ok());
    let files = sidecars(&root);
    assert_eq!(files.len(), 1);
    assert!(files[0].0.starts_with(root.join("coders/wang")));
    let mut li = store_as(&corpus, "li", false);
    assert!(li.set_memo(first, "李的备忘").ok());
    let li = store_as(&corpus, "li", false);
    let texts: Vec<&str> = li
        .memos(&issue.rel, &issue.articles[0].id)
        .iter()
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(texts, ["李的备忘", "王的备忘"], "own first");
    let blind = store_as(&corpus, "li", true);
    assert_eq!(blind.memos(&issue.rel, &issue.articles[0].id).len(), 1);
    // Wang's file holds only wang's memo.
    let wang_file = &sidecars(&root.join("coders/wang"))[0].1;
    assert!(!wang_file.contains("李的备忘"), "{wang_file}");
}

/// The TUI on the corpus at `root` as `coder`, the first article selected.
fn app_as(root: &Path, coder: &str) -> App {
    let mut app = common::team::app_as(root, coder, false);
    first_article(&mut app);
    app
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    app.sync_reader();
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// `m` opens a prompt holding the article's memo; Enter saves it into the
/// sidecar and the reader shows it at the top; Esc leaves it unchanged; `u`
/// undoes it; an emptied prompt removes it.
#[test]
fn tui_m_writes_edits_and_undoes_a_memo() {
    let (_tmp, root) = corpus_copy();
    let mut app = app_as(&root, "wang");
    press(&mut app, KeyCode::Char('m'));
    assert!(screen_text(&app).contains("Memo"), "{}", screen_text(&app));
    type_text(&mut app, "核对 caption");
    press(&mut app, KeyCode::Enter);
    let files = sidecars(&root);
    assert_eq!(files.len(), 1);
    assert!(
        files[0]
            .1
            .contains("memo = { text = \"核对 caption\", at = "),
        "{}",
        files[0].1
    );
    let screen = screen_text(&app);
    assert!(screen.contains("memo: 核对 caption"), "{screen}");

    // The prompt opens with the memo to edit; Esc changes nothing.
    press(&mut app, KeyCode::Char('m'));
    assert!(screen_text(&app).contains("> 核对 caption"));
    type_text(&mut app, "!!");
    press(&mut app, KeyCode::Esc);
    assert_eq!(sidecars(&root)[0].1, files[0].1);

    // Edit: append and save.
    press(&mut app, KeyCode::Char('m'));
    type_text(&mut app, " 已改");
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&app).contains("memo: 核对 caption 已改"));
    // `u` undoes the edit, then the memo.
    press(&mut app, KeyCode::Char('u'));
    assert!(screen_text(&app).contains("memo: 核对 caption"));
    assert!(!screen_text(&app).contains("已改"));
    press(&mut app, KeyCode::Char('u'));
    assert!(
        !screen_text(&app).contains("memo: 核对"),
        "{}",
        screen_text(&app)
    );
    assert!(
        sidecars(&root).is_empty(),
        "no memo, no tag: no sidecar: {:?}",
        sidecars(&root)
    );
    // An emptied prompt removes a memo.
    press(&mut app, KeyCode::Char('m'));
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Enter);
    assert_eq!(sidecars(&root).len(), 1);
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    assert!(sidecars(&root).is_empty());
}

/// An article that has a memo opens with the memo in view (selecting it
/// used to scroll past the memo lines to the article's first line).
#[test]
fn tui_article_with_a_memo_opens_with_it_in_view() {
    let (_tmp, root) = corpus_copy();
    let mut first = app_as(&root, "wang");
    press(&mut first, KeyCode::Char('m'));
    type_text(&mut first, "先看这里");
    press(&mut first, KeyCode::Enter);
    // A new session selects the article afresh.
    let app = app_as(&root, "wang");
    let screen = screen_text(&app);
    assert!(screen.contains("memo: 先看这里"), "{screen}");
}

/// Another coder's memo shows in the reader under their name.
#[test]
fn tui_shows_other_coders_memos_by_name() {
    let (_tmp, root) = corpus_copy();
    std::fs::create_dir(root.join("coders")).unwrap();
    let mut wang = app_as(&root, "wang");
    press(&mut wang, KeyCode::Char('m'));
    type_text(&mut wang, "看第二段");
    press(&mut wang, KeyCode::Enter);
    let mut li = app_as(&root, "li");
    li.sync_reader();
    let screen = screen_text(&li);
    assert!(screen.contains("memo (wang): 看第二段"), "{screen}");
}

fn first_id(cli: &Cli, root: &Path) -> (String, String) {
    let tags = cli.article_tags(root);
    (tags[0].0.clone(), tags[0].1.clone())
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// `newstag note` sets, prints, lists and clears memos; `note`/`note:word`
/// find them in search, `tag --query` and `export --query`; CSV and JSON Lines
/// carry the `note` column; a TOML dump carries memos (control characters
/// and all) and `import` restores them into a fresh copy of the corpus.
#[test]
fn cli_note_search_export_dump_and_import() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let root = tmp.path().join("c");
    copy_tree(&repo_path("tests/fixtures/corpus"), &root);
    let r = root.to_str().unwrap();
    let (_issue, id) = first_id(&cli, &root);
    let text = "待核实：人数\n第二行\t\"x\" \u{7}";
    let out = cli
        .command()
        .env("NEWSTAG_CODER", "wang")
        .args(["note", r, &id, text])
        .output()
        .unwrap();
    assert_succeeded(&out);
    let out = cli.run(&["note", r, &id]);
    assert_succeeded(&out);
    assert_eq!(stdout(&out), "wang\t待核实：人数\\n第二行\\t\"x\" \\u{7}\n");
    let out = cli.run(&["note", r]);
    assert!(
        stdout(&out).starts_with(&format!("{id}\t")),
        "{}",
        stdout(&out)
    );
    assert_eq!(stdout(&out).lines().count(), 1);

    // Search: `note`, `note:word` (folded), `!note`.
    let ids = |query: &str| -> Vec<String> {
        let out = cli.run(&["search", r, query]);
        assert_succeeded(&out);
        stdout(&out)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["id"].as_str().unwrap().to_string()
            })
            .collect()
    };
    assert_eq!(ids("note"), std::slice::from_ref(&id));
    assert_eq!(ids("note:人数"), std::slice::from_ref(&id));
    assert!(ids("note:没有").is_empty());
    assert!(!ids("!note").contains(&id));
    // tag --query note tags exactly that article.
    let out = cli.run(&["tag", r, "--query", "note:核实", "+heritage"]);
    assert_succeeded(&out);
    let tagged: Vec<_> = cli
        .article_tags(&root)
        .into_iter()
        .filter(|(_, _, t)| !t.is_empty())
        .map(|(_, i, _)| i)
        .collect();
    assert_eq!(tagged, std::slice::from_ref(&id));

    // CSV and JSON Lines: the note column.
    let out = cli.run(&["export", r, "--format", "csv", "--query", "note"]);
    assert_succeeded(&out);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let col = header.iter().position(|h| h == "note").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][col], text);
    let out = cli.run(&["export", r, "--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() > 1);
    for v in &lines {
        if v["id"] == id.as_str() {
            assert_eq!(v["note"], text);
        } else {
            assert!(v["note"].is_null());
        }
    }

    // A dump carries the memo; import restores it into a fresh copy.
    let dump = tmp.path().join("dump.toml");
    let out = cli.run(&[
        "export",
        r,
        "--format",
        "toml",
        "-o",
        dump.to_str().unwrap(),
    ]);
    assert_succeeded(&out);
    let fresh = tmp.path().join("fresh");
    copy_tree(&repo_path("tests/fixtures/corpus"), &fresh);
    let out = cli.run(&["import", dump.to_str().unwrap(), fresh.to_str().unwrap()]);
    assert_succeeded(&out);
    assert!(stdout(&out).contains("1 memo"), "{}", stdout(&out));
    let out = cli.run(&["note", fresh.to_str().unwrap(), &id]);
    assert_eq!(stdout(&out), "wang\t待核实：人数\\n第二行\\t\"x\" \\u{7}\n");

    // --clear (after the id) removes the memo; the tag stays.
    let out = cli.run(&["note", r, &id, "--clear"]);
    assert_succeeded(&out);
    assert_eq!(stdout(&cli.run(&["note", r])), "");
    assert!(ids("note").is_empty());
    assert_eq!(cli.article_tags(&root)[0].2, ["heritage"]);
}

/// In the team layout a TOML dump keeps every coder's memo on an article
/// (wang's and li's on the same one), and `import` into a fresh copy puts
/// each back in its coder's own sidecar, whoever imports (issue 15).
#[test]
fn a_team_dump_keeps_each_coders_memo() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(tmp.path());
    let root = tmp.path().join("c");
    copy_tree(&repo_path("tests/fixtures/corpus"), &root);
    assert_succeeded(&cli.run(&["git-setup", root.to_str().unwrap()]));
    let r = root.to_str().unwrap();
    let (_issue, id) = first_id(&cli, &root);
    for (coder, text) in [("wang", "王的备忘"), ("li", "李的备忘")] {
        assert_succeeded(&cli.run(&["note", r, &id, text, "--coder", coder]));
    }
    let dump = tmp.path().join("dump.toml");
    let out = cli.run(&[
        "export",
        r,
        "--format",
        "toml",
        "-o",
        dump.to_str().unwrap(),
        "--coder",
        "zhao",
    ]);
    assert_succeeded(&out);
    let text = std::fs::read_to_string(&dump).unwrap();
    assert!(
        text.contains("王的备忘") && text.contains("李的备忘"),
        "{text}"
    );

    let fresh = tmp.path().join("fresh");
    copy_tree(&repo_path("tests/fixtures/corpus"), &fresh);
    assert_succeeded(&cli.run(&["git-setup", fresh.to_str().unwrap()]));
    let out = cli.run(&[
        "import",
        dump.to_str().unwrap(),
        fresh.to_str().unwrap(),
        "--coder",
        "zhao",
    ]);
    assert_succeeded(&out);
    assert!(stdout(&out).contains("2 memos"), "{}", stdout(&out));
    for (coder, text) in [("wang", "王的备忘"), ("li", "李的备忘")] {
        let files = sidecars(&fresh.join("coders").join(coder));
        assert_eq!(files.len(), 1, "{coder}: {files:?}");
        assert!(files[0].1.contains(text), "{coder}: {}", files[0].1);
    }
    let out = cli.run(&["note", fresh.to_str().unwrap(), &id]);
    let said = stdout(&out);
    assert!(
        said.contains("wang\t王的备忘") && said.contains("li\t李的备忘"),
        "{said}"
    );
}

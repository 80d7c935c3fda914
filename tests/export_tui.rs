//! The export dialog and the stats view in the TUI: behaviour through `App` (keys
//! in, files and state checked) and screen snapshots (TestBackend + insta).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::screen::screen_text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newstag::article::{Article, Issue, Kind};
use newstag::config::Config;
use newstag::ui::export_dialog::{ExportStatus, Field};
use newstag::ui::{Action, App, Overlay};
use std::path::{Path, PathBuf};
use tui_input::Input;

fn article(id: u64, index: usize, title: &str, body: &str) -> Article {
    Article {
        id: format!("{id:012x}"),
        index,
        line: 1 + index * 5,
        kind: Kind::News,
        title: title.into(),
        byline: "本报记者 林晓雨".into(),
        paragraphs: vec![body.into()].into(),
        ..Article::default()
    }
}

/// Three issues over three months, six articles; one title has a comma and quotes.
fn issues(dir: &Path) -> Vec<Issue> {
    let issue = |rel: &str, date: &str, articles: Vec<Article>| Issue {
        path: dir.join(rel),
        rel: rel.into(),
        date: Some(date.into()),
        page: Some("2".into()),
        encoding: "UTF-8",
        bytes: 100,
        articles: articles.into(),
        habit_lines: Default::default(),
    };
    vec![
        issue(
            "2024-01-05_2.txt",
            "2024-01-05",
            vec![
                article(
                    0xa1,
                    0,
                    "老街巷里的便民服务站，\"十五分钟\"生活圈",
                    "社区服务站开门。",
                ),
                article(0xa2, 1, "湿地公园迎来候鸟季", "候鸟越冬。"),
            ],
        ),
        issue(
            "2024-02-09_2.txt",
            "2024-02-09",
            vec![
                article(0xb1, 0, "古戏台修缮完工", "老腔重回乡村。"),
                article(0xb2, 1, "市民热线一周回应", "诉求逐一答复。"),
            ],
        ),
        issue(
            "2024-04-01_2.txt",
            "2024-04-01",
            vec![
                article(0xc1, 0, "河道治理见成效", "水质改善。"),
                article(0xc2, 1, "非遗传承人进校园", "孩子们学唱腔。"),
            ],
        ),
    ]
}

fn app_in(dir: &Path, width: u16, height: u16) -> App {
    App::with_issues(Config::builtin(), issues(dir), width, height)
}

/// Toggle tag `tag` (vocabulary index) on the list row `row`, through the app.
fn tag_row(app: &mut App, row: usize, tag: usize) {
    app.update(Action::Top);
    for _ in 0..row {
        app.update(Action::MoveDown);
    }
    app.update(Action::ToggleTag(tag));
}

/// Tags on five of the six articles: rows are issue, a1, a2, issue, b1, b2,
/// issue, c1, c2; tags 0 governance, 1 heritage, 2 environment.
fn tag_fixture(app: &mut App) {
    for (row, tag) in [(1, 0), (1, 1), (2, 2), (4, 1), (7, 0), (8, 1)] {
        tag_row(app, row, tag);
    }
    assert_eq!(app.tagged_total(), 5, "{:?}", app.message);
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
}

/// Point the open dialog at `path` (as if typed).
fn set_path(app: &mut App, path: &Path) {
    let Overlay::Export(d) = &mut app.mode else {
        panic!("export dialog not open")
    };
    d.path = Input::new(path.to_string_lossy().into_owned());
}

fn dialog(app: &App) -> &newstag::ui::export_dialog::ExportDialog {
    match &app.mode {
        Overlay::Export(d) => d,
        other => panic!("export dialog not open: {other:?}"),
    }
}

/// `e` then Enter writes a CSV of every article, read back with the csv crate;
/// the dialog and the status bar say where and how many rows.
#[test]
fn export_dialog_writes_csv_of_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), 100, 30);
    tag_fixture(&mut app);
    app.update(Action::Export);
    let out = tmp.path().join("全部.csv");
    set_path(&mut app, &out);
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(
        dialog(&app).status,
        ExportStatus::Written {
            path: out.clone(),
            records: 6
        }
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("Excel BOM is on by default");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(records.len(), 6);
    assert_eq!(&records[0][6], "老街巷里的便民服务站，\"十五分钟\"生活圈");
    let tags: Vec<&str> = records.iter().map(|r| &r[8]).collect();
    assert_eq!(
        tags,
        [
            "governance;heritage",
            "environment",
            "heritage",
            "",
            "governance",
            "heritage"
        ]
    );
    let governance: Vec<&str> = records.iter().map(|r| &r[9]).collect();
    assert_eq!(governance, ["1", "0", "0", "0", "1", "0"]);
    let msg = app.message.clone().unwrap().text;
    assert!(
        msg.contains("exported 6") && msg.contains("全部.csv"),
        "{msg}"
    );
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode, Overlay::Panes);
}

/// With marked articles the dialog exports only those; JSONL is chosen with the
/// arrow keys (CSV -> XLSX -> JSONL) and the file name follows the format.
#[test]
fn export_dialog_marked_scope_and_format() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), 100, 30);
    tag_row(&mut app, 1, 1);
    app.update(Action::Top);
    app.update(Action::MoveDown); // first article
    app.update(Action::Mark);
    app.update(Action::Mark);
    app.update(Action::Export);
    set_path(&mut app, &tmp.path().join("marked.csv"));
    app.handle_key(key(KeyCode::Right)); // format: CSV -> XLSX
    app.handle_key(key(KeyCode::Right)); // format: XLSX -> JSONL
    assert!(dialog(&app).path.value().ends_with("marked.jsonl"));
    app.handle_key(key(KeyCode::Enter));
    let text = std::fs::read_to_string(tmp.path().join("marked.jsonl")).unwrap();
    let ids: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["0000000000a1", "0000000000a2"]);
}

/// The dialog offers XLSX: it writes a real workbook (read back with calamine)
/// with the tagged table, Chinese titles intact, and the body with the option on.
#[test]
fn export_dialog_writes_xlsx() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), 100, 30);
    tag_fixture(&mut app);
    app.update(Action::Export);
    set_path(&mut app, &tmp.path().join("表格.csv"));
    app.handle_key(key(KeyCode::Right)); // format: CSV -> XLSX
    assert!(dialog(&app).path.value().ends_with("表格.xlsx"));
    for _ in 0..4 {
        app.handle_key(key(KeyCode::Tab)); // to the option
    }
    assert_eq!(dialog(&app).field, Field::Option);
    app.handle_key(key(KeyCode::Char(' '))); // include the body text
    app.handle_key(key(KeyCode::Enter));
    assert!(matches!(
        dialog(&app).status,
        ExportStatus::Written { records: 6, .. }
    ));
    let mut book: Xlsx<_> = open_workbook(tmp.path().join("表格.xlsx")).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(Data::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[0][6..10], ["title", "byline", "tags", "body"]);
    assert_eq!(rows[1][6], "老街巷里的便民服务站，\"十五分钟\"生活圈");
    assert_eq!(rows[1][8], "governance;heritage");
    assert_eq!(rows[1][9], "社区服务站开门。");
    assert_eq!(rows[1][10], "1");
}

/// An existing file is not overwritten until a second Enter confirms it.
#[test]
fn export_dialog_asks_before_overwriting() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("old.csv");
    std::fs::write(&out, "keep me").unwrap();
    let mut app = app_in(tmp.path(), 100, 30);
    app.update(Action::Export);
    set_path(&mut app, &out);
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(dialog(&app).status, ExportStatus::ConfirmOverwrite);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    app.handle_key(key(KeyCode::Enter));
    assert!(matches!(dialog(&app).status, ExportStatus::Written { .. }));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("issue,date")
    );
}

/// While the corpus is still loading the dialog refuses to write a partial export.
#[test]
fn export_waits_for_loading() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), 100, 30);
    app.set_loading(3, 10);
    app.update(Action::Export);
    let out = tmp.path().join("partial.csv");
    set_path(&mut app, &out);
    app.handle_key(key(KeyCode::Enter));
    match &dialog(&app).status {
        ExportStatus::Failed(msg) => assert!(msg.contains("still loading (3 of 10"), "{msg}"),
        other => panic!("wrote during loading: {other:?}"),
    }
    assert!(!out.exists());
}

/// The file name can be typed; the default is a new file in the corpus folder.
#[test]
fn export_dialog_path_is_editable() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), 100, 30);
    app.update(Action::Export);
    assert!(dialog(&app).path.value().ends_with("newstag-export.csv"));
    app.handle_key(key(KeyCode::Tab));
    assert_eq!(dialog(&app).field, Field::Path);
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    let typed = tmp.path().join("导出.csv");
    type_text(&mut app, &typed.to_string_lossy());
    assert_eq!(dialog(&app).target(), typed);
    app.handle_key(key(KeyCode::Enter));
    assert!(typed.exists());
}

/// Snapshot: the export dialog over the main screen at 100x30.
#[test]
fn export_dialog_snapshot() {
    let mut app = app_in(Path::new("/data/报纸"), 100, 30);
    app.update(Action::MoveDown);
    app.update(Action::Mark);
    app.update(Action::Export);
    set_path(&mut app, &PathBuf::from("/data/报纸/newstag-export.csv"));
    insta::assert_snapshot!(screen_text(&app));
}

/// Snapshot: the dialog after writing says where it wrote and how many rows.
#[test]
fn export_dialog_written_snapshot() {
    let mut app = app_in(Path::new("/data/报纸"), 100, 30);
    app.update(Action::Export);
    let Overlay::Export(d) = &mut app.mode else {
        panic!("export dialog not open")
    };
    d.status = ExportStatus::Written {
        path: PathBuf::from("/data/报纸/newstag-export.csv"),
        records: 6,
    };
    insta::assert_snapshot!(screen_text(&app));
}

/// Snapshot: the stats view at 100x30: totals, bars per tag, tags over time.
#[test]
fn stats_view_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), 100, 30);
    tag_fixture(&mut app);
    app.message = None;
    app.update(Action::Stats);
    let Overlay::Stats(view) = &app.mode else {
        panic!("stats view not open")
    };
    assert_eq!((view.stats.tagged, view.stats.untagged), (5, 1));
    assert!(matches!(app.mode, Overlay::Stats(_)));
    insta::assert_snapshot!(screen_text(&app));
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode, Overlay::Panes);
}

/// With the session's jobs running in the background, the dialog says the export is being written until the job reports, then where it wrote; a failure names the file and reaches the status bar even after the dialog was closed.
#[test]
fn export_runs_in_the_background_and_reports_truthfully() {
    use newstag::session::{Notifier, SessionEvent};
    let tmp = tempfile::tempdir().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let mut app = app_in(tmp.path(), 100, 30);
    app.notify = Some(Notifier::new(move |ev| tx.lock().unwrap().send(ev).is_ok()));
    let next_export = || loop {
        match rx.recv_timeout(std::time::Duration::from_secs(30)).unwrap() {
            SessionEvent::Exported(done) => return done,
            _ => continue,
        }
    };
    let out = tmp.path().join("bg.csv");
    app.update(Action::Export);
    set_path(&mut app, &out);
    app.handle_key(key(KeyCode::Enter));
    assert!(matches!(dialog(&app).status, ExportStatus::Writing { .. }));
    assert!(screen_text(&app).contains("writing"));
    app.export_finished(next_export());
    assert!(matches!(
        dialog(&app).status,
        ExportStatus::Written { records: 6, .. }
    ));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("古戏台修缮完工")
    );
    app.handle_key(key(KeyCode::Esc));
    // A file where the folder should be: the job fails; the dialog is closed by
    // then, and the status bar says why.
    std::fs::write(tmp.path().join("blocker"), "").unwrap();
    let bad = tmp.path().join("blocker").join("x.csv");
    app.update(Action::Export);
    set_path(&mut app, &bad);
    app.handle_key(key(KeyCode::Enter));
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.mode, Overlay::Panes);
    app.export_finished(next_export());
    let msg = app.message.clone().unwrap();
    assert!(msg.is_error, "{}", msg.text);
    assert!(msg.text.contains("blocker"), "{}", msg.text);
}

/// The CSV rows of the file at `path` (Excel's byte-order mark taken off).
fn csv_rows(path: &Path) -> Vec<csv::StringRecord> {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect()
}

/// The export dialog writes a story across pages once, as `newstag export`
/// does: one day's page 1 and page 3 (three units, four parts) give three
/// rows, the story's with both pages (`1+3`), the text of both parts and the
/// tag set on page 3's part; marking only page 3's part exports the story
/// (issue 13).
#[test]
fn export_dialog_writes_a_story_once() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, text) in common::story_pages::DAY {
        std::fs::write(tmp.path().join(name), text).unwrap();
    }
    let corpus = newstag::corpus::Corpus::load(tmp.path()).unwrap();
    let mut app = App::with_issues(Config::builtin(), corpus.issues, 100, 30);
    app.corpus.root = tmp.path().to_path_buf();
    // Rows: issue, 老街 (part 1), 春耕, issue, 图书馆, part 2.
    tag_row(&mut app, 5, 0);
    app.update(Action::Export);
    let out = tmp.path().join("stories.csv");
    set_path(&mut app, &out);
    app.handle_key(key(KeyCode::Enter));
    assert!(
        matches!(
            dialog(&app).status,
            ExportStatus::Written { records: 3, .. }
        ),
        "{:?}",
        dialog(&app).status
    );
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 3, "{rows:?}");
    let story: Vec<&csv::StringRecord> =
        rows.iter().filter(|r| &r[6] == "老街新貌换新颜").collect();
    assert_eq!(story.len(), 1, "{rows:?}");
    assert_eq!(&story[0][2], "1+3");
    assert_eq!(&story[0][8], "governance");
    app.handle_key(key(KeyCode::Esc));

    // Page 3's part marked alone: the story's row, with the whole text.
    app.update(Action::Top);
    for _ in 0..5 {
        app.update(Action::MoveDown);
    }
    app.update(Action::Mark);
    app.update(Action::Export);
    let out = tmp.path().join("marked.jsonl");
    app.handle_key(key(KeyCode::Right));
    app.handle_key(key(KeyCode::Right)); // format: JSONL
    for _ in 0..4 {
        app.handle_key(key(KeyCode::Tab)); // to the option line
    }
    app.handle_key(key(KeyCode::Char(' '))); // with the body
    set_path(&mut app, &out);
    app.handle_key(key(KeyCode::Enter));
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert_eq!(lines[0]["title"], "老街新貌换新颜");
    let body = lines[0]["body"].as_str().unwrap();
    assert!(
        body.contains("商铺陆续开业") && body.contains("修缮历史建筑32栋"),
        "{body}"
    );
}

/// The dialog offers whose decisions to export, as `newstag export
/// --decisions` does: every coder's (the default), the settled ones, or one
/// coder's. Two coders tag the same article differently in the team layout;
/// wang's export has wang's tag alone, li's li's, the settled one no tag (the
/// article is in dispute, and the status bar says so), everyone's both
/// (issue 15).
#[test]
fn export_dialog_exports_whose_decisions_are_asked_for() {
    let (_tmp, root) = common::team::corpus_copy();
    std::fs::create_dir(root.join("coders")).unwrap();
    let mut wang = common::team::app_as(&root, "wang", false);
    common::team::first_article(&mut wang);
    wang.update(Action::ToggleTag(0));
    let mut li = common::team::app_as(&root, "li", false);
    common::team::first_article(&mut li);
    li.update(Action::ToggleTag(1));
    let governance = li.config.tags[0].name.clone();
    let heritage = li.config.tags[1].name.clone();
    let id = li.corpus.issues[0].articles[0].id.clone();

    let export = |choice: usize, name: &str| -> (Vec<String>, String) {
        let mut app = common::team::app_as(&root, "zhao", false);
        app.update(Action::Export);
        set_path(&mut app, &root.join(name));
        let Overlay::Export(d) = &app.mode else {
            panic!("export dialog not open")
        };
        let offered: Vec<String> = d.whose_choices.iter().map(|w| w.as_str().into()).collect();
        assert_eq!(offered, ["all", "settled", "li", "wang"]);
        for _ in 0..3 {
            app.handle_key(key(KeyCode::Tab));
        }
        assert_eq!(dialog(&app).field, Field::Decisions);
        for _ in 0..choice {
            app.handle_key(key(KeyCode::Right));
        }
        assert!(screen_text(&app).contains("Decisions"));
        app.handle_key(key(KeyCode::Enter));
        let message = app.message.clone().unwrap().text;
        let row = csv_rows(&root.join(name))
            .into_iter()
            .find(|r| r[3] == id)
            .unwrap();
        let tags = row[8]
            .split(';')
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect();
        (tags, message)
    };
    let (mut all, _) = export(0, "all.csv");
    all.sort();
    let mut both = vec![governance.clone(), heritage.clone()];
    both.sort();
    assert_eq!(all, both);
    let (settled, message) = export(1, "settled.csv");
    assert!(settled.is_empty(), "{settled:?}");
    assert!(
        message.contains("1 article wait for adjudication"),
        "{message}"
    );
    let (theirs, _) = export(2, "li.csv");
    assert_eq!(theirs, [heritage]);
    let (theirs, _) = export(3, "wang.csv");
    assert_eq!(theirs, [governance]);
}

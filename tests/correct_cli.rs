//! `newstag correct` as a user runs it on a copy of the built-in sample: split,
//! join, set a role, move a paragraph, drop (undo), stale corrections reported by
//! `check` and kept, tags following every kind of correction, and errors naming
//! the file and line. Sidecars are read back from disk.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use common::files::repo_path;
use newstag::correct::{Op, Role};
use newstag::tags::sidecar;
use serde_json::Value;
use std::path::{Path, PathBuf};

const ISSUE: &str = "河川晚报_20240307_p2.txt";

/// A user with a copy of one sample issue in `HOME/c/`.
fn setup() -> (Cli, PathBuf) {
    let cli = Cli::new();
    let root = cli.home().join("c");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::copy(repo_path(&format!("sample/{ISSUE}")), root.join(ISSUE)).unwrap();
    (cli, root)
}

/// The 1-based line of the issue that starts with `prefix`.
fn line_of(root: &Path, prefix: &str) -> usize {
    let text = std::fs::read_to_string(root.join(ISSUE)).unwrap();
    text.lines()
        .position(|l| l.trim().starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix}"))
        + 1
}

fn articles(cli: &Cli, root: &Path) -> Vec<Value> {
    let out = cli.run(&["articles", root.to_str().unwrap(), "--format", "jsonl"]);
    assert_succeeded(&out);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn by_title<'a>(articles: &'a [Value], title: &str) -> &'a Value {
    articles
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no article titled {title}"))
}

fn by_body<'a>(articles: &'a [Value], start: &str) -> &'a Value {
    articles
        .iter()
        .find(|a| a["body"].as_str().unwrap().starts_with(start))
        .unwrap_or_else(|| panic!("no article whose body starts with {start}"))
}

fn tags(a: &Value) -> Vec<&str> {
    a["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect()
}

fn correct(cli: &Cli, root: &Path, args: &[&str]) -> String {
    let mut all = vec!["correct", root.to_str().unwrap(), ISSUE];
    all.extend_from_slice(args);
    let out = cli.run(&all);
    assert_succeeded(&out);
    String::from_utf8(out.stdout).unwrap()
}

fn tag(cli: &Cli, root: &Path, id: &str, change: &str) {
    assert_succeeded(&cli.run(&["tag", root.to_str().unwrap(), id, change]));
}

fn sidecar_of(root: &Path) -> sidecar::Sidecar {
    sidecar::read(&root.join("河川晚报_20240307_p2.tags.toml"))
        .unwrap()
        .expect("a sidecar")
}

fn id(a: &Value) -> &str {
    a["id"].as_str().unwrap()
}

/// A split keeps the tags on the part with the title and says the other part has
/// none; the correction is in the sidecar, and still applies after the file is
/// re-encoded to GB18030 with CRLF line ends and a blank line on top; `export`
/// and `search` see the corrected articles too.
#[test]
fn split_keeps_tags_on_the_titled_part_and_survives_reencoding() {
    let (cli, root) = setup();
    let before = articles(&cli, &root);
    let story = by_title(&before, "“小巷管家”的一天");
    tag(&cli, &root, id(story), "+governance");
    let line = line_of(&root, "傍晚6点");
    let out = correct(&cli, &root, &["--split-before", &line.to_string()]);
    assert!(out.contains("has no tags"), "{out}");
    assert!(out.contains("governance"), "{out}");

    let after = articles(&cli, &root);
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(tags(by_title(&after, "“小巷管家”的一天")), ["governance"]);
    let part = by_body(&after, "傍晚6点");
    assert!(tags(part).is_empty());
    assert!(
        !by_title(&after, "“小巷管家”的一天")["body"]
            .as_str()
            .unwrap()
            .contains("傍晚6点")
    );

    let file = sidecar_of(&root);
    assert_eq!(file.corrections.len(), 1);
    assert_eq!(file.corrections[0].op, Some(Op::SplitBefore));
    assert_eq!(file.corrections[0].line, line);
    assert!(file.corrections[0].text.starts_with("傍晚6点"));
    assert!(file.corrections[0].note.contains("governance"));
    assert_eq!(file.articles.len(), 1);
    assert_eq!(
        file.articles[0].id,
        id(by_title(&after, "“小巷管家”的一天"))
    );

    // Export and search read the corrected issue.
    let csv = cli.run(&["export", root.to_str().unwrap(), "--format", "csv"]);
    assert_succeeded(&csv);
    let rows = String::from_utf8(csv.stdout).unwrap().lines().count();
    assert_eq!(rows, after.len() + 1, "header and one row per article");

    // Re-encoded, CRLF, a blank line on top: the same articles and tags.
    let text = std::fs::read_to_string(root.join(ISSUE)).unwrap();
    let crlf = format!("\n{}", text).replace('\n', "\r\n");
    let (gb, _, _) = encoding_rs::GB18030.encode(&crlf);
    std::fs::write(root.join(ISSUE), &gb).unwrap();
    let again = articles(&cli, &root);
    assert_eq!(again.len(), after.len());
    assert_eq!(tags(by_title(&again, "“小巷管家”的一天")), ["governance"]);
    assert!(tags(by_body(&again, "傍晚6点")).is_empty());
    let list = correct(&cli, &root, &["--list"]);
    assert!(list.contains("applies (now at line"), "{list}");
    assert_succeeded(&cli.run(&["check", root.to_str().unwrap()]));
}

/// A join makes one article of two, with the union of their tags, and says so.
#[test]
fn join_unions_tags() {
    let (cli, root) = setup();
    let before = articles(&cli, &root);
    let first = by_title(&before, "清渠区社区议事会实现全覆盖");
    let second = by_title(&before, "岚溪县启动第二批县级非遗名录申报");
    tag(&cli, &root, id(first), "+governance");
    tag(&cli, &root, id(second), "+heritage");
    let line = line_of(&root, "岚溪县启动第二批");
    let out = correct(&cli, &root, &["--join", &line.to_string()]);
    assert!(out.contains("union"), "{out}");
    let after = articles(&cli, &root);
    assert_eq!(after.len(), before.len() - 1);
    let joined = by_title(&after, "清渠区社区议事会实现全覆盖");
    assert_eq!(tags(joined), ["governance", "heritage"]);
    assert!(
        joined["body"]
            .as_str()
            .unwrap()
            .contains("岚溪县文化和旅游局")
    );
    let file = sidecar_of(&root);
    assert_eq!(file.articles.len(), 1);
    assert_eq!(file.articles[0].id, id(joined));
    assert_eq!(file.articles[0].tags.len(), 2);
    assert_eq!(file.corrections[0].op, Some(Op::Join));
}

/// A byline read as body (or the reverse) is re-labelled; the article keeps its
/// tags.
#[test]
fn role_relabels_a_line_and_tags_follow() {
    let (cli, root) = setup();
    let before = articles(&cli, &root);
    let piece = by_title(&before, "网格虽小 连着民心");
    assert_eq!(piece["byline"], "本报评论员 丁一川");
    tag(&cli, &root, id(piece), "+environment");
    let line = line_of(&root, "本报评论员 丁一川");
    correct(&cli, &root, &["--role", &format!("{line}=body")]);
    let after = articles(&cli, &root);
    let piece = by_title(&after, "网格虽小 连着民心");
    assert_eq!(piece["byline"], "");
    assert!(
        piece["body"]
            .as_str()
            .unwrap()
            .starts_with("本报评论员 丁一川")
    );
    assert_eq!(tags(piece), ["environment"]);
    let file = sidecar_of(&root);
    assert_eq!(file.corrections[0].role, Some(Role::Body));
    assert_eq!(file.articles[0].id, id(piece));

    // And a head line made furniture leaves the article titleless, its tags kept.
    let line = line_of(&root, "网格虽小 连着民心");
    correct(&cli, &root, &["--role", &format!("{line}=furniture")]);
    let after = articles(&cli, &root);
    let piece = by_body(&after, "本报评论员 丁一川");
    assert_eq!(piece["title"], "");
    assert_eq!(tags(piece), ["environment"]);
}

/// A paragraph moved to another article (interleaved columns) leaves the one it
/// was in; both keep their tags.
#[test]
fn move_puts_a_paragraph_in_another_article() {
    let (cli, root) = setup();
    let before = articles(&cli, &root);
    let from = by_title(&before, "网格员“扫楼”摸清辖区底数");
    let to = by_title(&before, "清渠区社区议事会实现全覆盖");
    tag(&cli, &root, id(from), "+governance");
    tag(&cli, &root, id(to), "+heritage");
    let line = line_of(&root, "北关街道负责人表示");
    let out = correct(&cli, &root, &["--move", &line.to_string(), "--to", id(to)]);
    assert!(
        out.contains("governance") && out.contains("heritage"),
        "{out}"
    );
    let after = articles(&cli, &root);
    assert_eq!(after.len(), before.len());
    let from = by_title(&after, "网格员“扫楼”摸清辖区底数");
    let to = by_title(&after, "清渠区社区议事会实现全覆盖");
    assert!(
        !from["body"]
            .as_str()
            .unwrap()
            .contains("北关街道负责人表示")
    );
    assert!(to["body"].as_str().unwrap().contains("北关街道负责人表示"));
    assert_eq!(tags(from), ["governance"]);
    assert_eq!(tags(to), ["heritage"]);
    let file = sidecar_of(&root);
    assert_eq!(file.corrections[0].op, Some(Op::Move));
    assert!(file.corrections[0].to_text.contains("清渠区社区议事会"));
}

/// `--drop N` undoes a correction: the articles are as segmented again and the
/// tags follow back (the parts' tags unite on the whole).
#[test]
fn drop_undoes_a_split_and_tags_follow_back() {
    let (cli, root) = setup();
    let before = articles(&cli, &root);
    let story = by_title(&before, "“小巷管家”的一天");
    let original_id = id(story).to_string();
    tag(&cli, &root, &original_id, "+governance");
    let line = line_of(&root, "傍晚6点");
    correct(&cli, &root, &["--split-before", &line.to_string()]);
    let split = articles(&cli, &root);
    tag(&cli, &root, id(by_body(&split, "傍晚6点")), "+environment");
    let out = correct(&cli, &root, &["--drop", "1"]);
    assert!(out.contains("dropped correction 1"), "{out}");
    let after = articles(&cli, &root);
    assert_eq!(after.len(), before.len());
    let story = by_title(&after, "“小巷管家”的一天");
    assert_eq!(id(story), original_id);
    assert_eq!(tags(story), ["environment", "governance"]);
    let file = sidecar_of(&root);
    assert!(file.corrections.is_empty());
    assert!(correct(&cli, &root, &["--list"]).contains("no corrections"));
}

/// A correction whose line was edited away is reported by `check` (exit 1) and
/// kept in the sidecar; the issue reads as segmented.
#[test]
fn stale_correction_is_reported_and_kept() {
    let (cli, root) = setup();
    let before = articles(&cli, &root);
    let line = line_of(&root, "傍晚6点");
    correct(&cli, &root, &["--split-before", &line.to_string()]);
    let path = root.join(ISSUE);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("傍晚6点", "晚上7点")).unwrap();
    let check = cli.run(&["check", root.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    let report = String::from_utf8(check.stdout).unwrap();
    assert!(report.contains("no longer applies"), "{report}");
    assert!(report.contains("傍晚6点"), "{report}");
    assert!(report.contains("1 stale corrections"), "{report}");
    assert_eq!(sidecar_of(&root).corrections.len(), 1, "kept");
    assert_eq!(articles(&cli, &root).len(), before.len());
    assert!(correct(&cli, &root, &["--list"]).contains("STALE"));
}

/// Bad lines and roles are refused with the file and line named, nothing written.
#[test]
fn errors_name_file_and_line() {
    let (cli, root) = setup();
    let run = |args: &[&str]| {
        let mut all = vec!["correct", root.to_str().unwrap(), ISSUE];
        all.extend_from_slice(args);
        let out = cli.run(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let e = run(&["--split-before", "9999"]);
    assert!(
        e.contains(&format!("{ISSUE}:9999:")) && e.contains("no such line"),
        "{e}"
    );
    let e = run(&["--join", "2"]);
    assert!(e.contains(":2:") && e.contains("blank"), "{e}");
    let title = line_of(&root, "网格员“扫楼”摸清辖区底数");
    let e = run(&["--split-before", &title.to_string()]);
    assert!(e.contains("already starts"), "{e}");
    let e = run(&["--join", &title.to_string()]);
    assert!(e.contains("first article"), "{e}");
    let e = run(&["--role", "5=headline"]);
    assert!(e.contains("not a role"), "{e}");
    let e = run(&["--move", "5", "--to", "ffffffffffff"]);
    assert!(e.contains("no article of this issue"), "{e}");
    let e = run(&["--drop", "1"]);
    assert!(e.contains("no correction 1"), "{e}");
    assert!(!root.join("河川晚报_20240307_p2.tags.toml").exists());
}

/// `--show` prints the page as corrected: every line numbered with its role, and
/// where each article starts (a split shows as a new start at its line).
#[test]
fn show_prints_the_page_with_roles_and_cuts() {
    let (cli, root) = setup();
    let starts = |s: &str| {
        s.lines()
            .filter(|l| l.trim_start().starts_with("-- article"))
            .count()
    };
    let n = articles(&cli, &root).len();
    let before = correct(&cli, &root, &["--show"]);
    assert_eq!(starts(&before), n, "{before}");
    let total = std::fs::read_to_string(root.join(ISSUE))
        .unwrap()
        .split('\n')
        .count();
    assert_eq!(before.lines().count(), total + n, "every line of the file");
    assert!(
        before
            .lines()
            .any(|l| l.contains("byline") && l.contains("本报评论员 丁一川"))
    );
    let line = line_of(&root, "傍晚6点");
    correct(&cli, &root, &["--split-before", &line.to_string()]);
    let after = correct(&cli, &root, &["--show"]);
    assert_eq!(starts(&after), n + 1, "{after}");
    let lines: Vec<&str> = after.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim_start().starts_with(&format!("{line} ")))
        .unwrap();
    assert!(lines[at - 1].contains("-- article"), "{}", lines[at - 1]);
}

/// `--show` marks the start of an article whose cut segmentation doubts with
/// its reasons (`doubts: wording`), and no other.
#[test]
fn show_marks_doubted_articles() {
    let cli = Cli::new();
    let root = cli.home().join("c");
    std::fs::create_dir_all(&root).unwrap();
    let issue = "2024-06-18_第1版.txt";
    std::fs::copy(repo_path(&format!("sample/2024/{issue}")), root.join(issue)).unwrap();
    let out = cli.run(&["correct", root.to_str().unwrap(), issue, "--show"]);
    assert_succeeded(&out);
    let show = String::from_utf8(out.stdout).unwrap();
    let doubted: Vec<&str> = show.lines().filter(|l| l.contains("doubts:")).collect();
    assert_eq!(doubted.len(), 2, "{show}");
    assert!(doubted[0].contains("芦荡湾湿地公园") && doubted[0].ends_with("doubts: wording"));
}

/// A join of the line just split undoes the split instead of standing beside
/// it: the sidecar keeps no
/// `[[correction]]`, the articles and tags are as before. A role set back to
/// the line's own leaves none either, and a second role of a line replaces
/// the first (issue 13).
#[test]
fn opposite_corrections_of_one_line_cancel_out() {
    let (cli, root) = setup();
    let before = articles(&cli, &root);
    let story = by_title(&before, "“小巷管家”的一天");
    tag(&cli, &root, id(story), "+governance");
    let line = line_of(&root, "傍晚6点").to_string();
    correct(&cli, &root, &["--split-before", &line]);
    assert_eq!(sidecar_of(&root).corrections.len(), 1);
    let out = correct(&cli, &root, &["--join", &line]);
    assert!(out.contains("dropped correction 1"), "{out}");
    let file = sidecar_of(&root);
    assert!(file.corrections.is_empty(), "{:?}", file.corrections);
    assert_eq!(file.articles.len(), 1);
    assert_eq!(file.articles[0].id, id(story));
    let after = articles(&cli, &root);
    assert_eq!(
        after.iter().map(id).collect::<Vec<_>>(),
        before.iter().map(id).collect::<Vec<_>>()
    );
    assert_eq!(tags(by_title(&after, "“小巷管家”的一天")), ["governance"]);

    // A byline made body, then byline again: none; body then caption: one.
    let byline = line_of(&root, "本报评论员 丁一川");
    correct(&cli, &root, &["--role", &format!("{byline}=body")]);
    correct(&cli, &root, &["--role", &format!("{byline}=byline")]);
    assert!(sidecar_of(&root).corrections.is_empty());
    correct(&cli, &root, &["--role", &format!("{byline}=body")]);
    let out = correct(&cli, &root, &["--role", &format!("{byline}=furniture")]);
    assert!(out.contains("replaces"), "{out}");
    let file = sidecar_of(&root);
    assert_eq!(file.corrections.len(), 1);
    assert_eq!(file.corrections[0].role, Some(Role::Furniture));
}

/// A sidecar's records as (id, tag names).
type Records = Vec<(String, Vec<String>)>;

/// Every sidecar of the issue in the team layout, by folder below the corpus
/// (`coders/王芳`, `adjudicated/张三`): its records as (id, tags).
fn team_sidecars(root: &Path) -> Vec<(String, Records)> {
    let mut out = Vec::new();
    for top in ["coders", "adjudicated"] {
        let Ok(entries) = std::fs::read_dir(root.join(top)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        for name in names {
            let path = root
                .join(top)
                .join(&name)
                .join("河川晚报_20240307_p2.tags.toml");
            let Some(file) = sidecar::read(&path).unwrap() else {
                continue;
            };
            let records = file
                .articles
                .into_iter()
                .filter(|r| !r.tags.is_empty())
                .map(|r| (r.id, r.tags.keys().cloned().collect()))
                .collect();
            out.push((format!("{top}/{name}"), records));
        }
    }
    out
}

/// In the team layout (`coders/NAME/` sidecars, `adjudicated/NAME/`
/// decisions), a correction moves the tags in every coder's sidecar and in
/// the settled decisions, not only in the issue's own: a join puts 王芳's,
/// 李华's and 张三's settled tags of both articles on the joined one, and
/// dropping it moves them to the article that keeps the text; no tag is lost
/// in any file, and none is left on an id no article has (issue 13).
#[test]
fn corrections_move_tags_in_every_coders_sidecar() {
    let (cli, root) = setup();
    std::fs::create_dir_all(root.join("coders")).unwrap();
    let r = root.to_str().unwrap();
    let before = articles(&cli, &root);
    let first = id(by_title(&before, "清渠区社区议事会实现全覆盖")).to_string();
    let second = id(by_title(&before, "岚溪县启动第二批县级非遗名录申报")).to_string();
    let other = id(by_title(&before, "网格虽小 连着民心")).to_string();
    for args in [
        vec!["tag", r, &first, "+governance", "--coder", "王芳"],
        vec!["tag", r, &second, "+environment", "--coder", "王芳"],
        vec!["tag", r, &other, "+environment", "--coder", "王芳"],
        vec!["tag", r, &second, "+heritage", "--coder", "李华"],
        vec!["adjudicate", r, &second, "heritage", "--coder", "张三"],
    ] {
        assert_succeeded(&cli.run(&args));
    }
    let line = line_of(&root, "岚溪县启动第二批").to_string();
    correct(&cli, &root, &["--join", &line]);
    let after = articles(&cli, &root);
    let joined = id(by_title(&after, "清渠区社区议事会实现全覆盖")).to_string();
    let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    let mut wang = vec![
        (joined.clone(), s(&["environment", "governance"])),
        (other.clone(), s(&["environment"])),
    ];
    wang.sort();
    assert_eq!(
        team_sidecars(&root),
        [
            (
                "coders/李华".to_string(),
                vec![(joined.clone(), s(&["heritage"]))]
            ),
            ("coders/王芳".to_string(), wang),
            (
                "adjudicated/张三".to_string(),
                vec![(joined.clone(), s(&["heritage"]))]
            ),
        ]
    );
    let joined_tags = tags(by_title(&after, "清渠区社区议事会实现全覆盖"));
    assert_eq!(joined_tags, ["environment", "governance", "heritage"]);
    assert_succeeded(&cli.run(&["check", r]));

    // Dropped: every file's tags are on articles that exist, none lost.
    correct(&cli, &root, &["--drop", "1"]);
    let back = articles(&cli, &root);
    let ids: Vec<&str> = back.iter().map(id).collect();
    for (folder, records) in team_sidecars(&root) {
        for (rid, _) in &records {
            assert!(ids.contains(&rid.as_str()), "{folder}: {rid} is no article");
        }
        let mut names: Vec<String> = records.into_iter().flat_map(|(_, t)| t).collect();
        names.sort();
        let want = match folder.as_str() {
            "coders/王芳" => s(&["environment", "environment", "governance"]),
            _ => s(&["heritage"]),
        };
        assert_eq!(names, want, "{folder}");
    }
    assert_succeeded(&cli.run(&["check", r]));
}

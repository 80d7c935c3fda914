//! A paper's habits learned while its corpus loads (issue 12, item 5): a line that
//! recurs across many issues of one paper (a column label) is never a title, on
//! every way an issue is read (a fresh load, the cache, `articles --explain`, the
//! page view of `correct --show`), and a corpus of one file still loads.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use common::paper::{BODY, cut_in_two_passes, write_archive, write_paper};
use newstag::corpus::Corpus;
use std::path::Path;

fn last_issue(corpus: &Corpus) -> &newstag::article::Article {
    let issue = corpus
        .issues
        .iter()
        .find(|i| i.rel.contains("03-04"))
        .unwrap();
    &issue.articles[0]
}

#[test]
fn a_label_recurring_across_issues_is_never_the_title() {
    let dir = tempfile::tempdir().unwrap();
    write_paper(dir.path());
    let corpus = Corpus::load(dir.path()).unwrap();
    assert!(!corpus.habits.is_empty());
    let a = last_issue(&corpus);
    assert_eq!(
        (a.kicker.as_str(), a.title.as_str(), a.byline.as_str()),
        ("今日关注", "春耕备耕忙", "木禾"),
        "{a:?}"
    );
    // The other days keep their own titles, and no issue keeps its habit lines.
    let titles: Vec<&str> = corpus
        .issues
        .iter()
        .map(|i| i.articles[0].title.as_str())
        .collect();
    assert!(titles.contains(&"夜校开到了村口"), "{titles:?}");
    assert!(corpus.issues.iter().all(|i| i.habit_lines.is_empty()));
}

#[test]
fn a_corpus_of_one_file_learns_nothing_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    write_paper(dir.path());
    let file = dir.path().join("晨报_2025-03-04_第2版.txt");
    let corpus = Corpus::load(&file).unwrap();
    assert!(corpus.habits.is_empty());
    assert_eq!(corpus.issues.len(), 1);
    assert!(!corpus.issues[0].articles.is_empty());
    // Two issues are no habit either.
    let two = tempfile::tempdir().unwrap();
    for name in ["晨报_2025-03-01_第2版.txt", "晨报_2025-03-04_第2版.txt"] {
        std::fs::copy(dir.path().join(name), two.path().join(name)).unwrap();
    }
    assert!(Corpus::load(two.path()).unwrap().habits.is_empty());
}

/// Saved web pages of one paper, each printing its column's name as a heading
/// (`<h2>今日关注</h2>`) and the day's story under `<h1>`: markup that prints a
/// head names no role (only a field label does, as a record's title field), so
/// the heading every page repeats is learned as a label like any other, and the
/// day it is printed under the title it is the kicker, never the title.
#[test]
fn a_heading_every_saved_web_page_repeats_is_a_label() {
    let dir = tempfile::tempdir().unwrap();
    let page = |heads: &str| format!("{heads}\n<p>木禾</p>\n<p>{BODY}</p>\n");
    for (day, title) in ["水渠通到了田间", "夜校开到了村口", "老街装上了电梯"]
        .iter()
        .enumerate()
    {
        std::fs::write(
            dir.path().join(format!("晨报网_2025-03-0{}.txt", day + 1)),
            page(&format!("<h2>今日关注</h2>\n<h1>{title}</h1>")),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("晨报网_2025-03-04.txt"),
        page("<h1>春耕备耕忙</h1>\n<h2>今日关注</h2>"),
    )
    .unwrap();
    let corpus = Corpus::load(dir.path()).unwrap();
    assert!(corpus.habits.is_label("今日关注"), "{:?}", corpus.habits);
    let a = last_issue(&corpus);
    assert_eq!(
        (a.kicker.as_str(), a.title.as_str(), a.byline.as_str()),
        ("今日关注", "春耕备耕忙", "木禾"),
        "{a:?}"
    );
    let titles: Vec<&str> = corpus
        .issues
        .iter()
        .map(|i| i.articles[0].title.as_str())
        .collect();
    assert!(titles.contains(&"夜校开到了村口"), "{titles:?}");
}

/// The id and title of the 03-04 article in `articles --format jsonl`.
fn jsonl_article(cli: &Cli, root: &Path) -> (String, String, String) {
    let out = cli.run(&["articles", root.to_str().unwrap(), "--format", "jsonl"]);
    assert_succeeded(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("03-04"))
        .unwrap_or_else(|| panic!("{text}"));
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    let field = |k: &str| v[k].as_str().unwrap().to_string();
    (field("id"), field("kicker"), field("title"))
}

#[test]
fn every_read_of_an_issue_cuts_it_with_the_corpus_habits() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("paper");
    std::fs::create_dir(&corpus).unwrap();
    write_paper(&corpus);
    let cli = Cli::in_home(home.path());
    let cold = jsonl_article(&cli, &corpus);
    assert_eq!(
        (cold.1.as_str(), cold.2.as_str()),
        ("今日关注", "春耕备耕忙")
    );
    // Read again through the cache, with the habits kept there: the same cut.
    let warm = jsonl_article(&cli, &corpus);
    assert_eq!(warm, cold);
    // `--explain` says why.
    let out = cli.run(&["articles", corpus.to_str().unwrap(), "--explain"]);
    assert_succeeded(&out);
    let explained = String::from_utf8(out.stdout).unwrap();
    assert!(
        explained.contains("a label that recurs across the corpus's issues"),
        "{explained}"
    );
    // The page view of the issue shows the same article, with the same id.
    let out = cli.run(&[
        "correct",
        corpus.to_str().unwrap(),
        "晨报_2025-03-04_第2版.txt",
        "--show",
    ]);
    assert_succeeded(&out);
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(
        shown.contains(&format!("春耕备耕忙 ({}", cold.0)),
        "{shown}"
    );
}

/// The cache files of the corpus cache under `cache` (pack, loose shards) with
/// their bytes and modification times.
fn cache_files(cache: &Path) -> Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)> {
    common::files::snapshot(common::files::files_below(cache).into_iter().filter(|p| {
        p.file_name().is_some_and(|n| n == "pack")
            || p.components().any(|c| c.as_os_str() == "shards")
    }))
}

/// The second start after the first one learned the paper's habits finds every
/// issue in the cache: an issue the habits do not change keeps the cut made
/// before they were known (it was cut afresh, and the pack written again, at
/// every second start).
#[test]
fn the_start_after_habits_were_learned_reads_everything_from_the_cache() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("paper");
    std::fs::create_dir(&corpus).unwrap();
    write_paper(&corpus);
    std::fs::write(
        corpus.join("晨报_2025-03-05_第3版.txt"),
        format!("水渠修到了山脚下\n\n{BODY}\n"),
    )
    .unwrap();
    let cli = Cli::in_home(home.path());
    let first = jsonl_article(&cli, &corpus);
    assert_eq!(first.1, "今日关注");
    let cached = cache_files(&cli.cache_dir());
    assert!(
        cached.iter().any(|(p, _, _)| p.ends_with("pack")),
        "{cached:?}"
    );
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(jsonl_article(&cli, &corpus), first);
    let again = cache_files(&cli.cache_dir());
    assert!(again == cached, "the second start wrote the cache again");
}

/// The cut a first load makes, cutting each file once with habits guessed from
/// a sample of its pages, is the cut of the definition (every page cut, the
/// habits learned from all, every page cut again with them), also where the
/// sample tells a habit wrong: in process, and through the CLI and its cache.
#[test]
fn a_first_load_cuts_as_habits_learned_from_every_page_do() {
    let home = tempfile::tempdir().unwrap();
    let root = home.path().join("paper");
    std::fs::create_dir(&root).unwrap();
    write_archive(&root, 1200);
    let expected = cut_in_two_passes(&root);
    // The label of twelve days in 1,200 is the habit that keeps it from the title.
    let (name, articles) = &expected[4];
    assert_eq!(
        (name.as_str(), articles[0].kicker.as_str()),
        ("晨报_0004.txt", "民生热线"),
        "{articles:?}"
    );
    // Habits learned from every third page miss it, and cut that page otherwise:
    // a load that cut with them would have to cut it again.
    let third: Vec<_> = (0..1200)
        .step_by(3)
        .map(|i| {
            let text = std::fs::read_to_string(root.join(format!("晨报_{i:04}.txt"))).unwrap();
            newstag::segment::page_lines(&text)
        })
        .collect();
    let guessed = newstag::segment::habits::Habits::learn(&third);
    let page = std::fs::read_to_string(root.join("晨报_0004.txt")).unwrap();
    let with_guess = newstag::segment::segment_issue_with(&page, "晨报_0004", &guessed);
    assert_ne!(&with_guess, articles);
    let corpus = Corpus::load(&root).unwrap();
    assert_eq!(corpus.issues.len(), expected.len());
    for (issue, (name, articles)) in corpus.issues.iter().zip(&expected) {
        assert_eq!(&issue.rel, name);
        assert_eq!(&*issue.articles, articles.as_slice(), "{name}");
    }
    // A process with nothing learned yet, through the cache.
    let cli = Cli::in_home(home.path());
    let out = cli.run(&["articles", root.to_str().unwrap(), "--format", "jsonl"]);
    assert_succeeded(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    let listed: Vec<(String, String, String, String)> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let f = |k: &str| v[k].as_str().unwrap().to_string();
            (f("id"), f("kicker"), f("title"), f("byline"))
        })
        .collect();
    let want: Vec<(String, String, String, String)> = expected
        .iter()
        .flat_map(|(_, articles)| articles.iter())
        .map(|a| {
            let (k, t, b) = (a.kicker.clone(), a.title.clone(), a.byline.clone());
            (a.id.clone(), k, t, b)
        })
        .collect();
    assert_eq!(listed, want);
}

/// A warm load takes the habits as they were when its pages are those they
/// were last learned from (it does not learn them again); when a page
/// changes, they are learned again: the label that no longer recurs is read
/// as a fresh load reads it, not as the habits noted before said.
#[test]
fn habits_are_learned_again_once_the_pages_change() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("paper");
    std::fs::create_dir(&corpus).unwrap();
    write_paper(&corpus);
    let cli = Cli::in_home(home.path());
    let first = jsonl_article(&cli, &corpus);
    assert_eq!(first.1, "今日关注");
    // Warm: the same pages, the same habits.
    assert_eq!(jsonl_article(&cli, &corpus), first);
    assert_eq!(jsonl_article(&cli, &corpus), first);
    // The label is gone from every other day: it no longer recurs.
    for (day, title) in ["水渠通到了田间", "夜校开到了村口", "老街装上了电梯"]
        .iter()
        .enumerate()
    {
        std::fs::write(
            corpus.join(format!("晨报_2025-03-0{}_第2版.txt", day + 1)),
            format!("{title}\n\n木禾\n\n{BODY}\n"),
        )
        .unwrap();
    }
    let fresh = Corpus::load(&corpus).unwrap();
    let a = last_issue(&fresh);
    let expected = (a.id.clone(), a.kicker.clone(), a.title.clone());
    assert_ne!(expected, first, "the change does not change the cut");
    assert_eq!(jsonl_article(&cli, &corpus), expected);
    assert_eq!(jsonl_article(&cli, &corpus), expected);
}

//! Any bytes load without a panic, and degenerate or huge issue files give sane
//! results (time linear in size is shown by `benches/load.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::corpus::parse_issue;
use newstag::segment::segment_issue;
use proptest::prelude::*;
use std::path::Path;

fn parse(bytes: &[u8]) -> Result<newstag::article::Issue, newstag::corpus::decode::DecodeError> {
    parse_issue(Path::new("p.txt"), "p.txt", bytes)
}

/// Characters that exercise every rule: Han text, full- and half-width
/// punctuation, markers, Markdown and markup.
fn issue_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "村里修路",
        "。",
        "，",
        "？",
        "”",
        "“",
        "（",
        "）",
        "(",
        ")",
        "\n",
        "\n\n",
        "\n\n\n\n",
        "# ",
        "## ",
        "### ",
        "——",
        "本报讯",
        "（记者王一）",
        "(李二)",
        "记者 张三",
        " 摄",
        "图为",
        "(下转第2版)",
        "（上接第一版）",
        "1949年10月1日",
        "<doc>",
        "<p>",
        "</p>",
        "<contenttitle>",
        "</contenttitle>",
        "[查看原文](x)",
        "\u{3000}",
        "\r\n",
        "a",
        "5",
        "公告",
        "关于",
        "评论员",
        "作者：",
        "时间：",
        "化",
        "孵",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

/// A relative issue path as archives name them: Chinese folders and files, dates
/// and page marks, odd characters of every UTF-8 length.
fn issue_rel_path() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "山西日报",
            "2024年",
            "第3版",
            "1月",
            "13日",
            "/",
            "_",
            "-",
            ".",
            "_p3",
            "2024-03-05",
            "20240305",
            "A2版",
            "é",
            "𠀀",
            "😀",
            " ",
            "\u{3000}",
            "版",
            "年",
        ])
        .prop_map(String::from),
        "[0-9]{1,9}",
        any::<char>().prop_map(String::from),
    ];
    (
        prop::collection::vec(piece, 0..12),
        prop::sample::select(vec![".txt", ".md", ".TXT"]),
    )
        .prop_map(|(v, ext)| format!("{}{ext}", v.concat()))
}

/// First lines of an issue: source notes, dates, reprint notes, then text.
fn issue_head() -> impl Strategy<Value = String> {
    let line = prop::sample::select(vec![
        "《山西日报》1月13日3版刊发",
        "2024年1月1日 星期一",
        "转载自《人民日报》12月31日第4版",
        "1月13日",
        "月日版",
        "# 山西日报 第3版",
        "",
        "标题",
        "本报讯（记者王一）村里修了路。",
    ]);
    (prop::collection::vec(line, 0..5), issue_text())
        .prop_map(|(lines, text)| format!("{}\n{text}", lines.join("\n")))
}

proptest! {
    /// Arbitrary bytes never panic: they load or are refused with an error.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = parse(&bytes);
    }

    /// Any Chinese path with any header lines loads: date and page come from
    /// path and header without a panic (a byte slice of the path panicked once).
    #[test]
    fn any_path_with_any_header_loads(rel in issue_rel_path(), text in issue_head()) {
        let issue = parse_issue(Path::new(&rel), &rel, text.as_bytes()).unwrap();
        prop_assert_eq!(&issue.rel, &rel);
    }

    /// Issue-like text always segments into well-formed articles: indexes in
    /// order, distinct ids, no empty article, no body text invented.
    #[test]
    fn issue_like_text_segments_sanely(text in issue_text()) {
        let articles = segment_issue(&text, "k");
        let mut ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), articles.len());
        let total: usize = articles.iter().map(|a| a.body_chars() + a.title.chars().count()).sum();
        prop_assert!(total <= text.chars().count());
        for (i, a) in articles.iter().enumerate() {
            prop_assert_eq!(a.index, i);
            prop_assert!(!a.title.is_empty() || !a.paragraphs.is_empty());
            prop_assert!(a.line >= 1);
        }
    }
}

/// An empty file and a file of blank lines load and hold no articles.
#[test]
fn empty_and_blank_files_have_no_articles() {
    assert!(parse(b"").unwrap().articles.is_empty());
    assert!(
        parse("\n\r\n  \n\u{3000}\n\t\n".repeat(1000).as_bytes())
            .unwrap()
            .articles
            .is_empty()
    );
}

const PAGE: &str = "县城新开一家图书馆\n\n本报讯（记者张三）县图书馆新馆昨天开馆，藏书十万册。\n\n馆长说，新馆每天开放十二个小时。（李四）\n\n";

/// A 20 MB issue loads, with one article per repeated page.
#[test]
fn twenty_megabyte_file_loads() {
    let reps = (20 << 20) / PAGE.len() + 1;
    let text = PAGE.repeat(reps);
    let issue = parse(text.as_bytes()).unwrap();
    assert_eq!(issue.articles.len(), reps);
    assert!(
        issue
            .articles
            .iter()
            .all(|a| a.title == "县城新开一家图书馆" && a.paragraphs.len() == 2)
    );
}

/// A 5 MB single line loads as one article holding all of it.
#[test]
fn five_megabyte_single_line_loads() {
    let line = "村里修了一条路，".repeat((5 << 20) / 24);
    let issue = parse(line.as_bytes()).unwrap();
    assert_eq!(issue.articles.len(), 1);
    assert_eq!(issue.articles[0].body_chars(), line.chars().count());
    let no_breaks = "路".repeat(2 << 20);
    assert_eq!(parse(no_breaks.as_bytes()).unwrap().articles.len(), 1);
}

//! `newstag articles FILE --explain`: the real binary shows every line of a page with
//! the role it got and the rule that decided it, and where each article starts and why.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};

/// A hard-wrapped national-paper page: the furniture is named as such, the wrapped
/// title is one line (L5-6), the name under it is a byline, and the article's start
/// is given with its reason.
#[test]
fn explain_shows_roles_rules_and_article_starts() {
    let cli = Cli::new();
    let page = cli.home().join("九域日报_2025-10-20_第12版.txt");
    let body = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
    std::fs::write(
        &page,
        format!(
            "九域日报　2025年10月20日　星期一\n\n今日关注\n\n探索城乡融合发展的新\n路径\n\n《九域日报》（2025年10月20日 第 12 版）\n\n王芳\n\n{body}\n{body}\n{body}\n九十。\n\n第 12 页\n"
        ),
    )
    .unwrap();
    let out = cli.run(&["articles", page.to_str().unwrap(), "--explain"]);
    assert_succeeded(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    let line = |prefix: &str| {
        text.lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no line {prefix} in\n{text}"))
            .to_string()
    };
    assert!(line("L1 ").contains("furniture"), "{text}");
    assert!(line("L5-6 ").contains("探索城乡融合发展的新路径"), "{text}");
    assert!(line("L8 ").contains("furniture"), "{text}");
    assert!(line("L10 ").contains("byline"), "{text}");
    assert!(line("L12-15 ").contains("body"), "{text}");
    assert!(
        text.contains(
            "article 0 starts at L3: 探索城乡融合发展的新路径 [two or more head lines stacked]"
        ),
        "{text}"
    );
}

/// A page printed block by block, whose heads stand away from their texts: each
/// article's start is shown right above its own first line, wherever
/// segmentation moved that line, not above the first line numbered after it.
#[test]
fn explain_shows_a_moved_heads_start_above_it() {
    let cli = Cli::new();
    let page = cli.home().join("城市新闻_2026-09-09_第5版.txt");
    std::fs::write(
        &page,
        "城市新闻\n\n全市新建改建城市绿道58公里\n\n本报讯 檀溪区老城片区的四十三条街巷今年完成改造，居民出行更方便。\n\n本报记者 叶知非\n\n记者从市园林局获悉，今年以来全市新建和改建城市绿道58公里，新增口袋公园26个。\n\n本报记者 宁一舟 通讯员 邹小满\n\n筠坊区近日完成三处历史建筑的修缮工作，修缮后将作为社区文化活动中心免费开放。\n\n筠坊区修复三处历史建筑\n",
    )
    .unwrap();
    let out = cli.run(&["articles", page.to_str().unwrap(), "--explain"]);
    assert_succeeded(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut starts = 0;
    for (i, l) in lines.iter().enumerate() {
        let Some(rest) = l.trim_start().strip_prefix(">> article ") else {
            continue;
        };
        starts += 1;
        let at = rest
            .split(" starts at ")
            .nth(1)
            .and_then(|r| r.split(':').next())
            .unwrap_or_else(|| panic!("no line in {l}"));
        let next = lines.get(i + 1).copied().unwrap_or_default();
        assert!(
            next.starts_with(&format!("{at} ")) || next.starts_with(&format!("{at}-")),
            "the start of {l:?} is not above its line ({next:?}):\n{text}"
        );
    }
    assert!(starts >= 3, "{text}");
}

/// The same page as `articles --format jsonl` gives it: an article's `line` is
/// where it is printed, the first line of the file that holds any of its text
/// (for the story whose head was printed below its text, its byline's line, not
/// the head's), so jumping there shows the article's start.
#[test]
fn an_articles_line_is_the_first_line_it_is_printed_on() {
    let cli = Cli::new();
    let page = cli.home().join("城市新闻_2026-09-09_第5版.txt");
    let text = "城市新闻\n\n全市新建改建城市绿道58公里\n\n本报讯 檀溪区老城片区的四十三条街巷今年完成改造，居民出行更方便。\n\n本报记者 叶知非\n\n记者从市园林局获悉，今年以来全市新建和改建城市绿道58公里，新增口袋公园26个。\n\n本报记者 宁一舟 通讯员 邹小满\n\n筠坊区近日完成三处历史建筑的修缮工作，修缮后将作为社区文化活动中心免费开放。\n\n筠坊区修复三处历史建筑\n";
    std::fs::write(&page, text).unwrap();
    let articles = cli.articles_jsonl(&page);
    let moved = articles
        .iter()
        .find(|a| a["title"] == "筠坊区修复三处历史建筑")
        .unwrap_or_else(|| panic!("{articles:#?}"));
    assert_eq!(moved["line"], 11, "{moved:#}");
    let file: Vec<&str> = text.lines().collect();
    for a in &articles {
        let fields: Vec<&str> = ["kicker", "title", "subtitle", "byline", "body"]
            .iter()
            .filter_map(|f| a[f].as_str())
            .collect();
        let first = file
            .iter()
            .position(|l| !l.is_empty() && fields.iter().any(|f| f.contains(l)))
            .map(|i| i + 1);
        assert_eq!(a["line"].as_u64(), first.map(|l| l as u64), "{a:#}");
    }
}

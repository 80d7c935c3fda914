//! `newstag articles FILE --explain`: the real binary shows every line of a page with
//! the role it got and the rule that decided it, and where each article starts and why.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;

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

//! Article ids survive what happens to issue files in an archive: re-encoding,
//! other line ends, re-spacing, and edits to other articles of the same issue.
//! Tags are keyed by these ids, so a broken property loses a user's tags.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::article::Article;
use newstag::corpus::parse_issue;
use std::collections::HashMap;
use std::path::Path;

const ISSUE: &str = "## 乡村振兴一线\n\n# 山坡上种出了“致富果”\n\n## ——柳树村发展林果产业见闻\n\n本报记者 冯一\n\n初夏时节，柳树村的山坡上，苹果树挂满了青果。\n\n村支书老周说，十年前这里还是一片荒坡。\n\n县里召开夏季防汛会议\n\n本报讯（记者陈二）昨天，县里召开夏季防汛工作会议。\n\n会议要求，各乡镇要落实防汛责任。(褚三)\n\n\n\n村民在果园里给果树套袋。 本报记者 卫四 摄\n\n老年食堂开进村\n\n本报讯 近日，第一家村级老年食堂在柳树村开张。(蒋五)\n";

fn ids(bytes: &[u8]) -> HashMap<String, String> {
    let issue = parse_issue(
        Path::new("2024-06-01_第3版.txt"),
        "2024-06-01_第3版.txt",
        bytes,
    )
    .unwrap();
    issue
        .articles
        .iter()
        .map(|a: &Article| (a.display_title(), a.id.clone()))
        .collect()
}

fn base() -> HashMap<String, String> {
    let ids = ids(ISSUE.as_bytes());
    assert_eq!(ids.len(), 4, "{ids:?}");
    ids
}

/// Ids are 12 lowercase hex digits and distinct within an issue.
#[test]
fn ids_are_short_hex_and_distinct() {
    let ids = base();
    let mut seen: Vec<&String> = ids.values().collect();
    for id in &seen {
        assert_eq!(id.len(), 12);
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 4);
}

/// Re-encoding the file as GB18030 keeps every id.
#[test]
fn gb18030_copy_keeps_ids() {
    let (gb, _, bad) = encoding_rs::GB18030.encode(ISSUE);
    assert!(!bad);
    assert_eq!(ids(&gb), base());
}

/// CRLF or CR line ends and a BOM keep every id.
#[test]
fn line_ends_and_bom_keep_ids() {
    assert_eq!(ids(ISSUE.replace('\n', "\r\n").as_bytes()), base());
    assert_eq!(ids(ISSUE.replace('\n', "\r").as_bytes()), base());
    assert_eq!(ids(format!("\u{feff}{ISSUE}").as_bytes()), base());
}

/// Indents, trailing spaces, spaces inside titles, extra blank lines between
/// paragraphs and full-width punctuation keep every id.
#[test]
fn whitespace_and_width_changes_keep_ids() {
    let respaced: String = ISSUE
        .lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_string()
            } else if l.starts_with('#') {
                format!("{l}  ")
            } else {
                format!("\u{3000}\u{3000}{l} ")
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let respaced = respaced.replace("县里召开夏季防汛会议", "县里召开 夏季防汛会议");
    let mut got = ids(respaced.as_bytes());
    // The title is shown as written (with its space); the id is unchanged.
    let spaced = got.remove("县里召开 夏季防汛会议").unwrap();
    let mut want = base();
    assert_eq!(spaced, want.remove("县里召开夏季防汛会议").unwrap());
    assert_eq!(got, want);
    let half_width = ISSUE.replace("(蒋五)", "（蒋五）").replace("，", ",");
    assert_eq!(ids(half_width.as_bytes()), base());
}

/// Editing, deleting or adding other articles keeps the remaining ids; editing an
/// article's body past its opening changes its own id but not the opening check
/// (the last three digits) that lets its tags follow it.
#[test]
fn other_articles_changing_keeps_ids() {
    let want = base();
    let edited = ISSUE.replace(
        "各乡镇要落实防汛责任",
        "各乡镇要层层落实防汛责任，做好物资储备",
    );
    let mut got = ids(edited.as_bytes());
    let mut rest = want.clone();
    let (old, new) = (
        rest.remove("县里召开夏季防汛会议").unwrap(),
        got.remove("县里召开夏季防汛会议").unwrap(),
    );
    assert_ne!(old, new);
    assert_eq!(old[9..], new[9..]);
    assert_eq!(got, rest);
    let without = ISSUE.replace(
        "县里召开夏季防汛会议\n\n本报讯（记者陈二）昨天，县里召开夏季防汛工作会议。\n\n会议要求，各乡镇要落实防汛责任。(褚三)\n\n",
        "",
    );
    let got = ids(without.as_bytes());
    assert_eq!(got.len(), 3);
    for (title, id) in &got {
        assert_eq!(&want[title], id, "{title}");
    }
    let added =
        format!("{ISSUE}\n\n县图书馆延长开放时间\n\n本报讯 县图书馆即日起每晚开放到九点。(沈六)\n");
    let got = ids(added.as_bytes());
    assert_eq!(got.len(), 5);
    for (title, id) in &want {
        assert_eq!(&got[title], id, "{title}");
    }
}

/// Articles that share a title get ids of their own, which do not change when
/// another same-titled article is inserted before them, removed or moved. Also
/// for photos under a `图片新闻` head, which segmentation reads as a banner over
/// untitled items: their ids must not depend on their count either.
#[test]
fn same_titled_articles_keep_their_ids() {
    for head in ["春日公园", "图片新闻"] {
        let photo =
            |n: u32| format!("## {head}\n\n编号{n}：市民在公园里观赏盛开的樱花，第{n}张照片。\n\n");
        let page = |ns: &[u32]| ns.iter().map(|&n| photo(n)).collect::<String>();
        let by_body = |text: String| -> HashMap<String, String> {
            let issue = parse_issue(Path::new("p.md"), "p.md", text.as_bytes()).unwrap();
            let titles: std::collections::HashSet<&str> =
                issue.articles.iter().map(|a| a.title.as_str()).collect();
            assert_eq!(titles.len(), 1, "{head}: one shared title, got {titles:?}");
            issue
                .articles
                .iter()
                .map(|a| (a.paragraphs.join(""), a.id.clone()))
                .collect()
        };
        let want = by_body(page(&[1, 2]));
        assert_eq!(want.len(), 2, "{head}: {want:?}");
        for other in [page(&[3, 1, 2]), page(&[2, 1]), page(&[2]), page(&[1, 3])] {
            for (body, id) in by_body(other) {
                if let Some(old) = want.get(&body) {
                    assert_eq!(old, &id, "{head}: {body}");
                }
            }
        }
    }
}

/// The same article in another issue file gets another id.
#[test]
fn issue_file_name_is_part_of_the_id() {
    let other = parse_issue(
        Path::new("x/2024-06-02_第3版.txt"),
        "x/2024-06-02_第3版.txt",
        ISSUE.as_bytes(),
    )
    .unwrap();
    let want = base();
    for a in other.articles.iter() {
        assert_ne!(want[&a.display_title()], a.id);
    }
}

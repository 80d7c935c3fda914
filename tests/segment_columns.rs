//! A page printed with its columns side by side (`pdftotext -layout`) is read column
//! by column: `tests/fixtures/columns/苇塘县报_2026-07-03_第2版.layout.txt` is poppler's
//! print of an invented A4 page in three columns (text written for this test; made by
//! `tests/fixtures/tools/make_pdf_page.py tests/fixtures/columns 苇塘县报_2026-07-03_第2版.pdf`
//! from `tools/pages.py`, then `pdftotext -layout -enc UTF-8`). Its second story's
//! 17-point head is wrapped in its column and centred (`西河湾渡口换上电动` / `渡船`),
//! its commentary's label stands at the foot of column 2 with the title at the top of
//! column 3, and column 1's lines share their rows with the other columns' lines.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::segment::segment_issue;
use std::path::Path;

#[test]
fn a_layout_print_is_read_column_by_column() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/columns/苇塘县报_2026-07-03_第2版.layout.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let a = segment_issue(&text, "苇塘县报_2026-07-03_第2版");
    let find = |t: &str| {
        a.iter().find(|a| a.title == t).unwrap_or_else(|| {
            panic!(
                "no article titled {t}: {:?}",
                a.iter().map(|a| &a.title).collect::<Vec<_>>()
            )
        })
    };
    let lead = find("苇塘县老粮站改成了乡村图书馆");
    assert_eq!(lead.subtitle, "——闲置房屋变身文化空间的调查");
    assert_eq!(lead.byline, "本报记者 羊舌远 柯小满");
    let body = lead.body();
    assert!(
        body.starts_with("走进苇塘县芦花镇，一座青砖灰瓦的老粮站格外显眼。"),
        "{body}"
    );
    assert!(body.contains("藏书超过一万二千册"), "{body}");
    assert!(
        body.ends_with("让村民在家门口就能借到书、看到戏。"),
        "{body}"
    );
    // The head wrapped in its column is one title; its text runs on across rows
    // that column 1 and column 3 share.
    let ferry = find("西河湾渡口换上电动渡船");
    let body = ferry.body();
    assert!(body.contains("新渡船可载客四十人"), "{body}");
    assert!(body.ends_with("噪声也小多了。"), "{body}");
    assert!(!body.contains("老房子"), "{body}");
    // A label at the foot of one column heads the title at the top of the next.
    let comment = find("让老房子留住老手艺");
    assert_eq!(comment.kicker, "苇塘观察");
    assert_eq!(comment.byline, "石楠");
    let body = comment.body();
    assert!(body.starts_with("老房子改造，不只是刷墙换窗。"), "{body}");
    assert!(
        body.contains("改造的钱要花在明处，手艺的路要留在实处。"),
        "{body}"
    );
}

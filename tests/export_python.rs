//! The CSV export read back by Python's `csv` module and by pandas, the tools
//! researchers actually use. Skips with a message when python3 or pandas is missing
//! (`.ci/run` installs pandas, so CI always runs it).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::article::{Article, Issue, Kind};
use newstag::export::csv::write_csv;
use newstag::export::table::Table;
use newstag::export::{ExportRecord, ExportTag, tag_columns};
use std::path::Path;
use std::process::Command;

/// Reads a CSV file with csv (utf-8-sig) and pandas (default options, and again with
/// every column as text), and prints what it saw as JSON.
const READER: &str = r#"
import csv, json, sys
import pandas as pd
path = sys.argv[1]
with open(path, newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
df = pd.read_csv(path)
text = pd.read_csv(path, dtype=str, keep_default_na=False)
print(json.dumps({
    "csv": rows,
    "pandas_columns": [str(c) for c in df.columns],
    "pandas_len": len(df),
    "pandas_index_sum": int(df["index"].sum()),
    "pandas_tag_sums": {c: int(df[c].sum()) for c in df.columns if c.startswith("tag_")},
    "pandas_text": [[str(v) for v in r] for r in text.itertuples(index=False)],
}, ensure_ascii=False))
"#;

fn python_with_pandas() -> bool {
    Command::new("python3")
        .args(["-c", "import pandas"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn read_with_python(path: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .arg("-c")
        .arg(READER)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn sample_issues() -> Vec<Issue> {
    let article = |id: &str, index: usize, kind: Kind, title: &str, byline: &str| Article {
        id: id.into(),
        index,
        kind,
        title: title.into(),
        byline: byline.into(),
        paragraphs: vec!["正文。".into()].into(),
        ..Article::default()
    };
    vec![
        Issue {
            rel: "2024/03/2024-03-01_A3.txt".into(),
            date: Some("2024-03-01".into()),
            page: Some("A3".into()),
            articles: vec![
                article(
                    "aaaaaaaaaaa1",
                    0,
                    Kind::News,
                    "老旧小区改造，\"加装电梯\"进展,\n居民点赞",
                    "本报记者 李四",
                ),
                article("aaaaaaaaaaa2", 1, Kind::Photo, "", ""),
            ]
            .into(),
            ..Issue::default()
        },
        Issue {
            rel: "2024/04/2024-04-02_3.txt".into(),
            date: Some("2024-04-02".into()),
            page: Some("3".into()),
            articles: vec![article(
                "bbbbbbbbbbb1",
                0,
                Kind::Commentary,
                "古建修缮；非遗传承",
                "",
            )]
            .into(),
            ..Issue::default()
        },
    ]
}

fn tags_for(id: &str) -> Vec<ExportTag> {
    match id {
        "aaaaaaaaaaa1" => vec![ExportTag::named("governance"), ExportTag::named("城市")],
        "bbbbbbbbbbb1" => vec![ExportTag::named("heritage")],
        _ => vec![],
    }
}

/// Python's csv module and pandas read both CSV variants (plain and Excel BOM) with
/// the same header, the same cells (Chinese title with comma, quotes and newline
/// intact) and the right 0/1 tag columns.
#[test]
fn python_csv_and_pandas_read_the_export() {
    if !python_with_pandas() {
        eprintln!("skipping: python3 with pandas is not installed (.ci/run installs it)");
        return;
    }
    let issues = sample_issues();
    let rows: Vec<ExportRecord> = issues
        .iter()
        .flat_map(|i| {
            i.articles.iter().map(move |a| ExportRecord {
                issue: i,
                article: a,
                tags: tags_for(&a.id),
                memos: Vec::new(),
            })
        })
        .collect();
    let vocab = ["governance", "heritage", "environment"].map(String::from);
    let table = Table {
        tags: tag_columns(&vocab, &rows),
        with_body: false,
    };
    let dir = tempfile::tempdir().unwrap();
    for excel in [false, true] {
        let path = dir.path().join(format!("export-{excel}.csv"));
        let mut buf = Vec::new();
        write_csv(&mut buf, &rows, &table, excel).unwrap();
        std::fs::write(&path, &buf).unwrap();
        // What the Rust csv crate reads is the reference.
        let text = String::from_utf8(buf).unwrap();
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let mut expected: Vec<Vec<String>> =
            vec![reader.headers().unwrap().iter().map(String::from).collect()];
        for r in reader.records() {
            expected.push(r.unwrap().iter().map(String::from).collect());
        }
        assert_eq!(expected.len(), 4);
        assert_eq!(expected[1][6], "老旧小区改造，\"加装电梯\"进展,\n居民点赞");

        let seen = read_with_python(&path);
        let py_rows: Vec<Vec<String>> = serde_json::from_value(seen["csv"].clone()).unwrap();
        assert_eq!(py_rows, expected, "python csv, excel={excel}");
        let columns: Vec<String> = serde_json::from_value(seen["pandas_columns"].clone()).unwrap();
        assert_eq!(columns, expected[0], "pandas header, excel={excel}");
        assert_eq!(seen["pandas_len"], 3);
        assert_eq!(seen["pandas_index_sum"], 1);
        assert_eq!(
            seen["pandas_tag_sums"],
            serde_json::json!({"tag_governance": 1, "tag_heritage": 1, "tag_environment": 0, "tag_城市": 1})
        );
        let text_rows: Vec<Vec<String>> =
            serde_json::from_value(seen["pandas_text"].clone()).unwrap();
        assert_eq!(text_rows, expected[1..], "pandas cells, excel={excel}");
    }
}

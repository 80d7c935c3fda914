//! `[measures]` in the config: thresholds a user sets for a paper (how long a
//! head may run, what is a brief, what body is doubtfully short) change how the
//! real binary cuts pages, a cut cached under other measures is never served, and
//! a value out of its range is named with its line while the rest applies.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};

/// A page with a 42-character head (longer than the built-in 40), an item of one
/// 45-character paragraph (a brief by the built-in 160) and a very short one.
const PAGE: &str = "夜市开张\n\n\
本报讯　昨日，城东夜市正式开张，首批入驻摊位一百二十个，涵盖小吃、手工艺品和旧书，市民可逛到晚上十一点。\n\n\
城西公园迎来首批观鸟爱好者和摄影师带着长焦镜头守候在湖边芦苇丛旁边的木栈道上等待日出\n\n\
今年春天，城西公园湖区记录到的鸟类已达六十余种，比去年多了十一种。园方在湖边设了三处观鸟点，并请志愿者讲解。\n\n\
“我们希望大家只看不扰。”园方负责人说。\n\n\
社区图书室延长开放\n\n\
即日起，南街社区图书室每天开放到晚上九点，周末全天开放，居民凭身份证即可借阅，每次可借三本。\n\n\
小区加装电梯\n\n\
南街小区三部电梯昨日投用。\n";

const LONG_HEAD: &str =
    "城西公园迎来首批观鸟爱好者和摄影师带着长焦镜头守候在湖边芦苇丛旁边的木栈道上等待日出";

const MEASURES: &str = "[measures]\nhead_chars = 50\nbrief_chars = 40\nshort_body = 10\n";

/// (kind, title, doubts) of every article under `corpus`.
fn cut(cli: &Cli, corpus: &std::path::Path) -> Vec<(String, String, Vec<String>)> {
    cli.articles_jsonl(corpus)
        .iter()
        .map(|a| {
            let doubts = a["doubts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_str().unwrap().to_string())
                .collect();
            let field = |k: &str| a[k].as_str().unwrap().to_string();
            (field("kind"), field("title"), doubts)
        })
        .collect()
}

fn corpus_of(cli: &Cli) -> std::path::PathBuf {
    let corpus = cli.home().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("2031-05-02_第4版.txt"), PAGE).unwrap();
    corpus
}

fn article<'a>(
    articles: &'a [(String, String, Vec<String>)],
    title: &str,
) -> Option<&'a (String, String, Vec<String>)> {
    articles.iter().find(|(_, t, _)| t == title)
}

#[test]
fn measures_set_in_the_config_change_heads_briefs_and_doubts() {
    let cli = Cli::new();
    let corpus = corpus_of(&cli);
    let built_in = cut(&cli, &corpus);
    assert!(article(&built_in, LONG_HEAD).is_none(), "{built_in:?}");
    assert_eq!(article(&built_in, "社区图书室延长开放").unwrap().0, "brief");
    assert!(
        article(&built_in, "小区加装电梯")
            .unwrap()
            .2
            .contains(&"short".to_string())
    );

    cli.write_config(MEASURES);
    let set = cut(&cli, &corpus);
    assert_eq!(article(&set, LONG_HEAD).unwrap().0, "news", "{set:?}");
    assert_eq!(article(&set, "社区图书室延长开放").unwrap().0, "news");
    assert!(
        article(&set, "小区加装电梯").unwrap().2.is_empty(),
        "{set:?}"
    );
}

/// A corpus cut and cached under the built-in measures is cut again once the
/// config sets others, and again when they are taken out: each run equals a run
/// of a user whose cache was empty.
#[test]
fn the_cache_is_not_served_across_a_change_of_the_measures() {
    let cli = Cli::new();
    let corpus = corpus_of(&cli);
    let fresh = |config: Option<&str>| {
        let other = Cli::new();
        if let Some(text) = config {
            other.write_config(text);
        }
        cut(&other, &corpus)
    };
    let plain = fresh(None);
    let set = fresh(Some(MEASURES));
    assert_ne!(plain, set);
    assert_eq!(cut(&cli, &corpus), plain);
    cli.write_config(MEASURES);
    assert_eq!(cut(&cli, &corpus), set);
    cli.write_config("[measures]\n");
    assert_eq!(cut(&cli, &corpus), plain);
}

/// A measure out of its range, or one segmentation does not have, is named with
/// its file and line; the other measures still apply.
#[test]
fn a_measure_out_of_range_is_reported_with_its_line_and_the_rest_applies() {
    let cli = Cli::new();
    let corpus = corpus_of(&cli);
    cli.write_config("[measures]\nshort_body = 10\nhead_chars = 500\nhead_char = 50\n");
    let out = cli.run(&["articles", corpus.to_str().unwrap()]);
    assert_succeeded(&out);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("config.toml:3:")
            && stderr.contains("measures.head_chars")
            && stderr.contains("between 8 and 80"),
        "{stderr}"
    );
    assert!(
        stderr.contains("config.toml:4:") && stderr.contains("head_char"),
        "{stderr}"
    );
    let articles = cut(&cli, &corpus);
    assert!(article(&articles, LONG_HEAD).is_none(), "{articles:?}");
    assert!(article(&articles, "小区加装电梯").unwrap().2.is_empty());
}

//! `[lexicon]` in the config: words a user adds to segmentation's built-in lists
//! change how the real binary cuts pages, and a cut cached before the words were
//! added (or after they were taken away) is never served.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};

/// A paper's page: a feature under its column label, then a banner of its own
/// (`图片集萃`, not among the built-in banners' endings) over two credited photos.
const PAGE: &str = "山城夜话\n\n老街的灯又亮了\n\n本报记者　王小明\n\n\
入夜，老街两旁的灯笼次第亮起，来往的游人络绎不绝。今年以来，街道对老街进行了整修，恢复了二十多家老字号的门面。\n\n\
“以前晚上七点街上就没人了，现在十点还热闹。”开了三十年杂货铺的李大爷说。\n\n\
图片集萃\n\n\
清晨的江边，晨练的市民打起太极拳。　张三　摄\n\n\
夜色中的新桥灯光璀璨。　李四　摄\n";

const ADDITIONS: &str = "[lexicon]\nbanner_endings = [\"集萃\"]\n";

/// (kind, title, body) of every article under `corpus`.
fn cut(cli: &Cli, corpus: &std::path::Path) -> Vec<(String, String, String)> {
    cli.articles_jsonl(corpus)
        .iter()
        .map(|a| {
            let field = |k: &str| a[k].as_str().unwrap().to_string();
            (field("kind"), field("title"), field("body"))
        })
        .collect()
}

/// With the banner's ending added, the banner is set aside and each credited
/// photo is an article of its own; the feature's body ends with its own text.
#[test]
fn a_banner_ending_added_in_the_config_sets_the_photos_apart() {
    let cli = Cli::new();
    let corpus = cli.home().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("2031-03-20_第3版.txt"), PAGE).unwrap();
    cli.write_config(ADDITIONS);
    let articles = cut(&cli, &corpus);
    let photos: Vec<&str> = articles
        .iter()
        .filter(|(kind, _, _)| kind == "photo")
        .map(|(_, _, body)| body.as_str())
        .collect();
    assert_eq!(photos.len(), 2, "{articles:?}");
    assert!(photos[0].contains("太极拳") && photos[1].contains("新桥"));
    let feature = articles
        .iter()
        .find(|(_, title, _)| title == "老街的灯又亮了")
        .unwrap();
    assert!(
        feature.2.ends_with("李大爷说。") && !feature.2.contains("集萃"),
        "{feature:?}"
    );
    assert!(
        articles
            .iter()
            .all(|(_, t, b)| !t.contains("集萃") && !b.contains("集萃"))
    );
}

/// A corpus cut and cached without the additions is cut again once they are in
/// the config, and again when they are taken out: each run equals a run of a
/// user whose cache was empty.
#[test]
fn the_cache_is_not_served_across_a_change_of_the_lexicon() {
    let cli = Cli::new();
    let corpus = cli.home().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("2031-03-20_第3版.txt"), PAGE).unwrap();
    let fresh = |config: Option<&str>| {
        let other = Cli::new();
        if let Some(text) = config {
            other.write_config(text);
        }
        cut(&other, &corpus)
    };
    let plain = fresh(None);
    let added = fresh(Some(ADDITIONS));
    assert_ne!(
        plain, added,
        "the page must cut otherwise with the addition, or this test shows nothing"
    );
    assert_eq!(cut(&cli, &corpus), plain);
    cli.write_config(ADDITIONS);
    assert_eq!(cut(&cli, &corpus), added);
    cli.write_config("");
    assert_eq!(cut(&cli, &corpus), plain);
}

/// A list the lexicon does not have is named with its file and line; the rest
/// of the config applies and the command runs with the built-in lists.
#[test]
fn an_unknown_list_is_reported_with_its_line() {
    let cli = Cli::new();
    let corpus = cli.home().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), PAGE).unwrap();
    cli.write_config("[lexicon]\nbanner_endings = [\"集萃\"]\ncolum_label_endings = [\"夜话\"]\n");
    let out = cli.run(&["articles", corpus.to_str().unwrap()]);
    assert_succeeded(&out);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("config.toml:3:") && stderr.contains("colum_label_endings"),
        "{stderr}"
    );
    let kinds: Vec<String> = cut(&cli, &corpus).into_iter().map(|a| a.0).collect();
    assert_eq!(
        kinds.iter().filter(|k| *k == "photo").count(),
        2,
        "{kinds:?}"
    );
}

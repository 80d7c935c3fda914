//! `newstag tags rename` and `newstag tags color` as a user runs them: the
//! config and every sidecar (every coder's and the settled decisions' too) read
//! back after the change, a dry run that writes nothing, and names refused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use newstag::config::Config;
use newstag::tags::sidecar;
use std::path::{Path, PathBuf};

const ISSUE: &str = "# 老街巷里的便民服务站\n\n本报讯 青川区在老街巷设立便民服务站，居民办事不出社区。服务站提供代办、咨询、维修等十余项服务。\n\n# 古戏台修缮完工\n\n本报讯 百年古戏台经过一年修缮，近日重新向村民开放。修缮坚持最小干预原则，保留了原有的梁架和彩绘。\n";

/// A corpus of one issue whose first article carries governance and heritage,
/// in the sidecar beside it, in coder wang's and in li's settled decisions.
fn tagged_corpus(cli: &Cli) -> (PathBuf, Vec<PathBuf>) {
    let root = cli.home().join("corpus");
    std::fs::create_dir_all(root.join("2024")).unwrap();
    std::fs::write(root.join("2024/05-12.md"), ISSUE).unwrap();
    let id = cli.article_tags(&root)[0].1.clone();
    let out = cli.run(&[
        "tag",
        root.to_str().unwrap(),
        &id,
        "+governance",
        "+heritage",
    ]);
    assert_succeeded(&out);
    let own = root.join("2024/05-12.tags.toml");
    assert!(own.exists());
    let mut files = vec![own.clone()];
    for team in ["coders/wang", "adjudicated/li"] {
        let p = root.join(team).join("2024/05-12.tags.toml");
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::copy(&own, &p).unwrap();
        files.push(p);
    }
    (root, files)
}

/// Tag names in the sidecar at `path`, per article.
fn names(path: &Path) -> Vec<Vec<String>> {
    sidecar::read(path)
        .unwrap()
        .unwrap()
        .articles
        .into_iter()
        .map(|a| a.tags.into_keys().collect())
        .collect()
}

fn config_file(cli: &Cli) -> PathBuf {
    cli.config_dir().join("newstag/config.toml")
}

/// Renaming a built-in tag: a dry run writes nothing; then every sidecar (beside the issue, a coder's, a settlement) carries the new name with its record, the config has the new tag with the old one's key, labels and colour, the old name is gone from the vocabulary, and search finds tag:NEW.
#[test]
fn rename_reaches_the_config_and_every_sidecar() {
    let cli = Cli::new();
    let (root, files) = tagged_corpus(&cli);
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let r = root.to_str().unwrap();

    let out = cli.run(&["tags", "rename", r, "governance", "社区 治理", "--dry-run"]);
    assert_succeeded(&out);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("would rename") && said.contains("3 articles in 3 sidecars"),
        "{said}"
    );
    assert!(
        said.contains("coders/wang/2024/05-12.tags.toml: 1"),
        "{said}"
    );
    let after: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert_eq!(before, after, "a dry run writes nothing");
    assert!(!config_file(&cli).exists());

    let out = cli.run(&["tags", "rename", r, "governance", "社区 治理"]);
    assert_succeeded(&out);
    for f in &files {
        assert_eq!(
            names(f),
            [vec!["heritage".to_string(), "社区 治理".into()]],
            "{f:?}"
        );
    }
    let li = sidecar::read(&files[2]).unwrap().unwrap();
    let old = sidecar::parse_whole(std::str::from_utf8(&before[2]).unwrap(), &files[2]).unwrap();
    assert_eq!(
        li.articles[0].tags["社区 治理"],
        old.articles[0].tags["governance"]
    );
    let (config, errors) = Config::load(Some(&config_file(&cli))).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(config.tag("governance").is_none(), "{:?}", config.tags);
    let new = config.tag("社区 治理").unwrap();
    assert_eq!((new.key.as_str(), new.label_zh.as_str()), ("1", "社区治理"));
    assert!(!new.keywords.is_empty());
    let out = cli.run(&["search", r, "tag:\"社区 治理\""]);
    assert_succeeded(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("老街巷里的便民服务站"));
    let out = cli.run(&["check", r]);
    assert_succeeded(&out);
}

/// A name the query tag:"NAME" cannot carry (a double quote), a name already taken and an unknown tag are refused, naming why, and nothing is written.
#[test]
fn rename_refuses_names_before_writing() {
    let cli = Cli::new();
    let (root, files) = tagged_corpus(&cli);
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let r = root.to_str().unwrap();
    for (args, why) in [
        (["governance", "a\"b"], "double quote"),
        (["governance", "heritage"], "already a tag"),
        (["nosuch", "other"], "no tag \"nosuch\""),
    ] {
        let out = cli.run(&["tags", "rename", r, args[0], args[1]]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(why), "{args:?}: {err}");
    }
    let after: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert_eq!(before, after);
    assert!(!config_file(&cli).exists());
}

/// A tag of the user's own config is renamed in place (comments kept), and recolouring changes its colour there; a built-in tag's colour is set by a table added for it.
#[test]
fn own_tag_renamed_in_place_and_colours_change() {
    let cli = Cli::new();
    let (root, _) = tagged_corpus(&cli);
    let r = root.to_str().unwrap();
    let cfg = config_file(&cli);
    std::fs::create_dir_all(cfg.parent().unwrap()).unwrap();
    std::fs::write(
        &cfg,
        "# my tags\n[[tag]]\nname = \"transport\" # buses\nkey = \"4\"\ncolor = \"red\"\n",
    )
    .unwrap();
    let out = cli.run(&["tags", "rename", r, "transport", "交通"]);
    assert_succeeded(&out);
    let text = std::fs::read_to_string(&cfg).unwrap();
    assert!(
        text.starts_with("# my tags\n") && text.contains("name = \"交通\" # buses"),
        "{text}"
    );
    let out = cli.run(&["tags", "color", r, "交通", "#00ff00"]);
    assert_succeeded(&out);
    let out = cli.run(&["tags", "color", r, "heritage", "light-red"]);
    assert_succeeded(&out);
    let out = cli.run(&["tags", "color", r, "heritage", "notacolour"]);
    assert_eq!(out.status.code(), Some(2));
    let (config, errors) = Config::load(Some(&cfg)).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(config.tag("transport").is_none());
    let t = config.tag("交通").unwrap();
    assert_eq!((t.key.as_str(), t.color.as_str()), ("4", "#00ff00"));
    assert_eq!(config.tag("heritage").unwrap().color, "light-red");
    assert_eq!(config.tag("heritage").unwrap().key, "2");
}

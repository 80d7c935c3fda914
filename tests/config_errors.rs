//! A config file with mistakes still serves the user (issue 11, item 16): every
//! valid entry applies, the user's tag vocabulary included, and every mistake is
//! reported with file:line and the value; a config named with `--config` that
//! cannot be read stops the command (exit 2) naming it, while the default config
//! path may simply not exist.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::Cli;
use std::path::Path;

const CONFIG: &str = "\
[ui]
confirm_bulk_over = \"many\"
acent = \"red\"

[[tag]]
name = \"交通\"
key = \"4\"

[[tag]]
name = \"民生\"
key = \"0\"
color = \"teal\"

[suggest]
learn_after = \"soon\"
";

fn corpus(home: &Path) -> std::path::PathBuf {
    let root = home.join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(
        root.join("2024-05-12_2.md"),
        "# 老街巷里的便民服务站\n\n本报讯 青川区在老街巷设立便民服务站，居民办事不出社区。\n\n\
         # 古戏台修缮完工\n\n本报讯 百年古戏台经过一年修缮，近日重新向村民开放。\n",
    )
    .unwrap();
    root
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Mistakes in the default config file cost only themselves: the user's tags
/// can still be used, and each mistake is named with its line and value.
#[test]
fn bad_entries_are_reported_and_the_rest_applies() {
    let cli = Cli::new();
    let root = corpus(cli.home());
    let path = cli.write_config(CONFIG);
    let id = cli.article_tags(&root)[0].1.clone();
    for tag in ["+交通", "+民生"] {
        let out = cli.run(&["tag", root.to_str().unwrap(), &id, tag]);
        assert!(out.status.success(), "{tag}: {}", stderr(&out));
    }
    let out = cli.run(&["check", root.to_str().unwrap()]);
    assert!(out.status.success(), "no unknown tag: {out:?}");
    let err = stderr(&out);
    let p = path.display();
    for (line, words) in [
        (2, "\"many\""),
        (3, "acent"),
        (11, "\"0\""),
        (15, "\"soon\""),
    ] {
        let at = format!("{p}:{line}: ");
        let found = err.lines().find(|l| l.contains(&at));
        assert!(
            found.is_some_and(|l| l.contains(words)),
            "no error at {at} with {words}: {err}"
        );
    }
    assert_eq!(err.lines().count(), 4, "one line per mistake: {err}");
}

/// `--config` naming a missing file, a folder or a FIFO stops at once with
/// exit 2 and the path; nothing is printed on stdout.
#[test]
fn explicit_config_that_cannot_be_read_is_an_error() {
    let cli = Cli::new();
    let root = corpus(cli.home());
    let missing = cli.home().join("no-such.toml");
    let fifo = cli.home().join("fifo.toml");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    for bad in [&missing, &cli.home().to_path_buf(), &fifo] {
        let out = cli.run(&[
            "--config",
            bad.to_str().unwrap(),
            "stats",
            root.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{}: {out:?}", bad.display());
        assert!(out.stdout.is_empty(), "{out:?}");
        assert!(
            stderr(&out).contains(&bad.display().to_string()),
            "{}",
            stderr(&out)
        );
    }
}

/// No config file at the default path is the ordinary case: no word about it.
#[test]
fn missing_default_config_is_fine() {
    let cli = Cli::new();
    let root = corpus(cli.home());
    let out = cli.run(&["stats", root.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

/// A file named with --config whose entries are wrong is read like the default
/// one: its good entries apply, its mistakes are named.
#[test]
fn explicit_config_with_mistakes_keeps_its_good_entries() {
    let cli = Cli::new();
    let root = corpus(cli.home());
    let path = cli.home().join("mine.toml");
    std::fs::write(&path, CONFIG).unwrap();
    let id = cli.article_tags(&root)[0].1.clone();
    let out = cli.run(&[
        "--config",
        path.to_str().unwrap(),
        "tag",
        root.to_str().unwrap(),
        &id,
        "+交通",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("{}:2: ", path.display())),
        "{}",
        stderr(&out)
    );
}

/// A `[[tag]]` name a query cannot carry (a double quote, or the full-width
/// one that folds to it; a space at either end) is refused naming the file
/// and the name's line, as the new-tag prompt refuses it (issue 14); the
/// other tags still apply and a query names them.
#[test]
fn tag_names_a_query_cannot_carry_are_refused_at_their_line() {
    let cli = Cli::new();
    let root = corpus(cli.home());
    let path = cli.home().join("quotes.toml");
    std::fs::write(
        &path,
        "[[tag]]\nname = \"教育 文化\"\n\n[[tag]]\nkey = \"7\"\nname = 'say \"hi\"'\n\n\
         [[tag]]\nname = \"全角＂引号\"\n\n[[tag]]\nname = \" 边上 \"\n",
    )
    .unwrap();
    let out = cli.run(&[
        "--config",
        path.to_str().unwrap(),
        "check",
        root.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    let p = path.display();
    for (line, words) in [
        (6, "double quote"),
        (9, "double quote"),
        (12, "start or end with a space"),
    ] {
        let at = format!("{p}:{line}: ");
        assert!(
            err.lines().any(|l| l.contains(&at) && l.contains(words)),
            "no error at {at} with {words}: {err}"
        );
    }
    assert_eq!(err.lines().count(), 3, "one line per refused tag: {err}");
    // The good tag stays and a query names it.
    let out = cli.run(&[
        "--config",
        path.to_str().unwrap(),
        "search",
        root.to_str().unwrap(),
        "tag:\"教育 文化\"",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The config and the new-tag prompt agree on every name: one refuses what
/// the other refuses (the prompt trims what is typed first).
#[test]
fn config_and_prompt_agree_on_tag_names() {
    let names = [
        "教育",
        "教育 文化",
        "a\"b",
        "全角＂",
        "x\ty",
        "a|b",
        "!x",
        "tag:y",
        "\u{202E}z",
        "ABC",
    ];
    for name in names {
        let text = format!("[[tag]]\nname = {}\n", toml_string(name));
        let (config, errors) = newstag::config::Config::overlay(&text, Path::new("config.toml"));
        let prompt = newstag::tags::vocab::check_new_name(name, &[]);
        assert_eq!(
            errors.is_empty(),
            prompt.is_ok(),
            "{name:?}: config {errors:?}, prompt {prompt:?}"
        );
        assert_eq!(config.tag(name).is_some(), prompt.is_ok(), "{name:?}");
    }
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || c == '\u{202E}' => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

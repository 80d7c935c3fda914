//! `newstag search` end to end: ranking as jsonl, the index cache (hit, corrupt,
//! stale) and malformed queries.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::Cli;
use std::path::Path;

fn write_issue(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn corpus(dir: &Path) {
    write_issue(
        dir,
        "2024-12-03_01.txt",
        "# 推进社区治理现代化\n\n街道干部走访居民，倾听意见。\n\n# 天气预报\n\n今天多云，社区治理工作照常进行。\n",
    );
    write_issue(
        dir,
        "2024-12-04_01.txt",
        "# 垃圾分类进小区\n\n居民积极参与垃圾分类，环境变好。\n",
    );
}

fn search(cli: &Cli, args: &[&str]) -> (i32, String, String) {
    let out = cli.command().arg("search").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn titles(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["title"].as_str().unwrap().to_string()
        })
        .collect()
}

/// jsonl results come best first with the article record, a score and the matched
/// character ranges of the title.
#[test]
fn jsonl_lists_best_first_with_score_and_matches() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    let root = dir.path().to_str().unwrap();
    let (code, out, err) = search(&cli, &[root, "sqzl", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["title"], "推进社区治理现代化");
    assert_eq!(first["matches"], serde_json::json!([[2, 6]]));
    assert!(first["score"].as_i64().unwrap() > 0);
    assert!(first["body"].as_str().unwrap().contains("走访"));
    assert_eq!(first["tags"], serde_json::json!([]));

    let (_, out, _) = search(&cli, &[root, "社区治理", "--format", "jsonl"]);
    assert_eq!(titles(&out), vec!["推进社区治理现代化", "天气预报"]);
    let (_, out, _) = search(&cli, &[root, "untagged 垃圾", "--format", "jsonl"]);
    assert_eq!(titles(&out), vec!["垃圾分类进小区"]);
}

/// A second run reads the cache; a corrupt cache is ignored and rewritten; an
/// edited issue file is searched as it is now, not as cached.
#[test]
fn cache_is_used_but_never_trusted_blindly() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    let root = dir.path().to_str().unwrap();
    let args = [root, "垃圾", "--format", "jsonl"];
    let (_, first, _) = search(&cli, &args);
    // The index file (beside the folder of the segmented corpus's shards).
    let files: Vec<_> = std::fs::read_dir(cli.cache_dir().join("newstag"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    assert_eq!(files.len(), 1, "one index cache file: {files:?}");
    let (_, second, _) = search(&cli, &args);
    assert_eq!(first, second);

    std::fs::write(&files[0], b"NEWSTAGIDX1\nthis is not an index").unwrap();
    let (code, third, _) = search(&cli, &args);
    assert_eq!((code, third), (0, first.clone()));
    assert!(
        std::fs::metadata(&files[0]).unwrap().len() > 100,
        "rewritten"
    );

    std::thread::sleep(std::time::Duration::from_millis(20));
    write_issue(
        dir.path(),
        "2024-12-04_01.txt",
        "# 垃圾焚烧发电厂投产\n\n新厂日处理垃圾一千吨，还能发电。\n",
    );
    let (_, fourth, _) = search(&cli, &args);
    assert_eq!(titles(&fourth), vec!["垃圾焚烧发电厂投产"]);
}

/// A first search (no cache yet), which indexes bodies left in the files the
/// cache writes instead of in memory, prints the hits, ranges and snippets a
/// search that reads every file afresh prints; the second, from the cache, too.
#[test]
fn a_first_search_prints_what_a_fresh_read_prints() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    write_issue(
        dir.path(),
        "2024-12-05_01.txt",
        "# 社区新闻\n\n居民议事会讨论垃圾分类。\n\n第二段说社区治理成效。\n\n# \n\n无题的一段，也讲社区治理。\n",
    );
    let root = dir.path().to_str().unwrap();
    for query in ["社区治理", "居民", "分类"] {
        let args = [root, query, "--format", "jsonl"];
        let (_, fresh, _) = search(&cli, &[&args[..], &["--no-cache"]].concat());
        std::fs::remove_dir_all(cli.cache_dir().join("newstag")).unwrap();
        let (code, first, _) = search(&cli, &args);
        let (_, second, _) = search(&cli, &args);
        assert_eq!(code, 0);
        // Some hit is in a body (its sentence printed).
        assert!(
            fresh.lines().any(|l| !l.contains("\"snippet\":\"\"")),
            "{query}: {fresh}"
        );
        assert_eq!(first, fresh, "{query}: a first search");
        assert_eq!(second, fresh, "{query}: from the cache");
    }
}

/// A body or posting list of the cached index that fails its check when a
/// search reads it is never taken for "no hit": the search says which cache
/// file is damaged, searches again on an index built afresh (the same hits as
/// before the damage) and caches that index again.
#[test]
fn a_damaged_index_cache_is_reported_and_never_loses_hits() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    let root = dir.path().to_str().unwrap();
    for query in ["lajifenlei", "垃圾分类"] {
        let args = [root, query, "--format", "jsonl"];
        let (_, first, _) = search(&cli, &args);
        assert!(!titles(&first).is_empty(), "{query}: {first}");
        let index = std::fs::read_dir(cli.cache_dir().join("newstag"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.is_file())
            .unwrap();
        // The last body's last character 。 (E3 80 82) becomes ， (EF BC 8C).
        let mut bytes = std::fs::read(&index).unwrap();
        let n = bytes.len();
        assert_eq!(bytes[n - 3..], [0xE3, 0x80, 0x82]);
        bytes[n - 3..].copy_from_slice(&[0xEF, 0xBC, 0x8C]);
        std::fs::write(&index, &bytes).unwrap();
        let (code, again, stderr) = search(&cli, &args);
        assert_eq!((code, again.as_str()), (0, first.as_str()), "{stderr}");
        assert!(
            stderr.contains(&index.display().to_string()) && stderr.contains("damaged"),
            "{query}: {stderr}"
        );
        let rewritten = std::fs::read(&index).unwrap();
        assert_eq!(rewritten[rewritten.len() - 3..], [0xE3, 0x80, 0x82]);
        let (_, third, stderr) = search(&cli, &args);
        assert_eq!(third, first);
        assert!(!stderr.contains("damaged"), "{stderr}");
    }
}

/// A correction that reaches an issue's sidecar from outside newstag (merged
/// from a colleague's branch by git, or written by hand) is searched at once:
/// the cache is keyed on each issue's corrections, not only on its file.
#[test]
fn a_correction_merged_into_a_sidecar_is_searched_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    let root = dir.path().to_str().unwrap();
    let args = [root, "社区治理", "--format", "jsonl"];
    let (_, before, _) = search(&cli, &args);
    assert_eq!(titles(&before), vec!["推进社区治理现代化", "天气预报"]);
    let (_, cached, _) = search(&cli, &args);
    assert_eq!(cached, before, "the cache answers as the corpus does");

    // The weather box joined to the story above, as `newstag correct --join`
    // writes it, arriving by `git pull` (the issue file untouched).
    let sidecar = dir.path().join("2024-12-03_01.tags.toml");
    std::fs::write(
        &sidecar,
        "schema = 1\nissue = \"2024-12-03_01.txt\"\n\n[[correction]]\nop = \"join\"\nline = 5\ntext = \"# 天气预报\"\nat = \"2026-12-01T13:04:51Z\"\n",
    )
    .unwrap();
    let (code, joined, err) = search(&cli, &args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(titles(&joined), vec!["推进社区治理现代化"]);
    let (_, joined_again, _) = search(&cli, &args);
    assert_eq!(
        joined_again, joined,
        "the new cache holds the corrected cut"
    );

    // Taken back by hand: the two articles again.
    std::fs::write(&sidecar, "schema = 1\nissue = \"2024-12-03_01.txt\"\n").unwrap();
    let (_, after, _) = search(&cli, &args);
    assert_eq!(after, before);
}

/// A malformed query is reported with its position, exit code 2, no panic.
#[test]
fn malformed_query_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    let (code, out, err) = search(&cli, &[dir.path().to_str().unwrap(), "社区 kind:nope"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("no kind `nope`"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// `newstag search ../shared/samples sqzl` finds the articles that speak of 社区治理
/// only in their body (pinyin reaches bodies through the word index).
#[test]
fn pinyin_finds_words_in_bodies_of_the_shared_samples() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    if !samples.is_dir() {
        eprintln!("skipped: no {}", samples.display());
        return;
    }
    let corpus = newstag::corpus::Corpus::load(&samples).unwrap();
    let wanted: Vec<String> = corpus
        .issues
        .iter()
        .flat_map(|i| i.articles.iter())
        .filter(|a| a.body().contains("社区治理") && !a.display_title().contains("社区"))
        .map(|a| a.id.clone())
        .collect();
    assert!(
        !wanted.is_empty(),
        "the samples speak of 社区治理 in bodies"
    );
    let cli = Cli::new();
    for q in ["sqzl", "shequzhili", "shequzl"] {
        let (code, out, err) = search(
            &cli,
            &[
                samples.to_str().unwrap(),
                q,
                "--format",
                "jsonl",
                "--limit",
                "0",
            ],
        );
        assert_eq!(code, 0, "{err}");
        let ids: Vec<String> = out
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["id"].as_str().unwrap().to_string()
            })
            .collect();
        for id in &wanted {
            assert!(ids.contains(id), "{q}: {id} missing from {ids:?}");
        }
    }
}

/// A title spelled by the pinyin ranks above an article that has the words only
/// in its body.
#[test]
fn pinyin_title_hit_outranks_pinyin_body_hit() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    write_issue(
        dir.path(),
        "2024-12-05_01.txt",
        "# 天气预报\n\n今天多云，社区治理工作照常进行。\n\n# 推进社区治理现代化\n\n街道干部走访居民。\n",
    );
    let root = dir.path().to_str().unwrap();
    let (code, out, err) = search(&cli, &[root, "sqzl", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(titles(&out), vec!["推进社区治理现代化", "天气预报"]);
}

/// Every hit shows why it is one: each record's `ranges` name the fields and the
/// character ranges where the query is, the text there is the query, and a body
/// hit comes with the matched sentence as `snippet`. On the built-in sample `环保`
/// used to list four articles made of 环绕 ... 保护 with nothing to show.
#[test]
fn every_hit_carries_the_ranges_of_what_it_matched() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    let root = dir.path().to_str().unwrap();
    let (code, out, err) = search(&cli, &[root, "环境", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let hit: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(hit["title"], "垃圾分类进小区");
    assert_eq!(hit["matches"], serde_json::json!([]));
    assert_eq!(hit["ranges"], serde_json::json!({"body": [[11, 13]]}));
    assert_eq!(hit["snippet"], "居民积极参与垃圾分类，环境变好。");

    for q in ["环保", "社区", "保护 文化"] {
        let (code, out, err) = search(&cli, &[q, "--format", "jsonl", "--limit", "0"]);
        assert_eq!(code, 0, "{err}");
        for line in out.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let ranges = v["ranges"].as_object().unwrap();
            assert!(!ranges.is_empty(), "{q}: a hit without ranges: {line}");
            let shown: Vec<String> = ranges
                .iter()
                .flat_map(|(field, rs)| {
                    let text: Vec<char> = v[field].as_str().unwrap().chars().collect();
                    rs.as_array()
                        .unwrap()
                        .iter()
                        .map(|r| {
                            let (a, b) = (r[0].as_u64().unwrap(), r[1].as_u64().unwrap());
                            text[a as usize..b as usize].iter().collect::<String>()
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            for word in q.split(' ') {
                assert!(
                    shown.iter().any(|s| s.contains(word)),
                    "{q}: {word} not at the ranges {shown:?} of {line}"
                );
            }
        }
    }
}

/// Every word after PATH is the query; PATH is the first word only when it exists
/// or looks like a path, or is given with --in; old two-word calls still work.
#[test]
fn every_word_after_the_path_is_the_query() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    let root = dir.path().to_str().unwrap();
    let (code, out, err) = search(&cli, &[root, "社区", "走访", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        titles(&out),
        vec!["推进社区治理现代化"],
        "both words, ANDed"
    );
    let (_, two_words, _) = search(&cli, &[root, "社区 走访", "--format", "jsonl"]);
    assert_eq!(two_words, out, "one quoted argument: the same query");
    let (code, with_in, err) = search(&cli, &["--in", root, "社区", "走访", "--format", "jsonl"]);
    assert_eq!((code, with_in), (0, out), "{err}");
    let (code, _, err) = search(&cli, &["/no/such/corpus", "社区"]);
    assert_ne!(code, 0, "a missing path is an error, not a query word");
    assert!(err.contains("/no/such/corpus"), "{err}");
}

/// `tag:nosuch` is an error naming the known tags, as `kind:bogus` is; a tag name
/// with a space is searched in quotes.
#[test]
fn unknown_tags_are_errors_and_quoted_names_work() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    let root = dir.path().to_str().unwrap();
    let config = cli.config_dir().join("newstag");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[[tag]]\nname = \"教育 文化\"\nkey = \"4\"\n",
    )
    .unwrap();
    let tagged = cli
        .command()
        .args(["tag", root])
        .arg(first_id(&cli, root))
        .arg("+教育 文化")
        .output()
        .unwrap();
    assert!(
        tagged.status.success(),
        "{}",
        String::from_utf8_lossy(&tagged.stderr)
    );
    let (code, out, err) = search(&cli, &[root, "tag:\"教育 文化\"", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    let (code, out, err) = search(&cli, &[root, "tag:nosuch"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("no tag `nosuch`"), "{err}");
    assert!(err.contains("\"教育 文化\""), "names the known tags: {err}");
}

fn first_id(cli: &Cli, root: &str) -> String {
    let (_, out, _) = search(cli, &[root, "社区治理", "--format", "jsonl"]);
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    v["id"].as_str().unwrap().to_string()
}

/// The table has an ID column like `articles` and `suggest`: the id of each
/// hit, ready for `newstag tag`, the same as in the jsonl.
#[test]
fn table_shows_the_id_that_tag_takes() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    let root = dir.path().to_str().unwrap();
    let id = first_id(&cli, root);
    let (code, out, err) = search(&cli, &[root, "社区治理", "--format", "table"]);
    assert_eq!(code, 0, "{err}");
    let mut lines = out.lines();
    let header = lines.next().unwrap();
    assert!(header.contains(" ID "), "{header}");
    let first = lines.next().unwrap();
    let at = header.find(" ID ").unwrap() + 1;
    assert_eq!(first.get(at..at + id.len()), Some(id.as_str()), "{out}");
    assert!(first.contains("推进社区治理现代化"), "{first}");
}

/// `newstag search @name` runs the query saved under that name in
/// `[searches]` (ANDed with other words); `tag --query` takes it too; an
/// unknown name exits 2 naming the saved ones.
#[test]
fn saved_searches_run_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    let root = dir.path().to_str().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[searches]\ngov = \"社区治理\"\ntrash = \"垃圾|废品\"\nboth = \"@gov 干部\"\n",
    )
    .unwrap();
    let cfg = config.to_str().unwrap();
    let (code, out, err) = search(&cli, &["--config", cfg, root, "@gov", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(titles(&out), vec!["推进社区治理现代化", "天气预报"]);
    let (code, out, err) = search(
        &cli,
        &["--config", cfg, root, "@gov", "天气", "--format", "jsonl"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(titles(&out), vec!["天气预报"]);
    let (_, out, _) = search(&cli, &["--config", cfg, root, "@both", "--format", "jsonl"]);
    assert_eq!(titles(&out), vec!["推进社区治理现代化"]);
    let (_, out, _) = search(
        &cli,
        &["--config", cfg, root, "@trash", "--format", "jsonl"],
    );
    assert_eq!(titles(&out), vec!["垃圾分类进小区"]);
    let (code, out, err) = search(
        &cli,
        &["--config", cfg, root, "@nosuch", "--format", "jsonl"],
    );
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("no saved search @nosuch (saved: @both, @gov, @trash)"),
        "{err}"
    );
    // A name that is no word is refused in the config, with its line.
    std::fs::write(
        &config,
        "[searches]\n\"two words\" = \"社区\"\nok = \"社区\"\n",
    )
    .unwrap();
    let (code, _, err) = search(&cli, &["--config", cfg, root, "@ok", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("config.toml:2") && err.contains("two words"),
        "{err}"
    );
}

/// The table shows, after the title of a hit outside the title, the
/// sentence it matched in; a title hit shows the title alone.
#[test]
fn table_shows_the_sentence_of_a_hit_outside_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new();
    corpus(dir.path());
    let root = dir.path().to_str().unwrap();
    let (code, out, err) = search(&cli, &[root, "走访", "--format", "table"]);
    assert_eq!(code, 0, "{err}");
    let row = out.lines().nth(1).unwrap();
    assert!(
        row.ends_with("推进社区治理现代化 │ 街道干部走访居民，倾听意见。"),
        "{out}"
    );
    let (_, out, _) = search(&cli, &[root, "社区治理", "--format", "table"]);
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert!(rows[0].ends_with("推进社区治理现代化"), "{out}");
    assert!(
        rows[1].ends_with("天气预报 │ 今天多云，社区治理工作照常进行。"),
        "{out}"
    );
}

//! The cache of the segmented corpus, through the real binary: what a command
//! prints from the cache (`articles`, `stats`, `export`) equals what it prints
//! from a fresh read of the files, whatever happened to the corpus since
//! (edits, touches, same-size edits, deletions, new files, tags and story
//! links written into sidecars, corrections in a sidecar), and a damaged, foreign or
//! unwritable cache changes nothing but the time taken. `newstag cache` lists
//! and cleans the caches; pruning keeps them under the configured size.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::{Cli, assert_succeeded};
use common::files::{sample_blocks, write_issue, write_issues};
use newstag::correct::{Correction, Op};
use newstag::tags::sidecar::{self, Sidecar};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// `newstag articles ROOT --format jsonl` with the user's cache (`cache`) or
/// with an empty cache folder of its own (a fresh read of every file).
fn articles(cli: &Cli, root: &Path, cache: Option<&Path>) -> String {
    let fresh = tempfile::tempdir().unwrap();
    let out = cli
        .command()
        .args(["articles", root.to_str().unwrap(), "--format", "jsonl"])
        .env(
            newstag::cache::DIR_ENV,
            cache.unwrap_or_else(|| fresh.path()),
        )
        .output()
        .unwrap();
    assert_succeeded(&out);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// What `articles`, `stats --issues` and `export` print (JSON lines each),
/// through the cache folder `cache` or, with `None`, a fresh read of every file.
fn reads(cli: &Cli, root: &Path, cache: Option<&Path>) -> String {
    let fresh = tempfile::tempdir().unwrap();
    let mut all = articles(cli, root, cache);
    for args in [
        &["articles", "--format", "table"][..],
        &["stats", "--issues", "--format", "jsonl"][..],
        &["export", "--format", "jsonl"][..],
        &["check"][..],
    ] {
        let out = cli
            .command()
            .arg(args[0])
            .arg(root)
            .args(&args[1..])
            .env(
                newstag::cache::DIR_ENV,
                cache.unwrap_or_else(|| fresh.path()),
            )
            .output()
            .unwrap();
        // `check` exits 1 when it finds problems (orphaned tags after a
        // deletion): its code is compared too.
        if args[0] == "check" {
            all.push_str(&format!("check exit {:?}\n", out.status.code()));
        } else {
            assert_succeeded(&out);
        }
        all.push_str(&String::from_utf8(out.stdout).unwrap());
    }
    all
}

/// `(id, story)` of every article `newstag articles` prints, in order.
fn ids_and_stories(printed: &str) -> Vec<(String, String)> {
    printed
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v.get("story").is_some())
        .map(|v| {
            (
                v["id"].as_str().unwrap().to_string(),
                v["story"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The tags `newstag articles` printed in `printed` for the article `id`.
fn tags_of(printed: &str, id: &str) -> Vec<serde_json::Value> {
    printed
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["id"] == id)
        .and_then(|v| v["tags"].as_array().cloned())
        .unwrap_or_default()
}

/// Every file below `dir`.
fn files_below(dir: &Path) -> Vec<PathBuf> {
    common::files::files_below(dir)
}

/// The name of the shard of the issue at `rel` (a hash of its path).
fn shard_name(rel: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(rel.as_bytes())
}

/// The names of the shards in the cache folder: the loose ones, and those in
/// the pack (each pack found must be whole).
fn shard_names(cache: &Path) -> (Vec<u128>, Vec<u128>) {
    let (mut loose, mut packed) = (Vec::new(), Vec::new());
    for p in files_below(cache) {
        if p.components().any(|c| c.as_os_str() == "shards") {
            let fan = p.parent().unwrap().file_name().unwrap().to_str().unwrap();
            let rest = p.file_name().unwrap().to_str().unwrap();
            if let Ok(n) = u128::from_str_radix(&format!("{fan}{rest}"), 16) {
                loose.push(n);
            }
        } else if p.file_name().unwrap() == newstag::cache::pack::FILE_NAME {
            let pack = newstag::cache::pack::Pack::open(&p, false).expect("a whole pack");
            packed.extend(pack.names());
        }
    }
    (loose, packed)
}

#[derive(Debug, Clone)]
enum Change {
    /// Drop one block of an issue (the file gets shorter).
    Edit {
        issue: usize,
        block: usize,
    },
    /// Write the same bytes again, newer.
    Touch {
        issue: usize,
    },
    /// Change one Han character to another of the same size, and put the
    /// modification time back: only the change time tells.
    SameSize {
        issue: usize,
        at: usize,
    },
    Delete {
        issue: usize,
    },
    /// A new issue from a sample's blocks, from `from` on.
    Add {
        sample: usize,
        from: usize,
    },
    /// Tag an article (`newstag tag`): its issue gets a sidecar.
    Tag {
        article: usize,
    },
    /// Link two articles as one story by hand (`newstag story link`).
    Link {
        from: usize,
        to: usize,
    },
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0..8usize, 0..40usize).prop_map(|(issue, block)| Change::Edit { issue, block }),
        (0..8usize).prop_map(|issue| Change::Touch { issue }),
        (0..8usize, 0..4000usize).prop_map(|(issue, at)| Change::SameSize { issue, at }),
        (0..8usize).prop_map(|issue| Change::Delete { issue }),
        (0..8usize, 0..10usize).prop_map(|(sample, from)| Change::Add { sample, from }),
        (0..200usize).prop_map(|article| Change::Tag { article }),
        (0..200usize, 0..200usize).prop_map(|(from, to)| Change::Link { from, to }),
    ]
}

/// Apply `c` to the corpus in `dir` (`issues`: its file names, kept in step;
/// `printed`: what `articles` printed before, for the ids).
fn apply(
    cli: &Cli,
    dir: &Path,
    issues: &mut Vec<String>,
    samples: &[Vec<String>],
    (c, n): (&Change, usize),
    printed: &str,
) {
    let pick = |i: usize, issues: &Vec<String>| issues.get(i % issues.len().max(1)).cloned();
    let ids = ids_and_stories(printed);
    let id = |i: usize| ids[i % ids.len()].0.clone();
    match *c {
        Change::Tag { article } => {
            let out = cli.run(&["tag", dir.to_str().unwrap(), &id(article), "+governance"]);
            assert_succeeded(&out);
        }
        Change::Link { from, to } => {
            // Refused when it would make a loop: then nothing changed.
            let _ = cli.run(&["story", "link", dir.to_str().unwrap(), &id(from), &id(to)]);
        }
        Change::Edit { issue, block } => {
            if let Some(name) = pick(issue, issues) {
                let text = std::fs::read_to_string(dir.join(&name)).unwrap();
                let mut blocks: Vec<String> = text.split("\n\n").map(str::to_string).collect();
                if blocks.len() > 1 {
                    blocks.remove(block % blocks.len());
                }
                write_issue(dir, &name, &blocks);
            }
        }
        Change::Touch { issue } => {
            if let Some(name) = pick(issue, issues) {
                let path = dir.join(&name);
                let bytes = std::fs::read(&path).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(2));
                std::fs::write(&path, bytes).unwrap();
            }
        }
        Change::SameSize { issue, at } => {
            if let Some(name) = pick(issue, issues) {
                let path = dir.join(&name);
                let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
                let text = std::fs::read_to_string(&path).unwrap();
                let hans: Vec<usize> = text
                    .char_indices()
                    .filter(|(_, c)| ('\u{4e00}'..='\u{9fff}').contains(c))
                    .map(|(i, _)| i)
                    .collect();
                if let Some(&i) = hans.get(at % hans.len().max(1)) {
                    let c = text[i..].chars().next().unwrap();
                    let other = if c == '国' { '家' } else { '国' };
                    let mut changed = text.clone();
                    changed.replace_range(i..i + c.len_utf8(), other.encode_utf8(&mut [0; 4]));
                    assert_eq!(changed.len(), text.len());
                    std::fs::write(&path, changed).unwrap();
                    let f = std::fs::File::options().write(true).open(&path).unwrap();
                    f.set_modified(mtime).unwrap();
                }
            }
        }
        Change::Delete { issue } => {
            if issues.len() > 1
                && let Some(name) = pick(issue, issues)
            {
                std::fs::remove_file(dir.join(&name)).unwrap();
                issues.retain(|n| *n != name);
            }
        }
        Change::Add { sample, from } => {
            let blocks = &samples[sample % samples.len()];
            let name = format!("2024-03-{:02}_added.txt", n % 28 + 1);
            if !issues.contains(&name) {
                write_issue(dir, &name, &blocks[from % blocks.len()..]);
                issues.push(name);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// After any run of changes to the corpus, the articles printed through the
    /// cache equal those of a fresh read, and the cache holds one shard a file.
    #[test]
    fn cached_articles_equal_a_fresh_read_after_any_changes(
        changes in prop::collection::vec(change(), 1..5)
    ) {
        let samples = sample_blocks();
        let home = tempfile::tempdir().unwrap();
        let cli = Cli::in_home(home.path());
        let corpus = home.path().join("corpus");
        let cache = home.path().join("the-cache");
        std::fs::create_dir_all(&corpus).unwrap();
        let mut issues = Vec::new();
        for (i, blocks) in samples.iter().take(4).enumerate() {
            let name = format!("2024-01-{:02}.txt", i + 1);
            write_issue(&corpus, &name, blocks);
            issues.push(name);
        }
        let mut before = articles(&cli, &corpus, Some(&cache));
        prop_assert_eq!(&before, &articles(&cli, &corpus, None));
        for (n, c) in changes.iter().enumerate() {
            apply(&cli, &corpus, &mut issues, &samples, (c, n), &before);
            let cached = articles(&cli, &corpus, Some(&cache));
            let fresh = articles(&cli, &corpus, None);
            prop_assert_eq!(&cached, &fresh, "after {:?}", c);
            // A second run reads every issue from its shard.
            prop_assert_eq!(&articles(&cli, &corpus, Some(&cache)), &fresh);
            // What was written into a sidecar is seen at once.
            match *c {
                Change::Tag { article } => {
                    let ids = ids_and_stories(&before);
                    let id = &ids[article % ids.len()].0;
                    prop_assert!(!tags_of(&cached, id).is_empty(), "the tag is seen");
                }
                Change::Link { from, to } => {
                    let ids = ids_and_stories(&before);
                    let (a, b) = (&ids[from % ids.len()].0, &ids[to % ids.len()].0);
                    let now = ids_and_stories(&cached);
                    let story_of = |x: &str| now.iter().find(|(id, _)| id == x).map(|(_, s)| s.clone());
                    if a != b && now != ids {
                        prop_assert_eq!(story_of(b), story_of(a), "linked by hand: one story");
                    }
                }
                _ => {}
            }
            before = cached;
            // Every file has a shard, loose or packed; no loose shard is left of
            // a deleted file, and the pack is written again before a quarter of
            // it is of files that are gone.
            let (loose, packed) = shard_names(&cache);
            let live: Vec<u128> = issues.iter().map(|n| shard_name(n)).collect();
            for (name, issue) in live.iter().zip(&issues) {
                prop_assert!(loose.contains(name) || packed.contains(name), "no shard of {}", issue);
            }
            prop_assert!(loose.iter().all(|n| live.contains(n)), "a loose shard of a deleted file");
            let gone = packed.iter().filter(|n| !live.contains(n)).count();
            prop_assert!(gone * 4 <= packed.len(), "{} of {} packed shards are of deleted files", gone, packed.len());
        }
        // Stats and export too, after all the changes, read the same through
        // the cache as afresh.
        let through_cache = reads(&cli, &corpus, Some(&cache));
        prop_assert_eq!(&through_cache, &reads(&cli, &corpus, None));
        prop_assert_eq!(&reads(&cli, &corpus, Some(&cache)), &through_cache);
    }
}

/// A sample issue in a corpus of its own, and the line of the second paragraph
/// of its first article with two or more (where a split can be made).
fn corpus_with_split_point(dir: &Path) -> (PathBuf, usize, String) {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let (_, bytes) = newstag::corpus::builtin::sample_files().remove(0);
    let issue = corpus.join("2024-02-01.txt");
    std::fs::write(&issue, bytes).unwrap();
    let text = String::from_utf8_lossy(bytes).into_owned();
    let parsed = newstag::corpus::parse_issue_with(
        &issue,
        "2024-02-01.txt",
        bytes,
        &[],
        &Default::default(),
    )
    .unwrap();
    let article = parsed
        .articles
        .iter()
        .find(|a| a.paragraphs.len() >= 2)
        .expect("an article of two paragraphs");
    let second: String = article.paragraphs[1].chars().take(8).collect();
    let (line, text) = text
        .lines()
        .enumerate()
        .skip(article.line)
        .find(|(_, l)| l.contains(&second))
        .map(|(i, l)| (i + 1, l.trim().to_string()))
        .expect("the paragraph's line");
    (issue, line, text)
}

/// The folders that held loose shards go once the shards are packed: a cache
/// folder keeps no empty folders (there were 256 of them at most, left
/// behind each time).
#[test]
fn packing_leaves_no_empty_folders() {
    let home = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(home.path());
    let cache = home.path().join("c");
    let corpus = home.path().join("corpus");
    let n = 16;
    write_issues(&corpus, n);
    let samples = sample_blocks();
    let empty_folders = |cache: &Path| -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut todo = vec![cache.to_path_buf()];
        while let Some(d) = todo.pop() {
            let entries: Vec<PathBuf> = std::fs::read_dir(&d)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            if entries.is_empty() {
                out.push(d.clone());
            }
            todo.extend(entries.into_iter().filter(|p| p.is_dir()));
        }
        out
    };
    // The shards cut on a load go into the pack through one temporary file,
    // which is not left behind.
    let temporaries = |cache: &Path| -> Vec<PathBuf> {
        files_below(cache)
            .into_iter()
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(".tmp"))
            .collect()
    };
    let first = articles(&cli, &corpus, Some(&cache));
    assert_eq!(empty_folders(&cache), Vec::<PathBuf>::new());
    assert_eq!(shard_names(&cache).1.len(), n, "all packed");
    assert_eq!(temporaries(&cache), Vec::<PathBuf>::new());
    // Two of sixteen files changed: their shards are written loose, then
    // packed in the same run (loose shards are an eighth of the corpus).
    for i in 0..2 {
        write_issue(
            &corpus,
            &format!("p{i}.txt"),
            &samples[(i + 1) % samples.len()],
        );
    }
    let changed = articles(&cli, &corpus, Some(&cache));
    assert_ne!(changed, first);
    let (loose, packed) = shard_names(&cache);
    assert_eq!((loose.len(), packed.len()), (0, n), "all packed");
    assert_eq!(empty_folders(&cache), Vec::<PathBuf>::new());
    assert_eq!(temporaries(&cache), Vec::<PathBuf>::new());
    assert_eq!(changed, articles(&cli, &corpus, None));
}

/// A correction written into the sidecar after the cache was filled applies at
/// once, and removing it brings the plain cut back: a sidecar is never served
/// stale from the cache.
#[test]
fn corrections_in_a_sidecar_are_never_served_stale() {
    let home = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(home.path());
    let cache = home.path().join("cache-dir");
    let (issue, line, text) = corpus_with_split_point(home.path());
    let corpus = issue.parent().unwrap().to_path_buf();
    let plain = articles(&cli, &corpus, Some(&cache));
    assert_eq!(plain, articles(&cli, &corpus, Some(&cache)));

    let side = corpus.join("2024-02-01.tags.toml");
    let file = Sidecar {
        issue: "2024-02-01.txt".into(),
        articles: Vec::new(),
        corrections: vec![Correction {
            op: Some(Op::SplitBefore),
            line,
            text,
            ..Correction::default()
        }],
    };
    std::fs::write(&side, sidecar::render(&file)).unwrap();
    let corrected = articles(&cli, &corpus, Some(&cache));
    assert_eq!(corrected, articles(&cli, &corpus, None));
    assert_eq!(
        corrected.lines().count(),
        plain.lines().count() + 1,
        "the split made one more article"
    );
    std::fs::remove_file(&side).unwrap();
    assert_eq!(articles(&cli, &corpus, Some(&cache)), plain);
}

/// Every way a cache file can be damaged (the pack truncated, flipped in its
/// index or in a shard, emptied, garbage, a folder or a FIFO where it was; a
/// loose shard damaged likewise; a manifest of nonsense) is ignored: the
/// command prints the same, says nothing, and the cache is rebuilt.
#[test]
fn a_damaged_cache_is_ignored_and_rebuilt() {
    let home = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(home.path());
    let cache = home.path().join("c");
    let corpus = home.path().join("corpus");
    let n = 20;
    write_issues(&corpus, n);
    let good = articles(&cli, &corpus, Some(&cache));
    let find_pack = || {
        files_below(&cache)
            .into_iter()
            .find(|p| p.file_name().unwrap() == newstag::cache::pack::FILE_NAME)
            .expect("a pack")
    };
    let pack = find_pack();
    let whole = |cache: &Path| {
        let (loose, packed) = shard_names(cache);
        loose.len() + packed.len() >= n
    };
    assert!(whole(&cache));
    let bytes = std::fs::read(&pack).unwrap();
    type Damage = Box<dyn Fn(&Path)>;
    let mut damages: Vec<(&str, Damage)> = vec![
        ("truncated", {
            let b = bytes.clone();
            Box::new(move |p: &Path| std::fs::write(p, &b[..b.len() / 2]).unwrap())
        }),
        ("index flipped", {
            let b = bytes.clone();
            Box::new(move |p: &Path| {
                let mut b = b.clone();
                b[20] ^= 0x55;
                std::fs::write(p, b).unwrap()
            })
        }),
        ("shards flipped", {
            let b = bytes.clone();
            Box::new(move |p: &Path| {
                let mut b = b.clone();
                for k in 1..4 {
                    let at = b.len() * k / 4;
                    b[at] ^= 0x55;
                }
                std::fs::write(p, b).unwrap()
            })
        }),
        (
            "emptied",
            Box::new(|p: &Path| std::fs::write(p, b"").unwrap()),
        ),
        (
            "garbage",
            Box::new(|p: &Path| std::fs::write(p, b"garbage, not a pack").unwrap()),
        ),
        (
            "a folder",
            Box::new(|p: &Path| {
                std::fs::remove_file(p).unwrap();
                std::fs::create_dir(p).unwrap();
            }),
        ),
    ];
    #[cfg(unix)]
    damages.push((
        "a FIFO",
        Box::new(|p: &Path| {
            std::fs::remove_file(p).unwrap();
            let made = std::process::Command::new("mkfifo")
                .arg(p)
                .status()
                .unwrap();
            assert!(made.success());
        }),
    ));
    for (what, damage) in &damages {
        damage(&pack);
        for m in files_below(&cache)
            .into_iter()
            .filter(|p| p.ends_with("manifest.json"))
        {
            std::fs::write(m, "{ not json").unwrap();
        }
        assert_eq!(articles(&cli, &corpus, Some(&cache)), good, "pack {what}");
        // A folder in the way stays (the cache never removes what it did
        // not write); the shards stay loose, and serve.
        assert_eq!(
            articles(&cli, &corpus, Some(&cache)),
            good,
            "pack {what}, again"
        );
        assert!(whole(&cache), "pack {what}: rebuilt");
        if pack.is_dir() {
            std::fs::remove_dir(&pack).unwrap();
            assert_eq!(articles(&cli, &corpus, Some(&cache)), good);
        }
        assert_eq!(find_pack(), pack);
    }
    // Loose shards, damaged: a changed file's shard is written loose beside
    // the pack (one of twenty: the pack is not written again for it).
    let edited = corpus.join("p3.txt");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, format!("{text}\n\n补白\n")).unwrap();
    let changed = articles(&cli, &corpus, Some(&cache));
    assert_eq!(changed, articles(&cli, &corpus, None));
    let (loose, _) = shard_names(&cache);
    assert_eq!(loose, vec![shard_name("p3.txt")]);
    let shard = files_below(&cache)
        .into_iter()
        .find(|p| p.components().any(|c| c.as_os_str() == "shards"))
        .unwrap();
    for junk in [&b""[..], b"garbage, not a shard"] {
        std::fs::write(&shard, junk).unwrap();
        assert_eq!(articles(&cli, &corpus, Some(&cache)), changed);
    }
    for cmd in ["stats", "check"] {
        let out = cli
            .command()
            .args([cmd, corpus.to_str().unwrap()])
            .env(newstag::cache::DIR_ENV, &cache)
            .output()
            .unwrap();
        assert_succeeded(&out);
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A cache folder that cannot be made (a file is in the way) costs nothing
/// but time: commands succeed and print what they print without it.
#[test]
fn an_unwritable_cache_folder_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(home.path());
    let (issue, _, _) = corpus_with_split_point(home.path());
    let corpus = issue.parent().unwrap();
    let blocked = home.path().join("a-file");
    std::fs::write(&blocked, "not a folder").unwrap();
    assert_eq!(
        articles(&cli, corpus, Some(&blocked)),
        articles(&cli, corpus, None)
    );
    assert_eq!(std::fs::read_to_string(&blocked).unwrap(), "not a folder");
}

/// Processes started together on a cold cache all print what a fresh read
/// prints, and leave a cache the next run reads whole.
#[test]
fn concurrent_processes_share_a_cache_safely() {
    let home = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(home.path());
    let cache = home.path().join("c");
    let corpus = home.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for (i, blocks) in sample_blocks().iter().enumerate() {
        for j in 0..4 {
            write_issue(
                &corpus,
                &format!("{i}-{j}.txt"),
                &blocks[j.min(blocks.len() - 1)..],
            );
        }
    }
    let fresh = articles(&cli, &corpus, None);
    let children: Vec<_> = (0..4)
        .map(|_| {
            cli.command()
                .args(["articles", corpus.to_str().unwrap(), "--format", "jsonl"])
                .env(newstag::cache::DIR_ENV, &cache)
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_succeeded(&out);
        assert_eq!(String::from_utf8(out.stdout).unwrap(), fresh);
    }
    assert_eq!(articles(&cli, &corpus, Some(&cache)), fresh);
}

fn cache_cmd(cli: &Cli, cache: &Path, args: &[&str]) -> std::process::Output {
    let out = cli
        .command()
        .arg("cache")
        .args(args)
        .env(newstag::cache::DIR_ENV, cache)
        .output()
        .unwrap();
    assert_succeeded(&out);
    out
}

fn listed(cli: &Cli, cache: &Path) -> Vec<serde_json::Value> {
    let out = cache_cmd(cli, cache, &["--format", "jsonl"]);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `newstag cache` lists each corpus's cache with its size and whether the
/// corpus is still there; `cache clean` removes those of corpora that are
/// gone, `clean PATH` one corpus's, `clean --all` every one; corpora and
/// other files in the cache folder are never touched.
#[test]
fn cache_lists_and_cleans() {
    let home = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(home.path());
    let cache = home.path().join("c");
    let samples = sample_blocks();
    let corpora: Vec<PathBuf> = (0..3)
        .map(|i| {
            let c = home.path().join(format!("corpus{i}"));
            std::fs::create_dir_all(&c).unwrap();
            write_issue(&c, "a.txt", &samples[i % samples.len()]);
            articles(&cli, &c, Some(&cache));
            c
        })
        .collect();
    std::fs::write(cache.join("notes.txt"), "mine").unwrap();
    let list = listed(&cli, &cache);
    assert_eq!(list.len(), 3);
    for e in &list {
        assert_eq!(e["corpus_exists"], true);
        assert!(e["bytes"].as_u64().unwrap() > 0);
    }
    let table = String::from_utf8(cache_cmd(&cli, &cache, &["--format", "table"]).stdout).unwrap();
    assert!(
        table.contains(
            &*std::fs::canonicalize(&corpora[1])
                .unwrap()
                .to_string_lossy()
        )
    );

    std::fs::remove_dir_all(&corpora[0]).unwrap();
    let list = listed(&cli, &cache);
    assert_eq!(
        list.iter().filter(|e| e["corpus_exists"] == false).count(),
        1
    );
    let table = String::from_utf8(cache_cmd(&cli, &cache, &["--format", "table"]).stdout).unwrap();
    assert!(table.contains("(gone)"), "{table}");

    cache_cmd(&cli, &cache, &["clean"]);
    assert_eq!(listed(&cli, &cache).len(), 2);
    cache_cmd(&cli, &cache, &["clean", corpora[1].to_str().unwrap()]);
    let list = listed(&cli, &cache);
    assert_eq!(list.len(), 1);
    let kept = std::fs::canonicalize(&corpora[2]).unwrap();
    assert_eq!(list[0]["corpus"], kept.to_string_lossy().as_ref());
    cache_cmd(&cli, &cache, &["clean", "--all"]);
    assert!(listed(&cli, &cache).is_empty());
    assert_eq!(
        std::fs::read_to_string(cache.join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(corpora[2].join("a.txt").is_file());
}

/// Past `cache.max_size_mb`, loading one corpus prunes the others' caches
/// (gone corpora first), never its own.
#[test]
fn caches_are_pruned_past_the_size_limit() {
    let home = tempfile::tempdir().unwrap();
    let cli = Cli::in_home(home.path());
    let cache = home.path().join("c");
    let samples = sample_blocks();
    let make = |i: usize| {
        let c = home.path().join(format!("corpus{i}"));
        std::fs::create_dir_all(&c).unwrap();
        write_issue(&c, "a.txt", &samples[i % samples.len()]);
        c
    };
    let (a, b) = (make(0), make(1));
    articles(&cli, &a, Some(&cache));
    articles(&cli, &b, Some(&cache));
    assert_eq!(listed(&cli, &cache).len(), 2, "within the default limit");
    cli.write_config("[cache]\nmax_size_mb = 0\n");
    articles(&cli, &a, Some(&cache));
    let list = listed(&cli, &cache);
    assert_eq!(list.len(), 1);
    assert_eq!(
        list[0]["corpus"],
        std::fs::canonicalize(&a)
            .unwrap()
            .to_string_lossy()
            .as_ref()
    );
    // And the kept cache still serves: the same articles as a fresh read.
    assert_eq!(articles(&cli, &a, Some(&cache)), articles(&cli, &a, None));
}

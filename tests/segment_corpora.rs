//! Other real news text (`../shared/corpora`: Markdown transcripts, People's Daily
//! collections, GB18030/BOM SogouCS pseudo-XML) loads without error and its true
//! titles (`*.titles.txt`, held out, read at run time) are found as article titles.
//! Skipped when `../shared` is absent.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::corpus::parse_issue;
use newstag::text::comparison_key;
use std::collections::HashSet;
use std::path::Path;

/// Most true titles of the held-out corpora are found, and files load cleanly.
#[test]
fn held_out_corpora_titles_are_found() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let (mut found, mut total, mut predicted) = (0usize, 0usize, 0usize);
    let mut log = String::new();
    for source in std::fs::read_dir(&dir).unwrap().flatten() {
        if !source.path().is_dir() {
            continue;
        }
        let mut files: Vec<_> = std::fs::read_dir(source.path())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for titles_path in files
            .iter()
            .filter(|p| p.to_string_lossy().ends_with(".titles.txt"))
        {
            let name = titles_path
                .to_string_lossy()
                .trim_end_matches(".titles.txt")
                .to_string();
            let path = Path::new(&name);
            let bytes = std::fs::read(path).unwrap();
            let rel = path.file_name().unwrap().to_string_lossy().to_string();
            let issue = parse_issue(path, &rel, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            let mut keys: HashSet<String> = HashSet::new();
            for a in issue.articles.iter() {
                for k in [
                    comparison_key(&a.title),
                    comparison_key(&format!("{}{}", a.title, a.subtitle)),
                    comparison_key(&format!("{}{}", a.kicker, a.title)),
                    comparison_key(&format!("{}{}{}", a.kicker, a.title, a.subtitle)),
                ] {
                    keys.insert(k);
                }
            }
            predicted += issue
                .articles
                .iter()
                .filter(|a| !a.title.is_empty())
                .count();
            let truth = std::fs::read_to_string(titles_path).unwrap();
            let (mut f, mut t) = (0, 0);
            for line in truth.lines() {
                let whole = comparison_key(line);
                if whole.is_empty() {
                    continue;
                }
                t += 1;
                let part_found = line
                    .split('\t')
                    .map(comparison_key)
                    .any(|p| !p.is_empty() && keys.contains(&p));
                if keys.contains(&whole) || part_found {
                    f += 1;
                }
            }
            log.push_str(&format!(
                "{rel}: {f}/{t} titles, {} articles\n",
                issue.articles.len()
            ));
            found += f;
            total += t;
        }
    }
    log.push_str(&format!(
        "overall: {found}/{total} titles found, {predicted} titled articles\n"
    ));
    eprintln!("{log}");
    assert!(total > 0);
    assert!(
        found * 100 >= total * 90,
        "fewer than 90% of titles found\n{log}"
    );
    assert!(
        predicted * 100 <= total * 115,
        "too many titled articles\n{log}"
    );
}

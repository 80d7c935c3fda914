//! Reliability samples: a reproducible draw of articles that several coders code
//! independently, kept as a small text file in the corpus (`samples/NAME.tsv`,
//! beside `coders/`), versioned with the sidecars.
//!
//! ```text
//! # newstag sample "pilot": 2 per month, seed 7, from 1234 articles
//! # id<TAB>issue<TAB>title
//! 3f2a9c01b7de<TAB>2024/01/02_03.txt<TAB>老旧小区改造让居民住得更舒心
//! ```
//!
//! The draw is reproducible and needs no random number generator: each
//! candidate's key is XXH3 of its issue and id with the seed, and the `n`
//! smallest keys of each stratum (each month, with `per`) are taken. The same
//! corpus, query and seed give the same sample on every machine, whatever order
//! the corpus loaded in; adding articles to the corpus changes it only where a
//! new article's key is smaller.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The folder of samples (beside `coders/`).
pub const SAMPLES_DIR: &str = "samples";

/// The extension of a sample file.
pub const EXTENSION: &str = "tsv";

/// How a sample is spread over the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// `n` articles in all.
    Corpus,
    /// `n` articles from each month (issues without a date form one stratum).
    Month,
    /// `n` articles from each year.
    Year,
    /// `n` articles from each issue.
    Issue,
}

impl Per {
    /// The word used on the command line and in the file's header.
    pub fn as_str(self) -> &'static str {
        match self {
            Per::Corpus => "corpus",
            Per::Month => "month",
            Per::Year => "year",
            Per::Issue => "issue",
        }
    }

    /// The stratum of an article of the issue `rel` dated `date` (`YYYY-MM-DD`).
    pub fn stratum(self, rel: &str, date: Option<&str>) -> String {
        match self {
            Per::Corpus => String::new(),
            Per::Month => date
                .map(|d| d.chars().take(7).collect())
                .unwrap_or_default(),
            Per::Year => date
                .map(|d| d.chars().take(4).collect())
                .unwrap_or_default(),
            Per::Issue => rel.to_string(),
        }
    }
}

/// One article that may be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub issue: String,
    pub id: String,
    pub title: String,
    /// Its stratum (see [`Per::stratum`]).
    pub stratum: String,
}

/// One article of a sample.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Member {
    pub issue: String,
    pub id: String,
}

/// The positions in `candidates` of the `n` articles drawn from each stratum
/// with `seed`, in the candidates' order.
pub fn draw(candidates: &[Candidate], n: usize, seed: u64) -> Vec<usize> {
    let mut strata: BTreeMap<&str, Vec<(u64, usize)>> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let key = xxhash_rust::xxh3::xxh3_64_with_seed(
            format!("{}\u{0}{}", c.issue, c.id).as_bytes(),
            seed,
        );
        strata.entry(c.stratum.as_str()).or_default().push((key, i));
    }
    let mut chosen: Vec<usize> = strata
        .into_values()
        .flat_map(|mut keyed| {
            keyed.sort_unstable();
            keyed.into_iter().take(n).map(|(_, i)| i)
        })
        .collect();
    chosen.sort_unstable();
    chosen
}

/// Where the sample `name` is kept under `base` (the corpus folder, or
/// `corpus.sidecar_dir`).
pub fn sample_path(base: &Path, name: &str) -> PathBuf {
    base.join(SAMPLES_DIR).join(format!("{name}.{EXTENSION}"))
}

/// A sample's name and its members as `(issue, id)`.
pub type Named = (String, HashSet<(String, String)>);

/// Every sample kept under `base` (`samples/*.tsv`): name and members, by
/// name. A sample file that cannot be read is an error naming it and the line.
pub fn all_in(base: &Path) -> Result<Vec<Named>, String> {
    let dir = base.join(SAMPLES_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = match (path.file_stem(), path.extension()) {
            (Some(stem), Some(ext)) if ext == EXTENSION => stem.to_string_lossy().into_owned(),
            _ => continue,
        };
        if bad_sample_name(&name).is_some() || !path.is_file() {
            continue;
        }
        out.push((name, member_set(&read(&path)?)));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Why `name` cannot name a sample (it names a file), or `None`.
pub fn bad_sample_name(name: &str) -> Option<String> {
    let bad = name.is_empty()
        || name.starts_with('.')
        || name.contains(['/', '\\', ':', ' ', '\t'])
        || name.chars().any(char::is_control);
    bad.then(|| {
        format!(
            "\"{}\" cannot name a sample: use letters, digits, - and _ (no spaces, slashes, colons or leading dot)",
            name.escape_debug()
        )
    })
}

/// The text of a sample file: a header line saying how it was drawn, then one
/// `id<TAB>issue<TAB>title` line per member (tabs and line breaks in the issue
/// and title written as `\t`, `\n`, backslashes as `\\`).
pub fn render(header: &str, members: &[Candidate]) -> String {
    let mut s = format!(
        "# {}\n# id\tissue\ttitle\n",
        crate::tags::sidecar::comment_text(header)
    );
    for m in members {
        s.push_str(&format!(
            "{}\t{}\t{}\n",
            m.id,
            escape(&m.issue),
            escape(&m.title)
        ));
    }
    s
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Read the members of the sample file at `path`. An error names the file and
/// the line.
pub fn read(path: &Path) -> Result<Vec<Member>, String> {
    let text = crate::regular_file::read_to_string(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            format!(
                "{}: no such sample (draw it with `newstag sample`)",
                path.display()
            )
        } else {
            format!("{}: cannot read: {e}", path.display())
        }
    })?;
    parse(&text, path)
}

/// Parse sample text read from `path` (used only in errors).
pub fn parse(text: &str, path: &Path) -> Result<Vec<Member>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let id = fields.next().unwrap_or_default().trim();
        let issue = fields.next().map(unescape).unwrap_or_default();
        if id.is_empty() || issue.is_empty() || !id.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(format!(
                "{}:{}: expected \"ID<TAB>ISSUE<TAB>TITLE\", found \"{}\"",
                path.display(),
                i + 1,
                line.escape_debug()
            ));
        }
        out.push(Member {
            issue,
            id: id.to_string(),
        });
    }
    Ok(out)
}

/// The members of a sample as a set, to test articles against.
pub fn member_set(members: &[Member]) -> HashSet<(String, String)> {
    members
        .iter()
        .map(|m| (m.issue.clone(), m.id.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn candidates(n: usize) -> Vec<Candidate> {
        (0..n)
            .map(|i| Candidate {
                issue: format!("2024/{:02}/{i}.txt", 1 + i % 12),
                id: format!("{:012x}", i * 7919),
                title: format!("标题{i}"),
                stratum: format!("2024-{:02}", 1 + i % 12),
            })
            .collect()
    }

    proptest! {
        /// A draw takes min(n, size) of every stratum, each article once, and the
        /// same seed gives the same draw whatever order the candidates come in.
        #[test]
        fn draw_is_stratified_and_reproducible(size in 0usize..300, n in 0usize..40, seed: u64, rot in 0usize..300) {
            let c = candidates(size);
            let drawn = draw(&c, n, seed);
            let mut per: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in &drawn {
                *per.entry(c[i].stratum.as_str()).or_default() += 1;
            }
            let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
            for x in &c {
                *sizes.entry(x.stratum.as_str()).or_default() += 1;
            }
            for (s, total) in &sizes {
                prop_assert_eq!(per.get(s).copied().unwrap_or(0), n.min(*total));
            }
            let mut rotated = c.clone();
            if !rotated.is_empty() {
                let k = rot % rotated.len();
                rotated.rotate_left(k);
            }
            let again: HashSet<&str> = draw(&rotated, n, seed).into_iter().map(|i| rotated[i].id.as_str()).collect();
            let first: HashSet<&str> = drawn.iter().map(|&i| c[i].id.as_str()).collect();
            prop_assert_eq!(first, again);
        }
    }

    /// Another seed draws another sample.
    #[test]
    fn seeds_differ() {
        let c = candidates(200);
        assert_ne!(draw(&c, 5, 1), draw(&c, 5, 2));
    }

    /// Written members read back, tabs and backslashes in titles and issues too;
    /// a bad line is named with its file and number.
    #[test]
    fn render_read_round_trip() {
        let mut c = candidates(3);
        c[1].title = "a\tb\\c\nd".into();
        c[2].issue = "x\ty.txt".into();
        let text = render("newstag sample \"t\"", &c);
        let back = parse(&text, Path::new("s.tsv")).unwrap();
        let want: Vec<Member> = c
            .iter()
            .map(|m| Member {
                issue: m.issue.clone(),
                id: m.id.clone(),
            })
            .collect();
        assert_eq!(back, want);
        let e = parse("# h\nnot a line\n", Path::new("/c/samples/s.tsv")).unwrap_err();
        assert!(e.starts_with("/c/samples/s.tsv:2:"), "{e}");
    }
}

//! Scores newstag's segmentation against hand-made gold segmentations: the real
//! issues in `../shared/samples/*.gold.toml` (skipped when `../shared` is absent)
//! and the built-in sample corpus's `tests/fixtures/sample_expected.toml`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use newstag::article::Article;
use newstag::corpus::parse_issue;
use newstag::text::comparison_key;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Gold {
    #[serde(default, alias = "articles")]
    article: Vec<GoldArticle>,
}

#[derive(Debug, Deserialize)]
struct SampleGold {
    issue: Vec<SampleIssue>,
}

#[derive(Debug, Deserialize)]
struct SampleIssue {
    file: String,
    #[serde(default)]
    article: Vec<GoldArticle>,
}

#[derive(Debug, Deserialize, Clone)]
struct GoldArticle {
    #[serde(default)]
    title: String,
    #[serde(default)]
    kicker: String,
    #[serde(default)]
    subtitle: String,
    #[serde(default)]
    byline: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    first_body: String,
    #[serde(default)]
    last_body: String,
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    gold_titles: usize,
    found_titles: usize,
    predicted_titles: usize,
    correct_predicted: usize,
    gold_articles: usize,
    whole: usize,
    /// Gold articles found by their own title, and how many of those also have the
    /// gold kicker, subtitle, byline and kind.
    headed: usize,
    heads_right: [usize; 4],
}

const HEAD_FIELDS: [&str; 4] = ["kicker", "subtitle", "byline", "kind"];

impl Score {
    fn add(&mut self, o: Score) {
        self.gold_titles += o.gold_titles;
        self.found_titles += o.found_titles;
        self.predicted_titles += o.predicted_titles;
        self.correct_predicted += o.correct_predicted;
        self.gold_articles += o.gold_articles;
        self.whole += o.whole;
        self.headed += o.headed;
        for (a, b) in self.heads_right.iter_mut().zip(o.heads_right) {
            *a += b;
        }
    }
    fn head_share(&self, field: usize) -> f64 {
        self.heads_right[field] as f64 / self.headed.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let p = self.correct_predicted as f64 / self.predicted_titles.max(1) as f64;
        let r = self.found_titles as f64 / self.gold_titles.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn whole_share(&self) -> f64 {
        self.whole as f64 / self.gold_articles.max(1) as f64
    }
}

fn key(s: &str) -> String {
    comparison_key(s)
}

/// Does predicted article `a` carry gold article `g`'s title?
fn title_matches(a: &Article, g: &GoldArticle) -> bool {
    let t = key(&g.title);
    if t.is_empty() {
        return false;
    }
    key(&a.title) == t
        || (!g.kicker.is_empty() && key(&a.title) == key(&g.kicker) && key(&a.subtitle) == t)
}

/// Score one issue's articles against its gold list; `log` gets the misses.
fn score(articles: &[Article], gold: &[GoldArticle], log: &mut String) -> Score {
    let mut s = Score::default();
    for g in gold.iter().filter(|g| !key(&g.title).is_empty()) {
        s.gold_titles += 1;
        if articles.iter().any(|a| title_matches(a, g)) {
            s.found_titles += 1;
        } else {
            log.push_str(&format!("  title not found: {}\n", g.title));
        }
    }
    for a in articles.iter().filter(|a| !key(&a.title).is_empty()) {
        s.predicted_titles += 1;
        if gold.iter().any(|g| title_matches(a, g)) {
            s.correct_predicted += 1;
        } else {
            log.push_str(&format!("  extra title: {} (line {})\n", a.title, a.line));
        }
    }
    for g in gold.iter().filter(|g| !key(&g.title).is_empty()) {
        let Some(a) = articles.iter().find(|a| key(&a.title) == key(&g.title)) else {
            continue;
        };
        s.headed += 1;
        let got = [
            &a.kicker,
            &a.subtitle,
            &a.byline,
            &a.kind.as_str().to_string(),
        ];
        let want = [&g.kicker, &g.subtitle, &g.byline, &g.kind];
        for (f, (got, want)) in got.iter().zip(want).enumerate() {
            if key(got) == key(want) {
                s.heads_right[f] += 1;
            } else {
                log.push_str(&format!(
                    "  {} of {}: {got:?}, gold {want:?}\n",
                    HEAD_FIELDS[f], g.title
                ));
            }
        }
    }
    let bodies: Vec<String> = articles
        .iter()
        .map(|a| key(&a.paragraphs.concat()))
        .collect();
    for (gi, g) in gold.iter().enumerate() {
        s.gold_articles += 1;
        let (first, last) = (key(&g.first_body), key(&g.last_body));
        let whole = bodies.iter().any(|b| {
            b.contains(&first)
                && b.contains(&last)
                && gold.iter().enumerate().all(|(oi, o)| {
                    oi == gi || key(&o.first_body).is_empty() || !b.contains(&key(&o.first_body))
                })
        });
        if whole {
            s.whole += 1;
        } else {
            log.push_str(&format!("  not whole: {} / {}\n", g.title, g.first_body));
        }
    }
    s
}

/// Kicker, subtitle, byline and kind agree with the gold for at least 90% of the
/// articles found by their title.
fn assert_heads_agree(total: &Score, log: &str) {
    for (f, name) in HEAD_FIELDS.iter().enumerate() {
        assert!(
            total.head_share(f) >= 0.90,
            "{name} agrees with the gold for fewer than 90% of articles\n{log}"
        );
    }
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn report(name: &str, s: &Score) -> String {
    let heads: Vec<String> = HEAD_FIELDS
        .iter()
        .zip(s.heads_right)
        .map(|(f, n)| format!("{f} {n}/{}", s.headed))
        .collect();
    format!(
        "{name}: title F1 {:.3} (found {}/{}, correct {}/{}), whole {}/{} = {:.1}%; {}",
        s.f1(),
        s.found_titles,
        s.gold_titles,
        s.correct_predicted,
        s.predicted_titles,
        s.whole,
        s.gold_articles,
        100.0 * s.whole_share(),
        heads.join(", ")
    )
}

/// Segmenting the real sample issues finds the titles, whole articles and heads
/// (kicker, subtitle, byline, kind) a careful editor sees.
#[test]
fn shared_samples_meet_the_gold_standard() {
    let dir = shared().join("samples");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.toml"))
        .collect();
    golds.sort();
    assert!(!golds.is_empty(), "no gold files in {}", dir.display());
    let mut total = Score::default();
    let mut log = String::new();
    for gold_path in &golds {
        let name = gold_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".gold.toml", "");
        let txt = dir.join(format!("{name}.txt"));
        let bytes = std::fs::read(&txt).unwrap();
        let gold: Gold = toml::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
        let issue = parse_issue(&txt, &format!("{name}.txt"), &bytes).unwrap();
        let mut misses = String::new();
        let s = score(&issue.articles, &gold.article, &mut misses);
        log.push_str(&report(&name, &s));
        log.push('\n');
        log.push_str(&misses);
        total.add(s);
    }
    log.push_str(&report("overall", &total));
    eprintln!("{log}");
    assert!(total.f1() >= 0.95, "title F1 below 0.95\n{log}");
    assert!(total.whole_share() >= 0.90, "fewer than 90% whole\n{log}");
    assert_heads_agree(&total, &log);
}

/// Segmenting the built-in sample corpus (one GB18030, one BOM, one CRLF file) finds
/// the titles and whole articles listed in `tests/fixtures/sample_expected.toml`.
#[test]
fn builtin_sample_meets_its_expected_segmentation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (total, log) = score_issue_set(
        &root.join("tests/fixtures/sample_expected.toml"),
        &root.join("sample"),
    );
    eprintln!("{log}");
    assert!(total.f1() >= 0.95, "title F1 below 0.95\n{log}");
    assert!(total.whole_share() >= 0.90, "fewer than 90% whole\n{log}");
    assert_heads_agree(&total, &log);
}

/// Scores every issue listed in a gold file of the `[[issue]]` form against the files
/// under `dir`; returns the total and the report with the misses.
fn score_issue_set(fixture: &Path, dir: &Path) -> (Score, String) {
    let gold: SampleGold = toml::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    assert!(!gold.issue.is_empty(), "no issues in {}", fixture.display());
    let mut total = Score::default();
    let mut log = String::new();
    for issue in &gold.issue {
        let path = dir.join(&issue.file);
        let bytes = std::fs::read(&path).unwrap();
        let parsed = parse_issue(&path, &issue.file, &bytes).unwrap();
        let mut misses = String::new();
        let s = score(&parsed.articles, &issue.article, &mut misses);
        log.push_str(&report(&issue.file, &s));
        log.push('\n');
        log.push_str(&misses);
        total.add(s);
    }
    log.push_str(&report("overall", &total));
    (total, log)
}

/// Segmenting issues nobody tuned the rules on (tests/fixtures/unseen/: invented pages of
/// the same papers' habits with new variations, gold written blind) finds the titles,
/// whole articles and heads a careful editor sees.
#[test]
fn unseen_issues_meet_their_blind_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let (total, log) = score_issue_set(&root.join("unseen_expected.toml"), &root.join("unseen"));
    eprintln!("{log}");
    assert!(total.f1() >= 0.95, "title F1 below 0.95\n{log}");
    assert!(total.whole_share() >= 0.90, "fewer than 90% whole\n{log}");
    assert_heads_agree(&total, &log);
}

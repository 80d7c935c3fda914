//! Tag store costs: saving one change (must be well under a 16 ms frame) on an
//! issue with 50 tagged articles, and the extra cost of reading 10,000 sidecars
//! when a 10,000-issue corpus opens (must be under 0.5 s).
//!
//! Then the paths that must stay near-linear on huge inputs: re-anchoring 3,000
//! orphaned records in a 20,000-article issue, and reading a 60 MB sidecar
//! (`NEWSTAG_BENCH_QUICK=1` makes them a tenth of that size). The 60 MB case also
//! writes `target/bench-big-sidecar/` (one small issue and its 60 MB sidecar), so
//! its peak memory can be measured as a whole process:
//! `/usr/bin/time -v target/release/newstag check target/bench-big-sidecar`.
//!
//! `cargo bench --bench tags`. The corpus benchmark uses /work/corpus10k (or
//! NEWSTAG_BENCH_CORPUS) read-only, with its sidecars in a temp `sidecar_dir`;
//! it is skipped with a message when the corpus is absent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use newstag::article::{Article, Issue};
use newstag::corpus::Corpus;
use newstag::tags::anchor::{ArticleAnchor, attach};
use newstag::tags::sidecar::{self, ArticleTags, Sidecar};
use newstag::tags::{Source, TagMark, TagSet, TagStore, Target};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn issue_with(root: &Path, n: usize) -> Issue {
    let path = root.join("2024-01-02_3.txt");
    std::fs::write(&path, "x").unwrap();
    Issue {
        path,
        rel: "2024-01-02_3.txt".into(),
        articles: (0..n)
            .map(|i| Article {
                id: format!("{i:012x}"),
                index: i,
                title: format!("第{i}篇 社区治理与文化遗产保护的新进展"),
                paragraphs: vec!["正文。".into()].into(),
                ..Article::default()
            })
            .collect(),
        ..Issue::default()
    }
}

fn save_one_change(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Corpus {
        root: dir.path().to_path_buf(),
        issues: vec![issue_with(dir.path(), 60)],
        warnings: vec![],
        habits: Default::default(),
    };
    let issue = &corpus.issues[0];
    let mut store = TagStore::open(&corpus, None);
    let targets: Vec<Target> = issue.articles[..50]
        .iter()
        .map(|article| Target { issue, article })
        .collect();
    store.set(&targets, "governance", true, Source::Hand);
    store.set(&targets[..25], "heritage", true, Source::Hand);
    assert_eq!(store.tagged_count(), 50);
    let one = [Target {
        issue,
        article: &issue.articles[55],
    }];
    let mut group = c.benchmark_group("tags");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    group.bench_function("save one toggle, 50 tagged articles", |b| {
        b.iter(|| {
            let o = store.toggle(&one, "environment", Source::Hand);
            assert!(o.ok());
        })
    });
    group.bench_function("undo+redo, 50 tagged articles", |b| {
        b.iter(|| {
            store.undo().unwrap();
            store.redo().unwrap();
        })
    });
    group.finish();
}

/// What a tag key costs the TUI: the toggle with its save, then drawing the frame.
fn tui_toggle_and_draw(c: &mut Criterion) {
    use newstag::ui::{Action, App};
    use ratatui::{Terminal, backend::TestBackend};
    let dir = tempfile::tempdir().unwrap();
    let mut config = newstag::config::Config::builtin();
    config.ui.confirm_bulk_over = 100;
    let mut app = App::with_issues(config, vec![issue_with(dir.path(), 60)], 120, 40);
    app.update(Action::MarkAll);
    app.update(Action::ToggleTag(0));
    app.update(Action::ClearMarks);
    assert_eq!(app.tagged_total(), 60);
    app.update(Action::MoveDown);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut group = c.benchmark_group("tags");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    group.bench_function("TUI: tag key (save) + draw, 60 tagged articles", |b| {
        b.iter(|| {
            app.update(Action::ToggleTag(2));
            term.draw(|f| newstag::ui::draw(&app, f)).unwrap();
        })
    });
    group.bench_function("TUI: draw only, 60 tagged articles", |b| {
        b.iter(|| {
            term.draw(|f| newstag::ui::draw(&app, f)).unwrap();
        })
    });
    group.finish();
}

/// The corpus to open: NEWSTAG_BENCH_CORPUS or /work/corpus10k.
fn big_corpus() -> Option<PathBuf> {
    let p = std::env::var_os("NEWSTAG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/corpus10k"));
    p.is_dir().then_some(p)
}

fn open_10k_sidecars(c: &mut Criterion) {
    let Some(root) = big_corpus() else {
        eprintln!("skipping the 10k-corpus benchmark: no /work/corpus10k");
        return;
    };
    let t = Instant::now();
    let corpus = Corpus::load(&root).unwrap();
    let load = t.elapsed();
    let side = tempfile::tempdir().unwrap();
    // One sidecar per issue, three tagged articles each (written directly).
    let mark = TagMark {
        at: "2026-11-23T02:40:00Z".into(),
        by: Source::Hand,
        coder: String::new(),
        codebook: 0,
    };
    let mut written = 0;
    for issue in &corpus.issues {
        let articles: Vec<ArticleTags> = issue
            .articles
            .iter()
            .take(3)
            .map(|a| {
                let mut tags = TagSet::new();
                tags.insert("governance".into(), mark.clone());
                ArticleTags {
                    memo: None,
                    id: a.id.clone(),
                    title: a.display_title(),
                    tags,
                }
            })
            .collect();
        let path = sidecar::sidecar_path(&issue.path, &issue.rel, Some(side.path()));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let s = Sidecar {
            issue: issue.rel.clone(),
            corrections: Vec::new(),
            articles,
        };
        std::fs::write(path, sidecar::render(&s)).unwrap();
        written += 1;
    }
    let store = TagStore::open(&corpus, Some(side.path()));
    assert!(store.problems(&[]).iter().all(|p| !matches!(
        p,
        newstag::tags::Problem::BadSidecar(_) | newstag::tags::Problem::Orphan { .. }
    )));
    eprintln!(
        "corpus: {} issues, {} articles, loaded in {:.2?}; {written} sidecars, {} tagged",
        corpus.issues.len(),
        corpus.article_count(),
        load,
        store.tagged_count()
    );
    let mut group = c.benchmark_group("tags");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("open 10k sidecars (extra cost of opening)", |b| {
        b.iter(|| TagStore::open(&corpus, Some(side.path())))
    });
    let empty = tempfile::tempdir().unwrap();
    group.bench_function("open 10k issues, no sidecars", |b| {
        b.iter(|| TagStore::open(&corpus, Some(empty.path())))
    });
    group.finish();
}

/// Deterministic pseudo-random numbers (xorshift), so every run sees the same input.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A headline of 8-19 characters drawn from a few hundred common ones.
fn headline(rng: &mut Rng) -> String {
    const CHARS: &str = "社区治理文化遗产保护环境生态乡村振兴城市更新老旧小区改造居民住得更舒心古城墙修缮工程完工湿地公园新添候鸟观测点位垃圾分类进非传承人收徒县里召开夏季防汛会议图书馆延长开放时间图片新闻本报讯记者近日我省市区街道村镇企业学校医院交通出行农业科技创新发展经济工作重点项目建设推进会举行活动启动仪式";
    let chars: Vec<char> = CHARS.chars().collect();
    let n = 8 + rng.below(12);
    (0..n).map(|_| chars[rng.below(chars.len())]).collect()
}

fn scale(n: usize) -> usize {
    if std::env::var_os("NEWSTAG_BENCH_QUICK").is_some() {
        n / 10
    } else {
        n
    }
}

/// An issue of `articles` articles, and `orphans` saved records whose id is no
/// article's: a third with the title of an article edited by one character
/// (they follow it), the rest with titles of articles that are gone.
fn orphan_case(root: &Path, articles: usize, orphans: usize) -> (Corpus, Vec<ArticleTags>) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut issue = issue_with(root, 0);
    let arts: Vec<Article> = (0..articles)
        .map(|i| Article {
            id: format!("{i:012x}"),
            index: i,
            title: headline(&mut rng),
            paragraphs: vec!["正文。".into()].into(),
            ..Article::default()
        })
        .collect();
    let mark = TagMark {
        at: "2026-11-23T02:40:00Z".into(),
        by: Source::Hand,
        coder: String::new(),
        codebook: 0,
    };
    let records = (0..orphans)
        .map(|i| {
            // An edited title keeps the article's opening check (last 3 digits).
            let (title, check) = if i % 3 == 0 {
                let art = &arts[rng.below(articles)];
                let mut t: Vec<char> = art.title.chars().collect();
                let at = rng.below(t.len());
                t[at] = '新';
                (t.into_iter().collect(), art.id[9..].to_string())
            } else {
                (headline(&mut rng), "fff".to_string())
            };
            ArticleTags {
                memo: None,
                id: format!("f{i:08x}{check}"),
                title,
                tags: TagSet::from([("governance".to_string(), mark.clone())]),
            }
        })
        .collect();
    issue.articles = arts.into();
    let corpus = Corpus {
        root: root.to_path_buf(),
        issues: vec![issue],
        warnings: vec![],
        habits: Default::default(),
    };
    (corpus, records)
}

fn reanchor_orphans(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (articles, orphans) = (scale(20_000), scale(3_000));
    let (corpus, records) = orphan_case(dir.path(), articles, orphans);
    let issue = &corpus.issues[0];
    let anchors: Vec<ArticleAnchor> = issue.articles.iter().map(ArticleAnchor::of).collect();
    let t = Instant::now();
    let once = attach(records.clone(), &anchors, "2024-01-02_3");
    eprintln!(
        "re-anchoring {orphans} records in {articles} articles: {:.2?} ({} followed a changed title, {} orphans)",
        t.elapsed(),
        once.moved.len(),
        once.orphans.len()
    );
    let mut group = c.benchmark_group("tags");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function(
        format!("re-anchor {orphans} orphaned records, {articles}-article issue"),
        |b| b.iter(|| attach(records.clone(), &anchors, "2024-01-02_3")),
    );
    group.finish();
}

/// The text of a sidecar of `n` tagged articles, three tags each (about 330
/// bytes an article: 60 MB for 190,000).
fn big_sidecar(n: usize) -> Sidecar {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let names = ["governance", "heritage", "environment", "交通 出行", "民生"];
    Sidecar {
        issue: "2024-01-02_3.txt".into(),
        corrections: Vec::new(),
        articles: (0..n)
            .map(|i| ArticleTags {
                memo: None,
                id: format!("{i:012x}"),
                title: headline(&mut rng),
                tags: (0..3)
                    .map(|k| {
                        let by = [Source::Hand, Source::Suggestion, Source::Import][k];
                        let mark = TagMark {
                            at: format!("2026-11-{:02}T02:40:{:02}Z", 1 + i % 28, k),
                            by,
                            coder: String::new(),
                            codebook: 0,
                        };
                        (names[(i + k) % names.len()].to_string(), mark)
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn read_big_sidecar(c: &mut Criterion) {
    let n = scale(190_000);
    let text = sidecar::render(&big_sidecar(n));
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-big-sidecar");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(
        out.join("2024-01-02_3.txt"),
        "古城墙修缮工程完工\n\n本报讯 工程日前完工。\n",
    )
    .unwrap();
    std::fs::write(out.join("2024-01-02_3.tags.toml"), &text).unwrap();
    eprintln!(
        "sidecar of {n} articles, {:.1} MB, also written to {}",
        text.len() as f64 / 1e6,
        out.display()
    );
    let path = Path::new("big.tags.toml");
    let mut group = c.benchmark_group("tags");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function(
        format!(
            "parse a {:.0} MB sidecar ({n} articles)",
            text.len() as f64 / 1e6
        ),
        |b| b.iter(|| sidecar::parse(&text, path).unwrap()),
    );
    group.finish();
}

criterion_group!(
    benches,
    save_one_change,
    tui_toggle_and_draw,
    open_10k_sidecars,
    reanchor_orphans,
    read_big_sidecar
);
criterion_main!(benches);

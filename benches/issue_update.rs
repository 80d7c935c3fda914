//! A correction's path to search: the time from "one issue's articles changed"
//! (a correction or recut in the TUI, or a file changed) to "a search shows the
//! corrected text", on the index a warm start reads from its cache, as the TUI
//! takes it: the index updated for the issue, made ready to search
//! ([`SearchIndex::warm`], what the TUI's search thread does first) and the
//! corrected text searched; then the update written to the cache (off the
//! path, but CPU the machine spends).
//!
//! `cargo bench --bench issue_update` on NEWSTAG_BENCH_CORPUS (a `make-corpus
//! --vary 0.15` corpus; caches in NEWSTAG_BENCH_CACHE, see `benches/common`).
//! NEWSTAG_BENCH_RUNS=N corrections one after the other (default 7): each puts
//! a made-up word into an issue's first article, every second one also splits
//! an article off (the issue gains a document, as a recut may), in issues
//! spread over the corpus. Reports the median and range of each phase.

use newstag::article::{Article, Issue};
use newstag::corpus::Corpus;
use newstag::search::cache;
use newstag::search::{SearchIndex, Searcher};
use std::sync::Arc;
use std::time::{Duration, Instant};

mod common;
use common::cpu_time;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn runs() -> usize {
    std::env::var("NEWSTAG_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7)
}

/// Issue `issue` with a made-up word in a new first paragraph of its first
/// article; with `split`, that article's last paragraph split off as an
/// article of its own.
fn corrected(issue: &Issue, word: &str, split: bool) -> Issue {
    let mut articles: Vec<Article> = issue.articles.to_vec();
    if articles.is_empty() {
        articles.push(Article::default());
    }
    let mut paragraphs: Vec<String> = articles[0].paragraphs.read().to_vec();
    paragraphs.insert(0, format!("更正后的段落写着{word}。"));
    let rest = (split && paragraphs.len() > 1).then(|| paragraphs.pop().unwrap_or_default());
    articles[0].paragraphs = paragraphs.into();
    if let Some(p) = rest {
        let mut off = articles[0].clone();
        off.id = format!("{}x", &off.id[..off.id.len().saturating_sub(1)]);
        off.title = format!("{}（续）", off.title);
        off.paragraphs = vec![p].into();
        articles.insert(1, off);
    }
    Issue {
        articles: articles.into(),
        ..issue.clone()
    }
}

fn row(name: &str, mut took: Vec<Duration>) {
    took.sort();
    if took.is_empty() {
        return;
    }
    println!(
        "{name:<44} median {:>8.1} ms  ({:.1}-{:.1}, {} runs)",
        ms(took[took.len() / 2]),
        ms(took[0]),
        ms(took[took.len() - 1]),
        took.len()
    );
}

fn main() {
    let Some(root) = common::vary_corpus() else {
        return;
    };
    common::use_bench_cache();
    let t = Instant::now();
    let Ok(mut corpus) = Corpus::load(&root) else {
        println!("cannot load {}", root.display());
        return;
    };
    println!(
        "corpus: {} issues, {} articles, loaded in {:.1} s",
        corpus.issues.len(),
        corpus.article_count(),
        t.elapsed().as_secs_f64()
    );
    let files = cache::stamps(&root);
    let t = Instant::now();
    let index = match cache::load(&root, &files) {
        Some(i) => i,
        None => {
            let built = SearchIndex::build(&corpus);
            cache::save(&root, &files, &built);
            drop(built);
            match cache::load(&root, &files) {
                Some(i) => i,
                None => {
                    println!("the index cache does not read back");
                    return;
                }
            }
        }
    };
    index.warm();
    println!(
        "index from its cache (built first if missing) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    // What writing costs without a merge: the index as read, written again.
    let c = cpu_time();
    let t = Instant::now();
    cache::save(&root, &files, &index);
    println!(
        "the index as read written to the cache again in {:.1} s, {:.1} CPU-s",
        t.elapsed().as_secs_f64(),
        cpu_time().saturating_sub(c).as_secs_f64()
    );
    let mut index = Arc::new(index);
    let n = corpus.issues.len();
    let (mut update, mut warm, mut search, mut total, mut save) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut cpu, mut save_cpu) = (Vec::new(), Vec::new());
    // Made-up words of characters the corpus is unlikely to hold side by side.
    let marks = [
        "鳌鹳",
        "鹦鹉螺",
        "鲲鹏翼",
        "麒麟角",
        "貔貅纹",
        "饕餮铭",
        "魑魅影",
    ];
    for k in 0..runs() {
        let at = (k * 7919 + n / 3) % n;
        let word = format!("{}{}", marks[k % marks.len()], k);
        let issue = corrected(&corpus.issues[at], &word, k % 2 == 1);
        let t0 = Instant::now();
        let c0 = cpu_time();
        let Some(updated) = index.with_issue_replaced(at, &issue) else {
            println!("issue {at} not in the index");
            return;
        };
        let t1 = Instant::now();
        let updated = Arc::new(updated);
        updated.warm();
        let t2 = Instant::now();
        let mut searcher = Searcher::new(Arc::clone(&updated), None);
        let hits = searcher.search(&word).unwrap_or_default();
        let t3 = Instant::now();
        cpu.push(cpu_time().saturating_sub(c0));
        let want = updated.doc_of(newstag::article::ArticleAt::new(at, 0));
        assert!(
            hits.first().map(|h| Some(h.doc)) == Some(want),
            "the corrected article is the first hit of {word}"
        );
        update.push(t1 - t0);
        warm.push(t2 - t1);
        search.push(t3 - t2);
        total.push(t3 - t0);
        corpus.issues[at] = issue;
        drop(searcher);
        let t = Instant::now();
        let c = cpu_time();
        cache::save(&root, &cache::stamps(&root), &updated);
        save.push(t.elapsed());
        save_cpu.push(cpu_time().saturating_sub(c));
        index = updated;
    }
    row("index updated for the issue", update);
    row("made ready to search (warm)", warm);
    row("first search of the corrected text", search);
    row("corrected -> search shows it (sum)", total);
    row("  its CPU time (all threads)", cpu);
    row("the update written to the cache", save);
    row("  its CPU time (all threads)", save_cpu);
}

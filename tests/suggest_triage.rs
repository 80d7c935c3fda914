//! Triage and accepting suggestions over a real corpus folder and its sidecars:
//! the order articles come in, what Enter / x / Space / u write, and progress.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::suggest_fixture;

use newstag::article::ArticleAt;
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::suggest::triage::Triage;
use newstag::suggest::{NO_TOPIC, SuggestIndex, Suggester, labels_from_store};
use newstag::tags::{Source, TagStore, sidecar};

fn open(dir: &std::path::Path) -> (Config, Corpus, TagStore, Suggester) {
    let config = Config::builtin();
    let corpus = Corpus::load(dir).unwrap();
    let store = TagStore::open(&corpus, None);
    let index = SuggestIndex::build(&corpus.issues, &config.tags, &|_, _| {});
    let suggester = Suggester::new(index, config.suggest.learn_after);
    (config, corpus, store, suggester)
}

fn title(corpus: &Corpus, at: ArticleAt) -> &str {
    &corpus.issues[at.issue].articles[at.article].title
}

/// The tags saved in the sidecar for the article at `at`, with how each was set.
fn saved(corpus: &Corpus, at: ArticleAt) -> Vec<(String, Source)> {
    let issue = &corpus.issues[at.issue];
    let path = sidecar::sidecar_path(&issue.path, &issue.rel, None);
    let Some(file) = sidecar::read(&path).unwrap() else {
        return Vec::new();
    };
    file.articles
        .iter()
        .filter(|r| r.id == issue.articles[at.article].id)
        .flat_map(|r| r.tags.iter().map(|(t, m)| (t.clone(), m.by)))
        .collect()
}

/// Triage walks only undecided articles, strongest suggestions first, and
/// articles nothing is suggested for last.
#[test]
fn triage_order_puts_likely_articles_first() {
    let dir = tempfile::tempdir().unwrap();
    suggest_fixture::write_corpus(dir.path(), 4);
    let (_config, corpus, mut store, suggester) = open(dir.path());
    let triage = Triage::start(&suggester, &store, &corpus.issues);
    assert_eq!(triage.queue.len(), 16);
    let scores: Vec<f64> = triage
        .queue
        .iter()
        .map(|&at| suggester.best_score(at))
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let last = title(&corpus, *triage.queue.last().unwrap());
    assert!(
        suggest_fixture::PLAIN
            .iter()
            .chain(&suggest_fixture::TRANSPORT)
            .any(|(t, _)| *t == last),
        "{last}"
    );
    let first = triage.queue[0];
    assert!(suggester.best_score(first) > 0.8);
    // A decided article leaves the queue.
    let issue = &corpus.issues[first.issue];
    let target = newstag::tags::Target {
        issue,
        article: &issue.articles[first.article],
    };
    store.toggle(&[target], "heritage", Source::Hand);
    let again = Triage::start(&suggester, &store, &corpus.issues);
    assert_eq!(again.queue.len(), 15);
    assert!(!again.queue.contains(&first));
}

/// Enter saves the suggestions as accepted suggestions, x saves "no topic",
/// Space saves nothing, u undoes the last of these and returns to its article;
/// progress counts decided articles per issue and in the corpus.
#[test]
fn triage_decisions_are_saved_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    suggest_fixture::write_corpus(dir.path(), 4);
    let (config, corpus, mut store, suggester) = open(dir.path());
    let issues = &corpus.issues;
    let min = config.suggest.min_score;
    let mut t = Triage::start(&suggester, &store, issues);
    let first = t.current().unwrap();
    let expected: Vec<String> = suggester
        .suggest_above(first, min)
        .into_iter()
        .map(|s| s.tag)
        .collect();
    assert!(!expected.is_empty());
    let o = t.accept(&mut store, issues, &suggester, min).unwrap();
    assert!(o.ok(), "{}", o.message());
    let got = saved(&corpus, first);
    assert_eq!(
        got.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>(),
        expected
    );
    assert!(
        got.iter().all(|(_, by)| *by == Source::Suggestion),
        "{got:?}"
    );

    let second = t.current().unwrap();
    t.no_topic(&mut store, issues).unwrap();
    assert_eq!(
        saved(&corpus, second),
        [(NO_TOPIC.to_string(), Source::Hand)]
    );

    let third = t.current().unwrap();
    t.skip();
    assert!(saved(&corpus, third).is_empty());
    let p = t.progress(&store, issues);
    assert_eq!((p.corpus_decided, p.corpus_total), (2, 16));
    assert_eq!(p.left, 12);

    // Undo the skip (back to the third), then the "no topic" (back to the second).
    assert!(t.undo(&mut store).is_none());
    assert_eq!(t.current(), Some(third));
    t.undo(&mut store).unwrap();
    assert_eq!(t.current(), Some(second));
    assert!(saved(&corpus, second).is_empty());

    // Keys toggle tags by hand; Enter then keeps that choice.
    t.toggle(&mut store, issues, "environment").unwrap();
    t.accept(&mut store, issues, &suggester, min);
    assert_eq!(
        saved(&corpus, second),
        [("environment".to_string(), Source::Hand)]
    );
    assert_eq!(t.progress(&store, issues).corpus_decided, 2);
}

/// Decisions made in triage teach the classifier: "no topic" and tagged
/// articles become examples once there are enough.
#[test]
fn triage_decisions_become_training_examples() {
    let dir = tempfile::tempdir().unwrap();
    suggest_fixture::write_corpus(dir.path(), 4);
    let (config, corpus, mut store, mut suggester) = open(dir.path());
    suggester.learn_after = 3;
    let issues = &corpus.issues;
    let mut t = Triage::start(&suggester, &store, issues);
    t.accept(&mut store, issues, &suggester, config.suggest.min_score);
    t.no_topic(&mut store, issues);
    let names = suggester.index.keywords.tags.clone();
    suggester.learn(&labels_from_store(&store, issues, &names));
    assert!(!suggester.is_learning());
    t.no_topic(&mut store, issues);
    let labels = labels_from_store(&store, issues, &names);
    assert_eq!(labels.len(), 3);
    assert_eq!(labels.iter().filter(|l| l.tags.is_empty()).count(), 2);
    suggester.learn(&labels);
    assert!(suggester.is_learning());
}

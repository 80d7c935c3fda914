//! The TUI's second start on a corpus is warm (issue 17): the first start shows
//! each issue as soon as it is cut, learns its paper's habits once every issue
//! is read, cuts again the issues they change and swaps them in, so it indexes
//! and caches the cut every later start makes. The second start then reads
//! every issue, the search index and the suggestion features from the caches
//! (no cache file is written again), and shows the articles `newstag articles`
//! prints. The app is driven through its event handler with the real session
//! jobs (loader, indexer, scorer), on real files in a temp dir.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;

use common::cli::Cli;
use common::paper::BODY;
use newstag::config::Config;
use newstag::session::{Notifier, SessionEvent};
use newstag::ui::App;
use newstag::ui::run::{AppEvent, handle};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::time::{Duration, SystemTime};

/// The paper of `common::paper`, and on another day the label under the title
/// again; one page of another section.
fn write_paper(dir: &Path) {
    common::paper::write_paper(dir);
    std::fs::write(
        dir.join("晨报_2025-03-06_第2版.txt"),
        format!("老屋换上了新瓦\n今日关注\n\n木禾\n\n{BODY}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("晨报_2025-03-05_第3版.txt"),
        format!("水渠修到了山脚下\n\n{BODY}\n"),
    )
    .unwrap();
}

/// What one start of the TUI did and showed.
struct Start {
    /// `(issue, id, kicker, title)` of every article the app holds once
    /// everything is ready, in corpus order.
    articles: Vec<(String, String, String, String)>,
    /// The indexer asked for the corpus (no valid index cache).
    indexed_afresh: bool,
    /// Issues the loader cut again with the learned habits.
    recut: usize,
    /// The list as drawn.
    screen: String,
}

/// An app on `root` with the session's loader and indexer started as
/// `ui::run` starts them, and where their events come.
fn session(root: &Path) -> (App, Receiver<SessionEvent>) {
    let config = Config::builtin();
    let (keymap, _) = newstag::ui::keymap::Keymaps::from_config(&config, None);
    let theme = newstag::ui::theme::Theme::new(&config, true);
    let mut app = App::new(config, keymap, theme, root.to_path_buf());
    app.update(newstag::ui::Action::Resize {
        width: 140,
        height: 30,
    });
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let notify = Notifier::new(move |ev| tx.lock().unwrap().send(ev).is_ok());
    app.notify = Some(notify.clone());
    newstag::ui::searching::spawn_indexer(&mut app, root.to_path_buf(), notify.clone());
    newstag::session::loader::spawn_loader(root.to_path_buf(), app.tagging.team.clone(), notify);
    (app, rx)
}

/// The next event of a session's jobs.
fn next(rx: &Receiver<SessionEvent>) -> SessionEvent {
    rx.recv_timeout(Duration::from_secs(120))
        .expect("a job hung")
}

/// Start the TUI's session on `root`, and apply every event until the corpus
/// is loaded, the search index and the suggestions are ready.
fn start(root: &Path) -> Start {
    let (mut app, rx) = session(root);
    run_to_ready(&mut app, &rx, Vec::new())
}

/// Whether the app holds its search index whole (one built afresh comes
/// first without its pinyin four-grams, its cache file not yet written).
fn indexed(app: &App) -> bool {
    app.search
        .index
        .as_ref()
        .is_some_and(|i| !i.fourgrams_pending())
}

/// Handle the session's events until the app holds its search index whole.
fn until_indexed(app: &mut App, rx: &Receiver<SessionEvent>) {
    while !indexed(app) {
        handle(app, AppEvent::Session(next(rx)));
    }
}

/// Apply `held` events, then every event of `rx`, until the corpus is
/// loaded, the search index and the suggestions are ready.
fn run_to_ready(app: &mut App, rx: &Receiver<SessionEvent>, held: Vec<SessionEvent>) -> Start {
    let (mut indexed_afresh, mut recut, mut loaded) = (false, 0, false);
    let mut held = held.into_iter();
    while !(loaded && indexed(app) && app.suggest.suggester.is_some()) {
        let ev = held.next().unwrap_or_else(|| next(rx));
        match &ev {
            SessionEvent::IndexWants => indexed_afresh = true,
            SessionEvent::Recut { issues, .. } => recut += issues.len(),
            SessionEvent::LoadDone(w) => {
                assert!(w.is_empty(), "{w:?}");
                loaded = true;
            }
            SessionEvent::LoadFailed(e) => panic!("{e}"),
            // A failed report of a job let go of is dropped by the app.
            SessionEvent::IndexReady {
                index: Err(e),
                generation,
            } if newstag::ui::searching::is_current(app, *generation) => panic!("{e}"),
            _ => {}
        }
        handle(app, AppEvent::Session(ev));
    }
    let articles = app
        .corpus
        .issues
        .iter()
        .flat_map(|i| {
            i.articles.iter().map(|a| {
                (
                    i.rel.clone(),
                    a.id.clone(),
                    a.kicker.clone(),
                    a.title.clone(),
                )
            })
        })
        .collect();
    Start {
        articles,
        indexed_afresh,
        recut,
        screen: common::screen::screen_text(app),
    }
}

/// The cache files of the corpus at `root`: its folder (the segmented corpus,
/// habits, suggestion features) and its search index.
fn corpus_cache(root: &Path) -> Vec<PathBuf> {
    let hash = newstag::cache::corpus_hash(root);
    let dir = newstag::cache::cache_root().unwrap();
    vec![
        dir.join(format!("corpus-{hash:016x}")),
        dir.join(format!("index-{hash:016x}.bin")),
    ]
}

/// Every cache file (the segmented corpus's pack and shards, the habits, the
/// search index, the suggestion features) with its bytes and modification
/// time; not the manifest, which records the last use.
fn cache_files(cache: &[PathBuf]) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    common::files::snapshot(
        cache
            .iter()
            .flat_map(|p| {
                if p.is_dir() {
                    common::files::files_below(p)
                } else {
                    vec![p.clone()]
                }
            })
            .filter(|p| p.file_name().is_some_and(|n| n != "manifest.json")),
    )
}

/// `(issue, id, kicker, title)` of every article, as `newstag articles --format
/// jsonl` prints them.
fn cli_articles(cli: &Cli, root: &Path) -> Vec<(String, String, String, String)> {
    cli.articles_jsonl(root)
        .iter()
        .map(|v| {
            let field = |k: &str| v[k].as_str().unwrap().to_string();
            (field("issue"), field("id"), field("kicker"), field("title"))
        })
        .collect()
}

/// The home every test of this binary shares (each with a corpus of its own),
/// its caches where this process's sessions keep theirs.
fn home() -> &'static Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| {
        let home = tempfile::tempdir().unwrap();
        // SAFETY: set once, under the OnceLock, before any test of this binary
        // reaches a cache: the session's caches go where the CLI's go.
        unsafe { std::env::set_var("XDG_CACHE_HOME", Cli::in_home(home.path()).cache_dir()) };
        home
    })
    .path()
}

/// A new corpus folder `name` under the test home, holding the paper of
/// `write_paper`.
fn paper_corpus(name: &str) -> PathBuf {
    let root = home().join(name);
    std::fs::create_dir(&root).unwrap();
    write_paper(&root);
    root
}

#[test]
fn the_second_start_reads_everything_from_the_caches_and_shows_what_the_cli_does() {
    let cli = Cli::in_home(home());
    let root = paper_corpus("paper");

    let first = start(&root);
    assert!(first.indexed_afresh, "no cache yet: the index is built");
    assert!(
        first.recut > 0,
        "the learned habits change some cuts: they are cut again"
    );
    // The first start ends showing the cut with the habits: the label under
    // the last day's title is its kicker, not its title.
    let last = first
        .articles
        .iter()
        .find(|a| a.0.contains("03-04"))
        .unwrap();
    assert_eq!(
        (last.2.as_str(), last.3.as_str()),
        ("今日关注", "春耕备耕忙")
    );
    assert!(first.screen.contains("春耕备耕忙"), "{}", first.screen);
    let cached = cache_files(&corpus_cache(&root));
    assert!(
        ["pack", "habits", "suggest"]
            .iter()
            .all(|n| cached.iter().any(|(p, _, _)| p.ends_with(n))),
        "{:?}",
        cached.iter().map(|c| &c.0).collect::<Vec<_>>()
    );
    assert!(
        cached.iter().any(|(p, _, _)| p
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("index-")),
        "the search index is cached"
    );

    std::thread::sleep(Duration::from_millis(20));
    let second = start(&root);
    assert!(!second.indexed_afresh, "the index comes from its cache");
    assert_eq!(second.recut, 0, "nothing is cut again");
    assert_eq!(second.articles, first.articles);
    let again = cache_files(&corpus_cache(&root));
    assert!(
        again == cached,
        "the second start wrote a cache file again: {:?}",
        again
            .iter()
            .zip(&cached)
            .filter(|(a, b)| a != b)
            .map(|(a, _)| &a.0)
            .collect::<Vec<_>>()
    );

    // The CLI prints the same articles (it cuts them again: its shards are
    // keyed by the program, and this test's program is not the CLI's).
    assert_eq!(cli_articles(&cli, &root), second.articles);
}

/// An issue the user tags while the corpus loads, which the learned habits
/// then cut again, is swapped in like the others: its tag goes to the article
/// of the new cut that holds its text, in its sidecar (read back here) and in
/// the app; the index is of one cut, and cached. The next start finds the tag
/// on that article (not an orphan of the issue): the habits moved the title
/// (the first cut took the label under it for part of it), so the article's id
/// changed.
#[test]
fn an_issue_tagged_while_loading_is_cut_again_and_its_tag_carried() {
    let cli = Cli::in_home(home());
    let root = paper_corpus("tagged");
    let (mut app, rx) = session(&root);
    let ids = |app: &App| -> Vec<Vec<String>> {
        app.corpus
            .issues
            .iter()
            .map(|i| i.articles.iter().map(|a| a.id.clone()).collect())
            .collect()
    };
    // Everything up to the first issues cut again.
    let recut = loop {
        match next(&rx) {
            ev @ SessionEvent::Recut { .. } => break ev,
            ev => handle(&mut app, AppEvent::Session(ev)),
        }
    };
    let first_cut = ids(&app);
    let at = app
        .corpus
        .issues
        .iter()
        .position(|i| i.rel.contains("03-04"))
        .unwrap();
    let row = app
        .rows
        .iter()
        .position(|r| *r == newstag::ui::ListRow::article(at, 0))
        .unwrap();
    app.selected = row;
    app.handle_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('1'),
        crossterm::event::KeyModifiers::NONE,
    ));
    // The save ends before the issues cut again are taken in.
    let mut held = vec![recut];
    while app.tagging.saves.pending() > 0 {
        match next(&rx) {
            SessionEvent::TagsSaved => app.tags_saved(),
            ev => held.push(ev),
        }
    }
    let sidecar = app.tagging.store.sidecar_path(&app.corpus.issues[at]);
    let tagged_id = |text: &str| -> Vec<String> {
        let side = newstag::tags::sidecar::parse(text, &sidecar).unwrap();
        side.articles
            .iter()
            .filter(|r| r.tags.contains_key("governance"))
            .map(|r| r.id.clone())
            .collect()
    };
    let before = std::fs::read_to_string(&sidecar).unwrap();
    assert_eq!(tagged_id(&before), [first_cut[at][0].clone()]);

    let first = run_to_ready(&mut app, &rx, held);
    assert!(first.recut > 0);
    let now = ids(&app);
    assert_ne!(now[at], first_cut[at], "the tagged issue is cut again too");
    let (k, article) = app.corpus.issues[at]
        .articles
        .iter()
        .enumerate()
        .find(|(_, a)| a.title == "春耕备耕忙")
        .unwrap();
    assert_eq!(article.kicker, "今日关注");
    assert!(!first_cut[at].contains(&article.id), "its id changed");
    let heir = article.id.clone();
    let tags = |app: &App, k: usize| -> Vec<String> {
        app.tags_of(newstag::article::ArticleAt::new(at, k))
            .into_iter()
            .map(String::from)
            .collect()
    };
    assert_eq!(tags(&app, k), ["governance"]);
    let after = std::fs::read_to_string(&sidecar).unwrap();
    assert_eq!(tagged_id(&after), std::slice::from_ref(&heir), "{after}");
    assert!(
        corpus_cache(&root)[1].exists(),
        "the index of one cut is cached"
    );

    let second = start(&root);
    assert_eq!(second.recut, 0);
    assert!(!second.indexed_afresh, "the index comes from its cache");
    assert_eq!(second.articles, first.articles);
    let tagged: Vec<_> = cli
        .article_tags(&root)
        .into_iter()
        .filter(|(_, _, tags)| !tags.is_empty())
        .collect();
    let rel = app.corpus.issues[at].rel.clone();
    assert_eq!(tagged, [(rel, heir, vec!["governance".to_string()])]);

    // The undo step followed the tag: undoing it takes the tag off the heir.
    app.update(newstag::ui::Action::Undo);
    while app.tagging.saves.pending() > 0 {
        if let SessionEvent::TagsSaved = next(&rx) {
            app.tags_saved();
        }
    }
    assert_eq!(tags(&app, k), Vec::<String>::new());
    let undone = std::fs::read_to_string(&sidecar).unwrap_or_default();
    assert!(!undone.contains("governance"), "{undone}");
}

/// Search `text` in the app's search line ('/' opens it) and wait for the
/// answer; the articles the list then shows.
fn search_in(app: &mut App, text: &str) -> Option<usize> {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    if !app.search.is_active() {
        app.handle_key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE));
    }
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    searched(app)
}

/// Wait for the search the app runs (as typed, or again on a new index); the
/// articles the list then shows.
fn searched(app: &mut App) -> Option<usize> {
    assert!(
        newstag::ui::searching::wait(app, Duration::from_secs(20)),
        "no search answer within 20 s"
    );
    app.filter.as_ref().map(Vec::len)
}

/// A body of the cached search index that fails its check when a search
/// reads it: the status bar names the cache file, the corpus is indexed
/// again, and the query typed is answered from that index with every hit.
#[test]
fn a_damaged_index_cache_is_named_and_built_again() {
    let root = paper_corpus("damaged");
    let query = "shoucheng";
    let (mut app, rx) = session(&root);
    run_to_ready(&mut app, &rx, Vec::new());
    let hits = search_in(&mut app, query);
    assert!(hits.is_some_and(|n| n >= 2), "{hits:?}");
    drop((app, rx));
    // The last body's last character 。 (E3 80 82) becomes ， (EF BC 8C).
    let index = corpus_cache(&root)[1].clone();
    let mut bytes = std::fs::read(&index).unwrap();
    let n = bytes.len();
    assert_eq!(bytes[n - 3..], [0xE3, 0x80, 0x82]);
    bytes[n - 3..].copy_from_slice(&[0xEF, 0xBC, 0x8C]);
    std::fs::write(&index, &bytes).unwrap();

    let (mut app, rx) = session(&root);
    let start = run_to_ready(&mut app, &rx, Vec::new());
    assert!(
        !start.indexed_afresh,
        "the index comes from its (damaged) cache"
    );
    search_in(&mut app, query);
    // The search, or drawing its hits (their matched sentences), reads the
    // damaged body; the run loop asks after every frame.
    let _ = common::screen::screen_text(&app);
    newstag::ui::searching::index_damaged(&mut app);
    let said = app.log.iter().map(|m| m.text.as_str()).collect::<Vec<_>>();
    assert!(
        said.iter()
            .any(|m| m.contains(&index.display().to_string()) && m.contains("damaged")),
        "{said:?}"
    );
    assert!(app.search.index.is_none(), "indexing again");
    until_indexed(&mut app, &rx);
    assert_eq!(searched(&mut app), hits);
    assert_eq!(app.search.input.value(), query);
}

/// The first start keeps an issue of its first cut (marked while loading):
/// its index is never written to the cache for the rest of the session, nor
/// is one a correction makes afterwards, whether it updates the ready index
/// or (the index not ready yet) indexes the corpus again. The next start, which
/// cuts that issue with the habits, indexes afresh instead of reading hits
/// that point at the first cut's articles.
#[test]
fn after_a_mixed_cut_a_corrections_index_is_not_cached() {
    let root = paper_corpus("mixed-corrected");
    let (mut app, rx) = session(&root);
    let recut = loop {
        match next(&rx) {
            ev @ SessionEvent::Recut { .. } => break ev,
            ev => handle(&mut app, AppEvent::Session(ev)),
        }
    };
    let at = |app: &App, day: &str| {
        app.corpus
            .issues
            .iter()
            .position(|i| i.rel.contains(day))
            .unwrap()
    };
    // An article marked for a batch change: its issue keeps its cut.
    let marked = at(&app, "03-04");
    app.selected = app
        .rows
        .iter()
        .position(|r| *r == newstag::ui::ListRow::article(marked, 0))
        .unwrap();
    let ids = |app: &App| -> Vec<String> {
        app.corpus.issues[marked]
            .articles
            .iter()
            .map(|a| a.id.clone())
            .collect()
    };
    let first_cut = ids(&app);
    app.update(newstag::ui::Action::Mark);
    assert_eq!(app.marks.len(), 1);
    assert!(run_to_ready(&mut app, &rx, vec![recut]).recut > 0);
    assert_eq!(ids(&app), first_cut, "the marked issue keeps its cut");
    let index = corpus_cache(&root)[1].clone();
    assert!(!index.exists(), "the index of a mixed cut is not cached");
    // A correction of another issue, the index ready: the issue's documents
    // are indexed again.
    let other = at(&app, "03-01");
    newstag::ui::searching::issue_changed(&mut app, other);
    until_indexed(&mut app, &rx);
    // Two more, the second before the first's index is ready: the corpus is
    // indexed again.
    newstag::ui::searching::issue_changed(&mut app, other);
    newstag::ui::searching::issue_changed(&mut app, other);
    until_indexed(&mut app, &rx);
    assert!(!index.exists(), "no index of the mixed cut is cached");
    drop((app, rx));

    let second = start(&root);
    assert!(second.indexed_afresh, "the mixed index was not cached");
}

/// A correction made while the first start's indexer still makes the pinyin
/// four-grams (the index searched meanwhile lacks them): the corpus is indexed
/// again, so the session gets its four-grams (a patched index would lack them
/// for the rest of the session) and the next start reads the index the
/// correction made from the cache.
#[test]
fn a_correction_before_the_fourgrams_gets_them() {
    let root = paper_corpus("corrected-early");
    // The habits learned and cached (no cut again on the next start); the
    // index cache gone, so the next start builds the index.
    start(&root);
    std::fs::remove_file(&corpus_cache(&root)[1]).unwrap();
    let (mut app, rx) = session(&root);
    // The index made whole is held back until the correction is made while
    // the app searches the one without four-grams (and has the corpus).
    let mut held = Vec::new();
    let correctable = |app: &App| {
        app.search
            .index
            .as_ref()
            .is_some_and(|i| i.fourgrams_pending())
            && !app.corpus.issues.is_empty()
    };
    while !correctable(&app) {
        match next(&rx) {
            ev @ SessionEvent::IndexReady { index: Ok(_), .. } if app.search.index.is_some() => {
                held.push(ev)
            }
            ev => handle(&mut app, AppEvent::Session(ev)),
        }
    }
    newstag::ui::searching::issue_changed(&mut app, 0);
    // The report held is of the job let go of: dropped. Patched, the index
    // would never be whole: no job would report again.
    for ev in held {
        handle(&mut app, AppEvent::Session(ev));
    }
    until_indexed(&mut app, &rx);
    drop((app, rx));
    let second = start(&root);
    assert!(!second.indexed_afresh, "the index was not cached");
}

/// Issue `at` of `app` cut again: `article` put before its articles, and its
/// articles' ids changed when `new_ids`.
fn cut_again(app: &App, at: usize, new_ids: bool) -> newstag::article::Issue {
    let mut issue = app.corpus.issues[at].clone();
    let mut articles = vec![newstag::article::Article {
        id: "cut-again-first".into(),
        title: "新栏目开张了".into(),
        paragraphs: vec![BODY.to_string()].into(),
        ..newstag::article::Article::default()
    }];
    articles.extend(issue.articles.iter().map(|a| newstag::article::Article {
        id: if new_ids {
            format!("{}-again", a.id)
        } else {
            a.id.clone()
        },
        ..a.clone()
    }));
    issue.articles = articles.into();
    issue
}

/// Issues cut again swapped in while a query is typed (the index ready): the
/// query stays in the search line and is answered again, from the index built
/// of the new cut, with the same hits.
#[test]
fn a_swap_keeps_the_query_typed_and_answers_it_again() {
    let root = paper_corpus("swap-typed");
    let query = "shoucheng";
    let (mut app, rx) = session(&root);
    run_to_ready(&mut app, &rx, Vec::new());
    let hits = search_in(&mut app, query);
    assert!(hits.is_some_and(|n| n >= 2), "{hits:?}");
    let at = app
        .corpus
        .issues
        .iter()
        .position(|i| i.rel.contains("03-02"))
        .unwrap();
    let issue = cut_again(&app, at, false);
    // Habits learned anew cut it again: the index cache, stamped with the
    // habits known before, is stale then (here it is removed).
    std::fs::remove_file(&corpus_cache(&root)[1]).unwrap();
    app.recut(vec![(at, issue)], Default::default());
    assert_eq!(app.search.input.value(), query, "the query typed stays");
    until_indexed(&mut app, &rx);
    // Searched again on the new index: the article put first in the issue has
    // the body too.
    assert_eq!(searched(&mut app), hits.map(|n| n + 1));
    assert_eq!(app.search.input.value(), query);
}

/// The article selected in an issue cut again and swapped in stays selected:
/// by its id when the new cut has it (at another place), else by its title;
/// else its issue is.
#[test]
fn a_swap_keeps_the_selection_on_its_article_by_id_else_title() {
    let root = paper_corpus("swap-selected");
    let (mut app, rx) = session(&root);
    run_to_ready(&mut app, &rx, Vec::new());
    let at = app
        .corpus
        .issues
        .iter()
        .position(|i| i.rel.contains("03-03"))
        .unwrap();
    let select = |app: &mut App, row: newstag::ui::ListRow| {
        app.selected = app.rows.iter().position(|r| *r == row).unwrap();
    };
    let selected = |app: &App| {
        app.selected_article()
            .map(|(at, a)| (at, a.id.clone(), a.title.clone()))
    };
    select(&mut app, newstag::ui::ListRow::article(at, 0));
    let (_, id, title) = selected(&app).unwrap();
    assert_eq!(title, "老街装上了电梯");
    let moved = newstag::article::ArticleAt::new(at, 1);

    // Same id, one place down.
    let issue = cut_again(&app, at, false);
    app.recut(vec![(at, issue)], Default::default());
    assert_eq!(selected(&app), Some((moved, id.clone(), title.clone())));

    // Another id, the same title, one more place down.
    let issue = cut_again(&app, at, true);
    let again = issue.articles[2].id.clone();
    app.recut(vec![(at, issue)], Default::default());
    assert_ne!(again, id);
    let moved = newstag::article::ArticleAt::new(at, 2);
    assert_eq!(selected(&app), Some((moved, again, title.clone())));

    // Neither: the issue.
    let mut issue = app.corpus.issues[at].clone();
    issue.articles = vec![newstag::article::Article {
        id: "other".into(),
        title: "别的文章".into(),
        paragraphs: vec![BODY.to_string()].into(),
        ..newstag::article::Article::default()
    }]
    .into();
    app.recut(vec![(at, issue)], Default::default());
    assert_eq!(app.selected_row(), Some(newstag::ui::ListRow::Issue(at)));
    drop((app, rx));
}

/// On a first start the search index is built before the suggestions are
/// scored (both want every core, and searching comes first): once the corpus
/// has loaded, the status bar says `suggesting 0%` and no scoring is reported
/// until the index is ready; then the suggestions come.
#[test]
fn a_first_start_scores_suggestions_once_the_index_is_ready() {
    let root = paper_corpus("index_first");
    let (mut app, rx) = session(&root);
    let mut loaded = false;
    while app.search.index.is_none() {
        let ev = next(&rx);
        match &ev {
            SessionEvent::LoadDone(_) => loaded = true,
            SessionEvent::SuggestProgress(..) | SessionEvent::SuggestDone(..) => {
                panic!("scoring before the index was ready")
            }
            _ => {}
        }
        handle(&mut app, AppEvent::Session(ev));
        if loaded && app.search.index.is_none() {
            let screen = common::screen::screen_text(&app);
            assert!(screen.contains("suggesting 0%"), "{screen}");
        }
    }
    assert!(loaded, "the index was built from the loaded corpus");
    assert!(app.suggest.suggester.is_none());
    while app.suggest.suggester.is_none() {
        handle(&mut app, AppEvent::Session(next(&rx)));
    }
    let screen = common::screen::screen_text(&app);
    assert!(!screen.contains("suggesting"), "{screen}");
}

/// The stories of every article of `app`'s issues, as `(issue, id)` of each
/// part in order, and the note of each article whose jump links nothing.
type StoriesSeen = (Vec<Vec<(String, String)>>, Vec<(String, String, String)>);

fn stories_seen(issues: &[newstag::article::Issue], s: &newstag::story::Stories) -> StoriesSeen {
    let name = |at: &newstag::article::ArticleAt| {
        let issue = &issues[at.issue];
        (issue.rel.clone(), issue.articles[at.article].id.clone())
    };
    let stories = (s.stories.iter())
        .map(|parts| parts.iter().map(name).collect())
        .collect();
    let mut notes = Vec::new();
    for (i, issue) in issues.iter().enumerate() {
        for (a, article) in issue.articles.iter().enumerate() {
            if let Some(n) = s.note(newstag::article::ArticleAt::new(i, a)) {
                notes.push((issue.rel.clone(), article.id.clone(), n.to_string()));
            }
        }
    }
    (stories, notes)
}

/// The stories across pages are linked on the loader once loading is done,
/// not on the screen's thread: none when loading ends, then the same stories
/// (and notes) as linked from the issues the app holds, read whole in the
/// reader. When the app's issues changed before they came, they are linked
/// again from the issues as they are.
#[test]
fn the_loader_links_the_stories_the_app_shows() {
    use common::story_pages::{PAGE1, PAGE3};
    let root = home().join("stories");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(root.join("2024-06-18_第1版.txt"), PAGE1).unwrap();
    std::fs::write(root.join("2024-06-18_第3版.txt"), PAGE3).unwrap();
    // Another day's page 1, its story going on to a page not in the corpus.
    std::fs::write(root.join("2024-06-19_第1版.txt"), PAGE1).unwrap();
    for changed_meanwhile in [false, true] {
        let (mut app, rx) = session(&root);
        let linked = loop {
            match next(&rx) {
                SessionEvent::StoriesLinked(s) => break s,
                SessionEvent::LoadFailed(e) => panic!("{e}"),
                ev => {
                    let done = matches!(ev, SessionEvent::LoadDone(_));
                    handle(&mut app, AppEvent::Session(ev));
                    if done {
                        assert!(app.stories.stories.is_empty(), "not linked by the app");
                    }
                }
            }
        };
        if changed_meanwhile {
            // As a correction made before they came: page 3 no longer holds
            // the story's second part.
            let at = (app.corpus.issues.iter())
                .position(|i| i.rel.contains("06-18_第3版"))
                .unwrap();
            let issue = &mut app.corpus.issues[at];
            issue.articles = issue.articles[..1].to_vec().into();
        }
        handle(
            &mut app,
            AppEvent::Session(SessionEvent::StoriesLinked(linked)),
        );
        let issues = &app.corpus.issues;
        let now = stories_seen(issues, &newstag::story::Stories::link(issues));
        assert_eq!(stories_seen(issues, &app.stories), now);
        assert_eq!(now.0.len(), usize::from(!changed_meanwhile), "{now:?}");
        assert!(
            now.1.iter().any(|n| n.2.contains("not in the corpus")),
            "{now:?}"
        );
        if !changed_meanwhile {
            let first = (app.rows.iter())
                .position(|r| match *r {
                    newstag::ui::ListRow::Article(at) => {
                        app.stories.story_of(at).is_some_and(|(_, n)| n == 1)
                    }
                    newstag::ui::ListRow::Issue(_) => false,
                })
                .unwrap();
            while app.selected < first {
                app.handle_key(crossterm::event::KeyEvent::new(
                    crossterm::event::KeyCode::Char('j'),
                    crossterm::event::KeyModifiers::NONE,
                ));
            }
            let screen = common::screen::screen_text(&app);
            assert!(screen.contains("part 1 of 2"), "{screen}");
        }
        drop((app, rx));
    }
}

/// A tag toggled on a story's part after the corpus has loaded but before the
/// loader's stories came does what the screen showed it would, as it would
/// after: taken off a part that shows it, it goes from every part of the story
/// (the part on the other page loses it in its sidecar too); pressed on a part
/// that showed no tag, it takes nothing off the other part.
#[test]
fn a_tag_toggled_on_a_story_before_its_stories_come_does_what_the_screen_showed() {
    // Both parts hold the tag; the page-1 part shows it: it goes from both.
    let (p1, p3) =
        toggle_in_story_window("story_window_both", &["商铺陆续开业", "修缮历史建筑32栋"]);
    assert!(p1.is_empty() && p3.is_empty(), "{p1:?} {p3:?}");
    // Only page 3's part holds it; the page-1 part showed none: it is not
    // taken off page 3 (the story shows it on both parts once linked).
    let (p1, p3) = toggle_in_story_window("story_window_one", &["修缮历史建筑32栋"]);
    assert_eq!(p3, ["governance"], "{p1:?}");
}

/// Tag (key `1`) the parts holding `seeded` texts in an earlier session, then,
/// between the end of loading and the loader's stories, press `1` on the
/// page-1 part; the loader's stories then come. The tags in the sidecars of
/// page 1 and page 3 after.
fn toggle_in_story_window(dir: &str, seeded: &[&str]) -> (Vec<String>, Vec<String>) {
    use common::story_pages::{PAGE1, PAGE3};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let root = home().join(dir);
    std::fs::create_dir(&root).unwrap();
    std::fs::write(root.join("2024-06-18_第1版.txt"), PAGE1).unwrap();
    std::fs::write(root.join("2024-06-18_第3版.txt"), PAGE3).unwrap();
    let press = |app: &mut App, c: char| {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    };
    let select = |app: &mut App, text: &str| {
        let k = (app.rows.iter())
            .position(|r| match *r {
                newstag::ui::ListRow::Article(at) => app.corpus.issues[at.issue].articles
                    [at.article]
                    .paragraphs
                    .iter()
                    .any(|p| p.contains(text)),
                newstag::ui::ListRow::Issue(_) => false,
            })
            .unwrap_or_else(|| panic!("no article with {text}"));
        press(app, 'g');
        for _ in 0..app.rows.len() {
            if app.selected >= k {
                break;
            }
            press(app, 'j');
        }
        assert_eq!(app.selected, k, "j moves down to {text}");
    };
    let sidecar_tags = |name: &str| -> Vec<String> {
        match newstag::tags::sidecar::read(&root.join(name)).unwrap() {
            Some(s) => (s.articles.into_iter())
                .flat_map(|a| a.tags.into_keys())
                .collect(),
            None => Vec::new(),
        }
    };
    // Set in earlier sessions, each part alone: its page tagged in a folder of
    // its own (no story to carry the tag), the sidecar then put beside it.
    for (n, text) in seeded.iter().enumerate() {
        let (name, page) = if PAGE1.contains(text) {
            ("2024-06-18_第1版", PAGE1)
        } else {
            ("2024-06-18_第3版", PAGE3)
        };
        let alone = home().join(format!("{dir}_seed{n}"));
        std::fs::create_dir(&alone).unwrap();
        std::fs::write(alone.join(format!("{name}.txt")), page).unwrap();
        let corpus = newstag::corpus::Corpus::load(&alone).unwrap();
        let mut app = App::with_issues(Config::builtin(), corpus.issues, 140, 30);
        app.corpus.root = alone.clone();
        select(&mut app, text);
        press(&mut app, '1');
        drop(app);
        let sidecar = format!("{name}.tags.toml");
        std::fs::copy(alone.join(&sidecar), root.join(&sidecar)).unwrap();
    }
    assert_eq!(sidecar_tags("2024-06-18_第3版.tags.toml"), ["governance"]);

    let (mut app, rx) = session(&root);
    // Every event up to the end of loading; the loader's stories held back.
    let mut held = Vec::new();
    loop {
        match next(&rx) {
            SessionEvent::LoadFailed(e) => panic!("{e}"),
            SessionEvent::StoriesLinked(s) => held.push(SessionEvent::StoriesLinked(s)),
            ev => {
                let done = matches!(ev, SessionEvent::LoadDone(_));
                handle(&mut app, AppEvent::Session(ev));
                if done {
                    break;
                }
            }
        }
    }
    assert!(
        app.stories.stories.is_empty(),
        "the loader's stories not in"
    );
    select(&mut app, "商铺陆续开业");
    press(&mut app, '1');
    // The save done, the loader's stories still held back.
    while app.tagging.saves.pending() > 0 {
        match next(&rx) {
            SessionEvent::StoriesLinked(s) => held.push(SessionEvent::StoriesLinked(s)),
            ev => handle(&mut app, AppEvent::Session(ev)),
        }
    }
    let tags = (
        sidecar_tags("2024-06-18_第1版.tags.toml"),
        sidecar_tags("2024-06-18_第3版.tags.toml"),
    );
    while held.is_empty() {
        match next(&rx) {
            SessionEvent::StoriesLinked(s) => held.push(SessionEvent::StoriesLinked(s)),
            ev => handle(&mut app, AppEvent::Session(ev)),
        }
    }
    // The reader scrolled down the story, as a user reading it would.
    assert!(app.reader.lines.len() > 3, "{:?}", app.reader.lines.len());
    app.reader.scroll = 3;
    let (selected, row) = (app.selected, app.reader.row);
    for ev in held {
        handle(&mut app, AppEvent::Session(ev));
    }
    assert_eq!(app.stories.stories.len(), 1);
    assert_eq!(app.selected, selected, "the loader's stories move nothing");
    assert_eq!(
        (app.reader.scroll, &app.reader.row),
        (3, &row),
        "the reader stays where it was"
    );
    let shown = !tags.0.is_empty() || !tags.1.is_empty();
    for part in &app.stories.stories[0] {
        assert_eq!(!app.tags_of(*part).is_empty(), shown, "{part:?}");
    }
    drop((app, rx));
    tags
}

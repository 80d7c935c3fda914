//! The search line in the TUI: live filtering through the search thread, hit count,
//! highlights on the right cells of Chinese text in the list and the reader,
//! n/N, Enter/Esc, malformed queries (ratatui TestBackend + insta).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;
use crate::ui_fixture;

use common::screen::{drawn_buffer, drawn_terminal, marked_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newstag::article::ArticleAt;
use newstag::config::Config;
use newstag::search::SearchIndex;
use newstag::ui::layout::Pane;
use newstag::ui::searching;
use newstag::ui::{Action, App, ListRow, Overlay};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Color;
use std::time::Duration;
use unicode_width::UnicodeWidthStr;

fn app(width: u16, height: u16) -> App {
    let issues = ui_fixture::fixture_issues();
    let index = SearchIndex::build_from_issues(&issues);
    let mut app = App::with_issues(Config::builtin(), issues, width, height);
    searching::index_ready(&mut app, index);
    app
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Type `text` into the search line a character at a time, then wait for the
/// answer to the last keystroke.
fn type_query(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
    assert!(
        searching::wait(app, Duration::from_secs(20)),
        "no answer for {text}"
    );
}

/// A cell the search highlights.
fn is_highlight(cell: &Cell) -> bool {
    cell.bg == Color::Yellow
}

fn highlighted(buf: &Buffer, x: u16, y: u16) -> bool {
    is_highlight(&buf[(x, y)])
}

/// The screen as text, highlighted runs in [brackets], wide characters once.
fn marked_screen(buf: &Buffer) -> String {
    marked_text(buf, buf.area, is_highlight)
}

/// The screen column where character `k` of `line`'s text starts, given the
/// row's text as drawn (wide characters take two cells).
fn column_of(buf: &Buffer, y: u16, needle: &str) -> Option<u16> {
    let mut x = 0;
    while x < buf.area.width {
        let mut s = String::new();
        let mut xx = x;
        while s.chars().count() < needle.chars().count() && xx < buf.area.width {
            let sym = buf[(xx, y)].symbol();
            s.push_str(sym);
            xx += UnicodeWidthStr::width(sym).max(1) as u16;
        }
        if s == needle {
            return Some(x);
        }
        x += UnicodeWidthStr::width(buf[(x, y)].symbol()).max(1) as u16;
    }
    None
}

fn row_of(buf: &Buffer, needle: &str) -> Option<u16> {
    (0..buf.area.height).find(|&y| column_of(buf, y, needle).is_some())
}

/// A pinyin query filters the list, best match first, counts the hits, and
/// highlights exactly the cells of the matched Chinese characters.
#[test]
fn pinyin_query_filters_and_highlights_the_right_cells() {
    let mut app = app(100, 24);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode, Overlay::Search);
    type_query(&mut app, "fwz");
    assert_eq!(
        app.filter.as_ref().unwrap()[0],
        ArticleAt::new(0, 0),
        "服务站 first"
    );
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 0)));
    let buf = drawn_buffer(&app);
    let screen = marked_screen(&buf);
    assert!(screen.contains("hit"), "{screen}");
    let y = row_of(&buf, "老街巷里的便民服务站").expect("title row");
    let x = column_of(&buf, y, "服务站").unwrap();
    // Each wide character starts a two-cell pair: 服 at x, 务 at x+2, 站 at x+4.
    for k in [0, 2, 4] {
        assert!(highlighted(&buf, x + k, y), "cell {k} of 服务站");
    }
    assert!(!highlighted(&buf, x - 2, y), "便 is not a match");
    assert!(!highlighted(&buf, x + 6, y), "nothing after 站");
    insta::assert_snapshot!("search_pinyin_fwz", screen);
}

/// Chinese words highlight in the list and in the reader at a narrow width, and
/// n/N move between the reader's matching lines.
#[test]
fn chinese_words_highlight_in_reader_and_n_jumps() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    type_query(&mut app, "服务");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Overlay::Panes);
    assert!(app.filter.is_some(), "Enter keeps the filter");
    app.update(Action::Open);
    assert_eq!(app.focus, Pane::Reader);
    app.update(Action::NextMatch);
    let first = app.search.reader_match.expect("a match line");
    app.update(Action::NextMatch);
    let second = app.search.reader_match.unwrap();
    assert!(second > first, "n goes forward: {first} -> {second}");
    app.update(Action::PrevMatch);
    assert_eq!(app.search.reader_match, Some(first));
    let buf = drawn_buffer(&app);
    let screen = marked_screen(&buf);
    assert!(screen.contains("[服务]"), "{screen}");
    insta::assert_snapshot!("search_reader_80x24", screen);
}

/// Esc clears the query and brings the whole list back, still on the article the
/// search found (not on the top of the corpus).
#[test]
fn esc_clears_the_filter() {
    let mut app = app(100, 24);
    let all = app.rows.len();
    press(&mut app, KeyCode::Char('/'));
    type_query(&mut app, "湿地");
    assert_eq!(app.filter.as_ref().map(Vec::len), Some(1));
    let found = app.selected_row();
    assert!(matches!(found, Some(ListRow::Article(..))), "{found:?}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Overlay::Panes);
    assert!(app.filter.is_none());
    assert_eq!(app.rows.len(), all);
    assert!(app.search.input.value().is_empty());
    assert_eq!(
        app.selected_row(),
        found,
        "the found article stays selected"
    );
}

/// `tag:` with a tag nobody has is an error in the search line, as `kind:bogus`
/// is, and names the known tags; a tag name with a space is written in quotes.
#[test]
fn unknown_tag_is_an_error_naming_the_known_ones() {
    let mut app = app(100, 24);
    press(&mut app, KeyCode::Char('/'));
    for c in "tag:nosuch".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let e = app.search.error.clone().expect("an error");
    let message = e.to_string();
    assert!(message.contains("no tag `nosuch`"), "{message}");
    let first = &app.config.tags[0].name;
    assert!(message.contains(first.as_str()), "{message}");
}

/// A malformed query is shown as such in the search line; the list keeps the last
/// results; nothing panics.
#[test]
fn malformed_query_is_shown_not_a_crash() {
    let mut app = app(100, 24);
    press(&mut app, KeyCode::Char('/'));
    type_query(&mut app, "湿地");
    for c in " kind:zz".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert!(app.search.error.is_some());
    assert_eq!(app.filter.as_ref().map(Vec::len), Some(1));
    let screen = marked_screen(&drawn_buffer(&app));
    assert!(screen.contains("bad query"), "{screen}");
}

/// The hardware cursor sits at the caret, after the wide characters typed.
#[test]
fn cursor_follows_the_caret_over_wide_characters() {
    let mut app = app(100, 24);
    press(&mut app, KeyCode::Char('/'));
    type_query(&mut app, "湿地");
    let mut terminal = drawn_terminal(&app);
    let pos = terminal.get_cursor_position().unwrap();
    let buf = terminal.backend().buffer().clone();
    let line = row_of(&buf, "/湿地").expect("the search line");
    // "/" then two wide characters: the caret is at column 5 of the search line.
    assert_eq!((pos.x, pos.y), (5, line));
}

/// A search made while the corpus is still loading is run again once it has
/// loaded, so hits in issues that were not there yet appear.
#[test]
fn search_during_loading_catches_up() {
    let issues = ui_fixture::fixture_issues();
    let index = SearchIndex::build_from_issues(&issues);
    let mut app = App::with_issues(Config::builtin(), issues[..1].to_vec(), 100, 24);
    app.set_loading(1, 2);
    searching::index_ready(&mut app, index);
    press(&mut app, KeyCode::Char('/'));
    type_query(&mut app, "古戏台");
    assert!(
        !app.rows
            .iter()
            .any(|r| matches!(r, ListRow::Article(at) if at.issue == 1))
    );
    app.push_issues(issues[1..].to_vec());
    app.finish_loading(Vec::new());
    searching::corpus_loaded(&mut app);
    assert!(searching::wait(&mut app, Duration::from_secs(20)));
    assert!(
        app.rows
            .iter()
            .any(|r| matches!(r, ListRow::Article(at) if at.issue == 1)),
        "{:?}",
        app.rows
    );
}

/// Pinyin finds an article whose words are only in its body (养老助餐, typed as
/// `ylzc`), and the reader highlights exactly the cells of those characters.
#[test]
fn pinyin_body_hit_highlights_the_characters_in_the_reader() {
    let mut app = app(100, 30);
    press(&mut app, KeyCode::Char('/'));
    type_query(&mut app, "ylzc");
    // Also the 古戏台 feature: its 台历次重 reads yí lì zī chóng (polyphonic
    // characters match any reading), side by side as the rules ask.
    assert_eq!(
        app.filter.as_deref(),
        Some(&[ArticleAt::new(0, 0), ArticleAt::new(1, 0)][..]),
        "the article with 养老助餐 in its body"
    );
    press(&mut app, KeyCode::Enter);
    app.update(Action::Open);
    let buf = drawn_buffer(&app);
    let screen = marked_screen(&buf);
    assert!(screen.contains("[养老助餐]"), "{screen}");
    let y = row_of(&buf, "养老助餐").expect("the reader line");
    let x = column_of(&buf, y, "养老助餐").unwrap();
    for k in [0, 2, 4, 6] {
        assert!(highlighted(&buf, x + k, y), "cell {k} of 养老助餐");
    }
    assert!(!highlighted(&buf, x - 2, y), "把 is not a match");
    assert!(!highlighted(&buf, x + 8, y), "、 is not a match");
}

/// An app whose config saves two searches.
fn app_with_saved(width: u16, height: u16) -> App {
    let user = "[searches]\nbirds = \"湿地|候鸟\"\nservice = \"服务 kind:news\"\n";
    let (config, errors) = Config::overlay(user, std::path::Path::new("config.toml"));
    assert!(errors.is_empty(), "{errors:?}");
    let issues = ui_fixture::fixture_issues();
    let index = SearchIndex::build_from_issues(&issues);
    let mut app = App::with_issues(config, issues, width, height);
    searching::index_ready(&mut app, index);
    app
}

/// `@name` in the search line runs the saved query, ANDed with the other
/// words; an unknown name is an error naming the saved ones.
#[test]
fn saved_search_runs_by_name_in_the_search_line() {
    let mut app = app_with_saved(100, 24);
    press(&mut app, KeyCode::Char('/'));
    type_query(&mut app, "@birds");
    assert_eq!(app.filter.as_ref().map(Vec::len), Some(1));
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 1)));
    let screen = marked_screen(&drawn_buffer(&app));
    assert!(screen.contains("[湿地]公园迎来[候鸟]季"), "{screen}");
    // ANDed with more words: 服务 and a news article.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('/'));
    type_query(&mut app, "@service 便民");
    assert_eq!(app.filter.as_ref().map(Vec::len), Some(1));
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 0)));
    // An unknown name.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('/'));
    for c in "湿地 @nosuch".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let e = app.search.error.clone().expect("an error");
    assert_eq!(e.span(), 3..10, "points at @nosuch");
    let message = e.to_string();
    assert!(
        message.contains("@nosuch") && message.contains("@birds, @service"),
        "{message}"
    );
    let screen = marked_screen(&drawn_buffer(&app));
    assert!(screen.contains("no saved search @nosuch"), "{screen}");
}

/// `@` lists the saved searches; typing part of a name narrows the list and
/// Enter runs the one picked in the search line.
#[test]
fn saved_search_picker_lists_and_runs_them() {
    let mut app = app_with_saved(100, 24);
    press(&mut app, KeyCode::Char('@'));
    assert!(matches!(app.mode, Overlay::PickSearch(_)), "{:?}", app.mode);
    let screen = marked_screen(&drawn_buffer(&app));
    assert!(screen.contains("Run a saved search"), "{screen}");
    assert!(
        screen.contains("@birds") && screen.contains("湿地|候鸟"),
        "{screen}"
    );
    assert!(screen.contains("@service"), "{screen}");
    press(&mut app, KeyCode::Char('b'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Overlay::Search);
    assert_eq!(app.search.input.value(), "@birds");
    assert!(searching::wait(&mut app, Duration::from_secs(20)));
    assert_eq!(app.filter.as_ref().map(Vec::len), Some(1));
    assert_eq!(app.selected_row(), Some(ListRow::article(0, 1)));
    // Esc in the picker closes it and runs nothing.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('@'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Overlay::Panes);
    assert!(app.filter.is_none());
}

/// Without saved searches the picker says how to make one.
#[test]
fn saved_search_picker_says_how_to_save_one() {
    let mut app = app(100, 24);
    press(&mut app, KeyCode::Char('@'));
    let screen = marked_screen(&drawn_buffer(&app));
    assert!(screen.contains("[searches]"), "{screen}");
}

/// An app keeping its search history in `file` as a run does: the file is
/// read, and each query kept is added to it, by the session's history job,
/// whose reports come back through the returned channel (the read's is
/// applied before this returns).
fn keeps_history_in(
    app: &mut App,
    file: &std::path::Path,
) -> std::sync::mpsc::Receiver<newstag::session::SessionEvent> {
    use newstag::session::Notifier;
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    app.notify = Some(Notifier::new(move |ev| tx.lock().unwrap().send(ev).is_ok()));
    app.search.history = newstag::search::history::SearchHistory::at(file);
    searching::keep_history(app, file.to_path_buf(), None);
    history_report(app, &rx);
    rx
}

/// Wait for the history job's next report and apply it, as the run loop does.
fn history_report(app: &mut App, rx: &std::sync::mpsc::Receiver<newstag::session::SessionEvent>) {
    loop {
        match rx.recv_timeout(Duration::from_secs(30)).unwrap() {
            newstag::session::SessionEvent::HistoryKept(kept) => {
                return searching::history_kept(app, kept);
            }
            _ => continue,
        }
    }
}

/// Search for `q` and keep it with Enter; the history job's report applied.
fn search_and_keep(
    app: &mut App,
    rx: &std::sync::mpsc::Receiver<newstag::session::SessionEvent>,
    q: &str,
) {
    press(app, KeyCode::Char('/'));
    for c in q.chars() {
        press(app, KeyCode::Char(c));
    }
    let well_formed = app.search.error.is_none();
    if well_formed {
        assert!(searching::wait(app, Duration::from_secs(20)));
    }
    press(app, KeyCode::Enter);
    if well_formed {
        history_report(app, rx);
    }
    press(app, KeyCode::Char('/'));
    press(app, KeyCode::Esc);
}

/// Enter keeps the query in the history file (written by a session job, off
/// the UI thread); a new app on the same file walks it with Up (newest
/// first) and Down (back to what was typed), and each query shown is
/// searched.
#[test]
fn search_history_is_walked_with_up_and_down_and_kept_between_runs() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data").join("search_history");
    let mut app = app(100, 24);
    let rx = keeps_history_in(&mut app, &file);
    for q in ["服务", "湿地", "服务", "kind:zz"] {
        search_and_keep(&mut app, &rx, q);
    }
    // Duplicates collapse to the newest; a malformed query is not kept.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "湿地\n服务\n");

    let mut next_run = self::app(100, 24);
    let _rx = keeps_history_in(&mut next_run, &file);
    press(&mut next_run, KeyCode::Char('/'));
    press(&mut next_run, KeyCode::Char('候'));
    press(&mut next_run, KeyCode::Up);
    assert_eq!(next_run.search.input.value(), "服务");
    let fresh = |q: &str| {
        let mut a = self::app(100, 24);
        press(&mut a, KeyCode::Char('/'));
        type_query(&mut a, q);
        a.filter.clone()
    };
    while next_run.search.searching {
        assert!(searching::wait(&mut next_run, Duration::from_secs(20)));
    }
    assert_eq!(next_run.filter, fresh("服务"), "服务 is searched");
    press(&mut next_run, KeyCode::Up);
    assert_eq!(next_run.search.input.value(), "湿地");
    while next_run.search.searching {
        assert!(searching::wait(&mut next_run, Duration::from_secs(20)));
    }
    assert_eq!(next_run.filter, fresh("湿地"));
    press(&mut next_run, KeyCode::Up);
    assert_eq!(next_run.search.input.value(), "湿地", "the oldest stays");
    press(&mut next_run, KeyCode::Down);
    assert_eq!(next_run.search.input.value(), "服务");
    press(&mut next_run, KeyCode::Down);
    assert_eq!(
        next_run.search.input.value(),
        "候",
        "back to what was typed"
    );
    // Ctrl-n moves through the results instead.
    while next_run.search.searching {
        assert!(searching::wait(&mut next_run, Duration::from_secs(20)));
    }
    let before = next_run.selected;
    next_run.handle_key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL));
    assert_eq!(next_run.search.input.value(), "候");
    assert_ne!(next_run.selected, before);
}

/// Two windows on one history file: each query kept in either is in the
/// file, in the order kept, and each window walks the other's too once its
/// own write reports; a third run reads them all.
#[test]
fn search_history_of_two_windows_merges() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("search_history");
    std::fs::write(&file, "旧\n").unwrap();
    let (mut one, mut two) = (app(100, 24), app(100, 24));
    let rx_one = keeps_history_in(&mut one, &file);
    let rx_two = keeps_history_in(&mut two, &file);
    assert_eq!(one.search.history.entries(), ["旧"], "read at start");
    search_and_keep(&mut one, &rx_one, "服务");
    search_and_keep(&mut two, &rx_two, "湿地");
    search_and_keep(&mut one, &rx_one, "保护");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "旧\n服务\n湿地\n保护\n"
    );
    assert_eq!(one.search.history.entries(), ["旧", "服务", "湿地", "保护"]);
    press(&mut one, KeyCode::Char('/'));
    press(&mut one, KeyCode::Up);
    press(&mut one, KeyCode::Up);
    assert_eq!(one.search.input.value(), "湿地", "the other window's query");
    let mut third = app(100, 24);
    let _rx = keeps_history_in(&mut third, &file);
    assert_eq!(
        third.search.history.entries(),
        ["旧", "服务", "湿地", "保护"]
    );
}

/// The row of the list pane's inside `inner` that holds `needle`, with its
/// highlighted runs in [brackets].
fn list_row(buf: &Buffer, inner: Rect, needle: &str) -> (u16, String) {
    (inner.y..inner.bottom())
        .map(|y| {
            let row = marked_text(
                buf,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                is_highlight,
            );
            (y, row)
        })
        .find(|(_, row)| row.replace(['[', ']'], "").contains(needle))
        .unwrap_or_else(|| panic!("no list row with {needle}"))
}

/// The list row of a hit outside the title shows, after the title, the
/// sentence that matched with the hit highlighted, cut by display width
/// around the hit (wide characters whole, inside the pane), at 80 and 120
/// columns; a title hit shows no snippet.
#[test]
fn hits_outside_the_title_show_their_sentence_in_the_list() {
    for width in [80u16, 120] {
        for (query, title, hit, around) in [
            ("水质", "湿地公园", "水质", "园区"),
            ("十五分钟", "老街巷", "十五分钟", "推进"),
        ] {
            let mut app = app(width, 24);
            press(&mut app, KeyCode::Char('/'));
            type_query(&mut app, query);
            press(&mut app, KeyCode::Enter);
            let list = app.areas().list.expect("a list pane");
            let inner = newstag::ui::layout::inner(list);
            let buf = drawn_buffer(&app);
            let (y, row) = list_row(&buf, inner, title);
            let row = row.trim_end();
            assert!(
                row.contains(&format!("[{hit}]")),
                "{width} cols, {query}: {row}"
            );
            assert!(row.contains(around), "{width} cols: {row}");
            assert!(row.contains('│'), "{width} cols: {row}");
            // Inside the pane: the row's text fits its width, and the cell
            // after the pane's inside is the border.
            let drawn: String = row.replace(['[', ']'], "");
            assert!(
                drawn.width() <= inner.width as usize,
                "{width} cols: {drawn}"
            );
            assert_eq!(buf[(inner.right(), y)].symbol(), "│");
        }
        // A hit in the title: no snippet.
        let mut app = app(width, 24);
        press(&mut app, KeyCode::Char('/'));
        type_query(&mut app, "湿地");
        let buf = drawn_buffer(&app);
        let list = newstag::ui::layout::inner(app.areas().list.unwrap());
        let (_, row) = list_row(&buf, list, "湿地公园");
        assert!(!row.contains('│'), "{row}");
    }
}

/// Hits ranked with their issues interleaved (a title hit of each issue
/// above the body hits of both) are listed with each issue once, in the
/// order of its best hit, its hits in rank order under it (issue 14).
#[test]
fn results_show_each_issue_once() {
    use newstag::article::{Article, Issue};
    use newstag::search::{Matcher, Query};
    let article = |k: usize, title: &str, body: &str| Article {
        id: format!("a{k}"),
        index: k,
        title: title.into(),
        paragraphs: vec![body.into()].into(),
        ..Article::default()
    };
    let issue = |rel: &str, date: &str, articles: Vec<Article>| Issue {
        rel: rel.into(),
        date: Some(date.into()),
        articles: articles.into(),
        ..Issue::default()
    };
    let issues = vec![
        issue(
            "2024-05-01.txt",
            "2024-05-01",
            vec![
                article(0, "天气", "今日社区停水。"),
                article(1, "社区治理新篇", "正文。"),
            ],
        ),
        issue(
            "2024-05-02.txt",
            "2024-05-02",
            vec![
                article(0, "社区义诊", "正文。"),
                article(1, "天气", "社区志愿者上门。"),
            ],
        ),
    ];
    let index = SearchIndex::build_from_issues(&issues);
    let ranked: Vec<(usize, usize)> = Matcher::new(&index, &Query::parse("社区").unwrap(), None)
        .run(None)
        .iter()
        .map(|h| {
            let r = index.article_at(h.doc).unwrap();
            (r.issue, r.article)
        })
        .collect();
    let order: Vec<usize> = ranked.iter().map(|&(i, _)| i).collect();
    assert!(
        order.windows(2).filter(|w| w[0] != w[1]).count() > 1,
        "the ranking interleaves the issues: {ranked:?}"
    );
    let mut app = App::with_issues(Config::builtin(), issues, 100, 24);
    searching::index_ready(&mut app, index);
    press(&mut app, KeyCode::Char('/'));
    type_query(&mut app, "社区");
    let mut shown: Vec<ListRow> = Vec::new();
    let best = ranked[0].0;
    for i in [best, 1 - best] {
        shown.push(ListRow::Issue(i));
        for &(hi, a) in &ranked {
            if hi == i {
                shown.push(ListRow::article(i, a));
            }
        }
    }
    assert_eq!(app.rows, shown, "ranked {ranked:?}");
}

/// An index reported by an indexing job the app let go of when the corpus
/// changed (a correction; the job had already sent it) never stands in for
/// the index of the corpus as it is now, whether it arrives before that one
/// or after it: its hits would be articles as they were, and a corrected title
/// would not be found.
#[test]
fn an_index_of_the_corpus_before_a_correction_is_dropped() {
    use newstag::session::SessionEvent;
    use newstag::ui::run::{AppEvent, handle};
    let issues = ui_fixture::fixture_issues();
    let before = SearchIndex::build_from_issues(&issues);
    // The correction gave issue 0's first article a new title.
    let retitled = "鹬蚌相争渔翁新解";
    let mut now = issues.clone();
    let mut articles = issues[0].articles.to_vec();
    articles[0].title = retitled.to_string();
    now[0].articles = articles.into();
    let mut app = App::with_issues(Config::builtin(), now.clone(), 100, 24);
    searching::corpus_changed(&mut app);
    let report = |app: &mut App, generation: u64, index: SearchIndex| {
        let index = Ok(std::sync::Arc::new(index));
        handle(
            app,
            AppEvent::Session(SessionEvent::IndexReady { generation, index }),
        );
    };
    let stale = app.search.corpus_changes() - 1;
    report(&mut app, stale, before.clone());
    assert!(app.search.index.is_none(), "the stale index was installed");
    let current = app.search.corpus_changes();
    report(&mut app, current, SearchIndex::build_from_issues(&now));
    report(&mut app, stale, before);
    press(&mut app, KeyCode::Char('/'));
    type_query(&mut app, retitled);
    let first = app.rows.iter().find(|r| matches!(r, ListRow::Article(_)));
    assert!(
        matches!(first, Some(ListRow::Article(at)) if at.issue == 0 && at.article == 0),
        "the corrected title is not found first: {:?}",
        app.rows
    );
}

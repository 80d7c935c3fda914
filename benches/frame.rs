//! Drawing one frame of the TUI with a big corpus loaded: the target is under
//! 2 ms, whatever the corpus size (only the rows in view are built).
//!
//! `cargo bench --bench frame` (corpus: $NEWSTAG_BENCH_CORPUS, else /work/corpus10k;
//! skipped with a message when absent).

use criterion::{Criterion, criterion_group, criterion_main};
use newstag::config::Config;
use newstag::corpus::Corpus;
use newstag::ui::{Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn corpus_path() -> PathBuf {
    std::env::var_os("NEWSTAG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/corpus10k"))
}

fn frame(c: &mut Criterion) {
    let root = corpus_path();
    if !root.exists() {
        eprintln!("frame bench skipped: no corpus at {}", root.display());
        return;
    }
    let t = Instant::now();
    let Ok(corpus) = Corpus::load(&root) else {
        eprintln!("frame bench skipped: cannot load {}", root.display());
        return;
    };
    let (issues, articles) = (corpus.issues.len(), corpus.article_count());
    eprintln!(
        "loaded {issues} issues, {articles} articles in {:?}",
        t.elapsed()
    );
    let mut app = App::with_issues(Config::builtin(), corpus.issues, 200, 60);
    // Somewhere in the middle, an article open in the reader.
    for _ in 0..3 {
        app.update(Action::PageDown);
    }
    app.update(Action::MoveDown);
    let mut group = c.benchmark_group("frame");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for (w, h) in [(200u16, 60u16), (80, 24)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        group.bench_function(format!("render {w}x{h}"), |b| {
            b.iter(|| {
                buf.reset();
                (&app).render(area, &mut buf);
            })
        });
        let mut terminal = match Terminal::new(TestBackend::new(w, h)) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("frame bench: {e}");
                return;
            }
        };
        group.bench_function(format!("draw+diff {w}x{h}"), |b| {
            b.iter(|| terminal.draw(|f| newstag::ui::draw(&app, f)).map(|_| ()))
        });
    }
    // The cost of a key press that moves the selection and re-wraps the reader.
    app.update(Action::Resize {
        width: 200,
        height: 60,
    });
    group.bench_function("move + render 200x60", |b| {
        let area = Rect::new(0, 0, 200, 60);
        let mut buf = Buffer::empty(area);
        let mut down = true;
        b.iter(|| {
            app.update(if down {
                Action::MoveDown
            } else {
                Action::MoveUp
            });
            down = !down;
            buf.reset();
            (&app).render(area, &mut buf);
        })
    });
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);

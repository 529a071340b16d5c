//! Key → update → render of a 120×40 frame with a 10,000-report corpus loaded.
//!
//! `cargo bench --bench ui`. Uses the same generated corpus as the load bench
//! (target/bench-corpus, created on first use). The cases: scrolling the text (`j` in
//! the viewer) and moving to the next report in the list (`j` in the list: the new report
//! is built into paragraphs and laid out at the viewer's width), a keystroke of the
//! list filter typed in pinyin, scrolling the compare view, and a keystroke of the
//! full-text search typed in pinyin.

use baogao::ui::Theme;
use baogao::ui::app::{App, Pane};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "common.rs"]
mod common;
use common::corpus_dir;

fn frame(c: &mut Criterion) {
    let corpus = baogao::ingest::load_paths(&[corpus_dir()]);
    assert_eq!(corpus.reports.len(), 10_000);
    let mut app = App::new(corpus);
    let theme = Theme::DARK;
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| {
        baogao::ui::frame(f.area(), f.buffer_mut(), &mut app, &theme);
    })
    .unwrap();
    let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    let k = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::NONE);

    let mut g = c.benchmark_group("key_update_render_120x40_10k");
    app.focus = Pane::Viewer;
    let mut n = 0u64;
    g.bench_function("scroll_text", |b| {
        b.iter(|| {
            n += 1;
            // Down 30 rows, then back up, so the position stays inside the report.
            app.on_key(if n % 60 < 30 { j } else { k });
            term.draw(|f| {
                baogao::ui::frame(f.area(), f.buffer_mut(), &mut app, &theme);
            })
            .unwrap();
        })
    });
    app.focus = Pane::List;
    g.bench_function("next_report", |b| {
        b.iter(|| {
            app.on_key(j);
            term.draw(|f| {
                baogao::ui::frame(f.area(), f.buffer_mut(), &mut app, &theme);
            })
            .unwrap();
        })
    });
    // The list filter in pinyin: type "zh", then take the "h" back (each keystroke
    // filters all 10,000 agencies by their syllables, then draws).
    app.on_key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE));
    app.on_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE));
    let h = KeyEvent::new(KeyCode::Char('h'), KeyModifiers::NONE);
    let back = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    let mut n = 0u64;
    g.bench_function("filter_pinyin_keystroke", |b| {
        b.iter(|| {
            n += 1;
            app.on_key(if n % 2 == 1 { h } else { back });
            term.draw(|f| {
                baogao::ui::frame(f.area(), f.buffer_mut(), &mut app, &theme);
            })
            .unwrap();
        })
    });
    // Compare: scroll both sides of two reports' sections (`c` from a section).
    app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    app.focus = Pane::Tree;
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE));
    assert_eq!(app.scope(), baogao::ui::keymap::Scope::Compare);
    let mut n = 0u64;
    g.bench_function("compare_scroll", |b| {
        b.iter(|| {
            n += 1;
            app.on_key(if n % 20 < 10 { j } else { k });
            term.draw(|f| {
                baogao::ui::frame(f.area(), f.buffer_mut(), &mut app, &theme);
            })
            .unwrap();
        })
    });
    app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    // Full text typed in pinyin: "pu", then an "f" typed and taken back; each keystroke
    // reads the letters as the corpus's words and runs the query over 10,000 reports.
    app.wait_for_indexes();
    app.on_key(KeyEvent::new(KeyCode::Char('F'), KeyModifiers::SHIFT));
    app.on_key(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::NONE));
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE));
    let f = KeyEvent::new(KeyCode::Char('f'), KeyModifiers::NONE);
    let mut n = 0u64;
    g.bench_function("fulltext_pinyin_keystroke", |b| {
        b.iter(|| {
            n += 1;
            app.on_key(if n % 2 == 1 { f } else { back });
            term.draw(|f| {
                baogao::ui::frame(f.area(), f.buffer_mut(), &mut app, &theme);
            })
            .unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);

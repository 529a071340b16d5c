//! Snapshots of each view at fixed sizes (plain text of the rendered buffer). Review
//! changes with `cargo insta review` or `INSTA_UPDATE=always cargo test --test snapshots`.
use baogao::ingest::load_samples;
use baogao::ui::app::{App, Pane};
use baogao::ui::keymap::Action;
use baogao::ui::{Theme, render};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

fn screen(app: &mut App, w: u16, h: u16) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    render(area, &mut buf, app, &Theme::PLAIN);
    let mut out = String::new();
    for y in 0..h {
        let mut x = 0;
        let mut line = String::new();
        while x < w {
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            x += sym.width().max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn app() -> App {
    let mut a = App::new(load_samples());
    screen(&mut a, 120, 40);
    a
}

fn key(a: &mut App, c: char) {
    a.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

#[test]
fn list_pane_wide() {
    let mut a = app();
    key(&mut a, 'j');
    insta::assert_snapshot!(screen(&mut a, 120, 30));
}

#[test]
fn tree_pane_with_a_fold() {
    let mut a = app();
    key(&mut a, 'j');
    a.apply(Action::Open);
    key(&mut a, 'o');
    key(&mut a, 'j');
    insta::assert_snapshot!(screen(&mut a, 120, 30));
}

#[test]
fn viewer_zoomed_with_search_hits() {
    let mut a = app();
    a.focus = Pane::Viewer;
    key(&mut a, 'z');
    key(&mut a, '/');
    for c in "普法".chars() {
        key(&mut a, c);
    }
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    insta::assert_snapshot!(screen(&mut a, 100, 30));
}

#[test]
fn medium_width_two_panes() {
    let mut a = app();
    a.focus = Pane::Tree;
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn narrow_viewer_only() {
    let mut a = app();
    a.focus = Pane::Viewer;
    insta::assert_snapshot!(screen(&mut a, 40, 10));
}

#[test]
fn help_overlay() {
    let mut a = app();
    key(&mut a, '?');
    insta::assert_snapshot!(screen(&mut a, 100, 50));
}

#[test]
fn compare_view() {
    let mut a = app();
    a.compare_reports(baogao::corpus::Label::NextYearPlan, 0, 2);
    insta::assert_snapshot!(screen(&mut a, 120, 30));
}

#[test]
fn coverage_view() {
    let mut a = app();
    key(&mut a, 'C');
    insta::assert_snapshot!(screen(&mut a, 120, 14));
}

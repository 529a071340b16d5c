//! Snapshots of each view at fixed sizes (plain text of the rendered buffer). Review
//! changes with `cargo insta review` or `INSTA_UPDATE=always cargo test --test snapshots`.
use baogao::ingest::load_samples;
use baogao::ui::app::{App, Pane};
use baogao::ui::keymap::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod common;

/// The screen with trailing spaces trimmed (stable snapshots).
fn screen(app: &mut App, w: u16, h: u16) -> String {
    common::screen(app, w, h)
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
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

#[test]
fn compare_view_at_80_by_24() {
    let mut a = app();
    a.compare_reports(baogao::corpus::Label::NextYearPlan, 0, 2);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn coverage_view_at_80_by_24_scrolled_to_the_last_column() {
    let mut a = app();
    key(&mut a, 'C');
    for _ in 0..20 {
        key(&mut a, 'l');
    }
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn across_view_at_80_by_24() {
    let mut a = app();
    a.focus = Pane::Tree;
    a.on_key(ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Enter,
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    key(&mut a, 'a');
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn palette_at_80_by_24() {
    let mut a = app();
    a.wait_for_indexes();
    key(&mut a, ':');
    for c in "pufa".chars() {
        key(&mut a, c);
    }
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

/// The same app with `language = "en"` in the config.
fn english() -> App {
    let mut a = App::new(load_samples());
    a.configure(
        &baogao::config::parse("language = \"en\"\n")
            .unwrap()
            .settings(),
    );
    screen(&mut a, 120, 40);
    a
}

#[test]
fn english_reader_at_80_by_24_and_120_by_40() {
    let mut a = english();
    insta::assert_snapshot!("english_reader_80x24", screen(&mut a, 80, 24));
    insta::assert_snapshot!("english_reader_120x40", screen(&mut a, 120, 40));
}

#[test]
fn english_help_compare_and_coverage_at_80_by_24() {
    let mut a = english();
    key(&mut a, '?');
    insta::assert_snapshot!("english_help_80x24", screen(&mut a, 80, 24));
    key(&mut a, '?');
    a.compare_reports(baogao::corpus::Label::NextYearPlan, 0, 2);
    insta::assert_snapshot!("english_compare_80x24", screen(&mut a, 80, 24));
    key(&mut a, 'q');
    key(&mut a, 'C');
    insta::assert_snapshot!("english_coverage_80x24", screen(&mut a, 80, 24));
}

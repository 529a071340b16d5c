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

/// Every view, opened by keys as a user would, in both languages at the two sizes that
/// matter most (80×24, the common SSH terminal, and 120×40): 44 snapshots named
/// `every_view__{view}_{lang}_{w}x{h}`.
#[test]
fn every_view_in_both_languages_at_80_by_24_and_120_by_40() {
    type Open = fn(&mut App);
    let views: &[(&str, Open)] = &[
        ("list", |_| {}),
        ("tree", |a| {
            a.focus = Pane::Tree;
            a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        }),
        ("viewer", |a| {
            a.focus = Pane::Viewer;
            key(a, 'j');
        }),
        ("search_prompt", |a| {
            a.focus = Pane::Viewer;
            key(a, '/');
            for c in "法治".chars() {
                key(a, c);
            }
        }),
        ("filter_prompt", |a| {
            key(a, '/');
            for c in "zd".chars() {
                key(a, c);
            }
        }),
        ("help", |a| key(a, '?')),
        ("palette", |a| {
            key(a, ':');
            for c in "pufa".chars() {
                key(a, c);
            }
        }),
        ("fulltext", |a| {
            key(a, 'F');
            for c in "普法".chars() {
                key(a, c);
            }
        }),
        ("compare", |a| {
            a.focus = Pane::Tree;
            a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
            key(a, 'c');
        }),
        ("across", |a| {
            a.focus = Pane::Tree;
            a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
            key(a, 'a');
        }),
        ("coverage", |a| key(a, 'C')),
    ];
    for (name, open) in views {
        for lang in ["zh", "en"] {
            for (w, h) in [(80, 24), (120, 40)] {
                let mut a = if lang == "en" { english() } else { app() };
                a.wait_for_indexes();
                screen(&mut a, w, h);
                open(&mut a);
                let shot = screen(&mut a, w, h);
                insta::assert_snapshot!(format!("every_view__{name}_{lang}_{w}x{h}"), shot);
            }
        }
    }
}

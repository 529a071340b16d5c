//! The reader driven headlessly: key events into the real App, frames rendered into a
//! buffer, assertions on what a user would see. Every default binding is pressed in a
//! context where it must act; a binding that does nothing fails here.

use baogao::ingest::load_samples;
use baogao::ui::app::{App, Pane};
use baogao::ui::keymap::{Action, KEYMAP, Scope};
use baogao::ui::{Theme, frame};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

const THEME: Theme = Theme::PLAIN;

fn app() -> App {
    App::new(load_samples())
}

/// Render at w×h and return the screen as text (wide characters once).
fn screen(app: &mut App, w: u16, h: u16) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    frame(area, &mut buf, app, &THEME);
    text(&buf)
}

mod common;
use common::buffer_text as text;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ch(app: &mut App, c: char) {
    key(app, KeyCode::Char(c));
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        ch(app, c);
    }
}

/// The app after a first frame at 120×40 (so geometry is known).
fn ready() -> App {
    let mut a = app();
    screen(&mut a, 120, 40);
    a
}

fn in_viewer_mid() -> App {
    let mut a = ready();
    a.focus = Pane::Viewer;
    a.apply(Action::PageDown);
    a.apply(Action::PageDown);
    screen(&mut a, 120, 40);
    a
}

/// Did the action act? (the app after the key, a copy from before it)
type Check = Box<dyn Fn(&mut App, &App) -> bool>;

/// A context where `action` must visibly do something, and the check that it did.
fn context(action: Action, scope: Scope) -> (App, Check) {
    use Action::*;
    let focus_for_scope = |mut a: App| {
        a.focus = match scope {
            Scope::List => Pane::List,
            Scope::Tree => Pane::Tree,
            _ => a.focus,
        };
        a
    };
    let scrolled = |after: &mut App, before: &App| after.viewer.scroll != before.viewer.scroll;
    let (a, check): (App, Check) = match action {
        Close | LinkScroll | SwitchSide | Swap | LeftNext | LeftPrev | DeleteBack
        | DeleteForward | DeleteWord | DeleteToStart | CursorLeft | CursorRight | LineStart
        | LineEnd | HistoryPrev | HistoryNext | NextReading | Insert(_) => {
            panic!("{action:?} is bound in a reader pane")
        }
        Quit => (ready(), Box::new(|a, _| a.quitting())),
        Help => (
            ready(),
            Box::new(|a, _| a.help_open() && screen(a, 120, 40).contains("按键")),
        ),
        Suspend => (ready(), Box::new(|a, _| a.suspending())),
        NextPane | PaneRight => (ready(), Box::new(|a, _| a.focus == Pane::Tree)),
        PrevPane | PaneLeft => {
            let mut a = ready();
            a.focus = Pane::Tree;
            (a, Box::new(|a, _| a.focus == Pane::List))
        }
        Down | PageDown | HalfPageDown | Bottom => {
            let mut a = ready();
            a.focus = Pane::Viewer;
            (a, Box::new(scrolled))
        }
        Up | PageUp | HalfPageUp | Top => (in_viewer_mid(), Box::new(scrolled)),
        Open => (ready(), Box::new(|a, _| a.focus == Pane::Tree)),
        ToggleFold | FoldAll => (
            ready(),
            Box::new(|a, b| a.tree_rows().len() < b.tree_rows().len()),
        ),
        UnfoldAll => {
            let mut a = ready();
            a.focus = Pane::Tree;
            a.apply(FoldAll);
            (
                a,
                Box::new(|a, b| a.tree_rows().len() > b.tree_rows().len()),
            )
        }
        Search => {
            let mut a = ready();
            a.focus = Pane::Viewer;
            (
                a,
                Box::new(|a, _| screen(a, 120, 40).lines().last().unwrap().starts_with('/')),
            )
        }
        Filter => (
            ready(),
            Box::new(|a, _| screen(a, 120, 40).contains("筛选：")),
        ),
        NextMatch | PrevMatch => {
            let mut a = ready();
            a.focus = Pane::Viewer;
            a.apply(Search);
            typed(&mut a, "法治");
            key(&mut a, KeyCode::Enter);
            (a, Box::new(scrolled))
        }
        Cancel => {
            let mut a = ready();
            a.focus = Pane::Viewer;
            a.apply(Search);
            typed(&mut a, "法治");
            key(&mut a, KeyCode::Enter);
            (a, Box::new(|a, _| a.viewer.search.is_none()))
        }
        JumpBack => {
            let mut a = ready();
            a.focus = Pane::Viewer;
            a.apply(Bottom);
            (a, Box::new(scrolled))
        }
        JumpForward => {
            let mut a = ready();
            a.focus = Pane::Viewer;
            a.apply(Bottom);
            a.apply(JumpBack);
            (a, Box::new(scrolled))
        }
        Zoom => (
            ready(),
            Box::new(|a, _| {
                a.viewer.zoom && {
                    screen(a, 120, 40);
                    a.geometry.list.is_none() && a.geometry.tree.is_none()
                }
            }),
        ),
        Sort => {
            let mut a = ready();
            a.focus = Pane::List;
            (a, Box::new(|a, b| a.list.order != b.list.order))
        }
        YearNext | YearPrev | CompareYear => {
            // Two years of one agency (the samples have one year each).
            let text = |y: u16| {
                format!(
                    "青岛市市南区司法局{y}年法治政府建设年度报告\n\n一、主要举措和成效\n\n正文。\n\n二、下一年度主要安排\n\n计划。\n"
                )
            };
            let reports = [2023, 2024].map(|y| {
                baogao::ingest::parse_bytes(&format!("{y}.txt"), text(y).as_bytes()).unwrap()
            });
            let mut a = App::new(baogao::corpus::Corpus {
                reports: reports.into(),
                errors: Vec::new(),
            });
            if action == YearNext {
                screen(&mut a, 120, 40);
            } else {
                a.list.sel = 1;
                key(&mut a, KeyCode::Enter);
            }
            a.focus = Pane::Tree;
            key(&mut a, KeyCode::Enter);
            screen(&mut a, 120, 40);
            (
                a,
                Box::new(|a, b| {
                    a.current != b.current || matches!(a.view, baogao::ui::app::View::Compare(_))
                }),
            )
        }
        SameNext | SamePrev | Compare => {
            let mut a = ready();
            a.focus = Pane::Tree;
            key(&mut a, KeyCode::Enter);
            (
                a,
                Box::new(|a, b| {
                    a.current != b.current || matches!(a.view, baogao::ui::app::View::Compare(_))
                }),
            )
        }
        Across => {
            let mut a = ready();
            a.focus = Pane::Tree;
            key(&mut a, KeyCode::Enter);
            (
                a,
                Box::new(|a, _| screen(a, 120, 40).contains("份有此部分")),
            )
        }
        SetMark => {
            let mut a = ready();
            a.focus = Pane::Tree;
            key(&mut a, KeyCode::Enter);
            (
                a,
                Box::new(|a, _| {
                    ch(a, 'q');
                    a.state.corpora.values().any(|c| c.marks.contains_key(&'q')) && !a.quitting()
                }),
            )
        }
        GotoMark => {
            let mut a = ready();
            a.focus = Pane::Tree;
            key(&mut a, KeyCode::Enter);
            ch(&mut a, 'm');
            ch(&mut a, 'b');
            a.focus = Pane::Viewer;
            ch(&mut a, 'G');
            (
                a,
                Box::new(|a, b| {
                    ch(a, 'b');
                    a.viewer.scroll != b.viewer.scroll
                }),
            )
        }
        Copy | CopyCitation => {
            let mut a = ready();
            a.focus = Pane::Tree;
            key(&mut a, KeyCode::Enter);
            (a, Box::new(|a, _| a.take_copy().is_some()))
        }
        Coverage => (
            ready(),
            Box::new(|a, _| screen(a, 120, 40).contains("覆盖情况")),
        ),
        Palette => (
            ready(),
            Box::new(|a, _| a.overlay().is_some() && screen(a, 120, 40).contains("跳到章节")),
        ),
        FullText => (
            ready(),
            Box::new(|a, _| a.overlay().is_some() && screen(a, 120, 40).contains("全文搜索")),
        ),
    };
    (focus_for_scope(a), check)
}

fn snapshot_state(a: &App) -> App {
    // A light copy of what checks compare: rebuild an app in the same state.
    let mut b = App::new(a.corpus.clone());
    b.list.order = a.list.order.clone();
    b.current = a.current;
    b.tree.folded = a.tree.folded.clone();
    b.viewer.scroll = a.viewer.scroll;
    b.focus = a.focus;
    b
}

/// The app in `scope`'s mode, prepared so that `action` has room to act (a selection
/// not at the top, a cursor inside the text, a history to recall).
fn mode_app(scope: Scope, action: Action) -> App {
    use Action::*;
    let mut a = ready();
    match scope {
        Scope::Help => {
            ch(&mut a, '?');
            for _ in 0..3 {
                ch(&mut a, 'j');
            }
        }
        Scope::Prompt => {
            a.focus = Pane::Viewer;
            ch(&mut a, '/');
            typed(&mut a, "法治 政府");
            act(&mut a, Scope::Prompt, CursorLeft);
        }
        Scope::Palette if action == NextReading => {
            // The full-text search, a word typed in pinyin with several readings.
            a.wait_for_indexes();
            ch(&mut a, 'F');
            typed(&mut a, "fz");
        }
        Scope::Palette => {
            a.wait_for_indexes();
            a.palette_history = vec!["pufa".into(), "xingzheng".into()];
            ch(&mut a, ':');
            typed(&mut a, "fazhi zhengfu");
            act(&mut a, Scope::Palette, CursorLeft);
            act(&mut a, Scope::Palette, Down);
            act(&mut a, Scope::Palette, Down);
            if action == HistoryNext {
                act(&mut a, Scope::Palette, HistoryPrev);
                act(&mut a, Scope::Palette, HistoryPrev);
            }
        }
        Scope::Compare | Scope::Across => {
            a.focus = Pane::Tree;
            key(&mut a, KeyCode::Enter);
            ch(&mut a, if scope == Scope::Compare { 'c' } else { 'a' });
            screen(&mut a, 120, 40);
            act(&mut a, scope, Down);
            if scope == Scope::Compare && action == SwitchSide {
                act(&mut a, scope, LinkScroll);
            }
        }
        Scope::Coverage => {
            ch(&mut a, 'C');
            act(&mut a, scope, Down);
            act(&mut a, scope, PaneRight);
        }
        Scope::Global | Scope::List | Scope::Tree => unreachable!(),
    }
    assert_eq!(a.scope(), scope, "the mode is open");
    screen(&mut a, 120, 40);
    a
}

/// What a user could see change: the screen, the cursor, the highlight.
fn fingerprint(a: &mut App) -> String {
    let cursor = a
        .prompt()
        .map(|p| p.line.cursor_chars())
        .or(a.overlay().map(|o| o.input.cursor_chars()));
    // The side that scrolls alone, the highlighted row and column (drawn as styles).
    let active = match &a.view {
        baogao::ui::app::View::Compare(cv) => Some((cv.active, 0)),
        baogao::ui::app::View::Across(v) => Some((v.sel, 0)),
        baogao::ui::app::View::Coverage(cv) => Some((cv.row, cv.col)),
        baogao::ui::app::View::Reader => None,
    };
    let flags = (a.quitting(), a.suspending());
    let shown = screen(a, 120, 40);
    format!("{cursor:?} {active:?} {flags:?}\n{shown}")
}

#[test]
fn every_default_binding_acts() {
    let mut failures = Vec::new();
    for bd in KEYMAP {
        if !matches!(bd.scope, Scope::Global | Scope::List | Scope::Tree) {
            let mut a = mode_app(bd.scope, bd.action);
            let before = fingerprint(&mut a);
            a.on_key(bd.key.event());
            if fingerprint(&mut a) == before {
                failures.push(format!(
                    "{} ({:?} in {:?}) did nothing",
                    bd.key.label(),
                    bd.action,
                    bd.scope
                ));
            }
            continue;
        }
        let (mut a, check) = context(bd.action, bd.scope);
        let before = snapshot_state(&a);
        a.on_key(bd.key.event());
        screen(&mut a, 120, 40);
        if !check(&mut a, &before) {
            failures.push(format!(
                "{} ({:?} in {:?}) did nothing",
                bd.key.label(),
                bd.action,
                bd.scope
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn help_overlay_lists_every_binding_even_on_80_by_24() {
    let mut a = ready();
    ch(&mut a, '?');
    let mut seen = String::new();
    // Down to the last page (bounded: the help is a few hundred lines).
    let mut last = String::new();
    for _ in 0..1000 {
        let s = screen(&mut a, 80, 24);
        if s == last {
            break;
        }
        seen.push_str(&s);
        last = s;
        ch(&mut a, 'j');
    }
    for bd in KEYMAP {
        let line = bd.key.label();
        assert!(seen.contains(&line), "help lacks key {line}");
        let zh = baogao::ui::i18n::help(bd.help, baogao::ui::i18n::Lang::Zh);
        assert!(seen.contains(zh), "help lacks {zh:?}");
    }
    ch(&mut a, '?');
    assert!(!a.help_open());
}

#[test]
fn three_panes_show_list_tree_and_text() {
    let mut a = ready();
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("报告 5"));
    assert!(s.contains("张店区科技局"));
    assert!(s.contains("章节"));
    assert!(s.contains("党政主要负责人履行推进法治建设第一责任人职责情况"));
    assert!(s.contains("张店区科技局2024年度法治政府建设情况报告"));
}

#[test]
fn list_selection_drives_tree_and_viewer() {
    let mut a = ready();
    for _ in 0..3 {
        ch(&mut a, 'j');
    }
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("全面深化习近平法治思想学习宣传贯彻情况"), "{s}");
    assert!(s.contains("重庆市大足区科学技术局2024年法治政府建设情况报告"));
}

#[test]
fn tree_selection_scrolls_viewer_and_viewer_scroll_moves_tree() {
    let mut a = ready();
    key(&mut a, KeyCode::Enter); // list → tree
    for _ in 0..5 {
        ch(&mut a, 'j');
    }
    let s = screen(&mut a, 120, 40);
    // Sixth tree row of 000 is 二、推进法治政府建设的主要举措和成效; the viewer shows it on top.
    let viewer_top = s.lines().nth(1).unwrap();
    assert!(
        viewer_top.contains("二、推进法治政府建设的主要举措和成效"),
        "{s}"
    );
    // Now scroll the viewer down a lot: the tree highlight follows.
    a.focus = Pane::Viewer;
    let before = a.tree.sel;
    for _ in 0..30 {
        ch(&mut a, 'j');
    }
    screen(&mut a, 120, 40);
    assert!(a.tree.sel > before);
    let bc = a.breadcrumb();
    assert!(bc.starts_with("张店区科技局 › "), "{bc}");
}

#[test]
fn search_highlights_and_walks_matches() {
    let mut a = ready();
    a.focus = Pane::Viewer;
    ch(&mut a, '/');
    typed(&mut a, "普法");
    key(&mut a, KeyCode::Enter);
    let n = a.viewer.search.as_ref().unwrap().hits.len();
    assert!(n >= 3, "{n}");
    let s = screen(&mut a, 120, 40);
    assert!(s.contains(&format!("{n} 处匹配")), "{s}");
    ch(&mut a, 'n');
    assert_eq!(a.viewer.search.as_ref().unwrap().cur, Some(1));
    ch(&mut a, 'N');
    assert_eq!(a.viewer.search.as_ref().unwrap().cur, Some(0));
    // Esc while typing a new search restores the position.
    let here = a.viewer.scroll;
    ch(&mut a, '/');
    typed(&mut a, "执法");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.viewer.scroll, here);
}

#[test]
fn jumps_go_back_and_forward() {
    let mut a = ready();
    a.focus = Pane::Viewer;
    ch(&mut a, 'G');
    let bottom = a.viewer.scroll;
    assert!(bottom > 0);
    a.on_key(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL));
    assert_eq!(a.viewer.scroll, 0);
    a.on_key(KeyEvent::new(KeyCode::Char('i'), KeyModifiers::ALT));
    assert_eq!(a.viewer.scroll, bottom);
}

#[test]
fn filter_narrows_the_list() {
    let mut a = ready();
    ch(&mut a, '/');
    typed(&mut a, "高青");
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("报告 1/5"), "{s}");
    assert!(s.contains("高青县科学技术局"));
    key(&mut a, KeyCode::Esc);
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("报告 5"), "{s}");
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut a = ready();
    a.focus = Pane::Viewer;
    let list = a.geometry.list.unwrap();
    // Click the third report row (row 0 is the border).
    a.on_mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: list.x + 2,
        row: list.y + 3,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(a.list.sel, 2);
    assert_eq!(a.focus, Pane::List);
    let viewer = a.geometry.viewer.unwrap();
    a.on_mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: viewer.x + 5,
        row: viewer.y + 5,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(a.viewer.scroll, 3);
}

#[test]
fn every_size_and_state_renders_without_panic() {
    type SetUp = Box<dyn Fn(&mut App)>;
    let states: Vec<SetUp> = vec![
        Box::new(|a| a.focus = Pane::List),
        Box::new(|a| a.focus = Pane::Tree),
        Box::new(|a| a.focus = Pane::Viewer),
        Box::new(|a| a.apply(Action::Zoom)),
        Box::new(|a| a.apply(Action::Help)),
        Box::new(|a| {
            a.focus = Pane::Viewer;
            a.apply(Action::Search);
            typed(a, "法治");
        }),
    ];
    for state in &states {
        let mut a = ready();
        state(&mut a);
        for w in 1u16..=130 {
            for h in [1u16, 2, 3, 4, 5, 10, 24, 40] {
                screen(&mut a, w, h);
            }
        }
        // And back to a normal size.
        screen(&mut a, 120, 40);
    }
}

#[test]
fn a_usable_viewer_at_40_by_10() {
    let mut a = ready();
    a.focus = Pane::Viewer;
    let area = Rect::new(0, 0, 40, 10);
    let mut buf = Buffer::empty(area);
    frame(area, &mut buf, &mut a, &THEME);
    let v = a.geometry.viewer.expect("viewer shown at 40x10");
    assert_eq!(v.width, 40, "the viewer takes the whole width");
    // Inside the viewer's own area: the report title and its first text.
    let mut inside = String::new();
    for y in v.y + 1..v.y + v.height - 1 {
        inside.push_str(&viewer_row(&buf, v, y - v.y - 1));
    }
    assert!(inside.contains("张店区科技局2024"), "{inside}");
}

#[test]
fn pane_borders_stay_whole_at_every_width() {
    let mut a = ready();
    for w in 20u16..=160 {
        let area = Rect::new(0, 0, w, 30);
        let mut buf = Buffer::empty(area);
        frame(area, &mut buf, &mut a, &THEME);
        for r in [a.geometry.list, a.geometry.tree, a.geometry.viewer]
            .into_iter()
            .flatten()
        {
            let (x1, y1) = (r.x + r.width - 1, r.y + r.height - 1);
            assert_eq!(buf[(r.x, r.y)].symbol(), "┌", "w={w} {r:?}");
            assert_eq!(buf[(x1, r.y)].symbol(), "┐", "w={w} {r:?}");
            assert_eq!(buf[(r.x, y1)].symbol(), "└", "w={w} {r:?}");
            assert_eq!(buf[(x1, y1)].symbol(), "┘", "w={w} {r:?}");
            for y in r.y + 1..y1 {
                assert_eq!(buf[(r.x, y)].symbol(), "│", "w={w} left edge row {y}");
                assert_eq!(buf[(x1, y)].symbol(), "│", "w={w} right edge row {y}");
            }
        }
    }
}

/// Text of row `k` inside the viewer pane `v` (wide characters once).
fn viewer_row(buf: &Buffer, v: Rect, k: u16) -> String {
    let y = v.y + 1 + k;
    let mut out = String::new();
    let mut x = v.x + 1;
    while x < v.x + v.width - 1 {
        let sym = buf[(x, y)].symbol();
        out.push_str(sym);
        x += sym.width().max(1) as u16;
    }
    out
}

fn render_buf(a: &mut App, w: u16, h: u16) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    frame(area, &mut buf, a, &THEME);
    buf
}

#[test]
fn zoom_keeps_the_reading_position() {
    let mut a = ready();
    a.focus = Pane::Viewer;
    for _ in 0..60 {
        ch(&mut a, 'j');
    }
    let mut buf = render_buf(&mut a, 120, 40);
    while viewer_row(&buf, a.geometry.viewer.unwrap(), 0)
        .trim()
        .is_empty()
    {
        ch(&mut a, 'j');
        buf = render_buf(&mut a, 120, 40);
    }
    let before = viewer_row(&buf, a.geometry.viewer.unwrap(), 0);
    let sec_before = a.section_at_scroll();
    ch(&mut a, 'z');
    let buf = render_buf(&mut a, 120, 40);
    let after = viewer_row(&buf, a.geometry.viewer.unwrap(), 0);
    assert_eq!(a.section_at_scroll(), sec_before);
    // The old top row's text starts the new top row (it is now wider).
    let probe = before.trim_end();
    assert!(!probe.is_empty(), "pick a position on a text row");
    assert!(
        after.starts_with(&probe.chars().take(8).collect::<String>()),
        "{before:?} → {after:?}"
    );
}

#[test]
fn ctrl_o_returns_to_the_report_before_list_moves() {
    let mut a = ready();
    ch(&mut a, 'j');
    ch(&mut a, 'j');
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.current, Some(2));
    a.on_key(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL));
    assert_eq!(a.current, Some(1));
    a.on_key(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL));
    assert_eq!(a.current, Some(0));
}

#[test]
fn clicking_a_row_in_a_scrolled_list_selects_that_row() {
    let corpus = baogao::synth::report_file(1);
    let dir = tempfile::tempdir().unwrap();
    for seed in 0..60u64 {
        let f = baogao::synth::report_file(seed);
        std::fs::write(dir.path().join(&f.name), &f.bytes).unwrap();
    }
    drop(corpus);
    let mut a = App::new(baogao::ingest::load_paths(&[dir.path()]));
    screen(&mut a, 120, 20);
    for _ in 0..40 {
        ch(&mut a, 'j');
    }
    screen(&mut a, 120, 20);
    let list = a.geometry.list.unwrap();
    let top = a.list.top;
    a.on_mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: list.x + 2,
        row: list.y + 5,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(a.list.sel, top + 4);
    screen(&mut a, 120, 20);
    assert_eq!(a.list.top, top, "the list must not move under the pointer");
}

/// The list filter finds reports by level (区级 or district), by place (a province the
/// report belongs to) and by the agency's pinyin typed without an input method (`zhd`,
/// `gaoq`); Esc clears a filter that Enter applied.
#[test]
fn the_filter_matches_level_place_and_pinyin_and_esc_clears_it() {
    for (query, want) in [
        ("区级", 2),
        ("district", 2),
        ("山东", 3),
        ("zhd", 1),
        ("gaoq", 1),
        ("qqq", 0),
    ] {
        let mut a = ready();
        ch(&mut a, '/');
        typed(&mut a, query);
        key(&mut a, KeyCode::Enter);
        let s = screen(&mut a, 120, 40);
        assert_eq!(a.list.order.len(), want, "{query}: {s}");
        if want == 1 {
            let agency = a.corpus.reports[a.list.order[0]]
                .meta
                .agency
                .clone()
                .unwrap();
            assert!(
                agency.starts_with(if query == "zhd" { "张店" } else { "高青" }),
                "{query}: {agency}"
            );
        }
        // Esc in the list, after the filter was applied, shows every report again.
        key(&mut a, KeyCode::Esc);
        let s = screen(&mut a, 120, 40);
        assert_eq!(a.list.order.len(), 5, "{query}: {s}");
        assert!(a.list.filter.is_empty());
    }
}

/// `s` sorts the list by agency in pinyin order, as Chinese lists are ordered (by code
/// point 于 came before 张 and 高).
#[test]
fn agency_sort_is_pinyin_order() {
    let mut a = ready();
    a.focus = Pane::List;
    ch(&mut a, 's');
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("按机关排序"), "{s}");
    let names: Vec<String> = a
        .list
        .order
        .iter()
        .map(|&i| a.corpus.reports[i].meta.agency.clone().unwrap())
        .collect();
    let at = |p: &str| names.iter().position(|n| n.starts_with(p)).unwrap();
    // gao < yu < zao < zhang (重庆's 重 is left out: the library reads it zhong, not chong).
    assert!(at("高青") < at("于田"), "{names:?}");
    assert!(at("于田") < at("枣庄"), "{names:?}");
    assert!(at("枣庄") < at("张店"), "{names:?}");
}

#[test]
fn typing_chinese_in_the_list_filters_it() {
    let mut a = ready();
    typed(&mut a, "大足");
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("报告 1/5"), "{s}");
    assert_eq!(a.current, Some(3));
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.list.order.len(), 1);
}

#[test]
fn every_action_has_a_binding() {
    for a in Action::ALL {
        assert!(
            KEYMAP.iter().any(|b| b.action == *a),
            "{} has no key",
            a.name()
        );
    }
}

/// The box whose top border starts with `┌` then `title_start`: its left and right
/// columns and its top and bottom rows.
fn find_box(buf: &Buffer, title_start: &str) -> Option<(u16, u16, u16, u16)> {
    let a = buf.area;
    for y in a.top()..a.bottom() {
        for x in a.left()..a.right().saturating_sub(1) {
            if buf[(x, y)].symbol() == "┌" && buf[(x + 1, y)].symbol() == title_start {
                let right = (x + 1..a.right()).find(|&r| buf[(r, y)].symbol() == "┐")?;
                let bottom = (y + 1..a.bottom()).find(|&b| buf[(x, b)].symbol() == "└")?;
                return Some((x, right, y, bottom));
            }
        }
    }
    None
}

#[test]
fn overlays_keep_both_borders_over_chinese_text_at_every_offset() {
    use unicode_width::UnicodeWidthStr;
    // Every width moves the overlays' left edge across the list's and the viewer's
    // Chinese text, so each column parity and each character is under the border.
    for (open, title) in [("?", "按"), (":", "跳")] {
        for w in 30..=200u16 {
            let mut a = ready();
            a.focus = Pane::Viewer;
            a.apply(Action::PageDown);
            typed(&mut a, open);
            let area = Rect::new(0, 0, w, 30);
            let mut buf = Buffer::empty(area);
            frame(area, &mut buf, &mut a, &THEME);
            let (l, r, t, b) =
                find_box(&buf, title).unwrap_or_else(|| panic!("{open} at {w}: no box"));
            for y in t + 1..b {
                for x in [l, r] {
                    assert_eq!(buf[(x, y)].symbol(), "│", "{open} at width {w}, row {y}");
                }
                if l > 0 {
                    // Nothing left of the box reaches into its border.
                    assert!(buf[(l - 1, y)].symbol().width() <= 1, "{open} {w} {y}");
                }
                // Nothing inside reaches past the right border.
                assert!(buf[(r - 1, y)].symbol().width() <= 1, "{open} {w} {y}");
            }
        }
    }
}

/// The help's lines, from the top row inside its box to the bottom.
fn help_text(a: &mut App, w: u16, h: u16) -> Vec<String> {
    let s = screen(a, w, h);
    s.lines()
        .skip_while(|l| !l.contains("┌按键"))
        .skip(1)
        .map(str::to_string)
        .collect()
}

#[test]
fn help_in_each_mode_lists_that_modes_keys_first() {
    for (open, heading, example) in [
        ('c', "对比视图", "左右对调"),
        ('a', "各报告的同一部分", "阅读这份报告的这一部分"),
        ('C', "覆盖矩阵", "下一列"),
    ] {
        let mut a = ready();
        a.focus = Pane::Tree;
        key(&mut a, KeyCode::Enter);
        ch(&mut a, open);
        let scope = a.scope();
        ch(&mut a, '?');
        assert!(a.help_open(), "? opens the help in {scope:?}");
        let lines = help_text(&mut a, 80, 24);
        assert!(lines[0].contains(heading), "{open}: {lines:?}");
        assert!(
            lines.iter().any(|l| l.contains(example)),
            "{open}: {lines:?}"
        );
        ch(&mut a, '?');
        assert!(!a.help_open());
        assert_eq!(a.scope(), scope, "closing the help leaves the mode open");
    }
    // From the reader: the pane's own keys first, then everywhere's.
    let mut a = ready();
    ch(&mut a, '?');
    let lines = help_text(&mut a, 80, 24);
    assert!(lines[0].contains("报告列表"), "{lines:?}");
}

/// Any binding of any mode moved to another key in the config (`"scope.action" = "F9"`,
/// a key no default uses) acts from that key just as it did from its own.
#[test]
fn every_binding_moved_to_another_key_acts_from_it() {
    let f9 = baogao::ui::keymap::Key::parse("F9").expect("F-keys parse");
    assert!(KEYMAP.iter().all(|b| b.key != f9), "F9 is free by default");
    let mut failures = Vec::new();
    for bd in KEYMAP {
        let cfg = baogao::config::parse(&format!(
            "[keys]\n\"{}.{}\" = \"F9\"\n",
            bd.scope.name(),
            bd.action.name()
        ))
        .expect("config");
        let settings = cfg.settings();
        let moved = |a: &mut App| {
            let lang = a.lang;
            a.configure(&settings);
            assert_eq!(a.lang, lang);
        };
        let acted = if !matches!(bd.scope, Scope::Global | Scope::List | Scope::Tree) {
            let mut a = mode_app(bd.scope, bd.action);
            moved(&mut a);
            let before = fingerprint(&mut a);
            a.on_key(f9.event());
            fingerprint(&mut a) != before
        } else {
            let (mut a, check) = context(bd.action, bd.scope);
            moved(&mut a);
            let before = snapshot_state(&a);
            a.on_key(f9.event());
            screen(&mut a, 120, 40);
            check(&mut a, &before)
        };
        if !acted {
            failures.push(format!(
                "F9 as {:?} in {:?} did nothing",
                bd.action, bd.scope
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn config_overrides_work_in_every_mode_and_show_in_the_hints() {
    let cfg = baogao::config::parse(
        "[keys]\nquit = \"x\"\n\"compare.close\" = \"Q\"\n\"palette.down\" = \"Ctrl-j\"\n",
    )
    .expect("config");
    let mut a = ready();
    a.configure(&cfg.settings());
    let s = screen(&mut a, 80, 24);
    let status = s.lines().last().unwrap().to_string();
    assert!(
        status.contains("x 退出") && !status.contains("q 退出"),
        "{status}"
    );
    ch(&mut a, 'q');
    assert!(!a.quitting(), "q gave way to x");
    // Compare: Q closes it, and the hints say so.
    a.focus = Pane::Tree;
    key(&mut a, KeyCode::Enter);
    ch(&mut a, 'c');
    let s = screen(&mut a, 80, 24);
    assert!(s.lines().last().unwrap().contains("Q 返回"), "{s}");
    ch(&mut a, 'q');
    assert_eq!(a.scope(), Scope::Compare, "q no longer closes compare");
    ch(&mut a, '?');
    assert!(help_text(&mut a, 80, 24)[1].contains('Q') || screen(&mut a, 120, 40).contains("Q "));
    ch(&mut a, '?');
    ch(&mut a, 'Q');
    assert_ne!(a.scope(), Scope::Compare);
    // The palette: Ctrl-j moves down; plain letters stay text whatever `quit` says.
    a.wait_for_indexes();
    ch(&mut a, ':');
    typed(&mut a, "fazhix");
    assert_eq!(a.overlay().unwrap().input.as_str(), "fazhix");
    key(&mut a, KeyCode::Backspace);
    a.on_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL));
    assert_eq!(a.overlay().unwrap().sel, 1);
    ch(&mut a, 'x');
    assert!(!a.quitting() && a.overlay().is_some());
}

/// What the reader says of its own, without the reports' text: titles of the panes and
/// overlays, the help, the status bar.
#[test]
fn the_interface_speaks_one_language_at_a_time() {
    use baogao::ui::i18n::Msg;
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut en = app();
    en.configure(
        &baogao::config::parse("language = \"en\"\n")
            .unwrap()
            .settings(),
    );
    let mut zh = ready();
    for (a, lang) in [(&mut en, "en"), (&mut zh, "zh")] {
        let s = screen(a, 120, 40);
        let top = s.lines().next().unwrap();
        let status = s.lines().last().unwrap();
        let words = |l: &str| l.chars().filter(char::is_ascii_alphabetic).count();
        if lang == "en" {
            assert!(top.starts_with("┌reports 5"), "{top}");
            assert!(
                status.contains("? help") && status.contains("/ filter"),
                "{status}"
            );
            assert!(s.contains(" district"), "levels in English: {s}");
        } else {
            assert!(top.starts_with("┌报告 5"), "{top}");
            assert!(
                status.contains("? 帮助") && status.contains("/ 筛选"),
                "{status}"
            );
        }
        // Every line of the help, page by page: inside its box, one language only
        // (key names aside, which are the same in both).
        ch(a, '?');
        let mut last = String::new();
        for _ in 0..1000 {
            let area = Rect::new(0, 0, 80, 24);
            let mut buf = Buffer::empty(area);
            frame(area, &mut buf, a, &THEME);
            let title = if lang == "en" { "k" } else { "按" };
            let (l, r, t, b) = find_box(&buf, title).expect("the help box");
            let mut inside = String::new();
            for y in t + 1..b {
                for x in l + 1..r {
                    inside.push_str(buf[(x, y)].symbol());
                }
                inside.push('\n');
            }
            if inside == last {
                break;
            }
            if lang == "en" {
                assert!(!has_cjk(&inside), "{inside}");
            } else {
                // What each key does is Chinese: no English words but key names.
                for line in inside.lines() {
                    let what: String = line.chars().skip(22).collect();
                    assert!(
                        !what
                            .split_whitespace()
                            // (kitty is a terminal's name.)
                            .any(|w| w.len() > 3
                                && w != "kitty"
                                && w.chars().all(|c| c.is_ascii_lowercase())),
                        "{line}"
                    );
                }
            }
            last = inside;
            ch(a, 'j');
        }
        ch(a, '?');
        // Status messages.
        a.focus = Pane::List;
        ch(a, 's');
        let st = a.status.clone().unwrap();
        if lang == "en" {
            assert_eq!(st, Msg::SortedByAgency.text(baogao::ui::i18n::Lang::En));
            assert!(!has_cjk(&st) && words(&st) > 0);
        } else {
            assert!(has_cjk(&st), "{st}");
        }
    }
    // The help's lines in English carry no Chinese, and the Chinese ones no English
    // words (key names aside).
    for (keys, what) in en.keymap.help_lines(Scope::Compare) {
        let shown = baogao::ui::i18n::help(what, baogao::ui::i18n::Lang::En);
        assert!(!has_cjk(shown), "{keys} {shown}");
        let zh = baogao::ui::i18n::help(what, baogao::ui::i18n::Lang::Zh);
        assert!(has_cjk(zh), "{keys} {zh}");
    }
}

/// On a light background no text is drawn in a colour that reads badly on white
/// (white, light grey, yellow, cyan), except on a coloured background of its own (the
/// status bar, highlighted hits).
#[test]
fn the_light_theme_draws_nothing_pale_on_white() {
    use ratatui::style::Color;
    let light = Theme {
        color: true,
        light: true,
        basic: false,
    };
    let mut a = ready();
    let mut views: Vec<Buffer> = Vec::new();
    let mut draw = |a: &mut App| {
        let area = Rect::new(0, 0, 120, 40);
        let mut buf = Buffer::empty(area);
        frame(area, &mut buf, a, &light);
        views.push(buf);
    };
    draw(&mut a);
    a.focus = Pane::Tree;
    key(&mut a, KeyCode::Enter);
    draw(&mut a);
    ch(&mut a, '?');
    draw(&mut a);
    ch(&mut a, '?');
    ch(&mut a, 'c');
    draw(&mut a);
    ch(&mut a, 'q');
    ch(&mut a, 'C');
    draw(&mut a);
    for buf in &views {
        for cell in buf.content() {
            let pale = matches!(
                cell.fg,
                Color::White | Color::Gray | Color::Yellow | Color::Cyan | Color::LightYellow
            );
            assert!(
                !pale || cell.bg != Color::Reset,
                "{:?} on the default background: {:?}",
                cell.fg,
                cell.symbol()
            );
        }
    }
}

/// A setup step through the one way in, checking the mode it was meant for is showing.
fn act(a: &mut App, scope: Scope, action: Action) {
    assert_eq!(a.scope(), scope, "setting up {action:?}");
    baogao::ui::update::update(a, action);
}

//! Drawing: reads [`App`] and writes cells, one file per view. Panes adapt to the terminal size: three
//! panes when wide, two when medium, the focused one alone when narrow, and nothing
//! ever written past an edge (text is laid out by display width beforehand).

use super::app::{App, Geometry, OverlayKind, Pane, PromptKind, View, keep_visible};
use super::i18n::{self, Msg};
use crate::ui::doc::Kind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use std::sync::Arc;
use unicode_width::UnicodeWidthChar;

mod cells;
mod compare;
mod overlays;
mod panes;
mod tables;
mod theme;

pub use cells::fit;
use cells::*;
use compare::*;
use overlays::*;
use panes::*;
use tables::*;
pub use theme::Theme;

/// Which panes are shown, left to right.
fn panes(app: &App, width: u16) -> Vec<Pane> {
    if app.viewer.zoom {
        return vec![Pane::Viewer];
    }
    if width >= 100 {
        vec![Pane::List, Pane::Tree, Pane::Viewer]
    } else if width >= 60 {
        match app.focus {
            Pane::List => vec![Pane::List, Pane::Viewer],
            _ => vec![Pane::Tree, Pane::Viewer],
        }
    } else {
        vec![app.focus]
    }
}

/// The panes shown and their rectangles, left to right, in the area above the status bar.
fn pane_rects(app: &App, main: Rect) -> Vec<(Pane, Rect)> {
    let shown = panes(app, main.width);
    let widths: Vec<u16> = match shown.len() {
        3 => {
            let l = (main.width * 22 / 100).clamp(18, 40);
            let t = (main.width * 30 / 100).clamp(20, 50);
            vec![l, t, main.width - l - t]
        }
        2 => {
            let l = (main.width * 36 / 100).clamp(16, 44);
            vec![l, main.width - l]
        }
        _ => vec![main.width],
    };
    let mut x = main.x;
    shown
        .into_iter()
        .zip(widths)
        .map(|(p, w)| {
            let r = Rect::new(x, main.y, w, main.height);
            x += w;
            (p, r)
        })
        .collect()
}

/// The area above the status bar, and the status bar (when there is room for both).
fn split_status(area: Rect) -> (Rect, Option<Rect>) {
    if area.height >= 2 {
        (
            Rect::new(area.x, area.y, area.width, area.height - 1),
            Some(Rect::new(area.x, area.y + area.height - 1, area.width, 1)),
        )
    } else {
        (area, None)
    }
}

/// Inside a pane's border (as [`pane_block`] draws it).
fn inner(r: Rect) -> Rect {
    if r.width < 4 || r.height < 3 {
        r
    } else {
        Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
    }
}

/// Where everything goes in a frame of `area`, from the state alone: the panes, the
/// viewer's text rows and columns, and the rows each list or view has. The app takes it
/// before a frame is drawn ([`crate::ui::App::prepare`]) to page, scroll and hit-test the
/// mouse; drawing uses the same rectangles.
pub fn geometry(app: &App, area: Rect) -> Geometry {
    let prev = app.geometry;
    let mut g = Geometry {
        // The viewer keeps its size while it is hidden (so paging and the layout stay).
        viewer_rows: prev.viewer_rows,
        viewer_cols: prev.viewer_cols,
        ..Geometry::default()
    };
    if area.width == 0 || area.height == 0 {
        return g;
    }
    let (main, _) = split_status(area);
    g.main = main;
    match &app.view {
        View::Reader => {
            for (p, r) in pane_rects(app, main) {
                let h = inner(r).height;
                match p {
                    Pane::List => {
                        g.list = Some(r);
                        g.list_rows = h;
                    }
                    Pane::Tree => {
                        g.tree = Some(r);
                        g.tree_rows = h;
                    }
                    Pane::Viewer => {
                        g.viewer = Some(r);
                        let i = inner(r);
                        let cols = match app.reading_width {
                            Some(w) if w < i.width => w,
                            _ => i.width,
                        };
                        g.viewer_rows = i.height.max(1);
                        g.viewer_cols = cols.max(1);
                    }
                }
            }
        }
        View::Compare(_) => {
            let [l, r] = compare_rects(main);
            let (il, ir) = (inner(l), inner(r));
            g.viewer_rows = il.height.max(1);
            g.compare_cols = [il.width, ir.width];
        }
        View::Coverage(_) => {
            let i = inner(main);
            g.body_rows = i.height.saturating_sub(2);
            g.coverage_shown = coverage_cells(i).2;
        }
        View::Across(_) => g.body_rows = inner(main).height,
    }
    if let Some(b) = overlay_box(main) {
        g.overlay_rows = inner(b).height.saturating_sub(1);
    }
    if let crate::ui::state::Mode::Help { scope, .. } = app.mode {
        let n = app.keymap.help_lines(scope).len();
        if let Some(b) = help_box(main, n) {
            g.help_rows = b.height.saturating_sub(2);
        }
    }
    g
}

/// Lay the frame out, let the app settle into it, and draw it: what the terminal loop
/// (and every test) does for one frame.
pub fn frame(area: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) -> Geometry {
    app.prepare(geometry(app, area));
    render(area, buf, app, theme)
}

/// Draw the reader into `buf` from the state as it is; nothing in `app` changes.
/// Returns where things went.
pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) -> Geometry {
    draw_frame(area, buf, app, theme);
    scrub(buf, area);
    geometry(app, area)
}

/// The last line of defence between a file and the terminal: a cell whose symbol holds
/// anything a terminal acts on (see [`crate::safe::is_unsafe`]) shows U+FFFD instead.
/// Every frame passes here, whatever drew it.
fn scrub(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if cell
                .symbol()
                .chars()
                .any(|c| crate::safe::is_unsafe(c) || c == '\n' || c == '\t')
            {
                cell.set_symbol("\u{fffd}");
            }
        }
    }
}

fn draw_frame(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let (main, status) = split_status(area);
    match &app.view {
        View::Compare(_) => draw_compare(main, buf, app, theme),
        View::Across(_) => draw_across(main, buf, app, theme),
        View::Coverage(_) => draw_coverage(main, buf, app, theme),
        View::Reader => {
            for (p, r) in pane_rects(app, main) {
                match p {
                    Pane::List => draw_list(r, buf, app, theme),
                    Pane::Tree => draw_tree(r, buf, app, theme),
                    Pane::Viewer => draw_viewer(r, buf, app, theme),
                }
            }
        }
    }
    if let Some(s) = status {
        draw_status(s, buf, app, theme);
    }
    if matches!(app.view, View::Reader) && app.overlay().is_some() {
        draw_overlay(main, buf, app, theme);
    }
    if app.help_open() {
        draw_help(main, buf, app, theme);
    }
}

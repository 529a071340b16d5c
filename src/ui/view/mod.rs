//! Drawing: reads [`App`] and writes cells, one file per view. Panes adapt to the terminal size: three
//! panes when wide, two when medium, the focused one alone when narrow, and nothing
//! ever written past an edge (text is laid out by display width beforehand).

use super::app::{App, OverlayKind, Pane, PromptKind, View, keep_visible};
use super::i18n::{self, Msg};
use crate::ui::doc::Kind;
use ratatui::Frame;
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
    if app.zoom {
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

pub fn draw(f: &mut Frame, app: &mut App, theme: &Theme) {
    let area = f.area();
    render(area, f.buffer_mut(), app, theme);
}

/// Render the whole reader into `buf` (also used by tests and screenshots).
pub fn render(area: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) {
    draw_frame(area, buf, app, theme);
    scrub(buf, area);
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

fn draw_frame(area: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let (main, status) = if area.height >= 2 {
        (
            Rect::new(area.x, area.y, area.width, area.height - 1),
            Some(Rect::new(area.x, area.y + area.height - 1, area.width, 1)),
        )
    } else {
        (area, None)
    };
    // Full-screen views replace the panes; the status bar stays.
    if !matches!(app.view, View::Reader) {
        app.geometry.list = None;
        app.geometry.tree = None;
        app.geometry.viewer = None;
        match &app.view {
            View::Compare(_) => draw_compare(main, buf, app, theme),
            View::Across(_) => draw_across(main, buf, app, theme),
            View::Coverage(_) => draw_coverage(main, buf, app, theme),
            View::Reader => {}
        }
        if let Some(s) = status {
            draw_status(s, buf, app, theme);
        }
        if app.help {
            draw_help(main, buf, app, theme);
        }
        return;
    }
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
    app.geometry.list = None;
    app.geometry.tree = None;
    app.geometry.viewer = None;
    let mut x = main.x;
    for (p, w) in shown.iter().zip(widths) {
        let r = Rect::new(x, main.y, w, main.height);
        x += w;
        match p {
            Pane::List => {
                app.geometry.list = Some(r);
                draw_list(r, buf, app, theme);
            }
            Pane::Tree => {
                app.geometry.tree = Some(r);
                draw_tree(r, buf, app, theme);
            }
            Pane::Viewer => {
                app.geometry.viewer = Some(r);
                draw_viewer(r, buf, app, theme);
            }
        }
    }
    if let Some(s) = status {
        draw_status(s, buf, app, theme);
    }
    if app.overlay.is_some() {
        draw_overlay(main, buf, app, theme);
    }
    if app.help {
        draw_help(main, buf, app, theme);
    }
}

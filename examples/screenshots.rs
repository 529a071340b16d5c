//! Render the reader's views from the real app into SVG files in screenshots/.
//!
//!     cargo run --example screenshots
//!
//! Each view is driven by keys like a user would press them, rendered into a buffer
//! (the same code path as the terminal), and written with its colours as SVG.

use baogao::ingest::load_samples;
use baogao::ui::app::{App, Pane};
use baogao::ui::{Theme, frame};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 17.0;

fn rgb(c: Color, fg: bool) -> &'static str {
    match c {
        Color::Reset => {
            if fg {
                "#d0d0d0"
            } else {
                "#1c1c1c"
            }
        }
        Color::Black => "#1c1c1c",
        Color::Red => "#d75f5f",
        Color::Green => "#87af5f",
        Color::Yellow => "#d7af5f",
        Color::Blue => "#5f87af",
        Color::Magenta => "#af87af",
        Color::Cyan => "#5fafaf",
        Color::Gray => "#bcbcbc",
        Color::DarkGray => "#767676",
        Color::LightRed => "#ff8787",
        Color::LightGreen => "#afd787",
        Color::LightYellow => "#ffd787",
        Color::LightBlue => "#87afd7",
        Color::LightMagenta => "#d7afd7",
        Color::LightCyan => "#87d7d7",
        Color::White => "#eeeeee",
        _ => {
            if fg {
                "#d0d0d0"
            } else {
                "#1c1c1c"
            }
        }
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn svg(buf: &Buffer) -> String {
    let a = buf.area;
    let (w, h) = (a.width as f32 * CELL_W, a.height as f32 * CELL_H);
    let mut s = String::new();
    writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="'DejaVu Sans Mono','Noto Sans Mono CJK SC','Sarasa Mono SC',monospace" font-size="14">"#
    )
    .unwrap();
    writeln!(s, r##"<rect width="100%" height="100%" fill="#1c1c1c"/>"##).unwrap();
    for y in 0..a.height {
        let mut x = 0;
        while x < a.width {
            let cell = &buf[(x, y)];
            let sym = cell.symbol();
            let cw = sym.width().max(1) as u16;
            let rev = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (rgb(cell.fg, true), rgb(cell.bg, false));
            if rev {
                std::mem::swap(&mut fg, &mut bg);
                if cell.fg == Color::Reset {
                    bg = "#d0d0d0";
                }
                if cell.bg == Color::Reset {
                    fg = "#1c1c1c";
                }
            }
            let px = x as f32 * CELL_W;
            let py = y as f32 * CELL_H;
            if bg != "#1c1c1c" {
                writeln!(
                    s,
                    r#"<rect x="{px}" y="{py}" width="{}" height="{CELL_H}" fill="{bg}"/>"#,
                    cw as f32 * CELL_W
                )
                .unwrap();
            }
            if !sym.trim().is_empty() {
                let weight = if cell.modifier.contains(Modifier::BOLD) {
                    r#" font-weight="bold""#
                } else {
                    ""
                };
                let deco = if cell.modifier.contains(Modifier::UNDERLINED) {
                    r#" text-decoration="underline""#
                } else {
                    ""
                };
                writeln!(
                    s,
                    r#"<text x="{px}" y="{}" fill="{fg}"{weight}{deco} textLength="{}" lengthAdjust="spacingAndGlyphs">{}</text>"#,
                    py + CELL_H - 4.0,
                    cw as f32 * CELL_W,
                    esc(sym)
                )
                .unwrap();
            }
            x += cw;
        }
    }
    s.push_str("</svg>\n");
    s
}

fn shot(name: &str, app: &mut App, w: u16, h: u16) {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    frame(area, &mut buf, app, &Theme::DARK);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.svg"));
    std::fs::write(&path, svg(&buf)).unwrap();
    println!("wrote {}", path.display());
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn main() {
    let mut app = App::new(load_samples());
    shot("reader", &mut app, 120, 36);

    // The tree of 002 with a section open in the viewer.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    for _ in 0..5 {
        key(&mut app, KeyCode::Char('j'));
    }
    shot("tree", &mut app, 120, 36);

    // Search, zoomed.
    app.focus = Pane::Viewer;
    key(&mut app, KeyCode::Char('z'));
    key(&mut app, KeyCode::Char('/'));
    for c in "法治".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    shot("search", &mut app, 100, 30);

    // Help overlay.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('z'));
    key(&mut app, KeyCode::Char('?'));
    shot("help", &mut app, 120, 50);

    // Narrow terminal: the viewer alone.
    key(&mut app, KeyCode::Esc);
    shot("narrow", &mut app, 48, 16);

    // Palette with a pinyin-initials query.
    let mut app = App::new(load_samples());
    app.wait_for_indexes();
    app.on_key(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL));
    for c in "pfxc".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    shot("palette", &mut app, 120, 30);

    // Compare 000 and 002 at the next-year plan, and the coverage matrix.
    let mut app = App::new(load_samples());
    app.compare_reports(baogao::corpus::Label::NextYearPlan, 0, 2);
    shot("compare", &mut app, 120, 30);
    let mut app = App::new(load_samples());
    key(&mut app, KeyCode::Char('C'));
    shot("coverage", &mut app, 120, 12);
}

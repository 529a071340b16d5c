//! Drawing: reads [`App`] and writes cells. Panes adapt to the terminal size: three
//! panes when wide, two when medium, the focused one alone when narrow, and nothing
//! ever written past an edge (text is laid out by display width beforehand).

use super::app::{App, OverlayKind, Pane, PromptKind, View, keep_visible};
use super::doc::Kind;
use super::i18n::{self, Msg};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use std::sync::Arc;
use unicode_width::UnicodeWidthChar;

/// Styles, in the 16 ANSI colours (fine on 16- and 256-colour terminals); with
/// NO_COLOR only bold/reverse/underline are used.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    /// For light terminal backgrounds.
    pub light: bool,
    /// Only the 8 basic colours (no bright or grey variants).
    pub basic: bool,
}

impl Theme {
    pub const DARK: Theme = Theme {
        color: true,
        light: false,
        basic: false,
    };
    pub const PLAIN: Theme = Theme {
        color: false,
        light: false,
        basic: false,
    };

    /// Honour NO_COLOR (any non-empty value).
    pub fn from_env() -> Theme {
        Theme::named(None)
    }

    /// "dark", "light" or "16" from the config; NO_COLOR always wins.
    pub fn named(name: Option<&str>) -> Theme {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Theme {
            color,
            light: name == Some("light"),
            basic: name == Some("16"),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if !self.color {
            return Style::new();
        }
        let c = match (c, self.light, self.basic) {
            // Greys and yellow read badly on white; bright variants are not basic.
            (Color::Yellow, true, _) => Color::Blue,
            (Color::DarkGray, true, _) => Color::Gray,
            (Color::DarkGray, false, true) => return Style::new().add_modifier(Modifier::DIM),
            (c, _, _) => c,
        };
        Style::new().fg(c)
    }
    fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }
    fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }
    fn kind(&self, k: Kind) -> Style {
        if !self.color {
            return match k {
                Kind::Title | Kind::Heading(1) => {
                    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                }
                Kind::Heading(2) => Style::new().add_modifier(Modifier::BOLD),
                Kind::Heading(_) => Style::new().add_modifier(Modifier::UNDERLINED),
                Kind::Meta | Kind::Closing => Style::new().add_modifier(Modifier::DIM),
                Kind::Body | Kind::Blank => Style::new(),
            };
        }
        match k {
            Kind::Title => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Kind::Meta => self.fg(Color::DarkGray),
            Kind::Heading(1) => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Kind::Heading(2) => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Kind::Heading(_) => self.fg(Color::Magenta),
            Kind::Closing => self.fg(Color::DarkGray),
            Kind::Body | Kind::Blank => Style::new(),
        }
    }
    fn hit(&self, current: bool) -> Style {
        if !self.color {
            return if current {
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
            } else {
                Style::new().add_modifier(Modifier::UNDERLINED)
            };
        }
        if current {
            Style::new().bg(Color::Yellow).fg(Color::Black)
        } else {
            Style::new().bg(Color::Blue).fg(Color::White)
        }
    }
    fn tag(&self) -> Style {
        self.fg(Color::DarkGray)
    }
    fn status(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
}

/// Cut `s` to at most `width` cells, ending in "…" when cut.
pub fn fit(s: &str, width: usize) -> String {
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, width: u16, style: Style) -> u16 {
    if width == 0 {
        return x;
    }
    let (nx, _) = buf.set_stringn(x, y, s, width as usize, style);
    nx
}

/// An input line in the row `r`: `lead`, the text, and the cursor as a reversed cell
/// (the character under it, or a space at the end); a long line scrolls to keep the
/// cursor in view.
fn put_line(buf: &mut Buffer, r: Rect, lead: &str, line: &super::line::Line, style: Style) {
    let width = |s: &str| -> usize { s.chars().map(|c| c.width().unwrap_or(0)).sum() };
    let (before, after) = line.split();
    let mut under = after.chars();
    let cur = under.next();
    let rest = under.as_str();
    let cw = cur.map_or(1, |c| c.width().unwrap_or(1).max(1));
    let room = r.width as usize;
    let lead_w = width(lead);
    let mut shown = before;
    // Bounded by the line's length (at most line::MAX_CHARS characters).
    while lead_w + width(shown) + cw > room && !shown.is_empty() {
        let first = shown.chars().next().map_or(1, char::len_utf8);
        shown = &shown[first..];
    }
    let end = r.x + r.width;
    let mut x = put(buf, r.x, r.y, lead, r.width, style);
    x = put(buf, x, r.y, shown, end.saturating_sub(x), style);
    if x < end {
        let mut tmp = [0u8; 4];
        let s = cur.map_or(" ", |c| c.encode_utf8(&mut tmp));
        x = put(
            buf,
            x,
            r.y,
            s,
            end - x,
            style.add_modifier(Modifier::REVERSED),
        );
    }
    if x < end {
        put(buf, x, r.y, rest, end - x, style);
    }
}

/// Clear the cells an overlay covers, and the wide character left of it whose right
/// half the box would cover: the terminal (and ratatui's diff) treats a wide character
/// as covering the next cell, so left in place it hides the box's left border.
fn clear_box(r: Rect, buf: &mut Buffer) {
    use unicode_width::UnicodeWidthStr;
    let r = r.intersection(buf.area);
    Clear.render(r, buf);
    if r.x > buf.area.x {
        for y in r.top()..r.bottom() {
            let cell = &mut buf[(r.x - 1, y)];
            if cell.symbol().width() > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

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

/// A bordered pane when there is room; returns the inner area.
fn pane_block(r: Rect, buf: &mut Buffer, title: &str, focused: bool, theme: &Theme) -> Rect {
    if r.width < 4 || r.height < 3 {
        return r;
    }
    let t = fit(title, r.width.saturating_sub(4) as usize);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(t);
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}

fn draw_list(r: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) {
    let focused = app.focus == Pane::List;
    let title = if app.filter.is_empty() {
        Msg::Reports.fill(app.lang, &[&app.order.len()])
    } else {
        Msg::ReportsFiltered.fill(
            app.lang,
            &[&app.order.len(), &app.corpus.reports.len(), &app.filter],
        )
    };
    let inner = pane_block(r, buf, &title, focused, theme);
    if inner.height == 0 {
        return;
    }
    keep_visible(&mut app.list_top, app.list_sel, inner.height);
    let first = app.list_top;
    for (row, (i, &ri)) in app
        .order
        .iter()
        .enumerate()
        .skip(first)
        .take(inner.height as usize)
        .enumerate()
    {
        let rep = &app.corpus.reports[ri];
        let m = &rep.meta;
        let name = m.agency.clone().unwrap_or_else(|| m.title.clone());
        let year = m.year.map(|y| y.to_string()).unwrap_or_else(|| "—".into());
        let level = m.level.map_or("", |l| i18n::level(l, app.lang));
        // Other kinds of document are listed apart (after the reports) and say what they are.
        let name = match m.kind {
            "info_disclosure" => format!("{}{name}", app.tr(Msg::KindInfoDisclosure)),
            "plan" => format!("{}{name}", app.tr(Msg::KindPlan)),
            "other" => format!("{}{name}", app.tr(Msg::KindOther)),
            _ => name,
        };
        // A file that is not text says what it was (HTML, later Word and PDF).
        let right = match rep.format {
            "txt" | "md" => format!(" {year} {level}"),
            f => format!(" {year} {level} {}", f.to_ascii_uppercase()),
        };
        let rw = unicode_width::UnicodeWidthStr::width(right.as_str()) as u16;
        let y = inner.y + row as u16;
        let style = if i == app.list_sel {
            theme.selected(focused)
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        if inner.width > rw + 2 {
            let nw = inner.width - rw;
            put(buf, inner.x, y, &fit(&name, nw as usize), nw, style);
            put(buf, inner.x + nw, y, &right, rw, style.patch(theme.tag()));
        } else {
            put(
                buf,
                inner.x,
                y,
                &fit(&name, inner.width as usize),
                inner.width,
                style,
            );
        }
    }
}

fn draw_tree(r: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) {
    let focused = app.focus == Pane::Tree;
    let rows = app.tree_rows();
    let total = app.report().map_or(0, |r| r.sections.len());
    let title = Msg::Sections.fill(app.lang, &[&rows.len(), &total]);
    let inner = pane_block(r, buf, &title, focused, theme);
    if inner.height == 0 || app.current.is_none() {
        return;
    }
    let cur = app.current.expect("checked");
    keep_visible(&mut app.tree_top, app.tree_sel, inner.height);
    let first = app.tree_top;
    let rep = &app.corpus.reports[cur];
    for (row, (i, &(id, depth))) in rows
        .iter()
        .enumerate()
        .skip(first)
        .take(inner.height as usize)
        .enumerate()
    {
        let s = rep.section(id);
        let y = inner.y + row as u16;
        let style = if i == app.tree_sel {
            theme.selected(focused)
        } else {
            theme
                .kind(Kind::Heading(s.level))
                .remove_modifier(Modifier::BOLD)
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        let glyph = if s.children.is_empty() {
            "  "
        } else if app.folded.contains(&(cur, id.0)) {
            "▸ "
        } else {
            "▾ "
        };
        let fold_count = if app.folded.contains(&(cur, id.0)) {
            format!(" ({})", s.children.len())
        } else {
            String::new()
        };
        let head = format!(
            "{}{}{}{}{}",
            "  ".repeat(depth as usize),
            glyph,
            s.marker.as_deref().unwrap_or(""),
            s.title,
            fold_count
        );
        let tags: Vec<String> = s.labels.iter().map(|&l| i18n::label(l, app.lang)).collect();
        let tags = if tags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", tags.join("·"))
        };
        let x = put(
            buf,
            inner.x,
            y,
            &fit(&head, inner.width as usize),
            inner.width,
            style,
        );
        let used = x - inner.x;
        if used + 4 < inner.width && !tags.is_empty() {
            let w = inner.width - used;
            put(
                buf,
                x,
                y,
                &fit(&tags, w as usize),
                w,
                style.patch(theme.tag()),
            );
        }
    }
}

fn draw_viewer(r: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) {
    let focused = app.focus == Pane::Viewer;
    // Title first needs the layout at the inner width: compute the inner rect.
    let inner_guess = if r.width < 4 || r.height < 3 {
        r
    } else {
        Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
    };
    app.geometry.viewer_rows = inner_guess.height.max(1);
    app.geometry.viewer_cols = inner_guess.width.max(1);
    let pct = app.percent();
    // The percentage survives narrow panes: only the title is shortened.
    let title = match app.report() {
        Some(rep) => {
            let room = (r.width as usize).saturating_sub(4 + 5);
            format!("{} {pct}%", fit(&rep.meta.title, room))
        }
        None => "没有报告".to_string(),
    };
    let inner = pane_block(r, buf, &title, focused, theme);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let search = app.search.clone();
    let scroll = app.scroll;
    let inner = match app.reading_width {
        Some(w) if w < inner.width => Rect::new(inner.x, inner.y, w, inner.height),
        _ => inner,
    };
    app.geometry.viewer_cols = inner.width.max(1);
    let Some(layout) = app.layout(inner.width) else {
        put(
            buf,
            inner.x,
            inner.y,
            "（没有可显示的报告）",
            inner.width,
            Style::new(),
        );
        return;
    };
    // Only the visible rows (and their hits) are taken from the cached layout.
    let visible: Vec<(super::doc::Row, Vec<std::ops::Range<usize>>)> = (scroll..layout.rows.len())
        .take(inner.height as usize)
        .map(|i| {
            let hits = search
                .as_ref()
                .map(|s| layout.hits_on(i, &s.hits))
                .unwrap_or_default();
            (layout.rows[i], hits)
        })
        .collect();
    let cur_hit = search.as_ref().and_then(|s| s.cur.map(|c| s.hits[c]));
    for (k, (row, hits)) in visible.into_iter().enumerate() {
        let kind = app.para_kind(row.para);
        let style = theme.kind(kind);
        let y = inner.y + k as u16;
        let text = {
            let doc = app.doc().expect("layout implies doc");
            doc.row_text(&row).to_string()
        };
        if hits.is_empty() {
            put(buf, inner.x, y, &text, inner.width, style);
            continue;
        }
        // Paint the row, then the hits over it.
        let mut x = inner.x;
        let mut at = 0;
        let end_x = inner.x + inner.width;
        for h in hits {
            let is_cur = cur_hit.is_some_and(|c| {
                c.para == row.para && c.start < row.end && c.end > row.start && {
                    let s = (c.start.max(row.start) - row.start) as usize;
                    s == h.start
                }
            });
            if h.start > at {
                x = put(buf, x, y, &text[at..h.start], end_x - x, style);
            }
            x = put(
                buf,
                x,
                y,
                &text[h.start..h.end],
                end_x.saturating_sub(x),
                theme.hit(is_cur),
            );
            at = h.end;
        }
        if at < text.len() && x < end_x {
            put(buf, x, y, &text[at..], end_x - x, style);
        }
    }
}

fn draw_status(r: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) {
    let style = theme.status();
    buf.set_style(r, style);
    if let Some(p) = &app.prompt {
        let lead = match p.kind {
            PromptKind::Search => "/",
            PromptKind::Filter => app.tr(Msg::FilterLead),
        };
        put_line(buf, r, lead, &p.line, style);
        return;
    }
    let hint = hints(app);
    let pos = {
        let rows = app.geometry.viewer_cols.max(1);
        let total = app.layout(rows).map_or(0, |l| l.rows.len());
        format!(" {}/{} ", (app.scroll + 1).min(total.max(1)), total)
    };
    let left = match (&app.status, app.index_status()) {
        (Some(s), _) => s.clone(),
        (None, Some(i)) => format!("{i} · {}", app.breadcrumb()),
        (None, None) => app.breadcrumb(),
    };
    let right = format!("{pos}{hint}");
    let rw: usize = right.chars().map(|c| c.width().unwrap_or(0)).sum();
    if (r.width as usize) > rw + 8 {
        let lw = r.width - rw as u16;
        put(buf, r.x, r.y, &fit(&left, lw as usize), lw, style);
        put(buf, r.x + lw, r.y, &right, rw as u16, style);
    } else {
        put(buf, r.x, r.y, &fit(&left, r.width as usize), r.width, style);
    }
}

/// The status bar's reminder of the keys that matter most in the mode showing, as the
/// keymap in force has them (an override shows here at once).
fn hints(app: &App) -> String {
    use super::keymap::Action as A;
    let scope = app.scope();
    let wanted: &[(A, Msg)] = match scope {
        super::keymap::Scope::Compare => &[
            (A::Help, Msg::HintHelp),
            (A::LinkScroll, Msg::HintLink),
            (A::Close, Msg::HintBack),
        ],
        super::keymap::Scope::Across | super::keymap::Scope::Coverage => &[
            (A::Help, Msg::HintHelp),
            (A::Open, Msg::HintOpen),
            (A::Close, Msg::HintBack),
        ],
        super::keymap::Scope::List => &[
            (A::Help, Msg::HintHelp),
            (A::Filter, Msg::HintFilter),
            (A::Quit, Msg::HintQuit),
        ],
        _ => &[
            (A::Help, Msg::HintHelp),
            (A::Search, Msg::HintSearch),
            (A::Quit, Msg::HintQuit),
        ],
    };
    let parts: Vec<String> = wanted
        .iter()
        .filter_map(|(a, what)| {
            let k = app.keymap.key_for(*a, scope)?;
            Some(format!("{k} {}", app.tr(*what)))
        })
        .collect();
    format!(" {}", parts.join("  "))
}

fn draw_help(area: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) {
    let lang = app.lang;
    let lines: Vec<(String, &str)> = app
        .keymap
        .help_lines(app.help_scope)
        .into_iter()
        .map(|(k, what)| (k, i18n::help(what, lang)))
        .collect();
    let w = area.width.min(64);
    let h = area.height.min(lines.len() as u16 + 2);
    if w < 8 || h < 3 {
        return;
    }
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    clear_box(r, buf);
    let max_top = lines.len().saturating_sub(h.saturating_sub(2) as usize);
    app.help_top = app.help_top.min(max_top);
    let title = app.tr(if max_top > 0 {
        Msg::HelpTitleScroll
    } else {
        Msg::HelpTitle
    });
    let inner = pane_block(r, buf, title, true, theme);
    for (i, (keys, what)) in lines
        .iter()
        .skip(app.help_top)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + i as u16;
        if keys.is_empty() {
            put(
                buf,
                inner.x,
                y,
                what,
                inner.width,
                theme.kind(Kind::Heading(1)),
            );
        } else {
            let kw = 22.min(inner.width);
            put(
                buf,
                inner.x,
                y,
                &fit(keys, kw as usize),
                kw,
                theme.kind(Kind::Heading(2)),
            );
            if inner.width > kw {
                put(buf, inner.x + kw, y, what, inner.width - kw, Style::new());
            }
        }
    }
}

/// Write `text` from (x, y) in at most `width` cells, the chars at `marked` (char
/// indices) in the `(base, highlight)` styles; returns the next x.
fn put_marked(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    text: &str,
    marked: &[usize],
    width: u16,
    (base, hl): (Style, Style),
) -> u16 {
    let end = x + width;
    let mut x = x;
    let mut tmp = [0u8; 4];
    for (i, c) in text.chars().enumerate() {
        let cw = c.width().unwrap_or(0) as u16;
        if x + cw > end {
            break;
        }
        let style = if marked.contains(&i) { hl } else { base };
        x = put(buf, x, y, c.encode_utf8(&mut tmp), end - x, style);
    }
    x
}

/// Byte ranges → char indices (for highlighting snippets).
fn char_indices_in(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<usize> {
    text.char_indices()
        .enumerate()
        .filter(|(_, (b, _))| ranges.iter().any(|r| r.contains(b)))
        .map(|(i, _)| i)
        .collect()
}

fn draw_overlay(area: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) {
    let w = (area.width.saturating_sub(4)).clamp(area.width.min(20), 110);
    let h = (area.height.saturating_sub(2)).clamp(area.height.min(5), 40);
    if w < 6 || h < 3 {
        return;
    }
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    clear_box(r, buf);
    let Some(o) = app.overlay.clone() else { return };
    let title = match o.kind {
        OverlayKind::Palette if o.input.as_str().trim().is_empty() => {
            app.tr(Msg::PaletteTitle).to_string()
        }
        OverlayKind::Palette => {
            let n = o.palette_hits.len();
            let more = if n >= super::app::OVERLAY_LIMIT {
                "+"
            } else {
                ""
            };
            Msg::PaletteCount.fill(app.lang, &[&format!("{n}{more}")])
        }
        OverlayKind::Text => {
            if app.indexes.text.get().is_some() && !o.readings.is_empty() {
                // What the pinyin was read as, and the key for another reading.
                let read: Vec<String> = o.readings.iter().map(|r| r.to_string()).collect();
                let other = o.readings.iter().any(|r| r.words.len() > 1);
                let key = app.keymap.key_for(
                    super::keymap::Action::NextReading,
                    super::keymap::Scope::Palette,
                );
                let hint = match (other, key) {
                    (true, Some(k)) => Msg::OtherReading.fill(app.lang, &[&k]),
                    _ => String::new(),
                };
                format!(
                    "全文搜索: {} 节命中 · {}{hint}",
                    o.text_total,
                    read.join(" ")
                )
            } else if app.indexes.text.get().is_some() {
                Msg::TextCount.fill(app.lang, &[&o.text_total])
            } else {
                app.tr(Msg::TextTitle).to_string()
            }
        }
    };
    let inner = pane_block(r, buf, &title, true, theme);
    if inner.height == 0 {
        return;
    }
    // The input line.
    put_line(
        buf,
        Rect::new(inner.x, inner.y, inner.width, 1),
        "» ",
        &o.input,
        Style::new().add_modifier(Modifier::BOLD),
    );
    let rows = inner.height.saturating_sub(1);
    let list_y = inner.y + 1;
    let not_ready = match o.kind {
        OverlayKind::Palette => app.indexes.palette.get().is_none(),
        OverlayKind::Text => app.indexes.text.get().is_none(),
    };
    if not_ready {
        let msg = app
            .index_status()
            .map(|s| format!("{} {s}", app.tr(Msg::Indexing)))
            .unwrap_or_else(|| app.tr(Msg::Indexing).into());
        put(
            buf,
            inner.x,
            list_y,
            &fit(&msg, inner.width as usize),
            inner.width,
            theme.tag(),
        );
        return;
    }
    let n = match o.kind {
        OverlayKind::Palette => o.palette_hits.len(),
        OverlayKind::Text => o.text_hits.len(),
    };
    if n == 0 {
        if !o.input.as_str().trim().is_empty() {
            put(
                buf,
                inner.x,
                list_y,
                app.tr(Msg::NoResults),
                inner.width,
                theme.tag(),
            );
        }
        return;
    }
    let mut top = o.top;
    keep_visible(&mut top, o.sel, rows);
    if let Some(ov) = app.overlay.as_mut() {
        ov.top = top;
    }
    let hl = theme.hit(true);
    let corpus = std::sync::Arc::clone(&app.corpus);
    let highlights = match o.kind {
        OverlayKind::Text => o.query.highlights(),
        OverlayKind::Palette => Vec::new(),
    };
    for (k, i) in (top..n).take(rows as usize).enumerate() {
        let y = list_y + k as u16;
        let sel = i == o.sel;
        let base = if sel {
            theme.selected(true)
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
        match o.kind {
            OverlayKind::Palette => {
                let hit = &o.palette_hits[i];
                let (who, path) = crate::search::palette::describe(&corpus, hit.at);
                let s = corpus.reports[hit.at.report as usize].section(hit.at.section);
                let lead = format!("{who}  ");
                let mut x = put(
                    buf,
                    inner.x,
                    y,
                    &fit(&lead, inner.width as usize / 3),
                    inner.width,
                    base.patch(theme.tag()),
                );
                if !path.is_empty() && x < inner.x + inner.width {
                    let p = format!("{path} › ");
                    let room = (inner.x + inner.width - x) as usize / 2;
                    x = put(
                        buf,
                        x,
                        y,
                        &fit(&p, room),
                        inner.x + inner.width - x,
                        base.patch(theme.tag()),
                    );
                }
                if x < inner.x + inner.width {
                    let m = s.marker.as_deref().unwrap_or("");
                    x = put(buf, x, y, m, inner.x + inner.width - x, base);
                }
                if x < inner.x + inner.width {
                    put_marked(
                        buf,
                        (x, y),
                        &s.title,
                        &hit.matched,
                        inner.x + inner.width - x,
                        (base, hl),
                    );
                }
            }
            OverlayKind::Text => {
                let hit = &o.text_hits[i];
                let r = &corpus.reports[hit.doc.report as usize];
                let s = r.section(hit.doc.section);
                let who = format!(
                    "{} {} · {}{}: ",
                    r.meta.agency.as_deref().unwrap_or(&r.meta.title),
                    r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
                    s.marker.as_deref().unwrap_or(""),
                    s.title
                );
                let x = put(
                    buf,
                    inner.x,
                    y,
                    &fit(&who, inner.width as usize / 2),
                    inner.width,
                    base.patch(theme.tag()),
                );
                if x < inner.x + inner.width {
                    let (snip, ranges) = crate::search::fulltext::snippet(&s.text, &highlights, 80);
                    let marked = char_indices_in(&snip, &ranges);
                    put_marked(
                        buf,
                        (x, y),
                        &snip,
                        &marked,
                        inner.x + inner.width - x,
                        (base, hl),
                    );
                }
            }
        }
    }
}

fn draw_compare(area: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) {
    let View::Compare(cv) = app.view.clone() else {
        return;
    };
    if area.width < 8 {
        return;
    }
    let half = area.width / 2;
    let rects = [
        Rect::new(area.x, area.y, half, area.height),
        Rect::new(area.x + half, area.y, area.width - half, area.height),
    ];
    let shared_style = if theme.color {
        Style::new().fg(Color::DarkGray)
    } else {
        Style::new().add_modifier(Modifier::DIM)
    };
    let unique_style = Style::new().add_modifier(Modifier::BOLD);
    for (side, rect) in rects.into_iter().enumerate() {
        let r = &app.corpus.reports[cv.sides[side]];
        // What the pair shares leads the left title, so a narrow terminal cuts the
        // agency's name, not the similarity.
        let lead = if side == 0 {
            Msg::Similar.fill(
                app.lang,
                &[&i18n::label(cv.label, app.lang), &cv.similarity],
            )
        } else {
            format!("{} · ", i18n::label(cv.label, app.lang))
        };
        let title = format!(
            "{}{}{} {}",
            if !cv.linked && cv.active == side {
                "◆ "
            } else {
                ""
            },
            lead,
            r.meta.agency.as_deref().unwrap_or(&r.meta.title),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
        );
        let focused = cv.linked || cv.active == side;
        let inner = pane_block(rect, buf, &title, focused, theme);
        if inner.height == 0 || inner.width == 0 {
            continue;
        }
        app.geometry.viewer_rows = inner.height;
        let text = &cv.texts[side];
        let shared = &cv.shared[side];
        // Lay the section out: (paragraph start byte, range) per row.
        let mut rows: Vec<std::ops::Range<usize>> = Vec::new();
        let mut at = 0;
        for para in text.split('\n') {
            for w in crate::wrap::wrap(para, inner.width as usize, app.ambiguous_wide) {
                rows.push(at + w.start..at + w.end);
            }
            at += para.len() + 1;
        }
        let top = cv.scroll[side].min(rows.len().saturating_sub(1));
        for (k, row) in rows
            .iter()
            .skip(top)
            .take(inner.height as usize)
            .enumerate()
        {
            let y = inner.y + k as u16;
            let mut x = inner.x;
            let end = inner.x + inner.width;
            // Split the row at shared-phrase boundaries.
            let mut cuts = vec![row.start, row.end];
            for sr in shared {
                for b in [sr.start, sr.end] {
                    if b > row.start && b < row.end {
                        cuts.push(b);
                    }
                }
            }
            cuts.sort_unstable();
            cuts.dedup();
            for w in cuts.windows(2) {
                let piece = &text[w[0]..w[1]];
                let is_shared = shared.iter().any(|sr| sr.start <= w[0] && w[1] <= sr.end);
                let st = if is_shared {
                    shared_style
                } else {
                    unique_style
                };
                if x >= end {
                    break;
                }
                x = put(buf, x, y, piece, end - x, st);
            }
        }
    }
}

fn draw_coverage(area: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) {
    let View::Coverage(mut cv) = app.view.clone() else {
        return;
    };
    let inner = pane_block(area, buf, app.tr(Msg::CoverageTitle), true, theme);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let name_w = 24u16.min(inner.width / 3);
    // Narrow terminals get narrower cells and short column names; the columns scroll
    // sideways to keep the selected one in view, with ‹ › where more are hidden.
    let cell_w = if inner.width >= 110 { 11u16 } else { 9 };
    let shown = (((inner.width - name_w) / cell_w) as usize).max(1);
    if cv.col < cv.left {
        cv.left = cv.col;
    } else if cv.col >= cv.left + shown {
        cv.left = cv.col + 1 - shown;
    }
    let cols: Vec<(usize, crate::corpus::Label)> = cv
        .columns
        .iter()
        .copied()
        .enumerate()
        .skip(cv.left)
        .take(shown)
        .collect();
    let y0 = inner.y;
    let mut x = inner.x + name_w;
    for &(ci, l) in &cols {
        let w = cell_w.min(inner.x + inner.width - x);
        let st = if ci == cv.col {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        // The taxonomy's name, or the first short name that fits, or the shortest.
        let fits = |n: &&str| n.chars().count() * 2 < w as usize;
        let full = i18n::label(l, app.lang);
        let name = match app.lang {
            i18n::Lang::Zh => std::iter::once(l.zh())
                .chain(l.short_names().iter().copied())
                .find(fits)
                .or_else(|| l.short_names().iter().copied().min_by_key(|n| n.len()))
                .unwrap_or(l.zh())
                .to_string(),
            i18n::Lang::En if full.len() < w as usize => full,
            i18n::Lang::En => l.key().split('_').next().unwrap_or("").to_string(),
        };
        put(buf, x, y0, &fit(&name, w as usize - 1), w, st);
        x += cell_w;
    }
    if cv.left > 0 {
        put(buf, inner.x + name_w - 2, y0, "‹", 1, theme.tag());
    }
    if cv.left + cols.len() < cv.columns.len() {
        put(buf, inner.x + inner.width - 1, y0, "›", 1, theme.tag());
    }
    let rows = (inner.height - 2) as usize;
    keep_visible(&mut cv.top, cv.row, rows as u16);
    let corpus = Arc::clone(&app.corpus);
    for (k, (ri, &rep)) in cv
        .reports
        .iter()
        .enumerate()
        .skip(cv.top)
        .take(rows)
        .enumerate()
    {
        let y = y0 + 1 + k as u16;
        let r = &corpus.reports[rep];
        let who = format!(
            "{} {}",
            r.meta.agency.as_deref().unwrap_or(&r.meta.title),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default()
        );
        let row_st = if ri == cv.row {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        put(
            buf,
            inner.x,
            y,
            &fit(&who, name_w as usize - 1),
            name_w,
            row_st,
        );
        let mut x = inner.x + name_w;
        for &(ci, l) in &cols {
            let w = cell_w.min(inner.x + inner.width - x);
            let (txt, st) = match crate::compare::cell(r, l) {
                Some(c) => {
                    let bar = "█".repeat((c.chars / 400).clamp(1, 4));
                    let mark = if c.top { "" } else { "·" };
                    (
                        format!("{mark}{bar} {}", c.chars),
                        theme.kind(Kind::Heading(2)).remove_modifier(Modifier::BOLD),
                    )
                }
                None if crate::compare::MANDATORY.contains(&l) => {
                    (app.tr(Msg::CellMissing).to_string(), theme.hit(true))
                }
                None => ("—".to_string(), theme.tag()),
            };
            let st = if ri == cv.row && ci == cv.col {
                st.add_modifier(Modifier::REVERSED)
            } else {
                st
            };
            put(buf, x, y, &fit(&txt, w as usize - 1), w - 1, st);
            x += cell_w;
        }
    }
    let legend = app.tr(Msg::CoverageLegend);
    put(
        buf,
        inner.x,
        inner.y + inner.height - 1,
        &fit(legend, inner.width as usize),
        inner.width,
        theme.tag(),
    );
    if let View::Coverage(v) = &mut app.view {
        v.top = cv.top;
        v.left = cv.left;
    }
}

fn draw_across(area: Rect, buf: &mut Buffer, app: &mut App, theme: &Theme) {
    let View::Across(mut v) = app.view.clone() else {
        return;
    };
    let title = Msg::AcrossTitle.fill(
        app.lang,
        &[
            &i18n::label(v.label, app.lang),
            &v.label.key(),
            &v.rows.len(),
            &v.total,
        ],
    );
    let inner = pane_block(area, buf, &title, true, theme);
    if inner.height == 0 || inner.width < 10 {
        return;
    }
    keep_visible(&mut v.top, v.sel, inner.height);
    let corpus = Arc::clone(&app.corpus);
    for (k, (i, &(rep, sec))) in v
        .rows
        .iter()
        .enumerate()
        .skip(v.top)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + k as u16;
        let r = &corpus.reports[rep];
        let mark = if rep == v.from { "▶ " } else { "  " };
        let who = format!(
            "{mark}{} {}",
            r.meta.agency.as_deref().unwrap_or(&r.meta.title),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default()
        );
        let (len, first) = {
            let text = crate::compare::section_text(r, sec);
            let chars = text.chars().filter(|c| !c.is_whitespace()).count();
            let s = r.section(sec);
            let first = s
                .text
                .split('\n')
                .next()
                .filter(|t| !t.is_empty())
                .unwrap_or(&s.title);
            (
                format!("{:>7} ", Msg::Chars.fill(app.lang, &[&chars])),
                first.to_string(),
            )
        };
        let style = if i == v.sel {
            theme.selected(true)
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        let ww = (inner.width / 3).max(8);
        let x = put(buf, inner.x, y, &fit(&who, ww as usize), ww, style);
        let x = put(
            buf,
            inner.x + ww.max(x - inner.x),
            y,
            &len,
            inner.width.saturating_sub(ww),
            style.patch(theme.tag()),
        );
        if x < inner.x + inner.width {
            put(
                buf,
                x,
                y,
                &fit(&first, (inner.x + inner.width - x) as usize),
                inner.x + inner.width - x,
                style,
            );
        }
    }
    if let View::Across(a) = &mut app.view {
        a.top = v.top;
    }
}

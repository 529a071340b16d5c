//! Writing cells: text cut to a width, input lines with a cursor, boxes that clear
//! what they cover.

use super::*;

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

pub(super) fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, width: u16, style: Style) -> u16 {
    if width == 0 {
        return x;
    }
    let (nx, _) = buf.set_stringn(x, y, s, width as usize, style);
    nx
}

/// An input line in the row `r`: `lead`, the text, and the cursor as a reversed cell
/// (the character under it, or a space at the end); a long line scrolls to keep the
/// cursor in view.
pub(super) fn put_line(
    buf: &mut Buffer,
    r: Rect,
    lead: &str,
    line: &crate::ui::line::Line,
    style: Style,
) {
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
pub(super) fn clear_box(r: Rect, buf: &mut Buffer) {
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

/// A bordered pane when there is room; returns the inner area.
pub(super) fn pane_block(
    r: Rect,
    buf: &mut Buffer,
    title: &str,
    focused: bool,
    theme: &Theme,
) -> Rect {
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

/// Write `text` from (x, y) in at most `width` cells, the chars at `marked` (char
/// indices) in the `(base, highlight)` styles; returns the next x.
pub(super) fn put_marked(
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
pub(super) fn char_indices_in(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<usize> {
    text.char_indices()
        .enumerate()
        .filter(|(_, (b, _))| ranges.iter().any(|r| r.contains(b)))
        .map(|(i, _)| i)
        .collect()
}

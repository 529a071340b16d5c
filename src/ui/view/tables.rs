//! The coverage matrix and one part in every report.

use super::*;

/// The coverage matrix's name column and cell widths, and how many columns fit.
/// Narrow terminals get narrower cells and short column names; the columns scroll
/// sideways to keep the selected one in view, with ‹ › where more are hidden.
pub(super) fn coverage_cells(inner: Rect) -> (u16, u16, usize) {
    let name_w = 24u16.min(inner.width / 3);
    let cell_w = if inner.width >= 110 { 11u16 } else { 9 };
    let shown = ((inner.width.saturating_sub(name_w) / cell_w) as usize).max(1);
    (name_w, cell_w, shown)
}

pub(super) fn draw_coverage(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let View::Coverage(cv) = &app.view else {
        return;
    };
    let inner = pane_block(area, buf, app.tr(Msg::CoverageTitle), true, theme);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let (name_w, cell_w, shown) = coverage_cells(inner);
    let mut left = cv.left;
    keep_visible(&mut left, cv.col, shown as u16);
    let cols: Vec<(usize, crate::corpus::Label)> = cv
        .columns
        .iter()
        .copied()
        .enumerate()
        .skip(left)
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
    if left > 0 {
        put(buf, inner.x + name_w - 2, y0, "‹", 1, theme.tag());
    }
    if left + cols.len() < cv.columns.len() {
        put(buf, inner.x + inner.width - 1, y0, "›", 1, theme.tag());
    }
    let rows = (inner.height - 2) as usize;
    let mut top = cv.top;
    keep_visible(&mut top, cv.row, rows as u16);
    let corpus = Arc::clone(&app.corpus);
    for (k, (ri, &rep)) in cv
        .reports
        .iter()
        .enumerate()
        .skip(top)
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
}

pub(super) fn draw_across(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let View::Across(v) = &app.view else {
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
    let mut top = v.top;
    keep_visible(&mut top, v.sel, inner.height);
    let corpus = Arc::clone(&app.corpus);
    for (k, (i, &(rep, sec))) in v
        .rows
        .iter()
        .enumerate()
        .skip(top)
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
}

//! The reader's panes: the report list, the section tree, the text, the status bar.

use super::*;

pub(super) fn draw_list(r: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::List;
    let title = if app.list.filter.is_empty() {
        Msg::Reports.fill(app.lang, &[&app.list.order.len()])
    } else {
        Msg::ReportsFiltered.fill(
            app.lang,
            &[
                &app.list.order.len(),
                &app.corpus.reports.len(),
                &app.list.filter,
            ],
        )
    };
    let inner = pane_block(r, buf, &title, focused, theme);
    if inner.height == 0 {
        return;
    }
    let mut first = app.list.top;
    keep_visible(&mut first, app.list.sel, inner.height);
    for (row, (i, &ri)) in app
        .list
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
        let style = if i == app.list.sel {
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

pub(super) fn draw_tree(r: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Tree;
    let rows = app.tree_rows();
    let total = app.report().map_or(0, |r| r.sections.len());
    let title = Msg::Sections.fill(app.lang, &[&rows.len(), &total]);
    let inner = pane_block(r, buf, &title, focused, theme);
    if inner.height == 0 || app.current.is_none() {
        return;
    }
    let cur = app.current.expect("checked");
    let mut first = app.tree.top;
    keep_visible(&mut first, app.tree.sel, inner.height);
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
        let style = if i == app.tree.sel {
            theme.selected(focused)
        } else {
            theme
                .kind(Kind::Heading(s.level))
                .remove_modifier(Modifier::BOLD)
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        let glyph = if s.children.is_empty() {
            "  "
        } else if app.tree.folded.contains(&(cur, id.0)) {
            "▸ "
        } else {
            "▾ "
        };
        let fold_count = if app.tree.folded.contains(&(cur, id.0)) {
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

pub(super) fn draw_viewer(r: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Viewer;
    let pct = app.percent();
    // The percentage survives narrow panes: only the title is shortened.
    let title = match app.report() {
        Some(rep) => {
            let room = (r.width as usize).saturating_sub(4 + 5);
            format!("{} {pct}%", fit(&rep.meta.title, room))
        }
        None => app.tr(Msg::NoReport).to_string(),
    };
    let inner = pane_block(r, buf, &title, focused, theme);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let inner = match app.reading_width {
        Some(w) if w < inner.width => Rect::new(inner.x, inner.y, w, inner.height),
        _ => inner,
    };
    let drawn = app.with_layout(inner.width, |doc, layout| {
        draw_rows(inner, buf, app, doc, layout, theme)
    });
    if drawn.is_none() {
        put(
            buf,
            inner.x,
            inner.y,
            app.tr(Msg::NothingToShow),
            inner.width,
            Style::new(),
        );
    }
}

/// The viewer's visible rows, with the search's hits painted over them.
fn draw_rows(
    inner: Rect,
    buf: &mut Buffer,
    app: &App,
    doc: &crate::ui::doc::Doc,
    layout: &crate::ui::doc::Layout,
    theme: &Theme,
) {
    let search = app.viewer.search.as_ref();
    let cur_hit = search.and_then(|s| s.cur.map(|c| s.hits[c]));
    for (k, i) in (app.viewer.scroll..layout.rows.len())
        .take(inner.height as usize)
        .enumerate()
    {
        let row = layout.rows[i];
        let hits = search
            .map(|s| layout.hits_on(i, &s.hits))
            .unwrap_or_default();
        let style = theme.kind(doc.paras[row.para as usize].kind);
        let y = inner.y + k as u16;
        let text = doc.row_text(&row);
        if hits.is_empty() {
            put(buf, inner.x, y, text, inner.width, style);
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

pub(super) fn draw_status(r: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let style = theme.status();
    buf.set_style(r, style);
    if let Some(p) = app.prompt() {
        let lead = match p.kind {
            PromptKind::Search => "/",
            PromptKind::Filter => app.tr(Msg::FilterLead),
        };
        put_line(buf, r, lead, &p.line, style);
        return;
    }
    let hint = hints(app);
    let pos = {
        let total = app.cached_layout().map_or(0, |l| l.rows.len());
        format!(" {}/{} ", (app.viewer.scroll + 1).min(total.max(1)), total)
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
pub(super) fn hints(app: &App) -> String {
    use crate::ui::keymap::Action as A;
    let scope = app.scope();
    let wanted: &[(A, Msg)] = match scope {
        crate::ui::keymap::Scope::Compare => &[
            (A::Help, Msg::HintHelp),
            (A::LinkScroll, Msg::HintLink),
            (A::Close, Msg::HintBack),
        ],
        crate::ui::keymap::Scope::Across | crate::ui::keymap::Scope::Coverage => &[
            (A::Help, Msg::HintHelp),
            (A::Open, Msg::HintOpen),
            (A::Close, Msg::HintBack),
        ],
        crate::ui::keymap::Scope::Help => &[(A::Down, Msg::HintScroll), (A::Close, Msg::HintBack)],
        crate::ui::keymap::Scope::Palette => &[
            (A::Down, Msg::HintSelect),
            (A::Open, Msg::HintOpen),
            (A::Cancel, Msg::HintBack),
        ],
        crate::ui::keymap::Scope::List => &[
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

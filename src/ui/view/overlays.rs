//! What is drawn over the panes: the help and the palette / full-text search.

use super::*;

pub(super) fn draw_help(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let crate::ui::state::Mode::Help { scope, top } = app.mode else {
        return;
    };
    let lang = app.lang;
    let lines: Vec<(String, &str)> = app
        .keymap
        .help_lines(scope)
        .into_iter()
        .map(|(k, what)| (k, i18n::help(what, lang)))
        .collect();
    let Some(r) = help_box(area, lines.len()) else {
        return;
    };
    clear_box(r, buf);
    let max_top = lines
        .len()
        .saturating_sub(r.height.saturating_sub(2) as usize);
    let help_top = top.min(max_top);
    let title = app.tr(if max_top > 0 {
        Msg::HelpTitleScroll
    } else {
        Msg::HelpTitle
    });
    let inner = pane_block(r, buf, title, true, theme);
    for (i, (keys, what)) in lines
        .iter()
        .skip(help_top)
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

/// The help's box over `area`, for `lines` lines (None when there is no room).
pub(super) fn help_box(area: Rect, lines: usize) -> Option<Rect> {
    let w = area.width.min(64);
    let h = area.height.min(lines.min(u16::MAX as usize - 2) as u16 + 2);
    (w >= 8 && h >= 3).then(|| {
        Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        )
    })
}

/// The palette's (and full-text search's) box over `area`.
pub(super) fn overlay_box(area: Rect) -> Option<Rect> {
    let w = (area.width.saturating_sub(4)).clamp(area.width.min(20), 110);
    let h = (area.height.saturating_sub(2)).clamp(area.height.min(5), 40);
    (w >= 6 && h >= 3).then(|| {
        Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        )
    })
}

pub(super) fn draw_overlay(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Some(r) = overlay_box(area) else {
        return;
    };
    clear_box(r, buf);
    let Some(o) = app.overlay() else {
        return;
    };
    let title = match o.kind {
        OverlayKind::Palette if o.input.as_str().trim().is_empty() => {
            app.tr(Msg::PaletteTitle).to_string()
        }
        OverlayKind::Palette => {
            let n = o.palette_hits.len();
            let more = if n >= crate::ui::app::OVERLAY_LIMIT {
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
                    crate::ui::keymap::Action::NextReading,
                    crate::ui::keymap::Scope::Palette,
                );
                let hint = match (other, key) {
                    (true, Some(k)) => Msg::OtherReading.fill(app.lang, &[&k]),
                    _ => String::new(),
                };
                Msg::TextCountRead.fill(app.lang, &[&o.text_total, &read.join(" "), &hint])
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
    let hl = theme.hit(true);
    let corpus = std::sync::Arc::clone(&app.corpus);
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
                    let (snip, ranges) = &o.snippets[i];
                    let marked = char_indices_in(snip, ranges);
                    put_marked(
                        buf,
                        (x, y),
                        snip,
                        &marked,
                        inner.x + inner.width - x,
                        (base, hl),
                    );
                }
            }
        }
    }
}

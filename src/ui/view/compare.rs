//! Two reports' versions of one part, side by side.

use super::*;

/// The two sides' rectangles.
pub(super) fn compare_rects(area: Rect) -> [Rect; 2] {
    let half = area.width / 2;
    [
        Rect::new(area.x, area.y, half, area.height),
        Rect::new(area.x + half, area.y, area.width - half, area.height),
    ]
}

pub(super) fn draw_compare(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let View::Compare(cv) = &app.view else {
        return;
    };
    if area.width < 8 {
        return;
    }
    let rects = compare_rects(area);
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
        let text = &cv.texts[side];
        let shared = &cv.shared[side];
        // The rows are laid out when the width changes (App::prepare), not per frame.
        let fresh;
        let rows = if cv.width[side] == inner.width {
            &cv.rows[side]
        } else {
            fresh = crate::ui::app::compare_rows(text, inner.width, app.ambiguous_wide);
            &fresh
        };
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

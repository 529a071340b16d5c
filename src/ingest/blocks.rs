//! Lines into blocks: broken lines joined into paragraphs, headings kept apart, the
//! emphasis an extractor saw, running headers of paged text.

use super::*;

/// The format's own heading evidence on the lines it marks (both in line order): a
/// heading style counts as a markdown heading of its depth, a bold paragraph as bold.
/// Markup the text carries itself (`##`, `**…**`) stands.
pub(super) fn apply_emphasis(lines: &mut [Line], emphasis: &[(usize, decode::Emphasis)]) {
    let mut marks = emphasis.iter().peekable();
    for line in lines {
        while marks.next_if(|(no, _)| *no < line.no).is_some() {}
        if let Some((_, e)) = marks.next_if(|(no, _)| *no == line.no)
            && line.md == Md::None
        {
            line.md = match e {
                decode::Emphasis::Heading(d) => Md::Hash(*d),
                decode::Emphasis::Bold => Md::Bold,
            };
        }
    }
}

/// A PDF repeats the report's title at the top of every page: later lines identical to
/// an early title-like line go to noise, so the text around them joins up again.
pub(super) fn running_headers(c: &mut clean::Cleaned) {
    let Some(title) = c
        .lines
        .iter()
        .take(6)
        .find(|l| l.text.contains("报告") && char_len(&l.text) <= 60)
        .map(|l| (l.no, l.text.clone()))
    else {
        return;
    };
    let mut kept = Vec::with_capacity(c.lines.len());
    for l in c.lines.drain(..) {
        if l.no > title.0 && l.text == title.1 {
            c.noise.push(l.text);
        } else {
            kept.push(l);
        }
    }
    c.lines = kept;
}

/// Join broken lines into blocks; every marker line starts a heading block.
pub(super) fn assemble(lines: &[Line]) -> Vec<Block> {
    let wrap = wrap_width(lines);
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len());
    for line in lines {
        let marker = if matches!(line.md, Md::Table | Md::Item) {
            None
        } else {
            parse_marker(&line.text)
        };
        if marker.is_none()
            && let Some(cur) = blocks.last_mut()
            && can_join(cur, line, wrap)
        {
            let joiner = if cur.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                && line.text.starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                " "
            } else {
                ""
            };
            cur.text.push_str(joiner);
            cur.last_at = cur.text.len();
            cur.text.push_str(&line.text);
            cur.end_line = line.no;
            continue;
        }
        let head = marker.map(|m| Head {
            marker: Some(m.text),
            style: Some(m.style),
            num: m.num,
            rest_at: m.rest_at,
        });
        blocks.push(Block {
            line: line.no,
            end_line: line.no,
            text: line.text.clone(),
            last_at: 0,
            blank_before: line.blank_before,
            md: line.md,
            head,
        });
    }
    blocks
}

/// Short, unpunctuated: a heading or title line, never half of a broken sentence.
pub(super) fn looks_like_heading_line(s: &str) -> bool {
    char_len(s) <= 40 && !has_clause_punct(s) && !s.trim_end_matches('。').contains('。')
}

/// Display width of a line (CJK two cells, ASCII one).
pub(super) fn width(s: &str) -> usize {
    text::display_width(s)
}

/// The fixed width a PDF extraction wrapped the text at, if it did: the most common
/// width among long lines that end mid-sentence, when many lines share it.
pub(super) fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for l in lines {
        // Width never exceeds the byte length: skip short lines before measuring.
        if l.md != Md::None || l.text.len() < 30 || l.text.ends_with(is_terminal) {
            continue;
        }
        let w = width(&l.text);
        if w >= 30 {
            *counts.entry(w).or_default() += 1;
        }
    }
    // Lines wrap a cell or two short of the width (a CJK character does not fit, a
    // closing mark may not start a line): count each width with the two below it.
    let (w, n) = counts
        .keys()
        .map(|&w| {
            (
                w,
                (w.saturating_sub(2)..=w)
                    .map(|x| counts.get(&x).copied().unwrap_or(0))
                    .sum::<usize>(),
            )
        })
        .max_by_key(|&(w, n)| (n, w))?;
    (n >= 5 && n * 4 >= lines.len()).then_some(w)
}

/// Should `line` continue the block `cur` (a line broken mid-sentence)?
pub(super) fn can_join(cur: &Block, line: &Line, wrap: Option<usize>) -> bool {
    if matches!(line.md, Md::Hash(_) | Md::Bold | Md::Table)
        || matches!(cur.md, Md::Hash(_) | Md::Table)
    {
        return false;
    }
    if starts_enumeration(&line.text) {
        return false;
    }
    // A whole report title (or a notice's: "关于印发…的通知") is never the start of a
    // paragraph, however long it is; nor is the addressee line after it.
    if cur.line == cur.end_line
        && (is_complete_title(&cur.text)
            || (cur.text.contains("关于") && cur.text.ends_with("的通知")))
    {
        return false;
    }
    if is_addressee(&line.text) {
        return false;
    }
    // A signature of joint issuers: an agency line, then another agency or the date.
    if cur.last_phys().len() <= 90
        && meta::is_agency_name(cur.last_phys())
        && (meta::is_agency_name(&line.text) || meta::date_line(&line.text).is_some())
    {
        return false;
    }
    // A line in another script (a Tibetan or Uyghur letterhead) is never half of a
    // Chinese sentence.
    if is_foreign_line(&line.text) || is_foreign_line(cur.last_phys()) {
        return false;
    }
    // A heading split over two lines (PDF extraction): a bare numbered title, then a
    // short unpunctuated tail on the very next line.
    if let Some(h) = &cur.head
        && cur.line == cur.end_line
        && !line.blank_before
    {
        let rest = &cur.text[h.rest_at..];
        if looks_like_heading_line(rest)
            && !rest.ends_with('。')
            && char_len(&line.text) <= 12
            && !has_clause_punct(&line.text)
            && !line.text.contains('。')
        {
            return true;
        }
    }
    let Some(last) = cur.last_phys().chars().last() else {
        return false;
    };
    // A line that filled the page width of a wrapped PDF and stops mid-sentence goes on,
    // however heading-like it looks (a heading never fills the width).
    if let Some(w) = wrap
        && width(cur.last_phys()) + 2 >= w
        && !is_terminal(last)
    {
        return true;
    }
    // A bare heading (no inline body) is complete unless its last word is cut off.
    if let Some(h) = &cur.head
        && cur.line == cur.end_line
        && !cur.text[h.rest_at..].contains(is_terminal)
        && !is_continuing(last)
    {
        return false;
    }
    let Some(last) = Some(last) else {
        return false;
    };
    if is_continuing(last) {
        return true;
    }
    if is_terminal(last) {
        return false;
    }
    if matches!(last, '”' | '’' | '」' | '』' | '）' | ')' | '》') {
        let before = cur.last_phys().chars().rev().nth(1);
        if before.is_some_and(is_terminal) {
            return false;
        }
    }
    // Ends mid-sentence. Join only prose: a short unpunctuated line is a heading/title.
    !looks_like_heading_line(cur.last_phys())
}

/// A line in another script: letters (Hangul, Mongolian, Uyghur, Latin …) but no Chinese
/// characters.
pub(super) fn is_foreign_line(t: &str) -> bool {
    char_len(t) <= 120 && !t.chars().any(text::is_cjk) && t.chars().any(|c| c.is_alphabetic())
}

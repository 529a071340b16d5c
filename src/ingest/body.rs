//! The body's edges and unnumbered headings: where the closing and signature start,
//! lead-sentence headings, captions.

use super::*;

/// Find the signature block and a closing paragraph at the end.
/// Returns (index of the first closing block, (closing paragraphs count, _)).
pub(super) fn tail(blocks: &[Block], start: usize) -> (usize, (usize, usize)) {
    let trailer = trailer_start(blocks, start);
    let mut end = trailer;
    let mut sig = 0;
    while end > start && sig < 5 {
        let b = &blocks[end - 1];
        let t = b.text.trim_end_matches('。');
        let is_sig = b.head.is_none()
            && b.line == b.end_line
            && (meta::date_line(t).is_some()
                || meta::is_agency_name(t)
                || is_township_name(t)
                || t == "特此报告"
                || (char_len(t) <= 40
                    && meta::find_date(t).is_some()
                    && !has_clause_punct(t)
                    && meta::find_date(t).is_some_and(|_| t.ends_with('日'))));
        if !is_sig {
            break;
        }
        end -= 1;
        sig += 1;
    }
    let mut paras = 0;
    if end > start {
        let b = &blocks[end - 1];
        const CUES: &[&str] = &[
            "特此报告",
            "今后的工作中",
            "今后工作中",
            "在新的一年里",
            "新的一年里",
            "总之，",
            "综上所述",
        ];
        let cue = CUES.iter().any(|c| b.text.contains(c));
        if b.head.is_none() && cue && (sig > 0 || b.text.contains("特此报告")) {
            // Keep at least one paragraph in a body that has no heading after it.
            let prev_has_content = end - 1 > start;
            if prev_has_content {
                end -= 1;
                paras = 1;
            }
        }
    }
    (end, (paras, trailer))
}

/// A township or street signing by its bare name ("靖港镇", "白沙路街道").
pub(super) fn is_township_name(t: &str) -> bool {
    (2..=10).contains(&char_len(t))
        && t.chars().all(text::is_cjk)
        && ["镇", "乡", "街道"].iter().any(|s| t.ends_with(s))
}

/// Attachments and footnotes after the signature ("附件：1.…", "[1]…", "注：…"): they
/// belong to the closing, and the signature is looked for before them.
pub(super) fn trailer_start(blocks: &[Block], start: usize) -> usize {
    let n = blocks.len();
    let mut t = n;
    // Footnotes at the very end.
    while t > start {
        let x = blocks[t - 1].text.as_str();
        let note = x.starts_with('[') && x[1..].starts_with(|c: char| c.is_ascii_digit())
            || x.starts_with('［')
            || x.starts_with("注：")
            || x.starts_with("注:")
            // "（此件公开发布）", "（联系人：…）": a note under the signature.
            || (x.starts_with(['（', '(']) && x.ends_with(['）', ')']) && char_len(x) <= 30);
        if !note {
            break;
        }
        t -= 1;
    }
    // An attachment list among the last few blocks (everything after it is the list).
    let from = t.saturating_sub(8).max(start);
    if let Some(a) = (from..t).rev().find(|&i| {
        let x = blocks[i].text.as_str();
        x.starts_with("附件") && blocks[i].head.is_none() && char_len(x) <= 80
    }) {
        t = a;
    }
    t
}

/// Mark short standalone lines as unnumbered headings.
pub(super) fn mark_unnumbered_headings(blocks: &mut [Block]) {
    let shapes: Vec<bool> = blocks.iter().map(heading_shape).collect();
    for i in 0..blocks.len() {
        if blocks[i].head.is_some() || !shapes[i] {
            continue;
        }
        let b = &blocks[i];
        // A cover letter's signature ("某某市人民政府" over its date) and the title of
        // the document it forwards, just after that date, are no sections.
        let signs = meta::is_agency_name(&b.text)
            && blocks
                .get(i + 1)
                .is_some_and(|n| meta::date_line(&n.text).is_some());
        let after_date = blocks[i.saturating_sub(2)..i]
            .iter()
            .any(|p| meta::date_line(&p.text).is_some());
        if signs || after_date {
            continue;
        }
        let strong = is_part_heading(&b.text);
        let next_ok = match blocks.get(i + 1) {
            None => false,
            Some(n) => n.head.is_some() || !shapes[i + 1] || strong,
        };
        let hashed = matches!(b.md, Md::Hash(_)) || b.md == Md::Bold;
        // A short line ending in 。 is a heading only when body text follows it; before
        // another heading it is a one-sentence paragraph.
        let next_is_body = blocks
            .get(i + 1)
            .is_some_and(|n| n.head.is_none() && !shapes[i + 1]);
        let next_ok = next_ok && (!b.text.ends_with('。') || hashed || next_is_body);
        if next_ok || (hashed && blocks.get(i + 1).is_some()) {
            blocks[i].head = Some(Head {
                marker: None,
                style: None,
                num: 0,
                rest_at: 0,
            });
        }
    }
}

/// A table or figure caption: 表1 …, 附表2 …, 图3 ….
pub(super) fn is_caption(t: &str) -> bool {
    ["表", "附表", "图", "附图"].iter().any(|p| {
        t.strip_prefix(p).is_some_and(|r| {
            r.starts_with(|c: char| {
                text::ascii_digit(c).is_some() || "一二三四五六七八九十".contains(c)
            })
        })
    })
}

/// The shape of an unnumbered heading: one short line without clause punctuation.
pub(super) fn heading_shape(b: &Block) -> bool {
    if b.line != b.end_line || matches!(b.md, Md::Table | Md::Item) {
        return false;
    }
    let t = b.text.as_str();
    // Cheap tests first: most blocks are paragraphs.
    if t.len() > 60 * 4 {
        return false;
    }
    let n = char_len(t);
    let hashed = matches!(b.md, Md::Hash(_)) || b.md == Md::Bold;
    // A markdown heading may be one word ("## 安装"); a plain line needs four characters.
    let shortest = if hashed { 2 } else { 4 };
    if !(shortest..=60).contains(&n)
        || has_clause_punct(t)
        || is_caption(t)
        || starts_enumeration(t)
    {
        return false;
    }
    if n > 40 && !hashed && !is_part_heading(t) {
        return false;
    }
    let body = t.strip_suffix('。').unwrap_or(t);
    if body.contains('。') || body.contains('…') {
        return false;
    }
    if meta::date_line(t).is_some() || meta::bare_year(t).is_some() {
        return false;
    }
    if t.chars()
        .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c == ' ')
    {
        return false;
    }
    if t.ends_with('。') && !hashed {
        // A full stop makes a short sentence likely; accept only plain short phrases.
        return n <= 25 && !t.chars().any(|c| c.is_ascii_digit());
    }
    true
}

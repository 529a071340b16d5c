//! One line at a time: bullets, list items, table rows, separators, page numbers, tables
//! of contents, Markdown and bold marks, spaces.

use super::*;

/// Cells of a short line set apart by ideographic spaces ("信息内容　本年处理决定数量").
pub(super) fn short_cells(line: &str) -> Option<String> {
    if line.len() > 60 * 4
        || !has_ideographic_space(line)
        || char_len(line) > 60
        || line.contains(['，', '。', '：', ':', '；'])
    {
        return None;
    }
    let cells: Vec<&str> = line
        .split('\u{3000}')
        .map(|c| c.trim_matches(is_space))
        .filter(|c| !c.is_empty())
        .collect();
    (cells.len() >= 2 && cells.iter().all(|c| char_len(c) <= 16)).then(|| cells.join("  "))
}

/// A markdown list item ("* 《条例》", "- 完成…"): the marker and the text.
pub(super) fn strip_list_item(line: &str) -> Option<(&str, &str)> {
    let rest = line
        .strip_prefix("* ")
        .or_else(|| line.strip_prefix("+ "))
        .or_else(|| line.strip_prefix("- "))?;
    let rest = rest.trim_start_matches(is_space);
    // "- 2 -" is a page number, not a list.
    rest.starts_with(|c: char| !c.is_ascii())
        .then_some((&line[..1], rest))
}

/// A leading list bullet and the text after it (bullet glyph then whitespace).
pub(super) fn strip_bullet(line: &str) -> Option<(&str, &str)> {
    let c = line.chars().next()?;
    if !"●◆■□◇○•▪►▶◎★☆◼◾➢➤✓√".contains(c) {
        return None;
    }
    let rest = &line[c.len_utf8()..];
    let text = rest.trim_start_matches(is_space);
    // Only when whitespace follows: "○" alone or "●重点" inside a sentence stays.
    (text.len() < rest.len() && !text.is_empty()).then_some((&line[..c.len_utf8()], text))
}

/// A table row: `Some(Some(text))` with cells joined by two spaces, `Some(None)` for a
/// markdown alignment row (`|---|:-:|`), `None` when the line is not a table row.
pub(super) fn table_row(line: &str) -> Option<Option<String>> {
    let cells: Vec<&str> = if memchr::memchr(b'\t', line.as_bytes()).is_some() {
        line.split('\t').collect()
    } else if line.len() > 2 && line.starts_with('|') && line.ends_with('|') {
        line[1..line.len() - 1].split('|').collect()
    } else if line.len() <= 320
        && (has_ideographic_space(line)
            || (memchr::memchr(b' ', line.as_bytes()).is_some() && holds!(line, "   ")))
    {
        // Cells set apart by ideographic or runs of spaces, one of them a number:
        // "行政处罚　17", "规章   0   0   3".
        let cells: Vec<&str> = line
            .split(['\u{3000}'])
            .flat_map(|c| c.split("  "))
            .map(|c| c.trim_matches(is_space))
            .filter(|c| !c.is_empty())
            .collect();
        let numeric = |c: &&str| {
            c.chars()
                .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | '%' | ','))
        };
        // Three or more short cells are a table row even without a number (a header row).
        let header = cells.len() >= 3 && cells.iter().all(|c| char_len(c) <= 12);
        if cells.len() < 2 || !(cells.iter().any(numeric) || header) || char_len(line) > 80 {
            return None;
        }
        cells
    } else {
        return None;
    }
    .into_iter()
    .map(|c| c.trim_matches(is_space))
    .filter(|c| !c.is_empty())
    .collect();
    if cells.len() < 2 {
        // One cell: an indented or tab-padded ordinary line.
        return None;
    }
    if cells
        .iter()
        .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
    {
        return Some(None);
    }
    let cells: Vec<String> = cells.iter().map(|c| normalize_spaces(c)).collect();
    Some(Some(cells.join("  ")))
}

/// Page titles and chrome are short; paragraphs are not worth checking.
pub(super) fn short_enough_for_chrome(s: &str) -> bool {
    s.len() <= 240
}

/// Any character [`is_space`] accepts, by a byte scan (the UTF-8 encodings of Unicode
/// whitespace start with C2, E1, E2 or E3; ASCII ones are 09–0D and 20).
pub(super) fn has_space(s: &str) -> bool {
    // By bytes, no decoding: U+0085, U+00A0; U+1680; U+2000–200A, 2028, 2029, 202F,
    // 205F; U+3000. Written with `&`/`|` (no branches) so the scan is vector code.
    crate::ingest::text::any_triple(s.as_bytes(), |x, y, z| {
        (x.wrapping_sub(0x09) < 5)
            | (x == 0x20)
            | ((x == 0xC2) & ((y == 0x85) | (y == 0xA0)))
            | ((x == 0xE1) & (y == 0x9A) & (z == 0x80))
            | ((x == 0xE2)
                & (((y == 0x80)
                    & ((z.wrapping_sub(0x80) <= 0x0A) | (z == 0xA8) | (z == 0xA9) | (z == 0xAF)))
                    | ((y == 0x81) & (z == 0x9F))))
            | ((x == 0xE3) & (y == 0x80) & (z == 0x80))
    })
}

/// A colon, half- or full-width, by SIMD searches (no decoding).
pub(super) fn has_colon(s: &str) -> bool {
    memchr::memchr(b':', s.as_bytes()).is_some() || holds!(s, "：")
}

/// U+3000 (ideographic space), by a SIMD substring search.
pub(super) fn has_ideographic_space(s: &str) -> bool {
    holds!(s, "\u{3000}")
}

pub(super) fn joins_cjk(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c)
}

/// Word/HTML conversion artifacts such as `[bookmark: _GoBack]`: removed, kept as noise.
pub(super) fn strip_artifacts(line: &mut String, noise: &mut Vec<String>) {
    if memchr::memchr(b'[', line.as_bytes()).is_none() || !line.contains("[bookmark") {
        return;
    }
    while let Some(start) = line.find("[bookmark:") {
        let Some(len) = line[start..].find(']') else {
            break;
        };
        let end = start + len + 1;
        noise.push(line[start..end].to_string());
        line.replace_range(start..end, "");
    }
    let t = line.trim_matches(is_space);
    if t.len() != line.len() {
        *line = t.to_string();
    }
}

pub(super) fn is_separator(s: &str) -> bool {
    s.chars().count() >= 3
        && s.chars().all(|c| {
            matches!(
                c,
                '-' | '=' | '*' | '_' | '—' | '~' | '·' | '.' | '－' | '＝' | '…'
            )
        })
}

/// "— 2 —", "-3-", "第 3 页", "第3页 共9页", "3/9", or a bare small number.
pub(super) fn is_page_number(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let inner =
        s.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '－' | '_' | '~' | '·' | ' ' | '•'));
    if digits(inner) && inner.len() <= 3 {
        return true;
    }
    if let Some(rest) = s.strip_prefix('第')
        && let Some(idx) = rest.find('页')
    {
        let n = rest[..idx].trim();
        let tail = rest[idx + '页'.len_utf8()..].trim();
        let tail_ok = tail.is_empty()
            || (tail.starts_with('共') && tail.ends_with('页'))
            || tail.starts_with(['，', ',', '/']);
        return digits(n) && tail_ok;
    }
    if let Some((a, b)) = s.split_once('/') {
        return digits(a.trim()) && digits(b.trim()) && s.len() <= 9;
    }
    false
}

/// A table-of-contents line: a title, a run of leader dots, a page number
/// ("一、总体情况.......... 1", "（二）…………4").
pub(super) fn is_toc_line(s: &str) -> bool {
    if s.len() > 300 {
        return false;
    }
    let body = s.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let dots = body
        .chars()
        .rev()
        .take_while(|&c| matches!(c, '.' | '…' | '·' | '．' | '。'))
        .count();
    dots >= 4 && char_len(body) > dots
}

/// Strip `#` heading marks and `**…**` emphasis that wraps the start of a line.
pub(super) fn strip_markdown(s: &str) -> (String, Md) {
    let hashes = s.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        let rest = s[hashes..].trim_matches(is_space);
        let rest = rest.trim_end_matches('#').trim_end();
        let (inner, _) = strip_bold(rest);
        return (inner, Md::Hash(hashes as u8));
    }
    let (inner, bold) = strip_bold(s);
    (inner, if bold { Md::Bold } else { Md::None })
}

/// `**标题**正文` → `标题正文`, bold when the emphasis opened the line.
pub(super) fn strip_bold(s: &str) -> (String, bool) {
    for delim in ["**", "__"] {
        if let Some(rest) = s.strip_prefix(delim)
            && let Some(end) = rest.find(delim)
        {
            let mut out = String::with_capacity(s.len());
            out.push_str(rest[..end].trim_matches(is_space));
            out.push_str(&rest[end + delim.len()..]);
            return (out.trim_matches(is_space).to_string(), true);
        }
    }
    (s.to_string(), false)
}

//! A sharing site's watermark stamped into the text (its name and address, even
//! mid-word): taken out before anything else reads the text.

use super::*;

/// A document-sharing site's watermark, stamped into the text wherever it falls: the
/// site's name (and slogan) before its address ("公文汇 www.gongwenhui.com",
/// "秘书之家—全网资源每日更新www.mishuzj.com", even mid-word). A name–address pair is a
/// watermark when it recurs, fills a line, or ends one after a space; a watermark's name
/// alone at a line's end after a space ("… 公文汇,办公文档之家") is one too. Government
/// addresses (.gov.cn) are the report's own references. The text without them (line breaks
/// kept) and what was removed; `None` when there is none.
pub fn strip_site_marks(text: &str) -> Option<(String, Vec<String>)> {
    let bytes = text.as_bytes();
    memchr::memmem::find(bytes, b"www.")?;
    let boundary = |c: char| {
        is_space(c)
            || c == '\n'
            || (is_cjk_punct(c) && !matches!(c, '—' | '－'))
            || (c.is_ascii_punctuation() && c != '-')
    };
    let mut marks: Vec<&str> = Vec::new();
    for at in memchr::memmem::find_iter(bytes, b"www.") {
        let len = bytes[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-'))
            .count();
        let domain = text[at..at + len].trim_end_matches('.');
        if domain.matches('.').count() < 2 || domain.ends_with(".gov.cn") {
            continue;
        }
        let before = &text[..at];
        let before = before.strip_suffix(' ').unwrap_or(before);
        // The name: back to a line start, a space or punctuation, within 16 characters.
        let mut start = None;
        for (n, (i, c)) in before.char_indices().rev().enumerate() {
            if boundary(c) {
                start = Some(i + c.len_utf8());
                break;
            }
            if n == 16 {
                break;
            }
        }
        let start = start.or((before.chars().count() <= 16).then_some(0));
        let Some(start) = start else { continue };
        let name = &before[start..];
        if char_len(name) < 2 || !name.chars().next().is_some_and(is_cjk) {
            continue;
        }
        let mark = &text[start..at + domain.len()];
        if !marks.contains(&mark) {
            marks.push(mark);
        }
    }
    let lines_end = |m: &str| {
        text.match_indices(m).any(|(i, _)| {
            let after = &text[i + m.len()..];
            let ends = after.is_empty() || after.starts_with('\n');
            let whole = i == 0 || text[..i].ends_with('\n');
            ends && (whole || text[..i].ends_with(' '))
        })
    };
    marks.retain(|m| text.matches(m).nth(1).is_some() || lines_end(m));
    if marks.is_empty() {
        return None;
    }
    // The site's name: the mark up to its slogan or address.
    let names: Vec<&str> = marks
        .iter()
        .map(|m| m.split(['—', '－', ' ', 'w']).next().unwrap_or(m))
        .filter(|n| char_len(n) >= 2)
        .collect();
    let mut removed = Vec::new();
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let mut line = line.to_string();
        for m in &marks {
            while let Some(i) = line.find(m) {
                removed.push(m.to_string());
                let from = if line[..i].ends_with(' ') { i - 1 } else { i };
                line.replace_range(from..i + m.len(), "");
            }
        }
        // A name alone after a space at the end of the line.
        if let Some(sp) = line.trim_end().rfind(' ') {
            let tail = line[sp + 1..].trim_end();
            if names.iter().any(|n| tail.starts_with(n))
                && char_len(tail) <= 16
                && !tail.contains('。')
            {
                removed.push(tail.to_string());
                line.truncate(sp);
            }
        }
        out.push_str(&line);
    }
    Some((out, removed))
}

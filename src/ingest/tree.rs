//! Heading levels and the section tree.
//!
//! Numbered headings nest by a stack of numbering styles in order of appearance (the
//! usual 一、 → （一） → 1. → （1） but any order a document uses). An unnumbered
//! heading takes its level from the statutory parts (a line saying 不足和原因 is a top
//! part), from a gap in a neighbouring numbering it fills, or from the heading before it.

use super::headings::{Marker, Style, split_title};
use super::{Block, is_part_heading};
use crate::corpus::{Report, Section, SectionId};

#[derive(Debug, Clone, Copy)]
struct Entry {
    style: Option<Style>,
    last: u32,
}

/// A heading's place: level, and for messages its marker.
struct Placed {
    level: usize,
}

pub(super) fn build(report: &mut Report, blocks: &[Block]) {
    let levels = assign_levels(blocks, &mut report.warnings);
    let mut path: Vec<SectionId> = Vec::new();
    let mut preamble: Vec<&str> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let Some(h) = &b.head else {
            match path.last() {
                Some(&id) => push_para(&mut report.sections[id.index()].text, &b.text),
                None => preamble.push(&b.text),
            }
            continue;
        };
        let level = levels[i]
            .as_ref()
            .map_or(1, |p| p.level)
            .min(path.len() + 1)
            .max(1);
        path.truncate(level - 1);
        let rest = &b.text[h.rest_at..];
        let (title, body) = split_title(rest);
        let title = title.trim_end_matches(['。', '：', ':']).to_string();
        let id = SectionId(report.sections.len() as u32);
        let parent = path.last().copied();
        report.sections.push(Section {
            title,
            marker: h.marker.clone(),
            level: level as u8,
            labels: Vec::new(),
            text: body.to_string(),
            line: b.line,
            parent,
            children: Vec::new(),
        });
        match parent {
            Some(p) => report.sections[p.index()].children.push(id),
            None => report.roots.push(id),
        }
        path.push(id);
    }
    if !preamble.is_empty() {
        report.preamble = Some(preamble.join("\n"));
    }
}

fn push_para(text: &mut String, para: &str) {
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(para);
}

fn assign_levels(blocks: &[Block], warnings: &mut Vec<String>) -> Vec<Option<Placed>> {
    let heads: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].head.is_some())
        .collect();
    let mut out: Vec<Option<Placed>> = (0..blocks.len()).map(|_| None).collect();
    let mut stack: Vec<Entry> = Vec::new();
    // A markdown document without numbering: its `#` depths are its levels.
    let unnumbered = heads
        .iter()
        .all(|&i| blocks[i].head.as_ref().is_some_and(|h| h.style.is_none()));
    let mut depths: Vec<u8> = heads
        .iter()
        .filter_map(|&i| match blocks[i].md {
            super::clean::Md::Hash(d) => Some(d),
            _ => None,
        })
        .collect();
    depths.sort_unstable();
    depths.dedup();
    for (k, &i) in heads.iter().enumerate() {
        if unnumbered && let super::clean::Md::Hash(d) = blocks[i].md {
            let level = depths.iter().position(|&x| x == d).unwrap_or(0) + 1;
            out[i] = Some(Placed { level });
            continue;
        }
        let b = &blocks[i];
        let h = b.head.as_ref().expect("heads holds headings");
        let level = match h.style {
            Some(style) => {
                if let Some(pos) = stack.iter().position(|e| e.style == Some(style)) {
                    stack.truncate(pos + 1);
                    check_sequence(stack[pos].last, h.num, style, b, warnings);
                    stack[pos].last = h.num;
                    pos + 1
                } else {
                    if h.num != 1 {
                        warnings.push(format!(
                            "line {}: numbering starts at {} instead of {}",
                            b.line,
                            h.marker.as_deref().unwrap_or(""),
                            Marker::render(style, 1)
                        ));
                    }
                    stack.push(Entry {
                        style: Some(style),
                        last: h.num,
                    });
                    stack.len()
                }
            }
            None => {
                let (level, style) = unnumbered_level(blocks, &heads, k, &stack);
                if let Some(style) = style {
                    stack.truncate(level);
                    if stack.len() < level {
                        stack.push(Entry {
                            style: Some(style),
                            last: 0,
                        });
                    }
                    let e = &mut stack[level - 1];
                    e.last += 1;
                    warnings.push(format!(
                        "line {}: heading “{}” has no numbering; taken as {}",
                        b.line,
                        b.text,
                        Marker::render(style, e.last)
                    ));
                } else {
                    stack.truncate(level - 1);
                    stack.push(Entry {
                        style: None,
                        last: 0,
                    });
                }
                level
            }
        };
        out[i] = Some(Placed { level });
    }
    out
}

fn check_sequence(last: u32, num: u32, style: Style, b: &Block, warnings: &mut Vec<String>) {
    if num == last + 1 {
        return;
    }
    let marker = b
        .head
        .as_ref()
        .and_then(|h| h.marker.as_deref())
        .unwrap_or("");
    if num > last + 1 {
        let missing: Vec<String> = (last + 1..num).map(|n| Marker::render(style, n)).collect();
        warnings.push(format!(
            "line {}: heading numbering skips {} ({} follows {})",
            b.line,
            missing.join(""),
            marker,
            Marker::render(style, last)
        ));
    } else {
        warnings.push(format!(
            "line {}: heading numbering goes back ({} follows {})",
            b.line,
            marker,
            Marker::render(style, last)
        ));
    }
}

/// Level of the unnumbered heading `heads[k]`, and the style whose lost number it takes
/// (when it fills a gap in a sibling numbering).
fn unnumbered_level(
    blocks: &[Block],
    heads: &[usize],
    k: usize,
    stack: &[Entry],
) -> (usize, Option<Style>) {
    let b = &blocks[heads[k]];
    // Evidence for an unnumbered heading's level comes from the headings soon after it;
    // looking further makes a file of many unnumbered headings quadratic.
    const LOOKAHEAD: usize = 64;
    let ahead = &heads[k + 1..heads.len().min(k + 1 + LOOKAHEAD)];
    let later = || ahead.iter().map(|&i| &blocks[i]);
    let next_of = |style: Style, stop_at_part: bool| {
        for n in later() {
            let h = n.head.as_ref().expect("heading");
            match h.style {
                Some(s) if s == style => return Some(h.num),
                Some(s) => {
                    // A shallower numbering ends the search.
                    if let Some(p) = stack.iter().position(|e| e.style == Some(s))
                        && stack
                            .iter()
                            .position(|e| e.style == Some(style))
                            .is_some_and(|q| p < q)
                    {
                        return None;
                    }
                }
                None if stop_at_part && is_part_heading(&n.text) => return None,
                None => {}
            }
        }
        None
    };

    // 1. A statutory part is a top-level section, unless it sits between two consecutive
    //    top-level numbers (then it is a subsection of the part before it).
    if is_part_heading(&b.text) {
        match stack.first() {
            Some(Entry {
                style: Some(s),
                last,
            }) => {
                let next = next_of(*s, false);
                if next != Some(last + 1) {
                    return (1, Some(*s));
                }
            }
            _ => return (1, None),
        }
    }
    // 2. It fills a gap in a numbering: the next sibling's number skips one.
    for (pos, e) in stack.iter().enumerate() {
        if let Some(style) = e.style
            && let Some(n) = next_of(style, pos > 0)
            && n > e.last + 1
        {
            return (pos + 1, Some(style));
        }
    }
    // A first heading before a numbering that starts above one (二、 with 一、 lost).
    if let Some(n) = later().find(|n| n.head.as_ref().is_some_and(|h| h.style.is_some())) {
        let h = n.head.as_ref().expect("heading");
        let style = h.style.expect("numbered");
        if h.num > 1 && !stack.iter().any(|e| e.style == Some(style)) {
            return (stack.len() + 1, Some(style));
        }
    }
    // 3. Otherwise a sibling of the heading before it (a child when that one is a top part).
    match stack.len() {
        0 => (1, None),
        1 => (2, None),
        n => (n, stack[n - 1].style),
    }
}

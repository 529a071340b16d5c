//! Web pages (HTML, as saved from a browser or a government CMS) → the line stream the
//! parser reads. Recognised by content, not by name; decoded by BOM, then the page's own
//! `<meta charset>` / http-equiv, then a guess; parsed by html5ever (through `scraper`),
//! never by patterns over markup.
//!
//! What is kept: the main content block (a readability-style score: text and commas in
//! paragraphs, credited to their containers, discounted by the share of link text), with
//! blocks and `<br>` as lines and table rows as `cell | cell` rows; the info-disclosure
//! catalogue table (索引号 / 发布机构 / 文号 …) wherever it stands; the CMS's metadata
//! (`ArticleTitle`, `PubDate`, `ContentSource`) and `<title>`, written as the furniture
//! lines the cleaner already reads (标题 / 发布时间 / 来源). Navigation, scripts, styles,
//! related links and footers outside the content block are dropped.

use super::decode::{Decoded, Emphasis, Skip, emphasis_mark};
use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Node};

/// Pages larger than this are not a report's page (the markup of a real one is well under
/// 2 MB; the file cap applies before this).
const MAX_HTML_BYTES: usize = 16 * 1024 * 1024;

/// Whether the bytes are an HTML document: after a BOM and whitespace, markup that opens
/// like a page (`<!DOCTYPE html`, `<html`, `<head>`, `<meta`, or a comment, then `<html`
/// or `<body` within the first kilobytes).
pub fn is_html(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let b = &b[start..];
    if b.first() != Some(&b'<') {
        return false;
    }
    let head: Vec<u8> = b.iter().take(4096).map(u8::to_ascii_lowercase).collect();
    let opens = |p: &[u8]| head.starts_with(p);
    if opens(b"<!doctype html") || opens(b"<html") || opens(b"<head") {
        return true;
    }
    (opens(b"<!--") || opens(b"<meta") || opens(b"<?xml"))
        && (memchr::memmem::find(&head, b"<html").is_some()
            || memchr::memmem::find(&head, b"<body").is_some())
}

/// The encoding a page declares in its first 4 KB: `<meta charset=gbk>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">` (the prescan
/// browsers do before parsing; a label encoding_rs knows, UTF-16 read as UTF-8 as the
/// HTML standard says for a declaration inside ASCII-compatible bytes).
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes
        .iter()
        .take(4096)
        .map(u8::to_ascii_lowercase)
        .collect();
    for at in memchr::memmem::find_iter(&head, b"charset") {
        let rest = &head[at + "charset".len()..];
        let rest = rest.strip_prefix(b"=").or_else(|| {
            let i = rest.iter().position(|c| !c.is_ascii_whitespace())?;
            rest[i..].strip_prefix(b"=")
        });
        let Some(rest) = rest else { continue };
        let rest = &rest[rest
            .iter()
            .take_while(|c| matches!(c, b' ' | b'"' | b'\''))
            .count()..];
        let label: Vec<u8> = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.'))
            .copied()
            .collect();
        if let Some(enc) = Encoding::for_label(&label) {
            return Some(
                if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    encoding_rs::UTF_8
                } else {
                    enc
                },
            );
        }
    }
    None
}

/// A page's bytes as text: its BOM first, then its own declaration; without either, as
/// any text file is decoded (UTF-8, mixed lines, or a guess at a legacy encoding).
fn decode_page(bytes: &[u8]) -> Result<(String, &'static str, Vec<String>), Skip> {
    let declared = Encoding::for_bom(bytes)
        .is_none()
        .then(|| declared_encoding(bytes))
        .flatten();
    let Some(enc) = declared else {
        let d = super::decode::decode(bytes)?;
        return Ok((d.text, d.encoding, d.warnings));
    };
    let mut warnings = Vec::new();
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!(
            "malformed {} bytes in the page were replaced with U+FFFD",
            enc.name()
        ));
    }
    Ok((
        text.into_owned(),
        super::decode::encoding_label(enc),
        warnings,
    ))
}

/// Elements whose text is never the document's.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "svg"
            | "canvas"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "head"
    )
}

/// Elements that start a line of their own.
fn is_block(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "p" | "div"
                | "section"
                | "article"
                | "main"
                | "header"
                | "footer"
                | "nav"
                | "aside"
                | "li"
                | "ul"
                | "ol"
                | "dl"
                | "dt"
                | "dd"
                | "table"
                | "thead"
                | "tbody"
                | "tfoot"
                | "tr"
                | "blockquote"
                | "pre"
                | "center"
                | "form"
                | "fieldset"
                | "figure"
                | "figcaption"
                | "address"
                | "hr"
                | "body"
                | "html"
                | "caption"
        )
}

/// Paragraph-like elements whose text is scored.
fn is_paragraph(name: &str) -> bool {
    is_heading(name) || matches!(name, "p" | "td" | "pre" | "li" | "div" | "span" | "font")
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements nested deeper than this are an attack or a broken page, not a report: the
/// HTML5 tree builder checks its stack of open elements at each tag, so time grows with
/// the square of the depth (real pages nest well under 100).
const MAX_DEPTH: usize = 2048;

/// An upper estimate of how deep a page's elements nest, by counting start and end tags
/// (void elements and `/>` do not open). Only a bound: the page is parsed by html5ever.
fn nesting_estimate(bytes: &[u8]) -> usize {
    const VOID: &[&[u8]] = &[
        b"br", b"img", b"meta", b"link", b"input", b"hr", b"wbr", b"area", b"base", b"col",
        b"embed", b"source", b"track", b"param", b"p", b"li", b"td", b"tr", b"th", b"option",
    ];
    let (mut depth, mut max) = (0usize, 0usize);
    for at in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[at + 1..];
        match rest.first() {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_len = rest
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                let name = rest[..name_len].to_ascii_lowercase();
                // `p`, `li` and table cells close themselves; they are not counted.
                if VOID.contains(&name.as_slice()) {
                    continue;
                }
                let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
                if end > 0 && rest[end - 1] == b'/' {
                    continue;
                }
                depth += 1;
                max = max.max(depth);
            }
            _ => {}
        }
    }
    max
}

/// A page's text as lines, with the CMS metadata in front as furniture lines.
pub fn extract(bytes: &[u8]) -> Result<Decoded, Skip> {
    if bytes.len() > MAX_HTML_BYTES {
        return Err(Skip::Binary("an HTML page over 16 MB"));
    }
    if nesting_estimate(bytes) > MAX_DEPTH {
        return Err(Skip::Binary("an HTML page nested over 2,048 elements deep"));
    }
    let (source, encoding, warnings) = decode_page(bytes)?;
    let doc = Html::parse_document(&source);
    let mut out = String::new();

    // The CMS's own metadata.
    let meta = |name: &str| -> Option<String> {
        doc.root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == "meta")
            .find(|e| {
                e.value()
                    .attr("name")
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
            })
            .and_then(|e| e.value().attr("content"))
            .map(collapse)
            .filter(|c| !c.is_empty())
    };
    let article_title = meta("ArticleTitle");
    let pub_date = meta("PubDate");
    let content_source = meta("ContentSource");
    let page_title = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "title")
        .map(|e| collapse(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty());

    // No paragraph of prose anywhere (a page of short lines): the whole body.
    let body = pick_content(&doc).or_else(|| {
        doc.root_element()
            .children()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "body")
    });
    let mut content = String::new();
    if let Some(root) = body {
        lines_of(root, &mut content);
    }
    let content_text: String = content.chars().filter(|c| !c.is_whitespace()).collect();

    // The title first, unless the content block opens with it.
    let title = article_title.or(page_title);
    if let Some(t) = &title {
        let bare: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        let head: String = content_text.chars().take(200).collect();
        if !head.contains(&bare) {
            out.push_str(t);
            out.push('\n');
        }
    }
    // The catalogue table, where the page has one outside the content block.
    if let Some(table) = catalogue_table(&doc)
        && body.is_none_or(|b| !b.descendants().any(|d| d.id() == table.id()))
    {
        lines_of(table, &mut out);
    }
    if let Some(d) = pub_date {
        out.push_str(&format!("发布时间：{d}\n"));
    }
    if let Some(s) = content_source {
        out.push_str(&format!("来源：{s}\n"));
    }
    out.push_str(&content);
    let (text, removed) = super::decode::sanitize(&out);
    super::decode::finish(text, removed, encoding, warnings, "html")
}

/// Runs of whitespace as one space, trimmed (markup's own line breaks are not lines); a
/// no-break space stays a space (pages indent paragraphs with them).
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(if c == '\u{a0}' { ' ' } else { c });
        }
    }
    out
}

/// The first table that holds an info-disclosure catalogue (索引号 with another label).
fn catalogue_table(doc: &Html) -> Option<ElementRef<'_>> {
    doc.root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "table")
        .find(|t| {
            let text: String = t.text().take(200).collect();
            text.contains("索引号")
                && ["发布机构", "文号", "生成日期", "成文日期", "发文机关"]
                    .iter()
                    .any(|l| text.contains(l))
                && text.chars().count() < 2000
        })
}

/// The element holding the document's text: readability's score. Each paragraph-like
/// element with its own text scores 1 + its commas + its length in hundreds (up to 3);
/// the score goes to it, to its parent and half to its grandparent; a container's score
/// is then discounted by its share of link text. One pass down and one up: linear.
fn pick_content(doc: &Html) -> Option<ElementRef<'_>> {
    // Pre-order, with each node's parent's index.
    let mut nodes: Vec<(ego_tree::NodeRef<Node>, usize)> = Vec::new();
    let mut stack = vec![(doc.tree.root(), usize::MAX)];
    while let Some((n, parent)) = stack.pop() {
        let i = nodes.len();
        nodes.push((n, parent));
        let children: Vec<_> = n.children().collect();
        for c in children.into_iter().rev() {
            stack.push((c, i));
        }
    }
    let len = nodes.len();
    let (mut skipped, mut in_link) = (vec![false; len], vec![false; len]);
    let (mut all, mut links) = (vec![0usize; len], vec![0usize; len]);
    let mut own = vec![(0usize, 0usize); len]; // direct text: characters, commas
    for i in 0..len {
        let (n, p) = nodes[i];
        let (ps, pl) = if p == usize::MAX {
            (false, false)
        } else {
            (skipped[p], in_link[p])
        };
        match n.value() {
            Node::Element(e) => {
                skipped[i] = ps || is_skipped(e.name());
                in_link[i] = pl || e.name() == "a";
            }
            Node::Text(t) if !ps && p != usize::MAX => {
                let k = t.chars().filter(|c| !c.is_whitespace()).count();
                all[i] = k;
                if pl {
                    links[i] = k;
                }
                own[p].0 += k;
                own[p].1 += t.matches(['，', ',', '、', '；']).count();
            }
            _ => {}
        }
    }
    // Subtree sums, children before parents.
    for i in (1..len).rev() {
        let p = nodes[i].1;
        if p != usize::MAX {
            all[p] += all[i];
            links[p] += links[i];
        }
    }
    let mut score = vec![0f64; len];
    for i in 0..len {
        let Node::Element(e) = nodes[i].0.value() else {
            continue;
        };
        let (n, commas) = own[i];
        if skipped[i] || in_link[i] || !is_paragraph(e.name()) || n < 10 {
            continue;
        }
        let s = 1.0 + commas as f64 + (n as f64 / 100.0).min(3.0);
        score[i] += s;
        let p = nodes[i].1;
        if p != usize::MAX {
            score[p] += s;
            let g = nodes[p].1;
            if g != usize::MAX {
                score[g] += s * 0.5;
            }
        }
    }
    let mut best: Option<(f64, usize)> = None;
    for i in 0..len {
        if score[i] <= 0.0 || all[i] == 0 {
            continue;
        }
        let adjusted = score[i] * (1.0 - links[i] as f64 / all[i] as f64);
        if best.is_none_or(|(b, _)| adjusted > b) {
            best = Some((adjusted, i));
        }
    }
    let (_, i) = best?;
    let e = ElementRef::wrap(nodes[i].0)?;
    // A lone paragraph is not the block: take its container so its siblings come too.
    if matches!(e.value().name(), "p" | "span" | "font" | "li" | "td") {
        return e.parent().and_then(ElementRef::wrap).or(Some(e));
    }
    Some(e)
}

/// `root`'s text as lines: blocks and `<br>` break lines, table cells are joined with
/// " | ". Iterative (a page nested ten thousand deep is walked without recursion).
fn lines_of(root: ElementRef, out: &mut String) {
    let mut line = String::new();
    // The emphasis of the block being read, for its first line.
    let mut mark: Option<Emphasis> = None;
    let flush = |line: &mut String, out: &mut String, mark: &mut Option<Emphasis>| {
        let t = line.trim_matches(|c: char| c.is_ascii_whitespace() || c == '|');
        if !t.is_empty() {
            if let Some(e) = mark.take() {
                out.push(emphasis_mark(e));
            }
            out.push_str(t.trim_end());
            out.push('\n');
        }
        line.clear();
    };
    // (node, entering): a node is visited on entry and, for blocks, on exit.
    let mut stack: Vec<(ego_tree::NodeRef<Node>, bool)> = vec![(*root, true)];
    while let Some((n, entering)) = stack.pop() {
        match n.value() {
            Node::Text(t) if entering => {
                let words = collapse(t);
                if !words.is_empty() {
                    if t.starts_with(|c: char| c.is_ascii_whitespace())
                        && !line.is_empty()
                        && !line.ends_with(' ')
                    {
                        line.push(' ');
                    }
                    line.push_str(&words);
                    if t.ends_with(|c: char| c.is_ascii_whitespace()) {
                        line.push(' ');
                    }
                }
            }
            Node::Element(el) => {
                let name = el.name();
                if is_skipped(name) {
                    continue;
                }
                if entering {
                    match name {
                        "br" => flush(&mut line, out, &mut mark),
                        "td" | "th" if !line.trim().is_empty() => line.push_str(" | "),
                        "td" | "th" => {}
                        _ if is_block(name) => {
                            flush(&mut line, out, &mut mark);
                            mark = emphasis_of(el, n);
                        }
                        _ => {}
                    }
                    stack.push((n, false));
                    let children: Vec<_> = n.children().collect();
                    for c in children.into_iter().rev() {
                        stack.push((c, true));
                    }
                } else if is_block(name) {
                    flush(&mut line, out, &mut mark);
                    mark = None;
                }
            }
            _ => {}
        }
    }
    flush(&mut line, out, &mut mark);
}

/// What a block's markup says it is: a heading element, or a paragraph whose text is
/// all bold (`<b>`, `<strong>`, or `font-weight: bold`). Only paragraphs are looked
/// into (they do not nest), so the whole walk stays linear.
fn emphasis_of(el: &scraper::node::Element, n: ego_tree::NodeRef<Node>) -> Option<Emphasis> {
    let name = el.name();
    if let Some(d) = name.strip_prefix('h').and_then(|d| d.parse::<u8>().ok())
        && is_heading(name)
    {
        return Some(Emphasis::Heading(d));
    }
    if name != "p" {
        return None;
    }
    let bold_style = |e: &scraper::node::Element| {
        matches!(e.name(), "b" | "strong")
            || e.attr("style").is_some_and(|s| {
                let s = s.to_ascii_lowercase().replace(' ', "");
                s.contains("font-weight:bold") || s.contains("font-weight:700")
            })
    };
    if bold_style(el) {
        return Some(Emphasis::Bold);
    }
    // Every character of text under a bold element (one walk, counting open bold ones).
    let (mut bold, mut plain, mut open) = (0usize, 0usize, 0usize);
    for edge in n.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(d) => match d.value() {
                Node::Element(e) if bold_style(e) => open += 1,
                Node::Text(t) => {
                    let k = t.chars().filter(|c| !c.is_whitespace()).count();
                    if open > 0 {
                        bold += k;
                    } else {
                        plain += k;
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(d) => {
                if d.value().as_element().is_some_and(bold_style) {
                    open -= 1;
                }
            }
        }
    }
    (bold >= 2 && plain == 0).then_some(Emphasis::Bold)
}

#[cfg(test)]
mod tests;

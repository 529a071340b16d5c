//! PDF: the text layer as lines, page by page, in the order the pages draw it.
//!
//! The file is read by lopdf (object model, page tree, stream filters; bounded: page-tree
//! depth, bracket nesting and decompressed sizes are capped there). The text operators
//! are interpreted here: each `Tj`/`TJ`/`'`/`"` string is decoded with its font, and a
//! string drawn at a new baseline starts a new line. Fonts as Chinese government PDFs use
//! them: a ToUnicode map (Identity-H subsets from Word and WPS), the predefined CMaps
//! UniGB-UCS2-H and UniGB-UTF16-H (UTF-16), and GBK-EUC-H / GBpc-EUC-H / GB-EUC-H without
//! ToUnicode, whose codes are GBK's own (so they decode as GBK, which is what the
//! Adobe-GB1 mapping composes to for those CMaps). An Identity-H font with no ToUnicode
//! names glyphs only; its text cannot be recovered and counts as unreadable.
//!
//! Page numbers ("- 1 -", "第1页") are noise, and a line that opens or closes most pages
//! is a running header or footer. The parser joins the lines a page wrapped (mod.rs).
//! A PDF with no text is a scan ("scanned: no text layer") and is skipped, as is one whose
//! text is mostly unreadable (private-use or replacement characters).

use lopdf::{Dictionary, Document, Object};

use super::decode::{self, Decoded, Skip};

/// Pages read (a report is tens of pages).
const MAX_PAGES: usize = 2000;
/// A page's content, decompressed.
const MAX_CONTENT: usize = 16 * 1024 * 1024;
/// Text characters in all (a report is well under a million).
const MAX_CHARS: usize = 8 * 1024 * 1024;

pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// How one font's string bytes become text.
enum Decoder<'a> {
    Gbk,
    Lopdf(lopdf::Encoding<'a>),
    /// Glyph ids with no way back to characters.
    Unreadable,
}

impl Decoder<'_> {
    fn decode(&self, bytes: &[u8], out: &mut String) {
        match self {
            Decoder::Gbk => out.push_str(&encoding_rs::GBK.decode_without_bom_handling(bytes).0),
            Decoder::Lopdf(e) => match e.bytes_to_string(bytes) {
                Ok(s) => out.push_str(&s),
                Err(_) => out.push('\u{FFFD}'),
            },
            Decoder::Unreadable => {
                out.extend(std::iter::repeat_n('\u{FFFD}', bytes.len().div_ceil(2)));
            }
        }
    }
}

fn name_of<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    let o = dict.get(key).ok()?;
    let o = match o {
        Object::Reference(id) => doc.get_object(*id).ok()?,
        o => o,
    };
    o.as_name().ok()
}

fn decoder<'a>(doc: &'a Document, font: &'a Dictionary) -> Decoder<'a> {
    let encoding = name_of(doc, font, b"Encoding");
    let has_to_unicode = font.get(b"ToUnicode").is_ok();
    if !has_to_unicode
        && let Some(e) = encoding
        && matches!(
            e,
            b"GBK-EUC-H"
                | b"GBK-EUC-V"
                | b"GBpc-EUC-H"
                | b"GBpc-EUC-V"
                | b"GB-EUC-H"
                | b"GB-EUC-V"
                | b"GBKp-EUC-H"
                | b"GBKp-EUC-V"
                | b"GBK2K-H"
                | b"GBK2K-V"
        )
    {
        return Decoder::Gbk;
    }
    if !has_to_unicode && matches!(encoding, Some(b"Identity-H" | b"Identity-V")) {
        return Decoder::Unreadable;
    }
    match font.get_font_encoding_with_limit(doc, MAX_CONTENT) {
        Ok(e) => Decoder::Lopdf(e),
        Err(_) => Decoder::Unreadable,
    }
}

/// The decoders of the fonts met so far, by the font dictionary they were made from.
#[derive(Default)]
struct Fonts<'d> {
    by_dict: std::collections::HashMap<*const Dictionary, usize>,
    decoders: Vec<Decoder<'d>>,
}

impl<'d> Fonts<'d> {
    fn index(&mut self, doc: &'d Document, dict: &'d Dictionary) -> usize {
        *self
            .by_dict
            .entry(dict as *const Dictionary)
            .or_insert_with(|| {
                self.decoders.push(decoder(doc, dict));
                self.decoders.len() - 1
            })
    }
}

fn number(o: &Object) -> Option<f32> {
    o.as_float().ok().filter(|f| f.is_finite())
}

/// One page's lines, in drawing order.
/// Also whether the content stream stopped at something it could not parse.
fn page_lines<'d>(
    doc: &'d Document,
    page: lopdf::ObjectId,
    budget: &mut usize,
    fonts_seen: &mut Fonts<'d>,
) -> Result<(Vec<String>, bool), Skip> {
    let fonts = doc.get_page_fonts(page).unwrap_or_default();
    // The page's font names, each to its font's decoder (built once per font object: the
    // pages of a document share their fonts, and a ToUnicode map is costly to parse).
    let names: Vec<(&[u8], usize)> = fonts
        .iter()
        .map(|(name, dict)| (name.as_slice(), fonts_seen.index(doc, dict)))
        .collect();
    let decoders = &fonts_seen.decoders;
    let content = doc
        .get_page_content_with_limit(page, MAX_CONTENT)
        .map_err(|_| Skip::Binary("a PDF whose page content is damaged or over 16 MB"))?;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut font: Option<usize> = None;
    // The text line matrix's origin (e, f), the leading, and the baseline of the line
    // being built.
    let (mut x, mut y, mut leading) = (0f32, 0f32, 0f32);
    let mut line_y: Option<f32> = None;
    let mut size = 12f32;
    let mut damaged = false;
    for op in lopdf::content::Content::decode_iter(&content) {
        let Ok(op) = op else {
            damaged = true;
            break;
        };
        let a = &op.operands;
        let mut shown: Vec<&[u8]> = Vec::new();
        match op.operator.as_str() {
            "BT" => (x, y) = (0.0, 0.0),
            "Tf" => {
                font = a
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| names.iter().find(|(k, _)| *k == n).map(|&(_, i)| i));
                size = a.get(1).and_then(number).map_or(size, f32::abs);
            }
            "TL" => leading = a.first().and_then(number).unwrap_or(leading),
            "Td" | "TD" => {
                let (tx, ty) = (
                    a.first().and_then(number).unwrap_or(0.0),
                    a.get(1).and_then(number).unwrap_or(0.0),
                );
                (x, y) = (x + tx, y + ty);
                if op.operator == "TD" {
                    leading = -ty;
                }
            }
            "Tm" => {
                x = a.get(4).and_then(number).unwrap_or(x);
                y = a.get(5).and_then(number).unwrap_or(y);
            }
            "T*" => y -= leading,
            "Tj" => shown.extend(a.first().and_then(|s| s.as_str().ok())),
            "'" => {
                y -= leading;
                shown.extend(a.first().and_then(|s| s.as_str().ok()));
            }
            "\"" => {
                y -= leading;
                shown.extend(a.get(2).and_then(|s| s.as_str().ok()));
            }
            "TJ" => {
                if let Some(Ok(items)) = a.first().map(Object::as_array) {
                    shown.extend(items.iter().filter_map(|s| s.as_str().ok()));
                }
            }
            _ => {}
        }
        if shown.is_empty() {
            continue;
        }
        // A new baseline (more than a third of the font size away) starts a new line, and
        // one more than two sizes below leaves a blank line (a paragraph's or a title's
        // space, as text extraction shows it).
        if let Some(ly) = line_y
            && (ly - y).abs() > size / 3.0
        {
            if !line.trim().is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if ly - y > size * 2.0 {
                lines.push(String::new());
            }
        }
        line_y = Some(y);
        let before = line.len();
        for s in shown {
            match font.and_then(|f| decoders.get(f)) {
                Some(d) => d.decode(s, &mut line),
                // No font set: the bytes as Latin-1, as a last resort.
                None => line.extend(s.iter().map(|&b| b as char)),
            }
        }
        let added = line[before..].chars().count();
        if added > *budget {
            return Err(Skip::Binary(
                "a PDF with more than 8 million characters of text",
            ));
        }
        *budget -= added;
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    Ok((lines, damaged))
}

/// "- 1 -", "— 12 —", "第3页", "第 3 页 共 9 页", "3/9", "3": a page number alone.
fn is_page_number(line: &str) -> bool {
    let t: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '—' | '–' | '－' | '·'))
        .collect();
    if t.is_empty() {
        return !line.trim().is_empty();
    }
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if digits(&t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    let rest = t.strip_prefix('第').and_then(|r| r.split_once('页'));
    match rest {
        Some((n, tail)) => {
            digits(n)
                && (tail.is_empty()
                    || tail
                        .strip_prefix('共')
                        .and_then(|r| r.strip_suffix('页'))
                        .is_some_and(digits))
        }
        None => false,
    }
}

/// The document's text as lines.
pub fn extract(bytes: &[u8]) -> Result<Decoded, Skip> {
    let doc = Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => {
            Skip::Binary("a password-protected PDF, unreadable without its password")
        }
        _ => Skip::Binary("a damaged PDF (its objects cannot be read)"),
    })?;
    if doc.is_encrypted() {
        return Err(Skip::Binary(
            "a password-protected PDF, unreadable without its password",
        ));
    }
    let mut budget = MAX_CHARS;
    let mut pages: Vec<Vec<String>> = Vec::new();
    let mut damaged = false;
    let mut fonts = Fonts::default();
    for page in doc.page_iter().take(MAX_PAGES) {
        let (lines, bad) = page_lines(&doc, page, &mut budget, &mut fonts)?;
        damaged |= bad;
        pages.push(lines);
    }
    from_pages(pages, damaged, &PDF)
}

/// A page-based format, as `from_pages` names it: its name, its `format`, and why a file
/// of it is refused.
pub(crate) struct Paged {
    pub what: &'static str,
    pub format: &'static str,
    pub no_pages: &'static str,
    pub unparsed: &'static str,
    pub no_text: &'static str,
    pub undecoded: &'static str,
}

const PDF: Paged = Paged {
    what: "PDF",
    format: "pdf",
    no_pages: "a PDF with no pages (its page tree is empty or broken)",
    unparsed: "a PDF whose page content cannot be parsed",
    no_text: "an image-only PDF (scanned: no text layer; OCR is not done)",
    undecoded: "a PDF whose text does not decode (its fonts map no characters): no text layer to read",
};

/// Pages of lines (a PDF's or an OFD's) as the document's text: page numbers, margins and
/// running headers and footers left out; a document with no pages, no text, or text that
/// does not decode is refused with that reason.
pub(crate) fn from_pages(
    mut pages: Vec<Vec<String>>,
    damaged: bool,
    kind: &Paged,
) -> Result<Decoded, Skip> {
    for lines in &mut pages {
        lines.retain(|l| !is_page_number(l));
        // A page's own margins are no blank lines of the text.
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        let lead = lines.iter().take_while(|l| l.trim().is_empty()).count();
        lines.drain(..lead);
    }
    if pages.is_empty() {
        return Err(Skip::Binary(kind.no_pages));
    }
    let total = pages
        .iter()
        .flatten()
        .filter(|l| !l.trim().is_empty())
        .count();
    if total == 0 {
        return Err(Skip::Binary(if damaged {
            kind.unparsed
        } else {
            kind.no_text
        }));
    }
    // Running headers and footers: a line that opens (or closes) at least three pages and
    // half of them.
    let running = |pick: fn(&Vec<String>) -> Option<&String>| -> Option<String> {
        // (blank lines are not headers)
        let mut counts: std::collections::HashMap<&str, usize> = Default::default();
        for p in &pages {
            if let Some(l) = pick(p) {
                *counts.entry(l.trim()).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .filter(|&(_, n)| n >= 3 && n * 2 >= pages.len())
            .max_by_key(|&(_, n)| n)
            .map(|(l, _)| l.to_string())
    };
    let header = running(|p| p.first());
    let footer = running(|p| p.last());
    let mut text = String::new();
    let (mut bad, mut all) = (0usize, 0usize);
    for p in &pages {
        let n = p.len();
        for (i, l) in p.iter().enumerate() {
            if (i == 0 && header.as_deref() == Some(l.trim()))
                || (i + 1 == n && footer.as_deref() == Some(l.trim()))
            {
                continue;
            }
            for c in l.chars() {
                all += 1;
                bad += usize::from(c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c));
            }
            text.push_str(l.trim_end());
            text.push('\n');
        }
    }
    if bad * 5 > all {
        return Err(Skip::Binary(kind.undecoded));
    }
    let mut warnings = Vec::new();
    if bad > 0 {
        warnings.push(format!(
            "{bad} characters of the {}'s text could not be decoded",
            kind.what
        ));
    }
    let (text, removed) = decode::sanitize(&text);
    decode::finish(text, removed, kind.what, warnings, kind.format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_alone_are_known() {
        for l in [
            "- 1 -",
            "— 12 —",
            "第3页",
            "第 3 页 共 9 页",
            "3/9",
            "7",
            "－ 2 －",
        ] {
            assert!(is_page_number(l), "{l}");
        }
        for l in [
            "一、主要举措",
            "2024年",
            "第三部分",
            "1. 加强领导",
            "第3页内容",
        ] {
            assert!(!is_page_number(l), "{l}");
        }
    }
}

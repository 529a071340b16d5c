//! Word documents (.docx): the text of `word/document.xml` in reading order as the lines
//! the parser reads, with Word's automatic numbering rendered from `word/numbering.xml`
//! (and the numbering that paragraph styles carry, from `word/styles.xml`), so a heading
//! that Word numbers "一、" or "（一）" carries that marker exactly as Word shows it.
//!
//! Recognised by content: a zip archive holding `word/document.xml`. Paragraphs become
//! lines (an empty paragraph a blank line), a table row one line with its cells joined by
//! " | " (as a web page's rows, html.rs), a line break inside a paragraph a new line.
//! Tracked changes read as accepted (deleted text dropped, inserted text kept), field
//! codes are dropped and their shown results kept, and a drawing's fallback copy of its
//! text is read once. Footnotes, headers and footers are other parts and are not read.
//!
//! Bounded: the parts read are capped in size (a zip bomb stops at the cap), the XML is
//! read as a stream of events with no recursion, and numbering state is fixed-size.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::decode::{self, Decoded, Emphasis, Skip, emphasis_mark};
use super::xml::{self, attr};

/// The document part's text is capped (a real report's is well under 2 MB).
const MAX_DOCUMENT_XML: u64 = 32 * 1024 * 1024;
/// numbering.xml and styles.xml.
const MAX_SIDE_XML: u64 = 8 * 1024 * 1024;
/// Word's list levels are 0–8.
const LEVELS: usize = 9;
/// Paragraphs inside paragraphs (text boxes) deeper than this join the one around them.
const MAX_NESTED: usize = 16;

/// A zip archive with a Word document part (content, not the file's name, says so).
/// (A damaged one still names its document part in a local header: it is a Word
/// document, and reading it says what is wrong.)
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && memchr::memmem::find(bytes, b"word/document.xml").is_some()
}

/// Read one part, at most `cap` bytes of it uncompressed.
fn part(zip: &mut xml::Zip, name: &str, cap: u64) -> Result<Option<String>, Skip> {
    xml::part(
        zip,
        name,
        cap,
        Skip::Binary("a Word document whose parts cannot be unpacked"),
        Skip::Binary("a Word document whose text part is over 32 MB"),
    )
}

/// The document's text as lines.
pub fn extract(bytes: &[u8]) -> Result<Decoded, Skip> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| Skip::Binary("a damaged Word document (its zip directory is unreadable)"))?;
    let document = part(&mut zip, "word/document.xml", MAX_DOCUMENT_XML)?
        .ok_or(Skip::Binary("a zip archive that is no Word document"))?;
    let numbering = part(&mut zip, "word/numbering.xml", MAX_SIDE_XML)?;
    let styles = part(&mut zip, "word/styles.xml", MAX_SIDE_XML)?;
    from_parts(&document, numbering.as_deref(), styles.as_deref())
}

/// The text of a document part read with its numbering and styles parts (the zip
/// already opened; also the fuzz target's way in).
pub fn from_parts(
    document: &str,
    numbering: Option<&str>,
    styles: Option<&str>,
) -> Result<Decoded, Skip> {
    let numbering = numbering.map(Numbering::parse).unwrap_or_default();
    let styles = styles.map(Styles::parse).unwrap_or_default();
    let mut warnings = Vec::new();
    let text = match body_text(document, &numbering, &styles) {
        Ok(t) => t,
        Err(t) => {
            warnings
                .push("the Word document's XML is malformed; text after the fault is lost".into());
            t
        }
    };
    let (text, removed) = decode::sanitize(&text);
    decode::finish(text, removed, "UTF-8", warnings, "docx")
}

mod numbering;
#[cfg(test)]
mod tests;

use numbering::*;

/// Where the reader is inside the body.
#[derive(Default)]
struct Walk {
    out: String,
    /// Paragraphs open (a text box's paragraphs inside a paragraph): their text so far.
    paras: Vec<String>,
    /// The numbering of the paragraph being read: (numId, ilvl) from its own pPr.
    num: Option<(Option<String>, Option<usize>)>,
    style: Option<String>,
    in_ppr: bool,
    /// Inside deleted text, a field's code, or a drawing's fallback copy: text skipped.
    skip_depth: usize,
    /// Table nesting, and the cells of the outermost table's current row.
    tables: usize,
    cells: Vec<String>,
    blank: bool,
    /// Paragraphs past MAX_NESTED, read into the one around them.
    overflow: usize,
    /// Text boxes' paragraphs, shown before the paragraph that holds them.
    boxes: Vec<String>,
    /// Inside a run's text element (w:t); instrText and delText are codes and deletions.
    in_t: bool,
    /// The paragraph's own outline level, as a heading depth.
    heading: Option<u8>,
    /// Inside a run's properties, and whether they set bold.
    in_rpr: bool,
    run_bold: Option<bool>,
    /// The paragraph's characters: in runs set bold, set not bold, and left to the style.
    bold: [usize; 3],
}

impl Walk {
    fn text(&mut self, s: &str) {
        if self.skip_depth == 0
            && let Some(p) = self.paras.last_mut()
        {
            p.push_str(s);
            if self.paras.len() == 1 {
                let k = s.chars().filter(|c| !c.is_whitespace()).count();
                self.bold[match self.run_bold {
                    Some(true) => 0,
                    Some(false) => 1,
                    None => 2,
                }] += k;
            }
        }
    }

    fn line(&mut self, s: &str) {
        let s = s.trim_end();
        if s.trim().is_empty() {
            if !self.blank && !self.out.is_empty() {
                self.out.push('\n');
            }
            self.blank = true;
            return;
        }
        self.out.push_str(s);
        self.out.push('\n');
        self.blank = false;
    }

    fn end_paragraph(&mut self, numbering: &Numbering, styles: &Styles, counters: &mut Counters) {
        let Some(mut text) = self.paras.pop() else {
            return;
        };
        // The paragraph's own numbering, else its style's.
        let own = self.num.take();
        let style = self.style.take();
        // Heading evidence: an outline level (its own, else its style's), else bold
        // throughout.
        let [on, off, unset] = std::mem::take(&mut self.bold);
        let mark = if self.paras.is_empty() {
            let style = style.as_deref();
            let heading = self
                .heading
                .take()
                .or_else(|| style.and_then(|s| styles.inherited(s, |d| d.heading)));
            let style_bold = style
                .and_then(|s| styles.inherited(s, |d| d.bold))
                .unwrap_or(false);
            let (bold, plain) = if style_bold {
                (on + unset, off)
            } else {
                (on, off + unset)
            };
            heading
                .map(Emphasis::Heading)
                .or(((bold >= 2) && plain == 0).then_some(Emphasis::Bold))
        } else {
            None
        };
        let from_style = style.as_deref().and_then(|s| styles.numbering(s));
        let numbered = match own {
            Some((Some(id), lvl)) => {
                Some((id, lvl.or(from_style.as_ref().map(|s| s.1)).unwrap_or(0)))
            }
            Some((None, Some(lvl))) => from_style.map(|(id, _)| (id, lvl)),
            _ => from_style,
        };
        if !text.trim().is_empty()
            && let Some((id, lvl)) = numbered
            && let Some(marker) = counters.marker(numbering, &id, lvl)
        {
            text.insert_str(0, &marker);
        }
        if !self.paras.is_empty() {
            // A text box's paragraph: its own line, before the paragraph holding it.
            if !text.trim().is_empty() {
                self.boxes.push(text);
            }
            return;
        }
        let boxes = std::mem::take(&mut self.boxes);
        if self.tables > 0 {
            if let Some(cell) = self.cells.last_mut() {
                for t in boxes.iter().chain(std::iter::once(&text)) {
                    if !cell.is_empty() && !t.trim().is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(t.trim());
                }
            }
            return;
        }
        for l in boxes.iter().flat_map(|t| t.split('\n')) {
            self.line(l);
        }
        let mut mark = mark.map(emphasis_mark);
        for l in text.split('\n') {
            match mark {
                Some(m) if !l.trim().is_empty() => {
                    self.line(&format!("{m}{}", l.trim_start()));
                    mark = None;
                }
                _ => self.line(l),
            }
        }
    }
}

/// The body's text. On malformed XML, the text read up to the fault as the error.
fn body_text(xml: &str, numbering: &Numbering, styles: &Styles) -> Result<String, String> {
    let mut r = Reader::from_str(xml);
    let mut w = Walk::default();
    let mut counters = Counters::default();
    // Inside a field's code: between fldChar begin and separate.
    let mut field_code = 0usize;
    loop {
        let ev = match r.read_event() {
            Ok(Event::Eof) => break,
            Err(_) => return Err(w.out),
            Ok(ev) => ev,
        };
        match ev {
            Event::Start(e) => match e.local_name().as_ref() {
                "p" => {
                    if w.paras.len() < MAX_NESTED {
                        w.paras.push(String::new());
                        if w.paras.len() == 1 {
                            w.num = None;
                            w.style = None;
                            w.heading = None;
                            w.run_bold = None;
                            w.bold = [0; 3];
                        }
                    } else {
                        // Too deep: read on into the paragraph around it.
                        w.overflow += 1;
                    }
                }
                "pPr" if w.paras.len() == 1 => w.in_ppr = true,
                "r" if w.paras.len() == 1 => w.run_bold = None,
                "rPr" if !w.in_ppr => w.in_rpr = true,
                "numPr" if w.in_ppr => {
                    w.num.get_or_insert((None, None));
                }
                "del" | "Fallback" | "moveFrom" => w.skip_depth += 1,
                "tbl" => w.tables += 1,
                "tr" if w.tables == 1 => w.cells.clear(),
                "tc" if w.tables == 1 => w.cells.push(String::new()),
                "t" => w.in_t = true,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "pStyle" if w.in_ppr => w.style = val(&e),
                "outlineLvl" if w.in_ppr => {
                    w.heading = num(&e).filter(|&v| v < 9).map(|v| v as u8 + 1);
                }
                "b" if w.in_rpr => w.run_bold = Some(toggle(&e)),
                "numId" if w.in_ppr => {
                    w.num.get_or_insert((None, None)).0 = val(&e);
                }
                "ilvl" if w.in_ppr => {
                    w.num.get_or_insert((None, None)).1 = num(&e).map(|v| v as usize);
                }
                "tab" if !w.in_ppr => w.text(" "),
                "br" | "cr" => w.text("\n"),
                "noBreakHyphen" => w.text("-"),
                "fldChar" => match attr(&e, "fldCharType").as_deref() {
                    Some("begin") => field_code += 1,
                    Some("separate") | Some("end") => field_code = field_code.saturating_sub(1),
                    _ => {}
                },
                // An empty paragraph: a blank line.
                "p" if w.paras.is_empty() && w.tables == 0 => w.line(""),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "p" if w.overflow > 0 => w.overflow -= 1,
                "p" => {
                    w.in_ppr = false;
                    w.end_paragraph(numbering, styles, &mut counters);
                }
                "pPr" => w.in_ppr = false,
                "rPr" => w.in_rpr = false,
                "t" => w.in_t = false,
                "del" | "Fallback" | "moveFrom" => w.skip_depth = w.skip_depth.saturating_sub(1),
                "tbl" => w.tables = w.tables.saturating_sub(1),
                "tr" if w.tables == 1 => {
                    let row: Vec<String> = std::mem::take(&mut w.cells);
                    if row.iter().any(|c| !c.trim().is_empty()) {
                        let joined = row.join(" | ");
                        w.line(&joined);
                    }
                }
                _ => {}
            },
            Event::Text(t) if field_code == 0 && w.in_t => w.text(&t.xml10_content()),
            Event::GeneralRef(g) if field_code == 0 && w.in_t => {
                if let Some(c) = xml::entity(&g) {
                    w.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    Ok(w.out)
}

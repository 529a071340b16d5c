//! OFD (GB/T 33190, the national fixed-layout format): a zip whose `OFD.xml` names the
//! document (`DocRoot`), whose `Document.xml` lists the pages (`BaseLoc`), and whose
//! pages' `Content.xml` draw text objects (`TextObject` with a `Boundary`, `TextCode`
//! with `X`/`Y` inside it, in millimetres, y downwards).
//!
//! Each page's text codes are ordered by position (top to bottom, then left to right),
//! those on one baseline joined into a line, a gap of more than two font sizes leaving a
//! blank line; then the pages go the way of a PDF's (page numbers, running headers and
//! footers to noise, pdf.rs). Templates (a page's background layer) are not read.
//!
//! Bounded as DOCX is: each part read is capped unpacked, the XML is an event stream,
//! and the page count is capped.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::decode::{Decoded, Skip};
use super::xml::{self, attr};

const MAX_PART: u64 = 16 * 1024 * 1024;
const MAX_PAGES: usize = 2000;

const OFD: super::pdf::Paged = super::pdf::Paged {
    what: "OFD",
    format: "ofd",
    no_pages: "an OFD with no pages (its page list is empty or broken)",
    unparsed: "an OFD whose page content cannot be parsed",
    no_text: "an image-only OFD (scanned: no text layer; OCR is not done)",
    undecoded: "an OFD whose text does not decode: no text layer to read",
};

/// A zip archive with an OFD.xml entry document.
pub fn is_ofd(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && memchr::memmem::find(bytes, b"OFD.xml").is_some()
}

fn part(zip: &mut xml::Zip, name: &str) -> Result<Option<String>, Skip> {
    xml::part(
        zip,
        name,
        MAX_PART,
        Skip::Binary("an OFD whose parts cannot be unpacked"),
        Skip::Binary("an OFD with a part over 16 MB unpacked"),
    )
}

/// The text of the first element named `name` (DocRoot).
fn element_text(xml: &str, name: &str) -> Option<String> {
    let mut r = Reader::from_str(xml);
    let mut inside = false;
    let mut out = String::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == name => inside = true,
            Ok(Event::Text(t)) if inside => out.push_str(&t.xml10_content()),
            Ok(Event::End(e)) if inside && e.local_name().as_ref() == name => {
                return Some(out.trim().to_string());
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// `dir` joined with `loc` (a location relative to the part that names it, or absolute).
fn resolve(dir: &str, loc: &str) -> String {
    if loc.starts_with('/') {
        return loc.trim_start_matches('/').to_string();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in loc.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

fn numbers(s: &str) -> Vec<f32> {
    s.split_whitespace()
        .filter_map(|n| n.parse::<f32>().ok())
        .filter(|f| f.is_finite())
        .collect()
}

/// One page's lines: its text codes by position.
fn page_lines(xml: &str) -> (Vec<String>, bool) {
    // (y, x, size, text)
    let mut codes: Vec<(f32, f32, f32, String)> = Vec::new();
    let mut r = Reader::from_str(xml);
    let (mut ox, mut oy, mut size) = (0f32, 0f32, 3.5f32);
    let mut code: Option<(f32, f32, String)> = None;
    let mut damaged = false;
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "TextObject" => {
                    let b = attr(&e, "Boundary")
                        .map(|b| numbers(&b))
                        .unwrap_or_default();
                    (ox, oy) = (
                        b.first().copied().unwrap_or(0.0),
                        b.get(1).copied().unwrap_or(0.0),
                    );
                    size = attr(&e, "Size")
                        .and_then(|s| s.trim().parse::<f32>().ok())
                        .filter(|s| s.is_finite() && *s > 0.0)
                        .unwrap_or(3.5);
                }
                "TextCode" => {
                    let at = |k| {
                        attr(&e, k)
                            .and_then(|v| v.trim().parse::<f32>().ok())
                            .filter(|f| f.is_finite())
                            .unwrap_or(0.0)
                    };
                    code = Some((ox + at("X"), oy + at("Y"), String::new()));
                }
                _ => {}
            },
            Ok(Event::Text(t)) => {
                if let Some((_, _, s)) = code.as_mut() {
                    s.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(g)) => {
                if let Some((_, _, s)) = code.as_mut() {
                    s.extend(xml::entity(&g));
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "TextCode" => {
                if let Some((x, y, s)) = code.take()
                    && !s.is_empty()
                {
                    codes.push((y, x, size, s));
                }
            }
            Ok(Event::Eof) => break,
            Err(_) => {
                damaged = true;
                break;
            }
            _ => {}
        }
    }
    // Top to bottom, then left to right (a stable sort keeps drawing order on ties).
    codes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_y: Option<f32> = None;
    for (y, _, size, s) in codes {
        if let Some(ly) = line_y
            && y - ly > size / 3.0
        {
            lines.push(std::mem::take(&mut line));
            if y - ly > size * 2.0 {
                lines.push(String::new());
            }
        }
        line_y = Some(y);
        line.push_str(&s);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    (lines, damaged)
}

/// The text of pages given as their Content.xml (the package already opened; also the
/// fuzz target's way in).
pub fn from_page_xml(pages: &[&str]) -> Result<Decoded, Skip> {
    let mut damaged = false;
    let pages = pages
        .iter()
        .take(MAX_PAGES)
        .map(|x| {
            let (lines, bad) = page_lines(x);
            damaged |= bad;
            lines
        })
        .collect();
    super::pdf::from_pages(pages, damaged, &OFD)
}

/// The document's text as lines.
pub fn extract(bytes: &[u8]) -> Result<Decoded, Skip> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| Skip::Binary("a damaged OFD (its zip directory is unreadable)"))?;
    let entry = part(&mut zip, "OFD.xml")?.ok_or(Skip::Binary("a zip archive that is no OFD"))?;
    let root = element_text(&entry, "DocRoot")
        .filter(|r| !r.is_empty())
        .ok_or(Skip::Binary("an OFD that names no document (no DocRoot)"))?;
    let root = resolve("", &root);
    let document =
        part(&mut zip, &root)?.ok_or(Skip::Binary("an OFD whose document part is missing"))?;
    // The pages in their order.
    let mut locs = Vec::new();
    let mut r = Reader::from_str(&document);
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == "Page" => {
                if let Some(loc) = attr(&e, "BaseLoc") {
                    locs.push(resolve(parent(&root), &loc));
                }
                if locs.len() >= MAX_PAGES {
                    break;
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let mut pages = Vec::new();
    let mut damaged = false;
    for loc in &locs {
        // A page's BaseLoc names its Content.xml, or (in some writers) its folder.
        let xml = match part(&mut zip, loc)? {
            Some(x) => Some(x),
            None => part(&mut zip, &format!("{loc}/Content.xml"))?,
        };
        match xml {
            Some(x) => {
                let (lines, bad) = page_lines(&x);
                damaged |= bad;
                pages.push(lines);
            }
            None => damaged = true,
        }
    }
    super::pdf::from_pages(pages, damaged, &OFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_resolve_against_the_part_that_names_them() {
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(
            resolve("Doc_0", "/Doc_0/Pages/P1.xml"),
            "Doc_0/Pages/P1.xml"
        );
        assert_eq!(resolve("Doc_0/Pages", "../Res/x.xml"), "Doc_0/Res/x.xml");
        assert_eq!(resolve("", "../../x"), "x");
    }

    #[test]
    fn text_codes_are_read_by_position_not_drawing_order() {
        let xml = r#"<ofd:Page xmlns:ofd="o"><ofd:Content><ofd:Layer>
<ofd:TextObject Boundary="20 57 100 5" Size="4"><ofd:TextCode X="0" Y="4">第二行</ofd:TextCode></ofd:TextObject>
<ofd:TextObject Boundary="20 50 100 5" Size="4"><ofd:TextCode X="10" Y="4">行右</ofd:TextCode></ofd:TextObject>
<ofd:TextObject Boundary="20 50 100 5" Size="4"><ofd:TextCode X="0" Y="4">第一</ofd:TextCode></ofd:TextObject>
<ofd:TextObject Boundary="20 90 100 5" Size="4"><ofd:TextCode X="0" Y="4">隔开&amp;</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>"#;
        let (lines, damaged) = page_lines(xml);
        assert!(!damaged);
        assert_eq!(lines, ["第一行右", "第二行", "", "隔开&"]);
    }
}

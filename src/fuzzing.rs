//! The fuzz targets' bodies (fuzz/fuzz_targets/), here so that `cargo test` replays the
//! inputs they found (tests/fuzz_regressions/) through exactly the same code.
//!
//! Pipeline input layout: byte 0 and 1 are the width and height, byte 2 the number of
//! keys `k`, then `k` key bytes, then the file contents (split in two reports at the
//! first 0xFF).

use crate::ui::{App, Theme, frame};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

/// No control character in a report's titles and texts (only line ends).
fn assert_clean(r: &crate::Report) {
    for s in r.sections.iter().flat_map(|s| [&s.title, &s.text]) {
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'));
    }
    assert!(!r.meta.title.chars().any(char::is_control));
}

/// Any bytes: decoding and parsing never panic, and no control character survives.
pub fn parse_case(data: &[u8]) {
    if let Ok(r) = crate::ingest::parse_bytes("fuzz.txt", data) {
        assert_clean(&r);
    }
}

/// Any bytes after an HTML opening: the page path (charset prescan, html5ever, content
/// scoring, lines) never panics or hangs, and no control character survives.
pub fn html_case(data: &[u8]) {
    let mut page = b"<!DOCTYPE html><html>".to_vec();
    page.extend_from_slice(data);
    if let Ok(r) = crate::ingest::parse_bytes("fuzz.html", &page) {
        assert_eq!(r.format, "html");
        assert_clean(&r);
    }
}

/// Any bytes after a saved page's MIME headers (its parts, their headers, transfer
/// encodings and charsets are the fuzzer's): the MHTML path never panics or hangs, and no
/// control character survives.
pub fn mhtml_case(data: &[u8]) {
    let mut file =
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n".to_vec();
    file.extend_from_slice(data);
    if let Ok(r) = crate::ingest::parse_bytes("fuzz.mhtml", &file) {
        assert_clean(&r);
    }
}

/// Any bytes as a Word document's parts (document, numbering and styles XML, split at
/// 0xFF bytes): the WordprocessingML walk and the numbering never panic or hang, and no
/// control character survives. (The zip container is the zip crate's, fuzzed there.)
pub fn docx_case(data: &[u8]) {
    let mut parts = data.splitn(3, |&b| b == 0xFF).map(String::from_utf8_lossy);
    let document = parts.next().unwrap_or_default();
    let numbering = parts.next();
    let styles = parts.next();
    if let Ok(d) =
        crate::ingest::docx::from_parts(&document, numbering.as_deref(), styles.as_deref())
    {
        assert_eq!(d.format, "docx");
        let r = crate::ingest::parse("fuzz.docx", d);
        assert_clean(&r);
    }
}

/// Any bytes after a PDF header: the PDF path (lopdf's object model, the text operators,
/// the font decoders) never panics or hangs, and no control character survives.
pub fn pdf_case(data: &[u8]) {
    let mut file = b"%PDF-1.7\n".to_vec();
    file.extend_from_slice(data);
    if let Ok(r) = crate::ingest::parse_bytes("fuzz.pdf", &file) {
        assert_eq!(r.format, "pdf");
        assert_clean(&r);
    }
}

/// Any bytes as an OFD's pages (Content.xml parts split at 0xFF bytes): the OFD path
/// (XML events, text codes by position, the pages' assembly) never panics or hangs, and
/// no control character survives. (The zip container is the zip crate's.)
pub fn ofd_case(data: &[u8]) {
    let pages: Vec<String> = data
        .split(|&b| b == 0xFF)
        .take(64)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
    if let Ok(d) = crate::ingest::ofd::from_page_xml(&pages) {
        assert_eq!(d.format, "ofd");
        let r = crate::ingest::parse("fuzz.ofd", d);
        assert_clean(&r);
    }
}

/// Any bytes as a Word 97–2003 document's streams (WordDocument, then the table stream
/// after the first 0xFF): the FIB, the piece table and the special characters never
/// panic or hang, and no control character survives. (The container is the cfb crate's.)
pub fn doc_case(data: &[u8]) {
    let (word, table) = match memchr::memchr(0xFF, data) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    if let Ok(d) = crate::ingest::doc::from_streams(word, table) {
        assert_eq!(d.format, "doc");
        let r = crate::ingest::parse("fuzz.doc", d);
        assert_clean(&r);
    }
}

/// Keys a reader uses: letters (the keymap's and typed text), digits, navigation,
/// Chinese text for prompts, with and without Ctrl and Alt.
pub fn key(b: u8) -> KeyEvent {
    let m = match b >> 6 {
        0 | 1 => KeyModifiers::NONE,
        2 => KeyModifiers::CONTROL,
        _ => KeyModifiers::ALT,
    };
    let code = match b & 0x3f {
        0 => KeyCode::Enter,
        1 => KeyCode::Esc,
        2 => KeyCode::Tab,
        3 => KeyCode::BackTab,
        4 => KeyCode::Up,
        5 => KeyCode::Down,
        6 => KeyCode::Left,
        7 => KeyCode::Right,
        8 => KeyCode::PageUp,
        9 => KeyCode::PageDown,
        10 => KeyCode::Home,
        11 => KeyCode::End,
        12 => KeyCode::Backspace,
        13 => KeyCode::Char('普'),
        14 => KeyCode::Char('法'),
        15 => KeyCode::Char(' '),
        n @ 16..=25 => KeyCode::Char((b'0' + n - 16) as char),
        n => KeyCode::Char((b'a' + (n - 26) % 26) as char),
    };
    // Ctrl-Z would stop the process in the real loop; here it only sets a flag.
    KeyEvent::new(code, m)
}

fn check(buf: &Buffer) {
    for c in &buf.content {
        assert!(
            !c.symbol()
                .chars()
                .any(|ch| crate::safe::is_unsafe(ch) || ch == '\n'),
            "control character in a cell: {:?}",
            c.symbol()
        );
    }
}

/// The whole pipeline: bytes → reports → reader → frames at a fuzzed size → fuzzed
/// keys, a frame after each. Nothing panics and no frame carries a control character.
pub fn pipeline_case(data: &[u8]) {
    if data.len() < 3 {
        return;
    }
    let (w, h) = (data[0] as u16 % 160 + 1, data[1] as u16 % 60 + 1);
    let k = (data[2] as usize % 48).min(data.len() - 3);
    let keys = &data[3..3 + k];
    let text = &data[3 + k..];
    let mut reports = Vec::new();
    for (i, part) in text.splitn(2, |&b| b == 0xff).enumerate() {
        if let Ok(r) = crate::ingest::parse_bytes(&format!("fuzz{i}.txt"), part) {
            reports.push(r);
        }
    }
    let corpus = crate::Corpus {
        reports,
        errors: Vec::new(),
    };
    let mut app = App::new(corpus);
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    frame(area, &mut buf, &mut app, &Theme::PLAIN);
    check(&buf);
    for &b in keys {
        app.on_key(key(b));
        if app.take_effects().contains(&crate::ui::app::Effect::Quit) {
            break;
        }
        buf.reset();
        frame(area, &mut buf, &mut app, &Theme::PLAIN);
        check(&buf);
    }
}

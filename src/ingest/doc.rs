//! Word 97–2003 documents (.doc): the main text from the compound file (the cfb crate
//! reads the container), through the piece table.
//!
//! The `WordDocument` stream opens with the FIB: its `ccpText` says how many characters
//! the main document has, `fWhichTblStm` which table stream (`0Table` / `1Table`) holds
//! the Clx, and `fcClx` / `lcbClx` where. The Clx's piece table maps character positions
//! to the stream: a piece is 16-bit (UTF-16LE) or compressed 8-bit (Windows-1252). Of
//! the text's special characters, paragraph and line marks become line ends, a table
//! cell's mark " | " and a row's end a line end, a field's code (between its begin and
//! separator marks) is dropped and its shown result kept, and object anchors are dropped.
//! Automatic numbering (the list tables) is not rendered; headings typed with their
//! markers read as in text. Encrypted documents and Word 6/95 files say so.

use std::io::Read;

use super::decode::{self, Decoded, Skip};

/// Main-document characters read (a report is well under a million).
const MAX_CHARS: usize = 16 * 1024 * 1024;
/// A stream read from the container.
const MAX_STREAM: u64 = 64 * 1024 * 1024;

const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// A compound file whose directory names a WordDocument stream.
pub fn is_doc(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
    bytes.starts_with(OLE) && memchr::memmem::find(bytes, NAME).is_some()
}

fn stream(
    cf: &mut cfb::CompoundFile<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, Skip> {
    let Ok(s) = cf.open_stream(name) else {
        return Ok(None);
    };
    let mut out = Vec::new();
    s.take(MAX_STREAM)
        .read_to_end(&mut out)
        .map_err(|_| Skip::Binary("a damaged Word 97–2003 document (a stream cannot be read)"))?;
    Ok(Some(out))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

const DAMAGED: Skip =
    Skip::Binary("a damaged Word 97–2003 document (its FIB or piece table is unreadable)");

/// The main document's characters, piece by piece.
fn main_text(
    word: &[u8],
    table: &[u8],
    ccp_text: usize,
    fc_clx: usize,
    lcb_clx: usize,
) -> Result<String, Skip> {
    let clx = table
        .get(fc_clx..fc_clx.checked_add(lcb_clx).ok_or(DAMAGED)?)
        .ok_or(DAMAGED)?;
    // Skip the Prc records (clxt 1) to the Pcdt (clxt 2).
    let mut at = 0;
    let plc = loop {
        match clx.get(at) {
            Some(1) => {
                let cb = u16_at(clx, at + 1).ok_or(DAMAGED)? as usize;
                at += 3 + cb;
            }
            Some(2) => {
                let lcb = u32_at(clx, at + 1).ok_or(DAMAGED)? as usize;
                break clx.get(at + 5..at + 5 + lcb).ok_or(DAMAGED)?;
            }
            _ => return Err(DAMAGED),
        }
    };
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(DAMAGED);
    }
    let n = (plc.len() - 4) / 12;
    let cp = |i: usize| u32_at(plc, i * 4).map(|v| v as usize);
    let mut out = String::new();
    let mut taken = 0usize;
    for i in 0..n {
        let (start, end) = (cp(i).ok_or(DAMAGED)?, cp(i + 1).ok_or(DAMAGED)?);
        if end <= start || taken >= ccp_text {
            continue;
        }
        let count = (end - start)
            .min(ccp_text - taken)
            .min(MAX_CHARS.saturating_sub(taken));
        let pcd = 4 * (n + 1) + i * 8;
        let fc = u32_at(plc, pcd + 2).ok_or(DAMAGED)?;
        let compressed = fc & 0x4000_0000 != 0;
        let fc = (fc & 0x3FFF_FFFF) as usize;
        if compressed {
            let at = fc / 2;
            let bytes = word.get(at..at + count).ok_or(DAMAGED)?;
            out.push_str(
                &encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0,
            );
        } else {
            let bytes = word.get(fc..fc + count * 2).ok_or(DAMAGED)?;
            let units = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]));
            out.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')));
        }
        taken += count;
        if taken >= MAX_CHARS {
            break;
        }
    }
    Ok(out)
}

/// Word's special characters to lines: marks, cells, fields, anchors.
fn lines_of(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // Open fields: true while in a field's code (before its separator).
    let mut fields: Vec<bool> = Vec::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{13}' => {
                if fields.len() < 64 {
                    fields.push(true);
                }
                continue;
            }
            '\u{14}' => {
                if let Some(code) = fields.last_mut() {
                    *code = false;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            _ => {}
        }
        if fields.iter().any(|&code| code) {
            continue;
        }
        match c {
            '\r' | '\u{0B}' | '\u{0C}' => out.push('\n'),
            // A cell's end; a second one right after closes the row.
            '\u{07}' => {
                if chars.peek() == Some(&'\u{07}') {
                    chars.next();
                    out.push('\n');
                } else {
                    out.push_str(" | ");
                }
            }
            '\u{1E}' => out.push('-'),
            '\u{01}' | '\u{02}' | '\u{05}' | '\u{08}' | '\u{1F}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The document's text as lines.
pub fn extract(bytes: &[u8]) -> Result<Decoded, Skip> {
    let mut cf = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).map_err(|_| {
        Skip::Binary("a damaged Word 97–2003 document (its container is unreadable)")
    })?;
    let word = stream(&mut cf, "WordDocument")?.ok_or(DAMAGED)?;
    let flags = u16_at(&word, 0x0A).ok_or(DAMAGED)?;
    let table_name = if flags & 0x0200 != 0 {
        "1Table"
    } else {
        "0Table"
    };
    let table = stream(&mut cf, table_name)?.ok_or(DAMAGED)?;
    from_streams(&word, &table)
}

/// The text of a WordDocument stream with its table stream (the container already
/// opened; also the fuzz target's way in).
pub fn from_streams(word: &[u8], table: &[u8]) -> Result<Decoded, Skip> {
    if u16_at(word, 0) != Some(0xA5EC) {
        return Err(Skip::Binary(
            "a Word 6/95 document or other older file (not read)",
        ));
    }
    let flags = u16_at(word, 0x0A).ok_or(DAMAGED)?;
    if flags & 0x0100 != 0 {
        return Err(Skip::Binary(
            "a password-protected Word document, unreadable without its password",
        ));
    }
    // FibRgW, FibRgLw and FibRgFcLcb are counted by the words before them.
    let csw = u16_at(word, 32).ok_or(DAMAGED)? as usize;
    let lw = 34 + csw * 2;
    let cslw = u16_at(word, lw).ok_or(DAMAGED)? as usize;
    let ccp_text = u32_at(word, lw + 2 + 3 * 4).ok_or(DAMAGED)? as usize;
    let fc_lcb = lw + 2 + cslw * 4 + 2;
    let fc_clx = u32_at(word, fc_lcb + 66 * 4).ok_or(DAMAGED)? as usize;
    let lcb_clx = u32_at(word, fc_lcb + 67 * 4).ok_or(DAMAGED)? as usize;
    let raw = main_text(word, table, ccp_text.min(MAX_CHARS), fc_clx, lcb_clx)?;
    let (text, removed) = decode::sanitize(&lines_of(&raw));
    decode::finish(text, removed, "UTF-16LE", Vec::new(), "doc")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_cells_and_fields_become_lines() {
        let raw = "标题\r\u{13} PAGE \u{14}3\u{15}页\r甲\u{07}乙\u{07}\u{07}丙\u{0B}丁\u{01}\u{13}外\u{13}内\u{14}\u{15}\u{14}果\u{15}\r";
        assert_eq!(lines_of(raw), "标题\n3页\n甲 | 乙\n丙\n丁果\n");
    }
}

//! Bytes to text: BOM / UTF-8 / legacy-encoding detection, binary detection, line-ending
//! normalisation and control-character sanitising. Pure functions.

use encoding_rs::{Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded, sanitised text with what we learned on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// '\n'-separated lines; no CR, no control characters but '\n'.
    pub text: String,
    pub encoding: &'static str,
    pub warnings: Vec<String>,
    /// What the file was: "txt" for text (the parser tells "md" by name and markup),
    /// "html" for a web page.
    pub format: &'static str,
    /// Lines the format itself marks as headings or as emphasised paragraphs (HTML's
    /// `<h1>`–`<h6>` and bold paragraphs, Word's heading styles and bold paragraphs): the
    /// 1-based line and what it is, in line order. Heading evidence for the parser.
    pub emphasis: Vec<(usize, Emphasis)>,
}

/// What a published format says a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    /// A heading of this depth (1 = top) by the format's own markup or style.
    Heading(u8),
    /// A paragraph set in bold throughout.
    Bold,
}

/// An extractor marks a line's emphasis by opening it with one of these Unicode
/// noncharacters (reserved for a program's internal use): U+FDD0 for bold, U+FDD1–U+FDD6
/// for heading depths 1–6. [`finish`] takes them out into [`Decoded::emphasis`].
pub(crate) fn emphasis_mark(e: Emphasis) -> char {
    match e {
        Emphasis::Bold => '\u{FDD0}',
        Emphasis::Heading(d) => {
            char::from_u32(0xFDD0 + u32::from(d.clamp(1, 6))).unwrap_or('\u{FDD1}')
        }
    }
}

/// The marks of [`emphasis_mark`] out of `text`: the text without them and the marked lines.
fn take_emphasis(text: String) -> (String, Vec<(usize, Emphasis)>) {
    // All of U+FDD0–U+FDEF encode as EF B7 90–AF.
    if memchr::memmem::find(text.as_bytes(), b"\xEF\xB7").is_none() {
        return (text, Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut marks = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut rest = line;
        if let Some(c) = line.chars().next()
            && ('\u{FDD0}'..='\u{FDD6}').contains(&c)
        {
            let d = c as u32 - 0xFDD0;
            marks.push((
                i + 1,
                if d == 0 {
                    Emphasis::Bold
                } else {
                    Emphasis::Heading(d as u8)
                },
            ));
            rest = &line[c.len_utf8()..];
        }
        // A mark anywhere else (a page that carries the characters itself) means nothing.
        out.extend(
            rest.chars()
                .filter(|c| !('\u{FDD0}'..='\u{FDEF}').contains(c)),
        );
    }
    (out, marks)
}

/// Why a file was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    Empty,
    WhitespaceOnly,
    Binary(&'static str),
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skip::Empty => f.write_str("empty file, skipped"),
            Skip::WhitespaceOnly => f.write_str("file holds only whitespace, skipped"),
            Skip::Binary(what) => write!(f, "binary file ({what}), skipped"),
        }
    }
}

/// Known binary signatures that are sometimes saved with a .txt name.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or .docx"),
    (b"\xD0\xCF\x11\xE0", "a Word .doc or other OLE file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1F\x8B", "gzip data"),
];

/// [`decode`] for bytes the caller owns: clean UTF-8 (the common case) is checked by two
/// vector scans (validity, then nothing to sanitize) and copied once.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, Skip> {
    let plain = !bytes.is_empty()
        && Encoding::for_bom(&bytes).is_none()
        && !MAGIC.iter().any(|(m, _)| bytes.starts_with(m))
        && memchr::memchr(0, &bytes).is_none();
    if !plain {
        return decode(&bytes);
    }
    match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) if is_clean(text) => {
            if text.chars().all(char::is_whitespace) {
                return Err(Skip::WhitespaceOnly);
            }
            Ok(Decoded {
                // A copy (one memcpy) rather than an unchecked conversion of the buffer.
                text: text.to_owned(),
                encoding: "UTF-8",
                warnings: Vec::new(),
                format: "txt",
                emphasis: Vec::new(),
            })
        }
        _ => decode(&bytes),
    }
}

/// Decode raw file bytes. Never panics; lossy where it must be, with a warning.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Skip> {
    if bytes.is_empty() {
        return Err(Skip::Empty);
    }
    // An Office file saved with a password is a compound file holding the encrypted
    // document as a stream named EncryptedPackage (MS-OFFCRYPTO).
    const ENCRYPTED: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") && memchr::memmem::find(bytes, ENCRYPTED).is_some() {
        return Err(Skip::Binary(
            "a password-protected Office document, unreadable without its password",
        ));
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(Skip::Binary(what));
        }
    }
    let mut warnings = Vec::new();
    let (raw, encoding): (std::borrow::Cow<'_, str>, &'static str) =
        if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
            let body = &bytes[bom_len..];
            let (text, had_errors) = enc.decode_without_bom_handling(body);
            if had_errors {
                warnings.push(format!(
                    "malformed {} bytes were replaced with U+FFFD",
                    enc.name()
                ));
            }
            (text, encoding_label(enc))
        } else {
            let nuls = bytes.iter().filter(|&&b| b == 0).count();
            if nuls == 0 {
                decode_unlabelled(bytes, &mut warnings)?
            } else if nuls >= 4 && nuls * 100 > bytes.len() {
                // More than one byte in a hundred: binary data (or UTF-16 without a BOM).
                return Err(Skip::Binary("NUL bytes"));
            } else {
                // A stray NUL in a text file (a bad copy, a truncated download): keep the
                // text, drop the NULs, say so.
                warnings.push(format!(
                    "{nuls} NUL byte{} removed",
                    if nuls == 1 { "" } else { "s" }
                ));
                let kept: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
                let (text, label) = decode_unlabelled(&kept, &mut warnings)?;
                (std::borrow::Cow::Owned(text.into_owned()), label)
            }
        };
    if raw.chars().all(char::is_whitespace) {
        return Err(if raw.is_empty() {
            Skip::Empty
        } else {
            Skip::WhitespaceOnly
        });
    }
    let (text, removed) = sanitize(&raw);
    // A decoded file that is mostly replacement or control characters is not text.
    if !warnings.is_empty() || removed > 0 {
        let (mut total, mut bad) = (0usize, 0usize);
        for c in raw.chars().take(64 * 1024) {
            total += 1;
            if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')) {
                bad += 1;
            }
        }
        if bad * 10 > total {
            return Err(Skip::Binary("mostly invalid or control bytes"));
        }
    }
    finish(text, removed, encoding, warnings, "txt")
}

/// Sanitised text as a [`Decoded`]: the removed controls said, whitespace refused.
pub(crate) fn finish(
    text: String,
    removed: usize,
    encoding: &'static str,
    mut warnings: Vec<String>,
    format: &'static str,
) -> Result<Decoded, Skip> {
    if removed > 0 {
        warnings.push(format!(
            "removed {removed} control character{} (escape sequences, BEL, backspace, …)",
            if removed == 1 { "" } else { "s" }
        ));
    }
    let (text, emphasis) = if format == "txt" {
        (text, Vec::new())
    } else {
        take_emphasis(text)
    };
    if text.trim().is_empty() {
        return Err(Skip::WhitespaceOnly);
    }
    Ok(Decoded {
        text,
        encoding,
        warnings,
        format,
        emphasis,
    })
}

pub(crate) fn encoding_label(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "UTF-8"
    } else if enc == UTF_16LE {
        "UTF-16LE"
    } else if enc == UTF_16BE {
        "UTF-16BE"
    } else if enc == GBK {
        "GBK"
    } else if enc == GB18030 {
        "GB18030"
    } else {
        enc.name()
    }
}

/// No BOM: UTF-8 if it is (nearly) valid UTF-8, else ask chardetng (TLD `cn`).
fn decode_unlabelled<'a>(
    bytes: &'a [u8],
    warnings: &mut Vec<String>,
) -> Result<(std::borrow::Cow<'a, str>, &'static str), Skip> {
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok((std::borrow::Cow::Borrowed(s), "UTF-8"));
    }
    if let Some(text) = mixed_utf8_gbk(bytes, warnings) {
        return Ok((std::borrow::Cow::Owned(text), "UTF-8+GBK"));
    }
    // Mostly-valid UTF-8 with a few damaged bytes: decode lossily rather than guess.
    // One pass, stopped as soon as too many bytes are invalid (a legacy encoding).
    let (mut invalid, mut multibyte_utf8) = (0usize, false);
    for chunk in bytes.utf8_chunks() {
        invalid += chunk.invalid().len();
        if invalid * 100 >= bytes.len() {
            break;
        }
        multibyte_utf8 |= !chunk.valid().is_ascii();
    }
    if invalid * 100 < bytes.len() && multibyte_utf8 {
        warnings.push(format!(
            "{invalid} malformed UTF-8 byte{} replaced with U+FFFD",
            if invalid == 1 { "" } else { "s" }
        ));
        return Ok((String::from_utf8_lossy(bytes), "UTF-8"));
    }
    // Chinese text in GBK keeps nearly every double-byte character inside the GB2312
    // area (lead and trail 0xA1–0xFE); Big5 and Shift_JIS do not (their trail bytes
    // often fall in 0x40–0x7E). Checking that is a hundred times cheaper than chardetng.
    if looks_gb2312(bytes) {
        let (text, had_errors) = GBK.decode_without_bom_handling(bytes);
        if !had_errors {
            let label = if has_gb18030_four_byte(bytes) {
                "GB18030"
            } else {
                "GBK"
            };
            return Ok((text, label));
        }
    }
    // A few KB of non-ASCII text is plenty to tell GBK from Big5 or Shift_JIS, and the
    // detector is slow per byte: sniff from the first non-ASCII byte (a character
    // boundary, as everything before it is ASCII).
    const SNIFF: usize = 6 * 1024;
    let start = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
    let end = bytes.len().min(start + SNIFF);
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(&bytes[start..end], end == bytes.len());
    let enc = det.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    // GBK is decoded as GB18030 by encoding_rs; name it by what the bytes needed.
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let mut label = encoding_label(enc);
    if enc == GBK && has_gb18030_four_byte(bytes) {
        label = "GB18030";
    }
    if had_errors {
        warnings.push(format!("malformed {label} bytes were replaced with U+FFFD"));
    }
    Ok((text, label))
}

/// A file pasted together from a UTF-8 part and a GBK part (each line whole in one of
/// them): decoded line by line, with a warning. `None` unless both kinds of line hold
/// Chinese text and every non-UTF-8 line is clean GBK.
fn mixed_utf8_gbk(bytes: &[u8], warnings: &mut Vec<String>) -> Option<String> {
    let (mut utf8_lines, mut gbk_lines) = (0usize, 0usize);
    for line in bytes.split(|&b| b == b'\n') {
        match std::str::from_utf8(line) {
            Ok(s) if s.chars().any(|c| c > '\u{2e80}') => utf8_lines += 1,
            Ok(_) => {}
            Err(_) => {
                let (t, had_errors) = GBK.decode_without_bom_handling(line);
                if had_errors || !t.chars().any(|c| c > '\u{2e80}') {
                    return None;
                }
                gbk_lines += 1;
            }
        }
    }
    if utf8_lines == 0 || gbk_lines == 0 {
        return None;
    }
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match std::str::from_utf8(line) {
            Ok(s) => out.push_str(s),
            Err(_) => out.push_str(&GBK.decode_without_bom_handling(line).0),
        }
    }
    warnings.push(format!(
        "mixed encodings: {utf8_lines} lines in UTF-8 and {gbk_lines} in GBK, decoded line by line"
    ));
    Some(out)
}

/// At least 95% of the double-byte pairs lie in the GB2312 area.
fn looks_gb2312(bytes: &[u8]) -> bool {
    let (mut pairs, mut inside) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let Some(&t) = bytes.get(i + 1) else { break };
        pairs += 1;
        if (0xA1..=0xF7).contains(&b) && (0xA1..=0xFE).contains(&t) {
            inside += 1;
        }
        // GB18030 four-byte sequences count as one pair.
        i += if (0x30..=0x39).contains(&t) { 4 } else { 2 };
    }
    pairs >= 8 && inside * 100 >= pairs * 95
}

/// GB18030 four-byte sequences: lead 0x81–0xFE, then 0x30–0x39.
fn has_gb18030_four_byte(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i + 1 < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xFE).contains(&b) && (0x30..=0x39).contains(&bytes[i + 1]) {
            return true;
        } else {
            i += 2;
        }
    }
    false
}

/// Normalise line endings and remove everything a terminal would interpret.
///
/// CRLF and lone CR become LF; form feed becomes LF; tabs are kept (they separate table
/// cells; the cleaner turns them into spaces); ANSI escape
/// sequences (CSI, OSC, DCS, …) are removed whole; other C0/C1 controls, DEL, bidi
/// overrides and zero-width characters are removed. Returns the text and how many
/// characters were removed.
pub fn sanitize(s: &str) -> (String, usize) {
    if is_clean(s) {
        return (s.to_string(), 0);
    }
    // Windows line ends and nothing else to do (most files that are not clean): each CR
    // (with the LF after it) becomes one LF, by a SIMD search for the CRs.
    if is_clean_but_cr(s) {
        let b = s.as_bytes();
        let mut out = String::with_capacity(s.len());
        let mut from = 0;
        for at in memchr::memchr_iter(b'\r', b) {
            if at < from {
                continue;
            }
            out.push_str(&s[from..at]);
            out.push('\n');
            from = if b.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
        }
        out.push_str(&s[from..]);
        return (out, 0);
    }
    let mut out = String::with_capacity(s.len());
    let mut removed = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\x0c' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            '\t' => out.push('\t'),
            '\x1b' => {
                removed += 1 + skip_escape(&mut chars);
            }
            '\u{9b}' => {
                // C1 CSI.
                removed += 1 + skip_csi(&mut chars);
            }
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                // C1 OSC/DCS/SOS/PM/APC: skip to the string terminator.
                removed += 1 + skip_string(&mut chars);
            }
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => {
                // Zero-width characters carry nothing a reader sees.
            }
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => removed += 1,
            c if c.is_control() => removed += 1,
            c => out.push(c),
        }
    }
    (out, removed)
}

/// Nothing for [`sanitize`] to do: no control bytes, CR, C1 controls (U+0080–U+009F),
/// U+2028/9, zero-width, bidi or BOM characters. A byte scan, several times faster than
/// rebuilding the string.
/// [`is_clean`] but for carriage returns.
fn is_clean_but_cr(s: &str) -> bool {
    !super::text::any_triple(s.as_bytes(), |x, y, z| {
        ((x < 0x20) & (x != b'\n') & (x != b'\t') & (x != b'\r')) | unclean_above_ascii(x, y, z)
    })
}

/// The characters above ASCII that [`sanitize`] removes or changes: C1 controls, zero
/// width and bidi controls, line and paragraph separators, U+FEFF (and DEL).
#[inline]
fn unclean_above_ascii(x: u8, y: u8, z: u8) -> bool {
    (x == 0x7F)
        | ((x == 0xC2) & (y < 0xA0))
        | ((x == 0xE2)
            & (((y == 0x80) & ((z.wrapping_sub(0x8B) <= 2) | (z.wrapping_sub(0xA8) <= 6)))
                | ((y == 0x81) & (z.wrapping_sub(0xA0) <= 0x0F))))
        | ((x == 0xEF) & (y == 0xBB) & (z == 0xBF))
}

fn is_clean(s: &str) -> bool {
    // Controls but \n and \t; C1 controls (C2 80–C2 9F); zero-width (U+200B–D, U+2060),
    // separators (U+2028/9), bidi (U+202A–E, U+2066–9), where “ ” and — of the same block
    // are fine; U+FEFF. Branch-free, so the scan is vector code.
    !super::text::any_triple(s.as_bytes(), |x, y, z| {
        ((x < 0x20) & (x != b'\n') & (x != b'\t')) | unclean_above_ascii(x, y, z)
    })
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: skip the rest of the sequence; returns characters consumed.
fn skip_escape(chars: &mut Chars<'_>) -> usize {
    match chars.peek() {
        Some('[') => {
            chars.next();
            1 + skip_csi(chars)
        }
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
            chars.next();
            1 + skip_string(chars)
        }
        Some(c) if ('\x20'..='\x2f').contains(c) => {
            // nF escape: intermediates then a final byte.
            let mut n = 0;
            while let Some(&c) = chars.peek() {
                chars.next();
                n += 1;
                if !('\x20'..='\x2f').contains(&c) {
                    break;
                }
            }
            n
        }
        Some(c) if ('\x30'..='\x7e').contains(c) => {
            chars.next();
            1
        }
        _ => 0,
    }
}

/// CSI parameters and intermediates up to the final byte (0x40–0x7E).
fn skip_csi(chars: &mut Chars<'_>) -> usize {
    let mut n = 0;
    while let Some(&c) = chars.peek() {
        if ('\x20'..='\x3f').contains(&c) {
            chars.next();
            n += 1;
        } else {
            if ('\x40'..='\x7e').contains(&c) {
                chars.next();
                n += 1;
            }
            break;
        }
    }
    n
}

/// A control string (OSC, DCS, …) up to BEL, ESC \\ or C1 ST; stops at a newline so a
/// malformed sequence cannot swallow the document.
fn skip_string(chars: &mut Chars<'_>) -> usize {
    let mut n = 0;
    while let Some(&c) = chars.peek() {
        match c {
            '\x07' | '\u{9c}' => {
                chars.next();
                return n + 1;
            }
            '\x1b' => {
                chars.next();
                n += 1;
                if chars.peek() == Some(&'\\') {
                    chars.next();
                    n += 1;
                }
                return n;
            }
            '\n' | '\r' => return n,
            _ => {
                chars.next();
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests;

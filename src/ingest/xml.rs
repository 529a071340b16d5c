//! What the XML-based formats (DOCX, OFD) share: a zip part read under a cap, an
//! attribute's value, and an entity reference resolved (only XML's five and character
//! references: no DTD, no external entities, no expansion).

use std::io::Read;

use quick_xml::events::{BytesRef, BytesStart};

use super::decode::Skip;

pub type Zip<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

/// A part of the archive as text, at most `cap` bytes unpacked (a zip bomb stops there);
/// `None` when the archive has no such part.
pub fn part(
    zip: &mut Zip,
    name: &str,
    cap: u64,
    unreadable: Skip,
    too_big: Skip,
) -> Result<Option<String>, Skip> {
    let Ok(file) = zip.by_name(name.trim_start_matches('/')) else {
        return Ok(None);
    };
    let mut raw = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut raw)
        .map_err(|_| unreadable)?;
    if raw.len() as u64 > cap {
        return Err(too_big);
    }
    Ok(Some(match String::from_utf8(raw) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }))
}

/// An attribute's value by its local name.
pub fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The character an entity reference stands for.
pub fn entity(g: &BytesRef) -> Option<char> {
    match g.resolve_char_ref() {
        Ok(Some(c)) => Some(c),
        _ => match g.xml10_content().as_ref() {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => None,
        },
    }
}

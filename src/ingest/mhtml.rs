//! Pages saved by a browser as one file (.mhtml / .mht): a MIME multipart/related message
//! whose first text/html part is the page (RFC 2557). Its transfer encoding
//! (quoted-printable or base64) is undone and its charset, from the part's Content-Type,
//! is written into the page as a meta charset declaration ahead of the markup, so the page
//! path (html.rs) decodes it as the browser did; images and style sheets are not read.

use base64::Engine;

use super::decode::{Decoded, Skip};

/// The header block of a message saved by a browser: a MIME message of related parts.
pub fn is_mhtml(bytes: &[u8]) -> bool {
    // It opens with a header line ("From: …", "MIME-Version: 1.0"): ASCII letters and
    // hyphens, then a colon. (A report opens with its text: looked at no further.)
    let name = bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    if name == 0 || bytes.get(name) != Some(&b':') {
        return false;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    memchr::memmem::find(&lower, b"mime-version:").is_some()
        && memchr::memmem::find(&lower, b"multipart/related").is_some()
}

/// A header's value in a header block (folded lines unfolded), by its name.
fn header(block: &str, name: &str) -> Option<String> {
    let mut out: Option<String> = None;
    for line in block.lines() {
        if let Some(v) = out.as_mut() {
            if line.starts_with([' ', '\t']) {
                v.push(' ');
                v.push_str(line.trim());
                continue;
            }
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.trim().eq_ignore_ascii_case(name)
        {
            out = Some(v.trim().to_string());
        }
    }
    out
}

/// A parameter of a header value: `boundary="----abc"`, `charset=gbk`.
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    while i < body.len() {
        match body[i] {
            b'=' => {
                // A soft line break, or an escaped byte.
                if body.get(i + 1) == Some(&b'\r') && body.get(i + 2) == Some(&b'\n') {
                    i += 3;
                } else if body.get(i + 1) == Some(&b'\n') {
                    i += 2;
                } else if let (Some(h), Some(l)) = (
                    body.get(i + 1).copied().and_then(hex),
                    body.get(i + 2).copied().and_then(hex),
                ) {
                    out.push(h << 4 | l);
                    i += 3;
                } else {
                    out.push(b'=');
                    i += 1;
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Where a header block ends in `b` (its length and the blank line's).
fn head_end(b: &[u8]) -> Option<(usize, usize)> {
    memchr::memmem::find(b, b"\r\n\r\n")
        .map(|i| (i, 4))
        .into_iter()
        .chain(memchr::memmem::find(b, b"\n\n").map(|i| (i, 2)))
        .min_by_key(|&(i, _)| i)
}

/// The saved page's HTML, decoded, with its charset declared in front.
fn page_html(bytes: &[u8]) -> Result<Vec<u8>, Skip> {
    const BAD: Skip = Skip::Binary("a saved web page (MHTML) whose page part cannot be found");
    let (top_len, sep) = head_end(bytes).ok_or(BAD)?;
    let top = String::from_utf8_lossy(&bytes[..top_len]);
    let boundary = header(&top, "Content-Type")
        .and_then(|ct| param(&ct, "boundary"))
        .filter(|b| !b.is_empty())
        .ok_or(BAD)?;
    let delimiter = format!("--{boundary}");
    let rest = &bytes[top_len + sep..];
    let starts: Vec<usize> = memchr::memmem::find_iter(rest, delimiter.as_bytes())
        .take(4096)
        .collect();
    for (k, &at) in starts.iter().enumerate() {
        let from = at + delimiter.len();
        if rest[from..].starts_with(b"--") {
            break;
        }
        let to = starts.get(k + 1).copied().unwrap_or(rest.len());
        let mut part = &rest[from..to];
        while let [b'\r' | b'\n', tail @ ..] = part {
            part = tail;
        }
        let Some((head_len, sep)) = head_end(part) else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..head_len]);
        let ct = header(&head, "Content-Type").unwrap_or_default();
        if !ct.to_ascii_lowercase().starts_with("text/html") {
            continue;
        }
        let raw = &part[head_len + sep..];
        let encoding = header(&head, "Content-Transfer-Encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let body = match encoding.as_str() {
            "quoted-printable" => quoted_printable(raw),
            "base64" => {
                let compact: Vec<u8> = raw
                    .iter()
                    .copied()
                    .filter(|b| !b.is_ascii_whitespace())
                    .collect();
                base64::engine::general_purpose::STANDARD
                    .decode(&compact)
                    .map_err(|_| {
                        Skip::Binary("a saved web page (MHTML) whose page part is damaged base64")
                    })?
            }
            _ => raw.to_vec(),
        };
        let mut html = Vec::with_capacity(body.len() + 64);
        if let Some(cs) = param(&ct, "charset").filter(|c| {
            c.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        }) {
            html.extend_from_slice(format!("<meta charset=\"{cs}\">").as_bytes());
        }
        html.extend_from_slice(&body);
        return Ok(html);
    }
    Err(BAD)
}

/// The saved page's text, through the page path.
pub fn extract(bytes: &[u8]) -> Result<Decoded, Skip> {
    let html = page_html(bytes)?;
    super::html::extract(&html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_breaks_and_escapes_undo() {
        assert_eq!(
            quoted_printable(b"a=3D1=\r\nb=E4=B8=80=zz"),
            "a=1b一=zz".as_bytes()
        );
    }

    #[test]
    fn headers_unfold_and_parameters_unquote() {
        let h = "MIME-Version: 1.0\nContent-Type: multipart/related;\n\ttype=\"text/html\";\n\tboundary=\"----=_NextPart_01\"\n";
        let ct = header(h, "content-type").unwrap();
        assert_eq!(param(&ct, "boundary").as_deref(), Some("----=_NextPart_01"));
    }
}

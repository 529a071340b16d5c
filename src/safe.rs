//! Text that may reach a terminal, a clipboard or a log: the one place that decides what
//! is harmless.
//!
//! Report text is cleaned on the way in (ingest::decode removes escape sequences and
//! controls). Everything else that a file or an argument controls (file names above all)
//! becomes [`Safe`] when it becomes a display field, and every sink filters again:
//! the CLI's stdout and stderr and the log file through [`Sanitize`], the reader's frame
//! through `ui::render` (which scrubs every cell with [`is_unsafe`]), the clipboard
//! through [`Safe::text`], JSON through [`write_json`] (controls, C1 and bidi overrides
//! written as `\uXXXX` escapes, so the true value survives and nothing is interpreted).

use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};

/// What stands in for a removed character.
pub const REPLACEMENT: char = '\u{fffd}';

/// Characters a terminal (or a shell reading a paste) may act on, or that reorder or
/// forge what is shown: C0 controls and DEL (ESC, BEL, CR, backspace …), C1 controls
/// (U+0080–U+009F: CSI, OSC, ST in 8-bit form), bidirectional overrides, embeddings,
/// isolates and marks (U+202E makes a name read backwards), line and paragraph
/// separators, and interlinear annotation controls. `\n` and `\t` are left to the caller.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{fff9}'..='\u{fffb}')
}

/// [`is_unsafe`], or a line break (`\n`, `\t` count as unsafe in a one-line field).
fn is_unsafe_in_line(c: char) -> bool {
    is_unsafe(c) || c == '\n' || c == '\t'
}

fn scrub(s: &str, bad: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if bad(c) { REPLACEMENT } else { c })
            .collect(),
    )
}

/// A string that is safe to show: made only by [`Safe::line`] (one line: no controls, no
/// line breaks) or [`Safe::text`] (keeps `\n` and `\t`).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Safe(String);

impl Safe {
    /// One line: every unsafe character and every line break becomes U+FFFD.
    pub fn line(s: &str) -> Safe {
        Safe(scrub(s, is_unsafe_in_line).into_owned())
    }

    /// Running text: line breaks and tabs stay, everything else unsafe becomes U+FFFD.
    pub fn text(s: &str) -> Safe {
        Safe(scrub(s, |c| is_unsafe(c) || c == '\r').into_owned())
    }

    /// A path as a one-line display field (the true path is kept elsewhere).
    pub fn path(p: &std::path::Path) -> Safe {
        Safe::line(&p.to_string_lossy())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::ops::Deref for Safe {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Safe {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Safe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Safe {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A writer that lets through only what is safe to print: UTF-8 text with `\n` and
/// `\t`; every unsafe character (and every byte that is not UTF-8) becomes U+FFFD.
/// A character split across two writes is held until it is whole.
pub struct Sanitize<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Sanitize<W> {
    pub fn new(inner: W) -> Self {
        Sanitize {
            inner,
            pending: Vec::new(),
        }
    }

    fn emit(&mut self, s: &str) -> io::Result<()> {
        match scrub(s, |c| is_unsafe(c) || c == '\r') {
            Cow::Borrowed(b) => self.inner.write_all(b.as_bytes()),
            Cow::Owned(o) => self.inner.write_all(o.as_bytes()),
        }
    }
}

impl<W: Write> Write for Sanitize<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let data = std::mem::take(&mut self.pending);
        let mut rest: &[u8] = &data;
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    self.emit(s)?;
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    self.emit(std::str::from_utf8(good).expect("valid prefix"))?;
                    match e.error_len() {
                        Some(n) => {
                            self.emit(&REPLACEMENT.to_string())?;
                            rest = &bad[n..];
                        }
                        None => {
                            // An incomplete character at the end: wait for the rest.
                            self.pending = bad.to_vec();
                            break;
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.pending.clear();
            self.emit(&REPLACEMENT.to_string())?;
        }
        self.inner.flush()
    }
}

/// A serde_json formatter (compact or pretty) that also writes the characters serde_json
/// leaves raw and a terminal may act on (C1 controls, DEL, bidi controls, line
/// separators) as `\uXXXX`, so a value read back is exactly the original.
struct Escaping<F>(F);

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $name<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for Escaping<F> {
    delegate!(
        begin_array(),
        end_array(),
        begin_array_value(first: bool),
        end_array_value(),
        begin_object(),
        end_object(),
        begin_object_key(first: bool),
        end_object_key(),
        begin_object_value(),
        end_object_value(),
    );

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{u:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

/// Write `value` as one line of JSON with every unsafe character escaped.
pub fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let f = Escaping(serde_json::ser::CompactFormatter);
    let mut ser = serde_json::Serializer::with_formatter(out, f);
    // io::Error::from keeps the kind of an I/O error (a closed pipe stays BrokenPipe).
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// [`write_json`], indented.
pub fn write_json_pretty<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let f = Escaping(serde_json::ser::PrettyFormatter::new());
    let mut ser = serde_json::Serializer::with_formatter(out, f);
    // io::Error::from keeps the kind of an I/O error (a closed pipe stays BrokenPipe).
    value.serialize(&mut ser).map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a\x1b]0;PWNED\x07b\x1b[201~c\u{202e}d\u{85}e\nf\rg\u{9b}h";

    #[test]
    fn line_removes_everything_a_terminal_acts_on() {
        let s = Safe::line(HOSTILE);
        assert!(!s.chars().any(|c| is_unsafe(c) || c == '\n'), "{s:?}");
        assert_eq!(s.chars().filter(|&c| c == REPLACEMENT).count(), 8);
        assert!(s.contains("PWNED"), "visible text is kept: {s}");
        assert_eq!(Safe::text("a\nb\tc\x1b").as_str(), "a\nb\tc\u{fffd}");
    }

    #[test]
    fn writer_filters_across_split_writes() {
        let mut out = Sanitize::new(Vec::new());
        let bytes = format!("{HOSTILE}报告").into_bytes();
        // Split inside the last multi-byte character.
        let (a, b) = bytes.split_at(bytes.len() - 2);
        out.write_all(a).unwrap();
        out.write_all(b).unwrap();
        out.write_all(b"\xff\n").unwrap();
        out.flush().unwrap();
        let s = String::from_utf8(out.inner).unwrap();
        assert!(s.ends_with("报告\u{fffd}\n"), "{s:?}");
        assert!(!s.chars().any(is_unsafe));
        assert!(s.contains("e\nf"), "newlines of the output itself stay");
    }

    #[test]
    fn json_escapes_and_round_trips() {
        let mut out = Vec::new();
        write_json(&mut out, &serde_json::json!({ "path": HOSTILE })).unwrap();
        let s = String::from_utf8(out.clone()).unwrap();
        assert!(s.is_ascii() || !s.chars().any(is_unsafe), "{s:?}");
        assert!(s.contains("\\u202e") && s.contains("\\u0085") && s.contains("\\u009b"));
        let back: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(back["path"], HOSTILE);
    }
}

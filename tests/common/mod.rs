//! Shared by the integration tests: a report's outline in the `.expect` format.
#![allow(dead_code)]

pub mod files;
pub mod tmux;

use baogao::Report;
use std::fmt::Write;

/// Metadata header, `---`, then one line per section:
/// `LEVEL\tMARKER\tTITLE\tPARTS` (`-` for none), and `\tTOPICS` when `topics`.
pub fn digest(r: &Report, topics: bool) -> String {
    let m = &r.meta;
    let opt = |o: Option<&str>| o.unwrap_or("-").to_string();
    let mut s = String::new();
    writeln!(s, "title: {}", m.title).unwrap();
    writeln!(s, "title_derived: {}", m.title_derived).unwrap();
    writeln!(s, "agency: {}", opt(m.agency.as_deref())).unwrap();
    writeln!(s, "level: {}", opt(m.level)).unwrap();
    writeln!(
        s,
        "year: {}",
        m.year.map_or("-".to_string(), |y| y.to_string())
    )
    .unwrap();
    writeln!(s, "date: {}", opt(m.date.as_deref())).unwrap();
    writeln!(s, "doc_number: {}", opt(m.doc_number.as_deref())).unwrap();
    // Only documents that are not ordinary reports say what they are.
    if m.kind != "report" {
        writeln!(s, "kind: {}", m.kind).unwrap();
    }
    s.push_str("---\n");
    for sec in &r.sections {
        let parts: Vec<&str> = sec
            .labels
            .iter()
            .filter(|l| l.is_part())
            .map(|l| l.key())
            .collect();
        let topic_list: Vec<&str> = sec
            .labels
            .iter()
            .filter(|l| !l.is_part())
            .map(|l| l.key())
            .collect();
        let topic_col = match (topics, topic_list.is_empty()) {
            (false, _) => String::new(),
            (true, true) => "\t-".to_string(),
            (true, false) => format!("\t{}", topic_list.join(",")),
        };
        writeln!(
            s,
            "{}\t{}\t{}\t{}{}",
            sec.level,
            sec.marker.as_deref().unwrap_or("-"),
            sec.title,
            if parts.is_empty() {
                "-".to_string()
            } else {
                parts.join(",")
            },
            topic_col
        )
        .unwrap();
    }
    s
}

/// Line-by-line difference, for a readable failure message.
pub fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i).copied(), a.get(i).copied());
        if x != y {
            writeln!(
                out,
                "  line {}:\n    expected: {:?}\n    actual:   {:?}",
                i + 1,
                x,
                y
            )
            .unwrap();
        }
    }
    out
}

/// Render the reader at w×h (no colours) and return the screen as text, wide
/// characters once per cell pair.
pub fn screen(app: &mut baogao::ui::App, w: u16, h: u16) -> String {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    baogao::ui::frame(area, &mut buf, app, &baogao::ui::Theme::PLAIN);
    buffer_text(&buf)
}

/// A buffer as text, one line per row.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let a = buf.area;
    let mut out = String::new();
    for y in a.y..a.y + a.height {
        let mut x = a.x;
        while x < a.x + a.width {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += sym.width().max(1) as u16;
        }
        out.push('\n');
    }
    out
}

/// Each sample made into a file by `make` (from its text) reads with the sample's outline
/// and metadata, and says it was `format`; the differences, if any, as the error.
pub fn samples_read_like_their_text(format: &str, make: impl Fn(&str) -> Vec<u8>) {
    use baogao::ingest::{decode, parse_bytes, samples::SAMPLES};
    let mut failures = Vec::new();
    for (name, bytes) in SAMPLES {
        let txt = parse_bytes(&format!("sample:{name}"), bytes).expect("sample");
        let text = decode::decode(bytes).expect("text").text;
        let made = parse_bytes(&format!("sample:{name}"), &make(&text)).expect(format);
        assert_eq!(made.format, format);
        let (want, got) = (digest(&txt, true), digest(&made, true));
        if want != got {
            failures.push(format!("{name}:\n--- text\n{want}\n--- {format}\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `baogao export --json DIR` through the binary: its reports.
pub fn exported(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["export", "--json"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["reports"]
        .as_array_mut()
        .expect("reports")
        .drain(..)
        .collect()
}

/// A folder with one sample as `name` (made by `make` from its text) and as text:
/// both export, with their formats, as the same report.
pub fn exports_beside_its_text(name: &str, format: &str, make: impl Fn(&str) -> Vec<u8>) {
    use baogao::ingest::{decode, samples::SAMPLES};
    let dir = tempfile::tempdir().unwrap();
    let (_, bytes) = SAMPLES[2];
    let text = decode::decode(bytes).unwrap().text;
    std::fs::write(dir.path().join(name), make(&text)).unwrap();
    std::fs::write(dir.path().join("same.txt"), bytes).unwrap();
    let got = exported(dir.path());
    let formats: Vec<&str> = got.iter().map(|r| r["format"].as_str().unwrap()).collect();
    assert!(
        formats.contains(&format) && formats.contains(&"txt"),
        "{formats:?}"
    );
    assert_eq!(
        got[0]["title"], got[1]["title"],
        "the same report in both formats"
    );
}

/// Headings as (level, title).
pub type Outline = Vec<(u8, String)>;

/// A report's headings as (level, title), in document order.
pub fn outline(r: &Report) -> Outline {
    r.sections
        .iter()
        .map(|s| (s.level, s.title.clone()))
        .collect()
}

/// An expected outline written with string literals.
pub fn outline_of(w: &[(u8, &str)]) -> Outline {
    w.iter().map(|&(l, t)| (l, t.to_string())).collect()
}

/// A file's outline as its format reads it, the outline of its extracted text read as a
/// plain text file (the format's heading evidence left out), and the report.
pub fn outline_with_and_without_emphasis(
    name: &str,
    bytes: &[u8],
    extract: fn(&[u8]) -> Result<baogao::ingest::Decoded, baogao::ingest::Skip>,
) -> (Outline, Outline, Report) {
    use baogao::ingest::{decode, parse, parse_bytes};
    let r = parse_bytes(name, bytes).unwrap();
    let text = extract(bytes).unwrap().text;
    let plain = parse("plain.txt", decode::decode(text.as_bytes()).unwrap());
    (outline(&r), outline(&plain), r)
}

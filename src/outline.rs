//! `baogao tree`: a readable outline of each report (marker, title, labels, warnings).

use crate::corpus::{Corpus, Report, SectionId};
use std::fmt::Write;

use crate::safe::Safe;

pub fn report_outline(r: &Report) -> String {
    let m = &r.meta;
    let mut out = String::new();
    let opt = |v: Option<&str>| v.unwrap_or("—").to_string();
    let _ = writeln!(out, "{}", Safe::line(&r.path));
    let _ = writeln!(
        out,
        "  {}{}",
        Safe::line(&m.title),
        if m.title_derived {
            "  (title derived)"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "  agency {} · region {} · level {} · year {} · date {} · doc {} · {} · {}",
        opt(m.agency.as_deref()),
        opt(m.region.as_deref()),
        opt(m.level),
        m.year.map_or("—".into(), |y| y.to_string()),
        opt(m.date.as_deref()),
        opt(m.doc_number.as_deref()),
        r.format,
        r.encoding
    );
    for &root in &r.roots {
        section_lines(r, root, &mut out);
    }
    if r.closing.is_some() {
        let _ = writeln!(out, "  [closing]");
    }
    for w in &r.warnings {
        let _ = writeln!(out, "  ! {}", Safe::line(w));
    }
    out
}

fn section_lines(r: &Report, id: SectionId, out: &mut String) {
    let s = r.section(id);
    let indent = "  ".repeat(s.level as usize);
    let labels: Vec<&str> = s.labels.iter().map(|l| l.key()).collect();
    let _ = writeln!(
        out,
        "{indent}{}{}{}",
        s.marker
            .as_deref()
            .map(|m| format!("{m} "))
            .unwrap_or_else(|| "· ".into()),
        Safe::line(&s.title),
        if labels.is_empty() {
            String::new()
        } else {
            format!("  [{}]", labels.join(", "))
        }
    );
    for &c in &s.children {
        section_lines(r, c, out);
    }
}

pub fn corpus_outline(c: &Corpus) -> String {
    let mut out = String::new();
    for r in &c.reports {
        out.push_str(&report_outline(r));
        out.push('\n');
    }
    for e in &c.errors {
        let _ = writeln!(out, "skipped {e}");
    }
    out
}

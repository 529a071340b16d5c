//! `baogao export --json`: the machine-readable contract (shared/design/EXPORT.md).

use crate::corpus::{Corpus, Label, LoadError, MetaLine, Report, SectionId};
use serde::Serialize;

/// Bump only when a field is renamed or dropped.
pub const SCHEMA: u32 = 2;

#[derive(Serialize)]
pub struct ExportDoc<'a> {
    pub schema: u32,
    pub reports: Vec<ReportJson<'a>>,
    pub errors: &'a [LoadError],
}

#[derive(Serialize)]
pub struct ReportJson<'a> {
    pub path: &'a str,
    pub encoding: &'a str,
    pub title: &'a str,
    pub title_derived: bool,
    pub agency: Option<&'a str>,
    pub region: Option<&'a str>,
    pub level: Option<&'a str>,
    pub year: Option<u16>,
    pub date: Option<&'a str>,
    pub doc_number: Option<&'a str>,
    /// Place code + agency kind (schema 2).
    pub agency_key: Option<&'a str>,
    /// Province › city › county (schema 2).
    pub region_chain: &'a [String],
    /// Where title, agency, level, year and date came from (schema 2).
    pub provenance: &'a crate::corpus::Provenance,
    /// report | info_disclosure | plan | other (schema 2).
    pub kind: &'a str,
    /// txt | md | html (the formats work); the original file stays `path`.
    pub format: &'a str,
    /// Publication source named by page chrome (added field).
    pub source: Option<&'a str>,
    pub preamble: Option<&'a str>,
    pub closing: Option<&'a str>,
    pub sections: Vec<SectionJson<'a>>,
    /// Source lines consumed as metadata: title lines, document number, … (added field).
    pub meta_lines: &'a [MetaLine],
    pub noise: &'a [String],
    pub warnings: &'a [String],
}

#[derive(Serialize)]
pub struct SectionJson<'a> {
    pub title: &'a str,
    pub marker: Option<&'a str>,
    pub level: u8,
    pub labels: &'a [Label],
    pub text: &'a str,
    pub line: usize,
    pub children: Vec<SectionJson<'a>>,
}

fn section<'a>(r: &'a Report, id: SectionId) -> SectionJson<'a> {
    let s = r.section(id);
    SectionJson {
        title: &s.title,
        marker: s.marker.as_deref(),
        level: s.level,
        labels: &s.labels,
        text: &s.text,
        line: s.line,
        children: s.children.iter().map(|&c| section(r, c)).collect(),
    }
}

pub fn report_json(r: &Report) -> ReportJson<'_> {
    let m = &r.meta;
    ReportJson {
        path: &r.path,
        encoding: r.encoding,
        title: &m.title,
        title_derived: m.title_derived,
        agency: m.agency.as_deref(),
        region: m.region.as_deref(),
        level: m.level,
        year: m.year,
        date: m.date.as_deref(),
        doc_number: m.doc_number.as_deref(),
        agency_key: m.agency_key.as_deref(),
        region_chain: &m.region_chain,
        provenance: &m.provenance,
        kind: m.kind,
        format: r.format,
        source: m.source.as_deref(),
        preamble: r.preamble.as_deref(),
        closing: r.closing.as_deref(),
        sections: r.roots.iter().map(|&id| section(r, id)).collect(),
        meta_lines: &r.meta_lines,
        noise: &r.noise,
        warnings: &r.warnings,
    }
}

pub fn export_doc(c: &Corpus) -> ExportDoc<'_> {
    ExportDoc {
        schema: SCHEMA,
        reports: c.reports.iter().map(report_json).collect(),
        errors: &c.errors,
    }
}

/// Write the export document as pretty JSON.
pub fn write_json(c: &Corpus, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    crate::safe::write_json_pretty(out, &export_doc(c))
}

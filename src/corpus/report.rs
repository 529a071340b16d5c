//! A report: metadata, preamble, a section tree in an arena, closing, noise and warnings.

use super::Label;
use serde::Serialize;

/// Index of a section in [`Report::sections`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SectionId(pub u32);

impl SectionId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One heading and the body text up to the next heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Heading text: numbering marker and trailing 。/： removed.
    pub title: String,
    /// The numbering as written ("一、", "（一）", "1."), `None` for an unnumbered heading.
    pub marker: Option<String>,
    /// Depth in the tree, 1 = top.
    pub level: u8,
    pub labels: Vec<Label>,
    /// The section's own body (not its children's): paragraphs separated by '\n'.
    pub text: String,
    /// 1-based line of the heading in the decoded source.
    pub line: usize,
    pub parent: Option<SectionId>,
    pub children: Vec<SectionId>,
}

/// What a line consumed as metadata was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaLineKind {
    Title,
    DuplicateTitle,
    /// The title in another script (e.g. Korean or Mongolian beside the Chinese).
    ParallelTitle,
    /// A letterhead or site banner naming the issuing agency above the title.
    Issuer,
    DocNumber,
    Year,
    Date,
    Addressee,
    /// Page furniture above the document's title (a site name, a menu, a catalogue
    /// value on its own line) that no other rule recognised.
    Chrome,
    /// A cover letter's title and text, above the document it forwards.
    Letter,
}

/// A source line that became metadata instead of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetaLine {
    pub line: usize,
    pub kind: MetaLineKind,
    pub text: String,
}

/// Metadata of a report (see shared/design/EXPORT.md).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportMeta {
    pub title: String,
    pub title_derived: bool,
    pub agency: Option<String>,
    pub region: Option<String>,
    pub level: Option<&'static str>,
    pub year: Option<u16>,
    /// ISO date (signature, else publication).
    pub date: Option<String>,
    pub doc_number: Option<String>,
    /// Publication source named by page chrome (来源：…).
    pub source: Option<String>,
    /// Normalised identity: place code + agency kind (EXPORT.md).
    pub agency_key: Option<String>,
    /// Province › city › county of the agency, from the gazetteer.
    pub region_chain: Vec<String>,
    pub provenance: Provenance,
    /// report | info_disclosure | plan | other.
    pub kind: &'static str,
}

/// Where each value came from: title_line | preamble | signature | chrome | party_line |
/// body | file_name | gazetteer | inferred.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Provenance {
    pub title: Option<&'static str>,
    pub agency: Option<&'static str>,
    pub level: Option<&'static str>,
    pub year: Option<&'static str>,
    pub date: Option<&'static str>,
}

/// One parsed report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// As given on the command line, or `sample:<file name>`.
    pub path: String,
    /// What the bytes were: "UTF-8", "GBK", "UTF-16LE", …
    pub encoding: &'static str,
    /// What the file was: txt | md | html (EXPORT.md `format`).
    pub format: &'static str,
    pub meta: ReportMeta,
    pub preamble: Option<String>,
    pub closing: Option<String>,
    /// All sections in document order (an arena); `roots` are the top level.
    pub sections: Vec<Section>,
    pub roots: Vec<SectionId>,
    pub meta_lines: Vec<MetaLine>,
    pub noise: Vec<String>,
    pub warnings: Vec<String>,
}

impl Report {
    pub fn section(&self, id: SectionId) -> &Section {
        &self.sections[id.index()]
    }

    /// Section ids in document order, with their ids.
    pub fn iter_sections(&self) -> impl Iterator<Item = (SectionId, &Section)> {
        self.sections
            .iter()
            .enumerate()
            .map(|(i, s)| (SectionId(i as u32), s))
    }

    /// Titles from the root down to `id`.
    pub fn path_titles(&self, id: SectionId) -> Vec<&str> {
        let mut out = Vec::new();
        let mut cur = Some(id);
        while let Some(c) = cur {
            let s = self.section(c);
            out.push(s.title.as_str());
            cur = s.parent;
        }
        out.reverse();
        out
    }

    /// A short display name: the agency, else the title.
    pub fn display_name(&self) -> &str {
        self.meta.agency.as_deref().unwrap_or(&self.meta.title)
    }
}

//! The in-memory model: a corpus of reports, each with metadata and a section tree.
//!
//! Built once by [`crate::ingest`], then read-only; every view and index borrows it.

mod label;
mod report;

pub use label::{Label, PARTS, TOPICS};
pub use report::{MetaLine, MetaLineKind, Provenance, Report, ReportMeta, Section, SectionId};

/// A file that could not be loaded, with the reason in words a user understands.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LoadError {
    pub path: String,
    pub error: String,
}

impl std::fmt::Display for LoadError {
    /// "PATH: reason", the path made safe to show (it is a file name, from outside).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = crate::safe::Safe::line(&self.path);
        write!(f, "{path}: {}", crate::safe::Safe::line(&self.error))
    }
}

/// Every report that loaded, plus the inputs that were skipped and why.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    pub reports: Vec<Report>,
    pub errors: Vec<LoadError>,
}

impl Corpus {
    /// Total sections over all reports.
    pub fn section_count(&self) -> usize {
        self.reports.iter().map(|r| r.sections.len()).sum()
    }
}

//! The full-screen views over the reader: compare, one part across reports, coverage.

use crate::corpus::{Label, SectionId};

/// Two reports' versions of one labelled section, side by side.
#[derive(Debug, Clone)]
pub struct CompareView {
    pub label: Label,
    /// Report indices of the two sides.
    pub sides: [usize; 2],
    pub texts: [String; 2],
    pub shared: [Vec<std::ops::Range<usize>>; 2],
    pub similarity: u8,
    pub scroll: [usize; 2],
    /// Both sides scroll together.
    pub linked: bool,
    /// The side that moves when not linked (0 left, 1 right).
    pub active: usize,
    /// Each side's rows (byte ranges of its text) at its width, laid out when the
    /// width changes (`App::prepare`), not per frame.
    pub width: [u16; 2],
    pub rows: [Vec<std::ops::Range<usize>>; 2],
}

/// Compare's rows: `text` wrapped at `width`, as byte ranges.
pub fn compare_rows(text: &str, width: u16, ambiguous_wide: bool) -> Vec<std::ops::Range<usize>> {
    let mut rows = Vec::new();
    let mut at = 0;
    for para in text.split('\n') {
        for w in crate::wrap::wrap(para, width as usize, ambiguous_wide) {
            rows.push(at + w.start..at + w.end);
        }
        at += para.len() + 1;
    }
    rows
}

/// The coverage matrix.
#[derive(Debug, Clone)]
pub struct CoverageView {
    /// Reports shown, in list order: reports only (other kinds of document are left out).
    pub reports: Vec<usize>,
    pub columns: Vec<Label>,
    pub row: usize,
    pub col: usize,
    pub top: usize,
    /// First column shown (the columns scroll to keep the selected one in view).
    pub left: usize,
}

/// Every report's version of one labelled section.
#[derive(Debug, Clone)]
pub struct AcrossView {
    pub label: Label,
    /// (report, its section with the label) in list order: only the reports that have one.
    pub rows: Vec<(usize, SectionId)>,
    /// Reports in the list, with the section or without it.
    pub total: usize,
    /// The report the view was opened from.
    pub from: usize,
    pub sel: usize,
    pub top: usize,
}

#[derive(Debug, Clone)]
pub enum View {
    Reader,
    Across(AcrossView),
    Compare(CompareView),
    Coverage(CoverageView),
}

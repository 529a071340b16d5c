//! The section tree: which sections are folded, which row is selected, and the rows a
//! report's tree shows with its folds applied.

use crate::corpus::{Report, SectionId};
use std::collections::HashSet;

/// The section tree.
#[derive(Debug, Default, Clone)]
pub struct TreeState {
    /// Folded sections, by (report, section): each report keeps its own folds.
    pub folded: HashSet<(usize, u32)>,
    /// The selected row and the first visible one.
    pub sel: usize,
    pub top: usize,
}

impl TreeState {
    /// The visible rows of report `index`: (section, depth) in reading order, the
    /// children of a folded section left out.
    pub fn rows(&self, index: usize, r: &Report) -> Vec<(SectionId, u8)> {
        let mut out = Vec::new();
        let mut stack: Vec<(SectionId, u8)> = r.roots.iter().rev().map(|&id| (id, 0)).collect();
        while let Some((id, d)) = stack.pop() {
            out.push((id, d));
            if !self.folded.contains(&(index, id.0)) {
                for &c in r.section(id).children.iter().rev() {
                    stack.push((c, d.saturating_add(1)));
                }
            }
        }
        out
    }

    /// Fold or unfold `id` of report `index`; true when it is folded now.
    pub fn toggle(&mut self, index: usize, id: SectionId) -> bool {
        if self.folded.remove(&(index, id.0)) {
            false
        } else {
            self.folded.insert((index, id.0));
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        let text = "某某市司法局2024年法治政府建设年度报告\n\n一、主要举措\n\n（一）学法\n\n正文一。\n\n（二）普法\n\n正文二。\n\n二、存在的不足\n\n正文三。\n";
        crate::ingest::parse_bytes("t.txt", text.as_bytes()).expect("parses")
    }

    fn titles(r: &Report, rows: &[(SectionId, u8)]) -> Vec<(String, u8)> {
        rows.iter()
            .map(|&(id, d)| (r.section(id).title.clone(), d))
            .collect()
    }

    #[test]
    fn rows_follow_reading_order_with_depths() {
        let r = report();
        let t = TreeState::default();
        assert_eq!(
            titles(&r, &t.rows(0, &r)),
            [
                ("主要举措".to_string(), 0),
                ("学法".to_string(), 1),
                ("普法".to_string(), 1),
                ("存在的不足".to_string(), 0),
            ]
        );
    }

    #[test]
    fn a_fold_hides_the_children_of_that_report_only() {
        let r = report();
        let mut t = TreeState::default();
        let first = r.roots[0];
        assert!(t.toggle(0, first));
        assert_eq!(
            titles(&r, &t.rows(0, &r)),
            [("主要举措".to_string(), 0), ("存在的不足".to_string(), 0)]
        );
        // Another report's tree is not folded by it.
        assert_eq!(t.rows(1, &r).len(), 4);
        assert!(!t.toggle(0, first));
        assert_eq!(t.rows(0, &r).len(), 4);
    }
}

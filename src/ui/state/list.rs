//! The report list: its order, sort and filter, and what is selected.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    File,
    Agency,
    Year,
}

/// The report list.
#[derive(Debug, Default)]
pub struct ListState {
    /// Report indices in list order (sorted and filtered).
    pub order: Vec<usize>,
    pub sort: Sort,
    pub filter: String,
    /// The selected row and the first visible one (it scrolls only when needed).
    pub sel: usize,
    pub top: usize,
    /// Each report's agency as pinyin syllables, made on the first filter typed in letters.
    pub(crate) agency_pinyin: std::sync::OnceLock<Vec<Vec<&'static str>>>,
    /// Each report's filter fields, lower-cased, made on the first filter.
    pub(crate) filter_text: std::sync::OnceLock<Vec<String>>,
}

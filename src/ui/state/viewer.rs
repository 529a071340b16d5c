//! The text viewer: where it is scrolled to, the in-report search, and the open
//! report's document and row layout (made when the report or the width changes).

use crate::ui::doc::{Doc, Hit, Layout};

#[derive(Debug, Clone)]
pub struct Search {
    pub query: String,
    pub hits: Vec<Hit>,
    /// Index of the current hit.
    pub cur: Option<usize>,
}

/// The viewer.
#[derive(Debug, Default)]
pub struct ViewerState {
    /// Top row shown.
    pub scroll: usize,
    /// The viewer alone on the screen.
    pub zoom: bool,
    pub search: Option<Search>,
    /// The open report's document, and its layout at a width, by report index.
    pub(crate) doc: Option<(usize, Doc)>,
    pub(crate) layout: Option<(usize, u16, Layout)>,
}

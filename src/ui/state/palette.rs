//! What takes typed text: the status-bar prompts (`/`, the list filter) and the
//! palette / full-text search overlay.

use super::jumps::Pos;
use crate::corpus::SectionId;
use crate::search::{PaletteHit, TextHit, TextQuery};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    Filter,
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub line: crate::ui::line::Line,
    /// Where the viewer was when the prompt opened (Esc goes back there).
    pub(crate) origin: usize,
}

/// The palette (headings) or full-text search overlay.
#[derive(Debug, Clone)]
pub struct Overlay {
    pub kind: OverlayKind,
    pub input: crate::ui::line::Line,
    pub palette_hits: Vec<PaletteHit>,
    pub text_hits: Vec<TextHit>,
    /// Each full-text hit's snippet and the byte ranges of the query in it, made when
    /// the query runs (not per frame).
    pub snippets: Vec<(String, Vec<std::ops::Range<usize>>)>,
    /// Sections matching the text query (before the limit).
    pub text_total: usize,
    pub sel: usize,
    pub top: usize,
    /// Where we were when it opened (Esc goes back).
    pub(crate) origin: Option<Pos>,
    /// Position in the history while ↑/↓ recall earlier queries.
    pub(crate) hist_at: Option<usize>,
    /// The query was typed before the index was ready: run it when it is.
    pub pending: bool,
    /// Full text: the words typed in pinyin and the corpus words read for them.
    pub readings: Vec<crate::search::fulltext::Reading>,
    /// Full text: the query as run (pinyin words read as Chinese ones).
    pub query: TextQuery,
}

impl Overlay {
    /// The selected result: report and section.
    pub fn target(&self) -> Option<(usize, SectionId)> {
        match self.kind {
            OverlayKind::Palette => self
                .palette_hits
                .get(self.sel)
                .map(|h| (h.at.report as usize, h.at.section)),
            OverlayKind::Text => self
                .text_hits
                .get(self.sel)
                .map(|h| (h.doc.report as usize, h.doc.section)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverlayKind {
    Palette,
    Text,
}

/// Results shown in the overlay.
pub const OVERLAY_LIMIT: usize = 100;

/// Characters of a full-text hit's snippet.
pub const SNIPPET_CHARS: usize = 80;

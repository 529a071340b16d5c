//! Reader state and everything keys and the mouse do to it. Rendering reads this state
//! (render.rs); the terminal loop (crate::term) feeds it events. No I/O here, so tests
//! drive the whole reader headlessly.

use super::doc::{Doc, Hit, Kind, Layout};
use super::keymap::{self, Action, Scope};
use crate::corpus::{Corpus, Report, SectionId};
use crate::search::{PaletteHit, PaletteIndex, Query, TextHit, TextIndex, TextQuery};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

mod across;
mod events;
mod list;
mod marks;
mod modes;
mod search;

use super::i18n::{self, Lang, Msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Tree,
    Viewer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    File,
    Agency,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    Filter,
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub line: super::line::Line,
    /// Where the viewer was when the prompt opened (Esc goes back there).
    origin: usize,
}

#[derive(Debug, Clone)]
pub struct Search {
    pub query: String,
    pub hits: Vec<Hit>,
    /// Index of the current hit.
    pub cur: Option<usize>,
}

/// A place to jump back to: a report and a point in its text (paragraph and byte),
/// so it survives a change of width (zoom, resize).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub report: usize,
    pub para: u32,
    pub offset: u32,
}

/// Where a frame puts things, worked out from the state and the terminal's size before
/// the frame is drawn (`view::geometry`): for the mouse, page sizes and scrolling.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Geometry {
    /// The area above the status bar.
    pub main: Rect,
    pub list: Option<Rect>,
    pub tree: Option<Rect>,
    pub viewer: Option<Rect>,
    /// Text rows and columns inside the viewer (and the rows of each compare side).
    pub viewer_rows: u16,
    pub viewer_cols: u16,
    /// Rows inside the list and the tree panes.
    pub list_rows: u16,
    pub tree_rows: u16,
    /// Text columns of compare's two sides.
    pub compare_cols: [u16; 2],
    /// Rows of the coverage matrix or of the across list.
    pub body_rows: u16,
    /// Coverage columns that fit.
    pub coverage_shown: usize,
    /// Result rows of the palette and the help's text rows.
    pub overlay_rows: u16,
    pub help_rows: u16,
}

/// The palette (headings) or full-text search overlay.
#[derive(Debug, Clone)]
pub struct Overlay {
    pub kind: OverlayKind,
    pub input: super::line::Line,
    pub palette_hits: Vec<PaletteHit>,
    pub text_hits: Vec<TextHit>,
    /// Sections matching the text query (before the limit).
    pub text_total: usize,
    pub sel: usize,
    pub top: usize,
    /// Where we were when it opened (Esc goes back).
    origin: Option<Pos>,
    /// Position in the history while ↑/↓ recall earlier queries.
    hist_at: Option<usize>,
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

/// What the reader takes from the config (made by `crate::config::Config::settings`;
/// the reader knows nothing of the file).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub keymap: keymap::Keymap,
    pub ambiguous_wide: bool,
    pub reading_width: Option<u16>,
    pub lang: Lang,
}

/// Something only the terminal loop can do: the app asks, the loop carries it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Ctrl-Z: give the terminal back and stop until `fg`.
    Suspend,
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverlayKind {
    Palette,
    Text,
}

/// Indexes built in the background after the first frame.
#[derive(Default)]
pub struct Indexes {
    pub palette: OnceLock<PaletteIndex>,
    pub text: OnceLock<TextIndex>,
    /// Reports segmented so far by the full-text build.
    pub progress: AtomicUsize,
}

/// Two reports' versions of one labelled section, side by side.
#[derive(Debug, Clone)]
pub struct CompareView {
    pub label: crate::corpus::Label,
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
    pub columns: Vec<crate::corpus::Label>,
    pub row: usize,
    pub col: usize,
    pub top: usize,
    /// First column shown (the columns scroll to keep the selected one in view).
    pub left: usize,
}

/// Every report's version of one labelled section.
#[derive(Debug, Clone)]
pub struct AcrossView {
    pub label: crate::corpus::Label,
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

/// Results shown in the overlay.
pub const OVERLAY_LIMIT: usize = 100;

pub struct App {
    /// Remembered between runs (marks, history, position); see crate::state.
    pub state: crate::state::State,
    /// The key this corpus is remembered under.
    pub corpus_key: String,
    /// 'm' or '\'' typed: the next letter names a mark.
    pending_mark: Option<char>,
    pub corpus: Arc<Corpus>,
    pub view: View,
    pub keymap: keymap::Keymap,
    /// Widest text line in the viewer (config `reading_width`).
    pub reading_width: Option<u16>,
    pub indexes: Arc<Indexes>,
    indexing: bool,
    pub overlay: Option<Overlay>,
    pub palette_history: Vec<String>,
    pub text_history: Vec<String>,
    /// Report indices in list order (sorted and filtered).
    pub order: Vec<usize>,
    pub sort: Sort,
    pub filter: String,
    /// Each report's agency as pinyin syllables, made on the first filter typed in letters.
    agency_pinyin: std::sync::OnceLock<Vec<Vec<&'static str>>>,
    /// Each report's filter fields, lower-cased, made on the first filter.
    filter_text: std::sync::OnceLock<Vec<String>>,
    pub list_sel: usize,
    /// The open report.
    pub current: Option<usize>,
    pub folded: HashSet<(usize, u32)>,
    pub tree_sel: usize,
    /// First visible rows of the list and the tree (they scroll only when needed).
    pub list_top: usize,
    pub tree_top: usize,
    /// Top row of the help overlay.
    pub help_top: usize,
    /// Top row of the viewer.
    pub scroll: usize,
    pub focus: Pane,
    pub zoom: bool,
    pub help: bool,
    /// The mode the help was opened from (its keys are listed first).
    pub help_scope: Scope,
    /// The interface language (config `language`).
    pub lang: Lang,
    pub prompt: Option<Prompt>,
    pub search: Option<Search>,
    jumps: Vec<Pos>,
    /// Sections read before a jump, the latest last (at most 20).
    recent: Vec<(usize, SectionId)>,
    jump_at: usize,
    pub status: Option<String>,
    /// What the terminal loop is to do after this key, in order (the app does no I/O).
    pub effects: Vec<Effect>,
    pub ambiguous_wide: bool,
    pub geometry: Geometry,
    doc: Option<(usize, Doc)>,
    layout: Option<(usize, u16, Layout)>,
}

impl App {
    pub fn new(corpus: impl Into<Arc<Corpus>>) -> App {
        let corpus: Arc<Corpus> = corpus.into();
        let mut order: Vec<usize> = (0..corpus.reports.len()).collect();
        // Reports first, other kinds of document after them (as `resort` keeps it).
        order.sort_by_key(|&i| corpus.reports[i].meta.kind != "report");
        let current = order.first().copied();
        let mut app = App {
            state: crate::state::State::default(),
            corpus_key: "samples".into(),
            pending_mark: None,
            corpus,
            view: View::Reader,
            keymap: keymap::Keymap::default(),
            reading_width: None,
            indexes: Arc::new(Indexes::default()),
            indexing: false,
            overlay: None,
            palette_history: Vec::new(),
            text_history: Vec::new(),
            order,
            sort: Sort::File,
            filter: String::new(),
            agency_pinyin: std::sync::OnceLock::new(),
            filter_text: std::sync::OnceLock::new(),
            list_sel: 0,
            current,
            folded: HashSet::new(),
            tree_sel: 0,
            list_top: 0,
            tree_top: 0,
            help_top: 0,
            scroll: 0,
            focus: Pane::List,
            zoom: false,
            help: false,
            help_scope: Scope::Global,
            lang: Lang::Zh,
            prompt: None,
            search: None,
            jumps: Vec::new(),
            recent: Vec::new(),
            jump_at: 0,
            status: None,
            effects: Vec::new(),
            ambiguous_wide: false,
            geometry: Geometry {
                viewer_rows: 20,
                viewer_cols: 80,
                ..Geometry::default()
            },
            doc: None,
            layout: None,
        };
        if !app.corpus.errors.is_empty() {
            let n = app.corpus.errors.len();
            app.say(Msg::FilesSkipped, &[&n]);
        }
        app
    }

    /// The effects asked for since the last call, in order.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Has a key asked to quit?
    pub fn quitting(&self) -> bool {
        self.effects.contains(&Effect::Quit)
    }

    /// Has a key asked to suspend?
    pub fn suspending(&self) -> bool {
        self.effects.contains(&Effect::Suspend)
    }

    /// The text last asked to go on the clipboard, taken out of the effects.
    pub fn take_copy(&mut self) -> Option<String> {
        let at = self
            .effects
            .iter()
            .rposition(|e| matches!(e, Effect::Copy(_)))?;
        match self.effects.remove(at) {
            Effect::Copy(t) => Some(t),
            _ => None,
        }
    }

    /// Put a message of the catalogue in the status bar, in the interface's language.
    fn say(&mut self, m: Msg, args: &[&dyn std::fmt::Display]) {
        self.status = Some(m.fill(self.lang, args));
    }

    /// A message of the catalogue in the interface's language.
    pub fn tr(&self, m: Msg) -> &'static str {
        m.text(self.lang)
    }

    pub fn report(&self) -> Option<&Report> {
        self.current.map(|i| &self.corpus.reports[i])
    }

    // ----- the frame -----

    /// Settle into the frame about to be drawn: take its geometry, lay out what depends
    /// on its size (the open report, compare's sides), and scroll every list so that its
    /// selection shows. The update half of a frame; drawing then only reads.
    pub fn prepare(&mut self, g: Geometry) {
        self.geometry = g;
        self.cur_layout();
        let rows = g.viewer_rows as usize;
        let len = self.cached_layout().map_or(0, |l| l.rows.len());
        self.scroll = self
            .scroll
            .min(len.saturating_sub(1).max(len.saturating_sub(rows)));
        keep_visible(&mut self.list_top, self.list_sel, g.list_rows);
        let tree_sel = self.tree_sel;
        keep_visible(&mut self.tree_top, tree_sel, g.tree_rows);
        if self.help {
            let n = self.keymap.help_lines(self.help_scope).len();
            self.help_top = self.help_top.min(n.saturating_sub(g.help_rows as usize));
        }
        if let Some(o) = self.overlay.as_mut() {
            keep_visible(&mut o.top, o.sel, g.overlay_rows);
        }
        let amb = self.ambiguous_wide;
        match &mut self.view {
            View::Compare(cv) => {
                for side in 0..2 {
                    if cv.width[side] != g.compare_cols[side] {
                        cv.width[side] = g.compare_cols[side];
                        cv.rows[side] = compare_rows(&cv.texts[side], cv.width[side], amb);
                    }
                }
            }
            View::Coverage(cv) => {
                keep_visible(
                    &mut cv.left,
                    cv.col,
                    g.coverage_shown.min(u16::MAX as usize) as u16,
                );
                keep_visible(&mut cv.top, cv.row, g.body_rows);
            }
            View::Across(v) => keep_visible(&mut v.top, v.sel, g.body_rows),
            View::Reader => {}
        }
    }

    // ----- document and layout -----

    /// The open report's layout at the viewer's width, if it is laid out (it is after
    /// [`App::prepare`]).
    pub fn cached_layout(&self) -> Option<&Layout> {
        let cur = self.current?;
        let w = self.geometry.viewer_cols.max(1);
        self.layout
            .as_ref()
            .filter(|(i, lw, _)| *i == cur && *lw == w)
            .map(|(_, _, l)| l)
    }

    /// Run `f` on the open report's document and its layout at `width`: the laid-out
    /// one when it fits, else one made for this call (nothing is kept).
    pub fn with_layout<R>(&self, width: u16, f: impl FnOnce(&Doc, &Layout) -> R) -> Option<R> {
        let cur = self.current?;
        let doc = self.doc.as_ref().filter(|(i, _)| *i == cur).map(|(_, d)| d);
        let laid = self
            .layout
            .as_ref()
            .filter(|(i, w, _)| *i == cur && *w == width)
            .map(|(_, _, l)| l);
        let n = self.corpus.reports[cur].sections.len();
        match (doc, laid) {
            (Some(d), Some(l)) => Some(f(d, l)),
            (Some(d), None) => Some(f(d, &d.layout(width, n, self.ambiguous_wide))),
            _ => {
                let d = Doc::build(&self.corpus.reports[cur], self.lang);
                let l = d.layout(width, n, self.ambiguous_wide);
                Some(f(&d, &l))
            }
        }
    }

    pub fn doc(&mut self) -> Option<&Doc> {
        let cur = self.current?;
        if self.doc.as_ref().is_none_or(|(i, _)| *i != cur) {
            self.doc = Some((cur, Doc::build(&self.corpus.reports[cur], self.lang)));
        }
        self.doc.as_ref().map(|(_, d)| d)
    }

    /// The row layout of the open report at `width` (cached per report and width).
    pub fn layout(&mut self, width: u16) -> Option<&Layout> {
        let cur = self.current?;
        let fresh = self
            .layout
            .as_ref()
            .is_some_and(|(i, w, _)| *i == cur && *w == width);
        if !fresh {
            // Keep the reading position when only the width changed.
            let anchor = match &self.layout {
                Some((i, _, old)) if *i == cur => old
                    .rows
                    .get(self.scroll.min(old.rows.len().saturating_sub(1)))
                    .map(|r| (r.para, r.start)),
                _ => None,
            };
            let n = self.corpus.reports[cur].sections.len();
            let amb = self.ambiguous_wide;
            let l = self.doc()?.layout(width, n, amb);
            if let Some((para, offset)) = anchor {
                self.scroll = l.row_of(para, offset);
            }
            self.layout = Some((cur, width, l));
        }
        self.layout.as_ref().map(|(_, _, l)| l)
    }

    fn cur_layout(&mut self) -> Option<&Layout> {
        let w = self.geometry.viewer_cols.max(1);
        self.layout(w)
    }

    fn max_scroll(&mut self) -> usize {
        let rows = self.geometry.viewer_rows as usize;
        self.cur_layout()
            .map_or(0, |l| l.rows.len().saturating_sub(rows.max(1)))
    }

    // ----- tree -----

    /// Visible tree rows of the open report: (section, depth), folds applied.
    pub fn tree_rows(&self) -> Vec<(SectionId, u8)> {
        let Some(cur) = self.current else {
            return Vec::new();
        };
        let r = &self.corpus.reports[cur];
        let mut out = Vec::new();
        let mut stack: Vec<(SectionId, u8)> = r.roots.iter().rev().map(|&id| (id, 0)).collect();
        while let Some((id, d)) = stack.pop() {
            out.push((id, d));
            if !self.folded.contains(&(cur, id.0)) {
                for &c in r.section(id).children.iter().rev() {
                    stack.push((c, d + 1));
                }
            }
        }
        out
    }

    /// The section at the top of the viewer (as laid out; see [`App::prepare`]).
    pub fn section_at_scroll(&self) -> Option<SectionId> {
        let scroll = self.scroll;
        let l = self.cached_layout()?;
        let row = *l.rows.get(scroll.min(l.rows.len().saturating_sub(1)))?;
        let doc = &self.doc.as_ref()?.1;
        // The heading row itself counts for its section; the blank before it belongs
        // to the previous one.
        doc.paras[row.para as usize].section
    }

    /// Move the tree highlight to the section being read.
    fn sync_tree_to_viewer(&mut self) {
        self.cur_layout();
        let Some(mut id) = self.section_at_scroll() else {
            self.tree_sel = 0;
            return;
        };
        let rows = self.tree_rows();
        let r = self.report().expect("a section implies a report");
        loop {
            if let Some(i) = rows.iter().position(|(s, _)| *s == id) {
                self.tree_sel = i;
                return;
            }
            match r.section(id).parent {
                Some(p) => id = p,
                None => return,
            }
        }
    }

    /// Scroll the viewer to the selected tree section.
    fn sync_viewer_to_tree(&mut self) {
        let rows = self.tree_rows();
        let Some(&(id, _)) = rows.get(self.tree_sel) else {
            return;
        };
        let target = self.cur_layout().map_or(0, |l| l.section_row[id.index()]);
        self.scroll = target.min(self.max_scroll_allowing(target));
    }

    /// Scrolling may go past the usual maximum to put a late heading at the top.
    fn max_scroll_allowing(&mut self, target: usize) -> usize {
        let len = self.cur_layout().map_or(0, |l| l.rows.len());
        target.min(len.saturating_sub(1)).max(self.max_scroll())
    }

    // ----- opening reports and jumps -----

    fn open_selected(&mut self) {
        let new = self.order.get(self.list_sel).copied();
        if new != self.current {
            // Changing report is a jump: Ctrl-o comes back here.
            self.record_jump();
            self.current = new;
            self.scroll = 0;
            self.tree_sel = 0;
            self.search = None;
        }
    }

    fn pos(&mut self) -> Option<Pos> {
        let report = self.current?;
        let scroll = self.scroll;
        let (para, offset) = self
            .cur_layout()
            .and_then(|l| l.rows.get(scroll.min(l.rows.len().saturating_sub(1))))
            .map_or((0, 0), |r| (r.para, r.start));
        Some(Pos {
            report,
            para,
            offset,
        })
    }

    /// Remember where we are before a jump (and the section being read, for the
    /// palette's empty query).
    fn record_jump(&mut self) {
        self.cur_layout();
        if let (Some(r), Some(s)) = (self.current, self.section_at_scroll()) {
            self.recent.retain(|&x| x != (r, s));
            self.recent.push((r, s));
            if self.recent.len() > 20 {
                self.recent.remove(0);
            }
        }
        if let Some(p) = self.pos() {
            self.jumps.truncate(self.jump_at);
            if self.jumps.last() != Some(&p) {
                self.jumps.push(p);
            }
            if self.jumps.len() > 200 {
                self.jumps.remove(0);
            }
            self.jump_at = self.jumps.len();
        }
    }

    fn goto(&mut self, p: Pos) {
        if self.current != Some(p.report) {
            self.current = Some(p.report);
            self.search = None;
            if let Some(i) = self.order.iter().position(|&r| r == p.report) {
                self.list_sel = i;
            }
        }
        self.scroll = self.cur_layout().map_or(0, |l| l.row_of(p.para, p.offset));
        self.sync_tree_to_viewer();
    }

    fn jump_back(&mut self) {
        if self.jump_at == 0 {
            self.say(Msg::NoEarlier, &[]);
            return;
        }
        let here = self.pos();
        if self.jump_at == self.jumps.len()
            && let Some(p) = here
            && self.jumps.last() != Some(&p)
        {
            self.jumps.push(p);
        }
        // Skip entries that are where we already are.
        while self.jump_at > 0 {
            self.jump_at -= 1;
            if Some(self.jumps[self.jump_at]) != here {
                let p = self.jumps[self.jump_at];
                self.goto(p);
                return;
            }
        }
        self.say(Msg::NoEarlier, &[]);
    }

    fn jump_forward(&mut self) {
        if self.jump_at + 1 >= self.jumps.len() {
            self.say(Msg::NoLater, &[]);
            return;
        }
        self.jump_at += 1;
        let p = self.jumps[self.jump_at];
        self.goto(p);
    }
}

/// Terminals known not to support OSC 52 clipboard writes.
pub fn osc52_supported() -> bool {
    !matches!(
        std::env::var("TERM").as_deref(),
        Ok("linux") | Ok("dumb") | Ok("vt100") | Ok("vt220")
    )
}

/// The OSC 52 sequence that puts `text` on the system clipboard.
/// The text is made safe first: pasted into a shell, an ESC[201~ inside it would end
/// bracketed paste early and the rest would run as typed commands.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let text = crate::safe::Safe::text(text);
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text.as_bytes())
    )
}

/// Move a list's first visible row only as far as needed to keep `sel` in view.
pub fn keep_visible(top: &mut usize, sel: usize, height: u16) {
    let h = (height as usize).max(1);
    if sel < *top {
        *top = sel;
    } else if sel >= *top + h {
        *top = sel + 1 - h;
    }
}

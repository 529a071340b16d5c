//! Reader state and everything keys and the mouse do to it. Rendering reads this state
//! (render.rs); the terminal loop (crate::term) feeds it events. No I/O here, so tests
//! drive the whole reader headlessly.

use super::doc::{Doc, Kind, Layout};
use super::keymap::{self, Action, Scope};
use crate::corpus::{Corpus, Report, SectionId};
use crate::search::{PaletteHit, PaletteIndex, Query, TextIndex, TextQuery};
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

mod across;
mod events;
mod list;
mod marks;
mod modes;
mod search;

use super::i18n::{self, Lang, Msg};
pub use super::state::{
    AcrossView, CompareView, CoverageView, Jumps, ListState, Mode, OVERLAY_LIMIT, Overlay,
    OverlayKind, Pos, Prompt, PromptKind, SNIPPET_CHARS, Search, Sort, TreeState, View,
    ViewerState, compare_rows,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Tree,
    Viewer,
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

/// Indexes built in the background after the first frame.
#[derive(Default)]
pub struct Indexes {
    pub palette: OnceLock<PaletteIndex>,
    pub text: OnceLock<TextIndex>,
    /// Reports segmented so far by the full-text build.
    pub progress: AtomicUsize,
}

pub struct App {
    /// Remembered between runs (marks, history, position); see crate::state.
    pub state: crate::state::State,
    /// The key this corpus is remembered under.
    pub corpus_key: String,
    pub corpus: Arc<Corpus>,
    /// What is on the screen: the panes or a full-screen view, and the mode over it.
    pub view: View,
    pub mode: Mode,
    pub keymap: keymap::Keymap,
    /// Widest text line in the viewer (config `reading_width`).
    pub reading_width: Option<u16>,
    pub indexes: Arc<Indexes>,
    indexing: bool,
    pub palette_history: Vec<String>,
    pub text_history: Vec<String>,
    pub list: ListState,
    /// The open report.
    pub current: Option<usize>,
    pub tree: TreeState,
    pub viewer: ViewerState,
    pub focus: Pane,
    /// The interface language (config `language`).
    pub lang: Lang,
    pub jumps: Jumps,
    pub status: Option<String>,
    /// What the terminal loop is to do after this key, in order (the app does no I/O).
    pub effects: Vec<Effect>,
    pub ambiguous_wide: bool,
    pub geometry: Geometry,
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
            corpus,
            view: View::Reader,
            mode: Mode::Normal,
            keymap: keymap::Keymap::default(),
            reading_width: None,
            indexes: Arc::new(Indexes::default()),
            indexing: false,
            palette_history: Vec::new(),
            text_history: Vec::new(),
            list: ListState {
                order,
                ..ListState::default()
            },
            current,
            tree: TreeState::default(),
            viewer: ViewerState::default(),
            focus: Pane::List,
            lang: Lang::Zh,
            jumps: Jumps::default(),
            status: None,
            effects: Vec::new(),
            ambiguous_wide: false,
            geometry: Geometry {
                viewer_rows: 20,
                viewer_cols: 80,
                ..Geometry::default()
            },
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

    // ----- the mode -----

    /// The palette or full-text search, when it is open.
    pub fn overlay(&self) -> Option<&Overlay> {
        match &self.mode {
            Mode::Palette(o) => Some(o),
            _ => None,
        }
    }

    /// The status-bar prompt, when one is open.
    pub fn prompt(&self) -> Option<&Prompt> {
        match &self.mode {
            Mode::Prompt(p) => Some(p),
            _ => None,
        }
    }

    /// Is the help showing?
    pub fn help_open(&self) -> bool {
        matches!(self.mode, Mode::Help { .. })
    }

    /// Move the help's first row (kept in range by [`App::prepare`]).
    fn scroll_help(&mut self, f: impl FnOnce(usize) -> usize) {
        if let Mode::Help { top, .. } = &mut self.mode {
            *top = f(*top);
        }
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
        self.viewer.scroll = self
            .viewer
            .scroll
            .min(len.saturating_sub(1).max(len.saturating_sub(rows)));
        keep_visible(&mut self.list.top, self.list.sel, g.list_rows);
        let tree_sel = self.tree.sel;
        keep_visible(&mut self.tree.top, tree_sel, g.tree_rows);
        match &mut self.mode {
            Mode::Help { scope, top } => {
                let n = self.keymap.help_lines(*scope).len();
                *top = (*top).min(n.saturating_sub(g.help_rows as usize));
            }
            Mode::Palette(o) => keep_visible(&mut o.top, o.sel, g.overlay_rows),
            _ => {}
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
        self.viewer
            .layout
            .as_ref()
            .filter(|(i, lw, _)| *i == cur && *lw == w)
            .map(|(_, _, l)| l)
    }

    /// Run `f` on the open report's document and its layout at `width`: the laid-out
    /// one when it fits, else one made for this call (nothing is kept).
    pub fn with_layout<R>(&self, width: u16, f: impl FnOnce(&Doc, &Layout) -> R) -> Option<R> {
        let cur = self.current?;
        let doc = self
            .viewer
            .doc
            .as_ref()
            .filter(|(i, _)| *i == cur)
            .map(|(_, d)| d);
        let laid = self
            .viewer
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
        if self.viewer.doc.as_ref().is_none_or(|(i, _)| *i != cur) {
            self.viewer.doc = Some((cur, Doc::build(&self.corpus.reports[cur], self.lang)));
        }
        self.viewer.doc.as_ref().map(|(_, d)| d)
    }

    /// The row layout of the open report at `width` (cached per report and width).
    pub fn layout(&mut self, width: u16) -> Option<&Layout> {
        let cur = self.current?;
        let fresh = self
            .viewer
            .layout
            .as_ref()
            .is_some_and(|(i, w, _)| *i == cur && *w == width);
        if !fresh {
            // Keep the reading position when only the width changed.
            let anchor = match &self.viewer.layout {
                Some((i, _, old)) if *i == cur => old
                    .rows
                    .get(self.viewer.scroll.min(old.rows.len().saturating_sub(1)))
                    .map(|r| (r.para, r.start)),
                _ => None,
            };
            let n = self.corpus.reports[cur].sections.len();
            let amb = self.ambiguous_wide;
            let l = self.doc()?.layout(width, n, amb);
            if let Some((para, offset)) = anchor {
                self.viewer.scroll = l.row_of(para, offset);
            }
            self.viewer.layout = Some((cur, width, l));
        }
        self.viewer.layout.as_ref().map(|(_, _, l)| l)
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
        self.tree.rows(cur, &self.corpus.reports[cur])
    }

    /// The section at the top of the viewer (as laid out; see [`App::prepare`]).
    pub fn section_at_scroll(&self) -> Option<SectionId> {
        let scroll = self.viewer.scroll;
        let l = self.cached_layout()?;
        let row = *l.rows.get(scroll.min(l.rows.len().saturating_sub(1)))?;
        let doc = &self.viewer.doc.as_ref()?.1;
        // The heading row itself counts for its section; the blank before it belongs
        // to the previous one.
        doc.paras[row.para as usize].section
    }

    /// Move the tree highlight to the section being read.
    fn sync_tree_to_viewer(&mut self) {
        self.cur_layout();
        let Some(mut id) = self.section_at_scroll() else {
            self.tree.sel = 0;
            return;
        };
        let rows = self.tree_rows();
        let r = self.report().expect("a section implies a report");
        loop {
            if let Some(i) = rows.iter().position(|(s, _)| *s == id) {
                self.tree.sel = i;
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
        let Some(&(id, _)) = rows.get(self.tree.sel) else {
            return;
        };
        let target = self.cur_layout().map_or(0, |l| l.section_row[id.index()]);
        self.viewer.scroll = target.min(self.max_scroll_allowing(target));
    }

    /// Scrolling may go past the usual maximum to put a late heading at the top.
    fn max_scroll_allowing(&mut self, target: usize) -> usize {
        let len = self.cur_layout().map_or(0, |l| l.rows.len());
        target.min(len.saturating_sub(1)).max(self.max_scroll())
    }

    // ----- opening reports and jumps -----

    fn open_selected(&mut self) {
        let new = self.list.order.get(self.list.sel).copied();
        if new != self.current {
            // Changing report is a jump: Ctrl-o comes back here.
            self.record_jump();
            self.current = new;
            self.viewer.scroll = 0;
            self.tree.sel = 0;
            self.viewer.search = None;
        }
    }

    fn pos(&mut self) -> Option<Pos> {
        let report = self.current?;
        let scroll = self.viewer.scroll;
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
        let section = self.current.zip(self.section_at_scroll());
        let here = self.pos();
        self.jumps.record(here, section);
    }

    fn goto(&mut self, p: Pos) {
        if self.current != Some(p.report) {
            self.current = Some(p.report);
            self.viewer.search = None;
            if let Some(i) = self.list.order.iter().position(|&r| r == p.report) {
                self.list.sel = i;
            }
        }
        self.viewer.scroll = self.cur_layout().map_or(0, |l| l.row_of(p.para, p.offset));
        self.sync_tree_to_viewer();
    }

    fn jump_back(&mut self) {
        let here = self.pos();
        match self.jumps.back(here) {
            Some(p) => self.goto(p),
            None => self.say(Msg::NoEarlier, &[]),
        }
    }

    fn jump_forward(&mut self) {
        match self.jumps.forward() {
            Some(p) => self.goto(p),
            None => self.say(Msg::NoLater, &[]),
        }
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

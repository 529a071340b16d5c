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

mod modes;

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

/// Where render put things (for the mouse and for page sizes).
#[derive(Debug, Clone, Copy, Default)]
pub struct Geometry {
    pub list: Option<Rect>,
    pub tree: Option<Rect>,
    pub viewer: Option<Rect>,
    /// Text rows and columns inside the viewer.
    pub viewer_rows: u16,
    pub viewer_cols: u16,
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

    // ----- document and layout -----

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

    /// The section at the top of the viewer.
    pub fn section_at_scroll(&mut self) -> Option<SectionId> {
        let scroll = self.scroll;
        let l = self.cur_layout()?;
        let row = *l.rows.get(scroll.min(l.rows.len().saturating_sub(1)))?;
        let doc = &self.doc.as_ref()?.1;
        // The heading row itself counts for its section; the blank before it belongs
        // to the previous one.
        doc.paras[row.para as usize].section
    }

    /// Move the tree highlight to the section being read.
    fn sync_tree_to_viewer(&mut self) {
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

    /// Remember where we are before a jump.
    fn record_jump(&mut self) {
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

    // ----- list -----

    fn resort(&mut self) {
        let keep = self.current;
        let f = self.filter.to_lowercase();
        let reports = &self.corpus.reports;
        // What the filter is matched against, made once: title, agency, file name, level
        // (district, 区级) and places (山东省, 淄博市), lower-cased, one per report.
        let fields = (!f.is_empty()).then(|| {
            self.filter_text.get_or_init(|| {
                reports
                    .iter()
                    .map(|r| {
                        let m = &r.meta;
                        let level = m.level.unwrap_or("");
                        let mut t = [
                            m.title.as_str(),
                            m.agency.as_deref().unwrap_or(""),
                            r.path.as_str(),
                            level,
                            crate::ui::i18n::level(level, crate::ui::i18n::Lang::Zh),
                        ]
                        .join("\u{1}")
                        .to_lowercase();
                        for p in &m.region_chain {
                            t.push('\u{1}');
                            t.push_str(p);
                        }
                        t
                    })
                    .collect::<Vec<String>>()
            })
        });
        // Pinyin of the agencies, for a filter typed in letters ("zhd" → 张店区…) and the
        // agency sort.
        let agency_pinyin = || {
            self.agency_pinyin.get_or_init(|| {
                reports
                    .iter()
                    .map(|r| {
                        crate::search::pinyin::syllables(r.meta.agency.as_deref().unwrap_or(""))
                    })
                    .collect()
            })
        };
        let pinyin =
            (f.len() >= 2 && f.bytes().all(|b| b.is_ascii_lowercase())).then(agency_pinyin);
        let mut order: Vec<usize> = (0..reports.len())
            .filter(|&i| {
                fields.is_none_or(|t| {
                    t[i].contains(&f)
                        || pinyin.is_some_and(|p| crate::search::pinyin::matches(&p[i], &f))
                })
            })
            .collect();
        match self.sort {
            Sort::File => {}
            // By pinyin, as Chinese lists are ordered (code points put 于 before 高).
            Sort::Agency => {
                let py = agency_pinyin();
                order.sort_by(|&a, &b| {
                    let name = |r: usize| reports[r].meta.agency.as_ref();
                    (name(a).is_none(), &py[a], name(a))
                        .cmp(&(name(b).is_none(), &py[b], name(b)))
                        .then(reports[b].meta.year.cmp(&reports[a].meta.year))
                })
            }
            Sort::Year => order.sort_by(|&a, &b| {
                reports[b]
                    .meta
                    .year
                    .cmp(&reports[a].meta.year)
                    .then(reports[a].meta.agency.cmp(&reports[b].meta.agency))
            }),
        }
        // Other kinds of document (信息公开年报, 工作要点, a README) come after the reports
        // (a stable sort keeps the chosen order within each group).
        order.sort_by_key(|&i| reports[i].meta.kind != "report");
        self.order = order;
        self.list_sel = keep
            .and_then(|k| self.order.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.open_selected();
    }

    // ----- events -----

    /// A key: the scope of the mode showing, the keymap in force, the action.
    pub fn on_key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        let scope = self.scope();
        if matches!(scope, Scope::Global | Scope::List | Scope::Tree) {
            self.status = None;
            if let Some(kind) = self.pending_mark.take() {
                if let KeyCode::Char(c) = ev.code
                    && c.is_ascii_alphabetic()
                {
                    if kind == 'm' {
                        self.set_mark(c);
                    } else {
                        self.goto_mark(c);
                    }
                } else {
                    self.say(Msg::MarksAreLetters, &[]);
                }
                return;
            }
            // Type-to-filter: a Chinese (or any non-ASCII) character typed in the list
            // starts the filter with it; ASCII letters are key bindings.
            if scope == Scope::List
                && let KeyCode::Char(c) = ev.code
                && !c.is_ascii()
                && !ev
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            {
                self.prompt = Some(Prompt {
                    kind: PromptKind::Filter,
                    line: super::line::Line::default(),
                    origin: self.scroll,
                });
                self.prompt_action(Action::Insert(c));
                return;
            }
        }
        if let Some(a) = self.keymap.lookup(&ev, scope) {
            self.act(scope, a);
        }
    }

    fn run_search(&mut self, query: &str, from_origin: bool) {
        let Some(doc) = self.doc() else {
            return;
        };
        let hits = doc.find(query);
        self.search = Some(Search {
            query: query.to_string(),
            hits,
            cur: None,
        });
        if from_origin {
            self.next_hit(true);
        }
    }

    /// Move to the next (or previous) hit from the current scroll position.
    fn next_hit(&mut self, forward: bool) {
        let top = self.scroll;
        let Some(s) = self.search.clone() else {
            self.say(Msg::NoSearch, &[]);
            return;
        };
        if s.hits.is_empty() {
            self.say(Msg::NotFound, &[&s.query]);
            return;
        }
        let Some(l) = self.cur_layout() else { return };
        let rows: Vec<usize> = s.hits.iter().map(|h| l.row_of(h.para, h.start)).collect();
        let n = rows.len();
        let idx = match (forward, s.cur) {
            (true, Some(c)) => (c + 1) % n,
            (false, Some(c)) => (c + n - 1) % n,
            (true, None) => rows.iter().position(|&r| r >= top).unwrap_or(0),
            (false, None) => rows.iter().rposition(|&r| r < top).unwrap_or(n - 1),
        };
        if let Some(se) = self.search.as_mut() {
            se.cur = Some(idx);
        }
        // Keep the hit a few rows below the top, like less.
        self.scroll = rows[idx]
            .saturating_sub(2)
            .min(self.max_scroll_allowing(rows[idx]));
        self.sync_tree_to_viewer();
        self.say(Msg::MatchOf, &[&(idx + 1), &n]);
    }

    pub fn on_mouse(&mut self, ev: MouseEvent) {
        let g = self.geometry;
        let inside = |r: Option<Rect>| {
            r.is_some_and(|r| {
                ev.column >= r.x
                    && ev.column < r.x + r.width
                    && ev.row >= r.y
                    && ev.row < r.y + r.height
            })
        };
        let pane = if inside(g.list) {
            Pane::List
        } else if inside(g.tree) {
            Pane::Tree
        } else if inside(g.viewer) {
            Pane::Viewer
        } else {
            return;
        };
        match ev.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                self.focus = pane;
                let rect = match pane {
                    Pane::List => g.list,
                    Pane::Tree => g.tree,
                    Pane::Viewer => g.viewer,
                }
                .expect("inside a pane");
                // Row 0 of a pane is its border/title.
                let row = ev.row.saturating_sub(rect.y + 1) as usize;
                match pane {
                    Pane::List => {
                        let first = self.list_top;
                        let i = first + row;
                        if i < self.order.len() {
                            self.list_sel = i;
                            self.open_selected();
                        }
                    }
                    Pane::Tree => {
                        let first = self.tree_top;
                        let i = first + row;
                        if i < self.tree_rows().len() {
                            self.tree_sel = i;
                            self.sync_viewer_to_tree();
                        }
                    }
                    Pane::Viewer => {}
                }
            }
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let saved = self.focus;
                self.focus = pane;
                let a = if ev.kind == MouseEventKind::ScrollDown {
                    Action::Down
                } else {
                    Action::Up
                };
                for _ in 0..3 {
                    self.apply(a);
                }
                self.focus = saved;
            }
            _ => {}
        }
    }

    /// Carry out an action in the focused pane.
    pub fn apply(&mut self, a: Action) {
        use Action::*;
        let page = (self.geometry.viewer_rows as usize).max(1);
        match a {
            Quit => self.effects.push(Effect::Quit),
            Help => self.open_help(),
            Suspend => self.effects.push(Effect::Suspend),
            Across => self.open_across(),
            SetMark => {
                self.pending_mark = Some('m');
                self.say(Msg::MarkPrompt, &[]);
            }
            GotoMark => {
                self.pending_mark = Some('\'');
                self.say(Msg::GotoMarkPrompt, &[]);
            }
            Copy | CopyCitation => self.copy(a == Copy),
            SameNext => self.same_section(true),
            SamePrev => self.same_section(false),
            Compare => self.open_compare(),
            Coverage => {
                let reports: Vec<usize> = self
                    .order
                    .iter()
                    .copied()
                    .filter(|&i| self.corpus.reports[i].meta.kind == "report")
                    .collect();
                let row = self
                    .current
                    .and_then(|c| reports.iter().position(|&i| i == c))
                    .unwrap_or(0);
                self.view = View::Coverage(CoverageView {
                    reports,
                    columns: crate::compare::coverage_columns(&self.corpus, 4),
                    row,
                    col: 0,
                    top: 0,
                    left: 0,
                });
            }
            Palette => self.open_overlay(OverlayKind::Palette),
            FullText => self.open_overlay(OverlayKind::Text),
            NextPane | PaneRight => {
                self.focus = match self.focus {
                    Pane::List => Pane::Tree,
                    Pane::Tree => Pane::Viewer,
                    Pane::Viewer if a == NextPane => Pane::List,
                    Pane::Viewer => Pane::Viewer,
                };
                if self.focus != Pane::Viewer {
                    self.zoom = false;
                }
            }
            PrevPane | PaneLeft => {
                self.focus = match self.focus {
                    Pane::List if a == PrevPane => Pane::Viewer,
                    Pane::List => Pane::List,
                    Pane::Tree => Pane::List,
                    Pane::Viewer => Pane::Tree,
                };
                if self.focus != Pane::Viewer {
                    self.zoom = false;
                }
            }
            Zoom => {
                self.zoom = !self.zoom;
                if self.zoom {
                    self.focus = Pane::Viewer;
                }
            }
            Cancel => {
                // The most recent thing first: a search, the zoom, then an applied filter.
                if self.search.take().is_none() {
                    if self.zoom {
                        self.zoom = false;
                    } else if !self.filter.is_empty() {
                        self.filter.clear();
                        self.resort();
                        self.say(Msg::FilterCleared, &[]);
                    }
                }
            }
            Search => {
                self.focus = if self.focus == Pane::List {
                    Pane::Viewer
                } else {
                    self.focus
                };
                self.prompt = Some(Prompt {
                    kind: PromptKind::Search,
                    line: super::line::Line::default(),
                    origin: self.scroll,
                });
            }
            Filter => {
                self.prompt = Some(Prompt {
                    kind: PromptKind::Filter,
                    line: super::line::Line::new(&self.filter),
                    origin: self.scroll,
                });
            }
            NextMatch | PrevMatch => {
                self.record_jump();
                self.next_hit(a == NextMatch);
            }
            JumpBack => self.jump_back(),
            JumpForward => self.jump_forward(),
            Sort => {
                self.sort = match self.sort {
                    self::Sort::File => self::Sort::Agency,
                    self::Sort::Agency => self::Sort::Year,
                    self::Sort::Year => self::Sort::File,
                };
                self.resort();
                let m = match self.sort {
                    self::Sort::File => Msg::SortedByFile,
                    self::Sort::Agency => Msg::SortedByAgency,
                    self::Sort::Year => Msg::SortedByYear,
                };
                self.say(m, &[]);
            }
            ToggleFold | FoldAll | UnfoldAll => self.fold(a),
            Open => match self.focus {
                Pane::List => {
                    self.record_jump();
                    self.open_selected();
                    self.focus = Pane::Tree;
                }
                Pane::Tree => {
                    self.record_jump();
                    self.sync_viewer_to_tree();
                    self.focus = Pane::Viewer;
                }
                Pane::Viewer => {}
            },
            Down | Up | Top | Bottom | HalfPageDown | HalfPageUp | PageDown | PageUp => {
                self.motion(a, page)
            }
            // The modes' own actions (see modes.rs) do nothing in the panes.
            Close | LinkScroll | SwitchSide | Swap | LeftNext | LeftPrev | DeleteBack
            | DeleteForward | DeleteWord | DeleteToStart | CursorLeft | CursorRight | LineStart
            | LineEnd | HistoryPrev | HistoryNext | NextReading | Insert(_) => {}
        }
    }

    fn fold(&mut self, a: Action) {
        let Some(cur) = self.current else { return };
        let rows = self.tree_rows();
        match a {
            Action::ToggleFold => {
                let Some(&(id, _)) = rows.get(self.tree_sel) else {
                    return;
                };
                if self.corpus.reports[cur].section(id).children.is_empty() {
                    self.say(Msg::NoSubsections, &[]);
                    return;
                }
                if !self.folded.remove(&(cur, id.0)) {
                    self.folded.insert((cur, id.0));
                }
            }
            Action::FoldAll => {
                let sel = rows.get(self.tree_sel).map(|r| r.0);
                let r = &self.corpus.reports[cur];
                for (i, s) in r.sections.iter().enumerate() {
                    if !s.children.is_empty() {
                        self.folded.insert((cur, i as u32));
                    }
                }
                // Keep the highlight on the selected section's top-level ancestor.
                if let Some(mut id) = sel {
                    while let Some(p) = r.section(id).parent {
                        id = p;
                    }
                    let rows = self.tree_rows();
                    self.tree_sel = rows.iter().position(|(s, _)| *s == id).unwrap_or(0);
                }
            }
            _ => {
                self.folded.retain(|(r, _)| *r != cur);
                self.sync_tree_to_viewer();
            }
        }
    }

    fn motion(&mut self, a: Action, page: usize) {
        use Action::*;
        let step = |len: usize, at: usize, visible: usize| -> usize {
            let last = len.saturating_sub(1);
            match a {
                Down => (at + 1).min(last),
                Up => at.saturating_sub(1),
                Top => 0,
                Bottom => last,
                HalfPageDown => (at + visible / 2).min(last),
                HalfPageUp => at.saturating_sub(visible / 2),
                PageDown => (at + visible.saturating_sub(1).max(1)).min(last),
                PageUp => at.saturating_sub(visible.saturating_sub(1).max(1)),
                _ => at,
            }
        };
        match self.focus {
            Pane::List => {
                let visible = self
                    .geometry
                    .list
                    .map_or(page, |r| (r.height as usize).saturating_sub(2));
                self.list_sel = step(self.order.len(), self.list_sel, visible.max(1));
                self.open_selected();
            }
            Pane::Tree => {
                let visible = self
                    .geometry
                    .tree
                    .map_or(page, |r| (r.height as usize).saturating_sub(2));
                self.tree_sel = step(self.tree_rows().len(), self.tree_sel, visible.max(1));
                self.sync_viewer_to_tree();
            }
            Pane::Viewer => {
                if matches!(a, Top | Bottom) {
                    self.record_jump();
                }
                let max = self.max_scroll();
                self.scroll = step(max + 1, self.scroll.min(max), page);
                self.sync_tree_to_viewer();
            }
        }
    }

    // ----- marks, remembered state, copying -----

    fn place(&mut self) -> Option<crate::state::Place> {
        let p = self.pos()?;
        Some(crate::state::Place {
            report: self.corpus.reports[p.report].path.clone(),
            para: p.para,
            offset: p.offset,
        })
    }

    fn pos_of(&self, pl: &crate::state::Place) -> Option<Pos> {
        let report = self
            .corpus
            .reports
            .iter()
            .position(|r| r.path == pl.report)?;
        Some(Pos {
            report,
            para: pl.para,
            offset: pl.offset,
        })
    }

    fn set_mark(&mut self, c: char) {
        let Some(pl) = self.place() else { return };
        if c.is_ascii_uppercase() {
            self.state.global_marks.insert(c, pl);
        } else {
            self.state
                .corpora
                .entry(self.corpus_key.clone())
                .or_default()
                .marks
                .insert(c, pl);
        }
        self.say(Msg::MarkSet, &[&c]);
    }

    fn goto_mark(&mut self, c: char) {
        let pl = if c.is_ascii_uppercase() {
            self.state.global_marks.get(&c).cloned()
        } else {
            self.state
                .corpora
                .get(&self.corpus_key)
                .and_then(|cs| cs.marks.get(&c).cloned())
        };
        match pl.as_ref().and_then(|p| self.pos_of(p)) {
            Some(p) => {
                self.record_jump();
                self.goto(p);
                self.say(Msg::MarkAt, &[&c]);
            }
            None if pl.is_some() => {
                self.say(Msg::MarkElsewhere, &[&c]);
            }
            None => self.say(Msg::NoMark, &[&c]),
        }
    }

    /// Take remembered state: histories, jumps, and the last position in this corpus.
    pub fn restore(&mut self, state: crate::state::State, corpus_key: &str) {
        self.corpus_key = corpus_key.to_string();
        self.palette_history = state.palette_history.clone();
        self.text_history = state.search_history.clone();
        let cs = state.corpora.get(corpus_key).cloned().unwrap_or_default();
        self.state = state;
        self.jumps = cs.jumps.iter().filter_map(|p| self.pos_of(p)).collect();
        self.jump_at = self.jumps.len();
        if let Some(p) = cs.last.as_ref().and_then(|p| self.pos_of(p)) {
            self.goto(p);
            self.focus = Pane::Viewer;
        }
    }

    /// The state to save: this corpus's position and jumps, the histories.
    pub fn to_state(&mut self) -> crate::state::State {
        let last = self.place();
        let jumps: Vec<crate::state::Place> = self
            .jumps
            .clone()
            .iter()
            .rev()
            .take(100)
            .rev()
            .map(|p| crate::state::Place {
                report: self.corpus.reports[p.report].path.clone(),
                para: p.para,
                offset: p.offset,
            })
            .collect();
        let mut st = self.state.clone();
        let cs = st.corpora.entry(self.corpus_key.clone()).or_default();
        cs.last = last;
        cs.jumps = jumps;
        cs.used = crate::state::now();
        st.palette_history.clear();
        for h in &self.palette_history {
            crate::state::remember(&mut st.palette_history, h);
        }
        st.search_history.clear();
        for h in &self.text_history {
            crate::state::remember(&mut st.search_history, h);
        }
        st.version = 1;
        st
    }

    /// "张店区科技局2024年度法治政府建设情况报告 › 一、… › （一）…"
    /// The section `y`/`Y` copy: the tree's selection when the tree has focus, else the
    /// section being read, else (a report that fits the pane, scrolled to its top) the
    /// tree's selection.
    fn section_to_copy(&mut self) -> Option<SectionId> {
        let selected = self.tree_rows().get(self.tree_sel).map(|&(id, _)| id);
        if self.focus == Pane::Tree {
            return selected.or_else(|| self.section_at_scroll());
        }
        self.section_at_scroll().or(selected)
    }

    pub fn citation(&mut self) -> Option<String> {
        let id = self.section_to_copy()?;
        self.citation_of(id)
    }

    fn citation_of(&self, id: SectionId) -> Option<String> {
        let r = self.report()?;
        let mut chain = Vec::new();
        let mut cur = Some(id);
        while let Some(i) = cur {
            let s = r.section(i);
            chain.push(format!("{}{}", s.marker.as_deref().unwrap_or(""), s.title));
            cur = s.parent;
        }
        chain.reverse();
        Some(format!(
            "{}（{}，{}）› {}",
            r.meta.title,
            r.meta.agency.as_deref().unwrap_or("机关不详"),
            r.meta
                .year
                .map_or("年份不详".to_string(), |y| format!("{y}年度")),
            chain.join(" › ")
        ))
    }

    /// `y`: the section's text with a citation line; `Y`: the citation only.
    fn copy(&mut self, with_text: bool) {
        let Some(id) = self.section_to_copy() else {
            self.say(Msg::NothingToCopy, &[]);
            return;
        };
        let Some(cite) = self.citation_of(id) else {
            return;
        };
        if !osc52_supported() {
            let term = std::env::var("TERM").unwrap_or_default();
            self.say(Msg::NoOsc52, &[&crate::safe::Safe::line(&term)]);
            return;
        }
        let text = if with_text {
            let r = self.report().expect("citation implies a report");
            format!("{cite}\n{}", crate::compare::section_text(r, id))
        } else {
            cite
        };
        let n = text.chars().count();
        self.say(Msg::Copied, &[&n]);
        self.effects.push(Effect::Copy(text));
    }

    // ----- the same section elsewhere, compare, coverage -----

    /// The label of the section being read.
    fn current_label(&mut self) -> Option<crate::corpus::Label> {
        let id = self.section_at_scroll()?;
        crate::compare::label_of(self.report()?, id)
    }

    /// `]` / `[`: the section with the same label in the next / previous report that has
    /// one (saying how many were passed over), else the next report's most similar
    /// section by text, else stay and say so.
    fn same_section(&mut self, forward: bool) {
        let (Some(cur), Some(sec)) = (self.current, self.section_at_scroll()) else {
            return;
        };
        let Some(label) = self.current_label() else {
            self.say(Msg::NoLabelFollow, &[]);
            return;
        };
        let n = self.order.len();
        if n < 2 {
            self.say(Msg::OnlyOneReport, &[]);
            return;
        }
        let at = self.order.iter().position(|&r| r == cur).unwrap_or(0);
        // The k-th report in that direction (0 < k < n).
        let step = |k: usize| self.order[(if forward { at + k } else { at + n - k }) % n];
        let corpus = Arc::clone(&self.corpus);
        let who = |r: usize| {
            let m = &corpus.reports[r].meta;
            m.agency.clone().unwrap_or_else(|| m.title.clone())
        };
        // The nearest report in that direction that has the section (one pass over the
        // others' section labels, no text compared).
        let found = (1..n).find_map(|k| {
            let r = step(k);
            crate::compare::section_with(&corpus.reports[r], label).map(|id| (k, r, id))
        });
        if let Some((k, next, id)) = found {
            self.record_jump();
            self.show_section(next, id);
            let skipped = match k - 1 {
                0 => String::new(),
                s => Msg::Skipped.fill(self.lang, &[&s]),
            };
            self.status = Some(format!(
                "{} › {}（{}）{skipped}",
                who(next),
                corpus.reports[next].section(id).title,
                i18n::label(label, self.lang)
            ));
            return;
        }
        // No other report has it: the next one's most similar section, if any is.
        let next = step(1);
        let other = &corpus.reports[next];
        let text = crate::compare::section_text(&corpus.reports[cur], sec);
        match crate::compare::most_similar(&text, other) {
            Some((id, score)) if score >= 0.08 => {
                self.record_jump();
                self.show_section(next, id);
                let pct = format!("{:.0}", score * 100.0);
                let name = i18n::label(label, self.lang);
                let title = other.section(id).title.clone();
                self.say(Msg::NoOtherHasSimilar, &[&name, &who(next), &title, &pct]);
            }
            _ => {
                let name = i18n::label(label, self.lang);
                self.say(Msg::NoOtherHas, &[&name]);
            }
        }
    }

    fn compare_of(&self, label: crate::corpus::Label, sides: [usize; 2]) -> CompareView {
        let reports = &self.corpus.reports;
        let pair = crate::compare::pair(&reports[sides[0]], &reports[sides[1]], label);
        let missing = || Msg::NoSuchPart.fill(self.lang, &[&i18n::label(label, self.lang)]);
        let [ta, tb] = pair.texts;
        let texts = [ta.unwrap_or_else(missing), tb.unwrap_or_else(missing)];
        let similarity = pair.similarity;
        CompareView {
            label,
            sides,
            texts,
            shared: pair.shared,
            similarity,
            scroll: [0, 0],
            linked: true,
            active: 1,
        }
    }

    /// `c`: this report and the next one, side by side at the current section's label.
    fn open_compare(&mut self) {
        let Some(cur) = self.current else { return };
        let Some(label) = self.current_label() else {
            self.say(Msg::NoLabelCompare, &[]);
            return;
        };
        let n = self.order.len();
        let at = self.order.iter().position(|&r| r == cur).unwrap_or(0);
        let other = self.order[(at + 1) % n.max(1)];
        self.view = View::Compare(self.compare_of(label, [cur, other]));
    }

    /// Open compare on two given reports (tests, the CLI's choice of sides).
    pub fn compare_reports(&mut self, label: crate::corpus::Label, left: usize, right: usize) {
        self.view = View::Compare(self.compare_of(label, [left, right]));
    }

    /// `a`: the current section's label in every report.
    fn open_across(&mut self) {
        let Some(cur) = self.current else { return };
        let Some(label) = self.current_label() else {
            self.say(Msg::NoLabel, &[]);
            return;
        };
        let rows: Vec<(usize, SectionId)> = self
            .order
            .iter()
            .filter_map(|&r| {
                crate::compare::section_with(&self.corpus.reports[r], label).map(|id| (r, id))
            })
            .collect();
        if rows.is_empty() {
            self.say(Msg::NoReportHas, &[&i18n::label(label, self.lang)]);
            return;
        }
        let sel = rows.iter().position(|(r, _)| *r == cur).unwrap_or(0);
        self.view = View::Across(AcrossView {
            label,
            rows,
            total: self.order.len(),
            from: cur,
            sel,
            top: 0,
        });
    }

    /// Enter in the across or coverage view: back to the reader at that section (a
    /// jump), or say the report has none.
    fn open_from_view(
        &mut self,
        report: usize,
        section: Option<SectionId>,
        label: crate::corpus::Label,
    ) {
        match section {
            Some(id) => {
                self.view = View::Reader;
                self.record_jump();
                self.show_section(report, id);
                self.focus = Pane::Viewer;
            }
            None => self.say(Msg::ThisReportLacks, &[&i18n::label(label, self.lang)]),
        }
    }

    // ----- background indexes, palette and full-text search -----

    /// Apply the settings: keys, widths, language. (Theme is the renderer's.)
    pub fn configure(&mut self, cfg: &Settings) {
        self.keymap = cfg.keymap.clone();
        self.ambiguous_wide = cfg.ambiguous_wide;
        self.reading_width = cfg.reading_width.filter(|&w| w >= 10);
        self.lang = cfg.lang;
        self.layout = None;
        self.doc = None;
        if !self.corpus.errors.is_empty() && self.status.is_some() {
            let n = self.corpus.errors.len();
            self.say(Msg::FilesSkipped, &[&n]);
        }
    }

    /// Build the palette and full-text indexes on a background thread (once).
    pub fn start_indexing(&mut self) {
        if self.indexing {
            return;
        }
        self.indexing = true;
        let (corpus, idx) = (Arc::clone(&self.corpus), Arc::clone(&self.indexes));
        std::thread::spawn(move || {
            let t = std::time::Instant::now();
            let _ = idx.palette.set(PaletteIndex::build(&corpus));
            tracing::info!(ms = t.elapsed().as_millis() as u64, "heading index built");
            let t = std::time::Instant::now();
            let _ = idx.text.set(TextIndex::build(&corpus, &idx.progress));
            tracing::info!(ms = t.elapsed().as_millis() as u64, "text index built");
        });
    }

    /// Block until the indexes exist (tests and scripts).
    pub fn wait_for_indexes(&mut self) {
        self.start_indexing();
        while self.indexes.text.get().is_none() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        self.refresh_overlay();
    }

    /// Is something still being built (the UI keeps redrawing for progress)?
    pub fn indexing_in_progress(&self) -> bool {
        self.indexing && self.indexes.text.get().is_none()
    }

    /// Re-run an overlay query that was typed before its index was ready.
    pub fn refresh_overlay(&mut self) {
        if self.overlay.as_ref().is_some_and(|o| o.pending) {
            self.run_overlay_query();
        }
    }

    /// "building… 1234/10000" while the full-text index is built.
    pub fn index_status(&self) -> Option<String> {
        if self.indexes.text.get().is_some() || !self.indexing {
            return None;
        }
        let done = self.indexes.progress.load(Ordering::Relaxed);
        Some(Msg::IndexProgress.fill(self.lang, &[&done, &self.corpus.reports.len()]))
    }

    fn open_overlay(&mut self, kind: OverlayKind) {
        self.start_indexing();
        let origin = self.pos();
        self.overlay = Some(Overlay {
            kind,
            input: super::line::Line::default(),
            palette_hits: Vec::new(),
            text_hits: Vec::new(),
            text_total: 0,
            sel: 0,
            top: 0,
            origin,
            hist_at: None,
            pending: false,
            readings: Vec::new(),
            query: TextQuery::default(),
        });
    }

    fn run_overlay_query(&mut self) {
        let Some(o) = self.overlay.as_mut() else {
            return;
        };
        o.sel = 0;
        o.top = 0;
        o.pending = false;
        match o.kind {
            OverlayKind::Palette => match self.indexes.palette.get() {
                Some(idx) => {
                    let q = Query::parse(o.input.as_str());
                    o.palette_hits = if o.input.as_str().trim().is_empty() {
                        Vec::new()
                    } else {
                        idx.search(&self.corpus, &q, OVERLAY_LIMIT)
                    };
                    self.status = q
                        .unknown_label
                        .map(|l| Msg::NoLabelCalled.fill(self.lang, &[&l]));
                }
                None => o.pending = true,
            },
            OverlayKind::Text => match self.indexes.text.get() {
                Some(idx) => {
                    let mut q = TextQuery::parse(o.input.as_str());
                    // A word in letters that the corpus lacks is pinyin: search for the
                    // corpus's word it spells ("pufa" → 普法), keeping an earlier pick.
                    o.readings = idx.read_pinyin(&mut q, &o.readings);
                    let (hits, total) = idx.search(&self.corpus, &q, OVERLAY_LIMIT);
                    o.query = q;
                    o.text_hits = crate::search::fulltext::group_by_report(hits);
                    o.text_total = total;
                }
                None => o.pending = true,
            },
        }
        self.preview_overlay();
    }

    /// The selected result's place.
    fn overlay_target(&self) -> Option<(usize, SectionId)> {
        self.overlay.as_ref()?.target()
    }

    /// Show the selected result behind the overlay (Esc undoes it).
    fn preview_overlay(&mut self) {
        if let Some((report, section)) = self.overlay_target() {
            self.show_section(report, section);
        }
    }

    /// Open `report` with `section` at the top of the viewer.
    fn show_section(&mut self, report: usize, section: SectionId) {
        if self.current != Some(report) {
            self.current = Some(report);
            self.search = None;
            if let Some(i) = self.order.iter().position(|&r| r == report) {
                self.list_sel = i;
            }
        }
        let row = self
            .cur_layout()
            .map_or(0, |l| l.section_row[section.index()]);
        self.scroll = row.min(self.max_scroll_allowing(row));
        self.sync_tree_to_viewer();
    }

    /// Enter in the palette: go to the selected result (a jump; Ctrl-o comes back).
    fn open_overlay_result(&mut self) {
        let Some(o) = self.overlay.take() else {
            return;
        };
        let hist = match o.kind {
            OverlayKind::Palette => &mut self.palette_history,
            OverlayKind::Text => &mut self.text_history,
        };
        let input = o.input.as_str().to_string();
        if !input.trim().is_empty() && hist.last() != Some(&input) {
            hist.push(input.clone());
        }
        let Some((report, section)) = o.target() else {
            if let Some(p) = o.origin {
                self.goto(p);
            }
            self.say(Msg::NothingToOpen, &[]);
            return;
        };
        if let Some(p) = o.origin {
            self.goto(p);
            self.record_jump();
        }
        self.show_section(report, section);
        self.focus = Pane::Viewer;
        if o.kind == OverlayKind::Text {
            // Highlight the words and go to the first hit inside the section.
            let q = &o.query;
            if let Some(word) = q.phrases.first().or(q.terms.first()).cloned() {
                let section_top = self.scroll;
                self.run_search(&word, false);
                self.scroll = section_top;
                self.next_hit(true);
            }
        }
    }

    /// "agency › part › section" for the status bar.
    pub fn breadcrumb(&mut self) -> String {
        let sec = self.section_at_scroll();
        let Some(r) = self.report() else {
            return String::new();
        };
        let mut parts = vec![
            r.meta
                .agency
                .clone()
                .unwrap_or_else(|| r.meta.title.clone()),
        ];
        let mut chain = Vec::new();
        let mut id = sec;
        while let Some(i) = id {
            let s = r.section(i);
            chain.push(match &s.marker {
                Some(m) => format!("{m}{}", s.title),
                None => s.title.clone(),
            });
            id = s.parent;
        }
        chain.reverse();
        parts.extend(chain);
        parts.join(" › ")
    }

    /// Scroll position as a percentage of the document.
    pub fn percent(&mut self) -> u16 {
        let max = self.max_scroll();
        (self.scroll.min(max) * 100)
            .checked_div(max)
            .map_or(100, |p| p as u16)
    }

    /// Is the paragraph kind at this row a heading (for styling)?
    pub fn para_kind(&self, para: u32) -> Kind {
        self.doc
            .as_ref()
            .map_or(Kind::Body, |(_, d)| d.paras[para as usize].kind)
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

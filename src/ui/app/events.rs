//! Keys and the mouse in the reader's panes: what each action does there, folding,
//! motion, in-report search.

use super::*;

impl App {
    pub(super) fn run_search(&mut self, query: &str, from_origin: bool) {
        let Some(doc) = self.doc() else {
            return;
        };
        let hits = doc.find(query);
        self.viewer.search = Some(Search {
            query: query.to_string(),
            hits,
            cur: None,
        });
        if from_origin {
            self.next_hit(true);
        }
    }

    /// Move to the next (or previous) hit from the current scroll position.
    pub(super) fn next_hit(&mut self, forward: bool) {
        let top = self.viewer.scroll;
        let Some(s) = self.viewer.search.clone() else {
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
        if let Some(se) = self.viewer.search.as_mut() {
            se.cur = Some(idx);
        }
        // Keep the hit a few rows below the top, like less.
        self.viewer.scroll = rows[idx]
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
                        let first = self.list.top;
                        let i = first + row;
                        if i < self.list.order.len() {
                            self.list.sel = i;
                            self.open_selected();
                        }
                    }
                    Pane::Tree => {
                        let first = self.tree.top;
                        let i = first + row;
                        if i < self.tree_rows().len() {
                            self.tree.sel = i;
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
                self.mode = Mode::Mark('m');
                self.say(Msg::MarkPrompt, &[]);
            }
            GotoMark => {
                self.mode = Mode::Mark('\'');
                self.say(Msg::GotoMarkPrompt, &[]);
            }
            Copy | CopyCitation => self.copy(a == Copy),
            SameNext => self.same_section(true),
            YearNext => self.other_year(true),
            YearPrev => self.other_year(false),
            CompareYear => self.compare_previous_year(),
            SamePrev => self.same_section(false),
            Compare => self.open_compare(),
            Coverage => {
                let reports: Vec<usize> = self
                    .list
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
                    self.viewer.zoom = false;
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
                    self.viewer.zoom = false;
                }
            }
            Zoom => {
                self.viewer.zoom = !self.viewer.zoom;
                if self.viewer.zoom {
                    self.focus = Pane::Viewer;
                }
            }
            Cancel => {
                // The most recent thing first: a search, the zoom, then an applied filter.
                if self.viewer.search.take().is_none() {
                    if self.viewer.zoom {
                        self.viewer.zoom = false;
                    } else if !self.list.filter.is_empty() {
                        self.list.filter.clear();
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
                self.mode = Mode::Prompt(Prompt {
                    kind: PromptKind::Search,
                    line: crate::ui::line::Line::default(),
                    origin: self.viewer.scroll,
                });
            }
            Filter => {
                self.mode = Mode::Prompt(Prompt {
                    kind: PromptKind::Filter,
                    line: crate::ui::line::Line::new(&self.list.filter),
                    origin: self.viewer.scroll,
                });
            }
            NextMatch | PrevMatch => {
                self.record_jump();
                self.next_hit(a == NextMatch);
            }
            JumpBack => self.jump_back(),
            JumpForward => self.jump_forward(),
            Sort => {
                self.list.sort = match self.list.sort {
                    self::Sort::File => self::Sort::Agency,
                    self::Sort::Agency => self::Sort::Year,
                    self::Sort::Year => self::Sort::File,
                };
                self.resort();
                let m = match self.list.sort {
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

    pub(super) fn fold(&mut self, a: Action) {
        let Some(cur) = self.current else { return };
        let rows = self.tree_rows();
        match a {
            Action::ToggleFold => {
                let Some(&(id, _)) = rows.get(self.tree.sel) else {
                    return;
                };
                if self.corpus.reports[cur].section(id).children.is_empty() {
                    self.say(Msg::NoSubsections, &[]);
                    return;
                }
                self.tree.toggle(cur, id);
            }
            Action::FoldAll => {
                let sel = rows.get(self.tree.sel).map(|r| r.0);
                let r = &self.corpus.reports[cur];
                for (i, s) in r.sections.iter().enumerate() {
                    if !s.children.is_empty() {
                        self.tree.folded.insert((cur, i as u32));
                    }
                }
                // Keep the highlight on the selected section's top-level ancestor.
                if let Some(mut id) = sel {
                    while let Some(p) = r.section(id).parent {
                        id = p;
                    }
                    let rows = self.tree_rows();
                    self.tree.sel = rows.iter().position(|(s, _)| *s == id).unwrap_or(0);
                }
            }
            _ => {
                self.tree.folded.retain(|(r, _)| *r != cur);
                self.sync_tree_to_viewer();
            }
        }
    }

    pub(super) fn motion(&mut self, a: Action, page: usize) {
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
                self.list.sel = step(self.list.order.len(), self.list.sel, visible.max(1));
                self.open_selected();
            }
            Pane::Tree => {
                let visible = self
                    .geometry
                    .tree
                    .map_or(page, |r| (r.height as usize).saturating_sub(2));
                self.tree.sel = step(self.tree_rows().len(), self.tree.sel, visible.max(1));
                self.sync_viewer_to_tree();
            }
            Pane::Viewer => {
                if matches!(a, Top | Bottom) {
                    self.record_jump();
                }
                let max = self.max_scroll();
                self.viewer.scroll = step(max + 1, self.viewer.scroll.min(max), page);
                self.sync_tree_to_viewer();
            }
        }
    }
}

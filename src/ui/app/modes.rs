//! What the keymap's actions do in each mode that takes the keys for itself: the help,
//! the prompts, the palette, a mark's letter, and the full-screen views.
//! [`crate::ui::update`] turns a key into actions in the scope showing and hands each
//! here; no key is read anywhere else, so every key shows in `?` and can be changed in
//! the config.

use super::*;

impl App {
    /// Carry out `a` in `scope` (see [`crate::ui::update`]).
    pub(in crate::ui) fn act(&mut self, scope: Scope, a: Action) {
        if let Mode::Mark(kind) = self.mode {
            self.mode = Mode::Normal;
            match a {
                Action::Insert(c) if c.is_ascii_alphabetic() && kind == 'm' => self.set_mark(c),
                Action::Insert(c) if c.is_ascii_alphabetic() => self.goto_mark(c),
                _ => self.say(Msg::MarksAreLetters, &[]),
            }
            return;
        }
        match scope {
            Scope::Help => self.help_action(a),
            Scope::Prompt => self.prompt_action(a),
            Scope::Palette => self.overlay_action(a),
            Scope::Compare => self.compare_action(a),
            Scope::Across => self.across_action(a),
            Scope::Coverage => self.coverage_action(a),
            Scope::Global | Scope::List | Scope::Tree => self.apply(a),
        }
    }

    /// Open the help over whatever is showing, that mode's keys first.
    pub(super) fn open_help(&mut self) {
        self.mode = Mode::Help {
            scope: self.scope(),
            top: 0,
        };
    }

    fn help_action(&mut self, a: Action) {
        use Action::*;
        match a {
            Close | Help => self.mode = Mode::Normal,
            Quit => self.effects.push(Effect::Quit),
            Down => self.scroll_help(|t| t + 1),
            Up => self.scroll_help(|t| t.saturating_sub(1)),
            PageDown => self.scroll_help(|t| t + 10),
            PageUp => self.scroll_help(|t| t.saturating_sub(10)),
            Top => self.scroll_help(|_| 0),
            // The renderer clamps it to the last page.
            Bottom => self.scroll_help(|_| usize::MAX / 2),
            _ => {}
        }
    }

    pub(super) fn prompt_action(&mut self, a: Action) {
        let Mode::Prompt(p) = &mut self.mode else {
            return;
        };
        match a {
            Action::Cancel => {
                let Mode::Prompt(p) = std::mem::take(&mut self.mode) else {
                    unreachable!("in the prompt")
                };
                match p.kind {
                    PromptKind::Search => {
                        self.viewer.search = None;
                        self.viewer.scroll = p.origin;
                        self.sync_tree_to_viewer();
                    }
                    PromptKind::Filter => {
                        self.list.filter.clear();
                        self.resort();
                    }
                }
                return;
            }
            Action::Open => {
                let Mode::Prompt(p) = std::mem::take(&mut self.mode) else {
                    unreachable!("in the prompt")
                };
                if p.kind == PromptKind::Search {
                    let origin = self.viewer.scroll;
                    self.viewer.scroll = p.origin;
                    self.record_jump();
                    self.viewer.scroll = origin;
                    match &self.viewer.search {
                        Some(s) if !s.hits.is_empty() => {
                            let n = s.hits.len();
                            self.say(Msg::Matches, &[&n]);
                        }
                        Some(s) => {
                            let q = s.query.clone();
                            self.say(Msg::NotFound, &[&q]);
                        }
                        None => {}
                    }
                }
                return;
            }
            _ => {}
        }
        if p.line.apply(a) != Some(true) {
            return;
        }
        let (kind, text, origin) = (p.kind, p.line.as_str().to_string(), p.origin);
        match kind {
            PromptKind::Filter => {
                self.list.filter = text;
                self.resort();
            }
            PromptKind::Search => {
                // Incremental: the first hit at or after where the search started.
                self.viewer.scroll = origin;
                self.run_search(&text, true);
            }
        }
    }

    fn overlay_action(&mut self, a: Action) {
        let Mode::Palette(o) = &mut self.mode else {
            return;
        };
        let n = match o.kind {
            OverlayKind::Palette => o.palette_hits.len(),
            OverlayKind::Text => o.text_hits.len(),
        };
        let last = n.saturating_sub(1);
        use Action::*;
        match a {
            Cancel => {
                let Mode::Palette(o) = std::mem::take(&mut self.mode) else {
                    unreachable!("in the palette")
                };
                if let Some(p) = o.origin {
                    self.goto(p);
                }
            }
            Open => self.open_overlay_result(),
            Down | Up | PageDown | PageUp => {
                o.sel = match a {
                    Down => (o.sel + 1).min(last),
                    Up => o.sel.saturating_sub(1),
                    PageDown => (o.sel + 10).min(last),
                    _ => o.sel.saturating_sub(10),
                };
                self.preview_overlay();
            }
            NextReading => {
                // The last pinyin word with more than one reading takes the next one.
                let Some(r) = o.readings.iter_mut().rev().find(|r| r.words.len() > 1) else {
                    self.say(Msg::NoOtherReading, &[]);
                    return;
                };
                r.pick = (r.pick + 1) % r.words.len();
                self.run_overlay_query();
            }
            HistoryPrev | HistoryNext => {
                let hist = match o.kind {
                    OverlayKind::Palette => &self.palette_history,
                    OverlayKind::Text => &self.text_history,
                };
                if hist.is_empty() {
                    self.say(Msg::NoEarlierQueries, &[]);
                    return;
                }
                let at = match (a, o.hist_at) {
                    (HistoryPrev, None) => Some(hist.len() - 1),
                    (HistoryPrev, Some(i)) => Some(i.saturating_sub(1)),
                    (_, Some(i)) if i + 1 < hist.len() => Some(i + 1),
                    _ => None,
                };
                o.hist_at = at;
                let q = at.map_or(String::new(), |i| hist[i].clone());
                o.input.set(&q);
                self.run_overlay_query();
            }
            other => {
                if o.input.apply(other) == Some(true) {
                    o.hist_at = None;
                    self.run_overlay_query();
                }
            }
        }
    }

    fn compare_action(&mut self, a: Action) {
        use Action::*;
        if self.view_action(a) {
            return;
        }
        let page = (self.geometry.viewer_rows as usize).max(2) as isize;
        let View::Compare(cv) = &mut self.view else {
            return;
        };
        let delta: Option<isize> = match a {
            Down => Some(1),
            Up => Some(-1),
            PageDown => Some(page - 1),
            PageUp => Some(1 - page),
            HalfPageDown => Some(page / 2),
            HalfPageUp => Some(-(page / 2)),
            Top => Some(isize::MIN / 2),
            // The renderer clamps it to the end of the longer side.
            Bottom => Some(isize::MAX / 2),
            _ => None,
        };
        if let Some(d) = delta {
            let sides: Vec<usize> = if cv.linked {
                vec![0, 1]
            } else {
                vec![cv.active]
            };
            for i in sides {
                cv.scroll[i] = (cv.scroll[i] as isize).saturating_add(d).max(0) as usize;
            }
            return;
        }
        match a {
            LinkScroll => {
                cv.linked = !cv.linked;
                let m = if cv.linked {
                    Msg::ScrollTogether
                } else {
                    Msg::ScrollOne
                };
                self.say(m, &[]);
            }
            SwitchSide => cv.active = 1 - cv.active,
            Swap => {
                let (label, sides) = (cv.label, [cv.sides[1], cv.sides[0]]);
                self.view = View::Compare(self.compare_of(label, sides));
            }
            SameNext | SamePrev | LeftNext | LeftPrev => {
                // Step one side through the other agencies (list order): ] [ the right
                // side, } { the left side; together they pick any pair.
                let n = self.list.order.len();
                let side = usize::from(matches!(a, SameNext | SamePrev));
                let forward = matches!(a, SameNext | LeftNext);
                let (label, mut sides) = (cv.label, cv.sides);
                let other = sides[1 - side];
                let mut at = self
                    .list
                    .order
                    .iter()
                    .position(|&r| r == sides[side])
                    .unwrap_or(0);
                for _ in 0..n {
                    at = if forward {
                        (at + 1) % n
                    } else {
                        (at + n - 1) % n
                    };
                    if self.list.order[at] != other {
                        break;
                    }
                }
                sides[side] = self.list.order[at];
                self.view = View::Compare(self.compare_of(label, sides));
            }
            _ => {}
        }
    }

    /// What every full-screen view does alike: close, help, quit, suspend. `true` when
    /// `a` was one of them.
    fn view_action(&mut self, a: Action) -> bool {
        match a {
            Action::Close => self.view = View::Reader,
            Action::Help => self.open_help(),
            Action::Quit => self.effects.push(Effect::Quit),
            Action::Suspend => self.effects.push(Effect::Suspend),
            _ => return false,
        }
        true
    }

    fn across_action(&mut self, a: Action) {
        use Action::*;
        if self.view_action(a) {
            return;
        }
        let page = (self.geometry.viewer_rows as usize).max(2);
        let View::Across(v) = &mut self.view else {
            return;
        };
        if let Some(sel) = row_motion(a, v.sel, v.rows.len(), page) {
            v.sel = sel;
            return;
        }
        if a == Open
            && let Some(&(report, sec)) = v.rows.get(v.sel)
        {
            let label = v.label;
            self.open_from_view(report, Some(sec), label);
        }
    }

    fn coverage_action(&mut self, a: Action) {
        use Action::*;
        if self.view_action(a) {
            return;
        }
        let page = (self.geometry.viewer_rows as usize).max(2);
        let View::Coverage(cv) = &mut self.view else {
            return;
        };
        if let Some(row) = row_motion(a, cv.row, cv.reports.len(), page) {
            cv.row = row;
            return;
        }
        let last_col = cv.columns.len().saturating_sub(1);
        match a {
            PaneRight => cv.col = (cv.col + 1).min(last_col),
            PaneLeft => cv.col = cv.col.saturating_sub(1),
            Open => {
                let (Some(&report), Some(&label)) =
                    (cv.reports.get(cv.row), cv.columns.get(cv.col))
                else {
                    return;
                };
                let sec = crate::compare::section_with(&self.corpus.reports[report], label);
                self.open_from_view(report, sec, label);
            }
            _ => {}
        }
    }
}

/// Where a motion takes the selection of a list of `n` rows shown `page` at a time;
/// `None` for an action that is no motion.
fn row_motion(a: Action, sel: usize, n: usize, page: usize) -> Option<usize> {
    let last = n.saturating_sub(1);
    Some(match a {
        Action::Down => (sel + 1).min(last),
        Action::Up => sel.saturating_sub(1),
        Action::PageDown => (sel + page - 1).min(last),
        Action::PageUp => sel.saturating_sub(page - 1),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    })
}

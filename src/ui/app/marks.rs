//! Marks, the state remembered between runs, copying with a citation.

use super::*;

impl App {
    pub(super) fn place(&mut self) -> Option<crate::state::Place> {
        let p = self.pos()?;
        Some(crate::state::Place {
            report: self.corpus.reports[p.report].path.clone(),
            para: p.para,
            offset: p.offset,
        })
    }

    pub(super) fn pos_of(&self, pl: &crate::state::Place) -> Option<Pos> {
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

    pub(super) fn set_mark(&mut self, c: char) {
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

    pub(super) fn goto_mark(&mut self, c: char) {
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
        self.jumps = Jumps::restore(cs.jumps.iter().filter_map(|p| self.pos_of(p)).collect());
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
            .places()
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
    pub(super) fn section_to_copy(&mut self) -> Option<SectionId> {
        self.cur_layout();
        let selected = self.tree_rows().get(self.tree.sel).map(|&(id, _)| id);
        if self.focus == Pane::Tree {
            return selected.or_else(|| self.section_at_scroll());
        }
        self.section_at_scroll().or(selected)
    }

    pub fn citation(&mut self) -> Option<String> {
        let id = self.section_to_copy()?;
        self.citation_of(id)
    }

    pub(super) fn citation_of(&self, id: SectionId) -> Option<String> {
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
    pub(super) fn copy(&mut self, with_text: bool) {
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
}

//! The same section elsewhere: `]` / `[`, compare, one part in every report, coverage.

use super::*;

impl App {
    /// The label of the section being read.
    pub(super) fn current_label(&mut self) -> Option<crate::corpus::Label> {
        self.cur_layout();
        let id = self.section_at_scroll()?;
        crate::compare::label_of(self.report()?, id)
    }

    /// `]` / `[`: the section with the same label in the next / previous report that has
    /// one (saying how many were passed over), else the next report's most similar
    /// section by text, else stay and say so.
    pub(super) fn same_section(&mut self, forward: bool) {
        self.cur_layout();
        let (Some(cur), Some(sec)) = (self.current, self.section_at_scroll()) else {
            return;
        };
        let Some(label) = self.current_label() else {
            self.say(Msg::NoLabelFollow, &[]);
            return;
        };
        let n = self.list.order.len();
        if n < 2 {
            self.say(Msg::OnlyOneReport, &[]);
            return;
        }
        let at = self.list.order.iter().position(|&r| r == cur).unwrap_or(0);
        // The k-th report in that direction (0 < k < n).
        let step = |k: usize| self.list.order[(if forward { at + k } else { at + n - k }) % n];
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

    pub(super) fn compare_of(&self, label: crate::corpus::Label, sides: [usize; 2]) -> CompareView {
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
            width: [0, 0],
            rows: [Vec::new(), Vec::new()],
        }
    }

    /// The same agency's report of the nearest later (or earlier) year: the same
    /// `agency_key`, or the same name where either has no key. Reports only.
    pub(super) fn year_of_agency(&self, cur: usize, forward: bool) -> Option<usize> {
        let m = &self.corpus.reports[cur].meta;
        let year = m.year?;
        let same = |o: &crate::corpus::ReportMeta| match (&m.agency_key, &o.agency_key) {
            (Some(a), Some(b)) => a == b,
            _ => m.agency.is_some() && m.agency == o.agency,
        };
        self.corpus
            .reports
            .iter()
            .enumerate()
            .filter(|&(i, r)| {
                i != cur
                    && r.meta.kind == "report"
                    && same(&r.meta)
                    && r.meta
                        .year
                        .is_some_and(|y| if forward { y > year } else { y < year })
            })
            .min_by_key(|(i, r)| (r.meta.year.map_or(u16::MAX, |y| y.abs_diff(year)), *i))
            .map(|(i, _)| i)
    }

    /// `(` / `)`: the same section in this agency's previous / next year's report, or
    /// that report's top when it has no such section.
    pub(super) fn other_year(&mut self, forward: bool) {
        self.cur_layout();
        let Some(cur) = self.current else { return };
        let m = &self.corpus.reports[cur].meta;
        let who = m.agency.clone().unwrap_or_else(|| m.title.clone());
        if m.year.is_none() {
            self.say(Msg::NoYear, &[]);
            return;
        }
        let Some(other) = self.year_of_agency(cur, forward) else {
            let which = self.tr(if forward {
                Msg::LaterYear
            } else {
                Msg::EarlierLater
            });
            self.say(Msg::NoOtherYear, &[&who, &which]);
            return;
        };
        let corpus = Arc::clone(&self.corpus);
        let o = &corpus.reports[other];
        let year = o.meta.year.unwrap_or_default();
        let label = self.current_label();
        self.record_jump();
        match label.and_then(|l| crate::compare::section_with(o, l).map(|id| (l, id))) {
            Some((l, id)) => {
                self.show_section(other, id);
                let name = i18n::label(l, self.lang);
                self.say(Msg::YearAt, &[&who, &year, &o.section(id).title, &name]);
            }
            None => {
                self.goto(Pos {
                    report: other,
                    para: 0,
                    offset: 0,
                });
                let name = label.map_or_else(String::new, |l| i18n::label(l, self.lang));
                self.say(Msg::YearNoPart, &[&who, &year, &name]);
            }
        }
    }

    /// `p`: this report against the same agency's previous year, at the current
    /// section's label (last year on the left).
    pub(super) fn compare_previous_year(&mut self) {
        self.cur_layout();
        let Some(cur) = self.current else { return };
        let Some(label) = self.current_label() else {
            self.say(Msg::NoLabelCompare, &[]);
            return;
        };
        let Some(prev) = self.year_of_agency(cur, false) else {
            let m = &self.corpus.reports[cur].meta;
            let who = m.agency.clone().unwrap_or_else(|| m.title.clone());
            let which = self.tr(Msg::EarlierLater);
            self.say(Msg::NoOtherYear, &[&who, &which]);
            return;
        };
        self.view = View::Compare(self.compare_of(label, [prev, cur]));
    }

    /// `c`: this report and the next one, side by side at the current section's label.
    pub(super) fn open_compare(&mut self) {
        let Some(cur) = self.current else { return };
        let Some(label) = self.current_label() else {
            self.say(Msg::NoLabelCompare, &[]);
            return;
        };
        let n = self.list.order.len();
        let at = self.list.order.iter().position(|&r| r == cur).unwrap_or(0);
        let other = self.list.order[(at + 1) % n.max(1)];
        self.view = View::Compare(self.compare_of(label, [cur, other]));
    }

    /// Open compare on two given reports (tests, the CLI's choice of sides).
    pub fn compare_reports(&mut self, label: crate::corpus::Label, left: usize, right: usize) {
        self.view = View::Compare(self.compare_of(label, [left, right]));
    }

    /// `a`: the current section's label in every report.
    pub(super) fn open_across(&mut self) {
        let Some(cur) = self.current else { return };
        let Some(label) = self.current_label() else {
            self.say(Msg::NoLabel, &[]);
            return;
        };
        let rows: Vec<(usize, SectionId)> = self
            .list
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
            total: self.list.order.len(),
            from: cur,
            sel,
            top: 0,
        });
    }

    /// Enter in the across or coverage view: back to the reader at that section (a
    /// jump), or say the report has none.
    pub(super) fn open_from_view(
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
}

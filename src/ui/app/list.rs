//! The report list: its order (sort, filter by text, level, place and pinyin).

use super::*;

impl App {
    pub(super) fn resort(&mut self) {
        let keep = self.current;
        let f = self.list.filter.to_lowercase();
        let reports = &self.corpus.reports;
        // What the filter is matched against, made once: title, agency, file name, level
        // (district, 区级) and places (山东省, 淄博市), lower-cased, one per report.
        let fields = (!f.is_empty()).then(|| {
            self.list.filter_text.get_or_init(|| {
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
            self.list.agency_pinyin.get_or_init(|| {
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
        match self.list.sort {
            Sort::File => {}
            // By pinyin, as Chinese lists are ordered (code points put 于 before 高).
            // One agency's reports together, newest first, whatever the spelling of its
            // name in each year (科技局 / 科学技术局): grouped by `agency_key`, a group
            // placed by the first of its names in pinyin.
            Sort::Agency => {
                let py = agency_pinyin();
                let mut first: std::collections::HashMap<&str, usize> = Default::default();
                for &i in &order {
                    if let Some(k) = reports[i].meta.agency_key.as_deref() {
                        let e = first.entry(k).or_insert(i);
                        if py[i] < py[*e] {
                            *e = i;
                        }
                    }
                }
                let lead = |r: usize| {
                    reports[r]
                        .meta
                        .agency_key
                        .as_deref()
                        .and_then(|k| first.get(k).copied())
                        .unwrap_or(r)
                };
                order.sort_by(|&a, &b| {
                    let (la, lb) = (lead(a), lead(b));
                    let name = |r: usize| reports[r].meta.agency.as_ref();
                    (name(la).is_none(), &py[la], name(la), la)
                        .cmp(&(name(lb).is_none(), &py[lb], name(lb), lb))
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
        self.list.order = order;
        self.list.sel = keep
            .and_then(|k| self.list.order.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.open_selected();
    }
}

//! The background indexes, the palette and the full-text search overlay.

use super::*;

impl App {
    /// Apply the settings: keys, widths, language. (Theme is the renderer's.)
    pub fn configure(&mut self, cfg: &Settings) {
        self.keymap = cfg.keymap.clone();
        self.ambiguous_wide = cfg.ambiguous_wide;
        self.reading_width = cfg.reading_width.filter(|&w| w >= 10);
        self.lang = cfg.lang;
        self.viewer.layout = None;
        self.viewer.doc = None;
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
        if self.overlay().is_some_and(|o| o.pending) {
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

    pub(super) fn open_overlay(&mut self, kind: OverlayKind) {
        self.start_indexing();
        let origin = self.pos();
        self.mode = Mode::Palette(Overlay {
            kind,
            input: crate::ui::line::Line::default(),
            palette_hits: Vec::new(),
            text_hits: Vec::new(),
            snippets: Vec::new(),
            text_total: 0,
            sel: 0,
            top: 0,
            origin,
            hist_at: None,
            pending: false,
            readings: Vec::new(),
            query: TextQuery::default(),
        });
        if kind == OverlayKind::Palette {
            // The empty query's list (recent sections, this report's parts) at once.
            self.run_overlay_query();
        }
    }

    pub(super) fn run_overlay_query(&mut self) {
        let Mode::Palette(o) = &mut self.mode else {
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
                        // Nothing typed yet: the sections read last, then the parts of
                        // the report open (as fzf lists everything before a query).
                        let at = |(r, s): (usize, SectionId)| PaletteHit {
                            at: crate::search::palette::SectionRef {
                                report: r as u32,
                                section: s,
                            },
                            score: 0,
                            matched: Vec::new(),
                        };
                        let mut seen: Vec<(usize, SectionId)> = Vec::new();
                        let parts = self.current.into_iter().flat_map(|c| {
                            self.corpus.reports[c].roots.iter().map(move |&s| (c, s))
                        });
                        for x in self.jumps.recent().chain(parts) {
                            if !seen.contains(&x) && seen.len() < OVERLAY_LIMIT {
                                seen.push(x);
                            }
                        }
                        seen.into_iter().map(at).collect()
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
                    o.text_hits = crate::search::fulltext::group_by_report(hits);
                    let marks = q.highlights();
                    o.snippets = o
                        .text_hits
                        .iter()
                        .map(|h| {
                            let s =
                                self.corpus.reports[h.doc.report as usize].section(h.doc.section);
                            crate::search::fulltext::snippet(&s.text, &marks, SNIPPET_CHARS)
                        })
                        .collect();
                    o.query = q;
                    o.text_total = total;
                }
                None => o.pending = true,
            },
        }
        // Nothing typed: the list shows, the text behind stays where it was.
        if self
            .overlay()
            .is_some_and(|o| !o.input.as_str().trim().is_empty())
        {
            self.preview_overlay();
        }
    }

    /// The selected result's place.
    pub(super) fn overlay_target(&self) -> Option<(usize, SectionId)> {
        self.overlay()?.target()
    }

    /// Show the selected result behind the overlay (Esc undoes it).
    pub(super) fn preview_overlay(&mut self) {
        if let Some((report, section)) = self.overlay_target() {
            self.show_section(report, section);
        }
    }

    /// Open `report` with `section` at the top of the viewer.
    pub(super) fn show_section(&mut self, report: usize, section: SectionId) {
        if self.current != Some(report) {
            self.current = Some(report);
            self.viewer.search = None;
            if let Some(i) = self.list.order.iter().position(|&r| r == report) {
                self.list.sel = i;
            }
        }
        let row = self
            .cur_layout()
            .map_or(0, |l| l.section_row[section.index()]);
        self.viewer.scroll = row.min(self.max_scroll_allowing(row));
        self.sync_tree_to_viewer();
    }

    /// Enter in the palette: go to the selected result (a jump; Ctrl-o comes back).
    pub(super) fn open_overlay_result(&mut self) {
        let Mode::Palette(o) = std::mem::take(&mut self.mode) else {
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
                let section_top = self.viewer.scroll;
                self.run_search(&word, false);
                self.viewer.scroll = section_top;
                self.next_hit(true);
            }
        }
    }

    /// "agency › part › section" for the status bar.
    pub fn breadcrumb(&self) -> String {
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
    pub fn percent(&self) -> u16 {
        let rows = self.geometry.viewer_rows.max(1) as usize;
        let max = self
            .cached_layout()
            .map_or(0, |l| l.rows.len().saturating_sub(rows));
        (self.viewer.scroll.min(max) * 100)
            .checked_div(max)
            .map_or(100, |p| p as u16)
    }

    /// Is the paragraph kind at this row a heading (for styling)?
    pub fn para_kind(&self, para: u32) -> Kind {
        self.viewer
            .doc
            .as_ref()
            .map_or(Kind::Body, |(_, d)| d.paras[para as usize].kind)
    }
}

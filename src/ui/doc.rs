//! A report as the viewer shows it: paragraphs (title, metadata, headings, body) built
//! once per report, and rows laid out per width with Chinese line breaking
//! ([`crate::wrap`]); the row layout is cached by the caller per (report, width).

use crate::corpus::{Report, SectionId};
use std::ops::Range;

/// What a paragraph is (decides its style).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Title,
    Meta,
    Heading(u8),
    Body,
    Closing,
    Blank,
}

#[derive(Debug, Clone)]
pub struct Para {
    pub text: String,
    pub kind: Kind,
    /// The section this paragraph belongs to (`None` before the first heading).
    pub section: Option<SectionId>,
}

/// One screen row: a byte range of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub para: u32,
    pub start: u32,
    pub end: u32,
}

/// A search hit: byte range in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub para: u32,
    pub start: u32,
    pub end: u32,
}

/// A report's paragraphs.
#[derive(Debug, Clone)]
pub struct Doc {
    pub paras: Vec<Para>,
}

fn push(paras: &mut Vec<Para>, text: String, kind: Kind, section: Option<SectionId>) {
    paras.push(Para {
        text,
        kind,
        section,
    });
}

fn blank(paras: &mut Vec<Para>, section: Option<SectionId>) {
    push(paras, String::new(), Kind::Blank, section);
}

impl Doc {
    pub fn build(r: &Report, lang: super::i18n::Lang) -> Doc {
        use super::i18n::Msg;
        let mut p = Vec::new();
        let m = &r.meta;
        // A value the document does not state is marked as such; a title made from the file
        // name is never shown as the document's own.
        let title = match (m.title_derived, m.provenance.title) {
            (true, Some("file_name")) => Msg::UntitledFileName.fill(lang, &[&m.title]),
            (true, _) => Msg::TitleMade.fill(lang, &[&m.title]),
            _ => m.title.clone(),
        };
        push(&mut p, title, Kind::Title, None);
        let inferred = |src: Option<&str>| {
            if src == Some("inferred") {
                Msg::Inferred.text(lang)
            } else {
                ""
            }
        };
        let mut meta: Vec<String> = Vec::new();
        meta.extend(m.agency.clone());
        meta.extend(m.level.map(|l| {
            format!(
                "{}{}",
                super::i18n::level(l, lang),
                inferred(m.provenance.level)
            )
        }));
        meta.extend(m.year.map(|y| {
            format!(
                "{}{}",
                Msg::YearOf.fill(lang, &[&y]),
                inferred(m.provenance.year)
            )
        }));
        meta.extend(m.date.clone());
        meta.extend(m.doc_number.clone());
        meta.push(crate::safe::Safe::line(&r.path).into_string());
        // A file that was not text says what it was (as the list does).
        if !matches!(r.format, "txt" | "md") {
            meta.push(r.format.to_ascii_uppercase());
        }
        push(&mut p, meta.join(" · "), Kind::Meta, None);
        if let Some(pre) = &r.preamble {
            for para in pre.split('\n').filter(|s| !s.is_empty()) {
                blank(&mut p, None);
                push(&mut p, para.to_string(), Kind::Body, None);
            }
        }
        for (i, s) in r.sections.iter().enumerate() {
            let id = Some(SectionId(i as u32));
            blank(&mut p, id);
            let head = match &s.marker {
                Some(mk) => format!("{mk}{}", s.title),
                None => s.title.clone(),
            };
            push(&mut p, head, Kind::Heading(s.level), id);
            let mut first = true;
            for para in s.text.split('\n').filter(|t| !t.is_empty()) {
                if !first {
                    blank(&mut p, id);
                }
                first = false;
                push(&mut p, para.to_string(), Kind::Body, id);
            }
        }
        if let Some(c) = &r.closing {
            let last = r.sections.len().checked_sub(1).map(|i| SectionId(i as u32));
            for para in c.split('\n').filter(|s| !s.is_empty()) {
                blank(&mut p, last);
                push(&mut p, para.to_string(), Kind::Closing, last);
            }
        }
        Doc { paras: p }
    }

    /// Rows for a width, and the first row of every section's heading.
    pub fn layout(&self, width: u16, sections: usize, ambiguous_wide: bool) -> Layout {
        let width = width.max(1) as usize;
        let mut rows = Vec::new();
        let mut section_row = vec![0usize; sections];
        for (i, para) in self.paras.iter().enumerate() {
            if let (Kind::Heading(_), Some(id)) = (para.kind, para.section)
                && let Some(slot) = section_row.get_mut(id.index())
            {
                *slot = rows.len();
            }
            for r in crate::wrap::wrap(&para.text, width, ambiguous_wide) {
                rows.push(Row {
                    para: i as u32,
                    start: r.start as u32,
                    end: r.end as u32,
                });
            }
        }
        Layout {
            width: width as u16,
            rows,
            section_row,
        }
    }

    /// Every occurrence of `query` (case-insensitive for ASCII), in document order.
    pub fn find(&self, query: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        if query.is_empty() {
            return out;
        }
        // ASCII-only case folding keeps byte offsets valid in any text.
        let q = query.to_ascii_lowercase();
        // Letters only: also the Chinese characters whose pinyin they spell ("pufa" or
        // "pf" → 普法), as the palette reads them; over SSH there may be no input method.
        let pinyin = q.len() >= 2 && q.bytes().all(|b| b.is_ascii_lowercase());
        for (i, p) in self.paras.iter().enumerate() {
            if p.kind == Kind::Blank {
                continue;
            }
            let hay = p.text.to_ascii_lowercase();
            let mut from = 0;
            while let Some(pos) = hay[from..].find(&q) {
                let start = from + pos;
                out.push(Hit {
                    para: i as u32,
                    start: start as u32,
                    end: (start + q.len()) as u32,
                });
                from = start + q.len().max(1);
            }
            if pinyin {
                let literal = out.len();
                for r in crate::search::pinyin::find_in_text(&p.text, &q) {
                    out.push(Hit {
                        para: i as u32,
                        start: r.start as u32,
                        end: r.end as u32,
                    });
                }
                // Literal and pinyin hits of one paragraph, in text order (they never
                // overlap: one is Latin, the other Chinese).
                let first = out
                    .iter()
                    .rposition(|h| h.para != i as u32)
                    .map_or(0, |k| k + 1);
                if out.len() > literal && first < literal {
                    out[first..].sort_by_key(|h| h.start);
                }
            }
        }
        out
    }

    pub fn row_text(&self, row: &Row) -> &str {
        &self.paras[row.para as usize].text[row.start as usize..row.end as usize]
    }
}

/// Rows of a [`Doc`] at one width.
#[derive(Debug, Clone)]
pub struct Layout {
    pub width: u16,
    pub rows: Vec<Row>,
    /// First row of each section's heading, by section index.
    pub section_row: Vec<usize>,
}

impl Layout {
    /// The row holding byte `offset` of paragraph `para`.
    pub fn row_of(&self, para: u32, offset: u32) -> usize {
        self.rows
            .partition_point(|r| (r.para, r.start) <= (para, offset))
            .saturating_sub(1)
    }

    /// Parts of `hits` that fall on `row`, as byte ranges within the row's text.
    pub fn hits_on(&self, row: usize, hits: &[Hit]) -> Vec<Range<usize>> {
        let r = self.rows[row];
        hits.iter()
            .filter(|h| h.para == r.para && h.start < r.end && h.end > r.start)
            .map(|h| {
                (h.start.max(r.start) - r.start) as usize..(h.end.min(r.end) - r.start) as usize
            })
            .collect()
    }
}

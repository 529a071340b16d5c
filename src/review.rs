//! The review table: what a legal-affairs office or an assessing institute checks in each
//! report before reading it closely. Which statutory parts it has (and whether each is a
//! part of its own or only a section deeper down), how long each is, whether it was
//! published by 31 March of the following year (the regulation's deadline), how many
//! figures it gives per 1,000 characters, and which topics it labels.

use crate::compare::{MANDATORY, cell};
use crate::corpus::{Corpus, Label, Report};
use serde::Serialize;

/// The statutory parts, in the regulation's order.
pub const PARTS: [Label; 5] = [
    MANDATORY[1],
    MANDATORY[0],
    MANDATORY[2],
    MANDATORY[3],
    Label::OtherMatters,
];

/// One statutory part of one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    /// The taxonomy key.
    pub label: &'static str,
    pub present: bool,
    /// A part of its own (top level); `false` when only a deeper section has the label.
    pub top_level: bool,
    /// Characters in the part and its subsections (0 when absent).
    pub chars: usize,
}

/// One report's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub path: String,
    pub agency: Option<String>,
    pub year: Option<u16>,
    pub kind: &'static str,
    pub date: Option<String>,
    /// Dated by 31 March of the year after the one reported on; `None` when the date or
    /// the year is unknown.
    pub on_time: Option<bool>,
    pub parts: Vec<Part>,
    /// Keys of the mandatory parts the report lacks.
    pub missing: Vec<&'static str>,
    /// Characters of text (preamble and sections, without spaces).
    pub chars: usize,
    /// Numbers that count something (see [`figures`]).
    pub figures: usize,
    /// Figures per 1,000 characters, one decimal.
    pub figures_per_1000: f64,
    /// Every label the report's sections carry, in the taxonomy's order.
    pub labels: Vec<&'static str>,
}

/// Numbers that count something: runs of digits (ASCII or full-width) that are not part
/// of a date or a document number (not followed by 年, 月, 日 or 号, not inside 〔〕).
pub fn figures(text: &str) -> usize {
    let mut n = 0;
    let mut bracket = 0u32;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '〔' | '[' => bracket += 1,
            '〕' | ']' => bracket = bracket.saturating_sub(1),
            _ => {}
        }
        let digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
        if digit {
            // Look past the run (and a decimal part) to what follows it.
            let mut next = chars.peek().copied();
            while let Some(d) = next
                && (d.is_ascii_digit() || ('０'..='９').contains(&d) || d == '.')
            {
                chars.next();
                next = chars.peek().copied();
            }
            let dated = matches!(
                next,
                Some('年' | '月' | '日' | '号' | '時' | '时' | '-' | '/')
            );
            if !dated && bracket == 0 {
                n += 1;
            }
        }
    }
    n
}

fn text_of(r: &Report) -> String {
    let mut t = r.preamble.clone().unwrap_or_default();
    for s in &r.sections {
        t.push('\n');
        t.push_str(&s.title);
        t.push('\n');
        t.push_str(&s.text);
    }
    t
}

/// The row of one report.
pub fn row(r: &Report) -> Row {
    let m = &r.meta;
    let parts: Vec<Part> = PARTS
        .iter()
        .map(|&l| match cell(r, l) {
            Some(c) => Part {
                label: l.key(),
                present: true,
                top_level: c.top,
                chars: c.chars,
            },
            None => Part {
                label: l.key(),
                present: false,
                top_level: false,
                chars: 0,
            },
        })
        .collect();
    let missing = MANDATORY
        .iter()
        .filter(|l| cell(r, **l).is_none())
        .map(|l| l.key())
        .collect();
    let on_time = match (&m.date, m.year) {
        (Some(d), Some(y)) => Some(d.as_str() <= format!("{}-03-31", y + 1).as_str()),
        _ => None,
    };
    let text = text_of(r);
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    let figures = figures(&text);
    let per = if chars == 0 {
        0.0
    } else {
        (figures as f64 * 1000.0 / chars as f64 * 10.0).round() / 10.0
    };
    let labels = Label::all()
        .filter(|l| r.sections.iter().any(|s| s.labels.contains(l)))
        .map(|l| l.key())
        .collect();
    Row {
        path: r.path.clone(),
        agency: m.agency.clone(),
        year: m.year,
        kind: m.kind,
        date: m.date.clone(),
        on_time,
        parts,
        missing,
        chars,
        figures,
        figures_per_1000: per,
        labels,
    }
}

/// The rows of every report of the corpus (other kinds of document are left out, as in
/// coverage), in corpus order; the rows are made on every core.
pub fn table(c: &Corpus) -> Vec<Row> {
    use rayon::prelude::*;
    c.reports
        .par_iter()
        .filter(|r| r.meta.kind == "report")
        .map(row)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_count_quantities_not_dates_or_numbers_of_documents() {
        assert_eq!(
            figures("受理行政复议案件12件，组织学法4次，执法人员35名。"),
            3
        );
        assert_eq!(
            figures("2023年3月15日召开会议，印发《通知》（某政〔2023〕8号）。"),
            0
        );
        assert_eq!(figures("覆盖率达98.5%，共１２场。"), 2);
        assert_eq!(figures("没有数字。"), 0);
    }
}

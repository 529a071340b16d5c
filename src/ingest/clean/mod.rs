//! Line cleaning: whitespace normalisation, markdown decoration, page chrome, page
//! numbers and conversion artifacts. Useful values in chrome (dates, source) are kept.

use crate::ingest::text::{char_len, is_cjk, is_cjk_punct, is_space};

/// Markdown decoration found on a line (the numbering is trusted over it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Md {
    None,
    Hash(u8),
    Bold,
    /// A table row (tab-separated cells, or a markdown `| a | b |` row): never a heading,
    /// never joined; cells are separated by two spaces.
    Table,
    /// A markdown list item: body text, never an unnumbered heading.
    Item,
}

/// A non-blank, non-noise source line after normalisation.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based line number in the decoded source.
    pub no: usize,
    pub text: String,
    /// A blank (or noise-only) line stands between this line and the previous content line.
    pub blank_before: bool,
    pub md: Md,
}

/// A prebuilt SIMD finder for one short needle (building one per search costs more than
/// the search).
macro_rules! finder {
    ($needle:expr) => {{
        static F: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
        F.get_or_init(|| memchr::memmem::Finder::new($needle))
    }};
}

/// A multi-pattern automaton (a DFA: these lists are small) over a constant list of
/// words, built on first use.
macro_rules! dfa {
    ($words:expr) => {
        dfa!($words, aho_corasick::MatchKind::Standard)
    };
    ($words:expr, $kind:expr) => {{
        static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
        AC.get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind($kind)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build($words)
                .expect("constant word lists are valid patterns")
        })
    }};
}

/// Whether `s` holds `needle` (a literal), by a prebuilt SIMD finder.
macro_rules! holds {
    ($s:expr, $needle:literal) => {
        finder!($needle).find($s.as_bytes()).is_some()
    };
}

mod catalogue;
mod chrome;
mod lines;
mod marks;
use catalogue::*;
pub(crate) use chrome::is_wire_lead;
use chrome::*;
use lines::*;
pub use marks::strip_site_marks;

/// The result of cleaning one document.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub lines: Vec<Line>,
    pub noise: Vec<String>,
    /// Publication date found in page chrome (ISO).
    pub chrome_date: Option<String>,
    /// 来源：… from page chrome.
    pub source: Option<String>,
    /// The last source line of page chrome before the first paragraph of prose: what
    /// stands above it is page furniture too (a site name, a slogan).
    pub top_chrome_line: usize,
    /// Fence lines of markdown code blocks (a developer's document has them).
    pub code_fences: usize,
    /// The document's title as the catalogue gives it (标题 | …), for a page that shows
    /// no title line of its own.
    pub chrome_title: Option<String>,
    /// The document number a catalogue row gives (发文字号 | 某政发〔2023〕11号).
    pub chrome_doc_number: Option<String>,
    /// The date the catalogue says the document was made (成文日期, 发文日期, 生成日期):
    /// the page's date over a publication stamp.
    doc_date: Option<String>,
}

impl Cleaned {
    /// A line of page chrome: kept as noise; the first date and publisher found in chrome
    /// become metadata; chrome before the first paragraph marks the top of the page.
    fn chrome(
        &mut self,
        no: usize,
        raw: &str,
        at_top: bool,
        flat: &str,
        publisher: fn(&str) -> Option<String>,
    ) {
        if self.chrome_date.is_none() {
            // Dates typed with spaces inside ("2022- 02- 28") read without them.
            self.chrome_date = crate::ingest::meta::find_date(flat).or_else(|| {
                has_space(flat)
                    .then(|| {
                        flat.chars()
                            .filter(|c| !c.is_whitespace())
                            .collect::<String>()
                    })
                    .and_then(|f| crate::ingest::meta::find_date(&f))
            });
        }
        if self.source.is_none() {
            self.source = publisher(flat);
        }
        if at_top {
            self.top_chrome_line = no;
        }
        self.noise.push(raw.to_string());
    }

    /// Keep what a catalogue value says about the document (the first of each kind).
    fn catalogue_value(&mut self, slot: Slot, value: &str) {
        let cell = value.split(['|', '｜']).next().unwrap_or("").trim();
        match slot {
            Slot::DocDate if self.doc_date.is_none() => {
                self.doc_date = crate::ingest::meta::find_date(value);
            }
            Slot::PubDate if self.chrome_date.is_none() => {
                self.chrome_date = crate::ingest::meta::find_date(value);
            }
            Slot::Title if self.chrome_title.is_none() && (6..=120).contains(&char_len(cell)) => {
                self.chrome_title = Some(cell.to_string());
            }
            Slot::DocNumber if self.chrome_doc_number.is_none() => {
                self.chrome_doc_number = crate::ingest::meta::find_doc_number(value);
            }
            Slot::Publisher if self.source.is_none() => {
                let name: String = cell
                    .chars()
                    .take_while(|&c| is_cjk(c) || matches!(c, '（' | '）' | '(' | ')'))
                    .collect();
                if char_len(&name) >= 3 {
                    self.source = Some(name);
                }
            }
            _ => {}
        }
    }
}

pub fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut blank_before = false;
    let mut in_code = false;
    // Chrome counts as "at the top" until the first paragraph of prose.
    let mut seen_prose = false;
    let mut maybe_rows: Vec<(usize, String)> = Vec::new();
    // The last content line was a catalogue row; the label a lone label line left open.
    let (mut in_catalogue, mut pending_label) = (false, None);
    // A document without line breaks (a document-sharing copy, an extraction with one
    // line per page): its long lines are cut where a heading starts inside them.
    let runs = text.len() > 1200
        && (memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1) * 400 < text.len();
    // A sharing site numbers its pages at their starts ("1、" "2、" …, often mid-word).
    let mut next_page = 1;
    // Lines that open with "??" (full-width indentation a conversion could not encode),
    // when several do: the marks are dropped.
    let starts = memchr::memmem::find_iter(text.as_bytes(), "\n??")
        .take(3)
        .count();
    let lost_indent = starts + usize::from(text.starts_with("??")) >= 3;
    for (i, whole) in crate::ingest::text::split_lines(text).enumerate() {
        let no = i + 1;
        let whole = match runs
            .then(|| page_counter_prefix(whole, next_page))
            .flatten()
        {
            Some((counter, rest)) => {
                out.noise.push(counter.to_string());
                next_page += 1;
                rest
            }
            None => whole,
        };
        let split;
        let pieces: &[&str] = if runs && whole.len() > 400 {
            split = split_run(whole);
            &split
        } else {
            std::slice::from_ref(&whole)
        };
        for &raw in pieces {
            let mut trimmed = raw.trim_matches(is_space);
            // Indentation lost to a conversion that wrote "?" for each full-width space.
            if lost_indent && let Some(rest) = trimmed.strip_prefix("??") {
                trimmed = rest.trim_start_matches('?').trim_start_matches(is_space);
            }
            // An empty piece of a split line is no blank line.
            if trimmed.is_empty() && pieces.len() > 1 {
                continue;
            }
            if trimmed.is_empty() {
                blank_before = true;
                continue;
            }
            // Word list bullets before a heading or paragraph ("●\t一、…"): decoration.
            let bullet = strip_bullet(trimmed);
            let trimmed = match bullet {
                Some((bullet, rest)) => {
                    out.noise.push(bullet.to_string());
                    rest
                }
                None => trimmed,
            };
            let (trimmed, list_item) = match strip_list_item(trimmed) {
                Some((mark, rest)) => {
                    out.noise.push(mark.to_string());
                    (rest, true)
                }
                None => (trimmed, false),
            };
            // The government-information catalogue (索引号 | 发布机构 | 成文日期 …), as table
            // rows or label–value pairs: chrome, but its date and publisher are metadata.
            // (Below the body's first paragraph only as table rows: label–value pairs
            // there are the report's own words.)
            // A label may stand alone with its value on the next line ("公开日期" /
            // "2018年04月28日"), and in a run of rows a label may lead a row without a
            // separator ("标  题 某某关于…的报告").
            let cells = memchr::memchr2(b'|', b'\t', trimmed.as_bytes()).is_some();
            if let Some(slot) = pending_label.take()
                && !seen_prose
            {
                // The value may be followed by further pairs on its line ("双牌县教育局
                // 发文日期：2025-02-25 - 名称：").
                let flat = normalize_spaces(trimmed);
                let (lead, pairs) = catalogue_pairs(&flat);
                let value = flat[..lead.unwrap_or(flat.len())]
                    .trim_end_matches(|c: char| is_space(c) || matches!(c, '-' | '|' | '｜'));
                if !value.is_empty() && fits_slot(slot, value) {
                    out.catalogue_value(slot, value);
                    if lead.is_some() {
                        for &(slot, value) in &pairs {
                            out.catalogue_value(slot, value);
                        }
                        pending_label = dangling(&pairs);
                    }
                    out.chrome(no, trimmed, true, &flat, |_| None);
                    in_catalogue = true;
                    blank_before = true;
                    continue;
                }
            }
            let candidate = !seen_prose || cells;
            let known = candidate && is_catalogue(trimmed);
            let flat_row = (known || (candidate && in_catalogue && !seen_prose))
                .then(|| normalize_spaces(trimmed));
            let row = flat_row.as_deref().map(catalogue_pairs);
            if let Some((lead, pairs)) = row
                && (known || lead == Some(0))
            {
                let flat = flat_row.as_deref().unwrap_or_default();
                for &(slot, value) in &pairs {
                    out.catalogue_value(slot, value);
                }
                pending_label = dangling(&pairs);
                if out.chrome_doc_number.is_none() {
                    out.chrome_doc_number = crate::ingest::meta::find_doc_number(trimmed);
                }
                out.chrome(no, trimmed, !seen_prose, flat, |_| None);
                in_catalogue = true;
                blank_before = true;
                continue;
            }
            if !seen_prose
                && trimmed.len() <= 32
                && let Some(slot) = lone_label(&normalize_spaces(trimmed))
            {
                pending_label = Some(slot);
                out.chrome(no, trimmed, true, trimmed, |_| None);
                in_catalogue = true;
                blank_before = true;
                continue;
            }
            in_catalogue = false;
            // A fenced code block (a README's shell commands or examples): its fences are
            // noise and its lines are body text, never headings.
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_code = !in_code;
                out.code_fences += 1;
                out.noise.push(trimmed.to_string());
                continue;
            }
            if in_code {
                out.lines.push(Line {
                    no,
                    // Tabs and other spacing as everywhere else (no control character stays).
                    text: normalize_spaces(trimmed),
                    blank_before,
                    md: Md::Item,
                });
                blank_before = false;
                continue;
            }
            if let Some(row) = table_row(trimmed) {
                match row {
                    Some(text) => {
                        out.lines.push(Line {
                            no,
                            text,
                            blank_before,
                            md: Md::Table,
                        });
                        blank_before = false;
                    }
                    None => out.noise.push(trimmed.to_string()),
                }
                continue;
            }
            // Two short cells set apart by an ideographic space: a table row when a
            // table row stands next to it (decided after the loop).
            if let Some(cells) = short_cells(trimmed) {
                maybe_rows.push((out.lines.len(), cells));
            }
            let mut line = normalize_spaces(trimmed);
            strip_artifacts(&mut line, &mut out.noise);
            if line.is_empty() {
                continue;
            }
            let short = line.len() <= 64;
            if is_toc_line(&line) {
                out.noise.push(trimmed.to_string());
                blank_before = true;
                continue;
            }
            if short && (is_separator(&line) || is_page_number(&line)) {
                out.noise.push(trimmed.to_string());
                blank_before = true;
                continue;
            }
            // A site banner's date is today's date on the day the page was saved: neither the
            // report's date nor its year.
            // A flip-book page's heading ("Page 2 - 某某厅2019年度…报告", "P. 2"): chrome,
            // and the document's title as the viewer names it.
            if let Some(title) = page_counter(&line) {
                if out.chrome_title.is_none() && !seen_prose {
                    out.chrome_title = title.map(str::to_string);
                }
                out.noise.push(trimmed.to_string());
                blank_before = true;
                continue;
            }
            if is_banner(&line) {
                if !seen_prose {
                    out.top_chrome_line = no;
                }
                out.noise.push(trimmed.to_string());
                blank_before = true;
                continue;
            }
            if is_chrome(&line) || (!seen_prose && is_sharing_sentence(&line)) {
                out.chrome(no, trimmed, !seen_prose, &line, chrome_source);
                blank_before = true;
                continue;
            }
            // An encyclopedia's sentence about the document above it ("《某某…报告》是
            // 2020年某某发布的报告。"): furniture, naming the document.
            if !seen_prose && let Some(named) = encyclopedia_lead(&line) {
                if out.chrome_title.is_none() {
                    out.chrome_title = Some(named.to_string());
                }
                out.noise.push(trimmed.to_string());
                blank_before = true;
                continue;
            }
            if short_enough_for_chrome(&line)
                && let Some((doc, site)) =
                    split_site_suffix(&line).or_else(|| split_site_prefix(&line))
            {
                out.noise.push(site.to_string());
                line = doc.to_string();
            }
            let (text, md) = if list_item {
                (strip_markdown(&line).0, Md::Item)
            } else if line.starts_with(['#', '*', '_']) {
                strip_markdown(&line)
            } else {
                (line, Md::None)
            };
            if text.is_empty() {
                out.noise.push(trimmed.to_string());
                continue;
            }
            // Prose: a long sentence, or a line of a paragraph a page wrapped (a PDF's
            // lines stop at the text width, with the clauses' commas inside). A bulleted
            // line before any prose is a site's slogan or a list of links, not the
            // document ("• 高举…旗帜，…而团结奋斗。" above the page title).
            let bulleted = !seen_prose && bullet.is_some();
            if !bulleted && (text.len() > 120 && text.contains('。'))
                || (!bulleted
                    && text.len() >= 90
                    && memchr::memmem::find_iter(text.as_bytes(), "，")
                        .nth(1)
                        .is_some())
            {
                seen_prose = true;
            }
            out.lines.push(Line {
                no,
                text,
                blank_before,
                md,
            });
            blank_before = false;
        }
    }
    for (i, cells) in maybe_rows {
        let table = |j: usize| out.lines.get(j).is_some_and(|l| l.md == Md::Table);
        if i < out.lines.len() && (table(i + 1) || (i > 0 && table(i - 1))) {
            out.lines[i].text = cells;
            out.lines[i].md = Md::Table;
        }
    }
    if let Some(d) = out.doc_date.take() {
        out.chrome_date = Some(d);
    }
    out
}

/// Cut a run of text (a whole report on one line) before each heading inside it: a
/// 一、 / （一） / (一) / 第一部分 marker after a sentence end or a space, a 1. / 1、 marker
/// after a full stop; after a title that ends in 报告 and runs into a year; after an
/// addressee ("市人大常委会: 2024年，…").
pub(crate) fn split_run(line: &str) -> Vec<&str> {
    use crate::ingest::headings::{Style, parse_marker};
    let mut cuts = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        let after_end =
            prev.is_some_and(|p| matches!(p, '。' | '！' | '？' | '；' | ' ' | '　' | '：' | ':'));
        // Right after a short heading with no sentence end: "…法治共识(一)强化…".
        let piece = &line[cuts.last().copied().unwrap_or(0)..i];
        // (At the start of the line, the piece is a heading when it opens with a marker.)
        let after_heading = (!cuts.is_empty() || parse_marker(piece).is_some())
            && char_len(piece) <= 40
            && !piece.contains('。');
        // A bare heading glued to its body, which opens with "一是": "…不足和原因一是…".
        if i > 0 && after_heading && !cuts.is_empty() && line[i..].starts_with("一是") {
            cuts.push(i);
        }
        // A title glued to its first heading: "…工作总结一、主要工作…".
        let after_title = cuts.is_empty()
            && ["报告", "总结", "報告", "總結"]
                .iter()
                .any(|w| line[..i].ends_with(w))
            && char_len(&line[..i]) <= 60;
        // (Inside a bracket the marker is the bracket's: "(一)", never "一)".)
        if i > 0
            && (after_end || after_heading || after_title)
            && !matches!(prev, Some('(' | '（'))
            && let Some(m) = parse_marker(&line[i..])
        {
            let strong = matches!(m.style, Style::Cn | Style::ParenCn | Style::Part);
            let digit_ok = matches!(m.style, Style::Num | Style::ParenNum)
                && prev == Some('。')
                && line[i + m.rest_at..]
                    .chars()
                    .next()
                    .is_some_and(crate::ingest::text::is_cjk);
            if strong || digit_ok {
                cuts.push(i);
            }
        }
        // "…情况报告2025 年，…": a title glued to the text.
        if i > 0
            && c.is_ascii_digit()
            && (line[..i].ends_with("报告") || line[..i].ends_with("報告"))
            && char_len(&line[..i]) <= 60
            && cuts.is_empty()
        {
            cuts.push(i);
        }
        prev = Some(c);
    }
    // An addressee before the text: "市人大常委会: 2024年，…".
    if let Some(i) = line.find([':', '：'])
        && char_len(&line[..i]) <= 24
        && !line[..i].contains(['，', ',', '。'])
    {
        let j = i + line[i..].chars().next().map_or(1, char::len_utf8);
        if j < line.len() {
            cuts.push(j);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for c in cuts {
        if c > start {
            out.push(&line[start..c]);
            start = c;
        }
    }
    out.push(&line[start..]);
    out
}

/// Collapse whitespace runs: removed next to CJK text ("2024 年" → "2024年"), else one space.
pub fn normalize_spaces(s: &str) -> String {
    if !has_space(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if is_space(c) {
            pending_space = true;
            continue;
        }
        if pending_space {
            let keep = match prev {
                Some(p) => !(joins_cjk(p) || joins_cjk(c)),
                None => false,
            };
            if keep {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests;

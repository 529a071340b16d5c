//! Line cleaning: whitespace normalisation, markdown decoration, page chrome, page
//! numbers and conversion artifacts. Useful values in chrome (dates, source) are kept.

use super::text::{char_len, is_cjk, is_cjk_punct, is_space};

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
            self.chrome_date = super::meta::find_date(flat).or_else(|| {
                has_space(flat)
                    .then(|| {
                        flat.chars()
                            .filter(|c| !c.is_whitespace())
                            .collect::<String>()
                    })
                    .and_then(|f| super::meta::find_date(&f))
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
                self.doc_date = super::meta::find_date(value);
            }
            Slot::PubDate if self.chrome_date.is_none() => {
                self.chrome_date = super::meta::find_date(value);
            }
            Slot::Title if self.chrome_title.is_none() && (6..=120).contains(&char_len(cell)) => {
                self.chrome_title = Some(cell.to_string());
            }
            Slot::DocNumber if self.chrome_doc_number.is_none() => {
                self.chrome_doc_number = super::meta::find_doc_number(value);
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

/// What a catalogue label's value says about the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    DocDate,
    PubDate,
    Title,
    DocNumber,
    Publisher,
    Other,
}

/// Labels a catalogue row may hold besides those that identify one.
const CATALOGUE_MORE: &[&str] = &[
    "发文日期",
    "公开日期",
    "发布时间",
    "失效时间",
    "废止日期",
    "机构分类",
    "行业分类",
    "公文类型",
    "分类",
    "关键词",
];

fn slot(label: &str) -> Slot {
    match label {
        "成文日期" | "发文日期" | "生成日期" => Slot::DocDate,
        "发布日期" | "公开日期" | "发布时间" => Slot::PubDate,
        "标题" | "名称" => Slot::Title,
        "文号" | "发文字号" | "文件编号" => Slot::DocNumber,
        "发布机构" | "发文机关" | "制发机构" | "发布单位" => Slot::Publisher,
        _ => Slot::Other,
    }
}

/// A catalogue row read as label–value pairs ("发文机关 河南省人民政府 成文日期 2018年04月04日",
/// "标 题 | 某某关于…|"), on the row with the spaces next to CJK text removed: each value
/// runs to the next label. The first pair's start, too (0 when a label leads the row).
fn catalogue_pairs(flat: &str) -> (Option<usize>, Vec<(Slot, &str)>) {
    let ac = dfa!(
        CATALOGUE_LABELS.iter().chain(CATALOGUE_MORE),
        aho_corasick::MatchKind::LeftmostLongest
    );
    let found: Vec<aho_corasick::Match> = ac.find_iter(flat).collect();
    let pairs = found
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let end = found.get(k + 1).map_or(flat.len(), |n| n.start());
            let value = flat[m.end()..end].trim_matches(|c: char| {
                is_space(c) || matches!(c, ':' | '：' | '|' | '｜' | '】' | ']' | '【' | '[')
            });
            (slot(&flat[m.range()]), value)
        })
        .collect();
    (found.first().map(|m| m.start()), pairs)
}

/// A row's last label with no value ("… 名称："): its value opens the next line.
fn dangling(pairs: &[(Slot, &str)]) -> Option<Slot> {
    match pairs.last() {
        Some(&(slot, v)) if v.trim_matches(['-', ' ']).is_empty() => Some(slot),
        _ => None,
    }
}

/// A label alone on its line ("索引号", "成文日期："), its value on the next line.
fn lone_label(flat: &str) -> Option<Slot> {
    let label = flat.trim_end_matches([':', '：']);
    CATALOGUE_LABELS
        .iter()
        .chain(CATALOGUE_MORE)
        .find(|&&l| l == label)
        .map(|l| slot(l))
}

/// Whether `value` (the line after a lone label) is a value of that label's kind.
fn fits_slot(slot: Slot, value: &str) -> bool {
    let n = char_len(value);
    !value.contains('。')
        && match slot {
            Slot::DocDate | Slot::PubDate => n <= 30 && super::meta::find_date(value).is_some(),
            Slot::Title => (6..=120).contains(&n),
            // A number, not the title under an empty 文号 row ("某局2025年度…报告").
            Slot::DocNumber => {
                n <= 30
                    && value.bytes().any(|b| b.is_ascii_digit())
                    && !value.ends_with("报告")
                    && !value.contains("法治")
            }
            Slot::Publisher => n <= 30,
            Slot::Other => n <= 20,
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
    for (i, whole) in super::text::split_lines(text).enumerate() {
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
                    out.chrome_doc_number = super::meta::find_doc_number(trimmed);
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

/// Cells of a short line set apart by ideographic spaces ("信息内容　本年处理决定数量").
fn short_cells(line: &str) -> Option<String> {
    if line.len() > 60 * 4
        || !has_ideographic_space(line)
        || char_len(line) > 60
        || line.contains(['，', '。', '：', ':', '；'])
    {
        return None;
    }
    let cells: Vec<&str> = line
        .split('\u{3000}')
        .map(|c| c.trim_matches(is_space))
        .filter(|c| !c.is_empty())
        .collect();
    (cells.len() >= 2 && cells.iter().all(|c| char_len(c) <= 16)).then(|| cells.join("  "))
}

/// Cut a run of text (a whole report on one line) before each heading inside it: a
/// 一、 / （一） / (一) / 第一部分 marker after a sentence end or a space, a 1. / 1、 marker
/// after a full stop; after a title that ends in 报告 and runs into a year; after an
/// addressee ("市人大常委会: 2024年，…").
pub(crate) fn split_run(line: &str) -> Vec<&str> {
    use super::headings::{Style, parse_marker};
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
                    .is_some_and(super::text::is_cjk);
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

/// A markdown list item ("* 《条例》", "- 完成…"): the marker and the text.
fn strip_list_item(line: &str) -> Option<(&str, &str)> {
    let rest = line
        .strip_prefix("* ")
        .or_else(|| line.strip_prefix("+ "))
        .or_else(|| line.strip_prefix("- "))?;
    let rest = rest.trim_start_matches(is_space);
    // "- 2 -" is a page number, not a list.
    rest.starts_with(|c: char| !c.is_ascii())
        .then_some((&line[..1], rest))
}

/// A leading list bullet and the text after it (bullet glyph then whitespace).
fn strip_bullet(line: &str) -> Option<(&str, &str)> {
    let c = line.chars().next()?;
    if !"●◆■□◇○•▪►▶◎★☆◼◾➢➤✓√".contains(c) {
        return None;
    }
    let rest = &line[c.len_utf8()..];
    let text = rest.trim_start_matches(is_space);
    // Only when whitespace follows: "○" alone or "●重点" inside a sentence stays.
    (text.len() < rest.len() && !text.is_empty()).then_some((&line[..c.len_utf8()], text))
}

/// A table row: `Some(Some(text))` with cells joined by two spaces, `Some(None)` for a
/// markdown alignment row (`|---|:-:|`), `None` when the line is not a table row.
fn table_row(line: &str) -> Option<Option<String>> {
    let cells: Vec<&str> = if memchr::memchr(b'\t', line.as_bytes()).is_some() {
        line.split('\t').collect()
    } else if line.len() > 2 && line.starts_with('|') && line.ends_with('|') {
        line[1..line.len() - 1].split('|').collect()
    } else if line.len() <= 320
        && (has_ideographic_space(line)
            || (memchr::memchr(b' ', line.as_bytes()).is_some() && holds!(line, "   ")))
    {
        // Cells set apart by ideographic or runs of spaces, one of them a number:
        // "行政处罚　17", "规章   0   0   3".
        let cells: Vec<&str> = line
            .split(['\u{3000}'])
            .flat_map(|c| c.split("  "))
            .map(|c| c.trim_matches(is_space))
            .filter(|c| !c.is_empty())
            .collect();
        let numeric = |c: &&str| {
            c.chars()
                .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | '%' | ','))
        };
        // Three or more short cells are a table row even without a number (a header row).
        let header = cells.len() >= 3 && cells.iter().all(|c| char_len(c) <= 12);
        if cells.len() < 2 || !(cells.iter().any(numeric) || header) || char_len(line) > 80 {
            return None;
        }
        cells
    } else {
        return None;
    }
    .into_iter()
    .map(|c| c.trim_matches(is_space))
    .filter(|c| !c.is_empty())
    .collect();
    if cells.len() < 2 {
        // One cell: an indented or tab-padded ordinary line.
        return None;
    }
    if cells
        .iter()
        .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
    {
        return Some(None);
    }
    let cells: Vec<String> = cells.iter().map(|c| normalize_spaces(c)).collect();
    Some(Some(cells.join("  ")))
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

/// Page titles and chrome are short; paragraphs are not worth checking.
fn short_enough_for_chrome(s: &str) -> bool {
    s.len() <= 240
}

/// Any character [`is_space`] accepts, by a byte scan (the UTF-8 encodings of Unicode
/// whitespace start with C2, E1, E2 or E3; ASCII ones are 09–0D and 20).
fn has_space(s: &str) -> bool {
    // By bytes, no decoding: U+0085, U+00A0; U+1680; U+2000–200A, 2028, 2029, 202F,
    // 205F; U+3000. Written with `&`/`|` (no branches) so the scan is vector code.
    super::text::any_triple(s.as_bytes(), |x, y, z| {
        (x.wrapping_sub(0x09) < 5)
            | (x == 0x20)
            | ((x == 0xC2) & ((y == 0x85) | (y == 0xA0)))
            | ((x == 0xE1) & (y == 0x9A) & (z == 0x80))
            | ((x == 0xE2)
                & (((y == 0x80)
                    & ((z.wrapping_sub(0x80) <= 0x0A) | (z == 0xA8) | (z == 0xA9) | (z == 0xAF)))
                    | ((y == 0x81) & (z == 0x9F))))
            | ((x == 0xE3) & (y == 0x80) & (z == 0x80))
    })
}

/// A colon, half- or full-width, by SIMD searches (no decoding).
fn has_colon(s: &str) -> bool {
    memchr::memchr(b':', s.as_bytes()).is_some() || holds!(s, "：")
}

/// U+3000 (ideographic space), by a SIMD substring search.
fn has_ideographic_space(s: &str) -> bool {
    holds!(s, "\u{3000}")
}

fn joins_cjk(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c)
}

/// Word/HTML conversion artifacts such as `[bookmark: _GoBack]`: removed, kept as noise.
fn strip_artifacts(line: &mut String, noise: &mut Vec<String>) {
    if memchr::memchr(b'[', line.as_bytes()).is_none() || !line.contains("[bookmark") {
        return;
    }
    while let Some(start) = line.find("[bookmark:") {
        let Some(len) = line[start..].find(']') else {
            break;
        };
        let end = start + len + 1;
        noise.push(line[start..end].to_string());
        line.replace_range(start..end, "");
    }
    let t = line.trim_matches(is_space);
    if t.len() != line.len() {
        *line = t.to_string();
    }
}

fn is_separator(s: &str) -> bool {
    s.chars().count() >= 3
        && s.chars().all(|c| {
            matches!(
                c,
                '-' | '=' | '*' | '_' | '—' | '~' | '·' | '.' | '－' | '＝' | '…'
            )
        })
}

/// "— 2 —", "-3-", "第 3 页", "第3页 共9页", "3/9", or a bare small number.
fn is_page_number(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let inner =
        s.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '－' | '_' | '~' | '·' | ' ' | '•'));
    if digits(inner) && inner.len() <= 3 {
        return true;
    }
    if let Some(rest) = s.strip_prefix('第')
        && let Some(idx) = rest.find('页')
    {
        let n = rest[..idx].trim();
        let tail = rest[idx + '页'.len_utf8()..].trim();
        let tail_ok = tail.is_empty()
            || (tail.starts_with('共') && tail.ends_with('页'))
            || tail.starts_with(['，', ',', '/']);
        return digits(n) && tail_ok;
    }
    if let Some((a, b)) = s.split_once('/') {
        return digits(a.trim()) && digits(b.trim()) && s.len() <= 9;
    }
    false
}

/// A table-of-contents line: a title, a run of leader dots, a page number
/// ("一、总体情况.......... 1", "（二）…………4").
fn is_toc_line(s: &str) -> bool {
    if s.len() > 300 {
        return false;
    }
    let body = s.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let dots = body
        .chars()
        .rev()
        .take_while(|&c| matches!(c, '.' | '…' | '·' | '．' | '。'))
        .count();
    dots >= 4 && char_len(body) > dots
}

/// The catalogue's labels: strong ones first, then weak ones (名称, 标题 … name other
/// things too).
const CATALOGUE_LABELS: &[&str] = &[
    "索引号",
    "发布机构",
    "发文机关",
    "生成日期",
    "成文日期",
    "发文字号",
    "主题分类",
    "有效性",
    "公开类别",
    "公开方式",
    "所属机构",
    "制发机构",
    "文件分类",
    "信息分类",
    "组配分类",
    "体裁分类",
    "主题词",
    "发布单位",
    "内容分类",
    "公开形式",
    "公开范围",
    "文件编号",
    "截止日期",
    "发布日期",
    "名称",
    "标题",
    "文号",
];

/// A catalogue row: two or more of its labels on one line (as table cells or label:
/// value pairs), or one label that starts a short line and is followed by ':' or a cell
/// separator.
fn is_catalogue(s: &str) -> bool {
    // A catalogue row is short, or a table row, and every label has one of these.
    // (Byte and single-character searches: a character-set search decodes every character.)
    if s.len() > 400 || (s.len() > 200 && !s.bytes().any(|b| b == b'|' || b == b'\t')) {
        return false;
    }
    // A label meets its value at a colon or a cell border, or a short line holds a date;
    // and every label has one of a few characters (one pass for both).
    let b = s.as_bytes();
    let meets = memchr::memchr3(b':', b'|', b'\t', b).is_some()
        || memchr::memchr(b']', b).is_some()
        || holds!(s, "：")
        || holds!(s, "】")
        || (s.len() <= 120 && b.iter().any(u8::is_ascii_digit));
    // A form's label typed with spaces inside ("标      题 某某关于…的报告"): no word is
    // written so, it is the catalogue's own layout.
    if spaced_label(s) {
        return true;
    }
    if !meets {
        return false;
    }
    let flat: std::borrow::Cow<str> = if has_space(s) {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .into()
    } else {
        s.into()
    };
    let flat = flat.trim_start_matches(['[', '【', '•', '·', '●', '-', '|', '｜']);
    const STRONG: usize = 23;
    let ac = dfa!(CATALOGUE_LABELS);
    // One pass: which labels occur, and which one (if any) starts the line.
    let (mut seen, mut lead) = (0u32, None);
    for m in ac.find_iter(flat) {
        seen |= 1 << m.pattern().as_usize();
        if m.start() == 0 {
            lead = Some(m.end());
        }
    }
    let strong = (seen & ((1 << STRONG) - 1)).count_ones();
    let weak = (seen >> STRONG).count_ones();
    // Two labels, or one in a table row (the catalogue as a table).
    // Or one on a short dated line ("公开类别 主动公开 发布时间 2025-03-31").
    let row = memchr::memchr2(b'|', b'\t', s.as_bytes()).is_some();
    if strong >= 2 || (strong == 1 && row) {
        return true;
    }
    let dated =
        || char_len(flat) <= 60 && !flat.contains('。') && super::meta::find_date(flat).is_some();
    if strong == 1 && dated() {
        return true;
    }
    let starts = lead.is_some_and(|end| {
        let r = &flat[end..];
        r.starts_with([':', '：', '|', '｜', ']', '】']) || (s.contains('\t') && r.len() < 300)
    });
    // "名称：…" with another label, or alone on a short line that is no sentence.
    starts && (strong >= 1 || weak >= 2 || (char_len(flat) <= 80 && !flat.contains('。')))
}

/// A two-character catalogue label at the line's start with spaces between its characters
/// and a value after it ("标      题 …", "名  称 …").
fn spaced_label(s: &str) -> bool {
    let mut chars = s.chars();
    let (Some(a), Some(gap)) = (chars.next(), chars.next()) else {
        return false;
    };
    if !is_space(gap) {
        return false;
    }
    let rest = chars.as_str().trim_start_matches(is_space);
    let Some(b) = rest.chars().next() else {
        return false;
    };
    let value = rest[b.len_utf8()..].trim_start_matches(is_space);
    let label: String = [a, b].iter().collect();
    CATALOGUE_LABELS.contains(&label.as_str()) && !value.is_empty() && char_len(value) <= 120
}

/// A page of a sharing site's copy that starts with its page number ("2、…"), the next one
/// expected: the counter and the page's text.
fn page_counter_prefix(line: &str, page: u32) -> Option<(&str, &str)> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = line[digits..].strip_prefix('、')?;
    (digits > 0 && digits <= 3 && line[..digits].parse() == Ok(page) && rest.len() > 400)
        .then(|| (&line[..digits + '、'.len_utf8()], rest))
}

/// "Page 2 - TITLE", "Page 2", "P. 2", "第 2 页": a page viewer's counter line, with the
/// title it carries.
fn page_counter(s: &str) -> Option<Option<&str>> {
    let digits = |r: &str| r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    for lead in ["Page ", "PAGE ", "P. ", "P."] {
        if let Some(r) = s.strip_prefix(lead) {
            let n = digits(r);
            if n == 0 || n > 4 {
                return None;
            }
            let rest = r[n..].trim();
            if rest.is_empty() {
                return Some(None);
            }
            let title = rest.strip_prefix(['-', '–', '—', '|'])?.trim();
            return (char_len(title) >= 6).then_some(Some(title));
        }
    }
    let r = s.strip_prefix('第')?.trim_start();
    let n = digits(r);
    (n > 0 && n <= 4 && r[n..].trim() == "页").then_some(None)
}

/// A site banner with today's date: "某某区人民政府 2019年12月3日星期二", "今天是：2019年10月31日
/// 星期三 农历十月初七", "今天是:".
fn is_banner(s: &str) -> bool {
    // One pass for the characters every banner has before any word search.
    if s.len() > 160 || !(holds!(s, "今") || holds!(s, "历") || holds!(s, "星")) {
        return false;
    }
    if s.starts_with("今天是") || s.contains("农历") {
        return true;
    }
    if !s.contains("星期") {
        return false;
    }
    let weekday = [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
        "星期天",
    ];
    weekday.iter().any(|w| s.contains(w)) && super::meta::find_date(s).is_some()
}

/// A line made only of page furniture words: share bars, font-size and language
/// switches, app banners ("微博 空间 qq", "字体:[ ] [ ] [ ]", "设为首页", "支持IPv6").
fn is_widget_line(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "设为首页",
        "加入收藏",
        "收藏本站",
        "微博",
        "微信",
        "空间",
        "qq",
        "QQ",
        "头条",
        "朋友圈",
        "分享",
        "打印",
        "关闭",
        "收藏",
        "纠错",
        "返回顶部",
        "返回",
        "支持IPv6",
        "IPv6",
        "无障碍",
        "长者模式",
        "简体",
        "繁体",
        "繁體",
        "字体",
        "字号",
        "字體",
        "大",
        "中",
        "小",
        "默认",
        "[",
        "]",
        "【",
        "】",
        "|",
        "｜",
        ":",
        "：",
        "(",
        ")",
        "/",
        "首页",
        "政府信息公开",
        "点击关闭详细目录信息",
        "扫一扫",
        "手机版",
        "移动端",
        "English",
        "EN",
        "正在阅读",
        "分享到",
        "长者版",
        "无障碍阅读",
        "适老化",
        "关怀版",
        "读屏专用",
    ];
    // Most lines fail on their first character: check it against the words' first ones.
    const FIRSTS: &str =
        "设加收微空qQ头朋分打关纠返支I无长简繁字大中小默[]【】|｜:：(/首政点扫手移E正读适";
    static SORTED: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let firsts = SORTED.get_or_init(|| {
        let mut v: Vec<char> = FIRSTS.chars().collect();
        v.sort_unstable();
        v
    });
    let first_ok = |c: char| firsts.binary_search(&c).is_ok();
    if s.len() > 90 || !s.trim_start().chars().next().is_some_and(first_ok) {
        return false;
    }
    let mut rest = s.trim();
    let mut words = 0;
    while !rest.is_empty() {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '·');
        if rest.is_empty() {
            break;
        }
        let Some(w) = WORDS
            .iter()
            .filter(|w| rest.starts_with(*w))
            .max_by_key(|w| w.len())
        else {
            return false;
        };
        rest = &rest[w.len()..];
        words += 1;
    }
    words >= 1
}

/// A breadcrumb: "首页 > 政务公开 > …", "> 政务公开 | > 部门 |", "首页→ 网站公告",
/// "当前位置：…".
fn is_breadcrumb(s: &str) -> bool {
    if s.len() > 200 {
        return false;
    }
    // No arrow of any kind (most lines), by one byte scan: > › » → ＞ 》.
    let arrow = super::text::any_triple(s.as_bytes(), |x, y, z| {
        (x == b'>')
            | ((x == 0xC2) & (y == 0xBB))
            | ((x == 0xE2) & (((y == 0x80) & (z == 0xBA)) | ((y == 0x86) & (z == 0x92))))
            | ((x == 0xEF) & (y == 0xBC) & (z == 0x9E))
            | ((x == 0xE3) & (y == 0x80) & (z == 0x8B))
    });
    if !arrow {
        return false;
    }
    let arrows = s.matches(['>', '›', '»', '→', '＞', '》']).count();
    (s.starts_with(['>', '›', '»', '→', '＞']) && !s.contains('。'))
        || (s.starts_with("首页") && arrows >= 1)
        || (arrows >= 2 && !s.contains('。') && !s.contains('《'))
}

/// A sharing site's own sentence about the document, above it ("下面是小编为大家整理的…，
/// 供大家参考。").
fn is_sharing_sentence(s: &str) -> bool {
    s.len() <= 600
        && (holds!(s, "大家") || holds!(s, "分享") || holds!(s, "在线"))
        && ["小编为大家", "供大家参考", "由会员分享", "可在线阅读"]
            .iter()
            .any(|w| s.contains(w))
}

/// A news wire's dateline lead: "中新网3月29日电 据…消息，…" (the agency's "电" after a
/// month and day within the first characters).
pub(crate) fn is_wire_lead(s: &str) -> bool {
    let end = s.char_indices().nth(16).map_or(s.len(), |(i, _)| i);
    let head = &s[..end];
    let Some(d) = head.find("日电") else {
        return false;
    };
    head[..d].contains('月') && (s.contains("消息") || s.contains("发布"))
}

/// The document an encyclopedia's lead sentence names: "《T》是2019年…发布的通知。" → T.
fn encyclopedia_lead(s: &str) -> Option<&str> {
    let inner = s.strip_prefix('《')?;
    let close = inner.find('》')?;
    let rest = &inner[close + '》'.len_utf8()..];
    (s.len() <= 400 && rest.starts_with('是') && rest.ends_with('。') && holds!(rest, "发布"))
        .then(|| &inner[..close])
}

/// Web page chrome: breadcrumbs, publication info, share/print/font widgets.
fn is_chrome(s: &str) -> bool {
    const ANYWHERE: &[&str] = &[
        "当前位置",
        "所在的位置",
        "现在的位置",
        "当前的位置",
        "您的位置",
        "您所在位置",
        "首页>",
        "首页》",
        "浏览次数",
        "阅读次数",
        "访问次数",
        "点击数：",
        "点击数:",
        "点击率",
        "【关闭】",
        "[关闭]",
        "关闭窗口",
        "打印本页",
        "【打印】",
        "[打印]",
        "字体：大中小",
        "字体:大中小",
        "字号：大中小",
        "【大中小】",
        "分享到",
        "扫一扫在手机",
        "扫一扫在手机打开",
        "无障碍",
        "简体|繁体",
        "简体｜繁体",
        "繁體",
        "视力保护色",
        "加大字体",
        "缩小字体",
        "取消收藏",
        "【收藏】",
        "加入收藏",
        "上一篇",
        "下一篇",
        "版权所有",
        "ICP备",
        "公网安备",
        "网站标识码",
        "主办单位：",
        "承办单位：",
        "技术支持：",
        "网站地图",
        "联系我们",
        "相关链接",
        "分辨率",
        "请输入关键词",
        "长者模式",
        "Produced By",
        "Produced by",
        "Powered by",
        "Powered By",
        "Home >",
        "Home>",
        "Back to Top",
        "Font size",
        "Share to",
        "Copyright",
        "All Rights Reserved",
        // Document-sharing and news-app boilerplate.
        "小编为大家",
        "供大家参考",
        "可在线阅读",
        "由会员分享",
        "免费下载",
        "相关词条",
        "相關詞條",
        "热门词条",
        "熱門詞條",
        "联络我们",
        "扫一扫下载",
        "下载APP",
        "APP下载",
        "打开APP",
    ];
    const LEADING: &[&str] = &[
        "发布时间",
        "发布日期",
        "发文日期",
        "编辑日期",
        "更新时间",
        "更新日期",
        "成文日期",
        "信息来源",
        "来源",
        "作者",
        "编辑",
        "责任编辑",
        "【编辑日期",
        "【发布时间",
        "【字体",
        "分享：",
    ];
    // A table's empty border cells from a page copy ("| ||||||||…") around its furniture.
    let s = if s.starts_with('|') || s.ends_with('|') {
        let s = s.trim_matches(|c: char| c == '|' || c == ' ');
        if s.is_empty() {
            return true;
        }
        s
    } else {
        s
    };
    // Chrome is short and is not a sentence (a sharing site's sentence about the document
    // is `is_sharing_sentence`).
    if s.len() > 240 || (s.ends_with('。') && s.len() > 90) {
        return false;
    }
    // A news wire's lead above the document it reprints ("中新网3月29日电 据司法部网站
    // 消息，…发布…报告。具体报告如下："), and a reprint's source ("转自：司法部").
    if (finder!("日电")
        .find(&s.as_bytes()[..s.len().min(48)])
        .is_some()
        && is_wire_lead(s))
        || ["转自:", "转自：", "转载自"]
            .iter()
            .any(|w| s.starts_with(w))
    {
        return true;
    }
    // An image's file name left where the picture stood ("图片1.png").
    if s.len() <= 80
        && s.as_bytes().last().is_some_and(|b| b"gGfF".contains(b))
        && !s.contains(' ')
        && [
            ".png", ".jpg", ".jpeg", ".gif", ".PNG", ".JPG", ".JPEG", ".GIF",
        ]
        .iter()
        .any(|e| s.ends_with(e))
    {
        return true;
    }
    // A link under a label ("一图读懂：https://…").
    // (The label is short: the address starts within the line's first bytes.)
    if let Some(at) = finder!("http").find(&s.as_bytes()[..s.len().min(48)])
        && char_len(&s[..at]) <= 12
        && s[..at].trim_end().ends_with([':', '：'])
        && is_url(&s[at..])
    {
        return true;
    }
    let any = dfa!(ANYWHERE);
    if any.is_match(s) || is_widget_line(s) || is_breadcrumb(s) || is_meta_pairs(s) {
        return true;
    }
    // An encyclopedia's own headings and info box around the document ("基本介绍",
    // "• 中文名：…", "• 发布单位：…").
    let bare = s.trim_start_matches(['•', '·', '●', ' ', '\u{3000}']);
    if matches!(bare, "基本介绍" | "基本信息" | "词条简介" | "内容简介")
        || ["中文名：", "中文名:", "外文名：", "外文名:"]
            .iter()
            .any(|w| bare.starts_with(w))
    {
        return true;
    }
    // A bare address, or a navigation bar: 首页 | 走进… | 政务公开 | …
    if is_url(s) {
        return true;
    }
    if s.starts_with("首页") && s.matches(['|', '｜']).count() >= 2 {
        return true;
    }
    // Short ASCII-only lines of page furniture: "EN", "Print | Close", "中文 | English".
    if s.is_ascii() && s.len() <= 40 {
        let words = [
            "EN", "English", "Print", "Close", "Search", "Menu", "Login", "Share",
        ];
        if s.split(['|', '/', ' '])
            .filter(|w| !w.is_empty())
            .all(|w| words.contains(&w))
        {
            return true;
        }
    }
    // A bilingual site banner: "深圳市南山区人民政府 Shenzhen Nanshan District …".
    if let Some(i) = s.bytes().position(|b| b.is_ascii_alphabetic())
        && s[i..].chars().all(|c| c.is_ascii() && !c.is_ascii_digit())
        && super::meta::is_agency_name(s[..i].trim_end())
    {
        return true;
    }
    // A 红头 line: "XX市科学技术局文件".
    if s.ends_with("文件")
        && char_len(s) <= 24
        && super::meta::is_agency_name(s.trim_end_matches("文件"))
    {
        return true;
    }
    LEADING.iter().any(|p| {
        s.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(['：', ':', '】']) || p.ends_with('：'))
    })
}

/// Publication info as label–value pairs: "文章来源：司法局 更新时间：2021/03/29 11:30:01",
/// "时间:2023-05-07 17:15:05 公文范文 来源:网友投稿", "• 日期: 2024- 01- 25 15: 27".
fn is_meta_pairs(s: &str) -> bool {
    const LABELS: &[&str] = &[
        "来源",
        "发布时间",
        "发布日期",
        "更新时间",
        "更新日期",
        "时间",
        "日期",
        "作者",
        "编辑",
        "浏览",
        "浏览量",
        "浏览次数",
        "点击",
        "访问量",
        "阅读",
        "发布者",
        "发布人",
        "责任编辑",
        "供稿",
        "撰稿",
        "审核",
        "发布",
        "字号",
        "字体",
        "發布時間",
        "來源",
        "时间 ",
        "分享",
    ];
    let t = s.trim_start_matches(['•', '·', '●', '【', '[', ' ']);
    // A source set off by a dot or a bar instead of a colon ("文章来源 · 市政府办公厅
    // clock 157天前"): a short line that is not a sentence.
    if s.len() <= 200 && !t.contains(['。', '，']) {
        let rest = ["文章来源", "信息来源", "新闻来源", "稿件来源"]
            .iter()
            .find_map(|l| t.strip_prefix(l));
        if rest.is_some_and(|r| r.trim_start().starts_with(['·', '|', '丨', '｜'])) {
            return true;
        }
    }
    // Every pair has a colon, and a clock time has one too.
    if s.len() > 200 || !has_colon(s) {
        return false;
    }
    let label_at = |r: &str| {
        LABELS.iter().any(|l| {
            r.strip_prefix(l)
                .is_some_and(|x| x.trim_start().starts_with([':', '：']))
        })
    };
    // A line that starts with a label and a colon ("时间：…", "文章来源：…").
    let lead = label_at(t)
        || ["文章", "信息", "新闻", "稿件"]
            .iter()
            .any(|p| t.strip_prefix(p).is_some_and(label_at));
    if lead && !t.contains('。') {
        return true;
    }
    // Two labels with colons anywhere ("…网站 发布时间:2025-12-31 16:33", "2026-01-20 17:01 | 武汉市水务局").
    let pairs = LABELS
        .iter()
        .filter(|l| {
            s.match_indices(*l)
                .any(|(i, _)| s[i + l.len()..].trim_start().starts_with([':', '：']))
        })
        .count();
    let dated = || super::meta::find_date(s).is_some() && !s.contains('。') && char_len(s) <= 60;
    pairs >= 2 || (pairs == 1 && dated()) || (has_clock_time(s) && dated())
}

/// "11:30", "15: 27": a time of day, which a report's text rarely has next to a date.
fn has_clock_time(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len()).any(|i| {
        matches!(b[i], b':')
            && b[i - 1].is_ascii_digit()
            && b[i + 1..]
                .iter()
                .find(|c| **c != b' ')
                .is_some_and(|c| c.is_ascii_digit())
    })
}

fn is_url(s: &str) -> bool {
    let starts = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    (starts("http://") || starts("https://") || starts("www.")) && !s.contains(' ')
}

/// A web page title ends with the site's name: "…年度报告_某某区人民政府门户网站".
/// Returns the document part and the site suffix.
fn split_site_suffix(s: &str) -> Option<(&str, &str)> {
    // No separator (most lines), by one byte scan: _ | - ｜ －.
    let sep = super::text::any_triple(s.as_bytes(), |x, y, z| {
        (x == b'_')
            | (x == b'|')
            | (x == b'-')
            | ((x == 0xEF) & (((y == 0xBD) & (z == 0x9C)) | ((y == 0xBC) & (z == 0x8D))))
    });
    if !sep {
        return None;
    }
    let i = s.rfind(['_', '|', '｜', '－', '-'])?;
    let sep_len = s[i..].chars().next()?.len_utf8();
    let (left, right) = (s[..i].trim_end(), s[i + sep_len..].trim_start());
    let site = ["网站", "门户网", "政府网", "人民政府网", "信息网", "官网"];
    // The site is named by its kind, or (after a report title) by the agency itself:
    // "…年度报告 - 国家知识产权局".
    let named_site = site.iter().any(|w| right.ends_with(w))
        || (left.ends_with("报告") && super::meta::is_agency_name(right));
    (!left.is_empty() && char_len(right) <= 24 && named_site).then_some((left, right))
}

/// A page title led by the site's agency: "长沙市司法局_关于长沙市2020年…的报告".
/// Returns the document part and the site part.
fn split_site_prefix(s: &str) -> Option<(&str, &str)> {
    // A report's title ends the line (most lines end otherwise: one comparison).
    if !s.ends_with("报告") {
        return None;
    }
    let i = s.find(['_', '|', '｜'])?;
    let sep_len = s[i..].chars().next()?.len_utf8();
    let (left, right) = (s[..i].trim_end(), s[i + sep_len..].trim_start());
    (char_len(left) <= 24
        && super::meta::is_agency_name(left)
        && right.ends_with("报告")
        && char_len(right) >= 8
        && !right.contains(['_', '|', '｜']))
    .then_some((right, left))
}

fn chrome_source(s: &str) -> Option<String> {
    for key in ["信息来源", "来源"] {
        if let Some(pos) = s.find(key) {
            let rest = &s[pos + key.len()..];
            let rest = rest.trim_start_matches(['：', ':', ' ']);
            let value: String = rest
                .chars()
                .take_while(|&c| !is_space(c) && !matches!(c, '【' | '】' | '|' | '｜' | '[' | ']'))
                .collect();
            if !value.is_empty() {
                return Some(value);
            }
        }
    }
    None
}

/// A document-sharing site's watermark, stamped into the text wherever it falls: the
/// site's name (and slogan) before its address ("公文汇 www.gongwenhui.com",
/// "秘书之家—全网资源每日更新www.mishuzj.com", even mid-word). A name–address pair is a
/// watermark when it recurs, fills a line, or ends one after a space; a watermark's name
/// alone at a line's end after a space ("… 公文汇,办公文档之家") is one too. Government
/// addresses (.gov.cn) are the report's own references. The text without them (line breaks
/// kept) and what was removed; `None` when there is none.
pub fn strip_site_marks(text: &str) -> Option<(String, Vec<String>)> {
    let bytes = text.as_bytes();
    memchr::memmem::find(bytes, b"www.")?;
    let boundary = |c: char| {
        is_space(c)
            || c == '\n'
            || (is_cjk_punct(c) && !matches!(c, '—' | '－'))
            || (c.is_ascii_punctuation() && c != '-')
    };
    let mut marks: Vec<&str> = Vec::new();
    for at in memchr::memmem::find_iter(bytes, b"www.") {
        let len = bytes[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-'))
            .count();
        let domain = text[at..at + len].trim_end_matches('.');
        if domain.matches('.').count() < 2 || domain.ends_with(".gov.cn") {
            continue;
        }
        let before = &text[..at];
        let before = before.strip_suffix(' ').unwrap_or(before);
        // The name: back to a line start, a space or punctuation, within 16 characters.
        let mut start = None;
        for (n, (i, c)) in before.char_indices().rev().enumerate() {
            if boundary(c) {
                start = Some(i + c.len_utf8());
                break;
            }
            if n == 16 {
                break;
            }
        }
        let start = start.or((before.chars().count() <= 16).then_some(0));
        let Some(start) = start else { continue };
        let name = &before[start..];
        if char_len(name) < 2 || !name.chars().next().is_some_and(is_cjk) {
            continue;
        }
        let mark = &text[start..at + domain.len()];
        if !marks.contains(&mark) {
            marks.push(mark);
        }
    }
    let lines_end = |m: &str| {
        text.match_indices(m).any(|(i, _)| {
            let after = &text[i + m.len()..];
            let ends = after.is_empty() || after.starts_with('\n');
            let whole = i == 0 || text[..i].ends_with('\n');
            ends && (whole || text[..i].ends_with(' '))
        })
    };
    marks.retain(|m| text.matches(m).nth(1).is_some() || lines_end(m));
    if marks.is_empty() {
        return None;
    }
    // The site's name: the mark up to its slogan or address.
    let names: Vec<&str> = marks
        .iter()
        .map(|m| m.split(['—', '－', ' ', 'w']).next().unwrap_or(m))
        .filter(|n| char_len(n) >= 2)
        .collect();
    let mut removed = Vec::new();
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let mut line = line.to_string();
        for m in &marks {
            while let Some(i) = line.find(m) {
                removed.push(m.to_string());
                let from = if line[..i].ends_with(' ') { i - 1 } else { i };
                line.replace_range(from..i + m.len(), "");
            }
        }
        // A name alone after a space at the end of the line.
        if let Some(sp) = line.trim_end().rfind(' ') {
            let tail = line[sp + 1..].trim_end();
            if names.iter().any(|n| tail.starts_with(n))
                && char_len(tail) <= 16
                && !tail.contains('。')
            {
                removed.push(tail.to_string());
                line.truncate(sp);
            }
        }
        out.push_str(&line);
    }
    Some((out, removed))
}

/// Strip `#` heading marks and `**…**` emphasis that wraps the start of a line.
fn strip_markdown(s: &str) -> (String, Md) {
    let hashes = s.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        let rest = s[hashes..].trim_matches(is_space);
        let rest = rest.trim_end_matches('#').trim_end();
        let (inner, _) = strip_bold(rest);
        return (inner, Md::Hash(hashes as u8));
    }
    let (inner, bold) = strip_bold(s);
    (inner, if bold { Md::Bold } else { Md::None })
}

/// `**标题**正文` → `标题正文`, bold when the emphasis opened the line.
fn strip_bold(s: &str) -> (String, bool) {
    for delim in ["**", "__"] {
        if let Some(rest) = s.strip_prefix(delim)
            && let Some(end) = rest.find(delim)
        {
            let mut out = String::with_capacity(s.len());
            out.push_str(rest[..end].trim_matches(is_space));
            out.push_str(&rest[end + delim.len()..]);
            return (out.trim_matches(is_space).to_string(), true);
        }
    }
    (s.to_string(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_address_the_report_cites_is_no_watermark() {
        // Once, inside a sentence; a government address even on a line of its own.
        let cited =
            "群众可登录市民服务网www.shimin.example.com查询办理进度。\n政务网站 www.hz.gov.cn\n";
        assert_eq!(strip_site_marks(cited), None);
        assert_eq!(strip_site_marks("没有网址的报告。"), None);
        // Recurring, it is one, also where it splits a word.
        let stamped = "文库站 www.wk.example.com\n一、主要举措 文库站 www.wk.example.com\n第一责文库站 www.wk.example.com任人\n";
        let (text, removed) = strip_site_marks(stamped).unwrap();
        assert_eq!(text, "\n一、主要举措\n第一责任人\n");
        assert_eq!(removed.len(), 3);
    }

    #[test]
    fn byte_scans_agree_with_the_character_classes() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("法{c}治");
            assert_eq!(has_space(&s), is_space(c), "{:04X}", c as u32);
            assert_eq!(
                has_ideographic_space(&s),
                c == '\u{3000}',
                "{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn spaces_inside_chinese_removed() {
        assert_eq!(
            normalize_spaces("于田县 2024 年 工作报告"),
            "于田县2024年工作报告"
        );
        assert_eq!(normalize_spaces("Word  export"), "Word export");
        assert_eq!(normalize_spaces("\u{3000}\u{3000}正文"), "正文");
    }

    #[test]
    fn page_numbers_and_chrome() {
        for s in ["— 2 —", "-3-", "12", "第 3 页", "第3页 共9页", "3/9"] {
            assert!(is_page_number(&normalize_spaces(s)), "{s}");
        }
        assert!(!is_page_number("2021"));
        assert!(is_chrome(&normalize_spaces("【 关 闭 】")));
        assert!(is_chrome("发布时间：2023-03-15 来源：市司法局"));
        assert!(is_chrome("文章来源 ·   市政府办公厅 clock 157天前"));
        assert!(is_chrome("信息来源 | 县人民政府办公室"));
        assert!(!is_chrome("文章来源于群众，依法办理。"));
        assert!(!is_chrome("来源于群众的诉求，依法办理。"));
    }

    #[test]
    fn markdown_stripped() {
        assert_eq!(
            strip_markdown("### 一、标题"),
            ("一、标题".into(), Md::Hash(3))
        );
        assert_eq!(
            strip_markdown("**一、标题**"),
            ("一、标题".into(), Md::Bold)
        );
    }

    #[test]
    fn a_title_row_with_a_spaced_label_is_catalogue() {
        let line = "标      题 西藏自治区人民政府关于2017年度全区法治政府建设情况的报告";
        assert!(spaced_label(line));
        assert!(is_catalogue(line));
        let c = clean(&format!(
            "{line}\n2017年，在自治区党委、政府的坚强领导下，扎实推进法治政府建设。\n"
        ));
        assert_eq!(
            c.chrome_title.as_deref(),
            Some("西藏自治区人民政府关于2017年度全区法治政府建设情况的报告"),
            "{:?}",
            c.noise
        );
    }
}

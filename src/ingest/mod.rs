//! Bytes → [`Report`]: decode → clean → blocks (joined lines) → front matter and closing →
//! headings and levels → tree → metadata → labels. Pure functions, no terminal.

pub mod clean;
pub mod decode;
pub mod doc;
pub mod docx;
pub mod gazetteer;
pub mod headings;
pub mod html;
pub mod identity;
pub mod load;
pub mod meta;
pub mod mhtml;
pub mod ofd;
pub mod pdf;
pub mod samples;
pub mod script;
pub mod text;
mod tree;
pub mod xml;

use crate::corpus::{MetaLine, MetaLineKind, Report, ReportMeta};
use clean::{Line, Md};
use headings::{Style, parse_marker, starts_enumeration};
use text::{char_len, has_clause_punct, is_continuing, is_terminal};

pub use decode::{Decoded, Skip, decode};
pub use load::{load_paths, load_samples};

/// A run of source lines that belong together: a heading (with any inline body) or a
/// paragraph whose broken lines were joined.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// First and last source line.
    pub line: usize,
    pub end_line: usize,
    pub text: String,
    /// Byte offset in `text` where the last physical line appended starts.
    last_at: usize,
    pub blank_before: bool,
    pub md: Md,
    pub head: Option<Head>,
}

impl Block {
    /// The last physical line appended (for join decisions).
    fn last_phys(&self) -> &str {
        &self.text[self.last_at..]
    }
}

/// What makes a block a heading.
#[derive(Debug, Clone)]
pub(crate) struct Head {
    /// Numbering as written; `None` for an unnumbered heading.
    pub marker: Option<String>,
    pub style: Option<Style>,
    pub num: u32,
    /// Byte offset of the heading text inside `Block::text`.
    pub rest_at: usize,
}

/// Parse decoded text into a report. `path` is how the report is named.
pub fn parse(path: &str, decoded: Decoded) -> Report {
    let Decoded {
        text,
        encoding,
        warnings,
        format,
        emphasis,
    } = decoded;
    let format = match format {
        "txt" if is_markdown(path, &text) => "md",
        f => f,
    };
    // Pinyin printed after characters is the mirror's, not the report's.
    let text = script::strip_ruby(&text).unwrap_or(text);
    // A sharing site's watermark stamped into the text goes to noise.
    let (text, marks) = clean::strip_site_marks(&text).unwrap_or((text, Vec::new()));
    // A traditional-script page is parsed through its simplified fold.
    let (text, fold) = match script::fold(&text) {
        Some((folded, fold)) => (folded, Some(fold)),
        None => (text, None),
    };
    let cleaned = clean::clean(&text);
    let cleaned_fences = cleaned.code_fences;
    let mut cleaned = cleaned;
    apply_emphasis(&mut cleaned.lines, &emphasis);
    running_headers(&mut cleaned);
    let mut blocks = assemble(&cleaned.lines);
    let mut noise = cleaned.noise;
    noise.extend(marks);
    let mut dup_warnings = Vec::new();
    // A numbered heading pasted twice in a row: keep one, say so (one pass).
    let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
    for cur in blocks.drain(..) {
        if let Some(prev) = kept.last()
            && prev.head.as_ref().is_some_and(|h| h.marker.is_some())
            && cur.head.is_some()
            && prev.text == cur.text
        {
            dup_warnings.push(format!(
                "line {}: heading repeats line {}; kept once",
                cur.line, prev.line
            ));
            noise.push(cur.text);
        } else {
            kept.push(cur);
        }
    }
    let mut blocks = kept;
    let mut meta_lines = Vec::new();

    // Front matter: title lines, document number, bare year, addressee, date.
    let mut body_start = front_matter(&blocks, &mut meta_lines, cleaned.top_chrome_line);
    // A cover letter that forwards the document: the document starts after its signature,
    // with front matter of its own.
    if let Some((after, letter)) = cover_letter(&blocks, body_start) {
        let mut forwarded = Vec::new();
        let end = front_matter(&blocks[after..], &mut forwarded, 0);
        if forwarded.iter().any(|m| m.kind == MetaLineKind::Title) {
            for m in &mut meta_lines {
                if matches!(m.kind, MetaLineKind::Title | MetaLineKind::DuplicateTitle) {
                    m.kind = MetaLineKind::Letter;
                }
            }
            meta_lines.extend(letter.into_iter().map(|(i, kind)| MetaLine {
                line: blocks[i].line,
                kind,
                text: blocks[i].text.clone(),
            }));
            meta_lines.extend(forwarded);
            meta_lines.sort_by_key(|m| m.line);
            body_start = after + end;
        }
    }
    // Tail: signature block and closing paragraph.
    let (body_end, closing_blocks) = tail(&blocks, body_start);
    let closing_sig: Vec<String> = blocks[body_end..closing_blocks.1.max(body_end)]
        .iter()
        .skip(closing_blocks.0)
        .map(|b| b.text.clone())
        .collect();
    mark_unnumbered_headings(&mut blocks[body_start..body_end]);

    let mut report = Report {
        path: path.to_string(),
        encoding,
        format,
        meta: ReportMeta::default(),
        preamble: None,
        closing: None,
        sections: Vec::new(),
        roots: Vec::new(),
        meta_lines,
        noise,
        warnings,
    };
    report.warnings.extend(dup_warnings);
    tree::build(&mut report, &blocks[body_start..body_end]);
    let closing: Vec<&str> = blocks[body_end..].iter().map(|b| b.text.as_str()).collect();
    if !closing.is_empty() {
        report.closing = Some(closing.join("\n"));
    }
    let full_text = text.as_str();
    fill_meta(
        &mut report,
        &closing_sig,
        Chrome {
            date: cleaned.chrome_date,
            source: cleaned.source,
            title: cleaned.chrome_title,
            doc_number: cleaned.chrome_doc_number,
        },
        full_text,
    );
    crate::align::label_report(&mut report);
    let title = if report.meta.title_derived {
        String::new()
    } else {
        report.meta.title.clone()
    };
    report.meta.kind = if cleaned_fences >= 2 {
        // A developer's document (a README with code blocks) is about reports; no agency
        // wrote it, and the names and years in its examples are not its own.
        let m = &mut report.meta;
        (m.agency, m.region, m.level, m.year, m.date, m.agency_key) =
            (None, None, None, None, None, None);
        m.region_chain.clear();
        m.provenance = Default::default();
        "other"
    } else {
        document_kind(&title, &report)
    };
    // Other kinds answer other questions: no statutory parts.
    if report.meta.kind != "report" {
        for s in &mut report.sections {
            s.labels.retain(|l| !l.is_part());
        }
    }
    // Another kind of document is about a year only when its title says so (a 2024 work
    // plan); a year from its letter or its body is when it was written or a plan period.
    if report.meta.kind != "report" && report.meta.provenance.year != Some("title_line") {
        // An untitled explainer is about the document its opening names
        // ("《某县2024年法治政府建设工作要点》已制定发布……现作如下解读").
        // It is titled after that document ("《…》解读"), not as a report of its own.
        let cited = report
            .preamble
            .as_deref()
            .filter(|_| report.meta.title.is_empty() || report.meta.title_derived)
            .filter(|p| p.split('。').take(2).any(|s| s.contains("解读")))
            .and_then(|p| p.split('。').next())
            .and_then(|s| {
                let open = s.find('《')?;
                let close = s[open..].find('》')? + '》'.len_utf8() + open;
                Some(s[open..close].to_string())
            });
        // A wire's news item is about the report it announces ("3月17日，2025年山西省法治
        // 政府建设情况报告发布。"): its year, and its author where the item names no one.
        let announced = announced_report(report.preamble.as_deref());
        if let Some(named) = &announced
            && report.meta.agency.is_none()
        {
            let id = identity::resolve(&identity::Evidence {
                title: named,
                issuers: &[],
                signature: &[],
                addressees: &[],
                preamble: None,
                body: &[],
                chrome_source: None,
                full_text: named,
            });
            let m = &mut report.meta;
            if id.agency.is_some() {
                (m.agency, m.region, m.level, m.agency_key, m.region_chain) = (
                    id.agency,
                    id.region,
                    id.level,
                    id.agency_key,
                    id.region_chain,
                );
                m.provenance.agency = Some("preamble");
                m.provenance.level = id.level_src;
            }
        }
        let explained = cited
            .as_deref()
            .and_then(meta::first_year)
            .or_else(|| announced.as_deref().and_then(meta::first_year))
            .or_else(|| {
                (report.meta.kind == "info_disclosure")
                    .then(|| statistics_year(full_text))
                    .flatten()
            });
        if let Some(c) = cited {
            report.meta.title = format!("{c}解读");
        } else if report.meta.title_derived {
            // Not "…法治政府建设情况报告" composed from an agency and a year: the report a
            // news item announces, else the file's name.
            report.meta.title = match &announced {
                Some(n) => format!("《{n}》发布"),
                None => {
                    report.meta.provenance.title = Some("file_name");
                    file_name_title(&report.path)
                }
            };
        }
        report.meta.year = explained;
        report.meta.provenance.year = explained.map(|_| "preamble");
    }
    if let Some(fold) = fold {
        fold.unfold_report(&mut report);
    }
    report
}

/// The year an information-disclosure report covers, from the statistics period it
/// states ("本报告中所列数据统计期限自2022年1月1日起至12月31日止").
fn statistics_year(s: &str) -> Option<u16> {
    ["统计期限", "统计期间", "统计时限", "统计时间"]
        .iter()
        .find_map(|w| {
            let at = text::prefix(s, 8_000).find(w)? + w.len();
            meta::first_year(text::prefix(&s[at..], 60))
        })
}

/// The format's own heading evidence on the lines it marks (both in line order): a
/// heading style counts as a markdown heading of its depth, a bold paragraph as bold.
/// Markup the text carries itself (`##`, `**…**`) stands.
fn apply_emphasis(lines: &mut [Line], emphasis: &[(usize, decode::Emphasis)]) {
    let mut marks = emphasis.iter().peekable();
    for line in lines {
        while marks.next_if(|(no, _)| *no < line.no).is_some() {}
        if let Some((_, e)) = marks.next_if(|(no, _)| *no == line.no)
            && line.md == Md::None
        {
            line.md = match e {
                decode::Emphasis::Heading(d) => Md::Hash(*d),
                decode::Emphasis::Bold => Md::Bold,
            };
        }
    }
}

/// A cover letter at `start` that forwards the document below it ("现将《…》印发给你们，
/// 请认真贯彻落实。", "现将《…》（附后）随函报送。"), then its signature and date: the
/// index of the block after them, and the letter's blocks with what each is.
fn cover_letter(blocks: &[Block], start: usize) -> Option<(usize, Vec<(usize, MetaLineKind)>)> {
    const FORWARDS: &[&str] = &[
        "印发给你们",
        "印发你们",
        "转发给你们",
        "随函",
        "报送",
        "呈报",
        "报上",
        "附后",
    ];
    let mut letter = Vec::new();
    let mut i = start;
    // One to three short paragraphs, one of which forwards a named document.
    let mut forwards = false;
    while let Some(b) = blocks.get(i).filter(|_| i < start + 3) {
        let t = b.text.as_str();
        if b.head.is_some() || char_len(t) > 300 || t.contains("报告如下") {
            return None;
        }
        if meta::is_agency_name(t) || meta::date_line(t).is_some() {
            break;
        }
        forwards |= t.contains('《') && FORWARDS.iter().any(|w| t.contains(w));
        letter.push((i, MetaLineKind::Letter));
        i += 1;
    }
    if !forwards {
        return None;
    }
    // Signed, dated, or both: "某某局" over "2019年11月18日" (a date that lost its 年月日
    // to a copy is eight digits).
    let signed = i;
    while let Some(b) = blocks.get(i).filter(|_| i < signed + 3) {
        let t = b.text.as_str();
        let kind = if meta::date_line(t).is_some()
            || (t.len() == 8 && t.bytes().all(|c| c.is_ascii_digit()) && t.starts_with("20"))
        {
            MetaLineKind::Date
        } else if meta::is_agency_name(t) && i == signed {
            MetaLineKind::Issuer
        } else {
            break;
        };
        letter.push((i, kind));
        i += 1;
        if kind == MetaLineKind::Date {
            break;
        }
    }
    let next = blocks.get(i)?;
    (i > signed && (is_title_line(&next.text) || meta::is_agency_name(&next.text)))
        .then_some((i, letter))
}

/// A file in a published format other than text, recognised by its bytes (magic, zip
/// members, markup), as the line stream the parser reads; `None` for text.
fn extract_format(bytes: &[u8]) -> Option<Result<Decoded, Skip>> {
    type Format = (fn(&[u8]) -> bool, fn(&[u8]) -> Result<Decoded, Skip>);
    const FORMATS: &[Format] = &[
        (docx::is_docx, docx::extract),
        (ofd::is_ofd, ofd::extract),
        (doc::is_doc, doc::extract),
        (pdf::is_pdf, pdf::extract),
        (mhtml::is_mhtml, mhtml::extract),
        (html::is_html, html::extract),
    ];
    FORMATS
        .iter()
        .find(|(is, _)| is(bytes))
        .map(|(_, extract)| extract(bytes))
}

/// Decode and parse one file's bytes (a published format by its content, else text).
pub fn parse_bytes(path: &str, bytes: &[u8]) -> Result<Report, Skip> {
    let decoded = match extract_format(bytes) {
        Some(d) => d?,
        None => decode(bytes)?,
    };
    Ok(parse(path, decoded))
}

/// [`parse_bytes`] for an owned buffer (no copy of clean UTF-8).
pub fn parse_owned(path: &str, bytes: Vec<u8>) -> Result<Report, Skip> {
    let decoded = match extract_format(&bytes) {
        Some(d) => d?,
        None => decode::decode_owned(bytes)?,
    };
    Ok(parse(path, decoded))
}

/// Markdown: by its name (.md, .markdown), or text that opens with an ATX heading.
fn is_markdown(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown") || text.trim_start().starts_with("# ")
}

/// A PDF repeats the report's title at the top of every page: later lines identical to
/// an early title-like line go to noise, so the text around them joins up again.
fn running_headers(c: &mut clean::Cleaned) {
    let Some(title) = c
        .lines
        .iter()
        .take(6)
        .find(|l| l.text.contains("报告") && char_len(&l.text) <= 60)
        .map(|l| (l.no, l.text.clone()))
    else {
        return;
    };
    let mut kept = Vec::with_capacity(c.lines.len());
    for l in c.lines.drain(..) {
        if l.no > title.0 && l.text == title.1 {
            c.noise.push(l.text);
        } else {
            kept.push(l);
        }
    }
    c.lines = kept;
}

/// Join broken lines into blocks; every marker line starts a heading block.
fn assemble(lines: &[Line]) -> Vec<Block> {
    let wrap = wrap_width(lines);
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len());
    for line in lines {
        let marker = if matches!(line.md, Md::Table | Md::Item) {
            None
        } else {
            parse_marker(&line.text)
        };
        if marker.is_none()
            && let Some(cur) = blocks.last_mut()
            && can_join(cur, line, wrap)
        {
            let joiner = if cur.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                && line.text.starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                " "
            } else {
                ""
            };
            cur.text.push_str(joiner);
            cur.last_at = cur.text.len();
            cur.text.push_str(&line.text);
            cur.end_line = line.no;
            continue;
        }
        let head = marker.map(|m| Head {
            marker: Some(m.text),
            style: Some(m.style),
            num: m.num,
            rest_at: m.rest_at,
        });
        blocks.push(Block {
            line: line.no,
            end_line: line.no,
            text: line.text.clone(),
            last_at: 0,
            blank_before: line.blank_before,
            md: line.md,
            head,
        });
    }
    blocks
}

/// Short, unpunctuated: a heading or title line, never half of a broken sentence.
fn looks_like_heading_line(s: &str) -> bool {
    char_len(s) <= 40 && !has_clause_punct(s) && !s.trim_end_matches('。').contains('。')
}

/// Display width of a line (CJK two cells, ASCII one).
fn width(s: &str) -> usize {
    text::display_width(s)
}

/// The fixed width a PDF extraction wrapped the text at, if it did: the most common
/// width among long lines that end mid-sentence, when many lines share it.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for l in lines {
        // Width never exceeds the byte length: skip short lines before measuring.
        if l.md != Md::None || l.text.len() < 30 || l.text.ends_with(is_terminal) {
            continue;
        }
        let w = width(&l.text);
        if w >= 30 {
            *counts.entry(w).or_default() += 1;
        }
    }
    // Lines wrap a cell or two short of the width (a CJK character does not fit, a
    // closing mark may not start a line): count each width with the two below it.
    let (w, n) = counts
        .keys()
        .map(|&w| {
            (
                w,
                (w.saturating_sub(2)..=w)
                    .map(|x| counts.get(&x).copied().unwrap_or(0))
                    .sum::<usize>(),
            )
        })
        .max_by_key(|&(w, n)| (n, w))?;
    (n >= 5 && n * 4 >= lines.len()).then_some(w)
}

/// Should `line` continue the block `cur` (a line broken mid-sentence)?
fn can_join(cur: &Block, line: &Line, wrap: Option<usize>) -> bool {
    if matches!(line.md, Md::Hash(_) | Md::Bold | Md::Table)
        || matches!(cur.md, Md::Hash(_) | Md::Table)
    {
        return false;
    }
    if starts_enumeration(&line.text) {
        return false;
    }
    // A whole report title (or a notice's: "关于印发…的通知") is never the start of a
    // paragraph, however long it is; nor is the addressee line after it.
    if cur.line == cur.end_line
        && (is_complete_title(&cur.text)
            || (cur.text.contains("关于") && cur.text.ends_with("的通知")))
    {
        return false;
    }
    if is_addressee(&line.text) {
        return false;
    }
    // A signature of joint issuers: an agency line, then another agency or the date.
    if cur.last_phys().len() <= 90
        && meta::is_agency_name(cur.last_phys())
        && (meta::is_agency_name(&line.text) || meta::date_line(&line.text).is_some())
    {
        return false;
    }
    // A line in another script (a Tibetan or Uyghur letterhead) is never half of a
    // Chinese sentence.
    if is_foreign_line(&line.text) || is_foreign_line(cur.last_phys()) {
        return false;
    }
    // A heading split over two lines (PDF extraction): a bare numbered title, then a
    // short unpunctuated tail on the very next line.
    if let Some(h) = &cur.head
        && cur.line == cur.end_line
        && !line.blank_before
    {
        let rest = &cur.text[h.rest_at..];
        if looks_like_heading_line(rest)
            && !rest.ends_with('。')
            && char_len(&line.text) <= 12
            && !has_clause_punct(&line.text)
            && !line.text.contains('。')
        {
            return true;
        }
    }
    let Some(last) = cur.last_phys().chars().last() else {
        return false;
    };
    // A line that filled the page width of a wrapped PDF and stops mid-sentence goes on,
    // however heading-like it looks (a heading never fills the width).
    if let Some(w) = wrap
        && width(cur.last_phys()) + 2 >= w
        && !is_terminal(last)
    {
        return true;
    }
    // A bare heading (no inline body) is complete unless its last word is cut off.
    if let Some(h) = &cur.head
        && cur.line == cur.end_line
        && !cur.text[h.rest_at..].contains(is_terminal)
        && !is_continuing(last)
    {
        return false;
    }
    let Some(last) = Some(last) else {
        return false;
    };
    if is_continuing(last) {
        return true;
    }
    if is_terminal(last) {
        return false;
    }
    if matches!(last, '”' | '’' | '」' | '』' | '）' | ')' | '》') {
        let before = cur.last_phys().chars().rev().nth(1);
        if before.is_some_and(is_terminal) {
            return false;
        }
    }
    // Ends mid-sentence. Join only prose: a short unpunctuated line is a heading/title.
    !looks_like_heading_line(cur.last_phys())
}

/// A line in another script: letters (Hangul, Mongolian, Uyghur, Latin …) but no Chinese
/// characters.
fn is_foreign_line(t: &str) -> bool {
    char_len(t) <= 120 && !t.chars().any(text::is_cjk) && t.chars().any(|c| c.is_alphabetic())
}

/// Consume title lines, document number, bare year, date and addressee at the top.
/// Returns the index of the first body block.
fn front_matter(blocks: &[Block], meta_lines: &mut Vec<MetaLine>, top_chrome: usize) -> usize {
    // Front matter is a handful of lines; looking further only costs time (the checks
    // below compare runs with each other).
    const FRONT_MAX: usize = 40;
    let blocks = &blocks[..blocks.len().min(FRONT_MAX)];
    // The document's title, if a line near the top is one: whatever stands above it that
    // is not metadata or a letterhead is page furniture.
    // Furniture is short: a long line above a title-like line means it is no title.
    let anchor = blocks
        .iter()
        .take(12)
        .take_while(|b| b.head.is_none())
        .position(|b| is_complete_title(&b.text) && b.line == b.end_line)
        .filter(|&a| blocks[..a].iter().all(|b| char_len(&b.text) <= 80))
        // Above a cover letter's addressee stands the letter's own title, not furniture:
        // the later title is the forwarded document's.
        .filter(|&a| !blocks[..a].iter().any(|b| is_addressee(&b.text)));
    let mut i = 0;
    let mut titles: Vec<(usize, usize)> = Vec::new(); // runs of title blocks [start, end)
    while i < blocks.len() {
        let b = &blocks[i];
        if b.head.is_some() {
            break;
        }
        let t = b.text.as_str();
        let kind = if meta::bare_year(t).is_some() {
            Some(MetaLineKind::Year)
        } else if meta::date_line(t.trim_matches(['(', '（', ')', '）'])).is_some()
            || dateline(t).is_some()
        {
            // Also in brackets under a title ("（2024年1月31日）").
            Some(MetaLineKind::Date)
        } else if char_len(t) <= 40 && !t.contains('。') && meta::find_doc_number(t).is_some() {
            Some(MetaLineKind::DocNumber)
        } else if is_addressee(t) {
            Some(MetaLineKind::Addressee)
        } else if is_foreign_line(t) {
            Some(MetaLineKind::ParallelTitle)
        } else if meta::is_agency_name(t)
            && !titles.is_empty()
            && meta_lines
                .last()
                .is_some_and(|m| matches!(m.kind, MetaLineKind::Date | MetaLineKind::Issuer))
        {
            // A byline under the title and its date ("2023-01-03" / "某某区教育局").
            Some(MetaLineKind::Issuer)
        } else if meta::is_agency_name(t)
            && titles.last().is_some_and(|r| r.1 == i)
            && blocks.get(i + 1).is_some_and(|n| {
                let d = n.text.trim_matches(['(', '（', ')', '）']);
                meta::date_line(d).is_some() || dateline(d).is_some()
            })
        {
            // The same byline above its date ("某某厅" / "（2024年1月31日）").
            Some(MetaLineKind::Issuer)
        } else {
            None
        };
        if let Some(kind) = kind {
            meta_lines.push(MetaLine {
                line: b.line,
                kind,
                text: t.to_string(),
            });
            i += 1;
            continue;
        }
        let above_title = anchor.is_some_and(|a| i < a);
        // Above the page's chrome: furniture, unless it reads as the document's title (the
        // page title usually stands above 发布时间/来源).
        let above_chrome = b.line < top_chrome && !names_document(t);
        // An agency line right above the title may be its first half ("某某局 / 2024年度…报告").
        // Also a party group's name ("中共某某局党组 / 2022年度…报告").
        let party_group = t.starts_with("中共") && (t.ends_with("党组") || t.ends_with("党委"));
        let title_half = (meta::is_agency_name(t) || party_group)
            && anchor == Some(i + 1)
            && blocks[i + 1].line == b.end_line + 1;
        // Joint issuers over three lines: "中共某某工作委员会 / 某某办事处 / 关于…的报告".
        let joint_half = t.starts_with("中共")
            && meta::is_agency_name(t)
            && anchor == Some(i + 2)
            && meta::is_agency_name(&blocks[i + 1].text)
            && blocks[i + 1].line == b.end_line + 1
            && blocks[i + 2].line == blocks[i + 1].end_line + 1;
        let title_half = title_half || joint_half;
        if (above_title || above_chrome) && !title_half {
            // A site's or agency's name up there is a letterhead.
            meta_lines.push(MetaLine {
                line: b.line,
                kind: if meta::is_agency_name(t) {
                    MetaLineKind::Issuer
                } else {
                    MetaLineKind::Chrome
                },
                text: t.to_string(),
            });
            i += 1;
            continue;
        }
        // A title may have been joined from two or three broken lines ("关于印发…建设" /
        // "工作安排的通知").
        let lines = b.end_line - b.line + 1;
        if is_title_line(t) && (lines == 1 || (lines <= 3 && names_document(t))) {
            // A second complete title right after one (a page title, then the body's
            // own) starts a run of its own.
            let after_complete = i > 0 && is_complete_title(&blocks[i - 1].text);
            // A line the run already says is a copy of part of it (a page title, then
            // the body's title without its agency): a run of its own.
            let repeats = titles.last().is_some_and(|&(s, e)| {
                e == i
                    && blocks[s..e]
                        .iter()
                        .any(|r| is_complete_title(&r.text) && r.text.contains(t))
            });
            match titles.last_mut() {
                // A title line that ends on a joining word ("…建设情况暨") goes on after a
                // blank line too ("2021年工作安排的报告").
                Some(run)
                    if run.1 == i
                        && (!b.blank_before
                            || blocks[i - 1]
                                .text
                                .ends_with(['暨', '和', '及', '与', '的', '、']))
                        && !(after_complete && is_complete_title(t))
                        && !repeats =>
                {
                    run.1 = i + 1
                }
                _ => titles.push((i, i + 1)),
            }
            i += 1;
            continue;
        }
        break;
    }
    // A run only counts as a title if something in it says what the document is, or it
    // is an agency line next to such a run; otherwise it is body (e.g. a first heading).
    let joined: Vec<String> = titles
        .iter()
        .map(|&(s, e)| blocks[s..e].iter().map(|b| b.text.as_str()).collect())
        .collect();
    let mut accepted: Vec<usize> = Vec::new();
    let mut issuers: Vec<usize> = Vec::new();
    for (k, j) in joined.iter().enumerate() {
        // "张店区科技局 / 2024年度…报告": the agency half of a split title. But when the
        // next line names its own agency, this one is a letterhead or site banner.
        let next_names_agency = joined
            .get(k + 1)
            .is_some_and(|n| meta::agency_from_title(n).is_some());
        // On the next source line: a site banner several lines above the title is not
        // half of it.
        let agency_next_to_title = meta::is_agency_name(j)
            && !next_names_agency
            && joined.get(k + 1).is_some_and(|n| names_document(n))
            && titles[k].1 == titles[k + 1].0
            && blocks[titles[k + 1].0].line == blocks[titles[k].1 - 1].end_line + 1;
        // A whole report title may name a part ("…情况及2021年度工作安排的报告"); a
        // first heading that names one is body.
        // So may a notice that issues one ("关于印发…工作安排的通知").
        let report_title = is_complete_title(j)
            && (j.ends_with("报告")
                || j.ends_with("報告")
                || j.ends_with("总结")
                || j.contains("关于"))
            || (j.contains("关于") && j.ends_with("的通知"))
            // And a plan's title that names its place, then its year ("西平县2020年度
            // 法治政府建设工作安排"; a part heading starts with the year or names none).
            || (is_complete_title(j)
                && (j.ends_with("安排") || j.ends_with("要点"))
                && meta::first_year(j).is_some()
                && !j.starts_with(|c: char| c.is_ascii_digit()));
        // A shortened copy of a title above it ("券桥镇2022年度法治政府建设").
        let shortened_copy =
            char_len(j) >= 6 && joined[..k].iter().any(|t| t.starts_with(j.as_str()));
        if names_document(j) && (!is_part_heading(j) || report_title)
            || agency_next_to_title
            || shortened_copy
        {
            accepted.push(k);
        } else if meta::is_agency_name(j) && joined[k + 1..].iter().any(|n| names_document(n)) {
            issuers.push(k);
        } else {
            break;
        }
    }
    for &k in &issuers {
        let (s, e) = titles[k];
        for b in &blocks[s..e] {
            meta_lines.push(MetaLine {
                line: b.line,
                kind: MetaLineKind::Issuer,
                text: b.text.clone(),
            });
        }
    }
    // Everything before the last accepted title run (or the last meta line) is front matter.
    let mut end = accepted.last().map(|&k| titles[k].1).unwrap_or(0).max(
        meta_lines.iter().map(|m| m.line).max().map_or(0, |l| {
            blocks
                .iter()
                .position(|b| b.line > l)
                .unwrap_or(blocks.len())
        }),
    );
    end = end.min(i);
    // A block that is neither metadata nor an accepted title ends the front matter: it
    // is body text, whatever follows it.
    let recorded = |idx: usize| {
        meta_lines.iter().any(|m| m.line == blocks[idx].line)
            || accepted
                .iter()
                .any(|&k| (titles[k].0..titles[k].1).contains(&idx))
    };
    if let Some(first_body) = (0..end).find(|&idx| !recorded(idx)) {
        end = first_body;
    }
    // Meta lines after `end` are not front matter after all.
    meta_lines.retain(|m| {
        blocks
            .iter()
            .position(|b| b.line == m.line)
            .is_some_and(|p| p < end)
    });
    let mut seen: Vec<String> = Vec::new();
    // Of several complete titles (a page title, then the body's own), the last is the
    // document's; the others are kept as duplicates.
    let last_complete = accepted
        .iter()
        .copied()
        .rfind(|&k| titles[k].1 <= end && is_complete_title(&joined[k]));
    for &k in &accepted {
        let (s, e) = titles[k];
        if e > end {
            break;
        }
        let title = &joined[k];
        // (Unless the later one is only part of this one: a title split over two lines
        // after a page title that has it whole.)
        let superseded = last_complete.is_some_and(|l| {
            l != k && is_complete_title(title) && !title.contains(joined[l].as_str())
        });
        let dup = superseded
            || seen
                .iter()
                .any(|t| t.contains(title.as_str()) || title.contains(t.as_str()));
        for b in &blocks[s..e] {
            meta_lines.push(MetaLine {
                line: b.line,
                kind: if dup {
                    MetaLineKind::DuplicateTitle
                } else {
                    MetaLineKind::Title
                },
                text: b.text.clone(),
            });
        }
        seen.push(title.clone());
    }
    meta_lines.sort_by_key(|m| m.line);
    end
}

/// A line that says what document this is (a title, or half of one).
fn names_document(s: &str) -> bool {
    [
        "报告", "总结", "情况", "要点", "工作", "年报", "報告", "總結", "情況", "通知", "规划",
        "方案", "解读",
    ]
    .iter()
    .any(|w| s.contains(w))
}

/// A line that is a whole report title by itself: it names the subject and the kind of
/// document ("…法治政府建设情况报告", "…依法行政工作总结", "…法治政府建设工作情况").
fn is_complete_title(s: &str) -> bool {
    // A page's date after the title ("…的情况报告 ( 2021年02月10日 )") is no part of it.
    let s = without_trailing_date(s);
    // The ending first: most lines fail it, and it costs least.
    let body = s.strip_suffix('》').unwrap_or(s);
    [
        "报告", "報告", "总结", "總結", "情况", "情況", "要点", "安排", "年报", "解读",
    ]
    .iter()
    .any(|w| body.ends_with(w))
        && s.len() <= 60 * 4
        && (8..=60).contains(&char_len(s))
        && is_title_line(s)
        && parse_marker(s).is_none()
        && ["法治", "依法行政", "法制"].iter().any(|w| s.contains(w))
}

/// `s` without a date in brackets at its end ("…报告 (2025-03-26)", "…报告（2024年1月8日）").
fn without_trailing_date(s: &str) -> &str {
    let t = s.trim_end();
    if !t.ends_with([')', '）']) {
        return s;
    }
    match t.rfind(['(', '（']) {
        Some(open)
            if meta::date_line(
                t[open..]
                    .trim_start_matches(['(', '（'])
                    .trim_end_matches([')', '）'])
                    .trim(),
            )
            .is_some() =>
        {
            t[..open].trim_end()
        }
        _ => s,
    }
}

/// An agency and a date on one line ("清水县人民政府 2024年01月08日"): the date.
fn dateline(s: &str) -> Option<String> {
    let i = s.find(|c: char| c.is_ascii_digit())?;
    meta::is_agency_name(s[..i].trim())
        .then(|| meta::date_line(&s[i..]))
        .flatten()
}

fn is_title_line(s: &str) -> bool {
    char_len(s) <= 60 && !has_clause_punct(s) && !s.contains('。') && !starts_enumeration(s)
}

fn is_addressee(s: &str) -> bool {
    let Some(name) = s.strip_suffix('：').or_else(|| s.strip_suffix(':')) else {
        return false;
    };
    const BODIES: &[&str] = &[
        "办", "委", "政府", "局", "厅", "领导", "部", "院", "会", "室", "单位",
    ];
    let body = |n: &str| BODIES.iter().any(|w| n.contains(w));
    // A document's title cut at a catalogue label ("某局2024年度…报告 - 文号：").
    if name.contains('。') || name.contains("报告") || char_len(name) > 100 {
        return false;
    }
    if !has_clause_punct(name) {
        return char_len(name) <= 30 && body(name);
    }
    // A list of recipients ("永昌县、金川区人民政府，市政府各部门、单位，…"): every item
    // between commas names a body, and none is a clause.
    name.split(['，', ',', '；', ';'])
        .all(|item| (2..=30).contains(&char_len(item)) && body(item))
}

/// A heading that names one of the statutory parts (strong cue words only).
/// Only the start of a block is looked at: a heading is short, and an inline heading's
/// body does not name its part.
pub(crate) fn is_part_heading(s: &str) -> bool {
    let end = s
        .char_indices()
        .nth(60)
        .map_or(s.len(), |(i, _)| i)
        .min(s.find('。').unwrap_or(s.len()));
    !crate::align::strong_parts(&s[..end]).is_empty()
}

/// Find the signature block and a closing paragraph at the end.
/// Returns (index of the first closing block, (closing paragraphs count, _)).
fn tail(blocks: &[Block], start: usize) -> (usize, (usize, usize)) {
    let trailer = trailer_start(blocks, start);
    let mut end = trailer;
    let mut sig = 0;
    while end > start && sig < 5 {
        let b = &blocks[end - 1];
        let t = b.text.trim_end_matches('。');
        let is_sig = b.head.is_none()
            && b.line == b.end_line
            && (meta::date_line(t).is_some()
                || meta::is_agency_name(t)
                || is_township_name(t)
                || t == "特此报告"
                || (char_len(t) <= 40
                    && meta::find_date(t).is_some()
                    && !has_clause_punct(t)
                    && meta::find_date(t).is_some_and(|_| t.ends_with('日'))));
        if !is_sig {
            break;
        }
        end -= 1;
        sig += 1;
    }
    let mut paras = 0;
    if end > start {
        let b = &blocks[end - 1];
        const CUES: &[&str] = &[
            "特此报告",
            "今后的工作中",
            "今后工作中",
            "在新的一年里",
            "新的一年里",
            "总之，",
            "综上所述",
        ];
        let cue = CUES.iter().any(|c| b.text.contains(c));
        if b.head.is_none() && cue && (sig > 0 || b.text.contains("特此报告")) {
            // Keep at least one paragraph in a body that has no heading after it.
            let prev_has_content = end - 1 > start;
            if prev_has_content {
                end -= 1;
                paras = 1;
            }
        }
    }
    (end, (paras, trailer))
}

/// A township or street signing by its bare name ("靖港镇", "白沙路街道").
fn is_township_name(t: &str) -> bool {
    (2..=10).contains(&char_len(t))
        && t.chars().all(text::is_cjk)
        && ["镇", "乡", "街道"].iter().any(|s| t.ends_with(s))
}

/// Attachments and footnotes after the signature ("附件：1.…", "[1]…", "注：…"): they
/// belong to the closing, and the signature is looked for before them.
fn trailer_start(blocks: &[Block], start: usize) -> usize {
    let n = blocks.len();
    let mut t = n;
    // Footnotes at the very end.
    while t > start {
        let x = blocks[t - 1].text.as_str();
        let note = x.starts_with('[') && x[1..].starts_with(|c: char| c.is_ascii_digit())
            || x.starts_with('［')
            || x.starts_with("注：")
            || x.starts_with("注:")
            // "（此件公开发布）", "（联系人：…）": a note under the signature.
            || (x.starts_with(['（', '(']) && x.ends_with(['）', ')']) && char_len(x) <= 30);
        if !note {
            break;
        }
        t -= 1;
    }
    // An attachment list among the last few blocks (everything after it is the list).
    let from = t.saturating_sub(8).max(start);
    if let Some(a) = (from..t).rev().find(|&i| {
        let x = blocks[i].text.as_str();
        x.starts_with("附件") && blocks[i].head.is_none() && char_len(x) <= 80
    }) {
        t = a;
    }
    t
}

/// Mark short standalone lines as unnumbered headings.
fn mark_unnumbered_headings(blocks: &mut [Block]) {
    let shapes: Vec<bool> = blocks.iter().map(heading_shape).collect();
    for i in 0..blocks.len() {
        if blocks[i].head.is_some() || !shapes[i] {
            continue;
        }
        let b = &blocks[i];
        // A cover letter's signature ("某某市人民政府" over its date) and the title of
        // the document it forwards, just after that date, are no sections.
        let signs = meta::is_agency_name(&b.text)
            && blocks
                .get(i + 1)
                .is_some_and(|n| meta::date_line(&n.text).is_some());
        let after_date = blocks[i.saturating_sub(2)..i]
            .iter()
            .any(|p| meta::date_line(&p.text).is_some());
        if signs || after_date {
            continue;
        }
        let strong = is_part_heading(&b.text);
        let next_ok = match blocks.get(i + 1) {
            None => false,
            Some(n) => n.head.is_some() || !shapes[i + 1] || strong,
        };
        let hashed = matches!(b.md, Md::Hash(_)) || b.md == Md::Bold;
        // A short line ending in 。 is a heading only when body text follows it; before
        // another heading it is a one-sentence paragraph.
        let next_is_body = blocks
            .get(i + 1)
            .is_some_and(|n| n.head.is_none() && !shapes[i + 1]);
        let next_ok = next_ok && (!b.text.ends_with('。') || hashed || next_is_body);
        if next_ok || (hashed && blocks.get(i + 1).is_some()) {
            blocks[i].head = Some(Head {
                marker: None,
                style: None,
                num: 0,
                rest_at: 0,
            });
        }
    }
}

/// A table or figure caption: 表1 …, 附表2 …, 图3 ….
fn is_caption(t: &str) -> bool {
    ["表", "附表", "图", "附图"].iter().any(|p| {
        t.strip_prefix(p).is_some_and(|r| {
            r.starts_with(|c: char| {
                text::ascii_digit(c).is_some() || "一二三四五六七八九十".contains(c)
            })
        })
    })
}

/// The shape of an unnumbered heading: one short line without clause punctuation.
fn heading_shape(b: &Block) -> bool {
    if b.line != b.end_line || matches!(b.md, Md::Table | Md::Item) {
        return false;
    }
    let t = b.text.as_str();
    // Cheap tests first: most blocks are paragraphs.
    if t.len() > 60 * 4 {
        return false;
    }
    let n = char_len(t);
    let hashed = matches!(b.md, Md::Hash(_)) || b.md == Md::Bold;
    // A markdown heading may be one word ("## 安装"); a plain line needs four characters.
    let shortest = if hashed { 2 } else { 4 };
    if !(shortest..=60).contains(&n)
        || has_clause_punct(t)
        || is_caption(t)
        || starts_enumeration(t)
    {
        return false;
    }
    if n > 40 && !hashed && !is_part_heading(t) {
        return false;
    }
    let body = t.strip_suffix('。').unwrap_or(t);
    if body.contains('。') || body.contains('…') {
        return false;
    }
    if meta::date_line(t).is_some() || meta::bare_year(t).is_some() {
        return false;
    }
    if t.chars()
        .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c == ' ')
    {
        return false;
    }
    if t.ends_with('。') && !hashed {
        // A full stop makes a short sentence likely; accept only plain short phrases.
        return n <= 25 && !t.chars().any(|c| c.is_ascii_digit());
    }
    true
}

/// Title, agency, region, level, year, date, document number.
/// What the page chrome said about the document.
struct Chrome {
    date: Option<String>,
    source: Option<String>,
    title: Option<String>,
    doc_number: Option<String>,
}

fn fill_meta(report: &mut Report, signature: &[String], chrome: Chrome, full_text: &str) {
    let Chrome {
        date: chrome_date,
        source,
        title: chrome_title,
        doc_number: chrome_doc_number,
    } = chrome;
    let title_lines: Vec<&str> = report
        .meta_lines
        .iter()
        .filter(|m| m.kind == MetaLineKind::Title)
        .map(|m| m.text.as_str())
        .collect();
    let mut title: String = title_lines.concat();
    // A site's column tag before the title ("【文字解读】《…》文件解读", "【省政府法治建设报告】")
    // is the site's.
    if let Some(rest) = title.strip_prefix('【')
        && let Some(close) = rest.find('】')
        && char_len(&rest[..close]) <= 12
        && char_len(&rest[close + '】'.len_utf8()..]) >= 6
    {
        title = rest[close + '】'.len_utf8()..].to_string();
    }
    // A site's banner run into the title ("某某之家—全网资源每日更新www.example.com湖北省…报告"):
    // the title starts after the site's address.
    if let Some(at) = [".com", ".cn", ".net", ".org"]
        .iter()
        .filter_map(|d| title.find(d).map(|i| i + d.len()))
        .max()
        && is_complete_title(&title[at..])
    {
        title = title[at..].to_string();
    }
    // A news headline: "…情况报告发布", "…报告全文".
    for tail in ["发布", "公布", "出炉", "全文"] {
        if let Some(t) = title.strip_suffix(tail)
            && t.ends_with("报告")
        {
            title.truncate(t.len());
        }
    }
    // A page's date written after its title: "…情况报告 (2025-03-26)".
    let mut title_date = None;
    if let Some(open) = title.rfind(['(', '（'])
        && let inner = title[open..]
            .trim_start_matches(['(', '（'])
            .trim_end_matches([')', '）'])
            .trim()
        && title.ends_with([')', '）'])
        && let Some(d) = meta::date_line(inner)
    {
        title_date = Some(d);
        title.truncate(open);
        title.truncate(title.trim_end().len());
    }
    // No title line, but the catalogue names the document, or an encyclopedia's lead
    // sentence does ("《某某市人民政府2018年度…报告》是2019年…发布的通知。", clean.rs).
    let title_from_chrome = title.is_empty() && chrome_title.is_some();
    if title_from_chrome {
        title = chrome_title.unwrap_or_default();
    }
    // A document number run into the title ("[某政发〔2026〕7号]某某市人民政府关于…").
    if let Some(n) = meta::find_doc_number(&title)
        && let Some(at) = title.find(n.as_str())
        && title[..at]
            .trim_start_matches(['[', '【', '(', '（'])
            .is_empty()
    {
        let rest = title[at + n.len()..].trim_start_matches([']', '】', ')', '）', ' ']);
        if is_complete_title(rest) {
            title = rest.to_string();
        }
    }
    let doc_number = report
        .meta_lines
        .iter()
        .find(|m| m.kind == MetaLineKind::DocNumber)
        .and_then(|m| meta::find_doc_number(&m.text))
        .or(chrome_doc_number);

    let lines_of = |k: MetaLineKind| -> Vec<&str> {
        report
            .meta_lines
            .iter()
            .filter(|m| m.kind == k)
            .map(|m| m.text.as_str())
            .collect()
    };
    let issuers = lines_of(MetaLineKind::Issuer);
    let addressees = lines_of(MetaLineKind::Addressee);
    let body: Vec<&str> = report
        .sections
        .iter()
        .take(3)
        .map(|s| s.text.as_str())
        .collect();
    let id = identity::resolve(&identity::Evidence {
        title: &title,
        issuers: &issuers,
        signature,
        addressees: &addressees,
        preamble: report.preamble.as_deref(),
        body: &body,
        chrome_source: source.as_deref(),
        full_text,
    });
    let agency = id.agency.clone();
    let region = id.region.clone();
    let level = id.level;
    let mut prov = crate::corpus::Provenance {
        agency: id.agency_src,
        level: id.level_src,
        ..Default::default()
    };

    // Year reported on: title, preamble, a bare year line, then a plan section's year − 1.
    let plan_year = report.sections.iter().find_map(|s| {
        (s.level == 1
            && crate::align::strong_parts(&s.title).contains(&crate::corpus::Label::NextYearPlan))
        .then(|| meta::first_year(&s.title))
        .flatten()
        .map(|y| y - 1)
    });
    let tag = |src: &'static str| move |y| (y, src);
    let year = meta::first_year(&title)
        .map(tag("title_line"))
        .or_else(|| {
            report
                .preamble
                .as_deref()
                .and_then(|p| meta::leading_year(p).or_else(|| meta::first_year(p)))
                .map(tag("preamble"))
        })
        .or_else(|| {
            report.meta_lines.iter().find_map(|m| {
                (m.kind == MetaLineKind::Year)
                    .then(|| meta::bare_year(&m.text))
                    .flatten()
                    .map(tag("preamble"))
            })
        })
        .or(plan_year.map(tag("inferred")))
        .or_else(|| {
            report
                .sections
                .iter()
                .take(3)
                .find_map(|s| meta::leading_year(&s.text).or_else(|| meta::first_year(&s.title)))
                .map(tag("body"))
        })
        .or_else(|| {
            // No dated opening: the year the body names most ("2022年我镇新制发…").
            meta::most_named_year(text::prefix(full_text, 24_000)).map(tag("inferred"))
        });
    prov.year = year.map(|(_, s)| s);
    let year = year.map(|(y, _)| y);

    let date = signature
        .iter()
        .rev()
        .find_map(|l| meta::date_line(l))
        .map(|d| (d, "signature"))
        .or_else(|| {
            report.meta_lines.iter().find_map(|m| {
                // "2024年1月8日", or a dateline "某某县人民政府 2024年01月08日".
                let dated = |t: &str| {
                    meta::date_line(t.trim_matches(['(', '（', ')', '）'])).or_else(|| dateline(t))
                };
                (m.kind == MetaLineKind::Date)
                    .then(|| dated(&m.text))
                    .flatten()
                    .map(|d| (d, "preamble"))
            })
        })
        .or_else(|| {
            // A cover letter's own date line, between its text and the document it
            // forwards.
            report
                .preamble
                .as_deref()?
                .lines()
                .take(12)
                .find_map(meta::date_line)
                .map(|d| (d, "preamble"))
        })
        .or(title_date.map(|d| (d, "title_line")))
        .or(chrome_date.map(|d| (d, "chrome")));
    prov.date = date.as_ref().map(|(_, s)| *s);
    let date = date.map(|(d, _)| d);
    if let (Some(d), Some(y)) = (&date, year)
        && d[..4].parse::<u16>().is_ok_and(|dy| dy < y)
    {
        report.warnings.push(format!(
            "date {d} is earlier than the year reported on ({y})"
        ));
    }

    prov.title = Some(if title.is_empty() {
        if agency.is_none() && year.is_none() {
            "file_name"
        } else {
            "inferred"
        }
    } else if title_from_chrome {
        "chrome"
    } else {
        "title_line"
    });
    let (title, derived) = if title.is_empty() {
        let composed = match (&agency, year) {
            (Some(a), Some(y)) => format!("{a}{y}年度法治政府建设情况报告"),
            (Some(a), None) => format!("{a}法治政府建设情况报告"),
            (None, Some(y)) => format!("{y}年度法治政府建设情况报告"),
            (None, None) => file_name_title(&report.path),
        };
        (composed, true)
    } else {
        (title, false)
    };
    report.meta = ReportMeta {
        title,
        title_derived: derived,
        agency,
        region,
        level,
        year,
        date,
        doc_number,
        source,
        agency_key: id.agency_key,
        region_chain: id.region_chain,
        provenance: prov,
        // Decided once the sections are labelled (see `parse`).
        kind: "report",
    };
}

/// A title from the file's name, for a document that gives none of its own.
fn file_name_title(path: &str) -> String {
    let stem = path.rsplit(['/', '\\', ':']).next().unwrap_or(path);
    // A file name is not the document's text: it never passed decoding's filter, so it
    // becomes a display field only through Safe.
    crate::safe::Safe::line(stem.trim_end_matches(".txt").trim_end_matches(".md")).into_string()
}

/// The report a wire's news item announces, as the item names it: "中新网太原3月17日电
/// …2025年山西省法治政府建设情况报告发布。" → "2025年山西省法治政府建设情况报告".
fn announced_report(preamble: Option<&str>) -> Option<String> {
    let lead = preamble?
        .split('\n')
        .take(3)
        .find(|l| clean::is_wire_lead(l))?;
    let sentence = lead.split('。').find(|s| s.contains("报告"))?;
    let end = sentence.find("报告")? + "报告".len();
    let clause = sentence[..end].rsplit(['，', ',', ' ', '）', ')']).next()?;
    let clause = clause.rsplit("日电").next().unwrap_or(clause);
    (clause.chars().count() >= 6 && meta::first_year(clause).is_some()).then(|| clause.to_string())
}

/// What kind of document this is: a 法治政府建设 report, a 政府信息公开 annual report, a
/// plan (工作要点, 工作安排, 工作计划), or something else (a notice, an explainer, a README).
fn document_kind(title: &str, report: &Report) -> &'static str {
    // What the document calls itself: its title, else its first lines.
    let head: String = report
        .meta_lines
        .iter()
        .map(|m| m.text.as_str())
        .chain(
            report
                .preamble
                .as_deref()
                .map(|p| p.split('\n').next().unwrap_or(p)),
        )
        .collect::<Vec<_>>()
        .join("\n")
        .chars()
        .take(120)
        .collect();
    let t = if title.is_empty() {
        head.as_str()
    } else {
        title
    };
    let has = |w: &[&str]| w.iter().any(|x| t.contains(x));
    if has(&[
        "信息公开工作年度报告",
        "信息公开年度报告",
        "信息公开年报",
        "信息公開工作年度報告",
    ]) {
        return "info_disclosure";
    }
    // Only a title says "this is a notice / a plan"; a preamble cites such documents.
    let titled = !title.is_empty();
    if titled
        && has(&["政策解读", "解读", "的通知", "实施方案", "示范创建"])
        && !t.ends_with("报告")
    {
        return "other";
    }
    // Untitled, but its opening says it explains another document ("现作如下解读").
    if !titled && has(&["如下解读", "解读如下"]) {
        return "other";
    }
    if titled && has(&["工作要点", "工作安排", "工作计划"]) && !has(&["报告", "報告"])
    {
        return "plan";
    }
    let opening: Vec<&str> = report
        .preamble
        .as_deref()
        .map(|p| p.split('\n').take(3).collect())
        .unwrap_or_default();
    // A wire's news item about a report ("中新网太原3月17日电 …报告发布。"), not a reprint
    // of it ("…发布…报告。具体报告如下：").
    if opening
        .iter()
        .any(|l| clean::is_wire_lead(l) && !["如下", "全文"].iter().any(|w| l.contains(w)))
    {
        return "other";
    }
    // Untitled, and its opening says what it is: "…结合自治区实际，制定本方案。"
    if !titled
        && let Some(first) = opening.first()
        && let Some(sentence) = first.split('。').next()
        && ["制定本方案", "制定本实施方案", "制定本计划", "制定本要点"]
            .iter()
            .any(|w| sentence.ends_with(w))
    {
        return "plan";
    }
    let parts: std::collections::HashSet<crate::corpus::Label> = report
        .sections
        .iter()
        .flat_map(|s| s.labels.iter().copied())
        .filter(|l| l.is_part())
        .collect();
    // Otherwise a report, unless nothing in it speaks of law-based government (a README,
    // an article on another subject).
    let body_mentions = report
        .preamble
        .iter()
        .map(String::as_str)
        .chain(report.sections.iter().take(4).map(|s| s.title.as_str()))
        .any(|x| ["法治", "依法行政", "法制"].iter().any(|w| x.contains(w)));
    if !parts.is_empty() || body_mentions || has(&["法治", "依法行政"]) {
        "report"
    } else {
        "other"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(src: &str) -> Vec<Line> {
        clean::clean(src).lines
    }

    #[test]
    fn broken_lines_join_across_blank() {
        let b = assemble(&lines(
            "1. 制定普法计划：明确普法重点内容、对象和方式，确保普法工作有\n\n序开展。\n",
        ));
        assert_eq!(b.len(), 1);
        assert!(b[0].text.ends_with("工作有序开展。"));
    }

    #[test]
    fn heading_lines_do_not_join() {
        let b = assemble(&lines("健全行政执法工作体系\n\n一是提升能力，加强培训。\n"));
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn split_heading_joins() {
        let b = assemble(&lines(
            "三、推进法治政府建设存在的不足\n和原因\n正文，内容。",
        ));
        assert_eq!(b[0].text, "三、推进法治政府建设存在的不足和原因");
    }
}

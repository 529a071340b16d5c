//! Bytes → [`Report`]: decode → clean → blocks (joined lines) → front matter and closing →
//! headings and levels → tree → metadata → labels. Pure functions, no terminal.

mod blocks;
mod body;
pub mod clean;
pub mod decode;
pub mod doc;
pub mod docx;
mod fill;
mod front;
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

use blocks::*;
use body::*;
pub use decode::{Decoded, Skip, decode};
use fill::*;
use front::*;
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

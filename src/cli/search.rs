//! `baogao search QUERY`: the palette's heading search and the full-text search, from the
//! shell.

use super::*;
/// `baogao search`.
pub(crate) fn search_cmd(
    query: &str,
    headings_only: bool,
    text_only: bool,
    json: bool,
    limit: usize,
    stats: bool,
    paths: &[PathBuf],
) -> ExitCode {
    use baogao::search::{PaletteIndex, Query, TextIndex, TextQuery, fulltext, palette};
    let ms = |t: std::time::Instant| t.elapsed().as_secs_f64() * 1000.0;
    let t = std::time::Instant::now();
    let c = load(paths);
    let load_ms = ms(t);
    report_errors(&c);
    if c.reports.is_empty() {
        return status(&c);
    }
    let (want_h, want_t) = (!text_only, !headings_only);
    let mut timings = vec![format!("load {load_ms:.0} ms")];
    let mut head_hits = Vec::new();
    let mut pq = Query::default();
    if want_h {
        let t = std::time::Instant::now();
        let idx = PaletteIndex::build(&c);
        timings.push(format!("heading index {:.0} ms", ms(t)));
        pq = Query::parse(query);
        if let Some(l) = &pq.unknown_label {
            let _ = writeln!(stderr(), "baogao: no label called #{l}; ignored");
        }
        let t = std::time::Instant::now();
        head_hits = idx.search(&c, &pq, limit);
        timings.push(format!("heading query {:.2} ms", ms(t)));
    }
    let mut text_hits = Vec::new();
    let mut tq = TextQuery::default();
    let mut readings = Vec::new();
    let mut text_total = 0;
    if want_t {
        let t = std::time::Instant::now();
        let idx = TextIndex::build(&c, &std::sync::atomic::AtomicUsize::new(0));
        timings.push(format!("text index {:.0} ms", ms(t)));
        tq = TextQuery::parse(query);
        // Letters the corpus lacks are pinyin, as in the reader ("pufa" → 普法).
        readings = idx.read_pinyin(&mut tq, &[]);
        let t = std::time::Instant::now();
        let (h, n) = idx.search(&c, &tq, limit);
        timings.push(format!("text query {:.2} ms", ms(t)));
        text_hits = fulltext::group_by_report(h);
        text_total = n;
    }
    if stats {
        if let Some(kib) = peak_rss_kib() {
            timings.push(format!("peak RSS {:.0} MB", kib as f64 / 1024.0));
        }
        let _ = writeln!(stderr(), "baogao: {}", timings.join(", "));
    }
    let hl = tq.highlights();
    emit(|out| {
        if json {
            let heads: Vec<HeadingOut> = head_hits
                .iter()
                .map(|h| {
                    let r = &c.reports[h.at.report as usize];
                    let s = r.section(h.at.section);
                    let (_, within) = palette::describe(&c, h.at);
                    HeadingOut {
                        path: &r.path,
                        agency: r.meta.agency.as_deref(),
                        year: r.meta.year,
                        section: &s.title,
                        marker: s.marker.as_deref(),
                        within,
                        line: s.line,
                        score: h.score,
                        matched: &h.matched,
                    }
                })
                .collect();
            let texts: Vec<TextOut> = text_hits
                .iter()
                .map(|h| {
                    let r = &c.reports[h.doc.report as usize];
                    let s = r.section(h.doc.section);
                    let (snippet, _) = fulltext::snippet(&s.text, &hl, 60);
                    TextOut {
                        path: &r.path,
                        agency: r.meta.agency.as_deref(),
                        year: r.meta.year,
                        section: &s.title,
                        line: s.line,
                        score: h.score,
                        snippet,
                    }
                })
                .collect();
            let pinyin: Vec<PinyinOut> = readings
                .iter()
                .map(|r| PinyinOut {
                    pinyin: &r.pinyin,
                    word: &r.words[r.pick],
                    others: &r.words,
                })
                .collect();
            let v = SearchOut {
                headings: want_h.then_some(heads),
                text: want_t.then_some(texts),
                text_matches: want_t.then_some(text_total),
                pinyin: want_t.then_some(pinyin),
            };
            baogao::safe::write_json(out, &v)?;
            writeln!(out)?;
            return Ok(());
        }
        if want_h {
            writeln!(out, "# headings ({})", head_hits.len())?;
            for h in &head_hits {
                let (who, path) = palette::describe(&c, h.at);
                let s = c.reports[h.at.report as usize].section(h.at.section);
                let within = if path.is_empty() {
                    String::new()
                } else {
                    format!("{path} › ")
                };
                writeln!(
                    out,
                    "{}\t{}{}{}",
                    Safe::line(&who),
                    Safe::line(&within),
                    s.marker.as_deref().unwrap_or(""),
                    Safe::line(&s.title)
                )?;
            }
        }
        if want_t {
            if !readings.is_empty() {
                let read: Vec<String> = readings.iter().map(|r| r.to_string()).collect();
                writeln!(out, "# pinyin read as {}", Safe::line(&read.join(" ")))?;
            }
            writeln!(out, "# text ({} of {text_total} sections)", text_hits.len())?;
            let mut last_report = None;
            for h in &text_hits {
                let r = &c.reports[h.doc.report as usize];
                if last_report != Some(h.doc.report) {
                    let who = r.meta.agency.as_deref().unwrap_or(&r.meta.title);
                    let year = r.meta.year.map(|y| y.to_string()).unwrap_or_default();
                    writeln!(out, "{} {year}  ({})", Safe::line(who), Safe::line(&r.path))?;
                    last_report = Some(h.doc.report);
                }
                let s = r.section(h.doc.section);
                let (snip, _) = fulltext::snippet(&s.text, &hl, 60);
                writeln!(
                    out,
                    "  {}{}: {}",
                    s.marker.as_deref().unwrap_or(""),
                    Safe::line(&s.title),
                    Safe::line(&snip)
                )?;
            }
        }
        Ok(())
    });
    let _ = pq;
    status(&c)
}

/// `search --json`: what was asked for (headings, text, or both).
#[derive(serde::Serialize)]
struct SearchOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    headings: Option<Vec<HeadingOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<Vec<TextOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text_matches: Option<usize>,
    /// Words typed in pinyin and the corpus words searched for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pinyin: Option<Vec<PinyinOut<'a>>>,
}

/// A heading found by the palette's search.
#[derive(serde::Serialize)]
struct HeadingOut<'a> {
    path: &'a str,
    agency: Option<&'a str>,
    year: Option<u16>,
    section: &'a str,
    marker: Option<&'a str>,
    /// The sections above it.
    within: String,
    line: usize,
    score: i64,
    /// Char indices of the title that matched.
    matched: &'a [usize],
}

/// A section found by the full-text search.
#[derive(serde::Serialize)]
struct TextOut<'a> {
    path: &'a str,
    agency: Option<&'a str>,
    year: Option<u16>,
    section: &'a str,
    line: usize,
    score: f32,
    snippet: String,
}

/// A word typed in pinyin, the word searched for and the other readings.
#[derive(serde::Serialize)]
struct PinyinOut<'a> {
    pinyin: &'a str,
    word: &'a str,
    others: &'a [String],
}

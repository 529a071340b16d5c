//! `baogao compare A B` and `baogao coverage`: one part of two reports side by side, and
//! the statutory parts of every report.

use super::*;
/// A report by number (1-based), agency text, agency initials or file name.
pub(crate) fn pick_report(c: &Corpus, key: &str) -> Option<usize> {
    if let Ok(n) = key.parse::<usize>() {
        return (n >= 1 && n <= c.reports.len()).then(|| n - 1);
    }
    let k = key.to_lowercase();
    c.reports.iter().position(|r| {
        let agency = r.meta.agency.as_deref().unwrap_or(&r.meta.title);
        let initials: String = {
            use pinyin::ToPinyin;
            agency
                .chars()
                .filter_map(|ch| ch.to_pinyin().map(|p| p.first_letter()))
                .collect()
        };
        agency.contains(key) || initials.starts_with(&k) || r.path.to_lowercase().contains(&k)
    })
}

pub(crate) fn compare_cmd(
    a: &str,
    b: &str,
    label: Option<&str>,
    width: usize,
    paths: &[PathBuf],
) -> ExitCode {
    use baogao::compare;
    let c = load(paths);
    report_errors(&c);
    let (Some(ia), Some(ib)) = (pick_report(&c, a), pick_report(&c, b)) else {
        let _ = writeln!(
            stderr(),
            "baogao: no report matches {}",
            if pick_report(&c, a).is_none() { a } else { b }
        );
        return ExitCode::from(2);
    };
    let (ra, rb) = (&c.reports[ia], &c.reports[ib]);
    let label = match label {
        Some(l) => match baogao::search::palette::find_label(l) {
            Some(l) => l,
            None => {
                let keys: Vec<String> = baogao::corpus::Label::all()
                    .map(|l| format!("{} ({})", l.key(), l.zh()))
                    .collect();
                let _ = writeln!(
                    stderr(),
                    "baogao: no label called {l}; the labels are: {}",
                    keys.join(", ")
                );
                return ExitCode::from(2);
            }
        },
        None => match ra.roots.first().and_then(|&id| compare::label_of(ra, id)) {
            Some(l) => l,
            None => {
                let _ = writeln!(stderr(), "baogao: give --label (A has no labelled part)");
                return ExitCode::from(2);
            }
        },
    };
    let who = |r: &baogao::Report| {
        format!(
            "{} {}",
            r.meta.agency.as_deref().unwrap_or(&r.meta.title),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default()
        )
    };
    let (wa, wb) = (who(ra), who(rb));
    let pair = compare::pair(ra, rb, label);
    let missing = || format!("（没有{}）", label.zh());
    let [ta, tb] = pair.texts;
    let (ta, tb) = (ta.unwrap_or_else(missing), tb.unwrap_or_else(missing));
    let sim = pair.similarity;
    let col = width.saturating_sub(3).max(2) / 2;
    let lines = |t: &str| -> Vec<String> {
        let mut out = Vec::new();
        for para in t.split('\n') {
            for r in baogao::wrap::wrap(para, col, false) {
                out.push(Safe::line(&para[r]).into_string());
            }
        }
        out
    };
    let (la, lb) = (lines(&ta), lines(&tb));
    let pad = |s: &str| {
        let w = baogao::wrap::str_width(s, false);
        format!("{s}{}", " ".repeat(col.saturating_sub(w)))
    };
    emit(|out| {
        writeln!(out, "{} · {} · similarity {sim}%", label.key(), label.zh())?;
        writeln!(
            out,
            "{} │ {}",
            pad(&baogao::ui::view::fit(&wa, col)),
            baogao::ui::view::fit(&wb, col)
        )?;
        writeln!(out, "{}─┼─{}", "─".repeat(col), "─".repeat(col))?;
        for i in 0..la.len().max(lb.len()) {
            let l = la.get(i).map_or("", String::as_str);
            let r = lb.get(i).map_or("", String::as_str);
            writeln!(out, "{} │ {}", pad(l), r)?;
        }
        Ok(())
    });
    ExitCode::SUCCESS
}

pub(crate) fn coverage_cmd(json: bool, paths: &[PathBuf]) -> ExitCode {
    use baogao::compare;
    let c = load(paths);
    report_errors(&c);
    if c.reports.is_empty() {
        return status(&c);
    }
    let cols = compare::coverage_columns(&c, 4);
    // Reports only: other kinds of document (信息公开年报, 工作要点, a README) have no
    // statutory parts to be missing.
    let reports: Vec<&baogao::Report> = c
        .reports
        .iter()
        .filter(|r| r.meta.kind == "report")
        .collect();
    emit(|out| {
        if json {
            let rows: Vec<CoverageRow> = reports
                .iter()
                .map(|r| {
                    let mut cells = std::collections::BTreeMap::new();
                    let mut missing_parts = Vec::new();
                    for &l in &cols {
                        let cell = compare::cell(r, l);
                        if compare::MANDATORY.contains(&l) && cell.is_none_or(|c| !c.top) {
                            missing_parts.push(l.key());
                        }
                        let out = cell.map(|x| CoverageCell {
                            chars: x.chars,
                            top_level: x.top,
                            line: r.section(x.section).line,
                        });
                        cells.insert(l.key(), out);
                    }
                    CoverageRow {
                        path: &r.path,
                        agency: r.meta.agency.as_deref(),
                        year: r.meta.year,
                        cells,
                        missing_parts,
                    }
                })
                .collect();
            let columns: Vec<&str> = cols.iter().map(|l| l.key()).collect();
            baogao::safe::write_json(
                out,
                &CoverageOut {
                    columns,
                    reports: rows,
                },
            )?;
            writeln!(out)?;
            return Ok(());
        }
        let name_w = 30;
        let cell_w = 11;
        // Fit into w-1 cells and keep one space between columns.
        let fitw = |s: &str, w: usize| {
            let f = baogao::ui::view::fit(s, w - 1);
            let pad = w.saturating_sub(baogao::wrap::str_width(&f, false));
            format!("{f}{}", " ".repeat(pad))
        };
        let mut head = fitw("报告", name_w);
        for l in &cols {
            head.push_str(&fitw(l.zh(), cell_w));
        }
        writeln!(out, "{}", head.trim_end())?;
        for r in &reports {
            let who = format!(
                "{} {}",
                r.meta.agency.as_deref().unwrap_or(&r.meta.title),
                r.meta.year.map(|y| y.to_string()).unwrap_or_default()
            );
            let mut line = fitw(&Safe::line(&who), name_w);
            for &l in &cols {
                let txt = match compare::cell(r, l) {
                    Some(x) if x.top => format!("█ {}", x.chars),
                    Some(x) => format!("· {}", x.chars),
                    None if compare::MANDATORY.contains(&l) => "✗ 缺".to_string(),
                    None => "—".to_string(),
                };
                line.push_str(&fitw(&txt, cell_w));
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(
            out,
            "█ top-level part  · only below the top level  ✗ mandatory part missing  (numbers: characters)"
        )?;
        Ok(())
    });
    status(&c)
}

/// `coverage --json`.
#[derive(serde::Serialize)]
struct CoverageOut<'a> {
    /// Label keys: the statutory parts, then the commonest topics.
    columns: Vec<&'static str>,
    reports: Vec<CoverageRow<'a>>,
}

#[derive(serde::Serialize)]
struct CoverageRow<'a> {
    path: &'a str,
    agency: Option<&'a str>,
    year: Option<u16>,
    /// Per column key: the cell, or null when the report has no such section.
    cells: std::collections::BTreeMap<&'static str, Option<CoverageCell>>,
    /// Mandatory parts missing or only nested below the top level.
    missing_parts: Vec<&'static str>,
}

#[derive(serde::Serialize)]
struct CoverageCell {
    chars: usize,
    top_level: bool,
    line: usize,
}

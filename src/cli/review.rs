//! `baogao review`: the review table of every report (statutory parts, the 31 March rule,
//! length, figures, labels) as an aligned table, CSV, Markdown or JSON.

use super::*;
use baogao::review::{PARTS, Row};

/// How a part shows in the table and Markdown: its length, "·" before it when it is only
/// a deeper section, "✗" when a mandatory part is missing, "—" for a missing other part.
fn part_cell(r: &Row, i: usize) -> String {
    let p = &r.parts[i];
    match (p.present, p.top_level) {
        (true, true) => p.chars.to_string(),
        (true, false) => format!("·{}", p.chars),
        (false, _) if r.missing.contains(&p.label) => "✗".into(),
        (false, _) => "—".into(),
    }
}

fn on_time(r: &Row) -> &'static str {
    match r.on_time {
        Some(true) => "yes",
        Some(false) => "LATE",
        None => "?",
    }
}

/// The columns of the table and Markdown forms.
fn cells(r: &Row) -> Vec<String> {
    let mut v = vec![
        r.agency.clone().unwrap_or_else(|| "-".into()),
        r.year.map_or("-".into(), |y| y.to_string()),
        r.date.clone().unwrap_or_else(|| "-".into()),
        on_time(r).into(),
    ];
    v.extend((0..PARTS.len()).map(|i| part_cell(r, i)));
    v.push(r.chars.to_string());
    v.push(format!("{:.1}", r.figures_per_1000));
    v.push(r.path.clone());
    v
}

fn header() -> Vec<String> {
    let mut h: Vec<String> = ["agency", "year", "date", "by 31 Mar"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    h.extend(PARTS.iter().map(|l| l.short_names()[0].to_string()));
    h.extend(["chars", "figures/1000", "path"].map(String::from));
    h
}

pub(crate) fn review_cmd(format: &str, paths: &[PathBuf]) -> ExitCode {
    let c = load(paths);
    report_errors(&c);
    let rows = baogao::review::table(&c);
    emit(|out| match format {
        "json" => {
            let v = serde_json::json!({"schema": 1, "reviews": rows});
            baogao::safe::write_json(out, &v)?;
            writeln!(out)
        }
        "csv" => {
            let mut head = vec!["path", "agency", "year", "kind", "date", "on_time"];
            head.extend(PARTS.iter().map(|l| l.key()));
            head.extend([
                "nested",
                "missing",
                "chars",
                "figures",
                "figures_per_1000",
                "labels",
            ]);
            writeln!(out, "{}", head.join(","))?;
            for r in &rows {
                let mut f: Vec<String> = vec![
                    r.path.clone(),
                    r.agency.clone().unwrap_or_default(),
                    r.year.map(|y| y.to_string()).unwrap_or_default(),
                    r.kind.into(),
                    r.date.clone().unwrap_or_default(),
                    r.on_time.map(|b| b.to_string()).unwrap_or_default(),
                ];
                f.extend(r.parts.iter().map(|p| p.chars.to_string()));
                let nested: Vec<&str> = r
                    .parts
                    .iter()
                    .filter(|p| p.present && !p.top_level)
                    .map(|p| p.label)
                    .collect();
                f.push(nested.join(" "));
                f.push(r.missing.join(" "));
                f.push(r.chars.to_string());
                f.push(r.figures.to_string());
                f.push(format!("{:.1}", r.figures_per_1000));
                f.push(r.labels.join(" "));
                let line: Vec<String> = f.iter().map(|x| csv_field(x)).collect();
                writeln!(out, "{}", Safe::line(&line.join(",")))?;
            }
            Ok(())
        }
        "md" => {
            let esc = |s: &str| s.replace('|', "\\|");
            let h = header();
            writeln!(out, "| {} |", h.join(" | "))?;
            writeln!(out, "|{}", "---|".repeat(h.len()))?;
            for r in &rows {
                let c: Vec<String> = cells(r).iter().map(|x| esc(x)).collect();
                writeln!(out, "| {} |", Safe::line(&c.join(" | ")))?;
            }
            Ok(())
        }
        _ => {
            // An aligned table, by display width.
            let mut all = vec![header()];
            all.extend(rows.iter().map(cells));
            let n = all[0].len();
            let widths: Vec<usize> = (0..n)
                .map(|i| {
                    all.iter()
                        .map(|r| baogao::wrap::str_width(&r[i], false))
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            for r in &all {
                let mut line = String::new();
                for (i, cell) in r.iter().enumerate() {
                    line.push_str(cell);
                    if i + 1 < n {
                        let w = baogao::wrap::str_width(cell, false);
                        line.push_str(&" ".repeat(widths[i] - w + 2));
                    }
                }
                writeln!(out, "{}", Safe::line(line.trim_end()))?;
            }
            Ok(())
        }
    });
    status(&c)
}

//! `baogao figures`: the numbers reports give for the measures reviewers compare, one row
//! per figure with the sentence it came from (table, CSV or JSON).

use super::*;
use baogao::figures::{MEASURES, of_report};

#[derive(serde::Serialize)]
struct FigureOut<'a> {
    path: &'a str,
    agency: Option<&'a str>,
    year: Option<u16>,
    measure: &'static str,
    value: f64,
    unit: &'static str,
    /// The section it stands in ("" for the preamble).
    section: &'a str,
    sentence: &'a str,
}

pub(crate) fn figures_cmd(measure: Option<&str>, format: &str, paths: &[PathBuf]) -> ExitCode {
    if let Some(m) = measure
        && !MEASURES.iter().any(|x| x.key == m)
    {
        let keys: Vec<String> = MEASURES
            .iter()
            .map(|x| format!("{} ({})", x.key, x.zh))
            .collect();
        let _ = writeln!(
            stderr(),
            "baogao: no measure called {}; the measures are: {}",
            Safe::line(m),
            keys.join(", ")
        );
        return ExitCode::from(2);
    }
    let c = load(paths);
    report_errors(&c);
    let found: Vec<(usize, Vec<baogao::figures::Figure>)> = {
        use rayon::prelude::*;
        c.reports
            .par_iter()
            .enumerate()
            .filter(|(_, r)| r.meta.kind == "report")
            .map(|(i, r)| {
                let mut f = of_report(r);
                f.retain(|x| measure.is_none_or(|m| x.measure == m));
                (i, f)
            })
            .collect()
    };
    let rows: Vec<FigureOut> = found
        .iter()
        .flat_map(|(i, figs)| {
            let r = &c.reports[*i];
            figs.iter().map(move |f| FigureOut {
                path: &r.path,
                agency: r.meta.agency.as_deref(),
                year: r.meta.year,
                measure: f.measure,
                value: f.value,
                unit: f.unit,
                section: f.section.map_or("", |s| r.section(s).title.as_str()),
                sentence: &f.sentence,
            })
        })
        .collect();
    emit(|out| match format {
        "json" => {
            baogao::safe::write_json(out, &serde_json::json!({"figures": rows}))?;
            writeln!(out)
        }
        "csv" => {
            let field = csv_field;
            writeln!(out, "path,agency,year,measure,value,unit,section,sentence")?;
            for r in &rows {
                let f = [
                    field(r.path),
                    field(r.agency.unwrap_or("")),
                    r.year.map(|y| y.to_string()).unwrap_or_default(),
                    r.measure.to_string(),
                    r.value.to_string(),
                    r.unit.to_string(),
                    field(r.section),
                    field(r.sentence),
                ];
                writeln!(out, "{}", Safe::line(&f.join(",")))?;
            }
            Ok(())
        }
        _ => {
            for r in &rows {
                let who = format!(
                    "{} {}",
                    r.agency.unwrap_or(r.path),
                    r.year.map(|y| y.to_string()).unwrap_or_default()
                );
                writeln!(
                    out,
                    "{}  {} {}{}  {}",
                    Safe::line(&who),
                    r.measure,
                    r.value,
                    r.unit,
                    Safe::line(&baogao::ui::view::fit(r.sentence, 60))
                )?;
            }
            Ok(())
        }
    });
    status(&c)
}

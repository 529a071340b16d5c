//! The `baogao` command line: thin; parses arguments, loads, dispatches.

use baogao::safe::{Safe, Sanitize};
use baogao::{Corpus, export, ingest, outline};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "baogao",
    version,
    about = "Read and compare Chinese government annual reports (法治政府建设年度报告)",
    long_about = "Read and compare Chinese government annual reports (法治政府建设年度报告).\n\n\
        Without a command, baogao opens the three-pane reader (it needs a terminal; press ? \
        inside for the keys). Without a PATH the reader opens the folders named by `corpus` \
        in the config file, else the embedded samples.\n\n\
        Every command takes files and folders (folders are walked recursively for .txt and .md \
        files; a file named directly is tried whatever its extension). With no PATH the five \
        embedded sample reports are used, named sample:<file name>."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Reports to open: files or folders (default: the embedded samples).
    paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the corpus model as JSON (schema in shared/design/EXPORT.md).
    ///
    /// Exit status: 0 when every input loaded; 1 when some were skipped (listed under
    /// "errors"); 2 on a usage error or when nothing could be loaded.
    Export {
        /// JSON output (required; the only format).
        #[arg(long, required = true)]
        json: bool,
        /// Files or folders (default: the embedded samples).
        paths: Vec<PathBuf>,
    },
    /// Print a readable outline of each report: markers, titles, labels, warnings.
    Tree {
        /// Files or folders (default: the embedded samples).
        paths: Vec<PathBuf>,
    },
    /// Load, then print counts, load time and peak memory.
    Stats {
        /// Files or folders (default: the embedded samples).
        paths: Vec<PathBuf>,
    },
    /// Search headings (fuzzy, Chinese or pinyin) and/or the full text.
    ///
    /// Headings: `普法`, `pufa`, `pfxc`; filters `@agency` (`@张店`, `@zd`) and `#label`
    /// (`#shortcomings`, `#不足`). Text: words are segmented with jieba and all must
    /// occur; "quoted phrases" must occur verbatim. Without --headings or --text, both.
    Search {
        /// The query (quote it in the shell when it has spaces).
        query: String,
        /// Only the section headings (the palette's engine).
        #[arg(long, conflicts_with = "text")]
        headings: bool,
        /// Only the full text (the full-text index).
        #[arg(long)]
        text: bool,
        /// JSON output.
        #[arg(long)]
        json: bool,
        /// Results per kind (1–10000).
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..=10_000))]
        limit: u16,
        /// Print load, index and query milliseconds to stderr.
        #[arg(long)]
        stats: bool,
        /// Files or folders (default: the embedded samples).
        paths: Vec<PathBuf>,
    },
    /// Two reports' versions of the same section, side by side.
    ///
    /// A and B pick reports: a number in list order (1 = first), or part of the agency,
    /// its pinyin initials, or the file name. Default section: the label of A's first
    /// part; with --label, that label (e.g. next_year_plan).
    Compare {
        a: String,
        b: String,
        /// Canonical label to compare (see shared/design/TAXONOMY.md).
        #[arg(long)]
        label: Option<String>,
        /// Total width of the output (20–1000 columns).
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: u16,
        /// Files or folders (default: the embedded samples).
        paths: Vec<PathBuf>,
    },
    /// The coverage matrix: which report has which statutory part (and the commonest
    /// topics), and how long it is; missing mandatory parts are flagged.
    Coverage {
        /// JSON output.
        #[arg(long)]
        json: bool,
        /// Files or folders (default: the embedded samples).
        paths: Vec<PathBuf>,
    },
    /// Where the config file is, or a commented default one.
    Config {
        /// Print the config file's path.
        #[arg(long, conflicts_with = "default")]
        path: bool,
        /// Print a commented config file with every option at its default.
        #[arg(long)]
        default: bool,
    },
    /// Write the state file over and over (used by the tests that kill it mid-write).
    #[command(hide = true)]
    StressState { file: PathBuf },
    /// Write a generated test corpus (deterministic; for benchmarks) into DIR.
    Synth {
        /// Folder to create and fill (refuses a folder that already holds files).
        dir: PathBuf,
        /// How many reports (1–2000000).
        #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(1..=2_000_000))]
        count: u32,
    },
}

fn load(paths: &[PathBuf]) -> Corpus {
    if paths.is_empty() {
        ingest::load_samples()
    } else {
        ingest::load_paths(paths)
    }
}

/// Standard error, through the filter every printed byte passes (see baogao::safe).
fn stderr() -> Sanitize<std::io::StderrLock<'static>> {
    Sanitize::new(std::io::stderr().lock())
}

/// Diagnostics for skipped inputs, on stderr.
fn report_errors(c: &Corpus) {
    let mut err = stderr();
    for e in &c.errors {
        let _ = writeln!(err, "baogao: skipped {e}");
    }
}

fn status(c: &Corpus) -> ExitCode {
    if c.reports.is_empty() {
        let _ = writeln!(stderr(), "baogao: nothing could be loaded");
        ExitCode::from(2)
    } else if c.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Write to stdout; a closed pipe (e.g. `| head`) ends quietly.
fn emit(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) {
    let stdout = std::io::stdout();
    let mut out = Sanitize::new(std::io::BufWriter::new(stdout.lock()));
    let r = f(&mut out).and_then(|_| out.flush());
    if let Err(e) = r
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(stderr(), "baogao: cannot write output: {e}");
    }
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Logs go to a file (the UI owns the terminal): $BAOGAO_LOG, else the platform state
/// directory (~/.local/state/baogao/baogao.log on Linux). No file, no logs.
fn init_logging() {
    let path = std::env::var_os("BAOGAO_LOG")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "baogao").map(|d| {
                d.state_dir()
                    .unwrap_or_else(|| d.cache_dir())
                    .join("baogao.log")
            })
        });
    let Some(path) = path else { return };
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
    else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(Sanitize::new(file)))
        .with_ansi(false)
        .try_init();
}

/// The reader. Refuses to start without a terminal on both ends.
fn reader(paths: Vec<PathBuf>) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        let _ = writeln!(
            stderr(),
            "baogao: the reader needs a terminal. For scripts use `baogao export --json` \
             or `baogao tree` (see `baogao --help`)."
        );
        return ExitCode::from(2);
    }
    // A terminal that cannot position the cursor cannot show the reader.
    let term = std::env::var("TERM").unwrap_or_default();
    if term.is_empty() || term == "dumb" {
        let _ = writeln!(
            stderr(),
            "baogao: the reader needs a terminal that can move the cursor (TERM is {}). \
             For scripts use `baogao export --json` or `baogao tree` (see `baogao --help`).",
            if term.is_empty() {
                "not set".to_string()
            } else {
                format!("{term:?}")
            }
        );
        return ExitCode::from(2);
    }
    init_logging();
    let config_path = baogao::config::path();
    let (config, config_error) = baogao::config::load(config_path.as_deref());
    let paths = if paths.is_empty() {
        config
            .corpus
            .iter()
            .map(|p| baogao::config::expand(p))
            .collect()
    } else {
        paths
    };
    let mut notes: Vec<String> = config_error.into_iter().collect();
    // State needs a directory we can write; without one the reader works but forgets.
    let state_path = baogao::state::path().filter(|p| {
        let ok = p
            .parent()
            .is_some_and(|d| std::fs::create_dir_all(d).is_ok());
        if !ok {
            notes.push(format!(
                "cannot use {}: marks and history will not be saved",
                p.display()
            ));
        }
        ok
    });
    let setup = baogao::term::Setup {
        corpus_key: baogao::state::corpus_key(&paths),
        state_path,
        notes,
        config,
    };
    let result = baogao::term::run(
        move |done| {
            if paths.is_empty() {
                ingest::load_samples()
            } else {
                ingest::load::load_paths_progress(&paths, done)
            }
        },
        setup,
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(stderr(), "baogao: terminal error: {e}");
            ExitCode::from(1)
        }
    }
}

/// A report by number (1-based), agency text, agency initials or file name.
fn pick_report(c: &Corpus, key: &str) -> Option<usize> {
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

fn compare_cmd(a: &str, b: &str, label: Option<&str>, width: usize, paths: &[PathBuf]) -> ExitCode {
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
    let side = |r: &baogao::Report| -> (String, String) {
        let who = format!(
            "{} {}",
            r.meta.agency.as_deref().unwrap_or(&r.meta.title),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default()
        );
        match compare::section_with(r, label) {
            Some(id) => (who, compare::section_text(r, id)),
            None => (who, format!("（没有{}）", label.zh())),
        }
    };
    let ((wa, ta), (wb, tb)) = (side(ra), side(rb));
    let (sa, sb) = compare::shared_phrases(&ta, &tb, 3);
    let sim = compare::similarity(&ta, &tb, &sa, &sb);
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

fn coverage_cmd(json: bool, paths: &[PathBuf]) -> ExitCode {
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
            let rows: Vec<serde_json::Value> = reports
                .iter()
                .map(|r| {
                    let mut cells = serde_json::Map::new();
                    let mut missing = Vec::new();
                    for &l in &cols {
                        let cell = compare::cell(r, l);
                        if compare::MANDATORY.contains(&l) && cell.is_none_or(|c| !c.top) {
                            missing.push(l.key());
                        }
                        cells.insert(
                            l.key().into(),
                            cell.map_or(serde_json::Value::Null, |x| {
                                serde_json::json!({
                                    "chars": x.chars,
                                    "top_level": x.top,
                                    "line": r.section(x.section).line,
                                })
                            }),
                        );
                    }
                    serde_json::json!({
                        "path": r.path, "agency": r.meta.agency, "year": r.meta.year,
                        "cells": cells, "missing_parts": missing,
                    })
                })
                .collect();
            let keys: Vec<&str> = cols.iter().map(|l| l.key()).collect();
            baogao::safe::write_json(out, &serde_json::json!({"columns": keys, "reports": rows}))?;
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

/// `baogao search`.
fn search_cmd(
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
            let heads: Vec<serde_json::Value> = head_hits
                .iter()
                .map(|h| {
                    let r = &c.reports[h.at.report as usize];
                    let s = r.section(h.at.section);
                    let (_, path) = palette::describe(&c, h.at);
                    serde_json::json!({
                        "path": r.path, "agency": r.meta.agency, "year": r.meta.year,
                        "section": s.title, "marker": s.marker, "within": path,
                        "line": s.line, "score": h.score, "matched": h.matched,
                    })
                })
                .collect();
            let texts: Vec<serde_json::Value> = text_hits
                .iter()
                .map(|h| {
                    let r = &c.reports[h.doc.report as usize];
                    let s = r.section(h.doc.section);
                    let (snip, _) = fulltext::snippet(&s.text, &hl, 60);
                    serde_json::json!({
                        "path": r.path, "agency": r.meta.agency, "year": r.meta.year,
                        "section": s.title, "line": s.line, "score": h.score, "snippet": snip,
                    })
                })
                .collect();
            let mut v = serde_json::Map::new();
            if want_h {
                v.insert("headings".into(), heads.into());
            }
            if want_t {
                v.insert("text".into(), texts.into());
                v.insert("text_matches".into(), text_total.into());
                let read: Vec<serde_json::Value> = readings
                    .iter()
                    .map(|r| serde_json::json!({"pinyin": r.pinyin, "word": r.words[r.pick], "others": r.words}))
                    .collect();
                v.insert("pinyin".into(), read.into());
            }
            baogao::safe::write_json(out, &serde_json::Value::Object(v))?;
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export { json: _, paths }) => {
            let c = load(&paths);
            report_errors(&c);
            emit(|out| {
                export::write_json(&c, &mut *out)?;
                writeln!(out)
            });
            status(&c)
        }
        Some(Command::Tree { paths }) => {
            let c = load(&paths);
            report_errors(&c);
            emit(|out| out.write_all(outline::corpus_outline(&c).as_bytes()));
            status(&c)
        }
        Some(Command::Search {
            query,
            headings,
            text,
            json,
            limit,
            stats,
            paths,
        }) => search_cmd(&query, headings, text, json, limit.into(), stats, &paths),
        Some(Command::Compare {
            a,
            b,
            label,
            width,
            paths,
        }) => compare_cmd(&a, &b, label.as_deref(), width.into(), &paths),
        Some(Command::Coverage { json, paths }) => coverage_cmd(json, &paths),
        Some(Command::Config { path, default }) => {
            if default || !path {
                emit(|out| out.write_all(baogao::config::default_text().as_bytes()));
            }
            if path {
                match baogao::config::path() {
                    Some(p) => emit(|out| writeln!(out, "{}", p.display())),
                    None => {
                        let _ = writeln!(stderr(), "baogao: no config directory (HOME unset?)");
                        return ExitCode::from(1);
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Some(Command::StressState { file }) => {
            let mut st = baogao::state::State::default();
            for i in 0u64.. {
                st.palette_history = (0..50).map(|k| format!("query {i} {k} 普法宣传")).collect();
                if baogao::state::save(&file, &st).is_err() {
                    return ExitCode::from(1);
                }
            }
            ExitCode::SUCCESS
        }
        Some(Command::Synth { dir, count }) => {
            if std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_some()) {
                let _ = writeln!(
                    stderr(),
                    "baogao: {} is not empty; give a new folder",
                    Safe::path(&dir)
                );
                return ExitCode::from(2);
            }
            match baogao::synth::write_corpus(&dir, count as usize) {
                Ok(bytes) => {
                    emit(|out| {
                        writeln!(out, "wrote {count} reports, {:.1} MB", bytes as f64 / 1e6)
                    });
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    let _ = writeln!(stderr(), "baogao: cannot write corpus: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Some(Command::Stats { paths }) => {
            let t = std::time::Instant::now();
            let c = load(&paths);
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            report_errors(&c);
            let bytes: usize = c
                .reports
                .iter()
                .map(|r| r.sections.iter().map(|s| s.text.len()).sum::<usize>())
                .sum();
            emit(|out| {
                writeln!(out, "reports   {}", c.reports.len())?;
                writeln!(out, "skipped   {}", c.errors.len())?;
                writeln!(out, "sections  {}", c.section_count())?;
                writeln!(out, "text      {:.1} MB", bytes as f64 / 1e6)?;
                writeln!(out, "load      {ms:.0} ms (read + decode + parse + label)")?;
                if let Some(kib) = peak_rss_kib() {
                    writeln!(out, "peak RSS  {:.1} MB", kib as f64 / 1024.0)?;
                }
                Ok(())
            });
            status(&c)
        }
        None => match missing_path(&cli.paths) {
            Some(message) => {
                let _ = writeln!(stderr(), "{message}");
                ExitCode::from(2)
            }
            None => reader(cli.paths),
        },
    }
}

/// The commands, for a suggestion when the first word is a misspelt one.
const COMMANDS: &[&str] = &[
    "export", "tree", "stats", "search", "compare", "coverage", "config", "synth",
];

/// Why the reader cannot open what was asked for: the first path that does not exist,
/// with the command it was probably meant to be (`baogao serach 普法` → `baogao search`).
fn missing_path(paths: &[PathBuf]) -> Option<String> {
    let (i, p) = paths.iter().enumerate().find(|(_, p)| !p.exists())?;
    let name = p.to_string_lossy();
    let near = (i == 0)
        .then(|| {
            COMMANDS
                .iter()
                .map(|c| (strsim::damerau_levenshtein(&name, c), c))
                .filter(|&(d, c)| d <= 2 && d < c.len() / 2 + 1)
                .min()
        })
        .flatten();
    Some(match near {
        Some((_, c)) => format!(
            "baogao: no command or file called {}; did you mean `baogao {c}`? (see `baogao --help`)",
            Safe::path(p)
        ),
        None => format!(
            "baogao: no such file or folder: {} (see `baogao --help`)",
            Safe::path(p)
        ),
    })
}

// Parsing allocates many small strings on both cores; mimalloc's thread-local heaps cut
// load time noticeably against glibc malloc (see README, Speed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

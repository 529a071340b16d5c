//! The `baogao` command line: clap's definitions and the dispatch here, one file per
//! subcommand beside it, each a thin call into the library.

use baogao::safe::{Safe, Sanitize};
use baogao::{Corpus, export, ingest, outline};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod compare;
mod figures;
mod reader;
mod review;
mod search;

use compare::*;
use figures::*;
use reader::*;
use review::*;
use search::*;

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
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Reports to open: files or folders (default: the embedded samples).
    paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
    /// The review table: each report's statutory parts (present, a part of its own or
    /// nested, length), whether it is dated by 31 March of the following year, figures per
    /// 1,000 characters, labels.
    Review {
        /// table (aligned, the default), csv, md or json.
        #[arg(long, default_value = "table", value_parser = ["table", "csv", "md", "json"])]
        format: String,
        /// Files or folders (default: the embedded samples).
        paths: Vec<PathBuf>,
    },
    /// Figures the reports give for the measures reviewers compare (行政复议案件, 执法人员,
    /// 学法次数 …): one row per figure, with the sentence it came from.
    Figures {
        /// Only this measure (an unknown one lists the measures).
        #[arg(long)]
        measure: Option<String>,
        /// table (the default), csv or json.
        #[arg(long, default_value = "table", value_parser = ["table", "csv", "json"])]
        format: String,
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

pub(crate) fn load(paths: &[PathBuf]) -> Corpus {
    if paths.is_empty() {
        ingest::load_samples()
    } else {
        ingest::load_paths(paths)
    }
}

/// Standard error, through the filter every printed byte passes (see baogao::safe).
pub(crate) fn stderr() -> Sanitize<std::io::StderrLock<'static>> {
    Sanitize::new(std::io::stderr().lock())
}

/// Diagnostics for skipped inputs, on stderr.
pub(crate) fn report_errors(c: &Corpus) {
    let mut err = stderr();
    for e in &c.errors {
        let _ = writeln!(err, "baogao: skipped {e}");
    }
}

pub(crate) fn status(c: &Corpus) -> ExitCode {
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
pub(crate) fn emit(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) {
    let stdout = std::io::stdout();
    let mut out = Sanitize::new(std::io::BufWriter::new(stdout.lock()));
    let r = f(&mut out).and_then(|_| out.flush());
    if let Err(e) = r
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(stderr(), "baogao: cannot write output: {e}");
    }
}

pub(crate) fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Logs go to a file (the UI owns the terminal): $BAOGAO_LOG, else the platform state
/// directory (~/.local/state/baogao/baogao.log on Linux). No file, no logs.
pub(crate) fn init_logging() {
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

pub(crate) fn main() -> ExitCode {
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
        Some(Command::Review { format, paths }) => review_cmd(&format, &paths),
        Some(Command::Figures {
            measure,
            format,
            paths,
        }) => figures_cmd(measure.as_deref(), &format, &paths),
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
pub(crate) const COMMANDS: &[&str] = &[
    "export", "tree", "stats", "search", "compare", "coverage", "review", "figures", "config",
    "synth",
];

/// Why the reader cannot open what was asked for: the first path that does not exist,
/// with the command it was probably meant to be (`baogao serach 普法` → `baogao search`).
pub(crate) fn missing_path(paths: &[PathBuf]) -> Option<String> {
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

/// A CSV field, quoted when it must be (RFC 4180).
pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

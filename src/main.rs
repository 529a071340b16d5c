//! The `baogao` command line: thin; parses arguments, loads, dispatches.

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
    /// Write a generated test corpus (deterministic; for benchmarks) into DIR.
    Synth {
        /// Folder to create and fill (refuses a folder that already holds files).
        dir: PathBuf,
        /// How many reports.
        #[arg(long, default_value_t = 10_000)]
        count: usize,
    },
}

fn load(paths: &[PathBuf]) -> Corpus {
    if paths.is_empty() {
        ingest::load_samples()
    } else {
        ingest::load_paths(paths)
    }
}

/// Diagnostics for skipped inputs, on stderr.
fn report_errors(c: &Corpus) {
    let mut err = std::io::stderr().lock();
    for e in &c.errors {
        let _ = writeln!(
            err,
            "baogao: skipped {}: {}",
            outline::safe(&e.path),
            e.error
        );
    }
}

fn status(c: &Corpus) -> ExitCode {
    if c.reports.is_empty() {
        let _ = writeln!(std::io::stderr(), "baogao: nothing could be loaded");
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
    let mut out = std::io::BufWriter::new(stdout.lock());
    let r = f(&mut out).and_then(|_| out.flush());
    if let Err(e) = r
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(std::io::stderr(), "baogao: cannot write output: {e}");
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
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .try_init();
}

/// The reader. Refuses to start without a terminal on both ends.
fn reader(paths: Vec<PathBuf>) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        let _ = writeln!(
            std::io::stderr(),
            "baogao: the reader needs a terminal. For scripts use `baogao export --json` \
             or `baogao tree` (see `baogao --help`)."
        );
        return ExitCode::from(2);
    }
    init_logging();
    let result = baogao::term::run(move |done| {
        if paths.is_empty() {
            ingest::load_samples()
        } else {
            ingest::load::load_paths_progress(&paths, done)
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "baogao: terminal error: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export { json: _, paths }) => {
            let c = load(&paths);
            report_errors(&c);
            emit(|out| {
                export::write_json(&c, &mut *out).map_err(std::io::Error::other)?;
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
        Some(Command::Synth { dir, count }) => {
            if std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_some()) {
                let _ = writeln!(
                    std::io::stderr(),
                    "baogao: {} is not empty; give a new folder",
                    outline::safe(&dir.to_string_lossy())
                );
                return ExitCode::from(2);
            }
            match baogao::synth::write_corpus(&dir, count) {
                Ok(bytes) => {
                    emit(|out| {
                        writeln!(out, "wrote {count} reports, {:.1} MB", bytes as f64 / 1e6)
                    });
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    let _ = writeln!(std::io::stderr(), "baogao: cannot write corpus: {e}");
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
        None => reader(cli.paths),
    }
}

// Parsing allocates many small strings on both cores; mimalloc's thread-local heaps cut
// load time noticeably against glibc malloc (see README, Speed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

//! `baogao [PATH…]`: the terminal reader (set-up, config, state; the loop is crate::term).

use super::*;
/// The reader. Refuses to start without a terminal on both ends.
pub(crate) fn reader(paths: Vec<PathBuf>) -> ExitCode {
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
    let mut notes: Vec<baogao::notes::Note> = config_error.into_iter().collect();
    // State needs a directory we can write; without one the reader works but forgets.
    let state_path = baogao::state::path().filter(|p| {
        let ok = p
            .parent()
            .is_some_and(|d| std::fs::create_dir_all(d).is_ok());
        if !ok {
            notes.push(baogao::notes::Note::StateDirUnusable {
                path: baogao::safe::Safe::path(p).to_string(),
            });
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

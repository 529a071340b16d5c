//! The terminal: raw mode and the alternate screen, restored on quit, on panic, on
//! SIGTERM/SIGHUP and around Ctrl-Z; the event loop; loading with a progress screen.
//! Nothing is printed while the UI runs (logs go to a file, see `main`).

use crate::corpus::Corpus;
use crate::ui::{App, Theme, render};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

type Term = Terminal<CrosstermBackend<Stdout>>;

/// Whether we asked the terminal for unambiguous key codes (kitty keyboard protocol):
/// then Ctrl-i (jump forward) is told apart from Tab (next pane).
static ENHANCED_KEYS: AtomicBool = AtomicBool::new(false);

fn enter() -> io::Result<Term> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableMouseCapture, cursor::Hide)?;
    if matches!(
        ratatui::crossterm::terminal::supports_keyboard_enhancement(),
        Ok(true)
    ) {
        use ratatui::crossterm::event::{KeyboardEnhancementFlags, PushKeyboardEnhancementFlags};
        if execute!(
            out,
            PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
        )
        .is_ok()
        {
            ENHANCED_KEYS.store(true, Ordering::Relaxed);
        }
    }
    let mut t = Terminal::new(CrosstermBackend::new(out))?;
    t.clear()?;
    Ok(t)
}

/// Put the terminal back the way the shell expects it. Safe to call twice, and from a
/// panic hook; errors are ignored (the tty may already be gone).
pub fn leave() {
    if ENHANCED_KEYS.swap(false, Ordering::Relaxed) {
        let _ = execute!(
            io::stdout(),
            ratatui::crossterm::event::PopKeyboardEnhancementFlags
        );
    }
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        tracing::error!("panic: {info}");
        prev(info);
    }));
}

/// What the reader starts with besides the corpus.
#[derive(Debug, Default)]
pub struct Setup {
    pub config: crate::config::Config,
    /// Problems to show once in the status bar (a broken config, a damaged state file).
    pub notes: Vec<String>,
    /// Where state is saved; `None`: it is not (no state directory).
    pub state_path: Option<std::path::PathBuf>,
    pub corpus_key: String,
}

/// Load with a progress screen, then run the reader until the user quits.
/// `load` is called on a worker thread with a counter of files done.
pub fn run<F>(load: F, mut setup: Setup) -> io::Result<()>
where
    F: FnOnce(&AtomicUsize) -> Corpus + Send + 'static,
{
    let stop = Arc::new(AtomicBool::new(false));
    // SIGTERM/SIGHUP end the process from their own thread: when the tty has gone away
    // the event loop may be stuck inside crossterm's reader, so it cannot be relied on
    // to notice a flag.
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ])?;
    {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                stop.store(true, Ordering::Relaxed);
                tracing::info!(sig, "signal: restoring the terminal and exiting");
                leave();
                std::process::exit(128 + sig);
            }
        });
    }
    install_panic_hook();
    let mut term = match enter() {
        Ok(t) => t,
        Err(e) => {
            leave();
            return Err(e);
        }
    };
    let theme = Theme::named(setup.config.theme.as_deref());

    let progress = Arc::new(AtomicUsize::new(0));
    let worker = {
        let progress = Arc::clone(&progress);
        std::thread::spawn(move || load(&progress))
    };
    while !worker.is_finished() {
        if stop.load(Ordering::Relaxed) {
            leave();
            return Ok(());
        }
        let n = progress.load(Ordering::Relaxed);
        term.draw(|f| {
            let a = f.area();
            let msg = format!("正在载入报告… {n} 个文件");
            f.buffer_mut().set_stringn(
                a.x,
                a.y,
                msg,
                a.width as usize,
                ratatui::style::Style::new(),
            );
        })?;
        if event::poll(Duration::from_millis(50))?
            && let Event::Key(k) = event::read()?
            && matches!(k.code, event::KeyCode::Char('q'))
        {
            leave();
            return Ok(());
        }
    }
    let corpus = worker
        .join()
        .map_err(|_| io::Error::other("loading failed"))?;
    tracing::info!(
        reports = corpus.reports.len(),
        errors = corpus.errors.len(),
        "loaded"
    );
    let mut app = App::new(corpus);
    app.configure(&setup.config);
    match &setup.state_path {
        Some(p) => {
            let (state, warn) = crate::state::load(p);
            setup.notes.extend(warn);
            app.restore(state, &setup.corpus_key);
        }
        None => setup
            .notes
            .push("no state directory: marks and history will not be saved".into()),
    }
    if !setup.notes.is_empty() {
        for n in &setup.notes {
            tracing::warn!("{n}");
        }
        app.status = Some(setup.notes.join(" · "));
    }
    let result = event_loop(&mut term, &mut app, &theme, &stop);
    leave();
    if let Some(p) = &setup.state_path
        && let Err(e) = crate::state::save(p, &app.to_state())
    {
        tracing::warn!("cannot save state to {}: {e}", p.display());
        eprintln!("baogao: cannot save state to {}: {e}", p.display());
    }
    result
}

/// Put `text` on the clipboard through the terminal (OSC 52; tmux passes it on when
/// its set-clipboard option allows). Writes exactly one escape sequence.
pub fn write_clipboard(out: &mut impl std::io::Write, text: &str) -> io::Result<()> {
    out.write_all(crate::ui::app::osc52(text).as_bytes())?;
    out.flush()
}

fn event_loop(term: &mut Term, app: &mut App, theme: &Theme, stop: &AtomicBool) -> io::Result<()> {
    let mut dirty = true;
    let mut was_busy = false;
    loop {
        if stop.load(Ordering::Relaxed) {
            tracing::info!("signal: quitting");
            return Ok(());
        }
        if dirty {
            term.draw(|f| render(f.area(), f.buffer_mut(), app, theme))?;
            dirty = false;
            // Search indexes are built after the first frame, off this thread.
            app.start_indexing();
        }
        // Wake up now and then to notice signals; a tty that went away makes poll/read
        // fail, which ends the loop instead of spinning.
        if !event::poll(Duration::from_millis(250))? {
            // While indexes build, redraw for the progress and pick up waiting queries.
            let busy = app.indexing_in_progress();
            if busy || was_busy || app.overlay.as_ref().is_some_and(|o| o.pending) {
                app.refresh_overlay();
                dirty = true;
            }
            was_busy = busy;
            continue;
        }
        match event::read()? {
            Event::Key(k) => app.on_key(k),
            Event::Mouse(m) => app.on_mouse(m),
            Event::Resize(_, _) => {}
            _ => continue,
        }
        dirty = true;
        if let Some(text) = app.clipboard.take() {
            write_clipboard(&mut io::stdout(), &text)?;
        }
        if app.should_quit {
            return Ok(());
        }
        if app.suspend_requested {
            app.suspend_requested = false;
            suspend(term)?;
        }
    }
}

/// Ctrl-Z: give the terminal back, stop, and on `fg` take it again and redraw fully.
fn suspend(term: &mut Term) -> io::Result<()> {
    leave();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Resumed (SIGCONT): take the terminal again and redraw everything.
    *term = enter()?;
    Ok(())
}

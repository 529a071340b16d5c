//! The terminal: raw mode and the alternate screen, restored on quit, on panic, on every
//! signal that ends the process (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2,
//! SIGALRM) and around Ctrl-Z; the event loop; loading with a progress screen. On those
//! signals the state is saved first. Nothing is printed while the UI runs (logs go to a
//! file, see `main`).

use crate::corpus::Corpus;
use crate::ui::app::Effect;
use crate::ui::{App, Theme, frame};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::{Position, Size};
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Term = Terminal<Clamped<CrosstermBackend<Stdout>>>;

/// Whether we asked the terminal for unambiguous key codes (kitty keyboard protocol):
/// then Ctrl-i (jump forward) is told apart from Tab (next pane).
static ENHANCED_KEYS: AtomicBool = AtomicBool::new(false);

/// The terminal is in the reader's modes (raw, alternate screen, mouse).
static ENTERED: AtomicBool = AtomicBool::new(false);

/// The process is ending (a signal arrived): nothing may take the terminal again. Set
/// and read under [`TERMINAL`], so a reader resumed by SIGCONT at the same moment as a
/// SIGTERM cannot re-enter full screen after the terminal was given back.
static ENDING: AtomicBool = AtomicBool::new(false);

/// Held while the terminal's modes change.
static TERMINAL: Mutex<()> = Mutex::new(());

/// The largest screen the reader lays out. A terminal reporting more (10000×10000) gets
/// the top-left part drawn: every cell costs memory twice (ratatui keeps two buffers),
/// and nobody reads text that wide.
pub const MAX_COLS: u16 = 1000;
pub const MAX_ROWS: u16 = 500;

/// A backend that reports at most [`MAX_COLS`] × [`MAX_ROWS`].
pub struct Clamped<B>(pub B);

impl<B: Backend> Backend for Clamped<B> {
    type Error = B::Error;
    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a ratatui::buffer::Cell)>,
    {
        self.0.draw(content)
    }
    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(p)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }
    fn clear_region(&mut self, t: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(t)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        let s = self.0.size()?;
        Ok(clamp_size(s))
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut w = self.0.window_size()?;
        w.columns_rows = clamp_size(w.columns_rows);
        Ok(w)
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

/// A terminal size bounded to what the reader lays out.
pub fn clamp_size(s: Size) -> Size {
    Size::new(s.width.min(MAX_COLS), s.height.min(MAX_ROWS))
}

fn enter() -> io::Result<Term> {
    let _guard = TERMINAL.lock().unwrap_or_else(|e| e.into_inner());
    if ENDING.load(Ordering::SeqCst) {
        return Err(io::Error::other("ending"));
    }
    enable_raw_mode()?;
    ENTERED.store(true, Ordering::SeqCst);
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
    let mut t = Terminal::new(Clamped(CrosstermBackend::new(out)))?;
    t.clear()?;
    Ok(t)
}

/// Put the terminal back the way the shell expects it. Safe to call twice and from any
/// thread; does nothing when the reader does not hold the terminal; errors are ignored
/// (the tty may already be gone).
pub fn leave() {
    let _guard = TERMINAL.lock().unwrap_or_else(|e| e.into_inner());
    restore();
}

/// Is this process in the terminal's foreground process group? (Only then may it
/// change the terminal's modes without being stopped by SIGTTOU.)
#[cfg(unix)]
pub fn foreground() -> bool {
    // SAFETY: plain system calls on file descriptor 0 and this process; no memory is
    // shared with them.
    unsafe { libc::tcgetpgrp(0) == libc::getpgrp() }
}

/// [`leave`] without the lock (the panic hook: the panicking thread may hold it).
fn restore() {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
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
        // Without the lock: the panicking thread may be the one holding it.
        restore();
        tracing::error!("panic: {info}");
        prev(info);
    }));
}

/// Signals that end the reader: the terminal is restored and the state saved first.
pub const ENDING_SIGNALS: &[i32] = &[
    libc::SIGTERM,
    libc::SIGHUP,
    libc::SIGINT,
    libc::SIGQUIT,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGALRM,
];

/// What a signal needs to save the state when the event loop cannot (it is stuck
/// writing to a terminal that stopped reading): the file, the state as loaded, and the
/// state as of the last key.
struct Snapshot {
    path: std::path::PathBuf,
    base: crate::state::State,
    mine: crate::state::State,
}

static SNAPSHOT: Mutex<Option<Snapshot>> = Mutex::new(None);

/// The signal that is ending the process (0: none).
static SIGNAL: AtomicI32 = AtomicI32::new(0);

/// How long the signal thread waits for the event loop to save and give the terminal
/// back before doing both itself.
const GRACE: Duration = Duration::from_millis(1500);

/// What the reader starts with besides the corpus.
#[derive(Debug, Default)]
pub struct Setup {
    pub config: crate::config::Config,
    /// Problems to show once in the status bar (a broken config, a damaged state file).
    pub notes: Vec<crate::notes::Note>,
    /// Where state is saved; `None`: it is not (no state directory).
    pub state_path: Option<std::path::PathBuf>,
    pub corpus_key: String,
}

/// Save the state: this instance's changes merged into the file (see crate::state).
fn save_state(s: &Snapshot) {
    match crate::state::save_merged(&s.path, &s.base, &s.mine) {
        Ok(None) => {}
        Ok(Some(w)) => tracing::warn!("{w}"),
        Err(e) => tracing::warn!(
            "cannot save state to {}: {e}",
            crate::safe::Safe::path(&s.path)
        ),
    }
}

/// End the process the way the signal asked, after the terminal is given back.
fn exit_for(sig: i32) -> ! {
    std::process::exit(128 + sig)
}

/// The signal thread: on an ending signal, tell the event loop to stop; if it has not
/// saved and let go of the terminal within [`GRACE`], do both here and exit.
fn watch_signals(stop: Arc<AtomicBool>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(ENDING_SIGNALS)?;
    std::thread::spawn(move || {
        let Some(sig) = signals.forever().next() else {
            return;
        };
        tracing::info!(sig, "signal: saving state, restoring the terminal, exiting");
        SIGNAL.store(sig, Ordering::SeqCst);
        {
            let _guard = TERMINAL.lock().unwrap_or_else(|e| e.into_inner());
            ENDING.store(true, Ordering::SeqCst);
        }
        stop.store(true, Ordering::SeqCst);
        std::thread::sleep(GRACE);
        // The event loop did not finish in time: do its work from here.
        let _guard = TERMINAL.lock().unwrap_or_else(|e| e.into_inner());
        restore();
        if let Some(s) = SNAPSHOT.lock().unwrap_or_else(|e| e.into_inner()).take() {
            save_state(&s);
        }
        exit_for(sig);
    });
    Ok(())
}

/// Keys while loading: q and Ctrl-C quit, Ctrl-Z suspends.
enum LoadingKey {
    Quit,
    Suspend,
    Other,
}

fn loading_key(k: &event::KeyEvent) -> LoadingKey {
    use event::{KeyCode, KeyModifiers};
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match k.code {
        KeyCode::Char('q') if !ctrl => LoadingKey::Quit,
        KeyCode::Char('c') if ctrl => LoadingKey::Quit,
        KeyCode::Char('z') if ctrl => LoadingKey::Suspend,
        _ => LoadingKey::Other,
    }
}

/// Load with a progress screen, then run the reader until the user quits.
/// `load` is called on a worker thread with a counter of files done.
pub fn run<F>(load: F, mut setup: Setup) -> io::Result<()>
where
    F: FnOnce(&AtomicUsize) -> Corpus + Send + 'static,
{
    let stop = Arc::new(AtomicBool::new(false));
    // Ending signals are handled on their own thread: when the tty has gone away the
    // event loop may be stuck inside crossterm's reader, so it cannot be relied on to
    // notice a flag in time.
    watch_signals(Arc::clone(&stop))?;
    install_panic_hook();
    let mut term = match enter() {
        Ok(t) => t,
        Err(e) => {
            leave();
            return Err(e);
        }
    };
    let theme = Theme::named(setup.config.theme.as_deref());
    let lang = setup
        .config
        .language
        .as_deref()
        .and_then(crate::ui::i18n::Lang::parse)
        .unwrap_or_default();

    let progress = Arc::new(AtomicUsize::new(0));
    let worker = {
        let progress = Arc::clone(&progress);
        std::thread::spawn(move || load(&progress))
    };
    while !worker.is_finished() {
        if stop.load(Ordering::Relaxed) {
            return finish(None);
        }
        let n = progress.load(Ordering::Relaxed);
        term.draw(|f| {
            let a = f.area();
            let msg = crate::ui::i18n::Msg::Loading.fill(lang, &[&n]);
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
        {
            match loading_key(&k) {
                LoadingKey::Quit => return finish(None),
                LoadingKey::Suspend => suspend(&mut term)?,
                LoadingKey::Other => {}
            }
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
    app.configure(&setup.config.settings());
    let mut base = None;
    let mut no_state_dir = false;
    match &setup.state_path {
        Some(p) => {
            let (state, warn) = crate::state::load(p);
            setup.notes.extend(warn);
            base = Some(state.clone());
            app.restore(state, &setup.corpus_key);
        }
        None => no_state_dir = true,
    }
    let mut said: Vec<String> = setup
        .notes
        .iter()
        .map(|n| {
            tracing::warn!("{}", crate::safe::Safe::text(&n.to_string()));
            crate::ui::i18n::note(n, lang)
        })
        .collect();
    if no_state_dir {
        said.push(crate::ui::i18n::Msg::NoStateDir.text(lang).into());
    }
    if !said.is_empty() {
        app.status = Some(said.join(" · "));
    }
    let snapshot = |app: &mut App| {
        if let (Some(p), Some(b)) = (&setup.state_path, &base) {
            *SNAPSHOT.lock().unwrap_or_else(|e| e.into_inner()) = Some(Snapshot {
                path: p.clone(),
                base: b.clone(),
                mine: app.to_state(),
            });
        }
    };
    snapshot(&mut app);
    let result = event_loop(&mut term, &mut app, &theme, &stop, &snapshot);
    snapshot(&mut app);
    finish(Some(result))
}

/// Give the terminal back, save the state, and when a signal is ending the process, exit
/// as it asked.
fn finish(result: Option<io::Result<()>>) -> io::Result<()> {
    leave();
    let snap = SNAPSHOT.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(s) = &snap {
        save_state(s);
    }
    let sig = SIGNAL.load(Ordering::SeqCst);
    if sig != 0 {
        exit_for(sig);
    }
    result.unwrap_or(Ok(()))
}

/// Put `text` on the clipboard through the terminal (OSC 52; tmux passes it on when
/// its set-clipboard option allows). Writes exactly one escape sequence.
pub fn write_clipboard(out: &mut impl std::io::Write, text: &str) -> io::Result<()> {
    out.write_all(crate::ui::app::osc52(text).as_bytes())?;
    out.flush()
}

fn event_loop(
    term: &mut Term,
    app: &mut App,
    theme: &Theme,
    stop: &AtomicBool,
    snapshot: &dyn Fn(&mut App),
) -> io::Result<()> {
    let mut dirty = true;
    let mut was_busy = false;
    loop {
        if stop.load(Ordering::Relaxed) {
            tracing::info!("signal: quitting");
            return Ok(());
        }
        if dirty {
            term.draw(|f| {
                frame(f.area(), f.buffer_mut(), app, theme);
            })?;
            dirty = false;
            // Search indexes are built after the first frame, off this thread.
            app.start_indexing();
        }
        // Wake up now and then to notice signals; a tty that went away makes poll/read
        // fail, which ends the loop instead of spinning.
        if !event::poll(Duration::from_millis(250))? {
            // While indexes build, redraw for the progress and pick up waiting queries.
            let busy = app.indexing_in_progress();
            if busy || was_busy || app.overlay().is_some_and(|o| o.pending) {
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
        snapshot(app);
        for effect in app.take_effects() {
            match effect {
                Effect::Copy(text) => write_clipboard(&mut io::stdout(), &text)?,
                Effect::Quit => return Ok(()),
                Effect::Suspend => suspend(term)?,
            }
        }
    }
}

/// Ctrl-Z: give the terminal back, stop, and on `fg` take it again and redraw fully.
fn suspend(term: &mut Term) -> io::Result<()> {
    leave();
    #[cfg(unix)]
    {
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        // Resumed (SIGCONT). By `fg`, the terminal is ours again. By `kill -CONT` (or
        // `bg`, or `kill -TERM` on a stopped job, which sends SIGCONT with it) it is
        // not: taking it from the background would stop us again (SIGTTOU) and leave it
        // half set. Wait a moment for a signal that ends us, then stop again until `fg`.
        let mut waited = Duration::ZERO;
        while !foreground() && !ENDING.load(Ordering::SeqCst) {
            if waited >= Duration::from_millis(300) {
                signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
                waited = Duration::ZERO;
            }
            std::thread::sleep(Duration::from_millis(20));
            waited += Duration::from_millis(20);
        }
    }
    // Take the terminal again and redraw everything, unless a signal is ending the
    // process: then save and exit, leaving the terminal to the shell.
    match enter() {
        Ok(t) => {
            *term = t;
            Ok(())
        }
        Err(e) => {
            if ENDING.load(Ordering::SeqCst) {
                finish(None)?;
            }
            Err(e)
        }
    }
}

//! The keymap is data: every binding, its scope and its help text live in [`KEYMAP`];
//! the `?` overlay is generated from it and the tests walk it, so a binding without an
//! effect fails a test.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    NextPane,
    PrevPane,
    PaneLeft,
    PaneRight,
    Down,
    Up,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Open,
    ToggleFold,
    FoldAll,
    UnfoldAll,
    Search,
    NextMatch,
    PrevMatch,
    Cancel,
    JumpBack,
    JumpForward,
    Zoom,
    Sort,
    Filter,
    Suspend,
    Palette,
    FullText,
    SameNext,
    SamePrev,
    /// The same agency's report of the next / previous year, at the same section.
    YearNext,
    YearPrev,
    /// Compare with the same agency's previous year.
    CompareYear,
    Compare,
    Coverage,
    Across,
    SetMark,
    GotoMark,
    Copy,
    CopyCitation,
    Close,
    LinkScroll,
    SwitchSide,
    Swap,
    LeftNext,
    LeftPrev,
    DeleteBack,
    DeleteForward,
    DeleteWord,
    DeleteToStart,
    CursorLeft,
    CursorRight,
    LineStart,
    LineEnd,
    HistoryPrev,
    HistoryNext,
    NextReading,
    /// A character typed into a prompt (never bound; keys no binding of a text scope
    /// takes become this).
    Insert(char),
}

impl Action {
    /// Every action (each must have a default binding; a test checks).
    pub const ALL: &[Action] = &[
        Action::Quit,
        Action::Help,
        Action::NextPane,
        Action::PrevPane,
        Action::PaneLeft,
        Action::PaneRight,
        Action::Down,
        Action::Up,
        Action::Top,
        Action::Bottom,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::Open,
        Action::ToggleFold,
        Action::FoldAll,
        Action::UnfoldAll,
        Action::Search,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Cancel,
        Action::JumpBack,
        Action::JumpForward,
        Action::Zoom,
        Action::Sort,
        Action::Filter,
        Action::Suspend,
        Action::Palette,
        Action::FullText,
        Action::SameNext,
        Action::SamePrev,
        Action::YearNext,
        Action::YearPrev,
        Action::CompareYear,
        Action::Compare,
        Action::Coverage,
        Action::Across,
        Action::SetMark,
        Action::GotoMark,
        Action::Copy,
        Action::CopyCitation,
        Action::Close,
        Action::LinkScroll,
        Action::SwitchSide,
        Action::Swap,
        Action::LeftNext,
        Action::LeftPrev,
        Action::DeleteBack,
        Action::DeleteForward,
        Action::DeleteWord,
        Action::DeleteToStart,
        Action::CursorLeft,
        Action::CursorRight,
        Action::LineStart,
        Action::LineEnd,
        Action::HistoryPrev,
        Action::HistoryNext,
        Action::NextReading,
    ];

    /// Stable name (for config overrides and messages).
    pub fn name(self) -> &'static str {
        use Action::*;
        match self {
            Quit => "quit",
            Help => "help",
            NextPane => "next_pane",
            PrevPane => "prev_pane",
            PaneLeft => "pane_left",
            PaneRight => "pane_right",
            Down => "down",
            Up => "up",
            Top => "top",
            Bottom => "bottom",
            HalfPageDown => "half_page_down",
            HalfPageUp => "half_page_up",
            PageDown => "page_down",
            PageUp => "page_up",
            Open => "open",
            ToggleFold => "toggle_fold",
            FoldAll => "fold_all",
            UnfoldAll => "unfold_all",
            Search => "search",
            NextMatch => "next_match",
            PrevMatch => "prev_match",
            Cancel => "cancel",
            JumpBack => "jump_back",
            JumpForward => "jump_forward",
            Zoom => "zoom",
            Sort => "sort",
            Filter => "filter",
            Suspend => "suspend",
            Palette => "palette",
            FullText => "full_text",
            SameNext => "same_section_next",
            SamePrev => "same_section_prev",
            YearNext => "same_agency_next_year",
            YearPrev => "same_agency_previous_year",
            CompareYear => "compare_previous_year",
            Compare => "compare",
            Coverage => "coverage",
            Across => "across_agencies",
            SetMark => "set_mark",
            GotoMark => "goto_mark",
            Copy => "copy_section",
            CopyCitation => "copy_citation",
            Close => "close",
            LinkScroll => "link_scroll",
            SwitchSide => "switch_side",
            Swap => "swap_sides",
            LeftNext => "left_next",
            LeftPrev => "left_prev",
            DeleteBack => "delete_back",
            DeleteForward => "delete_forward",
            DeleteWord => "delete_word",
            DeleteToStart => "delete_to_start",
            CursorLeft => "cursor_left",
            CursorRight => "cursor_right",
            LineStart => "line_start",
            LineEnd => "line_end",
            HistoryPrev => "history_prev",
            HistoryNext => "history_next",
            NextReading => "next_reading",
            Insert(_) => "insert",
        }
    }
}

/// Where a binding applies: the panes of the reader, and every mode that takes the
/// keys for itself (the help, the prompts, the palette, the full-screen views).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Any pane of the reader.
    Global,
    /// Only when the report list has focus.
    List,
    /// Only when the section tree has focus.
    Tree,
    /// The `?` overlay.
    Help,
    /// The one-line prompts: `/` in the text, the list filter.
    Prompt,
    /// The palette and the full-text search (`:` / Ctrl-p, `F`).
    Palette,
    /// The side-by-side compare view.
    Compare,
    /// One section in every report (`a`).
    Across,
    /// The coverage matrix (`C`).
    Coverage,
}

impl Scope {
    pub const ALL: &[Scope] = &[
        Scope::Global,
        Scope::List,
        Scope::Tree,
        Scope::Help,
        Scope::Prompt,
        Scope::Palette,
        Scope::Compare,
        Scope::Across,
        Scope::Coverage,
    ];

    /// The name used in the config (`"compare.close" = "Q"`) and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::List => "list",
            Scope::Tree => "tree",
            Scope::Help => "help",
            Scope::Prompt => "prompt",
            Scope::Palette => "palette",
            Scope::Compare => "compare",
            Scope::Across => "across",
            Scope::Coverage => "coverage",
        }
    }

    pub fn by_name(name: &str) -> Option<Scope> {
        Scope::ALL.iter().copied().find(|s| s.name() == name)
    }

    /// The list and the tree add to the global keys; every other scope has only its own.
    pub fn falls_back(self) -> bool {
        matches!(self, Scope::List | Scope::Tree)
    }

    /// Typed characters are text here: a key no binding takes becomes [`Action::Insert`].
    pub fn takes_text(self) -> bool {
        matches!(self, Scope::Prompt | Scope::Palette)
    }

    /// The heading of this scope in the help.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "everywhere",
            Scope::List => "report list",
            Scope::Tree => "section tree",
            Scope::Help => "this help",
            Scope::Prompt => "typing a search or a filter",
            Scope::Palette => "palette and full-text search",
            Scope::Compare => "compare view",
            Scope::Across => "one section in every report",
            Scope::Coverage => "coverage matrix",
        }
    }
}

/// A key: code plus the modifiers that must be held (Shift is implied by the character
/// for letters and symbols and is ignored there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }
    const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    const fn alt(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: true,
        }
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Does a terminal key event match this key?
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        let code = match ev.code {
            // Some terminals report Shift-Tab as Tab with SHIFT.
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        code == self.code && ctrl == self.ctrl && alt == self.alt
    }

    /// The event a user pressing this key produces (for tests and help).
    pub fn event(&self) -> KeyEvent {
        let mut m = KeyModifiers::NONE;
        if self.ctrl {
            m |= KeyModifiers::CONTROL;
        }
        if self.alt {
            m |= KeyModifiers::ALT;
        }
        if matches!(self.code, KeyCode::Char(c) if c.is_ascii_uppercase()) {
            m |= KeyModifiers::SHIFT;
        }
        KeyEvent::new(self.code, m)
    }

    /// How the help overlay writes it.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("Ctrl-{base}"),
            (_, true) => format!("Alt-{base}"),
            _ => base,
        }
    }
}

/// One binding.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub key: Key,
    pub action: Action,
    pub scope: Scope,
    pub help: &'static str,
}

mod defaults;
pub use defaults::KEYMAP;

/// The action for a key in a scope (scoped bindings before global ones).
pub fn lookup(ev: &KeyEvent, scope: Scope) -> Option<Action> {
    lookup_in(KEYMAP, ev, scope)
}

fn lookup_in(map: &[Binding], ev: &KeyEvent, scope: Scope) -> Option<Action> {
    let fallback = scope.falls_back();
    let found = map
        .iter()
        .filter(|b| b.scope == scope)
        .chain(map.iter().filter(|b| fallback && b.scope == Scope::Global))
        .find(|b| b.key.matches(ev))
        .map(|b| b.action);
    if found.is_none()
        && scope.takes_text()
        && let KeyCode::Char(c) = ev.code
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        && !c.is_control()
    {
        return Some(Action::Insert(c));
    }
    found
}

/// Help overlay lines: "keys  what", a heading per scope, one line per action. The
/// scope the help was opened from comes first, then every other one.
pub fn help_lines(first: Scope) -> Vec<(String, &'static str)> {
    help_lines_of(KEYMAP, first)
}

fn help_lines_of(map: &[Binding], first: Scope) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let order = std::iter::once(first).chain(Scope::ALL.iter().copied().filter(|&s| s != first));
    for scope in order {
        out.push((String::new(), scope.title()));
        let mut seen: Vec<(Action, &'static str)> = Vec::new();
        for bd in map.iter().filter(|b| b.scope == scope) {
            if seen.contains(&(bd.action, bd.help)) {
                continue;
            }
            seen.push((bd.action, bd.help));
            let keys: Vec<String> = map
                .iter()
                .filter(|o| o.scope == scope && o.action == bd.action && o.help == bd.help)
                .map(|o| o.key.label())
                .collect();
            out.push((keys.join(" "), bd.help));
        }
    }
    out
}

impl Action {
    /// The action with this config name.
    pub fn by_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}

/// A config key name: `action` or `scope.action`.
pub fn parse_action_name(name: &str) -> Option<(Option<Scope>, Action)> {
    match name.split_once('.') {
        Some((scope, action)) => Some((Some(Scope::by_name(scope)?), Action::by_name(action)?)),
        None => Some((None, Action::by_name(name)?)),
    }
}

impl Key {
    /// "x", "X", "Ctrl-x", "Alt-x", "Enter", "Esc", "Tab", "Shift-Tab", "Space", "Up",
    /// "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn", "Backspace", "Del", "F1"–"F12".
    pub fn parse(s: &str) -> Option<Key> {
        let (ctrl, alt, rest) = if let Some(r) = s.strip_prefix("Ctrl-") {
            (true, false, r)
        } else if let Some(r) = s.strip_prefix("Alt-") {
            (false, true, r)
        } else {
            (false, false, s)
        };
        let code = match rest {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "Shift-Tab" => KeyCode::BackTab,
            "Space" => KeyCode::Char(' '),
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "PgUp" => KeyCode::PageUp,
            "PgDn" => KeyCode::PageDown,
            "Backspace" => KeyCode::Backspace,
            "Del" => KeyCode::Delete,
            f if f.len() > 1
                && f.starts_with('F')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().ok()?)
            }
            one => {
                let mut cs = one.chars();
                let c = cs.next()?;
                if cs.next().is_some() {
                    return None;
                }
                KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
        };
        Some(Key { code, ctrl, alt })
    }
}

/// The keymap in use: the defaults with the config's overrides applied.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: KEYMAP.to_vec(),
        }
    }
}

impl Keymap {
    /// An overridden action loses its default keys and gets the given ones, in every
    /// scope it has default keys in (`down = ["x"]`), or in one scope only when the name
    /// says which (`"compare.close" = "Q"`). A plain name leaves the text scopes (the
    /// prompts, the palette) alone: a letter there must stay a letter. Unknown names and
    /// keys are skipped (the config parser reports them).
    pub fn with_overrides<'a>(
        overrides: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>,
    ) -> Keymap {
        let mut km = Keymap::default();
        for (name, keys) in overrides {
            let Some((only, action)) = parse_action_name(name) else {
                continue;
            };
            let mut scopes: Vec<(Scope, &'static str)> = Vec::new();
            for bd in KEYMAP.iter().filter(|b| b.action == action) {
                let wanted = match only {
                    Some(s) => bd.scope == s,
                    None => !bd.scope.takes_text(),
                };
                if wanted && !scopes.iter().any(|(s, _)| *s == bd.scope) {
                    scopes.push((bd.scope, bd.help));
                }
            }
            if scopes.is_empty()
                && let Some(s) = only
            {
                // An action given to a scope it has no default in (e.g. `compare.copy_section`).
                let help = KEYMAP
                    .iter()
                    .find(|b| b.action == action)
                    .map_or("", |b| b.help);
                scopes.push((s, help));
            }
            let keys: Vec<Key> = keys.into_iter().filter_map(Key::parse).collect();
            for (scope, help) in scopes {
                km.bindings
                    .retain(|b| !(b.action == action && b.scope == scope));
                for &k in &keys {
                    // The new key wins over any other action that had it.
                    km.bindings.retain(|b| !(b.key == k && b.scope == scope));
                    km.bindings.insert(
                        0,
                        Binding {
                            key: k,
                            action,
                            scope,
                            help,
                        },
                    );
                }
            }
        }
        // Ctrl-C always gets out, whatever the overrides did: it quits, and in the
        // prompts and the palette it closes them (the config parser refuses giving it
        // away, but a keymap built here must hold on its own).
        let ctrl_c = Key::ctrl('c');
        for way_out in KEYMAP.iter().filter(|b| b.key == ctrl_c) {
            km.bindings
                .retain(|b| !(b.key == ctrl_c && b.scope == way_out.scope));
            km.bindings.push(*way_out);
        }
        km
    }

    pub fn lookup(&self, ev: &KeyEvent, scope: Scope) -> Option<Action> {
        lookup_in(&self.bindings, ev, scope)
    }

    /// Help overlay lines for this keymap, `first`'s keys first.
    pub fn help_lines(&self, first: Scope) -> Vec<(String, &'static str)> {
        help_lines_of(&self.bindings, first)
    }

    /// The first key bound to `action` in `scope` (or, for the reader's panes, in the
    /// global scope), as the help writes it: the hints show the keys in force.
    pub fn key_for(&self, action: Action, scope: Scope) -> Option<String> {
        let own = self
            .bindings
            .iter()
            .filter(|b| b.scope == scope && b.action == action);
        let global = self
            .bindings
            .iter()
            .filter(|b| scope.falls_back() && b.scope == Scope::Global && b.action == action);
        // Later defaults are the first written in KEYMAP; overrides are inserted first.
        own.chain(global).next().map(|b| b.key.label())
    }
}

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
    Compare,
    Coverage,
    Across,
    SetMark,
    GotoMark,
    Copy,
    CopyCitation,
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
        Action::Compare,
        Action::Coverage,
        Action::Across,
        Action::SetMark,
        Action::GotoMark,
        Action::Copy,
        Action::CopyCitation,
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
            Compare => "compare",
            Coverage => "coverage",
            Across => "across_agencies",
            SetMark => "set_mark",
            GotoMark => "goto_mark",
            Copy => "copy_section",
            CopyCitation => "copy_citation",
        }
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Any pane.
    Global,
    /// Only when the report list has focus.
    List,
    /// Only when the section tree has focus.
    Tree,
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

const fn b(key: Key, action: Action, scope: Scope, help: &'static str) -> Binding {
    Binding {
        key,
        action,
        scope,
        help,
    }
}

use Action::*;
use KeyCode as K;
use Scope::*;

/// Every default binding. Scoped bindings come first so they win over global ones.
pub const KEYMAP: &[Binding] = &[
    b(Key::ch('/'), Filter, List, "filter the report list"),
    b(Key::ch('s'), Sort, List, "sort by agency / year / file"),
    b(Key::ch('o'), ToggleFold, Tree, "fold / unfold the section"),
    b(Key::ch(' '), ToggleFold, Tree, "fold / unfold the section"),
    b(Key::ch('M'), FoldAll, Tree, "fold all"),
    b(Key::ch('R'), UnfoldAll, Tree, "unfold all"),
    b(Key::ch('q'), Quit, Global, "quit"),
    b(Key::ctrl('c'), Quit, Global, "quit"),
    b(Key::ch('?'), Help, Global, "this help"),
    b(Key::plain(K::Tab), NextPane, Global, "next pane"),
    b(Key::plain(K::BackTab), PrevPane, Global, "previous pane"),
    b(Key::ch('h'), PaneLeft, Global, "pane to the left"),
    b(Key::plain(K::Left), PaneLeft, Global, "pane to the left"),
    b(Key::ch('l'), PaneRight, Global, "pane to the right"),
    b(Key::plain(K::Right), PaneRight, Global, "pane to the right"),
    b(Key::ch('j'), Down, Global, "down"),
    b(Key::plain(K::Down), Down, Global, "down"),
    b(Key::ch('k'), Up, Global, "up"),
    b(Key::plain(K::Up), Up, Global, "up"),
    b(Key::ch('g'), Top, Global, "top"),
    b(Key::plain(K::Home), Top, Global, "top"),
    b(Key::ch('G'), Bottom, Global, "bottom"),
    b(Key::plain(K::End), Bottom, Global, "bottom"),
    b(Key::ctrl('d'), HalfPageDown, Global, "half a page down"),
    b(Key::ctrl('u'), HalfPageUp, Global, "half a page up"),
    b(Key::plain(K::PageDown), PageDown, Global, "page down"),
    b(Key::ch(' '), PageDown, Global, "page down"),
    b(Key::ctrl('f'), PageDown, Global, "page down"),
    b(Key::plain(K::PageUp), PageUp, Global, "page up"),
    b(Key::ch('b'), PageUp, Global, "page up"),
    b(Key::ctrl('b'), PageUp, Global, "page up"),
    b(
        Key::plain(K::Enter),
        Open,
        Global,
        "open / go to the next pane",
    ),
    b(Key::ch('/'), Search, Global, "search this report"),
    b(Key::ch('n'), NextMatch, Global, "next match"),
    b(Key::ch('N'), PrevMatch, Global, "previous match"),
    b(
        Key::plain(K::Esc),
        Cancel,
        Global,
        "clear search/filter, close",
    ),
    b(Key::ctrl('o'), JumpBack, Global, "jump back"),
    b(
        Key::ctrl('i'),
        JumpForward,
        Global,
        "jump forward (kitty keyboard)",
    ),
    b(
        Key {
            code: K::Char('i'),
            ctrl: false,
            alt: true,
        },
        JumpForward,
        Global,
        "jump forward",
    ),
    b(Key::ch('z'), Zoom, Global, "zoom the text full width"),
    b(
        Key::ctrl('p'),
        Palette,
        Global,
        "jump to any section (Chinese or pinyin)",
    ),
    b(
        Key::ch(':'),
        Palette,
        Global,
        "jump to any section (Chinese or pinyin)",
    ),
    b(
        Key::ch('F'),
        FullText,
        Global,
        "search the text of all reports",
    ),
    b(
        Key::ch(']'),
        SameNext,
        Global,
        "same section in the next report",
    ),
    b(
        Key::ch('['),
        SamePrev,
        Global,
        "same section in the previous report",
    ),
    b(
        Key::ch('c'),
        Compare,
        Global,
        "compare side by side (next report)",
    ),
    b(
        Key::ch('C'),
        Coverage,
        Global,
        "coverage matrix of the statutory parts",
    ),
    b(Key::ch('a'), Across, Global, "this section in every report"),
    b(
        Key::ch('m'),
        SetMark,
        Global,
        "m + letter: set a mark (A-Z: global)",
    ),
    b(Key::ch('\''), GotoMark, Global, "' + letter: go to a mark"),
    b(
        Key::ch('y'),
        Copy,
        Global,
        "copy section + citation (OSC 52)",
    ),
    b(Key::ch('Y'), CopyCitation, Global, "copy the citation only"),
    b(Key::ctrl('z'), Suspend, Global, "suspend (fg to resume)"),
];

/// The action for a key in a scope (scoped bindings before global ones).
pub fn lookup(ev: &KeyEvent, scope: Scope) -> Option<Action> {
    lookup_in(KEYMAP, ev, scope)
}

fn lookup_in(map: &[Binding], ev: &KeyEvent, scope: Scope) -> Option<Action> {
    map.iter()
        .filter(|b| b.scope == scope)
        .chain(map.iter().filter(|b| b.scope == Global))
        .find(|b| b.key.matches(ev))
        .map(|b| b.action)
}

/// Help overlay lines: "keys  what", grouped by scope, one line per action.
pub fn help_lines() -> Vec<(String, &'static str)> {
    help_lines_of(KEYMAP)
}

fn help_lines_of(map: &[Binding]) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for scope in [Global, List, Tree] {
        let title = match scope {
            Global => "everywhere",
            List => "report list",
            Tree => "section tree",
        };
        out.push((String::new(), title));
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

impl Key {
    /// "x", "X", "Ctrl-x", "Alt-x", "Enter", "Esc", "Tab", "Shift-Tab", "Space", "Up",
    /// "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn".
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
    /// An overridden action loses its default keys and gets the given ones (in the
    /// scope of its first default binding). Unknown names and keys are skipped (the
    /// config parser reports them).
    pub fn with_overrides<'a>(
        overrides: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>,
    ) -> Keymap {
        let mut km = Keymap::default();
        for (name, keys) in overrides {
            let Some(action) = Action::by_name(name) else {
                continue;
            };
            let template = km.bindings.iter().find(|b| b.action == action).copied();
            let (scope, help) = template.map_or((Global, ""), |b| (b.scope, b.help));
            km.bindings.retain(|b| b.action != action);
            for k in keys.into_iter().filter_map(Key::parse) {
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
        // Ctrl-C always quits, whatever the overrides did (the config parser refuses
        // giving it away, but a keymap built here must hold on its own).
        let ctrl_c = Key::ctrl('c');
        km.bindings
            .retain(|b| !(b.key == ctrl_c && b.scope == Global && b.action != Quit));
        if !km
            .bindings
            .iter()
            .any(|b| b.key == ctrl_c && b.action == Quit)
        {
            km.bindings.push(Binding {
                key: ctrl_c,
                action: Quit,
                scope: Global,
                help: "quit",
            });
        }
        km
    }

    pub fn lookup(&self, ev: &KeyEvent, scope: Scope) -> Option<Action> {
        lookup_in(&self.bindings, ev, scope)
    }

    /// Help overlay lines for this keymap.
    pub fn help_lines(&self) -> Vec<(String, &'static str)> {
        help_lines_of(&self.bindings)
    }
}

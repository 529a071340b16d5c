//! Input to state: a key becomes actions in the scope of the mode showing, and each
//! action changes the state and says what only the terminal loop can do ([`Effect`]s).
//! The one way in for keys: nothing else reads a key code, so every key is in the
//! keymap, in `?` and in the config.

use super::app::{App, Effect, Mode, Pane, View};
use super::keymap::{Action, Scope};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Carry out `a` in the scope showing; returns the effects it asked for, in order.
pub fn update(app: &mut App, a: Action) -> Vec<Effect> {
    let before = app.effects.len();
    let scope = scope(app);
    app.act(scope, a);
    app.effects.split_off(before.min(app.effects.len()))
}

/// The scope keys are looked up in now (the topmost mode first).
pub fn scope(app: &App) -> Scope {
    match app.mode {
        Mode::Help { .. } => return Scope::Help,
        Mode::Palette(_) => return Scope::Palette,
        _ => {}
    }
    match app.view {
        View::Compare(_) => return Scope::Compare,
        View::Across(_) => return Scope::Across,
        View::Coverage(_) => return Scope::Coverage,
        View::Reader => {}
    }
    if matches!(app.mode, Mode::Prompt(_)) {
        return Scope::Prompt;
    }
    match app.focus {
        Pane::List => Scope::List,
        Pane::Tree => Scope::Tree,
        Pane::Viewer => Scope::Global,
    }
}

/// What a key stands for now: a mark's letter after `m` or `'`; in the list, a Chinese
/// (or any non-ASCII) character starts a new filter with it (ASCII letters are key
/// bindings); anything else, the keymap's action in the scope showing.
pub fn actions(app: &App, ev: &KeyEvent) -> Vec<Action> {
    if ev.kind == KeyEventKind::Release {
        return Vec::new();
    }
    if let Mode::Mark(_) = app.mode {
        return vec![match ev.code {
            KeyCode::Char(c) => Action::Insert(c),
            _ => Action::Cancel,
        }];
    }
    let scope = scope(app);
    if scope == Scope::List
        && let KeyCode::Char(c) = ev.code
        && !c.is_ascii()
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return vec![Action::Filter, Action::DeleteToStart, Action::Insert(c)];
    }
    app.keymap.lookup(ev, scope).into_iter().collect()
}

impl App {
    /// A key: its actions, carried out in turn; their effects wait in `effects` for the
    /// terminal loop ([`App::take_effects`]).
    pub fn on_key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        // A key in the panes clears the last message (the modes keep theirs).
        if matches!(scope(self), Scope::Global | Scope::List | Scope::Tree) {
            self.status = None;
        }
        for a in actions(self, &ev) {
            let fx = update(self, a);
            self.effects.extend(fx);
        }
    }

    /// The scope keys are looked up in now.
    pub fn scope(&self) -> Scope {
        scope(self)
    }
}

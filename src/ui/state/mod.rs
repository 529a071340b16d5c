//! The reader's state, one struct per concern: the list, the tree, the viewer, the
//! jumps, the prompts and palette, and the full-screen views. [`crate::ui::App`] holds one
//! of each, plus two enums that say what is on the screen: the [`View`] (the reader's
//! panes or a full-screen view) and the [`Mode`] over it (what takes the keys first).
//! Every combination of the two is a legal screen.

pub mod jumps;
pub mod list;
pub mod palette;
pub mod tree;
pub mod viewer;
pub mod views;

pub use jumps::{Jumps, Pos};
pub use list::{ListState, Sort};
pub use palette::{OVERLAY_LIMIT, Overlay, OverlayKind, Prompt, PromptKind, SNIPPET_CHARS};
pub use tree::TreeState;
pub use viewer::{Search, ViewerState};
pub use views::{AcrossView, CompareView, CoverageView, View, compare_rows};

use crate::ui::keymap::Scope;

/// What takes the keys before the view under it: nothing, the help, a status-bar
/// prompt, the palette, or a mark's letter still to come. One at a time.
#[derive(Debug, Clone, Default)]
pub enum Mode {
    #[default]
    Normal,
    /// The help, opened from `scope` (its keys are listed first), scrolled to `top`.
    Help { scope: Scope, top: usize },
    /// `/` or the list filter, in the status bar.
    Prompt(Prompt),
    /// The palette or full-text search.
    Palette(Overlay),
    /// `m` or `'` was typed: the next letter names a mark.
    Mark(char),
}

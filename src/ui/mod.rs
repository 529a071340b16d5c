//! The three-pane reader: state and input handling ([`app`]), the keymap as data
//! ([`keymap`]), the viewer's document layout ([`doc`]) and drawing ([`view`]).
//! Terminal setup, signals and the event loop live in [`crate::term`].

pub mod app;
pub mod doc;
pub mod i18n;
pub mod keymap;
pub mod line;
pub mod state;
pub mod update;
pub mod view;

pub use app::{App, Pane};
pub use view::{Theme, frame, geometry, render};

//! baogao (报告): read and compare Chinese government annual reports.
//!
//! Data flows one way: [`ingest`] turns bytes into [`corpus::Report`]s; [`align`] labels
//! their sections with canonical keys; [`export`] and the CLI read the model.

pub mod align;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod export;
pub mod figures;
#[doc(hidden)]
pub mod fuzzing;
pub mod ingest;
pub mod notes;
pub mod outline;
pub mod review;
pub mod safe;
pub mod search;
pub mod state;
pub mod synth;
pub mod term;
pub mod text;
pub mod ui;
pub mod wrap;

pub use corpus::{Corpus, Label, Report, Section, SectionId};

//! Finding things across the corpus: the section palette ([`palette`], fuzzy over
//! headings in Chinese or pinyin).

pub mod palette;

pub use palette::{PaletteHit, PaletteIndex, Query};

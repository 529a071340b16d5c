//! Finding things across the corpus: the section palette ([`palette`], fuzzy over
//! headings in Chinese or pinyin) and full-text search ([`fulltext`], jieba + BM25).

pub mod fulltext;
pub mod palette;
pub mod pinyin;

pub use fulltext::{TextHit, TextIndex, TextQuery};
pub use palette::{PaletteHit, PaletteIndex, Query};

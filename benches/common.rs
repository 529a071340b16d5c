//! Shared by the benches: the generated 10,000-report corpus, written once into
//! target/bench-corpus.
#![allow(dead_code)]

use std::path::PathBuf;

pub const REPORTS: usize = 10_000;

pub fn corpus_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus");
    let complete = dir.join(".complete");
    if !complete.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let bytes = baogao::synth::write_corpus(&dir, REPORTS).expect("write bench corpus");
        std::fs::write(&complete, bytes.to_string()).unwrap();
    }
    dir
}

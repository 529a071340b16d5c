//! Loading a 10,000-report corpus (read + decode + clean + parse + label, both cores)
//! against ripgrep reading and searching the same files in the same run.
//!
//! `cargo bench --bench load`. The corpus is generated once into target/bench-corpus
//! (deterministic, ~90 MB). rg comes from Debian's ripgrep package; without it the
//! reference is skipped with a message.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::process::Command;
use std::time::Duration;

use common::REPORTS;

// The same allocator as the binary, so the figure is what a user gets.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "common.rs"]
mod common;
use common::corpus_dir;

fn load(c: &mut Criterion) {
    let dir = corpus_dir();
    let bytes: u64 = std::fs::read_to_string(dir.join(".complete"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    eprintln!(
        "corpus: {REPORTS} reports, {:.1} MB in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    let mut g = c.benchmark_group("load_10k");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(15));
    g.bench_function("baogao_load_parse_label", |b| {
        // The user waits for the load, not for freeing it: drop outside the timing.
        b.iter_with_large_drop(|| {
            let corpus = baogao::ingest::load_paths(std::slice::from_ref(&dir));
            assert_eq!(corpus.reports.len(), REPORTS);
            black_box(corpus)
        })
    });
    let rg_ok = Command::new("rg").arg("--version").output().is_ok();
    if rg_ok {
        g.bench_function("rg_count_matches", |b| {
            b.iter(|| {
                // Read every file and search it: the floor for touching all the bytes.
                let out = Command::new("rg")
                    .args(["--count-matches", "--no-messages", "-j2", "法治"])
                    .arg(&dir)
                    .output()
                    .unwrap();
                black_box(out.stdout.len())
            })
        });
    } else {
        eprintln!("rg not found: install ripgrep for the reference measurement");
    }
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);

//! The reviewers' tables over the 10,000-report bench corpus, loaded once:
//! `baogao review`'s rows (statutory parts, the 31 March rule, figures per 1,000
//! characters) and `baogao figures`' extraction over every report.
//!
//! `cargo bench --bench review`.

use criterion::{Criterion, criterion_group, criterion_main};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "common.rs"]
mod common;
use common::corpus_dir;

fn reviewer(c: &mut Criterion) {
    let corpus = baogao::ingest::load_paths(&[corpus_dir()]);
    assert_eq!(corpus.reports.len(), common::REPORTS);
    let mut g = c.benchmark_group("reviewer_10k");
    g.sample_size(10);
    g.bench_function("review_table", |b| {
        b.iter(|| baogao::review::table(&corpus).len())
    });
    g.bench_function("figures_all_reports", |b| {
        b.iter(|| {
            use rayon::prelude::*;
            corpus
                .reports
                .par_iter()
                .map(|r| baogao::figures::of_report(r).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, reviewer);
criterion_main!(benches);

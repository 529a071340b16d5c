//! Opening compare (alignment by label + shared phrases + similarity) on two reports of
//! about 10,000 characters each, and the coverage matrix for 10,000 reports.
//!
//! `cargo bench --bench compare`.

use baogao::compare;
use baogao::corpus::{Label, PARTS};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "common.rs"]
mod common;
use common::corpus_dir;

/// A report of at least `chars` characters: generated sections appended until long.
fn long_report(seed: u64, chars: usize) -> baogao::Report {
    let mut text = String::new();
    let mut s = seed;
    while text.chars().count() < chars {
        text.push_str(&baogao::synth::report_text(s));
        s += 1000;
    }
    baogao::ingest::parse_bytes("long.txt", text.as_bytes()).unwrap()
}

fn bench(c: &mut Criterion) {
    let a = long_report(1, 10_000);
    let b = long_report(2, 10_000);
    let whole = |r: &baogao::Report| {
        r.roots
            .iter()
            .map(|&id| compare::section_text(r, id))
            .collect::<Vec<_>>()
            .join("\n")
    };
    eprintln!(
        "compare: {} and {} characters",
        whole(&a).chars().count(),
        whole(&b).chars().count()
    );
    baogao::align::warm_up();
    let mut g = c.benchmark_group("compare");
    let (wa, wb) = (whole(&a), whole(&b));
    g.bench_function("whole_reports_shared_phrases_10k_chars", |bench| {
        bench.iter(|| {
            let (ra, rb) = compare::shared_phrases(&wa, &wb, 3);
            black_box(compare::similarity(&wa, &wb, &ra, &rb))
        })
    });
    g.bench_function("open_compare_two_10k_char_reports", |bench| {
        bench.iter(|| {
            // Align the two reports part by part, find shared phrases, score each part.
            let mut total = 0u32;
            for l in PARTS {
                let (Some(x), Some(y)) =
                    (compare::section_with(&a, l), compare::section_with(&b, l))
                else {
                    continue;
                };
                let (ta, tb) = (compare::section_text(&a, x), compare::section_text(&b, y));
                let (ra, rb) = compare::shared_phrases(&ta, &tb, 3);
                total += compare::similarity(&ta, &tb, &ra, &rb) as u32;
            }
            black_box(total)
        })
    });
    let corpus = baogao::ingest::load_paths(&[corpus_dir()]);
    let cols = compare::coverage_columns(&corpus, 4);
    g.bench_function("coverage_matrix_10k_reports", |bench| {
        bench.iter(|| black_box(compare::coverage(&corpus, &cols)))
    });
    let _ = Label::MeasuresOutcomes;
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

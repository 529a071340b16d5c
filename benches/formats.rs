//! 1,000 reports in each format, parsed on both cores (decode + extract + clean + parse +
//! label): text, a GBK government web page (as tests/formats.rs makes it), a DOCX with automatic numbering, a Word
//! 97–2003 file, PDFs on both Chinese font set-ups and an OFD, each made from the five
//! samples by the generators the tests use (tests/common/files.rs).
//!
//! `cargo bench --bench formats`. The ratio to the text path is the figure that matters.

use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;
use std::hint::black_box;
use std::time::Duration;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[allow(dead_code)]
#[path = "../tests/common/files.rs"]
mod files;

use baogao::ingest::{decode, parse_bytes, samples::SAMPLES};
use files::{Font, NUMBERING, as_word_body, doc, docx, gov_page, ofd, pdf, wrap};

const PER_FORMAT: usize = 1000;

/// A format's name and how the i-th file of it is made.
type Maker<'a> = (&'static str, Box<dyn Fn(usize) -> Vec<u8> + 'a>);

fn formats(c: &mut Criterion) {
    let texts: Vec<String> = SAMPLES
        .iter()
        .map(|(_, b)| decode::decode(b).unwrap().text)
        .collect();
    let make: Vec<Maker> = vec![
        ("txt", Box::new(|i| SAMPLES[i % 5].1.to_vec())),
        (
            "html",
            Box::new(|i| gov_page("某某报告", "2025-03-31", &texts[i % 5])),
        ),
        (
            "docx",
            Box::new(|i| docx(&as_word_body(&texts[i % 5]).0, Some(NUMBERING), None)),
        ),
        ("doc", Box::new(|i| doc(&texts[i % 5]))),
        (
            "pdf_gbk_euc",
            Box::new(|i| pdf(&wrap(&texts[i % 5], 72), Font::GbkEuc)),
        ),
        (
            "pdf_identity_tounicode",
            Box::new(|i| pdf(&wrap(&texts[i % 5], 72), Font::IdentityToUnicode)),
        ),
        ("ofd", Box::new(|i| ofd(&wrap(&texts[i % 5], 72)))),
    ];
    let mut g = c.benchmark_group("formats_1000");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    for (name, f) in &make {
        // Five distinct files, repeated: generating 1,000 of each is not what is timed.
        let five: Vec<Vec<u8>> = (0..5).map(f).collect();
        let bytes: usize = (0..PER_FORMAT).map(|i| five[i % 5].len()).sum();
        eprintln!("{name}: {PER_FORMAT} files, {:.1} MB", bytes as f64 / 1e6);
        g.bench_function(*name, |b| {
            b.iter_with_large_drop(|| {
                let reports: Vec<_> = (0..PER_FORMAT)
                    .into_par_iter()
                    .map(|i| {
                        parse_bytes(&format!("r{i}"), black_box(&five[i % 5])).expect("parses")
                    })
                    .collect();
                reports
            })
        });
    }
    g.finish();
}

criterion_group!(benches, formats);
criterion_main!(benches);

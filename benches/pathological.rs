//! The input shapes that used to make parsing quadratic, at 20k, 40k and 100k lines:
//! one numbered heading repeated (a `Vec::remove` loop), unnumbered markdown headings
//! (the level inference rescanned every later heading), table rows (front matter compared
//! every row with every other). Each stage must grow linearly: 10× the lines, ≤ ~12× the
//! time. `cargo bench --bench pathological`; the growth ratios are printed at the end.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::{Duration, Instant};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 3] = [20_000, 40_000, 100_000];

fn shape(name: &str, n: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 0..n {
        match name {
            "repeated_heading" => s.push_str("一、主要举措和成效\n"),
            "markdown_headings" => s.push_str(&format!("## 标题第{i}项工作\n")),
            "table_rows" => s.push_str(&format!("| 项目{i} | 数量 | 单位 |\n")),
            _ => unreachable!(),
        }
    }
    s.into_bytes()
}

const SHAPES: [&str; 3] = ["repeated_heading", "markdown_headings", "table_rows"];

fn pathological(c: &mut Criterion) {
    // The word segmenter is built once per process; keep it out of the figures.
    baogao::align::warm_up();
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    for name in SHAPES {
        for n in SIZES {
            let bytes = shape(name, n);
            g.bench_with_input(BenchmarkId::new(name, n), &bytes, |b, bytes| {
                b.iter_with_large_drop(|| {
                    baogao::ingest::parse_bytes("shape.txt", black_box(bytes)).unwrap()
                })
            });
        }
    }
    g.finish();
    // Growth from 20k to 100k lines (5×) and, extrapolated linearly, per 10×: medians of
    // a few runs each, measured here in the same process.
    eprintln!("\ngrowth (median of 5 runs):");
    for name in SHAPES {
        let t: Vec<f64> = [10_000, 100_000]
            .iter()
            .map(|&n| {
                let bytes = shape(name, n);
                let mut v: Vec<f64> = (0..5)
                    .map(|_| {
                        let t = Instant::now();
                        black_box(baogao::ingest::parse_bytes("shape.txt", &bytes).unwrap());
                        t.elapsed().as_secs_f64()
                    })
                    .collect();
                v.sort_by(f64::total_cmp);
                v[2]
            })
            .collect();
        eprintln!(
            "  {name}: 10k {:.1} ms, 100k {:.1} ms, ratio {:.1}x for 10x the lines",
            t[0] * 1e3,
            t[1] * 1e3,
            t[1] / t[0]
        );
    }
}

criterion_group!(benches, pathological);
criterion_main!(benches);

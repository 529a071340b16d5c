//! The input shapes that used to make parsing quadratic, at 20k, 40k and 100k lines:
//! one numbered heading repeated (a `Vec::remove` loop), unnumbered markdown headings
//! (the level inference rescanned every later heading), table rows (front matter compared
//! every row with every other); and web pages of N paragraphs, table rows or links (the
//! page path: html5ever, content scoring, lines). Each stage must grow linearly: 10× the lines, ≤ ~12× the
//! time. `cargo bench --bench pathological`; the growth ratios are printed at the end.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::{Duration, Instant};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 3] = [20_000, 40_000, 100_000];

fn shape(name: &str, n: usize) -> Vec<u8> {
    let mut s = String::new();
    let page = name.starts_with("html_");
    if page {
        s.push_str("<!DOCTYPE html><html><head><title>某某报告</title></head><body><div>");
    }
    for i in 0..n {
        match name {
            "repeated_heading" => s.push_str("一、主要举措和成效\n"),
            "markdown_headings" => s.push_str(&format!("## 标题第{i}项工作\n")),
            "table_rows" => s.push_str(&format!("| 项目{i} | 数量 | 单位 |\n")),
            // A web page: N paragraphs of prose, N table rows, N links (one line each).
            "html_paragraphs" => s.push_str(&format!("<p>第{i}项，推进依法行政，规范执法。</p>\n")),
            "html_table_rows" => s.push_str(&format!("<tr><td>项目{i}</td><td>数量</td></tr>\n")),
            "html_links" => s.push_str(&format!("<li><a href=\"/{i}\">链接第{i}条</a></li>\n")),
            _ => unreachable!(),
        }
    }
    if page {
        s.push_str("</div></body></html>\n");
    }
    s.into_bytes()
}

fn file_name(shape: &str) -> &'static str {
    if shape.starts_with("html_") {
        "shape.html"
    } else {
        "shape.txt"
    }
}

const SHAPES: [&str; 6] = [
    "repeated_heading",
    "markdown_headings",
    "table_rows",
    "html_paragraphs",
    "html_table_rows",
    "html_links",
];

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
                    baogao::ingest::parse_bytes(file_name(name), black_box(bytes)).unwrap()
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
                        black_box(baogao::ingest::parse_bytes(file_name(name), &bytes).unwrap());
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

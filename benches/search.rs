//! Palette keystrokes on the 10,000-report corpus (~257,000 headings), every query shape,
//! as a first keystroke (no narrowing from an earlier query: the worst case), against
//! `fzf --filter` over the same heading list in the same run.
//!
//! `cargo bench --bench search`. fzf comes from Debian's fzf package; without it the
//! reference is skipped with a message.

use baogao::search::{PaletteIndex, Query, TextIndex, TextQuery};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Write;
use std::process::{Command, Stdio};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "common.rs"]
mod common;
use common::corpus_dir;

const QUERIES: &[(&str, &str)] = &[
    ("one_char", "法"),
    ("two_chars", "普法"),
    ("four_chars", "普法宣传"),
    ("initials", "pfxc"),
    ("full_pinyin", "pufaxuanchuan"),
];

fn palette(c: &mut Criterion) {
    let corpus = baogao::ingest::load_paths(&[corpus_dir()]);
    let t = std::time::Instant::now();
    let index = PaletteIndex::build(&corpus);
    eprintln!(
        "palette index: {} sections, {} distinct headings, built in {:.0} ms",
        index.section_count(),
        index.distinct_titles(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    let mut g = c.benchmark_group("palette_10k");
    for (name, q) in QUERIES {
        let query = Query::parse(q);
        g.bench_function(*name, |b| {
            b.iter(|| {
                index.forget();
                black_box(index.search(&corpus, &query, 100))
            })
        });
    }
    // The reference: fzf over the same headings, one per line.
    let list = std::env::temp_dir().join("baogao-bench-headings.txt");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&list).unwrap());
        for r in &corpus.reports {
            for s in &r.sections {
                writeln!(f, "{}", s.title).unwrap();
            }
        }
    }
    if Command::new("fzf").arg("--version").output().is_ok() {
        for (name, q) in QUERIES {
            g.bench_function(format!("fzf_{name}"), |b| {
                b.iter(|| {
                    let out = Command::new("fzf")
                        .args(["--filter", q])
                        .stdin(Stdio::from(std::fs::File::open(&list).unwrap()))
                        .output()
                        .unwrap();
                    black_box(out.stdout.len())
                })
            });
        }
    } else {
        eprintln!("fzf not found: install fzf for the reference measurement");
    }
    g.finish();
}

const TEXT_QUERIES: &[(&str, &str)] = &[
    ("common_word", "法治"),
    ("two_words", "普法 宣传"),
    ("rare_word", "信访"),
    ("phrase", "\"行政执法案卷评查\""),
];

fn full_text(c: &mut Criterion) {
    let dir = corpus_dir();
    let corpus = baogao::ingest::load_paths(std::slice::from_ref(&dir));
    let t = std::time::Instant::now();
    let index = TextIndex::build(&corpus, &std::sync::atomic::AtomicUsize::new(0));
    eprintln!(
        "text index: {} sections, {} terms, {:.1} MB of postings, built in {:.0} ms",
        index.doc_count(),
        index.term_count(),
        index.posting_bytes() as f64 / 1e6,
        t.elapsed().as_secs_f64() * 1000.0
    );
    let mut g = c.benchmark_group("fulltext_10k");
    for (name, q) in TEXT_QUERIES {
        let query = TextQuery::parse(q);
        g.bench_function(*name, |b| {
            b.iter(|| black_box(index.search(&corpus, &query, 100)))
        });
    }
    if Command::new("rg").arg("--version").output().is_ok() {
        for (name, q) in TEXT_QUERIES {
            let pattern = q.trim_matches('"').replace(' ', ".*");
            g.bench_function(format!("rg_{name}"), |b| {
                b.iter(|| {
                    let out = Command::new("rg")
                        .args(["-c", "--no-messages", "-j2", &pattern])
                        .arg(&dir)
                        .output()
                        .unwrap();
                    black_box(out.stdout.len())
                })
            });
        }
    } else {
        eprintln!("rg not found: install ripgrep for the reference measurement");
    }
    g.finish();
}

criterion_group!(benches, palette, full_text);
criterion_main!(benches);

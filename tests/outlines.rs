//! The whole outline and metadata of every report we have an expectation for:
//! the five embedded samples (tests/fixtures/samples/*.expect, with topic labels too)
//! and reports the
//! parser was not tuned on (tests/fixtures/unseen/*.expect, written by hand from
//! reading each text).
mod common;

use baogao::ingest::load::{load_paths, load_samples};
use std::path::Path;

fn check(
    name: &str,
    report: &baogao::Report,
    topics: bool,
    expect_file: &Path,
    failures: &mut Vec<String>,
) {
    let actual = common::digest(report, topics);
    if std::env::var_os("BAOGAO_BLESS").is_some() {
        std::fs::write(expect_file.with_extension("actual"), &actual).unwrap();
    }
    let expected = std::fs::read_to_string(expect_file)
        .unwrap_or_else(|e| format!("(cannot read {}: {e})", expect_file.display()));
    if expected != actual {
        failures.push(format!("{name}:\n{}", common::diff(&expected, &actual)));
    }
}

#[test]
fn sample_outlines_and_metadata() {
    let corpus = load_samples();
    assert_eq!(corpus.reports.len(), 5);
    assert!(corpus.errors.is_empty());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples");
    let mut failures = Vec::new();
    for r in &corpus.reports {
        let stem = r
            .path
            .trim_start_matches("sample:")
            .trim_end_matches(".txt");
        check(
            &r.path,
            r,
            true,
            &dir.join(format!("{stem}.expect")),
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unseen_outlines_and_metadata() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 12, "fixtures missing");
    let mut failures = Vec::new();
    for input in &inputs {
        let corpus = load_paths(std::slice::from_ref(input));
        assert!(
            corpus.errors.is_empty(),
            "{}: {:?}",
            input.display(),
            corpus.errors
        );
        check(
            &input.display().to_string(),
            &corpus.reports[0],
            false,
            &input.with_extension("expect"),
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} unseen reports differ:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}

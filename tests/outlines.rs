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

/// A sharing site's watermark never reaches the text, wherever it was stamped (between
/// paragraphs, at a heading's end, mid-word), and nothing is lost: each copy is noise.
#[test]
fn sharing_site_watermarks_leave_the_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen");
    for (name, site, whole) in [
        (
            "177_city_dept_sharing_site_watermark_lines",
            "范文汇",
            "局党组坚持把学法纳入中心组学习计划",
        ),
        (
            "178_province_gov_one_line_run_midword_watermark",
            "文稿网",
            "各市州政府主要负责人履行推进法治建设第一责任人职责",
        ),
    ] {
        let bytes = std::fs::read(dir.join(format!("{name}.txt"))).unwrap();
        let r = baogao::ingest::parse_bytes(name, &bytes).unwrap();
        let mut shown = vec![r.meta.title.clone()];
        shown.extend(r.preamble.clone());
        shown.extend(r.closing.clone());
        for s in &r.sections {
            shown.push(s.title.clone());
            shown.push(s.text.clone());
        }
        let shown = shown.join("\n");
        assert!(
            !shown.contains("www.") && !shown.contains(site),
            "{name}: {shown}"
        );
        assert!(shown.contains(whole), "{name}: {shown}");
        assert!(
            r.noise.iter().filter(|n| n.contains(site)).count() >= 2,
            "{name}: {:?}",
            r.noise
        );
    }
}

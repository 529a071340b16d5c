//! Every input the fuzzers found a crash with (and a few seeds) is kept in
//! tests/fuzz_regressions/{parse,html,mhtml,docx,doc,pdf,ofd,pipeline}/ and replayed here through the fuzz targets'
//! own code (baogao::fuzzing).

use std::path::Path;

fn replay(dir: &str, case: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(dir);
    let mut n = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        eprintln!("replaying {}", f.display());
        case(&bytes);
        n += 1;
    }
    n
}

#[test]
fn parse_cases_replay() {
    assert!(replay("parse", baogao::fuzzing::parse_case) > 0);
}

#[test]
fn html_cases_replay() {
    assert!(replay("html", baogao::fuzzing::html_case) > 0);
}

#[test]
fn mhtml_cases_replay() {
    assert!(replay("mhtml", baogao::fuzzing::mhtml_case) > 0);
}

#[test]
fn docx_cases_replay() {
    assert!(replay("docx", baogao::fuzzing::docx_case) > 0);
}

#[test]
fn pdf_cases_replay() {
    assert!(replay("pdf", baogao::fuzzing::pdf_case) > 0);
}

#[test]
fn ofd_cases_replay() {
    assert!(replay("ofd", baogao::fuzzing::ofd_case) > 0);
}

#[test]
fn doc_cases_replay() {
    assert!(replay("doc", baogao::fuzzing::doc_case) > 0);
}

#[test]
fn pipeline_cases_replay() {
    assert!(replay("pipeline", baogao::fuzzing::pipeline_case) > 0);
}

//! The bytes table of INPUTS.md, through the loader a user's folder goes through: every
//! encoding and line-ending variant of one report parses to the same outline; what
//! cannot be a report is skipped with a reason; control characters never survive;
//! input files are never written.
mod common;

use baogao::ingest::load::load_paths;
use std::path::{Path, PathBuf};

const REPORT: &str = "某某县司法局2023年法治政府建设情况报告\n\
\n\
一、主要举措和成效\n\
（一）加强组织领导\n\
全年召开专题会议4次，研究部署法治政府建设工作，\n\
落实第一责任人职责。\n\
（二）深化普法宣传\n\
开展“八五”普法宣传活动26场。\n\
二、存在的不足和原因\n\
执法队伍专业化水平有待提高。\n\
三、2024年工作安排\n\
继续深化普法宣传。\n\
\n\
某某县司法局\n\
2024年1月10日\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in s.encode_utf16() {
        let b = if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        };
        out.extend_from_slice(&b);
    }
    out
}

fn gbk(s: &str) -> Vec<u8> {
    let (b, _, unmappable) = encoding_rs::GBK.encode(s);
    assert!(!unmappable);
    b.into_owned()
}

fn gb18030(s: &str) -> Vec<u8> {
    let (b, _, unmappable) = encoding_rs::GB18030.encode(s);
    assert!(!unmappable);
    b.into_owned()
}

/// Every string a report exposes (what a UI or export could print).
fn all_strings(r: &baogao::Report) -> Vec<String> {
    let mut v = vec![r.path.clone(), r.meta.title.clone()];
    v.extend(r.meta.agency.clone());
    v.extend(r.meta.source.clone());
    v.extend(r.meta.doc_number.clone());
    v.extend(r.preamble.clone());
    v.extend(r.closing.clone());
    v.extend(r.noise.iter().cloned());
    v.extend(r.warnings.iter().cloned());
    v.extend(r.meta_lines.iter().map(|m| m.text.clone()));
    for s in &r.sections {
        v.push(s.title.clone());
        v.extend(s.marker.clone());
        v.push(s.text.clone());
    }
    v
}

fn no_controls(r: &baogao::Report) {
    for s in all_strings(r) {
        assert!(
            !s.chars().any(|c| c.is_control() && c != '\n'),
            "control character in {s:?}"
        );
    }
}

#[test]
fn every_encoding_and_line_ending_gives_the_same_outline() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let crlf = REPORT.replace('\n', "\r\n");
    let cr = REPORT.replace('\n', "\r");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(REPORT.as_bytes());
    let indented: String = REPORT
        .lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("\u{3000}\u{3000}{l}\u{a0}\n")
            }
        })
        .collect();
    let spaced = REPORT.replace("2023年", "2023 年").replace("4次", " 4 次");
    let cases: Vec<(&str, Vec<u8>, &[&str])> = vec![
        ("utf8.txt", REPORT.as_bytes().to_vec(), &["UTF-8"]),
        ("utf8_bom.txt", bom, &["UTF-8"]),
        ("gbk.txt", gbk(REPORT), &["GBK", "GB18030"]),
        ("utf16le.txt", utf16(REPORT, false), &["UTF-16LE"]),
        ("utf16be.txt", utf16(REPORT, true), &["UTF-16BE"]),
        ("crlf.txt", crlf.into_bytes(), &["UTF-8"]),
        ("cr.txt", cr.into_bytes(), &["UTF-8"]),
        (
            "gbk_crlf.txt",
            gbk(&REPORT.replace('\n', "\r\n")),
            &["GBK", "GB18030"],
        ),
        ("indented.txt", indented.into_bytes(), &["UTF-8"]),
        ("spaced.txt", spaced.into_bytes(), &["UTF-8"]),
    ];
    let baseline = {
        let p = write(d, "base.md", REPORT.as_bytes());
        let c = load_paths(&[p]);
        assert_eq!(c.reports.len(), 1);
        common::digest(&c.reports[0], true)
    };
    assert!(baseline.contains("title: 某某县司法局2023年法治政府建设情况报告\n"));
    assert!(baseline.contains("1\t一、\t主要举措和成效\tmeasures_outcomes"));
    assert!(baseline.contains("date: 2024-01-10"));
    for (name, bytes, encodings) in cases {
        let p = write(d, name, &bytes);
        let c = load_paths(&[&p]);
        assert!(c.errors.is_empty(), "{name}: {:?}", c.errors);
        let r = &c.reports[0];
        assert!(
            encodings.contains(&r.encoding),
            "{name}: decoded as {}",
            r.encoding
        );
        assert_eq!(
            common::diff(&baseline, &common::digest(r, true)),
            "",
            "{name}"
        );
        no_controls(r);
        assert_eq!(std::fs::read(&p).unwrap(), bytes, "{name} was modified");
    }
}

#[test]
fn gb18030_four_byte_characters_survive() {
    let dir = tempfile::tempdir().unwrap();
    // 䶮 (U+4DAE) and 𠀀 (U+20000) need GB18030's four-byte sequences.
    let text = REPORT.replace("专题会议", "䶮𠀀专题会议");
    let p = write(dir.path(), "gb18030.txt", &gb18030(&text));
    let c = load_paths(&[p]);
    let r = &c.reports[0];
    assert_eq!(r.encoding, "GB18030");
    assert!(r.sections.iter().any(|s| s.text.contains("䶮𠀀专题会议")));
}

#[test]
fn malformed_utf8_loads_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = REPORT.as_bytes().to_vec();
    let at = REPORT.find("执法队伍").unwrap();
    bytes.insert(at, 0xFF);
    let p = write(dir.path(), "bad.txt", &bytes);
    let c = load_paths(&[p]);
    assert!(c.errors.is_empty());
    let r = &c.reports[0];
    assert!(!r.warnings.is_empty(), "no warning for invalid bytes");
    assert!(r.sections.iter().any(|s| s.text.contains("执法队伍专业化")));
    no_controls(r);
}

#[test]
fn escape_sequences_and_controls_are_removed_whole() {
    let dir = tempfile::tempdir().unwrap();
    let nasty = REPORT
        .replace("主要举措", "主要\x1b]0;pwned\x07举措")
        .replace("普法宣传活动", "普法\x1b[2J\x1b[31m宣传\x1b[0m活动")
        .replace("有待提高", "有待\x1b]52;c;aGk=\x1b\\提高")
        .replace("继续深化", "继续\u{9b}1;2H深化\x08\x7f\u{202e}");
    let p = write(dir.path(), "esc.txt", nasty.as_bytes());
    let c = load_paths(&[p]);
    let r = &c.reports[0];
    no_controls(r);
    let all = all_strings(r).concat();
    for leftover in ["pwned", "[2J", "[31m", "52;c", "aGk=", "1;2H"] {
        assert!(!all.contains(leftover), "{leftover} survived");
    }
    let baseline = {
        let p = write(dir.path(), "clean.txt", REPORT.as_bytes());
        common::digest(&load_paths(&[p]).reports[0], true)
    };
    assert_eq!(common::diff(&baseline, &common::digest(r, true)), "");
    assert!(r.warnings.iter().any(|w| w.contains("control")));
}

#[test]
fn files_that_are_not_reports_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a_good.txt", REPORT.as_bytes());
    write(d, "empty.txt", b"");
    write(d, "blank.txt", " \n\u{3000}\r\n\t\n".as_bytes());
    write(d, "doc.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj");
    write(d, "nul.txt", b"abc\x00\x00\x00def\x00");
    write(d, "image.md", b"\x89PNG\r\n\x1a\n\x00\x00");
    write(d, "notes.csv", b"not a report extension");
    let c = load_paths(&[d]);
    assert_eq!(c.reports.len(), 1);
    let reason = |f: &str| {
        c.errors
            .iter()
            .find(|e| e.path.ends_with(f))
            .map(|e| e.error.clone())
            .unwrap_or_else(|| panic!("{f} not reported: {:?}", c.errors))
    };
    assert!(reason("empty.txt").contains("empty"));
    assert!(reason("blank.txt").contains("whitespace"));
    assert!(reason("doc.txt").contains("PDF"));
    assert!(reason("nul.txt").contains("binary"));
    assert!(reason("image.md").contains("PNG"));
    assert_eq!(c.errors.len(), 5, "{:?}", c.errors);
    // A file named on the command line is tried whatever its extension.
    let named = write(d, "report.html", REPORT.as_bytes());
    assert_eq!(load_paths(&[named]).reports.len(), 1);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_missing_paths_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    write(&d.join("sub"), "r.txt", REPORT.as_bytes());
    std::os::unix::fs::symlink(d, d.join("sub").join("loop")).unwrap();
    std::os::unix::fs::symlink(d.join("self.txt"), d.join("self.txt")).unwrap();
    let c = load_paths(&[d.to_path_buf(), d.join("missing")]);
    assert_eq!(c.reports.len(), 1, "{:?}", c.errors);
    assert!(
        c.errors
            .iter()
            .any(|e| e.path.ends_with("loop") && e.error.contains("loop"))
    );
    assert!(
        c.errors
            .iter()
            .any(|e| e.path.ends_with("self.txt") && e.error.contains("loop"))
    );
    assert!(
        c.errors
            .iter()
            .any(|e| e.path.ends_with("missing") && e.error.contains("no such"))
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "locked.txt", REPORT.as_bytes());
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        // Running as root: permissions do not stop reads. A file whose read fails
        // still has to be reported: /proc/self/mem fails with EIO at offset 0.
        let c = load_paths(&["/proc/self/mem"]);
        assert!(c.reports.is_empty());
        assert!(c.errors[0].error.contains("cannot read"), "{:?}", c.errors);
        return;
    }
    let c = load_paths(&[&p]);
    assert!(c.reports.is_empty());
    assert!(c.errors[0].error.contains("permission denied"));
}

/// The five samples re-encoded the ways real reports arrive (built here with
/// encoding_rs): each parses to exactly the outline of its UTF-8 original.
#[test]
fn samples_reencoded_keep_their_outlines() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in baogao::ingest::samples::SAMPLES {
        let text = std::str::from_utf8(bytes).unwrap();
        let original = {
            let p = write(dir.path(), &format!("orig_{name}"), bytes);
            common::digest(&load_paths(&[p]).reports[0], true)
        };
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(bytes);
        let variants: Vec<(&str, Vec<u8>)> = vec![
            ("gb18030", gb18030(text)),
            ("utf16le", utf16(text, false)),
            ("utf16be", utf16(text, true)),
            ("bom", bom),
            ("crlf", text.replace('\n', "\r\n").into_bytes()),
            ("cr", text.replace('\n', "\r").into_bytes()),
        ];
        for (tag, b) in variants {
            let p = write(dir.path(), &format!("{tag}_{name}"), &b);
            let c = load_paths(&[p]);
            assert!(c.errors.is_empty(), "{tag} {name}: {:?}", c.errors);
            assert_eq!(
                common::diff(&original, &common::digest(&c.reports[0], true)),
                "",
                "{tag} {name}"
            );
        }
    }
}

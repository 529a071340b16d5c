//! Properties over generated input: nothing panics on any bytes, no control character
//! survives, and nothing is lost — every non-blank source line's content reappears in a
//! title, metadata line, marker, section text, preamble, closing or noise (EXPORT.md).
mod common;

use baogao::ingest::{decode, parse_bytes};
use common::files::{gov_page, mhtml};
use proptest::prelude::*;

/// Letters and digits only: what losslessness is judged on (spacing, punctuation and
/// markdown decoration may legitimately change).
fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn haystack(r: &baogao::Report) -> String {
    let mut h = String::new();
    for m in &r.meta_lines {
        h.push_str(&norm(&m.text));
        h.push('\u{1}');
    }
    h.push_str(&norm(r.preamble.as_deref().unwrap_or("")));
    h.push('\u{1}');
    for s in &r.sections {
        h.push_str(&norm(s.marker.as_deref().unwrap_or("")));
        h.push_str(&norm(&s.title));
        h.push_str(&norm(&s.text));
        h.push('\u{1}');
    }
    h.push_str(&norm(r.closing.as_deref().unwrap_or("")));
    h.push('\u{1}');
    for n in &r.noise {
        h.push_str(&norm(n));
        h.push('\u{1}');
    }
    h
}

/// Every non-blank line of the decoded source is found again.
fn assert_lossless(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(decoded) = decode(bytes) else {
        return Ok(());
    };
    let r = parse_bytes("p.txt", bytes).expect("decodable input parses");
    let h = haystack(&r);
    let noise: Vec<String> = r.noise.iter().map(|n| norm(n)).collect();
    for (i, line) in decoded.text.split('\n').enumerate() {
        let n = norm(line);
        if n.is_empty() || h.contains(&n) {
            continue;
        }
        // Part of a line may have gone to noise (a Word artifact before a heading, a
        // site name after a page title): the pieces around it must still be found.
        let mut pieces = vec![n.clone()];
        for nz in noise.iter().filter(|nz| nz.chars().count() >= 4) {
            pieces = pieces
                .iter()
                .flat_map(|p| p.split(nz.as_str()).map(str::to_string).collect::<Vec<_>>())
                .collect();
        }
        for p in pieces.iter().filter(|p| !p.is_empty()) {
            prop_assert!(
                h.contains(p.as_str()),
                "line {} lost: {:?} (piece {:?})\nhaystack: {:?}",
                i + 1,
                line,
                p,
                h
            );
        }
    }
    Ok(())
}

fn no_controls(r: &baogao::Report) -> Result<(), TestCaseError> {
    let mut all = vec![r.meta.title.clone()];
    all.extend(
        r.sections
            .iter()
            .flat_map(|s| [s.title.clone(), s.text.clone()]),
    );
    all.extend(r.noise.iter().cloned());
    all.extend(r.meta_lines.iter().map(|m| m.text.clone()));
    all.extend(r.preamble.clone());
    all.extend(r.closing.clone());
    for s in all {
        prop_assert!(
            !s.chars().any(|c| c.is_control() && c != '\n'),
            "control in {s:?}"
        );
    }
    Ok(())
}

/// Pieces real reports are made of, to build hostile but plausible files.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("一、主要举措和成效".to_string()),
        Just("（二）加强组织领导。全年召开会议5次，".to_string()),
        Just("(三)".to_string()),
        Just("1.健全工作机制：成立领导小组。".to_string()),
        Just("１．完善制度".to_string()),
        Just("1.2 推进依法治校".to_string()),
        Just("①建立台账".to_string()),
        Just("## 三、存在的不足和原因".to_string()),
        Just("**（四）依法化解纠纷。**全区".to_string()),
        Just("存在的不足和原因".to_string()),
        Just("一是加强学习。二是强化培训。".to_string()),
        Just("— 2 —".to_string()),
        Just("[bookmark: _GoBack]".to_string()),
        Just("发布时间：2024-01-08 来源：某某县司法局".to_string()),
        Just("某某县司法局2023年法治政府建设情况报告".to_string()),
        Just("某科字〔2024〕3号".to_string()),
        Just("县委依法治县办：".to_string()),
        Just("特此报告。".to_string()),
        Just("某某县司法局".to_string()),
        Just("2024年1月5日".to_string()),
        Just("二〇二四年三月十日".to_string()),
        Just("行政许可\t3816\t12".to_string()),
        Just("| 指标 | 数量 |".to_string()),
        Just("http://www.example.gov.cn/a.html".to_string()),
        Just("\u{3000}\u{3000}".to_string()),
        Just("\x1b]0;t\x07\x1b[2J".to_string()),
        "[\\p{Han}，。、：；“”（）0-9a-z ]{0,40}",
    ]
}

fn doc() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), prop_oneof!["\n", "\n\n", "\r\n", "\r", ""]),
        0..40,
    )
    .prop_map(|v| v.into_iter().map(|(p, sep)| p + &sep).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(r) = parse_bytes("b.txt", &bytes) {
            no_controls(&r)?;
        }
    }

    #[test]
    fn report_like_text_is_lossless(text in doc()) {
        if let Ok(r) = parse_bytes("d.txt", text.as_bytes()) {
            no_controls(&r)?;
        }
        assert_lossless(text.as_bytes())?;
    }

    #[test]
    fn arbitrary_bytes_after_mime_headers_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2000)
    ) {
        baogao::fuzzing::mhtml_case(&bytes);
    }

    /// A page saved by a browser (quoted-printable or base64, GBK) reads as the page does.
    #[test]
    fn a_saved_page_reads_like_the_page(text in doc(), base64 in any::<bool>()) {
        let page = gov_page("某某县司法局2023年度法治政府建设情况报告", "2024-03-01", &text);
        let as_page = parse_bytes("page", &page);
        let saved = parse_bytes("page", &mhtml(&page, base64));
        match (as_page, saved) {
            (Ok(a), Ok(b)) => prop_assert_eq!(common::digest(&a, true), common::digest(&b, true)),
            (a, b) => prop_assert_eq!(a.err(), b.err()),
        }
    }

    #[test]
    fn generated_reports_are_lossless(seed in any::<u64>()) {
        let f = baogao::synth::report_file(seed);
        assert_lossless(&f.bytes)?;
    }
}

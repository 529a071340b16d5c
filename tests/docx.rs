//! Word documents (.docx), generated here: the five samples with their heading markers
//! moved into Word's automatic numbering must read like their text; tracked changes,
//! field codes, tables and drawings' fallback copies read as Word shows them; broken
//! and oversized documents get a reason, never a panic.

mod common;

use std::io::Write;

use baogao::ingest::{decode, parse_bytes, samples::SAMPLES};
use common::files::{NUMBERING, as_word_body, docx, run};

#[test]
fn each_sample_as_a_word_document_with_automatic_numbering_reads_like_its_text() {
    common::samples_read_like_their_text("docx", |text| {
        docx(&as_word_body(text).0, Some(NUMBERING), None)
    });
    // The markers really came from numbering.xml: most headings were numbered by Word.
    let total: usize = SAMPLES
        .iter()
        .map(|(_, b)| as_word_body(&decode::decode(b).unwrap().text).1)
        .sum();
    assert!(total >= 40, "only {total} headings numbered");
}

fn para(ppr: &str, runs: &str) -> String {
    format!("<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>")
}

fn numbered(ilvl: usize, num: usize, text: &str) -> String {
    para(
        &format!(r#"<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>"#),
        &run(text),
    )
}

#[test]
fn word_shows_restarts_styles_tracked_changes_fields_tables_and_drawings_once() {
    let numbering = format!(
        r#"{NUMBERING}<w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="8"/></w:num>"#
    );
    // A heading style that numbers its paragraphs, and one based on it.
    let styles = r#"<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="BureauHeading2"><w:name w:val="局标题2"/><w:basedOn w:val="2"/></w:style>"#;
    let mut b = String::new();
    b.push_str(&para("", &run("某某县林业局2024年度法治政府建设情况报告")));
    b.push_str(&para(
        "",
        &run("2024年，某某县林业局坚持依法行政。现将有关情况报告如下："),
    ));
    b.push_str(&numbered(0, 4, "主要举措和成效"));
    b.push_str(&para(
        r#"<w:pStyle w:val="2"/>"#,
        &run("健全依法决策机制。"),
    ));
    b.push_str(&para(
        r#"<w:pStyle w:val="BureauHeading2"/>"#,
        &format!(
            "{}<w:del><w:r><w:delText>删去的旧文字</w:delText></w:r></w:del><w:ins><w:r><w:t>执法</w:t></w:r></w:ins>{}",
            run("规范林业行政"),
            run("行为。")
        ),
    ));
    // A field: its code is not text, its shown result is.
    b.push_str(&para(
        "",
        &format!(
            r#"{}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE \* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>{}"#,
            run("全年查处案件"),
            run("12"),
            run("起。")
        ),
    ));
    // A table of figures: one line per row.
    b.push_str(r#"<w:tbl><w:tr><w:tc><w:p>"#);
    b.push_str(&run("项目"));
    b.push_str("</w:p></w:tc><w:tc><w:p>");
    b.push_str(&run("数量"));
    b.push_str(r#"</w:p></w:tc></w:tr><w:tr><w:tc><w:p>"#);
    b.push_str(&run("行政处罚"));
    b.push_str("</w:p></w:tc><w:tc><w:p>");
    b.push_str(&run("12件"));
    b.push_str("</w:p></w:tc></w:tr></w:tbl>");
    // A text box in a drawing, with its VML fallback holding the same text.
    b.push_str(&format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p>{}</w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p>{}</w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        run("图一 林业执法流程"),
        run("图一 林业执法流程")
    ));
    b.push_str(&numbered(0, 3, "存在的不足和原因"));
    b.push_str(&numbered(0, 5, "执法队伍力量不足。"));
    b.push_str(&numbered(0, 5, "信息化水平不高。"));
    b.push_str(&numbered(0, 3, "2025年工作安排"));
    b.push_str(&para("", &run("推进林长制落实。")));
    let file = docx(&b, Some(&numbering), Some(styles));
    let r = parse_bytes("report.docx", &file).expect("docx");
    let all: String = std::iter::once(r.preamble.clone().unwrap_or_default())
        .chain(r.sections.iter().map(|s| {
            format!(
                "{}{}\n{}",
                s.marker.as_deref().unwrap_or(""),
                s.title,
                s.text
            )
        }))
        .collect::<Vec<_>>()
        .join("\n");
    // numId 4 starts level 0 at 三: the first part is 三、, the next (numId 3 continues
    // the same abstract list) 一、, then 二、 — as Word shows them.
    let tops: Vec<String> = r
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| format!("{}{}", s.marker.as_deref().unwrap_or(""), s.title))
        .collect();
    assert_eq!(
        tops,
        [
            "三、主要举措和成效",
            "一、存在的不足和原因",
            "二、2025年工作安排"
        ],
        "{all}"
    );
    let seconds: Vec<String> = r
        .sections
        .iter()
        .filter(|s| s.level == 2)
        .map(|s| format!("{}{}", s.marker.as_deref().unwrap_or(""), s.title))
        .collect();
    assert!(
        seconds.contains(&"（一）健全依法决策机制".to_string()),
        "{all}"
    );
    assert!(
        seconds.contains(&"（二）规范林业行政执法行为".to_string()),
        "{all}"
    );
    assert!(!all.contains("删去的旧文字"), "{all}");
    assert!(!all.contains("MERGEFORMAT"), "{all}");
    assert!(all.contains("全年查处案件12起。"), "{all}");
    // One line per row, its cells in order.
    assert!(
        all.lines()
            .any(|l| l.starts_with("行政处罚") && l.contains('|') && l.ends_with("12件")),
        "{all}"
    );
    assert_eq!(all.matches("林业执法流程").count(), 1, "{all}");
    assert!(all.contains("①执法队伍力量不足"), "{all}");
    assert!(all.contains("②信息化水平不高"), "{all}");
    assert_eq!(r.meta.agency.as_deref(), Some("某某县林业局"));
}

#[test]
fn broken_and_oversized_word_documents_are_skipped_with_a_reason() {
    let good = docx(
        &format!("<w:p>{}</w:p>", run("法治政府建设情况报告")),
        None,
        None,
    );
    // Cut short: the zip directory at the end is gone.
    let cut = &good[..good.len() / 2];
    let e = parse_bytes("cut.docx", cut).unwrap_err().to_string();
    assert!(e.contains("damaged Word document"), "{e}");
    // A zip that is not a Word document.
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file("notes.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all("一、不是报告".as_bytes()).unwrap();
        z.finish().unwrap();
    }
    let e = parse_bytes("notes.zip", buf.get_ref())
        .unwrap_err()
        .to_string();
    assert!(e.contains("ZIP") || e.contains("zip"), "{e}");
    // A document part that unpacks past the cap (a zip bomb): refused, not read.
    let mut filler = String::with_capacity(34 << 20);
    while filler.len() < 33 << 20 {
        filler.push_str("<w:p><w:r><w:t>法治</w:t></w:r></w:p>");
    }
    let big = docx(&filler, None, None);
    assert!(big.len() < 4 << 20, "the bomb itself is small");
    let e = parse_bytes("bomb.docx", &big).unwrap_err().to_string();
    assert!(e.contains("32 MB"), "{e}");
    // Saved with a password: an OLE compound file whose directory names an
    // EncryptedPackage stream (the layout MS-OFFCRYPTO gives such files; sector size 512,
    // the directory in sector 1).
    let mut ole = vec![0u8; 512 * 3];
    ole[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    ole[1024..1024 + name.len()].copy_from_slice(&name);
    let e = parse_bytes("locked.docx", &ole).unwrap_err().to_string();
    assert!(e.contains("password-protected"), "{e}");
    // Malformed XML: the text before the fault is kept, with a warning.
    let bad = docx(
        &format!(
            "<w:p>{}</w:p><w:p><w:r><w:t>未闭合",
            run("某某县2024年法治政府建设情况报告")
        ),
        None,
        None,
    );
    let r = parse_bytes("bad.docx", &bad).expect("partial text");
    assert!(r.meta.title.contains("法治政府建设情况报告"));
    assert!(
        r.warnings.iter().any(|w| w.contains("malformed")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_folder_with_a_word_document_exports_it_with_its_format() {
    common::exports_beside_its_text("报告.docx", "docx", |text| {
        docx(&as_word_body(text).0, Some(NUMBERING), None)
    });
}

/// Word's heading styles (by name, through the styles they are based on, or by outline
/// level) are headings at the style's depth although they carry no number, and so are
/// paragraphs set in bold (by their runs or by their style); the same lines as plain text
/// are not all headings.
#[test]
fn heading_styles_outline_levels_and_bold_paragraphs_are_headings() {
    let styles = r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="二级标题"/><w:basedOn w:val="a6"/></w:style>
<w:style w:type="paragraph" w:styleId="a6"><w:name w:val="标题 2"/></w:style>
<w:style w:type="paragraph" w:styleId="a7"><w:name w:val="正文加粗"/><w:rPr><w:b/></w:rPr></w:style>"#;
    let styled = |id: &str, text: &str| para(&format!(r#"<w:pStyle w:val="{id}"/>"#), &run(text));
    let plain = |text: &str| para("", &run(text));
    let bold = |text: &str| {
        para(
            "",
            &format!(
                r#"<w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r><w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t> </w:t></w:r>"#
            ),
        )
    };
    let outline = |body: &str| {
        common::outline_with_and_without_emphasis(
            "styled.docx",
            &docx(body, None, Some(styles)),
            baogao::ingest::docx::extract,
        )
    };
    let head = [
        plain("桐庐县司法局2023年度法治政府建设情况报告"),
        plain("2023年，桐庐县司法局坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下："),
    ]
    .concat();
    let styled_body = [
        head.clone(),
        styled("Heading1", "组织保障"),
        styled("a5", "健全工作机制"),
        plain("局党组每季度专题研究法治建设工作，形成问题清单并逐项销号。"),
        para(r#"<w:outlineLvl w:val="1"/>"#, &run("强化督查考核")),
        plain("把法治建设成效纳入年度综合考核，考核结果与评先评优挂钩。"),
        styled("Heading1", "存在的不足"),
        plain("部分乡镇司法所人员不足，专职法治工作人员偏少。"),
    ]
    .concat();
    let (got, as_text, r) = outline(&styled_body);
    let want = common::outline_of(&[
        (1, "组织保障"),
        (2, "健全工作机制"),
        (2, "强化督查考核"),
        (1, "存在的不足"),
    ]);
    assert_eq!(got, want, "{:?}", r.warnings);
    assert_eq!(r.meta.agency.as_deref(), Some("桐庐县司法局"));
    assert_ne!(as_text, want, "the plain text alone gives the same outline");

    // Bold paragraphs under numbered parts: the parts' sub-headings.
    let bold_body = [
        head,
        plain("一、主要举措和成效"),
        bold("健全工作机制"),
        styled("a7", "强化督查考核"),
        plain("把法治建设成效纳入年度综合考核，考核结果与评先评优挂钩。"),
        plain("二、存在的不足"),
        plain("部分乡镇司法所人员不足，专职法治工作人员偏少。"),
    ]
    .concat();
    let (got, as_text, _) = outline(&bold_body);
    let want = common::outline_of(&[
        (1, "主要举措和成效"),
        (2, "健全工作机制"),
        (2, "强化督查考核"),
        (1, "存在的不足"),
    ]);
    assert_eq!(got, want);
    assert_ne!(as_text, want, "the plain text alone gives the same outline");
}

//! Word 97–2003 documents (.doc), generated here as compound files with a FIB and a piece
//! table: the five samples must read like their text; fields, tables and 8-bit pieces
//! read as Word shows them; locked, old and broken files get a reason.

mod common;

use baogao::ingest::parse_bytes;
use common::files::doc;

#[test]
fn each_sample_as_a_word_97_document_reads_like_its_text() {
    common::samples_read_like_their_text("doc", doc);
}

#[test]
fn fields_tables_and_eight_bit_pieces_read_as_word_shows_them() {
    let text = "某某县司法局2024年法治政府建设情况报告\n2024年，某某县司法局坚持依法行政。现将有关情况报告如下：\n一、主要举措和成效\n全年办理行政复议案件\u{13} SEQ 表 \\* ARABIC \u{14}12\u{15}件。\nReport No. 7\n项目\u{07}数量\u{07}\u{07}复议\u{07}12件\u{07}\u{07}\n二、存在的不足\n基层力量薄弱。\n三、2025年工作安排\n推进规范化建设。\n";
    let r = parse_bytes("a.doc", &doc(text)).expect("doc");
    let all: String = r
        .sections
        .iter()
        .map(|s| {
            format!(
                "{}{}\n{}\n",
                s.marker.as_deref().unwrap_or(""),
                s.title,
                s.text
            )
        })
        .collect();
    assert!(all.contains("全年办理行政复议案件12件。"), "{all}");
    assert!(!all.contains("SEQ"), "{all}");
    assert!(all.contains("Report No. 7"), "{all}");
    assert!(
        all.lines()
            .any(|l| l.starts_with("复议") && l.contains('|') && l.ends_with("12件")),
        "{all}"
    );
    assert_eq!(r.meta.agency.as_deref(), Some("某某县司法局"));
    let tops: Vec<&str> = r
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(tops, ["主要举措和成效", "存在的不足", "2025年工作安排"]);
}

#[test]
fn locked_old_and_broken_word_97_files_are_skipped_with_a_reason() {
    let good = doc("某某县2024年法治政府建设情况报告\n一、主要举措和成效\n正文。\n");
    let with_flags = |f: &dyn Fn(&mut Vec<u8>)| {
        let mut cf = cfb::CompoundFile::open(std::io::Cursor::new(good.clone())).unwrap();
        let mut word = Vec::new();
        std::io::Read::read_to_end(&mut cf.open_stream("WordDocument").unwrap(), &mut word)
            .unwrap();
        f(&mut word);
        std::io::Write::write_all(&mut cf.create_stream("WordDocument").unwrap(), &word).unwrap();
        cf.flush().unwrap();
        cf.into_inner().into_inner()
    };
    // fEncrypted (bit 8 of the FIB's flags).
    let locked = with_flags(&|w| w[0x0B] |= 0x01);
    let e = parse_bytes("locked.doc", &locked).unwrap_err().to_string();
    assert!(e.contains("password-protected"), "{e}");
    let old = with_flags(&|w| w[0..2].copy_from_slice(&0xA5DCu16.to_le_bytes()));
    let e = parse_bytes("old.doc", &old).unwrap_err().to_string();
    assert!(e.contains("Word 6/95"), "{e}");
    // The piece table points past the stream's end.
    let wild = with_flags(&|w| w[76..80].copy_from_slice(&u32::MAX.to_le_bytes()));
    let r = parse_bytes("wild.doc", &wild);
    assert!(
        r.is_ok(),
        "ccpText past the pieces reads what the pieces hold"
    );
    let bad_clx =
        with_flags(&|w| w[154 + 67 * 4..154 + 68 * 4].copy_from_slice(&u32::MAX.to_le_bytes()));
    let e = parse_bytes("clx.doc", &bad_clx).unwrap_err().to_string();
    assert!(e.contains("piece table"), "{e}");
    let e = parse_bytes("cut.doc", &good[..good.len() / 2])
        .unwrap_err()
        .to_string();
    assert!(e.contains("Word 97"), "{e}");
}

//! PDFs, generated here: the five samples typeset as A4 pages (lines wrapped at a fixed
//! width, page numbers at the foot) with the two font set-ups Chinese government PDFs
//! use — a Type0 font on the predefined GBK-EUC-H CMap with no ToUnicode, and an
//! Identity-H subset with a ToUnicode map — must read like their text; scans, fonts that
//! map nothing, damaged files and cyclic page trees get a reason, never a panic or a hang.

mod common;

use baogao::ingest::parse_bytes;
use common::files::{Font, pdf, wrap};
use lopdf::{Document, Object, Stream, dictionary};

fn each_sample_as_a_pdf_reads_like_its_text(font: Font) {
    common::samples_read_like_their_text("pdf", |text| pdf(&wrap(text, 72), font));
}

#[test]
fn each_sample_as_a_pdf_on_gbk_euc_h_without_to_unicode_reads_like_its_text() {
    each_sample_as_a_pdf_reads_like_its_text(Font::GbkEuc);
}

#[test]
fn each_sample_as_a_pdf_on_identity_h_with_to_unicode_reads_like_its_text() {
    each_sample_as_a_pdf_reads_like_its_text(Font::IdentityToUnicode);
}

fn minimal(page_content: &[u8], with_font: bool) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(Stream::new(dictionary! {}, page_content.to_vec()));
    let mut page = dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    };
    if with_font {
        let f = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        page.set(
            "Resources",
            dictionary! { "Font" => dictionary! { "F1" => f } },
        );
    }
    let page_id = doc.add_object(page);
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn scans_unmapped_fonts_damaged_files_and_cycles_are_reported() {
    // A scan: the page draws an image and no text.
    let scan = save(minimal(b"q 595 0 0 842 0 0 cm /Im1 Do Q", false));
    let e = parse_bytes("scan.pdf", &scan).unwrap_err().to_string();
    assert!(e.contains("scanned: no text layer"), "{e}");
    // Identity-H with no ToUnicode: glyph codes only.
    let lines = wrap(
        "某某县2024年法治政府建设情况报告\n一、主要举措和成效\n全年办理行政复议案件十二件。",
        72,
    );
    let bare = pdf(&lines, Font::IdentityBare);
    let e = parse_bytes("bare.pdf", &bare).unwrap_err().to_string();
    assert!(e.contains("does not decode"), "{e}");
    // Cut short, and garbage after the header.
    let good = pdf(&lines, Font::IdentityToUnicode);
    for broken in [
        &good[..good.len() / 3],
        b"%PDF-1.7\n%\xE2\xE3\n1 0 obj << /Type /Catalog".as_slice(),
    ] {
        match parse_bytes("cut.pdf", broken) {
            Err(e) => assert!(e.to_string().contains("PDF"), "{e}"),
            // A reader may recover the objects before the cut; then it reads them.
            Ok(r) => assert_eq!(r.format, "pdf"),
        }
    }
    // A page tree whose node is its own kid.
    let mut doc = minimal(b"BT /F1 12 Tf 72 700 Td (x) Tj ET", true);
    let root = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    doc.objects.insert(
        root,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![root.into()], "Count" => 1 },
        ),
    );
    let cyclic = save(doc);
    let e = parse_bytes("cycle.pdf", &cyclic).unwrap_err().to_string();
    assert!(e.contains("no pages"), "{e}");
    // Brackets nested far past any real file.
    let deep = format!("BT /F1 12 Tf {} (x) Tj ET", "[".repeat(100_000));
    let r = parse_bytes("deep.pdf", &save(minimal(deep.as_bytes(), true)));
    let e = r.unwrap_err().to_string();
    assert!(e.contains("cannot be parsed"), "{e}");
}

#[test]
fn a_folder_with_a_pdf_exports_it_with_its_format() {
    common::exports_beside_its_text("报告.pdf", "pdf", |text| {
        pdf(&wrap(text, 72), Font::IdentityToUnicode)
    });
}

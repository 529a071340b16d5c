//! OFD documents (GB/T 33190), generated here: the five samples laid out as pages of
//! text objects (lines wrapped at the text width, page numbers at the foot, drawn out of
//! reading order) must read like their text; broken packages get a reason.

mod common;

use std::io::Write;

use baogao::ingest::parse_bytes;
use common::files::{OFD_NS as NS, ofd, wrap};

#[test]
fn each_sample_as_an_ofd_reads_like_its_text() {
    common::samples_read_like_their_text("ofd", |text| ofd(&wrap(text, 72)));
}

#[test]
fn broken_ofd_packages_are_skipped_with_a_reason() {
    let good = ofd(&wrap(
        "某某县2024年法治政府建设情况报告\n一、主要举措和成效\n正文。",
        72,
    ));
    let e = parse_bytes("cut.ofd", &good[..good.len() / 2])
        .unwrap_err()
        .to_string();
    assert!(e.contains("OFD"), "{e}");
    // An entry document that names no document, and pages without text (a scan).
    for (entry, want) in [
        (
            format!(r#"<ofd:OFD {NS}><ofd:DocBody/></ofd:OFD>"#),
            "no DocRoot",
        ),
        (
            format!(
                r#"<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>D/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
            ),
            "scanned: no text layer",
        ),
    ] {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let o = zip::write::SimpleFileOptions::default();
            z.start_file("OFD.xml", o).unwrap();
            z.write_all(entry.as_bytes()).unwrap();
            z.start_file("D/Document.xml", o).unwrap();
            write!(z, r#"<ofd:Document {NS}><ofd:Pages><ofd:Page ID="1" BaseLoc="P/Content.xml"/></ofd:Pages></ofd:Document>"#).unwrap();
            z.start_file("D/P/Content.xml", o).unwrap();
            write!(z, r#"<ofd:Page {NS}><ofd:Content><ofd:Layer><ofd:ImageObject ID="2" Boundary="0 0 210 297" ResourceID="9"/></ofd:Layer></ofd:Content></ofd:Page>"#).unwrap();
            z.finish().unwrap();
        }
        let e = parse_bytes("x.ofd", buf.get_ref()).unwrap_err().to_string();
        assert!(e.contains(want), "{e}");
    }
}

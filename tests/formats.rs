//! Reports in the formats they are published in, generated here from the five embedded
//! samples: each must give the same outline and metadata as the sample's text.

mod common;

use baogao::ingest::{decode, parse_bytes, samples::SAMPLES};
use common::files::gov_page;

#[test]
fn each_sample_as_a_gbk_government_page_reads_like_its_text() {
    let mut failures = Vec::new();
    for (name, bytes) in SAMPLES {
        let path = format!("sample:{name}");
        let txt = parse_bytes(&path, bytes).expect("sample");
        let text = decode::decode(bytes).expect("sample text").text;
        // The CMS stamps the page with the report's date, or a day of its own.
        let date = txt.meta.date.as_deref().unwrap_or("2025-03-31");
        let page = gov_page(&txt.meta.title, date, &text);
        let html = parse_bytes(&format!("{name}.html"), &page).expect("page");
        assert_eq!(html.format, "html");
        assert_eq!(html.encoding, "GBK");
        // Where the text has no date or title of its own, the page's PubDate and
        // ArticleTitle are the document's.
        let mut expected = common::digest(&txt, true);
        if txt.meta.date.is_none() {
            expected = expected.replace("date: -\n", "date: 2025-03-31\n");
        }
        if txt.meta.title_derived {
            expected = expected.replace("title_derived: true\n", "title_derived: false\n");
        }
        let actual = common::digest(&html, true);
        if expected != actual {
            failures.push(format!("{name}:\n{}", common::diff(&expected, &actual)));
        }
        for leak in [
            "首页",
            "相关链接",
            "网站地图",
            "不是标题",
            "分享到",
            "索引号",
        ] {
            let shown: String = html
                .sections
                .iter()
                .map(|s| format!("{}{}", s.title, s.text))
                .collect();
            if shown.contains(leak) {
                failures.push(format!("{name}: {leak} shown in the text"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_folder_of_pages_and_text_exports_both_with_their_format() {
    let dir = tempfile::tempdir().unwrap();
    let (name, bytes) = SAMPLES[0];
    let text = decode::decode(bytes).unwrap().text;
    std::fs::write(dir.path().join("a.txt"), bytes).unwrap();
    // A page saved under a name that says nothing: read by its markup.
    std::fs::write(
        dir.path().join("b.htm"),
        gov_page("某某报告", "2025-01-02", &text),
    )
    .unwrap();
    std::fs::write(dir.path().join("c.html"), b"<html><body>").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["export", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let formats: Vec<&str> = doc["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["format"].as_str().unwrap())
        .collect();
    assert_eq!(formats, ["txt", "html"], "{name}");
    // `tree` says what each file was.
    let tree = std::process::Command::new(env!("CARGO_BIN_EXE_baogao"))
        .arg("tree")
        .arg(dir.path())
        .output()
        .unwrap();
    let tree = String::from_utf8_lossy(&tree.stdout);
    assert_eq!(tree.matches("· txt · UTF-8").count(), 1, "{tree}");
    assert_eq!(tree.matches("· html · GBK").count(), 1, "{tree}");
    // The empty page is reported, with its reason, and the rest loads.
    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0]["path"].as_str().unwrap().ends_with("c.html"));
}

#[test]
fn the_reader_says_a_page_was_html_in_its_list_and_viewer_header() {
    use baogao::ui::app::App;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    let dir = tempfile::tempdir().unwrap();
    let (_, bytes) = SAMPLES[1];
    let text = decode::decode(bytes).unwrap().text;
    let page = gov_page("某某报告", "2025-01-02", &text);
    std::fs::write(dir.path().join("saved_page.htm"), page).unwrap();
    let mut app = App::new(baogao::ingest::load_paths(&[dir.path()]));
    let area = Rect::new(0, 0, 120, 40);
    let mut frame = || {
        let mut buf = Buffer::empty(area);
        baogao::ui::render(area, &mut buf, &mut app, &baogao::ui::Theme::PLAIN);
        common::buffer_text(&buf)
    };
    let first = frame();
    // The list row ends with the format, and the viewer's header names it after the path.
    assert!(first.contains("saved_page.htm · HTML"), "{first}");
    assert_eq!(first.matches("HTML").count(), 2, "{first}");
}

#[test]
fn a_folder_of_every_format_opens_in_the_reader_and_exports_whole() {
    use baogao::ui::app::App;
    use common::files::{Font, NUMBERING, as_word_body, doc, docx, ofd, pdf, wrap};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<(&str, Vec<u8>)> = SAMPLES
        .iter()
        .enumerate()
        .map(|(i, (_, bytes))| {
            let text = decode::decode(bytes).unwrap().text;
            match i {
                0 => ("a.txt", bytes.to_vec()),
                1 => ("b.html", gov_page("某某报告", "2025-01-02", &text)),
                2 => (
                    "c.docx",
                    docx(&as_word_body(&text).0, Some(NUMBERING), None),
                ),
                3 => ("d.pdf", pdf(&wrap(&text, 72), Font::GbkEuc)),
                _ => ("e.ofd", ofd(&wrap(&text, 72))),
            }
        })
        // The first sample once more, as a Word 97–2003 file.
        .chain(std::iter::once((
            "f.doc",
            doc(&decode::decode(SAMPLES[0].1).unwrap().text),
        )))
        .collect();
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let reports = common::exported(dir.path());
    let mut formats: Vec<&str> = reports
        .iter()
        .map(|r| r["format"].as_str().unwrap())
        .collect();
    formats.sort();
    assert_eq!(formats, ["doc", "docx", "html", "ofd", "pdf", "txt"]);
    // Each is the sample it was made from: the same agency as the sample's text.
    let made_from = SAMPLES.iter().chain(std::iter::once(&SAMPLES[0]));
    for (r, (_, bytes)) in reports.iter().zip(made_from) {
        let txt = parse_bytes("sample", bytes).unwrap();
        assert_eq!(
            r["agency"].as_str(),
            txt.meta.agency.as_deref(),
            "{}",
            r["path"]
        );
    }
    let mut app = App::new(baogao::ingest::load_paths(&[dir.path()]));
    let area = Rect::new(0, 0, 160, 40);
    let mut buf = Buffer::empty(area);
    baogao::ui::render(area, &mut buf, &mut app, &baogao::ui::Theme::PLAIN);
    let frame = common::buffer_text(&buf);
    for tag in [" HTML", " DOCX", " PDF", " OFD"] {
        assert!(frame.contains(tag), "{tag}: {frame}");
    }
    // DOC as well as DOCX.
    assert!(frame.matches(" DOC").count() >= 2, "{frame}");
}

/// `bytes` quoted-printable, lines folded at 76 with soft breaks, as a browser saves them.
fn quoted_printable(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut col = 0;
    for &b in bytes {
        let piece = if b == b'\n' {
            out.push_str("\r\n");
            col = 0;
            continue;
        } else if (33..=126).contains(&b) && b != b'=' {
            (b as char).to_string()
        } else {
            format!("={b:02X}")
        };
        if col + piece.len() > 75 {
            out.push_str("=\r\n");
            col = 0;
        }
        col += piece.len();
        out.push_str(&piece);
    }
    out
}

/// A page saved by a browser as one file: the page quoted-printable (or base64) with its
/// charset, then a picture, as multipart/related.
fn mhtml(page: &[u8], base64: bool) -> Vec<u8> {
    use base64::Engine;
    let b = "----MultipartBoundary--7Hc2xYkQ";
    let (enc, body) = if base64 {
        let s = base64::engine::general_purpose::STANDARD.encode(page);
        let lines: Vec<&str> = s
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        ("base64", lines.join("\r\n"))
    } else {
        ("quoted-printable", quoted_printable(page))
    };
    format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/art/2025/3/1/art_1.html\r\nSubject: =?utf-8?Q?report?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"{b}\"\r\n\r\n\r\n--{b}\r\nContent-Type: text/html; charset=\"gbk\"\r\nContent-Transfer-Encoding: {enc}\r\nContent-Location: http://www.example.gov.cn/art/2025/3/1/art_1.html\r\n\r\n{body}\r\n\r\n--{b}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: http://www.example.gov.cn/logo.png\r\n\r\niVBORw0KGgo=\r\n\r\n--{b}--\r\n"
    )
    .into_bytes()
}

#[test]
fn each_sample_as_a_page_saved_by_a_browser_reads_like_the_page() {
    let mut failures = Vec::new();
    for (i, (name, bytes)) in SAMPLES.iter().enumerate() {
        let txt = parse_bytes(&format!("sample:{name}"), bytes).expect("sample");
        let text = decode::decode(bytes).expect("sample text").text;
        let date = txt.meta.date.as_deref().unwrap_or("2025-03-31");
        let page = gov_page(&txt.meta.title, date, &text);
        let html = parse_bytes(&format!("{name}.html"), &page).expect("page");
        let saved =
            parse_bytes(&format!("{name}.mhtml"), &mhtml(&page, i % 2 == 1)).expect("mhtml");
        assert_eq!(saved.format, "html");
        assert_eq!(saved.encoding, "GBK");
        let (want, got) = (common::digest(&html, true), common::digest(&saved, true));
        if want != got {
            failures.push(format!("{name}:\n--- page\n{want}\n--- mhtml\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let e = parse_bytes("x.mht", b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("MHTML"), "{e}");
}

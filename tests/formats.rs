//! Reports in the formats they are published in, generated here from the five embedded
//! samples: each must give the same outline and metadata as the sample's text.

mod common;

use baogao::ingest::{decode, parse_bytes, samples::SAMPLES};
use common::files::{gov_page, mhtml};

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
        baogao::ui::frame(area, &mut buf, &mut app, &baogao::ui::Theme::PLAIN);
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
    baogao::ui::frame(area, &mut buf, &mut app, &baogao::ui::Theme::PLAIN);
    let frame = common::buffer_text(&buf);
    for tag in [" HTML", " DOCX", " PDF", " OFD"] {
        assert!(frame.contains(tag), "{tag}: {frame}");
    }
    // DOC as well as DOCX.
    assert!(frame.matches(" DOC").count() >= 2, "{frame}");
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

/// A page's heading elements (`<h1>`–`<h6>`, at their depth) and its bold paragraphs
/// (`<strong>`, `<b>`, `font-weight: bold`) are headings although they carry no number;
/// the same lines as plain text are not all headings.
#[test]
fn heading_elements_and_bold_paragraphs_of_a_page_are_headings() {
    let page = |body: &str| {
        format!(
            "<html><head><meta charset=\"utf-8\"><title>桐庐县司法局</title></head><body>\
             <div class=\"nav\"><a href=\"/\">首页</a> | <a href=\"/x\">政务公开</a></div>\
             <div class=\"content\"><p>桐庐县司法局2023年度法治政府建设情况报告</p>\
             <p>2023年，桐庐县司法局坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得新成效。现将有关情况报告如下：</p>\
             {body}</div><div class=\"foot\">版权所有：桐庐县司法局</div></body></html>"
        )
        .into_bytes()
    };
    let outline = |bytes: &[u8]| {
        common::outline_with_and_without_emphasis("page.html", bytes, baogao::ingest::html::extract)
    };
    let want = common::outline_of;
    let (got, as_text, r) = outline(&page(
        "<h3>组织保障</h3><h4>健全工作机制</h4>\
         <p>局党组每季度专题研究法治建设工作，形成问题清单并逐项销号，推动各项任务落地。</p>\
         <h4>强化督查考核</h4><p>把法治建设成效纳入年度综合考核，考核结果与评先评优挂钩。</p>\
         <h3>存在的不足</h3><p>部分乡镇司法所人员不足，专职法治工作人员偏少。</p>",
    ));
    let expected = want(&[
        (1, "组织保障"),
        (2, "健全工作机制"),
        (2, "强化督查考核"),
        (1, "存在的不足"),
    ]);
    assert_eq!(got, expected, "{:?}", r.warnings);
    assert_eq!(r.meta.agency.as_deref(), Some("桐庐县司法局"));
    assert_ne!(
        as_text, expected,
        "the plain text alone gives the same outline"
    );

    let (got, as_text, _) = outline(&page(
        "<p>一、主要举措和成效</p><p><strong>健全工作机制</strong></p>\
         <p style=\"FONT-WEIGHT: bold\">强化督查考核</p>\
         <p>把法治建设成效纳入年度综合考核，考核结果与评先评优挂钩。</p>\
         <p><b>落实</b><span><b>学法制度</b></span></p><p>全年集中学法六次，领导干部带头讲法，参学率达到百分之百。</p>\
         <p><strong>二是</strong>推行柔性执法。</p>\
         <p>二、存在的不足</p><p>部分乡镇司法所人员不足，专职法治工作人员偏少。</p>",
    ));
    let expected = want(&[
        (1, "主要举措和成效"),
        (2, "健全工作机制"),
        (2, "强化督查考核"),
        (2, "落实学法制度"),
        (1, "存在的不足"),
    ]);
    assert_eq!(got, expected);
    assert_ne!(
        as_text, expected,
        "the plain text alone gives the same outline"
    );
}

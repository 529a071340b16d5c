use super::*;

#[test]
fn a_site_address_the_report_cites_is_no_watermark() {
    // Once, inside a sentence; a government address even on a line of its own.
    let cited =
        "群众可登录市民服务网www.shimin.example.com查询办理进度。\n政务网站 www.hz.gov.cn\n";
    assert_eq!(strip_site_marks(cited), None);
    assert_eq!(strip_site_marks("没有网址的报告。"), None);
    // Recurring, it is one, also where it splits a word.
    let stamped = "文库站 www.wk.example.com\n一、主要举措 文库站 www.wk.example.com\n第一责文库站 www.wk.example.com任人\n";
    let (text, removed) = strip_site_marks(stamped).unwrap();
    assert_eq!(text, "\n一、主要举措\n第一责任人\n");
    assert_eq!(removed.len(), 3);
}

#[test]
fn byte_scans_agree_with_the_character_classes() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let s = format!("法{c}治");
        assert_eq!(has_space(&s), is_space(c), "{:04X}", c as u32);
        assert_eq!(
            has_ideographic_space(&s),
            c == '\u{3000}',
            "{:04X}",
            c as u32
        );
    }
}

#[test]
fn spaces_inside_chinese_removed() {
    assert_eq!(
        normalize_spaces("于田县 2024 年 工作报告"),
        "于田县2024年工作报告"
    );
    assert_eq!(normalize_spaces("Word  export"), "Word export");
    assert_eq!(normalize_spaces("\u{3000}\u{3000}正文"), "正文");
}

#[test]
fn page_numbers_and_chrome() {
    for s in ["— 2 —", "-3-", "12", "第 3 页", "第3页 共9页", "3/9"] {
        assert!(is_page_number(&normalize_spaces(s)), "{s}");
    }
    assert!(!is_page_number("2021"));
    assert!(is_chrome(&normalize_spaces("【 关 闭 】")));
    assert!(is_chrome("发布时间：2023-03-15 来源：市司法局"));
    assert!(is_chrome("文章来源 ·   市政府办公厅 clock 157天前"));
    assert!(is_chrome("信息来源 | 县人民政府办公室"));
    assert!(!is_chrome("文章来源于群众，依法办理。"));
    assert!(!is_chrome("来源于群众的诉求，依法办理。"));
}

#[test]
fn markdown_stripped() {
    assert_eq!(
        strip_markdown("### 一、标题"),
        ("一、标题".into(), Md::Hash(3))
    );
    assert_eq!(
        strip_markdown("**一、标题**"),
        ("一、标题".into(), Md::Bold)
    );
}

#[test]
fn a_title_row_with_a_spaced_label_is_catalogue() {
    let line = "标      题 西藏自治区人民政府关于2017年度全区法治政府建设情况的报告";
    assert!(spaced_label(line));
    assert!(is_catalogue(line));
    let c = clean(&format!(
        "{line}\n2017年，在自治区党委、政府的坚强领导下，扎实推进法治政府建设。\n"
    ));
    assert_eq!(
        c.chrome_title.as_deref(),
        Some("西藏自治区人民政府关于2017年度全区法治政府建设情况的报告"),
        "{:?}",
        c.noise
    );
}

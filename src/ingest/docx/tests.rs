use super::*;

#[test]
fn counting_formats_as_word_shows_them() {
    let zh: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1005, 2024]
        .iter()
        .map(|&n| format_number(n, "chineseCounting"))
        .collect();
    assert_eq!(
        zh,
        [
            "一",
            "九",
            "十",
            "十一",
            "十九",
            "二十",
            "二十一",
            "九十九",
            "一百",
            "一百零一",
            "一百一十",
            "一千零五",
            "二千零二十四"
        ]
    );
    assert_eq!(format_number(3, "chineseLegalSimplified"), "叁");
    assert_eq!(format_number(3, "ideographTraditional"), "丙");
    assert_eq!(format_number(11, "ideographTraditional"), "11");
    assert_eq!(format_number(12, "decimalEnclosedCircle"), "⑫");
    assert_eq!(format_number(21, "decimalEnclosedCircle"), "21");
    assert_eq!(format_number(2, "decimalEnclosedParen"), "⑵");
    assert_eq!(format_number(7, "decimalFullWidth"), "７");
    assert_eq!(format_number(7, "decimalZero"), "07");
    assert_eq!(format_number(28, "lowerLetter"), "bb");
    assert_eq!(format_number(14, "upperRoman"), "XIV");
    // Counters far past any real list stay finite and plain.
    assert_eq!(
        format_number(u32::MAX, "chineseCounting"),
        u32::MAX.to_string()
    );
    assert_eq!(format_number(u32::MAX, "lowerLetter").len(), 16);
    assert_eq!(format_number(0, "upperRoman"), "0");
}

const NUM: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="4294967295"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3%9）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="9"/></w:num>
</w:numbering>"#;

#[test]
fn levels_restart_below_legal_numbering_and_bad_definitions_are_harmless() {
    let n = Numbering::parse(NUM);
    let mut c = Counters::default();
    let mut m = |id: &str, l: usize| c.marker(&n, id, l);
    assert_eq!(m("1", 0).as_deref(), Some("一、"));
    assert_eq!(m("1", 1).as_deref(), Some("1.1 "));
    assert_eq!(m("1", 1).as_deref(), Some("1.2 "));
    assert_eq!(m("1", 0).as_deref(), Some("二、"));
    // The lower level restarted under the new upper one.
    assert_eq!(m("1", 1).as_deref(), Some("2.1 "));
    // A start at u32::MAX saturates; %9 of a level never defined is its start (0).
    assert_eq!(m("1", 2).as_deref(), Some("42949672950）"));
    assert_eq!(m("1", 2).as_deref(), Some("42949672950）"));
    // Unknown lists, levels past 8 and numId 0 (numbering removed) show no marker.
    assert_eq!(m("2", 0), None);
    assert_eq!(m("7", 0), None);
    assert_eq!(m("1", 9), None);
    assert_eq!(m("0", 0), None);
}

#[test]
fn a_style_cycle_ends() {
    let s = Styles::parse(
        r#"<w:styles xmlns:w="w"><w:style w:styleId="a"><w:basedOn w:val="b"/></w:style><w:style w:styleId="b"><w:basedOn w:val="a"/></w:style></w:styles>"#,
    );
    assert_eq!(s.numbering("a"), None);
}

#[test]
fn paragraphs_nested_past_the_limit_join_the_one_around_them() {
    let deep = "<w:p><w:r><w:t>外</w:t></w:r>".repeat(40_000) + &"</w:p>".repeat(40_000);
    let d = from_parts(
        &format!("<w:document xmlns:w=\"w\"><w:body>{deep}</w:body></w:document>"),
        None,
        None,
    )
    .expect("text");
    assert_eq!(d.text.matches('外').count(), 40_000);
}

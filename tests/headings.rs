//! Every heading style of INPUTS.md, each in a small report, checked as outline lines
//! `LEVEL MARKER TITLE` (marker `-` when unnumbered).
use baogao::ingest::parse_bytes;

fn outline(src: &str) -> Vec<String> {
    let r = parse_bytes("t.txt", src.as_bytes()).unwrap();
    r.sections
        .iter()
        .map(|s| {
            format!(
                "{} {} {}",
                s.level,
                s.marker.as_deref().unwrap_or("-"),
                s.title
            )
        })
        .collect()
}

fn text_of(src: &str, title: &str) -> String {
    let r = parse_bytes("t.txt", src.as_bytes()).unwrap();
    r.sections
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no section {title}"))
        .text
        .clone()
}

const BODY: &str = "认真落实各项要求，全年开展活动12次，取得了较好成效。";

#[test]
fn all_numbering_styles_nest_in_order() {
    let src = format!(
        "一、主要举措和成效\n{BODY}\n（一）健全组织领导\n{BODY}\n1.健全工作机制\n{BODY}\n\
         （1）强化审计监督\n{BODY}\n①建立台账\n{BODY}\n②定期通报\n{BODY}\n\
         （2）强化内部监督\n{BODY}\n2、加强理论学习\n{BODY}\n(二)推进依法决策\n{BODY}\n\
         １．完善程序\n{BODY}\n(1)专家论证\n{BODY}\n二、存在的不足和原因\n{BODY}\n"
    );
    assert_eq!(
        outline(&src),
        [
            "1 一、 主要举措和成效",
            "2 （一） 健全组织领导",
            "3 1. 健全工作机制",
            "4 （1） 强化审计监督",
            "5 ① 建立台账",
            "5 ② 定期通报",
            "4 （2） 强化内部监督",
            "3 2、 加强理论学习",
            "2 (二) 推进依法决策",
            "3 １． 完善程序",
            "4 (1) 专家论证",
            "1 二、 存在的不足和原因",
        ]
    );
}

#[test]
fn markdown_hashes_and_bold_trust_the_numbering() {
    let src = format!(
        "# 某县司法局2023年法治政府建设情况报告\n\n### 一、主要举措和成效\n{BODY}\n\
         # （一）健全组织领导\n{BODY}\n## 二、存在的不足\n{BODY}\n**（一）队伍建设不足**\n{BODY}\n\
         **三、下一步工作安排**\n{BODY}\n"
    );
    assert_eq!(
        outline(&src),
        [
            "1 一、 主要举措和成效",
            "2 （一） 健全组织领导",
            "1 二、 存在的不足",
            "2 （一） 队伍建设不足",
            "1 三、 下一步工作安排",
        ]
    );
}

#[test]
fn inline_and_colon_headings_keep_their_body() {
    let src = "一、主要举措和成效\n\
        （一）持续健全组织领导。为加强依法行政的组织领导，成立了领导小组。\n\
        1. 健全工作机制：成立以局长为组长的领导小组，定期研究。\n\
        2. 加强督促检查：\n每半年开展一次自查。\n";
    assert_eq!(
        outline(src),
        [
            "1 一、 主要举措和成效",
            "2 （一） 持续健全组织领导",
            "3 1. 健全工作机制",
            "3 2. 加强督促检查",
        ]
    );
    assert_eq!(
        text_of(src, "持续健全组织领导"),
        "为加强依法行政的组织领导，成立了领导小组。"
    );
    assert_eq!(
        text_of(src, "健全工作机制"),
        "成立以局长为组长的领导小组，定期研究。"
    );
    assert_eq!(text_of(src, "加强督促检查"), "每半年开展一次自查。");
}

#[test]
fn unnumbered_headings_take_their_level_from_neighbours_and_parts() {
    let src = format!(
        "一、主要举措和成效\n（一）健全组织领导\n{BODY}\n健全依法决策工作机制。\n{BODY}\n\
         （三）健全执法体系\n{BODY}\n存在的不足和原因\n{BODY}\n下一步工作安排\n{BODY}\n"
    );
    assert_eq!(
        outline(&src),
        [
            "1 一、 主要举措和成效",
            "2 （一） 健全组织领导",
            "2 - 健全依法决策工作机制",
            "2 （三） 健全执法体系",
            "1 - 存在的不足和原因",
            "1 - 下一步工作安排",
        ]
    );
}

#[test]
fn split_headings_join_and_gaps_keep_going_with_a_warning() {
    let src = format!(
        "一、主要举措和成效\n（一）健全组织领导\n{BODY}\n（四）健全执法体系\n{BODY}\n\
         （六）加强普法宣传\n{BODY}\n二、推进法治政府建设存在的不足\n和原因\n{BODY}\n"
    );
    assert_eq!(
        outline(&src),
        [
            "1 一、 主要举措和成效",
            "2 （一） 健全组织领导",
            "2 （四） 健全执法体系",
            "2 （六） 加强普法宣传",
            "1 二、 推进法治政府建设存在的不足和原因",
        ]
    );
    let r = parse_bytes("t.txt", src.as_bytes()).unwrap();
    assert!(
        r.warnings.iter().any(|w| w.contains("（四）")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn enumerations_inside_paragraphs_are_not_headings() {
    let src = "一、主要举措和成效\n一是加强学习。组织集中学习12次。\n二是强化培训。\n\
        首先，完善制度。\n其次，狠抓落实。\n第一，加强领导。\n";
    assert_eq!(outline(src), ["1 一、 主要举措和成效"]);
    let t = text_of(src, "主要举措和成效");
    assert!(t.contains("一是加强学习") && t.contains("其次，狠抓落实"));
}

#[test]
fn a_sentence_before_a_heading_is_a_paragraph() {
    let src = "一、主要举措和成效\n全年召开专题会议。\n二、存在的不足和原因\n执法水平有待提高。\n";
    assert_eq!(
        outline(src),
        ["1 一、 主要举措和成效", "1 二、 存在的不足和原因"]
    );
}

use super::*;

#[test]
fn a_date_line_may_end_with_its_time_of_day() {
    for (line, want) in [
        ("2023年03月30日 09时24分", Some("2023-03-30")),
        ("2023年3月30日9时24分05秒", Some("2023-03-30")),
        ("2024-01-25 15:27", Some("2024-01-25")),
        ("2024-01-25 15:27:09", Some("2024-01-25")),
        ("2024-01-25 15时", None),
        ("2024-01-25 152", None),
        ("2024年1月25日召开会议", None),
    ] {
        assert_eq!(date_line(line).as_deref(), want, "{line}");
    }
}

#[test]
fn chinese_numeral_years() {
    assert_eq!(
        first_year("屯溪区人民政府二〇二三年度法治政府建设情况报告"),
        Some(2023)
    );
    assert_eq!(first_year("二零二四年三月"), Some(2024));
    assert_eq!(first_year("一二三四五年"), None);
    assert_eq!(
        level_of(
            "西陵区城市管理执法局",
            region_of("西陵区城市管理执法局").as_deref()
        ),
        Some("district")
    );
}

#[test]
fn county_level_cities_are_counties() {
    for (agency, level) in [
        ("义乌市商务局", "county"),
        ("浙江省义乌市商务局", "county"),
        ("禹州市司法局", "county"),
        ("河南省禹州市司法局", "county"),
        ("东莞市教育局", "city"),
        ("苏州市司法局", "city"),
        ("枣庄市科技局", "city"),
    ] {
        let region = region_of(agency);
        assert_eq!(level_of(agency, region.as_deref()), Some(level), "{agency}");
    }
}

#[test]
fn dates() {
    assert_eq!(
        find_date("【编辑日期:2023-12-28】"),
        Some("2023-12-28".into())
    );
    assert_eq!(date_line("2025年2月28日"), Some("2025-02-28".into()));
    assert_eq!(date_line("2025 年 2 月 28 日"), Some("2025-02-28".into()));
    assert_eq!(
        date_line("二〇二五年二月二十八日"),
        Some("2025-02-28".into())
    );
    assert_eq!(date_line("2025年2月28日召开"), None);
    assert_eq!(find_date("发布时间：2019/10/31"), Some("2019-10-31".into()));
}

#[test]
fn doc_numbers() {
    assert_eq!(
        find_doc_number("高科字〔2022〕1号"),
        Some("高科字〔2022〕1号".into())
    );
    assert_eq!(
        find_doc_number("浙卫〔2024〕3号"),
        Some("浙卫〔2024〕3号".into())
    );
    assert_eq!(find_doc_number("（2021-2025年）"), None);
}

#[test]
fn agencies() {
    assert_eq!(
        agency_from_title("张店区科技局2024年度法治政府建设情况报告").as_deref(),
        Some("张店区科技局")
    );
    assert_eq!(
        region_of("重庆市大足区科学技术局").as_deref(),
        Some("重庆市大足区")
    );
    assert_eq!(region_of("临川区市场监督管理局").as_deref(), Some("临川区"));
    assert_eq!(
        level_of("重庆市大足区科学技术局", Some("重庆市大足区")),
        Some("district")
    );
    assert_eq!(
        level_of("湖南省交通运输厅", Some("湖南省")),
        Some("province")
    );
    assert_eq!(level_of("安吉县教育局", Some("安吉县")), Some("county"));
    assert_eq!(level_of("司法部", None), Some("national"));
    assert_eq!(
        agency_in_text("今年,在市委的指导下,市科技局全面贯彻").as_deref(),
        Some("市科技局")
    );
    assert_eq!(
        agency_in_text("2024年，张店区科技局在区委").as_deref(),
        Some("张店区科技局")
    );
    assert_eq!(
        dominant_place("枣庄市委，枣庄市政府，中共枣庄市委，全市", '市').as_deref(),
        Some("枣庄市")
    );
}

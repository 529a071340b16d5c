//! Where an author's name can stand: a party group's line, a joint issuer, a ministry
//! named in the text, the subject of the preamble, a government in the title, a township.

use super::*;

/// Phrases that end like an agency but are not one ("依法治市人民政府" out of
/// "把依法治市、依法执政…", "现将某某镇人民政府…").
pub(super) fn plausible(a: &str) -> bool {
    const BAD: &[&str] = &[
        "依法治",
        "现将",
        "关于",
        "根据",
        "按照",
        "为了",
        "为",
        "在",
        "经",
        "由",
        "对",
        "向",
        "把",
        "将",
        "和",
        "与",
        "及",
        "各",
        "全",
        "本",
        "我",
        "该",
        "也是",
        "是",
    ];
    char_len(a) >= 2
        && !BAD.iter().any(|b| a.starts_with(b))
        && !a.contains("依法治")
        // "现就我镇…": the document speaking of itself names no one.
        && !a.contains('我')
        && !a.starts_with("现就")
        && a.chars()
            .all(|c| is_cjk(c) || matches!(c, '（' | '）' | '(' | ')'))
}

/// A party-committee or letterhead line → the agency it stands for:
/// "中共青岛市交通运输局党组" → "青岛市交通运输局".
pub(super) fn from_party_line(s: &str) -> Option<String> {
    let t = s
        .strip_prefix("中共")
        .or_else(|| s.strip_prefix("中国共产党"))?;
    let t = ["党组", "党委", "委员会"]
        .iter()
        .find_map(|w| t.strip_suffix(w))
        .unwrap_or(t);
    // A place's party committee (中共长沙市委) is not a government agency: with a joint
    // issuer the government line that follows names the author.
    let committee = t.strip_suffix('委').is_some_and(|p| {
        p.ends_with(['省', '市', '县', '区', '州', '旗', '盟']) || p.ends_with("自治区")
    });
    (!committee && meta::is_agency_name(t) && plausible(t)).then(|| t.to_string())
}

/// A joint issuer written as one name ("中共东昌区委东昌区人民政府", "中共某县委、某县人民
/// 政府"): the government is the report's author.
pub(super) fn joint_government(a: &str) -> Option<&str> {
    if !a.starts_with("中共") || !a.ends_with("人民政府") {
        return None;
    }
    a.match_indices('委').find_map(|(i, _)| {
        let rest = a[i + '委'.len_utf8()..].trim_start_matches(['、', ' ', '，']);
        (rest.ends_with("人民政府") && char_len(rest) >= 5 && !rest.contains('委')).then_some(rest)
    })
}

/// A national body that is the subject of `text`: named at the start of a clause and not
/// as the author of something cited ("国务院《…》", "司法部关于…").
pub(super) fn national_in(text: &str) -> Option<String> {
    let head: String = text.chars().take(400).collect();
    NATIONAL
        .iter()
        .filter(|n| **n != "国务院")
        .filter_map(|n| {
            head.match_indices(n).find_map(|(i, _)| {
                let before = head[..i].chars().next_back();
                let after = &head[i + n.len()..];
                let starts_clause = before.is_none_or(|c| {
                    matches!(
                        c,
                        '，' | ',' | '。' | '年' | '\n' | '：' | ' ' | '据' | '原'
                    )
                });
                let cited = after.starts_with(['《', '关', '的', '、', '和', '印', '等'])
                    || after.starts_with("网站")
                    || after.starts_with("部署");
                (starts_clause && !cited).then_some((i, *n))
            })
        })
        .min_by_key(|&(i, n)| (i, std::cmp::Reverse(n.len())))
        .map(|(_, n)| n.to_string())
}

/// The agency that is the subject of a preamble's first sentence: "现将虹桥街道2021年度…",
/// "2019年，在省委、省政府…领导下，南昌县全面贯彻…", "2023年，市科技局坚持…".
pub(super) fn preamble_subject(p: &str) -> Option<String> {
    let first = p.split('。').next().unwrap_or(p);
    let first: String = first.chars().take(200).collect();
    let as_agency = |name: &str| -> Option<String> {
        let name = name.trim_end_matches(['的', '在']);
        // One office with several names: "市数据局（市营商环境建设局、市行政审批局）".
        let name = match name.strip_suffix([')', '）']) {
            Some(inner) => inner
                .rfind(['(', '（'])
                .map_or(name, |open| name[..open].trim_end()),
            None => name,
        };
        // A tier word alone ("现将街道2025年…") names no one.
        if !plausible(name) || char_len(name) < 2 || matches!(name, "街道" | "社区" | "乡镇")
        {
            return None;
        }
        if meta::is_agency_name(name) {
            return Some(name.to_string());
        }
        let g = gazetteer::get();
        if name.ends_with("街道") {
            return Some(name.to_string());
        }
        if name.ends_with(['镇', '乡']) || g.lookup(name).is_some() {
            return Some(format!("{name}人民政府"));
        }
        None
    };
    // "现将NAME2023年…报告如下".
    if let Some(i) = p.find("现将") {
        let rest = &p[i + "现将".len()..];
        let end = rest
            .find(|c: char| c.is_ascii_digit() || !is_cjk(c))
            .or_else(|| rest.find("关于"))
            .or_else(|| rest.find("法治"))
            .unwrap_or(0);
        let name = &rest[..end];
        let name = name.split("关于").next().unwrap_or(name);
        if let Some(a) = as_agency(name) {
            return Some(a);
        }
    }
    // The subject stands at the start of the sentence, or after its year ("根据…，2023年，
    // 清波街道以…") or after a "在…下，" clause.
    let mut starts: Vec<&str> = vec![first.as_str()];
    for m in ["年，", "年,", "以来，", "以来,", "下，", "下,"] {
        for (i, _) in first.match_indices(m) {
            starts.push(&first[i + m.len()..]);
        }
    }
    starts.iter().find_map(|h| subject_at(h, &as_agency))
}

/// The agency or place that `head` starts with, as an agency.
pub(super) fn subject_at(head: &str, as_agency: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let mut head = head.trim_start_matches(|c: char| c.is_ascii_digit());
    head = head.trim_start_matches("年度").trim_start_matches('年');
    head = head.trim_start_matches(['，', ',', ' ']);
    if head.starts_with('在') || head.starts_with('根') || head.starts_with('按') {
        return None;
    }
    // "区政府坚持…": the government by its tier alone (the place is found later).
    for tier in ["区政府", "县政府", "市政府", "州政府", "省政府"] {
        if head.starts_with(tier) {
            return as_agency(tier);
        }
    }
    // "全省法治政府建设工作坚持…": a government reporting on its whole area.
    for (whole, tier) in [
        ("全省法治", "省政府"),
        ("全市法治", "市政府"),
        ("全县法治", "县政府"),
        ("全区法治", "区政府"),
        ("全州法治", "州政府"),
    ] {
        if head.starts_with(whole) {
            return as_agency(tier);
        }
    }
    let g = gazetteer::get();
    if let Some(a) = meta::agency_in_text(&head.chars().take(30).collect::<String>())
        && head.starts_with(&a)
    {
        return Some(a);
    }
    // A township or street named bare: "白沙路街道积极…", "三都镇坚持…".
    let lead: String = head.chars().take(10).collect();
    for suffix in ["街道", "镇", "乡"] {
        if let Some(i) = lead.find(suffix)
            && (2..=6).contains(&char_len(&lead[..i]))
            && lead[..i].chars().all(is_cjk)
            && g.find(&lead[..i]).is_empty()
        {
            return as_agency(&lead[..i + suffix.len()]);
        }
    }
    let near: String = head.chars().take(40).collect();
    let found = g.find(&near);
    let f = found.first().filter(|f| f.start == 0)?;
    // Extend over further places ("北京市朝阳区").
    let mut end = f.end;
    for n in &found[1..] {
        if n.start == end {
            end = n.end;
        }
    }
    let rest = &head[end..];
    for suffix in ["街道", "镇", "乡"] {
        if let Some(i) = rest.find(suffix)
            && char_len(&rest[..i]) <= 4
            && rest[..i].chars().all(is_cjk)
        {
            return as_agency(&head[..end + i + suffix.len()]);
        }
    }
    as_agency(&head[..end])
}

/// The government a title names by its place: "静海区2023年度法治政府建设…",
/// "2020年静海区法治政府建设情况报告", "三都镇2025年…", "某某街道…".
pub(super) fn government_in_title(title: &str) -> Option<String> {
    let g = gazetteer::get();
    let cut = title
        .find("法治")
        .or_else(|| title.find("依法行政"))
        .unwrap_or(title.len());
    let head = &title[..cut];
    // Drop a leading year ("2020年", "2020年度").
    let head = head
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches("年度")
        .trim_start_matches('年');
    let head = head
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '年' || c == '度')
        .trim_end_matches("关于")
        .trim_end_matches('的');
    if head.is_empty() || !head.chars().all(is_cjk) || char_len(head) > 20 {
        return None;
    }
    if towns_in_general(head) {
        return None;
    }
    // A township, a street, or a place the gazetteer knows, taking the whole head.
    for suffix in ["街道", "镇", "乡"] {
        if head.ends_with(suffix) && char_len(head) >= 2 {
            return Some(match suffix {
                "街道" => head.to_string(),
                _ => format!("{head}人民政府"),
            });
        }
    }
    let found = g.find(head);
    let last = found.last()?;
    (last.end == head.len() && found.first().is_some_and(|f| f.start == 0))
        .then(|| format!("{head}人民政府"))
}

/// The township part of an agency ("白沙路街道" in "慈溪市白沙路街道"), after its places.
pub(super) fn township_of(rest: &str) -> Option<&str> {
    for suffix in [
        "街道办事处",
        "街道",
        "镇人民政府",
        "乡人民政府",
        "镇",
        "乡",
        "苏木",
    ] {
        if let Some(i) = rest.find(suffix) {
            // 城乡, 城镇, 乡村 are words, not townships (住房和城乡建设局, 乡村振兴局).
            let before = rest[..i].chars().next_back();
            let after = rest[i + suffix.len()..].chars().next();
            // A name that ends the agency is a township even after 和 (共和乡); inside a
            // department's name 和 joins words (住房和城乡建设局).
            let ends =
                after.is_none() || suffix.ends_with("人民政府") || suffix.ends_with("办事处");
            if before.is_none_or(|c| c == '城' || (c == '和' && !ends))
                || after == Some('村')
                || (rest[..i].contains('和') && !ends)
                || char_len(&rest[..i]) > 8
            {
                continue;
            }
            let name = &rest[..i + suffix.len()];
            let name = name.trim_end_matches("办事处").trim_end_matches("人民政府");
            if char_len(name) >= 2 {
                return Some(name);
            }
        }
    }
    None
}

/// "2023年度乡镇法治政府建设…", "各镇街": towns in general, no one's name.
pub(super) fn towns_in_general(name: &str) -> bool {
    ["乡镇", "镇街", "街镇", "城镇", "村镇"]
        .iter()
        .any(|w| name.ends_with(w))
}

/// "三都镇2025年法治政府建设…", "我镇…": a preamble that opens with a township's name.
pub(super) fn township_subject(p: &str) -> Option<String> {
    // The first sentences' subjects ("2024年是…之年。某某街道始终坚持…").
    p.split('。').take(3).find_map(|sentence| {
        let head: String = sentence.chars().take(24).collect();
        let head = head
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches("年度")
            .trim_start_matches(['年', '，', ',']);
        ["街道", "镇", "乡"].iter().find_map(|suffix| {
            let i = head.find(suffix)?;
            let name = &head[..i + suffix.len()];
            let name = if *suffix == "乡" && head[i..].starts_with("乡镇") {
                &head[..i + "乡镇".len()]
            } else {
                name
            };
            ((2..=8).contains(&char_len(name))
                && name.chars().all(is_cjk)
                && plausible(name)
                && !towns_in_general(name))
            .then(|| {
                if *suffix == "街道" {
                    name.to_string()
                } else {
                    format!("{name}人民政府")
                }
            })
        })
    })
}

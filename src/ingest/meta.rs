//! Metadata: dates, document numbers, agency, region, administrative level and year.

use super::text::{ascii_digit, char_len, has_clause_punct, is_cjk};

/// Department names, longest first where one is a suffix of another. Used to split an
/// agency name into region + department; the generic suffix rule covers the rest.
// Years are read the same way everywhere (ingest, align, compare): see crate::text.
pub use crate::text::year::{bare_year, first_cn_year, first_year, leading_year, most_named_year};

const DEPARTMENTS: &[&str] = &[
    "市场监督管理局",
    "市场监管局",
    "市场监督管理委员会",
    "人力资源和社会保障局",
    "人力资源和社会保障厅",
    "人力资源社会保障局",
    "人力资源保障局",
    "住房和城乡建设局",
    "住房和城乡建设厅",
    "住房城乡建设局",
    "发展和改革委员会",
    "发展改革委",
    "卫生健康委员会",
    "卫生健康委",
    "卫生和计划生育委员会",
    "科学技术局",
    "科学技术厅",
    "科学技术委员会",
    // The municipalities' commissions (北京市教育委员会, 上海市交通委员会 …).
    "教育委员会",
    "交通运输委员会",
    "交通委员会",
    "住房和城乡建设委员会",
    "住房城乡建设委",
    "规划和自然资源委员会",
    "经济和信息化委员会",
    "商务委员会",
    "农业农村委员会",
    "卫健委",
    "市场监管总局",
    "人民政府办公室",
    "人民政府",
    "城市管理局",
    "城市管理综合执法局",
    "综合行政执法局",
    "行政审批服务局",
    "政务服务管理局",
    "政务服务数据管理局",
    "大数据发展管理局",
    "政务服务和数据管理局",
    "数据资源管理局",
    "数据资源局",
    "大数据局",
    "数据局",
    "行政审批局",
    "营商环境建设局",
    "退役军人事务局",
    "医疗保障局",
    "自然资源和规划局",
    "自然资源局",
    "生态环境局",
    "生态环境厅",
    "自然资源厅",
    "农业农村厅",
    "文化和旅游厅",
    "水利厅",
    "商务厅",
    "审计厅",
    "退役军人事务厅",
    "林业和草原局",
    "农业农村局",
    "文化和旅游局",
    "文化广电旅游局",
    "交通运输局",
    "交通运输厅",
    "工业和信息化局",
    "工业和信息化厅",
    "应急管理局",
    "应急管理厅",
    "人民检察院",
    "人民法院",
    "公安局",
    "公安厅",
    "司法局",
    "司法厅",
    "教育局",
    "教育厅",
    "教育体育局",
    "财政局",
    "财政厅",
    "审计局",
    "统计局",
    "税务局",
    "水利局",
    "水务局",
    "商务局",
    "民政局",
    "民政厅",
    "林业局",
    "体育局",
    "信访局",
    "气象局",
    "档案局",
    "粮食和物资储备局",
    "科技局",
    "科协",
];

/// Suffixes that end an agency name.
const AGENCY_SUFFIXES: &[&str] = &[
    "局",
    "厅",
    "委员会",
    "委",
    "办公室",
    "政府",
    "院",
    "中心",
    "办",
    "署",
    "部",
    "处",
];

/// Administrative suffixes of place names, longest first.
const PLACE_SUFFIXES: &[&str] = &[
    "特别行政区",
    "自治区",
    "地区",
    "自治州",
    "自治县",
    "自治旗",
    "新区",
    "街道",
    "省",
    "市",
    "州",
    "盟",
    "区",
    "县",
    "旗",
    "镇",
    "乡",
];

/// Municipalities directly under the central government: "X市" alone is province level.
const MUNICIPALITIES: &[&str] = &["北京市", "天津市", "上海市", "重庆市"];

/// Find the first date in `s` and return it as ISO `YYYY-MM-DD`.
///
/// Accepts 2025年2月28日, 2025-02-28, 2025/2/28, 2025.2.28 and 二〇二五年二月二十八日.
pub fn find_date(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    for start in 0..chars.len() {
        if let Some((iso, _)) = date_at(&chars, start) {
            return Some(iso);
        }
    }
    None
}

/// A line that is only a date (a signature or publication date line).
pub fn date_line(s: &str) -> Option<String> {
    // A date is short and starts with its year's first digit (most lines are neither).
    let first = s.trim_start().chars().next()?;
    if s.len() > 96
        || !(first.is_ascii_digit()
            || ('０'..='９').contains(&first)
            || "〇零一二两三四五六七八九".contains(first))
    {
        return None;
    }
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    match date_at(&chars, 0) {
        Some((iso, end)) if end == chars.len() || is_clock(&chars[end..]) => Some(iso),
        // "2024-01-25 15:27": the time after the last space (the digits would run on).
        _ if s.contains([':', '时']) => {
            let t = s.trim_end();
            let k = t.rfind(char::is_whitespace)?;
            let clock: Vec<char> = t[k..].chars().filter(|c| !c.is_whitespace()).collect();
            is_clock(&clock).then(|| date_line(&t[..k])).flatten()
        }
        _ => None,
    }
}

/// A time of day after a date: "09:24", "9:24:05", "09时24分", "09时24分05秒".
fn is_clock(c: &[char]) -> bool {
    let digits = |from: usize| {
        c[from.min(c.len())..]
            .iter()
            .take_while(|d| d.is_ascii_digit())
            .count()
    };
    let h = digits(0);
    if !(1..=2).contains(&h) {
        return false;
    }
    let rest: String = c[h..].iter().collect();
    let m = digits(h + 1);
    match rest.chars().next() {
        Some(':') if m == 2 => {
            let after = h + 1 + m;
            after == c.len() || (c[after] == ':' && digits(after + 1) == 2 && after + 3 == c.len())
        }
        Some('时') if (1..=2).contains(&m) && c.get(h + 1 + m) == Some(&'分') => {
            let after = h + 2 + m;
            after == c.len()
                || (digits(after) >= 1
                    && c.get(after + digits(after)) == Some(&'秒')
                    && after + digits(after) + 1 == c.len())
        }
        _ => false,
    }
}

fn date_at(chars: &[char], start: usize) -> Option<(String, usize)> {
    let (y, mut i) = number_at(chars, start, 4, true)?;
    if !(1990..=2100).contains(&y) {
        return None;
    }
    let sep = *chars.get(i)?;
    let cjk = sep == '年';
    if !matches!(sep, '年' | '-' | '/' | '.' | '－' | '．') {
        return None;
    }
    i += 1;
    let (m, j) = number_at(chars, i, 2, cjk)?;
    i = j;
    let sep2 = *chars.get(i)?;
    if cjk && sep2 != '月' || !cjk && sep2 != sep {
        return None;
    }
    i += 1;
    let (d, j) = number_at(chars, i, 2, cjk)?;
    i = j;
    if cjk {
        if chars.get(i) == Some(&'日') || chars.get(i) == Some(&'号') {
            i += 1;
        } else {
            return None;
        }
    }
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some((format!("{y:04}-{m:02}-{d:02}"), i))
}

/// ASCII/full-width digits, or (when `cn`) Chinese numerals such as 二〇二五 / 二十八.
fn number_at(chars: &[char], start: usize, max_digits: usize, cn: bool) -> Option<(u32, usize)> {
    let mut i = start;
    let mut n = 0u32;
    while i < chars.len() && i - start < max_digits {
        match ascii_digit(chars[i]) {
            Some(d) => n = n * 10 + d,
            None => break,
        }
        i += 1;
    }
    if i > start {
        // Four-digit years must be exactly four digits.
        if max_digits == 4 && i - start != 4 {
            return None;
        }
        if chars.get(i).is_some_and(|&c| ascii_digit(c).is_some()) {
            return None;
        }
        return Some((n, i));
    }
    if !cn {
        return None;
    }
    let digit = |c: char| "〇零一二三四五六七八九".find(c).map(|b| (b / 3) as u32);
    if max_digits == 4 {
        // 二〇二五: positional digits.
        let mut n = 0;
        let mut i = start;
        while i < chars.len() && i - start < 4 {
            let d = digit(chars[i])?;
            n = n * 10
                + if d == 1 && chars[i] == '零' {
                    0
                } else {
                    d.saturating_sub(1)
                };
            i += 1;
        }
        return Some((n, i));
    }
    let mut end = start;
    while end < chars.len()
        && (digit(chars[end]).is_some() || chars[end] == '十')
        && end - start < 3
    {
        end += 1;
    }
    let s: String = chars[start..end].iter().collect();
    super::text::cn_number(&s).map(|n| (n, end))
}

/// A document number such as 高科字〔2022〕1号 or 浙卫〔2024〕3号.
pub fn find_doc_number(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let close = match c {
            '〔' => '〕',
            '[' => ']',
            '［' => '］',
            '（' => '）',
            '(' => ')',
            '【' => '】',
            _ => continue,
        };
        let year: String = chars[i + 1..].iter().take(4).collect();
        if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if chars.get(i + 5) != Some(&close) {
            continue;
        }
        let mut j = i + 6;
        while j < chars.len() && ascii_digit(chars[j]).is_some() {
            j += 1;
        }
        if j == i + 6 || chars.get(j) != Some(&'号') {
            continue;
        }
        let mut k = i;
        while k > 0 && is_cjk(chars[k - 1]) {
            k -= 1;
        }
        if k == i {
            continue;
        }
        return Some(chars[k..=j].iter().collect());
    }
    None
}

/// Does this short line look like an agency name (a signature line or a title line)?
pub fn is_agency_name(s: &str) -> bool {
    let n = char_len(s);
    (3..=30).contains(&n)
        && !has_clause_punct(s)
        && !s.contains('。')
        && AGENCY_SUFFIXES.iter().any(|suf| s.ends_with(suf))
        && s.chars()
            .all(|c| is_cjk(c) || matches!(c, '（' | '）' | '(' | ')' | '、'))
}

/// Whether `s` is a department name of the lexicon ("市场监管局").
pub fn is_department(s: &str) -> bool {
    DEPARTMENTS.contains(&s)
}

/// The department part of an agency name, by the lexicon or the generic suffix rule.
fn split_agency(agency: &str) -> (Option<&str>, &str) {
    if let Some(dep) = DEPARTMENTS
        .iter()
        .filter(|d| agency.ends_with(*d))
        .max_by_key(|d| d.len())
    {
        let region = &agency[..agency.len() - dep.len()];
        return (
            (!region.is_empty()).then_some(region),
            &agency[agency.len() - dep.len()..],
        );
    }
    // Generic: the region is the longest prefix ending with a place suffix, leaving at
    // least two characters of department name.
    let mut best = None;
    for (i, _) in agency.char_indices() {
        let prefix = &agency[..i];
        // "西陵区城市管理执法局": 城市 (the word "city") does not end a place name.
        if char_len(&agency[i..]) >= 2
            && PLACE_SUFFIXES.iter().any(|s| prefix.ends_with(s))
            && !prefix.ends_with("城市")
            && !prefix.ends_with("都市")
        {
            best = Some(i);
        }
    }
    match best {
        Some(i) => (Some(&agency[..i]), &agency[i..]),
        None => (None, agency),
    }
}

/// Region (the place part) of an agency name.
pub fn region_of(agency: &str) -> Option<String> {
    let (region, _) = split_agency(agency);
    let region = region?;
    // Drop a party-committee or organisation prefix such as 中共.
    let region = region.strip_prefix("中共").unwrap_or(region);
    (char_len(region) >= 2 && PLACE_SUFFIXES.iter().any(|s| region.ends_with(s)))
        .then(|| region.to_string())
}

/// County-level cities (县级市, e.g. 义乌市, 昆山市): a name alone does not tell them from
/// prefecture-level cities; the gazetteer does. The whole region or its last place:
/// "浙江省义乌市", "金华市义乌市" → "义乌市".
fn is_county_level_city(region: &str) -> bool {
    let g = super::gazetteer::get();
    g.find(region)
        .last()
        .is_some_and(|f| f.end == region.len() && g.is_county_level_city(&region[f.start..]))
}

/// Administrative level from the region and the department.
pub fn level_of(agency: &str, region: Option<&str>) -> Option<&'static str> {
    let (_, dept) = split_agency(agency);
    let Some(region) = region else {
        if agency.starts_with("国家") || agency.starts_with("国务院") || dept.ends_with('部')
        {
            return Some("national");
        }
        return None;
    };
    if MUNICIPALITIES.contains(&region) {
        return Some("province");
    }
    let level = if region.ends_with("自治区")
        || region.ends_with('省')
        || region.ends_with("特别行政区")
    {
        "province"
    } else if region.ends_with("街道") || region.ends_with('镇') || region.ends_with('乡') {
        "township"
    } else if region.ends_with("自治县") || region.ends_with('县') || region.ends_with('旗') {
        "county"
    } else if region.ends_with("地区") {
        // 地区 (阿勒泰地区): a prefecture.
        "city"
    } else if region.ends_with("新区") || region.ends_with('区') {
        "district"
    } else if region.ends_with('市') && is_county_level_city(region) {
        "county"
    } else if region.ends_with('市') || region.ends_with('州') || region.ends_with('盟') {
        "city"
    } else {
        return None;
    };
    Some(level)
}

/// The agency named at the start of a title: "张店区科技局2024年度…" → "张店区科技局".
pub fn agency_from_title(title: &str) -> Option<String> {
    let mut cut = title.len();
    for (i, c) in title.char_indices() {
        if ascii_digit(c).is_some()
            || title[i..].starts_with("关于")
            || title[i..].starts_with("法治")
        {
            cut = i;
            break;
        }
    }
    let prefix = title[..cut].trim_end_matches(['的', '　', ' ']);
    // Joint issuers ("中共北京市水务局党组北京市水务局关于…"): the government agency is the
    // last name.
    for (i, _) in prefix.char_indices().skip(1) {
        let (head, tail) = prefix.split_at(i);
        if ["党组", "党委", "委员会"].iter().any(|w| head.ends_with(w)) && is_agency_name(tail)
        {
            return Some(tail.to_string());
        }
    }
    is_agency_name(prefix).then(|| prefix.to_string())
}

/// Agency mentioned in running text: a department name with its place prefix, e.g.
/// "…,市科技局全面…" → "市科技局", "2024年，张店区科技局在…" → "张店区科技局".
pub fn agency_in_text(text: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for dep in DEPARTMENTS {
        let Some(pos) = text.find(dep) else { continue };
        if best.as_ref().is_some_and(|(p, _)| *p <= pos) {
            continue;
        }
        let before: Vec<char> = text[..pos].chars().collect();
        // Walk back over a place prefix: CJK characters up to a place suffix boundary.
        let mut start = before.len();
        let mut k = before.len();
        let mut steps = 0;
        while k > 0 && is_cjk(before[k - 1]) && steps < 10 {
            k -= 1;
            steps += 1;
            let cand: String = before[k..].iter().collect();
            if PLACE_SUFFIXES.iter().any(|s| cand.ends_with(s)) && is_place(&cand) {
                start = k;
            }
        }
        let mut prefix: String = before[start..].iter().collect();
        // A verb before the place ("现公布衢州市…局") is no part of it: a prefix that names
        // a known place starts there.
        if let Some(f) = super::gazetteer::get().find(&prefix).first()
            && f.start > 0
        {
            prefix.replace_range(..f.start, "");
        }
        // A tax bureau's name includes its administration ("国家税务总局芜湖市税务局").
        const TAX: &str = "国家税务总局";
        if *dep == "税务局" && text[..pos - prefix.len()].ends_with(TAX) {
            prefix.insert_str(0, TAX);
        }
        best = Some((pos, format!("{prefix}{dep}")));
    }
    best.map(|(_, a)| a)
}

/// A plausible place name: a bare level word (市, 区 …) or a name with a suffix, not
/// starting with a function word.
fn is_place(s: &str) -> bool {
    const BAD_START: &[char] = &[
        '在', '的', '和', '与', '及', '对', '由', '为', '是', '全', '我', '本', '该', '各', '了',
        '将', '年', '月', '日', '向', '经', '据', '也', '是', '又', '就',
    ];
    let first = s.chars().next().unwrap_or(' ');
    // Nor a phrase that runs into one ("报告由市" of "报告由市司法局牵头起草").
    let inside =
        s.contains(['由', '的', '在', '了', '据', '各', '委', '厅', '局']) || s.contains("报告");
    char_len(s) == 1 || !(BAD_START.contains(&first) || inside)
}

/// The place a document names most often with the given suffix ("枣庄市" for 市).
pub fn dominant_place(text: &str, suffix: char) -> Option<String> {
    use std::collections::HashMap;
    const NOT_PLACE_START: &[char] = &[
        '全', '本', '我', '该', '各', '城', '超', '都', '门', '上', '在', '的', '省', '市', '区',
        '县', '和', '与',
    ];
    let chars: Vec<char> = text.chars().collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != suffix || chars.get(i + 1) == Some(&'场') {
            continue;
        }
        for k in 2..=3 {
            if i < k {
                break;
            }
            let name = &chars[i - k..=i];
            if name[..k].iter().all(|&c| is_cjk(c)) && !NOT_PLACE_START.contains(&name[0]) {
                *counts.entry(name.iter().collect()).or_default() += 1;
            }
        }
    }
    // Prefer the two-character name unless a longer one accounts for (nearly) all uses.
    let mut best: Option<(String, usize)> = None;
    for (name, &n) in &counts {
        if n < 2 {
            continue;
        }
        let better = match &best {
            None => true,
            Some((b, bn)) => n > *bn || (n == *bn && name.len() < b.len()),
        };
        if better {
            best = Some((name.clone(), n));
        }
    }
    let (name, n) = best?;
    // A three-character candidate whose two-character tail is as frequent: the tail wins
    // unless the longer name is as frequent (then the longer one is the real name).
    let longer = counts
        .iter()
        .filter(|(k, v)| k.ends_with(name.as_str()) && k.len() > name.len() && **v * 10 >= n * 8)
        .max_by_key(|(_, v)| **v)
        .map(|(k, _)| k.clone());
    Some(longer.unwrap_or(name))
}

#[cfg(test)]
mod tests;

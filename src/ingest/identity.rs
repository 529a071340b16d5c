//! Who wrote a report, and at what level of government: the agency as spelled, where it
//! was found (provenance), the place it belongs to (from the gazetteer), its level and a
//! normalised identity (`agency_key`: place code + agency kind) that is the same for
//! 科技局 and 科学技术局 of one place.
//!
//! Candidates come from the title line, a party-committee or letterhead line, the
//! signature, the preamble, the first sections and the page chrome, in that order. An
//! addressee line names the recipient and is never a candidate. An agency written
//! without its place (市科技局, 区教育局, 司法局) is completed with the place the document
//! names most often at the right tier.

use super::gazetteer::{self, Found, Tier};
use super::meta;
use super::text::{char_len, is_cjk, prefix};

/// National bodies that name no place (ministries, commissions, administrations).
const NATIONAL: &[&str] = &[
    "国务院",
    "外交部",
    "国防部",
    "国家发展和改革委员会",
    "教育部",
    "科学技术部",
    "工业和信息化部",
    "国家民族事务委员会",
    "公安部",
    "国家安全部",
    "民政部",
    "司法部",
    "财政部",
    "人力资源和社会保障部",
    "自然资源部",
    "生态环境部",
    "环境保护部",
    "国土资源部",
    "住房和城乡建设部",
    "交通运输部",
    "水利部",
    "农业农村部",
    "农业部",
    "商务部",
    "文化和旅游部",
    "国家卫生健康委员会",
    "退役军人事务部",
    "应急管理部",
    "中国人民银行",
    "审计署",
    "海关总署",
    "国家税务总局",
    "国家市场监督管理总局",
    "市场监管总局",
    "国家金融监督管理总局",
    "国家广播电视总局",
    "国家体育总局",
    "国家统计局",
    "国家知识产权局",
    "国家医疗保障局",
    "国家林业和草原局",
    "国家药品监督管理局",
    "国家移民管理局",
    "国家铁路局",
    "中国民用航空局",
    "国家邮政局",
    "国家文物局",
    "国家中医药管理局",
    "国家矿山安全监察局",
    "国家消防救援局",
    "国家能源局",
    "国家烟草专卖局",
    "国家粮食和物资储备局",
    "国家数据局",
    "国家疾病预防控制局",
    "国家外汇管理局",
    "国家安全生产监督管理总局",
];

/// Agency kinds: a name's department part → its normalised kind (for `agency_key`).
const KINDS: &[(&str, &str)] = &[
    ("人民政府办公室", "政府办公室"),
    ("人民政府办公厅", "政府办公室"),
    ("政府办公室", "政府办公室"),
    ("办公厅", "政府办公室"),
    ("人民政府", "政府"),
    ("街道办事处", "政府"),
    ("办事处", "政府"),
    ("科学技术局", "科技"),
    ("科学技术厅", "科技"),
    ("科学技术委员会", "科技"),
    ("科学技术部", "科技"),
    ("科技局", "科技"),
    ("科技厅", "科技"),
    ("科委", "科技"),
    ("卫生健康委员会", "卫生健康"),
    ("卫生健康委", "卫生健康"),
    ("卫生健康局", "卫生健康"),
    ("卫健委", "卫生健康"),
    ("卫健局", "卫生健康"),
    ("教育委员会", "教育"),
    ("教育体育局", "教育"),
    ("教育局", "教育"),
    ("教育厅", "教育"),
    ("教育部", "教育"),
    ("教委", "教育"),
    ("市场监督管理局", "市场监管"),
    ("市场监管局", "市场监管"),
    ("市场监督管理总局", "市场监管"),
    ("住房和城乡建设局", "住建"),
    ("住房和城乡建设厅", "住建"),
    ("住房城乡建设局", "住建"),
    ("住建局", "住建"),
    ("人力资源和社会保障局", "人社"),
    ("人力资源和社会保障厅", "人社"),
    ("人力资源社会保障局", "人社"),
    ("人力资源社会保障厅", "人社"),
    ("人力资源保障局", "人社"),
    ("人社局", "人社"),
    ("人社厅", "人社"),
    ("发展和改革委员会", "发改"),
    ("发展改革委", "发改"),
    ("发改委", "发改"),
    ("自然资源和规划局", "自然资源"),
    ("自然资源局", "自然资源"),
    ("自然资源厅", "自然资源"),
    ("交通运输委员会", "交通运输"),
    ("交通运输局", "交通运输"),
    ("交通运输厅", "交通运输"),
    ("交通局", "交通运输"),
    ("水务局", "水利"),
    ("水利局", "水利"),
    ("水利厅", "水利"),
    ("文化和旅游局", "文旅"),
    ("文化广电旅游局", "文旅"),
    ("文旅局", "文旅"),
    ("工业和信息化局", "工信"),
    ("工业和信息化厅", "工信"),
    ("工信局", "工信"),
    ("林业和草原局", "林草"),
    ("林业局", "林草"),
    ("生态环境局", "生态环境"),
    ("生态环境厅", "生态环境"),
    ("环境保护局", "生态环境"),
    ("应急管理局", "应急管理"),
    ("应急管理厅", "应急管理"),
    ("农业农村局", "农业农村"),
    ("农业农村厅", "农业农村"),
];

/// Where a value came from (EXPORT.md `provenance`).
pub type Source = &'static str;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Identity {
    pub agency: Option<String>,
    pub agency_src: Option<Source>,
    pub region: Option<String>,
    pub region_chain: Vec<String>,
    pub level: Option<&'static str>,
    pub level_src: Option<Source>,
    pub agency_key: Option<String>,
}

/// What the resolver reads.
pub struct Evidence<'a> {
    pub title: &'a str,
    pub issuers: &'a [&'a str],
    pub signature: &'a [String],
    pub addressees: &'a [&'a str],
    pub preamble: Option<&'a str>,
    pub body: &'a [&'a str],
    pub chrome_source: Option<&'a str>,
    pub full_text: &'a str,
}

/// Phrases that end like an agency but are not one ("依法治市人民政府" out of
/// "把依法治市、依法执政…", "现将某某镇人民政府…").
fn plausible(a: &str) -> bool {
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
fn from_party_line(s: &str) -> Option<String> {
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
fn joint_government(a: &str) -> Option<&str> {
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
fn national_in(text: &str) -> Option<String> {
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
fn preamble_subject(p: &str) -> Option<String> {
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
fn subject_at(head: &str, as_agency: &dyn Fn(&str) -> Option<String>) -> Option<String> {
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
fn government_in_title(title: &str) -> Option<String> {
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

/// The department part of an agency name after its places.
fn dept_of(agency: &str, found: &[Found]) -> String {
    let after = found.last().map_or(0, |f| f.end);
    agency[after..].to_string()
}

fn kind_of(dept: &str) -> String {
    let d = dept.strip_prefix("中共").unwrap_or(dept);
    if let Some((_, k)) = KINDS.iter().find(|(name, _)| d.ends_with(name)) {
        return k.to_string();
    }
    for suf in ["委员会", "局", "厅", "委", "部", "办公室", "办"] {
        if let Some(x) = d.strip_suffix(suf)
            && !x.is_empty()
        {
            return x.to_string();
        }
    }
    d.to_string()
}

/// The township part of an agency ("白沙路街道" in "慈溪市白沙路街道"), after its places.
fn township_of(rest: &str) -> Option<&str> {
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

/// The place the text names most often at `tier` (or a municipality when a prefecture is
/// wanted), settled against the other places it names.
fn dominant(found: &[Found], want: &[Tier]) -> Option<usize> {
    let g = gazetteer::get();
    let fits = |p: usize| {
        let place = &g.places[p];
        want.contains(&place.tier) || (want.contains(&Tier::Prefecture) && place.is_municipality())
    };
    // Count by name first (linear), then settle only the winner against the others.
    let mut counts: std::collections::HashMap<usize, (usize, usize)> = Default::default();
    for (k, f) in found.iter().enumerate() {
        if f.candidates.iter().any(|&c| fits(c)) {
            counts.entry(f.candidates[0]).or_insert((0, k)).0 += 1;
        }
    }
    let (_, (_, k)) = counts
        .into_iter()
        .max_by_key(|&(p, (n, _))| (n, std::cmp::Reverse(p)))?;
    let cands: Vec<usize> = found[k]
        .candidates
        .iter()
        .copied()
        .filter(|&c| fits(c))
        .collect();
    Some(g.settle(&cands, found))
}

/// Resolve the agency, its place, level and key.
pub fn resolve(ev: &Evidence) -> Identity {
    let g = gazetteer::get();
    let addressed = |a: &str| ev.addressees.iter().any(|x| x.contains(a));
    // Candidates in order of trust, each looked for only when those before it failed
    // (the text searches are the costly part of loading).
    let ok = |a: Option<String>, src: Source| {
        a.filter(|a| plausible(a) && !addressed(a))
            .map(|a| (a, src))
    };
    let preamble = ev.preamble;
    // What the document calls itself, looked for only when a candidate needs it.
    let selfref_cell = std::cell::OnceCell::new();
    let selfref = || *selfref_cell.get_or_init(|| self_reference(ev));
    let chosen = ok(meta::agency_from_title(ev.title), "title_line")
        .or_else(|| ok(government_in_title(ev.title), "title_line"))
        .or_else(|| {
            ev.issuers.iter().find_map(|l| {
                let a = if l.starts_with("中共") {
                    from_party_line(l)
                } else {
                    meta::is_agency_name(l).then(|| l.to_string())
                };
                ok(a, "party_line")
            })
        })
        .or_else(|| {
            ev.signature
                .iter()
                .find_map(|l| ok(meta::is_agency_name(l).then(|| l.clone()), "signature"))
        })
        .or_else(|| ok(preamble.and_then(preamble_subject), "preamble"))
        .or_else(|| ok(preamble.and_then(national_in), "preamble"))
        .or_else(|| ok(preamble.and_then(township_subject), "preamble"))
        .filter(|(a, src)| !(*src == "preamble" && conflicts(selfref(), a)))
        .or_else(|| ok(selfref().and_then(|r| named_self(r, ev)), "body"))
        .or_else(|| ok(preamble.and_then(meta::agency_in_text), "preamble"))
        .or_else(|| {
            ev.body
                .iter()
                .take(3)
                .find_map(|t| ok(meta::agency_in_text(t), "body"))
        })
        .or_else(|| {
            let a = ev.chrome_source.filter(|a| meta::is_agency_name(a));
            ok(a.map(str::to_string), "chrome")
        })
        .or_else(|| {
            ok(
                preamble
                    .is_none()
                    .then(|| national_in(ev.full_text))
                    .flatten(),
                "body",
            )
        });
    let chosen = chosen.map(|(a, src)| match joint_government(&a) {
        Some(g) => (g.to_string(), src),
        None => (a, src),
    });
    let Some((agency, src)) = chosen else {
        // No name, but the document says what it is: "我镇…", "我县…", "某县2025年…".
        let level = level_from_self_reference(ev, selfref());
        return Identity {
            level,
            level_src: level.map(|_| "inferred"),
            ..Default::default()
        };
    };
    let id = identify(agency, src, ev);
    // Only a name whose place was completed, or is written short ("宁夏" for 宁夏回族自治区),
    // can be spelled out more fully.
    let short = id.level_src == Some("inferred")
        || id
            .region
            .as_deref()
            .zip(id.region_chain.last())
            .is_some_and(|(spelled, full)| !spelled.ends_with(full.as_str()));
    if !short {
        return id;
    }
    // The same agency spelled out in full elsewhere ("宁夏司法厅" in the title, "来源：宁夏
    // 回族自治区司法厅"; "市人力资源社会保障局…" over "上海市人力资源和社会保障局（以下称
    // 市人社局）"): the document's own fullest spelling.
    let spelled = id.agency.as_deref().unwrap_or("");
    let fuller = [
        ev.chrome_source
            .filter(|a| meta::is_agency_name(a))
            .map(str::to_string)
            .map(|a| (a, "chrome")),
        (src != "preamble")
            .then(|| preamble.and_then(preamble_subject))
            .flatten()
            .map(|a| (a, "preamble")),
    ]
    .into_iter()
    .flatten()
    .filter(|(a, _)| {
        char_len(a) > char_len(spelled)
            && plausible(a)
            && !addressed(a)
            && g.find(a).first().is_some_and(|f| f.start == 0)
    })
    .map(|(a, src)| identify(a, src, ev))
    .find(|alt| alt.agency_key.is_some() && alt.agency_key == id.agency_key);
    fuller.unwrap_or(id)
}

/// The identity of a chosen agency name: completed with its places, its region, level and
/// key.
fn identify(mut agency: String, src: Source, ev: &Evidence) -> Identity {
    let g = gazetteer::get();
    // A street's office as the document writes it ("草滩街道办事处").
    if agency.ends_with("街道") && ev.full_text.contains(&format!("{agency}办事处")) {
        agency.push_str("办事处");
    }
    // A township that never writes out its government's name is named as it writes
    // itself ("三都镇2025年…" is 三都镇's report; EXPORT.md: "as the document spells it").
    if let Some(bare) = agency.strip_suffix("人民政府")
        && bare.ends_with(['镇', '乡'])
        && township_of(bare).is_some()
        && !ev.full_text.contains(agency.as_str())
    {
        agency.truncate(bare.len());
    }
    // "湖南省政府" is the short name of 湖南省人民政府.
    if let Some(place) = agency.strip_suffix("政府")
        && !place.ends_with("人民")
        && (g.lookup(place).is_some() || matches!(place, "省" | "市" | "县" | "区" | "州"))
    {
        agency = format!("{place}人民政府");
    }
    if let Some(full) = with_parent_places(&agency, ev.full_text) {
        agency = full;
    }
    // A township that writes no place above it, reporting to its county ("慈溪市委、市政府：")
    // is that county's.
    if township_of(&agency).is_some()
        && g.find(&agency).is_empty()
        && let Some(county) = ev.addressees.iter().find_map(|a| {
            let f = g.find(a);
            let f = f.first().filter(|f| f.start == 0)?;
            let county = f
                .candidates
                .iter()
                .any(|&p| g.places[p].tier == Tier::County);
            (county && a[f.end..].starts_with('委')).then(|| a[..f.end].to_string())
        })
    {
        agency.insert_str(0, &county);
    }
    // The places named near the top settle ambiguous names (the start is enough).
    let lead: String = ev.preamble.unwrap_or("").chars().take(300).collect();
    let context_text = format!("{} {lead}", ev.title);
    let context = g.find(&context_text);
    let mut found = g.find(&agency);
    // A place's tier typed twice ("元谋县县卫生健康局") is the place once.
    if let Some(f) = found.last()
        && let Some(tier) = agency[..f.end].chars().next_back()
        && agency[f.end..].starts_with(tier)
        && char_len(&agency[f.end..]) >= 3
        && !meta::is_department(&agency[f.end..])
    {
        agency.replace_range(f.end..f.end + tier.len_utf8(), "");
        found = g.find(&agency);
    }
    let mut level_src: Source = "gazetteer";
    // Complete an agency written without its place.
    if found.is_empty() && !NATIONAL.contains(&agency.as_str()) {
        let lead = agency.chars().next().unwrap_or(' ');
        let (want, strip): (&[Tier], usize) = match lead {
            '省' => (&[Tier::Province], '省'.len_utf8()),
            '市' => (&[Tier::Prefecture, Tier::County], '市'.len_utf8()),
            '区' | '县' | '旗' => (&[Tier::County], lead.len_utf8()),
            '州' | '盟' => (&[Tier::Prefecture], lead.len_utf8()),
            _ if agency.starts_with("自治区") => (&[Tier::Province], "自治区".len()),
            _ if agency.ends_with('厅') => (&[Tier::Province], 0),
            // A township is named as it signs itself ("黄桥镇人民政府").
            _ if township_of(&agency).is_some() => (&[], 0),
            // A province's departments are 厅 or written with 省; a bare 局 is a city's or
            // a county's.
            _ if agency.ends_with('局') => (&[Tier::County, Tier::Prefecture], 0),
            _ => (&[Tier::County, Tier::Prefecture, Tier::Province], 0),
        };
        // The title and lead first; the whole text only when they name no place.
        let whole = prefix(ev.full_text, 24_000);
        let (pick, spelled) = match dominant(&context, want) {
            Some(p) => (Some(p), spelled_as(&context, &context_text, p)),
            None => {
                let found = g.find(whole);
                let p = dominant(&found, want);
                (p, p.and_then(|p| spelled_as(&found, whole, p)))
            }
        };
        if let Some(p) = pick {
            let place = &g.places[p];
            let fits = match lead {
                '市' => place.name.ends_with('市'),
                '区' => place.name.ends_with('区'),
                '县' => place.name.ends_with('县'),
                '州' => place.name.ends_with('州'),
                '盟' => place.name.ends_with('盟'),
                _ => true,
            };
            if fits {
                // As the text writes the place when that is a short name of the same
                // tier ("红河州" for 红河哈尼族彝族自治州).
                let name = spelled
                    .filter(|s| lead != '省' && s.ends_with(lead))
                    .unwrap_or(place.name);
                agency = format!("{}{}", name, &agency[strip..]);
                if let Some(full) = with_parent_places(&agency, ev.full_text) {
                    agency = full;
                }
                found = g.find(&agency);
                level_src = "inferred";
            }
        }
    }
    // A tier and a government with no name ("镇人民政府", "市人民政府") names no one (no place completed it); the
    // level it says is kept.
    if let Some(tier) = agency.strip_suffix("人民政府")
        && matches!(tier, "省" | "市" | "县" | "区" | "镇" | "乡" | "州" | "旗")
    {
        return Identity {
            level: prefix_level(&agency),
            level_src: prefix_level(&agency).map(|_| "inferred"),
            ..Default::default()
        };
    }
    let mut id = Identity {
        agency_src: Some(src),
        ..Default::default()
    };
    let dept = dept_of(&agency, &found);
    let township = township_of(&dept);
    let place = (!found.is_empty()).then(|| {
        let mut ctx = found.clone();
        ctx.extend(context.iter().cloned());
        g.settle(found.last().expect("non-empty").candidates, &ctx)
    });
    if let Some(p) = place {
        let chain = g.chain(p);
        id.region_chain = chain
            .iter()
            .map(|&i| g.places[i].name.to_string())
            .collect();
        // From the first place named: "国家税务总局成都市武侯区税务局" is 成都市武侯区's.
        let first = found.first().expect("place").start;
        id.region = Some(agency[first..found.last().expect("place").end].to_string());
        let mut code = g.places[p].code;
        while code < 100_000 {
            code *= 100;
        }
        let kind =
            kind_of(township.map_or(&dept, |t| &dept[dept.find(t).unwrap_or(0) + t.len()..]));
        let kind = if kind.is_empty() {
            "政府".to_string()
        } else {
            kind
        };
        id.agency_key = Some(match township {
            Some(t) => format!("{code}/{t}:{kind}"),
            None => format!("{code}:{kind}"),
        });
        id.level = Some(if township.is_some() {
            "township"
        } else {
            g.places[p].level()
        });
        id.level_src = Some(level_src);
    } else if NATIONAL.contains(&agency.as_str())
        || agency.starts_with("国家")
        || agency.starts_with("国务院")
    {
        id.level = Some("national");
        id.level_src = Some("inferred");
        id.agency_key = Some(format!("000000:{}", kind_of(&agency)));
    } else {
        id.level = prefix_level(&agency);
        id.level_src = id.level.map(|_| "inferred");
        if let Some(t) = township {
            id.region = Some(t.to_string());
        }
    }
    id.agency = Some(agency);
    id
}

/// The level an agency's name implies without a known place: 省X厅 → province, 市X局 /
/// 州X局 / 盟X局 → city (an autonomous prefecture and a league are prefecture-level),
/// 区X局 → district, 县X局 → county, 镇 / 乡 / 街道 → township.
fn prefix_level(a: &str) -> Option<&'static str> {
    if township_of(a).is_some() {
        return Some("township");
    }
    let lead = a.chars().next()?;
    Some(match lead {
        '省' => "province",
        '市' | '州' | '盟' => "city",
        '区' => "district",
        '县' | '旗' => "county",
        '镇' | '乡' => "township",
        _ if a.starts_with("街道") => "township",
        _ if a.starts_with("自治区") => "province",
        _ if a.ends_with('厅') => "province",
        _ => return meta::level_of(a, meta::region_of(a).as_deref()),
    })
}

/// What a document calls itself ("我局", "本委", "我镇", "本市"): the kind of author.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SelfRef {
    /// 我局 / 我委 / 我厅 / 我办: a department, by its name's last character.
    Department(char),
    /// 我镇 / 全乡 / 本街道 …: a township or street.
    Township,
    /// 本县 / 我区 / 本市 / 我省: the government of a place of this tier.
    Government(char),
}

/// The opening of the document's own words (title, preamble, first section).
fn own_words(ev: &Evidence) -> String {
    let mut text = format!("{} {}", ev.title, ev.preamble.unwrap_or(""));
    for b in ev.body.iter().take(3) {
        text.push(' ');
        text.push_str(b);
    }
    text.chars().take(1500).collect()
}

fn self_reference(ev: &Evidence) -> Option<SelfRef> {
    let head = own_words(ev);
    // "本" also ends words (基本, 根本, 成本, 资本): only "我" counts for departments.
    let says = |w: &str, lead: &[&str]| {
        lead.iter().any(|p| {
            head.match_indices(&format!("{p}{w}")).any(|(i, _)| {
                !head[..i].ends_with(['基', '根', '成', '资', '日', '版', '样', '剧'])
            })
        })
    };
    if let Some(d) = ['局', '委', '厅', '办']
        .into_iter()
        .find(|d| says(&d.to_string(), &["我"]))
    {
        return Some(SelfRef::Department(d));
    }
    if ["镇", "乡", "街道"]
        .iter()
        .any(|w| says(w, &["我", "本", "全"]))
    {
        return Some(SelfRef::Township);
    }
    // "县委、县政府坚持…" as the subject of the document's own sentences (not "在县委、县政府
    // 领导下", which a department or township writes).
    let leads = |w: char| {
        head.match_indices(&format!("{w}委、{w}政府"))
            .any(|(i, m)| {
                let before = head[..i].chars().next_back();
                let subject = before.is_none_or(|c| matches!(c, '，' | ',' | '。' | '年' | '\n'));
                subject && !head[i + m.len()..].starts_with('的')
            })
    };
    ['县', '区', '市', '州', '盟', '省']
        .into_iter()
        .find(|&w| {
            says(&w.to_string(), &["我", "本"])
                || leads(w)
                // "全市各级行政机关…": a government's report on its whole area.
                || head.contains(&format!("全{w}各级行政机关"))
        })
        .map(SelfRef::Government)
}

/// A candidate of the wrong kind for what the document calls itself: a government for a
/// document that says 我局, a department for one that says 我镇.
fn conflicts(selfref: Option<SelfRef>, a: &str) -> bool {
    let government = a.ends_with("人民政府")
        || a.ends_with("街道")
        || a.ends_with("办事处")
        || a.ends_with(['镇', '乡']);
    match selfref {
        Some(SelfRef::Department(_)) => government,
        // A district's department says "我区" as often as the district does.
        Some(SelfRef::Township) => !government,
        Some(SelfRef::Government(_)) | None => false,
    }
}

/// The author a self-referring document names itself by elsewhere in its text: the
/// placed department most often named with the right ending ("龙岩市永定区卫生健康局"),
/// the township most often named ("增福镇"), or the place of the right tier most often
/// named ("上海" for 本市).
fn named_self(r: SelfRef, ev: &Evidence) -> Option<String> {
    let g = gazetteer::get();
    let text = prefix(ev.full_text, 24_000);
    let most = |counts: std::collections::HashMap<String, usize>, min: usize| {
        counts
            .into_iter()
            .filter(|&(_, n)| n >= min)
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(a, _)| a)
    };
    match r {
        SelfRef::Department(d) => {
            let mut counts = std::collections::HashMap::new();
            for (i, _) in text.match_indices(d) {
                let start = text[..i].char_indices().rev().nth(15).map_or(0, |(k, _)| k);
                let window = &text[start..i + d.len_utf8()];
                // The longest placed name ending here.
                let name = window.char_indices().map(|(k, _)| &window[k..]).find(|w| {
                    let found = g.find(w);
                    found.first().is_some_and(|f| f.start == 0)
                        && meta::is_agency_name(w)
                        && plausible(w)
                        && char_len(&w[found.last().map_or(0, |f| f.end)..]) >= 2
                });
                if let Some(n) = name {
                    *counts.entry(n.to_string()).or_insert(0) += 1;
                }
            }
            most(counts, 1)
        }
        SelfRef::Township => {
            let mut counts = std::collections::HashMap::new();
            for suffix in ["街道", "镇", "乡"] {
                for (i, _) in text.match_indices(suffix) {
                    let before: Vec<(usize, char)> =
                        text[..i].char_indices().rev().take(4).collect();
                    // Two to four characters of name, none of them a word that ends in
                    // 镇 or 乡 (城镇, 乡镇, 城乡) or the document's own "我镇".
                    for n in 2..=before.len().min(4) {
                        let (k, _) = before[n - 1];
                        let name = &text[k..i];
                        let first = name.chars().next().unwrap_or(' ');
                        if name.chars().all(is_cjk)
                            && !name.ends_with(['城', '乡', '村', '和', '各', '全', '本', '我'])
                            && !matches!(
                                first,
                                '我' | '本' | '全' | '各' | '该' | '在' | '到' | '的'
                            )
                            && g.find(name).is_empty()
                            && plausible(name)
                        {
                            *counts.entry(format!("{name}{suffix}")).or_insert(0) += 1;
                        }
                    }
                }
            }
            // Every reading of every mention was counted ("沙路街道", "白沙路街道",
            // "在白沙路街道"): the name is the longest reading as frequent as the most
            // frequent one, and the text must repeat it.
            let top = counts.values().copied().max().unwrap_or(0);
            counts.retain(|_, n| *n == top);
            let longest = counts.keys().map(|k| char_len(k)).max().unwrap_or(0);
            counts.retain(|k, _| char_len(k) == longest);
            most(counts, 2).map(|t| {
                if t.ends_with("街道") {
                    t
                } else {
                    format!("{t}人民政府")
                }
            })
        }
        SelfRef::Government(c) => {
            let want: &[Tier] = match c {
                '省' => &[Tier::Province],
                '市' => &[Tier::Prefecture, Tier::County],
                '州' | '盟' => &[Tier::Prefecture],
                _ => &[Tier::County],
            };
            let fits = |p: usize| {
                let place = &g.places[p];
                match c {
                    '县' | '区' | '州' | '盟' => place.name.ends_with(c),
                    '市' => place.name.ends_with('市'),
                    _ => true,
                }
            };
            let all = g.find(text);
            let mut found = all.clone();
            found.retain(|f| f.candidates.iter().any(|&p| fits(p)));
            let p = dominant(&found, want).filter(|&p| fits(p)).or_else(|| {
                // "本市" never named, but its districts are: the place most of the
                // places one tier down belong to (a municipality's 黄浦区, 徐汇区…).
                let mut parents: std::collections::HashMap<usize, usize> = Default::default();
                let below = match c {
                    '省' => Tier::Prefecture,
                    '市' => Tier::County,
                    _ => return None,
                };
                for f in &all {
                    let p = f.candidates[0];
                    if g.places[p].tier == below
                        && let Some(up) = g.places[p].parent
                    {
                        *parents.entry(up).or_insert(0) += 1;
                    }
                }
                let total: usize = parents.values().sum();
                parents
                    .into_iter()
                    .max_by_key(|&(p, n)| (n, std::cmp::Reverse(p)))
                    .filter(|&(p, n)| n >= 2 && n * 2 > total && fits(p))
                    .map(|(p, _)| p)
            })?;
            // As the text spells it ("金平县" for 金平苗族瑶族傣族自治县), with its tier
            // ("安徽" is 安徽省).
            let spelled = spelled_as(&all, text, p)
                .filter(|s| s.ends_with(['县', '州', '旗', '区', '市', '省']))
                .unwrap_or(g.places[p].name);
            Some(format!("{spelled}人民政府"))
        }
    }
}

/// The level a nameless document gives itself: "我镇"/"全镇" (township), "我县", "我区",
/// "我市", "我省", or a placeholder place in the title ("某县2025年…").
fn level_from_self_reference(ev: &Evidence, selfref: Option<SelfRef>) -> Option<&'static str> {
    let mut head = own_words(ev);
    for a in ev.addressees {
        head.push(' ');
        head.push_str(a);
    }
    let tier_level = |t: char| match t {
        '省' => "province",
        '市' | '州' | '盟' => "city",
        '区' => "district",
        _ => "county",
    };
    // A department ("我局", "我委") stands at the level of the party committee and
    // government it reports to: "市委、市政府：", "在区委、区政府的领导下，我局…".
    if matches!(selfref, Some(SelfRef::Department(_))) {
        let superior = ['省', '市', '区', '县']
            .into_iter()
            .filter_map(|t| {
                [
                    format!("{t}委、{t}政府"),
                    format!("{t}委、{t}人民政府"),
                    format!("{t}委{t}政府"),
                ]
                .iter()
                .filter_map(|p| head.find(p.as_str()))
                .min()
                .map(|i| (i, t))
            })
            .min();
        if let Some((_, t)) = superior {
            return Some(tier_level(t));
        }
    }
    let levels = [
        ("街道", "township"),
        ("镇", "township"),
        ("乡", "township"),
        ("县", "county"),
        ("区", "district"),
        ("市", "city"),
        ("州", "city"),
        ("盟", "city"),
        ("省", "province"),
    ];
    levels.iter().find_map(|(w, level)| {
        ["我", "全", "某"]
            .iter()
            .any(|p| head.contains(&format!("{p}{w}")))
            .then_some(*level)
    })
}

/// How `text` writes place `p` (one of the places `found` in it).
fn spelled_as<'t>(found: &[Found], text: &'t str, p: usize) -> Option<&'t str> {
    found
        .iter()
        .find(|f| f.candidates.contains(&p))
        .map(|f| &text[f.start..f.end])
}

/// The agency with the places above it that the text writes right before it: "天津市静海区"
/// makes 静海区人民政府 天津市静海区人民政府, "慈溪市白沙路街道" makes 白沙路街道 慈溪市白沙路街道.
/// As the document spells itself in full, up to a prefecture or a municipality (never a
/// province), and only places that contain the agency's own.
fn with_parent_places(agency: &str, text: &str) -> Option<String> {
    let g = gazetteer::get();
    let found = g.find(agency);
    // The name to look for: the leading county-level place, or the township.
    let (key, placed): (&str, &[usize]) = match found.first() {
        Some(f) if f.start == 0 => {
            if !f
                .candidates
                .iter()
                .any(|&p| g.places[p].tier == Tier::County)
            {
                return None;
            }
            (&agency[..f.end], f.candidates)
        }
        Some(_) => return None,
        None => {
            let t = agency
                .trim_end_matches("人民政府")
                .trim_end_matches("办事处");
            if !(t.ends_with(['镇', '乡']) || t.ends_with("街道")) || char_len(t) < 2 {
                return None;
            }
            (t, &[])
        }
    };
    let mut best = "";
    for i in memchr::memmem::find_iter(text.as_bytes(), key.as_bytes()).take(64) {
        let start = text[..i].char_indices().rev().nth(11).map_or(0, |(k, _)| k);
        let window = &text[start..i];
        let places = g.find(window);
        // The places written one after another up to the name, nearest first.
        let (mut from, mut below): (usize, Option<&[usize]>) = (window.len(), None);
        for (n, f) in places.iter().rev().enumerate() {
            if f.end != from || n == 2 {
                break;
            }
            let fits = f.candidates.iter().any(|&p| {
                let pl = &g.places[p];
                let tier_ok = if placed.is_empty() && n == 0 {
                    pl.tier == Tier::County
                } else {
                    pl.tier == Tier::Prefecture || pl.is_municipality()
                };
                let under: &[usize] = below.unwrap_or(placed);
                tier_ok && (under.is_empty() || under.iter().any(|&c| g.is_ancestor(p, c)))
            });
            if !fits || (!placed.is_empty() && n == 1) {
                break;
            }
            from = f.start;
            below = Some(f.candidates);
        }
        if window.len() - from > best.len() {
            best = &window[from..];
        }
    }
    (!best.is_empty()).then(|| format!("{best}{agency}"))
}

/// "2023年度乡镇法治政府建设…", "各镇街": towns in general, no one's name.
fn towns_in_general(name: &str) -> bool {
    ["乡镇", "镇街", "街镇", "城镇", "村镇"]
        .iter()
        .any(|w| name.ends_with(w))
}

/// "三都镇2025年法治政府建设…", "我镇…": a preamble that opens with a township's name.
fn township_subject(p: &str) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ev<'a>(title: &'a str, preamble: Option<&'a str>, full: &'a str) -> Evidence<'a> {
        Evidence {
            title,
            issuers: &[],
            signature: &[],
            addressees: &[],
            preamble,
            body: &[],
            chrome_source: None,
            full_text: full,
        }
    }

    #[test]
    fn places_levels_and_keys() {
        let id = resolve(&ev("某乡2023年法治政府建设工作报告", None, ""));
        assert_eq!(id.level, Some("township"));
        let id = resolve(&ev("静海区2023年度法治政府建设情况报告", None, ""));
        assert_eq!(id.agency.as_deref(), Some("静海区人民政府"));
        assert_eq!(id.level, Some("district"));
        assert_eq!(id.region_chain, ["天津市", "静海区"]);
        assert_eq!(id.agency_key.as_deref(), Some("120118:政府"));
        let a = resolve(&ev(
            "淄博市科学技术局2023年度法治政府建设情况报告",
            None,
            "",
        ));
        let b = resolve(&ev("淄博市科技局2024年法治政府建设情况报告", None, ""));
        assert_eq!(a.agency_key, b.agency_key);
        assert_eq!(a.level, Some("city"));
        let t = "2023年，市科技局在天津市委、天津市政府领导下……天津市";
        let id = resolve(&ev("市科技局2023年度法治政府建设情况报告", Some(t), t));
        assert_eq!(id.agency.as_deref(), Some("天津市科技局"));
        assert_eq!(id.level, Some("province"));
        let id = resolve(&ev(
            "",
            Some("2023年，司法部坚持以习近平法治思想为指导……"),
            "",
        ));
        assert_eq!(id.agency.as_deref(), Some("司法部"));
        assert_eq!(id.level, Some("national"));
        let id = resolve(&ev("义乌市2023年法治政府建设工作情况报告", None, ""));
        assert_eq!(id.level, Some("county"));
        // A "在…下," clause with an ASCII comma (once cut inside a character).
        let p = "2023年,在区委、区政府的坚强领导下,白沙路街道坚持依法行政。";
        let id = resolve(&ev("", Some(p), p));
        assert_eq!(id.agency.as_deref(), Some("白沙路街道"));
        assert_eq!(id.level, Some("township"));
    }
}

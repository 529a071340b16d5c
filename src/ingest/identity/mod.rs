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

use super::meta;
use crate::ingest::gazetteer::{self, Found, Tier};
use crate::ingest::text::{char_len, is_cjk, prefix};

mod candidates;
mod places;
mod selfref;
use candidates::*;
use places::*;
use selfref::*;

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

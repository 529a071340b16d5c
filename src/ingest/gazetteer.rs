//! China's administrative divisions down to county level (assets/gazetteer.tsv, from the
//! National Bureau of Statistics' codes; its header says where from and how to
//! regenerate it): place names in text, their level, code and chain of parents.
//!
//! All names are found in one pass of one automaton (leftmost-longest). A name that
//! several places share (朝阳区 of Beijing and of Changchun) is settled by the other
//! places the same text names, else by the first in code order.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

/// Kind of division.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// 省, 自治区, 直辖市.
    Province,
    /// 地级市, 地区, 自治州, 盟.
    Prefecture,
    /// 区, 县, 县级市, 旗, 自治县 ….
    County,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub code: u32,
    pub name: &'static str,
    pub tier: Tier,
    /// Index of the parent place (a county in a municipality has the province).
    pub parent: Option<usize>,
}

pub struct Gazetteer {
    pub places: Vec<Place>,
    /// Distinct names, and for each the places that bear it.
    names: Vec<&'static str>,
    bearers: Vec<Vec<usize>>,
    automaton: AhoCorasick,
}

const MUNICIPALITIES: [u32; 4] = [11, 12, 31, 50];

impl Place {
    /// The government level of an agency of this place.
    pub fn level(&self) -> &'static str {
        match self.tier {
            Tier::Province => "province",
            Tier::Prefecture => "city",
            Tier::County if self.name.ends_with('区') => "district",
            Tier::County => "county",
        }
    }

    pub fn is_municipality(&self) -> bool {
        self.tier == Tier::Province && MUNICIPALITIES.contains(&self.code)
    }
}

fn load() -> Gazetteer {
    let text = include_str!("../../assets/gazetteer.tsv");
    let mut places: Vec<Place> = Vec::with_capacity(3400);
    let mut parents: Vec<u32> = Vec::with_capacity(3400);
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut f = line.split('\t');
        let (Some(code), Some(name), Some(parent), Some(kind)) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let Ok(code) = code.parse::<u32>() else {
            continue;
        };
        let tier = match kind {
            "p" => Tier::Province,
            "c" => Tier::Prefecture,
            _ => Tier::County,
        };
        places.push(Place {
            code,
            name,
            tier,
            parent: None,
        });
        parents.push(parent.parse().unwrap_or(0));
    }
    let index: std::collections::HashMap<u32, usize> = places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.code, i))
        .collect();
    for (i, &pc) in parents.iter().enumerate() {
        let province = |code: u32| {
            let mut c = code;
            while c >= 100 {
                c /= 100;
            }
            index.get(&c).copied()
        };
        places[i].parent = match places[i].tier {
            Tier::Province => None,
            // A county under a municipality's placeholder (市辖区) or a province's
            // directly administered counties: the province is its parent.
            _ => index.get(&pc).copied().or_else(|| province(pc)),
        };
    }
    let mut by_name: std::collections::BTreeMap<&'static str, Vec<usize>> = Default::default();
    for (i, p) in places.iter().enumerate() {
        // A city without counties (东莞市, 中山市) is listed again as its own county-level
        // placeholder: the name stands for the city.
        if p.parent.is_some_and(|q| places[q].name == p.name) {
            continue;
        }
        by_name.entry(p.name).or_default().push(i);
        // An autonomous prefecture, county or banner goes by its place name and tier
        // alone: 黔西南布依族苗族自治州 is 黔西南州, 金平苗族瑶族傣族自治县 is 金平县.
        if let Some(short) = short_name(p.name, p.tier) {
            by_name.entry(short).or_default().push(i);
        }
    }
    let (names, bearers): (Vec<&'static str>, Vec<Vec<usize>>) = by_name.into_iter().unzip();
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .expect("gazetteer automaton");
    Gazetteer {
        places,
        names,
        bearers,
        automaton,
    }
}

/// The name a place goes by in running text besides its own: a province without its
/// tier ("安徽", "黑龙江", "广西"); an autonomous prefecture, county or banner without its
/// peoples and "自治" ("黔西南布依族苗族自治州" → "黔西南州"). Built once per such place
/// (about 180) when the gazetteer loads, and kept for the program's life.
fn short_name(name: &'static str, tier: Tier) -> Option<&'static str> {
    if tier == Tier::Province {
        let n = if name.starts_with("黑龙江") || name.starts_with("内蒙古") {
            3
        } else {
            2
        };
        let end = name.char_indices().nth(n).map_or(name.len(), |(i, _)| i);
        return (end < name.len()).then(|| &name[..end]);
    }
    const PEOPLES: &[&str] = &[
        "蒙古族",
        "回族",
        "藏族",
        "维吾尔族",
        "苗族",
        "彝族",
        "壮族",
        "布依族",
        "朝鲜族",
        "满族",
        "侗族",
        "瑶族",
        "白族",
        "土家族",
        "哈尼族",
        "哈萨克族",
        "傣族",
        "黎族",
        "傈僳族",
        "佤族",
        "畲族",
        "拉祜族",
        "水族",
        "东乡族",
        "纳西族",
        "景颇族",
        "柯尔克孜族",
        "土族",
        "达斡尔族",
        "仫佬族",
        "羌族",
        "布朗族",
        "撒拉族",
        "毛南族",
        "仡佬族",
        "锡伯族",
        "阿昌族",
        "普米族",
        "塔吉克族",
        "怒族",
        "鄂温克族",
        "保安族",
        "裕固族",
        "京族",
        "独龙族",
        "鄂伦春族",
        "赫哲族",
        "门巴族",
        "珞巴族",
        "基诺族",
        "俄罗斯族",
        "乌孜别克族",
        "塔塔尔族",
        "德昂族",
        "各族",
    ];
    let (stem, tier) = [("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")]
        .iter()
        .find_map(|&(suffix, tier)| Some((name.strip_suffix(suffix)?, tier)))?;
    let mut stem = stem;
    while let Some(rest) = PEOPLES.iter().find_map(|p| stem.strip_suffix(p)) {
        stem = rest;
    }
    (stem.chars().count() >= 2 && stem.len() < name.len())
        .then(|| &*Box::leak(format!("{stem}{tier}").into_boxed_str()))
}

/// The gazetteer, built on first use.
pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(load)
}

/// A place name found in a text.
#[derive(Debug, Clone)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    /// Every place with this name.
    pub candidates: &'static [usize],
}

impl Gazetteer {
    /// Every place name in `text`, in order (one automaton pass).
    pub fn find(&'static self, text: &str) -> Vec<Found> {
        self.automaton
            .find_iter(text)
            .map(|m| Found {
                start: m.start(),
                end: m.end(),
                candidates: &self.bearers[m.pattern().as_usize()],
            })
            .collect()
    }

    /// Is `name` exactly a place's name?
    pub fn lookup(&self, name: &str) -> Option<&[usize]> {
        self.names
            .binary_search(&name)
            .ok()
            .map(|i| self.bearers[i].as_slice())
    }

    /// `i` and its parents, from the province down.
    pub fn chain(&self, i: usize) -> Vec<usize> {
        let mut v = vec![i];
        let mut cur = self.places[i].parent;
        while let Some(p) = cur {
            if v.len() > 3 {
                break;
            }
            v.push(p);
            cur = self.places[p].parent;
        }
        v.reverse();
        v
    }

    pub fn is_ancestor(&self, anc: usize, of: usize) -> bool {
        let mut cur = self.places[of].parent;
        while let Some(p) = cur {
            if p == anc {
                return true;
            }
            cur = self.places[p].parent;
        }
        false
    }

    /// Choose among places sharing a name: one whose ancestor is among `context` (other
    /// places the text names), else the first.
    pub fn settle(&self, candidates: &[usize], context: &[Found]) -> usize {
        if candidates.len() > 1 {
            for &c in candidates {
                if context.iter().any(|f| {
                    f.candidates
                        .iter()
                        .any(|&a| a != c && self.is_ancestor(a, c))
                }) {
                    return c;
                }
            }
        }
        candidates[0]
    }

    /// The most specific place named in `name` (an agency's name): the last place
    /// found, settled by the others found in `name` and in `context`.
    pub fn place_of(&'static self, name: &str, context: &[Found]) -> Option<usize> {
        let found = self.find(name);
        let last = found.last()?;
        let mut ctx = found.clone();
        ctx.extend_from_slice(context);
        Some(self.settle(last.candidates, &ctx))
    }

    /// Is `name` a county-level city (义乌市, 昆山市)?
    pub fn is_county_level_city(&self, name: &str) -> bool {
        name.ends_with('市')
            && self
                .lookup(name)
                .is_some_and(|c| c.iter().all(|&i| self.places[i].tier == Tier::County))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_chains_and_ambiguous_names() {
        let g = get();
        assert!(g.places.len() > 3000);
        let yiwu = g.place_of("义乌市司法局", &[]).unwrap();
        assert_eq!(g.places[yiwu].level(), "county");
        let chain: Vec<&str> = g.chain(yiwu).iter().map(|&i| g.places[i].name).collect();
        assert_eq!(chain, ["浙江省", "金华市", "义乌市"]);
        let jinghai = g.place_of("静海区人民政府", &[]).unwrap();
        let chain: Vec<&str> = g.chain(jinghai).iter().map(|&i| g.places[i].name).collect();
        assert_eq!(chain, ["天津市", "静海区"]);
        // 朝阳区: Beijing's, or Changchun's when the text names 长春市.
        let ctx = g.find("长春市");
        let cy = g.place_of("朝阳区司法局", &ctx).unwrap();
        assert_eq!(g.places[cy].code / 100, 2201);
        let cy = g.place_of("北京市朝阳区司法局", &[]).unwrap();
        assert_eq!(g.places[cy].code / 100, 1101);
        assert!(g.is_county_level_city("昆山市"));
        assert!(!g.is_county_level_city("苏州市"));
        assert_eq!(
            g.places[g.place_of("天津市科技局", &[]).unwrap()].level(),
            "province"
        );
    }

    #[test]
    fn short_names_of_provinces_and_autonomous_places() {
        let g = get();
        let named = |text: &str| -> Vec<&str> {
            g.find(text)
                .iter()
                .map(|f| g.places[f.candidates[0]].name)
                .collect()
        };
        assert_eq!(named("黔西南州人民政府"), ["黔西南布依族苗族自治州"]);
        assert_eq!(named("金平县司法局"), ["金平苗族瑶族傣族自治县"]);
        assert_eq!(named("视察江西、考察黑龙江"), ["江西省", "黑龙江省"]);
        // The full name still wins where it is written, and a city is not its province.
        assert_eq!(named("吉林市"), ["吉林市"]);
        assert_eq!(named("广西壮族自治区"), ["广西壮族自治区"]);
        // A name that is only its people has no short form.
        assert_eq!(short_name("鄂温克族自治旗", Tier::County), None);
        assert_eq!(short_name("东乡族自治县", Tier::County), None);
        let level = |s: &str| g.places[g.place_of(s, &[]).unwrap()].level();
        assert_eq!(level("恩施州市场监督管理局"), "city");
        assert_eq!(level("屏边县人民政府"), "county");
    }
}

//! What a document calls itself (我局, 本县, 全市…): the kind of author, and the name it
//! stands for.

use super::*;

/// What a document calls itself ("我局", "本委", "我镇", "本市"): the kind of author.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SelfRef {
    /// 我局 / 我委 / 我厅 / 我办: a department, by its name's last character.
    Department(char),
    /// 我镇 / 全乡 / 本街道 …: a township or street.
    Township,
    /// 本县 / 我区 / 本市 / 我省: the government of a place of this tier.
    Government(char),
}

/// The opening of the document's own words (title, preamble, first section).
pub(super) fn own_words(ev: &Evidence) -> String {
    let mut text = format!("{} {}", ev.title, ev.preamble.unwrap_or(""));
    for b in ev.body.iter().take(3) {
        text.push(' ');
        text.push_str(b);
    }
    text.chars().take(1500).collect()
}

pub(super) fn self_reference(ev: &Evidence) -> Option<SelfRef> {
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
pub(super) fn conflicts(selfref: Option<SelfRef>, a: &str) -> bool {
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
pub(super) fn named_self(r: SelfRef, ev: &Evidence) -> Option<String> {
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
pub(super) fn level_from_self_reference(
    ev: &Evidence,
    selfref: Option<SelfRef>,
) -> Option<&'static str> {
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

//! Word's automatic numbering: list definitions (`word/numbering.xml`), the numbering
//! paragraph styles carry (`word/styles.xml`), the counters of the lists in use, and
//! Word's number formats (一、二…, (1), a), i.…) rendered as Word shows them.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;

use super::super::xml::attr;
use super::LEVELS;

pub(super) fn val(e: &BytesStart) -> Option<String> {
    attr(e, "val")
}

pub(super) fn num(e: &BytesStart) -> Option<u32> {
    val(e).and_then(|v| v.trim().parse().ok())
}

/// One list level's definition.
#[derive(Debug, Clone, Default)]
pub(super) struct Level {
    start: u32,
    format: String,
    text: String,
    /// Legal numbering: every %N in decimal.
    legal: bool,
    /// What follows the marker: "tab" (Word's default), "space" or "nothing".
    suffix: String,
}

#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// abstractNumId → its levels.
    abstract_levels: HashMap<String, Vec<Level>>,
    /// numId → the list it numbers by.
    nums: HashMap<String, Num>,
}

/// A list instance: its abstract list, and per level a start or a whole level of its own.
#[derive(Debug, Default)]
pub(super) struct Num {
    abstract_id: String,
    starts: [Option<u32>; LEVELS],
    levels: [Option<Level>; LEVELS],
}

impl Numbering {
    pub(super) fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut r = Reader::from_str(xml);
        let (mut abs, mut num_id): (Option<String>, Option<String>) = (None, None);
        let mut lvl: Option<(usize, Level)> = None;
        let mut over: Option<(usize, Option<u32>)> = None;
        let mut levels: Vec<Level> = Vec::new();
        let mut num_abs = String::new();
        let mut overrides = Num::default();
        loop {
            let ev = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            let (e, open) = match &ev {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        "abstractNum" => {
                            if let Some(id) = abs.take() {
                                n.abstract_levels.insert(id, std::mem::take(&mut levels));
                            }
                        }
                        "lvl" => {
                            if let Some((i, l)) = lvl.take() {
                                if let Some((oi, _)) = over.as_ref() {
                                    overrides.levels[*oi] = Some(l);
                                } else if abs.is_some() {
                                    if levels.len() <= i {
                                        levels.resize(i + 1, Level::default());
                                    }
                                    levels[i] = l;
                                }
                            }
                        }
                        "lvlOverride" => {
                            if let Some((i, start)) = over.take()
                                && start.is_some()
                            {
                                overrides.starts[i] = start;
                            }
                        }
                        "num" => {
                            if let Some(id) = num_id.take() {
                                let mut num = std::mem::take(&mut overrides);
                                num.abstract_id = std::mem::take(&mut num_abs);
                                n.nums.insert(id, num);
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                _ => continue,
            };
            match e.local_name().as_ref() {
                "abstractNum" if open => abs = attr(e, "abstractNumId"),
                "num" if open => num_id = attr(e, "numId"),
                "abstractNumId" => num_abs = val(e).unwrap_or_default(),
                "lvlOverride" if open => {
                    let i = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    over = (i < LEVELS).then_some((i, None));
                }
                "startOverride" => {
                    if let Some((_, start)) = over.as_mut() {
                        *start = num(e);
                    }
                }
                "lvl" if open => {
                    let i = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    lvl = (i < LEVELS).then(|| {
                        (
                            i,
                            Level {
                                start: 1,
                                format: "decimal".into(),
                                suffix: "tab".into(),
                                ..Level::default()
                            },
                        )
                    });
                }
                "start" => {
                    if let Some((_, l)) = lvl.as_mut() {
                        l.start = num(e).unwrap_or(1);
                    }
                }
                "numFmt" => {
                    if let Some((_, l)) = lvl.as_mut() {
                        l.format = val(e).unwrap_or_default();
                    }
                }
                "lvlText" => {
                    if let Some((_, l)) = lvl.as_mut() {
                        l.text = val(e).unwrap_or_default().chars().take(64).collect();
                    }
                }
                "isLgl" => {
                    if let Some((_, l)) = lvl.as_mut() {
                        l.legal = val(e).is_none_or(|v| v != "0" && v != "false");
                    }
                }
                "suff" => {
                    if let Some((_, l)) = lvl.as_mut() {
                        l.suffix = val(e).unwrap_or_default();
                    }
                }
                _ => {}
            }
        }
        n
    }
}

/// Paragraph styles: the numbering a style carries, through the styles it is based on.
#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, StyleDef>,
}

/// A paragraph style: the style it is based on, and the numbering (numId, ilvl) it gives.
#[derive(Debug, Default)]
pub(super) struct StyleDef {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    /// Heading depth (1 = top): from the style's outline level or its name ("heading 2",
    /// "标题 2").
    pub(super) heading: Option<u8>,
    /// Its runs are bold.
    pub(super) bold: Option<bool>,
}

/// A heading depth from a style's name: "heading 1", "Heading 2", "标题 3", "标题1".
pub(super) fn heading_name(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let d: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&d).then_some(d)
}

/// `w:b` and the like: on unless its value says off.
pub(super) fn toggle(e: &BytesStart) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off"))
}

impl Styles {
    pub(super) fn parse(xml: &str) -> Styles {
        let mut s = Styles::default();
        let mut r = Reader::from_str(xml);
        let mut cur: Option<(String, StyleDef)> = None;
        loop {
            let ev = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match &ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "style" if matches!(ev, Event::Start(_)) => {
                        cur = attr(e, "styleId").map(|id| (id, StyleDef::default()));
                    }
                    "basedOn" => {
                        if let Some((_, c)) = cur.as_mut() {
                            c.based_on = val(e);
                        }
                    }
                    "numId" => {
                        if let Some((_, c)) = cur.as_mut() {
                            c.num_id = val(e);
                        }
                    }
                    "ilvl" => {
                        if let Some((_, c)) = cur.as_mut() {
                            c.ilvl = num(e).map(|v| v as usize);
                        }
                    }
                    "name" => {
                        if let Some((_, c)) = cur.as_mut()
                            && c.heading.is_none()
                        {
                            c.heading = val(e).as_deref().and_then(heading_name);
                        }
                    }
                    "outlineLvl" => {
                        if let Some((_, c)) = cur.as_mut() {
                            // 9 is body text.
                            c.heading = num(e).filter(|&v| v < 9).map(|v| v as u8 + 1);
                        }
                    }
                    "b" => {
                        if let Some((_, c)) = cur.as_mut() {
                            c.bold = Some(toggle(e));
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == "style" => {
                    if let Some((id, def)) = cur.take() {
                        s.by_id.insert(id, def);
                    }
                }
                _ => {}
            }
        }
        s
    }

    /// A property of a style, or of the first style it is based on that sets it
    /// (a bounded number of steps: a cycle ends there).
    pub(super) fn inherited<T>(
        &self,
        style: &str,
        get: impl Fn(&StyleDef) -> Option<T>,
    ) -> Option<T> {
        let mut id = style;
        for _ in 0..16 {
            let def = self.by_id.get(id)?;
            if let Some(v) = get(def) {
                return Some(v);
            }
            id = def.based_on.as_deref()?;
        }
        None
    }

    /// The numbering a paragraph of this style gets (numId, level).
    pub(super) fn numbering(&self, style: &str) -> Option<(String, usize)> {
        self.inherited(style, |d| {
            d.num_id.as_ref().map(|n| (n.clone(), d.ilvl.unwrap_or(0)))
        })
    }
}

/// The counters of every list in use.
#[derive(Default)]
pub(super) struct Counters {
    /// By list instance: a num with overrides restarts on its own; others continue their
    /// abstract list (as Word numbers them).
    values: HashMap<String, [Option<u32>; LEVELS]>,
}

impl Counters {
    /// The marker of a paragraph numbered (numId, ilvl), and the counters advanced.
    pub(super) fn marker(
        &mut self,
        numbering: &Numbering,
        num_id: &str,
        ilvl: usize,
    ) -> Option<String> {
        if num_id == "0" || ilvl >= LEVELS {
            return None;
        }
        let list = numbering.nums.get(num_id)?;
        let abs = &list.abstract_id;
        let base = numbering.abstract_levels.get(abs)?;
        let level = |i: usize| -> Level {
            list.levels[i]
                .clone()
                .or_else(|| base.get(i).cloned())
                .unwrap_or_default()
        };
        let start = |i: usize| -> u32 { list.starts[i].unwrap_or_else(|| level(i).start) };
        let own =
            list.starts.iter().any(Option::is_some) || list.levels.iter().any(Option::is_some);
        let key = if !own {
            format!("a{abs}")
        } else {
            format!("n{num_id}")
        };
        let counts = self.values.entry(key).or_insert([None; LEVELS]);
        counts[ilvl] = Some(match counts[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start(ilvl),
        });
        for c in counts.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        let this = level(ilvl);
        if this.format == "bullet" || this.format == "none" {
            return None;
        }
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=LEVELS as u32).contains(&d) => {
                    chars.next();
                    let i = d as usize - 1;
                    let v = counts[i].unwrap_or_else(|| start(i));
                    let fmt = if this.legal && i != ilvl {
                        "decimal".to_string()
                    } else {
                        level(i).format
                    };
                    out.push_str(&format_number(v, &fmt));
                }
                _ => out.push(c),
            }
        }
        // A marker ending in a Latin character is followed by the tab or space Word puts
        // there; one ending in 、 or ） is followed by nothing.
        if this.suffix != "nothing" && out.chars().next_back().is_some_and(|c| c.is_ascii()) {
            out.push(' ');
        }
        Some(out)
    }
}

pub(super) const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (up to 9,999; decimal beyond).
pub(super) fn chinese(n: u32) -> String {
    if n == 0 || n > 9999 {
        return n.to_string();
    }
    let parts = [
        (n / 1000, "千"),
        (n / 100 % 10, "百"),
        (n / 10 % 10, "十"),
        (n % 10, ""),
    ];
    let mut out = String::new();
    let mut zero = false;
    for (d, unit) in parts {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 十一, not 一十一, at the head.
        if !(d == 1 && unit == "十" && out.is_empty()) {
            out.push_str(DIGITS[d as usize]);
        }
        out.push_str(unit);
    }
    out
}

pub(super) fn from_table(n: u32, table: &[&str]) -> String {
    table
        .get((n as usize).wrapping_sub(1))
        .map_or_else(|| n.to_string(), |s| s.to_string())
}

pub(super) fn letters(n: u32, upper: bool) -> String {
    if n == 0 {
        return "0".into();
    }
    // Word repeats the letter: a … z, aa … zz, aaa …
    let c = (b'a' + ((n - 1) % 26) as u8) as char;
    let c = if upper { c.to_ascii_uppercase() } else { c };
    std::iter::repeat_n(c, (((n - 1) / 26) as usize + 1).min(16)).collect()
}

pub(super) fn roman(mut n: u32, upper: bool) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const R: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in R {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    if upper { out.to_ascii_uppercase() } else { out }
}

/// A counter value in one of Word's number formats (ST_NumberFormat).
pub(super) fn format_number(n: u32, fmt: &str) -> String {
    const CIRCLED: [&str; 20] = [
        "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱",
        "⑲", "⑳",
    ];
    const PAREN: [&str; 20] = [
        "⑴", "⑵", "⑶", "⑷", "⑸", "⑹", "⑺", "⑻", "⑼", "⑽", "⑾", "⑿", "⒀", "⒁", "⒂", "⒃", "⒄", "⒅",
        "⒆", "⒇",
    ];
    const STOP: [&str; 20] = [
        "⒈", "⒉", "⒊", "⒋", "⒌", "⒍", "⒎", "⒏", "⒐", "⒑", "⒒", "⒓", "⒔", "⒕", "⒖", "⒗", "⒘", "⒙",
        "⒚", "⒛",
    ];
    const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    const BRANCHES: [&str; 12] = [
        "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
    ];
    match fmt {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "ideographDigital" => chinese(n),
        "chineseLegalSimplified" => chinese(n)
            .chars()
            .map(|c| match c {
                '一' => '壹',
                '二' => '贰',
                '三' => '叁',
                '四' => '肆',
                '五' => '伍',
                '六' => '陆',
                '七' => '柒',
                '八' => '捌',
                '九' => '玖',
                '十' => '拾',
                '百' => '佰',
                '千' => '仟',
                c => c,
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            from_table(n, &CIRCLED)
        }
        "decimalEnclosedParen" => from_table(n, &PAREN),
        "decimalEnclosedFullstop" => from_table(n, &STOP),
        "ideographTraditional" => from_table(n, &STEMS),
        "ideographZodiac" => from_table(n, &BRANCHES),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "upperLetter" => letters(n, true),
        "lowerLetter" => letters(n, false),
        "upperRoman" => roman(n, true),
        "lowerRoman" => roman(n, false),
        _ => n.to_string(),
    }
}

//! The government-information catalogue (索引号 / 发布机构 / 生成日期 / 文号 …) in any of
//! its shapes: rows, label–value pairs, a label over its value.

use super::*;

/// What a catalogue label's value says about the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    DocDate,
    PubDate,
    Title,
    DocNumber,
    Publisher,
    Other,
}

/// Labels a catalogue row may hold besides those that identify one.
pub(super) const CATALOGUE_MORE: &[&str] = &[
    "发文日期",
    "公开日期",
    "发布时间",
    "失效时间",
    "废止日期",
    "机构分类",
    "行业分类",
    "公文类型",
    "分类",
    "关键词",
];

pub(super) fn slot(label: &str) -> Slot {
    match label {
        "成文日期" | "发文日期" | "生成日期" => Slot::DocDate,
        "发布日期" | "公开日期" | "发布时间" => Slot::PubDate,
        "标题" | "名称" => Slot::Title,
        "文号" | "发文字号" | "文件编号" => Slot::DocNumber,
        "发布机构" | "发文机关" | "制发机构" | "发布单位" => Slot::Publisher,
        _ => Slot::Other,
    }
}

/// A catalogue row read as label–value pairs ("发文机关 河南省人民政府 成文日期 2018年04月04日",
/// "标 题 | 某某关于…|"), on the row with the spaces next to CJK text removed: each value
/// runs to the next label. The first pair's start, too (0 when a label leads the row).
pub(super) fn catalogue_pairs(flat: &str) -> (Option<usize>, Vec<(Slot, &str)>) {
    let ac = dfa!(
        CATALOGUE_LABELS.iter().chain(CATALOGUE_MORE),
        aho_corasick::MatchKind::LeftmostLongest
    );
    let found: Vec<aho_corasick::Match> = ac.find_iter(flat).collect();
    let pairs = found
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let end = found.get(k + 1).map_or(flat.len(), |n| n.start());
            let value = flat[m.end()..end].trim_matches(|c: char| {
                is_space(c) || matches!(c, ':' | '：' | '|' | '｜' | '】' | ']' | '【' | '[')
            });
            (slot(&flat[m.range()]), value)
        })
        .collect();
    (found.first().map(|m| m.start()), pairs)
}

/// A row's last label with no value ("… 名称："): its value opens the next line.
pub(super) fn dangling(pairs: &[(Slot, &str)]) -> Option<Slot> {
    match pairs.last() {
        Some(&(slot, v)) if v.trim_matches(['-', ' ']).is_empty() => Some(slot),
        _ => None,
    }
}

/// A label alone on its line ("索引号", "成文日期："), its value on the next line.
pub(super) fn lone_label(flat: &str) -> Option<Slot> {
    let label = flat.trim_end_matches([':', '：']);
    CATALOGUE_LABELS
        .iter()
        .chain(CATALOGUE_MORE)
        .find(|&&l| l == label)
        .map(|l| slot(l))
}

/// Whether `value` (the line after a lone label) is a value of that label's kind.
pub(super) fn fits_slot(slot: Slot, value: &str) -> bool {
    let n = char_len(value);
    !value.contains('。')
        && match slot {
            Slot::DocDate | Slot::PubDate => {
                n <= 30 && crate::ingest::meta::find_date(value).is_some()
            }
            Slot::Title => (6..=120).contains(&n),
            // A number, not the title under an empty 文号 row ("某局2025年度…报告").
            Slot::DocNumber => {
                n <= 30
                    && value.bytes().any(|b| b.is_ascii_digit())
                    && !value.ends_with("报告")
                    && !value.contains("法治")
            }
            Slot::Publisher => n <= 30,
            Slot::Other => n <= 20,
        }
}

/// The catalogue's labels: strong ones first, then weak ones (名称, 标题 … name other
/// things too).
pub(super) const CATALOGUE_LABELS: &[&str] = &[
    "索引号",
    "发布机构",
    "发文机关",
    "生成日期",
    "成文日期",
    "发文字号",
    "主题分类",
    "有效性",
    "公开类别",
    "公开方式",
    "所属机构",
    "制发机构",
    "文件分类",
    "信息分类",
    "组配分类",
    "体裁分类",
    "主题词",
    "发布单位",
    "内容分类",
    "公开形式",
    "公开范围",
    "文件编号",
    "截止日期",
    "发布日期",
    "名称",
    "标题",
    "文号",
];

/// A catalogue row: two or more of its labels on one line (as table cells or label:
/// value pairs), or one label that starts a short line and is followed by ':' or a cell
/// separator.
pub(super) fn is_catalogue(s: &str) -> bool {
    // A catalogue row is short, or a table row, and every label has one of these.
    // (Byte and single-character searches: a character-set search decodes every character.)
    if s.len() > 400 || (s.len() > 200 && !s.bytes().any(|b| b == b'|' || b == b'\t')) {
        return false;
    }
    // A label meets its value at a colon or a cell border, or a short line holds a date;
    // and every label has one of a few characters (one pass for both).
    let b = s.as_bytes();
    let meets = memchr::memchr3(b':', b'|', b'\t', b).is_some()
        || memchr::memchr(b']', b).is_some()
        || holds!(s, "：")
        || holds!(s, "】")
        || (s.len() <= 120 && b.iter().any(u8::is_ascii_digit));
    // A form's label typed with spaces inside ("标      题 某某关于…的报告"): no word is
    // written so, it is the catalogue's own layout.
    if spaced_label(s) {
        return true;
    }
    if !meets {
        return false;
    }
    let flat: std::borrow::Cow<str> = if has_space(s) {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .into()
    } else {
        s.into()
    };
    let flat = flat.trim_start_matches(['[', '【', '•', '·', '●', '-', '|', '｜']);
    const STRONG: usize = 23;
    let ac = dfa!(CATALOGUE_LABELS);
    // One pass: which labels occur, and which one (if any) starts the line.
    let (mut seen, mut lead) = (0u32, None);
    for m in ac.find_iter(flat) {
        seen |= 1 << m.pattern().as_usize();
        if m.start() == 0 {
            lead = Some(m.end());
        }
    }
    let strong = (seen & ((1 << STRONG) - 1)).count_ones();
    let weak = (seen >> STRONG).count_ones();
    // Two labels, or one in a table row (the catalogue as a table).
    // Or one on a short dated line ("公开类别 主动公开 发布时间 2025-03-31").
    let row = memchr::memchr2(b'|', b'\t', s.as_bytes()).is_some();
    if strong >= 2 || (strong == 1 && row) {
        return true;
    }
    let dated = || {
        char_len(flat) <= 60
            && !flat.contains('。')
            && crate::ingest::meta::find_date(flat).is_some()
    };
    if strong == 1 && dated() {
        return true;
    }
    let starts = lead.is_some_and(|end| {
        let r = &flat[end..];
        r.starts_with([':', '：', '|', '｜', ']', '】']) || (s.contains('\t') && r.len() < 300)
    });
    // "名称：…" with another label, or alone on a short line that is no sentence.
    starts && (strong >= 1 || weak >= 2 || (char_len(flat) <= 80 && !flat.contains('。')))
}

/// A two-character catalogue label at the line's start with spaces between its characters
/// and a value after it ("标      题 …", "名  称 …").
pub(super) fn spaced_label(s: &str) -> bool {
    let mut chars = s.chars();
    let (Some(a), Some(gap)) = (chars.next(), chars.next()) else {
        return false;
    };
    if !is_space(gap) {
        return false;
    }
    let rest = chars.as_str().trim_start_matches(is_space);
    let Some(b) = rest.chars().next() else {
        return false;
    };
    let value = rest[b.len_utf8()..].trim_start_matches(is_space);
    let label: String = [a, b].iter().collect();
    CATALOGUE_LABELS.contains(&label.as_str()) && !value.is_empty() && char_len(value) <= 120
}

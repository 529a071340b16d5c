//! The numbering grammar of Chinese official documents: 一、 （一） 1. （1） ① …

use super::text::{ascii_digit, cn_number, is_space, is_terminal};

/// A numbering style. Order is the conventional nesting depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// 第一部分 / 第一章
    Part,
    /// 一、
    Cn,
    /// （一） / (一)
    ParenCn,
    /// 1. / 1、 / １．
    Num,
    /// 1.1 / 1.2.3 (the number of parts, 2 or 3, is the payload)
    Decimal(u8),
    /// （1） / (1)
    ParenNum,
    /// ①
    Circled,
}

/// A numbering marker at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub style: Style,
    pub num: u32,
    /// As written, e.g. "（一）", "1.", "１．".
    pub text: String,
    /// Byte offset where the heading text starts.
    pub rest_at: usize,
}

impl Marker {
    /// How a marker with this style and number is usually written (for messages).
    pub fn render(style: Style, num: u32) -> String {
        use super::text::cn_numeral;
        match style {
            Style::Part => format!("第{}部分", cn_numeral(num)),
            Style::Cn => format!("{}、", cn_numeral(num)),
            Style::ParenCn => format!("（{}）", cn_numeral(num)),
            Style::Num => format!("{num}."),
            Style::Decimal(_) => format!("….{num}"),
            Style::ParenNum => format!("（{num}）"),
            Style::Circled => char::from_u32(0x2460 + num - 1)
                .map(String::from)
                .unwrap_or_else(|| format!("({num})")),
        }
    }
}

/// Recognise a numbering marker at the start of `s` (already trimmed).
pub fn parse_marker(s: &str) -> Option<Marker> {
    let (style, num, end) = marker_span(s)?;
    let mut rest_at = end;
    // Separators after the marker: spaces, 、 and a stray period.
    for c in s[end..].chars() {
        if is_space(c) || (matches!(c, '、' | '．') && style != Style::Cn && style != Style::Num)
        {
            rest_at += c.len_utf8();
        } else {
            break;
        }
    }
    let rest = &s[rest_at..];
    // A marker alone, or followed by punctuation, is not a heading.
    let first = rest.chars().next()?;
    if is_terminal(first) || matches!(first, '，' | ',' | '）' | ')') {
        return None;
    }
    Some(Marker {
        style,
        num,
        text: s[..end].to_string(),
        rest_at,
    })
}

fn marker_span(s: &str) -> Option<(Style, u32, usize)> {
    let mut it = s.char_indices();
    let (_, first) = it.next()?;
    match first {
        '①'..='⑳' => Some((
            Style::Circled,
            first as u32 - '①' as u32 + 1,
            first.len_utf8(),
        )),
        // ⑴–⒇: a parenthesised number in one character, as （1）.
        '⑴'..='⒇' => Some((
            Style::ParenNum,
            first as u32 - '⑴' as u32 + 1,
            first.len_utf8(),
        )),
        '（' | '(' => {
            let inner_start = first.len_utf8();
            let close = s[inner_start..].find(['）', ')'])?;
            if close == 0 || close > 9 {
                return None;
            }
            let inner = &s[inner_start..inner_start + close];
            let close_len = s[inner_start + close..].chars().next()?.len_utf8();
            let end = inner_start + close + close_len;
            if let Some(n) = cn_number(inner) {
                Some((Style::ParenCn, n, end))
            } else {
                let n = digits_value(inner)?;
                Some((Style::ParenNum, n, end))
            }
        }
        '第' => {
            let rest = &s[first.len_utf8()..];
            let n_len: usize = rest
                .chars()
                .take_while(|&c| cn_number(&c.to_string()).is_some() || c == '十')
                .map(char::len_utf8)
                .sum();
            let n = cn_number(&rest[..n_len])?;
            let after = &rest[n_len..];
            let unit = ["部分", "章"].into_iter().find(|u| after.starts_with(u))?;
            Some((Style::Part, n, first.len_utf8() + n_len + unit.len()))
        }
        c if ascii_digit(c).is_some() => {
            let digits_len: usize = s
                .chars()
                .take_while(|&c| ascii_digit(c).is_some())
                .map(char::len_utf8)
                .sum();
            let n = digits_value(&s[..digits_len])?;
            let mut after = s[digits_len..].chars();
            let sep = after.next()?;
            // "1）" / "1)": a half-bracketed number, the family of （1）.
            if matches!(sep, '）' | ')') {
                return Some((Style::ParenNum, n, digits_len + sep.len_utf8()));
            }
            if !matches!(sep, '.' | '．' | '﹒' | '、') {
                return None;
            }
            if after.next().is_some_and(|c| ascii_digit(c).is_some()) {
                return decimal_marker(s);
            }
            Some((Style::Num, n, digits_len + sep.len_utf8()))
        }
        _ => {
            let len: usize = s
                .chars()
                .take_while(|&c| "一二三四五六七八九十".contains(c))
                .map(char::len_utf8)
                .sum();
            if len == 0 || len > 9 {
                return None;
            }
            let n = cn_number(&s[..len])?;
            let sep = s[len..].chars().next()?;
            // "一)" / "一）": a half-bracketed numeral (its opening bracket lost), the
            // family of （一）.
            if matches!(sep, '）' | ')') {
                return Some((Style::ParenCn, n, len + sep.len_utf8()));
            }
            if !matches!(sep, '、' | '．' | '﹒' | '.' | '，') {
                return None;
            }
            // "三、四季度", "一、二月": a list of numbers, not a heading.
            let mut after = s[len + sep.len_utf8()..].chars();
            if after
                .next()
                .is_some_and(|c| "一二三四五六七八九十".contains(c))
                && after.next().is_some_and(|c| "季月个次项类级批".contains(c))
            {
                return None;
            }
            Some((Style::Cn, n, len + sep.len_utf8()))
        }
    }
}

/// "1.2 标题" / "1.2.3标题": a decimal section number. "1.5亿元" and "3.2%" are numbers.
fn decimal_marker(s: &str) -> Option<(Style, u32, usize)> {
    const UNITS: &str =
        "亿万千百元个倍吨米公里平立方人次件家所年月日天时分秒亩斤克辆台套项条名户余多%‰";
    let mut parts = 0u8;
    let mut last;
    let mut end = 0;
    let mut rest = s;
    loop {
        let len: usize = rest
            .chars()
            .take_while(|&c| ascii_digit(c).is_some())
            .map(char::len_utf8)
            .sum();
        last = digits_value(&rest[..len])?;
        parts += 1;
        end += len;
        rest = &rest[len..];
        match rest.chars().next() {
            Some(c @ ('.' | '．'))
                if rest[c.len_utf8()..].starts_with(|d: char| ascii_digit(d).is_some()) =>
            {
                end += c.len_utf8();
                rest = &rest[c.len_utf8()..];
            }
            _ => break,
        }
    }
    if !(2..=3).contains(&parts) {
        return None;
    }
    // An optional trailing separator, then the title.
    let mut marker_end = end;
    if let Some(c @ ('.' | '．' | '、')) = rest.chars().next() {
        marker_end += c.len_utf8();
        rest = &rest[c.len_utf8()..];
    }
    let next = rest.chars().next()?;
    if UNITS.contains(next) || next.is_ascii_alphanumeric() {
        return None;
    }
    Some((Style::Decimal(parts), last, marker_end))
}

fn digits_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 2 {
        return None;
    }
    let mut n = 0;
    for c in s.chars() {
        n = n * 10 + ascii_digit(c)?;
    }
    (n > 0).then_some(n)
}

/// Split heading text into its title and the body that continues on the same line.
///
/// The title ends at the first sentence end or colon: `持续健全组织领导。为加强…` gives
/// (`持续健全组织领导`, `为加强…`); `健全工作机制：成立…` gives (`健全工作机制`, `成立…`).
pub fn split_title(rest: &str) -> (&str, &str) {
    let mut depth = 0i32;
    for (i, c) in rest.char_indices() {
        match c {
            '“' | '《' | '（' | '(' | '「' => depth += 1,
            '”' | '》' | '）' | ')' | '」' => depth -= 1,
            // A semicolon joins two clauses of one long heading; it does not end it.
            _ if depth <= 0 && is_terminal(c) && c != '…' && c != '；' && c != ';' => {
                let title = rest[..i].trim_end_matches(is_space);
                let body = rest[i + c.len_utf8()..].trim_start_matches(is_space);
                if title.is_empty() {
                    continue;
                }
                return (title, body);
            }
            _ => {}
        }
    }
    (rest.trim_end_matches(is_space), "")
}

/// Enumerations inside a paragraph that must never become headings.
pub fn starts_enumeration(s: &str) -> bool {
    const WORDS: &[&str] = &["首先", "其次", "再次", "最后", "另外", "此外", "同时"];
    if WORDS.iter().any(|w| s.starts_with(w)) {
        return true;
    }
    let n: usize = s
        .chars()
        .take_while(|&c| "一二三四五六七八九十".contains(c))
        .map(char::len_utf8)
        .sum();
    if n > 0 && (s[n..].starts_with('是') || s[n..].starts_with("要")) {
        return true;
    }
    s.starts_with('第') && {
        let rest = &s['第'.len_utf8()..];
        let n: usize = rest
            .chars()
            .take_while(|&c| "一二三四五六七八九十".contains(c))
            .map(char::len_utf8)
            .sum();
        n > 0 && rest[n..].starts_with(['，', ','])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<(Style, u32, String, String)> {
        parse_marker(s).map(|k| (k.style, k.num, k.text.clone(), s[k.rest_at..].to_string()))
    }

    #[test]
    fn every_marker_style() {
        let cases = [
            ("一、推进", Style::Cn, 1, "一、"),
            ("十二、推进", Style::Cn, 12, "十二、"),
            ("（一）持续", Style::ParenCn, 1, "（一）"),
            ("(四)健全", Style::ParenCn, 4, "(四)"),
            ("（十）健全", Style::ParenCn, 10, "（十）"),
            ("1. 健全", Style::Num, 1, "1."),
            ("2、健全", Style::Num, 2, "2、"),
            ("１．健全", Style::Num, 1, "１．"),
            ("12.健全", Style::Num, 12, "12."),
            ("（1）强化", Style::ParenNum, 1, "（1）"),
            ("(2)强化", Style::ParenNum, 2, "(2)"),
            ("③强化", Style::Circled, 3, "③"),
            ("第二部分 总体情况", Style::Part, 2, "第二部分"),
        ];
        for (s, style, num, text) in cases {
            let got = m(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((got.0, got.1, got.2.as_str()), (style, num, text), "{s}");
        }
        assert_eq!(m("1. 健全").unwrap().3, "健全");
    }

    #[test]
    fn not_markers() {
        for s in [
            "一是加强学习",
            "1.5亿元资金",
            "2024年，",
            "（2021-2025年）",
            "（一）",
            "一、",
            "123. 三位数",
            "十分重视",
            "(注：无)",
        ] {
            assert!(parse_marker(s).is_none(), "{s}");
        }
    }

    #[test]
    fn titles() {
        assert_eq!(
            split_title("持续健全组织领导。为加强"),
            ("持续健全组织领导", "为加强")
        );
        assert_eq!(split_title("健全工作机制：成立"), ("健全工作机制", "成立"));
        assert_eq!(split_title("强化组织领导"), ("强化组织领导", ""));
        assert_eq!(
            split_title("落实“谁执法。谁普法”责任"),
            ("落实“谁执法。谁普法”责任", "")
        );
    }

    #[test]
    fn enumerations() {
        assert!(starts_enumeration("一是加强学习。"));
        assert!(starts_enumeration("首先，"));
        assert!(starts_enumeration("第一，坚持"));
        assert!(!starts_enumeration("一、标题"));
    }
}

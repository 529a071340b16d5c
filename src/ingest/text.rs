//! Small character-class helpers shared by the ingest stages.

/// CJK ideographs (the blocks that occur in government text) and 〇.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2ffff}' | '〇')
}

/// CJK and full-width punctuation.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}'
        | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}' | '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// Characters that end a sentence (or a clause that closes a line).
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '：' | ':' | '…'
    )
}

/// Characters after which a line obviously continues.
pub fn is_continuing(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '、' | '（' | '(' | '“' | '‘' | '《' | '〈' | '【' | '—' | '-' | '～' | '/'
    )
}

/// Sentence-internal punctuation: a line holding one is prose, not a bare heading.
pub fn has_clause_punct(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(
            c,
            '，' | ',' | '；' | ';' | '：' | ':' | '？' | '！' | '?' | '!'
        )
    })
}

/// Whitespace including NBSP and the ideographic space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

/// Full-width ASCII digits to ASCII.
pub fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Value of a Chinese numeral up to 99 (一, 十, 十二, 二十三, 〇/零 ignored).
pub fn cn_number(s: &str) -> Option<u32> {
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        [d] => digit(*d).filter(|&v| v > 0),
        _ => None,
    }
}

/// Chinese numeral for 1..=99 (for messages).
pub fn cn_numeral(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "〇".into(),
        1..=9 => D[n as usize].into(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        _ => format!("{}十{}", D[(n / 10) as usize % 10], D[(n % 10) as usize]),
    }
}

/// Number of characters (not bytes).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// At most `max` bytes from the start of `s`, cut at a character boundary: the part of a
/// long text that a whole-document search looks at.
pub fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        for n in 1..=99 {
            assert_eq!(cn_number(&cn_numeral(n)), Some(n), "{n}");
        }
        assert_eq!(cn_number("是"), None);
    }
}

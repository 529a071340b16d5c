//! Small character-class helpers shared by the ingest stages.

pub use crate::text::is_cjk;

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
    // By bytes: ， ； ： ？ ！ are EF BC 8C/9B/9A/9F/81.
    any_triple(s.as_bytes(), |x, y, z| {
        (x == b',')
            | (x == b';')
            | (x == b':')
            | (x == b'?')
            | (x == b'!')
            | ((x == 0xEF)
                & (y == 0xBC)
                & ((z == 0x8C) | (z == 0x9B) | (z == 0x9A) | (z == 0x9F) | (z == 0x81)))
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

/// `unicode_width`'s width of `s`, by bytes for the characters a report is made of:
/// printable ASCII (one cell), the CJK ideographs U+4E00–U+9FFF, CJK punctuation
/// U+3001–U+3029 and the full-width forms U+FF01–U+FF5F (two), and the quotes, dashes
/// and ellipsis U+2010–U+2027 (one). Any other character, which may combine with its
/// neighbours, sends the whole line to `unicode_width`.
pub fn display_width(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut w, mut i) = (0, 0);
    while i < b.len() {
        let x = b[i];
        let (y, z) = (
            b.get(i + 1).copied().unwrap_or(0),
            b.get(i + 2).copied().unwrap_or(0),
        );
        let cells = match x {
            0x20..=0x7E => 1,
            0xE5..=0xE9 => 2,
            0xE4 if y >= 0xB8 => 2,
            0xE3 if y == 0x80 && (0x81..=0xA9).contains(&z) => 2,
            0xEF if (y == 0xBC && z >= 0x81) || (y == 0xBD && z <= 0x9F) => 2,
            0xE2 if y == 0x80 && (0x90..=0xA7).contains(&z) => 1,
            _ => return unicode_width::UnicodeWidthStr::width(s),
        };
        w += cells;
        i += if x < 0x80 { 1 } else { 3 };
    }
    w
}

/// `s.split('\n')`, by a SIMD search for each line break.
pub fn split_lines(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match memchr::memchr(b'\n', r.as_bytes()) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Whether `test(b[i], b[i+1], b[i+2])` holds at any position of `b` (past the end reads
/// 0xFF, which continues no UTF-8 sequence). One branch-free test per 32 positions, so the
/// compiler turns the scan into vector code: a line-by-line gate that costs a fraction of
/// a decoding pass.
#[inline]
pub fn any_triple(b: &[u8], test: impl Fn(u8, u8, u8) -> bool) -> bool {
    const BLOCK: usize = 32;
    let n = b.len();
    let mut i = 0;
    if n >= 2 {
        let (x, y, z) = (&b[..n - 2], &b[1..n - 1], &b[2..]);
        while i + BLOCK <= x.len() {
            let (xs, ys, zs) = (&x[i..i + BLOCK], &y[i..i + BLOCK], &z[i..i + BLOCK]);
            let mut hit = false;
            for k in 0..BLOCK {
                hit |= test(xs[k], ys[k], zs[k]);
            }
            if hit {
                return true;
            }
            i += BLOCK;
        }
    }
    // The tail (most of a short line) as one more block, padded with 0xFF, which the
    // test must not match.
    debug_assert!(!test(0xFF, 0xFF, 0xFF));
    // What is left is under BLOCK + 2 bytes: one or two more blocks.
    let rest = &b[i..];
    let mut pad = [0xFFu8; 2 * BLOCK + 2];
    pad[..rest.len()].copy_from_slice(rest);
    (0..rest.len().div_ceil(BLOCK)).any(|k| {
        let p = &pad[k * BLOCK..k * BLOCK + BLOCK + 2];
        let mut hit = false;
        for j in 0..BLOCK {
            hit |= test(p[j], p[j + 1], p[j + 2]);
        }
        hit
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_punctuation_by_bytes_is_by_characters() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let by_char = matches!(
                c,
                '，' | ',' | '；' | ';' | '：' | ':' | '？' | '！' | '?' | '!'
            );
            assert_eq!(
                has_clause_punct(&format!("法{c}治")),
                by_char,
                "{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn display_width_is_unicode_width() {
        use unicode_width::UnicodeWidthStr;
        // Every character alone, between ideographs, and before a variation selector.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("法{c}治"), format!("{c}\u{fe0f}")] {
                assert_eq!(display_width(&s), s.width(), "{:04X}", c as u32);
            }
        }
        let line = "2023年，我局（一）“放管服”改革——取得成效…Ａ１：ok";
        assert_eq!(display_width(line), line.width());
    }

    #[test]
    fn split_lines_is_split_on_line_breaks() {
        for s in ["", "\n", "a", "a\n", "\na\n\nb", "一\n二\n", "\n\n"] {
            assert_eq!(
                split_lines(s).collect::<Vec<_>>(),
                s.split('\n').collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn any_triple_sees_every_position() {
        // A needle at every offset of lines of every length up to three blocks, and
        // never a match that reads past the end.
        for n in 0..100 {
            for at in 0..n {
                let mut b = vec![b'a'; n];
                b[at] = b'x';
                assert!(any_triple(&b, |x, _, _| x == b'x'), "{n} {at}");
                if at + 2 < n {
                    b[at + 2] = b'z';
                    assert!(any_triple(&b, |x, _, z| x == b'x' && z == b'z'));
                }
            }
            let b = vec![b'a'; n];
            assert!(!any_triple(&b, |x, y, z| x == b'x' || y == 0 || z == 0));
        }
    }

    #[test]
    fn numerals() {
        for n in 1..=99 {
            assert_eq!(cn_number(&cn_numeral(n)), Some(n), "{n}");
        }
        assert_eq!(cn_number("是"), None);
    }
}

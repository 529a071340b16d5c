//! Pinyin matching for names typed without an input method: "zhd", "zhangd", "zd" and
//! "zhangdian" all find 张店, as the pinyin input methods users know accept them.

use pinyin::ToPinyin;

/// The syllables of a name (toneless, lower case); a character without pinyin (a digit,
/// a Latin letter) is a syllable of its own, lower-cased.
pub fn syllables(name: &str) -> Vec<&'static str> {
    const ASCII: [&str; 36] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "g", "h",
        "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    name.chars()
        .filter_map(|c| match c.to_pinyin() {
            Some(p) => Some(p.plain()),
            None if c.is_ascii_digit() => Some(ASCII[(c as u8 - b'0') as usize]),
            None if c.is_ascii_alphabetic() => {
                Some(ASCII[10 + (c.to_ascii_lowercase() as u8 - b'a') as usize])
            }
            None => None,
        })
        .collect()
}

/// Does `query` (lower-case ASCII letters and digits) spell a run of consecutive
/// syllables, each by a non-empty prefix of it ("zh"+"d" for zhang dian, "zhangd", "zd")?
/// The query positions reached so far are the bits of a word, so each syllable costs a
/// few comparisons and nothing is allocated: O(syllables² × syllable length) at worst.
/// Queries over 63 bytes match nothing.
pub fn matches(syllables: &[&str], query: &str) -> bool {
    if !is_query(query) {
        return false;
    }
    (0..syllables.len()).any(|start| spelt_from(syllables, start, query.as_bytes()).is_some())
}

/// Does `query` spell all of `syllables`, each by a non-empty prefix ("pufa", "pf",
/// "puf" for 普法; not "pu", which spells only 普)?
pub fn spells_all(syllables: &[&str], query: &str) -> bool {
    is_query(query) && spelt_from_to_end(syllables, query.as_bytes())
}

/// Like [`spelt_from`] from 0, but the query must end exactly with the last syllable.
fn spelt_from_to_end(syllables: &[&str], q: &[u8]) -> bool {
    if syllables.first().and_then(|s| s.as_bytes().first()) != q.first() {
        return false;
    }
    let mut reach = 1u64;
    for syl in syllables {
        reach = step(reach, syl.as_bytes(), q);
        if reach == 0 {
            return false;
        }
    }
    reach & (1u64 << q.len()) != 0
}

/// One syllable further: from the query positions `reach` (bit k: the first k bytes
/// are spelt), the positions a non-empty prefix of syllable `s` takes them to.
fn step(reach: u64, s: &[u8], q: &[u8]) -> u64 {
    let mut next = 0u64;
    let mut bits = reach;
    while bits != 0 {
        let k = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        let common = s.iter().zip(&q[k..]).take_while(|(a, b)| a == b).count();
        // Bits k+1 ..= k+common.
        next |= ((1u64 << common) - 1) << (k + 1);
    }
    next
}

/// A query pinyin can spell: 1 to 63 lower-case ASCII letters or digits.
fn is_query(query: &str) -> bool {
    let q = query.as_bytes();
    !q.is_empty()
        && q.len() <= 63
        && q.iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// The end of the shortest run of syllables from `start` that `q` spells (each syllable
/// by a non-empty prefix), if any.
fn spelt_from(syllables: &[&str], start: usize, q: &[u8]) -> Option<usize> {
    if syllables.get(start)?.as_bytes().first() != q.first() {
        return None;
    }
    let done = 1u64 << q.len();
    let mut reach = 1u64;
    for (j, syl) in syllables[start..].iter().enumerate() {
        let next = step(reach, syl.as_bytes(), q);
        if next & done != 0 {
            return Some(start + j + 1);
        }
        if next == 0 {
            return None;
        }
        reach = next;
    }
    None
}

/// Where Chinese text spells `query` in pinyin ("pufa", "pf" → 普法): byte ranges, in
/// order and not overlapping. Characters without pinyin (punctuation, digits, Latin)
/// end a run; `query` must be lower-case letters or digits. Linear in the text for a
/// query that fails early, at most text × query length.
pub fn find_in_text(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    if !is_query(query) {
        return out;
    }
    let q = query.as_bytes();
    // Runs of characters with pinyin: their syllables and byte ranges.
    let mut syls: Vec<&'static str> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut flush = |syls: &mut Vec<&'static str>, spans: &mut Vec<(usize, usize)>| {
        let mut i = 0;
        while i < syls.len() {
            match spelt_from(syls, i, q) {
                Some(end) => {
                    out.push(spans[i].0..spans[end - 1].1);
                    i = end;
                }
                None => i += 1,
            }
        }
        syls.clear();
        spans.clear();
    };
    for (at, c) in text.char_indices() {
        match c.to_pinyin() {
            Some(p) => {
                syls.push(p.plain());
                spans.push((at, at + c.len_utf8()));
            }
            None => flush(&mut syls, &mut spans),
        }
    }
    flush(&mut syls, &mut spans);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_spells_a_pinyin_query_by_full_syllables_or_initials() {
        let t = "加强普法宣传，推进“八五”普法。依法行政";
        let at = |q: &str| -> Vec<&str> { find_in_text(t, q).into_iter().map(|r| &t[r]).collect() };
        assert_eq!(at("pufa"), ["普法", "普法"]);
        assert_eq!(at("pf"), ["普法", "普法"]);
        assert_eq!(at("pufaxuanchuan"), ["普法宣传"]);
        assert_eq!(at("yfxz"), ["依法行政"]);
        // Punctuation ends a run: no match across "，".
        assert!(at("chuantui").is_empty());
        assert!(at("PUFA").is_empty() && at("").is_empty());
    }

    #[test]
    fn prefixes_of_consecutive_syllables_spell_a_name() {
        let s = syllables("张店区科技局");
        assert_eq!(s[..2], ["zhang", "dian"]);
        for q in [
            "zhd",
            "zd",
            "zhangdian",
            "zhangd",
            "dianqu",
            "dqkj",
            "kejiju",
        ] {
            assert!(matches(&s, q), "{q}");
        }
        // Not in order, not consecutive, not a prefix, not letters.
        for q in ["dz", "zq", "hang", "zhangdianx", "", "ZD", "张店"] {
            assert!(!matches(&s, q), "{q}");
        }
        assert!(matches(&syllables("G20峰会"), "g2"));
    }
}

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
    let q = query.as_bytes();
    if q.is_empty()
        || q.len() > 63
        || !q
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return false;
    }
    let done = 1u64 << q.len();
    for start in 0..syllables.len() {
        if syllables[start].as_bytes().first() != q.first() {
            continue;
        }
        // Bit k: the first k bytes of the query are spelt.
        let mut reach = 1u64;
        for syl in &syllables[start..] {
            let s = syl.as_bytes();
            let mut next = 0u64;
            let mut bits = reach;
            while bits != 0 {
                let k = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let common = s.iter().zip(&q[k..]).take_while(|(a, b)| a == b).count();
                // Bits k+1 ..= k+common.
                next |= ((1u64 << common) - 1) << (k + 1);
            }
            if next & done != 0 {
                return true;
            }
            if next == 0 {
                break;
            }
            reach = next;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

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

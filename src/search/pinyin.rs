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

/// Does `query` (lower-case ASCII letters and digits) spell a run of consecutive syllables, each by a
/// non-empty prefix of it ("zh"+"d" for zhang dian, "zhangd", "zd")? One pass of a small
/// table per starting syllable: O(syllables × query length × longest syllable).
pub fn matches(syllables: &[&str], query: &str) -> bool {
    let q = query.as_bytes();
    if q.is_empty()
        || !q
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return false;
    }
    // reach[k]: the first k bytes of the query are spelt by the syllables so far.
    let mut reach = vec![false; q.len() + 1];
    for start in 0..syllables.len() {
        reach.iter_mut().for_each(|r| *r = false);
        reach[0] = true;
        for syl in &syllables[start..] {
            let s = syl.as_bytes();
            let mut next = vec![false; q.len() + 1];
            for k in (0..q.len()).filter(|&k| reach[k]) {
                let common = s.iter().zip(&q[k..]).take_while(|(a, b)| a == b).count();
                for l in 1..=common {
                    next[k + l] = true;
                }
            }
            if next[q.len()] {
                return true;
            }
            if !next.iter().any(|&r| r) {
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

//! Pages in traditional script (official big5 mirrors, Hong Kong and Taiwan copies of
//! mainland reports): every rule of the parser is written for simplified text, so such a
//! page is read through a simplified fold (OpenCC's tables) and everything the parser
//! keeps is turned back, character by character, into the page's own spelling. The
//! reader shows what was published; only the analysis sees the fold.

use std::collections::HashMap;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

use crate::corpus::Report;

/// The most frequent characters of these reports that exist only in traditional script
/// (counted over real traditional pages; none occurs in a simplified page).
const TRADITIONAL_ONLY: &str = "習設學實進會黨開務導強區領項貫徹發國為關體責組機規監堅時辦況報執鎮門確議專級題應傳動續鄉義緊對權織論圍劃現員統將職總審衛決負過單";

/// The CJK block the marks live in, as a bitset.
const BASE: u32 = 0x4E00;
const SPAN: usize = 0xA000 - 0x4E00;

fn marks() -> &'static [u64] {
    static MARKS: OnceLock<Vec<u64>> = OnceLock::new();
    MARKS.get_or_init(|| {
        let mut bits = vec![0u64; SPAN.div_ceil(64)];
        for c in TRADITIONAL_ONLY.chars() {
            let i = (c as u32 - BASE) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        bits
    })
}

fn is_mark(bits: &[u64], c: char) -> bool {
    let Some(i) = (c as u32).checked_sub(BASE).map(|i| i as usize) else {
        return false;
    };
    i < SPAN && bits[i / 64] & (1 << (i % 64)) != 0
}

/// Whether the text is written in traditional script: among its first 1,500 CJK
/// characters, at least one in twenty is a traditional-only mark (about one in three in
/// a traditional page; none in a simplified one that quotes a traditional name).
pub fn is_traditional(text: &str) -> bool {
    let bits = marks();
    let (mut seen, mut hits) = (0u32, 0u32);
    for c in text.chars() {
        if (c as u32) < BASE {
            continue;
        }
        seen += 1;
        hits += u32::from(is_mark(bits, c));
        // A simplified text shows none in its first 120 characters (a traditional one
        // about one in three).
        if seen >= 1500 || (seen == 120 && hits == 0) {
            break;
        }
    }
    hits >= 8 && hits * 20 >= seen
}

fn converter() -> Option<&'static OpenCC> {
    static CC: OnceLock<Option<OpenCC>> = OnceLock::new();
    CC.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// How to turn folded characters back into the page's own.
#[derive(Debug, Default)]
pub struct Fold {
    back: HashMap<char, char>,
}

/// The simplified fold of a traditional text, line for line and character for
/// character; `None` when the text is not traditional. A line whose conversion would
/// change its length (a phrase table's rare rewrite) is kept as written.
pub fn fold(text: &str) -> Option<(String, Fold)> {
    if !is_traditional(text) {
        return None;
    }
    let cc = converter()?;
    let mut out = String::with_capacity(text.len());
    let mut votes: HashMap<(char, char), u32> = HashMap::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let conv = cc.convert(line);
        if conv.chars().count() != line.chars().count() {
            out.push_str(line);
            continue;
        }
        for (a, b) in line.chars().zip(conv.chars()) {
            if (a as u32) >= BASE {
                *votes.entry((b, a)).or_default() += 1;
            }
        }
        out.push_str(&conv);
    }
    // Each folded character goes back to the original it came from most often.
    let mut best: HashMap<char, (char, u32)> = HashMap::new();
    for ((b, a), n) in votes {
        let e = best.entry(b).or_insert((a, 0));
        if n > e.1 || (n == e.1 && a < e.0) {
            *e = (a, n);
        }
    }
    let back = best
        .into_iter()
        .filter(|(b, (a, _))| a != b)
        .map(|(b, (a, _))| (b, a))
        .collect();
    Some((out, Fold { back }))
}

impl Fold {
    pub fn unfold(&self, s: &mut String) {
        if s.chars().any(|c| self.back.contains_key(&c)) {
            *s = s
                .chars()
                .map(|c| self.back.get(&c).copied().unwrap_or(c))
                .collect();
        }
    }

    fn unfold_opt(&self, s: &mut Option<String>) {
        if let Some(s) = s {
            self.unfold(s);
        }
    }

    /// Everything the parser kept from the text, back in the page's spelling. Canonical
    /// values (labels, the gazetteer's region chain, the agency key) stay as they are.
    pub fn unfold_report(&self, r: &mut Report) {
        let m = &mut r.meta;
        self.unfold(&mut m.title);
        self.unfold_opt(&mut m.agency);
        self.unfold_opt(&mut m.region);
        self.unfold_opt(&mut m.doc_number);
        self.unfold_opt(&mut m.source);
        self.unfold_opt(&mut r.preamble);
        self.unfold_opt(&mut r.closing);
        for s in &mut r.sections {
            self.unfold(&mut s.title);
            self.unfold_opt(&mut s.marker);
            self.unfold(&mut s.text);
        }
        for l in &mut r.meta_lines {
            self.unfold(&mut l.text);
        }
        for n in &mut r.noise {
            self.unfold(n);
        }
        for w in &mut r.warnings {
            self.unfold(w);
        }
    }
}

/// Vowels with a tone mark: a syllable carrying one is pinyin, not an abbreviation.
fn is_tone_vowel(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
    )
}

/// Some mirrors print the pinyin of characters after them: "應(yīng)急管理部", "學(xué)習(xí)".
/// A parenthesised syllable of at most seven lowercase letters, one of them a toned
/// vowel, right after a CJK character, is the page's annotation and is dropped. `None`
/// when there is none (most texts: one byte scan for the toned vowels' lead bytes).
pub fn strip_ruby(text: &str) -> Option<String> {
    // Toned vowels are U+0100..U+01DC: two-byte sequences led by 0xC4..=0xC7 (a
    // branch-free fold over blocks, which the compiler vectorises).
    let toned = text
        .as_bytes()
        .chunks(64)
        .any(|c| c.iter().fold(false, |a, &b| a | (b & 0xFC == 0xC4)));
    if !toned {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    while let Some(i) = rest.find(['(', '（']) {
        let open = rest[i..].chars().next().map_or(1, char::len_utf8);
        let after_cjk = rest[..i]
            .chars()
            .next_back()
            .or_else(|| out.chars().next_back())
            .is_some_and(super::text::is_cjk);
        let inner = &rest[i + open..];
        let close = inner
            .char_indices()
            .take(8)
            .find(|&(_, c)| c == ')' || c == '）');
        if let Some((j, c)) = close
            && after_cjk
            && j > 0
            && inner[..j]
                .chars()
                .all(|c| c.is_ascii_lowercase() || is_tone_vowel(c) || c == 'ü')
            && inner[..j].chars().any(is_tone_vowel)
        {
            out.push_str(&rest[..i]);
            rest = &inner[j + c.len_utf8()..];
            changed = true;
        } else {
            out.push_str(&rest[..i + open]);
            rest = inner;
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_and_round_trips() {
        let t = "二〇二三年，區政府堅持以習近平法治思想為指導，全面貫徹黨的二十大精神，\n\
                 一、強化組織領導，壓實工作責任\n我區召開常務會議專題研究法治政府建設工作。";
        assert!(is_traditional(t));
        let (f, fold) = fold(t).expect("traditional");
        assert!(f.contains("区政府坚持"), "{f}");
        assert!(f.contains("一、强化组织领导"), "{f}");
        assert_eq!(f.chars().count(), t.chars().count());
        let mut back = f.clone();
        fold.unfold(&mut back);
        assert_eq!(back, t);
        // A simplified page quoting a traditional name is left alone.
        let s = "2023年，区政府坚持依法行政，与台湾「國立」大学交流。".repeat(20);
        assert!(!is_traditional(&s));
    }

    #[test]
    fn pinyin_annotations_dropped() {
        assert_eq!(
            strip_ruby("2022年,應(yīng)急管理部深入學(xué)習(xí)（lǜ）").as_deref(),
            Some("2022年,應急管理部深入學習")
        );
        // Abbreviations and bracketed Latin text stay.
        assert_eq!(strip_ruby("国务院(State Council)与(PPP)项目ā"), None);
        assert_eq!(strip_ruby("法治(fazhi)建设"), None);
    }
}

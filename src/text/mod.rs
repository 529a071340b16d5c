//! Text helpers every stage shares and none owns, free of terminals and of parsing
//! stages: which characters are Chinese, and the years reports write. (The word
//! segmenter is the labeller's, [`crate::align::jieba`], with its cue words.)

pub mod year;

/// CJK ideographs (the blocks that occur in government text) and 〇.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2ffff}' | '〇')
}

//! Line layout for one paragraph of Chinese text (mixed with digits and latin) by terminal
//! display width.
//!
//! ratatui's `Paragraph` wrapping is word-based: it treats a run of ideographs as one "word"
//! and breaks it badly, and it happily starts a line with `，` or ends one with `（`. This module
//! does the layout itself and hands back byte ranges, so the caller can render each line as a
//! plain (unwrapped) line.
//!
//! # Rules
//!
//! * Break opportunities come from the Unicode line breaking algorithm (UAX #14, via
//!   `unicode-linebreak`), which already encodes the Chinese line-start/line-end rules
//!   (禁则): a break is allowed between ideographs, never before closing punctuation
//!   (`，。、；：？！）》」』”’`), never after opening punctuation (`（《「『“‘`), and never
//!   inside a run of digits or latin letters (`2024`, `12.5%`, `ICP`).
//! * Layout is greedy: each line takes as much as fits, up to the last allowed break.
//! * When no allowed break fits (a URL or a long latin/digit run wider than the line), the line
//!   is broken by force at a character boundary, as late as possible; among the boundaries that
//!   fit, one that does not put closing punctuation at the start of the next line (or leave
//!   opening punctuation at the end of this one, or split off a combining mark) is preferred.
//! * Nothing is dropped: spaces stay where they are (at the end of a line, where UAX #14
//!   allows the break) and count towards the line's width like any other character.
//!
//! # Guarantees
//!
//! * The ranges are contiguous, on char boundaries, and concatenated give back `text` exactly.
//! * Every line is at most `width` cells wide ([`str_width`]), with one unavoidable exception:
//!   a single character wider than the whole line (a 2-cell ideograph at width 1) gets a line
//!   of its own (together with any zero-width characters, such as combining marks, after it).
//!
//! # Cost
//!
//! One pass over the text, no allocation besides the returned `Vec` (the break iterator is
//! lazy). A forced break rescans only the current line.

use std::ops::Range;

use unicode_linebreak::{BreakClass, break_property, linebreaks};
use unicode_width::UnicodeWidthChar;

/// Display width of one character in terminal cells.
///
/// Uses `unicode-width`: ideographs and fullwidth forms are 2, most others 1, combining marks
/// and zero-width characters 0. East-Asian *ambiguous* characters (`“ ” ‘ ’ · — …` and
/// others) are 2 when `ambiguous_wide` is set (a terminal configured for CJK ambiguous-wide
/// rendering), else 1. Control characters are 0.
#[inline]
pub fn char_width(c: char, ambiguous_wide: bool) -> usize {
    if c.is_control() {
        return 0;
    }
    let w = if ambiguous_wide {
        c.width_cjk()
    } else {
        c.width()
    };
    w.unwrap_or(0)
}

/// Display width of a string in terminal cells: the sum of [`char_width`] over its
/// characters.
///
/// This is the measure [`wrap`] lays out by, so `str_width(&text[range]) <= width` holds for
/// every line it returns (except the single-overwide-character case documented there).
pub fn str_width(s: &str, ambiguous_wide: bool) -> usize {
    s.chars().map(|c| char_width(c, ambiguous_wide)).sum()
}

/// Byte ranges of `text` (one paragraph, no '\n'), one per laid-out line, in order.
///
/// * `width` is the line width in terminal cells; 0 is treated as 1.
/// * `ambiguous_wide` selects the width of East-Asian ambiguous characters (see
///   [`char_width`]).
///
/// The ranges are contiguous and cover `text` exactly; an empty `text` gives one empty line
/// (`[0..0]`), since an empty paragraph still takes a line. Every line's [`str_width`] is at
/// most `width`, except that a single character wider than `width` (a 2-cell character at
/// width 1) is put on a line of its own (with any zero-width characters that follow it).
/// See the [module docs](self) for the break rules.
///
/// Mandatory breaks (`'\n'` and the like) are not honoured: a paragraph has none. Such
/// characters count as width 0 and are kept like any other.
pub fn wrap(text: &str, width: usize, ambiguous_wide: bool) -> Vec<Range<usize>> {
    let width = width.max(1);
    // Lines ≈ cells / width, and a cell takes 1 (latin) to 1.5 (CJK) bytes: a slight
    // overestimate for CJK, so the Vec normally never grows.
    let mut lines = Vec::with_capacity(text.len() / width + 1);

    // Byte positions where UAX #14 allows a line to start (never 0; the last is text.len()).
    let mut breaks = linebreaks(text).map(|(pos, _)| pos).peekable();
    // Start of the line being filled, and the width of text[start..i].
    let mut start = 0;
    let mut line_w = 0;
    // Latest allowed break inside the current line: (position, width of text[start..position]).
    let mut last_break: Option<(usize, usize)> = None;

    for (i, c) in text.char_indices() {
        while breaks.next_if(|&b| b < i).is_some() {}
        if breaks.next_if_eq(&i).is_some() && i > start {
            last_break = Some((i, line_w));
        }

        let cw = char_width(c, ambiguous_wide);
        // `c` does not fit: end the line. Breaking at `last_break` (or a forced break just
        // before `i`) carries a tail that may still not fit together with `c`, hence the loop;
        // `start` grows every round and stops at `i`, where `c` starts a line of its own
        // (`i > start` is what lets an overwide char sit alone).
        while line_w + cw > width && i > start {
            let (end, carried) = match last_break.take() {
                Some((pos, w)) => (pos, line_w - w),
                None => {
                    let pos = forced_break(text, start, i);
                    (pos, str_width(&text[pos..i], ambiguous_wide))
                }
            };
            lines.push(start..end);
            start = end;
            line_w = carried;
        }
        line_w += cw;
    }
    lines.push(start..text.len());
    lines
}

/// Where to break `text[start..end]` (which fits) when no allowed break exists: the last char
/// boundary in `start+1..=end` that neither leaves an opening character at the end of the line
/// nor puts a closing one (or a combining mark) at the start of the next; `end` if every
/// boundary does.
fn forced_break(text: &str, start: usize, end: usize) -> usize {
    let mut next = text[end..].chars().next();
    for (off, prev) in text[start..end].char_indices().rev() {
        let pos = start + off + prev.len_utf8();
        if !no_break_after(prev) && !next.is_some_and(no_break_before) {
            return pos;
        }
        next = Some(prev);
    }
    end
}

/// Characters that should not start a line: closing punctuation, combining marks, glue.
fn no_break_before(c: char) -> bool {
    use BreakClass::*;
    match break_property(c as u32) {
        ClosePunctuation | CloseParenthesis | Exclamation | InfixSeparator | NonStarter
        | Inseparable | Postfix | CombiningMark | ZeroWidthJoiner | WordJoiner
        | NonBreakingGlue => true,
        // Quotation marks: all but the opening ones (“ ‘ « ‹) are treated as closing.
        Quotation => !matches!(c, '“' | '‘' | '«' | '‹'),
        _ => false,
    }
}

/// Characters that should not end a line: opening punctuation, prefixes, glue.
fn no_break_after(c: char) -> bool {
    use BreakClass::*;
    match break_property(c as u32) {
        OpenPunctuation | Prefix | ZeroWidthJoiner | WordJoiner | NonBreakingGlue => true,
        // Quotation marks: all but the closing ones (” ’ » ›) are treated as opening.
        Quotation => !matches!(c, '”' | '’' | '»' | '›'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Realistic report paragraphs: quotes, parentheses, book titles, numbers, percentages,
    /// latin words and URLs.
    const PARAGRAPHS: [&str; 4] = [
        "2024年，市政府深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要（2021—2025年）》，\
         坚持把“依法行政”作为政府工作的基本准则。全年共制定、修订规范性文件36件，清理废止12件，\
         行政复议案件综合纠错率达到12.5%，较上年提高3.2个百分点；行政机关负责人出庭应诉率达100%。",
        "我们依托政务服务网（https://www.zwfw.example.gov.cn/fzzf/2024/index.html）公开权责清单，\
         推行“一网通办”，网上可办率达98.6%。同时配合通信管理部门做好ICP备案核查与网站安全检查，\
         累计检查网站1,024个，发现并整改问题37项；对违反《中华人民共和国网络安全法》的行为依法查处，\
         相关数据已通过API接口（Open Data Platform）向社会开放。",
        "在行政执法“三项制度”落实方面，区司法局牵头组织培训4期、参训人员达1200余人次，\
         并通过“法治宣传进万家”活动发放《宪法》《民法典》等普法读本3.6万册。群众反映：\
         “以前办事要跑好几趟，现在‘最多跑一次’！”下一步，我们将继续推进Smart Government项目\
         （试点期为2025年1月至6月），做到“应公开、尽公开”。",
        "二、存在的问题：一是部分执法人员法治意识不强，存在「重实体、轻程序」现象；\
         二是『放管服』改革仍有短板，基层执法力量是否充足？三是行政规范性文件备案审查质量有待提高！\
         四是政务公开网站www.example.gov.cn的栏目更新不够及时，2023年度仅更新了45%的内容，\
         群众满意度为87.5分（满分100分）。",
    ];

    const CLOSING: &[char] = &[
        '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '”', '’', '%',
    ];
    const OPENING: &[char] = &['（', '《', '「', '『', '“', '‘'];

    fn lines(text: &str, width: usize, aw: bool) -> Vec<&str> {
        wrap(text, width, aw)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    /// Structural invariants that hold for any input: contiguous cover, char boundaries,
    /// widths (bar a lone overwide char), and a non-empty line list.
    fn check_invariants(text: &str, width: usize, aw: bool) {
        let ranges = wrap(text, width, aw);
        assert!(!ranges.is_empty());
        let mut pos = 0;
        for r in &ranges {
            assert_eq!(r.start, pos, "ranges not contiguous: {ranges:?}");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert!(
                r.start < r.end || text.is_empty(),
                "empty line in {ranges:?}"
            );
            let line = &text[r.clone()];
            let w = str_width(line, aw);
            let visible = line.chars().filter(|&c| char_width(c, aw) > 0).count();
            let lone_overwide = visible == 1 && w > width.max(1);
            assert!(
                w <= width.max(1) || lone_overwide,
                "line {line:?} is {w} wide at width {width}"
            );
            pos = r.end;
        }
        assert_eq!(pos, text.len());
        let joined: String = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn paragraphs_all_widths() {
        for text in PARAGRAPHS {
            for aw in [false, true] {
                for width in 10..=120 {
                    check_invariants(text, width, aw);
                    let ls = lines(text, width, aw);
                    for (n, line) in ls.iter().enumerate() {
                        let first = line.chars().next().unwrap();
                        let last = line.chars().next_back().unwrap();
                        assert!(
                            n == 0 || !CLOSING.contains(&first),
                            "width {width} aw {aw}: line {n} starts with {first:?}: {ls:#?}"
                        );
                        assert!(
                            n + 1 == ls.len() || !OPENING.contains(&last),
                            "width {width} aw {aw}: line {n} ends with {last:?}: {ls:#?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn greedy_fills_lines() {
        // Between ideographs every boundary is a break: each line but the last is full, or
        // one cell short when the next ideograph would not fit.
        let text = "坚持依法行政全面推进政务公开加强行政执法监督提升依法治理能力";
        for width in 2..=40 {
            let ls = lines(text, width, false);
            for line in &ls[..ls.len() - 1] {
                let w = str_width(line, false);
                assert!(w + 1 >= width && w <= width, "{line:?} at {width}");
            }
        }
        assert_eq!(lines("中文中文", 4, false), ["中文", "中文"]);
        assert_eq!(lines("中文中文", 5, false), ["中文", "中文"]);
        assert_eq!(lines("中文中文", 8, false), ["中文中文"]);
    }

    #[test]
    fn digits_not_split_when_they_fit() {
        let text = "我们在2024年完成了12.5%的目标";
        let digits = text.find("2024").unwrap();
        let pct = text.find("12.5%").unwrap();
        for width in 5..=30 {
            for r in wrap(text, width, false) {
                assert!(
                    !(digits + 1..digits + 4).contains(&r.start),
                    "2024 split at width {width}: {:?}",
                    lines(text, width, false)
                );
                assert!(
                    !(pct + 1..pct + 5).contains(&r.start),
                    "12.5% split at width {width}: {:?}",
                    lines(text, width, false)
                );
            }
        }
        // The year may leave its 年 behind, but never lose a digit.
        assert_eq!(lines("在2024年", 4, false), ["在", "2024", "年"]);
    }

    #[test]
    fn width_one_and_zero() {
        assert_eq!(lines("中文", 1, false), ["中", "文"]);
        assert_eq!(lines("a中b文c", 1, false), ["a", "中", "b", "文", "c"]);
        assert_eq!(lines("中文，", 1, false), ["中", "文", "，"]);
        assert_eq!(wrap("中文", 0, false), wrap("中文", 1, false));
        assert_eq!(lines("abc", 0, false), ["a", "b", "c"]);
        check_invariants("法治政府建设（2024年）", 1, true);
    }

    #[test]
    fn empty_text() {
        assert_eq!(wrap("", 10, false), vec![0..0]);
        assert_eq!(wrap("", 0, true), vec![0..0]);
    }

    #[test]
    fn ambiguous_width_of_quotes() {
        assert_eq!(str_width("“”", false), 2);
        assert_eq!(str_width("“”", true), 4);
        assert_eq!(char_width('·', false), 1);
        assert_eq!(char_width('·', true), 2);
        assert_eq!(char_width('中', false), 2);
        assert_eq!(char_width('\u{7}', true), 0);
        assert_eq!(char_width('\u{301}', false), 0);
        // “依法”行政: 10 cells narrow, 12 wide.
        let text = "“依法”行政";
        assert_eq!(lines(text, 10, false), [text]);
        assert_eq!(lines(text, 10, true), ["“依法”行", "政"]);
    }

    #[test]
    fn kinsoku() {
        assert_eq!(
            lines("中文，中文。", 4, false),
            ["中", "文，", "中", "文。"]
        );
        assert_eq!(lines("依法（行政）", 6, false), ["依法", "（行", "政）"]);
        assert_eq!(lines("依法（行政）", 8, false), ["依法（行", "政）"]);
        assert_eq!(lines("见《宪法》和", 8, false), ["见《宪", "法》和"]);
        assert_eq!(lines("见《宪法》和", 10, false), ["见《宪法》", "和"]);
    }

    #[test]
    fn spaces_kept_and_counted() {
        assert_eq!(lines("abc def", 6, false), ["abc ", "def"]);
        assert_eq!(lines("abc def", 4, false), ["abc ", "def"]);
        // An exactly-full word: the space cannot hang past the edge, so it starts the next
        // line when it fits there.
        assert_eq!(lines("hello big", 5, false), ["hello", " big"]);
        check_invariants("hello  world  again", 5, false);
    }

    #[test]
    fn long_runs_are_forced() {
        let url = "https://www.example.gov.cn/path";
        let ls = lines(url, 10, false);
        assert!(ls.len() >= 4, "{ls:?}");
        check_invariants(url, 10, false);
        // Closing punctuation after an overlong run is not pushed to a line start (from width
        // 5 on, where "l）。" fits on one line; below that it is unavoidable).
        let text = "（abcdefghijkl）。";
        assert_eq!(lines(text, 3, false).last(), Some(&"。"));
        for width in 5..=12 {
            let ls = lines(text, width, false);
            for line in &ls[1..] {
                assert!(!line.starts_with(['）', '。']), "{ls:?} at {width}");
            }
        }
        // A zero-width combining mark stays with its base when forced.
        let text = "abcde\u{301}fgh";
        assert_eq!(lines(text, 5, false), ["abcde\u{301}", "fgh"]);
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn invariants_hold(
                text in "[中文法治，。、；：？！（）《》「」“”‘’ a-zA-Z0-9.%/\u{301}·—…]{0,80}",
                width in 0usize..30,
                aw in any::<bool>(),
            ) {
                check_invariants(&text, width, aw);
            }
        }
    }
}

//! Figures reports give: a number with its unit, read as a measure by the words before it
//! in the same sentence ("受理行政复议案件12件" → 行政复议, 12 件). Measures come from
//! [`MEASURES`], a small table: each names its cue words and the units it counts in. A
//! number counts for the measure whose cue stands nearest before it, within
//! [`WINDOW`] characters of the same sentence, or else nearest after its unit, within
//! [`AFTER`].

use crate::corpus::{Report, SectionId};
use serde::Serialize;

/// One measure: its key, its name, the words that introduce it, and its units.
pub struct Measure {
    pub key: &'static str,
    pub zh: &'static str,
    pub cues: &'static [&'static str],
    pub units: &'static [&'static str],
}

/// The measures reviewers compare across agencies.
pub const MEASURES: &[Measure] = &[
    Measure {
        key: "reconsideration_cases",
        zh: "行政复议案件",
        cues: &["行政复议"],
        units: &["件", "起"],
    },
    Measure {
        key: "litigation_cases",
        zh: "行政诉讼案件",
        cues: &["行政诉讼", "行政应诉", "应诉"],
        units: &["件", "起"],
    },
    Measure {
        key: "enforcement_staff",
        zh: "执法人员",
        cues: &["执法人员", "执法证"],
        units: &["名", "人"],
    },
    Measure {
        key: "study_sessions",
        zh: "学法次数",
        cues: &["学法", "集中学习", "专题学习"],
        units: &["次", "场"],
    },
    Measure {
        key: "normative_documents_reviewed",
        zh: "规范性文件审查",
        cues: &["规范性文件", "合法性审查"],
        units: &["件", "份"],
    },
    Measure {
        key: "trainings",
        zh: "培训",
        cues: &["培训"],
        units: &["人次", "期", "次", "场"],
    },
];

/// How far before a number its cue may stand, in characters.
pub const WINDOW: usize = 24;

/// How far after the unit a cue may stand when none stands before ("开展2次习近平法治思想
/// 集中学习"), in characters.
pub const AFTER: usize = 12;

/// A figure found in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub measure: &'static str,
    pub value: f64,
    pub unit: &'static str,
    /// The section it stands in (`None`: the preamble).
    #[serde(skip)]
    pub section: Option<SectionId>,
    /// The sentence, as written.
    pub sentence: String,
}

/// The figures of one text, in order.
pub fn in_text(text: &str, section: Option<SectionId>) -> Vec<Figure> {
    let mut out = Vec::new();
    for sentence in text
        .split(['。', '；', '\n'])
        .filter(|s| !s.trim().is_empty())
    {
        let chars: Vec<(usize, char)> = sentence.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            if !c.is_ascii_digit() {
                i += 1;
                continue;
            }
            // The number (digits, one decimal point).
            let mut j = i;
            while j < chars.len() && (chars[j].1.is_ascii_digit() || chars[j].1 == '.') {
                j += 1;
            }
            let end = chars.get(j).map_or(sentence.len(), |&(b, _)| b);
            let rest = &sentence[end..];
            let value: Option<f64> = sentence[start..end].trim_end_matches('.').parse().ok();
            // The nearest cue before the number, within the window.
            let from = chars[i.saturating_sub(WINDOW)].0;
            let before = &sentence[from..start];
            let found = MEASURES
                .iter()
                .filter_map(|m| {
                    let unit = m.units.iter().find(|u| rest.starts_with(*u))?;
                    let at = m.cues.iter().filter_map(|c| before.rfind(c)).max()?;
                    Some((at, m, *unit))
                })
                .max_by_key(|(at, _, _)| *at)
                .or_else(|| {
                    // Else a cue right after the unit ("开展2次…集中学习").
                    MEASURES
                        .iter()
                        .filter_map(|m| {
                            let unit = m.units.iter().find(|u| rest.starts_with(*u))?;
                            let after = &rest[unit.len()..];
                            let near = after
                                .char_indices()
                                .nth(AFTER)
                                .map_or(after, |(b, _)| &after[..b]);
                            let at = m.cues.iter().filter_map(|c| near.find(c)).min()?;
                            Some((usize::MAX - at, m, *unit))
                        })
                        .max_by_key(|(at, _, _)| *at)
                });
            if let (Some(v), Some((_, m, unit))) = (value, found) {
                out.push(Figure {
                    measure: m.key,
                    value: v,
                    unit,
                    section,
                    sentence: sentence.trim().to_string(),
                });
            }
            i = j;
        }
    }
    out
}

/// Every figure of a report: the preamble's, then each section's.
pub fn of_report(r: &Report) -> Vec<Figure> {
    let mut out = r
        .preamble
        .as_deref()
        .map_or_else(Vec::new, |p| in_text(p, None));
    for (i, s) in r.sections.iter().enumerate() {
        out.extend(in_text(&s.text, Some(SectionId(i as u32))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(t: &str) -> Vec<(&'static str, f64, &'static str)> {
        in_text(t, None)
            .into_iter()
            .map(|f| (f.measure, f.value, f.unit))
            .collect()
    }

    #[test]
    fn a_number_counts_for_the_nearest_cue_before_it() {
        assert_eq!(
            read("全年受理行政复议案件12件，办结10件；行政诉讼应诉案件5起。"),
            [
                ("reconsideration_cases", 12.0, "件"),
                ("reconsideration_cases", 10.0, "件"),
                ("litigation_cases", 5.0, "起"),
            ]
        );
        assert_eq!(
            read("组织集中学法4次，开展执法人员培训3期，全局现有执法人员35名。"),
            [
                ("study_sessions", 4.0, "次"),
                ("trainings", 3.0, "期"),
                ("enforcement_staff", 35.0, "名"),
            ]
        );
    }

    #[test]
    fn numbers_without_a_cue_a_unit_or_in_another_sentence_are_not_figures() {
        assert!(read("2023年，全局干部职工共计60人。").is_empty());
        assert!(read("推进行政复议工作。全年办结12件").is_empty());
        // Too far from its cue.
        assert!(
            read(&format!(
                "行政复议{}12件",
                "工作规范有序推进各项制度健全完善落实到位取得明显成效"
            ))
            .is_empty()
        );
        assert_eq!(
            read("审查规范性文件8.5份"),
            [("normative_documents_reviewed", 8.5, "份")]
        );
        assert_eq!(
            read("组织开展2次习近平法治思想集中学习"),
            [("study_sessions", 2.0, "次")]
        );
    }
}

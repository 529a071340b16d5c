//! The same section across agencies: finding it by label (or by text similarity when a
//! report has no section with that label), shared phrases between two texts, and the
//! coverage matrix of statutory parts.

use crate::corpus::{Corpus, Label, PARTS, Report, SectionId};
use std::collections::HashMap;
use std::ops::Range;

/// The label that says what a section is: its first statutory part, else its first
/// topic, else its nearest labelled ancestor's.
pub fn label_of(r: &Report, id: SectionId) -> Option<Label> {
    let mut cur = Some(id);
    while let Some(i) = cur {
        let s = r.section(i);
        if let Some(&l) = s.labels.iter().find(|l| l.is_part()).or(s.labels.first()) {
            return Some(l);
        }
        cur = s.parent;
    }
    None
}

/// The section of `r` carrying `label`: the shallowest, then one whose heading names it,
/// then the first.
pub fn section_with(r: &Report, label: Label) -> Option<SectionId> {
    r.sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.labels.contains(&label))
        // A part its heading names before a thematic part that only belongs to it.
        .min_by_key(|(i, s)| {
            let named = s.parent.is_some()
                || crate::align::top_parts(&s.title, r.meta.year).contains(&label);
            (s.level, !named, *i)
        })
        .map(|(i, _)| SectionId(i as u32))
}

/// A section's heading and its whole subtree's text.
pub fn section_text(r: &Report, id: SectionId) -> String {
    let mut out = String::new();
    let mut stack = vec![id];
    while let Some(i) = stack.pop() {
        let s = r.section(i);
        if !out.is_empty() {
            out.push('\n');
        }
        if let Some(m) = &s.marker {
            out.push_str(m);
        }
        out.push_str(&s.title);
        if !s.text.is_empty() {
            out.push('\n');
            out.push_str(&s.text);
        }
        stack.extend(s.children.iter().rev());
    }
    out
}

fn token_set(text: &str) -> std::collections::HashSet<String> {
    crate::search::fulltext::tokens(text)
        .into_iter()
        .filter(|t| t.chars().count() >= 2)
        .collect()
}

/// The section of `other` whose words are most like `text`'s (Jaccard on jieba tokens).
pub fn most_similar(text: &str, other: &Report) -> Option<(SectionId, f32)> {
    let a = token_set(text);
    if a.is_empty() {
        return None;
    }
    (0..other.sections.len())
        .map(|i| {
            let id = SectionId(i as u32);
            let b = token_set(&section_text(other, id));
            let inter = a.intersection(&b).count() as f32;
            let union = a.union(&b).count().max(1) as f32;
            (id, inter / union)
        })
        .max_by(|x, y| x.1.total_cmp(&y.1))
}

/// Shared phrases: byte ranges in `a` and in `b` covered by runs of at least
/// `min_tokens` consecutive jieba tokens (punctuation ignored) that occur in both.
/// Line breaks do not matter: texts are compared as token sequences.
pub fn shared_phrases(
    a: &str,
    b: &str,
    min_tokens: usize,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let ta = spans(a);
    let tb = spans(b);
    let n = min_tokens.max(1);
    if ta.len() < n || tb.len() < n {
        return (Vec::new(), Vec::new());
    }
    let word = |text: &str, s: &Range<usize>| text[s.clone()].to_ascii_lowercase();
    let wa: Vec<String> = ta.iter().map(|s| word(a, s)).collect();
    let wb: Vec<String> = tb.iter().map(|s| word(b, s)).collect();
    let mut grams: HashMap<&[String], Vec<usize>> = HashMap::new();
    for j in 0..=wb.len() - n {
        grams.entry(&wb[j..j + n]).or_default().push(j);
    }
    let mut mark_a = vec![false; wa.len()];
    let mut mark_b = vec![false; wb.len()];
    for i in 0..=wa.len() - n {
        if let Some(js) = grams.get(&wa[i..i + n]) {
            for &j in js {
                for k in 0..n {
                    mark_a[i + k] = true;
                    mark_b[j + k] = true;
                }
            }
        }
    }
    (merge(a, &ta, &mark_a), merge(b, &tb, &mark_b))
}

/// Byte spans of the word tokens of a text.
fn spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for t in crate::align::jieba().cut(text, false) {
        let len = t.word.len();
        if t.word.chars().any(|c| c.is_alphanumeric()) {
            out.push(at..at + len);
        }
        at += len;
    }
    out
}

/// Marked tokens → merged byte ranges (a range spans the punctuation between marked
/// neighbours).
fn merge(text: &str, spans: &[Range<usize>], marked: &[bool]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut prev_marked = false;
    for (s, &m) in spans.iter().zip(marked) {
        if m {
            match out.last_mut() {
                Some(r) if prev_marked && !text[r.end..s.start].contains('\n') => r.end = s.end,
                _ => out.push(s.clone()),
            }
        }
        prev_marked = m;
    }
    out
}

/// Share of the two texts' characters that lie in shared phrases (0–100).
pub fn similarity(a: &str, b: &str, ra: &[Range<usize>], rb: &[Range<usize>]) -> u8 {
    // Letters and digits: what the shared runs are made of (a run spans the punctuation
    // inside it but not a sentence's last 。, so counting punctuation kept a text
    // compared with itself under 100%).
    let chars = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).count();
    let shared =
        |t: &str, rs: &[Range<usize>]| rs.iter().map(|r| chars(&t[r.clone()])).sum::<usize>();
    let total = chars(a) + chars(b);
    if total == 0 {
        return 0;
    }
    ((shared(a, ra) + shared(b, rb)) * 100 / total).min(100) as u8
}

/// One cell of the coverage matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub section: SectionId,
    /// Characters in the section and its subsections.
    pub chars: usize,
    /// A top-level part (false: the label sits on a deeper section).
    pub top: bool,
}

/// Columns of the matrix: the five statutory parts, then the most common topics.
pub fn coverage_columns(corpus: &Corpus, topics: usize) -> Vec<Label> {
    let mut counts: HashMap<Label, usize> = HashMap::new();
    for r in &corpus.reports {
        let mut seen = std::collections::HashSet::new();
        for s in &r.sections {
            for &l in &s.labels {
                if !l.is_part() && seen.insert(l) {
                    *counts.entry(l).or_default() += 1;
                }
            }
        }
    }
    let mut t: Vec<(Label, usize)> = counts.into_iter().collect();
    t.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    PARTS
        .into_iter()
        .chain(t.into_iter().take(topics).map(|x| x.0))
        .collect()
}

/// Parts every 法治政府建设 report must have (other_matters only when there are any).
pub const MANDATORY: [Label; 4] = [
    Label::MeasuresOutcomes,
    Label::LeaderResponsibility,
    Label::Shortcomings,
    Label::NextYearPlan,
];

/// The cell of report `r` for `label`.
pub fn cell(r: &Report, label: Label) -> Option<Cell> {
    let id = section_with(r, label)?;
    let s = r.section(id);
    // Count without building the subtree's text.
    let mut chars = 0;
    let mut stack = vec![id];
    while let Some(i) = stack.pop() {
        let s = r.section(i);
        chars += text_len(&s.title) + s.marker.as_deref().map_or(0, text_len) + text_len(&s.text);
        stack.extend(&s.children);
    }
    Some(Cell {
        section: id,
        chars,
        top: s.parent.is_none(),
    })
}

/// Characters of model text, paragraph breaks not counted (the model holds no other
/// whitespace in Chinese text); counted fast, as this runs over the whole corpus.
fn text_len(t: &str) -> usize {
    t.chars().count() - t.bytes().filter(|&b| b == b'\n').count()
}

/// Every report's cells for `columns` (rows in corpus order). Each section's length is
/// counted once per report; a cell sums its subtree.
pub fn coverage(corpus: &Corpus, columns: &[Label]) -> Vec<Vec<Option<Cell>>> {
    use rayon::prelude::*;
    corpus
        .reports
        .par_iter()
        .map(|r| {
            let own: Vec<usize> = r
                .sections
                .iter()
                .map(|s| {
                    text_len(&s.text) + text_len(&s.title) + s.marker.as_deref().map_or(0, text_len)
                })
                .collect();
            // Subtree sums, children after parents in the arena: fold backwards.
            let mut total = own.clone();
            for i in (0..r.sections.len()).rev() {
                if let Some(p) = r.sections[i].parent {
                    total[p.index()] += total[i];
                }
            }
            columns
                .iter()
                .map(|&l| {
                    section_with(r, l).map(|id| Cell {
                        section: id,
                        chars: total[id.index()],
                        top: r.section(id).parent.is_none(),
                    })
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_runs_are_found_across_a_line_break_and_not_in_unrelated_text() {
        let a = "我局坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政。";
        let b = "本年度，县政府坚持以习近平新时代中国特色\n社会主义思想为指导，认真谋划工作。";
        let (ra, rb) = shared_phrases(a, b, 3);
        let shared_a: String = ra.iter().map(|r| &a[r.clone()]).collect();
        assert!(
            shared_a.contains("习近平新时代中国特色社会主义思想"),
            "{shared_a}"
        );
        let shared_b: String = rb.iter().map(|r| &b[r.clone()]).collect();
        assert!(shared_b.contains("习近平新时代中国特色"), "{shared_b}");
        assert!(shared_b.contains("社会主义思想"), "{shared_b}");
        assert!(!shared_a.contains("依法行政"));
        assert!(similarity(a, b, &ra, &rb) > 20);

        let c = "今天天气晴朗，适合户外运动和郊游。";
        let (rc, rd) = shared_phrases(a, c, 3);
        assert!(rc.is_empty() && rd.is_empty());
        assert_eq!(similarity(a, c, &rc, &rd), 0);
    }

    #[test]
    fn samples_leader_part_is_nested_in_004() {
        let c = crate::ingest::load_samples();
        let r4 = &c.reports[4];
        let cell = cell(r4, Label::LeaderResponsibility).unwrap();
        assert!(!cell.top);
        assert!(
            c.reports
                .iter()
                .all(|r| self::cell(r, Label::OtherMatters).is_none())
        );
        assert!(
            self::cell(&c.reports[0], Label::LeaderResponsibility)
                .unwrap()
                .top
        );
    }

    #[test]
    fn a_named_measures_part_is_followed_before_a_thematic_one() {
        // Sample 003: an unnumbered thematic part (measures by TAXONOMY.md) comes before
        // "二、推进法治政府建设情况"; the part its heading names is the one to show.
        let c = crate::ingest::load_samples();
        let r = c
            .reports
            .iter()
            .find(|r| {
                r.roots
                    .iter()
                    .any(|&id| r.section(id).title == "全面深化习近平法治思想学习宣传贯彻情况")
            })
            .expect("sample 003");
        let thematic = r.roots[0];
        assert!(
            r.section(thematic)
                .labels
                .contains(&Label::MeasuresOutcomes)
        );
        let id = section_with(r, Label::MeasuresOutcomes).unwrap();
        assert_eq!(r.section(id).title, "推进法治政府建设情况");
    }
}

/// Two reports' versions of one labelled part, as compare shows them (the reader's view
/// and `baogao compare` both): each side's text (`None` when it has no such part), the
/// phrases they share (byte ranges into each text), and their similarity in percent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub texts: [Option<String>; 2],
    pub shared: [Vec<Range<usize>>; 2],
    pub similarity: u8,
}

/// Compare `a` and `b` at `label` (shared phrases of 3 characters and more).
pub fn pair(a: &Report, b: &Report, label: Label) -> Pair {
    let text = |r: &Report| section_with(r, label).map(|id| section_text(r, id));
    let texts = [text(a), text(b)];
    let (ta, tb) = (
        texts[0].as_deref().unwrap_or(""),
        texts[1].as_deref().unwrap_or(""),
    );
    let (sa, sb) = shared_phrases(ta, tb, 3);
    let similarity = similarity(ta, tb, &sa, &sb);
    Pair {
        texts,
        shared: [sa, sb],
        similarity,
    }
}

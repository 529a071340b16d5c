//! Labels sections with taxonomy keys (shared/design/TAXONOMY.md).
//!
//! Heading words first; where the heading is vague, the section's own text. Parts go on
//! top-level sections (and on a deeper section only for unmistakable cues such as
//! 第一责任人); topics go below, or on a thematic top-level section.

mod cues;

use crate::corpus::{Label, Report, SectionId};
pub use cues::{Scores, jieba, score, score_text, warm_up};

/// Statutory parts named unmistakably by a heading (used for level inference too).
pub fn strong_parts(title: &str) -> Vec<Label> {
    let s = score(title);
    let mut out: Vec<Label> = crate::corpus::PARTS
        .into_iter()
        .filter(|&l| s.strong(l))
        .collect();
    if out.len() > 1 {
        out.retain(|&l| l != Label::MeasuresOutcomes);
    }
    out
}

/// Parts for a top-level heading, given the year the report covers.
pub fn top_parts(title: &str, year: Option<u16>) -> Vec<Label> {
    let s = score(title);
    let mut out: Vec<Label> = Vec::new();
    let next_year = year.map(|y| y + 1);
    let title_year = crate::text::year::first_year(title);
    for l in crate::corpus::PARTS {
        if s.strong(l) || s.weak(l) {
            out.push(l);
        }
    }
    let plan_words = [
        "计划", "安排", "打算", "思路", "举措", "重点", "目标", "工作",
    ];
    if next_year.is_some()
        && title_year == next_year
        && plan_words.iter().any(|w| title.contains(w))
    {
        out.push(Label::NextYearPlan);
    }
    if title_year.is_some() && title_year == year && title.contains("情况") {
        out.push(Label::MeasuresOutcomes);
    }
    out.sort();
    out.dedup();
    // 举措 / 情况 also appear in other parts' headings: measures only when nothing else
    // fits, or when the heading names its outcomes too ("主要举措、成效和不足").
    if out.len() > 1 && !title.contains("成效") {
        out.retain(|&l| l != Label::MeasuresOutcomes);
    }
    out
}

/// Topic labels from a score, best first: those within half of the best, at most `max`.
fn pick_topics(s: &Scores, min: u32, max: usize) -> Vec<Label> {
    let mut t: Vec<(Label, u32)> = crate::corpus::TOPICS
        .into_iter()
        .map(|l| (l, s.get(l)))
        .filter(|&(_, v)| v >= min)
        .collect();
    t.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let best = t.first().map_or(0, |x| x.1);
    t.into_iter()
        .filter(|&(_, v)| v * 2 >= best)
        .take(max)
        .map(|(l, _)| l)
        .collect()
}

/// Topics for a section: from its heading, else from its own text (or its children's
/// headings when it has no text of its own).
fn topics(report: &Report, id: SectionId) -> Vec<Label> {
    let sec = report.section(id);
    let from_title = pick_topics(&score(&sec.title), 1, 3);
    if !from_title.is_empty() {
        return from_title;
    }
    // The opening of a section says what it is about; scoring ~500 characters keeps
    // labelling linear in the number of sections rather than in the corpus size.
    let lead = sec
        .text
        .char_indices()
        .nth(500)
        .map_or(sec.text.as_str(), |(i, _)| &sec.text[..i]);
    let mut s = score_text(lead);
    if sec.text.chars().count() < 40 {
        for &c in &sec.children {
            s.add(&score(&report.section(c).title));
        }
    }
    pick_topics(&s, 2, 2)
}

/// Other document kinds that share agencies and look similar (TAXONOMY.md): their
/// sections answer other questions, so they get topics but no statutory parts.
pub fn other_document_kind(title: &str) -> Option<&'static str> {
    if title.contains("法治") || title.contains("依法行政") {
        return None;
    }
    if title.contains("信息公开") {
        Some("政府信息公开工作年度报告")
    } else if title.contains("工作要点") {
        Some("工作要点")
    } else {
        None
    }
}

/// Whether a heading names the leaders themselves (第一责任人, 主要负责人, 述法), not only
/// a duty "履行…职责" that may be the whole government's.
fn names_leaders(title: &str) -> bool {
    [
        "第一责任",
        "责任人",
        "负责人",
        "负责同志",
        "主要领导",
        "述法",
        "党政",
        "主体责任",
    ]
    .iter()
    .any(|w| title.contains(w))
}

/// Label every section of a report in place.
pub fn label_report(report: &mut Report) {
    let year = report.meta.year;
    let n = report.sections.len();
    let mut labels: Vec<Vec<Label>> = vec![Vec::new(); n];
    let roots = report.roots.clone();
    let top: Vec<Vec<Label>> = roots
        .iter()
        .map(|&r| top_parts(&report.section(r).title, year))
        .collect();
    let has_measures = top.iter().any(|p| p.contains(&Label::MeasuresOutcomes));
    for (k, &r) in roots.iter().enumerate() {
        let mut l = top[k].clone();
        let title = &report.section(r).title;
        if l.is_empty() {
            // A thematic top-level heading belongs to the measures (TAXONOMY.md), also
            // beside a measures part of the report's own ("一、深入学习贯彻习近平法治思想"
            // before "二、推进法治政府建设情况"); it carries its topic too.
            l.push(Label::MeasuresOutcomes);
            l.extend(topics(report, r));
        } else if !has_measures && l == [Label::LeaderResponsibility] && !names_leaders(title) {
            // "深入学习贯彻习近平法治思想，切实履行推进法治政府建设工作职责": the duty is
            // the government's own, and with no measures part its work is told here too.
            l.push(Label::MeasuresOutcomes);
        }
        labels[r.index()] = l;
    }
    for i in 0..n {
        let id = SectionId(i as u32);
        let sec = report.section(id);
        if sec.parent.is_none() {
            continue;
        }
        let mut l: Vec<Label> = Vec::new();
        // Parts on deeper sections: only unmistakable cues, and not repeating an ancestor.
        for p in strong_parts(&sec.title) {
            // 计划/问题 words are everyday vocabulary below the top level.
            if !matches!(p, Label::LeaderResponsibility | Label::OtherMatters) {
                continue;
            }
            let mut anc = sec.parent;
            let mut repeated = false;
            while let Some(a) = anc {
                if labels[a.index()].contains(&p) {
                    repeated = true;
                }
                anc = report.section(a).parent;
            }
            if !repeated {
                l.push(p);
            }
        }
        l.extend(topics(report, id));
        labels[i] = l;
    }
    let other_kind = other_document_kind(&report.meta.title);
    if let Some(kind) = other_kind {
        for l in &mut labels {
            l.retain(|x| !x.is_part());
        }
        report.warnings.push(format!(
            "a {kind}, not a 法治政府建设 report: statutory parts not labelled"
        ));
    }
    for (sec, mut l) in report.sections.iter_mut().zip(labels) {
        l.sort();
        l.dedup();
        sec.labels = l;
    }
}

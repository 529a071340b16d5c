//! The front matter: title lines, a cover letter that forwards the document, document
//! number, date and addressee.

use super::*;

/// A cover letter at `start` that forwards the document below it ("现将《…》印发给你们，
/// 请认真贯彻落实。", "现将《…》（附后）随函报送。"), then its signature and date: the
/// index of the block after them, and the letter's blocks with what each is.
pub(super) fn cover_letter(
    blocks: &[Block],
    start: usize,
) -> Option<(usize, Vec<(usize, MetaLineKind)>)> {
    const FORWARDS: &[&str] = &[
        "印发给你们",
        "印发你们",
        "转发给你们",
        "随函",
        "报送",
        "呈报",
        "报上",
        "附后",
    ];
    let mut letter = Vec::new();
    let mut i = start;
    // One to three short paragraphs, one of which forwards a named document.
    let mut forwards = false;
    while let Some(b) = blocks.get(i).filter(|_| i < start + 3) {
        let t = b.text.as_str();
        if b.head.is_some() || char_len(t) > 300 || t.contains("报告如下") {
            return None;
        }
        if meta::is_agency_name(t) || meta::date_line(t).is_some() {
            break;
        }
        forwards |= t.contains('《') && FORWARDS.iter().any(|w| t.contains(w));
        letter.push((i, MetaLineKind::Letter));
        i += 1;
    }
    if !forwards {
        return None;
    }
    // Signed, dated, or both: "某某局" over "2019年11月18日" (a date that lost its 年月日
    // to a copy is eight digits).
    let signed = i;
    while let Some(b) = blocks.get(i).filter(|_| i < signed + 3) {
        let t = b.text.as_str();
        let kind = if meta::date_line(t).is_some()
            || (t.len() == 8 && t.bytes().all(|c| c.is_ascii_digit()) && t.starts_with("20"))
        {
            MetaLineKind::Date
        } else if meta::is_agency_name(t) && i == signed {
            MetaLineKind::Issuer
        } else {
            break;
        };
        letter.push((i, kind));
        i += 1;
        if kind == MetaLineKind::Date {
            break;
        }
    }
    let next = blocks.get(i)?;
    (i > signed && (is_title_line(&next.text) || meta::is_agency_name(&next.text)))
        .then_some((i, letter))
}

/// Consume title lines, document number, bare year, date and addressee at the top.
/// Returns the index of the first body block.
pub(super) fn front_matter(
    blocks: &[Block],
    meta_lines: &mut Vec<MetaLine>,
    top_chrome: usize,
) -> usize {
    // Front matter is a handful of lines; looking further only costs time (the checks
    // below compare runs with each other).
    const FRONT_MAX: usize = 40;
    let blocks = &blocks[..blocks.len().min(FRONT_MAX)];
    // The document's title, if a line near the top is one: whatever stands above it that
    // is not metadata or a letterhead is page furniture.
    // Furniture is short: a long line above a title-like line means it is no title.
    let anchor = blocks
        .iter()
        .take(12)
        .take_while(|b| b.head.is_none())
        .position(|b| is_complete_title(&b.text) && b.line == b.end_line)
        .filter(|&a| blocks[..a].iter().all(|b| char_len(&b.text) <= 80))
        // Above a cover letter's addressee stands the letter's own title, not furniture:
        // the later title is the forwarded document's.
        .filter(|&a| !blocks[..a].iter().any(|b| is_addressee(&b.text)));
    let mut i = 0;
    let mut titles: Vec<(usize, usize)> = Vec::new(); // runs of title blocks [start, end)
    while i < blocks.len() {
        let b = &blocks[i];
        if b.head.is_some() {
            break;
        }
        let t = b.text.as_str();
        let kind = if meta::bare_year(t).is_some() {
            Some(MetaLineKind::Year)
        } else if bracketed_date(t).is_some() || dateline(t).is_some() {
            // Also in brackets under a title ("（2024年1月31日）").
            Some(MetaLineKind::Date)
        } else if char_len(t) <= 40 && !t.contains('。') && meta::find_doc_number(t).is_some() {
            Some(MetaLineKind::DocNumber)
        } else if is_addressee(t) {
            Some(MetaLineKind::Addressee)
        } else if is_foreign_line(t) {
            Some(MetaLineKind::ParallelTitle)
        } else if meta::is_agency_name(t)
            && !titles.is_empty()
            && meta_lines
                .last()
                .is_some_and(|m| matches!(m.kind, MetaLineKind::Date | MetaLineKind::Issuer))
        {
            // A byline under the title and its date ("2023-01-03" / "某某区教育局").
            Some(MetaLineKind::Issuer)
        } else if meta::is_agency_name(t)
            && titles.last().is_some_and(|r| r.1 == i)
            && blocks
                .get(i + 1)
                .is_some_and(|n| bracketed_date(&n.text).is_some() || dateline(&n.text).is_some())
        {
            // The same byline above its date ("某某厅" / "（2024年1月31日）").
            Some(MetaLineKind::Issuer)
        } else {
            None
        };
        if let Some(kind) = kind {
            meta_lines.push(MetaLine {
                line: b.line,
                kind,
                text: t.to_string(),
            });
            i += 1;
            continue;
        }
        let above_title = anchor.is_some_and(|a| i < a);
        // Above the page's chrome: furniture, unless it reads as the document's title (the
        // page title usually stands above 发布时间/来源).
        let above_chrome = b.line < top_chrome && !names_document(t);
        // An agency line right above the title may be its first half ("某某局 / 2024年度…报告").
        // Also a party group's name ("中共某某局党组 / 2022年度…报告").
        let party_group = t.starts_with("中共") && (t.ends_with("党组") || t.ends_with("党委"));
        let title_half = (meta::is_agency_name(t) || party_group)
            && anchor == Some(i + 1)
            && blocks[i + 1].line == b.end_line + 1;
        // Joint issuers over three lines: "中共某某工作委员会 / 某某办事处 / 关于…的报告".
        let joint_half = t.starts_with("中共")
            && meta::is_agency_name(t)
            && anchor == Some(i + 2)
            && meta::is_agency_name(&blocks[i + 1].text)
            && blocks[i + 1].line == b.end_line + 1
            && blocks[i + 2].line == blocks[i + 1].end_line + 1;
        let title_half = title_half || joint_half;
        if (above_title || above_chrome) && !title_half {
            // A site's or agency's name up there is a letterhead.
            meta_lines.push(MetaLine {
                line: b.line,
                kind: if meta::is_agency_name(t) {
                    MetaLineKind::Issuer
                } else {
                    MetaLineKind::Chrome
                },
                text: t.to_string(),
            });
            i += 1;
            continue;
        }
        // A title may have been joined from two or three broken lines ("关于印发…建设" /
        // "工作安排的通知").
        let lines = b.end_line - b.line + 1;
        if is_title_line(t) && (lines == 1 || (lines <= 3 && names_document(t))) {
            // A second complete title right after one (a page title, then the body's
            // own) starts a run of its own.
            let after_complete = i > 0 && is_complete_title(&blocks[i - 1].text);
            // A line the run already says is a copy of part of it (a page title, then
            // the body's title without its agency): a run of its own.
            let repeats = titles.last().is_some_and(|&(s, e)| {
                e == i
                    && blocks[s..e]
                        .iter()
                        .any(|r| is_complete_title(&r.text) && r.text.contains(t))
            });
            match titles.last_mut() {
                // A title line that ends on a joining word ("…建设情况暨") goes on after a
                // blank line too ("2021年工作安排的报告").
                Some(run)
                    if run.1 == i
                        && (!b.blank_before
                            || blocks[i - 1]
                                .text
                                .ends_with(['暨', '和', '及', '与', '的', '、']))
                        && !(after_complete && is_complete_title(t))
                        && !repeats =>
                {
                    run.1 = i + 1
                }
                _ => titles.push((i, i + 1)),
            }
            i += 1;
            continue;
        }
        break;
    }
    // A run only counts as a title if something in it says what the document is, or it
    // is an agency line next to such a run; otherwise it is body (e.g. a first heading).
    let joined: Vec<String> = titles
        .iter()
        .map(|&(s, e)| blocks[s..e].iter().map(|b| b.text.as_str()).collect())
        .collect();
    let mut accepted: Vec<usize> = Vec::new();
    let mut issuers: Vec<usize> = Vec::new();
    for (k, j) in joined.iter().enumerate() {
        // "张店区科技局 / 2024年度…报告": the agency half of a split title. But when the
        // next line names its own agency, this one is a letterhead or site banner.
        let next_names_agency = joined
            .get(k + 1)
            .is_some_and(|n| meta::agency_from_title(n).is_some());
        // On the next source line: a site banner several lines above the title is not
        // half of it.
        let agency_next_to_title = meta::is_agency_name(j)
            && !next_names_agency
            && joined.get(k + 1).is_some_and(|n| names_document(n))
            && titles[k].1 == titles[k + 1].0
            && blocks[titles[k + 1].0].line == blocks[titles[k].1 - 1].end_line + 1;
        // A whole report title may name a part ("…情况及2021年度工作安排的报告"); a
        // first heading that names one is body.
        // So may a notice that issues one ("关于印发…工作安排的通知").
        let report_title = is_complete_title(j)
            && (j.ends_with("报告")
                || j.ends_with("報告")
                || j.ends_with("总结")
                || j.contains("关于"))
            || (j.contains("关于") && j.ends_with("的通知"))
            // And a plan's title that names its place, then its year ("西平县2020年度
            // 法治政府建设工作安排"; a part heading starts with the year or names none).
            || (is_complete_title(j)
                && (j.ends_with("安排") || j.ends_with("要点"))
                && meta::first_year(j).is_some()
                && !j.starts_with(|c: char| c.is_ascii_digit()));
        // A shortened copy of a title above it ("券桥镇2022年度法治政府建设").
        let shortened_copy =
            char_len(j) >= 6 && joined[..k].iter().any(|t| t.starts_with(j.as_str()));
        if names_document(j) && (!is_part_heading(j) || report_title)
            || agency_next_to_title
            || shortened_copy
        {
            accepted.push(k);
        } else if meta::is_agency_name(j) && joined[k + 1..].iter().any(|n| names_document(n)) {
            issuers.push(k);
        } else {
            break;
        }
    }
    for &k in &issuers {
        let (s, e) = titles[k];
        for b in &blocks[s..e] {
            meta_lines.push(MetaLine {
                line: b.line,
                kind: MetaLineKind::Issuer,
                text: b.text.clone(),
            });
        }
    }
    // Everything before the last accepted title run (or the last meta line) is front matter.
    let mut end = accepted.last().map(|&k| titles[k].1).unwrap_or(0).max(
        meta_lines.iter().map(|m| m.line).max().map_or(0, |l| {
            blocks
                .iter()
                .position(|b| b.line > l)
                .unwrap_or(blocks.len())
        }),
    );
    end = end.min(i);
    // A block that is neither metadata nor an accepted title ends the front matter: it
    // is body text, whatever follows it.
    let recorded = |idx: usize| {
        meta_lines.iter().any(|m| m.line == blocks[idx].line)
            || accepted
                .iter()
                .any(|&k| (titles[k].0..titles[k].1).contains(&idx))
    };
    if let Some(first_body) = (0..end).find(|&idx| !recorded(idx)) {
        end = first_body;
    }
    // Meta lines after `end` are not front matter after all.
    meta_lines.retain(|m| {
        blocks
            .iter()
            .position(|b| b.line == m.line)
            .is_some_and(|p| p < end)
    });
    let mut seen: Vec<String> = Vec::new();
    // Of several complete titles (a page title, then the body's own), the last is the
    // document's; the others are kept as duplicates.
    let last_complete = accepted
        .iter()
        .copied()
        .rfind(|&k| titles[k].1 <= end && is_complete_title(&joined[k]));
    for &k in &accepted {
        let (s, e) = titles[k];
        if e > end {
            break;
        }
        let title = &joined[k];
        // (Unless the later one is only part of this one: a title split over two lines
        // after a page title that has it whole.)
        let superseded = last_complete.is_some_and(|l| {
            l != k && is_complete_title(title) && !title.contains(joined[l].as_str())
        });
        let dup = superseded
            || seen
                .iter()
                .any(|t| t.contains(title.as_str()) || title.contains(t.as_str()));
        for b in &blocks[s..e] {
            meta_lines.push(MetaLine {
                line: b.line,
                kind: if dup {
                    MetaLineKind::DuplicateTitle
                } else {
                    MetaLineKind::Title
                },
                text: b.text.clone(),
            });
        }
        seen.push(title.clone());
    }
    meta_lines.sort_by_key(|m| m.line);
    end
}

/// A line that says what document this is (a title, or half of one).
pub(super) fn names_document(s: &str) -> bool {
    [
        "报告", "总结", "情况", "要点", "工作", "年报", "報告", "總結", "情況", "通知", "规划",
        "方案", "解读",
    ]
    .iter()
    .any(|w| s.contains(w))
}

/// A line that is a whole report title by itself: it names the subject and the kind of
/// document ("…法治政府建设情况报告", "…依法行政工作总结", "…法治政府建设工作情况").
pub(super) fn is_complete_title(s: &str) -> bool {
    // A page's date after the title ("…的情况报告 ( 2021年02月10日 )") is no part of it.
    let s = without_trailing_date(s);
    // The ending first: most lines fail it, and it costs least.
    let body = s.strip_suffix('》').unwrap_or(s);
    [
        "报告", "報告", "总结", "總結", "情况", "情況", "要点", "安排", "年报", "解读",
    ]
    .iter()
    .any(|w| body.ends_with(w))
        && s.len() <= 60 * 4
        && (8..=60).contains(&char_len(s))
        && is_title_line(s)
        && parse_marker(s).is_none()
        && ["法治", "依法行政", "法制"].iter().any(|w| s.contains(w))
}

/// `s` without a date in brackets at its end ("…报告 (2025-03-26)", "…报告（2024年1月8日）").
pub(super) fn without_trailing_date(s: &str) -> &str {
    split_trailing_date(s).map_or(s, |(t, _)| t)
}

/// A title and the date in brackets after it, if it ends with one.
pub(super) fn split_trailing_date(s: &str) -> Option<(&str, String)> {
    let t = s.trim_end();
    if !t.ends_with([')', '）']) {
        return None;
    }
    let open = t.rfind(['(', '（'])?;
    let date = bracketed_date(&t[open..])?;
    Some((t[..open].trim_end(), date))
}

/// A date, perhaps in brackets and spaced inside them ("（2024年1月31日）", "( 2021年02月10日 )").
pub(super) fn bracketed_date(s: &str) -> Option<String> {
    meta::date_line(
        s.trim_matches(|c: char| matches!(c, '(' | '（' | ')' | '）') || c.is_whitespace()),
    )
}

/// An agency and a date on one line ("清水县人民政府 2024年01月08日"): the date.
pub(super) fn dateline(s: &str) -> Option<String> {
    let i = s.find(|c: char| c.is_ascii_digit())?;
    meta::is_agency_name(s[..i].trim())
        .then(|| meta::date_line(&s[i..]))
        .flatten()
}

pub(super) fn is_title_line(s: &str) -> bool {
    char_len(s) <= 60 && !has_clause_punct(s) && !s.contains('。') && !starts_enumeration(s)
}

pub(super) fn is_addressee(s: &str) -> bool {
    let Some(name) = s.strip_suffix('：').or_else(|| s.strip_suffix(':')) else {
        return false;
    };
    const BODIES: &[&str] = &[
        "办", "委", "政府", "局", "厅", "领导", "部", "院", "会", "室", "单位",
    ];
    let body = |n: &str| BODIES.iter().any(|w| n.contains(w));
    // A document's title cut at a catalogue label ("某局2024年度…报告 - 文号：").
    if name.contains('。') || name.contains("报告") || char_len(name) > 100 {
        return false;
    }
    if !has_clause_punct(name) {
        return char_len(name) <= 30 && body(name);
    }
    // A list of recipients ("永昌县、金川区人民政府，市政府各部门、单位，…"): every item
    // between commas names a body, and none is a clause.
    name.split(['，', ',', '；', ';'])
        .all(|item| (2..=30).contains(&char_len(item)) && body(item))
}

/// A heading that names one of the statutory parts (strong cue words only).
/// Only the start of a block is looked at: a heading is short, and an inline heading's
/// body does not name its part.
pub(crate) fn is_part_heading(s: &str) -> bool {
    let end = s
        .char_indices()
        .nth(60)
        .map_or(s.len(), |(i, _)| i)
        .min(s.find('。').unwrap_or(s.len()));
    !crate::align::strong_parts(&s[..end]).is_empty()
}

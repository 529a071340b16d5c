//! The report's metadata from what the stages found: title, agency, level, year,
//! date, kind.

use super::*;

/// The year an information-disclosure report covers, from the statistics period it
/// states ("本报告中所列数据统计期限自2022年1月1日起至12月31日止").
pub(super) fn statistics_year(s: &str) -> Option<u16> {
    ["统计期限", "统计期间", "统计时限", "统计时间"]
        .iter()
        .find_map(|w| {
            let at = text::prefix(s, 8_000).find(w)? + w.len();
            meta::first_year(text::prefix(&s[at..], 60))
        })
}

/// Title, agency, region, level, year, date, document number.
/// What the page chrome said about the document.
pub(super) struct Chrome {
    pub(super) date: Option<String>,
    pub(super) source: Option<String>,
    pub(super) title: Option<String>,
    pub(super) doc_number: Option<String>,
}

pub(super) fn fill_meta(
    report: &mut Report,
    signature: &[String],
    chrome: Chrome,
    full_text: &str,
) {
    let Chrome {
        date: chrome_date,
        source,
        title: chrome_title,
        doc_number: chrome_doc_number,
    } = chrome;
    let title_lines: Vec<&str> = report
        .meta_lines
        .iter()
        .filter(|m| m.kind == MetaLineKind::Title)
        .map(|m| m.text.as_str())
        .collect();
    let mut title: String = title_lines.concat();
    // A site's column tag before the title ("【文字解读】《…》文件解读", "【省政府法治建设报告】")
    // is the site's.
    if let Some(rest) = title.strip_prefix('【')
        && let Some(close) = rest.find('】')
        && char_len(&rest[..close]) <= 12
        && char_len(&rest[close + '】'.len_utf8()..]) >= 6
    {
        title = rest[close + '】'.len_utf8()..].to_string();
    }
    // A site's banner run into the title ("某某之家—全网资源每日更新www.example.com湖北省…报告"):
    // the title starts after the site's address.
    if let Some(at) = [".com", ".cn", ".net", ".org"]
        .iter()
        .filter_map(|d| title.find(d).map(|i| i + d.len()))
        .max()
        && is_complete_title(&title[at..])
    {
        title = title[at..].to_string();
    }
    // A news headline: "…情况报告发布", "…报告全文".
    for tail in ["发布", "公布", "出炉", "全文"] {
        if let Some(t) = title.strip_suffix(tail)
            && t.ends_with("报告")
        {
            title.truncate(t.len());
        }
    }
    // A page's date written after its title: "…情况报告 (2025-03-26)".
    let mut title_date = None;
    if let Some((rest, d)) = split_trailing_date(&title) {
        title_date = Some(d);
        title.truncate(rest.len());
    }
    // No title line, but the catalogue names the document, or an encyclopedia's lead
    // sentence does ("《某某市人民政府2018年度…报告》是2019年…发布的通知。", clean.rs).
    let title_from_chrome = title.is_empty() && chrome_title.is_some();
    if title_from_chrome {
        title = chrome_title.unwrap_or_default();
    }
    // A document number run into the title ("[某政发〔2026〕7号]某某市人民政府关于…").
    if let Some(n) = meta::find_doc_number(&title)
        && let Some(at) = title.find(n.as_str())
        && title[..at]
            .trim_start_matches(['[', '【', '(', '（'])
            .is_empty()
    {
        let rest = title[at + n.len()..].trim_start_matches([']', '】', ')', '）', ' ']);
        if is_complete_title(rest) {
            title = rest.to_string();
        }
    }
    let doc_number = report
        .meta_lines
        .iter()
        .find(|m| m.kind == MetaLineKind::DocNumber)
        .and_then(|m| meta::find_doc_number(&m.text))
        .or(chrome_doc_number);

    let lines_of = |k: MetaLineKind| -> Vec<&str> {
        report
            .meta_lines
            .iter()
            .filter(|m| m.kind == k)
            .map(|m| m.text.as_str())
            .collect()
    };
    let issuers = lines_of(MetaLineKind::Issuer);
    let addressees = lines_of(MetaLineKind::Addressee);
    let body: Vec<&str> = report
        .sections
        .iter()
        .take(3)
        .map(|s| s.text.as_str())
        .collect();
    let id = identity::resolve(&identity::Evidence {
        title: &title,
        issuers: &issuers,
        signature,
        addressees: &addressees,
        preamble: report.preamble.as_deref(),
        body: &body,
        chrome_source: source.as_deref(),
        full_text,
    });
    let agency = id.agency.clone();
    let region = id.region.clone();
    let level = id.level;
    let mut prov = crate::corpus::Provenance {
        agency: id.agency_src,
        level: id.level_src,
        ..Default::default()
    };

    // Year reported on: title, preamble, a bare year line, then a plan section's year − 1.
    let plan_year = report.sections.iter().find_map(|s| {
        (s.level == 1
            && crate::align::strong_parts(&s.title).contains(&crate::corpus::Label::NextYearPlan))
        .then(|| meta::first_year(&s.title))
        .flatten()
        .map(|y| y - 1)
    });
    let tag = |src: &'static str| move |y| (y, src);
    let year = meta::first_year(&title)
        .map(tag("title_line"))
        .or_else(|| {
            report
                .preamble
                .as_deref()
                .and_then(|p| meta::leading_year(p).or_else(|| meta::first_year(p)))
                .map(tag("preamble"))
        })
        .or_else(|| {
            report.meta_lines.iter().find_map(|m| {
                (m.kind == MetaLineKind::Year)
                    .then(|| meta::bare_year(&m.text))
                    .flatten()
                    .map(tag("preamble"))
            })
        })
        .or(plan_year.map(tag("inferred")))
        .or_else(|| {
            report
                .sections
                .iter()
                .take(3)
                .find_map(|s| meta::leading_year(&s.text).or_else(|| meta::first_year(&s.title)))
                .map(tag("body"))
        })
        .or_else(|| {
            // No dated opening: the year the body names most ("2022年我镇新制发…").
            meta::most_named_year(text::prefix(full_text, 24_000)).map(tag("inferred"))
        });
    prov.year = year.map(|(_, s)| s);
    let year = year.map(|(y, _)| y);

    let date = signature
        .iter()
        .rev()
        .find_map(|l| meta::date_line(l))
        .map(|d| (d, "signature"))
        .or_else(|| {
            report.meta_lines.iter().find_map(|m| {
                // "2024年1月8日", or a dateline "某某县人民政府 2024年01月08日".
                let dated = |t: &str| bracketed_date(t).or_else(|| dateline(t));
                (m.kind == MetaLineKind::Date)
                    .then(|| dated(&m.text))
                    .flatten()
                    .map(|d| (d, "preamble"))
            })
        })
        .or_else(|| {
            // A cover letter's own date line, between its text and the document it
            // forwards.
            report
                .preamble
                .as_deref()?
                .lines()
                .take(12)
                .find_map(meta::date_line)
                .map(|d| (d, "preamble"))
        })
        .or(title_date.map(|d| (d, "title_line")))
        .or(chrome_date.map(|d| (d, "chrome")));
    prov.date = date.as_ref().map(|(_, s)| *s);
    let date = date.map(|(d, _)| d);
    if let (Some(d), Some(y)) = (&date, year)
        && d[..4].parse::<u16>().is_ok_and(|dy| dy < y)
    {
        report.warnings.push(format!(
            "date {d} is earlier than the year reported on ({y})"
        ));
    }

    prov.title = Some(if title.is_empty() {
        if agency.is_none() && year.is_none() {
            "file_name"
        } else {
            "inferred"
        }
    } else if title_from_chrome {
        "chrome"
    } else {
        "title_line"
    });
    let (title, derived) = if title.is_empty() {
        let composed = match (&agency, year) {
            (Some(a), Some(y)) => format!("{a}{y}年度法治政府建设情况报告"),
            (Some(a), None) => format!("{a}法治政府建设情况报告"),
            (None, Some(y)) => format!("{y}年度法治政府建设情况报告"),
            (None, None) => file_name_title(&report.path),
        };
        (composed, true)
    } else {
        (title, false)
    };
    report.meta = ReportMeta {
        title,
        title_derived: derived,
        agency,
        region,
        level,
        year,
        date,
        doc_number,
        source,
        agency_key: id.agency_key,
        region_chain: id.region_chain,
        provenance: prov,
        // Decided once the sections are labelled (see `parse`).
        kind: "report",
    };
}

/// A title from the file's name, for a document that gives none of its own.
pub(super) fn file_name_title(path: &str) -> String {
    let stem = path.rsplit(['/', '\\', ':']).next().unwrap_or(path);
    // A file name is not the document's text: it never passed decoding's filter, so it
    // becomes a display field only through Safe.
    crate::safe::Safe::line(stem.trim_end_matches(".txt").trim_end_matches(".md")).into_string()
}

/// The report a wire's news item announces, as the item names it: "中新网太原3月17日电
/// …2025年山西省法治政府建设情况报告发布。" → "2025年山西省法治政府建设情况报告".
pub(super) fn announced_report(preamble: Option<&str>) -> Option<String> {
    let lead = preamble?
        .split('\n')
        .take(3)
        .find(|l| clean::is_wire_lead(l))?;
    let sentence = lead.split('。').find(|s| s.contains("报告"))?;
    let end = sentence.find("报告")? + "报告".len();
    let clause = sentence[..end].rsplit(['，', ',', ' ', '）', ')']).next()?;
    let clause = clause.rsplit("日电").next().unwrap_or(clause);
    (clause.chars().count() >= 6 && meta::first_year(clause).is_some()).then(|| clause.to_string())
}

/// What kind of document this is: a 法治政府建设 report, a 政府信息公开 annual report, a
/// plan (工作要点, 工作安排, 工作计划), or something else (a notice, an explainer, a README).
pub(super) fn document_kind(title: &str, report: &Report) -> &'static str {
    // What the document calls itself: its title, else its first lines.
    let head: String = report
        .meta_lines
        .iter()
        .map(|m| m.text.as_str())
        .chain(
            report
                .preamble
                .as_deref()
                .map(|p| p.split('\n').next().unwrap_or(p)),
        )
        .collect::<Vec<_>>()
        .join("\n")
        .chars()
        .take(120)
        .collect();
    let t = if title.is_empty() {
        head.as_str()
    } else {
        title
    };
    let has = |w: &[&str]| w.iter().any(|x| t.contains(x));
    if has(&[
        "信息公开工作年度报告",
        "信息公开年度报告",
        "信息公开年报",
        "信息公開工作年度報告",
    ]) {
        return "info_disclosure";
    }
    // Only a title says "this is a notice / a plan"; a preamble cites such documents.
    let titled = !title.is_empty();
    if titled
        && has(&["政策解读", "解读", "的通知", "实施方案", "示范创建"])
        && !t.ends_with("报告")
    {
        return "other";
    }
    // Untitled, but its opening says it explains another document ("现作如下解读").
    if !titled && has(&["如下解读", "解读如下"]) {
        return "other";
    }
    if titled && has(&["工作要点", "工作安排", "工作计划"]) && !has(&["报告", "報告"])
    {
        return "plan";
    }
    let opening: Vec<&str> = report
        .preamble
        .as_deref()
        .map(|p| p.split('\n').take(3).collect())
        .unwrap_or_default();
    // A wire's news item about a report ("中新网太原3月17日电 …报告发布。"), not a reprint
    // of it ("…发布…报告。具体报告如下：").
    if opening
        .iter()
        .any(|l| clean::is_wire_lead(l) && !["如下", "全文"].iter().any(|w| l.contains(w)))
    {
        return "other";
    }
    // Untitled, and its opening says what it is: "…结合自治区实际，制定本方案。"
    if !titled
        && let Some(first) = opening.first()
        && let Some(sentence) = first.split('。').next()
        && ["制定本方案", "制定本实施方案", "制定本计划", "制定本要点"]
            .iter()
            .any(|w| sentence.ends_with(w))
    {
        return "plan";
    }
    let parts: std::collections::HashSet<crate::corpus::Label> = report
        .sections
        .iter()
        .flat_map(|s| s.labels.iter().copied())
        .filter(|l| l.is_part())
        .collect();
    // Otherwise a report, unless nothing in it speaks of law-based government (a README,
    // an article on another subject).
    let body_mentions = report
        .preamble
        .iter()
        .map(String::as_str)
        .chain(report.sections.iter().take(4).map(|s| s.title.as_str()))
        .any(|x| ["法治", "依法行政", "法制"].iter().any(|w| x.contains(w)));
    if !parts.is_empty() || body_mentions || has(&["法治", "依法行政"]) {
        "report"
    } else {
        "other"
    }
}

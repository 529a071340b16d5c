//! The same section across agencies, compare mode and the coverage matrix, through the
//! real app on the samples (keys in, rendered screen out), and the CLI.
use baogao::corpus::Label;
use baogao::ingest::load_samples;
use baogao::ui::app::{App, Pane, View};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::process::Command;
use unicode_width::UnicodeWidthStr;

mod common;
use common::screen;

fn key(a: &mut App, c: char) {
    a.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

fn app() -> App {
    let mut a = App::new(load_samples());
    screen(&mut a, 120, 40);
    a
}

fn current_section(a: &mut App) -> (usize, String, u8) {
    let id = a.section_at_scroll().unwrap();
    let s = a.report().unwrap().section(id);
    (a.current.unwrap(), s.title.clone(), s.level)
}

#[test]
fn bracket_visits_every_leader_part_and_comes_back() {
    let mut a = app();
    // 000's first part is the leader part: open it from the tree into the viewer.
    a.focus = Pane::Tree;
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(a.focus, Pane::Viewer);
    let start = current_section(&mut a);
    assert_eq!(start.0, 0);
    assert!(start.1.contains("第一责任人"), "{start:?}");
    let mut seen = vec![start.clone()];
    for _ in 0..4 {
        key(&mut a, ']');
        screen(&mut a, 120, 40);
        let here = current_section(&mut a);
        let id = a.section_at_scroll().unwrap();
        let labels = &a.report().unwrap().section(id).labels;
        assert!(
            labels.contains(&Label::LeaderResponsibility),
            "{here:?} {labels:?}"
        );
        seen.push(here);
    }
    let reports: Vec<usize> = seen.iter().map(|s| s.0).collect();
    assert_eq!(reports, [0, 1, 2, 3, 4]);
    // In 004 the leader part is the second-level section （一）.
    assert_eq!(seen[4].2, 2);
    assert!(seen[4].1.contains("第一责任人职责"), "{:?}", seen[4]);
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("高青县科学技术局 › 强队伍建设"), "{s}");
    // And back.
    for k in (0..4).rev() {
        key(&mut a, '[');
        assert_eq!(current_section(&mut a).0, k);
    }
}

#[test]
fn compare_000_and_002_at_the_next_year_plan() {
    let mut a = app();
    // By keys: 000's plan part from the tree, `c` (right side: the next report, 001),
    // `]` steps the right side to 002.
    a.focus = Pane::Tree;
    key(&mut a, 'G');
    for _ in 0..4 {
        key(&mut a, 'k');
    }
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(
        current_section(&mut a)
            .1
            .contains("2025年推进法治政府建设主要计划安排")
    );
    key(&mut a, 'c');
    key(&mut a, ']');
    let View::Compare(cv) = &a.view else { panic!() };
    assert_eq!((cv.label, cv.sides), (Label::NextYearPlan, [0, 2]));
    let s = screen(&mut a, 120, 30);
    assert!(s.contains("下一年度主要安排 相似 "), "{s}");
    assert!(s.contains("· 张店区科技局 2024"), "{s}");
    assert!(
        s.contains("下一年度主要安排 · 于田县科学技术局 2024"),
        "{s}"
    );
    assert!(s.contains("2025年推进法治政府建设主要计划安排"));
    assert!(s.contains("2025年推进法治政府建设的主要安排"));
    assert!(s.contains("相似 "), "{s}");
    let View::Compare(cv) = &a.view else { panic!() };
    assert!(
        cv.similarity > 0 && cv.similarity < 100,
        "{}",
        cv.similarity
    );
    // Scrolling moves both sides together; `s` unlinks them.
    key(&mut a, 'j');
    key(&mut a, 'j');
    let View::Compare(cv) = &a.view else { panic!() };
    assert_eq!(cv.scroll, [2, 2]);
    key(&mut a, 's');
    key(&mut a, 'j');
    let View::Compare(cv) = &a.view else { panic!() };
    assert_eq!(cv.scroll, [2, 3]);
    // Swap sides, step the right side on, leave.
    key(&mut a, 'x');
    let View::Compare(cv) = &a.view else { panic!() };
    assert_eq!(cv.sides, [2, 0]);
    key(&mut a, ']');
    let View::Compare(cv) = &a.view else { panic!() };
    assert_eq!(cv.sides, [2, 1]);
    key(&mut a, '}');
    let View::Compare(cv) = &a.view else { panic!() };
    assert_eq!(cv.sides, [3, 1], "the left side steps too");
    a.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert!(matches!(a.view, View::Reader));
}

#[test]
fn coverage_matrix_shows_nesting_and_opens_a_cell() {
    let mut a = app();
    key(&mut a, 'C');
    let s = screen(&mut a, 120, 30);
    assert!(s.contains("覆盖情况"), "{s}");
    let row_004 = s.lines().find(|l| l.contains("高青县科学技术局")).unwrap();
    // Columns: measures, leader, shortcomings, plan, other matters.
    let cells: Vec<&str> = row_004.split_whitespace().collect();
    assert!(cells.iter().any(|c| c.starts_with("·█")), "{row_004}");
    for line in s
        .lines()
        .filter(|l| l.contains("科") && l.contains("局 20"))
    {
        assert!(
            line.contains('—'),
            "other_matters should be missing: {line}"
        );
    }
    // Enter on 004 × leader_responsibility opens （一）.
    for _ in 0..4 {
        key(&mut a, 'j');
    }
    key(&mut a, 'l');
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(matches!(a.view, View::Reader));
    let (report, title, level) = current_section(&mut a);
    assert_eq!((report, level), (4, 2));
    assert!(title.contains("第一责任人职责"));
}

#[test]
fn compare_and_coverage_on_the_command_line() {
    let bin = env!("CARGO_BIN_EXE_baogao");
    let out = Command::new(bin)
        .args([
            "compare",
            "1",
            "3",
            "--label",
            "next_year_plan",
            "--width",
            "80",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("next_year_plan"), "{text}");
    assert!(text.contains("similarity"));
    for line in text.lines() {
        assert!(line.width() <= 80, "{line}");
    }
    let out = Command::new(bin)
        .args(["coverage", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r4 = &v["reports"][4];
    assert_eq!(r4["cells"]["leader_responsibility"]["top_level"], false);
    assert_eq!(r4["missing_parts"][0], "leader_responsibility");
    for r in v["reports"].as_array().unwrap() {
        assert!(r["cells"]["other_matters"].is_null());
    }
}

#[test]
fn across_agencies_lists_every_version_and_opens_one() {
    let mut a = app();
    a.focus = Pane::Tree;
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    key(&mut a, 'a');
    let s = screen(&mut a, 120, 20);
    assert!(s.contains("5/5 份有此部分"), "{s}");
    for agency in [
        "张店区科技局",
        "枣庄市科技局",
        "于田县科学技术局",
        "重庆市大足区科学技术局",
        "高青县科学技术局",
    ] {
        assert!(s.contains(agency), "{agency}: {s}");
    }
    assert!(
        s.contains("▶ 张店区科技局"),
        "the current report is marked: {s}"
    );
    key(&mut a, 'G');
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let (report, title, _) = current_section(&mut a);
    assert_eq!(report, 4);
    assert!(title.contains("第一责任人职责"), "{title}");
}

/// `]` passes over reports that lack the section and says how many it passed; `[` does
/// the same the other way. Before, it stopped for good at the first one without it.
#[test]
fn bracket_skips_reports_without_the_section_and_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let report = |agency: &str, parts: &[(&str, &str)]| {
        let mut t = format!(
            "{agency}2023年度法治政府建设情况报告\n2023年，{agency}认真推进法治政府建设。现将有关情况报告如下：\n"
        );
        for (k, (head, body)) in parts.iter().enumerate() {
            let n = ["一", "二", "三"][k];
            t.push_str(&format!("{n}、{head}\n{body}\n"));
        }
        t
    };
    let shortcomings = (
        "存在的不足和原因",
        "基层执法力量薄弱，执法人员专业化程度不高。",
    );
    let without = [
        (
            "主要举措和成效",
            "全年开展行政执法检查四十余次，办结案件一百二十件。",
        ),
        (
            "下一年度工作安排",
            "持续推进行政复议规范化建设，加强法治宣传教育。",
        ),
    ];
    let files = [
        report("桐庐县司法局", &[shortcomings, without[1]]),
        report("建德市司法局", &without),
        report("淳安县司法局", &without),
        report("富阳区司法局", &[without[0], shortcomings]),
    ];
    for (i, f) in files.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), f).unwrap();
    }
    let corpus = baogao::ingest::load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.reports.len(), 4);
    let mut a = App::new(corpus);
    screen(&mut a, 120, 40);
    a.focus = Pane::Tree;
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let agency = |a: &App| a.report().unwrap().meta.agency.clone().unwrap();
    assert_eq!(agency(&a), "桐庐县司法局");
    assert!(current_section(&mut a).1.contains("不足"));

    key(&mut a, ']');
    let s = screen(&mut a, 120, 40);
    assert_eq!(agency(&a), "富阳区司法局");
    assert!(current_section(&mut a).1.contains("不足"));
    assert!(s.contains("跳过 2 份没有此部分的报告"), "{s}");

    // Round the end, and back the other way.
    key(&mut a, ']');
    assert_eq!(agency(&a), "桐庐县司法局");
    key(&mut a, '[');
    let s = screen(&mut a, 120, 40);
    assert_eq!(agency(&a), "富阳区司法局");
    assert!(!s.contains("跳过"), "{s}");
    key(&mut a, '[');
    let s = screen(&mut a, 120, 40);
    assert_eq!(agency(&a), "桐庐县司法局");
    assert!(s.contains("跳过 2 份没有此部分的报告"), "{s}");

    // `a` lists the reports that have the section, and says how many of all do.
    key(&mut a, 'a');
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("2/4 份有此部分"), "{s}");
    assert!(
        s.contains("▶ 桐庐县司法局") && s.contains("富阳区司法局"),
        "{s}"
    );
    assert!(
        !s.contains("建德市司法局") && !s.contains("没有此部分"),
        "{s}"
    );
    key(&mut a, 'j');
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(agency(&a), "富阳区司法局");
    assert!(current_section(&mut a).1.contains("不足"));
}

#[test]
fn compare_and_coverage_are_whole_at_80_by_24() {
    // Compare: the similarity stays in view.
    let mut a = app();
    a.focus = Pane::Tree;
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    key(&mut a, 'c');
    let s = screen(&mut a, 80, 24);
    let View::Compare(cv) = &a.view else {
        panic!("compare is open")
    };
    assert!(s.contains(&format!("相似 {}%", cv.similarity)), "{s}");

    // Coverage: every column can be reached, its name shows, and the selection stays.
    let mut a = app();
    key(&mut a, 'C');
    let columns = match &a.view {
        View::Coverage(cv) => cv.columns.clone(),
        _ => panic!("coverage is open"),
    };
    let header = |a: &mut App| screen(a, 80, 24).lines().nth(1).unwrap().to_string();
    let name =
        |l: Label, h: &str| h.contains(l.zh()) || l.short_names().iter().any(|n| h.contains(n));
    let last = *columns.last().unwrap();
    assert!(
        columns.len() > 6,
        "the samples have more columns than 80 columns hold"
    );
    assert!(!name(last, &header(&mut a)), "{}", header(&mut a));
    assert!(header(&mut a).contains('›'), "more columns are signalled");
    for (i, &l) in columns.iter().enumerate() {
        let h = header(&mut a);
        assert!(name(l, &h), "column {i} ({}) hidden: {h}", l.zh());
        assert!(matches!(&a.view, View::Coverage(cv) if cv.col == i));
        key(&mut a, 'l');
    }
    assert!(name(last, &header(&mut a)));
    assert!(header(&mut a).contains('‹'));
    // Enter opens the selected report at the selected (last) column's part, or says it
    // has none.
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(matches!(a.view, View::Reader) || a.status.is_some());
}

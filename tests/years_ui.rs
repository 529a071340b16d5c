//! One agency across years in the reader: `(` / `)` go to the same section in the same
//! agency's previous / next year, `p` compares this year with the last. The reports are
//! written here (invented text in the shape of real ones); the agency is spelled two ways
//! across the years (科学技术局, 科技局), which its `agency_key` makes one.

use baogao::corpus::Corpus;
use baogao::ingest::parse_bytes;
use baogao::ui::app::{App, Pane, View};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod common;

fn report(name: &str, agency: &str, year: u16, plan: &str) -> baogao::corpus::Report {
    let text = format!(
        "{agency}{year}年法治政府建设年度报告\n\n{year}年，{agency}坚持依法行政，现将有关情况报告如下。\n\n\
         一、推进法治政府建设的主要举措和成效\n\n（一）健全依法决策机制\n\n全年审查重大行政决策{n}件。\n\n\
         二、存在的不足和原因\n\n执法队伍专业化水平有待提高。\n\n\
         三、下一年度推进法治政府建设的主要安排\n\n{plan}\n",
        n = year - 2019,
    );
    parse_bytes(name, text.as_bytes()).expect("parses")
}

fn app() -> App {
    let reports = vec![
        report("a.txt", "青岛市市南区科学技术局", 2022, "完善合法性审查。"),
        report("b.txt", "青岛市市南区司法局", 2023, "加强行政复议。"),
        report("c.txt", "青岛市市南区科技局", 2024, "推进执法规范化。"),
        report("d.txt", "青岛市市南区科学技术局", 2023, "建设法治机关。"),
        // Between 科技局 (ke ji) and 科学技术局 (ke xue) in pinyin: only the key keeps
        // the one agency's years together.
        report("e.txt", "青岛市市南区科协", 2023, "开展科普活动。"),
    ];
    let mut a = App::new(Corpus {
        reports,
        errors: Vec::new(),
    });
    screen(&mut a);
    a
}

fn screen(a: &mut App) -> String {
    common::screen(a, 120, 40)
}

fn ch(a: &mut App, c: char) {
    a.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    screen(a);
}

fn open_plan_section(a: &mut App, file: &str) {
    let i = a
        .list
        .order
        .iter()
        .position(|&r| a.corpus.reports[r].path == file)
        .unwrap();
    a.list.sel = i;
    a.focus = Pane::List;
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    // The tree: the third part (the plan).
    a.focus = Pane::Tree;
    for _ in 0..3 {
        ch(a, 'j');
    }
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    screen(a);
}

fn path(a: &App) -> &str {
    &a.corpus.reports[a.current.unwrap()].path
}

#[test]
fn the_key_joins_the_two_spellings_of_one_agency() {
    let a = app();
    let key = |f: &str| {
        a.corpus
            .reports
            .iter()
            .find(|r| r.path == f)
            .unwrap()
            .meta
            .agency_key
            .clone()
    };
    assert!(key("a.txt").is_some());
    assert_eq!(
        key("a.txt"),
        key("c.txt"),
        "科学技术局 and 科技局 of one district"
    );
    assert_ne!(key("a.txt"), key("b.txt"), "司法局 is another agency");
}

#[test]
fn parens_walk_one_agency_through_its_years_at_the_same_section() {
    let mut a = app();
    open_plan_section(&mut a, "d.txt");
    let title = |a: &App| {
        let s = a.section_at_scroll().unwrap();
        a.report().unwrap().section(s).title.clone()
    };
    assert!(title(&a).contains("下一年度"), "{}", title(&a));
    a.focus = Pane::Viewer;
    ch(&mut a, ')');
    assert_eq!(
        path(&a),
        "c.txt",
        "2023 → 2024 of the same agency, not 司法局"
    );
    assert!(title(&a).contains("下一年度"));
    assert!(screen(&mut a).contains("2024年 ›"), "the status says where");
    ch(&mut a, ')');
    assert_eq!(path(&a), "c.txt", "no later year: stays");
    assert!(screen(&mut a).contains("没有更晚年度的报告"));
    ch(&mut a, '(');
    ch(&mut a, '(');
    assert_eq!(path(&a), "a.txt", "2024 → 2023 → 2022");
    assert!(title(&a).contains("下一年度"));
    // Ctrl-o comes back along the way.
    a.on_key(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL));
    assert_eq!(path(&a), "d.txt");
}

#[test]
fn p_compares_this_year_with_the_last_at_the_same_part() {
    let mut a = app();
    open_plan_section(&mut a, "c.txt");
    a.focus = Pane::Viewer;
    ch(&mut a, 'p');
    let View::Compare(cv) = &a.view else {
        panic!("p opens compare")
    };
    let sides: Vec<&str> = cv
        .sides
        .iter()
        .map(|&i| a.corpus.reports[i].path.as_str())
        .collect();
    assert_eq!(sides, ["d.txt", "c.txt"], "last year on the left");
    assert_eq!(cv.label, baogao::corpus::Label::NextYearPlan);
    let s = screen(&mut a);
    assert!(
        s.contains("建设法治机关") && s.contains("推进执法规范化"),
        "{s}"
    );
    // From the earliest year there is none to compare with.
    ch(&mut a, 'q');
    open_plan_section(&mut a, "a.txt");
    a.focus = Pane::Viewer;
    ch(&mut a, 'p');
    assert!(matches!(a.view, View::Reader));
    assert!(screen(&mut a).contains("没有更早年度的报告"));
}

#[test]
fn sorting_by_agency_keeps_one_agency_s_years_together_newest_first() {
    let mut a = app();
    a.focus = Pane::List;
    ch(&mut a, 's'); // by agency
    let shown: Vec<&str> = a
        .list
        .order
        .iter()
        .map(|&r| a.corpus.reports[r].path.as_str())
        .collect();
    let at = |f: &str| shown.iter().position(|&p| p == f).unwrap();
    // 2024 科技局, 2023 and 2022 科学技术局: adjacent, newest first; 司法局 apart.
    assert_eq!(
        (at("d.txt"), at("a.txt")),
        (at("c.txt") + 1, at("c.txt") + 2),
        "{shown:?}"
    );
    assert!(
        at("b.txt") < at("c.txt") || at("b.txt") > at("a.txt"),
        "{shown:?}"
    );
}

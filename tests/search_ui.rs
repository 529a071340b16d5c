//! The palette and full-text search through the real app: keys in, the viewer shows the
//! section. Indexes are built in the background as in the terminal; tests wait for them.
use baogao::ingest::load_samples;
use baogao::ui::app::{App, Pane};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod common;

fn screen(app: &mut App) -> String {
    common::screen(app, 120, 40)
}

fn app() -> App {
    let mut a = App::new(load_samples());
    screen(&mut a);
    a.wait_for_indexes();
    a
}

fn press(a: &mut App, code: KeyCode, m: KeyModifiers) {
    a.on_key(KeyEvent::new(code, m));
}

fn typed(a: &mut App, s: &str) {
    for c in s.chars() {
        press(a, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn palette(a: &mut App, q: &str) {
    press(a, KeyCode::Char('p'), KeyModifiers::CONTROL);
    typed(a, q);
}

/// The title of the section at the top of the viewer.
fn top_section(a: &mut App) -> String {
    let id = a.section_at_scroll().expect("a section on top");
    a.report().unwrap().section(id).title.clone()
}

#[test]
fn palette_chinese_pinyin_and_initials_open_the_section() {
    for q in ["普法宣传", "pufaxuanchuan", "pfxc"] {
        let mut a = app();
        palette(&mut a, q);
        let s = screen(&mut a);
        assert!(s.contains("加强普法宣传工作"), "{q}: {s}");
        press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
        assert!(a.overlay().is_none());
        assert_eq!(a.focus, Pane::Viewer);
        assert!(top_section(&mut a).contains("普法宣传"), "{q}");
        // The viewer shows it at the top.
        let s = screen(&mut a);
        assert!(s.lines().nth(2).unwrap().contains("普法宣传"), "{q}:\n{s}");
    }
}

#[test]
fn palette_filters_by_agency_and_label() {
    let mut a = app();
    palette(&mut a, "@gq 法治");
    let o = a.overlay().cloned().unwrap();
    assert!(!o.palette_hits.is_empty());
    assert!(o.palette_hits.iter().all(|h| h.at.report == 4));
    press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
    palette(&mut a, "#不足");
    let o = a.overlay().cloned().unwrap();
    assert_eq!(o.palette_hits.len(), 5);
    for h in &o.palette_hits {
        let s = a.corpus.reports[h.at.report as usize].section(h.at.section);
        assert!(s.labels.iter().any(|l| l.key() == "shortcomings"));
    }
}

#[test]
fn esc_restores_and_ctrl_o_returns() {
    let mut a = app();
    a.focus = Pane::Viewer;
    for _ in 0..7 {
        typed(&mut a, "j");
    }
    let (report, scroll) = (a.current, a.viewer.scroll);
    palette(&mut a, "gaoqing");
    press(&mut a, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_ne!(
        (a.current, a.viewer.scroll),
        (report, scroll),
        "the selection previews"
    );
    press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!((a.current, a.viewer.scroll), (report, scroll));
    palette(&mut a, "pfxc");
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    assert_ne!((a.current, a.viewer.scroll), (report, scroll));
    press(&mut a, KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert_eq!((a.current, a.viewer.scroll), (report, scroll));
    // History: Ctrl-r recalls the last query (↑/↓ move the selection).
    press(&mut a, KeyCode::Char('p'), KeyModifiers::CONTROL);
    press(&mut a, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(a.overlay().unwrap().input.as_str(), "pfxc");
}

#[test]
fn full_text_phrase_jumps_to_the_hit_and_n_walks() {
    let mut a = app();
    press(&mut a, KeyCode::Char('F'), KeyModifiers::SHIFT);
    typed(&mut a, "\"谁执法谁普法\"");
    let s = screen(&mut a);
    let o = a.overlay().cloned().unwrap();
    assert!(!o.text_hits.is_empty(), "{s}");
    assert!(s.contains("谁执法谁普法"), "{s}");
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    let se = a
        .viewer
        .search
        .clone()
        .expect("the phrase is highlighted in the report");
    assert_eq!(se.query, "谁执法谁普法");
    assert!(se.cur.is_some());
    let s = screen(&mut a);
    assert!(s.contains("谁执法谁普法"), "{s}");
    let before = se.cur;
    typed(&mut a, "n");
    let n = a.viewer.search.as_ref().unwrap().hits.len();
    if n > 1 {
        assert_ne!(a.viewer.search.as_ref().unwrap().cur, before);
    }
}

#[test]
fn a_query_typed_before_the_index_is_ready_runs_when_it_is() {
    let mut a = App::new(load_samples());
    screen(&mut a);
    press(&mut a, KeyCode::Char('F'), KeyModifiers::SHIFT);
    typed(&mut a, "普法");
    a.wait_for_indexes();
    assert!(!a.overlay().unwrap().text_hits.is_empty());
}

#[test]
fn the_palette_edits_and_moves_as_fzf_does() {
    let mut a = app();
    palette(&mut a, "fazhi");
    let s = screen(&mut a);
    let n = a.overlay().unwrap().palette_hits.len();
    assert!(n > 2, "{s}");
    assert!(s.contains(&format!("{n} 个结果")), "the count shows: {s}");
    // ↓ / ↑ move the selection; the query stays.
    press(&mut a, KeyCode::Down, KeyModifiers::NONE);
    press(&mut a, KeyCode::Down, KeyModifiers::NONE);
    press(&mut a, KeyCode::Up, KeyModifiers::NONE);
    let o = a.overlay().unwrap();
    assert_eq!((o.sel, o.input.as_str()), (1, "fazhi"));
    let input = |a: &App| a.overlay().unwrap().input.as_str().to_string();
    // Readline keys: Ctrl-w a word, ←/→ inside the query, Ctrl-a / Ctrl-e, Ctrl-u.
    typed(&mut a, " pufa");
    press(&mut a, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(input(&a), "fazhi ");
    press(&mut a, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(input(&a), "");
    typed(&mut a, "pufa");
    press(&mut a, KeyCode::Left, KeyModifiers::NONE);
    press(&mut a, KeyCode::Left, KeyModifiers::NONE);
    typed(&mut a, "x");
    assert_eq!(input(&a), "puxfa");
    press(&mut a, KeyCode::Char('a'), KeyModifiers::CONTROL);
    typed(&mut a, "@");
    press(&mut a, KeyCode::Char('e'), KeyModifiers::CONTROL);
    press(&mut a, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(input(&a), "@puxf");
    press(&mut a, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(input(&a), "");
    // Letters are text here, never bindings.
    typed(&mut a, "qjk");
    assert_eq!(input(&a), "qjk");
    assert!(!a.quitting());
    // Ctrl-c closes the palette (back where it opened); outside it, Ctrl-c quits.
    press(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(a.overlay().is_none() && !a.quitting());
    press(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(a.quitting());
}

#[test]
fn the_search_prompt_has_the_same_line_editor() {
    let mut a = app();
    a.focus = Pane::Viewer;
    typed(&mut a, "/");
    typed(&mut a, "依法 行政");
    press(&mut a, KeyCode::Char('w'), KeyModifiers::CONTROL);
    press(&mut a, KeyCode::Home, KeyModifiers::NONE);
    press(&mut a, KeyCode::Delete, KeyModifiers::NONE);
    press(&mut a, KeyCode::End, KeyModifiers::NONE);
    press(&mut a, KeyCode::Backspace, KeyModifiers::NONE);
    press(&mut a, KeyCode::Left, KeyModifiers::NONE);
    typed(&mut a, "政");
    // "依法 行政" → "依法 " → "法 " → "法" → "政法": typed at the cursor.
    assert_eq!(a.prompt().unwrap().line.as_str(), "政法");
    let s = screen(&mut a);
    assert!(s.lines().last().unwrap().starts_with("/政法"), "{s}");
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(a.viewer.search.as_ref().unwrap().query, "政法");
}

#[test]
fn slash_finds_chinese_by_pinyin_and_initials() {
    for q in ["pufa", "pf"] {
        let mut a = app();
        a.focus = Pane::Viewer;
        typed(&mut a, "/");
        typed(&mut a, q);
        press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
        let hits = a.viewer.search.as_ref().unwrap().hits.clone();
        assert!(!hits.is_empty(), "{q}: not found");
        let doc = a.doc().unwrap();
        for h in &hits {
            let t = &doc.paras[h.para as usize].text[h.start as usize..h.end as usize];
            if q == "pufa" {
                assert_eq!(t, "普法", "{q}");
            } else {
                assert_eq!(t.chars().count(), 2, "{q}: {t}");
            }
        }
        let s = screen(&mut a);
        assert!(s.contains(&format!("{} 处匹配", hits.len())), "{s}");
    }
}

#[test]
fn full_text_reads_pinyin_as_the_corpus_words_and_offers_others() {
    let mut a = app();
    press(&mut a, KeyCode::Char('F'), KeyModifiers::SHIFT);
    typed(&mut a, "pufa");
    let s = screen(&mut a);
    let o = a.overlay().cloned().unwrap();
    assert_eq!(o.query.terms, ["普法"], "{s}");
    assert!(!o.text_hits.is_empty(), "{s}");
    assert!(s.contains("pufa→普法"), "the reading shows: {s}");
    // Initials, and another reading on Ctrl-t.
    for _ in 0..4 {
        press(&mut a, KeyCode::Backspace, KeyModifiers::NONE);
    }
    typed(&mut a, "fz");
    let first = a.overlay().cloned().unwrap();
    let r = &first.readings[0];
    assert!(
        r.words.len() > 1 && r.words.contains(&"法治".to_string()),
        "{r:?}"
    );
    press(&mut a, KeyCode::Char('t'), KeyModifiers::CONTROL);
    let second = a.overlay().cloned().unwrap();
    assert_eq!(second.readings[0].pick, 1);
    assert_ne!(second.query.terms, first.query.terms);
    let s = screen(&mut a);
    assert!(s.contains(&format!("fz→{}", r.words[1])), "{s}");
    // Typing on keeps the pick for the same word.
    typed(&mut a, " ");
    assert_eq!(a.overlay().unwrap().readings[0].pick, 1);
    // Enter searches the viewer for the word read, not the letters.
    press(&mut a, KeyCode::Backspace, KeyModifiers::NONE);
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(a.viewer.search.as_ref().unwrap().query, r.words[1]);
}

#[test]
fn an_empty_palette_lists_recent_sections_then_this_reports_parts() {
    let mut a = app();
    press(&mut a, KeyCode::Char('p'), KeyModifiers::CONTROL);
    let o = a.overlay().cloned().unwrap();
    let parts: Vec<_> = a.report().unwrap().roots.clone();
    let listed: Vec<_> = o.palette_hits.iter().map(|h| h.at.section).collect();
    assert_eq!(listed, parts, "nothing read yet: this report's parts");
    let s = screen(&mut a);
    assert!(
        s.contains("党政主要负责人履行推进法治建设第一责任人职责情况"),
        "{s}"
    );
    press(&mut a, KeyCode::Esc, KeyModifiers::NONE);
    // Read a section of another report, jump away: it comes first next time.
    palette(&mut a, "pfxc");
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    let read = (a.current.unwrap(), a.section_at_scroll().unwrap());
    palette(&mut a, "gaoqing");
    press(&mut a, KeyCode::Enter, KeyModifiers::NONE);
    let (cur, scroll) = (a.current, a.viewer.scroll);
    press(&mut a, KeyCode::Char('p'), KeyModifiers::CONTROL);
    let first = &a.overlay().unwrap().palette_hits[0];
    assert_eq!((first.at.report as usize, first.at.section), read);
    // The empty list does not move the text behind it; ↓ previews as usual.
    screen(&mut a);
    assert_eq!((a.current, a.viewer.scroll), (cur, scroll));
    let second = a.overlay().unwrap().palette_hits[1].at;
    press(&mut a, KeyCode::Down, KeyModifiers::NONE);
    screen(&mut a);
    assert_eq!(a.current, Some(second.report as usize));
    assert_eq!(a.section_at_scroll(), Some(second.section));
}

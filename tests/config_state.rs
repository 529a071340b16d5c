//! Config, remembered state and copying: with temporary config/state locations, through
//! the App headlessly and through the real binary (in tmux where a terminal is needed).
use baogao::config::{self, Config};
use baogao::ingest::load_samples;
use baogao::state;
use baogao::ui::Theme;
use baogao::ui::app::{App, Pane, osc52};
use common::tmux::Tmux;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::process::Command;
use std::time::Duration;

mod common;
use common::screen;

fn key(a: &mut App, c: char) {
    a.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

fn app_with(cfg: &str) -> App {
    let cfg = config::parse(cfg).unwrap();
    let mut a = App::new(load_samples());
    a.configure(&cfg.settings());
    screen(&mut a, 120, 40);
    a
}

#[test]
fn every_option_changes_behaviour() {
    // keys: quit moves to x (and q no longer quits).
    let mut a = app_with("[keys]\nquit = [\"x\", \"Ctrl-q\"]\n");
    key(&mut a, 'q');
    assert!(!a.quitting());
    key(&mut a, 'x');
    assert!(a.quitting());
    assert!(screen(&mut a, 120, 40).contains("报告"));
    let mut a = app_with("[keys]\nquit = \"x\"\n");
    key(&mut a, '?');
    let help = screen(&mut a, 120, 60);
    // Ctrl-c always quits too, whatever the config says.
    assert!(help.contains("x Ctrl-c              退出"), "{help}");

    // reading_width caps the text lines.
    let mut a = app_with("reading_width = 30\n");
    a.focus = Pane::Viewer;
    screen(&mut a, 120, 40);
    assert_eq!(a.geometry.viewer_cols, 30);
    let l = a.layout(30).unwrap();
    assert!(l.rows.len() > 100);

    // ambiguous_wide: “ ” count two cells, so lines with quotes hold less.
    let mut narrow = app_with("");
    let mut wide = app_with("ambiguous_wide = true\n");
    let rows = |a: &mut App| a.layout(40).unwrap().rows.clone();
    let (w, n) = (rows(&mut wide), rows(&mut narrow));
    assert_ne!(w, n, "quotes take two cells each, so lines break elsewhere");
    for r in &w {
        let doc = wide.doc().unwrap();
        assert!(baogao::wrap::str_width(doc.row_text(r), true) <= 40);
    }

    // theme
    let t = Theme::named(Some("light"));
    assert!(t.light || !t.color);
    let t = Theme::named(Some("16"));
    assert!(t.basic || !t.color);

    // corpus: used when no PATH is given (checked through the binary below).
    let c = config::parse("corpus = [\"~/reports\"]\n").unwrap();
    assert!(!config::expand(&c.corpus[0]).starts_with("~"));
}

#[test]
fn config_command_prints_path_and_a_default_that_parses() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_baogao");
    let out = Command::new(bin)
        .args(["config", "--path"])
        .env("XDG_CONFIG_HOME", dir.path())
        .env_remove("BAOGAO_CONFIG")
        .output()
        .unwrap();
    let p = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        p.trim(),
        dir.path().join("baogao/config.toml").display().to_string()
    );
    let out = Command::new(bin)
        .args(["config", "--default"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(config::parse(&text).unwrap().theme.as_deref(), Some("dark"));
    assert_eq!(Config::default().reading_width, None);
}

#[test]
fn y_emits_exactly_one_osc52_with_the_section_and_citation() {
    let mut a = App::new(load_samples());
    screen(&mut a, 120, 40);
    a.focus = Pane::Tree;
    a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    key(&mut a, 'y');
    let text = a.take_copy().expect("y asks for a copy");
    let cite = text.lines().next().unwrap();
    assert_eq!(
        cite,
        "张店区科技局2024年度法治政府建设情况报告（张店区科技局，2024年度）› 一、党政主要负责人履行推进法治建设第一责任人职责情况"
    );
    assert!(text.contains("制定本年度学习计划"));
    let mut out = Vec::new();
    baogao::term::write_clipboard(&mut out, &text).unwrap();
    use base64::Engine;
    let expected = format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text.as_bytes())
    );
    assert_eq!(out, expected.as_bytes());
    assert_eq!(osc52(&text), expected);
    // Nothing else: one ESC, one BEL.
    assert_eq!(out.iter().filter(|&&b| b == 0x1b).count(), 1);
    assert_eq!(out.iter().filter(|&&b| b == 0x07).count(), 1);
    key(&mut a, 'Y');
    assert_eq!(a.take_copy().unwrap(), cite);
}

#[test]
fn killed_mid_write_never_leaves_an_unreadable_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("state.json");
    let bin = env!("CARGO_BIN_EXE_baogao");
    let mut seed = 0x9E37_79B9u64;
    for round in 0..25 {
        let mut child = Command::new(bin)
            .args(["stress-state"])
            .arg(&file)
            .spawn()
            .unwrap();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_millis(5 + (seed >> 33) % 60));
        child.kill().unwrap();
        child.wait().unwrap();
        if file.exists() {
            let (st, warn) = state::load(&file);
            assert!(warn.is_none(), "round {round}: {warn:?}");
            assert_eq!(st.palette_history.len(), 50, "round {round}");
        }
    }
    assert!(file.exists());
}

// ----- through the real binary in tmux -----

/// The real binary in tmux with extra environment (config and state locations).
fn start(env: &[(&str, String)]) -> Option<Tmux> {
    let mut cmd = String::from("env");
    for (k, v) in env {
        cmd.push_str(&format!(" {k}='{v}'"));
    }
    cmd.push_str(&format!(
        " BAOGAO_LOG=/dev/null {}",
        env!("CARGO_BIN_EXE_baogao")
    ));
    Tmux::start(&cmd, 120, 40)
}

fn wait(t: &Tmux, needle: &str) -> String {
    t.wait_for(needle, Duration::from_secs(20))
}

#[test]
fn marks_history_and_position_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let env = vec![
        (
            "XDG_STATE_HOME",
            dir.path().join("state").display().to_string(),
        ),
        (
            "XDG_CONFIG_HOME",
            dir.path().join("config").display().to_string(),
        ),
    ];
    let Some(t) = start(&env) else {
        return;
    };
    wait(&t, "报告 5");
    // Report 003, its second section, mark it `a`; then a palette jump to 高青's plan.
    t.keys(&["j", "j", "j", "Enter", "j", "Enter", "m", "a"]);
    wait(&t, "已设书签 a");
    t.keys(&["C-p"]);
    t.cmd(&["send-keys", "-t", "t", "-l", "gaoqing"]);
    std::thread::sleep(Duration::from_millis(300));
    t.keys(&["Enter"]);
    wait(&t, "高青县科学技术局 ›");
    t.keys(&["q"]);
    wait(&t, "EXIT=0");
    drop(t);
    let saved = dir.path().join("state/baogao/state.json");
    assert!(saved.exists(), "state saved under XDG_STATE_HOME");

    let Some(t) = start(&env) else {
        return;
    };
    // Back where we were: 高青 in the viewer.
    wait(&t, "高青县科学技术局 ›");
    // The mark survived.
    t.keys(&["'", "a"]);
    let s = wait(&t, "书签 a");
    assert!(
        s.contains("┐┌重庆市大足区科学技术局2024年法治政府建设情况报告"),
        "{s}"
    );
    // The palette history survived.
    t.keys(&["C-p", "C-r"]);
    wait(&t, "» gaoqing");
    t.keys(&["Escape", "q"]);
    wait(&t, "EXIT=0");
}

#[test]
fn a_broken_config_is_reported_and_defaults_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("baogao");
    std::fs::create_dir_all(&cfg).unwrap();
    let file = cfg.join("config.toml");
    std::fs::write(&file, "theme = \"dark\"\nreading_width = \"wide\"\n").unwrap();
    let env = vec![
        ("XDG_CONFIG_HOME", dir.path().display().to_string()),
        ("XDG_STATE_HOME", dir.path().join("s").display().to_string()),
    ];
    let Some(t) = start(&env) else {
        return;
    };
    // In the interface's language (Chinese by default), the parser's words quoted.
    let s = wait(&t, "有误");
    assert!(s.contains("config.toml") && s.contains("line 2"), "{s}");
    assert!(
        s.contains("报告 5"),
        "the app started with the samples:\n{s}"
    );
    t.keys(&["q"]);
    wait(&t, "EXIT=0");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "theme = \"dark\"\nreading_width = \"wide\"\n",
        "the user's file is never rewritten"
    );
}

#[test]
fn configured_corpus_opens_without_a_path_and_damaged_state_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(
        reports.join("r.txt"),
        "某某县司法局2023年法治政府建设情况报告\n一、主要举措和成效\n正文。\n",
    )
    .unwrap();
    let cfg = dir.path().join("config/baogao");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        format!("corpus = [\"{}\"]\n", reports.display()),
    )
    .unwrap();
    let st = dir.path().join("state/baogao");
    std::fs::create_dir_all(&st).unwrap();
    std::fs::write(st.join("state.json"), "{ not json").unwrap();
    let env = vec![
        (
            "XDG_CONFIG_HOME",
            dir.path().join("config").display().to_string(),
        ),
        (
            "XDG_STATE_HOME",
            dir.path().join("state").display().to_string(),
        ),
    ];
    let Some(t) = start(&env) else {
        return;
    };
    // The status bar is the last row drawn: wait for it, then look at the rest.
    let s = wait(&t, "已损坏");
    assert!(s.contains("报告 1"), "{s}");
    assert!(s.contains("某某县司法局"), "{s}");
    t.keys(&["q"]);
    wait(&t, "EXIT=0");
    assert_eq!(
        std::fs::read_to_string(st.join("state.json.bak")).unwrap(),
        "{ not json"
    );
    // The new state file is whole.
    let (_, warn) = state::load(&st.join("state.json"));
    assert!(warn.is_none());
}

#[test]
fn without_a_usable_state_dir_state_is_not_saved_and_the_status_bar_says_so() {
    // A state directory that cannot be created (under a file).
    let Some(t) = start(&[("XDG_STATE_HOME", "/dev/null/nope".to_string())]) else {
        return;
    };
    let s = wait(&t, "不会保存");
    assert!(s.contains("报告 5"), "{s}");
    t.keys(&["q"]);
    wait(&t, "EXIT=0");
}

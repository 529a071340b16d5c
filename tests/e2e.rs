//! The real binary in a real terminal (tmux): start on the samples, navigate, search,
//! resize, quit, and check the shell is usable afterwards; hostile escape sequences in a
//! report never reach the terminal. Skipped with a message where tmux is missing
//! (.ci/run installs it).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

mod common;
use common::tmux::Tmux;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_baogao")
}

#[test]
fn navigate_search_resize_quit_on_the_samples() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = (dir.path().join("before"), dir.path().join("after"));
    let cmd = format!(
        "stty -g > {}; BAOGAO_LOG=/dev/null {}; s=$?; stty -g > {}; (exit $s)",
        before.display(),
        bin(),
        after.display()
    );
    let Some(t) = Tmux::start(&cmd, 120, 40) else {
        return;
    };
    t.wait_for("报告 5", Duration::from_secs(20));
    assert_eq!(
        t.modes(),
        "1 1",
        "the reader should use the alternate screen and mouse"
    );
    // Report list: down three times to 003 (重庆市大足区科学技术局), open it, go into the
    // tree and down to its third section, open in the viewer.
    t.keys(&["j", "j", "j"]);
    t.wait_all(
        &[
            "重庆市大足区科学技术局",
            "全面深化习近平法治思想学习宣传贯彻情况",
        ],
        Duration::from_secs(5),
    );
    t.keys(&["Enter", "j", "j", "Enter"]);
    t.wait_all(
        &["强化法治学习，提升执法人员素质", "大足区"],
        Duration::from_secs(5),
    );
    // Search in the report.
    t.keys(&["/"]);
    t.cmd(&["send-keys", "-t", "t", "-l", "普法"]);
    t.keys(&["Enter"]);
    t.wait_all(&["处匹配", "普法"], Duration::from_secs(5));
    t.keys(&["n"]);
    t.wait_for("第 2/", Duration::from_secs(5));
    // Tiny and back.
    t.resize(20, 5);
    let small = t.screen();
    assert!(!small.contains("EXIT="), "the app died at 20x5:\n{small}");
    t.resize(120, 40);
    t.wait_for("章节", Duration::from_secs(5));
    t.keys(&["q"]);
    let s = t.wait_for("EXIT=0", Duration::from_secs(5));
    assert!(s.contains("READY$"), "{s}");
    // The terminal is as it was: same tty modes, main screen, no mouse reporting.
    assert_eq!(
        std::fs::read_to_string(&before).unwrap(),
        std::fs::read_to_string(&after).unwrap(),
        "stty settings changed"
    );
    assert_eq!(t.modes(), "0 0", "alternate screen / mouse left on");
    // The shell works: echo is visible (cooked mode, not raw, echo on).
    t.send_line("echo shell-ok-$((40+2))");
    t.wait_for("shell-ok-42", Duration::from_secs(5));
}

#[test]
fn escape_sequences_in_a_report_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "恶意测试局2024年法治政府建设情况报告\n\
        一、主要举措和成效\n\
        正文\x1b]0;PWNED-TITLE\x07继续\x1b]52;c;cHduZWQ=\x07还有\x1b[2J\x1b[H清屏之后。\n\
        二、存在的不足和原因\n不足。\n";
    let file = dir.path().join("evil.txt");
    std::fs::write(&file, hostile).unwrap();
    let Some(t) = Tmux::start(
        &format!("BAOGAO_LOG=/dev/null {} {}", bin(), file.display()),
        120,
        40,
    ) else {
        return;
    };
    t.wait_for("报告 1", Duration::from_secs(20));
    t.keys(&["Tab", "Tab"]);
    // The tree pane is still drawn: the report did not clear the screen.
    let s = t.wait_all(&["正文继续还有清屏之后", "章节"], Duration::from_secs(5));
    assert!(
        !t.title().contains("PWNED"),
        "window title changed: {}",
        t.title()
    );
    let buffers = String::from_utf8_lossy(&t.cmd(&["list-buffers"]).stdout).into_owned();
    assert!(
        buffers.is_empty(),
        "OSC 52 reached the clipboard: {buffers}"
    );
    // The screen was not cleared by the report: the tree pane is still drawn.
    assert!(s.contains("章节"), "{s}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0", Duration::from_secs(5));
    assert!(Path::new(&file).exists());
}

#[test]
fn not_a_terminal_points_to_export() {
    let out = Command::new(bin()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("export") && err.contains("tree"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("pid");
    let cmd = format!(
        "BAOGAO_LOG=/dev/null sh -c 'echo $$ > {}; exec {}'",
        pidfile.display(),
        bin()
    );
    let Some(t) = Tmux::start(&cmd, 100, 30) else {
        return;
    };
    t.wait_for("报告 5", Duration::from_secs(20));
    let pid = std::fs::read_to_string(&pidfile).unwrap();
    let ok = Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    t.wait_for("EXIT=143", Duration::from_secs(5));
    assert_eq!(t.modes(), "0 0", "alternate screen / mouse left on");
    t.send_line("echo after-term-$((6*7))");
    t.wait_for("after-term-42", Duration::from_secs(5));
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let Some(t) = Tmux::start("true", 100, 30) else {
        return;
    };
    t.wait_for("EXIT=0", Duration::from_secs(5));
    t.send_line(&format!("clear; BAOGAO_LOG=/dev/null {}", bin()));
    t.wait_for("报告 5", Duration::from_secs(20));
    t.keys(&["C-z"]);
    let s = t.wait_for("Stopped", Duration::from_secs(5));
    assert!(!s.contains("章节"), "the reader is still on screen:\n{s}");
    t.send_line("fg");
    t.wait_for("章节", Duration::from_secs(5));
    t.keys(&["q"]);
    t.send_line("echo back-$((40+2))");
    t.wait_for("back-42", Duration::from_secs(5));
}

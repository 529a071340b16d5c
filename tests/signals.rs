//! The reader under signals, suspension, two instances and a huge terminal, in tmux:
//! the terminal is always given back (main screen, no mouse reporting, cursor shown),
//! the state is always saved, and memory stays bounded. Skipped where tmux is missing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::tmux::Tmux;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_baogao")
}

/// The reader on the samples in tmux, its pid written to `dir/pid`, its state in
/// `dir/state.json`.
fn reader(dir: &Path, args: &str) -> Option<Tmux> {
    let cmd = format!(
        "BAOGAO_LOG=/dev/null BAOGAO_STATE={}/state.json sh -c 'echo $$ > {}/pid; exec {} {args}'",
        dir.display(),
        dir.display(),
        bin()
    );
    Tmux::start(&cmd, 100, 30)
}

fn pid(dir: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(p) = std::fs::read_to_string(dir.join("pid"))
            && !p.trim().is_empty()
        {
            return p.trim().to_string();
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no pid file");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn kill(sig: &str, pid: &str) {
    let ok = Command::new("kill")
        .args([&format!("-{sig}"), pid])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -{sig} {pid}");
}

fn assert_restored(t: &Tmux, what: &str) {
    assert_eq!(t.modes(), "0 0", "{what}: alternate screen / mouse left on");
    assert_eq!(t.cursor(), "1", "{what}: cursor left hidden");
    t.send_line("echo shell-ok-$((40+2))");
    t.wait_for("shell-ok-42", Duration::from_secs(5));
}

fn marks(state: &Path) -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(state).unwrap_or_default()).unwrap_or_default();
    let mut out: Vec<String> = v["corpora"]["samples"]["marks"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    out.sort();
    out
}

/// Set mark `a`, send `sig`, and check the exit status, the terminal and the mark.
fn ending_signal(sig: &str, num: i32) {
    let dir = tempfile::tempdir().unwrap();
    let Some(t) = reader(dir.path(), "") else {
        return;
    };
    t.wait_for("报告 5", Duration::from_secs(20));
    t.keys(&["j", "m", "a"]);
    t.wait_for("书签 a", Duration::from_secs(5));
    kill(sig, &pid(dir.path()));
    t.wait_for(&format!("EXIT={}", 128 + num), Duration::from_secs(10));
    assert_restored(&t, sig);
    assert_eq!(
        marks(&dir.path().join("state.json")),
        ["a"],
        "SIG{sig}: the mark was saved"
    );
}

#[test]
fn sigint_restores_and_saves() {
    ending_signal("INT", 2);
}
#[test]
fn sigquit_restores_and_saves() {
    ending_signal("QUIT", 3);
}
#[test]
fn sigusr1_restores_and_saves() {
    ending_signal("USR1", 10);
}
#[test]
fn sigusr2_restores_and_saves() {
    ending_signal("USR2", 12);
}
#[test]
fn sigalrm_restores_and_saves() {
    ending_signal("ALRM", 14);
}
#[test]
fn sighup_restores_and_saves() {
    ending_signal("HUP", 1);
}
#[test]
fn sigterm_restores_and_saves() {
    ending_signal("TERM", 15);
}

#[test]
fn killed_while_suspended_never_takes_the_screen_back() {
    for round in 0..8 {
        let dir = tempfile::tempdir().unwrap();
        let Some(t) = reader(dir.path(), "") else {
            return;
        };
        t.wait_for("报告 5", Duration::from_secs(20));
        t.keys(&["C-z"]);
        t.wait_for("Stopped", Duration::from_secs(5));
        let p = pid(dir.path());
        // Killed and resumed at once, as `kill -TERM %1` does for a stopped job.
        let ok = Command::new("sh")
            .arg("-c")
            .arg(format!("kill -TERM {p}; kill -CONT {p}"))
            .status()
            .unwrap()
            .success();
        assert!(ok);
        // Gone, and the screen stays the shell's.
        let start = Instant::now();
        while Path::new(&format!("/proc/{p}")).exists() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "round {round}: still running"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        std::thread::sleep(Duration::from_millis(200));
        assert_restored(&t, &format!("round {round}"));
    }
}

/// A corpus big enough that loading it takes a while in a debug build.
fn slow_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(bin())
        .args(["synth"])
        .arg(dir.path().join("c"))
        .args(["--count", "3000"])
        .output()
        .unwrap();
    assert!(out.status.success());
    dir
}

#[test]
fn ctrl_c_ctrl_z_and_q_work_while_loading() {
    let corpus = slow_corpus();
    let c = corpus.path().join("c");
    for keys in [&["C-c"][..], &["q"], &["C-z"]] {
        let dir = tempfile::tempdir().unwrap();
        let Some(t) = reader(dir.path(), &c.display().to_string()) else {
            return;
        };
        t.wait_for("正在载入报告", Duration::from_secs(20));
        t.keys(keys);
        if keys == ["C-z"] {
            t.wait_for("Stopped", Duration::from_secs(5));
            assert_restored(&t, "suspended while loading");
            t.send_line("fg");
            t.wait_for("报告 3000", Duration::from_secs(60));
            t.keys(&["q"]);
            // (EXIT= was printed when the job stopped; `fg` prints no second one.)
            let start = Instant::now();
            while t.modes() != "0 0" {
                assert!(start.elapsed() < Duration::from_secs(10), "q did not quit");
                std::thread::sleep(Duration::from_millis(100));
            }
        } else {
            t.wait_for("EXIT=0", Duration::from_secs(5));
        }
        assert_restored(&t, &format!("{keys:?} while loading"));
    }
}

#[test]
fn two_readers_keep_both_marks() {
    let dir = tempfile::tempdir().unwrap();
    let (d1, d2) = (dir.path().join("1"), dir.path().join("2"));
    std::fs::create_dir_all(&d1).unwrap();
    std::fs::create_dir_all(&d2).unwrap();
    let state = dir.path().join("state.json");
    let start = |d: &PathBuf| {
        let cmd = format!(
            "BAOGAO_LOG=/dev/null BAOGAO_STATE={} sh -c 'echo $$ > {}/pid; exec {}'",
            state.display(),
            d.display(),
            bin()
        );
        Tmux::start(&cmd, 100, 30)
    };
    let Some(t1) = start(&d1) else {
        return;
    };
    let t2 = start(&d2).unwrap();
    t1.wait_for("报告 5", Duration::from_secs(20));
    t2.wait_for("报告 5", Duration::from_secs(20));
    t1.keys(&["m", "a"]);
    t2.keys(&["j", "j", "m", "b"]);
    t1.wait_for("书签 a", Duration::from_secs(5));
    t2.wait_for("书签 b", Duration::from_secs(5));
    t1.keys(&["q"]);
    t1.wait_for("EXIT=0", Duration::from_secs(10));
    assert_eq!(marks(&state), ["a"]);
    // The second one quits last, with a state it loaded before the first saved.
    t2.keys(&["q"]);
    t2.wait_for("EXIT=0", Duration::from_secs(10));
    assert_eq!(
        marks(&state),
        ["a", "b"],
        "the last to quit kept the other's mark"
    );
}

fn status_kib(pid: &str, field: &str) -> u64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    s.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap()
}

#[test]
fn a_huge_terminal_keeps_memory_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let Some(t) = reader(dir.path(), "") else {
        return;
    };
    t.wait_for("报告 5", Duration::from_secs(20));
    let p = pid(dir.path());
    t.resize(10000, 10000);
    std::thread::sleep(Duration::from_secs(2));
    t.keys(&["j", "G"]);
    std::thread::sleep(Duration::from_secs(1));
    let peak = status_kib(&p, "VmHWM:");
    t.resize(100, 30);
    t.wait_for("章节", Duration::from_secs(10));
    let after = status_kib(&p, "VmRSS:");
    eprintln!(
        "10000x10000: peak RSS {} MB, after shrinking {} MB",
        peak / 1024,
        after / 1024
    );
    assert!(
        peak < 400 * 1024,
        "peak RSS {} MB at 10000x10000",
        peak / 1024
    );
    assert!(
        after < 400 * 1024,
        "RSS {} MB after shrinking",
        after / 1024
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0", Duration::from_secs(10));
}

#[test]
fn a_dumb_terminal_is_refused_with_a_reason() {
    // A real terminal (tmux), but TERM says it cannot move the cursor.
    let cmd = format!("TERM=dumb BAOGAO_LOG=/dev/null {}", bin());
    let Some(t) = Tmux::start(&cmd, 100, 30) else {
        return;
    };
    let s = t.wait_for("EXIT=2", Duration::from_secs(20));
    assert!(s.contains("TERM is \"dumb\""), "{s}");
    assert_restored(&t, "TERM=dumb");
}

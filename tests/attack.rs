//! Hostile input around the file contents, as an attacker would try it: file names with
//! escapes, files that grow or turn into FIFOs while read, /proc files, deep folder
//! chains, numeric arguments, stray NULs, mixed encodings, broken pipes. Through the real
//! binary, and through the real app (keys in) for the clipboard.

use baogao::safe::is_unsafe;
use baogao::ui::app::{App, Pane};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;

fn baogao() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_baogao"));
    c.env("BAOGAO_LOG", "/dev/null");
    c
}

/// Every name an attacker would try: OSC (window title), BEL, CSI that ends bracketed
/// paste, C1 CSI and NEL, a right-to-left override, a newline that forges a line.
const HOSTILE_NAMES: &[&str] = &[
    "a\x1b]0;PWNED\x07b",
    "c\x1b[201~echo pwned\x1b[200~d",
    "e\u{9b}31mf\u{85}g",
    "h\u{202e}txt.exe",
    "forged\nbaogao: skipped everything",
    "bell\x07\x08\x7fdel",
];

/// A folder of reports named by [`HOSTILE_NAMES`], with no title, agency or year, so the
/// title comes from the file name.
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, n) in HOSTILE_NAMES.iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("{n}{i}.txt")),
            "一、主要举措和成效\n开展普法宣传，落实责任。\n二、存在的不足和原因\n培训不够。\n",
        )
        .unwrap();
    }
    dir
}

/// No byte that a terminal acts on: only text, `\n` and `\t`.
fn assert_clean(what: &str, bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes);
    if let Some(c) = s.chars().find(|&c| is_unsafe(c)) {
        panic!("{what}: unsafe character {c:?} reached the output:\n{s}");
    }
}

fn run(args: &[&str], dir: &Path) -> Output {
    baogao().args(args).arg(dir).output().unwrap()
}

#[test]
fn hostile_file_names_never_reach_the_terminal_raw() {
    let dir = hostile_folder();
    for args in [
        &["tree"][..],
        &["stats"],
        &["search", "普法"],
        &["search", "普法", "--headings"],
        &["coverage"],
        &["compare", "1", "2"],
        &["compare", "3", "4", "--label", "shortcomings"],
    ] {
        let out = run(args, dir.path());
        assert!(out.status.code().is_some(), "{args:?} crashed");
        assert_clean(&format!("{args:?} stdout"), &out.stdout);
        assert_clean(&format!("{args:?} stderr"), &out.stderr);
    }
    // A newline in a name cannot forge a line: every report is one block in `tree`.
    let tree = String::from_utf8(run(&["tree"], dir.path()).stdout).unwrap();
    assert!(!tree.lines().any(|l| l.starts_with("baogao: skipped")));
    assert_eq!(
        tree.lines()
            .filter(|l| !l.starts_with(' ') && !l.is_empty())
            .count(),
        HOSTILE_NAMES.len(),
        "{tree}"
    );
    // The title made from the file name is safe, and visible text survives.
    assert!(tree.contains("PWNED"), "{tree}");
}

#[test]
fn json_keeps_the_true_path_with_every_control_escaped() {
    let dir = hostile_folder();
    for args in [
        &["export", "--json"][..],
        &["search", "普法", "--json"],
        &["coverage", "--json"],
    ] {
        let out = run(args, dir.path());
        assert_clean(&format!("{args:?}"), &out.stdout);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut paths = Vec::new();
        collect_paths(&v, &mut paths);
        assert!(!paths.is_empty(), "{args:?}: no paths in {v}");
        for p in paths {
            let name = Path::new(&p)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            assert!(
                HOSTILE_NAMES.iter().any(|n| name.starts_with(n)),
                "{args:?}: the JSON path is the true one: {p:?}"
            );
        }
    }
}

fn collect_paths(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("path", serde_json::Value::String(s)) => out.push(s.clone()),
                    _ => collect_paths(x, out),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_paths(x, out)),
        _ => {}
    }
}

#[test]
fn error_messages_name_hostile_paths_safely() {
    let missing = "/nonexistent/\x1b]0;PWNED\x07\nbaogao: forged\u{202e}.txt";
    let out = baogao().args(["tree", missing]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_clean("stderr", &out.stderr);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("baogao: forged"))
            .count(),
        0,
        "{err}"
    );
}

#[test]
fn the_clipboard_gets_no_escape_from_a_file_name() {
    let dir = hostile_folder();
    let corpus = baogao::ingest::load_paths(&[dir.path()]);
    let mut a = App::new(corpus);
    common::screen(&mut a, 120, 40);
    for i in 0..HOSTILE_NAMES.len() {
        a.focus = Pane::List;
        a.list.sel = i;
        a.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        common::screen(&mut a, 120, 40);
        for k in ['y', 'Y'] {
            a.on_key(KeyEvent::new(KeyCode::Char(k), KeyModifiers::NONE));
            let text = a
                .take_copy()
                .unwrap_or_else(|| panic!("{k} copies (status {:?})", a.status));
            let seq = baogao::ui::app::osc52(&text);
            use base64::Engine;
            let payload = seq
                .strip_prefix("\x1b]52;c;")
                .and_then(|s| s.strip_suffix('\x07'))
                .unwrap();
            let pasted = base64::engine::general_purpose::STANDARD
                .decode(payload)
                .unwrap();
            assert_clean(&format!("clipboard of report {i} ({k})"), &pasted);
            assert!(!String::from_utf8_lossy(&pasted).contains("[201~\u{1b}"));
        }
    }
    // The frame itself never carries a control character either.
    let shown = common::screen(&mut a, 120, 40);
    assert_clean("frame", shown.as_bytes());
}

#[test]
fn y_copies_a_report_that_fits_the_pane() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("short.txt"),
        "一、主要举措和成效\n开展普法宣传。\n",
    )
    .unwrap();
    let mut a = App::new(baogao::ingest::load_paths(&[dir.path()]));
    common::screen(&mut a, 120, 40);
    a.focus = Pane::Viewer;
    a.on_key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE));
    let text = a.take_copy().expect("y copies the section shown");
    assert!(text.contains("开展普法宣传"), "{text}");
}

#[test]
fn numeric_arguments_are_bounded() {
    for args in [
        &["compare", "1", "2", "--width", "18446744073709551615"][..],
        &["compare", "1", "2", "--width", "100000000000"],
        &["compare", "1", "2", "--width", "0"],
        &["search", "普法", "--limit", "1000000000"],
        &["search", "普法", "--limit", "18446744073709551615"],
        &["search", "普法", "--limit", "0"],
        &["synth", "/nonexistent/x", "--count", "18446744073709551615"],
    ] {
        let out = baogao().args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: a usage error, not a crash: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not in") || err.contains("invalid"), "{err}");
    }
    // In range: fine.
    let out = baogao()
        .args(["search", "普法", "--limit", "10000", "--headings"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_stray_nul_keeps_the_text_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "一、主要举措和成效\n开展普法宣传，落实责任。\n"
        .as_bytes()
        .to_vec();
    bytes.insert(28, 0);
    std::fs::write(dir.path().join("nul.txt"), &bytes).unwrap();
    let out = run(&["export", "--json"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &v["reports"][0];
    assert!(r["warnings"].to_string().contains("NUL"), "{r}");
    assert!(r.to_string().contains("开展普法宣传"));
    // Binary data stays binary.
    std::fs::write(
        dir.path().join("nul.txt"),
        [0u8, 1, 2, 3, 0, 0, 0, 9].repeat(50),
    )
    .unwrap();
    assert_eq!(
        run(&["export", "--json"], dir.path()).status.code(),
        Some(2)
    );
}

#[test]
fn half_utf8_half_gbk_decodes_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = "一、主要举措和成效\n开展普法宣传，落实责任。\n";
    let (gbk, _, _) = encoding_rs::GBK.encode("二、存在的不足和原因\n培训不够深入。\n");
    let mut bytes = utf8.as_bytes().to_vec();
    bytes.extend_from_slice(&gbk);
    std::fs::write(dir.path().join("mixed.txt"), &bytes).unwrap();
    let c = baogao::ingest::load_paths(&[dir.path()]);
    let r = &c.reports[0];
    let titles: Vec<&str> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["主要举措和成效", "存在的不足和原因"]);
    assert!(
        r.warnings.iter().any(|w| w.contains("mixed encodings")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn export_into_a_closed_pipe_is_silent() {
    let mut child = baogao()
        .args(["export", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then close the pipe (like `| head -c1`).
    {
        use std::io::Read;
        let mut out = child.stdout.take().unwrap();
        let mut b = [0u8; 1];
        out.read_exact(&mut b).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A writer appending to `file` until `stop` (or `limit` bytes), as a log or a download
/// in progress would.
fn grow(file: PathBuf, limit: u64, stop: std::sync::Arc<std::sync::atomic::AtomicBool>) {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().append(true).open(file).unwrap();
    let chunk = "开展普法宣传，落实责任。\n".repeat(30_000);
    let mut written = 0u64;
    while written < limit && !stop.load(std::sync::atomic::Ordering::Relaxed) {
        f.write_all(chunk.as_bytes()).unwrap();
        written += chunk.len() as u64;
    }
}

#[test]
fn a_growing_file_is_read_only_up_to_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("growing.txt");
    std::fs::write(&file, "一、主要举措和成效\n").unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (file, stop) = (file.clone(), stop.clone());
        // Up to 1.5 GB: far past the 64 MB cap; under the 1 GB address-space limit
        // below, reading it to the end could not succeed.
        std::thread::spawn(move || grow(file, 1536 << 20, stop))
    };
    // Let it pass the cap's size check first: it is small when looked at, then grows.
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -v 1048576; exec {} stats {}",
            env!("CARGO_BIN_EXE_baogao"),
            file.display()
        ))
        .env("BAOGAO_LOG", "/dev/null")
        .output()
        .unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.code().is_some(),
        "killed by a signal: {:?} {err}",
        out.status
    );
    // Either it was read before it grew much (a report), or it is refused by the cap;
    // never more than the cap in memory.
    assert!(
        stdout.contains("reports   1") || err.contains("grew past") || err.contains("too large"),
        "{stdout}{err}"
    );
}

/// Run with a deadline: a hang is a failure, not a stuck test run.
fn run_with_deadline(mut cmd: Command, deadline: Duration) -> Option<Output> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_file_swapped_for_a_fifo_never_hangs_the_load() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.txt");
    let (reg, fifo) = (dir.path().join(".reg"), dir.path().join(".fifo"));
    std::fs::write(&reg, "一、主要举措和成效\n开展普法宣传。\n").unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let swapper = {
        let (target, reg, fifo, stop) = (target.clone(), reg.clone(), fifo.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut i = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // Alternate the name between a regular file and a FIFO, atomically.
                let tmp = target.with_extension(format!("tmp{i}"));
                if i.is_multiple_of(2) {
                    std::fs::hard_link(&reg, &tmp).unwrap();
                } else {
                    let _ = std::fs::remove_file(&fifo);
                    assert!(
                        Command::new("mkfifo")
                            .arg(&fifo)
                            .status()
                            .unwrap()
                            .success(),
                        "mkfifo"
                    );
                    std::fs::rename(&fifo, &tmp).unwrap();
                }
                std::fs::rename(&tmp, &target).unwrap();
                i += 1;
            }
        })
    };
    for _ in 0..12 {
        let mut cmd = baogao();
        cmd.arg("stats").arg(dir.path());
        let out = run_with_deadline(cmd, Duration::from_secs(20));
        assert!(out.is_some(), "the load hung on a FIFO");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    swapper.join().unwrap();
    // A FIFO named on the command line, and a link to a device file.
    let fifo = dir.path().join("named.txt");
    Command::new("mkfifo").arg(&fifo).status().unwrap();
    let kmsg = dir.path().join("kmsg.txt");
    std::os::unix::fs::symlink("/proc/kmsg", &kmsg).unwrap();
    for p in [&fifo, &kmsg] {
        let mut cmd = baogao();
        cmd.arg("stats").arg(p);
        let out = run_with_deadline(cmd, Duration::from_secs(20)).expect("no hang");
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("skipped"), "{err}");
    }
}

#[test]
fn a_deep_folder_chain_loads_without_a_walk_per_level() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = dir.path().to_path_buf();
    // As deep as a path allows (PATH_MAX 4096).
    let depth = (4000 - p.as_os_str().len()) / 2;
    for _ in 0..depth {
        p.push("d");
    }
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(p.join("r.txt"), "一、主要举措和成效\n开展普法宣传。\n").unwrap();
    // A loop back to the top from the bottom.
    std::os::unix::fs::symlink(dir.path(), p.join("up")).unwrap();
    let mut cmd = baogao();
    cmd.arg("stats").arg(dir.path());
    let out = run_with_deadline(cmd, Duration::from_secs(60)).expect("no hang");
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("reports   1"), "{s}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("symbolic link loop"), "{err}");
}

#[test]
fn a_keymap_without_a_way_out_is_refused() {
    use baogao::config;
    let e = config::parse("[keys]\nquit = []\n").unwrap_err();
    assert!(e.contains("quit needs at least one key"), "{e}");
    let e = config::parse("[keys]\nhelp = \"Ctrl-c\"\n").unwrap_err();
    assert!(e.contains("Ctrl-c always quits"), "{e}");
    // Moving quit elsewhere keeps Ctrl-C quitting, in the real app.
    let cfg = config::parse("[keys]\nquit = \"x\"\n").unwrap();
    let mut a = App::new(baogao::ingest::load_samples());
    a.configure(&cfg.settings());
    common::screen(&mut a, 100, 30);
    a.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(a.quitting());
}

//! The reader over a real SSH connection, the way its users run it: an sshd on loopback
//! (started here with its own host key, user key and config in a temporary folder), the
//! client inside tmux. The client is resized, `y` copies through OSC 52 to the client's
//! tmux, then the connection is dropped by killing the client: the state is saved and no
//! baogao process is left on the server side.
//!
//! Skipped with a message where sshd, ssh or tmux is missing (.ci/run installs them).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::tmux::Tmux;

struct Sshd {
    child: Child,
    port: u16,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn found(program: &str) -> Option<PathBuf> {
    [
        "/usr/sbin",
        "/usr/bin",
        "/sbin",
        "/bin",
        "/usr/local/sbin",
        "/usr/local/bin",
    ]
    .iter()
    .map(|d| Path::new(d).join(program))
    .find(|p| p.exists())
}

fn keygen(path: &Path) -> bool {
    Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", ""])
        .arg("-f")
        .arg(path)
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn start_sshd(dir: &Path) -> Option<Sshd> {
    let Some(sshd) = found("sshd") else {
        eprintln!("sshd not installed: SSH end-to-end test skipped");
        return None;
    };
    if found("ssh").is_none() || !keygen(&dir.join("host_key")) || !keygen(&dir.join("user_key")) {
        eprintln!("ssh or ssh-keygen missing: SSH end-to-end test skipped");
        return None;
    }
    std::fs::copy(dir.join("user_key.pub"), dir.join("authorized_keys")).unwrap();
    // sshd insists on its privilege-separation folder.
    let _ = std::fs::create_dir_all("/run/sshd");
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\n\
         AuthorizedKeysFile {d}/authorized_keys\nPidFile {d}/sshd.pid\nStrictModes no\n\
         PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n\
         PermitRootLogin prohibit-password\nPrintMotd no\nPrintLastLog no\nAcceptEnv none\n",
        d = dir.display()
    );
    std::fs::write(dir.join("sshd_config"), config).unwrap();
    let child = Command::new(sshd)
        .args(["-D", "-e", "-f"])
        .arg(dir.join("sshd_config"))
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("sshd.log")).unwrap())
        .spawn()
        .ok()?;
    let s = Sshd { child, port };
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if start.elapsed() > Duration::from_secs(10) {
            eprintln!(
                "sshd did not start ({}): SSH end-to-end test skipped",
                std::fs::read_to_string(dir.join("sshd.log")).unwrap_or_default()
            );
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(s)
}

fn user() -> String {
    let out = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Pids of processes whose command line mentions `needle`.
fn processes_with(needle: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let cmdline = std::fs::read(e.path().join("cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if cmdline.contains(needle) {
            out.push(format!("{name}: {cmdline}"));
        }
    }
    out
}

fn wait_until(what: &str, timeout: Duration, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < timeout, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_reader_over_ssh_resizes_copies_and_survives_a_dropped_connection() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let Some(sshd) = start_sshd(d) else {
        return;
    };
    // A corpus of its own, so the server-side process can be found by its argument.
    let reports = d.join("reports-remote");
    std::fs::create_dir_all(&reports).unwrap();
    for (name, bytes) in baogao::ingest::samples::SAMPLES.iter().take(2) {
        std::fs::write(reports.join(name), bytes).unwrap();
    }
    let state = d.join("state.json");
    let remote = format!(
        "BAOGAO_STATE={} BAOGAO_LOG={}/remote.log exec {} {}",
        state.display(),
        d.display(),
        env!("CARGO_BIN_EXE_baogao"),
        reports.display()
    );
    let client = format!(
        "ssh -tt -p {} -i {d}/user_key -o StrictHostKeyChecking=no \
         -o UserKnownHostsFile={d}/known_hosts -o LogLevel=ERROR -o BatchMode=yes \
         {}@127.0.0.1 '{remote}'",
        sshd.port,
        user(),
        d = d.display()
    );
    let Some(t) = Tmux::start(&client, 100, 30) else {
        return;
    };
    t.wait_all(&["报告 2", "章节"], Duration::from_secs(30));
    let server_side = processes_with(&reports.display().to_string())
        .into_iter()
        .filter(|p| !p.contains("ssh "))
        .collect::<Vec<_>>();
    assert!(
        !server_side.is_empty(),
        "the reader runs on the server side"
    );

    // Resized: the window change travels over SSH and the reader redraws at the new size.
    for (w, h) in [(140u16, 40u16), (70, 20)] {
        t.resize(w, h);
        wait_until(
            &format!("the frame is {w} wide"),
            Duration::from_secs(10),
            || {
                let s = t.screen();
                let top = s.lines().next().unwrap_or("");
                let width = unicode_width::UnicodeWidthStr::width(top);
                width == w as usize && top.ends_with('┐') && s.lines().count() >= h as usize - 1
            },
        );
    }
    t.resize(100, 30);

    // y copies: the OSC 52 sequence crosses SSH and becomes a tmux paste buffer here.
    t.keys(&["y"]);
    wait_until(
        "the copy arrives at the client's tmux",
        Duration::from_secs(10),
        || {
            let b = t.cmd(&["show-buffer"]);
            String::from_utf8_lossy(&b.stdout).contains("张店区科技局")
        },
    );

    // A mark, then the connection drops (the client is killed, as when a laptop sleeps).
    t.keys(&["m", "a"]);
    t.wait_for("书签 a", Duration::from_secs(10));
    let clients: Vec<String> = processes_with(&format!("-p {}", sshd.port))
        .iter()
        .filter(|p| p.contains("ssh -tt"))
        .map(|p| p.split(':').next().unwrap().to_string())
        .collect();
    assert!(!clients.is_empty(), "the ssh client is running");
    for pid in &clients {
        Command::new("kill").args(["-KILL", pid]).status().unwrap();
    }
    // The server side ends by itself: state saved, no process left.
    wait_until(
        "the server-side reader ends",
        Duration::from_secs(15),
        || {
            processes_with(&reports.display().to_string())
                .iter()
                .all(|p| p.contains("ssh "))
        },
    );
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&state).expect("state saved")).unwrap();
    let marks = saved["corpora"]
        .as_object()
        .and_then(|c| c.values().next())
        .map(|c| c["marks"].clone())
        .unwrap_or_default();
    assert!(marks.get("a").is_some(), "mark a saved: {saved}");
}

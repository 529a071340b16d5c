//! A tmux session for end-to-end tests: the real binary in a real terminal.

use std::process::Command;
use std::time::{Duration, Instant};

/// A private tmux server running an interactive bash, for driving the real binary.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(cmd: &str, w: u16, h: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("tmux not installed: end-to-end test skipped");
            return None;
        }
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let socket = format!(
            "baogao-test-{}-{}-{}",
            std::process::id(),
            N.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            rand_suffix()
        );
        let t = Tmux { socket };
        let ok = t
            .cmd(&[
                "new-session",
                "-d",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
                "-s",
                "t",
                "bash --norc --noprofile",
            ])
            .status
            .success();
        assert!(ok, "tmux new-session failed");
        // With set-clipboard on, an OSC 52 that reached tmux would become a paste buffer.
        t.cmd(&["set-option", "-g", "set-clipboard", "on"]);
        // Fresh config and state: nothing from the user's home, nothing left behind.
        t.send_line(
            "export PS1='READY$ ' NO_COLOR=1 TERM=xterm-256color \
             XDG_STATE_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d)",
        );
        t.wait_for("READY$", Duration::from_secs(10));
        t.send_line(&format!("clear; {cmd}; echo EXIT=$?"));
        Some(t)
    }

    pub fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("run tmux")
    }

    pub fn send_line(&self, s: &str) {
        self.cmd(&["send-keys", "-t", "t", "-l", s]);
        self.cmd(&["send-keys", "-t", "t", "Enter"]);
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "t", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    pub fn title(&self) -> String {
        String::from_utf8_lossy(
            &self
                .cmd(&["display-message", "-p", "-t", "t", "#{pane_title}"])
                .stdout,
        )
        .trim()
        .to_string()
    }

    /// Wait until every needle is on screen at once (a capture can catch a frame
    /// half drawn, so one needle does not vouch for the rest).
    pub fn wait_all(&self, needles: &[&str], timeout: Duration) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if needles.iter().all(|n| s.contains(n)) {
                return s;
            }
            if start.elapsed() > timeout {
                panic!("timed out waiting for {needles:?}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn wait_for(&self, needle: &str, timeout: Duration) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            if start.elapsed() > timeout {
                panic!("timed out waiting for {needle:?}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// "alternate_on mouse_any_flag" of the pane: "0 0" once the app has let go.
    pub fn modes(&self) -> String {
        String::from_utf8_lossy(
            &self
                .cmd(&[
                    "display-message",
                    "-p",
                    "-t",
                    "t",
                    "#{alternate_on} #{mouse_any_flag}",
                ])
                .stdout,
        )
        .trim()
        .to_string()
    }

    /// Whether the pane shows its cursor ("1") or the app left it hidden ("0").
    pub fn cursor(&self) -> String {
        String::from_utf8_lossy(
            &self
                .cmd(&["display-message", "-p", "-t", "t", "#{cursor_flag}"])
                .stdout,
        )
        .trim()
        .to_string()
    }

    pub fn resize(&self, w: u16, h: u16) {
        self.cmd(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
        std::thread::sleep(Duration::from_millis(300));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.cmd(&["kill-server"]);
    }
}

fn rand_suffix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64 % 1_000_000)
}

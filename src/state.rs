//! What the reader remembers between runs: per corpus the last position, marks and the
//! jump list; the palette and search history; marks across reports. Kept as JSON in
//! the platform state directory (~/.local/state/baogao/state.json on Linux).
//!
//! Writes are atomic: a temporary file in the same directory, fsync, rename (then the
//! directory is synced), so a crash or kill at any instant leaves the old or the new
//! file, never a torn one. A file that does not parse is set aside as `state.json.bak`
//! with a warning, never silently overwritten (older ones move to `.bak.1` … `.bak.4`).
//!
//! Two readers may share the file: a reader saves what it changed since it loaded the
//! state ([`save_merged`]) onto what the file holds now, under an exclusive lock on
//! `state.json.lock`, so the marks each of them set survive. Temporary files left by a
//! killed writer are removed under the same lock. Per-corpus entries are bounded: the
//! [`MAX_CORPORA`] most recently used are kept.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A place in a report, by its path (stable across runs) and a point in its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub report: String,
    pub para: u32,
    pub offset: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CorpusState {
    pub last: Option<Place>,
    /// Marks `a`–`z`.
    pub marks: BTreeMap<char, Place>,
    pub jumps: Vec<Place>,
    /// When this corpus was last opened (seconds since 1970), for keeping the most
    /// recently used entries.
    pub used: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub version: u32,
    /// By corpus key (the sorted list of opened paths, or "samples").
    pub corpora: BTreeMap<String, CorpusState>,
    /// Marks `A`–`Z`: across reports and corpora.
    pub global_marks: BTreeMap<char, Place>,
    pub palette_history: Vec<String>,
    pub search_history: Vec<String>,
}

/// History entries kept.
pub const HISTORY: usize = 200;

/// Corpora remembered (least recently used dropped first).
pub const MAX_CORPORA: usize = 64;

/// Damaged state files kept: `.bak` (newest) and `.bak.1` … `.bak.4`.
pub const BACKUPS: usize = 5;

/// The state file's path: $BAOGAO_STATE, else the platform state (or data) directory.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("BAOGAO_STATE") {
        return Some(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "baogao")?;
    Some(
        dirs.state_dir()
            .unwrap_or_else(|| dirs.data_dir())
            .join("state.json"),
    )
}

/// The key a corpus is remembered under.
pub fn corpus_key(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "samples".into();
    }
    let mut v: Vec<String> = paths
        .iter()
        .map(|p| {
            p.canonicalize()
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    v.sort();
    v.join("\n")
}

/// Load the state. A missing file is an empty state; a file that does not parse is
/// renamed to `.bak` and reported.
pub fn load(path: &Path) -> (State, Option<crate::notes::Note>) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (State::default(), None),
        Err(e) => {
            return (
                State::default(),
                Some(crate::notes::Note::StateUnreadable {
                    path: crate::safe::Safe::path(path).to_string(),
                    error: e.to_string(),
                }),
            );
        }
    };
    match serde_json::from_slice::<State>(&bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let bak = backup_path(path, 0);
            let kept = set_aside(path).is_ok();
            (
                State::default(),
                Some(crate::notes::Note::StateDamaged {
                    path: crate::safe::Safe::path(path).to_string(),
                    error: e.to_string(),
                    kept: kept.then(|| crate::safe::Safe::path(&bak).to_string()),
                }),
            )
        }
    }
}

fn backup_path(path: &Path, n: usize) -> PathBuf {
    if n == 0 {
        path.with_extension("json.bak")
    } else {
        path.with_extension(format!("json.bak.{n}"))
    }
}

/// Move a damaged file to `.bak`, shifting older backups up (the oldest is dropped).
fn set_aside(path: &Path) -> std::io::Result<()> {
    let _ = std::fs::remove_file(backup_path(path, BACKUPS - 1));
    for n in (0..BACKUPS - 1).rev() {
        let from = backup_path(path, n);
        if from.exists() {
            std::fs::rename(&from, backup_path(path, n + 1))?;
        }
    }
    std::fs::rename(path, backup_path(path, 0))
}

/// Hold the exclusive lock beside `path` while `f` runs.
fn locked<T>(path: &Path, f: impl FnOnce() -> std::io::Result<T>) -> std::io::Result<T> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path.with_extension("json.lock"))?;
    lock.lock()?;
    let r = f();
    let _ = lock.unlock();
    r
}

/// Write `state` atomically, under the lock (readers use [`save_merged`]).
pub fn save(path: &Path, state: &State) -> std::io::Result<()> {
    locked(path, || write_atomic(path, state))
}

/// Save this instance's changes: everything in `mine` that differs from `base` (the
/// state as loaded at start) is applied to the file's current contents, under the lock.
/// Returns a warning when the file on disk was damaged (it is set aside).
pub fn save_merged(
    path: &Path,
    base: &State,
    mine: &State,
) -> std::io::Result<Option<crate::notes::Note>> {
    locked(path, || {
        let (mut disk, warn) = load(path);
        merge(&mut disk, base, mine);
        write_atomic(path, &disk)?;
        Ok(warn)
    })
}

/// Three-way merge of maps: keys whose value `mine` changed from `base` win.
fn merge_map<K: Ord + Clone, V: Clone + PartialEq>(
    disk: &mut BTreeMap<K, V>,
    base: &BTreeMap<K, V>,
    mine: &BTreeMap<K, V>,
) {
    for k in base.keys().chain(mine.keys()) {
        let (b, m) = (base.get(k), mine.get(k));
        if b != m {
            match m {
                Some(v) => disk.insert(k.clone(), v.clone()),
                None => disk.remove(k),
            };
        }
    }
}

/// Apply `mine`'s changes since `base` to `disk` (see [`save_merged`]).
pub fn merge(disk: &mut State, base: &State, mine: &State) {
    merge_map(
        &mut disk.global_marks,
        &base.global_marks,
        &mine.global_marks,
    );
    let empty = CorpusState::default();
    for (key, m) in &mine.corpora {
        let b = base.corpora.get(key).unwrap_or(&empty);
        let d = disk.corpora.entry(key.clone()).or_default();
        merge_map(&mut d.marks, &b.marks, &m.marks);
        if m.last != b.last {
            d.last = m.last.clone();
        }
        if m.jumps != b.jumps {
            d.jumps = m.jumps.clone();
        }
        d.used = d.used.max(m.used);
    }
    for (d, b, m) in [
        (
            &mut disk.palette_history,
            &base.palette_history,
            &mine.palette_history,
        ),
        (
            &mut disk.search_history,
            &base.search_history,
            &mine.search_history,
        ),
    ] {
        for h in m.iter().filter(|h| !b.contains(h)) {
            remember(d, h);
        }
    }
    if disk.corpora.len() > MAX_CORPORA {
        let mut by_use: Vec<(u64, String)> = disk
            .corpora
            .iter()
            .map(|(k, c)| (c.used, k.clone()))
            .collect();
        by_use.sort();
        for (_, k) in &by_use[..by_use.len() - MAX_CORPORA] {
            disk.corpora.remove(k);
        }
    }
    disk.version = 1;
}

/// Seconds since 1970 (for [`CorpusState::used`]).
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Temporary files of this state file (`.state.json.<pid>.tmp`).
fn is_our_tmp(name: &str, file: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|n| n.strip_prefix(file))
        .and_then(|n| n.strip_prefix('.'))
        .and_then(|n| n.strip_suffix(".tmp"))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Temp file, fsync, rename, fsync the folder. Called under the lock, so any other
/// temporary file of ours was left by a writer that was killed: it is removed.
fn write_atomic(path: &Path, state: &State) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let file = path
        .file_name()
        .map_or("state".into(), |n| n.to_string_lossy().into_owned());
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if is_our_tmp(&e.file_name().to_string_lossy(), &file) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let json = serde_json::to_vec_pretty(state).map_err(std::io::Error::other)?;
    let tmp = dir.join(format!(".{file}.{}.tmp", std::process::id()));
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
    }
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Append to a history, without repeats, keeping the newest [`HISTORY`].
pub fn remember(history: &mut Vec<String>, entry: &str) {
    if entry.trim().is_empty() {
        return;
    }
    history.retain(|h| h != entry);
    history.push(entry.to_string());
    if history.len() > HISTORY {
        let extra = history.len() - HISTORY;
        history.drain(..extra);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damaged_file_kept_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state.json");
        let mut s = State::default();
        s.palette_history.push("pfxc".into());
        s.global_marks.insert(
            'A',
            Place {
                report: "x.txt".into(),
                para: 3,
                offset: 6,
            },
        );
        save(&p, &s).unwrap();
        assert_eq!(load(&p), (s, None));
        std::fs::write(&p, b"{\"corpora\": {").unwrap();
        let (loaded, warn) = load(&p);
        assert_eq!(loaded, State::default());
        assert!(warn.unwrap().to_string().contains("damaged"));
        assert_eq!(
            std::fs::read(dir.path().join("state.json.bak")).unwrap(),
            b"{\"corpora\": {"
        );
        assert!(
            !p.exists(),
            "the damaged file is set aside, not overwritten"
        );
    }

    fn place(n: u32) -> Place {
        Place {
            report: "r.txt".into(),
            para: n,
            offset: 0,
        }
    }

    #[test]
    fn two_instances_keep_each_others_marks_and_history() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state.json");
        let base = State::default();
        // Both loaded the same (empty) state; each sets its own marks.
        let mut one = base.clone();
        one.global_marks.insert('A', place(1));
        one.corpora
            .entry("c".into())
            .or_default()
            .marks
            .insert('a', place(2));
        one.palette_history.push("pufa".into());
        let mut two = base.clone();
        two.global_marks.insert('B', place(3));
        two.corpora
            .entry("c".into())
            .or_default()
            .marks
            .insert('b', place(4));
        two.palette_history.push("pfxc".into());
        save_merged(&p, &base, &one).unwrap();
        save_merged(&p, &base, &two).unwrap();
        let (s, _) = load(&p);
        assert_eq!(s.global_marks.keys().collect::<String>(), "AB");
        assert_eq!(s.corpora["c"].marks.keys().collect::<String>(), "ab");
        assert_eq!(s.palette_history, ["pufa", "pfxc"]);
        // A mark one instance moved wins over the old value; others stay.
        let mut three = s.clone();
        three.global_marks.insert('A', place(9));
        save_merged(&p, &s, &three).unwrap();
        let (s2, _) = load(&p);
        assert_eq!(s2.global_marks[&'A'], place(9));
        assert_eq!(s2.global_marks[&'B'], place(3));
    }

    #[test]
    fn stale_temporary_files_are_removed_and_backups_numbered() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state.json");
        // A writer killed mid-write left its temporary file.
        let stale = dir.path().join(".state.json.4242.tmp");
        std::fs::write(&stale, b"{").unwrap();
        let other = dir.path().join(".notes.4242.tmp");
        std::fs::write(&other, b"x").unwrap();
        save(&p, &State::default()).unwrap();
        assert!(!stale.exists(), "stale temp file removed");
        assert!(other.exists(), "someone else's file left alone");
        // Seven damaged files in a row: the newest five are kept, numbered.
        for i in 0..7 {
            std::fs::write(&p, format!("damaged {i}")).unwrap();
            let (_, warn) = load(&p);
            assert!(warn.unwrap().to_string().contains("damaged"));
        }
        assert_eq!(
            std::fs::read_to_string(backup_path(&p, 0)).unwrap(),
            "damaged 6"
        );
        assert_eq!(
            std::fs::read_to_string(backup_path(&p, 4)).unwrap(),
            "damaged 2"
        );
        assert!(!backup_path(&p, 5).exists());
    }

    #[test]
    fn corpora_are_bounded_least_recently_used_first() {
        let base = State::default();
        let mut disk = State::default();
        for i in 0..(MAX_CORPORA as u64 + 10) {
            let mut mine = State::default();
            mine.corpora.insert(
                format!("corpus {i}"),
                CorpusState {
                    used: 1000 + i,
                    ..Default::default()
                },
            );
            merge(&mut disk, &base, &mine);
        }
        assert_eq!(disk.corpora.len(), MAX_CORPORA);
        assert!(!disk.corpora.contains_key("corpus 9"));
        assert!(disk.corpora.contains_key("corpus 10"));
        assert!(
            disk.corpora
                .contains_key(&format!("corpus {}", MAX_CORPORA + 9))
        );
    }
}

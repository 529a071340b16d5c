//! What the reader remembers between runs: per corpus the last position, marks and the
//! jump list; the palette and search history; marks across reports. Kept as JSON in
//! the platform state directory (~/.local/state/baogao/state.json on Linux).
//!
//! Writes are atomic: a temporary file in the same directory, fsync, rename (then the
//! directory is synced), so a crash or kill at any instant leaves the old or the new
//! file, never a torn one. A file that does not parse is set aside as `state.json.bak`
//! with a warning, never silently overwritten.

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
pub fn load(path: &Path) -> (State, Option<String>) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (State::default(), None),
        Err(e) => {
            return (
                State::default(),
                Some(format!("cannot read {}: {e}", path.display())),
            );
        }
    };
    match serde_json::from_slice::<State>(&bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let bak = path.with_extension("json.bak");
            let kept = std::fs::rename(path, &bak).is_ok();
            (
                State::default(),
                Some(format!(
                    "state file {} is damaged ({e}); {}",
                    path.display(),
                    if kept {
                        format!("kept as {}", bak.display())
                    } else {
                        "left in place".into()
                    }
                )),
            )
        }
    }
}

/// Write atomically: temp file in the same directory, fsync, rename, fsync the folder.
pub fn save(path: &Path, state: &State) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let json = serde_json::to_vec_pretty(state).map_err(std::io::Error::other)?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name()
            .map_or("state".into(), |n| n.to_string_lossy()),
        std::process::id()
    ));
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
        assert!(warn.unwrap().contains("damaged"));
        assert_eq!(
            std::fs::read(dir.path().join("state.json.bak")).unwrap(),
            b"{\"corpora\": {"
        );
        assert!(
            !p.exists(),
            "the damaged file is set aside, not overwritten"
        );
    }
}

//! Files and folders → a corpus: walk (recursive, symlink loops detected), read, and
//! parse in parallel. Input files are only ever read.

use super::samples::SAMPLES;
use crate::corpus::{Corpus, LoadError, Report};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Files larger than this are not reports.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Extensions read when walking a folder (a file named on the command line is always tried).
const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];

/// The embedded samples, named `sample:<file name>`.
pub fn load_samples() -> Corpus {
    let results: Vec<Result<Report, LoadError>> = SAMPLES
        .par_iter()
        .map(|(name, bytes)| parse_one(&format!("sample:{name}"), bytes))
        .collect();
    collect(results, Vec::new())
}

/// Load files and folders. Never fails as a whole: what cannot be read is listed in
/// `Corpus::errors` with a reason.
pub fn load_paths<P: AsRef<Path>>(paths: &[P]) -> Corpus {
    load_paths_progress(paths, &std::sync::atomic::AtomicUsize::new(0))
}

/// [`load_paths`], counting files done in `done` (for a progress display).
pub fn load_paths_progress<P: AsRef<Path>>(
    paths: &[P],
    done: &std::sync::atomic::AtomicUsize,
) -> Corpus {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        walk_root(p.as_ref(), &mut files, &mut errors);
    }
    // The word segmenter (for labelling vague sections) builds on one worker while the
    // other starts on the files.
    let ((), results): ((), Vec<Result<Report, LoadError>>) =
        rayon::join(crate::align::warm_up, || {
            files
                .par_iter()
                .map(|f| {
                    let r = read_and_parse(f);
                    done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    r
                })
                .collect()
        });
    collect(results, errors)
}

fn collect(results: Vec<Result<Report, LoadError>>, mut errors: Vec<LoadError>) -> Corpus {
    let mut reports = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(rep) => reports.push(rep),
            Err(e) => errors.push(e),
        }
    }
    Corpus { reports, errors }
}

fn display(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn err(p: &Path, msg: impl Into<String>) -> LoadError {
    LoadError {
        path: display(p),
        error: msg.into(),
    }
}

fn walk_root(root: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<LoadError>) {
    match std::fs::metadata(root) {
        Err(e) => errors.push(err(root, io_reason(&e))),
        Ok(m) if m.is_dir() => {
            let mut seen = HashSet::new();
            walk_dir(root, &mut seen, files, errors);
        }
        Ok(_) => files.push(root.to_path_buf()),
    }
}

fn walk_dir(
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<LoadError>,
) {
    let canon = match dir.canonicalize() {
        Ok(c) => c,
        Err(e) => {
            errors.push(err(dir, io_reason(&e)));
            return;
        }
    };
    if !seen.insert(canon) {
        errors.push(err(dir, "symbolic link loop, skipped"));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(err(dir, io_reason(&e)));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&path) {
            Err(e) => {
                // A dangling or looping link, or no permission to look.
                if path.extension().is_some_and(is_report_ext)
                    || std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink())
                {
                    errors.push(err(&path, io_reason(&e)));
                }
            }
            Ok(m) if m.is_dir() => walk_dir(&path, seen, files, errors),
            Ok(_) => {
                if path.extension().is_some_and(is_report_ext) {
                    files.push(path);
                }
            }
        }
    }
}

fn is_report_ext(ext: &std::ffi::OsStr) -> bool {
    let e = ext.to_string_lossy().to_ascii_lowercase();
    EXTENSIONS.contains(&e.as_str())
}

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or folder".into(),
        PermissionDenied => "permission denied, skipped".into(),
        _ if e.raw_os_error() == Some(40) => "symbolic link loop, skipped".into(),
        _ => format!("cannot read: {e}"),
    }
}

fn read_and_parse(path: &Path) -> Result<Report, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| err(path, io_reason(&e)))?;
    if !meta.is_file() {
        return Err(err(path, "not a regular file, skipped"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(
            path,
            format!(
                "file too large ({} MB), skipped",
                meta.len() / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| err(path, io_reason(&e)))?;
    super::parse_owned(&display(path), bytes).map_err(|skip| err(path, skip.to_string()))
}

fn parse_one(name: &str, bytes: &[u8]) -> Result<Report, LoadError> {
    super::parse_bytes(name, bytes).map_err(|skip| LoadError {
        path: name.to_string(),
        error: skip.to_string(),
    })
}

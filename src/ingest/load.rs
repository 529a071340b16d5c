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
/// (A web page is read by its markup whatever its name; these names are looked at.)
const EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "html", "htm", "shtml", "xhtml", "mhtml", "mht", "docx",
    "doc", "pdf", "ofd",
];

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
    let mut errors = Vec::new();
    let roots: Vec<&Path> = paths.iter().map(|p| p.as_ref()).collect();
    // The gazetteer (for every report's identity) and the word segmenter (for labelling
    // vague sections) build on one worker while the other walks the folders and starts
    // on the files.
    let warm = || {
        super::gazetteer::get();
        crate::align::warm_up();
    };
    let ((), results): ((), Vec<Result<Report, LoadError>>) = rayon::join(warm, || {
        let mut files = Vec::new();
        for p in &roots {
            walk_root(p, &mut files, &mut errors);
        }
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
        Ok(m) if m.is_dir() => walk_dir(root, &m, files, errors),
        Ok(_) => files.push(root.to_path_buf()),
    }
}

/// A folder's identity: a folder reached twice (through a link) is a loop. Comparing
/// (device, inode) costs nothing; canonicalising every folder cost a readlink per path
/// component, cubic in the depth.
#[cfg(unix)]
fn dir_id(m: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

#[cfg(not(unix))]
fn dir_id(_: &std::fs::Metadata) -> (u64, u64) {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    (0, N.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

/// Depth-first in sorted order, with an explicit stack (no recursion however deep).
fn walk_dir(
    root: &Path,
    root_meta: &std::fs::Metadata,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<LoadError>,
) {
    let mut seen: HashSet<(u64, u64)> = HashSet::new();
    seen.insert(dir_id(root_meta));
    let mut stack: Vec<std::vec::IntoIter<PathBuf>> = Vec::new();
    if let Some(entries) = list_dir(root, errors) {
        stack.push(entries);
    }
    while let Some(top) = stack.last_mut() {
        let Some(path) = top.next() else {
            stack.pop();
            continue;
        };
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
            Ok(m) if m.is_dir() => {
                if !seen.insert(dir_id(&m)) {
                    errors.push(err(&path, "symbolic link loop, skipped"));
                } else if let Some(entries) = list_dir(&path, errors) {
                    stack.push(entries);
                }
            }
            Ok(_) => {
                if path.extension().is_some_and(is_report_ext) {
                    files.push(path);
                }
            }
        }
    }
}

fn list_dir(dir: &Path, errors: &mut Vec<LoadError>) -> Option<std::vec::IntoIter<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(err(dir, io_reason(&e)));
            return None;
        }
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    Some(entries.into_iter())
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
    let bytes = read_bounded(path, MAX_FILE_BYTES).map_err(|why| err(path, why))?;
    super::parse_owned(&display(path), bytes).map_err(|skip| err(path, skip.to_string()))
}

/// Read a report file, never blocking and never past `cap` bytes.
///
/// The file is opened without blocking (a FIFO or a device put in its place after the
/// folder was listed opens at once instead of waiting for a writer), then judged by the
/// opened descriptor itself (fstat: a regular file only, so no check-then-open race), then
/// read through the cap: a file that grows while it is read stops at `cap + 1` bytes and
/// is refused, whatever its size said a moment before. A special file that claims to be
/// regular and would block (/proc/kmsg) is refused too.
pub fn read_bounded(path: &Path, cap: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = opts.open(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if !meta.is_file() {
        return Err("not a regular file, skipped".into());
    }
    let too_large = |n: u64| format!("file too large ({} MB), skipped", n / (1024 * 1024));
    if meta.len() > cap {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    match file.take(cap + 1).read_to_end(&mut bytes) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
            return Err("a device or special file that would block, skipped".into());
        }
        Err(e) => return Err(io_reason(&e)),
    }
    if bytes.len() as u64 > cap {
        return Err(format!(
            "file grew past {} MB while it was read, skipped",
            cap / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

fn parse_one(name: &str, bytes: &[u8]) -> Result<Report, LoadError> {
    super::parse_bytes(name, bytes).map_err(|skip| LoadError {
        path: name.to_string(),
        error: skip.to_string(),
    })
}

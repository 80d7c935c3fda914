//! The sample corpus built into the binary (files under `sample/` in the repo).

use include_dir::{Dir, include_dir};
use std::io;
use std::path::{Path, PathBuf};

static SAMPLE: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/sample");

/// Every file of the built-in sample, as (relative path, bytes), in natural order.
pub fn sample_files() -> Vec<(String, &'static [u8])> {
    let mut out = Vec::new();
    collect(&SAMPLE, &mut out);
    out.retain(|(rel, _)| super::walk::is_issue_file(Path::new(rel)));
    out.sort_by(|a, b| super::walk::natural_cmp(&a.0, &b.0));
    out
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
    for file in dir.files() {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        out.push((rel, file.contents()));
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

/// The folder where the sample is unpacked so that tags made on it persist:
/// `$XDG_DATA_HOME/newstag/sample` (or the platform's data folder).
pub fn default_sample_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(dirs::data_dir)?;
    Some(base.join("newstag").join("sample"))
}

/// Write the sample files that are missing under `dir` (existing files, and the
/// user's sidecars, are never touched) and return `dir`.
pub fn unpack_sample(dir: &Path) -> io::Result<PathBuf> {
    for (rel, bytes) in sample_files() {
        let target = dir.join(&rel);
        // Anything already there, a dangling symlink included, is left alone: the
        // new file is created only where nothing is (never through a link).
        if target.symlink_metadata().is_ok() {
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
        {
            Ok(mut file) => std::io::Write::write_all(&mut file, bytes)?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Ok(dir.to_path_buf())
}

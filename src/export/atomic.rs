//! Writing an export file atomically: the data goes to a temporary file in the same
//! folder, which replaces the target only once everything is written and synced. An
//! existing file is never overwritten unless asked to (`--force`).

use super::ExportError;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Write `path` with `write`, atomically. Without `force` an existing file is an
/// error, checked before any work is done and again when the file is put in place.
pub fn write_file<T>(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> Result<T, ExportError> {
    let io_err = |source: io::Error| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !force && path.symlink_metadata().is_ok() {
        return Err(ExportError::Exists {
            path: path.to_path_buf(),
        });
    }
    let dir = parent_dir(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".newstag-export-").suffix(".tmp");
    // An export is an ordinary file others may read, not a private temp file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(io_err)?;
    let value = {
        let mut out = BufWriter::new(tmp.as_file_mut());
        let value = write(&mut out).map_err(io_err)?;
        out.flush().map_err(io_err)?;
        value
    };
    tmp.as_file().sync_all().map_err(io_err)?;
    if force {
        tmp.persist(path).map_err(|e| io_err(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                ExportError::Exists {
                    path: path.to_path_buf(),
                }
            } else {
                io_err(e.error)
            }
        })?;
    }
    Ok(value)
}

/// The folder holding `path` (`.` for a bare file name).
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new export file holds exactly what was written and no temporary is left.
    #[test]
    fn writes_new_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let n = write_file(&path, false, |w| {
            w.write_all("标题,1\n".as_bytes())?;
            Ok(1)
        })
        .unwrap();
        assert_eq!(n, 1);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "标题,1\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    /// The export is readable by others like any file the user writes (not 0600).
    #[cfg(unix)]
    #[test]
    fn export_file_is_world_readable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_file(&path, false, |w| w.write_all(b"x")).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o044, 0o044, "mode {mode:o}");
    }

    /// Without --force an existing file is refused and left untouched.
    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "precious").unwrap();
        let err = write_file(&path, false, |w| w.write_all(b"new")).unwrap_err();
        assert!(matches!(err, ExportError::Exists { .. }), "{err}");
        assert!(err.to_string().contains("--force"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");
    }

    /// With --force the file is replaced.
    #[test]
    fn overwrites_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        write_file(&path, true, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }

    /// A failure half-way leaves the old file as it was and no temporary behind.
    #[test]
    fn failed_write_keeps_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        let err = write_file(&path, true, |w| -> io::Result<()> {
            w.write_all(b"partial")?;
            Err(io::Error::other("disk on fire"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk on fire"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

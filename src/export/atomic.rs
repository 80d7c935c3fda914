//! Writing an export file atomically: the data goes to a temporary file in the same
//! folder, which replaces the target only once everything is written and synced. An
//! existing file is never overwritten unless asked to (`--force`).

use super::ExportError;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Whether `path` may be written: never a folder, and without `force` nothing
/// that exists. Checked before any work is done (and by [`write_file`]).
pub fn check_target(path: &Path, force: bool) -> Result<(), ExportError> {
    if path.is_dir() {
        return Err(ExportError::Folder {
            path: path.to_path_buf(),
        });
    }
    if !force && path.symlink_metadata().is_ok() {
        return Err(ExportError::Exists {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Write `path` with `write`, atomically. Without `force` an existing file is an
/// error, checked before any work is done and again when the file is put in place.
pub fn write_file<T>(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> Result<T, ExportError> {
    let io_err = |cause: io::Error| ExportError::Io {
        path: path.to_path_buf(),
        cause,
    };
    check_target(path, force)?;
    // An export is an ordinary file others may read, not a private temp file: the
    // mode of the file it replaces (--force), else what File::create would give.
    let mut tmp = crate::replace::temp_beside(path, ".newstag-export-", ".tmp").map_err(io_err)?;
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

/// The folder of the corpus (the parent when a single issue file was opened).
pub fn corpus_folder(root: &Path) -> PathBuf {
    if root.is_file() {
        root.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        root.to_path_buf()
    }
}

/// `FOLDER/newstag-export.EXT`, or `-2`, `-3`... so an existing file is never the
/// default.
pub fn default_path(folder: &Path, format: super::ExportFormat) -> PathBuf {
    let ext = format.as_str();
    let mut path = folder.join(format!("newstag-export.{ext}"));
    let mut n = 2;
    while path.exists() && n < 1000 {
        path = folder.join(format!("newstag-export-{n}.{ext}"));
        n += 1;
    }
    path
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

    /// A new export gets the mode any program's new file gets (0666 minus the umask),
    /// so colleagues can read it: not tempfile's private 0600.
    #[cfg(unix)]
    #[test]
    fn new_export_has_the_mode_of_a_plain_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.csv");
        std::fs::File::create(&plain).unwrap();
        let path = dir.path().join("out.csv");
        write_file(&path, false, |w| w.write_all(b"x")).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode(&path), mode(&plain), "{:o}", mode(&path));
    }

    /// `--force` over an export that was 0640 leaves it 0640 (and 0664 stays 0664,
    /// whatever the umask).
    #[cfg(unix)]
    #[test]
    fn forced_export_keeps_the_mode_of_the_file_it_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        for wanted in [0o640, 0o664] {
            std::fs::write(&path, "old").unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(wanted)).unwrap();
            write_file(&path, true, |w| w.write_all(b"new")).unwrap();
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
            assert_eq!(mode, wanted, "{mode:o}");
        }
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

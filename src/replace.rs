//! The temporary file behind every atomic replace (sidecars, the config file, exports,
//! the index cache): created in the folder of the file it will be renamed over, with
//! the permissions that file should end up with.
//!
//! Archives are shared folders and git repositories, so a file newstag writes must be
//! as readable as one written by any other program. On Unix the temporary gets:
//! - when it replaces a regular file, that file's read and write bits (and, when
//!   the user may set it, that file's group), so saving never changes who can read
//!   it;
//! - for a new file, the mode `File::create` gives: 0666 minus the umask (tempfile's
//!   own default, 0600, would hide the file from colleagues).
//!
//! Set-user-id, set-group-id, sticky and execute bits are never copied: a sidecar,
//! export or cache is data, and a file planted where one is saved (or a symlink
//! there pointing at a set-user-id program) must not hand its powers on. A symlink
//! at the target is replaced by the new file (the rename does not follow it) and
//! gives no mode: the new file gets the mode of a new file. The temporary itself is
//! created with `O_CREAT | O_EXCL`, which never follows a link.
//!
//! Each writer keeps its own overwrite rule (rename over, or refuse an existing file)
//! and its own error type: this only makes the temporary.

use std::io;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// tempfile names its random temp file in its errors (`… at path ".../.x-GbuBuR.tmp"`):
/// the user never asked for that file, so the message keeps only the cause, and the
/// caller names the user's own path.
fn without_temp_path(e: io::Error) -> io::Error {
    let text = e.to_string();
    match text.split_once(" at path ") {
        Some((cause, _)) => io::Error::new(e.kind(), cause.to_string()),
        None => e,
    }
}

/// A new temporary file named `{prefix}{random}{suffix}` in the folder of `target`
/// (which must exist), to be written, synced and then persisted as `target`.
pub fn temp_beside(target: &Path, prefix: &str, suffix: &str) -> io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(suffix);
    #[cfg(unix)]
    let replaced = std::fs::symlink_metadata(target)
        .ok()
        .filter(|m| m.is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The open() below applies the umask, like File::create. A replaced file's
        // mode goes in too, so the temporary is never more open than that file.
        let mode = replaced
            .as_ref()
            .map_or(0o666, |m| m.permissions().mode() & DATA_BITS);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let tmp = builder
        .tempfile_in(folder_of(target))
        .map_err(without_temp_path)?;
    #[cfg(unix)]
    if let Some(old) = replaced {
        keep_owner_group_and_mode(tmp.as_file(), &old);
    }
    Ok(tmp)
}

/// The mode bits a saved file may take from the file it replaces: read and write
/// for owner, group and others; never execute, set-id or sticky.
#[cfg(unix)]
const DATA_BITS: u32 = 0o666;

/// Give `file` the group and the read and write bits of `old` (the umask may have
/// removed bits at creation). Best effort: where the group cannot be set (the user is not in it) or
/// the file system has no Unix modes, the file keeps what it was created with
/// rather than the save failing.
#[cfg(unix)]
fn keep_owner_group_and_mode(file: &std::fs::File, old: &std::fs::Metadata) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if file.metadata().is_ok_and(|m| m.gid() != old.gid()) {
        // Changing the group may clear set-id bits, so the mode is set after it.
        let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    }
    let _ = file.set_permissions(std::fs::Permissions::from_mode(old.mode() & DATA_BITS));
}

/// The folder holding `path` (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    /// A new file gets what `File::create` would give it (0666 minus the umask), not 0600.
    #[test]
    fn new_file_gets_the_mode_file_create_gives() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        let target = dir.path().join("new.toml");
        temp_beside(&target, ".t.", ".tmp")
            .unwrap()
            .persist(&target)
            .unwrap();
        assert_eq!(mode(&target), mode(&plain));
    }

    /// A file planted with set-id and execute bits, or a symlink pointing at one,
    /// hands none of them to the file saved in its place; the link's target is
    /// left as it was.
    #[test]
    fn set_id_and_execute_bits_are_never_copied() {
        let dir = tempfile::tempdir().unwrap();
        let planted = dir.path().join("planted");
        std::fs::write(&planted, "x").unwrap();
        std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o6755)).unwrap();
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        let target = dir.path().join("x.tags.toml");
        std::os::unix::fs::symlink(&planted, &target).unwrap();
        temp_beside(&target, ".t.", ".tmp")
            .unwrap()
            .persist(&target)
            .unwrap();
        assert!(!std::fs::symlink_metadata(&target).unwrap().is_symlink());
        assert_eq!(
            mode(&target),
            mode(&plain),
            "a new file's mode, not the link target's"
        );
        assert_eq!(mode(&planted), 0o6755, "the link's target is untouched");
        std::fs::copy(&planted, &target).unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o6775)).unwrap();
        temp_beside(&target, ".t.", ".tmp")
            .unwrap()
            .persist(&target)
            .unwrap();
        assert_eq!(mode(&target), 0o664);
    }

    /// Replacing a file keeps its read and write bits exactly, even bits the umask
    /// would remove.
    #[test]
    fn replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("old.toml");
        for wanted in [0o640, 0o664, 0o600, 0o666] {
            std::fs::write(&target, "old").unwrap();
            std::fs::set_permissions(&target, std::fs::Permissions::from_mode(wanted)).unwrap();
            temp_beside(&target, ".t.", ".tmp")
                .unwrap()
                .persist(&target)
                .unwrap();
            assert_eq!(mode(&target), wanted, "{wanted:o}");
        }
    }
}

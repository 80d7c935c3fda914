//! Opening files newstag reads (issues, sidecars, the config, the index cache, tag
//! dumps) only when they are regular files.
//!
//! A FIFO where a sidecar or the cache is expected would block `open` until someone
//! writes to it, and every command would hang; a device could be read for ever. So a
//! path is checked before it is opened, opened without blocking (on Unix
//! `O_NONBLOCK | O_NOCTTY`: a FIFO swapped in after the check cannot hang the open),
//! and checked again on the open file (`fstat`), which is what is then read. On a
//! regular file `O_NONBLOCK` changes nothing. Symbolic links are followed: a link to
//! a regular file is read like the file.

use std::fs::{File, FileType, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// What kind of thing `t` is, in words, for messages ("FIFO (named pipe)").
pub fn kind(t: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "FIFO (named pipe)";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_char_device() {
            return "character device";
        }
        if t.is_block_device() {
            return "block device";
        }
    }
    if t.is_dir() {
        "folder"
    } else if t.is_symlink() {
        "symbolic link"
    } else if t.is_file() {
        "regular file"
    } else {
        "special file"
    }
}

/// The error for a path that is not a regular file: `not a regular file but a
/// FIFO (named pipe)`. Its kind is `InvalidInput`.
pub fn not_regular(t: FileType) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("not a regular file but a {}", kind(t)),
    )
}

/// True when `e` says the path was not a regular file (see [`not_regular`]).
pub fn is_not_regular(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::InvalidInput && e.to_string().starts_with("not a regular file")
}

/// Open `path` for reading if it is a regular file (after following links);
/// anything else is refused with [`not_regular`] without blocking.
pub fn open(path: &Path) -> io::Result<File> {
    let before = std::fs::metadata(path)?;
    if !before.is_file() {
        return Err(not_regular(before.file_type()));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let opened = file.metadata()?;
    if !opened.is_file() {
        return Err(not_regular(opened.file_type()));
    }
    Ok(file)
}

/// The bytes of the regular file `path` (see [`open`]).
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    read_into(path, &mut bytes)?;
    Ok(bytes)
}

/// Append the bytes of the regular file `path` to `buf` (see [`open`]).
pub fn read_into(path: &Path, buf: &mut Vec<u8>) -> io::Result<usize> {
    open(path)?.read_to_end(buf)
}

/// The UTF-8 text of the regular file `path` (see [`open`]).
pub fn read_to_string(path: &Path) -> io::Result<String> {
    let mut text = String::new();
    open(path)?.read_to_string(&mut text)?;
    Ok(text)
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// A FIFO (directly or behind a symlink) is refused at once, naming what it is;
    /// a regular file and a link to one are read.
    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.tags.toml");
        mkfifo(&fifo);
        let e = read(&fifo).unwrap_err();
        assert!(is_not_regular(&e), "{e}");
        assert!(e.to_string().contains("FIFO"), "{e}");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        assert!(is_not_regular(&read_to_string(&link).unwrap_err()));
        assert!(is_not_regular(&read(dir.path()).unwrap_err()));
        assert!(is_not_regular(&read(Path::new("/dev/null")).unwrap_err()));
        let file = dir.path().join("f");
        std::fs::write(&file, "文字").unwrap();
        std::os::unix::fs::symlink(&file, dir.path().join("flink")).unwrap();
        assert_eq!(read_to_string(&dir.path().join("flink")).unwrap(), "文字");
        assert_eq!(
            read(&dir.path().join("missing")).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
    }
}

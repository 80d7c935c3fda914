//! `newstag articles ... | head`: a reader that goes away is not an error.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::cli::Cli;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

/// Closing the pipe after one line ends newstag quietly with success.
#[test]
fn broken_pipe_is_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    // Enough copies that the output is far bigger than a pipe's buffer.
    for n in 0..80 {
        for e in std::fs::read_dir(&src).unwrap() {
            let e = e.unwrap();
            let name = format!("{n:03}_{}", e.file_name().to_string_lossy());
            std::fs::copy(e.path(), dir.path().join(name)).unwrap();
        }
    }
    let cli = Cli::new();
    let mut child = cli
        .command()
        .args(["articles", "--format", "jsonl"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"id\""), "{first}");
    // The reader is dropped here, like `head -1` exiting.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "status {:?}, stderr {stderr}",
        out.status
    );
    assert!(stderr.is_empty(), "{stderr}");
}

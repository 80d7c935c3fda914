//! Output helpers shared by subcommands: formats, width-aware tables, and the
//! two ways out to the terminal ([`stdout`] and [`say`]), which show control
//! characters of names, paths and titles visibly ([`crate::text::escape_controls`])
//! instead of letting them act on the terminal.

use crate::text::{cell_text, escape_controls, escape_controls_but, fit_width};
use std::io::{IsTerminal, Write};
use unicode_width::UnicodeWidthStr;

/// How a subcommand prints records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// One JSON object a line, for scripts.
    Jsonl,
}

/// The format asked for, else `table` on a terminal and `jsonl` in a pipe.
pub fn resolve_format(asked: Option<Format>) -> Format {
    asked.unwrap_or_else(|| {
        if std::io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Jsonl
        }
    })
}

/// `s` on one line, cut to at most `width` display cells, marking the cut with `~`.
pub fn fit(s: &str, width: usize) -> String {
    fit_width(&cell_text(s), width)
}

/// `s` padded with spaces to `width` display cells (cut first if longer).
pub fn pad(s: &str, width: usize) -> String {
    let s = fit(s, width);
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Print `newstag: MESSAGE` on stderr, on one line: a control character in it
/// (from a file or tag name) is shown as `\e`, `\n`, `\u{202E}`...
pub fn say(message: impl std::fmt::Display) {
    let message = message.to_string();
    eprintln!("newstag: {}", escape_controls(&message));
}

/// Standard output for what the subcommands print, buffered, through [`Visible`].
pub fn stdout() -> Visible<std::io::BufWriter<std::io::StdoutLock<'static>>> {
    Visible::new(std::io::BufWriter::new(std::io::stdout().lock()))
}

/// A writer that passes text on with every control character but line breaks
/// and tabs written visibly, and bytes that are not UTF-8 as `\xNN`: whatever a
/// subcommand prints, nothing in it can act on the terminal. (JSON lines pass
/// unchanged: their strings hold no raw control character, see
/// [`crate::export::jsonl::write_json_line`].)
pub struct Visible<W: Write> {
    inner: W,
    /// The start of a character whose other bytes have not come yet.
    pending: Vec<u8>,
}

impl<W: Write> Visible<W> {
    pub fn new(inner: W) -> Visible<W> {
        Visible {
            inner,
            pending: Vec::new(),
        }
    }

    fn pass(&mut self, text: &str) -> std::io::Result<()> {
        self.inner
            .write_all(escape_controls_but(text, &['\n', '\t']).as_bytes())
    }
}

impl<W: Write> Write for Visible<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let mut rest = bytes.as_slice();
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.pass(text)?;
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    self.pass(std::str::from_utf8(valid).unwrap_or_default())?;
                    match e.error_len() {
                        Some(n) => {
                            for b in &after[..n] {
                                write!(self.inner, "\\x{b:02X}")?;
                            }
                            rest = &after[n..];
                        }
                        None => {
                            self.pending = after.to_vec();
                            break;
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Drop for Visible<W> {
    fn drop(&mut self) {
        // A character cut off at the very end is shown as its bytes.
        for b in std::mem::take(&mut self.pending) {
            let _ = write!(self.inner, "\\x{b:02X}");
        }
        let _ = self.inner.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_and_pad_count_display_cells() {
        assert_eq!(fit("社区治理", 5), "社区~");
        assert_eq!(pad("社区", 6), "社区  ");
        assert_eq!(pad("abc", 2), "a~");
        assert_eq!(pad("a\u{1b}[2J", 8), "a\\e[2J  ");
    }

    /// Whatever is written, in whatever pieces, comes out with no control
    /// character but line breaks and tabs, and Chinese cut between two writes
    /// comes out whole.
    #[test]
    fn visible_writer_escapes_across_writes() {
        let mut out = Vec::new();
        {
            let mut w = Visible::new(&mut out);
            let text = "社区\t治理\u{1b}[2J\n\u{202e}甲".as_bytes();
            for piece in text.chunks(2) {
                w.write_all(piece).unwrap();
            }
            w.write_all(b"\xff\n").unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "社区\t治理\\e[2J\n\\u{202E}甲\\xFF\n"
        );
    }
}

//! Output helpers shared by subcommands: formats and width-aware tables.

use crate::text::{controls_as_spaces, fit_width};
use std::io::IsTerminal;
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
    fit_width(&controls_as_spaces(s), width)
}

/// `s` padded with spaces to `width` display cells (cut first if longer).
pub fn pad(s: &str, width: usize) -> String {
    let s = fit(s, width);
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_and_pad_count_display_cells() {
        assert_eq!(fit("社区治理", 5), "社区~");
        assert_eq!(pad("社区", 6), "社区  ");
        assert_eq!(pad("abc", 2), "a~");
    }
}

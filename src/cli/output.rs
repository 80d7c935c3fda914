//! Output helpers shared by subcommands: formats and width-aware tables.

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

/// Cut `s` to at most `width` display cells, marking the cut with `~`.
pub fn fit(s: &str, width: usize) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.width() <= width {
        return s;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('~');
    out
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

//! Search matches as styled spans: the characters a query matched, in the
//! highlight style, for the list's titles, the reader's lines and the search
//! line's malformed part.

use ratatui::style::Style;
use ratatui::text::Span;
use std::ops::Range;

/// `text` as spans, the characters at `positions` (ascending) in `hl`.
pub fn spans_with_positions(
    text: &str,
    positions: &[usize],
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    let mut next = positions.iter().peekable();
    for (k, c) in text.chars().enumerate() {
        while next.peek().is_some_and(|&&p| p < k) {
            next.next();
        }
        let is_hl = next.peek().is_some_and(|&&p| p == k);
        if is_hl != run_hl && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hl { hl } else { base },
            ));
        }
        run_hl = is_hl;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hl { hl } else { base }));
    }
    spans
}

/// `text` as spans with the character `ranges` in `hl`.
pub fn spans_with_ranges(
    text: &str,
    ranges: &[Range<usize>],
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    let positions: Vec<usize> = ranges.iter().flat_map(|r| r.clone()).collect();
    spans_with_positions(text, &positions, base, hl)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn spans_split_at_highlighted_characters() {
        let base = Style::default();
        let hl = Style::default().add_modifier(Modifier::BOLD);
        let spans = spans_with_positions("推进社区治理", &[2, 3, 5], base, hl);
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == hl))
            .collect();
        assert_eq!(
            parts,
            vec![("推进", false), ("社区", true), ("治", false), ("理", true)]
        );
    }
}

//! `来源：`, `From:`: which of a list of fields a line names before a colon.

/// Where [`named_field`] looks for a field before a colon.
#[derive(Debug, Clone, Copy)]
pub(super) enum FieldAt {
    /// The line opens with the field (`来源：…`).
    Start,
    /// Before any colon of the line (`2026-11-19　来源：…`).
    Anywhere,
    /// At the end of the text (the text before one colon).
    End,
}

/// `来源：`, `From:`: which of `fields` a line names right before a colon, full-
/// or half-width, at the place `at` says (the first such in `fields`' order).
pub(super) fn named_field(text: &str, fields: &[&str], at: FieldAt) -> Option<usize> {
    let ending = |before: &str| fields.iter().position(|f| before.ends_with(f));
    match at {
        FieldAt::Start => {
            // The line's first colon, looked for only where a field could end
            // (a long line with no colon near its start names none).
            let longest = fields.iter().map(|f| f.len()).max().unwrap_or(0);
            let b = text.as_bytes();
            let colon = (0..b.len().min(longest + 1))
                .find(|&i| b[i] == b':' || b[i..].starts_with("：".as_bytes()))?;
            fields.iter().position(|f| f.as_bytes() == &b[..colon])
        }
        FieldAt::Anywhere => text
            .match_indices(['：', ':'])
            .find_map(|(i, _)| ending(&text[..i])),
        FieldAt::End => ending(text),
    }
}

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
            let before = &text[..text.find(['：', ':'])?];
            fields.iter().position(|f| before == *f)
        }
        FieldAt::Anywhere => text
            .match_indices(['：', ':'])
            .find_map(|(i, _)| ending(&text[..i])),
        FieldAt::End => ending(text),
    }
}

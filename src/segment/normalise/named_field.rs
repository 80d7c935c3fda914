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
            let b = text.as_bytes();
            // A line opening with no field's first two bytes names none (most lines:
            // told before looking for a colon).
            // (Its first two bytes told first, then the whole field: a field named
            // at the start is the line's first bytes.)
            let opens = |f: &&str| match *f.as_bytes() {
                [] => true,
                [f0] => b.first() == Some(&f0),
                [f0, f1, ..] => {
                    b.len() >= 2 && b[0] == f0 && b[1] == f1 && b.starts_with(f.as_bytes())
                }
            };
            if !fields.iter().any(opens) {
                return None;
            }
            let longest = fields.iter().map(|f| f.len()).max().unwrap_or(0);
            // (`：` opens with `EF`: the bytes that may open a colon, found at once.)
            let colon = memchr::memchr2_iter(b':', 0xEF, &b[..b.len().min(longest + 1)])
                .find(|&i| b[i] == b':' || b[i..].starts_with("：".as_bytes()))?;
            fields.iter().position(|f| f.as_bytes() == &b[..colon])
        }
        FieldAt::Anywhere => {
            // The colons, in order, found on bytes (`：` is `EF BC 9A`): reading the
            // line a character at a time cost more than the rest of the rule.
            let b = text.as_bytes();
            memchr::memchr2_iter(b':', 0xEF, b)
                .filter(|&i| b[i] == b':' || b[i..].starts_with("：".as_bytes()))
                .find_map(|i| ending(&text[..i]))
        }
        FieldAt::End => ending(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_found_before_any_colon_of_either_width() {
        let fields = ["作者", "编辑", "来源"];
        let anywhere = |t| named_field(t, &fields, FieldAt::Anywhere);
        assert_eq!(anywhere("2026-11-19　来源：某某日报　作者：某某"), Some(2));
        assert_eq!(anywhere("2026-11-19 08:30 编辑:许佩文"), Some(1));
        // The first colon naming a field counts, whatever colons come before it.
        assert_eq!(anywhere("时间：08:30（周五）　作者：某某"), Some(0));
        assert_eq!(anywhere("（记者　某某）今天，来源不明的消息：…"), None);
        assert_eq!(anywhere("来源"), None);
        assert_eq!(
            named_field("来源：某某日报", &fields, FieldAt::Start),
            Some(2)
        );
    }
}

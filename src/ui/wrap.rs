//! Line breaking for Chinese text mixed with Latin words, by display width.
//!
//! Rules, after the usual practice of Chinese typesetting (GB/T 15834, JLREQ):
//! - a line may break between any two Han characters;
//! - closing punctuation (，。、；：？！）》」』”’… and their ASCII kin) never starts
//!   a line: it stays with the character before it;
//! - opening punctuation (（《「『“‘ and ASCII brackets) never ends a line: it stays
//!   with the character after it;
//! - runs of non-space ASCII (Latin words, numbers such as `3.5%`, URLs) are not
//!   broken unless a run alone is wider than the line;
//! - a dash `——` is not split;
//! - spaces at a break are dropped, but the paragraph's leading indent (full-width
//!   or ASCII spaces) is kept.
//!
//! Pure: no terminal types, only `unicode-width`.

use unicode_width::UnicodeWidthChar;

/// True for punctuation that must not start a line.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '〉'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〗'
            | '］'
            | '｝'
            | '”'
            | '’'
            | '…'
            | '‥'
            | '・'
            | '·'
            | '．'
            | '％'
            | '々'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// True for punctuation that must not end a line.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '《'
            | '〈'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〖'
            | '［'
            | '｛'
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
    )
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\t'
}

fn char_width(c: char) -> usize {
    if c == '\t' { 1 } else { c.width().unwrap_or(0) }
}

/// May a line break fall between `a` and `b` (neither being a space)?
fn may_break_between(a: char, b: char) -> bool {
    if is_closing(b) || is_opening(a) {
        return false;
    }
    if a.is_ascii_graphic() && b.is_ascii_graphic() {
        return false;
    }
    if a == b && matches!(a, '—' | '…' | '-') {
        return false;
    }
    true
}

/// The display width of `s`.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Wrap one paragraph (no `\n` expected; any is treated as a space) into lines no
/// wider than `max_width` columns, as slices of `text`. An empty paragraph gives one
/// empty line. Widths are exceeded only when `max_width` is narrower than a single
/// character (a Han character in one column).
pub fn wrap(text: &str, max_width: usize) -> Vec<&str> {
    let max_width = max_width.max(1);
    // Units: maximal runs that must stay together, as byte ranges; spaces between
    // units are break points, kept in the line unless the line breaks there.
    let mut lines: Vec<&str> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.is_empty() {
        return vec![""];
    }
    let end_of = |i: usize| -> usize { chars.get(i + 1).map(|(b, _)| *b).unwrap_or(text.len()) };

    // The leading indent belongs to the first unit.
    let mut i = 0;
    let mut line_start: usize = 0; // byte offset of the current line's start
    let mut line_width: usize = 0;
    let mut line_end: usize; // byte end of the last unit placed on the line
    let mut indent_width = 0;
    while i < chars.len() && is_space(chars[i].1) && chars[i].1 != '\t' {
        indent_width += char_width(chars[i].1);
        i += 1;
    }
    if indent_width >= max_width {
        // An indent wider than the line is dropped.
        line_start = chars.get(i).map(|(b, _)| *b).unwrap_or(text.len());
        line_end = line_start;
    } else {
        line_width = indent_width;
        line_end = chars.get(i).map(|(b, _)| *b).unwrap_or(text.len());
    }
    let mut pending_space_width = 0; // spaces between the last unit and the next
    let mut at_line_start = true; // no unit placed on this line yet (indent aside)

    while i < chars.len() {
        let c = chars[i].1;
        if is_space(c) || c == '\n' {
            pending_space_width += char_width(c).max(1);
            i += 1;
            continue;
        }
        // Collect one unit starting at i.
        let unit_start = i;
        let mut unit_width = char_width(c);
        let mut j = i + 1;
        while j < chars.len() {
            let b = chars[j].1;
            if is_space(b) || b == '\n' || may_break_between(chars[j - 1].1, b) {
                break;
            }
            unit_width += char_width(b);
            j += 1;
        }
        let ub = chars[unit_start].0;
        let ue = end_of(j - 1);

        let space = if at_line_start {
            0
        } else {
            pending_space_width
        };
        if line_width + space + unit_width <= max_width {
            if at_line_start && line_width == 0 {
                line_start = ub;
            }
            line_width += space + unit_width;
            line_end = ue;
            at_line_start = false;
        } else if unit_width <= max_width {
            // Start a new line with this unit.
            if !at_line_start || line_width > 0 {
                lines.push(&text[line_start..line_end]);
            }
            line_start = ub;
            line_end = ue;
            line_width = unit_width;
            at_line_start = false;
        } else {
            // A unit wider than a whole line: break it by characters.
            if !at_line_start || line_width > 0 {
                lines.push(&text[line_start..line_end]);
                line_width = 0;
            }
            line_start = ub;
            line_end = ub;
            for &(b, c) in &chars[unit_start..j] {
                let w = char_width(c);
                if line_width + w > max_width && line_width > 0 {
                    lines.push(&text[line_start..line_end]);
                    line_start = b;
                    line_width = 0;
                }
                line_width += w;
                line_end = b + c.len_utf8();
            }
            at_line_start = false;
        }
        pending_space_width = 0;
        i = j;
    }
    lines.push(&text[line_start..line_end]);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn first_char(s: &str) -> Option<char> {
        s.chars().next()
    }

    /// Closing punctuation stays with the character before it, never starting a line.
    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let text = "居民们你一言我一语，争相反映情况。城管队员与街道办工作人员边听边记，逐一解答。";
        // From 6 columns on every unbreakable cluster (at most 3 characters) fits;
        // narrower panes cut clusters, which is all they can do.
        for w in 6..40 {
            for line in wrap(text, w) {
                assert!(
                    !first_char(line).is_some_and(is_closing),
                    "width {w}: line starts with closing punctuation: {line:?}"
                );
                assert!(width(line) <= w, "width {w}: {line:?} too wide");
            }
        }
        // At width 8 the comma after 一语 would fall at a line start; it pulls 语 along.
        let lines = wrap("你一言我一语，争相", 12);
        assert_eq!(lines, ["你一言我一", "语，争相"]);
    }

    /// Opening punctuation stays with the character after it, never ending a line.
    #[test]
    fn opening_punctuation_never_ends_a_line() {
        let text = "推动“城管进社区服务面对面”行动（试点）在《山西日报》刊发";
        for w in 6..30 {
            for line in wrap(text, w) {
                assert!(
                    !line.chars().last().is_some_and(is_opening),
                    "width {w}: line ends with opening punctuation: {line:?}"
                );
            }
        }
        assert_eq!(wrap("一二三四“五六", 10), ["一二三四", "“五六"]);
    }

    /// Latin words and numbers are moved whole to the next line, not cut.
    #[test]
    fn latin_words_are_not_broken() {
        let lines = wrap("拨打12345热线或访问 example.org 了解", 12);
        assert_eq!(lines, ["拨打12345热", "线或访问", "example.org", "了解"]);
        let lines = wrap("hello wonderful world", 10);
        assert_eq!(lines, ["hello", "wonderful", "world"]);
    }

    /// A word longer than the line is cut rather than overflowing.
    #[test]
    fn overlong_words_are_cut() {
        let lines = wrap("https://example.org/a/very/long/path", 10);
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert_eq!(lines.concat(), "https://example.org/a/very/long/path");
    }

    /// The paragraph's full-width indent is kept; spaces at breaks are dropped.
    #[test]
    fn full_width_indent_is_kept() {
        let lines = wrap("\u{3000}\u{3000}一二三四五六七八", 10);
        assert_eq!(lines, ["\u{3000}\u{3000}一二三", "四五六七八"]);
    }

    /// Dashes and ellipses are never split across lines.
    #[test]
    fn dashes_stay_whole() {
        for w in 6..12 {
            for line in wrap("治理新图景——晋中……看看", w) {
                assert!(!line.starts_with('…'), "{line:?}");
                assert!(!line.starts_with('—') || line.starts_with("——"), "{line:?}");
            }
        }
    }

    /// Empty text is one empty line; nothing is lost from ordinary text.
    #[test]
    fn nothing_is_lost() {
        assert_eq!(wrap("", 10), [""]);
        let text = "力量沉下去，服务暖上来。晋中“城管进社区”绘就治理新图景";
        assert_eq!(wrap(text, 7).concat(), text);
    }

    proptest! {
        /// For any mix of Han, punctuation, Latin and spaces: no line is wider than
        /// the pane, none starts with closing punctuation unless the line is a cut
        /// overlong run, and no non-space character is lost.
        #[test]
        fn lines_fit_and_keep_text(
            text in "[一二三四五六七八九十，。、：；？！“”（）《》abcXYZ0-9 .,]{0,80}",
            w in 2usize..40,
        ) {
            let lines = wrap(&text, w);
            for line in &lines {
                prop_assert!(width(line) <= w, "{line:?} wider than {w}");
            }
            let kept: String = lines.concat().chars().filter(|c| !is_space(*c)).collect();
            let orig: String = text.chars().filter(|c| !is_space(*c)).collect();
            prop_assert_eq!(kept, orig);
        }
    }
}

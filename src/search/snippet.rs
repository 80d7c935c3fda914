//! Keyword in context: the sentence around a hit, and that sentence cut by
//! display width around the hit (CJK wide characters count two columns), for
//! the one-line snippet of the TUI's list.

use crate::text::CUT_MARK;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Ends a sentence (the snippet never runs past one).
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
}

/// The characters of `chars` in the sentence holding position `at`: from
/// after the previous sentence end to its own end (included).
pub fn sentence_bounds(chars: &[char], at: usize) -> Range<usize> {
    let at = at.min(chars.len());
    let mut start = at;
    while start > 0 && !ends_sentence(chars[start - 1]) {
        start -= 1;
    }
    let mut end = at;
    while end < chars.len() {
        end += 1;
        if ends_sentence(chars[end - 1]) {
            break;
        }
    }
    // A line end is no part of the sentence; spaces around it neither.
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    start..end
}

/// A line of text with the character positions to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Kwic {
    pub text: String,
    /// Character positions of `text`, ascending.
    pub highlights: Vec<usize>,
}

/// The sentence of `text` holding the first of `ranges` (character ranges of
/// `text`, ascending), with every range inside it to highlight; `None` when
/// there is no range.
pub fn sentence_of_hit(text: &str, ranges: &[Range<usize>]) -> Option<Kwic> {
    let first = ranges.first()?;
    let chars: Vec<char> = text.chars().collect();
    let bounds = sentence_bounds(&chars, first.start);
    let highlights = ranges
        .iter()
        .flat_map(|r| r.clone())
        .filter(|p| bounds.contains(p))
        .map(|p| p - bounds.start)
        .collect();
    let text = chars[bounds.clone()]
        .iter()
        .map(|&c| if c.is_control() { ' ' } else { c })
        .collect();
    Some(Kwic { text, highlights })
}

fn width_of(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// `line` cut to at most `width` columns around its first highlight: about a
/// third of the room before the hit, the rest after it, [`CUT_MARK`] where text was
/// left out (a wide character that would not fit whole is left out too).
pub fn fit_around(line: &Kwic, width: usize) -> Kwic {
    let chars: Vec<char> = line.text.chars().collect();
    let total: usize = chars.iter().map(|&c| width_of(c)).sum();
    if total <= width {
        return line.clone();
    }
    if width == 0 {
        return Kwic::default();
    }
    let hit = line
        .highlights
        .first()
        .copied()
        .unwrap_or(0)
        .min(chars.len());
    // Start so that about a third of the room shows what comes before the hit.
    let before_room = width / 3;
    let mut start = hit;
    let mut used = 0;
    while start > 0 && used + width_of(chars[start - 1]) <= before_room {
        start -= 1;
        used += width_of(chars[start]);
    }
    // Near the end: show more before the hit rather than leave room unused.
    let rest: usize = chars[start..].iter().map(|&c| width_of(c)).sum();
    if rest < width {
        // One column goes to the leading mark.
        let mut spare = width - 1 - rest;
        while start > 0 && width_of(chars[start - 1]) <= spare {
            start -= 1;
            spare -= width_of(chars[start]);
        }
    }
    // The hit itself (its first run of highlights) goes before context.
    let mut run_end = hit;
    while run_end < chars.len() && line.highlights.contains(&run_end) {
        run_end += 1;
    }
    while start < hit {
        let need = usize::from(start > 0)
            + chars[start..run_end]
                .iter()
                .map(|&c| width_of(c))
                .sum::<usize>()
            + usize::from(run_end < chars.len());
        if need <= width {
            break;
        }
        start += 1;
    }
    let lead = start > 0;
    let mut room = width - usize::from(lead);
    let mut end = start;
    let mut cols = 0;
    while end < chars.len() && cols + width_of(chars[end]) <= room {
        cols += width_of(chars[end]);
        end += 1;
    }
    if end < chars.len() {
        // Room for the trailing mark: give back characters until it fits.
        room = room.saturating_sub(1);
        while end > start && cols > room {
            end -= 1;
            cols -= width_of(chars[end]);
        }
    }
    let mut text = String::new();
    if lead {
        text.push(CUT_MARK);
    }
    text.extend(&chars[start..end]);
    if end < chars.len() {
        text.push(CUT_MARK);
    }
    let shift = usize::from(lead);
    let highlights = line
        .highlights
        .iter()
        .filter(|&&p| p >= start && p < end)
        .map(|p| p - start + shift)
        .collect();
    Kwic { text, highlights }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn kwic(text: &str, hit: Range<usize>) -> Kwic {
        sentence_of_hit(text, &[hit]).unwrap()
    }

    #[test]
    fn the_sentence_of_the_hit() {
        let text = "第一句。居民参与垃圾分类，环境变好！第三句";
        let k = kwic(text, 8..12);
        assert_eq!(k.text, "居民参与垃圾分类，环境变好！");
        assert_eq!(k.highlights, vec![4, 5, 6, 7]);
        let k = kwic("一段\n 二段有社区。", 7..9);
        assert_eq!(k.text, "二段有社区。");
        assert_eq!(k.highlights, vec![3, 4]);
    }

    #[test]
    fn cut_by_display_width_around_the_hit() {
        let k = kwic(
            "据介绍，这样的服务站今年已在全区建成二十六个，覆盖老旧小区四十余个。",
            7..10,
        );
        for width in [8, 9, 12, 20, 31, 40] {
            let cut = fit_around(&k, width);
            assert!(cut.text.width() <= width, "{width}: {}", cut.text);
            let shown: String = cut
                .highlights
                .iter()
                .filter_map(|&p| cut.text.chars().nth(p))
                .collect();
            assert_eq!(shown, "服务站", "{width}: {}", cut.text);
        }
        let cut = fit_around(&k, 20);
        assert_eq!(cut.text, "~这样的服务站今年已~");
        // Wide enough: the whole sentence, no marks.
        assert_eq!(fit_around(&k, 80), k);
        // Latin text counts one column a letter.
        let k = kwic("The GDP grew by five percent this year.", 4..7);
        let cut = fit_around(&k, 16);
        assert_eq!(cut.text, "The GDP grew by~");
        assert_eq!(cut.highlights, vec![4, 5, 6]);
    }

    #[test]
    fn a_hit_near_the_end_shows_more_before_it() {
        let k = kwic("一二三四五六七八九十社区", 10..12);
        let cut = fit_around(&k, 10);
        assert_eq!(cut.text, "~九十社区");
        assert!(cut.text.width() <= 10);
    }
}

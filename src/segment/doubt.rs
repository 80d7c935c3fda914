//! Doubt, said out loud: the reasons segmentation has to doubt its own cut of an
//! article (see [`crate::article::Doubt`]), from the assembled draft.

use super::assemble::Draft;
use super::classify::{count_upto, is_name_line};
use super::habits::Habits;
use crate::article::{Doubt, Doubts, Kind};
use crate::text::comparison_key;

/// The reasons to doubt `d` (of kind `kind`), given the habits learned from its
/// corpus (a title that recurs across issues is a label).
pub fn doubts_of(d: &Draft, kind: Kind, habits: Option<&Habits>) -> Doubts {
    let mut out = Doubts::default();
    let title = super::blocks::trim_white(&d.title);
    let expected_untitled = matches!(kind, Kind::Photo | Kind::Timeline) || d.jump_in;
    if title.is_empty() {
        if !expected_untitled {
            out.insert(Doubt::NoTitle);
        }
    } else {
        if is_name_line(title) {
            out.insert(Doubt::NameTitle);
        }
        if super::lexicon::lexicon().is_column_label(title)
            || habits.is_some_and(|h| h.is_label(&comparison_key(title)))
        {
            out.insert(Doubt::LabelTitle);
        }
    }
    let short = super::measures::measures().short_body;
    let body: usize = d
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| !d.intertitles.contains(i))
        .map(|(_, p)| count_upto(p, short))
        .sum();
    if body < short && kind != Kind::Photo {
        out.insert(Doubt::Short);
    }
    if d.wording {
        out.insert(Doubt::Wording);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(title: &str, body: &[&str]) -> Draft {
        let mut d = Draft::default();
        d.title = title.into();
        d.paragraphs = body.iter().map(|s| s.to_string()).collect();
        d
    }

    const LONG: &str = "村里新修的水渠通了水，三百亩麦田赶上了春灌，村民们说今年的收成有了指望。";

    #[test]
    fn a_titled_article_of_some_length_raises_no_doubt() {
        assert!(doubts_of(&draft("引水渠通到了田间地头", &[LONG]), Kind::News, None).is_empty());
    }

    #[test]
    fn a_name_or_a_label_as_title_is_doubted() {
        let d = doubts_of(&draft("王芳", &[LONG]), Kind::News, None);
        assert_eq!(d.names(), ["name-title"]);
        let d = doubts_of(&draft("今日关注", &[LONG]), Kind::News, None);
        assert_eq!(d.names(), ["label-title"]);
        // A title that recurs across the corpus's issues is a label too.
        let pages: Vec<_> = ["一", "二", "三"]
            .iter()
            .map(|n| crate::segment::page_lines(&format!("乡村振兴一线行\n\n第{n}站：{LONG}\n")))
            .collect();
        let habits = Habits::learn(&pages);
        let d = doubts_of(&draft("乡村振兴一线行", &[LONG]), Kind::News, Some(&habits));
        assert_eq!(d.names(), ["label-title"]);
        let d = doubts_of(&draft("乡村振兴一线行", &[LONG]), Kind::News, None);
        assert!(d.is_empty());
    }

    #[test]
    fn short_and_untitled_text_is_doubted_but_not_a_caption() {
        let d = doubts_of(&draft("", &["村民说好。"]), Kind::Continuation, None);
        assert_eq!(d.names(), ["short", "no-title"]);
        assert!(doubts_of(&draft("", &["图为新修的水渠。"]), Kind::Photo, None).is_empty());
        let mut part = draft("", &[LONG]);
        part.jump_in = true;
        assert!(doubts_of(&part, Kind::Continuation, None).is_empty());
    }

    #[test]
    fn text_joined_on_wording_only_is_doubted() {
        let mut d = draft("引水渠通到了田间地头", &[LONG]);
        d.wording = true;
        assert_eq!(doubts_of(&d, Kind::News, None).names(), ["wording"]);
    }
}

//! Normalisation before roles: what other extraction tools do to a page is undone
//! here, so classification sees one paragraph a unit whatever printed the page.
//!
//! [`normalise_page`] runs these passes, each in a module of its own, in this
//! order:
//!
//! - `ocr_rows`: an OCR engine's rows of boxes and texts read as the lines they
//!   detected (a box's indent and height).
//! - `mail_headers`: the header of an e-mail forwarding a page is furniture.
//! - `pinyin_readings`: a pinyin reading printed over each line (a phonetic
//!   edition) is no text.
//! - `print_heads`: the marks a text browser or converter prints around an HTML
//!   page's heads (`h2 标题`, `***** 标题 *****`), learned from the page, are
//!   heading levels.
//! - a draft's fields, an outline's entries, a page of records or a timeline's
//!   posts (`segment::draft`, `segment::outline`, `segment::records`,
//!   `segment::posts`): a timeline's posts, framed by lines every post repeats (a
//!   stamp, counters), are articles; a bracketed head opening one its title (split
//!   off once the page is unwrapped).
//! - `indents` (`drop_mid_sentence_indents`, before any line is joined): on a page
//!   without blank lines, indents that fall inside sentences mark nothing.
//! - `font_runs`: lines a PDF extractor cut again at every change of font
//!   (`4` / `月` / `15` / `日…`) are joined back.
//! - `lone_marks`: a pen mark printed alone over a name (`□` / `郗晓梅`) is the
//!   name's line.
//! - `furniture`: page furniture (running heads, mastheads, page numbers, credits,
//!   attribution lines, web chrome, teasers) is set aside as
//!   [`Markup::Furniture`](super::blocks::Markup::Furniture),
//!   banners over runs of briefs or photos (`简　讯`) as
//!   [`Markup::Banner`](super::blocks::Markup::Banner); the
//!   lines that say so are read by `print_furniture` (what a printed page sets
//!   around its articles) and `web_chrome` (what a web page does), a field before a
//!   colon by `named_field`.
//! - `indents` (`join_indented_blocks`): a text browser's indented blocks are one
//!   unit each.
//! - `lynx_links`: a `lynx` link list is furniture, a numbered link over its own
//!   text that text's head.
//! - `reposts`: a story reposted under a line naming its source takes its
//!   original head (`原标题：`) as its title.
//! - `wrap_width`: the width a hard-wrapped page was cut at (and the first of two);
//!   then `furniture` again, for furniture the wrap cut.
//! - `blank_after_every_line`: a page with a blank line after every printed line.
//! - `guessed_markdown`, `indents` (`settle_indents`): a converter's heading marks
//!   and a page's indents are kept only where they mean something.
//! - `letter_runs`: a name set one character a line is one unit.
//! - `segment::recur`: the page's list of its own titles (before the unwrap, and
//!   again after it).
//! - `interleaved`: two columns a PDF extractor printed row by row (each line of
//!   the one followed by the same row's of the other) are read column by column.
//! - `run_in_briefs`: briefs printed run in under their banner are split.
//! - `unwrap`: hard-wrapped lines are rejoined into paragraphs; on pages that keep
//!   blank lines between blocks, the lines of a block are one unit; `wrapped_heads`
//!   makes a head wrapped over lines one.
//! - `item_banners`: a short line over a run of signed comments or of marked items
//!   is their banner.
//! - `glued_labels`: a bracketed column label glued in front of a head is a unit.
//! - `entry_heads`: on a page of entries (a yearbook's `【概况】2025年，…`), each
//!   paragraph's bracketed head is a run-in head over its text.
//!
//! Each step looks at bounded prefixes of lines, so the cost is linear in the page.

mod blank_after_every_line;
mod entry_heads;
mod font_runs;
mod furniture;
mod glued_labels;
mod guessed_markdown;
mod indents;
mod interleaved;
mod item_banners;
mod letter_runs;
mod line;
mod lone_marks;
mod lynx_links;
mod mail_headers;
mod named_field;
mod ocr_rows;
mod pinyin_readings;
mod print_furniture;
mod print_heads;
pub(super) mod reposts;
mod run_in_briefs;
mod unwrap;
mod web_chrome;
mod wrap_width;
mod wrapped_heads;

use crate::segment::blocks::Markup;
use crate::segment::blocks::Unit;
use blank_after_every_line::discount_blank_after_every_line;
use entry_heads::split_entry_heads;
use font_runs::join_font_runs;
pub(super) use furniture::is_furniture_row;
pub(super) use furniture::is_page_edge_row;
use furniture::mark_cut_furniture;
use furniture::mark_furniture;
use furniture::unmark_cut_figures;
use glued_labels::split_glued_labels;
use guessed_markdown::settle_markdown;
use indents::drop_mid_sentence_indents;
use indents::join_indented_blocks;
use indents::settle_indents;
use interleaved::unweave_columns;
use item_banners::mark_comment_banners;
use item_banners::mark_marked_runs;
use letter_runs::join_letter_runs;
use lone_marks::join_lone_pen_marks;
use lynx_links::read_linked_heads;
use mail_headers::set_aside_mail_headers;
use ocr_rows::read_ocr_rows;
use pinyin_readings::drop_pinyin_readings;
pub(super) use print_furniture::is_page_frame;
use print_heads::read_print_heads;
use reposts::read_reposted_titles;
use run_in_briefs::join_wrapped_run_in_heads;
use run_in_briefs::split_run_in_briefs;
pub use unwrap::opens_exchange;
use unwrap::unwrap;
pub(super) use wrap_width::wrap_width;

/// `u` split in two on its line: a first unit of `head` (marked `markup`) and a
/// second of `text` right after it, which has no blank line, indent or page break
/// of its own (a run-in head over its text, a glued label over its head).
fn split_on_its_line<'a>(u: Unit<'a>, head: String, markup: Markup, text: String) -> [Unit<'a>; 2] {
    let mut first = u.clone();
    first.text = std::borrow::Cow::Owned(head);
    first.markup = markup;
    let mut second = u;
    second.text = std::borrow::Cow::Owned(text);
    second.gap = 0;
    second.indent = false;
    second.page_break = false;
    [first, second]
}

/// Normalise the units of one page in place.
pub fn normalise(units: &mut Vec<Unit<'_>>) {
    let traditional = super::traditional::is_traditional(units.iter().map(|u| u.text.as_ref()));
    normalise_page(units, traditional);
}

/// [`normalise`] a page known to be printed in traditional characters or not
/// (see `traditional`).
pub fn normalise_page(units: &mut Vec<Unit<'_>>, traditional: bool) {
    // An OCR engine's rows: their texts, indents and heads by their boxes.
    read_ocr_rows(units);
    // An e-mail's header, not a draft's fields (its `主题：` is no title field).
    set_aside_mail_headers(units);
    // A pinyin reading over each line, before any line is read or joined.
    drop_pinyin_readings(units);
    // The marks a browser or converter printed around an HTML page's heads
    // (`h2 `, `***** … *****`), read as heading levels.
    read_print_heads(units);
    // A draft's field labels are the truth about its lines: read before anything joins.
    // A page of records likewise: a database export's fields hold what the lexicon
    // names them, other records' what is learned from their values.
    // A timeline's posts are framed by lines every post repeats.
    let mut text_label = None;
    let mut posts = None;
    // Outliner notes' entries likewise, by their headlines' properties.
    if !super::draft::read_fields(units) && !super::outline::read_outline(units) {
        text_label = super::records::read_records(units);
        if text_label.is_none() {
            posts = super::posts::read_posts(units);
        }
    }
    // Indents set inside sentences mark nothing: dropped before lines are joined.
    drop_mid_sentence_indents(units);
    // A PDF extractor's lines cut again at every change of font, joined back
    // before anything reads or measures them.
    join_font_runs(units);
    // A pen mark a tool printed alone over the name it signs.
    join_lone_pen_marks(units);
    mark_furniture(units, traditional);
    // A text browser's indented blocks, before their first lines are read as text
    // under a head.
    join_indented_blocks(units);
    read_linked_heads(units);
    read_reposted_titles(units);
    // The page's wrap width, measured once over the lines that are not furniture
    // (a histogram over every line); nothing below changes the lines it counts
    // before the unwrap.
    let wrap = wrap_width(units);
    mark_cut_furniture(units, wrap, traditional);
    unmark_cut_figures(units, wrap);
    discount_blank_after_every_line(units, wrap);
    settle_markdown(units, wrap);
    settle_indents(units, wrap);
    join_letter_runs(units);
    // The page's list of its titles: before the unwrap (which would join a list
    // printed without blank lines into a paragraph) and after it (which makes a
    // head wrapped in a hard-wrapped print whole, to be found again).
    super::recur::mark_contents(units);
    // Two columns a PDF extractor printed row by row, read column by column
    // before their lines are joined.
    unweave_columns(units);
    // Briefs printed run in without a bullet under their banner, split before the
    // unwrap joins a hard-wrapped print's briefs into one paragraph.
    split_run_in_briefs(units);
    unwrap(units, wrap);
    if let Some(label) = text_label {
        super::records::strip_text_label(units, &label);
    }
    if let Some(posts) = &posts {
        posts.split_heads(units);
    }
    super::recur::mark_contents(units);
    mark_comment_banners(units);
    mark_marked_runs(units);
    // A bulleted run-in head a narrow column wrapped is one head, its tail taken
    // off the text's paragraph.
    join_wrapped_run_in_heads(units);
    split_glued_labels(units);
    split_entry_heads(units);
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::segment::blocks::Markup;
    use crate::segment::blocks::units;

    /// The texts of `page`'s units after normalising, furniture and breaks set
    /// aside: what is left for the articles (also `recur`'s tests).
    pub(in crate::segment) fn texts(page: &str) -> Vec<String> {
        let mut u = units(page);
        normalise(&mut u);
        u.iter()
            .filter(|u| !matches!(u.markup, Markup::Furniture | Markup::DocBreak))
            .map(|u| u.text.to_string())
            .collect()
    }

    #[test]
    fn one_paragraph_a_line_is_left_alone() {
        let page = "春风吹绿小山村\n\n村里修了一条路，大家都很高兴。\n\n第二段很短。\n";
        assert_eq!(texts(page).len(), 3);
    }
}

//! Reading a page whose columns were printed side by side (`pdftotext -layout`, a
//! layout-keeping converter): each row of the file holds a line of every column,
//! at the character position the column has on the page.
//!
//! The columns are found from the page's own geometry: how many rows cover each
//! character position. A gutter is a run of positions that few rows cover between
//! positions that many rows cover, which many rows step across from one piece of
//! text to the next (pieces are cut at two or more spaces). The rows above the
//! first row that holds text in two columns and crosses no gutter are the head
//! band, read as they are; below it, the pieces are read column by column, each
//! column top to bottom, a piece opening a little right of its column's margin
//! being an indented paragraph start. A page without such gutters (one column, a
//! table of a few rows) is read line by line as before ([`reading_order`] gives
//! `None`). Positions count characters, as such a tool places them: a Han
//! character takes one position, as a Latin letter does.
//!
//! Each form feed starts a page with geometry of its own; whether the file is
//! measured at all is decided once, over the whole file (`MIN_SPACED`).

use super::classify::{dateline, ends_sentence};
use memchr::memmem;
use unicode_width::UnicodeWidthChar;

/// One piece of the text in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// 1-based line of the file the piece is on.
    pub line: usize,
    /// Byte range of the piece in the text (no surrounding spaces).
    pub start: usize,
    pub end: usize,
    /// Blank lines before it (or the room of them in its column).
    pub gap: usize,
    /// It opens a little right of its column's margin: an indented paragraph.
    pub indent: bool,
    /// A form feed came before it (a new page).
    pub page_break: bool,
    /// It is the rest of the run before it: the second line of a head that filled
    /// its column's width and was wrapped, centred under the first.
    pub continues: bool,
}

/// Text between runs of two or more spaces.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Display positions `a..b` on its row (a character, Han or Latin, takes one).
    a: usize,
    b: usize,
    /// Byte offsets `start..end` of its text in the whole file.
    start: usize,
    end: usize,
}

#[derive(Debug, Default, Clone)]
struct Row {
    line: usize,
    page_break: bool,
    /// The line opens with an indent mark (a full-width space, a tab or two spaces),
    /// as a page read line by line marks a paragraph.
    indented: bool,
    /// A converter's heading (`## 标题`) alone on the row, flush left: where on the
    /// page the head stood was lost with its `#` marks (see [`place_headings`]).
    marked: bool,
    pieces: Vec<Piece>,
}

/// A gutter: display positions `x0..y` (not byte offsets) few rows cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Gutter {
    x0: usize,
    y: usize,
}

/// Rows a page needs before its geometry is read.
const MIN_ROWS: usize = 8;

/// Lines with a wide space inside their text: a file with fewer in all (counted
/// over the whole file, not page by page) is read line by line without measuring
/// any page; a page of a file that has them is measured on its own. Also the
/// fewest rows that must step across a gutter.
const MIN_SPACED: usize = 6;

/// The text's pieces in reading order when at least one of its pages was printed
/// with columns side by side; `None` when none was.
pub fn reading_order(text: &str) -> Option<Vec<Run>> {
    if !worth_measuring(text) {
        return None;
    }
    let rows = rows(text);
    let mut out = Vec::new();
    let mut any = false;
    // The rows measured in display cells, made when a page first needs them.
    let mut cell_rows: Option<Vec<Row>> = None;
    let mut start = 0;
    while start < rows.len() {
        let end = rows[start + 1..]
            .iter()
            .position(|r| r.page_break)
            .map_or(rows.len(), |i| start + 1 + i);
        let page = &rows[start..end];
        // Rows of page furniture set into the page (a running head over it, an
        // e-paper's attribution line cut in between its rows, its credits under
        // it): their text runs across the gutters, so that they hide the columns or
        // cut them into bands. They are set aside and the page measured without
        // them, its columns running on across where they stood; each is read as the
        // row it is, those over the page's first text before the page, the others
        // after it. A page that has no columns without them either is read as
        // before, line by line. (Which rows: [`furniture_rows`].)
        let aside = furniture_rows(text, page);
        let at = out.len();
        if aside.contains(&true) {
            let kept = |rows: &[Row]| -> Vec<Row> {
                rows.iter()
                    .zip(&aside)
                    .filter(|(_, a)| !**a)
                    .map(|(r, _)| r.clone())
                    .collect()
            };
            let cells = &mut cell_rows;
            let page_kept = kept(page);
            if read_page(
                text,
                &page_kept,
                || kept(&cells.get_or_insert_with(|| rows_by(text, true))[start..end]),
                &mut out,
            ) {
                any = true;
                set_aside_rows(page, &aside, at, &mut out);
                start = end;
                continue;
            }
            out.truncate(at);
        }
        let cells = &mut cell_rows;
        any |= read_page(
            text,
            page,
            || cells.get_or_insert_with(|| rows_by(text, true))[start..end].to_vec(),
            &mut out,
        );
        start = end;
    }
    any.then_some(out)
}

/// Reads one page (the rows between two form feeds) into `out`: by its columns when
/// it has them (true), else line by line (false). `cells` gives the page's rows
/// measured in display cells, asked for only when the page has no gutter of two
/// characters.
fn read_page(
    text: &str,
    page: &[Row],
    cells: impl FnOnce() -> Vec<Row>,
    out: &mut Vec<Run>,
) -> bool {
    // A converter's headings are placed by the geometry of the page's other
    // rows (see [`place_headings`]); the page is then read as any other.
    let placed: Vec<Row>;
    let measured = if page.iter().any(|r| r.marked) {
        let bare: Vec<Row> = page
            .iter()
            .map(|r| Row {
                pieces: if r.marked {
                    Vec::new()
                } else {
                    r.pieces.clone()
                },
                ..*r
            })
            .collect();
        match gutters(&bare) {
            Some(g) => {
                placed = place_headings(text, page, &g);
                Some((&placed[..], g))
            }
            None => None,
        }
    } else {
        gutters(page).map(|g| (page, g))
    };
    // Columns that change from one part of the page to the next are no grid
    // running down the whole page: each part is read with gutters of its own.
    let changing = measured.is_some() && columns_change(page);
    match measured {
        Some(_) if changing => {
            read_parts(text, page, out);
            true
        }
        Some((page, g)) => {
            read_columns(text, page, &g, out);
            true
        }
        None => {
            // No gutter of two characters: a text browser's screen, laid out
            // in display cells, may still have columns one cell apart.
            if let Some((split, g)) = narrow_columns(text, &cells()) {
                read_columns(text, &split, &g, out);
                true
            } else if read_blocks(text, page, out) {
                true
            } else {
                read_rows(page, out);
                false
            }
        }
    }
}

/// The rows of `page` whose text, from its first piece to its last, is page
/// furniture ([`is_furniture_row`](super::normalise::is_furniture_row)) that the
/// columns run on across: over the page's first other text or under its last (its
/// head and its foot), such rows set right against that text, no blank row
/// between; between the first text and the last, only one that heads or foots no
/// page ([`is_page_edge_row`](super::normalise::is_page_edge_row)): in a file of
/// several pages with no form feed between them, a running head or a page's
/// credits there is where one page's columns end and the next page's begin.
fn furniture_rows(text: &str, page: &[Row]) -> Vec<bool> {
    let row_text = |r: &Row| match (r.pieces.first(), r.pieces.last()) {
        (Some(first), Some(last)) => Some(&text[first.start..last.end]),
        _ => None,
    };
    let mut aside: Vec<bool> = page
        .iter()
        .map(|r| row_text(r).is_some_and(super::normalise::is_furniture_row))
        .collect();
    let first = (0..page.len()).find(|&i| !aside[i] && !page[i].pieces.is_empty());
    let last = (0..page.len()).rfind(|&i| !aside[i] && !page[i].pieces.is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return vec![false; page.len()];
    };
    for i in first..last {
        if aside[i] && row_text(&page[i]).is_some_and(super::normalise::is_page_edge_row) {
            aside[i] = false;
        }
    }
    // Over the page's first text and under its last, only the rows set right
    // against it: a head or a foot with room between it and the columns stands
    // apart from them already, and is read where it stands.
    let touching = |i: usize| !page[i].pieces.is_empty() && aside[i];
    let mut top = first;
    while top > 0 && touching(top - 1) {
        top -= 1;
    }
    let mut foot = last + 1;
    while foot < page.len() && touching(foot) {
        foot += 1;
    }
    for (i, a) in aside.iter_mut().enumerate() {
        if i < top || i >= foot {
            *a = false;
        }
    }
    aside
}

/// The furniture rows of `page` set aside (`aside`), each read as a run of its own
/// into `out`, where the page's runs start at `at`: the rows over the page's
/// first text that was read before them (the page's top), the others after them.
/// The page's first run keeps its form feed.
fn set_aside_rows(page: &[Row], aside: &[bool], at: usize, out: &mut Vec<Run>) {
    let first_text = (0..page.len())
        .find(|&i| !aside[i] && !page[i].pieces.is_empty())
        .unwrap_or(page.len());
    let run = |i: usize| {
        let r = &page[i];
        let (first, last) = (r.pieces[0], r.pieces[r.pieces.len() - 1]);
        Run {
            line: r.line,
            start: first.start,
            end: last.end,
            // The blank rows right over it.
            gap: page[..i]
                .iter()
                .rev()
                .take_while(|q| q.pieces.is_empty())
                .count(),
            indent: false,
            page_break: false,
            continues: false,
        }
    };
    let top: Vec<Run> = (0..first_text).filter(|&i| aside[i]).map(run).collect();
    let rest = (first_text..page.len()).filter(|&i| aside[i]).map(run);
    out.splice(at..at, top);
    out.extend(rest);
    if let Some(r) = out.get_mut(at) {
        r.page_break = page.first().is_some_and(|r| r.page_break);
    }
}

/// Enough lines in the whole file with three spaces inside their text to be worth
/// measuring its pages.
fn worth_measuring(text: &str) -> bool {
    let finder = memmem::Finder::new(b"   ");
    let b = text.as_bytes();
    let mut n = 0;
    // Only lines with three spaces anywhere can have them inside their text: the
    // scan goes from one such line to the next.
    let mut from = 0;
    while let Some(hit) = finder.find(&b[from..]).map(|i| from + i) {
        let start = memchr::memrchr(b'\n', &b[..hit]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &b[hit..]).map_or(b.len(), |i| hit + i);
        let t = text[start..end].trim_matches([' ', '\r', '\x0c']);
        if finder.find(t.as_bytes()).is_some() {
            n += 1;
            if n >= MIN_SPACED {
                return true;
            }
        }
        from = end;
    }
    false
}

/// The rows of the text, cut into pieces, a character one position.
fn rows(text: &str) -> Vec<Row> {
    rows_by(text, false)
}

/// The rows of the text, cut into pieces; with `cells`, positions are display
/// cells (a Han or full-width character two, as a text browser lays out its
/// screen), else characters.
fn rows_by(text: &str, cells: bool) -> Vec<Row> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split('\n').enumerate() {
        let lead = line.trim_start_matches(['\x0c', '\u{feff}']);
        let mut row = Row {
            line: i + 1,
            indented: lead.starts_with(['\u{3000}', '\t']) || lead.starts_with("  "),
            ..Row::default()
        };
        let mut cell = 0;
        let mut spaces = 0;
        let mut open: Option<Piece> = None;
        for (k, c) in line.char_indices() {
            let w = cell_width(c, cells);
            match c {
                '\x0c' => {
                    row.page_break = true;
                    continue;
                }
                '\r' | '\u{feff}' => continue,
                // A full-width space is room, as a space is: a line of them is
                // blank, and those opening a line indent it.
                c if is_room(c) => spaces += 1,
                _ => {
                    let at = offset + k;
                    match open.as_mut() {
                        Some(p) if spaces < 2 => {
                            p.b = cell + w;
                            p.end = at + c.len_utf8();
                        }
                        _ => {
                            row.pieces.extend(open.take());
                            open = Some(Piece {
                                a: cell,
                                b: cell + w,
                                start: at,
                                end: at + c.len_utf8(),
                            });
                        }
                    }
                    spaces = 0;
                }
            }
            cell += w;
        }
        row.pieces.extend(open);
        row.marked = row.pieces.len() == 1 && row.pieces[0].a == 0 && is_heading(lead);
        out.push(row);
        offset += line.len() + 1;
    }
    out
}

/// The gutters of a page printed with its columns side by side, left to right;
/// `None` when it has none.
fn gutters(page: &[Row]) -> Option<Vec<Gutter>> {
    gutters_of(page, 2)
}

/// [`gutters`] at least `min` positions wide.
fn gutters_of(page: &[Row], min: usize) -> Option<Vec<Gutter>> {
    let n = page.iter().filter(|r| !r.pieces.is_empty()).count();
    if n < MIN_ROWS {
        return None;
    }
    let width = page
        .iter()
        .filter_map(|r| r.pieces.last().map(|p| p.b))
        .max()?;
    let mut cover = vec![0u32; width + 1];
    for p in page.iter().flat_map(|r| &r.pieces) {
        for c in &mut cover[p.a..p.b] {
            *c += 1;
        }
    }
    // The most any position left (right) of x is covered.
    let mut left = vec![0u32; width + 1];
    let mut m = 0;
    for x in 0..=width {
        left[x] = m;
        m = m.max(cover[x]);
    }
    let mut right = vec![0u32; width + 1];
    m = 0;
    for x in (0..=width).rev() {
        right[x] = m;
        m = m.max(cover[x]);
    }
    let low = |x: usize| {
        let side = left[x].min(right[x]);
        side >= 3 && cover[x] * 4 <= side
    };
    // A gutter is stepped across by a share of the page's rows, not a fixed count:
    // 15% keeps a strip that a few rows of a table or a scrap of wrapped text step
    // across from being one, while a band of columns under a tall head still has
    // it (the value was set by the layout prints of the gold sets, not derived).
    let need = spaced_rows_needed(n);
    let mut found: Vec<Gutter> = Vec::new();
    let mut x = 1;
    while x < width {
        if !low(x) {
            x += 1;
            continue;
        }
        let mut y = x;
        while y < width && low(y) {
            y += 1;
        }
        let g = Gutter { x0: x, y };
        if y - x >= min && steps_across(page, g) >= need {
            found.push(g);
        }
        x = y;
    }
    // A column needs text: a strip between two gutters that few pieces open in is
    // part of one wider gutter.
    let opens = |from: usize, to: usize| {
        page.iter()
            .flat_map(|r| &r.pieces)
            .filter(|p| (from..to).contains(&p.a))
            .count()
    };
    // A strip is a column when at least a tenth of the page's rows (three at the
    // least) open a piece in it; fewer are stray words in a wide gutter. Set from
    // the gold sets' layout prints, not derived from the page.
    let few = (n / 10).max(3);
    let mut merged: Vec<Gutter> = Vec::new();
    for g in found {
        match merged.last_mut() {
            Some(last) if opens(last.y, g.x0) < few => last.y = g.y,
            _ => merged.push(g),
        }
    }
    if merged.last().is_some_and(|g| opens(g.y, width + 1) < few) {
        merged.pop();
    }
    // A column's lines open at its margin: most pieces opening right of a gutter
    // open within a few positions of one place (a page cut every N characters
    // leaves its wide spaces anywhere).
    let bounds: Vec<(usize, usize)> = merged
        .iter()
        .enumerate()
        .map(|(i, g)| (g.x0, merged.get(i + 1).map_or(usize::MAX, |h| h.x0)))
        .collect();
    let mut kept = Vec::with_capacity(merged.len());
    for (g, (from, to)) in merged.into_iter().zip(bounds) {
        let starts: Vec<usize> = page
            .iter()
            .flat_map(|r| &r.pieces)
            .map(|p| p.a)
            .filter(|a| (from..to).contains(a))
            .collect();
        let m = margin(starts.iter().copied()).unwrap_or(0);
        // Within four positions of the margin: the widest paragraph indent (two
        // full-width spaces, printed as up to four positions) or a centred head's
        // offset still opens near it; a page cut every N characters scatters them.
        let near = starts.iter().filter(|&&a| (m..=m + 4).contains(&a)).count();
        if near * 2 >= starts.len() {
            kept.push(g);
        }
    }
    let mut merged = kept;
    // Columns side by side make wide rows: the last column is about as wide as the
    // first (a page hard-wrapped at a width keeps only a scrap of a second column).
    while merged
        .last()
        .is_some_and(|g| (width - g.y.min(width)) * 4 < merged[0].x0 * 3)
    {
        merged.pop();
    }
    // The rows keep their leading spaces: rows opening right of the first column
    // are where their text is on the page (a tool that trimmed them lost where,
    // and a row of the second column alone would read as the first's).
    let far = page
        .iter()
        .filter(|r| {
            r.pieces
                .first()
                .is_some_and(|p| merged.first().is_some_and(|g| p.a >= g.x0))
        })
        .count();
    (!merged.is_empty() && far >= 2).then_some(merged)
}

/// The columns of a page a text browser laid out on a screen of display cells
/// (`elinks -dump`: a Han or full-width character takes two cells, and as little as
/// one space may part two columns, so that pieces cut at two spaces run across
/// them): `page` is measured in cells ([`rows_by`]). A gutter cell is one that at
/// most one row in twenty has a character in (a rule or banner across the page)
/// while rows with text on both sides have a space or nothing there, as many rows
/// as step across a gutter ([`gutters`]). The pieces are cut at the spaces in such
/// cells and the page's gutters are then read from the cut pieces as any page's,
/// one cell wide at the least. `None` when no cell is such a gutter, or the cut page
/// has no gutters.
fn narrow_columns(text: &str, page: &[Row]) -> Option<(Vec<Row>, Vec<Gutter>)> {
    let n = page.iter().filter(|r| !r.pieces.is_empty()).count();
    if n < MIN_ROWS {
        return None;
    }
    let width = page
        .iter()
        .filter_map(|r| r.pieces.last().map(|p| p.b))
        .max()?;
    let chars = |p: &Piece| cells_of(text, *p);
    let is_space = is_room;
    let mut ink = vec![0u32; width + 1];
    let mut across = vec![0u32; width + 1];
    let mut filled = vec![false; width + 1];
    for r in page {
        let (Some(first), Some(last)) = (r.pieces.first(), r.pieces.last()) else {
            continue;
        };
        filled.fill(false);
        for p in &r.pieces {
            for (x, w, _, c) in chars(p) {
                if !is_space(c) {
                    filled[x..x + w].fill(true);
                }
            }
        }
        for x in first.a..last.b {
            if filled[x] {
                ink[x] += 1;
            } else {
                across[x] += 1;
            }
        }
    }
    let need = spaced_rows_needed(n) as u32;
    let gutter: Vec<bool> = (0..=width)
        .map(|x| ink[x] as usize * 20 <= n && across[x] >= need)
        .collect();
    if !gutter.contains(&true) {
        return None;
    }
    let split: Vec<Row> = page
        .iter()
        .map(|r| {
            let mut pieces = Vec::with_capacity(r.pieces.len());
            for p in &r.pieces {
                let mut open: Option<Piece> = None;
                for (x, w, at, c) in chars(p) {
                    if is_space(c) {
                        if gutter[x] {
                            pieces.extend(open.take());
                        }
                        continue;
                    }
                    match open.as_mut() {
                        Some(q) => {
                            q.b = x + w;
                            q.end = at + c.len_utf8();
                        }
                        None => {
                            open = Some(Piece {
                                a: x,
                                b: x + w,
                                start: at,
                                end: at + c.len_utf8(),
                            })
                        }
                    }
                }
                pieces.extend(open);
            }
            Row {
                pieces,
                ..r.clone()
            }
        })
        .collect();
    let g = gutters_of(&split, 1)?;
    Some((split, g))
}

/// The cells `c` takes in a row measured in display cells (`cells`: a Han or
/// full-width character two) or in characters: none for what [`rows_by`] skips (a
/// form feed, a carriage return, a byte-order mark), so that a piece's characters
/// stand where the row put them, at least one for any other.
fn cell_width(c: char, cells: bool) -> usize {
    match c {
        '\x0c' | '\r' | '\u{feff}' => 0,
        _ if cells => c.width().unwrap_or(1).max(1),
        _ => 1,
    }
}

/// A space, a tab or a full-width space: room between pieces, not text.
fn is_room(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

/// How many rows must have room at a position for it to be a gutter: 15% of the
/// page's `n` rows, [`MIN_SPACED`] at least.
fn spaced_rows_needed(n: usize) -> usize {
    (n * 15 / 100).max(MIN_SPACED)
}

/// A piece's characters, each with its first cell, the cells it takes and its byte
/// offset in the text.
fn cells_of(text: &str, p: Piece) -> impl Iterator<Item = (usize, usize, usize, char)> + '_ {
    let mut x = p.a;
    text[p.start..p.end].char_indices().map(move |(k, c)| {
        let w = cell_width(c, true);
        x += w;
        (x - w, w, p.start + k, c)
    })
}

/// The page cut across at runs of two or more blank rows, each part read with
/// gutters of its own (block by block or line by line when it has none).
fn read_parts(text: &str, page: &[Row], out: &mut Vec<Run>) {
    let first = out.len();
    for part in parts(page) {
        let start = part.start;
        let part = &page[part];
        let at = out.len();
        match gutters(part) {
            Some(g) => read_columns(text, part, &g, out),
            None if read_blocks(text, part, out) => {}
            None => read_rows(part, out),
        }
        if start > 0
            && let Some(r) = out.get_mut(at)
        {
            r.gap = r.gap.max(1);
        }
    }
    if page.first().is_some_and(|r| r.page_break)
        && let Some(r) = out.get_mut(first)
    {
        r.page_break = true;
    }
}

/// The parts of `page` between runs of two or more blank rows (room across the
/// whole page), blank rows left out.
fn parts(page: &[Row]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let blank = |k: usize| page[k].pieces.is_empty();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i <= page.len() {
            let blank_run = i + 2 <= page.len() && blank(i) && blank(i + 1);
            if i == page.len() || blank_run {
                let part = start..i;
                while i < page.len() && blank(i) {
                    i += 1;
                }
                start = i;
                if i == page.len() {
                    // The last part is given; the loop ends at the next call.
                    i += 1;
                }
                return Some(part);
            }
            i += 1;
        }
        None
    })
}

/// Whether the page's columns change from one part of it to the next: cut across at
/// runs of two or more blank rows (room across the whole page), two parts one after
/// the other that each have gutters of their own ([`gutters`]) do not have the same
/// ones, one having a gutter where the other has none. A grid of columns running
/// down the page keeps its gutters from part to part (a head band over it has too
/// few rows for gutters of its own); a page set in blocks (a story over three
/// columns above one over two beside a column of briefs) changes them.
fn columns_change(page: &[Row]) -> bool {
    let grids: Vec<Vec<Gutter>> = parts(page).filter_map(|p| gutters(&page[p])).collect();
    let covered =
        |a: &[Gutter], b: &[Gutter]| a.iter().all(|g| b.iter().any(|h| g.x0 < h.y && h.x0 < g.y));
    grids
        .windows(2)
        .any(|w| !covered(&w[0], &w[1]) || !covered(&w[1], &w[0]))
}

/// Rows that step across gutter `g`: a piece ends before its end and the next
/// opens after its start.
fn steps_across(page: &[Row], g: Gutter) -> usize {
    page.iter()
        .filter(|r| r.pieces.windows(2).any(|w| w[0].b <= g.y && w[1].a >= g.x0))
        .count()
}

/// The column a piece opening at position `a` is in.
fn column(gutters: &[Gutter], a: usize) -> usize {
    gutters.iter().take_while(|g| g.x0 <= a).count()
}

/// A piece that runs across a gutter or opens well inside one: no column's text.
fn misfit(gutters: &[Gutter], p: &Piece) -> bool {
    gutters
        .iter()
        .any(|g| (p.a < g.x0 && p.b > g.y) || (g.x0 <= p.a && p.a + 1 < g.y))
}

/// The first row under the head band: the first that holds text in two columns and
/// crosses no gutter (the page's length when none does).
fn body_start(page: &[Row], gutters: &[Gutter]) -> usize {
    page.iter()
        .position(|r| {
            let mut cols = r.pieces.iter().map(|p| column(gutters, p.a));
            let first = cols.next();
            cols.any(|c| Some(c) != first) && !r.pieces.iter().any(|p| misfit(gutters, p))
        })
        .unwrap_or(page.len())
}

/// A converter's ATX heading: one to six `#` and a space before its text.
fn is_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && line[hashes..].starts_with(' ')
        && !line[hashes..].trim().is_empty()
}

/// The page with each converter heading below its head band moved into the column
/// it heads or goes on in. A converter that marks a head with `#` prints it flush
/// left, where it reads as the first column's line; the row was the heading's alone
/// (every other column had room there), and what the page still tells is which
/// column comes to a stop above it and goes on below it, and how wide its lines are.
///
/// A heading as wide as a column's lines (two characters short at most: an indent
/// lost) is a line of that column's running text the converter took for a head: it
/// goes into a column whose next line goes on without an indent and whose lines
/// above and below it are more than the column's line pitch apart; first one with a
/// head placed right above it (the line opens that head's body), then one whose
/// text above leaves a sentence open (unless the line is narrower by an indent: it
/// opens a paragraph), then one under a short unpunctuated line, then the one whose
/// text goes on nearest below. Any other heading (or one no column takes as its
/// line) is a head: under a head placed just above (blank rows between) it stays in
/// that head's column; else it goes into the column whose last line above ends a
/// sentence, is a label, a byline or a head's line (short, or narrower than the
/// column's lines, without a sentence's marks) or is none, and that has text below;
/// of those, one with room right above the heading (no line of it on the row
/// before), then the one whose text goes on nearest below, then the leftmost. A
/// heading no column fits stays where it is.
///
/// A heading that opens with a dateline (`本报讯（记者…）…`) and ends no sentence
/// is a lede's first line (no head opens so), whatever its width: it goes into the
/// column whose text goes on below it from the margin and whose line above leaves
/// no sentence open (first under a head placed there, then under a head's or a
/// byline's line, then the nearest text below), and is read without its marks.
fn place_headings(text: &str, page: &[Row], gutters: &[Gutter]) -> Vec<Row> {
    let mut out = page.to_vec();
    let body = body_start(page, gutters);
    // Where each heading went: its column, and whether it is a head (not a line
    // of text the converter took for one).
    let mut home: Vec<Option<(usize, bool)>> = vec![None; page.len()];
    // The first piece of column `c` on `rows` (a heading's once it is placed),
    // with its row.
    fn nearest<'p>(
        page: &'p [Row],
        home: &[Option<(usize, bool)>],
        gutters: &[Gutter],
        mut rows: impl Iterator<Item = usize>,
        c: usize,
    ) -> Option<(usize, &'p Piece)> {
        rows.find_map(|k| {
            let r = &page[k];
            if r.marked {
                return home[k].filter(|h| h.0 == c).map(|_| (k, &r.pieces[0]));
            }
            r.pieces
                .iter()
                .find(|p| column(gutters, p.a) == c)
                .map(|p| (k, p))
        })
    }
    // Each column's span, margin and measure (the right edge most of its lines
    // reach: a column's running text is set full to it).
    let spans: Vec<(usize, usize, usize, usize)> = (0..=gutters.len())
        .map(|c| {
            let from = if c == 0 { 0 } else { gutters[c - 1].y };
            let to = gutters.get(c).map_or(usize::MAX, |g| g.x0);
            let pieces = || {
                page.iter()
                    .filter(|r| !r.marked)
                    .flat_map(|r| &r.pieces)
                    .filter(|p| (from..to).contains(&p.a))
            };
            let left = margin(pieces().map(|p| p.a)).unwrap_or(from);
            let right = margin(pieces().map(|p| p.b)).unwrap_or(left);
            (from, to, left, right.max(left))
        })
        .collect();
    let measure = |c: usize| spans[c].3 - spans[c].2;
    // Each column's line pitch: the rows most often between two of its lines.
    let pitch: Vec<usize> = (0..=gutters.len())
        .map(|c| {
            let rows = page[body..]
                .iter()
                .enumerate()
                .filter(|(_, r)| !r.marked && r.pieces.iter().any(|p| column(gutters, p.a) == c))
                .map(|(k, _)| k);
            let steps = rows.clone().zip(rows.skip(1)).map(|(a, b)| b - a);
            margin(steps).unwrap_or(1)
        })
        .collect();
    fn unmarked(t: &str) -> &str {
        t.trim_start_matches('#').trim()
    }
    let no_marks = |t: &str| !t.contains(['，', '。', '；', '！', '？', ',', ';']);
    // A label, a byline or a head's line: short, or narrower than the column's
    // lines, without a sentence's marks (a column's running text is set full).
    let stop = |c: usize, t: &str| {
        let t = unmarked(t);
        let n = t.chars().count();
        ends_sentence(t) || (no_marks(t) && (n <= 8 || n + 3 < measure(c)))
    };
    // A line of column `c`'s running text: as wide as its lines, an indent lost.
    let text_line =
        |c: usize, n: usize| measure(c) >= 8 && n + 2 >= measure(c) && n <= measure(c) + 1;
    let mut placed: Option<usize> = None;
    for i in body..page.len() {
        if !page[i].marked {
            if !page[i].pieces.is_empty() {
                placed = None;
            }
            continue;
        }
        let p0 = &page[i].pieces[0];
        let t = unmarked(&text[p0.start..p0.end]);
        let n = t.chars().count();
        let mut best: Option<((usize, usize, usize), usize)> = None;
        // A lede's first line (`本报讯（记者…）…`, no sentence ended) the converter
        // took for a head: no head opens so. It opens the body of the column whose
        // text goes on below it from the margin and whose line above leaves no
        // sentence open (a head's or a byline's line before all).
        let lede = n >= 8 && !ends_sentence(t) && dateline(t).is_some();
        if lede {
            for c in 0..=gutters.len() {
                let Some((below, bp)) = nearest(page, &home, gutters, i + 1..page.len(), c) else {
                    continue;
                };
                if bp.a > spans[c].2 + 1 {
                    continue;
                }
                let above = nearest(page, &home, gutters, (body..i).rev(), c);
                if above.is_some_and(|(k, _)| below - k <= pitch[c]) {
                    continue;
                }
                let rank = match above {
                    Some((k, _)) if home[k].is_some_and(|h| h.1) => 0,
                    Some((_, p)) => {
                        let a = &text[p.start..p.end];
                        if !stop(c, a) {
                            continue;
                        }
                        if ends_sentence(a) { 2 } else { 1 }
                    }
                    None => 2,
                };
                let rank = (rank, below - i, c);
                if best.is_none_or(|(r, _)| rank < r) {
                    best = Some((rank, c));
                }
            }
        }
        let mut line = lede && best.is_some();
        if !lede && (0..=gutters.len()).any(|c| text_line(c, n)) {
            // A line of text the converter took for a head: it goes on in the
            // column whose next line continues it (no indent opens a paragraph
            // there); before all one it opens the body of a head placed right
            // above, then one whose text above leaves a sentence open.
            for c in (0..=gutters.len()).filter(|&c| text_line(c, n)) {
                let Some((below, bp)) = nearest(page, &home, gutters, i + 1..page.len(), c) else {
                    continue;
                };
                if bp.a > spans[c].2 + 1 {
                    continue;
                }
                let above = nearest(page, &home, gutters, (body..i).rev(), c);
                // The column's lines right above and below are a line apart: no
                // line of it stood between them.
                if above.is_some_and(|(k, _)| below - k <= pitch[c]) {
                    continue;
                }
                let (placed_head, open, head) = above.map_or((false, false, false), |(k, p)| {
                    let a = &text[p.start..p.end];
                    let placed_head = home[k].is_some_and(|h| h.1);
                    (
                        placed_head,
                        !placed_head && !stop(c, a),
                        stop(c, a) && !ends_sentence(a),
                    )
                });
                // Narrower than the column's lines by an indent: it opens a
                // paragraph, so the text above it does not leave a sentence open.
                if open && n + 2 <= measure(c) {
                    continue;
                }
                // Narrower by an indent after the column's sentence ends, with no
                // head over it: a head's line (a paragraph's first line keeps the
                // indent a converter's mark cannot take from a line of text).
                if above.is_some() && !placed_head && !open && !head && n + 2 <= measure(c) {
                    continue;
                }
                let rank = if placed_head {
                    0
                } else if open {
                    1
                } else if head {
                    2
                } else {
                    3
                };
                let rank = (rank, below - i, c);
                if best.is_none_or(|(r, _)| rank < r) {
                    best = Some((rank, c));
                }
            }
            // No column goes on with it: a head as narrow as a column's lines.
            line = best.is_some();
        }
        if line {
            // Placed as a line of its column's text.
        } else if let Some(c) = placed {
            // Under a head placed just above (blank rows between): its stack.
            best = Some(((0, 0, c), c));
        } else {
            for c in 0..=gutters.len() {
                let Some((below, _)) = nearest(page, &home, gutters, i + 1..page.len(), c) else {
                    continue;
                };
                let above = nearest(page, &home, gutters, (body..i).rev(), c);
                let head = |k: usize| home[k].is_some_and(|h| h.1);
                if above.is_some_and(|(k, p)| !head(k) && !stop(c, &text[p.start..p.end])) {
                    continue;
                }
                let room = above.is_none_or(|(k, _)| k + 1 < i);
                let rank = (usize::from(!room), below - i, c);
                if best.is_none_or(|(r, _)| rank < r) {
                    best = Some((rank, c));
                }
            }
        }
        placed = None;
        let Some((_, c)) = best else {
            continue;
        };
        home[i] = Some((c, !line));
        if !line {
            placed = Some(c);
        }
        let (_, to, left, _) = spans[c];
        if let Some(p) = out[i].pieces.first_mut() {
            let width = p.b - p.a;
            p.a = left;
            p.b = (left + width).min(to).max(left + 1);
            // A lede's line is read as the text it is, without the marks.
            if lede && line {
                // Where the text stands in the page (`t` is a slice of it): the
                // marks and any whitespace trimmed at either end, an NBSP a
                // converter left after the text too.
                p.start = t.as_ptr() as usize - text.as_ptr() as usize;
                p.end = p.start + t.len();
            }
        }
    }
    out
}

/// Every non-blank row whole, in order.
fn read_rows(page: &[Row], out: &mut Vec<Run>) {
    let mut gap = 0;
    let mut page_break = false;
    for r in page {
        page_break |= r.page_break;
        let (Some(first), Some(last)) = (r.pieces.first(), r.pieces.last()) else {
            gap += 1;
            continue;
        };
        out.push(Run {
            line: r.line,
            start: first.start,
            end: last.end,
            gap,
            indent: r.indented,
            page_break,
            continues: false,
        });
        gap = 0;
        page_break = false;
    }
}

/// The head band whole, then each column top to bottom; a run of rows lower down
/// whose text runs across a gutter (a head set over several columns) cuts the
/// columns into bands one over the other, each band's columns read in turn and the
/// run line by line between them (two stories stacked over the same columns).
fn read_columns(text: &str, page: &[Row], gutters: &[Gutter], out: &mut Vec<Run>) {
    let first_run = out.len();
    let body = body_start(page, gutters);
    read_rows(&page[..body], out);
    // A row across the columns: all its text misfits them and some runs across a
    // gutter (a line of one column that merely opens in a gutter spans nothing).
    let spans = |r: &Row| {
        !r.pieces.is_empty()
            && r.pieces.iter().all(|p| misfit(gutters, p))
            && r.pieces
                .iter()
                .any(|p| gutters.iter().any(|g| p.a < g.x0 && p.b > g.y))
    };
    let mut at = body;
    while at < page.len() {
        // The band: up to the next spanning row, less the blank rows before it
        // (they go with the spanning rows, as room above a head).
        let next = page[at..]
            .iter()
            .position(spans)
            .map_or(page.len(), |i| at + i);
        let mut end = next;
        while end > at && page[end - 1].pieces.is_empty() {
            end -= 1;
        }
        read_band(text, &page[at..end], gutters, out);
        if next == page.len() {
            break;
        }
        // The spanning rows, with blank rows among them, read whole.
        let mut stop = next;
        while stop < page.len() && (page[stop].pieces.is_empty() || spans(&page[stop])) {
            stop += 1;
        }
        while stop > next && page[stop - 1].pieces.is_empty() {
            stop -= 1;
        }
        read_rows(&page[end..stop], out);
        at = stop;
    }
    if page.first().is_some_and(|r| r.page_break)
        && let Some(r) = out.get_mut(first_run)
    {
        r.page_break = true;
    }
}

/// Rows under the same columns: each column top to bottom.
fn read_band(text: &str, band: &[Row], gutters: &[Gutter], out: &mut Vec<Run>) {
    for col in 0..=gutters.len() {
        let pieces: Vec<(usize, &Piece)> = band
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.pieces.iter().map(move |p| (i, p)))
            .filter(|(_, p)| column(gutters, p.a) == col)
            .collect();
        // The column's margin, from the lines that open their row, where a tool puts
        // them by their place on the page (a line after another column's line on
        // the same row may be pushed right by it); from all its lines when none does.
        let opening = pieces
            .iter()
            .filter(|(i, p)| band[*i].pieces.first().is_some_and(|f| f.a == p.a))
            .map(|(_, p)| p.a);
        let Some(left) = margin(opening).or_else(|| margin(pieces.iter().map(|(_, p)| p.a))) else {
            continue;
        };
        // Where the column's full lines end. A line opening right of the margin
        // opens a paragraph (or a head centred in the column): no continuation of
        // the line above, unless both are short lines without a sentence's end, the
        // lines of a head centred in the column.
        let edge = margin(pieces.iter().map(|(_, p)| p.b)).unwrap_or(0);
        // Rows from one line of the column to the next: other columns' lines fall
        // between them; a step of more than twice the usual one after a line that
        // may end its paragraph is vertical room (a blank line).
        let mut steps: Vec<usize> = pieces.windows(2).map(|w| w[1].0 - w[0].0).collect();
        steps.sort_unstable();
        let usual = steps.get(steps.len() / 2).copied().unwrap_or(1).max(1);
        // The line before in the column: row, piece, short, a continuation.
        let mut prev: Option<(usize, &Piece, bool, bool)> = None;
        for &(i, p) in &pieces {
            let t = &text[p.start..p.end];
            // Short: well short of the column's full lines (a head set larger has
            // fewer characters than a text line however wide it is on the page).
            let short = p.b.saturating_sub(left) * 100 < edge.saturating_sub(left) * 85
                && !ends_sentence(t);
            let (gap, continues) = match prev {
                None => (0, false),
                Some((q, pp, pshort, pcont)) => {
                    let pt = &text[pp.start..pp.end];
                    // A full line that ends no sentence goes on below, however many
                    // rows other columns put between.
                    let dangling = !pshort && !ends_sentence(pt);
                    let room = i - q > 2 * usual && i - q > 2 && !dangling;
                    // A head as wide as the column (it opens at the margin, its
                    // characters fewer than a text line's but at least half as many:
                    // no label) cut by the width goes on in a shorter line centred
                    // under it.
                    let head_like = |s: &str| {
                        !s.contains(['，', '。', '；', '：', '！', '？', '、', ',', ';', ':', ' '])
                    };
                    let continues = !pcont
                        && i - q <= 2 * usual
                        && pp.a == left
                        && (pp.b - pp.a) * 2 >= edge.saturating_sub(left)
                        && pp.b - pp.a > p.b - p.a
                        && p.a > left
                        && pshort
                        && short
                        && head_like(pt)
                        && head_like(t)
                        && !t.starts_with("——");
                    (usize::from(room), continues)
                }
            };
            let prev_short = prev.is_some_and(|x| x.2);
            out.push(Run {
                line: band[i].line,
                start: p.start,
                end: p.end,
                gap,
                indent: !continues
                    && (1..=4).contains(&p.a.saturating_sub(left))
                    && !(short && prev_short),
                page_break: false,
                continues,
            });
            prev = Some((i, p, short, continues));
        }
    }
}

/// Reads a page whose columns change from one part of it to the next (boxes beside
/// a story, a story of two columns beside a column of briefs, each under its own
/// head): the page is cut into blocks by its empty room, the way it was set. A
/// region is cut across at runs of two or more blank rows, unless the columns of
/// the parts above and below share a gutter (a column running on past the room,
/// beside a story that starts below it: the region is then cut down that gutter
/// first); a region not cut across is cut down its widest gutter, a run of two or
/// more positions that no piece covers, with text on both sides in two rows or
/// more; a region cut neither way is read as a column. Each part is read whole
/// before the next, top before bottom and left before right. Gives `false` (and
/// reads nothing) when no cut down the page is stepped across by
/// [`MIN_SPACED`] rows: no page of columns.
fn read_blocks(text: &str, page: &[Row], out: &mut Vec<Run>) -> bool {
    if page.iter().filter(|r| !r.pieces.is_empty()).count() < MIN_ROWS {
        return false;
    }
    let mut runs = Vec::new();
    let mut columned = false;
    cut(
        text,
        &restrict(page, 0, usize::MAX),
        &mut runs,
        &mut columned,
    );
    if !columned {
        return false;
    }
    if page.first().is_some_and(|r| r.page_break)
        && let Some(r) = runs.first_mut()
    {
        r.page_break = true;
    }
    out.extend(runs);
    true
}

/// The rows with only their pieces that open in `x0..x1`, less blank rows at
/// either end.
fn restrict(rows: &[Row], x0: usize, x1: usize) -> Vec<Row> {
    let mut out: Vec<Row> = rows
        .iter()
        .map(|r| Row {
            indented: r.indented && x0 == 0,
            pieces: r
                .pieces
                .iter()
                .filter(|p| (x0..x1).contains(&p.a))
                .copied()
                .collect(),
            ..*r
        })
        .collect();
    let first = out
        .iter()
        .position(|r| !r.pieces.is_empty())
        .unwrap_or(out.len());
    let last = out
        .iter()
        .rposition(|r| !r.pieces.is_empty())
        .map_or(first, |i| i + 1);
    out.truncate(last);
    out.drain(..first);
    out
}

/// Runs of two or more positions no piece of the region covers, with text on both
/// sides in at least two rows each, left to right.
fn clean_gutters(rows: &[Row]) -> Vec<Gutter> {
    clean_gutters_in(rows, Span::of(rows), true)
}

/// Where the leftmost text of `rows` starts (0 for no text): no gutter opens
/// left of it, since a region's pieces keep their page positions.
fn leftmost_text(rows: &[Row]) -> usize {
    rows.iter()
        .filter_map(|r| r.pieces.first().map(|p| p.a))
        .min()
        .unwrap_or(0)
}

/// The stretches `x..y` of positions from `lo` on that no piece covers
/// (`covered`, as wide as the region), left to right: where a gutter of a
/// region whose leftmost text starts at `lo` ([`leftmost_text`]) can run.
fn open_stretches(covered: &[bool], lo: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut x = lo;
    std::iter::from_fn(move || {
        x += covered.get(x..)?.iter().position(|&c| !c)?;
        let y = covered[x..]
            .iter()
            .position(|&c| c)
            .map_or(covered.len(), |d| x + d);
        let stretch = (x, y);
        x = y;
        Some(stretch)
    })
}

/// [`clean_gutters_in`] of a region read for its span first (the plain reading
/// the tests hold the span's reading to).
#[cfg(test)]
fn clean_gutters_by(rows: &[Row], early: bool) -> Vec<Gutter> {
    clean_gutters_in(rows, Span::of(rows), early)
}

/// The region's clean gutters ([`clean_gutters`]) where its width and leftmost
/// text are `span`'s: the rows read only until no gutter is left possible
/// (`early`) or every one of them.
fn clean_gutters_in(rows: &[Row], span: Span, early: bool) -> Vec<Gutter> {
    let Some(width) = span.width else {
        return Vec::new();
    };
    let lo = span.lo;
    let mut covered = vec![false; width + 1];
    for (i, r) in rows.iter().enumerate() {
        for p in &r.pieces {
            covered[p.a..p.b].fill(true);
        }
        // Positions covered stay covered: once no two neighbours are left open
        // from `lo` on (asked after the first row, the second, the fourth...),
        // the region has no gutter and the rest of its rows need not be filled
        // in (its width was read over all of them). A region of thousands of
        // rows without blank ones is asked it again for each band cut from its
        // top.
        if early
            && (i + 1).is_power_of_two()
            && !open_stretches(&covered[..width], lo).any(|(x, y)| y - x >= 2)
        {
            return Vec::new();
        }
    }
    let mut out = Vec::new();
    for (x, y) in open_stretches(&covered[..width], lo) {
        let left = rows
            .iter()
            .filter(|r| r.pieces.iter().any(|p| p.b <= x))
            .count();
        let right = rows
            .iter()
            .filter(|r| r.pieces.iter().any(|p| p.a >= y))
            .count();
        if y - x >= 2 && left >= 2 && right >= 2 {
            out.push(Gutter { x0: x, y });
        }
    }
    out
}

/// Rows of the region with text on both sides of gutter `g`.
fn stepped_across(rows: &[Row], g: Gutter) -> usize {
    rows.iter()
        .filter(|r| r.pieces.iter().any(|p| p.b <= g.x0) && r.pieces.iter().any(|p| p.a >= g.y))
        .count()
}

/// Whether a region has a gutter down all of it ([`clean_gutters`]) that
/// [`MIN_SPACED`] of its rows step across: columns side by side (what
/// [`runs_with_columns`] asks of every run of a region's rows at once; kept as
/// the plain reading it is tested against).
#[cfg(test)]
fn has_columns(rows: &[Row]) -> bool {
    clean_gutters(rows)
        .into_iter()
        .any(|g| stepped_across(rows, g) >= MIN_SPACED)
}

/// [`runs_with_columns_in`] of a region read for its span first (the plain
/// reading the tests hold the span's reading to).
#[cfg(test)]
fn runs_with_columns(rows: &[Row], from_top: bool) -> Vec<usize> {
    runs_with_columns_in(rows, Span::of(rows), from_top)
}

/// The runs of the region's rows (its width and leftmost text `span`'s) from its
/// top (`rows[..k]`, `from_top`) or to its bottom (`rows[k..]`) that have columns
/// (a gutter down all of them that [`MIN_SPACED`] of their rows step across), by
/// their `k`: every run read in one pass, a row at a time, where asking it of each
/// run apart read the region once a run.
///
/// A run's gutters are the runs of two or more positions none of its rows covers
/// with text on both sides, and a row steps across one when its first piece ends
/// before it and its last opens after it: since no piece covers the gutter, when
/// its first position lies between the two. So with `covered` (any of the run's
/// rows covers the position) and `between` (how many of its rows have the position
/// between their first piece's end and their last piece's start) kept as the rows
/// come, the run has columns when a stretch of two or more positions not covered
/// opens at a position [`MIN_SPACED`] rows have between. Positions covered stay
/// covered: once no two neighbours are left open, no longer run has a gutter.
fn runs_with_columns_in(rows: &[Row], span: Span, from_top: bool) -> Vec<usize> {
    let width = span.width.unwrap_or(0);
    let lo = span.lo;
    let mut covered = vec![false; width];
    let mut between = vec![0usize; width];
    let mut found = Vec::new();
    let n = rows.len();
    for i in 0..n {
        // The run read so far, of the rows to `k` or from it.
        let (at, k) = match from_top {
            true => (i, i + 1),
            false => (n - 1 - i, n - 1 - i),
        };
        let row = &rows[at];
        for p in &row.pieces {
            covered[p.a..p.b].fill(true);
        }
        if let (Some(first), Some(last)) = (row.pieces.first(), row.pieces.last())
            && first.b < last.a
        {
            for c in &mut between[first.b..last.a] {
                *c += 1;
            }
        }
        let mut open = false;
        for (x, _) in open_stretches(&covered, lo).filter(|(x, y)| y - x >= 2) {
            open = true;
            if between[x] >= MIN_SPACED {
                found.push(k);
                break;
            }
        }
        if !open {
            break;
        }
    }
    found
}

/// Whether two regions have a gutter at the same place.
fn share_a_gutter(a: &[Gutter], b: &[Gutter]) -> bool {
    a.iter().any(|g| b.iter().any(|h| g.x0 < h.y && h.x0 < g.y))
}

/// What the reading of a region asks of all of its rows at once: its width (the
/// end of its widest row; `None` for no text), where its leftmost text starts
/// ([`leftmost_text`]) and whether two blank rows in a row lie in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    width: Option<usize>,
    lo: usize,
    blank_pair: bool,
}

impl Span {
    /// The span of `rows`, read over all of them.
    fn of(rows: &[Row]) -> Span {
        Span {
            width: rows
                .iter()
                .filter_map(|r| r.pieces.last().map(|p| p.b))
                .max(),
            lo: leftmost_text(rows),
            blank_pair: rows
                .windows(2)
                .any(|w| w[0].pieces.is_empty() && w[1].pieces.is_empty()),
        }
    }
}

/// The [`Span`] of every tail `rows[i..]` of a region, read in one pass from its
/// bottom: [`cut`] takes band after band off a region's top and reads the rest
/// as a region of its own, and reading each rest over again cost a region of n
/// rows cut into bands of b about n*n/b.
struct Tails {
    width: Vec<Option<usize>>,
    first: Vec<Option<usize>>,
    blank_pair: Vec<bool>,
}

impl Tails {
    fn of(rows: &[Row]) -> Tails {
        let n = rows.len();
        let mut t = Tails {
            width: vec![None; n + 1],
            first: vec![None; n + 1],
            blank_pair: vec![false; n + 1],
        };
        for (i, r) in rows.iter().enumerate().rev() {
            t.width[i] = t.width[i + 1].max(r.pieces.last().map(|p| p.b));
            t.first[i] = match (t.first[i + 1], r.pieces.first().map(|p| p.a)) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
            t.blank_pair[i] = t.blank_pair[i + 1]
                || (r.pieces.is_empty() && rows.get(i + 1).is_some_and(|r| r.pieces.is_empty()));
        }
        t
    }

    /// The span of `rows[i..]`.
    fn at(&self, i: usize) -> Span {
        Span {
            width: self.width[i],
            lo: self.first[i].unwrap_or(0),
            blank_pair: self.blank_pair[i],
        }
    }
}

/// Reads a region (rows restricted to its pieces) block by block ([`read_blocks`]).
fn cut(text: &str, rows: &[Row], out: &mut Vec<Run>, columned: &mut bool) {
    // Each band taken off the top leaves the rest to read as a region, and the
    // rest's span is read from the tails measured once.
    let tails = Tails::of(rows);
    let mut gaps = Vec::new();
    let mut from = 0;
    while let Some(k) = cut_step(
        text,
        &rows[from..],
        tails.at(from),
        out,
        columned,
        &mut gaps,
        cut,
    ) {
        from += k;
    }
    for at in gaps {
        if let Some(r) = out.get_mut(at) {
            r.gap = r.gap.max(1);
        }
    }
}

/// [`cut`] read as it was written first, each rest a region of its own with its
/// span read over it again: what the tails are tested against.
#[cfg(test)]
fn cut_plain(text: &str, rows: &[Row], out: &mut Vec<Run>, columned: &mut bool) {
    let mut gaps = Vec::new();
    if let Some(k) = cut_step(
        text,
        rows,
        Span::of(rows),
        out,
        columned,
        &mut gaps,
        cut_plain,
    ) {
        cut_plain(text, &rows[k..], out, columned);
    }
    for at in gaps {
        if let Some(r) = out.get_mut(at) {
            r.gap = r.gap.max(1);
        }
    }
}

/// How a part of a region is read ([`cut`] or, in the tests, [`cut_plain`]).
type CutFn = fn(&str, &[Row], &mut Vec<Run>, &mut bool);

/// Reads a region whose span is `span`, all of it, or all but the rest under a
/// band cut from its top: `Some(k)`, the rows from `k` on are left to read (as a
/// region), room before the first run they give (the index of that run in `out`
/// is pushed on `gaps`, and the caller sets its gap once the rest is read).
fn cut_step(
    text: &str,
    rows: &[Row],
    span: Span,
    out: &mut Vec<Run>,
    columned: &mut bool,
    gaps: &mut Vec<usize>,
    recurse: CutFn,
) -> Option<usize> {
    if rows.is_empty() {
        return None;
    }
    // Parts cut across at runs of two or more blank rows (none without two blank
    // rows in a row).
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while span.blank_pair && i < rows.len() {
        if !rows[i].pieces.is_empty() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < rows.len() && rows[j].pieces.is_empty() {
            j += 1;
        }
        if j - i >= 2 {
            parts.push((start, i));
            start = j;
        }
        i = j;
    }
    parts.push((start, rows.len()));
    // Parts whose columns run on across the room between them are one.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(parts.len());
    for (a, b) in parts {
        match merged.last_mut() {
            Some(last)
                if share_a_gutter(
                    &clean_gutters(&rows[last.0..last.1]),
                    &clean_gutters(&rows[a..b]),
                ) =>
            {
                last.1 = b;
            }
            _ => merged.push((a, b)),
        }
    }
    if merged.len() > 1 {
        for (k, &(a, b)) in merged.iter().enumerate() {
            let at = out.len();
            recurse(text, &rows[a..b], out, columned);
            // Room above a part cut across: a blank line.
            if k > 0
                && let Some(r) = out.get_mut(at)
            {
                r.gap = r.gap.max(1);
            }
        }
        return None;
    }
    if let Some(g) = clean_gutters_in(rows, span, true)
        .into_iter()
        .max_by_key(|g| g.y - g.x0)
    {
        let across = stepped_across(rows, g);
        *columned |= across >= MIN_SPACED;
        recurse(text, &restrict(rows, 0, g.y), out, columned);
        recurse(text, &restrict(rows, g.y, usize::MAX), out, columned);
        return None;
    }
    // No room across and no gutter down the whole region: a print that keeps no
    // blank rows still shows where a band of columns ends, at the row whose text
    // runs across its gutter. Cut across under the longest run of rows from the top
    // that has a gutter down it (what follows is no line of that band: room, as a
    // blank line, goes before it), or else over the longest run to the bottom (the
    // rows over it, a head set across its gutter, are that band's own: no room).
    let n = rows.len();
    let down = runs_with_columns_in(rows, span, true)
        .into_iter()
        .filter(|&k| (MIN_SPACED..n).contains(&k))
        .max();
    if let Some(k) = down {
        recurse(text, &rows[..k], out, columned);
        gaps.push(out.len());
        return Some(k);
    }
    let up = runs_with_columns_in(rows, span, false)
        .into_iter()
        .filter(|&k| (1..=n - MIN_SPACED.min(n)).contains(&k))
        .min();
    if let Some(k) = up {
        recurse(text, &rows[..k], out, columned);
        recurse(text, &rows[k..], out, columned);
        return None;
    }
    if rows.iter().all(|r| r.pieces.len() <= 1) {
        read_band(text, rows, &[], out);
    } else {
        read_rows(rows, out);
    }
    None
}

/// The position most of a column's lines open at (the first of equals).
fn margin(starts: impl Iterator<Item = usize>) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for a in starts {
        match counts.iter_mut().find(|(x, _)| *x == a) {
            Some(c) => c.1 += 1,
            None => counts.push((a, 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|&&(a, n)| (n, std::cmp::Reverse(a)))
        .map(|&(a, _)| a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<String> {
        reading_order(text)
            .unwrap_or_default()
            .iter()
            .map(|r| {
                let mark = if r.indent { "> " } else { "" };
                format!("{mark}{}", &text[r.start..r.end])
            })
            .collect()
    }

    /// A row of a layout print: each text at its character position.
    fn placed(texts: &[(usize, &str)]) -> String {
        let mut out = String::new();
        for &(at, t) in texts {
            let n = out.chars().count();
            out.push_str(&" ".repeat(at.saturating_sub(n)));
            out.push_str(t);
        }
        out
    }

    #[test]
    fn boxes_beside_a_story_are_read_block_by_block() {
        // A column of two boxes at the left runs on past the room under the story's
        // head, whose text is set in two columns at 20 and 36; the page head and a
        // photo caption cross every gutter.
        let lines: Vec<String> = vec![
            placed(&[(0, "楮城晚报"), (12, "2026年12月2日"), (40, "民生")]),
            String::new(),
            String::new(),
            placed(&[(22, "暖气不热 一个电话上门")]),
            placed(&[(0, "室温不达标怎么办")]),
            placed(&[(0, "  按照规定，室温应不"), (24, "晚报记者 晏晓屿")]),
            placed(&[(0, "低于十八度。")]),
            String::new(),
            String::new(),
            placed(&[
                (0, "晚报快评"),
                (20, "  十二月一日上午，"),
                (36, "市民不满意的就重新"),
            ]),
            placed(&[
                (0, "热线要热"),
                (20, "热线的接线大厅里，"),
                (36, "派单，直到问题解决"),
            ]),
            placed(&[
                (0, "  一个电话，维修工"),
                (20, "坐席的电话此起彼伏"),
                (36, "为止。"),
            ]),
            placed(&[
                (0, "两小时上门。"),
                (20, "。接线员一边记录市"),
                (36, "  供暖首周，热线共"),
            ]),
            placed(&[(20, "民反映的问题，一边"), (36, "受理市民来电六千三")]),
            placed(&[(20, "把工单派给各区的维"), (36, "百余个，办结率超过")]),
            placed(&[(20, "修班组。工单办结后"), (36, "九成五。")]),
            placed(&[(20, "都要电话回访，凡是")]),
            String::new(),
            String::new(),
            placed(&[(
                4,
                "汧湖晨雾：12月1日清晨，汧湖湖面升起薄雾，宛如一幅水墨画。",
            )]),
        ];
        let head = lines[0].clone();
        let text = lines.join("\n");
        let mut runs = Vec::new();
        assert!(read_blocks(&text, &rows(&text), &mut runs));
        let read: Vec<String> = runs
            .iter()
            .map(|r| {
                let mark = if r.indent { "> " } else { "" };
                format!("{mark}{}", &text[r.start..r.end])
            })
            .collect();
        assert_eq!(
            read,
            [
                head.as_str(),
                "室温不达标怎么办",
                "> 按照规定，室温应不",
                "低于十八度。",
                "晚报快评",
                "热线要热",
                "> 一个电话，维修工",
                "两小时上门。",
                "暖气不热 一个电话上门",
                // (Set two positions right of the head: an indented line.)
                "> 晚报记者 晏晓屿",
                "> 十二月一日上午，",
                "热线的接线大厅里，",
                "坐席的电话此起彼伏",
                "。接线员一边记录市",
                "民反映的问题，一边",
                "把工单派给各区的维",
                "修班组。工单办结后",
                "都要电话回访，凡是",
                "市民不满意的就重新",
                "派单，直到问题解决",
                "为止。",
                "> 供暖首周，热线共",
                "受理市民来电六千三",
                "百余个，办结率超过",
                "九成五。",
                "汧湖晨雾：12月1日清晨，汧湖湖面升起薄雾，宛如一幅水墨画。",
            ]
        );
    }

    /// A page with a head band over two columns: the second column at position 30,
    /// as a layout print places it.
    fn page(band: &[&str], left: &[&str], right: &[&str]) -> String {
        let mut out: String = band.iter().map(|l| format!("{l}\n")).collect();
        out.push('\n');
        for i in 0..left.len().max(right.len()) {
            let l = left.get(i).copied().unwrap_or("");
            let pad = 30 - l.chars().count();
            let r = right.get(i).copied().unwrap_or("");
            out.push_str(format!("{l}{}{r}", " ".repeat(pad)).trim_end());
            out.push('\n');
        }
        out
    }

    const LEFT: [&str; 12] = [
        "  新桥全长八百米，连接",
        "南北两岸，过去绕行四十",
        "分钟的路程如今只要五分",
        "钟。",
        "  通车当天，不少市民步",
        "行过桥，拍照留念。",
        "  大桥的设计者说，桥身",
        "采用了新的材料，能抗八",
        "级地震，使用一百年。",
        "  桥下的河滩也修成了公",
        "园，有步道和球场，晚上",
        "散步的人很多。",
    ];

    const RIGHT: [&str; 16] = [
        "     文化站开课了",
        "  村里的文化站开了书法",
        "班，每周三晚上上课，来",
        "学的多是退休的老人。",
        "  老人们说，写字能静心",
        "，也能交朋友。",
        "  班里最年长的学员今年",
        "八十一岁，每次都来得最",
        "早。",
        "  剪纸班下月",
        "  开课",
        "  文化站还准备开一个剪",
        "纸班，请有兴趣的村民到",
        "文化站报名，报名时间到",
        "本月底。",
        "  欢迎大家参加。",
    ];

    #[test]
    fn columns_are_read_one_after_the_other() {
        let text = page(
            &[
                "晨报   2026年1月2日   第3版   要闻",
                "",
                "          河湾新桥今天通车",
            ],
            &LEFT,
            &RIGHT,
        );
        let got = read(&text);
        // The head band is read line by line, as a page without columns is.
        assert_eq!(
            got[..2],
            ["晨报   2026年1月2日   第3版   要闻", "> 河湾新桥今天通车"]
        );
        let indented = |l: &str| {
            let t = l.trim_start();
            if l.starts_with("  ") {
                format!("> {t}")
            } else {
                t.to_string()
            }
        };
        let want: Vec<String> = LEFT
            .iter()
            .chain(&RIGHT[1..])
            .map(|l| indented(l))
            .collect();
        assert_eq!(got[2..2 + LEFT.len()], want[..LEFT.len()]);
        // A head centred in its column is no indented paragraph.
        assert_eq!(got[2 + LEFT.len()], "文化站开课了");
        let right = &got[3 + LEFT.len()..];
        // A head of two short lines centred a little right of the margin: the
        // second goes on from the first; what follows is an indented paragraph.
        let head = right.iter().position(|l| l == "> 剪纸班下月").unwrap();
        assert_eq!(right[head + 1], "开课");
        assert_eq!(right[head + 2], "> 文化站还准备开一个剪");
        let mut rest = want[LEFT.len()..].to_vec();
        rest[head + 1] = "开课".to_string();
        assert_eq!(right, rest);
    }

    #[test]
    fn furniture_rows_cut_into_the_columns_are_read_as_rows() {
        let band = [
            "晨报   2026年1月2日   第3版   要闻",
            "",
            "          河湾新桥今天通车",
        ];
        let plain = page(&band, &LEFT, &RIGHT);
        // The same page with an e-paper's attribution line cut in between its rows
        // (flush left, as wide as both columns) twice, a running head over it and
        // its credits right under its last row.
        let attribution = "《晨报全媒体新闻中心》（2026年1月2日 星期五 第 03 版）";
        let mut rows: Vec<String> = plain.lines().map(str::to_string).collect();
        rows.insert(9, attribution.to_string());
        rows.insert(5, attribution.to_string());
        rows.insert(0, "晨报  2026年1月2日  星期五  第 3 版".to_string());
        rows.push("本版责编：周一鸣  美编：陈小溪".to_string());
        let cut = rows.join("\n");
        let want = read(&plain);
        let got = read(&cut);
        // The columns run on across the attribution lines, as on the page without
        // them; the running head comes first and the rows set aside last.
        assert_eq!(got[0], "晨报  2026年1月2日  星期五  第 3 版");
        assert_eq!(got[1..=want.len()], want[..], "{got:#?}");
        assert_eq!(
            got[want.len() + 1..],
            [attribution, attribution, "本版责编：周一鸣  美编：陈小溪"]
        );
    }

    /// Parts one over the other, two blank rows between them; each part is its
    /// columns side by side, `(position, lines)`.
    fn parts(parts: &[Vec<(usize, Vec<String>)>]) -> String {
        let mut out = String::new();
        for (k, part) in parts.iter().enumerate() {
            if k > 0 {
                out.push_str("\n\n");
            }
            let rows = part.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
            for i in 0..rows {
                let mut row = String::new();
                for (at, lines) in part {
                    let Some(l) = lines.get(i) else { continue };
                    let pad = at.saturating_sub(row.chars().count());
                    row.push_str(&" ".repeat(pad));
                    row.push_str(l);
                }
                out.push_str(row.trim_end());
                out.push('\n');
            }
        }
        out
    }

    /// `n` lines of a column `width` characters wide, each naming its column
    /// (`tag`) and its row (`甲栏第3行字字…`).
    fn column_lines(tag: &str, n: usize, width: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                let mut l = format!("{tag}栏第{i}行");
                while l.chars().count() < width {
                    l.push('字');
                }
                l
            })
            .collect()
    }

    #[test]
    fn columns_that_change_from_part_to_part_are_read_part_by_part() {
        let lines = column_lines;
        // Above: three columns of twelve at 0, 16 and 32; below, after room across
        // the page: a column of twelve beside a story over the other two
        // (twenty-eight wide). The first column stops two rows short in each.
        let upper = vec![
            (0, lines("甲", 8, 12)),
            (16, lines("乙", 10, 12)),
            (32, lines("丙", 10, 12)),
        ];
        let lower = vec![(0, lines("丁", 8, 12)), (16, lines("戊", 10, 28))];
        let text = parts(&[upper.clone(), lower.clone()]);
        // The page-wide gutters see only the first one: the second and third
        // columns above would be read row by row, one into the other.
        let rows = rows(&text);
        assert_eq!(gutters(&rows).map(|g| g.len()), Some(1));
        assert!(columns_change(&rows));
        let want: Vec<String> = upper
            .iter()
            .chain(&lower)
            .flat_map(|(_, l)| l.iter().cloned())
            .collect();
        assert_eq!(read(&text), want);
    }

    #[test]
    fn runs_with_columns_and_gutters_read_in_part_are_as_read_whole() {
        use proptest::prelude::*;
        // Rows of up to three pieces in three slots ten positions apart, each
        // a little off its slot's start: gutters open and close from row to row.
        let piece = (any::<bool>(), 0usize..3, 1usize..8);
        let row = prop::collection::vec(piece, 3);
        proptest!(|(shape in prop::collection::vec(row, 0..30))| {
            let rows: Vec<Row> = shape
                .iter()
                .map(|slots| Row {
                    pieces: slots
                        .iter()
                        .enumerate()
                        .filter(|(_, (on, _, _))| *on)
                        .map(|(s, &(_, off, len))| Piece {
                            a: s * 10 + off,
                            b: s * 10 + off + len,
                            start: 0,
                            end: 0,
                        })
                        .collect(),
                    ..Row::default()
                })
                .collect();
            let n = rows.len();
            let down: Vec<usize> = (1..=n).filter(|&k| has_columns(&rows[..k])).collect();
            let mut up: Vec<usize> = (0..n).filter(|&k| has_columns(&rows[k..])).collect();
            up.reverse();
            prop_assert_eq!(runs_with_columns(&rows, true), down);
            prop_assert_eq!(runs_with_columns(&rows, false), up);
            prop_assert_eq!(clean_gutters(&rows), clean_gutters_by(&rows, false));
            let tails = Tails::of(&rows);
            for i in 0..=n {
                prop_assert_eq!(tails.at(i), Span::of(&rows[i..]));
            }
        });
    }

    #[test]
    fn a_region_cut_band_by_band_reads_as_each_rest_read_anew() {
        use proptest::prelude::*;
        // Generated pages: a sidebar down the left (or none), then bands of one
        // to three columns, each band's gutters at their own places, a head across
        // the band over some, none, one or two blank rows after each; the lines
        // a little short of their column's width now and then.
        let band = (
            1usize..4,
            2usize..12,
            5usize..14,
            2usize..6,
            any::<bool>(),
            0usize..3,
        );
        let page = (0usize..8, prop::collection::vec(band, 1..8), any::<u64>());
        proptest!(|((side, bands, seed) in page)| {
            let mut lcg = seed;
            let mut short = move || {
                lcg = lcg.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((lcg >> 33) % 4) as usize
            };
            let mut lines: Vec<String> = Vec::new();
            for (k, &(cols, n, width, gap, head, blanks)) in bands.iter().enumerate() {
                let at = if side > 0 { side + 2 } else { 0 };
                let row = |texts: Vec<(usize, String)>, side_text: bool| {
                    let mut l = String::new();
                    if side_text {
                        l.push_str(&"边".repeat(side));
                    }
                    for (x, t) in texts {
                        let pad = x.saturating_sub(l.chars().count()).max(2);
                        l.push_str(&" ".repeat(pad));
                        l.push_str(&t);
                    }
                    l
                };
                if head {
                    lines.push(row(vec![(at, format!("第{k}题").repeat(cols * 2))], side > 0));
                }
                for _ in 0..n {
                    let texts = (0..cols)
                        .map(|c| (at + c * (width + gap), "字".repeat(width - short())))
                        .collect();
                    lines.push(row(texts, side > 0));
                }
                lines.extend(std::iter::repeat_n(String::new(), blanks));
            }
            let text = lines.join("\n");
            let page = restrict(&super::rows(&text), 0, usize::MAX);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            let (mut ca, mut cb) = (false, false);
            cut(&text, &page, &mut a, &mut ca);
            cut_plain(&text, &page, &mut b, &mut cb);
            prop_assert_eq!(a, b);
            prop_assert_eq!(ca, cb);
        });
    }

    #[test]
    fn blocks_of_columns_without_room_between_are_cut_where_a_gutter_ends() {
        let lines = column_lines;
        // Two columns of twelve at 0 and 16, then two at 0 (twenty wide) and 24,
        // printed with no blank row between: the lower story's lines run across the
        // upper gutter and the upper right column across the lower one, so the page
        // has no gutter down all of it.
        let upper = vec![(0, lines("甲", 10, 12)), (16, lines("乙", 10, 12))];
        let lower = vec![(0, lines("丙", 10, 20)), (24, lines("丁", 10, 12))];
        let text: String = parts(&[upper.clone(), lower.clone()])
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| format!("{l}\n"))
            .collect();
        let rows = rows(&text);
        assert_eq!(gutters(&rows), None);
        let want: Vec<String> = upper
            .iter()
            .chain(&lower)
            .flat_map(|(_, l)| l.iter().cloned())
            .collect();
        assert_eq!(read(&text), want);
        // A head set across the columns over them is cut off above them.
        let head = "横跨两栏的新闻标题".repeat(3);
        let headed = format!("{head}\n{}", parts(std::slice::from_ref(&lower)));
        let mut want: Vec<String> = vec![head];
        want.extend(lower.iter().flat_map(|(_, l)| l.iter().cloned()));
        assert_eq!(read(&format!("{text}{headed}")).split_off(40), want);
    }

    #[test]
    fn a_head_across_the_columns_starts_a_band_of_its_own() {
        // Story one over both columns, then a head set across both and story two
        // under it over the same columns.
        let one = page(&["晨报   第3版"], &LEFT[..6], &LEFT[6..]);
        // Its second column runs longer than its first (rows of the second column
        // alone keep their place on the page).
        let second: Vec<&str> = RIGHT[5..9].iter().chain(&RIGHT[11..]).copied().collect();
        let two = page(&[], &RIGHT[1..5], &second);
        let text =
            format!("{one}\n        镇上新开了一家图书馆，周末和节假日也照常开放迎客\n{two}");
        let got = read(&text);
        let head = got
            .iter()
            .position(|l| l.ends_with("镇上新开了一家图书馆，周末和节假日也照常开放迎客"))
            .unwrap_or_else(|| panic!("{got:#?}"));
        let strip = |l: &&str| l.trim_start().to_string();
        let story_one: Vec<String> = LEFT.iter().map(strip).collect();
        let story_two: Vec<String> = RIGHT[1..9].iter().chain(&RIGHT[11..]).map(strip).collect();
        let plain = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|l| l.trim_start_matches("> ").to_string())
                .collect()
        };
        assert_eq!(plain(&got[1..head]), story_one);
        assert_eq!(plain(&got[head + 1..]), story_two);
        // The head is read after the room above it, as a head is.
        let runs = reading_order(&text).unwrap();
        assert!(runs[head].gap >= 1);
    }

    #[test]
    fn a_page_read_line_by_line_keeps_full_width_indents() {
        let one = page(&["晨报"], &LEFT, &RIGHT);
        let two = format!(
            "{one}\x0c\u{3000}\u{3000}一段单独的话。\n\u{3000}\u{3000}\n\t又一段。\n不缩进的一行。\n"
        );
        let runs = reading_order(&two).unwrap();
        let at = runs.iter().rposition(|r| r.page_break).unwrap();
        let got: Vec<(&str, bool, usize)> = runs[at..]
            .iter()
            .map(|r| {
                (
                    two[r.start..r.end].trim_matches('\u{3000}'),
                    r.indent,
                    r.gap,
                )
            })
            .collect();
        // The row of full-width spaces is a blank line, no line of its own.
        assert_eq!(
            got,
            [
                ("一段单独的话。", true, 0),
                ("又一段。", true, 1),
                ("不缩进的一行。", false, 0)
            ]
        );
    }

    #[test]
    fn a_page_of_lines_is_not_measured() {
        let page = "标题\n\n本报记者  张三\n\n第一段文字很长很长。\n\n第二段。\n";
        assert!(reading_order(page).is_none());
        // A few rows of a table laid out with spaces are no columns.
        let mut table = String::new();
        for i in 0..30 {
            table.push_str(&format!(
                "这是第{i}段正文，一段一行，写得很长很长很长很长。\n"
            ));
        }
        for i in 0..4 {
            table.push_str(&format!("队名{i}      胜   负   积分{i}\n"));
        }
        assert!(reading_order(&table).is_none());
    }

    #[test]
    fn each_page_has_its_own_columns() {
        let one = page(&["晨报"], &LEFT, &RIGHT);
        let two = format!("{one}\x0c一段单独的话。\n又一段。\n");
        let runs = reading_order(&two).unwrap();
        let last = runs.iter().rev().take(2).collect::<Vec<_>>();
        assert_eq!(&two[last[0].start..last[0].end], "又一段。");
        assert!(last[1].page_break);
    }

    /// A text browser's dump: a Han character takes two cells, each column is
    /// twenty-two cells wide, and a full line of the left column is parted from the
    /// right column's line by one space (no piece is cut there at two spaces).
    const SCREEN_LEFT: [&str; 8] = [
        "石桥通车",
        "",
        "渡口的石桥昨天通车了，",
        "两岸村民不用再绕行十里",
        "山路，赶集的时间从一个",
        "上午缩短到半个小时。桥",
        "头立了一块石碑，刻着捐",
        "资修桥的人家的名字。",
    ];
    const SCREEN_RIGHT: [&str; 10] = [
        "菜市开张",
        "",
        "镇上的新菜市昨天开张，",
        "六十多个摊位全部租出，",
        "摊主说新市场有顶棚，下",
        "雨天也能照常出摊，生意",
        "比原来的露天市场好了不",
        "少，每天能多卖两三百元",
        "的菜，日子越过越有奔头",
        "了。",
    ];

    /// The two columns side by side one cell apart, `mark` put inside every line of
    /// the right column (after its first character), as a tool may leave it.
    fn screen(mark: &str) -> String {
        let cells = |t: &str| {
            t.chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum::<usize>()
        };
        let mut text = String::new();
        for (i, &r) in SCREEN_RIGHT.iter().enumerate() {
            let l = SCREEN_LEFT.get(i).copied().unwrap_or("");
            text.push_str(l);
            if let Some(first) = r.chars().next() {
                text.push_str(&" ".repeat(22 - cells(l) + 1));
                text.push(first);
                text.push_str(mark);
                text.push_str(&r[first.len_utf8()..]);
            }
            text.push('\n');
        }
        text
    }

    #[test]
    fn columns_one_cell_apart_on_a_screen_of_display_cells_are_read_in_turn() {
        let text = screen("");
        // Counted in characters the page has no gutter; in cells it has one.
        assert!(gutters(&rows(&text)).is_none());
        let (split, g) = narrow_columns(&text, &rows_by(&text, true)).unwrap();
        let mut runs = Vec::new();
        read_columns(&text, &split, &g, &mut runs);
        let got: Vec<&str> = runs.iter().map(|r| &text[r.start..r.end]).collect();
        let mut want: Vec<&str> = SCREEN_LEFT
            .iter()
            .copied()
            .filter(|t| !t.is_empty())
            .collect();
        want.extend(SCREEN_RIGHT.iter().copied().filter(|t| !t.is_empty()));
        assert_eq!(got, want);
    }

    /// Characters a row skips (a carriage return, byte-order marks) inside the
    /// widest rows' pieces take no cell when the pieces are cut again: the columns
    /// are read as without them, where counting them a cell each ran past the
    /// page's width.
    #[test]
    fn characters_a_row_skips_take_no_cell_in_a_screens_columns() {
        let text = screen("\r\u{feff}\u{feff}");
        let (split, g) = narrow_columns(&text, &rows_by(&text, true)).unwrap();
        let mut runs = Vec::new();
        read_columns(&text, &split, &g, &mut runs);
        let got: Vec<String> = runs
            .iter()
            .map(|r| text[r.start..r.end].replace(['\r', '\u{feff}'], ""))
            .collect();
        let mut want: Vec<&str> = SCREEN_LEFT
            .iter()
            .copied()
            .filter(|t| !t.is_empty())
            .collect();
        want.extend(SCREEN_RIGHT.iter().copied().filter(|t| !t.is_empty()));
        assert_eq!(got, want);
    }

    #[test]
    fn a_converters_heading_goes_into_the_column_it_heads() {
        // `## 春季植树活动开始报名` stood over the right column, whose text stops
        // above it; the converter printed it flush left, mid-sentence in the left
        // column. A line of text taken for a head, mid-sentence in both columns,
        // stays where it is.
        let rows: Vec<String> = vec![
            placed(&[
                (0, "  市商务局发布行动方案，"),
                (26, "  地铁三号线二期工程将"),
            ]),
            placed(&[
                (0, "提出到二〇二八年，全市城"),
                (26, "于今年六月开工建设，全长"),
            ]),
            placed(&[
                (0, "区居民步行十五分钟内可以"),
                (26, "十一点六公里，设站八座。"),
            ]),
            "## 春季植树活动开始报名".to_string(),
            placed(&[
                (0, "买到菜、吃上早餐。方案明"),
                (26, "  植树节前后，市绿化委员会"),
            ]),
            placed(&[
                (0, "确，今年全市将新建网点六"),
                (26, "将组织义务植树活动，市民"),
            ]),
            "### 百个重点补齐老旧小区".to_string(),
            placed(&[(0, "的短板，方便居民生活。"), (26, "可通过小程序报名。")]),
            placed(&[
                (0, "  记者从市园林局获悉，绿"),
                (26, "  每人限报一次，报满即止"),
            ]),
            placed(&[(0, "道三期工程日前全线贯通。"), (26, "。")]),
            placed(&[(26, "  报名从三月一日开始，名")]),
            placed(&[(26, "额满后不再受理。")]),
        ];
        let text = rows.join("\n") + "\n";
        let got = read(&text);
        let at = |s: &str| got.iter().position(|g| g.contains(s)).unwrap();
        assert!(at("十一点六公里") < at("春季植树"), "{got:?}");
        assert_eq!(at("春季植树") + 1, at("植树节前后"), "{got:?}");
        assert!(at("道三期工程") < at("春季植树"), "{got:?}");
        assert_eq!(at("确，今年全市") + 1, at("百个重点补齐"), "{got:?}");
    }

    #[test]
    fn a_line_of_text_taken_for_a_heading_goes_on_in_its_column() {
        // The converter marked two unpunctuated lines of running text `###`: one
        // opens the body of the head placed right above it in the right column,
        // one goes on with the left column's open sentence (the right column's
        // text above it ends a sentence, and its next line opens a paragraph).
        let rows: Vec<String> = vec![
            placed(&[
                (0, "  市商务局发布行动方案，"),
                (26, "  地铁三号线二期工程将"),
            ]),
            placed(&[
                (0, "提出到二〇二八年，全市城"),
                (26, "于今年六月开工建设，全长"),
            ]),
            placed(&[
                (0, "区居民步行十五分钟内可以"),
                (26, "十一点六公里，设站八座。"),
            ]),
            "## 春季植树活动开始报名".to_string(),
            "### 市绿化委员会将于植树节".to_string(),
            placed(&[
                (0, "买到菜、吃上早餐。方案明"),
                (26, "组织义务植树活动，市民可"),
            ]),
            placed(&[(0, "确，今年全市将新建网点六"), (26, "通过小程序报名。")]),
            "### 十个并补齐老旧小区的短板".to_string(),
            placed(&[(0, "方便居民就近生活。"), (26, "  报名从三月一日开始，名")]),
            placed(&[(0, "  记者从市园林局获悉，绿"), (26, "额满后不再受理。")]),
            placed(&[
                (0, "道三期工程日前全线贯通。"),
                (26, "  每人限报一次，报满即止"),
            ]),
            placed(&[(26, "，不接受他人代为报名。")]),
            placed(&[(26, "  活动当天请自带饮用水。")]),
        ];
        let text = rows.join("\n") + "\n";
        let got = read(&text);
        let at = |s: &str| got.iter().position(|g| g.contains(s)).unwrap();
        assert_eq!(at("春季植树") + 1, at("市绿化委员会"), "{got:?}");
        assert_eq!(at("市绿化委员会") + 1, at("组织义务植树"), "{got:?}");
        assert_eq!(at("确，今年全市") + 1, at("十个并补齐"), "{got:?}");
        assert_eq!(at("十个并补齐") + 1, at("方便居民就近"), "{got:?}");
    }

    #[test]
    fn a_ledes_first_line_taken_for_a_heading_opens_the_body_under_its_head() {
        // The converter marked the first line of a lede `##`: it goes under the head
        // and byline of the right column (whose next line goes on with it), not into
        // the left column's open sentence, and is read without its marks.
        let rows: Vec<String> = vec![
            placed(&[
                (0, "  市商务局发布行动方案，"),
                (26, "  地铁三号线二期工程将"),
            ]),
            placed(&[
                (0, "提出到二〇二八年，全市城"),
                (26, "于今年六月开工建设，全长"),
            ]),
            placed(&[
                (0, "区居民步行十五分钟内可以"),
                (26, "十一点六公里，设站八座。"),
            ]),
            placed(&[(28, "早餐网点再添百家")]),
            placed(&[(0, "买到菜、吃上早餐。方案明"), (30, "本报记者 王小明")]),
            "## 本报讯 记者从市商务局获悉".to_string(),
            placed(&[
                (0, "确，今年全市将新建网点六"),
                (26, "，今年全市新增早餐网点一"),
            ]),
            placed(&[
                (0, "十个，方便居民就近生活。"),
                (26, "百家，多在老旧小区。"),
            ]),
            placed(&[
                (0, "  记者从市园林局获悉，绿"),
                (26, "  网点由街道统一规划，早"),
            ]),
            placed(&[
                (0, "道三期工程日前全线贯通。"),
                (26, "上六点开门，晚上八点关门"),
            ]),
            placed(&[(26, "，方便上班族。")]),
        ];
        let text = rows.join("\n") + "\n";
        let got = read(&text);
        let at = |s: &str| got.iter().position(|g| g.contains(s)).unwrap();
        assert_eq!(at("本报记者 王小明") + 1, at("本报讯"), "{got:?}");
        assert_eq!(at("本报讯") + 1, at("，今年全市新增"), "{got:?}");
        assert_eq!(at("买到菜") + 1, at("确，今年全市将"), "{got:?}");
        assert_eq!(got[at("本报讯")], "本报讯 记者从市商务局获悉", "{got:?}");
    }
}

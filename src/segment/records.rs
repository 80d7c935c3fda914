//! A page of records: an archive's export (`【标题】…` / `【作者】…` / `【正文】…`
//! between rules), a newspaper database's (CNKI-style: `Title-题名: …`, `Author-作者:
//! …`, `FullText-全文:` and the text) or rows pasted from a spreadsheet (a header
//! row, then one row a record, its cells divided by TAB, a cell of several
//! paragraphs in double quotes). Each record is one article, and its fields' labels
//! are no text.
//!
//! One reader serves every tool that prints records, known or not: a record is
//! told by repetition, labels that recur record after record, however the tool
//! writes a label (in brackets or braces, a tag `TI  - ` or `%T `, a word before a
//! colon, `::` or an equals sign, a YAML list's `- key:`), a record opening where
//! its first label recurs, at a rule, or at a data file's own lines between
//! records (`}`, `@article{…,`). A value is read as text (`{…},`, `'…'` and YAML's
//! `|-` and `null` undone). A table is records whose labels are its header row
//! (cells divided by TAB, comma or a Markdown table's bars). JSON pages and SQL
//! dumps are printed as such records first (`json_pages`, `sql_pages`).
//!
//! A database's labels name their fields in the lexicon (`record_fields`): the
//! title, subtitle, author and text fields hold what they say, every other field
//! (source, keywords, a summary that retells the story, date, page, column) is
//! metadata, and the author field is the byline only when the record's text names
//! none of its names (the text prints its own byline or credit otherwise).
//!
//! Of any other page, what each field holds is learned from its values across the
//! page's records, not from the label's words: the field with the longest values is the text; a
//! field whose values are bylines or names is the byline; a field of figures and
//! codes (a row number, a date, a page), of one value in all the records that
//! fill it (two at least), or of sentences (a summary) is metadata; of the head
//! fields left, the one first in the records that fill it most is the title, and
//! any other head field is the kicker when its values are as short as a column's
//! name, else the subtitle. Either way a title field's value `A——B` in a record
//! that fills no subtitle is the title A and the subtitle `——B`, as one field
//! prints both.

use super::blocks::{DraftField, Markup, Unit, trim};
use super::classify::{Class, Role, count_upto, ends_sentence, is_byline, is_name_line};
use super::lexicon::{RecordField, lexicon};
use std::borrow::Cow;

/// What a field of the page's records holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldRole {
    Title,
    Kicker,
    Subtitle,
    Byline,
    /// A database's author field: the byline when the record's text names none of
    /// its names, else metadata.
    Author,
    Text,
    Meta,
}

/// One line of a field's value: its source line, text and indent.
#[derive(Debug, Clone)]
struct ValueLine {
    line: usize,
    gap: usize,
    indent: bool,
    /// A form feed came before the line (a running head follows one).
    page_break: bool,
    text: String,
}

/// One field of a record: which of the page's labels, and its value's lines.
#[derive(Debug)]
struct Field {
    label: usize,
    lines: Vec<ValueLine>,
    /// The unit of a labelled line (`【正文】…`), kept whole for the text field.
    unit: Option<usize>,
    /// The value was unwrapped ([`unwrap_value`]): its first line is no longer the
    /// labelled unit's rest.
    unwrapped: bool,
}

impl Field {
    fn chars(&self) -> usize {
        self.lines.iter().map(|l| l.text.chars().count()).sum()
    }

    fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.text.is_empty())
    }

    /// The value: its lines joined (a hard-wrapped print cut it anywhere).
    fn value(&self) -> String {
        self.lines.iter().map(|l| l.text.as_str()).collect()
    }
}

/// A label of a page's records: its name (`标题`, `Title`) and as the page prints it
/// first (`【标题】`, `Title:`).
#[derive(Debug)]
struct Label {
    name: String,
    printed: String,
    /// What the field holds, when a database's label names it (`Title-题名:`).
    known: Option<RecordField>,
}

/// One record: its fields, and the units it spans (start..end).
#[derive(Debug)]
struct Record {
    start: usize,
    end: usize,
    fields: Vec<Field>,
}

/// Records shorter than this many are no page of records.
const MIN_RECORDS: usize = 2;
/// Lines labelled by a database's fields a page needs, at least, to be its export.
const MIN_DATABASE_FIELDS: usize = 3;
/// A label that names a field: at most this many Han characters.
const MAX_LABEL: usize = 6;
/// A label that names a field in Latin letters: at most this many.
const MAX_LATIN_LABEL: usize = 16;
/// A label in braces, in Latin letters and spaces (`Database Provider`): at most
/// this many bytes.
const MAX_BRACED_LABEL: usize = 24;
/// The text field's values are this many characters long on average, at least.
const MIN_TEXT: usize = 15;
/// A kicker's values (a column's name) are this many characters long on average, at most.
const MAX_KICKER: usize = 6;
/// A head field's value: at most this many characters.
const MAX_HEAD: usize = 40;
/// A metadata value of figures or codes (`2026-11-30`, `第2版`, `A04`): at most
/// this many characters.
const MAX_CODE: usize = 16;

/// Read a page of records, if it is one: each record's head fields become the
/// units of its heads (the kicker first, then the title, the subtitle and the
/// byline), its metadata and the page's lines outside any record furniture, and
/// its text the units that follow. Returns the text field's label as printed
/// (`【正文】`) when it is left on the text's first line: a hard-wrapped print cut
/// that line with its label, so it is taken off only after the page is unwrapped,
/// by [`strip_text_label`].
pub fn read_records(units: &mut Vec<Unit<'_>>) -> Option<String> {
    if let Some(found) = labelled_records(units) {
        let roles = if found.database {
            Some(named_roles(&found.labels))
        } else {
            learn_roles(&found.records, found.labels.len())
        };
        if let Some(roles) = roles {
            let text = roles.iter().position(|&r| r == FieldRole::Text)?;
            let label = found.labels[text].printed.clone();
            rebuild(units, &found.records, &roles, true);
            return Some(label);
        }
    }
    if let Some((labels, header, records)) = table_records(units)
        && opens_the_page(&units[..header.start], TABLE_CAPTION_LINES)
        && let Some(roles) = learn_roles(&records, labels)
    {
        for u in &mut units[header.clone()] {
            u.markup = Markup::Furniture;
        }
        for u in &mut units[..header.start] {
            if u.markup == Markup::None {
                u.markup = Markup::Furniture;
            }
        }
        // A Markdown table's alignment row under its header is no text either.
        let first = records.first().map_or(header.end, |r| r.start);
        for u in &mut units[header.end..first] {
            if u.markup == Markup::None && is_alignment_row(&u.text) {
                u.markup = Markup::Furniture;
            }
        }
        let after = records.last().map_or(units.len(), |r| r.end);
        set_aside_count_lines(&mut units[after..], records.len());
        rebuild(units, &records, &roles, false);
    }
    None
}

/// Lines a register prints under its last row: a line that counts its records
/// (`共 7 条，已发布 7 条。`) is the register's, no text of the last record's article.
/// Only the first few lines below the table are looked at.
fn set_aside_count_lines(below: &mut [Unit<'_>], records: usize) {
    for u in below
        .iter_mut()
        .filter(|u| u.markup == Markup::None)
        .take(2)
    {
        if count_upto(&u.text, 41) <= 40 && figures_of(&u.text).any(|n| n == records) {
            u.markup = Markup::Furniture;
        }
    }
}

/// The whole numbers a line prints in figures (`共 7 条` -> 7).
fn figures_of(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.split(|c: char| !crate::text::is_digit(c))
        .filter(|run| !run.is_empty())
        .filter_map(|run| {
            run.chars()
                .map(crate::text::digit_value)
                .try_fold(0usize, |n, d| Some(n.checked_mul(10)? + d? as usize))
        })
}

/// What each field of a database's records holds, as its label names it.
fn named_roles(labels: &[Label]) -> Vec<FieldRole> {
    labels
        .iter()
        .map(|l| match l.known {
            Some(RecordField::Title) => FieldRole::Title,
            Some(RecordField::Subtitle) => FieldRole::Subtitle,
            Some(RecordField::Author) => FieldRole::Author,
            Some(RecordField::Text) => FieldRole::Text,
            Some(RecordField::Other) | None => FieldRole::Meta,
        })
        .collect()
}

/// The lines over a table's header row are at most a caption (a few lines that
/// end no sentence) and the page's furniture: a story over a table is no page of
/// records, and its text is never set aside.
const TABLE_CAPTION_LINES: usize = 2;
/// An export prints a head of a few lines over its first record (the database's
/// name, the query, the date, the count), none a sentence.
const EXPORT_HEAD_LINES: usize = 6;

/// The lines over a page's first record open the page as its head does: at most
/// `most` lines of text, none ending a sentence.
fn opens_the_page(above: &[Unit<'_>], most: usize) -> bool {
    let mut text = above.iter().filter(|u| u.markup == Markup::None);
    text.clone().count() <= most && text.all(|u| !ends_sentence(&u.text))
}

/// Take the text field's label off the lines that open with it.
pub fn strip_text_label(units: &mut [Unit<'_>], label: &str) {
    for u in units.iter_mut().filter(|u| u.markup == Markup::None) {
        if let Some(rest) = u.text.strip_prefix(label) {
            u.text = Cow::Owned(trim(rest).to_string());
        }
    }
}

/// `【标题】`: a label of one to six Han characters in black lenticular brackets
/// opening the line; its name and the byte where the value starts.
fn bracket_label(text: &str) -> Option<(&str, usize)> {
    let rest = text.strip_prefix('【')?;
    let close = rest.find('】')?;
    let label = &rest[..close];
    let n = count_upto(label, MAX_LABEL + 1);
    ((1..=MAX_LABEL).contains(&n) && label.chars().all(crate::text::is_han))
        .then_some((label, '【'.len_utf8() + close + '】'.len_utf8()))
}

/// `Title: …`, `标题：…`: a label before a colon opening the line, one to six Han
/// characters or a Latin word of two to sixteen letters, figures and `_` (as a feed,
/// a database or a program prints its fields); its name and the byte where the value starts.
pub(super) fn colon_label(text: &str) -> Option<(&str, usize)> {
    let (colon, _) = text
        .char_indices()
        .take(MAX_LATIN_LABEL + 1)
        .find(|&(_, c)| c == '：' || c == ':')?;
    let label = &text[..colon];
    let n = count_upto(label, MAX_LATIN_LABEL + 1);
    let han = (1..=MAX_LABEL).contains(&n) && label.chars().all(crate::text::is_han);
    // (`pub_date`, `title2`: a program's field names.)
    let latin = (2..=MAX_LATIN_LABEL).contains(&n)
        && label.starts_with(|c: char| c.is_ascii_alphabetic())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let mut after = colon
        + if text[colon..].starts_with(':') {
            1
        } else {
            '：'.len_utf8()
        };
    // (`author:: 鄢若芷`: an outliner's property.)
    if latin && text[after..].starts_with(':') {
        after += 1;
    }
    // (`https://…` is a link, not a field.)
    (han || (latin && !text[after..].starts_with('/'))).then_some((label, after))
}

/// `TI  - …`: a tag of two capitals (or a capital and a figure) before two spaces
/// and a hyphen, as a reference manager's file (RIS) prints its fields; its name
/// and the byte where the value starts (the line's end for a tag alone, `ER  -`).
fn tag_label(text: &str) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    let tag = b.len() >= 5
        && b[0].is_ascii_uppercase()
        && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
        && &b[2..5] == b"  -"
        && (b.len() == 5 || b[5] == b' ');
    tag.then(|| (&text[..2], b.len().min(6)))
}

/// `{Title}: …`, `{Secondary Title}: …`: a label in braces before a colon, as a
/// reference manager prints its fields (NoteExpress), one to six Han characters or
/// Latin words of at most [`MAX_BRACED_LABEL`] letters, figures and spaces; its name
/// and the byte where the value starts.
fn brace_label(text: &str) -> Option<(&str, usize)> {
    let rest = text.strip_prefix('{')?;
    let close = rest.as_bytes()[..rest.len().min(MAX_BRACED_LABEL + 1)]
        .iter()
        .position(|&b| b == b'}')?;
    let label = &rest[..close];
    let n = count_upto(label, MAX_BRACED_LABEL + 1);
    let han = (1..=MAX_LABEL).contains(&n) && label.chars().all(crate::text::is_han);
    let latin = (2..=MAX_BRACED_LABEL).contains(&n)
        && label.starts_with(|c: char| c.is_ascii_alphabetic())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'_');
    let after = &rest[close + 1..];
    let colon = if after.starts_with(':') {
        1
    } else if after.starts_with('：') {
        '：'.len_utf8()
    } else {
        return None;
    };
    (han || latin).then_some((label, '{'.len_utf8() + close + 1 + colon))
}

/// `%T …`: a percent sign and a letter or figure before a space, as a reference
/// manager's tagged file (EndNote, Refer) prints its fields; its name and the byte
/// where the value starts.
fn percent_label(text: &str) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    // (`%A` alone: a field left empty.)
    (b.len() >= 2
        && b[0] == b'%'
        && b[1].is_ascii_alphanumeric()
        && b.get(2).is_none_or(|&c| c == b' '))
    .then(|| (&text[1..2], b.len().min(3)))
}

/// `title = {…},`, `pages = 5`: a Latin word of two to sixteen letters, figures and
/// `_` before an equals sign, as a bibliography (BibTeX) or a settings file prints
/// its fields; its name and the byte where the value starts.
fn equals_label(text: &str) -> Option<(&str, usize)> {
    let word = text
        .bytes()
        .take_while(|&b| b.is_ascii_alphanumeric() || b == b'_')
        .count();
    let label = &text[..word];
    let rest = text[word..].trim_start_matches([' ', '\t']);
    let value = rest.strip_prefix('=')?;
    ((2..=MAX_LATIN_LABEL).contains(&word) && label.starts_with(|c: char| c.is_ascii_alphabetic()))
        .then(|| (label, text.len() - value.trim_start().len()))
}

/// A field's label opening a line: in brackets (`【标题】`) or braces (`{Title}:`),
/// a tag (`TI  - `, `%T `), before a colon (`Title:`, `author::`) or an equals sign
/// (`title = `); a list item's (`- title: …`, as YAML prints a list of mappings)
/// after its dash.
fn field_label(text: &str) -> Option<(&str, usize)> {
    if let Some(item) = text.strip_prefix("- ") {
        let skip = text.len() - item.len();
        return field_label(item).map(|(label, k)| (label, skip + k));
    }
    bracket_label(text)
        .or_else(|| brace_label(text))
        .or_else(|| tag_label(text))
        .or_else(|| percent_label(text))
        .or_else(|| colon_label(text))
        .or_else(|| equals_label(text))
}

/// A value as a data file writes it, read as text: one pair of braces or quotes
/// around it (`{…},`, `'…'`, over one line or several) and a closing comma taken off,
/// a bibliography's escaped `\%` unescaped; an empty value (`null`, `~`, `''`, `[]`)
/// and the mark a block of lines follows (`|-`, `>`) are no text. Returns whether
/// the value changed.
fn unwrap_value(lines: &mut [ValueLine]) -> bool {
    let Some(first) = lines.first() else {
        return false;
    };
    if matches!(
        first.text.as_str(),
        "null" | "NULL" | "~" | "''" | "\"\"" | "[]" | "{}" | "|" | "|-" | "|+" | ">" | ">-" | ">+"
    ) {
        lines[0].text.clear();
        return true;
    }
    let open = first.text.chars().next();
    let close = match open {
        Some('{') => '}',
        Some('"') => '"',
        Some('\'') => '\'',
        _ => return false,
    };
    let last = lines.len() - 1;
    let end = lines[last].text.trim_end_matches(',');
    if !end.ends_with(close) || (last == 0 && end.len() < 2) {
        return false;
    }
    let end_len = end.len() - close.len_utf8();
    lines[last].text.truncate(end_len);
    lines[0].text.remove(0);
    for l in lines.iter_mut() {
        if l.text.contains('\\') {
            l.text = l
                .text
                .replace("\\%", "%")
                .replace("\\&", "&")
                .replace("\\_", "_");
        }
        l.text = trim(&l.text).to_string();
    }
    true
}

/// `阙晓岚;檀秋实;`: names divided by semicolons, as a reference manager lists a
/// record's authors (the last one closed by its semicolon too).
fn is_names_list(value: &str) -> bool {
    let names = value.trim_end_matches([';', '；']);
    value.contains([';', '；'])
        && names.split([';', '；']).all(|name| {
            let name = trim(name);
            !name.is_empty() && is_name_line(name)
        })
}

/// A field's list of names (`阙晓岚;檀秋实;`, `孟晓川；`, `本报记者　甘露`), as a
/// byline prints it: the value without the separator that closes the list (it
/// divides nothing).
struct NameList<'v> {
    printed: &'v str,
}

impl<'v> NameList<'v> {
    /// What divides a list's names: semicolons, commas and spaces.
    const SEPARATORS: [char; 6] = ['；', ';', '，', ',', ' ', '\u{3000}'];

    fn of(value: &'v str) -> NameList<'v> {
        NameList {
            printed: trim(value).trim_end_matches(Self::SEPARATORS),
        }
    }

    /// Each name of the list (or word of a credit: `本报记者`, `甘露`).
    fn names(&self) -> impl Iterator<Item = &'v str> {
        self.printed
            .split(Self::SEPARATORS)
            .filter(|n| !n.is_empty())
    }
}

/// `栏目：民生`: a value opening with a label the lexicon names a kicker's; the
/// byte where the kicker itself starts.
fn named_kicker(value: &str) -> Option<usize> {
    match super::lexicon::lexicon().head_field(value) {
        Some((DraftField::Kicker, k)) => Some(k),
        _ => None,
    }
}

/// A rule between records (`==========`): markup with nothing to read; or a data
/// file's own line between them, with no word of text: a record's closing brace
/// (`}`) or the line that opens the next (`@article{yan_2026,`).
fn is_separator(u: &Unit<'_>) -> bool {
    matches!(u.markup, Markup::Noise | Markup::DocBreak)
        || (u.markup == Markup::None && is_data_markup(&u.text))
}

/// `}`, `@article{yan_2026,`: a line of brackets and punctuation alone, or of
/// ASCII that opens a block (ends with `{`, `(` or `[`, or with a comma after
/// one): no value's text.
fn is_data_markup(text: &str) -> bool {
    let t = text.trim_end_matches(',');
    !t.is_empty()
        && (t.chars().all(|c| "{}[]()<>;,".contains(c))
            || (text.is_ascii()
                && t.contains(['{', '(', '['])
                && !t.contains(' ')
                && !t.ends_with(['}', ')', ']'])))
}

fn value_line(u: &Unit<'_>, text: &str) -> ValueLine {
    ValueLine {
        line: u.line,
        gap: u.gap,
        indent: u.indent,
        page_break: u.page_break,
        text: trim(text).to_string(),
    }
}

/// Where a line's label is: its name and the byte where the value starts.
type LabelReader = fn(&str) -> Option<(&str, usize)>;

/// `Title-题名: …`: a database's field label, as the lexicon knows them (see
/// `Lexicon::record_field`); its name and the byte where the value starts.
fn database_label(text: &str) -> Option<(&str, usize)> {
    let (_, k) = lexicon().record_field(text)?;
    let colon = if text[..k].ends_with(':') {
        1
    } else {
        '：'.len_utf8()
    };
    Some((&text[..k - colon], k))
}

/// A page's labelled records, as [`labelled_records`] finds them.
struct LabelledRecords {
    /// The labels, by first appearance.
    labels: Vec<Label>,
    records: Vec<Record>,
    /// A database's export: every label is one the lexicon names.
    database: bool,
}

/// True when one of the first `k` characters of `t` is a colon (`：`, `:`) or `=`.
/// Found on bytes (`：` is `EF BC 9A`; every byte found opens a character), then
/// the characters before the first one found counted: read a character at a
/// time, the first characters of every line of a page cost more than the rest of
/// the test.
fn colon_among_first(t: &str, k: usize) -> bool {
    let b = t.as_bytes();
    // The first k characters lie in the first 4k bytes.
    let window = &b[..b.len().min(k.saturating_mul(4))];
    memchr::memchr3_iter(b':', b'=', 0xEF, window)
        .filter(|&i| b[i] != 0xEF || b[i..].starts_with("：".as_bytes()))
        .take(1)
        .any(|i| super::classify::chars_in(&b[..i]) < k)
}

/// An export's records: each opens with the label the page's first labelled line
/// has, and runs to the next such line or a rule; lines under a label that carry
/// none go on in its value. Found when there are two records or more and three
/// labels or more that recur in them.
///
/// A database's export (three labelled lines or more the lexicon names, a title
/// field among them) has only those labels (its text's `问：` is text), and is
/// one from its first record on; a title field opens a record that has one too.
fn labelled_records(units: &[Unit<'_>]) -> Option<LabelledRecords> {
    // Most pages have no such label at all, or a few column labels: count first.
    let may_label = |t: &str| {
        t.starts_with(['【', '{', '%'])
            || t.get(2..5) == Some("  -")
            || colon_among_first(t, MAX_LATIN_LABEL + 3)
    };
    let maybe = units
        .iter()
        .filter(|u| u.markup == Markup::None && may_label(&u.text));
    let may = maybe.clone().count();
    if may < MIN_DATABASE_FIELDS {
        return None;
    }
    let lex = lexicon();
    let (mut named, mut titled) = (0, false);
    for (field, _) in maybe.filter_map(|u| lex.record_field(&u.text)) {
        named += 1;
        titled |= field == RecordField::Title;
    }
    let database = named >= MIN_DATABASE_FIELDS && titled;
    let label_of: LabelReader = if database {
        database_label
    } else {
        field_label
    };
    let min_labelled = if database { MIN_DATABASE_FIELDS } else { 2 * 3 };
    if may < min_labelled {
        return None;
    }
    let found: Vec<Option<(&str, usize)>> = units
        .iter()
        .map(|u| {
            (u.markup == Markup::None && !u.continues_value)
                .then(|| label_of(&u.text))
                .flatten()
        })
        .collect();
    if found.iter().flatten().count() < min_labelled {
        return None;
    }
    let first = found.iter().position(Option::is_some)?;
    let opening = found[first]?.0;
    let mut dashed: Option<&str> = None;
    let mut labels: Vec<Label> = Vec::new();
    let mut records: Vec<Record> = Vec::new();
    let mut open: Option<Record> = None;
    for i in first..units.len() {
        let u = &units[i];
        if let Some((label, k)) = found[i] {
            let id = match labels.iter().position(|l| l.name == label) {
                Some(id) => id,
                None => {
                    labels.push(Label {
                        name: label.to_string(),
                        printed: u.text[..k].to_string(),
                        known: database
                            .then(|| lex.record_field(&u.text).map(|(f, _)| f))
                            .flatten(),
                    });
                    labels.len() - 1
                }
            };
            let second_title = labels[id].known == Some(RecordField::Title)
                && open
                    .as_ref()
                    .is_some_and(|r| r.fields.iter().any(|f| f.label == id));
            // A rule closes a record: the next labelled line opens one; so does
            // a list's item under the label the first item opens with (`- title:
            // …`, as YAML prints a list of mappings under its comments).
            let item =
                !database && u.text.starts_with("- ") && *dashed.get_or_insert(label) == label;
            if label == opening || open.is_none() || second_title || item {
                records.extend(open.take());
                open = Some(Record {
                    start: i,
                    end: i,
                    fields: Vec::new(),
                });
            }
            if let Some(r) = open.as_mut() {
                r.fields.push(Field {
                    label: id,
                    lines: vec![value_line(u, &u.text[k..])],
                    unit: Some(i),
                    unwrapped: false,
                });
                r.end = i + 1;
            }
        } else if is_separator(u) {
            records.extend(open.take());
        } else if let Some(r) = open.as_mut() {
            if u.markup == Markup::None
                && let Some(f) = r.fields.last_mut()
            {
                f.lines.push(value_line(u, &u.text));
            }
            r.end = i + 1;
        }
    }
    records.extend(open);
    for f in records.iter_mut().flat_map(|r| &mut r.fields) {
        f.unwrapped = unwrap_value(&mut f.lines);
    }
    if database {
        return (!records.is_empty()).then_some(LabelledRecords {
            labels,
            records,
            database,
        });
    }
    let recurring = (0..labels.len())
        .filter(|&l| {
            records
                .iter()
                .filter(|r| r.fields.iter().any(|f| f.label == l))
                .count()
                >= MIN_RECORDS
        })
        .count();
    (records.len() >= MIN_RECORDS && recurring >= 3).then_some(LabelledRecords {
        labels,
        records,
        database,
    })
}

/// What divides the cells of a table's rows: a TAB (rows pasted from a
/// spreadsheet), a comma (a database's CSV file) or a bar (a Markdown table).
const CELL_DELIMITERS: [u8; 3] = [b'\t', b',', b'|'];

/// A row's cells as divided: a Markdown table's row without the bars that open
/// and close it (`| 1 | 标题 |`).
fn row_cells(text: &str, delimiter: u8) -> &str {
    if delimiter != b'|' {
        return text;
    }
    let t = trim(text);
    let t = t.strip_prefix('|').unwrap_or(t);
    t.strip_suffix('|').unwrap_or(t)
}

/// `| --- | :---: |`: the row a Markdown table prints under its header.
fn is_alignment_row(cells: &str) -> bool {
    cells.contains('-') && cells.chars().all(|c| matches!(c, '-' | ':' | '|' | ' '))
}

/// `序号⇥标题⇥作者⇥版面⇥正文` (⇥ a TAB) or `序号,标题,作者,版次,正文` (a CSV file): a
/// header row of three or more short, distinct cells divided by a TAB or a comma,
/// then rows of as many cells or fewer divided alike (a cell in double quotes may
/// hold the delimiter, doubled quotes and line breaks; `csv` reads the quotes).
/// Returns how many columns, the header's units (a hard-wrapped print cuts a
/// Markdown header too) and the rows, when there are two rows or more.
fn table_records(units: &[Unit<'_>]) -> Option<(usize, std::ops::Range<usize>, Vec<Record>)> {
    // A header's first cell is short: its delimiter comes within the line's first
    // bytes (no need to read every line of every page to its end).
    // (Most lines have none of the three there: one search for all of them first.)
    let early = |t: &str, d: u8| t.as_bytes()[..t.len().min(40)].contains(&d);
    let [tab, comma, bar] = CELL_DELIMITERS;
    let any_early =
        |t: &str| memchr::memchr3(tab, comma, bar, &t.as_bytes()[..t.len().min(40)]).is_some();
    let (header, delimiter) = units.iter().enumerate().find_map(|(i, u)| {
        let d = (u.markup == Markup::None && any_early(&u.text))
            .then(|| {
                CELL_DELIMITERS
                    .into_iter()
                    .find(|&d| early(&u.text, d) && is_header(row_cells(&u.text, d), d as char))
            })
            .flatten()?;
        Some((i, d))
    })?;
    let cell = delimiter as char;
    // A Markdown table's cells are never quoted; a line break in one is `<br/>`.
    let markdown = delimiter == b'|';
    // A hard-wrapped print cut rows, cells and all, at the page's width: a line
    // that fills it and ends no sentence goes on in the next.
    let wrap = super::normalise::wrap_width(units);
    let cut = |t: &str| wrap.is_some_and(|w| w.fills(t)) && !super::classify::ends_sentence(t);
    // A Markdown header cut so goes on to its closing bar.
    let mut head = units[header].text.to_string();
    let mut header_end = header + 1;
    while markdown
        && !head.ends_with('|')
        && cut(&units[header_end - 1].text)
        && header_end < units.len()
        && units[header_end].markup == Markup::None
    {
        head.push_str(&units[header_end].text);
        header_end += 1;
    }
    let columns = row_cells(&head, delimiter).split(cell).count();
    let mut records = Vec::new();
    let mut i = header_end;
    while i < units.len() {
        let u = &units[i];
        if u.markup != Markup::None
            || !u.text.contains(cell)
            || (markdown && is_alignment_row(&u.text))
        {
            i += 1;
            continue;
        }
        if markdown && !u.text.starts_with('|') {
            i += 1;
            continue;
        }
        // A quoted cell goes on over the lines below until its quote closes.
        let mut row = u.text.to_string();
        // A row whose first cell is empty opened with its TAB, which the line's
        // trim took off: put it back, or every cell would move a column left.
        if delimiter == b'\t' && u.indent && row.matches('\t').count() + 1 < columns {
            row.insert(0, '\t');
        }
        let mut j = i + 1;
        if markdown {
            // A row goes on to its closing bar (its `<br/>` may have parted it, or
            // a hard-wrapped print cut it at the page's width, maybe after a bar).
            while j < units.len() && units[j].markup == Markup::None {
                let short = row_cells(&row, delimiter).split(cell).count() < columns;
                let cut_here = cut(&units[j - 1].text);
                if cut_here && (!row.ends_with('|') || short) {
                    row.push_str(&units[j].text);
                } else if !row.ends_with('|') && !units[j].text.starts_with('|') {
                    // (Kept as a `<br/>`: the CSV reader would end the row at a
                    // line break, since a Markdown row is read unquoted.)
                    row.push_str("<br/>");
                    row.push_str(&units[j].text);
                } else {
                    break;
                }
                j += 1;
            }
        }
        let mut row = row_cells(&row, delimiter).to_string();
        let mut lines: Vec<usize> = (i..j).collect();
        while j < units.len() && units[j].markup == Markup::None {
            let open = !markdown && row.matches('"').count() % 2 == 1;
            let cut_here = cut(&units[j - 1].text);
            let short_of_cells = row.matches(cell).count() + 1 < columns;
            // (The next line is no rest of this row when the two together hold
            // more cells than the header: a row short of its trailing empty cells,
            // which the line's trim took, over the next row. The next row's cells
            // are counted to the line its quoted cell closes on.)
            let fits = || {
                row.matches(cell).count() + delimiters_to_row_end(&units[j..], cell, !markdown)
                    < columns
            };
            if !(open || (cut_here && short_of_cells && fits())) {
                break;
            }
            if !cut_here {
                row.push('\n');
            }
            row.push_str(&units[j].text);
            lines.push(j);
            j += 1;
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .quoting(!markdown)
            .has_headers(false)
            .flexible(true)
            .from_reader(row.as_bytes());
        let Some(Ok(cells)) = reader.records().next() else {
            i = j;
            continue;
        };
        if cells.len() < 2 || cells.len() > columns {
            i = j;
            continue;
        }
        let mut fields = Vec::with_capacity(cells.len());
        for (c, cell) in cells.iter().enumerate() {
            // A Markdown cell's lines are parted by `<br/>`.
            let cell = if markdown {
                ["<br/>", "<br />", "<br>"]
                    .into_iter()
                    .fold(cell.to_string(), |c, br| c.replace(br, "\n"))
            } else {
                cell.to_string()
            };
            // Each line of a cell is on its own source line, in order.
            let cell_lines = cell
                .split('\n')
                .enumerate()
                .map(|(k, t)| {
                    let at = units[lines[(lines.len() - 1).min(k)]].line;
                    ValueLine {
                        // (A Markdown row's `<br/>` breaks are all on its line.)
                        line: if markdown { u.line } else { at.max(u.line + k) },
                        gap: 0,
                        indent: false,
                        page_break: false,
                        text: trim(t).to_string(),
                    }
                })
                .filter(|l| !l.text.is_empty())
                .collect();
            fields.push(Field {
                label: c,
                lines: cell_lines,
                unit: None,
                unwrapped: false,
            });
        }
        records.push(Record {
            start: i,
            end: j,
            fields,
        });
        i = j;
    }
    (records.len() >= MIN_RECORDS).then_some((columns, header..header_end, records))
}

/// The cell delimiters of the row that opens on `lines[0]`, over the lines below
/// it as far as a quoted cell open at its end runs on (to the quote's close; a row
/// read unquoted ends at its first line, and a quote left open is followed over a
/// page's worth of lines at most, 64).
fn delimiters_to_row_end(lines: &[Unit<'_>], cell: char, quoted: bool) -> usize {
    const MOST_LINES: usize = 64;
    let mut delimiters = 0;
    let mut open = false;
    for u in lines
        .iter()
        .take_while(|u| u.markup == Markup::None)
        .take(MOST_LINES)
    {
        delimiters += u.text.matches(cell).count();
        open ^= quoted && u.text.matches('"').count() % 2 == 1;
        if !open {
            break;
        }
    }
    delimiters
}

/// A header row: three or more cells divided by `delimiter`, each one to eight
/// characters without a figure, all different.
fn is_header(text: &str, delimiter: char) -> bool {
    // Read cell by cell, stopping at the first that cannot be a label (most lines
    // with a comma early are text: their first cell is long).
    let mut cells: Vec<&str> = Vec::new();
    for c in text.split(delimiter).map(trim) {
        if !(1..=8).contains(&count_upto(c, 9))
            || c.chars().any(|ch| ch.is_ascii_digit())
            || cells.contains(&c)
        {
            return false;
        }
        cells.push(c);
    }
    cells.len() >= 3
}

/// What each label holds, learned from its values across the records; `None` when
/// the records name no text or no title.
fn learn_roles(records: &[Record], labels: usize) -> Option<Vec<FieldRole>> {
    #[derive(Default, Clone)]
    struct Stats {
        present: usize,
        chars: usize,
        position: usize,
        bylines: usize,
        codes: usize,
        heads: usize,
        values: Vec<String>,
        /// Values naming themselves a kicker (`栏目：民生`).
        named_kickers: usize,
        /// Values naming an outlet (`泂川日报`, `榅城新闻网`): the record's source.
        papers: usize,
    }
    let lex = super::lexicon::lexicon();
    let mut stats = vec![Stats::default(); labels];
    for r in records {
        for (pos, f) in r.fields.iter().enumerate() {
            if f.is_empty() {
                continue;
            }
            let s = &mut stats[f.label];
            let value = f.value();
            let n = count_upto(&value, MAX_HEAD + 1);
            s.present += 1;
            s.chars += f.chars();
            s.position += pos;
            s.bylines += usize::from(
                is_byline(&value, n) || (n <= 12 && is_name_line(&value)) || is_names_list(&value),
            );
            s.papers += usize::from(lex.is_outlet_name(&value));
            // Figures and codes (`A04`, `2026-11-30`), or a value with no Han
            // character (a link, a feed's dates): no head of a Chinese paper.
            s.codes += usize::from(
                (n <= MAX_CODE
                    && value
                        .chars()
                        .any(|c| c.is_ascii_alphanumeric() || crate::text::is_digit(c)))
                    || !value.chars().any(crate::text::is_han),
            );
            s.heads += usize::from(
                n <= MAX_HEAD
                    && f.lines.len() == 1
                    && !value.contains(['。', '；', ';', '！', '!'])
                    && !super::classify::ends_sentence(&value),
            );
            s.named_kickers += usize::from(named_kicker(&value).is_some());
            s.values.push(value);
        }
    }
    let mean = |s: &Stats| s.chars.checked_div(s.present).unwrap_or(0);
    let codes = |s: &Stats| s.codes * 2 > s.present;
    // The text: the longest values, in half the records or more, of words (a
    // feed's links are longer than its descriptions).
    let text = (0..labels)
        .filter(|&l| stats[l].present * 2 >= records.len() && !codes(&stats[l]))
        .max_by_key(|&l| mean(&stats[l]))?;
    if mean(&stats[text]) < MIN_TEXT {
        return None;
    }
    let mut roles = vec![FieldRole::Meta; labels];
    roles[text] = FieldRole::Text;
    let mut heads = Vec::new();
    for (l, s) in stats.iter().enumerate() {
        if l == text || s.present == 0 {
            continue;
        }
        let same = s.present >= MIN_RECORDS && s.values.iter().all(|v| *v == s.values[0]);
        if s.bylines * 2 > s.present {
            roles[l] = FieldRole::Byline;
        } else if codes(s) || same || s.heads < s.present || s.papers * 2 > s.present {
            roles[l] = FieldRole::Meta;
        } else {
            heads.push(l);
        }
    }
    // The title: the head field the most records fill, the earliest of those.
    let title = heads.iter().copied().min_by(|&a, &b| {
        let (sa, sb) = (&stats[a], &stats[b]);
        sb.present
            .cmp(&sa.present)
            .then((sa.position * sb.present).cmp(&(sb.position * sa.present)))
    })?;
    if stats[title].present * 2 < records.len() {
        return None;
    }
    // A record prints its heads together, over its text: a short field printed
    // below the title and below a metadata field under it (a feed's `Category:`
    // under `Link:` and `PubDate:`), or after the text (a register's reviewer), is
    // metadata too, no kicker.
    let meta: Vec<bool> = (0..labels)
        .map(|l| roles[l] == FieldRole::Meta && !heads.contains(&l))
        .collect();
    heads.retain(|&l| {
        let below_meta = records
            .iter()
            .filter(|r| {
                let at = |l: usize| r.fields.iter().position(|f| f.label == l && !f.is_empty());
                let (Some(t), Some(p)) = (at(title), at(l)) else {
                    return false;
                };
                (p > t
                    && r.fields[t + 1..p]
                        .iter()
                        .any(|f| meta[f.label] && !f.is_empty()))
                    || at(text).is_some_and(|x| p > x)
            })
            .count();
        l == title || below_meta * 2 <= stats[l].present
    });
    for &l in &heads {
        roles[l] = if l == title {
            FieldRole::Title
        } else if mean(&stats[l]) <= MAX_KICKER {
            FieldRole::Kicker
        } else {
            FieldRole::Subtitle
        };
    }
    // A field whose every value names itself a column (`N1  - 栏目：民生`) is the
    // kicker wherever the record prints it.
    for (l, s) in stats.iter().enumerate() {
        if l != title
            && roles[l] == FieldRole::Meta
            && s.present > 0
            && s.named_kickers == s.present
        {
            roles[l] = FieldRole::Kicker;
        }
    }
    Some(roles)
}

/// Put the records' units in place of their lines: per record the kicker, title,
/// subtitle and byline as fields, the metadata as furniture (a labelled page's: a
/// table row's cells have no line of their own, and its metadata is dropped), then
/// the text (with its label left on a labelled first line). Lines of a labelled
/// page outside every record (the export's head and end lines) are furniture, over
/// the first record only when they open the page as an export's head does
/// ([`opens_the_page`]): a note's own paragraphs over a record it quotes stay.
fn rebuild<'t>(units: &mut Vec<Unit<'t>>, records: &[Record], roles: &[FieldRole], labelled: bool) {
    let old = std::mem::take(units);
    let mut out: Vec<Unit<'t>> = Vec::with_capacity(old.len() + records.len() * 4);
    let mut next = 0;
    let new_unit = |line: &ValueLine, text: String, markup: Markup| {
        let text = Cow::Owned(text);
        let unit = if markup == Markup::Title {
            Unit::title_field(line.line, line.gap, text)
        } else {
            Unit::new(line.line, line.gap, markup, text)
        };
        Unit {
            indent: line.indent,
            page_break: line.page_break,
            ..unit
        }
    };
    // The lines over the first record are the export's head only when they open
    // the page as one does: a note's paragraphs over a record it quotes are its own.
    let head = records
        .first()
        .is_some_and(|r| opens_the_page(&old[..r.start], EXPORT_HEAD_LINES));
    for r in records {
        let set_aside = labelled && (next > 0 || head);
        for mut u in old[next..r.start].iter().cloned() {
            if set_aside && u.markup == Markup::None {
                u.markup = Markup::Furniture;
            }
            out.push(u);
        }
        next = r.end;
        // A record that fills neither the title nor the text (a feed's own
        // fields over its items) is the page's, part of no article.
        let fills = |role: FieldRole| {
            r.fields
                .iter()
                .any(|f| roles[f.label] == role && !f.is_empty())
        };
        if !fills(FieldRole::Title) && !fills(FieldRole::Text) {
            for mut u in old[r.start..r.end].iter().cloned() {
                if u.markup == Markup::None {
                    u.markup = Markup::Furniture;
                    u.level = 0;
                }
                out.push(u);
            }
            continue;
        }
        let order = [
            FieldRole::Kicker,
            FieldRole::Title,
            FieldRole::Subtitle,
            FieldRole::Byline,
            FieldRole::Author,
            FieldRole::Meta,
            FieldRole::Text,
        ];
        for role in order {
            let fields = r.fields.iter().filter(|f| roles[f.label] == role);
            match role {
                // Several byline fields (one a name, `AU  - `) are one byline.
                FieldRole::Byline => {
                    let mut names = fields.filter_map(|f| {
                        let value = f.value();
                        let list = NameList::of(&value);
                        (!list.printed.is_empty())
                            .then(|| (f.lines.first(), list.printed.to_string()))
                    });
                    if let Some((Some(first), mut byline)) = names.next() {
                        for (_, name) in names {
                            byline.push(' ');
                            byline.push_str(&name);
                        }
                        out.push(new_unit(first, byline, Markup::Field(DraftField::Byline)));
                    }
                }
                // A database's author field names the byline when the record's
                // text does not (it prints its own byline or credit otherwise).
                FieldRole::Author => {
                    for f in fields {
                        let value = f.value();
                        let list = NameList::of(&value);
                        let named = list.names().any(|n| {
                            r.fields
                                .iter()
                                .filter(|t| roles[t.label] == FieldRole::Text)
                                .flat_map(|t| &t.lines)
                                .any(|l| l.text.contains(n))
                        });
                        match f.lines.first() {
                            Some(first) if !list.printed.is_empty() && !named => {
                                out.push(new_unit(
                                    first,
                                    list.printed.to_string(),
                                    Markup::Field(DraftField::Byline),
                                ))
                            }
                            _ => out.extend(f.unit.map(|i| furniture(&old[i]))),
                        }
                    }
                }
                FieldRole::Kicker | FieldRole::Title | FieldRole::Subtitle => {
                    for f in fields {
                        let value = f.value();
                        let Some(first) = f.lines.first().filter(|_| !value.is_empty()) else {
                            continue;
                        };
                        // `A——B` in a title field of a record with no subtitle:
                        // the title and its subtitle.
                        if role == FieldRole::Title
                            && !fills(FieldRole::Subtitle)
                            && let Some(cut) = value.find("——").filter(|&i| i > 0)
                        {
                            let title = trim(&value[..cut]).to_string();
                            out.push(new_unit(first, title, Markup::Title));
                            let subtitle = value[cut..].to_string();
                            out.push(new_unit(
                                first,
                                subtitle,
                                Markup::Field(DraftField::Subtitle),
                            ));
                            continue;
                        }
                        let (markup, text) = match role {
                            FieldRole::Title => (Markup::Title, value),
                            FieldRole::Subtitle => (Markup::Field(DraftField::Subtitle), value),
                            _ => {
                                let kicker = match named_kicker(&value) {
                                    Some(k) => trim(&value[k..]).to_string(),
                                    None => value,
                                };
                                (Markup::Field(DraftField::Kicker), kicker)
                            }
                        };
                        out.push(new_unit(first, text, markup));
                    }
                }
                FieldRole::Meta => {
                    out.extend(fields.filter_map(|f| f.unit).map(|i| furniture(&old[i])))
                }
                FieldRole::Text => {
                    for f in fields {
                        for (k, l) in f.lines.iter().enumerate() {
                            if k == 0
                                && f.unwrapped
                                && let Some(i) = f.unit
                            {
                                out.push(furniture(&old[i]));
                                if !l.text.is_empty() {
                                    out.push(new_unit(l, l.text.clone(), Markup::None));
                                }
                            } else if k == 0
                                && let Some(i) = f.unit
                            {
                                let mut u = old[i].clone();
                                u.level = 0;
                                if l.text.is_empty() {
                                    u.markup = Markup::Furniture;
                                }
                                out.push(u);
                            } else if !l.text.is_empty() {
                                out.push(new_unit(l, l.text.clone(), Markup::None));
                            }
                        }
                    }
                }
            }
        }
    }
    for mut u in old.into_iter().skip(next) {
        if labelled && u.markup == Markup::None {
            u.markup = Markup::Furniture;
        }
        out.push(u);
    }
    *units = out;
}

/// In a database record the title field is the head: the record's text opens with
/// text even where its first line looks like a head (a court notice's case number
/// `（2026）昙0102民初1186号`, a short first sentence), never with a second title.
pub fn open_record_texts(units: &[Unit<'_>], classes: &mut [Class]) {
    let lex = lexicon();
    let mut i = 0;
    while i < units.len() {
        if !units[i].named_by_field {
            i += 1;
            continue;
        }
        // Past the fields under the title (subtitle, byline, metadata) to the
        // record's first line of text, if the text field opened above it.
        let mut text_opened = false;
        let mut j = i + 1;
        while j < units.len() && units[j].markup != Markup::None {
            text_opened |= units[j].markup == Markup::Furniture
                && lex
                    .record_field(&units[j].text)
                    .is_some_and(|(f, _)| f == RecordField::Text);
            if units[j].named_by_field {
                break;
            }
            j += 1;
        }
        if text_opened
            && j < units.len()
            && units[j].markup == Markup::None
            && classes[j].role == Role::Head
        {
            classes[j].role = Role::Body;
            super::classify::body_features(&units[j].text, &mut classes[j]);
            classes[j].rule = "body: a database record's text opens under its title field";
        }
        i = j.max(i + 1);
    }
}

/// A field's labelled line set aside as furniture.
fn furniture<'t>(u: &Unit<'t>) -> Unit<'t> {
    let mut u = u.clone();
    u.markup = Markup::Furniture;
    u.level = 0;
    u
}

#[cfg(test)]
mod tests {
    use crate::article::Kind;
    use crate::segment::segment_issue;

    const EXPORT: &str = "苇塘日报数据库　导出记录　共3条\n\
        ====================\n\
        【标题】芦溪镇新建两座泵站\n\
        【作者】本报记者　甘露\n\
        【栏目】民生\n\
        【来源】苇塘日报\n\
        【日期】2026-11-30\n\
        【正文】芦溪镇两座新建泵站11月底投入使用，汛期排涝能力提高一倍。\n\
        \u{3000}\u{3000}泵站由镇水利站统一值守。\n\
        ====================\n\
        【标题】老渡口的新石阶\n\
        【副标题】一段百年台阶的修缮记\n\
        【作者】本报记者　蒉思远　冀川\n\
        【栏目】老街故事\n\
        【来源】苇塘日报\n\
        【日期】2026-11-29\n\
        【正文】渡口的石阶用了一百多年，今年秋天终于修好了。\n\
        ====================\n\
        【标题】冬季用电安全提示\n\
        【栏目】\n\
        【来源】苇塘日报\n\
        【日期】2026-11-28\n\
        【正文】入冬以来用电负荷上升，请居民不要私拉电线。\n\
        ====================\n\
        （导出结束）\n";

    /// An export's records: what each label holds is learned from its values, so
    /// the labels are no text, the title, kicker, subtitle and byline come from
    /// their fields, the metadata and the export's own lines belong to no article.
    #[test]
    fn an_exports_fields_give_their_roles_by_their_values() {
        let articles = segment_issue(EXPORT, "p");
        assert_eq!(articles.len(), 3, "{articles:#?}");
        let a = &articles[0];
        assert_eq!(a.title, "芦溪镇新建两座泵站");
        assert_eq!(a.kicker, "民生");
        assert_eq!(a.byline, "本报记者　甘露");
        assert_eq!(
            a.paragraphs,
            [
                "芦溪镇两座新建泵站11月底投入使用，汛期排涝能力提高一倍。",
                "泵站由镇水利站统一值守。"
            ]
        );
        let b = &articles[1];
        assert_eq!(b.title, "老渡口的新石阶");
        assert_eq!(b.subtitle, "一段百年台阶的修缮记");
        assert_eq!(b.kicker, "老街故事");
        let c = &articles[2];
        assert_eq!(c.title, "冬季用电安全提示");
        assert_eq!((c.kicker.as_str(), c.byline.as_str()), ("", ""));
        assert_eq!(c.paragraphs, ["入冬以来用电负荷上升，请居民不要私拉电线。"]);
        // A head of several lines over the first record is the export's, no article.
        let headed = EXPORT.replacen(
            "苇塘日报数据库　导出记录　共3条\n",
            "苇塘日报数据库\n导出记录\n全文检索　芦溪\n2026年12月1日导出\n共3条\n",
            1,
        );
        let titles: Vec<String> = segment_issue(&headed, "p")
            .into_iter()
            .map(|a| a.title)
            .collect();
        assert_eq!(
            titles,
            ["芦溪镇新建两座泵站", "老渡口的新石阶", "冬季用电安全提示"]
        );
        // Other labels say the same: the roles come from the values, not the words.
        let renamed = EXPORT
            .replace("【标题】", "【题】")
            .replace("【正文】", "【文】")
            .replace("【作者】", "【署】")
            .replace("【栏目】", "【栏】");
        let again = segment_issue(&renamed, "p");
        let titles: Vec<&str> = again.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["芦溪镇新建两座泵站", "老渡口的新石阶", "冬季用电安全提示"]
        );
        assert_eq!(again[0].byline, "本报记者　甘露");
        // A page of briefs with a bracketed place or time each is no export.
        let briefs = "热线速递\n【芦溪】芦溪镇两座泵站投入使用。\n【蒲口】蒲口镇修好了灌溉渠。\n【柳塘】柳塘村的路灯亮了。\n";
        let articles = segment_issue(briefs, "p");
        assert!(
            articles.iter().any(|a| a.body().contains("【芦溪】")),
            "{articles:#?}"
        );
    }

    const RECORDS: &str = "SrcDatabase-来源库: 报纸\n\
        Title-题名: 老街口装上了智能路灯——柘水镇推进照明改造\n\
        Author-作者: 孟晓川；\n\
        Summary-摘要: 柘水镇为老街口装上智能路灯，\n\
        夜里出行的居民更安心了。\n\
        PubTime-出版日期: 2026-03-02\n\
        FullText-全文:\n\
        本报记者 孟晓川\n\
        3月1日晚，柘水镇老街口新装的12盏智能路灯亮了起来。\n\
        \n\
        SrcDatabase-来源库: 报纸\n\
        Title-题名: 柘水镇人民政府公告\n\
        Author-作者: 闻书砚；\n\
        Column-栏目: 公告\n\
        FullText-全文:\n\
        （2026）第3号\n\
        镇区部分道路将于3月5日起封闭施工，请过往车辆绕行。\n";

    /// A database's records: the title field is the title (and the subtitle after
    /// `——`), the text field's lines the text, the rest (a wrapped summary too)
    /// metadata; the author field is the byline only when the text names nobody.
    #[test]
    fn a_database_records_fields_give_title_text_and_byline() {
        let articles = segment_issue(RECORDS, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        let a = &articles[0];
        assert_eq!(a.title, "老街口装上了智能路灯");
        assert_eq!(a.subtitle, "——柘水镇推进照明改造");
        assert_eq!(a.byline, "本报记者 孟晓川");
        assert_eq!(
            a.paragraphs,
            ["3月1日晚，柘水镇老街口新装的12盏智能路灯亮了起来。"]
        );
        let b = &articles[1];
        assert_eq!(b.title, "柘水镇人民政府公告");
        assert_eq!(b.kicker, "");
        assert_eq!(b.byline, "闻书砚");
        assert!(b.body().starts_with("（2026）第3号"), "{b:#?}");
        assert!(!b.body().contains("公告\n"), "{b:#?}");
        // Two field lines are no export: the page is read as printed.
        let page = "Title-题名: 山村的春天\n春风吹过山岗，桃花开了。\nPage-版号: 003\n";
        assert_eq!(segment_issue(page, "p")[0].title, "Title-题名: 山村的春天");
    }

    /// A note that quotes one database record keeps its own lines: what stands
    /// over the record is set aside only as an export's head is (a line or two
    /// that end no sentence), never a note's paragraphs.
    #[test]
    fn a_note_quoting_one_record_keeps_its_own_text() {
        let page = "读报笔记\n\
            今天在资料库里查到一篇旧报道，讲的是柘水镇老街口装路灯的事。\n\
            这篇报道写得很细，值得抄下来留着，下次写社区治理的稿子用得上。\n\
            SrcDatabase-来源库: 报纸\n\
            Title-题名: 老街口装上了智能路灯\n\
            Author-作者: 孟晓川；\n\
            FullText-全文:\n\
            3月1日晚，柘水镇老街口新装的12盏智能路灯亮了起来。\n";
        let articles = segment_issue(page, "p");
        let all: String = articles
            .iter()
            .map(|a| format!("{}\n{}\n", a.title, a.body()))
            .collect();
        for own in ["今天在资料库里查到一篇旧报道", "下次写社区治理的稿子用得上"]
        {
            assert!(all.contains(own), "{own} lost: {articles:#?}");
        }
        let record = articles
            .iter()
            .find(|a| a.title == "老街口装上了智能路灯")
            .unwrap_or_else(|| panic!("{articles:#?}"));
        assert_eq!(
            record.paragraphs,
            ["3月1日晚，柘水镇老街口新装的12盏智能路灯亮了起来。"]
        );
        // An export's own head over its records is still no article's.
        let export = format!(
            "苇塘报纸库　导出1条\n{}",
            &page[page.find("SrcDatabase").unwrap_or(0)..]
        );
        let articles = segment_issue(&export, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
        assert_eq!(articles[0].title, "老街口装上了智能路灯");
    }

    /// Rows pasted from a spreadsheet: the header row is furniture, a row is an
    /// article, a quoted cell's lines are its paragraphs, an empty cell gives no
    /// byline, a column of row numbers and one of page codes are no text.
    #[test]
    fn a_spreadsheets_rows_are_articles_by_their_columns() {
        let page = "序号\t标题\t作者\t版面\t正文\n\
            1\t芦溪镇新建两座泵站\t本报记者 甘露\tA04\t\"芦溪镇两座新建泵站11月底投入使用，汛期排涝能力提高一倍。\n\
            泵站由镇水利站统一值守，村民随时可以反映情况。\"\n\
            2\t老渡口的新石阶\t本报记者 冀川\tA05\t渡口的石阶用了一百多年，今年秋天终于修好了。\n\
            3\t冬季用电安全提示\t\tA02\t入冬以来用电负荷上升，请居民不要私拉电线。\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 3, "{articles:#?}");
        assert_eq!(articles[0].title, "芦溪镇新建两座泵站");
        assert_eq!(articles[0].byline, "本报记者 甘露");
        assert_eq!(articles[0].paragraphs.len(), 2, "{articles:#?}");
        assert!(articles[0].paragraphs[1].ends_with("反映情况。"));
        assert_eq!(articles[2].title, "冬季用电安全提示");
        assert_eq!(articles[2].byline, "");
        assert_ne!(articles[2].kind, Kind::Photo);
        // A table of figures inside a story is no page of records.
        let story = "长者食堂增至132家\n本报讯 全市长者食堂增至132家。\n区名\t食堂\t就餐\n棠溪区\t41\t3900\n砾阳区\t38\t3500\n";
        let articles = segment_issue(story, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
        assert!(articles[0].body().contains("棠溪区\t41\t3900"));
        // Nor is a table of words and sentences under a story: the story stays whole.
        let story = "南街道路改造完工\n本报讯 南街道路改造工程昨日完工，沿街居民出行更方便了。\n项目\t进度\t说明\n道路工程\t完成\t主干道改造全部完成，通车运行良好，市民出行更方便了\n桥梁工程\t在建\t桥梁主体结构已经完工，预计年底前全面通车运营\n";
        let articles = segment_issue(story, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
        assert_eq!(articles[0].title, "南街道路改造完工");
        assert!(articles[0].body().contains("昨日完工"), "{articles:#?}");
    }

    /// A row whose first cell is empty opens with its TAB: its cells stay in
    /// their columns. A register's count under its rows (`共 3 条`) is no text of
    /// the last record.
    #[test]
    fn an_empty_first_cell_keeps_the_columns_and_a_count_line_is_the_registers() {
        let page = "栏目\t标题\t作者\t正文\n\
            民生\t芦溪镇新建两座泵站\t甘露\t芦溪镇两座新建泵站11月底投入使用，汛期排涝能力提高一倍。\n\
            \t老渡口的新石阶\t冀川\t渡口的石阶用了一百多年，今年秋天终于修好了，村民出行方便了。\n\
            警方\t冬季用电安全提示\t蒲禾\t入冬以来用电负荷上升，请居民不要私拉电线，注意用电安全。\n\
            \n共 3 条，已审核 3 条。\n";
        let articles = segment_issue(page, "p");
        let heads: Vec<(&str, &str, &str)> = articles
            .iter()
            .map(|a| (a.kicker.as_str(), a.title.as_str(), a.byline.as_str()))
            .collect();
        assert_eq!(
            heads,
            [
                ("民生", "芦溪镇新建两座泵站", "甘露"),
                ("", "老渡口的新石阶", "冀川"),
                ("警方", "冬季用电安全提示", "蒲禾"),
            ],
            "{articles:#?}"
        );
        assert!(
            articles[2].body().ends_with("注意用电安全。"),
            "{articles:#?}"
        );
    }

    /// A Markdown table as a hard-wrapping tool prints it, every line cut at thirty
    /// characters (the header and the alignment row too, a row maybe right after
    /// a bar): the same articles as the table itself gives.
    #[test]
    fn a_markdown_table_cut_at_a_width_keeps_its_rows() {
        let table = "| 序号 | 日期 | 栏目 | 标题 | 作者 | 正文 | 审核 |\n\
            | --- | --- | --- | --- | --- | --- | --- |\n\
            | 1 | 12月1日 | 要闻 | 芦溪镇新建两座泵站 | 甘露 | 芦溪镇两座新建泵站11月底投入使用，汛期排涝能力提高一倍。<br/>泵站由镇水利站统一值守，村民随时可以反映情况。 | 宓 |\n\
            | 2 | 12月3日 | 乡村 | 老渡口的新石阶 | 冀川 | 渡口的石阶用了一百多年，今年秋天终于修好了，村民出行方便了许多。 | 宓 |\n\
            | 3 | 12月5日 | 要闻 | 冬季用电安全提示 | 蒲禾 | 入冬以来用电负荷上升，请居民不要私拉电线，注意用电安全，发现隐患及时报修。 | 郗 |\n\
            | 4 | 12月8日 | 民生 | 夜校开到了村口 | 甘露 | 镇成人学校把夜校开到了村口，每周两个晚上教村民用手机、学种植技术，报名的人很多。 | 郗 |\n";
        let heads = |page: &str| -> Vec<(String, String, String, usize)> {
            segment_issue(page, "p")
                .into_iter()
                .map(|a| (a.kicker, a.title, a.byline, a.paragraphs.len()))
                .collect()
        };
        let want = heads(table);
        assert_eq!(want.len(), 4, "{want:?}");
        let cut: String = table
            .lines()
            .flat_map(|l| {
                let chars: Vec<char> = l.chars().collect();
                chars
                    .chunks(30)
                    .map(|c| c.iter().collect::<String>() + "\n")
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(heads(&cut), want, "{cut}");
    }

    /// A database's CSV file: a header row and one row a record, cells divided by
    /// commas, a cell in quotes holding commas, doubled quotes and line breaks (a
    /// body of paragraphs), rows ended by CRLF after a byte order mark. What each
    /// column holds comes from its values: the title, subtitle, byline and column
    /// (the kicker) from theirs, the paper's name, dates and codes no text.
    #[test]
    fn a_csv_files_rows_are_articles_by_their_columns() {
        let page = "\u{feff}编号,题名,副题,署名,栏目,报纸,日期,版面,全文\r\n\
            1,芦溪镇新建两座泵站,——汛期排涝能力提高一倍,本报记者　甘露,民生,苇塘日报,2026-11-30,A04,\"芦溪镇两座新建泵站11月底投入使用，排涝能力提高一倍。\n\
            泵站由镇水利站统一值守，村民说\"\"心里踏实了\"\"。\"\r\n\
            2,\"冬季用电，安全第一,请勿私拉电线\",,,,苇塘晚报,2026-12-01,B02,入冬以来用电负荷上升，请居民不要私拉电线。\r\n\
            3,老渡口的新石阶,,本报记者　冀川,老街故事,苇塘日报,2026-12-02,A05,渡口的石阶用了一百多年，今年秋天终于修好了。\r\n";
        let articles = segment_issue(page, "p");
        let heads: Vec<[&str; 4]> = articles
            .iter()
            .map(|a| {
                [
                    a.kicker.as_str(),
                    a.title.as_str(),
                    a.subtitle.as_str(),
                    a.byline.as_str(),
                ]
            })
            .collect();
        assert_eq!(
            heads,
            [
                [
                    "民生",
                    "芦溪镇新建两座泵站",
                    "——汛期排涝能力提高一倍",
                    "本报记者　甘露"
                ],
                ["", "冬季用电，安全第一,请勿私拉电线", "", ""],
                ["老街故事", "老渡口的新石阶", "", "本报记者　冀川"],
            ],
            "{articles:#?}"
        );
        assert_eq!(
            articles[0].paragraphs,
            [
                "芦溪镇两座新建泵站11月底投入使用，排涝能力提高一倍。",
                "泵站由镇水利站统一值守，村民说\"心里踏实了\"。"
            ]
        );
        assert_eq!(
            articles[1].paragraphs,
            ["入冬以来用电负荷上升，请居民不要私拉电线。"]
        );
        // A story that quotes a list divided by commas is no table.
        let story = "芦溪镇评出三个文明村\n本报讯 芦溪镇日前评出三个文明村。\n东塘,西岭,南湾\n三个村各获奖励五万元。\n";
        let articles = segment_issue(story, "p");
        assert_eq!(articles.len(), 1, "{articles:#?}");
        assert!(articles[0].body().contains("东塘,西岭,南湾"));
    }

    /// A feed printed as text: each item's fields behind Latin labels before a
    /// colon. The title and the byline come from their fields, links and dates
    /// are metadata, a description of two paragraphs is the text, and the feed's
    /// own fields over its items belong to no article.
    #[test]
    fn a_feeds_items_are_articles_by_their_fields() {
        let page = "Feed: 苇塘网 · 民生频道\nLink: https://www.example/minsheng/\nUpdated: Sat, 05 Dec 2026 09:30:00 +0800\n\n----------\nTitle: 芦溪镇新建两座泵站\nLink: https://www.example/1.html\nPubDate: Sat, 05 Dec 2026 08:12:00 +0800\nAuthor: 邴若溪\nDescription: 芦溪镇两座新建泵站11月底投入使用，汛期排涝能力提高一倍。\n\n泵站由镇水利站统一值守。\n----------\nTitle: 冬季用电安全提示\nLink: https://www.example/2.html\nPubDate: Fri, 04 Dec 2026 18:20:00 +0800\nDescription: 入冬以来用电负荷上升，请居民不要私拉电线。\n----------\n(2 items)\n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        assert_eq!(articles[0].title, "芦溪镇新建两座泵站");
        assert_eq!(articles[0].byline, "邴若溪");
        assert_eq!(
            articles[0].paragraphs,
            [
                "芦溪镇两座新建泵站11月底投入使用，汛期排涝能力提高一倍。",
                "泵站由镇水利站统一值守。"
            ]
        );
        assert_eq!(articles[1].title, "冬季用电安全提示");
        assert_eq!(articles[1].byline, "");
        assert_eq!(
            articles[1].paragraphs,
            ["入冬以来用电负荷上升，请居民不要私拉电线。"]
        );
    }

    /// A reference manager's records with labels in braces (NoteExpress): the
    /// labels are no text, the authors' list is the byline without its closing
    /// semicolon, an empty author field gives none, and a field naming the paper
    /// each record comes from is its source, no kicker.
    #[test]
    fn a_reference_managers_braced_fields_are_read_by_their_values() {
        let page = "{Reference Type}: Newspaper Article\n{Title}: 城区供暖管网改造全部完工\n{Author}: 谯砚秋;\n{Secondary Title}: 苇塘日报\n{Date}: 2026-12-01\n{Keywords}: 供暖;管网改造\n{Abstract}: 城区供暖管网改造工程日前全部完工，共更换老旧管网四十六公里。\n{Database Provider}: CNKI\n\n{Reference Type}: Newspaper Article\n{Title}: 芦溪完成生态护岸建设\n{Author}: 覃书言;綦若溪;\n{Secondary Title}: 芦溪晚报\n{Date}: 2026-12-02\n{Keywords}: 生态护岸\n{Abstract}: 芦溪二十八公里生态护岸近日完工，原来的水泥硬岸换成了草坡。\n{Database Provider}: CNKI\n\n{Reference Type}: Newspaper Article\n{Title}: 冬季用电安全提示\n{Author}: \n{Secondary Title}: 苇塘日报\n{Date}: 2026-12-03\n{Keywords}: 用电\n{Abstract}: 入冬以来用电负荷上升，请居民不要私拉电线。\n{Database Provider}: CNKI\n";
        let articles = segment_issue(page, "p");
        let heads: Vec<[&str; 3]> = articles
            .iter()
            .map(|a| [a.kicker.as_str(), a.title.as_str(), a.byline.as_str()])
            .collect();
        assert_eq!(
            heads,
            [
                ["", "城区供暖管网改造全部完工", "谯砚秋"],
                ["", "芦溪完成生态护岸建设", "覃书言;綦若溪"],
                ["", "冬季用电安全提示", ""],
            ],
            "{articles:#?}"
        );
        assert_eq!(
            articles[1].paragraphs,
            ["芦溪二十八公里生态护岸近日完工，原来的水泥硬岸换成了草坡。"]
        );
    }

    /// A reference manager's file (RIS): each record's tags are no text, the
    /// title and the text come from their fields, several author tags are one
    /// byline, untagged lines go on in the text, and the tags of figures, codes,
    /// keywords and the record's end belong to no article.
    #[test]
    fn an_ris_files_records_are_articles_by_their_tags() {
        let page = "TY  - NEWS\nTI  - 城区供暖管网改造全部完工\nAU  - 谯砚秋\nT2  - 苇塘日报\nDA  - 2026/12/01\nSP  - 3\nKW  - 供暖；管网改造\nN1  - 栏目：民生\nAB  - 城区供暖管网改造工程日前全部完工，共更换老旧管网四十六公里。\n改造后的管网热损失明显降低，居民家中室温普遍提高了两三度。\nER  - \n\nTY  - NEWS\nTI  - 芦溪完成生态护岸建设\nAU  - 覃书言\nAU  - 綦若溪\nT2  - 苇塘日报\nDA  - 2026/12/02\nSP  - 6\nKW  - 生态护岸\nAB  - 芦溪二十八公里生态护岸近日完工，原来的水泥硬岸换成了草坡。\nER  - \n";
        let articles = segment_issue(page, "p");
        assert_eq!(articles.len(), 2, "{articles:#?}");
        let a = &articles[0];
        assert_eq!(a.title, "城区供暖管网改造全部完工");
        assert_eq!(a.byline, "谯砚秋");
        assert_eq!(a.kicker, "民生");
        assert_eq!(
            a.paragraphs,
            [
                "城区供暖管网改造工程日前全部完工，共更换老旧管网四十六公里。",
                "改造后的管网热损失明显降低，居民家中室温普遍提高了两三度。"
            ]
        );
        let b = &articles[1];
        assert_eq!(b.title, "芦溪完成生态护岸建设");
        assert_eq!(b.byline, "覃书言 綦若溪");
        assert_eq!(
            b.paragraphs,
            ["芦溪二十八公里生态护岸近日完工，原来的水泥硬岸换成了草坡。"]
        );
    }

    /// One generated record: its title, byline, text's paragraphs, and the
    /// metadata a tool prints with it.
    #[derive(Debug, Clone)]
    struct Generated {
        title: &'static str,
        byline: Option<&'static str>,
        text: Vec<String>,
        date: String,
        id: String,
        /// The outlet that printed it (`苇塘新闻网`).
        source: &'static str,
    }

    /// How a researcher's tool prints records (the roles are never in the labels).
    #[derive(Debug, Clone, Copy)]
    enum Syntax {
        /// `label: value`, further paragraphs on lines of their own.
        Colon,
        /// `标签：value`.
        HanColon,
        /// BibTeX: `@article{key,` / `\tlabel = {value},` / `}`.
        Equals,
        /// EndNote: `%T value`.
        Percent,
        /// YAML: `- label: value`, the text in a `|-` block.
        Yaml,
        /// A Markdown table, the text's paragraphs parted by `<br/>`.
        Pipe,
        /// Rows pasted from a spreadsheet.
        Tab,
    }

    const TITLES: [&str; 6] = [
        "芦溪镇新建两座泵站",
        "老渡口的新石阶",
        "冬季用电安全提示",
        "城区供暖管网改造全部完工",
        "湿地迎来越冬候鸟",
        "夜校开到了村口",
    ];
    const NAMES: [&str; 4] = ["王晓川", "李明远", "张雨桐", "陈思言"];
    const SENTENCES: [&str; 5] = [
        "芦溪镇两座新建泵站11月底投入使用，汛期排涝能力提高一倍。",
        "泵站由镇水利站统一值守，村民随时可以反映情况。",
        "渡口的石阶用了一百多年，今年秋天终于修好了。",
        "入冬以来用电负荷上升，请居民不要私拉电线。",
        "改造后的管网热损失明显降低，居民家中室温普遍提高了两三度。",
    ];

    /// The page `records` print in `syntax`, fields in `order` (0 title, 1 byline,
    /// 2 text, 3 date, 4 id, 5 source) under `labels`.
    fn print(records: &[Generated], syntax: Syntax, order: &[usize], labels: &[&str]) -> String {
        let value = |r: &Generated, f: usize| -> Vec<String> {
            match f {
                0 => vec![r.title.to_string()],
                1 => vec![r.byline.unwrap_or_default().to_string()],
                2 => r.text.clone(),
                3 => vec![r.date.clone()],
                4 => vec![r.id.clone()],
                _ => vec![r.source.to_string()],
            }
        };
        let mut page = match syntax {
            // (A data file's comments over its list.)
            Syntax::Yaml => String::from("# crawler: v2.3\n# items: 5\n"),
            _ => String::from("导出记录\n\n"),
        };
        match syntax {
            Syntax::Pipe | Syntax::Tab => {
                let (open, sep, close, br) = match syntax {
                    Syntax::Pipe => ("| ", " | ", " |", "<br/>"),
                    _ => ("", "\t", "", "\n"),
                };
                let head: Vec<&str> = order.iter().map(|&f| labels[f]).collect();
                page += &format!("{open}{}{close}\n", head.join(sep));
                if let Syntax::Pipe = syntax {
                    page += &format!("|{}\n", " --- |".repeat(order.len()));
                }
                for r in records {
                    let cells: Vec<String> = order
                        .iter()
                        .map(|&f| {
                            let v = value(r, f).join(br);
                            if br == "\n" && v.contains('\n') {
                                format!("\"{v}\"")
                            } else {
                                v
                            }
                        })
                        .collect();
                    page += &format!("{open}{}{close}\n", cells.join(sep));
                }
            }
            _ => {
                for (n, r) in records.iter().enumerate() {
                    if let Syntax::Equals = syntax {
                        page += &format!("@article{{key{n},\n");
                    }
                    for (k, &f) in order.iter().enumerate() {
                        let v = value(r, f);
                        let label = labels[f];
                        match syntax {
                            Syntax::Colon => page += &format!("{label}: {}\n", v.join("\n")),
                            Syntax::HanColon => page += &format!("{label}：{}\n", v.join("\n")),
                            Syntax::Percent => page += &format!("%{label} {}\n", v.join("\n")),
                            Syntax::Equals => {
                                page += &format!("\t{label} = {{{}}},\n", v.join("\n"))
                            }
                            _ => {
                                let dash = if k == 0 { "- " } else { "  " };
                                if v.len() > 1 || f == 2 {
                                    page += &format!("{dash}{label}: |-\n");
                                    for line in &v {
                                        page += &format!("    {line}\n");
                                    }
                                } else if v[0].is_empty() {
                                    page += &format!("{dash}{label}: null\n");
                                } else {
                                    page += &format!("{dash}{label}: '{}'\n", v[0]);
                                }
                            }
                        }
                    }
                    match syntax {
                        Syntax::Equals => page += "}\n\n",
                        Syntax::Yaml => {}
                        _ => page += "\n",
                    }
                }
            }
        }
        page
    }

    fn generated() -> impl proptest::strategy::Strategy<Value = Vec<Generated>> {
        use proptest::prelude::*;
        let record = (
            proptest::option::weighted(0.8, proptest::sample::select(NAMES.to_vec())),
            proptest::collection::vec(proptest::sample::select(SENTENCES.to_vec()), 1..=3),
            1u32..28,
            10000u32..99999,
        );
        proptest::collection::vec(record, 2..=5).prop_map(|rs| {
            rs.into_iter()
                .enumerate()
                .map(|(i, (byline, text, day, id))| Generated {
                    title: TITLES[i],
                    byline,
                    // (Each paragraph its own: a line printed three times on a
                    // page reads as its furniture.)
                    text: text
                        .iter()
                        .enumerate()
                        .map(|(k, t)| {
                            format!(
                                "{}{}{t}",
                                ["甲", "乙", "丙", "丁", "戊"][i],
                                ["一", "二", "三"][k]
                            )
                        })
                        .collect(),
                    date: format!("2026-12-{day:02}"),
                    id: id.to_string(),
                    source: [
                        "苇塘新闻网",
                        "苇塘日报",
                        "芦溪报",
                        "苇塘广播电视台",
                        "新华社",
                    ][i],
                })
                .collect()
        })
    }

    use proptest::prelude::{Just, Strategy};

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]
        /// Records printed as a researcher's tools print them (labels before a
        /// colon, an equals sign or a percent tag, a YAML list, a Markdown or a
        /// TAB table), their fields in any order under any labels: each record is
        /// an article with its title, byline and paragraphs, whatever the labels
        /// say, and no metadata (dates, ids, the outlet's name) in its text or its
        /// heads (a row's empty first cell included).
        #[test]
        fn records_in_any_syntax_order_and_labels_are_articles(
            records in generated(),
            syntax in proptest::sample::select(vec![
                Syntax::Colon, Syntax::HanColon, Syntax::Equals, Syntax::Percent,
                Syntax::Yaml, Syntax::Pipe, Syntax::Tab,
            ]),
            order in Just(vec![0usize, 1, 2, 3, 4, 5]).prop_shuffle(),
            pick in 0usize..6,
        ) {
            use proptest::prelude::*;
            // The title is printed before the text, as every tool prints a record.
            let (t, x) = (order.iter().position(|&f| f == 0), order.iter().position(|&f| f == 2));
            prop_assume!(t < x);
            let latin = ["ti", "au", "body", "dt", "uid", "pub"];
            let han = ["甲项", "乙项", "丙项", "丁项", "戊项", "己项"];
            let letters = ["T", "A", "X", "8", "M", "J"];
            let base: &[&str; 6] = match syntax {
                Syntax::HanColon | Syntax::Pipe | Syntax::Tab => &han,
                Syntax::Percent => &letters,
                _ => &latin,
            };
            // Any label for any role: rotate them.
            let labels: Vec<&str> = (0..6).map(|f| base[(f + pick) % 6]).collect();
            let page = print(&records, syntax, &order, &labels);
            let articles = segment_issue(&page, "p");
            let got: Vec<(&str, &str, &str, Vec<&str>)> = articles
                .iter()
                .map(|a| (a.kicker.as_str(), a.title.as_str(), a.byline.as_str(), a.paragraphs.iter().map(String::as_str).collect()))
                .collect();
            let want: Vec<(&str, &str, &str, Vec<&str>)> = records
                .iter()
                .map(|r| ("", r.title, r.byline.unwrap_or_default(), r.text.iter().map(String::as_str).collect()))
                .collect();
            prop_assert_eq!(got, want, "{}", page);
        }
    }
}

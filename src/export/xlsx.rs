//! Excel workbook export (.xlsx, through rust_xlsxwriter): the [`Table`] of the
//! CSV export on one sheet, text as text (a title starting with `=` stays a
//! title), index and tag columns as numbers, the header bold, frozen and filtered.

use super::ExportRecord;
use super::table::{Cell, Table};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::io::{self, Write};

/// The name of the sheet.
pub const SHEET_NAME: &str = "articles";

/// The most data rows one sheet holds (Excel's 1,048,576 rows, minus the header).
pub const MAX_ROWS: usize = 1_048_575;

/// The most UTF-16 code units Excel keeps in one cell.
pub const MAX_CELL_LEN: usize = 32_767;

/// Written at the end of a cell cut to [`MAX_CELL_LEN`], so the cut is visible.
const CUT_NOTE: &str = " [cut: an Excel cell holds 32,767 characters; the CSV export has it all]";

/// Write `rows` as an .xlsx workbook with the columns of `table`. Returns the
/// number of data rows written.
pub fn write_xlsx(
    out: &mut dyn Write,
    rows: &[ExportRecord<'_>],
    table: &Table,
) -> io::Result<usize> {
    if rows.len() > MAX_ROWS {
        return Err(io::Error::other(format!(
            "{} articles do not fit in one Excel sheet (at most {MAX_ROWS}); \
             export CSV or JSONL, or narrow it with --query",
            rows.len()
        )));
    }
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET_NAME).map_err(to_io)?;
    let bold = Format::new().set_bold();
    let header = table.header();
    for (c, name) in header.iter().enumerate() {
        sheet
            .write_string_with_format(0, col(c)?, name, &bold)
            .map_err(to_io)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = (r + 1) as u32;
        for (c, cell) in table.cells(row).iter().enumerate() {
            match cell {
                Cell::Text(s) if s.is_empty() => {}
                Cell::Text(s) => {
                    sheet
                        .write_string(r, col(c)?, fit_cell(s).as_ref())
                        .map_err(to_io)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(r, col(c)?, *n as f64).map_err(to_io)?;
                }
            }
        }
    }
    let last_col = col(header.len().saturating_sub(1))?;
    sheet.set_freeze_panes(1, 0).map_err(to_io)?;
    sheet
        .autofilter(0, 0, rows.len() as u32, last_col)
        .map_err(to_io)?;
    for (c, name) in header.iter().enumerate() {
        let width = match name.as_str() {
            "issue" | "title" => 40.0,
            "body" => 60.0,
            "byline" | "tags" => 20.0,
            "id" | "date" => 14.0,
            _ => continue,
        };
        sheet.set_column_width(col(c)?, width).map_err(to_io)?;
    }
    let bytes = book.save_to_buffer().map_err(to_io)?;
    out.write_all(&bytes)?;
    Ok(rows.len())
}

/// Column `c` as rust_xlsxwriter numbers them.
fn col(c: usize) -> io::Result<u16> {
    u16::try_from(c).map_err(|_| io::Error::other(format!("{c} columns are too many for Excel")))
}

/// `s`, or for text longer than a cell holds its start with a note saying so.
fn fit_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= MAX_CELL_LEN || s.encode_utf16().count() <= MAX_CELL_LEN {
        return s.into();
    }
    let room = MAX_CELL_LEN - CUT_NOTE.encode_utf16().count();
    let mut used = 0;
    let end = s
        .char_indices()
        .find(|(_, c)| {
            used += c.len_utf16();
            used > room
        })
        .map_or(s.len(), |(i, _)| i);
    format!("{}{CUT_NOTE}", &s[..end]).into()
}

fn to_io(e: XlsxError) -> io::Error {
    match e {
        XlsxError::IoError(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text longer than a cell is cut to fit, at a character boundary, with a note.
    #[test]
    fn long_text_is_cut_to_a_cell_with_a_note() {
        let long = "社".repeat(40_000);
        let fitted = fit_cell(&long);
        assert!(fitted.encode_utf16().count() <= MAX_CELL_LEN);
        assert!(fitted.ends_with(CUT_NOTE));
        let astral = "𠀀".repeat(20_000);
        assert!(fit_cell(&astral).encode_utf16().count() <= MAX_CELL_LEN);
        assert_eq!(fit_cell("短"), "短");
    }
}

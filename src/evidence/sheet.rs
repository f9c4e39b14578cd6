//! Reading a sheet of an xlsx, xls or ods file into rows.
//!
//! xlsx sheets are streamed cell by cell and given out a row at a time, only rows that hold
//! something, so a stray formatted cell at XFD1048576 costs one row, not a dense grid of
//! seventeen billion cells, and a sheet of a million rows is never held. xls and ods are read through calamine's ranges, which `spreadsheet::open` has
//! already checked will fit in memory.

use std::path::Path;

use calamine::{Data, DataRef, ExcelDateTime, Reader, Sheets};
use chrono::NaiveDateTime;

use super::table::{SheetRow, Value};
use crate::error::{Error, Result};
use crate::spreadsheet::Book;

/// The rows of sheet `name`, in order, only those with at least one cell.
pub fn rows(book: &mut Book, path: &Path, name: &str) -> Result<Vec<SheetRow>> {
    let mut rows = Vec::new();
    each_row(book, path, name, |row| {
        rows.push(row);
        true
    })?;
    Ok(rows)
}

/// Gives `each` the rows of sheet `name` one at a time, in order, only those with at least
/// one cell, until it returns `false`: an xlsx sheet is read only as far as it is needed,
/// and no more than one row of it is held here.
pub fn each_row(
    book: &mut Book,
    path: &Path,
    name: &str,
    mut each: impl FnMut(SheetRow) -> bool,
) -> Result<()> {
    let fail = |e: String| Error::Evidence {
        path: path.to_path_buf(),
        message: format!(
            "the sheet `{name}` could not be read ({e}); open the file in Excel or LibreOffice and save it again"
        ),
    };
    let mut row: Option<SheetRow> = None;
    if let Sheets::Xlsx(xlsx) = book {
        let mut cells = xlsx
            .worksheet_cells_reader(name)
            .map_err(|e| fail(e.to_string()))?;
        while let Some(cell) = cells.next_cell().map_err(|e| fail(e.to_string()))? {
            let (r, c) = cell.get_position();
            let value = from_ref(cell.get_value());
            if !value.is_empty() && !put(&mut row, r, c, value, &mut each) {
                return Ok(());
            }
        }
    } else {
        let range = book
            .worksheet_range(name)
            .map_err(|e| fail(e.to_string()))?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, data) in range.used_cells() {
            let value = from_data(data);
            if value.is_empty() {
                continue;
            }
            let r = r0 + u32::try_from(r).expect("sheet rows fit u32");
            let c = c0 + u32::try_from(c).expect("sheet columns fit u32");
            if !put(&mut row, r, c, value, &mut each) {
                return Ok(());
            }
        }
    }
    if let Some(last) = row {
        each(last);
    }
    Ok(())
}

/// Puts a cell in the row being built; a cell of another row first gives the row built so
/// far to `each`, and its answer is returned.
fn put(
    row: &mut Option<SheetRow>,
    r: u32,
    c: u32,
    value: Value,
    each: &mut impl FnMut(SheetRow) -> bool,
) -> bool {
    let mut going = true;
    if row.as_ref().is_none_or(|last| last.index != r) {
        let new = SheetRow {
            index: r,
            cells: Vec::new(),
        };
        if let Some(done) = row.replace(new) {
            going = each(done);
        }
    }
    let row = row.as_mut().expect("a row was just ensured");
    let c = c as usize;
    if row.cells.len() <= c {
        row.cells.resize(c + 1, Value::Empty);
    }
    row.cells[c] = value;
    going
}

fn date_value(dt: &ExcelDateTime) -> Value {
    match dt.as_datetime() {
        // A time-only cell counts from the epoch's first days.
        Some(t) if dt.as_f64() < 1.0 => Value::Text(t.format("%H:%M").to_string()),
        Some(t) => datetime(t),
        None => Value::Text(dt.as_f64().to_string()),
    }
}

fn datetime(t: NaiveDateTime) -> Value {
    if t.time() == chrono::NaiveTime::MIN {
        Value::Date(t.date())
    } else {
        Value::DateTime(t)
    }
}

fn iso(text: &str) -> Value {
    if let Ok(t) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S") {
        return datetime(t);
    }
    match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(d) => Value::Date(d),
        Err(_) => Value::from_text(text),
    }
}

fn from_ref(d: &DataRef<'_>) -> Value {
    match d {
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::String(s) => Value::from_text(s),
        DataRef::SharedString(s) => Value::from_text(s),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(dt) => date_value(dt),
        DataRef::DateTimeIso(s) => iso(s),
        DataRef::DurationIso(s) => Value::from_text(s),
        DataRef::Error(e) => Value::Error(e.to_string()),
        DataRef::Empty => Value::Empty,
    }
}

fn from_data(d: &Data) -> Value {
    match d {
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::String(s) => Value::from_text(s),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => date_value(dt),
        Data::DateTimeIso(s) => iso(s),
        Data::DurationIso(s) => Value::from_text(s),
        Data::Error(e) => Value::Error(e.to_string()),
        Data::Empty => Value::Empty,
    }
}

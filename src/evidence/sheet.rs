//! Reading a sheet of an xlsx, xls or ods file into rows.
//!
//! xlsx sheets are streamed cell by cell and given out a row at a time, only rows that hold
//! something, so a stray formatted cell at XFD1048576 costs one row, not a dense grid of
//! seventeen billion cells, and a sheet of a million rows is never held. xls and ods are
//! read through calamine's ranges, which `spreadsheet::open` has already checked will fit
//! in memory.
//!
//! [`each_row`] reads the sheet on the thread that calls it and gives the rows, in batches,
//! to a second thread, so that parsing the sheet's XML and folding its rows into records
//! run at once.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;

use calamine::{Data, DataRef, ExcelDateTime, Reader, Sheets};
use chrono::NaiveDateTime;

use super::table::{SheetRow, Value};
use crate::error::{Error, Result};
use crate::spreadsheet::{self, Book};

/// The rows of sheet `name`, in order, only those with at least one cell.
pub fn rows(book: &mut Book, path: &Path, name: &str) -> Result<Vec<SheetRow>> {
    let mut rows = Vec::new();
    let mut building = Rows::default();
    let read = read_cells(book, path, name, |r, c, cell| {
        building.put(r, c, cell, &mut |row| {
            rows.push(row);
            true
        })
    });
    read?;
    building.end(&mut |row| {
        rows.push(row);
        true
    });
    Ok(rows)
}

/// Cells handed to the folding thread at once.
const BATCH: usize = 8192;
/// Batches read and not yet taken.
const IN_FLIGHT: usize = 4;

/// A cell as read: an xlsx cell still as calamine gives it (its text borrowed from the
/// workbook), so that the thread that folds the rows also converts them.
enum Raw<'b> {
    Ref(DataRef<'b>),
    Value(Value),
}

/// What the reading thread sends the folding one.
enum Message<'b> {
    Cells(Vec<(u32, u32, Raw<'b>)>),
    /// The sheet was read to its end: its last row is complete.
    End,
}

/// Cells gathered into rows, only those with at least one cell.
#[derive(Default)]
struct Rows {
    row: Option<SheetRow>,
    /// The rows' taker said to stop.
    stopped: bool,
}

impl Rows {
    /// Puts a cell in the row being built; a cell of another row first gives the row built
    /// so far to `each`. Whether to read on.
    fn put(
        &mut self,
        r: u32,
        c: u32,
        cell: Raw<'_>,
        each: &mut dyn FnMut(SheetRow) -> bool,
    ) -> bool {
        let value = match cell {
            Raw::Ref(d) => from_ref(&d),
            Raw::Value(v) => v,
        };
        if self.stopped || value.is_empty() {
            return !self.stopped;
        }
        self.stopped = !put(&mut self.row, r, c, value, each);
        !self.stopped
    }

    /// The sheet has been read to its end: its last row goes to `each`.
    fn end(&mut self, each: &mut dyn FnMut(SheetRow) -> bool) {
        if let Some(last) = self.row.take()
            && !self.stopped
        {
            each(last);
        }
    }
}

/// Gives `each`, on a thread of its own, the rows of sheet `name` one at a time, in order,
/// only those with at least one cell, until it returns `false`: an xlsx sheet is read only
/// about as far as it is needed, and no more than a few batches of its cells are held. A
/// problem met in reading after `each` said to stop is not one.
pub fn each_row(
    book: &mut Book,
    path: &Path,
    name: &str,
    mut each: impl FnMut(SheetRow) -> bool + Send,
) -> Result<()> {
    let stop = AtomicBool::new(false);
    let (send, batches) = sync_channel::<Message<'_>>(IN_FLIGHT);
    std::thread::scope(|scope| {
        let folding = scope.spawn(|| {
            // A panic here is reported as the file's problem, quietly, as in the reader.
            spreadsheet::guarded(|| {
                let mut building = Rows::default();
                for message in batches {
                    let Message::Cells(cells) = message else {
                        building.end(&mut each);
                        return;
                    };
                    for (r, c, cell) in cells {
                        if !building.put(r, c, cell, &mut each) {
                            stop.store(true, Ordering::Relaxed);
                            return;
                        }
                    }
                }
            })
        });
        let mut batch = Vec::with_capacity(BATCH);
        let read = read_cells(book, path, name, |r, c, cell| {
            batch.push((r, c, cell));
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if send.send(Message::Cells(full)).is_err() {
                    return false;
                }
            }
            !stop.load(Ordering::Relaxed)
        });
        if !batch.is_empty() {
            let _ = send.send(Message::Cells(batch));
        }
        if read.is_ok() {
            let _ = send.send(Message::End);
        }
        drop(send);
        match folding.join() {
            Ok(Ok(())) if stop.load(Ordering::Relaxed) => Ok(()),
            Ok(Ok(())) => read,
            // The panic goes on to the reader's guard, which says the file could not be read.
            _ => std::panic::resume_unwind(Box::new("folding the rows failed")),
        }
    })
}

/// Gives `cell` every cell of sheet `name` in the order the file holds them, until it
/// returns `false`.
fn read_cells<'b>(
    book: &'b mut Book,
    path: &Path,
    name: &str,
    mut cell: impl FnMut(u32, u32, Raw<'b>) -> bool,
) -> Result<()> {
    let fail = |e: String| Error::Evidence {
        path: path.to_path_buf(),
        message: format!(
            "the sheet `{name}` could not be read ({e}); open the file in Excel or LibreOffice and save it again"
        ),
    };
    if let Sheets::Xlsx(xlsx) = book {
        let mut cells = xlsx
            .worksheet_cells_reader(name)
            .map_err(|e| fail(e.to_string()))?;
        while let Some(c) = cells.next_cell().map_err(|e| fail(e.to_string()))? {
            let (r, col) = c.get_position();
            if !cell(r, col, Raw::Ref(c.get_value().clone())) {
                return Ok(());
            }
        }
        return Ok(());
    }
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
        if !cell(r, c, Raw::Value(value)) {
            return Ok(());
        }
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
    each: &mut dyn FnMut(SheetRow) -> bool,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A workbook of `rows` rows of three cells, some left empty, with a gap of empty rows:
    /// 10,000 rows hold more cells than two batches.
    fn workbook(dir: &Path, rows: u32) -> std::path::PathBuf {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for r in 0..rows {
            let r_at = if r < 10 { r } else { r + 5 };
            ws.write(r_at, 0, format!("Name {r}")).expect("write");
            if r % 3 != 0 {
                ws.write(r_at, 2, f64::from(r)).expect("write");
            }
        }
        let path = dir.join("t.xlsx");
        wb.save(&path).expect("save");
        path
    }

    #[test]
    fn rows_folded_on_a_second_thread_arrive_whole_and_in_order() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = workbook(dir.path(), 10_000);
        let mut book = spreadsheet::open(&path).expect("opens");
        let all = rows(&mut book, &path, "Sheet1").expect("reads");
        assert_eq!(all.len(), 10_000);
        assert_eq!(all[10].index, 15, "empty rows are passed over");
        assert_eq!(
            all[2].cells,
            [
                Value::Text("Name 2".into()),
                Value::Empty,
                Value::Number(2.0)
            ]
        );
        let mut streamed = Vec::new();
        each_row(&mut book, &path, "Sheet1", |row| {
            streamed.push(row);
            true
        })
        .expect("reads");
        assert_eq!(streamed, all);
    }

    #[test]
    fn reading_stops_when_told() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = workbook(dir.path(), 10_000);
        let mut book = spreadsheet::open(&path).expect("opens");
        let mut seen = Vec::new();
        each_row(&mut book, &path, "Sheet1", |row| {
            seen.push(row.index);
            seen.len() < 30
        })
        .expect("reads");
        assert_eq!(seen.len(), 30, "no row is given after the answer to stop");
        assert_eq!(seen[29], 34);
    }
}

//! Rows of cells that remember where they came from.
//!
//! Every reader (CSV, xlsx, xls, ods) turns a sheet into [`SheetRow`]s of [`Value`]s; the
//! [`Origin`] turns a row and column back into the place a person finds in their program:
//! `incidents.xlsx: Log!C17`, or `training.csv: row 12, column C`.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use crate::diag::{Location, column_letters};

/// One cell's value, normalised across file formats.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing in the cell (or only spaces).
    Empty,
    /// Text, trimmed.
    Text(String),
    /// A number, whether the file stored it as an integer or a float.
    Number(f64),
    /// A date cell.
    Date(NaiveDate),
    /// A date-and-time cell.
    DateTime(NaiveDateTime),
    /// A true/false cell.
    Bool(bool),
    /// A spreadsheet error such as `#REF!`.
    Error(String),
    /// Something is in the cell, but the tool does not need to read it (a column no field
    /// uses, in a large CSV).
    Unread,
}

impl Value {
    /// Text as a person would read the cell.
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => crate::dates::uk(*d),
            Value::DateTime(d) => d.format("%d/%m/%Y %H:%M").to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Error(e) => e.clone(),
            Value::Unread => String::new(),
        }
    }

    /// Whether the cell is empty.
    pub fn is_empty(&self) -> bool {
        matches!(self, Value::Empty)
    }

    /// A text value, or `Empty` for blank text.
    pub fn from_text(text: &str) -> Value {
        let t = text.trim();
        if t.is_empty() {
            Value::Empty
        } else {
            Value::Text(t.to_string())
        }
    }
}

/// One row of a sheet: its 0-based index in the sheet and its cells from column A.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// 0-based row index in the sheet (row 1 in the program is 0).
    pub index: u32,
    /// The cells, from column A; missing trailing cells are empty.
    pub cells: Vec<Value>,
}

impl SheetRow {
    /// The cell in column `col`, or `Empty`.
    pub fn get(&self, col: u32) -> &Value {
        self.cells.get(col as usize).unwrap_or(&Value::Empty)
    }

    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Value::is_empty)
    }
}

/// Which file and sheet rows came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file, as named in review.toml or on the command line.
    pub file: PathBuf,
    /// The sheet, for spreadsheets; `None` for CSV.
    pub sheet: Option<String>,
}

impl Origin {
    /// An origin for `file`, optionally a sheet in it.
    pub fn new(file: &Path, sheet: Option<&str>) -> Self {
        Origin {
            file: file.to_path_buf(),
            sheet: sheet.map(str::to_string),
        }
    }

    /// A whole row, 0-based.
    pub fn row(&self, row: u32) -> Location {
        let mut at = Location::file(&self.file);
        at.cell = Some(match &self.sheet {
            Some(sheet) => format!("{sheet}, row {}", row + 1),
            None => format!("row {}", row + 1),
        });
        at
    }

    /// One cell, 0-based row and column.
    pub fn cell(&self, row: u32, col: u32) -> Location {
        match &self.sheet {
            Some(sheet) => Location::cell(&self.file, sheet, row, col),
            None => {
                let mut at = Location::file(&self.file);
                at.cell = Some(format!("row {}, column {}", row + 1, column_letters(col)));
                at
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_programs_show_them() {
        let xlsx = Origin::new(Path::new("incidents.xlsx"), Some("Log"));
        assert_eq!(xlsx.cell(16, 2).to_string(), "incidents.xlsx: Log!C17");
        assert_eq!(xlsx.row(16).to_string(), "incidents.xlsx: Log, row 17");
        let csv = Origin::new(Path::new("training.csv"), None);
        assert_eq!(csv.row(11).to_string(), "training.csv: row 12");
        assert_eq!(
            csv.cell(11, 2).to_string(),
            "training.csv: row 12, column C"
        );
    }

    #[test]
    fn values_print_as_typed() {
        assert_eq!(Value::Number(3.0).text(), "3");
        assert_eq!(Value::from_text("  "), Value::Empty);
        let d = NaiveDate::from_ymd_opt(2024, 9, 2).expect("valid");
        assert_eq!(Value::Date(d).text(), "02/09/2024");
    }
}

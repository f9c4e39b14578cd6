//! Opening the spreadsheets people send us, whatever program saved them.
//!
//! calamine picks a reader from the file extension but matches it case-sensitively, so
//! `SCORES.XLSX` from a Windows machine would fail with a vague message; we choose the
//! reader ourselves from the lower-cased extension and say plainly what is wrong.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{Data, Ods, Reader, Sheets, Xls, Xlsx, open_workbook};

/// A workbook opened for reading.
pub type Book = Sheets<BufReader<File>>;

/// Opens an xlsx, xlsm, xls or ods file; the error is a sentence for the user.
pub fn open(path: &Path) -> Result<Book, String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let opened = match ext.as_str() {
        "xlsx" | "xlsm" => open_workbook::<Xlsx<_>, _>(path)
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string()),
        "xls" => open_workbook::<Xls<_>, _>(path)
            .map(Sheets::Xls)
            .map_err(|e| e.to_string()),
        "ods" => open_workbook::<Ods<_>, _>(path)
            .map(Sheets::Ods)
            .map_err(|e| e.to_string()),
        _ => return Err("it is not an xlsx, xlsm, xls or ods spreadsheet".to_string()),
    };
    opened.map_err(|e| format!("it could not be opened as a .{ext} spreadsheet ({e}); it may be damaged, password-protected or saved in another format"))
}

/// The names of a workbook's sheets, in order.
pub fn sheet_names(book: &Book) -> Vec<String> {
    book.sheet_names()
}

/// A cell's content as trimmed text; numbers without a fraction print without `.0`.
pub fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        other => other.to_string().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_people_typed_them() {
        assert_eq!(text(&Data::Float(2.0)), "2");
        assert_eq!(text(&Data::Int(3)), "3");
        assert_eq!(text(&Data::Float(2.5)), "2.5");
        assert_eq!(text(&Data::String("  x ".into())), "x");
    }

    #[test]
    fn unknown_extensions_and_damaged_files_are_explained() {
        let why = |p: &Path| open(p).err().expect("the file must be refused");
        assert!(why(Path::new("notes.txt")).contains("not an xlsx"));
        let dir = tempfile::tempdir().expect("temporary folder");
        let fake = dir.path().join("SCORES.XLSX");
        std::fs::write(&fake, "name,level\n").expect("write");
        assert!(why(&fake).contains("could not be opened as a .xlsx spreadsheet"));
    }
}

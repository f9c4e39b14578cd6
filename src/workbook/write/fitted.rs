//! Rows a person fills in are left to the office program to size, even those we give a
//! height.
//!
//! An xlsx row with a height can say that the height was set by hand (`customHeight`), and
//! then neither Excel nor LibreOffice changes it when the row's text changes: a group's
//! gathered notes edited down leave a tall empty row, and notes added to run past the
//! bottom. rust_xlsxwriter marks every height it writes as set by hand, so the Scores sheet
//! is written again with that mark taken off every row below the heading: the height we
//! estimated stands until the text changes, and Excel, and LibreOffice from 24.2 when it
//! opens a file, then fit the row to what it holds. (LibreOffice 7 uses the height the file
//! gives as it is; it fits a row again only when the row is edited in it.)

use std::io::{Cursor, Read, Write};

use rust_xlsxwriter::XlsxError;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The Scores sheet's part: the first sheet of a scoring workbook.
const SCORES_PART: &str = "xl/worksheets/sheet1.xml";

/// `xml` with the set-by-hand mark taken off every row but the first (the heading row).
pub(super) fn unmarked(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find("<row ") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let end = from.find('>').map_or(from.len(), |e| e + 1);
        let (tag, after) = from.split_at(end);
        if tag.starts_with(r#"<row r="1" "#) || tag.starts_with(r#"<row r="1">"#) {
            out.push_str(tag);
        } else {
            out.push_str(&tag.replace(r#" customHeight="1""#, ""));
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The workbook `bytes` with the Scores sheet's rows below the heading left to the office
/// program to size; every other part copied as it is.
pub(super) fn leave_rows_to_fit(bytes: &[u8]) -> Result<Vec<u8>, XlsxError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        let name = file.name()?.to_string();
        if name != SCORES_PART {
            out.raw_copy_file(file)?;
            continue;
        }
        let mut xml = String::new();
        file.read_to_string(&mut xml)?;
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(file.last_modified().unwrap_or_default());
        drop(file);
        out.start_file(name, options)?;
        out.write_all(unmarked(&xml).as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::unmarked;

    #[test]
    fn only_the_heading_row_keeps_its_height_as_set_by_hand() {
        let xml = r#"<sheetData><row r="1" ht="33" customHeight="1"><c/></row><row r="4" ht="120" customHeight="1"><c/></row><row r="5"/></sheetData>"#;
        assert_eq!(
            unmarked(xml),
            r#"<sheetData><row r="1" ht="33" customHeight="1"><c/></row><row r="4" ht="120"><c/></row><row r="5"/></sheetData>"#
        );
    }
}

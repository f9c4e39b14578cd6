//! Blank evidence spreadsheets that `init` puts in a new review's `evidence/` folder.
//!
//! The header row is row 1 of the first sheet, spelled exactly as the importer expects, so a
//! school that fills in the template never needs a column mapping. A second sheet explains
//! each column. Both print on A4, one page wide, the header row on every page of the first
//! ([`crate::sheetprint`]). The bytes are the same on every run (the document date is
//! pinned).

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{Kind, ValueType};
use crate::sheetprint::{self, Orientation, Running};

/// How many rows get the date and time number formats, ready for typing.
const FORMATTED_ROWS: u32 = 500;

/// The xlsx bytes of the blank template for `kind`, headed with `school` and the review
/// date when printed.
pub fn render(kind: Kind, school: &str, as_of: chrono::NaiveDate) -> Result<Vec<u8>, XlsxError> {
    let running = Running {
        school,
        date: as_of,
    };
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 9, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{} evidence template", kind.sheet_name()))
            .set_author("selfreview")
            .set_creation_datetime(&created),
    );
    table_sheet(
        wb.add_worksheet().set_name(kind.sheet_name())?,
        kind,
        &running,
    )?;
    notes_sheet(wb.add_worksheet().set_name("About")?, kind, &running)?;
    wb.save_to_buffer()
}

/// The sheet to fill in: the header row, and date and time formats ready below it.
fn table_sheet(sheet: &mut Worksheet, kind: Kind, running: &Running<'_>) -> Result<(), XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let time = Format::new().set_num_format("hh:mm");
    for (col, field) in (0u16..).zip(kind.template_fields()) {
        sheet.write_with_format(0, col, field.header(), &header)?;
        let width = match field.value() {
            ValueType::Date | ValueType::Time | ValueType::Count => 14,
            ValueType::Categories => 28,
            ValueType::LongText => 40,
            ValueType::Text => 20,
        };
        sheet.set_column_width(col, width)?;
        let format = match field.value() {
            ValueType::Date => Some(&date),
            ValueType::Time => Some(&time),
            ValueType::Text | ValueType::LongText | ValueType::Categories | ValueType::Count => {
                None
            }
        };
        if let Some(format) = format {
            for row in 1..=FORMATTED_ROWS {
                sheet.write_blank(row, col, format)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheetprint::setup(sheet, Orientation::Landscape, 1, running)?;
    Ok(())
}

/// The sheet that says what each column is for.
fn notes_sheet(notes: &mut Worksheet, kind: Kind, running: &Running<'_>) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    notes.write_with_format(0, 0, "Column", &bold)?;
    notes.write_with_format(0, 1, "Needed", &bold)?;
    notes.write_with_format(0, 2, "What to write", &bold)?;
    let wrap = rust_xlsxwriter::Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    for (row, field) in (1u32..).zip(kind.template_fields()) {
        notes.write_with_format(row, 0, field.header(), &wrap)?;
        notes.write_with_format(row, 1, if field.required() { "yes" } else { "" }, &wrap)?;
        notes.write_with_format(row, 2, field.about(), &wrap)?;
        let texts = [(field.header(), 20.0), (field.about(), 90.0)];
        notes.set_row_height(row, sheetprint::height(&texts, 11.0))?;
    }
    let last = u32::try_from(kind.template_fields().count()).expect("a handful of fields") + 2;
    notes.write(
        last,
        0,
        "Keep one row per record below the header on the first sheet. Dates are read day first (dd/mm/yyyy).",
    )?;
    notes.set_column_width(0, 20)?;
    notes.set_column_width(2, 90)?;
    sheetprint::setup(notes, Orientation::Landscape, 1, running)?;
    Ok(())
}

//! Writing a blank scoring workbook from a framework.
//!
//! The workbook opens in Excel and LibreOffice with everything a reviewer needs: a row per
//! aspect grouped under its element and strand, a level dropdown, the descriptor and level
//! statements in a note on each aspect and on the Levels sheet, and only the input cells
//! editable. Every sheet prints on A4, one page wide, its heading row on every page
//! ([`crate::sheetprint`]). The bytes depend only on the framework, the reviewer and the
//! school.

use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::layout::{self, ScoredBy, detail};
use chrono::NaiveDate;

use super::prefill::Prefill;
use crate::framework::Framework;
use crate::sheetprint::{self, Orientation, Running};

mod aspects;
mod fitted;
mod levels;
use levels::levels_sheet;

struct Formats {
    header: Format,
    element: Format,
    strand: Format,
    locked: Format,
    centred: Format,
    input: Format,
    level: Format,
    date: Format,
    wrap: Format,
    continued: Format,
}

impl Formats {
    fn new() -> Self {
        let border = |f: Format| f.set_border(FormatBorder::Thin).set_border_color("#BFBFBF");
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color("#DDEBF7")
                .set_border_bottom(FormatBorder::Thin),
            element: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_background_color("#BDD7EE"),
            strand: Format::new().set_bold().set_background_color("#E2EFDA"),
            locked: border(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
            centred: border(
                Format::new()
                    .set_align(FormatAlign::Center)
                    .set_align(FormatAlign::Top),
            ),
            input: border(
                Format::new()
                    .set_unlocked()
                    .set_text_wrap()
                    .set_align(FormatAlign::Top)
                    .set_background_color(Color::RGB(0xFF_FF_F2)),
            ),
            level: border(
                Format::new()
                    .set_unlocked()
                    .set_align(FormatAlign::Center)
                    .set_align(FormatAlign::Top)
                    .set_background_color(Color::RGB(0xFF_FF_F2)),
            ),
            date: border(
                Format::new()
                    .set_unlocked()
                    .set_num_format("dd/mm/yyyy")
                    .set_align(FormatAlign::Top)
                    .set_background_color(Color::RGB(0xFF_FF_F2)),
            ),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            continued: border(
                Format::new()
                    .set_text_wrap()
                    .set_italic()
                    .set_align(FormatAlign::Top)
                    .set_font_color("#595959"),
            ),
        }
    }
}

/// The xlsx bytes of a blank scoring workbook for the review of `school` as of `as_of`.
pub fn render(
    fw: &Framework,
    kind: &ScoredBy,
    school: &str,
    as_of: NaiveDate,
) -> Result<Vec<u8>, XlsxError> {
    render_from(fw, kind, school, as_of, &Prefill::new())
}

/// As [`render`], with the rows starting from `prefill` (a group workbook made after the
/// members' own workbooks).
pub fn render_from(
    fw: &Framework,
    kind: &ScoredBy,
    school: &str,
    as_of: NaiveDate,
    prefill: &Prefill,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("Online safety self-review: {}", kind.reviewer()))
            .set_author("selfreview")
            .set_company(school)
            .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 9, 1)?),
    );
    let f = Formats::new();
    let flagged = prefill.values().any(|s| !s.flag.is_empty());
    let running = Running {
        school,
        date: as_of,
    };
    scores_sheet(wb.add_worksheet(), fw, kind, prefill, flagged, &f, &running)?;
    instructions_sheet(wb.add_worksheet(), fw, kind, flagged, &f, &running)?;
    levels_sheet(wb.add_worksheet(), fw, &f, &running)?;
    fitted::leave_rows_to_fit(&wb.save_to_buffer()?)
}

/// Prints in `orientation`, one page wide, with the header row on every page and nothing
/// beyond `last_row` and `last_col`.
fn print_setup(
    sheet: &mut Worksheet,
    orientation: Orientation,
    last_row: u32,
    last_col: u16,
    running: &Running<'_>,
) -> Result<(), XlsxError> {
    sheetprint::setup(sheet, orientation, 1, running)?;
    sheet.set_print_area(0, 0, last_row, last_col)?;
    Ok(())
}

fn protect(sheet: &mut Worksheet) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    };
    sheet.protect_with_options(&options);
}

fn scores_sheet(
    sheet: &mut Worksheet,
    fw: &Framework,
    kind: &ScoredBy,
    prefill: &Prefill,
    flagged: bool,
    f: &Formats,
    running: &Running<'_>,
) -> Result<(), XlsxError> {
    sheet.set_name(layout::SCORES_SHEET)?;
    let headers = kind.headers_with(flagged);
    let col_of = |name: &str| -> u16 {
        let i = headers
            .iter()
            .position(|h| h == name)
            .expect("the layout has this column");
        u16::try_from(i).expect("a few dozen columns")
    };
    let level_cols: Vec<u16> = match kind {
        ScoredBy::Individual { .. } => vec![col_of(layout::LEVEL)],
        ScoredBy::Group { members } => members
            .iter()
            .map(|m| col_of(m))
            .chain([col_of(layout::AGREED)])
            .collect(),
    };
    let last_col = u16::try_from(headers.len() - 1).expect("a few dozen columns");
    let widths = heading_row(sheet, fw, &headers, &level_cols, f)?;
    let levels = DataValidation::new()
        .allow_list_strings(&["1", "2", "3", "4", "5"])?
        .set_input_title("Level")?
        .set_input_message("Choose 1 (aspirational) to 5 (nothing in place). The Levels sheet and the note on the aspect say what each level means.")?
        .set_error_title("Not a level")?
        .set_error_message("Choose a level from 1 to 5.")?;

    let mut row = 1u32;
    for element in &fw.elements {
        sheet.write_with_format(row, 0, element.code.as_str(), &f.element)?;
        sheet.merge_range(row, 1, row, last_col, &element.name, &f.element)?;
        row += 1;
        for strand in &element.strands {
            sheet.write_with_format(row, 0, strand.code.as_str(), &f.strand)?;
            sheet.merge_range(row, 1, row, last_col, &strand.name, &f.strand)?;
            row += 1;
            for aspect in &strand.aspects {
                let cols = aspects::Columns {
                    headers: &headers,
                    widths: &widths,
                    level_cols: &level_cols,
                };
                let start = prefill.get(&aspect.code);
                row = aspects::write(sheet, row, fw, aspect, &cols, start, &levels, f)?;
            }
        }
    }

    for (col, width) in (0u16..).zip(&widths) {
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    print_setup(sheet, Orientation::Landscape, row - 1, last_col, running)?;
    // A big group's level columns would shrink the page past reading: the code and the
    // aspect's name then head every page instead.
    sheetprint::keep_readable(sheet, widths.iter().sum(), 1)?;
    protect(sheet);
    Ok(())
}

/// Writes the Scores sheet's heading row, as tall as its wrapped headings; returns each
/// column's width.
fn heading_row(
    sheet: &mut Worksheet,
    fw: &Framework,
    headers: &[String],
    level_cols: &[u16],
    f: &Formats,
) -> Result<Vec<f64>, XlsxError> {
    let mut widths = Vec::with_capacity(headers.len());
    let mut heading = Vec::with_capacity(headers.len());
    for (col, header) in (0u16..).zip(headers) {
        sheet.write_with_format(0, col, header.as_str(), &f.header)?;
        let width = column_width(header, level_cols.contains(&col), fw);
        widths.push(width);
        heading.push((header.as_str(), width));
    }
    sheet.set_row_height(0, sheetprint::height(&heading, 11.0))?;
    Ok(widths)
}

/// Wide columns for the text a reviewer writes, narrow ones for codes and levels, and the
/// Aspect column as wide as the longest aspect name (within reason), so that a name fits
/// its row without setting the row's height.
fn column_width(header: &str, is_level: bool, fw: &Framework) -> f64 {
    match header {
        layout::CODE => 7.0,
        layout::BENCHMARK => 9.0,
        layout::ASPECT => {
            let longest = fw.aspects().map(|(_, _, a)| a.name.chars().count()).max();
            let chars = longest.unwrap_or(20) as f64;
            ((chars + 2.0) / 1.15).clamp(24.0, 40.0).ceil()
        }
        layout::COMMENTARY | layout::AGREED_COMMENTARY => 50.0,
        layout::EVIDENCE | layout::RATIONALE | layout::CHANGE_FLAG => 20.0,
        layout::RECORDS_DIFFER => 18.0,
        layout::ACTIONS => 24.0,
        layout::OWNER => 11.0,
        layout::TARGET => 11.0,
        _ if is_level => 8.0,
        _ => 12.0,
    }
}

fn instructions_sheet(
    sheet: &mut Worksheet,
    fw: &Framework,
    kind: &ScoredBy,
    flagged: bool,
    f: &Formats,
    running: &Running<'_>,
) -> Result<(), XlsxError> {
    sheet.set_name(layout::INSTRUCTIONS_SHEET)?;
    let bold = Format::new().set_bold();
    sheet.write_with_format(
        0,
        0,
        "Online safety self-review: scoring workbook",
        &Format::new().set_bold().set_font_size(14),
    )?;
    let mut details: Vec<(&str, String)> = vec![
        (detail::FORMAT, layout::FORMAT_NAME.to_string()),
        (detail::REVIEWER, kind.reviewer().to_string()),
    ];
    if let ScoredBy::Group { members } = kind {
        details.push((detail::MEMBERS, members.join("; ")));
    }
    details.push((detail::SCHOOL, running.school.to_string()));
    details.push((detail::FRAMEWORK, fw.id.clone()));
    details.push((detail::VERSION, fw.version.clone()));
    let widths = [22.0, 40.0, 26.0, 26.0];
    let across: f64 = widths.iter().sum();
    // A value runs across the page and wraps there: a long school name or a big group's
    // members stay on the printed page.
    let value_width = across - widths[0];
    let mut row = 2u32;
    for (label, value) in &details {
        sheet.write_with_format(row, 0, *label, &bold)?;
        sheet.merge_range(row, 1, row, 3, value.as_str(), &f.wrap)?;
        if sheetprint::lines(value, value_width) > 1 {
            let height = sheetprint::height(&[(value.as_str(), value_width)], 11.0);
            sheet.set_row_height(row, height)?;
        }
        row += 1;
    }
    row += 1;
    let mut steps = instructions(kind);
    if flagged {
        let last = steps.len() - 1;
        steps.insert(last, "This workbook was carried over from an earlier framework. Where the change touched an aspect, the Review after the change column says how; check the level and commentary together, then empty that cell. Scoring lists every aspect still flagged.");
    }
    for line in steps {
        sheet.merge_range(row, 0, row, 3, line, &f.wrap)?;
        sheet.set_row_height(row, sheetprint::height(&[(line, across)], 11.0))?;
        row += 1;
    }
    for (col, width) in (0u16..).zip(widths) {
        sheet.set_column_width(col, width)?;
    }
    sheetprint::setup(sheet, Orientation::Portrait, 0, running)?;
    sheet.set_print_area(0, 0, row - 1, 3)?;
    // The instructions are read on one page.
    sheet.set_print_fit_to_pages(1, 1);
    protect(sheet);
    Ok(())
}

fn instructions(kind: &ScoredBy) -> Vec<&'static str> {
    let mut lines = vec![
        "1. On the Scores sheet, read each aspect's note (hover over the aspect's name) or the Levels sheet, and pick the level statement closest to what happens in school now.",
        "2. Level 5 means nothing is in place; level 1 is aspirational. The Benchmark column is the level the Online Safety Mark expects.",
        "3. In Commentary, describe what the school does and how you know: the more specific, the better. An aspect counts as complete only with a level and commentary.",
        "4. In Evidence, list the file names in the review's evidence folder that show it, separated by semicolons.",
        "5. Planned actions, Owner and Target date (dd/mm/yyyy) feed the action plan.",
    ];
    if let ScoredBy::Group { .. } = kind {
        lines.push("6. In a group meeting, record each member's level in their column, then the level the group agrees and, in Rationale, why it settled there.");
        lines.push("7. In Agreed commentary, write the one commentary the group agrees for the assessor: what the school does, how it meets the benchmark and the evidence that shows it. The Commentary column holds the members' own words as working notes; only the agreed commentary goes in the evidence pack.");
    }
    lines.push("Only the pale yellow cells can be changed. Save the file under the same name; the tool reads xlsx and ods.");
    lines
}

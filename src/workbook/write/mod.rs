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
mod columns;
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
    let members = scores_sheet(wb.add_worksheet(), fw, kind, prefill, flagged, &f, &running)?;
    let hidden = members.as_ref().is_some_and(|m| m.hidden);
    instructions_sheet(wb.add_worksheet(), fw, kind, flagged, hidden, &f, &running)?;
    levels_sheet(wb.add_worksheet(), fw, &f, &running)?;
    if let (Some(members), ScoredBy::Group { members: names }) = (&members, kind)
        && members.hidden
    {
        columns::reviewers_sheet(wb.add_worksheet(), members, names, &f, &running)?;
    }
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
) -> Result<Option<columns::Members>, XlsxError> {
    sheet.set_name(layout::SCORES_SHEET)?;
    let (headers, members) = scores_headers(fw, kind, flagged);
    let col_of = |name: &str| -> u16 {
        let i = headers
            .iter()
            .position(|h| h == name)
            .expect("the layout has this column");
        u16::try_from(i).expect("a few dozen columns")
    };
    let level_cols: Vec<u16> = match &members {
        None => vec![col_of(layout::LEVEL)],
        Some(m) => m
            .keyed
            .iter()
            .map(|(c, _)| *c)
            .chain([col_of(layout::AGREED)])
            .collect(),
    };
    let last_col = u16::try_from(headers.len() - 1).expect("a few dozen columns");
    let (widths, heading) =
        columns::heading_row(sheet, fw, &headers, &level_cols, members.as_ref(), f)?;
    let levels = DataValidation::new()
        .allow_list_strings(&["1", "2", "3", "4", "5"])?
        .set_input_title("Level")?
        .set_input_message("Choose 1 (aspirational) to 5 (nothing in place). The Levels sheet and the note on the aspect say what each level means.")?
        .set_error_title("Not a level")?
        .set_error_message("Choose a level from 1 to 5.")?;
    let names = match kind {
        ScoredBy::Group { members } => members.as_slice(),
        ScoredBy::Individual { .. } => &[],
    };
    let given = members
        .as_ref()
        .filter(|m| m.hidden)
        .map(|m| (col_of(layout::LEVELS_GIVEN), m, names));
    let cols = aspects::Columns {
        headers: &headers,
        widths: &widths,
        level_cols: &level_cols,
        given,
        piece_lines: if members.is_some() {
            columns::GROUP_PIECE_LINES
        } else {
            sheetprint::MAX_ROW_LINES
        },
        group: members.is_some(),
    };

    let (row, kept) = aspects::rows(sheet, fw, prefill, &cols, &levels, last_col, f)?;
    for (col, width) in (0u16..).zip(&widths) {
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    print_setup(sheet, Orientation::Landscape, row - 1, last_col, running)?;
    let scale = print_scale(sheet, &widths, members.as_ref())?;
    // An element's or strand's heading row always prints on the page of its first aspect,
    // where the tool writes the text the rows hold (a group's gathered notes, a workbook
    // carried to a revised framework) and so knows how tall they print. A blank workbook
    // gets none: its rows grow as people type, and breaks placed for empty rows would then
    // fall mid-page, each leaving a short page after the program's own.
    if prefill.values().any(|s| !s.is_empty()) {
        let breaks = sheetprint::breaks(&kept, 1, heading, scale, Orientation::Landscape);
        sheetprint::set_breaks(sheet, &breaks)?;
    }
    protect(sheet);
    Ok(members)
}

/// Sets the Scores sheet's print scale and returns it: one page wide at the scale that fits
/// its shown columns, or too wide to read that way, at a readable size over several pages.
fn print_scale(
    sheet: &mut Worksheet,
    widths: &[f64],
    members: Option<&columns::Members>,
) -> Result<u16, XlsxError> {
    // A sheet too wide to read on one page prints at a readable size over several, the
    // code and the aspect's name heading every page; a group's is laid out to fit one.
    let hidden =
        |col: &u16| members.is_some_and(|m| m.hidden && m.keyed.iter().any(|(c, _)| c == col));
    let across: f64 = (0u16..)
        .zip(widths)
        .filter(|(c, _)| !hidden(c))
        .map(|(_, w)| w)
        .sum();
    let scale = if (members.is_none() || across > columns::GROUP_UNITS)
        && across > sheetprint::READABLE_UNITS
    {
        sheetprint::keep_readable(sheet, across, 1)?;
        sheetprint::FLOW_SCALE
    } else {
        // At one scale in both office programs, so that the breaks below fall where meant.
        let shown: Vec<f64> = (0u16..)
            .zip(widths)
            .filter(|(c, _)| !hidden(c))
            .map(|(_, w)| *w)
            .collect();
        let scale = sheetprint::scale_to_width(&shown, Orientation::Landscape);
        sheet.set_print_scale(scale);
        scale
    };
    Ok(scale)
}

/// The Scores sheet's headings, and for a group where its members' level columns are and
/// whether they are hidden (then with a `Levels given` column after the agreed level).
fn scores_headers(
    fw: &Framework,
    kind: &ScoredBy,
    flagged: bool,
) -> (Vec<String>, Option<columns::Members>) {
    let mut headers = kind.headers_with(flagged);
    let ScoredBy::Group { members } = kind else {
        return (headers, None);
    };
    let others: Vec<String> = headers
        .iter()
        .filter(|h| !members.contains(h))
        .cloned()
        .collect();
    let hidden = columns::hides(members, &others, fw);
    if hidden && let Some(at) = headers.iter().position(|h| h == layout::AGREED) {
        headers.insert(at + 1, layout::LEVELS_GIVEN.to_string());
    }
    // Members sit between the benchmark and the agreed level, in order.
    let keyed = (3u16..)
        .zip(members)
        .enumerate()
        .map(|(i, (col, _))| (col, columns::key(i)))
        .collect();
    (headers, Some(columns::Members { hidden, keyed }))
}

fn instructions_sheet(
    sheet: &mut Worksheet,
    fw: &Framework,
    kind: &ScoredBy,
    flagged: bool,
    hidden: bool,
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
    details.push((detail::FRAMEWORK, fw.title.clone()));
    details.push((detail::FRAMEWORK_ID, fw.id.clone()));
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
        // What the tool reads a workbook by, its format and the framework's id, is kept
        // off the page: the rows shown say in words whose workbook it is and for what.
        if [detail::FORMAT, detail::FRAMEWORK_ID].contains(label) {
            sheet.set_row_hidden(row)?;
        }
        if sheetprint::lines(value, value_width) > 1 {
            let height = sheetprint::height(&[(value.as_str(), value_width)], 11.0);
            sheet.set_row_height(row, height)?;
        }
        row += 1;
    }
    row += 1;
    let mut steps = instructions(kind, hidden);
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

fn instructions(kind: &ScoredBy, hidden: bool) -> Vec<&'static str> {
    let mut lines = vec![
        "1. On the Scores sheet, read each aspect's note (hover over the aspect's name) or the Levels sheet, and pick the level statement closest to what happens in school now.",
        "2. Level 5 means nothing is in place; level 1 is aspirational. The Benchmark column is the level the Online Safety Mark expects.",
        "3. In Commentary, describe what the school does and how you know: the more specific, the better. An aspect counts as complete only with a level and commentary.",
        "4. In Evidence, list the file names in the review's evidence folder that show it, separated by semicolons.",
        "5. Planned actions, Owner and Target date (dd/mm/yyyy) feed the action plan.",
    ];
    if let ScoredBy::Group { .. } = kind {
        lines.push("6. In a group meeting, record each member's level in their column, then the level the group agrees and, in Rationale, why it settled there.");
        if hidden {
            lines.push("The members are too many for their own level columns to print at a size that can be read, so those columns are hidden and Levels given shows each member's level under the letter the Reviewers sheet gives them. To type a member's level, unhide the columns between Benchmark and Agreed.");
        }
        lines.push("7. In Agreed commentary, write the one commentary the group agrees for the assessor: what the school does, how it meets the benchmark and the evidence that shows it. The Commentary column holds the members' own words as working notes; only the agreed commentary goes in the evidence pack.");
    }
    lines.push("A row's height was set for the text it held when the workbook was made. If text typed later is cut off in a cell, make the rows fit it again: select the rows, then in Excel choose Home > Format > AutoFit Row Height, or in LibreOffice Format > Rows > Optimal Height.");
    lines.push("Only the pale yellow cells can be changed. Save the file under the same name; the tool reads xlsx and ods.");
    lines
}

//! Writing a blank scoring workbook from a framework.
//!
//! The workbook opens in Excel and LibreOffice with everything a reviewer needs: a row per
//! aspect grouped under its element and strand, a level dropdown, the descriptor and level
//! statements in a note on each aspect and on the Levels sheet, and only the input cells
//! editable. Every sheet prints on A4, one page wide, its heading row on every page
//! ([`crate::sheetprint`]). The bytes depend only on the framework, the reviewer and the
//! school.

use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Note,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::layout::{self, ScoredBy, detail};
use super::prefill::{Prefill, Start};
use crate::framework::{Aspect, Framework};
use crate::sheetprint::{self, Orientation};

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
        }
    }
}

/// The xlsx bytes of a blank scoring workbook.
pub fn render(fw: &Framework, kind: &ScoredBy, school: &str) -> Result<Vec<u8>, XlsxError> {
    render_from(fw, kind, school, &Prefill::new())
}

/// As [`render`], with the rows starting from `prefill` (a group workbook made after the
/// members' own workbooks).
pub fn render_from(
    fw: &Framework,
    kind: &ScoredBy,
    school: &str,
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
    scores_sheet(wb.add_worksheet(), fw, kind, prefill, flagged, &f)?;
    instructions_sheet(wb.add_worksheet(), fw, kind, school, flagged, &f)?;
    levels_sheet(wb.add_worksheet(), fw, &f)?;
    wb.save_to_buffer()
}

/// Prints in `orientation`, one page wide, with the header row on every page and nothing
/// beyond `last_row` and `last_col`.
fn print_setup(
    sheet: &mut Worksheet,
    orientation: Orientation,
    last_row: u32,
    last_col: u16,
) -> Result<(), XlsxError> {
    sheetprint::setup(sheet, orientation, 1)?;
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
                let start = prefill.get(&aspect.code);
                aspect_row(sheet, row, fw, aspect, &headers, &level_cols, f)?;
                if let Some(start) = start {
                    start_row(sheet, row, &headers, start, f)?;
                }
                let commentary = start.map_or("", |s| s.commentary.as_str());
                fit_row(sheet, row, &aspect.name, commentary, &headers, &widths)?;
                for &col in &level_cols {
                    sheet.add_data_validation(row, col, row, col, &levels)?;
                }
                row += 1;
            }
        }
    }

    for (col, width) in (0u16..).zip(&widths) {
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    print_setup(sheet, Orientation::Landscape, row - 1, last_col)?;
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

/// An aspect's row holding only what the framework says keeps the office program's height,
/// which grows as a reviewer types; a name or commentary we write that wraps gets the
/// height it needs.
fn fit_row(
    sheet: &mut Worksheet,
    row: u32,
    name: &str,
    commentary: &str,
    headers: &[String],
    widths: &[f64],
) -> Result<(), XlsxError> {
    let texts = [
        (name, widths[1]),
        (commentary, commentary_width(headers, widths)),
    ];
    if texts.iter().any(|(t, w)| sheetprint::lines(t, *w) > 1) {
        sheet.set_row_height(row, sheetprint::height(&texts, 11.0))?;
    }
    Ok(())
}

/// The width of the Commentary column.
fn commentary_width(headers: &[String], widths: &[f64]) -> f64 {
    headers
        .iter()
        .zip(widths)
        .find(|(h, _)| h.as_str() == layout::COMMENTARY)
        .map_or(50.0, |(_, w)| *w)
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

fn aspect_row(
    sheet: &mut Worksheet,
    row: u32,
    fw: &Framework,
    aspect: &Aspect,
    headers: &[String],
    level_cols: &[u16],
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_with_format(row, 0, aspect.code.as_str(), &f.locked)?;
    sheet.write_with_format(row, 1, aspect.name.as_str(), &f.locked)?;
    sheet.write_with_format(row, 2, aspect.benchmark, &f.centred)?;
    let note = Note::new(note_text(fw, aspect))
        .set_author("selfreview")
        .set_width(520)
        .set_height(420);
    sheet.insert_note(row, 1, &note)?;
    for (col, header) in (0u16..).zip(headers).skip(3) {
        let format = if level_cols.contains(&col) {
            &f.level
        } else if header == layout::TARGET {
            &f.date
        } else {
            &f.input
        };
        sheet.write_blank(row, col, format)?;
    }
    Ok(())
}

/// Writes a row's starting entries over its blank input cells.
fn start_row(
    sheet: &mut Worksheet,
    row: u32,
    headers: &[String],
    start: &Start,
    f: &Formats,
) -> Result<(), XlsxError> {
    for (col, header) in (0u16..).zip(headers).skip(3) {
        if let Some(level) = start.levels.get(header) {
            sheet.write_with_format(row, col, *level, &f.level)?;
            continue;
        }
        let text = match header.as_str() {
            layout::LEVEL | layout::AGREED => {
                if let Some(level) = start.own {
                    sheet.write_with_format(row, col, level, &f.level)?;
                }
                continue;
            }
            layout::TARGET => {
                if let Some(date) = start.target {
                    sheet.write_with_format(row, col, &date, &f.date)?;
                    continue;
                }
                &start.target_text
            }
            layout::RATIONALE => &start.rationale,
            layout::COMMENTARY => &start.commentary,
            layout::AGREED_COMMENTARY => &start.agreed_commentary,
            layout::EVIDENCE => &start.evidence,
            layout::RECORDS_DIFFER => &start.records_differ,
            layout::ACTIONS => &start.actions,
            layout::OWNER => &start.owner,
            layout::CHANGE_FLAG => &start.flag,
            _ => continue,
        };
        if !text.is_empty() {
            sheet.write_with_format(row, col, text.as_str(), &f.input)?;
        }
    }
    Ok(())
}

/// The descriptor and the five statements, for the note on each aspect.
fn note_text(fw: &Framework, aspect: &Aspect) -> String {
    let descriptor = crate::text::flow(&aspect.descriptor);
    let mut text = format!("{} {}\n{descriptor}\n", aspect.code, aspect.name);
    for l in &aspect.levels {
        let mark = if l.level == aspect.benchmark {
            " (benchmark)"
        } else {
            ""
        };
        text.push_str(&format!(
            "\n{} {}{mark}: {}",
            l.level,
            fw.level_label(l.level),
            l.text
        ));
    }
    text
}

fn instructions_sheet(
    sheet: &mut Worksheet,
    fw: &Framework,
    kind: &ScoredBy,
    school: &str,
    flagged: bool,
    f: &Formats,
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
    details.push((detail::SCHOOL, school.to_string()));
    details.push((detail::FRAMEWORK, fw.id.clone()));
    details.push((detail::VERSION, fw.version.clone()));
    let mut row = 2u32;
    for (label, value) in &details {
        sheet.write_with_format(row, 0, *label, &bold)?;
        sheet.write(row, 1, value.as_str())?;
        row += 1;
    }
    row += 1;
    let widths = [22.0, 40.0, 26.0, 26.0];
    let across: f64 = widths.iter().sum();
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
    sheetprint::setup(sheet, Orientation::Portrait, 0)?;
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

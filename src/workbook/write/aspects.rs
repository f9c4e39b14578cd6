//! An aspect's rows on the Scores sheet: its own row, with the level cells, the note of its
//! level statements and its starting entries, and below it a row for each further piece of
//! any text too long for one row.
//!
//! No row may be taller than Excel allows ([`sheetprint::MAX_ROW_POINTS`]); a group
//! workbook's gathered commentary from many members can need far more. Such text is cut
//! between words ([`sheetprint::split`]) and goes on in rows that repeat the aspect's code,
//! with its name marked [`layout::CONTINUED`]; the reader joins them back. A continuation
//! row's level cells are locked and have no dropdown, since a row is scored once.

use rust_xlsxwriter::{DataValidation, Note, Worksheet, XlsxError};

use super::Formats;
use super::columns::{self, Members};
use crate::framework::{Aspect, Framework};
use crate::sheetprint;
use crate::workbook::layout;
use crate::workbook::prefill::Start;

/// The Scores sheet's columns: headings, widths and which hold levels.
pub(super) struct Columns<'a> {
    pub(super) headers: &'a [String],
    pub(super) widths: &'a [f64],
    pub(super) level_cols: &'a [u16],
    /// A big group's Levels given column, its members and their names, when their own
    /// columns are hidden.
    pub(super) given: Option<(u16, &'a Members, &'a [String])>,
    /// The most lines of text a row holds before the text goes on in the next.
    pub(super) piece_lines: usize,
    /// Whether the sheet is a group's, whose meeting types its rationale and agreed
    /// commentary into rows sized for the members' gathered notes.
    pub(super) group: bool,
}

/// The lines an aspect's own row leaves for the text a group's meeting types into an empty
/// cell, where the office program may not grow the row as it is typed (a row given a
/// height by another program keeps it): a few for why the group settled on its level, more
/// for the commentary it agrees for the assessor.
fn room(header: &str) -> usize {
    match header {
        layout::RATIONALE => 3,
        layout::AGREED_COMMENTARY => 6,
        _ => 1,
    }
}

/// The text a row starts with under `header`, for the columns of text; a target date that
/// is a date is written as one, on the aspect's own row.
fn text_of<'a>(start: &'a Start, header: &str) -> Option<&'a str> {
    let text = match header {
        layout::RATIONALE => &start.rationale,
        layout::COMMENTARY => &start.commentary,
        layout::AGREED_COMMENTARY => &start.agreed_commentary,
        layout::EVIDENCE => &start.evidence,
        layout::RECORDS_DIFFER => &start.records_differ,
        layout::ACTIONS => &start.actions,
        layout::OWNER => &start.owner,
        layout::CHANGE_FLAG => &start.flag,
        layout::TARGET if start.target.is_none() => &start.target_text,
        _ => return None,
    };
    Some(text.as_str())
}

/// Each column's pieces of text, by column, as every workbook cuts long text
/// ([`sheetprint::Pieces`]).
fn pieces<'a>(start: Option<&'a Start>, cols: &Columns<'_>) -> sheetprint::Pieces<'a> {
    let texts: Vec<(&str, f64)> = cols
        .headers
        .iter()
        .zip(cols.widths)
        .map(|(header, width)| (start.and_then(|s| text_of(s, header)).unwrap_or(""), *width))
        .collect();
    // A word longer than a cell holds is refused before writing; here it is left whole.
    sheetprint::Pieces::new(&texts, cols.piece_lines)
}

/// Writes every element's and strand's heading row and each aspect's rows below the
/// Scores sheet's heading; returns the next free row and each aspect's rows' heights, with
/// the heading rows above its first, for the sheet's page breaks.
pub(super) fn rows(
    sheet: &mut Worksheet,
    fw: &Framework,
    prefill: &crate::workbook::prefill::Prefill,
    cols: &Columns<'_>,
    levels: &DataValidation,
    last_col: u16,
    f: &Formats,
) -> Result<(u32, Vec<sheetprint::Kept>), XlsxError> {
    let mut row = 1u32;
    // Each aspect's rows, with the element's and strand's heading rows above its first.
    let mut kept: Vec<sheetprint::Kept> = Vec::new();
    let mut heads: Vec<f64> = Vec::new();
    for element in &fw.elements {
        sheet.write_with_format(row, 0, element.code.as_str(), &f.element)?;
        sheet.merge_range(row, 1, row, last_col, &element.name, &f.element)?;
        heads.push(sheetprint::height(&[], 12.0));
        row += 1;
        for strand in &element.strands {
            sheet.write_with_format(row, 0, strand.code.as_str(), &f.strand)?;
            sheet.merge_range(row, 1, row, last_col, &strand.name, &f.strand)?;
            heads.push(sheetprint::height(&[], 11.0));
            row += 1;
            for aspect in &strand.aspects {
                let start = prefill.get(&aspect.code);
                let rows = write(sheet, row, fw, aspect, cols, start, levels, f)?;
                row += u32::try_from(rows.len()).expect("a few rows an aspect");
                let mut heights = std::mem::take(&mut heads);
                let count = heights.len();
                heights.extend(rows);
                kept.push(sheetprint::Kept {
                    heights,
                    heads: count,
                });
            }
        }
    }
    Ok((row, kept))
}

/// Writes the rows of `aspect` from `row` on; returns the height in points of each row
/// written, the aspect's own first.
#[allow(
    clippy::too_many_arguments,
    reason = "one call site, each argument distinct"
)]
pub(super) fn write(
    sheet: &mut Worksheet,
    row: u32,
    fw: &Framework,
    aspect: &Aspect,
    cols: &Columns<'_>,
    start: Option<&Start>,
    levels: &DataValidation,
    f: &Formats,
) -> Result<Vec<f64>, XlsxError> {
    let pieces = pieces(start, cols);
    let count = pieces.rows();
    own_row(sheet, row, fw, aspect, cols, f)?;
    if let Some(start) = start {
        start_row(sheet, row, cols.headers, start, f)?;
    }
    for &col in cols.level_cols {
        sheet.add_data_validation(row, col, row, col, levels)?;
    }
    let given = match cols.given {
        Some((col, members, names)) => {
            let (formula, result) = columns::levels_given(members, row, start, names);
            sheet.write_formula_with_format(row, col, formula, &f.locked)?;
            Some((result, cols.widths[usize::from(col)]))
        }
        None => None,
    };
    let continued = layout::continued(&aspect.name);
    let blank = room_to_type(cols, pieces.columns());
    let mut heights = Vec::with_capacity(count);
    let mut at = row;
    for part in 0..count {
        let name = if part == 0 {
            aspect.name.as_str()
        } else {
            continued_row(sheet, at, aspect, &continued, cols, f)?;
            continued.as_str()
        };
        let mut texts = vec![(name, cols.widths[1])];
        if part == 0 {
            if let Some((result, width)) = &given {
                texts.push((result.as_str(), *width));
            }
            texts.extend(blank.iter().map(|(t, w)| (t.as_str(), *w)));
        }
        for ((col, width), column) in (0u16..).zip(cols.widths).zip(pieces.columns()) {
            let Some(text) = column.get(part).filter(|t| !t.trim().is_empty()) else {
                continue;
            };
            texts.push((text.trim_end(), *width));
            sheet.write_with_format(at, col, *text, &f.input)?;
        }
        heights.push(fit(sheet, at, &texts)?);
        at += 1;
    }
    Ok(heights)
}

/// Stand-ins for the lines a group's empty typing cells are given on the aspect's own
/// row, each with its column's width; none in a member's own workbook.
fn room_to_type(cols: &Columns<'_>, pieces: &[Vec<&str>]) -> Vec<(String, f64)> {
    if !cols.group {
        return Vec::new();
    }
    cols.headers
        .iter()
        .zip(cols.widths)
        .zip(pieces)
        .filter(|(_, column)| column.first().is_none_or(|t| t.trim().is_empty()))
        .filter_map(|((header, width), _)| {
            let lines = room(header);
            (lines > 1).then(|| ("\n".repeat(lines - 1), *width))
        })
        .collect()
}

/// A row holding only what the framework says keeps the office program's height, which
/// grows as a reviewer types; text we write that wraps gets the height it needs. Returns
/// the row's height as it prints, for placing the sheet's page breaks.
fn fit(sheet: &mut Worksheet, row: u32, texts: &[(&str, f64)]) -> Result<f64, XlsxError> {
    let height = sheetprint::height(texts, 11.0);
    if texts.iter().any(|(t, w)| sheetprint::lines(t, *w) > 1) {
        sheet.set_row_height(row, height)?;
    }
    Ok(height)
}

/// A row continuing `aspect`: its code, its name marked continued, locked level cells and
/// blank input cells for the pieces.
fn continued_row(
    sheet: &mut Worksheet,
    row: u32,
    aspect: &Aspect,
    continued: &str,
    cols: &Columns<'_>,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_with_format(row, 0, aspect.code.as_str(), &f.locked)?;
    sheet.write_with_format(row, 1, continued, &f.continued)?;
    sheet.write_blank(row, 2, &f.continued)?;
    for (col, header) in (0u16..).zip(cols.headers).skip(3) {
        let format = if cols.level_cols.contains(&col)
            || header == layout::TARGET
            || header == layout::LEVELS_GIVEN
        {
            &f.continued
        } else {
            &f.input
        };
        sheet.write_blank(row, col, format)?;
    }
    Ok(())
}

fn own_row(
    sheet: &mut Worksheet,
    row: u32,
    fw: &Framework,
    aspect: &Aspect,
    cols: &Columns<'_>,
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
    for (col, header) in (0u16..).zip(cols.headers).skip(3) {
        let format = if cols.level_cols.contains(&col) {
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

/// Writes a row's starting levels and target date over its blank input cells; its text
/// goes on in pieces.
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
        match header.as_str() {
            layout::LEVEL | layout::AGREED => {
                if let Some(level) = start.own {
                    sheet.write_with_format(row, col, level, &f.level)?;
                }
            }
            layout::TARGET if start.target.is_some() => {
                if let Some(date) = start.target {
                    sheet.write_with_format(row, col, &date, &f.date)?;
                }
            }
            _ => {}
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

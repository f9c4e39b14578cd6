//! The Summary sheet of `summary.xlsx`, one row per aspect, and, for a big group, the
//! Reviewers sheet of each reviewer's levels.
//!
//! A column per reviewer fits the Summary sheet's printed page while the group is small.
//! Past [`MAX_REVIEWER_COLUMNS`] reviewers the page would have to shrink until it could not
//! be read, so their levels go on a sheet of their own instead: a row per reviewer and a
//! column per aspect, which prints one page wide while the aspects fit at a readable size
//! and otherwise runs on to further pages with the reviewers' names repeated at the left.
//! Columns of words are as wide as their longest entry within a cap, and wrap beyond it.

use rust_xlsxwriter::{
    ConditionalFormatText, ConditionalFormatTextRule, Format, FormatAlign, Worksheet, XlsxError,
};

use super::{LONG_TEXT_LINES, heading_row, print_table};
use crate::pipeline::Reviewed;
use crate::report::Reviewers;
use crate::score::AspectScore;
use crate::sheetprint::{self, Orientation, Running};

/// The most reviewers the Summary sheet gives a column each.
pub const MAX_REVIEWER_COLUMNS: usize = 5;

/// The Reviewers sheet's name.
pub const REVIEWERS_SHEET: &str = "Reviewers";

/// The Summary sheet's first column of reviewers' levels.
const FIRST_LEVEL_COL: u16 = 4;

/// The heading of the column saying how each level was reached.
pub const HOW_REACHED: &str = "How reached";

/// The widest the Aspect and Why columns grow before their text wraps.
const ASPECT_MOST: f64 = 34.0;
const WHY_WIDTH: f64 = 38.0;

/// What the Status column says of an aspect.
fn status(a: &AspectScore) -> &'static str {
    match a.gap_to_benchmark {
        None => crate::report::view::not_scored(a),
        Some(g) if g > 0 && a.evidenced > a.agreed => "Below benchmark on the records",
        Some(g) if g > 0 => "Below benchmark",
        Some(_) if explained(a).is_some() => "Meets benchmark as explained",
        Some(_) => "Meets benchmark",
    }
}

/// The group's explanation of why the records differ, where it lets a claim stand.
fn explained(a: &AspectScore) -> Option<&str> {
    a.records_differ
        .as_deref()
        .filter(|_| a.evidenced > a.agreed && a.counted == a.agreed)
}

/// The reviewers, by the names shown, in the order of those names.
pub fn columns<'a>(r: &'a Reviewed, reviewers: &'a Reviewers) -> Vec<&'a str> {
    let mut columns: Vec<&str> = r
        .scored
        .aspects
        .iter()
        .flat_map(|a| a.reviewers.keys().map(|n| reviewers.shown(n)))
        .collect();
    columns.sort_unstable();
    columns.dedup();
    columns
}

/// Writes the Summary sheet; returns its columns' widths.
pub fn summary_sheet(
    sheet: &mut Worksheet,
    r: &Reviewed,
    reviewers: &Reviewers,
    running: &Running<'_>,
) -> Result<Vec<f64>, XlsxError> {
    let s = &r.scored;
    sheet.set_name("Summary")?;
    let all = columns(r, reviewers);
    let inline: &[&str] = if all.len() <= MAX_REVIEWER_COLUMNS {
        &all
    } else {
        &[]
    };
    let aspects = &s.aspects;
    let width = |head: &'static str, texts: Vec<&str>, least: f64, most: f64| {
        let w = sheetprint::width_for(texts.into_iter().chain([head]), least, most);
        (head, w)
    };
    let mut headers: Vec<(&str, f64)> = vec![
        width(
            "Code",
            aspects.iter().map(|a| a.code.as_str()).collect(),
            5.0,
            9.0,
        ),
        width(
            "Aspect",
            aspects.iter().map(|a| a.name.as_str()).collect(),
            16.0,
            ASPECT_MOST,
        ),
        ("Element", 8.0),
        ("Strand", 7.0),
    ];
    headers.extend(inline.iter().map(|c| (*c, 9.0)));
    headers.extend([
        // A level is "agreed" only when the group agreed it: the column says "Level", and
        // the next says how each was reached.
        ("Level", 8.0),
        width(
            HOW_REACHED,
            aspects.iter().map(crate::report::reached).collect(),
            10.0,
            18.0,
        ),
        ("Evidenced", 10.0),
        ("Benchmark", 11.0),
        ("Gap", 5.0),
        status_width(aspects),
        ("Complete", 9.0),
        ("Why the records differ", WHY_WIDTH),
    ]);
    let agreed_col = FIRST_LEVEL_COL + u16::try_from(inline.len()).expect("a handful of reviewers");
    // The texts that wrap give up room, so that the sheet prints at a size that can be read
    // however many members' columns it holds.
    let mut widths: Vec<f64> = headers.iter().map(|(_, w)| *w).collect();
    let at = |offset: u16| usize::from(agreed_col + offset);
    let flexible = [(1, 16.0), (at(1), 10.0), (at(5), 11.0), (at(7), 24.0)];
    sheetprint::narrow_to_least_scale(&mut widths, &flexible, Orientation::Landscape);
    for ((_, w), narrowed) in headers.iter_mut().zip(&widths) {
        *w = *narrowed;
    }
    let across = heading_row(sheet, &headers)?;
    let mut row = 1u32;
    for a in aspects {
        row += aspect_row(sheet, row, a, inline, reviewers, agreed_col, &widths)?;
    }
    let last = row - 1;
    status_colours(sheet, last, agreed_col + 5)?;
    print_table(sheet, Orientation::Landscape, last, agreed_col + 7, running)?;
    Ok(across)
}

/// The Status column: as wide as its longest status in bold (a status below the benchmark
/// is coloured and bold), so that none wraps.
fn status_width(aspects: &[AspectScore]) -> (&'static str, f64) {
    let statuses = aspects.iter().map(status).chain(["Status"]);
    let w = sheetprint::width_for(statuses, 10.0, 30.0) * sheetprint::BOLD_WIDER;
    ("Status", w.ceil())
}

/// One aspect's row of the Summary sheet, levels from `agreed_col` on, and the rows
/// continuing its reasons why the records differ where they run past
/// [`LONG_TEXT_LINES`]; returns how many rows it wrote.
fn aspect_row(
    sheet: &mut Worksheet,
    row: u32,
    a: &AspectScore,
    columns: &[&str],
    reviewers: &Reviewers,
    agreed_col: u16,
    widths: &[f64],
) -> Result<u32, XlsxError> {
    // Every cell reads from the top of its row, as the wrapped ones do.
    let top = Format::new().set_align(FormatAlign::Top);
    let number = top.clone().set_align(FormatAlign::Center);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.write_with_format(row, 0, a.code.as_str(), &wrap)?;
    sheet.write_with_format(row, 2, a.element.as_str(), &top)?;
    sheet.write_with_format(row, 3, a.strand.as_str(), &top)?;
    let levels = reviewers.levels(&a.reviewers);
    for (c, name) in (FIRST_LEVEL_COL..).zip(columns) {
        if let Some((_, level)) = levels.iter().find(|(n, _)| n == name) {
            sheet.write_with_format(row, c, *level, &number)?;
        }
    }
    if let Some(level) = a.agreed {
        sheet.write_with_format(row, agreed_col, level, &number)?;
    }
    let from = crate::report::reached(a);
    sheet.write_with_format(row, agreed_col + 1, from, &wrap)?;
    if let Some(level) = crate::report::records_support(a) {
        sheet.write_with_format(row, agreed_col + 2, level, &number)?;
    }
    sheet.write_with_format(row, agreed_col + 3, a.benchmark, &number)?;
    if let Some(gap) = a.gap_to_benchmark {
        sheet.write_with_format(row, agreed_col + 4, gap, &number)?;
    }
    // A status is a few words, wrapped where the column was narrowed for the page's scale.
    let status = status(a);
    sheet.write_with_format(row, agreed_col + 5, status, &wrap)?;
    let complete = if a.complete { "yes" } else { "no" };
    sheet.write_with_format(row, agreed_col + 6, complete, &top)?;
    // Each reviewer's explanation under their name; a long one runs on in rows below.
    let why_col = agreed_col + 7;
    let why_width = widths[usize::from(why_col)];
    let why = why_records_differ(a, reviewers).unwrap_or_default();
    let pieces = sheetprint::Pieces::new(&[(why.as_str(), why_width)], LONG_TEXT_LINES);
    if !why.is_empty() {
        sheet.write_with_format(row, why_col, pieces.shown(0, 0), &wrap)?;
    }
    sheet.write_with_format(row, 1, a.name.as_str(), &wrap)?;
    let height = sheetprint::height(
        &[
            (a.code.as_str(), widths[0]),
            (a.name.as_str(), widths[1]),
            (from, widths[usize::from(agreed_col + 1)]),
            (pieces.shown(0, 0).trim_end(), why_width),
            // Bold where it is below the benchmark, so counted wider.
            (
                status,
                widths[usize::from(agreed_col + 5)] / sheetprint::BOLD_WIDER,
            ),
        ],
        11.0,
    );
    sheet.set_row_height(row, height)?;
    let continued = sheetprint::continued(&a.name);
    for (at, part) in (row + 1..).zip(1..pieces.rows()) {
        let piece = pieces.shown(0, part);
        sheet.write_with_format(at, 0, a.code.as_str(), &wrap)?;
        sheet.write_with_format(at, 1, continued.as_str(), &wrap)?;
        sheet.write_with_format(at, why_col, piece, &wrap)?;
        let cells = [
            (a.code.as_str(), widths[0]),
            (continued.as_str(), widths[1]),
            (piece.trim_end(), why_width),
        ];
        sheet.set_row_height(at, sheetprint::height(&cells, 11.0))?;
    }
    Ok(u32::try_from(pieces.rows()).expect("a few rows an aspect"))
}

/// Why the records differ, each explanation after the reviewers who gave it (the group's
/// alone), one to a line.
fn why_records_differ(a: &AspectScore, reviewers: &Reviewers) -> Option<String> {
    a.records_differ.as_ref()?;
    if a.explanations.is_empty() {
        return a.records_differ.clone();
    }
    let said: Vec<String> = a
        .explanations
        .iter()
        .map(|e| crate::report::view::said_by(e, reviewers))
        .collect();
    Some(said.join("\n"))
}

/// Colours the status column by what it says.
fn status_colours(sheet: &mut Worksheet, last: u32, status_col: u16) -> Result<(), XlsxError> {
    let red = Format::new().set_background_color("#F8CBAD").set_bold();
    let green = Format::new().set_background_color("#C6EFCE");
    let grey = Format::new().set_background_color("#EDEDED");
    let rules = [
        ("Below", &red),
        ("Meets", &green),
        ("Not scored", &grey),
        ("Not agreed", &grey),
        ("To be agreed", &grey),
    ];
    for (text, format) in rules {
        let rule = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(text.to_string()))
            .set_format(format);
        sheet.add_conditional_format(1, status_col, last, status_col, &rule)?;
    }
    Ok(())
}

/// Writes the Reviewers sheet: a row per reviewer, a column per aspect; returns its
/// columns' widths.
pub fn reviewers_sheet(
    sheet: &mut Worksheet,
    r: &Reviewed,
    reviewers: &Reviewers,
    running: &Running<'_>,
) -> Result<Vec<f64>, XlsxError> {
    sheet.set_name(REVIEWERS_SHEET)?;
    let names = columns(r, reviewers);
    let aspects = &r.scored.aspects;
    let name_width = sheetprint::width_for(names.iter().copied().chain(["Reviewer"]), 12.0, 30.0);
    let mut headers: Vec<(&str, f64)> = vec![("Reviewer", name_width)];
    for a in aspects {
        headers.push((
            a.code.as_str(),
            sheetprint::width_for([a.code.as_str()], 5.0, 9.0),
        ));
    }
    heading_row(sheet, &headers)?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let number = Format::new()
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Center);
    for (row, name) in (1u32..).zip(&names) {
        sheet.write_with_format(row, 0, *name, &wrap)?;
        if sheetprint::lines(name, name_width) > 1 {
            sheet.set_row_height(row, sheetprint::height(&[(name, name_width)], 11.0))?;
        }
        for (col, a) in (1u16..).zip(aspects) {
            let levels = reviewers.levels(&a.reviewers);
            if let Some((_, level)) = levels.iter().find(|(n, _)| n == name) {
                sheet.write_with_format(row, col, *level, &number)?;
            }
        }
    }
    let last_row = u32::try_from(names.len()).expect("a group fits a sheet");
    let last_col = u16::try_from(aspects.len()).expect("a few dozen aspects");
    print_table(sheet, Orientation::Landscape, last_row, last_col, running)?;
    let across: Vec<f64> = headers.iter().map(|(_, w)| *w).collect();
    sheetprint::keep_readable(sheet, across.iter().sum(), 0)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(across)
}

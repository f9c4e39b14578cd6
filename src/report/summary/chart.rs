//! The Chart sheet of `summary.xlsx`: each aspect's level and evidenced level against the
//! benchmark, read as the report's radar is read, better higher up.
//!
//! The value axis runs from level 5 at the foot to level 1 at the top, in whole steps, so a
//! taller bar is a better level, as a spoke reaching further out is on the radar. An aspect
//! whose claimed level no imported record checks has no evidenced level, and so no Evidenced
//! bar: on a chart where taller is better a missing bar would read as the worst level, so
//! such an aspect is marked at the foot (named in the legend) and in a note under the chart,
//! and its Evidenced figure says "no check". The chart fills the first printed page,
//! in type as large as the sheet's; its figures follow on the next.

use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartFont, ChartFormat, ChartLegendPosition, ChartLine,
    ChartLineDashType, ChartMarker, ChartMarkerType, ChartSolidFill, ChartType, Format,
    FormatAlign, FormatBorder, Worksheet, XlsxError,
};

use crate::score::{AspectScore, NotAgreedWhy};
use crate::sheetprint::{self, Orientation, Running};

/// The sheet's name.
pub const SHEET: &str = "Chart";

/// The chart's size in pixels: the width of A4 landscape within its margins at full size,
/// and the height that leaves room for the title above and the note below.
const CHART_WIDTH: u32 = 1010;
const CHART_HEIGHT: u32 = 540;

/// The row of the note under the chart, the heading row of the figures (the first row of
/// the second page) and their first row.
const NOTE: u32 = 29;
const HEAD: u32 = 31;
const FIRST: u32 = HEAD + 1;

/// The hidden column that places the "no records check the level" marks at the chart's foot, and
/// the last column printed (the chart reaches it).
const MARK_COL: u16 = 5;
const LAST_COL: u16 = 11;

/// The level below level 5 that the axis shows without a label: the foot of the chart.
const FOOT: u8 = 6;

/// Writes the Chart sheet for `aspects`.
pub fn sheet(
    sheet: &mut Worksheet,
    aspects: &[AspectScore],
    running: &Running<'_>,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET)?;
    sheet.write_with_format(
        0,
        0,
        "Levels against the benchmark: level 1 (aspirational) at the top, so a taller bar is a better level",
        &Format::new().set_bold().set_font_size(12),
    )?;
    let (name_width, evidenced_width) = figures(sheet, aspects)?;
    // The columns the chart spans: those of the figures, then even ones to its right edge.
    let used: f64 = [7.0, name_width, 11.0, evidenced_width, 11.0]
        .iter()
        .map(|w| w * 7.0 + 5.0)
        .sum();
    let rest = ((f64::from(CHART_WIDTH) - used) / 6.0).max(64.0);
    for c in MARK_COL + 1..=LAST_COL {
        sheet.set_column_width(c, ((rest - 5.0) / 7.0).max(8.43))?;
    }
    let count = u32::try_from(aspects.len()).expect("a few dozen aspects");
    let last = FIRST + count.max(1) - 1;
    sheet.insert_chart(1, 0, &chart(last))?;
    note(sheet, aspects, used + rest * 6.0)?;
    sheet.set_print_area(0, 0, last, LAST_COL)?;
    sheetprint::setup(sheet, Orientation::Landscape, 0, running)?;
    sheet.set_page_breaks(&[HEAD])?;
    Ok(())
}

/// What the Evidenced figure says of an aspect with no level: why it has none. Levels given
/// that the group has not agreed are not "not scored".
fn no_level(a: &AspectScore) -> &'static str {
    match a.not_agreed.as_ref().map(|n| n.why) {
        Some(NotAgreedWhy::AgreeAgain) => "to be agreed again",
        Some(NotAgreedWhy::Blank) => "not agreed",
        None => "not scored",
    }
}

/// Writes the chart's figures from [`HEAD`] down; returns the widths of the Aspect and
/// Evidenced columns.
fn figures(sheet: &mut Worksheet, aspects: &[AspectScore]) -> Result<(f64, f64), XlsxError> {
    let heading = Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border_bottom(FormatBorder::Thin);
    for (c, h) in (0u16..).zip(["Code", "Aspect", "Level", "Evidenced", "Benchmark"]) {
        sheet.write_with_format(HEAD, c, h, &heading)?;
    }
    let names = aspects.iter().map(|a| a.name.as_str());
    let name_width = sheetprint::width_for(names.chain(["Aspect"]), 20.0, 38.0);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    let none = Format::new()
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Right)
        .set_italic()
        .set_font_color("#555555");
    for (row, a) in (FIRST..).zip(aspects) {
        sheet.write_with_format(row, 0, a.code.as_str(), &top)?;
        sheet.write_with_format(row, 1, a.name.as_str(), &wrap)?;
        if sheetprint::lines(&a.name, name_width) > 1 {
            sheet.set_row_height(row, sheetprint::height(&[(&a.name, name_width)], 11.0))?;
        }
        if let Some(level) = a.agreed {
            sheet.write_with_format(row, 2, level, &top)?;
        }
        match a.evidenced {
            Some(level) => sheet.write_with_format(row, 3, level, &top)?,
            None if a.agreed.is_none() => sheet.write_with_format(row, 3, no_level(a), &none)?,
            None => {
                sheet.write_with_format(row, MARK_COL, FOOT, &top)?;
                sheet.write_with_format(row, 3, "no check", &none)?
            }
        };
        sheet.write_with_format(row, 4, a.benchmark, &top)?;
    }
    sheet.set_column_width(0, 7)?;
    sheet.set_column_width(1, name_width)?;
    let said = aspects.iter().filter(|a| a.agreed.is_none()).map(no_level);
    let evidenced_width = sheetprint::width_for(said.chain(["Evidenced"]), 11.0, 20.0);
    for c in [2u16, 4] {
        sheet.set_column_width(c, 11)?;
    }
    sheet.set_column_width(3, evidenced_width)?;
    sheet.set_column_hidden(MARK_COL)?;
    Ok((name_width, evidenced_width))
}

/// The note under the chart naming the aspects with no Evidenced bar, those with no bar
/// at all and those whose Level bar the group did not agree, wrapped across the chart's `width` in pixels; none when every aspect has both.
fn note(sheet: &mut Worksheet, aspects: &[AspectScore], width: f64) -> Result<(), XlsxError> {
    let unchecked: Vec<&str> = aspects
        .iter()
        .filter(|a| a.evidenced.is_none() && a.agreed.is_some())
        .map(|a| a.code.as_str())
        .collect();
    let mut said = Vec::new();
    if !unchecked.is_empty() {
        said.push(format!(
            "No Evidenced bar for {}: no imported record checks the level claimed, so the records give no level (marked “no records check the level” at the foot). A missing bar is not the lowest level.",
            unchecked.join(", ")
        ));
    }
    said.extend(unlike_agreed(aspects));
    if said.is_empty() {
        return Ok(());
    }
    let text = said.join(" ");
    let format = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.merge_range(NOTE, 0, NOTE, LAST_COL, &text, &format)?;
    let units = (width - 5.0) / 7.0;
    sheet.set_row_height(NOTE, sheetprint::height(&[(&text, units)], 11.0))?;
    Ok(())
}

/// What the note says of the aspects whose bar is not a level the group agreed: those
/// with no bar at all, by why they have none, and those whose level was reached otherwise,
/// by how, each kind in a sentence.
fn unlike_agreed(aspects: &[AspectScore]) -> Vec<String> {
    // (has a level, why none or how it was reached, the aspects' codes)
    let mut kinds: Vec<(bool, &'static str, Vec<&str>)> = Vec::new();
    for a in aspects.iter().filter(|a| !crate::report::group_agreed(a)) {
        let how = match (a.agreed, a.not_agreed.as_ref().map(|n| n.why)) {
            (Some(_), _) => crate::report::reached(a),
            (None, Some(NotAgreedWhy::AgreeAgain)) => {
                "to be agreed again after the framework change, so no level is claimed"
            }
            (None, Some(NotAgreedWhy::Blank)) => {
                "not agreed by the group (the Agreed level is blank), so no level is claimed"
            }
            (None, None) => "not scored yet",
        };
        let level = a.agreed.is_some();
        match kinds.iter_mut().find(|(l, h, _)| *l == level && *h == how) {
            Some((_, _, codes)) => codes.push(&a.code),
            None => kinds.push((level, how, vec![&a.code])),
        }
    }
    kinds
        .into_iter()
        .map(|(level, how, codes)| match (level, codes.len()) {
            (false, _) => format!("No bars for {}: {how}.", codes.join(", ")),
            (true, 1) => format!(
                "The Level bar of {} is {how}, not agreed by the group.",
                codes[0]
            ),
            (true, _) => format!(
                "The Level bars of {} are {how}, not agreed by the group.",
                codes.join(", ")
            ),
        })
        .collect()
}

/// Type of a size that reads beside the sheet's own 11-point text.
fn font(size: u8) -> ChartFont {
    let mut font = ChartFont::new();
    font.set_size(size);
    font
}

/// Bars for the agreed and evidenced levels, a dashed line for the benchmark and a mark at
/// the foot for an aspect whose level no record checks, on a value axis from 5 at the foot to 1 at
/// the top.
fn chart(last: u32) -> Chart {
    let mut chart = Chart::new(ChartType::Column);
    chart
        .title()
        .set_name("Each aspect's level against the benchmark (higher is better)")
        .set_font(&font(14));
    for col in [2u16, 3] {
        chart
            .add_series()
            .set_name((SHEET, HEAD, col))
            .set_categories((SHEET, FIRST, 0, last, 0))
            .set_values((SHEET, FIRST, col, last, col));
    }
    let mut lines = Chart::new(ChartType::Line);
    lines
        .add_series()
        .set_name((SHEET, HEAD, 4))
        .set_categories((SHEET, FIRST, 0, last, 0))
        .set_values((SHEET, FIRST, 4, last, 4))
        .set_format(
            ChartFormat::new().set_line(
                ChartLine::new()
                    .set_color("#B00020")
                    .set_width(2)
                    .set_dash_type(ChartLineDashType::Dash),
            ),
        );
    lines
        .add_series()
        .set_name("No records check the level (so no Evidenced bar)")
        .set_categories((SHEET, FIRST, 0, last, 0))
        .set_values((SHEET, FIRST, MARK_COL, last, MARK_COL))
        .set_format(ChartFormat::new().set_no_line())
        .set_marker(
            ChartMarker::new()
                .set_type(ChartMarkerType::X)
                .set_size(11)
                .set_format(
                    ChartFormat::new()
                        .set_solid_fill(ChartSolidFill::new().set_color("#000000"))
                        .set_line(ChartLine::new().set_color("#000000").set_width(2)),
                ),
        );
    chart.combine(&lines);
    // Levels run from 5 at the foot to 1 at the top; the bars rise from below level 5, and
    // the axis's sixth step, below level 5, has no label.
    chart
        .y_axis()
        .set_name("Level (1 aspirational … 5 nothing in place)")
        .set_name_font(&font(11))
        .set_font(&font(11))
        .set_min(1)
        .set_max(FOOT)
        .set_major_unit(1)
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max)
        .set_num_format("[=6]\"\";0");
    chart
        .x_axis()
        .set_name("Aspect")
        .set_name_font(&font(11))
        .set_font(&font(11));
    chart
        .legend()
        .set_position(ChartLegendPosition::Bottom)
        .set_font(&font(11));
    // The marks sit in a hidden column, which a chart leaves out unless told.
    chart.show_hidden_data();
    chart.set_width(CHART_WIDTH).set_height(CHART_HEIGHT);
    chart
}

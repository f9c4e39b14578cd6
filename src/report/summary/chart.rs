//! The Chart sheet of `summary.xlsx`: each aspect's agreed and evidenced level against the
//! benchmark, read as the report's radar is read, better higher up.
//!
//! The value axis runs from level 5 at the foot to level 1 at the top, in whole steps, so a
//! taller bar is a better level, as a spoke reaching further out is on the radar. The sheet
//! keeps the chart's figures beside it and prints on one landscape page.

use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartFormat, ChartLine, ChartLineDashType, ChartType, Format,
    FormatBorder, Worksheet, XlsxError,
};

use crate::score::AspectScore;
use crate::sheetprint::{self, Orientation, Running};

/// The sheet's name.
pub const SHEET: &str = "Chart";

/// The first row of figures, below the title and the heading row.
const FIRST: u32 = 2;

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
    let heading = Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border_bottom(FormatBorder::Thin);
    for (c, h) in (0u16..).zip(["Code", "Aspect", "Agreed", "Evidenced", "Benchmark"]) {
        sheet.write_with_format(1, c, h, &heading)?;
    }
    let names = aspects.iter().map(|a| a.name.as_str());
    let name_width = sheetprint::width_for(names.chain(["Aspect"]), 20.0, 38.0);
    let wrap = Format::new().set_text_wrap();
    for (row, a) in (FIRST..).zip(aspects) {
        sheet.write(row, 0, a.code.as_str())?;
        sheet.write_with_format(row, 1, a.name.as_str(), &wrap)?;
        if sheetprint::lines(&a.name, name_width) > 1 {
            sheet.set_row_height(row, sheetprint::height(&[(&a.name, name_width)], 11.0))?;
        }
        if let Some(level) = a.agreed {
            sheet.write(row, 2, level)?;
        }
        if let Some(level) = a.evidenced {
            sheet.write(row, 3, level)?;
        }
        sheet.write(row, 4, a.benchmark)?;
    }
    sheet.set_column_width(0, 7)?;
    sheet.set_column_width(1, name_width)?;
    for c in 2u16..=4 {
        sheet.set_column_width(c, 11)?;
    }
    let count = u32::try_from(aspects.len()).expect("a few dozen aspects");
    let last = FIRST + count.max(1) - 1;
    sheet.insert_chart(1, 6, &chart(last))?;
    sheet.set_print_area(0, 0, last.max(26), 20)?;
    sheetprint::setup(sheet, Orientation::Landscape, 0, running)?;
    // The chart and its figures on one page.
    sheet.set_print_fit_to_pages(1, 1);
    Ok(())
}

/// Bars for the agreed and evidenced levels and a dashed line for the benchmark, on a value
/// axis from 5 at the foot to 1 at the top.
fn chart(last: u32) -> Chart {
    let mut chart = Chart::new(ChartType::Column);
    chart
        .title()
        .set_name("Each aspect's level against the benchmark (higher is better)");
    for col in [2u16, 3] {
        chart
            .add_series()
            .set_name((SHEET, 1, col))
            .set_categories((SHEET, FIRST, 0, last, 0))
            .set_values((SHEET, FIRST, col, last, col));
    }
    let mut benchmark = Chart::new(ChartType::Line);
    benchmark
        .add_series()
        .set_name((SHEET, 1, 4))
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
    chart.combine(&benchmark);
    // Levels run from 5 at the foot to 1 at the top; the bars rise from below level 5, and
    // the axis's sixth step, below level 5, has no label.
    chart
        .y_axis()
        .set_name("Level (1 aspirational … 5 nothing in place)")
        .set_min(1)
        .set_max(6)
        .set_major_unit(1)
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max)
        .set_num_format("[=6]\"\";0");
    chart.x_axis().set_name("Aspect");
    chart.set_width(860).set_height(460);
    chart
}

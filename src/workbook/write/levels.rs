//! The Levels sheet of a scoring workbook: every aspect's descriptor and level statements,
//! one below the other, so that the sheet reads down the page on screen and in print. It
//! prints one page wide at a scale set from its columns' widths, with a page break before
//! any aspect whose heading row and levels would not all fit on what is left of a page.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::{Formats, print_setup, protect};
use crate::framework::Framework;
use crate::sheetprint::{self, Orientation, Running};
use crate::workbook::layout;

/// The Levels sheet's columns: code, aspect, level, and what the level looks like.
const LEVELS_WIDTHS: [f64; 4] = [7.0, 24.0, 17.0, 70.0];

/// Every aspect's descriptor and level statements, one below the other so that the sheet
/// reads down the page, on screen and in print: the aspect's row, then a row per level.
pub(super) fn levels_sheet(
    sheet: &mut Worksheet,
    fw: &Framework,
    f: &Formats,
    running: &Running<'_>,
) -> Result<(), XlsxError> {
    sheet.set_name(layout::LEVELS_SHEET)?;
    let headers = [layout::CODE, layout::ASPECT, "Level", "What it looks like"];
    for (col, h) in (0u16..).zip(headers) {
        sheet.write_with_format(0, col, h, &f.header)?;
    }
    let [_, name_w, level_w, text_w] = LEVELS_WIDTHS;
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("#F2F2F2")
        .set_border_top(FormatBorder::Thin);
    let mut row = 1u32;
    // Each aspect's row heights, its heading row's first.
    let mut groups: Vec<sheetprint::Kept> = Vec::new();
    for (_, _, aspect) in fw.aspects() {
        let benchmark = format!("Benchmark: level {}", aspect.benchmark);
        let descriptor = crate::text::flow(&aspect.descriptor);
        sheet.write_with_format(row, 0, aspect.code.as_str(), &bold)?;
        sheet.write_with_format(row, 1, aspect.name.as_str(), &bold)?;
        sheet.write_with_format(row, 2, benchmark.as_str(), &bold)?;
        sheet.write_with_format(row, 3, descriptor.as_str(), &bold)?;
        let texts = [
            (aspect.name.as_str(), name_w),
            (benchmark.as_str(), level_w),
            (descriptor.as_str(), text_w),
        ];
        let height = sheetprint::height(&texts, 11.0);
        sheet.set_row_height(row, height)?;
        groups.push(sheetprint::Kept {
            heights: vec![height],
            heads: 1,
        });
        row += 1;
        for l in &aspect.levels {
            let mark = if l.level == aspect.benchmark {
                " (benchmark)"
            } else {
                ""
            };
            let label = format!("{} {}{mark}", l.level, fw.level_label(l.level));
            sheet.write_with_format(row, 2, label.as_str(), &f.wrap)?;
            let text = crate::text::flow(&l.text);
            sheet.write_with_format(row, 3, text.as_str(), &f.wrap)?;
            let texts = [(label.as_str(), level_w), (text.as_str(), text_w)];
            let height = sheetprint::height(&texts, 11.0);
            sheet.set_row_height(row, height)?;
            let own = groups.last_mut().expect("the aspect's own");
            own.heights.push(height);
            row += 1;
        }
    }
    for (col, width) in (0u16..).zip(LEVELS_WIDTHS) {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    print_setup(sheet, Orientation::Portrait, row - 1, 3, running)?;
    let scale = sheetprint::scale_to_width(&LEVELS_WIDTHS, Orientation::Portrait);
    sheet.set_print_scale(scale);
    // The heading row's height is the program's own for one line, counted as the most
    // that takes.
    let heading = sheetprint::height(&[], 11.0);
    let breaks = sheetprint::breaks(&groups, 1, heading, scale, Orientation::Portrait);
    sheetprint::set_breaks(sheet, &breaks)?;
    protect(sheet);
    Ok(())
}

//! The Action plan sheet of `summary.xlsx`: a row per aspect below level 1, what the next
//! level looks like, the framework's improvement actions and what the group planned.
//!
//! Planned actions are typed by the group and have no limit; the framework's texts may be
//! long too. A row is never taller than Excel allows, so text longer than
//! [`super::LONG_TEXT_LINES`] lines runs on in rows below, each with the aspect's code and
//! its name marked continued ([`sheetprint::Pieces`]), and every word reaches the paper.

use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use super::{LONG_TEXT_LINES, empty_line, heading_row, print_table};
use crate::pipeline::Reviewed;
use crate::score::PlanItem;
use crate::sheetprint::{self, Orientation, Running};

/// The Action plan sheet's columns: heading and width.
const PLAN_COLUMNS: [(&str, f64); 10] = [
    ("Code", 7.0),
    ("Aspect", 22.0),
    ("Level now", 7.0),
    ("Next level", 7.0),
    ("What the next level looks like", 38.0),
    ("Improvement actions", 36.0),
    ("Planned actions", 36.0),
    ("Owner", 13.0),
    ("Target date", 11.0),
    ("Status", 12.0),
];

/// The columns whose text may run on over rows, in order.
const LONG_COLUMNS: [u16; 4] = [4, 5, 6, 7];

/// The sheet's formats.
struct Formats {
    wrap: Format,
    top: Format,
    level: Format,
    date: Format,
}

/// Writes the Action plan sheet; returns its columns' widths.
pub(super) fn sheet(
    sheet: &mut Worksheet,
    r: &Reviewed,
    running: &Running<'_>,
) -> Result<Vec<f64>, XlsxError> {
    sheet.set_name("Action plan")?;
    let across = heading_row(sheet, &PLAN_COLUMNS)?;
    if r.scored.actions.is_empty() {
        let scored = r.scored.aspects.iter().any(|a| a.agreed.is_some());
        empty_line(
            sheet,
            if scored {
                "Nothing to plan: every scored aspect is at level 1, the aspirational level."
            } else {
                "Nothing to plan yet: no aspect has an agreed level."
            },
        )?;
    }
    let top = Format::new().set_align(FormatAlign::Top);
    let f = Formats {
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        // A level is centred in its column, clear of the text the next column starts with.
        level: top.clone().set_align(FormatAlign::Center),
        date: top.clone().set_num_format("dd/mm/yyyy"),
        top,
    };
    let mut row = 1u32;
    for p in &r.scored.actions {
        row += item_rows(sheet, row, p, &f)?;
    }
    print_table(sheet, Orientation::Landscape, row - 1, 9, running)?;
    Ok(across)
}

/// Writes the rows of one aspect's plan from `row`: its own, then any continuing its long
/// texts. Returns how many rows it wrote.
fn item_rows(sheet: &mut Worksheet, row: u32, p: &PlanItem, f: &Formats) -> Result<u32, XlsxError> {
    let width = |c: u16| PLAN_COLUMNS[usize::from(c)].1;
    let actions: Vec<String> = p
        .improvement_actions
        .iter()
        .map(|a| format!("• {a}"))
        .collect();
    let actions = actions.join("\n");
    let (planned, owner) = p
        .planned
        .as_ref()
        .map_or(("", ""), |x| (x.actions.as_str(), x.owner.as_str()));
    let texts = [p.next_statement.as_str(), actions.as_str(), planned, owner];
    let long: Vec<(&str, f64)> = texts
        .iter()
        .zip(LONG_COLUMNS)
        .map(|(t, c)| (*t, width(c)))
        .collect();
    let pieces = sheetprint::Pieces::new(&long, LONG_TEXT_LINES);
    sheet.write_with_format(row, 2, p.level, &f.level)?;
    sheet.write_with_format(row, 3, p.next_level, &f.level)?;
    if let Some(t) = p.planned.as_ref().and_then(|x| x.target) {
        sheet.write_with_format(row, 8, &t, &f.date)?;
    }
    let continued = sheetprint::continued(&p.name);
    let mut at = row;
    for part in 0..pieces.rows() {
        let name = if part == 0 {
            p.name.as_str()
        } else {
            continued.as_str()
        };
        sheet.write_with_format(at, 0, p.aspect.as_str(), &f.top)?;
        sheet.write_with_format(at, 1, name, &f.wrap)?;
        let mut cells = vec![(name, width(1))];
        for (i, col) in (0..).zip(LONG_COLUMNS) {
            let text = pieces.shown(i, part);
            if !text.trim().is_empty() || (part == 0 && col >= 6 && p.planned.is_some()) {
                sheet.write_with_format(at, col, text, &f.wrap)?;
            }
            cells.push((text.trim_end(), width(col)));
        }
        sheet.set_row_height(at, sheetprint::height(&cells, 11.0))?;
        at += 1;
    }
    Ok(at - row)
}

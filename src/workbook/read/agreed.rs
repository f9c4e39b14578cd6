//! A group workbook that has lost its Agreed commentary column.
//!
//! A group workbook made before the column existed had only Commentary, which stood for the
//! agreed commentary, and is still read that way. One made since gathers the members' own
//! commentary in Commentary, each under their name ("DSL: …"): if its Agreed commentary
//! column was deleted or renamed, those notes must not be taken for what the group agreed.
//! Such a workbook is an error naming it and its sheet (and the renamed column, when a
//! heading such as "Agreed comments" is there), and its aspects are read as having a blank
//! agreed commentary, so the members' notes are never packed as the group's.

use calamine::{Data, Range};

use super::Table;
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::spreadsheet;
use crate::workbook::layout::{self, ScoredBy};
use crate::workbook::read::Row;

/// Checks a group workbook's rows for gathered notes with no Agreed commentary column.
pub(super) fn check(
    path: &std::path::Path,
    range: &Range<Data>,
    table: &Table,
    kind: &ScoredBy,
    rows: &mut [Row],
    diags: &mut Diagnostics,
) {
    let ScoredBy::Group { members } = kind else {
        return;
    };
    if table
        .others
        .iter()
        .any(|(n, _)| *n == layout::AGREED_COMMENTARY)
    {
        return;
    }
    let gathered = |text: &str| {
        text.lines().any(|l| {
            members
                .iter()
                .any(|m| l.trim_start().starts_with(&format!("{m}:")))
        })
    };
    if !rows.iter().any(|r| gathered(&r.commentary)) {
        return;
    }
    for row in rows.iter_mut() {
        row.agreed_commentary = Some(String::new());
    }
    let renamed = renamed_heading(range, table.header_row);
    let (at, said) = match &renamed {
        Some((col, heading)) => (
            Location::cell(path, layout::SCORES_SHEET, table.header_row, *col),
            format!(
                " (the column headed `{heading}` is not read as it: only the heading `{}` is)",
                layout::AGREED_COMMENTARY
            ),
        ),
        None => {
            let mut at = Location::file(path);
            at.cell = Some(layout::SCORES_SHEET.to_string());
            (at, String::new())
        }
    };
    diags.push(
        Diagnostic::error(
            Code::AgreedCommentaryColumnMissing,
            at,
            format!(
                "this group workbook's {} sheet has no `{}` column{said}, and its Commentary column holds the members' own notes under their names; they are not taken for the agreed commentary, so no aspect has one",
                layout::SCORES_SHEET,
                layout::AGREED_COMMENTARY
            ),
        )
        .with_help(format!(
            "put the column back with the heading `{}` (or make the group workbook again with `selfreview workbook --group`) and write the commentary the group agreed in it",
            layout::AGREED_COMMENTARY
        )),
    );
}

/// A heading in the header row that looks like the agreed commentary's but is not it.
fn renamed_heading(range: &Range<Data>, header_row: u32) -> Option<(u32, String)> {
    let (row0, col0) = range.start()?;
    let row = range
        .rows()
        .nth(usize::try_from(header_row.checked_sub(row0)?).ok()?)?;
    row.iter().zip(col0..).find_map(|(cell, col)| {
        let text = spreadsheet::text(cell);
        let folded = text.trim().to_lowercase();
        (folded.starts_with("agreed") && folded.contains("comm"))
            .then(|| (col, text.trim().to_string()))
    })
}

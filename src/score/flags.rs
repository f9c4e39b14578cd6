//! Aspects a move to a revised framework changed, until the group has looked at them.
//!
//! `migrate` writes what it did to a merged or new aspect in the workbook's
//! "Review after the change" column. Each such cell is a finding until someone empties it.
//! Where a group workbook takes part, only its flags count: the group agrees the level and
//! commentary, so the group clears the flag. Without one, each reviewer clears their own.

use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::framework::Framework;
use crate::workbook::layout;
use crate::workbook::{Filled, ScoredBy};

/// A warning for every aspect still flagged, at the flag's cell.
pub(super) fn findings(fw: &Framework, used: &[&Filled], diags: &mut Diagnostics) {
    let group = used
        .iter()
        .any(|b| matches!(b.kind, ScoredBy::Group { .. }));
    let counted = used
        .iter()
        .filter(|b| !group || matches!(b.kind, ScoredBy::Group { .. }));
    for book in counted {
        for row in &book.rows {
            let flag = row.change_flag.trim();
            if flag.is_empty() {
                continue;
            }
            let name = fw.aspect(&row.code).map_or("", |(_, _, a)| a.name.as_str());
            let at = Location {
                cell: row.cell(layout::CHANGE_FLAG),
                ..Location::file(&book.path)
            };
            diags.push(
                Diagnostic::warning(
                    Code::ReviewAfterChange,
                    at,
                    format!("{} {name}: review after the change: {flag}", row.code),
                )
                .with_help(format!(
                    "check the level and commentary together, then empty the “{}” cell",
                    layout::CHANGE_FLAG
                )),
            );
        }
    }
}

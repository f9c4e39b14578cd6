//! The finding for a workbook whose reviewer is named as the workbooks name the group or a
//! column.

use std::path::Path;

use super::super::layout;
use crate::diag::{Code, Diagnostic, Location};

/// A workbook whose reviewer is named as the group or a column is ("Group"): counted, it
/// would pass for a reviewer of that name, so it is named and not counted, as review.toml
/// refuses the name.
pub(super) fn reserved(path: &Path, row: u32, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::ReservedReviewerName,
        Location::cell(path, layout::INSTRUCTIONS_SHEET, row, 1),
        format!(
            "the reviewer is named `{name}`, which the workbooks use for the group or for a column, so this workbook is not counted"
        ),
    )
    .with_help("write the reviewer's own name (or role or initials) in that cell; a group's agreed levels belong in a group workbook, made with `selfreview workbook --group`")
}

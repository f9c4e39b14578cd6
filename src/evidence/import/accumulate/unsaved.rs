//! A policy register's date that is a formula whose value was never saved (a file written
//! by a program that does not work formulas out, or saved with calculation turned off)
//! reads blank: the document would stand undated with no word why. The row is kept, and
//! its note says which date it is and what to do.

use super::Accumulator;
use crate::evidence::Field;
use crate::evidence::records::RowOutcome;
use crate::evidence::registers::Document;
use crate::evidence::table::{SheetRow, Value};

/// The register's date columns, and what each is called in the note.
const DATES: &[(Field, &str)] = &[
    (Field::DocumentLastReviewed, "last reviewed"),
    (Field::DocumentNextDue, "next review"),
    (Field::DocumentApprovedOn, "approved on"),
];

impl Accumulator<'_> {
    /// `outcome` with a note for each of the row's date cells that is a formula read blank.
    pub(super) fn unsaved_dates(
        &self,
        row: &SheetRow,
        outcome: RowOutcome<Document>,
    ) -> RowOutcome<Document> {
        let unsaved: Vec<(&str, u32)> = DATES
            .iter()
            .filter_map(|(f, what)| self.header.col(*f).map(|c| (*what, c)))
            .filter(|(_, c)| {
                matches!(row.get(*c), Value::Empty | Value::Unread)
                    && self.formulas.contains(&(row.index, *c))
            })
            .collect();
        let Some(&(_, first)) = unsaved.first() else {
            return outcome;
        };
        let what: Vec<&str> = unsaved.iter().map(|(w, _)| *w).collect();
        let said = if what.len() == 1 {
            format!(
                "its {} date is a formula whose value was never saved, so it is not known: open the file in your spreadsheet program, save it there, and import again",
                what[0]
            )
        } else {
            format!(
                "its {} dates are formulas whose values were never saved, so they are not known: open the file in your spreadsheet program, save it there, and import again",
                what.join(" and ")
            )
        };
        match outcome {
            RowOutcome::Used(d) => RowOutcome::Noted {
                note: format!("{}: {said}", d.name),
                record: d,
                col: Some(first),
            },
            RowOutcome::Noted { record, note, col } => RowOutcome::Noted {
                record,
                note: format!("{note}; {said}"),
                col,
            },
            other => other,
        }
    }
}

//! Rows the workbook hides or strikes through ([`crate::spreadsheet::Concealed`]): each is
//! skipped with the reason, as a hidden sheet is, so that a row the school set aside (last
//! year's, a session cancelled, a policy withdrawn) never counts as evidence, and the lead
//! sees which rows they were.

use std::collections::BTreeMap;

use super::Accumulator;
use crate::evidence::records::RowOutcome;
use crate::evidence::table::SheetRow;
use crate::spreadsheet::Concealed;

/// Why a hidden row is not read.
pub(crate) const HIDDEN_ROW: &str =
    "the row is hidden in the workbook, so it is not read as evidence; unhide it to read it";

/// Why a struck-through row is not read.
pub(crate) const STRUCK_ROW: &str = "every filled cell of the row is struck through, so it is taken as crossed out and not read as evidence; take the strike off to read it";

/// What is said of a failed filtering check the workbook hides or strikes through.
const STILL_COUNTED: &str = "the row is hidden or struck through in the workbook, but a check that failed or cannot be read is counted all the same";

impl Accumulator<'_> {
    /// `outcome` for a filtering check the workbook set aside but that is read all the
    /// same ([`Self::set_aside`]), with a note saying so.
    pub(super) fn still_counted<T>(&self, row: &SheetRow, outcome: RowOutcome<T>) -> RowOutcome<T> {
        if !self.concealed.contains_key(&row.index) {
            return outcome;
        }
        match outcome {
            RowOutcome::Used(record) => RowOutcome::Noted {
                record,
                note: STILL_COUNTED.to_string(),
                col: None,
            },
            RowOutcome::Noted { record, note, col } => RowOutcome::Noted {
                record,
                note: format!("{note}; {STILL_COUNTED}"),
                col,
            },
            other => other,
        }
    }

    /// Takes in the rows the sheet hides or strikes through.
    pub(in crate::evidence::import) fn concealed(&mut self, rows: BTreeMap<u32, Concealed>) {
        self.concealed = rows;
    }

    /// Skips `row` when the workbook hides it or strikes it through, saying whether it did.
    pub(super) fn set_aside(&mut self, row: &SheetRow) -> bool {
        let Some(how) = self.concealed.get(&row.index) else {
            return false;
        };
        // A filtering check that failed, or whose result cannot be read, counts against
        // the school however it was set aside: hiding a failure must not make a pass.
        if self.kind == crate::evidence::Kind::Filtering
            && let RowOutcome::Used(c) | RowOutcome::Noted { record: c, .. } =
                crate::evidence::registers::filtering(row, &self.header)
            && (c.failed || c.unclear)
        {
            return false;
        }
        // The names on an agreements row are still learnt, so that none can reach an
        // output unseen; the row itself counts for nothing.
        if self.kind == crate::evidence::Kind::Agreements {
            let _ = crate::evidence::registers::agreement(
                row,
                &self.header,
                &self.maps,
                &mut self.evidence.private,
            );
        }
        let reason = match how {
            Concealed::Hidden => HIDDEN_ROW,
            Concealed::Struck => STRUCK_ROW,
        };
        let outcome: RowOutcome<()> = RowOutcome::Skipped {
            reason: reason.to_string(),
            col: None,
        };
        self.take(outcome, row.index, |_, ()| None);
        true
    }
}

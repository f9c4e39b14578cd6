//! An agreements register's rows, taken once its whole Signed column is read. A person
//! listed on several rows of one group counts once in the figures; each later row says so,
//! naming the row it repeats (never the name, which may be a pupil's).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Accumulator;
use crate::evidence::Field;
use crate::evidence::records::RowOutcome;
use crate::evidence::registers::{self, Agreement};
use crate::text::normalise;

/// The note on a person's row that repeats an earlier one.
fn repeat_note(first: u32) -> String {
    format!("the same person as row {first}, in the same group: counted once")
}

/// `outcome` with a note that it repeats row `first` (a spreadsheet row number), kept with
/// any note it had.
fn noted_again(outcome: RowOutcome<Agreement>, first: u32) -> RowOutcome<Agreement> {
    match outcome {
        RowOutcome::Used(record) => RowOutcome::Noted {
            record,
            note: repeat_note(first),
            col: None,
        },
        RowOutcome::Noted { record, note, col } => RowOutcome::Noted {
            record,
            note: format!("{note}; {}", repeat_note(first)),
            col,
        },
        other => other,
    }
}

impl Accumulator<'_> {
    /// A group's count of who signed that is blank only because it is a formula whose
    /// value was never saved says so, and what to do.
    fn unsaved(&self, outcome: RowOutcome<Agreement>, row: u32) -> RowOutcome<Agreement> {
        let signed = self.header.col(Field::AgreementSigned);
        match outcome {
            RowOutcome::Noted { record, note, col }
                if note.starts_with(registers::NO_COUNT)
                    && signed.is_some_and(|c| self.formulas.contains(&(row, c))) =>
            {
                RowOutcome::Noted {
                    record,
                    note: format!(
                        "the count of who signed is a formula whose value was never saved: open the file in your spreadsheet program, save it there, and import again; {}",
                        registers::GROUP_NONE
                    ),
                    col,
                }
            }
            other => other,
        }
    }

    /// An agreement row's outcome, once the register's Signed column is known.
    pub(super) fn agreement(
        &mut self,
        outcome: RowOutcome<Agreement>,
        row: u32,
    ) -> (bool, Option<NaiveDate>) {
        self.take(outcome, row, |e, a: Agreement| {
            let date = a.date;
            e.agreements.push(a);
            date
        })
    }

    /// The agreement rows held until the whole Signed column was read, judged together and
    /// taken in the register's order; a person's row repeating an earlier one of the same
    /// group (as the figures know a person: the folded name) is noted as counted once.
    pub(super) fn settle_agreements(&mut self) {
        let pending = std::mem::take(&mut self.agreements);
        if pending.is_empty() {
            return;
        }
        let settled = registers::settle(pending, &self.header);
        self.report.signed_dates = settled.dates_in_signed;
        let mut people: BTreeMap<(String, String, u64), u32> = BTreeMap::new();
        for (row, outcome) in settled.rows {
            let person = match &outcome {
                RowOutcome::Used(a) | RowOutcome::Noted { record: a, .. } => {
                    a.person.map(|p| (a.group.clone(), normalise(&a.part), p))
                }
                _ => None,
            };
            let outcome = match person.map(|key| *people.entry(key).or_insert(row)) {
                Some(first) if first != row => noted_again(outcome, first + 1),
                _ => self.unsaved(outcome, row),
            };
            if let (true, Some(d)) = self.agreement(outcome, row) {
                self.widen(d);
            }
        }
        self.report.skipped.sort_by_key(|s| s.row);
        self.report.noted.sort_by_key(|s| s.row);
    }
}

//! A policy register whose one review date column is headed so that it can mean either
//! review ("Review date", "Date of review"), beside no column of last reviews.
//!
//! Such a heading is taken as the next review, as most schedules mean it. But where every
//! date in the column is on or before the review date, the column cannot be a schedule of
//! reviews to come: reading it so would call every policy overdue. It is then read as when
//! each document was last reviewed, and the school is told so at the heading. One date
//! still to come, or a cell not read as a day ("Annually", "TBC"), is enough to keep the
//! column as the next review, with any past dates overdue; so is a column of approval
//! dates beside it. The rows are held until the column has been read through (a policy register
//! is short), so that every row is read under one meaning.

use chrono::NaiveDate;

use super::Accumulator;
use crate::evidence::import::Skipped;
use crate::evidence::records;
use crate::evidence::table::SheetRow;
use crate::evidence::{Field, Kind, header::Header};

/// How many rows are held at most before the column's meaning is settled on those.
const MOST_HELD: usize = 10_000;

/// The column of `header` that can mean either review, when no column names the last one.
fn either_column(header: &Header) -> Option<usize> {
    // Beside an approval date, a review date is the review to come.
    if header.col(Field::DocumentLastReviewed).is_some()
        || header.col(Field::DocumentApprovedOn).is_some()
    {
        return None;
    }
    header.columns.iter().position(|c| {
        c.field == Some(Field::DocumentNextDue) && crate::evidence::header::either_review(&c.header)
    })
}

impl Accumulator<'_> {
    /// Starts holding the rows when the header's review date can mean either review.
    pub(super) fn hold_if_either(&mut self) {
        if self.kind == Kind::Documents
            && self.as_of.is_some()
            && either_column(&self.header).is_some()
        {
            self.held = Some(Vec::new());
        }
    }

    /// Holds `row` when rows are held; says whether it was.
    pub(super) fn held_row(&mut self, row: &SheetRow) -> bool {
        let Some(held) = self.held.as_mut() else {
            return false;
        };
        held.push(row.clone());
        if held.len() >= MOST_HELD {
            self.release();
        }
        true
    }

    /// Settles what the column means from the rows held and reads them under it.
    pub(super) fn release(&mut self) {
        let Some(held) = self.held.take() else {
            return;
        };
        if let (Some(at), Some(as_of)) = (either_column(&self.header), self.as_of) {
            let col = self.header.columns[at].index;
            // Every cell typed in the column must read as a day on or before the review
            // date: one that does not ("Annually", "TBC", a day to come) keeps the column
            // the next review.
            let cells: Vec<Option<NaiveDate>> = held
                .iter()
                .filter(|r| r.index > self.header.last_row)
                .filter(|r| !records::text(r, &self.header, Field::DocumentNextDue).is_empty())
                .map(|r| date_in(r, &self.header))
                .collect();
            let past = cells.iter().all(|d| d.is_some_and(|d| d <= as_of));
            if !cells.is_empty() && past {
                let heading = self.header.columns[at].header.clone();
                self.header.columns[at].field = Some(Field::DocumentLastReviewed);
                for c in self.report.columns.iter_mut().filter(|c| c.index == col) {
                    c.field = Some(Field::DocumentLastReviewed);
                }
                let at = self.origin.cell(self.header.last_row, col);
                self.report.noted.push(Skipped {
                    row: self.header.last_row + 1,
                    place: at.cell.unwrap_or_default(),
                    reason: format!(
                        "`{}` can mean when a document was last reviewed or when it is next due; every date under it is on or before the review date ({}), so it is read as the last review. Head it \"Last reviewed\" or \"Next review due\" to say which is meant",
                        crate::text::clip(&heading, crate::text::QUOTE_CHARS),
                        crate::dates::uk(as_of)
                    ),
                });
            }
        }
        for row in &held {
            self.row(row);
        }
    }
}

/// The date a row gives in the column, read as a next review cell is.
fn date_in(row: &SheetRow, header: &Header) -> Option<NaiveDate> {
    match records::date(row, header, Field::DocumentNextDue) {
        Ok(d) => d,
        Err(_) => crate::evidence::registers::read_done(&records::text(
            row,
            header,
            Field::DocumentNextDue,
        ))
        .map(|(day, _)| day),
    }
}

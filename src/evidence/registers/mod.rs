//! Rows of the registers a school keeps beside its training, incident and meeting records:
//! the policy register, acceptable use agreements, filtering checks, surveys and parent
//! engagement, each turned into a record or a reason it was skipped.
//!
//! Only what the metrics need is kept. A pupil's name in an agreements register is learnt
//! for the privacy guard and never kept in the record: a person is held as a hash of the
//! folded name, so that the same pupil signing twice counts once.

use chrono::NaiveDate;
use serde::Serialize;

use super::Field;
use super::header::Header;
use super::records::{self, RowOutcome};
use super::table::{Origin, SheetRow};
use crate::diag::Location;
use crate::framework::Topic;

/// One document in the policy register.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The name as written.
    pub name: String,
    /// What its name says it is about.
    pub topics: Vec<Topic>,
    /// Who owns it, as written.
    pub owner: String,
    /// Who approved it, as written.
    pub approved_by: String,
    /// When it was last reviewed.
    pub last_reviewed: Option<NaiveDate>,
    /// When the next review is due.
    pub next_due: Option<NaiveDate>,
    /// How often the register says it is reviewed, in months, where its next review cell
    /// gives that instead of a date ("Annually"): the next review is then due that long
    /// after the last.
    pub every_months: Option<u32>,
    /// The column its last review was read from: the review date's, or, where the
    /// register gives none, the approval date's.
    #[serde(skip)]
    pub last_from: Field,
    /// Where the register lists it, for findings.
    #[serde(skip)]
    pub place: Option<Location>,
    /// The cells of its review dates, for findings about them.
    #[serde(skip)]
    pub cells: DateCells,
    /// The cell of its name, for a finding that it names a pupil.
    #[serde(skip)]
    pub name_at: Option<Location>,
    /// The review date columns whose cells give no day, and why: placed in
    /// [`DateCells::unread`] once the row's cells are known.
    #[serde(skip)]
    pub unread: Vec<(Field, String)>,
}

/// A cell of the register, with its column's heading as the school typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Where it is: `row 4, column C`, `Policies!C4`.
    pub at: Location,
    /// The column's heading: "Last reviewed", "Date of last review".
    pub heading: String,
    /// The column's letters: `B`.
    pub letters: String,
}

/// The cells of a document's review dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateCells {
    /// The last review's cell.
    pub last_reviewed: Option<Cell>,
    /// The next review's cell.
    pub next_due: Option<Cell>,
    /// The review dates typed that give no day, each with its cell and why
    /// ("`31/02/2026` is not a real date"), so that every output can say so rather than
    /// that the register gives no date.
    pub unread: Vec<(Cell, String)>,
}

impl DateCells {
    /// The cells of row `row` (0-based) of a register with `header`, read from `origin`,
    /// the last review's from the column `last` of the two it may come from.
    pub fn of(
        origin: &Origin,
        header: &Header,
        row: u32,
        last: Field,
        unread: &[(Field, String)],
    ) -> Self {
        let cell = |field: Field| {
            let column = header.columns.iter().find(|c| c.field == Some(field))?;
            let col = header.col(field)?;
            Some(Cell {
                at: origin.cell(row, col),
                heading: column.header.clone(),
                letters: crate::diag::column_letters(col),
            })
        };
        DateCells {
            last_reviewed: cell(last),
            next_due: cell(Field::DocumentNextDue),
            unread: unread
                .iter()
                .filter_map(|(f, why)| Some((cell(*f)?, why.clone())))
                .collect(),
        }
    }
}

/// One row of an acceptable use agreements register: a person, or a count for a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// The group after mapping: `pupils`, `staff`, `governors`, `volunteers`, `parents`, …
    pub group: String,
    /// The group as written ("Year 4", "Teaching staff"), for the breakdown by year.
    pub part: String,
    /// A person's row: a hash of the folded name, never the name.
    #[serde(skip)]
    pub person: Option<u64>,
    /// How many signed (1 or 0 for a person).
    pub signed: usize,
    /// How many are in the group (1 for a person).
    pub of: usize,
    /// When it was signed, or the returns counted.
    pub date: Option<NaiveDate>,
    /// The register records dates, and this count's is blank or cannot be read: its group
    /// still counts, with none signed this school year.
    #[serde(skip)]
    pub date_missing: bool,
}

/// One filtering check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FilteringCheck {
    /// When.
    pub date: NaiveDate,
    /// Whether the result records something that got through.
    pub failed: bool,
    /// Whether the result cannot be read as either (or is blank): not a pass.
    pub unclear: bool,
}

/// One survey.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Survey {
    /// When it ran.
    pub date: NaiveDate,
    /// Who was asked, after mapping: `learners`, `staff`, `parents`, `governors`, or
    /// another group in words (`whole school`); a survey of several groups names each.
    pub groups: Vec<String>,
    /// How many responded, where recorded.
    pub responses: Option<usize>,
}

/// One session for parents, or one communication to them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Engagement {
    /// When.
    pub date: NaiveDate,
    /// A session (rather than a communication).
    pub session: bool,
    /// How many attended, where recorded.
    pub attendance: Option<usize>,
}

/// A date cell that, unreadable, makes a note rather than a skipped row.
fn date_noted(
    row: &SheetRow,
    header: &Header,
    field: Field,
    what: &str,
    notes: &mut Vec<(String, Option<u32>)>,
) -> Option<NaiveDate> {
    match records::date(row, header, field) {
        Ok(d) => d,
        Err(reason) => {
            notes.push((format!("{what}: {reason}"), header.col(field)));
            None
        }
    }
}

/// The outcome for a record with the notes gathered while reading it.
pub(super) fn with_notes<T>(record: T, notes: Vec<(String, Option<u32>)>) -> RowOutcome<T> {
    RowOutcome::with_notes(record, notes)
}

mod agreements;
mod audience;
mod counts;
mod document;
mod engagement;
mod filtering;
mod frequency;
mod groups;
mod logs;
mod next_due;
mod section;
mod signed;
mod standing;
mod title;
mod topic;

pub use agreements::agreement;
pub(crate) use agreements::{NO_GROUP, UNPLACED};
pub(crate) use counts::{PERCENT, TOO_MANY};
use counts::{count, count_word, given_count, not_given, optional_count};
pub use document::{BACKS_NO_CHECK, document, worked_out};
pub use engagement::engagement;
pub use filtering::filtering;
pub(crate) use groups::{Who, class_year, part_key, who};
pub use logs::survey;
pub(crate) use next_due::read_done;
pub use section::SECTION_HEADING;
pub use section::heading as section_heading;
pub(crate) use signed::{GROUP_NONE, NO_COUNT, NOT_SHOWN};
pub use signed::{Pending, Settled, settle};

#[cfg(test)]
mod closed_tests;
#[cfg(test)]
mod next_due_tests;
#[cfg(test)]
mod status_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod unusable_tests;

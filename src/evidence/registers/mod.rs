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
use super::header::{Header, normalise};
use super::records::{self, RowOutcome};
use super::table::{Origin, SheetRow, Value};
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

/// A count column's value: a number, or text such as "28", "28 of 30" or "28/30" (the
/// second number is returned too); `Err` holds the reason for skipping.
pub(super) fn count(
    row: &SheetRow,
    header: &Header,
    field: Field,
) -> Result<Option<(usize, Option<usize>)>, String> {
    let counted = read_count(row, header, field)?;
    if let Some((n, of)) = counted
        && (n > MOST_PEOPLE || of.is_some_and(|of| of > MOST_PEOPLE))
    {
        let typed = header
            .col(field)
            .map(|c| row.get(c).text())
            .unwrap_or_default();
        return Err(format!("`{}` {TOO_MANY}", typed.trim()));
    }
    Ok(counted)
}

/// The most people a count in a school's register can be: more is a figure typed wrongly
/// (a date, a phone number, a key held down), and is not used.
pub(crate) const MOST_PEOPLE: usize = 10_000;

/// How the reason ends for a percentage typed where a number of people belongs.
pub(crate) const PERCENT: &str =
    "is a percentage, not a number of people, so it is not used: give how many (28, or 28 of 30)";

/// How the reason ends for a count of more people than a school has.
pub(crate) const TOO_MANY: &str = "is more people than a school has, so it is not used";

fn read_count(
    row: &SheetRow,
    header: &Header,
    field: Field,
) -> Result<Option<(usize, Option<usize>)>, String> {
    let Some(col) = header.col(field) else {
        return Ok(None);
    };
    match row.get(col) {
        Value::Empty => Ok(None),
        Value::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 1e9 => {
            Ok(Some((*n as usize, None)))
        }
        other => {
            let t = without_thousands_separators(&other.text());
            if t.trim_start().starts_with('-') {
                return Err(format!("`{t}` is not a number"));
            }
            // "95%" is a share of the group, not 95 people: it is not read as a count.
            if t.contains('%') {
                return Err(format!("`{}` {PERCENT}", t.trim()));
            }
            let numbers: Vec<usize> = t
                .split(|c: char| !c.is_ascii_digit())
                .filter(|p| !p.is_empty())
                .filter_map(|p| p.parse().ok())
                .collect();
            match numbers.as_slice() {
                [n] => Ok(Some((*n, None))),
                [n, of] if t.contains('/') || normalise(&t).contains(" of ") => {
                    Ok(Some((*n, Some(*of))))
                }
                _ => Err(format!("`{t}` is not a number")),
            }
        }
    }
}

/// `text` with the commas that separate thousands taken out: "1,204" → "1204",
/// "1,204 of 1,530" → "1204 of 1530". A comma is a separator only between a digit and
/// exactly three more digits; "3,4" is left alone (and is then not one number).
fn without_thousands_separators(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            let separator = *c == ','
                && i > 0
                && digit(i - 1)
                && (1..=3).all(|k| digit(i + k))
                && !digit(i + 4);
            !separator
        })
        .map(|(_, c)| *c)
        .collect()
}

/// What a school writes in a number column to say the number is not known.
const UNKNOWN: &[&str] = &[
    "n/a",
    "na",
    "n.a.",
    "-",
    "–",
    "—",
    "none",
    "unknown",
    "not known",
    "not recorded",
    "?",
    "tbc",
    "nil",
];

/// Whether a number cell says the number is not given: `n/a`, `-`, `none`, `nil`, … .
pub(super) fn not_given(text: &str) -> bool {
    UNKNOWN.contains(&text.trim().to_lowercase().as_str())
}

/// A count column's value where a mark such as `n/a` or `-` is no number at all (`None`),
/// never a count of nought and never a reason to skip the row.
pub(super) fn given_count(
    row: &SheetRow,
    header: &Header,
    field: Field,
) -> Result<Option<(usize, Option<usize>)>, String> {
    match header.col(field) {
        Some(col) if not_given(&row.get(col).text()) => Ok(None),
        _ => count(row, header, field),
    }
}

/// An optional count column's value, where a mark such as `n/a`, `-` or `none` says the
/// number is not known: the row is kept without it, and the note says so.
pub(super) fn optional_count(
    row: &SheetRow,
    header: &Header,
    field: Field,
    what: &str,
    notes: &mut Vec<(String, Option<u32>)>,
) -> Option<usize> {
    let col = header.col(field)?;
    let t = row.get(col).text();
    if not_given(&t) {
        notes.push((
            format!("{what} `{}` taken as not known", t.trim()),
            Some(col),
        ));
        return None;
    }
    match count(row, header, field) {
        Ok(Some((n, _))) => {
            let typed = row.get(col).text();
            if approximate(&typed) {
                notes.push((
                    format!("{what} `{}` is approximate: taken as {n}", typed.trim()),
                    Some(col),
                ));
            }
            Some(n)
        }
        Ok(None) => None,
        Err(reason) if reason.ends_with(TOO_MANY) => {
            notes.push((
                format!("{what} {reason}: the row counts without it"),
                Some(col),
            ));
            None
        }
        // A figure that cannot be a count of people (-5, 12.7, 1e20) is left out, not the
        // row: the session or survey still happened.
        Err(_) => {
            notes.push((
                format!(
                    "{what} `{}` is not a whole number of people: the row counts without it",
                    row.get(col).text().trim()
                ),
                Some(col),
            ));
            None
        }
    }
}

/// Words and marks that say a number is approximate: "about 200", "30+", "c. 40", "~25".
const APPROXIMATE: &[&str] = &[
    "about",
    "approx",
    "approximately",
    "around",
    "roughly",
    "c",
    "ca",
    "circa",
    "est",
    "estimated",
    "over",
    "nearly",
    "almost",
    "under",
    "least",
    "more",
    "less",
    "fewer",
    "plus",
    "odd",
    "ish",
    "some",
];

/// Whether a count as typed says it is approximate.
fn approximate(typed: &str) -> bool {
    typed.contains(['+', '~', '>', '<', '≈'])
        || typed
            .to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .any(|w| APPROXIMATE.contains(&w))
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
pub use document::{document, worked_out};
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

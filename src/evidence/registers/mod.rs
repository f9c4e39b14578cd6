//! Rows of the registers a school keeps beside its training, incident and meeting records:
//! the policy register, acceptable use agreements, filtering checks, surveys and parent
//! engagement, each turned into a record or a reason it was skipped.
//!
//! Only what the metrics need is kept. A pupil's name in an agreements register is learnt
//! for the privacy guard and never kept in the record: a person is held as a hash of the
//! folded name, so that the same pupil signing twice counts once.

use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::Field;
use super::header::{Header, normalise};
use super::mapping::group_for_role;
use super::records::{self, Mappings, NOTE, RowOutcome, is_note, skip, text};
use super::table::{SheetRow, Value};
use crate::diag::Location;
use crate::framework::Topic;
use crate::privacy::Names;

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
    /// Where the register lists it, for findings.
    #[serde(skip)]
    pub place: Option<Location>,
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
}

/// One filtering check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FilteringCheck {
    /// When.
    pub date: NaiveDate,
    /// Whether the result records something that got through.
    pub failed: bool,
}

/// One survey.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Survey {
    /// When it ran.
    pub date: NaiveDate,
    /// Who was asked, after mapping: `learners`, `staff`, `parents`, `governors`, …
    pub group: String,
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
    let Some(col) = header.col(field) else {
        return Ok(None);
    };
    match row.get(col) {
        Value::Empty => Ok(None),
        Value::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 1e9 => {
            Ok(Some((*n as usize, None)))
        }
        other => {
            let t = other.text();
            if t.trim_start().starts_with('-') {
                return Err(format!("`{t}` is not a number"));
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
fn with_notes<T>(record: T, mut notes: Vec<(String, Option<u32>)>) -> RowOutcome<T> {
    if notes.is_empty() {
        return RowOutcome::Used(record);
    }
    let col = notes[0].1;
    let note = notes
        .drain(..)
        .map(|(n, _)| n)
        .collect::<Vec<_>>()
        .join("; ");
    RowOutcome::Noted { record, note, col }
}

/// A review due "September 2026" or "Sep-26" is due by the end of that month, not on its
/// first day: a date typed as a month and a year alone is moved to the month's last day.
fn month_end_if_only_a_month(row: &SheetRow, header: &Header, day: NaiveDate) -> NaiveDate {
    let Some(Value::Text(t)) = header.col(Field::DocumentNextDue).map(|c| row.get(c)) else {
        return day;
    };
    let words = t
        .split([' ', '-', '/', '.'])
        .filter(|w| !w.is_empty())
        .count();
    let has_letters = t.chars().any(char::is_alphabetic);
    if words != 2 || !has_letters || day.day() != 1 {
        return day;
    }
    day.checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(day)
}

/// A row of the policy register. A document whose dates cannot be read is still listed,
/// with a note: dropping it would hide a policy from the review.
pub fn document(row: &SheetRow, header: &Header) -> RowOutcome<Document> {
    if row.is_blank() {
        return RowOutcome::Blank;
    }
    let name = text(row, header, Field::DocumentName);
    if name.is_empty() {
        if is_note(row) {
            return skip(NOTE, None);
        }
        return skip("no document name", header.col(Field::DocumentName));
    }
    let mut notes = Vec::new();
    let last_reviewed = date_noted(
        row,
        header,
        Field::DocumentLastReviewed,
        "last reviewed",
        &mut notes,
    );
    let next_due = date_noted(
        row,
        header,
        Field::DocumentNextDue,
        "next review due",
        &mut notes,
    )
    .map(|d| month_end_if_only_a_month(row, header, d));
    // A footer typed in the name column ("Register checked by the governors: 3 policies")
    // has no dates and nothing else beside it.
    let others = row.cells.iter().filter(|c| !c.is_empty()).count();
    if others == 1 && last_reviewed.is_none() && next_due.is_none() && is_note(row) {
        return skip(NOTE, None);
    }
    let notes = notes
        .into_iter()
        .map(|(n, c)| (format!("{name}: {n}; its review is not tracked"), c))
        .collect();
    let record = Document {
        topics: Topic::of(&name),
        owner: text(row, header, Field::DocumentOwner),
        approved_by: text(row, header, Field::DocumentApprovedBy),
        name,
        last_reviewed,
        next_due,
        place: None,
    };
    with_notes(record, notes)
}

/// Words of a group that say it is pupils: a year group, a class, a key stage.
pub(super) const PUPIL_WORDS: &[&str] = &[
    "pupil",
    "pupils",
    "learner",
    "learners",
    "student",
    "students",
    "children",
    "child",
    "year",
    "yr",
    "reception",
    "nursery",
    "class",
    "form",
    "ks1",
    "ks2",
    "ks3",
    "ks4",
    "ks5",
    "key",
    "eyfs",
    "sixth",
    "foundation",
    "infants",
    "juniors",
];

/// Words of a group that say it is adults: staff by their roles, governors, volunteers,
/// visitors.
const ADULT_WORDS: &[&str] = &[
    "staff",
    "teacher",
    "teachers",
    "teaching",
    "ta",
    "tas",
    "assistant",
    "assistants",
    "support",
    "governor",
    "governors",
    "trustee",
    "trustees",
    "volunteer",
    "volunteers",
    "visitor",
    "visitors",
    "contractor",
    "contractors",
    "admin",
    "administration",
    "office",
    "head",
    "headteacher",
    "deputy",
    "senco",
    "dsl",
    "technician",
    "caretaker",
    "site",
    "lunchtime",
    "midday",
    "cleaner",
    "cleaners",
    "supply",
    "leader",
    "leaders",
    "leadership",
    "slt",
    "business",
    "manager",
    "employee",
    "employees",
    "adults",
];

/// Whether a group, normalised, is learners: a year, class or key stage, or the groups
/// learners serve in ("Digital leaders", "School council").
pub(super) fn is_learners(n: &str) -> bool {
    n.split(' ')
        .any(|w| PUPIL_WORDS.contains(&w) || year_code(w))
        || [
            "digital leader",
            "school council",
            "pupil voice",
            "learner voice",
            "student voice",
            "prefect",
        ]
        .iter()
        .any(|p| n.contains(p))
}

/// Whether a word is a year group's code: `y4`, `y10`.
fn year_code(w: &str) -> bool {
    (2..=3).contains(&w.len()) && w.starts_with('y') && w[1..].chars().all(|c| c.is_ascii_digit())
}

/// The group an agreement counts in: the school's role mapping first; then pupils by
/// year, class or key stage, parents, and adults in the groups their roles fall into. A
/// group that says neither ("Oak", "6B": classes named as schools name them) counts as
/// pupils, so that the names on its rows are kept out of everything the tool writes.
fn agreement_group(part: &str, maps: &Mappings) -> String {
    let n = normalise(part);
    if maps.roles.keys().any(|k| normalise(k) == n) {
        return group_for_role(part, &maps.roles);
    }
    let words: Vec<&str> = n.split(' ').collect();
    if is_learners(&n) {
        "pupils".into()
    } else if words
        .iter()
        .any(|w| w.starts_with("parent") || w.starts_with("carer"))
    {
        "parents".into()
    } else if words.iter().any(|w| ADULT_WORDS.contains(w)) {
        group_for_role(part, &maps.roles)
    } else {
        "pupils".into()
    }
}

fn person_key(name: &str) -> u64 {
    let mut h = DefaultHasher::new();
    crate::privacy::fold::words(name, true).hash(&mut h);
    h.finish()
}

/// A row of an agreements register. A pupil's name is learnt into `private` and never
/// kept; a row is a person when it names one and gives no count.
pub fn agreement(
    row: &SheetRow,
    header: &Header,
    maps: &Mappings,
    private: &mut Names,
) -> RowOutcome<Agreement> {
    if row.is_blank() {
        return RowOutcome::Blank;
    }
    let part = text(row, header, Field::AgreementGroup);
    let group = agreement_group(&part, maps);
    if group == "pupils" || part.is_empty() {
        records::learn_names(row, header, private);
    }
    if is_note(row) {
        return skip(NOTE, None);
    }
    if part.is_empty() {
        return skip("no group", header.col(Field::AgreementGroup));
    }
    let date = match records::date(row, header, Field::AgreementDate) {
        Ok(d) => d,
        Err(reason) => return skip(reason, header.col(Field::AgreementDate)),
    };
    let signed = match count(row, header, Field::AgreementSigned) {
        Ok(c) => c,
        Err(reason) => return skip(reason, header.col(Field::AgreementSigned)),
    };
    let of = match count(row, header, Field::AgreementOf) {
        Ok(c) => c.map(|(n, _)| n),
        Err(reason) => return skip(reason, header.col(Field::AgreementOf)),
    };
    let read = Read {
        group,
        part,
        person: text(row, header, Field::AgreementPerson),
        signed,
        of,
        date,
        dates_recorded: header.col(Field::AgreementDate).is_some(),
    };
    match read.record() {
        Ok(record) => RowOutcome::Used(record),
        Err((reason, field)) => skip(reason, header.col(field)),
    }
}

/// What a row of an agreements register gives, before it is judged a person, a count or
/// neither.
struct Read {
    group: String,
    part: String,
    person: String,
    signed: Option<(usize, Option<usize>)>,
    of: Option<usize>,
    date: Option<NaiveDate>,
    /// Whether the register has a column of dates signed at all: with none, the source is
    /// named once as not recording dates rather than every count skipped.
    dates_recorded: bool,
}

impl Read {
    /// The record, or why the row is skipped and the column at fault.
    fn record(self) -> Result<Agreement, (String, Field)> {
        let Read {
            group,
            part,
            person,
            signed,
            of,
            date,
            dates_recorded,
        } = self;
        match (signed, of) {
            (None, None) if !person.is_empty() => Ok(Agreement {
                group,
                part,
                person: Some(person_key(&person)),
                signed: usize::from(date.is_some()),
                of: 1,
                date,
            }),
            (None, None) => Err((
                "no name and no count of who signed".into(),
                Field::AgreementSigned,
            )),
            (Some((n, of_in_cell)), of) => match of.or(of_in_cell) {
                Some(of) if n <= of && (date.is_some() || !dates_recorded) => Ok(Agreement {
                    group,
                    part,
                    person: None,
                    signed: n,
                    of,
                    date,
                }),
                Some(_) if date.is_none() => {
                    Err(("a count with no date signed".into(), Field::AgreementDate))
                }
                Some(of) => Err((
                    format!("{n} signed out of {of}: more signed than are in the group"),
                    Field::AgreementSigned,
                )),
                None => Err((
                    "a count of who signed with no number in the group (Out of)".into(),
                    Field::AgreementOf,
                )),
            },
            (None, Some(_)) => Err((
                "a number in the group but no count of who signed".into(),
                Field::AgreementSigned,
            )),
        }
    }
}

mod logs;

pub use logs::{engagement, filtering, survey};

#[cfg(test)]
mod tests;

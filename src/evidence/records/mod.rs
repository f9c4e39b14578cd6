//! Turning one row of a school's spreadsheet into a record, or a reason it was skipped.
//!
//! Names of people an incident concerns, and of the pupils on a pupil list, are kept only in
//! [`Names`], which never prints them, never serialises, and exists so that nothing the
//! tool writes can hold them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Field;
use super::header::Header;
use super::mapping::CategoryMapper;
use super::table::{SheetRow, Value};
use crate::dates;
use crate::privacy::{Names, Person};

mod doubt;
mod meeting;
mod training;
pub use meeting::meeting;
pub use training::training;

/// One person's training, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Training {
    /// The name as written.
    pub person: String,
    /// The name folded for matching rows about the same person.
    #[serde(skip)]
    pub key: String,
    /// The role as written.
    pub role: String,
    /// The group the person counts in (`staff`, `governors`, …).
    pub group: String,
    /// The course.
    pub course: String,
    /// When it was completed; `None` for someone listed without training.
    pub date: Option<NaiveDate>,
    /// When a refresher is due.
    pub next_due: Option<NaiveDate>,
}

/// One incident: only what reports may show (dates and categories, never who or what).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incident {
    /// When.
    pub date: NaiveDate,
    /// Categories after mapping.
    pub categories: Vec<String>,
    /// The action taken is recorded.
    pub actioned: bool,
    /// Recorded as closed or resolved.
    pub closed: bool,
}

/// One meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    /// When.
    pub date: NaiveDate,
    /// The group after mapping (`online-safety-group`, `governors`, …).
    pub group: String,
    /// The group in people's words, as reports show it: "Online safety group", or the
    /// school's own name for it ("DSL/OSL catch-up").
    pub name: String,
    /// How many people attended, where recorded.
    pub attendees: usize,
    /// The items, folded for topic searches.
    #[serde(skip)]
    pub items: String,
}

/// What became of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome<T> {
    /// Nothing in it.
    Blank,
    /// Used.
    Used(T),
    /// Used, with something the school should know about how it was read, naming the
    /// column concerned (a training row whose date cannot be read counts as not trained).
    Noted {
        /// The record.
        record: T,
        /// What to know, in words.
        note: String,
        /// The column concerned.
        col: Option<u32>,
    },
    /// Not used, with the reason, naming the column where one is at fault.
    Skipped {
        /// The reason in words.
        reason: String,
        /// The column at fault, if one is.
        col: Option<u32>,
    },
}

impl<T> RowOutcome<T> {
    /// The outcome for a record with the notes gathered while reading it: used, or used
    /// with the notes joined, naming the first note's column.
    pub(crate) fn with_notes(record: T, notes: Vec<(String, Option<u32>)>) -> Self {
        let Some(&(_, col)) = notes.first() else {
            return RowOutcome::Used(record);
        };
        let note = notes
            .into_iter()
            .map(|(n, _)| n)
            .collect::<Vec<_>>()
            .join("; ");
        RowOutcome::Noted { record, note, col }
    }
}

pub(super) fn skip<T>(reason: impl Into<String>, col: Option<u32>) -> RowOutcome<T> {
    RowOutcome::Skipped {
        reason: reason.into(),
        col,
    }
}

/// The school's mappings for one source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mappings {
    /// Categories as written → as reported.
    pub categories: BTreeMap<String, String>,
    /// Roles → groups.
    pub roles: BTreeMap<String, String>,
    /// Meeting names → groups.
    pub groups: BTreeMap<String, String>,
}

/// The cell of `field` as text; for a field read from several columns (a status beside a
/// progress column, notes beside comments), every one that is not blank, joined by
/// semicolons so each is read as a clause of its own.
pub(super) fn text(row: &SheetRow, header: &Header, field: Field) -> String {
    if !field.gathers() {
        return header
            .col(field)
            .map(|c| row.get(c).text())
            .unwrap_or_default();
    }
    texts(row, header, field).join("; ")
}

/// Each column's cell of `field` that is not blank, as text.
pub(crate) fn texts(row: &SheetRow, header: &Header, field: Field) -> Vec<String> {
    header
        .cols(field)
        .map(|c| row.get(c).text())
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// A cell as text without copying it when it already is text: the hot path of big logs.
fn text_ref<'r>(row: &'r SheetRow, header: &Header, field: Field) -> std::borrow::Cow<'r, str> {
    match header.col(field).map(|c| row.get(c)) {
        Some(Value::Text(t)) => std::borrow::Cow::Borrowed(t.as_str()),
        Some(other) => std::borrow::Cow::Owned(other.text()),
        None => std::borrow::Cow::Borrowed(""),
    }
}

/// Whether `text`, ignoring case, spaces and punctuation at its ends, is one of `words`.
pub(super) fn is_one_of(text: &str, words: &[&str]) -> bool {
    let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let t = if plain(text.as_bytes().first()) && plain(text.as_bytes().last()) {
        text
    } else {
        text.trim_matches(|c: char| !c.is_alphanumeric())
    };
    words.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// A date column's value; `Err` holds the reason for skipping.
pub(super) fn date(
    row: &SheetRow,
    header: &Header,
    field: Field,
) -> Result<Option<NaiveDate>, String> {
    let Some(col) = header.col(field) else {
        return Ok(None);
    };
    match row.get(col) {
        Value::Empty => Ok(None),
        Value::Date(d) => Ok(Some(*d)),
        Value::DateTime(t) => Ok(Some(t.date())),
        Value::Number(n) => dates::from_serial(*n).map(Some).ok_or_else(|| {
            let typed = Value::Number(*n).text();
            let shown = if typed.len() > 15 {
                format!("{n:e}")
            } else {
                typed
            };
            format!("the number {shown} in the date column is not a date")
        }),
        other => {
            let t = match other {
                Value::Text(t) => std::borrow::Cow::Borrowed(t.as_str()),
                other => std::borrow::Cow::Owned(other.text()),
            };
            dates::parse(&t)
                .map(Some)
                // Only a cell that reads as a date is quoted: any other words there may
                // name someone.
                .map_err(|e| format!("{} {}", dates::quoted(&t), e.describe()))
        }
    }
}

/// Whether a cell heads a footer that adds up the rows above it: "Total", "Totals",
/// "Grand total", "Sub-total", "Subtotal", alone or followed by what they add up ("Total
/// staff", "Totals: 28").
pub(super) fn is_total(text: &str) -> bool {
    let n = crate::text::normalise(text);
    let mut words = n.split(' ');
    match words.next() {
        Some("total" | "totals" | "subtotal" | "subtotals") => true,
        Some("grand" | "sub") => matches!(words.next(), Some("total" | "totals")),
        _ => false,
    }
}

/// A row with one cell of text that reads like a sentence or a total ("Total staff: 8",
/// "Log reviewed termly by the group", "Total") is a note or footer, not a record. A lone
/// name is not.
pub(super) fn is_note(row: &SheetRow) -> bool {
    let mut filled = row.cells.iter().filter(|c| !c.is_empty());
    let (Some(Value::Text(t)), None) = (filled.next(), filled.next()) else {
        return false;
    };
    dates::parse(t).is_err()
        && (t.contains(':')
            || t.chars().any(|c| c.is_ascii_digit())
            || t.split_whitespace().count() > 4
            || is_total(t))
}

pub(super) const NOTE: &str = "a note or footer row";

/// The start every incident and meeting row shares: blank rows and notes pass, and the row
/// needs a readable date in the `field` column.
pub(super) fn dated<T>(
    row: &SheetRow,
    header: &Header,
    field: Field,
) -> Result<NaiveDate, RowOutcome<T>> {
    if row.is_blank() {
        return Err(RowOutcome::Blank);
    }
    if is_note(row) {
        return Err(skip(NOTE, None));
    }
    match date(row, header, field) {
        Ok(Some(d)) => Ok(d),
        // A row of totals under a log ("Grand total", "Total sessions: 4") is a footer,
        // whatever its other cells add up.
        _ if is_totals(row) => Err(skip(NOTE, None)),
        Ok(None) => Err(skip("no date", header.col(field))),
        Err(reason) => Err(skip(reason, header.col(field))),
    }
}

/// Whether a row's first cell that holds text says it is a row of totals.
fn is_totals(row: &SheetRow) -> bool {
    row.cells
        .iter()
        .find_map(|c| match c {
            Value::Text(t) if !t.trim().is_empty() => Some(t),
            _ => None,
        })
        .is_some_and(|t| is_total(t))
}

/// Whether the records read `field`; columns of other fields need not be decoded.
pub fn reads(field: Field) -> bool {
    use Field::*;
    match field {
        TrainingPerson | TrainingRole | TrainingGroup | TrainingCourse | TrainingDate
        | TrainingNextDue | TrainingStatus | TrainingNotes => true,
        TrainingProvider | TrainingCertificate => false,
        IncidentPerson | IncidentDate | IncidentCategory | IncidentAction | IncidentStatus => true,
        IncidentTime | IncidentYearGroup | IncidentDescription | IncidentActionBy
        | IncidentReportedBy => false,
        MeetingDate | MeetingGroup | MeetingAttendees | MeetingItems | MeetingStatus
        | MeetingNotes => true,
        MeetingApologies | MeetingActionsAgreed | MeetingActionsCompleted => false,
        PupilName | PupilForename | PupilPreferredForename | PupilSurname | PupilLegalSurname => {
            true
        }
        DocumentName | DocumentOwner | DocumentApprovedBy | DocumentLastReviewed
        | DocumentNextDue | DocumentApprovedOn | DocumentFrequency | DocumentStatus
        | DocumentNotes => true,
        DocumentKept => false,
        AgreementGroup | AgreementPerson | AgreementSigned | AgreementOf | AgreementDate
        | AgreementStatus => true,
        FilteringDate | FilteringResult | FilteringStatus => true,
        FilteringTested | FilteringBy | FilteringAction => false,
        SurveyDate | SurveyGroup | SurveyResponses | SurveyTitle | SurveyStatus => true,
        SurveyFindings => false,
        EngagementDate | EngagementType | EngagementTitle | EngagementAttendance
        | EngagementStatus | EngagementNotes | EngagementAudience => true,
    }
}

/// An incident row; names of the people concerned go into `private`.
pub fn incident(
    row: &SheetRow,
    header: &Header,
    mapper: &mut CategoryMapper,
    private: &mut Names,
    unmapped: &mut BTreeMap<String, usize>,
) -> RowOutcome<Incident> {
    if row.is_blank() {
        return RowOutcome::Blank;
    }
    learn_names(row, header, private);
    let date = match dated(row, header, Field::IncidentDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    let categories = mapper.map(&text_ref(row, header, Field::IncidentCategory), unmapped);
    let action = text_ref(row, header, Field::IncidentAction);
    let actioned = !action.trim().is_empty()
        && !is_one_of(
            &action,
            &["none", "n/a", "na", "tbc", "pending", "no action"],
        );
    let closed = is_one_of(
        &text_ref(row, header, Field::IncidentStatus),
        &[
            "closed",
            "resolved",
            "complete",
            "completed",
            "done",
            "finished",
        ],
    );
    RowOutcome::Used(Incident {
        date,
        categories,
        actioned,
        closed,
    })
}

/// Learns the names in a row's person columns; returns how many people it named.
pub fn learn_names(row: &SheetRow, header: &Header, names: &mut Names) -> usize {
    let texts = |cols: &[u32]| -> Vec<String> {
        cols.iter()
            .map(|c| row.get(*c).text())
            .filter(|t| !t.trim().is_empty())
            .collect()
    };
    let people = &header.people;
    let forenames = texts(&people.forenames);
    let surnames = texts(&people.surnames);
    let mut held = 0;
    if !forenames.is_empty() || !surnames.is_empty() {
        let person = Person {
            forenames: forenames.iter().map(String::as_str).collect(),
            surnames: surnames.iter().map(String::as_str).collect(),
            whole: Vec::new(),
        };
        held += usize::from(names.add_person(&person));
    }
    for c in &people.whole {
        let cell = match row.get(*c) {
            Value::Text(t) => std::borrow::Cow::Borrowed(t.as_str()),
            other => std::borrow::Cow::Owned(other.text()),
        };
        if !cell.trim().is_empty() {
            held += names.add_cell(&cell);
        }
    }
    held
}

/// A pupil list's row: the names are learnt, nothing else is kept.
pub fn pupil(row: &SheetRow, header: &Header, names: &mut Names) -> RowOutcome<()> {
    if row.is_blank() {
        return RowOutcome::Blank;
    }
    if let Some(why) = shifted(row, header) {
        return skip(why, None);
    }
    if learn_names(row, header, names) == 0 {
        return skip("no name that could be read", None);
    }
    RowOutcome::Used(())
}

/// Why a pupil list's row looks shifted out of its columns, so that its name parts may
/// stand under the wrong headings ("Adeyemi" under Year): text in a cell with no heading
/// above it, or a blank (first) forename with text to its right.
fn shifted(row: &SheetRow, header: &Header) -> Option<&'static str> {
    let headed = |i: usize| header.columns.iter().any(|c| c.index as usize == i);
    if (0..row.cells.len()).any(|i| !row.cells[i].is_empty() && !headed(i)) {
        return Some(
            "text in a cell with no heading above it, so the row may be shifted out of its columns",
        );
    }
    let first = header.people.forenames.iter().min()?;
    let blank = row.get(*first).is_empty();
    let right = row
        .cells
        .iter()
        .skip(*first as usize + 1)
        .any(|c| !c.is_empty());
    (blank && right).then_some(
        "its forename is blank but cells to its right hold text, so the row may be shifted out of its columns",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_person_column_is_learnt() {
        let texts: Vec<String> = [
            "Date",
            "Child's name",
            "Pupil(s) involved",
            "Reported by",
            "Details",
            "Concern for",
            "Name (year)",
            "Year group",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let rows = vec![
            SheetRow {
                index: 0,
                cells: texts.iter().map(|t| Value::from_text(t)).collect(),
            },
            SheetRow {
                index: 1,
                cells: [
                    "01/02/2026",
                    "Ömer Yılmaz (Y6)",
                    "Amy Lee / Ben Hart",
                    "Mrs Green",
                    "Jo said",
                    "Siobhán O'Neill",
                    "Several pupils in Y5",
                    "Year 6",
                ]
                .iter()
                .map(|t| Value::from_text(t))
                .collect(),
            },
        ];
        let header = super::super::header::detect(
            super::super::Kind::Incidents,
            &rows,
            &super::super::ColumnMap::default(),
        )
        .expect("a header");
        let mut names = Names::default();
        assert_eq!(learn_names(&rows[1], &header, &mut names), 4);
        assert!(names.found_in("OMER YILMAZ") && names.found_in("Hart, Ben"));
        assert!(names.found_in("Siobhan ONeill"));
        assert!(!names.found_in("Mrs Green"));
        assert!(!names.found_in("several pupils in the class"));
    }
}

//! Rows of the logs of surveys and parent engagement: a date, and what
//! the figures need of the rest of the row.

use super::{Engagement, Survey, is_learners, optional_count, with_notes};
use crate::evidence::Field;
use crate::evidence::header::{Header, normalise};
use crate::evidence::records::{RowOutcome, dated, skip, text};
use crate::evidence::table::SheetRow;

/// Who one part of a survey's "who was asked" cell names: learners by any of their names,
/// staff, parents, governors; `None` for anyone else. Only the words before "of", "for" or
/// "in" say who ("Parents of Year 6" asked parents).
fn named_group(part: &str) -> Option<&'static str> {
    let n = normalise(part);
    let head = n
        .split(" of ")
        .next()
        .and_then(|h| h.split(" for ").next())
        .and_then(|h| h.split(" in ").next())
        .unwrap_or(&n);
    let words: Vec<&str> = head.split(' ').collect();
    let any = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if is_learners(head) {
        Some("learners")
    } else if words
        .iter()
        .any(|w| w.starts_with("parent") || w.starts_with("carer") || *w == "families")
    {
        Some("parents")
    } else if any(&["governor", "governors", "trustees", "trustee"]) {
        Some("governors")
    } else if any(&["staff", "teachers", "teacher", "employees", "colleagues"]) {
        Some("staff")
    } else {
        None
    }
}

/// Every group a survey asked, after mapping: a cell naming several ("Staff & governors",
/// "Parents and pupils") gives each, so the survey counts for each; a group that is none
/// of learners, staff, parents and governors is kept in words ("whole school").
pub(super) fn survey_groups(text: &str) -> Vec<String> {
    let spaced = format!(" {} ", text.to_lowercase());
    let mut groups: Vec<String> = Vec::new();
    for part in spaced
        .split(['&', '+', ';'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" or "))
        .filter(|p| !normalise(p).is_empty())
    {
        // "Staff/governors" is two groups, "Years 5/6" and "Parents/carers" one.
        let pieces: Option<Vec<&str>> = part.split([',', '/']).map(named_group).collect();
        let found = match (pieces, named_group(part)) {
            (Some(pieces), _) => pieces.into_iter().map(str::to_string).collect(),
            (None, Some(one)) => vec![one.to_string()],
            (None, None) => vec![normalise(part)],
        };
        for group in found {
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
    }
    if groups.is_empty() {
        groups.push(normalise(text));
    }
    groups
}

/// A row of the surveys log.
pub fn survey(row: &SheetRow, header: &Header) -> RowOutcome<Survey> {
    let date = match dated(row, header, Field::SurveyDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    let group = text(row, header, Field::SurveyGroup);
    if group.is_empty() {
        return skip("no group asked", header.col(Field::SurveyGroup));
    }
    let mut notes = Vec::new();
    let responses = optional_count(row, header, Field::SurveyResponses, "responses", &mut notes);
    let survey = Survey {
        date,
        groups: survey_groups(&group),
        responses,
    };
    with_notes(survey, notes)
}

/// Words that say a parent engagement row is a session rather than a communication.
const SESSION_WORDS: &[&str] = &[
    "session",
    "sessions",
    "workshop",
    "workshops",
    "evening",
    "meeting",
    "event",
    "talk",
    "morning",
    "afternoon",
    "assembly",
    "drop",
    "webinar",
    "training",
    "course",
    "class",
    "cafe",
    "coffee",
    "presentation",
    "open",
    "forum",
    "consultation",
    "surgery",
];

/// Words that say a session or communication did not take place.
const CANCELLED: &[&str] = &[
    "cancelled",
    "canceled",
    "cancelled due",
    "postponed",
    "did not run",
    "didn t run",
    "did not go ahead",
    "didn t go ahead",
    "did not happen",
    "not held",
    "not run",
    "called off",
    "rescheduled",
    "abandoned",
    "not sent",
];

/// The cell of a parent engagement row (type, what, attendance) saying it did not take
/// place, with its field, if any does.
fn cancelled(row: &SheetRow, header: &Header) -> Option<(Field, String)> {
    [
        Field::EngagementType,
        Field::EngagementTitle,
        Field::EngagementAttendance,
    ]
    .into_iter()
    .map(|f| (f, text(row, header, f)))
    .find(|(_, typed)| {
        let padded = format!(" {} ", normalise(typed));
        CANCELLED.iter().any(|w| padded.contains(&format!(" {w} ")))
    })
}

/// A row of the parent engagement log: a session when its type says so or attendance is
/// recorded, otherwise a communication. One that says it was cancelled, postponed or did
/// not run is skipped with that reason; a session attended by nobody is kept with a note,
/// and the figures do not count it as a session parents attended.
pub fn engagement(row: &SheetRow, header: &Header) -> RowOutcome<Engagement> {
    let date = match dated(row, header, Field::EngagementDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    if let Some((field, typed)) = cancelled(row, header) {
        return skip(
            format!("`{}` says it did not take place; not counted", typed.trim()),
            header.col(field),
        );
    }
    let mut notes = Vec::new();
    let attendance = optional_count(
        row,
        header,
        Field::EngagementAttendance,
        "attendance",
        &mut notes,
    );
    let kind = normalise(&text(row, header, Field::EngagementType));
    let title = normalise(&text(row, header, Field::EngagementTitle));
    let says = |t: &str| t.split(' ').any(|w| SESSION_WORDS.contains(&w));
    let session = if kind.is_empty() {
        attendance.is_some() || says(&title)
    } else {
        says(&kind)
            || (attendance.is_some() && !kind.contains("letter") && !kind.contains("newsletter"))
    };
    if session && attendance == Some(0) {
        notes.push((
            "attended by nobody: not counted as a session parents attended".to_string(),
            header.col(Field::EngagementAttendance),
        ));
    }
    let engagement = Engagement {
        date,
        session,
        attendance,
    };
    with_notes(engagement, notes)
}

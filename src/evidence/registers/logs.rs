//! Rows of the logs of filtering checks, surveys and parent engagement: a date, and what
//! the figures need of the rest of the row.

use super::{Engagement, FilteringCheck, Survey, is_learners, optional_count, with_notes};
use crate::evidence::Field;
use crate::evidence::header::{Header, normalise};
use crate::evidence::mapping::slug;
use crate::evidence::records::{RowOutcome, dated, is_one_of, skip, text};
use crate::evidence::table::SheetRow;

/// A row of the filtering checks log.
pub fn filtering(row: &SheetRow, header: &Header) -> RowOutcome<FilteringCheck> {
    let date = match dated(row, header, Field::FilteringDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    let result = normalise(&text(row, header, Field::FilteringResult));
    let padded = format!(" {result} ");
    let failed = [
        " fail ",
        " failed ",
        " not blocked ",
        " unblocked ",
        " accessible ",
        " allowed ",
        " got through ",
        " issue ",
        " problem ",
        " breach ",
    ]
    .iter()
    .any(|w| padded.contains(w))
        || is_one_of(&result, &["no", "x"]);
    RowOutcome::Used(FilteringCheck { date, failed })
}

/// Who a survey asked, after mapping: learners by any of their names, staff, parents,
/// governors, else the group as written.
pub(super) fn survey_group(text: &str) -> String {
    let n = normalise(text);
    let words: Vec<&str> = n.split(' ').collect();
    let any = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if is_learners(&n) {
        "learners".into()
    } else if words
        .iter()
        .any(|w| w.starts_with("parent") || w.starts_with("carer") || *w == "families")
    {
        "parents".into()
    } else if any(&["governor", "governors", "trustees", "trustee"]) {
        "governors".into()
    } else if any(&["staff", "teachers", "teacher", "employees", "colleagues"]) {
        "staff".into()
    } else {
        slug(text)
    }
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
    let responses =
        match optional_count(row, header, Field::SurveyResponses, "responses", &mut notes) {
            Ok(c) => c,
            Err(reason) => return skip(reason, header.col(Field::SurveyResponses)),
        };
    let survey = Survey {
        date,
        group: survey_group(&group),
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

/// A row of the parent engagement log: a session when its type says so or attendance is
/// recorded, otherwise a communication.
pub fn engagement(row: &SheetRow, header: &Header) -> RowOutcome<Engagement> {
    let date = match dated(row, header, Field::EngagementDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    let mut notes = Vec::new();
    let attendance = match optional_count(
        row,
        header,
        Field::EngagementAttendance,
        "attendance",
        &mut notes,
    ) {
        Ok(c) => c,
        Err(reason) => return skip(reason, header.col(Field::EngagementAttendance)),
    };
    let kind = normalise(&text(row, header, Field::EngagementType));
    let title = normalise(&text(row, header, Field::EngagementTitle));
    let says = |t: &str| t.split(' ').any(|w| SESSION_WORDS.contains(&w));
    let session = if kind.is_empty() {
        attendance.is_some() || says(&title)
    } else {
        says(&kind)
            || (attendance.is_some() && !kind.contains("letter") && !kind.contains("newsletter"))
    };
    let engagement = Engagement {
        date,
        session,
        attendance,
    };
    with_notes(engagement, notes)
}

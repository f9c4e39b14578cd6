//! Rows of the logs of surveys and parent engagement: a date, and what
//! the figures need of the rest of the row.

use super::{Survey, Who, not_given, optional_count, who, with_notes};
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
    // The word for who answered decides over the year beside it: "Y6 parents" are
    // parents, "Year 6 teachers" staff.
    match who(head)? {
        Who::Learners => Some("learners"),
        Who::Parents => Some("parents"),
        Who::Governors => Some("governors"),
        Who::Staff => Some("staff"),
        Who::Volunteers => None,
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
    // `n/a`, `-`, `?`: who was asked is not known; the survey counts as a survey of no
    // group in particular.
    let groups = if not_given(&group) {
        Vec::new()
    } else {
        survey_groups(&group)
    };
    if groups.is_empty() {
        notes.push((
            format!("who was asked `{}` taken as not known", group.trim()),
            header.col(Field::SurveyGroup),
        ));
    }
    let responses = optional_count(row, header, Field::SurveyResponses, "responses", &mut notes);
    let survey = Survey {
        date,
        groups,
        responses,
    };
    with_notes(survey, notes)
}

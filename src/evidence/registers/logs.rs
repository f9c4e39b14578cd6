//! Rows of the logs of surveys and parent engagement: a date, and what
//! the figures need of the rest of the row.

use super::{Survey, Who, not_given, optional_count, who, with_notes};
use crate::evidence::Field;
use crate::evidence::header::{Header, normalise};
use crate::evidence::records::{RowOutcome, dated, skip, text};
use crate::evidence::status::{self, Standing};
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
    // parents, "Year 6 teachers" staff. Words before "of" that name no one ("asked of
    // Year 6 parents") leave it to the rest.
    match who(head).or_else(|| who(&n))? {
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

/// Words for pupils themselves, as against a year or class named alone.
const PUPILS: &[&str] = &[
    "pupil", "pupils", "learner", "learners", "student", "students", "child", "children",
];

/// Who a survey asked, from its "who was asked" cell and its title (with the column's
/// heading): a year or class named alone ("Year 6") in a parent questionnaire is the
/// parents of that year, so a title or heading that names parents, carers or families
/// makes it a survey of parents (and of pupils too when it names both).
fn asked(group: &str, title: &str) -> Vec<String> {
    let groups = survey_groups(group);
    let words = |t: &str| -> Vec<String> { normalise(t).split(' ').map(str::to_string).collect() };
    let names_pupils = |t: &str| words(t).iter().any(|w| PUPILS.contains(&w.as_str()));
    let year_alone = groups == ["learners"] && !names_pupils(group);
    if !year_alone || who(title) != Some(Who::Parents) {
        return groups;
    }
    if names_pupils(title) {
        vec!["learners".to_string(), "parents".to_string()]
    } else {
        vec!["parents".to_string()]
    }
}

/// Words that open a responses cell saying nobody answered ("0 returned", "none", "nil",
/// "no responses", "nobody").
const NO_ONE: &[&str] = &[
    "0", "00", "zero", "none", "nil", "nobody", "noone", "nought", "no",
];

/// Words that may follow such an opening without changing it ("no one replied", "0 forms
/// returned", "none back yet").
const NO_ONE_AFTER: &[&str] = &[
    "one",
    "responses",
    "response",
    "responded",
    "replies",
    "reply",
    "replied",
    "returned",
    "returns",
    "received",
    "back",
    "yet",
    "answers",
    "answered",
    "forms",
    "form",
    "completed",
    "submitted",
    "so",
    "far",
    "at",
    "all",
    "in",
];

/// Whether a responses cell says nobody answered: a word for none first, and nothing after
/// it but words about responses ("0 returned", "nil", "no responses received"). "No" alone
/// opens only with words after it ("no replies"), so it is never read as a bare answer.
fn nobody_answered(cell: &str) -> bool {
    let words = normalise(cell);
    let mut words = words.split(' ').filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    let rest: Vec<&str> = words.collect();
    NO_ONE.contains(&first)
        && (first != "no" || !rest.is_empty())
        && rest.iter().all(|w| NO_ONE_AFTER.contains(w))
}

/// The cell of a survey's row (status, title, who was asked, responses) saying it did not
/// run, has not yet, or is not valid, with what it says and its column: a Status column
/// from the head of its clauses, the others where the words stand for the row
/// ([`status::said_of`]), so that "Survey on the planned phone ban" ran.
fn not_run(row: &SheetRow, header: &Header) -> Option<status::Said> {
    if let Some(said) = status::column(row, header, Field::SurveyStatus) {
        return Some(said);
    }
    [
        Field::SurveyTitle,
        Field::SurveyGroup,
        Field::SurveyResponses,
    ]
    .into_iter()
    .find_map(|f| {
        let said = status::other(row, header, f, Standing::NOT_HELD)?;
        // "TBC" among the responses is a number not known.
        let confirming =
            f == Field::SurveyResponses && ["tbc", "tba"].contains(&said.words.as_str());
        (!confirming).then_some(said)
    })
}

/// A row of the surveys log. One whose status or words say it did not run, or has not yet
/// ("Cancelled", "Planned", "Draft", "not yet run"), and one nobody answered, are skipped
/// with the reason: neither is a survey done.
pub fn survey(row: &SheetRow, header: &Header) -> RowOutcome<Survey> {
    let date = match dated(row, header, Field::SurveyDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    if let Some(said) = not_run(row, header) {
        return skip(status::reason(&said.quote(), said.standing), said.col);
    }
    let group = text(row, header, Field::SurveyGroup);
    if group.is_empty() {
        return skip("no group asked", header.col(Field::SurveyGroup));
    }
    if nobody_answered(&text(row, header, Field::SurveyResponses)) {
        return skip(
            "nobody responded, so it is not counted as a survey done",
            header.col(Field::SurveyResponses),
        );
    }
    let mut notes = Vec::new();
    // `n/a`, `-`, `?`: who was asked is not known; the survey counts as a survey of no
    // group in particular.
    let groups = if not_given(&group) {
        Vec::new()
    } else {
        // The column's own heading may say whose year it names ("Parents' year group").
        let heading = header
            .columns
            .iter()
            .find(|c| c.field == Some(Field::SurveyGroup))
            .map_or("", |c| c.header.as_str());
        let about = format!("{} {heading}", text(row, header, Field::SurveyTitle));
        asked(&group, &about)
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

#[cfg(test)]
mod tests {
    use super::nobody_answered;

    #[test]
    fn a_responses_cell_saying_nobody_answered_is_read_so_in_its_many_wordings() {
        for none in [
            "0",
            "none",
            "None",
            "nil",
            "Nil.",
            "no responses",
            "No responses received",
            "0 returned",
            "0 forms returned",
            "no one",
            "No-one replied",
            "nobody",
            "zero",
            "none back yet",
        ] {
            assert!(nobody_answered(none), "{none}");
        }
        for some in [
            "12",
            "no",
            "",
            "none of the parents but 12 pupils",
            "40 returned",
            "N/A",
        ] {
            assert!(!nobody_answered(some), "{some}");
        }
    }
}

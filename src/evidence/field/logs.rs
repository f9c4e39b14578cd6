//! The rows of the field table for the logs a school keeps of filtering checks, surveys
//! and parent engagement, apart from [`super::registers`]
//! only to keep each file short.
//!
//! The headings come from technicians' filtering test logs, survey summaries and the logs
//! of parents' sessions and newsletters schools keep for the Mark.

use super::Row;
use super::ValueType::{Count, Date, LongText, Text};
use super::row;
use crate::evidence::Kind::{Engagement, Filtering, Surveys};

/// Filtering: when the check was made.
pub(super) const FILTERING_DATE: Row = Row {
    required: true,
    about: "When the check was made, as dd/mm/yyyy.",
    aliases: &[
        "date",
        "date checked",
        "date of check",
        "check date",
        "date tested",
        "tested on",
        "checked on",
        "date of test",
        "test date",
        "when",
    ],
    ..row(Filtering, "date", "Date", Date)
};
/// Filtering: what was tested.
pub(super) const FILTERING_TESTED: Row = Row {
    about: "What was tested, e.g. the SWGfL test site, a category of site, a device or user.",
    aliases: &[
        "what was tested",
        "tested",
        "test",
        "test carried out",
        "check",
        "what was checked",
        "checked",
        "checks",
        "category tested",
        "site tested",
        "sites tested",
        "content tested",
        "device",
        "device user",
        "test details",
    ],
    ..row(Filtering, "tested", "What was tested", Text)
};
/// Filtering: the result.
pub(super) const FILTERING_RESULT: Row = Row {
    about: "The result, e.g. Blocked (pass), Not blocked (fail).",
    aliases: &[
        "result",
        "results",
        "outcome",
        "pass fail",
        "finding",
        "findings",
        "result outcome",
        "blocked",
        "status",
        "was it blocked",
        "blocked y n",
        "was the site blocked",
        "site blocked",
        "content blocked",
        "filtered",
        "was it filtered",
        "accessible",
        "was it accessible",
        "site accessible",
        "could it be accessed",
        "could the site be accessed",
        "reachable",
        "site reachable",
        "got through",
        "did it get through",
        "loaded",
        "site loaded",
        "page loaded",
        "did it load",
        "did the site load",
        "did the page load",
        "site opened",
        "did it open",
    ],
    ..row(Filtering, "result", "Result", Text)
};
/// Filtering: who made the check.
pub(super) const FILTERING_BY: Row = Row {
    about: "Who made the check: a role is enough.",
    aliases: &[
        "checked by",
        "tested by",
        "by whom",
        "by",
        "carried out by",
        "completed by",
        "who",
        "name",
        "technician",
    ],
    ..row(Filtering, "by", "Checked by", Text)
};
/// Filtering: what was done about a failure.
pub(super) const FILTERING_ACTION: Row = Row {
    about: "What was done about anything that got through.",
    aliases: &[
        "action",
        "action taken",
        "actions",
        "follow up",
        "next steps",
        "action required",
    ],
    ..row(Filtering, "action", "Action taken", Text)
};

/// Surveys: when the survey ran.
pub(super) const SURVEY_DATE: Row = Row {
    required: true,
    about: "When the survey ran or closed, as dd/mm/yyyy.",
    aliases: &[
        "date",
        "survey date",
        "date of survey",
        "date run",
        "closing date",
        "date closed",
        "date sent",
        "when",
    ],
    ..row(Surveys, "date", "Date", Date)
};
/// Surveys: who was asked.
pub(super) const SURVEY_GROUP: Row = Row {
    required: true,
    about: "Who was asked: Learners (or a year group), Staff, Parents, Governors.",
    aliases: &[
        "who was asked",
        "group",
        "respondents",
        "audience",
        "surveyed",
        "who",
        "asked",
        "participants",
        "target group",
        "stakeholders",
        "stakeholder group",
        "survey of",
    ],
    ..row(Surveys, "group", "Who was asked", Text)
};
/// Surveys: what the survey was.
pub(super) const SURVEY_TITLE: Row = Row {
    about: "What the survey was about.",
    aliases: &[
        "survey",
        "title",
        "survey title",
        "survey name",
        "topic",
        "subject",
        "about",
    ],
    ..row(Surveys, "survey", "Survey", Text)
};
/// Surveys: how many responded.
pub(super) const SURVEY_RESPONSES: Row = Row {
    about: "How many responded.",
    aliases: &[
        "responses",
        "number of responses",
        "no of responses",
        "responses received",
        "replies",
        "returns",
        "response count",
        "number responding",
        "completed",
    ],
    ..row(Surveys, "responses", "Responses", Count)
};
/// Surveys: what it found.
pub(super) const SURVEY_FINDINGS: Row = Row {
    about: "What it found, briefly. Counts only: no names.",
    aliases: &[
        "findings",
        "main findings",
        "key findings",
        "summary",
        "results",
        "outcomes",
        "headlines",
        "what we learnt",
        "what it showed",
    ],
    ..row(Surveys, "findings", "Main findings", LongText)
};

/// Engagement: when it happened or was sent.
pub(super) const ENGAGEMENT_DATE: Row = Row {
    required: true,
    about: "When the session took place or the communication went out, as dd/mm/yyyy.",
    aliases: &[
        "date",
        "date of session",
        "session date",
        "event date",
        "date sent",
        "date published",
        "date held",
        "when",
    ],
    ..row(Engagement, "date", "Date", Date)
};
/// Engagement: a session or a communication.
pub(super) const ENGAGEMENT_TYPE: Row = Row {
    about: "Session (a workshop, talk, coffee morning) or Communication (a newsletter, letter, web page).",
    aliases: &[
        "type",
        "session or communication",
        "kind",
        "format",
        "method",
        "channel",
        "medium",
        "activity type",
        "how",
    ],
    ..row(Engagement, "type", "Type", Text)
};
/// Engagement: what it was.
pub(super) const ENGAGEMENT_TITLE: Row = Row {
    about: "What it was, e.g. Online safety evening for parents, Autumn newsletter item.",
    aliases: &[
        "what",
        "title",
        "topic",
        "event",
        "activity",
        "session",
        "description",
        "subject",
        "details",
        "communication",
        "item",
    ],
    ..row(Engagement, "title", "What", Text)
};
/// Engagement: how many attended.
pub(super) const ENGAGEMENT_ATTENDANCE: Row = Row {
    about: "How many parents and carers attended a session. Leave blank for a communication.",
    aliases: &[
        "attended",
        "attendance",
        "number attended",
        "attendees",
        "no attending",
        "number attending",
        "parents attending",
        "parents attended",
        "number of parents",
        "turnout",
    ],
    ..row(Engagement, "attendance", "Attended", Count)
};
/// Engagement: who a session or a communication was for. Only those for parents and
/// carers (or families) count; one for pupils or staff is not parent engagement.
pub(super) const ENGAGEMENT_AUDIENCE: Row = Row {
    in_template: false,
    about: "Who it was for, e.g. Parents and carers, Year 6 parents, Families. A row for pupils or staff is not counted.",
    aliases: &[
        "audience",
        "target audience",
        "intended audience",
        "for",
        "who for",
        "who it was for",
        "aimed at",
        "intended for",
        "for whom",
        "participants",
        "who",
    ],
    ..row(Engagement, "audience", "Audience", Text)
};

//! The rows of the field table for the registers a school keeps beside its training,
//! incident and meeting records: the policy register, acceptable use agreements, filtering
//! checks, surveys and parent engagement.
//!
//! They live apart only to keep each file short; [`super`]'s table names them, so a field
//! is still one row, and the headings are still compared after [`crate::text::normalise`].
//! The headings come from the registers schools keep: policy review schedules ("Date of
//! last review", "Review due"), AUA returns by class, technicians' filtering test logs,
//! survey summaries and parents' evening or newsletter logs.

use super::Row;
use super::ValueType::{Count, Date, LongText, Text};
use super::row;
use crate::evidence::Kind::{Agreements, Documents, Engagement, Filtering, Surveys};

/// Documents: the document's name or title.
pub(super) const DOCUMENT_NAME: Row = Row {
    required: true,
    about: "The document's name, e.g. Online Safety Policy, Acceptable Use Agreement (KS2), Filtering and monitoring review.",
    aliases: &[
        "document",
        "document name",
        "document title",
        "name of document",
        "policy",
        "policy name",
        "policy title",
        "name of policy",
        "policy document",
        "title",
        "name",
        "item",
        "policy procedure",
        "policies",
        "document policy",
    ],
    ..row(Documents, "document", "Document", Text)
};
/// Documents: who owns it.
pub(super) const DOCUMENT_OWNER: Row = Row {
    about: "Who is responsible for keeping it up to date: a role is enough.",
    aliases: &[
        "owner",
        "policy owner",
        "document owner",
        "responsible",
        "responsible person",
        "person responsible",
        "responsibility",
        "lead",
        "staff lead",
        "author",
        "written by",
        "lead person",
    ],
    ..row(Documents, "owner", "Owner", Text)
};
/// Documents: who approved it.
pub(super) const DOCUMENT_APPROVED_BY: Row = Row {
    about: "Who approved it, e.g. Full governing body, Headteacher.",
    aliases: &[
        "approved by",
        "approval",
        "approved",
        "ratified by",
        "agreed by",
        "adopted by",
        "signed off by",
        "approving body",
        "approval body",
        "approval level",
        "committee",
    ],
    ..row(Documents, "approved-by", "Approved by", Text)
};
/// Documents: when it was last reviewed.
pub(super) const DOCUMENT_LAST_REVIEWED: Row = Row {
    about: "When it was last reviewed or approved, as dd/mm/yyyy.",
    aliases: &[
        "last reviewed",
        "date last reviewed",
        "date of last review",
        "last review",
        "last review date",
        "reviewed",
        "reviewed on",
        "date reviewed",
        "date approved",
        "approved on",
        "approval date",
        "date adopted",
        "adopted",
        "date ratified",
        "ratified",
        "date agreed",
        "last updated",
        "updated",
        "date of review",
    ],
    ..row(Documents, "last-reviewed", "Last reviewed", Date)
};
/// Documents: when the next review is due.
pub(super) const DOCUMENT_NEXT_DUE: Row = Row {
    about: "When the next review is due, as dd/mm/yyyy.",
    aliases: &[
        "next review due",
        "next review",
        "next review date",
        "date of next review",
        "review due",
        "review due date",
        "due for review",
        "review by",
        "next due",
        "due",
        "review date",
        "renewal date",
        "to be reviewed",
        "next reviewed",
    ],
    ..row(Documents, "next-review", "Next review due", Date)
};
/// Documents: where it is kept.
pub(super) const DOCUMENT_KEPT: Row = Row {
    about: "Where it is kept: a folder, the website, a link.",
    aliases: &[
        "where kept",
        "where it is kept",
        "kept",
        "location",
        "file location",
        "stored",
        "where stored",
        "storage",
        "where held",
        "held",
        "link",
        "url",
        "file",
        "published",
        "where published",
    ],
    ..row(Documents, "kept", "Where kept", Text)
};

/// Agreements: the group the agreement is for.
pub(super) const AGREEMENT_GROUP: Row = Row {
    required: true,
    about: "Who signed: a year group or class for pupils (e.g. Year 4), or Staff, Governors, Volunteers.",
    aliases: &[
        "group",
        "year group",
        "year",
        "class",
        "form",
        "user group",
        "category",
        "role",
        "staff group",
        "who",
        "signed by group",
        "agreement for",
    ],
    ..row(Agreements, "group", "Group", Text)
};
/// Agreements: the person who signed, for a register kept person by person.
pub(super) const AGREEMENT_PERSON: Row = Row {
    in_template: false,
    about: "The person who signed, for a register kept person by person.",
    aliases: &[
        "name",
        "person",
        "full name",
        "pupil",
        "pupil name",
        "student",
        "student name",
        "staff name",
        "member of staff",
        "signed by",
        "signatory",
    ],
    ..row(Agreements, "person", "Name", Text)
};
/// Agreements: how many signed, for a register kept as counts.
pub(super) const AGREEMENT_SIGNED: Row = Row {
    about: "How many in the group signed. Leave blank when each row is one person.",
    aliases: &[
        "signed",
        "number signed",
        "no signed",
        "count signed",
        "agreements signed",
        "returned",
        "number returned",
        "signed returned",
        "signed count",
        "how many signed",
    ],
    ..row(Agreements, "signed", "Signed", Count)
};
/// Agreements: how many are in the group, for a register kept as counts.
pub(super) const AGREEMENT_OF: Row = Row {
    about: "How many are in the group, so the share signed is known.",
    aliases: &[
        "out of",
        "of",
        "total",
        "number in group",
        "total in group",
        "group size",
        "on roll",
        "number on roll",
        "eligible",
        "expected",
        "headcount",
        "total number",
        "number of pupils",
        "number of staff",
    ],
    ..row(Agreements, "of", "Out of", Count)
};
/// Agreements: when it was signed.
pub(super) const AGREEMENT_DATE: Row = Row {
    about: "When the agreement was signed or the returns counted, as dd/mm/yyyy. Blank: not signed.",
    aliases: &[
        "date signed",
        "signed on",
        "date",
        "date returned",
        "returned on",
        "signature date",
        "date agreed",
        "agreed on",
        "date of signature",
        "date counted",
        "when signed",
    ],
    ..row(Agreements, "date", "Date signed", Date)
};

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

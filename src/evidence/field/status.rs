//! The rows of the field table for the Status columns of the logs and registers: whether
//! what a row records took place, is still to come, or was refused.
//!
//! They are read through [`crate::evidence::status`], the one list of the words schools
//! write there ("Cancelled", "Planned", "Refused", "Withdrawn"). None is in a template:
//! a school that keeps no such column records only what happened. The policy register's
//! status is [`super::registers`]' `DOCUMENT_STATUS`, read for whether a document is in
//! force; an incident log's is whether an incident is closed.

use super::Row;
use super::ValueType::Text;
use super::row;
use crate::evidence::Field;
use crate::evidence::Kind::{Agreements, Engagement, Filtering, Meetings, Surveys, Training};

/// Training: whether the training took place for this person.
pub(super) const TRAINING_STATUS: Row = Row {
    in_template: false,
    about: "Whether it took place, e.g. Completed, Booked, Cancelled, Did not attend: only completed training counts.",
    aliases: &[
        "status",
        "current status",
        "training status",
        "completion status",
        "progress",
        "attendance status",
    ],
    ..row(Training, "status", "Status", Text)
};
/// Training: a note beside it; one that says the person did not attend, or that it was
/// cancelled, booked or failed, leaves them untrained.
pub(super) const TRAINING_NOTES: Row = Row {
    in_template: false,
    about: "Notes; one saying it did not take place for them (Did not attend, Cancelled, Booked for January, Failed) counts them as not trained.",
    aliases: &["notes", "note", "comments", "comment", "remarks"],
    ..row(Training, "notes", "Notes", Text)
};
/// Meetings: whether the meeting took place.
pub(super) const MEETING_STATUS: Row = Row {
    in_template: false,
    about: "Whether it took place, e.g. Held, Cancelled, Postponed, Planned.",
    aliases: &[
        "status",
        "current status",
        "state",
        "meeting status",
        "held",
        "went ahead",
    ],
    ..row(Meetings, "status", "Status", Text)
};
/// The headings of a Notes column beside a row, in meeting and engagement registers alike.
const NOTES: &[&str] = &[
    "notes",
    "note",
    "comments",
    "comment",
    "remarks",
    "other notes",
    "additional notes",
];
/// Meetings: a note beside it; one that says the meeting did not go ahead ("Inquorate -
/// meeting did not go ahead") leaves it uncounted. With no items column, its notes are
/// read for the items too.
pub(super) const MEETING_NOTES: Row = Row {
    in_template: false,
    about: "Notes; one saying the meeting did not go ahead (Cancelled, Inquorate, Postponed) means it is not counted.",
    aliases: NOTES,
    ..row(Meetings, "notes", "Notes", Text)
};
/// Agreements: whether the agreement stands, e.g. Signed, Refused, Withdrawn.
pub(super) const AGREEMENT_STATUS: Row = Row {
    in_template: false,
    about: "Whether the agreement stands, e.g. Signed, Refused, Declined, Not returned, Withdrawn.",
    aliases: &[
        "status",
        "current status",
        "state",
        "agreement status",
        "aua status",
        "form status",
        "return status",
        "returned status",
    ],
    ..row(Agreements, "status", "Status", Text)
};
/// Filtering: whether the check was made (the result column, often headed "Status", says
/// what it found; a "Status" beside a result column is this field, as
/// [`Field::beside_rival`] says).
pub(super) const FILTERING_STATUS: Row = Row {
    in_template: false,
    about: "Whether the check was made, e.g. Done, Planned, Cancelled.",
    aliases: &[
        "check status",
        "test status",
        "current status",
        "overall status",
        "progress",
        "carried out",
        "check made",
        "done",
    ],
    ..row(Filtering, "status", "Check status", Text)
};
/// Surveys: whether the survey ran.
pub(super) const SURVEY_STATUS: Row = Row {
    in_template: false,
    about: "Whether it ran, e.g. Closed, Planned, Cancelled, Draft.",
    aliases: &[
        "status",
        "current status",
        "state",
        "progress",
        "survey status",
    ],
    ..row(Surveys, "status", "Status", Text)
};
/// Engagement: whether the session took place or the communication went out.
pub(super) const ENGAGEMENT_STATUS: Row = Row {
    in_template: false,
    about: "Whether it took place or went out, e.g. Held, Sent, Cancelled, Postponed, Planned.",
    aliases: &[
        "status",
        "current status",
        "state",
        "progress",
        "session status",
        "event status",
        "went ahead",
    ],
    ..row(Engagement, "status", "Status", Text)
};
/// Engagement: a note beside it; one that says the session did not take place
/// ("Cancelled - speaker ill") leaves it uncounted.
pub(super) const ENGAGEMENT_NOTES: Row = Row {
    in_template: false,
    about: "Notes; one saying it did not take place (Cancelled - speaker ill, Snow day) means it is not counted.",
    aliases: NOTES,
    ..row(Engagement, "notes", "Notes", Text)
};

impl Field {
    /// Whether every column naming this field is read, rather than one: a status, a note or
    /// a meeting's items, read for words that say the row did not take place (or, for items,
    /// what was discussed), where two columns ("Status" and "Progress", "Notes" and
    /// "Comments", "Status" and "Held") are both meant and either may say so.
    pub fn gathers(self) -> bool {
        matches!(
            self,
            Field::TrainingStatus
                | Field::TrainingNotes
                | Field::MeetingStatus
                | Field::MeetingNotes
                | Field::MeetingItems
                | Field::SurveyStatus
                | Field::FilteringStatus
                | Field::EngagementStatus
                | Field::EngagementNotes
        )
    }
}

impl Field {
    /// Whether a second column naming this field is refused however plainly each is headed:
    /// a filtering check's result beside another ("Result" and "Outcome") may say the filter
    /// held where the other says it did not, and a pass read from the wrong one would say
    /// the filter works when the register does not show it.
    pub fn refuses_rivals(self) -> bool {
        self == Field::FilteringResult
    }

    /// The field a column headed `heading` (normalised) names instead of this one when
    /// another column names this one: a filtering log's "Status" is the check's result
    /// when it stands alone, and beside a Result column says whether the check was made.
    pub fn beside_rival(self, heading: &str) -> Option<Field> {
        (self == Field::FilteringResult && heading == "status").then_some(Field::FilteringStatus)
    }
}

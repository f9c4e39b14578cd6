//! The rows of the field table for meeting registers, apart from [`super`]'s table only to
//! keep each file short. The headings come from the registers and minutes schools keep of
//! their online safety group, governors' and leadership meetings.

use super::Row;
use super::ValueType::{Date, LongText, Text};
use super::row;
use crate::evidence::Kind::Meetings;

/// Meetings: when the meeting took place.
pub(super) const MEETING_DATE: Row = Row {
    required: true,
    about: "When the meeting took place, as dd/mm/yyyy.",
    aliases: &["date", "meeting date", "date of meeting"],
    ..row(Meetings, "date", "Date", Date)
};

/// Meetings: which group met.
pub(super) const MEETING_GROUP: Row = Row {
    required: true,
    about: "Which group met, e.g. Online safety group, Governors, Senior leadership.",
    aliases: &[
        "group",
        "meeting",
        "meeting type",
        "committee",
        "body",
        "forum",
        "meeting of",
    ],
    ..row(Meetings, "group", "Group", Text)
};

/// Meetings: who attended.
pub(super) const MEETING_ATTENDEES: Row = Row {
    about: "Who attended: names, initials or roles, separated by semicolons.",
    aliases: &[
        "attended",
        "attendees",
        "present",
        "attendance",
        "members present",
        "who attended",
    ],
    ..row(Meetings, "attendees", "Attended", Text)
};

/// Meetings: who sent apologies.
pub(super) const MEETING_APOLOGIES: Row = Row {
    about: "Who sent apologies.",
    aliases: &["apologies", "absent", "apologies received"],
    ..row(Meetings, "apologies", "Apologies", Text)
};

/// Meetings: the agenda items or topics discussed.
pub(super) const MEETING_ITEMS: Row = Row {
    about: "The agenda items or topics discussed, e.g. Policy review; Filtering report.",
    aliases: &[
        "items",
        "agenda",
        "agenda items",
        "topics",
        "items discussed",
        "main items",
        "main items discussed",
        "key items",
        "agenda item",
        "business",
        "matters discussed",
        "points discussed",
        "summary of discussion",
        "minutes",
        "discussion",
    ],
    ..row(Meetings, "items", "Items", LongText)
};

/// Meetings: the actions agreed.
pub(super) const MEETING_ACTIONS_AGREED: Row = Row {
    about: "How many actions were agreed, or what they were.",
    aliases: &["actions agreed", "actions", "new actions", "action points"],
    ..row(Meetings, "actions-agreed", "Actions agreed", Text)
};

/// Meetings: the earlier actions reported done.
pub(super) const MEETING_ACTIONS_COMPLETED: Row = Row {
    about: "How many earlier actions were reported done.",
    aliases: &["actions completed", "completed actions", "actions done"],
    ..row(Meetings, "actions-completed", "Actions completed", Text)
};

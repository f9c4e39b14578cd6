//! The rows of the field table for the policy register and acceptable use agreements
//! (the logs of filtering checks, surveys and parent engagement are in [`super::logs`]).
//!
//! They live apart only to keep each file short; [`super`]'s table names them, so a field
//! is still one row, and the headings are still compared after [`crate::text::normalise`].
//! The headings come from the registers schools keep: policy review schedules ("Date of
//! last review", "Review due"), AUA returns by class, technicians' filtering test logs,
//! survey summaries and parents' evening or newsletter logs.

use super::Row;
use super::ValueType::{Count, Date, Text};
use super::row;
use crate::evidence::Kind::{Agreements, Documents};

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
        "name of policy procedure",
        "policy procedure name",
        "policy or document",
        "key document",
        "documents",
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
        "lead member of staff",
        "member of staff responsible",
        "staff responsible",
        "reviewer",
        "reviewed by",
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
        "approving committee",
        "governor committee",
        "committee responsible",
        "signed off",
        "ratification",
    ],
    ..row(Documents, "approved-by", "Approved by", Text)
};
/// Documents: when it was last reviewed.
pub(super) const DOCUMENT_LAST_REVIEWED: Row = Row {
    about: "When it was last reviewed, as dd/mm/yyyy.",
    aliases: &[
        "last reviewed",
        "date last reviewed",
        "date of last review",
        "last review",
        "last review date",
        "reviewed",
        "reviewed on",
        "date reviewed",
        "last updated",
        "updated",
        "date of review",
        "review last",
        "review last reviewed",
        "review dates last",
        "review dates last reviewed",
        "review date last",
        "last",
        "previous review",
        "last renewed",
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
        "review next",
        "review next due",
        "review next review due",
        "review dates next",
        "review dates next due",
        "review dates next review due",
        "review date next",
        "date for next review",
        "next review by",
        "review due by",
        "date due",
        "next approval due",
        "next",
        "renewal due",
        "renew by",
        "due date",
    ],
    ..row(Documents, "next-review", "Next review due", Date)
};
/// Documents: when it was approved, the date of its last review where the register gives
/// no review date of its own.
pub(super) const DOCUMENT_APPROVED_ON: Row = Row {
    about: "When it was approved or adopted, as dd/mm/yyyy: used as its last review when no review date is given.",
    in_template: false,
    aliases: &[
        "date approved",
        "approved on",
        "approval date",
        "date adopted",
        "adopted",
        "adopted on",
        "date ratified",
        "ratified",
        "ratified on",
        "date agreed",
        "agreed on",
        "date of last approval",
        "date of approval",
        "last approved",
        "approved date",
        "date last approved",
        "date issued",
        "issued",
        "issue date",
    ],
    ..row(Documents, "approved-on", "Date approved", Date)
};
/// Documents: how often it is reviewed.
pub(super) const DOCUMENT_FREQUENCY: Row = Row {
    about: "How often it is reviewed, e.g. Annually, Termly, Every 2 years.",
    in_template: false,
    aliases: &[
        "review frequency",
        "frequency",
        "frequency of review",
        "review cycle",
        "cycle",
        "review period",
        "review interval",
        "reviewed every",
        "how often",
        "how often reviewed",
        "review schedule",
        "renewal frequency",
    ],
    ..row(Documents, "frequency", "Review frequency", Text)
};
/// Documents: whether it is in force: a draft, withdrawn or superseded one backs no check.
pub(super) const DOCUMENT_STATUS: Row = Row {
    about: "Whether it is in force, e.g. Approved, Draft, Withdrawn, Superseded.",
    in_template: false,
    aliases: &[
        "status",
        "document status",
        "policy status",
        "approval status",
        "current status",
        "state",
        "stage",
        "in force",
        "current",
        "live",
    ],
    ..row(Documents, "status", "Status", Text)
};
/// Documents: a note beside it ("Superseded by the 2026 policy"), read only for whether
/// it says the row is no longer in force.
pub(super) const DOCUMENT_NOTES: Row = Row {
    about: "Notes; one saying the document is superseded or withdrawn takes it out of force.",
    in_template: false,
    aliases: &["notes", "note", "comments", "comment", "remarks"],
    ..row(Documents, "notes", "Notes", Text)
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
        "class group",
        "class or group",
        "year class",
        "year group class",
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
    about: "How many in the group signed; or, when each row is one person, whether they signed (Y/N, a tick, or the date).",
    aliases: &[
        "signed",
        "number signed",
        "no signed",
        "count signed",
        "agreements signed",
        "returned",
        "number returned",
        "no returned",
        "no of returns",
        "signed returned",
        "signed count",
        "how many signed",
        "agreements returned",
        "returns signed",
        "returns returned",
        "signed y n",
        "signed yes no",
        "returned y n",
        "aua signed",
        "aua returned",
        "agreement signed",
        "signed agreement",
        "form returned",
        "form signed",
        "has signed",
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
        "agreements out of",
        "returns out of",
        "agreements total",
        "returns total",
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

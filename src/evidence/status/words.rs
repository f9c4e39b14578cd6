//! The words of a status, in one place: what says a thing did not happen, has not yet,
//! is not valid, was refused or was not passed; what says it was done; and the words
//! before either that say it does not hold ("not", "never", "un-") or is still to come
//! ("to be"). Every register reads its status through these lists, so a word learnt here
//! is learnt for all of them.

/// Words that say a thing did not take place.
pub(super) const DID_NOT_HAPPEN: &[&str] = &[
    "cancelled",
    "canceled",
    "cancelation",
    "cancellation",
    "postponed",
    "did not run",
    "didn t run",
    "did not go ahead",
    "didn t go ahead",
    "did not happen",
    "didn t happen",
    "did not take place",
    "didn t take place",
    "not held",
    "not run",
    "not carried out",
    "called off",
    "rescheduled",
    "abandoned",
    "not sent",
    "did not attend",
    "didn t attend",
    "dna",
    "no show",
    "not attended",
    "absent",
    "never went out",
    "never sent",
    "not sent out",
    "did not go out",
    "didn t go out",
    "never ran",
    "never run",
    "never happened",
    "never took place",
    "never held",
    "not issued",
    "never issued",
    "not taken place",
    "snow day",
];

/// Words that say a thing has not taken place yet, or did not go ahead as planned.
pub(super) const NOT_YET: &[&str] = &[
    "planned",
    "planning",
    "provisional",
    "provisionally",
    "proposed",
    "tentative",
    "tbc",
    "tba",
    "to be confirmed",
    "to be arranged",
    "to be held",
    "to be sent",
    "to be run",
    "to be done",
    "to be completed",
    "will be",
    "pencilled",
    "penciled",
    "moved",
    "deferred",
    "rearranged",
    "on hold",
    "not enough",
    "insufficient",
    "too few",
    "no sign ups",
    "no signups",
    "no takers",
    "low uptake",
    "undersubscribed",
    "under subscribed",
    "not yet",
    "not started",
    "upcoming",
    "forthcoming",
    "scheduled",
    "booked",
    "to do",
    "todo",
    "in preparation",
    "being prepared",
    "pending",
    "awaiting",
    "awaited",
    "not completed",
    "not yet completed",
    "not complete",
    "incomplete",
    "not finished",
    "unfinished",
    "in progress",
    "ongoing",
    "underway",
    "under way",
    "part completed",
    "partly completed",
    "partially completed",
];

/// Words that say a form was sent out to be signed and returned: for an agreement, it is
/// still awaited, whatever mark stands beside it, unless the words say it came back.
pub(super) const SENT: &[&str] = &[
    "sent",
    "sent out",
    "sent home",
    "issued",
    "handed out",
    "given out",
    "distributed",
    "chased",
    "reminder sent",
];

/// Words beside [`SENT`] that say the form came back.
pub(super) const BACK: &[&str] = &["returned", "received", "signed", "back", "completed"];

/// Words that say a record is not valid.
pub(super) const NOT_VALID: &[&str] = &[
    "draft",
    "drafted",
    "withdrawn",
    "superseded",
    "void",
    "voided",
    "invalid",
    "expired",
    "revoked",
    "rescinded",
    "retracted",
    "entered in error",
    "logged in error",
    "recorded in error",
    "in error",
];

/// Words that say an agreement (or anything asked of someone) was refused.
pub(super) const REFUSED: &[&str] = &[
    "refused",
    "refusal",
    "declined",
    "not returned",
    "not signed",
    "unsigned",
    "did not sign",
    "didn t sign",
    "won t sign",
    "will not sign",
    "opted out",
    "opt out",
    "rejected",
    "not received",
    "not agreed",
    "disagreed",
    "objected",
];

/// Words that say what was tried was not passed.
pub(super) const FAILED: &[&str] = &[
    "failed",
    "fail",
    "not passed",
    "did not pass",
    "didn t pass",
    "unsuccessful",
    "not achieved",
    "resit",
    "re sit",
    "retake",
];

/// Words before a status word, or a word of [`DONE`], that say it does not apply: "not
/// cancelled", "never attended", "didn't complete", "un-signed". The policy register reads
/// the same list before its words of approval ("not current", "no longer live").
pub(crate) const NEGATIONS: &[&str] = &[
    "not",
    "not yet",
    "never",
    "no",
    "no longer",
    "nor",
    "nothing",
    "isn t",
    "wasn t",
    "was not",
    "did not",
    "didn t",
    "has not",
    "hasn t",
    "have not",
    "haven t",
    "had not",
    "hadn t",
    "un",
];

/// Words before a word of [`DONE`] (or of a policy's approval) that say it is still to
/// come: "to be signed", "due to be reviewed", "will be completed", "awaiting sign off".
pub(crate) const STILL_TO_COME: &[&str] = &["to be", "will be", "awaiting", "waiting for"];

/// Words of a Status cell that say what it records was done: the training completed or
/// attended, the agreement signed or returned, the meeting held. Where a register fails
/// closed (training, agreements) only these, a tick or a yes count; any other status is
/// not done, and import says so at its cell.
pub(crate) const DONE: &[&str] = &[
    "done",
    "complete",
    "completed",
    "passed",
    "pass",
    "attended",
    "certificate",
    "certificated",
    "certified",
    "trained",
    "signed",
    "signed and returned",
    "returned",
    "received",
    "agreed",
    "accepted",
    "on file",
    "counted",
    "collected",
    "current",
    "valid",
    "in date",
    "held",
    "went ahead",
    "took place",
    "happened",
    "carried out",
    "finished",
    "delivered",
    "achieved",
    "present",
    "yes",
    "y",
    "true",
];

/// The answers of a bare no ("No", "N", "No - not quorate"), which under a heading that
/// asks whether a thing was done ("Held?", "Done?", "Signed?") say it was not.
pub(super) const NO: &[&str] = &["no", "n", "false", "nope"];

/// Marks that say no: a cross.
pub(super) const CROSSES: &[char] = &['✗', '✘', '☒', '❌', '❎', '✕', '✖', '×'];

/// Marks that say yes: a tick.
pub(super) const TICKS: &[char] = &['✓', '✔', '☑', '✅', '√'];

/// Words at the head of a clause that say nothing of the status beside them: "Meeting
/// cancelled", "Session was postponed", "Still to do".
pub(super) const FILLERS: &[&str] = &[
    "still",
    "currently",
    "now",
    "it",
    "this",
    "was",
    "is",
    "has been",
    "had been",
    "been",
    "meeting",
    "session",
    "check",
    "training",
    "course",
    "survey",
    "agreement",
    "form",
    "event",
    "workshop",
    "status",
];

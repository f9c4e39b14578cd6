//! Rows of the parent engagement log: a session for parents or a communication to them,
//! counted only when it happened and is about online safety.
//!
//! A log kept for the whole school holds sports days, nativities, questionnaires and
//! meetings with one family about an incident beside its online safety workshops. Only a
//! row whose type or title says it is about online safety counts; one that does not say is
//! skipped, with the reason, since the checks are about online safety engagement. A row
//! that says it has not happened (cancelled, planned, provisional, moved, not enough
//! sign-ups) is skipped too, and so is a meeting with one parent: it is not a session for
//! parents. Attendance written as "nobody" or "no-one came" is nought, not a number not
//! known.

use super::audience::{Audience, audience, counts_parents};
use super::{Engagement, optional_count, topic, with_notes};
use crate::evidence::Field;
use crate::evidence::header::{Header, normalise};
use crate::evidence::records::{RowOutcome, dated, skip, text};
use crate::evidence::status::{self, Standing};
use crate::evidence::table::SheetRow;

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

/// Marks of a not-known number, which in the attendance column are not a session's
/// status: "TBC" there is attendance not known.
const CONFIRMING: &[&str] = &["tbc", "tba", "to be confirmed"];

/// Words that, in a meeting's title, name one parent rather than parents.
const ONE_PARENT: &[&str] = &[
    "parent", "carer", "mum", "dad", "mother", "father", "guardian",
];

/// Whether `padded` (normalised, a space each side) holds any of `list` as words.
fn holds(padded: &str, list: &[&str]) -> bool {
    list.iter().any(|w| padded.contains(&format!(" {w} ")))
}

/// The cell of a row (status, type, what, attendance) saying it did not take place or has
/// not yet, with what it says, if any does. A Status column is read for every word of
/// [`status`] from the head of its clauses; the others for what did not or has not yet
/// taken place where the words stand for the row ([`status::said_of`]).
fn not_held(row: &SheetRow, header: &Header) -> Option<status::Said> {
    if let Some(said) = status::column(row, header, Field::EngagementStatus) {
        return Some(said);
    }
    // A note says so where its words stand for the row: "Cancelled - speaker ill".
    [
        Field::EngagementNotes,
        Field::EngagementType,
        Field::EngagementTitle,
        Field::EngagementAttendance,
    ]
    .into_iter()
    .find_map(|f| {
        let said = status::other(row, header, f, Standing::NOT_HELD)?;
        // "TBC" in the attendance column is attendance not known, not a session's status.
        let confirming =
            f == Field::EngagementAttendance && CONFIRMING.contains(&said.words.as_str());
        (!confirming).then_some(said)
    })
}

/// Whether a row is a meeting with one parent or family ("1:1 meeting", "Meeting with Y6
/// parent about an incident").
fn one_to_one(kind: &str, title: &str) -> bool {
    let both = format!(" {kind} {title} ");
    let meeting = holds(&both, &["meeting", "meet", "call", "conversation", "chat"]);
    holds(
        &both,
        &["1 1", "1 to 1", "one to one", "individual", "home visit"],
    ) || (meeting && holds(&both, ONE_PARENT))
}

/// Attendance written as words that say nobody came: nought. Only words that say no more
/// than that may follow ("no-one came", "nobody turned up"): "no-one came except the Year
/// 6 parents" says someone did.
fn nobody(typed: &str) -> bool {
    const AFTER: &[&str] = &[
        "came", "attended", "turned", "up", "showed", "show", "present", "at", "all", "on", "the",
        "day", "this", "time", "in", "person", "booked", "signed",
    ];
    let n = normalise(typed);
    !n.chars().any(|c| c.is_ascii_digit())
        && [
            "nobody",
            "no one",
            "noone",
            "none",
            "nil",
            "zero",
            "no parents",
            "no carers",
            "no families",
            "no attendees",
            "no show",
        ]
        .iter()
        .any(|w| {
            n == *w
                || n.strip_prefix(&format!("{w} "))
                    .is_some_and(|rest| rest.split(' ').all(|r| AFTER.contains(&r)))
        })
}

/// Why a row is not counted as parent engagement when its Audience cell, or else its type
/// and title, do not show it was for parents ([`audience`]), naming the cell.
fn not_for_parents(
    row: &SheetRow,
    header: &Header,
    (kind, title): (&str, &str),
    session: bool,
) -> Option<RowOutcome<Engagement>> {
    let said = text(row, header, Field::EngagementAudience);
    let parents_counted = header
        .columns
        .iter()
        .any(|c| c.field == Some(Field::EngagementAttendance) && counts_parents(&c.header));
    let col = header
        .col(Field::EngagementAudience)
        .filter(|_| !said.trim().is_empty())
        .or(header.col(Field::EngagementTitle));
    match audience(&said, kind, title, session, parents_counted) {
        Audience::Parents => None,
        Audience::Others(word) => Some(skip(
            format!(
                "`{word}` says it was for someone other than parents and carers; not counted as parent engagement"
            ),
            col,
        )),
        Audience::Unclear => Some(skip(
            "nothing says it was for parents or carers (name them in an Audience column or the title); not counted as parent engagement",
            col,
        )),
    }
}

/// A row of the parent engagement log: a session when its type says so or attendance is
/// recorded, otherwise a communication. A row not about online safety, one that says it
/// did not or has not yet taken place, and a meeting with one parent are skipped with the
/// reason; a session attended by nobody is kept with a note, and the figures do not count
/// it as a session parents attended.
pub fn engagement(row: &SheetRow, header: &Header) -> RowOutcome<Engagement> {
    let date = match dated(row, header, Field::EngagementDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    if let Some(said) = not_held(row, header) {
        return skip(status::reason(&said.quote(), said.standing), said.col);
    }
    let kind = normalise(&text(row, header, Field::EngagementType));
    let title = normalise(&text(row, header, Field::EngagementTitle));
    if one_to_one(&kind, &title) {
        return skip(
            "a meeting with one parent or family is not a session for parents; not counted",
            header.col(Field::EngagementType),
        );
    }
    if !topic::online_safety(&format!("{kind} {title}")) {
        return skip(
            "its type and title do not say it is about online safety; not counted",
            header
                .col(Field::EngagementTitle)
                .or(header.col(Field::EngagementType)),
        );
    }
    let mut notes = Vec::new();
    let typed = text(row, header, Field::EngagementAttendance);
    let attendance = if nobody(&typed) {
        Some(0)
    } else {
        optional_count(
            row,
            header,
            Field::EngagementAttendance,
            "attendance",
            &mut notes,
        )
    };
    let says = |t: &str| t.split(' ').any(|w| SESSION_WORDS.contains(&w));
    let session = if kind.is_empty() {
        attendance.is_some() || says(&title)
    } else {
        says(&kind)
            || (attendance.is_some() && !kind.contains("letter") && !kind.contains("newsletter"))
    };
    if let Some(why) = not_for_parents(row, header, (&kind, &title), session) {
        return why;
    }
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

#[cfg(test)]
mod tests {
    use super::nobody;

    #[test]
    fn attendance_saying_nobody_came_is_told_from_one_that_names_who_did() {
        for none in [
            "nobody",
            "No-one came",
            "none",
            "nobody turned up",
            "Nil",
            "no show",
        ] {
            assert!(nobody(none), "{none}");
        }
        for some in [
            "no-one came except Noah Harper",
            "nobody but the Year 6 parents",
            "none of the dads, 12 mums",
            "12",
            "",
        ] {
            assert!(!nobody(some), "{some}");
        }
    }
}

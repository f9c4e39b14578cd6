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

use super::{Engagement, optional_count, with_notes};
use crate::evidence::Field;
use crate::evidence::header::{Header, normalise};
use crate::evidence::records::{RowOutcome, dated, skip, text};
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

/// Words that say a session or communication did not take place.
const CANCELLED: &[&str] = &[
    "cancelled",
    "canceled",
    "cancelled due",
    "postponed",
    "did not run",
    "didn t run",
    "did not go ahead",
    "didn t go ahead",
    "did not happen",
    "not held",
    "not run",
    "called off",
    "rescheduled",
    "abandoned",
    "not sent",
];

/// Words that say a session or communication has not happened yet, or did not go ahead
/// as a session: planned, provisional, moved, too few signed up.
const NOT_HELD: &[&str] = &[
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
    "upcoming",
    "forthcoming",
    "draft",
];

/// Marks of a not-known number, which in the attendance column are not a session's
/// status: "TBC" there is attendance not known.
const CONFIRMING: &[&str] = &["tbc", "tba", "to be confirmed"];

/// Words that say a row is about online safety.
const ONLINE: &[&str] = &[
    "online",
    "internet",
    "e safety",
    "esafety",
    "digital",
    "screen",
    "screens",
    "screentime",
    "social media",
    "gaming",
    "game",
    "games",
    "tiktok",
    "youtube",
    "snapchat",
    "instagram",
    "whatsapp",
    "facebook",
    "roblox",
    "fortnite",
    "minecraft",
    "discord",
    "app",
    "apps",
    "phone",
    "phones",
    "smartphone",
    "smartphones",
    "mobile",
    "mobiles",
    "device",
    "devices",
    "tablet",
    "tablets",
    "ipad",
    "ipads",
    "console",
    "consoles",
    "cyber",
    "cyberbullying",
    "parental controls",
    "filtering",
    "safer internet",
    "sid",
    "technology",
    "tech",
    "web",
    "ai",
    "chatbot",
    "chatbots",
    "sexting",
    "nudes",
    "grooming",
    "streaming",
    "wifi",
    "passwords",
    "age ratings",
    "pegi",
    "computer",
    "computers",
    "computing",
    "selfies",
    "influencers",
    "viral",
    "challenge",
    "challenges",
];

/// Words that, in a meeting's title, name one parent rather than parents.
const ONE_PARENT: &[&str] = &[
    "parent", "carer", "mum", "dad", "mother", "father", "guardian",
];

/// Whether `padded` (normalised, a space each side) holds any of `list` as words.
fn holds(padded: &str, list: &[&str]) -> bool {
    list.iter().any(|w| padded.contains(&format!(" {w} ")))
}

/// The cell of a row (type, what, attendance) saying it did not take place or has not
/// yet, with its field, if any does.
fn not_held(row: &SheetRow, header: &Header) -> Option<(Field, String, &'static str)> {
    [
        Field::EngagementType,
        Field::EngagementTitle,
        Field::EngagementAttendance,
    ]
    .into_iter()
    .map(|f| (f, text(row, header, f)))
    .find_map(|(f, typed)| {
        let padded = format!(" {} ", normalise(&typed));
        let not_yet = NOT_HELD
            .iter()
            .filter(|w| f != Field::EngagementAttendance || !CONFIRMING.contains(w))
            .any(|w| padded.contains(&format!(" {w} ")));
        if holds(&padded, CANCELLED) {
            Some((f, typed, "did not take place"))
        } else if not_yet {
            Some((
                f,
                typed,
                "has not taken place (planned, provisional, moved or too few signed up)",
            ))
        } else {
            None
        }
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

/// Attendance written as words that say nobody came: nought.
fn nobody(typed: &str) -> bool {
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
        .any(|w| n == *w || n.starts_with(&format!("{w} ")))
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
    if let Some((field, typed, why)) = not_held(row, header) {
        return skip(
            format!("`{}` says it {why}; not counted", typed.trim()),
            header.col(field),
        );
    }
    let kind = normalise(&text(row, header, Field::EngagementType));
    let title = normalise(&text(row, header, Field::EngagementTitle));
    if one_to_one(&kind, &title) {
        return skip(
            "a meeting with one parent or family is not a session for parents; not counted",
            header.col(Field::EngagementType),
        );
    }
    if !holds(&format!(" {kind} {title} "), ONLINE) {
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

//! One status cell read for what it says, clause by clause: the reader every register's
//! Status, Held, Done or Result column goes through, and the reader of a title or a note.
//!
//! A Status cell says its status in the words it starts with: "Held - 2 governors absent"
//! is a meeting held, "Done - retest planned" a check made. Any clause that starts by
//! saying the row did not happen, or by denying a word of [`DONE`] ("not attended",
//! "didn't complete", "un-signed", "to be signed"), says it was not done; so does a bare
//! no or a cross ("No", "N", "✗", "No - not quorate"). Only then is the first clause read
//! for a word of [`DONE`], and only after that the rest of the cell, whole words only.

use super::words::{CROSSES, DONE, FILLERS, NEGATIONS, NO, NOT_YET, STILL_TO_COME, TICKS};
use super::{Standing, standing, starts};
use crate::text::normalise;

/// What a Status cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Read {
    /// That what the row records was done.
    Done,
    /// That it was not: what it is, and the words of the lists that say so (never any
    /// other words of the cell, which may name a child).
    Not(Standing, String),
    /// Neither: no word read as done or as not done.
    Unknown,
}

/// Whether `phrase` stands as whole words in the normalised `text`.
fn contains(text: &str, phrase: &str) -> bool {
    format!(" {text} ").contains(&format!(" {phrase} "))
}

/// A clause with the words at its head that say nothing of its status taken off:
/// "meeting was cancelled" is "cancelled".
fn strip(mut clause: &str) -> &str {
    while let Some(rest) = FILLERS
        .iter()
        .find_map(|f| clause.strip_prefix(&format!("{f} ")))
    {
        clause = rest;
    }
    clause
}

/// A cell cut into clauses (at dashes, semicolons, full stops, commas, colons, slashes and
/// brackets), each normalised, empty ones dropped.
pub(crate) fn clauses(text: &str) -> Vec<String> {
    text.split([';', '.', ',', '(', ')', '[', ']', ':', '–', '—', '/', '\n'])
        .flat_map(|p| p.split(" - "))
        .map(normalise)
        .filter(|c| !c.is_empty())
        .collect()
}

/// A bare no: "No", "N", a cross alone, or a first clause of no ("No - not quorate").
pub(crate) fn says_no(typed: &str) -> bool {
    let t = typed.trim();
    let marks = !t.is_empty() && t.chars().all(|c| c.is_whitespace() || CROSSES.contains(&c));
    marks
        || clauses(t)
            .first()
            .is_some_and(|first| NO.contains(&first.as_str()))
}

/// A tick alone, or several.
fn ticked(typed: &str) -> bool {
    let t = typed.trim();
    !t.is_empty() && t.chars().all(|c| c.is_whitespace() || TICKS.contains(&c))
}

/// A word of [`DONE`] in `clause` denied ("not attended", "unsigned") or still to come
/// ("to be signed"), at its head only when `head`: what it then says, and the words.
fn denied(clause: &str, head: bool) -> Option<(Standing, String)> {
    let at = |phrase: &str| {
        if head {
            clause == phrase || clause.starts_with(&format!("{phrase} "))
        } else {
            contains(clause, phrase)
        }
    };
    for w in DONE {
        if let Some(n) = NEGATIONS.iter().find(|n| at(&format!("{n} {w}"))) {
            return Some((Standing::NotDone, format!("{n} {w}")));
        }
        if !w.contains(' ') && at(&format!("un{w}")) {
            return Some((Standing::NotDone, format!("un{w}")));
        }
        if let Some(n) = STILL_TO_COME.iter().find(|n| at(&format!("{n} {w}"))) {
            return Some((Standing::NotYet, format!("{n} {w}")));
        }
    }
    None
}

/// A word of what is still to come denied, which still says it has not happened: "not
/// booked", "never scheduled".
fn not_even_planned(n: &str) -> Option<(Standing, String)> {
    NOT_YET.iter().find_map(|w| {
        NEGATIONS
            .iter()
            .find(|neg| contains(n, &format!("{neg} {w}")))
            .map(|neg| (Standing::NotYet, format!("{neg} {w}")))
    })
}

/// What a Status cell `typed` says, read for the words of `standings` (and, always, a bare
/// no or a denied word of [`DONE`]); `None` for a blank cell. A word of
/// [`Standing::Failed`], when `standings` holds it, says so wherever it stands.
pub(crate) fn read(typed: &str, standings: &[Standing]) -> Option<Read> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    if says_no(t) {
        return Some(Read::Not(Standing::NotDone, "no".into()));
    }
    if ticked(t) {
        return Some(Read::Done);
    }
    if standings.contains(&Standing::Failed)
        && let Some((s, w)) = standing(t, &[Standing::Failed])
    {
        return Some(Read::Not(s, w.into()));
    }
    let parts = clauses(t);
    for c in &parts {
        let c = strip(c);
        if let Some((s, w)) = starts(c, standings) {
            return Some(Read::Not(s, w.into()));
        }
        if let Some((s, w)) = denied(c, true) {
            return Some(Read::Not(s, w));
        }
    }
    let first = parts.first().map_or("", |c| strip(c));
    let heads = DONE
        .iter()
        .any(|w| first == *w || first.starts_with(&format!("{w} ")));
    if heads && standing(first, standings).is_none() && denied(first, false).is_none() {
        return Some(Read::Done);
    }
    let n = normalise(t);
    if let Some((s, w)) = standing(&n, standings) {
        return Some(Read::Not(s, w.into()));
    }
    if let Some((s, w)) = denied(&n, false).or_else(|| not_even_planned(&n)) {
        return Some(Read::Not(s, w));
    }
    let done = DONE.iter().any(|w| contains(&n, w));
    Some(if done { Read::Done } else { Read::Unknown })
}

/// What a cell under a heading that itself names a status ("Cancelled?", "Did not
/// attend") says: a yes or a tick there says the status holds, a no that it does not.
pub(crate) fn read_under(heading: &str, typed: &str, standings: &[Standing]) -> Option<Read> {
    let Some((s, w)) = standing(heading, Standing::ALL) else {
        return read(typed, standings);
    };
    let n = normalise(typed);
    if says_no(typed) {
        Some(Read::Done)
    } else if ticked(typed) || ["yes", "y", "true"].contains(&n.as_str()) {
        Some(Read::Not(s, w.into()))
    } else {
        read(typed, standings)
    }
}

/// Words that may follow a status word in a title or a note and leave it the row's
/// status: "postponed to spring", "cancelled due to snow", "planned for June".
const LINKS: &[&str] = &[
    "to",
    "until",
    "till",
    "due",
    "because",
    "owing",
    "as",
    "for",
    "from",
    "by",
    "on",
    "in",
    "at",
    "after",
    "again",
    "indefinitely",
    "today",
    "tomorrow",
    "this",
    "next",
    "last",
];

/// The status a title, a course's name or a note says of its own row, as whole words of
/// `standings` not denied: a clause that is the word ("Online safety evening -
/// CANCELLED"), ends with it ("Workshop postponed"), has it before a reason or a date
/// ("postponed to spring", "cancelled 03/10"), a phrase of several words at the head of a
/// clause ("Workshop - not enough sign-ups"), or a cell that starts with it ("Cancelled
/// online safety evening"). A status word before a noun inside a clause is the subject's,
/// not the row's: "Talk on the planned phone ban" took place.
pub(crate) fn said_of(text: &str, standings: &[Standing]) -> Option<(Standing, &'static str)> {
    if let Some(found) = starts(text, standings) {
        return Some(found);
    }
    clauses(text).iter().find_map(|c| {
        let padded = format!(" {c} ");
        standings.iter().find_map(|&s| {
            s.words()
                .iter()
                .find(|w| {
                    padded.match_indices(&format!(" {w} ")).any(|(at, m)| {
                        let before = &padded[..=at];
                        let after = padded[at + m.len()..].trim();
                        let next = after.split(' ').next().unwrap_or("");
                        let negated = NEGATIONS
                            .iter()
                            .any(|n| before.ends_with(&format!(" {n} ")));
                        // A phrase of several words ("not enough", "did not run") is
                        // no word before a noun: at the head of a clause it is the status.
                        let placed = after.is_empty()
                            || LINKS.contains(&next)
                            || next.starts_with(|ch: char| ch.is_ascii_digit())
                            || (w.contains(' ') && before.trim().is_empty());
                        !negated && placed
                    })
                })
                .map(|w| (s, *w))
        })
    })
}

#[cfg(test)]
#[path = "cell_tests.rs"]
mod tests;

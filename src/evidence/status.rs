//! What a status word in a register's row says: that what the row records did not happen,
//! has not happened yet, is not valid, or was refused.
//!
//! Every log and register a school keeps has rows for things that never took place beside
//! the ones that did: a workshop cancelled for snow, a survey planned for the spring, a
//! filtering check still to do, a meeting postponed, an agreement refused or withdrawn. A
//! school says so in a Status column, or in the row's own words ("Parent survey (not yet
//! run)"). Counting such a row would raise a figure the records do not justify, so every
//! kind reads its status through [`standing`], the one list of those words, and leaves the
//! row out (or, for a person, counts them as not signed or not trained) with the reason.
//!
//! Words are matched whole, after [`crate::text::normalise`], and a word said not to apply
//! ("not cancelled", "never postponed") says nothing.

use super::Field;
use super::header::Header;
use super::records::text;
use super::table::SheetRow;
use crate::text::normalise;

/// What a status word says of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    /// It did not take place: cancelled, postponed, called off, did not attend.
    DidNotHappen,
    /// It has not taken place yet: planned, scheduled, booked, provisional, to do.
    NotYet,
    /// It is not valid: a draft, withdrawn, superseded, void, expired, entered in error.
    NotValid,
    /// It was refused: refused, declined, not returned, opted out.
    Refused,
    /// It was tried and not passed: a failed assessment, a course not passed. Read only
    /// where passing is what counts (training), since a filtering check that failed still
    /// took place.
    Failed,
}

impl Standing {
    /// What the row is, in words, for the reason it is not counted: "did not take place".
    pub(crate) fn says(self) -> &'static str {
        match self {
            Standing::DidNotHappen => "did not take place",
            Standing::NotYet => {
                "has not taken place (planned, scheduled, provisional, moved or too few signed up)"
            }
            Standing::NotValid => "is not valid (a draft, withdrawn, superseded or void)",
            Standing::Refused => "was refused, declined or not returned",
            Standing::Failed => "was not passed",
        }
    }

    /// Every standing, for a Status column, where any of them says the row does not count.
    pub(crate) const ALL: &'static [Standing] = &[
        Standing::DidNotHappen,
        Standing::NotYet,
        Standing::NotValid,
        Standing::Refused,
    ];

    /// The standings that say a thing did not or has not yet taken place, for the words of
    /// a title or a result, where "refused" may say the filter held.
    pub(crate) const NOT_HELD: &'static [Standing] =
        &[Standing::DidNotHappen, Standing::NotYet, Standing::NotValid];

    /// The standings that say a person was not trained: every one, and a course failed.
    pub(crate) const NOT_TRAINED: &'static [Standing] = &[
        Standing::DidNotHappen,
        Standing::NotYet,
        Standing::NotValid,
        Standing::Refused,
        Standing::Failed,
    ];

    fn words(self) -> &'static [&'static str] {
        match self {
            Standing::DidNotHappen => DID_NOT_HAPPEN,
            Standing::NotYet => NOT_YET,
            Standing::NotValid => NOT_VALID,
            Standing::Refused => REFUSED,
            Standing::Failed => FAILED,
        }
    }
}

/// Words that say a thing did not take place.
const DID_NOT_HAPPEN: &[&str] = &[
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
const NOT_YET: &[&str] = &[
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
const SENT: &[&str] = &[
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
const BACK: &[&str] = &["returned", "received", "signed", "back", "completed"];

/// Whether `text` says a form was sent out and does not say it came back: "Sent out",
/// "Issued 03/09", but not "Sent and returned".
pub(crate) fn sent_out(text: &str) -> bool {
    let padded = format!(" {} ", normalise(text));
    SENT.iter().any(|w| holds(&padded, w)) && !BACK.iter().any(|w| holds(&padded, w))
}

/// Words that say a record is not valid.
const NOT_VALID: &[&str] = &[
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
const REFUSED: &[&str] = &[
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
const FAILED: &[&str] = &[
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

/// Words before a status word that say it does not apply: "not cancelled".
const NEGATIONS: &[&str] = &["not", "never", "no", "wasn t", "was not", "nothing"];

/// The first of `standings` whose words `text` holds, with the words found; `None` when
/// it holds none, or only ones said not to apply ("not cancelled").
pub(crate) fn standing(text: &str, standings: &[Standing]) -> Option<(Standing, &'static str)> {
    let padded = format!(" {} ", normalise(text));
    standings.iter().find_map(|&s| {
        s.words()
            .iter()
            .find(|w| holds(&padded, w))
            .map(|w| (s, *w))
    })
}

/// Whether `padded` holds `word` whole at least once without a negation just before it.
fn holds(padded: &str, word: &str) -> bool {
    let spaced = format!(" {word} ");
    padded.match_indices(&spaced).any(|(at, _)| {
        let before = &padded[..=at];
        !NEGATIONS
            .iter()
            .any(|n| before.ends_with(&format!(" {n} ")))
    })
}

/// Whether `text` starts with words of `standings`: a long cell ("Postponed - head ill",
/// an agenda) is read for its status only at its start, since "discussed the planned
/// filter change" is a meeting that took place.
pub(crate) fn starts(text: &str, standings: &[Standing]) -> Option<(Standing, &'static str)> {
    let n = normalise(text);
    standings.iter().find_map(|&s| {
        s.words()
            .iter()
            .find(|w| n == **w || n.starts_with(&format!("{w} ")))
            .map(|w| (s, *w))
    })
}

/// Whether any clause of `text` (cut at dashes, semicolons, full stops, commas and
/// brackets) starts with words of `standings`: a note or a course name says its status in
/// a clause of its own ("Off sick - did not attend", "Online safety update - CANCELLED"),
/// while "Attended in place of the cancelled session" is training that took place.
pub(crate) fn clause_starts(
    text: &str,
    standings: &[Standing],
) -> Option<(Standing, &'static str)> {
    text.split([';', '.', ',', '(', ')', '[', ']', ':', '–', '—', '/'])
        .flat_map(|p| p.split(" - "))
        .find_map(|clause| starts(clause, standings))
}

/// The Status cell of `field` in `row`, when it says the row does not count: the words
/// as typed, what they say, and the column.
pub(crate) fn column(
    row: &SheetRow,
    header: &Header,
    field: Field,
) -> Option<(String, Standing, Option<u32>)> {
    column_of(row, header, field, Standing::ALL)
}

/// The Status cell of `field` in `row`, when it holds words of `standings`.
fn column_of(
    row: &SheetRow,
    header: &Header,
    field: Field,
    standings: &[Standing],
) -> Option<(String, Standing, Option<u32>)> {
    let typed = text(row, header, field);
    let (s, _) = standing(&typed, standings)?;
    Some((typed, s, header.col(field)))
}

/// The cell saying a row did not take place: its Status column (`status`) for every word,
/// else one of `cells` (a group, an agenda) that starts with words of what did not or has
/// not yet taken place ("Postponed - snow"), with the words typed, what they say and the
/// column.
pub(crate) fn not_held(
    row: &SheetRow,
    header: &Header,
    status: Field,
    cells: &[Field],
) -> Option<(String, Standing, Option<u32>)> {
    column(row, header, status).or_else(|| {
        cells.iter().find_map(|&f| {
            let typed = text(row, header, f);
            let (standing, _) = starts(&typed, Standing::NOT_HELD)?;
            Some((typed, standing, header.col(f)))
        })
    })
}

/// What a row says, in words, when its Status cell (`status`) holds words of
/// `standings`, or one of `cells` (a note, a course's name) has a clause that starts with
/// them ("Off sick - did not attend", "Online safety update - CANCELLED"): with its
/// column.
pub(crate) fn said_in(
    row: &SheetRow,
    header: &Header,
    status: Field,
    cells: &[Field],
    standings: &[Standing],
) -> Option<(String, Option<u32>)> {
    let found = column_of(row, header, status, standings).or_else(|| {
        cells.iter().find_map(|&f| {
            let typed = text(row, header, f);
            let (standing, _) = clause_starts(&typed, standings)?;
            Some((typed, standing, header.col(f)))
        })
    })?;
    let (typed, standing, col) = found;
    Some((
        format!("`{}` says it {}", typed.trim(), standing.says()),
        col,
    ))
}

/// Why a row whose cell `typed` says `standing` is not counted.
pub(crate) fn reason(typed: &str, standing: Standing) -> String {
    format!(
        "`{}` says it {}; not counted",
        typed.trim(),
        standing.says()
    )
}

#[cfg(test)]
mod tests {
    use super::{Standing, standing, starts};

    #[test]
    fn status_words_say_a_row_does_not_count_whatever_their_spelling() {
        let all = Standing::ALL;
        for (typed, want) in [
            ("Cancelled", Standing::DidNotHappen),
            ("CANCELED (snow)", Standing::DidNotHappen),
            ("Postponed to spring", Standing::DidNotHappen),
            ("Called off", Standing::DidNotHappen),
            ("Did not attend", Standing::DidNotHappen),
            ("Planned", Standing::NotYet),
            ("Scheduled", Standing::NotYet),
            ("To do", Standing::NotYet),
            ("Not yet run", Standing::NotYet),
            ("Booked", Standing::NotYet),
            ("Draft", Standing::NotValid),
            ("Withdrawn", Standing::NotValid),
            ("Superseded", Standing::NotValid),
            ("VOID", Standing::NotValid),
            ("Refused", Standing::Refused),
            ("Declined 03/09/2026", Standing::Refused),
            ("Not returned", Standing::Refused),
            ("Opted out", Standing::Refused),
            ("Pending", Standing::NotYet),
            ("Awaiting return", Standing::NotYet),
        ] {
            assert_eq!(standing(typed, all).map(|s| s.0), Some(want), "{typed}");
        }
        for fine in [
            "Held",
            "Done",
            "Signed",
            "Completed",
            "Returned",
            "Not cancelled",
            "Went ahead, never postponed",
            "",
            "Voiding cheques",
            "Plan",
        ] {
            assert_eq!(standing(fine, all), None, "{fine}");
        }
    }

    #[test]
    fn a_form_sent_out_is_awaited_until_the_words_say_it_came_back() {
        for typed in [
            "Sent out",
            "Sent home 03/09/2026",
            "Issued",
            "Reminder sent",
        ] {
            assert!(super::sent_out(typed), "{typed}");
        }
        for typed in [
            "Sent and returned",
            "Signed",
            "Issued, signed copy received",
            "",
        ] {
            assert!(!super::sent_out(typed), "{typed}");
        }
    }

    #[test]
    fn a_long_cell_is_read_for_its_status_only_at_its_start() {
        let held = Standing::NOT_HELD;
        assert!(starts("Postponed - head ill", held).is_some());
        assert!(starts("Cancelled", held).is_some());
        assert!(starts("Discussed the planned filter change", held).is_none());
        // A refusal is no reason a thing did not take place.
        assert!(standing("Refused", held).is_none());
    }
}

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
//! ("not cancelled", "never postponed") says nothing. A Status column is read by
//! [`cell::read`], clause by clause from its start, so that "Held - 2 governors absent" is
//! a meeting held and "No" under "Held?" one that was not; a title or a note by
//! [`cell::said_of`]. A reason quotes only the words read and the column's heading
//! (`Status says "deferred"`), never the rest of the cell, which may name a child.

mod cell;
mod words;

use super::Field;
use super::header::Header;
use super::records::text;
use super::table::SheetRow;
use crate::text::normalise;
pub(crate) use cell::{Read, said_of, says_no};
use words::{BACK, DID_NOT_HAPPEN, FAILED, NOT_VALID, NOT_YET, REFUSED, SENT};
pub(crate) use words::{NEGATIONS, STILL_TO_COME};

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
    /// It was not done: a bare no or a cross ("No" under "Held?"), or a word saying it was
    /// done denied ("not attended", "didn't complete", "un-signed").
    NotDone,
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
            Standing::NotDone => "was not done",
        }
    }

    /// Every standing, for a Status column, where any of them says the row does not count.
    pub(crate) const ALL: &'static [Standing] = &[
        Standing::DidNotHappen,
        Standing::NotYet,
        Standing::NotValid,
        Standing::Refused,
        Standing::NotDone,
    ];

    /// The standings that say a thing did not or has not yet taken place, for the words of
    /// a title or a result, where "refused" may say the filter held.
    pub(crate) const NOT_HELD: &'static [Standing] = &[
        Standing::DidNotHappen,
        Standing::NotYet,
        Standing::NotValid,
        Standing::NotDone,
    ];

    /// The standings that say a person was not trained: every one, and a course failed.
    pub(crate) const NOT_TRAINED: &'static [Standing] = &[
        Standing::DidNotHappen,
        Standing::NotYet,
        Standing::NotValid,
        Standing::Refused,
        Standing::Failed,
        Standing::NotDone,
    ];

    fn words(self) -> &'static [&'static str] {
        match self {
            Standing::DidNotHappen => DID_NOT_HAPPEN,
            Standing::NotYet => NOT_YET,
            Standing::NotValid => NOT_VALID,
            Standing::Refused => REFUSED,
            Standing::Failed => FAILED,
            // Said by a bare no or a denied word of [`words::DONE`], not by words of its own.
            Standing::NotDone => &[],
        }
    }
}

/// Whether `text` says a form was sent out and does not say it came back: "Sent out",
/// "Issued 03/09", but not "Sent and returned".
pub(crate) fn sent_out(text: &str) -> bool {
    let padded = format!(" {} ", normalise(text));
    SENT.iter().any(|w| holds(&padded, w)) && !BACK.iter().any(|w| holds(&padded, w))
}

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

/// What a cell says of its row, in words safe to show: the words read, from the lists
/// only, and the heading of the column they were read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Said {
    /// What the words say the row is.
    pub standing: Standing,
    /// The words read ("deferred", "not attended", "no").
    pub words: String,
    /// The column's heading as the school typed it ("Status", "Held?").
    pub heading: String,
    /// The column.
    pub col: Option<u32>,
}

impl Said {
    /// `Status says "deferred"`.
    pub(crate) fn quote(&self) -> String {
        format!("{} says \"{}\"", self.heading.trim(), spoken(&self.words))
    }
}

/// Words of the lists as a message shows them: "didn t attend" as "didn't attend".
pub(crate) fn spoken(words: &str) -> String {
    let w = format!("{words} ").replace("n t ", "n't ");
    let w = w
        .strip_prefix("un ")
        .map_or(w.clone(), |rest| format!("un-{rest}"));
    w.trim_end().to_string()
}

/// The heading of `field`'s column as typed, or its name when the column has none.
pub(crate) fn heading(header: &Header, field: Field) -> String {
    header
        .columns
        .iter()
        .find(|c| c.field == Some(field))
        .map(|c| c.header.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "A cell".into())
}

/// What the Status cells of `field` say, read for `standings`, each under its own heading
/// (a register may have Status and Held? both): the first that says the row does not
/// count, else one that says it was done, else the first read; `None` when the row has
/// no such column or every such cell is blank.
pub(crate) fn cell(
    row: &SheetRow,
    header: &Header,
    field: Field,
    standings: &[Standing],
) -> Option<(Read, String, Option<u32>)> {
    let read: Vec<(Read, String, Option<u32>)> = header
        .columns
        .iter()
        .filter(|c| c.field == Some(field))
        .filter_map(|c| {
            let heading = c.header.trim().to_string();
            let said = cell::read_under(&heading, &row.get(c.index).text(), standings)?;
            Some((said, heading, Some(c.index)))
        })
        .collect();
    let rank = |r: &Read| match r {
        Read::Not(..) => 0,
        Read::Done => 1,
        Read::Unknown => 2,
    };
    read.into_iter().min_by_key(|(r, _, _)| rank(r))
}

/// The Status cell of `field` in `row`, when it says the row does not count.
pub(crate) fn column(row: &SheetRow, header: &Header, field: Field) -> Option<Said> {
    match cell(row, header, field, Standing::ALL)? {
        (Read::Not(standing, words), heading, col) => Some(Said {
            standing,
            words,
            heading,
            col,
        }),
        _ => None,
    }
}

/// The cell of `field` in `row` when its words say the row did not happen
/// ([`said_of`], read for `standings`).
pub(crate) fn other(
    row: &SheetRow,
    header: &Header,
    field: Field,
    standings: &[Standing],
) -> Option<Said> {
    let (standing, words) = said_of(&text(row, header, field), standings)?;
    Some(Said {
        standing,
        words: words.into(),
        heading: heading(header, field),
        col: header.col(field),
    })
}

/// The cell saying a row did not take place: its Status column (`status`) for every word,
/// else one of `cells` (a group, an agenda) that starts with words of what did not or has
/// not yet taken place ("Postponed - snow"): the words read with the heading, what they
/// say and the column.
pub(crate) fn not_held(
    row: &SheetRow,
    header: &Header,
    status: Field,
    cells: &[Field],
) -> Option<(String, Standing, Option<u32>)> {
    let said = column(row, header, status).or_else(|| {
        cells.iter().find_map(|&f| {
            let (standing, words) = starts(&text(row, header, f), Standing::NOT_HELD)?;
            Some(Said {
                standing,
                words: words.into(),
                heading: heading(header, f),
                col: header.col(f),
            })
        })
    })?;
    Some((said.quote(), said.standing, said.col))
}

/// What a row says, in words, when it was not done: its Status cell (`status`), read
/// failing closed, so that only words of [`words::DONE`], a yes or a tick count and any other
/// status is not done; else one of `cells` (a note, a course's name) whose words say it
/// did not take place ([`said_of`]). `done` names, for the reason, what counts as done.
pub(crate) fn said_in(
    row: &SheetRow,
    header: &Header,
    status: Field,
    cells: &[Field],
    (standings, done): (&[Standing], &str),
) -> Option<(String, Option<u32>)> {
    match cell(row, header, status, standings) {
        Some((Read::Not(standing, words), heading, col)) => {
            let said = Said {
                standing,
                words,
                heading,
                col,
            };
            return Some((format!("{}: it {}", said.quote(), standing.says()), col));
        }
        Some((Read::Unknown, heading, col)) => {
            return Some((
                format!("the {heading} column says nothing selfreview reads as {done}"),
                col,
            ));
        }
        Some((Read::Done, ..)) | None => {}
    }
    let said = cells
        .iter()
        .find_map(|&f| other(row, header, f, standings))?;
    Some((
        format!("{}: it {}", said.quote(), said.standing.says()),
        said.col,
    ))
}

/// Why a row is not counted, given what a cell says of it (`said`, as [`Said::quote`])
/// and what that means.
pub(crate) fn reason(said: &str, standing: Standing) -> String {
    format!("{said}: it {}; not counted", standing.says())
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

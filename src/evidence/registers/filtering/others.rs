//! What a filtering check's other cells say beside its result.
//!
//! A log's Result may say "Blocked" while the Action taken says "3 sites got through - not
//! yet fixed", a Notes column "Check not actually completed" or What was tested "Not
//! tested - no devices available". The result alone is not the check: any other cell of
//! the row (What was tested, Action taken, and every column the headings did not map) that
//! says content got through makes the check a failure, and one that says the check was not
//! made or not finished means no check was made. The cells are never quoted: a note may
//! name a child.

use chrono::NaiveDate;

use super::FilteringCheck;
use crate::evidence::Field;
use crate::evidence::header::Header;
use crate::evidence::records::{RowOutcome, skip};
use crate::evidence::table::SheetRow;

/// What another cell of the row says of the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Says {
    /// Content got through, or a failure is not yet put right.
    GotThrough,
    /// The check was not made, or not finished.
    NotMade,
}

/// Phrases saying nothing got through, taken out before [`GOT_THROUGH`] is looked for, so
/// "page failed to load" is no failure; those that deny content reached the screen
/// ("Nothing got through", "0 sites accessible") are read by [`super::negation`] first.
const HELD: &[&str] = &[
    "inaccessible",
    "failed to load",
    "fails to load",
    "not unblocked",
];

/// Phrases saying content got through or a failure stands.
const GOT_THROUGH: &[&str] = &[
    "got through",
    "get through",
    "gets through",
    "getting through",
    "slipped through",
    "not blocked",
    "unblocked",
    "not filtered",
    "unfiltered",
    "partially blocked",
    "partly blocked",
    "not fully blocked",
    "not all blocked",
    "accessible",
    "was accessed",
    "were accessed",
    "could be accessed",
    "loaded",
    "not fixed",
    "not yet fixed",
    "not resolved",
    "not yet resolved",
    "unresolved",
    "still open",
    "still accessible",
    "still available",
    "failed",
    "fail",
    "breach",
];

/// Words that may stand between "not" and the verb of [`NOT_MADE`] ("not actually
/// completed", "not yet tested", "not fully carried out").
const BETWEEN: &[&str] = &[
    "actually", "really", "yet", "fully", "properly", "been", "all",
];

/// Phrases saying the check was not made or not finished: anywhere in a cell beside the
/// result, and at the start of the result itself ([`super::not_made`]).
pub(super) const NOT_MADE: &[&str] = &[
    "not done",
    "not tested",
    "not checked",
    "not completed",
    "not complete",
    "not finished",
    "not carried out",
    "not made",
    "not run",
    "not possible",
    "incomplete",
    "unfinished",
    "abandoned",
    "no check",
    "no test",
    "no testing",
    "unable to test",
    "unable to check",
    "could not test",
    "could not check",
    "couldn t test",
    "couldn t check",
    "did not happen",
    "didn t happen",
    "never done",
    "never tested",
    "never completed",
];

/// Takes every phrase of `list` out of `padded`, longest first.
fn take(padded: &mut String, list: &[&str]) {
    let mut phrases = list.to_vec();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in phrases {
        let spaced = format!(" {p} ");
        while padded.contains(&spaced) {
            *padded = padded.replacen(&spaced, " ", 1);
        }
    }
}

/// What one cell says of the check, if anything: content getting through first (a
/// failure outweighs an unfinished check), then a check not made.
pub(super) fn says(cell: &str) -> Option<Says> {
    // "None blocked" says content got through; "None accessible" that it did not.
    let negated = super::negation::read(&super::negation::none_counted(cell));
    if negated.failed {
        return Some(Says::GotThrough);
    }
    let words: Vec<String> = negated
        .rest
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut padded = format!(" {} ", words.join(" "));
    take(&mut padded, HELD);
    let has = |text: &str, list: &[&str]| list.iter().any(|p| text.contains(&format!(" {p} ")));
    if has(&padded, GOT_THROUGH) {
        return Some(Says::GotThrough);
    }
    // "not actually completed" is read as "not completed".
    let mut kept: Vec<&str> = Vec::new();
    for w in &words {
        if BETWEEN.contains(&w.as_str()) && matches!(kept.last(), Some(&"not")) {
            continue;
        }
        kept.push(w);
    }
    has(&format!(" {} ", kept.join(" ")), NOT_MADE).then_some(Says::NotMade)
}

/// What the row's cells other than its date, result and status say, with the column that
/// says it: the first that says content got through, else the first that says the check
/// was not made.
pub(super) fn other_cells(row: &SheetRow, header: &Header) -> Option<(Says, u32, String)> {
    let read = [Field::FilteringTested, Field::FilteringAction];
    let mut found: Vec<(Says, u32, String)> = header
        .columns
        .iter()
        .filter(|c| c.field.is_none_or(|f| read.contains(&f)))
        .filter_map(|c| Some((says(&row.get(c.index).text())?, c.index, c.header.clone())))
        .collect();
    found.sort_by_key(|(s, ..)| *s != Says::GotThrough);
    found.into_iter().next()
}

/// The row's outcome when another cell decides it, given what its result says (`read`,
/// as [`super::got_through`]): a check not made is skipped naming the column; a check
/// whose result is not already a failure becomes one, noted at the column that says so.
pub(super) fn outcome(
    row: &SheetRow,
    header: &Header,
    date: NaiveDate,
    read: Option<bool>,
) -> Option<RowOutcome<FilteringCheck>> {
    let (says, at, name) = other_cells(row, header)?;
    match says {
        Says::NotMade => Some(skip(
            format!(
                "the {name} column says the check was not made or not finished; not counted as a check"
            ),
            Some(at),
        )),
        Says::GotThrough if read == Some(true) => None,
        Says::GotThrough => Some(RowOutcome::Noted {
            record: FilteringCheck {
                date,
                failed: true,
                unclear: false,
            },
            note: format!(
                "the {name} column says content got through or a failure is not put right; counted as a failed check"
            ),
            col: Some(at),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::{Says, says};

    #[test]
    fn another_cell_saying_content_got_through_or_no_check_was_made_is_read() {
        for through in [
            "3 sites got through - reported to provider, not yet fixed",
            "YouTube still accessible",
            "Gambling site loaded on iPads",
            "Reported to provider, not resolved",
            "Not blocked on guest wifi",
            "Check failed on 2 devices",
            "None blocked on the iPads",
            "No - accessible on guest wifi",
            "Not passed",
        ] {
            assert_eq!(says(through), Some(Says::GotThrough), "{through}");
        }
        for not_made in [
            "Check not actually completed - laptop died",
            "Not tested - no devices available",
            "Incomplete: ran out of time",
            "Unable to test the iPads",
            "Not yet tested on staff laptops",
        ] {
            assert_eq!(says(not_made), Some(Says::NotMade), "{not_made}");
        }
        for nothing in [
            "",
            "None needed",
            "No action required",
            "SWGfL test set",
            "Nothing got through",
            "0 sites accessible",
            "None of the sites could be accessed",
            "No fails",
            "No breaches found",
            "0 of 10 sites accessible",
            "All sites inaccessible",
            "Page failed to load as expected",
            "Checked on all devices",
            "Mr Smith",
        ] {
            assert_eq!(says(nothing), None, "{nothing}");
        }
    }
}

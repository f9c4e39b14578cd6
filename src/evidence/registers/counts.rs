//! Count columns of the registers: how many signed, responded or attended, typed as a
//! number, as "28 of 30", approximately ("about 30") or not at all ("n/a"), and how a
//! count cell is named in a message without repeating any other word typed there.

use crate::evidence::Field;
use crate::evidence::header::{Header, normalise};
use crate::evidence::table::{SheetRow, Value};

/// A count column's value: a number, or text such as "28", "28 of 30" or "28/30" (the
/// second number is returned too); `Err` holds the reason for skipping.
pub(super) fn count(
    row: &SheetRow,
    header: &Header,
    field: Field,
) -> Result<Option<(usize, Option<usize>)>, String> {
    let counted = read_count(row, header, field)?;
    if let Some((n, of)) = counted
        && (n > MOST_PEOPLE || of.is_some_and(|of| of > MOST_PEOPLE))
    {
        let typed = header
            .col(field)
            .map(|c| row.get(c).text())
            .unwrap_or_default();
        return Err(format!("{} {TOO_MANY}", count_cell(&typed)));
    }
    Ok(counted)
}

/// The most people a count in a school's register can be: more is a figure typed wrongly
/// (a date, a phone number, a key held down), and is not used.
pub(crate) const MOST_PEOPLE: usize = 10_000;

/// How the reason ends for a percentage typed where a number of people belongs.
pub(crate) const PERCENT: &str =
    "is a percentage, not a number of people, so it is not used: give how many (28, or 28 of 30)";

/// How the reason ends for a count of more people than a school has.
pub(crate) const TOO_MANY: &str = "is more people than a school has, so it is not used";

fn read_count(
    row: &SheetRow,
    header: &Header,
    field: Field,
) -> Result<Option<(usize, Option<usize>)>, String> {
    let Some(col) = header.col(field) else {
        return Ok(None);
    };
    match row.get(col) {
        Value::Empty => Ok(None),
        Value::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 1e9 => {
            Ok(Some((*n as usize, None)))
        }
        other => {
            let t = without_thousands_separators(&other.text());
            if t.trim_start().starts_with('-') {
                return Err(format!("{} is not a number", count_cell(&t)));
            }
            // "95%" is a share of the group, not 95 people: it is not read as a count.
            if t.contains('%') {
                return Err(format!("{} {PERCENT}", count_cell(&t)));
            }
            let numbers: Vec<usize> = t
                .split(|c: char| !c.is_ascii_digit())
                .filter(|p| !p.is_empty())
                .filter_map(|p| p.parse().ok())
                .collect();
            match numbers.as_slice() {
                [n] => Ok(Some((*n, None))),
                [n, of] if t.contains('/') || normalise(&t).contains(" of ") => {
                    Ok(Some((*n, Some(*of))))
                }
                _ => Err(format!("{} is not a number", count_cell(&t))),
            }
        }
    }
}

/// `text` with the commas that separate thousands taken out: "1,204" → "1204",
/// "1,204 of 1,530" → "1204 of 1530". A comma is a separator only between a digit and
/// exactly three more digits; "3,4" is left alone (and is then not one number).
pub(super) fn without_thousands_separators(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            let separator = *c == ','
                && i > 0
                && digit(i - 1)
                && (1..=3).all(|k| digit(i + k))
                && !digit(i + 4);
            !separator
        })
        .map(|(_, c)| *c)
        .collect()
}

/// What a school writes in a number column to say the number is not known.
const UNKNOWN: &[&str] = &[
    "n/a",
    "na",
    "n.a.",
    "-",
    "–",
    "—",
    "none",
    "unknown",
    "not known",
    "not recorded",
    "?",
    "tbc",
    "nil",
];

/// Whether a number cell says the number is not given: `n/a`, `-`, `none`, `nil`, … .
pub(super) fn not_given(text: &str) -> bool {
    UNKNOWN.contains(&text.trim().to_lowercase().as_str())
}

/// A count column's value where a mark such as `n/a` or `-` is no number at all (`None`),
/// never a count of nought and never a reason to skip the row.
pub(super) fn given_count(
    row: &SheetRow,
    header: &Header,
    field: Field,
) -> Result<Option<(usize, Option<usize>)>, String> {
    match header.col(field) {
        Some(col) if not_given(&row.get(col).text()) => Ok(None),
        _ => count(row, header, field),
    }
}

/// An optional count column's value, where a mark such as `n/a`, `-` or `none` says the
/// number is not known: the row is kept without it, and the note says so.
pub(super) fn optional_count(
    row: &SheetRow,
    header: &Header,
    field: Field,
    what: &str,
    notes: &mut Vec<(String, Option<u32>)>,
) -> Option<usize> {
    let col = header.col(field)?;
    let t = row.get(col).text();
    if not_given(&t) {
        notes.push((
            format!("{what} `{}` taken as not known", t.trim()),
            Some(col),
        ));
        return None;
    }
    match count(row, header, field) {
        Ok(Some((n, _))) => {
            let typed = row.get(col).text();
            if approximate(&typed) {
                notes.push((
                    format!("{} is approximate: taken as {n}", count_named(what, &typed)),
                    Some(col),
                ));
            }
            Some(n)
        }
        Ok(None) => None,
        Err(reason) if reason.ends_with(TOO_MANY) => {
            notes.push((
                format!("{what} {reason}: the row counts without it"),
                Some(col),
            ));
            None
        }
        // A figure that cannot be a count of people (-5, 12.7, 1e20) is left out, not the
        // row: the session or survey still happened.
        Err(_) => {
            notes.push((
                format!(
                    "{} is not a whole number of people: the row counts without it",
                    count_named(what, &row.get(col).text())
                ),
                Some(col),
            ));
            None
        }
    }
}

/// Words and marks that say a number is approximate: "about 200", "30+", "c. 40", "~25".
const APPROXIMATE: &[&str] = &[
    "about",
    "approx",
    "approximately",
    "around",
    "roughly",
    "c",
    "ca",
    "circa",
    "est",
    "estimated",
    "over",
    "nearly",
    "almost",
    "under",
    "least",
    "more",
    "less",
    "fewer",
    "plus",
    "odd",
    "ish",
    "some",
];

/// Whether a word, in lower case, is one a count is typed with ("about 30", "28 of 30",
/// "n/a").
pub(super) fn count_word(w: &str) -> bool {
    const WITH_A_COUNT: &[&str] = &[
        "of", "out", "at", "than", "in", "total", "all", "e", "n", "a", "na", "none", "nil",
        "unknown", "not", "known", "recorded", "tbc", "percent", "per", "cent", "people", "lots",
        "many", "few", "several", "dozen",
    ];
    APPROXIMATE.contains(&w) || WITH_A_COUNT.contains(&w)
}

/// A count cell for a message, quoted only when its words are all [`count_word`]s: any
/// other may name someone.
pub(super) fn count_cell(typed: &str) -> String {
    crate::text::quote_cell(typed, count_word)
}

/// A count cell named for a message by what it counts: "attendance `about 30`", or "the
/// attendance cell" when [`count_cell`] does not quote it.
fn count_named(what: &str, typed: &str) -> String {
    match count_cell(typed) {
        c if c == crate::text::UNQUOTED => format!("the {what} cell"),
        c => format!("{what} {c}"),
    }
}

/// Whether a count as typed says it is approximate.
pub(super) fn approximate(typed: &str) -> bool {
    typed.contains(['+', '~', '>', '<', '≈'])
        || typed
            .to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .any(|w| APPROXIMATE.contains(&w))
}

//! What the Signed column of an agreements register means, decided from the whole column.
//!
//! Schools keep the column two ways: a count for each group ("28", "28 of 30"), or a mark
//! beside each person's name (Y/N, Yes/No, ✓/✗, x, TRUE/FALSE, or the date it was signed).
//! One cell cannot say which: a `1` is a count of one or a yes. So each row is read as far
//! as it can be ([`Pending`]) and the rows are judged together once the file is read
//! ([`settle`]): the column is counts or marks as most of its cells say, a `1` or `0` is
//! read the column's way, and a cell of the other kind (or one that is neither) gives no
//! count: the row keeps its group's number, or its person, with none signed, and a note
//! names its row and column. Only a row that gives no number and no person is skipped, so
//! a cell that cannot be read never raises the share signed. The rows are held only that long, without names (a person is a
//! hash), and agreements registers run to a school's roll, not to millions of rows.
//!
//! A Signed column of dates is a column of marks: a date is a yes on that day, read before
//! any count (`Sept 2026` is a month, not 2026 signatures), and the register then records
//! when people signed just as one with a column of dates does.
//!
//! A person whose agreement date cannot be read, or who is marked signed with no date,
//! still counts among the people of their group, as not shown signed this school year:
//! dropping them would raise the share signed. A count with no readable date likewise
//! keeps its group's size, with none signed this year, as does a count in a register that
//! records no dates at all.

mod refusal;
mod rows;

use chrono::NaiveDate;

use super::{Agreement, count, given_count, not_given};
use crate::dates;
use crate::evidence::Field;
use crate::evidence::header::Header;
use crate::evidence::records::{RowOutcome, is_one_of, skip, text};
use crate::evidence::table::{SheetRow, Value};
pub(crate) use rows::{GROUP_NONE, NOT_SHOWN};
use rows::{group, person, refused, unread, unreadable};

/// Marks that say a person signed.
const YES: &[&str] = &[
    "y", "yes", "x", "true", "signed", "returned", "received", "done", "ok", "tick", "ticked",
    "agreed",
];

/// Ticks and crosses, which are read as typed: a tick is a yes, a cross a no.
const TICKS: &[&str] = &["✓", "✔", "☑", "✅", "√"];
const CROSSES: &[&str] = &["✗", "✘", "☒", "❌", "×"];

/// Marks that say a person has not signed.
const NO: &[&str] = &[
    "n",
    "no",
    "false",
    "not signed",
    "not returned",
    "unsigned",
    "outstanding",
    "missing",
    "awaiting",
    "pending",
];

/// Words that, typed beside a count ("14 (pending)", "3 not returned"), say the count is
/// not of agreements signed.
const NOT_SIGNED_BESIDE: &[&str] = &[
    "pending",
    "awaiting",
    "awaited",
    "outstanding",
    "not signed",
    "not returned",
    "not yet",
    "unsigned",
    "missing",
    "to come",
    "chasing",
    "chased",
    "due",
    "expected",
];

/// The words of [`NOT_SIGNED_BESIDE`] a cell holding a number holds, whole.
fn not_signed_beside(typed: &str) -> Option<&'static str> {
    if !typed.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let padded = format!(" {} ", crate::text::normalise(typed));
    NOT_SIGNED_BESIDE
        .iter()
        .find(|w| padded.contains(&format!(" {w} ")))
        .copied()
}

/// A Signed cell for a message, quoted only when its words are a mark's, a count's or a
/// date's: the cell sits beside a child's name, and any other word may be one.
fn shown(typed: &str) -> String {
    const MARKED: &[&str] = &[
        "not",
        "signed",
        "returned",
        "unsigned",
        "outstanding",
        "missing",
        "awaiting",
        "awaited",
        "pending",
        "yet",
        "to",
        "come",
        "chasing",
        "chased",
    ];
    // A month's name alone ("May", "June") may be someone's: it is a date's word only
    // beside a number.
    let numbered = typed.chars().any(|c| c.is_ascii_digit());
    crate::text::quote_cell(typed, |w| {
        is_one_of(w, YES)
            || is_one_of(w, NO)
            || MARKED.contains(&w)
            || super::count_word(w)
            || (numbered && dates::date_word(w))
    })
}

/// What one Signed cell holds, before the column is known.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Signed {
    /// Nothing.
    Blank,
    /// A count, with the group's size when typed in the cell ("28 of 30").
    Count(usize, Option<usize>),
    /// A yes or a no; a date typed in the column is a yes on that day.
    Mark(bool, Option<NaiveDate>),
    /// `0` or `1`: a count or a mark, as the rest of the column says.
    ZeroOne(usize),
    /// A date that cannot be read (`31/09/2026`): a person's mark whose day is not known.
    BadDate(String),
    /// Neither, with the reason.
    Neither(String),
}

/// Why a group's row with its size but a blank count of who signed gives none signed.
pub(crate) const NO_COUNT: &str = "a number in the group but no count of who signed";

/// Reads the Signed cell of a row.
pub(super) fn read(row: &SheetRow, header: &Header) -> Signed {
    let Some(col) = header.col(Field::AgreementSigned) else {
        return Signed::Blank;
    };
    let cell = row.get(col);
    match cell {
        Value::Empty | Value::Unread => return Signed::Blank,
        Value::Bool(b) => return Signed::Mark(*b, None),
        Value::Date(d) => return Signed::Mark(true, Some(*d)),
        Value::DateTime(t) => return Signed::Mark(true, Some(t.date())),
        Value::Number(n) if *n == 0.0 || *n == 1.0 => return Signed::ZeroOne(*n as usize),
        Value::Text(t) if t.trim() == "0" || t.trim() == "1" => {
            return Signed::ZeroOne(usize::from(t.trim() == "1"));
        }
        // "Y?": a mark in doubt does not say the agreement was signed.
        Value::Text(t) if t.contains('?') => {
            return Signed::Neither(format!(
                "{} is a mark with a question mark, which does not say it was signed",
                shown(t)
            ));
        }
        Value::Text(t) if TICKS.contains(&t.trim()) => return Signed::Mark(true, None),
        Value::Text(t) if CROSSES.contains(&t.trim()) => return Signed::Mark(false, None),
        Value::Text(t) if is_one_of(t, YES) => return Signed::Mark(true, None),
        Value::Text(t) if is_one_of(t, NO) => return Signed::Mark(false, None),
        // "14 (pending)": the words beside the count say it is not yet signed.
        Value::Text(t) if let Some(words) = not_signed_beside(t) => {
            return Signed::Neither(format!(
                "{} says \"{words}\" beside the count, which does not say they signed",
                shown(t)
            ));
        }
        // `n/a`, `-`, `none`: nothing given, as a blank cell gives nothing.
        Value::Text(t) if not_given(t) => return Signed::Blank,
        _ => {}
    }
    // A date is read before a count: `Sept 2026` holds a number, but it is the month the
    // agreement was signed, and `31/09/2026` is a date typed wrongly, not three numbers.
    let typed = cell.text();
    match dates::parse(&typed) {
        Ok(d) => return Signed::Mark(true, Some(d)),
        Err(e) if dates::looks_like_date(&typed) => {
            return Signed::BadDate(format!("{} {}", crate::dates::quoted(&typed), e.describe()));
        }
        Err(_) => {}
    }
    match count(row, header, Field::AgreementSigned) {
        Ok(Some((n, of))) => Signed::Count(n, of),
        Ok(None) => Signed::Blank,
        Err(reason) if reason.contains(super::TOO_MANY) || reason.contains(super::PERCENT) => {
            Signed::Neither(reason)
        }
        Err(_) => Signed::Neither(format!(
            "{} is neither a count nor a yes/no mark",
            shown(&typed)
        )),
    }
}

/// A row of an agreements register read as far as it can be before the whole Signed
/// column is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// The row, 0-based.
    pub index: u32,
    pub(super) group: String,
    pub(super) part: String,
    /// A person's row: a hash of the folded name.
    pub(super) person: Option<u64>,
    pub(super) signed: Signed,
    /// The Signed cell as typed, for the reasons.
    pub(super) typed: String,
    pub(super) of: Result<Option<usize>, String>,
    pub(super) date: Result<Option<NaiveDate>, String>,
    /// Why the row's agreement does not stand, and the column that says so, when a cell
    /// says it was refused, withdrawn or is void ([`refusal::refusal`]).
    pub(super) refused: Option<(String, Option<u32>)>,
}

impl Pending {
    pub(super) fn new(
        row: &SheetRow,
        header: &Header,
        (group, part): (String, String),
        person: Option<u64>,
    ) -> Self {
        Pending {
            index: row.index,
            group,
            part,
            person,
            signed: read(row, header),
            typed: text(row, header, Field::AgreementSigned),
            of: given_count(row, header, Field::AgreementOf).map(|c| c.map(|(n, _)| n)),
            date: crate::evidence::records::date(row, header, Field::AgreementDate),
            refused: refusal::refusal(row, header),
        }
    }
}

/// What the Signed column holds, as most of its cells say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Counts,
    Marks,
    /// As many of each: neither way can be taken.
    Mixed,
    /// Only blanks, `0`s and `1`s: each row says by what is beside it.
    Undecided,
}

/// The rows of one register judged together: the Signed column is read as most of its
/// cells say, and each row becomes a record or a reason, in the register's order.
pub fn settle(rows: Vec<Pending>, header: &Header) -> Settled {
    let marks = rows
        .iter()
        .filter(|p| matches!(p.signed, Signed::Mark(..) | Signed::BadDate(_)))
        .count();
    let counts = rows
        .iter()
        .filter(|p| matches!(p.signed, Signed::Count(..)))
        .count();
    let column = match (marks, counts) {
        (0, 0) => Column::Undecided,
        (m, c) if m > c => Column::Marks,
        (m, c) if c > m => Column::Counts,
        _ => Column::Mixed,
    };
    // A Signed column of marks that holds dates records when each person signed, as a
    // column of its own would: a yes with no date then cannot show this school year.
    let dates_in_signed = column == Column::Marks
        && rows
            .iter()
            .any(|p| matches!(p.signed, Signed::Mark(_, Some(_)) | Signed::BadDate(_)));
    let dates_recorded = header.col(Field::AgreementDate).is_some() || dates_in_signed;
    let rows = rows
        .into_iter()
        .map(|p| {
            (
                p.index,
                p.group.clone(),
                judge(p, column, header, dates_recorded),
            )
        })
        .collect();
    Settled {
        rows,
        dates_in_signed,
    }
}

/// A register's rows judged together.
#[derive(Debug)]
pub struct Settled {
    /// Each row's group and record or reason, in the register's order.
    pub rows: Vec<(u32, String, RowOutcome<Agreement>)>,
    /// The Signed column gives the dates people signed: the register records dates, with
    /// or without a column of its own for them.
    pub dates_in_signed: bool,
}

/// One row, the column being known.
fn judge(
    p: Pending,
    column: Column,
    header: &Header,
    dates_recorded: bool,
) -> RowOutcome<Agreement> {
    let at = header.col(Field::AgreementSigned);
    // The column as the school heads it ("Returned", "Signed (Y/N)").
    let heading = header
        .columns
        .iter()
        .find(|c| c.field == Some(Field::AgreementSigned))
        .map_or("Signed", |c| c.header.as_str());
    let other = |what: &str, most: &str| {
        let of_column = if column == Column::Mixed {
            format!("the {heading} column holds as many {most} as {what}s")
        } else {
            format!("most of the {heading} column holds {most}")
        };
        format!(
            "{} is a {what}, but {of_column}: keep the column to counts for groups or to a mark for each person",
            shown(&p.typed)
        )
    };
    if let Some((reason, col)) = p.refused.clone() {
        let of = match p.signed {
            Signed::Count(_, of) => of,
            _ => None,
        };
        return refused(p, reason, of, col, header);
    }
    match (p.signed.clone(), column) {
        (Signed::Neither(reason), _) => unread(p, reason, None, header),
        (Signed::Mark(_, Some(_)) | Signed::BadDate(_), Column::Counts | Column::Mixed) => {
            let reason = other("date", "counts");
            unread(p, reason, None, header)
        }
        (Signed::Mark(..), Column::Counts | Column::Mixed) => {
            let reason = other("yes/no mark", "counts");
            unread(p, reason, None, header)
        }
        (Signed::BadDate(reason), _) => unreadable(p, reason, header),
        (Signed::Count(..), Column::Marks | Column::Mixed) => {
            let reason = other("count", "yes/no marks");
            unread(p, reason, None, header)
        }
        (Signed::ZeroOne(_), Column::Mixed) => {
            let reason = other("count or a yes/no mark", "counts");
            unread(p, reason, None, header)
        }
        (Signed::Mark(yes, on), _) => person(p, Some(yes), on, header, dates_recorded),
        (Signed::ZeroOne(n), Column::Marks) => {
            person(p, Some(n == 1), None, header, dates_recorded)
        }
        // A one beside a name with no group size is that person's mark, whatever else the
        // column holds: as a count it could be read no way at all.
        (Signed::ZeroOne(n), Column::Counts | Column::Undecided)
            if p.person.is_some() && p.of == Ok(None) =>
        {
            person(p, Some(n == 1), None, header, dates_recorded)
        }
        (Signed::ZeroOne(n), Column::Counts) => group(p, n, None, header, dates_recorded),
        (Signed::ZeroOne(n), Column::Undecided) => match p.of {
            Ok(Some(_)) => group(p, n, None, header, dates_recorded),
            _ => skip(
                format!(
                    "{} in the {heading} column could be a count or a yes/no mark: give each person's name beside a mark, or the number in the group (Out of) beside a count",
                    shown(&p.typed)
                ),
                at,
            ),
        },
        (Signed::Count(n, of), _) => group(p, n, of, header, dates_recorded),
        (Signed::Blank, Column::Marks) => person(p, Some(false), None, header, dates_recorded),
        (Signed::Blank, _) => match (&p.of, p.person) {
            (Ok(None), Some(_)) => person(p, None, None, header, dates_recorded),
            (Ok(None), None) => skip("no name and no count of who signed", at),
            // `n/a` or `-`: said not to be known, rather than left blank.
            (Ok(Some(_)), _) if !p.typed.trim().is_empty() => {
                let reason = "the count of who signed is marked as not known".to_string();
                unread(p, reason, None, header)
            }
            (Ok(Some(_)), _) => unread(p, NO_COUNT.to_string(), None, header),
            (Err(reason), _) => skip(reason.clone(), header.col(Field::AgreementOf)),
        },
    }
}

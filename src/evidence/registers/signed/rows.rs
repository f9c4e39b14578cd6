//! Each row of an agreements register made a record once its Signed column is known: a
//! person's mark, a group's count, and a row whose Signed cell gives no count, which keeps
//! the group's number or the person with none signed so the share can never rise for it.

use chrono::NaiveDate;

use super::Pending;
use crate::evidence::Field;
use crate::evidence::header::Header;
use crate::evidence::records::{RowOutcome, skip};
use crate::evidence::registers::Agreement;

/// How a note ends for a group whose count of who signed cannot be read.
pub(crate) const GROUP_NONE: &str = "its group's number counted with none signed";

/// A row whose Signed cell gives no count that can be read: the group's number (`of`, else
/// the Out of column's) still counts, with none of it signed, and a person's row counts the
/// person as not signed, each noted at the cell. Only a row that gives neither is skipped:
/// leaving out a number the row gives would raise the share signed.
pub(super) fn unread(
    p: Pending,
    reason: String,
    of: Option<usize>,
    header: &Header,
) -> RowOutcome<Agreement> {
    let at = header.col(Field::AgreementSigned);
    let (person, of, ends) = match (of.or(p.of.clone().ok().flatten()), p.person) {
        (Some(of), _) => (None, of, GROUP_NONE),
        (None, Some(key)) => (Some(key), 1, NOT_SIGNED),
        (None, None) => return skip(reason, at),
    };
    let record = Agreement {
        group: p.group,
        part: p.part,
        person,
        signed: 0,
        of,
        date: p.date.ok().flatten(),
        date_missing: false,
    };
    noted(record, Some((format!("{reason}; {ends}"), at)))
}

/// A row that a cell says was refused, withdrawn or is void: read as [`unread`] reads a
/// row whose count cannot be read (the person not signed, the group's number with none
/// signed), the note at the cell that says so.
pub(super) fn refused(
    p: Pending,
    reason: String,
    of: Option<usize>,
    col: Option<u32>,
    header: &Header,
) -> RowOutcome<Agreement> {
    match unread(p, reason, of, header) {
        RowOutcome::Noted { record, note, .. } => RowOutcome::Noted { record, note, col },
        RowOutcome::Skipped { reason, .. } => RowOutcome::Skipped { reason, col },
        other => other,
    }
}

/// How a note ends for a person counted in their group but not shown signed this school
/// year, for the warning that gathers them.
pub(crate) const NOT_SHOWN: &str = "counted as not shown signed this school year";

/// A person's row: `mark` is the Signed column's yes or no (`None` with no such column:
/// then a date says they signed), `on` a date typed in that column.
pub(super) fn person(
    p: Pending,
    mark: Option<bool>,
    on: Option<NaiveDate>,
    header: &Header,
    dates_recorded: bool,
) -> RowOutcome<Agreement> {
    let Some(key) = p.person else {
        return skip(
            "a yes/no mark with no name beside it",
            header.col(Field::AgreementPerson),
        );
    };
    let date_col = header.col(Field::AgreementDate);
    let (date, note) = match (mark, p.date) {
        (Some(false), Ok(Some(_))) => (
            None,
            Some((
                format!("a date, but not marked signed; {NOT_SIGNED}"),
                header.col(Field::AgreementSigned),
            )),
        ),
        (Some(false), _) => (None, None),
        (_, Err(reason)) => match on {
            Some(d) => (Some(d), None),
            None => (None, Some((format!("{reason}; {NOT_SHOWN}"), date_col))),
        },
        (Some(true), Ok(None)) if on.is_none() && dates_recorded => (
            None,
            Some((
                format!("marked signed with no date; {NOT_SHOWN}"),
                date_col.or(header.col(Field::AgreementSigned)),
            )),
        ),
        (_, Ok(d)) => (d.or(on), None),
    };
    let record = Agreement {
        group: p.group,
        part: p.part,
        person: Some(key),
        signed: usize::from(date.is_some()),
        of: 1,
        date,
        date_missing: false,
    };
    noted(record, note)
}

/// A person whose Signed cell is a date that cannot be read: one of their group, not
/// shown signed this school year, as the note says.
pub(super) fn unreadable(p: Pending, reason: String, header: &Header) -> RowOutcome<Agreement> {
    let Some(key) = p.person else {
        return skip(
            "a date signed with no name beside it",
            header.col(Field::AgreementPerson),
        );
    };
    let record = Agreement {
        group: p.group,
        part: p.part,
        person: Some(key),
        signed: 0,
        of: 1,
        date: None,
        date_missing: false,
    };
    noted(
        record,
        Some((
            format!("{reason}; {NOT_SHOWN}"),
            header.col(Field::AgreementSigned),
        )),
    )
}

const NOT_SIGNED: &str = "counted as not signed";

/// A group's count: `n` signed, out of `of_cell` when the cell gives it, else the Out of
/// column's number.
pub(super) fn group(
    p: Pending,
    n: usize,
    of_cell: Option<usize>,
    header: &Header,
    dates_recorded: bool,
) -> RowOutcome<Agreement> {
    let of = match p.of {
        Ok(of) => of.or(of_cell),
        Err(reason) => return skip(reason, header.col(Field::AgreementOf)),
    };
    let Some(of) = of else {
        let reason = "a count of who signed with no number in the group (Out of)";
        // Beside a name, the person still counts, as not signed.
        return match p.person {
            Some(_) => unread(p, reason.to_string(), None, header),
            None => skip(reason, header.col(Field::AgreementOf)),
        };
    };
    if of == 0 {
        return skip(NOBODY_IN_GROUP, header.col(Field::AgreementOf));
    }
    if n > of {
        let reason = format!("{n} signed out of {of}: more signed than are in the group");
        return unread(p, reason, Some(of), header);
    }
    let none_this_year = "its group counted as none signed this school year";
    let date_col = header.col(Field::AgreementDate);
    let (date, note) = match p.date {
        Ok(Some(d)) => (Some(d), None),
        Ok(None) if !dates_recorded => (None, None),
        Ok(None) => (
            None,
            Some((format!("a count with no date; {none_this_year}"), date_col)),
        ),
        Err(reason) => (
            None,
            Some((format!("{reason}; {none_this_year}"), date_col)),
        ),
    };
    let record = Agreement {
        group: p.group,
        part: p.part,
        person: None,
        signed: n,
        of,
        date,
        date_missing: note.is_some(),
    };
    noted(record, note)
}

/// Why a group's count with no one in the group is skipped: a share of nobody cannot be
/// read, and the group's check is then not met rather than left without evidence.
pub(crate) const NOBODY_IN_GROUP: &str =
    "the number in the group (Out of) is 0, so the count of who signed cannot be read";

fn noted(record: Agreement, note: Option<(String, Option<u32>)>) -> RowOutcome<Agreement> {
    match note {
        None => RowOutcome::Used(record),
        Some((note, col)) => RowOutcome::Noted { record, note, col },
    }
}

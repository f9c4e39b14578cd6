//! Rows of the policy register: a document, its owner and approver, and its review dates,
//! as dates or, for the next review, as how often it is reviewed ("Annually").

use chrono::NaiveDate;

use super::frequency::{Frequency, frequency};
use super::{Document, date_noted, with_notes};
use crate::evidence::Field;
use crate::evidence::header::Header;
use crate::evidence::records::{self, NOTE, RowOutcome, is_note, skip, text};
use crate::evidence::table::{SheetRow, Value};
use crate::framework::Topic;
use crate::text::plural;

/// A review due "September 2026" or "Sep-26" is due by the end of that month, not on its
/// first day: a date typed as a month and a year alone is moved to the month's last day.
fn month_end_if_only_a_month(row: &SheetRow, header: &Header, day: NaiveDate) -> NaiveDate {
    let Some(Value::Text(t)) = header.col(Field::DocumentNextDue).map(|c| row.get(c)) else {
        return day;
    };
    super::next_due::month_end_of(t, day)
}

/// A frequency's note for a row with a last review: "the next review is worked out as 12
/// months after the last review". Settled once the review date is known, for a last review
/// dated after it (then no next review is worked out at all).
pub fn worked_out(every: &str) -> String {
    format!("the next review is worked out as {every} after the last review")
}

/// The note for a frequency read from `typed`, in the next review cell or a column of its
/// own.
fn frequency_note(what: &str, typed: &str, f: Frequency, reviewed: bool) -> String {
    let every = plural(f.months as usize, "month", "months");
    let how = if reviewed {
        worked_out(&every)
    } else {
        format!(
            "the next review would be worked out as {every} after the last review, but the register gives no last review date"
        )
    };
    let typed = crate::text::clip(typed.trim(), crate::text::QUOTE_CHARS);
    if what == "review frequency" {
        format!("{what}: `{typed}`: {how}")
    } else if f.ambiguous {
        format!(
            "{what}: `{typed}` can mean twice a year or every two years, not a date: {how}, the sooner of the two"
        )
    } else {
        format!("{what}: `{typed}` says how often, not a date: {how}")
    }
}

/// The next review cell: a date, or how often the document is reviewed (there, or in a
/// column of review frequencies), with the note the school should read when it is not a
/// plain date. A frequency column beside a next review date is kept too: the review then
/// falls due on the sooner of the two.
fn next_review(
    row: &SheetRow,
    header: &Header,
    reviewed: bool,
    notes: &mut Vec<(String, Option<u32>)>,
) -> (Option<NaiveDate>, Option<u32>) {
    let col = header.col(Field::DocumentNextDue);
    let often = text(row, header, Field::DocumentFrequency);
    let column = frequency(&often);
    let (date, cell) = match records::date(row, header, Field::DocumentNextDue) {
        Ok(d) => (d.map(|d| month_end_if_only_a_month(row, header, d)), None),
        Err(reason) => {
            let typed = text(row, header, Field::DocumentNextDue);
            match frequency(&typed) {
                Some(f) => {
                    notes.push((frequency_note("next review due", &typed, f, reviewed), col));
                    (None, Some(f.months))
                }
                None => match super::next_due::read(&typed) {
                    Some(d) => (Some(d), None),
                    None => {
                        let known = super::next_due::says_none(&typed);
                        let then = if known {
                            "so the register gives no next review date"
                        } else {
                            "so its next review is not known and the document is not taken as current"
                        };
                        let why = super::next_due::why(&typed, reason);
                        notes.push((format!("next review due: {why}, {then}"), col));
                        (None, None)
                    }
                },
            }
        }
    };
    let every = match (cell, column) {
        (Some(a), Some(b)) => Some(a.min(b.months)),
        (a, b) => a.or(b.map(|f| f.months)),
    };
    if column.is_none() && !often.trim().is_empty() {
        // The cell is never quoted: free text here may name someone ("After … incident").
        notes.push((
            "review frequency: the cell is not understood as how often (such as \"Annually\", \"Every September\" or \"Every 2 years\"), so no next review is worked out from it".to_string(),
            header.col(Field::DocumentFrequency),
        ));
    }
    if let Some(f) = column.filter(|_| date.is_none() && cell.is_none()) {
        let at = header.col(Field::DocumentFrequency);
        notes.push((frequency_note("review frequency", &often, f, reviewed), at));
    }
    (date, every)
}

/// What the status cell, the Approved by cell, a note or the name says the document is,
/// when it is not in force: what it means (`None` for a status not understood), with the
/// column that says so. Read by meaning in [`super::standing`].
fn not_in_force(
    row: &SheetRow,
    header: &Header,
    name: &str,
) -> Option<(Option<&'static str>, Field)> {
    use super::standing::{Says, name_says, note_says, status_cell_says, status_says};
    let said = |f: Field, says: fn(&str) -> Option<&'static str>| {
        says(&text(row, header, f)).map(|what| (Some(what), f))
    };
    let status = text(row, header, Field::DocumentStatus);
    let in_status = status_cell_says(&status).map(|says| match says {
        Says::NotInForce(what) => (Some(what), Field::DocumentStatus),
        Says::NotUnderstood => (None, Field::DocumentStatus),
    });
    in_status
        .or_else(|| said(Field::DocumentApprovedBy, status_says))
        .or_else(|| said(Field::DocumentNotes, note_says))
        .or_else(|| name_says(name).map(|what| (Some(what), Field::DocumentName)))
}

/// What the reason a row is skipped says of a document the register lists but not as in
/// force (a draft, withdrawn, a status not understood), so the summary can tell it from a
/// document the register does not list at all.
pub const BACKS_NO_CHECK: &str = "backs no check";

/// Why a document not in force is not listed, from what [`not_in_force`] found. The
/// cell is never quoted: a status or a note may say who ("Withdrawn after a complaint
/// from …"); its column is named instead, and the row's place gives the cell.
fn not_listed(name: &str, what: Option<&str>, field: Field) -> String {
    let name = crate::text::clip(name.trim(), crate::text::QUOTE_CHARS);
    let Some(what) = what else {
        return format!(
            "status not understood: the status does not say {name} is in force (such as \"Approved\", \"Ratified\", \"Current\" or \"Live\"), so it is not counted as approved and {BACKS_NO_CHECK}"
        );
    };
    let said = match field {
        Field::DocumentName => "",
        Field::DocumentStatus => ", as its status says",
        Field::DocumentApprovedBy => ", as its Approved by cell says",
        _ => ", as its notes say",
    };
    format!("{name} is {what}{said}; a document not in force {BACKS_NO_CHECK}, so it is not listed")
}

/// The review dates the row types that give no day, and why: the last review's (or the
/// approval date standing in for it) and the next review's, unless that says how often.
///
/// A next review typed but not read, neither as a date, nor as how often, nor as saying
/// there is none ("n/a"), is among them: "TBC" or "Sep 2026 (overdue)" leaves the next
/// review not known, never one worked out from the last review.
fn unread(row: &SheetRow, header: &Header, last: Field) -> Vec<(Field, String)> {
    let next_unread = |f: Field, why: &str| {
        let typed = text(row, header, f);
        f == Field::DocumentNextDue
            && frequency(&typed).is_none()
            && super::next_due::read(&typed).is_none()
            && (why.ends_with(crate::dates::DateError::Impossible.describe())
                || !super::next_due::says_none(&typed))
    };
    [last, Field::DocumentNextDue]
        .into_iter()
        .filter_map(|f| records::date(row, header, f).err().map(|why| (f, why)))
        // On the last review, "n/a", "-" or "none" says there is no date; only a day that
        // cannot be is wrong.
        .filter(|(f, why)| {
            next_unread(*f, why)
                || (*f == last && why.ends_with(crate::dates::DateError::Impossible.describe()))
        })
        .map(|(f, why)| match f {
            Field::DocumentNextDue => (f, super::next_due::why(&text(row, header, f), why)),
            _ => (f, why),
        })
        .collect()
}

/// The day a last review or approval cell gives: a date, or the words and term
/// [`super::next_due::read_done`] reads, a term noted as read as its first day. Anything
/// else is noted as not read.
fn done_on(
    row: &SheetRow,
    header: &Header,
    field: Field,
    what: &str,
    notes: &mut Vec<(String, Option<u32>)>,
) -> Option<NaiveDate> {
    let typed = text(row, header, field);
    let impossible = |why: &str| why.ends_with(crate::dates::DateError::Impossible.describe());
    match records::date(row, header, field) {
        Err(why) if !impossible(&why) => match super::next_due::read_done(&typed) {
            Some((day, term)) => {
                if term {
                    // A remark in brackets beside the term may name someone.
                    let t = crate::dates::quoted(&typed);
                    let on = crate::dates::uk(day);
                    notes.push((
                        format!("{what}: {t} is a term, taken as its first day, {on}, the longest ago it can mean"),
                        header.col(field),
                    ));
                }
                Some(day)
            }
            None if super::next_due::done_impossible(&typed) => {
                let t = crate::dates::quoted(&typed);
                let not_real = crate::dates::DateError::Impossible.describe();
                notes.push((format!("{what}: {t} {not_real}"), header.col(field)));
                None
            }
            None => date_noted(row, header, field, what, notes),
        },
        Ok(Some(_))
            if matches!(header.col(field).map(|c| row.get(c)), Some(Value::Text(_)))
                && !super::next_due::only_a_date(&typed) =>
        {
            // The cell is not quoted: its other words may name someone.
            notes.push((
                format!("{what}: the cell has words beside its date that may say it was not done then, so it is not read as a date; give the date alone"),
                header.col(field),
            ));
            None
        }
        _ => date_noted(row, header, field, what, notes),
    }
}

/// The last review: the register's review date, or, where it gives none, the date the
/// document was approved. An approval date never stands in for a review date the register
/// gives, however much later it is. Says which column it came from.
fn last_review(
    row: &SheetRow,
    header: &Header,
    notes: &mut Vec<(String, Option<u32>)>,
) -> (Option<NaiveDate>, Field) {
    let reviewed = done_on(
        row,
        header,
        Field::DocumentLastReviewed,
        "last reviewed",
        notes,
    );
    let blank = text(row, header, Field::DocumentLastReviewed)
        .trim()
        .is_empty();
    if reviewed.is_none() && blank && header.col(Field::DocumentApprovedOn).is_some() {
        let approved = done_on(row, header, Field::DocumentApprovedOn, "approved", notes);
        if let Some((note, _)) = notes.last_mut().filter(|_| approved.is_none()) {
            note.push_str(", so the register gives no date of its last review");
        }
        return (approved, Field::DocumentApprovedOn);
    }
    if let Some((note, _)) = notes.last_mut().filter(|_| reviewed.is_none()) {
        note.push_str(", so the register gives no last review date");
    }
    (reviewed, Field::DocumentLastReviewed)
}

/// A row of the policy register. A document whose dates cannot be read is still listed,
/// with a note: dropping it would hide a policy from the review. A draft, or one withdrawn
/// or superseded, is skipped with that reason: it backs no check.
pub fn document(row: &SheetRow, header: &Header) -> RowOutcome<Document> {
    if row.is_blank() {
        return RowOutcome::Blank;
    }
    let name = text(row, header, Field::DocumentName);
    if name.is_empty() {
        if is_note(row) {
            return skip(NOTE, None);
        }
        return skip("no document name", header.col(Field::DocumentName));
    }
    if let Some((what, field)) = not_in_force(row, header, &name) {
        return skip(not_listed(&name, what, field), header.col(field));
    }
    let mut notes = Vec::new();
    let (last_reviewed, last_from) = last_review(row, header, &mut notes);
    let (next_due, every_months) = next_review(row, header, last_reviewed.is_some(), &mut notes);
    // A footer typed in the name column ("Register checked by the governors: 3 policies")
    // has no dates and nothing else beside it; a "Total" row has no dates, whatever count
    // stands beside it.
    let others = row.cells.iter().filter(|c| !c.is_empty()).count();
    let total = records::is_total(&name);
    if last_reviewed.is_none() && next_due.is_none() && (total || (others == 1 && is_note(row))) {
        return skip(NOTE, None);
    }
    // The notes are joined into one line for the row: the document is named once, at its
    // head.
    let notes = notes
        .into_iter()
        .enumerate()
        .map(|(i, (n, c))| {
            if i == 0 {
                (format!("{name}: {n}"), c)
            } else {
                (n, c)
            }
        })
        .collect();
    let record = Document {
        topics: Topic::of(&name),
        owner: text(row, header, Field::DocumentOwner),
        approved_by: text(row, header, Field::DocumentApprovedBy),
        name,
        last_reviewed,
        next_due,
        every_months,
        last_from,
        place: None,
        cells: Default::default(),
        name_at: None,
        unread: unread(row, header, last_from),
    };
    with_notes(record, notes)
}

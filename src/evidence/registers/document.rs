//! Rows of the policy register: a document, its owner and approver, and its review dates,
//! as dates or, for the next review, as how often it is reviewed ("Annually").

use chrono::{Datelike, NaiveDate};

use super::frequency::frequency;
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
    let words = t
        .split([' ', '-', '/', '.'])
        .filter(|w| !w.is_empty())
        .count();
    let has_letters = t.chars().any(char::is_alphabetic);
    if words != 2 || !has_letters || day.day() != 1 {
        return day;
    }
    day.checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(day)
}

/// A frequency's note for a row with a last review: "the next review is worked out as 12
/// months after the last review". Settled once the review date is known, for a last review
/// dated after it (then no next review is worked out at all).
pub fn worked_out(every: &str) -> String {
    format!("the next review is worked out as {every} after the last review")
}

/// The next review cell: a date, or how often the document is reviewed, with the note the
/// school should read when it is not a plain date.
fn next_review(
    row: &SheetRow,
    header: &Header,
    reviewed: bool,
    notes: &mut Vec<(String, Option<u32>)>,
) -> (Option<NaiveDate>, Option<u32>) {
    let col = header.col(Field::DocumentNextDue);
    match records::date(row, header, Field::DocumentNextDue) {
        Ok(d) => (d.map(|d| month_end_if_only_a_month(row, header, d)), None),
        Err(reason) => {
            let typed = text(row, header, Field::DocumentNextDue);
            let Some(f) = frequency(&typed) else {
                notes.push((
                    format!("next review due: {reason}, so the register gives no next review date"),
                    col,
                ));
                return (None, None);
            };
            let every = plural(f.months as usize, "month", "months");
            let how = if reviewed {
                worked_out(&every)
            } else {
                format!(
                    "the next review would be worked out as {every} after the last review, but the register gives no last review date"
                )
            };
            let note = if f.ambiguous {
                format!(
                    "next review due: `{}` can mean twice a year or every two years, not a date: {how}, the sooner of the two",
                    typed.trim()
                )
            } else {
                format!(
                    "next review due: `{}` says how often, not a date: {how}",
                    typed.trim()
                )
            };
            notes.push((note, col));
            (None, Some(f.months))
        }
    }
}

/// A row of the policy register. A document whose dates cannot be read is still listed,
/// with a note: dropping it would hide a policy from the review.
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
    let mut notes = Vec::new();
    let last_reviewed = date_noted(
        row,
        header,
        Field::DocumentLastReviewed,
        "last reviewed",
        &mut notes,
    );
    if let Some((note, _)) = notes.last_mut() {
        note.push_str(", so the register gives no last review date");
    }
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
        place: None,
        cells: Default::default(),
        name_at: None,
    };
    with_notes(record, notes)
}

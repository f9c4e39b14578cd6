//! The findings about the policy register's documents: a review overdue, a last review
//! too old, and review dates that cannot both be right, each naming the document and the
//! cell of the register to look at, with its column's heading as the school typed it.

use chrono::NaiveDate;

use super::{DocumentStatus, ReviewMonths, months_words, summary};
use crate::dates::uk;
use crate::diag::{Code, Diagnostic, Location};
use crate::evidence::import::Evidence;
use crate::evidence::registers::Cell;

/// The findings for documents whose review is overdue or whose last review is too old
/// (both, for a document that is both), each naming the document and where the register
/// lists it. They are read from [`summary`], as every report is.
pub fn findings(e: &Evidence, months: &ReviewMonths, as_of: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(s) = summary(e, months, as_of) else {
        return out;
    };
    for d in &s.documents {
        let at = d
            .place
            .clone()
            .unwrap_or_else(|| Location::file(std::path::Path::new("")));
        if d.overdue {
            out.push(
                Diagnostic::warning(
                    Code::DocumentReviewOverdue,
                    at.clone(),
                    format!(
                        "“{}” was due for review on {}, before the review date of {}",
                        d.name,
                        d.due.map(uk).unwrap_or_default(),
                        uk(as_of)
                    ),
                )
                .with_help("review the document, then record the new dates in the register"),
            );
        }
        if let Some(unread) = d.unread() {
            out.push(
                Diagnostic::warning(
                    Code::DocumentReviewDatesWrong,
                    d.cells.unread[0].0.at.clone(),
                    format!("“{}”: {unread}", d.name),
                )
                .with_help("type the date as the register means it, such as 01/09/2026"),
            );
        }
        if let Some(ahead) = d.reviewed_after {
            out.push(reviewed_after(d, ahead, as_of, &at));
        }
        if d.next_before_last {
            out.push(next_before_last(d, &at));
        }
        if let Some(interval) = d.stale_after_months {
            out.push(
                Diagnostic::warning(
                    Code::DocumentReviewStale,
                    at,
                    format!(
                        "“{}” was last reviewed on {}, more than {} before the review date of {}",
                        d.name,
                        d.last_reviewed.map(uk).unwrap_or_default(),
                        months_words(interval),
                        uk(as_of)
                    ),
                )
                .with_help(format!(
                    "the framework expects it reviewed at least every {}: review it and record the date in the register",
                    months_words(interval)
                )),
            );
        }
    }
    out
}

/// A date of the register in words, with its column: "15/12/2026 (“Last reviewed”,
/// column B)"; where to look: the cell when the register names it, else its row.
fn dated(day: Option<NaiveDate>, cell: Option<&Cell>, row: &Location) -> (String, Location) {
    let day = day.map(uk).unwrap_or_default();
    match cell {
        Some(c) => (
            format!("{day} (“{}”, column {})", c.heading, c.letters),
            c.at.clone(),
        ),
        None => (day, row.clone()),
    }
}

/// A last review dated after the review date.
fn reviewed_after(
    d: &DocumentStatus,
    ahead: NaiveDate,
    as_of: NaiveDate,
    row: &Location,
) -> Diagnostic {
    let (last, at) = dated(Some(ahead), d.cells.last_reviewed.as_ref(), row);
    let column = d
        .cells
        .last_reviewed
        .as_ref()
        .map_or("last review".to_string(), |c| format!("“{}”", c.heading));
    Diagnostic::warning(
        Code::DocumentReviewDatesWrong,
        at,
        format!(
            "“{}”: its last review, {last}, is after the review date of {}, so it is not taken as a last review anywhere",
            d.name,
            uk(as_of)
        ),
    )
    .with_help(format!(
        "check the year typed in the {column} column of this row"
    ))
}

/// A next review dated before the document's own last review.
fn next_before_last(d: &DocumentStatus, row: &Location) -> Diagnostic {
    let (next, at) = dated(d.due, d.cells.next_due.as_ref(), row);
    let (last, _) = dated(
        d.last_reviewed.or(d.reviewed_after),
        d.cells.last_reviewed.as_ref(),
        row,
    );
    Diagnostic::warning(
        Code::DocumentReviewDatesWrong,
        at,
        format!(
            "“{}”: its next review, {next}, is dated before its last review, {last}, so one of the two dates is wrong",
            d.name
        ),
    )
    .with_help("check both dates typed in this row of the register")
}

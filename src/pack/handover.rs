//! What the pack warns of before it goes to the assessor: a review not signed off, aspects
//! a move to a revised framework changed and the group has not yet reviewed (which no
//! sign-off can have covered), and a review without a group workbook, whose pack then has
//! no agreed commentary to carry.

use std::path::Path;

use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::pipeline::Reviewed;
use crate::workbook::layout::GROUP_REVIEWER;

/// The warnings for the pack of `r`.
pub fn warnings(r: &Reviewed) -> Diagnostics {
    let mut found = Diagnostics::default();
    let review_file = Location::file(Path::new("review.toml"));
    match &r.review.sign_off {
        None => found.push(
            Diagnostic::warning(
                Code::SignOffMissing,
                review_file.clone(),
                "review.toml records no sign-off: the assessor expects the headteacher and the chair of governors to have signed the review off",
            )
            .with_help(format!("add [sign-off] with headteacher = \"…\", chair-of-governors = \"…\" and the date it was signed off (on or before the review date, e.g. date = {}), then pack again", r.scored.review_date.format("%Y-%m-%d"))),
        ),
        Some(s) if !s.missing().is_empty() => found.push(
            Diagnostic::warning(
                Code::SignOffIncomplete,
                review_file.clone(),
                format!("the sign-off does not record {}", s.missing().join(", ")),
            )
            .with_help("fill in headteacher, chair-of-governors and date under [sign-off] in review.toml"),
        ),
        Some(_) => {}
    }
    if let Some(d) = not_reviewed(r, review_file.clone()) {
        found.push(d);
    }
    if let Some(d) = without_group(r, review_file) {
        found.push(d);
    }
    found
}

/// Without a group workbook there is no agreed commentary: say what the pack carries instead.
fn without_group(r: &Reviewed, at: Location) -> Option<Diagnostic> {
    let books = &r.scored.workbooks;
    if books.is_empty() || books.iter().any(|w| w.reviewer == GROUP_REVIEWER) {
        return None;
    }
    let used = if books.len() == 1 {
        "each aspect's level and commentary as the only reviewer gave them".to_string()
    } else if r.review.reviewer_commentary_in_pack {
        "each aspect's level as the middle of the reviewers' levels, no agreed commentary, and each reviewer's own commentary, as review.toml asks".to_string()
    } else {
        "each aspect's level as the middle of the reviewers' levels and no commentary at all"
            .to_string()
    };
    Some(
        Diagnostic::warning(
            Code::NoGroupWorkbook,
            at,
            format!("there is no group workbook, so the pack carries {used}"),
        )
        .with_help("the assessor reads one agreed commentary per aspect: make a group workbook with `selfreview workbook --group`, write the Agreed commentary in the meeting, and pack again"),
    )
}

/// Aspects still flagged "review after the change": their levels and commentary are as the
/// migration left them, and a sign-off given while they are flagged did not cover them.
fn not_reviewed(r: &Reviewed, at: Location) -> Option<Diagnostic> {
    let codes = crate::score::flagged(&r.diagnostics);
    if codes.is_empty() {
        return None;
    }
    let signed = match r.review.sign_off.as_ref().and_then(|s| s.date) {
        Some(d) => format!(
            "; the sign-off dated {} was given before the group reviewed them",
            crate::dates::uk(d)
        ),
        None => String::new(),
    };
    Some(
        Diagnostic::warning(
            Code::PackChangesNotReviewed,
            at,
            format!(
                "{} aspect{} changed by the move to `{}` {} still flagged for review after the change ({}), so the pack carries their levels and commentary as the migration left them{signed}",
                codes.len(),
                if codes.len() == 1 { "" } else { "s" },
                r.scored.framework,
                if codes.len() == 1 { "is" } else { "are" },
                codes.join(", ")
            ),
        )
        .with_help("review each flagged aspect with the group and empty its “Review after the change” cell, have the review signed off again, then pack again"),
    )
}

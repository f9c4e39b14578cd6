//! Columns a kind of record needs for its figures, when a source has none of them.
//!
//! A training file whose date column went unrecognised ("Course date" before it was
//! learnt) would otherwise say nobody was trained; an incident log with no column for the
//! action taken would say none was recorded. Both are a column not found, not a fact about
//! the school, so the figure is "not recorded", the checks on it are "evidence needed", and
//! the file is named with the columns that were not used.

use std::path::PathBuf;

use super::import::SourceReport;
use super::{Field, Kind};
use crate::diag::{Code, Diagnostic, Location};

/// A field the figures of its kind of record rest on, and what lacking it means.
#[derive(Debug, PartialEq, Eq)]
pub struct Need {
    /// The field.
    pub field: Field,
    /// What a source without it lacks, in words: "no column of training dates".
    pub what: &'static str,
    /// What cannot be known without it.
    so: &'static str,
    /// Words of a heading that may be the column it lacks, for the example the help gives.
    hints: &'static [&'static str],
}

/// The fields figures rest on that a source may lack (a source that lacks the fields every
/// record needs, such as a name, is refused instead).
const NEEDS: &[Need] = &[
    Need {
        field: Field::TrainingDate,
        what: "no column of training dates",
        so: "so nobody can be counted as trained and the training checks are \"evidence needed\"",
        hints: &["date", "when", "completed", "attended", "on"],
    },
    Need {
        field: Field::IncidentAction,
        what: "no column for the action taken",
        so: "so the share of incidents with the action taken recorded is not known",
        hints: &["action", "done", "response", "outcome", "follow"],
    },
    Need {
        field: Field::IncidentStatus,
        what: "no column for whether an incident is closed",
        so: "so the share of incidents closed is not known",
        hints: &["status", "closed", "open", "resolved", "state"],
    },
    Need {
        field: Field::DocumentLastReviewed,
        what: "no column of the dates documents were last reviewed",
        so: "so no document can be counted as reviewed and the document checks are \"evidence needed\"",
        hints: &["reviewed", "review", "date", "updated", "approved"],
    },
    Need {
        field: Field::FilteringResult,
        what: "no column for the result of each filtering check",
        so: "so no check can be counted as passed: each is counted as made, with a result that does not say whether the filter held",
        hints: &[
            "blocked",
            "filtered",
            "accessible",
            "accessed",
            "reachable",
            "result",
            "outcome",
            "pass",
            "loaded",
        ],
    },
    Need {
        field: Field::AgreementDate,
        what: "no column of the dates agreements were signed",
        so: "so nobody can be counted as signed this school year and the agreement checks are \"evidence needed\"",
        hints: &["date", "signed", "returned", "when"],
    },
];

/// A source that has no column for a field its kind's figures rest on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unrecorded {
    /// The field it lacks, with what that means.
    pub need: &'static Need,
    /// The source, as review.toml names it.
    pub path: PathBuf,
}

/// The fields of `kind` its figures rest on, that a source may lack.
pub fn needed(kind: Kind) -> impl Iterator<Item = &'static Need> {
    NEEDS.iter().filter(move |n| n.field.kind() == kind)
}

/// The fields of [`needed`] that no column of the source was understood as (an agreements
/// register whose Signed column holds the dates lacks no column of dates).
pub fn lacking(report: &SourceReport) -> Vec<Unrecorded> {
    needed(report.kind)
        .filter(|n| !report.columns.iter().any(|c| c.field == Some(n.field)))
        .filter(|n| !(n.field == Field::AgreementDate && report.signed_dates))
        // A register's approval dates stand in for review dates it does not give.
        .filter(|n| {
            !(n.field == Field::DocumentLastReviewed
                && report
                    .columns
                    .iter()
                    .any(|c| c.field == Some(Field::DocumentApprovedOn)))
        })
        .map(|need| Unrecorded {
            need,
            path: report.path.clone(),
        })
        .collect()
}

/// The unused column most likely to be the one `need` lacks: the first whose heading holds
/// one of its hint words ("Was it blocked?" for a filtering result, not "Search term"
/// before it), else the first unused, else a placeholder.
fn example<'r>(report: &'r SourceReport, need: &Need) -> &'r str {
    let unused = report.unknown_columns();
    let hinted = unused.iter().find(|h| {
        let words = crate::text::normalise(h);
        words.split(' ').any(|w| need.hints.contains(&w))
    });
    hinted.or(unused.first()).copied().unwrap_or("Heading")
}

/// A warning for each field of [`needed`] the source has no column for, naming the columns
/// it did not use.
pub fn findings(report: &SourceReport) -> Vec<Diagnostic> {
    let unused = report.unknown_columns();
    let unused = if unused.is_empty() {
        "all its columns were used for other things".to_string()
    } else {
        format!("columns not used: {}", unused.join(", "))
    };
    lacking(report)
        .into_iter()
        .map(|u| {
            let example = example(report, u.need);
            Diagnostic::warning(
                Code::ColumnNotRecognised,
                Location::file(&report.path),
                format!("{} was recognised ({unused}), {}", u.need.what, u.need.so),
            )
            .with_help(format!(
                "map the column under [evidence.columns] in review.toml (`\"{example}\" = \"{}\"`), or give it a heading selfreview knows",
                u.need.field
            ))
        })
        .collect()
}

//! Columns a kind of record needs for its figures, when a source has none of them.
//!
//! A training file whose date column went unrecognised ("Course date" before it was
//! learnt) would otherwise say nobody was trained; an incident log with no column for the
//! action taken would say none was recorded. Both are a column not found, not a fact about
//! the school, so the figure is "not recorded", the checks on it are "evidence needed", and
//! the file is named with the columns that were not used.

use std::path::PathBuf;

use super::Kind;
use super::import::SourceReport;
use crate::diag::{Code, Diagnostic, Location};

/// A source that has no column for a field its kind's figures rest on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unrecorded {
    /// What the source records.
    pub kind: Kind,
    /// The field it lacks.
    pub field: &'static str,
    /// The source, as review.toml names it.
    pub path: PathBuf,
}

/// The fields a kind's figures rest on that a source may lack (a source that lacks the
/// fields every record needs, such as a name, is refused instead).
pub fn needed(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Training => &["date"],
        Kind::Incidents => &["action", "status"],
        Kind::Meetings | Kind::Pupils => &[],
    }
}

/// The fields of [`needed`] that no column of the source was understood as.
pub fn lacking(report: &SourceReport) -> Vec<Unrecorded> {
    needed(report.kind)
        .iter()
        .filter(|f| !report.columns.iter().any(|c| c.field == Some(**f)))
        .map(|&field| Unrecorded {
            kind: report.kind,
            field,
            path: report.path.clone(),
        })
        .collect()
}

/// What a missing field means, in words: "no column of training dates".
pub fn what(field: &str) -> &'static str {
    match field {
        "date" => "no column of training dates",
        "action" => "no column for the action taken",
        _ => "no column for whether an incident is closed",
    }
}

/// What cannot be known without it.
fn so(field: &str) -> &'static str {
    match field {
        "date" => {
            "so nobody can be counted as trained and the training checks are \"evidence needed\""
        }
        "action" => "so the share of incidents with the action taken recorded is not known",
        _ => "so the share of incidents closed is not known",
    }
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
    let example = report.unknown_columns().first().map_or("Heading", |h| h);
    lacking(report)
        .into_iter()
        .map(|u| {
            Diagnostic::warning(
                Code::ColumnNotRecognised,
                Location::file(&report.path),
                format!("{} was recognised ({unused}), {}", what(u.field), so(u.field)),
            )
            .with_help(format!(
                "map the column under [evidence.columns] in review.toml (`\"{example}\" = \"{}\"`), or give it a heading selfreview knows",
                u.field
            ))
        })
        .collect()
}

//! Importing one evidence file: open it, find its table, read every row into records, and
//! account for every row that could not be used.
//!
//! Every source a review lists adds to one [`Evidence`], which the metrics are computed
//! from; each gives a [`SourceReport`] saying how its columns were read and why any row was
//! not used, for `import` to show and for findings about the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::header::Column;
use super::records::{Mappings, Meeting, Training};
use super::registers::{Agreement, Document, Engagement, FilteringCheck, Survey};
use super::unrecorded::Unrecorded;
use super::{ColumnMap, Field, Kind, SourceSpec};
use crate::error::Result;
use crate::privacy::Names;

mod accumulate;
mod pupils;
mod read;
pub mod settle;
mod skips;
#[cfg(test)]
mod tests;
mod withhold;
mod workbook;

pub(crate) use accumulate::SAME_DAY;
pub use withhold::Withheld;

/// Everything imported from a review's evidence.
#[derive(Debug, Default, Clone)]
pub struct Evidence {
    /// Incidents left out as not about online safety, by category, every source together
    /// (counts only, so reports can say what was left out).
    pub left_out: BTreeMap<String, usize>,
    /// Training records, every source together.
    pub training: Vec<Training>,
    /// Incidents, as counts.
    pub incidents: super::tally::IncidentLog,
    /// Meetings.
    pub meetings: Vec<Meeting>,
    /// The documents of the policy registers.
    pub documents: Vec<Document>,
    /// Acceptable use agreements signed, by person or as counts.
    pub agreements: Vec<Agreement>,
    /// Filtering checks.
    pub filtering: Vec<FilteringCheck>,
    /// Surveys.
    pub surveys: Vec<Survey>,
    /// Sessions for parents and communications to them.
    pub engagement: Vec<Engagement>,
    /// Names of pupils and of people incidents concern, for the privacy guard only.
    pub private: Names,
    /// How many people the pupil lists named (the only figure a pupil list gives).
    pub pupils: usize,
    /// The sources names were learnt from, and how many people each named.
    pub name_sources: Vec<(PathBuf, Kind, usize)>,
    /// Pupil lists and incident logs that could not be read: names may be missing.
    pub unread: Vec<PathBuf>,
    /// Which kinds had at least one source, so a metric with no source is "not known"
    /// rather than zero.
    pub kinds: Vec<Kind>,
    /// The kind of each source imported, in order.
    pub sources: Vec<Kind>,
    /// Sources with no column for a field their kind's figures rest on, so those figures
    /// are "not recorded" rather than zero.
    pub unrecorded: Vec<Unrecorded>,
    /// Sources that hold no record at all (a blank template, or only footers and rows that
    /// were skipped), as review.toml names them, with their kind: a kind all of whose
    /// sources are so stands behind nothing.
    pub empty: Vec<(PathBuf, Kind)>,
    /// Sources that could not be read at all (a `sheet` the workbook does not have, a file
    /// that is not a spreadsheet), as review.toml names them, with their kind and why: a
    /// kind none of whose sources could be read is said to be unreadable, not empty.
    pub unreadable: Vec<(PathBuf, Kind, String)>,
    /// Every record's row that was skipped, with its kind and why (footers and section
    /// headings are no records and are not among them): a kind whose sources held rows,
    /// all skipped, shows nothing valid, which is not the same as holding nothing.
    pub skips: Vec<Skip>,
}

/// A record's row that was skipped, for the figures that say every row was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// The kind of source it was in.
    pub kind: Kind,
    /// What the row was of, when read: the group an agreements row counted, the name of a
    /// policy register's document.
    pub subject: Option<String>,
    /// Why it was skipped.
    pub reason: String,
    /// It could not be used (an agreements row with no group, or whose count cannot be
    /// read), rather than being replaced by another row or dated after the review date.
    pub unusable: bool,
}

impl Evidence {
    /// Whether a source of `kind` was imported and holds at least one record. An incident
    /// log whose incidents are all left out as not about online safety holds records: it
    /// shows none were online.
    pub fn holds_records(&self, kind: Kind) -> bool {
        let sources = self.sources_of(kind);
        self.kinds.contains(&kind) && !(sources > 0 && sources == self.empty_of(kind).count())
    }

    /// The sources of `kind` that hold no records, as review.toml names them.
    pub fn empty_of(&self, kind: Kind) -> impl Iterator<Item = &Path> {
        self.empty
            .iter()
            .filter(move |(_, k)| *k == kind)
            .map(|(p, _)| p.as_path())
    }

    /// The kinds imported whose every source holds no records, in the documented order.
    pub fn no_records_yet(&self) -> Vec<Kind> {
        Kind::ALL
            .into_iter()
            .filter(|k| self.kinds.contains(k) && !self.holds_records(*k))
            .collect()
    }

    fn sources_of(&self, kind: Kind) -> usize {
        self.sources.iter().filter(|k| **k == kind).count()
    }

    /// The first source of `kind` that could not be read, with why, when no source of
    /// `kind` was read at all.
    pub fn unreadable_of(&self, kind: Kind) -> Option<(&Path, &str)> {
        if self.sources_of(kind) > 0 {
            return None;
        }
        self.unreadable
            .iter()
            .find(|(_, k, _)| *k == kind)
            .map(|(p, _, why)| (p.as_path(), why.as_str()))
    }

    /// The first source with no column for `field`, if one has none.
    pub fn unrecorded(&self, field: Field) -> Option<&Unrecorded> {
        self.unrecorded.iter().find(|u| u.need.field == field)
    }
}

/// One source to import.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// What it records.
    pub kind: Kind,
    /// The file to open.
    pub path: &'a Path,
    /// The name to show for it (relative to the review folder).
    pub shown: &'a Path,
    /// The sheet to read, if not the first with a recognisable header.
    pub sheet: Option<&'a str>,
    /// The school's own header names → fields.
    pub columns: &'a ColumnMap,
    /// The school's category, role and group mappings.
    pub maps: Mappings,
    /// The date the review is for, when known: a register's row dated after it is
    /// skipped with that reason, so it neither raises nor lowers a figure.
    pub as_of: Option<NaiveDate>,
}

/// A row that was not used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    /// The row as the program numbers it (from 1).
    pub row: u32,
    /// Where, for people: `Log!17`, `row 12, column C`.
    pub place: String,
    /// Why.
    pub reason: String,
}

/// What importing one source found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceReport {
    /// The file.
    pub path: PathBuf,
    /// What it records.
    pub kind: Kind,
    /// The sheet read, for spreadsheets.
    pub sheet: Option<String>,
    /// The header's row as the program numbers it (its last row, for a two-row header).
    pub header_row: u32,
    /// How each header column was mapped.
    pub columns: Vec<Column>,
    /// Rows below the header with anything in them.
    pub rows_read: usize,
    /// Rows turned into records.
    pub rows_used: usize,
    /// Rows not used, with the reason for each.
    pub skipped: Vec<Skipped>,
    /// Rows used, but read in a way the school should know about (a training row whose
    /// date cannot be read counts as not trained), with what to know.
    pub noted: Vec<Skipped>,
    /// The earliest and latest dates among the records used, those after the review date
    /// too (for the warning that every record is after it).
    pub date_range: Option<(NaiveDate, NaiveDate)>,
    /// The earliest and latest dates on or before the review date: the records that count,
    /// which is the range `import` shows.
    pub dates_counted: Option<(NaiveDate, NaiveDate)>,
    /// Incident categories not in the school's mapping or the built-in list, with counts.
    pub unmapped_categories: BTreeMap<String, usize>,
    /// Incidents left out because none of their categories is about online safety
    /// (behaviour, attendance, … in a whole-school safeguarding export).
    pub rows_left_out: usize,
    /// The categories of the incidents left out, with how many incidents each.
    pub left_out_categories: BTreeMap<String, usize>,
    /// Other sheets whose names were learnt too (for incident logs, their records are not
    /// counted: `sheet` in review.toml chooses the sheet that is).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names_also_from: Vec<String>,
    /// Other sheets of the workbook whose rows were not read as records, each with why (its
    /// headings differ from the sheets read, or it has none of this kind's).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheets_unread: Vec<String>,
    /// How many sheets of the workbook the records were read from (their names are
    /// `sheet`, joined).
    #[serde(skip)]
    pub sheets_read: usize,
    /// For training records, each person's row with its date, so that notes can be settled
    /// once the review date is known ([`SourceReport::settle`]).
    #[serde(skip)]
    pub training_rows: Vec<settle::PersonRow>,
    /// For agreements registers, the Signed column gives the dates people signed, so the
    /// register records dates without a column of its own for them.
    #[serde(skip)]
    pub signed_dates: bool,
    /// For agreements registers, the groups it names that the tool cannot place as pupils,
    /// parents, staff, governors or volunteers, as written, with the rows (from 1) of
    /// each, for the warning that names them.
    #[serde(skip)]
    pub unplaced_groups: Vec<(String, Vec<u32>)>,
}

impl SourceReport {
    /// The header columns the tool does not use.
    pub fn unknown_columns(&self) -> Vec<&str> {
        self.columns
            .iter()
            .filter(|c| c.field.is_none())
            .map(|c| c.header.as_str())
            .collect()
    }
}

/// Imports one source into `evidence`.
pub fn import(req: &Request<'_>, evidence: &mut Evidence) -> Result<SourceReport> {
    let read = read::read(req, evidence).and_then(|report| {
        // A pupil list read only in part leaves names unknown: it is not read at all.
        match pupils::not_understood(&report).filter(|_| req.kind == Kind::Pupils) {
            Some(message) => Err(crate::error::Error::Evidence {
                path: req.shown.to_path_buf(),
                message,
            }),
            None => Ok(report),
        }
    });
    let report = match read {
        Ok(report) => report,
        Err(err) => {
            let why = match &err {
                crate::error::Error::Evidence { message, .. } => message.clone(),
                other => other.to_string(),
            };
            evidence
                .unreadable
                .push((req.shown.to_path_buf(), req.kind, why));
            return Err(err);
        }
    };
    evidence
        .unrecorded
        .extend(super::unrecorded::lacking(&report));
    evidence.sources.push(req.kind);
    let listed = (req.shown.to_path_buf(), req.kind);
    if report.rows_used == 0 && report.rows_left_out == 0 {
        // A file listed twice is one file: it is named once.
        if evidence.empty.contains(&listed) {
            evidence.sources.pop();
        } else {
            evidence.empty.push(listed);
        }
    }
    Ok(report)
}

/// Imports every source a review lists, paths relative to the review folder at `root`,
/// for the review date `as_of` when it is known; the first source that cannot be imported
/// refuses the whole (the reports and the pack stand on every source).
pub fn import_review(
    sources: &[SourceSpec],
    root: &Path,
    as_of: Option<NaiveDate>,
) -> Result<(Evidence, Vec<SourceReport>)> {
    let (evidence, reports, failed) = import_each(sources, root, as_of);
    match failed.into_iter().next() {
        Some(failure) => Err(failure.error),
        None => Ok((evidence, reports)),
    }
}

/// A source that could not be imported: the file as review.toml names it and why, with
/// children's names taken out.
#[derive(Debug)]
pub struct Failed {
    /// The file, as review.toml names it.
    pub path: PathBuf,
    /// Why it could not be imported.
    pub error: crate::error::Error,
}

/// Imports every source a review lists, each on its own: one that cannot be imported (a
/// register whose headings are not recognised) is named with why, and every other is
/// still imported, so `import` can report them all.
pub fn import_each(
    sources: &[SourceSpec],
    root: &Path,
    as_of: Option<NaiveDate>,
) -> (Evidence, Vec<SourceReport>, Vec<Failed>) {
    let mut evidence = Evidence::default();
    let mut reports = Vec::new();
    let mut failed = Vec::new();
    for s in sources {
        let path = root.join(&s.path);
        let req = Request {
            as_of,
            ..Request::for_source(s, &path)
        };
        match import(&req, &mut evidence) {
            Ok(report) => reports.push(report),
            Err(error) => failed.push((s.path.clone(), error)),
        }
    }
    // The names are learnt from every source that could be read, whichever came later.
    let failed = failed
        .into_iter()
        .map(|(path, error)| Failed {
            path: crate::privacy::redact(&evidence.private, &path.to_string_lossy())
                .map_or(path, PathBuf::from),
            error: withheld(error, &evidence),
        })
        .collect();
    (evidence, reports, failed)
}

/// An import error with children's names taken out of it: its message may list a
/// workbook's sheets or echo a cell, and its file may be named after a child. The names
/// are those learnt from every source that could be read.
fn withheld(err: crate::error::Error, evidence: &Evidence) -> crate::error::Error {
    let names = &evidence.private;
    let clean = |text: &str| crate::privacy::redact(names, text).unwrap_or_else(|| text.into());
    match err {
        crate::error::Error::Evidence { path, message } => crate::error::Error::Evidence {
            path: clean(&path.to_string_lossy()).into(),
            message: clean(&message),
        },
        other => other,
    }
}

impl<'a> Request<'a> {
    /// The request for a source listed in review.toml, found at `path`.
    pub fn for_source(s: &'a SourceSpec, path: &'a Path) -> Self {
        Request {
            kind: s.kind,
            path,
            shown: &s.path,
            sheet: s.sheet.as_deref(),
            columns: &s.columns,
            maps: s.maps.clone(),
            as_of: None,
        }
    }
}

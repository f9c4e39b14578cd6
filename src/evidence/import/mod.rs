//! Importing one evidence file: open it, find its table, read every row into records, and
//! account for every row that could not be used.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::header::{self, Column, Header, NoHeader};
use super::records::{self, Mappings, Meeting, Training};
use super::table::{Origin, SheetRow};
use super::{Kind, csvfile, sheet};
use crate::error::{Error, Result};
use crate::privacy::Names;
use crate::spreadsheet;

mod accumulate;
pub mod settle;
use accumulate::Accumulator;

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
    /// Sources with no column for a field their kind's figures rest on, so those figures
    /// are "not recorded" rather than zero.
    pub unrecorded: Vec<super::unrecorded::Unrecorded>,
}

impl Evidence {
    /// The first source of `kind` with no column for `field`, if one has none.
    pub fn unrecorded(&self, kind: Kind, field: &str) -> Option<&Path> {
        self.unrecorded
            .iter()
            .find(|u| u.kind == kind && u.field == field)
            .map(|u| u.path.as_path())
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
    pub columns: &'a BTreeMap<String, String>,
    /// The school's category, role and group mappings.
    pub maps: Mappings,
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
    /// The earliest and latest dates among the records used.
    pub date_range: Option<(NaiveDate, NaiveDate)>,
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
    /// For training records, each person's row with its date, so that notes can be settled
    /// once the review date is known ([`SourceReport::settle`]).
    #[serde(skip)]
    pub training_rows: Vec<settle::PersonRow>,
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
    let report = read(req, evidence)?;
    evidence
        .unrecorded
        .extend(super::unrecorded::lacking(&report));
    Ok(report)
}

fn read(req: &Request<'_>, evidence: &mut Evidence) -> Result<SourceReport> {
    // A folder, a missing file or a device is said for what it is, whatever its name.
    if let Some(message) = spreadsheet::missing(req.path) {
        return Err(Error::Evidence {
            path: req.shown.to_path_buf(),
            message,
        });
    }
    for (header, field) in req.columns {
        if !req.kind.fields().iter().any(|f| f.name == field) {
            let names: Vec<&str> = req.kind.fields().iter().map(|f| f.name).collect();
            return Err(Error::BadInput {
                what: format!(
                    "review.toml, the [[evidence]] entry for {}",
                    req.shown.display()
                ),
                message: format!(
                    "column `{header}` is mapped to `{field}`, which is not a field of {} records (fields: {})",
                    req.kind.as_str(),
                    names.join(", ")
                ),
            });
        }
    }
    if !evidence.kinds.contains(&req.kind) {
        evidence.kinds.push(req.kind);
    }
    let ext = req
        .path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if ext.as_deref() == Some("csv") || ext.as_deref() == Some("txt") {
        let origin = Origin::new(req.shown, None);
        let mut rows = csvfile::open(req.path)?;
        let mut head: Vec<SheetRow> = Vec::new();
        for row in rows.by_ref().take(header::SEARCH_ROWS) {
            head.push(row?);
        }
        let header = find_header(req, &origin, &head)?;
        let mut used: Vec<u32> = header
            .columns
            .iter()
            .filter(|c| c.field.is_some_and(|f| records::reads(req.kind, f)))
            .map(|c| c.index)
            .chain(header.people.all())
            .collect();
        used.sort_unstable();
        used.dedup();
        rows.keep_only(&used);
        let mut acc = Accumulator::new(req, origin, header, evidence);
        for row in &head {
            acc.row(row);
        }
        for row in rows {
            acc.row(&row?);
        }
        return Ok(acc.finish());
    }
    let read = spreadsheet::guarded(|| {
        let mut book = spreadsheet::open(req.path).map_err(|message| Error::Evidence {
            path: req.shown.to_path_buf(),
            message,
        })?;
        let chosen = choose_sheet(req, &mut book)?;
        let others = if req.kind.names_children() && req.sheet.is_none() {
            sheets_naming_people(req, &mut book, &chosen.0)?
        } else {
            Vec::new()
        };
        Ok::<_, Error>((chosen, others))
    });
    let ((name, sheet_rows), others) = read.map_err(|message| Error::Evidence {
        path: req.shown.to_path_buf(),
        message,
    })??;
    let origin = Origin::new(req.shown, Some(&name));
    let header = find_header(req, &origin, &sheet_rows)?;
    let mut acc = Accumulator::new(req, origin, header, evidence);
    for row in &sheet_rows {
        acc.row(row);
    }
    for (sheet, header, rows) in &others {
        acc.names_from(sheet, header, rows);
    }
    Ok(acc.finish())
}

/// The other sheets of a workbook of records that name children whose headings name people:
/// every pupil on every sheet must be learnt, not only those on the sheet that is counted.
fn sheets_naming_people(
    req: &Request<'_>,
    book: &mut spreadsheet::Book,
    chosen: &str,
) -> Result<Vec<(String, Header, Vec<SheetRow>)>> {
    let mut out = Vec::new();
    for name in spreadsheet::sheet_names(book) {
        if name == chosen {
            continue;
        }
        let rows = sheet::rows(book, req.shown, &name)?;
        if let Ok(header) = header::detect(req.kind, &rows, req.columns)
            && !header.people.is_empty()
        {
            out.push((name, header, rows));
        }
    }
    Ok(out)
}

fn choose_sheet(
    req: &Request<'_>,
    book: &mut spreadsheet::Book,
) -> Result<(String, Vec<SheetRow>)> {
    let names = spreadsheet::sheet_names(book);
    if let Some(wanted) = req.sheet {
        let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case(wanted.trim())) else {
            return Err(Error::Evidence {
                path: req.shown.to_path_buf(),
                message: format!(
                    "it has no sheet called `{wanted}` (its sheets: {}); fix `sheet` in review.toml",
                    names.join(", ")
                ),
            });
        };
        let rows = sheet::rows(book, req.shown, name)?;
        return Ok((name.clone(), rows));
    }
    let mut first: Option<(String, Vec<SheetRow>)> = None;
    for name in &names {
        let rows = sheet::rows(book, req.shown, name)?;
        if header::detect(req.kind, &rows, req.columns).is_ok() {
            return Ok((name.clone(), rows));
        }
        if first.is_none() {
            first = Some((name.clone(), rows));
        }
    }
    first.ok_or_else(|| Error::Evidence {
        path: req.shown.to_path_buf(),
        message: "it has no sheets".into(),
    })
}

fn find_header(req: &Request<'_>, origin: &Origin, rows: &[SheetRow]) -> Result<Header> {
    header::detect(req.kind, rows, req.columns).map_err(|NoHeader { found, expected }| {
        let place = origin.sheet.as_ref().map_or(String::new(), |s| format!(" on sheet `{s}`"));
        // The best row may be a row of records: for records that name children, its cells
        // are not repeated back.
        let found = if found.is_empty() {
            "no headings at all".to_string()
        } else if req.kind.names_children() {
            "no row that reads as headings".to_string()
        } else {
            format!("the headings {}", found.join(" | "))
        };
        Error::Evidence {
            path: req.shown.to_path_buf(),
            message: format!(
                "no header row for {} records was found in its first {} rows{place}: it has {found}, but needs columns for {}; rename the headings, or map them under [evidence.columns] in review.toml",
                req.kind.as_str(),
                header::SEARCH_ROWS,
                expected.join(" and ")
            ),
        }
    })
}

impl Evidence {
    /// Takes the names this evidence holds out of its incident categories, meeting groups and
    /// training records (a pupil trained as a digital leader, say), which reports show.
    pub fn withhold_names(&mut self) -> Withheld {
        let names = &self.private;
        let mut held = Withheld::default();
        if names.is_empty() {
            return held;
        }
        held.categories = self
            .incidents
            .rename_categories(|label| crate::privacy::redact(names, label));
        let left_out = std::mem::take(&mut self.left_out);
        for (label, n) in left_out {
            let label = match crate::privacy::redact(names, &label) {
                Some(clean) => {
                    held.categories += 1;
                    clean
                }
                None => label,
            };
            *self.left_out.entry(label).or_insert(0) += n;
        }
        for m in &mut self.meetings {
            if let Some(clean) = crate::privacy::redact(names, &m.group) {
                m.group = clean;
                held.meetings += 1;
            }
        }
        for t in &mut self.training {
            for text in [&mut t.person, &mut t.role, &mut t.course, &mut t.group] {
                if let Some(clean) = crate::privacy::redact(names, text) {
                    *text = clean;
                    held.training += 1;
                }
            }
        }
        held
    }
}

/// How many texts of each kind of record held a name and were replaced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Withheld {
    /// Incident categories.
    pub categories: usize,
    /// Meeting names.
    pub meetings: usize,
    /// Names, roles and courses in training records: a member of staff may share a pupil's
    /// name, so these are replaced without a finding.
    pub training: usize,
}

impl SourceReport {
    /// Takes out of this report any heading or category that holds a name: for the terminal
    /// and JSON, which must never repeat one.
    pub fn withhold_names(&mut self, names: &Names) {
        for c in &mut self.columns {
            if let Some(clean) = crate::privacy::redact(names, &c.header) {
                c.header = clean;
            }
        }
        for skipped in self.skipped.iter_mut().chain(self.noted.iter_mut()) {
            if let Some(clean) = crate::privacy::redact(names, &skipped.reason) {
                skipped.reason = clean;
            }
        }
        for sheet in self.names_also_from.iter_mut().chain(self.sheet.as_mut()) {
            if let Some(clean) = crate::privacy::redact(names, sheet) {
                *sheet = clean;
            }
        }
        let left_out = std::mem::take(&mut self.left_out_categories);
        for (label, n) in left_out {
            let label = crate::privacy::redact(names, &label).unwrap_or(label);
            *self.left_out_categories.entry(label).or_insert(0) += n;
        }
        let unmapped = std::mem::take(&mut self.unmapped_categories);
        for (label, n) in unmapped {
            let label = crate::privacy::redact(names, &label).unwrap_or(label);
            *self.unmapped_categories.entry(label).or_insert(0) += n;
        }
    }
}

/// Imports every source a review lists, paths relative to the review folder at `root`.
pub fn import_review(
    sources: &[crate::review::Source],
    root: &Path,
) -> Result<(Evidence, Vec<SourceReport>)> {
    let mut evidence = Evidence::default();
    let mut reports = Vec::new();
    for s in sources {
        let path = root.join(&s.path);
        reports.push(import(&Request::for_source(s, &path), &mut evidence)?);
    }
    Ok((evidence, reports))
}

impl<'a> Request<'a> {
    /// The request for a source listed in review.toml, found at `path`.
    pub fn for_source(s: &'a crate::review::Source, path: &'a Path) -> Self {
        Request {
            kind: s.kind,
            path,
            shown: &s.path,
            sheet: s.sheet.as_deref(),
            columns: &s.columns,
            maps: Mappings {
                categories: s.categories.clone(),
                roles: s.roles.clone(),
                groups: s.groups.clone(),
            },
        }
    }
}

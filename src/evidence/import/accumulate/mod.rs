//! Rows folded into records as they are read: each row used, noted, skipped with its
//! reason, or left out as not about online safety, and counted in the source's report.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Evidence, Request, Skipped, SourceReport};
use crate::diag::Location;
use crate::evidence::header::Header;
use crate::evidence::mapping::CategoryMapper;
use crate::evidence::records::{self, Mappings, Meeting, RowOutcome};
use crate::evidence::registers::{self, Document};
use crate::evidence::table::{Origin, SheetRow};
use crate::evidence::{Field, Kind};
use crate::text::normalise;

mod agreements;
mod concealed;
mod either;
mod logs;
mod people;
mod unsaved;

pub(crate) use agreements::SAME_DAY;

pub(super) struct Accumulator<'e> {
    kind: Kind,
    maps: Mappings,
    as_of: Option<NaiveDate>,
    categories: CategoryMapper,
    origin: Origin,
    header: Header,
    evidence: &'e mut Evidence,
    report: SourceReport,
    people: usize,
    names_before: usize,
    /// Agreement rows held until the whole Signed column is read.
    agreements: Vec<registers::Pending>,
    /// Each document, meeting, filtering check, survey or engagement taken so far, as
    /// [`Accumulator::once`] knows it, with the row it was first on (these registers and
    /// logs are small).
    seen: BTreeMap<String, u32>,
    /// The cells (row, column) of the sheet that hold a formula, where a blank one matters.
    formulas: std::collections::BTreeSet<(u32, u32)>,
    /// The rows (from 0) the workbook hides or strikes through.
    concealed: BTreeMap<u32, crate::spreadsheet::Concealed>,
    /// What each row skipped was of, by row: an agreements row's group, once read; a
    /// policy register's document name.
    groups: BTreeMap<u32, String>,
    /// The rows skipped because they could not be used (an agreements row with no group,
    /// or whose count cannot be read), not because another row stands for them.
    unusable: std::collections::BTreeSet<u32>,
    /// A policy register's rows held until its review date column, which can mean either
    /// review, has been read through (see [`either`]).
    held: Option<Vec<SheetRow>>,
}

impl<'e> Accumulator<'e> {
    /// A record dated after the review date is skipped with that reason: it neither raises
    /// nor lowers a figure. Its date still widens the source's dates, so that a source all
    /// of whose records are after the review date is warned of as such.
    fn after_review<T>(
        &mut self,
        outcome: RowOutcome<T>,
        date: impl Fn(&T) -> Option<NaiveDate>,
        field: Field,
    ) -> RowOutcome<T> {
        let (RowOutcome::Used(r) | RowOutcome::Noted { record: r, .. }) = &outcome else {
            return outcome;
        };
        match (date(r), self.as_of) {
            (Some(d), Some(as_of)) if d > as_of => {
                self.widen(d);
                RowOutcome::Skipped {
                    reason: format!(
                        "dated {}, after the review date ({}): not counted",
                        crate::dates::uk(d),
                        crate::dates::uk(as_of)
                    ),
                    col: self.header.col(field),
                }
            }
            _ => outcome,
        }
    }

    pub(super) fn new(
        req: &Request<'_>,
        origin: Origin,
        header: Header,
        evidence: &'e mut Evidence,
    ) -> Self {
        let report = SourceReport {
            path: req.shown.to_path_buf(),
            kind: req.kind,
            sheet: origin.sheet.clone(),
            header_row: header.last_row + 1,
            columns: header.columns.clone(),
            rows_read: 0,
            rows_used: 0,
            skipped: Vec::new(),
            noted: Vec::new(),
            date_range: None,
            dates_counted: None,
            unmapped_categories: BTreeMap::new(),
            rows_left_out: 0,
            left_out_categories: BTreeMap::new(),
            names_also_from: Vec::new(),
            sheets_unread: Vec::new(),
            sheets_read: 1,
            training_rows: Vec::new(),
            signed_dates: false,
            unplaced_groups: Vec::new(),
        };
        let names_before = evidence.private.len();
        let mut acc = Accumulator {
            agreements: Vec::new(),
            seen: BTreeMap::new(),
            formulas: std::collections::BTreeSet::new(),
            concealed: BTreeMap::new(),
            groups: BTreeMap::new(),
            unusable: std::collections::BTreeSet::new(),
            people: 0,
            names_before,
            kind: req.kind,
            maps: req.maps.clone(),
            as_of: req.as_of,
            categories: CategoryMapper::new(&req.maps.categories),
            origin,
            header,
            evidence,
            report,
            held: None,
        };
        acc.hold_if_either();
        acc
    }

    /// Reads one row of the sheet; rows of the header and above are passed over.
    pub(super) fn row(&mut self, row: &SheetRow) {
        if row.index <= self.header.last_row || self.set_aside(row) || self.held_row(row) {
            return;
        }
        if let Some(reason) = registers::section_heading(row, self.kind) {
            let outcome: RowOutcome<()> = RowOutcome::Skipped { reason, col: None };
            self.take(outcome, row.index, |_, ()| None);
            return;
        }
        let (used, date) = match self.kind {
            Kind::Training => self.training(row),
            Kind::Incidents => match self.incident(row) {
                Some(taken) => taken,
                None => return,
            },
            Kind::Meetings => self.meeting(row),
            Kind::Documents => self.document(row),
            Kind::Agreements => {
                match registers::agreement(
                    row,
                    &self.header,
                    &self.maps,
                    &mut self.evidence.private,
                ) {
                    Ok(pending) => {
                        self.agreements.push(pending);
                        return;
                    }
                    Err(outcome) => {
                        self.unplaced(&outcome, row);
                        if matches!(&outcome, RowOutcome::Skipped { reason, .. } if reason == registers::NO_GROUP)
                        {
                            self.unusable.insert(row.index);
                        }
                        self.agreement(outcome, row.index)
                    }
                }
            }
            Kind::Filtering => self.filtering(row),
            Kind::Surveys => self.survey(row),
            Kind::Engagement => self.engagement(row),
            Kind::Pupils => {
                let before = self.evidence.private.len();
                let outcome = records::pupil(row, &self.header, &mut self.evidence.private);
                self.people += self.evidence.private.len() - before;
                self.take(outcome, row.index, |e, ()| {
                    e.pupils += 1;
                    None
                })
            }
        };
        if used && let Some(d) = date {
            self.widen(d);
        }
    }

    /// A record that repeats one on an earlier row (a document listed again with the same
    /// name, owner, approver and dates; a meeting copied with the same date, group,
    /// attendance and items; a filtering check, survey or engagement typed again with the
    /// same date, words and figures) is one record: the copy is skipped, naming the row it repeats,
    /// so that it is neither listed nor counted twice. Words are compared without case,
    /// spacing or punctuation ("Online Safety Policy" and "online safety policy "), and
    /// dates as days, however they were typed; the first row's spelling is kept.
    fn once<T>(
        &mut self,
        outcome: RowOutcome<T>,
        row: u32,
        key: impl Fn(&T) -> String,
        copy: &str,
    ) -> RowOutcome<T> {
        let (RowOutcome::Used(r) | RowOutcome::Noted { record: r, .. }) = &outcome else {
            return outcome;
        };
        match self.seen.get(&key(r)) {
            Some(first) => RowOutcome::Skipped {
                reason: format!("{copy} as row {}: taken once", first + 1),
                col: None,
            },
            None => {
                self.seen.insert(key(r), row);
                outcome
            }
        }
    }

    /// A meeting row, counted once however many rows repeat it.
    fn meeting(&mut self, row: &SheetRow) -> (bool, Option<NaiveDate>) {
        let read = records::meeting(row, &self.header, &self.maps);
        let read = self.after_review(read, |m| Some(m.date), Field::MeetingDate);
        let outcome = self.once(
            read,
            row.index,
            |m| {
                let words = (normalise(&m.name), normalise(&m.items));
                format!("{:?}", (m.date, words, m.attendees))
            },
            "the same meeting",
        );
        self.take(outcome, row.index, |e, m: Meeting| {
            let d = m.date;
            e.meetings.push(m);
            Some(d)
        })
    }

    /// A policy register's row, listed once however many rows repeat it.
    fn document(&mut self, row: &SheetRow) -> (bool, Option<NaiveDate>) {
        let read = registers::document(row, &self.header);
        let read = self.unsaved_dates(row, read);
        let outcome = self.once(
            read,
            row.index,
            |d| {
                let dates = (d.last_reviewed, d.next_due, d.every_months);
                let words = [&d.name, &d.owner, &d.approved_by].map(|w| normalise(w));
                format!("{:?}", (words, dates))
            },
            "the same document with the same dates",
        );
        if let RowOutcome::Skipped { .. } = outcome {
            let name = records::text(row, &self.header, Field::DocumentName);
            if !name.is_empty() {
                self.groups.insert(row.index, name);
            }
        }
        let place = self.origin.row(row.index);
        let (origin, header, index) = (self.origin.clone(), self.header.clone(), row.index);
        let name_at =
            (self.header.col(Field::DocumentName)).map(|c| self.origin.cell(row.index, c));
        self.take(outcome, row.index, |e, mut d: Document| {
            d.place = Some(place);
            d.cells = registers::DateCells::of(&origin, &header, index, d.last_from, &d.unread);
            d.name_at = name_at;
            let date = d.last_reviewed;
            e.documents.push(d);
            date
        })
    }

    /// The cells of the sheet that hold a formula, so that one read blank because its value
    /// was never saved can be told from a blank cell.
    pub(super) fn formulas(&mut self, cells: impl IntoIterator<Item = (u32, u32)>) {
        self.formulas.extend(cells);
    }

    /// Takes in the earliest and latest dates of the records used.
    fn widen(&mut self, d: NaiveDate) {
        let wider = |range: Option<(NaiveDate, NaiveDate)>| match range {
            None => (d, d),
            Some((a, b)) => (a.min(d), b.max(d)),
        };
        self.report.date_range = Some(wider(self.report.date_range));
        if self.as_of.is_none_or(|as_of| d <= as_of) {
            self.report.dates_counted = Some(wider(self.report.dates_counted));
        }
    }

    fn take<T>(
        &mut self,
        outcome: RowOutcome<T>,
        row: u32,
        keep: impl FnOnce(&mut Evidence, T) -> Option<NaiveDate>,
    ) -> (bool, Option<NaiveDate>) {
        match outcome {
            RowOutcome::Blank => (false, None),
            RowOutcome::Used(record) => {
                self.report.rows_read += 1;
                self.report.rows_used += 1;
                (true, keep(self.evidence, record))
            }
            RowOutcome::Noted { record, note, col } => {
                self.report.rows_read += 1;
                self.report.rows_used += 1;
                let note = if self.kind.names_children() {
                    without_values(&note)
                } else {
                    crate::text::clip_quotes(&note)
                };
                let noted = self.place(row, col, note);
                self.report.noted.push(noted);
                (true, keep(self.evidence, record))
            }
            RowOutcome::Skipped { reason, col } => {
                self.report.rows_read += 1;
                let reason = if self.kind.names_children() {
                    without_values(&reason)
                } else {
                    crate::text::clip_quotes(&reason)
                };
                if !no_record(&reason) {
                    self.evidence.skips.push(super::Skip {
                        kind: self.kind,
                        subject: self.groups.remove(&row),
                        unusable: self.unusable.remove(&row),
                        reason: reason.clone(),
                    });
                }
                let skipped = self.place(row, col, reason);
                self.report.skipped.push(skipped);
                (false, None)
            }
        }
    }

    fn place(&self, row: u32, col: Option<u32>, reason: String) -> Skipped {
        let at: Location = match col {
            Some(c) => self.origin.cell(row, c),
            None => self.origin.row(row),
        };
        Skipped {
            row: row + 1,
            place: at.cell.unwrap_or_default(),
            reason,
        }
    }

    /// Learns the names in a row of another sheet, whose header is `header`; only the chosen
    /// sheet's records are counted. [`Accumulator::names_done`] ends the sheet.
    pub(super) fn names_row(&mut self, header: &Header, row: &SheetRow) {
        if row.index <= header.last_row {
            return;
        }
        let before = self.evidence.private.len();
        if records::learn_names(row, header, &mut self.evidence.private) > 0
            && self.kind == Kind::Pupils
        {
            self.evidence.pupils += 1;
        }
        if self.kind == Kind::Pupils {
            self.people += self.evidence.private.len() - before;
        }
    }

    /// The header records are read under.
    pub(super) fn header(&self) -> &Header {
        &self.header
    }

    /// Goes on to another sheet of the same workbook whose headings map the same fields:
    /// its rows are read as more of the same records, and their places name that sheet.
    pub(super) fn next_sheet(&mut self, origin: Origin, header: Header, name: &str) {
        self.release();
        self.origin = origin;
        self.header = header;
        self.hold_if_either();
        // The cells that hold a formula, and the rows set aside, were the last sheet's.
        self.formulas.clear();
        self.concealed.clear();
        self.report.sheets_read += 1;
        self.report.sheet = Some(match self.report.sheet.take() {
            Some(read) => format!("{read}, {name}"),
            None => name.to_string(),
        });
    }

    /// A sheet of the workbook that was not read, with why.
    pub(super) fn sheet_unread(&mut self, name: &str, why: &str) {
        self.report.sheets_unread.push(format!("{name} ({why})"));
    }

    /// Another sheet's names are all learnt.
    pub(super) fn names_done(&mut self, sheet: &str) {
        self.report.names_also_from.push(sheet.to_string());
    }

    pub(super) fn finish(mut self) -> SourceReport {
        self.release();
        self.settle_agreements();
        if self.kind.names_children() {
            let people = if self.kind == Kind::Pupils {
                self.people
            } else {
                self.evidence.private.len() - self.names_before
            };
            self.evidence
                .name_sources
                .push((self.report.path.clone(), self.kind, people));
        }
        self.report
    }
}

/// Whether a row skipped for `reason` was no record at all: a footer, a note or a section
/// heading, which a blank template holds too.
fn no_record(reason: &str) -> bool {
    reason == records::NOTE || reason.ends_with(registers::SECTION_HEADING)
}

/// A reason for skipping a row with any cell value in it taken out: for records that name
/// children, nothing from a cell is ever repeated back.
fn without_values(reason: &str) -> String {
    if reason.starts_with("the number ") && reason.contains(" in the date column") {
        return "a number in the date column is not a date".into();
    }
    let mut out = String::new();
    for (i, part) in reason.split('`').enumerate() {
        out.push_str(if i % 2 == 1 { "the cell" } else { part });
    }
    out
}

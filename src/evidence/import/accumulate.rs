//! Rows folded into records as they are read: each row used, noted, skipped with its
//! reason, or left out as not about online safety, and counted in the source's report.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Evidence, Request, Skipped, SourceReport};
use crate::diag::Location;
use crate::evidence::Kind;
use crate::evidence::header::Header;
use crate::evidence::mapping::{CategoryMapper, Scope};
use crate::evidence::records::{self, Incident, Mappings, Meeting, Outcome, Training};
use crate::evidence::table::{Origin, SheetRow};

pub(super) struct Accumulator<'e> {
    kind: Kind,
    maps: Mappings,
    categories: CategoryMapper,
    origin: Origin,
    header: Header,
    evidence: &'e mut Evidence,
    report: SourceReport,
}

impl<'e> Accumulator<'e> {
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
            unmapped_categories: BTreeMap::new(),
            rows_left_out: 0,
            left_out_categories: BTreeMap::new(),
        };
        Accumulator {
            kind: req.kind,
            maps: req.maps.clone(),
            categories: CategoryMapper::new(&req.maps.categories),
            origin,
            header,
            evidence,
            report,
        }
    }

    pub(super) fn row(&mut self, row: &SheetRow) {
        if row.index <= self.header.last_row {
            return;
        }
        let (used, date) = match self.kind {
            Kind::Training => self.take(
                records::training(row, &self.header, &self.maps),
                row,
                |e, t: Training| {
                    let d = t.date;
                    e.training.push(t);
                    d
                },
            ),
            Kind::Incidents => {
                let outcome = records::incident(
                    row,
                    &self.header,
                    &mut self.categories,
                    &mut self.evidence.private,
                    &mut self.report.unmapped_categories,
                );
                let outcome = match outcome {
                    Outcome::Used(mut incident) => {
                        if !self.in_scope(&mut incident) {
                            self.report.rows_read += 1;
                            self.report.rows_left_out += 1;
                            return;
                        }
                        Outcome::Used(incident)
                    }
                    other => other,
                };
                self.take(outcome, row, |e, i: Incident| {
                    let d = i.date;
                    e.incidents.add(i);
                    Some(d)
                })
            }
            Kind::Meetings => self.take(
                records::meeting(row, &self.header, &self.maps),
                row,
                |e, m: Meeting| {
                    let d = m.date;
                    e.meetings.push(m);
                    Some(d)
                },
            ),
        };
        if used && let Some(d) = date {
            self.report.date_range = Some(match self.report.date_range {
                None => (d, d),
                Some((a, b)) => (a.min(d), b.max(d)),
            });
        }
    }

    fn take<T>(
        &mut self,
        outcome: Outcome<T>,
        row: &SheetRow,
        keep: impl FnOnce(&mut Evidence, T) -> Option<NaiveDate>,
    ) -> (bool, Option<NaiveDate>) {
        match outcome {
            Outcome::Blank => (false, None),
            Outcome::Used(record) => {
                self.report.rows_read += 1;
                self.report.rows_used += 1;
                (true, keep(self.evidence, record))
            }
            Outcome::Noted { record, note, col } => {
                self.report.rows_read += 1;
                self.report.rows_used += 1;
                let noted = self.place(row, col, note);
                self.report.noted.push(noted);
                (true, keep(self.evidence, record))
            }
            Outcome::Skipped { reason, col } => {
                self.report.rows_read += 1;
                let skipped = self.place(row, col, reason);
                self.report.skipped.push(skipped);
                (false, None)
            }
        }
    }

    /// Keeps only the incident's online safety categories; with none, counts it as left out
    /// under each of its categories and says so.
    fn in_scope(&mut self, incident: &mut Incident) -> bool {
        let mapper = &self.categories;
        if incident
            .categories
            .iter()
            .any(|c| mapper.scope(c) == Scope::Online)
        {
            incident
                .categories
                .retain(|c| mapper.scope(c) == Scope::Online);
            return true;
        }
        for c in &incident.categories {
            *self
                .report
                .left_out_categories
                .entry(c.clone())
                .or_insert(0) += 1;
            *self.evidence.left_out.entry(c.clone()).or_insert(0) += 1;
        }
        false
    }

    fn place(&self, row: &SheetRow, col: Option<u32>, reason: String) -> Skipped {
        let at: Location = match col {
            Some(c) => self.origin.cell(row.index, c),
            None => self.origin.row(row.index),
        };
        Skipped {
            row: row.index + 1,
            place: at.cell.unwrap_or_default(),
            reason,
        }
    }

    pub(super) fn finish(self) -> SourceReport {
        self.report
    }
}

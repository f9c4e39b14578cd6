//! The rows of training and incident logs: each kept with the person's other rows, so that
//! its note is settled once the review date is known, and an incident taken only when it
//! is in the review's scope.

use chrono::NaiveDate;

use super::super::settle::PersonRow;
use super::Accumulator;
use crate::evidence::Field;
use crate::evidence::mapping::Scope;
use crate::evidence::records::{self, Incident, RowOutcome, Training};
use crate::evidence::table::SheetRow;

impl Accumulator<'_> {
    /// A training row, kept with the person's other rows so its note can be settled once
    /// the review date is known.
    pub(super) fn training(&mut self, row: &SheetRow) -> (bool, Option<NaiveDate>) {
        let outcome = records::training(row, &self.header, &self.maps);
        let person = match &outcome {
            RowOutcome::Used(t) => Some((t.key.clone(), t.person.clone(), t.date, false)),
            RowOutcome::Noted { record: t, .. } => {
                Some((t.key.clone(), t.person.clone(), t.date, true))
            }
            RowOutcome::Blank | RowOutcome::Skipped { .. } => None,
        };
        let taken = self.take(outcome, row.index, |e, t: Training| {
            let d = t.date;
            e.training.push(t);
            d
        });
        if let Some((key, person, date, noted)) = person {
            let at = self.place(
                row.index,
                self.header.col(Field::TrainingDate),
                String::new(),
            );
            self.report.training_rows.push(PersonRow {
                key,
                person,
                date,
                row: at.row,
                place: at.place,
                noted: noted.then(|| self.report.noted.len() - 1),
            });
        }
        taken
    }

    /// An incident row; `None` when it is left out as not about online safety.
    pub(super) fn incident(&mut self, row: &SheetRow) -> Option<(bool, Option<NaiveDate>)> {
        let outcome = records::incident(
            row,
            &self.header,
            &mut self.categories,
            &mut self.evidence.private,
            &mut self.report.unmapped_categories,
        );
        let outcome = match outcome {
            RowOutcome::Used(mut incident) => {
                if !self.in_scope(&mut incident) {
                    self.report.rows_read += 1;
                    self.report.rows_left_out += 1;
                    return None;
                }
                RowOutcome::Used(incident)
            }
            other => other,
        };
        Some(self.take(outcome, row.index, |e, i: Incident| {
            let d = i.date;
            e.incidents.add(i);
            Some(d)
        }))
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
}

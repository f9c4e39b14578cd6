//! The rows of the filtering, survey and engagement logs, each taken once however many
//! rows repeat it: a newsletter typed three times, or a survey whose responses were typed
//! "1,204" once and "1204" again, is one record, as a copied meeting or document is.

use chrono::NaiveDate;

use super::Accumulator;
use crate::evidence::Field;
use crate::evidence::records::{RowOutcome, text};
use crate::evidence::registers::{self, Engagement, FilteringCheck, Survey};
use crate::evidence::table::SheetRow;
use crate::text::normalise;

impl Accumulator<'_> {
    /// The words of `fields` in `row`, compared without case, spacing or punctuation.
    fn words(&self, row: &SheetRow, fields: &[Field]) -> Vec<String> {
        fields
            .iter()
            .map(|&f| normalise(&text(row, &self.header, f)))
            .collect()
    }

    /// A filtering check, counted once however many rows repeat it.
    pub(super) fn filtering(&mut self, row: &SheetRow) -> (bool, Option<NaiveDate>) {
        let words = self.words(
            row,
            &[
                Field::FilteringTested,
                Field::FilteringResult,
                Field::FilteringBy,
            ],
        );
        let read = registers::filtering(row, &self.header);
        let read = self.still_counted(row, read);
        let read = self.after_review(read, |c| Some(c.date), Field::FilteringDate);
        let outcome = self.once(
            read,
            row.index,
            |c| format!("{:?}", ("filtering", c.date, &words)),
            "the same filtering check",
        );
        self.take(outcome, row.index, |e, c: FilteringCheck| {
            let date = c.date;
            e.filtering.push(c);
            Some(date)
        })
    }

    /// A survey, counted once however many rows repeat it.
    pub(super) fn survey(&mut self, row: &SheetRow) -> (bool, Option<NaiveDate>) {
        let words = self.words(row, &[Field::SurveyTitle, Field::SurveyGroup]);
        let read = registers::survey(row, &self.header);
        let read = self.after_review(read, |s| Some(s.date), Field::SurveyDate);
        let outcome = self.once(
            read,
            row.index,
            |s| format!("{:?}", ("survey", s.date, &words, s.responses)),
            "the same survey",
        );
        self.take(outcome, row.index, |e, s: Survey| {
            let date = s.date;
            e.surveys.push(s);
            Some(date)
        })
    }

    /// A session or communication for parents, counted once however many rows repeat it.
    pub(super) fn engagement(&mut self, row: &SheetRow) -> (bool, Option<NaiveDate>) {
        let words = self.words(row, &[Field::EngagementType, Field::EngagementTitle]);
        let read = registers::engagement(row, &self.header);
        let read = self.after_review(read, |g| Some(g.date), Field::EngagementDate);
        let copy = match &read {
            RowOutcome::Used(g) | RowOutcome::Noted { record: g, .. } if !g.session => {
                "the same communication"
            }
            _ => "the same session",
        };
        let outcome = self.once(
            read,
            row.index,
            |g| format!("{:?}", ("engagement", g.date, &words, g.attendance)),
            copy,
        );
        self.take(outcome, row.index, |e, g: Engagement| {
            let date = g.date;
            e.engagement.push(g);
            Some(date)
        })
    }
}

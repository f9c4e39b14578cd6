//! Notes on training rows that can only be settled once the review date is known.
//!
//! A row is read before the person's other rows, and before the date the figures are for
//! is known: a row whose date cannot be read says "counted as not trained", though a later
//! row may give the person a good date; a row dated after the review date says nothing,
//! though the person will count as not trained. Each person's rows are kept (names and
//! dates only, for training records, which are small), and settled here.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Skipped, SourceReport};

/// One person's training row: who, the date read (if any), where, and its note, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    /// The person, as records are matched.
    pub key: String,
    /// The person, as written.
    pub person: String,
    /// The date read.
    pub date: Option<NaiveDate>,
    /// The row, from 1.
    pub row: u32,
    /// The date cell, for people.
    pub place: String,
    /// The index of the row's note in [`SourceReport::noted`], if it has one.
    pub noted: Option<usize>,
}

const NOT_TRAINED: &str = "; counted as not trained";

impl SourceReport {
    /// Settles the notes of training rows as of `as_of`: a row whose date is missing or
    /// unreadable, of a person another row gives a date on or before `as_of`, is no longer
    /// said to count as not trained; a person whose only dates are after `as_of` is noted.
    pub fn settle(&mut self, as_of: NaiveDate) {
        let mut dated: BTreeMap<&str, NaiveDate> = BTreeMap::new();
        for p in &self.training_rows {
            if let Some(d) = p.date.filter(|d| *d <= as_of) {
                let best = dated.entry(p.key.as_str()).or_insert(d);
                *best = (*best).max(d);
            }
        }
        let mut later: Vec<Skipped> = Vec::new();
        let mut said: Vec<&str> = Vec::new();
        for p in &self.training_rows {
            let has_date = dated.contains_key(p.key.as_str());
            match (p.noted, p.date) {
                (Some(i), _) if has_date => {
                    if let Some(note) = self.noted.get_mut(i)
                        && let Some(reason) = note.reason.strip_suffix(NOT_TRAINED)
                    {
                        note.reason =
                            format!("{reason}; another row gives their date, which is used");
                    }
                }
                (None, Some(d)) if d > as_of && !has_date && !said.contains(&p.key.as_str()) => {
                    said.push(&p.key);
                    later.push(Skipped {
                        row: p.row,
                        place: p.place.clone(),
                        reason: format!(
                            "{}: dated {}, after the review date{NOT_TRAINED}",
                            p.person,
                            crate::dates::uk(d)
                        ),
                    });
                }
                _ => {}
            }
        }
        self.noted.extend(later);
        self.noted.sort_by_key(|n| n.row);
    }
}

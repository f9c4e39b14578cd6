//! An agreements register's rows, taken once its whole Signed column is read. A person
//! listed on several rows of one group counts once in the figures; each later row says so,
//! naming the row it repeats (never the name, which may be a pupil's).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Accumulator;
use crate::evidence::Field;
use crate::evidence::records::{RowOutcome, text};
use crate::evidence::registers::{self, Agreement, class_year, part_key};
use crate::evidence::table::SheetRow;
use crate::text::normalise;

/// How the reason begins for a count replaced by another of the same group on the same
/// day, for the warning that names both rows.
pub(crate) const SAME_DAY: &str = "a different count of the same group on the same day as row";

/// A count's row (0-based) and the day it was counted.
type Counted = (u32, Option<NaiveDate>);

/// Whether count `a` is a lower share signed than count `b`: the less favourable of two.
fn lower(a: &Agreement, b: &Agreement) -> bool {
    // signed/of < signed/of, in whole numbers.
    (a.signed as u128) * (b.of as u128) < (b.signed as u128) * (a.of as u128)
}

/// Which of two counts of one group stands, and why the other does not: the later
/// count, or on the same day the lower share (the other row is then named in a warning).
/// `true` when the first stands.
fn stands(first: &Agreement, second: &Agreement) -> (bool, &'static str) {
    match first.date.cmp(&second.date) {
        std::cmp::Ordering::Greater => (true, "later"),
        std::cmp::Ordering::Less => (false, "later"),
        std::cmp::Ordering::Equal if first.signed == second.signed && first.of == second.of => {
            (true, "same")
        }
        std::cmp::Ordering::Equal => (!lower(second, first), "conflict"),
    }
}

/// The note on a person's row that repeats an earlier one.
fn repeat_note(first: u32) -> String {
    format!("the same person as row {first}, in the same group: counted once")
}

/// `outcome` with a note that it repeats row `first` (a spreadsheet row number), kept with
/// any note it had.
fn noted_again(outcome: RowOutcome<Agreement>, first: u32) -> RowOutcome<Agreement> {
    match outcome {
        RowOutcome::Used(record) => RowOutcome::Noted {
            record,
            note: repeat_note(first),
            col: None,
        },
        RowOutcome::Noted { record, note, col } => RowOutcome::Noted {
            record,
            note: format!("{note}; {}", repeat_note(first)),
            col,
        },
        other => other,
    }
}

impl Accumulator<'_> {
    /// A group's count of who signed that is blank only because it is a formula whose
    /// value was never saved says so, and what to do.
    fn unsaved(&self, outcome: RowOutcome<Agreement>, row: u32) -> RowOutcome<Agreement> {
        let signed = self.header.col(Field::AgreementSigned);
        match outcome {
            RowOutcome::Noted { record, note, col }
                if note.starts_with(registers::NO_COUNT)
                    && signed.is_some_and(|c| self.formulas.contains(&(row, c))) =>
            {
                RowOutcome::Noted {
                    record,
                    note: format!(
                        "the count of who signed is a formula whose value was never saved: open the file in your spreadsheet program, save it there, and import again; {}",
                        registers::GROUP_NONE
                    ),
                    col,
                }
            }
            other => other,
        }
    }

    /// An agreement row's outcome, once the register's Signed column is known.
    pub(super) fn agreement(
        &mut self,
        outcome: RowOutcome<Agreement>,
        row: u32,
    ) -> (bool, Option<NaiveDate>) {
        self.take(outcome, row, |e, a: Agreement| {
            let date = a.date;
            e.agreements.push(a);
            date
        })
    }

    /// Keeps the group of a row whose group cannot be placed, for the warning that names it.
    pub(super) fn unplaced(&mut self, outcome: &RowOutcome<Agreement>, row: &SheetRow) {
        if !matches!(outcome, RowOutcome::Skipped { reason, .. } if reason == registers::UNPLACED) {
            return;
        }
        let group = text(row, &self.header, Field::AgreementGroup);
        let group = if self.evidence.private.found_in(&group) {
            "(a group whose name holds a child's name)".to_string()
        } else {
            group.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let list = &mut self.report.unplaced_groups;
        match list
            .iter_mut()
            .find(|(g, _)| normalise(g) == normalise(&group))
        {
            Some((_, rows)) => rows.push(row.index + 1),
            None => list.push((group, vec![row.index + 1])),
        }
    }

    /// The counts of one register, each group's latest standing: an earlier count of a
    /// group ("Year 3", "Y3", "year three" are one) is skipped, naming the row that
    /// replaces it; two different counts on the same day stand as the lower share, and the
    /// other is skipped naming it, for a warning.
    fn latest_counts(
        &self,
        rows: Vec<(u32, RowOutcome<Agreement>)>,
    ) -> Vec<(u32, RowOutcome<Agreement>)> {
        let key = |o: &RowOutcome<Agreement>| match o {
            RowOutcome::Used(a) | RowOutcome::Noted { record: a, .. } if a.person.is_none() => {
                Some((a.group.clone(), part_key(&a.part)))
            }
            _ => None,
        };
        let record = |o: &RowOutcome<Agreement>| match o {
            RowOutcome::Used(a) | RowOutcome::Noted { record: a, .. } => Some(a.clone()),
            _ => None,
        };
        // Each group's standing row, and why each other row does not stand.
        let mut standing: BTreeMap<(String, String), (u32, Agreement)> = BTreeMap::new();
        let mut fallen: BTreeMap<u32, String> = BTreeMap::new();
        for (row, outcome) in &rows {
            let (Some(k), Some(a)) = (key(outcome), record(outcome)) else {
                continue;
            };
            let Some((at, held)) = standing.get(&k).cloned() else {
                standing.insert(k, (*row, a));
                continue;
            };
            let (first, why) = stands(&held, &a);
            let (won, lost) = if first { (at, *row) } else { (*row, at) };
            let reason = match why {
                "same" => format!("the same count as row {}: taken once", won + 1),
                "later" => format!(
                    "an earlier count of the same group than row {}: replaced by it",
                    won + 1
                ),
                _ => format!(
                    "{SAME_DAY} {}: the lower share, on row {}, is taken",
                    won + 1,
                    won + 1
                ),
            };
            fallen.insert(lost, reason);
            if !first {
                standing.insert(k, (*row, a));
            }
        }
        let col = self.header.col(Field::AgreementSigned);
        rows.into_iter()
            .map(|(row, outcome)| match fallen.remove(&row) {
                Some(reason) => (row, RowOutcome::Skipped { reason, col }),
                None => (row, outcome),
            })
            .collect()
    }

    /// A year group counted both whole ("Year 4") and class by class ("4B", "4W") would count
    /// each child twice: the classes stand and the year's own row is skipped, naming theirs,
    /// unless the year's count is later than every class's (a recount of the whole year),
    /// when the classes are skipped, naming it.
    fn classes_over_years(
        &self,
        rows: Vec<(u32, RowOutcome<Agreement>)>,
    ) -> Vec<(u32, RowOutcome<Agreement>)> {
        let count = |o: &RowOutcome<Agreement>| match o {
            RowOutcome::Used(a) | RowOutcome::Noted { record: a, .. } if a.person.is_none() => {
                Some(a.clone())
            }
            _ => None,
        };
        // Each year counted whole: its row and date; each year's classes: their rows, dates.
        let mut years: BTreeMap<(String, String), Counted> = BTreeMap::new();
        let mut classes: BTreeMap<(String, String), Vec<Counted>> = BTreeMap::new();
        for (row, o) in &rows {
            let Some(a) = count(o) else { continue };
            match class_year(&a.part) {
                Some(year) => classes
                    .entry((a.group, year))
                    .or_default()
                    .push((*row, a.date)),
                None => {
                    years.insert((a.group, part_key(&a.part)), (*row, a.date));
                }
            }
        }
        let mut fallen: BTreeMap<u32, String> = BTreeMap::new();
        for (key, (row, date)) in &years {
            let Some(parts) = classes.get(key) else {
                continue;
            };
            let list = |rows: &[u32]| {
                let rows: Vec<String> = rows.iter().map(|r| (r + 1).to_string()).collect();
                rows.join(", ")
            };
            if parts.iter().all(|(_, d)| date > d) {
                for (r, _) in parts {
                    let why = format!(
                        "a class of a year group counted again, later, for the whole year on row {}: counted there, so each child counts once",
                        row + 1
                    );
                    fallen.insert(*r, why);
                }
            } else {
                let rows: Vec<u32> = parts.iter().map(|(r, _)| *r).collect();
                let why = format!(
                    "a year group whose classes are counted on rows {}: counted by its classes, so each child counts once",
                    list(&rows)
                );
                fallen.insert(*row, why);
            }
        }
        let col = self.header.col(Field::AgreementGroup);
        rows.into_iter()
            .map(|(row, outcome)| match fallen.remove(&row) {
                Some(reason) => (row, RowOutcome::Skipped { reason, col }),
                None => (row, outcome),
            })
            .collect()
    }

    /// The agreement rows held until the whole Signed column was read, judged together and
    /// taken in the register's order; a person's row repeating an earlier one of the same
    /// group (as the figures know a person: the folded name) is noted as counted once.
    pub(super) fn settle_agreements(&mut self) {
        let pending = std::mem::take(&mut self.agreements);
        if pending.is_empty() {
            return;
        }
        let settled = registers::settle(pending, &self.header);
        self.report.signed_dates = settled.dates_in_signed;
        let rows = settled
            .rows
            .into_iter()
            .map(|(row, group, o)| {
                // A row of a known group that cannot be used leaves that group's check
                // not met: leaving it out could raise the group's share signed.
                if matches!(o, RowOutcome::Skipped { .. }) {
                    self.unusable.insert(row);
                }
                let o = self.after_review(o, |a| a.date, Field::AgreementDate);
                if let RowOutcome::Skipped { .. } = &o {
                    self.groups.insert(row, group);
                }
                (row, o)
            })
            .collect();
        let rows = self.latest_counts(rows);
        let rows = self.classes_over_years(rows);
        let mut people: BTreeMap<(String, String, u64), u32> = BTreeMap::new();
        for (row, outcome) in rows {
            let person = match &outcome {
                RowOutcome::Used(a) | RowOutcome::Noted { record: a, .. } => {
                    a.person.map(|p| (a.group.clone(), normalise(&a.part), p))
                }
                _ => None,
            };
            let outcome = match person.map(|key| *people.entry(key).or_insert(row)) {
                Some(first) if first != row => noted_again(outcome, first + 1),
                _ => self.unsaved(outcome, row),
            };
            if let (true, Some(d)) = self.agreement(outcome, row) {
                self.widen(d);
            }
        }
        self.report.skipped.sort_by_key(|s| s.row);
        self.report.noted.sort_by_key(|s| s.row);
    }
}

//! Taking the names of children out of what an import keeps and shows.
//!
//! Incident categories, meeting names and training records reach the reports, and an
//! import's report reaches the terminal and `--json`; a pupil's name typed into any of them
//! is replaced before they go further.

use super::{Evidence, SourceReport};
use crate::privacy::{Names, redact};

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
            .rename_categories(|label| redact(names, label));
        let left_out = std::mem::take(&mut self.left_out);
        for (label, n) in left_out {
            let label = match redact(names, &label) {
                Some(clean) => {
                    held.categories += 1;
                    clean
                }
                None => label,
            };
            *self.left_out.entry(label).or_insert(0) += n;
        }
        for m in &mut self.meetings {
            let mut held_here = false;
            for text in [&mut m.group, &mut m.name] {
                if let Some(clean) = redact(names, text) {
                    *text = clean;
                    held_here = true;
                }
            }
            held.meetings += usize::from(held_here);
        }
        for t in &mut self.training {
            // A member of staff may share a pupil's name: the person is replaced alone.
            if let Some(clean) = redact(names, &t.person) {
                t.person = clean;
            }
            for text in [&mut t.role, &mut t.course, &mut t.group] {
                if let Some(clean) = redact(names, text) {
                    *text = clean;
                    held.training += 1;
                }
            }
        }
        for d in &mut self.documents {
            // Owners and approvers are adults, who may share a pupil's name.
            for text in [&mut d.owner, &mut d.approved_by] {
                if let Some(clean) = redact(names, text) {
                    *text = clean;
                }
            }
            if let Some(clean) = redact(names, &d.name) {
                d.name = clean;
                let at = d.name_at.clone().or_else(|| d.place.clone());
                held.documents.push(at);
            }
        }
        for a in &mut self.agreements {
            if let Some(clean) = redact(names, &a.part) {
                a.part = clean;
                held.agreements += 1;
            }
        }
        for s in &mut self.surveys {
            // A group is kept as written when it is none of the usual ones.
            let mut named = false;
            for g in &mut s.groups {
                if let Some(clean) = redact(names, g) {
                    *g = clean;
                    named = true;
                }
            }
            held.surveys += usize::from(named);
        }
        held
    }
}

/// How many texts of each kind of record held a name and were replaced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Withheld {
    /// Incident categories.
    pub categories: usize,
    /// Meeting names.
    pub meetings: usize,
    /// Roles, courses and groups in training records (the person trained is replaced
    /// without a finding: a member of staff may share a pupil's name).
    pub training: usize,
    /// The cell of each document title in the policy register that named a pupil (owners
    /// and approvers are replaced without a finding, as the people trained are).
    pub documents: Vec<Option<crate::diag::Location>>,
    /// The parts of groups that signed acceptable use agreements.
    pub agreements: usize,
    /// Who surveys asked.
    pub surveys: usize,
}

impl SourceReport {
    /// Takes out of this report any heading or category that holds a name: for the terminal
    /// and JSON, which must never repeat one.
    pub fn withhold_names(&mut self, names: &Names) {
        for c in &mut self.columns {
            if let Some(clean) = redact(names, &c.header) {
                c.header = clean;
            }
        }
        if let Some(clean) = redact(names, &self.path.to_string_lossy()) {
            self.path = clean.into();
        }
        for skipped in self.skipped.iter_mut().chain(self.noted.iter_mut()) {
            for text in [&mut skipped.reason, &mut skipped.place] {
                if let Some(clean) = redact(names, text) {
                    *text = clean;
                }
            }
        }
        // A sheet's name is the school's text too: one named after a pupil is never shown.
        let sheets = self.names_also_from.iter_mut().chain(self.sheet.as_mut());
        let groups = self.unplaced_groups.iter_mut().map(|(g, _)| g);
        for sheet in sheets.chain(self.sheets_unread.iter_mut()).chain(groups) {
            if let Some(clean) = redact(names, sheet) {
                *sheet = clean;
            }
        }
        let left_out = std::mem::take(&mut self.left_out_categories);
        for (label, n) in left_out {
            let label = redact(names, &label).unwrap_or(label);
            *self.left_out_categories.entry(label).or_insert(0) += n;
        }
        let unmapped = std::mem::take(&mut self.unmapped_categories);
        for (label, n) in unmapped {
            let label = redact(names, &label).unwrap_or(label);
            *self.unmapped_categories.entry(label).or_insert(0) += n;
        }
    }
}
